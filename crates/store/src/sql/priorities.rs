//! Priority lists: lists with their constituencies, options with duplicate detection and
//! moderation, drafting options from a dialogue's statements, joining with a token, idempotent
//! comparisons answered once per pair, and erasure.
//!
//! A priority list's row is the first lock of every write to the list (by bumping its
//! revision), then the participant's row, then options and comparisons, as the dialogue's row
//! is for dialogues (see the lock order in `sql/mod.rs`). These writes lock no dialogue,
//! dialogue participant or statement row; they only refer to them.

use std::collections::{BTreeMap, BTreeSet};

use async_trait::async_trait;
use model::{
    ComparisonChoice, ComparisonId, ConstituencyKind, ConstituencyName, ConvenorId, DialogueId,
    DuplicateMatch, ModerationPolicy, ModerationStatus, NormalizedText, OptionOrigin,
    ParticipantId, PartnershipId, PriorityConstituencyId, PriorityListId, PriorityOptionId,
    PriorityParticipantId, ReportVisibility, StatementId, Token, UndecidedReason, find_duplicate,
};
use sqlx::Row as _;

use super::{BACKEND, Conn, DbRow, LOCK_PARTICIPANT, PARAMETERS, This, is_unique_violation};
use crate::columns::{count, list_placeholders, new_token, placeholders, stored};
use crate::error::{Entity, StoreError};
use crate::store::Backend;
use crate::{
    AnsweredPairs, Comparison, ComparisonOutcome, ComparisonReceipt, DraftedOption, NewComparison,
    NewPriorityConstituency, NewPriorityList, NewPriorityOption, NewPriorityParticipant,
    PriorityConstituency, PriorityErasure, PriorityList, PriorityListSettings, PriorityOption,
    PriorityParticipant, PriorityStore,
};

const LIST_COLUMNS: &str = "id, partnership_id, dialogue_id, title, question, description, \
     allow_participant_options, moderation, results_visibility, is_open, created_by, created_at, \
     revision";

const OPTION_COLUMNS: &str = "id, list_id, text, origin, statement_id, author_id, moderation, \
     rejection_reason, near_duplicate_of, created_at";

const COMPARISON_COLUMNS: &str = "id, list_id, participant_id, left_option_id, right_option_id, \
     choice, reason, compared_at";

/// What writes to a priority list need to know about it, read under its lock.
#[derive(Clone, Copy)]
struct ListState {
    is_open: bool,
    allow_participant_options: bool,
    moderation: ModerationPolicy,
    dialogue: Option<DialogueId>,
}

/// Checks a comparison under its list's lock and, unless refused, writes it; every check
/// comes before the write, so a refused comparison leaves nothing behind.
async fn check_and_insert(
    conn: &mut Conn,
    new: &NewComparison,
    list: PriorityListId,
    state: ListState,
) -> Result<ComparisonReceipt, StoreError> {
    if let Some(key) = &new.idempotency_key
        && let Some(receipt) = replayed_comparison(&mut *conn, new, key).await?
    {
        return Ok(receipt);
    }
    if !state.is_open {
        return Err(StoreError::PriorityListClosed);
    }
    if new.left == new.right {
        return Err(StoreError::Invalid(
            "an option cannot be compared with itself".to_owned(),
        ));
    }
    if new.reason.is_some() && new.choice != ComparisonChoice::Neither {
        return Err(StoreError::Invalid(
            "a reason is given only when the participant cannot decide".to_owned(),
        ));
    }
    check_comparable(&mut *conn, list, state, [new.left, new.right]).await?;
    // One guarded statement does the last two checks: the participant still exists (read
    // under the list's lock, so one erased by a transaction that committed first is not
    // found) and has not answered the pair either way round (the unique index, with
    // `DO NOTHING` so that the transaction stays usable on PostgreSQL). The list's lock
    // serialises a participant's comparisons, so the idempotency key, checked above, cannot
    // be the conflict.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO comparisons (list_id, participant_id, left_option_id, right_option_id, \
             choice, reason, idempotency_key, compared_at) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8 \
         WHERE EXISTS (SELECT 1 FROM priority_participants WHERE id = $2) \
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(list.0)
    .bind(new.participant.0)
    .bind(new.left.0)
    .bind(new.right.0)
    .bind(new.choice.as_str())
    .bind(new.reason.map(UndecidedReason::as_str))
    .bind(
        new.idempotency_key
            .as_ref()
            .map(model::IdempotencyKey::as_str),
    )
    .bind(new.compared_at)
    .fetch_optional(&mut *conn)
    .await?;
    match id {
        Some(id) => Ok(ComparisonReceipt {
            comparison: ComparisonId(id),
            outcome: ComparisonOutcome::New,
        }),
        None => {
            // Nothing written: the participant is gone, or the pair was answered.
            participant_list(&mut *conn, new.participant).await?;
            Err(StoreError::PairAlreadyCompared)
        }
    }
}

/// Bumps a list's revision and returns its state; on PostgreSQL this locks the list's row until
/// the transaction ends, serialising the writes to one list.
async fn bump_list(conn: &mut Conn, list: PriorityListId) -> Result<ListState, StoreError> {
    let row = sqlx::query(
        "UPDATE priority_lists SET revision = revision + 1 WHERE id = $1 \
         RETURNING is_open, allow_participant_options, moderation, dialogue_id",
    )
    .bind(list.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::PriorityList))?;
    Ok(ListState {
        is_open: row.try_get("is_open")?,
        allow_participant_options: row.try_get("allow_participant_options")?,
        moderation: stored(
            "moderation policy",
            row.try_get::<String, _>("moderation")?
                .parse::<ModerationPolicy>(),
        )?,
        dialogue: row
            .try_get::<Option<i64>, _>("dialogue_id")?
            .map(DialogueId),
    })
}

/// Returns the list a participant takes part in (a link that never changes).
async fn participant_list(
    conn: &mut Conn,
    participant: PriorityParticipantId,
) -> Result<PriorityListId, StoreError> {
    let list: Option<i64> =
        sqlx::query_scalar("SELECT list_id FROM priority_participants WHERE id = $1")
            .bind(participant.0)
            .fetch_optional(&mut *conn)
            .await?;
    list.map(PriorityListId)
        .ok_or(StoreError::NotFound(Entity::Participant))
}

/// Returns the list of each participant of a batch that exists, in one read.
async fn participants_lists(
    conn: &mut Conn,
    batch: &[NewComparison],
) -> Result<BTreeMap<PriorityParticipantId, PriorityListId>, StoreError> {
    let ids: BTreeSet<i64> = batch.iter().map(|new| new.participant.0).collect();
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let sql = format!(
        "SELECT id, list_id FROM priority_participants WHERE id IN ({})",
        list_placeholders(ids.len(), 1)
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for id in &ids {
        query = query.bind(*id);
    }
    let mut lists = BTreeMap::new();
    for row in query.fetch_all(&mut *conn).await? {
        lists.insert(
            PriorityParticipantId(row.try_get("id")?),
            PriorityListId(row.try_get("list_id")?),
        );
    }
    Ok(lists)
}

/// Returns the list an option belongs to (a link that never changes).
async fn option_list(
    conn: &mut Conn,
    option: PriorityOptionId,
) -> Result<PriorityListId, StoreError> {
    let list: Option<i64> =
        sqlx::query_scalar("SELECT list_id FROM priority_options WHERE id = $1")
            .bind(option.0)
            .fetch_optional(&mut *conn)
            .await?;
    list.map(PriorityListId)
        .ok_or(StoreError::NotFound(Entity::PriorityOption))
}

/// Locks a participant's row, second in the lock order, and refuses one erased by a
/// transaction that committed first.
async fn lock_priority_participant(
    conn: &mut Conn,
    participant: PriorityParticipantId,
) -> Result<(), StoreError> {
    let sql = format!("SELECT id FROM priority_participants WHERE id = $1{LOCK_PARTICIPANT}");
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(participant.0)
        .fetch_optional(&mut *conn)
        .await?;
    found
        .map(|_| ())
        .ok_or(StoreError::NotFound(Entity::Participant))
}

fn list_from_row(row: &DbRow) -> Result<PriorityList, StoreError> {
    Ok(PriorityList {
        id: PriorityListId(row.try_get("id")?),
        partnership: PartnershipId(row.try_get("partnership_id")?),
        dialogue: row
            .try_get::<Option<i64>, _>("dialogue_id")?
            .map(DialogueId),
        settings: PriorityListSettings {
            title: stored(
                "priority list title",
                model::PriorityListTitle::parse(&row.try_get::<String, _>("title")?),
            )?,
            question: stored(
                "priority question",
                model::PriorityQuestion::parse(&row.try_get::<String, _>("question")?),
            )?,
            description: stored(
                "description",
                model::Description::parse(&row.try_get::<String, _>("description")?),
            )?,
            allow_participant_options: row.try_get("allow_participant_options")?,
            moderation: stored(
                "moderation policy",
                row.try_get::<String, _>("moderation")?
                    .parse::<ModerationPolicy>(),
            )?,
            results_visibility: stored(
                "report visibility",
                row.try_get::<String, _>("results_visibility")?
                    .parse::<ReportVisibility>(),
            )?,
        },
        constituencies: Vec::new(),
        is_open: row.try_get("is_open")?,
        created_by: row.try_get::<Option<i64>, _>("created_by")?.map(ConvenorId),
        created_at: row.try_get("created_at")?,
        revision: row.try_get("revision")?,
    })
}

fn constituency_from_row(row: &DbRow) -> Result<PriorityConstituency, StoreError> {
    Ok(PriorityConstituency {
        id: PriorityConstituencyId(row.try_get("id")?),
        list: PriorityListId(row.try_get("list_id")?),
        name: stored(
            "constituency name",
            ConstituencyName::parse(&row.try_get::<String, _>("name")?),
        )?,
        kind: row
            .try_get::<Option<String>, _>("kind")?
            .map(|kind| stored("constituency kind", kind.parse::<ConstituencyKind>()))
            .transpose()?,
    })
}

fn option_from_row(row: &DbRow) -> Result<PriorityOption, StoreError> {
    Ok(PriorityOption {
        id: PriorityOptionId(row.try_get("id")?),
        list: PriorityListId(row.try_get("list_id")?),
        text: row.try_get("text")?,
        origin: stored(
            "option origin",
            row.try_get::<String, _>("origin")?.parse::<OptionOrigin>(),
        )?,
        statement: row
            .try_get::<Option<i64>, _>("statement_id")?
            .map(StatementId),
        author: row
            .try_get::<Option<i64>, _>("author_id")?
            .map(PriorityParticipantId),
        moderation: stored(
            "moderation status",
            row.try_get::<String, _>("moderation")?
                .parse::<ModerationStatus>(),
        )?,
        rejection_reason: row.try_get("rejection_reason")?,
        near_duplicate_of: row
            .try_get::<Option<i64>, _>("near_duplicate_of")?
            .map(PriorityOptionId),
        created_at: row.try_get("created_at")?,
    })
}

fn comparison_from_row(row: &DbRow) -> Result<Comparison, StoreError> {
    Ok(Comparison {
        id: ComparisonId(row.try_get("id")?),
        list: PriorityListId(row.try_get("list_id")?),
        participant: PriorityParticipantId(row.try_get("participant_id")?),
        left: PriorityOptionId(row.try_get("left_option_id")?),
        right: PriorityOptionId(row.try_get("right_option_id")?),
        choice: stored(
            "comparison choice",
            row.try_get::<String, _>("choice")?
                .parse::<ComparisonChoice>(),
        )?,
        reason: row
            .try_get::<Option<String>, _>("reason")?
            .map(|reason| stored("comparison reason", reason.parse::<UndecidedReason>()))
            .transpose()?,
        compared_at: row.try_get("compared_at")?,
    })
}

/// Reads a list with its constituencies.
async fn fetch_list(conn: &mut Conn, id: PriorityListId) -> Result<PriorityList, StoreError> {
    let sql = format!("SELECT {LIST_COLUMNS} FROM priority_lists WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::PriorityList))?;
    let mut list = list_from_row(&row)?;
    let rows = sqlx::query(
        "SELECT id, list_id, name, kind FROM priority_constituencies WHERE list_id = $1 \
         ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    list.constituencies = rows
        .iter()
        .map(constituency_from_row)
        .collect::<Result<_, _>>()?;
    Ok(list)
}

async fn fetch_option(conn: &mut Conn, id: PriorityOptionId) -> Result<PriorityOption, StoreError> {
    let sql = format!("SELECT {OPTION_COLUMNS} FROM priority_options WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::PriorityOption))?;
    option_from_row(&row)
}

/// Reads a participant with their memberships.
async fn fetch_participant(
    conn: &mut Conn,
    id: PriorityParticipantId,
) -> Result<PriorityParticipant, StoreError> {
    let row = sqlx::query(
        "SELECT id, list_id, dialogue_participant_id, created_at FROM priority_participants \
         WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound(Entity::Participant))?;
    let constituencies: Vec<i64> = sqlx::query_scalar(
        "SELECT constituency_id FROM priority_participant_constituencies \
         WHERE participant_id = $1 ORDER BY constituency_id",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    Ok(PriorityParticipant {
        id: PriorityParticipantId(row.try_get("id")?),
        list: PriorityListId(row.try_get("list_id")?),
        constituencies: constituencies
            .into_iter()
            .map(PriorityConstituencyId)
            .collect(),
        dialogue_participant: row
            .try_get::<Option<i64>, _>("dialogue_participant_id")?
            .map(ParticipantId),
        created_at: row.try_get("created_at")?,
    })
}

/// Refuses repeated constituency names before anything is written.
fn check_distinct_names(constituencies: &[NewPriorityConstituency]) -> Result<(), StoreError> {
    let mut seen = BTreeSet::new();
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

/// Refuses constituencies that do not exist or belong to another list; returns the ids sorted
/// and without repeats.
async fn check_constituencies(
    conn: &mut Conn,
    list: PriorityListId,
    constituencies: &[PriorityConstituencyId],
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
        "SELECT id, list_id FROM priority_constituencies WHERE id IN ({})",
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
        if row.try_get::<i64, _>("list_id")? != list.0 {
            return Err(StoreError::NotInList(Entity::Constituency));
        }
    }
    Ok(ids)
}

/// The options already in a list, as duplicate detection compares them.
struct ExistingOptions {
    texts: Vec<(PriorityOptionId, NormalizedText)>,
    statements: BTreeSet<i64>,
}

async fn existing_options(
    conn: &mut Conn,
    list: PriorityListId,
) -> Result<ExistingOptions, StoreError> {
    let rows = sqlx::query(
        "SELECT id, normalized_text, statement_id FROM priority_options WHERE list_id = $1 \
         ORDER BY id",
    )
    .bind(list.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut existing = ExistingOptions {
        texts: Vec::with_capacity(rows.len()),
        statements: BTreeSet::new(),
    };
    for row in &rows {
        let text: String = row.try_get("normalized_text")?;
        existing.texts.push((
            PriorityOptionId(row.try_get("id")?),
            NormalizedText::new(&text),
        ));
        if let Some(statement) = row.try_get::<Option<i64>, _>("statement_id")? {
            existing.statements.insert(statement);
        }
    }
    Ok(existing)
}

impl ExistingOptions {
    fn find(&self, text: &NormalizedText) -> Option<DuplicateMatch<PriorityOptionId>> {
        find_duplicate(text, self.texts.iter().map(|(id, text)| (*id, text)))
    }
}

/// One option row to insert.
struct OptionRow<'a> {
    list: PriorityListId,
    text: &'a str,
    normalized: &'a NormalizedText,
    origin: OptionOrigin,
    statement: Option<StatementId>,
    author: Option<PriorityParticipantId>,
    moderation: ModerationStatus,
    near_duplicate_of: Option<PriorityOptionId>,
    created_at: i64,
}

async fn insert_option(conn: &mut Conn, row: OptionRow<'_>) -> Result<PriorityOption, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO priority_options (list_id, text, normalized_text, origin, statement_id, \
         author_id, moderation, rejection_reason, near_duplicate_of, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9) RETURNING id",
    )
    .bind(row.list.0)
    .bind(row.text)
    .bind(row.normalized.as_str())
    .bind(row.origin.as_str())
    .bind(row.statement.map(|s| s.0))
    .bind(row.author.map(|a| a.0))
    .bind(row.moderation.as_str())
    .bind(row.near_duplicate_of.map(|o| o.0))
    .bind(row.created_at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(PriorityOption {
        id: PriorityOptionId(id),
        list: row.list,
        text: row.text.to_owned(),
        origin: row.origin,
        statement: row.statement,
        author: row.author,
        moderation: row.moderation,
        rejection_reason: None,
        near_duplicate_of: row.near_duplicate_of,
        created_at: row.created_at,
    })
}

/// Looks up the comparison recorded under a participant's idempotency key: `Some(receipt)` for
/// a replay of the same comparison, an error if the key was used for another.
async fn replayed_comparison(
    conn: &mut Conn,
    new: &NewComparison,
    key: &model::IdempotencyKey,
) -> Result<Option<ComparisonReceipt>, StoreError> {
    let sql = format!(
        "SELECT {COMPARISON_COLUMNS} FROM comparisons \
         WHERE participant_id = $1 AND idempotency_key = $2"
    );
    let earlier = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(new.participant.0)
        .bind(key.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let Some(earlier) = earlier else {
        return Ok(None);
    };
    let earlier = comparison_from_row(&earlier)?;
    let same = earlier.left == new.left
        && earlier.right == new.right
        && earlier.choice == new.choice
        && earlier.reason == new.reason;
    if !same {
        return Err(StoreError::IdempotencyKeyReused);
    }
    Ok(Some(ComparisonReceipt {
        comparison: earlier.id,
        outcome: ComparisonOutcome::Replayed,
    }))
}

/// Refuses an option that cannot be compared in this list: unknown, of another list, rejected,
/// or awaiting pre-moderation.
async fn check_comparable(
    conn: &mut Conn,
    list: PriorityListId,
    state: ListState,
    pair: [PriorityOptionId; 2],
) -> Result<(), StoreError> {
    let rows =
        sqlx::query("SELECT id, list_id, moderation FROM priority_options WHERE id IN ($1, $2)")
            .bind(pair[0].0)
            .bind(pair[1].0)
            .fetch_all(&mut *conn)
            .await?;
    // Each option in turn, so that the refusal names the first option at fault.
    for option in pair {
        let mut found = None;
        for row in &rows {
            if row.try_get::<i64, _>("id")? == option.0 {
                found = Some(row);
            }
        }
        let row = found.ok_or(StoreError::NotFound(Entity::PriorityOption))?;
        if row.try_get::<i64, _>("list_id")? != list.0 {
            return Err(StoreError::NotInList(Entity::PriorityOption));
        }
        let moderation = stored(
            "moderation status",
            row.try_get::<String, _>("moderation")?
                .parse::<ModerationStatus>(),
        )?;
        match moderation {
            ModerationStatus::Rejected => return Err(StoreError::OptionRejected),
            ModerationStatus::Pending if state.moderation == ModerationPolicy::Pre => {
                return Err(StoreError::OptionPending);
            }
            ModerationStatus::Pending | ModerationStatus::Accepted => {}
        }
    }
    Ok(())
}

#[async_trait]
impl PriorityStore for This {
    async fn create_priority_list(&self, new: NewPriorityList) -> Result<PriorityList, StoreError> {
        check_distinct_names(&new.constituencies)?;
        let mut tx = self.begin_write().await?;
        super::dialogues::check_partnership(&mut tx, new.partnership).await?;
        if let Some(dialogue) = new.dialogue {
            let partnership: Option<i64> =
                sqlx::query_scalar("SELECT partnership_id FROM dialogues WHERE id = $1")
                    .bind(dialogue.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            match partnership {
                None => return Err(StoreError::NotFound(Entity::Dialogue)),
                Some(partnership) if partnership != new.partnership.0 => {
                    return Err(StoreError::NotInPartnership(Entity::Dialogue));
                }
                Some(_) => {}
            }
        }
        let settings = &new.settings;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO priority_lists (partnership_id, dialogue_id, title, question, \
             description, allow_participant_options, moderation, results_visibility, is_open, \
             created_by, created_at, revision) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1) RETURNING id",
        )
        .bind(new.partnership.0)
        .bind(new.dialogue.map(|d| d.0))
        .bind(settings.title.as_str())
        .bind(settings.question.as_str())
        .bind(settings.description.as_str())
        .bind(settings.allow_participant_options)
        .bind(settings.moderation.as_str())
        .bind(settings.results_visibility.as_str())
        .bind(true)
        .bind(new.created_by.map(|c| c.0))
        .bind(new.created_at)
        .fetch_one(&mut *tx)
        .await?;
        for constituency in &new.constituencies {
            sqlx::query(
                "INSERT INTO priority_constituencies (list_id, name, kind) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(constituency.name.as_str())
            .bind(constituency.kind.map(ConstituencyKind::as_str))
            .execute(&mut *tx)
            .await?;
        }
        let list = fetch_list(&mut tx, PriorityListId(id)).await?;
        tx.commit().await?;
        Ok(list)
    }

    async fn get_priority_list(&self, id: PriorityListId) -> Result<PriorityList, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_list(&mut conn, id).await
    }

    async fn list_priority_lists(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<PriorityList>, StoreError> {
        crate::PartnershipStore::get_partnership(self, partnership).await?;
        let sql = format!(
            "SELECT {LIST_COLUMNS} FROM priority_lists WHERE partnership_id = $1 ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partnership.0)
            .fetch_all(&self.pool)
            .await?;
        let mut lists = rows
            .iter()
            .map(list_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        let rows = sqlx::query(
            "SELECT c.id, c.list_id, c.name, c.kind FROM priority_constituencies c \
             JOIN priority_lists l ON l.id = c.list_id WHERE l.partnership_id = $1 ORDER BY c.id",
        )
        .bind(partnership.0)
        .fetch_all(&self.pool)
        .await?;
        let mut by_list: BTreeMap<PriorityListId, Vec<PriorityConstituency>> = BTreeMap::new();
        for row in &rows {
            let constituency = constituency_from_row(row)?;
            by_list
                .entry(constituency.list)
                .or_default()
                .push(constituency);
        }
        for list in &mut lists {
            list.constituencies = by_list.remove(&list.id).unwrap_or_default();
        }
        Ok(lists)
    }

    async fn update_priority_list(
        &self,
        id: PriorityListId,
        settings: PriorityListSettings,
    ) -> Result<PriorityList, StoreError> {
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE priority_lists SET title = $1, question = $2, description = $3, \
             allow_participant_options = $4, moderation = $5, results_visibility = $6, \
             revision = revision + 1 WHERE id = $7",
        )
        .bind(settings.title.as_str())
        .bind(settings.question.as_str())
        .bind(settings.description.as_str())
        .bind(settings.allow_participant_options)
        .bind(settings.moderation.as_str())
        .bind(settings.results_visibility.as_str())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::PriorityList));
        }
        let list = fetch_list(&mut tx, id).await?;
        tx.commit().await?;
        Ok(list)
    }

    async fn set_priority_list_open(
        &self,
        id: PriorityListId,
        is_open: bool,
    ) -> Result<PriorityList, StoreError> {
        let mut tx = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE priority_lists SET is_open = $1, revision = revision + 1 WHERE id = $2",
        )
        .bind(is_open)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::PriorityList));
        }
        let list = fetch_list(&mut tx, id).await?;
        tx.commit().await?;
        Ok(list)
    }

    async fn add_priority_option(
        &self,
        new: NewPriorityOption,
    ) -> Result<PriorityOption, StoreError> {
        self.retrying(|| self.add_option_once(&new)).await
    }

    async fn import_priority_options(
        &self,
        list: PriorityListId,
        drafts: &[DraftedOption],
        created_at: i64,
    ) -> Result<Vec<PriorityOption>, StoreError> {
        self.retrying(|| self.import_options_once(list, drafts, created_at))
            .await
    }

    async fn get_priority_option(
        &self,
        id: PriorityOptionId,
    ) -> Result<PriorityOption, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_option(&mut conn, id).await
    }

    async fn list_priority_options(
        &self,
        list: PriorityListId,
    ) -> Result<Vec<PriorityOption>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_list(&mut conn, list).await?;
        let sql =
            format!("SELECT {OPTION_COLUMNS} FROM priority_options WHERE list_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(list.0)
            .fetch_all(&mut *conn)
            .await?;
        rows.iter().map(option_from_row).collect()
    }

    async fn moderate_priority_option(
        &self,
        id: PriorityOptionId,
        status: ModerationStatus,
        reason: Option<String>,
    ) -> Result<PriorityOption, StoreError> {
        // Only a rejection keeps a reason; any other decision clears the last one.
        let reason = reason.filter(|_| status == ModerationStatus::Rejected);
        let mut tx = self.begin_write().await?;
        let list = option_list(&mut tx, id).await?;
        bump_list(&mut tx, list).await?;
        // Under the list's lock: an option removed with its author's erasure, committed first,
        // is no longer there.
        let updated = sqlx::query(
            "UPDATE priority_options SET moderation = $1, rejection_reason = $2 WHERE id = $3",
        )
        .bind(status.as_str())
        .bind(reason)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::PriorityOption));
        }
        let option = fetch_option(&mut tx, id).await?;
        tx.commit().await?;
        Ok(option)
    }

    async fn join_priority_list(
        &self,
        new: NewPriorityParticipant,
    ) -> Result<(PriorityParticipant, Token), StoreError> {
        let token = new_token()?;
        let participant = self.retrying(|| self.join_once(&new, &token)).await?;
        Ok((participant, token))
    }

    async fn find_priority_participant_by_token(
        &self,
        token: &Token,
    ) -> Result<Option<PriorityParticipant>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM priority_participants WHERE token_hash = $1")
                .bind(token.hash().as_bytes().as_slice())
                .fetch_optional(&mut *conn)
                .await?;
        match id {
            None => Ok(None),
            Some(id) => Ok(Some(
                fetch_participant(&mut conn, PriorityParticipantId(id)).await?,
            )),
        }
    }

    async fn get_priority_participant(
        &self,
        id: PriorityParticipantId,
    ) -> Result<PriorityParticipant, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_participant(&mut conn, id).await
    }

    async fn list_priority_participants(
        &self,
        list: PriorityListId,
    ) -> Result<Vec<PriorityParticipant>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_list(&mut conn, list).await?;
        let rows = sqlx::query(
            "SELECT id, list_id, dialogue_participant_id, created_at FROM priority_participants \
             WHERE list_id = $1 ORDER BY id",
        )
        .bind(list.0)
        .fetch_all(&mut *conn)
        .await?;
        let memberships = sqlx::query(
            "SELECT m.participant_id, m.constituency_id \
             FROM priority_participant_constituencies m \
             JOIN priority_participants p ON p.id = m.participant_id WHERE p.list_id = $1 \
             ORDER BY m.participant_id, m.constituency_id",
        )
        .bind(list.0)
        .fetch_all(&mut *conn)
        .await?;
        let mut by_participant: BTreeMap<i64, Vec<PriorityConstituencyId>> = BTreeMap::new();
        for row in &memberships {
            by_participant
                .entry(row.try_get("participant_id")?)
                .or_default()
                .push(PriorityConstituencyId(row.try_get("constituency_id")?));
        }
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                Ok(PriorityParticipant {
                    id: PriorityParticipantId(id),
                    list: PriorityListId(row.try_get("list_id")?),
                    constituencies: by_participant.remove(&id).unwrap_or_default(),
                    dialogue_participant: row
                        .try_get::<Option<i64>, _>("dialogue_participant_id")?
                        .map(ParticipantId),
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    async fn record_comparison(&self, new: NewComparison) -> Result<ComparisonReceipt, StoreError> {
        self.retrying(|| self.record_comparison_once(&new)).await
    }

    async fn record_comparisons(
        &self,
        batch: &[NewComparison],
    ) -> Result<Vec<Result<ComparisonReceipt, StoreError>>, StoreError> {
        self.retrying(|| self.record_comparisons_once(batch)).await
    }

    async fn priority_list_revision(&self, list: PriorityListId) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT revision FROM priority_lists WHERE id = $1")
            .bind(list.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::PriorityList))?;
        Ok(row.try_get("revision")?)
    }

    async fn answered_pairs(
        &self,
        participant: PriorityParticipantId,
    ) -> Result<AnsweredPairs, StoreError> {
        // One row: the list's revision and the answered pairs folded into one text, since a row
        // per comparison costs a hand-over between threads each on SQLite, which at a few
        // hundred answers is most of the time the next pair takes.
        let fold = match BACKEND {
            Backend::Sqlite => "group_concat",
            Backend::Postgres => "string_agg",
        };
        let sql = format!(
            "SELECT l.revision, (SELECT {fold}(c.left_option_id || ':' || c.right_option_id, \
             ',' ORDER BY c.id) FROM comparisons c WHERE c.participant_id = p.id) AS pairs \
             FROM priority_participants p JOIN priority_lists l ON l.id = p.list_id \
             WHERE p.id = $1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(participant.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::Participant))?;
        let revision = row.try_get("revision")?;
        let folded: Option<String> = row.try_get("pairs")?;
        let pairs = folded
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (left, right) = pair.split_once(':')?;
                Some((
                    PriorityOptionId(left.parse().ok()?),
                    PriorityOptionId(right.parse().ok()?),
                ))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| StoreError::internal("the answered pairs did not read back"))?;
        Ok(AnsweredPairs { revision, pairs })
    }

    async fn compared_priority_lists(&self) -> Result<Vec<(PriorityListId, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT l.id, l.revision FROM priority_lists l \
             WHERE EXISTS (SELECT 1 FROM comparisons c WHERE c.list_id = l.id) ORDER BY l.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((PriorityListId(row.try_get("id")?), row.try_get("revision")?)))
            .collect()
    }

    async fn list_comparisons(&self, list: PriorityListId) -> Result<Vec<Comparison>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_list(&mut conn, list).await?;
        let sql =
            format!("SELECT {COMPARISON_COLUMNS} FROM comparisons WHERE list_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(list.0)
            .fetch_all(&mut *conn)
            .await?;
        rows.iter().map(comparison_from_row).collect()
    }

    async fn participant_comparisons(
        &self,
        participant: PriorityParticipantId,
    ) -> Result<Vec<Comparison>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        participant_list(&mut conn, participant).await?;
        let sql = format!(
            "SELECT {COMPARISON_COLUMNS} FROM comparisons WHERE participant_id = $1 ORDER BY id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(participant.0)
            .fetch_all(&mut *conn)
            .await?;
        rows.iter().map(comparison_from_row).collect()
    }

    async fn erase_priority_participant(
        &self,
        id: PriorityParticipantId,
    ) -> Result<PriorityErasure, StoreError> {
        self.retrying(|| self.erase_priority_once(id)).await
    }
}

impl This {
    /// One attempt at [`PriorityStore::add_priority_option`].
    async fn add_option_once(&self, new: &NewPriorityOption) -> Result<PriorityOption, StoreError> {
        let mut tx = self.begin_write().await?;
        // The list's row first: two identical submissions cannot both pass the duplicate check,
        // and an author erased by a transaction that committed first is no longer found.
        let state = bump_list(&mut tx, new.list).await?;
        if let Some(author) = new.author {
            let list: Option<i64> =
                sqlx::query_scalar("SELECT list_id FROM priority_participants WHERE id = $1")
                    .bind(author.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            match list {
                None => return Err(StoreError::NotFound(Entity::Participant)),
                Some(list) if list != new.list.0 => {
                    return Err(StoreError::NotInList(Entity::Participant));
                }
                Some(_) => {}
            }
            if !state.is_open {
                return Err(StoreError::PriorityListClosed);
            }
            if !state.allow_participant_options {
                return Err(StoreError::ParticipantOptionsDisabled);
            }
        }
        let normalized = NormalizedText::new(new.text.as_str());
        let existing = existing_options(&mut tx, new.list).await?;
        let found = existing.find(&normalized);
        if let Some(DuplicateMatch::Exact(existing)) = found {
            return Err(StoreError::DuplicateOption { existing });
        }
        let (origin, moderation) = match new.author {
            None => (OptionOrigin::Convenor, ModerationStatus::Accepted),
            Some(_) => (OptionOrigin::Participant, ModerationStatus::Pending),
        };
        let option = insert_option(
            &mut tx,
            OptionRow {
                list: new.list,
                text: new.text.as_str(),
                normalized: &normalized,
                origin,
                statement: None,
                author: new.author,
                moderation,
                near_duplicate_of: found.map(|m| m.existing()),
                created_at: new.created_at,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(option)
    }

    /// One attempt at [`PriorityStore::import_priority_options`].
    async fn import_options_once(
        &self,
        list: PriorityListId,
        drafts: &[DraftedOption],
        created_at: i64,
    ) -> Result<Vec<PriorityOption>, StoreError> {
        let mut tx = self.begin_write().await?;
        let state = bump_list(&mut tx, list).await?;
        let dialogue = state.dialogue.ok_or_else(|| {
            StoreError::Invalid("the priority list has no linked dialogue".to_owned())
        })?;
        for draft in drafts {
            let found: Option<i64> =
                sqlx::query_scalar("SELECT dialogue_id FROM statements WHERE id = $1")
                    .bind(draft.statement.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            match found {
                None => return Err(StoreError::NotFound(Entity::Statement)),
                Some(found) if found != dialogue.0 => {
                    return Err(StoreError::NotInDialogue(Entity::Statement));
                }
                Some(_) => {}
            }
        }
        let mut existing = existing_options(&mut tx, list).await?;
        let mut added = Vec::new();
        for draft in drafts {
            if existing.statements.contains(&draft.statement.0) {
                continue;
            }
            let normalized = NormalizedText::new(draft.text.as_str());
            let found = existing.find(&normalized);
            if let Some(DuplicateMatch::Exact(_)) = found {
                continue;
            }
            let option = insert_option(
                &mut tx,
                OptionRow {
                    list,
                    text: draft.text.as_str(),
                    normalized: &normalized,
                    origin: OptionOrigin::CommonGround,
                    statement: Some(draft.statement),
                    author: None,
                    moderation: ModerationStatus::Accepted,
                    near_duplicate_of: found.map(|m| m.existing()),
                    created_at,
                },
            )
            .await?;
            existing.statements.insert(draft.statement.0);
            existing.texts.push((option.id, normalized));
            added.push(option);
        }
        tx.commit().await?;
        Ok(added)
    }

    /// One attempt at [`PriorityStore::join_priority_list`].
    async fn join_once(
        &self,
        new: &NewPriorityParticipant,
        token: &Token,
    ) -> Result<PriorityParticipant, StoreError> {
        let mut tx = self.begin_write().await?;
        let state = bump_list(&mut tx, new.list).await?;
        if !state.is_open {
            return Err(StoreError::PriorityListClosed);
        }
        let constituencies = check_constituencies(&mut tx, new.list, &new.constituencies).await?;
        if let Some(participant) = new.dialogue_participant {
            let dialogue: Option<i64> =
                sqlx::query_scalar("SELECT dialogue_id FROM participants WHERE id = $1")
                    .bind(participant.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            let dialogue = dialogue.ok_or(StoreError::NotFound(Entity::Participant))?;
            if state.dialogue != Some(DialogueId(dialogue)) {
                return Err(StoreError::NotInDialogue(Entity::Participant));
            }
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO priority_participants (list_id, token_hash, dialogue_participant_id, \
             created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(new.list.0)
        .bind(token.hash().as_bytes().as_slice())
        .bind(new.dialogue_participant.map(|p| p.0))
        .bind(new.created_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| {
            if is_unique_violation(&error) {
                StoreError::Duplicate {
                    entity: Entity::Participant,
                    field: "dialogue participant",
                }
            } else {
                error.into()
            }
        })?;
        if !constituencies.is_empty() {
            let sql = format!(
                "INSERT INTO priority_participant_constituencies (participant_id, \
                 constituency_id) VALUES {}",
                placeholders(constituencies.len(), 2, PARAMETERS)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for constituency in &constituencies {
                query = query.bind(id).bind(*constituency);
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(PriorityParticipant {
            id: PriorityParticipantId(id),
            list: new.list,
            constituencies: constituencies
                .into_iter()
                .map(PriorityConstituencyId)
                .collect(),
            dialogue_participant: new.dialogue_participant,
            created_at: new.created_at,
        })
    }

    /// One attempt at [`PriorityStore::record_comparison`]; every check comes before the one
    /// write, so a refused comparison leaves nothing behind.
    async fn record_comparison_once(
        &self,
        new: &NewComparison,
    ) -> Result<ComparisonReceipt, StoreError> {
        let mut tx = self.begin_write().await?;
        let list = participant_list(&mut tx, new.participant).await?;
        let state = bump_list(&mut tx, list).await?;
        let receipt = check_and_insert(&mut tx, new, list, state).await?;
        if receipt.outcome == ComparisonOutcome::Replayed {
            return Ok(receipt);
        }
        tx.commit().await?;
        Ok(receipt)
    }

    /// One attempt at [`PriorityStore::record_comparisons`], in one transaction.
    async fn record_comparisons_once(
        &self,
        batch: &[NewComparison],
    ) -> Result<Vec<Result<ComparisonReceipt, StoreError>>, StoreError> {
        let mut tx = self.begin_write().await?;
        // The lock order: every list of the batch, in id order, before anything else.
        // A participant not found is refused below, when the comparison is checked.
        let list_of = participants_lists(&mut tx, batch).await?;
        let lists: BTreeSet<PriorityListId> = list_of.values().copied().collect();
        let mut states = BTreeMap::new();
        for list in lists {
            match bump_list(&mut tx, list).await {
                Ok(state) => {
                    states.insert(list, state);
                }
                Err(StoreError::NotFound(_)) => {}
                Err(error) => return Err(error),
            }
        }
        let mut results = Vec::with_capacity(batch.len());
        for new in batch {
            let locked = list_of
                .get(&new.participant)
                .and_then(|list| Some((*list, *states.get(list)?)));
            let checked = match locked {
                Some((list, state)) => check_and_insert(&mut tx, new, list, state).await,
                None => Err(StoreError::NotFound(Entity::Participant)),
            };
            match checked {
                Err(error @ (StoreError::Internal(_) | StoreError::Unavailable(_))) => {
                    return Err(error);
                }
                other => results.push(other),
            }
        }
        // A batch that recorded nothing leaves nothing behind, not even the lists' revisions.
        let recorded = results.iter().any(
            |result| matches!(result, Ok(receipt) if receipt.outcome == ComparisonOutcome::New),
        );
        if recorded {
            tx.commit().await?;
        }
        Ok(results)
    }

    /// One attempt at [`PriorityStore::erase_priority_participant`].
    async fn erase_priority_once(
        &self,
        id: PriorityParticipantId,
    ) -> Result<PriorityErasure, StoreError> {
        let mut tx = self.begin_write().await?;
        // The lock order: the list (found through the participant, a link that never changes),
        // then the participant, then their options and comparisons.
        let list = participant_list(&mut tx, id).await?;
        bump_list(&mut tx, list).await?;
        lock_priority_participant(&mut tx, id).await?;
        let comparisons: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM comparisons WHERE participant_id = $1")
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await?;
        // Options nobody else compared are the participant's alone and go with them; the
        // others stay, since other people's comparisons refer to them, but lose their author.
        let removed = sqlx::query(
            "DELETE FROM priority_options WHERE author_id = $1 AND NOT EXISTS (\
             SELECT 1 FROM comparisons c WHERE c.participant_id <> $1 AND \
             (c.left_option_id = priority_options.id OR c.right_option_id = priority_options.id))",
        )
        .bind(id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let unlinked: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM priority_options WHERE author_id = $1")
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await?;
        // The foreign keys remove comparisons and memberships, and unlink options.
        sqlx::query("DELETE FROM priority_participants WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(PriorityErasure {
            comparisons_removed: count(comparisons),
            options_removed: removed,
            options_unlinked: count(unlinked),
        })
    }
}
