//! Times the system map's analysis: every feedback loop of a 30-factor map the size of the
//! demo's, the first 100,000 loops of a 300-factor, 1,200-link map with the ripple of every
//! factor, and the ripple of every factor and the leverage of a 1,000-factor, 4,000-link map:
//! `cargo bench -p engine --bench system_map`.
#![allow(clippy::print_stdout, reason = "a bench binary reports on stdout")]

mod measure;

use std::collections::BTreeSet;
use std::hint::black_box;

use engine::system_map::{Factor, FactorId, Link, LoopLimits, Push, Sign, SystemMap};
use measure::{Mark, cpu_model, format_kib, load_average, median_index, peak_memory_kib};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const PARTNERS: u32 = 8;
const NEGATIVE_SHARE: f64 = 0.3;
const RUNS: usize = 11;
/// How far each ripple spreads.
const STEPS: usize = 4;
/// The loops each ripple lists through its factor.
const RIPPLE_LOOPS: LoopLimits = LoopLimits {
    max_length: usize::MAX,
    max_loops: 100,
};

/// A map of `factors` factors owned by 8 partners in turn and `links` distinct random links,
/// 30% of them `−`, self-loops included.
fn random_map(rng: &mut ChaCha8Rng, factors: u64, links: usize) -> SystemMap {
    let all: Vec<Factor> = (0..factors)
        .map(|id| Factor {
            id,
            partner: u32::try_from(id % u64::from(PARTNERS)).ok(),
        })
        .collect();
    let mut pairs: BTreeSet<(FactorId, FactorId)> = BTreeSet::new();
    while pairs.len() < links {
        pairs.insert((rng.random_range(0..factors), rng.random_range(0..factors)));
    }
    let links: Vec<Link> = pairs
        .into_iter()
        .map(|(from, to)| Link {
            from,
            to,
            sign: if rng.random_bool(NEGATIVE_SHARE) {
                Sign::Negative
            } else {
                Sign::Positive
            },
            delayed: rng.random_bool(0.1),
            contested: rng.random_bool(0.1),
        })
        .collect();
    SystemMap::new(&all, &links).expect("generated maps are valid")
}

/// Runs `work` `RUNS` times and prints the median, fastest and slowest run; returns what the
/// last run said about its result.
fn time(label: &str, mut work: impl FnMut() -> String) -> String {
    let mut walls = Vec::with_capacity(RUNS);
    let mut lines = Vec::with_capacity(RUNS);
    let mut said = String::new();
    for _ in 0..RUNS {
        let start = Mark::now();
        said = black_box(work());
        let end = Mark::now();
        walls.push(end.wall_seconds_since(&start));
        lines.push(end.since(&start));
    }
    let median = median_index(&walls);
    let mut sorted = walls.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "{label}: median of {RUNS} runs {}  (fastest {:.2} ms, slowest {:.2} ms)",
        lines[median],
        sorted[0] * 1e3,
        sorted[RUNS - 1] * 1e3,
    );
    let start = Mark::now();
    for _ in 0..RUNS {
        black_box(work());
    }
    let end = Mark::now();
    println!(
        "  {RUNS} runs back to back: {}  ({:.2} ms per run, wall)",
        end.since(&start),
        end.wall_seconds_since(&start) * 1e3 / RUNS as f64,
    );
    said
}

/// The ripple of pushing every factor up; returns how many factors the ripples reach in all.
fn every_ripple(map: &SystemMap) -> String {
    let mut reached = 0usize;
    let mut loops = 0usize;
    for &id in map.ids() {
        let ripple = map
            .ripple(id, Push::Up, STEPS, RIPPLE_LOOPS)
            .expect("the factor is on the map");
        reached += ripple.reached.len();
        loops += ripple.loops.loops.len();
    }
    format!("{reached} factors reached, {loops} loops entered")
}

fn main() {
    println!("{} · load average {}", cpu_model(), load_average());
    let mut rng = ChaCha8Rng::seed_from_u64(15);

    let demo = random_map(&mut rng, 30, 75);
    let said = time("every loop, 30 factors, 75 links", || {
        let found = demo.loops(LoopLimits::default());
        format!("{} loops, truncated {}", found.loops.len(), found.truncated)
    });
    println!("  {said}");

    let middle = random_map(&mut rng, 300, 1_200);
    let said = time(
        "first 100,000 loops and every ripple, 300 factors, 1,200 links",
        || {
            let found = middle.loops(LoopLimits::default());
            format!(
                "{} loops, truncated {}; {}",
                found.loops.len(),
                found.truncated,
                every_ripple(&middle)
            )
        },
    );
    println!("  {said}");

    let large = random_map(&mut rng, 1_000, 4_000);
    let said = time("every ripple, 1,000 factors, 4,000 links", || {
        every_ripple(&large)
    });
    println!("  {said}");
    let said = time("leverage, 1,000 factors, 4,000 links", || {
        let measured = large.leverage();
        let top = measured
            .iter()
            .map(|factor| factor.betweenness)
            .fold(0.0f64, f64::max);
        format!("highest betweenness {top:.0}")
    });
    println!("  {said}");
    println!(
        "load average {} · peak RSS {}",
        load_average(),
        format_kib(peak_memory_kib())
    );
}
