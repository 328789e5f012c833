//! Times the trust scores of a partnership network: 300 partners and 90,000 ratings over two
//! waves (each partner rates 150 others in each), with every network measure, asymmetry and
//! change: `cargo bench -p engine --bench trust`.
#![allow(clippy::print_stdout, reason = "a bench binary reports on stdout")]

mod measure;

use std::hint::black_box;

use engine::trust::{
    Contribution, Contributions, Level, Partner, Rating, Side, TrustInput, analyze,
};
use measure::{
    Mark, cpu_model, format_kib, load_average, median_index, peak_memory_kib, reset_peak_memory,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const PARTNERS: u32 = 300;
const WAVES: u32 = 2;
const RATED_PER_WAVE: u32 = 150;
const DONT_KNOW_RATE: f64 = 0.1;
const RUNS: usize = 21;

fn partners(rng: &mut ChaCha8Rng) -> Vec<Partner> {
    (0..PARTNERS)
        .map(|_| {
            let community = match rng.random_range(0..3) {
                0 => Some(Side::First),
                1 => Some(Side::Second),
                _ => None,
            };
            let lay = if rng.random_bool(0.3) {
                Side::First
            } else {
                Side::Second
            };
            Partner {
                sides: [community, Some(lay)],
            }
        })
        .collect()
}

fn ratings(rng: &mut ChaCha8Rng) -> Vec<Rating> {
    let mut ratings = Vec::with_capacity((PARTNERS * RATED_PER_WAVE * WAVES) as usize);
    for wave in 0..WAVES {
        for rater in 0..PARTNERS {
            // 150 others in a run starting at a random offset.
            let offset = rng.random_range(1..PARTNERS - RATED_PER_WAVE);
            for k in 0..RATED_PER_WAVE {
                let ratee = (rater + offset + k) % PARTNERS;
                let level = Level::ALL[rng.random_range(0..Level::ALL.len())];
                let mut items = [None; 6];
                let mut contributions = Contributions::NONE;
                if level.is_tie() {
                    for item in &mut items {
                        if !rng.random_bool(DONT_KNOW_RATE) {
                            *item = Some(rng.random_range(1..=4));
                        }
                    }
                    if rng.random_bool(0.3) {
                        let kind = Contribution::ALL[rng.random_range(0..Contribution::ALL.len())];
                        contributions = contributions.with(kind);
                    }
                }
                ratings.push(Rating {
                    wave,
                    rater,
                    ratee,
                    level,
                    items,
                    contributions,
                });
            }
        }
    }
    ratings
}

fn main() {
    println!(
        "{} · {} threads · load average {}",
        cpu_model(),
        rayon::current_num_threads(),
        load_average()
    );
    let mut rng = ChaCha8Rng::seed_from_u64(14);
    let partners = partners(&mut rng);
    let ratings = ratings(&mut rng);
    let input = TrustInput {
        partners: &partners,
        waves: WAVES as usize,
        ratings: &ratings,
    };
    reset_peak_memory();
    let mut walls = Vec::with_capacity(RUNS);
    let mut lines = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Mark::now();
        let results = black_box(analyze(black_box(&input)).expect("generated ratings are valid"));
        let end = Mark::now();
        walls.push(end.wall_seconds_since(&start));
        lines.push(end.since(&start));
        black_box(results);
    }
    let results = analyze(&input).expect("valid");
    let median = median_index(&walls);
    let mut sorted = walls.clone();
    sorted.sort_by(f64::total_cmp);
    let wave = &results.waves[0];
    println!(
        "scores, {PARTNERS} partners, {} ratings in {WAVES} waves: median of {RUNS} runs {}  (fastest {:.1} ms, slowest {:.1} ms)  peak RSS {}",
        ratings.len(),
        lines[median],
        sorted[0] * 1e3,
        sorted[RUNS - 1] * 1e3,
        format_kib(peak_memory_kib()),
    );
    let start = Mark::now();
    for _ in 0..RUNS {
        black_box(analyze(black_box(&input)).expect("valid"));
    }
    let end = Mark::now();
    println!(
        "{RUNS} runs back to back: {}  ({:.1} ms per run, wall)",
        end.since(&start),
        end.wall_seconds_since(&start) * 1e3 / RUNS as f64,
    );
    println!(
        "wave 1: density {:.3}, centralisation {:.3}, reciprocity {:.3}, {} flagged partner changes",
        wave.density.unwrap_or(f64::NAN),
        wave.centralization.unwrap_or(f64::NAN),
        wave.reciprocity.unwrap_or(f64::NAN),
        results.changes[0]
            .partners
            .iter()
            .filter(|c| c.trust.is_some_and(|t| t.is_beyond_uncertainty))
            .count(),
    );
}
