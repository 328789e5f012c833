//! The trust room's pages, on SQLite and PostgreSQL: a convenor opens a wave through the form (a
//! refused form keeps what was typed); a partner's representative answers through the survey
//! form, saves half-way, comes back to the saved answers, has a submission with a partner left
//! without a level refused with the answers kept and the error next to that partner, and
//! submits; the results page draws the network with its table, the scores ("no score" for a
//! partner nobody rated), the asymmetry and the response rate, and names raters only once the
//! convenor chooses; a representative never answers for another partner, nor after the wave
//! closes; the trends appear once two waves have answers.

use model::{PartnerId, PartnershipId, Sector};
use reqwest::StatusCode;

use crate::fixtures::{ApiBrowser, PageBrowser, add_partner, represented_partner_on_pages};
use crate::support::{
    CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, seed_convenor, spawn_app, spawn_app_on,
};

/// The stored response of a partner in a wave: its status and how many partners it answered.
async fn stored(app: &TestApp, wave: i64, partner: PartnerId) -> Option<(String, usize)> {
    app.state
        .store()
        .find_trust_response(model::TrustWaveId(wave), partner)
        .await
        .unwrap()
        .map(|response| (response.status.as_str().to_owned(), response.ratings.len()))
}

/// Opens a wave through the convenor's form and returns its id.
async fn open_wave(app: &TestApp, convenor: &PageBrowser, pid: i64, title: &str) -> i64 {
    let opened = convenor
        .post(
            app,
            &format!("/convenor/partnerships/{pid}/trust"),
            &[
                ("title", title),
                ("closes_at", "2099-06-30T17:00"),
                ("rater_naming", "protected"),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{opened:?}");
    let location = opened.location.unwrap();
    let id = location
        .strip_prefix("/convenor/trust-waves/")
        .and_then(|rest| rest.strip_suffix("?notice=opened"))
        .expect("sent to the new wave's page");
    id.parse().unwrap()
}

/// A full answer about `partner`: its level and the six items, with one contribution.
fn full_answer(partner: PartnerId, level: &str, score: &str) -> Vec<(String, String)> {
    let mut fields = vec![(format!("level-{partner}"), level.to_owned())];
    for item in [
        "reliable",
        "mission",
        "open",
        "influence",
        "involvement",
        "resources",
    ] {
        fields.push((format!("{item}-{partner}"), score.to_owned()));
    }
    fields.push((format!("contribution-{partner}"), "expertise".to_owned()));
    fields
}

fn borrowed(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect()
}

async fn the_survey_is_answered_and_read_through_the_pages(app: &TestApp) {
    let store = app.state.store();
    let partnership = store.list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor = PageBrowser::signed_in(app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let (shed, shed_rep) = represented_partner_on_pages(
        app,
        partnership,
        "Men's shed",
        Sector::Community,
        "shed@example.org",
    )
    .await;
    let (trust, trust_rep) = represented_partner_on_pages(
        app,
        partnership,
        "Northvale NHS Trust",
        Sector::Nhs,
        "trust@example.org",
    )
    .await;
    let council = add_partner(
        app,
        partnership,
        "Northvale Council",
        Sector::LocalAuthority,
    )
    .await;

    // The partnership's page links to the trust room, for convenors and representatives.
    for browser in [&convenor, &shed_rep] {
        let home = browser
            .get(app, &format!("/convenor/partnerships/{pid}"))
            .await;
        assert!(
            home.text
                .contains(&format!("/convenor/partnerships/{pid}/trust")),
            "{home:?}"
        );
    }

    // A refused wave keeps what was typed; a good one opens.
    let trust_page = format!("/convenor/partnerships/{pid}/trust");
    let empty = convenor.get(app, &trust_page).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.text.contains("No survey wave yet"));
    let refused = convenor
        .post(
            app,
            &trust_page,
            &[
                ("title", "Spring listening"),
                ("closes_at", "next Tuesday"),
                ("rater_naming", "protected"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert!(refused.text.contains("role=\"alert\""));
    assert!(refused.text.contains("value=\"Spring listening\""));
    assert!(refused.text.contains("value=\"next Tuesday\""));
    assert!(
        store
            .list_trust_waves(partnership)
            .await
            .unwrap()
            .is_empty()
    );
    let refused = shed_rep
        .post(
            app,
            &trust_page,
            &[("title", "Mine"), ("closes_at", "2099-01-01T00:00")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let wave = open_wave(app, &convenor, pid, "Spring").await;

    // The representative finds the link to answer for their partner, and only theirs.
    let form_path = format!("/convenor/trust-waves/{wave}/answer?partner={shed}");
    let listed = shed_rep.get(app, &trust_page).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(listed.text.contains(&form_path), "{listed:?}");
    assert!(
        listed.text.contains("Answer for Men&#x27;s shed")
            || listed.text.contains("Answer for Men's shed")
    );
    assert!(!listed.text.contains("Open a wave"));

    let form = shed_rep.get(app, &form_path).await;
    assert_eq!(form.status, StatusCode::OK, "{form:?}");
    assert!(form.text.contains("Northvale NHS Trust"));
    assert!(form.text.contains("Northvale Council"));
    assert!(form.text.contains("Not started"));
    assert!(form.text.contains("Save and finish later"));

    // Half-way: the trust only, with "don't know" for the mission.
    let mut half = full_answer(trust, "cooperation", "3");
    half.retain(|(name, _)| !name.starts_with("mission-"));
    half.push((format!("mission-{trust}"), String::new()));
    half.push(("action".to_owned(), "save".to_owned()));
    let saved = shed_rep.post(app, &form_path, &borrowed(&half)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{saved:?}");
    assert_eq!(
        saved.location.as_deref(),
        Some(format!("{form_path}&notice=saved").as_str())
    );
    assert_eq!(stored(app, wave, shed).await, Some(("draft".to_owned(), 1)));

    // Coming back shows what was saved.
    let again = shed_rep
        .get(app, &format!("{form_path}&notice=saved"))
        .await;
    assert!(again.text.contains("Draft saved, not yet submitted"));
    assert!(again.text.contains(&format!(
        "id=\"level-{trust}-cooperation\" name=\"level-{trust}\" value=\"cooperation\" checked"
    )));
    assert!(again.text.contains("<option value=\"3\" selected>"));
    assert!(again.text.contains(&format!(
        "value=\"expertise\" checked><label for=\"contribution-{trust}-expertise\""
    )));
    assert!(
        !again
            .text
            .contains(&format!("name=\"level-{council}\" value=\"none\" checked"))
    );

    // Submitting with the council left without a level is refused: the answers are kept and
    // the error stands next to the council; nothing is stored.
    let mut early = full_answer(trust, "coordination", "4");
    early.push(("action".to_owned(), "submit".to_owned()));
    let refused = shed_rep.post(app, &form_path, &borrowed(&early)).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert!(refused.text.contains("role=\"alert\""));
    assert!(
        refused
            .text
            .contains(&format!("id=\"partner-{council}-error\""))
    );
    assert!(
        refused
            .text
            .contains("Choose how closely you work with Northvale Council")
    );
    assert!(
        !refused
            .text
            .contains(&format!("id=\"partner-{trust}-error\""))
    );
    assert!(refused.text.contains(&format!(
        "name=\"level-{trust}\" value=\"coordination\" checked"
    )));
    assert!(refused.text.contains("<option value=\"4\" selected>"));
    assert_eq!(stored(app, wave, shed).await, Some(("draft".to_owned(), 1)));

    // An item outside 1 to 4 is refused next to its partner, also for a draft.
    let mut bad = full_answer(trust, "coordination", "7");
    bad.push(("action".to_owned(), "save".to_owned()));
    let refused = shed_rep.post(app, &form_path, &borrowed(&bad)).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert!(
        refused
            .text
            .contains(&format!("id=\"partner-{trust}-error\""))
    );
    // An unknown button is a bad request.
    let refused = shed_rep
        .post(app, &form_path, &[("action", "publish")])
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    // A form without the session's token is refused.
    let forged = shed_rep
        .post_as_sent(app, &form_path, &[("action", "save"), ("csrf", "forged")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(stored(app, wave, shed).await, Some(("draft".to_owned(), 1)));

    // Nobody answers for another partner: not its convenor, not another partner's
    // representative; the form says which partner is asked about.
    assert_eq!(
        trust_rep.get(app, &form_path).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        convenor.get(app, &form_path).await.status,
        StatusCode::FORBIDDEN
    );
    let mut theirs = full_answer(trust, "integration", "1");
    theirs.push(("action".to_owned(), "submit".to_owned()));
    assert_eq!(
        trust_rep
            .post(app, &form_path, &borrowed(&theirs))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(stored(app, wave, shed).await, Some(("draft".to_owned(), 1)));
    assert_eq!(
        shed_rep
            .get(app, &format!("/convenor/trust-waves/{wave}/answer"))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );

    // The whole answer is submitted.
    let mut whole = full_answer(trust, "coordination", "4");
    whole.push((format!("level-{council}"), "none".to_owned()));
    // Items chosen for a partner with no relationship are left out, not refused.
    whole.push((format!("reliable-{council}"), "2".to_owned()));
    whole.push(("action".to_owned(), "submit".to_owned()));
    let submitted = shed_rep.post(app, &form_path, &borrowed(&whole)).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER, "{submitted:?}");
    assert_eq!(
        submitted.location.as_deref(),
        Some(format!("{form_path}&notice=submitted").as_str())
    );
    assert_eq!(
        stored(app, wave, shed).await,
        Some(("submitted".to_owned(), 2))
    );
    let done = shed_rep
        .get(app, &format!("{form_path}&notice=submitted"))
        .await;
    assert!(
        done.text
            .contains("Submitted: your answers count in the results")
    );

    // The trust answers too, naming the shed.
    let trust_form = format!("/convenor/trust-waves/{wave}/answer?partner={trust}");
    let mut answer = full_answer(shed, "coordination", "2");
    answer.extend(full_answer(council, "integration", "3"));
    answer.push(("action".to_owned(), "submit".to_owned()));
    let submitted = trust_rep.post(app, &trust_form, &borrowed(&answer)).await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER, "{submitted:?}");

    // The results, for the convenor: the drawing with its table, the scores, the asymmetry and
    // who has not answered.
    let wave_page = format!("/convenor/trust-waves/{wave}");
    let results = convenor.get(app, &wave_page).await;
    assert_eq!(results.status, StatusCode::OK, "{results:?}");
    let text = &results.text;
    assert!(text.contains("<svg class=\"trust-network\""));
    assert!(text.contains("role=\"img\""));
    assert!(text.contains("<title id=\"network-title\">"));
    assert!(text.contains("id=\"ties-table\""));
    assert!(text.contains("\">Coordination</td>"));
    assert!(text.contains("\">Integration</td>"));
    assert!(text.contains("id=\"scores-table\""));
    assert!(text.contains("2 of 3 partners submitted their answers (67%)."));
    assert!(text.contains("<li>Northvale Council</li>"));
    // The council was rated by the trust only; the shed's "none" gives it no score from the
    // shed, and the trust's 3s give it 3.00.
    assert!(text.contains("\">3.00</td>"));
    assert!(text.contains("Asymmetry"));
    assert!(
        text.contains(
            "Community and voluntary partners give statutory partners a mean trust of 4.00"
        )
    );
    assert!(text.contains("Wave settings"));
    assert!(text.contains(&format!("/api/partnerships/{pid}/trust/export")));
    assert!(!text.contains("Each answer, with its rater"));

    // A representative sees the same results in aggregate: ties only, no settings.
    let theirs = trust_rep.get(app, &wave_page).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.text.contains("This wave protects raters"));
    assert!(!theirs.text.contains("\">Coordination</td>"));
    assert!(!theirs.text.contains("Wave settings"));
    assert!(!theirs.text.contains("/trust/export"));
    assert_eq!(
        trust_rep
            .post(
                app,
                &format!("{wave_page}/settings"),
                &[("rater_naming", "named")]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        trust_rep
            .post(app, &format!("{wave_page}/close"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // The convenor names raters; a bad closing date is refused with what was typed.
    let refused = convenor
        .post(
            app,
            &format!("{wave_page}/settings"),
            &[
                ("title", "Spring"),
                ("closes_at", "soon"),
                ("rater_naming", "named"),
            ],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert!(refused.text.contains("value=\"soon\""));
    let named = convenor
        .post(
            app,
            &format!("{wave_page}/settings"),
            &[
                ("title", "Spring"),
                ("closes_at", "2099-06-30T17:00"),
                ("rater_naming", "named"),
            ],
        )
        .await;
    assert_eq!(named.status, StatusCode::SEE_OTHER, "{named:?}");
    assert_eq!(
        named.location.as_deref(),
        Some(format!("{wave_page}?notice=saved").as_str())
    );
    let theirs = trust_rep.get(app, &wave_page).await;
    assert!(theirs.text.contains("Each answer, with its rater"));
    assert!(theirs.text.contains("\">Coordination</td>"));

    // Closing stops every answer.
    let closed = convenor.post(app, &format!("{wave_page}/close"), &[]).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER, "{closed:?}");
    let form = shed_rep.get(app, &form_path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("This wave is closed"));
    assert!(!form.text.contains("Save and finish later"));
    let mut late = full_answer(trust, "integration", "1");
    late.push((format!("level-{council}"), "awareness".to_owned()));
    late.push(("action".to_owned(), "save".to_owned()));
    let refused = shed_rep.post(app, &form_path, &borrowed(&late)).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");
    assert_eq!(
        stored(app, wave, shed).await,
        Some(("submitted".to_owned(), 2))
    );

    // A second wave, answered by both, brings the trends.
    let second = open_wave(app, &convenor, pid, "Autumn").await;
    for (browser, partner, others) in [
        (
            &shed_rep,
            shed,
            [(trust, "integration", "4"), (council, "awareness", "3")],
        ),
        (
            &trust_rep,
            trust,
            [(shed, "integration", "4"), (council, "integration", "4")],
        ),
    ] {
        let mut fields = Vec::new();
        for (other, level, score) in others {
            fields.extend(full_answer(other, level, score));
        }
        fields.push(("action".to_owned(), "submit".to_owned()));
        let posted = browser
            .post(
                app,
                &format!("/convenor/trust-waves/{second}/answer?partner={partner}"),
                &borrowed(&fields),
            )
            .await;
        assert_eq!(posted.status, StatusCode::SEE_OTHER, "{posted:?}");
    }
    let trends = shed_rep.get(app, &trust_page).await;
    assert_eq!(trends.status, StatusCode::OK);
    assert!(trends.text.contains("Trends over waves"));
    assert!(trends.text.contains("id=\"trend-density-title\""));
    assert!(trends.text.contains("id=\"trend-trust-title\""));
    assert!(trends.text.contains("From wave 1 to wave 2"));
    assert!(trends.text.contains("Closed by a convenor"));
}

#[tokio::test]
async fn the_survey_pages_on_sqlite() {
    let app = spawn_app().await;
    the_survey_is_answered_and_read_through_the_pages(&app).await;
}

#[tokio::test]
async fn the_survey_pages_on_postgresql() {
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
    the_survey_is_answered_and_read_through_the_pages(&app).await;
    drop(app);
    crate::postgres::drop_database(&database);
}

#[tokio::test]
async fn a_visitor_without_a_session_is_sent_to_sign_in() {
    let app = spawn_app().await;
    for path in [
        "/convenor/partnerships/1/trust",
        "/convenor/trust-waves/1",
        "/convenor/trust-waves/1/answer?partner=1",
    ] {
        let answer = app.anonymous.get(app.url(path)).send().await.unwrap();
        assert!(
            answer.url().path() == "/login" || answer.status() == StatusCode::OK,
            "{path}: {}",
            answer.status()
        );
        assert_eq!(answer.url().path(), "/login", "{path}");
    }
}

/// Two partners for the language tests: a men's shed whose representative signs in on the
/// pages, and the council, represented by nobody.
async fn shed_and_council(
    app: &TestApp,
    partnership: PartnershipId,
) -> (PartnerId, PageBrowser, PartnerId) {
    let (shed, shed_rep) = represented_partner_on_pages(
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
    (shed, shed_rep, council)
}

#[tokio::test]
async fn a_representative_answers_in_welsh_and_a_language_the_form_lacks_gives_english() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let convenor = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let (shed, shed_rep, council) = shed_and_council(&app, partnership).await;
    let wave = open_wave(&app, &convenor, partnership.get(), "Spring listening").await;
    let form = format!("/convenor/trust-waves/{wave}/answer?partner={shed}");

    let welsh = shed_rep.get(&app, &format!("{form}&lang=cy")).await;
    assert_eq!(welsh.status, StatusCode::OK, "{welsh:?}");
    assert!(welsh.text.contains("<html lang=\"cy\""), "{}", welsh.text);
    assert!(welsh.text.contains("Spring listening: atebion ar ran Men"));
    assert!(welsh.text.contains("Integreiddio: rydym yn rhannu nodau"));
    assert!(welsh.text.contains("Awdurdod lleol"));
    assert!(welsh.text.contains("Cadw a gorffen yn nes ymlaen"));
    // The switcher offers the form's two languages and keeps the partner in each link.
    assert!(
        welsh
            .text
            .contains(&format!("href=\"?partner={shed}&amp;lang=en\""))
    );
    assert!(!welsh.text.contains("lang=pl"), "{}", welsh.text);

    // The choice is remembered: the next visit, and a refused submission, stay in Welsh.
    let again = shed_rep.get(&app, &form).await;
    assert!(again.text.contains("<html lang=\"cy\""));
    let refused = shed_rep
        .post(&app, &format!("{form}&lang=cy"), &[("action", "submit")])
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused:?}"
    );
    assert!(
        refused
            .text
            .contains("Dewiswch pa mor agos rydych yn gweithio gyda Northvale Council"),
        "{}",
        refused.text
    );
    let saved = shed_rep
        .post(
            &app,
            &format!("{form}&lang=cy"),
            &borrowed(&{
                let mut fields = full_answer(council, "cooperation", "3");
                fields.push(("action".to_owned(), "save".to_owned()));
                fields
            }),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{saved:?}");
    let location = saved.location.unwrap();
    assert!(location.ends_with("&notice=saved"), "{location}");
    let after = shed_rep.get(&app, &location).await;
    assert!(after.text.contains("gadw. Dewch yn ôl"), "{}", after.text);

    // Polish has no representative pages yet: the form is in English, offering Cymraeg.
    let polish = shed_rep.get(&app, &format!("{form}&lang=pl")).await;
    assert_eq!(polish.status, StatusCode::OK);
    assert!(polish.text.contains("<html lang=\"en\""));
    assert!(polish.text.contains("Spring listening: answers for Men"));
    assert!(polish.text.contains(">Cymraeg</a>"));
}

#[tokio::test]
async fn the_waves_and_a_wave_are_read_in_welsh_and_english_is_unchanged() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let (shed, shed_rep, council) = shed_and_council(&app, partnership).await;
    let read = |page: &crate::fixtures::Page| page.text.replace("&#x27;", "'");
    let trust_page = format!("/convenor/partnerships/{pid}/trust");

    // Chosen with ?lang=cy, the waves page is in Welsh, the rater-naming choice too, with the
    // switcher offering English.
    let welsh = read(&convenor.get(&app, &format!("{trust_page}?lang=cy")).await);
    assert!(welsh.contains("<html lang=\"cy\""), "{welsh}");
    assert!(
        welsh.contains("<h1>Ymddiriedaeth rhwng partneriaid</h1>"),
        "{welsh}"
    );
    assert!(
        welsh.contains("Dim ton arolwg eto. Agorwch yr un gyntaf isod."),
        "{welsh}"
    );
    assert!(welsh.contains("<legend>Enwi graddwyr</legend>"), "{welsh}");
    assert!(welsh.contains("href=\"?lang=en\""), "{welsh}");
    assert!(!welsh.contains("lang=pl"), "{welsh}");

    // The choice is remembered: a refused wave is explained in Welsh, and the switcher leads
    // back to the waves page.
    let refused = convenor
        .post(
            &app,
            &trust_page,
            &[
                ("title", "Spring listening"),
                ("closes_at", "next Tuesday"),
                ("rater_naming", "protected"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = read(&refused);
    assert!(
        text.contains("Nid yw'r dyddiad cau yn ddyddiad ac amser fel 2027-03-12T17:00"),
        "{text}"
    );
    assert!(
        text.contains(&format!("href=\"{trust_page}?lang=en\"")),
        "{text}"
    );

    // A wave's page, and the representative's link to answer, in Welsh.
    let wave = open_wave(&app, &convenor, pid, "Spring listening").await;
    let wave_page = format!("/convenor/trust-waves/{wave}");
    let text = read(
        &convenor
            .get(&app, &format!("{wave_page}?notice=opened"))
            .await,
    );
    assert!(
        text.contains("Mae'r don ar agor: gall cynrychiolwyr pob partner ateb nawr."),
        "{text}"
    );
    assert!(
        text.contains("Ar agor tan 30 Mehefin 2099, 17:00 UTC"),
        "{text}"
    );
    assert!(text.contains(">Graddwyr wedi'u diogelu</span>"), "{text}");
    assert!(text.contains("<h2 id=\"response-heading\">Pwy sydd wedi ateb</h2>"));
    assert!(text.contains(">Cau'r don nawr</button>"), "{text}");
    let listed = read(&shed_rep.get(&app, &format!("{trust_page}?lang=cy")).await);
    assert!(listed.contains("Ateb ar ran Men's shed"), "{listed}");
    assert!(listed.contains("(heb ddechrau)"), "{listed}");

    // Once the shed answers, the wave's results are worded in Welsh too: the response, the
    // drawing's title, its legends, the figures and the asymmetry.
    let mut answer = full_answer(council, "cooperation", "3");
    answer.push(("action".to_owned(), "submit".to_owned()));
    let submitted = shed_rep
        .post(
            &app,
            &format!("/convenor/trust-waves/{wave}/answer?partner={shed}"),
            &borrowed(&answer),
        )
        .await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER, "{submitted:?}");
    let text = read(&convenor.get(&app, &format!("{wave_page}?lang=cy")).await);
    assert!(
        text.contains("Mae 1 o 2 partner wedi cyflwyno eu hatebion (50%)."),
        "{text}"
    );
    assert!(
        text.contains("<title id=\"network-title\">Rhwydwaith Spring listening</title>"),
        "{text}"
    );
    assert!(text.contains("Grŵp cymunedol</li>"), "{text}");
    assert!(text.contains("Ymddiriedaeth 1: isel</li>"), "{text}");
    assert!(text.contains("\">Cydweithredu</td>"), "{text}");
    assert!(text.contains("<dt>Gwerth cymedrig</dt>"), "{text}");
    assert!(
        text.contains(
            "Mae'r partneriaid cymunedol a gwirfoddol yn rhoi ymddiriedaeth gymedrig o 3.00 i'r partneriaid statudol, gan 1 graddiwr."
        ),
        "{text}"
    );
    assert!(!text.contains("submitted their answers"), "{text}");

    // In English the pages read as they always have.
    let english = read(&convenor.get(&app, &format!("{wave_page}?lang=en")).await);
    assert!(english.contains("<html lang=\"en\""), "{english}");
    assert!(
        english.contains("Open until 30 June 2099, 17:00 UTC"),
        "{english}"
    );
    assert!(english.contains(">Raters protected</span>"), "{english}");
    assert!(english.contains("Who has answered"), "{english}");
    assert!(
        english.contains(">Close the wave now</button>"),
        "{english}"
    );
    assert!(english.contains(">Cymraeg</a>"), "{english}");
    assert!(
        english.contains("1 of 2 partners submitted their answers (50%)."),
        "{english}"
    );
    assert!(
        english.contains("<title id=\"network-title\">The network of Spring listening</title>"),
        "{english}"
    );
    assert!(english.contains("Community group</li>"), "{english}");
    assert!(english.contains("Trust 1: low</li>"), "{english}");
    assert!(english.contains("\">Cooperation</td>"), "{english}");
    assert!(english.contains("<dt>Mean value</dt>"), "{english}");
    assert!(
        english.contains(
            "Community and voluntary partners give statutory partners a mean trust of 3.00, from 1 rater."
        ),
        "{english}"
    );
    let english = read(&convenor.get(&app, &trust_page).await);
    assert!(
        english.contains("<h1>Trust between partners</h1>"),
        "{english}"
    );
    assert!(
        english.contains("<legend>Rater naming</legend>"),
        "{english}"
    );
    let listed = read(&shed_rep.get(&app, &format!("{trust_page}?lang=en")).await);
    assert!(listed.contains("Answer for Men's shed"), "{listed}");
    assert!(listed.contains("(submitted)"), "{listed}");
}

#[tokio::test]
async fn the_services_refusals_are_said_in_welsh_on_the_pages_and_in_english_by_the_api() {
    let app = spawn_app().await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let pid = partnership.get();
    let convenor = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let api = ApiBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let read = |page: &crate::fixtures::Page| page.text.replace("&#x27;", "'");
    let wave = open_wave(&app, &convenor, pid, "Spring listening").await;
    let wave_page = format!("/convenor/trust-waves/{wave}");
    let closed = convenor
        .post(&app, &format!("{wave_page}/close"), &[])
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER, "{closed:?}");

    // Chosen with ?lang=cy, a closed wave's settings form is refused in Welsh, not in the
    // API's English.
    let welsh = convenor.get(&app, &format!("{wave_page}?lang=cy")).await;
    assert_eq!(welsh.status, StatusCode::OK);
    let refused = convenor
        .post(
            &app,
            &format!("{wave_page}/settings"),
            &[("title", "Autumn listening")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");
    let text = read(&refused);
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(
        text.contains("Mae ton yr arolwg ymddiriedaeth ar gau."),
        "{text}"
    );
    assert!(!text.contains("wave is closed"), "{text}");
    // The JSON API refuses the same change in the English it always sent.
    let changed = api
        .patch(
            &format!("/api/trust-waves/{wave}"),
            serde_json::json!({ "title": "Autumn listening" }),
        )
        .await;
    assert_eq!(changed.status, StatusCode::CONFLICT);
    assert_eq!(
        changed.body["error"]["message"],
        "the trust survey wave is closed"
    );

    // A partnership with more waves than its results may cover: the waves page says so in
    // Welsh, the API in English.
    let now = app.state.now_ms();
    for number in 0..100 {
        app.state
            .store()
            .open_trust_wave(store::NewTrustWave {
                partnership,
                title: model::WaveTitle::parse(&format!("Wave {number}")).unwrap(),
                opened_at: now,
                closes_at: now + 86_400_000,
                rater_naming: model::RaterNaming::Protected,
                created_by: None,
            })
            .await
            .unwrap();
    }
    let waves = convenor
        .get(&app, &format!("/convenor/partnerships/{pid}/trust"))
        .await;
    assert_eq!(waves.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = read(&waves);
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(
        text.contains("Mae canlyniadau partneriaeth yn cwmpasu 100 ton ar y mwyaf."),
        "{text}"
    );
    assert!(!text.contains("results cover at most"), "{text}");
    let results = api.get(&format!("/api/partnerships/{pid}/trust")).await;
    assert_eq!(results.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        results.body["error"]["message"],
        "a partnership's results cover at most 100 waves"
    );
}
