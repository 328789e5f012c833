//! The objectives and actions JSON API: a partnership's decision rule, its shared objectives
//! with their versions, the partners' stances and the engine's status, and the actions under
//! adopted objectives with their progress notes. Handlers parse, call [`super::service`] and
//! shape the answer.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use model::{DialogueId, PartnerId, PartnershipId};
use serde::{Deserialize, Serialize};
use store::{ActionId, ObjectiveId, StoredRule};
use utoipa::ToSchema;

use super::evidence::Evidence;
use super::service::{self, ActionInput, ActionState, Draft, ObjectiveState, StanceInput};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::time::rfc3339;

/// A partnership's decision rule.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRuleBody {
    /// `consent` (adopted when no partner objects and a quorum responded) or `unanimity`
    /// (adopted when every partner endorses).
    pub rule: String,
    /// With `consent`: the percentage of partners that must respond, 1 to 100. Absent (or
    /// `null`) with `unanimity`.
    #[serde(default)]
    pub quorum_percent: Option<u32>,
}

/// `POST /api/partnerships/{id}/objectives`: a new objective.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftRequest {
    /// The title, 1 to 200 characters.
    pub title: String,
    /// The text, 1 to 5000 characters.
    pub text: String,
    /// The partnership's dialogue whose statements it rests on, if any.
    #[serde(default)]
    pub dialogue_id: Option<i64>,
    /// The statements of that dialogue it rests on (1 to 20, in the order to show them); their
    /// standing in the latest analysis is frozen with the version.
    #[serde(default)]
    pub statement_ids: Vec<u32>,
}

/// `POST /api/objectives/{id}/versions`: a new version.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AmendRequest {
    /// The title, 1 to 200 characters.
    pub title: String,
    /// The text, 1 to 5000 characters.
    pub text: String,
    /// A dialogue to cite afresh; without one the version keeps the evidence of the version
    /// before.
    #[serde(default)]
    pub dialogue_id: Option<i64>,
    /// The statements of that dialogue it rests on.
    #[serde(default)]
    pub statement_ids: Vec<u32>,
    /// The objection whose amendment the version takes up (a stance id), if any.
    #[serde(default)]
    pub amends: Option<i64>,
}

/// `POST /api/objectives/{id}/stances`: a partner's stance on the current version.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StanceRequest {
    /// The partner the caller speaks for.
    pub partner_id: i64,
    /// The version read; it must be the current one.
    pub version: u32,
    /// `endorse`, `endorse_with_reservations` or `object`.
    pub stance: String,
    /// The reservations (required with reservations) or the reason (required to object), up
    /// to 2000 characters; empty for a plain endorsement.
    #[serde(default)]
    pub reason: String,
    /// The wording proposed instead, with an objection only (up to 5000 characters).
    #[serde(default)]
    pub amendment: String,
}

/// `POST /api/objectives/{id}/actions`: an action under an adopted objective.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRequest {
    /// The partner that owns it.
    pub owner_partner_id: i64,
    /// Partners that share it.
    #[serde(default)]
    pub shared_with: Vec<i64>,
    /// What will be done, 1 to 300 characters.
    pub title: String,
    /// The role that leads it, 1 to 200 characters.
    pub lead_role: String,
    /// When it is due, `YYYY-MM-DD`.
    #[serde(default)]
    pub due_on: Option<String>,
    /// `planned` (the default), `in_progress`, `done`, `blocked` or `dropped`.
    #[serde(default)]
    pub status: Option<String>,
}

/// `POST /api/actions/{id}/notes`: a progress note.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    /// The status after the note (the action's current status when absent).
    #[serde(default)]
    pub status: Option<String>,
    /// The note, 1 to 2000 characters.
    pub note: String,
}

/// How many partners took each stance on the current version.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StanceCountsView {
    /// Endorse without reservations.
    pub endorse: usize,
    /// Endorse with reservations.
    pub with_reservations: usize,
    /// Object.
    pub object: usize,
    /// Have no stance on the current version.
    pub not_responded: usize,
}

/// The stances of one sector's partners on the current version.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SectorView {
    /// The sector (`nhs`, `local_authority`, `voluntary`, `community`, ...).
    pub sector: String,
    /// Its partners' stances.
    pub counts: StanceCountsView,
}

/// A partner's stance on an earlier version.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EarlierStance {
    /// The version.
    pub version: u32,
    /// The stance.
    pub stance: String,
}

/// One current partner's standing on the objective.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PartnerStandingView {
    /// The partner's id.
    pub partner_id: i64,
    /// Its name.
    pub name: String,
    /// Its sector.
    pub sector: String,
    /// Its stance on the current version, `null` when it has none.
    pub stance: Option<String>,
    /// Its reservations or reason on the current version.
    pub reason: Option<String>,
    /// The amendment it proposed on the current version.
    pub amendment: Option<String>,
    /// The id of that stance (to take up its amendment).
    pub stance_id: Option<i64>,
    /// Its latest stance on an earlier version, kept and shown but not counted.
    pub earlier: Option<EarlierStance>,
}

/// A recorded stance, or the withdrawal of one.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StanceView {
    /// Its id.
    pub id: i64,
    /// The partner.
    pub partner_id: i64,
    /// The partner's name.
    pub partner_name: String,
    /// `endorse`, `endorse_with_reservations`, `object`, or `null` for a withdrawal.
    pub stance: Option<String>,
    /// The reservations or the reason.
    pub reason: Option<String>,
    /// The proposed amendment.
    pub amendment: Option<String>,
    /// When (RFC 3339).
    pub recorded_at: String,
    /// The account that recorded it.
    pub recorded_by: Option<i64>,
}

/// One version of an objective, with the stances recorded on it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct VersionView {
    /// Its number, from 1.
    pub version: u32,
    /// The title.
    pub title: String,
    /// The text.
    pub text: String,
    /// The evidence frozen with it.
    pub evidence: Evidence,
    /// The objection whose amendment it takes up.
    pub amends: Option<i64>,
    /// When it was written (RFC 3339).
    pub created_at: String,
    /// The convenor who wrote it.
    pub created_by: Option<i64>,
    /// Every stance and withdrawal on it, in the order recorded.
    pub stances: Vec<StanceView>,
}

/// A shared objective with its versions, stances and computed status.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ObjectiveView {
    /// Its id.
    pub id: i64,
    /// Its partnership.
    pub partnership_id: i64,
    /// `draft`, `in_negotiation`, `adopted` or `withdrawn`, computed by the engine.
    pub status: String,
    /// Why, in a sentence ("adopted: 7 of 8 partners endorse, 2 with reservations; 1 has not
    /// responded").
    pub reason: String,
    /// Whether the decision rule is met on the current version (the convenor may adopt it).
    pub rule_met: bool,
    /// The partnership's decision rule.
    pub decision_rule: DecisionRuleBody,
    /// The current version's number.
    pub current_version: u32,
    /// The current title.
    pub title: String,
    /// The current text.
    pub text: String,
    /// The stances on the current version; each partner counts once.
    pub counts: StanceCountsView,
    /// The same by sector, in alphabetical order.
    pub by_sector: Vec<SectorView>,
    /// Each current partner's standing.
    pub partners: Vec<PartnerStandingView>,
    /// Every version, oldest first.
    pub versions: Vec<VersionView>,
    /// When it was drafted (RFC 3339).
    pub created_at: String,
    /// When its version or status last changed (RFC 3339).
    pub updated_at: String,
}

/// A progress note.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NoteView {
    /// Its id.
    pub id: i64,
    /// The status it set.
    pub status: String,
    /// The note.
    pub note: String,
    /// When (RFC 3339).
    pub recorded_at: String,
    /// The account that wrote it.
    pub recorded_by: Option<i64>,
}

/// An action with its flags and notes.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActionView {
    /// Its id.
    pub id: i64,
    /// The objective it serves.
    pub objective_id: i64,
    /// The partner that owns it.
    pub owner_partner_id: i64,
    /// Partners that share it.
    pub shared_with: Vec<i64>,
    /// What will be done.
    pub title: String,
    /// The role that leads it.
    pub lead_role: String,
    /// When it is due (`YYYY-MM-DD`).
    pub due_on: Option<String>,
    /// `planned`, `in_progress`, `done`, `blocked` or `dropped`.
    pub status: String,
    /// Still open after its due date.
    pub is_late: bool,
    /// Blocked.
    pub is_blocked: bool,
    /// Days past the due date (0 when not late).
    pub days_late: i32,
    /// Its progress notes, oldest first.
    pub notes: Vec<NoteView>,
    /// When it was added (RFC 3339).
    pub created_at: String,
    /// When it last changed (RFC 3339).
    pub updated_at: String,
}

/// A dialogue's common-ground statements, for citing.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EvidenceChoiceView {
    /// The dialogue's id.
    pub dialogue_id: i64,
    /// Its title.
    pub title: String,
    /// Its statements that are common ground now, best first.
    pub statements: Vec<ChoiceStatement>,
}

/// A statement that may be cited.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ChoiceStatement {
    /// The statement's id.
    pub id: u32,
    /// Its number in the report.
    pub number: usize,
    /// Its text.
    pub text: String,
}

/// The rule as the API writes it.
pub fn rule_body(rule: StoredRule) -> DecisionRuleBody {
    match rule {
        StoredRule::Consent { quorum_percent } => DecisionRuleBody {
            rule: "consent".to_owned(),
            quorum_percent: Some(u32::from(quorum_percent)),
        },
        StoredRule::Unanimity => DecisionRuleBody {
            rule: "unanimity".to_owned(),
            quorum_percent: None,
        },
    }
}

fn counts_view(counts: &engine::settlement::StanceCounts) -> StanceCountsView {
    StanceCountsView {
        endorse: counts.endorse,
        with_reservations: counts.with_reservations,
        object: counts.object,
        not_responded: counts.not_responded,
    }
}

fn engine_stance_word(stance: engine::settlement::Stance) -> &'static str {
    match stance {
        engine::settlement::Stance::Endorse => "endorse",
        engine::settlement::Stance::EndorseWithReservations => "endorse_with_reservations",
        engine::settlement::Stance::Object => "object",
    }
}

/// Shapes an objective for the API.
pub fn objective_view(state: &ObjectiveState) -> Result<ObjectiveView, ApiError> {
    let objective = &state.objective;
    let current = state.latest_on(objective.current_version);
    let partners = state
        .decision
        .partners
        .iter()
        .filter_map(|standing| {
            let partner = state
                .partners
                .iter()
                .find(|partner| partner.id.get().unsigned_abs() == standing.partner)?;
            let record = current
                .get(&partner.id)
                .filter(|record| record.stance.is_some());
            Some(PartnerStandingView {
                partner_id: partner.id.get(),
                name: partner.name.to_string(),
                sector: partner.sector.as_str().to_owned(),
                stance: standing
                    .stance
                    .map(|stance| engine_stance_word(stance).to_owned()),
                reason: record.and_then(|record| record.reason.clone()),
                amendment: record.and_then(|record| record.amendment.clone()),
                stance_id: record.map(|record| record.id),
                earlier: standing.earlier.map(|(version, stance)| EarlierStance {
                    version,
                    stance: engine_stance_word(stance).to_owned(),
                }),
            })
        })
        .collect();
    let versions = state
        .versions
        .iter()
        .map(|version| {
            let evidence = Evidence::read(&version.evidence).map_err(|error| {
                ApiError::internal(anyhow::Error::new(error).context(format!(
                    "the evidence of version {} of objective {} cannot be read",
                    version.version, objective.id.0
                )))
            })?;
            Ok(VersionView {
                version: version.version,
                title: version.title.clone(),
                text: version.body.clone(),
                evidence,
                amends: version.amends,
                created_at: rfc3339(version.created_at),
                created_by: version.created_by.map(|account| account.get()),
                stances: state
                    .stances
                    .iter()
                    .filter(|record| record.version == version.version)
                    .map(|record| StanceView {
                        id: record.id,
                        partner_id: record.partner.get(),
                        partner_name: state.partner_name(record.partner),
                        stance: record.stance.map(|stance| stance.as_str().to_owned()),
                        reason: record.reason.clone(),
                        amendment: record.amendment.clone(),
                        recorded_at: rfc3339(record.recorded_at),
                        recorded_by: record.recorded_by.map(|account| account.get()),
                    })
                    .collect(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(ObjectiveView {
        id: objective.id.0,
        partnership_id: objective.partnership.get(),
        status: state.decision.status.as_str().to_owned(),
        reason: state.decision.reason.clone(),
        rule_met: state.decision.rule_met,
        decision_rule: rule_body(state.rule),
        current_version: objective.current_version,
        title: objective.title.clone(),
        text: objective.body.clone(),
        counts: counts_view(&state.decision.counts),
        by_sector: state
            .decision
            .by_sector
            .iter()
            .map(|tally| SectorView {
                sector: tally.sector.clone(),
                counts: counts_view(&tally.counts),
            })
            .collect(),
        partners,
        versions,
        created_at: rfc3339(objective.created_at),
        updated_at: rfc3339(objective.updated_at),
    })
}

/// Shapes an action for the API.
pub fn action_view(state: &ActionState) -> ActionView {
    let action = &state.action;
    ActionView {
        id: action.id.0,
        objective_id: action.objective.0,
        owner_partner_id: action.owner.get(),
        shared_with: action
            .shared_with
            .iter()
            .map(|partner| partner.get())
            .collect(),
        title: action.title.clone(),
        lead_role: action.lead_role.clone(),
        due_on: action.due_on.clone(),
        status: action.status.clone(),
        is_late: state.flags.is_late,
        is_blocked: state.flags.is_blocked,
        days_late: state.flags.days_late,
        notes: state
            .notes
            .iter()
            .map(|note| NoteView {
                id: note.id,
                status: note.status.clone(),
                note: note.note.clone(),
                recorded_at: rfc3339(note.recorded_at),
                recorded_by: note.recorded_by.map(|account| account.get()),
            })
            .collect(),
        created_at: rfc3339(action.created_at),
        updated_at: rfc3339(action.updated_at),
    }
}

/// Returns a partnership's decision rule (its convenors and partners' representatives).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/decision-rule", tag = "objectives",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = DecisionRuleBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn get_rule(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<DecisionRuleBody>, ApiError> {
    Ok(Json(rule_body(
        service::decision_rule(&state, &actor, id).await?,
    )))
}

/// Sets a partnership's decision rule (its convenors); recorded in its record.
#[utoipa::path(
    put, path = "/api/partnerships/{id}/decision-rule", tag = "objectives",
    params(("id" = i64, Path, description = "Partnership id")),
    request_body = DecisionRuleBody,
    responses(
        (status = 200, body = DecisionRuleBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn set_rule(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<DecisionRuleBody>,
) -> Result<Json<DecisionRuleBody>, ApiError> {
    let rule = service::parse_rule(&body.rule, body.quorum_percent)?;
    Ok(Json(rule_body(
        service::set_decision_rule(&state, &actor, id, rule).await?,
    )))
}

/// Lists a partnership's objectives with their versions, stances and status (drafts for its
/// convenors only).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/objectives", tag = "objectives",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = [ObjectiveView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list_objectives(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<ObjectiveView>>, ApiError> {
    let (listed, _) = service::list_objectives(&state, &actor, id).await?;
    Ok(Json(
        listed
            .iter()
            .map(objective_view)
            .collect::<Result<_, _>>()?,
    ))
}

/// Drafts an objective (the partnership's convenors), freezing the standing of the statements
/// it cites.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/objectives", tag = "objectives",
    params(("id" = i64, Path, description = "Partnership id")),
    request_body = DraftRequest,
    responses(
        (status = 201, body = ObjectiveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `dialogue_not_found`, `statement_not_found`, `analysis_not_ready`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn draft(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<DraftRequest>,
) -> Result<(StatusCode, Json<ObjectiveView>), ApiError> {
    let draft = Draft {
        title: &body.title,
        text: &body.text,
        dialogue: body.dialogue_id.map(DialogueId),
        statements: &body.statement_ids,
    };
    let drafted = service::draft_objective(&state, &actor, id, &draft).await?;
    Ok((StatusCode::CREATED, Json(objective_view(&drafted)?)))
}

/// Lists the common-ground statements of the partnership's analysed dialogues, for citing (its
/// convenors).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/evidence-choices", tag = "objectives",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = [EvidenceChoiceView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn evidence_choices(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<EvidenceChoiceView>>, ApiError> {
    let choices = service::evidence_choices(&state, &actor, id).await?;
    Ok(Json(
        choices
            .into_iter()
            .map(|choice| EvidenceChoiceView {
                dialogue_id: choice.dialogue.get(),
                title: choice.title,
                statements: choice
                    .statements
                    .into_iter()
                    .map(|(id, number, text)| ChoiceStatement { id, number, text })
                    .collect(),
            })
            .collect(),
    ))
}

/// Lists a partnership's actions with their flags and notes (its convenors and partners'
/// representatives).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/actions", tag = "objectives",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = [ActionView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list_actions(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<ActionView>>, ApiError> {
    let listed = service::list_actions(&state, &actor, id).await?;
    Ok(Json(listed.iter().map(action_view).collect()))
}

/// Returns an objective with its versions, stances and status.
#[utoipa::path(
    get, path = "/api/objectives/{id}", tag = "objectives",
    params(("id" = i64, Path, description = "Objective id")),
    responses(
        (status = 200, body = ObjectiveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn get_objective(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ObjectiveView>, ApiError> {
    let found = service::objective(&state, &actor, ObjectiveId(id)).await?;
    Ok(Json(objective_view(&found)?))
}

/// Writes a new version of an objective that is a draft or with the partners (its convenors).
#[utoipa::path(
    post, path = "/api/objectives/{id}/versions", tag = "objectives",
    params(("id" = i64, Path, description = "Objective id")),
    request_body = AmendRequest,
    responses(
        (status = 201, body = ObjectiveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`, `dialogue_not_found`, `statement_not_found`, `analysis_not_ready`", body = ErrorBody),
        (status = 409, description = "`conflict`: adopted or withdrawn", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn amend(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<AmendRequest>,
) -> Result<(StatusCode, Json<ObjectiveView>), ApiError> {
    let draft = Draft {
        title: &body.title,
        text: &body.text,
        dialogue: body.dialogue_id.map(DialogueId),
        statements: &body.statement_ids,
    };
    let amended =
        service::amend_objective(&state, &actor, ObjectiveId(id), &draft, body.amends).await?;
    Ok((StatusCode::CREATED, Json(objective_view(&amended)?)))
}

/// Puts a draft's current version to the partners (its convenors).
#[utoipa::path(
    post, path = "/api/objectives/{id}/put-to-partners", tag = "objectives",
    params(("id" = i64, Path, description = "Objective id")),
    responses(
        (status = 200, body = ObjectiveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: not a draft, or no partners", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn put_to_partners(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ObjectiveView>, ApiError> {
    let moved = service::put_to_partners(&state, &actor, ObjectiveId(id)).await?;
    Ok(Json(objective_view(&moved)?))
}

/// Records the adoption of the current version (its convenors): only when the engine finds the
/// decision rule met, otherwise `409 conflict` with the engine's reason.
#[utoipa::path(
    post, path = "/api/objectives/{id}/adopt", tag = "objectives",
    params(("id" = i64, Path, description = "Objective id")),
    responses(
        (status = 200, body = ObjectiveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the rule is not met, or not with the partners", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn adopt(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ObjectiveView>, ApiError> {
    let adopted = service::adopt_objective(&state, &actor, ObjectiveId(id)).await?;
    Ok(Json(objective_view(&adopted)?))
}

/// Withdraws an objective that is a draft or with the partners (its convenors).
#[utoipa::path(
    post, path = "/api/objectives/{id}/withdraw", tag = "objectives",
    params(("id" = i64, Path, description = "Objective id")),
    responses(
        (status = 200, body = ObjectiveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: already adopted or withdrawn", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn withdraw(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ObjectiveView>, ApiError> {
    let withdrawn = service::withdraw_objective(&state, &actor, ObjectiveId(id)).await?;
    Ok(Json(objective_view(&withdrawn)?))
}

/// Records a partner's stance on the current version (only that partner's representatives).
#[utoipa::path(
    post, path = "/api/objectives/{id}/stances", tag = "objectives",
    params(("id" = i64, Path, description = "Objective id")),
    request_body = StanceRequest,
    responses(
        (status = 201, body = ObjectiveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a representative of the partner", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: not with the partners, or an old version", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn record_stance(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<StanceRequest>,
) -> Result<(StatusCode, Json<ObjectiveView>), ApiError> {
    let input = StanceInput {
        version: body.version,
        stance: &body.stance,
        reason: &body.reason,
        amendment: &body.amendment,
    };
    let recorded = service::record_stance(
        &state,
        &actor,
        ObjectiveId(id),
        PartnerId(body.partner_id),
        &input,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(objective_view(&recorded)?)))
}

/// Withdraws a partner's stance on the current version (only that partner's representatives).
#[utoipa::path(
    delete, path = "/api/objectives/{id}/stances/{partner_id}", tag = "objectives",
    params(
        ("id" = i64, Path, description = "Objective id"),
        ("partner_id" = i64, Path, description = "Partner id"),
    ),
    responses(
        (status = 200, body = ObjectiveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: no stance to withdraw, or not with the partners", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn withdraw_stance(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, partner)): ApiPath<(i64, i64)>,
) -> Result<Json<ObjectiveView>, ApiError> {
    let withdrawn =
        service::withdraw_stance(&state, &actor, ObjectiveId(id), PartnerId(partner)).await?;
    Ok(Json(objective_view(&withdrawn)?))
}

/// Adds an action under an adopted objective (the partnership's convenors).
#[utoipa::path(
    post, path = "/api/objectives/{id}/actions", tag = "objectives",
    params(("id" = i64, Path, description = "Objective id")),
    request_body = ActionRequest,
    responses(
        (status = 201, body = ActionView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`: the objective or a partner", body = ErrorBody),
        (status = 409, description = "`conflict`: the objective is not adopted", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn add_action(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ActionRequest>,
) -> Result<(StatusCode, Json<ActionView>), ApiError> {
    let shared_with: Vec<PartnerId> = body.shared_with.iter().copied().map(PartnerId).collect();
    let input = ActionInput {
        owner: PartnerId(body.owner_partner_id),
        shared_with: &shared_with,
        title: &body.title,
        lead_role: &body.lead_role,
        due_on: body.due_on.as_deref().unwrap_or(""),
        status: body.status.as_deref().unwrap_or(""),
    };
    let added = service::add_action(&state, &actor, ObjectiveId(id), &input).await?;
    Ok((StatusCode::CREATED, Json(action_view(&added))))
}

/// Returns an action with its flags and notes.
#[utoipa::path(
    get, path = "/api/actions/{id}", tag = "objectives",
    params(("id" = i64, Path, description = "Action id")),
    responses(
        (status = 200, body = ActionView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn get_action(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ActionView>, ApiError> {
    Ok(Json(action_view(
        &service::action(&state, &actor, ActionId(id)).await?,
    )))
}

/// Adds a progress note and sets the action's status (the representatives of the partners that
/// own or share it, or a convenor).
#[utoipa::path(
    post, path = "/api/actions/{id}/notes", tag = "objectives",
    params(("id" = i64, Path, description = "Action id")),
    request_body = NoteRequest,
    responses(
        (status = 201, body = ActionView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn add_note(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NoteRequest>,
) -> Result<(StatusCode, Json<ActionView>), ApiError> {
    let updated = service::add_progress(
        &state,
        &actor,
        ActionId(id),
        body.status.as_deref().unwrap_or(""),
        &body.note,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(action_view(&updated))))
}
