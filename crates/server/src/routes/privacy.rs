//! A participant's own data: everything a dialogue holds about them, as JSON or as a file to
//! save, and its erasure on request.
//!
//! Both routes act only on the participant whose token is presented, so nobody can read or
//! erase anyone else. Erasing stays possible after a dialogue closes: a person's right to have
//! their data erased does not end with the dialogue.

use std::collections::BTreeSet;

use axum::Json;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, SET_COOKIE};
use axum::response::{AppendHeaders, IntoResponse, Response};
use model::{DialogueId, StatementId, VoteChoice};
use store::{Participant, StatementFilter};

use crate::api::{DataErased, MyData, MyDataQuery, MyStatement, MyVote, VoteBody};
use crate::auth::{CurrentParticipant, participant_cookie_name, set_cookie};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;
use crate::time::rfc3339;

/// Personal data must not stay in shared caches or the browser's cache.
const NO_STORE: &str = "no-store";

/// Returns every statement of a dialogue, whatever its moderation status, in id order.
async fn every_statement(
    state: &AppState,
    dialogue: DialogueId,
) -> Result<Vec<store::Statement>, ApiError> {
    let mut statements = Vec::new();
    let mut filter = StatementFilter {
        limit: Some(StatementFilter::MAX_LIMIT),
        ..StatementFilter::default()
    };
    loop {
        let page = state.store().list_statements(dialogue, &filter).await?;
        statements.extend(page.statements);
        match page.next_after {
            Some(after) if filter.after != Some(after) => filter.after = Some(after),
            _ => break,
        }
    }
    Ok(statements)
}

fn vote_body(choice: VoteChoice) -> VoteBody {
    match choice {
        VoteChoice::Agree => VoteBody::Agree,
        VoteChoice::Disagree => VoteBody::Disagree,
        VoteChoice::Pass => VoteBody::Pass,
    }
}

/// Gathers everything the dialogue holds about a participant.
pub(crate) async fn my_data(
    state: &AppState,
    participant: &Participant,
) -> Result<MyData, ApiError> {
    let dialogue = state.store().get_dialogue(participant.dialogue).await?;
    let statements = every_statement(state, dialogue.id).await?;
    let text_of = |id: StatementId| {
        statements
            .binary_search_by_key(&id, |statement| statement.id)
            .ok()
            .map(|index| statements[index].text.clone())
            .unwrap_or_default()
    };
    let history = state
        .store()
        .participant_vote_history(participant.id)
        .await?;
    // The last event on a statement is the vote the analysis counts.
    let mut counted = BTreeSet::new();
    let mut is_latest = vec![false; history.len()];
    for (index, event) in history.iter().enumerate().rev() {
        is_latest[index] = counted.insert(event.statement);
    }
    let votes = history
        .iter()
        .zip(is_latest)
        .map(|(event, is_latest)| MyVote {
            statement_id: event.statement.get(),
            statement_text: text_of(event.statement),
            vote: vote_body(event.choice),
            cast_at: rfc3339(event.cast_at),
            is_latest,
        })
        .collect();
    let written = statements
        .iter()
        .filter(|statement| statement.author == Some(participant.id))
        .map(|statement| MyStatement {
            id: statement.id.get(),
            text: statement.text.clone(),
            status: statement.moderation.into(),
            created_at: rfc3339(statement.created_at),
        })
        .collect();
    Ok(MyData {
        dialogue_id: dialogue.id.get(),
        dialogue_title: dialogue.settings.title.as_str().to_owned(),
        participant_id: participant.id.get(),
        joined_at: rfc3339(participant.created_at),
        constituencies: dialogue
            .constituencies
            .iter()
            .filter(|constituency| participant.constituencies.contains(&constituency.id))
            .map(|constituency| constituency.name.as_str().to_owned())
            .collect(),
        votes,
        statements: written,
    })
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
    participant: CurrentParticipant,
    ApiQuery(query): ApiQuery<MyDataQuery>,
) -> Result<Response, ApiError> {
    let participant = participant.participant;
    let data = my_data(&state, &participant).await?;
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

/// Erases a participant through the store and tells the analysis that the dialogue changed, so
/// that the next analysis no longer counts them.
pub(crate) async fn erase_participant(
    state: &AppState,
    participant: &Participant,
) -> Result<DataErased, ApiError> {
    let erasure = state.store().erase_participant(participant.id).await?;
    state.analysis().changed(participant.dialogue);
    tracing::info!(
        dialogue = %participant.dialogue,
        votes_removed = erasure.vote_events_removed,
        "a participant erased their data"
    );
    Ok(DataErased {
        participant_id: participant.id.get(),
        votes_removed: erasure.vote_events_removed,
        statements_removed: erasure.statements_removed,
        statements_unlinked: erasure.statements_unlinked,
    })
}

/// Returns the `Set-Cookie` value that removes a dialogue's participant cookie.
pub(crate) fn clear_participant_cookie(state: &AppState, dialogue: DialogueId) -> String {
    set_cookie(
        &participant_cookie_name(dialogue),
        "",
        state.config().secure_cookies,
        0,
    )
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
    let erased = erase_participant(&state, &participant).await?;
    let cookie = clear_participant_cookie(&state, participant.dialogue);
    Ok((
        AppendHeaders([(SET_COOKIE, cookie)]),
        [(CACHE_CONTROL, NO_STORE)],
        Json(erased),
    )
        .into_response())
}
