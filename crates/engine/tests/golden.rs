//! Compares the Pol.is pipeline with Pol.is's own `math-pca2` output on bundled conversations.
//!
//! The fixtures under `data/polis-math-fixtures/` were gathered using the Polis software
//! (compdemocracy.org/polis) and are sub-licensed under CC BY 4.0 with attribution to The
//! Computational Democracy Project. `math-pca2.json` is in Pol.is's raw frame (agree = −1), so
//! every coordinate is compared after negation; components are compared up to sign.

mod golden {
    pub mod fixtures;
    pub mod properties;
}

use std::collections::{BTreeMap, BTreeSet};

use engine::clusters::{BaseCluster, GroupCluster, KSmoother};
use engine::pca::{self, PcaMethod, PcaOptions};
use engine::replay::{self, ReplayConfig};
use engine::state::{PolisState, StateComponents};
use engine::stats::{Repful, RepnessEntry, Tally};
use engine::{ParticipantId, PolisAnalysis, PolisConfig, StatementId, run};
use serde_json::Value;

use golden::fixtures::{Fixture, as_f64, as_u32, ids};

const WITH_META: &str = "25ptpt-3gp-no-strict-with-meta";
const BELOW_100: &str = "below-100-ptpts";
const ABOVE_100: &str = "above-100-ptpts";

fn close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: {actual} vs {expected} (tolerance {tolerance})"
    );
}

fn close_pair(actual: [f64; 2], expected: [f64; 2], tolerance: f64, what: &str) {
    for (k, (a, e)) in actual.iter().zip(expected).enumerate() {
        close(*a, e, tolerance, &format!("{what} [{k}]"));
    }
}

fn rel_close(actual: f64, expected: f64, relative: f64, what: &str) {
    let scale = actual.abs().max(expected.abs());
    assert!(
        (actual - expected).abs() <= relative * scale,
        "{what}: {actual} vs {expected} (relative {relative})"
    );
}

/// The sign taking each fixture component to ours.
fn component_signs(analysis: &PolisAnalysis, math: &Value) -> [f64; 2] {
    let mut signs = [1.0, 1.0];
    for (k, sign) in signs.iter_mut().enumerate() {
        let expected: Vec<f64> = math["pca"]["comps"][k]
            .as_array()
            .expect("comps")
            .iter()
            .map(as_f64)
            .collect();
        let ours = &analysis.pca.components[k];
        let dot: f64 = ours.iter().zip(&expected).map(|(a, b)| a * b).sum();
        *sign = if dot < 0.0 { -1.0 } else { 1.0 };
        let worst = ours
            .iter()
            .zip(&expected)
            .map(|(a, b)| (a - *sign * b).abs())
            .fold(0.0, f64::max);
        assert!(worst <= 1e-9, "component {k} differs by {worst}");
    }
    signs
}

/// A fixture coordinate pair in our frame: negated (raw frame) and flipped with the components.
fn ours_from_fixture(x: f64, y: f64, signs: [f64; 2]) -> [f64; 2] {
    [-signs[0] * x, -signs[1] * y]
}

/// Checks everything that depends on votes alone: counts, moderation, centre, components,
/// statement projections and consensus.
fn check_vote_level(fixture: &Fixture, analysis: &PolisAnalysis) -> [f64; 2] {
    let math = &fixture.math;
    assert_eq!(analysis.n, as_u32(&math["n"]) as usize);
    assert_eq!(analysis.n_cmts, as_u32(&math["n-cmts"]) as usize);
    let tids: Vec<StatementId> = ids(&math["tids"]).into_iter().map(StatementId).collect();
    assert_eq!(analysis.tids, tids);
    let expected_counts: BTreeMap<ParticipantId, u32> = math["user-vote-counts"]
        .as_object()
        .expect("user-vote-counts")
        .iter()
        .map(|(pid, count)| (ParticipantId(pid.parse().expect("pid")), as_u32(count)))
        .collect();
    let counts: BTreeMap<ParticipantId, u32> = analysis.user_vote_counts.iter().copied().collect();
    assert_eq!(counts, expected_counts);

    let as_set = |value: &Value| -> BTreeSet<StatementId> {
        ids(value).into_iter().map(StatementId).collect()
    };
    // Moderation covers statements without votes too.
    let as_list =
        |list: &[StatementId]| -> BTreeSet<StatementId> { list.iter().copied().collect() };
    assert_eq!(as_list(&analysis.mod_out), as_set(&math["mod-out"]));
    assert_eq!(as_list(&analysis.meta_tids), as_set(&math["meta-tids"]));
    assert_eq!(as_list(&analysis.mod_in), as_set(&math["mod-in"]));

    for (column, expected) in math["pca"]["center"]
        .as_array()
        .expect("center")
        .iter()
        .enumerate()
    {
        close(
            analysis.pca.center[column],
            -as_f64(expected),
            1e-12,
            &format!("center {column}"),
        );
    }
    let signs = component_signs(analysis, math);

    let projection = &math["pca"]["comment-projection"];
    for column in 0..analysis.n_cmts {
        let expected = ours_from_fixture(
            as_f64(&projection[0][column]),
            as_f64(&projection[1][column]),
            signs,
        );
        close_pair(
            analysis.comment_projection[column],
            expected,
            1e-10,
            &format!("comment projection {column}"),
        );
        close(
            analysis.comment_extremity[column],
            as_f64(&math["pca"]["comment-extremity"][column]),
            1e-10,
            &format!("comment extremity {column}"),
        );
    }

    for (side, ours) in [
        ("agree", &analysis.consensus.agree),
        ("disagree", &analysis.consensus.disagree),
    ] {
        let expected = math["consensus"][side].as_array().expect("consensus");
        assert_eq!(ours.len(), expected.len(), "consensus {side}");
        for (entry, reference) in ours.iter().zip(expected) {
            assert_eq!(entry.statement.0, as_u32(&reference["tid"]));
            assert_eq!(entry.n_success, as_u32(&reference["n-success"]));
            assert_eq!(entry.n_trials, as_u32(&reference["n-trials"]));
            rel_close(
                entry.p_success,
                as_f64(&reference["p-success"]),
                1e-9,
                "p-success",
            );
            rel_close(entry.p_test, as_f64(&reference["p-test"]), 1e-9, "p-test");
        }
    }
    signs
}

fn member_set(members: &[ParticipantId]) -> BTreeSet<u32> {
    members.iter().map(|p| p.0).collect()
}

/// Fixture base clusters: (id, members, x, y).
fn fixture_base_clusters(math: &Value) -> Vec<(usize, Vec<u32>, f64, f64)> {
    let base = &math["base-clusters"];
    let id = base["id"].as_array().expect("ids");
    (0..id.len())
        .map(|i| {
            (
                as_u32(&id[i]) as usize,
                ids(&base["members"][i]),
                as_f64(&base["x"][i]),
                as_f64(&base["y"][i]),
            )
        })
        .collect()
}

/// Fixture groups: (id, base ids, x, y).
fn fixture_groups(math: &Value) -> Vec<(usize, Vec<u32>, f64, f64)> {
    math["group-clusters"]
        .as_array()
        .expect("group-clusters")
        .iter()
        .map(|group| {
            (
                as_u32(&group["id"]) as usize,
                ids(&group["members"]),
                as_f64(&group["center"][0]),
                as_f64(&group["center"][1]),
            )
        })
        .collect()
}

/// Checks base clusters as sets of members with their centres; returns, for each fixture base
/// cluster index, our base cluster index.
fn check_base_clusters(analysis: &PolisAnalysis, math: &Value, signs: [f64; 2]) -> Vec<usize> {
    let expected = fixture_base_clusters(math);
    assert_eq!(
        analysis.base_clusters.len(),
        expected.len(),
        "base clusters"
    );
    expected
        .iter()
        .map(|(_, members, x, y)| {
            let wanted: BTreeSet<u32> = members.iter().copied().collect();
            let index = analysis
                .base_clusters
                .iter()
                .position(|b| member_set(&b.members) == wanted)
                .unwrap_or_else(|| panic!("no base cluster with members {wanted:?}"));
            let center = ours_from_fixture(*x, *y, signs);
            close_pair(
                analysis.base_clusters[index].center,
                center,
                1e-9,
                "base centre",
            );
            index
        })
        .collect()
}

/// Checks votes-base for base clusters matched by `matching`.
fn check_votes_base(analysis: &PolisAnalysis, math: &Value, matching: &[usize]) {
    for (column, tid) in analysis.tids.iter().enumerate() {
        let entry = &math["votes-base"][tid.0.to_string()];
        for (fixture_index, &ours) in matching.iter().enumerate() {
            let tally = analysis.votes_base[ours][column];
            let expected = Tally {
                agree: as_u32(&entry["A"][fixture_index]),
                disagree: as_u32(&entry["D"][fixture_index]),
                seen: as_u32(&entry["S"][fixture_index]),
            };
            assert_eq!(tally, expected, "votes-base tid {tid} base {fixture_index}");
        }
    }
}

fn check_repness(entries: &[RepnessEntry], expected: &Value, group: usize) {
    let expected = expected.as_array().expect("repness list");
    let tids: Vec<u32> = entries.iter().map(|e| e.statement.0).collect();
    let expected_tids: Vec<u32> = expected.iter().map(|e| as_u32(&e["tid"])).collect();
    assert_eq!(tids, expected_tids, "repness tids of group {group}");
    for (entry, reference) in entries.iter().zip(expected) {
        let what = format!("repness group {group} tid {}", entry.statement);
        assert_eq!(entry.n_success, as_u32(&reference["n-success"]), "{what}");
        assert_eq!(entry.n_trials, as_u32(&reference["n-trials"]), "{what}");
        rel_close(
            entry.p_success,
            as_f64(&reference["p-success"]),
            1e-9,
            &what,
        );
        rel_close(entry.p_test, as_f64(&reference["p-test"]), 1e-9, &what);
        rel_close(entry.repness, as_f64(&reference["repness"]), 1e-9, &what);
        #[allow(
            clippy::cast_possible_truncation,
            reason = "Pol.is serialises repness-test as a 32-bit float"
        )]
        let repness_test = as_f64(&reference["repness-test"]) as f32;
        assert_eq!(
            entry.repness_test.to_bits(),
            repness_test.to_bits(),
            "{what}"
        );
        let side = match reference["repful-for"].as_str() {
            Some("agree") => Repful::Agree,
            _ => Repful::Disagree,
        };
        assert_eq!(entry.repful_for, side, "{what}");
        let best = reference["best-agree"].as_bool().unwrap_or(false);
        assert_eq!(entry.best_agree, best, "{what}");
        let n_agree = reference.get("n-agree").map(as_u32);
        assert_eq!(entry.n_agree, n_agree, "{what}");
    }
}

/// Checks groups, group votes, repness and group-informed consensus, with `group_map` taking
/// each fixture group id to ours.
fn check_groups(
    analysis: &PolisAnalysis,
    math: &Value,
    signs: [f64; 2],
    group_map: &BTreeMap<usize, usize>,
) {
    let expected = fixture_groups(math);
    assert_eq!(
        analysis.group_clusters.len(),
        expected.len(),
        "number of groups"
    );
    for (id, _, x, y) in &expected {
        let ours = analysis
            .group_clusters
            .iter()
            .position(|g| g.id == group_map[id])
            .expect("group");
        let center = ours_from_fixture(*x, *y, signs);
        close_pair(
            analysis.group_clusters[ours].center,
            center,
            1e-9,
            "group centre",
        );
        let votes = &analysis.group_votes[ours];
        let reference = &math["group-votes"][id.to_string()];
        assert_eq!(votes.id, group_map[id]);
        assert_eq!(votes.n_members, as_u32(&reference["n-members"]) as usize);
        for (column, tid) in analysis.tids.iter().enumerate() {
            let entry = &reference["votes"][tid.0.to_string()];
            let tally = Tally {
                agree: as_u32(&entry["A"]),
                disagree: as_u32(&entry["D"]),
                seen: as_u32(&entry["S"]),
            };
            assert_eq!(votes.votes[column], tally, "group {id} tid {tid}");
        }
        check_repness(
            &analysis.repness[ours],
            &math["repness"][id.to_string()],
            *id,
        );
    }
    for (column, tid) in analysis.tids.iter().enumerate() {
        rel_close(
            analysis.group_aware_consensus[column],
            as_f64(&math["group-aware-consensus"][tid.0.to_string()]),
            1e-12,
            &format!("group-aware consensus {tid}"),
        );
    }
}

fn check_routing_priorities(analysis: &PolisAnalysis, math: &Value) {
    for (column, tid) in analysis.tids.iter().enumerate() {
        rel_close(
            analysis.routing_priorities[column],
            as_f64(&math["comment-priorities"][tid.0.to_string()]),
            1e-12,
            &format!("routing priority {tid}"),
        );
    }
}

/// Builds the state Pol.is held when it produced `math`, as the CLI does.
fn state_from_math(math: &Value) -> PolisState {
    let tids: Vec<StatementId> = ids(&math["tids"]).into_iter().map(StatementId).collect();
    let component = |k: usize| -> Vec<f64> {
        math["pca"]["comps"][k]
            .as_array()
            .expect("comps")
            .iter()
            .map(as_f64)
            .collect()
    };
    let base_clusters = fixture_base_clusters(math)
        .into_iter()
        .map(|(id, members, x, y)| BaseCluster {
            id,
            members: members.into_iter().map(ParticipantId).collect(),
            center: [-x, -y],
        })
        .collect();
    let groups: Vec<GroupCluster> = fixture_groups(math)
        .into_iter()
        .map(|(id, members, x, y)| GroupCluster {
            id,
            members: members.into_iter().map(|m| m as usize).collect(),
            center: [-x, -y],
        })
        .collect();
    let k = groups.len();
    let mut totals: BTreeMap<StatementId, Tally> = BTreeMap::new();
    for group in math["group-votes"]
        .as_object()
        .expect("group-votes")
        .values()
    {
        for (tid, votes) in group["votes"].as_object().expect("votes") {
            let total = totals
                .entry(StatementId(tid.parse().expect("tid")))
                .or_default();
            *total += Tally {
                agree: as_u32(&votes["A"]),
                disagree: as_u32(&votes["D"]),
                seen: as_u32(&votes["S"]),
            };
        }
    }
    PolisState {
        in_conv: ids(&math["in-conv"])
            .into_iter()
            .map(ParticipantId)
            .collect(),
        components: Some(StateComponents {
            statements: tids,
            vectors: [component(0), component(1)],
        }),
        base_clusters,
        group_clusterings: BTreeMap::from([(k, groups)]),
        smoother: KSmoother {
            last_k: None,
            last_k_count: 0,
            smoothed_k: Some(k),
        },
        group_vote_totals: totals.into_iter().collect(),
    }
}

#[test]
fn votes_alone_reproduce_the_conversation_with_meta_statements() {
    let fixture = Fixture::load(WITH_META);
    let math = &fixture.math;
    let analysis = run(
        &fixture.matrix,
        &fixture.statements,
        None,
        &PolisConfig::default(),
    );
    let signs = check_vote_level(&fixture, &analysis);
    let in_conv: BTreeSet<u32> = analysis.in_conv.iter().map(|p| p.0).collect();
    assert_eq!(in_conv, ids(&math["in-conv"]).into_iter().collect());

    // Every participant is a base cluster of its own; ids depend on history, members do not.
    let matching = check_base_clusters(&analysis, math, signs);
    check_votes_base(&analysis, math, &matching);

    // The groups' k-means starts from the first base clusters in id order, and Pol.is's base
    // ids record the order in which participants arrived, which the votes do not tell. The
    // silhouette still picks Pol.is's k; the groups themselves are checked from Pol.is's base
    // ids by `votes_and_pol_is_base_ids_reproduce_the_groups_with_meta_statements`.
    assert_eq!(
        analysis.group_clusters.len(),
        fixture_groups(math).len(),
        "number of groups"
    );
}

/// Runs with a state holding only Pol.is's in-conv set and base clusters (their ids record
/// history), so groups start cold, and checks groups and all statistics; a second run from the
/// first one's state then reproduces the routing priorities, which read the previous run's votes.
fn check_from_base_ids(name: &str) {
    let fixture = Fixture::load(name);
    let math = &fixture.math;
    let full = state_from_math(math);
    let state = PolisState {
        in_conv: full.in_conv.clone(),
        base_clusters: full.base_clusters.clone(),
        ..PolisState::default()
    };
    let analysis = run(
        &fixture.matrix,
        &fixture.statements,
        Some(&state),
        &PolisConfig::default(),
    );
    let signs = check_vote_level(&fixture, &analysis);
    let matching = check_base_clusters(&analysis, math, signs);
    for (fixture_index, (id, _, _, _)) in fixture_base_clusters(math).iter().enumerate() {
        assert_eq!(analysis.base_clusters[matching[fixture_index]].id, *id);
    }
    check_votes_base(&analysis, math, &matching);
    check_same_groups(&analysis, math, signs);

    let second = run(
        &fixture.matrix,
        &fixture.statements,
        Some(&analysis.state),
        &PolisConfig::default(),
    );
    assert_eq!(second.group_clusters, analysis.group_clusters);
    check_routing_priorities(&second, math);
}

/// Checks that the groups are Pol.is's, ids and base-cluster members included, with all their
/// statistics.
fn check_same_groups(analysis: &PolisAnalysis, math: &Value, signs: [f64; 2]) {
    let groups: Vec<(usize, Vec<u32>)> = analysis
        .group_clusters
        .iter()
        .map(|g| {
            let members = g.members.iter().map(|&m| u32::try_from(m).expect("id"));
            (g.id, members.collect())
        })
        .collect();
    let mut expected: Vec<(usize, Vec<u32>)> = fixture_groups(math)
        .into_iter()
        .map(|(id, mut members, _, _)| {
            members.sort_unstable();
            (id, members)
        })
        .collect();
    expected.sort();
    assert_eq!(groups, expected);
    let identity: BTreeMap<usize, usize> = expected.iter().map(|(id, _)| (*id, *id)).collect();
    check_groups(analysis, math, signs, &identity);
}

#[test]
fn votes_and_pol_is_base_ids_reproduce_the_groups_with_meta_statements() {
    check_from_base_ids(WITH_META);
}

#[test]
fn votes_and_pol_is_base_ids_reproduce_the_groups_below_100_participants() {
    check_from_base_ids(BELOW_100);
}

#[test]
fn votes_and_pol_is_base_ids_reproduce_the_groups_above_100_participants() {
    check_from_base_ids(ABOVE_100);
}

fn check_votes_alone(name: &str) {
    let fixture = Fixture::load(name);
    let analysis = run(
        &fixture.matrix,
        &fixture.statements,
        None,
        &PolisConfig::default(),
    );
    check_vote_level(&fixture, &analysis);
    // The cold rule admits a subset of Pol.is's sticky in-conv set.
    let expected: BTreeSet<u32> = ids(&fixture.math["in-conv"]).into_iter().collect();
    for participant in &analysis.in_conv {
        assert!(
            expected.contains(&participant.0),
            "{participant} not in in-conv"
        );
    }
}

#[test]
fn votes_alone_reproduce_the_vote_level_results_below_100_participants() {
    check_votes_alone(BELOW_100);
}

#[test]
fn votes_alone_reproduce_the_vote_level_results_above_100_participants() {
    check_votes_alone(ABOVE_100);
}

/// Runs warm from the fixture's own state and checks every key of `math-pca2`.
fn check_warm(name: &str) {
    let fixture = Fixture::load(name);
    let math = &fixture.math;
    let state = state_from_math(math);
    let analysis = run(
        &fixture.matrix,
        &fixture.statements,
        Some(&state),
        &PolisConfig::default(),
    );
    let signs = check_vote_level(&fixture, &analysis);
    // The warm start keeps the components' orientation.
    assert!(signs.iter().all(|&sign| sign > 0.0), "{signs:?}");
    let in_conv: Vec<u32> = analysis.in_conv.iter().map(|p| p.0).collect();
    let mut expected_in_conv = ids(&math["in-conv"]);
    expected_in_conv.sort_unstable();
    assert_eq!(in_conv, expected_in_conv);

    // Warm-started base clusters are Pol.is's, ids included.
    let matching = check_base_clusters(&analysis, math, signs);
    for (fixture_index, (id, _, _, _)) in fixture_base_clusters(math).iter().enumerate() {
        assert_eq!(analysis.base_clusters[matching[fixture_index]].id, *id);
    }
    check_votes_base(&analysis, math, &matching);

    check_same_groups(&analysis, math, signs);
    check_routing_priorities(&analysis, math);
}

#[test]
fn warm_from_pol_is_state_reproduces_every_key_with_meta_statements() {
    check_warm(WITH_META);
}

#[test]
fn warm_from_pol_is_state_reproduces_every_key_below_100_participants() {
    check_warm(BELOW_100);
}

#[test]
fn warm_from_pol_is_state_reproduces_every_key_above_100_participants() {
    check_warm(ABOVE_100);
}

#[test]
fn both_pca_methods_match_pol_is_components() {
    for name in [WITH_META, BELOW_100, ABOVE_100] {
        let fixture = Fixture::load(name);
        let analysis = run(
            &fixture.matrix,
            &fixture.statements,
            None,
            &PolisConfig::default(),
        );
        let mod_out: Vec<bool> = analysis
            .tids
            .iter()
            .map(|t| analysis.mod_out.contains(t))
            .collect();
        for method in [PcaMethod::Gram, PcaMethod::Krylov] {
            let options = PcaOptions {
                method,
                ..PcaOptions::default()
            };
            let result = pca::principal_components(&fixture.matrix, &mod_out, None, &options);
            assert!(result.converged, "{name} {method:?}");
            for k in 0..2 {
                let expected: Vec<f64> = fixture.math["pca"]["comps"][k]
                    .as_array()
                    .expect("comps")
                    .iter()
                    .map(as_f64)
                    .collect();
                let dot: f64 = result.components[k]
                    .iter()
                    .zip(&expected)
                    .map(|(a, b)| a * b)
                    .sum();
                let sign = dot.signum();
                for (a, b) in result.components[k].iter().zip(&expected) {
                    close(*a, sign * b, 1e-9, &format!("{name} {method:?} comp {k}"));
                }
            }
        }
    }
}

/// Checks that the groups are Pol.is's, ids and participants included, with all their
/// statistics; base-cluster ids may differ (they are labels of the same member sets).
fn check_same_groups_by_participants(analysis: &PolisAnalysis, math: &Value, signs: [f64; 2]) {
    let participants_of_base: BTreeMap<usize, Vec<u32>> = fixture_base_clusters(math)
        .into_iter()
        .map(|(id, members, _, _)| (id, members))
        .collect();
    let expected: BTreeMap<usize, BTreeSet<u32>> = fixture_groups(math)
        .into_iter()
        .map(|(id, bases, _, _)| {
            let members = bases
                .iter()
                .flat_map(|base| participants_of_base[&(*base as usize)].iter().copied())
                .collect();
            (id, members)
        })
        .collect();
    let ours: BTreeMap<usize, BTreeSet<u32>> = analysis
        .group_clusters
        .iter()
        .map(|group| {
            let members = group
                .members
                .iter()
                .flat_map(|base| {
                    let index = analysis
                        .base_clusters
                        .binary_search_by_key(base, |b| b.id)
                        .expect("a group's base cluster exists");
                    analysis.base_clusters[index].members.iter().map(|p| p.0)
                })
                .collect();
            (group.id, members)
        })
        .collect();
    assert_eq!(ours, expected, "groups by participant");
    let identity: BTreeMap<usize, usize> = expected.keys().map(|&id| (id, id)).collect();
    check_groups(analysis, math, signs, &identity);
}

/// Replays the votes at Pol.is's cadence and checks every key of `math-pca2`: base clusters as
/// sets of members (their ids are labels), everything else exactly as for a warm start.
fn check_replay_every_key(name: &str) -> replay::Replay {
    let fixture = Fixture::load(name);
    let math = &fixture.math;
    let replayed = replay::run(
        &fixture.records,
        &fixture.statements,
        &PolisConfig::default(),
        &ReplayConfig::default(),
    );
    let analysis = &replayed.analysis;
    let signs = check_vote_level(&fixture, analysis);
    let in_conv: Vec<u32> = analysis.in_conv.iter().map(|p| p.0).collect();
    let mut expected_in_conv = ids(&math["in-conv"]);
    expected_in_conv.sort_unstable();
    assert_eq!(in_conv, expected_in_conv, "in-conv");
    let matching = check_base_clusters(analysis, math, signs);
    check_votes_base(analysis, math, &matching);
    check_same_groups_by_participants(analysis, math, signs);
    check_routing_priorities(analysis, math);
    replayed
}

#[test]
fn replayed_history_reproduces_every_key_with_meta_statements() {
    check_replay_every_key(WITH_META);
}

#[test]
fn replayed_history_reproduces_every_key_below_100_participants() {
    check_replay_every_key(BELOW_100);
}

#[test]
fn replayed_history_reproduces_the_vote_level_results_above_100_participants() {
    let fixture = Fixture::load(ABOVE_100);
    let math = &fixture.math;
    let config = PolisConfig::default();
    let replayed = replay::run(
        &fixture.records,
        &fixture.statements,
        &config,
        &ReplayConfig::default(),
    );
    let analysis = &replayed.analysis;
    check_vote_level(&fixture, analysis);
    // The votes span more one-second windows than the cap, so windows were merged.
    assert!(
        replayed.windows > replay::DEFAULT_MAX_RUNS,
        "{}",
        replayed.windows
    );
    assert!(replayed.warm_runs <= replay::DEFAULT_MAX_RUNS);
    // History admits everyone the cold rule admits and more, all of them admitted by Pol.is
    // too; Pol.is's set holds further participants with fewer than 7 votes whom the vote
    // timestamps do not explain.
    let cold = run(&fixture.matrix, &fixture.statements, None, &config);
    let replayed_in_conv: BTreeSet<u32> = analysis.in_conv.iter().map(|p| p.0).collect();
    let cold_in_conv: BTreeSet<u32> = cold.in_conv.iter().map(|p| p.0).collect();
    let pol_is_in_conv: BTreeSet<u32> = ids(&math["in-conv"]).into_iter().collect();
    assert!(cold_in_conv.is_subset(&replayed_in_conv));
    assert!(cold_in_conv.len() < replayed_in_conv.len());
    assert!(replayed_in_conv.is_subset(&pol_is_in_conv));
    assert_eq!(
        analysis.base_clusters.len(),
        fixture_base_clusters(math).len()
    );
}

#[test]
fn a_coarse_cadence_misses_pol_is_groups_with_meta_statements() {
    let fixture = Fixture::load(WITH_META);
    let coarse = replay::run(
        &fixture.records,
        &fixture.statements,
        &PolisConfig::default(),
        &ReplayConfig {
            cadence_ms: 30_000,
            ..ReplayConfig::default()
        },
    );
    // Pol.is formed 3 groups; windows of 30 s see too few intermediate states.
    assert_eq!(fixture_groups(&fixture.math).len(), 3);
    assert_eq!(coarse.analysis.group_clusters.len(), 2);
}

#[test]
fn a_replay_is_deterministic_and_ignores_the_order_of_the_votes() {
    let fixture = Fixture::load(BELOW_100);
    let config = PolisConfig::default();
    let replay_of = |records: &[engine::VoteRecord]| {
        replay::run(
            records,
            &fixture.statements,
            &config,
            &ReplayConfig::default(),
        )
    };
    let first = replay_of(&fixture.records);
    let second = replay_of(&fixture.records);
    assert_eq!(format!("{first:?}"), format!("{second:?}"));
    // Each (participant, statement) appears once in the dump, so no tie between timestamps
    // decides a vote, and the order of the records cannot matter.
    let mut shuffled = fixture.records.clone();
    shuffled.reverse();
    shuffled.rotate_left(fixture.records.len() / 3);
    assert_ne!(shuffled, fixture.records);
    assert_eq!(format!("{:?}", replay_of(&shuffled)), format!("{first:?}"));
}
