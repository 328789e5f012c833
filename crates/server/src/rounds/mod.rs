//! The rounds room: a dialogue can run in rounds (e.g. before and after a public event).
//! Convenors start the next round through the JSON API or their page, both over one
//! [`service`]; the analysis compares the current round with the one before
//! ([`comparison`], the document's `rounds` section, shown on the report), and participants
//! keep their tokens and vote again.

pub mod api;
pub mod comparison;
mod pages;
pub mod service;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// The templates of this room's pages.
pub(crate) const TEMPLATES: &[(&str, &str)] =
    &[("rounds.html", include_str!("templates/rounds.html"))];

/// Returns the room's JSON routes and pages.
pub fn routes() -> Router<AppState> {
    let api = Router::new().route(
        "/api/dialogues/{id}/rounds",
        get(api::list).post(api::start),
    );
    // The page is shown in the language chosen or preferred, among the representatives'.
    let pages = Router::new()
        .route(
            "/convenor/dialogues/{id}/rounds",
            get(pages::rounds_page).post(pages::start),
        )
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    api.merge(crate::web::pages(pages))
}
