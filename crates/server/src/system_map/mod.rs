//! The system-map room: a partnership's shared map of the factors of its local system and the
//! signed influences between them, analysed by the engine (`engine::system_map`) for feedback
//! loops, the ripple of an action and leverage.
//!
//! `source.rs` holds a map as files and imports give it (factors and links named by the
//! caller's ids), `document.rs` the analysis document that `commonground map` writes, and
//! `graphml.rs`, `kumu.rs` and `csv.rs` the exchange with Gephi, yEd, Kumu and the command's
//! CSV files. `service.rs` holds each operation on stored maps once (access decided in
//! [`crate::auth`]), with the equal-weight tallies that mark a link contested, and `api.rs`
//! the JSON routes. `layout.rs` places a map's factors (stress majorization, deterministic) and
//! `svg.rs` draws it, with its text and table form; `pages.rs` holds the partnership's maps page
//! and each map's page, `participant_pages.rs` the page on which the linked dialogue's
//! participants judge its links.

pub mod api;
pub mod csv;
pub mod document;
pub mod graphml;
pub mod kumu;
pub mod layout;
pub mod pages;
pub mod participant_pages;
pub mod service;
pub mod source;
pub mod svg;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};

use crate::state::AppState;

/// The largest map file an import reads; a larger one is refused before it is parsed.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The room's JSON routes.
pub fn api_routes() -> Router<AppState> {
    // An import carries a whole map file, so it has a larger body limit of its own.
    let import = Router::new()
        .route("/api/partnerships/{id}/maps/import", post(api::import_map))
        .layer(DefaultBodyLimit::max(api::MAX_IMPORT_BODY_BYTES));
    Router::new()
        .route(
            "/api/partnerships/{id}/maps",
            get(api::list_maps).post(api::create_map),
        )
        .route("/api/maps/{id}", get(api::get_map).patch(api::update_map))
        .route("/api/maps/{id}/close", post(api::close_map))
        .route("/api/maps/{id}/for-participants", get(api::participant_map))
        .route("/api/maps/{id}/factors", post(api::propose_factor))
        .route("/api/maps/{id}/links", post(api::propose_link))
        .route("/api/maps/{id}/links/{link}/judgment", put(api::judge_link))
        .route(
            "/api/maps/{id}/links/{link}/participant-judgment",
            put(api::participant_judge_link),
        )
        .route("/api/maps/{id}/analysis", get(api::analysis))
        .route("/api/maps/{id}/ripple", get(api::ripple))
        .route("/api/maps/{id}/export", get(api::export))
        .route("/api/maps/{id}/pins", post(api::pin_action))
        .route("/api/actions/{id}/ripple", get(api::action_ripple))
        .merge(import)
}

/// The room's pages. Those of convenors and partners' representatives are shown in the
/// language chosen or preferred, among the representatives' languages; the participants'
/// judging page is the participation side's.
pub fn page_routes() -> Router<AppState> {
    // The judging page is a participant's: shown in the language its visitor chose or their
    // browser prefers.
    let judging = Router::new()
        .route(
            "/d/{id}/maps/{map}",
            get(participant_pages::judge_page).post(participant_pages::judge),
        )
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    let shared = Router::new()
        .route(
            "/convenor/partnerships/{pid}/maps",
            get(pages::maps_page).post(pages::create_map),
        )
        .route("/convenor/maps/{id}", get(pages::map_page))
        .route("/convenor/maps/{id}/factors", post(pages::propose_factor))
        .route("/convenor/maps/{id}/links", post(pages::propose_link))
        .route("/convenor/maps/{id}/judgments", post(pages::judge_link))
        .route("/convenor/maps/{id}/pins", post(pages::pin_action))
        .route("/convenor/maps/{id}/settings", post(pages::change_settings))
        .route("/convenor/maps/{id}/close", post(pages::close_map))
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    judging.merge(shared)
}
