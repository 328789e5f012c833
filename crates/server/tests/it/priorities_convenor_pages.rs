//! The convenors' pages of priority lists, on SQLite and PostgreSQL: a convenor creates a list
//! through the form (a refused form keeps what was typed and names the line at fault), drafts
//! options from a dialogue's common ground after choosing them, moderates a participant's
//! option, keeps the results to convenors, and closes and reopens the list; a visitor without a
//! session is sent to sign in and a convenor of another partnership is refused.

use model::{Email, PartnershipName, Password, PasswordHash, Purpose};
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::{Value, json};
use server::Config;
use store::{NewConvenor, NewPartnership};

use crate::priorities::dialogue_with_common_ground;
use crate::support::{
    CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, seed_convenor, spawn_app, spawn_app_on,
};

/// A browser that keeps its cookies and does not follow redirects, so that a test sees where a
/// form sends it.
struct Browser {
    client: reqwest::Client,
    csrf: String,
}

/// An answer: status, where it redirects, and its body as text.
#[derive(Debug)]
struct Page {
    status: StatusCode,
    location: Option<String>,
    text: String,
}

impl Page {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }
}

async fn page(response: reqwest::Response) -> Page {
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .map(|value| value.to_str().unwrap().to_owned());
    Page {
        status,
        location,
        // The templates escape every `/` they print; a browser reads it back as `/`.
        text: response.text().await.unwrap().replace("&#x2f;", "/"),
    }
}

/// Returns the value of the first hidden field `name` of a page.
fn hidden_field(text: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = text.find(&marker).expect("the field is on the page") + marker.len();
    let end = text[start..].find('"').expect("the value ends") + start;
    text[start..end].to_owned()
}

impl Browser {
    /// Signs in and reads the session's form token.
    async fn signed_in(app: &TestApp, email: &str, password: &str) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let signed = client
            .post(app.url("/api/session"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .unwrap();
        assert_eq!(signed.status(), StatusCode::OK);
        let home = page(client.get(app.url("/convenor")).send().await.unwrap()).await;
        assert_eq!(home.status, StatusCode::OK, "{home:?}");
        let csrf = hidden_field(&home.text, "csrf");
        Browser { client, csrf }
    }

    async fn get(&self, app: &TestApp, path: &str) -> Page {
        page(self.client.get(app.url(path)).send().await.unwrap()).await
    }

    /// Posts a form with the session's token.
    async fn post(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &self.csrf));
        page(
            self.client
                .post(app.url(path))
                .form(&form)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    async fn api(&self, app: &TestApp, method: reqwest::Method, path: &str, body: Value) -> Page {
        let mut request = self.client.request(method.clone(), app.url(path));
        if method != reqwest::Method::GET {
            request = request.json(&body);
        }
        page(request.send().await.unwrap()).await
    }
}

/// The status of a GET without any session or token.
async fn anonymous_status(app: &TestApp, path: &str) -> StatusCode {
    app.anonymous
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .status()
}

/// The id at the end of a redirect to a list's page.
fn list_id(location: &str) -> i64 {
    location
        .trim_start_matches("/convenor/priority-lists/")
        .split(['?', '/'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// The test convenor's partnership.
async fn partnership(app: &TestApp, browser: &Browser) -> i64 {
    let listed = browser
        .api(app, reqwest::Method::GET, "/api/partnerships", Value::Null)
        .await;
    listed.json()[0]["id"].as_i64().unwrap()
}

/// Creates a list through the form; returns its id.
async fn create_through_form(
    app: &TestApp,
    browser: &Browser,
    partnership: i64,
    fields: &[(&str, &str)],
) -> i64 {
    let created = browser
        .post(
            app,
            &format!("/convenor/partnerships/{partnership}/priority-lists"),
            fields,
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{created:?}");
    list_id(created.location.as_deref().unwrap())
}

async fn whole_path(app: &TestApp) {
    app.login_as_convenor().await;
    let (dialogue, common, _) = dialogue_with_common_ground(app).await;
    let browser = Browser::signed_in(app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let partnership = partnership(app, &browser).await;
    let lists_path = format!("/convenor/partnerships/{partnership}/priority-lists");

    // The partnership's page leads to its priority lists, which offer the linked dialogue.
    let home = browser
        .get(app, &format!("/convenor/partnerships/{partnership}"))
        .await;
    assert!(home.text.contains(&format!("href=\"{lists_path}\"")));
    let lists = browser.get(app, &lists_path).await;
    assert_eq!(lists.status, StatusCode::OK);
    assert!(lists.text.contains("No priority lists yet."));
    assert!(lists.text.contains(&format!(
        "<option value=\"{dialogue}\">Our clinics</option>"
    )));

    // A bad constituency line is named, and everything typed is shown again.
    let fields = [
        ("title", "First steps"),
        ("question", "Which should the partnership do first?"),
        ("description", "Our first year."),
        ("constituencies", "Unpaid carers | lay\nGPs | doctors"),
        ("options", "Evening clinics\nA bus to the hospital"),
        ("dialogue", &dialogue.to_string()),
        ("moderation", "pre"),
        ("results_visibility", "public"),
        ("participant_options", "yes"),
    ];
    let refused = browser.post(app, &lists_path, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text
            .contains("Constituencies line 2: &quot;doctors&quot; should be"),
        "{}",
        refused.text
    );
    assert!(refused.text.contains("value=\"First steps\""));
    assert!(
        refused
            .text
            .contains("Evening clinics\nA bus to the hospital</textarea>")
    );
    assert!(refused.text.contains("GPs | doctors</textarea>"));
    assert!(
        refused
            .text
            .contains(&format!("<option value=\"{dialogue}\" selected>"))
    );

    // An option said twice is named by its line; an empty title by the service's message.
    let mut twice = fields;
    twice[3] = ("constituencies", "Unpaid carers | lay\nGPs | professional");
    twice[4] = ("options", "Evening clinics\n\nevening clinics!");
    let refused = browser.post(app, &lists_path, &twice).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text
            .contains("Options line 3: the same option is written twice."),
        "{}",
        refused.text
    );
    let mut untitled = twice;
    untitled[0] = ("title", " ");
    untitled[4] = ("options", "Evening clinics");
    let refused = browser.post(app, &lists_path, &untitled).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text.contains("Priority list title is empty."),
        "{}",
        refused.text
    );
    assert!(
        refused
            .text
            .contains("Which should the partnership do first?</textarea>")
    );
    let nothing = browser
        .api(
            app,
            reqwest::Method::GET,
            &format!("/api/partnerships/{partnership}/priority-lists"),
            Value::Null,
        )
        .await;
    assert_eq!(nothing.json(), json!([]), "a refused form stores nothing");

    // The corrected form creates the list with its constituencies and first options.
    let mut good = twice;
    good[4] = ("options", "Evening clinics\nA bus to the hospital");
    let list = create_through_form(app, &browser, partnership, &good).await;
    let got = browser
        .api(
            app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{list}"),
            Value::Null,
        )
        .await
        .json();
    assert_eq!(got["title"], "First steps");
    assert_eq!(got["dialogue_id"], dialogue);
    assert_eq!(got["moderation"], "pre");
    assert_eq!(got["results_visibility"], "public");
    assert_eq!(
        got["constituencies"],
        json!([{"name": "Unpaid carers", "kind": "lay"}, {"name": "GPs", "kind": "professional"}])
    );
    let list_path = format!("/convenor/priority-lists/{list}");
    let shown = browser.get(app, &list_path).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.text.contains("Evening clinics"));
    assert!(
        shown.text.contains(&format!("/p/{list}")),
        "the participant link"
    );
    assert!(
        shown
            .text
            .contains(&format!("/convenor/priority-lists/{list}/qr.svg"))
    );
    assert!(shown.text.contains(&format!("href=\"/p/{list}/results\"")));
    assert!(
        shown
            .text
            .contains(&format!("href=\"/api/priority-lists/{list}/export\""))
    );
    let qr = browser.get(app, &format!("{list_path}/qr.svg")).await;
    assert_eq!(qr.status, StatusCode::OK);
    assert!(qr.text.contains("<svg"));
    let lists = browser.get(app, &lists_path).await;
    assert!(
        lists
            .text
            .contains(&format!("href=\"{list_path}\">First steps</a>"))
    );

    // Adding an option; one already in the list is refused with the text kept.
    let added = browser
        .post(
            app,
            &format!("{list_path}/options"),
            &[("text", "Benches on the way to the shops")],
        )
        .await;
    assert_eq!(
        added.location.as_deref(),
        Some(format!("{list_path}?notice=option-added").as_str())
    );
    let again = browser
        .post(
            app,
            &format!("{list_path}/options"),
            &[("text", "Evening  clinics")],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(
        again.text.contains("value=\"Evening  clinics\""),
        "{}",
        again.text
    );

    // Drafting from common ground: the statement is shown to choose, then added with its
    // link back; choosing it again adds nothing, and a statement that is not common ground is
    // refused.
    let import_path = format!("{list_path}/common-ground");
    let offered = browser.get(app, &import_path).await;
    assert_eq!(offered.status, StatusCode::OK);
    assert!(offered.text.contains("Community transport to the hospital"));
    assert!(
        offered
            .text
            .contains(&format!("name=\"statement\" value=\"{common}\" checked"))
    );
    let common_text = common.to_string();
    let imported = browser
        .post(app, &import_path, &[("statement", &common_text)])
        .await;
    assert_eq!(
        imported.location.as_deref(),
        Some(format!("{list_path}?notice=imported&added=1").as_str())
    );
    let shown = browser
        .get(app, imported.location.as_deref().unwrap())
        .await;
    assert!(
        shown
            .text
            .contains("1 option was added from common ground.")
    );
    assert!(shown.text.contains(&format!(
        "href=\"/d/{dialogue}/report/statements/{common}\">Common ground"
    )));
    let offered = browser.get(app, &import_path).await;
    assert!(offered.text.contains("already an option"));
    let again = browser
        .post(app, &import_path, &[("statement", &common_text)])
        .await;
    assert_eq!(
        again.location.as_deref(),
        Some(format!("{list_path}?notice=imported&added=0").as_str())
    );
    let not_common = browser
        .post(app, &import_path, &[("statement", "999999")])
        .await;
    assert_eq!(not_common.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        not_common
            .text
            .contains("Statement 999999 is not common ground")
    );
    let none = browser.post(app, &import_path, &[]).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.text.contains("Choose at least one statement"));
    let options = browser
        .api(
            app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{list}/options"),
            Value::Null,
        )
        .await
        .json();
    let origins: Vec<&str> = options
        .as_array()
        .unwrap()
        .iter()
        .map(|option| option["origin"].as_str().unwrap())
        .collect();
    assert_eq!(
        origins,
        ["convenor", "convenor", "convenor", "common_ground"]
    );

    // A participant's option waits for moderation; the convenor rejects it with a reason.
    let joined = app
        .anonymous
        .post(app.url(&format!("/api/priority-lists/{list}/participants")))
        .json(&json!({"constituencies": ["GPs"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(joined.status(), StatusCode::CREATED);
    let token = joined.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let proposed = app
        .anonymous
        .post(app.url(&format!("/api/priority-lists/{list}/me/options")))
        .bearer_auth(&token)
        .json(&json!({"text": "Free parking for everyone"}))
        .send()
        .await
        .unwrap();
    assert_eq!(proposed.status(), StatusCode::CREATED);
    let option = proposed.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let shown = browser.get(app, &list_path).await;
    assert!(shown.text.contains("Options (1 waiting)"));
    assert!(shown.text.contains("Awaiting moderation"));
    let moderation = format!("{list_path}/options/{option}/moderation");
    let unknown = browser
        .post(app, &moderation, &[("decision", "maybe")])
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    let too_long = "x".repeat(2001);
    let refused = browser
        .post(
            app,
            &moderation,
            &[("decision", "reject"), ("reason", &too_long)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text
            .contains(&format!("id=\"moderation-error-{option}\""))
    );
    let rejected = browser
        .post(
            app,
            &moderation,
            &[
                ("decision", "reject"),
                ("reason", "Parking is the council's"),
            ],
        )
        .await;
    assert_eq!(
        rejected.location.as_deref(),
        Some(format!("{list_path}?notice=moderated").as_str())
    );
    let mine = app
        .anonymous
        .get(app.url(&format!("/api/priority-lists/{list}/me")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(mine["options"][0]["status"], "rejected");
    assert_eq!(
        mine["options"][0]["rejection_reason"],
        "Parking is the council's"
    );
    let accepted = browser
        .post(app, &moderation, &[("decision", "accept")])
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    let shown = browser.get(app, &list_path).await;
    assert!(!shown.text.contains("Awaiting moderation"));

    // Results kept to convenors through the settings form: the public is refused, with a
    // message, and the convenor still reads them.
    let results = format!("/api/priority-lists/{list}/results");
    assert_eq!(anonymous_status(app, &results).await, StatusCode::OK);
    let saved = browser
        .post(
            app,
            &format!("{list_path}/settings"),
            &[
                ("title", "First steps"),
                ("question", "Which should the partnership do first?"),
                ("description", "Our first year."),
                ("participant_options", "yes"),
                ("moderation", "pre"),
                ("results_visibility", "convenors"),
            ],
        )
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some(format!("{list_path}?notice=saved").as_str())
    );
    let refused = app.anonymous.get(app.url(&results)).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let body = refused.json::<Value>().await.unwrap();
    assert_eq!(body["error"]["code"], "forbidden");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("for the convenors of its partnership only")
    );
    let own = browser
        .api(app, reqwest::Method::GET, &results, Value::Null)
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.json()["format_version"], 1);
    let shown = browser.get(app, &list_path).await;
    assert!(
        shown
            .text
            .contains("Only this partnership's convenors may read")
    );
    // A refused settings form keeps what was typed.
    let untitled = browser
        .post(
            app,
            &format!("{list_path}/settings"),
            &[
                ("title", ""),
                ("question", "A new question?"),
                ("description", ""),
                ("moderation", "post"),
                ("results_visibility", "public"),
            ],
        )
        .await;
    assert_eq!(untitled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(untitled.text.contains("A new question?</textarea>"));
    assert!(untitled.text.contains("value=\"post\" checked"));

    // Closing asks first; closed, the list takes no participants; reopened, it does.
    let confirm = browser.get(app, &format!("{list_path}/close")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.text.contains("Yes, close the priority list"));
    let closed = browser.post(app, &format!("{list_path}/close"), &[]).await;
    assert_eq!(
        closed.location.as_deref(),
        Some(format!("{list_path}?notice=closed").as_str())
    );
    let state = browser
        .api(
            app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{list}"),
            Value::Null,
        )
        .await
        .json();
    assert_eq!(state["is_open"], false);
    let shown = browser.get(app, &list_path).await;
    assert!(shown.text.contains("Reopen the priority list"));
    let late = app
        .anonymous
        .post(app.url(&format!("/api/priority-lists/{list}/participants")))
        .json(&json!({"constituencies": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let reopened = browser.post(app, &format!("{list_path}/reopen"), &[]).await;
    assert_eq!(
        reopened.location.as_deref(),
        Some(format!("{list_path}?notice=reopened").as_str())
    );
    let state = browser
        .api(
            app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{list}"),
            Value::Null,
        )
        .await
        .json();
    assert_eq!(state["is_open"], true);
}

#[tokio::test]
async fn a_convenor_runs_a_priority_list_through_the_pages() {
    let app = spawn_app().await;
    whole_path(&app).await;
}

#[tokio::test]
async fn a_convenor_runs_a_priority_list_through_the_pages_on_postgresql() {
    let Some(database) = crate::postgres::fresh_database().await else {
        return;
    };
    let app = spawn_app_on(Config {
        database: database.clone(),
        analysis_enabled: false,
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    whole_path(&app).await;
    crate::postgres::drop_database(&database);
}

#[tokio::test]
async fn only_the_partnerships_convenors_reach_its_priority_lists() {
    let app = spawn_app().await;
    let browser = Browser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let partnership = partnership(&app, &browser).await;
    let list = create_through_form(
        &app,
        &browser,
        partnership,
        &[
            ("title", "First steps"),
            ("question", "Which first?"),
            ("options", "Evening clinics\nA bus to the hospital"),
            ("moderation", "pre"),
            ("results_visibility", "public"),
        ],
    )
    .await;

    // Without a session: the sign-in page, which comes back here afterwards.
    let visitor = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for path in [
        format!("/convenor/partnerships/{partnership}/priority-lists"),
        format!("/convenor/priority-lists/{list}"),
        format!("/convenor/priority-lists/{list}/common-ground"),
    ] {
        let answer = page(visitor.get(app.url(&path)).send().await.unwrap()).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{path}");
        assert!(
            answer
                .location
                .as_deref()
                .unwrap()
                .starts_with("/login?next="),
            "{answer:?}"
        );
    }

    // A convenor of another partnership: refused, and nothing changes.
    let store = app.state.store();
    let elsewhere = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse("Riverside").unwrap(),
            purpose: Purpose::parse("").unwrap(),
            created_at: 0,
            convenor: None,
        })
        .await
        .unwrap();
    let password = Password::parse("another horse battery").unwrap();
    let other = store
        .create_convenor(NewConvenor {
            email: Email::parse("riverside@example.org").unwrap(),
            password_hash: PasswordHash::create(&password, &[9; 16]).unwrap(),
            is_admin: false,
            may_convene: true,
            created_at: 0,
        })
        .await
        .unwrap();
    store
        .add_partnership_member(elsewhere.id, other.id)
        .await
        .unwrap();
    let stranger = Browser::signed_in(&app, "riverside@example.org", "another horse battery").await;
    for path in [
        format!("/convenor/partnerships/{partnership}/priority-lists"),
        format!("/convenor/priority-lists/{list}"),
        format!("/convenor/priority-lists/{list}/close"),
        format!("/convenor/priority-lists/{list}/qr.svg"),
    ] {
        let answer = stranger.get(&app, &path).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{path}");
    }
    let closing = stranger
        .post(&app, &format!("/convenor/priority-lists/{list}/close"), &[])
        .await;
    assert_eq!(closing.status, StatusCode::FORBIDDEN);
    let adding = stranger
        .post(
            &app,
            &format!("/convenor/priority-lists/{list}/options"),
            &[("text", "Something else")],
        )
        .await;
    assert_eq!(adding.status, StatusCode::FORBIDDEN);
    let creating = stranger
        .post(
            &app,
            &format!("/convenor/partnerships/{partnership}/priority-lists"),
            &[("title", "Not mine"), ("question", "Which?")],
        )
        .await;
    assert_eq!(creating.status, StatusCode::FORBIDDEN);
    let got = browser
        .api(
            &app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{list}"),
            Value::Null,
        )
        .await;
    assert_eq!(got.json()["is_open"], true);
    let options = browser
        .api(
            &app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{list}/options"),
            Value::Null,
        )
        .await
        .json();
    assert_eq!(options.as_array().unwrap().len(), 2);

    // A form without the session's token is refused.
    let forged = browser
        .client
        .post(app.url(&format!("/convenor/priority-lists/{list}/close")))
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    // Without a linked dialogue, the import page says why there is nothing to draft.
    let import = browser
        .get(
            &app,
            &format!("/convenor/priority-lists/{list}/common-ground"),
        )
        .await;
    assert_eq!(import.status, StatusCode::OK);
    assert!(
        import
            .text
            .contains("This priority list has no linked dialogue")
    );
}

#[tokio::test]
async fn results_visibility_is_public_unless_set_and_round_trips_through_the_api() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let browser = Browser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let partnership = partnership(&app, &browser).await;
    let lists = format!("/api/partnerships/{partnership}/priority-lists");
    let created = browser
        .api(
            &app,
            reqwest::Method::POST,
            &lists,
            json!({"title": "Open results", "question": "Which first?"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.json()["results_visibility"], "public");
    let id = created.json()["id"].as_i64().unwrap();
    let results = format!("/api/priority-lists/{id}/results");
    assert_eq!(anonymous_status(&app, &results).await, StatusCode::OK);

    let changed = browser
        .api(
            &app,
            reqwest::Method::PATCH,
            &format!("/api/priority-lists/{id}"),
            json!({"results_visibility": "convenors"}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(changed.json()["results_visibility"], "convenors");
    assert_eq!(
        changed.json()["title"],
        "Open results",
        "other settings stay"
    );
    assert_eq!(
        anonymous_status(&app, &results).await,
        StatusCode::FORBIDDEN
    );
    // A stale session cookie is no session: still refused, not an error.
    let stale = app
        .anonymous
        .get(app.url(&results))
        .header("cookie", "cg_session=not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::FORBIDDEN);

    let unknown = browser
        .api(
            &app,
            reqwest::Method::PATCH,
            &format!("/api/priority-lists/{id}"),
            json!({"results_visibility": "partners"}),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let private = browser
        .api(
            &app,
            reqwest::Method::POST,
            &lists,
            json!({"title": "Kept", "question": "Which?", "results_visibility": "convenors"}),
        )
        .await;
    assert_eq!(private.json()["results_visibility"], "convenors");
    let private = private.json()["id"].as_i64().unwrap();
    assert_eq!(
        anonymous_status(&app, &format!("/api/priority-lists/{private}/results")).await,
        StatusCode::FORBIDDEN
    );
    // The partnership's convenor reads them.
    let own = browser
        .api(
            &app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{private}/results"),
            Value::Null,
        )
        .await;
    assert_eq!(own.status, StatusCode::OK);
    // A missing list is not found, whoever asks.
    assert_eq!(
        anonymous_status(&app, "/api/priority-lists/999999/results").await,
        StatusCode::NOT_FOUND
    );
}

/// A page's text as a browser reads it, with the templates' escaped apostrophes undone.
fn read(page: &Page) -> String {
    page.text.replace("&#x27;", "'")
}

#[tokio::test]
async fn a_convenor_works_on_a_priority_list_in_welsh_and_english_is_unchanged() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let browser = Browser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let partnership = partnership(&app, &browser).await;
    let lists_path = format!("/convenor/partnerships/{partnership}/priority-lists");

    // Chosen with ?lang=cy, the lists page is in Welsh, with the switcher offering English
    // only, the representatives' other language.
    let welsh = browser.get(&app, &format!("{lists_path}?lang=cy")).await;
    assert_eq!(welsh.status, StatusCode::OK, "{welsh:?}");
    let text = read(&welsh);
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(text.contains("<h1>Rhestrau blaenoriaethau</h1>"), "{text}");
    assert!(text.contains("Dim rhestrau blaenoriaethau eto."), "{text}");
    assert!(
        text.contains(">Creu'r rhestr flaenoriaethau</button>"),
        "{text}"
    );
    assert!(text.contains("href=\"?lang=en\""), "{text}");
    assert!(!text.contains("lang=pl"), "{text}");

    // The choice is remembered: a refused form names the line at fault in Welsh, and the
    // switcher leads to the lists page, not the form's address.
    let refused = browser
        .post(
            &app,
            &lists_path,
            &[
                ("title", "Camau cyntaf"),
                ("question", "Beth yn gyntaf?"),
                ("constituencies", "Gofalwyr | lleyg\nMeddygon | doctors"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = read(&refused);
    assert!(
        text.contains("Etholaethau, llinell 2: dylai &quot;doctors&quot; fod yn"),
        "{text}"
    );
    assert!(
        text.contains(&format!("href=\"{lists_path}?lang=en\"")),
        "{text}"
    );

    // A constituency's kind written in Welsh is read; the list's page labels it in Welsh.
    let list = create_through_form(
        &app,
        &browser,
        partnership,
        &[
            ("title", "Camau cyntaf"),
            ("question", "Beth yn gyntaf?"),
            ("constituencies", "Gofalwyr | lleyg"),
            ("options", "Clinigau gyda'r nos\nBws i'r ysbyty"),
        ],
    )
    .await;
    let list_path = format!("/convenor/priority-lists/{list}");
    let shown = browser
        .get(&app, &format!("{list_path}?notice=option-added"))
        .await;
    let text = read(&shown);
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(text.contains("Mae'r opsiwn wedi'i ychwanegu."), "{text}");
    assert!(text.contains("Dolen y cyfranogwyr"), "{text}");
    assert!(text.contains("Etholaethau: Gofalwyr (lleyg)."), "{text}");
    assert!(text.contains(">Cynullydd</td>"), "{text}");
    assert!(
        text.contains(">Cau'r rhestr flaenoriaethau…</button>"),
        "{text}"
    );
    let close = read(&browser.get(&app, &format!("{list_path}/close")).await);
    assert!(
        close.contains("Mae cau “Camau cyntaf” yn golygu:"),
        "{close}"
    );
    let settings = format!("{list_path}/settings");
    let untitled = [("title", ""), ("question", "Beth yn gyntaf?")];
    let refused = browser.post(&app, &settings, &untitled).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = read(&refused);
    assert!(
        text.contains("Mae teitl y rhestr flaenoriaethau yn wag."),
        "{text}"
    );

    // In English the same pages read as they always have.
    let english = read(&browser.get(&app, &format!("{list_path}?lang=en")).await);
    assert!(english.contains("<html lang=\"en\""), "{english}");
    assert!(english.contains("Participant link"), "{english}");
    assert!(
        english.contains("Constituencies: Gofalwyr (lay)."),
        "{english}"
    );
    assert!(english.contains(">Convenor</td>"), "{english}");
    assert!(
        english.contains(">Close the priority list…</button>"),
        "{english}"
    );
    assert!(english.contains(">Cymraeg</a>"), "{english}");
    let refused = read(&browser.post(&app, &settings, &untitled).await);
    assert!(
        refused.contains("Priority list title is empty."),
        "{refused}"
    );
    let lists = read(&browser.get(&app, &lists_path).await);
    assert!(lists.contains("This partnership's lists"), "{lists}");
    assert!(
        lists.contains(">Create the priority list</button>"),
        "{lists}"
    );
}

#[tokio::test]
async fn the_services_refusals_are_said_in_welsh_on_the_pages_and_in_english_by_the_api() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let (dialogue, _, _) = dialogue_with_common_ground(&app).await;
    let browser = Browser::signed_in(&app, CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let partnership = partnership(&app, &browser).await;
    let fields = [
        ("title", "Camau cyntaf"),
        ("question", "Beth yn gyntaf?"),
        ("options", "Clinigau gyda'r nos\nBws i'r ysbyty"),
    ];
    let first = create_through_form(&app, &browser, partnership, &fields).await;
    let second = create_through_form(&app, &browser, partnership, &fields).await;

    // Chosen with ?lang=cy, the page that drafts options from common ground says in Welsh
    // why a list without a linked dialogue has nothing to draft.
    let import_path = format!("/convenor/priority-lists/{first}/common-ground");
    let import = read(&browser.get(&app, &format!("{import_path}?lang=cy")).await);
    assert!(import.contains("<html lang=\"cy\""), "{import}");
    assert!(
        import.contains(
            "Does gan y rhestr flaenoriaethau hon ddim trafodaeth gysylltiedig i ddrafftio opsiynau ohoni."
        ),
        "{import}"
    );
    assert!(!import.contains("no linked dialogue"), "{import}");

    // With a linked dialogue, a refused choice of statements says the service's refusal in
    // Welsh, not in the API's English.
    let dialogue = dialogue.to_string();
    let mut linked_fields = fields.to_vec();
    linked_fields.push(("dialogue", &dialogue));
    let linked = create_through_form(&app, &browser, partnership, &linked_fields).await;
    let linked_import = format!("/convenor/priority-lists/{linked}/common-ground");
    let none = browser.post(&app, &linked_import, &[]).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = read(&none);
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(
        text.contains("Dewiswch o leiaf un datganiad i'w ddrafftio fel opsiwn."),
        "{text}"
    );
    assert!(!text.contains("Choose at least one statement"), "{text}");
    let not_common = browser
        .post(&app, &linked_import, &[("statement", "999999")])
        .await;
    assert_eq!(not_common.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = read(&not_common);
    assert!(
        text.contains(
            "Nid yw datganiad 999999 yn dir cyffredin sy'n ddigon byr i fod yn opsiwn yn nadansoddiad diweddaraf y drafodaeth gysylltiedig."
        ),
        "{text}"
    );
    assert!(!text.contains("is not common ground"), "{text}");

    // Moderating, through another list's page, an option of the first list is refused in
    // Welsh.
    let options = browser
        .api(
            &app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{first}/options"),
            Value::Null,
        )
        .await
        .json();
    let option = options[0]["id"].as_i64().unwrap();
    let moderation = format!("/convenor/priority-lists/{second}/options/{option}/moderation");
    let elsewhere = browser
        .post(&app, &moderation, &[("decision", "accept")])
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    let text = read(&elsewhere);
    assert!(text.contains("<html lang=\"cy\""), "{text}");
    assert!(
        text.contains("Does dim opsiwn o'r fath yn y rhestr flaenoriaethau hon."),
        "{text}"
    );
    assert!(!text.contains("No such option"), "{text}");

    // The JSON API answers the same cases with the English it always sent.
    let drafted = browser
        .api(
            &app,
            reqwest::Method::POST,
            &format!("/api/priority-lists/{first}/options/from-common-ground"),
            json!({}),
        )
        .await;
    assert_eq!(drafted.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(drafted.json()["error"]["code"], "validation_failed");
    assert_eq!(
        drafted.json()["error"]["message"],
        "this priority list has no linked dialogue to draft options from"
    );
    let moderated = browser
        .api(
            &app,
            reqwest::Method::PUT,
            &format!("/api/priority-lists/{second}/options/{option}/moderation"),
            json!({ "status": "accepted" }),
        )
        .await;
    assert_eq!(moderated.status, StatusCode::NOT_FOUND);
    assert_eq!(
        moderated.json()["error"]["message"],
        "no such option in this priority list"
    );

    // In English the page says what the API says, as a sentence.
    let english = read(&browser.get(&app, &format!("{import_path}?lang=en")).await);
    assert!(
        english.contains("This priority list has no linked dialogue to draft options from."),
        "{english}"
    );
}
