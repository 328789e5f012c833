//! What came of a negotiation, read back: the public outcomes page hidden until a convenor
//! publishes it, the actions dashboard with its late and blocked flags, the record's JSON and
//! CSV exports (whose chain `model::record::verify`, the logic of `commonground verify-record`,
//! accepts), the iCalendar feed behind its revocable secret, and the participants' link to
//! what came of their dialogue.

use model::record::{RecordEntry, verify};
use model::{ConvenorId, PartnerId, PartnerName, PartnershipId, Sector};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE};
use serde_json::{Value, json};
use server::settlements::evidence::{
    Agreement, EVIDENCE_VERSION, Evidence, EvidenceSource, EvidenceStatement, EvidenceWeighting,
    StandingWords,
};
use store::{NewAction, NewActionNote, NewPartner, NewStance, NewVersion, Phase, StoredStance};

use crate::support::{TestApp, spawn_app};

/// The partnership the test convenor convenes.
const HERE: PartnershipId = PartnershipId(1);

fn agreement(name: &str, agree: u64, disagree: u64, pass: u64) -> Agreement {
    let seen = agree + disagree + pass;
    Agreement {
        name: name.to_owned(),
        agree,
        disagree,
        pass,
        rate: Some(agree as f64 / seen as f64),
        interval: Some([0.6, 0.9]),
        has_enough_votes: true,
    }
}

fn evidence(dialogue: i64) -> String {
    Evidence {
        version: EVIDENCE_VERSION,
        source: Some(EvidenceSource {
            dialogue_id: dialogue,
            dialogue_title: "Our parks".to_owned(),
            captured_at: "2026-11-02T10:00:00.000Z".to_owned(),
            analysis_version: 3,
            analysis_computed_at: "2026-11-02T09:59:00.000Z".to_owned(),
            weighting: EvidenceWeighting {
                method: "equal".to_owned(),
                name: "equal weight".to_owned(),
                explanation: "Each constituency weighs the same.".to_owned(),
            },
            groups_shown: false,
            statements: vec![EvidenceStatement {
                statement_id: 1,
                number: 1,
                text: "More benches, please; and shade".to_owned(),
                verdict: "common".to_owned(),
                verdict_label: "Common ground".to_owned(),
                is_common_ground: true,
                reason: "agreed by 71–93% in all 2 constituencies".to_owned(),
                words: [(
                    "cy".to_owned(),
                    StandingWords {
                        verdict_label: "Tir cyffredin".to_owned(),
                        reason: "Cytunodd 71–93% ym mhob un o'r 2 etholaeth".to_owned(),
                    },
                )]
                .into(),
                overall: agreement("Everyone", 41, 5, 4),
                groups: Vec::new(),
                constituencies: vec![agreement("resident", 30, 3, 2), agreement("GP", 11, 2, 2)],
                constituency_equal_weight: Some(0.81),
            }],
        }),
    }
    .to_json()
}

/// The world: a dialogue, three partners, an adopted objective citing the dialogue (with one
/// partner's reservations) whose actions are late, blocked, done and undated, and a draft.
struct World {
    dialogue: i64,
    partners: Vec<PartnerId>,
    adopted_title: &'static str,
}

async fn world(app: &TestApp) -> World {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let store = app.state.store();
    let actor = ConvenorId(1);
    let mut partners = Vec::new();
    for (name, sector) in [
        ("Town Hospitals NHS Trust", Sector::Nhs),
        ("Carers Together", Sector::Voluntary),
        ("Hill Street Residents", Sector::Community),
    ] {
        let partner = store
            .create_partner(NewPartner {
                partnership: HERE,
                name: PartnerName::parse(name).unwrap(),
                sector,
                created_at: 0,
            })
            .await
            .unwrap();
        partners.push(partner.id);
    }
    let version = |title: &str, evidence: String, now: i64| NewVersion {
        title: title.to_owned(),
        body: format!("{title}, in every park by the summer."),
        evidence,
        amends: None,
        actor,
        now,
    };
    let adopted_title = "Benches and shade in the parks";
    let objective = store
        .create_objective(HERE, version(adopted_title, evidence(dialogue), 1_000))
        .await
        .unwrap();
    store
        .set_phase(objective.id, Phase::WithPartners, actor, 2_000)
        .await
        .unwrap();
    for (partner, stance, reason) in [
        (partners[0], StoredStance::Endorse, None),
        (
            partners[1],
            StoredStance::EndorseWithReservations,
            Some("Shade must not block the paths for wheelchairs."),
        ),
        (partners[2], StoredStance::Endorse, None),
    ] {
        store
            .record_stance(NewStance {
                objective: objective.id,
                version: 1,
                partner,
                stance: Some(stance),
                reason: reason.map(str::to_owned),
                amendment: None,
                actor,
                now: 3_000,
            })
            .await
            .unwrap();
    }
    store
        .set_phase(objective.id, Phase::Decided, actor, 4_000)
        .await
        .unwrap();
    for (title, owner, due, status) in [
        (
            "Order twenty benches",
            partners[0],
            Some("2020-03-01"),
            "in_progress",
        ),
        (
            "Plant shade trees",
            partners[2],
            Some("2099-04-01"),
            "blocked",
        ),
        ("Map the paths", partners[1], Some("2020-01-15"), "done"),
        ("Ask the park users again", partners[1], None, "planned"),
    ] {
        store
            .create_action(NewAction {
                objective: objective.id,
                owner,
                shared_with: vec![partners[1]],
                title: title.to_owned(),
                lead_role: "Parks manager".to_owned(),
                due_on: due.map(str::to_owned),
                status: status.to_owned(),
                actor,
                now: 5_000,
            })
            .await
            .unwrap();
    }
    let first = store.list_actions(HERE).await.unwrap()[0].id;
    store
        .add_action_note(NewActionNote {
            action: first,
            status: "in_progress".to_owned(),
            note: "Supplier chosen, \"delivery\" in spring".to_owned(),
            actor,
            now: 6_000,
        })
        .await
        .unwrap();
    store
        .create_objective(HERE, version("Night buses", evidence(dialogue), 7_000))
        .await
        .unwrap();
    World {
        dialogue,
        partners,
        adopted_title,
    }
}

async fn anonymous_get(app: &TestApp, path: &str) -> (StatusCode, String, Option<String>) {
    let response = app.anonymous.get(app.url(path)).send().await.unwrap();
    let status = response.status();
    let kind = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|value| value.to_str().unwrap().to_owned());
    (status, response.text().await.unwrap(), kind)
}

async fn set_published(app: &TestApp, published: bool) -> Value {
    let response = app
        .convenor
        .put(app.url("/api/partnerships/1/outcomes/publication"))
        .json(&json!({ "published": published }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_outcomes_page_is_hidden_until_published_and_then_shows_what_came_of_it() {
    let app = spawn_app().await;
    let world = world(&app).await;

    // Not published: the public gets a 404, page and JSON alike; the convenor a preview.
    let (status, body, _) = anonymous_get(&app, "/p/1/outcomes").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("has not published its outcomes"), "{body}");
    assert!(!body.contains(world.adopted_title));
    let (status, body, _) = anonymous_get(&app, "/api/partnerships/1/outcomes").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("\"not_found\""), "{body}");
    let (status, _, _) = anonymous_get(&app, "/p/999/outcomes").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let preview = app.get("/p/1/outcomes").await;
    assert_eq!(preview.status, StatusCode::OK);
    let preview = String::from_utf8(preview.bytes).unwrap();
    assert!(preview.contains("Preview: this page is not public yet"));
    assert!(preview.contains(world.adopted_title));

    let published = set_published(&app, true).await;
    assert_eq!(published["published"], true);
    assert!(
        published["url"]
            .as_str()
            .unwrap()
            .ends_with("/p/1/outcomes")
    );

    let (status, page, _) = anonymous_get(&app, "/p/1/outcomes").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Preview"));
    assert!(page.contains(world.adopted_title));
    assert!(!page.contains("Night buses"), "a draft is not an outcome");
    assert!(page.contains("More benches, please; and shade"));
    assert!(page.contains("82% agreed"), "41 of 50 agreed");
    assert!(page.contains("Shade must not block the paths for wheelchairs."));
    assert!(page.contains("Endorses with reservations"));
    assert!(page.contains("Late by"), "the bench order is late");
    assert!(page.contains("Blocked"));

    let (status, body, _) = anonymous_get(&app, "/api/partnerships/1/outcomes").await;
    assert_eq!(status, StatusCode::OK);
    let outcomes: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(outcomes["is_published"], true);
    let objectives = outcomes["objectives"].as_array().unwrap();
    assert_eq!(objectives.len(), 1);
    let objective = &objectives[0];
    assert_eq!(objective["evidence"]["dialogue_id"], world.dialogue);
    assert_eq!(objective["stances"].as_array().unwrap().len(), 3);
    assert_eq!(
        objective["stances"][1]["stance"], "endorse_with_reservations",
        "{objective}"
    );
    let actions = objective["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 4);
    let late: Vec<&str> = actions
        .iter()
        .filter(|action| action["is_late"] == true)
        .map(|action| action["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        late,
        ["Order twenty benches"],
        "done and future actions are not late"
    );
    assert_eq!(actions[1]["is_blocked"], true);
    assert_eq!(actions[0]["shared_with"], json!(["Carers Together"]));

    // Taken down, it is hidden again.
    let down = set_published(&app, false).await;
    assert_eq!(down["published"], false);
    let (status, _, _) = anonymous_get(&app, "/p/1/outcomes").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(world.partners.len(), 3);
}

#[tokio::test]
async fn participants_find_what_came_of_their_dialogue_once_published() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let participant = app.join(world.dialogue, &["resident"]).await;
    let page = |app: &TestApp| {
        let request = app
            .anonymous
            .get(app.url(&format!("/d/{}", world.dialogue)))
            .header(
                COOKIE,
                format!("cg_participant_{}={}", world.dialogue, participant.token),
            );
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    assert!(!page(&app).await.contains("What came of this"));
    set_published(&app, true).await;
    let shown = page(&app).await;
    assert!(shown.contains("What came of this"), "{shown}");
    // Attribute values are escaped (`/` as `&#x2f;`).
    assert!(shown.contains("p&#x2f;1&#x2f;outcomes"), "{shown}");
}

#[tokio::test]
async fn the_dashboard_counts_late_and_blocked_actions_by_objective_and_partner() {
    let app = spawn_app().await;
    world(&app).await;
    let answer = app.get("/api/partnerships/1/accountability").await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let dashboard = &answer.body;
    assert_eq!(
        dashboard["totals"],
        json!({"planned": 1, "in_progress": 1, "done": 1, "blocked": 1, "dropped": 0, "late": 1, "total": 4})
    );
    assert_eq!(dashboard["late"][0]["title"], "Order twenty benches");
    assert!(dashboard["late"][0]["days_late"].as_i64().unwrap() > 365);
    assert_eq!(dashboard["blocked"][0]["title"], "Plant shade trees");
    let objectives = dashboard["objectives"].as_array().unwrap();
    assert_eq!(objectives.len(), 1, "the draft has no actions");
    assert_eq!(objectives[0]["status"], "adopted");
    let partners: Vec<(&str, u64)> = dashboard["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|partner| {
            (
                partner["partner"].as_str().unwrap(),
                partner["counts"]["total"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        partners,
        [
            ("Town Hospitals NHS Trust", 1),
            ("Carers Together", 2),
            ("Hill Street Residents", 1)
        ]
    );
    let page = app.get("/convenor/partnerships/1/accountability").await;
    assert_eq!(page.status, StatusCode::OK);
    let page = String::from_utf8(page.bytes).unwrap();
    assert!(page.contains("Late by"));
    assert!(page.contains("Order twenty benches"));
    let agreement = app.get("/convenor/partnerships/1/agreement").await;
    assert_eq!(agreement.status, StatusCode::OK);
    let agreement = String::from_utf8(agreement.bytes).unwrap();
    assert!(agreement.contains("Benches and shade in the parks"));
    assert!(agreement.contains("Shade must not block the paths for wheelchairs."));
    assert!(agreement.contains("Consent: an objective is adopted when no partner objects"));
    assert!(agreement.contains("commonground verify-record --partnership 1"));
    let (_, head) = app.state.store().read_record(HERE).await.unwrap();
    assert!(
        agreement.contains(&head.unwrap()),
        "the head hash is printed"
    );
    assert!(!agreement.contains("Night buses"));
}

/// Reads a page as someone whose browser asks for `language`.
async fn page_in(app: &TestApp, client: &reqwest::Client, path: &str, language: &str) -> String {
    let response = client
        .get(app.url(path))
        .header(reqwest::header::ACCEPT_LANGUAGE, language)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path} in {language}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_outcomes_page_speaks_the_readers_language_and_keeps_what_people_wrote() {
    let app = spawn_app().await;
    let world = world(&app).await;
    set_published(&app, true).await;

    let welsh = page_in(&app, &app.anonymous, "/p/1/outcomes", "cy").await;
    assert!(welsh.contains(r#"<html lang="cy" dir="ltr""#), "{welsh}");
    assert!(welsh.contains("Dywedoch chi, gwnaethom ni"), "{welsh}");
    // The stance, the status, the sector and the lateness in Welsh; the partners' names and
    // reasons and the actions' titles as written.
    assert!(welsh.contains("Yn cymeradwyo gydag amheuon"), "{welsh}");
    assert!(welsh.contains("GIG"), "{welsh}");
    assert!(!welsh.contains("Endorses with reservations"));
    assert!(welsh.contains("Shade must not block the paths for wheelchairs."));
    assert!(welsh.contains("Order twenty benches"));
    assert!(welsh.contains(world.adopted_title));
    // The evidence's verdict and reason as the report said them in Welsh when it was captured.
    assert!(welsh.contains("Tir cyffredin"), "{welsh}");
    assert!(
        welsh.contains("Cytunodd 71–93% ym mhob un o&#x27;r 2 etholaeth"),
        "{welsh}"
    );
    assert!(
        welsh.contains("2 Tachwedd 2026"),
        "the capture day in Welsh: {welsh}"
    );

    // Urdu runs right to left; Polish and Romanian have their own words.
    let urdu = page_in(&app, &app.anonymous, "/p/1/outcomes", "ur").await;
    assert!(urdu.contains(r#"<html lang="ur" dir="rtl""#), "{urdu}");
    assert!(!urdu.contains("You said, we did"), "{urdu}");
    // Evidence without words in Urdu is shown as written.
    assert!(urdu.contains("Common ground"), "{urdu}");
    let polish = page_in(&app, &app.anonymous, "/p/1/outcomes", "pl").await;
    assert!(
        polish.contains(r#"<html lang="pl""#) && !polish.contains("We did"),
        "{polish}"
    );
    let romanian = page_in(&app, &app.anonymous, "/p/1/outcomes", "ro").await;
    assert!(
        romanian.contains(r#"<html lang="ro""#) && !romanian.contains("We did"),
        "{romanian}"
    );

    // English is as it was.
    let english = page_in(&app, &app.anonymous, "/p/1/outcomes", "en-GB").await;
    assert!(english.contains("Endorses with reservations"));
    assert!(
        english.contains("all 3 partners endorse it, 1 with reservations"),
        "{english}"
    );
    assert!(
        english.contains("as the votes stood on 2 November 2026"),
        "{english}"
    );
    assert!(english.contains("Order twenty benches"));
}

#[tokio::test]
async fn the_dashboard_and_the_agreement_speak_welsh_to_a_representative() {
    let app = spawn_app().await;
    world(&app).await;
    let dashboard = page_in(
        &app,
        &app.convenor,
        "/convenor/partnerships/1/accountability",
        "cy",
    )
    .await;
    assert!(dashboard.contains(r#"<html lang="cy""#), "{dashboard}");
    assert!(
        dashboard.contains("Camau gweithredu ac atebolrwydd"),
        "{dashboard}"
    );
    assert!(!dashboard.contains("Nothing is blocked"), "{dashboard}");
    assert!(!dashboard.contains(">Late by"), "{dashboard}");
    assert!(dashboard.contains("Order twenty benches"));
    assert!(
        dashboard.contains("lang=en"),
        "the switcher offers English: {dashboard}"
    );

    let agreement = page_in(
        &app,
        &app.convenor,
        "/convenor/partnerships/1/agreement",
        "cy",
    )
    .await;
    assert!(agreement.contains("Cytundeb"), "{agreement}");
    assert!(
        !agreement.contains("How the partners decide"),
        "{agreement}"
    );
    assert!(agreement.contains("commonground verify-record --partnership 1"));
    assert!(agreement.contains("Shade must not block the paths for wheelchairs."));

    // A representative's language the pages do not speak (Urdu) falls back to English.
    let urdu = page_in(
        &app,
        &app.convenor,
        "/convenor/partnerships/1/agreement",
        "ur",
    )
    .await;
    assert!(urdu.contains("How the partners decide"), "{urdu}");
}

fn entries_of(export: &Value) -> Vec<RecordEntry> {
    export["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| RecordEntry {
            sequence: entry["sequence"].as_u64().unwrap(),
            recorded_at: entry["recorded_at"].as_str().unwrap().to_owned(),
            actor: entry["actor"].as_str().unwrap().to_owned(),
            kind: entry["kind"].as_str().unwrap().to_owned(),
            payload: entry["payload"].as_str().unwrap().to_owned(),
            hash: entry["hash"].as_str().unwrap().to_owned(),
        })
        .collect()
}

#[tokio::test]
async fn the_record_exports_as_json_and_csv_and_the_exported_chain_verifies() {
    let app = spawn_app().await;
    world(&app).await;
    let (stored, head) = app.state.store().read_record(HERE).await.unwrap();

    let export = app.get("/api/partnerships/1/record").await;
    assert_eq!(export.status, StatusCode::OK, "{export:?}");
    let export = export.body;
    assert_eq!(export["verified"], true);
    assert_eq!(export["head"].as_str(), head.as_deref());
    let entries = entries_of(&export);
    assert_eq!(entries, stored, "every entry, exactly as stored");
    assert_eq!(
        entries.len(),
        12,
        "2 drafts, 2 changes of phase, 3 stances, 4 actions and 1 progress note"
    );
    verify(HERE.0, &entries, head.as_deref()).unwrap();
    assert_eq!(
        export["entries"][0]["previous_hash"], export["genesis"],
        "the first entry links to the genesis"
    );
    assert_eq!(
        export["entries"][1]["previous_hash"],
        export["entries"][0]["hash"]
    );
    // The check is real: a changed payload in the exported copy is found.
    let mut tampered = entries.clone();
    tampered[4].payload = tampered[4].payload.replace("endorse", "object");
    assert!(verify(HERE.0, &tampered, head.as_deref()).is_err());

    let csv = app.get("/api/partnerships/1/record.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let mut reader = csv::Reader::from_reader(csv.bytes.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "sequence",
            "recorded_at",
            "recorded_at_utc",
            "actor",
            "kind",
            "payload",
            "previous_hash",
            "hash"
        ]
    );
    let rows: Vec<RecordEntry> = reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            RecordEntry {
                sequence: row[0].parse().unwrap(),
                recorded_at: row[1].to_owned(),
                actor: row[3].to_owned(),
                kind: row[4].to_owned(),
                payload: row[5].to_owned(),
                hash: row[7].to_owned(),
            }
        })
        .collect();
    assert_eq!(rows, stored, "the CSV holds every field exactly as hashed");
    verify(HERE.0, &rows, head.as_deref()).unwrap();

    // Anonymous readers get nothing.
    let (status, _, _) = anonymous_get(&app, "/api/partnerships/1/record").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = anonymous_get(&app, "/api/partnerships/1/record.csv").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_calendar_feed_serves_due_dates_to_its_secret_until_revoked() {
    let app = spawn_app().await;
    world(&app).await;
    let (status, _, _) = anonymous_get(&app, "/p/1/actions.ics").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no secret, no session");

    let made = app
        .convenor
        .post(app.url("/api/partnerships/1/calendar-feed"))
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::CREATED);
    let url = made.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = url.split_once("://").unwrap().1;
    let path = &path[path.find('/').unwrap()..];
    assert!(path.starts_with("/p/1/actions.ics?token="), "{path}");

    let (status, ics, kind) = anonymous_get(&app, path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.unwrap().starts_with("text/calendar"));
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "CRLF only");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "folded: {line}");
    }
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(
        unfolded.matches("BEGIN:VEVENT").count(),
        3,
        "the undated action has no event"
    );
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20200301\r\n"));
    assert!(unfolded.contains("DTEND;VALUE=DATE:20200302\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20990401\r\n"));
    assert!(unfolded.contains("UID:action-1-partnership-1@commonground\r\n"));
    assert!(unfolded.contains("SUMMARY:Due: Order twenty benches (Town Hospitals NHS Trust)\r\n"));
    assert!(unfolded.contains(
        "DESCRIPTION:Owner: Town Hospitals NHS Trust\\nShared with: Carers Together\\nLead: Parks manager\\nStatus: In progress\\, late by"
    ));
    assert!(unfolded.contains("X-WR-CALNAME:Healthy Town: actions due\r\n"));

    // A wrong secret, then the revoked one, find nothing.
    let wrong = format!("/p/1/actions.ics?token={}", "0".repeat(64));
    assert_eq!(anonymous_get(&app, &wrong).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        anonymous_get(&app, "/p/2/actions.ics?token=abc").await.0,
        StatusCode::NOT_FOUND
    );
    let revoked = app
        .convenor
        .delete(app.url("/api/partnerships/1/calendar-feed"))
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    assert_eq!(anonymous_get(&app, path).await.0, StatusCode::NOT_FOUND);
    // The signed-in convenor still reads it without the secret.
    let own = app.get("/p/1/actions.ics").await;
    assert_eq!(own.status, StatusCode::OK);
}

#[tokio::test]
async fn a_refused_publication_form_is_said_in_the_convenors_language() {
    let app = spawn_app().await;
    world(&app).await;
    let browser = crate::fixtures::PageBrowser::signed_in(
        &app,
        crate::support::CONVENOR_EMAIL,
        crate::support::CONVENOR_PASSWORD,
    )
    .await;
    let form = "/convenor/partnerships/1/outcomes/publication";

    let english = browser.post(&app, form, &[("published", "maybe")]).await;
    assert_eq!(
        english.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{english:?}"
    );
    assert!(
        english.text.contains(
            "Published must be &quot;yes&quot; (publish the outcomes page) or &quot;no&quot; (take it down)."
        ),
        "{}",
        english.text
    );

    let chosen = browser
        .get(&app, "/convenor/partnerships/1/accountability?lang=cy")
        .await;
    assert!(
        chosen.text.contains(r#"<html lang="cy""#),
        "{}",
        chosen.text
    );
    let welsh = browser.post(&app, form, &[("published", "maybe")]).await;
    assert_eq!(welsh.status, StatusCode::UNPROCESSABLE_ENTITY, "{welsh:?}");
    assert!(
        welsh.text.contains("Rhaid i published fod yn"),
        "{}",
        welsh.text
    );
    assert!(!welsh.text.contains("Published must be"), "{}", welsh.text);
}
