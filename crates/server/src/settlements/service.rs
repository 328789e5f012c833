//! Every operation on shared objectives, partners' stances and actions: authorised, validated and
//! stored here once, for the JSON API and the pages.
//!
//! Convenors of the partnership draft, amend, put to partners, adopt and withdraw objectives,
//! set the decision rule and add actions; a partner's stance is recorded only by that partner's
//! representatives; progress on an action is reported by the representatives of the partners
//! that own or share it, or by a convenor. Representatives read every objective once it is put
//! to the partners (drafts stay with the convenors). Every write is checked in full before the
//! store is called, so nothing reaches the record on refusal.

use std::collections::BTreeMap;

use engine::settlement::actions::{self, ActionFacts, ActionFlags, ActionStatus, Day};
use engine::settlement::{
    Decision, DecisionRule, Negotiation, ObjectivePhase, PartnerRef, Stance, StanceEntry, decide,
};
use model::{
    ActionTitle, AmendmentText, DialogueId, LeadRole, ObjectiveText, ObjectiveTitle, PartnerId,
    PartnershipId, ProgressNote, StanceReason,
};
use store::{
    Action, ActionId, ActionNote, DecisionBasis, NewAction, NewActionNote, NewStance, NewVersion,
    Objective, ObjectiveId, ObjectiveVersion, Partner, Partnership, Phase, StanceRecord,
    StoredRule, StoredStance,
};

use super::evidence::{self, Evidence, MAX_EVIDENCE_STATEMENTS, UnknownStatement};
use crate::auth::{CurrentConvenor, PartnershipRole};
use crate::error::{ApiError, Arg, ErrorCode, Said};
use crate::report::snapshot::LoadedAnalysis;
use crate::state::AppState;
use crate::time::{day_of, parse_day};

/// The most partners an action may be shared with.
pub const MAX_SHARED_WITH: usize = 50;

/// What a convenor writes for an objective, or for a new version of one.
#[derive(Debug, Clone, Copy)]
pub struct Draft<'a> {
    /// The title.
    pub title: &'a str,
    /// The text.
    pub text: &'a str,
    /// The dialogue whose statements it rests on, if any.
    pub dialogue: Option<DialogueId>,
    /// The statements of that dialogue it rests on, in the order to show them.
    pub statements: &'a [u32],
}

/// What a representative records for their partner.
#[derive(Debug, Clone, Copy)]
pub struct StanceInput<'a> {
    /// The version they read; it must still be the current one.
    pub version: u32,
    /// `endorse`, `endorse_with_reservations` or `object`.
    pub stance: &'a str,
    /// The reservations (required with reservations) or the reason (required to object).
    pub reason: &'a str,
    /// A proposed amendment (only with an objection; empty for none).
    pub amendment: &'a str,
}

/// What a convenor writes for an action.
#[derive(Debug, Clone, Copy)]
pub struct ActionInput<'a> {
    /// The partner that owns it.
    pub owner: PartnerId,
    /// Partners that share it.
    pub shared_with: &'a [PartnerId],
    /// What will be done.
    pub title: &'a str,
    /// The role that leads it.
    pub lead_role: &'a str,
    /// The due date, `YYYY-MM-DD`, or empty for none.
    pub due_on: &'a str,
    /// The status word, or empty for `planned`.
    pub status: &'a str,
}

/// An objective with everything its pages and the API show: its versions, every stance on
/// every version, the partnership's partners and the engine's decision.
#[derive(Debug, Clone)]
pub struct ObjectiveState {
    /// The objective with its current version.
    pub objective: Objective,
    /// Every version, oldest first.
    pub versions: Vec<ObjectiveVersion>,
    /// Every stance and withdrawal on every version, in the order recorded.
    pub stances: Vec<StanceRecord>,
    /// The partnership's partners, archived ones included (for names on old stances).
    pub partners: Vec<Partner>,
    /// The partnership's decision rule.
    pub rule: StoredRule,
    /// The status, its reason and the tallies, computed by the engine.
    pub decision: Decision,
}

impl ObjectiveState {
    /// Returns a partner's name, by id.
    pub fn partner_name(&self, id: PartnerId) -> String {
        self.partners
            .iter()
            .find(|partner| partner.id == id)
            .map_or_else(
                || format!("Partner {id}"),
                |partner| partner.name.to_string(),
            )
    }

    /// Returns each partner's latest stance record on a version (withdrawals included, so a
    /// withdrawn stance shows as none), by partner.
    pub fn latest_on(&self, version: u32) -> BTreeMap<PartnerId, &StanceRecord> {
        let mut latest = BTreeMap::new();
        for record in self
            .stances
            .iter()
            .filter(|record| record.version == version)
        {
            latest.insert(record.partner, record);
        }
        latest
    }

    /// Returns the current partners with no stance on the current version.
    pub fn awaiting(&self) -> Vec<&Partner> {
        let latest = self.latest_on(self.objective.current_version);
        self.partners
            .iter()
            .filter(|partner| partner.archived_at.is_none())
            .filter(|partner| {
                latest
                    .get(&partner.id)
                    .is_none_or(|record| record.stance.is_none())
            })
            .collect()
    }
}

/// An action with its notes and flags as of today.
#[derive(Debug, Clone)]
pub struct ActionState {
    /// The action.
    pub action: Action,
    /// Its progress notes, oldest first.
    pub notes: Vec<ActionNote>,
    /// Late and blocked flags, as of the server's today.
    pub flags: ActionFlags,
}

/// Objectives put to partners that one of the account's partners has not answered.
#[derive(Debug, Clone)]
pub struct OpenQuestion {
    /// The partnership.
    pub partnership: Partnership,
    /// The objective.
    pub state: ObjectiveState,
    /// The account's partners that have no stance on its current version.
    pub awaiting: Vec<Partner>,
}

/// The statements of one of the partnership's dialogues a convenor may cite.
#[derive(Debug, Clone)]
pub struct EvidenceChoice {
    /// The dialogue.
    pub dialogue: DialogueId,
    /// Its title.
    pub title: String,
    /// Its statements that are common ground now, best first: (id, number, text).
    pub statements: Vec<(u32, usize, String)>,
}

/// Parses a decision rule: `consent` with a quorum of 1 to 100 percent, or `unanimity`.
pub fn parse_rule(rule: &str, quorum_percent: Option<u32>) -> Result<StoredRule, ApiError> {
    match (rule, quorum_percent) {
        ("consent", Some(quorum)) => u8::try_from(quorum)
            .ok()
            .filter(|quorum| (1..=100).contains(quorum))
            .map(|quorum_percent| StoredRule::Consent { quorum_percent })
            .ok_or_else(|| ApiError::invalid("objective-refused-quorum", &[])),
        ("consent", None) => Err(ApiError::invalid("objective-refused-quorum-missing", &[])),
        ("unanimity", None) => Ok(StoredRule::Unanimity),
        ("unanimity", Some(_)) => Err(ApiError::invalid("objective-refused-unanimity-quorum", &[])),
        _ => Err(ApiError::invalid("objective-refused-rule", &[])),
    }
}

/// Returns a partnership's decision rule: its convenors and its partners' representatives.
pub async fn decision_rule(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<StoredRule, ApiError> {
    actor.see_partnership(state, id).await?;
    Ok(state.store().decision_rule(id).await?)
}

/// Sets a partnership's decision rule: its convenors.
pub async fn set_decision_rule(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    rule: StoredRule,
) -> Result<StoredRule, ApiError> {
    actor.convene(state, id).await?;
    state
        .store()
        .set_decision_rule(id, rule, actor.convenor.id, state.now_ms())
        .await?;
    Ok(rule)
}

/// Drafts an objective as its version 1, freezing the evidence it cites: the partnership's
/// convenors.
pub async fn draft_objective(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    draft: &Draft<'_>,
) -> Result<ObjectiveState, ApiError> {
    actor.convene(state, id).await?;
    let (title, text) = texts(draft)?;
    let evidence = freeze(state, id, draft.dialogue, draft.statements)
        .await?
        .unwrap_or_else(Evidence::none);
    let objective = state
        .store()
        .create_objective(
            id,
            NewVersion {
                title: title.into_inner(),
                body: text.into_inner(),
                evidence: evidence.to_json(),
                amends: None,
                actor: actor.convenor.id,
                now: state.now_ms(),
            },
        )
        .await?;
    objective_state(state, objective).await
}

/// Writes a new version of an objective still being negotiated, optionally taking up the
/// amendment of an objection (`amends`, the stance's id). The version cites the evidence given,
/// or keeps the evidence of the version before when none is given: the partnership's
/// convenors.
pub async fn amend_objective(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
    draft: &Draft<'_>,
    amends: Option<i64>,
) -> Result<ObjectiveState, ApiError> {
    let objective = convened_objective(state, actor, id).await?;
    open_for_change(&objective)?;
    let (title, text) = texts(draft)?;
    if let Some(stance) = amends {
        let stances = state.store().list_stances(id).await?;
        let found = stances.iter().find(|record| record.id == stance);
        if found.is_none_or(|record| record.amendment.is_none()) {
            return Err(ApiError::refused(
                ErrorCode::NotFound,
                "objective-refused-not-an-amendment",
                &[("stance", stance.to_string().into())],
            ));
        }
    }
    let evidence = match freeze(
        state,
        objective.partnership,
        draft.dialogue,
        draft.statements,
    )
    .await?
    {
        Some(evidence) => evidence.to_json(),
        None => state
            .store()
            .list_versions(id)
            .await?
            .pop()
            .map_or_else(|| Evidence::none().to_json(), |version| version.evidence),
    };
    let amended = state
        .store()
        .amend_objective(
            id,
            NewVersion {
                title: title.into_inner(),
                body: text.into_inner(),
                evidence,
                amends,
                actor: actor.convenor.id,
                now: state.now_ms(),
            },
        )
        .await?;
    objective_state(state, amended).await
}

/// Puts a draft objective's current version to the partners: the partnership's convenors.
pub async fn put_to_partners(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
) -> Result<ObjectiveState, ApiError> {
    let objective = convened_objective(state, actor, id).await?;
    if objective.phase != Phase::Draft {
        return Err(conflict(
            "objective-refused-put-not-draft",
            &[("phase", phase_words(objective.phase))],
        ));
    }
    let has_partners = state
        .store()
        .list_partners(objective.partnership)
        .await?
        .iter()
        .any(|partner| partner.archived_at.is_none());
    if !has_partners {
        return Err(conflict("objective-refused-no-partners", &[]));
    }
    set_phase(state, actor, id, Phase::WithPartners).await
}

/// Records the adoption of an objective's current version, which the partnership's decision
/// rule must allow (the engine decides; otherwise a conflict with its reason): the
/// partnership's convenors.
pub async fn adopt_objective(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
) -> Result<ObjectiveState, ApiError> {
    let objective = convened_objective(state, actor, id).await?;
    if objective.phase != Phase::WithPartners {
        return Err(conflict(
            "objective-refused-adopt-not-with-partners",
            &[("phase", phase_words(objective.phase))],
        ));
    }
    let current = objective_state(state, objective).await?;
    if !current.decision.rule_met {
        // With the partners and the rule not met, the engine's reason is "in negotiation: "
        // and this summary.
        return Err(conflict(
            "objective-refused-rule-not-met",
            &[("summary", negotiation_summary(&current).into())],
        ));
    }
    // The store adopts only if nothing the engine just counted has changed since.
    let basis = DecisionBasis {
        version: current.objective.current_version,
        stances: u64::try_from(current.stances.len()).unwrap_or(u64::MAX),
        rule: current.rule,
        active_partners: current
            .partners
            .iter()
            .filter(|partner| partner.archived_at.is_none())
            .count() as u64,
    };
    let adopted = state
        .store()
        .adopt_objective(id, basis, actor.convenor.id, state.now_ms())
        .await?;
    objective_state(state, adopted).await
}

/// Withdraws an objective that is a draft or with the partners: the partnership's convenors.
pub async fn withdraw_objective(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
) -> Result<ObjectiveState, ApiError> {
    let objective = convened_objective(state, actor, id).await?;
    open_for_change(&objective)?;
    set_phase(state, actor, id, Phase::Withdrawn).await
}

/// Records a partner's stance on the current version of an objective with the partners: only
/// that partner's representatives.
pub async fn record_stance(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
    partner: PartnerId,
    input: &StanceInput<'_>,
) -> Result<ObjectiveState, ApiError> {
    let objective = state.store().get_objective(id).await?;
    actor
        .represent(state, objective.partnership, partner)
        .await?;
    let (stance, reason, amendment) = checked_stance(input)?;
    answerable(&objective, input.version)?;
    state
        .store()
        .record_stance(NewStance {
            objective: id,
            version: input.version,
            partner,
            stance: Some(stance),
            reason,
            amendment,
            actor: actor.convenor.id,
            now: state.now_ms(),
        })
        .await?;
    objective_state(state, state.store().get_objective(id).await?).await
}

/// Withdraws a partner's stance on the current version of an objective with the partners: only
/// that partner's representatives.
pub async fn withdraw_stance(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
    partner: PartnerId,
) -> Result<ObjectiveState, ApiError> {
    let objective = state.store().get_objective(id).await?;
    actor
        .represent(state, objective.partnership, partner)
        .await?;
    answerable(&objective, objective.current_version)?;
    let current = objective_state(state, objective).await?;
    let has_stance = current
        .latest_on(current.objective.current_version)
        .get(&partner)
        .is_some_and(|record| record.stance.is_some());
    if !has_stance {
        return Err(conflict("objective-refused-no-stance-to-withdraw", &[]));
    }
    state
        .store()
        .record_stance(NewStance {
            objective: id,
            version: current.objective.current_version,
            partner,
            stance: None,
            reason: None,
            amendment: None,
            actor: actor.convenor.id,
            now: state.now_ms(),
        })
        .await?;
    objective_state(state, state.store().get_objective(id).await?).await
}

/// Returns an objective with its versions, stances and status: the partnership's convenors, and
/// its partners' representatives once it has been put to the partners.
pub async fn objective(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
) -> Result<ObjectiveState, ApiError> {
    let objective = state.store().get_objective(id).await?;
    let (_, role) = actor.see_partnership(state, objective.partnership).await?;
    if !role.convenes() && objective.phase == Phase::Draft {
        return Err(ApiError::refused(
            ErrorCode::NotFound,
            "objective-refused-draft-unseen",
            &[],
        ));
    }
    objective_state(state, objective).await
}

/// Lists a partnership's objectives with their state, in id order (drafts for convenors only).
pub async fn list_objectives(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<(Vec<ObjectiveState>, PartnershipRole), ApiError> {
    let (_, role) = actor.see_partnership(state, id).await?;
    let mut listed = Vec::new();
    for objective in state.store().list_objectives(id).await? {
        if role.convenes() || objective.phase != Phase::Draft {
            listed.push(objective_state(state, objective).await?);
        }
    }
    Ok((listed, role))
}

/// Adds an action under an adopted objective: the partnership's convenors.
pub async fn add_action(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
    input: &ActionInput<'_>,
) -> Result<ActionState, ApiError> {
    let objective = convened_objective(state, actor, id).await?;
    let title = ActionTitle::parse(input.title)?;
    let lead_role = LeadRole::parse(input.lead_role)?;
    let due_on = checked_due(input.due_on)?;
    let status = checked_status(input.status, ActionStatus::Planned)?;
    if objective.phase != Phase::Decided {
        return Err(conflict(
            "objective-refused-action-not-adopted",
            &[("phase", phase_words(objective.phase))],
        ));
    }
    let partners = state.store().list_partners(objective.partnership).await?;
    let current = |partner: PartnerId| {
        partners
            .iter()
            .any(|found| found.id == partner && found.archived_at.is_none())
    };
    if !current(input.owner) {
        return Err(not_current_partner(input.owner));
    }
    if input.shared_with.len() > MAX_SHARED_WITH {
        return Err(ApiError::invalid(
            "objective-refused-too-many-shared",
            &[("max", MAX_SHARED_WITH.into())],
        ));
    }
    let mut shared_with: Vec<PartnerId> = input
        .shared_with
        .iter()
        .copied()
        .filter(|partner| *partner != input.owner)
        .collect();
    shared_with.sort_unstable();
    shared_with.dedup();
    if let Some(stranger) = shared_with.iter().find(|partner| !current(**partner)) {
        return Err(not_current_partner(*stranger));
    }
    let action = state
        .store()
        .create_action(NewAction {
            objective: id,
            owner: input.owner,
            shared_with,
            title: title.into_inner(),
            lead_role: lead_role.into_inner(),
            due_on,
            status: status.as_str().to_owned(),
            actor: actor.convenor.id,
            now: state.now_ms(),
        })
        .await?;
    action_state(state, action).await
}

/// Adds a dated progress note to an action and sets its status: the representatives of the
/// partners that own or share it, or the partnership's convenors.
pub async fn add_progress(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ActionId,
    status: &str,
    note: &str,
) -> Result<ActionState, ApiError> {
    let action = state.store().get_action(id).await?;
    let objective = state.store().get_objective(action.objective).await?;
    actor
        .report_progress(
            state,
            objective.partnership,
            action.owner,
            &action.shared_with,
        )
        .await?;
    let current = ActionStatus::parse(&action.status).unwrap_or(ActionStatus::Planned);
    let status = checked_status(status, current)?;
    let note = ProgressNote::parse(note)?;
    state
        .store()
        .add_action_note(NewActionNote {
            action: id,
            status: status.as_str().to_owned(),
            note: note.into_inner(),
            actor: actor.convenor.id,
            now: state.now_ms(),
        })
        .await?;
    action_state(state, state.store().get_action(id).await?).await
}

/// Returns an action with its notes and flags: the partnership's convenors and its partners'
/// representatives.
pub async fn action(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ActionId,
) -> Result<ActionState, ApiError> {
    let action = state.store().get_action(id).await?;
    let objective = state.store().get_objective(action.objective).await?;
    actor.see_partnership(state, objective.partnership).await?;
    action_state(state, action).await
}

/// Lists a partnership's actions with their notes and flags, in id order: its convenors and its
/// partners' representatives.
pub async fn list_actions(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Vec<ActionState>, ApiError> {
    actor.see_partnership(state, id).await?;
    let mut listed = Vec::new();
    for action in state.store().list_actions(id).await? {
        listed.push(action_state(state, action).await?);
    }
    Ok(listed)
}

/// Returns the current partners of a partnership that the account represents (whose stance it
/// records), in id order.
pub async fn own_partners(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Vec<Partner>, ApiError> {
    let mut own: Vec<Partner> = state
        .store()
        .list_account_partners(actor.convenor.id)
        .await?
        .into_iter()
        .filter(|partner| partner.partnership == id && partner.archived_at.is_none())
        .collect();
    own.sort_by_key(|partner| partner.id);
    Ok(own)
}

/// Returns the partners the account represents (archived ones included) and their
/// partnerships, each once in id order.
async fn represented(
    state: &AppState,
    actor: &CurrentConvenor,
) -> Result<(Vec<Partner>, Vec<PartnershipId>), ApiError> {
    let own = state
        .store()
        .list_account_partners(actor.convenor.id)
        .await?;
    let mut partnerships: Vec<PartnershipId> =
        own.iter().map(|partner| partner.partnership).collect();
    partnerships.sort_unstable();
    partnerships.dedup();
    Ok((own, partnerships))
}

/// Lists, across every partnership, the objectives with the partners that a partner the
/// account represents has not answered on their current version.
pub async fn open_questions(
    state: &AppState,
    actor: &CurrentConvenor,
) -> Result<Vec<OpenQuestion>, ApiError> {
    let (own, partnerships) = represented(state, actor).await?;
    let mut questions = Vec::new();
    for id in partnerships {
        let partnership = state.store().get_partnership(id).await?;
        for objective in state.store().list_objectives(id).await? {
            if objective.phase != Phase::WithPartners {
                continue;
            }
            let current = objective_state(state, objective).await?;
            let awaiting: Vec<Partner> = current
                .awaiting()
                .into_iter()
                .filter(|partner| own.iter().any(|mine| mine.id == partner.id))
                .cloned()
                .collect();
            if !awaiting.is_empty() {
                questions.push(OpenQuestion {
                    partnership: partnership.clone(),
                    state: current,
                    awaiting,
                });
            }
        }
    }
    Ok(questions)
}

/// Lists the actions owned or shared by the partners the account represents, across every
/// partnership, in id order.
pub async fn own_actions(
    state: &AppState,
    actor: &CurrentConvenor,
) -> Result<Vec<ActionState>, ApiError> {
    let (own, partnerships) = represented(state, actor).await?;
    let is_own = |partner: &PartnerId| own.iter().any(|mine| mine.id == *partner);
    let mut listed = Vec::new();
    for id in partnerships {
        for action in state.store().list_actions(id).await? {
            if is_own(&action.owner) || action.shared_with.iter().any(is_own) {
                listed.push(action_state(state, action).await?);
            }
        }
    }
    Ok(listed)
}

/// Lists the statements of the partnership's dialogues that are common ground in their latest
/// analysis, for a convenor choosing what an objective rests on. Dialogues without an analysis
/// are left out.
pub async fn evidence_choices(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Vec<EvidenceChoice>, ApiError> {
    actor.convene(state, id).await?;
    let mut choices = Vec::new();
    for dialogue in state.store().list_dialogues(id).await? {
        let Some(analysis) = latest_analysis(state, dialogue.id).await? else {
            continue;
        };
        let statements = analysis
            .doc
            .common_ground
            .statements
            .iter()
            .filter_map(|statement_id| {
                let statement = analysis
                    .doc
                    .statements
                    .iter()
                    .find(|statement| statement.id == *statement_id)?;
                Some((
                    statement.id,
                    analysis.number(statement.id),
                    statement.text.clone(),
                ))
            })
            .collect();
        choices.push(EvidenceChoice {
            dialogue: dialogue.id,
            title: dialogue.settings.title.to_string(),
            statements,
        });
    }
    Ok(choices)
}

/// Loads an objective's versions, stances, partners and rule, and asks the engine for its
/// status.
async fn objective_state(
    state: &AppState,
    objective: Objective,
) -> Result<ObjectiveState, ApiError> {
    let store = state.store();
    let versions = store.list_versions(objective.id).await?;
    let stances = store.list_stances(objective.id).await?;
    let partners = store.list_partners(objective.partnership).await?;
    let rule = store.decision_rule(objective.partnership).await?;
    let decision = decision_of(&objective, &stances, &partners, rule);
    Ok(ObjectiveState {
        objective,
        versions,
        stances,
        partners,
        rule,
        decision,
    })
}

/// The engine's decision on an objective: every current partner counts once.
fn decision_of(
    objective: &Objective,
    stances: &[StanceRecord],
    partners: &[Partner],
    rule: StoredRule,
) -> Decision {
    let partner_refs: Vec<PartnerRef> = partners
        .iter()
        .filter(|partner| partner.archived_at.is_none())
        .map(|partner| PartnerRef {
            id: partner.id.get().unsigned_abs(),
            name: partner.name.to_string(),
            sector: partner.sector.as_str().to_owned(),
        })
        .collect();
    let entries: Vec<StanceEntry> = stances
        .iter()
        .map(|record| StanceEntry {
            partner: record.partner.get().unsigned_abs(),
            version: record.version,
            stance: record.stance.map(engine_stance),
            sequence: record.id.unsigned_abs(),
        })
        .collect();
    decide(&Negotiation {
        partners: &partner_refs,
        current_version: objective.current_version,
        phase: match objective.phase {
            Phase::Draft => ObjectivePhase::Draft,
            Phase::WithPartners => ObjectivePhase::WithPartners,
            Phase::Decided => ObjectivePhase::Decided,
            Phase::Withdrawn => ObjectivePhase::Withdrawn,
        },
        stances: &entries,
        rule: engine_rule(rule),
    })
}

/// The engine's form of a stored stance.
pub fn engine_stance(stance: StoredStance) -> Stance {
    match stance {
        StoredStance::Endorse => Stance::Endorse,
        StoredStance::EndorseWithReservations => Stance::EndorseWithReservations,
        StoredStance::Object => Stance::Object,
    }
}

/// The engine's form of a stored rule.
pub fn engine_rule(rule: StoredRule) -> DecisionRule {
    match rule {
        StoredRule::Consent { quorum_percent } => DecisionRule::Consent { quorum_percent },
        StoredRule::Unanimity => DecisionRule::Unanimity,
    }
}

async fn action_state(state: &AppState, action: Action) -> Result<ActionState, ApiError> {
    let notes = state.store().list_action_notes(action.id).await?;
    let facts = ActionFacts {
        owner: action.owner.get().unsigned_abs(),
        due: action.due_on.as_deref().and_then(parse_day).map(Day),
        status: ActionStatus::parse(&action.status).unwrap_or(ActionStatus::Planned),
    };
    let flags = actions::flags(&facts, Day(day_of(state.now_ms())));
    Ok(ActionState {
        action,
        notes,
        flags,
    })
}

async fn set_phase(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
    phase: Phase,
) -> Result<ObjectiveState, ApiError> {
    let objective = state
        .store()
        .set_phase(id, phase, actor.convenor.id, state.now_ms())
        .await?;
    objective_state(state, objective).await
}

/// Returns the objective if the account convenes its partnership.
pub(crate) async fn convened_objective(
    state: &AppState,
    actor: &CurrentConvenor,
    id: ObjectiveId,
) -> Result<Objective, ApiError> {
    let objective = state.store().get_objective(id).await?;
    actor.convene(state, objective.partnership).await?;
    Ok(objective)
}

fn texts(draft: &Draft<'_>) -> Result<(ObjectiveTitle, ObjectiveText), ApiError> {
    Ok((
        ObjectiveTitle::parse(draft.title)?,
        ObjectiveText::parse(draft.text)?,
    ))
}

/// Freezes the standing of the cited statements, or `None` when nothing is cited.
async fn freeze(
    state: &AppState,
    partnership: PartnershipId,
    dialogue: Option<DialogueId>,
    statements: &[u32],
) -> Result<Option<Evidence>, ApiError> {
    let Some(dialogue_id) = dialogue else {
        if statements.is_empty() {
            return Ok(None);
        }
        return Err(ApiError::invalid("objective-refused-name-dialogue", &[]));
    };
    let mut cited: Vec<u32> = Vec::with_capacity(statements.len());
    for id in statements {
        if !cited.contains(id) {
            cited.push(*id);
        }
    }
    if cited.is_empty() {
        return Err(ApiError::invalid("objective-refused-choose-statement", &[]));
    }
    if cited.len() > MAX_EVIDENCE_STATEMENTS {
        return Err(ApiError::invalid(
            "objective-refused-too-many-statements",
            &[("max", MAX_EVIDENCE_STATEMENTS.into())],
        ));
    }
    let dialogue = state.store().get_dialogue(dialogue_id).await?;
    if dialogue.partnership != partnership {
        return Err(ApiError::refused(
            ErrorCode::DialogueNotFound,
            "objective-refused-other-dialogue",
            &[],
        ));
    }
    let analysis = latest_analysis(state, dialogue_id).await?.ok_or_else(|| {
        ApiError::refused(
            ErrorCode::AnalysisNotReady,
            "objective-refused-no-analysis",
            &[],
        )
    })?;
    let source = evidence::capture(
        &analysis,
        dialogue_id.get(),
        dialogue.settings.title.as_str(),
        &cited,
        state.now_ms(),
    )
    .map_err(|UnknownStatement(id)| {
        ApiError::refused(
            ErrorCode::StatementNotFound,
            "objective-refused-statement-not-analysed",
            &[("statement", id.to_string().into())],
        )
    })?;
    Ok(Some(Evidence {
        version: evidence::EVIDENCE_VERSION,
        source: Some(source),
    }))
}

async fn latest_analysis(
    state: &AppState,
    dialogue: DialogueId,
) -> Result<Option<LoadedAnalysis>, ApiError> {
    Ok(crate::report::service::latest(state, dialogue)
        .await?
        .map(|latest| {
            LoadedAnalysis::new(
                dialogue.get(),
                latest.version,
                latest.computed_at,
                latest.document,
            )
        }))
}

type CheckedStance = (StoredStance, Option<String>, Option<String>);

/// What is wrong with a stance as it was given, before its texts' lengths are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StanceProblem {
    /// Not one of the three stances.
    Unknown,
    /// A plain endorsement with reservations written.
    EndorsementWithText,
    /// An amendment without an objection.
    AmendmentWithoutObjection,
    /// An endorsement with reservations that does not say them.
    ReservationsMissing,
    /// An objection without its reason.
    ReasonMissing,
}

impl StanceProblem {
    /// The catalogues' message that says what is wrong, as the API says it.
    pub fn key(self) -> &'static str {
        match self {
            StanceProblem::Unknown => "objective-refused-stance",
            StanceProblem::EndorsementWithText => "objective-refused-endorsement-with-text",
            StanceProblem::AmendmentWithoutObjection => {
                "objective-refused-amendment-without-objection"
            }
            StanceProblem::ReservationsMissing => "objective-refused-reservations-missing",
            StanceProblem::ReasonMissing => "objective-refused-reason-missing",
        }
    }
}

/// Returns what is wrong with a stance's choice and texts, if anything; their lengths are
/// checked when it is recorded.
pub fn stance_problem(input: &StanceInput<'_>) -> Option<StanceProblem> {
    let Some(stance) = StoredStance::parse(input.stance) else {
        return Some(StanceProblem::Unknown);
    };
    let has_reason = !input.reason.trim().is_empty();
    let has_amendment = !input.amendment.trim().is_empty();
    match stance {
        StoredStance::Endorse if has_reason => Some(StanceProblem::EndorsementWithText),
        StoredStance::Endorse | StoredStance::EndorseWithReservations if has_amendment => {
            Some(StanceProblem::AmendmentWithoutObjection)
        }
        StoredStance::EndorseWithReservations if !has_reason => {
            Some(StanceProblem::ReservationsMissing)
        }
        StoredStance::Object if !has_reason => Some(StanceProblem::ReasonMissing),
        _ => None,
    }
}

fn checked_stance(input: &StanceInput<'_>) -> Result<CheckedStance, ApiError> {
    if let Some(problem) = stance_problem(input) {
        return Err(ApiError::invalid(problem.key(), &[]));
    }
    let stance = StoredStance::parse(input.stance)
        .ok_or_else(|| ApiError::invalid(StanceProblem::Unknown.key(), &[]))?;
    if stance == StoredStance::Endorse {
        return Ok((stance, None, None));
    }
    let reason = StanceReason::parse(input.reason)?.into_inner();
    let amendment = (!input.amendment.trim().is_empty())
        .then(|| AmendmentText::parse(input.amendment))
        .transpose()?
        .map(AmendmentText::into_inner);
    Ok((stance, Some(reason), amendment))
}

/// Refuses a stance on an objective that is not with the partners, or on a version that is not
/// the current one.
fn answerable(objective: &Objective, version: u32) -> Result<(), ApiError> {
    if objective.phase != Phase::WithPartners {
        return Err(conflict(
            "objective-refused-stance-not-with-partners",
            &[("phase", phase_words(objective.phase))],
        ));
    }
    if version != objective.current_version {
        return Err(conflict(
            "objective-refused-old-version",
            &[
                ("version", version.to_string().into()),
                ("current", objective.current_version.to_string().into()),
            ],
        ));
    }
    Ok(())
}

fn open_for_change(objective: &Objective) -> Result<(), ApiError> {
    match objective.phase {
        Phase::Draft | Phase::WithPartners => Ok(()),
        Phase::Decided | Phase::Withdrawn => Err(conflict(
            "objective-refused-closed",
            &[("phase", phase_words(objective.phase))],
        )),
    }
}

fn checked_due(due_on: &str) -> Result<Option<String>, ApiError> {
    let due_on = due_on.trim();
    if due_on.is_empty() {
        return Ok(None);
    }
    parse_day(due_on)
        .map(|_| Some(due_on.to_owned()))
        .ok_or_else(|| ApiError::invalid("objective-refused-due-date", &[]))
}

fn checked_status(status: &str, default: ActionStatus) -> Result<ActionStatus, ApiError> {
    let status = status.trim();
    if status.is_empty() {
        return Ok(default);
    }
    ActionStatus::parse(status).ok_or_else(|| ApiError::invalid("objective-refused-status", &[]))
}

/// Says where an objective is ("a draft", "adopted"), for refusals, in their reader's language.
pub fn phase_words(phase: Phase) -> Arg {
    Arg::Said(match phase {
        Phase::Draft => "objective-refused-phase-draft",
        Phase::WithPartners => "objective-refused-phase-with-partners",
        Phase::Decided => "objective-refused-phase-adopted",
        Phase::Withdrawn => "objective-refused-phase-withdrawn",
    })
}

/// Says how the negotiation on an objective stands, as the engine's reason says it after "in
/// negotiation: " ("1 of 3 partners has responded; consent needs 2 (a quorum of 50%) and no
/// objection"), in whichever language it is read: the pages' status sentence and the refusal
/// to adopt both say it.
pub fn negotiation_summary(found: &ObjectiveState) -> Said {
    use engine::settlement::Stance;
    let decision = &found.decision;
    let counts = &decision.counts;
    let partners = counts.partners();
    if partners == 0 {
        return Said::new("objective-reason-no-partners", &[]);
    }
    let responded = Said::new(
        "objective-reason-responded",
        &[
            ("responded", counts.responded().into()),
            ("partners", partners.into()),
        ],
    );
    match found.rule {
        StoredRule::Consent { .. } if counts.object > 0 => {
            let objecting: Vec<String> = decision
                .partners
                .iter()
                .filter(|standing| standing.stance == Some(Stance::Object))
                .filter_map(|standing| {
                    found
                        .partners
                        .iter()
                        .find(|partner| partner.id.get().unsigned_abs() == standing.partner)
                        .map(|partner| partner.name.to_string())
                })
                .collect();
            Said::new(
                "objective-reason-objecting",
                &[
                    ("count", counts.object.into()),
                    ("names", objecting.join(", ").into()),
                    ("responded", responded.into()),
                ],
            )
        }
        StoredRule::Consent { quorum_percent } => Said::new(
            "objective-reason-consent-needs",
            &[
                ("responded", responded.into()),
                (
                    "needed",
                    engine_rule(found.rule).responses_needed(partners).into(),
                ),
                ("quorum", u32::from(quorum_percent).into()),
            ],
        ),
        StoredRule::Unanimity => Said::new(
            "objective-reason-unanimity-needs",
            &[
                ("partners", partners.into()),
                ("endorsing", counts.endorsing().into()),
                ("objecting", counts.object.into()),
                ("missing", counts.not_responded.into()),
            ],
        ),
    }
}

/// Refuses a partner that is not one of the partnership's current partners.
fn not_current_partner(partner: PartnerId) -> ApiError {
    ApiError::refused(
        ErrorCode::NotFound,
        "objective-refused-not-current-partner",
        &[("partner", partner.to_string().into())],
    )
}

fn conflict(key: &'static str, args: &[(&'static str, Arg)]) -> ApiError {
    ApiError::refused(ErrorCode::Conflict, key, args)
}
