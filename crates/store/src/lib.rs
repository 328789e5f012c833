//! Storage for Common Ground: the [`Store`] trait, with implementations on SQLite (one process
//! owns an embedded file) and PostgreSQL (several server instances may share a database).
//!
//! Only this crate speaks SQL. Each backend has its own migrations folder
//! (`migrations/sqlite`, `migrations/postgres`), embedded in the binary and applied when the
//! store connects. [`connect`] picks the backend from the database URL.

#![warn(missing_docs)]

mod backup;
mod columns;
mod connect;
mod error;
mod lock;
mod postgres;
mod records;
mod sqlite;
mod store;

pub use backup::check_sqlite_backup;
pub use connect::connect;
pub use error::{Entity, Source, StoreError};
pub use lock::AnalysisLock;
pub use postgres::PgStore;
pub use records::*;
pub use sqlite::{SqliteLocation, SqliteStore};
pub use store::{Store, StoreResult};
