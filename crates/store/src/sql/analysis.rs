//! Analysis snapshots, the staleness check and the analysis lock.

use std::collections::BTreeMap;

use async_trait::async_trait;
use model::DialogueId;
use sqlx::Row as _;

use super::{This, is_foreign_key_violation};
use crate::columns::{count, count_to_column};
use crate::error::{Entity, StoreError};
use crate::lock::AnalysisLock;
use crate::{AnalysisSnapshot, AnalysisStore, NewSnapshot, Revision};

#[async_trait]
impl AnalysisStore for This {
    async fn group_labels(
        &self,
        dialogue: DialogueId,
    ) -> Result<BTreeMap<i64, String>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT group_id, label FROM group_labels WHERE dialogue_id = $1 ORDER BY group_id",
        )
        .bind(dialogue.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().collect())
    }

    async fn set_group_label(
        &self,
        dialogue: DialogueId,
        group: i64,
        label: Option<&str>,
    ) -> Result<(), StoreError> {
        self.require_dialogue(dialogue).await?;
        match label {
            Some(label) => {
                sqlx::query(
                    "INSERT INTO group_labels (dialogue_id, group_id, label) VALUES ($1, $2, $3) \
                     ON CONFLICT (dialogue_id, group_id) DO UPDATE SET label = excluded.label",
                )
                .bind(dialogue.0)
                .bind(group)
                .bind(label)
                .execute(&self.pool)
                .await
                .map_err(|error| {
                    if is_foreign_key_violation(&error) {
                        StoreError::NotFound(Entity::Dialogue)
                    } else {
                        error.into()
                    }
                })?;
            }
            None => {
                sqlx::query("DELETE FROM group_labels WHERE dialogue_id = $1 AND group_id = $2")
                    .bind(dialogue.0)
                    .bind(group)
                    .execute(&self.pool)
                    .await?;
            }
        }
        Ok(())
    }

    async fn dialogue_revision(&self, dialogue: DialogueId) -> Result<Revision, StoreError> {
        let revision: Option<i64> =
            sqlx::query_scalar("SELECT revision FROM dialogues WHERE id = $1")
                .bind(dialogue.0)
                .fetch_optional(&self.pool)
                .await?;
        revision
            .map(Revision)
            .ok_or(StoreError::NotFound(Entity::Dialogue))
    }

    async fn dialogues_needing_analysis(&self, limit: u32) -> Result<Vec<DialogueId>, StoreError> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT d.id FROM dialogues d \
             LEFT JOIN analysis_snapshots s ON s.dialogue_id = d.id \
             WHERE (s.dialogue_id IS NULL \
                    AND EXISTS (SELECT 1 FROM votes v WHERE v.dialogue_id = d.id)) \
                OR s.revision < d.revision \
             ORDER BY d.id LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(DialogueId).collect())
    }

    async fn save_snapshot(&self, snapshot: NewSnapshot) -> Result<i64, StoreError> {
        let version: i64 = sqlx::query_scalar(
            "INSERT INTO analysis_snapshots (dialogue_id, version, revision, computed_at, \
             n_votes, result_json, engine_state) VALUES ($1, 1, $2, $3, $4, $5, $6) \
             ON CONFLICT (dialogue_id) DO UPDATE SET \
             version = analysis_snapshots.version + 1, revision = excluded.revision, \
             computed_at = excluded.computed_at, n_votes = excluded.n_votes, \
             result_json = excluded.result_json, engine_state = excluded.engine_state \
             RETURNING version",
        )
        .bind(snapshot.dialogue.0)
        .bind(snapshot.revision.0)
        .bind(snapshot.computed_at)
        .bind(count_to_column(snapshot.n_votes)?)
        .bind(snapshot.result_json.as_str())
        .bind(snapshot.engine_state.as_slice())
        .fetch_one(&self.pool)
        .await
        .map_err(|error| {
            if is_foreign_key_violation(&error) {
                StoreError::NotFound(Entity::Dialogue)
            } else {
                error.into()
            }
        })?;
        Ok(version)
    }

    async fn load_snapshot(
        &self,
        dialogue: DialogueId,
    ) -> Result<Option<AnalysisSnapshot>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let row = sqlx::query(
            "SELECT version, revision, computed_at, n_votes, result_json, engine_state \
             FROM analysis_snapshots WHERE dialogue_id = $1",
        )
        .bind(dialogue.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(AnalysisSnapshot {
                dialogue,
                version: row.try_get("version")?,
                revision: Revision(row.try_get("revision")?),
                computed_at: row.try_get("computed_at")?,
                n_votes: count(row.try_get("n_votes")?),
                result_json: row.try_get("result_json")?,
                engine_state: row.try_get("engine_state")?,
            })
        })
        .transpose()
    }

    async fn analysis_is_stale(&self, dialogue: DialogueId) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT d.revision AS current, s.revision AS analysed FROM dialogues d \
             LEFT JOIN analysis_snapshots s ON s.dialogue_id = d.id WHERE d.id = $1",
        )
        .bind(dialogue.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound(Entity::Dialogue))?;
        let current: i64 = row.try_get("current")?;
        let analysed: Option<i64> = row.try_get("analysed")?;
        Ok(analysed.is_none_or(|analysed| analysed < current))
    }

    async fn try_lock_analysis(
        &self,
        dialogue: DialogueId,
    ) -> Result<Option<AnalysisLock>, StoreError> {
        self.require_dialogue(dialogue).await?;
        self.lock_analysis(dialogue).await
    }
}
