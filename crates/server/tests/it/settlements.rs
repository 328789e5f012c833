//! Objectives and actions through the JSON API: a convenor drafts an objective from what the
//! public said (the evidence frozen as the report showed it), partners' representatives take
//! their stances, an objection's amendment makes a new version, the engine decides when it may be
//! adopted, actions are added and go late; every refusal says why and leaves the record as it
//! was, and the record's chain verifies at the end.

use model::{Email, PartnerId, PartnerName, PartnershipId, Password, PasswordHash, Sector, Token};
use reqwest::StatusCode;
use serde_json::{Value, json};
use store::{AcceptInvitation, NewInvitation, NewPartner};

use crate::fixtures::{PageBrowser, add_partner};
use crate::support::{Answer, TestApp, spawn_app};

const PASSWORD: &str = "correct horse battery";

/// A browser signed in as one account.
struct Browser {
    client: reqwest::Client,
    base: String,
}

impl Browser {
    async fn signed_in(app: &TestApp, email: &str) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let reply = client
            .post(app.url("/api/session"))
            .json(&json!({ "email": email, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), StatusCode::OK, "{email} signs in");
        Browser {
            client,
            base: app.url(""),
        }
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Answer {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.unwrap().to_vec();
        Answer {
            status,
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            headers,
            bytes,
        }
    }

    async fn get(&self, path: &str) -> Answer {
        self.send(reqwest::Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> Answer {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }
}

/// Adds a partner with a representative who signs in with `email`.
async fn partner_with_representative(
    app: &TestApp,
    partnership: PartnershipId,
    name: &str,
    sector: Sector,
    email: &str,
) -> (PartnerId, Browser) {
    let store = app.state.store();
    let partner = store
        .create_partner(NewPartner {
            partnership,
            name: PartnerName::parse(name).unwrap(),
            sector,
            created_at: 0,
        })
        .await
        .unwrap();
    let convenor = store.list_partnership_members(partnership).await.unwrap()[0].id;
    let (_, token) = store
        .create_invitation(NewInvitation {
            partner: partner.id,
            email: None,
            created_by: convenor,
            created_at: app.state.now_ms(),
            expires_at: app.state.now_ms() + 86_400_000,
        })
        .await
        .unwrap();
    store
        .accept_invitation(
            &Token::parse(token.as_str()).unwrap(),
            AcceptInvitation::NewAccount {
                email: Email::parse(email).unwrap(),
                password_hash: PasswordHash::create(&Password::parse(PASSWORD).unwrap(), &[5; 16])
                    .unwrap(),
            },
            app.state.now_ms(),
        )
        .await
        .unwrap();
    (partner.id, Browser::signed_in(app, email).await)
}

async fn record_length(app: &TestApp, partnership: PartnershipId) -> usize {
    app.state
        .store()
        .read_record(partnership)
        .await
        .unwrap()
        .0
        .len()
}

/// Asserts a refusal: its status, its code, and that the record did not grow.
async fn assert_refused(
    app: &TestApp,
    partnership: PartnershipId,
    answer: &Answer,
    status: StatusCode,
    code: &str,
    record_before: usize,
) {
    assert_eq!(answer.status, status, "{answer:?}");
    assert_eq!(answer.code(), code, "{answer:?}");
    assert_eq!(
        record_length(app, partnership).await,
        record_before,
        "a refusal added to the record: {answer:?}"
    );
}

#[tokio::test]
async fn an_objective_is_drafted_from_common_ground_negotiated_amended_adopted_and_acted_on() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let store = app.state.store();
    let partnership = store.list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor = Browser::signed_in(&app, crate::support::CONVENOR_EMAIL).await;

    // The public: residents and GPs agree on the first statement, split on the second.
    let statements: Vec<i64> = app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect();
    for index in 0..12 {
        let constituency = if index % 3 == 0 { "GP" } else { "resident" };
        let participant = app.join(dialogue, &[constituency]).await;
        app.vote(dialogue, &participant, statements[0], "agree")
            .await;
        let split = if index % 2 == 0 { "agree" } else { "disagree" };
        app.vote(dialogue, &participant, statements[1], split).await;
    }
    assert_eq!(
        app.recompute_now(dialogue).await,
        server::analysis::RunOutcome::Computed
    );
    let analysis = app.analysis(dialogue).await.body;

    let (carers, carers_rep) = partner_with_representative(
        &app,
        partnership,
        "Northvale Carers",
        Sector::Voluntary,
        "carers@example.org",
    )
    .await;
    let (trust, trust_rep) = partner_with_representative(
        &app,
        partnership,
        "Northvale NHS Trust",
        Sector::Nhs,
        "trust@example.org",
    )
    .await;
    let (_shed, _shed_rep) = partner_with_representative(
        &app,
        partnership,
        "Men's shed",
        Sector::Community,
        "shed@example.org",
    )
    .await;

    // The picker offers the dialogue's statements; drafting freezes their standing.
    let choices = convenor
        .get(&format!("/api/partnerships/{pid}/evidence-choices"))
        .await;
    assert_eq!(choices.status, StatusCode::OK, "{choices:?}");
    assert_eq!(choices.body[0]["dialogue_id"], dialogue);
    let drafted = convenor
        .post(
            &format!("/api/partnerships/{pid}/objectives"),
            json!({
                "title": "Benches in every park",
                "text": "The council and the trust fund benches along the walking routes.",
                "dialogue_id": dialogue,
                "statement_ids": [statements[0], statements[1], statements[0]],
            }),
        )
        .await;
    assert_eq!(drafted.status, StatusCode::CREATED, "{drafted:?}");
    assert_eq!(drafted.body["status"], "draft");
    let objective = drafted.body["id"].as_i64().unwrap();
    let source = &drafted.body["versions"][0]["evidence"]["source"];
    assert_eq!(source["dialogue_title"], "Our parks");
    let cited = source["statements"].as_array().unwrap();
    assert_eq!(cited.len(), 2, "a statement cited twice is kept once");
    let in_report = analysis["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|statement| statement["id"] == statements[0])
        .unwrap();
    let ground = &in_report["common_ground"];
    assert_eq!(cited[0]["statement_id"], statements[0]);
    assert_eq!(cited[0]["text"], "More benches");
    assert_eq!(cited[0]["overall"]["agree"], ground["overall"]["agree"]);
    assert_eq!(
        cited[0]["overall"]["interval"],
        ground["overall"]["interval"]
    );
    assert_eq!(cited[0]["is_common_ground"], ground["is_common_ground"]);
    assert_eq!(cited[0]["reason"], ground["reason"]);
    let constituencies = cited[0]["constituencies"].as_array().unwrap();
    assert_eq!(
        constituencies.len(),
        ground["constituencies"].as_array().unwrap().len()
    );
    assert_eq!(
        constituencies[0]["agree"],
        ground["constituencies"][0]["agree"]
    );
    assert_eq!(
        source["weighting"]["method"],
        analysis["weighting"]["method"]
    );

    // Citing what is not there is refused, with nothing stored.
    let before = record_length(&app, partnership).await;
    for (body, status, code) in [
        (
            json!({"title": "T", "text": "X", "dialogue_id": dialogue, "statement_ids": [999_999]}),
            StatusCode::NOT_FOUND,
            "statement_not_found",
        ),
        (
            json!({"title": "T", "text": "X", "statement_ids": [statements[0]]}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            json!({"title": "T", "text": "X", "dialogue_id": 424_242, "statement_ids": [1]}),
            StatusCode::NOT_FOUND,
            "dialogue_not_found",
        ),
        (
            json!({"title": "Benches\u{202e}", "text": "X"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            json!({"title": "\u{200b}", "text": "X"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            json!({"title": "T", "text": "x".repeat(5001)}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
    ] {
        let refused = convenor
            .post(&format!("/api/partnerships/{pid}/objectives"), body)
            .await;
        assert_refused(&app, partnership, &refused, status, code, before).await;
    }

    // A draft is the convenors' alone, and takes no stance yet.
    let hidden = carers_rep
        .get(&format!("/api/objectives/{objective}"))
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND, "{hidden:?}");
    let stance_path = format!("/api/objectives/{objective}/stances");
    let early = carers_rep
        .post(
            &stance_path,
            json!({"partner_id": carers.get(), "version": 1, "stance": "endorse"}),
        )
        .await;
    assert_refused(
        &app,
        partnership,
        &early,
        StatusCode::CONFLICT,
        "conflict",
        before,
    )
    .await;

    let put = convenor
        .post(
            &format!("/api/objectives/{objective}/put-to-partners"),
            json!({}),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{put:?}");
    assert_eq!(put.body["status"], "in_negotiation");
    let before = record_length(&app, partnership).await;
    let too_soon = convenor
        .post(&format!("/api/objectives/{objective}/adopt"), json!({}))
        .await;
    assert_refused(
        &app,
        partnership,
        &too_soon,
        StatusCode::CONFLICT,
        "conflict",
        before,
    )
    .await;
    assert!(
        too_soon.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("in negotiation"),
        "{too_soon:?}"
    );

    // Only a partner's own representative records its stance, and only in full.
    for (browser, body, status, code) in [
        (
            &convenor,
            json!({"partner_id": carers.get(), "version": 1, "stance": "endorse"}),
            StatusCode::FORBIDDEN,
            "forbidden",
        ),
        (
            &trust_rep,
            json!({"partner_id": carers.get(), "version": 1, "stance": "endorse"}),
            StatusCode::FORBIDDEN,
            "forbidden",
        ),
        (
            &carers_rep,
            json!({"partner_id": carers.get(), "version": 1, "stance": "object"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            &carers_rep,
            json!({"partner_id": carers.get(), "version": 1, "stance": "endorse_with_reservations", "reason": " "}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            &carers_rep,
            json!({"partner_id": carers.get(), "version": 1, "stance": "endorse", "reason": "but"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            &carers_rep,
            json!({"partner_id": carers.get(), "version": 1, "stance": "object", "reason": "a\u{0}b"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            &carers_rep,
            json!({"partner_id": carers.get(), "version": 2, "stance": "endorse"}),
            StatusCode::CONFLICT,
            "conflict",
        ),
    ] {
        let refused = browser.post(&stance_path, body).await;
        assert_refused(&app, partnership, &refused, status, code, before).await;
    }

    let objected = carers_rep
        .post(
            &stance_path,
            json!({
                "partner_id": carers.get(),
                "version": 1,
                "stance": "object",
                "reason": "Benches alone do not help carers who cannot leave home.",
                "amendment": "Benches along the walking routes, and a home-visit scheme for carers.",
            }),
        )
        .await;
    assert_eq!(objected.status, StatusCode::CREATED, "{objected:?}");
    let reserved = trust_rep
        .post(
            &stance_path,
            json!({"partner_id": trust.get(), "version": 1, "stance": "endorse_with_reservations", "reason": "Funding is for one year."}),
        )
        .await;
    assert_eq!(reserved.status, StatusCode::CREATED, "{reserved:?}");
    assert_eq!(reserved.body["counts"]["object"], 1);
    assert_eq!(reserved.body["counts"]["with_reservations"], 1);
    assert_eq!(reserved.body["counts"]["not_responded"], 1);
    let sectors: Vec<&str> = reserved.body["by_sector"]
        .as_array()
        .unwrap()
        .iter()
        .map(|tally| tally["sector"].as_str().unwrap())
        .collect();
    assert_eq!(sectors, ["community", "nhs", "voluntary"]);
    let before = record_length(&app, partnership).await;
    let blocked = convenor
        .post(&format!("/api/objectives/{objective}/adopt"), json!({}))
        .await;
    assert_refused(
        &app,
        partnership,
        &blocked,
        StatusCode::CONFLICT,
        "conflict",
        before,
    )
    .await;
    assert!(
        blocked.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Northvale Carers"),
        "the reason names the objecting partner: {blocked:?}"
    );

    // The convenor takes up the amendment: version 2; the stances on version 1 stay.
    let amendment = objected.body["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|partner| partner["partner_id"] == carers.get())
        .unwrap()["stance_id"]
        .as_i64()
        .unwrap();
    let bad_amends = convenor
        .post(
            &format!("/api/objectives/{objective}/versions"),
            json!({"title": "T", "text": "X", "amends": reserved.body["partners"].as_array().unwrap().iter().find(|partner| partner["partner_id"] == trust.get()).unwrap()["stance_id"]}),
        )
        .await;
    assert_refused(
        &app,
        partnership,
        &bad_amends,
        StatusCode::NOT_FOUND,
        "not_found",
        before,
    )
    .await;
    let amended = convenor
        .post(
            &format!("/api/objectives/{objective}/versions"),
            json!({
                "title": "Benches and home visits",
                "text": "Benches along the walking routes, and a home-visit scheme for carers.",
                "amends": amendment,
            }),
        )
        .await;
    assert_eq!(amended.status, StatusCode::CREATED, "{amended:?}");
    assert_eq!(amended.body["current_version"], 2);
    assert_eq!(amended.body["status"], "in_negotiation");
    assert_eq!(amended.body["versions"][1]["amends"], amendment);
    assert_eq!(
        amended.body["versions"][1]["evidence"], amended.body["versions"][0]["evidence"],
        "a version without new evidence keeps the evidence of the one before"
    );
    assert_eq!(
        amended.body["versions"][0]["stances"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(amended.body["counts"]["not_responded"], 3);
    let carers_standing = amended.body["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|partner| partner["partner_id"] == carers.get())
        .unwrap();
    assert_eq!(carers_standing["stance"], Value::Null);
    assert_eq!(carers_standing["earlier"]["stance"], "object");

    // A stance on the old version no longer counts, and cannot be added.
    let before = record_length(&app, partnership).await;
    let stale = carers_rep
        .post(
            &stance_path,
            json!({"partner_id": carers.get(), "version": 1, "stance": "endorse"}),
        )
        .await;
    assert_refused(
        &app,
        partnership,
        &stale,
        StatusCode::CONFLICT,
        "conflict",
        before,
    )
    .await;

    // A stance withdrawn no longer counts.
    for (browser, partner) in [(&carers_rep, carers), (&trust_rep, trust)] {
        let endorsed = browser
            .post(
                &stance_path,
                json!({"partner_id": partner.get(), "version": 2, "stance": "endorse"}),
            )
            .await;
        assert_eq!(endorsed.status, StatusCode::CREATED, "{endorsed:?}");
    }
    let withdrawn = trust_rep
        .send(
            reqwest::Method::DELETE,
            &format!("/api/objectives/{objective}/stances/{}", trust.get()),
            None,
        )
        .await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{withdrawn:?}");
    assert_eq!(
        withdrawn.body["rule_met"], false,
        "1 of 3 responds: a quorum of 50% needs 2"
    );
    assert_eq!(withdrawn.body["counts"]["endorse"], 1);
    let before = record_length(&app, partnership).await;
    let again = trust_rep
        .send(
            reqwest::Method::DELETE,
            &format!("/api/objectives/{objective}/stances/{}", trust.get()),
            None,
        )
        .await;
    assert_refused(
        &app,
        partnership,
        &again,
        StatusCode::CONFLICT,
        "conflict",
        before,
    )
    .await;
    let endorsed = trust_rep
        .post(
            &stance_path,
            json!({"partner_id": trust.get(), "version": 2, "stance": "endorse"}),
        )
        .await;
    assert_eq!(endorsed.body["rule_met"], true, "{endorsed:?}");

    let adopted = convenor
        .post(&format!("/api/objectives/{objective}/adopt"), json!({}))
        .await;
    assert_eq!(adopted.status, StatusCode::OK, "{adopted:?}");
    assert_eq!(adopted.body["status"], "adopted");
    assert_eq!(
        adopted.body["reason"],
        "adopted: 2 of 3 partners endorse; 1 has not responded"
    );
    let before = record_length(&app, partnership).await;
    let withdraw = convenor
        .post(&format!("/api/objectives/{objective}/withdraw"), json!({}))
        .await;
    assert_refused(
        &app,
        partnership,
        &withdraw,
        StatusCode::CONFLICT,
        "conflict",
        before,
    )
    .await;

    // Actions: dates are real dates; a past due date makes an open action late.
    let actions_path = format!("/api/objectives/{objective}/actions");
    for (body, status, code) in [
        (
            json!({"owner_partner_id": carers.get(), "title": "Visits", "lead_role": "Lead", "due_on": "2026-02-30"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            json!({"owner_partner_id": 424_242, "title": "Visits", "lead_role": "Lead"}),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            json!({"owner_partner_id": carers.get(), "title": "Visits", "lead_role": "Lead", "status": "late"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            json!({"owner_partner_id": carers.get(), "title": "Visits", "lead_role": " "}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
    ] {
        let refused = convenor.post(&actions_path, body).await;
        assert_refused(&app, partnership, &refused, status, code, before).await;
    }
    let refused = carers_rep
        .post(
            &actions_path,
            json!({"owner_partner_id": carers.get(), "title": "Visits", "lead_role": "Lead"}),
        )
        .await;
    assert_refused(
        &app,
        partnership,
        &refused,
        StatusCode::FORBIDDEN,
        "forbidden",
        before,
    )
    .await;
    let action = convenor
        .post(
            &actions_path,
            json!({
                "owner_partner_id": carers.get(),
                "shared_with": [carers.get()],
                "title": "Start the home-visit scheme",
                "lead_role": "Carers' centre manager",
                "due_on": "2020-01-31",
            }),
        )
        .await;
    assert_eq!(action.status, StatusCode::CREATED, "{action:?}");
    assert_eq!(action.body["status"], "planned");
    assert_eq!(action.body["is_late"], true);
    assert!(action.body["days_late"].as_i64().unwrap() > 365);
    assert_eq!(
        action.body["shared_with"],
        json!([]),
        "the owner does not share with itself"
    );
    let action = action.body["id"].as_i64().unwrap();

    // Progress: the owner's representatives or a convenor; not another partner's.
    let notes_path = format!("/api/actions/{action}/notes");
    let before = record_length(&app, partnership).await;
    let refused = trust_rep
        .post(&notes_path, json!({"status": "done", "note": "Done"}))
        .await;
    assert_refused(
        &app,
        partnership,
        &refused,
        StatusCode::FORBIDDEN,
        "forbidden",
        before,
    )
    .await;
    let readable = trust_rep.get(&format!("/api/actions/{action}")).await;
    assert_eq!(
        readable.status,
        StatusCode::OK,
        "other partners read actions"
    );
    let noted = carers_rep
        .post(
            &notes_path,
            json!({"status": "blocked", "note": "Waiting for the council's volunteers."}),
        )
        .await;
    assert_eq!(noted.status, StatusCode::CREATED, "{noted:?}");
    assert_eq!(noted.body["status"], "blocked");
    assert_eq!(noted.body["is_blocked"], true);
    assert_eq!(
        noted.body["notes"][0]["note"],
        "Waiting for the council's volunteers."
    );
    let done = convenor
        .post(&notes_path, json!({"status": "done", "note": "Running."}))
        .await;
    assert_eq!(
        done.body["is_late"], false,
        "a done action is never late: {done:?}"
    );

    // The decision rule, and the record's chain.
    let rule = convenor
        .send(
            reqwest::Method::PUT,
            &format!("/api/partnerships/{pid}/decision-rule"),
            Some(json!({"rule": "unanimity"})),
        )
        .await;
    assert_eq!(rule.status, StatusCode::OK, "{rule:?}");
    let before = record_length(&app, partnership).await;
    for body in [
        json!({"rule": "unanimity", "quorum_percent": 50}),
        json!({"rule": "consent"}),
        json!({"rule": "consent", "quorum_percent": 0}),
        json!({"rule": "majority"}),
    ] {
        let refused = convenor
            .send(
                reqwest::Method::PUT,
                &format!("/api/partnerships/{pid}/decision-rule"),
                Some(body),
            )
            .await;
        assert_refused(
            &app,
            partnership,
            &refused,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            before,
        )
        .await;
    }
    let (entries, head) = store.read_record(partnership).await.unwrap();
    assert!(entries.len() > 10);
    assert_eq!(
        model::record::verify(pid, &entries, head.as_deref()),
        Ok(())
    );
    let listed = trust_rep
        .get(&format!("/api/partnerships/{pid}/actions"))
        .await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
}

/// A page's text with its apostrophes as written (the templates escape them).
fn unescaped(text: &str) -> String {
    text.replace("&#x27;", "'")
}

/// The English message of an API refusal.
fn message(answer: &Answer) -> &str {
    answer.body["error"]["message"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn an_objectives_pages_say_the_services_refusals_in_welsh_while_the_api_says_them_in_english()
{
    let app = spawn_app().await;
    let store = app.state.store();
    let partnership = store.list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor = Browser::signed_in(&app, crate::support::CONVENOR_EMAIL).await;
    let convenor_pages = PageBrowser::signed_in(
        &app,
        crate::support::CONVENOR_EMAIL,
        crate::support::CONVENOR_PASSWORD,
    )
    .await;
    let (carers, carers_rep) = partner_with_representative(
        &app,
        partnership,
        "Northvale Carers",
        Sector::Voluntary,
        "carers@example.org",
    )
    .await;
    let rep_pages = PageBrowser::signed_in(&app, "carers@example.org", PASSWORD).await;
    add_partner(
        &app,
        partnership,
        "Northvale Council",
        Sector::LocalAuthority,
    )
    .await;

    let drafted = convenor
        .post(
            &format!("/api/partnerships/{pid}/objectives"),
            json!({"title": "Fewer falls at home", "text": "Fewer older people fall at home."}),
        )
        .await;
    assert_eq!(drafted.status, StatusCode::CREATED, "{drafted:?}");
    let objective = drafted.body["id"].as_i64().unwrap();
    let put = convenor
        .post(
            &format!("/api/objectives/{objective}/put-to-partners"),
            json!({}),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{put:?}");
    let page = format!("/convenor/objectives/{objective}");

    // The representative reads version 1 in Welsh; meanwhile the convenor writes version 2.
    let read = rep_pages.get(&app, &format!("{page}?lang=cy")).await;
    assert!(read.text.contains("<html lang=\"cy\""), "{}", read.text);
    let amended = convenor
        .post(
            &format!("/api/objectives/{objective}/versions"),
            json!({"title": "Fewer falls", "text": "Fewer older people fall at home or outside."}),
        )
        .await;
    assert_eq!(amended.status, StatusCode::CREATED, "{amended:?}");

    // A stance on the version read is refused: in Welsh on the page...
    let carers_id = carers.to_string();
    let stale = rep_pages
        .post(
            &app,
            &format!("{page}/stances"),
            &[
                ("partner", &carers_id),
                ("version", "1"),
                ("stance", "endorse"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{stale:?}");
    let text = unescaped(&stale.text);
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(
        text.contains(
            "Nid fersiwn 1 yw'r fersiwn gyfredol (2): darllenwch y fersiwn newydd a chofnodwch y safbwynt arni."
        ),
        "{text}"
    );
    assert!(!text.contains("is not the current version"), "{text}");
    // ...and in the same English as ever through the API.
    let stale = carers_rep
        .post(
            &format!("/api/objectives/{objective}/stances"),
            json!({"partner_id": carers.get(), "version": 1, "stance": "endorse"}),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{stale:?}");
    assert_eq!(
        message(&stale),
        "version 1 is not the current version (2): read the new version and record the stance on it"
    );

    // Too long an amendment: the text's name and limit in Welsh, the API's English unchanged.
    let long = "a".repeat(model::AmendmentText::MAX_CHARS + 1);
    let too_long = rep_pages
        .post(
            &app,
            &format!("{page}/stances"),
            &[
                ("partner", &carers_id),
                ("version", "2"),
                ("stance", "object"),
                ("reason", "Carers cannot leave home."),
                ("amendment", &long),
            ],
        )
        .await;
    assert_eq!(
        too_long.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{too_long:?}"
    );
    assert!(
        too_long.text.contains("gwelliant yn hwy na"),
        "{}",
        too_long.text
    );
    assert!(
        !too_long.text.contains("is longer than"),
        "{}",
        too_long.text
    );
    let too_long = carers_rep
        .post(
            &format!("/api/objectives/{objective}/stances"),
            json!({"partner_id": carers.get(), "version": 2, "stance": "object", "reason": "Carers cannot leave home.", "amendment": long}),
        )
        .await;
    assert_eq!(
        message(&too_long),
        format!(
            "amendment is longer than {} characters",
            model::AmendmentText::MAX_CHARS
        )
    );

    // Adopting before the rule is met: the engine's reason, in Welsh on the convenor's page
    // and exactly as the API has always said it.
    let chosen = convenor_pages.get(&app, &format!("{page}?lang=cy")).await;
    assert!(chosen.text.contains("<html lang=\"cy\""), "{}", chosen.text);
    let early = convenor_pages
        .post(&app, &format!("{page}/adopt"), &[])
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{early:?}");
    let text = unescaped(&early.text);
    assert!(
        text.contains(
            "Nid yw'r rheol benderfynu wedi'i bodloni: wrthi'n cael ei drafod: mae 0 o'r 2 partner wedi ymateb; mae cydsyniad yn gofyn am"
        ),
        "{text}"
    );
    assert!(
        !early.text.contains("decision rule is not met"),
        "{}",
        early.text
    );
    let reason = convenor
        .get(&format!("/api/objectives/{objective}"))
        .await
        .body["reason"]
        .as_str()
        .unwrap()
        .to_owned();
    let early = convenor
        .post(&format!("/api/objectives/{objective}/adopt"), json!({}))
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{early:?}");
    assert_eq!(
        message(&early),
        format!("the decision rule is not met: {reason}")
    );
    assert!(reason.starts_with("in negotiation: 0 of 2 partners have responded"));

    // An action with a date that is not one, under an adopted objective.
    let (adopted, _) = crate::fixtures::adopted_action(&app, partnership, carers).await;
    let bad_date = convenor_pages
        .post(
            &app,
            &format!("/convenor/objectives/{adopted}/actions"),
            &[
                ("owner", &carers_id),
                ("title", "Home safety visits"),
                ("lead_role", "Falls lead"),
                ("due_on", "2026-02-30"),
                ("status", "planned"),
            ],
        )
        .await;
    assert_eq!(
        bad_date.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{bad_date:?}"
    );
    assert!(
        unescaped(&bad_date.text).contains(
            "Mae'r dyddiad dyledus yn ddyddiad go iawn yn y calendr, wedi'i ysgrifennu BBBB-MM-DD."
        ),
        "{}",
        bad_date.text
    );
    assert!(
        !bad_date.text.contains("real calendar date"),
        "{}",
        bad_date.text
    );
    let bad_date = convenor
        .post(
            &format!("/api/objectives/{adopted}/actions"),
            json!({"owner_partner_id": carers.get(), "title": "Home safety visits", "lead_role": "Falls lead", "due_on": "2026-02-30"}),
        )
        .await;
    assert_eq!(bad_date.code(), "validation_failed", "{bad_date:?}");
    assert_eq!(
        message(&bad_date),
        "the due date is a real calendar date written YYYY-MM-DD"
    );
}
