//! The JSON routes of participation: join a dialogue, ask for the next statement, vote, write
//! statements, and the caller's own data, to read, save or erase.
//!
//! The data routes act only on the participant whose token is presented, so nobody can read or
//! erase anyone else. Erasing stays possible after a dialogue closes: a person's right to have
//! their data erased does not end with the dialogue.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, SET_COOKIE};
use axum::response::{AppendHeaders, IntoResponse, Response};
use model::{DialogueId, StatementId};

use crate::api::{
    ChangeConstituenciesRequest, DataErased, JoinRequest, JoinedDialogue, MyConstituencies, MyData,
    MyDataQuery, NextStatement, ShownVersion, StatementToVote, StatementView,
    SubmitStatementRequest, VoteAccepted, VoteRequest,
};
use crate::auth::CurrentParticipant;
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use crate::versions::easy_read::EasyRead;
use crate::versions::service as versions;
use crate::views::statement_view;
use crate::web::language::Language;

use super::service;

/// Personal data must not stay in shared caches or the browser's cache.
const NO_STORE: &str = "no-store";

/// Joins a dialogue as a new pseudonymous participant.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/participants", tag = "participation",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = JoinRequest,
    responses(
        (status = 201, description = "Joined; the token is also set as the cookie `cg_participant_<id>`", body = JoinedDialogue),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
        (status = 409, description = "`dialogue_closed`, `dialogue_not_open` (before its opening time)", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `constituency_not_found`", body = ErrorBody),
        (status = 429, description = "`rate_limited`: too many participants from one address, with `Retry-After`", body = ErrorBody),
    )
)]
pub async fn join(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiPath(id): ApiPath<DialogueId>,
    ApiJson(body): ApiJson<JoinRequest>,
) -> Result<Response, ApiError> {
    let names = body.constituencies.unwrap_or_default();
    let (participant, token) = service::join(&state, client, id, &names).await?;
    let cookie = service::participant_cookie(&state, participant.dialogue, &token);
    let body = JoinedDialogue {
        participant_id: participant.id.get(),
        token: token.as_str().to_owned(),
    };
    Ok((
        StatusCode::CREATED,
        AppendHeaders([(SET_COOKIE, cookie)]),
        Json(body),
    )
        .into_response())
}

/// Returns the next statement for this participant, or 204 when none is left.
///
/// Statements are chosen by the engine's routing (Pol.is priorities from the latest analysis,
/// boosted where the participant's group and constituencies have seen least); before the first
/// analysis, the participant's unseen statements come in the order they were written. The
/// statement comes as written, with the version its reader is shown beside it: their language
/// (`?lang=`, else the `cg_lang` cookie, else `Accept-Language`) and easy read (`?easy=1`, else
/// the `cg_easy` cookie), as on the vote page. A statement waiting for a translation into the
/// dialogue's language is never offered.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/next", tag = "participation",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("lang" = Option<String>, Query, description = "The reader's language: `en`, `cy`, `pl`, `ur` or `ro`"),
        ("easy" = Option<String>, Query, description = "`1` for easy-read versions, `0` for the standard ones"),
    ),
    security(("participant_token" = [])),
    responses(
        (status = 200, body = NextStatement),
        (status = 204, description = "The participant has seen every statement"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another dialogue", body = ErrorBody),
    )
)]
pub async fn next(
    State(state): State<AppState>,
    language: Language,
    EasyRead(easy_read): EasyRead,
    participant: CurrentParticipant,
) -> Result<Response, ApiError> {
    let participant = participant.participant;
    match service::next_statement(&state, &participant).await? {
        Some(statement) => {
            let readings = versions::readings(&state, participant.dialogue).await?;
            let reading = readings.read(&statement, language, easy_read);
            Ok(Json(NextStatement {
                statement: StatementToVote {
                    id: statement.id.get(),
                    language: readings.written_in(statement.id).code().to_owned(),
                    version: ShownVersion::of(&reading),
                    text: statement.text,
                },
            })
            .into_response())
        }
        None => Ok(StatusCode::NO_CONTENT.into_response()),
    }
}

/// Records a vote; the latest vote on a statement counts and every vote is kept in history.
///
/// The answer comes once the vote is durably stored.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/votes", tag = "participation",
    params(("id" = i64, Path, description = "Dialogue id")),
    security(("participant_token" = [])),
    request_body = VoteRequest,
    responses(
        (status = 200, body = VoteAccepted),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`statement_not_found`", body = ErrorBody),
        (status = 409, description = "`dialogue_closed`, `dialogue_not_open` (before its opening time), `statement_not_votable`, `idempotency_key_reused`", body = ErrorBody),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn vote(
    State(state): State<AppState>,
    client: ClientAddress,
    participant: CurrentParticipant,
    ApiJson(body): ApiJson<VoteRequest>,
) -> Result<Json<VoteAccepted>, ApiError> {
    let outcome = service::vote(
        &state,
        client,
        &participant.participant,
        StatementId(body.statement_id),
        body.vote,
        body.idempotency_key.as_deref(),
    )
    .await?;
    Ok(Json(VoteAccepted { outcome }))
}

/// Adds a participant's statement (1 to 280 characters). Under pre-moderation it stays hidden
/// until a convenor accepts it. One participant may write a limited number of statements
/// (30 by default), so that no one voice fills the dialogue.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/statements", tag = "participation",
    params(("id" = i64, Path, description = "Dialogue id")),
    security(("participant_token" = [])),
    request_body = SubmitStatementRequest,
    responses(
        (status = 201, body = StatementView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`, `statements_disabled`", body = ErrorBody),
        (status = 409, description = "`duplicate_statement` (with `statement_id`), `dialogue_closed`, `dialogue_not_open`, `statement_limit_reached`", body = ErrorBody),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: a text of the wrong length, or an unknown language", body = ErrorBody),
    )
)]
pub async fn submit_statement(
    State(state): State<AppState>,
    client: ClientAddress,
    participant: CurrentParticipant,
    ApiJson(body): ApiJson<SubmitStatementRequest>,
) -> Result<(StatusCode, Json<StatementView>), ApiError> {
    let written_in = body
        .language
        .as_deref()
        .map(crate::versions::service::language)
        .transpose()?;
    let statement = service::submit_statement(
        &state,
        client,
        &participant.participant,
        &body.text,
        written_in,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(statement_view(&statement))))
}

/// Returns the name under which a participant's data is saved.
pub fn download_file_name(dialogue: DialogueId) -> String {
    format!("common-ground-dialogue-{dialogue}-my-data.json")
}

/// Returns everything the dialogue holds about the caller: when they joined, the
/// constituencies they chose, every vote they cast (changed votes included) and the statements
/// they wrote. With `download=true` the answer is a file to save.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/me", tag = "privacy",
    params(("id" = i64, Path, description = "Dialogue id"), MyDataQuery),
    security(("participant_token" = [])),
    responses(
        (status = 200, description = "The caller's data; a JSON file to save (`Content-Disposition: attachment`) with `download=true`", body = MyData),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`: no token, or the participant was erased", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another dialogue", body = ErrorBody),
    )
)]
pub async fn download(
    State(state): State<AppState>,
    language: Language,
    EasyRead(easy_read): EasyRead,
    participant: CurrentParticipant,
    ApiQuery(query): ApiQuery<MyDataQuery>,
) -> Result<Response, ApiError> {
    let participant = participant.participant;
    let data = service::my_data(&state, &participant, language, easy_read).await?;
    let mut response = ([(CACHE_CONTROL, NO_STORE)], Json(data)).into_response();
    if query.download == Some(true) {
        let disposition = format!(
            "attachment; filename=\"{}\"",
            download_file_name(participant.dialogue)
        );
        let value = disposition.parse().map_err(ApiError::internal)?;
        response.headers_mut().insert(CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Erases the caller: their token, constituencies and every vote they cast; their statements
/// nobody else voted on go too, and the others stay without an author. The analysis is
/// recomputed without them shortly after, and the token no longer works. Allowed after the
/// dialogue has closed.
#[utoipa::path(
    delete, path = "/api/dialogues/{id}/me", tag = "privacy",
    params(("id" = i64, Path, description = "Dialogue id")),
    security(("participant_token" = [])),
    responses(
        (status = 200, description = "Erased; the participant cookie is removed", body = DataErased),
        (status = 401, description = "`unauthenticated`: no token, or the participant was already erased", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another dialogue", body = ErrorBody),
    )
)]
pub async fn erase(
    State(state): State<AppState>,
    participant: CurrentParticipant,
) -> Result<Response, ApiError> {
    let participant = participant.participant;
    let erased: DataErased = service::erase(&state, &participant).await?;
    let cookie = service::clear_participant_cookie(&state, participant.dialogue);
    Ok((
        AppendHeaders([(SET_COOKIE, cookie)]),
        [(CACHE_CONTROL, NO_STORE)],
        Json(erased),
    )
        .into_response())
}

/// Changes the constituencies the caller belongs to, while the dialogue is open; the analysis
/// is recomputed with them shortly after. Names are matched as in joining; an unknown name
/// changes nothing.
#[utoipa::path(
    put, path = "/api/dialogues/{id}/me/constituencies", tag = "participation",
    params(("id" = i64, Path, description = "Dialogue id")),
    security(("participant_token" = [])),
    request_body = ChangeConstituenciesRequest,
    responses(
        (status = 200, body = MyConstituencies),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another dialogue", body = ErrorBody),
        (status = 409, description = "`dialogue_closed`, `dialogue_not_open` (before its opening time)", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `constituency_not_found`", body = ErrorBody),
    )
)]
pub async fn change_constituencies(
    State(state): State<AppState>,
    participant: CurrentParticipant,
    ApiJson(body): ApiJson<ChangeConstituenciesRequest>,
) -> Result<Json<MyConstituencies>, ApiError> {
    let updated =
        service::change_constituencies(&state, &participant.participant, &body.constituencies)
            .await?;
    let dialogue = state.store().get_dialogue(updated.dialogue).await?;
    Ok(Json(MyConstituencies {
        constituencies: service::constituency_names(&dialogue, &updated),
    }))
}
