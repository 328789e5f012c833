//! Limits: rate-limit allowances kept in the database, so that every server instance sharing
//! it counts against one allowance per key, whichever instance a request reaches.
//!
//! An allowance is the instant its key's allowance is full again (see [`model::allowance`]); a
//! row whose instant has passed means the same as no row, so expired rows can be deleted at any
//! time without changing a decision. Keys are stored as SHA-256 hashes.

use async_trait::async_trait;
use model::{Admission, RateLimit};

use crate::store::StoreResult;

/// Which allowance a check is against: a limit's name (`votes`, `login_failures`, ...) and the
/// key it limits (a participant id, a client address, an email).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllowanceKey<'a> {
    /// The limit's name.
    pub limit: &'a str,
    /// Whose allowance.
    pub key: &'a str,
}

/// Rate-limit allowances in the database. Times are microseconds since the Unix epoch.
#[async_trait]
pub trait LimitStore: Send + Sync {
    /// Takes one action from the key's allowance when it has one, in one atomic step: however
    /// many callers in however many instances check one key at once, no more actions are
    /// allowed than the limit gives.
    async fn take_allowance(
        &self,
        key: AllowanceKey<'_>,
        limit: RateLimit,
        now_us: i64,
    ) -> StoreResult<Admission>;

    /// Says whether the key may act now, without taking anything from its allowance: for limits
    /// that count only some outcomes (failed sign-ins), checked before the work and taken after.
    async fn peek_allowance(
        &self,
        key: AllowanceKey<'_>,
        limit: RateLimit,
        now_us: i64,
    ) -> StoreResult<Admission>;

    /// Deletes the allowances that are full again by `now_us` (they mean the same as none) and
    /// returns how many, so that the table holds only keys that acted recently.
    async fn forget_full_allowances(&self, now_us: i64) -> StoreResult<u64>;

    /// Counts the allowances kept.
    async fn count_allowances(&self) -> StoreResult<u64>;
}
