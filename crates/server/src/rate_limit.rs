//! Rate limits, so that one token, one network address or one account name cannot flood the
//! server: a token bucket per key (a participant, a client address, an email), refilled
//! continuously.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;

/// How many actions a participant may take at once, and how fast the allowance returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Actions allowed in a burst.
    pub burst: u32,
    /// Actions regained per minute.
    pub per_minute: u32,
}

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    updated_ms: i64,
}

/// Buckets beyond this many are pruned of full (idle) ones, bounding memory.
const PRUNE_ABOVE: usize = 100_000;

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

/// Token buckets, one per key.
#[derive(Debug)]
pub struct RateLimiter<Key> {
    limit: RateLimit,
    buckets: Mutex<HashMap<Key, Bucket>>,
}

impl<Key: Hash + Eq + Clone> RateLimiter<Key> {
    /// Returns a limiter with every key's bucket full.
    pub fn new(limit: RateLimit) -> RateLimiter<Key> {
        RateLimiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
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
        let capacity = f64::from(self.limit.burst.max(1));
        let per_ms = f64::from(self.limit.per_minute) / 60_000.0;
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|_, bucket| {
                let elapsed = now_ms.saturating_sub(bucket.updated_ms).max(0) as f64;
                bucket.tokens + elapsed * per_ms < capacity
            });
        }
        let bucket = buckets.entry(key.clone()).or_insert(Bucket {
            tokens: capacity,
            updated_ms: now_ms,
        });
        let elapsed = now_ms.saturating_sub(bucket.updated_ms).max(0) as f64;
        bucket.tokens = (bucket.tokens + elapsed * per_ms).min(capacity);
        bucket.updated_ms = now_ms.max(bucket.updated_ms);
        if bucket.tokens >= 1.0 {
            if take {
                bucket.tokens -= 1.0;
            }
            return Ok(());
        }
        if per_ms <= 0.0 {
            return Err(u64::MAX);
        }
        let wait_ms = (1.0 - bucket.tokens) / per_ms;
        // Rounded up, at least one second, as Retry-After counts whole seconds.
        let seconds = (wait_ms / 1000.0).ceil().max(1.0);
        #[allow(clippy::cast_possible_truncation, reason = "a positive, finite wait")]
        Err(seconds as u64)
    }
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
