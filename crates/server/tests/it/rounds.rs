//! Rounds: a convenor starts a second round (through the API and the page); participants vote
//! again with the same tokens; the analysis compares the rounds (agreement per statement,
//! who moved, common ground gained or lost); the vote page names the round; bad requests are
//! refused clearly; the rounds and moderation pages speak Welsh when chosen. On SQLite always
//! and on PostgreSQL when `TEST_PG_URL` is set.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, COOKIE};
use serde_json::{Value, json};
use server::Config;
use server::analysis::RunOutcome;

use crate::fixtures::PageBrowser;
use crate::postgres::{drop_database, fresh_database};
use crate::support::{
    CONVENOR_EMAIL, CONVENOR_PASSWORD, Participant, TestApp, seed_convenor, spawn_app, spawn_app_on,
};

async fn send(request: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let response = request.send().await.unwrap();
    let status = response.status();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

async fn start_round(app: &TestApp, dialogue: i64, body: &Value) -> (StatusCode, Value) {
    send(
        app.convenor
            .post(app.url(&format!("/api/dialogues/{dialogue}/rounds")))
            .json(body),
    )
    .await
}

async fn rounds(app: &TestApp, dialogue: i64) -> Value {
    let (status, body) = send(
        app.convenor
            .get(app.url(&format!("/api/dialogues/{dialogue}/rounds"))),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn statement_ids(app: &TestApp, dialogue: i64) -> Vec<i64> {
    app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect()
}

async fn vote(app: &TestApp, dialogue: i64, participant: &Participant, statement: i64, how: &str) {
    let answer = app.vote(dialogue, participant, statement, how).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
}

/// The comparison's entry for one statement.
fn compared(analysis: &Value, statement: i64) -> Value {
    analysis["rounds"]["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["statement"] == statement)
        .expect("the statement is compared")
        .clone()
}

/// The scenario both backends run.
async fn a_second_round_is_compared_with_the_first(app: &TestApp) {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let statements = statement_ids(app, dialogue).await;
    let (benches, gyms) = (statements[0], statements[1]);

    let listed = rounds(app, dialogue).await;
    assert_eq!(listed["rounds"].as_array().unwrap().len(), 1);
    assert_eq!(listed["rounds"][0]["label"], "Round 1");
    assert_eq!(listed["rounds"][0]["is_current"], true);

    // Round 1: four residents and two GPs. Benches divide; gyms are agreed by everyone.
    let mut people = Vec::new();
    for constituency in ["resident", "resident", "resident", "resident", "GP", "GP"] {
        people.push(app.join(dialogue, &[constituency]).await);
    }
    for (index, person) in people.iter().enumerate() {
        let on_benches = if index % 2 == 0 { "agree" } else { "disagree" };
        vote(app, dialogue, person, benches, on_benches).await;
        vote(app, dialogue, person, gyms, "agree").await;
    }
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let first = app.analysis(dialogue).await.body;
    assert!(first.get("rounds").is_none(), "{first}");

    // Bad requests change nothing.
    for (body, reason) in [
        (json!({ "label": "" }), "blank"),
        (json!({ "label": "x".repeat(121) }), "too long"),
        (
            json!({ "label": "Two", "ending_label": "a\u{7}b" }),
            "control",
        ),
        (json!({ "label": "Two", "colour": "blue" }), "unknown field"),
        (json!({ "name": "Two" }), "missing label"),
    ] {
        let (status, answer) = start_round(app, dialogue, &body).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{reason}: {answer}"
        );
        assert!(answer["error"]["message"].is_string(), "{answer}");
    }
    let (status, _) = start_round(app, 999_999, &json!({ "label": "Two" })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let anonymous = reqwest::Client::new()
        .post(app.url(&format!("/api/dialogues/{dialogue}/rounds")))
        .json(&json!({ "label": "Two" }))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        rounds(app, dialogue).await["rounds"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let (status, started) = start_round(
        app,
        dialogue,
        &json!({ "label": "After the health fair", "ending_label": "Before the health fair" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{started}");
    assert_eq!(started["number"], 2);
    assert_eq!(started["label"], "After the health fair");
    assert_eq!(started["is_current"], true);
    assert_eq!(started["votes"], 0);

    // Participants come back with the same tokens and are offered every statement again.
    let next = app.next(dialogue, &people[0]).await;
    assert_eq!(next.status, StatusCode::OK, "{next:?}");
    // Round 2: everyone who disagreed with benches now agrees; one GP no longer agrees with
    // gyms; participant 3 does not come back.
    for (index, person) in people.iter().enumerate() {
        if index == 2 {
            continue;
        }
        vote(app, dialogue, person, benches, "agree").await;
        let on_gyms = if index == 5 { "disagree" } else { "agree" };
        vote(app, dialogue, person, gyms, on_gyms).await;
    }
    let listed = rounds(app, dialogue).await;
    let listed = listed["rounds"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["label"], "Before the health fair");
    assert_eq!(listed[0]["is_current"], false);
    assert!(listed[0]["ended_at"].is_string());
    assert_eq!(
        (listed[0]["voters"].clone(), listed[0]["votes"].clone()),
        (json!(6), json!(12))
    );
    assert_eq!(
        (listed[1]["voters"].clone(), listed[1]["votes"].clone()),
        (json!(5), json!(10))
    );

    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let analysis = app.analysis(dialogue).await.body;
    // The rest of the document is the current round's.
    assert_eq!(analysis["n_votes"], 10);
    let compared_rounds = &analysis["rounds"];
    assert_eq!(compared_rounds["earlier"], 1);
    assert_eq!(compared_rounds["later"], 2);
    assert_eq!(
        compared_rounds["voters"],
        json!({ "earlier": 6, "later": 5, "returning": 5, "moved": 3 })
    );
    let on_benches = compared(&analysis, benches);
    assert_eq!(
        on_benches["overall"]["earlier"],
        json!({ "agree": 3, "disagree": 3, "pass": 0 })
    );
    assert_eq!(
        on_benches["overall"]["later"],
        json!({ "agree": 5, "disagree": 0, "pass": 0 })
    );
    // Rows are the earlier choice, columns the later: agree, disagree, pass.
    assert_eq!(
        on_benches["transitions"],
        json!([[2, 0, 0], [3, 0, 0], [0, 0, 0]])
    );
    assert_eq!(on_benches["moved"], 3);
    let change = on_benches["overall"]["change"].as_f64().unwrap();
    assert!((change - 0.5).abs() < 1e-9, "{change}");
    let on_gyms = compared(&analysis, gyms);
    assert_eq!(
        on_gyms["transitions"],
        json!([[4, 1, 0], [0, 0, 0], [0, 0, 0]])
    );
    // The constituencies are the dialogue's, in its order: residents, then GPs.
    let constituencies = compared_rounds["constituencies"].as_array().unwrap();
    assert_eq!(constituencies[0]["name"], "resident");
    assert_eq!(constituencies[0]["returning"], 3);
    assert_eq!(constituencies[1]["name"], "GP");
    assert_eq!(
        (
            constituencies[1]["returning"].clone(),
            constituencies[1]["moved"].clone()
        ),
        (json!(2), json!(1))
    );
    let gp_gyms = &on_gyms["constituencies"][1];
    assert_eq!(
        gp_gyms["earlier"],
        json!({ "agree": 2, "disagree": 0, "pass": 0 })
    );
    assert_eq!(
        gp_gyms["later"],
        json!({ "agree": 1, "disagree": 1, "pass": 0 })
    );
    // Every statement is in exactly one of the common-ground lists or in none.
    for statement in [benches, gyms] {
        let place = compared(&analysis, statement)["common_ground"].clone();
        let listed_in = ["gained", "lost", "kept"]
            .iter()
            .filter(|list| {
                compared_rounds[**list]
                    .as_array()
                    .unwrap()
                    .contains(&json!(statement))
            })
            .count();
        assert_eq!(listed_in, usize::from(place != "neither"), "{place}");
    }

    // A participant's data keeps every vote with its round; only the current round's count.
    let (status, data) = send(
        reqwest::Client::new()
            .get(app.url(&format!("/api/dialogues/{dialogue}/me")))
            .bearer_auth(&people[5].token),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{data}");
    let kept: Vec<(i64, bool)> = data["votes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|vote| (vote["round"].as_i64().unwrap(), vote["is_latest"] == true))
        .collect();
    assert_eq!(kept, [(1, false), (1, false), (2, true), (2, true)]);
    let (_, stayed_away) = send(
        reqwest::Client::new()
            .get(app.url(&format!("/api/dialogues/{dialogue}/me")))
            .bearer_auth(&people[2].token),
    )
    .await;
    assert!(
        stayed_away["votes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|vote| vote["round"] == 1 && vote["is_latest"] == false),
        "{stayed_away}"
    );

    // The vote page names the round.
    let page = reqwest::Client::new()
        .get(app.url(&format!("/d/{dialogue}")))
        .header(ACCEPT, "text/html")
        .header(
            COOKIE,
            format!("cg_participant_{dialogue}={}", people[2].token),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"round-banner\""), "{page}");
    assert!(page.contains("Round 2:"), "{page}");
    assert!(page.contains("After the health fair"), "{page}");
    let welsh = reqwest::Client::new()
        .get(app.url(&format!("/d/{dialogue}?lang=cy")))
        .header(ACCEPT, "text/html")
        .header(
            COOKIE,
            format!("cg_participant_{dialogue}={}", people[2].token),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(welsh.contains("Rownd 2:"), "{welsh}");

    // The report shows the comparison.
    let report = app
        .convenor
        .get(app.url(&format!("/d/{dialogue}/report")))
        .send()
        .await
        .unwrap();
    assert_eq!(report.status(), StatusCode::OK);
    let report = report.text().await.unwrap();
    assert!(report.contains("id=\"rounds-heading\""), "{report}");
    assert!(
        report.contains("Round 1, Before the health fair"),
        "{report}"
    );
}

#[tokio::test]
async fn a_second_round_is_compared_with_the_first_on_sqlite() {
    let app = spawn_app().await;
    a_second_round_is_compared_with_the_first(&app).await;
}

#[tokio::test]
async fn a_second_round_is_compared_with_the_first_on_postgresql() {
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
    a_second_round_is_compared_with_the_first(&app).await;
    drop_database(&database);
}

#[tokio::test]
async fn the_rounds_page_starts_a_round_only_once_confirmed() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let browser = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let path = format!("/convenor/dialogues/{dialogue}/rounds");

    let page = browser.get(&app, &path).await;
    assert_eq!(page.status, StatusCode::OK, "{page:?}");
    assert!(page.text.contains("Start round 2"), "{}", page.text);
    assert!(page.text.contains("value=\"Round 1\""), "{}", page.text);

    // Without the confirmation, nothing starts and the form keeps what was typed.
    let refused = browser
        .post(
            &app,
            &path,
            &[("label", "After the fair"), ("ending_label", "Before")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text.contains("id=\"rounds-error\""),
        "{}",
        refused.text
    );
    assert!(
        refused.text.contains("value=\"After the fair\""),
        "{}",
        refused.text
    );
    assert_eq!(
        rounds(&app, dialogue).await["rounds"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // A blank name is refused with the reason.
    let blank = browser
        .post(
            &app,
            &path,
            &[("label", "  "), ("ending_label", ""), ("confirm", "yes")],
        )
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        blank.text.contains("A round needs a name"),
        "{}",
        blank.text
    );

    // Without the form token, refused.
    let forged = browser
        .post_as_sent(&app, &path, &[("label", "Two"), ("confirm", "yes")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    let started = browser
        .post(
            &app,
            &path,
            &[
                ("label", "After the fair"),
                ("ending_label", "Before the fair"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{started:?}");
    let page = browser
        .get(&app, started.location.as_deref().unwrap())
        .await;
    assert!(
        page.text.contains("The new round has started"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Before the fair"), "{}", page.text);
    assert!(page.text.contains("After the fair"), "{}", page.text);
    assert!(page.text.contains("Start round 3"), "{}", page.text);
}

#[tokio::test]
async fn the_rounds_and_moderation_pages_are_in_welsh_when_chosen() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let browser = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let rounds_path = format!("/convenor/dialogues/{dialogue}/rounds");
    let moderation = format!("/convenor/dialogues/{dialogue}/moderation");

    // English unless chosen.
    let english = browser.get(&app, &rounds_path).await;
    assert!(english.text.contains("<h1>Rounds</h1>"), "{}", english.text);
    assert!(english.text.contains(">current</span>"), "{}", english.text);

    let welsh = browser.get(&app, &format!("{rounds_path}?lang=cy")).await;
    assert_eq!(welsh.status, StatusCode::OK);
    for phrase in [
        "<html lang=\"cy\"",
        "<h1>Rowndiau</h1>",
        "<caption>Rowndiau&#x27;r drafodaeth hon</caption>",
        ">cyfredol</span>",
        "Dechrau rownd 2",
        "value=\"Round 1\"",
        "href=\"?lang=en\"",
    ] {
        assert!(welsh.text.contains(phrase), "{phrase}: {}", welsh.text);
    }
    assert!(!welsh.text.contains("Start round 2"), "{}", welsh.text);

    // Unconfirmed, the form is refused in Welsh, its switcher leading to the page.
    let refused = browser
        .post(&app, &rounds_path, &[("label", "Ar ôl y ffair")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text
            .contains("Ticiwch y blwch i gadarnhau y bydd cyfranogwyr yn pleidleisio eto"),
        "{}",
        refused.text
    );
    assert!(
        refused
            .text
            .contains(&format!("href=\"{rounds_path}?lang=en\"")),
        "{}",
        refused.text
    );

    // Confirmed with a name the service refuses, the refusal is the service's, said in Welsh,
    // while the JSON API refuses the same name with the same English as ever.
    let long = "x".repeat(121);
    for (label, welsh, english) in [
        ("   ", "Mae angen enw ar rownd.", "a round needs a name"),
        (
            long.as_str(),
            "Mae gan enw rownd 120 nod ar y mwyaf.",
            "a round's name has at most 120 characters",
        ),
    ] {
        let refused = browser
            .post(&app, &rounds_path, &[("label", label), ("confirm", "yes")])
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text.contains(welsh), "{welsh}: {}", refused.text);
        let sentence = english.replace('\'', "&#x27;");
        assert!(!refused.text.contains(&sentence[1..]), "{}", refused.text);
        let (status, body) = start_round(&app, dialogue, &json!({ "label": label })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["error"]["code"], "validation_failed");
        assert_eq!(body["error"]["message"], english);
    }
    assert_eq!(
        rounds(&app, dialogue).await["rounds"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // The moderation page remembers Welsh: its tabs, each row's words and the buttons.
    let waiting = browser.get(&app, &moderation).await;
    for phrase in [
        "<h1>Cymedroli</h1>",
        "Datganiadau sy&#x27;n aros am benderfyniad: 0.",
        "Brysbennu diogelu",
        ">Y cyfan</a>",
        "Dim datganiadau yma.",
    ] {
        assert!(waiting.text.contains(phrase), "{phrase}: {}", waiting.text);
    }
    let all = browser.get(&app, &format!("{moderation}?status=all")).await;
    for phrase in [
        "gan gynullydd",
        "0 yn cytuno, 0 yn anghytuno, 0 yn pasio",
        "Derbyn<span class=\"visually-hidden\"> datganiad",
        "Gwrthod y datganiadau a ddewiswyd",
        "href=\"?status=all&amp;lang=en\"",
    ] {
        assert!(all.text.contains(phrase), "{phrase}: {}", all.text);
    }

    // In English, the same rows read as before.
    let all = browser
        .get(&app, &format!("{moderation}?status=all&lang=en"))
        .await;
    for phrase in [
        "by a convenor",
        "0 agree, 0 disagree, 0 pass",
        "Accept<span class=\"visually-hidden\"> statement",
        "Reject the selected statements",
    ] {
        assert!(all.text.contains(phrase), "{phrase}: {}", all.text);
    }
}
