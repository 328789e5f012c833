//! The system map through the JSON API: a convenor creates a map linked to a dialogue; two
//! partners' representatives propose factors and links for their partners; one link is
//! disputed and comes out contested, as does the loop through it; a ripple reaches the other
//! partner's factor; participants judge once the map is opened to them; an action is pinned
//! and its ripple read; exports import back; hostile files are refused and store nothing.
//! Runs on SQLite and, when `TEST_PG_URL` is set, on PostgreSQL.

use model::{PartnerId, PartnershipId, Sector};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::fixtures::{ApiBrowser, reply};
use crate::support::{
    Answer, CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, seed_convenor, spawn_app, spawn_app_on,
};

/// Adds a partner with a representative who signs in with `email`.
async fn represented(
    app: &TestApp,
    partnership: PartnershipId,
    name: &str,
    email: &str,
) -> (PartnerId, ApiBrowser) {
    crate::fixtures::represented_partner(app, partnership, name, Sector::Nhs, email).await
}

fn assert_refused(answer: &Answer, status: StatusCode, code: &str) {
    assert_eq!(answer.status, status, "{answer:?}");
    assert_eq!(answer.code(), code, "{answer:?}");
}

fn id(answer: &Answer) -> i64 {
    answer.body["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("{answer:?}"))
}

async fn propose_factor(
    browser: &ApiBrowser,
    map: i64,
    name: &str,
    as_partner: Option<PartnerId>,
    owner: PartnerId,
) -> Answer {
    let mut body = json!({ "name": name, "owner_id": owner.get() });
    if let Some(partner) = as_partner {
        body["as_partner"] = json!(partner.get());
    }
    browser
        .post(&format!("/api/maps/{map}/factors"), body)
        .await
}

async fn propose_link(
    browser: &ApiBrowser,
    map: i64,
    from: i64,
    to: i64,
    sign: &str,
    as_partner: Option<PartnerId>,
) -> Answer {
    let mut body = json!({ "from": from, "to": to, "sign": sign, "note": "Local audit 2026" });
    if let Some(partner) = as_partner {
        body["as_partner"] = json!(partner.get());
    }
    browser.post(&format!("/api/maps/{map}/links"), body).await
}

async fn judge(
    browser: &ApiBrowser,
    map: i64,
    link: i64,
    partner: PartnerId,
    judgment: &str,
) -> Answer {
    browser
        .put(
            &format!("/api/maps/{map}/links/{link}/judgment?partner={partner}"),
            json!({ "judgment": judgment }),
        )
        .await
}

async fn action(app: &TestApp, partnership: PartnershipId, owner: PartnerId) -> i64 {
    crate::fixtures::adopted_action(app, partnership, owner)
        .await
        .1
}

async fn maps_are_proposed_judged_analysed_and_exchanged(app: &TestApp) {
    let store = app.state.store();
    let convenor = ApiBrowser::signed_in(app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = store
        .get_dialogue(model::DialogueId(dialogue))
        .await
        .unwrap()
        .partnership;
    let pid = partnership.get();
    let (hospital, hospital_rep) = represented(
        app,
        partnership,
        "Northvale Hospitals",
        "hospital@example.org",
    )
    .await;
    let (council, council_rep) =
        represented(app, partnership, "Northvale Council", "council@example.org").await;

    // The convenor creates a map linked to the dialogue; a representative may not.
    let by_rep = hospital_rep
        .post(
            &format!("/api/partnerships/{pid}/maps"),
            json!({ "title": "Ageing well" }),
        )
        .await;
    assert_refused(&by_rep, StatusCode::FORBIDDEN, "forbidden");
    let blank = convenor
        .post(
            &format!("/api/partnerships/{pid}/maps"),
            json!({ "title": "  " }),
        )
        .await;
    assert_refused(
        &blank,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    let created = convenor
        .post(
            &format!("/api/partnerships/{pid}/maps"),
            json!({ "title": "Ageing well", "description": "Healthy ageing", "dialogue_id": dialogue }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    assert_eq!(created.body["participants_may_judge"], false);
    let map = id(&created);

    // Each representative proposes factors for its own partner, not for another.
    let admissions = propose_factor(
        &hospital_rep,
        map,
        "Emergency admissions",
        Some(hospital),
        hospital,
    )
    .await;
    assert_eq!(admissions.status, StatusCode::CREATED, "{admissions:?}");
    assert_eq!(admissions.body["proposer"]["partner_id"], hospital.get());
    let admissions = id(&admissions);
    let care = propose_factor(&council_rep, map, "Home care hours", Some(council), council).await;
    assert_eq!(care.status, StatusCode::CREATED, "{care:?}");
    let care = id(&care);
    let for_other = propose_factor(&hospital_rep, map, "Falls", Some(council), council).await;
    assert_refused(&for_other, StatusCode::FORBIDDEN, "forbidden");
    let unnamed = propose_factor(&hospital_rep, map, "Falls", None, council).await;
    assert_refused(&unnamed, StatusCode::FORBIDDEN, "forbidden");
    let falls = propose_factor(&convenor, map, "Falls at home", None, council).await;
    assert_eq!(falls.status, StatusCode::CREATED, "{falls:?}");
    assert_eq!(falls.body["proposer"]["partner_id"], Value::Null);
    let falls = id(&falls);
    let twice = propose_factor(&convenor, map, "falls AT home", None, council).await;
    assert_refused(&twice, StatusCode::CONFLICT, "conflict");

    // Links: more care, fewer admissions; more admissions, more care hours needed; falls lead
    // to admissions.
    let prevents = propose_link(&council_rep, map, care, admissions, "-", Some(council)).await;
    assert_eq!(prevents.status, StatusCode::CREATED, "{prevents:?}");
    assert_eq!(prevents.body["sign"], "-");
    let prevents = id(&prevents);
    let needs = propose_link(&hospital_rep, map, admissions, care, "+", Some(hospital)).await;
    assert_eq!(needs.status, StatusCode::CREATED, "{needs:?}");
    let needs = id(&needs);
    let falls_link = propose_link(&convenor, map, falls, admissions, "+", None).await;
    assert_eq!(falls_link.status, StatusCode::CREATED, "{falls_link:?}");
    let again = propose_link(&convenor, map, care, admissions, "+", None).await;
    assert_refused(&again, StatusCode::CONFLICT, "conflict");
    let unknown = propose_link(&convenor, map, care, i64::MAX, "+", None).await;
    assert_refused(&unknown, StatusCode::NOT_FOUND, "not_found");
    let bad_sign = propose_link(&convenor, map, care, falls, "±", None).await;
    assert_refused(&bad_sign, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");

    // The hospital agrees that care prevents admissions; the council disagrees: one partner
    // in two is a disagree share of 1/2, so the link is contested.
    let judged = judge(&hospital_rep, map, prevents, hospital, "agree").await;
    assert_eq!(judged.status, StatusCode::OK, "{judged:?}");
    assert_eq!(
        judge(&council_rep, map, prevents, council, "agree")
            .await
            .status,
        StatusCode::OK
    );
    // A judgment is replaced, not added.
    let replaced = judge(&council_rep, map, prevents, council, "disagree").await;
    assert_eq!(replaced.body["judgment"], "disagree", "{replaced:?}");
    assert_refused(
        &judge(&hospital_rep, map, prevents, council, "agree").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    );
    assert_refused(
        &judge(&convenor, map, prevents, council, "agree").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    );
    assert_eq!(
        judge(&council_rep, map, needs, council, "agree")
            .await
            .status,
        StatusCode::OK
    );

    let detail = council_rep.get(&format!("/api/maps/{map}")).await;
    assert_eq!(detail.status, StatusCode::OK, "{detail:?}");
    let links = detail.body["links"].as_array().unwrap();
    assert_eq!(links.len(), 3);
    let tally = &links[0]["tally"];
    assert_eq!(links[0]["id"], prevents);
    assert_eq!(tally["partners"]["agree"], 1);
    assert_eq!(tally["partners"]["disagree"], 1);
    assert_eq!(tally["partner_disagree_share"], 0.5);
    assert_eq!(tally["contested"], true);
    assert_eq!(links[1]["tally"]["contested"], false);

    // The analysis is the command's document: one balancing loop, through the contested link.
    let analysis = hospital_rep.get(&format!("/api/maps/{map}/analysis")).await;
    assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
    assert_eq!(analysis.body["format_version"], 1);
    assert_eq!(analysis.body["n_factors"], 3);
    assert_eq!(analysis.body["n_loops"], 1);
    assert_eq!(analysis.body["n_balancing"], 1);
    let cycle = &analysis.body["loops"][0];
    assert_eq!(cycle["contested"], true);
    assert_eq!(cycle["factors"], json!([admissions, care]));
    let document: server::system_map::document::MapDocument =
        serde_json::from_value(analysis.body.clone()).expect("the document reads strictly");
    assert_eq!(document.factors.len(), 3);
    let limited = convenor
        .get(&format!("/api/maps/{map}/analysis?max_loop_length=1"))
        .await;
    assert_eq!(limited.body["n_loops"], 0, "{limited:?}");
    assert_eq!(limited.body["truncated"], true);
    assert_refused(
        &convenor
            .get(&format!("/api/maps/{map}/analysis?max_loops=999999999"))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );

    // Fewer falls ripple into the hospital's admissions and then the council's care hours.
    let ripple = council_rep
        .get(&format!(
            "/api/maps/{map}/ripple?from={falls}&push=down&steps=2"
        ))
        .await;
    assert_eq!(ripple.status, StatusCode::OK, "{ripple:?}");
    let reached: Vec<(i64, String, u64)> = ripple.body["ripple"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["factor"].as_i64().unwrap(),
                entry["effect"].as_str().unwrap().to_owned(),
                entry["distance"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        reached,
        [
            (admissions, "down".to_owned(), 1),
            (care, "down".to_owned(), 2)
        ]
    );
    // "Falls at home" is the council's: the hospital is the other partner reached.
    assert_eq!(
        ripple.body["action"]["other_partners_reached"],
        json!(["Northvale Hospitals"])
    );
    for bad in [
        format!("/api/maps/{map}/ripple?from={falls}&push=sideways"),
        format!("/api/maps/{map}/ripple?push=up"),
    ] {
        assert_refused(
            &convenor.get(&bad).await,
            StatusCode::BAD_REQUEST,
            "invalid_query",
        );
    }
    for bad in [
        format!("/api/maps/{map}/ripple?from={falls}&push=up&steps=0"),
        format!("/api/maps/{map}/ripple?from=999999&push=up"),
    ] {
        assert_refused(
            &convenor.get(&bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
    }

    // Participants of the linked dialogue judge once the convenor opens the map to them.
    let participant = app.join(dialogue, &["resident"]).await;
    let as_participant = |link: i64, judgment: &str| {
        let request = app
            .anonymous
            .put(app.url(&format!(
                "/api/maps/{map}/links/{link}/participant-judgment"
            )))
            .bearer_auth(&participant.token)
            .json(&json!({ "judgment": judgment }));
        reply(request)
    };
    assert_refused(
        &as_participant(needs, "agree").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    );
    let opened = convenor
        .patch(
            &format!("/api/maps/{map}"),
            json!({ "participants_may_judge": true }),
        )
        .await;
    assert_eq!(opened.body["participants_may_judge"], true, "{opened:?}");
    let given = as_participant(needs, "unsure").await;
    assert_eq!(given.status, StatusCode::OK, "{given:?}");
    assert_eq!(given.body["partner_id"], Value::Null);
    let seen = reply(
        app.anonymous
            .get(app.url(&format!("/api/maps/{map}/for-participants")))
            .bearer_auth(&participant.token),
    )
    .await;
    assert_eq!(seen.status, StatusCode::OK, "{seen:?}");
    assert_eq!(seen.body["links"][1]["tally"]["participants"]["unsure"], 1);
    let other_dialogue = app.create_standard_dialogue().await;
    let stranger = app.join(other_dialogue, &["resident"]).await;
    let foreign = reply(
        app.anonymous
            .put(app.url(&format!(
                "/api/maps/{map}/links/{needs}/participant-judgment"
            )))
            .bearer_auth(&stranger.token)
            .json(&json!({ "judgment": "agree" })),
    )
    .await;
    assert_refused(&foreign, StatusCode::FORBIDDEN, "forbidden");

    // An action of the council is pinned to "Home care hours" and its ripple read.
    let visits = action(app, partnership, council).await;
    let pin = hospital_rep
        .post(
            &format!("/api/maps/{map}/pins"),
            json!({ "action_id": visits, "factor_id": care, "push": "up" }),
        )
        .await;
    assert_refused(&pin, StatusCode::FORBIDDEN, "forbidden");
    let pin = council_rep
        .post(
            &format!("/api/maps/{map}/pins"),
            json!({ "action_id": visits, "factor_id": care, "push": "up" }),
        )
        .await;
    assert_eq!(pin.status, StatusCode::OK, "{pin:?}");
    let ripples = hospital_rep
        .get(&format!("/api/actions/{visits}/ripple"))
        .await;
    assert_eq!(ripples.status, StatusCode::OK, "{ripples:?}");
    let first = &ripples.body[0];
    assert_eq!(first["pin"]["factor_id"], care);
    assert_eq!(first["document"]["action"]["push"], "up");
    assert_eq!(
        first["document"]["action"]["other_partners_reached"],
        json!(["Northvale Hospitals"])
    );
    assert_eq!(first["document"]["ripple"][0]["factor"], admissions);
    assert_eq!(first["document"]["ripple"][0]["effect"], "down");

    // Exports: GraphML, Kumu and the two CSV files; each imports back as a new map.
    let graphml = convenor
        .get(&format!("/api/maps/{map}/export?format=graphml"))
        .await;
    assert_eq!(graphml.status, StatusCode::OK);
    assert_eq!(graphml.headers["content-type"], "application/graphml+xml");
    let graphml = String::from_utf8(graphml.bytes).unwrap();
    assert!(graphml.contains("Emergency admissions"), "{graphml}");
    let kumu = council_rep
        .get(&format!("/api/maps/{map}/export?format=kumu"))
        .await;
    assert_eq!(kumu.status, StatusCode::OK);
    assert!(kumu.body["elements"].is_array(), "{kumu:?}");
    let zipped = convenor
        .get(&format!("/api/maps/{map}/export?format=csv"))
        .await;
    assert_eq!(zipped.headers["content-type"], "application/zip");
    assert!(zipped.bytes.starts_with(b"PK"));
    for (format, content) in [
        ("graphml", graphml.clone()),
        ("kumu", String::from_utf8(kumu.bytes).unwrap()),
    ] {
        let imported = convenor
            .post(
                &format!("/api/partnerships/{pid}/maps/import"),
                json!({ "title": format!("From {format}"), "format": format, "content": content }),
            )
            .await;
        assert_eq!(
            imported.status,
            StatusCode::CREATED,
            "{format}: {imported:?}"
        );
        let again = convenor.get(&format!("/api/maps/{}", id(&imported))).await;
        assert_eq!(
            again.body["factors"].as_array().unwrap().len(),
            3,
            "{format}"
        );
        assert_eq!(again.body["links"].as_array().unwrap().len(), 3, "{format}");
        let owners: Vec<&Value> = again.body["factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|factor| &factor["owner_id"])
            .collect();
        assert!(
            owners.contains(&&json!(hospital.get())),
            "{format}: {again:?}"
        );
    }
    let from_csv = convenor
        .post(
            &format!("/api/partnerships/{pid}/maps/import"),
            json!({
                "title": "From CSV",
                "format": "csv",
                "factors_csv": "factor,name,partner\n1,Loneliness,Northvale Council\n2,GP visits,\n",
                "links_csv": "from,to,sign,delayed\n1,2,+,yes\n2,1,-,\n",
            }),
        )
        .await;
    assert_eq!(from_csv.status, StatusCode::CREATED, "{from_csv:?}");
    let csv_map = id(&from_csv);
    let csv_analysis = convenor.get(&format!("/api/maps/{csv_map}/analysis")).await;
    assert_eq!(csv_analysis.body["n_loops"], 1);
    assert_eq!(csv_analysis.body["loops"][0]["delayed"], true);

    // Hostile and broken files: a clear refusal, and nothing stored.
    let maps_before = convenor.get(&format!("/api/partnerships/{pid}/maps")).await;
    let count_before = maps_before.body.as_array().unwrap().len();
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<graphml><graph edgedefault="directed"><node id="a"><data key="label">&lol3;</data></node></graph></graphml>"#;
    let external = r#"<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<graphml><graph edgedefault="directed"><node id="a"><data key="label">&secret;</data></node></graph></graphml>"#;
    let broken = r#"<graphml><graph edgedefault="directed"><node id="a"></graph>"#;
    let unknown_partner = r#"<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="label" for="node" attr.name="label" attr.type="string"/>
<key id="partner" for="node" attr.name="partner" attr.type="string"/>
<key id="sign" for="edge" attr.name="sign" attr.type="string"/>
<graph edgedefault="directed">
<node id="a"><data key="label">A</data><data key="partner">Nobody here</data></node>
<node id="b"><data key="label">B</data></node>
<edge source="a" target="b"><data key="sign">+</data></edge>
</graph></graphml>"#;
    let dangling = r#"<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="sign" for="edge" attr.name="sign" attr.type="string"/>
<graph edgedefault="directed">
<node id="a"/><edge source="a" target="z"><data key="sign">+</data></edge>
</graph></graphml>"#;
    for (what, format, content) in [
        ("billion laughs", "graphml", laughs),
        ("an external entity", "graphml", external),
        ("broken XML", "graphml", broken),
        ("an unknown partner", "graphml", unknown_partner),
        ("a link to no factor", "graphml", dangling),
        ("not JSON", "kumu", "{ \"elements\": [ "),
        ("empty", "graphml", ""),
    ] {
        let refused = convenor
            .post(
                &format!("/api/partnerships/{pid}/maps/import"),
                json!({ "title": "Hostile", "format": format, "content": content }),
            )
            .await;
        assert_refused(
            &refused,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
        assert!(
            !refused.body["error"]["message"]
                .as_str()
                .unwrap()
                .is_empty(),
            "{what}"
        );
    }
    let duplicate_names = convenor
        .post(
            &format!("/api/partnerships/{pid}/maps/import"),
            json!({
                "title": "Twice",
                "format": "csv",
                "factors_csv": "factor,name\n1,Loneliness\n2,loneliness\n",
                "links_csv": "from,to,sign\n1,2,+\n",
            }),
        )
        .await;
    assert_refused(&duplicate_names, StatusCode::CONFLICT, "conflict");
    let missing_links = convenor
        .post(
            &format!("/api/partnerships/{pid}/maps/import"),
            json!({ "title": "Half", "format": "csv", "factors_csv": "factor,name\n1,A\n" }),
        )
        .await;
    assert_refused(
        &missing_links,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    // A factor's name and a link's note are checked as typed ones are, in the API's English.
    for (factors_csv, links_csv, message) in [
        (
            format!("factor,name\n1,{}\n2,B\n", "n".repeat(201)),
            "from,to,sign\n1,2,+\n".to_owned(),
            "a factor's name has more than 200 characters",
        ),
        (
            "factor,name\n1,A\n2,B\n".to_owned(),
            "from,to,sign,note\n1,2,+,evil\u{202E}txt\n".to_owned(),
            "a link's note contains the invisible direction control U+202E, which can disguise text; remove it",
        ),
    ] {
        let refused = convenor
            .post(
                &format!("/api/partnerships/{pid}/maps/import"),
                json!({
                    "title": "Checked",
                    "format": "csv",
                    "factors_csv": factors_csv,
                    "links_csv": links_csv,
                }),
            )
            .await;
        assert_refused(
            &refused,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        );
        assert_eq!(refused.body["error"]["message"], message, "{refused:?}");
    }
    // A file larger than an import accepts is refused before it is read.
    let huge = format!(
        "<graphml><graph edgedefault=\"directed\">{}</graph></graphml>",
        "<node id=\"n\"/>".repeat(330_000)
    );
    let too_large = convenor
        .post(
            &format!("/api/partnerships/{pid}/maps/import"),
            json!({ "title": "Huge", "format": "graphml", "content": huge }),
        )
        .await;
    assert_refused(
        &too_large,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    );
    let by_rep = hospital_rep
        .post(
            &format!("/api/partnerships/{pid}/maps/import"),
            json!({ "title": "Rep's", "format": "graphml", "content": graphml }),
        )
        .await;
    assert_refused(&by_rep, StatusCode::FORBIDDEN, "forbidden");
    let maps_after = convenor.get(&format!("/api/partnerships/{pid}/maps")).await;
    assert_eq!(maps_after.body.as_array().unwrap().len(), count_before);

    // Closing the map keeps it readable and stops every proposal, judgment and pin.
    let closed = convenor
        .post(&format!("/api/maps/{map}/close"), json!({}))
        .await;
    assert_eq!(closed.body["is_open"], false, "{closed:?}");
    assert_refused(
        &propose_factor(&convenor, map, "Loneliness", None, council).await,
        StatusCode::CONFLICT,
        "conflict",
    );
    assert_refused(
        &judge(&council_rep, map, needs, council, "disagree").await,
        StatusCode::CONFLICT,
        "conflict",
    );
    assert_refused(
        &convenor
            .patch(&format!("/api/maps/{map}"), json!({ "title": "Again" }))
            .await,
        StatusCode::CONFLICT,
        "conflict",
    );
    assert_eq!(
        hospital_rep
            .get(&format!("/api/maps/{map}/analysis"))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn maps_work_through_the_api_on_sqlite() {
    let app = spawn_app().await;
    maps_are_proposed_judged_analysed_and_exchanged(&app).await;
}

#[tokio::test]
async fn maps_work_through_the_api_on_postgresql() {
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
    maps_are_proposed_judged_analysed_and_exchanged(&app).await;
}

#[tokio::test]
async fn an_empty_map_has_an_empty_analysis() {
    let app = spawn_app().await;
    let convenor = ApiBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let pid = app.state.store().list_partnerships().await.unwrap()[0]
        .id
        .get();
    let created = convenor
        .post(
            &format!("/api/partnerships/{pid}/maps"),
            json!({ "title": "Blank" }),
        )
        .await;
    let map = id(&created);
    let analysis = convenor.get(&format!("/api/maps/{map}/analysis")).await;
    assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
    assert_eq!(analysis.body["n_factors"], 0);
    assert_eq!(analysis.body["loops"], json!([]));
    // Participants judge only a map linked to a dialogue.
    let refused = convenor
        .patch(
            &format!("/api/maps/{map}"),
            json!({ "participants_may_judge": true }),
        )
        .await;
    assert_refused(
        &refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    for format in ["graphml", "kumu", "csv"] {
        let exported = convenor
            .get(&format!("/api/maps/{map}/export?format={format}"))
            .await;
        assert_eq!(exported.status, StatusCode::OK, "{format}: {exported:?}");
    }
}
