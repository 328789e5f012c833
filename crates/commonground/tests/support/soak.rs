//! The soak run: the real `commonground serve` process under a steady mixed load over loopback
//! for a set time: participants join, vote, write statements and erase their data, a convenor
//! moderates and reads the report. Every answer is checked; latency is measured per kind of
//! action; the server's resident memory and whether its analysis keeps up are sampled every
//! 10 seconds; at the end the load stops and the analysis must catch up with every
//! acknowledged vote still stored within a bound.
//!
//! Shared by `cargo xtask soak` and the bounded test `crates/commonground/tests/soak.rs`.
//! A new kind of action (comparisons of a priority list, say) is a variant of [`Action`] with
//! its weight in [`MIX`] and its arm in `Client::act`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use super::http::{Connection, Response};
use super::server::{self, ServerOptions, ServerProcess};

/// How long a client waits for one answer before counting it as a failure.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// How often memory and the analysis are sampled.
const SAMPLE_EVERY: Duration = Duration::from_secs(10);

/// How many failures are kept as examples.
const FAILURE_EXAMPLES: usize = 20;

/// The most statements one participant writes (the server's default limit is 30).
const STATEMENTS_PER_PARTICIPANT: u32 = 20;

/// Erasures only happen while at least this many participants are left to act.
const MIN_PARTICIPANTS: usize = 20;

/// What a client does in one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// A new participant joins.
    Join,
    /// A participant votes on a seed statement.
    Vote,
    /// A participant writes a statement.
    Statement,
    /// A participant erases their data.
    Erase,
    /// The convenor accepts or rejects a participant's statement.
    Moderate,
    /// The convenor reads the analysis.
    ReadReport,
}

impl Action {
    /// The action's name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Action::Join => "join",
            Action::Vote => "vote",
            Action::Statement => "statement",
            Action::Erase => "erase",
            Action::Moderate => "moderate",
            Action::ReadReport => "report",
        }
    }
}

/// The mix of actions: each with its weight out of the total.
pub const MIX: [(Action, u32); 6] = [
    (Action::Vote, 70),
    (Action::Join, 8),
    (Action::ReadReport, 8),
    (Action::Statement, 6),
    (Action::Moderate, 5),
    (Action::Erase, 3),
];

/// What one soak run does.
#[derive(Clone, Debug)]
pub struct SoakPlan {
    /// The `commonground` binary.
    pub binary: PathBuf,
    /// An empty database: `sqlite:PATH` or `postgres://...`.
    pub database: String,
    /// Where the server's log goes.
    pub folder: PathBuf,
    /// How long the load runs.
    pub duration: Duration,
    /// Actions per second over all clients.
    pub rate: f64,
    /// Concurrent clients, each with one keep-alive connection.
    pub clients: usize,
    /// Seed statements of the dialogue (the votes' targets).
    pub statements: usize,
    /// The server's analysis debounce.
    pub debounce: Duration,
    /// How long after the load stops the analysis may take to count every stored vote.
    pub catch_up: Duration,
    /// Extra environment of the server.
    pub server_env: Vec<(String, String)>,
    /// Whether each reading is also written to stderr as it is taken.
    pub live: bool,
}

/// One reading taken every [`SAMPLE_EVERY`].
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Seconds since the load started.
    pub seconds: f64,
    /// The server's resident memory in KiB.
    pub rss_kib: u64,
    /// Votes acknowledged and not erased since.
    pub expected_votes: i64,
    /// The votes the served analysis counts, if one exists.
    pub analysed_votes: Option<u64>,
}

/// Latencies and outcomes of one kind of action.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Answered as expected.
    pub ok: u64,
    /// Answered otherwise, or not at all.
    pub failures: u64,
    /// Latencies of the answered requests, in microseconds, sorted at the end.
    pub latencies_us: Vec<u64>,
}

/// What a soak run measured.
#[derive(Debug)]
pub struct SoakReport {
    /// The plan.
    pub plan: SoakPlan,
    /// How long the load ran.
    pub elapsed: Duration,
    /// Per kind of action.
    pub tallies: BTreeMap<Action, Tally>,
    /// Examples of failures.
    pub failure_examples: Vec<String>,
    /// The readings every 10 s.
    pub samples: Vec<Sample>,
    /// Votes acknowledged and not erased when the load stopped.
    pub expected_votes: i64,
    /// How long after the load stopped the analysis counted them all, or `None` if it did not
    /// within the bound.
    pub caught_up_after: Option<Duration>,
    /// What the analysis counted last.
    pub final_analysed: Option<u64>,
    /// The server's peak resident memory in KiB.
    pub peak_kib: u64,
    /// The server's CPU time during the load.
    pub server_cpu_seconds: Option<f64>,
    /// The load generator's CPU time during the load.
    pub client_cpu_seconds: Option<f64>,
    /// `/proc/loadavg` at the start and at the end.
    pub load_average: (String, String),
}

fn quantile_ms(sorted: &[u64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let last = sorted.len() - 1;
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "an index into a list far shorter than 2^52"
    )]
    let index = ((last as f64) * fraction).round() as usize;
    #[allow(clippy::cast_precision_loss, reason = "microseconds far below 2^52")]
    let ms = sorted[index.min(last)] as f64 / 1000.0;
    ms
}

#[allow(clippy::cast_precision_loss, reason = "KiB far below 2^52")]
fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

impl SoakReport {
    /// Every failure of the run: unexpected answers and an analysis that did not catch up.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let failures: u64 = self.tallies.values().map(|tally| tally.failures).sum();
        if failures > 0 {
            problems.push(format!(
                "{failures} actions failed, for example: {:#?}",
                self.failure_examples
            ));
        }
        if self.caught_up_after.is_none() {
            problems.push(format!(
                "the analysis counted {:?} votes {:?} after the load stopped, not the {} \
                 acknowledged and still stored",
                self.final_analysed, self.plan.catch_up, self.expected_votes
            ));
        }
        problems
    }

    /// The run as a readable report.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let total: u64 = self
            .tallies
            .values()
            .map(|tally| tally.ok + tally.failures)
            .sum();
        let _ = writeln!(
            out,
            "soak: {:.0} s, {} clients, {total} actions ({:.0}/s), database {}",
            self.elapsed.as_secs_f64(),
            self.plan.clients,
            total as f64 / self.elapsed.as_secs_f64().max(1e-9),
            if self.plan.database.starts_with("postgres") {
                "PostgreSQL"
            } else {
                "SQLite"
            }
        );
        let _ = writeln!(
            out,
            "| action | ok | failed | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|"
        );
        for (action, tally) in &self.tallies {
            let sorted = &tally.latencies_us;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} |",
                action.name(),
                tally.ok,
                tally.failures,
                quantile_ms(sorted, 0.5),
                quantile_ms(sorted, 0.9),
                quantile_ms(sorted, 0.99),
                quantile_ms(sorted, 1.0),
            );
        }
        let _ = writeln!(
            out,
            "\n| t (s) | RSS MiB | votes acknowledged, not erased | votes analysed |\n|---:|---:|---:|---:|"
        );
        for sample in &self.samples {
            let _ = writeln!(
                out,
                "| {:.0} | {:.1} | {} | {} |",
                sample.seconds,
                mib(sample.rss_kib),
                sample.expected_votes,
                sample
                    .analysed_votes
                    .map_or_else(|| "none yet".to_owned(), |votes| votes.to_string()),
            );
        }
        let _ = writeln!(
            out,
            "\npeak RSS {:.1} MiB; server CPU {} s, load generator CPU {} s; load average {} at the start, {} at the end",
            mib(self.peak_kib),
            self.server_cpu_seconds
                .map_or_else(|| "?".to_owned(), |s| format!("{s:.1}")),
            self.client_cpu_seconds
                .map_or_else(|| "?".to_owned(), |s| format!("{s:.1}")),
            self.load_average.0,
            self.load_average.1,
        );
        let _ = match self.caught_up_after {
            Some(after) => writeln!(
                out,
                "analysis kept up: it counted all {} stored votes {:.1} s after the load stopped (bound {:.0} s, debounce {:.1} s)",
                self.expected_votes,
                after.as_secs_f64(),
                self.plan.catch_up.as_secs_f64(),
                self.plan.debounce.as_secs_f64(),
            ),
            None => writeln!(
                out,
                "analysis did NOT keep up: {:?} analysed of {} stored votes after {:.0} s",
                self.final_analysed,
                self.expected_votes,
                self.plan.catch_up.as_secs_f64()
            ),
        };
        out
    }
}

/// A participant as the load generator knows them.
#[derive(Debug)]
struct Participant {
    authorization: String,
    voted: BTreeSet<i64>,
    written: u32,
}

/// What the clients share.
struct Shared {
    address: SocketAddr,
    dialogue: i64,
    cookie: String,
    seed_statements: Vec<i64>,
    /// Participants not being used by a client right now.
    idle: Mutex<Vec<Participant>>,
    /// Statements participants wrote, for moderation.
    written: Mutex<Vec<i64>>,
    /// Votes acknowledged, less those of erased participants.
    expected_votes: AtomicI64,
    next_action: AtomicU64,
    failures: Mutex<Vec<String>>,
    stop: AtomicBool,
}

fn microseconds(duration: Duration) -> u64 {
    u64::try_from(duration.as_micros()).unwrap_or(u64::MAX)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Returns a number from a counter that is spread evenly over `0..bound`.
fn spread(k: u64, salt: u64, bound: usize) -> usize {
    let mixed = (k ^ salt)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(29);
    usize::try_from(mixed % u64::try_from(bound.max(1)).unwrap_or(1)).unwrap_or(0)
}

/// The action of step `k`, by the weights of [`MIX`].
fn action_of(k: u64) -> Action {
    let total: u32 = MIX.iter().map(|(_, weight)| weight).sum();
    let mut pick = u32::try_from(spread(k, 0x51, usize::try_from(total).unwrap_or(1))).unwrap_or(0);
    for (action, weight) in MIX {
        if pick < weight {
            return action;
        }
        pick -= weight;
    }
    Action::Vote
}

/// How an answer is judged.
enum Judged {
    Ok,
    Failed(String),
}

fn expect(response: &Response, allowed: &[u16]) -> Judged {
    if allowed.contains(&response.status) {
        Judged::Ok
    } else {
        Judged::Failed(format!("status {}: {}", response.status, response.text()))
    }
}

struct Client<'a> {
    shared: &'a Shared,
    connection: Connection,
    tallies: BTreeMap<Action, Tally>,
}

impl Client<'_> {
    fn take_participant(&self, k: u64) -> Option<Participant> {
        let mut idle = lock(&self.shared.idle);
        if idle.is_empty() {
            return None;
        }
        let index = spread(k, 0xA7, idle.len());
        Some(idle.swap_remove(index))
    }

    fn give_back(&self, participant: Participant) {
        lock(&self.shared.idle).push(participant);
    }

    fn request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&serde_json::Value>,
    ) -> Result<(Response, Duration), String> {
        let sent = Instant::now();
        self.connection
            .request(method, path, headers, body)
            .map(|response| (response, sent.elapsed()))
            .map_err(|failure| failure.to_string())
    }

    fn record(&mut self, action: Action, outcome: Result<(Judged, Duration), String>, k: u64) {
        let tally = self.tallies.entry(action).or_default();
        let failure = match outcome {
            Ok((Judged::Ok, latency)) => {
                tally.ok += 1;
                tally.latencies_us.push(microseconds(latency));
                return;
            }
            Ok((Judged::Failed(why), latency)) => {
                tally.latencies_us.push(microseconds(latency));
                why
            }
            Err(why) => why,
        };
        tally.failures += 1;
        let mut failures = lock(&self.shared.failures);
        if failures.len() < FAILURE_EXAMPLES {
            failures.push(format!("{} (step {k}): {failure}", action.name()));
        }
    }

    fn join(&mut self, k: u64) {
        let path = format!("/api/dialogues/{}/participants", self.shared.dialogue);
        let outcome = self
            .request("POST", &path, &[], Some(&serde_json::json!({})))
            .map(|(response, latency)| {
                let judged = expect(&response, &[201]);
                if let Judged::Ok = judged {
                    match response.json().ok().and_then(|body| {
                        body["token"]
                            .as_str()
                            .map(|token| format!("Bearer {token}"))
                    }) {
                        Some(authorization) => self.give_back(Participant {
                            authorization,
                            voted: BTreeSet::new(),
                            written: 0,
                        }),
                        None => {
                            return (
                                Judged::Failed("a join answered no token".to_owned()),
                                latency,
                            );
                        }
                    }
                }
                (judged, latency)
            });
        self.record(Action::Join, outcome, k);
    }

    fn vote(&mut self, k: u64, mut participant: Participant) {
        let statements = &self.shared.seed_statements;
        let fresh: Vec<i64> = statements
            .iter()
            .copied()
            .filter(|statement| !participant.voted.contains(statement))
            .collect();
        // Once a participant has voted on everything, they change their mind.
        let statement = if fresh.is_empty() {
            statements[spread(k, 0x3B, statements.len())]
        } else {
            fresh[spread(k, 0x3B, fresh.len())]
        };
        let choice = ["agree", "disagree", "pass"][spread(k, 0x11, 3)];
        let path = format!("/api/dialogues/{}/votes", self.shared.dialogue);
        let body = serde_json::json!({ "statement_id": statement, "vote": choice });
        let authorization = participant.authorization.clone();
        let outcome = self
            .request(
                "POST",
                &path,
                &[("Authorization", &authorization)],
                Some(&body),
            )
            .map(|(response, latency)| {
                let judged = expect(&response, &[200]);
                if matches!(judged, Judged::Ok) && participant.voted.insert(statement) {
                    self.shared.expected_votes.fetch_add(1, Ordering::SeqCst);
                }
                (judged, latency)
            });
        self.give_back(participant);
        self.record(Action::Vote, outcome, k);
    }

    fn statement(&mut self, k: u64, mut participant: Participant) {
        if participant.written >= STATEMENTS_PER_PARTICIPANT {
            self.give_back(participant);
            return self.read_report(k);
        }
        let path = format!("/api/dialogues/{}/statements", self.shared.dialogue);
        let body = serde_json::json!({
            "text": format!("Soak statement number {k}: the service should open on Saturdays"),
        });
        let authorization = participant.authorization.clone();
        let outcome = self
            .request(
                "POST",
                &path,
                &[("Authorization", &authorization)],
                Some(&body),
            )
            .map(|(response, latency)| {
                let judged = expect(&response, &[201]);
                if let Judged::Ok = judged {
                    participant.written += 1;
                    if let Some(id) = response.json().ok().and_then(|body| body["id"].as_i64()) {
                        lock(&self.shared.written).push(id);
                        // The statement carries its author's agreement, a vote like any other
                        // (the dialogue shows statements at once, so it counts at once).
                        if participant.voted.insert(id) {
                            self.shared.expected_votes.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                }
                (judged, latency)
            });
        self.give_back(participant);
        self.record(Action::Statement, outcome, k);
    }

    fn erase(&mut self, k: u64, participant: Participant) {
        if lock(&self.shared.idle).len() < MIN_PARTICIPANTS {
            self.give_back(participant);
            return self.join(k);
        }
        let path = format!("/api/dialogues/{}/me", self.shared.dialogue);
        let authorization = participant.authorization.clone();
        let outcome = self
            .request("DELETE", &path, &[("Authorization", &authorization)], None)
            .map(|(response, latency)| {
                let judged = expect(&response, &[200]);
                match judged {
                    Judged::Ok => {
                        let votes = i64::try_from(participant.voted.len()).unwrap_or(0);
                        self.shared
                            .expected_votes
                            .fetch_sub(votes, Ordering::SeqCst);
                    }
                    // Not erased: the participant can go on.
                    Judged::Failed(_) => self.give_back(Participant {
                        authorization: participant.authorization.clone(),
                        voted: participant.voted.clone(),
                        written: participant.written,
                    }),
                }
                (judged, latency)
            });
        self.record(Action::Erase, outcome, k);
    }

    fn moderate(&mut self, k: u64) {
        let statement = {
            let written = lock(&self.shared.written);
            if written.is_empty() {
                None
            } else {
                Some(written[spread(k, 0x77, written.len())])
            }
        };
        let Some(statement) = statement else {
            return self.read_report(k);
        };
        let status = if spread(k, 0x19, 4) == 0 {
            "rejected"
        } else {
            "accepted"
        };
        let path = format!(
            "/api/dialogues/{}/statements/{statement}",
            self.shared.dialogue
        );
        let cookie = self.shared.cookie.clone();
        let outcome = self
            .request(
                "PATCH",
                &path,
                &[("Cookie", &cookie)],
                Some(&serde_json::json!({ "status": status })),
            )
            .map(|(response, latency)| {
                // Its author may have erased it meanwhile: then it is gone, which is no error.
                let gone =
                    response.status == 404 && response.text().contains("statement_not_found");
                let judged = if gone {
                    Judged::Ok
                } else {
                    expect(&response, &[200])
                };
                (judged, latency)
            });
        self.record(Action::Moderate, outcome, k);
    }

    fn read_report(&mut self, k: u64) {
        let path = format!("/api/dialogues/{}/analysis", self.shared.dialogue);
        let cookie = self.shared.cookie.clone();
        let outcome = self
            .request("GET", &path, &[("Cookie", &cookie)], None)
            .map(|(response, latency)| {
                // Before the first analysis the answer is 404 `analysis_not_ready`.
                let not_ready =
                    response.status == 404 && response.text().contains("analysis_not_ready");
                let judged = if not_ready {
                    Judged::Ok
                } else {
                    expect(&response, &[200])
                };
                (judged, latency)
            });
        self.record(Action::ReadReport, outcome, k);
    }

    fn act(&mut self, k: u64) {
        let action = action_of(k);
        match action {
            Action::Join => self.join(k),
            Action::ReadReport => self.read_report(k),
            Action::Moderate => self.moderate(k),
            Action::Vote | Action::Statement | Action::Erase => {
                let Some(participant) = self.take_participant(k) else {
                    return self.join(k);
                };
                match action {
                    Action::Vote => self.vote(k, participant),
                    Action::Statement => self.statement(k, participant),
                    _ => self.erase(k, participant),
                }
            }
        }
    }

    /// Takes steps as they fall due until the run is over.
    fn run(mut self, plan: &SoakPlan, start: Instant) -> BTreeMap<Action, Tally> {
        loop {
            if self.shared.stop.load(Ordering::SeqCst) {
                break;
            }
            let k = self.shared.next_action.fetch_add(1, Ordering::SeqCst);
            #[allow(clippy::cast_precision_loss, reason = "step counts far below 2^52")]
            let due = start + Duration::from_secs_f64(k as f64 / plan.rate);
            let now = Instant::now();
            // Past the set time, by the schedule or by the clock (a server that falls behind
            // would otherwise stretch the run), no more actions go out.
            if due >= start + plan.duration || now >= start + plan.duration {
                break;
            }
            if due > now {
                std::thread::sleep(due - now);
            }
            self.act(k);
        }
        self.tallies
    }
}

/// Returns the votes the served analysis counts, if it exists.
fn analysed_votes(connection: &mut Connection, dialogue: i64, cookie: &str) -> Option<u64> {
    let path = format!("/api/dialogues/{dialogue}/analysis");
    let response = connection
        .request("GET", &path, &[("Cookie", cookie)], None)
        .ok()?;
    if response.status != 200 {
        return None;
    }
    response.json().ok()?["n_votes"].as_u64()
}

/// Returns the CPU time (user and system) of a process, `self` or a pid, in seconds.
fn cpu_seconds(process: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{process}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    #[allow(clippy::cast_precision_loss, reason = "clock ticks far below 2^52")]
    let seconds = (user + system) as f64 / 100.0;
    Some(seconds)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "?".to_owned())
}

/// Samples memory and the analysis every [`SAMPLE_EVERY`] until the run stops.
fn sample(shared: &Shared, pid: u32, start: Instant, live: bool) -> Vec<Sample> {
    let mut connection = Connection::new(shared.address, ANSWER_TIMEOUT);
    let mut samples = Vec::new();
    let mut next = start;
    loop {
        let reading = Sample {
            seconds: start.elapsed().as_secs_f64(),
            rss_kib: server::proc_status_kib(pid, "VmRSS:").unwrap_or(0),
            expected_votes: shared.expected_votes.load(Ordering::SeqCst),
            analysed_votes: analysed_votes(&mut connection, shared.dialogue, &shared.cookie),
        };
        if live {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(
                stderr,
                "{:>5.0} s: RSS {:.1} MiB, {} votes acknowledged and kept, {:?} analysed, {} actions",
                reading.seconds,
                mib(reading.rss_kib),
                reading.expected_votes,
                reading.analysed_votes,
                shared.next_action.load(Ordering::SeqCst),
            );
        }
        samples.push(reading);
        next += SAMPLE_EVERY;
        while Instant::now() < next {
            if shared.stop.load(Ordering::SeqCst) {
                return samples;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Runs the plan: starts the server on the database, loads it for the set time, then waits
/// for the analysis to catch up and stops the server.
pub fn run(plan: &SoakPlan) -> anyhow::Result<SoakReport> {
    if plan.clients == 0 || plan.statements == 0 || plan.rate <= 0.0 {
        bail!("the clients, statements and rate must be positive");
    }
    let email = format!(
        "soak-{}-{}@commonground.example",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis())
    );
    let password = "soak run password";
    server::add_convenor(
        &plan.binary,
        &plan.database,
        &email,
        password,
        &format!("Soak partnership {email}"),
    )?;
    let options = ServerOptions {
        binary: plan.binary.clone(),
        database: plan.database.clone(),
        log: plan.folder.join("server.log"),
        env: [
            ("COMMONGROUND_RATE_LIMITS_ENABLED", "false".to_owned()),
            (
                "COMMONGROUND_ANALYSIS_DEBOUNCE_MS",
                plan.debounce.as_millis().to_string(),
            ),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .chain(plan.server_env.iter().cloned())
        .collect(),
    };
    let running = ServerProcess::start(&options)?;
    let address = running.address();
    let cookie = server::sign_in(address, &email, password)?;
    let dialogue = server::create_dialogue_with(address, &cookie, plan.statements, true)?;
    let shared = Shared {
        address,
        dialogue: dialogue.id,
        cookie,
        seed_statements: dialogue.statements,
        idle: Mutex::new(Vec::new()),
        written: Mutex::new(Vec::new()),
        expected_votes: AtomicI64::new(0),
        next_action: AtomicU64::new(0),
        failures: Mutex::new(Vec::new()),
        stop: AtomicBool::new(false),
    };
    let pid = running.pid();
    let load_at_start = load_average();
    let server_cpu_before = cpu_seconds(&pid.to_string());
    let client_cpu_before = cpu_seconds("self");
    let start = Instant::now();
    let (tallies, samples, elapsed) = std::thread::scope(|scope| {
        let sampler = scope.spawn(|| sample(&shared, pid, start, plan.live));
        let clients: Vec<_> = (0..plan.clients)
            .map(|_| {
                let client = Client {
                    shared: &shared,
                    connection: Connection::new(address, ANSWER_TIMEOUT),
                    tallies: BTreeMap::new(),
                };
                scope.spawn(|| client.run(plan, start))
            })
            .collect();
        let mut tallies: BTreeMap<Action, Tally> = BTreeMap::new();
        for client in clients {
            let client_tallies = client.join().expect("a client thread does not panic");
            for (action, tally) in client_tallies {
                let total = tallies.entry(action).or_default();
                total.ok += tally.ok;
                total.failures += tally.failures;
                total.latencies_us.extend(tally.latencies_us);
            }
        }
        let elapsed = start.elapsed();
        shared.stop.store(true, Ordering::SeqCst);
        let samples = sampler.join().expect("the sampler does not panic");
        (tallies, samples, elapsed)
    });
    let mut tallies = tallies;
    for tally in tallies.values_mut() {
        tally.latencies_us.sort_unstable();
    }
    let server_cpu = cpu_seconds(&pid.to_string())
        .zip(server_cpu_before)
        .map(|(after, before)| after - before);
    let client_cpu = cpu_seconds("self")
        .zip(client_cpu_before)
        .map(|(after, before)| after - before);
    let load_at_end = load_average();

    // The load has stopped; the analysis must now count every vote still stored.
    let expected = shared.expected_votes.load(Ordering::SeqCst);
    let stopped = Instant::now();
    let mut connection = Connection::new(address, ANSWER_TIMEOUT);
    let mut final_analysed;
    let caught_up_after = loop {
        final_analysed = analysed_votes(&mut connection, shared.dialogue, &shared.cookie);
        if final_analysed.and_then(|votes| i64::try_from(votes).ok()) == Some(expected) {
            break Some(stopped.elapsed());
        }
        if stopped.elapsed() > plan.catch_up {
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let peak_kib = running.peak_resident_kib()?;
    running
        .terminate(Duration::from_secs(60))
        .context("stopping the server")?;
    Ok(SoakReport {
        plan: plan.clone(),
        elapsed,
        tallies,
        failure_examples: shared
            .failures
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner),
        samples,
        expected_votes: expected,
        caught_up_after,
        final_analysed,
        peak_kib,
        server_cpu_seconds: server_cpu,
        client_cpu_seconds: client_cpu,
        load_average: (load_at_start, load_at_end),
    })
}
