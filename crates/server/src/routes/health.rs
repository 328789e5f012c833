//! The liveness check load balancers and supervisors call.

use axum::Json;
use axum::extract::State;

use crate::api::Health;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// Answers 200 when the server runs and its database answers.
#[utoipa::path(
    get, path = "/healthz", tag = "health",
    responses(
        (status = 200, body = Health),
        (status = 503, description = "`unavailable`: the database does not answer", body = ErrorBody),
    )
)]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state.store().check_health().await?;
    Ok(Json(Health {
        status: "ok".to_owned(),
    }))
}
