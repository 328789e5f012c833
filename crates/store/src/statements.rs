//! Statements: submission with duplicate checks, listing, moderation.
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. The records do
//! not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{DialogueId, ModerationStatus, ParticipantId, StatementId, StatementText};

use crate::store::StoreResult;

/// A claim that participants vote on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Its id; ids grow in creation order.
    pub id: StatementId,
    /// The dialogue it belongs to.
    pub dialogue: DialogueId,
    /// Its text: 1 to 280 characters when written here, anything when imported.
    pub text: String,
    /// Whether a convenor seeded it.
    pub is_seed: bool,
    /// Whether it is about the dialogue itself; such statements are left out of the analysis.
    pub is_meta: bool,
    /// Its moderation status.
    pub moderation: ModerationStatus,
    /// The participant who wrote it, if one did and has not been erased.
    pub author: Option<ParticipantId>,
    /// An existing statement it closely resembles (word-set Jaccard of at least 0.8), flagged
    /// for moderators when it was submitted.
    pub near_duplicate_of: Option<StatementId>,
    /// An id from the system it was imported from (e.g. a Pol.is tid).
    pub external_id: Option<String>,
    /// When it was written.
    pub created_at: i64,
    /// Why a convenor rejected it, when they said; `None` unless it is rejected.
    pub rejection_reason: Option<String>,
}

/// A statement to add to a dialogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewStatement {
    /// The dialogue it joins.
    pub dialogue: DialogueId,
    /// Its text.
    pub text: StatementText,
    /// The participant writing it; `None` means a convenor seeds it.
    pub author: Option<ParticipantId>,
    /// Whether it is about the dialogue itself.
    pub is_meta: bool,
    /// When it is written.
    pub created_at: i64,
}

/// Which statements of a dialogue to list, one page at a time in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatementFilter {
    /// Only statements with this moderation status.
    pub moderation: Option<ModerationStatus>,
    /// Only seed statements (`Some(true)`) or only participants' (`Some(false)`).
    pub is_seed: Option<bool>,
    /// Only statements written by this participant.
    pub author: Option<ParticipantId>,
    /// Only statements participants can currently see and vote on.
    pub visible_only: bool,
    /// Start after this statement (the previous page's `next_after`).
    pub after: Option<StatementId>,
    /// Page size; `None` means [`StatementFilter::DEFAULT_LIMIT`], and larger values are capped at
    /// [`StatementFilter::MAX_LIMIT`].
    pub limit: Option<u32>,
}

impl StatementFilter {
    /// The page size when none is given.
    pub const DEFAULT_LIMIT: u32 = 100;
    /// The largest page size served.
    pub const MAX_LIMIT: u32 = 1000;
}

/// One page of statements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementPage {
    /// The statements, in id order.
    pub statements: Vec<Statement>,
    /// Where the next page starts, if there may be one.
    pub next_after: Option<StatementId>,
}

/// How many statements of a dialogue are in each moderation status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatementCounts {
    /// Awaiting moderation.
    pub pending: u64,
    /// Accepted.
    pub accepted: u64,
    /// Rejected.
    pub rejected: u64,
}

/// Statements: submission, listing and moderation.
#[async_trait]
pub trait StatementStore: Send + Sync {
    /// Adds a statement. A participant's statement needs an open dialogue that accepts them,
    /// starts `Pending` (shown at once only under post-moderation) and is refused with
    /// [`crate::StoreError::DuplicateStatement`] when its normalised text equals one already in the
    /// dialogue; a near duplicate is accepted and flagged in `near_duplicate_of`. A convenor's
    /// seed (no author) is accepted at once. A participant's statement comes with its author's
    /// agree vote, recorded in the same transaction (as Pol.is does).
    async fn submit_statement(&self, new: NewStatement) -> StoreResult<Statement>;

    /// Returns a statement.
    async fn get_statement(&self, id: StatementId) -> StoreResult<Statement>;

    /// Lists one page of a dialogue's statements matching a filter.
    async fn list_statements(
        &self,
        dialogue: DialogueId,
        filter: &StatementFilter,
    ) -> StoreResult<StatementPage>;

    /// Counts a dialogue's statements in each moderation status.
    async fn count_statements(&self, dialogue: DialogueId) -> StoreResult<StatementCounts>;

    /// Sets one statement's moderation status and clears any rejection reason.
    async fn moderate_statement(
        &self,
        id: StatementId,
        status: ModerationStatus,
    ) -> StoreResult<Statement>;

    /// Sets one statement's moderation status with the reason for a rejection, which its
    /// author can read; the reason is kept only when the status is `Rejected`.
    async fn moderate_statement_with_reason(
        &self,
        id: StatementId,
        status: ModerationStatus,
        reason: Option<String>,
    ) -> StoreResult<Statement>;

    /// Sets the moderation status of several statements of one dialogue at once; refuses the
    /// whole batch with `NotFound` if any id is not a statement of that dialogue. Returns how
    /// many statements changed status; a changed statement loses any rejection reason.
    async fn moderate_statements(
        &self,
        dialogue: DialogueId,
        ids: &[StatementId],
        status: ModerationStatus,
    ) -> StoreResult<u64>;

    /// Marks a statement as being about the dialogue itself (or not).
    async fn set_statement_meta(&self, id: StatementId, is_meta: bool) -> StoreResult<Statement>;
}
