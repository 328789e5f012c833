//! Moderators: a convenor invites a moderator to one dialogue, who then works through its
//! moderation and safeguarding queues and adds versions of its statements, with every decision
//! in the log under their name, and may do nothing else: no other dialogue, no convenor's page,
//! no settings, no log, no invitations.

use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::{Value, json};

use crate::support::{Answer, TestApp, spawn_app};

const MODERATOR: &str = "safeguarding.lead@example.org";

/// A client with its own cookies, for the moderator's own browser.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn answer(request: reqwest::RequestBuilder) -> Answer {
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

/// The page's text as a browser reads it, with the template's escaped slashes and
/// apostrophes undone.
fn html(answer: &Answer) -> String {
    String::from_utf8_lossy(&answer.bytes)
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
}

fn csrf_of(page: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = page.find(marker).expect("the page has a form token") + marker.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end].to_owned()
}

/// The convenor invites a moderator through the API; the moderator accepts it with a new
/// account in their own browser, which comes back signed in.
async fn moderator_of(app: &TestApp, dialogue: i64) -> reqwest::Client {
    let invited = answer(
        app.convenor
            .post(app.url(&format!("/api/dialogues/{dialogue}/moderator-invitations")))
            .json(&json!({ "email": MODERATOR, "expires_in_days": 7 })),
    )
    .await;
    assert_eq!(invited.status, StatusCode::CREATED, "{invited:?}");
    assert_eq!(invited.body["invitation"]["status"], "pending");
    assert_eq!(invited.body["invitation"]["email"], MODERATOR);
    let moderator = browser();
    let accepted = answer(
        moderator
            .post(app.url("/api/invitations/accept"))
            .json(&json!({
                "token": invited.body["token"],
                "email": MODERATOR,
                "password": "a long enough password",
            })),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    assert_eq!(accepted.body["kind"], "moderator");
    assert_eq!(accepted.body["dialogue_id"], dialogue);
    moderator
}

#[tokio::test]
async fn a_moderator_works_the_queues_of_their_dialogue_and_nothing_else() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let other = app.create_standard_dialogue().await;
    let moderator = moderator_of(&app, dialogue).await;
    let listed = app
        .get(&format!("/api/dialogues/{dialogue}/moderator-invitations"))
        .await;
    assert_eq!(listed.body["moderators"], json!([MODERATOR]));
    assert_eq!(listed.body["invitations"][0]["status"], "accepted");

    // A possible disclosure is held for a moderator, whatever the dialogue's policy.
    let author = app.join(dialogue, &["resident"]).await;
    let written = app
        .submit_statement(
            dialogue,
            &author,
            "Some nights I want to die and nobody listens",
        )
        .await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    let held = written.body["id"].as_i64().unwrap();
    let plain = app
        .submit_statement(dialogue, &author, "Shade trees in every playground")
        .await;
    let plain = plain.body["id"].as_i64().unwrap();

    let queue =
        answer(moderator.get(app.url(&format!("/api/dialogues/{dialogue}/safeguarding/queue"))))
            .await;
    assert_eq!(queue.status, StatusCode::OK, "{queue:?}");
    assert_eq!(queue.body["cases"][0]["statement"]["id"], held);
    let decided = answer(
        moderator
            .post(app.url(&format!(
                "/api/dialogues/{dialogue}/safeguarding/statements/{held}/decisions"
            )))
            .json(&json!({ "action": "reject", "reason": "needs_follow_up" })),
    )
    .await;
    assert_eq!(decided.status, StatusCode::CREATED, "{decided:?}");

    // The general moderation queue and the statement versions are the moderator's too.
    let statements =
        answer(moderator.get(app.url(&format!("/api/dialogues/{dialogue}/statements")))).await;
    assert_eq!(statements.status, StatusCode::OK, "{statements:?}");
    let accepted = answer(
        moderator
            .patch(app.url(&format!("/api/dialogues/{dialogue}/statements/{plain}")))
            .json(&json!({ "status": "accepted" })),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    let translated = answer(
        moderator
            .put(app.url(&format!(
                "/api/dialogues/{dialogue}/statements/{plain}/versions/cy/translation"
            )))
            .json(&json!({ "text": "Coed cysgod ym mhob maes chwarae" })),
    )
    .await;
    assert_eq!(translated.status, StatusCode::OK, "{translated:?}");

    // The log names the moderator as the one who decided; only convenors read it.
    let partnership = app.get_dialogue(dialogue).await.body["partnership_id"]
        .as_i64()
        .unwrap();
    let log = app
        .get(&format!(
            "/api/partnerships/{partnership}/safeguarding/decisions"
        ))
        .await;
    assert_eq!(log.status, StatusCode::OK, "{log:?}");
    let decided = log.body["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|decision| decision["statement_id"] == held)
        .expect("the log has the moderator's decision on the held statement");
    assert_eq!(decided["decided_by"], MODERATOR);
    assert_eq!(decided["action"], "reject");

    // Nothing else: not the log, the settings, the dialogue, invitations or another dialogue.
    let refused = [
        (
            reqwest::Method::GET,
            format!("/api/partnerships/{partnership}/safeguarding/decisions"),
        ),
        (
            reqwest::Method::GET,
            format!("/api/partnerships/{partnership}/safeguarding/settings"),
        ),
        (
            reqwest::Method::GET,
            format!("/api/dialogues/{dialogue}/facilitator-invitations"),
        ),
        (
            reqwest::Method::GET,
            format!("/api/dialogues/{dialogue}/moderator-invitations"),
        ),
        (
            reqwest::Method::GET,
            format!("/api/dialogues/{other}/safeguarding/queue"),
        ),
        (
            reqwest::Method::GET,
            format!("/api/dialogues/{other}/statements"),
        ),
        (
            reqwest::Method::GET,
            format!("/api/partnerships/{partnership}"),
        ),
    ];
    for (method, path) in refused {
        let refusal = answer(moderator.request(method, app.url(&path))).await;
        assert_eq!(refusal.status, StatusCode::FORBIDDEN, "{path}: {refusal:?}");
        assert_eq!(refusal.code(), "forbidden", "{path}");
    }
    let languages = answer(
        moderator
            .put(app.url(&format!("/api/dialogues/{dialogue}/languages")))
            .json(&json!({ "language": "cy", "untranslated": "wait" })),
    )
    .await;
    assert_eq!(languages.status, StatusCode::FORBIDDEN, "{languages:?}");
    let invite = answer(
        moderator
            .post(app.url(&format!("/api/dialogues/{dialogue}/moderator-invitations")))
            .json(&json!({})),
    )
    .await;
    assert_eq!(invite.status, StatusCode::FORBIDDEN, "{invite:?}");
}

#[tokio::test]
async fn a_convenor_invites_a_moderator_on_the_page_and_the_moderator_lands_on_the_queue() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;

    let page = answer(
        app.convenor
            .get(app.url(&format!("/convenor/dialogues/{dialogue}/moderators"))),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = csrf_of(&html(&page));
    assert!(html(&page).contains("nobody has accepted an invitation yet"));
    let refused = answer(
        app.convenor
            .post(app.url(&format!("/convenor/dialogues/{dialogue}/moderators")))
            .form(&[("csrf", csrf.as_str()), ("email", "not an address")]),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html(&refused).contains("value=\"not an address\""));
    let made = answer(
        app.convenor
            .post(app.url(&format!("/convenor/dialogues/{dialogue}/moderators")))
            .form(&[("csrf", csrf.as_str()), ("email", "")]),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED);
    let made = html(&made);
    let start = made.find("/invite/").expect("the page shows the link");
    let end = start + made[start..].find('"').unwrap();
    let link = made[start..end].to_owned();
    assert!(made.contains("anyone with the link"));

    // The invitation page says what moderating is, and accepting it leads to the queue.
    let moderator = browser();
    let invitation = answer(moderator.get(app.url(&link))).await;
    assert_eq!(invitation.status, StatusCode::OK);
    let invitation = html(&invitation);
    assert!(
        invitation.contains("<h1>Moderate Our parks</h1>"),
        "{invitation}"
    );
    assert!(invitation.contains("You will not convene the partnership."));
    let accepted = answer(moderator.post(app.url(&link)).form(&[
        ("email", "moderator@example.org"),
        ("password", "a long enough password"),
    ]))
    .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{accepted:?}");
    let queue_path = format!("/convenor/dialogues/{dialogue}/safeguarding");
    assert_eq!(accepted.headers[LOCATION], queue_path.as_str());

    // Their home lists the dialogue they help to run, with the way to its queues.
    let home = html(&answer(moderator.get(app.url("/convenor"))).await);
    assert!(home.contains("Dialogues you help to run"), "{home}");
    assert!(home.contains("You moderate this dialogue."));
    assert!(home.contains(&format!(
        "href=\"/convenor/dialogues/{dialogue}/safeguarding\""
    )));
    assert!(!home.contains("You do not speak for any partner"));

    // The moderator's pages leave out what only convenors may open.
    let queue = answer(moderator.get(app.url(&queue_path))).await;
    assert_eq!(queue.status, StatusCode::OK);
    let queue = html(&queue);
    assert!(queue.contains(&format!("/convenor/dialogues/{dialogue}/moderation")));
    assert!(
        !queue.contains("Signposting, terms and the decisions log"),
        "{queue}"
    );
    assert!(!queue.contains(&format!("href=\"/convenor/dialogues/{dialogue}\"")));
    let versions =
        answer(moderator.get(app.url(&format!("/convenor/dialogues/{dialogue}/versions")))).await;
    assert_eq!(versions.status, StatusCode::OK);
    assert!(!html(&versions).contains("Save the language settings"));
    let moderation =
        answer(moderator.get(app.url(&format!("/convenor/dialogues/{dialogue}/moderation")))).await;
    assert_eq!(moderation.status, StatusCode::OK);
    for convenors_only in [
        format!("/convenor/dialogues/{dialogue}"),
        format!("/convenor/dialogues/{dialogue}/moderators"),
        format!("/convenor/dialogues/{dialogue}/settings"),
    ] {
        let refusal = answer(moderator.get(app.url(&convenors_only))).await;
        assert_eq!(refusal.status, StatusCode::FORBIDDEN, "{convenors_only}");
    }
    // The convenor's own pages still show everything, and the page lists the moderator.
    let convenor_versions = answer(
        app.convenor
            .get(app.url(&format!("/convenor/dialogues/{dialogue}/versions"))),
    )
    .await;
    assert!(html(&convenor_versions).contains("Save the language settings"));
    let listed = answer(
        app.convenor
            .get(app.url(&format!("/convenor/dialogues/{dialogue}/moderators"))),
    )
    .await;
    assert!(html(&listed).contains("<li>moderator@example.org</li>"));
}

#[tokio::test]
async fn the_moderators_page_is_read_in_welsh_and_english_is_unchanged() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let path = format!("/convenor/dialogues/{dialogue}/moderators");

    // Chosen with ?lang=cy, the page is in Welsh, with the switcher offering English.
    let welsh = html(&answer(app.convenor.get(app.url(&format!("{path}?lang=cy")))).await);
    assert!(welsh.contains("<html lang=\"cy\""), "{welsh}");
    assert!(welsh.contains("<h1>Cymedrolwyr</h1>"), "{welsh}");
    assert!(
        welsh.contains("nid oes neb wedi derbyn gwahoddiad eto"),
        "{welsh}"
    );
    assert!(welsh.contains("href=\"?lang=en\""), "{welsh}");
    let csrf = csrf_of(&welsh);

    // The choice is remembered: a refused address is explained in Welsh, and a link made for
    // anyone is listed in Welsh.
    let refused = answer(
        app.convenor
            .post(app.url(&path))
            .form(&[("csrf", csrf.as_str()), ("email", "not an address")]),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused = html(&refused);
    assert!(
        refused.contains("Nid yw'r cyfeiriad e-bost ar ffurf enw@parth."),
        "{refused}"
    );
    assert!(refused.contains(&format!("href=\"{path}?lang=en\"")));
    let made = answer(
        app.convenor
            .post(app.url(&path))
            .form(&[("csrf", csrf.as_str()), ("email", "")]),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED);
    let made = html(&made);
    assert!(
        made.contains("Anfonwch y ddolen untro hon at y cymedrolwr."),
        "{made}"
    );
    assert!(
        made.contains("unrhyw un sydd â'r ddolen: <strong>yn aros</strong>. Fe'i crëwyd "),
        "{made}"
    );

    // In English the page reads as it always has.
    let english = html(&answer(app.convenor.get(app.url(&format!("{path}?lang=en")))).await);
    assert!(english.contains("<h1>Moderators</h1>"), "{english}");
    assert!(
        english.contains("anyone with the link: <strong>pending</strong>. Made "),
        "{english}"
    );
    let refused = answer(
        app.convenor
            .post(app.url(&path))
            .form(&[("csrf", csrf.as_str()), ("email", "not an address")]),
    )
    .await;
    assert!(
        html(&refused).contains("Email address is not of the form name@domain."),
        "{}",
        html(&refused)
    );
}

#[tokio::test]
async fn a_moderators_refused_rejection_is_said_in_welsh_and_the_api_keeps_its_english() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let moderator = moderator_of(&app, dialogue).await;
    let author = app.join(dialogue, &["resident"]).await;
    let written = app
        .submit_statement(dialogue, &author, "Shade trees in every playground")
        .await;
    let statement = written.body["id"].as_i64().unwrap();
    let too_long = "y".repeat(501);

    // The API refuses a reason too long in its English.
    let refused = answer(
        moderator
            .patch(app.url(&format!("/api/dialogues/{dialogue}/statements/{statement}")))
            .json(&json!({ "status": "rejected", "reason": too_long })),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert_eq!(
        refused.body["error"]["message"],
        "reason must be at most 500 characters (it has 501)"
    );

    // The moderator reads the moderation page in Welsh: the same refusal is said in Welsh.
    let path = format!("/convenor/dialogues/{dialogue}/moderation");
    let welsh = html(&answer(moderator.get(app.url(&format!("{path}?lang=cy")))).await);
    assert!(welsh.contains("<html lang=\"cy\""), "{welsh}");
    let csrf = csrf_of(&welsh);
    let decision = format!("reject:{statement}");
    let reason_field = format!("reason-{statement}");
    let refused = answer(moderator.post(app.url(&path)).form(&[
        ("csrf", csrf.as_str()),
        ("status", "pending"),
        ("row", decision.as_str()),
        (reason_field.as_str(), too_long.as_str()),
    ]))
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = html(&refused);
    assert!(
        page.contains("Rhaid i'r rheswm fod yn 500 nod ar y mwyaf (mae 501 ynddo)."),
        "{page}"
    );
    assert!(!page.contains("must be at most"), "{page}");

    // A control character in a moderator's note on the safeguarding queue, likewise.
    let held = app
        .submit_statement(
            dialogue,
            &author,
            "The people who run the clinic are idiots",
        )
        .await;
    let held = held.body["id"].as_i64().unwrap().to_string();
    let queue_path = format!("/convenor/dialogues/{dialogue}/safeguarding");
    let refused = answer(moderator.post(app.url(&queue_path)).form(&[
        ("csrf", csrf.as_str()),
        ("statement_id", held.as_str()),
        ("action", "accept"),
        ("note", "a\u{7}b"),
    ]))
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = html(&refused);
    assert!(
        page.contains("Rhaid i'r nodyn beidio â chynnwys nodau rheoli."),
        "{page}"
    );
    assert!(!page.contains("control characters"), "{page}");
    let api = answer(
        moderator
            .post(app.url(&format!(
                "/api/dialogues/{dialogue}/safeguarding/statements/{held}/decisions"
            )))
            .json(&json!({ "action": "accept", "note": "a\u{7}b" })),
    )
    .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "{api:?}");
    assert_eq!(
        api.body["error"]["message"],
        "note must not contain control characters"
    );
}
