//! The web experience: server-rendered pages for participants, the live report and the
//! convenors' pages, with the static files they use.
//!
//! Pages reuse the API's handlers and extractors for everything that changes data, so a page
//! and its JSON route can never disagree. Templates are compiled into the binary and escape
//! every value; scripts and styles are served as files so that the Content-Security-Policy
//! allows no inline code. Every page works without JavaScript; the script only adds keyboard
//! shortcuts, voting without a reload and the live report.

mod assets;
mod convenor;
pub(crate) mod forms;
pub(crate) mod page_error;
pub(crate) mod participant;
mod privacy;
mod qr;
pub(crate) mod render;
pub(crate) mod security;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

// The participant's page shows where they stand on the report room's map.
use crate::report::{self, map};

pub use page_error::PageError;

/// Returns the routes of the web pages and their static files.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/{file}", get(assets::serve))
        .route("/d/{id}", get(participant::dialogue_page))
        .route("/d/{id}/join", post(participant::join))
        .route("/d/{id}/vote", post(participant::vote))
        .route(
            "/d/{id}/write",
            get(participant::write_page).post(participant::write),
        )
        .route("/d/{id}/me", get(privacy::my_data_page))
        .route(
            "/d/{id}/me/erase",
            get(privacy::erase_page).post(privacy::erase),
        )
        .route(
            "/convenor/partnerships/{pid}/dialogues",
            get(convenor::new_dialogue_page).post(convenor::create_dialogue),
        )
        .route("/convenor/dialogues/{id}", get(convenor::dialogue_page))
        .route(
            "/convenor/dialogues/{id}/settings",
            get(convenor::settings_page).post(convenor::update_settings),
        )
        .route(
            "/convenor/dialogues/{id}/constituencies",
            post(convenor::add_constituency),
        )
        .route(
            "/convenor/dialogues/{id}/statements",
            post(convenor::add_statements),
        )
        .route(
            "/convenor/dialogues/{id}/moderation",
            get(convenor::moderation_page).post(convenor::moderate),
        )
        .route("/convenor/dialogues/{id}/close", post(convenor::close))
        .route("/convenor/dialogues/{id}/reopen", post(convenor::reopen))
        .route("/convenor/dialogues/{id}/qr.svg", get(qr::participant_link))
        .merge(crate::accounts::page_routes())
        .merge(crate::partnerships::page_routes())
        .layer(axum::middleware::from_fn(security::headers))
}

#[cfg(test)]
mod tests;
