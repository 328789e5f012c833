//! The room's JSON routes: the latest analysis of a dialogue, a convenor's request to
//! recompute it, and the convenors' exports (the full JSON dump, and the Pol.is open-data CSV
//! files as one ZIP archive or one file at a time).

use axum::Json;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use model::DialogueId;
use serde::Serialize;

use super::document::Document;
use super::service;
use crate::api::{ExportFormat, ExportQuery, RecomputeScheduled};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::export::{self, PolisCsvFiles, polis_csv};
use crate::extract::{ApiPath, ApiQuery};
use crate::state::AppState;
use crate::time::rfc3339;

/// The analysis document as served, with when it was computed and from how many votes.
#[derive(Serialize)]
struct Served<'a> {
    computed_at: String,
    n_votes: u64,
    #[serde(flatten)]
    document: &'a Document,
}

/// Returns the latest analysis of a dialogue.
///
/// The analysis is recomputed in the background a moment after votes arrive; a request never
/// waits for it. Until the first analysis exists the answer is 404 with the code
/// `analysis_not_ready` (retry later), distinct from `dialogue_not_found`.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/analysis", tag = "analysis",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, description = "The analysis (schema of `commonground analyze --format json`) with `computed_at` (RFC 3339) and `n_votes`", body = Object),
        (status = 401, description = "`unauthenticated`: the report is for convenors only", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `analysis_not_ready`", body = ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, ApiError> {
    let dialogue = state.store().get_dialogue(id).await?;
    service::may_read(&state, &dialogue, &headers).await?;
    let latest = service::latest(&state, dialogue.id)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::AnalysisNotReady,
                "no analysis has been computed for this dialogue yet; it appears shortly after the first votes",
            )
        })?;
    Ok(Json(Served {
        computed_at: rfc3339(latest.computed_at),
        n_votes: latest.n_votes,
        document: &latest.document,
    })
    .into_response())
}

/// Asks for the dialogue's analysis to be recomputed in the background.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/analysis", tag = "analysis",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 202, body = RecomputeScheduled),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn recompute(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<(StatusCode, Json<RecomputeScheduled>), ApiError> {
    let dialogue = convenor.dialogue(&state, id).await?;
    state.analysis().changed(dialogue.id);
    Ok((
        StatusCode::ACCEPTED,
        Json(RecomputeScheduled { scheduled: true }),
    ))
}
fn attachment(content_type: &'static str, file_name: &str, body: Vec<u8>) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

async fn dump(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
) -> Result<export::DialogueDump, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    Ok(export::load(state.store(), dialogue.id).await?)
}

/// Exports a dialogue: `format=json` (default) for the full dump, `format=polis-zip` for the
/// Pol.is open-data CSV files in a ZIP archive.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/export", tag = "export",
    params(("id" = i64, Path, description = "Dialogue id"), ExportQuery),
    responses(
        (status = 200, description = "application/json or application/zip", content_type = "application/octet-stream"),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn export(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, ApiError> {
    let dump = dump(&state, &convenor, id).await?;
    match query.format.unwrap_or(ExportFormat::Json) {
        ExportFormat::Json => Ok(attachment(
            "application/json",
            &format!("dialogue-{id}.json"),
            dump.json().to_string().into_bytes(),
        )),
        ExportFormat::PolisZip => {
            let files = polis_csv(&dump.export_data(Some(state.participant_url(dump.dialogue.id))));
            let entries: Vec<(&str, &[u8])> = files
                .files()
                .iter()
                .map(|(name, contents)| (*name, contents.as_bytes()))
                .collect();
            let archive = crate::zip::store(&entries).map_err(ApiError::internal)?;
            Ok(attachment(
                "application/zip",
                &format!("dialogue-{id}-polis.zip"),
                archive,
            ))
        }
    }
}

/// Exports one Pol.is open-data CSV file: `votes.csv`, `comments.csv`,
/// `participants-votes.csv` or `summary.csv`.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/export/{file}", tag = "export",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("file" = String, Path, description = "votes.csv, comments.csv, participants-votes.csv or summary.csv"),
    ),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `not_found`", body = ErrorBody),
    )
)]
pub async fn export_file(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, file)): ApiPath<(DialogueId, String)>,
) -> Result<Response, ApiError> {
    if !PolisCsvFiles::NAMES.contains(&file.as_str()) {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!(
                "no export file {file:?}; choose one of {}",
                PolisCsvFiles::NAMES.join(", ")
            ),
        ));
    }
    let dump = dump(&state, &convenor, id).await?;
    let files = polis_csv(&dump.export_data(Some(state.participant_url(dump.dialogue.id))));
    let contents = files.file(&file).unwrap_or_default().as_bytes().to_vec();
    Ok(attachment("text/csv; charset=utf-8", &file, contents))
}

/// A convenor's label for one opinion group.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupLabelBody {
    /// The label, at most 80 characters ("for more evening clinics"); `null` or an empty
    /// string goes back to the label derived from the group's votes.
    pub label: Option<String>,
}

/// A group's label as stored.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct GroupLabel {
    /// The clustering's group id.
    pub group: i64,
    /// The convenor's label, or `null` when the derived one is shown.
    pub label: Option<String>,
}

/// Names one opinion group of the latest analysis, by the clustering's group id (the `id` of
/// an entry of the analysis's `groups`). The label survives re-analysis while the clustering
/// keeps that id.
#[utoipa::path(
    put, path = "/api/dialogues/{id}/groups/{group}/label", tag = "analysis",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("group" = i64, Path, description = "The group's id in the latest analysis"),
    ),
    request_body = GroupLabelBody,
    responses(
        (status = 200, body = GroupLabel),
        (status = 400, description = "`malformed_json`, `invalid_body`, `invalid_path`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `not_found` (no such group in the latest analysis)", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the label is too long or not one line", body = ErrorBody),
    )
)]
pub async fn set_group_label(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, group)): ApiPath<(DialogueId, i64)>,
    crate::extract::ApiJson(body): crate::extract::ApiJson<GroupLabelBody>,
) -> Result<Json<GroupLabel>, ApiError> {
    let dialogue = convenor.dialogue(&state, id).await?;
    let label =
        super::labels::check(body.label.as_deref().unwrap_or("")).map_err(ApiError::validation)?;
    let latest = service::latest(&state, dialogue.id).await?;
    let exists = latest.as_ref().is_some_and(|latest| {
        latest
            .document
            .groups
            .iter()
            .any(|entry| i64::try_from(entry.id).ok() == Some(group))
    });
    if !exists {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!("the latest analysis of this dialogue has no opinion group {group}"),
        ));
    }
    state
        .store()
        .set_group_label(dialogue.id, group, label.as_deref())
        .await?;
    Ok(Json(GroupLabel { group, label }))
}
