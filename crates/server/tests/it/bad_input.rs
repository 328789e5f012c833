//! Client mistakes: each is a 4xx with its code from the error table, and nothing is stored.

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{TestApp, spawn_app};

async fn app_with_dialogue() -> (TestApp, i64) {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    (app, dialogue)
}

async fn first_statement(app: &TestApp, dialogue: i64) -> i64 {
    let page = app.list_statements(dialogue, "?limit=1").await;
    page.body["statements"][0]["id"].as_i64().unwrap()
}

#[tokio::test]
async fn malformed_and_mistyped_bodies_are_refused_with_their_codes() {
    let (app, dialogue) = app_with_dialogue().await;
    let participant = app.join(dialogue, &[]).await;
    let statement = first_statement(&app, dialogue).await;
    let url = app.url(&format!("/api/dialogues/{dialogue}/votes"));
    let cases = [
        (
            "{\"statement_id\": ",
            "application/json",
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            "{\"statement_id\": \"one\", \"vote\": \"agree\"}",
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            "{\"statement_id\": 1, \"vote\": \"maybe\"}",
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            "{\"statement_id\": 1, \"vote\": \"agree\", \"extra\": 1}",
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
        ),
        (
            "statement_id=1",
            "application/x-www-form-urlencoded",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
    ];
    for (body, content_type, status, code) in cases {
        let response = app
            .anonymous
            .post(&url)
            .bearer_auth(&participant.token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{body}");
        let json: serde_json::Value = response.json().await.unwrap();
        assert_eq!(json["error"]["code"], code, "{body}");
        assert!(!json["error"]["message"].as_str().unwrap().is_empty());
    }
    let empty_key = app
        .vote_raw(
            dialogue,
            &participant.token,
            &json!({"statement_id": statement, "vote": "agree", "idempotency_key": ""}),
        )
        .await;
    assert_eq!(empty_key.code(), "validation_failed");
    assert_eq!(app.vote_counts(dialogue).await.vote_events, 0);
}

#[tokio::test]
async fn oversize_bodies_are_refused_before_they_are_read() {
    let (app, dialogue) = app_with_dialogue().await;
    let participant = app.join(dialogue, &[]).await;
    let huge = "x".repeat(100 * 1024);
    let answer = app.submit_statement(dialogue, &participant, &huge).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE, "{answer:?}");
    assert_eq!(answer.code(), "payload_too_large");
    let too_long = app
        .submit_statement(dialogue, &participant, &"y".repeat(281))
        .await;
    assert_eq!(too_long.code(), "validation_failed");
    let pending = app.list_statements(dialogue, "?status=pending").await;
    assert_eq!(pending.body["statements"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn unknown_ids_and_routes_are_404_with_distinct_codes() {
    let (app, dialogue) = app_with_dialogue().await;
    let participant = app.join(dialogue, &[]).await;
    assert_eq!(app.get_dialogue(999_999).await.code(), "dialogue_not_found");
    assert_eq!(app.get("/api/dialogues/abc").await.code(), "invalid_path");
    assert_eq!(app.get("/api/nothing-here").await.code(), "route_not_found");
    let wrong_method = app
        .send_delete(&format!("/api/dialogues/{dialogue}/votes"))
        .await;
    assert_eq!(
        wrong_method,
        (
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed".to_owned()
        )
    );
    let unknown = app.vote(dialogue, &participant, 999_999, "agree").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), "statement_not_found");
    assert_eq!(app.analysis(dialogue).await.code(), "analysis_not_ready");
    assert_eq!(app.analysis(999_999).await.code(), "dialogue_not_found");
    let bad_constituency = app
        .join_raw(dialogue, &json!({"constituencies": ["astronaut"]}))
        .await;
    assert_eq!(bad_constituency.code(), "constituency_not_found");
    assert_eq!(app.vote_counts(dialogue).await.participants, 1);
    assert_eq!(
        app.list_statements(dialogue, "?limit=0").await.code(),
        "validation_failed"
    );
    assert_eq!(
        app.list_statements(dialogue, "?status=lost").await.code(),
        "invalid_query"
    );
}

#[tokio::test]
async fn tokens_act_only_for_their_own_participant_and_dialogue() {
    let (app, dialogue) = app_with_dialogue().await;
    let other_dialogue = app.create_standard_dialogue().await;
    let outsider = app.join(other_dialogue, &[]).await;
    let statement = first_statement(&app, dialogue).await;

    let foreign = app.vote(dialogue, &outsider, statement, "agree").await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    assert_eq!(foreign.code(), "forbidden");
    let forged = app
        .vote_raw(
            dialogue,
            &"0".repeat(64),
            &json!({"statement_id": statement, "vote": "agree"}),
        )
        .await;
    assert_eq!(forged.code(), "unauthenticated");
    let missing = app
        .vote_raw(
            dialogue,
            "not-a-token",
            &json!({"statement_id": statement, "vote": "agree"}),
        )
        .await;
    assert_eq!(missing.code(), "unauthenticated");
    // A statement of the other dialogue cannot be voted on from this one.
    let insider = app.join(dialogue, &[]).await;
    let elsewhere = first_statement(&app, other_dialogue).await;
    assert_eq!(
        app.vote(dialogue, &insider, elsewhere, "agree")
            .await
            .code(),
        "statement_not_found"
    );
    assert_eq!(app.vote_counts(dialogue).await.vote_events, 0);
    assert_eq!(app.vote_counts(other_dialogue).await.vote_events, 0);
}

#[tokio::test]
async fn votes_on_closed_dialogues_and_rejected_statements_are_refused() {
    let (app, dialogue) = app_with_dialogue().await;
    let participant = app.join(dialogue, &[]).await;
    let statement = first_statement(&app, dialogue).await;
    assert_eq!(
        app.moderate_one(dialogue, statement, "rejected")
            .await
            .status,
        StatusCode::OK
    );
    let rejected = app.vote(dialogue, &participant, statement, "agree").await;
    assert_eq!(rejected.status, StatusCode::CONFLICT);
    assert_eq!(rejected.code(), "statement_not_votable");
    app.moderate_one(dialogue, statement, "accepted").await;
    app.close(dialogue).await;
    assert_eq!(
        app.vote(dialogue, &participant, statement, "agree")
            .await
            .code(),
        "dialogue_closed"
    );
    assert_eq!(
        app.submit_statement(dialogue, &participant, "Later")
            .await
            .code(),
        "dialogue_closed"
    );
    assert_eq!(
        app.join_raw(dialogue, &json!({})).await.code(),
        "dialogue_closed"
    );
    assert_eq!(app.vote_counts(dialogue).await.vote_events, 0);
}

#[tokio::test]
async fn convenor_routes_need_a_session_of_the_owning_partnership() {
    let (app, dialogue) = app_with_dialogue().await;
    app.logout().await;
    assert_eq!(app.close(dialogue).await.code(), "unauthenticated");
    assert_eq!(
        app.list_statements(dialogue, "").await.code(),
        "unauthenticated"
    );
    assert_eq!(app.export(dialogue, "json").await.code(), "unauthenticated");
    let created = app
        .create_dialogue(&json!({"title": "x", "question": "y"}))
        .await;
    assert_eq!(created.code(), "unauthenticated");
    app.login_as_convenor().await;
    let empty_title = app
        .create_dialogue(&json!({"title": "  ", "question": "y"}))
        .await;
    assert_eq!(empty_title.code(), "validation_failed");
    let bad_share = app
        .create_dialogue(&json!({"title": "x", "question": "y", "constituencies": [{"name": "a", "expected_share": 2.0}]}))
        .await;
    assert_eq!(bad_share.code(), "validation_failed");
    let other_partnership = app
        .create_dialogue(&json!({"title": "x", "question": "y", "partnership_id": 424242}))
        .await;
    assert_eq!(other_partnership.code(), "forbidden");
    assert_eq!(
        app.get("/api/dialogues")
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn internal_errors_are_not_used_for_client_mistakes() {
    let (app, dialogue) = app_with_dialogue().await;
    let answer = app
        .get(&format!("/api/dialogues/{dialogue}/export/passwords.csv"))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.code(), "not_found");
    assert!(answer.headers.contains_key("x-request-id"));
}
