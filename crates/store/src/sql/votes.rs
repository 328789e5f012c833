//! Votes: recording with refusals and idempotent retries, the latest votes for the analysis,
//! counts and the history.

use std::collections::{BTreeMap, BTreeSet};

use async_trait::async_trait;
use model::{
    DialogueId, IdempotencyKey, ModerationPolicy, ModerationStatus, ParticipantId, StatementId,
    VoteEventId,
};
use sqlx::Row as _;

use super::participants::participant_dialogue;
use super::{Conn, DbRow, DialogueState, This};
use crate::columns::{channel_from_column, choice_from_column, choice_to_column, count, stored};
use crate::error::{Entity, StoreError};
use crate::{CastVote, LatestVote, VoteCounts, VoteEvent, VoteOutcome, VoteReceipt, VoteStore};

pub(super) fn latest_vote_from_row(row: &DbRow) -> Result<LatestVote, StoreError> {
    Ok(LatestVote {
        participant: ParticipantId(row.try_get("participant_id")?),
        statement: StatementId(row.try_get("statement_id")?),
        choice: choice_from_column(row.try_get("choice")?)?,
        cast_at: row.try_get("cast_at")?,
        channel: channel_from_column(row.try_get("channel")?)?,
    })
}

fn vote_event_from_row(row: &DbRow) -> Result<VoteEvent, StoreError> {
    Ok(VoteEvent {
        id: VoteEventId(row.try_get("id")?),
        participant: ParticipantId(row.try_get("participant_id")?),
        statement: StatementId(row.try_get("statement_id")?),
        choice: choice_from_column(row.try_get("choice")?)?,
        cast_at: row.try_get("cast_at")?,
        channel: channel_from_column(row.try_get("channel")?)?,
        round: u32::try_from(row.try_get::<i64, _>("round")?)
            .map_err(|_| StoreError::internal("a vote event's round is out of range"))?,
    })
}

/// Looks up the event recorded under a participant's idempotency key: `Some(receipt)` for a
/// replay of the same vote, an error if the key was used for another vote.
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

/// Returns whether an error refuses one vote rather than failing the whole batch.
fn is_refusal(error: &StoreError) -> bool {
    !matches!(error, StoreError::Internal(_) | StoreError::Unavailable(_))
}

/// A vote checked and written within a batch's transaction.
pub(super) struct Recorded {
    /// The store's acknowledgement.
    pub(super) receipt: VoteReceipt,
    /// The dialogue written to; `None` for a replay, which writes nothing.
    pub(super) dialogue: Option<DialogueId>,
}

/// Checks one vote and, unless refused, writes it; every check comes before any write, so a
/// refused vote leaves nothing behind.
pub(super) async fn record_vote(
    conn: &mut Conn,
    vote: &CastVote,
    states: &mut BTreeMap<DialogueId, DialogueState>,
) -> Result<Recorded, StoreError> {
    // Read again under the dialogue's lock: a voter erased by a transaction that committed
    // first is no longer found.
    let dialogue = participant_dialogue(conn, vote.participant).await?;
    if let Some(key) = &vote.idempotency_key
        && let Some(receipt) = replayed_vote(conn, vote, key).await?
    {
        return Ok(Recorded {
            receipt,
            dialogue: None,
        });
    }
    let state = match states.get(&dialogue) {
        Some(state) => *state,
        None => {
            // Every voter's dialogue was locked up front; a participant cannot move to another
            // dialogue, so this only guards against a mistake.
            let state = super::lock_dialogue(conn, dialogue).await?;
            states.insert(dialogue, state);
            state
        }
    };
    state.admits(vote.cast_at)?;
    let sql = format!(
        "SELECT dialogue_id, moderation, {} AS held, {} AS waiting FROM statements WHERE id = $1",
        super::safeguarding::HELD,
        super::versions::WAITING
    );
    let statement = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(vote.statement.0)
        .fetch_optional(&mut *conn)
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
        ModerationStatus::Pending
            if state.moderation == ModerationPolicy::Pre
                || statement.try_get::<bool, _>("held")? =>
        {
            return Err(StoreError::StatementPending);
        }
        ModerationStatus::Pending | ModerationStatus::Accepted => {}
    }
    if statement.try_get::<bool, _>("waiting")? {
        return Err(StoreError::StatementAwaitingTranslation);
    }
    let previous: Option<i16> = sqlx::query_scalar(
        "SELECT choice FROM votes WHERE participant_id = $1 AND statement_id = $2",
    )
    .bind(vote.participant.0)
    .bind(vote.statement.0)
    .fetch_optional(&mut *conn)
    .await?;
    // A retry with the same key may have committed since the lookup above (on PostgreSQL);
    // the insert then does nothing, and the retry is answered as a replay.
    let event: Option<i64> = sqlx::query_scalar(
        "INSERT INTO vote_events (dialogue_id, participant_id, statement_id, choice, cast_at, \
         idempotency_key, channel, round) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (participant_id, idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(dialogue.0)
    .bind(vote.participant.0)
    .bind(vote.statement.0)
    .bind(choice_to_column(vote.choice))
    .bind(vote.cast_at)
    .bind(vote.idempotency_key.as_ref().map(IdempotencyKey::as_str))
    .bind(vote.channel.value())
    .bind(state.round)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(event) = event else {
        let key = vote
            .idempotency_key
            .as_ref()
            .ok_or_else(|| StoreError::internal("a vote without a key conflicted"))?;
        let receipt = replayed_vote(conn, vote, key)
            .await?
            .ok_or(StoreError::IdempotencyKeyReused)?;
        return Ok(Recorded {
            receipt,
            dialogue: None,
        });
    };
    sqlx::query(
        "INSERT INTO votes (participant_id, statement_id, dialogue_id, choice, cast_at, channel) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (participant_id, statement_id) \
         DO UPDATE SET choice = excluded.choice, cast_at = excluded.cast_at, \
         channel = excluded.channel",
    )
    .bind(vote.participant.0)
    .bind(vote.statement.0)
    .bind(dialogue.0)
    .bind(choice_to_column(vote.choice))
    .bind(vote.cast_at)
    .bind(vote.channel.value())
    .execute(&mut *conn)
    .await?;
    let outcome = match previous.map(choice_from_column).transpose()? {
        None => VoteOutcome::New,
        Some(previous) if previous == vote.choice => VoteOutcome::Unchanged,
        Some(previous) => VoteOutcome::Changed { previous },
    };
    Ok(Recorded {
        receipt: VoteReceipt {
            event: VoteEventId(event),
            outcome,
        },
        dialogue: Some(dialogue),
    })
}

#[async_trait]
impl VoteStore for This {
    async fn cast_votes(
        &self,
        votes: &[CastVote],
    ) -> Result<Vec<Result<VoteReceipt, StoreError>>, StoreError> {
        self.retrying(|| self.cast_votes_once(votes)).await
    }

    async fn cast_vote(&self, vote: CastVote) -> Result<VoteReceipt, StoreError> {
        self.cast_votes(std::slice::from_ref(&vote))
            .await?
            .pop()
            .unwrap_or_else(|| Err(StoreError::internal("a batch of one vote had no answer")))
    }

    async fn latest_votes(&self, dialogue: DialogueId) -> Result<Vec<LatestVote>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let rows = sqlx::query(
            "SELECT participant_id, statement_id, choice, cast_at, channel FROM votes \
             WHERE dialogue_id = $1 ORDER BY participant_id, statement_id",
        )
        .bind(dialogue.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(latest_vote_from_row).collect()
    }

    async fn participant_votes(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<LatestVote>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        participant_dialogue(&mut conn, participant).await?;
        let rows = sqlx::query(
            "SELECT participant_id, statement_id, choice, cast_at, channel FROM votes \
             WHERE participant_id = $1 ORDER BY statement_id",
        )
        .bind(participant.0)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter().map(latest_vote_from_row).collect()
    }

    async fn participant_vote_history(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<VoteEvent>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        participant_dialogue(&mut conn, participant).await?;
        // The unique (participant_id, idempotency_key) index serves this lookup.
        let rows = sqlx::query(
            "SELECT id, participant_id, statement_id, choice, cast_at, channel, round \
             FROM vote_events \
             WHERE participant_id = $1 ORDER BY id",
        )
        .bind(participant.0)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter().map(vote_event_from_row).collect()
    }

    async fn count_votes(&self, dialogue: DialogueId) -> Result<VoteCounts, StoreError> {
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

    async fn vote_history(
        &self,
        dialogue: DialogueId,
        after: Option<VoteEventId>,
        limit: u32,
    ) -> Result<Vec<VoteEvent>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let rows = sqlx::query(
            "SELECT id, participant_id, statement_id, choice, cast_at, channel, round \
             FROM vote_events \
             WHERE dialogue_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(dialogue.0)
        .bind(after.map_or(0, |event| event.0))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(vote_event_from_row).collect()
    }
}

impl This {
    /// One attempt at [`VoteStore::cast_votes`], in one transaction.
    async fn cast_votes_once(
        &self,
        votes: &[CastVote],
    ) -> Result<Vec<Result<VoteReceipt, StoreError>>, StoreError> {
        let mut tx = self.begin_write().await?;
        // The lock order (see `sql/mod.rs`): first the rows of the voters' dialogues, in id
        // order, then everything else. Under those locks the dialogue's open flag, the voter and
        // the statement are read as they are: closing the dialogue, moderating the statement or
        // erasing the voter or the statement's author either commits before and refuses the
        // vote, or waits until the vote has committed.
        let mut dialogues = BTreeSet::new();
        for vote in votes {
            match participant_dialogue(&mut tx, vote.participant).await {
                Ok(dialogue) => {
                    dialogues.insert(dialogue);
                }
                // Refused below, when the vote is checked.
                Err(error) if is_refusal(&error) => {}
                Err(error) => return Err(error),
            }
        }
        let mut states = BTreeMap::new();
        for dialogue in dialogues {
            match super::lock_dialogue(&mut tx, dialogue).await {
                Ok(state) => {
                    states.insert(dialogue, state);
                }
                Err(error) if is_refusal(&error) => {}
                Err(error) => return Err(error),
            }
        }
        let mut written = BTreeSet::new();
        let mut results = Vec::with_capacity(votes.len());
        for vote in votes {
            match record_vote(&mut tx, vote, &mut states).await {
                Ok(recorded) => {
                    written.extend(recorded.dialogue);
                    results.push(Ok(recorded.receipt));
                }
                Err(error) if is_refusal(&error) => results.push(Err(error)),
                Err(error) => return Err(error),
            }
        }
        for dialogue in written {
            super::bump_revision(&mut tx, dialogue).await?;
        }
        tx.commit().await?;
        Ok(results)
    }
}
