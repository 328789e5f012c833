//! The pages of a priority list, as a browser without JavaScript uses them: joining with a
//! constituency, comparing through the form (a form sent twice is stored once), "can't decide"
//! with a reason, adding an option (a refused one keeps its text), "Your data" with its
//! erasure, the results page, and clear refusals of bad forms that store nothing; a closed
//! list says so.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, LOCATION, RETRY_AFTER};
use serde_json::{Value, json};
use server::Config;
use server::rate_limit::RateLimit;

use crate::support::{TestApp, spawn_app, spawn_app_on};

/// A browser that keeps cookies and does not follow redirects, so that tests see where a form
/// sends it.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Undoes the template's escaping of slashes, apostrophes and ampersands, as a browser does.
fn decoded(page: &str) -> String {
    page.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
}

/// Returns the value of the first hidden field of that name on a page.
fn field(page: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker)? + marker.len();
    let end = page[start..].find('"')? + start;
    Some(page[start..end].to_owned())
}

struct Page {
    status: StatusCode,
    location: Option<String>,
    text: String,
    retry_after: Option<String>,
}

async fn read(response: reqwest::Response) -> Page {
    let status = response.status();
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|value: &reqwest::header::HeaderValue| value.to_str().ok())
            .map(str::to_owned)
    };
    let location = header(LOCATION);
    let retry_after = header(RETRY_AFTER);
    Page {
        status,
        location,
        retry_after,
        text: decoded(&response.text().await.unwrap()),
    }
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> Page {
    read(client.get(app.url(path)).send().await.unwrap()).await
}

async fn post(app: &TestApp, client: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> Page {
    read(client.post(app.url(path)).form(form).send().await.unwrap()).await
}

/// A list with two constituencies, three options and participants' options under
/// pre-moderation; returns its id and its options' ids.
async fn list_with_options(app: &TestApp) -> (i64, Vec<i64>) {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = app.get_dialogue(dialogue).await.body["partnership_id"]
        .as_i64()
        .unwrap();
    let created = app
        .convenor
        .post(app.url(&format!("/api/partnerships/{partnership}/priority-lists")))
        .json(&json!({
            "title": "First steps",
            "question": "Which should the partnership do first?",
            "description": "We can do three things this year.\n\nChoose between two at a time.",
            "constituencies": [{"name": "carer", "kind": "lay"}, {"name": "GP", "kind": "professional"}],
            "moderation": "pre",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let list = created.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let mut options = Vec::new();
    for text in [
        "Evening clinics",
        "A bus to the hospital",
        "Benches on the way to the shops",
    ] {
        let added = app
            .convenor
            .post(app.url(&format!("/api/priority-lists/{list}/options")))
            .json(&json!({ "text": text }))
            .send()
            .await
            .unwrap();
        assert_eq!(added.status(), StatusCode::CREATED);
        options.push(added.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
    }
    (list, options)
}

async fn comparisons_stored(app: &TestApp, list: i64) -> usize {
    app.state
        .store()
        .list_comparisons(model::PriorityListId(list))
        .await
        .unwrap()
        .len()
}

/// Joins through the page as a carer and returns the browser, on the comparison page.
async fn joined(app: &TestApp, list: i64) -> (reqwest::Client, Page) {
    let person = browser();
    let start = get(app, &person, &format!("/p/{list}")).await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(
        start
            .text
            .contains("Which should the partnership do first?")
    );
    assert!(start.text.contains("Choose between two at a time."));
    assert!(start.text.contains("value=\"carer\""), "{}", start.text);
    let join = post(
        app,
        &person,
        &format!("/p/{list}/join"),
        &[("constituency", "carer")],
    )
    .await;
    assert_eq!(join.status, StatusCode::SEE_OTHER);
    assert_eq!(
        join.location.as_deref(),
        Some(&*format!("/p/{list}/compare"))
    );
    let page = get(app, &person, &format!("/p/{list}/compare")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    (person, page)
}

async fn the_pages_work_without_javascript(app: &TestApp) {
    let (list, options) = list_with_options(app).await;
    let (person, page) = joined(app, list).await;
    assert!(page.text.contains("You have not compared a pair yet."));
    assert!(page.text.contains("You said you are: carer."));
    let csrf = field(&page.text, "csrf").expect("the forms carry a form token");
    let left = field(&page.text, "left").unwrap();
    let right = field(&page.text, "right").unwrap();
    let key = field(&page.text, "key").unwrap();

    // The same form sent twice is one comparison: the second is a replay.
    let form = [
        ("csrf", csrf.as_str()),
        ("left", left.as_str()),
        ("right", right.as_str()),
        ("key", key.as_str()),
        ("choice", "left"),
    ];
    let first = post(app, &person, &format!("/p/{list}/compare"), &form).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(
        first.location.as_deref(),
        Some(&*format!("/p/{list}/compare?notice=recorded"))
    );
    let again = post(app, &person, &format!("/p/{list}/compare"), &form).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(
        again.location.as_deref(),
        Some(&*format!("/p/{list}/compare?notice=replayed"))
    );
    assert_eq!(comparisons_stored(app, list).await, 1);
    // The same pair with another answer (the second button of a double click) keeps the first.
    let other = post(
        app,
        &person,
        &format!("/p/{list}/compare"),
        &[
            ("csrf", csrf.as_str()),
            ("left", left.as_str()),
            ("right", right.as_str()),
            ("key", key.as_str()),
            ("choice", "right"),
        ],
    )
    .await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
    assert_eq!(
        other.location.as_deref(),
        Some(&*format!("/p/{list}/compare?notice=already"))
    );
    assert_eq!(comparisons_stored(app, list).await, 1);

    // The next pair: "can't decide" with a reason.
    let page = get(app, &person, &format!("/p/{list}/compare?notice=recorded")).await;
    assert!(page.text.contains("Your choice has been recorded."));
    assert!(page.text.contains("You have compared 1 pair."));
    let (left, right, key) = (
        field(&page.text, "left").unwrap(),
        field(&page.text, "right").unwrap(),
        field(&page.text, "key").unwrap(),
    );
    let undecided = post(
        app,
        &person,
        &format!("/p/{list}/compare"),
        &[
            ("csrf", csrf.as_str()),
            ("left", left.as_str()),
            ("right", right.as_str()),
            ("key", key.as_str()),
            ("choice", "neither"),
            ("reason", "dont_know_enough"),
        ],
    )
    .await;
    assert_eq!(undecided.status, StatusCode::SEE_OTHER);
    assert_eq!(comparisons_stored(app, list).await, 2);

    // Bad forms are refused with a page that says why, and store nothing.
    let unknown_option = post(
        app,
        &person,
        &format!("/p/{list}/compare"),
        &[
            ("csrf", csrf.as_str()),
            ("left", &options[0].to_string()),
            ("right", "999999"),
            ("choice", "left"),
        ],
    )
    .await;
    assert_eq!(unknown_option.status, StatusCode::NOT_FOUND);
    assert!(
        unknown_option
            .text
            .contains("One of the options is not in this priority list"),
        "{}",
        unknown_option.text
    );
    let no_token = post(
        app,
        &person,
        &format!("/p/{list}/compare"),
        &[
            ("left", &options[0].to_string()),
            ("right", &options[2].to_string()),
            ("choice", "left"),
        ],
    )
    .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    assert!(no_token.text.contains("Nothing was recorded"));
    for (name, bad) in [
        ("choice", vec![("choice", "sideways")]),
        ("left", vec![("left", "first"), ("choice", "left")]),
        ("reason", vec![("choice", "neither"), ("reason", "because")]),
    ] {
        let mut form = vec![
            ("csrf", csrf.as_str()),
            ("left", left.as_str()),
            ("right", right.as_str()),
        ];
        form.retain(|(field, _)| !bad.iter().any(|(bad_field, _)| bad_field == field));
        form.extend(bad.iter().copied());
        let refused = post(app, &person, &format!("/p/{list}/compare"), &form).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{name}");
        assert!(refused.text.contains("Nothing was recorded"), "{name}");
    }
    // This person's token names another list: they are sent to that list's start page.
    let (other_list, _) = list_with_options(app).await;
    let elsewhere = post(
        app,
        &person,
        &format!("/p/{other_list}/compare"),
        &[
            ("csrf", csrf.as_str()),
            ("left", &options[0].to_string()),
            ("right", &options[1].to_string()),
            ("choice", "left"),
        ],
    )
    .await;
    assert_eq!(elsewhere.status, StatusCode::SEE_OTHER);
    assert_eq!(
        elsewhere.location.as_deref(),
        Some(&*format!("/p/{other_list}"))
    );
    let missing = get(app, &person, "/p/999999").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let not_a_number = get(app, &person, "/p/first/results").await;
    assert!(not_a_number.status.is_client_error());
    assert_eq!(comparisons_stored(app, list).await, 2);

    // Adding an option: it waits for a convenor; a duplicate keeps its text and says why.
    let added = post(
        app,
        &person,
        &format!("/p/{list}/options"),
        &[("csrf", csrf.as_str()), ("text", "A walking group")],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(
        added.location.as_deref(),
        Some(&*format!("/p/{list}/compare?notice=option-pending"))
    );
    let page = get(app, &person, &format!("/p/{list}/compare")).await;
    assert!(page.text.contains("A walking group"));
    assert!(page.text.contains("waiting for a convenor"));
    let duplicate = post(
        app,
        &person,
        &format!("/p/{list}/options"),
        &[("csrf", csrf.as_str()), ("text", "evening clinics!")],
    )
    .await;
    assert_eq!(duplicate.status, StatusCode::CONFLICT);
    assert!(
        duplicate
            .text
            .contains("already has an option saying the same")
    );
    assert!(duplicate.text.contains(">evening clinics!</textarea>"));
    let empty = post(
        app,
        &person,
        &format!("/p/{list}/options"),
        &[("csrf", csrf.as_str()), ("text", "  ")],
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text.contains("Your option:"));

    // "Your data" shows the comparisons and the option; the download is the API's.
    let mine = get(app, &person, &format!("/p/{list}/me")).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.text.contains("You compared 2 pairs."));
    assert!(mine.text.contains("Can't decide: I don't know enough"));
    assert!(mine.text.contains("A walking group"));
    assert!(
        mine.text
            .contains(&format!("/api/priority-lists/{list}/me?download=true"))
    );
    let download = person
        .get(app.url(&format!("/api/priority-lists/{list}/me?download=true")))
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    let download: Value = download.json().await.unwrap();
    assert_eq!(download["comparisons"].as_array().unwrap().len(), 2);
    assert_eq!(download["constituencies"], json!(["carer"]));

    // The results page: sentences first, both scores, the constituencies. The option waiting
    // for a convenor is not shown to the public: the document ranks what participants compare.
    let results = get(app, &person, &format!("/p/{list}/results")).await;
    assert_eq!(results.status, StatusCode::OK);
    assert!(
        !results.text.contains("A walking group"),
        "{}",
        results.text
    );
    assert!(
        results
            .text
            .contains("1 person made 2 comparisons of 3 options."),
        "{}",
        results.text
    );
    assert!(results.text.contains("Equal-weight score"));
    assert!(results.text.contains("What each group puts first"));
    assert!(
        results
            .text
            .contains("<h3 id=\"constituency-1\">carer</h3>")
    );
    assert!(results.text.contains("class=\"interval-bar\""));

    // Erasing asks for confirmation, then removes everything and the cookie.
    let erase_page = get(app, &person, &format!("/p/{list}/me/erase")).await;
    assert_eq!(erase_page.status, StatusCode::OK);
    let unconfirmed = post(
        app,
        &person,
        &format!("/p/{list}/me/erase"),
        &[("csrf", csrf.as_str())],
    )
    .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(comparisons_stored(app, list).await, 2);
    let erased = post(
        app,
        &person,
        &format!("/p/{list}/me/erase"),
        &[("csrf", csrf.as_str()), ("confirm", "yes")],
    )
    .await;
    assert_eq!(erased.status, StatusCode::OK);
    assert!(erased.text.contains("2 comparisons removed"));
    assert_eq!(comparisons_stored(app, list).await, 0);
    let after = get(app, &person, &format!("/p/{list}/compare")).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert_eq!(after.location.as_deref(), Some(&*format!("/p/{list}")));
}

#[tokio::test]
async fn the_pages_of_a_priority_list_work_without_javascript() {
    let app = spawn_app().await;
    the_pages_work_without_javascript(&app).await;
}

#[tokio::test]
async fn the_pages_of_a_priority_list_work_on_postgresql() {
    let Some(database) = crate::postgres::fresh_database().await else {
        return;
    };
    let app = spawn_app_on(Config {
        database: database.clone(),
        analysis_enabled: false,
        ..Config::for_tests()
    })
    .await;
    crate::support::seed_convenor(&app).await;
    the_pages_work_without_javascript(&app).await;
    crate::postgres::drop_database(&database);
}

#[tokio::test]
async fn an_empty_list_explains_its_results_and_a_closed_list_says_so() {
    let app = spawn_app().await;
    let (list, _) = list_with_options(&app).await;
    let results = get(&app, &browser(), &format!("/p/{list}/results")).await;
    assert_eq!(results.status, StatusCode::OK);
    assert!(results.text.contains("No comparisons yet"));
    assert!(results.text.contains("it has 3 options waiting"));

    let (person, page) = joined(&app, list).await;
    let csrf = field(&page.text, "csrf").unwrap();
    let (left, right) = (
        field(&page.text, "left").unwrap(),
        field(&page.text, "right").unwrap(),
    );
    let closed = app
        .convenor
        .post(app.url(&format!("/api/priority-lists/{list}/close")))
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), StatusCode::OK);

    // A choice sent after the list closed is refused, stored nowhere, and says so.
    let late = post(
        &app,
        &person,
        &format!("/p/{list}/compare"),
        &[
            ("csrf", csrf.as_str()),
            ("left", left.as_str()),
            ("right", right.as_str()),
            ("choice", "left"),
        ],
    )
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.text.contains("closed before your choice arrived"));
    assert_eq!(comparisons_stored(&app, list).await, 0);
    let page = get(&app, &person, &format!("/p/{list}/compare")).await;
    assert!(page.text.contains("This priority list is closed"));
    assert!(!page.text.contains("name=\"choice\""));
    let start = get(&app, &browser(), &format!("/p/{list}")).await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.text.contains("This priority list is closed"));
    assert!(!start.text.contains("Start comparing"));
    let newcomer = browser();
    let join = post(&app, &newcomer, &format!("/p/{list}/join"), &[]).await;
    assert_eq!(join.status, StatusCode::SEE_OTHER);
    assert_eq!(join.location.as_deref(), Some(&*format!("/p/{list}")));
}

#[tokio::test]
async fn a_rate_limited_choice_shows_the_same_pair_again() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let app = spawn_app_on(Config {
        database: format!("sqlite:{}", data_dir.path().join("test.db").display()),
        analysis_enabled: false,
        vote_rate: RateLimit {
            burst: 2,
            per_minute: 1,
        },
        ..Config::for_tests()
    })
    .await;
    crate::support::seed_convenor(&app).await;
    let (list, _) = list_with_options(&app).await;
    let (person, page) = joined(&app, list).await;
    let csrf = field(&page.text, "csrf").unwrap();
    let mut last = None;
    for _ in 0..3 {
        let page = get(&app, &person, &format!("/p/{list}/compare")).await;
        let (left, right, key) = (
            field(&page.text, "left").unwrap(),
            field(&page.text, "right").unwrap(),
            field(&page.text, "key").unwrap(),
        );
        let sent = post(
            &app,
            &person,
            &format!("/p/{list}/compare"),
            &[
                ("csrf", csrf.as_str()),
                ("left", left.as_str()),
                ("right", right.as_str()),
                ("key", key.as_str()),
                ("choice", "right"),
            ],
        )
        .await;
        if sent.status == StatusCode::TOO_MANY_REQUESTS {
            last = Some((sent, left, right));
            break;
        }
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
    }
    let (limited, left, right) = last.expect("the rate limit is reached");
    assert!(limited.retry_after.is_some());
    assert!(
        limited
            .text
            .contains("choosing faster than this list allows")
    );
    assert_eq!(field(&limited.text, "left"), Some(left));
    assert_eq!(field(&limited.text, "right"), Some(right));
}

#[tokio::test]
async fn a_dialogue_points_its_participants_to_the_open_list_drafted_from_it() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = app.get_dialogue(dialogue).await.body["partnership_id"]
        .as_i64()
        .unwrap();
    let mut lists = Vec::new();
    for (title, dialogue_id) in [("What first", Some(dialogue)), ("Unrelated", None)] {
        let created = app
            .convenor
            .post(app.url(&format!("/api/partnerships/{partnership}/priority-lists")))
            .json(&json!({
                "title": title,
                "question": "Which should the partnership do first?",
                "dialogue_id": dialogue_id,
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), StatusCode::CREATED);
        lists.push(
            created.json::<Value>().await.unwrap()["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let participant = app.join(dialogue, &[]).await;
    let vote_page = || async {
        let answer = app
            .anonymous
            .get(app.url(&format!("/d/{dialogue}")))
            .bearer_auth(&participant.token)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        decoded(&answer.text().await.unwrap())
    };
    let page = vote_page().await;
    assert!(
        page.contains(&format!("href=\"/p/{}\"", lists[0])),
        "{page}"
    );
    assert!(page.contains("What first"));
    // A list of the partnership that does not follow this dialogue is not offered.
    assert!(!page.contains(&format!("href=\"/p/{}\"", lists[1])));

    // Once the list closes, the dialogue no longer points to it.
    let closed = app
        .convenor
        .post(app.url(&format!("/api/priority-lists/{}/close", lists[0])))
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), StatusCode::OK);
    assert!(
        !vote_page()
            .await
            .contains(&format!("href=\"/p/{}\"", lists[0]))
    );
}

/// Sends a GET with the browser's language preferences.
async fn get_asking(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    accept_language: &str,
) -> Page {
    let request = client
        .get(app.url(path))
        .header(ACCEPT_LANGUAGE, accept_language);
    read(request.send().await.unwrap()).await
}

#[tokio::test]
async fn the_participants_pages_speak_welsh_and_urdu_right_to_left() {
    let app = spawn_app().await;
    let (list, _) = list_with_options(&app).await;

    // A newcomer whose browser asks for Welsh reads the start page in Welsh, with the switcher;
    // the list's own words are the convenor's.
    let newcomer = browser();
    let join = get_asking(
        &app,
        &newcomer,
        &format!("/p/{list}"),
        "cy-GB,cy;q=0.9,en;q=0.8",
    )
    .await;
    assert_eq!(join.status, StatusCode::OK);
    assert!(
        join.text.contains(r#"<html lang="cy" dir="ltr">"#),
        "{}",
        join.text
    );
    assert!(join.text.contains("Sut mae'n gweithio"));
    assert!(join.text.contains(">Dechrau cymharu</button>"));
    assert!(!join.text.contains("Start comparing"));
    assert!(join.text.contains("Which should the partnership do first?"));
    for code in ["en", "cy", "pl", "ur", "ro"] {
        assert!(
            join.text.contains(&format!(r#"href="?lang={code}""#)),
            "{code}"
        );
    }

    // A participant who chooses Urdu with the switcher compares right to left, and the choice
    // is remembered on the next page.
    let (person, _) = joined(&app, list).await;
    let urdu = get(&app, &person, &format!("/p/{list}/compare?lang=ur")).await;
    assert_eq!(urdu.status, StatusCode::OK);
    assert!(
        urdu.text.contains(r#"<html lang="ur" dir="rtl">"#),
        "{}",
        urdu.text
    );
    assert!(
        urdu.text
            .contains("آپ نے ابھی تک کسی جوڑے کا موازنہ نہیں کیا۔")
    );
    assert!(urdu.text.contains("وہ چنیں جو پہلے کرنا چاہیے"));
    assert!(urdu.text.contains(">فیصلہ نہیں کر سکتے</button>"));
    // The form is the same form.
    assert!(field(&urdu.text, "left").is_some());
    assert!(field(&urdu.text, "key").is_some());
    let mine = get(&app, &person, &format!("/p/{list}/me")).await;
    assert!(mine.text.contains(r#"<html lang="ur" dir="rtl">"#));
    assert!(mine.text.contains("<h1>آپ کا ڈیٹا</h1>"), "{}", mine.text);
    // A refused form says so in the same language.
    let refused = post(
        &app,
        &person,
        &format!("/p/{list}/compare"),
        &[("csrf", "not-the-token")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.text.contains(r#"<html lang="ur" dir="rtl">"#));
    assert!(
        refused.text.contains("کچھ بھی درج نہیں ہوا۔"),
        "{}",
        refused.text
    );

    // Choosing Welsh with the switcher replaces the remembered Urdu.
    let erase = get(&app, &person, &format!("/p/{list}/me/erase?lang=cy")).await;
    assert!(erase.text.contains(r#"<html lang="cy" dir="ltr">"#));
    assert!(erase.text.contains("Rwy'n deall y bydd fy nghymariaethau"));

    // English for a browser asking for nothing the interface speaks; the results page speaks
    // Welsh to a browser asking for it, with the switcher.
    let english = get_asking(&app, &browser(), &format!("/p/{list}"), "de-DE,zh;q=0.8").await;
    assert!(english.text.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(english.text.contains("Start comparing"));
    let results = get_asking(&app, &browser(), &format!("/p/{list}/results"), "cy").await;
    assert_eq!(results.status, StatusCode::OK);
    assert!(results.text.contains(r#"<html lang="cy" dir="ltr">"#));
    assert!(results.text.contains("<title>Canlyniadau · First steps"));
    assert!(results.text.contains("Dim cymariaethau eto"));
    assert!(!results.text.contains("No comparisons yet"));
    assert!(results.text.contains(r#"href="?lang=ur""#));
}

#[tokio::test]
async fn the_results_page_speaks_urdu_right_to_left() {
    let app = spawn_app().await;
    let (list, _) = list_with_options(&app).await;
    let (person, mut page) = joined(&app, list).await;
    for _ in 0..2 {
        let form =
            ["csrf", "left", "right", "key"].map(|name| (name, field(&page.text, name).unwrap()));
        let mut sent: Vec<(&str, &str)> = form
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        sent.push(("choice", "left"));
        let chosen = post(&app, &person, &format!("/p/{list}/compare"), &sent).await;
        assert_eq!(chosen.status, StatusCode::SEE_OTHER, "{}", chosen.text);
        page = get(&app, &person, &format!("/p/{list}/compare")).await;
    }

    // Asked for in Urdu, the results read right to left: the sentences, the table's headings
    // and the groups' columns; the options and the groups keep the convenor's words.
    let results = get_asking(
        &app,
        &person,
        &format!("/p/{list}/results"),
        "ur-PK,ur;q=0.9",
    )
    .await;
    assert_eq!(results.status, StatusCode::OK, "{}", results.text);
    let text = &results.text;
    assert!(text.contains(r#"<html lang="ur" dir="rtl">"#), "{text}");
    // Fluent isolates the list's left-to-right title in the right-to-left sentence.
    assert!(
        text.contains("<title>نتائج · \u{2068}First steps\u{2069}"),
        "{text}"
    );
    assert!(text.contains("اب تک کے نتائج"), "{text}");
    assert!(text.contains("درجہ بندی"), "{text}");
    assert!(text.contains("برابر وزن کا اسکور"), "{text}");
    assert!(text.contains("ہر گروپ کس چیز کو پہلے رکھتا ہے"), "{text}");
    assert!(text.contains("موازنے کیے"), "{text}");
    assert!(text.contains("موازنہ جاری رکھیں"), "{text}");
    assert!(
        text.contains("<h3 id=\"constituency-1\">carer</h3>"),
        "{text}"
    );
    assert!(text.contains("Evening clinics"), "{text}");
    for english in [
        "The ranking",
        "Equal-weight score",
        "What each group puts first",
        "Go on comparing",
        "comparisons of",
    ] {
        assert!(!text.contains(english), "{english}: {text}");
    }

    // The same page in English is as it was.
    let english = get_asking(&app, &person, &format!("/p/{list}/results?lang=en"), "ur").await;
    assert!(english.text.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(
        english
            .text
            .contains("1 person made 2 comparisons of 3 options."),
        "{}",
        english.text
    );
}

#[tokio::test]
async fn a_participants_refusals_are_said_in_their_language_and_the_api_keeps_its_english() {
    let app = spawn_app().await;
    let (list, options) = list_with_options(&app).await;

    // Joining as a constituency the list does not have is refused in Welsh.
    let newcomer = browser();
    let unknown = post(
        &app,
        &newcomer,
        &format!("/p/{list}/join?lang=cy"),
        &[("constituency", "nurse")],
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unknown.text.contains(r#"<html lang="cy""#),
        "{}",
        unknown.text
    );
    assert!(
        unknown
            .text
            .contains("Nid yw \"nurse\" yn un o etholaethau'r rhestr flaenoriaethau hon."),
        "{}",
        unknown.text
    );
    assert!(
        !unknown.text.contains("is not a constituency"),
        "{}",
        unknown.text
    );

    // A participant who chose Welsh and sends a pair of one option twice is refused in Welsh.
    let (person, _) = joined(&app, list).await;
    let page = get(&app, &person, &format!("/p/{list}/compare?lang=cy")).await;
    let csrf = field(&page.text, "csrf").unwrap();
    let option = options[0].to_string();
    let itself = post(
        &app,
        &person,
        &format!("/p/{list}/compare"),
        &[
            ("csrf", &csrf),
            ("left", &option),
            ("right", &option),
            ("choice", "left"),
            ("key", "itself"),
        ],
    )
    .await;
    assert_eq!(itself.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        itself.text.contains(r#"<html lang="cy""#),
        "{}",
        itself.text
    );
    assert!(
        itself
            .text
            .contains("Rhaid i'r opsiynau ar y chwith ac ar y dde fod yn opsiynau gwahanol."),
        "{}",
        itself.text
    );
    assert!(
        !itself.text.contains("must be different"),
        "{}",
        itself.text
    );
    assert_eq!(comparisons_stored(&app, list).await, 0);

    // Results kept for the convenors are refused in the reader's language: Welsh, Polish.
    let changed = app
        .convenor
        .patch(app.url(&format!("/api/priority-lists/{list}")))
        .json(&json!({ "results_visibility": "convenors" }))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), StatusCode::OK);
    let results = format!("/p/{list}/results");
    let welsh = get(&app, &browser(), &format!("{results}?lang=cy")).await;
    assert_eq!(welsh.status, StatusCode::FORBIDDEN);
    assert!(
        welsh.text.contains(
            "Mae canlyniadau'r rhestr flaenoriaethau hon ar gyfer cynullwyr ei phartneriaeth yn unig."
        ),
        "{}",
        welsh.text
    );
    assert!(!welsh.text.contains("convenors of its"), "{}", welsh.text);
    let polish = get(&app, &browser(), &format!("{results}?lang=pl")).await;
    assert_eq!(polish.status, StatusCode::FORBIDDEN);
    assert!(
        polish
            .text
            .contains("Wyniki tej listy priorytetów są tylko dla koordynatorów jej partnerstwa."),
        "{}",
        polish.text
    );

    // The JSON API answers the same cases with the English it always sent.
    let joined_by_api = app
        .anonymous
        .post(app.url(&format!("/api/priority-lists/{list}/participants")))
        .json(&json!({ "constituencies": ["nurse"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(joined_by_api.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = joined_by_api.json::<Value>().await.unwrap();
    assert_eq!(
        body["error"]["message"],
        "\"nurse\" is not a constituency of this priority list"
    );
    let read_by_api = app
        .anonymous
        .get(app.url(&format!("/api/priority-lists/{list}/results")))
        .send()
        .await
        .unwrap();
    assert_eq!(read_by_api.status(), StatusCode::FORBIDDEN);
    let body = read_by_api.json::<Value>().await.unwrap();
    assert_eq!(
        body["error"]["message"],
        "the results of this priority list are for the convenors of its partnership only"
    );
}
