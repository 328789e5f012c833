//! Exports over HTTP: the JSON dump, the Pol.is CSV ZIP and single CSV files.

use reqwest::StatusCode;

use crate::support::spawn_app;

#[tokio::test]
async fn exports_hold_every_vote_and_are_formula_safe() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let participant = app.join(dialogue, &["GP"]).await;
    let written = app
        .submit_statement(dialogue, &participant, "=HYPERLINK(\"http://x\")")
        .await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    let statement = written.body["id"].as_i64().unwrap();
    app.vote(dialogue, &participant, statement, "agree").await;
    app.vote(dialogue, &participant, statement, "disagree")
        .await;

    let dump = app.export(dialogue, "json").await;
    assert_eq!(dump.status, StatusCode::OK);
    // The author's agreement recorded with the statement, then their two votes.
    assert_eq!(dump.body["vote_events"].as_array().unwrap().len(), 3);
    assert_eq!(dump.body["participants"][0]["constituencies"][0], "GP");
    assert_eq!(dump.body["statements"].as_array().unwrap().len(), 4);

    let comments = app.export_file(dialogue, "comments.csv").await;
    assert_eq!(comments.status, StatusCode::OK);
    let text = String::from_utf8(comments.bytes.clone()).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
    let votes = String::from_utf8(app.export_file(dialogue, "votes.csv").await.bytes).unwrap();
    assert_eq!(votes.lines().count(), 4, "{votes}");
    assert!(votes.lines().last().unwrap().ends_with(",-1"), "{votes}");

    let archive = app.export(dialogue, "polis-zip").await;
    assert_eq!(archive.headers["content-type"], "application/zip");
    let files = server::zip::read_stored(&archive.bytes).expect("a readable archive");
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "votes.csv",
            "comments.csv",
            "participants-votes.csv",
            "summary.csv"
        ]
    );
    assert_eq!(files[0].1, votes.into_bytes());
    assert_eq!(app.export(dialogue, "xml").await.code(), "invalid_query");
}
