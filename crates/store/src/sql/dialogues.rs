//! Dialogues and their constituencies.

use std::collections::BTreeMap;

use async_trait::async_trait;
use model::{
    AnalysisWeighting, ConstituencyId, ConstituencyKind, ConstituencyName, ConvenorId, Description,
    DialogueId, DialogueQuestion, DialogueSchedule, DialogueTitle, ExpectedShare, ModerationPolicy,
    ModerationStatus, NormalizedText, PartnershipId, ReportVisibility, StatementId, StatementText,
    find_duplicate,
};
use sqlx::Row as _;

use super::{Conn, DbRow, This, is_foreign_key_violation, is_unique_violation};
use crate::columns::stored;
use crate::error::{Entity, StoreError};
use crate::{
    Constituency, Dialogue, DialogueSettings, DialogueStore, NewConstituency, NewDialogue,
    Statement,
};

pub(super) const DIALOGUE_COLUMNS: &str = "id, partnership_id, title, question, description, \
     allow_participant_statements, moderation, report_visibility, is_open, \
     shared_with_partners, created_by, external_id, created_at, weighting, opens_at, closes_at";
const CONSTITUENCY_COLUMNS: &str = "id, dialogue_id, name, expected_share, kind, population_share";

/// A dialogue's row without its constituencies.
fn dialogue_from_row(row: &DbRow) -> Result<Dialogue, StoreError> {
    Ok(Dialogue {
        id: DialogueId(row.try_get("id")?),
        partnership: PartnershipId(row.try_get("partnership_id")?),
        settings: DialogueSettings {
            title: stored(
                "dialogue title",
                DialogueTitle::parse(row.try_get("title")?),
            )?,
            question: stored(
                "dialogue question",
                DialogueQuestion::parse(row.try_get("question")?),
            )?,
            description: stored(
                "description",
                Description::parse(row.try_get("description")?),
            )?,
            allow_participant_statements: row.try_get("allow_participant_statements")?,
            moderation: stored(
                "moderation policy",
                row.try_get::<String, _>("moderation")?
                    .parse::<ModerationPolicy>(),
            )?,
            report_visibility: stored(
                "report visibility",
                row.try_get::<String, _>("report_visibility")?
                    .parse::<ReportVisibility>(),
            )?,
        },
        constituencies: Vec::new(),
        is_open: row.try_get("is_open")?,
        schedule: stored(
            "dialogue schedule",
            DialogueSchedule::new(row.try_get("opens_at")?, row.try_get("closes_at")?),
        )?,
        shared_with_partners: row.try_get("shared_with_partners")?,
        created_by: row.try_get::<Option<i64>, _>("created_by")?.map(ConvenorId),
        external_id: row.try_get("external_id")?,
        created_at: row.try_get("created_at")?,
        weighting: row
            .try_get::<Option<String>, _>("weighting")?
            .map(|weighting| stored("weighting", weighting.parse::<AnalysisWeighting>()))
            .transpose()?,
    })
}

fn constituency_from_row(row: &DbRow) -> Result<Constituency, StoreError> {
    let expected_share = row
        .try_get::<Option<f64>, _>("expected_share")?
        .map(|share| stored("expected share", ExpectedShare::parse(share)))
        .transpose()?;
    let kind = row
        .try_get::<Option<String>, _>("kind")?
        .map(|kind| stored("constituency kind", kind.parse::<ConstituencyKind>()))
        .transpose()?;
    let population_share = row
        .try_get::<Option<f64>, _>("population_share")?
        .map(|share| stored("population share", ExpectedShare::parse(share)))
        .transpose()?;
    Ok(Constituency {
        population_share,
        id: ConstituencyId(row.try_get("id")?),
        dialogue: DialogueId(row.try_get("dialogue_id")?),
        name: stored(
            "constituency name",
            ConstituencyName::parse(row.try_get("name")?),
        )?,
        expected_share,
        kind,
    })
}

/// Refuses constituency lists that repeat a name.
pub(super) fn check_distinct_constituencies(
    constituencies: &[NewConstituency],
) -> Result<(), StoreError> {
    let mut seen = std::collections::BTreeSet::new();
    for constituency in constituencies {
        if !seen.insert(constituency.name.as_str()) {
            return Err(StoreError::Duplicate {
                entity: Entity::Constituency,
                field: "name",
            });
        }
    }
    Ok(())
}

/// Refuses an unknown partnership.
pub(super) async fn check_partnership(
    conn: &mut Conn,
    partnership: PartnershipId,
) -> Result<(), StoreError> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM partnerships WHERE id = $1")
        .bind(partnership.0)
        .fetch_optional(&mut *conn)
        .await?;
    match exists {
        Some(_) => Ok(()),
        None => Err(StoreError::NotFound(Entity::Partnership)),
    }
}

/// Inserts a dialogue's row and returns its id; the partnership must exist.
pub(super) async fn insert_dialogue(
    conn: &mut Conn,
    partnership: PartnershipId,
    settings: &DialogueSettings,
    is_open: bool,
    created_by: Option<ConvenorId>,
    external_id: Option<&str>,
    created_at: i64,
) -> Result<DialogueId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO dialogues (partnership_id, title, question, description, \
         allow_participant_statements, moderation, report_visibility, is_open, created_by, \
         external_id, created_at, revision) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1) RETURNING id",
    )
    .bind(partnership.0)
    .bind(settings.title.as_str())
    .bind(settings.question.as_str())
    .bind(settings.description.as_str())
    .bind(settings.allow_participant_statements)
    .bind(settings.moderation.as_str())
    .bind(settings.report_visibility.as_str())
    .bind(is_open)
    .bind(created_by.map(|c| c.0))
    .bind(external_id)
    .bind(created_at)
    .fetch_one(&mut *conn)
    .await
    .map_err(|error| {
        if is_foreign_key_violation(&error) {
            // Callers check the partnership first, so the missing row is the convenor.
            StoreError::NotFound(Entity::Convenor)
        } else {
            error.into()
        }
    })?;
    Ok(DialogueId(id))
}

/// Inserts one constituency and returns it.
pub(super) async fn insert_constituency(
    conn: &mut Conn,
    dialogue: DialogueId,
    new: NewConstituency,
) -> Result<Constituency, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO constituencies (dialogue_id, name, expected_share, kind) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(dialogue.0)
    .bind(new.name.as_str())
    .bind(new.expected_share.map(ExpectedShare::get))
    .bind(new.kind.map(ConstituencyKind::as_str))
    .fetch_one(&mut *conn)
    .await
    .map_err(|error| {
        if is_unique_violation(&error) {
            StoreError::Duplicate {
                entity: Entity::Constituency,
                field: "name",
            }
        } else if is_foreign_key_violation(&error) {
            StoreError::NotFound(Entity::Dialogue)
        } else {
            error.into()
        }
    })?;
    Ok(Constituency {
        id: ConstituencyId(id),
        dialogue,
        name: new.name,
        expected_share: new.expected_share,
        kind: new.kind,
        population_share: None,
    })
}

/// Reads a dialogue with its constituencies.
pub(super) async fn fetch_dialogue(
    conn: &mut Conn,
    id: DialogueId,
) -> Result<Dialogue, StoreError> {
    let sql = format!("SELECT {DIALOGUE_COLUMNS} FROM dialogues WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Dialogue))?;
    let mut dialogue = dialogue_from_row(&row)?;
    let sql = format!(
        "SELECT {CONSTITUENCY_COLUMNS} FROM constituencies WHERE dialogue_id = $1 ORDER BY id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_all(&mut *conn)
        .await?;
    dialogue.constituencies = rows
        .iter()
        .map(constituency_from_row)
        .collect::<Result<_, _>>()?;
    Ok(dialogue)
}

/// Inserts seed statements, accepted, refusing exact duplicates among them and flagging near
/// ones.
async fn insert_seeds(
    conn: &mut Conn,
    dialogue: DialogueId,
    seeds: &[StatementText],
    created_at: i64,
) -> Result<(), StoreError> {
    let mut inserted: Vec<(model::StatementId, NormalizedText)> = Vec::new();
    for seed in seeds {
        let normalized = NormalizedText::new(seed.as_str());
        let found = find_duplicate(&normalized, inserted.iter().map(|(id, text)| (*id, text)));
        if let Some(model::DuplicateMatch::Exact(existing)) = found {
            return Err(StoreError::DuplicateStatement { existing });
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO statements (dialogue_id, text, normalized_text, is_seed, is_meta, \
             moderation, author_id, near_duplicate_of, external_id, created_at) \
             VALUES ($1, $2, $3, TRUE, FALSE, $4, NULL, $5, NULL, $6) RETURNING id",
        )
        .bind(dialogue.0)
        .bind(seed.as_str())
        .bind(normalized.as_str())
        .bind(ModerationStatus::Accepted.as_str())
        .bind(found.map(|m| m.existing().0))
        .bind(created_at)
        .fetch_one(&mut *conn)
        .await?;
        inserted.push((model::StatementId(id), normalized));
    }
    Ok(())
}

#[async_trait]
impl DialogueStore for This {
    async fn create_dialogue(&self, new: NewDialogue) -> Result<Dialogue, StoreError> {
        check_distinct_constituencies(&new.constituencies)?;
        let mut tx = self.begin_write().await?;
        check_partnership(&mut tx, new.partnership).await?;
        let id = insert_dialogue(
            &mut tx,
            new.partnership,
            &new.settings,
            true,
            new.created_by,
            None,
            new.created_at,
        )
        .await?;
        for constituency in new.constituencies {
            insert_constituency(&mut tx, id, constituency).await?;
        }
        insert_seeds(&mut tx, id, &new.seed_statements, new.created_at).await?;
        write_schedule(&mut tx, id, new.schedule).await?;
        let dialogue = fetch_dialogue(&mut tx, id).await?;
        tx.commit().await?;
        Ok(dialogue)
    }

    async fn get_dialogue(&self, id: DialogueId) -> Result<Dialogue, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_dialogue(&mut conn, id).await
    }

    async fn list_dialogues(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<Dialogue>, StoreError> {
        crate::PartnershipStore::get_partnership(self, partnership).await?;
        let sql = format!(
            "SELECT {DIALOGUE_COLUMNS} FROM dialogues WHERE partnership_id = $1 ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partnership.0)
            .fetch_all(&self.pool)
            .await?;
        let mut dialogues = rows
            .iter()
            .map(dialogue_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        let rows = sqlx::query(
            "SELECT c.id, c.dialogue_id, c.name, c.expected_share, c.kind, c.population_share \
             FROM constituencies c \
             JOIN dialogues d ON d.id = c.dialogue_id WHERE d.partnership_id = $1 ORDER BY c.id",
        )
        .bind(partnership.0)
        .fetch_all(&self.pool)
        .await?;
        let mut by_dialogue: BTreeMap<DialogueId, Vec<Constituency>> = BTreeMap::new();
        for row in &rows {
            let constituency = constituency_from_row(row)?;
            by_dialogue
                .entry(constituency.dialogue)
                .or_default()
                .push(constituency);
        }
        for dialogue in &mut dialogues {
            dialogue.constituencies = by_dialogue.remove(&dialogue.id).unwrap_or_default();
        }
        Ok(dialogues)
    }

    async fn update_dialogue_settings(
        &self,
        id: DialogueId,
        settings: DialogueSettings,
    ) -> Result<Dialogue, StoreError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE dialogues SET title = $1, question = $2, description = $3, \
             allow_participant_statements = $4, moderation = $5, report_visibility = $6, \
             revision = revision + 1 WHERE id = $7",
        )
        .bind(settings.title.as_str())
        .bind(settings.question.as_str())
        .bind(settings.description.as_str())
        .bind(settings.allow_participant_statements)
        .bind(settings.moderation.as_str())
        .bind(settings.report_visibility.as_str())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Dialogue));
        }
        let dialogue = fetch_dialogue(&mut tx, id).await?;
        tx.commit().await?;
        Ok(dialogue)
    }

    async fn set_dialogue_open(
        &self,
        id: DialogueId,
        is_open: bool,
    ) -> Result<Dialogue, StoreError> {
        let mut tx = self.begin_write().await?;
        let done =
            sqlx::query("UPDATE dialogues SET is_open = $1, revision = revision + 1 WHERE id = $2")
                .bind(is_open)
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Dialogue));
        }
        let dialogue = fetch_dialogue(&mut tx, id).await?;
        tx.commit().await?;
        Ok(dialogue)
    }

    async fn set_dialogue_schedule(
        &self,
        id: DialogueId,
        schedule: DialogueSchedule,
    ) -> Result<Dialogue, StoreError> {
        let mut tx = self.begin_write().await?;
        // The revision moves on, as for closing: what participants may do has changed.
        super::bump_revision(&mut tx, id).await?;
        write_schedule(&mut tx, id, schedule).await?;
        let dialogue = fetch_dialogue(&mut tx, id).await?;
        tx.commit().await?;
        Ok(dialogue)
    }

    async fn set_dialogue_shared_with_partners(
        &self,
        id: DialogueId,
        shared: bool,
    ) -> Result<Dialogue, StoreError> {
        let mut tx = self.begin_write().await?;
        // Sharing changes who may read the dialogue, not what it holds, so the revision stays.
        let done = sqlx::query("UPDATE dialogues SET shared_with_partners = $1 WHERE id = $2")
            .bind(shared)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Dialogue));
        }
        let dialogue = fetch_dialogue(&mut tx, id).await?;
        tx.commit().await?;
        Ok(dialogue)
    }

    async fn set_dialogue_weighting(
        &self,
        id: DialogueId,
        weighting: Option<AnalysisWeighting>,
        population_shares: Vec<(ConstituencyId, Option<ExpectedShare>)>,
    ) -> Result<Dialogue, StoreError> {
        let mut tx = self.begin_write().await?;
        for (constituency, share) in &population_shares {
            let done = sqlx::query(
                "UPDATE constituencies SET population_share = $1 \
                 WHERE id = $2 AND dialogue_id = $3",
            )
            .bind(share.map(ExpectedShare::get))
            .bind(constituency.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound(Entity::Constituency));
            }
        }
        // The dialogue's row last, as every write that changes the analysis.
        let done = sqlx::query(
            "UPDATE dialogues SET weighting = $1, revision = revision + 1 WHERE id = $2",
        )
        .bind(weighting.map(AnalysisWeighting::as_str))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Dialogue));
        }
        let dialogue = fetch_dialogue(&mut tx, id).await?;
        tx.commit().await?;
        Ok(dialogue)
    }

    async fn add_constituency(
        &self,
        dialogue: DialogueId,
        new: NewConstituency,
    ) -> Result<Constituency, StoreError> {
        let mut tx = self.begin_write().await?;
        super::bump_revision(&mut tx, dialogue).await?;
        let constituency = insert_constituency(&mut tx, dialogue, new).await?;
        tx.commit().await?;
        Ok(constituency)
    }

    async fn update_constituency(
        &self,
        dialogue: DialogueId,
        id: ConstituencyId,
        change: NewConstituency,
    ) -> Result<Constituency, StoreError> {
        let mut tx = self.begin_write().await?;
        super::bump_revision(&mut tx, dialogue).await?;
        let done = sqlx::query(
            "UPDATE constituencies SET name = $1, expected_share = $2, kind = $3 \
             WHERE id = $4 AND dialogue_id = $5",
        )
        .bind(change.name.as_str())
        .bind(change.expected_share.map(ExpectedShare::get))
        .bind(change.kind.map(ConstituencyKind::as_str))
        .bind(id.0)
        .bind(dialogue.0)
        .execute(&mut *tx)
        .await
        .map_err(|error| {
            if is_unique_violation(&error) {
                StoreError::Duplicate {
                    entity: Entity::Constituency,
                    field: "name",
                }
            } else {
                error.into()
            }
        })?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Constituency));
        }
        let updated = fetch_dialogue(&mut tx, dialogue)
            .await?
            .constituencies
            .into_iter()
            .find(|constituency| constituency.id == id)
            .ok_or(StoreError::NotFound(Entity::Constituency))?;
        tx.commit().await?;
        Ok(updated)
    }

    async fn remove_constituency(
        &self,
        dialogue: DialogueId,
        id: ConstituencyId,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        super::bump_revision(&mut tx, dialogue).await?;
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM constituencies WHERE id = $1 AND dialogue_id = $2")
                .bind(id.0)
                .bind(dialogue.0)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Err(StoreError::NotFound(Entity::Constituency));
        }
        let members: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM participant_constituencies WHERE constituency_id = $1",
        )
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        if members > 0 {
            return Err(StoreError::Invalid(format!(
                "the constituency has {members} member{}; only a constituency nobody has chosen can be removed",
                if members == 1 { "" } else { "s" }
            )));
        }
        sqlx::query("DELETE FROM constituencies WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn edit_seed_statement(
        &self,
        dialogue: DialogueId,
        id: StatementId,
        text: StatementText,
    ) -> Result<Statement, StoreError> {
        let mut tx = self.begin_write().await?;
        super::bump_revision(&mut tx, dialogue).await?;
        unvoted_seed(&mut tx, dialogue, id).await?;
        let normalized = NormalizedText::new(text.as_str());
        let rows = sqlx::query(
            "SELECT id, normalized_text FROM statements WHERE dialogue_id = $1 AND id <> $2 \
             ORDER BY id",
        )
        .bind(dialogue.0)
        .bind(id.0)
        .fetch_all(&mut *tx)
        .await?;
        let mut others = Vec::with_capacity(rows.len());
        for row in &rows {
            let other = StatementId(row.try_get("id")?);
            let other_text: String = row.try_get("normalized_text")?;
            others.push((other, NormalizedText::new(&other_text)));
        }
        let found = find_duplicate(&normalized, others.iter().map(|(id, text)| (*id, text)));
        if let Some(model::DuplicateMatch::Exact(existing)) = found {
            return Err(StoreError::DuplicateStatement { existing });
        }
        sqlx::query(
            "UPDATE statements SET text = $1, normalized_text = $2, near_duplicate_of = $3 \
             WHERE id = $4",
        )
        .bind(text.as_str())
        .bind(normalized.as_str())
        .bind(found.map(|m| m.existing().0))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        let statement = super::statements::fetch_statement(&mut tx, id).await?;
        tx.commit().await?;
        Ok(statement)
    }

    async fn remove_seed_statement(
        &self,
        dialogue: DialogueId,
        id: StatementId,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        super::bump_revision(&mut tx, dialogue).await?;
        unvoted_seed(&mut tx, dialogue, id).await?;
        sqlx::query("DELETE FROM statements WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Writes a dialogue's opening and closing times.
async fn write_schedule(
    conn: &mut Conn,
    id: DialogueId,
    schedule: DialogueSchedule,
) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE dialogues SET opens_at = $1, closes_at = $2 WHERE id = $3")
        .bind(schedule.opens_at())
        .bind(schedule.closes_at())
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound(Entity::Dialogue));
    }
    Ok(())
}

/// Refuses a statement that is not one of the dialogue's seed statements (as not found) or that
/// somebody has voted on (as invalid: its votes are part of the record).
async fn unvoted_seed(
    conn: &mut Conn,
    dialogue: DialogueId,
    id: StatementId,
) -> Result<(), StoreError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM statements WHERE id = $1 AND dialogue_id = $2 AND is_seed = TRUE",
    )
    .bind(id.0)
    .bind(dialogue.0)
    .fetch_optional(&mut *conn)
    .await?;
    if found.is_none() {
        return Err(StoreError::NotFound(Entity::Statement));
    }
    let votes: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM votes WHERE statement_id = $1) \
         + (SELECT COUNT(*) FROM vote_events WHERE statement_id = $1)",
    )
    .bind(id.0)
    .fetch_one(&mut *conn)
    .await?;
    if votes > 0 {
        return Err(StoreError::Invalid(
            "the statement has votes, so it can no longer be changed or removed; reject it in moderation instead"
                .to_owned(),
        ));
    }
    Ok(())
}
