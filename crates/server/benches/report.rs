//! What rendering the report page costs for a large dialogue: a synthetic analysis document of
//! 1,000 statements and 100,000 participants (4 opinion groups, 7 constituencies) rendered to
//! HTML as `GET /d/{id}/report` renders it (summary, grid page, map, differences, voice audit),
//! without the database or HTTP around it. Reports the median and slowest of several runs and
//! the page's size; the target is 300 ms.
//!
//! `cargo bench -p server --bench report`; `REPORT_STATEMENTS`, `REPORT_PARTICIPANTS` and
//! `REPORT_RUNS` (default 1000, 100000 and 15) change the size and the number of runs.

use std::io::Write as _;
use std::time::{Duration, Instant};

use server::report::document::synthetic::{Shape, document};

fn say(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), String> {
    let shape = Shape {
        statements: setting("REPORT_STATEMENTS", 1_000),
        participants: setting("REPORT_PARTICIPANTS", 100_000),
        groups: 4,
        constituencies: 7,
    };
    let runs = setting("REPORT_RUNS", 15).max(1);
    let started = Instant::now();
    let doc = document(shape);
    let votes = u64::try_from(doc.input.votes).unwrap_or(u64::MAX);
    let participants = u64::try_from(shape.participants).unwrap_or(u64::MAX);
    say(&format!(
        "synthetic document: {} statements, {} participants, {} groups, {} constituencies, built in {:.0} ms",
        shape.statements,
        shape.participants,
        shape.groups,
        shape.constituencies,
        started.elapsed().as_secs_f64() * 1000.0
    ));
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let copy = doc.clone();
        let started = Instant::now();
        let html = server::report::render_report(copy, participants, votes)
            .map_err(|error| format!("rendering failed: {error}"))?;
        times.push(started.elapsed());
        size = html.len();
    }
    let (median, slowest) = spread(&mut times);
    say(&format!(
        "report page from the document: median {:.1} ms, slowest {:.1} ms over {runs} runs; {} KiB of HTML; target 300 ms: {}",
        median.as_secs_f64() * 1000.0,
        slowest.as_secs_f64() * 1000.0,
        size / 1024,
        verdict(median)
    ));
    // As the server does it: the stored JSON read strictly, then the page rendered.
    let json =
        serde_json::to_string(&doc).map_err(|error| format!("serialising failed: {error}"))?;
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let rendered = server::report::document::read(&json)
            .map_err(|error| error.to_string())
            .and_then(|read| server::report::render_report(read, participants, votes));
        rendered.map_err(|error| format!("reading or rendering failed: {error}"))?;
        times.push(started.elapsed());
    }
    let (median, slowest) = spread(&mut times);
    say(&format!(
        "report page from the stored JSON ({} MiB): median {:.1} ms, slowest {:.1} ms; target 300 ms: {}",
        json.len() / (1024 * 1024),
        median.as_secs_f64() * 1000.0,
        slowest.as_secs_f64() * 1000.0,
        verdict(median)
    ));
    Ok(())
}

/// Sorts the times and returns the median and the slowest.
fn spread(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    (
        times.get(times.len() / 2).copied().unwrap_or_default(),
        times.last().copied().unwrap_or_default(),
    )
}

fn verdict(median: Duration) -> &'static str {
    if median <= Duration::from_millis(300) {
        "met"
    } else {
        "missed"
    }
}
