//! Vote and comparison ingestion benchmark: starts the server in process, drives votes over
//! loopback from many concurrent clients for a bounded number of votes and time, reports votes
//! per second and latency percentiles, then checks that every acknowledged vote is stored; then
//! does the same with comparisons of a priority list's options, at the same count and with the
//! same clients, on a fresh server of the same database kind.
//!
//! Runs on SQLite always and on PostgreSQL too when `TEST_PG_URL` is set:
//! `cargo bench -p server --bench ingest`. `INGEST_VOTES` (default 20000), `INGEST_CLIENTS`
//! (default 64) and `INGEST_SECONDS` (default 30) bound each run.

use std::io::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use model::{
    Description, DialogueQuestion, DialogueTitle, ModerationPolicy, PartnershipName, Purpose,
    ReportVisibility, StatementText,
};
use server::{Application, Config};
use store::{
    DialogueSettings, NewDialogue, NewPartnership, NewPriorityList, NewPriorityOption,
    PriorityListSettings,
};

const STATEMENTS: usize = 50;

/// Options of the priority list: 50 give each participant 1,225 pairs to compare.
const OPTIONS: usize = 50;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn say(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
}

struct Outcome {
    acknowledged: u64,
    failed: u64,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

/// Returns the latency at `permille` / 1000 of the sorted list (nearest rank).
fn percentile(sorted: &[Duration], permille: usize) -> Duration {
    let Some(last) = sorted.len().checked_sub(1) else {
        return Duration::ZERO;
    };
    sorted[((last * permille + 500) / 1000).min(last)]
}

/// How much load to send: the full benchmark, or a quick check that the path works (when the
/// binary runs under `cargo test`).
#[derive(Clone, Copy)]
struct Load {
    votes: u64,
    clients: u64,
}

async fn run(label: &str, database: String, load: Load) -> Result<(), Box<dyn std::error::Error>> {
    let total_votes = load.votes;
    let clients = load.clients.max(1);
    let seconds = env_number("INGEST_SECONDS", 30);
    let config = Config {
        database,
        ..Config::for_tests()
    };
    // Each simulated client votes far faster than a person could, all from one address, so the
    // rate limits are lifted: this measures how fast votes are stored, not how fast people vote.
    let config = Config {
        analysis_debounce: Duration::from_secs(2),
        rate_limits_enabled: false,
        ..config
    };
    let app = Application::build(config).await?;
    let addr = app.local_addr();
    let state = app.state();
    tokio::spawn(app.run_until_stopped());

    let store = state.store();
    let partnership = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse("Benchmark")?,
            purpose: Purpose::parse("")?,
            created_at: 0,
            convenor: None,
        })
        .await?;
    let statements: Vec<StatementText> = (0..STATEMENTS)
        .map(|index| StatementText::parse(&format!("Statement number {index}")))
        .collect::<Result<_, _>>()?;
    let dialogue = store
        .create_dialogue(NewDialogue {
            partnership: partnership.id,
            settings: DialogueSettings {
                title: DialogueTitle::parse("Ingest")?,
                question: DialogueQuestion::parse("How fast?")?,
                description: Description::parse("")?,
                allow_participant_statements: true,
                moderation: ModerationPolicy::Post,
                report_visibility: ReportVisibility::Public,
            },
            constituencies: Vec::new(),
            seed_statements: statements,
            schedule: model::DialogueSchedule::NONE,
            created_by: None,
            created_at: 0,
        })
        .await?;
    let statement_ids: Vec<i64> = store
        .list_statements(dialogue.id, &store::StatementFilter::default())
        .await?
        .statements
        .iter()
        .map(|statement| statement.id.get())
        .collect();
    let statement_ids = Arc::new(statement_ids);

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(usize::try_from(clients).unwrap_or(64))
        .build()?;
    let base = format!("http://{addr}/api/dialogues/{}", dialogue.id);
    let mut tokens = Vec::new();
    for _ in 0..clients {
        let joined: serde_json::Value = client
            .post(format!("{base}/participants"))
            .json(&serde_json::json!({}))
            .send()
            .await?
            .json()
            .await?;
        tokens.push(joined["token"].as_str().unwrap_or_default().to_owned());
    }

    let per_client = total_votes / clients;
    let url = format!("{base}/votes");
    let outcome = drive(&client, tokens, per_client, seconds, move |index, round| {
        let position = round + index;
        let statement = statement_ids[position % statement_ids.len()];
        let vote = ["agree", "disagree", "pass"][position % 3];
        (
            url.clone(),
            serde_json::json!({ "statement_id": statement, "vote": vote }),
        )
    })
    .await?;
    let stored = store.count_votes(dialogue.id).await?.vote_events;
    report(label, "votes", clients, &outcome, stored)?;
    say(&format!("{label}: every acknowledged vote is stored"));
    Ok(())
}

/// Drives one client per token until each has sent `per_client` requests or the time limit
/// passes: request `round` of client `index` posts the body `request(index, round)` gives to
/// its address, and only a success counts as acknowledged.
async fn drive<F>(
    client: &reqwest::Client,
    tokens: Vec<String>,
    per_client: u64,
    seconds: u64,
    request: F,
) -> Result<Outcome, Box<dyn std::error::Error>>
where
    F: Fn(usize, usize) -> (String, serde_json::Value) + Send + Sync + 'static,
{
    let request = Arc::new(request);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (index, token) in tokens.into_iter().enumerate() {
        let client = client.clone();
        let request = Arc::clone(&request);
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(usize::try_from(per_client).unwrap_or(0));
            let mut failed = 0u64;
            for round in 0..per_client {
                if Instant::now() >= deadline {
                    break;
                }
                let (url, body) = request(index, usize::try_from(round).unwrap_or(0));
                let sent = Instant::now();
                let response = client
                    .post(url)
                    .bearer_auth(&token)
                    .json(&body)
                    .send()
                    .await;
                match response {
                    Ok(response) if response.status().is_success() => {
                        let _ = response.bytes().await;
                        latencies.push(sent.elapsed());
                    }
                    _ => failed += 1,
                }
            }
            (latencies, failed)
        }));
    }
    let mut outcome = Outcome {
        acknowledged: 0,
        failed: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
    };
    for task in tasks {
        let (latencies, failed) = task.await?;
        outcome.acknowledged += u64::try_from(latencies.len()).unwrap_or(0);
        outcome.failed += failed;
        outcome.latencies.extend(latencies);
    }
    outcome.elapsed = started.elapsed();
    outcome.latencies.sort_unstable();
    Ok(outcome)
}

/// Prints a leg's rate and latencies, and fails unless every acknowledged write is stored.
fn report(
    label: &str,
    what: &str,
    clients: u64,
    outcome: &Outcome,
    stored: u64,
) -> Result<(), Box<dyn std::error::Error>> {
    let rate = outcome.acknowledged as f64 / outcome.elapsed.as_secs_f64().max(1e-9);
    say(&format!(
        "{label}: {} {what} acknowledged ({} failed) by {clients} clients in {:.2} s: {rate:.0} {what}/s; latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms; stored {stored}",
        outcome.acknowledged,
        outcome.failed,
        outcome.elapsed.as_secs_f64(),
        percentile(&outcome.latencies, 500).as_secs_f64() * 1000.0,
        percentile(&outcome.latencies, 950).as_secs_f64() * 1000.0,
        percentile(&outcome.latencies, 990).as_secs_f64() * 1000.0,
    ));
    if stored != outcome.acknowledged {
        return Err(format!(
            "{label}: {} {what} were acknowledged but {stored} are stored",
            outcome.acknowledged
        )
        .into());
    }
    Ok(())
}

/// Every pair of `n` options once, as index pairs, in an order that spreads each client's
/// comparisons over the options.
fn pairs(n: usize) -> Vec<(usize, usize)> {
    let mut all = Vec::with_capacity(n * (n - 1) / 2);
    for gap in 1..n {
        for first in 0..n - gap {
            all.push((first, first + gap));
        }
    }
    all
}

async fn run_comparisons(
    label: &str,
    database: String,
    load: Load,
) -> Result<(), Box<dyn std::error::Error>> {
    let clients = load.clients.max(1);
    let seconds = env_number("INGEST_SECONDS", 30);
    let config = Config {
        database,
        analysis_debounce: Duration::from_secs(2),
        rate_limits_enabled: false,
        ..Config::for_tests()
    };
    let app = Application::build(config).await?;
    let addr = app.local_addr();
    let state = app.state();
    tokio::spawn(app.run_until_stopped());

    let store = state.store();
    let partnership = store
        .create_partnership(NewPartnership {
            name: PartnershipName::parse("Benchmark")?,
            purpose: Purpose::parse("")?,
            created_at: 0,
            convenor: None,
        })
        .await?;
    let list = store
        .create_priority_list(NewPriorityList {
            partnership: partnership.id,
            dialogue: None,
            settings: PriorityListSettings {
                title: model::PriorityListTitle::parse("Ingest")?,
                question: model::PriorityQuestion::parse("Which first?")?,
                description: Description::parse("")?,
                allow_participant_options: false,
                moderation: ModerationPolicy::Post,
                results_visibility: model::ReportVisibility::Public,
            },
            constituencies: Vec::new(),
            created_by: None,
            created_at: 0,
        })
        .await?;
    let mut option_ids = Vec::with_capacity(OPTIONS);
    for index in 0..OPTIONS {
        let option = store
            .add_priority_option(NewPriorityOption {
                list: list.id,
                text: model::OptionText::parse(&format!("Option number {index} of the bench"))?,
                author: None,
                created_at: 0,
            })
            .await?;
        option_ids.push(option.id.get());
    }
    let pairs = Arc::new(pairs(OPTIONS));

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(usize::try_from(clients).unwrap_or(64))
        .build()?;
    let base = format!("http://{addr}/api/priority-lists/{}", list.id);
    let mut tokens = Vec::new();
    for _ in 0..clients {
        let joined: serde_json::Value = client
            .post(format!("{base}/participants"))
            .json(&serde_json::json!({}))
            .send()
            .await?
            .json()
            .await?;
        tokens.push(joined["token"].as_str().unwrap_or_default().to_owned());
    }

    // Each participant compares each pair at most once.
    let per_client = (load.votes / clients).min(u64::try_from(pairs.len()).unwrap_or(u64::MAX));
    let url = format!("{base}/comparisons");
    let outcome = drive(&client, tokens, per_client, seconds, move |index, round| {
        let (a, b) = pairs[(round + index * 7) % pairs.len()];
        let choice = ["left", "right", "left"][(round + index) % 3];
        (
            url.clone(),
            serde_json::json!({
                "left_option_id": option_ids[a],
                "right_option_id": option_ids[b],
                "choice": choice,
            }),
        )
    })
    .await?;
    let stored = u64::try_from(store.list_comparisons(list.id).await?.len()).unwrap_or(u64::MAX);
    report(label, "comparisons", clients, &outcome, stored)?;
    say(&format!("{label}: every acknowledged comparison is stored"));
    Ok(())
}

fn main() -> std::process::ExitCode {
    // Test runners list tests first; this binary has none to list.
    if std::env::args().any(|argument| argument == "--list") {
        return std::process::ExitCode::SUCCESS;
    }
    // `cargo bench` passes `--bench`; under `cargo test` a small load checks the path only.
    let load = if std::env::args().any(|argument| argument == "--bench") {
        Load {
            votes: env_number("INGEST_VOTES", 20_000),
            clients: env_number("INGEST_CLIENTS", 64),
        }
    } else {
        Load {
            votes: 256,
            clients: 8,
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        let scratch = tempfile::tempdir()?;
        let sqlite = format!("sqlite:{}", scratch.path().join("ingest.db").display());
        run("sqlite votes", sqlite, load).await?;
        let sqlite = format!("sqlite:{}", scratch.path().join("compare.db").display());
        run_comparisons("sqlite comparisons", sqlite, load).await?;
        if let Ok(url) = std::env::var("TEST_PG_URL") {
            run("postgres votes", url.clone(), load).await?;
            run_comparisons("postgres comparisons", url, load).await?;
        }
        Ok::<(), Box<dyn std::error::Error>>(())
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ingest benchmark failed: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
