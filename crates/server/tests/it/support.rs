//! `TestApp`: a running server on a temporary SQLite file (or a given database) with one method
//! per route, so tests read as scenarios.

use std::net::SocketAddr;
use std::sync::Once;

use model::{Email, PartnershipName, Password, PasswordHash, Purpose};
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::{Application, Config};
use store::{NewConvenor, NewPartnership};

/// The convenor every test app starts with.
pub const CONVENOR_EMAIL: &str = "convenor@example.org";
/// Their password.
pub const CONVENOR_PASSWORD: &str = "correct horse battery";

fn init_test_tracing() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            let _ = tracing_subscriber::fmt()
                .with_env_filter("info,server=debug")
                .with_test_writer()
                .try_init();
        }
    });
}

/// A response: status and JSON body (`Null` when the body is empty or not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub headers: reqwest::header::HeaderMap,
    pub bytes: Vec<u8>,
}

impl Answer {
    /// Returns the error code of an error answer.
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or("")
    }
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub state: server::state::AppState,
    /// Keeps cookies: the convenor's browser.
    pub convenor: reqwest::Client,
    /// No cookies: participants send their token as a bearer token.
    pub anonymous: reqwest::Client,
    _data_dir: Option<tempfile::TempDir>,
}

/// Starts an instance on a fresh SQLite file in a temporary folder. Background analysis is
/// off, so tests recompute through the synchronous hook and see exactly one run.
pub async fn spawn_app() -> TestApp {
    spawn_sqlite_app(false).await
}

/// Starts an instance like [`spawn_app`] with the background analysis running.
pub async fn spawn_app_with_background_analysis() -> TestApp {
    spawn_sqlite_app(true).await
}

async fn spawn_sqlite_app(analysis_enabled: bool) -> TestApp {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite:{}", data_dir.path().join("test.db").display());
    let mut app = spawn_app_on(Config {
        database,
        analysis_enabled,
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    app._data_dir = Some(data_dir);
    app
}

/// A clock the test moves by hand.
#[derive(Debug, Default)]
pub struct ManualClock(std::sync::atomic::AtomicI64);

impl ManualClock {
    /// Sets the time, in milliseconds since the Unix epoch.
    pub fn set(&self, now_ms: i64) {
        self.0.store(now_ms, std::sync::atomic::Ordering::SeqCst);
    }
}

impl server::time::Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Starts an instance like [`spawn_app`] whose clock the test moves, starting at `now_ms`.
pub async fn spawn_app_with_clock(now_ms: i64) -> (TestApp, std::sync::Arc<ManualClock>) {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite:{}", data_dir.path().join("test.db").display());
    let store = store::connect(&database).await.expect("store");
    let clock = std::sync::Arc::new(ManualClock::default());
    clock.set(now_ms);
    let config = Config {
        database,
        analysis_enabled: false,
        ..Config::for_tests()
    };
    let application = Application::build_with_store(config, store, clock.clone())
        .await
        .expect("app builds");
    let mut app = TestApp::serve(application);
    seed_convenor(&app).await;
    app._data_dir = Some(data_dir);
    (app, clock)
}

/// Starts an instance with the given configuration (no convenor is created).
pub async fn spawn_app_on(config: Config) -> TestApp {
    init_test_tracing();
    let app = Application::build(config).await.expect("app builds");
    TestApp::serve(app)
}

impl TestApp {
    /// Serves an instance built by the test (for a store or clock of its own).
    pub fn serve(app: Application) -> TestApp {
        init_test_tracing();
        let addr = app.local_addr();
        let state = app.state();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            addr,
            state,
            convenor: reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .expect("client"),
            anonymous: reqwest::Client::new(),
            _data_dir: None,
        }
    }
}

/// Creates the test convenor as a member of a partnership.
pub async fn seed_convenor(app: &TestApp) {
    let store = app.state.store();
    let partnership = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse("Healthy Town").unwrap(),
            purpose: Purpose::parse("").unwrap(),
            created_at: 0,
            convenor: None,
        })
        .await
        .unwrap();
    let password = Password::parse(CONVENOR_PASSWORD).unwrap();
    let convenor = store
        .create_convenor(NewConvenor {
            email: Email::parse(CONVENOR_EMAIL).unwrap(),
            password_hash: PasswordHash::create(&password, &[7; 16]).unwrap(),
            is_admin: false,
            may_convene: true,
            created_at: 0,
        })
        .await
        .unwrap();
    store
        .add_partnership_member(partnership.id, convenor.id)
        .await
        .unwrap();
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("body").to_vec();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        body,
        headers,
        bytes,
    }
}

/// A participant: their id and bearer token.
#[derive(Debug, Clone)]
pub struct Participant {
    #[allow(dead_code, reason = "kept for tests that look participants up")]
    pub id: i64,
    pub token: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Answer {
        answer(request.send().await.expect("request sent")).await
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.send(self.convenor.get(self.url(path))).await
    }

    pub async fn health(&self) -> Answer {
        self.get("/healthz").await
    }

    pub async fn openapi(&self) -> Answer {
        self.get("/api/openapi.json").await
    }

    pub async fn login(&self, email: &str, password: &str) -> Answer {
        let body = json!({ "email": email, "password": password });
        self.send(self.convenor.post(self.url("/api/session")).json(&body))
            .await
    }

    pub async fn login_as_convenor(&self) {
        let answer = self.login(CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
        assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    }

    pub async fn logout(&self) -> Answer {
        self.send(self.convenor.delete(self.url("/api/session")))
            .await
    }

    pub async fn create_dialogue(&self, body: &Value) -> Answer {
        self.send(self.convenor.post(self.url("/api/dialogues")).json(body))
            .await
    }

    /// Creates a post-moderated dialogue with two constituencies and three seed statements.
    pub async fn create_standard_dialogue(&self) -> i64 {
        let answer = self
            .create_dialogue(&json!({
                "title": "Our parks",
                "question": "What would make the parks better for health?",
                "constituencies": [
                    {"name": "resident", "expected_share": 0.7, "kind": "lay"},
                    {"name": "GP", "kind": "professional"}
                ],
                "statements": ["More benches", "Free outdoor gyms", "Longer opening hours"],
            }))
            .await;
        assert_eq!(answer.status, StatusCode::CREATED, "{answer:?}");
        answer.body["id"].as_i64().expect("id")
    }

    pub async fn get_dialogue(&self, id: i64) -> Answer {
        self.get(&format!("/api/dialogues/{id}")).await
    }

    pub async fn update_dialogue(&self, id: i64, body: &Value) -> Answer {
        self.send(
            self.convenor
                .patch(self.url(&format!("/api/dialogues/{id}")))
                .json(body),
        )
        .await
    }

    pub async fn close(&self, id: i64) -> Answer {
        self.send(
            self.convenor
                .post(self.url(&format!("/api/dialogues/{id}/close"))),
        )
        .await
    }

    pub async fn reopen(&self, id: i64) -> Answer {
        self.send(
            self.convenor
                .post(self.url(&format!("/api/dialogues/{id}/reopen"))),
        )
        .await
    }

    pub async fn join_raw(&self, id: i64, body: &Value) -> Answer {
        self.send(
            self.anonymous
                .post(self.url(&format!("/api/dialogues/{id}/participants")))
                .json(body),
        )
        .await
    }

    pub async fn join(&self, id: i64, constituencies: &[&str]) -> Participant {
        let answer = self
            .join_raw(id, &json!({ "constituencies": constituencies }))
            .await;
        assert_eq!(answer.status, StatusCode::CREATED, "{answer:?}");
        Participant {
            id: answer.body["participant_id"]
                .as_i64()
                .expect("participant id"),
            token: answer.body["token"].as_str().expect("token").to_owned(),
        }
    }

    pub async fn next(&self, id: i64, participant: &Participant) -> Answer {
        self.send(
            self.anonymous
                .get(self.url(&format!("/api/dialogues/{id}/next")))
                .bearer_auth(&participant.token),
        )
        .await
    }

    pub async fn vote_raw(&self, id: i64, token: &str, body: &Value) -> Answer {
        self.send(
            self.anonymous
                .post(self.url(&format!("/api/dialogues/{id}/votes")))
                .bearer_auth(token)
                .json(body),
        )
        .await
    }

    pub async fn vote(
        &self,
        id: i64,
        participant: &Participant,
        statement: i64,
        vote: &str,
    ) -> Answer {
        self.vote_raw(
            id,
            &participant.token,
            &json!({ "statement_id": statement, "vote": vote }),
        )
        .await
    }

    pub async fn submit_statement(&self, id: i64, participant: &Participant, text: &str) -> Answer {
        self.send(
            self.anonymous
                .post(self.url(&format!("/api/dialogues/{id}/statements")))
                .bearer_auth(&participant.token)
                .json(&json!({ "text": text })),
        )
        .await
    }

    pub async fn list_statements(&self, id: i64, query: &str) -> Answer {
        self.get(&format!("/api/dialogues/{id}/statements{query}"))
            .await
    }

    pub async fn moderate_one(&self, id: i64, statement: i64, status: &str) -> Answer {
        self.send(
            self.convenor
                .patch(self.url(&format!("/api/dialogues/{id}/statements/{statement}")))
                .json(&json!({ "status": status })),
        )
        .await
    }

    pub async fn moderate_many(&self, id: i64, statements: &[i64], status: &str) -> Answer {
        self.send(
            self.convenor
                .post(self.url(&format!("/api/dialogues/{id}/moderation")))
                .json(&json!({ "statement_ids": statements, "status": status })),
        )
        .await
    }

    pub async fn analysis(&self, id: i64) -> Answer {
        self.get(&format!("/api/dialogues/{id}/analysis")).await
    }

    pub async fn request_recompute(&self, id: i64) -> Answer {
        self.send(
            self.convenor
                .post(self.url(&format!("/api/dialogues/{id}/analysis"))),
        )
        .await
    }

    pub async fn export(&self, id: i64, format: &str) -> Answer {
        self.get(&format!("/api/dialogues/{id}/export?format={format}"))
            .await
    }

    pub async fn export_file(&self, id: i64, file: &str) -> Answer {
        self.get(&format!("/api/dialogues/{id}/export/{file}"))
            .await
    }

    /// Counts the dialogue's latest votes and vote events straight from the store.
    pub async fn vote_counts(&self, id: i64) -> store::VoteCounts {
        self.state
            .store()
            .count_votes(model::DialogueId(id))
            .await
            .expect("counts")
    }

    /// Recomputes the analysis synchronously through the test hook.
    pub async fn recompute_now(&self, id: i64) -> server::analysis::RunOutcome {
        self.state
            .analysis()
            .recompute_now(model::DialogueId(id))
            .await
    }
}

impl TestApp {
    /// Sends a DELETE and returns its status and error code.
    pub async fn send_delete(&self, path: &str) -> (StatusCode, String) {
        let answer = self.send(self.convenor.delete(self.url(path))).await;
        (answer.status, answer.code().to_owned())
    }
}
