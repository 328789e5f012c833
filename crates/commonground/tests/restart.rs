//! No stale analysis after a restart: input acknowledged inside the analysis debounce, then the
//! real `commonground serve` process is stopped by SIGTERM (a deploy) or SIGKILL (a crash) and
//! started again on the same database. With no traffic at all after the restart, the analysis
//! must count every acknowledged input within the debounce plus 10 seconds.
//!
//! Before the restart the test checks that the stored analysis really is stale (the input did
//! land inside the debounce), so that the catch-up it then waits for is the recovery's work.
//! Under SIGTERM it also checks the drain: input sent while the server stops is answered or
//! refused, never met by a server error, the process exits cleanly within its grace period, and
//! every acknowledged vote is stored.
//!
//! Each kind of analysed subject implements [`AnalysedSubject`]; today that is the dialogue.
//! Runs on SQLite always and on PostgreSQL when `TEST_PG_URL` names a server (with `CI` set, a
//! missing `TEST_PG_URL` is a failure).

#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

#[allow(
    dead_code,
    reason = "shared with the crash test, which uses more of it"
)]
#[path = "support/http.rs"]
mod http;
#[allow(
    dead_code,
    reason = "shared with the crash test, which uses more of it"
)]
#[path = "support/server.rs"]
mod server;

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use model::DialogueId;

use http::{Connection, Failure};
use server::{PgDatabase, ServerOptions, ServerProcess};

const EMAIL: &str = "restart@commonground.example";
const PASSWORD: &str = "restart test password";

/// The analysis debounce of the servers under test: long enough that every vote after the
/// first analysis lands inside it, even on a slow machine.
const DEBOUNCE: Duration = Duration::from_secs(6);

/// How long after the restart the analysis must have caught up.
const CATCH_UP: Duration = Duration::from_secs(DEBOUNCE.as_secs() + 10);

/// How long a client waits for one answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a SIGTERM may take to drain the server.
const DRAIN_PATIENCE: Duration = Duration::from_secs(20);

/// How a server is stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    Sigterm,
    Sigkill,
}

/// What the test needs of one kind of analysed subject.
trait AnalysedSubject: Send + Sync {
    /// The kind's name, for messages.
    fn kind(&self) -> &'static str;

    /// Sends input (votes, comparisons, answers...) until `stop` is set or `limit` inputs have
    /// been acknowledged; returns how many were acknowledged. Any server error is a failure;
    /// input whose answer was lost (the server stopping) is not counted.
    fn send_input(&self, address: SocketAddr, limit: usize, stop: &AtomicBool) -> usize;

    /// Returns the input count of the served analysis, or `None` before the first analysis.
    fn analysed(&self, address: SocketAddr) -> Option<u64>;

    /// Returns, straight from the database: the input stored and whether the stored analysis
    /// is older than it.
    fn stored(&self, database: &str) -> (u64, bool);
}

/// A dialogue: input is votes of participants who join as they go.
struct Dialogue {
    id: i64,
    statements: Vec<i64>,
    cookie: String,
    /// Participants that have joined, with the statements each has voted on.
    voters: Mutex<Vec<(String, BTreeSet<i64>)>>,
}

impl Dialogue {
    fn create(address: SocketAddr) -> Dialogue {
        let cookie = server::sign_in(address, EMAIL, PASSWORD).unwrap();
        let dialogue = server::create_dialogue(address, &cookie, 12).unwrap();
        Dialogue {
            id: dialogue.id,
            statements: dialogue.statements,
            cookie,
            voters: Mutex::new(Vec::new()),
        }
    }

    /// Returns a participant's token and a statement they have not voted on, joining a new
    /// participant when all have voted on everything.
    fn next_pair(&self, connection: &mut Connection) -> Option<(String, i64)> {
        let mut voters = self.voters.lock().unwrap();
        for (token, voted) in voters.iter_mut() {
            if let Some(&statement) = self.statements.iter().find(|s| !voted.contains(*s)) {
                voted.insert(statement);
                return Some((token.clone(), statement));
            }
        }
        let path = format!("/api/dialogues/{}/participants", self.id);
        let joined = connection
            .request("POST", &path, &[], Some(&serde_json::json!({})))
            .ok()?;
        assert_eq!(joined.status, 201, "join: {}", joined.text());
        let token = joined.json().unwrap()["token"].as_str().unwrap().to_owned();
        let statement = self.statements[0];
        voters.push((token.clone(), BTreeSet::from([statement])));
        Some((token, statement))
    }
}

impl AnalysedSubject for Dialogue {
    fn kind(&self) -> &'static str {
        "dialogue"
    }

    fn send_input(&self, address: SocketAddr, limit: usize, stop: &AtomicBool) -> usize {
        let mut connection = Connection::new(address, ANSWER_TIMEOUT);
        let path = format!("/api/dialogues/{}/votes", self.id);
        let mut acknowledged = 0;
        while acknowledged < limit && !stop.load(Ordering::SeqCst) {
            let Some((token, statement)) = self.next_pair(&mut connection) else {
                break;
            };
            let body = serde_json::json!({ "statement_id": statement, "vote": "agree" });
            let authorization = format!("Bearer {token}");
            match connection.request(
                "POST",
                &path,
                &[("Authorization", &authorization)],
                Some(&body),
            ) {
                Ok(answer) if answer.status == 200 => acknowledged += 1,
                Ok(answer) => panic!("a vote was answered {}: {}", answer.status, answer.text()),
                // The server is stopping: a refused or unanswered vote is not acknowledged.
                Err(Failure::NotSent(_) | Failure::Lost(_)) => break,
            }
        }
        acknowledged
    }

    fn analysed(&self, address: SocketAddr) -> Option<u64> {
        let mut connection = Connection::new(address, ANSWER_TIMEOUT);
        let path = format!("/api/dialogues/{}/analysis", self.id);
        let answer = connection
            .request("GET", &path, &[("Cookie", &self.cookie)], None)
            .unwrap();
        match answer.status {
            200 => answer.json().unwrap()["n_votes"].as_u64(),
            404 => None,
            status => panic!("reading the analysis answered {status}: {}", answer.text()),
        }
    }

    fn stored(&self, database: &str) -> (u64, bool) {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let store = store::connect(database).await.unwrap();
            let id = DialogueId(self.id);
            let votes = store.count_votes(id).await.unwrap().votes;
            let stale = store.analysis_is_stale(id).await.unwrap();
            store.close().await;
            (votes, stale)
        })
    }
}

/// Waits until `ready` holds, polling, or fails with `what` after `patience`.
fn wait_for(patience: Duration, what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + patience;
    while !ready() {
        assert!(Instant::now() < deadline, "{what} within {patience:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn options(folder: &Path, database: &str) -> ServerOptions {
    let binary = Path::new(env!("CARGO_BIN_EXE_commonground"));
    ServerOptions {
        binary: binary.to_owned(),
        database: database.to_owned(),
        log: folder.join("server.log"),
        env: vec![
            (
                "COMMONGROUND_RATE_LIMITS_ENABLED".to_owned(),
                "false".to_owned(),
            ),
            (
                "COMMONGROUND_ANALYSIS_DEBOUNCE_MS".to_owned(),
                DEBOUNCE.as_millis().to_string(),
            ),
            ("RUST_LOG".to_owned(), "info".to_owned()),
        ],
    }
}

/// Input inside the debounce, a stop, a restart with no traffic, and the catch-up.
fn stale_after_restart(
    subject: &dyn AnalysedSubject,
    options: &ServerOptions,
    running: ServerProcess,
    stop: Stop,
) {
    let kind = subject.kind();
    let address = running.address();
    let never = AtomicBool::new(false);
    // The first input is analysed at once; the debounce starts with that run.
    assert_eq!(subject.send_input(address, 1, &never), 1);
    wait_for(
        DEBOUNCE,
        &format!("the first {kind} analysis must appear"),
        || subject.analysed(address) == Some(1),
    );
    let inside = subject.send_input(address, 40, &never);
    assert_eq!(inside, 40);
    let mut acknowledged = 1 + inside;

    match stop {
        Stop::Sigkill => running.kill().unwrap(),
        Stop::Sigterm => {
            // Input keeps coming while the server drains: what it acknowledged is stored.
            let stop_sending = Arc::new(AtomicBool::new(false));
            let sending = std::thread::scope(|scope| {
                let sender = scope.spawn(|| subject.send_input(address, usize::MAX, &stop_sending));
                std::thread::sleep(Duration::from_millis(100));
                let status = running.terminate(DRAIN_PATIENCE).unwrap();
                assert!(
                    status.success(),
                    "SIGTERM must end the server cleanly: {status}"
                );
                stop_sending.store(true, Ordering::SeqCst);
                sender.join().unwrap()
            });
            acknowledged += sending;
        }
    }
    let acknowledged = u64::try_from(acknowledged).unwrap();
    let (stored, stale) = subject.stored(&options.database);
    assert!(
        stored >= acknowledged,
        "{stop:?}: {acknowledged} inputs were acknowledged but only {stored} are stored"
    );
    assert!(
        stale,
        "{stop:?}: the {kind} analysis must be stale after the stop, or this test proves nothing \
         (was the machine too slow to vote inside the {DEBOUNCE:?} debounce?)"
    );

    let restarted_at = Instant::now();
    let restarted = ServerProcess::start(options).unwrap();
    wait_for(
        CATCH_UP,
        &format!(
            "{stop:?}: after the restart the {kind} analysis must count all {stored} stored inputs \
             (see {})",
            options.log.display()
        ),
        || !subject.stored(&options.database).1,
    );
    let analysed = subject.analysed(restarted.address());
    assert_eq!(
        analysed,
        Some(stored),
        "{stop:?}: the served {kind} analysis must count every stored input"
    );
    eprintln!(
        "{kind} after {stop:?}: {acknowledged} acknowledged, {stored} stored, analysed {:.1} s \
         after the restart",
        restarted_at.elapsed().as_secs_f64()
    );
    if stop == Stop::Sigterm {
        let log = std::fs::read_to_string(&options.log).unwrap();
        assert!(log.contains("SIGTERM received"), "{log}");
        assert!(log.contains("stopped"), "{log}");
    }
    restarted.terminate(DRAIN_PATIENCE).unwrap();
}

fn check(database: &str, stop: Stop) {
    let folder = tempfile::tempdir().unwrap();
    let options = options(folder.path(), database);
    server::add_convenor(
        &options.binary,
        database,
        EMAIL,
        PASSWORD,
        "Restart partnership",
    )
    .unwrap();
    // Every kind of analysed subject, each on a fresh server.
    let kinds: [fn(SocketAddr) -> Box<dyn AnalysedSubject>; 1] =
        [|address| Box::new(Dialogue::create(address))];
    for make in kinds {
        let running = ServerProcess::start(&options).unwrap();
        let subject = make(running.address());
        stale_after_restart(subject.as_ref(), &options, running, stop);
    }
}

fn sqlite(stop: Stop) {
    let folder = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", folder.path().join("restart.db").display());
    check(&database, stop);
}

fn postgres(stop: Stop) {
    let Ok(base) = std::env::var("TEST_PG_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "TEST_PG_URL is not set but CI is: the PostgreSQL restart test must not be skipped"
        );
        eprintln!("skipping the PostgreSQL restart test: TEST_PG_URL is not set");
        return;
    };
    let name = format!(
        "cg_restart_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let database = PgDatabase::create(&base, &name).unwrap();
    check(database.url(), stop);
}

#[test]
fn votes_inside_the_debounce_are_analysed_after_sigterm_on_sqlite() {
    sqlite(Stop::Sigterm);
}

#[test]
fn votes_inside_the_debounce_are_analysed_after_sigkill_on_sqlite() {
    sqlite(Stop::Sigkill);
}

#[test]
fn votes_inside_the_debounce_are_analysed_after_sigterm_on_postgres() {
    postgres(Stop::Sigterm);
}

#[test]
fn votes_inside_the_debounce_are_analysed_after_sigkill_on_postgres() {
    postgres(Stop::Sigkill);
}
