//! The record both kinds of place invitation keep, to convene a partnership or to facilitate a
//! dialogue: reading it, revoking it, and claiming it when someone accepts it. What accepting
//! grants differs, and stays with each kind (`convenor_invitations.rs`, `facilitation.rs`).

use model::{
    ConvenorId, ConvenorInvitationId, DialogueId, Email, FacilitatorInvitationId, PartnershipId,
    Token,
};
use sqlx::Row as _;

use super::partnerships::{claim_invitation, mark_revoked, not_pending};
use super::{Conn, DbRow, This};
use crate::PlaceInvitation;
use crate::columns::stored;
use crate::error::{Entity, StoreError};

/// What tells one kind of place invitation from the other: its table, the column naming its
/// place, and its id and place types.
pub(super) trait PlaceKind {
    /// The invitation's id type.
    type Id: Copy;
    /// The place's id type.
    type Place;
    /// The table the invitations are kept in.
    const TABLE: &'static str;
    /// The column holding the place's id.
    const PLACE_COLUMN: &'static str;
    /// Wraps a stored id.
    fn id(raw: i64) -> Self::Id;
    /// The stored form of an id.
    fn raw(id: Self::Id) -> i64;
    /// Wraps a stored place id.
    fn place(raw: i64) -> Self::Place;
}

/// Invitations to convene a partnership.
pub(super) struct ToConvene;

impl PlaceKind for ToConvene {
    type Id = ConvenorInvitationId;
    type Place = PartnershipId;
    const TABLE: &'static str = "convenor_invitations";
    const PLACE_COLUMN: &'static str = "partnership_id";
    fn id(raw: i64) -> Self::Id {
        ConvenorInvitationId(raw)
    }
    fn raw(id: Self::Id) -> i64 {
        id.0
    }
    fn place(raw: i64) -> Self::Place {
        PartnershipId(raw)
    }
}

/// Invitations to facilitate a dialogue.
pub(super) struct ToFacilitate;

impl PlaceKind for ToFacilitate {
    type Id = FacilitatorInvitationId;
    type Place = DialogueId;
    const TABLE: &'static str = "facilitator_invitations";
    const PLACE_COLUMN: &'static str = "dialogue_id";
    fn id(raw: i64) -> Self::Id {
        FacilitatorInvitationId(raw)
    }
    fn raw(id: Self::Id) -> i64 {
        id.0
    }
    fn place(raw: i64) -> Self::Place {
        DialogueId(raw)
    }
}

/// A place invitation of kind `K`.
pub(super) type Of<K> = PlaceInvitation<<K as PlaceKind>::Id, <K as PlaceKind>::Place>;

/// The statement reading a kind's invitations, to be followed by a `WHERE` clause.
fn select<K: PlaceKind>() -> String {
    format!(
        "SELECT id, {}, email, created_by, created_at, expires_at, accepted_at, accepted_by, \
         revoked_at FROM {}",
        K::PLACE_COLUMN,
        K::TABLE
    )
}

fn from_row<K: PlaceKind>(row: &DbRow) -> Result<Of<K>, StoreError> {
    Ok(PlaceInvitation {
        id: K::id(row.try_get("id")?),
        place: K::place(row.try_get(K::PLACE_COLUMN)?),
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

/// Reads an invitation.
pub(super) async fn fetch<K: PlaceKind>(conn: &mut Conn, id: K::Id) -> Result<Of<K>, StoreError> {
    let sql = format!("{} WHERE id = $1", select::<K>());
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(K::raw(id))
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Invitation))?;
    from_row::<K>(&row)
}

/// Finds the invitation holding a token, whatever its status.
pub(super) async fn by_token<K: PlaceKind>(
    conn: &mut Conn,
    token: &Token,
) -> Result<Option<Of<K>>, StoreError> {
    let sql = format!("{} WHERE token_hash = $1", select::<K>());
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(token.hash().as_bytes().as_slice())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(from_row::<K>).transpose()
}

/// Lists the invitations to one place in id order; the caller checks that the place exists.
pub(super) async fn list_for<K: PlaceKind>(
    conn: &mut Conn,
    place: i64,
) -> Result<Vec<Of<K>>, StoreError> {
    let sql = format!(
        "{} WHERE {} = $1 ORDER BY id",
        select::<K>(),
        K::PLACE_COLUMN
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(place)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(from_row::<K>).collect()
}

/// Revokes an invitation that was not accepted; the first revocation's time stays.
pub(super) async fn revoke<K: PlaceKind>(
    store: &This,
    id: K::Id,
    now: i64,
) -> Result<Of<K>, StoreError> {
    let mut tx = store.begin_write().await?;
    mark_revoked(&mut tx, K::TABLE, K::raw(id), now).await?;
    let invitation = fetch::<K>(&mut tx, id).await?;
    if invitation.accepted_at.is_some() {
        return Err(StoreError::InvitationUsed);
    }
    tx.commit().await?;
    Ok(invitation)
}

/// Claims the invitation holding a token for an acceptance, inside the caller's transaction:
/// used, revoked and expired invitations are refused, and of two concurrent claims exactly one
/// succeeds.
pub(super) async fn claim<K: PlaceKind>(
    conn: &mut Conn,
    token: &Token,
    now: i64,
) -> Result<Of<K>, StoreError> {
    let invitation = by_token::<K>(conn, token)
        .await?
        .ok_or(StoreError::NotFound(Entity::Invitation))?;
    if let Some(refusal) = not_pending(invitation.status(now)) {
        return Err(refusal);
    }
    if !claim_invitation(conn, K::TABLE, K::raw(invitation.id), now).await? {
        let current = fetch::<K>(conn, invitation.id).await?;
        return Err(not_pending(current.status(now)).unwrap_or(StoreError::InvitationUsed));
    }
    Ok(invitation)
}
