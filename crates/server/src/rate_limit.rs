//! Rate limits, so that one token, one network address or one account name cannot flood the
//! server: an allowance per key (a participant, a client address, an email) that refills
//! continuously, with the arithmetic of [`model::allowance`].
//!
//! Where the allowances live depends on the store. On SQLite one process owns the database, so
//! they are kept in this process's memory. On PostgreSQL several instances may share the
//! database behind a load balancer, so they are kept in its `rate_allowances` table through
//! [`store::LimitStore`]: every instance counts against the same allowance, and alternating
//! between instances gains nothing. Rows of allowances that are full again are deleted at most
//! once a minute per instance, so the table holds only keys that acted recently.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};

pub use model::RateLimit;
use model::{Admission, ParticipantId, PriorityParticipantId};
use store::{AllowanceKey, Backend, Store};

use crate::config::Config;
use crate::error::ApiError;

/// Limiters beyond this many keys forget those whose allowance is full again, bounding memory.
const PRUNE_ABOVE: usize = 100_000;

/// How often, at most, an instance deletes the shared table's full allowances.
const FORGET_EVERY_MS: i64 = 60_000;

/// The key under which a client address is limited: the address itself for IPv4, and the /64
/// network for IPv6, since one household or phone is routinely given a whole /64 and could
/// otherwise step around the limit by changing its low bits.
pub fn address_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let segments = v6.segments();
                IpAddr::V6(Ipv6Addr::new(
                    segments[0],
                    segments[1],
                    segments[2],
                    segments[3],
                    0,
                    0,
                    0,
                    0,
                ))
            }
        },
    }
}

/// In-process allowances, one per key: the instant each key's allowance is full again.
#[derive(Debug)]
pub struct RateLimiter<Key> {
    limit: RateLimit,
    full_at_us: Mutex<HashMap<Key, i64>>,
}

impl<Key: Hash + Eq + Clone> RateLimiter<Key> {
    /// Returns a limiter with every key's allowance full.
    pub fn new(limit: RateLimit) -> RateLimiter<Key> {
        RateLimiter {
            limit,
            full_at_us: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one action from the key's allowance, or returns how many whole seconds to wait
    /// before the next action is allowed.
    pub fn check(&self, key: &Key, now_ms: i64) -> Result<(), u64> {
        self.settle(key, now_ms, true)
    }

    /// Returns whether the key may act now, without taking from its allowance: for limits that
    /// count only some outcomes (failed sign-ins), checked before the work and charged after.
    pub fn peek(&self, key: &Key, now_ms: i64) -> Result<(), u64> {
        self.settle(key, now_ms, false)
    }

    fn settle(&self, key: &Key, now_ms: i64, take: bool) -> Result<(), u64> {
        let now_us = now_ms.saturating_mul(1000);
        let mut full_at = self
            .full_at_us
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if full_at.len() > PRUNE_ABOVE {
            full_at.retain(|_, instant| *instant > now_us);
        }
        match self.limit.admit(full_at.get(key).copied(), now_us) {
            Admission::Allowed { full_at_us } => {
                if take {
                    full_at.insert(key.clone(), full_at_us);
                }
                Ok(())
            }
            Admission::Refused { retry_after_secs } => Err(retry_after_secs),
        }
    }
}

/// Every limit an instance applies; the name keys the shared table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Votes per participant.
    Votes,
    /// Statements per participant.
    Statements,
    /// Votes per client address.
    AddressVotes,
    /// Statements per client address.
    AddressStatements,
    /// New participants per client address.
    AddressJoins,
    /// Sign-in attempts per client address.
    LoginAddresses,
    /// Failed sign-ins per email.
    LoginFailures,
}

impl Limit {
    /// Every limit.
    pub const ALL: [Limit; 7] = [
        Limit::Votes,
        Limit::Statements,
        Limit::AddressVotes,
        Limit::AddressStatements,
        Limit::AddressJoins,
        Limit::LoginAddresses,
        Limit::LoginFailures,
    ];

    /// The limit's name in the shared table; never changes once deployed.
    pub fn name(self) -> &'static str {
        match self {
            Limit::Votes => "votes",
            Limit::Statements => "statements",
            Limit::AddressVotes => "address_votes",
            Limit::AddressStatements => "address_statements",
            Limit::AddressJoins => "address_joins",
            Limit::LoginAddresses => "login_addresses",
            Limit::LoginFailures => "login_failures",
        }
    }

    /// The limit's allowance in a configuration.
    pub fn in_config(self, config: &Config) -> RateLimit {
        match self {
            Limit::Votes => config.vote_rate,
            Limit::Statements => config.statement_rate,
            Limit::AddressVotes => config.address_vote_rate,
            Limit::AddressStatements => config.address_statement_rate,
            Limit::AddressJoins => config.address_join_rate,
            Limit::LoginAddresses => config.login_address_rate,
            Limit::LoginFailures => config.login_failure_rate,
        }
    }
}

/// Where an instance keeps its allowances.
enum Keeper {
    /// In this process, for a database one process owns (SQLite).
    InProcess(HashMap<Limit, RateLimiter<String>>),
    /// In the database, shared with every instance using it (PostgreSQL).
    Shared {
        store: Arc<dyn Store>,
        /// When this instance last deleted the full allowances, in ms since the epoch.
        last_forget_ms: AtomicI64,
    },
}

/// Every rate limit of an instance, kept in memory or in the shared database.
pub struct Limits {
    enabled: bool,
    allowances: HashMap<Limit, RateLimit>,
    keeper: Keeper,
}

impl std::fmt::Debug for Limits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limits")
            .field("enabled", &self.enabled)
            .field("shared", &self.is_shared())
            .finish_non_exhaustive()
    }
}

impl Limits {
    /// Returns the limits of a configuration, shared through the store when its database may
    /// serve several instances (PostgreSQL) and in process otherwise.
    pub fn new(config: &Config, store: Arc<dyn Store>) -> Limits {
        let allowances: HashMap<Limit, RateLimit> = Limit::ALL
            .iter()
            .map(|&limit| (limit, limit.in_config(config)))
            .collect();
        let keeper = match store.backend() {
            Backend::Postgres => Keeper::Shared {
                store,
                last_forget_ms: AtomicI64::new(i64::MIN),
            },
            Backend::Sqlite => Keeper::InProcess(
                allowances
                    .iter()
                    .map(|(&limit, &allowance)| (limit, RateLimiter::new(allowance)))
                    .collect(),
            ),
        };
        Limits {
            enabled: config.rate_limits_enabled,
            allowances,
            keeper,
        }
    }

    /// Whether the allowances are kept in the database, shared with other instances.
    pub fn is_shared(&self) -> bool {
        matches!(self.keeper, Keeper::Shared { .. })
    }

    /// Whether limits apply at all.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Takes one action from `key`'s allowance under `limit`, or refuses with `rate_limited`.
    pub async fn take(&self, limit: Limit, key: &str, now_ms: i64) -> Result<(), ApiError> {
        self.settle(limit, key, now_ms, true).await
    }

    /// Refuses with `rate_limited` when `key` may not act now under `limit`, without taking
    /// from its allowance.
    pub async fn peek(&self, limit: Limit, key: &str, now_ms: i64) -> Result<(), ApiError> {
        self.settle(limit, key, now_ms, false).await
    }

    async fn settle(
        &self,
        limit: Limit,
        key: &str,
        now_ms: i64,
        take: bool,
    ) -> Result<(), ApiError> {
        if !self.enabled {
            return Ok(());
        }
        let refused = |retry_after_secs| ApiError::RateLimited { retry_after_secs };
        match &self.keeper {
            Keeper::InProcess(limiters) => {
                let Some(limiter) = limiters.get(&limit) else {
                    return Ok(());
                };
                let key = key.to_owned();
                let decided = if take {
                    limiter.check(&key, now_ms)
                } else {
                    limiter.peek(&key, now_ms)
                };
                decided.map_err(refused)
            }
            Keeper::Shared {
                store,
                last_forget_ms,
            } => {
                let allowance = self.allowances.get(&limit).copied().unwrap_or(RateLimit {
                    burst: u32::MAX,
                    per_minute: u32::MAX,
                });
                let now_us = now_ms.saturating_mul(1000);
                let key = AllowanceKey {
                    limit: limit.name(),
                    key,
                };
                let admission = if take {
                    store.take_allowance(key, allowance, now_us).await?
                } else {
                    store.peek_allowance(key, allowance, now_us).await?
                };
                forget_full_allowances(store, last_forget_ms, now_ms);
                match admission {
                    Admission::Allowed { .. } => Ok(()),
                    Admission::Refused { retry_after_secs } => Err(refused(retry_after_secs)),
                }
            }
        }
    }
}

/// Deletes the shared table's full allowances in the background, at most once a minute per
/// instance; a failure only leaves rows for the next time.
fn forget_full_allowances(store: &Arc<dyn Store>, last_forget_ms: &AtomicI64, now_ms: i64) {
    let last = last_forget_ms.load(Ordering::Relaxed);
    if now_ms.saturating_sub(last) < FORGET_EVERY_MS
        || last_forget_ms
            .compare_exchange(last, now_ms, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    let store = Arc::clone(store);
    tokio::spawn(async move {
        match store
            .forget_full_allowances(now_ms.saturating_mul(1000))
            .await
        {
            Ok(forgotten) => tracing::debug!(forgotten, "forgot full rate-limit allowances"),
            Err(error) => tracing::warn!(%error, "could not forget full rate-limit allowances"),
        }
    });
}

/// The key of a participant's allowances.
pub fn participant_key(participant: ParticipantId) -> String {
    participant.0.to_string()
}

/// The key of a priority list participant's allowances, apart from dialogue participants'.
pub fn priority_participant_key(participant: PriorityParticipantId) -> String {
    format!("priority:{}", participant.0)
}

/// The key of a client address's allowances (its /64 network for IPv6).
pub fn client_key(address: IpAddr) -> String {
    address_key(address).to_string()
}

/// The key of an email's failed sign-ins: case and surrounding space do not make a new email.
pub fn login_key(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use model::ParticipantId;

    use super::*;

    #[test]
    fn a_burst_is_allowed_then_refused_until_the_allowance_returns() {
        let limiter = RateLimiter::new(RateLimit {
            burst: 3,
            per_minute: 60,
        });
        let someone = ParticipantId(1);
        for _ in 0..3 {
            assert_eq!(limiter.check(&someone, 0), Ok(()));
        }
        assert_eq!(limiter.check(&someone, 0), Err(1));
        // One action per second returns.
        assert_eq!(limiter.check(&someone, 1_000), Ok(()));
        assert_eq!(limiter.check(&someone, 1_000), Err(1));
    }

    #[test]
    fn participants_have_separate_allowances() {
        let limiter = RateLimiter::new(RateLimit {
            burst: 1,
            per_minute: 1,
        });
        assert_eq!(limiter.check(&ParticipantId(1), 0), Ok(()));
        assert_eq!(limiter.check(&ParticipantId(1), 0), Err(60));
        assert_eq!(limiter.check(&ParticipantId(2), 0), Ok(()));
    }

    #[test]
    fn peeking_never_spends_the_allowance() {
        let limiter = RateLimiter::new(RateLimit {
            burst: 1,
            per_minute: 1,
        });
        let key = "someone@example.org".to_owned();
        for _ in 0..5 {
            assert_eq!(limiter.peek(&key, 0), Ok(()));
        }
        assert_eq!(limiter.check(&key, 0), Ok(()));
        assert_eq!(limiter.peek(&key, 0), Err(60));
    }

    #[test]
    fn ipv6_addresses_are_limited_by_their_64_bit_network() {
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let neighbour: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let elsewhere: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(one), address_key(neighbour));
        assert_ne!(address_key(one), address_key(elsewhere));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(address_key(mapped), "192.0.2.7".parse::<IpAddr>().unwrap());
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(address_key(v4), v4);
    }
}
