//! Participants and their statements (issue 17): an author's agreement with what they wrote,
//! changing a vote and one's constituencies, forms that keep what was typed, error pages that
//! lead back, pages for unknown paths, and moderation with a reason the author reads.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION, REFERER};
use serde_json::{Value, json};
use server::config::Config;
use server::rate_limit::RateLimit;

use crate::support::{
    CONVENOR_EMAIL, CONVENOR_PASSWORD, Participant, TestApp, seed_convenor, spawn_app, spawn_app_on,
};

/// A browser that does not follow redirects, so that tests see where a form sends it.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Undoes the template's escaping of slashes, apostrophes and ampersands, as a browser does.
fn decoded(page: &str) -> String {
    page.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

fn cookie(dialogue: i64, participant: &Participant) -> String {
    format!("cg_participant_{dialogue}={}", participant.token)
}

/// Posts a participant's form and returns the status, the redirect and the page.
async fn post_as(
    app: &TestApp,
    dialogue: i64,
    participant: &Participant,
    path: &str,
    form: &[(&str, &str)],
) -> (StatusCode, Option<String>, String) {
    let response = browser()
        .post(app.url(path))
        .header("cookie", cookie(dialogue, participant))
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .map(|value| value.to_str().unwrap().to_owned());
    (status, location, decoded(&response.text().await.unwrap()))
}

async fn page_as(app: &TestApp, dialogue: i64, participant: &Participant, path: &str) -> String {
    let response = browser()
        .get(app.url(path))
        .header("cookie", cookie(dialogue, participant))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    decoded(&response.text().await.unwrap())
}

async fn my_data(app: &TestApp, participant: &Participant, dialogue: i64) -> Value {
    let response = app
        .anonymous
        .get(app.url(&format!("/api/dialogues/{dialogue}/me")))
        .bearer_auth(&participant.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Returns the analysis's vote counts of the statement with this text.
async fn analysed_votes(app: &TestApp, dialogue: i64, text: &str) -> Value {
    app.recompute_now(dialogue).await;
    let analysis = app.analysis(dialogue).await;
    assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
    analysis.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|statement| statement["text"] == json!(text))
        .expect("the statement is in the analysis")["votes"]
        .clone()
}

async fn seeds(app: &TestApp, dialogue: i64) -> Vec<i64> {
    app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|statement| statement["is_from_participant"] == json!(false))
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect()
}

async fn signed_in_app() -> (TestApp, i64) {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    (app, dialogue)
}

/// A convenor's browser, signed in, that does not follow redirects; with its form token.
async fn convenor_browser(app: &TestApp, dialogue: i64) -> (reqwest::Client, String) {
    let client = browser();
    let signed_in = client
        .post(app.url("/api/session"))
        .json(&json!({ "email": CONVENOR_EMAIL, "password": CONVENOR_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::OK);
    let page = client
        .get(app.url(&format!("/convenor/dialogues/{dialogue}/moderation")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker).expect("a form token") + marker.len();
    let csrf = page[start..].split('"').next().unwrap().to_owned();
    (client, csrf)
}

#[tokio::test]
async fn an_author_agrees_with_their_statement_and_is_never_asked_to_vote_on_it() {
    let (app, dialogue) = signed_in_app().await;
    let author = app.join(dialogue, &["resident"]).await;
    let written = app
        .submit_statement(dialogue, &author, "Shade over the playground")
        .await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    let statement = written.body["id"].as_i64().unwrap();

    let counts = app.vote_counts(dialogue).await;
    assert_eq!((counts.votes, counts.vote_events, counts.voters), (1, 1, 1));
    let data = my_data(&app, &author, dialogue).await;
    assert_eq!(data["votes"][0]["statement_id"], json!(statement));
    assert_eq!(data["votes"][0]["vote"], json!("agree"));
    assert_eq!(data["votes"][0]["is_latest"], json!(true));
    assert_eq!(data["statements"][0]["is_shown"], json!(true));

    // The author is offered every seed and never their own statement.
    let mut offered = Vec::new();
    loop {
        let next = app.next(dialogue, &author).await;
        if next.status == StatusCode::NO_CONTENT {
            break;
        }
        let id = next.body["statement"]["id"].as_i64().unwrap();
        offered.push(id);
        assert_eq!(
            app.vote(dialogue, &author, id, "pass").await.status,
            StatusCode::OK
        );
    }
    offered.sort_unstable();
    assert_eq!(offered, seeds(&app, dialogue).await);

    // Someone else is offered it, and the analysis counts the author's agreement as a vote.
    let other = app.join(dialogue, &[]).await;
    assert_eq!(
        app.vote(dialogue, &other, statement, "disagree")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        analysed_votes(&app, dialogue, "Shade over the playground").await,
        json!({"agree": 1, "disagree": 1, "pass": 0})
    );
}

#[tokio::test]
async fn the_author_is_told_what_your_data_says_under_either_moderation() {
    let (app, shown_at_once) = signed_in_app().await;
    let author = app.join(shown_at_once, &[]).await;
    let (status, location, _) = post_as(
        &app,
        shown_at_once,
        &author,
        &format!("/d/{shown_at_once}/write"),
        &[("text", "Water fountains by the paths")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location.unwrap(),
        format!("/d/{shown_at_once}?notice=written")
    );
    let data = page_as(
        &app,
        shown_at_once,
        &author,
        &format!("/d/{shown_at_once}/me"),
    )
    .await;
    assert!(
        data.contains("shown to others; a convenor may still review it"),
        "{data}"
    );
    assert!(!data.contains("waiting for a convenor"));

    let created = app
        .create_dialogue(&json!({
            "title": "Bus routes",
            "question": "Which routes matter most?",
            "moderation": "pre",
            "statements": ["More buses at night"],
        }))
        .await;
    let checked_first = created.body["id"].as_i64().unwrap();
    let author = app.join(checked_first, &[]).await;
    let (_, location, _) = post_as(
        &app,
        checked_first,
        &author,
        &format!("/d/{checked_first}/write"),
        &[("text", "A bus to the hospital")],
    )
    .await;
    assert_eq!(
        location.unwrap(),
        format!("/d/{checked_first}?notice=written-pending")
    );
    let data = my_data(&app, &author, checked_first).await;
    assert_eq!(data["statements"][0]["is_shown"], json!(false));
    assert_eq!(data["votes"][0]["vote"], json!("agree"));
    // The waiting statement's only vote is left out of the analysis until it is accepted.
    assert_eq!(
        analysed_votes(&app, checked_first, "A bus to the hospital").await,
        json!({"agree": 0, "disagree": 0, "pass": 0})
    );
    let statement = data["statements"][0]["id"].as_i64().unwrap();
    assert_eq!(
        app.moderate_one(checked_first, statement, "accepted")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        analysed_votes(&app, checked_first, "A bus to the hospital").await,
        json!({"agree": 1, "disagree": 0, "pass": 0})
    );
}

#[tokio::test]
async fn a_participant_changes_a_vote_from_their_data_and_the_newest_counts() {
    let (app, dialogue) = signed_in_app().await;
    let statement = seeds(&app, dialogue).await[0];
    let someone = app.join(dialogue, &[]).await;
    assert_eq!(
        app.vote(dialogue, &someone, statement, "agree")
            .await
            .status,
        StatusCode::OK
    );
    let page = page_as(&app, dialogue, &someone, &format!("/d/{dialogue}/me")).await;
    assert!(page.contains("Change a vote"), "{page}");
    assert!(page.contains("Disagree instead"));

    let statement_id = statement.to_string();
    let (status, location, _) = post_as(
        &app,
        dialogue,
        &someone,
        &format!("/d/{dialogue}/vote"),
        &[
            ("statement_id", &statement_id),
            ("vote", "disagree"),
            ("return", "me"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location.unwrap(),
        format!("/d/{dialogue}/me?notice=vote-changed#votes")
    );
    let data = my_data(&app, &someone, dialogue).await;
    let votes = data["votes"].as_array().unwrap();
    assert_eq!(votes.len(), 2);
    assert_eq!(votes[0]["is_latest"], json!(false));
    assert_eq!(votes[1]["vote"], json!("disagree"));
    assert_eq!(votes[1]["is_latest"], json!(true));
    let counts = app.vote_counts(dialogue).await;
    assert_eq!((counts.votes, counts.vote_events), (1, 2));
}

async fn put_constituencies(
    app: &TestApp,
    dialogue: i64,
    participant: &Participant,
    body: &Value,
) -> (StatusCode, Value) {
    let response = app
        .anonymous
        .put(app.url(&format!("/api/dialogues/{dialogue}/me/constituencies")))
        .bearer_auth(&participant.token)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_participant_changes_their_constituencies_and_refusals_change_nothing() {
    let (app, dialogue) = signed_in_app().await;
    let someone = app.join(dialogue, &["resident"]).await;

    let (status, body) =
        put_constituencies(&app, dialogue, &someone, &json!({"constituencies": ["GP"]})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["constituencies"], json!(["GP"]));

    let (status, body) = put_constituencies(
        &app,
        dialogue,
        &someone,
        &json!({"constituencies": ["resident", "astronaut"]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], json!("constituency_not_found"));
    assert_eq!(
        my_data(&app, &someone, dialogue).await["constituencies"],
        json!(["GP"])
    );

    // The page keeps what was ticked and names the field when a name is unknown.
    let (status, _, page) = post_as(
        &app,
        dialogue,
        &someone,
        &format!("/d/{dialogue}/me/constituencies"),
        &[("constituency", "resident"), ("constituency", "astronaut")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("The groups you belong to: "), "{page}");
    assert!(page.contains("value=\"resident\" checked"), "{page}");
    assert_eq!(
        my_data(&app, &someone, dialogue).await["constituencies"],
        json!(["GP"])
    );

    let (status, location, _) = post_as(
        &app,
        dialogue,
        &someone,
        &format!("/d/{dialogue}/me/constituencies"),
        &[("constituency", "resident"), ("constituency", "GP")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location.unwrap(),
        format!("/d/{dialogue}/me?notice=constituencies-changed")
    );
    assert_eq!(
        my_data(&app, &someone, dialogue).await["constituencies"],
        json!(["resident", "GP"])
    );

    assert_eq!(app.close(dialogue).await.status, StatusCode::OK);
    let (status, body) =
        put_constituencies(&app, dialogue, &someone, &json!({"constituencies": []})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], json!("dialogue_closed"));
    assert_eq!(
        my_data(&app, &someone, dialogue).await["constituencies"],
        json!(["resident", "GP"])
    );
}

#[tokio::test]
async fn a_rate_limited_statement_is_shown_again_with_its_text_and_the_reason() {
    let data_dir = tempfile::tempdir().unwrap();
    let app = spawn_app_on(Config {
        database: format!("sqlite:{}", data_dir.path().join("test.db").display()),
        analysis_enabled: false,
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
    let someone = app.join(dialogue, &[]).await;
    let path = format!("/d/{dialogue}/write");
    let (status, _, _) = post_as(
        &app,
        dialogue,
        &someone,
        &path,
        &[("text", "Toilets that open early")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let response = browser()
        .post(app.url(&path))
        .header("cookie", cookie(dialogue, &someone))
        .form(&[("text", "Lights along the river path")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    let page = decoded(&response.text().await.unwrap());
    assert!(
        page.contains(">Lights along the river path</textarea>"),
        "{page}"
    );
    assert!(
        page.contains("Your statement: You are sending statements faster"),
        "{page}"
    );
    assert!(page.contains("aria-invalid=\"true\""));
    let counts = app
        .state
        .store()
        .count_statements(model::DialogueId(dialogue))
        .await
        .unwrap();
    assert_eq!(counts.pending, 1, "the refused statement is not stored");
}

#[tokio::test]
async fn unknown_paths_get_a_page_for_people_and_json_for_the_api() {
    let app = spawn_app().await;
    let client = browser();
    let page = client
        .get(app.url("/no/such/page"))
        .header(ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert!(
        page.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(page.headers().contains_key("content-security-policy"));
    let html = decoded(&page.text().await.unwrap());
    assert!(html.contains("Page not found"), "{html}");
    assert!(html.contains("href=\"/\""));

    for (path, accept) in [
        ("/no/such/page", "application/json"),
        ("/no/such/page", "*/*"),
        ("/api/no/such/route", "text/html"),
    ] {
        let answer = client
            .get(app.url(path))
            .header(ACCEPT, accept)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::NOT_FOUND);
        let body: Value = answer.json().await.unwrap();
        assert_eq!(
            body["error"]["code"],
            json!("route_not_found"),
            "{path} {accept}"
        );
    }
}

#[tokio::test]
async fn error_pages_lead_back_to_where_the_person_was() {
    let (app, dialogue) = signed_in_app().await;
    let someone = app.join(dialogue, &[]).await;
    let (status, _, page) = post_as(
        &app,
        dialogue,
        &someone,
        &format!("/d/{dialogue}/vote"),
        &[("statement_id", "1"), ("vote", "maybe")],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains(&format!("href=\"/d/{dialogue}\"")), "{page}");
    assert!(page.contains("Back to the dialogue"));

    let (client, csrf) = convenor_browser(&app, dialogue).await;
    let host = app.addr.to_string();
    let from = format!("http://{host}/convenor/dialogues/{dialogue}/moderation?status=all");
    let response = client
        .post(app.url(&format!("/convenor/dialogues/{dialogue}/moderation")))
        .header(REFERER, &from)
        .form(&[
            ("csrf", csrf.as_str()),
            ("action", "shred"),
            ("statement", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = decoded(&response.text().await.unwrap());
    assert!(
        page.contains(&format!(
            "href=\"/convenor/dialogues/{dialogue}/moderation?status=all\""
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!("href=\"/convenor/dialogues/{dialogue}\"")),
        "{page}"
    );
}

async fn moderate_with_reason(
    app: &TestApp,
    dialogue: i64,
    statement: i64,
    body: &Value,
) -> (StatusCode, Value) {
    let response = app
        .convenor
        .patch(app.url(&format!("/api/dialogues/{dialogue}/statements/{statement}")))
        .json(body)
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn a_rejection_carries_a_reason_the_author_reads_and_refusals_store_nothing() {
    let (app, dialogue) = signed_in_app().await;
    let author = app.join(dialogue, &["GP"]).await;
    let statement = app
        .submit_statement(dialogue, &author, "Close the park at dusk")
        .await
        .body["id"]
        .as_i64()
        .unwrap();

    let too_long = "x".repeat(501);
    for body in [
        json!({"status": "accepted", "reason": "Fine"}),
        json!({"status": "rejected", "reason": too_long}),
        json!({"status": "rejected", "reason": "bell\u{7}"}),
    ] {
        let (status, answer) = moderate_with_reason(&app, dialogue, statement, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert_eq!(answer["error"]["code"], json!("validation_failed"));
        assert!(
            answer["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("reason")
        );
        let data = my_data(&app, &author, dialogue).await;
        assert_eq!(data["statements"][0]["status"], json!("pending"));
        assert_eq!(data["statements"][0].get("rejection_reason"), None);
    }

    let (status, answer) = moderate_with_reason(
        &app,
        dialogue,
        statement,
        &json!({"status": "rejected", "reason": "  The parks stay open for shift workers.  "}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        answer["rejection_reason"],
        json!("The parks stay open for shift workers.")
    );
    let data = my_data(&app, &author, dialogue).await;
    assert_eq!(
        data["statements"][0]["rejection_reason"],
        json!("The parks stay open for shift workers.")
    );
    let page = page_as(&app, dialogue, &author, &format!("/d/{dialogue}/me")).await;
    assert!(
        page.contains("The convenor's reason: The parks stay open for shift workers."),
        "{page}"
    );

    // Accepting later clears the reason.
    let (status, answer) =
        moderate_with_reason(&app, dialogue, statement, &json!({"status": "accepted"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer.get("rejection_reason"), None);
}

#[tokio::test]
async fn the_moderation_page_decides_one_row_and_shows_who_wrote_it_and_its_votes() {
    let (app, dialogue) = signed_in_app().await;
    let author = app.join(dialogue, &["resident"]).await;
    let statement = app
        .submit_statement(dialogue, &author, "Dogs on leads near the swings")
        .await
        .body["id"]
        .as_i64()
        .unwrap();
    let other = app.join(dialogue, &[]).await;
    app.vote(dialogue, &other, statement, "disagree").await;
    let (client, csrf) = convenor_browser(&app, dialogue).await;

    let page = client
        .get(app.url(&format!("/convenor/dialogues/{dialogue}/moderation")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let page = decoded(&page);
    assert!(page.contains("by a participant (resident)"), "{page}");
    assert!(page.contains("1 agree, 1 disagree, 0 pass"), "{page}");
    assert!(page.contains(&format!("value=\"reject:{statement}\"")));

    let path = format!("/convenor/dialogues/{dialogue}/moderation");
    let reason_field = format!("reason-{statement}");
    let decision = format!("reject:{statement}");
    let too_long = "y".repeat(501);
    let refused = client
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("status", "pending"),
            ("row", decision.as_str()),
            (reason_field.as_str(), too_long.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = decoded(&refused.text().await.unwrap());
    assert!(
        page.contains("Reason for rejecting: Reason must be at most 500"),
        "{page}"
    );
    assert!(page.contains(&too_long), "the typed reason is kept");
    assert_eq!(
        my_data(&app, &author, dialogue).await["statements"][0]["status"],
        json!("pending")
    );

    let done = client
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("status", "pending"),
            ("row", decision.as_str()),
            (reason_field.as_str(), "Please say what you would change."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        done.headers()[LOCATION],
        format!("/convenor/dialogues/{dialogue}/moderation?status=pending&updated=1").as_str()
    );
    let data = my_data(&app, &author, dialogue).await;
    assert_eq!(data["statements"][0]["status"], json!("rejected"));
    assert_eq!(
        data["statements"][0]["rejection_reason"],
        json!("Please say what you would change.")
    );

    let accept = format!("accept:{statement}");
    let accepted = client
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("status", "all"),
            ("row", accept.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    let data = my_data(&app, &author, dialogue).await;
    assert_eq!(data["statements"][0]["status"], json!("accepted"));
    assert_eq!(data["statements"][0].get("rejection_reason"), None);
}
