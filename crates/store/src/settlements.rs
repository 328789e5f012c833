//! Shared objectives negotiated between partners: their versions, each partner's stance on each
//! version, the actions under adopted objectives with their progress notes, and the partnership's
//! append-only, hash-chained record of all of it (`model::record`).
//!
//! Every write here appends to the record in the same transaction, so the record holds exactly
//! what happened. The status of an objective is not stored: the engine computes it from the
//! phase the convenor set, the stances and the partnership's decision rule. Text arrives already
//! validated by the server; times are milliseconds since the Unix epoch from the caller's clock.

use async_trait::async_trait;
use model::record::RecordEntry;
use model::{ConvenorId, PartnerId, PartnershipId, Token};

use crate::store::StoreResult;

/// Identifies a shared objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectiveId(pub i64);

/// Identifies an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionId(pub i64);

/// How a partnership decides, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredRule {
    /// Adopted when no partner objects and `quorum_percent` of partners responded.
    Consent {
        /// 1 to 100.
        quorum_percent: u8,
    },
    /// Adopted when every partner endorses.
    Unanimity,
}

/// Where the convenor has taken an objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Being written.
    Draft,
    /// The current version is with the partners.
    WithPartners,
    /// The convenor recorded its adoption.
    Decided,
    /// Withdrawn.
    Withdrawn,
}

impl Phase {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::WithPartners => "with_partners",
            Phase::Decided => "decided",
            Phase::Withdrawn => "withdrawn",
        }
    }

    /// Parses the stored word.
    pub fn parse(word: &str) -> Option<Phase> {
        [
            Phase::Draft,
            Phase::WithPartners,
            Phase::Decided,
            Phase::Withdrawn,
        ]
        .into_iter()
        .find(|phase| phase.as_str() == word)
    }
}

/// A partner's stance, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredStance {
    /// Endorses.
    Endorse,
    /// Endorses with written reservations.
    EndorseWithReservations,
    /// Objects, with a written reason.
    Object,
}

impl StoredStance {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            StoredStance::Endorse => "endorse",
            StoredStance::EndorseWithReservations => "endorse_with_reservations",
            StoredStance::Object => "object",
        }
    }

    /// Parses the stored word.
    pub fn parse(word: &str) -> Option<StoredStance> {
        [
            StoredStance::Endorse,
            StoredStance::EndorseWithReservations,
            StoredStance::Object,
        ]
        .into_iter()
        .find(|stance| stance.as_str() == word)
    }
}

/// A shared objective with its current version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Objective {
    /// Its id.
    pub id: ObjectiveId,
    /// Its partnership.
    pub partnership: PartnershipId,
    /// Where the convenor has taken it.
    pub phase: Phase,
    /// The current (newest) version.
    pub current_version: u32,
    /// The current version's title.
    pub title: String,
    /// The current version's text.
    pub body: String,
    /// When it was drafted.
    pub created_at: i64,
    /// When its phase or version last changed.
    pub updated_at: i64,
}

/// One version of an objective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectiveVersion {
    /// Its number, from 1.
    pub version: u32,
    /// The title.
    pub title: String,
    /// The text.
    pub body: String,
    /// The evidence frozen with it: JSON written by the server (the statements and their
    /// standing at that moment).
    pub evidence: String,
    /// The stance whose amendment it takes up, if any.
    pub amends: Option<i64>,
    /// Who wrote it.
    pub created_by: Option<ConvenorId>,
    /// When.
    pub created_at: i64,
}

/// What is needed to draft an objective, or a new version of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewVersion {
    /// The title.
    pub title: String,
    /// The text.
    pub body: String,
    /// The evidence, as JSON.
    pub evidence: String,
    /// The stance whose amendment the version takes up, if any.
    pub amends: Option<i64>,
    /// Who writes it.
    pub actor: ConvenorId,
    /// When.
    pub now: i64,
}

/// One recorded stance, or its withdrawal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StanceRecord {
    /// Its id, which orders stances.
    pub id: i64,
    /// The objective.
    pub objective: ObjectiveId,
    /// The version it is on.
    pub version: u32,
    /// The partner it is for.
    pub partner: PartnerId,
    /// The stance, or `None` for a withdrawal.
    pub stance: Option<StoredStance>,
    /// The reservations or the reason for objecting.
    pub reason: Option<String>,
    /// A proposed amendment, with an objection.
    pub amendment: Option<String>,
    /// Who recorded it.
    pub recorded_by: Option<ConvenorId>,
    /// When.
    pub recorded_at: i64,
}

/// What is needed to record a stance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewStance {
    /// The objective.
    pub objective: ObjectiveId,
    /// The version the partner saw; it must be the current one.
    pub version: u32,
    /// The partner.
    pub partner: PartnerId,
    /// The stance, or `None` to withdraw the partner's stance.
    pub stance: Option<StoredStance>,
    /// The reservations or the reason.
    pub reason: Option<String>,
    /// A proposed amendment.
    pub amendment: Option<String>,
    /// Who records it (a representative of the partner, checked by the server).
    pub actor: ConvenorId,
    /// When.
    pub now: i64,
}

/// An action under an adopted objective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// Its id.
    pub id: ActionId,
    /// The objective.
    pub objective: ObjectiveId,
    /// The partner that owns it.
    pub owner: PartnerId,
    /// Partners that share it, in id order.
    pub shared_with: Vec<PartnerId>,
    /// What will be done.
    pub title: String,
    /// The role that leads it ("Head of Adult Social Care").
    pub lead_role: String,
    /// When it is due, as YYYY-MM-DD.
    pub due_on: Option<String>,
    /// Its status word (`engine::settlement::actions::ActionStatus::as_str`).
    pub status: String,
    /// When it was added.
    pub created_at: i64,
    /// When it last changed.
    pub updated_at: i64,
}

/// What is needed to add an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAction {
    /// The objective, which must be adopted (decided).
    pub objective: ObjectiveId,
    /// The owner, a current partner of the objective's partnership.
    pub owner: PartnerId,
    /// Partners sharing it, of the same partnership.
    pub shared_with: Vec<PartnerId>,
    /// What will be done.
    pub title: String,
    /// The lead role.
    pub lead_role: String,
    /// The due date, YYYY-MM-DD.
    pub due_on: Option<String>,
    /// The status word.
    pub status: String,
    /// Who adds it.
    pub actor: ConvenorId,
    /// When.
    pub now: i64,
}

/// A dated progress note, with the status it set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionNote {
    /// Its id.
    pub id: i64,
    /// The action.
    pub action: ActionId,
    /// The status after the note.
    pub status: String,
    /// The note.
    pub note: String,
    /// Who wrote it.
    pub recorded_by: Option<ConvenorId>,
    /// When.
    pub recorded_at: i64,
}

/// What is needed to report progress on an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewActionNote {
    /// The action.
    pub action: ActionId,
    /// The status after the note.
    pub status: String,
    /// The note.
    pub note: String,
    /// Who writes it.
    pub actor: ConvenorId,
    /// When.
    pub now: i64,
}

/// Whether a partnership's outcomes page is public, and whether it has a calendar feed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Publication {
    /// When the outcomes page was published, or `None` while it is not public.
    pub published_at: Option<i64>,
    /// Who published it (`None` also once that account is deleted).
    pub published_by: Option<ConvenorId>,
    /// Whether a calendar feed address is in force.
    pub has_calendar_feed: bool,
}

/// What a decision to adopt an objective was taken on: the store adopts only while all of it
/// still holds, so that a stance, amendment, rule change or archived partner arriving between
/// the engine's check and the adoption cannot be overtaken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecisionBasis {
    /// The version the stances were counted on.
    pub version: u32,
    /// How many stance records (on every version) the objective had.
    pub stances: u64,
    /// The partnership's decision rule.
    pub rule: StoredRule,
    /// How many of the partnership's partners were not archived.
    pub active_partners: u64,
}

/// Objectives, stances, actions and the partnership's record.
#[async_trait]
pub trait SettlementStore: Send + Sync {
    /// Returns a partnership's decision rule (consent with a quorum of 50% until set).
    async fn decision_rule(&self, partnership: PartnershipId) -> StoreResult<StoredRule>;

    /// Sets a partnership's decision rule, recording the change.
    async fn set_decision_rule(
        &self,
        partnership: PartnershipId,
        rule: StoredRule,
        actor: ConvenorId,
        now: i64,
    ) -> StoreResult<()>;

    /// Drafts an objective as its version 1.
    async fn create_objective(
        &self,
        partnership: PartnershipId,
        first: NewVersion,
    ) -> StoreResult<Objective>;

    /// Returns an objective with its current version.
    async fn get_objective(&self, id: ObjectiveId) -> StoreResult<Objective>;

    /// Lists a partnership's objectives in id order.
    async fn list_objectives(&self, partnership: PartnershipId) -> StoreResult<Vec<Objective>>;

    /// Makes a new version of an objective that is a draft or with the partners (it stays
    /// where it was); refuses a decided or withdrawn one with `ObjectiveClosed`.
    async fn amend_objective(&self, id: ObjectiveId, next: NewVersion) -> StoreResult<Objective>;

    /// Lists every version of an objective, oldest first.
    async fn list_versions(&self, id: ObjectiveId) -> StoreResult<Vec<ObjectiveVersion>>;

    /// Moves an objective to a phase, recording it. Refuses moves out of a withdrawn or
    /// decided objective with `ObjectiveClosed`; whether the rule allows a decision is the
    /// caller's to check with the engine.
    async fn set_phase(
        &self,
        id: ObjectiveId,
        phase: Phase,
        actor: ConvenorId,
        now: i64,
    ) -> StoreResult<Objective>;

    /// Adopts an objective that is with the partners, recording it, when `basis` still
    /// describes it and its partnership in the same transaction; otherwise refuses with
    /// `DecisionBasisChanged` (and a decided or withdrawn objective with `ObjectiveClosed`).
    /// Whether the basis satisfies the rule is the caller's to check with the engine first.
    async fn adopt_objective(
        &self,
        id: ObjectiveId,
        basis: DecisionBasis,
        actor: ConvenorId,
        now: i64,
    ) -> StoreResult<Objective>;

    /// Records a partner's stance on the current version of an objective that is with the
    /// partners. Refuses another version with `StaleVersion`, an objective not with the
    /// partners with `ObjectiveClosed`, and a partner of another partnership or archived.
    async fn record_stance(&self, new: NewStance) -> StoreResult<StanceRecord>;

    /// Lists every stance on every version of an objective, in the order recorded.
    async fn list_stances(&self, id: ObjectiveId) -> StoreResult<Vec<StanceRecord>>;

    /// Adds an action under a decided objective.
    async fn create_action(&self, new: NewAction) -> StoreResult<Action>;

    /// Returns an action.
    async fn get_action(&self, id: ActionId) -> StoreResult<Action>;

    /// Lists a partnership's actions, in id order.
    async fn list_actions(&self, partnership: PartnershipId) -> StoreResult<Vec<Action>>;

    /// Adds a progress note and sets the action's status.
    async fn add_action_note(&self, new: NewActionNote) -> StoreResult<ActionNote>;

    /// Lists an action's notes, oldest first.
    async fn list_action_notes(&self, id: ActionId) -> StoreResult<Vec<ActionNote>>;

    /// Returns a partnership's whole record in sequence order, and the head hash kept for it.
    async fn read_record(
        &self,
        partnership: PartnershipId,
    ) -> StoreResult<(Vec<RecordEntry>, Option<String>)>;

    /// Returns whether the partnership's outcomes page is published and its feed in force.
    async fn publication(&self, partnership: PartnershipId) -> StoreResult<Publication>;

    /// Publishes the partnership's outcomes page (keeping the first publication's time and
    /// author when it is already public) or takes it down.
    async fn set_outcomes_published(
        &self,
        partnership: PartnershipId,
        published: bool,
        actor: ConvenorId,
        now: i64,
    ) -> StoreResult<Publication>;

    /// Makes a new secret for the partnership's calendar feed, replacing any earlier one (whose
    /// address stops working), and returns it; only its hash is kept.
    async fn renew_calendar_feed(&self, partnership: PartnershipId) -> StoreResult<Token>;

    /// Revokes the partnership's calendar feed: its address stops working.
    async fn revoke_calendar_feed(&self, partnership: PartnershipId) -> StoreResult<()>;

    /// Returns whether `token` is the secret of the partnership's calendar feed.
    async fn calendar_feed_matches(
        &self,
        partnership: PartnershipId,
        token: &Token,
    ) -> StoreResult<bool>;
}
