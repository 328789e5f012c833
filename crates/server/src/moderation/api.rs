//! The JSON routes of moderation: listing a dialogue's statements page by page and accepting
//! or rejecting one or many.

use axum::Json;
use axum::extract::State;
use model::{DialogueId, ModerationStatus, StatementId};

use crate::api::{
    ModerateManyRequest, ModerateOneRequest, ModerationResult, StatementListQuery, StatementPage,
    StatementView,
};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use crate::views::statement_view;

use super::service;

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
    ApiPath(id): ApiPath<DialogueId>,
    ApiQuery(query): ApiQuery<StatementListQuery>,
) -> Result<Json<StatementPage>, ApiError> {
    let page = service::list(
        &state,
        &convenor,
        id,
        query.status.map(ModerationStatus::from),
        query.after.map(StatementId),
        query.limit.unwrap_or(100),
    )
    .await?;
    Ok(Json(StatementPage {
        statements: page.statements.iter().map(statement_view).collect(),
        next_after: page.next_after.map(StatementId::get),
    }))
}

/// Sets one statement's moderation status; a rejection may carry a reason, which the
/// statement's author reads in their own data.
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
        (status = 422, description = "`invalid_body`, `validation_failed`: a reason too long, or given with another status than `rejected`", body = ErrorBody),
    )
)]
pub async fn moderate_one(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
    ApiJson(body): ApiJson<ModerateOneRequest>,
) -> Result<Json<StatementView>, ApiError> {
    let updated = service::moderate_one(
        &state,
        &convenor,
        id,
        statement,
        body.status.into(),
        body.reason.as_deref(),
    )
    .await?;
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
    ApiPath(id): ApiPath<DialogueId>,
    ApiJson(body): ApiJson<ModerateManyRequest>,
) -> Result<Json<ModerationResult>, ApiError> {
    let ids: Vec<StatementId> = body
        .statement_ids
        .iter()
        .copied()
        .map(StatementId)
        .collect();
    let updated = service::moderate_many(&state, &convenor, id, &ids, body.status.into()).await?;
    Ok(Json(ModerationResult { updated }))
}
