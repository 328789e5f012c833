//! The convenors' moderation page: one page of a dialogue's statements, filtered by status,
//! each with its author's constituencies, its votes and when it was written, and a form that
//! accepts or rejects one statement (a rejection with an optional reason) or the ticked ones,
//! through [`super::service`]. It is translated into the representatives' languages (the
//! `convening` catalogue); the service's validation messages are the API's.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{ConstituencyId, DialogueId, ModerationStatus, ParticipantId, StatementId, VoteChoice};
use serde::{Deserialize, Serialize};

use crate::dialogues::DialogueSummary;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::time::rfc3339;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, said_in};
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor};

use super::service;

/// How many statements one page of the moderation queue shows.
const MODERATION_PAGE: u32 = 50;

#[derive(Serialize)]
struct ModerationRow {
    id: i64,
    text: String,
    status: String,
    is_from_participant: bool,
    author_constituencies: Vec<String>,
    agree: u64,
    disagree: u64,
    pass: u64,
    written: String,
    rejection_reason: Option<String>,
    /// What the convenor typed as the reason, kept when the decision was refused.
    typed_reason: String,
    error: Option<String>,
}

/// Votes on one statement.
#[derive(Default, Clone, Copy)]
struct Tally {
    agree: u64,
    disagree: u64,
    pass: u64,
}

/// A decision on one row that was refused: the row, what was wrong and what was typed.
struct RowRefusal {
    id: i64,
    message: String,
    reason: String,
}

#[derive(Serialize)]
struct StatusTab {
    value: &'static str,
    label: String,
    is_current: bool,
}

#[derive(Serialize)]
struct ModerationContext {
    layout: Layout,
    dialogue: DialogueSummary,
    rows: Vec<ModerationRow>,
    status: &'static str,
    tabs: Vec<StatusTab>,
    next_after: Option<i64>,
    is_first_page: bool,
    pending: u64,
    notice: Option<String>,
    max_reason_chars: usize,
    /// Whether the reader convenes the dialogue; a moderator gets no link to its convenors' page.
    convenes: bool,
}

/// The query string of the moderation page: the tab, where the page starts, and how many
/// statements the last change updated.
#[derive(Debug, Default, Deserialize)]
pub struct ModerationQuery {
    status: Option<String>,
    after: Option<String>,
    updated: Option<String>,
}

fn status_filter(value: Option<&str>) -> (&'static str, Option<ModerationStatus>) {
    match value {
        Some("accepted") => ("accepted", Some(ModerationStatus::Accepted)),
        Some("rejected") => ("rejected", Some(ModerationStatus::Rejected)),
        Some("all") => ("all", None),
        _ => ("pending", Some(ModerationStatus::Pending)),
    }
}

fn status_word(language: Language, status: ModerationStatus) -> String {
    let key = match status {
        ModerationStatus::Pending => "convening-status-waiting",
        ModerationStatus::Accepted => "convening-status-accepted",
        ModerationStatus::Rejected => "convening-status-rejected",
    };
    text(language, key, &[])
}

/// Answers `GET /convenor/dialogues/{id}/moderation`: one page of the queue.
pub async fn moderation_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    RawQuery(raw): RawQuery,
    query: Result<Query<ModerationQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let query = query.map(|Query(query)| query).unwrap_or_default();
    render(&state, &convenor, asked, id, &query, None).await
}

/// Counts the votes on each of the statements listed.
async fn tallies(
    state: &AppState,
    dialogue: DialogueId,
    listed: &BTreeSet<StatementId>,
) -> Result<BTreeMap<StatementId, Tally>, PageError> {
    let mut tallies: BTreeMap<StatementId, Tally> = BTreeMap::new();
    for vote in state.store().latest_votes(dialogue).await? {
        if !listed.contains(&vote.statement) {
            continue;
        }
        let tally = tallies.entry(vote.statement).or_default();
        match vote.choice {
            VoteChoice::Agree => tally.agree += 1,
            VoteChoice::Disagree => tally.disagree += 1,
            VoteChoice::Pass => tally.pass += 1,
        }
    }
    Ok(tallies)
}

/// Renders one page of the queue, with a refused decision shown on its row.
async fn render(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: DialogueId,
    query: &ModerationQuery,
    refusal: Option<RowRefusal>,
) -> Result<Response, PageError> {
    let language = asked.language;
    let (status, filter) = status_filter(query.status.as_deref());
    let after = query
        .after
        .as_deref()
        .and_then(|value| value.parse::<i64>().ok())
        .map(StatementId);
    let dialogue = convenor.current.moderate(state, id).await?;
    let listed =
        service::list(state, &convenor.current, id, filter, after, MODERATION_PAGE).await?;
    let counts = state.store().count_statements(dialogue.id).await?;
    let notice = query
        .updated
        .as_deref()
        .and_then(|value| value.parse::<u64>().ok())
        .map(|updated| {
            text(
                language,
                "convening-moderation-updated",
                &[("count", updated.into())],
            )
        });
    let tabs = [
        ("pending", "convening-tab-waiting"),
        ("accepted", "convening-tab-accepted"),
        ("rejected", "convening-tab-rejected"),
        ("all", "convening-tab-all"),
    ]
    .into_iter()
    .map(|(value, key)| StatusTab {
        value,
        label: text(language, key, &[]),
        is_current: value == status,
    })
    .collect();
    let ids: BTreeSet<StatementId> = listed
        .statements
        .iter()
        .map(|statement| statement.id)
        .collect();
    let tallies = tallies(state, dialogue.id, &ids).await?;
    let authors: BTreeSet<ParticipantId> = listed
        .statements
        .iter()
        .filter_map(|statement| statement.author)
        .collect();
    let mut memberships: BTreeMap<ParticipantId, Vec<ConstituencyId>> = BTreeMap::new();
    for (participant, constituency) in state.store().list_memberships(dialogue.id).await? {
        if authors.contains(&participant) {
            memberships
                .entry(participant)
                .or_default()
                .push(constituency);
        }
    }
    let constituency_names = |author: Option<ParticipantId>| -> Vec<String> {
        let Some(chosen) = author.and_then(|author| memberships.get(&author)) else {
            return Vec::new();
        };
        dialogue
            .constituencies
            .iter()
            .filter(|constituency| chosen.contains(&constituency.id))
            .map(|constituency| constituency.name.as_str().to_owned())
            .collect()
    };
    let rows = listed
        .statements
        .into_iter()
        .map(|statement| {
            let tally = tallies.get(&statement.id).copied().unwrap_or_default();
            let refused = refusal
                .as_ref()
                .filter(|refusal| refusal.id == statement.id.get());
            ModerationRow {
                id: statement.id.get(),
                status: status_word(language, statement.moderation),
                is_from_participant: !statement.is_seed,
                author_constituencies: constituency_names(statement.author),
                agree: tally.agree,
                disagree: tally.disagree,
                pass: tally.pass,
                written: readable_day(statement.created_at),
                rejection_reason: statement.rejection_reason,
                typed_reason: refused
                    .map(|refusal| refusal.reason.clone())
                    .unwrap_or_default(),
                error: refused.map(|refusal| refusal.message.clone()),
                text: statement.text,
            }
        })
        .collect();
    let summary = DialogueSummary::in_language(language, &dialogue, state.now_ms());
    let status_code = if refusal.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let context = ModerationContext {
        layout: asked.layout(
            convenor,
            text(
                language,
                "convening-moderation-title",
                &[("title", summary.title.clone().into())],
            ),
        ),
        dialogue: summary,
        rows,
        status,
        tabs,
        next_after: listed.next_after.map(StatementId::get),
        is_first_page: after.is_none(),
        pending: counts.pending,
        notice,
        max_reason_chars: service::MAX_REASON_CHARS,
        convenes: convenor.current.convenes_dialogue(state, &dialogue).await?,
    };
    Ok((status_code, page("moderation.html", context)?).into_response())
}

/// Writes a moment as the day it fell on, "2025-03-01", for the queue.
fn readable_day(millis: i64) -> String {
    let moment = rfc3339(millis);
    moment.get(..10).unwrap_or(&moment).to_owned()
}

/// Answers a decision on one row: accepts the statement, or rejects it with the reason typed
/// in its row; a refused decision shows the page again with the reason kept.
async fn moderate_row(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: DialogueId,
    form: &FormData,
    decision: &str,
    back: &str,
) -> Result<Response, PageError> {
    let (action, statement) = decision.split_once(':').unwrap_or((decision, ""));
    let statement: i64 = statement.trim().parse().map_err(|_| {
        PageError::new(
            StatusCode::BAD_REQUEST,
            asked.text("convening-error-decision-statement", &[]),
        )
    })?;
    let status = match action {
        "accept" => ModerationStatus::Accepted,
        "reject" => ModerationStatus::Rejected,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                asked.text("convening-error-decision-one", &[]),
            ));
        }
    };
    let typed = form.text(&format!("reason-{statement}")).to_owned();
    // An acceptance ignores a reason typed in the row: only a rejection keeps one.
    let reason = (status == ModerationStatus::Rejected).then_some(typed.as_str());
    match service::moderate_one(
        state,
        &convenor.current,
        id,
        StatementId(statement),
        status,
        reason,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("{back}&updated=1")).into_response()),
        Err(error @ ApiError::Client { .. }) if error.code() == ErrorCode::ValidationFailed => {
            let query = ModerationQuery {
                status: form.get("status").map(str::to_owned),
                after: None,
                updated: None,
            };
            let message = asked.text(
                "convening-error-reason",
                &[("message", said_in(asked.language, &error).into())],
            );
            let refusal = RowRefusal {
                id: statement,
                message,
                reason: typed,
            };
            render(state, convenor, asked, id, &query, Some(refusal)).await
        }
        Err(error) => Err(error.into()),
    }
}

/// Answers `POST /convenor/dialogues/{id}/moderation`: accepts or rejects the ticked
/// statements.
pub async fn moderate(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let (filter, _) = status_filter(form.get("status"));
    let back = format!("/convenor/dialogues/{id}/moderation?status={filter}");
    // The form was posted to the page's own address; its switcher keeps the tab.
    let tab = format!("status={filter}");
    let asked = Asked::read(language, Some(&tab));
    if let Some(decision) = form.get("row") {
        let decision = decision.to_owned();
        return moderate_row(&state, &convenor, asked, id, &form, &decision, &back).await;
    }
    let status = match form.text("action") {
        "accept" => ModerationStatus::Accepted,
        "reject" => ModerationStatus::Rejected,
        "pending" => ModerationStatus::Pending,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                asked.text("convening-error-decision-many", &[]),
            ));
        }
    };
    let ids: Vec<StatementId> = form
        .get_all("statement")
        .into_iter()
        .filter_map(|value| value.trim().parse().ok())
        .map(StatementId)
        .collect();
    if ids.is_empty() {
        return Ok(Redirect::to(&back).into_response());
    }
    let updated = service::moderate_many(&state, &convenor.current, id, &ids, status).await?;
    Ok(Redirect::to(&format!("{back}&updated={updated}")).into_response())
}
