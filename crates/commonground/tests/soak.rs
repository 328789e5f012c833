//! The soak run of `cargo xtask soak` in a bounded form: 20 seconds of mixed load (joins,
//! votes, statements, erasures, moderation, report reads) against the debug binary on SQLite.
//! Every action must be answered as expected and the analysis must count every acknowledged
//! vote still stored soon after the load stops; speed is not judged here (see the Soak section
//! of BENCHMARKS.md for the full run).

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
#[path = "support/soak.rs"]
mod soak;

use std::path::Path;
use std::time::Duration;

#[test]
fn a_short_soak_under_mixed_load_fails_nothing_and_the_analysis_keeps_up() {
    let folder = tempfile::tempdir().unwrap();
    let plan = soak::SoakPlan {
        binary: Path::new(env!("CARGO_BIN_EXE_commonground")).to_owned(),
        database: format!("sqlite:{}", folder.path().join("soak.db").display()),
        folder: folder.path().to_owned(),
        duration: Duration::from_secs(20),
        rate: 100.0,
        clients: 8,
        statements: 30,
        debounce: Duration::from_millis(500),
        catch_up: Duration::from_secs(15),
        server_env: Vec::new(),
        live: false,
    };
    let report = soak::run(&plan).unwrap();
    eprintln!("{}", report.render());
    assert!(report.problems().is_empty(), "{:#?}", report.problems());
    for (action, _) in soak::MIX {
        let tally = report.tallies.get(&action);
        assert!(
            tally.is_some_and(|tally| tally.ok > 0),
            "no {} was done: {:?}",
            action.name(),
            report.tallies.keys().collect::<Vec<_>>()
        );
    }
    assert!(report.expected_votes > 0);
    assert!(report.samples.len() >= 2, "memory is read every 10 s");
    assert!(report.samples.iter().all(|sample| sample.rss_kib > 0));
}
