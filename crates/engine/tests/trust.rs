//! Trust between partners: network measures of a star, a ring and a complete graph by hand,
//! scores that leave "don't know" and unrated partners out, asymmetry along a divide by hand,
//! changes flagged only beyond their uncertainty, refusals, and the invariances the scores
//! promise.

use engine::trust::{
    Contribution, Contributions, Divide, Level, Partner, Rating, Side, TrustError, TrustInput,
    TrustResults, analyze, t_quantile_975,
};
use proptest::prelude::*;

const K: Option<u8> = None;

/// A rating above none with the six items given.
fn rated(wave: u32, rater: u32, ratee: u32, items: [Option<u8>; 6]) -> Rating {
    Rating {
        wave,
        rater,
        ratee,
        level: Level::Cooperation,
        items,
        contributions: Contributions::NONE,
    }
}

/// A rating above none whose six items are all `score`.
fn all(wave: u32, rater: u32, ratee: u32, score: u8) -> Rating {
    rated(wave, rater, ratee, [Some(score); 6])
}

/// A rating that reports no relationship.
fn none(wave: u32, rater: u32, ratee: u32) -> Rating {
    Rating {
        wave,
        rater,
        ratee,
        level: Level::None,
        items: [None; 6],
        contributions: Contributions::NONE,
    }
}

fn plain(n: usize) -> Vec<Partner> {
    vec![Partner::default(); n]
}

fn run(partners: &[Partner], waves: usize, ratings: &[Rating]) -> TrustResults {
    analyze(&TrustInput {
        partners,
        waves,
        ratings,
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
fn a_star_has_centralisation_one() {
    // Five partners; the hub (0) reports a tie with each of the four others, who report none
    // among themselves and do not answer about the hub.
    let mut ratings: Vec<Rating> = (1..5).map(|leaf| all(0, 0, leaf, 3)).collect();
    for a in 1..5 {
        for b in 1..5 {
            if a != b {
                ratings.push(none(0, a, b));
            }
        }
    }
    let wave = &run(&plain(5), 1, &ratings).waves[0];
    assert_eq!((wave.ties, wave.possible_ties), (4, 10));
    close(wave.density.unwrap(), 0.4, 1e-15);
    let degrees: Vec<u32> = wave.partners.iter().map(|p| p.degree).collect();
    assert_eq!(degrees, [4, 1, 1, 1, 1]);
    // Σ (4 − d_i) / ((n − 1)(n − 2)) = (0 + 3 + 3 + 3 + 3) / 12.
    close(wave.centralization.unwrap(), 1.0, 1e-15);
    // No leaf answered about the hub, so no tie was answered by both sides.
    assert_eq!(wave.ties_both_answered, 0);
    assert_eq!(wave.reciprocity, None);
}

#[test]
fn a_ring_has_centralisation_zero_and_no_reciprocity() {
    // 0–1–2–3–4–0: each partner reports a tie with the next and none with every other.
    let n = 5;
    let mut ratings = Vec::new();
    for rater in 0..n {
        for ratee in 0..n {
            if ratee == (rater + 1) % n {
                ratings.push(all(0, rater, ratee, 2));
            } else if ratee != rater {
                ratings.push(none(0, rater, ratee));
            }
        }
    }
    let wave = &run(&plain(5), 1, &ratings).waves[0];
    assert_eq!(wave.ties, 5);
    close(wave.density.unwrap(), 0.5, 1e-15);
    assert!(wave.partners.iter().all(|p| p.degree == 2));
    close(wave.centralization.unwrap(), 0.0, 0.0);
    // Every tie was answered by both sides and reported by one: reciprocity 0.
    assert_eq!((wave.ties_both_answered, wave.mutual_ties), (5, 0));
    close(wave.reciprocity.unwrap(), 0.0, 0.0);
    close(wave.response_rate.unwrap(), 1.0, 0.0);
    assert_eq!(wave.missing_ratings, 0);
}

#[test]
fn a_complete_graph_has_density_one_and_full_reciprocity() {
    let n = 6;
    let mut ratings = Vec::new();
    for rater in 0..n {
        for ratee in 0..n {
            if rater != ratee {
                ratings.push(all(0, rater, ratee, 4));
            }
        }
    }
    let wave = &run(&plain(6), 1, &ratings).waves[0];
    assert_eq!((wave.ties, wave.possible_ties), (15, 15));
    close(wave.density.unwrap(), 1.0, 0.0);
    close(wave.centralization.unwrap(), 0.0, 0.0);
    close(wave.reciprocity.unwrap(), 1.0, 0.0);
    assert!(
        wave.partners
            .iter()
            .all(|p| p.degree == 5 && p.n_raters == 5)
    );
}

#[test]
fn a_partner_nobody_rated_has_no_score_not_zero() {
    // Partner 2 is rated by no one; partner 3 only with "don't know" on every trust item.
    let ratings = [
        all(0, 0, 1, 3),
        none(0, 0, 2),
        rated(0, 0, 3, [K, K, K, Some(2), Some(2), Some(2)]),
        all(0, 1, 0, 4),
    ];
    let wave = &run(&plain(4), 1, &ratings).waves[0];
    let unrated = &wave.partners[2];
    assert_eq!(unrated.trust, None);
    assert_eq!(unrated.value, None);
    assert_eq!(unrated.n_raters, 0);
    let dont_know = &wave.partners[3];
    assert_eq!(dont_know.trust, None);
    close(dont_know.value.unwrap().mean, 2.0, 0.0);
    assert_eq!(dont_know.n_raters, 1);
    // The network's mean trust counts the two scored partners (0 and 1), not the others.
    let mean = wave.mean_trust.unwrap();
    assert_eq!(mean.n, 2);
    close(mean.mean, 3.5, 1e-15);
    // Two of four partners answered; partner 1 left out two of its three ratings.
    assert_eq!(wave.respondents, 2);
    close(wave.response_rate.unwrap(), 0.5, 0.0);
    assert_eq!(wave.missing_ratings, 2);
    assert_eq!(wave.dont_know, 3);
}

#[test]
fn dont_know_items_are_left_out_of_the_means_not_counted_as_zero() {
    // Rater 1 answers only "reliable" (4) and "influence" (1); rater 2 answers everything 2.
    let ratings = [
        rated(0, 1, 0, [Some(4), K, K, Some(1), K, K]),
        all(0, 2, 0, 2),
    ];
    let score = &run(&plain(3), 1, &ratings).waves[0].partners[0];
    let trust = score.trust.unwrap();
    // Mean of the raters' views: (4 + 2) / 2, never (4 + 0 + 0) / 3.
    close(trust.mean, 3.0, 0.0);
    assert_eq!(trust.n, 2);
    // Two views 4 and 2: s = √2, half width t(1) · √2 / √2; cut to the scale.
    let (low, high) = trust.interval.unwrap();
    assert_eq!((low, high), (1.0, 4.0));
    close(t_quantile_975(1.0), 12.706_204_736, 1e-6);
    close(score.value.unwrap().mean, 1.5, 0.0);
}

#[test]
fn a_t_interval_by_hand() {
    // Four raters' trust views 3, 3, 4, 4 (each its three items alike): mean 3.5, s = 1/√3.
    let ratings: Vec<Rating> = [(1, 3), (2, 3), (3, 4), (4, 4)]
        .into_iter()
        .map(|(rater, score)| all(0, rater, 0, score))
        .collect();
    let trust = run(&plain(5), 1, &ratings).waves[0].partners[0]
        .trust
        .unwrap();
    let half = 3.182_446_305 * (1.0 / 3f64.sqrt()) / 2.0;
    let (low, high) = trust.interval.unwrap();
    close(low, 3.5 - half, 1e-8);
    close(high, (3.5 + half).min(4.0), 1e-8);
}

#[test]
fn contributions_are_counted_per_rater() {
    let funding = Contributions::NONE.with(Contribution::Funding);
    let both = funding.with(Contribution::CommunityConnections);
    let mut ratings = [all(0, 1, 0, 3), all(0, 2, 0, 3)];
    ratings[0].contributions = funding;
    ratings[1].contributions = both;
    let score = &run(&plain(3), 1, &ratings).waves[0].partners[0];
    let named: Vec<(&str, u32)> = Contribution::ALL
        .iter()
        .zip(score.contributions)
        .filter(|(_, count)| *count > 0)
        .map(|(kind, count)| (kind.as_str(), count))
        .collect();
    assert_eq!(named, [("funding", 2), ("community_connections", 1)]);
    assert_eq!(both.iter().count(), 2);
}

fn sides(community_statutory: Option<Side>, lay_professional: Option<Side>) -> Partner {
    Partner {
        sides: [community_statutory, lay_professional],
    }
}

#[test]
fn asymmetry_by_hand() {
    use Side::{First, Second};
    // 0 and 1 are community groups (lay-led), 2 and 3 statutory (professional), 4 a business
    // (professional, on neither side of the first divide).
    let partners = [
        sides(Some(First), Some(First)),
        sides(Some(First), Some(First)),
        sides(Some(Second), Some(Second)),
        sides(Some(Second), Some(Second)),
        sides(None, Some(Second)),
    ];
    let ratings = [
        // Community 0 sees the agencies at 2 and 3: its view of them is 2.5.
        all(0, 0, 2, 2),
        all(0, 0, 3, 3),
        // Community 1 sees agency 2 at (1 + 2 + 3)/3 = 2, and does not know agency 3.
        rated(0, 1, 2, [Some(1), Some(2), Some(3), K, K, K]),
        rated(0, 1, 3, [K, K, K, Some(4), K, K]),
        // Within a side, and towards the business: not part of the first divide.
        all(0, 0, 1, 1),
        all(0, 0, 4, 1),
        // Agency 2 sees the community groups at 4 and 3: 3.5.
        all(0, 2, 0, 4),
        all(0, 2, 1, 3),
        // Agency 3 sees them at 4 and 11/3: 23/6.
        all(0, 3, 0, 4),
        rated(0, 3, 1, [Some(4), Some(4), Some(3), K, K, K]),
    ];
    let wave = &run(&partners, 1, &ratings).waves[0];
    let community = &wave.asymmetry[0];
    assert_eq!(community.divide, Divide::CommunityStatutory);
    let given = community.first_to_second.unwrap();
    let received = community.second_to_first.unwrap();
    assert_eq!((given.n, received.n), (2, 2));
    close(given.mean, 2.25, 1e-15);
    close(received.mean, 11.0 / 3.0, 1e-15);
    let difference = community.difference.unwrap();
    close(difference.change, 2.25 - 11.0 / 3.0, 1e-15);
    // Welch: variances (1/2)²/2 and (1/3)²/2 over two raters each, df by Welch–Satterthwaite.
    let (a, b) = (0.125 / 2.0, (1.0 / 18.0) / 2.0);
    let df = (a + b) * (a + b) / (a * a + b * b);
    let half = t_quantile_975(df) * (a + b).sqrt();
    let (low, high) = difference.interval.unwrap();
    close(low, difference.change - half, 1e-12);
    close(high, difference.change + half, 1e-12);
    assert!(!difference.is_beyond_uncertainty);

    // Lay-led (0, 1) against professional (2, 3, 4): rater 0 now also counts the business.
    let lay = &wave.asymmetry[1];
    assert_eq!(lay.divide, Divide::LayProfessional);
    close(lay.first_to_second.unwrap().mean, (2.0 + 2.0) / 2.0, 1e-15);
    close(lay.second_to_first.unwrap().mean, 11.0 / 3.0, 1e-15);
}

#[test]
fn a_change_is_flagged_only_beyond_its_uncertainty() {
    // Partner 0's raters move from about 2 to about 4; partner 1's barely move; partner 2 has
    // one rater in each wave, so its large change has no interval and is not flagged.
    let mut ratings = Vec::new();
    for (rater, before, after) in [(3, 2, 4), (4, 2, 4), (5, 2, 4), (6, 3, 4)] {
        ratings.push(all(0, rater, 0, before));
        ratings.push(all(1, rater, 0, after));
    }
    for (rater, before, after) in [(3, 2, 3), (4, 3, 2), (5, 2, 3), (6, 3, 3)] {
        ratings.push(all(0, rater, 1, before));
        ratings.push(all(1, rater, 1, after));
    }
    ratings.push(all(0, 3, 2, 1));
    ratings.push(all(1, 3, 2, 4));
    let results = run(&plain(7), 2, &ratings);
    assert_eq!(results.changes.len(), 1);
    let change = &results.changes[0];
    assert_eq!((change.from, change.to), (0, 1));
    let grew = change.partners[0].trust.unwrap();
    close(grew.change, 1.75, 1e-12);
    assert!(grew.is_beyond_uncertainty, "{grew:?}");
    let steady = change.partners[1].trust.unwrap();
    close(steady.change, 0.25, 1e-12);
    assert!(!steady.is_beyond_uncertainty, "{steady:?}");
    let single = change.partners[2].trust.unwrap();
    close(single.change, 3.0, 0.0);
    assert_eq!(single.interval, None);
    assert!(!single.is_beyond_uncertainty);
    // Unrated partners have no change; the network's mean trust is paired over partners 0–2.
    assert_eq!(change.partners[3].trust, None);
    let network = change.mean_trust.unwrap();
    close(network.change, (1.75 + 0.25 + 3.0) / 3.0, 1e-12);
    // The same ties in both waves: density did not move.
    let density = change.density.unwrap();
    close(density.change, 0.0, 0.0);
    assert!(!density.is_beyond_uncertainty);
}

#[test]
fn bad_ratings_are_refused_with_their_reason() {
    let refused = |rating: Rating| {
        analyze(&TrustInput {
            partners: &plain(3),
            waves: 2,
            ratings: &[all(0, 0, 1, 3), rating],
        })
        .unwrap_err()
    };
    assert_eq!(
        refused(all(0, 0, 3, 3)),
        TrustError::UnknownPartner {
            wave: 0,
            partner: 3,
            partners: 3
        }
    );
    assert_eq!(
        refused(all(1, 2, 2, 3)),
        TrustError::SelfRating {
            wave: 1,
            partner: 2
        }
    );
    assert_eq!(
        refused(rated(0, 1, 0, [Some(5), K, K, K, K, K])),
        TrustError::ItemOutOfRange {
            item: "reliable",
            value: 5
        }
    );
    assert_eq!(
        refused(rated(0, 1, 0, [K, K, K, K, K, Some(0)])).to_string(),
        "resources must be 1 to 4 or \"don't know\", found 0"
    );
    assert_eq!(
        refused(all(0, 0, 1, 2)),
        TrustError::DuplicateRating {
            wave: 0,
            rater: 0,
            ratee: 1
        }
    );
    assert_eq!(
        refused(all(2, 0, 1, 2)),
        TrustError::UnknownWave { wave: 2, waves: 2 }
    );
    let mut items = none(0, 2, 0);
    items.items[1] = Some(3);
    assert_eq!(
        refused(items).to_string(),
        "partner 2 reports no relationship with partner 0 in wave 0, but answers items or names contributions about it"
    );
    // The same pair in another wave is not a duplicate.
    assert!(
        analyze(&TrustInput {
            partners: &plain(3),
            waves: 2,
            ratings: &[all(0, 0, 1, 3), all(1, 0, 1, 3)],
        })
        .is_ok()
    );
}

#[test]
fn levels_and_contributions_round_trip_through_their_words() {
    for level in Level::ALL {
        assert_eq!(Level::parse(level.as_str()), Some(level));
    }
    assert_eq!(Level::parse("partnership"), None);
    assert!(!Level::None.is_tie() && Level::Awareness.is_tie());
    for kind in Contribution::ALL {
        assert_eq!(Contribution::parse(kind.as_str()), Some(kind));
    }
}

/// Random valid ratings for `n` partners over two waves.
fn random_input() -> impl Strategy<Value = (Vec<Partner>, Vec<Rating>)> {
    let side = prop_oneof![
        Just(None),
        Just(Some(Side::First)),
        Just(Some(Side::Second))
    ];
    let partner = (side.clone(), side).prop_map(|(a, b)| sides(a, b));
    let item = prop_oneof![Just(None), (1u8..=4).prop_map(Some)];
    let answer = (0usize..5, proptest::array::uniform6(item), any::<bool>());
    (3usize..8)
        .prop_flat_map(move |n| {
            (
                proptest::collection::vec(partner.clone(), n),
                proptest::collection::vec(proptest::option::of(answer.clone()), 2 * n * n),
            )
        })
        .prop_map(|(partners, answers)| {
            let n = partners.len();
            let mut ratings = Vec::new();
            for (index, answer) in answers.into_iter().enumerate() {
                let (wave, rater, ratee) = (
                    small(index / (n * n)),
                    small((index / n) % n),
                    small(index % n),
                );
                let Some((level, items, funding)) = answer else {
                    continue;
                };
                if rater == ratee {
                    continue;
                }
                let level = Level::ALL[level];
                let rating = if level.is_tie() {
                    Rating {
                        wave,
                        rater,
                        ratee,
                        level,
                        items,
                        contributions: if funding {
                            Contributions::NONE.with(Contribution::Funding)
                        } else {
                            Contributions::NONE
                        },
                    }
                } else {
                    none(wave, rater, ratee)
                };
                ratings.push(rating);
            }
            (partners, ratings)
        })
}

proptest! {
    #[test]
    fn relabelling_partners_changes_nothing_but_labels(
        (partners, ratings) in random_input(),
        shift in 1usize..7,
    ) {
        let n = partners.len();
        // Partner p becomes (p · k + shift) mod n, a permutation for k coprime with n.
        let k = (1..n).rev().find(|k| gcd(*k, n) == 1).unwrap_or(1);
        let label = |p: u32| small((p as usize * k + shift) % n);
        let mut relabelled_partners = partners.clone();
        for (p, partner) in partners.iter().enumerate() {
            relabelled_partners[label(small(p)) as usize] = *partner;
        }
        let mut relabelled: Vec<Rating> = ratings
            .iter()
            .map(|r| Rating { rater: label(r.rater), ratee: label(r.ratee), ..*r })
            .collect();
        relabelled.reverse();
        let original = run(&partners, 2, &ratings);
        let moved = run(&relabelled_partners, 2, &relabelled);
        for (before, after) in original.waves.iter().zip(&moved.waves) {
            for p in 0..n {
                prop_assert_eq!(&before.partners[p], &after.partners[label(small(p)) as usize]);
            }
            prop_assert_eq!(before.density, after.density);
            prop_assert_eq!(before.centralization, after.centralization);
            prop_assert_eq!(before.reciprocity, after.reciprocity);
            prop_assert_eq!(before.mean_trust, after.mean_trust);
            prop_assert_eq!(before.mean_value, after.mean_value);
            prop_assert_eq!(&before.asymmetry, &after.asymmetry);
        }
        let (before, after) = (&original.changes[0], &moved.changes[0]);
        for p in 0..n {
            prop_assert_eq!(&before.partners[p], &after.partners[label(small(p)) as usize]);
        }
        prop_assert_eq!(before.density, after.density);
        prop_assert_eq!(before.mean_trust, after.mean_trust);
    }

    #[test]
    fn measures_stay_in_their_ranges((partners, ratings) in random_input()) {
        let results = run(&partners, 2, &ratings);
        for wave in &results.waves {
            for measure in [wave.density, wave.centralization, wave.reciprocity, wave.response_rate]
                .into_iter()
                .flatten()
            {
                prop_assert!((0.0..=1.0).contains(&measure), "{measure}");
            }
            for score in wave.partners.iter().flat_map(|p| [p.trust, p.value]).flatten() {
                prop_assert!((1.0..=4.0).contains(&score.mean));
                if let Some((low, high)) = score.interval {
                    prop_assert!(low <= score.mean && score.mean <= high);
                    prop_assert!(1.0 <= low && high <= 4.0);
                }
            }
            let degrees: u64 = wave.partners.iter().map(|p| u64::from(p.degree)).sum();
            prop_assert_eq!(degrees, 2 * wave.ties);
        }
    }
}

fn small(index: usize) -> u32 {
    u32::try_from(index).expect("test sizes are small")
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}
