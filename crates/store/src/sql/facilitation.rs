//! Facilitation: invitations to facilitate a dialogue (sharing the single-use claim of the
//! partnerships' invitations), the dialogue's facilitators, and keying a card in one
//! transaction.

use std::collections::BTreeMap;

use async_trait::async_trait;
use model::{ConvenorId, DialogueId, FacilitatorInvitationId, ParticipantId, Token};

use super::participants::{check_constituencies, fetch_participant, insert_memberships};
use super::place_invitations::{self, ToFacilitate, by_token};
use super::votes::record_vote;
use super::{Conn, This};
use crate::columns::new_token;
use crate::error::{Entity, StoreError};
use crate::{
    AcceptInvitation, Card, CardReceipt, CastVote, Convenor, FacilitationStore,
    FacilitatorInvitation, NewFacilitatorInvitation, Participant,
};

/// The external id a card's participant is kept under: the code, set apart from the ids of
/// imported participants so that a card can never take over an imported person.
fn card_external_id(code: &str) -> String {
    format!("card:{code}")
}

/// Finds the participant a card with this code made, without locking.
async fn card_participant_id(
    conn: &mut Conn,
    dialogue: DialogueId,
    code: &str,
) -> Result<Option<ParticipantId>, StoreError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM participants WHERE dialogue_id = $1 AND external_id = $2",
    )
    .bind(dialogue.0)
    .bind(card_external_id(code))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(ParticipantId))
}

#[async_trait]
impl FacilitationStore for This {
    async fn create_facilitator_invitation(
        &self,
        new: NewFacilitatorInvitation,
    ) -> Result<(FacilitatorInvitation, Token), StoreError> {
        place_invitations::create_dialogue_role::<ToFacilitate>(self, new).await
    }

    async fn list_facilitator_invitations(
        &self,
        dialogue: DialogueId,
    ) -> Result<Vec<FacilitatorInvitation>, StoreError> {
        self.require_dialogue(dialogue).await?;
        let mut conn = self.pool.acquire().await?;
        place_invitations::list_for::<ToFacilitate>(&mut conn, dialogue.0).await
    }

    async fn find_facilitator_invitation_by_token(
        &self,
        token: &Token,
    ) -> Result<Option<FacilitatorInvitation>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        by_token::<ToFacilitate>(&mut conn, token).await
    }

    async fn revoke_facilitator_invitation(
        &self,
        id: FacilitatorInvitationId,
        now: i64,
    ) -> Result<FacilitatorInvitation, StoreError> {
        place_invitations::revoke::<ToFacilitate>(self, id, now).await
    }

    async fn accept_facilitator_invitation(
        &self,
        token: &Token,
        accept: AcceptInvitation,
        now: i64,
    ) -> Result<(FacilitatorInvitation, Convenor), StoreError> {
        place_invitations::accept_dialogue_role::<ToFacilitate>(self, token, accept, now).await
    }

    async fn is_facilitator(
        &self,
        dialogue: DialogueId,
        account: ConvenorId,
    ) -> Result<bool, StoreError> {
        place_invitations::holds_dialogue_role::<ToFacilitate>(self, dialogue, account).await
    }

    async fn list_facilitators(&self, dialogue: DialogueId) -> Result<Vec<Convenor>, StoreError> {
        place_invitations::dialogue_role_holders::<ToFacilitate>(self, dialogue).await
    }

    async fn facilitated_dialogues(
        &self,
        account: ConvenorId,
    ) -> Result<Vec<DialogueId>, StoreError> {
        place_invitations::dialogues_held::<ToFacilitate>(self, account).await
    }

    async fn find_card_participant(
        &self,
        dialogue: DialogueId,
        code: &str,
    ) -> Result<Option<Participant>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        match card_participant_id(&mut conn, dialogue, code).await? {
            Some(id) => Ok(Some(fetch_participant(&mut conn, id).await?)),
            None => Ok(None),
        }
    }

    async fn enter_card(&self, card: Card) -> Result<CardReceipt, StoreError> {
        self.retrying(|| self.enter_card_once(&card)).await
    }
}

impl This {
    /// One attempt at [`FacilitationStore::enter_card`], in one transaction that takes the
    /// dialogue's row first, as every vote does.
    async fn enter_card_once(&self, card: &Card) -> Result<CardReceipt, StoreError> {
        let mut tx = self.begin_write().await?;
        let state = super::bump_revision(&mut tx, card.dialogue).await?;
        state.admits(card.entered_at)?;
        let constituencies =
            check_constituencies(&mut tx, card.dialogue, &card.constituencies).await?;
        let existing = card_participant_id(&mut tx, card.dialogue, &card.code).await?;
        // A code is keyed once per round: the same person's card in a later round votes again.
        let keyed_this_round = match existing {
            Some(id) => {
                let last_round: i64 = sqlx::query_scalar(
                    "SELECT COALESCE(MAX(round), 0) FROM vote_events WHERE participant_id = $1",
                )
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await?;
                last_round == 0 || last_round == state.round
            }
            None => false,
        };
        let (participant, is_new) = match existing {
            Some(_) if keyed_this_round && !card.replace => {
                return Err(StoreError::Duplicate {
                    entity: Entity::Participant,
                    field: "participant code",
                });
            }
            Some(id) => {
                super::lock_participant(&mut tx, id).await?;
                sqlx::query("DELETE FROM participant_constituencies WHERE participant_id = $1")
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                (id, false)
            }
            None => {
                // The participant never signs in: the token is made only because every
                // participant has one, and is thrown away.
                let token = new_token()?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO participants (dialogue_id, token_hash, external_id, created_at) \
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(card.dialogue.0)
                .bind(token.hash().as_bytes().as_slice())
                .bind(card_external_id(&card.code))
                .bind(card.entered_at)
                .fetch_one(&mut *tx)
                .await?;
                (ParticipantId(id), true)
            }
        };
        insert_memberships(&mut tx, participant, &constituencies).await?;
        let mut states = BTreeMap::from([(card.dialogue, state)]);
        let mut outcomes = Vec::with_capacity(card.votes.len());
        for (statement, choice) in &card.votes {
            let vote = CastVote {
                participant,
                statement: *statement,
                choice: *choice,
                cast_at: card.entered_at,
                channel: card.channel,
                idempotency_key: None,
            };
            outcomes.push(
                record_vote(&mut tx, &vote, &mut states)
                    .await?
                    .receipt
                    .outcome,
            );
        }
        let participant = fetch_participant(&mut tx, participant).await?;
        tx.commit().await?;
        Ok(CardReceipt {
            participant,
            is_new,
            outcomes,
        })
    }
}
