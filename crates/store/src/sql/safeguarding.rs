//! Safeguarding: findings kept with a statement as it is written, flags, decisions (each
//! appended to the log in the transaction that applies it) and each partnership's settings.
//!
//! The decisions log is append-only: this file inserts into `moderation_decisions` and reads
//! it, and no statement anywhere changes or deletes its rows.

use std::collections::BTreeMap;

use async_trait::async_trait;
use model::{
    ConvenorId, DialogueId, ModerationAction, ModerationStatus, NormalizedText, PartnershipId,
    RejectionReason, SafeguardingConcern, StatementId,
};
use sqlx::Row as _;

use super::statements::fetch_statement;
use super::{Conn, DbRow, This};
use crate::columns::stored;
use crate::error::{Entity, StoreError};
use crate::{
    Decision, Finding, Flag, NewDecision, NewFlag, NewStatement, SafeguardingCase,
    SafeguardingSettings, SafeguardingStore, Statement,
};

/// True for a row of `statements` that screening holds: pending, with a finding.
pub(super) const HELD: &str = "(statements.moderation = 'pending' AND EXISTS \
     (SELECT 1 FROM safeguarding_findings WHERE safeguarding_findings.statement_id = statements.id))";

const DECISION_COLUMNS: &str = "id, dialogue_id, statement_id, actor_id, actor_email, action, \
     reason, note, decided_at";

/// Keeps screening's findings with a statement being written.
pub(super) async fn insert_findings(
    conn: &mut Conn,
    statement: StatementId,
    findings: &[Finding],
) -> Result<(), StoreError> {
    for finding in findings {
        sqlx::query(
            "INSERT INTO safeguarding_findings (statement_id, concern, rule, span_start, span_end) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(statement.0)
        .bind(finding.concern.as_str())
        .bind(&finding.rule)
        .bind(finding.start)
        .bind(finding.end)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn concern(text: &str) -> Result<SafeguardingConcern, StoreError> {
    stored("safeguarding concern", text.parse::<SafeguardingConcern>())
}

fn finding_from_row(row: &DbRow) -> Result<Finding, StoreError> {
    Ok(Finding {
        concern: concern(&row.try_get::<String, _>("concern")?)?,
        rule: row.try_get("rule")?,
        start: row.try_get("span_start")?,
        end: row.try_get("span_end")?,
    })
}

fn flag_from_row(row: &DbRow) -> Result<Flag, StoreError> {
    Ok(Flag {
        id: row.try_get("id")?,
        statement: StatementId(row.try_get("statement_id")?),
        reason: concern(&row.try_get::<String, _>("reason")?)?,
        note: row.try_get("note")?,
        created_at: row.try_get("created_at")?,
    })
}

fn decision_from_row(row: &DbRow) -> Result<Decision, StoreError> {
    Ok(Decision {
        id: row.try_get("id")?,
        dialogue: DialogueId(row.try_get("dialogue_id")?),
        statement: StatementId(row.try_get("statement_id")?),
        actor: row.try_get::<Option<i64>, _>("actor_id")?.map(ConvenorId),
        actor_email: row.try_get("actor_email")?,
        action: stored(
            "moderation action",
            row.try_get::<String, _>("action")?
                .parse::<ModerationAction>(),
        )?,
        reason: row
            .try_get::<Option<String>, _>("reason")?
            .map(|reason| stored("rejection reason", reason.parse::<RejectionReason>()))
            .transpose()?,
        note: row.try_get("note")?,
        decided_at: row.try_get("decided_at")?,
    })
}

/// Returns the dialogue of a statement and the partnership that owns it.
async fn owners(
    conn: &mut Conn,
    statement: StatementId,
) -> Result<(DialogueId, PartnershipId), StoreError> {
    let row = sqlx::query(
        "SELECT statements.dialogue_id, dialogues.partnership_id FROM statements \
         JOIN dialogues ON dialogues.id = statements.dialogue_id WHERE statements.id = $1",
    )
    .bind(statement.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Statement))?;
    let partnership: Option<i64> = row.try_get("partnership_id")?;
    Ok((
        DialogueId(row.try_get("dialogue_id")?),
        PartnershipId(partnership.ok_or(StoreError::NotFound(Entity::Partnership))?),
    ))
}

/// Appends one decision to the log; the only statement that writes to it.
async fn append_decision(
    conn: &mut Conn,
    partnership: PartnershipId,
    dialogue: DialogueId,
    decision: &NewDecision,
) -> Result<Decision, StoreError> {
    let sql = format!(
        "INSERT INTO moderation_decisions (partnership_id, dialogue_id, statement_id, actor_id, \
         actor_email, action, reason, note, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {DECISION_COLUMNS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(partnership.0)
        .bind(dialogue.0)
        .bind(decision.statement.0)
        .bind(decision.actor.0)
        .bind(&decision.actor_email)
        .bind(decision.action.as_str())
        .bind(decision.reason.map(RejectionReason::as_str))
        .bind(&decision.note)
        .bind(decision.decided_at)
        .fetch_one(&mut *conn)
        .await?;
    decision_from_row(&row)
}

async fn check_partnership_exists(
    conn: &mut Conn,
    partnership: PartnershipId,
) -> Result<(), StoreError> {
    super::dialogues::check_partnership(conn, partnership).await
}

fn terms(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[async_trait]
impl SafeguardingStore for This {
    async fn submit_screened_statement(
        &self,
        new: NewStatement,
        findings: Vec<Finding>,
        written_in: Option<&str>,
    ) -> Result<Statement, StoreError> {
        self.retrying(|| self.submit_statement_once(new.clone(), &findings, written_in))
            .await
    }

    async fn held_statements(&self, dialogue: DialogueId) -> Result<Vec<StatementId>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let sql =
            format!("SELECT id FROM statements WHERE dialogue_id = $1 AND {HELD} ORDER BY id");
        let ids: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(dialogue.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(ids.into_iter().map(StatementId).collect())
    }

    async fn statement_findings(&self, statement: StatementId) -> Result<Vec<Finding>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_statement(&mut conn, statement).await?;
        let rows = sqlx::query(
            "SELECT concern, rule, span_start, span_end FROM safeguarding_findings \
             WHERE statement_id = $1 ORDER BY id",
        )
        .bind(statement.0)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter().map(finding_from_row).collect()
    }

    async fn flag_statement(&self, flag: NewFlag) -> Result<Flag, StoreError> {
        let mut tx = self.begin_write().await?;
        let statement = fetch_statement(&mut tx, flag.statement).await?;
        let dialogue: Option<i64> =
            sqlx::query_scalar("SELECT dialogue_id FROM participants WHERE id = $1")
                .bind(flag.participant.0)
                .fetch_optional(&mut *tx)
                .await?;
        match dialogue {
            None => return Err(StoreError::NotFound(Entity::Participant)),
            Some(dialogue) if dialogue != statement.dialogue.0 => {
                return Err(StoreError::StatementNotInDialogue);
            }
            Some(_) => {}
        }
        // A case is open while a flag is newer than the statement's last decision; a flag
        // raised in the same millisecond as that decision is dated just after it, so that it
        // still reopens the case.
        let last_decided: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(decided_at) FROM moderation_decisions WHERE statement_id = $1",
        )
        .bind(flag.statement.0)
        .fetch_one(&mut *tx)
        .await?;
        let created_at = last_decided.map_or(flag.created_at, |last| flag.created_at.max(last + 1));
        let row = sqlx::query(
            "INSERT INTO statement_flags (statement_id, participant_id, reason, note, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (statement_id, participant_id) DO NOTHING \
             RETURNING id, statement_id, reason, note, created_at",
        )
        .bind(flag.statement.0)
        .bind(flag.participant.0)
        .bind(flag.reason.as_str())
        .bind(&flag.note)
        .bind(created_at)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::Duplicate {
            entity: Entity::Flag,
            field: "statement and participant",
        })?;
        let flag = flag_from_row(&row)?;
        tx.commit().await?;
        Ok(flag)
    }

    async fn safeguarding_cases(
        &self,
        dialogue: DialogueId,
    ) -> Result<Vec<SafeguardingCase>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let mut conn = self.pool.acquire().await?;
        let mut findings: BTreeMap<i64, Vec<Finding>> = BTreeMap::new();
        let rows = sqlx::query(
            "SELECT f.statement_id, f.concern, f.rule, f.span_start, f.span_end \
             FROM safeguarding_findings f JOIN statements s ON s.id = f.statement_id \
             WHERE s.dialogue_id = $1 ORDER BY f.id",
        )
        .bind(dialogue.0)
        .fetch_all(&mut *conn)
        .await?;
        for row in &rows {
            findings
                .entry(row.try_get("statement_id")?)
                .or_default()
                .push(finding_from_row(row)?);
        }
        let mut flags: BTreeMap<i64, Vec<Flag>> = BTreeMap::new();
        let rows = sqlx::query(
            "SELECT f.id, f.statement_id, f.reason, f.note, f.created_at \
             FROM statement_flags f JOIN statements s ON s.id = f.statement_id \
             WHERE s.dialogue_id = $1 ORDER BY f.id",
        )
        .bind(dialogue.0)
        .fetch_all(&mut *conn)
        .await?;
        for row in &rows {
            let flag = flag_from_row(row)?;
            flags.entry(flag.statement.0).or_default().push(flag);
        }
        let rows = sqlx::query(
            "SELECT statement_id, MAX(decided_at) AS last FROM moderation_decisions \
             WHERE dialogue_id = $1 GROUP BY statement_id",
        )
        .bind(dialogue.0)
        .fetch_all(&mut *conn)
        .await?;
        let mut decided: BTreeMap<i64, i64> = BTreeMap::new();
        for row in &rows {
            decided.insert(row.try_get("statement_id")?, row.try_get("last")?);
        }
        let mut ids: Vec<i64> = findings.keys().chain(flags.keys()).copied().collect();
        ids.sort_unstable();
        ids.dedup();
        let mut cases = Vec::new();
        for id in ids {
            let statement = fetch_statement(&mut conn, StatementId(id)).await?;
            let statement_findings = findings.remove(&id).unwrap_or_default();
            let statement_flags = flags.remove(&id).unwrap_or_default();
            let held =
                statement.moderation == ModerationStatus::Pending && !statement_findings.is_empty();
            let last = decided.get(&id).copied();
            let flagged_since = statement_flags
                .iter()
                .any(|flag| last.is_none_or(|last| flag.created_at > last));
            if !(held || flagged_since) {
                continue;
            }
            let original_text: Option<String> =
                sqlx::query_scalar("SELECT text FROM statement_originals WHERE statement_id = $1")
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await?;
            cases.push(SafeguardingCase {
                statement,
                findings: statement_findings,
                flags: statement_flags,
                original_text,
            });
        }
        Ok(cases)
    }

    async fn decide(&self, decision: NewDecision) -> Result<(Statement, Decision), StoreError> {
        let mut tx = self.begin_write().await?;
        let (dialogue, partnership) = owners(&mut tx, decision.statement).await?;
        super::bump_revision(&mut tx, dialogue).await?;
        let id = decision.statement.0;
        match decision.action {
            ModerationAction::Accept | ModerationAction::Reject => {
                let (status, reason) = if decision.action == ModerationAction::Accept {
                    (ModerationStatus::Accepted, None)
                } else {
                    (ModerationStatus::Rejected, decision.note.clone())
                };
                sqlx::query(
                    "UPDATE statements SET moderation = $1, rejection_reason = $2 WHERE id = $3",
                )
                .bind(status.as_str())
                .bind(reason)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            ModerationAction::Edit | ModerationAction::Redact => {
                // The author's first text is kept; a later edit keeps the same original.
                sqlx::query(
                    "INSERT INTO statement_originals (statement_id, text, kept_at) \
                     SELECT id, text, $2 FROM statements WHERE id = $1 \
                     ON CONFLICT (statement_id) DO NOTHING",
                )
                .bind(id)
                .bind(decision.decided_at)
                .execute(&mut *tx)
                .await?;
                if let Some(text) = &decision.new_text {
                    sqlx::query(
                        "UPDATE statements SET text = $1, normalized_text = $2 WHERE id = $3",
                    )
                    .bind(text)
                    .bind(NormalizedText::new(text).as_str())
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                }
                sqlx::query(
                    "UPDATE statements SET moderation = $1, rejection_reason = NULL WHERE id = $2",
                )
                .bind(ModerationStatus::Accepted.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        }
        let logged = append_decision(&mut tx, partnership, dialogue, &decision).await?;
        let statement = fetch_statement(&mut tx, decision.statement).await?;
        tx.commit().await?;
        Ok((statement, logged))
    }

    async fn log_decision(&self, decision: NewDecision) -> Result<Decision, StoreError> {
        let mut tx = self.begin_write().await?;
        let (dialogue, partnership) = owners(&mut tx, decision.statement).await?;
        let logged = append_decision(&mut tx, partnership, dialogue, &decision).await?;
        tx.commit().await?;
        Ok(logged)
    }

    async fn list_decisions(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<Decision>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        check_partnership_exists(&mut conn, partnership).await?;
        let sql = format!(
            "SELECT {DECISION_COLUMNS} FROM moderation_decisions WHERE partnership_id = $1 \
             ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partnership.0)
            .fetch_all(&mut *conn)
            .await?;
        rows.iter().map(decision_from_row).collect()
    }

    async fn safeguarding_settings(
        &self,
        partnership: PartnershipId,
    ) -> Result<SafeguardingSettings, StoreError> {
        let mut conn = self.pool.acquire().await?;
        check_partnership_exists(&mut conn, partnership).await?;
        let row = sqlx::query(
            "SELECT signposting, extra_disclosure, extra_abuse, updated_at \
             FROM partnership_safeguarding WHERE partnership_id = $1",
        )
        .bind(partnership.0)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(row) = row else {
            return Ok(SafeguardingSettings::default());
        };
        Ok(SafeguardingSettings {
            signposting: row.try_get("signposting")?,
            extra_disclosure: terms(&row.try_get::<String, _>("extra_disclosure")?),
            extra_abuse: terms(&row.try_get::<String, _>("extra_abuse")?),
            updated_at: Some(row.try_get("updated_at")?),
        })
    }

    async fn set_safeguarding_settings(
        &self,
        partnership: PartnershipId,
        settings: SafeguardingSettings,
    ) -> Result<SafeguardingSettings, StoreError> {
        let mut tx = self.begin_write().await?;
        check_partnership_exists(&mut tx, partnership).await?;
        let updated_at = settings.updated_at.unwrap_or_default();
        sqlx::query(
            "INSERT INTO partnership_safeguarding (partnership_id, signposting, extra_disclosure, \
             extra_abuse, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (partnership_id) DO UPDATE SET signposting = excluded.signposting, \
             extra_disclosure = excluded.extra_disclosure, extra_abuse = excluded.extra_abuse, \
             updated_at = excluded.updated_at",
        )
        .bind(partnership.0)
        .bind(&settings.signposting)
        .bind(settings.extra_disclosure.join("\n"))
        .bind(settings.extra_abuse.join("\n"))
        .bind(updated_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(SafeguardingSettings {
            updated_at: Some(updated_at),
            extra_disclosure: terms(&settings.extra_disclosure.join("\n")),
            extra_abuse: terms(&settings.extra_abuse.join("\n")),
            ..settings
        })
    }
}
