//! The facilitation room: paper and facilitated participation. A dialogue's convenors invite
//! facilitators (single-use links, as for partners' representatives); a facilitator prints a
//! sheet of cards, each with its own participant code, the statements with agree, disagree
//! and pass boxes and the constituency boxes, and keys the filled-in cards (or the answers of
//! a person at an event or on the phone) on the entry screen. Each card makes an ordinary
//! participant of the dialogue, counted in the analysis like everyone else; every vote keeps
//! its channel, which the report's voice audit reads.
//!
//! `api.rs` holds the JSON routes, `pages.rs` the pages, `service.rs` each operation once;
//! access is decided in [`crate::auth`] (`CurrentConvenor::facilitate`).

pub mod api;
mod pages;
pub mod service;

use axum::Router;
use axum::routing::{delete, get, post};

use crate::state::AppState;

/// The room's templates.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("entry.html", include_str!("templates/entry.html")),
    ("sheet.html", include_str!("templates/sheet.html")),
    (
        "facilitators.html",
        include_str!("templates/facilitators.html"),
    ),
];

/// Returns the room's JSON routes and pages.
pub fn routes() -> Router<AppState> {
    let api = Router::new()
        .route(
            "/api/dialogues/{id}/facilitator-invitations",
            post(api::invite).get(api::list_invitations),
        )
        .route(
            "/api/dialogues/{id}/facilitator-invitations/{invitation_id}",
            delete(api::revoke_invitation),
        )
        .route("/api/dialogues/{id}/cards", post(api::enter_card))
        .route(
            "/api/dialogues/{id}/cards/{code}/statements",
            post(api::submit_statement),
        );
    let pages = Router::new()
        .route(
            "/convenor/dialogues/{id}/facilitators",
            get(pages::facilitators).post(pages::invite),
        )
        .route(
            "/facilitator/dialogues/{id}/cards",
            get(pages::entry).post(pages::enter),
        )
        .route("/facilitator/dialogues/{id}/sheet", get(pages::sheet))
        .route(
            "/facilitator/dialogues/{id}/statements",
            post(pages::submit_statement),
        )
        // The sheet is printed for the people who fill its cards in, in their language; the
        // entry screen and the convenors' page follow the same choice.
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    api.merge(crate::web::pages(pages))
}
