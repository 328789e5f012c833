//! Convenors' moderation: listing a dialogue's statements page by page and accepting or
//! rejecting one or many.

use axum::Json;
use axum::extract::State;
use model::{DialogueId, ModerationStatus, StatementId};
use store::StatementFilter;

use crate::api::{
    ModerateManyRequest, ModerateOneRequest, ModerationResult, StatementListQuery, StatementPage,
    StatementView,
};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use crate::views::statement_view;

/// The largest page a client may ask for.
const MAX_PAGE: u32 = 500;

/// The most statements one moderation request may change.
const MAX_BATCH: usize = 1000;

/// Lists a dialogue's statements for moderation, filtered by status, one page at a time.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/statements", tag = "moderation",
    params(("id" = i64, Path, description = "Dialogue id"), StatementListQuery),
    responses(
        (status = 200, body = StatementPage),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<StatementListQuery>,
) -> Result<Json<StatementPage>, ApiError> {
    let dialogue = convenor.dialogue(&state, DialogueId(id)).await?;
    let limit = query.limit.unwrap_or(100);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::validation(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    let filter = StatementFilter {
        moderation: query.status.map(ModerationStatus::from),
        after: query.after.map(StatementId),
        limit: Some(limit),
        ..StatementFilter::default()
    };
    let page = state.store().list_statements(dialogue.id, &filter).await?;
    Ok(Json(StatementPage {
        statements: page.statements.iter().map(statement_view).collect(),
        next_after: page.next_after.map(StatementId::get),
    }))
}

/// Sets one statement's moderation status.
#[utoipa::path(
    patch, path = "/api/dialogues/{id}/statements/{statement_id}", tag = "moderation",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("statement_id" = i64, Path, description = "Statement id"),
    ),
    request_body = ModerateOneRequest,
    responses(
        (status = 200, body = StatementView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`", body = ErrorBody),
    )
)]
pub async fn moderate_one(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, statement_id)): ApiPath<(i64, i64)>,
    ApiJson(body): ApiJson<ModerateOneRequest>,
) -> Result<Json<StatementView>, ApiError> {
    let dialogue = convenor.dialogue(&state, DialogueId(id)).await?;
    let statement = state
        .store()
        .get_statement(StatementId(statement_id))
        .await?;
    if statement.dialogue != dialogue.id {
        return Err(ApiError::statement_not_found());
    }
    let updated = state
        .store()
        .moderate_statement(statement.id, body.status.into())
        .await?;
    state.analysis().changed(dialogue.id);
    Ok(Json(statement_view(&updated)))
}

/// Sets the moderation status of many statements at once; if any id is not a statement of
/// this dialogue, nothing changes.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/moderation", tag = "moderation",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = ModerateManyRequest,
    responses(
        (status = 200, body = ModerationResult),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn moderate_many(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ModerateManyRequest>,
) -> Result<Json<ModerationResult>, ApiError> {
    let dialogue = convenor.dialogue(&state, DialogueId(id)).await?;
    if body.statement_ids.is_empty() || body.statement_ids.len() > MAX_BATCH {
        return Err(ApiError::validation(format!(
            "statement_ids must name between 1 and {MAX_BATCH} statements"
        )));
    }
    let ids: Vec<StatementId> = body
        .statement_ids
        .iter()
        .copied()
        .map(StatementId)
        .collect();
    let updated = state
        .store()
        .moderate_statements(dialogue.id, &ids, body.status.into())
        .await?;
    state.analysis().changed(dialogue.id);
    Ok(Json(ModerationResult { updated }))
}
