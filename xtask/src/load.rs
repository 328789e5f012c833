//! `cargo xtask load`: a bounded load run over loopback against the release `commonground`
//! binary. Votes go out at a fixed rate from concurrent clients until the vote count or the time
//! limit is reached, while the server's resident memory is read every second; the task prints
//! throughput, latency percentiles, failures and memory, and fails if any vote fails or memory
//! grows beyond the stated bound after the warm-up.
//!
//! The driver is shared with the test that runs a small form of it
//! (`crates/commonground/tests/load.rs`), so the test and the task measure the same thing.

#[path = "../../crates/commonground/tests/support/load.rs"]
mod driver;
#[allow(
    dead_code,
    reason = "shared with the crash test, which uses more of it"
)]
#[path = "../../crates/commonground/tests/support/http.rs"]
pub(crate) mod http;
#[allow(
    dead_code,
    reason = "shared with the crash test, which uses more of it"
)]
#[path = "../../crates/commonground/tests/support/server.rs"]
pub(crate) mod server;

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::compare::{build_commonground, machine_description};

/// Arguments of `cargo xtask load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// The most votes to send.
    #[arg(long, default_value_t = 100_000)]
    votes: u64,
    /// The longest the voting may last, in seconds.
    #[arg(long, default_value_t = 60.0)]
    seconds: f64,
    /// Votes per second in the schedule (the ingestion benchmark's SQLite figure).
    #[arg(long, default_value_t = 6_500.0)]
    rate: f64,
    /// Concurrent clients, each with one keep-alive connection.
    #[arg(long, default_value_t = 64)]
    clients: usize,
    /// Statements in the dialogue.
    #[arg(long, default_value_t = 100)]
    statements: usize,
    /// Participants. Once each has voted on every statement, later votes are changes of mind:
    /// the dialogue the analysis reads stops growing, which is what the flat-memory check is
    /// about. Give at least votes / statements participants for every vote to be new, so that
    /// the dialogue (and the analysis's working memory with it) grows with every vote.
    #[arg(long, default_value = "200")]
    participants: Option<usize>,
    /// The database: an empty `sqlite:PATH` or `postgres://...` database; by default a
    /// SQLite file in a temporary folder.
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// The first seconds of voting, after which the server's memory should stay flat.
    #[arg(long, default_value_t = 10.0)]
    warmup_seconds: f64,
    /// How far the server's resident memory may grow after the warm-up, in MiB.
    #[arg(long, default_value_t = 64)]
    max_growth_mib: u64,
    /// An environment variable for the server, as `NAME=VALUE` (repeatable), such as
    /// `COMMONGROUND_ANALYSIS_ENABLED=false` or `MALLOC_ARENA_MAX=2`; the rate limits are always
    /// off.
    #[arg(long = "server-env", value_name = "NAME=VALUE", value_parser = parse_setting)]
    server_env: Vec<(String, String)>,
    /// A `commonground` binary to run; by default the release build is made and used.
    #[arg(long, value_name = "PATH")]
    commonground: Option<PathBuf>,
}

/// Parses `NAME=VALUE`.
pub fn parse_setting(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_owned(), value.to_owned()))
        }
        _ => Err(format!("{text:?} is not NAME=VALUE")),
    }
}

fn say(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}").context("writing to stdout")
}

/// Runs `cargo xtask load`.
pub fn run(args: &LoadArgs) -> Result<()> {
    let binary = match &args.commonground {
        Some(path) => path.clone(),
        None => build_commonground()?,
    };
    let folder = tempfile::tempdir().context("creating a temporary folder")?;
    let database = args
        .database
        .clone()
        .unwrap_or_else(|| format!("sqlite:{}", folder.path().join("load.db").display()));
    let plan = driver::LoadPlan {
        binary,
        database: database.clone(),
        folder: folder.path().to_owned(),
        votes: args.votes,
        seconds: args.seconds,
        rate: args.rate,
        clients: args.clients,
        statements: args.statements,
        participants: args.participants,
        warmup_seconds: args.warmup_seconds,
        max_growth_mib: args.max_growth_mib,
        server_env: args.server_env.clone(),
    };
    say(&format!("# load: {}", machine_description()))?;
    let shown_database = if args.database.is_some() {
        database.as_str()
    } else {
        "a temporary SQLite file"
    };
    say(&format!("database: {shown_database}"))?;
    let report = driver::run(&plan)?;
    say(&report.render())?;
    let problems = report.problems();
    if !problems.is_empty() {
        bail!("the load run failed:\n{}", problems.join("\n"));
    }
    say("every vote was acknowledged and memory stayed within its bound")
}
