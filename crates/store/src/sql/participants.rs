//! Participants: joining with a token and constituencies, lookup, erasure.

use std::collections::BTreeSet;

use async_trait::async_trait;
use model::{ConstituencyId, DialogueId, ParticipantId, Token};
use sqlx::Row as _;

use super::{Conn, PARAMETERS, This, is_unique_violation};
use crate::columns::{count, list_placeholders, new_token, placeholders};
use crate::error::{Entity, StoreError};
use crate::{Erasure, NewParticipant, Participant, ParticipantStore};

/// Refuses constituencies that do not exist or belong to another dialogue; returns the ids
/// sorted and without repeats.
pub(super) async fn check_constituencies(
    conn: &mut Conn,
    dialogue: DialogueId,
    constituencies: &[ConstituencyId],
) -> Result<Vec<i64>, StoreError> {
    let ids: Vec<i64> = constituencies
        .iter()
        .map(|c| c.0)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if ids.is_empty() {
        return Ok(ids);
    }
    let sql = format!(
        "SELECT id, dialogue_id FROM constituencies WHERE id IN ({})",
        list_placeholders(ids.len(), 1)
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for id in &ids {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    if rows.len() != ids.len() {
        return Err(StoreError::NotFound(Entity::Constituency));
    }
    for row in &rows {
        if row.try_get::<i64, _>("dialogue_id")? != dialogue.0 {
            return Err(StoreError::NotInDialogue(Entity::Constituency));
        }
    }
    Ok(ids)
}

/// Inserts memberships for one participant.
pub(super) async fn insert_memberships(
    conn: &mut Conn,
    participant: ParticipantId,
    constituencies: &[i64],
) -> Result<(), StoreError> {
    if constituencies.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO participant_constituencies (participant_id, constituency_id) VALUES {}",
        placeholders(constituencies.len(), 2, PARAMETERS)
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for constituency in constituencies {
        query = query.bind(participant.0).bind(*constituency);
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

/// Reads a participant with their memberships.
pub(super) async fn fetch_participant(
    conn: &mut Conn,
    id: ParticipantId,
) -> Result<Participant, StoreError> {
    let row = sqlx::query(
        "SELECT id, dialogue_id, external_id, created_at FROM participants WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Participant))?;
    let constituencies: Vec<i64> = sqlx::query_scalar(
        "SELECT constituency_id FROM participant_constituencies WHERE participant_id = $1 \
         ORDER BY constituency_id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Participant {
        id: ParticipantId(row.try_get("id")?),
        dialogue: DialogueId(row.try_get("dialogue_id")?),
        external_id: row.try_get("external_id")?,
        constituencies: constituencies.into_iter().map(ConstituencyId).collect(),
        created_at: row.try_get("created_at")?,
    })
}

/// Returns the dialogue a participant takes part in.
pub(super) async fn participant_dialogue(
    conn: &mut Conn,
    id: ParticipantId,
) -> Result<DialogueId, StoreError> {
    let dialogue: Option<i64> =
        sqlx::query_scalar("SELECT dialogue_id FROM participants WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?;
    dialogue
        .map(DialogueId)
        .ok_or(StoreError::NotFound(Entity::Participant))
}

#[async_trait]
impl ParticipantStore for This {
    async fn create_participant(
        &self,
        new: NewParticipant,
    ) -> Result<(Participant, Token), StoreError> {
        let token = new_token()?;
        let mut tx = self.begin_write().await?;
        let state = super::bump_revision(&mut tx, new.dialogue).await?;
        state.admits(new.created_at)?;
        let constituencies =
            check_constituencies(&mut tx, new.dialogue, &new.constituencies).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO participants (dialogue_id, token_hash, external_id, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(new.dialogue.0)
        .bind(token.hash().as_bytes().as_slice())
        .bind(new.external_id.as_deref())
        .bind(new.created_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| {
            if is_unique_violation(&error) {
                StoreError::Duplicate {
                    entity: Entity::Participant,
                    field: "external id",
                }
            } else {
                error.into()
            }
        })?;
        let id = ParticipantId(id);
        insert_memberships(&mut tx, id, &constituencies).await?;
        tx.commit().await?;
        let participant = Participant {
            id,
            dialogue: new.dialogue,
            external_id: new.external_id,
            constituencies: constituencies.into_iter().map(ConstituencyId).collect(),
            created_at: new.created_at,
        };
        Ok((participant, token))
    }

    async fn find_participant_by_token(
        &self,
        token: &Token,
    ) -> Result<Option<Participant>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM participants WHERE token_hash = $1")
                .bind(token.hash().as_bytes().as_slice())
                .fetch_optional(&mut *conn)
                .await?;
        match id {
            None => Ok(None),
            Some(id) => Ok(Some(fetch_participant(&mut conn, ParticipantId(id)).await?)),
        }
    }

    async fn get_participant(&self, id: ParticipantId) -> Result<Participant, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_participant(&mut conn, id).await
    }

    async fn set_participant_constituencies(
        &self,
        id: ParticipantId,
        constituencies: &[ConstituencyId],
    ) -> Result<Participant, StoreError> {
        self.retrying(|| self.set_constituencies_once(id, constituencies))
            .await
    }

    async fn list_memberships(
        &self,
        dialogue: DialogueId,
    ) -> Result<Vec<(ParticipantId, ConstituencyId)>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let rows = sqlx::query(
            "SELECT m.participant_id, m.constituency_id FROM participant_constituencies m \
             JOIN participants p ON p.id = m.participant_id WHERE p.dialogue_id = $1 \
             ORDER BY m.participant_id, m.constituency_id",
        )
        .bind(dialogue.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    ParticipantId(row.try_get("participant_id")?),
                    ConstituencyId(row.try_get("constituency_id")?),
                ))
            })
            .collect()
    }

    async fn erase_participant(&self, id: ParticipantId) -> Result<Erasure, StoreError> {
        self.retrying(|| self.erase_once(id)).await
    }
}

impl This {
    /// One attempt at [`ParticipantStore::set_participant_constituencies`].
    async fn set_constituencies_once(
        &self,
        id: ParticipantId,
        constituencies: &[ConstituencyId],
    ) -> Result<Participant, StoreError> {
        let mut tx = self.begin_write().await?;
        let dialogue = participant_dialogue(&mut tx, id).await?;
        super::bump_revision(&mut tx, dialogue).await?;
        super::lock_participant(&mut tx, id).await?;
        let constituencies = check_constituencies(&mut tx, dialogue, constituencies).await?;
        sqlx::query("DELETE FROM participant_constituencies WHERE participant_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        insert_memberships(&mut tx, id, &constituencies).await?;
        let participant = fetch_participant(&mut tx, id).await?;
        tx.commit().await?;
        Ok(participant)
    }

    /// One attempt at [`ParticipantStore::erase_participant`].
    async fn erase_once(&self, id: ParticipantId) -> Result<Erasure, StoreError> {
        let mut tx = self.begin_write().await?;
        // The lock order: the dialogue (found through the participant, a link that never
        // changes), then the participant, then their statements and votes.
        let dialogue = participant_dialogue(&mut tx, id).await?;
        super::bump_revision(&mut tx, dialogue).await?;
        super::lock_participant(&mut tx, id).await?;
        let events: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM vote_events WHERE participant_id = $1")
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await?;
        // Statements nobody else voted on are the participant's alone and go with them; the
        // others stay, since other people's votes refer to them, but lose their author.
        let removed = sqlx::query(
            "DELETE FROM statements WHERE author_id = $1 AND NOT EXISTS (\
             SELECT 1 FROM vote_events e WHERE e.statement_id = statements.id \
             AND e.participant_id <> $1)",
        )
        .bind(id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let unlinked: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM statements WHERE author_id = $1")
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await?;
        // The foreign keys remove votes, history and memberships, and unlink statements.
        sqlx::query("DELETE FROM participants WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Erasure {
            vote_events_removed: count(events),
            statements_removed: removed,
            statements_unlinked: count(unlinked),
        })
    }
}
