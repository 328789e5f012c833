//! The SQL both backends share, one file per capability, each implementing that capability's
//! trait (`sql/dialogues.rs` implements `DialogueStore`, ...). This module is compiled twice,
//! once inside `sqlite` and once inside `postgres`, against that parent's `Db`, `This`,
//! `BACKEND`, `BEGIN_WRITE` and `PARAMETERS`; the statements use only syntax both databases
//! accept (`$n` parameters, `RETURNING`, `ON CONFLICT`), and the schemas differ only in column
//! types.
//!
//! # Lock order
//!
//! Every write transaction takes its row locks in one order, so that no two of them can wait
//! for each other in a circle:
//!
//! 1. the dialogue's row (several dialogues: in id order), by bumping its revision or by
//!    [`lock_dialogue`];
//! 2. the participant's row, by [`lock_participant`] or by reading it again under the dialogue
//!    lock;
//! 3. statement rows;
//! 4. vote rows, vote events and memberships.
//!
//! Ids looked up before the dialogue lock (which dialogue a participant or statement belongs
//! to, which never changes) are only used to find the dialogue to lock: everything a write
//! checks is read again under the lock, so a participant erased or a statement removed by a
//! transaction that committed first is refused exactly as if the request had come after it.
//! On SQLite, `BEGIN IMMEDIATE` gives each writer the whole database and the order holds
//! trivially.
//!
//! Writes to a priority list keep the same order with the list's row in the dialogue's place:
//! the list's row (by bumping its revision), then the participant of the list, then options and
//! comparisons. They lock no dialogue, dialogue participant or statement row, so they cannot
//! join a cycle with the writes above.
//!
//! Writes to a trust survey wave do the same with the wave's row (by bumping its revision)
//! first, then the partner's response, then its ratings; partners are only read.
//!
//! Writes to a system map do the same with the map's row (by bumping its revision) first, then
//! its factors, links, judgments and action pins; partners, dialogues, participants and actions
//! are only read.

mod accounts;
mod analysis;
mod convenor_invitations;
mod dialogues;
mod facilitation;
mod import;
mod limits;
mod moderators;
mod participants;
mod partnerships;
mod place_invitations;
mod priorities;
mod rounds;
mod safeguarding;
mod settlements;
mod statements;
mod system_maps;
mod trust;
mod versions;
mod votes;

use async_trait::async_trait;
use model::{DialogueId, DialogueSchedule, DialogueStatus, ModerationPolicy, ParticipantId};
use sqlx::Row as _;

use super::{BACKEND, BEGIN_WRITE, Db, LOCK_DIALOGUE, LOCK_PARTICIPANT, PARAMETERS, This};
use crate::columns::stored;
use crate::error::{Entity, StoreError};
use crate::store::{Backend, StoreConnection, StoreResult};

type Conn = <Db as sqlx::Database>::Connection;
type DbRow = <Db as sqlx::Database>::Row;
type Tx = sqlx::Transaction<'static, Db>;

/// What writes to a dialogue need to know about it.
#[derive(Clone, Copy)]
struct DialogueState {
    is_open: bool,
    schedule: DialogueSchedule,
    allow_participant_statements: bool,
    moderation: ModerationPolicy,
    /// The round votes are cast in now.
    round: i64,
}

impl DialogueState {
    /// Refuses a write at `now` (the moment the write carries: a vote's `cast_at`, a
    /// statement's or a participant's `created_at`) to a dialogue that is closed, by a convenor
    /// or by its closing time, or not yet open. Read under the dialogue's lock, so it agrees
    /// with a close, a reopen or a new schedule committed before.
    fn admits(self, now: i64) -> Result<(), StoreError> {
        match self.schedule.status_at(now, !self.is_open) {
            DialogueStatus::Open => Ok(()),
            DialogueStatus::Closed => Err(StoreError::DialogueClosed),
            DialogueStatus::NotYetOpen { opens_at } => {
                Err(StoreError::DialogueNotOpen { opens_at })
            }
        }
    }
}

/// Bumps a dialogue's revision and returns its state. Every write that can change the analysis
/// does this in its transaction, which also locks the dialogue's row on PostgreSQL until the
/// transaction ends, serialising such writes to one dialogue.
async fn bump_revision(conn: &mut Conn, dialogue: DialogueId) -> Result<DialogueState, StoreError> {
    let row = sqlx::query(
        "UPDATE dialogues SET revision = revision + 1 WHERE id = $1 \
         RETURNING is_open, opens_at, closes_at, allow_participant_statements, moderation, \
         current_round",
    )
    .bind(dialogue.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Dialogue))?;
    state_from_row(&row)
}

/// Locks a dialogue's row without changing it (on PostgreSQL; on SQLite the transaction already
/// holds the database) and returns its state as it is under the lock.
async fn lock_dialogue(conn: &mut Conn, dialogue: DialogueId) -> Result<DialogueState, StoreError> {
    let sql = format!(
        "SELECT is_open, opens_at, closes_at, allow_participant_statements, moderation, \
         current_round FROM dialogues WHERE id = $1\
         {LOCK_DIALOGUE}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(dialogue.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Dialogue))?;
    state_from_row(&row)
}

/// Locks a participant's row, second in the lock order (after their dialogue's), and refuses a
/// participant erased by a transaction that committed first.
async fn lock_participant(conn: &mut Conn, participant: ParticipantId) -> Result<(), StoreError> {
    let sql = format!("SELECT id FROM participants WHERE id = $1{LOCK_PARTICIPANT}");
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(participant.0)
        .fetch_optional(&mut *conn)
        .await?;
    found
        .map(|_| ())
        .ok_or(StoreError::NotFound(Entity::Participant))
}

fn state_from_row(row: &DbRow) -> Result<DialogueState, StoreError> {
    Ok(DialogueState {
        is_open: row.try_get("is_open")?,
        schedule: stored(
            "dialogue schedule",
            DialogueSchedule::new(row.try_get("opens_at")?, row.try_get("closes_at")?),
        )?,
        allow_participant_statements: row.try_get("allow_participant_statements")?,
        moderation: stored(
            "moderation policy",
            row.try_get::<String, _>("moderation")?
                .parse::<ModerationPolicy>(),
        )?,
        round: row.try_get("current_round")?,
    })
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database) if database.is_unique_violation())
}

fn is_foreign_key_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database) if database.is_foreign_key_violation())
}

/// Reads the error of an insert whose first values come from a row the same statement selects
/// (so that row was found): a foreign-key violation can then only name the convenor recorded
/// beside them.
fn missing_convenor(error: sqlx::Error) -> StoreError {
    if is_foreign_key_violation(&error) {
        StoreError::NotFound(Entity::Convenor)
    } else {
        error.into()
    }
}

/// How many times a transaction that lost a race is run in all before the caller is told to
/// retry later.
const ATTEMPTS: u32 = 4;

/// Returns whether a failed transaction lost a race and may succeed if run again: PostgreSQL
/// chose it as a deadlock's victim or could not serialise it, or it referred to a row that a
/// transaction committed meanwhile deleted. A new attempt reads everything again under its
/// locks, so a vanished row then gets its clear refusal (`NotFound`) instead of the database
/// error. On SQLite a writer holds the whole database, so none of this can be a race there.
fn lost_race(error: &StoreError) -> bool {
    if BACKEND != Backend::Postgres {
        return false;
    }
    let (StoreError::Internal(source) | StoreError::Unavailable(source)) = error else {
        return false;
    };
    let Some(sqlx::Error::Database(database)) = source.downcast_ref::<sqlx::Error>() else {
        return false;
    };
    // 40001 serialization_failure, 40P01 deadlock_detected.
    matches!(database.code().as_deref(), Some("40001" | "40P01"))
        || database.is_foreign_key_violation()
}

impl This {
    /// Runs a write transaction, running it again when it lost a race (see [`lost_race`]); if it
    /// keeps losing, answers `Unavailable`, which clients may retry, never an internal error.
    async fn retrying<T, Attempt, Running>(&self, mut attempt: Attempt) -> Result<T, StoreError>
    where
        Attempt: FnMut() -> Running,
        Running: std::future::Future<Output = Result<T, StoreError>>,
    {
        let mut tries = 1;
        loop {
            match attempt().await {
                Err(error) if lost_race(&error) => {
                    if tries >= ATTEMPTS {
                        let source = match error {
                            StoreError::Internal(source) | StoreError::Unavailable(source) => {
                                source
                            }
                            other => Box::new(other),
                        };
                        return Err(StoreError::Unavailable(source));
                    }
                    tracing::info!(%error, tries, "a write lost a race; running it again");
                    // A short pause that grows, so that the winner can finish.
                    tokio::time::sleep(std::time::Duration::from_millis(5 << tries)).await;
                    tries += 1;
                }
                other => return other,
            }
        }
    }
}

impl This {
    /// Starts a transaction that will write.
    async fn begin_write(&self) -> Result<Tx, StoreError> {
        Ok(self.pool.begin_with(BEGIN_WRITE).await?)
    }

    /// Refuses an unknown dialogue.
    async fn require_dialogue(&self, dialogue: DialogueId) -> Result<(), StoreError> {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM dialogues WHERE id = $1")
            .bind(dialogue.0)
            .fetch_optional(&self.pool)
            .await?;
        match found {
            Some(_) => Ok(()),
            None => Err(StoreError::NotFound(Entity::Dialogue)),
        }
    }
}

#[async_trait]
impl StoreConnection for This {
    fn backend(&self) -> Backend {
        BACKEND
    }

    async fn check_health(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}
