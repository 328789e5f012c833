//! Recovery after a crash: dialogues whose snapshot is older than their revision when an
//! instance starts (as when a server dies inside the debounce) are recomputed by the starting
//! instance without any vote or request, on SQLite and on PostgreSQL; a current snapshot is
//! left alone; two instances starting together compute each stale dialogue once; and with
//! analysis turned off nothing is computed.

use std::time::Duration;

use model::DialogueId;
use reqwest::StatusCode;
use server::Config;
use server::analysis::{Recovered, RunOutcome};

use crate::postgres::{drop_database, fresh_database};
use crate::support::{TestApp, seed_convenor, spawn_app_on};

/// How long a starting instance may take to recover.
const RECOVERY_DEADLINE: Duration = Duration::from_secs(60);

/// Joins `participants` participants and has each vote on every statement they are offered.
async fn vote_with(app: &TestApp, dialogue: i64, participants: usize) {
    for index in 0..participants {
        let participant = app.join(dialogue, &["resident"]).await;
        loop {
            let next = app.next(dialogue, &participant).await;
            if next.status == StatusCode::NO_CONTENT {
                break;
            }
            let statement = next.body["statement"]["id"].as_i64().unwrap();
            let vote = if index % 3 == 0 { "disagree" } else { "agree" };
            let answer = app.vote(dialogue, &participant, statement, vote).await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
        }
    }
}

/// What the instance that "crashed" left behind.
struct LeftBehind {
    /// Computed, then voted on again: its snapshot is stale.
    stale: i64,
    stale_version: i64,
    /// Voted on, never computed: it has no snapshot.
    never_computed: i64,
    /// Computed after its last vote: its snapshot is current.
    current: i64,
    current_version: i64,
}

/// Uses an instance with analysis off (as the debounce was when the server died) to leave one
/// stale, one never computed and one current dialogue in the database.
async fn leave_stale_dialogues(config: &Config) -> (TestApp, LeftBehind) {
    let before = spawn_app_on(Config {
        analysis_enabled: false,
        ..config.clone()
    })
    .await;
    assert_eq!(before.state.analysis().recovered().await, None);
    seed_convenor(&before).await;
    before.login_as_convenor().await;
    let stale = before.create_standard_dialogue().await;
    let never_computed = before.create_standard_dialogue().await;
    let current = before.create_standard_dialogue().await;
    for dialogue in [stale, never_computed, current] {
        vote_with(&before, dialogue, 4).await;
    }
    assert_eq!(before.recompute_now(stale).await, RunOutcome::Computed);
    assert_eq!(before.recompute_now(current).await, RunOutcome::Computed);
    vote_with(&before, stale, 1).await;

    let store = before.state.store();
    assert_eq!(
        store.dialogues_needing_analysis(10).await.unwrap(),
        vec![DialogueId(stale), DialogueId(never_computed)]
    );
    let version = |dialogue: i64| {
        let store = before.state.store();
        async move {
            store
                .load_snapshot(DialogueId(dialogue))
                .await
                .unwrap()
                .expect("a snapshot")
                .version
        }
    };
    let left = LeftBehind {
        stale,
        stale_version: version(stale).await,
        never_computed,
        current,
        current_version: version(current).await,
    };
    (before, left)
}

/// Waits, with a bound, for an instance's start-up recovery.
async fn recovered(app: &TestApp) -> Recovered {
    tokio::time::timeout(RECOVERY_DEADLINE, app.state.analysis().recovered())
        .await
        .unwrap_or_else(|_| panic!("the start-up recovery took over {RECOVERY_DEADLINE:?}"))
        .expect("analysis is on, so the instance recovers")
}

/// Checks that the stale dialogues now have snapshots over all their votes and that the
/// current one was not computed again.
async fn check_caught_up(app: &TestApp, left: &LeftBehind) {
    let store = app.state.store();
    assert_eq!(
        store.dialogues_needing_analysis(10).await.unwrap(),
        Vec::<DialogueId>::new()
    );
    for dialogue in [left.stale, left.never_computed] {
        let analysis = app.analysis(dialogue).await;
        assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
        let votes = app.vote_counts(dialogue).await.votes;
        assert_eq!(analysis.body["n_votes"], votes, "dialogue {dialogue}");
    }
    let snapshot = |dialogue: i64| {
        let store = app.state.store();
        async move {
            store
                .load_snapshot(DialogueId(dialogue))
                .await
                .unwrap()
                .expect("a snapshot")
        }
    };
    assert_eq!(snapshot(left.stale).await.version, left.stale_version + 1);
    assert_eq!(snapshot(left.never_computed).await.version, 1);
    assert_eq!(snapshot(left.current).await.version, left.current_version);
}

async fn stale_dialogues_catch_up_on_start(config: Config) {
    let (_before, left) = leave_stale_dialogues(&config).await;
    let after = spawn_app_on(config).await;
    assert_eq!(
        recovered(&after).await,
        Recovered {
            computed: 2,
            up_to_date: 0,
            failed: 0,
            interrupted: false,
        }
    );
    check_caught_up(&after, &left).await;
}

#[tokio::test]
async fn stale_dialogues_catch_up_on_start_on_sqlite() {
    let folder = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", folder.path().join("recovery.db").display());
    stale_dialogues_catch_up_on_start(Config {
        database,
        ..Config::for_tests()
    })
    .await;
}

#[tokio::test]
async fn stale_dialogues_catch_up_on_start_on_postgres() {
    let Some(database) = fresh_database().await else {
        return;
    };
    stale_dialogues_catch_up_on_start(Config {
        database: database.clone(),
        ..Config::for_tests()
    })
    .await;
    drop_database(&database);
}

#[tokio::test]
async fn two_instances_starting_together_compute_each_stale_dialogue_once() {
    let Some(database) = fresh_database().await else {
        return;
    };
    let config = Config {
        database: database.clone(),
        // The instance that finds a dialogue locked tries again after this.
        analysis_debounce: Duration::from_millis(100),
        ..Config::for_tests()
    };
    let (_before, left) = leave_stale_dialogues(&config).await;
    let (first, second) = tokio::join!(spawn_app_on(config.clone()), spawn_app_on(config));
    let (first_recovered, second_recovered) = tokio::join!(recovered(&first), recovered(&second));
    let mut both = first_recovered;
    both.add(second_recovered);
    assert_eq!(both.computed, 2, "{first_recovered:?} {second_recovered:?}");
    assert_eq!(both.failed, 0, "{first_recovered:?} {second_recovered:?}");
    assert!(!both.interrupted);
    check_caught_up(&first, &left).await;
    check_caught_up(&second, &left).await;
    drop_database(&database);
}

#[tokio::test]
async fn with_analysis_off_a_starting_instance_leaves_stale_dialogues_alone() {
    let folder = tempfile::tempdir().unwrap();
    let config = Config {
        database: format!("sqlite:{}", folder.path().join("off.db").display()),
        ..Config::for_tests()
    };
    let (_before, left) = leave_stale_dialogues(&config).await;
    let off = spawn_app_on(Config {
        analysis_enabled: false,
        ..config
    })
    .await;
    assert_eq!(off.state.analysis().recovered().await, None);
    // Nothing runs in the background with analysis off, so the list is the same as before.
    assert_eq!(
        off.state
            .store()
            .dialogues_needing_analysis(10)
            .await
            .unwrap(),
        vec![DialogueId(left.stale), DialogueId(left.never_computed)]
    );
}
