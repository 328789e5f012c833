//! The report's pages: the report itself (common ground first, then differences, then the
//! voice audit, with the opinion map and a plain-language explanation of every chart) and its
//! event stream, which announces each new analysis so the open page fetches the new report.
//!
//! Everything shown comes from the latest stored analysis document; nothing is recomputed.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use model::DialogueId;

use super::view::{Live, ReportContext};
use super::{live, sections, service, snapshot};
use crate::dialogues::DialogueSummary;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::PageError;
use crate::web::page_error::is_unauthenticated;
use crate::web::render::{Layout, page};
use crate::web::security::encode_query_value;

/// Answers `GET /d/{id}/report`.
pub async fn report_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<DialogueId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    if let Err(error) = service::may_read(&state, &dialogue, &headers).await {
        if is_unauthenticated(&error) {
            let next = encode_query_value(&format!("/d/{id}/report"));
            return Ok(axum::response::Redirect::to(&format!("/login?next={next}")).into_response());
        }
        return Err(error.into());
    }
    let counts = state.store().count_votes(dialogue.id).await?;
    let analysis = snapshot::load(&state, dialogue.id).await?;
    let summary = DialogueSummary::of(&dialogue);
    let layout = Layout {
        title: format!("Report · {}", summary.title),
        ..Layout::default()
    };
    let mut context = ReportContext {
        layout,
        live: Live {
            events: format!("/d/{id}/report/events"),
            version: analysis.as_ref().map_or(0, |analysis| analysis.version),
        },
        is_ready: analysis.is_some(),
        updated: None,
        updated_iso: None,
        n_participants: counts.participants,
        n_voters: counts.voters,
        n_votes: counts.votes,
        shortfalls: sections::shortfalls(analysis.as_ref(), counts.voters),
        weighting: None,
        divided_note: None,
        map: None,
        groups: Vec::new(),
        common_ground: Vec::new(),
        near: Vec::new(),
        divisive: Vec::new(),
        gaps: Vec::new(),
        lay_professional: None,
        voice: None,
        statements: Vec::new(),
        n_statements_left_out: 0,
        notes: Vec::new(),
        participant_link: state.participant_url(dialogue.id),
        dialogue: summary,
    };
    if let Some(analysis) = &analysis {
        sections::fill(&mut context, analysis);
    }
    Ok(page("report.html", context)?.into_response())
}

/// Answers `GET /d/{id}/report/events`: a server-sent event `snapshot` (its data the
/// snapshot's version) each time a new analysis of the dialogue is stored. The first event
/// gives the version current when the stream opened.
pub async fn events(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<DialogueId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    service::may_read(&state, &dialogue, &headers).await?;
    Ok(live::open(state, dialogue.id).await?)
}
