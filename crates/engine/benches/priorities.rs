//! Times the Bradley–Terry ranking of a priority list: 1,000 options and 1 million comparisons
//! from planted strengths, in six constituencies, and the choice of the next pair at 1,000
//! options: `cargo bench -p engine --bench priorities`.
#![allow(clippy::print_stdout, reason = "a bench binary reports on stdout")]

mod measure;

use std::hint::black_box;

use engine::priorities::{
    Choice, Comparison, Estimate, PairRequest, PriorityInput, next_pair, rank,
};
use measure::{Mark, cpu_model, format_kib, load_average, peak_memory_kib, reset_peak_memory};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const OPTIONS: u32 = 1_000;
const COMPARISONS: u32 = 1_000_000;
const PARTICIPANTS: u32 = 50_000;
const CONSTITUENCIES: u32 = 6;
const NEITHER_RATE: f64 = 0.05;
const PAIR_REQUESTS: u64 = 2_000;

fn planted_strength(option: u32) -> f64 {
    -3.0 + 6.0 * f64::from(option) / f64::from(OPTIONS - 1)
}

fn comparisons(seed: u64) -> Vec<Comparison> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..COMPARISONS)
        .map(|_| {
            let left = rng.random_range(0..OPTIONS);
            let mut right = rng.random_range(0..OPTIONS - 1);
            if right >= left {
                right += 1;
            }
            let difference = planted_strength(left) - planted_strength(right);
            let q = 1.0 / (1.0 + (-difference).exp());
            let choice = if rng.random_bool(NEITHER_RATE) {
                Choice::Neither
            } else if rng.random_bool(q) {
                Choice::Left
            } else {
                Choice::Right
            };
            Comparison {
                participant: rng.random_range(0..PARTICIPANTS),
                left,
                right,
                choice,
            }
        })
        .collect()
}

fn main() {
    println!(
        "{} · {} threads · load average {}",
        cpu_model(),
        rayon::current_num_threads(),
        load_average()
    );
    let comparisons = comparisons(12);
    let constituencies: Vec<Vec<u32>> = (0..PARTICIPANTS)
        .map(|p| {
            // Everyone in one constituency; every seventh person in a second as well.
            let mut list = vec![p % CONSTITUENCIES];
            if p % 7 == 0 {
                list.push((p / 7 + 1) % CONSTITUENCIES);
                list.dedup();
            }
            list
        })
        .collect();

    let start = Mark::now();
    let overall = engine::priorities::fit(OPTIONS as usize, &comparisons).expect("valid");
    println!(
        "fit alone: {}  ({} MM iterations)",
        Mark::now().since(&start),
        overall.iterations
    );
    for (label, constituency_count) in [("overall only", 0), ("overall + 6 constituencies", 6)] {
        reset_peak_memory();
        let start = Mark::now();
        let results = rank(&PriorityInput {
            options: OPTIONS as usize,
            comparisons: &comparisons,
            constituency_count,
            constituencies_of: if constituency_count == 0 {
                &[]
            } else {
                &constituencies
            },
            group_count: 0,
            group_of: &[],
            shortlist_size: 10,
        })
        .expect("generated comparisons are valid");
        let end = Mark::now();
        let overall = &results.overall;
        assert_eq!(overall.estimate, Estimate::MaximumLikelihood);
        let top = overall.order()[0];
        println!(
            "rank, {label}: {}  peak RSS {}  ({} decided comparisons; top option {top}, planted top {})",
            end.since(&start),
            format_kib(peak_memory_kib()),
            overall.decided,
            OPTIONS - 1,
        );
    }

    let fit = rank(&PriorityInput {
        options: OPTIONS as usize,
        comparisons: &comparisons[..20_000],
        constituency_count: 0,
        constituencies_of: &[],
        group_count: 0,
        group_of: &[],
        shortlist_size: 10,
    })
    .expect("valid");
    let strength: Vec<f64> = fit
        .overall
        .options
        .iter()
        .map(|o| o.fitted_log_strength)
        .collect();
    let error: Vec<f64> = fit
        .overall
        .options
        .iter()
        .map(|o| (o.log_strength_interval.1 - o.log_strength_interval.0) / 3.92)
        .collect();
    let exposure: Vec<u64> = fit
        .overall
        .options
        .iter()
        .map(|o| u64::from(o.wins + o.losses))
        .collect();
    let active = vec![true; OPTIONS as usize];
    // A participant who has already answered 300 comparisons.
    let answered: Vec<(u32, u32)> = comparisons[..300]
        .iter()
        .map(|c| (c.left, c.right))
        .collect();
    let start = Mark::now();
    for seed in 0..PAIR_REQUESTS {
        black_box(next_pair(&PairRequest {
            log_strength: &strength,
            standard_error: &error,
            exposure: &exposure,
            active: &active,
            answered: &answered,
            seed,
        }));
    }
    let end = Mark::now();
    println!(
        "next pair at {OPTIONS} options, 300 answered: {PAIR_REQUESTS} requests, {}  ({:.1} µs per request, wall)",
        end.since(&start),
        end.wall_seconds_since(&start) * 1e6 / PAIR_REQUESTS as f64,
    );
}
