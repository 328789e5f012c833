//! The whole path: a convenor creates a dialogue, participants join, vote and write statements,
//! the convenor moderates, and the analysis appears.

use reqwest::StatusCode;
use serde_json::json;

use crate::support::spawn_app;

#[tokio::test]
async fn a_dialogue_goes_from_creation_to_analysis() {
    let app = spawn_app().await;
    assert_eq!(app.health().await.status, StatusCode::OK);
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;

    let view = app.get_dialogue(dialogue).await;
    assert_eq!(view.status, StatusCode::OK);
    assert_eq!(view.body["title"], "Our parks");
    assert_eq!(view.body["constituencies"][1]["name"], "GP");
    assert_eq!(view.body["is_closed"], false);

    // Twelve participants in two camps vote on every seed statement.
    let mut participants = Vec::new();
    for index in 0..12 {
        let constituency = if index % 3 == 0 { "GP" } else { "resident" };
        participants.push(app.join(dialogue, &[constituency]).await);
    }
    for (index, participant) in participants.iter().enumerate() {
        let mut seen = Vec::new();
        loop {
            let next = app.next(dialogue, participant).await;
            if next.status == StatusCode::NO_CONTENT {
                break;
            }
            assert_eq!(next.status, StatusCode::OK, "{next:?}");
            let statement = next.body["statement"]["id"].as_i64().unwrap();
            assert!(
                !seen.contains(&statement),
                "statement {statement} offered twice"
            );
            seen.push(statement);
            let vote = if (index + seen.len()) % 2 == 0 {
                "agree"
            } else {
                "disagree"
            };
            let answer = app.vote(dialogue, participant, statement, vote).await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
            assert_eq!(answer.body["outcome"], "recorded");
        }
        assert_eq!(seen.len(), 3);
    }
    assert_eq!(app.vote_counts(dialogue).await.votes, 36);

    // A participant writes a statement; under post-moderation it is shown at once.
    let written = app
        .submit_statement(
            dialogue,
            &participants[0],
            "Shade trees over the playgrounds",
        )
        .await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    assert_eq!(written.body["status"], "pending");
    let written_id = written.body["id"].as_i64().unwrap();
    let next = app.next(dialogue, &participants[1]).await;
    assert_eq!(next.body["statement"]["id"], written_id);

    // A duplicate is refused with the existing statement's id.
    let duplicate = app
        .submit_statement(
            dialogue,
            &participants[2],
            "shade trees over the  playgrounds!",
        )
        .await;
    assert_eq!(duplicate.status, StatusCode::CONFLICT);
    assert_eq!(duplicate.code(), "duplicate_statement");
    assert_eq!(duplicate.body["error"]["statement_id"], written_id);

    // The convenor finds it in the pending list and rejects it; nobody is offered it again.
    let pending = app.list_statements(dialogue, "?status=pending").await;
    assert_eq!(pending.status, StatusCode::OK, "{pending:?}");
    let pending_ids: Vec<i64> = pending.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect();
    assert_eq!(pending_ids, vec![written_id]);
    let rejected = app.moderate_one(dialogue, written_id, "rejected").await;
    assert_eq!(rejected.status, StatusCode::OK, "{rejected:?}");
    assert_eq!(rejected.body["status"], "rejected");
    assert_eq!(
        app.next(dialogue, &participants[1]).await.status,
        StatusCode::NO_CONTENT
    );

    // A second vote replaces the first; the history keeps both.
    let first_statement = app
        .list_statements(dialogue, "?status=accepted&limit=1")
        .await;
    let first_id = first_statement.body["statements"][0]["id"]
        .as_i64()
        .unwrap();
    assert!(first_statement.body["next_after"].is_i64());
    let changed = app.vote(dialogue, &participants[0], first_id, "pass").await;
    assert_eq!(changed.body["outcome"], "changed");
    let counts = app.vote_counts(dialogue).await;
    // 36 votes, and the author's agreement recorded with the statement they wrote.
    assert_eq!((counts.votes, counts.vote_events), (37, 38));

    // The analysis appears and serves the snapshot with its time and vote count.
    assert_eq!(
        app.recompute_now(dialogue).await,
        server::analysis::RunOutcome::Computed
    );
    let analysis = app.analysis(dialogue).await;
    assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
    assert_eq!(analysis.body["n_votes"], 37);
    assert!(
        analysis.body["computed_at"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
    let statements = analysis.body["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 4);
    assert_eq!(
        analysis.body["voice"]["constituencies"][0]["name"],
        "resident"
    );
    assert_eq!(analysis.body["format"], "commonground-analysis");
    assert_eq!(analysis.body["dialogue"]["topic"], "Our parks");

    // Closing stops votes; reopening allows them again.
    assert_eq!(app.close(dialogue).await.body["is_closed"], true);
    let refused = app
        .vote(dialogue, &participants[3], first_id, "agree")
        .await;
    assert_eq!(refused.code(), "dialogue_closed");
    assert_eq!(app.reopen(dialogue).await.body["is_closed"], false);
    let accepted = app
        .vote(dialogue, &participants[3], first_id, "agree")
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
}

#[tokio::test]
async fn pre_moderated_statements_wait_for_acceptance() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let created = app
        .create_dialogue(&json!({
            "title": "Clinic hours",
            "question": "When should the clinic open?",
            "moderation": "pre",
        }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    assert!(
        created.body["participant_url"]
            .as_str()
            .unwrap()
            .contains("/d/")
    );
    let dialogue = created.body["id"].as_i64().unwrap();
    let author = app.join(dialogue, &[]).await;
    let reader = app.join(dialogue, &[]).await;
    let written = app
        .submit_statement(dialogue, &author, "Open on Saturday mornings")
        .await;
    let statement = written.body["id"].as_i64().unwrap();
    assert_eq!(
        app.next(dialogue, &reader).await.status,
        StatusCode::NO_CONTENT
    );
    let refused = app.vote(dialogue, &reader, statement, "agree").await;
    assert_eq!(refused.code(), "statement_not_votable");

    let moderated = app.moderate_many(dialogue, &[statement], "accepted").await;
    assert_eq!(moderated.status, StatusCode::OK, "{moderated:?}");
    assert_eq!(moderated.body["updated"], 1);
    assert_eq!(
        app.next(dialogue, &reader).await.body["statement"]["id"],
        statement
    );
    assert_eq!(
        app.vote(dialogue, &reader, statement, "agree").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_retried_vote_with_its_idempotency_key_counts_once() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let participant = app.join(dialogue, &["resident"]).await;
    let statement = app.next(dialogue, &participant).await.body["statement"]["id"]
        .as_i64()
        .unwrap();
    let body = json!({ "statement_id": statement, "vote": "agree", "idempotency_key": "k-1" });
    let first = app.vote_raw(dialogue, &participant.token, &body).await;
    let retry = app.vote_raw(dialogue, &participant.token, &body).await;
    assert_eq!(first.body["outcome"], "recorded");
    assert_eq!(retry.body["outcome"], "replayed");
    assert_eq!(app.vote_counts(dialogue).await.vote_events, 1);
    let reused = app
        .vote_raw(
            dialogue,
            &participant.token,
            &json!({ "statement_id": statement, "vote": "disagree", "idempotency_key": "k-1" }),
        )
        .await;
    assert_eq!(reused.code(), "idempotency_key_reused");
}

#[tokio::test]
async fn sessions_end_on_logout_and_settings_change() {
    let app = spawn_app().await;
    let wrong = app.login("convenor@example.org", "not the password").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.code(), "invalid_credentials");
    app.login_as_convenor().await;
    let me = app.get("/api/session").await;
    assert_eq!(me.body["email"], "convenor@example.org");
    assert_eq!(me.body["partnerships"][0]["name"], "Healthy Town");
    let dialogue = app.create_standard_dialogue().await;
    let updated = app
        .update_dialogue(
            dialogue,
            &json!({ "title": "Parks and paths", "participant_statements": false }),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{updated:?}");
    assert_eq!(updated.body["title"], "Parks and paths");
    assert_eq!(
        updated.body["question"],
        "What would make the parks better for health?"
    );
    let participant = app.join(dialogue, &[]).await;
    let refused = app
        .submit_statement(dialogue, &participant, "More bins")
        .await;
    assert_eq!(refused.code(), "statements_disabled");

    assert_eq!(app.logout().await.status, StatusCode::NO_CONTENT);
    let after = app.get("/api/session").await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
    assert_eq!(after.code(), "unauthenticated");
    let list = app.get("/api/dialogues").await;
    assert_eq!(list.code(), "unauthenticated");
}

#[tokio::test]
async fn a_dialogue_belongs_to_the_partnership_it_names() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let store = app.state.store();
    let first = store.list_partnerships().await.unwrap()[0].id;
    let dialogue = json!({ "title": "Clean air", "question": "How do we get cleaner air?" });

    // With one partnership, partnership_id may be left out.
    let created = app.create_dialogue(&dialogue).await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let view = app.get_dialogue(created.body["id"].as_i64().unwrap()).await;
    assert_eq!(view.body["partnership_id"], first.get());

    // A second partnership makes leaving it out an error that names the field.
    let second = store
        .create_partnership(store::NewPartnership {
            name: model::PartnershipName::parse("Clean Air Alliance").unwrap(),
            purpose: model::Purpose::parse("").unwrap(),
            created_at: 0,
            convenor: None,
        })
        .await
        .unwrap();
    let convenor = store
        .find_convenor_by_email(&model::Email::parse(crate::support::CONVENOR_EMAIL).unwrap())
        .await
        .unwrap()
        .unwrap();
    store
        .add_partnership_member(second.id, convenor.convenor.id)
        .await
        .unwrap();
    let count_before = store.list_dialogues(second.id).await.unwrap().len();
    let ambiguous = app.create_dialogue(&dialogue).await;
    assert_eq!(ambiguous.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(ambiguous.code(), "validation_failed");
    let message = ambiguous.body["error"]["message"].as_str().unwrap();
    assert!(message.contains("partnership_id"), "{message}");

    // Named, the dialogue goes to that partnership.
    let mut named = dialogue.clone();
    named["partnership_id"] = json!(second.id.get());
    let created = app.create_dialogue(&named).await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let view = app.get_dialogue(created.body["id"].as_i64().unwrap()).await;
    assert_eq!(view.body["partnership_id"], second.id.get());
    assert_eq!(
        store.list_dialogues(second.id).await.unwrap().len(),
        count_before + 1
    );

    // A partnership the convenor does not convene is refused, and nothing is created.
    let other = store
        .create_partnership(store::NewPartnership {
            name: model::PartnershipName::parse("Elsewhere").unwrap(),
            purpose: model::Purpose::parse("").unwrap(),
            created_at: 0,
            convenor: None,
        })
        .await
        .unwrap();
    let mut foreign = dialogue.clone();
    foreign["partnership_id"] = json!(other.id.get());
    let refused = app.create_dialogue(&foreign).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.code(), "forbidden");
    assert!(store.list_dialogues(other.id).await.unwrap().is_empty());
}
