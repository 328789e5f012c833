//! Rate limits: a participant who acts faster than allowed gets `429` with `Retry-After`, and
//! the refused vote or statement is not stored.

use reqwest::StatusCode;
use server::config::Config;
use server::rate_limit::RateLimit;

use crate::helpers::{TestApp, seed_convenor, spawn_app_on};

async fn strict_app() -> (TestApp, tempfile::TempDir, i64) {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let app = spawn_app_on(Config {
        database: format!("sqlite:{}", data_dir.path().join("test.db").display()),
        analysis_enabled: false,
        vote_rate: RateLimit {
            burst: 2,
            per_minute: 1,
        },
        statement_rate: RateLimit {
            burst: 1,
            per_minute: 1,
        },
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    (app, data_dir, dialogue)
}

async fn statements(app: &TestApp, dialogue: i64) -> Vec<i64> {
    let page = app.list_statements(dialogue, "").await;
    page.body["statements"]
        .as_array()
        .expect("a statement list")
        .iter()
        .map(|statement| statement["id"].as_i64().expect("an id"))
        .collect()
}

#[tokio::test]
async fn votes_beyond_the_allowance_are_refused_with_retry_after_and_not_stored() {
    let (app, _data_dir, dialogue) = strict_app().await;
    let ids = statements(&app, dialogue).await;
    let someone = app.join(dialogue, &[]).await;
    assert_eq!(
        app.vote(dialogue, &someone, ids[0], "agree").await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.vote(dialogue, &someone, ids[1], "agree").await.status,
        StatusCode::OK
    );

    let refused = app.vote(dialogue, &someone, ids[2], "agree").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "{refused:?}");
    assert_eq!(refused.code(), "rate_limited");
    let retry_after: u64 = refused.headers["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("whole seconds");
    assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
    assert_eq!(app.vote_counts(dialogue).await.vote_events, 2);

    // Another participant has an allowance of their own.
    let someone_else = app.join(dialogue, &[]).await;
    let answer = app.vote(dialogue, &someone_else, ids[2], "disagree").await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(app.vote_counts(dialogue).await.vote_events, 3);
}

#[tokio::test]
async fn statements_beyond_the_allowance_are_refused_and_not_stored() {
    let (app, _data_dir, dialogue) = strict_app().await;
    let before = statements(&app, dialogue).await.len();
    let someone = app.join(dialogue, &[]).await;
    let first = app
        .submit_statement(dialogue, &someone, "Shade over the playgrounds")
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{first:?}");
    let second = app
        .submit_statement(dialogue, &someone, "Drinking fountains by the paths")
        .await;
    assert_eq!(second.status, StatusCode::TOO_MANY_REQUESTS, "{second:?}");
    assert_eq!(second.code(), "rate_limited");
    assert!(second.headers.contains_key("retry-after"));
    assert_eq!(statements(&app, dialogue).await.len(), before + 1);
}
