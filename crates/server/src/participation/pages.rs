//! The participant's pages: joining a dialogue, voting on one statement at a time, writing a
//! statement, seeing where they stand on the opinion map, and "Your data" with its erasure.
//!
//! Every action is a plain form post answered by a redirect, so the pages work without
//! JavaScript; the script only makes voting quicker. The changes themselves go through
//! [`super::service`], so a vote cast here is the same as one cast through the API.
//!
//! The erase form carries a token derived from the participant's own token, as convenors'
//! forms carry one derived from their session, so another site cannot make a browser erase
//! its participant.

use std::collections::BTreeSet;

use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{
    DialogueId, DialogueStatus, ModerationPolicy, ReportVisibility, StatementId, StatementText,
};
use serde::{Deserialize, Serialize};
use store::{Dialogue, Participant};

use crate::api::{DataErased, ModerationStatusBody, MyData, MyVote, ShownVersion, VoteBody};
use crate::auth::{CurrentParticipant, participant_cookie_name, presented_token};
use crate::client::ClientAddress;
use crate::dialogues::DialogueSummary;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::priorities::service as priorities_service;
use crate::report;
use crate::report::map::MapView;
use crate::state::AppState;
use crate::versions::easy_read::EasyRead;
use crate::versions::service::{self as versions, Reading};
use crate::web::catalogue::{date_time, text};
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::said_in;
use crate::web::page_error::{PageError, is_unauthenticated};
use crate::web::refusals::text_refusal;
use crate::web::render::{Layout, page};
use crate::web::security::{CSRF_FIELD, csrf_token, same_secret};

use super::service;

/// The longest statement a participant may write, in characters.
const MAX_STATEMENT_CHARS: usize = 280;

/// How many votes a participant needs before the map can place them: Pol.is clusters people
/// who voted on at least seven statements (or on all of them, when there are fewer).
const VOTES_TO_BE_PLACED: usize = 7;

#[derive(Serialize)]
struct JoinContext {
    layout: Layout,
    dialogue: DialogueSummary,
    /// Whether the reader chose easy read.
    easy_read: bool,
}

#[derive(Serialize)]
struct ClosedContext {
    layout: Layout,
    dialogue: DialogueSummary,
    /// The published outcomes that cite this dialogue ("what came of this"), if any.
    outcomes_url: Option<String>,
    /// The open priority lists drafted from this dialogue: what the partnership does next.
    following_lists: Vec<crate::priorities::service::FollowingList>,
}

#[derive(Debug, Serialize)]
struct Progress {
    voted: usize,
    total: usize,
    bar_max: usize,
    needed: usize,
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
    /// The next statement, in the reader's language (or easy read) where it has a version.
    statement: Option<Reading>,
    /// Whether the reader chose easy read: larger type, simpler words, symbols.
    easy_read: bool,
    notice: Option<String>,
    stand: Option<Stand>,
    your_constituencies: Vec<String>,
    /// The published outcomes that cite this dialogue ("what came of this"), if any.
    outcomes_url: Option<String>,
    /// The open priority lists drafted from this dialogue: what the partnership does next.
    following_lists: Vec<crate::priorities::service::FollowingList>,
    /// The round the dialogue is in, from its second round on.
    round: Option<RoundBanner>,
}

/// The round a dialogue is in, named at the top of its vote page from the second round on.
#[derive(Serialize)]
struct RoundBanner {
    number: u32,
    label: String,
}

#[derive(Serialize)]
struct WriteContext {
    layout: Layout,
    dialogue: DialogueSummary,
    policy: String,
    max_chars: usize,
    text: String,
    error: Option<String>,
}

/// The query string of the dialogue page after a statement was written.
#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// Returns the notice named in a query string such as `notice=written`, in the page's language.
fn notice(language: Language, query: &NoticeQuery) -> Option<String> {
    let key = match query.notice.as_deref()? {
        "written" => "notice-written",
        "written-pending" => "notice-written-pending",
        "written-translation" => "version-notice-waiting",
        "vote-changed" => "notice-vote-changed",
        "constituencies-changed" => "notice-groups-changed",
        "flagged" => "notice-flagged",
        _ => return None,
    };
    Some(text(language, key, &[]))
}

/// Says a wait in words: "a second", "12 seconds", "3 minutes".
fn seconds_in_words(language: Language, seconds: u64) -> String {
    match seconds {
        0..=90 => text(
            language,
            "wait-seconds",
            &[("seconds", seconds.max(1).into())],
        ),
        _ => text(
            language,
            "wait-minutes",
            &[("minutes", seconds.div_ceil(60).into())],
        ),
    }
}

/// Says how a dialogue moderates statements, as the writing page tells its author.
fn policy_words(language: Language, policy: ModerationPolicy) -> String {
    let key = match policy {
        ModerationPolicy::Pre => "write-policy-pre",
        ModerationPolicy::Post => "write-policy-post",
    };
    text(language, key, &[])
}

/// The published outcomes page that cites this dialogue, if there is one.
async fn outcomes_link(state: &AppState, dialogue: &Dialogue) -> Result<Option<String>, PageError> {
    Ok(crate::settlements::accountability::service::outcomes_link(state, dialogue).await?)
}

fn redirect_to_dialogue(id: DialogueId) -> Response {
    Redirect::to(&format!("/d/{id}")).into_response()
}

/// Answers `GET /d/{id}`: the join page for newcomers, the next statement for participants.
pub async fn dialogue_page(
    State(state): State<AppState>,
    language: Language,
    EasyRead(easy_read): EasyRead,
    ApiPath(id): ApiPath<DialogueId>,
    participant: Result<CurrentParticipant, ApiError>,
    query: Result<Query<NoticeQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    let summary = DialogueSummary::in_language(language, &dialogue, state.now_ms());
    let participant = match participant {
        Ok(current) => current.participant,
        Err(error) if is_unauthenticated(&error) || error.code() == ErrorCode::Forbidden => {
            let layout = Layout::translated(language, summary.title.clone());
            // Before its opening time, as after its closing, the page says when, not how to join.
            if summary.is_closed || summary.is_not_yet_open {
                return Ok(page(
                    "closed.html",
                    ClosedContext {
                        layout,
                        dialogue: summary,
                        outcomes_url: outcomes_link(&state, &dialogue).await?,
                        following_lists: priorities_service::lists_following(&state, &dialogue)
                            .await?,
                    },
                )?
                .into_response());
            }
            return Ok(page(
                "join.html",
                JoinContext {
                    layout,
                    dialogue: summary,
                    easy_read,
                },
            )?
            .into_response());
        }
        Err(error) => return Err(error.into()),
    };
    let statements = service::visible_statements(&state, dialogue.id).await?;
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
    let statement = if summary.is_closed || summary.is_not_yet_open {
        None
    } else {
        match service::next_statement(&state, &participant).await? {
            Some(statement) => {
                let readings = versions::readings(&state, dialogue.id).await?;
                Some(readings.read(&statement, language, easy_read))
            }
            None => None,
        }
    };
    let stand = stand(
        &state,
        language,
        &dialogue,
        &participant,
        voted,
        statements.len(),
    )
    .await?;
    let your_constituencies = dialogue
        .constituencies
        .iter()
        .filter(|constituency| participant.constituencies.contains(&constituency.id))
        .map(|constituency| constituency.name.as_str().to_owned())
        .collect();
    let context = VoteContext {
        layout: Layout::translated(language, summary.title.clone()),
        dialogue: summary,
        progress: Progress {
            voted,
            total: statements.len(),
            bar_max: statements.len().max(1),
            needed: VOTES_TO_BE_PLACED.min(statements.len()).max(1),
        },
        statement,
        easy_read,
        notice: notice(
            language,
            &query.map(|Query(query)| query).unwrap_or_default(),
        ),
        stand,
        your_constituencies,
        outcomes_url: outcomes_link(&state, &dialogue).await?,
        following_lists: priorities_service::lists_following(&state, &dialogue).await?,
        round: round_banner(&state, dialogue.id).await?,
    };
    Ok(page("vote.html", context)?.into_response())
}

/// Names the round a dialogue is in, once it is past its first.
async fn round_banner(
    state: &AppState,
    dialogue: DialogueId,
) -> Result<Option<RoundBanner>, ApiError> {
    let now = state.store().round_now(dialogue).await?;
    Ok((now.number > 1).then_some(RoundBanner {
        number: now.number,
        label: now.label,
    }))
}

/// Works out where the participant stands, once they have voted enough to be placed.
async fn stand(
    state: &AppState,
    language: Language,
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
            message: Some(text(language, "stand-first-drawing", &[])),
        }));
    };
    let map = analysis.map(language, Some(participant.id));
    let you = map.as_ref().and_then(|map| map.you.clone());
    let message = match &you {
        None => Some(text(language, "stand-not-on-map", &[])),
        Some(point) if point.group.is_none() => Some(text(language, "stand-no-groups-yet", &[])),
        Some(_) => None,
    };
    let group_index = you.as_ref().and_then(|point| point.group_index);
    let is_public = dialogue.settings.report_visibility == ReportVisibility::Public;
    let holds = match group_index {
        Some(index) if is_public => analysis.holdings(language, index),
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
    ApiPath(id): ApiPath<DialogueId>,
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
    let (participant, token) = service::join(&state, client, id, &constituencies).await?;
    let cookie = service::participant_cookie(&state, participant.dialogue, &token);
    let mut redirect = redirect_to_dialogue(id);
    let cookie = HeaderValue::from_str(&cookie).map_err(ApiError::internal)?;
    redirect.headers_mut().insert(SET_COOKIE, cookie);
    Ok(redirect)
}

/// Answers `POST /d/{id}/vote`: records the vote and shows the next statement.
pub async fn vote(
    State(state): State<AppState>,
    language: Language,
    client: ClientAddress,
    ApiPath(id): ApiPath<DialogueId>,
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
            text(language, "vote-missing-statement", &[]),
        )
    })?;
    let vote = match form.text("vote") {
        "agree" => VoteBody::Agree,
        "disagree" => VoteBody::Disagree,
        "pass" => VoteBody::Pass,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                text(language, "vote-missing-choice", &[]),
            ));
        }
    };
    service::vote(
        &state,
        client,
        &participant.participant,
        StatementId(statement_id),
        vote,
        None,
    )
    .await?;
    if form.text("return") == "me" {
        return Ok(Redirect::to(&format!("/d/{id}/me?notice=vote-changed#votes")).into_response());
    }
    Ok(redirect_to_dialogue(id))
}

async fn writable(
    state: &AppState,
    language: Language,
    id: DialogueId,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Result<(Dialogue, CurrentParticipant), Response>, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    let participant = match participant {
        Ok(participant) => participant,
        Err(error) if is_unauthenticated(&error) || error.code() == ErrorCode::Forbidden => {
            return Ok(Err(redirect_to_dialogue(id)));
        }
        Err(error) => return Err(error.into()),
    };
    match dialogue.status_at(state.now_ms()) {
        DialogueStatus::Open => {}
        DialogueStatus::Closed => {
            return Err(PageError::new(
                StatusCode::CONFLICT,
                text(language, "write-closed", &[]),
            ));
        }
        DialogueStatus::NotYetOpen { opens_at } => {
            return Err(PageError::new(
                StatusCode::CONFLICT,
                text(
                    language,
                    "write-not-open",
                    &[("opens", date_time(language, opens_at).into())],
                ),
            ));
        }
    }
    if !dialogue.settings.allow_participant_statements {
        return Err(PageError::new(
            StatusCode::FORBIDDEN,
            text(language, "write-not-taking", &[]),
        ));
    }
    Ok(Ok((dialogue, participant)))
}

fn write_context(
    state: &AppState,
    language: Language,
    dialogue: &Dialogue,
    written: String,
    error: Option<String>,
) -> WriteContext {
    let summary = DialogueSummary::in_language(language, dialogue, state.now_ms());
    let title = text(
        language,
        "write-title",
        &[("dialogue", summary.title.clone().into())],
    );
    WriteContext {
        layout: Layout::translated(language, title),
        dialogue: summary,
        policy: policy_words(language, dialogue.settings.moderation),
        max_chars: MAX_STATEMENT_CHARS,
        text: written,
        error,
    }
}

/// Answers `GET /d/{id}/write`: the form for a new statement.
pub async fn write_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Response, PageError> {
    let (dialogue, _) = match writable(&state, language, id, participant).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    Ok(page(
        "write.html",
        write_context(&state, language, &dialogue, String::new(), None),
    )?
    .into_response())
}

/// Answers `POST /d/{id}/write`: submits the statement, or shows the form again with what was
/// wrong and the text kept.
pub async fn write(
    State(state): State<AppState>,
    language: Language,
    client: ClientAddress,
    ApiPath(id): ApiPath<DialogueId>,
    participant: Result<CurrentParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let (dialogue, participant) = match writable(&state, language, id, participant).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let written = form.text("text").to_owned();
    let statement_allowance = state.config().max_statements_per_participant;
    // A statement written on a page in another language than the dialogue's is taken to be
    // in the page's language, and may wait for a translation.
    let result = service::submit_statement(
        &state,
        client,
        &participant.participant,
        &written,
        Some(language),
    )
    .await;
    match result {
        Ok(statement) => {
            // A statement screening holds sends its author to the page that says so, with the
            // partnership's signposting text for a possible disclosure.
            if let Some(held) =
                crate::safeguarding::pages::after_writing(&state, &statement).await?
            {
                return Ok(held);
            }
            let readings = versions::readings(&state, dialogue.id).await?;
            // Says what "Your data" says: whether others are shown the statement now.
            let notice = if readings.is_waiting(statement.id) {
                "written-translation"
            } else if statement
                .moderation
                .is_visible_under(dialogue.settings.moderation)
            {
                "written"
            } else {
                "written-pending"
            };
            Ok(Redirect::to(&format!("/d/{id}?notice={notice}")).into_response())
        }
        Err(error) => {
            let message = match &error {
                ApiError::DuplicateStatement { .. } => text(language, "write-duplicate", &[]),
                // Says what is wrong: the length, or characters that cannot be seen or that
                // could disguise the text.
                ApiError::Client { code, .. } if *code == ErrorCode::ValidationFailed => {
                    match StatementText::parse(&written) {
                        Err(refusal) => text_refusal(language, &refusal),
                        Ok(_) => said_in(language, &error),
                    }
                }
                ApiError::Client { code, .. } if *code == ErrorCode::StatementLimitReached => text(
                    language,
                    "write-limit-reached",
                    &[("limit", statement_allowance.into())],
                ),
                ApiError::RateLimited { retry_after_secs } => text(
                    language,
                    "write-too-fast",
                    &[("wait", seconds_in_words(language, *retry_after_secs).into())],
                ),
                _ => return Err(error.into()),
            };
            let status = error.code().status();
            let body = page(
                "write.html",
                write_context(
                    &state,
                    language,
                    &dialogue,
                    written,
                    Some(text(
                        language,
                        "write-error",
                        &[("message", message.into())],
                    )),
                ),
            )?;
            let mut response = (status, body).into_response();
            if let ApiError::RateLimited { retry_after_secs } = error {
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from(retry_after_secs));
            }
            Ok(response)
        }
    }
}

// "Your data" and its erasure.

/// The checkbox a participant ticks to confirm the erasure.
const CONFIRM_FIELD: &str = "confirm";

/// Returns the participant, or the answer for someone who is not one: newcomers and holders
/// of another dialogue's token are sent to the dialogue's start page.
fn participant_or_redirect(
    id: DialogueId,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Result<CurrentParticipant, Response>, PageError> {
    match participant {
        Ok(participant) => Ok(Ok(participant)),
        Err(error) if is_unauthenticated(&error) || error.code() == ErrorCode::Forbidden => {
            Ok(Err(Redirect::to(&format!("/d/{id}")).into_response()))
        }
        Err(error) => Err(error.into()),
    }
}

/// A vote as the page lists it.
#[derive(Debug, Serialize)]
struct VoteRow {
    /// The statement in the reader's version, with the original.
    statement: Reading,
    vote: String,
    when: String,
    is_latest: bool,
}

/// A statement the participant wrote, as the page lists it.
#[derive(Debug, Serialize)]
struct StatementRow {
    /// The statement in the reader's version, with the original.
    statement: Reading,
    status: String,
    reason: Option<String>,
    when: String,
}

/// A statement the participant voted on and can vote on again.
#[derive(Debug, Serialize)]
struct ChangeableVote {
    statement_id: i64,
    /// The statement in the reader's version, with the original.
    statement: Reading,
    vote: String,
    choice: &'static str,
}

/// Returns the statement a vote names as the page shows it.
fn vote_reading(vote: &MyVote) -> Reading {
    ShownVersion::reading(
        vote.statement_id,
        &vote.statement_text,
        &vote.statement_language,
        vote.statement_version.as_ref(),
    )
}

#[derive(Serialize)]
struct MyDataContext {
    layout: Layout,
    dialogue_id: i64,
    dialogue_title: String,
    participant_id: i64,
    joined: String,
    constituencies: Vec<String>,
    votes: Vec<VoteRow>,
    n_latest_votes: usize,
    statements: Vec<StatementRow>,
    changeable: Vec<ChangeableVote>,
    is_closed: bool,
    has_constituencies: bool,
    notice: Option<String>,
}

#[derive(Serialize)]
struct EraseContext {
    layout: Layout,
    dialogue_id: i64,
    dialogue_title: String,
    is_closed: bool,
    n_votes: usize,
    n_statements: usize,
    csrf: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct ErasedContext {
    layout: Layout,
    dialogue_id: i64,
    dialogue_title: String,
    is_closed: bool,
    erased: DataErased,
}

/// Writes an RFC 3339 moment as "2025-03-01 14:05 UTC" for people to read.
fn readable_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => rfc3339.to_owned(),
    }
}

fn vote_word(language: Language, vote: VoteBody) -> String {
    let key = match vote {
        VoteBody::Agree => "vote-word-agree",
        VoteBody::Disagree => "vote-word-disagree",
        VoteBody::Pass => "vote-word-pass",
    };
    text(language, key, &[])
}

/// Says where a statement the participant wrote stands, from its moderation status and
/// whether others are shown it (a statement waiting under moderation after the fact is shown).
fn status_words(language: Language, status: ModerationStatusBody, is_shown: bool) -> String {
    let key = match (status, is_shown) {
        (ModerationStatusBody::Rejected, _) => "status-rejected",
        (ModerationStatusBody::Accepted, _) => "status-accepted",
        (ModerationStatusBody::Pending, true) => "status-pending-shown",
        (ModerationStatusBody::Pending, false) => "status-pending",
    };
    text(language, key, &[])
}

fn vote_value(vote: VoteBody) -> &'static str {
    match vote {
        VoteBody::Agree => "agree",
        VoteBody::Disagree => "disagree",
        VoteBody::Pass => "pass",
    }
}

/// What "Your data" shows besides the participant's data: the votes they can change, whether
/// the dialogue is closed, and the notice of the last change.
struct MyDataPage {
    language: Language,
    votable: BTreeSet<i64>,
    is_closed: bool,
    has_constituencies: bool,
    notice: Option<String>,
}

fn my_data_context(data: MyData, extra: MyDataPage) -> MyDataContext {
    let language = extra.language;
    let n_latest_votes = data.votes.iter().filter(|vote| vote.is_latest).count();
    let changeable = if extra.is_closed {
        Vec::new()
    } else {
        data.votes
            .iter()
            .filter(|vote| vote.is_latest && extra.votable.contains(&vote.statement_id))
            .map(|vote| ChangeableVote {
                statement_id: vote.statement_id,
                statement: vote_reading(vote),
                vote: vote_word(language, vote.vote),
                choice: vote_value(vote.vote),
            })
            .collect()
    };
    MyDataContext {
        changeable,
        is_closed: extra.is_closed,
        has_constituencies: extra.has_constituencies,
        notice: extra.notice,
        layout: Layout::translated(
            language,
            text(
                language,
                "my-data-title",
                &[("dialogue", data.dialogue_title.clone().into())],
            ),
        ),
        dialogue_id: data.dialogue_id,
        dialogue_title: data.dialogue_title,
        participant_id: data.participant_id,
        joined: readable_time(&data.joined_at),
        constituencies: data.constituencies,
        n_latest_votes,
        votes: data
            .votes
            .into_iter()
            .map(|vote| VoteRow {
                statement: vote_reading(&vote),
                vote: vote_word(language, vote.vote),
                when: readable_time(&vote.cast_at),
                is_latest: vote.is_latest,
            })
            .collect(),
        statements: data
            .statements
            .into_iter()
            .map(|statement| StatementRow {
                statement: ShownVersion::reading(
                    statement.id,
                    &statement.text,
                    &statement.language,
                    statement.version.as_ref(),
                ),
                status: status_words(language, statement.status, statement.is_shown),
                reason: statement.rejection_reason,
                when: readable_time(&statement.created_at),
            })
            .collect(),
    }
}

/// Keeps pages that show personal data out of caches.
fn not_stored(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Answers `GET /d/{id}/me`: everything the dialogue holds about the participant, with a
/// download link and the way to erase it.
pub async fn my_data_page(
    State(state): State<AppState>,
    language: Language,
    EasyRead(easy_read): EasyRead,
    ApiPath(id): ApiPath<DialogueId>,
    participant: Result<CurrentParticipant, ApiError>,
    query: Result<Query<NoticeQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let data = service::my_data(&state, &participant, language, easy_read).await?;
    let votable = service::visible_statements(&state, dialogue.id)
        .await?
        .iter()
        .map(|statement| statement.id.get())
        .collect();
    let extra = MyDataPage {
        language,
        votable,
        is_closed: dialogue.is_closed_at(state.now_ms()),
        has_constituencies: !dialogue.constituencies.is_empty(),
        notice: notice(
            language,
            &query.map(|Query(query)| query).unwrap_or_default(),
        ),
    };
    let body = page("my_data.html", my_data_context(data, extra))?;
    Ok(not_stored(body.into_response()))
}

// Changing the constituencies a participant belongs to.

/// One constituency on the form, ticked when the participant belongs to it.
#[derive(Debug, Serialize)]
struct ConstituencyChoice {
    name: String,
    is_chosen: bool,
}

#[derive(Serialize)]
struct ConstituenciesContext {
    layout: Layout,
    dialogue_id: i64,
    dialogue_title: String,
    choices: Vec<ConstituencyChoice>,
    error: Option<String>,
}

fn constituencies_context(
    language: Language,
    dialogue: &Dialogue,
    chosen: &[String],
    error: Option<String>,
) -> ConstituenciesContext {
    let title = dialogue.settings.title.as_str().to_owned();
    ConstituenciesContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "groups-title",
                &[("dialogue", title.clone().into())],
            ),
        ),
        dialogue_id: dialogue.id.get(),
        dialogue_title: title,
        choices: dialogue
            .constituencies
            .iter()
            .map(|constituency| ConstituencyChoice {
                name: constituency.name.as_str().to_owned(),
                is_chosen: chosen
                    .iter()
                    .any(|name| name.trim() == constituency.name.as_str()),
            })
            .collect(),
        error,
    }
}

/// Answers `GET /d/{id}/me/constituencies`: the form that changes the groups a participant
/// belongs to, with their current ones ticked.
pub async fn constituencies_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let chosen = service::constituency_names(&dialogue, &participant);
    let body = page(
        "constituencies.html",
        constituencies_context(language, &dialogue, &chosen, None),
    )?;
    Ok(not_stored(body.into_response()))
}

/// Answers `POST /d/{id}/me/constituencies`: changes the groups, or shows the form again with
/// what was ticked and what was wrong.
pub async fn change_constituencies(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    participant: Result<CurrentParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let chosen: Vec<String> = form
        .get_all("constituency")
        .into_iter()
        .map(str::to_owned)
        .collect();
    match service::change_constituencies(&state, &participant, &chosen).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/d/{id}/me?notice=constituencies-changed")).into_response())
        }
        Err(error @ ApiError::Client { .. }) => {
            let message = text(
                language,
                "groups-error",
                &[("message", said_in(language, &error).into())],
            );
            let known: Vec<String> = chosen
                .into_iter()
                .filter(|name| {
                    dialogue
                        .constituencies
                        .iter()
                        .any(|constituency| constituency.name.as_str() == name.trim())
                })
                .collect();
            let body = page(
                "constituencies.html",
                constituencies_context(language, &dialogue, &known, Some(message)),
            )?;
            Ok(not_stored((error.code().status(), body).into_response()))
        }
        Err(error) => Err(error.into()),
    }
}

fn erase_context(
    now: i64,
    language: Language,
    dialogue: &Dialogue,
    data: &MyData,
    csrf: String,
    error: Option<String>,
) -> EraseContext {
    EraseContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "erase-title",
                &[("dialogue", data.dialogue_title.clone().into())],
            ),
        ),
        dialogue_id: data.dialogue_id,
        dialogue_title: data.dialogue_title.clone(),
        is_closed: dialogue.is_closed_at(now),
        n_votes: data.votes.iter().filter(|vote| vote.is_latest).count(),
        n_statements: data.statements.len(),
        csrf,
        error,
    }
}

/// Answers `GET /d/{id}/me/erase`: what erasing removes, and the form that confirms it.
pub async fn erase_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    headers: HeaderMap,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let token = presented_token(&headers, &participant_cookie_name(dialogue.id))
        .ok_or_else(ApiError::unauthenticated)?;
    let data = service::my_data(&state, &participant, language, false).await?;
    let context = erase_context(
        state.now_ms(),
        language,
        &dialogue,
        &data,
        csrf_token(&token),
        None,
    );
    Ok(not_stored(page("erase.html", context)?.into_response()))
}

/// Answers `POST /d/{id}/me/erase`: checks the form's token and the confirmation, erases the
/// participant, removes their cookie and says what was removed.
pub async fn erase(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    headers: HeaderMap,
    participant: Result<CurrentParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let token = presented_token(&headers, &participant_cookie_name(dialogue.id))
        .ok_or_else(ApiError::unauthenticated)?;
    let expected = csrf_token(&token);
    if !form
        .get(CSRF_FIELD)
        .is_some_and(|sent| same_secret(sent, &expected))
    {
        return Err(PageError::new(
            StatusCode::FORBIDDEN,
            text(language, "erase-form-expired", &[]),
        ));
    }
    if !form.is_checked(CONFIRM_FIELD) {
        let data = service::my_data(&state, &participant, language, false).await?;
        let context = erase_context(
            state.now_ms(),
            language,
            &dialogue,
            &data,
            expected,
            Some(text(language, "erase-not-confirmed", &[])),
        );
        let body = page("erase.html", context)?;
        return Ok(not_stored(
            (StatusCode::UNPROCESSABLE_ENTITY, body).into_response(),
        ));
    }
    let erased = service::erase(&state, &participant).await?;
    let cookie = service::clear_participant_cookie(&state, dialogue.id);
    let context = ErasedContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "erased-title",
                &[(
                    "dialogue",
                    dialogue.settings.title.as_str().to_owned().into(),
                )],
            ),
        ),
        dialogue_id: dialogue.id.get(),
        dialogue_title: dialogue.settings.title.as_str().to_owned(),
        is_closed: dialogue.is_closed_at(state.now_ms()),
        erased,
    };
    let mut response = not_stored(page("erased.html", context)?.into_response());
    let cookie = HeaderValue::from_str(&cookie).map_err(ApiError::internal)?;
    response.headers_mut().append(SET_COOKIE, cookie);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_notices_are_shown() {
        let query = |notice: Option<&str>| NoticeQuery {
            notice: notice.map(str::to_owned),
        };
        let english = Language::English;
        assert!(super::notice(english, &query(Some("written"))).is_some());
        assert!(super::notice(english, &query(Some("written-pending"))).is_some());
        assert_eq!(super::notice(english, &query(Some("<script>"))), None);
        assert_eq!(super::notice(english, &query(None)), None);
    }

    #[test]
    fn moments_read_as_day_and_minute_in_utc() {
        assert_eq!(
            readable_time("2025-03-01T14:05:09.123Z"),
            "2025-03-01 14:05 UTC"
        );
        assert_eq!(readable_time("odd"), "odd");
    }
}
