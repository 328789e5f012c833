//! `SqliteStore`: the store on an embedded SQLite file, owned by one process.
//!
//! The file runs in WAL mode with `synchronous=FULL`, so a vote acknowledged to a client
//! survives a power cut; foreign keys are enforced; writers take the write lock up front
//! (`BEGIN IMMEDIATE`) and wait up to a busy timeout for each other.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use model::DialogueId;
use sqlx::SqlSafeStr as _;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::columns::{Parameters, VoteTable, placeholders};
use crate::error::StoreError;
use crate::lock::AnalysisLock;
use crate::store::Backend;

// The shared SQL is compiled once per backend, against this module's `Db` and `This`.
#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
mod sql;

pub(crate) type Db = sqlx::Sqlite;
pub(crate) type This = SqliteStore;
pub(crate) const BACKEND: Backend = Backend::Sqlite;
/// Takes the database's write lock at the start, so a transaction that reads and then writes
/// never fails half-way on a lock upgrade.
pub(crate) const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";
/// SQLite has no row locks: `BEGIN IMMEDIATE` already gives each writer the whole database.
pub(crate) const LOCK_DIALOGUE: &str = "";
/// As [`LOCK_DIALOGUE`].
pub(crate) const LOCK_PARTICIPANT: &str = "";
pub(crate) const PARAMETERS: Parameters = Parameters::Anonymous;

const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "initial",
        include_str!("../migrations/sqlite/0001_initial.sql"),
    ),
    (
        2,
        "ids_never_reused",
        include_str!("../migrations/sqlite/0002_ids_never_reused.sql"),
    ),
    (
        3,
        "partnerships",
        include_str!("../migrations/sqlite/0003_partnerships.sql"),
    ),
    (
        4,
        "shared_limits",
        include_str!("../migrations/sqlite/0004_shared_limits.sql"),
    ),
    (
        5,
        "weighting",
        include_str!("../migrations/sqlite/0005_weighting.sql"),
    ),
    (
        6,
        "group_labels",
        include_str!("../migrations/sqlite/0006_group_labels.sql"),
    ),
    (
        7,
        "dialogue_schedule",
        include_str!("../migrations/sqlite/0007_dialogue_schedule.sql"),
    ),
    (
        8,
        "moderation_reasons",
        include_str!("../migrations/sqlite/0008_moderation_reasons.sql"),
    ),
    (
        9,
        "settlements",
        include_str!("../migrations/sqlite/0009_settlements.sql"),
    ),
    (
        10,
        "convenor_invitations",
        include_str!("../migrations/sqlite/0010_convenor_invitations.sql"),
    ),
    (
        11,
        "outcomes_published",
        include_str!("../migrations/sqlite/0011_outcomes_published.sql"),
    ),
    (
        12,
        "priorities",
        include_str!("../migrations/sqlite/0012_priorities.sql"),
    ),
    (
        13,
        "priority_results_visibility",
        include_str!("../migrations/sqlite/0013_priority_results_visibility.sql"),
    ),
    (
        14,
        "trust",
        include_str!("../migrations/sqlite/0014_trust.sql"),
    ),
    (
        15,
        "system_maps",
        include_str!("../migrations/sqlite/0015_system_maps.sql"),
    ),
    (
        16,
        "facilitation",
        include_str!("../migrations/sqlite/0016_facilitation.sql"),
    ),
    (
        17,
        "safeguarding",
        include_str!("../migrations/sqlite/0017_safeguarding.sql"),
    ),
    (
        18,
        "versions",
        include_str!("../migrations/sqlite/0018_versions.sql"),
    ),
    (
        19,
        "rounds",
        include_str!("../migrations/sqlite/0019_rounds.sql"),
    ),
    (
        20,
        "moderators",
        include_str!("../migrations/sqlite/0020_moderators.sql"),
    ),
    (
        21,
        "translations",
        include_str!("../migrations/sqlite/0021_translations.sql"),
    ),
];

/// Marks, as the first line of a migration, one that runs outside a transaction and manages its
/// own, as sqlx's migration files do; only such a migration can switch foreign keys off.
const NO_TRANSACTION: &str = "-- no-transaction";

/// The newest migration this build applies.
pub(crate) fn latest_migration() -> i64 {
    MIGRATIONS
        .iter()
        .map(|(version, _, _)| *version)
        .max()
        .unwrap_or(0)
}

/// Rows per multi-row INSERT of vote rows: 5 values each, well under SQLite's 32766.
const VOTE_ROWS_PER_INSERT: usize = 1000;

/// Bulk-inserts vote rows `(participant, statement, choice, cast_at)` of one dialogue.
async fn insert_vote_rows(
    conn: &mut sqlx::SqliteConnection,
    table: VoteTable,
    dialogue: i64,
    rows: &[(i64, i64, i16, i64)],
) -> Result<(), StoreError> {
    for chunk in rows.chunks(VOTE_ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO {} (dialogue_id, participant_id, statement_id, choice, cast_at) \
             VALUES {}",
            table.name(),
            placeholders(chunk.len(), 5, PARAMETERS)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (participant, statement, choice, cast_at) in chunk {
            query = query
                .bind(dialogue)
                .bind(*participant)
                .bind(*statement)
                .bind(*choice)
                .bind(*cast_at);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Where a SQLite database lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SqliteLocation {
    /// A private in-memory database, gone when the store is dropped.
    Memory,
    /// A file, created if missing.
    File(PathBuf),
}

impl SqliteLocation {
    /// Reads `sqlite::memory:`, `sqlite:PATH`, `sqlite://PATH` or a plain file path; returns
    /// `None` for URLs of other schemes (anything else containing `://`). A query string after
    /// `?` is ignored.
    pub fn parse(url: &str) -> Option<SqliteLocation> {
        let url = url.trim();
        let without_query = url.split_once('?').map_or(url, |(path, _)| path);
        let path = if let Some(rest) = without_query.strip_prefix("sqlite:") {
            rest.strip_prefix("//").unwrap_or(rest)
        } else if without_query.contains("://") {
            return None;
        } else {
            without_query
        };
        if path == ":memory:" {
            return Some(SqliteLocation::Memory);
        }
        if path.is_empty() {
            return None;
        }
        Some(SqliteLocation::File(PathBuf::from(path)))
    }
}

/// The store on SQLite.
pub struct SqliteStore {
    pool: SqlitePool,
    /// Names this database in the process-wide registry of analysis locks.
    lock_scope: String,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("database", &self.lock_scope)
            .finish_non_exhaustive()
    }
}

fn migrator() -> Migrator {
    Migrator::with_migrations(
        MIGRATIONS
            .iter()
            .map(|(version, description, sql)| {
                Migration::new(
                    *version,
                    (*description).into(),
                    MigrationType::Simple,
                    sql.into_sql_str(),
                    sql.starts_with(NO_TRANSACTION),
                )
            })
            .collect(),
    )
}

static MEMORY_DATABASES: AtomicU64 = AtomicU64::new(0);

impl SqliteStore {
    /// Opens (creating if needed) the database named by a URL or path (see
    /// [`SqliteLocation::parse`]) and applies the migrations.
    pub async fn connect(url: &str) -> Result<SqliteStore, StoreError> {
        let location = SqliteLocation::parse(url)
            .ok_or_else(|| StoreError::Invalid("not a SQLite database url".to_owned()))?;
        SqliteStore::open(location).await
    }

    /// Opens (creating if needed) a database and applies the migrations.
    pub async fn open(location: SqliteLocation) -> Result<SqliteStore, StoreError> {
        let base = SqliteConnectOptions::new()
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let (pool, lock_scope) = match location {
            SqliteLocation::Memory => {
                // Every connection to `:memory:` is a separate database, so the pool keeps
                // exactly one connection alive for the store's whole life.
                let options = base.in_memory(true);
                let pool = SqlitePoolOptions::new()
                    .min_connections(1)
                    .max_connections(1)
                    .idle_timeout(None)
                    .max_lifetime(None)
                    .connect_with(options)
                    .await?;
                let number = MEMORY_DATABASES.fetch_add(1, Ordering::Relaxed);
                (pool, format!("memory:{number}"))
            }
            SqliteLocation::File(path) => {
                let options = base
                    .filename(&path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full);
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect_with(options)
                    .await?;
                let canonical = std::fs::canonicalize(&path).unwrap_or(path);
                (pool, format!("file:{}", canonical.display()))
            }
        };
        if let Err(error) = migrator().run(&pool).await {
            // Closing the connections rolls back a migration that stopped inside its own
            // transaction, and gives up a connection it may have left with foreign keys off.
            pool.close().await;
            return Err(error.into());
        }
        Ok(SqliteStore { pool, lock_scope })
    }

    /// The connection pool, for the backup module.
    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    async fn lock_analysis(
        &self,
        dialogue: DialogueId,
    ) -> Result<Option<AnalysisLock>, StoreError> {
        Ok(AnalysisLock::try_local(&self.lock_scope, dialogue))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_paths_name_sqlite_databases() {
        use SqliteLocation::{File, Memory};
        assert_eq!(SqliteLocation::parse("sqlite::memory:"), Some(Memory));
        assert_eq!(
            SqliteLocation::parse("sqlite:data/cg.db"),
            Some(File("data/cg.db".into()))
        );
        assert_eq!(
            SqliteLocation::parse("sqlite:///var/lib/cg.db?mode=rwc"),
            Some(File("/var/lib/cg.db".into()))
        );
        assert_eq!(
            SqliteLocation::parse("sqlite://cg.db"),
            Some(File("cg.db".into()))
        );
        assert_eq!(
            SqliteLocation::parse("/tmp/cg.db"),
            Some(File("/tmp/cg.db".into()))
        );
        assert_eq!(SqliteLocation::parse("postgres://localhost/cg"), None);
        assert_eq!(SqliteLocation::parse("sqlite:"), None);
    }

    #[test]
    fn every_migration_file_is_embedded_in_order() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
        let mut files: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let embedded: Vec<String> = MIGRATIONS
            .iter()
            .map(|(version, description, _)| format!("{version:04}_{description}.sql"))
            .collect();
        assert_eq!(files, embedded);
    }

    #[test]
    fn only_migrations_marked_on_their_first_line_run_outside_a_transaction() {
        let outside: Vec<i64> = migrator()
            .iter()
            .filter(|migration| migration.no_tx)
            .map(|migration| migration.version)
            .collect();
        assert_eq!(outside, [2]);
    }
}
