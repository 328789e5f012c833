//! Storage: the `Store` trait with SQLite and PostgreSQL implementations.
