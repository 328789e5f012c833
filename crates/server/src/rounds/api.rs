//! The JSON routes of rounds: a dialogue's rounds, and starting the next one.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use model::DialogueId;
use serde::{Deserialize, Serialize};
use store::Round;
use utoipa::ToSchema;

use super::service;
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::time::rfc3339;

/// One round of a dialogue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RoundView {
    /// Its number, from 1.
    pub number: u32,
    /// Its name.
    pub label: String,
    /// When it started (RFC 3339); round 1 started when the dialogue was created.
    pub started_at: String,
    /// When the next round started (RFC 3339); `null` for the current round.
    pub ended_at: Option<String>,
    /// Whether votes are cast in it now.
    pub is_current: bool,
    /// Participants with a latest vote in it.
    pub voters: u64,
    /// Its latest votes, one per participant and statement.
    pub votes: u64,
}

impl From<&Round> for RoundView {
    fn from(round: &Round) -> RoundView {
        RoundView {
            number: round.number,
            label: round.label.clone(),
            started_at: rfc3339(round.started_at),
            ended_at: round.ended_at.map(rfc3339),
            is_current: round.is_current(),
            voters: round.voters,
            votes: round.votes,
        }
    }
}

/// A dialogue's rounds, first to current.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RoundsView {
    /// Every round so far.
    pub rounds: Vec<RoundView>,
}

/// The next round to start.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartRoundRequest {
    /// The new round's name, 1 to 120 characters once trimmed (e.g. "After the health fair").
    pub label: String,
    /// A new name for the round that ends (e.g. "Before the health fair"); absent or blank
    /// keeps its name.
    #[serde(default)]
    pub ending_label: Option<String>,
}

/// Lists a dialogue's rounds with their voters and votes.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/rounds", tag = "rounds",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = RoundsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Json<RoundsView>, ApiError> {
    let rounds = service::list(&state, &convenor, id).await?;
    Ok(Json(RoundsView {
        rounds: rounds.iter().map(RoundView::from).collect(),
    }))
}

/// Ends the current round and starts the next. The round that ends keeps its votes for the
/// comparison; participants keep their tokens and vote again on every statement.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/rounds", tag = "rounds",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = StartRoundRequest,
    responses(
        (status = 201, body = RoundView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: a name that is blank, too long or holds control characters", body = ErrorBody),
    )
)]
pub async fn start(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    ApiJson(body): ApiJson<StartRoundRequest>,
) -> Result<(StatusCode, Json<RoundView>), ApiError> {
    let round = service::start(
        &state,
        &convenor,
        id,
        &body.label,
        body.ending_label.as_deref(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(RoundView::from(&round))))
}
