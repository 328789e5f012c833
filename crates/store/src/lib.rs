//! Storage for Common Ground: the [`Store`] trait, with implementations on SQLite (one process
//! owns an embedded file) and PostgreSQL (several server instances may share a database).
//!
//! Only this crate speaks SQL. Each backend has its own migrations folder
//! (`migrations/sqlite`, `migrations/postgres`), applied when the store connects.

#![warn(missing_docs)]

mod error;
mod lock;
mod records;
mod store;

pub use error::{Entity, Source, StoreError};
pub use lock::AnalysisLock;
pub use records::*;
pub use store::{Store, StoreResult};
