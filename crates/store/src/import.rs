//! Import: a whole dialogue from another system's export, created in one transaction.
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. The records do
//! not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{
    ConvenorId, DialogueId, ModerationStatus, ParticipantId, PartnershipId, StatementId, VoteChoice,
};

use crate::dialogues::{DialogueSettings, NewConstituency};
use crate::store::StoreResult;

/// A whole dialogue brought in from elsewhere (e.g. a Pol.is export), created in one
/// transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct DialogueImport {
    /// The partnership that will own it.
    pub partnership: PartnershipId,
    /// Its settings.
    pub settings: DialogueSettings,
    /// Its constituencies; names must be distinct.
    pub constituencies: Vec<NewConstituency>,
    /// Whether it is open after import.
    pub is_open: bool,
    /// The convenor importing it.
    pub created_by: Option<ConvenorId>,
    /// Its id in the system it comes from.
    pub external_id: Option<String>,
    /// When it was created (in the original system, if known).
    pub created_at: i64,
    /// Its statements; external ids must be distinct.
    pub statements: Vec<ImportedStatement>,
    /// Its participants; external ids must be distinct. Participants named only by votes or as
    /// authors are created too, in order of first mention.
    pub participants: Vec<ImportedParticipant>,
    /// Every vote event, in any order; the latest by `cast_at` (then by position) counts.
    pub votes: Vec<ImportedVote>,
}

/// A statement to import, kept as it was: any text, any moderation status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedStatement {
    /// Its id in the original system (e.g. the Pol.is tid).
    pub external_id: String,
    /// Its text, unchecked (NUL characters are removed, as PostgreSQL cannot store them).
    pub text: String,
    /// Whether it was a seed statement.
    pub is_seed: bool,
    /// Whether it is a meta statement.
    pub is_meta: bool,
    /// Its moderation status.
    pub moderation: ModerationStatus,
    /// The external id of the participant who wrote it, if any.
    pub author: Option<String>,
    /// When it was written.
    pub created_at: i64,
}

/// A participant to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedParticipant {
    /// Its id in the original system (e.g. the Pol.is pid).
    pub external_id: String,
    /// Names of the import's constituencies the participant belongs to.
    pub constituencies: Vec<String>,
    /// When the participant joined.
    pub created_at: i64,
}

/// A vote event to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedVote {
    /// The participant's external id.
    pub participant: String,
    /// The statement's external id.
    pub statement: String,
    /// How they voted.
    pub choice: VoteChoice,
    /// When.
    pub cast_at: i64,
}

/// What an import created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    /// The new dialogue.
    pub dialogue: DialogueId,
    /// Each imported statement's external id and new id, in import order.
    pub statements: Vec<(String, StatementId)>,
    /// Each participant's external id and new id, listed ones first, then those created from
    /// mentions.
    pub participants: Vec<(String, ParticipantId)>,
    /// Vote events written to the history.
    pub vote_events: u64,
    /// Latest votes (one per participant and statement).
    pub votes: u64,
}

/// Bringing whole dialogues in from other systems.
#[async_trait]
pub trait ImportStore: Send + Sync {
    /// Creates a whole dialogue from another system's export (statements with their external
    /// ids, text, moderation, meta flags and times; participants; every vote event) in one
    /// transaction, using batched inserts.
    async fn import_dialogue(&self, import: DialogueImport) -> StoreResult<ImportSummary>;
}
