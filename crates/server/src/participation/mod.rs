//! The participation room: joining a dialogue, voting, writing statements, the next
//! statement to vote on, and a participant's own data with its download and erasure, through
//! the JSON API and the participant's pages, both over one [`service`].

pub mod api;
mod pages;
pub mod service;

use axum::Router;
use axum::routing::{get, post, put};

use crate::state::AppState;

/// The templates of this room's pages.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("join.html", include_str!("templates/join.html")),
    ("vote.html", include_str!("templates/vote.html")),
    ("write.html", include_str!("templates/write.html")),
    ("closed.html", include_str!("templates/closed.html")),
    ("my_data.html", include_str!("templates/my_data.html")),
    ("erase.html", include_str!("templates/erase.html")),
    ("erased.html", include_str!("templates/erased.html")),
    (
        "constituencies.html",
        include_str!("templates/constituencies.html"),
    ),
];

/// Returns the room's JSON routes and pages.
pub fn routes() -> Router<AppState> {
    let api = Router::new()
        .route("/api/dialogues/{id}/participants", post(api::join))
        .route("/api/dialogues/{id}/next", get(api::next))
        .route("/api/dialogues/{id}/votes", post(api::vote))
        .route(
            "/api/dialogues/{id}/statements",
            post(api::submit_statement),
        )
        .route(
            "/api/dialogues/{id}/me",
            get(api::download).delete(api::erase),
        )
        .route(
            "/api/dialogues/{id}/me/constituencies",
            put(api::change_constituencies),
        );
    let pages = Router::new()
        .route("/d/{id}", get(pages::dialogue_page))
        .route("/d/{id}/join", post(pages::join))
        .route("/d/{id}/vote", post(pages::vote))
        .route("/d/{id}/write", get(pages::write_page).post(pages::write))
        .route("/d/{id}/me", get(pages::my_data_page))
        .route(
            "/d/{id}/me/erase",
            get(pages::erase_page).post(pages::erase),
        )
        .route(
            "/d/{id}/me/constituencies",
            get(pages::constituencies_page).post(pages::change_constituencies),
        );
    // The participant's pages are translated: each is shown in the language its visitor
    // chose or their browser prefers.
    // Easy read is a choice remembered the same way.
    let pages = pages
        .layer(axum::middleware::from_fn(
            crate::versions::easy_read::remember_choice,
        ))
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    api.merge(crate::web::pages(pages))
}
