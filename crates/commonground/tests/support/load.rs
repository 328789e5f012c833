//! A bounded load run against the real `commonground serve` process over loopback: votes are
//! sent on a fixed schedule (vote `k` is due `k / rate` seconds after the start) from several
//! clients until the vote count or the time limit is reached, while the server's resident memory
//! is sampled every second.
//!
//! `cargo xtask load` runs it at the benchmark's rate against the release binary; a test runs a
//! small form of it against the debug binary.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use super::http::Connection;
use super::server::{self, ServerOptions, ServerProcess};

/// How long a client waits for one answer before counting the vote as failed.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// How many failures are described in the report.
const FAILURE_EXAMPLES: usize = 5;

/// What a load run does.
#[derive(Clone, Debug)]
pub struct LoadPlan {
    /// The `commonground` binary.
    pub binary: PathBuf,
    /// The database URL; it should be empty, and is left with the run's dialogue in it.
    pub database: String,
    /// A folder for the server's log.
    pub folder: PathBuf,
    /// The most votes sent.
    pub votes: u64,
    /// The longest the voting may last, in seconds.
    pub seconds: f64,
    /// Votes per second in the schedule.
    pub rate: f64,
    /// Concurrent clients, each with one keep-alive connection.
    pub clients: usize,
    /// Statements in the dialogue.
    pub statements: usize,
    /// Participants; `None` joins enough for every vote to be a participant's first on its
    /// statement, so the dialogue grows with every vote. With fewer, once every participant
    /// has voted on every statement the later votes change earlier ones: the latest votes (what
    /// the analysis reads) stop growing while the history goes on growing.
    pub participants: Option<usize>,
    /// The first seconds of voting, after which the server's memory should stay flat.
    pub warmup_seconds: f64,
    /// How far the server's memory may grow after the warm-up, in MiB.
    pub max_growth_mib: u64,
    /// More environment for the server (settings, allocator tuning); the rate limits are
    /// always turned off.
    pub server_env: Vec<(String, String)>,
}

/// One reading of the server's resident memory.
#[derive(Clone, Copy, Debug)]
pub struct MemorySample {
    /// Seconds since voting began.
    pub seconds: f64,
    /// Resident memory in KiB.
    pub kib: u64,
}

/// What a load run measured.
#[derive(Clone, Debug)]
pub struct LoadReport {
    /// The plan it ran.
    pub plan: LoadPlan,
    /// The dialogue voted on.
    pub dialogue: i64,
    /// Participants who joined before the voting.
    pub participants: usize,
    /// Distinct (participant, statement) pairs voted on: the latest votes at the end.
    pub distinct_pairs: u64,
    /// Votes sent.
    pub sent: u64,
    /// Votes answered with 200.
    pub acknowledged: u64,
    /// Votes answered otherwise, or not at all.
    pub failures: u64,
    /// The first few failures, described.
    pub failure_examples: Vec<String>,
    /// From the first vote's due time to the last answer.
    pub elapsed: Duration,
    /// Time from sending each vote to its answer, in microseconds, sorted.
    pub latencies_us: Vec<u64>,
    /// How late each vote was sent after its due time, in microseconds, sorted.
    pub lags_us: Vec<u64>,
    /// The server's resident memory, read every second.
    pub memory: Vec<MemorySample>,
    /// The server's peak resident memory (`VmHWM`) at the end, in KiB.
    pub peak_kib: u64,
    /// CPU time (user and system, all threads) the server spent during the voting, in seconds.
    pub server_cpu_seconds: Option<f64>,
    /// CPU time this process (the clients) spent during the voting, in seconds.
    pub client_cpu_seconds: Option<f64>,
}

/// Returns the `fraction` quantile of sorted values (nearest rank).
fn quantile(sorted: &[u64], fraction: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let last = sorted.len() - 1;
    let rank = (fraction * last as f64).round();
    // The rank lies in 0..=last, so the conversion cannot truncate.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "rank is a rounded value within 0..=last"
    )]
    let index = rank as usize;
    sorted[index.min(last)]
}

fn milliseconds(microseconds: u64) -> f64 {
    microseconds as f64 / 1000.0
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

impl LoadReport {
    /// Returns how many votes the schedule holds: the vote count, or fewer when the time limit
    /// comes first.
    pub fn scheduled(&self) -> u64 {
        let within_limit = (self.plan.seconds * self.plan.rate).ceil();
        if within_limit < self.plan.votes as f64 {
            // Smaller than the vote count, so it fits in u64.
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a positive whole number below a u64"
            )]
            let within_limit = within_limit as u64;
            within_limit
        } else {
            self.plan.votes
        }
    }

    /// Returns acknowledged votes per second.
    pub fn throughput(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.acknowledged as f64 / seconds
        } else {
            0.0
        }
    }

    /// Returns the latency quantile in milliseconds.
    pub fn latency_ms(&self, fraction: f64) -> f64 {
        milliseconds(quantile(&self.latencies_us, fraction))
    }

    /// Returns the memory reading at the end of the warm-up: the last one taken within it.
    pub fn memory_after_warmup(&self) -> Option<MemorySample> {
        self.memory
            .iter()
            .rfind(|sample| sample.seconds <= self.plan.warmup_seconds)
            .copied()
    }

    /// Returns how far the memory rose above its level at the end of the warm-up, in KiB, or
    /// `None` when no reading was taken after the warm-up.
    pub fn growth_after_warmup_kib(&self) -> Option<u64> {
        let baseline = self.memory_after_warmup()?;
        self.memory
            .iter()
            .filter(|sample| sample.seconds > self.plan.warmup_seconds)
            .map(|sample| sample.kib.saturating_sub(baseline.kib))
            .max()
    }

    /// Returns what went wrong: failed votes, or memory that kept growing after the warm-up.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.failures > 0 {
            problems.push(format!(
                "{} of {} votes failed: {}",
                self.failures,
                self.sent,
                self.failure_examples.join("; ")
            ));
        }
        if self.acknowledged == 0 {
            problems.push("no vote was acknowledged".to_owned());
        }
        match self.growth_after_warmup_kib() {
            None => problems.push(format!(
                "no memory reading after the {} s warm-up: the run was too short to judge",
                self.plan.warmup_seconds
            )),
            Some(growth) if growth > self.plan.max_growth_mib * 1024 => problems.push(format!(
                "the server's memory grew by {:.1} MiB after the warm-up, more than the {} MiB allowed",
                mib(growth),
                self.plan.max_growth_mib
            )),
            Some(_) => {}
        }
        problems
    }

    /// Returns the report as lines of text.
    pub fn render(&self) -> String {
        let plan = &self.plan;
        let mut lines = vec![
            format!(
                "plan: at most {} votes at {} votes/s for at most {} s, {} clients, dialogue {} with {} statements and {} participants ({} distinct votes{})",
                plan.votes,
                plan.rate,
                plan.seconds,
                plan.clients,
                self.dialogue,
                plan.statements,
                self.participants,
                self.distinct_pairs,
                if self.distinct_pairs < self.sent {
                    ", the rest changes of mind"
                } else {
                    ""
                }
            ),
            format!(
                "sent {} of the {} votes scheduled within the time limit, {} acknowledged, {} failed, in {:.2} s: {:.0} votes/s acknowledged",
                self.sent,
                self.scheduled(),
                self.acknowledged,
                self.failures,
                self.elapsed.as_secs_f64(),
                self.throughput()
            ),
            format!(
                "latency (sent to answered): p50 {:.1} ms, p90 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                self.latency_ms(0.50),
                self.latency_ms(0.90),
                self.latency_ms(0.95),
                self.latency_ms(0.99),
                self.latency_ms(1.0)
            ),
            format!(
                "sent behind schedule: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                milliseconds(quantile(&self.lags_us, 0.50)),
                milliseconds(quantile(&self.lags_us, 0.99)),
                milliseconds(quantile(&self.lags_us, 1.0))
            ),
        ];
        let first = self.memory.first().map_or(0, |sample| sample.kib);
        let last = self.memory.last().map_or(0, |sample| sample.kib);
        let warm = self.memory_after_warmup().map_or(0, |sample| sample.kib);
        let growth = self
            .growth_after_warmup_kib()
            .map_or_else(|| "n/a".to_owned(), |kib| format!("{:.1} MiB", mib(kib)));
        lines.push(format!(
            "server memory (RSS, {} readings): first {:.1} MiB, after the {} s warm-up {:.1} MiB, last {:.1} MiB, peak {:.1} MiB; growth after warm-up {growth} (allowed {} MiB)",
            self.memory.len(),
            mib(first),
            plan.warmup_seconds,
            mib(warm),
            mib(last),
            mib(self.peak_kib),
            plan.max_growth_mib
        ));
        let cpu = |seconds: Option<f64>| {
            seconds.map_or_else(|| "n/a".to_owned(), |s| format!("{s:.1} s"))
        };
        lines.push(format!(
            "CPU time during the voting: server {}, clients {}",
            cpu(self.server_cpu_seconds),
            cpu(self.client_cpu_seconds)
        ));
        let readings: Vec<String> = self
            .memory
            .iter()
            .map(|sample| format!("{:.0}", mib(sample.kib)))
            .collect();
        lines.push(format!(
            "server memory each second (MiB): {}",
            readings.join(" ")
        ));
        for example in &self.failure_examples {
            lines.push(format!("failure: {example}"));
        }
        lines.join("\n")
    }
}

/// What the clients share.
struct Traffic {
    address: std::net::SocketAddr,
    dialogue: i64,
    statements: Vec<i64>,
    authorizations: Vec<String>,
    next_vote: AtomicU64,
    failures: Mutex<Vec<String>>,
}

/// What one client measured.
#[derive(Default)]
struct ClientTally {
    sent: u64,
    acknowledged: u64,
    failures: u64,
    latencies_us: Vec<u64>,
    lags_us: Vec<u64>,
}

fn microseconds(duration: Duration) -> u64 {
    u64::try_from(duration.as_micros()).unwrap_or(u64::MAX)
}

impl Traffic {
    /// Returns the participant and statement of vote `k`: participants take turns, and each
    /// one's statements are rotated, so no pair is voted twice while `k` < participants ×
    /// statements; after that the pairs come round again in the same order.
    fn pair(&self, k: u64) -> (usize, i64) {
        let participants = self.authorizations.len() as u64;
        let statements = self.statements.len() as u64;
        let participant = k % participants;
        let statement = (k / participants + participant) % statements;
        (
            usize::try_from(participant).expect("a participant index fits in usize"),
            self.statements[usize::try_from(statement).expect("a statement index fits in usize")],
        )
    }

    fn record_failure(&self, description: String) {
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        if failures.len() < FAILURE_EXAMPLES {
            failures.push(description);
        }
    }

    /// Sends votes as they fall due until the count or the time is used up.
    fn vote(&self, plan: &LoadPlan, start: Instant) -> ClientTally {
        let mut tally = ClientTally::default();
        let mut connection = Connection::new(self.address, ANSWER_TIMEOUT);
        let path = format!("/api/dialogues/{}/votes", self.dialogue);
        let limit = Duration::from_secs_f64(plan.seconds);
        loop {
            let k = self.next_vote.fetch_add(1, Ordering::SeqCst);
            if k >= plan.votes {
                break;
            }
            let offset = Duration::from_secs_f64(k as f64 / plan.rate);
            let now = Instant::now();
            // Past the time limit, by the schedule or by the clock (a server that falls behind
            // would otherwise stretch the run), no more votes go out.
            if offset >= limit || now >= start + limit {
                break;
            }
            let due = start + offset;
            if due > now {
                std::thread::sleep(due - now);
            }
            let (participant, statement) = self.pair(k);
            let choice = ["agree", "disagree", "pass"][usize::try_from(k % 3).unwrap_or(0)];
            let body = serde_json::json!({ "statement_id": statement, "vote": choice });
            let sent_at = Instant::now();
            tally.sent += 1;
            tally
                .lags_us
                .push(microseconds(sent_at.saturating_duration_since(due)));
            let answer = connection.request(
                "POST",
                &path,
                &[("Authorization", &self.authorizations[participant])],
                Some(&body),
            );
            match answer {
                Ok(response) if response.status == 200 => {
                    tally.acknowledged += 1;
                    tally.latencies_us.push(microseconds(sent_at.elapsed()));
                }
                Ok(response) => {
                    tally.failures += 1;
                    self.record_failure(format!(
                        "vote {k}: status {}: {}",
                        response.status,
                        response.text()
                    ));
                }
                Err(failure) => {
                    tally.failures += 1;
                    self.record_failure(format!("vote {k}: {failure}"));
                }
            }
        }
        tally
    }
}

/// Joins `count` participants over `clients` connections and returns their `Authorization`
/// header values.
fn join_participants(
    address: std::net::SocketAddr,
    dialogue: i64,
    count: usize,
    clients: usize,
) -> anyhow::Result<Vec<String>> {
    let path = format!("/api/dialogues/{dialogue}/participants");
    let next = AtomicU64::new(0);
    let joined: Mutex<Vec<(u64, String)>> = Mutex::new(Vec::with_capacity(count));
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..clients.max(1))
            .map(|_| {
                scope.spawn(|| -> anyhow::Result<()> {
                    let mut connection = Connection::new(address, ANSWER_TIMEOUT);
                    loop {
                        let index = next.fetch_add(1, Ordering::SeqCst);
                        if index >= count as u64 {
                            return Ok(());
                        }
                        let response = connection
                            .request("POST", &path, &[], Some(&serde_json::json!({})))
                            .map_err(|failure| anyhow::anyhow!("joining: {failure}"))?;
                        server::expect_status(&response, 201, "joining")?;
                        let token = response.json()?["token"]
                            .as_str()
                            .context("a join answered no token")?
                            .to_owned();
                        joined
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .push((index, format!("Bearer {token}")));
                    }
                })
            })
            .collect();
        for worker in workers {
            worker
                .join()
                .map_err(|_| anyhow::anyhow!("a joining thread panicked"))??;
        }
        Ok::<(), anyhow::Error>(())
    })?;
    let mut joined = joined.into_inner().unwrap_or_else(PoisonError::into_inner);
    joined.sort_unstable_by_key(|(index, _)| *index);
    Ok(joined
        .into_iter()
        .map(|(_, authorization)| authorization)
        .collect())
}

/// Returns the CPU time (user and system, all threads) of a process, `self` or a pid, from
/// `/proc/<process>/stat`.
fn cpu_seconds(process: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{process}/stat")).ok()?;
    // The command name may hold spaces; the fields after it are plain numbers.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    // Counted in clock ticks of USER_HZ, which is 100 on Linux.
    Some((user + system) as f64 / 100.0)
}

/// Reads the server's memory every second until `done` is set.
fn sample_memory(pid: u32, start: Instant, done: &AtomicBool) -> Vec<MemorySample> {
    let mut samples = Vec::new();
    let mut next = start;
    loop {
        if let Ok(kib) = server::proc_status_kib(pid, "VmRSS:") {
            samples.push(MemorySample {
                seconds: start.elapsed().as_secs_f64(),
                kib,
            });
        }
        next += Duration::from_secs(1);
        // Wake often enough to stop soon after the voting ends.
        while Instant::now() < next {
            if done.load(Ordering::SeqCst) {
                // One last reading as the voting ends.
                if let Ok(kib) = server::proc_status_kib(pid, "VmRSS:") {
                    samples.push(MemorySample {
                        seconds: start.elapsed().as_secs_f64(),
                        kib,
                    });
                }
                return samples;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Runs the plan: prepares the database, starts the server, joins the participants, votes on
/// schedule while sampling the server's memory, and stops the server.
pub fn run(plan: &LoadPlan) -> anyhow::Result<LoadReport> {
    if !(plan.rate > 0.0 && plan.seconds > 0.0) {
        bail!("the rate and the time limit must be positive");
    }
    if plan.votes == 0 || plan.clients == 0 || plan.statements == 0 {
        bail!("the votes, clients and statements must be at least 1");
    }
    let participants = match plan.participants {
        Some(0) => bail!("the participants must be at least 1"),
        Some(participants) => participants,
        // No participant votes twice on a statement, so the votes need this many participants.
        None => usize::try_from(plan.votes.div_ceil(plan.statements as u64))
            .context("too many participants")?,
    };
    let email = format!(
        "load-{}-{}@commonground.example",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis())
    );
    let password = "load run password";
    server::add_convenor(
        &plan.binary,
        &plan.database,
        &email,
        password,
        &format!("Load partnership {email}"),
    )?;
    let options = ServerOptions {
        binary: plan.binary.clone(),
        database: plan.database.clone(),
        log: plan.folder.join("server.log"),
        env: [(
            "COMMONGROUND_RATE_LIMITS_ENABLED".to_owned(),
            "false".to_owned(),
        )]
        .into_iter()
        .chain(plan.server_env.iter().cloned())
        .collect(),
    };
    let running = ServerProcess::start(&options)?;
    let address = running.address();
    let cookie = server::sign_in(address, &email, password)?;
    let dialogue = server::create_dialogue(address, &cookie, plan.statements)?;
    let authorizations = join_participants(address, dialogue.id, participants, plan.clients)?;

    let traffic = Traffic {
        address,
        dialogue: dialogue.id,
        statements: dialogue.statements,
        authorizations,
        next_vote: AtomicU64::new(0),
        failures: Mutex::new(Vec::new()),
    };
    let done = AtomicBool::new(false);
    let pid = running.pid();
    let server_cpu_before = cpu_seconds(&pid.to_string());
    let client_cpu_before = cpu_seconds("self");
    let start = Instant::now();
    let (tallies, elapsed, memory) = std::thread::scope(|scope| {
        let sampler = scope.spawn(|| sample_memory(pid, start, &done));
        let clients: Vec<_> = (0..plan.clients)
            .map(|_| scope.spawn(|| traffic.vote(plan, start)))
            .collect();
        let tallies: Vec<ClientTally> = clients
            .into_iter()
            .map(|client| client.join().expect("a client thread does not panic"))
            .collect();
        let elapsed = start.elapsed();
        done.store(true, Ordering::SeqCst);
        let memory = sampler.join().expect("the sampler does not panic");
        (tallies, elapsed, memory)
    });
    let server_cpu = cpu_seconds(&pid.to_string())
        .zip(server_cpu_before)
        .map(|(after, before)| after - before);
    let client_cpu = cpu_seconds("self")
        .zip(client_cpu_before)
        .map(|(after, before)| after - before);
    let peak_kib = running.peak_resident_kib()?;
    running.kill()?;

    let mut report = LoadReport {
        plan: plan.clone(),
        dialogue: traffic.dialogue,
        participants,
        distinct_pairs: 0,
        sent: 0,
        acknowledged: 0,
        failures: 0,
        failure_examples: traffic
            .failures
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner),
        elapsed,
        latencies_us: Vec::new(),
        lags_us: Vec::new(),
        memory,
        peak_kib,
        server_cpu_seconds: server_cpu,
        client_cpu_seconds: client_cpu,
    };
    for tally in tallies {
        report.sent += tally.sent;
        report.acknowledged += tally.acknowledged;
        report.failures += tally.failures;
        report.latencies_us.extend(tally.latencies_us);
        report.lags_us.extend(tally.lags_us);
    }
    report.latencies_us.sort_unstable();
    report.lags_us.sort_unstable();
    // Votes 0..sent went out, and the first participants × statements of them are distinct.
    report.distinct_pairs = report
        .sent
        .min((participants as u64).saturating_mul(plan.statements as u64));
    Ok(report)
}
