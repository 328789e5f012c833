//! The convenors' moderation page: one page of a dialogue's statements, filtered by status,
//! with a form that accepts or rejects the ticked ones through [`super::service`].

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{DialogueId, ModerationStatus, StatementId};
use serde::{Deserialize, Serialize};

use crate::dialogues::DialogueSummary;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::forms::FormData;
use crate::web::page_error::PageError;
use crate::web::render::{Layout, page};
use crate::web::security::PageConvenor;

use super::service;

/// How many statements one page of the moderation queue shows.
const MODERATION_PAGE: u32 = 50;

#[derive(Serialize)]
struct ModerationRow {
    id: i64,
    text: String,
    status: &'static str,
    is_from_participant: bool,
}

#[derive(Serialize)]
struct StatusTab {
    value: &'static str,
    label: &'static str,
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

fn status_word(status: ModerationStatus) -> &'static str {
    match status {
        ModerationStatus::Pending => "waiting",
        ModerationStatus::Accepted => "accepted",
        ModerationStatus::Rejected => "rejected",
    }
}

/// Answers `GET /convenor/dialogues/{id}/moderation`: one page of the queue.
pub async fn moderation_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<ModerationQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let (status, filter) = status_filter(query.status.as_deref());
    let after = query
        .after
        .as_deref()
        .and_then(|value| value.parse::<i64>().ok())
        .map(StatementId);
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let listed = service::list(
        &state,
        &convenor.current,
        id,
        filter,
        after,
        MODERATION_PAGE,
    )
    .await?;
    let counts = state.store().count_statements(dialogue.id).await?;
    let notice = query
        .updated
        .as_deref()
        .and_then(|value| value.parse::<u64>().ok())
        .map(|updated| match updated {
            1 => "1 statement updated.".to_owned(),
            many => format!("{many} statements updated."),
        });
    let tabs = [
        ("pending", "Waiting"),
        ("accepted", "Accepted"),
        ("rejected", "Rejected"),
        ("all", "All"),
    ]
    .into_iter()
    .map(|(value, label)| StatusTab {
        value,
        label,
        is_current: value == status,
    })
    .collect();
    let summary = DialogueSummary::of(&dialogue);
    let context = ModerationContext {
        layout: convenor.layout(format!("Moderation · {}", summary.title)),
        dialogue: summary,
        rows: listed
            .statements
            .into_iter()
            .map(|statement| ModerationRow {
                id: statement.id.get(),
                status: status_word(statement.moderation),
                is_from_participant: !statement.is_seed,
                text: statement.text,
            })
            .collect(),
        status,
        tabs,
        next_after: listed.next_after.map(StatementId::get),
        is_first_page: after.is_none(),
        pending: counts.pending,
        notice,
    };
    Ok(page("moderation.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/moderation`: accepts or rejects the ticked
/// statements.
pub async fn moderate(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let status = match form.text("action") {
        "accept" => ModerationStatus::Accepted,
        "reject" => ModerationStatus::Rejected,
        "pending" => ModerationStatus::Pending,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                "Choose whether to accept or reject the statements.",
            ));
        }
    };
    let ids: Vec<StatementId> = form
        .get_all("statement")
        .into_iter()
        .filter_map(|value| value.trim().parse().ok())
        .map(StatementId)
        .collect();
    let (filter, _) = status_filter(form.get("status"));
    let back = format!("/convenor/dialogues/{id}/moderation?status={filter}");
    if ids.is_empty() {
        return Ok(Redirect::to(&back).into_response());
    }
    let updated = service::moderate_many(&state, &convenor.current, id, &ids, status).await?;
    Ok(Redirect::to(&format!("{back}&updated={updated}")).into_response())
}
