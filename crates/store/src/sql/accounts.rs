//! Partnerships, partners, convenor accounts, memberships and sessions.

use model::{
    ConvenorId, Email, PartnerId, PartnerName, PartnershipId, PartnershipName, PasswordHash,
    Purpose, Sector, Token,
};
use sqlx::Row as _;

use super::{DbRow, This, is_foreign_key_violation, is_unique_violation};
use crate::columns::{new_token, stored};
use crate::error::{Entity, StoreError};
use crate::records::{
    Convenor, ConvenorCredentials, NewConvenor, NewPartner, NewPartnership, Partner, Partnership,
    Session,
};

const PARTNERSHIP_COLUMNS: &str = "id, name, purpose, created_at";
const PARTNER_COLUMNS: &str = "id, partnership_id, name, sector, created_at";
const CONVENOR_COLUMNS: &str = "id, email, is_admin, created_at";

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
    })
}

fn convenor_from_row(row: &DbRow) -> Result<Convenor, StoreError> {
    Ok(Convenor {
        id: ConvenorId(row.try_get("id")?),
        email: stored("email", Email::parse(row.try_get("email")?))?,
        is_admin: row.try_get("is_admin")?,
        created_at: row.try_get("created_at")?,
    })
}

impl This {
    pub(super) async fn create_partnership_impl(
        &self,
        new: NewPartnership,
    ) -> Result<Partnership, StoreError> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO partnerships (name, purpose, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(new.name.as_str())
        .bind(new.purpose.as_str())
        .bind(new.created_at)
        .fetch_one(&self.pool)
        .await?;
        Ok(Partnership {
            id: PartnershipId(id),
            name: new.name,
            purpose: new.purpose,
            created_at: new.created_at,
        })
    }

    pub(super) async fn get_partnership_impl(
        &self,
        id: PartnershipId,
    ) -> Result<Partnership, StoreError> {
        let sql = format!("SELECT {PARTNERSHIP_COLUMNS} FROM partnerships WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::Partnership))?;
        partnership_from_row(&row)
    }

    pub(super) async fn list_partnerships_impl(&self) -> Result<Vec<Partnership>, StoreError> {
        let sql = format!("SELECT {PARTNERSHIP_COLUMNS} FROM partnerships ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(partnership_from_row).collect()
    }

    pub(super) async fn create_partner_impl(&self, new: NewPartner) -> Result<Partner, StoreError> {
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
        })
    }

    pub(super) async fn get_partner_impl(&self, id: PartnerId) -> Result<Partner, StoreError> {
        let sql = format!("SELECT {PARTNER_COLUMNS} FROM partners WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::Partner))?;
        partner_from_row(&row)
    }

    pub(super) async fn list_partners_impl(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<Partner>, StoreError> {
        self.get_partnership_impl(partnership).await?;
        let sql =
            format!("SELECT {PARTNER_COLUMNS} FROM partners WHERE partnership_id = $1 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(partnership.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(partner_from_row).collect()
    }

    pub(super) async fn create_convenor_impl(
        &self,
        new: NewConvenor,
    ) -> Result<Convenor, StoreError> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO convenors (email, password_hash, is_admin, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(new.email.as_str())
        .bind(new.password_hash.as_str())
        .bind(new.is_admin)
        .bind(new.created_at)
        .fetch_one(&self.pool)
        .await
        .map_err(|error| {
            if is_unique_violation(&error) {
                StoreError::Duplicate {
                    entity: Entity::Convenor,
                    field: "email",
                }
            } else {
                error.into()
            }
        })?;
        Ok(Convenor {
            id: ConvenorId(id),
            email: new.email,
            is_admin: new.is_admin,
            created_at: new.created_at,
        })
    }

    pub(super) async fn get_convenor_impl(&self, id: ConvenorId) -> Result<Convenor, StoreError> {
        let sql = format!("SELECT {CONVENOR_COLUMNS} FROM convenors WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound(Entity::Convenor))?;
        convenor_from_row(&row)
    }

    pub(super) async fn find_convenor_by_email_impl(
        &self,
        email: &Email,
    ) -> Result<Option<ConvenorCredentials>, StoreError> {
        let sql = format!(
            "SELECT {CONVENOR_COLUMNS}, password_hash FROM convenors WHERE lower(email) = lower($1)"
        );
        let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(email.as_str())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(ConvenorCredentials {
            convenor: convenor_from_row(&row)?,
            password_hash: stored(
                "password hash",
                PasswordHash::from_phc(row.try_get("password_hash")?),
            )?,
        }))
    }

    pub(super) async fn list_convenors_impl(&self) -> Result<Vec<Convenor>, StoreError> {
        let sql = format!("SELECT {CONVENOR_COLUMNS} FROM convenors ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(convenor_from_row).collect()
    }

    pub(super) async fn set_convenor_password_impl(
        &self,
        id: ConvenorId,
        hash: &PasswordHash,
    ) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE convenors SET password_hash = $1 WHERE id = $2")
            .bind(hash.as_str())
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Convenor));
        }
        Ok(())
    }

    pub(super) async fn set_convenor_admin_impl(
        &self,
        id: ConvenorId,
        is_admin: bool,
    ) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE convenors SET is_admin = $1 WHERE id = $2")
            .bind(is_admin)
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(Entity::Convenor));
        }
        Ok(())
    }

    pub(super) async fn add_partnership_member_impl(
        &self,
        partnership: PartnershipId,
        convenor: ConvenorId,
    ) -> Result<(), StoreError> {
        self.get_partnership_impl(partnership).await?;
        self.get_convenor_impl(convenor).await?;
        sqlx::query(
            "INSERT INTO partnership_members (partnership_id, convenor_id) VALUES ($1, $2) \
             ON CONFLICT (partnership_id, convenor_id) DO NOTHING",
        )
        .bind(partnership.0)
        .bind(convenor.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub(super) async fn remove_partnership_member_impl(
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

    pub(super) async fn is_partnership_member_impl(
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

    pub(super) async fn list_partnership_members_impl(
        &self,
        partnership: PartnershipId,
    ) -> Result<Vec<Convenor>, StoreError> {
        self.get_partnership_impl(partnership).await?;
        let rows = sqlx::query(
            "SELECT c.id, c.email, c.is_admin, c.created_at FROM convenors c \
             JOIN partnership_members m ON m.convenor_id = c.id \
             WHERE m.partnership_id = $1 ORDER BY c.id",
        )
        .bind(partnership.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(convenor_from_row).collect()
    }

    pub(super) async fn list_convenor_partnerships_impl(
        &self,
        convenor: ConvenorId,
    ) -> Result<Vec<Partnership>, StoreError> {
        self.get_convenor_impl(convenor).await?;
        let rows = sqlx::query(
            "SELECT p.id, p.name, p.purpose, p.created_at FROM partnerships p \
             JOIN partnership_members m ON m.partnership_id = p.id \
             WHERE m.convenor_id = $1 ORDER BY p.id",
        )
        .bind(convenor.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(partnership_from_row).collect()
    }

    pub(super) async fn create_session_impl(
        &self,
        convenor: ConvenorId,
        created_at: i64,
        expires_at: i64,
    ) -> Result<Token, StoreError> {
        let token = new_token()?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, convenor_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token.hash().as_bytes().as_slice())
        .bind(convenor.0)
        .bind(created_at)
        .bind(expires_at)
        .execute(&self.pool)
        .await
        .map_err(|error| {
            if is_foreign_key_violation(&error) {
                StoreError::NotFound(Entity::Convenor)
            } else {
                error.into()
            }
        })?;
        Ok(token)
    }

    pub(super) async fn find_session_impl(
        &self,
        token: &Token,
        now: i64,
    ) -> Result<Option<Session>, StoreError> {
        let row = sqlx::query(
            "SELECT convenor_id, created_at, expires_at FROM sessions \
             WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token.hash().as_bytes().as_slice())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(Session {
                convenor: ConvenorId(row.try_get("convenor_id")?),
                created_at: row.try_get("created_at")?,
                expires_at: row.try_get("expires_at")?,
            })
        })
        .transpose()
    }

    pub(super) async fn delete_session_impl(&self, token: &Token) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token.hash().as_bytes().as_slice())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    pub(super) async fn delete_convenor_sessions_impl(
        &self,
        convenor: ConvenorId,
    ) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE convenor_id = $1")
            .bind(convenor.0)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    pub(super) async fn delete_expired_sessions_impl(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
