//! The report room: a dialogue's analysis as a document (`GET/POST
//! /api/dialogues/{id}/analysis`), its exports, and the report page with its opinion map and
//! live updates.
//!
//! Every reader goes through [`service`], which loads the latest snapshot and reads the
//! [`document`] strictly; nothing here recomputes an analysis.

pub mod api;
pub mod document;
mod exports;
mod live;
pub(crate) mod map;
mod pages;
mod sections;
pub(crate) mod service;
mod snapshot;
mod view;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub use snapshot::{Holding, LoadedAnalysis, load};

/// The room's templates, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("report.html", include_str!("templates/report.html")),
    ("map.html", include_str!("templates/map.html")),
    (
        "report-downloads.html",
        include_str!("templates/downloads.html"),
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
        .merge(
            Router::new()
                .route("/d/{id}/report", get(pages::report_page))
                .route("/d/{id}/report/events", get(pages::events))
                .route("/d/{id}/report/map.png", get(exports::map_png))
                .route("/d/{id}/report/grid.png", get(exports::grid_png))
                .route("/d/{id}/report.pdf", get(exports::report_pdf))
                .layer(axum::middleware::from_fn(crate::web::security::headers)),
        )
}
