//! The SQL both backends share, one file per capability, each implementing that capability's
//! trait (`sql/dialogues.rs` implements `DialogueStore`, ...). This module is compiled twice,
//! once inside `sqlite` and once inside `postgres`, against that parent's `Db`, `This`,
//! `BACKEND`, `BEGIN_WRITE` and `PARAMETERS`; the statements use only syntax both databases
//! accept (`$n` parameters, `RETURNING`, `ON CONFLICT`), and the schemas differ only in column
//! types.

mod accounts;
mod analysis;
mod dialogues;
mod import;
mod limits;
mod participants;
mod partnerships;
mod statements;
mod votes;

use async_trait::async_trait;
use model::{DialogueId, ModerationPolicy};
use sqlx::Row as _;

use super::{BACKEND, BEGIN_WRITE, Db, PARAMETERS, This};
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
    allow_participant_statements: bool,
    moderation: ModerationPolicy,
}

/// Bumps a dialogue's revision and returns its state. Every write that can change the analysis
/// does this in its transaction, which also locks the dialogue's row on PostgreSQL until the
/// transaction ends, serialising such writes to one dialogue.
async fn bump_revision(conn: &mut Conn, dialogue: DialogueId) -> Result<DialogueState, StoreError> {
    let row = sqlx::query(
        "UPDATE dialogues SET revision = revision + 1 WHERE id = $1 \
         RETURNING is_open, allow_participant_statements, moderation",
    )
    .bind(dialogue.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Dialogue))?;
    state_from_row(&row)
}

/// Reads a dialogue's state without locking its row.
async fn dialogue_state(
    conn: &mut Conn,
    dialogue: DialogueId,
) -> Result<DialogueState, StoreError> {
    let row = sqlx::query(
        "SELECT is_open, allow_participant_statements, moderation FROM dialogues WHERE id = $1",
    )
    .bind(dialogue.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Dialogue))?;
    state_from_row(&row)
}

fn state_from_row(row: &DbRow) -> Result<DialogueState, StoreError> {
    Ok(DialogueState {
        is_open: row.try_get("is_open")?,
        allow_participant_statements: row.try_get("allow_participant_statements")?,
        moderation: stored(
            "moderation policy",
            row.try_get::<String, _>("moderation")?
                .parse::<ModerationPolicy>(),
        )?,
    })
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database) if database.is_unique_violation())
}

fn is_foreign_key_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database) if database.is_foreign_key_violation())
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
