//! Checks the group-balanced bridging fit on planted two-camp dialogues: copying a whole opinion
//! group changes nothing, a statement both camps accept outranks one the larger camp loves, camps
//! of equal size give the head-count ranking, and analysis weights act like copies.

use engine::bridging::{BalancedBridging, BridgingConfig, BridgingExclusion, fit, fit_balanced};
use engine::{ParticipantId, StatementId, Vote, VoteMatrix, VoteRecord};
use proptest::prelude::*;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// The planted statements: the percentage of camp A and of camp B that agrees with each, chosen
/// so that the balanced intercepts have no near ties.
const PLANTED: [(usize, usize); 14] = [
    (97, 93),
    (92, 90),
    (70, 70),
    (99, 15),
    (97, 75),
    (45, 85),
    (90, 10),
    (30, 85),
    (70, 20),
    (25, 33),
    (2, 30),
    (20, 10),
    (10, 6),
    (2, 2),
];
/// ~70% of both camps agree.
const CROSS_CUTTING: u32 = 2;
/// 99% of camp A and 15% of camp B agree.
const PARTISAN: u32 = 3;
/// Copies of participant `p` get the ids `COPY_BASE * copy + p`.
const COPY_BASE: u32 = 100_000;

/// A planted dialogue: who is in which camp and how everyone voted.
#[derive(Clone)]
struct Dialogue {
    /// Per participant id: in camp A.
    camp_a: Vec<(u32, bool)>,
    records: Vec<VoteRecord>,
}

/// Returns a dialogue with `camp_a` and `camp_b` participants who vote on every planted
/// statement; each camp's share of agreement is exact (rounded), the seed picks who agrees.
fn planted(camp_a: u32, camp_b: u32, seed: u64) -> Dialogue {
    planted_with(&PLANTED, camp_a, camp_b, seed)
}

/// Returns a dialogue with `camp_a` and `camp_b` participants who vote on every statement of
/// `shares` (each camp's percentage of agreement), as [`planted`] does.
fn planted_with(shares: &[(usize, usize)], camp_a: u32, camp_b: u32, seed: u64) -> Dialogue {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let members: [Vec<u32>; 2] = [(0..camp_a).collect(), (camp_a..camp_a + camp_b).collect()];
    let mut records = Vec::new();
    for (statement, &shares) in (0u32..).zip(shares) {
        for (camp, percent) in members.iter().zip([shares.0, shares.1]) {
            let mut camp = camp.clone();
            camp.shuffle(&mut rng);
            let n_agree = (percent * camp.len() + 50) / 100;
            for (index, &participant) in camp.iter().enumerate() {
                let vote = if index < n_agree {
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
    }
    let camp_a = (0..camp_a + camp_b).map(|p| (p, p < camp_a)).collect();
    Dialogue { camp_a, records }
}

impl Dialogue {
    /// Adds `copies - 1` copies of every member of camp A (or camp B), each voting as the
    /// original.
    fn with_copies_of(&self, of_camp_a: bool, copies: u32) -> Dialogue {
        let mut copy = self.clone();
        for number in 1..copies {
            for &(participant, in_a) in &self.camp_a {
                if in_a == of_camp_a {
                    copy.camp_a.push((COPY_BASE * number + participant, in_a));
                }
            }
            for record in &self.records {
                let in_a = self.camp_a[record.participant.0 as usize].1;
                if in_a == of_camp_a {
                    copy.records.push(VoteRecord {
                        participant: ParticipantId(COPY_BASE * number + record.participant.0),
                        ..*record
                    });
                }
            }
        }
        copy
    }

    fn matrix(&self) -> VoteMatrix {
        VoteMatrix::from_records(&self.records)
    }

    /// Returns each matrix row's opinion group: 0 for camp A, 1 for camp B.
    fn groups(&self, matrix: &VoteMatrix) -> Vec<Option<usize>> {
        matrix
            .participants()
            .iter()
            .map(|participant| {
                let original = participant.0 % COPY_BASE;
                Some(usize::from(!self.camp_a[original as usize].1))
            })
            .collect()
    }

    fn fit(&self, weights: Option<&dyn Fn(u32) -> f64>) -> BalancedBridging {
        let matrix = self.matrix();
        let weights: Option<Vec<f64>> = weights.map(|weight| {
            (matrix.participants().iter())
                .map(|participant| weight(participant.0))
                .collect()
        });
        fit_balanced(
            &matrix,
            &BridgingConfig::default(),
            &self.groups(&matrix),
            weights.as_deref(),
        )
    }
}

/// Returns the intercept of every planted statement, in statement order.
fn intercepts(result: &engine::bridging::BridgingResult) -> Vec<f64> {
    let mut scores: Vec<(u32, f64)> = result
        .statements
        .iter()
        .map(|entry| (entry.statement.0, entry.intercept.expect("scored")))
        .collect();
    scores.sort_by_key(|&(statement, _)| statement);
    scores.into_iter().map(|(_, intercept)| intercept).collect()
}

/// Spearman's rank correlation of two lists without ties.
fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let ranks = |values: &[f64]| {
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
        let mut ranks = vec![0.0; values.len()];
        for (rank, index) in order.into_iter().enumerate() {
            ranks[index] = rank as f64;
        }
        ranks
    };
    let (x, y) = (ranks(x), ranks(y));
    let n = x.len() as f64;
    let squared: f64 = x.iter().zip(&y).map(|(a, b)| (a - b) * (a - b)).sum();
    1.0 - 6.0 * squared / (n * (n * n - 1.0))
}

/// Splits `total` participants into camps with camp A's share in percent.
fn camps(total: u32, camp_a_percent: u32) -> (u32, u32) {
    let camp_a = (total * camp_a_percent).div_ceil(100);
    (camp_a, total - camp_a)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn copying_every_member_of_one_group_leaves_the_balanced_ranking_unchanged(
        total in 30u32..60,
        camp_a_percent in 50u32..=85,
        copies in 2u32..=20,
        copy_camp_a in any::<bool>(),
        seed in 0u64..1_000,
    ) {
        let (camp_a, camp_b) = camps(total, camp_a_percent);
        let dialogue = planted(camp_a, camp_b, seed);
        let before = dialogue.fit(None);
        let after = dialogue.with_copies_of(copy_camp_a, copies).fit(None);
        let (before, after) = (intercepts(&before.balanced), intercepts(&after.balanced));
        let correlation = spearman(&before, &after);
        prop_assert!(correlation >= 0.99, "spearman {correlation}: {before:?} vs {after:?}");
    }

    #[test]
    fn a_statement_both_camps_accept_outranks_one_the_larger_camp_loves(
        total in 30u32..100,
        camp_a_percent in 50u32..=85,
        seed in 0u64..1_000,
    ) {
        let (camp_a, camp_b) = camps(total, camp_a_percent);
        let fitted = planted(camp_a, camp_b, seed).fit(None);
        let scores = intercepts(&fitted.balanced);
        prop_assert!(
            scores[CROSS_CUTTING as usize] > scores[PARTISAN as usize],
            "cross-cutting {} vs partisan {}",
            scores[CROSS_CUTTING as usize],
            scores[PARTISAN as usize]
        );
    }

    #[test]
    fn camps_of_about_equal_size_rank_as_the_head_count_does(
        half in 20u32..50,
        extra in 1u32..=3,
        seed in 0u64..1_000,
    ) {
        let fitted = planted(half + extra, half, seed).fit(None);
        let (balanced, head_count) = (intercepts(&fitted.balanced), intercepts(&fitted.head_count));
        // With camps this close the balanced fit may stop where the head-count fit did, so
        // the two may be identical; what must hold is that they rank alike.
        let correlation = spearman(&balanced, &head_count);
        prop_assert!(correlation >= 0.97, "spearman {correlation}: {balanced:?} vs {head_count:?}");
    }
}

/// A dialogue in which one statement alone splits the camps: ~70% of both camps agree with the
/// first, 99% of camp A and 15% of camp B with the second, and each camp agrees alike with the
/// rest.
const ONE_SPLIT: [(usize, usize); 10] = [
    (70, 70),
    (99, 15),
    (90, 90),
    (50, 50),
    (30, 30),
    (60, 60),
    (20, 20),
    (80, 80),
    (40, 40),
    (10, 10),
];

#[test]
fn with_camps_of_70_and_30_the_head_count_favours_the_larger_camp_and_the_balanced_fit_does_not() {
    for seed in [0, 2] {
        let dialogue = planted_with(&ONE_SPLIT, 70, 30, seed);
        let fitted = dialogue.fit(None);
        assert_eq!(fitted.n_groups, 2);
        let head_count = intercepts(&fitted.head_count);
        let balanced = intercepts(&fitted.balanced);
        assert!(
            head_count[1] > head_count[0],
            "seed {seed}: head-count: partisan {} vs cross-cutting {}",
            head_count[1],
            head_count[0]
        );
        assert!(
            balanced[0] > balanced[1] + 0.03,
            "seed {seed}: balanced: cross-cutting {} vs partisan {}",
            balanced[0],
            balanced[1]
        );
        // The head-count fit is the Community Notes fit itself.
        assert_eq!(
            fitted.head_count,
            fit(&dialogue.matrix(), &BridgingConfig::default())
        );
    }
}

#[test]
fn copies_swing_the_head_count_ranking_but_not_the_balanced_one() {
    let dialogue = planted(50, 50, 4);
    let flooded = dialogue.with_copies_of(true, 6).fit(None);
    let head_count = intercepts(&flooded.head_count);
    let balanced = intercepts(&flooded.balanced);
    let (cross, partisan) = (CROSS_CUTTING as usize, PARTISAN as usize);
    assert!(head_count[partisan] > head_count[cross]);
    assert!(balanced[cross] > balanced[partisan]);
    let original = intercepts(&dialogue.fit(None).balanced);
    let largest_shift = original
        .iter()
        .zip(&balanced)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    assert!(largest_shift < 0.01, "largest shift {largest_shift}");
}

#[test]
fn camps_of_exactly_equal_size_give_the_head_count_fit_itself() {
    let fitted = planted(40, 40, 2).fit(None);
    assert_eq!(fitted.balanced, fitted.head_count);
    assert_eq!(fitted.n_groups, 2);
}

#[test]
fn an_analysis_weight_acts_like_copies_of_the_participant() {
    // Camp A's first ten participants weigh three, or appear three times.
    let dialogue = planted(60, 40, 3);
    let heavy = |participant: u32| if participant < 10 { 3.0 } else { 1.0 };
    let weighted = intercepts(&dialogue.fit(Some(&heavy)).balanced);
    let mut copied = dialogue.clone();
    for number in 1..3 {
        for record in &dialogue.records {
            if record.participant.0 < 10 {
                copied.records.push(VoteRecord {
                    participant: ParticipantId(COPY_BASE * number + record.participant.0),
                    ..*record
                });
            }
        }
    }
    let copies = intercepts(&copied.fit(None).balanced);
    let unweighted = intercepts(&dialogue.fit(None).balanced);
    let largest = |a: &[f64], b: &[f64]| {
        a.iter()
            .zip(b)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max)
    };
    assert!(
        largest(&weighted, &copies) < 0.005,
        "{weighted:?} vs {copies:?}"
    );
    assert!(
        largest(&weighted, &unweighted) > 0.01,
        "the weights must matter"
    );
}

#[test]
fn participants_without_a_group_or_a_weight_are_left_out_of_the_balanced_fit_only() {
    let dialogue = planted(30, 20, 5);
    let matrix = dialogue.matrix();
    let mut groups = dialogue.groups(&matrix);
    groups[0] = None;
    let mut weights = vec![1.0; matrix.n_participants()];
    weights[1] = 0.0;
    weights[2] = f64::NAN;
    let fitted = fit_balanced(&matrix, &BridgingConfig::default(), &groups, Some(&weights));
    let exclusion = |row: usize| fitted.balanced.participants[row].exclusion;
    assert_eq!(exclusion(0), Some(BridgingExclusion::NoOpinionGroup));
    assert_eq!(exclusion(1), Some(BridgingExclusion::NoAnalysisWeight));
    assert_eq!(exclusion(2), Some(BridgingExclusion::NoAnalysisWeight));
    assert_eq!(exclusion(3), None);
    assert!(
        fitted.head_count.participants[..3]
            .iter()
            .all(|p| p.exclusion.is_none())
    );
    let column = 0;
    assert_eq!(
        fitted.head_count.statements[column].n_ratings,
        fitted.balanced.statements[column].n_ratings + 3
    );
}

#[test]
fn without_groups_the_balanced_fit_weighs_by_analysis_weight_alone() {
    let matrix = planted(30, 20, 6).matrix();
    let no_groups = vec![None; matrix.n_participants()];
    let config = BridgingConfig::default();
    let plain = fit_balanced(&matrix, &config, &no_groups, None);
    assert_eq!(plain.n_groups, 0);
    assert_eq!(plain.balanced, plain.head_count);

    let weights: Vec<f64> = (0..matrix.n_participants())
        .map(|row| if row < 10 { 2.0 } else { 1.0 })
        .collect();
    let weighted = fit_balanced(&matrix, &config, &no_groups, Some(&weights));
    assert_eq!(weighted.head_count, plain.head_count);
    assert_ne!(weighted.balanced, plain.balanced);
    assert!(
        weighted
            .balanced
            .participants
            .iter()
            .all(|p| p.exclusion.is_none())
    );
}

#[test]
fn the_balanced_fit_is_reproducible_whatever_the_threads() {
    let dialogue = planted(45, 25, 7);
    let first = dialogue.fit(None);
    assert_eq!(first, dialogue.fit(None));
    let single_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| dialogue.fit(None));
    assert_eq!(format!("{first:?}"), format!("{single_thread:?}"));
    assert_eq!(first.balanced.restarts_losses.len(), 1);
}

#[test]
fn odd_input_gives_empty_fits() {
    let empty = fit_balanced(
        &VoteMatrix::from_records(&[]),
        &BridgingConfig::default(),
        &[],
        None,
    );
    assert!(empty.balanced.statements.is_empty() && empty.head_count.statements.is_empty());
    // Groups and weights shorter than the matrix: the rest is in no group with weight 1.
    let dialogue = planted(20, 10, 8);
    let matrix = dialogue.matrix();
    let fitted = fit_balanced(
        &matrix,
        &BridgingConfig::default(),
        &[Some(0)],
        Some(&[1.0]),
    );
    assert_eq!(
        fitted.balanced.participants[1].exclusion,
        Some(BridgingExclusion::NoOpinionGroup)
    );
    // One participant alone gives no statement enough ratings.
    assert_eq!(fitted.n_groups, 0);
    assert!(
        fitted
            .balanced
            .statements
            .iter()
            .all(|s| s.intercept.is_none())
    );
    assert!(
        fitted
            .head_count
            .statements
            .iter()
            .all(|s| s.intercept.is_some())
    );
}
