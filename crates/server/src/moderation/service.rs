//! Each moderation operation, once: listing a dialogue's statements page by page and
//! accepting or rejecting one or many. The JSON handlers and the moderation page both call
//! these.

use model::{DialogueId, ModerationStatus, StatementId};
use store::{Statement, StatementFilter, StatementPage};

use crate::auth::CurrentConvenor;
use crate::error::ApiError;
use crate::state::AppState;

/// The largest page a client may ask for.
const MAX_PAGE: u32 = 500;

/// The most statements one moderation request may change.
const MAX_BATCH: usize = 1000;

/// Lists one page of a dialogue's statements, with one moderation status or all of them,
/// after the statement `after`.
pub async fn list(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    status: Option<ModerationStatus>,
    after: Option<StatementId>,
    limit: u32,
) -> Result<StatementPage, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::validation(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    let filter = StatementFilter {
        moderation: status,
        after,
        limit: Some(limit),
        ..StatementFilter::default()
    };
    Ok(state.store().list_statements(dialogue.id, &filter).await?)
}

/// Sets one statement's moderation status.
pub async fn moderate_one(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statement: StatementId,
    status: ModerationStatus,
) -> Result<Statement, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let statement = state.store().get_statement(statement).await?;
    if statement.dialogue != dialogue.id {
        return Err(ApiError::statement_not_found());
    }
    let updated = state
        .store()
        .moderate_statement(statement.id, status)
        .await?;
    state.analysis().changed(dialogue.id);
    Ok(updated)
}

/// Sets the moderation status of many statements at once and returns how many changed; if
/// any id is not a statement of this dialogue, nothing changes.
pub async fn moderate_many(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statements: &[StatementId],
    status: ModerationStatus,
) -> Result<u64, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    if statements.is_empty() || statements.len() > MAX_BATCH {
        return Err(ApiError::validation(format!(
            "statement_ids must name between 1 and {MAX_BATCH} statements"
        )));
    }
    let updated = state
        .store()
        .moderate_statements(dialogue.id, statements, status)
        .await?;
    state.analysis().changed(dialogue.id);
    Ok(updated)
}
