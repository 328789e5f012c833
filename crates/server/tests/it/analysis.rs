//! The background analysis: votes lead to a stored snapshot without any request waiting for it,
//! and the next recompute warm-starts from the stored state.

use std::time::Duration;

use reqwest::StatusCode;
use server::analysis::RunOutcome;

use crate::support::{TestApp, spawn_app, spawn_app_with_background_analysis};

async fn voted_dialogue(app: &TestApp, n_participants: usize) -> i64 {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let statements: Vec<i64> = app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect();
    for index in 0..n_participants {
        let participant = app.join(dialogue, &["resident"]).await;
        for (position, statement) in statements.iter().enumerate() {
            let vote = if (index + position) % 3 == 0 {
                "disagree"
            } else {
                "agree"
            };
            let answer = app.vote(dialogue, &participant, *statement, vote).await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
        }
    }
    dialogue
}

#[tokio::test]
async fn votes_lead_to_a_stored_analysis_in_the_background() {
    let app = spawn_app_with_background_analysis().await;
    let mut finished = app.state.analysis().subscribe().expect("analysis runs");
    let dialogue = voted_dialogue(&app, 8).await;
    // Wait, with a bound, until a run has seen all 24 votes: no fixed sleeps.
    let outcome = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let (finished_dialogue, outcome) = finished.recv().await.expect("scheduler runs");
            let answer = app.analysis(dialogue).await;
            if finished_dialogue.get() == dialogue
                && answer.status == StatusCode::OK
                && answer.body["n_votes"] == 24
            {
                return (outcome, answer);
            }
        }
    })
    .await
    .expect("the analysis appears within a minute");
    assert_ne!(outcome.0, RunOutcome::Failed);
    assert_eq!(outcome.1.body["input"]["votes"], 24);
}

#[tokio::test]
async fn a_current_snapshot_is_not_recomputed_and_a_new_vote_makes_it_stale() {
    let app = spawn_app().await;
    let dialogue = voted_dialogue(&app, 6).await;
    assert_eq!(app.analysis(dialogue).await.code(), "analysis_not_ready");
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let first = app.analysis(dialogue).await;
    assert_eq!(first.body["n_votes"], 18);
    assert_eq!(first.body["dialogue"]["continues_polis_state"], false);
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::UpToDate);

    let late = app.join(dialogue, &["GP"]).await;
    let statement = app.next(dialogue, &late).await.body["statement"]["id"]
        .as_i64()
        .unwrap();
    app.vote(dialogue, &late, statement, "agree").await;
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let second = app.analysis(dialogue).await;
    assert_eq!(second.body["n_votes"], 19);
    // The second run started from the state the first one stored.
    assert_eq!(second.body["dialogue"]["continues_polis_state"], true);
    let snapshot = app
        .state
        .store()
        .load_snapshot(model::DialogueId(dialogue))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(snapshot.version, 2);
    assert!(server::analysis::state_json::decode(&snapshot.engine_state).is_some());
}

#[tokio::test]
async fn a_convenors_only_report_needs_a_convenor_session() {
    let app = spawn_app().await;
    let dialogue = voted_dialogue(&app, 3).await;
    app.update_dialogue(
        dialogue,
        &serde_json::json!({"report_visibility": "convenors"}),
    )
    .await;
    app.recompute_now(dialogue).await;
    assert_eq!(app.analysis(dialogue).await.status, StatusCode::OK);
    let public = app
        .anonymous
        .get(app.url(&format!("/api/dialogues/{dialogue}/analysis")))
        .send()
        .await
        .unwrap();
    assert_eq!(public.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.request_recompute(dialogue).await.status,
        StatusCode::ACCEPTED
    );
}
