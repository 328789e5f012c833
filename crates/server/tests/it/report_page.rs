//! The report page: a summary first, the grid of statements against groups and constituencies
//! (sorted and filtered by query parameters), each statement's detail page, the groups'
//! labels (edited by convenors through the API and a form, kept across analyses), the page a
//! private report shows the public, and the short page of a dialogue without votes.

use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;
use server::analysis::RunOutcome;
use server::report::document::synthetic::{Shape, document};

use crate::support::{TestApp, spawn_app};

/// Creates a dialogue whose participants fall into two camps that agree on one statement.
async fn two_camps(app: &TestApp, n_participants: usize) -> i64 {
    app.login_as_convenor().await;
    let answer = app
        .create_dialogue(&json!({
            "title": "Clinics",
            "question": "What would make the clinics better?",
            "constituencies": [
                {"name": "resident", "expected_share": 0.6, "kind": "lay"},
                {"name": "GP", "kind": "professional"},
                {"name": "carer", "expected_share": 0.3, "kind": "lay"}
            ],
            "statements": [
                "Clinics should open in the evening",
                "Appointments should be booked online only",
                "Home visits matter more than clinics",
                "Waiting rooms need more seats",
                "Transport to the hospital should be free",
                "Everyone should see the same doctor each time",
            ],
        }))
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{answer:?}");
    let dialogue = answer.body["id"].as_i64().unwrap();
    let statements: Vec<i64> = app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect();
    for index in 0..n_participants {
        let camp = index % 2;
        let constituency = if index % 3 == 0 { "GP" } else { "resident" };
        let participant = app.join(dialogue, &[constituency]).await;
        for (position, statement) in statements.iter().enumerate() {
            let vote = match (position, camp) {
                (5, _) => "agree",
                (p, 0) if p < 3 => "agree",
                (p, 1) if p >= 3 => "agree",
                _ if (index + position) % 7 == 0 => "pass",
                _ => "disagree",
            };
            let answer = app.vote(dialogue, &participant, *statement, vote).await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
        }
    }
    dialogue
}

/// Stores `document` as the dialogue's latest analysis.
async fn store_synthetic(app: &TestApp, dialogue: i64, doc: &server::report::document::Document) {
    let store = app.state.store();
    let id = model::DialogueId(dialogue);
    store
        .save_snapshot(store::NewSnapshot {
            dialogue: id,
            revision: store.dialogue_revision(id).await.unwrap(),
            computed_at: 1_800_000_000_000,
            n_votes: 1_000,
            result_json: serde_json::to_string(doc).unwrap(),
            engine_state: Vec::new(),
        })
        .await
        .unwrap();
}

/// A dialogue with a few votes (so the report is drawn) and a synthetic analysis of 12
/// statements, 40 participants, 2 groups and 3 constituencies.
async fn synthetic_dialogue(app: &TestApp) -> i64 {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let statement = app.list_statements(dialogue, "").await.body["statements"][0]["id"]
        .as_i64()
        .unwrap();
    let participant = app.join(dialogue, &["resident"]).await;
    app.vote(dialogue, &participant, statement, "agree").await;
    let doc = document(Shape {
        statements: 12,
        participants: 40,
        groups: 2,
        constituencies: 3,
    });
    store_synthetic(app, dialogue, &doc).await;
    dialogue
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
    let answer = client.get(app.url(path)).send().await.unwrap();
    let status = answer.status();
    (status, answer.text().await.unwrap())
}

/// Escapes an address as the page templates print it in an attribute.
fn escaped(path: &str) -> String {
    path.replace('&', "&amp;").replace('/', "&#x2f;")
}

/// Returns the statement numbers of the grid's rows, in order.
fn row_numbers(html: &str) -> Vec<usize> {
    html.split("<td class=\"grid-number\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next()?.trim().parse().ok())
        .collect()
}

#[tokio::test]
async fn a_dialogue_without_votes_says_what_it_needs() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let (status, html) = page(&app, &app.anonymous, &format!("/d/{dialogue}/report")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("What this report needs"), "{html}");
    assert!(html.contains("Nobody has voted yet"));
    assert!(!html.contains("bar-row"), "no empty bars");
    assert!(!html.contains("grid-table"));
    assert!(!html.contains("Not enough data yet"));
}

#[tokio::test]
async fn the_report_leads_with_a_summary_and_opens_each_statement() {
    let app = spawn_app().await;
    let dialogue = two_camps(&app, 16).await;
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let (status, html) = page(&app, &app.anonymous, &format!("/d/{dialogue}/report")).await;
    assert_eq!(status, StatusCode::OK);
    let summary = html.find("id=\"summary-heading\"").unwrap();
    let grid = html.find("id=\"grid-heading\"").unwrap();
    let map = html.find("id=\"map-heading\"").unwrap();
    assert!(summary < grid && grid < map, "summary, then grid, then map");
    for heading in [
        "Who took part",
        "What is common ground",
        "Where people divide",
        "Whose voice is missing",
    ] {
        assert!(html.contains(heading), "{heading} is missing");
    }
    assert!(html.contains("16 people took part"), "{html}");
    assert!(html.contains("By constituency (2 of 3 constituencies have people)"));
    assert!(html.contains("Nobody from carer has taken part."));
    assert!(!html.contains("Not enough data yet"));
    assert!(!html.contains("1 people"));
    // Six statements numbered 1 to 6, each with its detail page.
    let analysis = app.analysis(dialogue).await.body;
    let mut ids: Vec<i64> = analysis["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    let mut numbers = row_numbers(&html);
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=6).collect::<Vec<_>>());
    for (position, id) in ids.iter().enumerate() {
        let path = format!("/d/{dialogue}/report/statements/{id}");
        assert!(html.contains(&escaped(&path)), "{path} is not linked");
        let (status, detail) = page(&app, &app.anonymous, &path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(detail.contains(&format!("Statement {}", position + 1)));
        assert!(detail.contains("Everyone"));
        assert!(detail.contains("By constituency"));
        assert!(detail.contains("agree, "), "counts are shown");
    }
}

#[tokio::test]
async fn the_grid_sorts_and_filters_by_query() {
    let app = spawn_app().await;
    let dialogue = synthetic_dialogue(&app).await;
    let report = format!("/d/{dialogue}/report");
    let (status, html) = page(&app, &app.anonymous, &report).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(row_numbers(&html).len(), 12);
    assert!(
        html.contains("Group A: for “synthetic statement 2"),
        "{html}"
    );
    assert!(html.contains("Showing 1–12 of 12 statements, common ground first."));
    // Filter: common ground only (every fourth statement).
    let (_, common) = page(&app, &app.anonymous, &format!("{report}?show=common")).await;
    assert_eq!(row_numbers(&common), vec![1, 5, 9]);
    assert!(!common.contains("grid-row--divided"));
    let (_, divided) = page(&app, &app.anonymous, &format!("{report}?show=divided")).await;
    assert_eq!(row_numbers(&divided).len(), 9);
    // Sort: by number, and by the second group's agreement (highest first).
    let (_, by_number) = page(&app, &app.anonymous, &format!("{report}?sort=number")).await;
    assert_eq!(row_numbers(&by_number), (1..=12).collect::<Vec<_>>());
    let (_, by_group) = page(&app, &app.anonymous, &format!("{report}?sort=g2&show=all")).await;
    let first = row_numbers(&by_group)[0];
    assert_eq!(
        first % 4,
        1,
        "a common-ground statement agrees most in group B"
    );
    assert!(by_group.contains("aria-sort=\"descending\""));
    // Links keep the other choices.
    let link = escaped(&format!("/d/{dialogue}/report?sort=g2&show=common#grid"));
    assert!(by_group.contains(&format!("href=\"{link}\"")), "{by_group}");
    // A bad parameter is refused with a reason.
    for bad in ["sort=g3", "sort=loudest", "show=everything", "page=0"] {
        let (status, body) = page(&app, &app.anonymous, &format!("{report}?{bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            body.contains("is not known") || body.contains("whole number"),
            "{body}"
        );
    }
}

#[tokio::test]
async fn a_statement_detail_page_has_the_full_breakdown() {
    let app = spawn_app().await;
    let dialogue = synthetic_dialogue(&app).await;
    let (status, html) = page(
        &app,
        &app.anonymous,
        &format!("/d/{dialogue}/report/statements/103"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Statement 2"));
    assert!(html.contains("Divided"));
    assert!(html.contains("Group A: for"));
    assert!(html.contains("Constituency 3"));
    assert!(html.contains("likely"));
    assert!(html.contains("from 2 of 2 groups with votes"), "{html}");
    assert!(html.contains("from 3 of 3 constituencies with votes"));
    assert!(
        html.contains(&escaped(&format!("/d/{dialogue}/report/statements/100"))),
        "previous"
    );
    let (status, missing) = page(
        &app,
        &app.anonymous,
        &format!("/d/{dialogue}/report/statements/999"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("no statement 999"));
    let (status, _) = page(
        &app,
        &app.anonymous,
        &format!("/d/{dialogue}/report/statements/first"),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn group_labels_are_set_by_convenors_and_survive_reanalysis() {
    let app = spawn_app().await;
    let dialogue = synthetic_dialogue(&app).await;
    let label_url =
        |group: i64| app.url(&format!("/api/dialogues/{dialogue}/groups/{group}/label"));
    // The public may not name groups.
    let refused = app
        .anonymous
        .put(label_url(10))
        .json(&json!({"label": "for later clinics"}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    // A convenor may; a label too long or for a group that does not exist is refused.
    let saved = app
        .convenor
        .put(label_url(10))
        .json(&json!({"label": "  for later clinics "}))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(
        saved.json::<serde_json::Value>().await.unwrap(),
        json!({"group": 10, "label": "for later clinics"})
    );
    let long = app
        .convenor
        .put(label_url(11))
        .json(&json!({"label": "x".repeat(81)}))
        .send()
        .await
        .unwrap();
    assert_eq!(long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unknown = app
        .convenor
        .put(label_url(3))
        .json(&json!({"label": "for buses"}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let labels = app
        .state
        .store()
        .group_labels(model::DialogueId(dialogue))
        .await
        .unwrap();
    assert_eq!(labels.len(), 1, "nothing stored on refusal");
    let (_, html) = page(&app, &app.anonymous, &format!("/d/{dialogue}/report")).await;
    assert!(html.contains("Group A: for later clinics"));
    // A new analysis keeps the label under the group's id.
    let doc = document(Shape {
        statements: 12,
        participants: 44,
        groups: 2,
        constituencies: 3,
    });
    store_synthetic(&app, dialogue, &doc).await;
    let (_, html) = page(&app, &app.anonymous, &format!("/d/{dialogue}/report")).await;
    assert!(html.contains("Group A: for later clinics"));
    assert!(html.contains("44 people took part"));

    // The form: a convenor's page with each group's box.
    let (status, form) = page(&app, &app.convenor, &format!("/d/{dialogue}/report/groups")).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = form
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    assert!(form.contains("value=\"for later clinics\""));
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let (status, _) = page(&app, &no_redirect, &format!("/d/{dialogue}/report/groups")).await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the public is sent to sign in"
    );
    let posted = app
        .convenor
        .post(app.url(&format!("/d/{dialogue}/report/groups")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("label-10", ""),
            ("label-11", "for home visits"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        posted.status(),
        StatusCode::OK,
        "redirected back to the form"
    );
    assert!(
        posted
            .text()
            .await
            .unwrap()
            .contains("The labels are saved.")
    );
    let (_, html) = page(&app, &app.anonymous, &format!("/d/{dialogue}/report")).await;
    assert!(html.contains("Group B: for home visits"));
    assert!(
        html.contains("Group A: for “synthetic statement 2"),
        "an empty box goes back to the derived label"
    );
    let forged = app
        .convenor
        .post(app.url(&format!("/d/{dialogue}/report/groups")))
        .form(&[("csrf", "forged"), ("label-11", "for nothing")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let too_long = "y".repeat(90);
    let refused = app
        .convenor
        .post(app.url(&format!("/d/{dialogue}/report/groups")))
        .form(&[("csrf", csrf.as_str()), ("label-11", too_long.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("Group B"));
    let labels = app
        .state
        .store()
        .group_labels(model::DialogueId(dialogue))
        .await
        .unwrap();
    assert_eq!(labels.get(&11).map(String::as_str), Some("for home visits"));
}

#[tokio::test]
async fn a_private_report_explains_itself_to_the_public() {
    let app = spawn_app().await;
    let dialogue = synthetic_dialogue(&app).await;
    app.update_dialogue(dialogue, &json!({"report_visibility": "convenors"}))
        .await;
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for path in [
        format!("/d/{dialogue}/report"),
        format!("/d/{dialogue}/report/statements/100"),
    ] {
        let answer = no_redirect.get(app.url(&path)).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::FORBIDDEN, "{path}");
        assert!(answer.headers().get(LOCATION).is_none());
        let html = answer.text().await.unwrap();
        assert!(html.contains("is private"), "{html}");
        assert!(html.contains("Sign in to read the report"));
        assert!(!html.contains("Synthetic statement"));
    }
    let (status, html) = page(&app, &app.convenor, &format!("/d/{dialogue}/report")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Synthetic statement"));
    assert!(html.contains("convenors can rename the groups"));
}

/// Reads a page as a browser that prefers `language`.
async fn page_in(app: &TestApp, path: &str, language: &str) -> (StatusCode, String) {
    let answer = app
        .anonymous
        .get(app.url(path))
        .header(reqwest::header::ACCEPT_LANGUAGE, language)
        .send()
        .await
        .unwrap();
    let status = answer.status();
    let html = answer
        .text()
        .await
        .unwrap()
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/");
    (status, html)
}

#[tokio::test]
async fn the_report_speaks_the_readers_language() {
    let app = spawn_app().await;
    let dialogue = two_camps(&app, 16).await;
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let report = format!("/d/{dialogue}/report");

    let (status, welsh) = page_in(&app, &report, "cy").await;
    assert_eq!(status, StatusCode::OK);
    assert!(welsh.contains(r#"<html lang="cy" dir="ltr">"#), "{welsh}");
    for words in [
        ">Crynodeb</h2>",
        "<h3>Pwy gymerodd ran</h3>",
        "Pob datganiad, yn ôl grŵp ac etholaeth",
        // The groups are named in Welsh on the grid, the map and its description.
        ">Grŵp A</a>",
        "Grŵp A (",
    ] {
        assert!(welsh.contains(words), "{words} is missing:\n{welsh}");
    }
    // The summary's sentences and the page's headings come from the catalogue, not English.
    for english in [
        "Who took part",
        "Every statement, by group and constituency",
        "people took part",
        "Voice audit",
        "How sure these results are",
        "Opinion map with",
        "agree, ",
    ] {
        assert!(
            !welsh.contains(english),
            "{english} is in English:\n{welsh}"
        );
    }
    // The live page announces a new analysis in the reader's language.
    assert!(
        welsh.contains(r#"data-updated-words="Mae'r canlyniadau"#),
        "{welsh}"
    );

    let (status, urdu) = page_in(&app, &report, "ur-PK").await;
    assert_eq!(status, StatusCode::OK);
    assert!(urdu.contains(r#"<html lang="ur" dir="rtl">"#));
    assert!(urdu.contains("<h3>کس نے حصہ لیا</h3>"), "{urdu}");

    // A statement's breakdown, in Polish, with the same numbers.
    let analysis = app.analysis(dialogue).await.body;
    let first = analysis["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .min()
        .unwrap();
    let (status, polish) = page_in(
        &app,
        &format!("/d/{dialogue}/report/statements/{first}"),
        "pl",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(polish.contains(r#"<html lang="pl" dir="ltr">"#));
    assert!(polish.contains("Stwierdzenie 1"), "{polish}");
    assert!(polish.contains(">Wszyscy</h2>"), "{polish}");
    assert!(!polish.contains("By constituency"));
    let (status, missing) = page_in(
        &app,
        &format!("/d/{dialogue}/report/statements/999999"),
        "cy",
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains(r#"<html lang="cy""#), "{missing}");

    // English readers keep the English page.
    let (_, english) = page_in(&app, &report, "en-GB").await;
    assert!(english.contains("<h3>Who took part</h3>"));
    assert!(english.contains("16 people took part"));
}

#[tokio::test]
async fn a_private_report_explains_itself_in_the_readers_language() {
    let app = spawn_app().await;
    let dialogue = synthetic_dialogue(&app).await;
    app.update_dialogue(dialogue, &json!({"report_visibility": "convenors"}))
        .await;
    let (status, html) = page_in(&app, &format!("/d/{dialogue}/report"), "ro").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains(r#"<html lang="ro" dir="ltr">"#), "{html}");
    assert!(html.contains("este privat"), "{html}");
    assert!(!html.contains("is private"));
}

#[tokio::test]
async fn a_participant_is_told_their_group_by_the_letter_the_report_uses() {
    let app = spawn_app().await;
    let dialogue = two_camps(&app, 16).await;
    // One more participant who votes with the first camp.
    let statements: Vec<i64> = app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect();
    let reader = app.join(dialogue, &["resident"]).await;
    for (position, statement) in statements.iter().enumerate() {
        let vote = if position < 3 || position == 5 {
            "agree"
        } else {
            "disagree"
        };
        app.vote(dialogue, &reader, *statement, vote).await;
    }
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    for (language, words) in [("en", "You are in <strong>Group "), ("cy", "<strong>Grŵp ")] {
        let html = app
            .anonymous
            .get(app.url(&format!("/d/{dialogue}")))
            .header(
                reqwest::header::COOKIE,
                format!("cg_participant_{dialogue}={}", reader.token),
            )
            .header(reqwest::header::ACCEPT_LANGUAGE, language)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let at = html
            .find(words)
            .unwrap_or_else(|| panic!("{words}:\n{html}"));
        let letter = html[at + words.len()..].chars().next().unwrap();
        assert!(letter.is_ascii_uppercase(), "{letter} in {html}");
        // The map on the page names the same group.
        let report = page_in(&app, &format!("/d/{dialogue}/report"), language)
            .await
            .1;
        assert!(report.contains(&format!("{}{letter}", &words[words.find('G').unwrap()..])));
    }
}

#[tokio::test]
async fn the_analysis_notes_are_said_in_the_readers_language_and_older_ones_as_written() {
    let app = spawn_app().await;
    let dialogue = synthetic_dialogue(&app).await;
    let mut doc = document(Shape {
        statements: 12,
        participants: 40,
        groups: 2,
        constituencies: 3,
    });
    let notices = vec![
        server::report::document::Notice::NoConstituencies {},
        server::report::document::Notice::ConfigValueReplaced {
            field: "threshold".to_owned(),
        },
    ];
    doc.warnings = vec![
        "No constituencies were given, so common ground rests on opinion groups alone.".to_owned(),
        "The setting threshold was out of range and its default was used.".to_owned(),
    ];
    doc.notices = notices;
    store_synthetic(&app, dialogue, &doc).await;
    let report = format!("/d/{dialogue}/report");
    let (_, welsh) = page_in(&app, &report, "cy").await;
    assert!(
        welsh.contains("Ni roddwyd etholaethau, felly mae'r tir cyffredin yn dibynnu ar y grwpiau barn yn unig."),
        "{welsh}"
    );
    assert!(welsh.contains("Roedd y gosodiad threshold y tu allan"));
    assert!(!welsh.contains("No constituencies were given"));
    let (_, english) = page_in(&app, &report, "en").await;
    assert!(english.contains(
        "<li>No constituencies were given, so common ground rests on opinion groups alone.</li>"
    ));

    // A document stored before its notes were kept as data shows them as it wrote them.
    doc.notices = Vec::new();
    doc.warnings = vec!["the setting threshold was out of range".to_owned()];
    store_synthetic(&app, dialogue, &doc).await;
    let (_, welsh) = page_in(&app, &report, "cy").await;
    assert!(
        welsh.contains("<li>The setting threshold was out of range.</li>"),
        "{welsh}"
    );
}
