//! The live event pages: the presenter view shows the link, the participation by constituency
//! and the newest common ground; the facilitator's controls pause new statements (participants
//! who try to write are told so, and nothing is stored) and close the dialogue only after a
//! confirmation; every refusal changes nothing.

use reqwest::StatusCode;
use serde_json::Value;
use server::Config;

use crate::support::{TestApp, seed_convenor, spawn_app, spawn_app_on};

/// A page as a browser gets it after following redirects: status, final path and text.
struct Page {
    status: StatusCode,
    path: String,
    text: String,
}

async fn page(response: reqwest::Response) -> Page {
    Page {
        status: response.status(),
        path: {
            let url = response.url();
            match url.query() {
                Some(query) => format!("{}?{query}", url.path()),
                None => url.path().to_owned(),
            }
        },
        text: response.text().await.unwrap(),
    }
}

impl TestApp {
    async fn page(&self, path: &str) -> Page {
        page(self.convenor.get(self.url(path)).send().await.unwrap()).await
    }

    /// Posts a convenor form with the session's token, as the page's form does.
    async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        // Every page of a signed-in convenor carries the session's form token.
        let convenor_page = self.page("/convenor").await;
        let csrf = form_token(&convenor_page.text);
        let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        form.extend_from_slice(fields);
        page(
            self.convenor
                .post(self.url(path))
                .form(&form)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    async fn statement_ids(&self, dialogue: i64) -> Vec<i64> {
        self.list_statements(dialogue, "").await.body["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|statement| statement["id"].as_i64().unwrap())
            .collect()
    }

    async fn is_open(&self, dialogue: i64) -> bool {
        self.state
            .store()
            .get_dialogue(model::DialogueId(dialogue))
            .await
            .unwrap()
            .is_open
    }

    async fn takes_statements(&self, dialogue: i64) -> bool {
        self.state
            .store()
            .get_dialogue(model::DialogueId(dialogue))
            .await
            .unwrap()
            .settings
            .allow_participant_statements
    }
}

/// Returns the value of the first `csrf` field of a page.
fn form_token(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("the page has a form token") + marker.len();
    let end = start + html[start..].find('"').unwrap();
    html[start..end].to_owned()
}

/// Returns text as the templates write it into a page (they escape `/` too).
fn as_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('/', "&#x2f;")
}

/// A dialogue where 14 people (8 residents, 6 GPs) agree with every seed statement.
async fn dialogue_in_progress(app: &TestApp) -> i64 {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let statements = app.statement_ids(dialogue).await;
    for index in 0..14 {
        let constituency = if index < 8 { "resident" } else { "GP" };
        let participant = app.join(dialogue, &[constituency]).await;
        for statement in &statements {
            let answer = app.vote(dialogue, &participant, *statement, "agree").await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
        }
    }
    app.recompute_now(dialogue).await;
    dialogue
}

#[tokio::test]
async fn the_presenter_view_shows_the_link_the_participation_and_the_newest_common_ground() {
    let app = spawn_app().await;
    let dialogue = dialogue_in_progress(&app).await;
    let _unaffiliated = app.join(dialogue, &[]).await;
    let view = app
        .page(&format!("/convenor/dialogues/{dialogue}/present"))
        .await;
    assert_eq!(view.status, StatusCode::OK);
    let html = &view.text;
    assert!(html.contains("What would make the parks better for health?"));
    assert!(html.contains(&format!("/convenor/dialogues/{dialogue}/qr.svg")));
    assert!(html.contains(&as_html(&app.url(&format!("/d/{dialogue}")))));
    let events = as_html(&format!("/d/{dialogue}/report/events"));
    assert!(html.contains(&format!("data-events=\"{events}\"")));
    assert!(html.contains("id=\"figure-participants\">15<"), "{html}");
    assert!(html.contains("id=\"figure-votes\">42<"), "{html}");
    // 8 of 15 residents against an expected 70%: flagged; GPs have no expected share.
    assert!(html.contains("8 people, 53% · expected 70% <span class=\"flag\">"));
    assert!(html.contains("6 people, 40%</span>"));
    assert!(html.contains("1 person chose no constituency."));
    // The common ground shown is the stored analysis's.
    let analysis: Value = app.analysis(dialogue).await.body;
    let n_common_ground = analysis["common_ground"]["n_common_ground"]
        .as_u64()
        .unwrap();
    assert!(n_common_ground > 0, "everyone agrees: {analysis}");
    assert!(html.contains(&format!("id=\"figure-common-ground\">{n_common_ground}<")));
    assert!(html.contains("<ol class=\"event-ground-list\"><li lang=\"en\" dir=\"ltr\">"));
    // The server listens on 127.0.0.1 with no public address: the view says how to set one.
    assert!(html.contains("People in the room cannot open this link."));
    assert!(html.contains("--public-url"));
    // The presenter view has no controls; the facilitator view has them.
    assert!(!html.contains("/facilitate/statements"));
    let facilitate = app
        .page(&format!("/convenor/dialogues/{dialogue}/facilitate"))
        .await;
    assert_eq!(facilitate.status, StatusCode::OK);
    assert!(facilitate.text.contains("Pause new statements"));
    assert!(facilitate.text.contains("Close the dialogue…"));
    // The dashboard links to the presenter view and the poster, with the same warning.
    let dashboard = app.page(&format!("/convenor/dialogues/{dialogue}")).await;
    assert!(
        dashboard
            .text
            .contains(&format!("/convenor/dialogues/{dialogue}/present"))
    );
    assert!(
        dashboard
            .text
            .contains(&format!("/convenor/dialogues/{dialogue}/poster"))
    );
    assert!(
        dashboard
            .text
            .contains("People in the room cannot open this link.")
    );
    let poster = app
        .page(&format!("/convenor/dialogues/{dialogue}/poster"))
        .await;
    assert_eq!(poster.status, StatusCode::OK);
    assert!(
        poster
            .text
            .contains("What would make the parks better for health?")
    );
    assert!(poster.text.contains("Point your phone"));
}

#[tokio::test]
async fn a_public_address_gives_a_reachable_link_and_no_warning() {
    let data_dir = tempfile::tempdir().unwrap();
    let app = spawn_app_on(Config {
        database: format!("sqlite:{}", data_dir.path().join("test.db").display()),
        analysis_enabled: false,
        public_url: Some("https://talk.example.org/".to_owned()),
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    for path in [
        format!("/convenor/dialogues/{dialogue}/present"),
        format!("/convenor/dialogues/{dialogue}/poster"),
        format!("/convenor/dialogues/{dialogue}"),
    ] {
        let view = app.page(&path).await;
        assert_eq!(view.status, StatusCode::OK, "{path}");
        let link = format!("https://talk.example.org/d/{dialogue}");
        assert!(view.text.contains(&as_html(&link)), "{path}");
        assert!(
            !view
                .text
                .contains("People in the room cannot open this link."),
            "{path}"
        );
    }
    let view = app
        .page(&format!("/convenor/dialogues/{dialogue}/present"))
        .await;
    assert!(
        view.text
            .contains("Common ground appears here once people have voted")
    );
}

#[tokio::test]
async fn pausing_stops_new_statements_with_a_clear_answer_and_resuming_lets_them_in() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let participant = app.join(dialogue, &["resident"]).await;
    let before = app.statement_ids(dialogue).await.len();

    let paused = app
        .post_form(
            &format!("/convenor/dialogues/{dialogue}/facilitate/statements"),
            &[("statements", "pause")],
        )
        .await;
    assert_eq!(paused.status, StatusCode::OK);
    assert_eq!(
        paused.path,
        format!("/convenor/dialogues/{dialogue}/facilitate?notice=paused")
    );
    assert!(paused.text.contains("New statements are paused."));
    assert!(paused.text.contains("Resume new statements"));
    assert!(!app.takes_statements(dialogue).await);

    // Through the API: refused with its code, nothing stored.
    let refused = app
        .submit_statement(dialogue, &participant, "Shade over the play area")
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
    assert_eq!(refused.code(), "statements_disabled");
    assert_eq!(app.statement_ids(dialogue).await.len(), before);
    // Through the page: the participant reads why.
    let written = app
        .anonymous
        .get(app.url(&format!("/d/{dialogue}/write")))
        .header(
            "cookie",
            format!("cg_participant_{dialogue}={}", participant.token),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(written.status(), StatusCode::FORBIDDEN);
    assert!(
        written
            .text()
            .await
            .unwrap()
            .contains("The convenors are not taking new statements in this dialogue just now.")
    );
    // Voting goes on.
    let statements = app.statement_ids(dialogue).await;
    let vote = app
        .vote(dialogue, &participant, statements[0], "agree")
        .await;
    assert_eq!(vote.status, StatusCode::OK, "{vote:?}");

    let resumed = app
        .post_form(
            &format!("/convenor/dialogues/{dialogue}/facilitate/statements"),
            &[("statements", "resume")],
        )
        .await;
    assert_eq!(
        resumed.path,
        format!("/convenor/dialogues/{dialogue}/facilitate?notice=resumed")
    );
    assert!(app.takes_statements(dialogue).await);
    let accepted = app
        .submit_statement(dialogue, &participant, "Shade over the play area")
        .await;
    assert_eq!(accepted.status, StatusCode::CREATED, "{accepted:?}");
}

#[tokio::test]
async fn a_control_the_form_does_not_name_changes_nothing() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let path = format!("/convenor/dialogues/{dialogue}/facilitate/statements");
    for value in ["", "stop", "PAUSE"] {
        let answer = app.post_form(&path, &[("statements", value)]).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{value}");
        assert!(
            answer
                .text
                .contains("Choose whether to pause or resume new statements")
        );
        assert!(app.takes_statements(dialogue).await);
    }
    // A form without the session's token is refused.
    let forged = app
        .convenor
        .post(app.url(&path))
        .form(&[("csrf", "forged"), ("statements", "pause")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(app.takes_statements(dialogue).await);
}

#[tokio::test]
async fn closing_asks_for_a_confirmation_first() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let participant = app.join(dialogue, &["GP"]).await;
    let close = format!("/convenor/dialogues/{dialogue}/facilitate/close");

    let asked = app.page(&close).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.text.contains("Close the dialogue?"));
    assert!(asked.text.contains("Yes, close the dialogue"));
    assert!(app.is_open(dialogue).await);

    // Without the confirmation: asked again, still open.
    let unconfirmed = app.post_form(&close, &[]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.text.contains("The dialogue is still open."));
    let wrong = app.post_form(&close, &[("confirm", "no")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.is_open(dialogue).await);

    let closed = app.post_form(&close, &[("confirm", "yes")]).await;
    assert_eq!(closed.status, StatusCode::OK);
    assert_eq!(
        closed.path,
        format!("/convenor/dialogues/{dialogue}/facilitate?notice=closed")
    );
    assert!(closed.text.contains("The dialogue is closed"));
    assert!(!closed.text.contains("Pause new statements"));
    assert!(!app.is_open(dialogue).await);
    let statements = app.statement_ids(dialogue).await;
    let vote = app
        .vote(dialogue, &participant, statements[0], "agree")
        .await;
    assert_eq!(vote.status, StatusCode::CONFLICT, "{vote:?}");
    assert_eq!(vote.code(), "dialogue_closed");
    // Asking again on a closed dialogue says so.
    let again = app.page(&close).await;
    assert!(again.text.contains("This dialogue is already closed."));
}

/// Returns text as the templates write it into a page: they escape `'` and `/` as well.
fn escaped(text: &str) -> String {
    as_html(text).replace('\'', "&#x27;")
}

#[tokio::test]
async fn the_poster_and_the_views_are_in_welsh_when_asked_and_english_is_unchanged() {
    let app = spawn_app().await;
    let dialogue = dialogue_in_progress(&app).await;
    let poster = app
        .page(&format!("/convenor/dialogues/{dialogue}/poster?lang=cy"))
        .await;
    assert_eq!(poster.status, StatusCode::OK);
    let html = &poster.text;
    assert!(html.contains("<html lang=\"cy\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<p class=\"poster-eyebrow\">Dweud eich dweud</p>"));
    assert!(html.contains("Pwyntiwch gamera eich ffôn at y cod, neu teipiwch y cyfeiriad uchod."));
    assert!(html.contains("Ychwanegwch ddatganiad eich hun os oes rhywbeth ar goll."));
    assert!(html.contains("<strong>Ni all pobl yn yr ystafell agor y ddolen hon.</strong>"));
    assert!(html.contains("alt=\"Cod QR sy&#x27;n agor y ddolen i gyfranogwyr"));
    assert!(!html.contains("Have your say"));
    // What the convenors wrote stays as written; the switcher offers every language.
    assert!(html.contains("What would make the parks better for health?"));
    for code in ["en", "cy", "pl", "ur", "ro"] {
        assert!(html.contains(&format!("hreflang=\"{code}\"")), "{code}");
    }

    // The choice is remembered: the presenter view follows it, figures and plurals included.
    let present = app
        .page(&format!("/convenor/dialogues/{dialogue}/present"))
        .await;
    let html = &present.text;
    assert!(html.contains("<html lang=\"cy\" dir=\"ltr\">"));
    assert!(html.contains("Cymerwch ran ar eich ffôn"));
    assert!(html.contains("<dt>Cyfranogwyr</dt>"));
    assert!(html.contains("8 o bobl, 57% · disgwyliwyd 70% <span class=\"flag\">⚠ llai na"));
    assert!(html.contains(&escaped("Mae 14 o'r cyfranogwyr wedi pleidleisio.")));
    assert!(html.contains(&escaped("Golwg yr hwylusydd gyda'r rheolyddion")));
    assert!(!html.contains("Take part on your phone"));

    // The controls, their notices and their refusals speak Welsh too.
    let paused = app
        .post_form(
            &format!("/convenor/dialogues/{dialogue}/facilitate/statements"),
            &[("statements", "pause")],
        )
        .await;
    assert_eq!(paused.status, StatusCode::OK);
    assert!(paused.text.contains(&escaped(
        "Mae datganiadau newydd wedi'u hoedi. Gall cyfranogwyr bleidleisio o hyd;"
    )));
    assert!(paused.text.contains("Ailddechrau datganiadau newydd"));
    let refused = app
        .post_form(
            &format!("/convenor/dialogues/{dialogue}/facilitate/statements"),
            &[("statements", "stop")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text
            .contains("Dewiswch a ydych am oedi neu ailddechrau datganiadau newydd")
    );
    let close = format!("/convenor/dialogues/{dialogue}/facilitate/close");
    let unconfirmed = app.post_form(&close, &[]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.text.contains(&escaped("Cau'r drafodaeth?")));
    assert!(
        unconfirmed
            .text
            .contains("Mae&#x27;r drafodaeth ar agor o hyd.")
    );
    assert!(app.is_open(dialogue).await);

    // Choosing English again gives the pages exactly as before.
    let english = app
        .page(&format!("/convenor/dialogues/{dialogue}/poster?lang=en"))
        .await;
    assert!(english.text.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        english
            .text
            .contains("<p class=\"poster-eyebrow\">Have your say</p>")
    );
    assert!(
        english
            .text
            .contains("<strong>People in the room cannot open this link.</strong>")
    );
    let present = app
        .page(&format!("/convenor/dialogues/{dialogue}/present"))
        .await;
    assert!(
        present
            .text
            .contains("8 people, 57% · expected 70% <span class=\"flag\">⚠ fewer than expected")
    );
    assert!(present.text.contains("Take part on your phone"));
}

#[tokio::test]
async fn the_poster_and_the_presenter_view_run_right_to_left_in_urdu() {
    let app = spawn_app().await;
    let dialogue = dialogue_in_progress(&app).await;
    let _unaffiliated = app.join(dialogue, &[]).await;
    let poster = app
        .page(&format!("/convenor/dialogues/{dialogue}/poster?lang=ur"))
        .await;
    assert_eq!(poster.status, StatusCode::OK);
    let html = &poster.text;
    assert!(html.contains("<html lang=\"ur\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("<p class=\"poster-eyebrow\">اپنی رائے دیں</p>"));
    assert!(html.contains("اس میں چند منٹ لگتے ہیں۔"));
    assert!(!html.contains("Have your say"));
    let present = app
        .page(&format!("/convenor/dialogues/{dialogue}/present"))
        .await;
    let html = &present.text;
    assert!(html.contains("<html lang=\"ur\" dir=\"rtl\">"));
    assert!(html.contains("اپنے فون پر حصہ لیں"));
    assert!(html.contains("<dt>مشترکہ بنیاد</dt>"));
    // Numbers are isolated, so they keep their place in right-to-left text.
    assert!(
        html.contains("\u{2068}1\u{2069} فرد نے کوئی حلقہ نہیں چنا۔"),
        "{html}"
    );
    assert!(html.contains("\u{2068}8\u{2069} افراد"));
    assert!(!html.contains("Newest common ground"));
}

#[tokio::test]
async fn the_presenter_shows_the_common_ground_in_the_rooms_language_when_it_is_translated() {
    let app = spawn_app().await;
    let dialogue = dialogue_in_progress(&app).await;
    let statements = app.statement_ids(dialogue).await;
    // Every statement is common ground; each gets a Welsh translation.
    for (index, statement) in statements.iter().enumerate() {
        let translated = app
            .convenor
            .put(app.url(&format!(
                "/api/dialogues/{dialogue}/statements/{statement}/versions/cy/translation"
            )))
            .json(&serde_json::json!({ "text": format!("Datganiad cytûn rhif {index}") }))
            .send()
            .await
            .unwrap();
        assert_eq!(translated.status(), StatusCode::OK);
    }
    let welsh = app
        .page(&format!("/convenor/dialogues/{dialogue}/present?lang=cy"))
        .await;
    assert_eq!(welsh.status, StatusCode::OK);
    let html = &welsh.text;
    assert!(
        html.contains(
            "<ol class=\"event-ground-list\"><li lang=\"cy\" dir=\"ltr\">Datganiad cytûn rhif"
        ),
        "{html}"
    );
    // In English the room sees the statements as written, marked as English.
    let english = app
        .page(&format!("/convenor/dialogues/{dialogue}/present?lang=en"))
        .await;
    let html = &english.text;
    assert!(!html.contains("Datganiad cytûn"), "{html}");
    assert!(html.contains("<ol class=\"event-ground-list\"><li lang=\"en\" dir=\"ltr\">"));
}
