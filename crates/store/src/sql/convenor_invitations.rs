//! Invitations to convene a partnership: the statements behind the convenor-invitation
//! methods of `PartnershipStore`, which `partnerships.rs` delegates to.

use model::{ConvenorId, ConvenorInvitationId, Email, PartnershipId, Token};
use sqlx::Row as _;

use super::partnerships::{
    accepting_account, claim_invitation, fetch_partnership, insert_member, mark_revoked,
    not_pending,
};
use super::{Conn, DbRow, This, is_foreign_key_violation};
use crate::columns::{new_token, stored};
use crate::error::{Entity, StoreError};
use crate::{AcceptInvitation, Convenor, ConvenorInvitation, NewConvenorInvitation};

const TABLE: &str = "convenor_invitations";
const SELECT: &str = "SELECT id, partnership_id, email, created_by, created_at, expires_at, \
     accepted_at, accepted_by, revoked_at FROM convenor_invitations";

fn from_row(row: &DbRow) -> Result<ConvenorInvitation, StoreError> {
    Ok(ConvenorInvitation {
        id: ConvenorInvitationId(row.try_get("id")?),
        partnership: PartnershipId(row.try_get("partnership_id")?),
        created_at: row.try_get("created_at")?,
        created_by: row.try_get::<Option<i64>, _>("created_by")?.map(ConvenorId),
        email: row
            .try_get::<Option<String>, _>("email")?
            .map(|email| stored("email", Email::parse(&email)))
            .transpose()?,
        expires_at: row.try_get("expires_at")?,
        revoked_at: row.try_get("revoked_at")?,
        accepted_at: row.try_get("accepted_at")?,
        accepted_by: row
            .try_get::<Option<i64>, _>("accepted_by")?
            .map(ConvenorId),
    })
}

/// Reads a convenor invitation.
async fn fetch(
    conn: &mut Conn,
    id: ConvenorInvitationId,
) -> Result<ConvenorInvitation, StoreError> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Invitation))?;
    from_row(&row)
}

/// Finds the convenor invitation holding a token.
async fn by_token(
    conn: &mut Conn,
    token: &Token,
) -> Result<Option<ConvenorInvitation>, StoreError> {
    let sql = format!("{SELECT} WHERE token_hash = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(token.hash().as_bytes().as_slice())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Creates an invitation and returns it with its token.
pub(super) async fn create(
    store: &This,
    new: NewConvenorInvitation,
) -> Result<(ConvenorInvitation, Token), StoreError> {
    let token = new_token()?;
    let mut tx = store.begin_write().await?;
    fetch_partnership(&mut tx, new.partnership).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO convenor_invitations (partnership_id, token_hash, email, created_by, \
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(new.partnership.0)
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
    let invitation = fetch(&mut tx, ConvenorInvitationId(id)).await?;
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
    let sql = format!("{SELECT} WHERE partnership_id = $1 ORDER BY id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(partnership.0)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Returns a convenor invitation.
pub(super) async fn get(
    store: &This,
    id: ConvenorInvitationId,
) -> Result<ConvenorInvitation, StoreError> {
    let mut conn = store.pool.acquire().await?;
    fetch(&mut conn, id).await
}

/// Finds the convenor invitation holding a token, whatever its status.
pub(super) async fn find_by_token(
    store: &This,
    token: &Token,
) -> Result<Option<ConvenorInvitation>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    by_token(&mut conn, token).await
}

/// Revokes a convenor invitation that was not accepted; the first revocation's time stays.
pub(super) async fn revoke(
    store: &This,
    id: ConvenorInvitationId,
    now: i64,
) -> Result<ConvenorInvitation, StoreError> {
    let mut tx = store.begin_write().await?;
    mark_revoked(&mut tx, TABLE, id.0, now).await?;
    let invitation = fetch(&mut tx, id).await?;
    if invitation.accepted_at.is_some() {
        return Err(StoreError::InvitationUsed);
    }
    tx.commit().await?;
    Ok(invitation)
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
    let invitation = by_token(&mut tx, token)
        .await?
        .ok_or(StoreError::NotFound(Entity::Invitation))?;
    if let Some(refusal) = not_pending(invitation.status(now)) {
        return Err(refusal);
    }
    if !claim_invitation(&mut tx, TABLE, invitation.id.0, now).await? {
        let current = fetch(&mut tx, invitation.id).await?;
        return Err(not_pending(current.status(now)).unwrap_or(StoreError::InvitationUsed));
    }
    let account = accepting_account(&mut tx, TABLE, invitation.id.0, accept, true, now).await?;
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
    insert_member(&mut tx, invitation.partnership, account.id).await?;
    let accepted = fetch(&mut tx, invitation.id).await?;
    tx.commit().await?;
    Ok((accepted, account))
}
