//! The participant's "Your data" pages: what the dialogue holds about them, a download of it
//! as a JSON file, and erasure after a confirmation step.
//!
//! The data and the erasure come from the API's privacy route module, so the pages and
//! `GET`/`DELETE /api/dialogues/{id}/me` cannot disagree. The erase form carries a token
//! derived from the participant's own token, as convenors' forms carry one derived from their
//! session, so another site cannot make a browser erase its participant.

use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use model::{DialogueId, Token};
use serde::Serialize;
use store::Dialogue;

use crate::api::{DataErased, ModerationStatusBody, MyData, VoteBody};
use crate::auth::{CurrentParticipant, participant_cookie_name};
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::routes::privacy;
use crate::state::AppState;

use super::forms::FormData;
use super::page_error::{PageError, is_unauthenticated};
use super::render::{Layout, page};
use super::security::{CSRF_FIELD, csrf_token, same_secret};

/// The checkbox a participant ticks to confirm the erasure.
const CONFIRM_FIELD: &str = "confirm";

/// Returns the token the request presents for a dialogue, the way the participant extractor
/// finds it: a bearer token first, then the dialogue's cookie.
fn presented_token(headers: &HeaderMap, dialogue: DialogueId) -> Option<Token> {
    let bearer = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned());
    let text = bearer.or_else(|| {
        CookieJar::from_headers(headers)
            .get(&participant_cookie_name(dialogue))
            .map(|cookie| cookie.value().to_owned())
    })?;
    Token::parse(&text).ok()
}

/// Returns the participant, or the answer for someone who is not one: newcomers and holders
/// of another dialogue's token are sent to the dialogue's start page.
fn participant_or_redirect(
    id: i64,
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
    statement: String,
    vote: &'static str,
    when: String,
    is_latest: bool,
}

/// A statement the participant wrote, as the page lists it.
#[derive(Debug, Serialize)]
struct StatementRow {
    text: String,
    status: &'static str,
    when: String,
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
    error: Option<&'static str>,
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

fn vote_word(vote: VoteBody) -> &'static str {
    match vote {
        VoteBody::Agree => "Agree",
        VoteBody::Disagree => "Disagree",
        VoteBody::Pass => "Pass / Unsure",
    }
}

fn status_words(status: ModerationStatusBody) -> &'static str {
    match status {
        ModerationStatusBody::Pending => "waiting for a convenor",
        ModerationStatusBody::Accepted => "shown to others",
        ModerationStatusBody::Rejected => "not accepted",
    }
}

fn my_data_context(data: MyData) -> MyDataContext {
    let n_latest_votes = data.votes.iter().filter(|vote| vote.is_latest).count();
    MyDataContext {
        layout: Layout::public(format!("Your data · {}", data.dialogue_title)),
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
                statement: vote.statement_text,
                vote: vote_word(vote.vote),
                when: readable_time(&vote.cast_at),
                is_latest: vote.is_latest,
            })
            .collect(),
        statements: data
            .statements
            .into_iter()
            .map(|statement| StatementRow {
                text: statement.text,
                status: status_words(statement.status),
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
    ApiPath(id): ApiPath<i64>,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Response, PageError> {
    state.store().get_dialogue(DialogueId(id)).await?;
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let data = privacy::my_data(&state, &participant).await?;
    let body = page("my_data.html", my_data_context(data))?;
    Ok(not_stored(body.into_response()))
}

fn erase_context(
    dialogue: &Dialogue,
    data: &MyData,
    csrf: String,
    error: Option<&'static str>,
) -> EraseContext {
    EraseContext {
        layout: Layout::public(format!("Erase your data · {}", data.dialogue_title)),
        dialogue_id: data.dialogue_id,
        dialogue_title: data.dialogue_title.clone(),
        is_closed: !dialogue.is_open,
        n_votes: data.votes.iter().filter(|vote| vote.is_latest).count(),
        n_statements: data.statements.len(),
        csrf,
        error,
    }
}

/// Answers `GET /d/{id}/me/erase`: what erasing removes, and the form that confirms it.
pub async fn erase_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let token = presented_token(&headers, dialogue.id).ok_or_else(ApiError::unauthenticated)?;
    let data = privacy::my_data(&state, &participant).await?;
    let context = erase_context(&dialogue, &data, csrf_token(&token), None);
    Ok(not_stored(page("erase.html", context)?.into_response()))
}

/// Answers `POST /d/{id}/me/erase`: checks the form's token and the confirmation, erases the
/// participant, removes their cookie and says what was removed.
pub async fn erase(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
    participant: Result<CurrentParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    let participant = match participant_or_redirect(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let token = presented_token(&headers, dialogue.id).ok_or_else(ApiError::unauthenticated)?;
    let expected = csrf_token(&token);
    if !form
        .get(CSRF_FIELD)
        .is_some_and(|sent| same_secret(sent, &expected))
    {
        return Err(PageError::new(
            StatusCode::FORBIDDEN,
            "This form has expired or did not come from this site. Go back, reload the page and try again.",
        ));
    }
    if !form.is_checked(CONFIRM_FIELD) {
        let data = privacy::my_data(&state, &participant).await?;
        let context = erase_context(
            &dialogue,
            &data,
            expected,
            Some(
                "Tick the box to confirm that you want your data erased. Nothing has been erased.",
            ),
        );
        let body = page("erase.html", context)?;
        return Ok(not_stored(
            (StatusCode::UNPROCESSABLE_ENTITY, body).into_response(),
        ));
    }
    let erased = privacy::erase_participant(&state, &participant).await?;
    let cookie = privacy::clear_participant_cookie(&state, dialogue.id);
    let context = ErasedContext {
        layout: Layout::public(format!(
            "Your data has been erased · {}",
            dialogue.settings.title.as_str()
        )),
        dialogue_id: dialogue.id.get(),
        dialogue_title: dialogue.settings.title.as_str().to_owned(),
        is_closed: !dialogue.is_open,
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
    fn moments_read_as_day_and_minute_in_utc() {
        assert_eq!(
            readable_time("2025-03-01T14:05:09.123Z"),
            "2025-03-01 14:05 UTC"
        );
        assert_eq!(readable_time("odd"), "odd");
    }

    #[test]
    fn the_token_comes_from_the_bearer_header_before_the_cookie() {
        let cookie_token = Token::from_bytes([1; model::token::TOKEN_BYTES]);
        let bearer_token = Token::from_bytes([2; model::token::TOKEN_BYTES]);
        let mut headers = HeaderMap::new();
        let cookie = format!("cg_participant_4={}", cookie_token.as_str());
        headers.insert("cookie", HeaderValue::from_str(&cookie).unwrap());
        assert_eq!(
            presented_token(&headers, DialogueId(4)).map(|token| token.as_str().to_owned()),
            Some(cookie_token.as_str().to_owned())
        );
        assert_eq!(presented_token(&headers, DialogueId(5)), None);
        let bearer = format!("Bearer {}", bearer_token.as_str());
        headers.insert(AUTHORIZATION, HeaderValue::from_str(&bearer).unwrap());
        assert_eq!(
            presented_token(&headers, DialogueId(4)).map(|token| token.as_str().to_owned()),
            Some(bearer_token.as_str().to_owned())
        );
    }
}
