//! Versions of statements and priority options: each write is one upsert or delete in its own
//! transaction, keyed by the statement, option, dialogue or list it names, whose row must
//! exist; none changes a dialogue's or a list's revision, since no version changes what the
//! analysis or the ranking counts.

use async_trait::async_trait;
use model::{ConvenorId, DialogueId, PriorityListId, PriorityOptionId, StatementId};
use sqlx::Row as _;

use super::{Conn, DbRow, This, missing_convenor};
use crate::columns::stored;
use crate::error::{Entity, StoreError};
use crate::{
    DialogueLanguages, ObjectiveId, ObjectiveTranslation, OptionVersion, StatementVersion,
    Untranslated, VersionStore,
};

/// Whether a statement (the `statements` row in scope) is held from participants until it is
/// translated: written in another language than its dialogue's, in a dialogue that waits for
/// translations (the default), with no translation into the dialogue's language yet. The
/// server's `Readings::is_waiting` says the same of the rows it reads.
pub(super) const WAITING: &str = "(EXISTS (SELECT 1 FROM statement_languages \
     LEFT JOIN dialogue_languages \
     ON dialogue_languages.dialogue_id = statement_languages.dialogue_id \
     WHERE statement_languages.statement_id = statements.id \
     AND COALESCE(dialogue_languages.untranslated, 'wait') = 'wait' \
     AND statement_languages.language <> COALESCE(dialogue_languages.language, 'en') \
     AND NOT EXISTS (SELECT 1 FROM statement_versions \
     WHERE statement_versions.statement_id = statements.id \
     AND statement_versions.easy_read = FALSE \
     AND statement_versions.language = COALESCE(dialogue_languages.language, 'en'))))";

/// Records, in the transaction writing a statement, the language it was written in when that
/// is not its dialogue's (read in the same transaction, so a language equal to the dialogue's
/// leaves no row, as [`VersionStore::set_statement_language`] does).
pub(super) async fn insert_written_language(
    conn: &mut Conn,
    statement: StatementId,
    language: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO statement_languages (statement_id, dialogue_id, language) \
         SELECT statements.id, statements.dialogue_id, $2 FROM statements \
         LEFT JOIN dialogue_languages \
         ON dialogue_languages.dialogue_id = statements.dialogue_id \
         WHERE statements.id = $1 AND $2 <> COALESCE(dialogue_languages.language, 'en')",
    )
    .bind(statement.0)
    .bind(language)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

const OPTION_VERSION_COLUMNS: &str = "option_id, list_id, language, text, added_by, added_at";

fn option_version_from_row(row: &DbRow) -> Result<OptionVersion, StoreError> {
    Ok(OptionVersion {
        option: PriorityOptionId(row.try_get("option_id")?),
        list: PriorityListId(row.try_get("list_id")?),
        language: row.try_get("language")?,
        text: row.try_get("text")?,
        added_by: row.try_get::<Option<i64>, _>("added_by")?.map(ConvenorId),
        added_at: row.try_get("added_at")?,
    })
}

const TRANSLATION_COLUMNS: &str =
    "objective_id, version, language, title, body, added_by, added_at";

fn translation_from_row(row: &DbRow) -> Result<ObjectiveTranslation, StoreError> {
    let version: i64 = row.try_get("version")?;
    Ok(ObjectiveTranslation {
        objective: ObjectiveId(row.try_get("objective_id")?),
        version: stored("version", u32::try_from(version))?,
        language: row.try_get("language")?,
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        added_by: row.try_get::<Option<i64>, _>("added_by")?.map(ConvenorId),
        added_at: row.try_get("added_at")?,
    })
}

const VERSION_COLUMNS: &str =
    "statement_id, dialogue_id, language, easy_read, text, added_by, added_at";

fn version_from_row(row: &DbRow) -> Result<StatementVersion, StoreError> {
    Ok(StatementVersion {
        statement: StatementId(row.try_get("statement_id")?),
        dialogue: DialogueId(row.try_get("dialogue_id")?),
        language: row.try_get("language")?,
        easy_read: row.try_get("easy_read")?,
        text: row.try_get("text")?,
        added_by: row.try_get::<Option<i64>, _>("added_by")?.map(ConvenorId),
        added_at: row.try_get("added_at")?,
    })
}

fn untranslated_from(word: &str) -> Result<Untranslated, StoreError> {
    stored(
        "untranslated",
        Untranslated::parse(word).ok_or_else(|| format!("unknown setting {word:?}")),
    )
}

#[async_trait]
impl VersionStore for This {
    async fn dialogue_languages(
        &self,
        dialogue: DialogueId,
    ) -> Result<DialogueLanguages, StoreError> {
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM dialogues WHERE id = $1")
            .bind(dialogue.0)
            .fetch_optional(&self.pool)
            .await?;
        exists.ok_or(StoreError::NotFound(Entity::Dialogue))?;
        let row = sqlx::query(
            "SELECT language, untranslated FROM dialogue_languages WHERE dialogue_id = $1",
        )
        .bind(dialogue.0)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(DialogueLanguages::default()),
            Some(row) => Ok(DialogueLanguages {
                language: row.try_get("language")?,
                untranslated: untranslated_from(&row.try_get::<String, _>("untranslated")?)?,
            }),
        }
    }

    async fn set_dialogue_languages(
        &self,
        dialogue: DialogueId,
        languages: &DialogueLanguages,
    ) -> Result<DialogueLanguages, StoreError> {
        let mut tx = self.begin_write().await?;
        let stored: Option<i64> = sqlx::query_scalar(
            "INSERT INTO dialogue_languages (dialogue_id, language, untranslated) \
             SELECT id, $2, $3 FROM dialogues WHERE id = $1 \
             ON CONFLICT (dialogue_id) DO UPDATE SET language = excluded.language, \
             untranslated = excluded.untranslated RETURNING dialogue_id",
        )
        .bind(dialogue.0)
        .bind(&languages.language)
        .bind(languages.untranslated.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        stored.ok_or(StoreError::NotFound(Entity::Dialogue))?;
        tx.commit().await?;
        Ok(languages.clone())
    }

    async fn set_statement_language(
        &self,
        statement: StatementId,
        language: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM statements WHERE id = $1")
            .bind(statement.0)
            .fetch_optional(&mut *tx)
            .await?;
        exists.ok_or(StoreError::NotFound(Entity::Statement))?;
        match language {
            None => {
                sqlx::query("DELETE FROM statement_languages WHERE statement_id = $1")
                    .bind(statement.0)
                    .execute(&mut *tx)
                    .await?;
            }
            Some(language) => {
                sqlx::query(
                    "INSERT INTO statement_languages (statement_id, dialogue_id, language) \
                     SELECT id, dialogue_id, $2 FROM statements WHERE id = $1 \
                     ON CONFLICT (statement_id) DO UPDATE SET language = excluded.language",
                )
                .bind(statement.0)
                .bind(language)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    async fn statement_languages(
        &self,
        dialogue: DialogueId,
    ) -> Result<Vec<(StatementId, String)>, StoreError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT statement_id, language FROM statement_languages \
             WHERE dialogue_id = $1 ORDER BY statement_id",
        )
        .bind(dialogue.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(statement, language)| (StatementId(statement), language))
            .collect())
    }

    async fn put_statement_version(
        &self,
        version: StatementVersion,
    ) -> Result<StatementVersion, StoreError> {
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "INSERT INTO statement_versions (statement_id, dialogue_id, language, easy_read, \
             text, added_by, added_at) \
             SELECT id, dialogue_id, $2, $3, $4, $5, $6 FROM statements WHERE id = $1 \
             ON CONFLICT (statement_id, language, easy_read) DO UPDATE SET \
             text = excluded.text, added_by = excluded.added_by, added_at = excluded.added_at \
             RETURNING {VERSION_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(version.statement.0)
            .bind(&version.language)
            .bind(version.easy_read)
            .bind(&version.text)
            .bind(version.added_by.map(|convenor| convenor.0))
            .bind(version.added_at)
            .fetch_optional(&mut *tx)
            .await
            .map_err(missing_convenor)?
            .ok_or(StoreError::NotFound(Entity::Statement))?;
        let stored = version_from_row(&row)?;
        tx.commit().await?;
        Ok(stored)
    }

    async fn remove_statement_version(
        &self,
        statement: StatementId,
        language: &str,
        easy_read: bool,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query(
            "DELETE FROM statement_versions \
             WHERE statement_id = $1 AND language = $2 AND easy_read = $3",
        )
        .bind(statement.0)
        .bind(language)
        .bind(easy_read)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(removed > 0)
    }

    async fn statement_versions(
        &self,
        dialogue: DialogueId,
    ) -> Result<Vec<StatementVersion>, StoreError> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM statement_versions WHERE dialogue_id = $1 \
             ORDER BY statement_id, language, easy_read"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(dialogue.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(version_from_row).collect()
    }

    async fn priority_list_language(&self, list: PriorityListId) -> Result<String, StoreError> {
        let row: Option<(i64, Option<String>)> = sqlx::query_as(
            "SELECT l.id, p.language FROM priority_lists l \
             LEFT JOIN priority_list_languages p ON p.list_id = l.id WHERE l.id = $1",
        )
        .bind(list.0)
        .fetch_optional(&self.pool)
        .await?;
        let (_, language) = row.ok_or(StoreError::NotFound(Entity::PriorityList))?;
        Ok(language.unwrap_or_else(|| "en".to_owned()))
    }

    async fn set_priority_list_language(
        &self,
        list: PriorityListId,
        language: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let stored: Option<i64> = sqlx::query_scalar(
            "INSERT INTO priority_list_languages (list_id, language) \
             SELECT id, $2 FROM priority_lists WHERE id = $1 \
             ON CONFLICT (list_id) DO UPDATE SET language = excluded.language RETURNING list_id",
        )
        .bind(list.0)
        .bind(language)
        .fetch_optional(&mut *tx)
        .await?;
        stored.ok_or(StoreError::NotFound(Entity::PriorityList))?;
        tx.commit().await?;
        Ok(())
    }

    async fn put_option_version(
        &self,
        version: OptionVersion,
    ) -> Result<OptionVersion, StoreError> {
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "INSERT INTO priority_option_versions (option_id, list_id, language, text, \
             added_by, added_at) \
             SELECT id, list_id, $2, $3, $4, $5 FROM priority_options WHERE id = $1 \
             ON CONFLICT (option_id, language) DO UPDATE SET \
             text = excluded.text, added_by = excluded.added_by, added_at = excluded.added_at \
             RETURNING {OPTION_VERSION_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(version.option.0)
            .bind(&version.language)
            .bind(&version.text)
            .bind(version.added_by.map(|convenor| convenor.0))
            .bind(version.added_at)
            .fetch_optional(&mut *tx)
            .await
            .map_err(missing_convenor)?
            .ok_or(StoreError::NotFound(Entity::PriorityOption))?;
        let added = option_version_from_row(&row)?;
        tx.commit().await?;
        Ok(added)
    }

    async fn remove_option_version(
        &self,
        option: PriorityOptionId,
        language: &str,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query(
            "DELETE FROM priority_option_versions WHERE option_id = $1 AND language = $2",
        )
        .bind(option.0)
        .bind(language)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(removed > 0)
    }

    async fn option_versions(
        &self,
        list: PriorityListId,
    ) -> Result<Vec<OptionVersion>, StoreError> {
        let sql = format!(
            "SELECT {OPTION_VERSION_COLUMNS} FROM priority_option_versions WHERE list_id = $1 \
             ORDER BY option_id, language"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(list.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(option_version_from_row).collect()
    }

    async fn objective_language(&self, objective: ObjectiveId) -> Result<String, StoreError> {
        let row: Option<(i64, Option<String>)> = sqlx::query_as(
            "SELECT o.id, l.language FROM objectives o \
             LEFT JOIN objective_languages l ON l.objective_id = o.id WHERE o.id = $1",
        )
        .bind(objective.0)
        .fetch_optional(&self.pool)
        .await?;
        let (_, language) = row.ok_or(StoreError::NotFound(Entity::Objective))?;
        Ok(language.unwrap_or_else(|| "en".to_owned()))
    }

    async fn set_objective_language(
        &self,
        objective: ObjectiveId,
        language: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let stored: Option<i64> = sqlx::query_scalar(
            "INSERT INTO objective_languages (objective_id, language) \
             SELECT id, $2 FROM objectives WHERE id = $1 \
             ON CONFLICT (objective_id) DO UPDATE SET language = excluded.language \
             RETURNING objective_id",
        )
        .bind(objective.0)
        .bind(language)
        .fetch_optional(&mut *tx)
        .await?;
        stored.ok_or(StoreError::NotFound(Entity::Objective))?;
        tx.commit().await?;
        Ok(())
    }

    async fn put_objective_translation(
        &self,
        translation: ObjectiveTranslation,
    ) -> Result<ObjectiveTranslation, StoreError> {
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "INSERT INTO objective_translations (objective_id, version, language, title, body, \
             added_by, added_at) \
             SELECT objective_id, version, $3, $4, $5, $6, $7 FROM objective_versions \
             WHERE objective_id = $1 AND version = $2 \
             ON CONFLICT (objective_id, version, language) DO UPDATE SET \
             title = excluded.title, body = excluded.body, added_by = excluded.added_by, \
             added_at = excluded.added_at \
             RETURNING {TRANSLATION_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(translation.objective.0)
            .bind(i64::from(translation.version))
            .bind(&translation.language)
            .bind(&translation.title)
            .bind(&translation.body)
            .bind(translation.added_by.map(|convenor| convenor.0))
            .bind(translation.added_at)
            .fetch_optional(&mut *tx)
            .await
            .map_err(missing_convenor)?
            .ok_or(StoreError::NotFound(Entity::Objective))?;
        let added = translation_from_row(&row)?;
        tx.commit().await?;
        Ok(added)
    }

    async fn remove_objective_translation(
        &self,
        objective: ObjectiveId,
        version: u32,
        language: &str,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query(
            "DELETE FROM objective_translations \
             WHERE objective_id = $1 AND version = $2 AND language = $3",
        )
        .bind(objective.0)
        .bind(i64::from(version))
        .bind(language)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(removed > 0)
    }

    async fn objective_translations(
        &self,
        objective: ObjectiveId,
    ) -> Result<Vec<ObjectiveTranslation>, StoreError> {
        let sql = format!(
            "SELECT {TRANSLATION_COLUMNS} FROM objective_translations WHERE objective_id = $1 \
             ORDER BY version, language"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(objective.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(translation_from_row).collect()
    }
}
