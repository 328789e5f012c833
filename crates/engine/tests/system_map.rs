//! The system map: loop counts and polarities on hand-made graphs (a two-factor balancing loop,
//! a figure eight, the complete digraph on 4 factors, self-loops), enumeration against a brute
//! force search on small random graphs, the ripple in a chain, a diamond and a loop, limits
//! with `truncated`, MICMAC and betweenness by hand, and refusals.

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use std::collections::BTreeSet;

use engine::system_map::{
    Effect, Factor, FactorId, LoopLimits, MapError, Polarity, Push, Sign, SystemMap,
};
use proptest::prelude::*;

const PLUS: Sign = Sign::Positive;
const MINUS: Sign = Sign::Negative;

fn factors(ids: &[FactorId]) -> Vec<Factor> {
    ids.iter().map(|&id| Factor { id, partner: None }).collect()
}

fn link(from: FactorId, to: FactorId, sign: Sign) -> engine::system_map::Link {
    engine::system_map::Link {
        from,
        to,
        sign,
        delayed: false,
        contested: false,
    }
}

fn map(ids: &[FactorId], links: &[(FactorId, FactorId, Sign)]) -> SystemMap {
    let links: Vec<_> = links.iter().map(|&(a, b, s)| link(a, b, s)).collect();
    SystemMap::new(&factors(ids), &links).expect("valid map")
}

const ALL: LoopLimits = LoopLimits {
    max_length: usize::MAX,
    max_loops: usize::MAX,
};

/// The loops as (factors, polarity) pairs, in a set.
fn loop_set(map: &SystemMap, limits: LoopLimits) -> BTreeSet<(Vec<FactorId>, bool)> {
    map.loops(limits)
        .loops
        .into_iter()
        .map(|l| (l.factors, l.polarity == Polarity::Balancing))
        .collect()
}

fn complete(n: FactorId) -> SystemMap {
    let ids: Vec<FactorId> = (1..=n).collect();
    let mut links = Vec::new();
    for a in 1..=n {
        for b in 1..=n {
            if a != b {
                links.push((a, b, if (a + b) % 3 == 0 { MINUS } else { PLUS }));
            }
        }
    }
    map(&ids, &links)
}

#[test]
fn a_two_factor_loop_with_one_minus_is_balancing() {
    let m = map(&[1, 2], &[(1, 2, PLUS), (2, 1, MINUS)]);
    let found = m.loops(ALL);
    assert!(!found.truncated);
    assert_eq!(found.loops.len(), 1);
    let only = &found.loops[0];
    assert_eq!(only.factors, vec![1, 2]);
    assert_eq!(only.polarity, Polarity::Balancing);
    assert_eq!(only.length(), 2);
    assert!(!only.contested);
}

#[test]
fn two_minus_links_make_a_reinforcing_loop_listed_from_its_smallest_id() {
    // Given in an order where the smallest id is neither first nor first linked.
    let m = map(
        &[30, 10, 20],
        &[(30, 10, MINUS), (10, 20, PLUS), (20, 30, MINUS)],
    );
    let found = m.loops(ALL);
    assert_eq!(found.loops.len(), 1);
    assert_eq!(found.loops[0].factors, vec![10, 20, 30]);
    assert_eq!(found.loops[0].polarity, Polarity::Reinforcing);
}

#[test]
fn a_figure_eight_has_two_loops_through_its_middle() {
    let m = map(
        &[1, 2, 3],
        &[(1, 2, PLUS), (2, 1, PLUS), (1, 3, PLUS), (3, 1, MINUS)],
    );
    let expected: BTreeSet<_> = [(vec![1, 2], false), (vec![1, 3], true)].into();
    assert_eq!(loop_set(&m, ALL), expected);
}

#[test]
fn the_complete_digraph_on_four_factors_has_twenty_loops() {
    // 6 pairs, 4 triangles each way round, 3! orders of all four from factor 1.
    let found = complete(4).loops(ALL);
    assert!(!found.truncated);
    assert_eq!(found.loops.len(), 20);
    let by_length = |k: usize| found.loops.iter().filter(|l| l.length() == k).count();
    assert_eq!((by_length(2), by_length(3), by_length(4)), (6, 8, 6));
    let distinct: BTreeSet<_> = found.loops.iter().map(|l| l.factors.clone()).collect();
    assert_eq!(distinct.len(), 20);
    for l in &found.loops {
        assert_eq!(l.factors[0], *l.factors.iter().min().unwrap());
    }
}

#[test]
fn self_loops_are_loops_of_one() {
    let m = map(
        &[1, 2],
        &[(1, 1, MINUS), (2, 2, PLUS), (1, 2, PLUS), (2, 1, PLUS)],
    );
    let expected: BTreeSet<_> = [(vec![1], true), (vec![2], false), (vec![1, 2], false)].into();
    assert_eq!(loop_set(&m, ALL), expected);
    // The complete digraph with a self-loop on every factor: 20 + 4.
    let ids: Vec<FactorId> = (1..=4).collect();
    let mut links = Vec::new();
    for a in 1..=4 {
        for b in 1..=4 {
            links.push((a, b, PLUS));
        }
    }
    assert_eq!(map(&ids, &links).loops(ALL).loops.len(), 24);
}

#[test]
fn a_map_without_cycles_has_no_loops() {
    let m = map(&[1, 2, 3], &[(1, 2, PLUS), (2, 3, PLUS), (1, 3, MINUS)]);
    let found = m.loops(ALL);
    assert!(found.loops.is_empty());
    assert!(!found.truncated);
}

#[test]
fn loops_through_a_contested_or_delayed_link_are_marked() {
    let mut links = vec![link(1, 2, PLUS), link(2, 1, PLUS), link(2, 3, PLUS)];
    links.push(engine::system_map::Link {
        contested: true,
        ..link(3, 2, MINUS)
    });
    links.push(engine::system_map::Link {
        delayed: true,
        ..link(3, 3, PLUS)
    });
    let m = SystemMap::new(&factors(&[1, 2, 3]), &links).unwrap();
    let found = m.loops(ALL).loops;
    let get = |f: &[FactorId]| found.iter().find(|l| l.factors == f).unwrap();
    assert!(!get(&[1, 2]).contested && !get(&[1, 2]).delayed);
    assert!(get(&[2, 3]).contested && !get(&[2, 3]).delayed);
    assert!(get(&[3]).delayed && !get(&[3]).contested);
}

#[test]
fn the_count_limit_cuts_the_list_and_says_so() {
    let m = complete(4);
    let five = m.loops(LoopLimits {
        max_length: usize::MAX,
        max_loops: 5,
    });
    assert_eq!(five.loops.len(), 5);
    assert!(five.truncated);
    let exact = m.loops(LoopLimits {
        max_length: usize::MAX,
        max_loops: 20,
    });
    assert_eq!(exact.loops.len(), 20);
    assert!(!exact.truncated);
    let none = m.loops(LoopLimits {
        max_length: usize::MAX,
        max_loops: 0,
    });
    assert!(none.loops.is_empty() && none.truncated);
}

#[test]
fn the_length_limit_cuts_the_list_and_says_so() {
    let m = complete(4);
    let limited = |max_length| {
        m.loops(LoopLimits {
            max_length,
            max_loops: usize::MAX,
        })
    };
    let pairs = limited(2);
    assert_eq!(pairs.loops.len(), 6);
    assert!(pairs.loops.iter().all(|l| l.length() == 2));
    assert!(pairs.truncated);
    assert_eq!(limited(3).loops.len(), 14);
    assert!(limited(3).truncated);
    assert_eq!(limited(4).loops.len(), 20);
    assert!(!limited(4).truncated);
    assert!(limited(0).loops.is_empty() && limited(0).truncated);
}

#[test]
fn a_cut_that_hides_no_loop_does_not_truncate() {
    // From 1 → 2 the search is cut at length 2 before 3, but 3 leads nowhere back.
    let m = map(&[1, 2, 3], &[(1, 2, PLUS), (2, 1, PLUS), (2, 3, PLUS)]);
    let found = m.loops(LoopLimits {
        max_length: 2,
        max_loops: usize::MAX,
    });
    assert_eq!(found.loops.len(), 1);
    assert!(!found.truncated);
}

/// Every elementary cycle by trying every simple path from each factor through larger ones.
fn brute_force(
    n: usize,
    edges: &[(usize, usize, bool)],
    max_length: usize,
) -> BTreeSet<(Vec<FactorId>, bool)> {
    fn extend(
        path: &mut Vec<usize>,
        negatives: usize,
        edges: &[(usize, usize, bool)],
        max_length: usize,
        found: &mut BTreeSet<(Vec<FactorId>, bool)>,
    ) {
        let start = path[0];
        let last = *path.last().unwrap();
        for &(a, b, negative) in edges {
            if a != last {
                continue;
            }
            let negatives = negatives + usize::from(negative);
            if b == start && path.len() <= max_length {
                let ids = path.iter().map(|&v| v as FactorId).collect();
                found.insert((ids, negatives % 2 == 1));
            } else if b > start && !path.contains(&b) {
                path.push(b);
                extend(path, negatives, edges, max_length, found);
                path.pop();
            }
        }
    }
    let mut found = BTreeSet::new();
    for start in 0..n {
        extend(&mut vec![start], 0, edges, max_length, &mut found);
    }
    found
}

fn random_graph() -> impl Strategy<Value = (usize, Vec<(usize, usize, bool)>)> {
    (1usize..7).prop_flat_map(|n| {
        // Each ordered pair (self-loops included): no link, a `+` link or a `−` link.
        proptest::collection::vec(proptest::option::weighted(0.4, any::<bool>()), n * n).prop_map(
            move |cells| {
                let edges = cells
                    .into_iter()
                    .enumerate()
                    .filter_map(|(cell, negative)| {
                        negative.map(|negative| (cell / n, cell % n, negative))
                    })
                    .collect();
                (n, edges)
            },
        )
    })
}

fn to_map(n: usize, edges: &[(usize, usize, bool)]) -> SystemMap {
    let ids: Vec<FactorId> = (0..n as FactorId).collect();
    let links: Vec<_> = edges
        .iter()
        .map(|&(a, b, negative)| {
            (
                a as FactorId,
                b as FactorId,
                if negative { MINUS } else { PLUS },
            )
        })
        .collect();
    map(&ids, &links)
}

proptest! {
    #[test]
    fn enumeration_matches_brute_force((n, edges) in random_graph(), max_length in 0usize..8) {
        let m = to_map(n, &edges);
        let everything = brute_force(n, &edges, usize::MAX);
        let found = m.loops(ALL);
        prop_assert!(!found.truncated);
        prop_assert_eq!(found.loops.len(), everything.len());
        prop_assert_eq!(loop_set(&m, ALL), everything.clone());
        // Within a length limit: exactly the loops that fit, truncated when one does not.
        let limits = LoopLimits { max_length, max_loops: usize::MAX };
        let fitting = brute_force(n, &edges, max_length);
        let limited = m.loops(limits);
        prop_assert_eq!(limited.loops.len(), fitting.len());
        prop_assert_eq!(loop_set(&m, limits), fitting.clone());
        prop_assert_eq!(limited.truncated, fitting.len() < everything.len());
    }

    #[test]
    fn the_count_limit_keeps_a_subset((n, edges) in random_graph(), max_loops in 0usize..10) {
        let m = to_map(n, &edges);
        let everything = brute_force(n, &edges, usize::MAX);
        let limits = LoopLimits { max_length: usize::MAX, max_loops };
        let limited = m.loops(limits);
        prop_assert_eq!(limited.loops.len(), everything.len().min(max_loops));
        prop_assert_eq!(limited.truncated, everything.len() > max_loops);
        prop_assert!(loop_set(&m, limits).is_subset(&everything));
    }

    #[test]
    fn the_loops_of_a_ripple_are_those_through_its_factor((n, edges) in random_graph(), origin in 0usize..7) {
        let m = to_map(n, &edges);
        let origin = (origin % n) as FactorId;
        let ripple = m.ripple(origin, Push::Up, 1, ALL).unwrap();
        let through: BTreeSet<_> = brute_force(n, &edges, usize::MAX)
            .into_iter()
            .filter(|(factors, _)| factors.contains(&origin))
            .collect();
        let got: BTreeSet<_> = ripple
            .loops
            .loops
            .into_iter()
            .map(|l| (l.factors, l.polarity == Polarity::Balancing))
            .collect();
        prop_assert_eq!(got, through);
    }
}

/// The ripple as (factor, effect, distance) triples.
fn ripple_of(
    m: &SystemMap,
    origin: FactorId,
    push: Push,
    steps: usize,
) -> Vec<(FactorId, Effect, usize)> {
    m.ripple(origin, push, steps, ALL)
        .unwrap()
        .reached
        .into_iter()
        .map(|r| (r.factor, r.effect, r.distance))
        .collect()
}

#[test]
fn a_ripple_along_a_chain_flips_at_each_minus_and_stops_after_k_steps() {
    let m = map(&[1, 2, 3, 4], &[(1, 2, PLUS), (2, 3, MINUS), (3, 4, PLUS)]);
    assert_eq!(
        ripple_of(&m, 1, Push::Up, 2),
        vec![(2, Effect::Up, 1), (3, Effect::Down, 2)]
    );
    assert_eq!(
        ripple_of(&m, 1, Push::Down, 3),
        vec![(2, Effect::Down, 1), (3, Effect::Up, 2), (4, Effect::Up, 3)]
    );
    assert!(ripple_of(&m, 1, Push::Up, 0).is_empty());
    assert!(ripple_of(&m, 4, Push::Up, 3).is_empty());
    assert!(
        m.ripple(1, Push::Up, 3, ALL)
            .unwrap()
            .loops
            .loops
            .is_empty()
    );
}

#[test]
fn a_diamond_with_opposite_signs_is_mixed_and_a_longer_path_does_not_count() {
    let m = map(
        &[1, 2, 3, 4, 5],
        &[
            (1, 2, PLUS),
            (1, 3, PLUS),
            (2, 4, PLUS),
            (3, 4, MINUS),
            (4, 5, PLUS),
            // A longer way to 2, which does not change its effect.
            (3, 2, MINUS),
        ],
    );
    assert_eq!(
        ripple_of(&m, 1, Push::Up, 5),
        vec![
            (2, Effect::Up, 1),
            (3, Effect::Up, 1),
            (4, Effect::Mixed, 2),
            (5, Effect::Mixed, 3),
        ]
    );
}

#[test]
fn a_ripple_around_a_loop_names_the_loop_and_leaves_the_origin_out() {
    let m = map(&[1, 2, 3], &[(1, 2, PLUS), (2, 3, MINUS), (3, 1, PLUS)]);
    let ripple = m.ripple(1, Push::Up, 10, ALL).unwrap();
    assert_eq!(ripple.origin, 1);
    let reached: Vec<_> = ripple
        .reached
        .iter()
        .map(|r| (r.factor, r.effect, r.distance))
        .collect();
    assert_eq!(reached, vec![(2, Effect::Up, 1), (3, Effect::Down, 2)]);
    assert_eq!(ripple.loops.loops.len(), 1);
    assert_eq!(ripple.loops.loops[0].factors, vec![1, 2, 3]);
    assert_eq!(ripple.loops.loops[0].polarity, Polarity::Balancing);
    // From 3 the loop is still listed from its smallest factor.
    let from_three = m.ripple(3, Push::Down, 1, ALL).unwrap();
    assert_eq!(from_three.loops.loops[0].factors, vec![1, 2, 3]);
}

#[test]
fn a_ripple_is_grouped_by_the_partner_that_owns_each_factor() {
    let owned = [
        Factor {
            id: 1,
            partner: Some(0),
        },
        Factor {
            id: 2,
            partner: Some(1),
        },
        Factor {
            id: 3,
            partner: None,
        },
        Factor {
            id: 4,
            partner: Some(1),
        },
        Factor {
            id: 5,
            partner: Some(0),
        },
    ];
    let links = [
        link(1, 2, PLUS),
        link(1, 3, MINUS),
        link(2, 4, PLUS),
        link(3, 5, PLUS),
    ];
    let m = SystemMap::new(&owned, &links).unwrap();
    let ripple = m.ripple(1, Push::Up, 2, ALL).unwrap();
    let groups: Vec<(Option<u32>, Vec<FactorId>)> = ripple
        .by_partner()
        .into_iter()
        .map(|(partner, reached)| (partner, reached.iter().map(|r| r.factor).collect()))
        .collect();
    assert_eq!(
        groups,
        vec![(None, vec![3]), (Some(0), vec![5]), (Some(1), vec![2, 4])]
    );
}

#[test]
fn leverage_by_hand() {
    // 1 → 2, 1 → 3, 2 → 4, 3 → 4, 4 → 5.
    let m = map(
        &[1, 2, 3, 4, 5],
        &[
            (1, 2, PLUS),
            (1, 3, PLUS),
            (2, 4, MINUS),
            (3, 4, PLUS),
            (4, 5, PLUS),
        ],
    );
    let measured = m.leverage();
    let rows: Vec<_> = measured
        .iter()
        .map(|f| (f.factor, f.driving, f.dependence, f.in_degree, f.out_degree))
        .collect();
    assert_eq!(
        rows,
        vec![
            (1, 5, 1, 0, 2),
            (2, 3, 2, 1, 1),
            (3, 3, 2, 1, 1),
            (4, 2, 4, 2, 1),
            (5, 1, 5, 1, 0),
        ]
    );
    // 1→4 and 1→5 each split between 2 and 3; 4 lies on every path to 5 from 1, 2 and 3.
    let betweenness: Vec<f64> = measured.iter().map(|f| f.betweenness).collect();
    let expected = [0.0, 1.0, 1.0, 3.0, 0.0];
    for (got, want) in betweenness.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{betweenness:?}");
    }
}

#[test]
fn leverage_on_a_ring_with_a_self_loop() {
    // 1 → 2 → 3 → 1 and 1 → 1: everything reaches everything; each factor lies on the one
    // shortest path between the other two in one direction.
    let m = map(
        &[1, 2, 3],
        &[(1, 2, PLUS), (2, 3, PLUS), (3, 1, PLUS), (1, 1, MINUS)],
    );
    for f in m.leverage() {
        assert_eq!((f.driving, f.dependence), (3, 3));
        assert!((f.betweenness - 1.0).abs() < 1e-12);
        let self_loop = usize::from(f.factor == 1);
        assert_eq!((f.in_degree, f.out_degree), (1 + self_loop, 1 + self_loop));
    }
}

#[test]
fn bad_maps_are_refused() {
    let two = factors(&[1, 2]);
    assert_eq!(
        SystemMap::new(&factors(&[1, 2, 1]), &[]).unwrap_err(),
        MapError::DuplicateFactor { id: 1 }
    );
    let unknown = SystemMap::new(&two, &[link(1, 7, PLUS)]).unwrap_err();
    assert_eq!(
        unknown,
        MapError::UnknownFactorInLink {
            from: 1,
            to: 7,
            factor: 7
        }
    );
    assert!(unknown.to_string().contains("factor 7"));
    assert_eq!(
        SystemMap::new(
            &two,
            &[link(1, 2, PLUS), link(2, 1, PLUS), link(1, 2, MINUS)]
        )
        .unwrap_err(),
        MapError::DuplicateLink { from: 1, to: 2 }
    );
    let m = SystemMap::new(&two, &[link(1, 2, PLUS)]).unwrap();
    assert_eq!(
        m.ripple(9, Push::Up, 2, ALL).unwrap_err(),
        MapError::UnknownFactor { id: 9 }
    );
}

#[test]
fn words_round_trip() {
    for sign in [PLUS, MINUS] {
        assert_eq!(Sign::parse(sign.as_str()), Some(sign));
    }
    for push in [Push::Up, Push::Down] {
        assert_eq!(Push::parse(push.as_str()), Some(push));
    }
    assert_eq!(Sign::parse("x"), None);
    assert_eq!(Polarity::Balancing.as_str(), "balancing");
    assert_eq!(Effect::Mixed.as_str(), "mixed");
}
