//! Moderators of dialogues and their invitations.
//!
//! A convenor invites a moderator to one dialogue through a single-use link
//! ([`crate::ModeratorInvitation`], the record every place invitation keeps). Accepting it lets
//! the account work through the dialogue's moderation and safeguarding queues and add
//! translations and easy-read versions of its statements, and nothing more: a moderator does
//! not convene, and reads no other dialogue. Times are milliseconds since the Unix epoch,
//! supplied by the caller's clock.

use async_trait::async_trait;
use model::{ConvenorId, DialogueId, ModeratorInvitationId, Token};

use crate::store::StoreResult;
use crate::{AcceptInvitation, Convenor, ModeratorInvitation, NewModeratorInvitation};

/// The moderators of dialogues and the invitations that make them.
#[async_trait]
pub trait ModeratorStore: Send + Sync {
    /// Makes an invitation to moderate a dialogue; the token comes back only now.
    async fn create_moderator_invitation(
        &self,
        new: NewModeratorInvitation,
    ) -> StoreResult<(ModeratorInvitation, Token)>;

    /// Lists the invitations to moderate a dialogue, oldest first.
    async fn list_moderator_invitations(
        &self,
        dialogue: DialogueId,
    ) -> StoreResult<Vec<ModeratorInvitation>>;

    /// Finds the invitation to moderate that holds a token, used or not.
    async fn find_moderator_invitation_by_token(
        &self,
        token: &Token,
    ) -> StoreResult<Option<ModeratorInvitation>>;

    /// Revokes an invitation to moderate nobody accepted yet
    /// ([`crate::StoreError::InvitationUsed`] once someone has).
    async fn revoke_moderator_invitation(
        &self,
        id: ModeratorInvitationId,
        now: i64,
    ) -> StoreResult<ModeratorInvitation>;

    /// Accepts the invitation to moderate holding a token, in one transaction: the account
    /// (made now, not allowed to convene, or existing) moderates the dialogue from now on.
    /// Used, revoked and expired invitations are refused and change nothing; of two concurrent
    /// acceptances exactly one succeeds.
    async fn accept_moderator_invitation(
        &self,
        token: &Token,
        accept: AcceptInvitation,
        now: i64,
    ) -> StoreResult<(ModeratorInvitation, Convenor)>;

    /// Returns whether the account moderates the dialogue.
    async fn is_moderator(&self, dialogue: DialogueId, account: ConvenorId) -> StoreResult<bool>;

    /// Lists the accounts that moderate a dialogue, in id order.
    async fn list_moderators(&self, dialogue: DialogueId) -> StoreResult<Vec<Convenor>>;

    /// Lists the dialogues the account moderates, in id order.
    async fn moderated_dialogues(&self, account: ConvenorId) -> StoreResult<Vec<DialogueId>>;
}
