//! Creating dialogues and managing their settings: convenor routes, plus the public view
//! participants read before joining.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use model::{
    Description, DialogueId, DialogueQuestion, DialogueTitle, ModerationPolicy, PartnershipId,
    ReportVisibility, StatementText,
};
use store::{DialogueSettings, NewDialogue};

use crate::api::{CreateDialogueRequest, CreatedDialogue, DialogueView, UpdateDialogueRequest};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::views::{dialogue_view, new_constituency, validated};

/// The most seed statements or constituencies one request may create.
const MAX_ITEMS: usize = 500;

async fn partnership_for(
    state: &AppState,
    convenor: &CurrentConvenor,
    requested: Option<i64>,
) -> Result<PartnershipId, ApiError> {
    let partnerships = state
        .store()
        .list_convenor_partnerships(convenor.convenor.id)
        .await?;
    match requested {
        Some(id) => {
            let id = PartnershipId(id);
            if partnerships.iter().any(|partnership| partnership.id == id) {
                Ok(id)
            } else if convenor.convenor.is_admin {
                Ok(state.store().get_partnership(id).await?.id)
            } else {
                Err(ApiError::forbidden(
                    "you are not a convenor of that partnership",
                ))
            }
        }
        None => match partnerships.as_slice() {
            [only] => Ok(only.id),
            [] => Err(ApiError::validation(
                "you convene no partnership yet; ask an administrator to add you to one",
            )),
            _ => Err(ApiError::validation(
                "you convene several partnerships: say which with partnership_id",
            )),
        },
    }
}

/// Creates a dialogue with its constituencies and seed statements.
#[utoipa::path(
    post, path = "/api/dialogues", tag = "dialogues",
    request_body = CreateDialogueRequest,
    responses(
        (status = 201, body = CreatedDialogue),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiJson(body): ApiJson<CreateDialogueRequest>,
) -> Result<(StatusCode, Json<CreatedDialogue>), ApiError> {
    let settings = DialogueSettings {
        title: validated(DialogueTitle::parse(&body.title))?,
        question: validated(DialogueQuestion::parse(&body.question))?,
        description: validated(Description::parse(
            body.description.as_deref().unwrap_or_default(),
        ))?,
        allow_participant_statements: body.participant_statements.unwrap_or(true),
        moderation: body
            .moderation
            .map_or(ModerationPolicy::Post, ModerationPolicy::from),
        report_visibility: ReportVisibility::Public,
    };
    let constituencies = body.constituencies.unwrap_or_default();
    let statements = body.statements.unwrap_or_default();
    if constituencies.len() > MAX_ITEMS || statements.len() > MAX_ITEMS {
        return Err(ApiError::validation(format!(
            "a dialogue is created with at most {MAX_ITEMS} constituencies and {MAX_ITEMS} statements"
        )));
    }
    let constituencies = constituencies
        .iter()
        .map(new_constituency)
        .collect::<Result<Vec<_>, _>>()?;
    let seed_statements = statements
        .iter()
        .map(|text| validated(StatementText::parse(text)))
        .collect::<Result<Vec<_>, _>>()?;
    let partnership = partnership_for(&state, &convenor, body.partnership_id).await?;
    let dialogue = state
        .store()
        .create_dialogue(NewDialogue {
            partnership,
            settings,
            constituencies,
            seed_statements,
            created_by: Some(convenor.convenor.id),
            created_at: state.now_ms(),
        })
        .await?;
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
    let partnerships = if convenor.convenor.is_admin {
        state.store().list_partnerships().await?
    } else {
        state
            .store()
            .list_convenor_partnerships(convenor.convenor.id)
            .await?
    };
    let mut views = Vec::new();
    for partnership in partnerships {
        for dialogue in state.store().list_dialogues(partnership.id).await? {
            views.push(dialogue_view(&dialogue, state.participant_url(dialogue.id)));
        }
    }
    Ok(Json(views))
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
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<DialogueView>, ApiError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    Ok(Json(dialogue_view(
        &dialogue,
        state.participant_url(dialogue.id),
    )))
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
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UpdateDialogueRequest>,
) -> Result<Json<DialogueView>, ApiError> {
    let dialogue = convenor.dialogue(&state, DialogueId(id)).await?;
    let mut settings = dialogue.settings.clone();
    if let Some(title) = &body.title {
        settings.title = validated(DialogueTitle::parse(title))?;
    }
    if let Some(question) = &body.question {
        settings.question = validated(DialogueQuestion::parse(question))?;
    }
    if let Some(description) = &body.description {
        settings.description = validated(Description::parse(description))?;
    }
    if let Some(allowed) = body.participant_statements {
        settings.allow_participant_statements = allowed;
    }
    if let Some(moderation) = body.moderation {
        settings.moderation = moderation.into();
    }
    if let Some(visibility) = body.report_visibility {
        settings.report_visibility = visibility.into();
    }
    let updated = state
        .store()
        .update_dialogue_settings(dialogue.id, settings)
        .await?;
    state.analysis().changed(updated.id);
    Ok(Json(dialogue_view(
        &updated,
        state.participant_url(updated.id),
    )))
}

async fn set_open(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: i64,
    is_open: bool,
) -> Result<Json<DialogueView>, ApiError> {
    let dialogue = convenor.dialogue(state, DialogueId(id)).await?;
    let updated = state
        .store()
        .set_dialogue_open(dialogue.id, is_open)
        .await?;
    Ok(Json(dialogue_view(
        &updated,
        state.participant_url(updated.id),
    )))
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
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<DialogueView>, ApiError> {
    set_open(&state, &convenor, id, false).await
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
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<DialogueView>, ApiError> {
    set_open(&state, &convenor, id, true).await
}
