//! Rate limits as allowances that refill continuously (the generic cell rate algorithm): a key
//! may take `burst` actions at once and regains `per_minute` actions a minute. Each key's whole
//! state is one instant, the moment its allowance will be full again, so the same arithmetic
//! serves an in-process map and a database row shared by several server instances, and a key
//! whose instant has passed can be forgotten.
//!
//! Times are microseconds since the Unix epoch; the caller supplies the clock.

use sha2::{Digest as _, Sha256};

/// The SHA-256 hash under which a key's allowance is stored, so that a table of allowances
/// holds no client address or email in the clear.
pub fn key_hash(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// How many actions may be taken at once, and how fast the allowance returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Actions allowed in a burst.
    pub burst: u32,
    /// Actions regained per minute; 0 means an allowance that never returns in practice.
    pub per_minute: u32,
}

/// What a check decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    /// The action may go ahead. Taking it moves the key's full-again instant to `full_at_us`.
    Allowed {
        /// When the allowance will be full again once this action is counted.
        full_at_us: i64,
    },
    /// The action must wait.
    Refused {
        /// Whole seconds, at least one, until the next action is allowed (`Retry-After`).
        retry_after_secs: u64,
    },
}

const MICROS_PER_MINUTE: i64 = 60_000_000;

/// What one action costs under a limit of 0 per minute: a century, longer than any run.
const CENTURY_US: i64 = 100 * 365 * 24 * 3600 * 1_000_000;

/// The largest tolerance, far below `i64::MAX`, so that adding an interval to an instant within
/// tolerance of any real clock can never overflow, here or in a database column.
const MAX_TOLERANCE_US: i64 = i64::MAX / 4;

impl RateLimit {
    /// The time one action costs: a minute divided by `per_minute`.
    pub fn interval_us(self) -> i64 {
        match self.per_minute {
            0 => CENTURY_US,
            rate => (MICROS_PER_MINUTE / i64::from(rate)).max(1),
        }
    }

    /// How far in the future a key's full-again instant may lie for one more action to be
    /// allowed: `burst - 1` intervals (a burst of 0 counts as 1).
    pub fn tolerance_us(self) -> i64 {
        i64::from(self.burst.max(1) - 1)
            .saturating_mul(self.interval_us())
            .min(MAX_TOLERANCE_US)
    }

    /// Decides an action at `now_us` for a key whose allowance is full again at `full_at_us`
    /// (`None` for a key never seen, or forgotten, whose allowance is full).
    pub fn admit(self, full_at_us: Option<i64>, now_us: i64) -> Admission {
        let start = full_at_us.map_or(now_us, |full_at| full_at.max(now_us));
        if start.saturating_sub(now_us) <= self.tolerance_us() {
            Admission::Allowed {
                full_at_us: start.saturating_add(self.interval_us()),
            }
        } else {
            Admission::Refused {
                retry_after_secs: self.retry_after_secs(start, now_us),
            }
        }
    }

    /// Whole seconds, at least one, until a key whose allowance is full again at `full_at_us`
    /// may act.
    pub fn retry_after_secs(self, full_at_us: i64, now_us: i64) -> u64 {
        let wait_us = full_at_us
            .saturating_sub(self.tolerance_us())
            .saturating_sub(now_us);
        let seconds = wait_us.saturating_add(999_999) / 1_000_000;
        u64::try_from(seconds.max(1)).unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: i64 = 1_000_000;

    /// Takes actions at `now`, keeping the instant as a store would.
    fn take(limit: RateLimit, full_at: &mut Option<i64>, now: i64) -> Admission {
        let admission = limit.admit(*full_at, now);
        if let Admission::Allowed { full_at_us } = admission {
            *full_at = Some(full_at_us);
        }
        admission
    }

    #[test]
    fn a_burst_is_allowed_then_one_action_per_interval() {
        let limit = RateLimit {
            burst: 3,
            per_minute: 60,
        };
        let mut full_at = None;
        for _ in 0..3 {
            assert!(matches!(
                take(limit, &mut full_at, 0),
                Admission::Allowed { .. }
            ));
        }
        assert_eq!(full_at, Some(3 * SECOND));
        assert_eq!(
            take(limit, &mut full_at, 0),
            Admission::Refused {
                retry_after_secs: 1
            }
        );
        assert!(matches!(
            take(limit, &mut full_at, SECOND),
            Admission::Allowed { .. }
        ));
        assert_eq!(
            take(limit, &mut full_at, SECOND),
            Admission::Refused {
                retry_after_secs: 1
            }
        );
        // Once the instant has passed, the whole burst is back.
        let later = full_at.unwrap();
        for _ in 0..3 {
            assert!(matches!(
                take(limit, &mut full_at, later),
                Admission::Allowed { .. }
            ));
        }
    }

    #[test]
    fn waits_are_whole_seconds_rounded_up() {
        let limit = RateLimit {
            burst: 1,
            per_minute: 1,
        };
        let mut full_at = None;
        assert!(matches!(
            take(limit, &mut full_at, 0),
            Admission::Allowed { .. }
        ));
        assert_eq!(
            take(limit, &mut full_at, 1),
            Admission::Refused {
                retry_after_secs: 60
            }
        );
        assert_eq!(
            take(limit, &mut full_at, 59 * SECOND + 1),
            Admission::Refused {
                retry_after_secs: 1
            }
        );
    }

    #[test]
    fn extreme_limits_neither_overflow_nor_refill_by_accident() {
        let never = RateLimit {
            burst: 2,
            per_minute: 0,
        };
        let mut full_at = None;
        let now = 1_800_000_000 * SECOND;
        assert!(matches!(
            take(never, &mut full_at, now),
            Admission::Allowed { .. }
        ));
        assert!(matches!(
            take(never, &mut full_at, now + 3600 * SECOND),
            Admission::Allowed { .. }
        ));
        let Admission::Refused { retry_after_secs } =
            take(never, &mut full_at, now + 86_400 * SECOND)
        else {
            panic!("a limit of 0 per minute gave a third action");
        };
        assert!(retry_after_secs > 365 * 86_400, "{retry_after_secs}");

        let huge = RateLimit {
            burst: u32::MAX,
            per_minute: 0,
        };
        assert!(huge.tolerance_us() <= MAX_TOLERANCE_US);
        let mut full_at = Some(now + MAX_TOLERANCE_US);
        assert!(matches!(
            take(huge, &mut full_at, now),
            Admission::Allowed { .. }
        ));
        let fast = RateLimit {
            burst: 10,
            per_minute: u32::MAX,
        };
        assert_eq!(fast.interval_us(), 1);
    }
}
