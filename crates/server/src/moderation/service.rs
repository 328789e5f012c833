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
    let dialogue = convenor.moderate(state, id).await?;
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::invalid(
            "moderating-refused-limit",
            &[("max", MAX_PAGE.into())],
        ));
    }
    let filter = StatementFilter {
        moderation: status,
        after,
        limit: Some(limit),
        ..StatementFilter::default()
    };
    Ok(state.store().list_statements(dialogue.id, &filter).await?)
}

/// The longest reason a convenor may give for a rejection, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// Checks a rejection's reason: blank means none; at most [`MAX_REASON_CHARS`] characters, on
/// one line or several, without other control characters; only a rejection has one.
pub fn rejection_reason(
    status: ModerationStatus,
    reason: Option<&str>,
) -> Result<Option<String>, ApiError> {
    let Some(reason) = reason.map(str::trim).filter(|reason| !reason.is_empty()) else {
        return Ok(None);
    };
    if status != ModerationStatus::Rejected {
        return Err(ApiError::invalid(
            "moderating-refused-reason-when-accepting",
            &[],
        ));
    }
    let length = reason.chars().count();
    if length > MAX_REASON_CHARS {
        return Err(ApiError::invalid(
            "moderating-refused-reason-too-long",
            &[("max", MAX_REASON_CHARS.into()), ("length", length.into())],
        ));
    }
    if reason
        .chars()
        .any(|character| character.is_control() && !matches!(character, '\n' | '\r' | '\t'))
    {
        return Err(ApiError::invalid("moderating-refused-reason-control", &[]));
    }
    Ok(Some(reason.to_owned()))
}

/// Sets one statement's moderation status, with the reason for a rejection when one is given.
pub async fn moderate_one(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statement: StatementId,
    status: ModerationStatus,
    reason: Option<&str>,
) -> Result<Statement, ApiError> {
    let reason = rejection_reason(status, reason)?;
    let dialogue = convenor.moderate(state, id).await?;
    let statement = state.store().get_statement(statement).await?;
    if statement.dialogue != dialogue.id {
        return Err(ApiError::statement_not_found());
    }
    let updated = state
        .store()
        .moderate_statement_with_reason(statement.id, status, reason.clone())
        .await?;
    state.analysis().changed(dialogue.id);
    crate::safeguarding::service::log_moderation(state, convenor, &[statement.id], status, reason)
        .await?;
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
    let dialogue = convenor.moderate(state, id).await?;
    if statements.is_empty() || statements.len() > MAX_BATCH {
        return Err(ApiError::invalid(
            "moderating-refused-batch",
            &[("max", MAX_BATCH.into())],
        ));
    }
    let updated = state
        .store()
        .moderate_statements(dialogue.id, statements, status)
        .await?;
    state.analysis().changed(dialogue.id);
    crate::safeguarding::service::log_moderation(state, convenor, statements, status, None).await?;
    Ok(updated)
}
