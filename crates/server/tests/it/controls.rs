//! The convenor's controls: forms that keep what was typed and name the line at fault, editing
//! and removing constituencies and seed statements (through the JSON API and the pages), and
//! the confirmation before closing a dialogue, and the convenor's pages in Welsh. The API
//! scenario runs on SQLite and, when `TEST_PG_URL` is set, on PostgreSQL.

use reqwest::StatusCode;
use serde_json::{Value, json};
use server::Config;

use crate::fixtures::PageBrowser;
use crate::support::{
    Answer, CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, seed_convenor, spawn_app, spawn_app_on,
};

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap().to_vec();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        body,
        headers,
        bytes,
    }
}

fn text(answer: &Answer) -> String {
    String::from_utf8_lossy(&answer.bytes).into_owned()
}

/// Returns the value of the first hidden field `name` of a page.
fn hidden_field(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).expect("the field is on the page") + marker.len();
    let end = page[start..].find('"').expect("the value ends") + start;
    page[start..end].to_owned()
}

/// The signed-in convenor's form token.
async fn csrf(app: &TestApp) -> String {
    hidden_field(&text(&app.get("/convenor").await), "csrf")
}

/// Posts a form as the signed-in convenor (redirects are followed).
async fn post_form(app: &TestApp, path: &str, form: &[(&str, &str)]) -> Answer {
    answer(
        app.convenor
            .post(app.url(path))
            .form(form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

async fn send_json(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> Answer {
    let mut request = app.convenor.request(method, app.url(path));
    if let Some(body) = body {
        request = request.json(&body);
    }
    answer(request.send().await.unwrap()).await
}

async fn dialogue_count(app: &TestApp) -> usize {
    app.get("/api/dialogues")
        .await
        .body
        .as_array()
        .unwrap()
        .len()
}

/// The ids of a dialogue's statements, in order.
async fn statement_ids(app: &TestApp, dialogue: i64) -> Vec<i64> {
    app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect()
}

/// The id of the dialogue's constituency with this name.
async fn constituency_id(app: &TestApp, dialogue: i64, name: &str) -> i64 {
    let store = app.state.store();
    let found = store
        .get_dialogue(model::DialogueId(dialogue))
        .await
        .unwrap();
    found
        .constituencies
        .iter()
        .find(|constituency| constituency.name.as_str() == name)
        .map(|constituency| constituency.id.get())
        .expect("the constituency exists")
}

/// The dialogue's constituencies as the API shows them.
async fn constituencies(app: &TestApp, dialogue: i64) -> Value {
    app.get_dialogue(dialogue).await.body["constituencies"].clone()
}

#[tokio::test]
async fn the_new_dialogue_form_keeps_everything_typed_and_names_the_repeated_line() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let token = csrf(&app).await;
    let partnership = app.get("/api/partnerships").await.body[0]["id"]
        .as_i64()
        .unwrap();
    let path = format!("/convenor/partnerships/{partnership}/dialogues");
    let before = dialogue_count(&app).await;
    let statements = "More benches\nFree outdoor gyms\nLonger opening hours\nfree  outdoor gyms";
    let constituencies = "Carer | 15% | lay\nGP | 5% | professional";
    let refused = post_form(
        &app,
        &path,
        &[
            ("csrf", &token),
            ("title", "Parks for health"),
            ("question", "What would make the parks better?"),
            ("description", "Tell us what you think."),
            ("constituencies", constituencies),
            ("statements", statements),
            ("participant_statements", "yes"),
            ("moderation", "pre"),
            ("report_visibility", "convenors"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&refused);
    assert!(
        page.contains("Seed statement line 4 repeats line 2."),
        "{page}"
    );
    for typed in [
        "Parks for health",
        "What would make the parks better?",
        "Tell us what you think.",
        "Carer | 15% | lay\nGP | 5% | professional",
        "More benches\nFree outdoor gyms\nLonger opening hours\nfree  outdoor gyms",
    ] {
        assert!(page.contains(typed), "the form keeps {typed:?}: {page}");
    }
    assert!(page.contains(r#"value="pre" checked"#), "{page}");
    assert!(page.contains(r#"value="convenors" checked"#), "{page}");
    assert_eq!(dialogue_count(&app).await, before, "nothing is stored");

    // Constituency lines: the line at fault, shares in percent, never the raw field.
    for (lines, message) in [
        (
            "Carer | 15% | lay\nGP | 150% | professional",
            "Constituencies line 2: the expected share 150% must be between 0% and 100%.",
        ),
        (
            "Carer | 60%\n\nGP | 50%",
            "Constituencies line 3: the expected shares add up to 110% with this one; together they can be at most 100%.",
        ),
        (
            "Carer\nGP | lots",
            "Constituencies line 2: the expected share",
        ),
        (
            "Carer\nGP\nCarer | 5%",
            "Constituencies line 3 repeats the name of line 1",
        ),
    ] {
        let refused = post_form(
            &app,
            &path,
            &[
                ("csrf", &token),
                ("title", "Parks for health"),
                ("question", "What would make the parks better?"),
                ("constituencies", lines),
                ("statements", "More benches"),
            ],
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{lines}");
        let page = text(&refused);
        assert!(page.contains(message), "{message}: {page}");
        assert!(!page.contains("between 0 and 1"), "{page}");
        assert!(!page.contains("expected_share"), "{page}");
        assert!(page.contains(lines), "the form keeps {lines:?}");
    }
    assert_eq!(dialogue_count(&app).await, before, "nothing is stored");

    // The API says the same about its items.
    let refused = app
        .create_dialogue(&json!({
            "title": "Parks",
            "question": "What would help?",
            "constituencies": [{"name": "Carer", "expected_share": 0.6}, {"name": "GP", "expected_share": 0.5}],
        }))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.body["error"]["message"],
        "constituencies item 2: the expected shares add up to 110% with this one; together they can be at most 100%"
    );
    let refused = app
        .create_dialogue(&json!({
            "title": "Parks",
            "question": "What would help?",
            "statements": ["One", "Two", "two"],
        }))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.body["error"]["message"],
        "statements item 3 repeats item 2"
    );
    assert_eq!(dialogue_count(&app).await, before, "nothing is stored");

    // Corrected, the same form creates the dialogue.
    let created = post_form(
        &app,
        &path,
        &[
            ("csrf", &token),
            ("title", "Parks for health"),
            ("question", "What would make the parks better?"),
            ("constituencies", constituencies),
            ("statements", "More benches\nFree outdoor gyms"),
        ],
    )
    .await;
    assert_eq!(created.status, StatusCode::OK, "{}", text(&created));
    assert_eq!(dialogue_count(&app).await, before + 1);
}

/// Edits and removes constituencies and seed statements through the API, with every refusal
/// leaving the dialogue as it was.
async fn edit_and_remove_through_the_api(app: &TestApp) {
    let dialogue = app.create_standard_dialogue().await;
    let gp = constituency_id(app, dialogue, "GP").await;
    let resident = constituency_id(app, dialogue, "resident").await;
    let path = format!("/api/dialogues/{dialogue}/constituencies/{gp}");
    let put = reqwest::Method::PUT;
    let delete = reqwest::Method::DELETE;

    let changed = send_json(
        app,
        put.clone(),
        &path,
        Some(json!({"name": "Family doctor", "expected_share": 0.2, "kind": "professional"})),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{changed:?}");
    assert_eq!(
        changed.body["constituencies"][1],
        json!({"name": "Family doctor", "expected_share": 0.2, "kind": "professional"})
    );

    let before = constituencies(app, dialogue).await;
    for (body, status, code, message) in [
        (
            json!({"name": "Family doctor", "expected_share": 0.31}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "Constituency \"Family doctor\": the expected shares add up to 101% with this one; together they can be at most 100%",
        ),
        (
            json!({"name": "Family doctor", "expected_share": 1.5}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "Constituency \"Family doctor\": the expected share 150% must be between 0% and 100%",
        ),
        (
            json!({"name": "resident"}),
            StatusCode::CONFLICT,
            "conflict",
            "Constituency \"Family doctor\": the dialogue already has a constituency named \"resident\"",
        ),
        (
            json!({"name": "   "}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "",
        ),
    ] {
        let refused = send_json(app, put.clone(), &path, Some(body.clone())).await;
        assert_eq!(refused.status, status, "{body}: {refused:?}");
        assert_eq!(refused.code(), code, "{body}");
        if !message.is_empty() {
            assert_eq!(refused.body["error"]["message"], message, "{body}");
        }
        assert_eq!(
            constituencies(app, dialogue).await,
            before,
            "nothing changes"
        );
    }
    let unknown = send_json(
        app,
        put.clone(),
        &format!("/api/dialogues/{dialogue}/constituencies/999999"),
        Some(json!({"name": "Nurse"})),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), "not_found");

    // A constituency somebody chose stays; one nobody chose goes.
    app.join(dialogue, &["resident"]).await;
    let refused = send_json(
        app,
        delete.clone(),
        &format!("/api/dialogues/{dialogue}/constituencies/{resident}"),
        None,
    )
    .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");
    assert_eq!(refused.code(), "conflict");
    assert_eq!(
        constituencies(app, dialogue).await,
        before,
        "nothing changes"
    );
    let removed = send_json(app, delete.clone(), &path, None).await;
    assert_eq!(removed.status, StatusCode::OK, "{removed:?}");
    assert_eq!(
        removed.body["constituencies"],
        json!([{"name": "resident", "expected_share": 0.7, "kind": "lay"}])
    );
    let again = send_json(app, delete.clone(), &path, None).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(again.code(), "not_found");

    // Seed statements: changed or removed until somebody votes on them.
    let seeds = statement_ids(app, dialogue).await;
    let voter = app.join(dialogue, &[]).await;
    let voted = app.vote(dialogue, &voter, seeds[0], "agree").await;
    assert_eq!(voted.status, StatusCode::OK);
    let seed_path = |id: i64| format!("/api/dialogues/{dialogue}/seed-statements/{id}");
    let edited = send_json(
        app,
        put.clone(),
        &seed_path(seeds[1]),
        Some(json!({"text": "Free outdoor gyms for older people"})),
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK, "{edited:?}");
    assert_eq!(edited.body["text"], "Free outdoor gyms for older people");

    let texts = || async {
        app.list_statements(dialogue, "").await.body["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|statement| statement["text"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let before = texts().await;
    let refused = send_json(
        app,
        put.clone(),
        &seed_path(seeds[0]),
        Some(json!({"text": "More benches in the shade"})),
    )
    .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");
    assert!(
        refused.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("reject it in moderation instead"),
        "{refused:?}"
    );
    let refused = send_json(app, delete.clone(), &seed_path(seeds[0]), None).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");
    let refused = send_json(
        app,
        put.clone(),
        &seed_path(seeds[1]),
        Some(json!({"text": "longer opening  hours"})),
    )
    .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");
    assert_eq!(refused.code(), "duplicate_statement");
    let refused = send_json(
        app,
        put.clone(),
        &seed_path(seeds[1]),
        Some(json!({"text": "x".repeat(300)})),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    let written = app
        .submit_statement(dialogue, &voter, "Water fountains by the pond")
        .await;
    let written = written.body["id"].as_i64().unwrap();
    let refused = send_json(app, delete.clone(), &seed_path(written), None).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "{refused:?}");
    assert_eq!(refused.code(), "statement_not_found");
    let mut expected = before.clone();
    expected.push("Water fountains by the pond".to_owned());
    assert_eq!(texts().await, expected, "no refusal changes a statement");

    let removed = send_json(app, delete.clone(), &seed_path(seeds[2]), None).await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{removed:?}");
    assert!(!texts().await.contains(&"Longer opening hours".to_owned()));
}

#[tokio::test]
async fn constituencies_and_seed_statements_are_edited_and_removed_through_the_api() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    edit_and_remove_through_the_api(&app).await;
}

#[tokio::test]
async fn constituencies_and_seed_statements_are_edited_and_removed_on_postgres() {
    let Some(database) = crate::postgres::fresh_database().await else {
        return;
    };
    let app = spawn_app_on(Config {
        database: database.clone(),
        analysis_enabled: false,
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    app.login_as_convenor().await;
    edit_and_remove_through_the_api(&app).await;
    drop(app);
    crate::postgres::drop_database(&database);
}

#[tokio::test]
async fn the_settings_page_edits_constituencies_and_seeds_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let token = csrf(&app).await;
    let gp = constituency_id(&app, dialogue, "GP").await;
    let settings = app
        .get(&format!("/convenor/dialogues/{dialogue}/settings"))
        .await;
    let page = text(&settings);
    assert!(
        page.contains(r#"value="70%""#),
        "shares are shown in percent: {page}"
    );
    assert!(page.contains("More benches"), "{page}");

    let path = format!("/convenor/dialogues/{dialogue}/constituencies/{gp}");
    let before = constituencies(&app, dialogue).await;
    let refused = post_form(
        &app,
        &path,
        &[
            ("csrf", &token),
            ("name", "Family doctor"),
            ("expected_share", "35%"),
            ("kind", "professional"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&refused);
    assert!(
        page.contains(
            "the expected shares add up to 105% with this one; together they can be at most 100%."
        ),
        "{page}"
    );
    assert!(page.contains(r#"value="Family doctor""#), "{page}");
    assert!(page.contains(r#"value="35%""#), "{page}");
    assert_eq!(
        constituencies(&app, dialogue).await,
        before,
        "nothing changes"
    );

    let saved = post_form(
        &app,
        &path,
        &[
            ("csrf", &token),
            ("name", "Family doctor"),
            ("expected_share", "15%"),
            ("kind", "professional"),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK);
    assert!(text(&saved).contains("The constituency is saved."));
    assert_eq!(
        constituencies(&app, dialogue).await[1],
        json!({"name": "Family doctor", "expected_share": 0.15, "kind": "professional"})
    );

    // Adding seed statements: a repeated line is named and what was typed stays.
    let refused = post_form(
        &app,
        &format!("/convenor/dialogues/{dialogue}/statements"),
        &[("csrf", &token), ("statements", "Shade\n\nWater\nshade")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&refused);
    assert!(
        page.contains("Seed statement line 4 repeats line 1."),
        "{page}"
    );
    assert!(page.contains("Shade\n\nWater\nshade"), "{page}");

    // A seed statement with votes: the page says to reject it in moderation.
    let seeds = statement_ids(&app, dialogue).await;
    let voter = app.join(dialogue, &[]).await;
    app.vote(dialogue, &voter, seeds[0], "agree").await;
    let refused = post_form(
        &app,
        &format!(
            "/convenor/dialogues/{dialogue}/seed-statements/{}/remove",
            seeds[0]
        ),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&refused).contains("reject it in moderation instead"));
    let edited = post_form(
        &app,
        &format!(
            "/convenor/dialogues/{dialogue}/seed-statements/{}",
            seeds[1]
        ),
        &[("csrf", &token), ("text", "Outdoor gyms for every age")],
    )
    .await;
    assert_eq!(edited.status, StatusCode::OK);
    assert!(text(&edited).contains("Outdoor gyms for every age"));
    let refused = post_form(
        &app,
        &format!(
            "/convenor/dialogues/{dialogue}/seed-statements/{}",
            seeds[2]
        ),
        &[("csrf", &token), ("text", "outdoor gyms for every age")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(&refused);
    assert!(
        page.contains("The dialogue already has this statement."),
        "{page}"
    );
    assert!(
        page.contains("outdoor gyms for every age</textarea>"),
        "{page}"
    );

    // A form without the token changes nothing.
    let forged = post_form(
        &app,
        &format!(
            "/convenor/dialogues/{dialogue}/seed-statements/{}/remove",
            seeds[2]
        ),
        &[],
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(statement_ids(&app, dialogue).await.len(), 3);
}

#[tokio::test]
async fn closing_a_dialogue_from_its_page_asks_first() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let dashboard = text(&app.get(&format!("/convenor/dialogues/{dialogue}")).await);
    assert!(
        dashboard.contains(&format!(
            r#"<form method="get" action="/convenor/dialogues/{dialogue}/close">"#
        )),
        "{dashboard}"
    );
    let asked = app
        .get(&format!("/convenor/dialogues/{dialogue}/close"))
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    let page = text(&asked);
    assert!(page.contains("Close the dialogue?"), "{page}");
    assert!(page.contains("the report stays available"), "{page}");
    assert_eq!(
        app.get_dialogue(dialogue).await.body["is_closed"],
        false,
        "asking closes nothing"
    );
    let token = hidden_field(&page, "csrf");
    let closed = post_form(
        &app,
        &format!("/convenor/dialogues/{dialogue}/close"),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(closed.status, StatusCode::OK);
    assert_eq!(app.get_dialogue(dialogue).await.body["is_closed"], true);
    // Reopening stays one step.
    let page = text(&closed);
    assert!(
        page.contains(&format!(
            r#"<form method="post" action="/convenor/dialogues/{dialogue}/reopen">"#
        )),
        "{page}"
    );
}

#[tokio::test]
async fn copying_a_dialogue_keeps_its_design_and_none_of_its_people() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let changed = app
        .update_dialogue(
            dialogue,
            &json!({"description": "For everyone.", "moderation": "pre", "weighting": "frame", "population_shares": {"GP": 0.1}}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{changed:?}");
    let seeds = statement_ids(&app, dialogue).await;
    let rejected = app.moderate_one(dialogue, seeds[2], "rejected").await;
    assert_eq!(rejected.status, StatusCode::OK);
    let person = app.join(dialogue, &["resident"]).await;
    app.vote(dialogue, &person, seeds[0], "agree").await;
    app.submit_statement(dialogue, &person, "Water fountains by the pond")
        .await;
    let before = dialogue_count(&app).await;

    let copied = send_json(
        &app,
        reqwest::Method::POST,
        &format!("/api/dialogues/{dialogue}/copy"),
        None,
    )
    .await;
    assert_eq!(copied.status, StatusCode::CREATED, "{copied:?}");
    let copy = copied.body["id"].as_i64().unwrap();
    assert_eq!(dialogue_count(&app).await, before + 1);
    let original = app.get_dialogue(dialogue).await.body;
    let view = app.get_dialogue(copy).await.body;
    assert_eq!(view["title"], "Copy of Our parks");
    for field in [
        "question",
        "description",
        "constituencies",
        "moderation",
        "report_visibility",
        "participant_statements",
        "weighting",
        "population_shares",
        "partnership_id",
    ] {
        assert_eq!(view[field], original[field], "{field}");
    }
    assert_eq!(view["is_closed"], false);
    let texts: Vec<String> = app.list_statements(copy, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["text"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(texts, vec!["More benches", "Free outdoor gyms"]);
    assert_eq!(app.vote_counts(copy).await.participants, 0);

    // The page does the same and opens the copy's settings.
    let token = csrf(&app).await;
    let page = post_form(
        &app,
        &format!("/convenor/dialogues/{dialogue}/copy"),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(text(&page).contains("This is a copy"), "{}", text(&page));
    assert_eq!(dialogue_count(&app).await, before + 2);

    // An unknown dialogue is not copied.
    let missing = send_json(
        &app,
        reqwest::Method::POST,
        "/api/dialogues/999999/copy",
        None,
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(dialogue_count(&app).await, before + 2);
}

/// Asserts that a page holds every phrase.
fn assert_says(page: &str, phrases: &[&str]) {
    for phrase in phrases {
        assert!(page.contains(phrase), "{phrase:?} is missing: {page}");
    }
}

#[tokio::test]
async fn the_dialogue_pages_are_in_welsh_when_chosen_and_in_english_otherwise() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = app.get("/api/partnerships").await.body[0]["id"]
        .as_i64()
        .unwrap();
    let browser = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let dashboard = format!("/convenor/dialogues/{dialogue}");
    let new_form = format!("/convenor/partnerships/{partnership}/dialogues");

    // Unchosen, the dialogue's page is in English, as it always was, offering Cymraeg.
    let english = browser.get(&app, &dashboard).await;
    assert_eq!(english.status, StatusCode::OK);
    assert_says(
        &english.text,
        &[
            "<html lang=\"en\"",
            "Participant link",
            "People can take part now.",
            "Settings, constituencies and statements",
            "<caption>Participants by constituency</caption>",
            "<td>lay</td>",
            "Your statement is shown to others straight away.",
            "Everything, as JSON",
            "Close the dialogue…",
            "href=\"?lang=cy\"",
        ],
    );

    // Chosen with ?lang=cy: the page's words are Welsh, what the convenor wrote is not.
    let welsh = browser.get(&app, &format!("{dashboard}?lang=cy")).await;
    assert_eq!(welsh.status, StatusCode::OK);
    assert_says(
        &welsh.text,
        &[
            "<html lang=\"cy\"",
            "Our parks",
            "Dolen i gyfranogwyr",
            "Gall pobl gymryd rhan nawr.",
            "Gosodiadau, etholaethau a datganiadau",
            "<caption>Cyfranogwyr yn ôl etholaeth</caption>",
            "<td>lleyg</td>",
            "Caiff eich datganiad ei ddangos i eraill ar unwaith.",
            "Y cyfan, fel JSON",
            "Cau&#x27;r drafodaeth…",
            "href=\"?lang=en\"",
        ],
    );
    assert!(!welsh.text.contains("Participant link"), "{}", welsh.text);
    // Polish is no language of the convenors' pages.
    assert!(!welsh.text.contains("lang=pl"), "{}", welsh.text);

    // The choice is remembered: the new-dialogue form is in Welsh too.
    let form = browser.get(&app, &new_form).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_says(
        &form.text,
        &[
            "<html lang=\"cy\"",
            "<h1>Trafodaeth newydd</h1>",
            "Y cwestiwn a ofynnir i gyfranogwyr",
            "<legend>Datganiadau cychwynnol</legend>",
            "Etholaethau, un ar bob llinell",
            "<code>Gofalwr | 15% | lay</code>",
            "Amser agor",
            "Caiff cyfranogwyr ysgrifennu datganiadau",
            "Cynullwyr y bartneriaeth hon yn unig",
        ],
    );
    assert!(!form.text.contains("New dialogue"), "{}", form.text);

    // A refused form stays in Welsh, says what the page found wrong in Welsh, keeps what was
    // typed, and its switcher leads to the form's own address.
    let refused = browser
        .post(
            &app,
            &new_form,
            &[
                ("title", "Parciau"),
                ("question", "Beth fyddai o help?"),
                ("constituencies", "Gofalwr\nMeddyg teulu | llawer"),
                ("statements", "Mwy o feinciau"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_says(
        &refused.text,
        &[
            "<html lang=\"cy\"",
            "Etholaethau, llinell 2:",
            "&quot;llawer&quot; yn ganran fel 15%.",
            "value=\"Parciau\"",
            &format!("href=\"{new_form}?lang=en\""),
        ],
    );

    // The settings and the question before closing are in Welsh.
    let settings = browser.get(&app, &format!("{dashboard}/settings")).await;
    assert_says(
        &settings.text,
        &[
            "<h1>Gosodiadau</h1>",
            "Ychwanegu etholaeth",
            "Datganiad cychwynnol 1",
            "Pwysau cyfartal",
        ],
    );
    let groups = browser
        .get(&app, &format!("/d/{dialogue}/report/groups"))
        .await;
    assert_says(
        &groups.text,
        &[
            "<html lang=\"cy\"",
            "Yn ôl i&#x27;r adroddiad ar Our parks",
            "Nid oes grwpiau barn yn cael eu dangos eto",
            "Dangosir grwpiau barn unwaith y bydd o leiaf 10 cyfranogwr",
        ],
    );
    let close = browser.get(&app, &format!("{dashboard}/close")).await;
    assert_says(
        &close.text,
        &["Mae cau “Our parks” yn golygu:", "Na, ei chadw ar agor"],
    );

    // Chosen back to English, the form reads as it always did.
    let english = browser.get(&app, &format!("{new_form}?lang=en")).await;
    assert_says(
        &english.text,
        &[
            "<html lang=\"en\"",
            "<h1>New dialogue</h1>",
            "<legend>Seed statements</legend>",
            "<code>Carer | 15% | lay</code>",
            "Create the dialogue",
        ],
    );
}

/// Returns text as the templates write it into a page (quotation marks and apostrophes
/// escaped).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

/// One change a Welsh page's form and the JSON API both ask for, and its refusal in each.
struct Refused<'a> {
    /// Where the page's form posts, and what it sends.
    form: (String, Vec<(&'a str, &'a str)>),
    /// The JSON request of the same change.
    api: (reqwest::Method, String, Option<Value>),
    /// The API's status.
    status: StatusCode,
    /// What the Welsh page says.
    welsh: &'a str,
    /// What the API says.
    english: &'a str,
}

#[tokio::test]
async fn a_welsh_settings_page_says_the_services_refusals_in_welsh_and_the_api_keeps_its_english() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let resident = constituency_id(&app, dialogue, "resident").await;
    let gp = constituency_id(&app, dialogue, "GP").await;
    app.join(dialogue, &["resident"]).await;
    let browser = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let settings = format!("/convenor/dialogues/{dialogue}/settings");
    let chosen = browser.get(&app, &format!("{settings}?lang=cy")).await;
    assert_eq!(chosen.status, StatusCode::OK);
    let before = app.get_dialogue(dialogue).await.body;

    let cases = [
        Refused {
            form: (
                settings.clone(),
                vec![
                    ("title", "Our parks"),
                    ("question", "What would make the parks better for health?"),
                    ("opens_at", "2027-03-12T17:00"),
                    ("closes_at", "2027-03-12T09:00"),
                ],
            ),
            api: (
                reqwest::Method::PATCH,
                format!("/api/dialogues/{dialogue}"),
                Some(
                    json!({"opens_at": "2027-03-12T17:00:00Z", "closes_at": "2027-03-12T09:00:00Z"}),
                ),
            ),
            status: StatusCode::UNPROCESSABLE_ENTITY,
            welsh: "Amser cau: byddai'r drafodaeth yn cau ar 12 Mawrth 2027, 09:00 UTC ond yn agor dim ond ar 12 Mawrth 2027, 17:00 UTC; rhaid i'r amser cau ddod ar ôl yr amser agor.",
            english: "closes_at: the dialogue would close on 12 March 2027, 09:00 UTC but open only on 12 March 2027, 17:00 UTC; the closing time must come after the opening time",
        },
        Refused {
            form: (
                format!("/convenor/dialogues/{dialogue}/constituencies/{gp}"),
                vec![("name", "resident")],
            ),
            api: (
                reqwest::Method::PUT,
                format!("/api/dialogues/{dialogue}/constituencies/{gp}"),
                Some(json!({"name": "resident"})),
            ),
            status: StatusCode::CONFLICT,
            welsh: "Etholaeth \"GP\": mae gan y drafodaeth etholaeth o'r enw \"resident\" eisoes.",
            english: "Constituency \"GP\": the dialogue already has a constituency named \"resident\"",
        },
        Refused {
            form: (
                format!("/convenor/dialogues/{dialogue}/constituencies/{resident}/remove"),
                vec![],
            ),
            api: (
                reqwest::Method::DELETE,
                format!("/api/dialogues/{dialogue}/constituencies/{resident}"),
                None,
            ),
            status: StatusCode::CONFLICT,
            welsh: "Mae gan yr etholaeth 1 aelod; dim ond etholaeth nad oes neb wedi'i dewis y gellir ei dileu.",
            english: "the constituency has 1 member; only a constituency nobody has chosen can be removed",
        },
    ];
    for case in cases {
        let (form_path, form) = case.form;
        let refused = browser.post(&app, &form_path, &form).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{form_path}"
        );
        assert_says(&refused.text, &["<html lang=\"cy\"", &escaped(case.welsh)]);
        let english_sentence = escaped(&case.english[1..]);
        assert!(
            !refused.text.contains(&english_sentence),
            "{}: {}",
            case.english,
            refused.text
        );

        let (method, api_path, body) = case.api;
        let answer = send_json(&app, method, &api_path, body).await;
        assert_eq!(answer.status, case.status, "{answer:?}");
        assert_eq!(answer.body["error"]["message"], case.english, "{api_path}");
    }
    assert_eq!(
        app.get_dialogue(dialogue).await.body,
        before,
        "nothing changes"
    );

    // In English the page says the API's words, as a sentence.
    let english = browser.get(&app, &format!("{settings}?lang=en")).await;
    assert_eq!(english.status, StatusCode::OK);
    let refused = browser
        .post(
            &app,
            &format!("/convenor/dialogues/{dialogue}/constituencies/{resident}/remove"),
            &[],
        )
        .await;
    assert_says(
        &refused.text,
        &["The constituency has 1 member; only a constituency nobody has chosen can be removed."],
    );
}
