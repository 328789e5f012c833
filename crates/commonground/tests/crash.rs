//! Durability under crash: clients vote at the real `commonground serve` process while it is
//! killed with SIGKILL at random moments and restarted on the same database; afterwards every
//! acknowledged vote must be stored as sent, nothing may be stored twice, the participants must
//! match the acknowledged joins, and the analysis must recompute over exactly the stored votes.
//! The last server before the final restart runs with analysis off, so that the final kill
//! always leaves the analysis stale (as a kill inside the debounce does); the restarted server
//! must then catch up by itself, with no vote and no request to recompute.
//!
//! Runs on SQLite always and on PostgreSQL when `TEST_PG_URL` names a server (with `CI` set, a
//! missing `TEST_PG_URL` is a failure). The kill moments come from a seed printed at the start;
//! `CRASH_SEED=N` repeats a run. The CI form kills the server 4 times; a longer run:
//!
//!     CRASH_KILLS=40 CRASH_CLIENTS=8 cargo nextest run -p commonground --test crash --no-capture

#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

#[path = "support/http.rs"]
mod http;
#[allow(dead_code, reason = "shared with the load test, which uses more of it")]
#[path = "support/server.rs"]
mod server;

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use model::{DialogueId, ParticipantId, VoteChoice};
use rand::rngs::StdRng;
use rand::seq::SliceRandom as _;
use rand::{Rng as _, SeedableRng as _, TryRngCore as _};

use http::{Connection, Failure, Response};
use server::{PgDatabase, ServerOptions, ServerProcess, VotingDialogue};

const EMAIL: &str = "crash@commonground.example";
const PASSWORD: &str = "crash test password";

/// Statements of the dialogue; each participant votes on each at most once.
const STATEMENTS: usize = 30;

/// How long a client waits for one answer before counting it as lost.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a restarted server may take to acknowledge its first vote.
const ACKNOWLEDGING_DEADLINE: Duration = Duration::from_secs(60);

/// How long the restarted server may take to recompute the stale analysis by itself.
const ANALYSIS_DEADLINE: Duration = Duration::from_secs(60);

/// What one run does.
#[derive(Clone, Copy, Debug)]
struct Plan {
    seed: u64,
    kills: usize,
    clients: usize,
    /// Shortest and longest time the server runs before the next kill.
    uptime_ms: (u64, u64),
    /// Longest time the server stays down between a kill and the restart.
    downtime_ms: u64,
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    Some(
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={text:?} is not a number")),
    )
}

impl Plan {
    fn from_env() -> Plan {
        let seed = env_number("CRASH_SEED")
            .unwrap_or_else(|| rand::rngs::OsRng.try_next_u64().expect("random seed"));
        Plan {
            seed,
            kills: env_number("CRASH_KILLS").map_or(4, |kills| usize::try_from(kills).unwrap()),
            clients: env_number("CRASH_CLIENTS")
                .map_or(4, |clients| usize::try_from(clients).unwrap()),
            uptime_ms: (300, 1500),
            downtime_ms: 300,
        }
    }
}

/// Where the server is now; each restart moves it to a new port and a new generation.
#[derive(Clone, Copy, Debug)]
struct Whereabouts {
    generation: usize,
    address: SocketAddr,
}

/// What the driver and the clients share.
struct Shared {
    server: RwLock<Whereabouts>,
    /// The generations that have acknowledged at least one vote.
    acknowledging: Mutex<BTreeSet<usize>>,
    stop: AtomicBool,
    dialogue: i64,
    statements: Vec<i64>,
}

/// One vote a client sent.
#[derive(Clone, Copy, Debug)]
struct SentVote {
    participant: i64,
    statement: i64,
    choice: VoteChoice,
}

/// Everything one client saw.
#[derive(Debug, Default)]
struct Ledger {
    /// Participants whose join was acknowledged.
    joined: Vec<i64>,
    /// Joins whose answer was lost: they may or may not have created a participant.
    joins_unknown: usize,
    /// Votes the server acknowledged with 200.
    acknowledged: Vec<SentVote>,
    /// Votes whose answer was lost and that were not retried to an answer.
    unknown: Vec<SentVote>,
    /// Answers that should never happen.
    problems: Vec<String>,
}

/// Why `send` gave up.
enum Unanswered {
    /// The request was sent and its answer lost.
    Lost,
    /// The run is over; the request was never sent.
    Stopped,
}

/// Sends a request to wherever the server is now, waiting out the time it is down: a request
/// that could not be sent is sent again, one whose answer was lost is reported as such.
fn send(
    connection: &mut Connection,
    shared: &Shared,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &serde_json::Value,
) -> Result<(Response, usize), Unanswered> {
    loop {
        let whereabouts = *shared.server.read().unwrap();
        connection.set_address(whereabouts.address);
        match connection.request(method, path, headers, Some(body)) {
            Ok(response) => return Ok((response, whereabouts.generation)),
            Err(Failure::Lost(_)) => return Err(Unanswered::Lost),
            Err(Failure::NotSent(_)) => {
                if shared.stop.load(Ordering::SeqCst) {
                    return Err(Unanswered::Stopped);
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
}

const CHOICES: [VoteChoice; 3] = [VoteChoice::Agree, VoteChoice::Disagree, VoteChoice::Pass];

/// Joins participants one after another and votes with each on every statement in a random
/// order, each (participant, statement) pair at most once, until told to stop.
fn run_client(shared: &Shared, seed: u64) -> Ledger {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut ledger = Ledger::default();
    let first = shared.server.read().unwrap().address;
    let mut connection = Connection::new(first, ANSWER_TIMEOUT);
    let dialogue = shared.dialogue;
    let join_path = format!("/api/dialogues/{dialogue}/participants");
    let vote_path = format!("/api/dialogues/{dialogue}/votes");
    'participants: while !shared.stop.load(Ordering::SeqCst) {
        let joined = match send(
            &mut connection,
            shared,
            "POST",
            &join_path,
            &[],
            &serde_json::json!({}),
        ) {
            Ok((response, _)) if response.status == 201 => response.json().unwrap(),
            Ok((response, generation)) => {
                ledger.problems.push(format!(
                    "join answered {} by generation {generation}: {}",
                    response.status,
                    response.text()
                ));
                break;
            }
            Err(Unanswered::Lost) => {
                ledger.joins_unknown += 1;
                continue;
            }
            Err(Unanswered::Stopped) => break,
        };
        let participant = joined["participant_id"].as_i64().unwrap();
        let authorization = format!("Bearer {}", joined["token"].as_str().unwrap());
        ledger.joined.push(participant);

        let mut order = shared.statements.clone();
        order.shuffle(&mut rng);
        for statement in order {
            if shared.stop.load(Ordering::SeqCst) {
                break 'participants;
            }
            let choice = CHOICES[rng.random_range(0..CHOICES.len())];
            let body = serde_json::json!({
                "statement_id": statement,
                "vote": choice.as_str(),
                "idempotency_key": format!("statement-{statement}"),
            });
            let mut was_lost = false;
            loop {
                match send(
                    &mut connection,
                    shared,
                    "POST",
                    &vote_path,
                    &[("Authorization", &authorization)],
                    &body,
                ) {
                    Ok((response, generation)) if response.status == 200 => {
                        let outcome = response.json().unwrap()["outcome"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned();
                        // A first attempt is a new vote; a retry after a lost answer is new or
                        // a replay of the lost attempt, never a second vote.
                        let expected: &[&str] = if was_lost {
                            &["recorded", "replayed"]
                        } else {
                            &["recorded"]
                        };
                        if !expected.contains(&outcome.as_str()) {
                            ledger.problems.push(format!(
                                "vote of participant {participant} on statement {statement} \
                                 answered {outcome:?} (retry: {was_lost})"
                            ));
                        }
                        ledger.acknowledged.push(SentVote {
                            participant,
                            statement,
                            choice,
                        });
                        shared.acknowledging.lock().unwrap().insert(generation);
                        break;
                    }
                    Ok((response, generation)) => {
                        ledger.problems.push(format!(
                            "vote answered {} by generation {generation}: {}",
                            response.status,
                            response.text()
                        ));
                        break 'participants;
                    }
                    // Half the lost votes are retried with the same idempotency key; the
                    // others stay unknown.
                    Err(Unanswered::Lost) if rng.random_bool(0.5) => was_lost = true,
                    Err(Unanswered::Lost) => {
                        ledger.unknown.push(SentVote {
                            participant,
                            statement,
                            choice,
                        });
                        break;
                    }
                    Err(Unanswered::Stopped) => {
                        if was_lost {
                            ledger.unknown.push(SentVote {
                                participant,
                                statement,
                                choice,
                            });
                        }
                        break 'participants;
                    }
                }
            }
        }
    }
    ledger
}

/// Where the run's files go and how the server is started.
struct Setup {
    options: ServerOptions,
}

impl Setup {
    /// Starts a server, with its background analysis on or off.
    fn start(&self, analysis: bool) -> anyhow::Result<ServerProcess> {
        let mut options = self.options.clone();
        options.env.push((
            "COMMONGROUND_ANALYSIS_ENABLED".to_owned(),
            analysis.to_string(),
        ));
        ServerProcess::start(&options)
    }
}

fn setup(folder: &Path, database: &str) -> Setup {
    let binary = Path::new(env!("CARGO_BIN_EXE_commonground"));
    server::add_convenor(binary, database, EMAIL, PASSWORD, "Crash partnership").unwrap();
    Setup {
        options: ServerOptions {
            binary: binary.to_owned(),
            database: database.to_owned(),
            log: folder.join("server.log"),
            env: vec![
                (
                    "COMMONGROUND_RATE_LIMITS_ENABLED".to_owned(),
                    "false".to_owned(),
                ),
                // Recompute often, so that kills also land in the middle of analyses.
                (
                    "COMMONGROUND_ANALYSIS_DEBOUNCE_MS".to_owned(),
                    "100".to_owned(),
                ),
            ],
        },
    }
}

/// Everything the clients saw, merged.
struct Merged {
    joined: Vec<i64>,
    joins_unknown: usize,
    acknowledged: BTreeMap<(i64, i64), SentVote>,
    unknown: BTreeMap<(i64, i64), SentVote>,
}

fn merge(ledgers: Vec<Ledger>) -> Merged {
    let mut merged = Merged {
        joined: Vec::new(),
        joins_unknown: 0,
        acknowledged: BTreeMap::new(),
        unknown: BTreeMap::new(),
    };
    let mut problems = Vec::new();
    for ledger in ledgers {
        merged.joined.extend(ledger.joined);
        merged.joins_unknown += ledger.joins_unknown;
        for vote in ledger.acknowledged {
            let previous = merged
                .acknowledged
                .insert((vote.participant, vote.statement), vote);
            assert!(previous.is_none(), "a pair was voted twice: {vote:?}");
        }
        for vote in ledger.unknown {
            merged
                .unknown
                .insert((vote.participant, vote.statement), vote);
        }
        problems.extend(ledger.problems);
    }
    assert!(problems.is_empty(), "unexpected answers: {problems:#?}");
    merged
}

/// Waits until the server of this generation has acknowledged a vote, so that every kill
/// strikes a server at work however slow the machine; a restarted server that accepts no vote
/// within a minute is a failure.
fn wait_until_acknowledging(shared: &Shared, generation: usize) {
    let deadline = Instant::now() + ACKNOWLEDGING_DEADLINE;
    while !shared.acknowledging.lock().unwrap().contains(&generation) {
        assert!(
            Instant::now() < deadline,
            "server generation {generation} acknowledged no vote within {ACKNOWLEDGING_DEADLINE:?}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Drives the clients while the server is killed and restarted `plan.kills` times. The last
/// generation runs with analysis off, so the analysis is stale when it is killed.
fn drive(plan: &Plan, setup: &Setup) -> (Merged, VotingDialogue) {
    let first = setup.start(plan.kills > 0).unwrap();
    let cookie = server::sign_in(first.address(), EMAIL, PASSWORD).unwrap();
    let dialogue = server::create_dialogue(first.address(), &cookie, STATEMENTS).unwrap();
    let shared = Arc::new(Shared {
        server: RwLock::new(Whereabouts {
            generation: 0,
            address: first.address(),
        }),
        acknowledging: Mutex::new(BTreeSet::new()),
        stop: AtomicBool::new(false),
        dialogue: dialogue.id,
        statements: dialogue.statements.clone(),
    });
    let clients: Vec<_> = (0..plan.clients)
        .map(|index| {
            let shared = Arc::clone(&shared);
            let seed = plan.seed ^ u64::try_from(index + 1).unwrap().rotate_left(40);
            std::thread::spawn(move || run_client(&shared, seed))
        })
        .collect();

    let mut rng = StdRng::seed_from_u64(plan.seed);
    let mut running = first;
    for generation in 1..=plan.kills {
        wait_until_acknowledging(&shared, generation - 1);
        let uptime = rng.random_range(plan.uptime_ms.0..=plan.uptime_ms.1);
        std::thread::sleep(Duration::from_millis(uptime));
        running.kill().unwrap();
        std::thread::sleep(Duration::from_millis(
            rng.random_range(0..=plan.downtime_ms),
        ));
        running = setup
            .start(generation < plan.kills)
            .unwrap_or_else(|error| panic!("restart {generation} failed: {error:#}"));
        *shared.server.write().unwrap() = Whereabouts {
            generation,
            address: running.address(),
        };
    }
    // The last server runs a while longer, then the clients stop and it is killed too.
    wait_until_acknowledging(&shared, plan.kills);
    let uptime = rng.random_range(plan.uptime_ms.0..=plan.uptime_ms.1);
    std::thread::sleep(Duration::from_millis(uptime));
    shared.stop.store(true, Ordering::SeqCst);
    let ledgers: Vec<Ledger> = clients
        .into_iter()
        .map(|client| client.join().expect("a client thread panicked"))
        .collect();
    running.kill().unwrap();
    (merge(ledgers), dialogue)
}

/// What the database holds for the dialogue after the run.
#[derive(Debug, Default)]
struct Stored {
    /// The latest vote of each (participant, statement) pair.
    latest: BTreeMap<(i64, i64), VoteChoice>,
    /// Every event of the vote history, in recording order.
    history: Vec<(i64, i64, VoteChoice)>,
    /// The store's own counts.
    counts: store::VoteCounts,
    /// Acknowledged participants the store does not know.
    missing_participants: Vec<i64>,
}

fn read_store(database: &str, dialogue: &VotingDialogue, joined: &[i64]) -> Stored {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = store::connect(database).await.unwrap();
        let id = DialogueId(dialogue.id);
        let latest = store.latest_votes(id).await.unwrap();
        let mut history: Vec<store::VoteEvent> = Vec::new();
        loop {
            let after = history.last().map(|event| event.id);
            let page = store.vote_history(id, after, 1000).await.unwrap();
            if page.is_empty() {
                break;
            }
            history.extend(page);
        }
        let counts = store.count_votes(id).await.unwrap();
        let mut missing_participants = Vec::new();
        for &participant in joined {
            if store
                .get_participant(ParticipantId(participant))
                .await
                .is_err()
            {
                missing_participants.push(participant);
            }
        }
        store.close().await;
        Stored {
            latest: latest
                .iter()
                .map(|vote| ((vote.participant.get(), vote.statement.get()), vote.choice))
                .collect(),
            history: history
                .iter()
                .map(|event| (event.participant.get(), event.statement.get(), event.choice))
                .collect(),
            counts,
            missing_participants,
        }
    })
}

/// Compares the database with what the clients were told and returns every difference.
fn discrepancies(merged: &Merged, stored: &Stored) -> Vec<String> {
    let mut found = Vec::new();
    for (pair, sent) in &merged.acknowledged {
        match stored.latest.get(pair) {
            Some(choice) if *choice == sent.choice => {}
            Some(choice) => found.push(format!("acknowledged vote {sent:?} is stored as {choice}")),
            None => found.push(format!("acknowledged vote {sent:?} is not stored")),
        }
    }
    let sent_choice = |pair: &(i64, i64)| {
        merged
            .acknowledged
            .get(pair)
            .or_else(|| merged.unknown.get(pair))
            .map(|sent| sent.choice)
    };
    for (pair, choice) in &stored.latest {
        match sent_choice(pair) {
            Some(sent) if sent == *choice => {}
            Some(sent) => found.push(format!(
                "vote {pair:?} was sent as {sent}, stored as {choice}"
            )),
            None => found.push(format!("stored vote {pair:?} was never sent")),
        }
    }
    // Each pair was voted at most once (a retry reuses the idempotency key), so the history
    // must hold exactly one event per stored vote.
    let mut events_per_pair: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    for &(participant, statement, choice) in &stored.history {
        let pair = (participant, statement);
        *events_per_pair.entry(pair).or_default() += 1;
        if sent_choice(&pair) != Some(choice) {
            found.push(format!(
                "history event {pair:?} {choice} does not match a vote sent"
            ));
        }
    }
    for (pair, count) in &events_per_pair {
        if *count > 1 {
            found.push(format!("vote {pair:?} is in the history {count} times"));
        }
        if !stored.latest.contains_key(pair) {
            found.push(format!(
                "vote {pair:?} is in the history but not among the latest votes"
            ));
        }
    }
    let latest_count = u64::try_from(stored.latest.len()).unwrap();
    let history_count = u64::try_from(stored.history.len()).unwrap();
    if stored.counts.votes != latest_count || stored.counts.vote_events != history_count {
        found.push(format!(
            "the store counts {} votes and {} events, but lists {latest_count} and {history_count}",
            stored.counts.votes, stored.counts.vote_events
        ));
    }
    for participant in &stored.missing_participants {
        found.push(format!(
            "acknowledged participant {participant} is not stored"
        ));
    }
    let joined = u64::try_from(merged.joined.len()).unwrap();
    let unknown = u64::try_from(merged.joins_unknown).unwrap();
    if !(joined..=joined + unknown).contains(&stored.counts.participants) {
        found.push(format!(
            "{} participants stored, but {joined} joins were acknowledged and {unknown} lost",
            stored.counts.participants
        ));
    }
    found
}

/// What the store says of the dialogue's analysis: the snapshot's version and vote count, and
/// whether the dialogue changed since.
fn read_analysis(database: &str, dialogue: DialogueId) -> (Option<(i64, u64)>, bool) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = store::connect(database).await.unwrap();
        let snapshot = store
            .load_snapshot(dialogue)
            .await
            .unwrap()
            .map(|snapshot| (snapshot.version, snapshot.n_votes));
        let stale = store.analysis_is_stale(dialogue).await.unwrap();
        store.close().await;
        (snapshot, stale)
    })
}

/// Restarts the server once more and waits, without voting or asking, until it has recomputed
/// the stale analysis over exactly the `n_votes` stored votes.
fn check_analysis_catches_up(setup: &Setup, dialogue: &VotingDialogue, n_votes: u64) {
    let id = DialogueId(dialogue.id);
    let (before, stale_before) = read_analysis(&setup.options.database, id);
    assert!(
        stale_before,
        "the last server ran with analysis off after votes, so its analysis must be stale"
    );
    let version_before = before.map(|(version, _)| version);
    let running = setup.start(true).unwrap();
    let deadline = Instant::now() + ANALYSIS_DEADLINE;
    loop {
        let (snapshot, stale) = read_analysis(&setup.options.database, id);
        let is_new = snapshot.is_some_and(|(version, _)| Some(version) > version_before);
        if is_new && !stale {
            let (_, computed_over) = snapshot.unwrap();
            assert_eq!(
                computed_over, n_votes,
                "the recovered analysis is over {computed_over} votes, but {n_votes} are stored"
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the restarted server did not recompute the stale analysis by itself within \
             {ANALYSIS_DEADLINE:?} (snapshot before the restart: {:?}; now: {snapshot:?}, \
             stale: {stale}); see {}",
            version_before,
            setup.options.log.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut connection = Connection::new(running.address(), ANSWER_TIMEOUT);
    let path = format!("/api/dialogues/{}/analysis", dialogue.id);
    let served = connection.request("GET", &path, &[], None).unwrap();
    server::expect_status(&served, 200, "reading the analysis").unwrap();
    assert_eq!(served.json().unwrap()["n_votes"].as_u64(), Some(n_votes));
    running.kill().unwrap();
}

fn crash_and_check(database: &str, folder: &Path) {
    let plan = Plan::from_env();
    eprintln!(
        "crash test on {database}: {plan:?} (repeat with CRASH_SEED={})",
        plan.seed
    );
    let setup = setup(folder, database);
    let (merged, dialogue) = drive(&plan, &setup);
    eprintln!(
        "{} joins acknowledged, {} unknown; {} votes acknowledged, {} unknown",
        merged.joined.len(),
        merged.joins_unknown,
        merged.acknowledged.len(),
        merged.unknown.len()
    );
    let stored = read_store(database, &dialogue, &merged.joined);
    let found = discrepancies(&merged, &stored);
    assert!(
        found.is_empty(),
        "the database differs from what the clients were told (seed {}): {found:#?}",
        plan.seed
    );
    check_analysis_catches_up(&setup, &dialogue, stored.counts.votes);
}

#[test]
fn acknowledged_votes_survive_sigkill_on_sqlite() {
    let folder = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", folder.path().join("crash.db").display());
    crash_and_check(&database, folder.path());
}

#[test]
fn acknowledged_votes_survive_sigkill_on_postgres() {
    let Ok(base) = std::env::var("TEST_PG_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "TEST_PG_URL is not set but CI is: the PostgreSQL crash test must not be skipped"
        );
        eprintln!("skipping the PostgreSQL crash test: TEST_PG_URL is not set");
        return;
    };
    let name = format!(
        "cg_crash_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let database = PgDatabase::create(&base, &name).unwrap();
    let folder = tempfile::tempdir().unwrap();
    crash_and_check(database.url(), folder.path());
}

/// The comparison itself must catch what it is there to catch.
mod discrepancies_found {
    use super::*;

    fn vote(participant: i64, statement: i64, choice: VoteChoice) -> SentVote {
        SentVote {
            participant,
            statement,
            choice,
        }
    }

    /// Participant 1 acknowledged on statement 10; participant 2's vote on 10 and 11 lost.
    fn merged() -> Merged {
        Merged {
            joined: vec![1, 2],
            joins_unknown: 1,
            acknowledged: BTreeMap::from([((1, 10), vote(1, 10, VoteChoice::Agree))]),
            unknown: BTreeMap::from([
                ((2, 10), vote(2, 10, VoteChoice::Pass)),
                ((2, 11), vote(2, 11, VoteChoice::Disagree)),
            ]),
        }
    }

    /// A store that kept the acknowledged vote and one of the lost ones.
    fn faithful() -> Stored {
        Stored {
            latest: BTreeMap::from([((1, 10), VoteChoice::Agree), ((2, 10), VoteChoice::Pass)]),
            history: vec![(1, 10, VoteChoice::Agree), (2, 10, VoteChoice::Pass)],
            counts: store::VoteCounts {
                votes: 2,
                vote_events: 2,
                voters: 2,
                participants: 3,
            },
            missing_participants: Vec::new(),
        }
    }

    #[test]
    fn a_store_that_kept_every_acknowledged_vote_once_passes() {
        assert_eq!(discrepancies(&merged(), &faithful()), Vec::<String>::new());
    }

    #[test]
    fn a_lost_acknowledged_vote_is_found() {
        let mut stored = faithful();
        stored.latest.remove(&(1, 10));
        stored.history.remove(0);
        stored.counts.votes = 1;
        stored.counts.vote_events = 1;
        let found = discrepancies(&merged(), &stored);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("is not stored"), "{found:?}");
    }

    #[test]
    fn a_vote_stored_twice_is_found() {
        let mut stored = faithful();
        stored.history.push((2, 10, VoteChoice::Pass));
        stored.counts.vote_events = 3;
        let found = discrepancies(&merged(), &stored);
        assert_eq!(
            found,
            vec!["vote (2, 10) is in the history 2 times".to_owned()]
        );
    }

    #[test]
    fn a_changed_or_invented_vote_is_found() {
        let mut stored = faithful();
        stored.latest.insert((1, 10), VoteChoice::Disagree);
        stored.latest.insert((3, 10), VoteChoice::Agree);
        let found = discrepancies(&merged(), &stored);
        assert!(
            found
                .iter()
                .any(|line| line.contains("is stored as disagree")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|line| line.contains("never sent")),
            "{found:?}"
        );
    }

    #[test]
    fn participants_beyond_the_joins_or_missing_are_found() {
        let mut stored = faithful();
        stored.counts.participants = 4;
        stored.missing_participants.push(2);
        let found = discrepancies(&merged(), &stored);
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
