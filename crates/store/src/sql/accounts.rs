//! Convenor accounts and their sessions.

use async_trait::async_trait;
use model::{ConvenorId, Email, PasswordHash, Token};
use sqlx::Row as _;

use super::{Conn, DbRow, This, is_foreign_key_violation, is_unique_violation};
use crate::columns::{new_token, stored};
use crate::error::{Entity, StoreError};
use crate::{AccountStore, Convenor, ConvenorCredentials, NewConvenor, Session};

pub(super) const CONVENOR_COLUMNS: &str = "id, email, is_admin, may_convene, created_at";

pub(super) fn convenor_from_row(row: &DbRow) -> Result<Convenor, StoreError> {
    Ok(Convenor {
        id: ConvenorId(row.try_get("id")?),
        email: stored("email", Email::parse(row.try_get("email")?))?,
        is_admin: row.try_get("is_admin")?,
        may_convene: row.try_get("may_convene")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Creates an account; refuses an email already in use (ignoring case).
pub(super) async fn insert_convenor(
    conn: &mut Conn,
    new: NewConvenor,
) -> Result<Convenor, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO convenors (email, password_hash, is_admin, may_convene, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(new.email.as_str())
    .bind(new.password_hash.as_str())
    .bind(new.is_admin)
    .bind(new.may_convene)
    .bind(new.created_at)
    .fetch_one(&mut *conn)
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
        may_convene: new.may_convene,
        created_at: new.created_at,
    })
}

/// Reads an account.
pub(super) async fn fetch_convenor(
    conn: &mut Conn,
    id: ConvenorId,
) -> Result<Convenor, StoreError> {
    let sql = format!("SELECT {CONVENOR_COLUMNS} FROM convenors WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::Convenor))?;
    convenor_from_row(&row)
}

#[async_trait]
impl AccountStore for This {
    async fn create_convenor(&self, new: NewConvenor) -> Result<Convenor, StoreError> {
        let mut conn = self.pool.acquire().await?;
        insert_convenor(&mut conn, new).await
    }

    async fn get_convenor(&self, id: ConvenorId) -> Result<Convenor, StoreError> {
        let mut conn = self.pool.acquire().await?;
        fetch_convenor(&mut conn, id).await
    }

    async fn find_convenor_by_email(
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
    async fn list_convenors(&self) -> Result<Vec<Convenor>, StoreError> {
        let sql = format!("SELECT {CONVENOR_COLUMNS} FROM convenors ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(convenor_from_row).collect()
    }
    async fn set_convenor_password(
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
    async fn set_convenor_admin(&self, id: ConvenorId, is_admin: bool) -> Result<(), StoreError> {
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
    async fn create_session(
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
    async fn find_session(&self, token: &Token, now: i64) -> Result<Option<Session>, StoreError> {
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
    async fn delete_session(&self, token: &Token) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token.hash().as_bytes().as_slice())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }
    async fn delete_convenor_sessions(&self, convenor: ConvenorId) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE convenor_id = $1")
            .bind(convenor.0)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
    async fn delete_expired_sessions(&self, now: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
