//! Bulk import of a whole dialogue in one transaction, with multi-row inserts in chunks.

use std::borrow::Cow;
use std::collections::BTreeMap;

use async_trait::async_trait;
use model::{NormalizedText, ParticipantId, StatementId};
use sqlx::Row as _;

use super::dialogues::{
    check_distinct_constituencies, check_partnership, insert_constituency, insert_dialogue,
};
use super::{Conn, PARAMETERS, This};
use crate::columns::VoteTable;
use crate::columns::{choice_to_column, placeholders};
use crate::error::StoreError;
use crate::{DialogueImport, ImportStore, ImportSummary, ImportedStatement};

/// Rows per multi-row INSERT: well under SQLite's 32766 and PostgreSQL's 65535 bound values.
const ROWS_PER_INSERT: usize = 1000;

/// A participant the import will create.
struct PlannedParticipant {
    external_id: String,
    created_at: i64,
    constituencies: Vec<i64>,
}

/// PostgreSQL cannot store NUL in text, and imported text is otherwise kept as it is.
fn without_nul(text: &str) -> Cow<'_, str> {
    if text.contains('\0') {
        Cow::Owned(text.replace('\0', ""))
    } else {
        Cow::Borrowed(text)
    }
}

/// Lists every participant to create: the listed ones, then those only named by a statement or
/// a vote, in order of first mention; checks names and external ids on the way.
fn plan_participants(
    import: &DialogueImport,
    constituency_ids: &BTreeMap<String, i64>,
) -> Result<Vec<PlannedParticipant>, StoreError> {
    let mut planned = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for participant in &import.participants {
        let external_id = without_nul(&participant.external_id).into_owned();
        if index.contains_key(&external_id) {
            return Err(StoreError::Invalid(format!(
                "participant {external_id:?} is listed twice"
            )));
        }
        let mut constituencies = Vec::with_capacity(participant.constituencies.len());
        for name in &participant.constituencies {
            let id = constituency_ids.get(name.trim()).ok_or_else(|| {
                StoreError::Invalid(format!(
                    "participant {external_id:?} names unknown constituency {name:?}"
                ))
            })?;
            if !constituencies.contains(id) {
                constituencies.push(*id);
            }
        }
        constituencies.sort_unstable();
        index.insert(external_id.clone(), planned.len());
        planned.push(PlannedParticipant {
            external_id,
            created_at: participant.created_at,
            constituencies,
        });
    }
    let mentions = import
        .statements
        .iter()
        .filter_map(|s| s.author.as_deref().map(|author| (author, s.created_at)))
        .chain(
            import
                .votes
                .iter()
                .map(|v| (v.participant.as_str(), v.cast_at)),
        );
    for (mentioned, at) in mentions {
        let external_id = without_nul(mentioned);
        if !index.contains_key(external_id.as_ref()) {
            let external_id = external_id.into_owned();
            index.insert(external_id.clone(), planned.len());
            planned.push(PlannedParticipant {
                external_id,
                created_at: at,
                constituencies: Vec::new(),
            });
        }
    }
    Ok(planned)
}

/// Checks that statement external ids are distinct and returns their positions.
fn index_statements(
    statements: &[ImportedStatement],
) -> Result<BTreeMap<String, usize>, StoreError> {
    let mut index = BTreeMap::new();
    for (position, statement) in statements.iter().enumerate() {
        let external_id = without_nul(&statement.external_id).into_owned();
        if index.insert(external_id.clone(), position).is_some() {
            return Err(StoreError::Invalid(format!(
                "statement {external_id:?} is listed twice"
            )));
        }
    }
    Ok(index)
}

async fn insert_participants(
    conn: &mut Conn,
    dialogue: i64,
    planned: &[PlannedParticipant],
) -> Result<BTreeMap<String, i64>, StoreError> {
    let mut ids = BTreeMap::new();
    for chunk in planned.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO participants (dialogue_id, external_id, created_at) VALUES {} \
             RETURNING id, external_id",
            placeholders(chunk.len(), 3, PARAMETERS)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for participant in chunk {
            query = query
                .bind(dialogue)
                .bind(participant.external_id.as_str())
                .bind(participant.created_at);
        }
        for row in query.fetch_all(&mut *conn).await? {
            let external_id: Option<String> = row.try_get("external_id")?;
            ids.insert(
                external_id.unwrap_or_default(),
                row.try_get::<i64, _>("id")?,
            );
        }
    }
    let memberships: Vec<(i64, i64)> = planned
        .iter()
        .flat_map(|participant| {
            let id = ids.get(&participant.external_id).copied().unwrap_or(0);
            participant.constituencies.iter().map(move |c| (id, *c))
        })
        .collect();
    for chunk in memberships.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO participant_constituencies (participant_id, constituency_id) VALUES {}",
            placeholders(chunk.len(), 2, PARAMETERS)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (participant, constituency) in chunk {
            query = query.bind(*participant).bind(*constituency);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(ids)
}

async fn insert_statements(
    conn: &mut Conn,
    dialogue: i64,
    statements: &[ImportedStatement],
    participant_ids: &BTreeMap<String, i64>,
) -> Result<BTreeMap<String, i64>, StoreError> {
    const COLUMNS: usize = 9;
    let mut ids = BTreeMap::new();
    for chunk in statements.chunks(ROWS_PER_INSERT / 2) {
        let sql = format!(
            "INSERT INTO statements (dialogue_id, text, normalized_text, is_seed, is_meta, \
             moderation, author_id, external_id, created_at) VALUES {} RETURNING id, external_id",
            placeholders(chunk.len(), COLUMNS, PARAMETERS)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for statement in chunk {
            let text = without_nul(&statement.text).into_owned();
            let normalized = NormalizedText::new(&text);
            let author = statement
                .author
                .as_deref()
                .and_then(|author| participant_ids.get(without_nul(author).as_ref()).copied());
            query = query
                .bind(dialogue)
                .bind(text)
                .bind(normalized.as_str().to_owned())
                .bind(statement.is_seed)
                .bind(statement.is_meta)
                .bind(statement.moderation.as_str())
                .bind(author)
                .bind(without_nul(&statement.external_id).into_owned())
                .bind(statement.created_at);
        }
        for row in query.fetch_all(&mut *conn).await? {
            let external_id: Option<String> = row.try_get("external_id")?;
            ids.insert(
                external_id.unwrap_or_default(),
                row.try_get::<i64, _>("id")?,
            );
        }
    }
    Ok(ids)
}

#[async_trait]
impl ImportStore for This {
    async fn import_dialogue(&self, import: DialogueImport) -> Result<ImportSummary, StoreError> {
        check_distinct_constituencies(&import.constituencies)?;
        let statement_index = index_statements(&import.statements)?;
        for vote in &import.votes {
            if !statement_index.contains_key(without_nul(&vote.statement).as_ref()) {
                return Err(StoreError::Invalid(format!(
                    "a vote names unknown statement {:?}",
                    vote.statement
                )));
            }
        }

        let mut tx = self.begin_write().await?;
        check_partnership(&mut tx, import.partnership).await?;
        let dialogue = insert_dialogue(
            &mut tx,
            import.partnership,
            &import.settings,
            import.is_open,
            import.created_by,
            import.external_id.as_deref().map(without_nul).as_deref(),
            import.created_at,
        )
        .await?;
        let mut constituency_ids = BTreeMap::new();
        for constituency in import.constituencies.iter().cloned() {
            let created = insert_constituency(&mut tx, dialogue, constituency).await?;
            constituency_ids.insert(created.name.into_inner(), created.id.0);
        }
        let planned = plan_participants(&import, &constituency_ids)?;
        let participant_ids = insert_participants(&mut tx, dialogue.0, &planned).await?;
        let statement_ids =
            insert_statements(&mut tx, dialogue.0, &import.statements, &participant_ids).await?;

        // History in time order (input order among equal times), so event ids follow time.
        let mut order: Vec<usize> = (0..import.votes.len()).collect();
        order.sort_by_key(|&position| (import.votes[position].cast_at, position));
        let mut events: Vec<(i64, i64, i16, i64)> = Vec::with_capacity(order.len());
        for position in order {
            let vote = &import.votes[position];
            let participant = participant_ids
                .get(without_nul(&vote.participant).as_ref())
                .copied()
                .ok_or_else(|| StoreError::internal("imported participant has no id"))?;
            let statement = statement_ids
                .get(without_nul(&vote.statement).as_ref())
                .copied()
                .ok_or_else(|| StoreError::internal("imported statement has no id"))?;
            events.push((
                participant,
                statement,
                choice_to_column(vote.choice),
                vote.cast_at,
            ));
        }
        super::super::insert_vote_rows(&mut tx, VoteTable::Events, dialogue.0, &events).await?;
        let mut latest: BTreeMap<(i64, i64), (i16, i64)> = BTreeMap::new();
        for (participant, statement, choice, cast_at) in &events {
            latest.insert((*participant, *statement), (*choice, *cast_at));
        }
        let latest: Vec<(i64, i64, i16, i64)> = latest
            .into_iter()
            .map(|((participant, statement), (choice, cast_at))| {
                (participant, statement, choice, cast_at)
            })
            .collect();
        super::super::insert_vote_rows(&mut tx, VoteTable::Latest, dialogue.0, &latest).await?;
        let revision = i64::try_from(events.len() + import.statements.len())
            .unwrap_or(i64::MAX - 1)
            .saturating_add(1);
        sqlx::query("UPDATE dialogues SET revision = $1 WHERE id = $2")
            .bind(revision)
            .bind(dialogue.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;

        let statements = import
            .statements
            .iter()
            .map(|s| {
                let external_id = without_nul(&s.external_id).into_owned();
                let id = statement_ids.get(&external_id).copied().unwrap_or_default();
                (external_id, StatementId(id))
            })
            .collect();
        let participants = planned
            .into_iter()
            .map(|p| {
                let id = participant_ids
                    .get(&p.external_id)
                    .copied()
                    .unwrap_or_default();
                (p.external_id, ParticipantId(id))
            })
            .collect();
        Ok(ImportSummary {
            dialogue,
            statements,
            participants,
            vote_events: u64::try_from(events.len()).unwrap_or(u64::MAX),
            votes: u64::try_from(latest.len()).unwrap_or(u64::MAX),
        })
    }
}
