//! Every read of the accountability outputs, authorised here once for the JSON API and the
//! pages: the public outcomes ("you said, we did"), the actions dashboard, the record export
//! and the printable agreement, the calendar feed; and the two switches a convenor holds, the
//! outcomes page's publication and the calendar feed's secret.
//!
//! Access is decided in [`crate::auth`]: the outcomes by [`auth::read_outcomes`], the feed by
//! [`auth::read_calendar_feed`], everything else by `see_partnership` (convenors and the
//! partners' representatives) and `convene`.

use std::collections::BTreeMap;

use axum::http::HeaderMap;
use engine::settlement::actions::{self, Accountability, ActionFacts, ActionStatus, Day};
use engine::settlement::{
    Decision, Negotiation, ObjectivePhase, ObjectiveStatus, PartnerRef, StanceCounts, StanceEntry,
    decide,
};
use model::PartnershipId;
use model::record::{genesis, verify};
use store::{
    Action, Objective, ObjectiveVersion, Partner, Partnership, Phase, Publication, StanceRecord,
    StoredRule, StoredStance,
};

use super::document::{
    ActionCounts, ActionView, AdoptedObjective, CalendarFeed, Dashboard, ExportedEntry,
    ObjectiveActions, Outcomes, PartnerActions, PartnerStance, PublicationState, RecordExport,
};
use super::ical::{Calendar, Event, date_value, stamp_value};
use crate::auth::{self, CurrentConvenor, OutcomesAccess};
use crate::error::ApiError;
use crate::partnerships::pages::sector_label;
use crate::settlements::evidence::{Evidence, EvidenceSource};
use crate::settlements::service::{engine_rule, engine_stance};
use crate::state::AppState;
use crate::time::{day_of, parse_day, rfc3339};

/// Everything the accountability outputs are made of, read once.
struct Settlement {
    partnership: Partnership,
    /// Every partner, archived ones included (their names stay on old stances and actions).
    partners: Vec<Partner>,
    rule: StoredRule,
    objectives: Vec<Assessed>,
    actions: Vec<Action>,
    today: Day,
}

/// An objective with its stances and the engine's decision.
struct Assessed {
    objective: Objective,
    versions: Vec<ObjectiveVersion>,
    stances: Vec<StanceRecord>,
    decision: Decision,
}

fn engine_phase(phase: Phase) -> ObjectivePhase {
    match phase {
        Phase::Draft => ObjectivePhase::Draft,
        Phase::WithPartners => ObjectivePhase::WithPartners,
        Phase::Decided => ObjectivePhase::Decided,
        Phase::Withdrawn => ObjectivePhase::Withdrawn,
    }
}

fn id_number(id: i64) -> u64 {
    id.unsigned_abs()
}

async fn load(state: &AppState, partnership: Partnership) -> Result<Settlement, ApiError> {
    let store = state.store();
    let partners = store.list_partners(partnership.id).await?;
    let rule = store.decision_rule(partnership.id).await?;
    let current: Vec<PartnerRef> = partners
        .iter()
        .filter(|partner| partner.archived_at.is_none())
        .map(|partner| PartnerRef {
            id: id_number(partner.id.get()),
            name: partner.name.to_string(),
            sector: partner.sector.as_str().to_owned(),
        })
        .collect();
    let mut objectives = Vec::new();
    for objective in store.list_objectives(partnership.id).await? {
        let stances = store.list_stances(objective.id).await?;
        let versions = store.list_versions(objective.id).await?;
        let entries: Vec<StanceEntry> = stances
            .iter()
            .map(|record| StanceEntry {
                partner: id_number(record.partner.get()),
                version: record.version,
                stance: record.stance.map(engine_stance),
                sequence: id_number(record.id),
            })
            .collect();
        let decision = decide(&Negotiation {
            partners: &current,
            current_version: objective.current_version,
            phase: engine_phase(objective.phase),
            stances: &entries,
            rule: engine_rule(rule),
        });
        objectives.push(Assessed {
            objective,
            versions,
            stances,
            decision,
        });
    }
    let actions = store.list_actions(partnership.id).await?;
    Ok(Settlement {
        partnership,
        partners,
        rule,
        objectives,
        actions,
        today: Day(day_of(state.now_ms())),
    })
}

/// A day as `YYYY-MM-DD`.
fn iso_day(epoch_ms: i64) -> String {
    rfc3339(epoch_ms).get(0..10).unwrap_or_default().to_owned()
}

/// The words for a stance.
pub fn stance_label(stance: Option<StoredStance>) -> &'static str {
    match stance {
        Some(StoredStance::Endorse) => "Endorses",
        Some(StoredStance::EndorseWithReservations) => "Endorses with reservations",
        Some(StoredStance::Object) => "Objects",
        None => "No stance",
    }
}

/// The words for an action's status.
pub fn status_label(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Planned => "Planned",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
        ActionStatus::Blocked => "Blocked",
        ActionStatus::Dropped => "Dropped",
    }
}

impl Settlement {
    fn partner(&self, id: model::PartnerId) -> Option<&Partner> {
        self.partners.iter().find(|partner| partner.id == id)
    }

    fn partner_name(&self, id: model::PartnerId) -> String {
        self.partner(id).map_or_else(
            || format!("Partner {id}"),
            |partner| partner.name.to_string(),
        )
    }

    fn status_of(action: &Action) -> ActionStatus {
        ActionStatus::parse(&action.status).unwrap_or(ActionStatus::Planned)
    }

    fn facts(action: &Action) -> ActionFacts {
        ActionFacts {
            owner: id_number(action.owner.get()),
            due: action.due_on.as_deref().and_then(parse_day).map(Day),
            status: Self::status_of(action),
        }
    }

    fn action_view(&self, action: &Action) -> ActionView {
        let status = Self::status_of(action);
        let flags = actions::flags(&Self::facts(action), self.today);
        ActionView {
            id: action.id.0,
            objective_id: action.objective.0,
            title: action.title.clone(),
            lead_role: action.lead_role.clone(),
            owner_id: action.owner.get(),
            owner: self.partner_name(action.owner),
            shared_with: action
                .shared_with
                .iter()
                .map(|partner| self.partner_name(*partner))
                .collect(),
            due_on: action.due_on.clone(),
            status: status.as_str().to_owned(),
            status_label: status_label(status).to_owned(),
            is_late: flags.is_late,
            days_late: flags.days_late,
            is_blocked: flags.is_blocked,
            updated_on: iso_day(action.updated_at),
        }
    }

    fn counts<'a>(&self, of: impl Iterator<Item = &'a Action>) -> ActionCounts {
        let facts: Vec<ActionFacts> = of.map(Self::facts).collect();
        let summed = actions::by_owner(&facts, self.today).into_values().fold(
            Accountability::default(),
            |sum, one| Accountability {
                planned: sum.planned + one.planned,
                in_progress: sum.in_progress + one.in_progress,
                done: sum.done + one.done,
                blocked: sum.blocked + one.blocked,
                dropped: sum.dropped + one.dropped,
                late: sum.late + one.late,
            },
        );
        counts_of(&summed)
    }

    /// Each current partner's stance on an objective's current version, partners in id order;
    /// archived partners that took a stance are shown too.
    fn stances_on_current(&self, assessed: &Assessed) -> Vec<PartnerStance> {
        let version = assessed.objective.current_version;
        let mut latest: BTreeMap<model::PartnerId, &StanceRecord> = BTreeMap::new();
        for record in assessed.stances.iter().filter(|r| r.version == version) {
            latest.insert(record.partner, record);
        }
        self.partners
            .iter()
            .filter(|partner| {
                partner.archived_at.is_none()
                    || latest
                        .get(&partner.id)
                        .is_some_and(|record| record.stance.is_some())
            })
            .map(|partner| {
                let record = latest.get(&partner.id).filter(|r| r.stance.is_some());
                let stance = record.and_then(|record| record.stance);
                PartnerStance {
                    partner_id: partner.id.get(),
                    partner: partner.name.to_string(),
                    sector: sector_label(partner.sector).to_owned(),
                    stance: stance.map_or("none", StoredStance::as_str).to_owned(),
                    stance_label: stance_label(stance).to_owned(),
                    reason: record.and_then(|record| record.reason.clone()),
                }
            })
            .collect()
    }

    fn adopted(&self) -> impl Iterator<Item = &Assessed> {
        self.objectives
            .iter()
            .filter(|assessed| assessed.objective.phase == Phase::Decided)
    }
}

fn counts_of(summary: &Accountability) -> ActionCounts {
    ActionCounts {
        planned: summary.planned,
        in_progress: summary.in_progress,
        done: summary.done,
        blocked: summary.blocked,
        dropped: summary.dropped,
        late: summary.late,
        total: summary.total(),
    }
}

/// Reads the evidence frozen with a version; evidence that cannot be read is an error that
/// names the objective, never a page without it.
fn evidence_of(objective: &Objective, version: &ObjectiveVersion) -> Result<Evidence, ApiError> {
    Evidence::read(&version.evidence).map_err(|error| {
        ApiError::internal(anyhow::Error::new(error).context(format!(
            "the evidence of objective {} version {} cannot be read",
            objective.id.0, version.version
        )))
    })
}

fn current_version(assessed: &Assessed) -> Option<&ObjectiveVersion> {
    assessed
        .versions
        .iter()
        .find(|version| version.version == assessed.objective.current_version)
}

fn current_evidence(assessed: &Assessed) -> Result<Option<EvidenceSource>, ApiError> {
    match current_version(assessed) {
        Some(version) => Ok(evidence_of(&assessed.objective, version)?.source),
        None => Ok(None),
    }
}

/// Returns the outcomes page's document: anyone once published, the convenors as a preview
/// before. Only adopted objectives appear, with the evidence of their adopted version.
pub async fn outcomes(
    state: &AppState,
    headers: &HeaderMap,
    id: PartnershipId,
) -> Result<Outcomes, ApiError> {
    let (partnership, publication, access) = auth::read_outcomes(state, headers, id).await?;
    let settlement = load(state, partnership).await?;
    let mut objectives = Vec::new();
    for assessed in settlement.adopted() {
        let objective = &assessed.objective;
        objectives.push(AdoptedObjective {
            id: objective.id.0,
            version: objective.current_version,
            title: objective.title.clone(),
            body: objective.body.clone(),
            adopted_at: rfc3339(objective.updated_at),
            reason: assessed.decision.reason.clone(),
            evidence: current_evidence(assessed)?,
            stances: settlement.stances_on_current(assessed),
            actions: settlement
                .actions
                .iter()
                .filter(|action| action.objective == objective.id)
                .map(|action| settlement.action_view(action))
                .collect(),
        });
    }
    Ok(Outcomes {
        partnership_id: settlement.partnership.id.get(),
        partnership_name: settlement.partnership.name.to_string(),
        purpose: settlement.partnership.purpose.to_string(),
        is_published: access == OutcomesAccess::Published,
        published_at: publication.published_at.map(rfc3339),
        as_of: iso_day(state.now_ms()),
        objectives,
    })
}

/// Returns the actions dashboard: the partnership's convenors and its partners'
/// representatives.
pub async fn dashboard(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Dashboard, ApiError> {
    let (partnership, _) = actor.see_partnership(state, id).await?;
    let settlement = load(state, partnership).await?;
    let views: Vec<ActionView> = settlement
        .actions
        .iter()
        .map(|action| settlement.action_view(action))
        .collect();
    let mut late: Vec<ActionView> = views.iter().filter(|v| v.is_late).cloned().collect();
    late.sort_by(|left, right| {
        right
            .days_late
            .cmp(&left.days_late)
            .then(left.id.cmp(&right.id))
    });
    let blocked = views.iter().filter(|v| v.is_blocked).cloned().collect();
    let objectives = settlement
        .objectives
        .iter()
        .filter(|assessed| {
            assessed.decision.status == ObjectiveStatus::Adopted
                || views
                    .iter()
                    .any(|view| view.objective_id == assessed.objective.id.0)
        })
        .map(|assessed| {
            let id = assessed.objective.id;
            ObjectiveActions {
                objective_id: id.0,
                title: assessed.objective.title.clone(),
                status: assessed.decision.status.as_str().to_owned(),
                counts: settlement.counts(settlement.actions.iter().filter(|a| a.objective == id)),
                actions: views
                    .iter()
                    .filter(|view| view.objective_id == id.0)
                    .cloned()
                    .collect(),
            }
        })
        .collect();
    let partners = settlement
        .partners
        .iter()
        .filter(|partner| settlement.actions.iter().any(|a| a.owner == partner.id))
        .map(|partner| PartnerActions {
            partner_id: partner.id.get(),
            partner: partner.name.to_string(),
            sector: sector_label(partner.sector).to_owned(),
            counts: settlement.counts(settlement.actions.iter().filter(|a| a.owner == partner.id)),
            actions: views
                .iter()
                .filter(|view| view.owner_id == partner.id.get())
                .cloned()
                .collect(),
        })
        .collect();
    Ok(Dashboard {
        partnership_id: settlement.partnership.id.get(),
        partnership_name: settlement.partnership.name.to_string(),
        as_of: iso_day(state.now_ms()),
        totals: settlement.counts(settlement.actions.iter()),
        late,
        blocked,
        objectives,
        partners,
    })
}

/// Returns the partnership's whole record with its hashes: the partnership's convenors and its
/// partners' representatives.
pub async fn record_export(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<RecordExport, ApiError> {
    let (partnership, _) = actor.see_partnership(state, id).await?;
    let (entries, head) = state.store().read_record(id).await?;
    let verified = verify(id.get(), &entries, head.as_deref()).is_ok();
    let mut previous = genesis(id.get());
    let mut exported = Vec::with_capacity(entries.len());
    for entry in entries {
        let recorded_at_utc = entry.recorded_at.parse::<i64>().ok().map(rfc3339);
        let hash = entry.hash;
        exported.push(ExportedEntry {
            sequence: entry.sequence,
            recorded_at: entry.recorded_at,
            recorded_at_utc,
            actor: entry.actor,
            kind: entry.kind,
            payload: entry.payload,
            previous_hash: std::mem::replace(&mut previous, hash.clone()),
            hash,
        });
    }
    Ok(RecordExport {
        partnership_id: id.get(),
        partnership_name: partnership.name.to_string(),
        genesis: genesis(id.get()),
        head,
        verified,
        entries: exported,
    })
}

/// The columns of the record's CSV export, in order.
pub const RECORD_CSV_HEADER: [&str; 8] = [
    "sequence",
    "recorded_at",
    "recorded_at_utc",
    "actor",
    "kind",
    "payload",
    "previous_hash",
    "hash",
];

/// Writes the record as CSV (RFC 4180, a header row, one row per entry, fields exactly as
/// hashed).
pub fn record_csv(export: &RecordExport) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |error: csv::Error| ApiError::internal(anyhow::Error::new(error));
    writer.write_record(RECORD_CSV_HEADER).map_err(failed)?;
    for entry in &export.entries {
        writer
            .write_record([
                entry.sequence.to_string().as_str(),
                &entry.recorded_at,
                entry.recorded_at_utc.as_deref().unwrap_or_default(),
                &entry.actor,
                &entry.kind,
                &entry.payload,
                &entry.previous_hash,
                &entry.hash,
            ])
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|error| ApiError::internal(anyhow::anyhow!("{error}")))
}

/// The printable agreement: the adopted objectives with their final text and every partner's
/// stance, the decision rule, and the record's head hash.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// The partnership's name.
    pub partnership_name: String,
    /// What it is for.
    pub purpose: String,
    /// The decision rule.
    pub rule: StoredRule,
    /// The adopted objectives.
    pub objectives: Vec<AgreedObjective>,
    /// The record's head hash, if it has entries.
    pub head: Option<String>,
    /// How many entries the record holds.
    pub record_entries: usize,
    /// Whether the record verified when the page was made.
    pub verified: bool,
    /// When the page was made (RFC 3339).
    pub printed_at: String,
}

/// One adopted objective of the agreement.
#[derive(Debug, Clone)]
pub struct AgreedObjective {
    /// Its number in the agreement, from 1.
    pub number: usize,
    /// Its title.
    pub title: String,
    /// Its final text.
    pub body: String,
    /// The adopted version.
    pub version: u32,
    /// When its adoption was recorded (YYYY-MM-DD).
    pub adopted_on: String,
    /// The stances the engine counted when it adopted it.
    pub counts: StanceCounts,
    /// Each partner's stance on the adopted version.
    pub stances: Vec<PartnerStance>,
}

/// Returns the printable agreement: the partnership's convenors and its partners'
/// representatives.
pub async fn agreement(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Agreement, ApiError> {
    let (partnership, _) = actor.see_partnership(state, id).await?;
    let settlement = load(state, partnership).await?;
    let (entries, head) = state.store().read_record(id).await?;
    let verified = verify(id.get(), &entries, head.as_deref()).is_ok();
    let objectives = settlement
        .adopted()
        .enumerate()
        .map(|(index, assessed)| AgreedObjective {
            number: index + 1,
            title: assessed.objective.title.clone(),
            body: assessed.objective.body.clone(),
            version: assessed.objective.current_version,
            adopted_on: iso_day(assessed.objective.updated_at),
            counts: assessed.decision.counts,
            stances: settlement.stances_on_current(assessed),
        })
        .collect();
    Ok(Agreement {
        partnership_name: settlement.partnership.name.to_string(),
        purpose: settlement.partnership.purpose.to_string(),
        rule: settlement.rule,
        objectives,
        head,
        record_entries: entries.len(),
        verified,
        printed_at: rfc3339(state.now_ms()),
    })
}

fn publication_state(
    state: &AppState,
    id: PartnershipId,
    publication: Publication,
) -> PublicationState {
    PublicationState {
        published: publication.published_at.is_some(),
        published_at: publication.published_at.map(rfc3339),
        url: state.site_url(&format!("/p/{id}/outcomes")),
        has_calendar_feed: publication.has_calendar_feed,
    }
}

/// Returns whether the outcomes page is published: the partnership's convenors.
pub async fn publication(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<PublicationState, ApiError> {
    actor.convene(state, id).await?;
    let publication = state.store().publication(id).await?;
    Ok(publication_state(state, id, publication))
}

/// Publishes the outcomes page or takes it down: the partnership's convenors.
pub async fn set_published(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    published: bool,
) -> Result<PublicationState, ApiError> {
    actor.convene(state, id).await?;
    let publication = state
        .store()
        .set_outcomes_published(id, published, actor.convenor.id, state.now_ms())
        .await?;
    Ok(publication_state(state, id, publication))
}

/// The address of a partnership's calendar feed with its secret.
fn feed_url(state: &AppState, id: PartnershipId, secret: &str) -> String {
    state.site_url(&format!("/p/{id}/actions.ics?token={secret}"))
}

/// Makes a new calendar feed address (the old one stops working): the partnership's convenors.
pub async fn renew_calendar_feed(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<CalendarFeed, ApiError> {
    actor.convene(state, id).await?;
    let token = state.store().renew_calendar_feed(id).await?;
    Ok(CalendarFeed {
        url: feed_url(state, id, token.as_str()),
    })
}

/// Revokes the calendar feed's address: the partnership's convenors.
pub async fn revoke_calendar_feed(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<(), ApiError> {
    actor.convene(state, id).await?;
    state.store().revoke_calendar_feed(id).await?;
    Ok(())
}

/// Returns the calendar of the partnership's actions' due dates (actions without a due date
/// are left out), for whoever holds the feed's secret or may see the partnership.
pub async fn calendar(
    state: &AppState,
    headers: &HeaderMap,
    id: PartnershipId,
    secret: Option<&str>,
) -> Result<String, ApiError> {
    let partnership = auth::read_calendar_feed(state, headers, id, secret).await?;
    let settlement = load(state, partnership).await?;
    let titles: BTreeMap<i64, &str> = settlement
        .objectives
        .iter()
        .map(|assessed| (assessed.objective.id.0, assessed.objective.title.as_str()))
        .collect();
    let events = settlement
        .actions
        .iter()
        .filter_map(|action| {
            let due = action.due_on.as_deref().and_then(parse_day)?;
            let view = settlement.action_view(action);
            let mut status = view.status_label.clone();
            if view.is_late {
                status.push_str(&format!(", late by {} days", view.days_late));
            }
            let mut description = format!("Owner: {}", view.owner);
            if !view.shared_with.is_empty() {
                description.push_str(&format!("\nShared with: {}", view.shared_with.join(", ")));
            }
            description.push_str(&format!(
                "\nLead: {}\nStatus: {status}\nObjective: {}",
                view.lead_role,
                titles.get(&action.objective.0).copied().unwrap_or_default()
            ));
            Some(Event {
                uid: format!("action-{}-partnership-{id}@commonground", action.id.0),
                stamp: stamp_value(action.updated_at),
                date: date_value(due),
                end_date: date_value(due + 1),
                summary: format!("Due: {} ({})", view.title, view.owner),
                description,
                status: if Settlement::status_of(action) == ActionStatus::Dropped {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                },
            })
        })
        .collect();
    Ok(Calendar {
        product: "-//Common Ground//Partnership actions//EN".to_owned(),
        name: format!("{}: actions due", settlement.partnership.name),
        events,
    }
    .to_ics())
}

/// Returns the address of the outcomes page a dialogue's participants may follow ("what came
/// of this"): when its partnership published its outcomes and an adopted objective's adopted
/// version cites the dialogue.
pub async fn outcomes_link(
    state: &AppState,
    dialogue: &store::Dialogue,
) -> Result<Option<String>, ApiError> {
    let store = state.store();
    if store
        .publication(dialogue.partnership)
        .await?
        .published_at
        .is_none()
    {
        return Ok(None);
    }
    for objective in store.list_objectives(dialogue.partnership).await? {
        if objective.phase != Phase::Decided {
            continue;
        }
        let versions = store.list_versions(objective.id).await?;
        let Some(version) = versions
            .iter()
            .find(|version| version.version == objective.current_version)
        else {
            continue;
        };
        let cites = evidence_of(&objective, version)?
            .source
            .is_some_and(|source| source.dialogue_id == dialogue.id.get());
        if cites {
            return Ok(Some(format!("/p/{}/outcomes", dialogue.partnership)));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_read_as_days_only_when_they_exist() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2000-02-29"), Some(11_016));
        assert_eq!(parse_day("2026-12-04"), Some(day_of(1_796_342_400_000)));
        assert_eq!(parse_day("2024-03-01"), Some(19_783));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-04-31",
            "26-01-01",
            "2026-1-01",
            "2026/01/01",
            "",
            "2026-01-01-01",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
