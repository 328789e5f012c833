//! The report's exports: a slide-ready PNG of the opinion map (`GET /d/{id}/report/map.png`)
//! and of the statements × groups and constituencies grid (`GET /d/{id}/report/grid.png`), and
//! the report as a PDF (`GET /d/{id}/report.pdf`). Each is drawn as SVG from the latest stored
//! analysis, then rasterised or written as PDF with a bundled font; anyone who may read the
//! report may download them.

mod grid;
mod pdf;
mod raster;
mod text;

use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use model::DialogueId;
use serde::Deserialize;
use store::Dialogue;

use super::map::{SLIDE, svg};
use super::{service, snapshot};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::PageError;

/// What the grid's PNG may ask for.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridQuery {
    /// Which slide of the grid, from 1, when its statements need more than one.
    page: Option<usize>,
}

/// Loads the dialogue after checking the reader may see its report.
async fn readable(
    state: &AppState,
    id: DialogueId,
    headers: &HeaderMap,
) -> Result<Dialogue, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    service::may_read(state, &dialogue, headers).await?;
    Ok(dialogue)
}

fn file(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("inline; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("inline"));
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (CONTENT_DISPOSITION, disposition),
            (CACHE_CONTROL, HeaderValue::from_static("private, no-cache")),
        ],
        bytes,
    )
        .into_response()
}

fn title_of(dialogue: &Dialogue) -> String {
    dialogue.settings.title.as_str().to_owned()
}

/// Draws a slide that says only `message`.
fn message_slide(title: &str, message: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600\" height=\"900\" viewBox=\"0 0 1600 900\" font-family=\"{}\"><rect width=\"1600\" height=\"900\" fill=\"#ffffff\"/><text x=\"48\" y=\"84\" font-size=\"40\" font-weight=\"bold\" fill=\"{}\">{}</text><text x=\"48\" y=\"460\" font-size=\"32\" fill=\"{}\">{}</text></svg>",
        svg::FONT_FAMILY,
        svg::INK,
        svg::escape(&text::fit(title, 1500.0, 40.0)),
        svg::INK,
        svg::escape(message)
    )
}

/// The map as a 1600×900 slide.
fn map_slide(analysis: Option<&snapshot::LoadedAnalysis>, title: &str) -> String {
    let heading = format!("Opinion map · {title}");
    match analysis.and_then(|analysis| analysis.map(crate::web::language::Language::English, None))
    {
        Some(map) => svg::standalone(&map.layout(SLIDE), &text::fit(&heading, 1500.0, 33.0)),
        None => message_slide(&heading, "The map appears once enough people have voted."),
    }
}

/// Answers `GET /d/{id}/report/map.png`: the opinion map as a 1600×900 PNG.
pub async fn map_png(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<DialogueId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = readable(&state, id, &headers).await?;
    let analysis = snapshot::load(&state, dialogue.id).await?;
    let svg = map_slide(analysis.as_ref(), &title_of(&dialogue));
    let png = tokio::task::spawn_blocking(move || raster::png(&svg))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    Ok(file(png, "image/png", &format!("map-{id}.png")))
}

/// Answers `GET /d/{id}/report/grid.png[?page=N]`: the grid of statements × groups and
/// constituencies as a 1600×900 PNG, a slide of as many statements as read well; `page` picks
/// the slide when there are more.
pub async fn grid_png(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<GridQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let Query(query) = query.map_err(|rejection| {
        ApiError::validation(format!(
            "The grid's address is not understood: {}. Use ?page=1, ?page=2 and so on.",
            rejection.body_text()
        ))
    })?;
    let dialogue = readable(&state, id, &headers).await?;
    let analysis = snapshot::load(&state, dialogue.id).await?;
    let title = title_of(&dialogue);
    let svg = match &analysis {
        None => message_slide(
            &format!("Statements by group · {title}"),
            "The grid appears once enough people have voted.",
        ),
        Some(analysis) => {
            let grid = grid::of(analysis);
            let per_slide = grid::rows_per_sheet(grid::SLIDE);
            let n_pages = grid.rows.len().div_ceil(per_slide).max(1);
            let page = query.page.unwrap_or(1);
            if page == 0 || page > n_pages {
                return Err(ApiError::validation(format!(
                    "The grid has {n_pages} {} of {per_slide} statements: ask for page 1{}.",
                    if n_pages == 1 { "slide" } else { "slides" },
                    if n_pages == 1 {
                        String::new()
                    } else {
                        format!(" to {n_pages}")
                    }
                ))
                .into());
            }
            let start = (page - 1) * per_slide;
            let rows = &grid.rows[start..(start + per_slide).min(grid.rows.len())];
            let range = if rows.is_empty() {
                String::new()
            } else {
                format!(
                    "Statements {}–{} of {} · slide {page} of {n_pages}. ",
                    rows[0].number,
                    rows[rows.len() - 1].number,
                    grid.rows.len()
                )
            };
            let footer = format!("{range}{}", grid::KEY);
            let body = grid::draw(
                &grid,
                rows,
                grid::SLIDE,
                &format!("Statements by group and constituency · {title}"),
                &footer,
            );
            format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600\" height=\"900\" viewBox=\"0 0 1600 900\" font-family=\"{}\"><rect width=\"1600\" height=\"900\" fill=\"#ffffff\"/>{body}</svg>",
                svg::FONT_FAMILY
            )
        }
    };
    let png = tokio::task::spawn_blocking(move || raster::png(&svg))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    Ok(file(png, "image/png", &format!("grid-{id}.png")))
}

/// Answers `GET /d/{id}/report.pdf`: the report as a PDF, in the report page's order: the
/// summary's sentences, the common ground, the grid as a table, and the map.
pub async fn report_pdf(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<DialogueId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = readable(&state, id, &headers).await?;
    let counts = state.store().count_votes(dialogue.id).await?;
    let analysis = snapshot::load(&state, dialogue.id).await?;
    let facts = pdf::Facts {
        title: title_of(&dialogue),
        question: dialogue.settings.question.as_str().to_owned(),
        n_participants: counts.participants,
        n_voters: counts.voters,
        n_votes: counts.votes,
    };
    // The summary the report page opens with, under the same condition: an analysis of votes.
    let summary = match analysis.as_ref().filter(|_| counts.votes > 0) {
        Some(analysis) => {
            let labels = state.store().group_labels(dialogue.id).await?;
            super::summary::of_report(analysis, &labels)
        }
        None => Vec::new(),
    };
    let pages = pdf::pages(
        &facts,
        analysis.as_ref(),
        &summary,
        &map_slide(analysis.as_ref(), &facts.title),
    );
    let title = facts.title.clone();
    let document = tokio::task::spawn_blocking(move || raster::pdf(&pages, &title))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    Ok(file(
        document,
        "application/pdf",
        &format!("report-{id}.pdf"),
    ))
}
