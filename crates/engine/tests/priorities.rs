//! The Bradley–Terry ranking of priority options: closed-form and hand-computed fits, the
//! invariances the model promises, equal weight per constituency, and the choice of pairs.

use engine::priorities::{
    Choice, Comparison, Estimate, PairRequest, PriorityError, PriorityInput, PriorityResults,
    next_pair, rank,
};
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn wins(participant: u32, winner: u32, loser: u32, times: usize) -> Vec<Comparison> {
    (0..times)
        .map(|k| {
            // Alternate sides so nothing depends on which side an option was shown.
            if k % 2 == 0 {
                Comparison {
                    participant,
                    left: winner,
                    right: loser,
                    choice: Choice::Left,
                }
            } else {
                Comparison {
                    participant,
                    left: loser,
                    right: winner,
                    choice: Choice::Right,
                }
            }
        })
        .collect()
}

fn ranked(options: usize, comparisons: &[Comparison]) -> PriorityResults {
    rank(&PriorityInput {
        options,
        comparisons,
        constituency_count: 0,
        constituencies_of: &[],
        group_count: 0,
        group_of: &[],
        shortlist_size: 10,
    })
    .expect("valid input")
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

#[test]
fn two_options_fit_the_closed_form() {
    // With only two options the likelihood is binomial: p_1 / (p_1 + p_2) = 7/10, so
    // θ_1 − θ_2 = ln(7/3), and with mean 0, θ_1 = ln(7/3)/2. The observed information of the
    // difference is n q (1 − q) = 10 · 0.21, so the standard error of θ_1 is half its root.
    let mut comparisons = wins(0, 0, 1, 7);
    comparisons.extend(wins(1, 1, 0, 3));
    let results = ranked(2, &comparisons);
    let overall = &results.overall;
    assert_eq!(overall.estimate, Estimate::MaximumLikelihood);
    let half_log_odds = (7.0f64 / 3.0).ln() / 2.0;
    close(
        overall.options[0].log_strength.unwrap(),
        half_log_odds,
        1e-9,
    );
    close(
        overall.options[1].log_strength.unwrap(),
        -half_log_odds,
        1e-9,
    );
    let se = (1.0 / 2.1f64).sqrt() / 2.0;
    let (low, high) = overall.options[0].log_strength_interval;
    close(high - low, 2.0 * 1.959_963_984_540_054 * se, 1e-6);
    // The score of each is its chance of beating the other.
    close(overall.options[0].score, 70.0, 1e-7);
    close(overall.options[1].score, 30.0, 1e-7);
    assert_eq!((overall.options[0].wins, overall.options[0].losses), (7, 3));
    assert_eq!(overall.options[0].rank, 1);
}

#[test]
fn a_hand_computed_case_is_recovered_exactly() {
    // Strengths 4 : 2 : 1 with counts equal to their expectations: A beats B 4 of 6, A beats C
    // 4 of 5, B beats C 2 of 3. The likelihood equations W_i = Σ n_ij p_i/(p_i+p_j) hold at
    // p = (4, 2, 1) (A: 8 = 6·4/6 + 5·4/5), so the log strengths are ln 4, ln 2, ln 1 less
    // their mean ln 2.
    let mut comparisons = wins(0, 0, 1, 4);
    comparisons.extend(wins(0, 1, 0, 2));
    comparisons.extend(wins(0, 0, 2, 4));
    comparisons.extend(wins(0, 2, 0, 1));
    comparisons.extend(wins(0, 1, 2, 2));
    comparisons.extend(wins(0, 2, 1, 1));
    let overall = ranked(3, &comparisons).overall;
    let ln2 = 2.0f64.ln();
    for (option, expected) in [ln2, 0.0, -ln2].into_iter().enumerate() {
        close(
            overall.options[option].log_strength.unwrap(),
            expected,
            1e-8,
        );
    }
    // A beats B with chance 2/3 and C with 4/5: its score is the mean, 73.3.
    close(
        overall.options[0].score,
        100.0 * (2.0 / 3.0 + 0.8) / 2.0,
        1e-6,
    );
    assert_eq!(
        overall.options.iter().map(|o| o.rank).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
}

#[test]
fn can_not_decide_is_counted_but_not_fitted() {
    let mut comparisons = wins(0, 0, 1, 7);
    comparisons.extend(wins(1, 1, 0, 3));
    let without = ranked(2, &comparisons).overall;
    comparisons.push(Comparison {
        participant: 2,
        left: 0,
        right: 1,
        choice: Choice::Neither,
    });
    let with = ranked(2, &comparisons).overall;
    assert_eq!(with.options[0].neither, 1);
    assert_eq!(with.options[1].neither, 1);
    assert_eq!(with.comparisons, 11);
    assert_eq!(with.decided, 10);
    assert_eq!(with.participants, 3);
    assert_eq!(
        with.options[0].log_strength,
        without.options[0].log_strength
    );
}

#[test]
fn an_unbeaten_option_has_no_maximum_likelihood_estimate_but_a_finite_rank() {
    // Option 0 never lost: the win graph is not strongly connected.
    let mut comparisons = wins(0, 0, 1, 3);
    comparisons.extend(wins(0, 0, 2, 2));
    comparisons.extend(wins(0, 1, 2, 2));
    comparisons.extend(wins(0, 2, 1, 1));
    let overall = ranked(3, &comparisons).overall;
    assert_eq!(overall.estimate, Estimate::WeakPrior);
    assert!(overall.options.iter().all(|o| o.log_strength.is_none()));
    assert!(
        overall
            .options
            .iter()
            .all(|o| o.fitted_log_strength.is_finite() && o.score.is_finite())
    );
    assert_eq!(overall.options[0].rank, 1);
    assert_eq!(overall.options[1].rank, 2);
    let sum: f64 = overall.options.iter().map(|o| o.fitted_log_strength).sum();
    close(sum, 0.0, 1e-9);
    // An option never compared sits at the middle of the scale with a wide interval.
    let with_new = ranked(4, &comparisons).overall;
    let new = &with_new.options[3];
    assert_eq!((new.wins, new.losses), (0, 0));
    let (low, high) = new.log_strength_interval;
    assert!(high - low > 2.0, "interval {low}..{high} is too narrow");
}

#[test]
fn no_decided_comparison_leaves_every_option_level() {
    let comparisons = vec![Comparison {
        participant: 0,
        left: 0,
        right: 1,
        choice: Choice::Neither,
    }];
    let overall = ranked(3, &comparisons).overall;
    assert_eq!(overall.estimate, Estimate::NoComparisons);
    assert!(
        overall
            .options
            .iter()
            .all(|o| (o.score - 50.0).abs() < 1e-12 && o.rank == 1)
    );
}

#[test]
fn bad_comparisons_are_refused_with_their_reason() {
    let same = [Comparison {
        participant: 0,
        left: 1,
        right: 1,
        choice: Choice::Left,
    }];
    let unknown = [Comparison {
        participant: 0,
        left: 0,
        right: 5,
        choice: Choice::Left,
    }];
    assert_eq!(
        rank(&three_options(&same, &[])),
        Err(PriorityError::SameOption { option: 1 })
    );
    assert_eq!(
        rank(&three_options(&unknown, &[])),
        Err(PriorityError::UnknownOption {
            option: 5,
            options: 3
        })
    );
    let memberships = vec![vec![4]];
    assert!(matches!(
        rank(&three_options(&[], &memberships)),
        Err(PriorityError::UnknownSubset {
            kind: "constituency",
            index: 4,
            ..
        })
    ));
}

fn three_options<'a>(
    comparisons: &'a [Comparison],
    memberships: &'a [Vec<u32>],
) -> PriorityInput<'a> {
    PriorityInput {
        options: 3,
        comparisons,
        constituency_count: 2,
        constituencies_of: memberships,
        group_count: 0,
        group_of: &[],
        shortlist_size: 10,
    }
}

/// Simulates comparisons from planted log strengths: every participant compares random pairs.
fn simulate(strength: &[f64], comparisons_per_option: usize, seed: u64) -> Vec<Comparison> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let n = u32::try_from(strength.len()).expect("few options");
    let total = u32::try_from(comparisons_per_option * strength.len() / 2).expect("small");
    (0..total)
        .map(|k| {
            let left = rng.random_range(0..n);
            let mut right = rng.random_range(0..n - 1);
            if right >= left {
                right += 1;
            }
            let q = 1.0 / (1.0 + (strength[right as usize] - strength[left as usize]).exp());
            let choice = if rng.random_bool(q) {
                Choice::Left
            } else {
                Choice::Right
            };
            Comparison {
                participant: k / 20,
                left,
                right,
                choice,
            }
        })
        .collect()
}

fn kendall_tau(a: &[f64], b: &[f64]) -> f64 {
    let mut concordant = 0i64;
    let mut discordant = 0i64;
    for i in 0..a.len() {
        for j in i + 1..a.len() {
            let product = (a[i] - a[j]) * (b[i] - b[j]);
            if product > 0.0 {
                concordant += 1;
            } else if product < 0.0 {
                discordant += 1;
            }
        }
    }
    (concordant - discordant) as f64 / (concordant + discordant) as f64
}

#[test]
fn a_planted_ranking_is_recovered() {
    let planted: Vec<f64> = (0..40).map(|i| -2.0 + 4.0 * f64::from(i) / 39.0).collect();
    let comparisons = simulate(&planted, 200, 7);
    let overall = ranked(planted.len(), &comparisons).overall;
    assert_eq!(overall.estimate, Estimate::MaximumLikelihood);
    let fitted: Vec<f64> = overall
        .options
        .iter()
        .map(|o| o.log_strength.unwrap())
        .collect();
    let tau = kendall_tau(&planted, &fitted);
    assert!(tau >= 0.9, "Kendall's tau {tau} is below 0.9");
    // The 95% intervals cover the planted values about 95% of the time.
    let covered = overall
        .options
        .iter()
        .zip(&planted)
        .filter(|(o, p)| o.log_strength_interval.0 <= **p && **p <= o.log_strength_interval.1)
        .count();
    assert!(covered >= 34, "only {covered} of 40 intervals cover");
}

#[test]
fn relabelling_options_changes_only_the_labels() {
    let planted = [0.8, -0.3, 0.1, -0.6, 0.0];
    let comparisons = simulate(&planted, 30, 3);
    let original = ranked(5, &comparisons).overall;
    // Option k becomes option 4 − k.
    let relabel = |o: u32| 4 - o;
    let relabelled: Vec<Comparison> = comparisons
        .iter()
        .map(|c| Comparison {
            left: relabel(c.left),
            right: relabel(c.right),
            ..*c
        })
        .collect();
    let moved = ranked(5, &relabelled).overall;
    assert_eq!(original.estimate, moved.estimate);
    for k in 0..5u32 {
        let (a, b) = (
            &original.options[k as usize],
            &moved.options[relabel(k) as usize],
        );
        close(a.fitted_log_strength, b.fitted_log_strength, 1e-8);
        close(a.score, b.score, 1e-7);
        assert_eq!(a.rank, b.rank);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn another_win_never_lowers_an_options_strength(
        seed in 0u64..1_000,
        winner in 0u32..4,
        loser_offset in 1u32..4,
    ) {
        let planted = [0.5, -0.5, 0.2, 0.0];
        let comparisons = simulate(&planted, 40, seed);
        let loser = (winner + loser_offset) % 4;
        let before = ranked(4, &comparisons).overall;
        let mut more = comparisons.clone();
        more.extend(wins(99, winner, loser, 1));
        let after = ranked(4, &more).overall;
        let (b, a) = (&before.options[winner as usize], &after.options[winner as usize]);
        // The property holds for the maximum-likelihood estimate, the one documents report as
        // `log_strength`. Under the weak prior, whose weight grows with every comparison so that
        // copying all comparisons changes nothing (PRIOR_SHARE), one more comparison also pulls
        // every option a little towards the middle, which can outweigh a win for an option that
        // already beats nearly everything (docs/priorities-json.md).
        prop_assume!(
            before.estimate == Estimate::MaximumLikelihood
                && after.estimate == Estimate::MaximumLikelihood
        );
        prop_assert!(a.fitted_log_strength >= b.fitted_log_strength - 1e-9);
        prop_assert!(a.score >= b.score - 1e-7, "score {} then {}", b.score, a.score);
    }
}

/// Two constituencies with opposite planted priorities; participant k is in constituency k % 2.
fn two_constituencies(copies_of_first: u32) -> (Vec<Comparison>, Vec<Vec<u32>>) {
    let first = simulate(&[1.0, 0.5, 0.0, -0.5, -1.0], 60, 11);
    let second: Vec<Comparison> = simulate(&[-1.0, -0.5, 0.0, 0.5, 1.0], 60, 12)
        .into_iter()
        .map(|c| Comparison {
            participant: c.participant + 1_000,
            ..c
        })
        .collect();
    let mut comparisons = Vec::new();
    for copy in 0..copies_of_first {
        comparisons.extend(first.iter().map(|c| Comparison {
            participant: c.participant + 2_000 * copy,
            ..*c
        }));
    }
    comparisons.extend(second);
    let participants = 2_000 * copies_of_first.max(1);
    let memberships = (0..participants)
        .map(|p| vec![u32::from(p % 2_000 >= 1_000)])
        .collect();
    (comparisons, memberships)
}

fn with_constituencies(comparisons: &[Comparison], memberships: &[Vec<u32>]) -> PriorityResults {
    rank(&PriorityInput {
        options: 5,
        comparisons,
        constituency_count: 2,
        constituencies_of: memberships,
        group_count: 0,
        group_of: &[],
        shortlist_size: 3,
    })
    .expect("valid input")
}

#[test]
fn copying_a_constituencys_comparisons_leaves_the_equal_weight_score_unchanged() {
    let (once, memberships) = two_constituencies(1);
    let (ten_times, memberships_ten) = two_constituencies(10);
    let base = with_constituencies(&once, &memberships);
    let copied = with_constituencies(&ten_times, &memberships_ten);
    assert_eq!(base.counted_constituencies, vec![0, 1]);
    for option in 0..5 {
        close(
            copied.equal_weight_score[option].unwrap(),
            base.equal_weight_score[option].unwrap(),
            1e-6,
        );
    }
    // The head-count score follows the louder constituency.
    assert!(copied.overall.options[0].score > base.overall.options[0].score + 10.0);
    assert_eq!(copied.overall.options[0].rank, 1);
}

#[test]
fn the_shortlist_gives_each_constituency_equal_points() {
    let (comparisons, memberships) = two_constituencies(1);
    let results = with_constituencies(&comparisons, &memberships);
    // Constituency 0 puts 0, 1, 2 first; constituency 1 puts 4, 3, 2 first.
    let first = results.constituencies[0].order();
    let second = results.constituencies[1].order();
    assert_eq!(&first[..3], &[0, 1, 2]);
    assert_eq!(&second[..3], &[4, 3, 2]);
    // Option 2 is third for both (1 + 1 points) and in both tops; 0 and 4 get 3 points each.
    let points: Vec<(usize, u32, usize)> = results
        .shortlist
        .iter()
        .map(|e| (e.option, e.points, e.in_top_of.len()))
        .collect();
    assert_eq!(points.len(), 5);
    assert_eq!(points[0].1, 3);
    assert_eq!(points[1].1, 3);
    let middle = points.iter().find(|p| p.0 == 2).unwrap();
    assert_eq!((middle.1, middle.2), (2, 2));
    let divergence = results.divergence.expect("two constituencies");
    assert_eq!(divergence.shared, 1);
    assert_eq!(
        divergence
            .only_first
            .iter()
            .map(|p| p.0)
            .collect::<Vec<_>>(),
        vec![0, 1]
    );
    // Option 0 is last for the second constituency.
    assert_eq!(divergence.only_first[0].1, 5);
}

#[test]
fn groups_are_ranked_from_their_members_comparisons() {
    let (comparisons, memberships) = two_constituencies(1);
    let groups: Vec<Option<u32>> = (0..2_000).map(|p| (p < 1_000).then_some(0)).collect();
    let results = rank(&PriorityInput {
        options: 5,
        comparisons: &comparisons,
        constituency_count: 2,
        constituencies_of: &memberships,
        group_count: 1,
        group_of: &groups,
        shortlist_size: 3,
    })
    .unwrap();
    assert_eq!(results.groups[0], results.constituencies[0]);
}

fn request<'a>(
    strength: &'a [f64],
    error: &'a [f64],
    exposure: &'a [u64],
    active: &'a [bool],
    answered: &'a [(u32, u32)],
    seed: u64,
) -> PairRequest<'a> {
    PairRequest {
        log_strength: strength,
        standard_error: error,
        exposure,
        active,
        answered,
        seed,
    }
}

#[test]
fn the_next_pair_is_new_to_the_participant_and_repeatable() {
    let strength = [0.0; 4];
    let error = [1.0; 4];
    let exposure = [0; 4];
    let active = [true, true, true, false];
    let mut answered: Vec<(u32, u32)> = Vec::new();
    for seed in 0..3 {
        let pair = next_pair(&request(
            &strength, &error, &exposure, &active, &answered, seed,
        ))
        .expect("a pair remains");
        let again = next_pair(&request(
            &strength, &error, &exposure, &active, &answered, seed,
        ));
        assert_eq!(Some(pair), again);
        assert_ne!(pair.0, pair.1);
        assert!(pair.0 != 3 && pair.1 != 3, "an inactive option was shown");
        let key = (pair.0.min(pair.1), pair.0.max(pair.1));
        assert!(!answered.iter().any(|&(a, b)| (a.min(b), a.max(b)) == key));
        answered.push((pair.1, pair.0));
    }
    // All three pairs of the three active options are answered.
    assert_eq!(
        next_pair(&request(
            &strength, &error, &exposure, &active, &answered, 9
        )),
        None
    );
}

#[test]
fn options_the_participants_constituencies_have_seen_least_come_first() {
    let n = 20;
    let strength = vec![0.0; n];
    let error = vec![1.0; n];
    // Options 0 and 1 are new to this participant's constituencies; the rest well seen.
    let exposure: Vec<u64> = (0..n).map(|i| if i < 2 { 0 } else { 500 }).collect();
    let active = vec![true; n];
    let shown = (0..200)
        .filter_map(|seed| next_pair(&request(&strength, &error, &exposure, &active, &[], seed)))
        .filter(|&(a, b)| a < 2 || b < 2)
        .count();
    assert!(shown >= 190, "only {shown} of 200 pairs held a new option");
}

#[test]
fn close_options_are_paired_more_than_distant_ones() {
    let strength = [0.0, 0.1, 6.0];
    let error = [1.0; 3];
    let exposure = [0; 3];
    let active = [true; 3];
    let answered_02 = [(0, 2)];
    let mut close_pairs = 0;
    for seed in 0..300 {
        let (a, b) = next_pair(&request(&strength, &error, &exposure, &active, &[], seed)).unwrap();
        if (a.min(b), a.max(b)) == (0, 1) {
            close_pairs += 1;
        }
    }
    assert!(close_pairs > 150, "close pair chosen {close_pairs} of 300");
    // A lopsided pair is still offered when it is the only one left for the first option.
    let only = next_pair(&request(
        &strength,
        &error,
        &exposure,
        &[true, false, true],
        &[],
        1,
    ))
    .unwrap();
    assert_eq!((only.0.min(only.1), only.0.max(only.1)), (0, 2));
    assert!(
        next_pair(&request(
            &strength,
            &error,
            &exposure,
            &[true, false, true],
            &answered_02,
            1
        ))
        .is_none()
    );
}
