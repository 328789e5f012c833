//! The safeguarding pages: for participants, the page the author of a held statement is sent to
//! (with the partnership's signposting text when it may disclose harm or a crisis) and the form
//! that flags a statement, both translated; for moderators, the triage queue with a decision
//! form per statement; for convenors, the signposting text, the extra terms, the decisions
//! log with its exports, and the dialogue's moderators with the form that invites one.
//!
//! A partner's representative may convene or moderate, so the moderators' and convenors'
//! pages are translated into the representatives' languages, with their strings in the
//! `moderating` catalogue; the API's views they show keep their data as the API gives it, and
//! the pages label each value.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{DialogueId, Email, ModerationAction, PartnershipId, RejectionReason, StatementId};
use serde::{Deserialize, Serialize};

use super::api::{CaseView, DecisionView, case_view, decision_view};
use super::service::{self, DecisionInput};
use crate::accounts::pages::email_refusal;
use crate::api::{ModerationStatusBody, StatementView};
use crate::auth::CurrentParticipant;
use crate::dialogues::DialogueSummary;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::partnerships::api::{invitation_link, status_name};
use crate::state::AppState;
use crate::time::parse_moment;
use crate::web::catalogue::{date_time, text};
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, is_unauthenticated, said_in};
use crate::web::refusals::note_refusal;
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor};

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
        Err(ApiError::invalid("flag-choose-reason", &[]))
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
                said_in(language, &error)
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
    label: String,
}

/// The rejection reasons as the moderators' form lists them.
fn rejection_choices(language: Language) -> Vec<Choice> {
    RejectionReason::ALL
        .iter()
        .map(|reason| {
            let key = match reason {
                RejectionReason::PersonalDetails => "moderating-reason-personal-details",
                RejectionReason::Abusive => "moderating-reason-abusive",
                RejectionReason::Misinformation => "moderating-reason-misinformation",
                RejectionReason::OffTopic => "moderating-reason-off-topic",
                RejectionReason::Duplicate => "moderating-reason-duplicate",
                RejectionReason::NotAStatement => "moderating-reason-not-a-statement",
                RejectionReason::NeedsFollowUp => "moderating-reason-needs-follow-up",
            };
            Choice {
                value: reason.as_str(),
                label: text(language, key, &[]),
            }
        })
        .collect()
}

/// Says a value of the API's views in `language`: the message of the value's key among
/// `labels`, or the value with its underscores as spaces when it has none (a value a newer
/// store wrote).
fn labelled(language: Language, value: &str, labels: &[(&str, &str)]) -> String {
    labels
        .iter()
        .find(|(known, _)| *known == value)
        .map_or_else(
            || value.replace('_', " "),
            |(_, key)| text(language, key, &[]),
        )
}

/// The risks a case is sorted by, each with its message.
const RISKS: [(&str, &str); 5] = [
    ("disclosure", "moderating-risk-disclosure"),
    ("personal_details", "moderating-risk-personal-details"),
    ("abuse", "moderating-risk-abuse"),
    ("misinformation", "moderating-risk-misinformation"),
    ("other", "moderating-risk-other"),
];

/// The screening rules a finding names, each with its message.
const RULES: [(&str, &str); 8] = [
    ("disclosure_term", "moderating-rule-disclosure-term"),
    ("nhs_number", "moderating-rule-nhs-number"),
    ("phone_number", "moderating-rule-phone-number"),
    ("date_of_birth", "moderating-rule-date-of-birth"),
    ("postcode", "moderating-rule-postcode"),
    ("street_address", "moderating-rule-street-address"),
    ("name_with_condition", "moderating-rule-name-with-condition"),
    ("abuse_term", "moderating-rule-abuse-term"),
];

/// The reasons a participant gives for a flag, as the queue names them.
const FLAGGED_FOR: [(&str, &str); 5] = [
    ("disclosure", "moderating-flag-disclosure"),
    ("personal_details", "moderating-flag-personal-details"),
    ("abuse", "moderating-flag-abuse"),
    ("misinformation", "moderating-flag-misinformation"),
    ("other", "moderating-flag-other"),
];

/// The reasons for a rejection, as the decisions log names them.
const LOGGED_REASONS: [(&str, &str); 7] = [
    ("personal_details", "moderating-log-reason-personal-details"),
    ("abusive", "moderating-log-reason-abusive"),
    ("misinformation", "moderating-log-reason-misinformation"),
    ("off_topic", "moderating-log-reason-off-topic"),
    ("duplicate", "moderating-log-reason-duplicate"),
    ("not_a_statement", "moderating-log-reason-not-a-statement"),
    ("needs_follow_up", "moderating-log-reason-needs-follow-up"),
];

/// Names what a moderator decided.
fn action_label(language: Language, action: ModerationAction) -> String {
    let key = match action {
        ModerationAction::Accept => "moderating-action-accept",
        ModerationAction::Reject => "moderating-action-reject",
        ModerationAction::Edit => "moderating-action-edit",
        ModerationAction::Redact => "moderating-action-redact",
    };
    text(language, key, &[])
}

/// A finding as the queue shows it: the rule named in the page's language.
#[derive(Serialize)]
struct FindingRow {
    rule: String,
    matched: String,
}

/// A participant's flag as the queue shows it.
#[derive(Serialize)]
struct FlagRow {
    reason: String,
    note: Option<String>,
    created_at: String,
}

/// A case of the triage queue as its page shows it: the API's view, with its risk, status,
/// rules and reasons named in the page's language.
#[derive(Serialize)]
struct CaseRow {
    /// The risk's stable name, which the heading's class carries.
    risk: String,
    risk_label: String,
    statement: StatementView,
    status_label: String,
    written_at: String,
    original_text: Option<String>,
    findings: Vec<FindingRow>,
    flags: Vec<FlagRow>,
}

/// Says a moment the API gives in RFC 3339 in words of the page's language ("2 Tachwedd 2026,
/// 10:00 UTC"); the API's text as it is should it not read as one.
fn moment(language: Language, rfc3339: String) -> String {
    parse_moment(&rfc3339).map_or(rfc3339, |epoch_ms| date_time(language, epoch_ms))
}

fn case_row(language: Language, case: CaseView) -> CaseRow {
    let status = match case.statement.status {
        ModerationStatusBody::Pending => "moderating-status-pending",
        ModerationStatusBody::Accepted => "moderating-status-accepted",
        ModerationStatusBody::Rejected => "moderating-status-rejected",
    };
    CaseRow {
        risk_label: labelled(language, &case.risk, &RISKS),
        risk: case.risk,
        status_label: text(language, status, &[]),
        statement: case.statement,
        written_at: moment(language, case.written_at),
        original_text: case.original_text,
        findings: case
            .findings
            .into_iter()
            .map(|finding| FindingRow {
                rule: labelled(language, &finding.rule, &RULES),
                matched: finding.matched,
            })
            .collect(),
        flags: case
            .flags
            .into_iter()
            .map(|flag| FlagRow {
                reason: labelled(language, &flag.reason, &FLAGGED_FOR),
                note: flag.note,
                created_at: moment(language, flag.created_at),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct QueueContext {
    layout: Layout,
    dialogue: DialogueSummary,
    partnership_id: i64,
    cases: Vec<CaseRow>,
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
    asked: Asked<'_>,
    id: DialogueId,
) -> Result<QueueContext, PageError> {
    let language = asked.language;
    let dialogue = convenor.current.moderate(state, id).await?;
    let cases = service::queue(state, &convenor.current, id).await?;
    let summary = DialogueSummary::in_language(language, &dialogue, state.now_ms());
    Ok(QueueContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "moderating-title",
                &[("name", summary.title.clone().into())],
            ),
        ),
        partnership_id: dialogue.partnership.get(),
        dialogue: summary,
        cases: cases
            .iter()
            .map(|case| case_row(language, case_view(case)))
            .collect(),
        reasons: rejection_choices(language),
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
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<DecidedQuery>, QueryRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let mut context = queue_context(&state, &convenor, asked, id).await?;
    context.notice = query
        .ok()
        .and_then(|Query(query)| query.decided)
        .and_then(|decided| service::action(&decided).ok())
        .map(|action| {
            asked.text(
                "moderating-notice-decided",
                &[("action", action_label(asked.language, action).into())],
            )
        });
    Ok(page("safeguarding_queue.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/safeguarding`: applies one decision and shows the
/// queue again.
pub async fn decide(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/dialogues/{id}/safeguarding");
    let asked = Asked::posted(language, &path);
    let statement: i64 = form.text("statement_id").parse().map_err(|_| {
        PageError::new(
            StatusCode::BAD_REQUEST,
            asked.text("moderating-error-statement", &[]),
        )
    })?;
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
            let mut context = queue_context(&state, &convenor, asked, id).await?;
            context.error = Some(said_in(asked.language, &error));
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
    decisions: Vec<LogRow>,
    saved: bool,
    error: Option<String>,
}

/// An entry of the decisions log as its page shows it: what was decided and why, named in the
/// page's language; the exports keep the log's own words.
#[derive(Serialize)]
struct LogRow {
    dialogue_id: i64,
    statement_id: i64,
    decided_by: String,
    decided_at: String,
    action: String,
    reason: Option<String>,
    note: Option<String>,
}

fn log_row(language: Language, decision: DecisionView) -> LogRow {
    LogRow {
        dialogue_id: decision.dialogue_id,
        statement_id: decision.statement_id,
        decided_by: decision.decided_by,
        decided_at: moment(language, decision.decided_at),
        action: service::action(&decision.action).map_or_else(
            |_| decision.action.clone(),
            |action| action_label(language, action),
        ),
        reason: decision
            .reason
            .map(|reason| labelled(language, &reason, &LOGGED_REASONS)),
        note: decision.note,
    }
}

async fn settings_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: PartnershipId,
) -> Result<SettingsContext, PageError> {
    let partnership = convenor.current.convene(state, id).await?;
    let settings = service::settings(state, &convenor.current, id).await?;
    let decisions = service::decisions(state, &convenor.current, id).await?;
    Ok(SettingsContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "moderating-title",
                &[("name", partnership.name.as_str().to_owned().into())],
            ),
        ),
        partnership_id: id.get(),
        partnership_name: partnership.name.as_str().to_owned(),
        signposting: settings.signposting,
        disclosure_terms: settings.extra_disclosure.join("\n"),
        abuse_terms: settings.extra_abuse.join("\n"),
        decisions: decisions
            .iter()
            .rev()
            .map(|decision| log_row(asked.language, decision_view(decision)))
            .collect(),
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
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    query: Result<Query<SavedQuery>, QueryRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let mut context = settings_context(&state, &convenor, asked, id).await?;
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
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/partnerships/{id}/safeguarding");
    let asked = Asked::posted(language, &path);
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
            let mut context = settings_context(&state, &convenor, asked, id).await?;
            context.error = Some(said_in(asked.language, &error));
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
    status: String,
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

/// Names where an invitation to moderate stands.
fn invitation_status(language: Language, status: &str) -> String {
    let key = match status {
        "accepted" => "moderating-invitation-accepted",
        "revoked" => "moderating-invitation-revoked",
        "expired" => "moderating-invitation-expired",
        _ => "moderating-invitation-pending",
    };
    text(language, key, &[])
}

async fn moderators_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: DialogueId,
) -> Result<ModeratorsContext, ApiError> {
    let dialogue = convenor.current.dialogue(state, id).await?;
    let (moderators, invitations) = service::moderators(state, &convenor.current, id).await?;
    let now = state.now_ms();
    let rows = invitations
        .iter()
        .map(|invitation| ModeratorInvitationRow {
            email: invitation.email.as_ref().map(|to| to.as_str().to_owned()),
            status: invitation_status(asked.language, status_name(invitation.status(now))),
            made: date_time(asked.language, invitation.created_at),
            expires: date_time(asked.language, invitation.expires_at),
        })
        .collect();
    let summary = DialogueSummary::in_language(asked.language, &dialogue, now);
    Ok(ModeratorsContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "moderating-moderators-title",
                &[("dialogue", summary.title.clone().into())],
            ),
        ),
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
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let context = moderators_context(&state, &convenor, asked, id).await?;
    Ok(page("safeguarding_moderators.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/moderators`: makes an invitation to moderate and
/// shows its link once; a refused address comes back with its message.
pub async fn invite_moderator(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/dialogues/{id}/moderators");
    let asked = Asked::posted(language, &path);
    // The address is checked as the service will, so that a mistake is said in the page's
    // language; blank invites anyone with the link.
    let typed = form.text("email").trim();
    let made = match (!typed.is_empty()).then(|| Email::parse(typed)) {
        Some(Err(error)) => Err(ApiError::validation(email_refusal(asked.language, &error))),
        _ => {
            service::invite_moderator(&state, &convenor.current, id, form.get("email"), None).await
        }
    };
    let (status, context) = match made {
        Ok((_, token)) => {
            let mut context = moderators_context(&state, &convenor, asked, id).await?;
            context.link = Some(invitation_link(&state, &token));
            (StatusCode::CREATED, context)
        }
        Err(error @ ApiError::Client { .. }) => {
            let mut context = moderators_context(&state, &convenor, asked, id).await?;
            context.error = Some(said_in(asked.language, &error));
            context.email = form.text("email").to_owned();
            (error.code().status(), context)
        }
        Err(error) => return Err(error.into()),
    };
    Ok((status, page("safeguarding_moderators.html", context)?).into_response())
}
