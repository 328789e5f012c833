//! The record every kind of place invitation keeps, to convene a partnership or to facilitate
//! or moderate a dialogue: making it, reading it, revoking it, and claiming it when someone
//! accepts it. What accepting an invitation to convene grants stays in
//! `convenor_invitations.rs`; the roles in one dialogue share [`accept_dialogue_role`].

use model::{
    ConvenorId, ConvenorInvitationId, DialogueId, Email, FacilitatorInvitationId,
    ModeratorInvitationId, PartnershipId, Token,
};
use sqlx::Row as _;

use super::accounts::{CONVENOR_COLUMNS, convenor_from_row};
use super::partnerships::{accepting_account, claim_invitation, mark_revoked, not_pending};
use super::{Conn, DbRow, This, missing_convenor};
use crate::columns::{new_token, stored};
use crate::error::{Entity, StoreError};
use crate::{AcceptInvitation, Convenor, NewPlaceInvitation, PlaceInvitation};

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

/// Invitations to moderate a dialogue.
pub(super) struct ToModerate;

impl PlaceKind for ToModerate {
    type Id = ModeratorInvitationId;
    type Place = DialogueId;
    const TABLE: &'static str = "moderator_invitations";
    const PLACE_COLUMN: &'static str = "dialogue_id";
    fn id(raw: i64) -> Self::Id {
        ModeratorInvitationId(raw)
    }
    fn raw(id: Self::Id) -> i64 {
        id.0
    }
    fn place(raw: i64) -> Self::Place {
        DialogueId(raw)
    }
}

/// A kind of invitation to a role in one dialogue, and the table of the accounts holding it.
pub(super) trait DialogueRole: PlaceKind<Place = DialogueId> {
    /// The table of the accounts that hold the role, one row per dialogue and account.
    const HOLDERS_TABLE: &'static str;
}

impl DialogueRole for ToFacilitate {
    const HOLDERS_TABLE: &'static str = "dialogue_facilitators";
}

impl DialogueRole for ToModerate {
    const HOLDERS_TABLE: &'static str = "dialogue_moderators";
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

/// Makes an invitation to a role in a dialogue and returns it with its token.
pub(super) async fn create_dialogue_role<K: DialogueRole>(
    store: &This,
    new: NewPlaceInvitation<DialogueId>,
) -> Result<(Of<K>, Token), StoreError> {
    let token = new_token()?;
    let mut tx = store.begin_write().await?;
    let sql = format!(
        "INSERT INTO {} (dialogue_id, token_hash, email, created_by, created_at, expires_at) \
         SELECT id, $2, $3, $4, $5, $6 FROM dialogues WHERE id = $1 RETURNING id",
        K::TABLE
    );
    let id: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(new.place.0)
        .bind(token.hash().as_bytes().as_slice())
        .bind(new.email.as_ref().map(Email::as_str))
        .bind(new.created_by.0)
        .bind(new.created_at)
        .bind(new.expires_at)
        .fetch_optional(&mut *tx)
        .await
        .map_err(missing_convenor)?
        .ok_or(StoreError::NotFound(Entity::Dialogue))?;
    let invitation = fetch::<K>(&mut tx, K::id(id)).await?;
    tx.commit().await?;
    Ok((invitation, token))
}

/// Accepts the invitation to a role in a dialogue holding a token, in one transaction: the
/// account (made now, not allowed to convene, or existing) holds the role from now on.
pub(super) async fn accept_dialogue_role<K: DialogueRole>(
    store: &This,
    token: &Token,
    accept: AcceptInvitation,
    now: i64,
) -> Result<(Of<K>, Convenor), StoreError> {
    let mut tx = store.begin_write().await?;
    let invitation = claim::<K>(&mut tx, token, now).await?;
    // A role in one dialogue grants nothing else; a new account made here may not convene.
    let account =
        accepting_account(&mut tx, K::TABLE, K::raw(invitation.id), accept, false, now).await?;
    let sql = format!(
        "INSERT INTO {} (dialogue_id, convenor_id, added_at) VALUES ($1, $2, $3) \
         ON CONFLICT (dialogue_id, convenor_id) DO NOTHING",
        K::HOLDERS_TABLE
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(invitation.place.0)
        .bind(account.id.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let accepted = fetch::<K>(&mut tx, invitation.id).await?;
    tx.commit().await?;
    Ok((accepted, account))
}

/// Returns whether the account holds the role in the dialogue.
pub(super) async fn holds_dialogue_role<K: DialogueRole>(
    store: &This,
    dialogue: DialogueId,
    account: ConvenorId,
) -> Result<bool, StoreError> {
    let sql = format!(
        "SELECT convenor_id FROM {} WHERE dialogue_id = $1 AND convenor_id = $2",
        K::HOLDERS_TABLE
    );
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(dialogue.0)
        .bind(account.0)
        .fetch_optional(&store.pool)
        .await?;
    Ok(found.is_some())
}

/// Lists the accounts that hold the role in the dialogue, in id order.
pub(super) async fn dialogue_role_holders<K: DialogueRole>(
    store: &This,
    dialogue: DialogueId,
) -> Result<Vec<Convenor>, StoreError> {
    store.require_dialogue(dialogue).await?;
    let columns = CONVENOR_COLUMNS
        .split(", ")
        .map(|column| format!("c.{column}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {columns} FROM convenors c JOIN {} h ON h.convenor_id = c.id \
         WHERE h.dialogue_id = $1 ORDER BY c.id",
        K::HOLDERS_TABLE
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(dialogue.0)
        .fetch_all(&store.pool)
        .await?;
    rows.iter().map(convenor_from_row).collect()
}

/// Lists the dialogues in which the account holds the role, in id order.
pub(super) async fn dialogues_held<K: DialogueRole>(
    store: &This,
    account: ConvenorId,
) -> Result<Vec<DialogueId>, StoreError> {
    let sql = format!(
        "SELECT dialogue_id FROM {} WHERE convenor_id = $1 ORDER BY dialogue_id",
        K::HOLDERS_TABLE
    );
    let ids: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(account.0)
        .fetch_all(&store.pool)
        .await?;
    Ok(ids.into_iter().map(DialogueId).collect())
}
