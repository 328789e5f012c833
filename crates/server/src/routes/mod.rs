//! The router: every route of the JSON API, its middleware, and the answers for unknown
//! routes and methods.

pub mod dialogues;
pub mod health;
pub mod moderation;
pub mod participation;
pub mod privacy;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, patch, post};

use crate::error::{ApiError, ErrorCode};
use crate::openapi;
use crate::request_id;
use crate::state::AppState;

async fn route_not_found() -> ApiError {
    ApiError::new(ErrorCode::RouteNotFound, "no such route")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "this route does not accept that method",
    )
}

/// Returns the application's router over the shared state.
pub fn router(state: AppState) -> Router {
    let body_limit = state.config().body_limit;
    Router::new()
        .route("/healthz", get(health::health))
        .route("/api/openapi.json", get(openapi::serve))
        .route(
            "/api/dialogues",
            post(dialogues::create).get(dialogues::list),
        )
        .route(
            "/api/dialogues/{id}",
            get(dialogues::get).patch(dialogues::update),
        )
        .route("/api/dialogues/{id}/close", post(dialogues::close))
        .route("/api/dialogues/{id}/reopen", post(dialogues::reopen))
        .route(
            "/api/dialogues/{id}/participants",
            post(participation::join),
        )
        .route("/api/dialogues/{id}/next", get(participation::next))
        .route("/api/dialogues/{id}/votes", post(participation::vote))
        .route(
            "/api/dialogues/{id}/me",
            get(privacy::download).delete(privacy::erase),
        )
        .route(
            "/api/dialogues/{id}/statements",
            post(participation::submit_statement).get(moderation::list),
        )
        .route(
            "/api/dialogues/{id}/statements/{statement_id}",
            patch(moderation::moderate_one),
        )
        .route(
            "/api/dialogues/{id}/moderation",
            post(moderation::moderate_many),
        )
        .merge(crate::accounts::api_routes())
        .merge(crate::partnerships::api_routes())
        .merge(crate::report::routes())
        .merge(crate::web::router())
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn(request_id::assign))
        .with_state(state)
}
