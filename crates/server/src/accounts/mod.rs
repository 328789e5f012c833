//! The accounts room: signing in and out (convenors and the people who speak for partners
//! alike) and accepting an invitation, to speak for a partner or to convene a partnership.
//!
//! `api.rs` holds the JSON routes, `pages.rs` the pages, `service.rs` each operation once.

pub mod api;
pub mod pages;
pub mod service;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// The room's page templates.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("home.html", include_str!("templates/home.html")),
    ("login.html", include_str!("templates/login.html")),
    ("invitation.html", include_str!("templates/invitation.html")),
];

/// The room's JSON routes.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/session",
            post(api::login).get(api::current).delete(api::logout),
        )
        .route("/api/invitations/accept", post(api::accept_invitation))
}

/// The room's pages.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/", get(pages::home))
        .route("/login", get(pages::login_page).post(pages::login))
        .route("/logout", post(pages::logout))
        .route(
            "/invite/{token}",
            get(pages::invitation_page).post(pages::accept),
        )
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ))
}
