//! The JSON routes of safeguarding: a participant's held statements with the signposting text
//! and flags; the moderators' triage queue and decisions; the convenors' decisions log (JSON
//! and CSV, read only: the log has no route that changes it) and settings; the dialogue's
//! moderators and the invitations that make them.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use model::{DialogueId, ModeratorInvitationId, PartnershipId, StatementId};
use serde::{Deserialize, Serialize};
use store::{Decision, Flag, ModeratorInvitation, SafeguardingSettings};
use utoipa::ToSchema;

use super::service::{self, DecisionInput, TriageCase};
use crate::api::StatementView;
use crate::auth::{CurrentConvenor, CurrentParticipant};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::partnerships::api::{CreateInvitationRequest, PlaceInvitationState, invitation_link};
use crate::state::AppState;
use crate::time::rfc3339;
use crate::views::statement_view;

/// `POST /api/dialogues/{id}/statements/{statement_id}/flags`: why a participant flags a
/// statement.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FlagRequest {
    /// `disclosure` (someone may be at risk), `personal_details`, `abuse`, `misinformation`
    /// or `other`.
    pub reason: String,
    /// What the participant adds (at most 500 characters).
    #[serde(default)]
    pub note: Option<String>,
}

/// A participant's flag on a statement.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FlagView {
    /// The flag's id.
    pub id: i64,
    /// The statement flagged.
    pub statement_id: i64,
    /// Why.
    pub reason: String,
    /// What the participant added.
    pub note: Option<String>,
    /// When (RFC 3339).
    pub created_at: String,
}

/// One of the participant's statements held for a safeguarding moderator.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HeldStatementView {
    /// The statement.
    pub statement_id: i64,
    /// Whether it may disclose harm or a crisis: then the signposting text is for its author.
    pub possible_disclosure: bool,
}

/// What the participant is told: their held statements and where to find help.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SupportView {
    /// Their statements held for a moderator.
    pub held_statements: Vec<HeldStatementView>,
    /// The partnership's signposting text (local crisis lines and services); empty if none.
    pub signposting: String,
}

/// What one screening rule matched.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FindingView {
    /// `disclosure`, `personal_details` or `abuse`.
    pub concern: String,
    /// The rule (`disclosure_term`, `nhs_number`, `phone_number`, `date_of_birth`, `postcode`,
    /// `street_address`, `name_with_condition`, `abuse_term`).
    pub rule: String,
    /// The words matched, in the text as the author wrote it.
    pub matched: String,
}

/// A statement in the triage queue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseView {
    /// The highest-risk concern among its findings and flags, which the queue is sorted by.
    pub risk: String,
    /// The statement as it stands.
    pub statement: StatementView,
    /// When it was written (RFC 3339).
    pub written_at: String,
    /// The author's text, when a moderator has edited or redacted it.
    pub original_text: Option<String>,
    /// What screening found when it was written.
    pub findings: Vec<FindingView>,
    /// Participants' flags, oldest first.
    pub flags: Vec<FlagView>,
}

/// A dialogue's triage queue: highest risk first, then oldest first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TriageQueue {
    /// The cases.
    pub cases: Vec<CaseView>,
}

/// `POST /api/dialogues/{id}/safeguarding/statements/{statement_id}/decisions`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// `accept`, `reject`, `edit` or `redact` (personal details replaced by `[removed]`).
    pub action: String,
    /// For a rejection, and only then: `personal_details`, `abusive`, `misinformation`,
    /// `off_topic`, `duplicate`, `not_a_statement` or `needs_follow_up`.
    #[serde(default)]
    pub reason: Option<String>,
    /// Why, in the moderator's words (at most 500 characters); a rejection's note is what the
    /// author reads.
    #[serde(default)]
    pub note: Option<String>,
    /// For an edit, and only then: the new text (the author's original is kept).
    #[serde(default)]
    pub text: Option<String>,
}

/// One entry of the decisions log.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DecisionView {
    /// The entry's id, in the order decisions were made.
    pub id: i64,
    /// The statement's dialogue.
    pub dialogue_id: i64,
    /// The statement.
    pub statement_id: i64,
    /// Who decided: the account's email address at the time.
    pub decided_by: String,
    /// When (RFC 3339).
    pub decided_at: String,
    /// What: `accept`, `reject`, `edit` or `redact`.
    pub action: String,
    /// Why: a rejection's reason from the list.
    pub reason: Option<String>,
    /// Why, in the moderator's words.
    pub note: Option<String>,
}

/// A decision made and the statement as it now stands.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DecisionMade {
    /// The log's new entry.
    pub decision: DecisionView,
    /// The statement.
    pub statement: StatementView,
}

/// A partnership's decisions log, oldest first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DecisionLog {
    /// The partnership.
    pub partnership_id: i64,
    /// Every decision.
    pub decisions: Vec<DecisionView>,
}

/// A partnership's safeguarding settings.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SafeguardingSettingsView {
    /// What the author of a possible disclosure reads (local crisis lines and services).
    pub signposting: String,
    /// Words and phrases added to the disclosure lists (`*` at a word's end matches any ending).
    pub disclosure_terms: Vec<String>,
    /// Words and phrases added to the abuse lists.
    pub abuse_terms: Vec<String>,
    /// When a convenor last saved them (RFC 3339), if ever.
    pub updated_at: Option<String>,
}

/// `PUT /api/partnerships/{id}/safeguarding/settings`: the settings, whole.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SafeguardingSettingsRequest {
    /// What the author of a possible disclosure reads (at most 4,000 characters).
    pub signposting: String,
    /// Extra disclosure terms (at most 300, each one line of at most 80 characters).
    #[serde(default)]
    pub disclosure_terms: Vec<String>,
    /// Extra abuse terms (the same limits).
    #[serde(default)]
    pub abuse_terms: Vec<String>,
}

pub(crate) fn flag_view(flag: &Flag) -> FlagView {
    FlagView {
        id: flag.id,
        statement_id: flag.statement.get(),
        reason: flag.reason.as_str().to_owned(),
        note: flag.note.clone(),
        created_at: rfc3339(flag.created_at),
    }
}

pub(crate) fn case_view(item: &TriageCase) -> CaseView {
    let case = &item.case;
    let written = case
        .original_text
        .as_deref()
        .unwrap_or(&case.statement.text);
    CaseView {
        risk: item.risk.as_str().to_owned(),
        statement: statement_view(&case.statement),
        written_at: rfc3339(case.statement.created_at),
        original_text: case.original_text.clone(),
        findings: case
            .findings
            .iter()
            .map(|finding| FindingView {
                concern: finding.concern.as_str().to_owned(),
                rule: finding.rule.clone(),
                matched: usize::try_from(finding.start)
                    .ok()
                    .zip(usize::try_from(finding.end).ok())
                    .and_then(|(start, end)| written.get(start..end))
                    .unwrap_or_default()
                    .to_owned(),
            })
            .collect(),
        flags: case.flags.iter().map(flag_view).collect(),
    }
}

pub(crate) fn decision_view(decision: &Decision) -> DecisionView {
    DecisionView {
        id: decision.id,
        dialogue_id: decision.dialogue.get(),
        statement_id: decision.statement.get(),
        decided_by: decision.actor_email.clone(),
        decided_at: rfc3339(decision.decided_at),
        action: decision.action.as_str().to_owned(),
        reason: decision.reason.map(|reason| reason.as_str().to_owned()),
        note: decision.note.clone(),
    }
}

pub(crate) fn settings_view(settings: &SafeguardingSettings) -> SafeguardingSettingsView {
    SafeguardingSettingsView {
        signposting: settings.signposting.clone(),
        disclosure_terms: settings.extra_disclosure.clone(),
        abuse_terms: settings.extra_abuse.clone(),
        updated_at: settings.updated_at.map(rfc3339),
    }
}

/// The decisions log as CSV: a header row and one row per decision.
pub(crate) fn decisions_csv(decisions: &[DecisionView]) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |error: csv::Error| ApiError::internal(anyhow::Error::new(error));
    writer
        .write_record([
            "id",
            "decided_at",
            "decided_by",
            "dialogue_id",
            "statement_id",
            "action",
            "reason",
            "note",
        ])
        .map_err(failed)?;
    for decision in decisions {
        writer
            .write_record([
                decision.id.to_string().as_str(),
                &decision.decided_at,
                &decision.decided_by,
                &decision.dialogue_id.to_string(),
                &decision.statement_id.to_string(),
                &decision.action,
                decision.reason.as_deref().unwrap_or_default(),
                decision.note.as_deref().unwrap_or_default(),
            ])
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|error| ApiError::internal(anyhow::anyhow!("{error}")))
}

/// Flags a statement of the participant's dialogue for its moderators, once per participant.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/statements/{statement_id}/flags", tag = "safeguarding",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("statement_id" = i64, Path, description = "Statement id"),
    ),
    request_body = FlagRequest,
    responses(
        (status = 201, body = FlagView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another dialogue", body = ErrorBody),
        (status = 404, description = "`statement_not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: already flagged by this participant", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("participant_token" = []))
)]
pub async fn flag(
    State(state): State<AppState>,
    participant: CurrentParticipant,
    ApiPath((_, statement)): ApiPath<(DialogueId, StatementId)>,
    ApiJson(body): ApiJson<FlagRequest>,
) -> Result<(StatusCode, Json<FlagView>), ApiError> {
    let flag = service::flag(
        &state,
        &participant.participant,
        statement,
        &body.reason,
        body.note.as_deref(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(flag_view(&flag))))
}

/// Returns the participant's statements held for a safeguarding moderator and the
/// partnership's signposting text (local crisis lines and services).
#[utoipa::path(
    get, path = "/api/dialogues/{id}/support", tag = "safeguarding",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = SupportView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another dialogue", body = ErrorBody),
    ),
    security(("participant_token" = []))
)]
pub async fn support(
    State(state): State<AppState>,
    participant: CurrentParticipant,
) -> Result<Json<SupportView>, ApiError> {
    let support = service::support(&state, &participant.participant).await?;
    Ok(Json(SupportView {
        held_statements: support
            .held
            .iter()
            .map(|held| HeldStatementView {
                statement_id: held.statement.get(),
                possible_disclosure: held.possible_disclosure,
            })
            .collect(),
        signposting: support.signposting,
    }))
}

/// Returns a dialogue's triage queue for its moderators: statements held by screening or
/// flagged since their last decision, highest risk first (disclosure, personal details, abuse,
/// misinformation, other), then oldest first.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/safeguarding/queue", tag = "safeguarding",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = TriageQueue),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn queue(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Json<TriageQueue>, ApiError> {
    let cases = service::queue(&state, &convenor, id).await?;
    Ok(Json(TriageQueue {
        cases: cases.iter().map(case_view).collect(),
    }))
}

/// Decides a statement: accept, reject with a reason from the list, edit (the author's
/// original kept) or redact personal details; the decision joins the log.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/safeguarding/statements/{statement_id}/decisions",
    tag = "safeguarding",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("statement_id" = i64, Path, description = "Statement id"),
    ),
    request_body = DecisionRequest,
    responses(
        (status = 201, body = DecisionMade),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: nothing to redact", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn decide(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
    ApiJson(body): ApiJson<DecisionRequest>,
) -> Result<(StatusCode, Json<DecisionMade>), ApiError> {
    let (updated, decision) = service::decide(
        &state,
        &convenor,
        id,
        statement,
        DecisionInput {
            action: &body.action,
            reason: body.reason.as_deref(),
            note: body.note.as_deref(),
            text: body.text.as_deref(),
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(DecisionMade {
            decision: decision_view(&decision),
            statement: statement_view(&updated),
        }),
    ))
}

/// Returns a partnership's decisions log as JSON: who decided what, when and why. The log is
/// only ever appended to; no route changes or removes an entry.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/safeguarding/decisions", tag = "safeguarding",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = DecisionLog),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn decisions(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<DecisionLog>, ApiError> {
    let decisions = service::decisions(&state, &convenor, id).await?;
    Ok(Json(DecisionLog {
        partnership_id: id.get(),
        decisions: decisions.iter().map(decision_view).collect(),
    }))
}

/// Returns a partnership's decisions log as CSV (`id`, `decided_at`, `decided_by`,
/// `dialogue_id`, `statement_id`, `action`, `reason`, `note`).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/safeguarding/decisions.csv", tag = "safeguarding",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, description = "The log as CSV", content_type = "text/csv", body = String),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn decisions_csv_download(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, ApiError> {
    let decisions = service::decisions(&state, &convenor, id).await?;
    let views: Vec<DecisionView> = decisions.iter().map(decision_view).collect();
    let body = decisions_csv(&views)?;
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"partnership-{id}-moderation-decisions.csv\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// Returns a partnership's safeguarding settings, for its convenors.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/safeguarding/settings", tag = "safeguarding",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = SafeguardingSettingsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn settings(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<SafeguardingSettingsView>, ApiError> {
    let settings = service::settings(&state, &convenor, id).await?;
    Ok(Json(settings_view(&settings)))
}

/// Replaces a partnership's signposting text and extra terms.
#[utoipa::path(
    put, path = "/api/partnerships/{id}/safeguarding/settings", tag = "safeguarding",
    params(("id" = i64, Path, description = "Partnership id")),
    request_body = SafeguardingSettingsRequest,
    responses(
        (status = 200, body = SafeguardingSettingsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn save_settings(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<SafeguardingSettingsRequest>,
) -> Result<Json<SafeguardingSettingsView>, ApiError> {
    let settings = service::save_settings(
        &state,
        &convenor,
        id,
        &body.signposting,
        &body.disclosure_terms,
        &body.abuse_terms,
    )
    .await?;
    Ok(Json(settings_view(&settings)))
}

/// An invitation to moderate a dialogue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ModeratorInvitationView {
    /// The invitation's id.
    pub id: i64,
    /// The dialogue it invites to moderate.
    pub dialogue_id: i64,
    /// Where it stands.
    #[serde(flatten)]
    pub state: PlaceInvitationState,
}

impl ModeratorInvitationView {
    fn of(invitation: &ModeratorInvitation, now: i64) -> Self {
        ModeratorInvitationView {
            id: invitation.id.get(),
            dialogue_id: invitation.place.get(),
            state: PlaceInvitationState::of(invitation, now),
        }
    }
}

/// A dialogue's moderators and its invitations to moderate.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ModeratorsView {
    /// The email addresses of the accounts that moderate the dialogue.
    pub moderators: Vec<String>,
    /// The invitations to moderate it, oldest first.
    pub invitations: Vec<ModeratorInvitationView>,
}

/// A new invitation to moderate, with its single-use link, shown only in this answer.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedModeratorInvitation {
    /// The invitation.
    pub invitation: ModeratorInvitationView,
    /// The link for the person invited; it opens `/invite/{token}`.
    pub link: String,
    /// The token in the link, for `POST /api/invitations/accept`.
    pub token: String,
}

/// Makes a single-use link that lets a person moderate this dialogue (its convenors): work
/// through its moderation and safeguarding queues and add translations and easy-read versions
/// of its statements. A new person makes an account with it, which may not convene. The link
/// is in this answer only.
#[utoipa::path(
    post, path = "/api/dialogues/{id}/moderator-invitations", tag = "safeguarding",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = CreateInvitationRequest,
    responses(
        (status = 201, body = CreatedModeratorInvitation),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn invite_moderator(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    ApiJson(body): ApiJson<CreateInvitationRequest>,
) -> Result<(StatusCode, Json<CreatedModeratorInvitation>), ApiError> {
    let email = body.email.as_deref();
    let (invitation, token) =
        service::invite_moderator(&state, &actor, id, email, body.expires_in_days).await?;
    let created = CreatedModeratorInvitation {
        invitation: ModeratorInvitationView::of(&invitation, state.now_ms()),
        link: invitation_link(&state, &token),
        token: token.as_str().to_owned(),
    };
    Ok((StatusCode::CREATED, Json(created)))
}

/// Lists a dialogue's moderators and its invitations to moderate it (its convenors).
#[utoipa::path(
    get, path = "/api/dialogues/{id}/moderator-invitations", tag = "safeguarding",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = ModeratorsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn moderators(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Json<ModeratorsView>, ApiError> {
    let (moderators, invitations) = service::moderators(&state, &actor, id).await?;
    let now = state.now_ms();
    let invitations = invitations
        .iter()
        .map(|invitation| ModeratorInvitationView::of(invitation, now))
        .collect();
    Ok(Json(ModeratorsView {
        moderators,
        invitations,
    }))
}

/// Revokes an invitation to moderate the dialogue that nobody accepted (its convenors).
#[utoipa::path(
    delete, path = "/api/dialogues/{id}/moderator-invitations/{invitation_id}", tag = "safeguarding",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("invitation_id" = i64, Path, description = "Invitation id"),
    ),
    responses(
        (status = 200, body = ModeratorInvitationView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `not_found`", body = ErrorBody),
        (status = 409, description = "`invitation_used`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn revoke_moderator_invitation(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, invitation)): ApiPath<(DialogueId, ModeratorInvitationId)>,
) -> Result<Json<ModeratorInvitationView>, ApiError> {
    let revoked = service::revoke_moderator_invitation(&state, &actor, id, invitation).await?;
    Ok(Json(ModeratorInvitationView::of(&revoked, state.now_ms())))
}
