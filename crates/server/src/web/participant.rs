//! The participant's pages: joining a dialogue, voting on one statement at a time, writing a
//! statement, and seeing where they stand on the opinion map.
//!
//! Every action is a plain form post answered by a redirect, so the pages work without
//! JavaScript; the script only makes voting quicker. The changes themselves go through the
//! API's handlers, so a vote cast here is the same as one cast through the API.

use std::collections::BTreeSet;

use axum::body::to_bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use model::{DialogueId, ModerationPolicy, ReportVisibility};
use serde::Serialize;
use store::{Dialogue, Participant};

use crate::api::{JoinRequest, NextStatement, SubmitStatementRequest, VoteBody, VoteRequest};
use crate::auth::CurrentParticipant;
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorCode};
use crate::extract::{ApiJson, ApiPath};
use crate::routes::participation;
use crate::state::AppState;

use super::forms::FormData;
use super::map::MapView;
use super::page_error::{PageError, is_unauthenticated};
use super::render::{Layout, page};
use super::report;

/// The longest statement a participant may write, in characters.
const MAX_STATEMENT_CHARS: usize = 280;

/// How many votes a participant needs before the map can place them: Pol.is clusters people
/// who voted on at least seven statements (or on all of them, when there are fewer).
const VOTES_TO_BE_PLACED: usize = 7;

/// The dialogue as the participant's pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct DialogueSummary {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its question.
    pub question: String,
    /// Its description, one entry per paragraph.
    pub description: Vec<String>,
    /// The constituencies participants may say they belong to.
    pub constituencies: Vec<String>,
    /// Whether participants may write statements.
    pub allows_statements: bool,
    /// Whether anyone may read the report.
    pub report_is_public: bool,
    /// Whether the dialogue is closed.
    pub is_closed: bool,
}

impl DialogueSummary {
    /// Returns the summary of a dialogue.
    pub fn of(dialogue: &Dialogue) -> DialogueSummary {
        let settings = &dialogue.settings;
        DialogueSummary {
            id: dialogue.id.get(),
            title: settings.title.as_str().to_owned(),
            question: settings.question.as_str().to_owned(),
            description: paragraphs(settings.description.as_str()),
            constituencies: dialogue
                .constituencies
                .iter()
                .map(|constituency| constituency.name.as_str().to_owned())
                .collect(),
            allows_statements: settings.allow_participant_statements,
            report_is_public: settings.report_visibility == ReportVisibility::Public,
            is_closed: !dialogue.is_open,
        }
    }
}

/// Splits text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What the moderation policy means for a participant's statement, in plain words.
pub fn moderation_policy_text(policy: ModerationPolicy) -> &'static str {
    match policy {
        ModerationPolicy::Pre => {
            "A convenor reads every statement before others see it. Statements that are off topic, abusive, or that could identify a person are not accepted."
        }
        ModerationPolicy::Post => {
            "Your statement is shown to others straight away. A convenor may later remove statements that are off topic, abusive, or that could identify a person."
        }
    }
}

#[derive(Serialize)]
struct JoinContext {
    layout: Layout,
    dialogue: DialogueSummary,
}

#[derive(Serialize)]
struct ClosedContext {
    layout: Layout,
    dialogue: DialogueSummary,
}

#[derive(Debug, Serialize)]
struct Progress {
    voted: usize,
    total: usize,
    bar_max: usize,
    needed: usize,
}

#[derive(Debug, Serialize)]
struct StatementToShow {
    id: i64,
    text: String,
}

/// Where the participant stands, or what they need before the map can say.
#[derive(Debug, Serialize)]
struct Stand {
    map: Option<MapView>,
    group: Option<String>,
    group_size: Option<usize>,
    holds: Vec<report::Holding>,
    message: Option<String>,
}

#[derive(Serialize)]
struct VoteContext {
    layout: Layout,
    dialogue: DialogueSummary,
    progress: Progress,
    statement: Option<StatementToShow>,
    notice: Option<&'static str>,
    stand: Option<Stand>,
    your_constituencies: Vec<String>,
}

#[derive(Serialize)]
struct WriteContext {
    layout: Layout,
    dialogue: DialogueSummary,
    policy: &'static str,
    max_chars: usize,
    text: String,
    error: Option<String>,
}

/// Returns the notice named in a query string such as `notice=written`.
fn notice(query: Option<&str>) -> Option<&'static str> {
    let value = query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("notice="))?;
    match value {
        "written" => {
            Some("Thank you. Your statement has been added, and others can now vote on it.")
        }
        "written-pending" => Some(
            "Thank you. Your statement will be shown to others once a convenor has accepted it.",
        ),
        _ => None,
    }
}

fn redirect_to_dialogue(id: i64) -> Response {
    Redirect::to(&format!("/d/{id}")).into_response()
}

/// Answers `GET /d/{id}`: the join page for newcomers, the next statement for participants.
pub async fn dialogue_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    participant: Result<CurrentParticipant, ApiError>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    let summary = DialogueSummary::of(&dialogue);
    let participant = match participant {
        Ok(current) => current.participant,
        Err(error) if is_unauthenticated(&error) || error.code() == ErrorCode::Forbidden => {
            let layout = Layout::public(summary.title.clone());
            if summary.is_closed {
                return Ok(page(
                    "closed.html",
                    ClosedContext {
                        layout,
                        dialogue: summary,
                    },
                )?
                .into_response());
            }
            return Ok(page(
                "join.html",
                JoinContext {
                    layout,
                    dialogue: summary,
                },
            )?
            .into_response());
        }
        Err(error) => return Err(error.into()),
    };
    let statements = participation::visible_statements(&state, dialogue.id).await?;
    let visible: BTreeSet<i64> = statements
        .iter()
        .map(|statement| statement.id.get())
        .collect();
    let voted = state
        .store()
        .participant_votes(participant.id)
        .await?
        .iter()
        .filter(|vote| visible.contains(&vote.statement.get()))
        .count();
    let statement = if summary.is_closed {
        None
    } else {
        next_statement(&state, &participant).await?
    };
    let stand = stand(&state, &dialogue, &participant, voted, statements.len()).await?;
    let your_constituencies = dialogue
        .constituencies
        .iter()
        .filter(|constituency| participant.constituencies.contains(&constituency.id))
        .map(|constituency| constituency.name.as_str().to_owned())
        .collect();
    let context = VoteContext {
        layout: Layout::public(summary.title.clone()),
        dialogue: summary,
        progress: Progress {
            voted,
            total: statements.len(),
            bar_max: statements.len().max(1),
            needed: VOTES_TO_BE_PLACED.min(statements.len()).max(1),
        },
        statement,
        notice: notice(query.as_deref()),
        stand,
        your_constituencies,
    };
    Ok(page("vote.html", context)?.into_response())
}

/// Asks the API's routing for the participant's next statement.
async fn next_statement(
    state: &AppState,
    participant: &Participant,
) -> Result<Option<StatementToShow>, PageError> {
    let response = participation::next(
        State(state.clone()),
        CurrentParticipant {
            participant: participant.clone(),
        },
    )
    .await?;
    if response.status() == StatusCode::NO_CONTENT {
        return Ok(None);
    }
    let body = to_bytes(response.into_body(), 64 * 1024)
        .await
        .map_err(ApiError::internal)?;
    let next: NextStatement = serde_json::from_slice(&body).map_err(ApiError::internal)?;
    Ok(Some(StatementToShow {
        id: next.statement.id,
        text: next.statement.text,
    }))
}

/// Works out where the participant stands, once they have voted enough to be placed.
async fn stand(
    state: &AppState,
    dialogue: &Dialogue,
    participant: &Participant,
    voted: usize,
    total: usize,
) -> Result<Option<Stand>, PageError> {
    let needed = VOTES_TO_BE_PLACED.min(total);
    if voted == 0 {
        return Ok(None);
    }
    let analysis = report::load(state, dialogue.id).await?;
    let is_placed = analysis
        .as_ref()
        .is_some_and(|analysis| analysis.position_of(participant.id).is_some());
    if voted < needed && !is_placed {
        return Ok(None);
    }
    let Some(analysis) = analysis else {
        return Ok(Some(Stand {
            map: None,
            group: None,
            group_size: None,
            holds: Vec::new(),
            message: Some(
                "The opinion map is being drawn for the first time. Reload this page in a moment to see where you stand."
                    .to_owned(),
            ),
        }));
    };
    let map = analysis.map(Some(participant.id));
    let you = map.as_ref().and_then(|map| map.you.clone());
    let message = match &you {
        None => Some(
            "Your votes are not on the map yet: it is redrawn a few seconds after votes arrive. Reload this page shortly."
                .to_owned(),
        ),
        Some(point) if point.group.is_none() => Some(
            "You are on the map, but the groups are not clear yet. More votes from you and others will show them."
                .to_owned(),
        ),
        Some(_) => None,
    };
    let group_index = you.as_ref().and_then(|point| point.group_index);
    let is_public = dialogue.settings.report_visibility == ReportVisibility::Public;
    let holds = match group_index {
        Some(index) if is_public => analysis.holdings(index),
        _ => Vec::new(),
    };
    Ok(Some(Stand {
        group: you.as_ref().and_then(|point| point.group.clone()),
        group_size: group_index.and_then(|index| analysis.group_size(index)),
        holds,
        message,
        map,
    }))
}

/// Answers `POST /d/{id}/join`: becomes a participant with the chosen constituencies.
pub async fn join(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiPath(id): ApiPath<i64>,
    participant: Result<CurrentParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    if participant.is_ok() {
        return Ok(redirect_to_dialogue(id));
    }
    let constituencies: Vec<String> = form
        .get_all("constituency")
        .into_iter()
        .map(str::to_owned)
        .collect();
    let response = participation::join(
        State(state),
        client,
        ApiPath(id),
        ApiJson(JoinRequest {
            constituencies: Some(constituencies),
        }),
    )
    .await?;
    let mut redirect = redirect_to_dialogue(id);
    if let Some(cookie) = response.headers().get(SET_COOKIE) {
        redirect.headers_mut().insert(SET_COOKIE, cookie.clone());
    }
    Ok(redirect)
}

/// Answers `POST /d/{id}/vote`: records the vote and shows the next statement.
pub async fn vote(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiPath(id): ApiPath<i64>,
    participant: Result<CurrentParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let participant = match participant {
        Ok(participant) => participant,
        Err(error) if is_unauthenticated(&error) => return Ok(redirect_to_dialogue(id)),
        Err(error) => return Err(error.into()),
    };
    let statement_id: i64 = form.text("statement_id").parse().map_err(|_| {
        PageError::new(
            StatusCode::BAD_REQUEST,
            "The vote did not say which statement it is for.",
        )
    })?;
    let vote = match form.text("vote") {
        "agree" => VoteBody::Agree,
        "disagree" => VoteBody::Disagree,
        "pass" => VoteBody::Pass,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                "Choose Agree, Disagree or Pass.",
            ));
        }
    };
    let _accepted = participation::vote(
        State(state),
        client,
        participant,
        ApiJson(VoteRequest {
            statement_id,
            vote,
            idempotency_key: None,
        }),
    )
    .await?;
    Ok(redirect_to_dialogue(id))
}

async fn writable(
    state: &AppState,
    id: i64,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Result<(Dialogue, CurrentParticipant), Response>, PageError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    let participant = match participant {
        Ok(participant) => participant,
        Err(error) if is_unauthenticated(&error) || error.code() == ErrorCode::Forbidden => {
            return Ok(Err(redirect_to_dialogue(id)));
        }
        Err(error) => return Err(error.into()),
    };
    if !dialogue.is_open {
        return Err(PageError::new(
            StatusCode::CONFLICT,
            "This dialogue is closed, so no more statements can be added.",
        ));
    }
    if !dialogue.settings.allow_participant_statements {
        return Err(PageError::new(
            StatusCode::FORBIDDEN,
            "In this dialogue only the convenors write statements.",
        ));
    }
    Ok(Ok((dialogue, participant)))
}

fn write_context(dialogue: &Dialogue, text: String, error: Option<String>) -> WriteContext {
    let summary = DialogueSummary::of(dialogue);
    WriteContext {
        layout: Layout::public(format!("Write a statement · {}", summary.title)),
        dialogue: summary,
        policy: moderation_policy_text(dialogue.settings.moderation),
        max_chars: MAX_STATEMENT_CHARS,
        text,
        error,
    }
}

/// Answers `GET /d/{id}/write`: the form for a new statement.
pub async fn write_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Response, PageError> {
    let (dialogue, _) = match writable(&state, id, participant).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    Ok(page("write.html", write_context(&dialogue, String::new(), None))?.into_response())
}

/// Answers `POST /d/{id}/write`: submits the statement, or shows the form again with what was
/// wrong and the text kept.
pub async fn write(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiPath(id): ApiPath<i64>,
    participant: Result<CurrentParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let (dialogue, participant) = match writable(&state, id, participant).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let text = form.text("text").to_owned();
    let statement_allowance = state.config().max_statements_per_participant;
    let result = participation::submit_statement(
        State(state),
        client,
        participant,
        ApiJson(SubmitStatementRequest { text: text.clone() }),
    )
    .await;
    match result {
        Ok(_) => {
            let notice = match dialogue.settings.moderation {
                ModerationPolicy::Pre => "written-pending",
                ModerationPolicy::Post => "written",
            };
            Ok(Redirect::to(&format!("/d/{id}?notice={notice}")).into_response())
        }
        Err(error) => {
            let message = match &error {
                ApiError::DuplicateStatement { .. } => {
                    "This dialogue already has a statement saying the same. Vote on it, or say something new.".to_owned()
                }
                ApiError::Client { code, .. } if *code == ErrorCode::ValidationFailed => format!(
                    "A statement must be between 1 and {MAX_STATEMENT_CHARS} characters long."
                ),
                ApiError::Client { code, .. } if *code == ErrorCode::StatementLimitReached => format!(
                    "You have written as many statements as one person may in this dialogue ({statement_allowance}). Thank you: please vote on the others' statements now."
                ),
                _ => return Err(error.into()),
            };
            let status = error.code().status();
            let body = page("write.html", write_context(&dialogue, text, Some(message)))?;
            Ok((status, body).into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_split_into_paragraphs_at_blank_lines() {
        assert_eq!(
            paragraphs("First line\nstill first.\r\n\r\n\n Second. \n\n"),
            vec!["First line\nstill first.".to_owned(), "Second.".to_owned()]
        );
        assert!(paragraphs("   ").is_empty());
    }

    #[test]
    fn only_known_notices_are_shown() {
        assert!(notice(Some("notice=written")).is_some());
        assert!(notice(Some("x=1&notice=written-pending")).is_some());
        assert_eq!(notice(Some("notice=<script>")), None);
        assert_eq!(notice(None), None);
    }
}
