//! The latest analysis of a dialogue, and a convenor's request to recompute it.

use axum::Json;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use model::{DialogueId, ReportVisibility};

use crate::api::RecomputeScheduled;
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::time::rfc3339;

/// Returns the stored analysis JSON with `computed_at` and `n_votes` added at the top.
fn with_snapshot_fields(result_json: &str, computed_at: i64, n_votes: u64) -> Option<String> {
    let body = result_json.trim_start().strip_prefix('{')?;
    let separator = if body.trim_start().starts_with('}') {
        ""
    } else {
        ","
    };
    Some(format!(
        "{{\"computed_at\":\"{}\",\"n_votes\":{n_votes}{separator}{body}",
        rfc3339(computed_at)
    ))
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
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    if dialogue.settings.report_visibility == ReportVisibility::Convenors {
        let convenor = CurrentConvenor::from_headers(&headers, &state).await?;
        convenor.dialogue(&state, dialogue.id).await?;
    }
    let snapshot = state
        .store()
        .load_snapshot(dialogue.id)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::AnalysisNotReady,
                "no analysis has been computed for this dialogue yet; it appears shortly after the first votes",
            )
        })?;
    let body = with_snapshot_fields(
        &snapshot.result_json,
        snapshot.computed_at,
        snapshot.n_votes,
    )
    .ok_or_else(|| {
        ApiError::internal(anyhow::anyhow!(
            "stored analysis of dialogue {id} is not a JSON object"
        ))
    })?;
    Ok(([(CONTENT_TYPE, "application/json")], body).into_response())
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
    ApiPath(id): ApiPath<i64>,
) -> Result<(StatusCode, Json<RecomputeScheduled>), ApiError> {
    let dialogue = convenor.dialogue(&state, DialogueId(id)).await?;
    state.analysis().changed(dialogue.id);
    Ok((
        StatusCode::ACCEPTED,
        Json(RecomputeScheduled { scheduled: true }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_fields_are_added_to_objects_only() {
        assert_eq!(
            with_snapshot_fields("{\"a\":1}", 0, 5).as_deref(),
            Some("{\"computed_at\":\"1970-01-01T00:00:00.000Z\",\"n_votes\":5,\"a\":1}")
        );
        assert_eq!(
            with_snapshot_fields("{}", 0, 0).as_deref(),
            Some("{\"computed_at\":\"1970-01-01T00:00:00.000Z\",\"n_votes\":0}")
        );
        assert_eq!(with_snapshot_fields("[1]", 0, 0), None);
    }
}
