//! The trust survey through the JSON API: a convenor opens a wave, two partners' representatives
//! answer (one saves half-way and finishes later), the results count only what was submitted,
//! with the response rate, and name raters only once the partnership agreed; closing the wave
//! stops every answer. Runs on SQLite and, when `TEST_PG_URL` is set, on PostgreSQL.

use model::{PartnerId, Sector};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::fixtures::{ApiBrowser, add_partner, represented_partner};
use crate::support::{Answer, CONVENOR_EMAIL, TestApp, seed_convenor, spawn_app, spawn_app_on};

fn answer(partner: PartnerId, level: &str, items: [Option<i64>; 6]) -> Value {
    let mut answer = json!({ "partner_id": partner.get(), "level": level });
    for (name, item) in [
        "reliable",
        "mission",
        "open",
        "influence",
        "involvement",
        "resources",
    ]
    .iter()
    .zip(items)
    {
        if let Some(value) = item {
            answer[*name] = json!(value);
        }
    }
    answer
}

fn assert_refused(answer: &Answer, status: StatusCode, code: &str) {
    assert_eq!(answer.status, status, "{answer:?}");
    assert_eq!(answer.code(), code, "{answer:?}");
}

async fn a_wave_is_answered_saved_half_way_finished_and_scored(app: &TestApp) {
    let store = app.state.store();
    let partnership = store.list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor =
        ApiBrowser::signed_in(app, CONVENOR_EMAIL, crate::support::CONVENOR_PASSWORD).await;
    let (trust, trust_rep) = represented_partner(
        app,
        partnership,
        "Northvale NHS Trust",
        Sector::Nhs,
        "trust@example.org",
    )
    .await;
    let (shed, shed_rep) = represented_partner(
        app,
        partnership,
        "Men's shed",
        Sector::Community,
        "shed@example.org",
    )
    .await;
    let council = add_partner(
        app,
        partnership,
        "Northvale Council",
        Sector::LocalAuthority,
    )
    .await;

    // The convenor opens a wave; a closing time in the past is refused.
    let past = convenor
        .post(
            &format!("/api/partnerships/{pid}/trust-waves"),
            json!({ "title": "Spring", "closes_at": "2001-01-01T00:00:00Z" }),
        )
        .await;
    assert_refused(&past, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        past.body["error"]["message"],
        "the closing time must be in the future"
    );
    let opened = convenor
        .post(
            &format!("/api/partnerships/{pid}/trust-waves"),
            json!({ "title": "Spring", "closes_at": "2099-06-30T17:00:00Z" }),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{opened:?}");
    assert_eq!(opened.body["rater_naming"], "protected");
    assert_eq!(opened.body["is_open"], true);
    let wave = opened.body["id"].as_i64().unwrap();
    let listed = shed_rep
        .get(&format!("/api/partnerships/{pid}/trust-waves"))
        .await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1, "{listed:?}");

    // The shed's representative reads the form: the two other partners, nothing saved yet.
    let my = |partner: PartnerId| format!("/api/trust-waves/{wave}/my-response?partner={partner}");
    let submit = |partner: PartnerId| {
        format!("/api/trust-waves/{wave}/my-response/submit?partner={partner}")
    };
    let form = shed_rep.get(&my(shed)).await;
    assert_eq!(form.status, StatusCode::OK, "{form:?}");
    let others: Vec<i64> = form.body["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert_eq!(others, [trust.get(), council.get()]);
    assert_eq!(form.body["response"], Value::Null);

    // It saves half-way: the trust only, with "don't know" for some items.
    let half = shed_rep
        .put(
            &my(shed),
            json!({ "answers": [answer(trust, "cooperation", [Some(2), None, Some(1), Some(3), None, Some(4)])] }),
        )
        .await;
    assert_eq!(half.status, StatusCode::OK, "{half:?}");
    assert_eq!(half.body["status"], "draft");
    // Submitting now is refused: the council has no level yet.
    let early = shed_rep.post(&submit(shed), json!({})).await;
    assert_refused(
        &early,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    assert!(
        early.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&council.to_string()),
        "{early:?}"
    );
    // An item outside 1 to 4, or items without a relationship, are refused and change nothing.
    for (bad, message) in [
        (
            answer(
                council,
                "awareness",
                [Some(5), None, None, None, None, None],
            ),
            format!(
                "reliable must be 1 to 4, or left out for \"don't know\"; found 5 for partner {council}"
            ),
        ),
        (
            answer(council, "none", [Some(2), None, None, None, None, None]),
            format!(
                "about partner {council}: the level is none, so no item may be answered and no contribution named about that partner"
            ),
        ),
    ] {
        let refused = shed_rep
            .put(
                &my(shed),
                json!({ "answers": [answer(trust, "cooperation", [None; 6]), bad] }),
            )
            .await;
        assert_refused(
            &refused,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
        assert_eq!(refused.body["error"]["message"], message.as_str());
    }
    let kept = shed_rep.get(&my(shed)).await;
    assert_eq!(kept.body["response"]["answers"], half.body["answers"]);
    assert_eq!(kept.body["response"]["answers"][0]["reliable"], 2);
    assert_eq!(kept.body["response"]["answers"][0]["mission"], Value::Null);

    // The trust's representative answers at once, for its own partner only.
    let not_mine = trust_rep.get(&my(shed)).await;
    assert_refused(&not_mine, StatusCode::FORBIDDEN, "forbidden");
    let trust_answers = json!({ "answers": [
        answer(shed, "awareness", [Some(3), Some(4), Some(3), Some(2), Some(2), Some(2)]),
        answer(council, "integration", [Some(4), Some(4), Some(4), Some(4), Some(4), Some(4)]),
    ] });
    let trust_done = trust_rep.post(&submit(trust), trust_answers).await;
    assert_eq!(trust_done.status, StatusCode::OK, "{trust_done:?}");
    assert_eq!(trust_done.body["status"], "submitted");

    // The results count only what was submitted: one of three partners answered.
    let results = shed_rep
        .get(&format!("/api/trust-waves/{wave}/results"))
        .await;
    assert_eq!(results.status, StatusCode::OK, "{results:?}");
    assert_eq!(results.body["waves"][0]["submitted"], 1);
    assert_eq!(results.body["waves"][0]["drafts"], 1);
    let document = &results.body["document"];
    assert_eq!(document["waves"][0]["respondents"], 1);
    assert_eq!(document["waves"][0]["response_rate"], json!(1.0 / 3.0));
    assert_eq!(
        results.body["named_ratings"],
        json!([]),
        "raters are protected by default"
    );

    // The shed finishes later: it adds the council and submits the saved draft.
    let finished = shed_rep
        .put(
            &my(shed),
            json!({ "answers": [
                answer(trust, "cooperation", [Some(2), None, Some(1), Some(3), None, Some(4)]),
                answer(council, "none", [None; 6]),
            ] }),
        )
        .await;
    assert_eq!(finished.body["status"], "draft", "{finished:?}");
    let submitted = shed_rep.post(&submit(shed), json!({})).await;
    assert_eq!(submitted.status, StatusCode::OK, "{submitted:?}");
    assert_eq!(submitted.body["status"], "submitted");
    assert_eq!(submitted.body["answers"].as_array().unwrap().len(), 2);

    // It may change its answers until the wave closes; the response stays submitted.
    let changed = shed_rep
        .put(
            &my(shed),
            json!({ "answers": [
                answer(trust, "coordination", [Some(2), Some(2), Some(2), Some(3), None, Some(4)]),
                answer(council, "none", [None; 6]),
            ] }),
        )
        .await;
    assert_eq!(changed.body["status"], "submitted", "{changed:?}");
    assert_eq!(
        changed.body["submitted_at"], submitted.body["submitted_at"],
        "the first submission time is kept"
    );

    let results = convenor
        .get(&format!("/api/partnerships/{pid}/trust"))
        .await;
    assert_eq!(results.status, StatusCode::OK, "{results:?}");
    let entry = &results.body["document"]["waves"][0];
    assert_eq!(entry["wave"], "1");
    assert_eq!(entry["respondents"], 2);
    assert_eq!(entry["response_rate"], json!(2.0 / 3.0));
    assert_eq!(entry["non_respondents"], json!([council.get()]));
    let score = |id: PartnerId| {
        entry["partners"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id.get())
            .unwrap()
            .clone()
    };
    // The shed rated the trust's trust items 2, 2, 2: its trust is 2 from one rater.
    assert_eq!(score(trust)["trust"], json!(2.0));
    assert_eq!(score(trust)["trust_raters"], 1);
    assert_eq!(score(council)["trust"], json!(4.0));

    // The partnership agrees to name raters: the convenor sets it, and every reader sees who
    // answered what.
    let named = convenor
        .patch(
            &format!("/api/trust-waves/{wave}"),
            json!({ "rater_naming": "named" }),
        )
        .await;
    assert_eq!(named.body["rater_naming"], "named", "{named:?}");
    let results = shed_rep
        .get(&format!("/api/trust-waves/{wave}/results"))
        .await;
    let ratings = results.body["named_ratings"].as_array().unwrap();
    assert_eq!(ratings.len(), 4);
    assert!(ratings.iter().any(|r| r["rater_id"] == trust.get()
        && r["answer"]["partner_id"] == council.get()
        && r["answer"]["level"] == "integration"));

    // Closing the wave stops every answer and every change but the naming.
    let closed = convenor
        .post(&format!("/api/trust-waves/{wave}/close"), json!({}))
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{closed:?}");
    assert_eq!(closed.body["is_open"], false);
    let late = shed_rep
        .put(
            &my(shed),
            json!({ "answers": [answer(trust, "none", [None; 6]), answer(council, "none", [None; 6])] }),
        )
        .await;
    assert_refused(&late, StatusCode::CONFLICT, "conflict");
    let late_submit = trust_rep.post(&submit(trust), json!({})).await;
    assert_refused(&late_submit, StatusCode::CONFLICT, "conflict");
    let retitled = convenor
        .patch(
            &format!("/api/trust-waves/{wave}"),
            json!({ "title": "Later" }),
        )
        .await;
    assert_refused(&retitled, StatusCode::CONFLICT, "conflict");
    let protected = convenor
        .patch(
            &format!("/api/trust-waves/{wave}"),
            json!({ "rater_naming": "protected" }),
        )
        .await;
    assert_eq!(protected.status, StatusCode::OK, "{protected:?}");
    let results = trust_rep
        .get(&format!("/api/trust-waves/{wave}/results"))
        .await;
    assert_eq!(results.body["named_ratings"], json!([]));
    assert_eq!(results.body["document"]["waves"][0]["respondents"], 2);

    // The export holds the command's files and the wave as GraphML, for convenors only.
    let export = convenor
        .get(&format!("/api/partnerships/{pid}/trust/export"))
        .await;
    assert_eq!(export.status, StatusCode::OK);
    let files = server::zip::read_stored(&export.bytes).unwrap();
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["partners.csv", "ratings.csv", "wave-1.graphml"]);
    let ratings_csv = String::from_utf8(files[1].1.clone()).unwrap();
    assert_eq!(ratings_csv.lines().count(), 5, "{ratings_csv}");
    assert!(ratings_csv.contains(&format!("1,{shed},{trust},coordination,2,2,2,3,,4,")));
    let refused = shed_rep
        .get(&format!("/api/partnerships/{pid}/trust/export"))
        .await;
    assert_refused(&refused, StatusCode::FORBIDDEN, "forbidden");
}

#[tokio::test]
async fn a_wave_is_answered_and_scored_on_sqlite() {
    let app = spawn_app().await;
    a_wave_is_answered_saved_half_way_finished_and_scored(&app).await;
}

#[tokio::test]
async fn a_wave_is_answered_and_scored_on_postgresql() {
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
    a_wave_is_answered_saved_half_way_finished_and_scored(&app).await;
    drop(app);
    crate::postgres::drop_database(&database);
}

#[tokio::test]
async fn a_wave_closes_by_its_time() {
    let (app, clock) = crate::support::spawn_app_with_clock(1_900_000_000_000).await;
    let store = app.state.store();
    let partnership = store.list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor =
        ApiBrowser::signed_in(&app, CONVENOR_EMAIL, crate::support::CONVENOR_PASSWORD).await;
    let (shed, shed_rep) = represented_partner(
        &app,
        partnership,
        "Men's shed",
        Sector::Community,
        "shed@example.org",
    )
    .await;
    let trust = add_partner(&app, partnership, "Northvale NHS Trust", Sector::Nhs).await;
    let opened = convenor
        .post(
            &format!("/api/partnerships/{pid}/trust-waves"),
            json!({ "title": "Spring", "closes_at": "2030-03-18T00:00:00Z" }),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{opened:?}");
    let wave = opened.body["id"].as_i64().unwrap();
    let path = format!("/api/trust-waves/{wave}/my-response?partner={shed}");
    let body = json!({ "answers": [answer(trust, "awareness", [None; 6])] });
    assert_eq!(
        shed_rep.put(&path, body.clone()).await.status,
        StatusCode::OK
    );
    // 2030-03-18T00:00:00Z is 1_900_022_400_000 ms.
    clock.set(1_900_022_400_000);
    let late = shed_rep.put(&path, body.clone()).await;
    assert_refused(&late, StatusCode::CONFLICT, "conflict");
    let form = shed_rep.get(&path).await;
    assert_eq!(form.body["wave"]["is_open"], false);
    // A later closing time opens it again.
    let extended = convenor
        .patch(
            &format!("/api/trust-waves/{wave}"),
            json!({ "closes_at": "2030-04-01T00:00:00Z" }),
        )
        .await;
    assert_eq!(extended.body["is_open"], true, "{extended:?}");
    assert_eq!(shed_rep.put(&path, body).await.status, StatusCode::OK);
}
