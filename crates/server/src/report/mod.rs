//! The report room: a dialogue's analysis as a document (`GET/POST
//! /api/dialogues/{id}/analysis`), its exports, and the report page with its opinion map and
//! live updates.
//!
//! Every reader goes through [`service`], which loads the latest snapshot and reads the
//! [`document`] strictly; nothing here recomputes an analysis.

pub mod api;
pub(crate) mod channels;
mod confidence;
pub mod document;
mod exports;
mod grid;
mod labels;
mod live;
pub(crate) mod map;
mod pages;
mod reasons;
mod rounds;
pub(crate) mod sections;
pub(crate) mod service;
pub(crate) mod snapshot;
mod summary;
mod view;

use axum::Router;
use axum::routing::{get, put};

use crate::state::AppState;

pub use reasons::reason as standing_reason;
pub use snapshot::{Holding, LoadedAnalysis, load};

/// Renders the report page of a dialogue from an analysis document alone, as the server
/// would for a public report with `participants` people and `votes` votes: for the rendering
/// benchmark (`cargo bench -p server --bench report`).
pub fn render_report(
    document: document::Document,
    participants: u64,
    votes: u64,
) -> Result<String, String> {
    let analysis = LoadedAnalysis::new(1, 1, 0, document);
    let summary = crate::dialogues::DialogueSummary {
        id: 1,
        title: "A synthetic dialogue".to_owned(),
        question: "What should change?".to_owned(),
        description: Vec::new(),
        constituencies: Vec::new(),
        allows_statements: true,
        report_is_public: true,
        is_closed: false,
        is_not_yet_open: false,
        opens: None,
        closes: None,
        dates: None,
    };
    let context = pages::report_context(
        crate::web::language::Language::English,
        summary,
        "http://127.0.0.1/d/1".to_owned(),
        (participants, participants, votes),
        Some(&analysis),
        &std::collections::BTreeMap::new(),
        &grid::GridQuery::default(),
    )?;
    crate::web::render::render("report.html", context).map_err(|error| {
        let mut message = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause:#}"));
            source = cause.source();
        }
        message
    })
}

/// The room's templates, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("report.html", include_str!("templates/report.html")),
    ("map.html", include_str!("templates/map.html")),
    (
        "report-downloads.html",
        include_str!("templates/downloads.html"),
    ),
    (
        "report_macros.html",
        include_str!("templates/report_macros.html"),
    ),
    (
        "report_statement.html",
        include_str!("templates/report_statement.html"),
    ),
    (
        "report_private.html",
        include_str!("templates/report_private.html"),
    ),
    (
        "report_groups.html",
        include_str!("templates/report_groups.html"),
    ),
];

/// Returns the room's routes: the JSON API and the report's pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/dialogues/{id}/analysis",
            get(api::get).post(api::recompute),
        )
        .route("/api/dialogues/{id}/export", get(api::export))
        .route("/api/dialogues/{id}/export/{file}", get(api::export_file))
        .route(
            "/api/dialogues/{id}/groups/{group}/label",
            put(api::set_group_label),
        )
        .merge(
            Router::new()
                .merge(
                    // The pages are translated (the public's in every language, the convenors'
                    // labels form in the representatives'); the downloads stay in English.
                    Router::new()
                        .route("/d/{id}/report", get(pages::report_page))
                        .route(
                            "/d/{id}/report/statements/{statement}",
                            get(pages::statement_page),
                        )
                        .route(
                            "/d/{id}/report/groups",
                            get(pages::labels_page).post(pages::save_labels),
                        )
                        .layer(axum::middleware::from_fn(
                            crate::web::language::remember_choice,
                        )),
                )
                .route("/d/{id}/report/events", get(pages::events))
                .route("/d/{id}/report/map.png", get(exports::map_png))
                .route("/d/{id}/report/grid.png", get(exports::grid_png))
                .route("/d/{id}/report.pdf", get(exports::report_pdf))
                .layer(axum::middleware::from_fn(crate::web::security::headers)),
        )
}

#[cfg(test)]
mod tests {
    use super::document::synthetic::{Shape, document};

    #[test]
    fn a_synthetic_report_renders_with_its_summary_and_grid() {
        let doc = document(Shape {
            statements: 12,
            participants: 40,
            groups: 2,
            constituencies: 3,
        });
        let html = super::render_report(doc, 40, 240).unwrap_or_else(|error| panic!("{error}"));
        assert!(html.contains("What is common ground"));
        assert!(html.contains("grid-table"));
        assert!(!html.contains("1 people"));
    }
}
