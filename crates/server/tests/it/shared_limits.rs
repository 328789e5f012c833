//! Rate limits across instances: two servers on one PostgreSQL database count each participant,
//! client address and email against one allowance, so that someone alternating between them
//! gets no more than from one; and the shared table forgets allowances that are full again.
//!
//! Runs when `TEST_PG_URL` names a PostgreSQL server; otherwise it says it skips, unless `CI`
//! is set, when a missing database is a failure.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use reqwest::StatusCode;
use server::rate_limit::RateLimit;
use server::time::Clock;
use server::{Application, Config};

use crate::postgres::{drop_database, fresh_database};
use crate::support::{
    Answer, CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, seed_convenor, spawn_app_on,
};

/// A clock the test moves by hand, shared by both instances.
struct ManualClock(AtomicI64);

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Limits tight enough to reach in a few requests; the rest stay generous.
fn tight(database: String) -> Config {
    Config {
        database,
        analysis_enabled: false,
        vote_rate: RateLimit {
            burst: 3,
            per_minute: 1,
        },
        statement_rate: RateLimit {
            burst: 1,
            per_minute: 1,
        },
        address_join_rate: RateLimit {
            burst: 4,
            per_minute: 1,
        },
        login_failure_rate: RateLimit {
            burst: 3,
            per_minute: 1,
        },
        ..Config::for_tests()
    }
}

/// Two instances on one fresh database, the convenor signed in to both, and a dialogue.
async fn two_instances(config: &Config) -> (TestApp, TestApp, i64) {
    let first = spawn_app_on(config.clone()).await;
    let second = spawn_app_on(config.clone()).await;
    assert!(first.state.limits().is_shared());
    seed_convenor(&first).await;
    first.login_as_convenor().await;
    second.login_as_convenor().await;
    let dialogue = first.create_standard_dialogue().await;
    (first, second, dialogue)
}

async fn statement_ids(app: &TestApp, dialogue: i64) -> Vec<i64> {
    app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .expect("a statement list")
        .iter()
        .map(|statement| statement["id"].as_i64().expect("an id"))
        .collect()
}

fn assert_rate_limited(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS, "{answer:?}");
    assert_eq!(answer.code(), "rate_limited");
    let retry_after: u64 = answer.headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("whole seconds");
    assert!(retry_after >= 1, "Retry-After {retry_after}");
}

#[tokio::test]
async fn alternating_instances_gains_no_votes_statements_or_participants() {
    let Some(database) = fresh_database().await else {
        return;
    };
    let (first, second, dialogue) = two_instances(&tight(database.clone())).await;
    let apps = [&first, &second];
    let ids = statement_ids(&first, dialogue).await;
    // Two joins happen below for the vote and statement checks; two more fill the address's
    // allowance of four, whichever instance they reach.
    let someone = first.join(dialogue, &[]).await;
    let someone_else = second.join(dialogue, &[]).await;

    // Votes: three in a burst, alternating instances; every later one is refused by both.
    let mut accepted = 0;
    for attempt in 0..8 {
        let app = apps[attempt % 2];
        let choice = ["agree", "disagree"][attempt / 3 % 2];
        let answer = app
            .vote(dialogue, &someone, ids[attempt % ids.len()], choice)
            .await;
        if answer.status == StatusCode::OK {
            accepted += 1;
        } else {
            assert_rate_limited(&answer);
        }
    }
    assert_eq!(accepted, 3);
    assert_eq!(first.vote_counts(dialogue).await.vote_events, 3);
    // Another participant still has an allowance of their own.
    let theirs = second.vote(dialogue, &someone_else, ids[0], "pass").await;
    assert_eq!(theirs.status, StatusCode::OK, "{theirs:?}");

    // Statements: one in a burst.
    let written = first
        .submit_statement(dialogue, &someone, "Shade over the playgrounds")
        .await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    let again = second
        .submit_statement(dialogue, &someone, "Drinking fountains by the paths")
        .await;
    assert_rate_limited(&again);

    // Joins from one address: four in all, two of them spent above.
    for app in apps {
        let joined = app.join_raw(dialogue, &serde_json::json!({})).await;
        assert_eq!(joined.status, StatusCode::CREATED, "{joined:?}");
    }
    for app in apps {
        assert_rate_limited(&app.join_raw(dialogue, &serde_json::json!({})).await);
    }
    assert_eq!(first.vote_counts(dialogue).await.participants, 4);
    drop_database(&database);
}

#[tokio::test]
async fn failed_sign_ins_on_either_instance_lock_the_email_on_both() {
    let Some(database) = fresh_database().await else {
        return;
    };
    let (first, second, _dialogue) = two_instances(&tight(database.clone())).await;
    first.logout().await;
    second.logout().await;
    for attempt in 0..3 {
        let app = [&first, &second][attempt % 2];
        let wrong = app.login(CONVENOR_EMAIL, "not the password at all").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{wrong:?}");
    }
    // Even the right password waits now, on both instances.
    for app in [&second, &first] {
        let locked = app.login(CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
        assert_rate_limited(&locked);
        let shouted = app.login(" Convenor@Example.org ", CONVENOR_PASSWORD).await;
        assert_rate_limited(&shouted);
    }
    // Another email's failures are its own.
    let other = second
        .login("someone@example.org", "not the password at all")
        .await;
    assert_eq!(other.status, StatusCode::UNAUTHORIZED, "{other:?}");
    drop_database(&database);
}

#[tokio::test]
async fn the_shared_table_forgets_allowances_that_are_full_again() {
    let Some(database) = fresh_database().await else {
        return;
    };
    let clock = Arc::new(ManualClock(AtomicI64::new(1_800_000_000_000)));
    let config = tight(database.clone());
    let mut apps = Vec::new();
    for _ in 0..2 {
        let store = store::connect(&database).await.expect("store");
        let application = Application::build_with_store(config.clone(), store, clock.clone())
            .await
            .expect("app builds");
        apps.push(TestApp::serve(application));
    }
    let (first, second) = (&apps[0], &apps[1]);
    seed_convenor(first).await;
    first.login_as_convenor().await;
    let dialogue = first.create_standard_dialogue().await;
    let ids = statement_ids(first, dialogue).await;
    for app in [first, second] {
        let participant = app.join(dialogue, &[]).await;
        assert_eq!(
            app.vote(dialogue, &participant, ids[0], "agree")
                .await
                .status,
            StatusCode::OK
        );
    }
    let store = first.state.store();
    // Sign-in address, two joins' address, two participants' votes, the votes' address.
    assert!(store.count_allowances().await.unwrap() >= 4);

    // Two hours on, every allowance is full again; the next check clears them away.
    clock.0.fetch_add(2 * 3600 * 1000, Ordering::SeqCst);
    let late = second.join(dialogue, &[]).await;
    assert_eq!(
        second.vote(dialogue, &late, ids[1], "agree").await.status,
        StatusCode::OK
    );
    let mut left = u64::MAX;
    for _ in 0..100 {
        left = store.count_allowances().await.unwrap();
        // What remains is what was taken now: the join's address, the vote and its address.
        if left == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(left, 3);
    drop_database(&database);
}
