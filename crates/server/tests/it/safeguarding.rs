//! Safeguarding: each rule holds a planted statement for a moderator under post-moderation and
//! its author is shown the signposting; a valid NHS number is caught and a plain number or a
//! bad check digit is not; participants flag; the triage queue is sorted by risk; decisions
//! change statements and every one is in the log, which no method can change.

use model::DialogueId;
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION};
use serde_json::{Value, json};

use crate::fixtures::PageBrowser;
use crate::support::{
    Answer, CONVENOR_EMAIL, CONVENOR_PASSWORD, Participant, TestApp, seed_convenor, spawn_app,
    spawn_app_on,
};

const SIGNPOSTING: &str = "Northvale crisis line: 0800 000 111, every day.\nSamaritans: 116 123.";

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
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

/// A browser of the participant: their cookie, no redirects followed.
fn participant_page(
    app: &TestApp,
    dialogue: i64,
    participant: &Participant,
    method: reqwest::Method,
    path: &str,
) -> reqwest::RequestBuilder {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .request(method, app.url(path))
        .header(
            COOKIE,
            format!("cg_participant_{dialogue}={}", participant.token),
        )
}

async fn support(app: &TestApp, dialogue: i64, participant: &Participant) -> Answer {
    send(
        app.anonymous
            .get(app.url(&format!("/api/dialogues/{dialogue}/support")))
            .bearer_auth(&participant.token),
    )
    .await
}

async fn queue(app: &TestApp, dialogue: i64) -> Vec<Value> {
    let answer = app
        .get(&format!("/api/dialogues/{dialogue}/safeguarding/queue"))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body["cases"].as_array().unwrap().clone()
}

async fn decide(app: &TestApp, dialogue: i64, statement: i64, body: Value) -> Answer {
    send(
        app.convenor
            .post(app.url(&format!(
                "/api/dialogues/{dialogue}/safeguarding/statements/{statement}/decisions"
            )))
            .json(&body),
    )
    .await
}

/// Planted statements, one per rule, with the rule each must trip.
const PLANTED: [(&str, &str); 8] = [
    (
        "Some nights I want to die and nobody listens",
        "disclosure_term",
    ),
    (
        "My NHS number is 943 476 5919 and still no letter",
        "nhs_number",
    ),
    ("Ring me on 07700 900123 about the clinic", "phone_number"),
    (
        "I was born 03/04/1951 and wait months for a GP",
        "date_of_birth",
    ),
    ("The bins overflow next to NV1 4QT every week", "postcode"),
    (
        "The flats at 12 Acacia Avenue are damp and cold",
        "street_address",
    ),
    (
        "Mrs Jones has dementia and no carer visits",
        "name_with_condition",
    ),
    ("The people who run the clinic are idiots", "abuse_term"),
];

/// Statements no rule may hold.
const PLAIN: [&str; 3] = [
    "We need 40 more benches along the river path",
    "Waiting list reference 9434765918 was never answered",
    "Shade trees in every playground",
];

async fn safeguarding_journey(app: &TestApp) {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = app
        .state
        .store()
        .get_dialogue(DialogueId(dialogue))
        .await
        .unwrap()
        .partnership
        .get();

    // The convenor sets the signposting text and a local term.
    let saved = send(
        app.convenor
            .put(app.url(&format!(
                "/api/partnerships/{partnership}/safeguarding/settings"
            )))
            .json(&json!({
                "signposting": SIGNPOSTING,
                "disclosure_terms": ["evicted tomorrow"],
                "abuse_terms": [],
            })),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    assert_eq!(saved.body["disclosure_terms"], json!(["evicted tomorrow"]));

    // Each statement has its own author, as one participant may write only a few a minute.
    let voter = app.join(dialogue, &["resident"]).await;
    let mut held = Vec::new();
    let mut authors = Vec::new();
    for (planted, rule) in PLANTED {
        let author = app.join(dialogue, &["resident"]).await;
        let written = app.submit_statement(dialogue, &author, planted).await;
        assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
        let id = written.body["id"].as_i64().unwrap();
        // Held under post-moderation: nobody can vote on it.
        let vote = app.vote(dialogue, &voter, id, "agree").await;
        assert_eq!(vote.status, StatusCode::CONFLICT, "{planted}: {vote:?}");
        assert_eq!(vote.code(), "statement_not_votable");
        held.push((id, rule));
        authors.push((author, id, false));
    }
    let mut plain = Vec::new();
    for statement in PLAIN {
        let author = app.join(dialogue, &["resident"]).await;
        let written = app.submit_statement(dialogue, &author, statement).await;
        assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
        let id = written.body["id"].as_i64().unwrap();
        let vote = app.vote(dialogue, &voter, id, "agree").await;
        assert!(vote.status.is_success(), "{statement}: {vote:?}");
        plain.push(id);
        authors.push((author, id, true));
    }

    // Each author's own data says whether their statement is shown.
    for (author, id, is_shown) in &authors {
        let mine = send(
            app.anonymous
                .get(app.url(&format!("/api/dialogues/{dialogue}/me")))
                .bearer_auth(&author.token),
        )
        .await;
        assert_eq!(mine.body["statements"][0]["id"], *id);
        assert_eq!(mine.body["statements"][0]["is_shown"], *is_shown, "{id}");
    }

    // The author of the disclosure sees the signposting, and only that statement is said to
    // be a possible disclosure.
    let told = support(app, dialogue, &authors[0].0).await;
    assert_eq!(told.status, StatusCode::OK, "{told:?}");
    assert_eq!(told.body["signposting"], SIGNPOSTING);
    assert_eq!(
        told.body["held_statements"],
        json!([{"statement_id": held[0].0, "possible_disclosure": true}])
    );
    let other = support(app, dialogue, &authors[1].0).await;
    assert_eq!(
        other.body["held_statements"],
        json!([{"statement_id": held[1].0, "possible_disclosure": false}])
    );
    let plain_author = support(app, dialogue, &authors[PLANTED.len()].0).await;
    assert_eq!(plain_author.body["held_statements"], json!([]));

    // On the pages, each planted statement sends its author to the support page, which shows
    // the signposting for a possible disclosure.
    let mut page_authors = Vec::new();
    for (index, (planted, _)) in PLANTED.iter().enumerate() {
        let page_author = app.join(dialogue, &[]).await;
        let reworded = format!("{planted} (page {index})");
        let posted = send(
            participant_page(
                app,
                dialogue,
                &page_author,
                reqwest::Method::POST,
                &format!("/d/{dialogue}/write"),
            )
            .form(&[("text", reworded.as_str())]),
        )
        .await;
        assert_eq!(
            posted.status,
            StatusCode::SEE_OTHER,
            "{planted}: {posted:?}"
        );
        assert_eq!(
            posted.headers[LOCATION],
            format!("/d/{dialogue}/support"),
            "{planted}"
        );
        page_authors.push(page_author);
    }
    let support_page = |who: &Participant| {
        send(participant_page(
            app,
            dialogue,
            who,
            reqwest::Method::GET,
            &format!("/d/{dialogue}/support"),
        ))
    };
    let page = support_page(&page_authors[0]).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = text(&page);
    assert!(
        html.contains("Northvale crisis line: 0800 000 111, every day."),
        "{html}"
    );
    assert!(html.contains("Samaritans: 116 123."));
    assert!(html.contains("A moderator will read your statement"));
    // Held for personal details or abuse: the author is told it waits, without signposting.
    let page = support_page(&page_authors[7]).await;
    let html = text(&page);
    assert!(html.contains("A moderator will read your statement"));
    assert!(!html.contains("Northvale crisis line"), "{html}");
    let page_author = app.join(dialogue, &[]).await;
    // A partnership's own term holds a statement too.
    let local = send(
        participant_page(
            app,
            dialogue,
            &page_author,
            reqwest::Method::POST,
            &format!("/d/{dialogue}/write"),
        )
        .form(&[("text", "We are being evicted tomorrow with nowhere to go")]),
    )
    .await;
    assert_eq!(local.headers[LOCATION], format!("/d/{dialogue}/support"));
    // A plain statement goes back to the dialogue.
    let fine = send(
        participant_page(
            app,
            dialogue,
            &page_author,
            reqwest::Method::POST,
            &format!("/d/{dialogue}/write"),
        )
        .form(&[("text", "Water fountains in the park")]),
    )
    .await;
    assert_eq!(
        fine.headers[LOCATION],
        format!("/d/{dialogue}?notice=written")
    );

    // A participant flags a plain statement as possible misinformation; a second flag by the
    // same participant is refused.
    let flag = |statement: i64, reason: &str| {
        send(
            app.anonymous
                .post(app.url(&format!(
                    "/api/dialogues/{dialogue}/statements/{statement}/flags"
                )))
                .bearer_auth(&voter.token)
                .json(&json!({ "reason": reason, "note": "This is not true" })),
        )
    };
    let flagged = flag(plain[2], "misinformation").await;
    assert_eq!(flagged.status, StatusCode::CREATED, "{flagged:?}");
    assert_eq!(flagged.body["reason"], "misinformation");
    let again = flag(plain[2], "misinformation").await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{again:?}");
    assert_eq!(
        again.body["error"]["message"],
        "you have already flagged this statement; moderators will read it"
    );
    let unknown = flag(plain[1], "spam").await;
    assert_eq!(
        unknown.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{unknown:?}"
    );
    assert_eq!(
        unknown.body["error"]["message"],
        "reason must be one of disclosure, personal_details, abuse, misinformation, other"
    );

    // The queue: highest risk first, then oldest first; misinformation after every finding.
    let cases = queue(app, dialogue).await;
    let risks: Vec<&str> = cases.iter().map(|c| c["risk"].as_str().unwrap()).collect();
    let mut sorted = risks.clone();
    let rank = |risk: &str| {
        [
            "disclosure",
            "personal_details",
            "abuse",
            "misinformation",
            "other",
        ]
        .iter()
        .position(|r| *r == risk)
        .unwrap()
    };
    sorted.sort_by_key(|risk| rank(risk));
    assert_eq!(risks, sorted);
    assert_eq!(cases[0]["statement"]["id"], held[0].0);
    assert_eq!(cases.last().unwrap()["statement"]["id"], plain[2]);
    for (id, rule) in &held {
        let case = cases.iter().find(|c| c["statement"]["id"] == *id).unwrap();
        let rules: Vec<&str> = case["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert!(rules.contains(rule), "{id}: {rules:?}");
    }
    let nhs = cases
        .iter()
        .find(|c| c["statement"]["id"] == held[1].0)
        .unwrap();
    assert_eq!(nhs["findings"][0]["matched"], "943 476 5919");

    // Decisions: refusals first.
    let no_reason = decide(app, dialogue, held[7].0, json!({"action": "reject"})).await;
    assert_eq!(
        no_reason.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{no_reason:?}"
    );
    let bad_reason = decide(
        app,
        dialogue,
        held[7].0,
        json!({"action": "reject", "reason": "rude"}),
    )
    .await;
    assert_eq!(bad_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let nothing = decide(app, dialogue, plain[0], json!({"action": "redact"})).await;
    assert_eq!(nothing.status, StatusCode::CONFLICT, "{nothing:?}");
    let wrong = decide(app, dialogue, 999_999, json!({"action": "accept"})).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);

    let accepted = decide(
        app,
        dialogue,
        held[0].0,
        json!({"action": "accept", "note": "Followed up with the crisis team"}),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::CREATED, "{accepted:?}");
    assert_eq!(accepted.body["statement"]["status"], "accepted");
    let rejected = decide(
        app,
        dialogue,
        held[7].0,
        json!({"action": "reject", "reason": "abusive", "note": "Please be kind"}),
    )
    .await;
    assert_eq!(rejected.body["statement"]["status"], "rejected");
    let redacted = decide(app, dialogue, held[1].0, json!({"action": "redact"})).await;
    assert_eq!(redacted.status, StatusCode::CREATED, "{redacted:?}");
    assert_eq!(
        redacted.body["statement"]["text"],
        "My NHS number is [removed] and still no letter"
    );
    let edited = decide(
        app,
        dialogue,
        held[2].0,
        json!({"action": "edit", "text": "Contact details were given about the clinic"}),
    )
    .await;
    assert_eq!(edited.status, StatusCode::CREATED, "{edited:?}");
    // The author's text is kept and shown to moderators once the statement is flagged again.
    let reflagged = flag(held[2].0, "other").await;
    assert_eq!(reflagged.status, StatusCode::CREATED);
    let cases = queue(app, dialogue).await;
    let case = cases
        .iter()
        .find(|c| c["statement"]["id"] == held[2].0)
        .unwrap();
    assert_eq!(case["original_text"], PLANTED[2].0);
    assert!(cases.iter().all(|c| c["statement"]["id"] != held[0].0));

    // The moderation room's decisions join the log too.
    let moderated = app.moderate_one(dialogue, held[3].0, "accepted").await;
    assert_eq!(moderated.status, StatusCode::OK);

    // The log: who, when, what, why.
    let log = app
        .get(&format!(
            "/api/partnerships/{partnership}/safeguarding/decisions"
        ))
        .await;
    assert_eq!(log.status, StatusCode::OK, "{log:?}");
    let entries = log.body["decisions"].as_array().unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|d| d["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["accept", "reject", "redact", "edit", "accept"]);
    assert!(
        entries
            .iter()
            .all(|d| d["decided_by"] == "convenor@example.org"
                && d["decided_at"].as_str().is_some_and(|at| at.ends_with('Z')))
    );
    assert_eq!(entries[0]["note"], "Followed up with the crisis team");
    assert_eq!(entries[1]["reason"], "abusive");
    assert_eq!(entries[4]["statement_id"], held[3].0);
    let csv = app
        .get(&format!(
            "/api/partnerships/{partnership}/safeguarding/decisions.csv"
        ))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let csv = text(&csv);
    assert!(
        csv.starts_with("id,decided_at,decided_by,dialogue_id,statement_id,action,reason,note")
    );
    assert_eq!(csv.lines().count(), 6, "{csv}");
    assert!(csv.contains(",reject,abusive,Please be kind"));

    // The log cannot be changed through the API: no method but GET is routed.
    for path in [
        format!("/api/partnerships/{partnership}/safeguarding/decisions"),
        format!("/api/partnerships/{partnership}/safeguarding/decisions.csv"),
    ] {
        for method in [
            reqwest::Method::PUT,
            reqwest::Method::PATCH,
            reqwest::Method::DELETE,
        ] {
            let answer = send(
                app.convenor
                    .request(method.clone(), app.url(&path))
                    .json(&json!({"decisions": []})),
            )
            .await;
            assert_eq!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}"
            );
        }
    }
    let after = app
        .get(&format!(
            "/api/partnerships/{partnership}/safeguarding/decisions"
        ))
        .await;
    assert_eq!(after.body["decisions"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn safeguarding_holds_flags_triages_and_logs_on_sqlite() {
    let app = spawn_app().await;
    safeguarding_journey(&app).await;
}

#[tokio::test]
async fn safeguarding_holds_flags_triages_and_logs_on_postgresql() {
    let Some(database) = crate::postgres::fresh_database().await else {
        return;
    };
    let app = spawn_app_on(server::Config {
        database: database.clone(),
        analysis_enabled: false,
        ..server::Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    safeguarding_journey(&app).await;
    drop(app);
    crate::postgres::drop_database(&database);
}

#[tokio::test]
async fn no_update_or_delete_of_the_decisions_log_exists_in_the_code() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/src");
    let mut stack = vec![root];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let source = std::fs::read_to_string(&path).unwrap().to_lowercase();
                for forbidden in [
                    "update moderation_decisions",
                    "delete from moderation_decisions",
                ] {
                    assert!(
                        !source.contains(forbidden),
                        "{} holds {forbidden:?}",
                        path.display()
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn the_triage_queue_and_the_decisions_log_are_read_in_welsh_and_english_is_unchanged() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = app
        .state
        .store()
        .get_dialogue(DialogueId(dialogue))
        .await
        .unwrap()
        .partnership
        .get();
    let author = app.join(dialogue, &["resident"]).await;
    let written = app.submit_statement(dialogue, &author, PLANTED[7].0).await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    let held = written.body["id"].as_i64().unwrap();
    let browser = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let read = |page: &crate::fixtures::Page| page.text.replace("&#x27;", "'");
    let queue_path = format!("/convenor/dialogues/{dialogue}/safeguarding");

    // In English the queue reads as it always has, its labels from the API's values.
    let english = read(&browser.get(&app, &queue_path).await);
    assert!(
        english.contains("<h1>Safeguarding triage</h1>"),
        "{english}"
    );
    assert!(
        english.contains(&format!("Abuse: statement {held}</h2>")),
        "{english}"
    );
    assert!(english.contains("; now pending.</p>"), "{english}");
    assert!(english.contains("<li>abuse term: “"), "{english}");
    assert!(
        english.contains(">Says what another statement says</option>"),
        "{english}"
    );

    // Chosen with ?lang=cy, the queue is in Welsh, with the switcher offering English.
    let welsh = read(&browser.get(&app, &format!("{queue_path}?lang=cy")).await);
    assert!(welsh.contains("<html lang=\"cy\""), "{welsh}");
    assert!(welsh.contains("<h1>Brysbennu diogelu</h1>"), "{welsh}");
    assert!(
        welsh.contains(&format!("Camdriniaeth: datganiad {held}</h2>")),
        "{welsh}"
    );
    assert!(welsh.contains("; bellach yn aros.</p>"), "{welsh}");
    assert!(welsh.contains("<li>term camdriniol: “"), "{welsh}");
    assert!(
        welsh.contains(">Yn dweud yr hyn y mae datganiad arall yn ei ddweud</option>"),
        "{welsh}"
    );
    assert!(welsh.contains(">Cofnodi'r penderfyniad<"), "{welsh}");
    assert!(welsh.contains("href=\"?lang=en\""), "{welsh}");
    assert!(!welsh.contains("lang=pl"), "{welsh}");

    // The choice is remembered: a decision's notice and the decisions log are in Welsh.
    let held_id = held.to_string();
    let decided = browser
        .post(
            &app,
            &queue_path,
            &[
                ("statement_id", &held_id),
                ("action", "reject"),
                ("reason", "abusive"),
                ("note", "Byddwch yn garedig"),
            ],
        )
        .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER, "{decided:?}");
    let after = read(
        &browser
            .get(&app, decided.location.as_deref().unwrap())
            .await,
    );
    assert!(
        after.contains("Penderfyniad wedi'i gofnodi: gwrthod."),
        "{after}"
    );
    let log_path = format!("/convenor/partnerships/{partnership}/safeguarding");
    let log = read(&browser.get(&app, &log_path).await);
    assert!(log.contains("<h2 id=\"log-heading\">Cofnod penderfyniadau</h2>"));
    assert!(log.contains("<td>gwrthod</td>"), "{log}");
    assert!(log.contains("camdriniol: Byddwch yn garedig"), "{log}");
    // The decision's moment is said in words, not as the API's RFC 3339.
    assert!(log.contains(" UTC</td>"), "{log}");
    assert!(!log.contains("Z</td>"), "{log}");

    // In English the log says what it always said, and the CSV export stays in English.
    let log = read(&browser.get(&app, &format!("{log_path}?lang=en")).await);
    assert!(log.contains("<h2 id=\"log-heading\">Decisions log</h2>"));
    assert!(log.contains("<td>reject</td>"), "{log}");
    assert!(log.contains("abusive: Byddwch yn garedig"), "{log}");
    let csv = app
        .get(&format!(
            "/api/partnerships/{partnership}/safeguarding/decisions.csv"
        ))
        .await;
    assert!(text(&csv).contains(",reject,abusive,Byddwch yn garedig"));
}

#[tokio::test]
async fn a_refused_decision_or_setting_is_said_in_welsh_and_the_api_keeps_its_english() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = app
        .state
        .store()
        .get_dialogue(DialogueId(dialogue))
        .await
        .unwrap()
        .partnership
        .get();
    let author = app.join(dialogue, &["resident"]).await;
    // An abusive statement: held, with no personal details to redact.
    let written = app.submit_statement(dialogue, &author, PLANTED[7].0).await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    let held = written.body["id"].as_i64().unwrap();
    let held_id = held.to_string();
    let browser = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let read = |page: &crate::fixtures::Page| {
        page.text
            .replace("&#x27;", "'")
            .replace("&quot;", "\"")
            .replace("&#x2f;", "/")
    };
    let queue_path = format!("/convenor/dialogues/{dialogue}/safeguarding");
    let settings_path = format!("/convenor/partnerships/{partnership}/safeguarding");
    let too_long = "y".repeat(281);

    // Each refused decision, asked for on the API, keeps its exact English.
    let api_refusals = [
        (
            json!({ "action": "reject" }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "a rejection needs a reason from the list".to_owned(),
        ),
        (
            json!({ "action": "redact" }),
            StatusCode::CONFLICT,
            "no personal details were found in this statement; edit it instead".to_owned(),
        ),
        (
            json!({ "action": "edit", "text": too_long }),
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "text: {}",
                model::StatementText::parse(&too_long).unwrap_err()
            ),
        ),
    ];
    for (body, status, message) in &api_refusals {
        let refused = decide(&app, dialogue, held, body.clone()).await;
        assert_eq!(refused.status, *status, "{refused:?}");
        assert_eq!(refused.body["error"]["message"], message.as_str(), "{body}");
    }
    assert_eq!(
        api_refusals[2].2,
        "text: statement text is longer than 280 characters"
    );

    // Chosen with ?lang=cy, the queue says the same refusals in Welsh, and no English.
    let welsh = browser.get(&app, &format!("{queue_path}?lang=cy")).await;
    assert_eq!(welsh.status, StatusCode::OK);
    let page_refusals = [
        (
            vec![("action", "reject"), ("reason", "")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Mae angen rheswm o'r rhestr wrth wrthod.",
            "rejection needs a reason",
        ),
        (
            vec![("action", "redact")],
            StatusCode::CONFLICT,
            "Ni chanfuwyd unrhyw fanylion personol yn y datganiad hwn; golygwch ef yn lle hynny.",
            "no personal details were found",
        ),
        (
            vec![("action", "edit"), ("text", too_long.as_str())],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Testun: mae testun y datganiad yn hwy na 280 nod.",
            "longer than 280 characters",
        ),
        (
            vec![],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Rhaid i'r penderfyniad fod yn un o: derbyn, gwrthod, golygu, golygu allan.",
            "action must be one of",
        ),
    ];
    for (fields, status, welsh, english) in &page_refusals {
        let mut form = vec![("statement_id", held_id.as_str())];
        form.extend(fields.iter().copied());
        let refused = browser.post(&app, &queue_path, &form).await;
        assert_eq!(refused.status, *status, "{fields:?}");
        let page = read(&refused);
        assert!(page.contains("<html lang=\"cy\""), "{page}");
        assert!(page.contains(welsh), "{welsh}: {page}");
        assert!(!page.to_lowercase().contains(english), "{english}: {page}");
    }

    // A term without a letter: the settings page says so in Welsh, the API in its English.
    let refused = browser
        .post(
            &app,
            &settings_path,
            &[
                ("signposting", SIGNPOSTING),
                ("disclosure_terms", "***"),
                ("abuse_terms", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = read(&refused);
    assert!(
        page.contains(
            "Mae angen llythyren neu ddigid ar bob term yn y rhestr termau datgelu ychwanegol: \
             nid oes un yn \"***\"."
        ),
        "{page}"
    );
    assert!(!page.contains("needs a letter or digit"), "{page}");
    let api = send(
        app.convenor
            .put(app.url(&format!(
                "/api/partnerships/{partnership}/safeguarding/settings"
            )))
            .json(&json!({
                "signposting": SIGNPOSTING,
                "disclosure_terms": ["***"],
                "abuse_terms": [],
            })),
    )
    .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "{api:?}");
    assert_eq!(
        api.body["error"]["message"],
        "each of disclosure_terms needs a letter or digit: \"***\" has none"
    );

    // Back in English, the page says what the API says, as a sentence.
    let english = browser.get(&app, &format!("{settings_path}?lang=en")).await;
    assert_eq!(english.status, StatusCode::OK);
    let refused = browser
        .post(
            &app,
            &settings_path,
            &[
                ("signposting", "a\u{7}b"),
                ("disclosure_terms", ""),
                ("abuse_terms", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        read(&refused).contains("Signposting must not contain control characters."),
        "{}",
        read(&refused)
    );
}
