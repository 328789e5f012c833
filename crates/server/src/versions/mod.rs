//! The versions room: translations and easy-read versions of statements. Convenors set a
//! dialogue's language and what participants see of statements written in another, record
//! the language a statement was written in, and add, replace or remove its versions, through
//! the JSON API and their page, both over one [`service`]. The participant's pages read each
//! statement in the reader's language (and easy read, [`easy_read`]) through
//! [`service::Readings`]; votes still name the statement, so every version's votes pool.
//! Priority options are translated the same way ([`options`]): a list's convenors set its
//! language and add translations, and the comparison page reads each option in the reader's
//! language, while a choice still names the option. Shared objectives likewise
//! ([`objectives`]): each version's translations, read on the objective's pages, while a
//! stance still names the version.

pub mod api;
pub mod easy_read;
pub mod objectives;
mod option_pages;
pub mod options;
mod pages;
pub mod service;

use axum::Router;
use axum::routing::{get, put};

use crate::state::AppState;

/// Returns the word the API and the convenors' form use for a kind of version. (It lives here,
/// outside the files whose literals the catalogue test reads as message keys: the word is
/// the API's, not a key.)
pub fn kind_name(easy_read: bool) -> &'static str {
    if easy_read {
        "easy-read"
    } else {
        "translation"
    }
}

/// The templates of this room's pages.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("versions.html", include_str!("templates/versions.html")),
    (
        "easy_read_switch.html",
        include_str!("templates/easy_read_switch.html"),
    ),
    (
        "statement_version.html",
        include_str!("templates/statement_version.html"),
    ),
    (
        "statement_reading.html",
        include_str!("templates/statement_reading.html"),
    ),
    (
        "option_versions.html",
        include_str!("templates/option_versions.html"),
    ),
];

/// Returns the room's JSON routes and pages.
pub fn routes() -> Router<AppState> {
    let api = Router::new()
        .route("/api/dialogues/{id}/versions", get(api::list))
        .route("/api/dialogues/{id}/languages", put(api::set_languages))
        .route(
            "/api/dialogues/{id}/statements/{statement_id}/language",
            put(api::set_statement_language),
        )
        .route(
            "/api/dialogues/{id}/statements/{statement_id}/versions/{language}/{kind}",
            put(api::put_version).delete(api::remove_version),
        )
        .route(
            "/api/priority-lists/{id}/versions",
            get(api::list_option_versions),
        )
        .route(
            "/api/priority-lists/{id}/language",
            put(api::set_list_language),
        )
        .route(
            "/api/priority-lists/{id}/options/{option_id}/versions/{language}",
            put(api::put_option_version).delete(api::remove_option_version),
        )
        .route(
            "/api/objectives/{id}/translations",
            get(api::list_objective_translations),
        )
        .route(
            "/api/objectives/{id}/language",
            put(api::set_objective_language),
        )
        .route(
            "/api/objectives/{id}/versions/{version}/translations/{language}",
            put(api::put_objective_translation).delete(api::remove_objective_translation),
        );
    // The convenors' pages are shown in the language chosen or preferred, among the
    // representatives'.
    let pages = Router::new()
        .route(
            "/convenor/dialogues/{id}/versions",
            get(pages::versions_page).post(pages::change),
        )
        .route(
            "/convenor/priority-lists/{id}/versions",
            get(option_pages::option_versions_page).post(option_pages::change_option_versions),
        )
        .layer(axum::middleware::from_fn(
            crate::web::language::remember_choice,
        ));
    api.merge(crate::web::pages(pages))
}
