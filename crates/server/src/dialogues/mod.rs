//! The dialogues room: creating a dialogue with its constituencies and seed statements,
//! changing its settings, opening and closing it, through the JSON API and the convenors'
//! pages (in English and Welsh), both over one [`service`].

pub mod api;
mod pages;
pub(crate) mod qr;
pub mod service;

use axum::Router;
use axum::routing::{get, post, put};

use crate::state::AppState;

pub(crate) use pages::DialogueSummary;

/// The templates of this room's pages.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    (
        "new_dialogue.html",
        include_str!("templates/new_dialogue.html"),
    ),
    ("dialogue.html", include_str!("templates/dialogue.html")),
    ("settings.html", include_str!("templates/settings.html")),
    ("close.html", include_str!("templates/close.html")),
    (
        "schedule_fields.html",
        include_str!("templates/schedule_fields.html"),
    ),
];

/// Returns the room's JSON routes and pages.
pub fn routes() -> Router<AppState> {
    let api = Router::new()
        .route("/api/dialogues", post(api::create).get(api::list))
        .route("/api/dialogues/{id}", get(api::get).patch(api::update))
        .route("/api/dialogues/{id}/close", post(api::close))
        .route("/api/dialogues/{id}/reopen", post(api::reopen))
        .route("/api/dialogues/{id}/copy", post(api::copy))
        .route(
            "/api/dialogues/{id}/constituencies/{constituency_id}",
            put(api::update_constituency).delete(api::remove_constituency),
        )
        .route(
            "/api/dialogues/{id}/seed-statements/{statement_id}",
            put(api::edit_seed_statement).delete(api::remove_seed_statement),
        );
    let pages = Router::new()
        .route(
            "/convenor/partnerships/{pid}/dialogues",
            get(pages::new_dialogue_page).post(pages::create_dialogue),
        )
        .route("/convenor/dialogues/{id}", get(pages::dialogue_page))
        .route(
            "/convenor/dialogues/{id}/settings",
            get(pages::settings_page).post(pages::update_settings),
        )
        .route(
            "/convenor/dialogues/{id}/constituencies",
            post(pages::add_constituency),
        )
        .route(
            "/convenor/dialogues/{id}/statements",
            post(pages::add_statements),
        )
        .route(
            "/convenor/dialogues/{id}/constituencies/{constituency_id}",
            post(pages::update_constituency),
        )
        .route(
            "/convenor/dialogues/{id}/constituencies/{constituency_id}/remove",
            post(pages::remove_constituency),
        )
        .route(
            "/convenor/dialogues/{id}/seed-statements/{statement_id}",
            post(pages::edit_seed_statement),
        )
        .route(
            "/convenor/dialogues/{id}/seed-statements/{statement_id}/remove",
            post(pages::remove_seed_statement),
        )
        .route(
            "/convenor/dialogues/{id}/close",
            get(pages::close_page).post(pages::close),
        )
        .route("/convenor/dialogues/{id}/reopen", post(pages::reopen))
        .route("/convenor/dialogues/{id}/copy", post(pages::copy))
        .route("/convenor/dialogues/{id}/qr.svg", get(qr::participant_link))
        // The convenors' pages are shown in the language chosen or preferred, among the
        // representatives' languages.
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    api.merge(crate::web::pages(pages))
}
