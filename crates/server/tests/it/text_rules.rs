//! Text that means something, through the API and the forms: text with no visible character and
//! text carrying direction overrides are refused with `validation_failed` and a message saying
//! why, nothing is stored, and accepted text is stored in Normalization Form C.

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{TestApp, spawn_app};

async fn dialogue_with_participant() -> (TestApp, i64, crate::support::Participant) {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let someone = app.join(dialogue, &[]).await;
    (app, dialogue, someone)
}

async fn statement_texts(app: &TestApp, dialogue: i64) -> Vec<String> {
    app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .expect("a statement list")
        .iter()
        .map(|statement| statement["text"].as_str().expect("text").to_owned())
        .collect()
}

#[tokio::test]
async fn invisible_and_disguised_statements_are_refused_with_a_reason() {
    let (app, dialogue, someone) = dialogue_with_participant().await;
    let before = statement_texts(&app, dialogue).await;
    let cases = [
        ("\u{200B}\u{200B}\u{200B}", "no visible character"),
        ("\u{301}\u{20DD}", "no visible character"),
        ("\u{3164}", "no visible character"),
        ("Pay \u{202E}001$\u{202C} now", "U+202E"),
        ("\u{2067}benches\u{2069}", "U+2067"),
    ];
    for (text, reason) in cases {
        let refused = app.submit_statement(dialogue, &someone, text).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{text:?}: {refused:?}"
        );
        assert_eq!(refused.code(), "validation_failed");
        let message = refused.body["error"]["message"].as_str().unwrap();
        assert!(message.contains(reason), "{text:?}: {message}");
        assert!(message.starts_with("statement text"), "{message}");
    }
    assert_eq!(statement_texts(&app, dialogue).await, before);

    // A convenor's titles and seed statements follow the same rules.
    let title = app
        .create_dialogue(&json!({
            "title": "\u{200B}",
            "question": "What would make the parks better?",
            "statements": ["More benches"],
        }))
        .await;
    assert_eq!(title.status, StatusCode::UNPROCESSABLE_ENTITY, "{title:?}");
    assert!(
        title.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("dialogue title has no visible character")
    );
}

#[tokio::test]
async fn statements_are_stored_composed_so_one_text_has_one_spelling() {
    let (app, dialogue, someone) = dialogue_with_participant().await;
    let decomposed = "Cafe\u{301} tables by the pond";
    let written = app.submit_statement(dialogue, &someone, decomposed).await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    assert_eq!(written.body["text"], "Caf\u{e9} tables by the pond");
    assert!(
        statement_texts(&app, dialogue)
            .await
            .contains(&"Caf\u{e9} tables by the pond".to_owned())
    );
    // The composed spelling is the same statement.
    let other = app.join(dialogue, &[]).await;
    let again = app
        .submit_statement(dialogue, &other, "Caf\u{e9} tables by the pond")
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{again:?}");
    assert_eq!(again.code(), "duplicate_statement");
    // Joiners and direction marks beside visible text are kept.
    let kept = "\u{5D2}\u{5DF} C++\u{200E} \u{1F469}\u{200D}\u{1F4BB}";
    let written = app.submit_statement(dialogue, &other, kept).await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    assert_eq!(written.body["text"], kept);
}

#[tokio::test]
async fn the_write_form_says_why_invisible_text_was_refused() {
    let (app, dialogue, someone) = dialogue_with_participant().await;
    let cookie = server::auth::participant_cookie_name(model::DialogueId(dialogue));
    let page = app
        .anonymous
        .post(app.url(&format!("/d/{dialogue}/write")))
        .header("cookie", format!("{cookie}={}", someone.token))
        .form(&[("text", "\u{200B}\u{200B}\u{200B}")])
        .send()
        .await
        .expect("request sent");
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = page.text().await.expect("a page");
    assert!(
        body.contains("It has no character that can be seen"),
        "{body}"
    );
}
