//! Chooses the backend from a database URL, as the binary's `--database` flag gives it.

use std::sync::Arc;

use crate::error::StoreError;
use crate::postgres::PgStore;
use crate::sqlite::{SqliteLocation, SqliteStore};
use crate::store::Store;

/// Opens the store a URL names and applies its migrations: `postgres://` or `postgresql://`
/// for PostgreSQL; `sqlite::memory:`, `sqlite:PATH`, `sqlite://PATH` or a plain file path for
/// SQLite. Other schemes are refused with [`StoreError::Invalid`].
pub async fn connect(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    let trimmed = url.trim();
    if trimmed.starts_with("postgres://") || trimmed.starts_with("postgresql://") {
        return Ok(Arc::new(PgStore::connect(trimmed).await?));
    }
    match SqliteLocation::parse(trimmed) {
        Some(location) => Ok(Arc::new(SqliteStore::open(location).await?)),
        None => Err(StoreError::Invalid(
            "database url must start with sqlite: or postgres:// (or be a file path)".to_owned(),
        )),
    }
}
