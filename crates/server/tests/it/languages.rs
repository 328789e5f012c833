//! Interface languages (issue 18): the participant's pages in the language the browser asks
//! for, or the one chosen with the switcher and remembered; Urdu right to left; English when
//! nothing the interface speaks is asked for.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};

use model::Sector;
use serde_json::json;

use crate::fixtures::{ApiBrowser, PageBrowser};
use crate::support::{CONVENOR_EMAIL, CONVENOR_PASSWORD, Participant, TestApp, spawn_app};

/// A browser that keeps no cookies and does not follow redirects, so each test says exactly
/// what it sends.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Undoes the template's escaping of apostrophes and slashes, as a browser does.
fn decoded(page: &str) -> String {
    page.replace("&#x27;", "'").replace("&#x2f;", "/")
}

async fn dialogue_with_participant() -> (TestApp, i64, Participant) {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let participant = app.join(dialogue, &[]).await;
    (app, dialogue, participant)
}

struct Page {
    status: StatusCode,
    set_cookies: Vec<String>,
    html: String,
}

async fn get_page(app: &TestApp, path: &str, headers: &[(&str, String)]) -> Page {
    let mut request = browser().get(app.url(path)).header(ACCEPT, "text/html");
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let set_cookies = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|value| value.to_str().unwrap().to_owned())
        .collect();
    Page {
        status,
        set_cookies,
        html: decoded(&response.text().await.unwrap()),
    }
}

fn participant_cookie(dialogue: i64, participant: &Participant) -> String {
    format!("cg_participant_{dialogue}={}", participant.token)
}

#[tokio::test]
async fn the_vote_page_speaks_welsh_to_a_browser_that_asks_for_it() {
    let (app, dialogue, participant) = dialogue_with_participant().await;
    let page = get_page(
        &app,
        &format!("/d/{dialogue}"),
        &[
            (COOKIE.as_str(), participant_cookie(dialogue, &participant)),
            (
                ACCEPT_LANGUAGE.as_str(),
                "cy-GB,cy;q=0.9,en;q=0.8".to_owned(),
            ),
        ],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.html.contains(r#"<html lang="cy" dir="ltr">"#),
        "{}",
        page.html
    );
    assert!(page.html.contains("Ydych chi'n cytuno â'r datganiad hwn?"));
    assert!(page.html.contains(">Cytuno</button>"));
    assert!(page.html.contains(">Anghytuno</button>"));
    assert!(page.html.contains("Neidio i'r cynnwys"));
    assert!(!page.html.contains("Do you agree with this statement?"));
    // The switcher offers every language, named in itself, and marks Welsh.
    for (code, name) in [
        ("en", "English"),
        ("cy", "Cymraeg"),
        ("pl", "Polski"),
        ("ur", "اردو"),
        ("ro", "Română"),
    ] {
        assert!(
            page.html.contains(&format!(
                r#"href="?lang={code}" lang="{code}" hreflang="{code}""#
            )),
            "{code}"
        );
        assert!(page.html.contains(&format!(">{name}</a>")), "{name}");
    }
    assert!(
        page.html
            .contains(r#"hreflang="cy" dir="ltr" aria-current="true">Cymraeg"#)
    );
    // Browsers are not told to remember what they only asked for.
    assert!(
        page.set_cookies
            .iter()
            .all(|cookie| !cookie.starts_with("cg_lang="))
    );
}

#[tokio::test]
async fn the_vote_page_runs_right_to_left_in_urdu() {
    let (app, dialogue, participant) = dialogue_with_participant().await;
    let page = get_page(
        &app,
        &format!("/d/{dialogue}"),
        &[
            (COOKIE.as_str(), participant_cookie(dialogue, &participant)),
            (ACCEPT_LANGUAGE.as_str(), "ur-PK".to_owned()),
        ],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.html.contains(r#"<html lang="ur" dir="rtl">"#),
        "{}",
        page.html
    );
    assert!(page.html.contains("کیا آپ اس بیان سے متفق ہیں؟"));
    assert!(page.html.contains(">متفق</button>"));
    // The names of the other languages keep their own direction.
    assert!(page.html.contains(r#"hreflang="en" dir="ltr">English"#));
}

#[tokio::test]
async fn english_is_the_default_and_the_language_of_unknown_preferences() {
    let (app, dialogue, participant) = dialogue_with_participant().await;
    for preference in [None, Some("zh-CN,de;q=0.8"), Some("*")] {
        let mut headers = vec![(COOKIE.as_str(), participant_cookie(dialogue, &participant))];
        if let Some(preference) = preference {
            headers.push((ACCEPT_LANGUAGE.as_str(), preference.to_owned()));
        }
        let page = get_page(&app, &format!("/d/{dialogue}"), &headers).await;
        assert!(
            page.html.contains(r#"<html lang="en" dir="ltr">"#),
            "{preference:?}"
        );
        assert!(page.html.contains("Do you agree with this statement?"));
    }
}

#[tokio::test]
async fn a_choice_made_with_the_switcher_is_remembered_over_the_browsers_preference() {
    let (app, dialogue, participant) = dialogue_with_participant().await;
    let welsh_browser = (ACCEPT_LANGUAGE.as_str(), "cy".to_owned());
    let chosen = get_page(
        &app,
        &format!("/d/{dialogue}?lang=pl"),
        &[
            (COOKIE.as_str(), participant_cookie(dialogue, &participant)),
            welsh_browser.clone(),
        ],
    )
    .await;
    assert!(chosen.html.contains(r#"<html lang="pl" dir="ltr">"#));
    assert!(
        chosen
            .html
            .contains("Czy zgadzasz się z tym stwierdzeniem?")
    );
    let remembered = chosen
        .set_cookies
        .iter()
        .find(|cookie| cookie.starts_with("cg_lang="))
        .expect("the choice is remembered");
    assert!(
        remembered.starts_with("cg_lang=pl; Path=/;"),
        "{remembered}"
    );

    // The next page, with the cookie and no query, stays in Polish for a Welsh browser.
    let cookies = format!("{}; cg_lang=pl", participant_cookie(dialogue, &participant));
    let later = get_page(
        &app,
        &format!("/d/{dialogue}/me"),
        &[(COOKIE.as_str(), cookies), welsh_browser],
    )
    .await;
    assert_eq!(later.status, StatusCode::OK);
    assert!(later.html.contains(r#"<html lang="pl" dir="ltr">"#));
    assert!(later.html.contains("Twoje dane"));

    // A choice of a language the interface does not speak changes nothing and is not kept.
    let unknown = get_page(
        &app,
        &format!("/d/{dialogue}?lang=xx"),
        &[(COOKIE.as_str(), participant_cookie(dialogue, &participant))],
    )
    .await;
    assert!(unknown.html.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(
        unknown
            .set_cookies
            .iter()
            .all(|cookie| !cookie.starts_with("cg_lang="))
    );
}

#[tokio::test]
async fn a_newcomer_reads_the_join_page_in_romanian_and_plural_forms_follow_the_language() {
    let (app, dialogue, participant) = dialogue_with_participant().await;
    let join = get_page(
        &app,
        &format!("/d/{dialogue}"),
        &[(ACCEPT_LANGUAGE.as_str(), "ro-RO".to_owned())],
    )
    .await;
    assert!(join.html.contains(r#"<html lang="ro" dir="ltr">"#));
    assert!(join.html.contains("Cum funcționează"));
    assert!(join.html.contains("<strong>De acord</strong>"));

    // The vote page counts statements with Welsh words and Polish plural forms.
    let cookie = participant_cookie(dialogue, &participant);
    let welsh = get_page(
        &app,
        &format!("/d/{dialogue}?lang=cy"),
        &[(COOKIE.as_str(), cookie.clone())],
    )
    .await;
    assert!(
        welsh.html.contains("0 o 3 datganiad wedi'u pleidleisio"),
        "{}",
        welsh.html
    );
    let polish = get_page(
        &app,
        &format!("/d/{dialogue}?lang=pl"),
        &[(COOKIE.as_str(), cookie)],
    )
    .await;
    assert!(
        polish.html.contains("Oceniono 0 z 3 stwierdzeń"),
        "{}",
        polish.html
    );
}

#[tokio::test]
async fn an_error_page_on_a_participants_page_is_in_their_language() {
    let app = spawn_app().await;
    let page = get_page(
        &app,
        "/d/987654/me",
        &[(ACCEPT_LANGUAGE.as_str(), "cy".to_owned())],
    )
    .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(
        page.html.contains(r#"<html lang="cy" dir="ltr">"#),
        "{}",
        page.html
    );
    assert!(page.html.contains("Heb ei ganfod"));
    assert!(page.html.contains("Does dim trafodaeth o'r fath."));
    assert!(!page.html.contains("No such dialogue"));
    assert!(page.html.contains("Mynd i'r dudalen gychwyn"));
    assert!(page.html.contains(">Yn ôl i'r drafodaeth</a>"));

    // The refusal itself is said in each participant language; the API keeps its English.
    for (code, words) in [
        ("pl", "Nie ma takiego dialogu."),
        ("ur", "ایسا کوئی مکالمہ نہیں ہے۔"),
        ("ro", "Nu există un asemenea dialog."),
    ] {
        let page = get_page(&app, &format!("/d/987654/me?lang={code}"), &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(page.html.contains(words), "{code}: {}", page.html);
    }
    let api = app.get("/api/dialogues/987654").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.body["error"]["message"], "no such dialogue");
}

#[tokio::test]
async fn a_convenors_page_speaks_the_representatives_languages_and_falls_back_to_english() {
    let app = spawn_app().await;
    let convenor = PageBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let partnership = app.state.store().list_partnerships().await.unwrap()[0].id;
    let path = format!("/convenor/partnerships/{partnership}/dialogues");
    // Starting a dialogue is for convenors alone: its page speaks Welsh, with a switcher that
    // offers the representatives' languages and no other.
    let welsh = convenor.get_preferring(&app, &path, "cy").await;
    assert_eq!(welsh.status, StatusCode::OK, "{}", welsh.text);
    assert!(
        welsh.text.contains(r#"<html lang="cy" dir="ltr">"#),
        "{}",
        welsh.text
    );
    assert!(welsh.text.contains("?lang=en"), "{}", welsh.text);
    assert!(!welsh.text.contains("?lang=ur"), "{}", welsh.text);
    // A language those pages lack (Urdu) gives English, left to right.
    let urdu = convenor.get_preferring(&app, &path, "ur").await;
    assert!(
        urdu.text.contains(r#"<html lang="en" dir="ltr">"#),
        "{}",
        urdu.text
    );
}

#[tokio::test]
async fn a_participant_judges_the_partnerships_map_in_their_language() {
    let (app, dialogue, participant) = dialogue_with_participant().await;
    let convenor = ApiBrowser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let partnership = app
        .state
        .store()
        .get_dialogue(model::DialogueId(dialogue))
        .await
        .unwrap()
        .partnership;
    let (council, _) = crate::fixtures::represented_partner(
        &app,
        partnership,
        "Northvale Council",
        Sector::LocalAuthority,
        "council@example.org",
    )
    .await;
    let created = convenor
        .post(
            &format!("/api/partnerships/{}/maps", partnership.get()),
            json!({ "title": "Ageing well", "dialogue_id": dialogue }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let map = created.body["id"].as_i64().unwrap();
    let mut factors = Vec::new();
    for name in ["Home care hours", "Emergency admissions"] {
        let factor = convenor
            .post(
                &format!("/api/maps/{map}/factors"),
                json!({ "name": name, "owner_id": council.get() }),
            )
            .await;
        assert_eq!(factor.status, StatusCode::CREATED, "{factor:?}");
        factors.push(factor.body["id"].as_i64().unwrap());
    }
    let link = convenor
        .post(
            &format!("/api/maps/{map}/links"),
            json!({ "from": factors[0], "to": factors[1], "sign": "-", "note": "Local audit" }),
        )
        .await;
    assert_eq!(link.status, StatusCode::CREATED, "{link:?}");
    let opened = convenor
        .patch(
            &format!("/api/maps/{map}"),
            json!({ "participants_may_judge": true }),
        )
        .await;
    assert_eq!(opened.status, StatusCode::OK, "{opened:?}");

    let cookie = participant_cookie(dialogue, &participant);
    let path = format!("/d/{dialogue}/maps/{map}");
    let polish = get_page(
        &app,
        &format!("{path}?lang=pl"),
        &[(COOKIE.as_str(), cookie.clone())],
    )
    .await;
    assert_eq!(polish.status, StatusCode::OK, "{}", polish.html);
    assert!(polish.html.contains(r#"<html lang="pl" dir="ltr">"#));
    assert!(
        polish
            .html
            .contains("Gdy rośnie „Home care hours”, maleje „Emergency admissions”."),
        "{}",
        polish.html
    );
    assert!(polish.html.contains(">Nie zgadzam się</label>"));
    assert!(polish.html.contains(r#"name="judgment" value="disagree""#));

    let urdu = get_page(
        &app,
        &path,
        &[
            (COOKIE.as_str(), cookie.clone()),
            (ACCEPT_LANGUAGE.as_str(), "ur-PK".to_owned()),
        ],
    )
    .await;
    assert!(urdu.html.contains(r#"<html lang="ur" dir="rtl">"#));
    assert!(urdu.html.contains(">روابط</h2>"), "{}", urdu.html);
    assert!(urdu.html.contains(">غیر متفق</label>"));

    // A judgment the form does not offer is refused in the participant's language.
    let refused = browser()
        .post(app.url(&path))
        .header(COOKIE, format!("{cookie}; cg_lang=cy"))
        .form(&[
            ("link", link.body["id"].to_string().as_str()),
            ("judgment", "sideways"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = decoded(&refused.text().await.unwrap());
    assert!(refused.contains(r#"<html lang="cy" dir="ltr">"#));
    assert!(
        refused.contains("Dewiswch Cytuno, Anghytuno neu Ansicr."),
        "{refused}"
    );
}

#[tokio::test]
async fn a_refused_statement_is_explained_in_the_writers_language() {
    let (app, dialogue, participant) = dialogue_with_participant().await;
    let write = |text: String, language: &'static str| {
        browser()
            .post(app.url(&format!("/d/{dialogue}/write?lang={language}")))
            .header(COOKIE, participant_cookie(dialogue, &participant))
            .form(&[("text", text)])
            .send()
    };
    let long = write("a".repeat(281), "cy").await.unwrap();
    assert_eq!(long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = decoded(&long.text().await.unwrap());
    assert!(
        html.contains("Mae'n hwy na 280 nod: byrhewch ef."),
        "{html}"
    );
    assert!(!html.contains("longer than"), "{html}");
    let disguised = write("Benches\u{202E} everywhere".to_owned(), "pl")
        .await
        .unwrap();
    assert_eq!(disguised.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = decoded(&disguised.text().await.unwrap());
    assert!(
        html.contains("Tekst zawiera niewidoczny znak kierunku U+202E"),
        "{html}"
    );
    // Nothing was stored.
    let listed = app.list_statements(dialogue, "").await;
    assert_eq!(listed.body["statements"].as_array().unwrap().len(), 3);
}
