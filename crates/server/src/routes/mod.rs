//! The router: every route of the JSON API, its middleware, and the answers for unknown
//! routes and methods.

pub mod health;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;

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
        .merge(crate::accounts::api_routes())
        .merge(crate::partnerships::api_routes())
        .merge(crate::dialogues::routes())
        .merge(crate::participation::routes())
        .merge(crate::moderation::routes())
        .merge(crate::report::routes())
        .merge(crate::event::routes())
        .merge(crate::web::router())
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn(request_id::assign))
        .with_state(state)
}
