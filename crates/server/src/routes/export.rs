//! Convenors' exports: the full JSON dump, and the Pol.is open-data CSV files as one ZIP
//! archive or one file at a time.

use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use model::DialogueId;

use crate::api::{ExportFormat, ExportQuery};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::export::{self, PolisCsvFiles, polis_csv};
use crate::extract::{ApiPath, ApiQuery};
use crate::state::AppState;

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
    id: i64,
) -> Result<export::DialogueDump, ApiError> {
    let dialogue = convenor.dialogue(state, DialogueId(id)).await?;
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
    ApiPath(id): ApiPath<i64>,
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
    ApiPath((id, file)): ApiPath<(i64, String)>,
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
