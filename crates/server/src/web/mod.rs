//! The web experience: server-rendered pages for participants, the live report and the
//! convenors' pages, with the static files they use.
//!
//! The pages of the dialogues, participation and moderation rooms live in those rooms; this
//! module holds what every page shares (forms, rendering, errors, security headers). Templates are compiled into the binary and escape
//! every value; scripts and styles are served as files so that the Content-Security-Policy
//! allows no inline code. Every page works without JavaScript; the script only adds keyboard
//! shortcuts, voting without a reload and the live report.

mod assets;
mod convenor;
pub(crate) mod forms;
pub(crate) mod map;
pub(crate) mod page_error;
pub(crate) mod render;
pub(crate) mod report;
pub(crate) mod security;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub use page_error::PageError;

/// Returns the routes of the web pages and their static files.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(convenor::home))
        .route("/static/{file}", get(assets::serve))
        .route("/d/{id}/report", get(report::report_page))
        .route("/d/{id}/report/events", get(report::events))
        .route("/login", get(convenor::login_page).post(convenor::login))
        .route("/logout", post(convenor::logout))
        .route("/convenor", get(convenor::dashboard))
        .route("/convenor/partnerships", post(convenor::create_partnership))
        .route(
            "/convenor/partnerships/{pid}",
            get(convenor::partnership_page),
        )
        .route(
            "/convenor/partnerships/{pid}/partners",
            post(convenor::add_partner),
        )
        .layer(axum::middleware::from_fn(security::headers))
}

/// Wraps a room's pages in what every page gets: the security headers and the check that a
/// form was posted from this site.
pub(crate) fn pages(router: Router<AppState>) -> Router<AppState> {
    router.layer(axum::middleware::from_fn(security::headers))
}

#[cfg(test)]
mod tests;
