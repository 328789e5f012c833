//! The safeguarding room: screening holds a participant's statement that may disclose harm or
//! a crisis, carries personal details or is abusive, whatever the dialogue's moderation policy,
//! and shows its author the partnership's signposting text; participants flag statements with
//! a reason; moderators work through a triage queue sorted by risk and accept, reject with a
//! reason from a list, edit (the author's text kept) or redact personal details; every
//! decision joins an append-only log that convenors read and export; convenors set the
//! signposting text and the partnership's extra terms, and invite a dialogue's moderators, who
//! may do this moderators' work (and add versions of its statements) and nothing else.
//!
//! The rules themselves are the engine's (`engine::safeguarding`); `api.rs` holds the JSON
//! routes, `pages.rs` the pages, `service.rs` each operation once.

pub mod api;
pub(crate) mod pages;
pub mod service;

use axum::Router;
use axum::routing::{delete, get, post};

use crate::state::AppState;

/// The room's templates.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    (
        "safeguarding_support.html",
        include_str!("templates/safeguarding_support.html"),
    ),
    (
        "safeguarding_flag.html",
        include_str!("templates/safeguarding_flag.html"),
    ),
    (
        "safeguarding_queue.html",
        include_str!("templates/safeguarding_queue.html"),
    ),
    (
        "safeguarding_settings.html",
        include_str!("templates/safeguarding_settings.html"),
    ),
    (
        "safeguarding_moderators.html",
        include_str!("templates/safeguarding_moderators.html"),
    ),
];

/// Returns the room's JSON routes and pages.
pub fn routes() -> Router<AppState> {
    let api = Router::new()
        .route(
            "/api/dialogues/{id}/statements/{statement_id}/flags",
            post(api::flag),
        )
        .route("/api/dialogues/{id}/support", get(api::support))
        .route("/api/dialogues/{id}/safeguarding/queue", get(api::queue))
        .route(
            "/api/dialogues/{id}/safeguarding/statements/{statement_id}/decisions",
            post(api::decide),
        )
        .route(
            "/api/partnerships/{id}/safeguarding/decisions",
            get(api::decisions),
        )
        .route(
            "/api/partnerships/{id}/safeguarding/decisions.csv",
            get(api::decisions_csv_download),
        )
        .route(
            "/api/partnerships/{id}/safeguarding/settings",
            get(api::settings).put(api::save_settings),
        )
        .route(
            "/api/dialogues/{id}/moderator-invitations",
            post(api::invite_moderator).get(api::moderators),
        )
        .route(
            "/api/dialogues/{id}/moderator-invitations/{invitation_id}",
            delete(api::revoke_moderator_invitation),
        );
    let participant_pages = Router::new()
        .route("/d/{id}/support", get(pages::support))
        .route(
            "/d/{id}/statements/{statement_id}/flag",
            get(pages::flag_page).post(pages::flag),
        )
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    let convenor_pages = Router::new()
        .route(
            "/convenor/dialogues/{id}/safeguarding",
            get(pages::queue).post(pages::decide),
        )
        .route(
            "/convenor/partnerships/{pid}/safeguarding",
            get(pages::settings).post(pages::save_settings),
        )
        .route(
            "/convenor/dialogues/{id}/moderators",
            get(pages::moderators).post(pages::invite_moderator),
        )
        // Moderators and convenors may be partners' representatives: their pages are shown
        // in the language chosen or preferred, among the representatives' languages.
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    api.merge(crate::web::pages(participant_pages.merge(convenor_pages)))
}
