//! `cargo xtask soak`: the release `commonground` binary under a steady mixed load over
//! loopback for a set time (10 minutes by default): joins, votes, statements, erasures,
//! moderation and report reads. Prints failures, latency percentiles per kind of action, the
//! server's memory and whether the analysis kept up, every 10 s and at the end; fails if any
//! action failed or the analysis did not catch up with the acknowledged votes in time.
//!
//! The driver is shared with the bounded test `crates/commonground/tests/soak.rs`.

#[path = "../../crates/commonground/tests/support/soak.rs"]
mod driver;

// The driver reaches the shared HTTP client and server process through these.
use crate::load::{http, server};

use std::io::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::compare::{build_commonground, machine_description};

/// Arguments of `cargo xtask soak`.
#[derive(Debug, Args)]
pub struct SoakArgs {
    /// How long the load runs: seconds, or a number with `s`, `m` or `h` (`10m`, `180s`).
    #[arg(long, default_value = "10m", value_parser = parse_duration)]
    duration: Duration,
    /// Actions per second over all clients.
    #[arg(long, default_value_t = 200.0)]
    rate: f64,
    /// Concurrent clients, each with one keep-alive connection.
    #[arg(long, default_value_t = 16)]
    clients: usize,
    /// Seed statements of the dialogue.
    #[arg(long, default_value_t = 60)]
    statements: usize,
    /// The server's analysis debounce, in milliseconds.
    #[arg(long, default_value_t = 2000)]
    debounce_ms: u64,
    /// How long after the load stops the analysis may take to count every stored vote, in
    /// seconds (default: the debounce plus 10 s).
    #[arg(long)]
    catch_up_seconds: Option<f64>,
    /// The database: an empty `sqlite:PATH` or `postgres://...` database; by default a SQLite
    /// file in a temporary folder.
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// An environment variable for the server, as `NAME=VALUE` (repeatable); the rate limits
    /// are always off.
    #[arg(long = "server-env", value_name = "NAME=VALUE", value_parser = crate::load::parse_setting)]
    server_env: Vec<(String, String)>,
    /// A `commonground` binary to run; by default the release build is made and used.
    #[arg(long, value_name = "PATH")]
    commonground: Option<PathBuf>,
}

/// Parses `600`, `600s`, `10m` or `1h`.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((at, _)) => text.split_at(at),
        None => (text, "s"),
    };
    let number: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a duration such as 600, 180s or 10m"))?;
    let seconds = match unit {
        "s" => number,
        "m" => number * 60.0,
        "h" => number * 3600.0,
        _ => return Err(format!("{text:?}: the unit must be s, m or h")),
    };
    if !(seconds > 0.0 && seconds.is_finite()) {
        return Err(format!("{text:?} is not a positive duration"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

fn say(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}").context("writing to stdout")
}

/// Runs `cargo xtask soak`.
pub fn run(args: &SoakArgs) -> Result<()> {
    let binary = match &args.commonground {
        Some(path) => path.clone(),
        None => build_commonground()?,
    };
    let folder = tempfile::tempdir().context("creating a temporary folder")?;
    let database = args
        .database
        .clone()
        .unwrap_or_else(|| format!("sqlite:{}", folder.path().join("soak.db").display()));
    let debounce = Duration::from_millis(args.debounce_ms);
    let catch_up = args
        .catch_up_seconds
        .map_or(debounce + Duration::from_secs(10), Duration::from_secs_f64);
    let plan = driver::SoakPlan {
        binary,
        database,
        folder: folder.path().to_owned(),
        duration: args.duration,
        rate: args.rate,
        clients: args.clients,
        statements: args.statements,
        debounce,
        catch_up,
        server_env: args.server_env.clone(),
        live: true,
    };
    say(&format!("# soak: {}", machine_description()))?;
    say(&format!(
        "{:.0} s at {} actions/s from {} clients; mix {}",
        args.duration.as_secs_f64(),
        args.rate,
        args.clients,
        driver::MIX
            .iter()
            .map(|(action, weight)| format!("{} {weight}", action.name()))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let wall = Instant::now();
    let report = driver::run(&plan)?;
    say(&report.render())?;
    say(&format!("wall time {:.0} s", wall.elapsed().as_secs_f64()))?;
    let problems = report.problems();
    if !problems.is_empty() {
        bail!("the soak failed:\n{}", problems.join("\n"));
    }
    say("no action failed and the analysis kept up")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_take_seconds_minutes_and_hours() {
        assert_eq!(parse_duration("600"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration("180s"), Ok(Duration::from_secs(180)));
        assert_eq!(parse_duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        assert!(parse_duration("ten").is_err());
        assert!(parse_duration("5d").is_err());
        assert!(parse_duration("0").is_err());
    }
}
