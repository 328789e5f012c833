//! Facilitation: invitations to facilitate a dialogue, the dialogue's facilitators, and the
//! cards they key, each a paper or facilitated participant's constituencies and votes.
//!
//! A facilitator is invited to one dialogue by a convenor through a single-use link
//! ([`crate::FacilitatorInvitation`], the record invitations to convene keep too); accepting
//! makes the account a facilitator of that dialogue and nothing more. Times are milliseconds since the Unix epoch, supplied by the
//! caller's clock. The records do not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{
    ConstituencyId, ConvenorId, DialogueId, FacilitatorInvitationId, StatementId, Token,
    VoteChannel, VoteChoice,
};

use crate::store::StoreResult;
use crate::{
    AcceptInvitation, Convenor, FacilitatorInvitation, NewFacilitatorInvitation, Participant,
    VoteOutcome,
};

/// One card as a facilitator keys it: the participant code printed on it, the constituency
/// boxes ticked and a vote per statement ticked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// The dialogue the card belongs to; it must be open at `entered_at`.
    pub dialogue: DialogueId,
    /// The participant code printed on the card, unique within the dialogue.
    pub code: String,
    /// The constituencies ticked (they must belong to the dialogue).
    pub constituencies: Vec<ConstituencyId>,
    /// The votes ticked, one per statement at most.
    pub votes: Vec<(StatementId, VoteChoice)>,
    /// Paper or facilitated.
    pub channel: VoteChannel,
    /// Whether a card already entered under this code is to be replaced by this one; when
    /// `false`, a second card with the code is refused as a duplicate.
    pub replace: bool,
    /// When it is keyed; every vote on the card carries this time.
    pub entered_at: i64,
}

/// What keying a card did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardReceipt {
    /// The card's participant as they now are.
    pub participant: Participant,
    /// Whether the participant was made by this card (`false` when an earlier card with the
    /// same code was replaced).
    pub is_new: bool,
    /// What recording each of the card's votes did, in the card's order.
    pub outcomes: Vec<VoteOutcome>,
}

/// Facilitators of dialogues, their invitations, and the cards they key.
#[async_trait]
pub trait FacilitationStore: Send + Sync {
    /// Creates an invitation to facilitate a dialogue and returns it with its token.
    async fn create_facilitator_invitation(
        &self,
        new: NewFacilitatorInvitation,
    ) -> StoreResult<(FacilitatorInvitation, Token)>;

    /// Lists a dialogue's facilitator invitations in id order.
    async fn list_facilitator_invitations(
        &self,
        dialogue: DialogueId,
    ) -> StoreResult<Vec<FacilitatorInvitation>>;

    /// Finds the facilitator invitation holding a token, whatever its status.
    async fn find_facilitator_invitation_by_token(
        &self,
        token: &Token,
    ) -> StoreResult<Option<FacilitatorInvitation>>;

    /// Revokes a facilitator invitation that was not accepted
    /// ([`crate::StoreError::InvitationUsed`] if it was).
    async fn revoke_facilitator_invitation(
        &self,
        id: FacilitatorInvitationId,
        now: i64,
    ) -> StoreResult<FacilitatorInvitation>;

    /// Accepts the facilitator invitation holding a token, in one transaction: the account
    /// (made now, not allowed to convene, or existing) facilitates the dialogue from now on.
    /// Used, revoked and expired invitations are refused and change nothing; of two concurrent
    /// acceptances exactly one succeeds.
    async fn accept_facilitator_invitation(
        &self,
        token: &Token,
        accept: AcceptInvitation,
        now: i64,
    ) -> StoreResult<(FacilitatorInvitation, Convenor)>;

    /// Returns whether the account facilitates the dialogue.
    async fn is_facilitator(&self, dialogue: DialogueId, account: ConvenorId) -> StoreResult<bool>;

    /// Lists the accounts that facilitate a dialogue, in id order.
    async fn list_facilitators(&self, dialogue: DialogueId) -> StoreResult<Vec<Convenor>>;

    /// Lists the dialogues the account facilitates, in id order.
    async fn facilitated_dialogues(&self, account: ConvenorId) -> StoreResult<Vec<DialogueId>>;

    /// Finds the participant a card with this code made in the dialogue.
    async fn find_card_participant(
        &self,
        dialogue: DialogueId,
        code: &str,
    ) -> StoreResult<Option<Participant>>;

    /// Keys a card in one transaction: makes the card's participant (or, with `replace`, takes
    /// the one an earlier card with the code made and replaces their constituencies), then
    /// records each vote with the card's channel exactly as [`crate::VoteStore::cast_vote`]
    /// would. A card whose code was entered before in the current round, without `replace`,
    /// is refused with [`crate::StoreError::Duplicate`] (in a later round the same code votes
    /// again as the same participant); any refused vote refuses the whole card, so a card is
    /// stored whole or not at all.
    async fn enter_card(&self, card: Card) -> StoreResult<CardReceipt>;
}
