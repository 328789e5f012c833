//! The partnerships room: partnerships, their partner organisations, their convenors (added by
//! email or invited by single-use links), and the people who speak for partners (invited by
//! single-use links).
//!
//! `api.rs` holds the JSON routes, `pages.rs` the pages, `service.rs` each operation once;
//! access is decided in [`crate::auth`].

pub mod api;
pub mod pages;
pub mod service;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// The room's page templates.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("dashboard.html", include_str!("templates/dashboard.html")),
    (
        "partnership.html",
        include_str!("templates/partnership.html"),
    ),
    ("partner.html", include_str!("templates/partner.html")),
];

/// The room's JSON routes.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/api/partnerships", post(api::create).get(api::list))
        .route("/api/partnerships/{id}", get(api::get).patch(api::update))
        .route(
            "/api/partnerships/{id}/partners",
            post(api::add_partner).get(api::list_partners),
        )
        .route(
            "/api/partnerships/{id}/partners/{partner_id}",
            axum::routing::patch(api::update_partner).delete(api::remove_partner),
        )
        .route(
            "/api/partnerships/{id}/convenors",
            get(api::list_convenors).post(api::add_convenor),
        )
        .route(
            "/api/partnerships/{id}/convenors/{convenor_id}",
            axum::routing::delete(api::remove_convenor),
        )
        .route(
            "/api/partnerships/{id}/convenor-invitations",
            post(api::invite_convenor).get(api::list_convenor_invitations),
        )
        .route(
            "/api/partnerships/{id}/convenor-invitations/{invitation_id}",
            axum::routing::delete(api::revoke_convenor_invitation),
        )
        .route(
            "/api/partnerships/{id}/partners/{partner_id}/invitations",
            post(api::invite).get(api::list_invitations),
        )
        .route(
            "/api/partnerships/{id}/partners/{partner_id}/invitations/{invitation_id}",
            axum::routing::delete(api::revoke_invitation),
        )
        .route(
            "/api/partnerships/{id}/partners/{partner_id}/representatives",
            get(api::list_representatives),
        )
        .route(
            "/api/partnerships/{id}/partners/{partner_id}/representatives/{account_id}",
            axum::routing::delete(api::remove_representative),
        )
}

/// The room's pages.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/convenor", get(pages::dashboard))
        .route("/convenor/partnerships", post(pages::create_partnership))
        .route("/convenor/partnerships/{pid}", get(pages::partnership_page))
        .route(
            "/convenor/partnerships/{pid}/partners",
            post(pages::add_partner),
        )
        .route(
            "/convenor/partnerships/{pid}/convenors",
            post(pages::add_convenor),
        )
        .route(
            "/convenor/partnerships/{pid}/convenor-invitations",
            post(pages::invite_convenor),
        )
        .route(
            "/convenor/partnerships/{pid}/convenor-invitations/{invitation_id}/revoke",
            post(pages::revoke_convenor_invitation),
        )
        .route(
            "/convenor/partnerships/{pid}/partners/{partner_id}",
            get(pages::partner_page).post(pages::update_partner),
        )
        .route(
            "/convenor/partnerships/{pid}/partners/{partner_id}/remove",
            post(pages::remove_partner),
        )
        .route(
            "/convenor/partnerships/{pid}/partners/{partner_id}/invitations",
            post(pages::invite),
        )
        .route(
            "/convenor/partnerships/{pid}/partners/{partner_id}/invitations/{invitation_id}/revoke",
            post(pages::revoke_invitation),
        )
        .route(
            "/convenor/partnerships/{pid}/partners/{partner_id}/representatives/{account_id}/remove",
            post(pages::remove_representative),
        )
        .route("/convenor/dialogues/{id}/sharing", post(pages::share_dialogue))
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ))
}
