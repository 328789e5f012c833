//! Invitations to convene a partnership: the statements behind the convenor-invitation
//! methods of `PartnershipStore`, which `partnerships.rs` delegates to.

use model::{ConvenorInvitationId, Email, PartnershipId, Token};

use super::partnerships::{accepting_account, fetch_partnership, insert_member};
use super::place_invitations::{self, PlaceKind, ToConvene, by_token, fetch};
use super::{This, is_foreign_key_violation};
use crate::columns::new_token;
use crate::error::{Entity, StoreError};
use crate::{AcceptInvitation, Convenor, ConvenorInvitation, NewConvenorInvitation};

/// Creates an invitation and returns it with its token.
pub(super) async fn create(
    store: &This,
    new: NewConvenorInvitation,
) -> Result<(ConvenorInvitation, Token), StoreError> {
    let token = new_token()?;
    let mut tx = store.begin_write().await?;
    fetch_partnership(&mut tx, new.place).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO convenor_invitations (partnership_id, token_hash, email, created_by, \
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(new.place.0)
    .bind(token.hash().as_bytes().as_slice())
    .bind(new.email.as_ref().map(Email::as_str))
    .bind(new.created_by.0)
    .bind(new.created_at)
    .bind(new.expires_at)
    .fetch_one(&mut *tx)
    .await
    .map_err(|error| {
        if is_foreign_key_violation(&error) {
            // The partnership was read above, so the missing row is the convenor.
            StoreError::NotFound(Entity::Convenor)
        } else {
            error.into()
        }
    })?;
    let invitation = fetch::<ToConvene>(&mut tx, ConvenorInvitationId(id)).await?;
    tx.commit().await?;
    Ok((invitation, token))
}

/// Lists a partnership's convenor invitations in id order.
pub(super) async fn list(
    store: &This,
    partnership: PartnershipId,
) -> Result<Vec<ConvenorInvitation>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    fetch_partnership(&mut conn, partnership).await?;
    place_invitations::list_for::<ToConvene>(&mut conn, partnership.0).await
}

/// Returns a convenor invitation.
pub(super) async fn get(
    store: &This,
    id: ConvenorInvitationId,
) -> Result<ConvenorInvitation, StoreError> {
    let mut conn = store.pool.acquire().await?;
    fetch::<ToConvene>(&mut conn, id).await
}

/// Finds the convenor invitation holding a token, whatever its status.
pub(super) async fn find_by_token(
    store: &This,
    token: &Token,
) -> Result<Option<ConvenorInvitation>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    by_token::<ToConvene>(&mut conn, token).await
}

/// Revokes a convenor invitation that was not accepted; the first revocation's time stays.
pub(super) async fn revoke(
    store: &This,
    id: ConvenorInvitationId,
    now: i64,
) -> Result<ConvenorInvitation, StoreError> {
    place_invitations::revoke::<ToConvene>(store, id, now).await
}

/// Accepts the convenor invitation holding a token, in one transaction: the account (made
/// now, or existing) may convene from now on and becomes a member of the partnership.
pub(super) async fn accept(
    store: &This,
    token: &Token,
    accept: AcceptInvitation,
    now: i64,
) -> Result<(ConvenorInvitation, Convenor), StoreError> {
    let mut tx = store.begin_write().await?;
    let invitation = place_invitations::claim::<ToConvene>(&mut tx, token, now).await?;
    let account = accepting_account(
        &mut tx,
        ToConvene::TABLE,
        invitation.id.0,
        accept,
        true,
        now,
    )
    .await?;
    let account = if account.may_convene {
        account
    } else {
        sqlx::query("UPDATE convenors SET may_convene = $1 WHERE id = $2")
            .bind(true)
            .bind(account.id.0)
            .execute(&mut *tx)
            .await?;
        Convenor {
            may_convene: true,
            ..account
        }
    };
    insert_member(&mut tx, invitation.place, account.id).await?;
    let accepted = fetch::<ToConvene>(&mut tx, invitation.id).await?;
    tx.commit().await?;
    Ok((accepted, account))
}
