//! The objectives and actions room: a partnership's shared objectives, drafted by its convenors
//! from what the public said (with the evidence frozen), negotiated version by version with each
//! partner's stance, adopted under the partnership's decision rule, and the actions partners
//! take under adopted objectives with their progress notes.
//!
//! `api.rs` holds the JSON routes, `pages.rs` the pages, `service.rs` each operation once;
//! access is decided in [`crate::auth`]. The status of an objective is the engine's
//! ([`engine::settlement::decide`]); every write lands in the partnership's hash-chained record
//! (`store::SettlementStore`). [`evidence`] is the frozen standing of the statements an objective
//! rests on. [`accountability`] holds the read-only outputs: the public outcomes page, the
//! actions dashboard, the record's exports, the printable agreement and the calendar feed.

pub mod accountability;
pub mod api;
pub mod evidence;
pub mod pages;
pub mod service;

use axum::Router;
use axum::routing::{delete, get, post};

use crate::state::AppState;

/// The room's page templates.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("objectives.html", include_str!("templates/objectives.html")),
    ("objective.html", include_str!("templates/objective.html")),
    (
        "partner-questions.html",
        include_str!("templates/partner-questions.html"),
    ),
    (
        "settlements_macros.html",
        include_str!("templates/settlements_macros.html"),
    ),
];

/// The room's JSON routes.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/partnerships/{id}/decision-rule",
            get(api::get_rule).put(api::set_rule),
        )
        .route(
            "/api/partnerships/{id}/objectives",
            get(api::list_objectives).post(api::draft),
        )
        .route(
            "/api/partnerships/{id}/evidence-choices",
            get(api::evidence_choices),
        )
        .route("/api/partnerships/{id}/actions", get(api::list_actions))
        .route("/api/objectives/{id}", get(api::get_objective))
        .route("/api/objectives/{id}/versions", post(api::amend))
        .route(
            "/api/objectives/{id}/put-to-partners",
            post(api::put_to_partners),
        )
        .route("/api/objectives/{id}/adopt", post(api::adopt))
        .route("/api/objectives/{id}/withdraw", post(api::withdraw))
        .route("/api/objectives/{id}/stances", post(api::record_stance))
        .route(
            "/api/objectives/{id}/stances/{partner_id}",
            delete(api::withdraw_stance),
        )
        .route("/api/objectives/{id}/actions", post(api::add_action))
        .route("/api/actions/{id}", get(api::get_action))
        .route("/api/actions/{id}/notes", post(api::add_note))
}

/// The room's pages. They are shared by convenors and partners' representatives, so they are
/// shown in the language chosen or preferred, among the representatives' languages.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/convenor/partnerships/{pid}/objectives",
            get(pages::objectives_page).post(pages::draft),
        )
        .route(
            "/convenor/partnerships/{pid}/decision-rule",
            post(pages::set_rule),
        )
        .route("/convenor/objectives/{id}", get(pages::objective_page))
        .route("/convenor/objectives/{id}/versions", post(pages::amend))
        .route(
            "/convenor/objectives/{id}/translations",
            post(pages::translate),
        )
        .route(
            "/convenor/objectives/{id}/put-to-partners",
            post(pages::put_to_partners),
        )
        .route("/convenor/objectives/{id}/adopt", post(pages::adopt))
        .route("/convenor/objectives/{id}/withdraw", post(pages::withdraw))
        .route(
            "/convenor/objectives/{id}/stances",
            post(pages::record_stance),
        )
        .route(
            "/convenor/objectives/{id}/stances/{partner_id}/withdraw",
            post(pages::withdraw_stance),
        )
        .route("/convenor/objectives/{id}/actions", post(pages::add_action))
        .route("/convenor/actions/{id}/notes", post(pages::add_note))
        .route("/convenor/questions", get(pages::questions_page))
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ))
}
