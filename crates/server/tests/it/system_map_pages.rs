//! The system-map room's pages, on SQLite and PostgreSQL: a convenor starts a map through the
//! form (a refused form keeps what was typed); two partners' representatives propose factors
//! and links for their partners through the forms, and one disputes the other's link, which
//! comes out contested with the loop through it; the loops list highlights a loop on the
//! drawing; the ripple of pushing a factor names the other partner it reaches; an action pinned
//! through the form shows its ripple on its objective's page; a representative never speaks
//! for another partner, and a closed map takes no more proposals.

use model::{PartnerId, Sector};
use reqwest::StatusCode;

use crate::fixtures::{PageBrowser, adopted_action, represented_partner_on_pages};
use crate::support::{
    CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, seed_convenor, spawn_app, spawn_app_on,
};

/// Returns the id in a redirect to a map's page.
fn map_id(location: &str) -> i64 {
    location
        .strip_prefix("/convenor/maps/")
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a map's page: {location}"))
}

/// Returns the value of the option labelled `label` on a page.
fn option_value(text: &str, label: &str) -> String {
    let end = text
        .find(&format!(">{label}</option>"))
        .unwrap_or_else(|| panic!("no option {label:?}"));
    let start = text[..end].rfind("value=\"").unwrap() + "value=\"".len();
    let value_end = text[start..].find('"').unwrap() + start;
    text[start..value_end].to_owned()
}

async fn propose_factor(
    app: &TestApp,
    browser: &PageBrowser,
    map: i64,
    name: &str,
    owner: PartnerId,
) -> String {
    let owner = owner.to_string();
    let proposed = browser
        .post(
            app,
            &format!("/convenor/maps/{map}/factors"),
            &[("name", name), ("owner", &owner), ("as", &owner)],
        )
        .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{proposed:?}");
    let page = browser.get(app, &format!("/convenor/maps/{map}")).await;
    option_value(&page.text, name)
}

async fn propose_link(
    app: &TestApp,
    browser: &PageBrowser,
    map: i64,
    (from, to, sign): (&str, &str, &str),
    partner: PartnerId,
) {
    let partner = partner.to_string();
    let proposed = browser
        .post(
            app,
            &format!("/convenor/maps/{map}/links"),
            &[
                ("from", from),
                ("to", to),
                ("sign", sign),
                ("note", "Seen in the carers' survey"),
                ("as", &partner),
            ],
        )
        .await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{proposed:?}");
    assert!(
        proposed
            .location
            .as_deref()
            .unwrap()
            .contains("notice=link"),
        "{proposed:?}"
    );
}

/// Returns the id of the link shown first with `from` and `to` on the map's page.
fn link_id(text: &str, from: &str, to: &str) -> String {
    let at = text
        .find(&format!("<strong>{from}</strong>"))
        .and_then(|start| {
            text[start..]
                .find(&format!("<strong>{to}</strong>"))
                .map(|_| start)
        })
        .unwrap_or_else(|| panic!("no link from {from} to {to}"));
    let opening = text[..at].rfind("id=\"link-").unwrap() + "id=\"link-".len();
    let end = text[opening..].find('"').unwrap() + opening;
    text[opening..end].to_owned()
}

async fn a_map_is_drawn_judged_and_read_through_the_pages(app: &TestApp) {
    let store = app.state.store();
    let partnership = store.list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor = PageBrowser::signed_in(app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let (carers, carers_rep) = represented_partner_on_pages(
        app,
        partnership,
        "Northvale Carers Centre",
        Sector::Voluntary,
        "carers@example.org",
    )
    .await;
    let (hospital, hospital_rep) = represented_partner_on_pages(
        app,
        partnership,
        "Northvale Hospitals",
        Sector::Nhs,
        "hospital@example.org",
    )
    .await;

    // The partnership's maps; a refused form keeps what was typed.
    let maps = convenor
        .get(app, &format!("/convenor/partnerships/{pid}/maps"))
        .await;
    assert_eq!(maps.status, StatusCode::OK, "{maps:?}");
    assert!(maps.text.contains("No map yet"), "{}", maps.text);
    let refused = convenor
        .post(
            app,
            &format!("/convenor/partnerships/{pid}/maps"),
            &[("title", "   "), ("description", "Kept after the refusal")],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert!(refused.text.contains("role=\"alert\""), "{}", refused.text);
    assert!(refused.text.contains("Kept after the refusal"));
    // A representative sees the maps but may not start one.
    let as_rep = carers_rep
        .get(app, &format!("/convenor/partnerships/{pid}/maps"))
        .await;
    assert_eq!(as_rep.status, StatusCode::OK);
    assert!(!as_rep.text.contains("Start the map"), "{}", as_rep.text);
    let started = carers_rep
        .post(
            app,
            &format!("/convenor/partnerships/{pid}/maps"),
            &[("title", "Not theirs to start")],
        )
        .await;
    assert_eq!(started.status, StatusCode::FORBIDDEN, "{started:?}");
    let created = convenor
        .post(
            app,
            &format!("/convenor/partnerships/{pid}/maps"),
            &[
                ("title", "Healthy ageing"),
                ("description", "How discharge reaches carers"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{created:?}");
    let map = map_id(created.location.as_deref().unwrap());
    let empty = convenor.get(app, &format!("/convenor/maps/{map}")).await;
    assert_eq!(empty.status, StatusCode::OK, "{empty:?}");
    assert!(empty.text.contains("The map has no factors yet"));

    // Each representative proposes for their own partner, never for the other.
    let strain = propose_factor(app, &carers_rep, map, "Strain on unpaid carers", carers).await;
    let discharge = propose_factor(
        app,
        &hospital_rep,
        map,
        "Speed of hospital discharge",
        hospital,
    )
    .await;
    let admissions =
        propose_factor(app, &hospital_rep, map, "Emergency admissions", hospital).await;
    let not_theirs = carers_rep
        .post(
            app,
            &format!("/convenor/maps/{map}/factors"),
            &[("name", "Bed occupancy"), ("as", &hospital.to_string())],
        )
        .await;
    assert_eq!(not_theirs.status, StatusCode::FORBIDDEN, "{not_theirs:?}");
    propose_link(app, &carers_rep, map, (&discharge, &strain, "+"), carers).await;
    propose_link(app, &carers_rep, map, (&strain, &admissions, "+"), carers).await;
    propose_link(
        app,
        &hospital_rep,
        map,
        (&admissions, &discharge, "+"),
        hospital,
    )
    .await;
    // A refused link keeps its note and says why.
    let bad_sign = hospital_rep
        .post(
            app,
            &format!("/convenor/maps/{map}/links"),
            &[
                ("from", &admissions),
                ("to", &strain),
                ("sign", "sideways"),
                ("note", "A note worth keeping"),
                ("as", &hospital.to_string()),
            ],
        )
        .await;
    assert_eq!(bad_sign.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_sign.text.contains("A note worth keeping"));
    assert!(
        bad_sign.text.contains("more (+) or less"),
        "{}",
        bad_sign.text
    );

    // The hospital disputes the carers' link; the carers agree with it.
    let page = hospital_rep
        .get(app, &format!("/convenor/maps/{map}"))
        .await;
    let disputed = link_id(
        &page.text,
        "Speed of hospital discharge",
        "Strain on unpaid carers",
    );
    for (browser, partner, judgment) in [
        (&hospital_rep, hospital, "disagree"),
        (&carers_rep, carers, "agree"),
    ] {
        let judged = browser
            .post(
                app,
                &format!("/convenor/maps/{map}/judgments"),
                &[
                    ("link", &disputed),
                    ("partner", &partner.to_string()),
                    ("judgment", judgment),
                ],
            )
            .await;
        assert_eq!(judged.status, StatusCode::SEE_OTHER, "{judged:?}");
    }
    let for_other = carers_rep
        .post(
            app,
            &format!("/convenor/maps/{map}/judgments"),
            &[
                ("link", &disputed),
                ("partner", &hospital.to_string()),
                ("judgment", "agree"),
            ],
        )
        .await;
    assert_eq!(for_other.status, StatusCode::FORBIDDEN, "{for_other:?}");
    let page = convenor.get(app, &format!("/convenor/maps/{map}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = &page.text;
    assert!(text.contains("<svg"), "the map is drawn");
    assert!(text.contains("The same map as a table"));
    assert!(text.contains("1 agree, 1 disagree, 0 unsure"), "{text}");
    assert!(text.contains("map-link--contested"), "{text}");
    assert!(text.contains("Reinforcing</strong>, 3 links"), "{text}");
    assert!(text.contains("runs through a contested link"), "{text}");
    // The hospital's representative sees its own judgment selected.
    let hospital_page = hospital_rep
        .get(app, &format!("/convenor/maps/{map}"))
        .await;
    assert!(hospital_page.text.contains("(now: disagree)"));

    // One loop highlighted; a loop that does not exist is not found.
    let highlighted = convenor
        .get(app, &format!("/convenor/maps/{map}?loop=1"))
        .await;
    assert_eq!(highlighted.status, StatusCode::OK);
    assert!(highlighted.text.contains("highlighted on the map"));
    assert!(highlighted.text.contains("Show the whole map again"));
    let missing = convenor
        .get(app, &format!("/convenor/maps/{map}?loop=9"))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let nonsense = convenor
        .get(app, &format!("/convenor/maps/{map}?loop=first"))
        .await;
    assert_eq!(nonsense.status, StatusCode::BAD_REQUEST);

    // The ripple of speeding discharge reaches the carers' area.
    let ripple = hospital_rep
        .get(
            app,
            &format!("/convenor/maps/{map}?from={discharge}&push=up&steps=2#ripple"),
        )
        .await;
    assert_eq!(ripple.status, StatusCode::OK, "{ripple:?}");
    let text = &ripple.text;
    assert!(text.contains("Reaches other partners"), "{text}");
    assert!(
        text.contains("Strain on unpaid carers: goes up, 1 link away"),
        "{text}"
    );
    assert!(
        text.contains("Emergency admissions: goes up, 2 links away"),
        "{text}"
    );
    assert!(text.contains("The action enters 1 feedback loop"), "{text}");
    let too_far = hospital_rep
        .get(
            app,
            &format!("/convenor/maps/{map}?from={discharge}&steps=99"),
        )
        .await;
    assert_eq!(
        too_far.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{too_far:?}"
    );

    // An action of the hospital's, pinned by its representative, shows its ripple on its
    // objective's page.
    let (objective, action) = adopted_action(app, partnership, hospital).await;
    let pinned = hospital_rep
        .post(
            app,
            &format!("/convenor/maps/{map}/pins"),
            &[
                ("action", &action.to_string()),
                ("factor", &discharge),
                ("push", "up"),
            ],
        )
        .await;
    assert_eq!(pinned.status, StatusCode::SEE_OTHER, "{pinned:?}");
    let objective_page = carers_rep
        .get(app, &format!("/convenor/objectives/{objective}"))
        .await;
    assert_eq!(objective_page.status, StatusCode::OK);
    let text = &objective_page.text;
    assert!(text.contains("Ripple on the map"), "{text}");
    assert!(
        text.contains("reaches other partners&#x27; areas: <strong>Northvale Carers Centre")
            || text.contains("reaches other partners' areas: <strong>Northvale Carers Centre"),
        "{text}"
    );

    // Closed, the map takes no more proposals, and only a convenor may close it.
    let by_rep = carers_rep
        .post(app, &format!("/convenor/maps/{map}/close"), &[])
        .await;
    assert_eq!(by_rep.status, StatusCode::FORBIDDEN);
    let closed = convenor
        .post(app, &format!("/convenor/maps/{map}/close"), &[])
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let after = carers_rep.get(app, &format!("/convenor/maps/{map}")).await;
    assert!(after.text.contains("Closed on"));
    assert!(!after.text.contains("Propose the factor"));
    let late = carers_rep
        .post(
            app,
            &format!("/convenor/maps/{map}/factors"),
            &[("name", "Too late"), ("as", &carers.to_string())],
        )
        .await;
    assert!(late.status.is_client_error(), "{late:?}");
    assert!(
        store
            .list_map_factors(model::SystemMapId(map))
            .await
            .unwrap()
            .iter()
            .all(|factor| factor.name != "Too late")
    );
}

#[tokio::test]
async fn the_map_pages_on_sqlite() {
    let app = spawn_app().await;
    a_map_is_drawn_judged_and_read_through_the_pages(&app).await;
}

#[tokio::test]
async fn the_map_pages_on_postgresql() {
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
    a_map_is_drawn_judged_and_read_through_the_pages(&app).await;
    drop(app);
    crate::postgres::drop_database(&database);
}

#[tokio::test]
async fn a_visitor_without_a_session_is_sent_to_sign_in() {
    let app = spawn_app().await;
    for path in [
        "/convenor/partnerships/1/maps",
        "/convenor/maps/1",
        "/convenor/maps/1?loop=1",
    ] {
        let answer = app.anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(answer.url().path(), "/login", "{path}");
    }
}

/// A convenor who reads the map pages in Welsh is told the map room's refusals in Welsh (a
/// blank title, too many links to follow, a factor not on the map, a link of another map),
/// while the JSON API answers the same cases with the same English as ever.
#[tokio::test]
async fn a_welsh_convenor_is_told_the_map_refusals_in_welsh() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let api = crate::fixtures::ApiBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let maps_path = format!("/convenor/partnerships/{pid}/maps");
    let welsh = convenor.get(&app, &format!("{maps_path}?lang=cy")).await;
    assert_eq!(welsh.status, StatusCode::OK, "{welsh:?}");
    assert!(welsh.text.contains("<html lang=\"cy\""), "{}", welsh.text);

    // A blank title: the form comes back with the refusal in Welsh.
    let refused = convenor
        .post(
            &app,
            &maps_path,
            &[("title", "   "), ("description", "Cedwir hwn")],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert!(
        refused.text.contains("Ni chaiff y teitl fod yn wag."),
        "{}",
        refused.text
    );
    assert!(
        !refused.text.contains("must not be blank"),
        "{}",
        refused.text
    );
    assert!(refused.text.contains("Cedwir hwn"));
    let through_api = api
        .post(
            &format!("/api/partnerships/{pid}/maps"),
            serde_json::json!({ "title": "   " }),
        )
        .await;
    assert_eq!(through_api.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(through_api.code(), "validation_failed");
    assert_eq!(
        through_api.body["error"]["message"],
        "title must not be blank"
    );

    // Two maps, the first with a link between two factors proposed by the convenor.
    let mut maps = Vec::new();
    for title in ["Heneiddio'n iach", "Tai"] {
        let created = convenor.post(&app, &maps_path, &[("title", title)]).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{created:?}");
        maps.push(map_id(created.location.as_deref().unwrap()));
    }
    let (first, second) = (maps[0], maps[1]);
    let mut factors = Vec::new();
    for name in ["Unigrwydd", "Derbyniadau brys"] {
        let proposed = convenor
            .post(
                &app,
                &format!("/convenor/maps/{first}/factors"),
                &[("name", name), ("as", "convenor")],
            )
            .await;
        assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{proposed:?}");
        let page = convenor.get(&app, &format!("/convenor/maps/{first}")).await;
        factors.push(option_value(&page.text, name));
    }
    let linked = convenor
        .post(
            &app,
            &format!("/convenor/maps/{first}/links"),
            &[
                ("from", &factors[0]),
                ("to", &factors[1]),
                ("sign", "+"),
                ("as", "convenor"),
            ],
        )
        .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER, "{linked:?}");

    // A factor's name too long for the map.
    let long_name = "f".repeat(201);
    let too_long = convenor
        .post(
            &app,
            &format!("/convenor/maps/{first}/factors"),
            &[("name", &long_name), ("as", "convenor")],
        )
        .await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_long.text.contains("Mae mwy na 200 nod yn yr enw."),
        "{}",
        too_long.text
    );
    assert!(
        !too_long.text.contains("has more than"),
        "{}",
        too_long.text
    );

    // Too many links to follow, and a factor the map does not have.
    let too_far = convenor
        .get(
            &app,
            &format!("/convenor/maps/{first}?from={}&steps=99", factors[0]),
        )
        .await;
    assert_eq!(
        too_far.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{too_far:?}"
    );
    assert!(
        too_far.text.contains("fod rhwng 1 a 50."),
        "{}",
        too_far.text
    );
    assert!(!too_far.text.contains("steps must be"), "{}", too_far.text);
    let api_too_far = api
        .get(&format!(
            "/api/maps/{first}/ripple?from={}&push=up&steps=99",
            factors[0]
        ))
        .await;
    assert_eq!(api_too_far.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        api_too_far.body["error"]["message"],
        "steps must be 1 to 50"
    );
    let elsewhere = convenor
        .get(
            &app,
            &format!("/convenor/maps/{second}?from={}", factors[0]),
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
    let not_on_map = format!("Nid yw ffactor {} ar y map hwn.", factors[0]);
    assert!(elsewhere.text.contains(&not_on_map), "{}", elsewhere.text);
    let api_elsewhere = api
        .get(&format!(
            "/api/maps/{second}/ripple?from={}&push=up",
            factors[0]
        ))
        .await;
    assert_eq!(
        api_elsewhere.body["error"]["message"],
        format!("factor {} is not on this map", factors[0])
    );

    // A judgment of the first map's link sent to the second: not found, said in Welsh.
    let link = app
        .state
        .store()
        .list_map_links(model::SystemMapId(first))
        .await
        .unwrap()[0]
        .id
        .0
        .to_string();
    let wrong_map = convenor
        .post(
            &app,
            &format!("/convenor/maps/{second}/judgments"),
            &[("link", &link), ("partner", "1"), ("judgment", "agree")],
        )
        .await;
    assert_eq!(wrong_map.status, StatusCode::NOT_FOUND, "{wrong_map:?}");
    assert!(
        wrong_map.text.contains("cysylltiad ar y map hwn."),
        "{}",
        wrong_map.text
    );
    assert!(
        !wrong_map.text.contains("link not found"),
        "{}",
        wrong_map.text
    );
    let api_wrong_map = api
        .put(
            &format!("/api/maps/{second}/links/{link}/judgment?partner=1"),
            serde_json::json!({ "judgment": "agree" }),
        )
        .await;
    assert_eq!(api_wrong_map.status, StatusCode::NOT_FOUND);
    assert_eq!(
        api_wrong_map.body["error"]["message"],
        "link not found on this map"
    );
}
