//! The JSON routes for creating dialogues and managing their settings, plus the public view
//! participants read before joining.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use model::{ConstituencyId, DialogueId, ReportVisibility, StatementId};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::api::{
    ConstituencyBody, CreateDialogueRequest, CreatedDialogue, DialogueView, StatementView,
    UpdateDialogueRequest,
};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::views::{dialogue_view, statement_view};

use super::service;

fn view(state: &AppState, dialogue: &store::Dialogue) -> Json<DialogueView> {
    Json(dialogue_view(
        dialogue,
        state.participant_url(dialogue.id),
        state.now_ms(),
    ))
}

/// Creates a dialogue with its constituencies and seed statements.
///
/// `partnership_id` names the partnership that owns it; the convenor must convene it (or be
/// an administrator). Left out, the convenor's only partnership is used; a convenor of several
/// partnerships is refused with `validation_failed` naming `partnership_id`. `opens_at` and
/// `closes_at` schedule it; a time that cannot be read, or a closing time not after the opening
/// time, is refused with `validation_failed` naming the field.
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
            .map(|dialogue| {
                dialogue_view(dialogue, state.participant_url(dialogue.id), state.now_ms())
            })
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

/// Changes a dialogue's settings; fields left out keep their value. `opens_at` and `closes_at`
/// reschedule it (`null` removes a time): moving a passed closing time later opens it again.
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

/// Reopens a closed dialogue. One closed by its closing time loses that time, so it stays open
/// until closed again.
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

/// Changes a constituency: its name, expected share (from 0 to 1) and kind, all given. The
/// dialogue's expected shares must add up to at most 1 (100%).
#[utoipa::path(
    put, path = "/api/dialogues/{id}/constituencies/{constituency_id}", tag = "dialogues",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("constituency_id" = i64, Path, description = "Constituency id"),
    ),
    request_body = ConstituencyBody,
    responses(
        (status = 200, body = DialogueView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `not_found` (no such constituency in the dialogue)", body = ErrorBody),
        (status = 409, description = "`conflict`: another constituency of the dialogue has this name", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed` (a share outside 0% to 100%, or shares adding up to more than 100%)", body = ErrorBody),
    )
)]
pub async fn update_constituency(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, constituency)): ApiPath<(DialogueId, ConstituencyId)>,
    ApiJson(body): ApiJson<ConstituencyBody>,
) -> Result<Json<DialogueView>, ApiError> {
    let updated = service::update_constituency(&state, &convenor, id, constituency, &body).await?;
    Ok(view(&state, &updated))
}

/// Removes a constituency that no participant has chosen.
#[utoipa::path(
    delete, path = "/api/dialogues/{id}/constituencies/{constituency_id}", tag = "dialogues",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("constituency_id" = i64, Path, description = "Constituency id"),
    ),
    responses(
        (status = 200, body = DialogueView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `not_found` (no such constituency in the dialogue)", body = ErrorBody),
        (status = 409, description = "`conflict`: participants have chosen the constituency", body = ErrorBody),
    )
)]
pub async fn remove_constituency(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, constituency)): ApiPath<(DialogueId, ConstituencyId)>,
) -> Result<Json<DialogueView>, ApiError> {
    let updated = service::remove_constituency(&state, &convenor, id, constituency).await?;
    Ok(view(&state, &updated))
}

/// `PUT /api/dialogues/{id}/seed-statements/{statement}`: the new text of a seed statement.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeedStatementRequest {
    /// The statement, at most 280 characters.
    pub text: String,
}

/// Rewrites a seed statement nobody has voted on yet. Once it has votes it can no longer be
/// changed (`conflict`): reject it in moderation instead.
#[utoipa::path(
    put, path = "/api/dialogues/{id}/seed-statements/{statement_id}", tag = "dialogues",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("statement_id" = i64, Path, description = "Statement id"),
    ),
    request_body = SeedStatementRequest,
    responses(
        (status = 200, body = StatementView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found` (also for a participant's statement)", body = ErrorBody),
        (status = 409, description = "`conflict`: the statement has votes; `duplicate_statement`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn edit_seed_statement(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
    ApiJson(body): ApiJson<SeedStatementRequest>,
) -> Result<Json<StatementView>, ApiError> {
    let edited = service::edit_seed_statement(&state, &convenor, id, statement, &body.text).await?;
    Ok(Json(statement_view(&edited)))
}

/// Removes a seed statement nobody has voted on yet. Once it has votes it can no longer be
/// removed (`conflict`): reject it in moderation instead.
#[utoipa::path(
    delete, path = "/api/dialogues/{id}/seed-statements/{statement_id}", tag = "dialogues",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("statement_id" = i64, Path, description = "Statement id"),
    ),
    responses(
        (status = 204, description = "The statement is removed"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found` (also for a participant's statement)", body = ErrorBody),
        (status = 409, description = "`conflict`: the statement has votes", body = ErrorBody),
    )
)]
pub async fn remove_seed_statement(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
) -> Result<StatusCode, ApiError> {
    service::remove_seed_statement(&state, &convenor, id, statement).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Makes a new dialogue in the same partnership from this one: question, description,
/// constituencies, seed statements (those not rejected), settings and weighting; no
/// participants, votes or participants' statements. It is titled "Copy of …".
#[utoipa::path(
    post, path = "/api/dialogues/{id}/copy", tag = "dialogues",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 201, body = CreatedDialogue),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn copy(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<(StatusCode, Json<CreatedDialogue>), ApiError> {
    let dialogue = service::copy(&state, &convenor, id).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedDialogue {
            id: dialogue.id.get(),
            participant_url: state.participant_url(dialogue.id),
        }),
    ))
}
