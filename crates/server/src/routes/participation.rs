//! What participants do: join a dialogue, ask for the next statement, vote, and write
//! statements of their own.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{AppendHeaders, IntoResponse, Response};
use model::{DialogueId, IdempotencyKey, StatementId, StatementText};
use store::{CastVote, NewParticipant, NewStatement, StatementFilter, VoteOutcome};

use crate::api::{
    JoinRequest, JoinedDialogue, NextStatement, StatementToVote, StatementView,
    SubmitStatementRequest, VoteAccepted, VoteOutcomeBody, VoteRequest,
};
use crate::auth::{CurrentParticipant, participant_cookie_name, set_cookie};
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::views::{statement_view, validated};

/// How long the participant cookie lasts: a dialogue rarely runs longer than a year.
const PARTICIPANT_COOKIE_SECS: u64 = 365 * 24 * 3600;

/// Joins a dialogue as a new pseudonymous participant.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/participants", tag = "participation",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = JoinRequest,
    responses(
        (status = 201, description = "Joined; the token is also set as the cookie `cg_participant_<id>`", body = JoinedDialogue),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
        (status = 409, description = "`dialogue_closed`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `constituency_not_found`", body = ErrorBody),
        (status = 429, description = "`rate_limited`: too many participants from one address, with `Retry-After`", body = ErrorBody),
    )
)]
pub async fn join(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<JoinRequest>,
) -> Result<Response, ApiError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    state.limit_joins(client)?;
    let mut constituencies = Vec::new();
    for name in body.constituencies.unwrap_or_default() {
        let found = dialogue
            .constituencies
            .iter()
            .find(|constituency| constituency.name.as_str() == name.trim())
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::ConstituencyNotFound,
                    format!("{name:?} is not a constituency of this dialogue"),
                )
            })?;
        if !constituencies.contains(&found.id) {
            constituencies.push(found.id);
        }
    }
    let (participant, token) = state
        .store()
        .create_participant(NewParticipant {
            dialogue: dialogue.id,
            external_id: None,
            constituencies,
            created_at: state.now_ms(),
        })
        .await?;
    let cookie = set_cookie(
        &participant_cookie_name(dialogue.id),
        token.as_str(),
        state.config().secure_cookies,
        PARTICIPANT_COOKIE_SECS,
    );
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

/// Returns every statement participants can currently see, in id order.
pub(crate) async fn visible_statements(
    state: &AppState,
    dialogue: DialogueId,
) -> Result<Vec<store::Statement>, ApiError> {
    let mut statements = Vec::new();
    let mut filter = StatementFilter {
        visible_only: true,
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

/// Returns the next statement for this participant, or 204 when none is left.
///
/// Statements are chosen by the engine's routing (Pol.is priorities from the latest analysis,
/// boosted where the participant's group and constituencies have seen least); before the first
/// analysis, the participant's unseen statements come in the order they were written.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/next", tag = "participation",
    params(("id" = i64, Path, description = "Dialogue id")),
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
    participant: CurrentParticipant,
) -> Result<Response, ApiError> {
    let participant = participant.participant;
    let statements = visible_statements(&state, participant.dialogue).await?;
    let voted: Vec<StatementId> = state
        .store()
        .participant_votes(participant.id)
        .await?
        .into_iter()
        .map(|vote| vote.statement)
        .collect();
    let unvoted: Vec<&store::Statement> = statements
        .iter()
        .filter(|statement| !voted.contains(&statement.id))
        .collect();
    let eligible: Vec<StatementId> = unvoted.iter().map(|statement| statement.id).collect();
    let chosen = state
        .analysis()
        .route(&participant, &eligible, &voted, state.config().seed)
        .or_else(|| eligible.first().copied());
    match chosen.and_then(|id| unvoted.iter().find(|statement| statement.id == id)) {
        Some(statement) => Ok(Json(NextStatement {
            statement: StatementToVote {
                id: statement.id.get(),
                text: statement.text.clone(),
            },
        })
        .into_response()),
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
        (status = 409, description = "`dialogue_closed`, `statement_not_votable`, `idempotency_key_reused`", body = ErrorBody),
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
    state.limit_votes(participant.participant.id, client)?;
    let idempotency_key = body
        .idempotency_key
        .as_deref()
        .map(|key| validated(IdempotencyKey::parse(key)))
        .transpose()?;
    let cast = CastVote {
        participant: participant.participant.id,
        statement: StatementId(body.statement_id),
        choice: body.vote.into(),
        cast_at: state.now_ms(),
        idempotency_key,
    };
    let receipt = state.votes().submit(cast).await.map_err(|error| {
        ApiError::Unavailable(anyhow::Error::new(error).context("the vote writer has stopped"))
    })??;
    let outcome = match receipt.outcome {
        VoteOutcome::New => VoteOutcomeBody::Recorded,
        VoteOutcome::Changed { .. } => VoteOutcomeBody::Changed,
        VoteOutcome::Unchanged => VoteOutcomeBody::Unchanged,
        VoteOutcome::Replayed => VoteOutcomeBody::Replayed,
    };
    if outcome != VoteOutcomeBody::Replayed {
        state.analysis().changed(participant.participant.dialogue);
    }
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
        (status = 409, description = "`duplicate_statement` (with `statement_id`), `dialogue_closed`, `statement_limit_reached`", body = ErrorBody),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn submit_statement(
    State(state): State<AppState>,
    client: ClientAddress,
    participant: CurrentParticipant,
    ApiJson(body): ApiJson<SubmitStatementRequest>,
) -> Result<(StatusCode, Json<StatementView>), ApiError> {
    let text = validated(StatementText::parse(&body.text))?;
    check_statement_allowance(&state, &participant.participant).await?;
    state.limit_statements(participant.participant.id, client)?;
    let statement = state
        .store()
        .submit_statement(NewStatement {
            dialogue: participant.participant.dialogue,
            text,
            author: Some(participant.participant.id),
            is_meta: false,
            created_at: state.now_ms(),
        })
        .await?;
    state.analysis().changed(statement.dialogue);
    Ok((StatusCode::CREATED, Json(statement_view(&statement))))
}

/// Refuses a participant who has already written as many statements as one participant may.
///
/// Checked before the write, so two statements sent at the same moment may pass together; the
/// per-participant rate limit keeps that to a statement or two.
async fn check_statement_allowance(
    state: &AppState,
    participant: &store::Participant,
) -> Result<(), ApiError> {
    let allowed = state.config().max_statements_per_participant;
    let written = state
        .store()
        .list_statements(
            participant.dialogue,
            &StatementFilter {
                author: Some(participant.id),
                limit: Some(allowed.saturating_add(1)),
                ..StatementFilter::default()
            },
        )
        .await?
        .statements
        .len();
    if u32::try_from(written).unwrap_or(u32::MAX) >= allowed {
        return Err(ApiError::new(
            ErrorCode::StatementLimitReached,
            format!(
                "one participant may write at most {allowed} statements in a dialogue; vote on the others' statements instead"
            ),
        ));
    }
    Ok(())
}
