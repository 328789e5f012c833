//! `PgStore`: the store on PostgreSQL, which several server instances may share.
//!
//! Concurrent writers to one dialogue are serialised by locking the dialogue's row before any
//! other (the lock order is set out in `sql/mod.rs`), and analyses are serialised across
//! instances with advisory locks (see [`crate::AnalysisLock`]).

use std::time::Duration;

use model::DialogueId;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Connection as _, SqlSafeStr as _};

use crate::columns::{Parameters, VoteTable};
use crate::error::StoreError;
use crate::lock::{ADVISORY_LOCK_CLASS, AnalysisLock, advisory_object};
use crate::store::Backend;

// The shared SQL is compiled once per backend, against this module's `Db` and `This`.
#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
mod sql;

pub(crate) type Db = sqlx::Postgres;
pub(crate) type This = PgStore;
pub(crate) const BACKEND: Backend = Backend::Postgres;
pub(crate) const BEGIN_WRITE: &str = "BEGIN";
/// Appended to a `SELECT` that locks the dialogue row it reads, in the strength an `UPDATE` of
/// its non-key columns takes, so that it does not wait for inserts that merely refer to the row.
pub(crate) const LOCK_DIALOGUE: &str = " FOR NO KEY UPDATE";
/// Appended to a `SELECT` that locks a participant's row before it is deleted.
pub(crate) const LOCK_PARTICIPANT: &str = " FOR UPDATE";
pub(crate) const PARAMETERS: Parameters = Parameters::Numbered;

// Version 2 was a SQLite-only change; PostgreSQL never reused ids.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "initial",
        include_str!("../migrations/postgres/0001_initial.sql"),
    ),
    (
        3,
        "partnerships",
        include_str!("../migrations/postgres/0003_partnerships.sql"),
    ),
    (
        4,
        "shared_limits",
        include_str!("../migrations/postgres/0004_shared_limits.sql"),
    ),
    (
        5,
        "weighting",
        include_str!("../migrations/postgres/0005_weighting.sql"),
    ),
    (
        6,
        "group_labels",
        include_str!("../migrations/postgres/0006_group_labels.sql"),
    ),
    (
        7,
        "dialogue_schedule",
        include_str!("../migrations/postgres/0007_dialogue_schedule.sql"),
    ),
    (
        8,
        "moderation_reasons",
        include_str!("../migrations/postgres/0008_moderation_reasons.sql"),
    ),
    (
        9,
        "settlements",
        include_str!("../migrations/postgres/0009_settlements.sql"),
    ),
    (
        10,
        "convenor_invitations",
        include_str!("../migrations/postgres/0010_convenor_invitations.sql"),
    ),
    (
        11,
        "outcomes_published",
        include_str!("../migrations/postgres/0011_outcomes_published.sql"),
    ),
    (
        12,
        "priorities",
        include_str!("../migrations/postgres/0012_priorities.sql"),
    ),
    (
        13,
        "priority_results_visibility",
        include_str!("../migrations/postgres/0013_priority_results_visibility.sql"),
    ),
    (
        14,
        "trust",
        include_str!("../migrations/postgres/0014_trust.sql"),
    ),
    (
        15,
        "system_maps",
        include_str!("../migrations/postgres/0015_system_maps.sql"),
    ),
    (
        16,
        "facilitation",
        include_str!("../migrations/postgres/0016_facilitation.sql"),
    ),
    (
        17,
        "safeguarding",
        include_str!("../migrations/postgres/0017_safeguarding.sql"),
    ),
    (
        18,
        "versions",
        include_str!("../migrations/postgres/0018_versions.sql"),
    ),
    (
        19,
        "rounds",
        include_str!("../migrations/postgres/0019_rounds.sql"),
    ),
    (
        20,
        "moderators",
        include_str!("../migrations/postgres/0020_moderators.sql"),
    ),
    (
        21,
        "translations",
        include_str!("../migrations/postgres/0021_translations.sql"),
    ),
];

/// The newest migration this build applies.
pub(crate) fn latest_migration() -> i64 {
    MIGRATIONS
        .iter()
        .map(|(version, _, _)| *version)
        .max()
        .unwrap_or(0)
}

/// Rows per INSERT of vote rows; each column travels as one array parameter.
const VOTE_ROWS_PER_INSERT: usize = 20_000;

/// Bulk-inserts vote rows `(participant, statement, choice, cast_at)` of one dialogue, passing
/// each column as an array that `UNNEST` turns back into rows.
async fn insert_vote_rows(
    conn: &mut sqlx::PgConnection,
    table: VoteTable,
    dialogue: i64,
    rows: &[(i64, i64, i16, i64)],
) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO {} (dialogue_id, participant_id, statement_id, choice, cast_at) \
         SELECT $1, participant, statement, choice, cast_at \
         FROM UNNEST($2::BIGINT[], $3::BIGINT[], $4::SMALLINT[], $5::BIGINT[]) \
         AS row (participant, statement, choice, cast_at)",
        table.name()
    );
    for chunk in rows.chunks(VOTE_ROWS_PER_INSERT) {
        let participants: Vec<i64> = chunk.iter().map(|row| row.0).collect();
        let statements: Vec<i64> = chunk.iter().map(|row| row.1).collect();
        let choices: Vec<i16> = chunk.iter().map(|row| row.2).collect();
        let times: Vec<i64> = chunk.iter().map(|row| row.3).collect();
        sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(dialogue)
            .bind(participants)
            .bind(statements)
            .bind(choices)
            .bind(times)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The store on PostgreSQL.
pub struct PgStore {
    pool: PgPool,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").finish_non_exhaustive()
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
                    false,
                )
            })
            .collect(),
    )
}

impl PgStore {
    /// Connects to a `postgres://` or `postgresql://` URL and applies the migrations (the
    /// migrator holds an advisory lock, so instances starting together do not collide).
    pub async fn connect(url: &str) -> Result<PgStore, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await?;
        migrator().run(&pool).await?;
        Ok(PgStore { pool })
    }

    async fn lock_analysis(
        &self,
        dialogue: DialogueId,
    ) -> Result<Option<AnalysisLock>, StoreError> {
        // A dedicated connection outside the pool: the session-level lock lives exactly as long
        // as the guard, and no pooled connection is ever handed back still holding it.
        let options = self.pool.connect_options();
        let mut connection = sqlx::PgConnection::connect_with(&options).await?;
        let taken: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1, $2)")
            .bind(ADVISORY_LOCK_CLASS)
            .bind(advisory_object(dialogue))
            .fetch_one(&mut connection)
            .await?;
        if taken {
            Ok(Some(AnalysisLock::postgres(connection, dialogue)))
        } else {
            connection.close().await?;
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_file_is_embedded_in_order() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/postgres");
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
}
