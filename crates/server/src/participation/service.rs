//! Each thing a participant does, once: join, get the next statement, vote, write a
//! statement, read everything the dialogue holds about them, and erase it. The JSON handlers
//! and the participant's pages both call these.

use std::collections::BTreeSet;

use model::{
    ConstituencyId, DialogueId, DialogueStatus, IdempotencyKey, StatementId, StatementText, Token,
    VoteChannel, VoteChoice,
};
use store::{
    CastVote, Dialogue, NewParticipant, NewStatement, Participant, Statement, StatementFilter,
    VoteOutcome,
};

use crate::api::{
    DataErased, MyData, MyStatement, MyVote, ShownVersion, VoteBody, VoteOutcomeBody,
};
use crate::auth::{participant_cookie_name, set_cookie};
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;
use crate::time::rfc3339;
use crate::web::language::Language;

/// How long the participant cookie lasts: a dialogue rarely runs longer than a year.
const PARTICIPANT_COOKIE_SECS: u64 = 365 * 24 * 3600;

/// Returns the `Set-Cookie` value that keeps a participant's token for their dialogue.
pub fn participant_cookie(state: &AppState, dialogue: DialogueId, token: &Token) -> String {
    set_cookie(
        &participant_cookie_name(dialogue),
        token.as_str(),
        state.config().secure_cookies,
        PARTICIPANT_COOKIE_SECS,
    )
}

/// Returns the `Set-Cookie` value that removes a dialogue's participant cookie.
pub fn clear_participant_cookie(state: &AppState, dialogue: DialogueId) -> String {
    set_cookie(
        &participant_cookie_name(dialogue),
        "",
        state.config().secure_cookies,
        0,
    )
}

/// Joins a dialogue as a new pseudonymous participant of the constituencies named.
pub async fn join(
    state: &AppState,
    client: ClientAddress,
    dialogue: DialogueId,
    constituency_names: &[String],
) -> Result<(Participant, Token), ApiError> {
    let dialogue = state.store().get_dialogue(dialogue).await?;
    state.limit_joins(client).await?;
    let constituencies = constituency_ids(&dialogue, constituency_names)?;
    Ok(state
        .store()
        .create_participant(NewParticipant {
            dialogue: dialogue.id,
            external_id: None,
            constituencies,
            created_at: state.now_ms(),
        })
        .await?)
}

/// Finds the dialogue's constituencies by name, each once, refusing a name the dialogue does
/// not have.
fn constituency_ids(
    dialogue: &Dialogue,
    names: &[String],
) -> Result<Vec<ConstituencyId>, ApiError> {
    let mut constituencies = Vec::new();
    for name in names {
        let found = dialogue
            .constituencies
            .iter()
            .find(|constituency| constituency.name.as_str() == name.trim())
            .ok_or_else(|| crate::facilitation::service::not_a_constituency(name))?;
        if !constituencies.contains(&found.id) {
            constituencies.push(found.id);
        }
    }
    Ok(constituencies)
}

/// Returns the names of the constituencies a participant belongs to, in the dialogue's order.
pub fn constituency_names(dialogue: &Dialogue, participant: &Participant) -> Vec<String> {
    dialogue
        .constituencies
        .iter()
        .filter(|constituency| participant.constituencies.contains(&constituency.id))
        .map(|constituency| constituency.name.as_str().to_owned())
        .collect()
}

/// Changes the constituencies a participant belongs to, while the dialogue is open; the
/// analysis is recomputed with them. Returns the participant as they now are.
pub async fn change_constituencies(
    state: &AppState,
    participant: &Participant,
    names: &[String],
) -> Result<Participant, ApiError> {
    let dialogue = state.store().get_dialogue(participant.dialogue).await?;
    let constituencies = constituency_ids(&dialogue, names)?;
    match dialogue.status_at(state.now_ms()) {
        DialogueStatus::Open => {}
        DialogueStatus::Closed => {
            return Err(ApiError::refused(
                ErrorCode::DialogueClosed,
                "facilitation-refused-groups-closed",
                &[],
            ));
        }
        DialogueStatus::NotYetOpen { opens_at } => return Err(ApiError::not_open(opens_at)),
    }
    let updated = state
        .store()
        .set_participant_constituencies(participant.id, &constituencies)
        .await?;
    state.analysis().changed(participant.dialogue);
    Ok(updated)
}

/// Returns every statement of a dialogue, in id order: only those participants can see, or
/// all of them whatever their moderation status.
async fn statements(
    state: &AppState,
    dialogue: DialogueId,
    visible_only: bool,
) -> Result<Vec<Statement>, ApiError> {
    let mut statements = Vec::new();
    let mut filter = StatementFilter {
        visible_only,
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

/// Returns every statement participants can currently see, in id order: moderation lets them
/// see it, and it is not waiting for a translation into the dialogue's language.
pub async fn visible_statements(
    state: &AppState,
    dialogue: DialogueId,
) -> Result<Vec<Statement>, ApiError> {
    let statements = statements(state, dialogue, true).await?;
    crate::versions::service::without_waiting(state, dialogue, statements).await
}

/// Returns the next statement for this participant, or `None` when they have seen them all.
///
/// Statements are chosen by the engine's routing; before the first analysis, the
/// participant's unseen statements come in the order they were written.
pub async fn next_statement(
    state: &AppState,
    participant: &Participant,
) -> Result<Option<Statement>, ApiError> {
    let statements = visible_statements(state, participant.dialogue).await?;
    let voted: Vec<StatementId> = state
        .store()
        .participant_votes(participant.id)
        .await?
        .into_iter()
        .map(|vote| vote.statement)
        .collect();
    let mut unvoted: Vec<Statement> = statements
        .into_iter()
        .filter(|statement| !voted.contains(&statement.id))
        .collect();
    let eligible: Vec<StatementId> = unvoted.iter().map(|statement| statement.id).collect();
    let chosen = state
        .analysis()
        .route(participant, &eligible, &voted, state.config().seed)
        .or_else(|| eligible.first().copied());
    Ok(chosen.and_then(|id| {
        let index = unvoted.iter().position(|statement| statement.id == id)?;
        Some(unvoted.swap_remove(index))
    }))
}

/// Records a vote once it is durably stored, and schedules the analysis unless the vote was a
/// replay of one already recorded.
pub async fn vote(
    state: &AppState,
    client: ClientAddress,
    participant: &Participant,
    statement: StatementId,
    choice: VoteBody,
    idempotency_key: Option<&str>,
) -> Result<VoteOutcomeBody, ApiError> {
    state.limit_votes(participant.id, client).await?;
    let idempotency_key = idempotency_key.map(IdempotencyKey::parse).transpose()?;
    let cast = CastVote {
        participant: participant.id,
        statement,
        choice: choice.into(),
        cast_at: state.now_ms(),
        channel: VoteChannel::Online,
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
        state.analysis().changed(participant.dialogue);
    }
    Ok(outcome)
}

/// Adds a participant's statement, within their allowance and the rate limit, with the
/// language it was written in (`None`: the dialogue's). One written in another language than
/// the dialogue's may wait for a translation before others see it; the language is stored with
/// the statement, in its transaction.
pub async fn submit_statement(
    state: &AppState,
    client: ClientAddress,
    participant: &Participant,
    text: &str,
    written_in: Option<Language>,
) -> Result<Statement, ApiError> {
    let text = StatementText::parse(text)?;
    check_statement_allowance(state, participant).await?;
    state.limit_statements(participant.id, client).await?;
    // Screening holds a statement that matches a safeguarding rule for a moderator.
    let statement = crate::safeguarding::service::submit_written_in(
        state,
        NewStatement {
            dialogue: participant.dialogue,
            text,
            author: Some(participant.id),
            is_meta: false,
            created_at: state.now_ms(),
        },
        written_in,
    )
    .await?;
    state.analysis().changed(statement.dialogue);
    Ok(statement)
}

/// Refuses a participant who has already written as many statements as one participant may.
///
/// Checked before the write, so two statements sent at the same moment may pass together; the
/// per-participant rate limit keeps that to a statement or two.
async fn check_statement_allowance(
    state: &AppState,
    participant: &Participant,
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
        return Err(ApiError::refused(
            ErrorCode::StatementLimitReached,
            "facilitation-refused-statement-limit",
            &[("allowed", allowed.into())],
        ));
    }
    Ok(())
}

fn vote_body(choice: VoteChoice) -> VoteBody {
    match choice {
        VoteChoice::Agree => VoteBody::Agree,
        VoteChoice::Disagree => VoteBody::Disagree,
        VoteChoice::Pass => VoteBody::Pass,
    }
}

/// Gathers everything the dialogue holds about a participant, each statement as written and
/// in the version its reader is shown (`language`, and easy read when they chose it).
pub async fn my_data(
    state: &AppState,
    participant: &Participant,
    language: Language,
    easy_read: bool,
) -> Result<MyData, ApiError> {
    let dialogue = state.store().get_dialogue(participant.dialogue).await?;
    let statements = statements(state, dialogue.id, false).await?;
    let held = state.store().held_statements(dialogue.id).await?;
    let readings = crate::versions::service::readings(state, dialogue.id).await?;
    let find = |id: StatementId| {
        statements
            .binary_search_by_key(&id, |statement| statement.id)
            .ok()
            .map(|index| &statements[index])
    };
    let text_of = |id: StatementId| {
        find(id)
            .map(|statement| statement.text.clone())
            .unwrap_or_default()
    };
    let version_of =
        |statement: &Statement| ShownVersion::of(&readings.read(statement, language, easy_read));
    let history = state
        .store()
        .participant_vote_history(participant.id)
        .await?;
    // The last event on a statement in the current round is the vote the analysis counts;
    // votes of earlier rounds are kept with their round.
    let round = state.store().round_now(dialogue.id).await?.number;
    let mut counted = BTreeSet::new();
    let mut is_latest = vec![false; history.len()];
    for (index, event) in history.iter().enumerate().rev() {
        is_latest[index] = event.round == round && counted.insert(event.statement);
    }
    let votes = history
        .iter()
        .zip(is_latest)
        .map(|(event, is_latest)| MyVote {
            statement_id: event.statement.get(),
            statement_text: text_of(event.statement),
            statement_language: readings.written_in(event.statement).code().to_owned(),
            statement_version: find(event.statement).and_then(version_of),
            vote: vote_body(event.choice),
            cast_at: rfc3339(event.cast_at),
            round: event.round,
            is_latest,
        })
        .collect();
    let written = statements
        .iter()
        .filter(|statement| statement.author == Some(participant.id))
        .map(|statement| MyStatement {
            id: statement.id.get(),
            text: statement.text.clone(),
            language: readings.written_in(statement.id).code().to_owned(),
            version: version_of(statement),
            status: statement.moderation.into(),
            is_shown: statement
                .moderation
                .is_visible_under(dialogue.settings.moderation)
                && !held.contains(&statement.id),
            rejection_reason: statement.rejection_reason.clone(),
            created_at: rfc3339(statement.created_at),
        })
        .collect();
    Ok(MyData {
        dialogue_id: dialogue.id.get(),
        dialogue_title: dialogue.settings.title.as_str().to_owned(),
        participant_id: participant.id.get(),
        joined_at: rfc3339(participant.created_at),
        constituencies: constituency_names(&dialogue, participant),
        votes,
        statements: written,
    })
}

/// Erases a participant and tells the analysis that the dialogue changed, so that the next
/// analysis no longer counts them. Allowed after the dialogue has closed.
pub async fn erase(state: &AppState, participant: &Participant) -> Result<DataErased, ApiError> {
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
