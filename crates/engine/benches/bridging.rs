//! Times the bridging fit on a dialogue of 100,000 participants, 2,000 statements and about
//! 10 million votes with planted camps of 60% and 40%, by head-count and group-balanced (the
//! planted camps as the opinion groups): `cargo bench -p engine --bench bridging`.
#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports its figures on standard output"
)]

use std::time::Instant;

use engine::bridging::{BridgingConfig, BridgingResult, fit, fit_balanced};
use engine::{ParticipantId, StatementId, Vote, VoteMatrix, VoteRecord};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const PARTICIPANTS: u32 = 100_000;
const STATEMENTS: u32 = 2_000;
const VOTES_PER_PARTICIPANT: usize = 100;
const PASS_RATE: f64 = 0.1;

/// The kind of a statement, planted by its id.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Nearly everyone agrees.
    Consensus,
    /// Camp A agrees, camp B disagrees.
    CampA,
    /// Camp B agrees, camp A disagrees.
    CampB,
    /// Both camps split evenly.
    Divisive,
}

fn kind(statement: u32) -> Kind {
    match statement % 20 {
        0 => Kind::Consensus,
        1..=8 => Kind::CampA,
        9..=16 => Kind::CampB,
        _ => Kind::Divisive,
    }
}

fn agreement(kind: Kind, in_camp_a: bool) -> f64 {
    match (kind, in_camp_a) {
        (Kind::Consensus, _) => 0.85,
        (Kind::CampA, true) | (Kind::CampB, false) => 0.8,
        (Kind::CampA, false) | (Kind::CampB, true) => 0.2,
        (Kind::Divisive, _) => 0.5,
    }
}

/// Three participants in five are in camp A.
fn is_in_camp_a(participant: u32) -> bool {
    participant % 5 < 3
}

fn records(seed: u64) -> Vec<VoteRecord> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut records = Vec::with_capacity(PARTICIPANTS as usize * VOTES_PER_PARTICIPANT);
    for participant in 0..PARTICIPANTS {
        let in_camp_a = is_in_camp_a(participant);
        let statements =
            rand::seq::index::sample(&mut rng, STATEMENTS as usize, VOTES_PER_PARTICIPANT);
        for statement in statements {
            let statement = u32::try_from(statement).expect("statement ids fit in u32");
            let vote = if rng.random_bool(PASS_RATE) {
                Vote::Pass
            } else if rng.random_bool(agreement(kind(statement), in_camp_a)) {
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

fn main() {
    let started = Instant::now();
    let records = records(2024);
    println!(
        "generated {} votes in {:.2} s",
        records.len(),
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let matrix = VoteMatrix::from_records(&records);
    drop(records);
    println!(
        "built the {} x {} matrix ({} votes) in {:.2} s",
        matrix.n_participants(),
        matrix.n_statements(),
        matrix.n_votes(),
        started.elapsed().as_secs_f64()
    );

    let config = BridgingConfig::default();
    let started = Instant::now();
    let result = fit(&matrix, &config);
    let seconds = started.elapsed().as_secs_f64();
    let total_epochs: usize = result.restarts_losses.len().max(1) * result.epochs;
    println!(
        "fit: {seconds:.2} s for {} restarts on {} threads; kept restart {} epochs, loss {:.6}",
        config.restarts,
        rayon::current_num_threads(),
        result.epochs,
        result.loss,
    );
    println!(
        "restart losses: {:?}",
        result
            .restarts_losses
            .iter()
            .map(|loss| format!("{loss:.6}"))
            .collect::<Vec<_>>()
    );
    let ratings: usize = result.statements.iter().map(|s| s.n_ratings).sum();
    println!(
        "{ratings} ratings; about {:.1} ns per rating per epoch across restarts (kept epochs x restarts = {total_epochs})",
        seconds * 1e9 / (ratings as f64 * total_epochs as f64)
    );

    report_consensus_on_top(&result);

    // The group-balanced fit runs the head-count fit, then one warm-started fit.
    let groups: Vec<Option<usize>> = matrix
        .participants()
        .iter()
        .map(|participant| Some(usize::from(!is_in_camp_a(participant.0))))
        .collect();
    let started = Instant::now();
    let both = fit_balanced(&matrix, &config, &groups, None);
    let balanced_seconds = started.elapsed().as_secs_f64();
    println!(
        "fit_balanced: {balanced_seconds:.2} s for both fits ({:.2}x the head-count fit alone); balanced fit {} epochs, loss {:.6}",
        balanced_seconds / seconds,
        both.balanced.epochs,
        both.balanced.loss,
    );
    report_consensus_on_top(&both.balanced);
}

/// Prints how many planted consensus statements lead the ranking, as they should.
fn report_consensus_on_top(result: &BridgingResult) {
    let mut ranked: Vec<(f64, u32)> = result
        .statements
        .iter()
        .filter_map(|s| Some((s.intercept?, s.statement.0)))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let n_consensus = ranked
        .iter()
        .filter(|&&(_, id)| kind(id) == Kind::Consensus)
        .count();
    let consensus_on_top = ranked[..n_consensus]
        .iter()
        .filter(|&&(_, id)| kind(id) == Kind::Consensus)
        .count();
    println!(
        "planted consensus statements among the top {n_consensus} intercepts: {consensus_on_top}"
    );
}
