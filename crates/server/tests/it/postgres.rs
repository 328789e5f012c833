//! Two server instances on one PostgreSQL database: both accept votes, exactly one computes a
//! dialogue's analysis at a time, and both serve the latest snapshot.
//!
//! Runs when `TEST_PG_URL` names a PostgreSQL server; otherwise it says it skips, unless `CI`
//! is set, when a missing database is a failure.

use reqwest::StatusCode;
use server::Config;
use server::analysis::RunOutcome;

use crate::support::{seed_convenor, spawn_app_on};

/// Creates a fresh database on the server named by `TEST_PG_URL` and returns its URL.
pub async fn fresh_database() -> Option<String> {
    let Ok(base) = std::env::var("TEST_PG_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "TEST_PG_URL is not set but CI is: the PostgreSQL test must not be skipped"
        );
        eprintln!("skipping the PostgreSQL test: TEST_PG_URL is not set");
        return None;
    };
    let name = format!(
        "cg_server_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let (prefix, _) = base.rsplit_once('/').expect("a database url ends in /name");
    let admin = format!("{prefix}/postgres");
    let output = std::process::Command::new("psql")
        .args([admin.as_str(), "-qc", &format!("CREATE DATABASE {name}")])
        .output()
        .expect("psql runs");
    assert!(output.status.success(), "{output:?}");
    Some(format!("{prefix}/{name}"))
}

/// Drops a database made by [`fresh_database`], closing whatever still holds it.
pub fn drop_database(url: &str) {
    if let Some((prefix, name)) = url.rsplit_once('/') {
        let admin = format!("{prefix}/postgres");
        let _ = std::process::Command::new("psql")
            .args([
                admin.as_str(),
                "-qc",
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            ])
            .output();
    }
}

#[tokio::test]
async fn two_instances_share_votes_locks_and_snapshots() {
    let Some(database) = fresh_database().await else {
        return;
    };
    let config = Config {
        database: database.clone(),
        analysis_enabled: false,
        ..Config::for_tests()
    };
    let first = spawn_app_on(config.clone()).await;
    let second = spawn_app_on(config).await;
    seed_convenor(&first).await;
    first.login_as_convenor().await;
    second.login_as_convenor().await;
    let dialogue = first.create_standard_dialogue().await;

    // Participants vote through both instances.
    for index in 0..6 {
        let app = if index % 2 == 0 { &first } else { &second };
        let participant = app.join(dialogue, &["resident"]).await;
        loop {
            let next = app.next(dialogue, &participant).await;
            if next.status == StatusCode::NO_CONTENT {
                break;
            }
            let statement = next.body["statement"]["id"].as_i64().unwrap();
            let vote = if index % 3 == 0 { "disagree" } else { "agree" };
            assert_eq!(
                app.vote(dialogue, &participant, statement, vote)
                    .await
                    .status,
                StatusCode::OK
            );
        }
    }

    // While one instance holds the analysis lock, the other cannot compute.
    let held = first
        .state
        .store()
        .try_lock_analysis(model::DialogueId(dialogue))
        .await
        .unwrap()
        .expect("the lock is free");
    assert_eq!(second.recompute_now(dialogue).await, RunOutcome::Busy);
    held.release().await.unwrap();

    assert_eq!(second.recompute_now(dialogue).await, RunOutcome::Computed);
    let from_first = first.analysis(dialogue).await;
    let from_second = second.analysis(dialogue).await;
    assert_eq!(from_first.status, StatusCode::OK);
    assert_eq!(from_first.body["n_votes"], 18);
    assert_eq!(from_first.body, from_second.body);

    // Both racing to recompute: exactly one computes, the other is busy or finds it current.
    let late = first.join(dialogue, &["GP"]).await;
    let statement = first.next(dialogue, &late).await.body["statement"]["id"]
        .as_i64()
        .unwrap();
    first.vote(dialogue, &late, statement, "agree").await;
    let (a, b) = tokio::join!(
        first.recompute_now(dialogue),
        second.recompute_now(dialogue)
    );
    let computed = [a, b]
        .iter()
        .filter(|outcome| **outcome == RunOutcome::Computed)
        .count();
    assert!(computed >= 1, "{a:?} {b:?}");
    assert_eq!(second.analysis(dialogue).await.body["n_votes"], 19);
    drop_database(&database);
}
