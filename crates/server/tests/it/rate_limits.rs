//! Rate limits and allowances: a participant, an address or an email that acts faster than
//! allowed gets `429` with `Retry-After`, and the refused vote, statement or participant is not
//! stored.

use reqwest::StatusCode;
use server::config::Config;
use server::rate_limit::RateLimit;

use crate::support::{CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, seed_convenor, spawn_app_on};

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

/// An instance whose only tight limits are the ones a test sets.
async fn app_with(config: Config) -> (TestApp, tempfile::TempDir, i64) {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let app = spawn_app_on(Config {
        database: format!("sqlite:{}", data_dir.path().join("test.db").display()),
        analysis_enabled: false,
        ..config
    })
    .await;
    seed_convenor(&app).await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    (app, data_dir, dialogue)
}

async fn participant_count(app: &TestApp, dialogue: i64) -> u64 {
    app.vote_counts(dialogue).await.participants
}

async fn join_from(app: &TestApp, dialogue: i64, forwarded_for: Option<&str>) -> reqwest::Response {
    let mut request = app
        .anonymous
        .post(app.url(&format!("/api/dialogues/{dialogue}/participants")))
        .json(&serde_json::json!({}));
    if let Some(address) = forwarded_for {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.expect("request sent")
}

#[tokio::test]
async fn one_address_cannot_mint_participants_beyond_its_allowance() {
    let (app, _data_dir, dialogue) = app_with(Config {
        address_join_rate: RateLimit {
            burst: 2,
            per_minute: 1,
        },
        ..Config::for_tests()
    })
    .await;
    for _ in 0..2 {
        assert_eq!(
            join_from(&app, dialogue, None).await.status(),
            StatusCode::CREATED
        );
    }
    let refused = join_from(&app, dialogue, None).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
    let body: serde_json::Value = refused.json().await.expect("json");
    assert_eq!(body["error"]["code"], "rate_limited");
    assert_eq!(participant_count(&app, dialogue).await, 2);

    // A header naming another address changes nothing unless a proxy is trusted.
    let spoofed = join_from(&app, dialogue, Some("203.0.113.50")).await;
    assert_eq!(spoofed.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(participant_count(&app, dialogue).await, 2);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_address_has_its_own_allowance() {
    let (app, _data_dir, dialogue) = app_with(Config {
        address_join_rate: RateLimit {
            burst: 1,
            per_minute: 1,
        },
        trust_forwarded_for: true,
        ..Config::for_tests()
    })
    .await;
    let first = join_from(&app, dialogue, Some("198.51.100.1")).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let again = join_from(&app, dialogue, Some("198.51.100.1")).await;
    assert_eq!(again.status(), StatusCode::TOO_MANY_REQUESTS);
    let other = join_from(&app, dialogue, Some("198.51.100.2")).await;
    assert_eq!(other.status(), StatusCode::CREATED);
    // A client-written entry before the proxy's own is ignored.
    let forged = join_from(&app, dialogue, Some("198.51.100.9, 198.51.100.1")).await;
    assert_eq!(forged.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(participant_count(&app, dialogue).await, 2);
}

#[tokio::test]
async fn votes_from_one_address_share_an_allowance_across_participants() {
    let (app, _data_dir, dialogue) = app_with(Config {
        address_vote_rate: RateLimit {
            burst: 3,
            per_minute: 1,
        },
        ..Config::for_tests()
    })
    .await;
    let ids = statements(&app, dialogue).await;
    let one = app.join(dialogue, &[]).await;
    let two = app.join(dialogue, &[]).await;
    assert_eq!(
        app.vote(dialogue, &one, ids[0], "agree").await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.vote(dialogue, &one, ids[1], "agree").await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.vote(dialogue, &two, ids[0], "pass").await.status,
        StatusCode::OK
    );
    let refused = app.vote(dialogue, &two, ids[1], "disagree").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "{refused:?}");
    assert_eq!(refused.code(), "rate_limited");
    assert_eq!(app.vote_counts(dialogue).await.vote_events, 3);
}

#[tokio::test]
async fn a_participant_may_write_only_so_many_statements() {
    let (app, _data_dir, dialogue) = app_with(Config {
        max_statements_per_participant: 2,
        ..Config::for_tests()
    })
    .await;
    let before = statements(&app, dialogue).await.len();
    let someone = app.join(dialogue, &[]).await;
    for text in ["Shade over the playgrounds", "Lights on the canal path"] {
        let written = app.submit_statement(dialogue, &someone, text).await;
        assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    }
    let third = app
        .submit_statement(dialogue, &someone, "Benches every hundred metres")
        .await;
    assert_eq!(third.status, StatusCode::CONFLICT, "{third:?}");
    assert_eq!(third.code(), "statement_limit_reached");
    assert_eq!(statements(&app, dialogue).await.len(), before + 2);

    // The allowance is per participant: someone else still has theirs.
    let someone_else = app.join(dialogue, &[]).await;
    let theirs = app
        .submit_statement(dialogue, &someone_else, "Benches every hundred metres")
        .await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{theirs:?}");
}

#[tokio::test]
async fn repeated_failed_sign_ins_lock_the_email_but_not_others() {
    let (app, _data_dir, _dialogue) = app_with(Config {
        login_failure_rate: RateLimit {
            burst: 3,
            per_minute: 1,
        },
        ..Config::for_tests()
    })
    .await;
    app.logout().await;
    for _ in 0..3 {
        let wrong = app.login(CONVENOR_EMAIL, "not the password at all").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{wrong:?}");
    }
    // Even the right password waits now: the attempt is refused before it is checked.
    let locked = app.login(CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS, "{locked:?}");
    assert_eq!(locked.code(), "rate_limited");
    assert!(locked.headers.contains_key("retry-after"));
    assert_eq!(
        app.get("/api/session").await.status,
        StatusCode::UNAUTHORIZED
    );
    // Case and spacing do not make a new email.
    let shouted = app
        .login(" CONVENOR@EXAMPLE.ORG ", "not the password at all")
        .await;
    assert_eq!(shouted.status, StatusCode::TOO_MANY_REQUESTS, "{shouted:?}");
    // Another account's failures are counted separately.
    let other = app
        .login("someone@example.org", "not the password at all")
        .await;
    assert_eq!(other.status, StatusCode::UNAUTHORIZED, "{other:?}");
}

#[tokio::test]
async fn one_address_may_try_to_sign_in_only_so_often() {
    let (app, _data_dir, _dialogue) = app_with(Config {
        login_address_rate: RateLimit {
            burst: 2,
            per_minute: 1,
        },
        ..Config::for_tests()
    })
    .await;
    // The set-up signed in once already.
    let wrong = app.login("a@example.org", "not the password at all").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{wrong:?}");
    let refused = app.login("b@example.org", "not the password at all").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "{refused:?}");
}

#[tokio::test]
async fn with_rate_limits_off_nothing_is_refused() {
    let (app, _data_dir, dialogue) = app_with(Config {
        rate_limits_enabled: false,
        vote_rate: RateLimit {
            burst: 1,
            per_minute: 1,
        },
        address_join_rate: RateLimit {
            burst: 1,
            per_minute: 1,
        },
        ..Config::for_tests()
    })
    .await;
    let ids = statements(&app, dialogue).await;
    let one = app.join(dialogue, &[]).await;
    let _two = app.join(dialogue, &[]).await;
    for id in &ids {
        let answer = app.vote(dialogue, &one, *id, "agree").await;
        assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    }
    assert_eq!(participant_count(&app, dialogue).await, 2);
}
