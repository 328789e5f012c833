//! The priorities room: priority lists whose options participants compare two at a time,
//! ranked by the engine's Bradley–Terry model (`engine::priorities`) with every constituency
//! counting once.
//!
//! `api.rs` holds the JSON routes, `service.rs` each operation once (access decided in
//! [`crate::auth`]), and `document.rs` the results document that `commonground priorities`
//! writes and `GET /api/priority-lists/{id}/results` serves.

pub mod api;
pub mod document;
pub mod service;
pub mod snapshot;

use axum::Router;
use axum::routing::{get, post, put};

use crate::state::AppState;

/// The room's JSON routes.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/partnerships/{id}/priority-lists",
            get(api::list).post(api::create),
        )
        .route("/api/priority-lists/{id}", get(api::get).patch(api::update))
        .route("/api/priority-lists/{id}/close", post(api::close))
        .route("/api/priority-lists/{id}/reopen", post(api::reopen))
        .route(
            "/api/priority-lists/{id}/options",
            get(api::options).post(api::add_option),
        )
        .route(
            "/api/priority-lists/{id}/options/from-common-ground",
            post(api::draft_from_common_ground),
        )
        .route(
            "/api/priority-lists/{id}/options/{option_id}/moderation",
            put(api::moderate),
        )
        .route("/api/priority-lists/{id}/participants", post(api::join))
        .route("/api/priority-lists/{id}/next", get(api::next))
        .route("/api/priority-lists/{id}/comparisons", post(api::compare))
        .route(
            "/api/priority-lists/{id}/me/options",
            post(api::add_my_option),
        )
        .route(
            "/api/priority-lists/{id}/me",
            get(api::download).delete(api::erase),
        )
        .route("/api/priority-lists/{id}/results", get(api::results))
        .route("/api/priority-lists/{id}/export", get(api::export))
}
