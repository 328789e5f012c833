//! The live event room: a presenter view for a projector (the question, the QR code and link,
//! participation by constituency filling up, the newest common ground), a facilitator view of
//! the same with the controls a convenor reaches for during an event (pause new statements,
//! close the dialogue after a confirmation), and a printable QR poster.
//!
//! Every page is for the dialogue's convenors (and administrators), in every language the
//! participants' pages speak, since the poster and the presenter view are read by the public.
//! The views update themselves through the report room's event stream
//! (`/d/{id}/report/events`); the controls go through the dialogues room's service, as the
//! JSON routes `PATCH /api/dialogues/{id}` (`participant_statements`) and
//! `POST /api/dialogues/{id}/close` do.

mod pages;
pub(crate) mod service;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// The room's templates, by name.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("present.html", include_str!("templates/present.html")),
    (
        "close_confirm.html",
        include_str!("templates/close_confirm.html"),
    ),
    ("poster.html", include_str!("templates/poster.html")),
    (
        "local_link_warning.html",
        include_str!("templates/local_link_warning.html"),
    ),
];

/// Returns the room's pages.
pub fn routes() -> Router<AppState> {
    let pages = Router::new()
        .route("/convenor/dialogues/{id}/present", get(pages::present))
        .route(
            "/convenor/dialogues/{id}/facilitate",
            get(pages::facilitate),
        )
        .route(
            "/convenor/dialogues/{id}/facilitate/statements",
            post(pages::set_statements),
        )
        .route(
            "/convenor/dialogues/{id}/facilitate/close",
            get(pages::close_confirm).post(pages::close),
        )
        .route("/convenor/dialogues/{id}/poster", get(pages::poster))
        // The poster and the presenter view are read by the public, in their languages; the
        // convenor's views and controls follow the same choice.
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    crate::web::pages(pages)
}
