//! Limits: rate-limit allowances agree with the in-process arithmetic, hold across two stores
//! on one database under concurrent checks, and expired ones are deleted.

use std::sync::Arc;

use model::{Admission, RateLimit};
use store::{AllowanceKey, Store};

use crate::support::{T0, TestDb};

/// Microseconds in a second.
const SECOND: i64 = 1_000_000;

/// The test clock's start, in microseconds.
const START: i64 = T0 * 1000;

const VOTES: RateLimit = RateLimit {
    burst: 3,
    per_minute: 60,
};

fn key(key: &str) -> AllowanceKey<'_> {
    AllowanceKey {
        limit: "votes",
        key,
    }
}

fn allowed(admission: Admission) -> bool {
    matches!(admission, Admission::Allowed { .. })
}

pub async fn allowances_follow_the_rate_limit_arithmetic(db: &TestDb) {
    let store = db.store();
    // A sequence of checks, peeks and pauses, decided by the store and by the arithmetic alone.
    let steps: [(i64, bool); 12] = [
        (0, true),
        (0, true),
        (0, false),
        (0, true),
        (0, true),
        (0, false),
        (SECOND / 2, true),
        (SECOND / 2, true),
        (SECOND, true),
        (SECOND, true),
        (4 * SECOND, true),
        (4 * SECOND, false),
    ];
    let mut full_at = None;
    for (index, (at, take)) in steps.into_iter().enumerate() {
        let now = START + at;
        let expected = VOTES.admit(full_at, now);
        let decided = if take {
            store.take_allowance(key("ann"), VOTES, now).await.unwrap()
        } else {
            store.peek_allowance(key("ann"), VOTES, now).await.unwrap()
        };
        assert_eq!(decided, expected, "step {index}");
        if let (true, Admission::Allowed { full_at_us }) = (take, expected) {
            full_at = Some(full_at_us);
        }
    }

    // Each key and each limit has an allowance of its own.
    assert!(allowed(
        store
            .take_allowance(key("bob"), VOTES, START)
            .await
            .unwrap()
    ));
    let other_limit = AllowanceKey {
        limit: "statements",
        key: "ann",
    };
    assert!(allowed(
        store
            .take_allowance(other_limit, VOTES, START)
            .await
            .unwrap()
    ));
}

pub async fn a_refusal_says_how_long_to_wait_and_changes_nothing(db: &TestDb) {
    let store = db.store();
    let once_a_minute = RateLimit {
        burst: 1,
        per_minute: 1,
    };
    assert!(allowed(
        store
            .take_allowance(key("ann"), once_a_minute, START)
            .await
            .unwrap()
    ));
    for wait in [0, 10, 59] {
        let refused = store
            .take_allowance(key("ann"), once_a_minute, START + wait * SECOND)
            .await
            .unwrap();
        assert_eq!(
            refused,
            Admission::Refused {
                retry_after_secs: u64::try_from(60 - wait).unwrap()
            }
        );
    }
    // Refusals did not push the allowance back.
    assert!(allowed(
        store
            .take_allowance(key("ann"), once_a_minute, START + 60 * SECOND)
            .await
            .unwrap()
    ));
}

/// Takes from one key through two stores at once, as two instances would.
async fn take_concurrently(stores: [Arc<dyn Store>; 2], attempts: usize) -> usize {
    let tasks: Vec<_> = (0..attempts)
        .map(|index| {
            let store = Arc::clone(&stores[index % 2]);
            tokio::spawn(async move {
                store
                    .take_allowance(key("shared"), VOTES, START)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut allowed_count = 0;
    for task in tasks {
        if allowed(task.await.unwrap()) {
            allowed_count += 1;
        }
    }
    allowed_count
}

pub async fn two_stores_on_one_database_share_each_allowance(db: &TestDb) {
    let stores = [db.shared(), db.open_another().await];
    assert_eq!(take_concurrently(stores.clone(), 24).await, 3);
    // The other store sees the spent allowance, and a peek from either agrees.
    for store in &stores {
        assert!(!allowed(
            store
                .peek_allowance(key("shared"), VOTES, START)
                .await
                .unwrap()
        ));
    }
    stores[1].close().await;
}

pub async fn full_allowances_are_forgotten(db: &TestDb) {
    let store = db.store();
    for (index, name) in ["a", "b", "c"].into_iter().enumerate() {
        let at = START + i64::try_from(index).unwrap() * 10 * SECOND;
        store.take_allowance(key(name), VOTES, at).await.unwrap();
    }
    assert_eq!(store.count_allowances().await.unwrap(), 3);
    // Nothing is full again yet at the start.
    assert_eq!(store.forget_full_allowances(START).await.unwrap(), 0);
    // One action costs a second: "a" is full again a second after it acted.
    assert_eq!(
        store.forget_full_allowances(START + SECOND).await.unwrap(),
        1
    );
    assert_eq!(store.count_allowances().await.unwrap(), 2);
    // A forgotten key has its whole allowance, as if it had never acted.
    for _ in 0..3 {
        assert!(allowed(
            store
                .take_allowance(key("a"), VOTES, START + SECOND)
                .await
                .unwrap()
        ));
    }
    assert_eq!(
        store
            .forget_full_allowances(START + 3600 * SECOND)
            .await
            .unwrap(),
        3
    );
    assert_eq!(store.count_allowances().await.unwrap(), 0);
}
