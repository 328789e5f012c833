//! Rounds: starting one is a single transaction under the dialogue's lock (its revision
//! bumped first), so a vote being recorded either lands in the round that ends, and is kept
//! with it, or waits and lands in the new one.

use async_trait::async_trait;
use model::{ConvenorId, DialogueId};
use sqlx::Row as _;

use super::votes::latest_vote_from_row;
use super::{This, is_foreign_key_violation};
use crate::error::{Entity, StoreError};
use crate::{LatestVote, NewRound, Round, RoundNow, RoundStore, round_label};

/// What round 1 is called until a convenor names it.
const FIRST_ROUND_LABEL: &str = "Round 1";

fn number_from(value: i64) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| StoreError::internal(format!("round number {value}")))
}

fn count_from(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

impl This {
    /// Returns a dialogue's current round and when it was created.
    async fn current_round(&self, dialogue: DialogueId) -> Result<(u32, i64), StoreError> {
        let row = sqlx::query("SELECT current_round, created_at FROM dialogues WHERE id = $1")
            .bind(dialogue.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::Dialogue))?;
        Ok((
            number_from(row.try_get("current_round")?)?,
            row.try_get("created_at")?,
        ))
    }

    /// One attempt at [`RoundStore::start_round`].
    async fn start_round_once(
        &self,
        new: &NewRound,
        label: &str,
        ending_label: Option<&str>,
    ) -> Result<(), StoreError> {
        let dialogue = new.dialogue.0;
        let mut tx = self.begin_write().await?;
        let ending = super::bump_revision(&mut tx, new.dialogue).await?.round;
        if ending == 1 {
            let created_at: i64 =
                sqlx::query_scalar("SELECT created_at FROM dialogues WHERE id = $1")
                    .bind(dialogue)
                    .fetch_one(&mut *tx)
                    .await?;
            sqlx::query(
                "INSERT INTO dialogue_rounds (dialogue_id, number, label, started_at) \
                 VALUES ($1, 1, $2, $3) ON CONFLICT (dialogue_id, number) DO NOTHING",
            )
            .bind(dialogue)
            .bind(FIRST_ROUND_LABEL)
            .bind(created_at)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE dialogue_rounds SET ended_at = $3, label = COALESCE($4, label) \
             WHERE dialogue_id = $1 AND number = $2",
        )
        .bind(dialogue)
        .bind(ending)
        .bind(new.started_at)
        .bind(ending_label)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO round_votes (dialogue_id, round, participant_id, statement_id, choice, \
             cast_at, channel) SELECT dialogue_id, $2, participant_id, statement_id, choice, \
             cast_at, channel FROM votes WHERE dialogue_id = $1",
        )
        .bind(dialogue)
        .bind(ending)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM votes WHERE dialogue_id = $1")
            .bind(dialogue)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE dialogues SET current_round = $2 WHERE id = $1")
            .bind(dialogue)
            .bind(ending + 1)
            .execute(&mut *tx)
            .await?;
        let inserted = sqlx::query(
            "INSERT INTO dialogue_rounds (dialogue_id, number, label, started_at, started_by) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(dialogue)
        .bind(ending + 1)
        .bind(label)
        .bind(new.started_at)
        .bind(new.started_by.map(|convenor| convenor.0))
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(error) if is_foreign_key_violation(&error) => {
                return Err(StoreError::NotFound(Entity::Convenor));
            }
            other => {
                other?;
            }
        }
        // The new round's first analysis starts cold: the groups of the round that ended are
        // not where the new round's votes start from. Its last result stays until then.
        sqlx::query("UPDATE analysis_snapshots SET engine_state = $2 WHERE dialogue_id = $1")
            .bind(dialogue)
            .bind(Vec::<u8>::new())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[async_trait]
impl RoundStore for This {
    async fn rounds(&self, dialogue: DialogueId) -> Result<Vec<Round>, StoreError> {
        let (current, created_at) = self.current_round(dialogue).await?;
        let finished = sqlx::query(
            "SELECT round, COUNT(*) AS votes, COUNT(DISTINCT participant_id) AS voters \
             FROM round_votes WHERE dialogue_id = $1 GROUP BY round",
        )
        .bind(dialogue.0)
        .fetch_all(&self.pool)
        .await?;
        let mut counts = std::collections::BTreeMap::new();
        for row in &finished {
            counts.insert(
                number_from(row.try_get("round")?)?,
                (
                    count_from(row.try_get("voters")?),
                    count_from(row.try_get("votes")?),
                ),
            );
        }
        let live = sqlx::query(
            "SELECT COUNT(*) AS votes, COUNT(DISTINCT participant_id) AS voters \
             FROM votes WHERE dialogue_id = $1",
        )
        .bind(dialogue.0)
        .fetch_one(&self.pool)
        .await?;
        counts.insert(
            current,
            (
                count_from(live.try_get("voters")?),
                count_from(live.try_get("votes")?),
            ),
        );
        let rows = sqlx::query(
            "SELECT number, label, started_at, ended_at, started_by FROM dialogue_rounds \
             WHERE dialogue_id = $1 ORDER BY number",
        )
        .bind(dialogue.0)
        .fetch_all(&self.pool)
        .await?;
        let mut rounds = Vec::with_capacity(rows.len().max(1));
        for row in &rows {
            let number = number_from(row.try_get("number")?)?;
            let (voters, votes) = counts.get(&number).copied().unwrap_or((0, 0));
            rounds.push(Round {
                dialogue,
                number,
                label: row.try_get("label")?,
                started_at: row.try_get("started_at")?,
                ended_at: row.try_get("ended_at")?,
                started_by: row.try_get::<Option<i64>, _>("started_by")?.map(ConvenorId),
                voters,
                votes,
            });
        }
        if rounds.is_empty() {
            let (voters, votes) = counts.get(&current).copied().unwrap_or((0, 0));
            rounds.push(Round {
                dialogue,
                number: current,
                label: FIRST_ROUND_LABEL.to_owned(),
                started_at: created_at,
                ended_at: None,
                started_by: None,
                voters,
                votes,
            });
        }
        Ok(rounds)
    }

    async fn round_now(&self, dialogue: DialogueId) -> Result<RoundNow, StoreError> {
        let row = sqlx::query(
            "SELECT d.current_round, r.label FROM dialogues d LEFT JOIN dialogue_rounds r \
             ON r.dialogue_id = d.id AND r.number = d.current_round WHERE d.id = $1",
        )
        .bind(dialogue.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound(Entity::Dialogue))?;
        Ok(RoundNow {
            number: number_from(row.try_get("current_round")?)?,
            label: row
                .try_get::<Option<String>, _>("label")?
                .unwrap_or_else(|| FIRST_ROUND_LABEL.to_owned()),
        })
    }

    async fn start_round(&self, new: NewRound) -> Result<Round, StoreError> {
        let label = round_label(&new.label).map_err(StoreError::Invalid)?;
        let ending_label = new
            .ending_label
            .as_deref()
            .map(round_label)
            .transpose()
            .map_err(StoreError::Invalid)?;
        self.retrying(|| self.start_round_once(&new, &label, ending_label.as_deref()))
            .await?;
        self.rounds(new.dialogue)
            .await?
            .pop()
            .ok_or_else(|| StoreError::internal("a dialogue without rounds"))
    }

    async fn round_votes(
        &self,
        dialogue: DialogueId,
        round: u32,
    ) -> Result<Vec<LatestVote>, StoreError> {
        let (current, _) = self.current_round(dialogue).await?;
        if round == 0 || round > current {
            return Err(StoreError::NotFound(Entity::Round));
        }
        let rows = if round == current {
            sqlx::query(
                "SELECT participant_id, statement_id, choice, cast_at, channel FROM votes \
                 WHERE dialogue_id = $1 ORDER BY participant_id, statement_id",
            )
            .bind(dialogue.0)
            .fetch_all(&self.pool)
            .await?
        } else {
            sqlx::query(
                "SELECT participant_id, statement_id, choice, cast_at, channel FROM round_votes \
                 WHERE dialogue_id = $1 AND round = $2 ORDER BY participant_id, statement_id",
            )
            .bind(dialogue.0)
            .bind(i64::from(round))
            .fetch_all(&self.pool)
            .await?
        };
        rows.iter().map(latest_vote_from_row).collect()
    }
}
