//! Votes: recording with refusals and idempotent retries, the latest votes for the analysis,
//! counts and the history.

use model::{
    DialogueId, IdempotencyKey, ModerationPolicy, ModerationStatus, ParticipantId, StatementId,
    VoteEventId,
};
use sqlx::Row as _;

use super::participants::participant_dialogue;
use super::{Conn, DbRow, This, is_unique_violation};
use crate::columns::{choice_from_column, choice_to_column, count, stored};
use crate::error::{Entity, StoreError};
use crate::records::{CastVote, LatestVote, VoteCounts, VoteEvent, VoteOutcome, VoteReceipt};

fn latest_vote_from_row(row: &DbRow) -> Result<LatestVote, StoreError> {
    Ok(LatestVote {
        participant: ParticipantId(row.try_get("participant_id")?),
        statement: StatementId(row.try_get("statement_id")?),
        choice: choice_from_column(row.try_get("choice")?)?,
        cast_at: row.try_get("cast_at")?,
    })
}

impl This {
    /// Looks up the event recorded under a participant's idempotency key: `Some(receipt)` for
    /// a replay of the same vote, an error if the key was used for another vote.
    async fn replayed_vote(
        conn: &mut Conn,
        vote: &CastVote,
        key: &IdempotencyKey,
    ) -> Result<Option<VoteReceipt>, StoreError> {
        let earlier = sqlx::query(
            "SELECT id, statement_id, choice FROM vote_events \
             WHERE participant_id = $1 AND idempotency_key = $2",
        )
        .bind(vote.participant.0)
        .bind(key.as_str())
        .fetch_optional(&mut *conn)
        .await?;
        let Some(earlier) = earlier else {
            return Ok(None);
        };
        let same_vote = earlier.try_get::<i64, _>("statement_id")? == vote.statement.0
            && choice_from_column(earlier.try_get("choice")?)? == vote.choice;
        if !same_vote {
            return Err(StoreError::IdempotencyKeyReused);
        }
        Ok(Some(VoteReceipt {
            event: VoteEventId(earlier.try_get("id")?),
            outcome: VoteOutcome::Replayed,
        }))
    }

    pub(super) async fn cast_vote_impl(&self, vote: CastVote) -> Result<VoteReceipt, StoreError> {
        let mut tx = self.begin_write().await?;
        let dialogue = participant_dialogue(&mut tx, vote.participant).await?;
        if let Some(key) = &vote.idempotency_key
            && let Some(receipt) = This::replayed_vote(&mut tx, &vote, key).await?
        {
            tx.rollback().await?;
            return Ok(receipt);
        }
        let state = super::dialogue_state(&mut tx, dialogue).await?;
        if !state.is_open {
            return Err(StoreError::DialogueClosed);
        }
        let statement = sqlx::query("SELECT dialogue_id, moderation FROM statements WHERE id = $1")
            .bind(vote.statement.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound(Entity::Statement))?;
        if statement.try_get::<i64, _>("dialogue_id")? != dialogue.0 {
            return Err(StoreError::StatementNotInDialogue);
        }
        let moderation = stored(
            "moderation status",
            statement
                .try_get::<String, _>("moderation")?
                .parse::<ModerationStatus>(),
        )?;
        match moderation {
            ModerationStatus::Rejected => return Err(StoreError::StatementRejected),
            ModerationStatus::Pending if state.moderation == ModerationPolicy::Pre => {
                return Err(StoreError::StatementPending);
            }
            ModerationStatus::Pending | ModerationStatus::Accepted => {}
        }
        let previous: Option<i16> = sqlx::query_scalar(
            "SELECT choice FROM votes WHERE participant_id = $1 AND statement_id = $2",
        )
        .bind(vote.participant.0)
        .bind(vote.statement.0)
        .fetch_optional(&mut *tx)
        .await?;
        let inserted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO vote_events (dialogue_id, participant_id, statement_id, choice, cast_at, \
             idempotency_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(dialogue.0)
        .bind(vote.participant.0)
        .bind(vote.statement.0)
        .bind(choice_to_column(vote.choice))
        .bind(vote.cast_at)
        .bind(vote.idempotency_key.as_ref().map(IdempotencyKey::as_str))
        .fetch_one(&mut *tx)
        .await;
        let event = match inserted {
            Ok(event) => event,
            Err(error) if is_unique_violation(&error) => {
                // A retry with the same key committed in the meantime; this attempt is a replay.
                tx.rollback().await?;
                let key = vote
                    .idempotency_key
                    .as_ref()
                    .ok_or_else(|| StoreError::internal(error))?;
                let mut conn = self.pool.acquire().await?;
                return This::replayed_vote(&mut conn, &vote, key)
                    .await?
                    .ok_or(StoreError::IdempotencyKeyReused);
            }
            Err(error) => return Err(error.into()),
        };
        sqlx::query(
            "INSERT INTO votes (participant_id, statement_id, dialogue_id, choice, cast_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (participant_id, statement_id) \
             DO UPDATE SET choice = excluded.choice, cast_at = excluded.cast_at",
        )
        .bind(vote.participant.0)
        .bind(vote.statement.0)
        .bind(dialogue.0)
        .bind(choice_to_column(vote.choice))
        .bind(vote.cast_at)
        .execute(&mut *tx)
        .await?;
        // Bumping the revision last locks the dialogue's row (on PostgreSQL) only for the end of
        // the transaction, and re-reads the open flag under that lock: a dialogue closed in the
        // meantime refuses the vote, and closing waits for votes about to commit.
        if !super::bump_revision(&mut tx, dialogue).await?.is_open {
            return Err(StoreError::DialogueClosed);
        }
        tx.commit().await?;
        let outcome = match previous.map(choice_from_column).transpose()? {
            None => VoteOutcome::New,
            Some(previous) if previous == vote.choice => VoteOutcome::Unchanged,
            Some(previous) => VoteOutcome::Changed { previous },
        };
        Ok(VoteReceipt {
            event: VoteEventId(event),
            outcome,
        })
    }

    pub(super) async fn latest_votes_impl(
        &self,
        dialogue: DialogueId,
    ) -> Result<Vec<LatestVote>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let rows = sqlx::query(
            "SELECT participant_id, statement_id, choice, cast_at FROM votes \
             WHERE dialogue_id = $1 ORDER BY participant_id, statement_id",
        )
        .bind(dialogue.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(latest_vote_from_row).collect()
    }

    pub(super) async fn participant_votes_impl(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<LatestVote>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        participant_dialogue(&mut conn, participant).await?;
        let rows = sqlx::query(
            "SELECT participant_id, statement_id, choice, cast_at FROM votes \
             WHERE participant_id = $1 ORDER BY statement_id",
        )
        .bind(participant.0)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter().map(latest_vote_from_row).collect()
    }

    pub(super) async fn count_votes_impl(
        &self,
        dialogue: DialogueId,
    ) -> Result<VoteCounts, StoreError> {
        self.require_dialogue(dialogue).await?;
        let row = sqlx::query(
            "SELECT \
             (SELECT COUNT(*) FROM votes WHERE dialogue_id = $1) AS votes, \
             (SELECT COUNT(*) FROM vote_events WHERE dialogue_id = $1) AS vote_events, \
             (SELECT COUNT(DISTINCT participant_id) FROM votes WHERE dialogue_id = $1) AS voters, \
             (SELECT COUNT(*) FROM participants WHERE dialogue_id = $1) AS participants",
        )
        .bind(dialogue.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(VoteCounts {
            votes: count(row.try_get("votes")?),
            vote_events: count(row.try_get("vote_events")?),
            voters: count(row.try_get("voters")?),
            participants: count(row.try_get("participants")?),
        })
    }

    pub(super) async fn vote_history_impl(
        &self,
        dialogue: DialogueId,
        after: Option<VoteEventId>,
        limit: u32,
    ) -> Result<Vec<VoteEvent>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let rows = sqlx::query(
            "SELECT id, participant_id, statement_id, choice, cast_at FROM vote_events \
             WHERE dialogue_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(dialogue.0)
        .bind(after.map_or(0, |event| event.0))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(VoteEvent {
                    id: VoteEventId(row.try_get("id")?),
                    participant: ParticipantId(row.try_get("participant_id")?),
                    statement: StatementId(row.try_get("statement_id")?),
                    choice: choice_from_column(row.try_get("choice")?)?,
                    cast_at: row.try_get("cast_at")?,
                })
            })
            .collect()
    }
}
