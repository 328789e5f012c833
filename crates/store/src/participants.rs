//! Participants: joining with a token and constituencies, lookup, erasure.
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. The records do
//! not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{ConstituencyId, DialogueId, ParticipantId, Token};

use crate::store::StoreResult;

/// A pseudonymous person in one dialogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// Its id.
    pub id: ParticipantId,
    /// The dialogue it takes part in.
    pub dialogue: DialogueId,
    /// An id from the system it was imported from (e.g. a Pol.is pid), or one the caller chose.
    pub external_id: Option<String>,
    /// The constituencies the participant said they belong to, in id order.
    pub constituencies: Vec<ConstituencyId>,
    /// When the participant joined.
    pub created_at: i64,
}

/// What is needed to add a participant to a dialogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewParticipant {
    /// The dialogue to join; it must be open.
    pub dialogue: DialogueId,
    /// An optional external id, unique within the dialogue.
    pub external_id: Option<String>,
    /// Constituencies of that dialogue the participant belongs to.
    pub constituencies: Vec<ConstituencyId>,
    /// When the participant joins.
    pub created_at: i64,
}

/// What erasing a participant removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Erasure {
    /// Vote events removed from the history (latest votes go with them).
    pub vote_events_removed: u64,
    /// Statements removed: the participant's statements nobody else voted on.
    pub statements_removed: u64,
    /// Statements kept for the others who voted on them, now without an author.
    pub statements_unlinked: u64,
}

/// Participants of dialogues, their constituencies and their erasure.
#[async_trait]
pub trait ParticipantStore: Send + Sync {
    /// Adds a participant to an open dialogue with their constituencies (which must belong to
    /// it) and returns the participant with their token.
    async fn create_participant(&self, new: NewParticipant) -> StoreResult<(Participant, Token)>;

    /// Finds the participant holding this token.
    async fn find_participant_by_token(&self, token: &Token) -> StoreResult<Option<Participant>>;

    /// Returns a participant with their constituencies.
    async fn get_participant(&self, id: ParticipantId) -> StoreResult<Participant>;

    /// Replaces a participant's constituencies (which must belong to their dialogue).
    async fn set_participant_constituencies(
        &self,
        id: ParticipantId,
        constituencies: &[ConstituencyId],
    ) -> StoreResult<Participant>;

    /// Lists every (participant, constituency) membership of a dialogue, ordered by
    /// participant then constituency.
    async fn list_memberships(
        &self,
        dialogue: DialogueId,
    ) -> StoreResult<Vec<(ParticipantId, ConstituencyId)>>;

    /// Erases a participant: their record, token, memberships and every vote they cast go;
    /// their statements nobody else voted on are removed, and the rest (which other people's
    /// votes refer to) stay without an author.
    async fn erase_participant(&self, id: ParticipantId) -> StoreResult<Erasure>;
}
