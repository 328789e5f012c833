//! Rate-limit allowances: one upsert per action, whose `WHERE` lets it change the row only when
//! the allowance has room, so the decision and the update are one atomic statement on both
//! backends (PostgreSQL serialises concurrent upserts of one key on its row).

use async_trait::async_trait;
use model::allowance::key_hash;
use model::{Admission, RateLimit};

use super::This;
use crate::columns::count;
use crate::error::StoreError;
use crate::{AllowanceKey, LimitStore};

impl This {
    /// Returns the instant the key's allowance is full again, if a row holds one.
    async fn allowance_full_at(&self, key: AllowanceKey<'_>) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT full_at_us FROM rate_allowances WHERE limit_name = $1 AND key_hash = $2",
        )
        .bind(key.limit)
        .bind(key_hash(key.key).as_slice())
        .fetch_optional(&self.pool)
        .await?)
    }
}

#[async_trait]
impl LimitStore for This {
    async fn take_allowance(
        &self,
        key: AllowanceKey<'_>,
        limit: RateLimit,
        now_us: i64,
    ) -> Result<Admission, StoreError> {
        // A new row is always allowed (its allowance was full); an existing one moves on by one
        // interval from whichever is later, its instant or now, if that stays within tolerance.
        let taken: Option<i64> = sqlx::query_scalar(
            "INSERT INTO rate_allowances (limit_name, key_hash, full_at_us) \
             VALUES ($1, $2, $3 + $4) \
             ON CONFLICT (limit_name, key_hash) DO UPDATE SET full_at_us = \
             CASE WHEN rate_allowances.full_at_us > $3 THEN rate_allowances.full_at_us \
             ELSE $3 END + $4 \
             WHERE rate_allowances.full_at_us - $3 <= $5 \
             RETURNING full_at_us",
        )
        .bind(key.limit)
        .bind(key_hash(key.key).as_slice())
        .bind(now_us)
        .bind(limit.interval_us())
        .bind(limit.tolerance_us())
        .fetch_optional(&self.pool)
        .await?;
        if let Some(full_at_us) = taken {
            return Ok(Admission::Allowed { full_at_us });
        }
        // Refused: the row was left as it was. Read it for the wait; a row deleted in between
        // has a full allowance, and the caller may simply try again.
        let full_at = self.allowance_full_at(key).await?.unwrap_or(now_us);
        Ok(Admission::Refused {
            retry_after_secs: limit.retry_after_secs(full_at, now_us),
        })
    }

    async fn peek_allowance(
        &self,
        key: AllowanceKey<'_>,
        limit: RateLimit,
        now_us: i64,
    ) -> Result<Admission, StoreError> {
        let full_at = self.allowance_full_at(key).await?;
        Ok(limit.admit(full_at, now_us))
    }

    async fn forget_full_allowances(&self, now_us: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM rate_allowances WHERE full_at_us <= $1")
            .bind(now_us)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn count_allowances(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rate_allowances")
            .fetch_one(&self.pool)
            .await?;
        Ok(count(n))
    }
}
