//! The JSON routes for creating dialogues and managing their settings, plus the public view
//! participants read before joining.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use model::{DialogueId, ReportVisibility};

use crate::api::{CreateDialogueRequest, CreatedDialogue, DialogueView, UpdateDialogueRequest};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::views::dialogue_view;

use super::service;

fn view(state: &AppState, dialogue: &store::Dialogue) -> Json<DialogueView> {
    Json(dialogue_view(dialogue, state.participant_url(dialogue.id)))
}

/// Creates a dialogue with its constituencies and seed statements.
///
/// `partnership_id` names the partnership that owns it; the convenor must convene it (or be
/// an administrator). Left out, the convenor's only partnership is used; a convenor of several
/// partnerships is refused with `validation_failed` naming `partnership_id`.
#[utoipa::path(
    post, path = "/api/dialogues", tag = "dialogues",
    request_body = CreateDialogueRequest,
    responses(
        (status = 201, body = CreatedDialogue),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of `partnership_id`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`: an administrator named no partnership that exists", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed` (also when `partnership_id` is left out by a convenor of several partnerships, or of none)", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiJson(body): ApiJson<CreateDialogueRequest>,
) -> Result<(StatusCode, Json<CreatedDialogue>), ApiError> {
    let dialogue = service::create(&state, &convenor, &body, ReportVisibility::Public).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedDialogue {
            id: dialogue.id.get(),
            participant_url: state.participant_url(dialogue.id),
        }),
    ))
}

/// Lists the dialogues of the partnerships the convenor convenes.
#[utoipa::path(
    get, path = "/api/dialogues", tag = "dialogues",
    responses(
        (status = 200, body = [DialogueView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
) -> Result<Json<Vec<DialogueView>>, ApiError> {
    let dialogues = service::list(&state, &convenor).await?;
    Ok(Json(
        dialogues
            .iter()
            .map(|dialogue| dialogue_view(dialogue, state.participant_url(dialogue.id)))
            .collect(),
    ))
}

/// Returns a dialogue's public description: what participants see before joining.
#[utoipa::path(
    get, path = "/api/dialogues/{id}", tag = "dialogues",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = DialogueView),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Json<DialogueView>, ApiError> {
    let dialogue = state.store().get_dialogue(id).await?;
    Ok(view(&state, &dialogue))
}

/// Changes a dialogue's settings; fields left out keep their value.
#[utoipa::path(
    patch, path = "/api/dialogues/{id}", tag = "dialogues",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = UpdateDialogueRequest,
    responses(
        (status = 200, body = DialogueView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    ApiJson(body): ApiJson<UpdateDialogueRequest>,
) -> Result<Json<DialogueView>, ApiError> {
    let updated = service::update_settings(&state, &convenor, id, &body).await?;
    Ok(view(&state, &updated))
}

/// Closes a dialogue: no more votes, statements or participants. Closing twice is not an error.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/close", tag = "dialogues",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = DialogueView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn close(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Json<DialogueView>, ApiError> {
    let updated = service::set_open(&state, &convenor, id, false).await?;
    Ok(view(&state, &updated))
}

/// Reopens a closed dialogue.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/reopen", tag = "dialogues",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = DialogueView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn reopen(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Json<DialogueView>, ApiError> {
    let updated = service::set_open(&state, &convenor, id, true).await?;
    Ok(view(&state, &updated))
}
