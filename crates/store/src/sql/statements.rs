//! Statements: submission with duplicate detection, listing for moderation, moderation.

use std::collections::BTreeSet;

use async_trait::async_trait;
use model::{
    DialogueId, DuplicateMatch, ModerationPolicy, ModerationStatus, NormalizedText, ParticipantId,
    StatementId, VoteChoice, find_duplicate,
};
use sqlx::Row as _;

use super::{Conn, DbRow, This};
use crate::columns::{choice_to_column, count, list_placeholders, stored};
use crate::error::{Entity, StoreError};
use crate::{
    Finding, NewStatement, Statement, StatementCounts, StatementFilter, StatementPage,
    StatementStore,
};

pub(super) const STATEMENT_COLUMNS: &str = "id, dialogue_id, text, is_seed, is_meta, moderation, \
     author_id, near_duplicate_of, external_id, created_at, rejection_reason";

/// The most ids bound in one `IN (...)` list.
const IN_LIST_CHUNK: usize = 500;

pub(super) fn statement_from_row(row: &DbRow) -> Result<Statement, StoreError> {
    Ok(Statement {
        id: StatementId(row.try_get("id")?),
        dialogue: DialogueId(row.try_get("dialogue_id")?),
        text: row.try_get("text")?,
        is_seed: row.try_get("is_seed")?,
        is_meta: row.try_get("is_meta")?,
        moderation: stored(
            "moderation status",
            row.try_get::<String, _>("moderation")?
                .parse::<ModerationStatus>(),
        )?,
        author: row
            .try_get::<Option<i64>, _>("author_id")?
            .map(ParticipantId),
        near_duplicate_of: row
            .try_get::<Option<i64>, _>("near_duplicate_of")?
            .map(StatementId),
        external_id: row.try_get("external_id")?,
        created_at: row.try_get("created_at")?,
        rejection_reason: row.try_get("rejection_reason")?,
    })
}

pub(super) async fn fetch_statement(
    conn: &mut Conn,
    id: StatementId,
) -> Result<Statement, StoreError> {
    let sql = format!("SELECT {STATEMENT_COLUMNS} FROM statements WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Statement))?;
    statement_from_row(&row)
}

/// Returns the dialogue a statement belongs to.
async fn statement_dialogue(conn: &mut Conn, id: StatementId) -> Result<DialogueId, StoreError> {
    let dialogue: Option<i64> =
        sqlx::query_scalar("SELECT dialogue_id FROM statements WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?;
    dialogue
        .map(DialogueId)
        .ok_or(StoreError::NotFound(Entity::Statement))
}

/// A value bound into a query built at run time.
enum Value {
    Int(i64),
    Text(&'static str),
    Bool(bool),
}

#[async_trait]
impl StatementStore for This {
    async fn submit_statement(&self, new: NewStatement) -> Result<Statement, StoreError> {
        self.retrying(|| self.submit_statement_once(new.clone(), &[], None))
            .await
    }

    async fn get_statement(&self, id: StatementId) -> Result<Statement, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_statement(&mut conn, id).await
    }

    async fn list_statements(
        &self,
        dialogue: DialogueId,
        filter: &StatementFilter,
    ) -> Result<StatementPage, StoreError> {
        let policy: Option<String> =
            sqlx::query_scalar("SELECT moderation FROM dialogues WHERE id = $1")
                .bind(dialogue.0)
                .fetch_optional(&self.pool)
                .await?;
        let policy = policy.ok_or(StoreError::NotFound(Entity::Dialogue))?;
        let policy = stored("moderation policy", policy.parse::<ModerationPolicy>())?;

        let statuses: Vec<ModerationStatus> = ModerationStatus::ALL
            .iter()
            .copied()
            .filter(|status| filter.moderation.is_none_or(|wanted| wanted == *status))
            .filter(|status| !filter.visible_only || status.is_visible_under(policy))
            .collect();
        if statuses.is_empty() {
            return Ok(StatementPage {
                statements: Vec::new(),
                next_after: None,
            });
        }
        let limit = filter
            .limit
            .unwrap_or(StatementFilter::DEFAULT_LIMIT)
            .clamp(1, StatementFilter::MAX_LIMIT);

        let mut values = vec![Value::Int(dialogue.0)];
        let mut sql = format!(
            "SELECT {STATEMENT_COLUMNS} FROM statements WHERE dialogue_id = $1 AND moderation IN ({})",
            list_placeholders(statuses.len(), 2)
        );
        values.extend(statuses.iter().map(|status| Value::Text(status.as_str())));
        if filter.visible_only {
            // A statement screening holds waits for a moderator under every policy.
            sql.push_str(&format!(" AND NOT {}", super::safeguarding::HELD));
        }
        if let Some(is_seed) = filter.is_seed {
            values.push(Value::Bool(is_seed));
            sql.push_str(&format!(" AND is_seed = ${}", values.len()));
        }
        if let Some(author) = filter.author {
            values.push(Value::Int(author.0));
            sql.push_str(&format!(" AND author_id = ${}", values.len()));
        }
        if let Some(after) = filter.after {
            values.push(Value::Int(after.0));
            sql.push_str(&format!(" AND id > ${}", values.len()));
        }
        // One more row than asked for tells whether another page follows.
        values.push(Value::Int(i64::from(limit) + 1));
        sql.push_str(&format!(" ORDER BY id LIMIT ${}", values.len()));

        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for value in values {
            query = match value {
                Value::Int(v) => query.bind(v),
                Value::Text(v) => query.bind(v),
                Value::Bool(v) => query.bind(v),
            };
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut statements = rows
            .iter()
            .map(statement_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        let page_size = usize::try_from(limit).unwrap_or(usize::MAX);
        let next_after = if statements.len() > page_size {
            statements.truncate(page_size);
            statements.last().map(|s| s.id)
        } else {
            None
        };
        Ok(StatementPage {
            statements,
            next_after,
        })
    }

    async fn count_statements(&self, dialogue: DialogueId) -> Result<StatementCounts, StoreError> {
        self.require_dialogue(dialogue).await?;
        let rows = sqlx::query(
            "SELECT moderation, COUNT(*) AS n FROM statements WHERE dialogue_id = $1 \
             GROUP BY moderation",
        )
        .bind(dialogue.0)
        .fetch_all(&self.pool)
        .await?;
        let mut counts = StatementCounts::default();
        for row in &rows {
            let status = stored(
                "moderation status",
                row.try_get::<String, _>("moderation")?
                    .parse::<ModerationStatus>(),
            )?;
            let n = count(row.try_get("n")?);
            match status {
                ModerationStatus::Pending => counts.pending = n,
                ModerationStatus::Accepted => counts.accepted = n,
                ModerationStatus::Rejected => counts.rejected = n,
            }
        }
        Ok(counts)
    }

    async fn moderate_statement(
        &self,
        id: StatementId,
        status: ModerationStatus,
    ) -> Result<Statement, StoreError> {
        self.moderate_statement_with_reason(id, status, None).await
    }

    async fn moderate_statement_with_reason(
        &self,
        id: StatementId,
        status: ModerationStatus,
        reason: Option<String>,
    ) -> Result<Statement, StoreError> {
        // Only a rejection keeps a reason; any other decision clears the last one.
        let reason = reason.filter(|_| status == ModerationStatus::Rejected);
        let mut tx = self.begin_write().await?;
        let dialogue = statement_dialogue(&mut tx, id).await?;
        super::bump_revision(&mut tx, dialogue).await?;
        // Under the dialogue's lock: a statement removed by its author's erasure, committed
        // first, is no longer there.
        let updated = sqlx::query(
            "UPDATE statements SET moderation = $1, rejection_reason = $2 WHERE id = $3",
        )
        .bind(status.as_str())
        .bind(reason)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Statement));
        }
        let statement = fetch_statement(&mut tx, id).await?;
        tx.commit().await?;
        Ok(statement)
    }

    async fn moderate_statements(
        &self,
        dialogue: DialogueId,
        ids: &[StatementId],
        status: ModerationStatus,
    ) -> Result<u64, StoreError> {
        let ids: Vec<i64> = ids
            .iter()
            .map(|id| id.0)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut tx = self.begin_write().await?;
        super::bump_revision(&mut tx, dialogue).await?;
        let mut found = 0_usize;
        for chunk in ids.chunks(IN_LIST_CHUNK) {
            let sql = format!(
                "SELECT COUNT(*) FROM statements WHERE dialogue_id = $1 AND id IN ({})",
                list_placeholders(chunk.len(), 2)
            );
            let mut query = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql)).bind(dialogue.0);
            for id in chunk {
                query = query.bind(*id);
            }
            found += usize::try_from(query.fetch_one(&mut *tx).await?).unwrap_or(0);
        }
        if found != ids.len() {
            return Err(StoreError::NotFound(Entity::Statement));
        }
        let mut changed = 0;
        for chunk in ids.chunks(IN_LIST_CHUNK) {
            let sql = format!(
                "UPDATE statements SET moderation = $1, rejection_reason = NULL \
                 WHERE dialogue_id = $2 AND moderation <> $1 AND id IN ({})",
                list_placeholders(chunk.len(), 3)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(status.as_str())
                .bind(dialogue.0);
            for id in chunk {
                query = query.bind(*id);
            }
            changed += query.execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        Ok(changed)
    }

    async fn set_statement_meta(
        &self,
        id: StatementId,
        is_meta: bool,
    ) -> Result<Statement, StoreError> {
        let mut tx = self.begin_write().await?;
        let dialogue = statement_dialogue(&mut tx, id).await?;
        super::bump_revision(&mut tx, dialogue).await?;
        let updated = sqlx::query("UPDATE statements SET is_meta = $1 WHERE id = $2")
            .bind(is_meta)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Statement));
        }
        let statement = fetch_statement(&mut tx, id).await?;
        tx.commit().await?;
        Ok(statement)
    }
}

impl This {
    /// One attempt at [`StatementStore::submit_statement`], keeping screening's findings and
    /// the language it was written in (see
    /// [`crate::SafeguardingStore::submit_screened_statement`]) in the same transaction.
    pub(super) async fn submit_statement_once(
        &self,
        new: NewStatement,
        findings: &[Finding],
        written_in: Option<&str>,
    ) -> Result<Statement, StoreError> {
        let mut tx = self.begin_write().await?;
        // The dialogue's row is locked first (see the lock order in `sql/mod.rs`): two
        // identical submissions cannot both pass the duplicate check, and an author erased by a
        // transaction that committed first is no longer found below.
        let state = super::bump_revision(&mut tx, new.dialogue).await?;
        if let Some(author) = new.author {
            let dialogue: Option<i64> =
                sqlx::query_scalar("SELECT dialogue_id FROM participants WHERE id = $1")
                    .bind(author.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            match dialogue {
                None => return Err(StoreError::NotFound(Entity::Participant)),
                Some(dialogue) if dialogue != new.dialogue.0 => {
                    return Err(StoreError::NotInDialogue(Entity::Participant));
                }
                Some(_) => {}
            }
            state.admits(new.created_at)?;
            if !state.allow_participant_statements {
                return Err(StoreError::ParticipantStatementsDisabled);
            }
        }
        let normalized = NormalizedText::new(new.text.as_str());
        let rows = sqlx::query(
            "SELECT id, normalized_text FROM statements WHERE dialogue_id = $1 ORDER BY id",
        )
        .bind(new.dialogue.0)
        .fetch_all(&mut *tx)
        .await?;
        let mut existing = Vec::with_capacity(rows.len());
        for row in &rows {
            let id = StatementId(row.try_get("id")?);
            let text: String = row.try_get("normalized_text")?;
            existing.push((id, NormalizedText::new(&text)));
        }
        let found = find_duplicate(&normalized, existing.iter().map(|(id, text)| (*id, text)));
        if let Some(DuplicateMatch::Exact(existing)) = found {
            return Err(StoreError::DuplicateStatement { existing });
        }
        let near_duplicate_of = found.map(|m| m.existing());
        let is_seed = new.author.is_none();
        let moderation = if is_seed {
            ModerationStatus::Accepted
        } else {
            ModerationStatus::Pending
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO statements (dialogue_id, text, normalized_text, is_seed, is_meta, \
             moderation, author_id, near_duplicate_of, external_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9) RETURNING id",
        )
        .bind(new.dialogue.0)
        .bind(new.text.as_str())
        .bind(normalized.as_str())
        .bind(is_seed)
        .bind(new.is_meta)
        .bind(moderation.as_str())
        .bind(new.author.map(|a| a.0))
        .bind(near_duplicate_of.map(|s| s.0))
        .bind(new.created_at)
        .fetch_one(&mut *tx)
        .await?;
        super::safeguarding::insert_findings(&mut tx, StatementId(id), findings).await?;
        if let Some(language) = written_in {
            super::versions::insert_written_language(&mut tx, StatementId(id), language).await?;
        }
        // As in Pol.is, an author agrees with what they wrote: the vote is recorded with the
        // statement, so the analysis counts it and the author is never asked to vote on it.
        if let Some(author) = new.author {
            sqlx::query(
                "INSERT INTO vote_events (dialogue_id, participant_id, statement_id, choice, \
                 cast_at, idempotency_key, round) VALUES ($1, $2, $3, $4, $5, NULL, \
                 (SELECT current_round FROM dialogues WHERE id = $1))",
            )
            .bind(new.dialogue.0)
            .bind(author.0)
            .bind(id)
            .bind(choice_to_column(VoteChoice::Agree))
            .bind(new.created_at)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO votes (participant_id, statement_id, dialogue_id, choice, cast_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(author.0)
            .bind(id)
            .bind(new.dialogue.0)
            .bind(choice_to_column(VoteChoice::Agree))
            .bind(new.created_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Statement {
            id: StatementId(id),
            dialogue: new.dialogue,
            text: new.text.into_inner(),
            is_seed,
            is_meta: new.is_meta,
            moderation,
            author: new.author,
            near_duplicate_of,
            external_id: None,
            created_at: new.created_at,
            rejection_reason: None,
        })
    }
}
