//! The moderation room: convenors list a dialogue's statements and accept or reject them,
//! one or many at a time, through the JSON API and the moderation page, both over one
//! [`service`].

pub mod api;
mod pages;
pub mod service;

use axum::Router;
use axum::routing::{get, patch, post};

use crate::state::AppState;

/// The templates of this room's pages.
pub(crate) const TEMPLATES: &[(&str, &str)] =
    &[("moderation.html", include_str!("templates/moderation.html"))];

/// Returns the room's JSON routes and pages.
pub fn routes() -> Router<AppState> {
    let api = Router::new()
        .route("/api/dialogues/{id}/statements", get(api::list))
        .route(
            "/api/dialogues/{id}/statements/{statement_id}",
            patch(api::moderate_one),
        )
        .route("/api/dialogues/{id}/moderation", post(api::moderate_many));
    // The page is shown in the language chosen or preferred, among the representatives'.
    let pages = Router::new()
        .route(
            "/convenor/dialogues/{id}/moderation",
            get(pages::moderation_page).post(pages::moderate),
        )
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    api.merge(crate::web::pages(pages))
}
