//! Partnerships, partners, convenor memberships, representatives and invitations.

use async_trait::async_trait;
use model::{
    ConvenorId, ConvenorInvitationId, Email, InvitationId, PartnerId, PartnerName, PartnershipId,
    PartnershipName, Purpose, Sector, Token,
};
use sqlx::Row as _;

use super::accounts::{convenor_from_row, fetch_convenor, insert_convenor};
use super::{Conn, DbRow, This, convenor_invitations, is_foreign_key_violation};
use crate::columns::{new_token, stored};
use crate::error::{Entity, StoreError};
use crate::{
    AcceptInvitation, Convenor, ConvenorInvitation, Invitation, InvitationStatus, NewConvenor,
    NewConvenorInvitation, NewInvitation, NewPartner, NewPartnership, Partner, PartnerRemoval,
    PartnerUpdate, Partnership, PartnershipStore, PartnershipUpdate, Representative,
};

const PARTNERSHIP_COLUMNS: &str = "id, name, purpose, created_at";
const PARTNER_COLUMNS: &str = "id, partnership_id, name, sector, created_at, archived_at";
/// An invitation with its partner's partnership; filter on `i.` columns.
const INVITATION_SELECT: &str = "SELECT i.id, i.partner_id, p.partnership_id, i.email, \
     i.created_by, i.created_at, i.expires_at, i.accepted_at, i.accepted_by, i.revoked_at \
     FROM partner_invitations i JOIN partners p ON p.id = i.partner_id";

fn partnership_from_row(row: &DbRow) -> Result<Partnership, StoreError> {
    Ok(Partnership {
        id: PartnershipId(row.try_get("id")?),
        name: stored(
            "partnership name",
            PartnershipName::parse(row.try_get("name")?),
        )?,
        purpose: stored("purpose", Purpose::parse(row.try_get("purpose")?))?,
        created_at: row.try_get("created_at")?,
    })
}

fn partner_from_row(row: &DbRow) -> Result<Partner, StoreError> {
    Ok(Partner {
        id: PartnerId(row.try_get("id")?),
        partnership: PartnershipId(row.try_get("partnership_id")?),
        name: stored("partner name", PartnerName::parse(row.try_get("name")?))?,
        sector: stored(
            "sector",
            row.try_get::<String, _>("sector")?.parse::<Sector>(),
        )?,
        created_at: row.try_get("created_at")?,
        archived_at: row.try_get("archived_at")?,
    })
}

fn invitation_from_row(row: &DbRow) -> Result<Invitation, StoreError> {
    Ok(Invitation {
        id: InvitationId(row.try_get("id")?),
        partner: PartnerId(row.try_get("partner_id")?),
        partnership: PartnershipId(row.try_get("partnership_id")?),
        email: row
            .try_get::<Option<String>, _>("email")?
            .map(|email| stored("email", Email::parse(&email)))
            .transpose()?,
        created_by: row.try_get::<Option<i64>, _>("created_by")?.map(ConvenorId),
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        accepted_at: row.try_get("accepted_at")?,
        accepted_by: row
            .try_get::<Option<i64>, _>("accepted_by")?
            .map(ConvenorId),
        revoked_at: row.try_get("revoked_at")?,
    })
}

/// Reads a partnership.
pub(super) async fn fetch_partnership(
    conn: &mut Conn,
    id: PartnershipId,
) -> Result<Partnership, StoreError> {
    let sql = format!("SELECT {PARTNERSHIP_COLUMNS} FROM partnerships WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Partnership))?;
    partnership_from_row(&row)
}

/// Reads a partner, archived or not.
async fn fetch_partner(conn: &mut Conn, id: PartnerId) -> Result<Partner, StoreError> {
    let sql = format!("SELECT {PARTNER_COLUMNS} FROM partners WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Partner))?;
    partner_from_row(&row)
}

/// Reads a partner that must not be archived.
async fn fetch_active_partner(conn: &mut Conn, id: PartnerId) -> Result<Partner, StoreError> {
    let partner = fetch_partner(conn, id).await?;
    match partner.archived_at {
        Some(_) => Err(StoreError::PartnerArchived),
        None => Ok(partner),
    }
}

/// Reads an invitation.
async fn fetch_invitation(conn: &mut Conn, id: InvitationId) -> Result<Invitation, StoreError> {
    let sql = format!("{INVITATION_SELECT} WHERE i.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Invitation))?;
    invitation_from_row(&row)
}

/// Finds the invitation holding a token.
async fn invitation_by_token(
    conn: &mut Conn,
    token: &Token,
) -> Result<Option<Invitation>, StoreError> {
    let sql = format!("{INVITATION_SELECT} WHERE i.token_hash = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(token.hash().as_bytes().as_slice())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(invitation_from_row).transpose()
}

/// Makes a convenor a member of a partnership; doing it twice changes nothing.
pub(super) async fn insert_member(
    conn: &mut Conn,
    partnership: PartnershipId,
    convenor: ConvenorId,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO partnership_members (partnership_id, convenor_id) VALUES ($1, $2) \
         ON CONFLICT (partnership_id, convenor_id) DO NOTHING",
    )
    .bind(partnership.0)
    .bind(convenor.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The refusal for an invitation that cannot be accepted, given where it stands.
pub(super) fn not_pending(status: InvitationStatus) -> Option<StoreError> {
    match status {
        InvitationStatus::Pending => None,
        InvitationStatus::Accepted => Some(StoreError::InvitationUsed),
        InvitationStatus::Revoked => Some(StoreError::InvitationRevoked),
        InvitationStatus::Expired => Some(StoreError::InvitationExpired),
    }
}

/// Marks the invitation `id` of `table` (`partner_invitations` or `convenor_invitations`)
/// accepted at `now` if it is neither accepted nor revoked; returns whether it was claimed.
/// A concurrent acceptance waits here for the claiming transaction and then finds it taken.
pub(super) async fn claim_invitation(
    conn: &mut Conn,
    table: &str,
    id: i64,
    now: i64,
) -> Result<bool, StoreError> {
    let sql = format!(
        "UPDATE {table} SET accepted_at = $1 \
         WHERE id = $2 AND accepted_at IS NULL AND revoked_at IS NULL"
    );
    let claimed = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(claimed.rows_affected() > 0)
}

/// Returns the account accepting an invitation: created now when asked (allowed to convene
/// or not, as the invitation says), otherwise read, and in both cases recorded as the
/// invitation's acceptor in `table`.
pub(super) async fn accepting_account(
    conn: &mut Conn,
    table: &str,
    invitation: i64,
    accept: AcceptInvitation,
    may_convene: bool,
    now: i64,
) -> Result<Convenor, StoreError> {
    let account = match accept {
        AcceptInvitation::NewAccount {
            email,
            password_hash,
        } => {
            let new = NewConvenor {
                email,
                password_hash,
                is_admin: false,
                may_convene,
                created_at: now,
            };
            insert_convenor(conn, new).await?
        }
        AcceptInvitation::Existing(id) => fetch_convenor(conn, id).await?,
    };
    let sql = format!("UPDATE {table} SET accepted_by = $1 WHERE id = $2");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(account.id.0)
        .bind(invitation)
        .execute(&mut *conn)
        .await?;
    Ok(account)
}

/// Revokes the invitation `id` of `table` at `now` unless it was accepted or revoked already.
pub(super) async fn mark_revoked(
    conn: &mut Conn,
    table: &str,
    id: i64,
    now: i64,
) -> Result<(), StoreError> {
    let sql = format!(
        "UPDATE {table} SET revoked_at = $1 \
         WHERE id = $2 AND accepted_at IS NULL AND revoked_at IS NULL"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[async_trait]
impl PartnershipStore for This {
    async fn create_partnership(&self, new: NewPartnership) -> Result<Partnership, StoreError> {
        let mut tx = self.begin_write().await?;
        if let Some(convenor) = new.convenor {
            fetch_convenor(&mut tx, convenor).await?;
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO partnerships (name, purpose, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(new.name.as_str())
        .bind(new.purpose.as_str())
        .bind(new.created_at)
        .fetch_one(&mut *tx)
        .await?;
        let id = PartnershipId(id);
        if let Some(convenor) = new.convenor {
            insert_member(&mut tx, id, convenor).await?;
        }
        tx.commit().await?;
        Ok(Partnership {
            id,
            name: new.name,
            purpose: new.purpose,
            created_at: new.created_at,
        })
    }

    async fn get_partnership(&self, id: PartnershipId) -> Result<Partnership, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_partnership(&mut conn, id).await
    }

    async fn list_partnerships(&self) -> Result<Vec<Partnership>, StoreError> {
        let sql = format!("SELECT {PARTNERSHIP_COLUMNS} FROM partnerships ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(partnership_from_row).collect()
    }

    async fn update_partnership(
        &self,
        id: PartnershipId,
        update: PartnershipUpdate,
    ) -> Result<Partnership, StoreError> {
        let sql = format!(
            "UPDATE partnerships SET name = COALESCE($1, name), purpose = COALESCE($2, purpose) \
             WHERE id = $3 RETURNING {PARTNERSHIP_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(update.name.as_ref().map(PartnershipName::as_str))
            .bind(update.purpose.as_ref().map(Purpose::as_str))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::Partnership))?;
        partnership_from_row(&row)
    }

    async fn create_partner(&self, new: NewPartner) -> Result<Partner, StoreError> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO partners (partnership_id, name, sector, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(new.partnership.0)
        .bind(new.name.as_str())
        .bind(new.sector.as_str())
        .bind(new.created_at)
        .fetch_one(&self.pool)
        .await
        .map_err(|error| {
            if is_foreign_key_violation(&error) {
                StoreError::NotFound(Entity::Partnership)
            } else {
                error.into()
            }
        })?;
        Ok(Partner {
            id: PartnerId(id),
            partnership: new.partnership,
            name: new.name,
            sector: new.sector,
            created_at: new.created_at,
            archived_at: None,
        })
    }

    async fn get_partner(&self, id: PartnerId) -> Result<Partner, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_partner(&mut conn, id).await
    }

    async fn list_partners(&self, partnership: PartnershipId) -> Result<Vec<Partner>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_partnership(&mut conn, partnership).await?;
        let sql =
            format!("SELECT {PARTNER_COLUMNS} FROM partners WHERE partnership_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partnership.0)
            .fetch_all(&mut *conn)
            .await?;
        rows.iter().map(partner_from_row).collect()
    }

    async fn update_partner(
        &self,
        id: PartnerId,
        update: PartnerUpdate,
    ) -> Result<Partner, StoreError> {
        let mut tx = self.begin_write().await?;
        fetch_active_partner(&mut tx, id).await?;
        let sql = format!(
            "UPDATE partners SET name = COALESCE($1, name), sector = COALESCE($2, sector) \
             WHERE id = $3 RETURNING {PARTNER_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(update.name.as_ref().map(PartnerName::as_str))
            .bind(update.sector.map(Sector::as_str))
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
        let partner = partner_from_row(&row)?;
        tx.commit().await?;
        Ok(partner)
    }

    async fn remove_partner(&self, id: PartnerId, now: i64) -> Result<PartnerRemoval, StoreError> {
        let mut tx = self.begin_write().await?;
        let partner = fetch_partner(&mut tx, id).await?;
        if partner.archived_at.is_some() {
            return Ok(PartnerRemoval::Archived(partner));
        }
        let has_history: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM partner_representatives WHERE partner_id = $1) \
             OR EXISTS (SELECT 1 FROM partner_invitations WHERE partner_id = $1) \
             OR EXISTS (SELECT 1 FROM objective_stances WHERE partner_id = $1) \
             OR EXISTS (SELECT 1 FROM actions WHERE owner_partner_id = $1) \
             OR EXISTS (SELECT 1 FROM action_partners WHERE partner_id = $1) \
             OR EXISTS (SELECT 1 FROM trust_responses WHERE rater_partner_id = $1) \
             OR EXISTS (SELECT 1 FROM trust_ratings WHERE ratee_partner_id = $1) \
             OR EXISTS (SELECT 1 FROM map_factors WHERE owner_partner_id = $1 \
                 OR proposed_for = $1) \
             OR EXISTS (SELECT 1 FROM map_links WHERE proposed_for = $1) \
             OR EXISTS (SELECT 1 FROM map_judgments WHERE partner_id = $1)",
        )
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        if !has_history {
            sqlx::query("DELETE FROM partners WHERE id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            return Ok(PartnerRemoval::Deleted);
        }
        sqlx::query("UPDATE partners SET archived_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE partner_representatives SET ended_at = $1 \
             WHERE partner_id = $2 AND ended_at IS NULL",
        )
        .bind(now)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        let archived = fetch_partner(&mut tx, id).await?;
        tx.commit().await?;
        Ok(PartnerRemoval::Archived(archived))
    }

    async fn add_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        fetch_partnership(&mut tx, partnership).await?;
        fetch_convenor(&mut tx, convenor).await?;
        insert_member(&mut tx, partnership, convenor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn remove_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "DELETE FROM partnership_members WHERE partnership_id = $1 AND convenor_id = $2",
        )
        .bind(partnership.0)
        .bind(convenor.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn is_partnership_member(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT convenor_id FROM partnership_members \
             WHERE partnership_id = $1 AND convenor_id = $2",
        )
        .bind(partnership.0)
        .bind(convenor.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    async fn list_partnership_members(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<Convenor>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_partnership(&mut conn, partnership).await?;
        let rows = sqlx::query(
            "SELECT c.id, c.email, c.is_admin, c.may_convene, c.created_at FROM convenors c \
             JOIN partnership_members m ON m.convenor_id = c.id \
             WHERE m.partnership_id = $1 ORDER BY c.id",
        )
        .bind(partnership.0)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter().map(convenor_from_row).collect()
    }

    async fn list_convenor_partnerships(
        &self,
        convenor: ConvenorId,
    ) -> Result<Vec<Partnership>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_convenor(&mut conn, convenor).await?;
        let rows = sqlx::query(
            "SELECT p.id, p.name, p.purpose, p.created_at FROM partnerships p \
             JOIN partnership_members m ON m.partnership_id = p.id \
             WHERE m.convenor_id = $1 ORDER BY p.id",
        )
        .bind(convenor.0)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter().map(partnership_from_row).collect()
    }

    async fn list_representatives(
        &self,
        partner: PartnerId,
    ) -> Result<Vec<Representative>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_partner(&mut conn, partner).await?;
        let rows = sqlx::query(
            "SELECT r.partner_id, r.convenor_id, c.email, r.created_at \
             FROM partner_representatives r JOIN convenors c ON c.id = r.convenor_id \
             WHERE r.partner_id = $1 AND r.ended_at IS NULL \
             ORDER BY r.created_at, r.convenor_id",
        )
        .bind(partner.0)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Representative {
                    partner: PartnerId(row.try_get("partner_id")?),
                    account: ConvenorId(row.try_get("convenor_id")?),
                    email: stored("email", Email::parse(row.try_get("email")?))?,
                    since: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    async fn list_account_partners(&self, account: ConvenorId) -> Result<Vec<Partner>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_convenor(&mut conn, account).await?;
        let rows = sqlx::query(
            "SELECT p.id, p.partnership_id, p.name, p.sector, p.created_at, p.archived_at \
             FROM partners p WHERE p.archived_at IS NULL AND EXISTS (\
             SELECT 1 FROM partner_representatives r \
             WHERE r.partner_id = p.id AND r.convenor_id = $1 AND r.ended_at IS NULL) \
             ORDER BY p.id",
        )
        .bind(account.0)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter().map(partner_from_row).collect()
    }

    async fn is_representative(
        &self,
        partner: PartnerId,
        account: ConvenorId,
    ) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT r.convenor_id FROM partner_representatives r \
             JOIN partners p ON p.id = r.partner_id \
             WHERE r.partner_id = $1 AND r.convenor_id = $2 AND r.ended_at IS NULL \
             AND p.archived_at IS NULL",
        )
        .bind(partner.0)
        .bind(account.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    async fn remove_representative(
        &self,
        partner: PartnerId,
        account: ConvenorId,
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE partner_representatives SET ended_at = $1 \
             WHERE partner_id = $2 AND convenor_id = $3 AND ended_at IS NULL",
        )
        .bind(now)
        .bind(partner.0)
        .bind(account.0)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn create_invitation(
        &self,
        new: NewInvitation,
    ) -> Result<(Invitation, Token), StoreError> {
        let token = new_token()?;
        let mut tx = self.begin_write().await?;
        fetch_active_partner(&mut tx, new.partner).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO partner_invitations (partner_id, token_hash, email, created_by, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(new.partner.0)
        .bind(token.hash().as_bytes().as_slice())
        .bind(new.email.as_ref().map(Email::as_str))
        .bind(new.created_by.0)
        .bind(new.created_at)
        .bind(new.expires_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| {
            if is_foreign_key_violation(&error) {
                // The partner was read above, so the missing row is the convenor.
                StoreError::NotFound(Entity::Convenor)
            } else {
                error.into()
            }
        })?;
        let invitation = fetch_invitation(&mut tx, InvitationId(id)).await?;
        tx.commit().await?;
        Ok((invitation, token))
    }

    async fn list_invitations(&self, partner: PartnerId) -> Result<Vec<Invitation>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_partner(&mut conn, partner).await?;
        let sql = format!("{INVITATION_SELECT} WHERE i.partner_id = $1 ORDER BY i.id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partner.0)
            .fetch_all(&mut *conn)
            .await?;
        rows.iter().map(invitation_from_row).collect()
    }

    async fn get_invitation(&self, id: InvitationId) -> Result<Invitation, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_invitation(&mut conn, id).await
    }

    async fn find_invitation_by_token(
        &self,
        token: &Token,
    ) -> Result<Option<Invitation>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        invitation_by_token(&mut conn, token).await
    }

    async fn revoke_invitation(
        &self,
        id: InvitationId,
        now: i64,
    ) -> Result<Invitation, StoreError> {
        let mut tx = self.begin_write().await?;
        mark_revoked(&mut tx, "partner_invitations", id.0, now).await?;
        let invitation = fetch_invitation(&mut tx, id).await?;
        if invitation.accepted_at.is_some() {
            return Err(StoreError::InvitationUsed);
        }
        tx.commit().await?;
        Ok(invitation)
    }

    async fn accept_invitation(
        &self,
        token: &Token,
        accept: AcceptInvitation,
        now: i64,
    ) -> Result<(Invitation, Convenor), StoreError> {
        let mut tx = self.begin_write().await?;
        let invitation = invitation_by_token(&mut tx, token)
            .await?
            .ok_or(StoreError::NotFound(Entity::Invitation))?;
        if let Some(refusal) = not_pending(invitation.status(now)) {
            return Err(refusal);
        }
        fetch_active_partner(&mut tx, invitation.partner).await?;
        if !claim_invitation(&mut tx, "partner_invitations", invitation.id.0, now).await? {
            let current = fetch_invitation(&mut tx, invitation.id).await?;
            return Err(not_pending(current.status(now)).unwrap_or(StoreError::InvitationUsed));
        }
        let account = accepting_account(
            &mut tx,
            "partner_invitations",
            invitation.id.0,
            accept,
            false,
            now,
        )
        .await?;
        sqlx::query(
            "INSERT INTO partner_representatives (partner_id, convenor_id, created_at) \
             VALUES ($1, $2, $3) \
             ON CONFLICT (partner_id, convenor_id) WHERE ended_at IS NULL DO NOTHING",
        )
        .bind(invitation.partner.0)
        .bind(account.id.0)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let accepted = fetch_invitation(&mut tx, invitation.id).await?;
        tx.commit().await?;
        Ok((accepted, account))
    }

    async fn create_convenor_invitation(
        &self,
        new: NewConvenorInvitation,
    ) -> Result<(ConvenorInvitation, Token), StoreError> {
        convenor_invitations::create(self, new).await
    }

    async fn list_convenor_invitations(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<ConvenorInvitation>, StoreError> {
        convenor_invitations::list(self, partnership).await
    }

    async fn get_convenor_invitation(
        &self,
        id: ConvenorInvitationId,
    ) -> Result<ConvenorInvitation, StoreError> {
        convenor_invitations::get(self, id).await
    }

    async fn find_convenor_invitation_by_token(
        &self,
        token: &Token,
    ) -> Result<Option<ConvenorInvitation>, StoreError> {
        convenor_invitations::find_by_token(self, token).await
    }

    async fn revoke_convenor_invitation(
        &self,
        id: ConvenorInvitationId,
        now: i64,
    ) -> Result<ConvenorInvitation, StoreError> {
        convenor_invitations::revoke(self, id, now).await
    }

    async fn accept_convenor_invitation(
        &self,
        token: &Token,
        accept: AcceptInvitation,
        now: i64,
    ) -> Result<(ConvenorInvitation, Convenor), StoreError> {
        convenor_invitations::accept(self, token, accept, now).await
    }
}
