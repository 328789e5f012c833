//! The safeguarding pages: for participants, the page the author of a held statement is sent to
//! (with the partnership's signposting text when it may disclose harm or a crisis) and the form
//! that flags a statement, both translated; for moderators, the triage queue with a decision
//! form per statement; for convenors, the signposting text, the extra terms, the decisions
//! log with its exports, and the dialogue's moderators with the form that invites one.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{DialogueId, PartnershipId, RejectionReason, StatementId};
use serde::{Deserialize, Serialize};

use super::api::{CaseView, DecisionView, case_view, decision_view};
use super::service::{self, DecisionInput};
use crate::auth::CurrentParticipant;
use crate::dialogues::DialogueSummary;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::partnerships::api::{invitation_link, status_name};
use crate::state::AppState;
use crate::time::rfc3339;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, is_unauthenticated, sentence};
use crate::web::refusals::note_refusal;
use crate::web::render::{Layout, page};
use crate::web::security::PageConvenor;

/// The reasons a participant may give for a flag, in the order the form lists them.
/// The reasons a participant may give, each with its label's message.
const FLAG_REASONS: [(&str, &str); 5] = [
    ("disclosure", "flag-reason-disclosure"),
    ("personal_details", "flag-reason-personal-details"),
    ("abuse", "flag-reason-abuse"),
    ("misinformation", "flag-reason-misinformation"),
    ("other", "flag-reason-other"),
];

fn back_to_dialogue(id: DialogueId) -> Response {
    Redirect::to(&format!("/d/{id}")).into_response()
}

/// The participant, or the dialogue's start page for anyone else.
fn participant_or_back(
    id: DialogueId,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Result<CurrentParticipant, Response>, PageError> {
    match participant {
        Ok(participant) => Ok(Ok(participant)),
        Err(error) if is_unauthenticated(&error) || error.code() == ErrorCode::Forbidden => {
            Ok(Err(back_to_dialogue(id)))
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Serialize)]
struct SupportContext {
    layout: Layout,
    dialogue_id: i64,
    /// Whether one of the participant's held statements may disclose harm or a crisis.
    possible_disclosure: bool,
    /// Whether any of their statements is held.
    held: bool,
    /// The partnership's signposting text, one paragraph per line.
    signposting: Vec<String>,
}

/// Answers `GET /d/{id}/support`: tells the author that their statement waits for a moderator
/// and, when it may disclose harm or a crisis, shows the partnership's signposting text.
pub async fn support(
    State(state): State<AppState>,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Response, PageError> {
    let participant = match participant_or_back(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let support = service::support(&state, &participant).await?;
    let context = SupportContext {
        layout: Layout::translated(language, text(language, "support-title", &[])),
        dialogue_id: id.get(),
        possible_disclosure: support.held.iter().any(|held| held.possible_disclosure),
        held: !support.held.is_empty(),
        signposting: support
            .signposting
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect(),
    };
    Ok(page("safeguarding_support.html", context)?.into_response())
}

/// Where the author of a statement just written goes next: the support page when screening
/// holds it, otherwise `None`.
pub async fn after_writing(
    state: &AppState,
    statement: &store::Statement,
) -> Result<Option<Response>, ApiError> {
    let (held, _) = service::is_held(state, statement).await?;
    Ok(held.then(|| Redirect::to(&format!("/d/{}/support", statement.dialogue)).into_response()))
}

#[derive(Serialize)]
struct ReasonChoice {
    value: &'static str,
    label: String,
    is_checked: bool,
}

#[derive(Serialize)]
struct FlagContext {
    layout: Layout,
    dialogue_id: i64,
    statement_id: i64,
    statement_text: String,
    reasons: Vec<ReasonChoice>,
    note: String,
    error: Option<String>,
}

async fn flag_context(
    state: &AppState,
    language: Language,
    participant: &store::Participant,
    statement: StatementId,
    form: Option<&FormData>,
    error: Option<String>,
) -> Result<FlagContext, PageError> {
    let found = state.store().get_statement(statement).await?;
    if found.dialogue != participant.dialogue {
        return Err(ApiError::statement_not_found().into());
    }
    let chosen = form.map(|form| form.text("reason")).unwrap_or_default();
    Ok(FlagContext {
        layout: Layout::translated(language, text(language, "flag-title", &[])),
        dialogue_id: found.dialogue.get(),
        statement_id: found.id.get(),
        statement_text: found.text,
        reasons: FLAG_REASONS
            .iter()
            .map(|&(value, key)| ReasonChoice {
                value,
                label: text(language, key, &[]),
                is_checked: chosen == value,
            })
            .collect(),
        note: form
            .map(|form| form.text("note").to_owned())
            .unwrap_or_default(),
        error,
    })
}

/// Answers `GET /d/{id}/statements/{statement_id}/flag`: the form that flags a statement.
pub async fn flag_page(
    State(state): State<AppState>,
    language: Language,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
    participant: Result<CurrentParticipant, ApiError>,
) -> Result<Response, PageError> {
    let participant = match participant_or_back(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let context = flag_context(&state, language, &participant, statement, None, None).await?;
    Ok(page("safeguarding_flag.html", context)?.into_response())
}

/// Answers `POST /d/{id}/statements/{statement_id}/flag`: flags the statement and goes back
/// to the dialogue, or shows the form again with what was wrong.
pub async fn flag(
    State(state): State<AppState>,
    language: Language,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
    participant: Result<CurrentParticipant, ApiError>,
    form: FormData,
) -> Result<Response, PageError> {
    let participant = match participant_or_back(id, participant)? {
        Ok(participant) => participant.participant,
        Err(redirect) => return Ok(redirect),
    };
    let reason = form.text("reason");
    let result = if FLAG_REASONS.iter().any(|(value, _)| *value == reason) {
        service::flag(&state, &participant, statement, reason, form.get("note")).await
    } else {
        Err(ApiError::validation(text(
            language,
            "flag-choose-reason",
            &[],
        )))
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/d/{id}?notice=flagged")).into_response()),
        Err(error @ ApiError::Client { .. }) if error.code() != ErrorCode::StatementNotFound => {
            let status = error.code().status();
            let note = form.get("note").unwrap_or_default();
            let message = if error.code() == ErrorCode::Conflict {
                text(language, "flag-already", &[])
            } else if let Some(refusal) = note_refusal(language, note, service::MAX_NOTE_CHARS) {
                refusal
            } else {
                sentence(&error.to_string())
            };
            let context = flag_context(
                &state,
                language,
                &participant,
                statement,
                Some(&form),
                Some(message),
            )
            .await?;
            Ok((status, page("safeguarding_flag.html", context)?).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: &'static str,
}

/// The rejection reasons as the moderators' form lists them.
fn rejection_choices() -> Vec<Choice> {
    RejectionReason::ALL
        .iter()
        .map(|reason| Choice {
            value: reason.as_str(),
            label: match reason {
                RejectionReason::PersonalDetails => "Personal or identifying details",
                RejectionReason::Abusive => "Abusive",
                RejectionReason::Misinformation => "Health misinformation",
                RejectionReason::OffTopic => "Off topic",
                RejectionReason::Duplicate => "Says what another statement says",
                RejectionReason::NotAStatement => "Not a statement to agree or disagree with",
                RejectionReason::NeedsFollowUp => "A request for help, followed up outside",
            },
        })
        .collect()
}

#[derive(Serialize)]
struct QueueContext {
    layout: Layout,
    dialogue: DialogueSummary,
    partnership_id: i64,
    cases: Vec<CaseView>,
    reasons: Vec<Choice>,
    notice: Option<String>,
    error: Option<String>,
    error_statement: Option<i64>,
    /// Whether the reader convenes the dialogue; a moderator gets no link to the partnership's
    /// settings and decisions log.
    convenes: bool,
}

async fn queue_context(
    state: &AppState,
    convenor: &PageConvenor,
    id: DialogueId,
) -> Result<QueueContext, PageError> {
    let dialogue = convenor.current.moderate(state, id).await?;
    let cases = service::queue(state, &convenor.current, id).await?;
    let summary = DialogueSummary::of(&dialogue, state.now_ms());
    Ok(QueueContext {
        layout: convenor.layout(format!("Safeguarding · {}", summary.title)),
        partnership_id: dialogue.partnership.get(),
        dialogue: summary,
        cases: cases.iter().map(case_view).collect(),
        reasons: rejection_choices(),
        notice: None,
        error: None,
        error_statement: None,
        convenes: convenor.current.convenes_dialogue(state, &dialogue).await?,
    })
}

/// `?decided=ACTION`: the notice after a decision.
#[derive(Debug, Deserialize)]
pub struct DecidedQuery {
    decided: Option<String>,
}

/// Answers `GET /convenor/dialogues/{id}/safeguarding`: the triage queue, highest risk first.
pub async fn queue(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<DecidedQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let mut context = queue_context(&state, &convenor, id).await?;
    context.notice = query
        .ok()
        .and_then(|Query(query)| query.decided)
        .and_then(|decided| service::action(&decided).ok())
        .map(|action| format!("Decision recorded: {}.", action.as_str()));
    Ok(page("safeguarding_queue.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/safeguarding`: applies one decision and shows the
/// queue again.
pub async fn decide(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let statement: i64 = form
        .text("statement_id")
        .parse()
        .map_err(|_| PageError::new(StatusCode::BAD_REQUEST, "Choose a statement to decide."))?;
    let action = form.text("action");
    let result = service::decide(
        &state,
        &convenor.current,
        id,
        StatementId(statement),
        DecisionInput {
            action,
            reason: (action == "reject").then(|| form.text("reason")),
            note: form.get("note"),
            text: (action == "edit").then(|| form.text("text")),
        },
    )
    .await;
    match result {
        Ok((_, decision)) => Ok(Redirect::to(&format!(
            "/convenor/dialogues/{id}/safeguarding?decided={}",
            decision.action.as_str()
        ))
        .into_response()),
        Err(error @ ApiError::Client { .. })
            if matches!(
                error.code(),
                ErrorCode::ValidationFailed | ErrorCode::Conflict
            ) =>
        {
            let status = error.code().status();
            let mut context = queue_context(&state, &convenor, id).await?;
            context.error = Some(sentence(&error.to_string()));
            context.error_statement = Some(statement);
            Ok((status, page("safeguarding_queue.html", context)?).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Serialize)]
struct SettingsContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    signposting: String,
    disclosure_terms: String,
    abuse_terms: String,
    decisions: Vec<DecisionView>,
    saved: bool,
    error: Option<String>,
}

async fn settings_context(
    state: &AppState,
    convenor: &PageConvenor,
    id: PartnershipId,
) -> Result<SettingsContext, PageError> {
    let partnership = convenor.current.convene(state, id).await?;
    let settings = service::settings(state, &convenor.current, id).await?;
    let decisions = service::decisions(state, &convenor.current, id).await?;
    Ok(SettingsContext {
        layout: convenor.layout(format!("Safeguarding · {}", partnership.name.as_str())),
        partnership_id: id.get(),
        partnership_name: partnership.name.as_str().to_owned(),
        signposting: settings.signposting,
        disclosure_terms: settings.extra_disclosure.join("\n"),
        abuse_terms: settings.extra_abuse.join("\n"),
        decisions: decisions.iter().rev().map(decision_view).collect(),
        saved: false,
        error: None,
    })
}

/// `?saved=1` after the settings were saved.
#[derive(Debug, Deserialize)]
pub struct SavedQuery {
    saved: Option<u8>,
}

/// Answers `GET /convenor/partnerships/{id}/safeguarding`: the signposting text, the extra
/// terms and the decisions log, newest first, with its exports.
pub async fn settings(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    query: Result<Query<SavedQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let mut context = settings_context(&state, &convenor, id).await?;
    context.saved = query.is_ok_and(|Query(query)| query.saved == Some(1));
    Ok(page("safeguarding_settings.html", context)?.into_response())
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

/// Answers `POST /convenor/partnerships/{id}/safeguarding`: saves the signposting text and
/// extra terms (one per line).
pub async fn save_settings(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let result = service::save_settings(
        &state,
        &convenor.current,
        id,
        form.text("signposting"),
        &lines(form.text("disclosure_terms")),
        &lines(form.text("abuse_terms")),
    )
    .await;
    match result {
        Ok(_) => Ok(
            Redirect::to(&format!("/convenor/partnerships/{id}/safeguarding?saved=1"))
                .into_response(),
        ),
        Err(error @ ApiError::Client { .. }) if error.code() == ErrorCode::ValidationFailed => {
            let mut context = settings_context(&state, &convenor, id).await?;
            context.error = Some(sentence(&error.to_string()));
            context.signposting = form.text("signposting").to_owned();
            context.disclosure_terms = form.text("disclosure_terms").to_owned();
            context.abuse_terms = form.text("abuse_terms").to_owned();
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page("safeguarding_settings.html", context)?,
            )
                .into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// One invitation to moderate as the moderators' page lists it.
#[derive(Serialize)]
struct ModeratorInvitationRow {
    email: Option<String>,
    status: &'static str,
    made: String,
    expires: String,
}

#[derive(Serialize)]
struct ModeratorsContext {
    layout: Layout,
    dialogue: DialogueSummary,
    moderators: Vec<String>,
    invitations: Vec<ModeratorInvitationRow>,
    /// The link of the invitation just made, shown once.
    link: Option<String>,
    error: Option<String>,
    /// The address typed into a refused form.
    email: String,
}

async fn moderators_context(
    state: &AppState,
    convenor: &PageConvenor,
    id: DialogueId,
) -> Result<ModeratorsContext, ApiError> {
    let dialogue = convenor.current.dialogue(state, id).await?;
    let (moderators, invitations) = service::moderators(state, &convenor.current, id).await?;
    let now = state.now_ms();
    let rows = invitations
        .iter()
        .map(|invitation| ModeratorInvitationRow {
            email: invitation.email.as_ref().map(|to| to.as_str().to_owned()),
            status: status_name(invitation.status(now)),
            made: rfc3339(invitation.created_at),
            expires: rfc3339(invitation.expires_at),
        })
        .collect();
    let summary = DialogueSummary::of(&dialogue, now);
    Ok(ModeratorsContext {
        layout: convenor.layout(format!("Moderators · {}", summary.title)),
        dialogue: summary,
        moderators,
        invitations: rows,
        link: None,
        error: None,
        email: String::new(),
    })
}

/// Answers `GET /convenor/dialogues/{id}/moderators`: who moderates the dialogue, the
/// invitations to moderate it, and the form to invite a moderator (its convenors).
pub async fn moderators(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let context = moderators_context(&state, &convenor, id).await?;
    Ok(page("safeguarding_moderators.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/moderators`: makes an invitation to moderate and
/// shows its link once; a refused address comes back with its message.
pub async fn invite_moderator(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let made = service::invite_moderator(&state, &convenor.current, id, form.get("email"), None);
    let (status, context) = match made.await {
        Ok((_, token)) => {
            let mut context = moderators_context(&state, &convenor, id).await?;
            context.link = Some(invitation_link(&state, &token));
            (StatusCode::CREATED, context)
        }
        Err(error @ ApiError::Client { .. }) => {
            let mut context = moderators_context(&state, &convenor, id).await?;
            context.error = Some(sentence(&error.to_string()));
            context.email = form.text("email").to_owned();
            (error.code().status(), context)
        }
        Err(error) => return Err(error.into()),
    };
    Ok((status, page("safeguarding_moderators.html", context)?).into_response())
}
