//! The participant's pages of a priority list and its public results: joining with the
//! constituencies a person belongs to, comparing two options at a time (with "can't decide"
//! and a reason), adding an option, "Your data" with its download and erasure, and the
//! results page.
//!
//! Every action is a plain form post answered by a redirect, so the pages work without
//! JavaScript; the script `priorities.js` only adds keyboard shortcuts. Every change goes
//! through [`super::service`], so a comparison made here is the same as one made through the
//! API. The forms a participant posts carry a token derived from their own token, so another
//! site cannot make their browser compare, add or erase; each comparison form also carries an
//! idempotency key for its pair, so sending the same form twice records one comparison.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{ComparisonChoice, OptionOrigin, PriorityListId, PriorityOptionId, UndecidedReason};
use serde::{Deserialize, Serialize};
use store::{ComparisonOutcome, PriorityList, PriorityOption, PriorityParticipant};

use super::api::{ChoiceBody, ReasonBody, my_data_view};
use super::document::{OptionEntry, PriorityDocument};
use super::service::{self, ComparisonInput};
use crate::api::ModerationStatusBody;
use crate::auth::{CurrentPriorityParticipant, presented_token, priority_cookie_name};
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::versions::options::option_readings;
use crate::versions::service::Reading;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, is_unauthenticated, said_in};
use crate::web::refusals::text_refusal;
use crate::web::render::{Layout, page};
use crate::web::security::{CSRF_FIELD, csrf_token, same_secret};

/// The templates of these pages.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    (
        "priority_join.html",
        include_str!("templates/priority_join.html"),
    ),
    (
        "priority_compare.html",
        include_str!("templates/priority_compare.html"),
    ),
    (
        "priority_my_data.html",
        include_str!("templates/priority_my_data.html"),
    ),
    (
        "priority_erase.html",
        include_str!("templates/priority_erase.html"),
    ),
    (
        "priority_erased.html",
        include_str!("templates/priority_erased.html"),
    ),
    (
        "priority_results.html",
        include_str!("templates/priority_results.html"),
    ),
];

/// The longest option a participant may add, in characters (as `OptionText` allows).
const MAX_OPTION_CHARS: usize = 280;

/// How many options of each constituency's ranking the results page shows.
const CONSTITUENCY_TOP: usize = 5;

/// The checkbox a participant ticks to confirm the erasure.
const CONFIRM_FIELD: &str = "confirm";

/// What every page says about the list.
#[derive(Debug, Serialize)]
struct ListSummary {
    id: i64,
    title: String,
    question: String,
    description: Vec<String>,
    is_open: bool,
    constituencies: Vec<String>,
    allows_options: bool,
    options_are_moderated_first: bool,
}

impl ListSummary {
    fn of(list: &PriorityList) -> ListSummary {
        ListSummary {
            id: list.id.get(),
            title: list.settings.title.as_str().to_owned(),
            question: list.settings.question.as_str().to_owned(),
            description: paragraphs(list.settings.description.as_str()),
            is_open: list.is_open,
            constituencies: list
                .constituencies
                .iter()
                .map(|c| c.name.as_str().to_owned())
                .collect(),
            allows_options: list.settings.allow_participant_options,
            options_are_moderated_first: list.settings.moderation == model::ModerationPolicy::Pre,
        }
    }
}

/// Splits a description into paragraphs at blank lines.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Says a wait in words of the page's language: "a second", "12 seconds", "3 minutes".
fn seconds_in_words(language: Language, seconds: u64) -> String {
    if seconds > 90 {
        let minutes = seconds.div_ceil(60);
        return text(language, "wait-minutes", &[("minutes", minutes.into())]);
    }
    text(
        language,
        "wait-seconds",
        &[("seconds", seconds.max(1).into())],
    )
}

/// Keeps pages that show personal data out of caches.
fn not_stored(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn to(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// Returns the participant, or the answer for someone who is not one: newcomers and holders of
/// another list's token are sent to the list's start page.
fn participant_or_redirect(
    id: PriorityListId,
    participant: Result<CurrentPriorityParticipant, ApiError>,
) -> Result<Result<PriorityParticipant, Response>, PageError> {
    match participant {
        Ok(current) => Ok(Ok(current.participant)),
        Err(error) if is_unauthenticated(&error) || error.code() == ErrorCode::Forbidden => {
            Ok(Err(to(&format!("/p/{id}"))))
        }
        Err(error) => Err(error.into()),
    }
}

/// The form token of the participant presenting `headers`.
fn form_token(headers: &HeaderMap, list: PriorityListId) -> Result<String, PageError> {
    let token = presented_token(headers, &priority_cookie_name(list))
        .ok_or_else(ApiError::unauthenticated)?;
    Ok(csrf_token(&token))
}

/// Checks that a posted form carries the participant's form token.
fn check_form_token(
    language: Language,
    headers: &HeaderMap,
    list: PriorityListId,
    form: &FormData,
) -> Result<String, PageError> {
    let expected = form_token(headers, list)?;
    if form
        .get(CSRF_FIELD)
        .is_some_and(|sent| same_secret(sent, &expected))
    {
        Ok(expected)
    } else {
        Err(PageError::new(
            StatusCode::FORBIDDEN,
            text(language, "priority-form-expired", &[]),
        ))
    }
}

// Joining.

#[derive(Serialize)]
struct JoinContext {
    layout: Layout,
    list: ListSummary,
    is_participant: bool,
}

/// Answers `GET /p/{id}`: the question and how to join; a participant of an open list goes
/// straight on to comparing, and a closed list says so with a link to the results.
pub async fn join_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    participant: Result<CurrentPriorityParticipant, ApiError>,
) -> Result<Response, PageError> {
    let list = service::get_list(&state, id).await?;
    let is_participant = participant_or_redirect(id, participant)?.is_ok();
    if is_participant && list.is_open {
        return Ok(to(&format!("/p/{id}/compare")));
    }
    let context = JoinContext {
        layout: Layout::translated(language, list.settings.title.as_str()),
        list: ListSummary::of(&list),
        is_participant,
    };
    Ok(page("priority_join.html", context)?.into_response())
}

/// Answers `POST /p/{id}/join`: becomes a participant of the constituencies ticked, keeps the
/// token in a cookie and goes on to the first pair.
pub async fn join(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiPath(id): ApiPath<PriorityListId>,
    participant: Result<CurrentPriorityParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    if participant.is_ok() {
        return Ok(to(&format!("/p/{id}/compare")));
    }
    let constituencies: Vec<String> = form
        .get_all("constituency")
        .into_iter()
        .map(str::to_owned)
        .collect();
    let (participant, token) = match service::join(&state, client, id, &constituencies, None).await
    {
        Ok(joined) => joined,
        // The join page of a closed list says it is closed.
        Err(error) if error.code() == ErrorCode::PriorityListClosed => {
            return Ok(to(&format!("/p/{id}")));
        }
        Err(error) => return Err(error.into()),
    };
    let cookie = service::participant_cookie(&state, participant.list, &token);
    let mut redirect = to(&format!("/p/{id}/compare"));
    let cookie = HeaderValue::from_str(&cookie).map_err(ApiError::internal)?;
    redirect.headers_mut().insert(SET_COOKIE, cookie);
    Ok(redirect)
}

// Comparing.

#[derive(Debug, Serialize)]
struct PairToShow {
    /// The left option in the reader's language, with its original when that is not it.
    left: Reading,
    /// The right option, likewise.
    right: Reading,
    /// The idempotency key of this rendering of the pair.
    key: String,
}

/// The add-an-option form as it is shown again after a refusal.
#[derive(Debug, Default, Serialize)]
struct OptionForm {
    text: String,
    error: Option<String>,
}

/// An option the participant added, with where it stands.
#[derive(Debug, Serialize)]
struct MyOptionRow {
    text: String,
    status: String,
    reason: Option<String>,
}

#[derive(Serialize)]
struct CompareContext {
    layout: Layout,
    list: ListSummary,
    compared: usize,
    pair: Option<PairToShow>,
    csrf: String,
    notice: Option<String>,
    error: Option<String>,
    option_form: OptionForm,
    max_option_chars: usize,
    my_options: Vec<MyOptionRow>,
    your_constituencies: Vec<String>,
}

/// The query string of the comparison page after an action.
#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// Returns the notice named in a query string such as `notice=recorded`, in the page's
/// language.
fn notice(language: Language, query: Result<Query<NoticeQuery>, QueryRejection>) -> Option<String> {
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let key = match query.notice.as_deref()? {
        "recorded" => "priority-notice-recorded",
        "replayed" => "priority-notice-replayed",
        "already" => "priority-notice-already",
        "option-added" => "priority-notice-option-added",
        "option-pending" => "priority-notice-option-pending",
        _ => return None,
    };
    Some(text(language, key, &[]))
}

/// Says where an option a participant added stands.
fn status_words(language: Language, status: ModerationStatusBody, is_shown: bool) -> String {
    let key = match (status, is_shown) {
        (ModerationStatusBody::Rejected, _) => "priority-status-rejected",
        (ModerationStatusBody::Accepted, _) => "priority-status-accepted",
        (ModerationStatusBody::Pending, true) => "priority-status-pending-shown",
        (ModerationStatusBody::Pending, false) => "priority-status-pending",
    };
    text(language, key, &[])
}

/// The idempotency key of one rendering of a pair: the same form sent twice carries the same
/// key, so the second is a replay.
fn pair_key(participant: &PriorityParticipant, compared: usize, left: i64, right: i64) -> String {
    format!("page-{}-{compared}-{left}-{right}", participant.id)
}

/// What the comparison page shows besides the next pair.
#[derive(Default)]
struct CompareExtras {
    /// The pair to show instead of the next one: the one a refused choice was about.
    pair: Option<(PriorityOptionId, PriorityOptionId)>,
    notice: Option<String>,
    error: Option<String>,
    option_form: OptionForm,
}

async fn compare_context(
    state: &AppState,
    language: Language,
    participant: &PriorityParticipant,
    csrf: String,
    extras: CompareExtras,
) -> Result<CompareContext, PageError> {
    let data = service::my_data(state, participant).await?;
    let view = my_data_view(&data);
    let compared = data.comparisons.len();
    let list = &data.list;
    let pair = if !list.is_open {
        None
    } else if let Some((left, right)) = extras.pair {
        match (data.options.get(&left), data.options.get(&right)) {
            (Some(left), Some(right)) => Some((left.clone(), right.clone())),
            _ => service::next_pair(state, participant).await?,
        }
    } else {
        service::next_pair(state, participant).await?
    };
    let readings = option_readings(state, list.id).await?;
    let pair = pair.map(|(left, right)| PairToShow {
        key: pair_key(participant, compared, left.id.get(), right.id.get()),
        left: readings.read(left.id, &left.text, language),
        right: readings.read(right.id, &right.text, language),
    });
    Ok(CompareContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "priority-compare-title",
                &[("list", list.settings.title.as_str().into())],
            ),
        ),
        list: ListSummary::of(list),
        compared,
        pair,
        csrf,
        notice: extras.notice,
        error: extras.error,
        option_form: extras.option_form,
        max_option_chars: MAX_OPTION_CHARS,
        my_options: view
            .options
            .into_iter()
            .map(|option| MyOptionRow {
                text: option.text,
                status: status_words(language, option.status, option.is_shown),
                reason: option.rejection_reason,
            })
            .collect(),
        your_constituencies: view.constituencies,
    })
}

/// Answers `GET /p/{id}/compare`: the next pair to compare, or why there is none.
pub async fn compare_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    headers: HeaderMap,
    participant: Result<CurrentPriorityParticipant, ApiError>,
    query: Result<Query<NoticeQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant,
        Err(redirect) => return Ok(redirect),
    };
    let csrf = form_token(&headers, id)?;
    let extras = CompareExtras {
        notice: notice(language, query),
        ..CompareExtras::default()
    };
    let context = compare_context(&state, language, &participant, csrf, extras).await?;
    Ok(not_stored(
        page("priority_compare.html", context)?.into_response(),
    ))
}

/// A refusal of a bad form, saying the message `key` in the page's language.
fn bad_request(language: Language, key: &str) -> PageError {
    PageError::new(StatusCode::BAD_REQUEST, text(language, key, &[]))
}

/// Reads an option id field of the comparison form.
fn option_field(
    language: Language,
    form: &FormData,
    name: &str,
) -> Result<PriorityOptionId, PageError> {
    form.text(name)
        .parse::<i64>()
        .map(PriorityOptionId)
        .map_err(|_| bad_request(language, "priority-missing-options"))
}

/// Reads the answer of the comparison form; a reason goes only with "can't decide".
fn choice_fields(
    language: Language,
    form: &FormData,
) -> Result<(ComparisonChoice, Option<UndecidedReason>), PageError> {
    let choice = match form.text("choice") {
        "left" => ComparisonChoice::Left,
        "right" => ComparisonChoice::Right,
        "neither" => ComparisonChoice::Neither,
        _ => return Err(bad_request(language, "priority-missing-choice")),
    };
    if choice != ComparisonChoice::Neither {
        return Ok((choice, None));
    }
    let reason = match form.text("reason") {
        "" => None,
        "both_matter_equally" => Some(UndecidedReason::BothMatterEqually),
        "dont_know_enough" => Some(UndecidedReason::DontKnowEnough),
        _ => return Err(bad_request(language, "priority-unknown-reason")),
    };
    Ok((choice, reason))
}

/// Answers `POST /p/{id}/compare`: records the choice and shows the next pair. A form sent
/// twice is recorded once; a rate-limited choice shows the same pair again with how long to
/// wait.
pub async fn compare(
    State(state): State<AppState>,
    language: Language,
    client: ClientAddress,
    ApiPath(id): ApiPath<PriorityListId>,
    headers: HeaderMap,
    participant: Result<CurrentPriorityParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant,
        Err(redirect) => return Ok(redirect),
    };
    let csrf = check_form_token(language, &headers, id, &form)?;
    let left = option_field(language, &form, "left")?;
    let right = option_field(language, &form, "right")?;
    let (choice, reason) = choice_fields(language, &form)?;
    let key = Some(form.text("key")).filter(|key| !key.is_empty());
    let input = ComparisonInput {
        left,
        right,
        choice,
        reason,
        idempotency_key: key,
    };
    let error = match service::compare(&state, client, &participant, input).await {
        Ok(receipt) => {
            let notice = match receipt.outcome {
                ComparisonOutcome::New => "recorded",
                ComparisonOutcome::Replayed => "replayed",
            };
            return Ok(to(&format!("/p/{id}/compare?notice={notice}")));
        }
        Err(error) => error,
    };
    let message = match &error {
        ApiError::RateLimited { retry_after_secs } => text(
            language,
            "priority-too-fast",
            &[("wait", seconds_in_words(language, *retry_after_secs).into())],
        ),
        ApiError::Client {
            code: ErrorCode::PairAlreadyCompared | ErrorCode::IdempotencyKeyReused,
            ..
        } => {
            return Ok(to(&format!("/p/{id}/compare?notice=already")));
        }
        ApiError::Client {
            code: ErrorCode::PriorityListClosed,
            ..
        } => text(language, "priority-closed-late", &[]),
        ApiError::Client {
            code: ErrorCode::NotFound,
            ..
        } => {
            return Err(PageError::new(
                StatusCode::NOT_FOUND,
                text(language, "priority-not-in-list", &[]),
            ));
        }
        _ => return Err(error.into()),
    };
    let extras = CompareExtras {
        pair: Some((left, right)),
        error: Some(message),
        ..CompareExtras::default()
    };
    let context = compare_context(&state, language, &participant, csrf, extras).await?;
    let body = page("priority_compare.html", context)?;
    let mut response = not_stored((error.code().status(), body).into_response());
    if let ApiError::RateLimited { retry_after_secs } = error {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(retry_after_secs));
    }
    Ok(response)
}

/// Answers `POST /p/{id}/options`: adds the participant's option, or shows the form again
/// with the text kept and why it was refused.
pub async fn add_option(
    State(state): State<AppState>,
    client: ClientAddress,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    headers: HeaderMap,
    participant: Result<CurrentPriorityParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant,
        Err(redirect) => return Ok(redirect),
    };
    let csrf = check_form_token(language, &headers, id, &form)?;
    let written = form.text("text").to_owned();
    let allowance = state.config().max_statements_per_participant;
    let error = match service::add_participant_option(&state, client, &participant, &written).await
    {
        Ok(option) => {
            let list = service::get_list(&state, id).await?;
            let notice = if option.moderation.is_visible_under(list.settings.moderation) {
                "option-added"
            } else {
                "option-pending"
            };
            return Ok(to(&format!("/p/{id}/compare?notice={notice}")));
        }
        Err(error) => error,
    };
    let message = match &error {
        ApiError::RateLimited { retry_after_secs } => text(
            language,
            "priority-option-too-fast",
            &[("wait", seconds_in_words(language, *retry_after_secs).into())],
        ),
        ApiError::Client { code, .. } => match *code {
            ErrorCode::DuplicateOption => text(language, "priority-option-duplicate", &[]),
            ErrorCode::StatementLimitReached => text(
                language,
                "priority-option-limit",
                &[("limit", allowance.into())],
            ),
            ErrorCode::OptionsDisabled => text(language, "priority-option-disabled", &[]),
            ErrorCode::PriorityListClosed => text(language, "priority-option-closed", &[]),
            // Says what is wrong with the text: its length, or characters that cannot be seen
            // or that could disguise it.
            ErrorCode::ValidationFailed => match model::OptionText::parse(&written) {
                Err(refusal) => text_refusal(language, &refusal),
                Ok(_) => said_in(language, &error),
            },
            _ => return Err(error.into()),
        },
        _ => return Err(error.into()),
    };
    let extras = CompareExtras {
        option_form: OptionForm {
            text: written,
            error: Some(text(
                language,
                "priority-option-error",
                &[("message", message.into())],
            )),
        },
        ..CompareExtras::default()
    };
    let context = compare_context(&state, language, &participant, csrf, extras).await?;
    let body = page("priority_compare.html", context)?;
    let mut response = not_stored((error.code().status(), body).into_response());
    if let ApiError::RateLimited { retry_after_secs } = error {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(retry_after_secs));
    }
    Ok(response)
}

// "Your data" and its erasure.

#[derive(Debug, Serialize)]
struct ComparisonRow {
    left: String,
    right: String,
    answer: String,
    when: String,
}

#[derive(Serialize)]
struct MyDataContext {
    layout: Layout,
    list: ListSummary,
    participant_id: i64,
    joined: String,
    constituencies: Vec<String>,
    linked_to_dialogue: bool,
    comparisons: Vec<ComparisonRow>,
    options: Vec<MyOptionRow>,
}

/// Writes an RFC 3339 moment as "2025-03-01 14:05 UTC" for people to read.
fn readable_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => rfc3339.to_owned(),
    }
}

/// Says a participant's answer to a pair in words of the page's language.
fn answer_words(
    language: Language,
    choice: ChoiceBody,
    reason: Option<ReasonBody>,
    left: &str,
    right: &str,
) -> String {
    let first = |option: &str| {
        text(
            language,
            "priority-answer-first",
            &[("option", option.to_owned().into())],
        )
    };
    let key = match (choice, reason) {
        (ChoiceBody::Left, _) => return first(left),
        (ChoiceBody::Right, _) => return first(right),
        (ChoiceBody::Neither, None) => "priority-answer-undecided",
        (ChoiceBody::Neither, Some(ReasonBody::BothMatterEqually)) => "priority-answer-equal",
        (ChoiceBody::Neither, Some(ReasonBody::DontKnowEnough)) => "priority-answer-unknown",
    };
    text(language, key, &[])
}

/// Answers `GET /p/{id}/me`: everything the list holds about the participant, with the
/// download and the way to erase it.
pub async fn my_data_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    participant: Result<CurrentPriorityParticipant, ApiError>,
) -> Result<Response, PageError> {
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant,
        Err(redirect) => return Ok(redirect),
    };
    let data = service::my_data(&state, &participant).await?;
    let view = my_data_view(&data);
    let context = MyDataContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "priority-my-data-title",
                &[("list", view.list_title.clone().into())],
            ),
        ),
        list: ListSummary::of(&data.list),
        participant_id: view.participant_id,
        joined: readable_time(&view.joined_at),
        constituencies: view.constituencies,
        linked_to_dialogue: view.linked_to_dialogue,
        comparisons: view
            .comparisons
            .into_iter()
            .map(|comparison| ComparisonRow {
                answer: answer_words(
                    language,
                    comparison.choice,
                    comparison.reason,
                    &comparison.left_text,
                    &comparison.right_text,
                ),
                left: comparison.left_text,
                right: comparison.right_text,
                when: readable_time(&comparison.compared_at),
            })
            .collect(),
        options: view
            .options
            .into_iter()
            .map(|option| MyOptionRow {
                text: option.text,
                status: status_words(language, option.status, option.is_shown),
                reason: option.rejection_reason,
            })
            .collect(),
    };
    Ok(not_stored(
        page("priority_my_data.html", context)?.into_response(),
    ))
}

#[derive(Serialize)]
struct EraseContext {
    layout: Layout,
    list: ListSummary,
    n_comparisons: usize,
    n_options: usize,
    csrf: String,
    error: Option<String>,
}

async fn erase_context(
    state: &AppState,
    language: Language,
    participant: &PriorityParticipant,
    csrf: String,
    error: Option<String>,
) -> Result<EraseContext, PageError> {
    let data = service::my_data(state, participant).await?;
    Ok(EraseContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "priority-erase-title",
                &[("list", data.list.settings.title.as_str().into())],
            ),
        ),
        list: ListSummary::of(&data.list),
        n_comparisons: data.comparisons.len(),
        n_options: data
            .options
            .values()
            .filter(|option| option.author == Some(participant.id))
            .count(),
        csrf,
        error,
    })
}

/// Answers `GET /p/{id}/me/erase`: what erasing removes, and the form that confirms it.
pub async fn erase_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    headers: HeaderMap,
    participant: Result<CurrentPriorityParticipant, ApiError>,
) -> Result<Response, PageError> {
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant,
        Err(redirect) => return Ok(redirect),
    };
    let csrf = form_token(&headers, id)?;
    let context = erase_context(&state, language, &participant, csrf, None).await?;
    Ok(not_stored(
        page("priority_erase.html", context)?.into_response(),
    ))
}

#[derive(Serialize)]
struct ErasedContext {
    layout: Layout,
    list: ListSummary,
    comparisons_removed: u64,
    options_removed: u64,
    options_unlinked: u64,
}

/// Answers `POST /p/{id}/me/erase`: checks the form's token and the confirmation, erases the
/// participant, removes their cookie and says what was removed.
pub async fn erase(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    headers: HeaderMap,
    participant: Result<CurrentPriorityParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant,
        Err(redirect) => return Ok(redirect),
    };
    let csrf = check_form_token(language, &headers, id, &form)?;
    if !form.is_checked(CONFIRM_FIELD) {
        let context = erase_context(
            &state,
            language,
            &participant,
            csrf,
            Some(text(language, "erase-not-confirmed", &[])),
        )
        .await?;
        let body = page("priority_erase.html", context)?;
        return Ok(not_stored(
            (StatusCode::UNPROCESSABLE_ENTITY, body).into_response(),
        ));
    }
    let list = service::get_list(&state, id).await?;
    let erased = service::erase(&state, &participant).await?;
    let cookie = service::clear_participant_cookie(&state, id);
    let context = ErasedContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "priority-erased-title",
                &[("list", list.settings.title.as_str().into())],
            ),
        ),
        list: ListSummary::of(&list),
        comparisons_removed: erased.comparisons_removed,
        options_removed: erased.options_removed,
        options_unlinked: erased.options_unlinked,
    };
    let mut response = not_stored(page("priority_erased.html", context)?.into_response());
    let cookie = HeaderValue::from_str(&cookie).map_err(ApiError::internal)?;
    response.headers_mut().append(SET_COOKIE, cookie);
    Ok(response)
}

// The results.

/// One option of the overall ranking, with its interval drawn.
#[derive(Debug, Serialize)]
struct RankedRow {
    text: String,
    rank: u32,
    score: String,
    low: String,
    high: String,
    equal_weight_rank: u32,
    equal_weight_score: Option<String>,
    wins: u32,
    losses: u32,
    neither: u32,
    /// Where the score and its interval sit on a 0 to 100 axis, for the drawing.
    bar: Bar,
}

/// A score and its interval on a 0 to 100 axis.
#[derive(Debug, Serialize)]
struct Bar {
    low: String,
    width: String,
    score: String,
}

/// One option of a constituency's top.
#[derive(Debug, Serialize)]
struct TopRow {
    rank: u32,
    text: String,
    score: String,
}

#[derive(Debug, Serialize)]
struct ConstituencyColumn {
    name: String,
    participants: u32,
    comparisons: u64,
    counted: bool,
    top: Vec<TopRow>,
}

#[derive(Debug, Serialize)]
struct ShortlistRow {
    text: String,
    points: u32,
    in_top_of: Vec<String>,
}

#[derive(Debug, Serialize)]
struct DivergenceView {
    first: String,
    second: String,
    shared: usize,
    size: usize,
    only_first: Vec<TopRow>,
    only_second: Vec<TopRow>,
}

#[derive(Debug, Serialize)]
struct AddedRow {
    text: String,
    rank: u32,
    out_of: usize,
    score: String,
    shortlisted: bool,
}

#[derive(Serialize)]
struct ResultsContext {
    layout: Layout,
    list: ListSummary,
    participants: u32,
    comparisons: u64,
    decided: u64,
    undecided: u64,
    n_options: usize,
    has_comparisons: bool,
    ordered_by_equal_weight: bool,
    equal_weight_counts: Vec<String>,
    rows: Vec<RankedRow>,
    constituencies: Vec<ConstituencyColumn>,
    constituency_top: usize,
    shortlist_size: usize,
    shortlist: Vec<ShortlistRow>,
    divergence: Option<DivergenceView>,
    added: Vec<AddedRow>,
    is_participant: bool,
}

/// Writes a score (0 to 100) as a whole number.
fn whole(score: f64) -> String {
    format!("{:.0}", score.clamp(0.0, 100.0))
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The score an option would have with log strength `strength`, the others' staying as they
/// are: the chance of beating an option chosen at random from the others. Applied to the ends
/// of the 95% interval of its log strength, it gives the interval of its score.
fn score_at(document: &PriorityDocument, option: usize, strength: f64) -> f64 {
    let others: Vec<f64> = document
        .options
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != option)
        .map(|(_, other)| logistic(strength - other.overall.fitted_log_strength))
        .collect();
    if others.is_empty() {
        return 50.0;
    }
    100.0 * others.iter().sum::<f64>() / others.len() as f64
}

fn ranked_row(document: &PriorityDocument, index: usize, entry: &OptionEntry) -> RankedRow {
    let [low, high] = entry.overall.log_strength_interval;
    let low = score_at(document, index, low).clamp(0.0, 100.0);
    let high = score_at(document, index, high).clamp(0.0, 100.0);
    RankedRow {
        text: entry.text.clone(),
        rank: entry.overall.rank,
        score: whole(entry.overall.score),
        low: whole(low),
        high: whole(high),
        equal_weight_rank: entry.equal_weight_rank,
        equal_weight_score: entry.equal_weight_score.map(whole),
        wins: entry.overall.wins,
        losses: entry.overall.losses,
        neither: entry.overall.neither,
        bar: Bar {
            low: format!("{low:.1}"),
            width: format!("{:.1}", (high - low).max(0.5)),
            score: format!("{:.1}", entry.overall.score.clamp(0.0, 100.0)),
        },
    }
}

fn results_context(
    language: Language,
    list: &PriorityList,
    document: &PriorityDocument,
    options: &[PriorityOption],
    is_participant: bool,
) -> ResultsContext {
    let by_id: BTreeMap<u64, (usize, &OptionEntry)> = document
        .options
        .iter()
        .enumerate()
        .map(|(index, entry)| (entry.id, (index, entry)))
        .collect();
    let option_text = |id: u64| {
        by_id
            .get(&id)
            .map(|(_, entry)| entry.text.clone())
            .unwrap_or_default()
    };
    let ordered_by_equal_weight = !document.equal_weight_counts.is_empty();
    let mut order: Vec<usize> = (0..document.options.len()).collect();
    order.sort_by_key(|&i| {
        let entry = &document.options[i];
        if ordered_by_equal_weight {
            (entry.equal_weight_rank, entry.overall.rank, i)
        } else {
            (entry.overall.rank, entry.equal_weight_rank, i)
        }
    });
    let rows = order
        .iter()
        .map(|&i| ranked_row(document, i, &document.options[i]))
        .collect();
    let constituency_rank = |c: usize, id: u64| -> Option<(u32, f64)> {
        let (_, entry) = by_id.get(&id)?;
        let standing = &entry.constituencies.get(c)?.standing;
        Some((standing.rank, standing.score))
    };
    let constituencies = document
        .constituencies
        .iter()
        .enumerate()
        .map(|(c, entry)| ConstituencyColumn {
            name: entry.name.clone(),
            participants: entry.participants,
            comparisons: entry.comparisons,
            counted: entry.counted,
            top: entry
                .top
                .iter()
                .take(CONSTITUENCY_TOP)
                .filter_map(|&id| {
                    let (rank, score) = constituency_rank(c, id)?;
                    Some(TopRow {
                        rank,
                        text: option_text(id),
                        score: whole(score),
                    })
                })
                .collect(),
        })
        .collect();
    let shortlist = document
        .shortlist
        .entries
        .iter()
        .map(|item| ShortlistRow {
            text: option_text(item.option),
            points: item.points,
            in_top_of: item.in_top_of.clone(),
        })
        .collect();
    let divergence = document.divergence.as_ref().map(|d| {
        let rows = |items: &[super::document::RankedOption]| {
            items
                .iter()
                .map(|item| TopRow {
                    rank: item.rank,
                    text: option_text(item.option),
                    score: String::new(),
                })
                .collect()
        };
        DivergenceView {
            first: d.first.clone(),
            second: d.second.clone(),
            shared: d.shared,
            size: d.size,
            only_first: rows(&d.only_first),
            only_second: rows(&d.only_second),
        }
    });
    let shortlisted: Vec<u64> = document
        .shortlist
        .entries
        .iter()
        .map(|item| item.option)
        .collect();
    let added = options
        .iter()
        .filter(|option| option.origin == OptionOrigin::Participant)
        .filter_map(|option| {
            let id = u64::try_from(option.id.get()).ok()?;
            let (_, entry) = by_id.get(&id)?;
            Some(AddedRow {
                text: entry.text.clone(),
                rank: if ordered_by_equal_weight {
                    entry.equal_weight_rank
                } else {
                    entry.overall.rank
                },
                out_of: document.options.len(),
                score: whole(entry.equal_weight_score.unwrap_or(entry.overall.score)),
                shortlisted: shortlisted.contains(&id),
            })
        })
        .collect();
    ResultsContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "priority-results-title",
                &[("list", list.settings.title.as_str().to_owned().into())],
            ),
        ),
        list: ListSummary::of(list),
        participants: document.participants,
        comparisons: document.comparisons,
        decided: document.decided,
        undecided: document.comparisons.saturating_sub(document.decided),
        n_options: document.options.len(),
        has_comparisons: document.comparisons > 0,
        ordered_by_equal_weight,
        equal_weight_counts: document.equal_weight_counts.clone(),
        rows,
        constituencies,
        constituency_top: CONSTITUENCY_TOP,
        shortlist_size: document.shortlist.size,
        shortlist,
        divergence,
        added,
        is_participant,
    }
}

/// Answers `GET /p/{id}/results`: the ranking overall and with every constituency counting
/// once, each constituency's top, where they differ most, the workshop shortlist and how the
/// participants' own options did; the same document as `GET /api/priority-lists/{id}/results`.
pub async fn results_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    headers: HeaderMap,
    participant: Result<CurrentPriorityParticipant, ApiError>,
) -> Result<Response, PageError> {
    let list = service::get_list(&state, id).await?;
    let is_participant = participant_or_redirect(id, participant)?.is_ok();
    let viewer = super::api::signed_in(&state, &headers).await?;
    let document = service::readable_results(&state, viewer.as_ref(), id).await?;
    let options = state.store().list_priority_options(id).await?;
    let context = results_context(language, &list, &document, &options, is_participant);
    Ok(page("priority_results.html", context)?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_split_into_paragraphs_at_blank_lines() {
        assert_eq!(
            paragraphs("One.\n\n  Two,\nstill two.\n\n\n"),
            vec!["One.".to_owned(), "Two,\nstill two.".to_owned()]
        );
        assert!(paragraphs("  ").is_empty());
    }

    #[test]
    fn only_known_notices_are_shown() {
        let query = |notice: &str| {
            Ok(Query(NoticeQuery {
                notice: Some(notice.to_owned()),
            }))
        };
        let english = Language::English;
        assert!(super::notice(english, query("recorded")).is_some());
        assert!(super::notice(english, query("option-pending")).is_some());
        assert_eq!(super::notice(english, query("<script>")), None);
    }

    #[test]
    fn answers_read_as_sentences() {
        assert_eq!(
            answer_words(
                Language::English,
                ChoiceBody::Right,
                None,
                "Buses",
                "Clinics"
            ),
            "“Clinics” first"
        );
        assert_eq!(
            answer_words(
                Language::English,
                ChoiceBody::Neither,
                Some(ReasonBody::DontKnowEnough),
                "Buses",
                "Clinics"
            ),
            "Can't decide: I don't know enough"
        );
    }
}
