//! The trust room: survey waves in which each partner rates its relationship with every other
//! partner, scored by the engine (`engine::trust`) into trust and value per partner, the
//! network's density, centralisation and reciprocity, the asymmetry of trust between community
//! and statutory partners and between lay-led and professional ones, and the change from wave
//! to wave.
//!
//! `api.rs` holds the JSON routes, `service.rs` each operation once (access decided in
//! [`crate::auth`]), `sides.rs` places each sector on the two divides, `document.rs` is the
//! results document that `commonground network` writes and the results routes serve, and
//! `graphml.rs` draws a wave as GraphML.

pub mod api;
pub mod document;
pub mod graphml;
pub mod service;
pub mod sides;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// The room's JSON routes.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/partnerships/{id}/trust-waves",
            get(api::list_waves).post(api::open_wave),
        )
        .route(
            "/api/partnerships/{id}/trust",
            get(api::partnership_results),
        )
        .route("/api/partnerships/{id}/trust/export", get(api::export))
        .route(
            "/api/trust-waves/{id}",
            get(api::get_wave).patch(api::update_wave),
        )
        .route("/api/trust-waves/{id}/close", post(api::close_wave))
        .route(
            "/api/trust-waves/{id}/my-response",
            get(api::my_response).put(api::save_response),
        )
        .route(
            "/api/trust-waves/{id}/my-response/submit",
            post(api::submit_response),
        )
        .route("/api/trust-waves/{id}/results", get(api::wave_results))
}
