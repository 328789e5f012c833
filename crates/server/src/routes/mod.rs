//! The router: every route of the JSON API, its middleware, and the answers for unknown
//! routes and methods.

pub mod health;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::response::{IntoResponse as _, Response};
use axum::routing::get;

use crate::error::{ApiError, ErrorCode};
use crate::openapi;
use crate::request_id;
use crate::state::AppState;

/// Answers a path no route serves: a page for people whose browser asks for HTML, the JSON
/// error for the API and its clients.
async fn route_not_found(request: Request) -> Response {
    let path = request.uri().path();
    if crate::web::page_error::wants_page(request.headers(), path) {
        return crate::web::page_error::not_found_page(request.headers(), path);
    }
    ApiError::new(ErrorCode::RouteNotFound, "no such route").into_response()
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
        .merge(crate::settlements::api_routes())
        .merge(crate::priorities::api_routes())
        .merge(crate::trust::api_routes())
        .merge(crate::system_map::api_routes())
        .merge(crate::dialogues::routes())
        .merge(crate::participation::routes())
        .merge(crate::moderation::routes())
        .merge(crate::report::routes())
        .merge(crate::event::routes())
        .merge(crate::facilitation::routes())
        .merge(crate::safeguarding::routes())
        .merge(crate::versions::routes())
        .merge(crate::rounds::routes())
        .merge(crate::settlements::accountability::routes())
        .merge(crate::web::router())
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn(request_id::assign))
        .with_state(state)
}
