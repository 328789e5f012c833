//! Safeguarding: what screening found in a statement, participants' flags, moderators'
//! decisions and their append-only log, and each partnership's signposting text and extra
//! terms.
//!
//! A participant's statement with a finding is held: while it is pending nobody but a
//! moderator sees it, whatever the dialogue's moderation policy. Times are milliseconds since
//! the Unix epoch, supplied by the caller's clock. The records do not derive `Serialize`: the
//! server owns the JSON shapes.

use async_trait::async_trait;
use model::{
    ConvenorId, DialogueId, ModerationAction, ParticipantId, PartnershipId, RejectionReason,
    SafeguardingConcern, StatementId,
};

use crate::store::StoreResult;
use crate::{NewStatement, Statement};

/// One match of a screening rule in a statement's text, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What the match is a sign of.
    pub concern: SafeguardingConcern,
    /// The rule's stable name (`nhs_number`, `disclosure_term`, ...).
    pub rule: String,
    /// Where the match starts in the text as written, a byte offset.
    pub start: i64,
    /// Where it ends (exclusive), a byte offset.
    pub end: i64,
}

/// What is needed to flag a statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFlag {
    /// The statement flagged.
    pub statement: StatementId,
    /// The participant flagging it, of the statement's dialogue.
    pub participant: ParticipantId,
    /// Why.
    pub reason: SafeguardingConcern,
    /// What the participant adds, if anything.
    pub note: Option<String>,
    /// When.
    pub created_at: i64,
}

/// A participant's flag on a statement; one per participant and statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// Its id.
    pub id: i64,
    /// The statement flagged.
    pub statement: StatementId,
    /// Why.
    pub reason: SafeguardingConcern,
    /// What the participant added.
    pub note: Option<String>,
    /// When.
    pub created_at: i64,
}

/// A statement a moderator should look at: held by screening, or flagged since its last
/// decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeguardingCase {
    /// The statement as it stands.
    pub statement: Statement,
    /// What screening found when it was written.
    pub findings: Vec<Finding>,
    /// Its flags, oldest first.
    pub flags: Vec<Flag>,
    /// The author's text, when a moderator has edited or redacted it.
    pub original_text: Option<String>,
}

/// What a moderator decides about a statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewDecision {
    /// The statement.
    pub statement: StatementId,
    /// The deciding account.
    pub actor: ConvenorId,
    /// Its email address, kept in the log as it was.
    pub actor_email: String,
    /// What was decided.
    pub action: ModerationAction,
    /// Why, for a rejection.
    pub reason: Option<RejectionReason>,
    /// What the moderator adds.
    pub note: Option<String>,
    /// The new text of an edit or a redaction (already validated).
    pub new_text: Option<String>,
    /// When.
    pub decided_at: i64,
}

/// One entry of the decisions log, which is only ever appended to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Its id, in the order decisions were made.
    pub id: i64,
    /// The dialogue of the statement.
    pub dialogue: DialogueId,
    /// The statement.
    pub statement: StatementId,
    /// The deciding account; `None` if it was not a stored account.
    pub actor: Option<ConvenorId>,
    /// Its email address as it was at the time.
    pub actor_email: String,
    /// What was decided.
    pub action: ModerationAction,
    /// Why, for a rejection.
    pub reason: Option<RejectionReason>,
    /// What the moderator added.
    pub note: Option<String>,
    /// When.
    pub decided_at: i64,
}

/// A partnership's safeguarding settings: the text the author of a possible disclosure reads,
/// and the terms it adds to the shared lists, one per entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafeguardingSettings {
    /// The signposting text (local crisis lines and services); empty until a convenor sets it.
    pub signposting: String,
    /// Extra disclosure and crisis terms.
    pub extra_disclosure: Vec<String>,
    /// Extra abuse terms.
    pub extra_abuse: Vec<String>,
    /// When a convenor last saved them; `None` if never.
    pub updated_at: Option<i64>,
}

/// Safeguarding: held statements, flags, decisions and their log, settings.
#[async_trait]
pub trait SafeguardingStore: Send + Sync {
    /// Adds a participant's statement as [`crate::StatementStore::submit_statement`] does,
    /// keeping screening's findings with it in the same transaction; with any finding it is
    /// held for a moderator whatever the dialogue's policy. The language it was written in
    /// (`written_in`, a code as [`crate::VersionStore::set_statement_language`] takes) is
    /// recorded in the same transaction when it is not the dialogue's, so the statement is
    /// never visible before it is known to wait for a translation.
    async fn submit_screened_statement(
        &self,
        new: NewStatement,
        findings: Vec<Finding>,
        written_in: Option<&str>,
    ) -> StoreResult<Statement>;

    /// Returns the ids of a dialogue's statements that screening holds (pending with a
    /// finding), in id order.
    async fn held_statements(&self, dialogue: DialogueId) -> StoreResult<Vec<StatementId>>;

    /// Returns what screening found in a statement.
    async fn statement_findings(&self, statement: StatementId) -> StoreResult<Vec<Finding>>;

    /// Flags a statement for a participant of its dialogue; a second flag of the same
    /// statement by the same participant is `Duplicate`.
    async fn flag_statement(&self, flag: NewFlag) -> StoreResult<Flag>;

    /// Returns the statements of a dialogue a moderator should look at, in id order: pending
    /// with a finding, or flagged after their last decision.
    async fn safeguarding_cases(&self, dialogue: DialogueId) -> StoreResult<Vec<SafeguardingCase>>;

    /// Applies a decision to a statement and appends it to the log, in one transaction: accept
    /// and reject set its status (a rejection's reason is what the author reads); an edit or a
    /// redaction keeps the author's first text, replaces it and accepts the statement.
    async fn decide(&self, decision: NewDecision) -> StoreResult<(Statement, Decision)>;

    /// Appends a decision made elsewhere (the moderation room's accept and reject) to the log.
    async fn log_decision(&self, decision: NewDecision) -> StoreResult<Decision>;

    /// Returns a partnership's decisions log, oldest first.
    async fn list_decisions(&self, partnership: PartnershipId) -> StoreResult<Vec<Decision>>;

    /// Returns a partnership's safeguarding settings (the defaults if never saved).
    async fn safeguarding_settings(
        &self,
        partnership: PartnershipId,
    ) -> StoreResult<SafeguardingSettings>;

    /// Saves a partnership's safeguarding settings whole.
    async fn set_safeguarding_settings(
        &self,
        partnership: PartnershipId,
        settings: SafeguardingSettings,
    ) -> StoreResult<SafeguardingSettings>;
}
