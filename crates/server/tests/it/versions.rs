//! Translations and easy read: a convenor adds a Welsh and an Urdu translation and an
//! easy-read version of a statement; participants reading it in Welsh, in Urdu (right to
//! left), in easy read and in the original vote on the one statement, and the analysis counts
//! all their votes together; a statement written in another language waits for a translation
//! or is shown as written, as the convenor chooses; bad requests are refused clearly. On
//! SQLite always and on PostgreSQL when `TEST_PG_URL` is set.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, COOKIE, LOCATION, SET_COOKIE};
use serde_json::{Value, json};
use server::Config;
use server::analysis::RunOutcome;

use crate::fixtures::PageBrowser;
use crate::postgres::{drop_database, fresh_database};
use crate::support::{
    CONVENOR_EMAIL, CONVENOR_PASSWORD, Participant, TestApp, seed_convenor, spawn_app, spawn_app_on,
};

/// A browser that keeps no cookies and does not follow redirects.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Undoes the template's escaping of apostrophes and slashes, as a browser does.
fn decoded(page: &str) -> String {
    page.replace("&#x27;", "'").replace("&#x2f;", "/")
}

fn cookie_of(dialogue: i64, participant: &Participant) -> String {
    format!("cg_participant_{dialogue}={}", participant.token)
}

/// Opens the dialogue's page as the participant, with the query given; returns the page and
/// the cookies it sets.
async fn page_as(
    app: &TestApp,
    dialogue: i64,
    participant: &Participant,
    query: &str,
) -> (String, Vec<String>) {
    let response = browser()
        .get(app.url(&format!("/d/{dialogue}{query}")))
        .header(ACCEPT, "text/html")
        .header(COOKIE, cookie_of(dialogue, participant))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cookies = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|value| value.to_str().unwrap().to_owned())
        .collect();
    (decoded(&response.text().await.unwrap()), cookies)
}

/// Returns the statement id the page's vote form posts.
fn form_statement(page: &str) -> i64 {
    let marker = "name=\"statement_id\" value=\"";
    let start = page.find(marker).expect("the page has a vote form") + marker.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end].parse().unwrap()
}

/// Votes with the page's form, as a browser does.
async fn vote_on_page(
    app: &TestApp,
    dialogue: i64,
    participant: &Participant,
    statement: i64,
    vote: &str,
) {
    let response = browser()
        .post(app.url(&format!("/d/{dialogue}/vote")))
        .header(COOKIE, cookie_of(dialogue, participant))
        .form(&[
            ("statement_id", statement.to_string()),
            ("vote", vote.to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[LOCATION].to_str().unwrap(),
        format!("/d/{dialogue}")
    );
}

async fn send(request: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let response = request.send().await.unwrap();
    let status = response.status();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

async fn put_version(
    app: &TestApp,
    dialogue: i64,
    statement: i64,
    language: &str,
    kind: &str,
    text: &str,
) -> (StatusCode, Value) {
    send(
        app.convenor
            .put(app.url(&format!(
                "/api/dialogues/{dialogue}/statements/{statement}/versions/{language}/{kind}"
            )))
            .json(&json!({ "text": text })),
    )
    .await
}

async fn statement_ids(app: &TestApp, dialogue: i64) -> Vec<i64> {
    app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect()
}

/// The votes the analysis counts on one statement.
fn counted(analysis: &Value, statement: i64) -> Value {
    analysis["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["id"] == statement)
        .expect("the statement is in the analysis")["votes"]
        .clone()
}

/// Sends a participant's request with their bearer token and the headers given.
async fn as_participant(
    app: &TestApp,
    participant: &Participant,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, Value) {
    let mut request = browser().get(app.url(path)).bearer_auth(&participant.token);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(request).await
}

/// The JSON next statement and the participant's data name the statement as written, with the
/// version its reader is shown beside it; "Your data" shows that version with the original one
/// tap away. `welsh` has voted on `benches`, which has Welsh, Urdu and easy-read versions.
async fn readers_see_their_version_in_json_and_in_their_data(
    app: &TestApp,
    dialogue: i64,
    benches: i64,
    welsh: &Participant,
) {
    let fresh = app.join(dialogue, &[]).await;
    let next = format!("/api/dialogues/{dialogue}/next");
    let (status, body) = as_participant(app, &fresh, &format!("{next}?lang=cy"), &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["statement"],
        json!({
            "id": benches,
            "text": "More benches",
            "language": "en",
            "version": {"text": "Mwy o feinciau", "language": "cy", "kind": "translation"}
        })
    );
    let (_, body) = as_participant(app, &fresh, &next, &[("accept-language", "ur-PK")]).await;
    assert_eq!(
        body["statement"]["version"],
        json!({"text": "مزید بینچ", "language": "ur", "kind": "translation"})
    );
    let (_, body) = as_participant(app, &fresh, &format!("{next}?easy=1"), &[]).await;
    assert_eq!(
        body["statement"]["version"],
        json!({"text": "We want more seats in the park.", "language": "en", "kind": "easy-read"})
    );
    // A reader of the original gets no version.
    let (_, body) = as_participant(app, &fresh, &format!("{next}?lang=en&easy=0"), &[]).await;
    assert_eq!(body["statement"]["text"], "More benches");
    assert!(body["statement"].get("version").is_none(), "{body}");

    // The participant's data says what they read beside what was written.
    let me = format!("/api/dialogues/{dialogue}/me");
    let (status, data) = as_participant(app, welsh, &format!("{me}?lang=cy"), &[]).await;
    assert_eq!(status, StatusCode::OK, "{data}");
    let vote = &data["votes"][0];
    assert_eq!(vote["statement_id"], benches);
    assert_eq!(vote["statement_text"], "More benches");
    assert_eq!(vote["statement_language"], "en");
    assert_eq!(
        vote["statement_version"],
        json!({"text": "Mwy o feinciau", "language": "cy", "kind": "translation"})
    );
    let (status, data) =
        as_participant(app, welsh, &format!("{me}?lang=en&download=true"), &[]).await;
    assert_eq!(status, StatusCode::OK, "{data}");
    assert!(
        data["votes"][0].get("statement_version").is_none(),
        "{data}"
    );
    let (status, data) = as_participant(app, welsh, &format!("{me}?lang=xx"), &[]).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an unknown language falls back: {data}"
    );

    // "Your data" in Welsh shows the Welsh version, marked, with the original one tap away.
    let response = browser()
        .get(app.url(&format!("/d/{dialogue}/me?lang=cy")))
        .header(ACCEPT, "text/html")
        .header(COOKIE, cookie_of(dialogue, welsh))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page = decoded(&response.text().await.unwrap());
    assert!(
        page.contains("lang=\"cy\" dir=\"ltr\">Mwy o feinciau</span>"),
        "{page}"
    );
    assert!(page.contains("Cyfieithiad"), "{page}");
    assert!(
        page.contains("lang=\"en\" dir=\"auto\">More benches</p></details>"),
        "{page}"
    );
}

/// The scenario both backends run: every version's votes pool on the statement.
async fn votes_on_every_version_pool_on_the_statement(app: &TestApp) {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let statements = statement_ids(app, dialogue).await;
    let benches = statements[0];
    for (language, kind, text) in [
        ("cy", "translation", "Mwy o feinciau"),
        ("ur", "translation", "مزید بینچ"),
        ("en", "easy-read", "We want more seats in the park."),
    ] {
        let (status, body) = put_version(app, dialogue, benches, language, kind, text).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["language"], language);
        assert_eq!(body["kind"], kind);
    }

    // A Welsh reader sees the Welsh version, marked as a translation, with the original one
    // tap away; the form still names the statement.
    let welsh = app.join(dialogue, &["resident"]).await;
    let (page, _) = page_as(app, dialogue, &welsh, "?lang=cy").await;
    assert!(
        page.contains("lang=\"cy\" dir=\"ltr\">Mwy o feinciau</p>"),
        "{page}"
    );
    assert!(page.contains("Cyfieithiad"), "{page}");
    assert!(page.contains("<details class=\"original\">"), "{page}");
    assert!(
        page.contains("lang=\"en\" dir=\"auto\">More benches</p>"),
        "{page}"
    );
    assert_eq!(form_statement(&page), benches);
    vote_on_page(app, dialogue, &welsh, benches, "agree").await;
    readers_see_their_version_in_json_and_in_their_data(app, dialogue, benches, &welsh).await;

    // An Urdu reader sees the Urdu version, right to left.
    let urdu = app.join(dialogue, &["GP"]).await;
    let (page, _) = page_as(app, dialogue, &urdu, "?lang=ur").await;
    assert!(page.contains("<html lang=\"ur\" dir=\"rtl\">"), "{page}");
    assert!(
        page.contains("lang=\"ur\" dir=\"rtl\">مزید بینچ</p>"),
        "{page}"
    );
    assert!(page.contains("ترجمہ"), "{page}");
    assert_eq!(form_statement(&page), benches);
    vote_on_page(app, dialogue, &urdu, benches, "agree").await;

    // An easy-read reader sees the easy-read version, larger and simpler, and the choice is
    // remembered.
    let easy = app.join(dialogue, &[]).await;
    let (page, cookies) = page_as(app, dialogue, &easy, "?easy=1").await;
    assert!(
        cookies
            .iter()
            .any(|cookie| cookie.starts_with("cg_easy=1;")),
        "{cookies:?}"
    );
    assert!(page.contains("class=\"easy-read\""), "{page}");
    assert!(
        page.contains(">We want more seats in the park.</p>"),
        "{page}"
    );
    assert!(page.contains("Easy-read version"), "{page}");
    assert!(page.contains("Yes, I agree"), "{page}");
    assert!(page.contains("<svg class=\"choice-symbol\""), "{page}");
    vote_on_page(app, dialogue, &easy, benches, "disagree").await;

    // A reader of the original, through the API.
    let original = app.join(dialogue, &["resident"]).await;
    let (page, _) = page_as(app, dialogue, &original, "?lang=en&easy=0").await;
    assert!(page.contains(">More benches</p>"), "{page}");
    assert!(!page.contains("<details class=\"original\">"), "{page}");
    assert_eq!(
        app.vote(dialogue, &original, benches, "agree").await.status,
        StatusCode::OK
    );

    // The analysis counts the four votes on the one statement.
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let analysis = app.analysis(dialogue).await.body;
    assert_eq!(
        counted(&analysis, benches),
        json!({"agree": 3, "disagree": 1, "pass": 0})
    );
    assert_eq!(analysis["n_votes"], 4);
}

#[tokio::test]
async fn votes_on_every_version_pool_on_the_statement_on_sqlite() {
    let app = spawn_app().await;
    votes_on_every_version_pool_on_the_statement(&app).await;
}

#[tokio::test]
async fn votes_on_every_version_pool_on_the_statement_on_postgresql() {
    let Some(database) = fresh_database().await else {
        return;
    };
    let app = spawn_app_on(Config {
        database: database.clone(),
        analysis_enabled: false,
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    votes_on_every_version_pool_on_the_statement(&app).await;
    drop_database(&database);
}

/// Every statement the API's next statement offers the participant, voting pass on each.
async fn statements_offered(app: &TestApp, dialogue: i64, participant: &Participant) -> Vec<i64> {
    let mut offered = Vec::new();
    loop {
        let next = app.next(dialogue, participant).await;
        if next.status == StatusCode::NO_CONTENT {
            return offered;
        }
        let statement = next.body["statement"]["id"].as_i64().unwrap();
        offered.push(statement);
        app.vote(dialogue, participant, statement, "pass").await;
    }
}

#[tokio::test]
async fn a_statement_written_in_another_language_waits_or_is_shown_as_the_convenor_chooses() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let author = app.join(dialogue, &[]).await;
    // Written on the Welsh page of an English dialogue.
    let response = browser()
        .post(app.url(&format!("/d/{dialogue}/write?lang=cy")))
        .header(COOKIE, cookie_of(dialogue, &author))
        .form(&[("text", "Mae angen mwy o lwybrau cerdded")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[LOCATION].to_str().unwrap(),
        format!("/d/{dialogue}?notice=written-translation")
    );
    let (status, listed) = send(
        app.convenor
            .get(app.url(&format!("/api/dialogues/{dialogue}/versions"))),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let written = listed["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|statement| statement["language"] == "cy")
        .expect("the statement is recorded as Welsh")
        .clone();
    assert_eq!(written["is_waiting"], true);
    let written_id = written["statement_id"].as_i64().unwrap();

    // Others are not offered it while it waits, and a vote naming it is refused.
    let reader = app.join(dialogue, &[]).await;
    let offered = statements_offered(&app, dialogue, &reader).await;
    assert_eq!(offered.len(), 3, "{offered:?}");
    assert!(!offered.contains(&written_id));
    let refused = app.vote(dialogue, &reader, written_id, "agree").await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");
    assert_eq!(refused.code(), "statement_not_votable");
    assert!(
        refused.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("waiting for a translation"),
        "{refused:?}"
    );
    let refused = browser()
        .post(app.url(&format!("/d/{dialogue}/vote")))
        .header(ACCEPT, "text/html")
        .header(COOKIE, cookie_of(dialogue, &reader))
        .form(&[
            ("statement_id", written_id.to_string()),
            ("vote", "agree".to_owned()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);

    // Through the API, a statement comes with the language it is written in, stored with it.
    let (status, posted) = send(
        browser()
            .post(app.url(&format!("/api/dialogues/{dialogue}/statements")))
            .bearer_auth(&author.token)
            .json(&json!({"text": "Więcej ścieżek rowerowych", "language": "pl"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{posted}");
    let polish = posted["id"].as_i64().unwrap();
    let refused = app.vote(dialogue, &reader, polish, "agree").await;
    assert_eq!(refused.code(), "statement_not_votable", "{refused:?}");
    let (status, english) = send(
        browser()
            .post(app.url(&format!("/api/dialogues/{dialogue}/statements")))
            .bearer_auth(&author.token)
            .json(&json!({"text": "A bench by the bus stop", "language": "en"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{english}");
    assert_eq!(
        app.vote(dialogue, &reader, english["id"].as_i64().unwrap(), "agree")
            .await
            .status,
        StatusCode::OK
    );
    let (status, body) = send(
        browser()
            .post(app.url(&format!("/api/dialogues/{dialogue}/statements")))
            .bearer_auth(&author.token)
            .json(&json!({"text": "Something else", "language": "xx"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "validation_failed");
    for extra in [polish, english["id"].as_i64().unwrap()] {
        let removed = app
            .convenor
            .patch(app.url(&format!("/api/dialogues/{dialogue}/statements/{extra}")))
            .json(&json!({"status": "rejected"}))
            .send()
            .await
            .unwrap();
        assert_eq!(removed.status(), StatusCode::OK);
    }

    // Once translated into the dialogue's language, it is offered, in English to an English
    // reader, with the Welsh original one tap away.
    let (status, _) = put_version(
        &app,
        dialogue,
        written_id,
        "en",
        "translation",
        "We need more walking paths",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let next_reader = app.join(dialogue, &[]).await;
    let offered = statements_offered(&app, dialogue, &next_reader).await;
    assert!(offered.contains(&written_id), "{offered:?}");
    let late = app.join(dialogue, &[]).await;
    for statement in &offered {
        if *statement != written_id {
            app.vote(dialogue, &late, *statement, "pass").await;
        }
    }
    let (page, _) = page_as(&app, dialogue, &late, "?lang=en").await;
    assert!(
        page.contains("lang=\"en\" dir=\"ltr\">We need more walking paths</p>"),
        "{page}"
    );
    assert!(
        page.contains("lang=\"cy\" dir=\"auto\">Mae angen mwy o lwybrau cerdded</p>"),
        "{page}"
    );
    assert_eq!(form_statement(&page), written_id);

    // Without its translation, under "show the original", it is offered as written.
    let removed = app
        .convenor
        .delete(app.url(&format!(
            "/api/dialogues/{dialogue}/statements/{written_id}/versions/en/translation"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let (status, _) = send(
        app.convenor
            .put(app.url(&format!("/api/dialogues/{dialogue}/languages")))
            .json(&json!({"language": "en", "untranslated": "show_original"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let last = app.join(dialogue, &[]).await;
    assert!(
        statements_offered(&app, dialogue, &last)
            .await
            .contains(&written_id)
    );
}

#[tokio::test]
async fn bad_versions_are_refused_clearly() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let other = app.create_standard_dialogue().await;
    let statement = statement_ids(&app, dialogue).await[0];
    let elsewhere = statement_ids(&app, other).await[0];
    let refusals = [
        (
            "xx",
            "translation",
            "Hello",
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            "cy",
            "summary",
            "Helo",
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            "cy",
            "translation",
            "   ",
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        // The statement was written in English: an English translation would be itself.
        (
            "en",
            "translation",
            "More benches please",
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
    ];
    for (language, kind, text, status, code) in refusals {
        let (answer, body) = put_version(&app, dialogue, statement, language, kind, text).await;
        assert_eq!(answer, status, "{language} {kind}: {body}");
        assert_eq!(body["error"]["code"], code, "{body}");
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    }
    let (answer, body) = put_version(&app, dialogue, elsewhere, "cy", "translation", "Helo").await;
    assert_eq!(answer, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["error"]["code"], "statement_not_found");
    let missing = app
        .convenor
        .delete(app.url(&format!(
            "/api/dialogues/{dialogue}/statements/{statement}/versions/cy/translation"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let (answer, body) = send(
        app.convenor
            .put(app.url(&format!("/api/dialogues/{dialogue}/languages")))
            .json(&json!({"language": "en", "untranslated": "hide"})),
    )
    .await;
    assert_eq!(answer, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // Nothing refused was kept.
    let (_, listed) = send(
        app.convenor
            .get(app.url(&format!("/api/dialogues/{dialogue}/versions"))),
    )
    .await;
    assert!(
        listed["statements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|statement| statement["versions"].as_array().unwrap().is_empty())
    );
    assert_eq!(
        listed["languages"],
        json!({"language": "en", "untranslated": "wait"})
    );

    // The convenors' page says what was wrong and keeps the page.
    let page = app
        .get(&format!("/convenor/dialogues/{dialogue}/versions"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = String::from_utf8_lossy(&page.bytes).into_owned();
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).unwrap() + marker.len();
    let csrf = &html[start..start + html[start..].find('"').unwrap()];
    let refused = app
        .convenor
        .post(app.url(&format!("/convenor/dialogues/{dialogue}/versions")))
        .form(&[
            ("csrf", csrf),
            ("action", "put"),
            ("statement_id", &statement.to_string()),
            ("language", "en"),
            ("kind", "translation"),
            ("text", "More benches please"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(html.contains("needs no translation"), "{html}");
}

#[tokio::test]
async fn the_convenors_translations_page_is_in_welsh_when_chosen() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let statement = statement_ids(&app, dialogue).await[0];
    let (status, _) = put_version(
        &app,
        dialogue,
        statement,
        "cy",
        "easy-read",
        "Mwy o feinciau",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let browser = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let path = format!("/convenor/dialogues/{dialogue}/versions");

    let english = browser.get(&app, &path).await;
    for phrase in [
        "<h1>Translations and easy read</h1>",
        "Cymraeg, easy read:",
        "Remove<span class=\"visually-hidden\"> the Cymraeg easy-read of statement",
        "Easy read (short words, one idea)",
    ] {
        assert!(english.text.contains(phrase), "{phrase}: {}", english.text);
    }

    // A browser that prefers Welsh gets the page in Welsh; the languages keep their own names.
    let welsh = browser.get_preferring(&app, &path, "cy-GB, en;q=0.5").await;
    for phrase in [
        "<html lang=\"cy\"",
        "<h1>Cyfieithiadau a fersiynau hawdd eu darllen</h1>",
        "Iaith y drafodaeth",
        "Cymraeg, hawdd ei ddarllen:",
        "Dileu<span class=\"visually-hidden\"> y fersiwn hawdd ei darllen Cymraeg o ddatganiad",
        "Hawdd ei ddarllen (geiriau byr, un syniad)",
        ">English</option>",
    ] {
        assert!(welsh.text.contains(phrase), "{phrase}: {}", welsh.text);
    }

    // A refused change: the page is Welsh, and so is the service's reason, while the API
    // refuses the same change in its English.
    let refused = browser
        .get_preferring(&app, &format!("{path}?lang=cy"), "en")
        .await;
    assert!(refused.text.contains("<html lang=\"cy\""));
    let refused = browser
        .post(
            &app,
            &path,
            &[
                ("action", "put"),
                ("statement_id", &statement.to_string()),
                ("language", "en"),
                ("kind", "translation"),
                ("text", "More benches please"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text.contains("<html lang=\"cy\""),
        "{}",
        refused.text
    );
    assert!(
        refused.text.contains(
            "Ysgrifennwyd y datganiad yn English, felly nid oes angen ei gyfieithu i&#x27;r iaith honno; ychwanegwch fersiwn hawdd ei darllen yn lle hynny, neu newidiwch yr iaith y&#x27;i hysgrifennwyd ynddi."
        ),
        "{}",
        refused.text
    );
    assert!(
        !refused.text.contains("needs no translation"),
        "{}",
        refused.text
    );
    let (status, body) = put_version(
        &app,
        dialogue,
        statement,
        "en",
        "translation",
        "More benches please",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["error"]["message"],
        "the statement was written in English, so it needs no translation into it; add an easy-read version instead, or change the language it was written in"
    );
    // Removing a version the statement does not have: said in Welsh on the page, in English
    // by the API.
    let missing = browser
        .post(
            &app,
            &path,
            &[
                ("action", "remove"),
                ("statement_id", &statement.to_string()),
                ("language", "ur"),
                ("kind", "translation"),
            ],
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        missing.text.contains(&format!(
            "Nid oes gan ddatganiad {statement} fersiwn wedi&#x27;i chyfieithu yn اردو."
        )),
        "{}",
        missing.text
    );
    let (status, body) = send(app.convenor.delete(app.url(&format!(
        "/api/dialogues/{dialogue}/statements/{statement}/versions/ur/translation"
    ))))
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body["error"]["message"],
        format!("statement {statement} has no translated version in اردو")
    );
    assert!(
        refused.text.contains("Cadw'r fersiwn<span"),
        "{}",
        refused.text
    );
}
