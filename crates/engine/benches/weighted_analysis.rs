//! Times the whole analysis (`analysis::run`: Pol.is pipeline, bridging, common ground) on about
//! 10 million votes with head-count weights and with equal weights per constituency:
//! `cargo bench -p engine --bench weighted_analysis -- [--runs N]`.
//!
//! 100,000 participants in two camps (3 in 5 and 2 in 5) vote on 100 of 2,000 statements each;
//! they belong to four constituencies of very different sizes (60%, 25%, 10%, 4%) or to none
//! (1%). Runs alternate between the two weightings, and each reports its wall time and the
//! process's CPU time over the run.
#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports its figures on standard output"
)]

use std::time::Instant;

use engine::analysis::{self, AnalysisConfig, AnalysisInput};
use engine::common_ground::{Constituency, Weighting};
use engine::{Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteMatrix, VoteRecord};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const PARTICIPANTS: u32 = 100_000;
const STATEMENTS: u32 = 2_000;
const VOTES_PER_PARTICIPANT: usize = 100;

/// The constituency of a participant by id: 60%, 25%, 10%, 4%, and 1% in none.
fn constituency_of(participant: u32) -> Option<usize> {
    match participant % 100 {
        0..=59 => Some(0),
        60..=84 => Some(1),
        85..=94 => Some(2),
        95..=98 => Some(3),
        _ => None,
    }
}

/// How likely a camp is to agree with a statement, planted by its id.
fn agreement(statement: u32, in_camp_a: bool) -> f64 {
    match (statement % 20, in_camp_a) {
        (0, _) => 0.85,
        (1..=8, true) | (9..=16, false) => 0.8,
        (1..=16, _) => 0.2,
        _ => 0.5,
    }
}

fn records(seed: u64) -> Vec<VoteRecord> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut records = Vec::with_capacity(PARTICIPANTS as usize * VOTES_PER_PARTICIPANT);
    for participant in 0..PARTICIPANTS {
        let in_camp_a = participant % 5 < 3;
        let statements =
            rand::seq::index::sample(&mut rng, STATEMENTS as usize, VOTES_PER_PARTICIPANT);
        for statement in statements {
            let statement = u32::try_from(statement).expect("statement ids fit in u32");
            let vote = if rng.random_bool(0.1) {
                Vote::Pass
            } else if rng.random_bool(agreement(statement, in_camp_a)) {
                Vote::Agree
            } else {
                Vote::Disagree
            };
            records.push(VoteRecord {
                participant: ParticipantId(participant),
                statement: StatementId(statement),
                vote,
                timestamp: 0,
            });
        }
    }
    records
}

/// The process's user + system CPU time in seconds, from `/proc/self/stat` (0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which ends with ')': utime and stime are the 12th and
    // 13th of them, in clock ticks (100 per second on Linux).
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |index: usize| {
        fields
            .get(index)
            .and_then(|field| field.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let runs: usize = std::env::args()
        .skip_while(|argument| argument != "--runs")
        .nth(1)
        .and_then(|value| value.parse().ok())
        .unwrap_or(2);
    let matrix = VoteMatrix::from_records(&records(2024));
    println!(
        "{} participants x {} statements, {} votes",
        matrix.n_participants(),
        matrix.n_statements(),
        matrix.n_votes()
    );
    let statements: Vec<StatementInfo> = (0..STATEMENTS)
        .map(|id| StatementInfo {
            id: StatementId(id),
            moderation: Moderation::Accepted,
            is_meta: false,
            author: None,
        })
        .collect();
    let constituencies: Vec<Constituency> = ["residents", "patients", "carers", "clinicians"]
        .iter()
        .map(|name| Constituency {
            name: (*name).to_owned(),
            expected_share: None,
            kind: None,
        })
        .collect();
    let memberships: Vec<(ParticipantId, Vec<usize>)> = (0..PARTICIPANTS)
        .filter_map(|p| Some((ParticipantId(p), vec![constituency_of(p)?])))
        .collect();
    let config = AnalysisConfig::with_seed(7);
    let mut timings: Vec<(Weighting, f64, f64)> = Vec::new();
    for run in 0..runs {
        for weighting in [Weighting::HeadCount, Weighting::Equal] {
            let input = AnalysisInput {
                matrix: &matrix,
                statements: &statements,
                participants: &[],
                constituencies: &constituencies,
                memberships: &memberships,
                previous: None,
                weighting: Some(weighting),
                frame_shares: &[],
            };
            let (cpu, started) = (cpu_seconds(), Instant::now());
            let result = analysis::run(&input, &config);
            let (wall, cpu) = (started.elapsed().as_secs_f64(), cpu_seconds() - cpu);
            println!(
                "run {}: {:<10} {wall:6.2} s wall, {cpu:6.2} s CPU, {} groups, {} common ground, design effect {:.2}",
                run + 1,
                weighting.as_str(),
                result.polis.group_clusters.len(),
                result.common_ground.n_common_ground,
                result.weights.design_effect
            );
            timings.push((weighting, wall, cpu));
        }
    }
    let median = |weighting: Weighting, pick: fn(&(Weighting, f64, f64)) -> f64| {
        let mut values: Vec<f64> = timings
            .iter()
            .filter(|timing| timing.0 == weighting)
            .map(pick)
            .collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let (head_wall, equal_wall) = (
        median(Weighting::HeadCount, |t| t.1),
        median(Weighting::Equal, |t| t.1),
    );
    let (head_cpu, equal_cpu) = (
        median(Weighting::HeadCount, |t| t.2),
        median(Weighting::Equal, |t| t.2),
    );
    println!(
        "median of {runs}: head-count {head_wall:.2} s wall ({head_cpu:.2} s CPU), equal {equal_wall:.2} s wall ({equal_cpu:.2} s CPU): {:.3}x wall, {:.3}x CPU",
        equal_wall / head_wall,
        equal_cpu / head_cpu
    );
}
