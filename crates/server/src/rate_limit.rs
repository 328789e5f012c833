//! Per-participant rate limits on votes and statements, so that one token cannot flood a
//! dialogue: a token bucket per participant, refilled continuously.

use std::collections::HashMap;
use std::sync::Mutex;

use model::ParticipantId;

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

/// Token buckets keyed by participant.
#[derive(Debug)]
pub struct RateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<ParticipantId, Bucket>>,
}

impl RateLimiter {
    /// Returns a limiter with every participant's bucket full.
    pub fn new(limit: RateLimit) -> RateLimiter {
        RateLimiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one action from the participant's allowance, or returns how many whole seconds to
    /// wait before the next action is allowed.
    pub fn check(&self, participant: ParticipantId, now_ms: i64) -> Result<(), u64> {
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
        let bucket = buckets.entry(participant).or_insert(Bucket {
            tokens: capacity,
            updated_ms: now_ms,
        });
        let elapsed = now_ms.saturating_sub(bucket.updated_ms).max(0) as f64;
        bucket.tokens = (bucket.tokens + elapsed * per_ms).min(capacity);
        bucket.updated_ms = now_ms.max(bucket.updated_ms);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
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
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_refused_until_the_allowance_returns() {
        let limiter = RateLimiter::new(RateLimit {
            burst: 3,
            per_minute: 60,
        });
        let someone = ParticipantId(1);
        for _ in 0..3 {
            assert_eq!(limiter.check(someone, 0), Ok(()));
        }
        assert_eq!(limiter.check(someone, 0), Err(1));
        // One action per second returns.
        assert_eq!(limiter.check(someone, 1_000), Ok(()));
        assert_eq!(limiter.check(someone, 1_000), Err(1));
    }

    #[test]
    fn participants_have_separate_allowances() {
        let limiter = RateLimiter::new(RateLimit {
            burst: 1,
            per_minute: 1,
        });
        assert_eq!(limiter.check(ParticipantId(1), 0), Ok(()));
        assert_eq!(limiter.check(ParticipantId(1), 0), Err(60));
        assert_eq!(limiter.check(ParticipantId(2), 0), Ok(()));
    }
}
