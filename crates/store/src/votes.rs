//! Votes: the append-only history and the latest vote per participant and statement.
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. The records do
//! not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{
    DialogueId, IdempotencyKey, ParticipantId, StatementId, VoteChannel, VoteChoice, VoteEventId,
};

use crate::store::StoreResult;

/// A vote to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CastVote {
    /// Who votes.
    pub participant: ParticipantId,
    /// On what; it must be visible in the participant's dialogue.
    pub statement: StatementId,
    /// How.
    pub choice: VoteChoice,
    /// When.
    pub cast_at: i64,
    /// How it reached the dialogue: online, or keyed by a facilitator.
    pub channel: VoteChannel,
    /// A key the client sends again when retrying; a retry is acknowledged without a second
    /// event. Keys are scoped to the participant.
    pub idempotency_key: Option<IdempotencyKey>,
}

/// What recording a vote did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteOutcome {
    /// The participant's first vote on the statement.
    New,
    /// The vote replaced a different earlier choice.
    Changed {
        /// The choice it replaced.
        previous: VoteChoice,
    },
    /// The same choice again; the event is kept in the history but the latest vote is unchanged.
    Unchanged,
    /// A retry of a vote already recorded under the same idempotency key; nothing was written.
    Replayed,
}

/// The store's acknowledgement of a vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteReceipt {
    /// The history event holding the vote (for a replay, the original one).
    pub event: VoteEventId,
    /// What recording it did.
    pub outcome: VoteOutcome,
}

/// A participant's current vote on a statement, in the compact form the analysis reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LatestVote {
    /// Who voted.
    pub participant: ParticipantId,
    /// On what.
    pub statement: StatementId,
    /// The latest choice.
    pub choice: VoteChoice,
    /// When the latest choice was cast.
    pub cast_at: i64,
    /// The channel the latest choice came through.
    pub channel: VoteChannel,
}

/// One vote as it was cast, from the append-only history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteEvent {
    /// Its id; ids grow in recording order.
    pub id: VoteEventId,
    /// Who voted.
    pub participant: ParticipantId,
    /// On what.
    pub statement: StatementId,
    /// How.
    pub choice: VoteChoice,
    /// When.
    pub cast_at: i64,
    /// The channel it came through.
    pub channel: VoteChannel,
    /// The round of its dialogue it was cast in (see [`crate::RoundStore`]).
    pub round: u32,
}

/// Vote totals of a dialogue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VoteCounts {
    /// Latest votes (one per participant and statement).
    pub votes: u64,
    /// Events in the history, including superseded votes.
    pub vote_events: u64,
    /// Participants with at least one vote.
    pub voters: u64,
    /// Participants in the dialogue, voting or not.
    pub participants: u64,
}

/// Votes: recording them, and reading the latest ones and the history.
#[async_trait]
pub trait VoteStore: Send + Sync {
    /// Records a vote: appends it to the history and makes it the participant's latest vote on
    /// the statement. Refuses votes on closed dialogues ([`crate::StoreError::DialogueClosed`]:
    /// closed by a convenor, or cast at or after the closing time), votes cast before the
    /// opening time ([`crate::StoreError::DialogueNotOpen`]),
    /// rejected statements ([`crate::StoreError::StatementRejected`]), statements awaiting
    /// pre-moderation ([`crate::StoreError::StatementPending`]), statements waiting for a
    /// translation into their dialogue's language
    /// ([`crate::StoreError::StatementAwaitingTranslation`]), statements of another dialogue
    /// ([`crate::StoreError::StatementNotInDialogue`]) and unknown statements or participants
    /// (`NotFound`). A retry with the same idempotency key is acknowledged as
    /// [`crate::VoteOutcome::Replayed`] without a second event; the same key with a different
    /// vote is refused with [`crate::StoreError::IdempotencyKeyReused`].
    async fn cast_vote(&self, vote: CastVote) -> StoreResult<VoteReceipt>;

    /// Records several votes in one transaction, so they share one disk flush: each vote is
    /// checked and answered in order exactly as [`VoteStore::cast_vote`] would answer it alone
    /// (a refused vote writes nothing and does not stop the others). The outer error means
    /// the transaction failed and none of the votes was recorded.
    async fn cast_votes(&self, votes: &[CastVote]) -> StoreResult<Vec<StoreResult<VoteReceipt>>>;

    /// Lists the latest vote of every participant on every statement of a dialogue, ordered by
    /// participant then statement: the analysis's input.
    async fn latest_votes(&self, dialogue: DialogueId) -> StoreResult<Vec<LatestVote>>;

    /// Lists a participant's latest votes, ordered by statement.
    async fn participant_votes(&self, participant: ParticipantId) -> StoreResult<Vec<LatestVote>>;

    /// Lists every vote a participant cast, superseded ones included, in recording order:
    /// what a participant is shown when they ask for their own data.
    async fn participant_vote_history(
        &self,
        participant: ParticipantId,
    ) -> StoreResult<Vec<VoteEvent>>;

    /// Counts a dialogue's votes, history events, voters and participants.
    async fn count_votes(&self, dialogue: DialogueId) -> StoreResult<VoteCounts>;

    /// Lists up to `limit` events of a dialogue's vote history after `after` (from the start
    /// when `None`), in recording order; page on with the last event's id.
    async fn vote_history(
        &self,
        dialogue: DialogueId,
        after: Option<VoteEventId>,
        limit: u32,
    ) -> StoreResult<Vec<VoteEvent>>;
}
