//! Page tests: the real router over an in-memory database, driven like a browser without
//! JavaScript (forms, redirects and cookies), checking what each page shows and that text
//! people wrote always appears escaped.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::header::{CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, Request, StatusCode};
use model::{DialogueId, Email, Password, PasswordHash};
use store::NewConvenor;
use tower::ServiceExt;

use crate::config::Config;
use crate::startup::Application;
use crate::state::AppState;

const EMAIL: &str = "convenor@example.org";
const PASSWORD: &str = "correct horse battery";
const SCRIPT: &str = "<script>alert(1)</script>";

struct Page {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Page {
    fn location(&self) -> &str {
        self.headers
            .get(LOCATION)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }

    /// Returns the value of the first hidden field with this name.
    fn field(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self
            .body
            .find(&marker)
            .unwrap_or_else(|| panic!("no field {name}"))
            + marker.len();
        let end = self.body[start..].find('"').unwrap() + start;
        self.body[start..end].to_owned()
    }
}

/// A browser without JavaScript: keeps cookies, follows nothing by itself.
struct Browser {
    router: Router,
    cookies: BTreeMap<String, String>,
}

fn encode(value: &str) -> String {
    super::security::encode_query_value(value).replace('/', "%2F")
}

impl Browser {
    fn new(router: &Router) -> Browser {
        Browser {
            router: router.clone(),
            cookies: BTreeMap::new(),
        }
    }

    async fn send(&mut self, request: Request<Body>) -> Page {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        for cookie in headers.get_all(SET_COOKIE) {
            let text = cookie.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || text.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let body = to_bytes(response.into_body(), 4 * 1024 * 1024)
            .await
            .unwrap();
        Page {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn get(&mut self, path: &str) -> Page {
        let request = Request::get(path)
            .header(COOKIE, self.cookie_header())
            .body(Body::empty())
            .unwrap();
        self.send(request).await
    }

    async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body = fields
            .iter()
            .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::post(path)
            .header(COOKIE, self.cookie_header())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }
}

async fn app() -> (AppState, Router) {
    if std::env::var_os("TEST_LOG").is_some() {
        let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    }
    let config = Config {
        analysis_enabled: false,
        ..Config::for_tests()
    };
    let application = Application::build(config).await.unwrap();
    let state = application.state();
    let password = Password::parse(PASSWORD).unwrap();
    state
        .store()
        .create_convenor(NewConvenor {
            email: Email::parse(EMAIL).unwrap(),
            password_hash: PasswordHash::create(&password, &[7; 16]).unwrap(),
            is_admin: false,
            may_convene: true,
            created_at: 0,
        })
        .await
        .unwrap();
    let router = crate::routes::router(state.clone());
    (state, router)
}

async fn signed_in(router: &Router) -> Browser {
    let mut convenor = Browser::new(router);
    let page = convenor
        .post(
            "/login",
            &[
                ("email", EMAIL),
                ("password", PASSWORD),
                ("next", "/convenor"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.location(), "/convenor");
    convenor
}

/// Creates a partnership and a dialogue through the pages; returns the dialogue id.
async fn create_dialogue(convenor: &mut Browser, statements: &str) -> i64 {
    let home = convenor.get("/convenor").await;
    let csrf = home.field("csrf");
    let created = convenor
        .post(
            "/convenor/partnerships",
            &[
                ("csrf", &csrf),
                ("name", "Healthy <b>Town</b>"),
                ("purpose", ""),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let partnership = created.location().to_owned();
    let form = convenor.get(&format!("{partnership}/dialogues")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Healthy &lt;b&gt;Town&lt;&#x2f;b&gt;"));
    let created = convenor
        .post(
            &format!("{partnership}/dialogues"),
            &[
                ("csrf", &csrf),
                ("title", &format!("Clean air {SCRIPT}")),
                ("question", "What should we do about air quality?"),
                ("description", "Tell us.\n\nSecond paragraph."),
                (
                    "constituencies",
                    "Resident | 60% | lay\nGP | 20% | professional",
                ),
                ("statements", statements),
                ("participant_statements", "yes"),
                ("moderation", "pre"),
                ("report_visibility", "public"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    created
        .location()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Joins as a participant and votes on every statement with `choose(text)`.
async fn take_part(
    router: &Router,
    dialogue: i64,
    constituencies: &[&str],
    choose: impl Fn(&str) -> &'static str,
) -> Browser {
    let mut participant = Browser::new(router);
    let join = participant.get(&format!("/d/{dialogue}")).await;
    assert_eq!(join.status, StatusCode::OK);
    assert!(join.body.contains("Which of these describe you?"));
    let fields: Vec<(&str, &str)> = constituencies
        .iter()
        .map(|name| ("constituency", *name))
        .collect();
    let joined = participant
        .post(&format!("/d/{dialogue}/join"), &fields)
        .await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER);
    let cookie = joined
        .headers
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    for _ in 0..20 {
        let page = participant.get(&format!("/d/{dialogue}")).await;
        assert_eq!(page.status, StatusCode::OK);
        if !page.body.contains("name=\"statement_id\"") {
            assert!(page.body.contains("You have voted on every statement"));
            break;
        }
        let statement = page.field("statement_id");
        // The statement's paragraph carries its language and direction after its id.
        let opening = page.body.find("id=\"statement-text\"").unwrap();
        let start = page.body[opening..].find('>').unwrap() + opening + 1;
        let end = page.body[start..].find("</p>").unwrap() + start;
        let text = page.body[start..end].to_owned();
        let voted = participant
            .post(
                &format!("/d/{dialogue}/vote"),
                &[("statement_id", &statement), ("vote", choose(&text))],
            )
            .await;
        assert_eq!(voted.status, StatusCode::SEE_OTHER, "{}", voted.body);
    }
    participant
}

#[tokio::test]
async fn a_dialogue_runs_from_creation_to_report_through_the_pages() {
    let (state, router) = app().await;
    let mut convenor = signed_in(&router).await;
    let statements = format!(
        "Traffic should be slower near schools\nMore buses would help\nParking should be free\n<img src=x onerror=alert(1)> Trees matter\n{SCRIPT} Cycle lanes"
    );
    let dialogue = create_dialogue(&mut convenor, &statements).await;

    let overview = convenor
        .get(&format!("/convenor/dialogues/{dialogue}"))
        .await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(overview.body.contains("Clean air &lt;script&gt;"));
    assert!(!overview.body.contains(SCRIPT));
    assert!(overview.body.contains("/qr.svg"));
    let qr = convenor
        .get(&format!("/convenor/dialogues/{dialogue}/qr.svg"))
        .await;
    assert_eq!(qr.status, StatusCode::OK);
    assert!(qr.body.contains("<svg"));

    // Two camps: residents agree with everything but parking, GPs the opposite.
    let agree_all = |text: &str| {
        if text.contains("Parking") {
            "disagree"
        } else {
            "agree"
        }
    };
    let disagree_all = |text: &str| {
        if text.contains("Parking") {
            "agree"
        } else {
            "disagree"
        }
    };
    let first = take_part(&router, dialogue, &["Resident"], agree_all).await;
    let _second = take_part(&router, dialogue, &["Resident"], agree_all).await;
    let _third = take_part(&router, dialogue, &["GP"], disagree_all).await;
    let _fourth = take_part(&router, dialogue, &["GP", "Resident"], disagree_all).await;

    // A participant writes a statement; under pre-moderation it waits for a convenor.
    let mut writer = first;
    let form = writer.get(&format!("/d/{dialogue}/write")).await;
    assert!(
        form.body
            .contains("A convenor reads every statement before others see it")
    );
    let written = writer
        .post(
            &format!("/d/{dialogue}/write"),
            &[("text", &format!("{SCRIPT} we need quiet streets"))],
        )
        .await;
    assert_eq!(written.status, StatusCode::SEE_OTHER, "{}", written.body);
    assert!(written.location().ends_with("notice=written-pending"));
    let duplicate = writer
        .post(
            &format!("/d/{dialogue}/write"),
            &[("text", &format!("{SCRIPT} we need quiet streets"))],
        )
        .await;
    assert_eq!(duplicate.status, StatusCode::CONFLICT);
    assert!(duplicate.body.contains("already has a statement"));
    assert!(duplicate.body.contains("&lt;script&gt;alert(1)"));

    let queue = convenor
        .get(&format!("/convenor/dialogues/{dialogue}/moderation"))
        .await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(
        queue
            .body
            .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; we need quiet streets")
    );
    assert!(!queue.body.contains(SCRIPT));
    let csrf = queue.field("csrf");
    let pending = queue.field("statement");
    let refused = convenor
        .post(
            &format!("/convenor/dialogues/{dialogue}/moderation"),
            &[
                ("csrf", "forged"),
                ("statement", &pending),
                ("action", "accept"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let accepted = convenor
        .post(
            &format!("/convenor/dialogues/{dialogue}/moderation"),
            &[
                ("csrf", &csrf),
                ("status", "pending"),
                ("statement", &pending),
                ("action", "accept"),
            ],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);
    assert!(accepted.location().ends_with("updated=1"));

    state.analysis().recompute_now(DialogueId(dialogue)).await;
    let mut reader = Browser::new(&router);
    let report = reader.get(&format!("/d/{dialogue}/report")).await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.body);
    let csp = report
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(report.body.contains("Common ground"));
    assert!(report.body.contains("Voice audit"));
    assert!(report.body.contains("Opinion map"));
    assert!(report.body.contains("data-events=\"&#x2f;d&#x2f;"));
    assert!(!report.body.contains(SCRIPT), "a statement was not escaped");
    assert!(
        !report.body.contains("<img src=x"),
        "a statement was not escaped"
    );

    // A participant with enough votes sees where they stand.
    let mut voter = take_part(&router, dialogue, &["Resident"], agree_all).await;
    state.analysis().recompute_now(DialogueId(dialogue)).await;
    let stand = voter.get(&format!("/d/{dialogue}")).await;
    assert!(stand.body.contains("Where you stand"));
    assert!(stand.body.contains("Opinion map"), "{}", stand.body);

    let settings = convenor
        .get(&format!("/convenor/dialogues/{dialogue}/settings"))
        .await;
    assert_eq!(settings.status, StatusCode::OK);
    let closed = convenor
        .post(
            &format!("/convenor/dialogues/{dialogue}/close"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let newcomer = Browser::new(&router).get(&format!("/d/{dialogue}")).await;
    assert!(newcomer.body.contains("This dialogue is closed"));
}

#[tokio::test]
async fn convenor_pages_need_a_session_and_forms_need_its_token() {
    let (_state, router) = app().await;
    let mut stranger = Browser::new(&router);
    let page = stranger.get("/convenor").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), "/login?next=/convenor");
    let login = stranger.get("/login?next=%2Fconvenor").await;
    assert!(
        login
            .body
            .contains("name=\"next\" value=\"&#x2f;convenor\"")
    );
    let wrong = stranger
        .post(
            "/login",
            &[("email", EMAIL), ("password", "not the password")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("do not match"));

    let mut convenor = signed_in(&router).await;
    let forged = convenor
        .post("/convenor/partnerships", &[("name", "No token")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let home = convenor.get("/convenor").await;
    let csrf = home.field("csrf");
    let signed_out = convenor.post("/logout", &[("csrf", &csrf)]).await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        convenor.get("/convenor").await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn posts_from_another_site_are_refused() {
    let (_state, router) = app().await;
    let request = Request::post("/login")
        .header("host", "commonground.example")
        .header("origin", "https://evil.example")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("email=a&password=b"))
        .unwrap();
    let response = router.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_report_without_votes_says_what_it_needs() {
    let (_state, router) = app().await;
    let mut convenor = signed_in(&router).await;
    let dialogue = create_dialogue(&mut convenor, "One\nTwo").await;
    let report = Browser::new(&router)
        .get(&format!("/d/{dialogue}/report"))
        .await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(report.body.contains("What this report needs"));
    assert!(report.body.contains("Nobody has voted yet"));
    assert!(!report.body.contains("bar-row"), "no empty bars");
}

#[tokio::test]
async fn static_files_are_served_and_unknown_ones_are_not() {
    let (_state, router) = app().await;
    let mut browser = Browser::new(&router);
    let css = browser.get("/static/app.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(
        css.headers.get(CONTENT_TYPE).unwrap(),
        "text/css; charset=utf-8"
    );
    assert_eq!(browser.get("/static/app.js").await.status, StatusCode::OK);
    assert_eq!(
        browser.get("/static/nothing.js").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(browser.get("/d/999").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn settings_constituencies_and_statements_can_be_changed_and_a_private_report_needs_a_sign_in()
 {
    let (_state, router) = app().await;
    let mut convenor = signed_in(&router).await;
    let dialogue = create_dialogue(&mut convenor, "One\nTwo").await;
    let settings_path = format!("/convenor/dialogues/{dialogue}/settings");
    let csrf = convenor.get(&settings_path).await.field("csrf");

    let saved = convenor
        .post(
            &settings_path,
            &[
                ("csrf", &csrf),
                ("title", "Clean air"),
                ("question", "What now?"),
                ("description", ""),
                ("moderation", "post"),
                ("report_visibility", "convenors"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = convenor.get(saved.location()).await;
    assert!(page.body.contains("The settings are saved."));
    assert!(page.body.contains(
        "id=\"visibility-convenors\" name=\"report_visibility\" value=\"convenors\" checked"
    ));

    let added = convenor
        .post(
            &format!("/convenor/dialogues/{dialogue}/constituencies"),
            &[
                ("csrf", &csrf),
                ("name", "Carer"),
                ("expected_share", "15%"),
                ("kind", "lay"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let twice = convenor
        .post(
            &format!("/convenor/dialogues/{dialogue}/constituencies"),
            &[
                ("csrf", &csrf),
                ("name", "Carer"),
                ("expected_share", ""),
                ("kind", ""),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(twice.body.contains("already has a constituency named"));

    let statements = convenor
        .post(
            &format!("/convenor/dialogues/{dialogue}/statements"),
            &[("csrf", &csrf), ("statements", "Two\nThree\nFour")],
        )
        .await;
    assert_eq!(statements.status, StatusCode::SEE_OTHER);
    let page = convenor.get(statements.location()).await;
    assert!(
        page.body
            .contains("2 statements added; 1 were already in the dialogue"),
        "{}",
        page.body
    );

    let mut stranger = Browser::new(&router);
    // The public is told who can read the report and how to ask, not sent to sign in.
    let report = stranger.get(&format!("/d/{dialogue}/report")).await;
    assert_eq!(report.status, StatusCode::FORBIDDEN);
    assert!(report.body.contains("is private"), "{}", report.body);
    assert!(report.body.contains("&#x2f;login?next="));
    let events = stranger.get(&format!("/d/{dialogue}/report/events")).await;
    assert_eq!(events.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        convenor.get(&format!("/d/{dialogue}/report")).await.status,
        StatusCode::OK
    );
    let join = stranger.get(&format!("/d/{dialogue}")).await;
    assert!(!join.body.contains("See the results so far"));
}
