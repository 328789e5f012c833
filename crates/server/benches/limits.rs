//! What a rate-limit check costs: the in-process allowances an instance on SQLite keeps, against
//! the allowances in PostgreSQL's shared table that instances sharing a database use. Reports
//! the latency of one check made alone (median and 99th percentile) and the checks per second
//! of many concurrent callers, on distinct keys and all on one key.
//!
//! `cargo bench -p server --bench limits`; PostgreSQL is measured when `TEST_PG_URL` is set (a
//! database is created beside it and dropped afterwards). `LIMIT_CHECKS` (default 20000) sets
//! the number of checks per measurement.

use std::io::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use server::Config;
use server::rate_limit::{Limit, Limits, RateLimit};

const CONCURRENCY: usize = 16;

fn say(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
}

fn generous() -> Config {
    Config {
        vote_rate: RateLimit {
            burst: 1_000_000,
            per_minute: 1_000_000,
        },
        ..Config::for_tests()
    }
}

/// Returns the latency at `permille` / 1000 of the sorted list (nearest rank).
fn percentile(sorted: &[Duration], permille: usize) -> Duration {
    let Some(last) = sorted.len().checked_sub(1) else {
        return Duration::ZERO;
    };
    sorted[((last * permille + 500) / 1000).min(last)]
}

/// Checks one at a time on distinct keys and reports the median and 99th percentile latency.
async fn alone(limits: &Limits, checks: usize) -> (Duration, Duration) {
    let mut latencies = Vec::with_capacity(checks);
    for index in 0..checks {
        let key = (index % 5000).to_string();
        let started = Instant::now();
        limits
            .take(Limit::Votes, &key, 1_800_000_000_000)
            .await
            .expect("allowed");
        latencies.push(started.elapsed());
    }
    latencies.sort();
    (percentile(&latencies, 500), percentile(&latencies, 990))
}

/// Checks from many concurrent callers and reports checks per second.
async fn together(limits: &Arc<Limits>, checks: usize, one_key: bool) -> f64 {
    let started = Instant::now();
    let per_task = checks / CONCURRENCY;
    let tasks: Vec<_> = (0..CONCURRENCY)
        .map(|task| {
            let limits = Arc::clone(limits);
            tokio::spawn(async move {
                for index in 0..per_task {
                    let key = if one_key {
                        "everyone".to_owned()
                    } else {
                        (task * per_task + index).to_string()
                    };
                    limits
                        .take(Limit::Votes, &key, 1_800_000_000_000)
                        .await
                        .expect("allowed");
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task");
    }
    let total = per_task * CONCURRENCY;
    #[allow(clippy::cast_precision_loss, reason = "a count far below 2^52")]
    let rate = total as f64 / started.elapsed().as_secs_f64();
    rate
}

async fn measure(label: &str, database: &str, checks: usize) {
    let store = store::connect(database).await.expect("store");
    let limits = Arc::new(Limits::new(&generous(), store));
    // Warm the connections and the table.
    alone(&limits, 200).await;
    let (median, p99) = alone(&limits, checks).await;
    let distinct = together(&limits, checks, false).await;
    let one_key = together(&limits, checks, true).await;
    say(&format!(
        "{label:<10} shared={:<5} alone: median {:>8.1} µs, p99 {:>8.1} µs | {CONCURRENCY} callers: \
         {distinct:>9.0} checks/s on distinct keys, {one_key:>9.0} checks/s on one key",
        limits.is_shared(),
        median.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6,
    ));
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    // Test runners list tests first; this binary has none to list.
    if std::env::args().any(|argument| argument == "--list") {
        return;
    }
    // `cargo bench` passes `--bench`; under `cargo test` a few checks prove the path works.
    let checks: usize = if std::env::args().any(|argument| argument == "--bench") {
        std::env::var("LIMIT_CHECKS")
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(20_000)
    } else {
        200
    };
    measure("in-process", "sqlite::memory:", checks).await;
    let Ok(base) = std::env::var("TEST_PG_URL") else {
        say("PostgreSQL skipped: TEST_PG_URL is not set");
        return;
    };
    let (prefix, _) = base.rsplit_once('/').expect("a database url ends in /name");
    let admin = format!("{prefix}/postgres");
    let name = format!("cg_limits_bench_{}", std::process::id());
    let psql = |sql: String| {
        let output = std::process::Command::new("psql")
            .args([admin.as_str(), "-qc", sql.as_str()])
            .output()
            .expect("psql runs");
        assert!(output.status.success(), "{output:?}");
    };
    psql(format!("CREATE DATABASE {name}"));
    measure("postgres", &format!("{prefix}/{name}"), checks).await;
    psql(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
}
