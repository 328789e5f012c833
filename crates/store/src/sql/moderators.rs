//! Moderators of dialogues: the invitations to moderate, which share every step with the
//! other place invitations, and the accounts that accepted them.

use async_trait::async_trait;
use model::{ConvenorId, DialogueId, ModeratorInvitationId, Token};

use super::This;
use super::place_invitations::{self, ToModerate};
use crate::error::StoreError;
use crate::{
    AcceptInvitation, Convenor, ModeratorInvitation, ModeratorStore, NewModeratorInvitation,
};

#[async_trait]
impl ModeratorStore for This {
    async fn create_moderator_invitation(
        &self,
        new: NewModeratorInvitation,
    ) -> Result<(ModeratorInvitation, Token), StoreError> {
        place_invitations::create_dialogue_role::<ToModerate>(self, new).await
    }

    async fn list_moderator_invitations(
        &self,
        dialogue: DialogueId,
    ) -> Result<Vec<ModeratorInvitation>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let mut conn = self.pool.acquire().await?;
        place_invitations::list_for::<ToModerate>(&mut conn, dialogue.0).await
    }

    async fn find_moderator_invitation_by_token(
        &self,
        token: &Token,
    ) -> Result<Option<ModeratorInvitation>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        place_invitations::by_token::<ToModerate>(&mut conn, token).await
    }

    async fn revoke_moderator_invitation(
        &self,
        id: ModeratorInvitationId,
        now: i64,
    ) -> Result<ModeratorInvitation, StoreError> {
        place_invitations::revoke::<ToModerate>(self, id, now).await
    }

    async fn accept_moderator_invitation(
        &self,
        token: &Token,
        accept: AcceptInvitation,
        now: i64,
    ) -> Result<(ModeratorInvitation, Convenor), StoreError> {
        place_invitations::accept_dialogue_role::<ToModerate>(self, token, accept, now).await
    }

    async fn is_moderator(
        &self,
        dialogue: DialogueId,
        account: ConvenorId,
    ) -> Result<bool, StoreError> {
        place_invitations::holds_dialogue_role::<ToModerate>(self, dialogue, account).await
    }

    async fn list_moderators(&self, dialogue: DialogueId) -> Result<Vec<Convenor>, StoreError> {
        place_invitations::dialogue_role_holders::<ToModerate>(self, dialogue).await
    }

    async fn moderated_dialogues(
        &self,
        account: ConvenorId,
    ) -> Result<Vec<DialogueId>, StoreError> {
        place_invitations::dialogues_held::<ToModerate>(self, account).await
    }
}
