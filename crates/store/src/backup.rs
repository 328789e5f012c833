//! Backups: of a SQLite store, a consistent copy taken while the server runs and the checks a
//! file must pass before it may replace a live database; of a PostgreSQL database, the checks
//! an archive written by `pg_dump` must pass before `pg_restore` may load it, and whether the
//! database to restore into already holds tables. The command line runs PostgreSQL's tools.

use std::path::Path;

use sqlx::Connection as _;
use sqlx::postgres::PgConnection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

use crate::error::StoreError;
use crate::sqlite::{SqliteStore, latest_migration};

/// The tables every Common Ground database holds; a file without them is not one of ours.
const REQUIRED_TABLES: [&str; 4] = ["_sqlx_migrations", "dialogues", "statements", "votes"];

impl SqliteStore {
    /// Writes a consistent copy of the whole database to `out` with `VACUUM INTO`, while
    /// other connections keep reading and writing. Refuses with [`StoreError::Invalid`] when
    /// `out` already exists or is not valid UTF-8.
    pub async fn backup_into(&self, out: &Path) -> Result<(), StoreError> {
        if out.exists() {
            return Err(StoreError::Invalid(format!(
                "{} already exists; a backup never overwrites a file",
                out.display()
            )));
        }
        let name = out
            .to_str()
            .ok_or_else(|| StoreError::Invalid(format!("{} is not a UTF-8 path", out.display())))?;
        sqlx::query("VACUUM INTO ?")
            .bind(name)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// Checks that the file at `path` is a sound SQLite database holding Common Ground's schema at
/// a migration this build knows: `PRAGMA integrity_check` answers `ok`, the migrations table
/// and the main tables exist, and no migration is newer than this build's.
///
/// Every refusal is a [`StoreError::Invalid`] that names the file and says what is wrong.
pub async fn check_sqlite_backup(path: &Path) -> Result<(), StoreError> {
    let invalid = |what: &str| StoreError::Invalid(format!("{}: {what}", path.display()));
    let not_database = |error: sqlx::Error| {
        StoreError::Invalid(format!(
            "{} is not a readable SQLite database ({error})",
            path.display()
        ))
    };
    if !path.is_file() {
        return Err(invalid("no such file"));
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .foreign_keys(false);
    let mut conn = SqliteConnection::connect_with(&options)
        .await
        .map_err(not_database)?;
    let outcome = check_connection(&mut conn, &invalid, &not_database).await;
    let closed = conn.close().await;
    outcome?;
    closed?;
    Ok(())
}

async fn check_connection(
    conn: &mut SqliteConnection,
    invalid: &impl Fn(&str) -> StoreError,
    not_database: &impl Fn(sqlx::Error) -> StoreError,
) -> Result<(), StoreError> {
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(not_database)?;
    if problems.len() != 1 || problems.first().map(String::as_str) != Some("ok") {
        let first = problems.first().map_or("no answer", String::as_str);
        return Err(invalid(&format!("the integrity check failed: {first}")));
    }
    for table in REQUIRED_TABLES {
        let found: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
        )
        .bind(table)
        .fetch_one(&mut *conn)
        .await
        .map_err(not_database)?;
        if found == 0 {
            return Err(invalid(&format!(
                "not a Common Ground database (no {table} table)"
            )));
        }
    }
    let newest: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut *conn)
            .await
            .map_err(not_database)?;
    match newest {
        None => Err(invalid("no migration was ever applied to it")),
        Some(version) if version > latest_migration() => Err(invalid(&format!(
            "it was written by a newer version (migration {version}; this build knows up to {})",
            latest_migration()
        ))),
        Some(_) => Ok(()),
    }
}

/// Counts the tables in the `public` schema of the PostgreSQL database at `url`: 0 for a fresh
/// database that a restore may fill, more for one already in use.
pub async fn postgres_table_count(url: &str) -> Result<u64, StoreError> {
    let mut conn = PgConnection::connect(url).await?;
    let tables: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")
            .fetch_one(&mut conn)
            .await?;
    conn.close().await?;
    Ok(u64::try_from(tables).unwrap_or(0))
}

/// Checks that a `pg_dump` archive holds Common Ground's schema at a migration this build
/// knows, from two of `pg_restore`'s readings of it: `listing`, its table of contents
/// (`pg_restore --list`), and `migrations`, the SQL that restores the data of its migrations
/// table (`pg_restore --data-only --table=_sqlx_migrations --file=-`).
///
/// Every refusal is a [`StoreError::Invalid`] that names the archive and says what is wrong.
pub fn check_postgres_archive(
    archive: &Path,
    listing: &str,
    migrations: &str,
) -> Result<(), StoreError> {
    let invalid = |what: &str| StoreError::Invalid(format!("{}: {what}", archive.display()));
    for table in REQUIRED_TABLES {
        let listed = listing.lines().any(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            words
                .windows(3)
                .any(|run| run[0] == "TABLE" && run[1] == "public" && run[2] == table)
        });
        if !listed {
            return Err(invalid(&format!(
                "not a Common Ground database (no {table} table)"
            )));
        }
    }
    match newest_migration_in(migrations) {
        None => Err(invalid("no migration was ever applied to it")),
        Some(version) if version > crate::postgres::latest_migration() => Err(invalid(&format!(
            "it was written by a newer version (migration {version}; this build knows up to {})",
            crate::postgres::latest_migration()
        ))),
        Some(_) => Ok(()),
    }
}

/// Returns the newest successful migration in the `COPY` data of a migrations table, as
/// `pg_restore` writes it: tab-separated rows of (version, description, installed_on, success,
/// ...) between the `COPY` line and `\.`.
fn newest_migration_in(script: &str) -> Option<i64> {
    let mut lines = script.lines();
    lines.find(|line| line.starts_with("COPY ") && line.contains("_sqlx_migrations"))?;
    lines
        .take_while(|line| *line != "\\.")
        .filter_map(|row| {
            let fields: Vec<&str> = row.split('\t').collect();
            let succeeded = fields.get(3) == Some(&"t");
            let version = fields.first()?.parse::<i64>().ok()?;
            succeeded.then_some(version)
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SqliteLocation;
    use crate::store::StoreConnection as _;

    async fn store_at(path: &Path) -> SqliteStore {
        SqliteStore::open(SqliteLocation::File(path.to_path_buf()))
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_backup_passes_the_restore_checks_and_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = store_at(&dir.path().join("live.db")).await;
        let out = dir.path().join("copy.db");
        store.backup_into(&out).await.unwrap();
        check_sqlite_backup(&out).await.unwrap();
        let again = store.backup_into(&out).await.unwrap_err();
        assert!(again.to_string().contains("already exists"), "{again}");
        store.close().await;
    }

    #[tokio::test]
    async fn files_that_are_not_our_databases_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(
            &text,
            "these are not the rows you are looking for\n".repeat(200),
        )
        .unwrap();
        let error = check_sqlite_backup(&text).await.unwrap_err();
        assert!(
            error.to_string().contains("not a readable SQLite database"),
            "{error}"
        );

        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        let error = check_sqlite_backup(&empty).await.unwrap_err();
        assert!(
            error.to_string().contains("not a Common Ground database"),
            "{error}"
        );

        let missing = check_sqlite_backup(&dir.path().join("absent.db"))
            .await
            .unwrap_err();
        assert!(missing.to_string().contains("no such file"), "{missing}");
    }

    const LISTING: &str = "\
;
; Archive created at 2026-12-03 18:00:00 UTC
215; 1259 16386 TABLE public _sqlx_migrations postgres
216; 1259 16390 TABLE public dialogues postgres
217; 1259 16400 TABLE public statements postgres
218; 1259 16410 TABLE public votes postgres
3300; 0 16386 TABLE DATA public votes postgres
";

    fn migrations_copy(rows: &[&str]) -> String {
        format!(
            "--\nSET client_encoding = 'UTF8';\n\nCOPY public._sqlx_migrations (version, description, \
             installed_on, success, checksum, execution_time) FROM stdin;\n{}\n\\.\n\n",
            rows.join("\n")
        )
    }

    #[test]
    fn postgres_archives_of_our_schema_at_a_known_migration_pass() {
        let archive = Path::new("cg.dump");
        let known = migrations_copy(&[
            "1\tinitial\t2026-12-03 18:00:00+00\tt\t\\\\x00\t12",
            "3\tpartnerships\t2026-12-03 18:00:00+00\tt\t\\\\x00\t3",
        ]);
        check_postgres_archive(archive, LISTING, &known).unwrap();
        assert_eq!(newest_migration_in(&known), Some(3));

        let newer = migrations_copy(&["9999\tfuture\t2026-12-03 18:00:00+00\tt\t\\\\x00\t1"]);
        let error = check_postgres_archive(archive, LISTING, &newer).unwrap_err();
        assert!(error.to_string().contains("newer version"), "{error}");

        // A migration that failed half-way does not count as applied.
        let failed = migrations_copy(&["1\tinitial\t2026-12-03 18:00:00+00\tf\t\\\\x00\t1"]);
        let error = check_postgres_archive(archive, LISTING, &failed).unwrap_err();
        assert!(error.to_string().contains("no migration"), "{error}");

        let other_schema = LISTING.replace("public dialogues", "public customers");
        let error = check_postgres_archive(archive, &other_schema, &known).unwrap_err();
        assert!(error.to_string().contains("no dialogues table"), "{error}");
    }

    #[tokio::test]
    async fn a_database_from_a_newer_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.db");
        let store = store_at(&path).await;
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, \
             execution_time) VALUES (9999, 'future', TRUE, X'00', 0)",
        )
        .execute(store.pool())
        .await
        .unwrap();
        store.close().await;
        let error = check_sqlite_backup(&path).await.unwrap_err();
        assert!(error.to_string().contains("newer version"), "{error}");
    }
}
