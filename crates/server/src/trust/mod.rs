//! The trust room: survey waves in which each partner rates its relationship with every other
//! partner, scored by the engine (`engine::trust`) into trust and value per partner, the
//! network's density, centralisation and reciprocity, the asymmetry of trust between community
//! and statutory partners and between lay-led and professional ones, and the change from wave
//! to wave.
//!
//! `api.rs` holds the JSON routes, `service.rs` each operation once (access decided in
//! [`crate::auth`]), `sides.rs` places each sector on the two divides, `document.rs` is the
//! results document that `commonground network` writes and the results routes serve, and
//! `graphml.rs` draws a wave as GraphML. The pages: `pages.rs` is the survey form a partner's
//! representative answers, `convenor_pages.rs` the partnership's waves and a wave's results and
//! settings, `results.rs` what the results pages show and `svg.rs` their drawings.

pub mod api;
pub mod convenor_pages;
pub mod document;
pub mod graphml;
pub mod pages;
mod results;
pub mod service;
pub mod sides;
pub mod svg;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub(crate) use pages::TEMPLATES;

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

/// The room's pages. Partners' representatives answer the survey and read its results here, so
/// every page is shown in the language they chose or their browser prefers, among the
/// representatives' languages.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/convenor/partnerships/{pid}/trust",
            get(convenor_pages::waves_page).post(convenor_pages::open_wave),
        )
        .route("/convenor/trust-waves/{id}", get(convenor_pages::wave_page))
        .route(
            "/convenor/trust-waves/{id}/settings",
            post(convenor_pages::change_wave),
        )
        .route(
            "/convenor/trust-waves/{id}/close",
            post(convenor_pages::close_wave),
        )
        .route(
            "/convenor/trust-waves/{id}/answer",
            get(pages::answer_page).post(pages::answer),
        )
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ))
}
