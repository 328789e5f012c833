//! Fuzzed request bodies: arbitrary bytes, arbitrary JSON, objects with the right keys and the
//! wrong types, huge strings and numbers, NUL and other control characters, invalid UTF-8 and
//! wrong content types, sent to every route that reads a body, as the role allowed to use it.
//!
//! No answer may be a 5xx. Every refusal must say what was wrong: the API's
//! `{"error": {"code", "message"}}` with a code from its table and that code's status, or, for
//! the web forms, a page with an alert. A refused request must leave the database as it was.
//!
//! Each route runs 64 cases, or `PROPTEST_CASES` when that is set.

use std::future::Future;

use model::{DialogueId, PartnershipId};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError, TestRunner};
use reqwest::header::{CONTENT_TYPE, COOKIE};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use server::config::Config;
use server::error::ErrorCode;
use server::rate_limit::RateLimit;
use store::StatementFilter;

use crate::support::{
    CONVENOR_EMAIL, CONVENOR_PASSWORD, Participant, TestApp, seed_convenor, spawn_app_on,
};

/// Cases per route unless `PROPTEST_CASES` says otherwise: enough to reach every kind of
/// body, few enough that the suite stays quick.
const DEFAULT_CASES: u32 = 64;

// ---------------------------------------------------------------------------------------------
// The server under test.

/// A limit no test reaches, so that rate limits never stand between a body and its parser.
fn unlimited() -> RateLimit {
    RateLimit {
        burst: 1_000_000,
        per_minute: 1_000_000,
    }
}

/// A running server with a convenor signed in, one standard dialogue and one participant.
struct Fixture {
    app: TestApp,
    /// The convenor's browser: keeps the session cookie and follows no redirect, so that each
    /// answer is the route's own.
    convenor: reqwest::Client,
    /// Anyone else: no cookies, no redirects.
    anonymous: reqwest::Client,
    /// The SQLite database's folder, or nothing on PostgreSQL.
    _data_dir: Option<tempfile::TempDir>,
    /// The PostgreSQL database made for this fixture, dropped with it.
    postgres_database: Option<String>,
    partnership: i64,
    dialogue: i64,
    statements: Vec<i64>,
    participant: Participant,
    /// The form token of the convenor's session.
    convenor_csrf: String,
    /// Runs the server; dropped last, after everything that talks to it.
    runtime: tokio::runtime::Runtime,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime")
}

impl Fixture {
    /// Starts a server on a new SQLite file.
    fn new() -> Fixture {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let database = format!("sqlite:{}", data_dir.path().join("fuzz.db").display());
        Fixture::start(runtime(), database, Some(data_dir), None)
    }

    /// Starts a server on a new database of the PostgreSQL server named by `TEST_PG_URL`, or
    /// returns `None` (after saying so) when there is none and `CI` is not set.
    fn on_postgresql() -> Option<Fixture> {
        let runtime = runtime();
        let database = runtime.block_on(crate::postgres::fresh_database())?;
        Some(Fixture::start(
            runtime,
            database.clone(),
            None,
            Some(database),
        ))
    }

    fn start(
        runtime: tokio::runtime::Runtime,
        database: String,
        data_dir: Option<tempfile::TempDir>,
        postgres_database: Option<String>,
    ) -> Fixture {
        let convenor = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a client");
        let anonymous = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a client");
        let (app, dialogue, statements, participant, convenor_csrf) = runtime.block_on(async {
            let app = spawn_app_on(Config {
                database,
                analysis_enabled: false,
                vote_rate: unlimited(),
                statement_rate: unlimited(),
                max_statements_per_participant: 1_000_000,
                address_vote_rate: unlimited(),
                address_statement_rate: unlimited(),
                address_join_rate: unlimited(),
                login_address_rate: unlimited(),
                login_failure_rate: unlimited(),
                ..Config::for_tests()
            })
            .await;
            seed_convenor(&app).await;
            app.login_as_convenor().await;
            let dialogue = app.create_standard_dialogue().await;
            let page = app.list_statements(dialogue, "").await;
            let statements: Vec<i64> = page.body["statements"]
                .as_array()
                .expect("a statement list")
                .iter()
                .map(|statement| statement["id"].as_i64().expect("an id"))
                .collect();
            let participant = app.join(dialogue, &["resident"]).await;
            let signed_in = convenor
                .post(app.url("/api/session"))
                .json(&serde_json::json!({"email": CONVENOR_EMAIL, "password": CONVENOR_PASSWORD}))
                .send()
                .await
                .expect("signing in");
            assert_eq!(signed_in.status(), StatusCode::OK);
            let dashboard = convenor
                .get(app.url("/convenor"))
                .send()
                .await
                .expect("the dashboard");
            let convenor_csrf = hidden_field(&dashboard.bytes().await.expect("a page"), "csrf");
            (app, dialogue, statements, participant, convenor_csrf)
        });
        let partnership = runtime
            .block_on(app.state.store().list_partnerships())
            .expect("partnerships")[0]
            .id
            .get();
        Fixture {
            app,
            convenor,
            anonymous,
            _data_dir: data_dir,
            postgres_database,
            partnership,
            dialogue,
            statements,
            participant,
            convenor_csrf,
            runtime,
        }
    }

    fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// Everything a refused request must leave as it was, read straight from the store: every
    /// convenor, partnership and dialogue record, and the fixture's partnership and dialogue in
    /// full, since every route fuzzed here names one of them.
    ///
    /// Dialogues and partnerships that earlier cases created are compared by their records
    /// only, so that the cost of a case does not grow with the cases before it.
    async fn world(&self) -> String {
        let store = self.app.state.store();
        let partnership = PartnershipId(self.partnership);
        let dialogue = DialogueId(self.dialogue);
        let mut world = format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n",
            store.list_convenors().await.expect("convenors"),
            store
                .list_convenor_invitations(partnership)
                .await
                .expect("convenor invitations"),
            store.list_partnerships().await.expect("partnerships"),
            store.list_partners(partnership).await.expect("partners"),
            store
                .list_partnership_members(partnership)
                .await
                .expect("members"),
            store.list_dialogues(partnership).await.expect("dialogues"),
        );
        for partner in store.list_partners(partnership).await.expect("partners") {
            world.push_str(&format!(
                "{:?}\n{:?}\n",
                store
                    .list_invitations(partner.id)
                    .await
                    .expect("invitations"),
                store
                    .list_representatives(partner.id)
                    .await
                    .expect("representatives"),
            ));
        }
        world.push_str(&format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n",
            store.dialogue_revision(dialogue).await.expect("revision"),
            store.count_votes(dialogue).await.expect("vote counts"),
            store
                .count_statements(dialogue)
                .await
                .expect("statement counts"),
            store.list_memberships(dialogue).await.expect("memberships"),
            store.latest_votes(dialogue).await.expect("votes"),
        ));
        let (record, head) = store.read_record(partnership).await.expect("the record");
        world.push_str(&format!("{} entries, head {head:?}\n", record.len()));
        let publication = store
            .publication(partnership)
            .await
            .expect("the publication");
        world.push_str(&format!("{publication:?}\n"));
        let mut after = None;
        loop {
            let filter = StatementFilter {
                after,
                limit: Some(StatementFilter::MAX_LIMIT),
                ..StatementFilter::default()
            };
            let page = store
                .list_statements(dialogue, &filter)
                .await
                .expect("statements");
            world.push_str(&format!("{:?}\n", page.statements));
            match page.next_after {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        for list in store
            .list_priority_lists(partnership)
            .await
            .expect("priority lists")
        {
            world.push_str(&format!(
                "{list:?}\n{:?}\n{:?}\n{:?}\n",
                store.list_priority_options(list.id).await.expect("options"),
                store.list_comparisons(list.id).await.expect("comparisons"),
                store
                    .list_priority_participants(list.id)
                    .await
                    .expect("list participants"),
            ));
        }
        for wave in store
            .list_trust_waves(partnership)
            .await
            .expect("trust waves")
        {
            world.push_str(&format!(
                "{wave:?}\n{:?}\n",
                store
                    .list_trust_responses(wave.id)
                    .await
                    .expect("trust responses"),
            ));
        }
        for map in store
            .list_system_maps(partnership)
            .await
            .expect("system maps")
        {
            world.push_str(&format!(
                "{map:?}\n{:?}\n{:?}\n{:?}\n{:?}\n",
                store.list_map_factors(map.id).await.expect("factors"),
                store.list_map_links(map.id).await.expect("links"),
                store.list_map_judgments(map.id).await.expect("judgments"),
                store.list_map_pins(map.id).await.expect("pins"),
            ));
        }
        world
    }
}

/// Returns the value of the first hidden field with this name in a page.
fn hidden_field(page: &[u8], name: &str) -> String {
    let page = String::from_utf8_lossy(page);
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).expect("the page has the field") + marker.len();
    let end = page[start..].find('"').expect("the value ends") + start;
    page[start..end].to_owned()
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(database) = &self.postgres_database {
            crate::postgres::drop_database(database);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Requests and the checks on their answers.

/// Who sends a request.
#[derive(Clone, Copy, Debug)]
enum Role {
    /// Nobody in particular: no cookie, no token.
    Anonymous,
    /// The signed-in convenor of the dialogue's partnership (the session cookie).
    Convenor,
    /// The fixture's participant, with their bearer token.
    Participant,
    /// The fixture's participant on the web pages, with their cookie.
    ParticipantPage,
}

/// A request body and the content type it is sent with (`None`: no content type at all).
#[derive(Clone, Debug)]
struct Body {
    content_type: Option<&'static str>,
    bytes: Vec<u8>,
}

/// What came back.
struct Answer {
    status: StatusCode,
    content_type: String,
    bytes: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        let text = String::from_utf8_lossy(&self.bytes);
        text.chars().take(600).collect()
    }
}

async fn send(
    fixture: &Fixture,
    method: &Method,
    path: &str,
    role: Role,
    participant: &Participant,
    body: &Body,
) -> Answer {
    let client = match role {
        Role::Convenor => &fixture.convenor,
        Role::Anonymous | Role::Participant | Role::ParticipantPage => &fixture.anonymous,
    };
    let mut request = client
        .request(method.clone(), fixture.app.url(path))
        .body(body.bytes.clone());
    if let Some(content_type) = body.content_type {
        request = request.header(CONTENT_TYPE, content_type);
    }
    match role {
        Role::Participant => request = request.bearer_auth(&participant.token),
        Role::ParticipantPage => {
            let name = server::auth::participant_cookie_name(DialogueId(fixture.dialogue));
            request = request.header(COOKIE, format!("{name}={}", participant.token));
        }
        Role::Anonymous | Role::Convenor => {}
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = response.bytes().await.expect("a body").to_vec();
    Answer {
        status,
        content_type,
        bytes,
    }
}

/// Checks an answer of the JSON API.
fn check_api_answer(answer: &Answer, before: &str, after: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        !answer.status.is_server_error(),
        "{}: {}",
        answer.status,
        answer.text()
    );
    if answer.status.is_client_error() {
        let body: Value = serde_json::from_slice(&answer.bytes).map_err(|error| {
            TestCaseError::fail(format!(
                "{}: the error is not JSON ({error}): {}",
                answer.status,
                answer.text()
            ))
        })?;
        let code = body["error"]["code"].as_str().unwrap_or_default();
        let message = body["error"]["message"].as_str().unwrap_or_default();
        prop_assert!(!message.trim().is_empty(), "no message: {}", answer.text());
        let known = ErrorCode::ALL.iter().find(|known| known.as_str() == code);
        prop_assert!(
            known.is_some_and(|known| known.status() == answer.status),
            "{} with code {:?}, which the error table does not give that status",
            answer.status,
            code
        );
        prop_assert!(
            before == after,
            "a refused request ({}, {}) changed the data",
            answer.status,
            code
        );
    } else {
        prop_assert!(
            answer.bytes.is_empty() || serde_json::from_slice::<Value>(&answer.bytes).is_ok(),
            "{} with a body that is not JSON: {}",
            answer.status,
            answer.text()
        );
    }
    Ok(())
}

/// Checks an answer of a web form: an error is a page that says what went wrong.
fn check_page_answer(answer: &Answer, before: &str, after: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        !answer.status.is_server_error(),
        "{}: {}",
        answer.status,
        answer.text()
    );
    if answer.status.is_client_error() {
        prop_assert!(
            answer.content_type.starts_with("text/html"),
            "{} answered with {:?}: {}",
            answer.status,
            answer.content_type,
            answer.text()
        );
        let page = String::from_utf8_lossy(&answer.bytes);
        prop_assert!(
            page.contains("role=\"alert\""),
            "{}: the page does not say what went wrong: {}",
            answer.status,
            answer.text()
        );
        prop_assert!(
            before == after,
            "a refused form ({}) changed the data",
            answer.status
        );
    }
    Ok(())
}

/// Runs `test` on cases drawn from `strategy`, and fails with the smallest failing case.
fn run_cases<S: Strategy>(strategy: &S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    });
    if let Err(failure) = runner.run(strategy, test) {
        panic!("{failure}");
    }
}

// ---------------------------------------------------------------------------------------------
// JSON values, written as text so that they can hold what `serde_json::Value` cannot.

/// A JSON value as text, or an array or object of them.
#[derive(Clone, Debug)]
enum Json {
    Raw(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn render(&self, out: &mut String) {
        match self {
            Json::Raw(text) => out.push_str(text),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    item.render(out);
                }
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (index, (key, value)) in fields.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    out.push_str(&quoted(key));
                    out.push(':');
                    value.render(out);
                }
                out.push('}');
            }
        }
    }

    fn to_text(&self) -> String {
        let mut out = String::new();
        self.render(&mut out);
        out
    }
}

/// Returns the text as a JSON string literal; control characters become `\u` escapes.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

fn raw(texts: &[&str]) -> BoxedStrategy<Json> {
    let texts: Vec<Json> = texts
        .iter()
        .map(|text| Json::Raw((*text).to_owned()))
        .collect();
    select(texts).boxed()
}

fn strings(texts: &[&str]) -> BoxedStrategy<Json> {
    let texts: Vec<Json> = texts.iter().map(|text| Json::Raw(quoted(text))).collect();
    select(texts).boxed()
}

/// Numbers at and beyond every edge: negative, zero, fractions, past 32 and 64 bits, past f64.
fn numbers() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec![
            "0", "-0", "1", "-1", "2", "-2", "1.5", "-1.5e3", "1e400", "-1e400", "1e-400",
            "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "340282366920938463463374607431768211456", "0.1e1", "1E2",
        ])
        .prop_map(str::to_owned),
        2 => any::<i64>().prop_map(|number| number.to_string()),
        1 => any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |number| number.is_finite())
            .prop_map(|number| format!("{number:e}")),
        1 => "-?[1-9][0-9]{19,400}",
    ]
    .boxed()
}

/// The product's words, formulas, control characters, odd Unicode and huge texts.
fn texts() -> BoxedStrategy<String> {
    let odd_char = prop_oneof![
        3 => any::<char>(),
        2 => (0u8..0x20).prop_map(char::from),
        1 => select(vec!['\u{7f}', '\u{85}', '\u{2028}', '\u{feff}', '\u{202e}', '\u{fffd}', '"', '\\', '\'']),
    ];
    prop_oneof![
        10 => select(vec![
            "agree", "disagree", "pass", "accepted", "rejected", "pending", "pre", "post",
            "public", "convenors", "lay", "professional", "resident", "GP", "", " ",
            "More benches", "accept", "reject", "on",
        ])
        .prop_map(str::to_owned),
        9 => select(vec![
            "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1",
            "<script>alert(1)</script>", "'; DROP TABLE votes; --", "../../etc/passwd", "%00",
            "\u{0}", "a\u{0}b", "\u{1b}[2J",
        ])
        .prop_map(str::to_owned),
        10 => "\\PC{0,40}",
        10 => proptest::collection::vec(odd_char, 0..40).prop_map(String::from_iter),
        // One case in forty is huge, mostly beyond the body limit.
        1 => (any::<char>(), 1..100_000usize).prop_map(|(c, count)| c.to_string().repeat(count)),
    ]
    .boxed()
}

/// Any JSON scalar, including string escapes that are not valid JSON.
fn json_scalar() -> BoxedStrategy<Json> {
    prop_oneof![
        1 => raw(&["null", "true", "false"]),
        2 => numbers().prop_map(Json::Raw),
        3 => texts().prop_map(|text| Json::Raw(quoted(&text))),
        1 => raw(&["\"\\ud800\"", "\"\\udc00x\"", "\"\\u00\"", "\"\\x41\"", "\"unclosed", "01", "+1", "NaN", ".5"]),
    ]
    .boxed()
}

/// Any JSON value up to a few levels deep, with keys the routes use among the others.
fn json_tree(keys: &[&'static str]) -> BoxedStrategy<Json> {
    let mut key_names: Vec<String> = keys.iter().map(|key| (*key).to_owned()).collect();
    key_names.push(String::new());
    let key = prop_oneof![3 => select(key_names), 1 => texts()];
    json_scalar()
        .prop_recursive(3, 24, 5, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Json::Array),
                proptest::collection::vec((key.clone(), inner), 0..5).prop_map(Json::Object),
            ]
        })
        .boxed()
}

/// One key of a route's body, with the values it may hold when the body is right.
struct Field {
    key: &'static str,
    good: BoxedStrategy<Json>,
}

/// A key whose good values are mostly `valid` and sometimes well-typed ones the route must
/// refuse.
fn field(key: &'static str, valid: BoxedStrategy<Json>, refused: BoxedStrategy<Json>) -> Field {
    Field {
        key,
        good: prop_oneof![4 => valid, 1 => refused].boxed(),
    }
}

fn fresh_json_text() -> BoxedStrategy<Json> {
    fresh_text()
        .prop_map(|text| Json::Raw(quoted(&text)))
        .boxed()
}

/// Bodies for a JSON route: mostly objects with the route's keys holding good values or
/// anything at all, besides arbitrary bytes, arbitrary JSON, invalid UTF-8 inside a string and
/// wrong content types.
fn json_bodies(fields: &[Field]) -> BoxedStrategy<Body> {
    const JSON: Option<&str> = Some("application/json");
    let keys: Vec<&'static str> = fields.iter().map(|field| field.key).collect();
    let tree = json_tree(&keys);
    // Each key is left out now and then; its value is a good one or, in mixed bodies, often
    // anything at all.
    let members = |is_mixed: bool| -> Vec<BoxedStrategy<Option<(String, Json)>>> {
        fields
            .iter()
            .map(|field| {
                let value = if is_mixed {
                    prop_oneof![3 => field.good.clone(), 2 => tree.clone()].boxed()
                } else {
                    field.good.clone()
                };
                let key = field.key;
                proptest::option::weighted(0.85, value)
                    .prop_map(move |value| value.map(|value| (key.to_owned(), value)))
                    .boxed()
            })
            .collect()
    };
    let object = |fields: Vec<Option<(String, Json)>>, extra: Option<(String, Json)>| {
        let mut fields: Vec<(String, Json)> = fields.into_iter().flatten().collect();
        fields.extend(extra);
        Json::Object(fields).to_text().into_bytes()
    };
    let good = members(false).prop_map(move |fields| object(fields, None));
    let mixed = (
        members(true),
        proptest::option::weighted(0.1, (texts(), json_scalar())),
    )
        .prop_map(move |(fields, extra)| object(fields, extra));
    let shaped = prop_oneof![good, mixed].boxed();
    let content_types = select(vec![
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/json; charset=utf-8"),
        Some("application/vnd.api+json"),
        Some("APPLICATION/JSON"),
        Some("application/jsonx"),
    ]);
    Union::new_weighted(vec![
        (
            8,
            shaped
                .clone()
                .prop_map(|bytes| Body {
                    content_type: JSON,
                    bytes,
                })
                .boxed(),
        ),
        (
            2,
            proptest::collection::vec(any::<u8>(), 0..1024)
                .prop_map(|bytes| Body {
                    content_type: JSON,
                    bytes,
                })
                .boxed(),
        ),
        (
            2,
            tree.prop_map(|json| Body {
                content_type: JSON,
                bytes: json.to_text().into_bytes(),
            })
            .boxed(),
        ),
        (
            1,
            (
                shaped.clone(),
                any::<proptest::sample::Index>(),
                select(vec![
                    &b"\xff\xfe"[..],
                    b"\xc3\x28",
                    b"\xed\xa0\x80",
                    b"\xf4\x90\x80\x80",
                ]),
            )
                .prop_map(|(mut bytes, at, invalid)| {
                    // Inside the first string, where the JSON parser must notice it.
                    let position = bytes
                        .iter()
                        .position(|&byte| byte == b'"')
                        .map_or_else(|| at.index(bytes.len() + 1), |quote| quote + 1);
                    bytes.splice(position..position, invalid.iter().copied());
                    Body {
                        content_type: JSON,
                        bytes,
                    }
                })
                .boxed(),
        ),
        (
            2,
            (shaped, content_types)
                .prop_map(|(bytes, content_type)| Body {
                    content_type,
                    bytes,
                })
                .boxed(),
        ),
    ])
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// Form bodies for the web pages.

/// Whether a form carries the right form token.
#[derive(Clone, Debug)]
enum Token {
    Right,
    Wrong(String),
    Absent,
}

/// A form before its token is known: (name, value) pairs in order.
#[derive(Clone, Debug)]
enum Form {
    /// URL-encoded pairs.
    Pairs(Token, Vec<(String, String)>, Option<&'static str>),
    /// `multipart/form-data` parts, with the boundary the content type names.
    Multipart(Token, Vec<(String, String)>, String, String),
    /// Raw bytes with a content type.
    Raw(Option<&'static str>, Vec<u8>),
}

/// Percent-encodes every byte that is not alphanumeric.
fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

impl Form {
    /// Returns the body with `token` in place of a right token.
    fn body(&self, token: &str) -> Body {
        let with_token = |choice: &Token, pairs: &[(String, String)]| {
            let mut all: Vec<(String, String)> = match choice {
                Token::Right => vec![("csrf".to_owned(), token.to_owned())],
                Token::Wrong(wrong) => vec![("csrf".to_owned(), wrong.clone())],
                Token::Absent => Vec::new(),
            };
            all.extend(pairs.iter().cloned());
            all
        };
        match self {
            Form::Pairs(choice, pairs, content_type) => {
                let text = with_token(choice, pairs)
                    .iter()
                    .map(|(name, value)| format!("{}={}", form_encode(name), form_encode(value)))
                    .collect::<Vec<_>>()
                    .join("&");
                Body {
                    content_type: *content_type,
                    bytes: text.into_bytes(),
                }
            }
            Form::Multipart(choice, pairs, named, used) => {
                let mut bytes = Vec::new();
                for (name, value) in with_token(choice, pairs) {
                    bytes.extend_from_slice(
                        format!(
                            "--{used}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                        )
                        .as_bytes(),
                    );
                }
                bytes.extend_from_slice(format!("--{used}--\r\n").as_bytes());
                let content_type: &'static str = match named.as_str() {
                    "" => "multipart/form-data",
                    "x" => "multipart/form-data; boundary=x",
                    _ => "multipart/form-data; boundary=\"XyZ\"",
                };
                Body {
                    content_type: Some(content_type),
                    bytes,
                }
            }
            Form::Raw(content_type, bytes) => Body {
                content_type: *content_type,
                bytes: bytes.clone(),
            },
        }
    }
}

/// One field of a form, with the values it may hold when the form is right.
struct FormField {
    name: &'static str,
    good: BoxedStrategy<String>,
}

/// A form field whose good values are mostly `valid` and sometimes ones the page must refuse.
fn form_field(name: &'static str, valid: BoxedStrategy<String>, refused: &[&str]) -> FormField {
    FormField {
        name,
        good: prop_oneof![4 => valid, 1 => pick(refused)].boxed(),
    }
}

fn pick(texts: &[&str]) -> BoxedStrategy<String> {
    select(owned(texts)).boxed()
}

/// New, valid text for names and statements, so that a good body is not refused as a
/// duplicate of the one before.
fn fresh_text() -> BoxedStrategy<String> {
    proptest::string::string_regex("[A-Z][a-z]{2,10}( [a-z]{2,10}){1,5}")
        .expect("a valid pattern")
        .boxed()
}

fn owned(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| (*text).to_owned()).collect()
}

/// Forms for a page: mostly the page's fields (some repeated, some missing) holding good
/// values or any text, with the right token, a wrong one or none; besides multipart bodies,
/// raw bytes, broken escapes and other content types.
fn forms(fields: &[FormField]) -> BoxedStrategy<Form> {
    let names: Vec<String> = fields.iter().map(|field| field.name.to_owned()).collect();
    // Good forms send each field once with a good value; mixed ones leave fields out, repeat
    // them, fill them with anything and add fields of their own.
    let pairs = |is_mixed: bool| -> Vec<BoxedStrategy<Vec<(String, String)>>> {
        fields
            .iter()
            .map(|field| {
                let name = field.name;
                let (value, count) = if is_mixed {
                    (
                        prop_oneof![3 => field.good.clone(), 2 => texts()].boxed(),
                        0..3,
                    )
                } else {
                    (field.good.clone(), 1..2)
                };
                proptest::collection::vec(value, count)
                    .prop_map(move |values| {
                        values
                            .into_iter()
                            .map(|value| (name.to_owned(), value))
                            .collect()
                    })
                    .boxed()
            })
            .collect()
    };
    let good = pairs(false)
        .prop_map(|pairs| pairs.into_iter().flatten().collect::<Vec<_>>())
        .boxed();
    let mixed = (
        pairs(true),
        proptest::collection::vec((texts(), texts()), 0..2),
    )
        .prop_map(|(pairs, extra)| {
            let mut all: Vec<(String, String)> = pairs.into_iter().flatten().collect();
            all.extend(extra);
            all
        })
        .boxed();
    let fields = prop_oneof![good, mixed];
    let token = prop_oneof![
        8 => Just(Token::Right),
        1 => texts().prop_map(Token::Wrong),
        1 => Just(Token::Absent),
    ];
    let form_type = prop_oneof![
        8 => select(vec![
            Some("application/x-www-form-urlencoded"),
            Some("application/x-www-form-urlencoded; charset=UTF-8"),
            None,
        ]),
        1 => select(vec![Some("application/json"), Some("text/plain")]),
    ];
    let boundary = select(vec![
        (String::new(), "x".to_owned()),
        ("x".to_owned(), "x".to_owned()),
        ("XyZ".to_owned(), "XyZ".to_owned()),
        ("x".to_owned(), "other".to_owned()),
    ]);
    let url_encoded = Some("application/x-www-form-urlencoded");
    prop_oneof![
        8 => (token.clone(), fields.clone(), form_type)
            .prop_map(|(token, pairs, content_type)| Form::Pairs(token, pairs, content_type)),
        2 => (token, fields, boundary)
            .prop_map(|(token, pairs, (named, used))| Form::Multipart(token, pairs, named, used)),
        1 => proptest::collection::vec(any::<u8>(), 0..1024)
            .prop_map(move |bytes| Form::Raw(url_encoded, bytes)),
        1 => (select(names), select(vec!["%", "%zz", "%4", "%ff", "%C3%28", "%00", "%ED%A0%80", "&&=&", "=", "a=b=c"]))
            .prop_map(move |(name, value)| Form::Raw(url_encoded, format!("{name}={value}").into_bytes())),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// The harness.

/// Sends every case of `bodies` to the route and checks each answer with `check`.
fn fuzz_route(
    fixture: &Fixture,
    method: &Method,
    path: &str,
    role: Role,
    bodies: &BoxedStrategy<Body>,
    check: fn(&Answer, &str, &str) -> Result<(), TestCaseError>,
) {
    run_cases(bodies, |body| {
        fixture.block_on(async {
            let before = fixture.world().await;
            let answer = send(fixture, method, path, role, &fixture.participant, &body).await;
            let after = fixture.world().await;
            check(&answer, &before, &after)
        })
    });
}

/// Sends every form of `forms` to a convenor's page, with the session's token where the form
/// carries the right one.
fn fuzz_convenor_page(fixture: &Fixture, path: &str, fields: &[FormField]) {
    let token = fixture.convenor_csrf.clone();
    let bodies = forms(fields)
        .prop_map(move |form| form.body(&token))
        .boxed();
    fuzz_route(
        fixture,
        &Method::POST,
        path,
        Role::Convenor,
        &bodies,
        check_page_answer,
    );
}

/// Sends every form of `forms` to a participant's page; the token is the one the page gave
/// the participant, where the page has one.
fn fuzz_participant_page(fixture: &Fixture, path: &str, fields: &[FormField]) {
    let bodies = forms(fields).prop_map(|form| form.body("")).boxed();
    fuzz_route(
        fixture,
        &Method::POST,
        path,
        Role::ParticipantPage,
        &bodies,
        check_page_answer,
    );
}

fn statuses() -> BoxedStrategy<Json> {
    strings(&["accepted", "rejected", "pending"])
}

fn wrong_statuses() -> BoxedStrategy<Json> {
    strings(&["Accepted", "approved", ""])
}

// ---------------------------------------------------------------------------------------------
// The JSON API.

fn fuzz_sign_in_bodies(fixture: &Fixture) {
    let bodies = json_bodies(&[
        field(
            "email",
            strings(&[CONVENOR_EMAIL, "CONVENOR@example.org"]),
            strings(&["x@y", "", "@", "a@b@c"]),
        ),
        field(
            "password",
            strings(&[CONVENOR_PASSWORD]),
            strings(&["wrong password", "", &"p".repeat(2000)]),
        ),
    ]);
    fuzz_route(
        fixture,
        &Method::POST,
        "/api/session",
        Role::Anonymous,
        &bodies,
        check_api_answer,
    );
}

fn dialogue_fields(partnership: i64) -> Vec<Field> {
    let partnership = partnership.to_string();
    vec![
        field(
            "partnership_id",
            raw(&[partnership.as_str(), "null"]),
            raw(&["424242", "-1", "0"]),
        ),
        field(
            "title",
            fresh_json_text(),
            strings(&["", "  ", &"t".repeat(201)]),
        ),
        field(
            "question",
            fresh_json_text(),
            strings(&["", &"q".repeat(1001)]),
        ),
        field(
            "description",
            strings(&["", "Why we ask\n\nand how"]),
            strings(&[&"d".repeat(10_001)]),
        ),
        field(
            "constituencies",
            raw(&[
                "[]",
                "[{\"name\": \"carer\"}]",
                "[{\"name\": \"carer\", \"expected_share\": 0.5, \"kind\": \"lay\"}, {\"name\": \"GP\", \"kind\": \"professional\"}]",
            ]),
            raw(&[
                "[{\"name\": \"carer\", \"expected_share\": 1.5}]",
                "[{\"name\": \"carer\", \"expected_share\": -0.1}]",
                "[{\"name\": \"carer\", \"expected_share\": 1e400}]",
                "[{\"name\": \"a\"}, {\"name\": \"a\"}]",
                "[{\"name\": \"\"}]",
                "[{\"name\": \"x\", \"kind\": \"robot\"}]",
            ]),
        ),
        field(
            "statements",
            raw(&["[]", "[\"More benches\"]", "[\"One\", \"Two\"]"]),
            raw(&[
                "[\"Same\", \"same\"]",
                "[\"\"]",
                "[\"a\\u0000b\"]",
                "[null]",
            ]),
        ),
        field(
            "participant_statements",
            raw(&["true", "false"]),
            raw(&["null", "1"]),
        ),
        field(
            "moderation",
            strings(&["pre", "post"]),
            strings(&["none", "Pre"]),
        ),
        // Valid times keep the fixture's dialogue open: opened in the past, closing far ahead.
        field(
            "opens_at",
            strings(&["2020-01-01T09:00", "2020-01-01T09:00:00Z", ""]),
            raw(&["\"soon\"", "\"2027-02-30T09:00\"", "1", "[]"]),
        ),
        field(
            "closes_at",
            strings(&["2999-12-31T17:00:00+01:00", "2999-12-31T17:00"]),
            raw(&[
                "\"1 March\"",
                "\"2027-03-12T25:00\"",
                "\"2027-03-12T17:00+25:00\"",
                "true",
            ]),
        ),
    ]
}

fn fuzz_new_dialogue_bodies(fixture: &Fixture) {
    let bodies = json_bodies(&dialogue_fields(fixture.partnership));
    fuzz_route(
        fixture,
        &Method::POST,
        "/api/dialogues",
        Role::Convenor,
        &bodies,
        check_api_answer,
    );
}

fn fuzz_dialogue_settings_bodies(fixture: &Fixture) {
    let mut fields: Vec<Field> = dialogue_fields(fixture.partnership)
        .into_iter()
        .filter(|field| {
            [
                "title",
                "question",
                "description",
                "participant_statements",
                "moderation",
                "opens_at",
                "closes_at",
            ]
            .contains(&field.key)
        })
        .collect();
    fields.push(field(
        "report_visibility",
        strings(&["public", "convenors"]),
        strings(&["everyone"]),
    ));
    let bodies = json_bodies(&fields);
    let path = format!("/api/dialogues/{}", fixture.dialogue);
    fuzz_route(
        fixture,
        &Method::PATCH,
        &path,
        Role::Convenor,
        &bodies,
        check_api_answer,
    );
}

fn fuzz_join_bodies(fixture: &Fixture) {
    let bodies = json_bodies(&[field(
        "constituencies",
        raw(&["[]", "[\"resident\"]", "[\"GP\", \"resident\"]"]),
        raw(&[
            "[\"resident\", \"resident\"]",
            "[\"astronaut\"]",
            "[\"\"]",
            "null",
        ]),
    )]);
    let path = format!("/api/dialogues/{}/participants", fixture.dialogue);
    fuzz_route(
        fixture,
        &Method::POST,
        &path,
        Role::Anonymous,
        &bodies,
        check_api_answer,
    );
}

fn fuzz_vote_bodies(fixture: &Fixture) {
    let ids: Vec<String> = fixture.statements.iter().map(i64::to_string).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let bodies = json_bodies(&[
        field(
            "statement_id",
            raw(&ids),
            raw(&["0", "-1", "999999", "9223372036854775807"]),
        ),
        field(
            "vote",
            strings(&["agree", "disagree", "pass"]),
            strings(&["Agree", "1", "-1"]),
        ),
        field(
            "idempotency_key",
            fresh_json_text(),
            strings(&["", &"k".repeat(129)]),
        ),
    ]);
    let path = format!("/api/dialogues/{}/votes", fixture.dialogue);
    fuzz_route(
        fixture,
        &Method::POST,
        &path,
        Role::Participant,
        &bodies,
        check_api_answer,
    );
}

fn fuzz_statement_bodies(fixture: &Fixture) {
    let bodies = json_bodies(&[field(
        "text",
        fresh_json_text(),
        strings(&["More benches", "", &"s".repeat(281), "a\u{0}b", "\u{1b}[2J"]),
    )]);
    let path = format!("/api/dialogues/{}/statements", fixture.dialogue);
    fuzz_route(
        fixture,
        &Method::POST,
        &path,
        Role::Participant,
        &bodies,
        check_api_answer,
    );
}

fn fuzz_moderation_bodies(fixture: &Fixture) {
    let one = json_bodies(&[field("status", statuses(), wrong_statuses())]);
    let path = format!(
        "/api/dialogues/{}/statements/{}",
        fixture.dialogue, fixture.statements[0]
    );
    fuzz_route(
        fixture,
        &Method::PATCH,
        &path,
        Role::Convenor,
        &one,
        check_api_answer,
    );

    let ids: Vec<String> = fixture.statements.iter().map(i64::to_string).collect();
    let own = format!("[{}]", ids.join(","));
    let first = format!("[{}]", ids[0]);
    let foreign = format!("[{},999999]", ids[0]);
    let many_times = format!("[{}]", vec![ids[0].as_str(); 2000].join(","));
    let many = json_bodies(&[
        field(
            "statement_ids",
            raw(&[own.as_str(), first.as_str(), "[]"]),
            raw(&[foreign.as_str(), many_times.as_str(), "[-1]"]),
        ),
        field("status", statuses(), wrong_statuses()),
    ]);
    let path = format!("/api/dialogues/{}/moderation", fixture.dialogue);
    fuzz_route(
        fixture,
        &Method::POST,
        &path,
        Role::Convenor,
        &many,
        check_api_answer,
    );
}

// ---------------------------------------------------------------------------------------------
// The web forms.

fn fuzz_participant_page_forms(fixture: &Fixture) {
    let id = fixture.dialogue;
    let joins = forms(&[form_field(
        "constituency",
        pick(&["resident", "GP"]),
        &["astronaut", ""],
    )])
    .prop_map(|form| form.body(""))
    .boxed();
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/d/{id}/join"),
        Role::Anonymous,
        &joins,
        check_page_answer,
    );
    let ids: Vec<String> = fixture.statements.iter().map(i64::to_string).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    fuzz_participant_page(
        fixture,
        &format!("/d/{id}/vote"),
        &[
            form_field("statement_id", pick(&ids), &["0", "-1", "999999", "x"]),
            form_field("vote", pick(&["agree", "disagree", "pass"]), &["maybe", ""]),
        ],
    );
    fuzz_participant_page(
        fixture,
        &format!("/d/{id}/write"),
        &[form_field(
            "text",
            fresh_text(),
            &["More benches", "", &"w".repeat(281), "a\u{0}b"],
        )],
    );
}

fn fuzz_erasure_forms(fixture: &Fixture) {
    let id = fixture.dialogue;
    let path = format!("/d/{id}/me/erase");
    let bodies = forms(&[form_field("confirm", pick(&["yes"]), &["", "no"])]);
    // Each case erases, or fails to erase, a participant of its own who has voted.
    run_cases(&bodies, |form| {
        fixture.block_on(async {
            let participant = fixture.app.join(id, &["GP"]).await;
            fixture
                .app
                .vote(id, &participant, fixture.statements[0], "agree")
                .await;
            let name = server::auth::participant_cookie_name(DialogueId(id));
            let page = fixture
                .anonymous
                .get(fixture.app.url(&path))
                .header(COOKIE, format!("{name}={}", participant.token))
                .send()
                .await
                .expect("the erasure page");
            let token = hidden_field(&page.bytes().await.expect("a page"), "csrf");
            let body = form.body(&token);
            let before = fixture.world().await;
            let answer = send(
                fixture,
                &Method::POST,
                &path,
                Role::ParticipantPage,
                &participant,
                &body,
            )
            .await;
            let after = fixture.world().await;
            check_page_answer(&answer, &before, &after)
        })
    });
}

fn fuzz_sign_in_page_forms(fixture: &Fixture) {
    let bodies = forms(&[
        form_field("email", pick(&[CONVENOR_EMAIL]), &["x@y", ""]),
        form_field(
            "password",
            pick(&[CONVENOR_PASSWORD]),
            &["wrong password", ""],
        ),
        form_field(
            "next",
            pick(&["/convenor", "/d/1"]),
            &["//attacker.example", "https://attacker.example/", "/\\x"],
        ),
    ])
    .prop_map(|form| form.body(""))
    .boxed();
    fuzz_route(
        fixture,
        &Method::POST,
        "/login",
        Role::Anonymous,
        &bodies,
        check_page_answer,
    );
}

fn fuzz_partnership_page_forms(fixture: &Fixture) {
    let partnership = fixture.partnership;
    fuzz_convenor_page(
        fixture,
        "/convenor/partnerships",
        &[
            form_field("name", fresh_text(), &["", &"n".repeat(201)]),
            form_field("purpose", pick(&["", "Cleaner air"]), &[&"p".repeat(2001)]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/partners"),
        &[
            form_field("name", fresh_text(), &["", &"n".repeat(201)]),
            form_field(
                "sector",
                pick(&["health", "council", "voluntary", "other"]),
                &["space", ""],
            ),
        ],
    );
}

/// Returns a partner of the fixture's partnership, the one the partner routes are fuzzed on.
async fn fixture_partner(fixture: &Fixture) -> i64 {
    let store = fixture.app.state.store();
    let partnership = PartnershipId(fixture.partnership);
    if let Some(partner) = store
        .list_partners(partnership)
        .await
        .expect("partners")
        .first()
    {
        return partner.id.get();
    }
    store
        .create_partner(store::NewPartner {
            partnership,
            name: model::PartnerName::parse("Northvale Carers").expect("a name"),
            sector: model::Sector::Voluntary,
            created_at: 0,
        })
        .await
        .expect("a partner")
        .id
        .get()
}

/// The objects the objectives routes act on: the fixture's partner, which the fixture's
/// convenor also speaks for; an objective with the partners; an adopted objective; its action.
struct Settled {
    partner: i64,
    objective: i64,
    adopted: i64,
    action: i64,
}

async fn fixture_settled(fixture: &Fixture) -> Settled {
    use store::{NewAction, NewStance, NewVersion, Phase, StoredStance};
    let partner = model::PartnerId(fixture_partner(fixture).await);
    let store = fixture.app.state.store();
    let partnership = PartnershipId(fixture.partnership);
    let convenor = store
        .find_convenor_by_email(&model::Email::parse(CONVENOR_EMAIL).expect("an address"))
        .await
        .expect("the convenor")
        .expect("the convenor exists")
        .convenor
        .id;
    let now = fixture.app.state.now_ms();
    let represents = store
        .list_account_partners(convenor)
        .await
        .expect("partners")
        .iter()
        .any(|own| own.id == partner);
    if !represents {
        let (_, token) = store
            .create_invitation(store::NewInvitation {
                partner,
                email: None,
                created_by: convenor,
                created_at: now,
                expires_at: now + 86_400_000,
            })
            .await
            .expect("an invitation");
        store
            .accept_invitation(&token, store::AcceptInvitation::Existing(convenor), now)
            .await
            .expect("accepted");
    }
    let existing = store
        .list_objectives(partnership)
        .await
        .expect("objectives");
    if let [objective, adopted, ..] = existing.as_slice() {
        let action = store.list_actions(partnership).await.expect("actions")[0].id;
        return Settled {
            partner: partner.get(),
            objective: objective.id.0,
            adopted: adopted.id.0,
            action: action.0,
        };
    }
    let mut ids = Vec::new();
    for title in ["Evening clinics", "Warm spaces"] {
        let objective = store
            .create_objective(
                partnership,
                NewVersion {
                    title: title.to_owned(),
                    body: "Open in the evening.".to_owned(),
                    evidence: r#"{"version":1,"source":null}"#.to_owned(),
                    amends: None,
                    actor: convenor,
                    now,
                },
            )
            .await
            .expect("an objective");
        store
            .set_phase(objective.id, Phase::WithPartners, convenor, now)
            .await
            .expect("with the partners");
        ids.push(objective.id);
    }
    store
        .record_stance(NewStance {
            objective: ids[1],
            version: 1,
            partner,
            stance: Some(StoredStance::Endorse),
            reason: None,
            amendment: None,
            actor: convenor,
            now,
        })
        .await
        .expect("a stance");
    store
        .set_phase(ids[1], Phase::Decided, convenor, now)
        .await
        .expect("adopted");
    let action = store
        .create_action(NewAction {
            objective: ids[1],
            owner: partner,
            shared_with: Vec::new(),
            title: "Open the hall".to_owned(),
            lead_role: "Caretaker".to_owned(),
            due_on: None,
            status: "planned".to_owned(),
            actor: convenor,
            now,
        })
        .await
        .expect("an action");
    Settled {
        partner: partner.get(),
        objective: ids[0].0,
        adopted: ids[1].0,
        action: action.id.0,
    }
}

/// Hostile and oversized texts for the objectives routes' free text.
fn hostile_texts(max: usize) -> BoxedStrategy<Json> {
    strings(&[
        "",
        "   ",
        &"x".repeat(max + 1),
        "a\u{0}b",
        "\u{202e}gnp.exe",
        "\u{200b}\u{200b}",
        "\u{1b}[2J",
    ])
}

fn objective_fields(dialogue: i64) -> Vec<Field> {
    let dialogue = dialogue.to_string();
    vec![
        field("title", fresh_json_text(), hostile_texts(200)),
        field(
            "text",
            strings(&["Clinics open late", "Two lines\nof text"]),
            hostile_texts(5000),
        ),
        field(
            "dialogue_id",
            raw(&["null"]),
            raw(&[dialogue.as_str(), "424242", "-1", "\"1\""]),
        ),
        field(
            "statement_ids",
            raw(&["[]"]),
            raw(&[
                "[1]",
                "[-1]",
                "[4294967296]",
                "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21]",
            ]),
        ),
    ]
}

fn fuzz_settlement_bodies(fixture: &Fixture) {
    let settled = fixture.block_on(fixture_settled(fixture));
    let partnership = fixture.partnership;
    let partner = settled.partner.to_string();
    let mut amend_fields = objective_fields(fixture.dialogue);
    amend_fields.push(field(
        "amends",
        raw(&["null"]),
        raw(&["999999", "-1", "\"x\""]),
    ));
    let routes = [
        (
            Method::PUT,
            format!("/api/partnerships/{partnership}/decision-rule"),
            vec![
                field(
                    "rule",
                    strings(&["consent", "unanimity"]),
                    strings(&["majority", "", "Consent"]),
                ),
                field(
                    "quorum_percent",
                    raw(&["50", "1", "100", "null"]),
                    raw(&["0", "101", "-5", "1.5", "99999999999999999999"]),
                ),
            ],
        ),
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/objectives"),
            objective_fields(fixture.dialogue),
        ),
        (
            Method::POST,
            format!("/api/objectives/{}/versions", settled.objective),
            amend_fields,
        ),
        (
            Method::PUT,
            format!(
                "/api/objectives/{}/versions/1/translations/cy",
                settled.objective
            ),
            vec![
                field("title", fresh_json_text(), hostile_texts(200)),
                field(
                    "text",
                    strings(&["Meinciau ym mhob parc"]),
                    hostile_texts(5000),
                ),
            ],
        ),
        (
            Method::PUT,
            format!("/api/objectives/{}/language", settled.objective),
            vec![field(
                "language",
                strings(&["en", "cy"]),
                strings(&["", "xx", "\u{0}"]),
            )],
        ),
        (
            Method::POST,
            format!("/api/objectives/{}/stances", settled.objective),
            vec![
                field(
                    "partner_id",
                    raw(&[partner.as_str()]),
                    raw(&["424242", "-1", "null"]),
                ),
                field("version", raw(&["1", "2"]), raw(&["0", "-1", "4294967296"])),
                field(
                    "stance",
                    strings(&["endorse", "endorse_with_reservations", "object"]),
                    strings(&["Endorse", "abstain", ""]),
                ),
                field(
                    "reason",
                    strings(&["", "Funding is not agreed"]),
                    hostile_texts(2000),
                ),
                field(
                    "amendment",
                    strings(&["", "Name the clinics"]),
                    hostile_texts(5000),
                ),
            ],
        ),
        (
            Method::POST,
            format!("/api/objectives/{}/actions", settled.adopted),
            vec![
                field(
                    "owner_partner_id",
                    raw(&[partner.as_str()]),
                    raw(&["424242", "-1"]),
                ),
                field(
                    "shared_with",
                    raw(&["[]"]),
                    raw(&["[424242]", "[-1]", "[null]"]),
                ),
                field("title", fresh_json_text(), hostile_texts(300)),
                field(
                    "lead_role",
                    strings(&["Head of primary care"]),
                    hostile_texts(200),
                ),
                field(
                    "due_on",
                    strings(&["2027-03-31", "2028-02-29"]),
                    strings(&[
                        "2027-02-29",
                        "31/03/2027",
                        "2027-3-31",
                        "",
                        "1969-12-31",
                        "2027-13-01",
                    ]),
                ),
                field(
                    "status",
                    strings(&["planned", "in_progress", "done", "blocked", "dropped"]),
                    strings(&["late", "Done"]),
                ),
            ],
        ),
        (
            Method::POST,
            format!("/api/actions/{}/notes", settled.action),
            vec![
                field(
                    "status",
                    strings(&["in_progress", "blocked"]),
                    strings(&["finished", "DONE"]),
                ),
                field("note", fresh_json_text(), hostile_texts(2000)),
            ],
        ),
    ];
    for (method, path, fields) in routes {
        fuzz_route(
            fixture,
            &method,
            &path,
            Role::Convenor,
            &json_bodies(&fields),
            check_api_answer,
        );
    }
}

/// The priority list the priorities routes act on: two convenor's options, a participant's
/// option to moderate and a participant of the list.
struct Listed {
    list: i64,
    options: [i64; 2],
    added: i64,
    participant: Participant,
}

async fn fixture_listed(fixture: &Fixture) -> Listed {
    let partnership = fixture.partnership;
    let created = fixture
        .convenor
        .post(
            fixture
                .app
                .url(&format!("/api/partnerships/{partnership}/priority-lists")),
        )
        .json(&serde_json::json!({
            "title": "First steps",
            "question": "Which should the partnership do first?",
            "dialogue_id": fixture.dialogue,
            "constituencies": [{"name": "carer", "kind": "lay"}],
            "moderation": "pre",
        }))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(created.status(), StatusCode::CREATED);
    let list = created.json::<Value>().await.expect("json")["id"]
        .as_i64()
        .expect("an id");
    let mut options = Vec::new();
    for text in ["Evening clinics", "A bus to the hospital"] {
        let added = fixture
            .convenor
            .post(
                fixture
                    .app
                    .url(&format!("/api/priority-lists/{list}/options")),
            )
            .json(&serde_json::json!({ "text": text }))
            .send()
            .await
            .expect("the server answers");
        assert_eq!(added.status(), StatusCode::CREATED);
        options.push(
            added.json::<Value>().await.expect("json")["id"]
                .as_i64()
                .expect("an id"),
        );
    }
    let joined = fixture
        .anonymous
        .post(
            fixture
                .app
                .url(&format!("/api/priority-lists/{list}/participants")),
        )
        .json(&serde_json::json!({ "constituencies": ["carer"] }))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(joined.status(), StatusCode::CREATED);
    let joined = joined.json::<Value>().await.expect("json");
    let participant = Participant {
        id: joined["participant_id"].as_i64().expect("an id"),
        token: joined["token"].as_str().expect("a token").to_owned(),
    };
    let added = fixture
        .anonymous
        .post(
            fixture
                .app
                .url(&format!("/api/priority-lists/{list}/me/options")),
        )
        .bearer_auth(&participant.token)
        .json(&serde_json::json!({ "text": "Benches on the way to the shops" }))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(added.status(), StatusCode::CREATED);
    let added = added.json::<Value>().await.expect("json")["id"]
        .as_i64()
        .expect("an id");
    Listed {
        list,
        options: [options[0], options[1]],
        added,
        participant,
    }
}

fn fuzz_priority_bodies(fixture: &Fixture) {
    let listed = fixture.block_on(fixture_listed(fixture));
    let list = listed.list;
    let partnership = fixture.partnership;
    let dialogue = fixture.dialogue.to_string();
    let [first, second] = listed.options.map(|id| id.to_string());
    let added = listed.added;
    let list_fields = |is_new: bool| {
        let mut fields = vec![
            field("title", fresh_json_text(), hostile_texts(200)),
            field("question", strings(&["Which first?"]), hostile_texts(1000)),
            field(
                "description",
                strings(&["", "Our first year"]),
                hostile_texts(10_000),
            ),
            field(
                "participant_options",
                raw(&["true", "false"]),
                raw(&["null", "\"yes\"", "1"]),
            ),
            field(
                "moderation",
                strings(&["pre", "post"]),
                strings(&["Pre", "none", ""]),
            ),
        ];
        if is_new {
            fields.push(field(
                "dialogue_id",
                raw(&["null", dialogue.as_str()]),
                raw(&["424242", "-1", "\"1\""]),
            ));
            fields.push(field(
                "constituencies",
                raw(&[
                    "[]",
                    r#"[{"name": "carer"}, {"name": "GP", "kind": "professional"}]"#,
                ]),
                raw(&[
                    r#"[{"name": ""}]"#,
                    r#"[{"name": "a"}, {"name": "a"}]"#,
                    r#"[{"name": "a", "kind": "expert"}]"#,
                    "[null]",
                ]),
            ));
        }
        fields
    };
    let convenor_routes = [
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/priority-lists"),
            list_fields(true),
        ),
        (
            Method::PATCH,
            format!("/api/priority-lists/{list}"),
            list_fields(false),
        ),
        (
            Method::POST,
            format!("/api/priority-lists/{list}/options"),
            vec![field("text", fresh_json_text(), hostile_texts(280))],
        ),
        (
            Method::PUT,
            format!("/api/priority-lists/{list}/options/{first}/versions/cy"),
            vec![field("text", fresh_json_text(), hostile_texts(280))],
        ),
        (
            Method::PUT,
            format!("/api/priority-lists/{list}/language"),
            vec![field(
                "language",
                strings(&["en", "cy", "ur"]),
                strings(&["", "xx", "\u{0}", "EN"]),
            )],
        ),
        (
            Method::PUT,
            format!("/api/priority-lists/{list}/options/{added}/moderation"),
            vec![
                field("status", statuses(), wrong_statuses()),
                field(
                    "reason",
                    strings(&["Off the question"]),
                    hostile_texts(2000),
                ),
            ],
        ),
    ];
    for (method, path, fields) in convenor_routes {
        fuzz_route(
            fixture,
            &method,
            &path,
            Role::Convenor,
            &json_bodies(&fields),
            check_api_answer,
        );
    }
    let participant_routes = [
        (
            format!("/api/priority-lists/{list}/comparisons"),
            vec![
                field(
                    "left_option_id",
                    raw(&[first.as_str(), second.as_str()]),
                    raw(&["424242", "-1", "null", "99999999999999999999"]),
                ),
                field(
                    "right_option_id",
                    raw(&[second.as_str(), first.as_str()]),
                    raw(&["424242", "-1", "1.5"]),
                ),
                field(
                    "choice",
                    strings(&["left", "right", "neither"]),
                    strings(&["Left", "both", ""]),
                ),
                field(
                    "reason",
                    raw(&["null", "\"both_matter_equally\"", "\"dont_know_enough\""]),
                    strings(&["because", ""]),
                ),
                field("idempotency_key", fresh_json_text(), hostile_texts(128)),
            ],
        ),
        (
            format!("/api/priority-lists/{list}/me/options"),
            vec![field("text", fresh_json_text(), hostile_texts(280))],
        ),
    ];
    for (path, fields) in participant_routes {
        let bodies = json_bodies(&fields);
        run_cases(&bodies, |body| {
            fixture.block_on(async {
                let before = fixture.world().await;
                let answer = send(
                    fixture,
                    &Method::POST,
                    &path,
                    Role::Participant,
                    &listed.participant,
                    &body,
                )
                .await;
                let after = fixture.world().await;
                check_api_answer(&answer, &before, &after)
            })
        });
    }
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/api/priority-lists/{list}/participants"),
        Role::Anonymous,
        &json_bodies(&[
            field(
                "constituencies",
                raw(&["[]", r#"["carer"]"#]),
                raw(&[r#"["nobody"]"#, "[null]", r#"[""]"#]),
            ),
            field(
                "dialogue_token",
                raw(&["null"]),
                strings(&["", "not a token", &"0".repeat(64)]),
            ),
        ]),
        check_api_answer,
    );
}

/// The trust survey's routes: a wave's settings as its convenor, and a response as the
/// representative of the fixture's partner (the fixture's convenor speaks for it too).
fn fuzz_trust_bodies(fixture: &Fixture) {
    let settled = fixture.block_on(fixture_settled(fixture));
    let partnership = fixture.partnership;
    let partner = settled.partner;
    let wave = fixture.block_on(async {
        let opened = fixture
            .convenor
            .post(
                fixture
                    .app
                    .url(&format!("/api/partnerships/{partnership}/trust-waves")),
            )
            .json(&serde_json::json!({
                "title": "Spring",
                "closes_at": "2099-01-01T00:00:00Z",
            }))
            .send()
            .await
            .expect("the server answers");
        assert_eq!(opened.status(), StatusCode::CREATED);
        opened.json::<Value>().await.expect("json")["id"]
            .as_i64()
            .expect("an id")
    });
    let other = fixture.block_on(async {
        let store = fixture.app.state.store();
        store
            .create_partner(store::NewPartner {
                partnership: PartnershipId(partnership),
                name: model::PartnerName::parse("Hill Street Residents").expect("a name"),
                sector: model::Sector::Community,
                created_at: 0,
            })
            .await
            .expect("a partner")
            .id
            .get()
    });
    let other = other.to_string();
    let answer = format!(
        r#"[{{"partner_id": {other}, "level": "cooperation", "reliable": 3, "open": null, "contributions": ["data"]}}]"#
    );
    let wave_fields = |is_new: bool| {
        let mut fields = vec![
            field("title", fresh_json_text(), hostile_texts(200)),
            field(
                "closes_at",
                strings(&["2099-03-01T12:00:00Z", "2098-01-01T00:00"]),
                strings(&[
                    "2001-01-01T00:00:00Z",
                    "tomorrow",
                    "",
                    "2099-13-01T00:00:00Z",
                ]),
            ),
            field(
                "rater_naming",
                strings(&["protected", "named"]),
                strings(&["Named", "anonymous", ""]),
            ),
        ];
        if !is_new {
            fields.push(field(
                "closed",
                raw(&["null"]),
                raw(&["false", "1", "\"yes\""]),
            ));
        }
        fields
    };
    let answers_field = || {
        field(
            "answers",
            raw(&["[]", answer.as_str()]),
            raw(&[
                r#"[{"partner_id": 424242, "level": "awareness"}]"#,
                r#"[{"partner_id": -1, "level": "none"}]"#,
                &format!(r#"[{{"partner_id": {other}, "level": "none", "reliable": 2}}]"#),
                &format!(r#"[{{"partner_id": {other}, "level": "awareness", "mission": 5}}]"#),
                &format!(r#"[{{"partner_id": {other}, "level": "awareness", "influence": 0}}]"#),
                &format!(
                    r#"[{{"partner_id": {other}, "level": "awareness", "resources": 99999999999999999999}}]"#
                ),
                &format!(r#"[{{"partner_id": {other}, "level": "friends"}}]"#),
                &format!(
                    r#"[{{"partner_id": {other}, "level": "awareness", "contributions": ["money"]}}]"#
                ),
                &format!(r#"[{{"partner_id": {partner}, "level": "awareness"}}]"#),
                "null",
                "[null]",
            ]),
        )
    };
    let routes = [
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/trust-waves"),
            wave_fields(true),
        ),
        (
            Method::PATCH,
            format!("/api/trust-waves/{wave}"),
            wave_fields(false),
        ),
        (
            Method::PUT,
            format!("/api/trust-waves/{wave}/my-response?partner={partner}"),
            vec![answers_field()],
        ),
        (
            Method::POST,
            format!("/api/trust-waves/{wave}/my-response/submit?partner={partner}"),
            vec![answers_field()],
        ),
    ];
    for (method, path, fields) in routes {
        fuzz_route(
            fixture,
            &method,
            &path,
            Role::Convenor,
            &json_bodies(&fields),
            check_api_answer,
        );
    }
}

/// The system map's routes: a map's settings, factors, links and pins as its convenor (who
/// also speaks for the fixture's partner), a judgment for that partner, and imports.
fn fuzz_map_bodies(fixture: &Fixture) {
    let settled = fixture.block_on(fixture_settled(fixture));
    let partnership = fixture.partnership;
    let partner = settled.partner.to_string();
    let action = settled.action.to_string();
    let dialogue = fixture.dialogue.to_string();
    let (map, factor_a, factor_b, link) = fixture_map(fixture);
    let (a, b) = (factor_a.to_string(), factor_b.to_string());
    let ids = |valid: &[&str]| {
        (
            raw(valid),
            raw(&["424242", "-1", "0", "99999999999999999999", "\"1\"", "1.5"]),
        )
    };
    let map_fields = |is_new: bool| {
        let (dialogues, bad_dialogues) = ids(&["null", dialogue.as_str()]);
        let mut fields = vec![
            field("title", fresh_json_text(), hostile_texts(200)),
            field("description", fresh_json_text(), hostile_texts(4_000)),
            field("dialogue_id", dialogues, bad_dialogues),
            field(
                "participants_may_judge",
                raw(&["true", "false"]),
                raw(&["1", "\"yes\"", "null"]),
            ),
        ];
        if !is_new {
            fields.push(field("closed", raw(&["null"]), raw(&["false", "0"])));
        }
        fields
    };
    let (owners, bad_owners) = ids(&["null", partner.as_str()]);
    let (speakers, bad_speakers) = ids(&["null", partner.as_str()]);
    let factor_fields = vec![
        field("name", fresh_json_text(), hostile_texts(200)),
        field("owner_id", owners, bad_owners),
        field("sector", fresh_json_text(), hostile_texts(200)),
        field("as_partner", speakers, bad_speakers),
    ];
    let (ends, bad_ends) = ids(&[a.as_str(), b.as_str()]);
    let (starts, bad_starts) = ids(&[a.as_str(), b.as_str()]);
    let link_fields = vec![
        field("from", starts, bad_starts),
        field("to", ends, bad_ends),
        field(
            "sign",
            strings(&["+", "-"]),
            strings(&["*", "plus", "", "\u{2212}"]),
        ),
        field("delayed", raw(&["true", "false"]), raw(&["\"yes\"", "2"])),
        field("note", fresh_json_text(), hostile_texts(4_000)),
    ];
    let judgment_fields = vec![field(
        "judgment",
        strings(&["agree", "disagree", "unsure"]),
        strings(&["Agree", "maybe", ""]),
    )];
    let (actions, bad_actions) = ids(&[action.as_str()]);
    let (factors, bad_factors) = ids(&[a.as_str(), b.as_str()]);
    let pin_fields = vec![
        field("action_id", actions, bad_actions),
        field("factor_id", factors, bad_factors),
        field(
            "push",
            strings(&["up", "down"]),
            strings(&["sideways", "UP", ""]),
        ),
    ];
    let graphml = r#"<graphml><key id="sign" for="edge" attr.name="sign" attr.type="string"/><graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"><data key="sign">-</data></edge></graph></graphml>"#;
    let import_fields = vec![
        field("title", fresh_json_text(), hostile_texts(200)),
        field(
            "format",
            strings(&["graphml", "kumu", "csv"]),
            strings(&["gexf", "GraphML", ""]),
        ),
        field(
            "content",
            strings(&[
                graphml,
                r#"{"elements": [{"label": "A"}], "connections": []}"#,
            ]),
            strings(&[
                "<!DOCTYPE x [<!ENTITY a \"b\">]><graphml/>",
                "<graphml><graph>",
                "",
                "{\"elements\": 5}",
            ]),
        ),
        field(
            "factors_csv",
            strings(&["factor,name\n1,A\n2,B\n"]),
            strings(&[
                "",
                "name\nA\n",
                "factor,name\n1,A\n1,B\n",
                "factor,name\n1,\"A",
            ]),
        ),
        field(
            "links_csv",
            strings(&["from,to,sign\n1,2,+\n"]),
            strings(&["", "from,to,sign\n1,9,+\n", "from,to,sign\n1,2,*\n"]),
        ),
    ];
    let routes = [
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/maps"),
            map_fields(true),
        ),
        (Method::PATCH, format!("/api/maps/{map}"), map_fields(false)),
        (
            Method::POST,
            format!("/api/maps/{map}/factors"),
            factor_fields,
        ),
        (Method::POST, format!("/api/maps/{map}/links"), link_fields),
        (
            Method::PUT,
            format!("/api/maps/{map}/links/{link}/judgment?partner={partner}"),
            judgment_fields,
        ),
        (Method::POST, format!("/api/maps/{map}/pins"), pin_fields),
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/maps/import"),
            import_fields,
        ),
    ];
    for (method, path, fields) in routes {
        fuzz_route(
            fixture,
            &method,
            &path,
            Role::Convenor,
            &json_bodies(&fields),
            check_api_answer,
        );
    }
}

/// Creates a map linked to the fixture's dialogue with two factors and a link between them,
/// through the API as the fixture's convenor; returns their ids.
fn fixture_map(fixture: &Fixture) -> (i64, i64, i64, i64) {
    let partnership = fixture.partnership;
    fixture.block_on(async {
        let post = |path: String, body: Value| async move {
            let answer = fixture
                .convenor
                .post(fixture.app.url(&path))
                .json(&body)
                .send()
                .await
                .expect("the server answers");
            assert_eq!(answer.status(), StatusCode::CREATED);
            answer.json::<Value>().await.expect("json")["id"]
                .as_i64()
                .expect("an id")
        };
        let map = post(
            format!("/api/partnerships/{partnership}/maps"),
            serde_json::json!({ "title": "Ageing well", "dialogue_id": fixture.dialogue }),
        )
        .await;
        let a = post(
            format!("/api/maps/{map}/factors"),
            serde_json::json!({ "name": "Loneliness" }),
        )
        .await;
        let b = post(
            format!("/api/maps/{map}/factors"),
            serde_json::json!({ "name": "GP visits" }),
        )
        .await;
        let link = post(
            format!("/api/maps/{map}/links"),
            serde_json::json!({ "from": a, "to": b, "sign": "+" }),
        )
        .await;
        (map, a, b, link)
    })
}

/// The system map's page forms as its convenor (who also speaks for the fixture's partner).
fn fuzz_map_page_forms(fixture: &Fixture) {
    let settled = fixture.block_on(fixture_settled(fixture));
    let partnership = fixture.partnership;
    let partner = settled.partner.to_string();
    let action = settled.action.to_string();
    let dialogue = fixture.dialogue.to_string();
    let (map, factor_a, factor_b, link) = fixture_map(fixture);
    let (a, b, link) = (factor_a.to_string(), factor_b.to_string(), link.to_string());
    let bad_ids = ["424242", "-1", "x", "99999999999999999999", "1.5", ""];
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/maps"),
        &[
            form_field("title", fresh_text(), &["", &"t".repeat(201), "\u{202e}x"]),
            form_field("description", fresh_text(), &[&"d".repeat(2_001), "\u{0}"]),
            form_field("dialogue", pick(&["", dialogue.as_str()]), &bad_ids),
            form_field("participants_may_judge", pick(&["yes"]), &["no"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/maps/{map}/factors"),
        &[
            form_field("name", fresh_text(), &["", &"n".repeat(201), "\u{202e}x"]),
            form_field("owner", pick(&["", partner.as_str()]), &bad_ids),
            form_field("sector", fresh_text(), &[&"s".repeat(201), "\u{7}"]),
            form_field("as", pick(&["convenor", partner.as_str()]), &bad_ids),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/maps/{map}/links"),
        &[
            form_field("from", pick(&[a.as_str(), b.as_str()]), &bad_ids),
            form_field("to", pick(&[a.as_str(), b.as_str()]), &bad_ids),
            form_field("sign", pick(&["+", "-"]), &["*", "plus", "", "\u{2212}"]),
            form_field("delayed", pick(&["yes"]), &["2"]),
            form_field("note", fresh_text(), &[&"e".repeat(2_001), "\u{0}"]),
            form_field("as", pick(&["convenor", partner.as_str()]), &bad_ids),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/maps/{map}/judgments"),
        &[
            form_field("link", pick(&[link.as_str()]), &bad_ids),
            form_field("partner", pick(&[partner.as_str()]), &bad_ids),
            form_field(
                "judgment",
                pick(&["agree", "disagree", "unsure"]),
                &["Agree", "maybe", ""],
            ),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/maps/{map}/pins"),
        &[
            form_field("action", pick(&[action.as_str()]), &bad_ids),
            form_field("factor", pick(&[a.as_str(), b.as_str()]), &bad_ids),
            form_field("push", pick(&["up", "down"]), &["sideways", "UP", ""]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/maps/{map}/settings"),
        &[form_field(
            "participants_may_judge",
            pick(&["yes"]),
            &["", "no"],
        )],
    );
}

fn fuzz_settlement_page_forms(fixture: &Fixture) {
    let settled = fixture.block_on(fixture_settled(fixture));
    let partnership = fixture.partnership;
    let partner = settled.partner.to_string();
    let picked = format!("{}:1", fixture.dialogue);
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/decision-rule"),
        &[
            form_field("rule", pick(&["consent", "unanimity"]), &["majority", ""]),
            form_field("quorum", pick(&["50", "1"]), &["0", "101", "half"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/objectives"),
        &[
            form_field("title", fresh_text(), &["", &"t".repeat(201), "\u{202e}x"]),
            form_field("text", pick(&["Clinics open late"]), &["", "\u{0}"]),
            form_field(
                "statement",
                pick(&[""]),
                &[picked.as_str(), "1:2", "x", "9:9"],
            ),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/objectives/{}/versions", settled.objective),
        &[
            form_field("title", fresh_text(), &["", &"t".repeat(201)]),
            form_field("text", pick(&["Clinics open late"]), &[""]),
            form_field("amends", pick(&[""]), &["999999", "x"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/objectives/{}/stances", settled.objective),
        &[
            form_field("partner", pick(&[partner.as_str()]), &["424242", "x", ""]),
            form_field("version", pick(&["1"]), &["0", "x"]),
            form_field("stance", pick(&["endorse", "object"]), &["abstain", ""]),
            form_field(
                "reason",
                pick(&["", "Funding"]),
                &[&"r".repeat(2001), "\u{0}"],
            ),
            form_field("amendment", pick(&[""]), &[&"a".repeat(5001)]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/objectives/{}/actions", settled.adopted),
        &[
            form_field("owner", pick(&[partner.as_str()]), &["424242", "x", ""]),
            form_field("shared", pick(&[""]), &["x", "424242"]),
            form_field("title", fresh_text(), &["", &"t".repeat(301)]),
            form_field("lead_role", pick(&["Caretaker"]), &[""]),
            form_field("due_on", pick(&["", "2027-01-31"]), &["2027-02-30", "soon"]),
            form_field("status", pick(&["", "planned"]), &["late"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/outcomes/publication"),
        &[form_field(
            "published",
            pick(&["yes", "no"]),
            &["", "maybe", "true", "1", "\u{202e}yes"],
        )],
    );
    for path in ["calendar-feed", "calendar-feed/revoke"] {
        fuzz_convenor_page(
            fixture,
            &format!("/convenor/partnerships/{partnership}/{path}"),
            &[form_field("note", fresh_text(), &[""])],
        );
    }
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/actions/{}/notes", settled.action),
        &[
            form_field("status", pick(&["in_progress", ""]), &["finished"]),
            form_field("note", fresh_text(), &["", &"n".repeat(2001)]),
            form_field("from", pick(&["", "questions"]), &["elsewhere"]),
        ],
    );
}

fn partnership_text_fields() -> Vec<Field> {
    vec![
        field("name", fresh_json_text(), strings(&["", &"n".repeat(201)])),
        field(
            "purpose",
            strings(&["", "Older people live well at home"]),
            strings(&[&"p".repeat(2001)]),
        ),
    ]
}

/// The body of a new invitation, to speak for a partner or to convene.
fn invitation_fields() -> Vec<Field> {
    vec![
        field(
            "email",
            strings(&["amira@carers.example"]),
            strings(&["", "not an address"]),
        ),
        field(
            "expires_in_days",
            raw(&["1", "14", "90"]),
            raw(&["0", "91", "-1", "1.5", "99999999999999999999"]),
        ),
    ]
}

fn partner_fields() -> Vec<Field> {
    vec![
        field("name", fresh_json_text(), strings(&["", &"n".repeat(201)])),
        field(
            "sector",
            strings(&["nhs", "local_authority", "voluntary", "community"]),
            strings(&["NHS", "space", ""]),
        ),
    ]
}

fn fuzz_partnership_bodies(fixture: &Fixture) {
    let partnership = fixture.partnership;
    let partner = fixture.block_on(fixture_partner(fixture));
    let routes = [
        (
            Method::POST,
            "/api/partnerships".to_owned(),
            partnership_text_fields(),
        ),
        (
            Method::PATCH,
            format!("/api/partnerships/{partnership}"),
            partnership_text_fields(),
        ),
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/partners"),
            partner_fields(),
        ),
        (
            Method::PATCH,
            format!("/api/partnerships/{partnership}/partners/{partner}"),
            partner_fields(),
        ),
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/convenors"),
            vec![field(
                "email",
                strings(&[CONVENOR_EMAIL]),
                strings(&["nobody@example.org", "x@y", ""]),
            )],
        ),
        (
            Method::PUT,
            format!("/api/partnerships/{partnership}/outcomes/publication"),
            vec![field(
                "published",
                raw(&["true", "false"]),
                raw(&["1", "\"yes\"", "null"]),
            )],
        ),
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/partners/{partner}/invitations"),
            invitation_fields(),
        ),
        (
            Method::POST,
            format!("/api/partnerships/{partnership}/convenor-invitations"),
            invitation_fields(),
        ),
    ];
    for (method, path, fields) in routes {
        fuzz_route(
            fixture,
            &method,
            &path,
            Role::Convenor,
            &json_bodies(&fields),
            check_api_answer,
        );
    }
    let accept = json_bodies(&[
        field(
            "token",
            strings(&[&"0".repeat(64), &"f".repeat(64)]),
            strings(&["", "not a token"]),
        ),
        field(
            "email",
            strings(&["amira@carers.example"]),
            strings(&["", "x@y"]),
        ),
        field(
            "password",
            strings(&["a long carers passphrase"]),
            strings(&["short", ""]),
        ),
    ]);
    fuzz_route(
        fixture,
        &Method::POST,
        "/api/invitations/accept",
        Role::Anonymous,
        &accept,
        check_api_answer,
    );
}

fn fuzz_partner_page_forms(fixture: &Fixture) {
    let partnership = fixture.partnership;
    let partner = fixture.block_on(fixture_partner(fixture));
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/partners/{partner}"),
        &[
            form_field("name", fresh_text(), &["", &"n".repeat(201)]),
            form_field("sector", pick(&["nhs", "voluntary"]), &["space"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/partners/{partner}/invitations"),
        &[
            form_field("email", pick(&["", "amira@carers.example"]), &["x@y"]),
            form_field("days", pick(&["", "1", "14"]), &["0", "91", "soon"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/convenor-invitations"),
        &[
            form_field("email", pick(&["", "amira@carers.example"]), &["x@y"]),
            form_field("days", pick(&["", "1", "14"]), &["0", "91", "soon"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/convenors"),
        &[form_field(
            "email",
            pick(&[CONVENOR_EMAIL]),
            &["nobody@example.org", ""],
        )],
    );
    let invitation_page = format!("/invite/{}", "0".repeat(64));
    fuzz_participant_page(
        fixture,
        &invitation_page,
        &[
            form_field("email", pick(&["amira@carers.example"]), &["", "x@y"]),
            form_field("password", pick(&["a long carers passphrase"]), &["short"]),
        ],
    );
}

/// New card codes, so that a good card is not refused as keyed already.
fn card_codes() -> BoxedStrategy<String> {
    proptest::string::string_regex("[A-Z0-9]{6,12}")
        .expect("a valid pattern")
        .boxed()
}

fn fuzz_facilitation_bodies(fixture: &Fixture) {
    let dialogue = fixture.dialogue;
    let first = fixture.statements[0];
    let votes = [
        "[]".to_owned(),
        format!("[{{\"statement_id\": {first}, \"vote\": \"agree\"}}]"),
        format!("[{{\"statement_id\": {first}, \"vote\": \"pass\"}}]"),
    ];
    let refused_votes = [
        format!(
            "[{{\"statement_id\": {first}, \"vote\": \"agree\"}}, {{\"statement_id\": {first}, \"vote\": \"pass\"}}]"
        ),
        "[{\"statement_id\": 999999, \"vote\": \"agree\"}]".to_owned(),
        format!("[{{\"statement_id\": {first}, \"vote\": \"maybe\"}}]"),
        "[{\"statement_id\": 9223372036854775807, \"vote\": \"agree\"}]".to_owned(),
    ];
    let votes: Vec<&str> = votes.iter().map(String::as_str).collect();
    let refused_votes: Vec<&str> = refused_votes.iter().map(String::as_str).collect();
    let cards = json_bodies(&[
        field(
            "code",
            card_codes()
                .prop_map(|code| Json::Raw(quoted(&code)))
                .boxed(),
            strings(&["", " ", "a b", "<b>", &"C".repeat(33), "\u{0}"]),
        ),
        field(
            "constituencies",
            raw(&["[]", "[\"resident\"]", "[\"GP\", \"resident\"]"]),
            raw(&["[\"astronaut\"]", "[\"\"]", "null"]),
        ),
        field("votes", raw(&votes), raw(&refused_votes)),
        field(
            "channel",
            strings(&["paper", "facilitated"]),
            strings(&["online", "Paper", ""]),
        ),
        field("replace", raw(&["false", "true"]), raw(&["\"yes\"", "1"])),
    ]);
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/api/dialogues/{dialogue}/cards"),
        Role::Convenor,
        &cards,
        check_api_answer,
    );
    let statements = json_bodies(&[field(
        "text",
        fresh_json_text(),
        strings(&["", &"s".repeat(281), "a\u{0}b"]),
    )]);
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/api/dialogues/{dialogue}/cards/NOCARD/statements"),
        Role::Convenor,
        &statements,
        check_api_answer,
    );
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/api/dialogues/{dialogue}/facilitator-invitations"),
        Role::Convenor,
        &json_bodies(&invitation_fields()),
        check_api_answer,
    );
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/api/dialogues/{dialogue}/moderator-invitations"),
        Role::Convenor,
        &json_bodies(&invitation_fields()),
        check_api_answer,
    );
}

fn fuzz_facilitation_page_forms(fixture: &Fixture) {
    let dialogue = fixture.dialogue;
    let vote_field: &'static str =
        Box::leak(format!("s{}", fixture.statements[0]).into_boxed_str());
    fuzz_convenor_page(
        fixture,
        &format!("/facilitator/dialogues/{dialogue}/cards"),
        &[
            form_field("code", card_codes(), &["", "a b", &"C".repeat(33)]),
            form_field("channel", pick(&["paper", "facilitated"]), &["online", ""]),
            form_field("constituency", pick(&["resident", "GP"]), &["astronaut"]),
            form_field(vote_field, pick(&["agree", "disagree", "pass"]), &["maybe"]),
            form_field("replace", pick(&["", "yes"]), &["no"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/facilitator/dialogues/{dialogue}/statements"),
        &[
            form_field("code", pick(&["NOCARD"]), &["", "a b"]),
            form_field("text", fresh_text(), &["", &"s".repeat(281)]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{dialogue}/facilitators"),
        &[form_field(
            "email",
            pick(&["", "amira@carers.example"]),
            &["x@y"],
        )],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{dialogue}/moderators"),
        &[form_field(
            "email",
            pick(&["", "safeguarding@carers.example"]),
            &["x@y", "a\u{0}b"],
        )],
    );
}

fn fuzz_version_bodies(fixture: &Fixture) {
    let dialogue = fixture.dialogue;
    let first = fixture.statements[0];
    let versions = json_bodies(&[field(
        "text",
        fresh_json_text(),
        strings(&["", " ", &"s".repeat(281), "a\u{0}b"]),
    )]);
    fuzz_route(
        fixture,
        &Method::PUT,
        &format!("/api/dialogues/{dialogue}/statements/{first}/versions/cy/easy-read"),
        Role::Convenor,
        &versions,
        check_api_answer,
    );
    let languages = json_bodies(&[
        field(
            "language",
            strings(&["en", "cy", "pl", "ur", "ro"]),
            strings(&["", "xx", "EN ", "\u{0}", &"l".repeat(300)]),
        ),
        field(
            "untranslated",
            strings(&["wait", "show_original"]),
            strings(&["", "hide", "Wait"]),
        ),
    ]);
    fuzz_route(
        fixture,
        &Method::PUT,
        &format!("/api/dialogues/{dialogue}/languages"),
        Role::Convenor,
        &languages,
        check_api_answer,
    );
    let statement_language = json_bodies(&[field(
        "language",
        strings(&["en", "ur"]),
        strings(&["", "klingon", "\u{0}"]),
    )]);
    fuzz_route(
        fixture,
        &Method::PUT,
        &format!("/api/dialogues/{dialogue}/statements/{first}/language"),
        Role::Convenor,
        &statement_language,
        check_api_answer,
    );
}

fn fuzz_round_bodies(fixture: &Fixture) {
    let dialogue = fixture.dialogue;
    let rounds = json_bodies(&[
        field(
            "label",
            fresh_json_text(),
            strings(&["", " ", &"r".repeat(121), "a\u{0}b", "tab\there"]),
        ),
        field(
            "ending_label",
            fresh_json_text(),
            strings(&["", &"r".repeat(121), "a\u{7}b"]),
        ),
    ]);
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/api/dialogues/{dialogue}/rounds"),
        Role::Convenor,
        &rounds,
        check_api_answer,
    );
}

fn fuzz_round_page_forms(fixture: &Fixture) {
    let dialogue = fixture.dialogue;
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{dialogue}/rounds"),
        &[
            form_field("label", fresh_text(), &["", " ", &"r".repeat(121)]),
            form_field("ending_label", fresh_text(), &["", &"r".repeat(121)]),
            form_field("confirm", pick(&["yes"]), &["", "no"]),
        ],
    );
}

fn fuzz_version_page_forms(fixture: &Fixture) {
    let dialogue = fixture.dialogue;
    let first: &'static str = Box::leak(fixture.statements[0].to_string().into_boxed_str());
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{dialogue}/versions"),
        &[
            form_field(
                "action",
                pick(&["put", "remove", "languages", "statement-language"]),
                &["", "erase"],
            ),
            form_field("statement_id", pick(&[first]), &["", "x", "999999999"]),
            form_field("language", pick(&["cy", "ur", "en"]), &["", "xx"]),
            form_field("kind", pick(&["translation", "easy-read"]), &["other"]),
            form_field("untranslated", pick(&["wait", "show_original"]), &["hide"]),
            form_field("text", fresh_text(), &["", &"s".repeat(281)]),
        ],
    );
}

fn dialogue_form_fields() -> Vec<FormField> {
    vec![
        form_field("title", fresh_text(), &["", &"t".repeat(201)]),
        form_field("question", fresh_text(), &[""]),
        form_field(
            "description",
            pick(&["", "Why we ask\n\nand how"]),
            &["\u{0}"],
        ),
        form_field(
            "constituencies",
            pick(&["", "carer|0.5|lay\nGP"]),
            &["a|2|lay", "a|x|robot", "a\na", "|||"],
        ),
        form_field(
            "statements",
            pick(&["", "One\nTwo"]),
            &["Same\nsame", &"s\n".repeat(300)],
        ),
        form_field(
            "csv",
            pick(&["", "statement\n\"One, two\""]),
            &["\"unclosed", "a,b,c\n1"],
        ),
        form_field("participant_statements", pick(&["on", ""]), &["off"]),
        form_field("moderation", pick(&["pre", "post"]), &["none"]),
        form_field(
            "report_visibility",
            pick(&["public", "convenors"]),
            &["all"],
        ),
        form_field(
            "opens_at",
            pick(&["", "2020-01-01T09:00"]),
            &["soon", "2027-02-30T09:00"],
        ),
        form_field(
            "closes_at",
            pick(&["", "2999-12-31T17:00"]),
            &["1 March", "17:00"],
        ),
    ]
}

fn fuzz_safeguarding_bodies(fixture: &Fixture) {
    let dialogue = fixture.dialogue;
    let partnership = fixture.partnership;
    let statement = fixture.statements[0];
    let flags = json_bodies(&[
        field(
            "reason",
            strings(&[
                "disclosure",
                "personal_details",
                "abuse",
                "misinformation",
                "other",
            ]),
            strings(&["", "spam", "Abuse", "\u{0}"]),
        ),
        field(
            "note",
            raw(&["null", "\"Not true\"", "\"\""]),
            raw(&["1", "[]", &format!("\"{}\"", "n".repeat(501))]),
        ),
    ]);
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/api/dialogues/{dialogue}/statements/{statement}/flags"),
        Role::Participant,
        &flags,
        check_api_answer,
    );
    let decisions = json_bodies(&[
        field(
            "action",
            strings(&["accept", "reject", "edit", "redact"]),
            strings(&["", "delete", "Accept"]),
        ),
        field(
            "reason",
            raw(&["null", "\"off_topic\"", "\"abusive\""]),
            raw(&["\"spam\"", "7", "[]"]),
        ),
        field(
            "note",
            raw(&["null", "\"Kind words please\""]),
            raw(&["{}", &format!("\"{}\"", "n".repeat(501))]),
        ),
        field(
            "text",
            raw(&["null", "\"Benches in the park\""]),
            raw(&["\"\"", &format!("\"{}\"", "s".repeat(281)), "\"a\\u0000b\""]),
        ),
    ]);
    fuzz_route(
        fixture,
        &Method::POST,
        &format!("/api/dialogues/{dialogue}/safeguarding/statements/{statement}/decisions"),
        Role::Convenor,
        &decisions,
        check_api_answer,
    );
    let settings = json_bodies(&[
        field(
            "signposting",
            strings(&["", "Call Samaritans on 116 123"]),
            strings(&[&"s".repeat(4001), "a\u{0}b"]),
        ),
        field(
            "disclosure_terms",
            raw(&["[]", "[\"food bank closed\", \"evict*\"]"]),
            raw(&["[\"***\"]", "\"one\"", "[1]"]),
        ),
        field(
            "abuse_terms",
            raw(&["[]", "[\"numpty\"]"]),
            raw(&[&format!("[\"{}\"]", "w".repeat(81)), "null"]),
        ),
    ]);
    fuzz_route(
        fixture,
        &Method::PUT,
        &format!("/api/partnerships/{partnership}/safeguarding/settings"),
        Role::Convenor,
        &settings,
        check_api_answer,
    );
}

fn fuzz_safeguarding_page_forms(fixture: &Fixture) {
    let dialogue = fixture.dialogue;
    let partnership = fixture.partnership;
    let statement = fixture.statements[0];
    let statement_field: &'static str = Box::leak(statement.to_string().into_boxed_str());
    fuzz_participant_page(
        fixture,
        &format!("/d/{dialogue}/statements/{statement}/flag"),
        &[
            form_field(
                "reason",
                pick(&[
                    "disclosure",
                    "personal_details",
                    "abuse",
                    "misinformation",
                    "other",
                ]),
                &["", "spam"],
            ),
            form_field("note", pick(&["", "Not true"]), &[&"n".repeat(501)]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{dialogue}/safeguarding"),
        &[
            form_field(
                "statement_id",
                pick(&[statement_field]),
                &["", "x", "999999"],
            ),
            form_field(
                "action",
                pick(&["accept", "reject", "edit", "redact"]),
                &["", "delete"],
            ),
            form_field("reason", pick(&["off_topic", "abusive"]), &["spam"]),
            form_field(
                "text",
                pick(&["Benches in the park"]),
                &["", &"s".repeat(281)],
            ),
            form_field(
                "note",
                pick(&["", "Kind words please"]),
                &[&"n".repeat(501)],
            ),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/safeguarding"),
        &[
            form_field(
                "signposting",
                pick(&["", "Call 116 123"]),
                &[&"s".repeat(4001)],
            ),
            form_field(
                "disclosure_terms",
                pick(&["", "evict*\nfood bank closed"]),
                &["***"],
            ),
            form_field("abuse_terms", pick(&["", "numpty"]), &[&"w".repeat(81)]),
        ],
    );
}

fn fuzz_dialogue_page_forms(fixture: &Fixture) {
    let partnership = fixture.partnership;
    let id = fixture.dialogue;
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/partnerships/{partnership}/dialogues"),
        &dialogue_form_fields(),
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{id}/settings"),
        &dialogue_form_fields(),
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{id}/constituencies"),
        &[
            form_field("name", fresh_text(), &["GP", "a|b", ""]),
            form_field(
                "expected_share",
                pick(&["0.5", "", "0", "1"]),
                &["2", "-1", "NaN", "1e400"],
            ),
            form_field("kind", pick(&["lay", "professional", ""]), &["robot"]),
        ],
    );
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{id}/statements"),
        &[
            form_field("statements", fresh_text(), &["More benches", ""]),
            form_field("csv", pick(&["", "statement\nFive"]), &["\"broken"]),
        ],
    );
    let ids: Vec<String> = fixture.statements.iter().map(i64::to_string).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    fuzz_convenor_page(
        fixture,
        &format!("/convenor/dialogues/{id}/moderation"),
        &[
            form_field(
                "action",
                pick(&["accept", "reject", "pending"]),
                &["delete"],
            ),
            form_field("statement", pick(&ids), &["999999", "-1", "x"]),
            form_field(
                "status",
                pick(&["pending", "accepted", "rejected", "all"]),
                &["x"],
            ),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// What bodies bring in must not run in a spreadsheet when it goes out.

/// Returns whether a spreadsheet would run the cell as a formula.
fn is_formula(cell: &str) -> bool {
    cell.parse::<f64>().is_err()
        && (cell.starts_with(['\t', '\r']) || cell.trim_start().starts_with(['=', '+', '-', '@']))
}

#[tokio::test]
async fn formulas_sent_in_bodies_come_out_neutralised_in_every_csv_export() {
    let app = crate::support::spawn_app().await;
    app.login_as_convenor().await;
    let created = app
        .create_dialogue(&serde_json::json!({
            "title": "=HYPERLINK(\"http://attacker.example/\")",
            "question": "+1+cmd|' /C calc'!A0",
            "description": "@SUM(1+1)*cmd|' /C calc'!A0",
            "statements": ["=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"],
        }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let dialogue = created.body["id"].as_i64().expect("an id");
    let participant = app.join(dialogue, &[]).await;
    for text in [
        "\t=1+2*cmd|' /C calc'!A0",
        "@cmd|' /C notepad'!A0",
        "+ HYPERLINK(\"http://x\")",
        "  -SUM(5)",
    ] {
        let written = app.submit_statement(dialogue, &participant, text).await;
        assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
        let id = written.body["id"].as_i64().expect("an id");
        app.vote(dialogue, &participant, id, "agree").await;
    }

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for name in [
        "votes.csv",
        "comments.csv",
        "participants-votes.csv",
        "summary.csv",
    ] {
        let file = app.export_file(dialogue, name).await;
        assert_eq!(file.status, StatusCode::OK, "{name}");
        files.push((name.to_owned(), file.bytes));
    }
    let archive = app.export(dialogue, "polis-zip").await;
    files.extend(server::zip::read_stored(&archive.bytes).expect("a readable archive"));
    assert_eq!(files.len(), 8);

    let mut neutralised = 0;
    for (name, bytes) in &files {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes.as_slice());
        for record in reader.records() {
            for cell in &record.expect("a CSV record") {
                assert!(!is_formula(cell), "{name} has the formula cell {cell:?}");
                if cell.starts_with('\'') {
                    neutralised += 1;
                }
            }
        }
    }
    // Both copies of comments.csv hold six quoted statements; both summaries the title and the
    // description.
    assert_eq!(neutralised, 2 * (6 + 2));
}

// ---------------------------------------------------------------------------------------------
// The tests: each route on SQLite, and every route again on PostgreSQL.

#[test]
fn sign_in_bodies_never_fail_the_server() {
    fuzz_sign_in_bodies(&Fixture::new());
}

#[test]
fn new_dialogue_bodies_never_fail_the_server() {
    fuzz_new_dialogue_bodies(&Fixture::new());
}

#[test]
fn dialogue_settings_bodies_never_fail_the_server() {
    fuzz_dialogue_settings_bodies(&Fixture::new());
}

#[test]
fn join_bodies_never_fail_the_server() {
    fuzz_join_bodies(&Fixture::new());
}

#[test]
fn vote_bodies_never_fail_the_server() {
    fuzz_vote_bodies(&Fixture::new());
}

#[test]
fn statement_bodies_never_fail_the_server() {
    fuzz_statement_bodies(&Fixture::new());
}

#[test]
fn moderation_bodies_never_fail_the_server() {
    fuzz_moderation_bodies(&Fixture::new());
}

#[test]
fn participant_page_forms_never_fail_the_server() {
    fuzz_participant_page_forms(&Fixture::new());
}

#[test]
fn erasure_forms_never_fail_the_server() {
    fuzz_erasure_forms(&Fixture::new());
}

#[test]
fn sign_in_page_forms_never_fail_the_server() {
    fuzz_sign_in_page_forms(&Fixture::new());
}

#[test]
fn partnership_page_forms_never_fail_the_server() {
    fuzz_partnership_page_forms(&Fixture::new());
}

#[test]
fn partnership_bodies_never_fail_the_server() {
    fuzz_partnership_bodies(&Fixture::new());
}

#[test]
fn partner_page_forms_never_fail_the_server() {
    fuzz_partner_page_forms(&Fixture::new());
}

#[test]
fn dialogue_page_forms_never_fail_the_server() {
    fuzz_dialogue_page_forms(&Fixture::new());
}

#[test]
fn priority_bodies_never_fail_the_server() {
    fuzz_priority_bodies(&Fixture::new());
}

#[test]
fn settlement_bodies_never_fail_the_server() {
    fuzz_settlement_bodies(&Fixture::new());
}

#[test]
fn trust_bodies_never_fail_the_server() {
    fuzz_trust_bodies(&Fixture::new());
}

#[test]
fn facilitation_bodies_never_fail_the_server() {
    fuzz_facilitation_bodies(&Fixture::new());
}

#[test]
fn facilitation_page_forms_never_fail_the_server() {
    fuzz_facilitation_page_forms(&Fixture::new());
}

#[test]
fn safeguarding_bodies_never_fail_the_server() {
    fuzz_safeguarding_bodies(&Fixture::new());
}

#[test]
fn safeguarding_page_forms_never_fail_the_server() {
    fuzz_safeguarding_page_forms(&Fixture::new());
}

#[test]
fn version_bodies_never_fail_the_server() {
    fuzz_version_bodies(&Fixture::new());
}

#[test]
fn version_page_forms_never_fail_the_server() {
    fuzz_version_page_forms(&Fixture::new());
}

#[test]
fn round_bodies_never_fail_the_server() {
    fuzz_round_bodies(&Fixture::new());
}

#[test]
fn round_page_forms_never_fail_the_server() {
    fuzz_round_page_forms(&Fixture::new());
}

#[test]
fn map_bodies_never_fail_the_server() {
    fuzz_map_bodies(&Fixture::new());
}

#[test]
fn map_page_forms_never_fail_the_server() {
    fuzz_map_page_forms(&Fixture::new());
}

#[test]
fn settlement_page_forms_never_fail_the_server() {
    fuzz_settlement_page_forms(&Fixture::new());
}

/// PostgreSQL refuses what SQLite stores (NUL in text, integers beyond 64 bits) and reports
/// other errors: none of that may surface as a 5xx or change data on a refusal.
#[test]
fn bodies_never_fail_the_server_on_postgresql() {
    let Some(fixture) = Fixture::on_postgresql() else {
        return;
    };
    fuzz_sign_in_bodies(&fixture);
    fuzz_new_dialogue_bodies(&fixture);
    fuzz_dialogue_settings_bodies(&fixture);
    fuzz_join_bodies(&fixture);
    fuzz_vote_bodies(&fixture);
    fuzz_statement_bodies(&fixture);
    fuzz_moderation_bodies(&fixture);
    fuzz_participant_page_forms(&fixture);
    fuzz_erasure_forms(&fixture);
    fuzz_sign_in_page_forms(&fixture);
    fuzz_partnership_page_forms(&fixture);
    fuzz_partnership_bodies(&fixture);
    fuzz_partner_page_forms(&fixture);
    fuzz_dialogue_page_forms(&fixture);
    fuzz_settlement_bodies(&fixture);
    fuzz_settlement_page_forms(&fixture);
    fuzz_priority_bodies(&fixture);
    fuzz_trust_bodies(&fixture);
    fuzz_map_bodies(&fixture);
    fuzz_map_page_forms(&fixture);
    fuzz_facilitation_bodies(&fixture);
    fuzz_facilitation_page_forms(&fixture);
    fuzz_safeguarding_bodies(&fixture);
    fuzz_safeguarding_page_forms(&fixture);
    fuzz_version_bodies(&fixture);
    fuzz_version_page_forms(&fixture);
    fuzz_round_bodies(&fixture);
    fuzz_round_page_forms(&fixture);
}
