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

/// Escapes text as the page templates do.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

/// Replaces the dialogue's latest snapshot with one whose document is `result_json`.
async fn store_document(app: &TestApp, dialogue: i64, result_json: String) {
    let store = app.state.store();
    let id = model::DialogueId(dialogue);
    let latest = store.load_snapshot(id).await.unwrap();
    store
        .save_snapshot(store::NewSnapshot {
            dialogue: id,
            revision: store.dialogue_revision(id).await.unwrap(),
            computed_at: latest.as_ref().map_or(0, |snapshot| snapshot.computed_at),
            n_votes: latest.as_ref().map_or(0, |snapshot| snapshot.n_votes),
            result_json,
            engine_state: latest
                .map(|snapshot| snapshot.engine_state)
                .unwrap_or_default(),
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn the_report_page_is_drawn_from_the_stored_document() {
    let app = spawn_app().await;
    let dialogue = voted_dialogue(&app, 6).await;
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let document = app.analysis(dialogue).await.body;
    let page = app
        .anonymous
        .get(app.url(&format!("/d/{dialogue}/report")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    // Every statement is in the grid, linked to its detail page, which gives its reason and
    // its disagree count.
    for statement in document["statements"].as_array().unwrap() {
        let ground = &statement["common_ground"];
        let detail = format!("/d/{dialogue}/report/statements/{}", statement["id"]);
        assert!(html.contains(&escaped(&detail)), "{detail} is not linked");
        let page = app
            .anonymous
            .get(app.url(&detail))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let counts = format!(
            "{} agree, {} disagree, {} pass",
            ground["overall"]["agree"], ground["overall"]["disagree"], ground["overall"]["pass"]
        );
        assert!(page.contains(&counts), "{counts} is not on {detail}");
        // The reason is worded from the stored verdict, in the reader's language.
        let standing = ground["standing"]["kind"].as_str().unwrap();
        let words = match standing {
            "common_ground" => "Agreed by",
            "below_threshold" => "Divided: in",
            "too_few_votes" => "Too few votes:",
            "provisional" => "Provisional: agreed by",
            "negative_bridging" => "the bridging score is negative",
            "no_groups_or_constituencies" => "no opinion groups or constituencies to compare",
            other => panic!("{other} is not a standing"),
        };
        assert!(
            page.contains(words),
            "{standing}: {words} is not on {detail}"
        );
    }
    assert!(html.contains("Voice audit"));
    assert!(html.contains("resident"));
}

#[tokio::test]
async fn a_stored_document_with_a_renamed_field_is_refused_not_shown_blank() {
    let app = spawn_app().await;
    let dialogue = voted_dialogue(&app, 6).await;
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let stored = app
        .state
        .store()
        .load_snapshot(model::DialogueId(dialogue))
        .await
        .unwrap()
        .unwrap()
        .result_json;
    assert!(server::report::document::read(&stored).is_ok());
    for broken in [
        stored.replace("\"reason\":", "\"explanation\":"),
        stored.replace("\"n_common_ground\":", "\"common_ground_count\":"),
        // Missing fields, one that may be null among them, are refused as well.
        stored.replace("\"is_meta\":false,", ""),
        stored.replace("\"author\":null,", ""),
    ] {
        assert_ne!(broken, stored);
        let error = server::report::document::read(&broken).unwrap_err();
        assert!(error.to_string().contains("field `"), "{error}");
        store_document(&app, dialogue, broken).await;
        let answer = app.analysis(dialogue).await;
        assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(answer.code(), "internal");
        let page = app
            .anonymous
            .get(app.url(&format!("/d/{dialogue}/report")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!page.text().await.unwrap().contains("Voice audit"));
    }
}

#[tokio::test]
async fn an_analysis_stored_in_an_earlier_format_is_not_served_and_is_recomputed() {
    let app = spawn_app().await;
    let dialogue = voted_dialogue(&app, 6).await;
    store_document(
        &app,
        dialogue,
        r#"{"format":"commonground-analysis","version":1,"statements":[{"id":0,"priority":1.5}]}"#
            .to_owned(),
    )
    .await;
    let answer = app.analysis(dialogue).await;
    assert_eq!(answer.code(), "analysis_not_ready", "{answer:?}");
    let page = app
        .anonymous
        .get(app.url(&format!("/d/{dialogue}/report")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    // This instance holds no routing data yet, so the recompute runs although the snapshot's
    // revision is current, as after the upgrade that brings a new format.
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let answer = app.analysis(dialogue).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["version"], 3);
    assert!(answer.body["statements"][0]["routing_priority"].is_number());
}

#[tokio::test]
async fn the_convenor_chooses_the_weighting_and_the_analysis_uses_it() {
    let app = spawn_app().await;
    let dialogue = voted_dialogue(&app, 6).await;
    let fresh = app.get_dialogue(dialogue).await;
    assert_eq!(fresh.body["weighting"], "default");
    assert_eq!(fresh.body["population_shares"], serde_json::json!({}));

    let refused = app
        .update_dialogue(
            dialogue,
            &serde_json::json!({"weighting": "frame", "population_shares": {"resident": 1.5}}),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert_eq!(refused.code(), "validation_failed");
    let unknown = app
        .update_dialogue(
            dialogue,
            &serde_json::json!({"population_shares": {"nurses": 0.2}}),
        )
        .await;
    assert_eq!(
        unknown.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{unknown:?}"
    );
    assert_eq!(
        app.get_dialogue(dialogue).await.body["weighting"],
        "default"
    );

    let updated = app
        .update_dialogue(
            dialogue,
            &serde_json::json!({
                "weighting": "frame",
                "population_shares": {"resident": 0.9, "GP": 0.1}
            }),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{updated:?}");
    assert_eq!(updated.body["weighting"], "frame");
    assert_eq!(updated.body["population_shares"]["resident"], 0.9);

    assert_ne!(app.recompute_now(dialogue).await, RunOutcome::Failed);
    let analysis = app.analysis(dialogue).await;
    assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
    assert_eq!(analysis.body["weighting"]["method"], "frame");
    let residents = &analysis.body["voice"]["constituencies"][0];
    assert_eq!(residents["population_share"], 0.9);

    let report = app.get(&format!("/d/{dialogue}/report")).await;
    let page = String::from_utf8_lossy(&report.bytes);
    assert!(page.contains("Weighting: population frame."), "{page}");

    let head_count = app
        .update_dialogue(dialogue, &serde_json::json!({"weighting": "head_count"}))
        .await;
    assert_eq!(head_count.body["weighting"], "head_count");
    // The shares stay for later.
    assert_eq!(head_count.body["population_shares"]["GP"], 0.1);
}
