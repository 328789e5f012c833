//! The priorities room: priority lists whose options participants compare two at a time,
//! ranked by the engine's Bradley–Terry model (`engine::priorities`) with every constituency
//! counting once.
//!
//! `api.rs` holds the JSON routes, `service.rs` each operation once (access decided in
//! [`crate::auth`]), `document.rs` the results document that `commonground priorities`
//! writes and `GET /api/priority-lists/{id}/results` serves, `pages.rs` the participant's
//! pages and the public results page under `/p/{id}`, and `convenor_pages.rs` the convenors'
//! pages.

pub mod api;
mod convenor_pages;
pub mod document;
pub(crate) mod pages;
pub mod service;
pub mod snapshot;

use axum::Router;
use axum::routing::{get, post, put};

use crate::state::AppState;

/// The templates of the convenors' pages.
pub(crate) const CONVENOR_TEMPLATES: &[(&str, &str)] = &[
    (
        "priorities/convenor_lists.html",
        include_str!("templates/convenor_lists.html"),
    ),
    (
        "priorities/convenor_list.html",
        include_str!("templates/convenor_list.html"),
    ),
    (
        "priorities/convenor_import.html",
        include_str!("templates/convenor_import.html"),
    ),
    (
        "priorities/convenor_close.html",
        include_str!("templates/convenor_close.html"),
    ),
];

/// The convenors' pages: a partnership's priority lists and each list's page. A partner's
/// representative may convene a list, so they are shown in the language chosen or preferred,
/// among the representatives' languages.
pub fn convenor_page_routes() -> Router<AppState> {
    let pages = Router::new()
        .route(
            "/convenor/partnerships/{pid}/priority-lists",
            get(convenor_pages::lists_page).post(convenor_pages::create_list),
        )
        .route(
            "/convenor/priority-lists/{id}",
            get(convenor_pages::list_page),
        )
        .route(
            "/convenor/priority-lists/{id}/settings",
            post(convenor_pages::update_settings),
        )
        .route(
            "/convenor/priority-lists/{id}/options",
            post(convenor_pages::add_option),
        )
        .route(
            "/convenor/priority-lists/{id}/options/{option_id}/moderation",
            post(convenor_pages::moderate),
        )
        .route(
            "/convenor/priority-lists/{id}/common-ground",
            get(convenor_pages::import_page).post(convenor_pages::import),
        )
        .route(
            "/convenor/priority-lists/{id}/close",
            get(convenor_pages::close_page).post(convenor_pages::close),
        )
        .route(
            "/convenor/priority-lists/{id}/reopen",
            post(convenor_pages::reopen),
        )
        .route(
            "/convenor/priority-lists/{id}/qr.svg",
            get(convenor_pages::qr),
        )
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    crate::web::pages(pages)
}

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

/// The participant's pages and the public results page. The participant's pages are
/// translated: each is shown in the language its visitor chose or their browser prefers.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/p/{id}", get(pages::join_page))
        .route("/p/{id}/join", post(pages::join))
        .route(
            "/p/{id}/compare",
            get(pages::compare_page).post(pages::compare),
        )
        .route("/p/{id}/options", post(pages::add_option))
        .route("/p/{id}/me", get(pages::my_data_page))
        .route(
            "/p/{id}/me/erase",
            get(pages::erase_page).post(pages::erase),
        )
        .route("/p/{id}/results", get(pages::results_page))
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ))
}
