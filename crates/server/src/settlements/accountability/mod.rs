//! Accountability: what came of a partnership's negotiation, read-only. The public "you said,
//! we did" page (`/p/{id}/outcomes`, once a convenor publishes it), the actions dashboard for
//! convenors and representatives (late and blocked actions by objective and by partner, from
//! the engine's flags), the record's exports (JSON and CSV of every entry with its hashes)
//! and the printable agreement, and an iCalendar feed of the actions' due dates.
//!
//! The calendar feed is read by calendar apps, which cannot sign in: its address carries a
//! per-partnership secret (`/p/{id}/actions.ics?token=…`) that a convenor makes, and makes
//! again or revokes when it has travelled too far; only its hash is stored. A signed-in
//! convenor or representative may also fetch the feed without the secret.
//!
//! `api.rs` holds the JSON routes, `pages.rs` the pages, `service.rs` each read once,
//! `document.rs` the documents both serve, `ical.rs` the iCalendar writer; access is decided
//! in [`crate::auth`].

pub mod api;
pub mod document;
pub mod ical;
pub mod pages;
pub mod service;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// The templates of the accountability pages.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    (
        "accountability_outcomes.html",
        include_str!("templates/accountability_outcomes.html"),
    ),
    (
        "accountability_dashboard.html",
        include_str!("templates/accountability_dashboard.html"),
    ),
    (
        "accountability_agreement.html",
        include_str!("templates/accountability_agreement.html"),
    ),
];

/// The JSON routes and the calendar feed.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .route("/api/partnerships/{id}/outcomes", get(api::outcomes))
        .route(
            "/api/partnerships/{id}/outcomes/publication",
            get(api::publication).put(api::set_publication),
        )
        .route("/api/partnerships/{id}/accountability", get(api::dashboard))
        .route("/api/partnerships/{id}/record", get(api::record))
        .route("/api/partnerships/{id}/record.csv", get(api::record_csv))
        .route(
            "/api/partnerships/{id}/calendar-feed",
            post(api::renew_calendar_feed).delete(api::revoke_calendar_feed),
        )
        .route("/p/{id}/actions.ics", get(api::calendar))
}

/// The pages.
pub fn page_routes() -> Router<AppState> {
    let pages = Router::new()
        .route("/p/{id}/outcomes", get(pages::outcomes))
        .route(
            "/convenor/partnerships/{pid}/accountability",
            get(pages::dashboard),
        )
        .route(
            "/convenor/partnerships/{pid}/agreement",
            get(pages::agreement),
        )
        .route(
            "/convenor/partnerships/{pid}/outcomes/publication",
            post(pages::set_publication),
        )
        .route(
            "/convenor/partnerships/{pid}/calendar-feed",
            post(pages::renew_calendar_feed),
        )
        .route(
            "/convenor/partnerships/{pid}/calendar-feed/revoke",
            post(pages::revoke_calendar_feed),
        )
        // The language chosen is remembered, and a refused form's page says why in it.
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    crate::web::pages(pages)
}

/// Every route of accountability.
pub fn routes() -> Router<AppState> {
    api_routes().merge(page_routes())
}
