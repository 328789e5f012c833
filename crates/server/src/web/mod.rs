//! The web experience: server-rendered pages for participants, the live report and the
//! convenors' pages, with the static files they use.
//!
//! Every page lives in its room (accounts, partnerships, dialogues, participation, moderation,
//! report); this module holds what every page shares: forms, rendering, errors, security
//! headers and the static files. Templates are compiled into the binary and escape every
//! value; scripts and styles are served as files so that the Content-Security-Policy allows
//! no inline code. Every page works without JavaScript; the script only adds keyboard
//! shortcuts, voting without a reload and the live report.

mod assets;
pub(crate) mod catalogue;
pub(crate) mod forms;
pub(crate) mod language;
pub(crate) mod page_error;
pub(crate) mod refusals;
pub(crate) mod render;
pub(crate) mod security;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub use page_error::PageError;

/// Returns the routes of the web pages and their static files.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/{file}", get(assets::serve))
        .merge(crate::accounts::page_routes())
        .merge(crate::partnerships::page_routes())
        .merge(crate::settlements::page_routes())
        .merge(crate::priorities::convenor_page_routes())
        .merge(crate::priorities::page_routes())
        .merge(crate::trust::page_routes())
        .merge(crate::system_map::page_routes())
        .layer(axum::middleware::from_fn(security::headers))
        .layer(axum::middleware::from_fn(page_error::remember_origin))
}

/// Answers a form post by sending the browser on to another page (303 See Other).
pub(crate) fn see_other(path: &str) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    axum::response::Redirect::to(path).into_response()
}

/// Wraps a room's pages in what every page gets: the security headers and the check that a
/// form was posted from this site.
pub(crate) fn pages(router: Router<AppState>) -> Router<AppState> {
    router
        .layer(axum::middleware::from_fn(security::headers))
        .layer(axum::middleware::from_fn(page_error::remember_origin))
}

#[cfg(test)]
mod tests;
