//! What drawing a system map costs: the layout (`system_map::layout`) and the whole drawing
//! (layout, SVG and table form, `system_map::svg::drawing`) of the demo map and of a random
//! 300-factor, 1,200-link map (the size of the engine's loop benchmark: factors owned by 8
//! partners in turn, names of 2 to 7 words, distinct links drawn uniformly from a fixed seed,
//! 30% of them `−`). Reports the median and slowest of several runs; the target is 100 ms for
//! the layout of the large map.
//!
//! `cargo bench -p server --bench map_layout`; `MAP_FACTORS`, `MAP_LINKS` and `MAP_RUNS`
//! (default 300, 1200 and 11) change the random map and the number of runs.

use std::io::Write as _;
use std::time::{Duration, Instant};

use engine::system_map::Sign;
use server::system_map::layout::layout;
use server::system_map::source::{FactorSource, LinkSource, MapSource};
use server::system_map::svg::{DrawOptions, drawing};

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

/// A small fixed-seed generator (xorshift64*), so the map is the same on every run.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(bound).unwrap_or(u64::MAX)).unwrap_or(0)
    }
}

fn random_map(factors: usize, links: usize) -> MapSource {
    const WORDS: [&str; 16] = [
        "care",
        "waiting",
        "list",
        "loneliness",
        "older",
        "people",
        "hospital",
        "discharge",
        "carers",
        "budget",
        "pressure",
        "falls",
        "housing",
        "community",
        "GP",
        "appointments",
    ];
    let mut generator = Generator(0x5eed_0fc0_ffee);
    let map_factors = (0..factors)
        .map(|i| {
            let words = 2 + generator.below(6);
            FactorSource {
                id: (i + 1).to_string(),
                name: (0..words)
                    .map(|_| WORDS[generator.below(WORDS.len())])
                    .collect::<Vec<_>>()
                    .join(" "),
                partner: Some(format!("Partner {}", i % 8 + 1)),
            }
        })
        .collect();
    let wanted = links.min(factors * factors);
    let mut seen = std::collections::BTreeSet::new();
    let mut map_links = Vec::with_capacity(wanted);
    while map_links.len() < wanted {
        let (from, to) = (generator.below(factors), generator.below(factors));
        if !seen.insert((from, to)) {
            continue;
        }
        map_links.push(LinkSource {
            from: (from + 1).to_string(),
            to: (to + 1).to_string(),
            sign: if generator.below(10) < 3 {
                Sign::Negative
            } else {
                Sign::Positive
            },
            delayed: generator.below(10) == 0,
            contested: generator.below(10) == 0,
            note: String::new(),
        });
    }
    MapSource {
        factors: map_factors,
        links: map_links,
    }
}

/// Reads the demo map from examples/northvale-map.
fn demo_map() -> Result<MapSource, String> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/northvale-map");
    let read = |name: &str| {
        std::fs::read_to_string(format!("{folder}/{name}"))
            .map_err(|error| format!("{folder}/{name}: {error}"))
    };
    let mut source = MapSource::default();
    let factors = read("factors.csv")?;
    for record in csv::Reader::from_reader(factors.as_bytes()).records() {
        let record = record.map_err(|error| error.to_string())?;
        source.factors.push(FactorSource {
            id: record[0].to_owned(),
            name: record[1].to_owned(),
            partner: Some(record[2].to_owned()).filter(|p| !p.is_empty()),
        });
    }
    let links = read("links.csv")?;
    for record in csv::Reader::from_reader(links.as_bytes()).records() {
        let record = record.map_err(|error| error.to_string())?;
        source.links.push(LinkSource {
            from: record[0].to_owned(),
            to: record[1].to_owned(),
            sign: Sign::parse(&record[2]).ok_or("a sign is neither + nor -")?,
            delayed: !record[3].trim().is_empty(),
            contested: !record[4].trim().is_empty(),
            note: record[5].to_owned(),
        });
    }
    Ok(source)
}

/// The median and the slowest of the times.
fn spread(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort_unstable();
    (
        times[times.len() / 2],
        times.last().copied().unwrap_or_default(),
    )
}

/// The CPU time this process has used (user and system), in clock ticks of 10 ms.
fn cpu_ticks() -> u64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // The fields after the command name, which is in parentheses.
            let rest = stat.rsplit_once(')')?.1.to_owned();
            let fields: Vec<&str> = rest.split_whitespace().collect();
            Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0)
}

fn measure(label: &str, runs: usize, mut work: impl FnMut() -> String) {
    let mut times = Vec::with_capacity(runs);
    let mut size = String::new();
    let ticks = cpu_ticks();
    for _ in 0..runs {
        let started = Instant::now();
        size = work();
        times.push(started.elapsed());
    }
    let cpu_ms = (cpu_ticks() - ticks) as f64 * 10.0 / runs as f64;
    let (median, slowest) = spread(&mut times);
    say(&format!(
        "{label}: median {:.2} ms, slowest {:.2} ms wall over {runs} runs, {cpu_ms:.0} ms of CPU per run ({size})",
        median.as_secs_f64() * 1000.0,
        slowest.as_secs_f64() * 1000.0,
    ));
}

fn main() -> Result<(), String> {
    let runs = setting("MAP_RUNS", 11).max(1);
    let demo = demo_map()?;
    let large = random_map(setting("MAP_FACTORS", 300), setting("MAP_LINKS", 1_200));
    for (name, source) in [("demo map", &demo), ("random map", &large)] {
        let title = format!(
            "{name}, {} factors, {} links",
            source.factors.len(),
            source.links.len()
        );
        measure(&format!("layout of the {title}"), runs, || {
            let laid = layout(source);
            format!("{:.0} × {:.0} units", laid.width, laid.height)
        });
        measure(&format!("drawing of the {title}"), runs, || {
            let drawn = drawing(source, &DrawOptions::default());
            format!("{} KiB of SVG", drawn.svg.len() / 1024)
        });
    }
    Ok(())
}
