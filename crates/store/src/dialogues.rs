//! Dialogues, their constituencies and settings.
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. The records do
//! not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{
    AnalysisWeighting, ConstituencyId, ConstituencyKind, ConstituencyName, ConvenorId, Description,
    DialogueId, DialogueQuestion, DialogueSchedule, DialogueStatus, DialogueTitle, ExpectedShare,
    ModerationPolicy, PartnershipId, ReportVisibility, StatementId, StatementText,
};

use crate::store::StoreResult;

/// A public that a dialogue wants to hear, e.g. "carer" or "GP".
#[derive(Clone, Debug, PartialEq)]
pub struct Constituency {
    /// Its id.
    pub id: ConstituencyId,
    /// The dialogue it belongs to.
    pub dialogue: DialogueId,
    /// Its name, unique within the dialogue.
    pub name: ConstituencyName,
    /// The share of participants the convenor expects from it, if stated.
    pub expected_share: Option<ExpectedShare>,
    /// Whether it is lay or professional, if stated.
    pub kind: Option<ConstituencyKind>,
    /// Its share of the population frame that frame weighting follows, if given.
    pub population_share: Option<ExpectedShare>,
}

/// A constituency to create with (or add to) a dialogue.
#[derive(Clone, Debug, PartialEq)]
pub struct NewConstituency {
    /// Its name, unique within the dialogue.
    pub name: ConstituencyName,
    /// The share of participants the convenor expects from it, if stated.
    pub expected_share: Option<ExpectedShare>,
    /// Whether it is lay or professional, if stated.
    pub kind: Option<ConstituencyKind>,
}

/// The settings of a dialogue a convenor may change at any time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogueSettings {
    /// A short title.
    pub title: DialogueTitle,
    /// The question put to participants.
    pub question: DialogueQuestion,
    /// A longer explanation, possibly empty.
    pub description: Description,
    /// Whether participants may add statements.
    pub allow_participant_statements: bool,
    /// When participants' statements are moderated.
    pub moderation: ModerationPolicy,
    /// Who may read the report.
    pub report_visibility: ReportVisibility,
}

/// One question put to many people.
#[derive(Clone, Debug, PartialEq)]
pub struct Dialogue {
    /// Its id.
    pub id: DialogueId,
    /// The partnership that owns it.
    pub partnership: PartnershipId,
    /// Its settings.
    pub settings: DialogueSettings,
    /// Its constituencies, in the order they were added.
    pub constituencies: Vec<Constituency>,
    /// Whether a convenor has left it open (false once they close it, until they reopen it).
    /// Whether it accepts votes, statements and participants at a moment also depends on its
    /// schedule: ask [`Dialogue::status_at`].
    pub is_open: bool,
    /// When it opens and closes, if at set times.
    pub schedule: DialogueSchedule,
    /// Whether its convenors show it to the partnership's partner representatives.
    pub shared_with_partners: bool,
    /// The convenor who created it, if known and not deleted.
    pub created_by: Option<ConvenorId>,
    /// An id from the system it was imported from (e.g. a Pol.is conversation id).
    pub external_id: Option<String>,
    /// When it was created.
    pub created_at: i64,
    /// How the analysis weighs participants (`None`: the default, equal when the dialogue has
    /// constituencies).
    pub weighting: Option<AnalysisWeighting>,
}

impl Dialogue {
    /// Returns where the dialogue stands at `now`: closed by a convenor or by its closing time,
    /// not yet open before its opening time, or open. Every write the store refuses on a closed
    /// dialogue is checked against this, at the moment the write carries.
    pub fn status_at(&self, now: i64) -> DialogueStatus {
        self.schedule.status_at(now, !self.is_open)
    }

    /// Returns whether the dialogue is closed at `now`, by a convenor or by its closing time.
    pub fn is_closed_at(&self, now: i64) -> bool {
        self.status_at(now) == DialogueStatus::Closed
    }
}

/// What is needed to create a dialogue; constituencies and seed statements are created with it
/// in one transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct NewDialogue {
    /// The partnership that owns it.
    pub partnership: PartnershipId,
    /// Its settings.
    pub settings: DialogueSettings,
    /// Its constituencies; names must be distinct.
    pub constituencies: Vec<NewConstituency>,
    /// Seed statements, accepted at once; they must not duplicate each other.
    pub seed_statements: Vec<StatementText>,
    /// When it opens and closes, if at set times.
    pub schedule: DialogueSchedule,
    /// The convenor creating it.
    pub created_by: Option<ConvenorId>,
    /// When it is created.
    pub created_at: i64,
}

/// Dialogues, their constituencies and settings.
#[async_trait]
pub trait DialogueStore: Send + Sync {
    /// Creates a dialogue, open, with its constituencies and accepted seed statements, in one
    /// transaction. Refuses duplicate constituency names and seed statements that duplicate
    /// each other once normalised.
    async fn create_dialogue(&self, new: NewDialogue) -> StoreResult<Dialogue>;

    /// Returns a dialogue with its constituencies.
    async fn get_dialogue(&self, id: DialogueId) -> StoreResult<Dialogue>;

    /// Lists a partnership's dialogues with their constituencies.
    async fn list_dialogues(&self, partnership: PartnershipId) -> StoreResult<Vec<Dialogue>>;

    /// Replaces a dialogue's settings.
    async fn update_dialogue_settings(
        &self,
        id: DialogueId,
        settings: DialogueSettings,
    ) -> StoreResult<Dialogue>;

    /// Opens or closes a dialogue. Closing waits for votes being recorded, so no vote is
    /// accepted after this returns.
    async fn set_dialogue_open(&self, id: DialogueId, is_open: bool) -> StoreResult<Dialogue>;

    /// Sets when a dialogue opens and closes. Like closing, it takes the dialogue's row first, so
    /// a vote being recorded is written before the new times apply, and the next one is checked
    /// against them. Moving a passed closing time later opens the dialogue again (unless a
    /// convenor closed it by hand).
    async fn set_dialogue_schedule(
        &self,
        id: DialogueId,
        schedule: DialogueSchedule,
    ) -> StoreResult<Dialogue>;

    /// Shows a dialogue to the partnership's partner representatives, or stops showing it.
    async fn set_dialogue_shared_with_partners(
        &self,
        id: DialogueId,
        shared: bool,
    ) -> StoreResult<Dialogue>;

    /// Sets how the analysis weighs participants and the population shares of the named
    /// constituencies (`None` clears one), in one transaction; the analysis becomes stale.
    /// Refuses a constituency of another dialogue as not found.
    async fn set_dialogue_weighting(
        &self,
        id: DialogueId,
        weighting: Option<AnalysisWeighting>,
        population_shares: Vec<(ConstituencyId, Option<ExpectedShare>)>,
    ) -> StoreResult<Dialogue>;

    /// Adds a constituency to a dialogue; refuses a name already used in it.
    async fn add_constituency(
        &self,
        dialogue: DialogueId,
        new: NewConstituency,
    ) -> StoreResult<Constituency>;

    /// Changes a constituency's name, expected share and kind; refuses a name another of the
    /// dialogue's constituencies has, and a constituency of another dialogue as not found.
    async fn update_constituency(
        &self,
        dialogue: DialogueId,
        id: ConstituencyId,
        change: NewConstituency,
    ) -> StoreResult<Constituency>;

    /// Removes a constituency that no participant has said they belong to; one with members is
    /// refused with [`crate::StoreError::Invalid`], and nothing changes.
    async fn remove_constituency(
        &self,
        dialogue: DialogueId,
        id: ConstituencyId,
    ) -> StoreResult<()>;

    /// Rewrites a seed statement that nobody has voted on yet; one with votes is refused with
    /// [`crate::StoreError::Invalid`], a text the dialogue already has with
    /// [`crate::StoreError::DuplicateStatement`], a participant's statement as not found.
    async fn edit_seed_statement(
        &self,
        dialogue: DialogueId,
        id: StatementId,
        text: StatementText,
    ) -> StoreResult<crate::Statement>;

    /// Removes a seed statement that nobody has voted on yet; one with votes is refused with
    /// [`crate::StoreError::Invalid`] (moderation rejects it instead), a participant's
    /// statement as not found.
    async fn remove_seed_statement(&self, dialogue: DialogueId, id: StatementId)
    -> StoreResult<()>;
}
