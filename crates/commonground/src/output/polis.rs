//! Output shaped like Pol.is's `math-pca2` (agree = -1), for tools that read Pol.is output.
//!
//! The engine works in the agree = +1 frame; Pol.is's output is in its raw frame where
//! agree = -1. Flipping every vote negates the centre, every projection and every cluster
//! centre, and leaves the components (kept as they are) and all counts unchanged.

use std::collections::BTreeMap;

use anyhow::Context;
use engine::PolisAnalysis;
use engine::stats::{ConsensusEntry as EngineConsensusEntry, Repful, RepnessEntry as EngineEntry};

use crate::polis_files::math_state::{
    BaseClusters, BaseTallies, Consensus, ConsensusEntry, GroupCluster, GroupVotes, IdMap,
    MathPca2, Pca, RepnessEntry, Tally, flip,
};

/// Renders the analysis as `math-pca2` JSON.
pub fn render(polis: &PolisAnalysis) -> anyhow::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(&to_math_pca2(polis)).context("cannot encode the result")?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn count(value: usize) -> u64 {
    u64::try_from(value).unwrap_or(u64::MAX)
}

/// Maps the engine's analysis to Pol.is's shape and frame.
pub fn to_math_pca2(polis: &PolisAnalysis) -> MathPca2 {
    let tids: Vec<u32> = polis.tids.iter().map(|id| id.0).collect();
    let ids = |list: &[engine::StatementId]| list.iter().map(|id| id.0).collect::<Vec<_>>();
    let by_tid = |values: &[f64]| -> IdMap<f64> {
        IdMap(tids.iter().copied().zip(values.iter().copied()).collect())
    };

    let pca = Pca {
        center: polis.pca.center.iter().copied().map(flip).collect(),
        comps: polis.pca.components.to_vec(),
        comment_projection: (0..2)
            .map(|axis| {
                polis
                    .comment_projection
                    .iter()
                    .map(|point| flip(point[axis]))
                    .collect()
            })
            .collect(),
        comment_extremity: polis.comment_extremity.clone(),
    };

    let base_clusters = BaseClusters {
        id: polis
            .base_clusters
            .iter()
            .map(|base| id32(base.id))
            .collect(),
        members: polis
            .base_clusters
            .iter()
            .map(|base| base.members.iter().map(|member| member.0).collect())
            .collect(),
        x: polis
            .base_clusters
            .iter()
            .map(|base| flip(base.center[0]))
            .collect(),
        y: polis
            .base_clusters
            .iter()
            .map(|base| flip(base.center[1]))
            .collect(),
        count: polis
            .base_clusters
            .iter()
            .map(|base| count(base.members.len()))
            .collect(),
    };

    let group_clusters = polis
        .group_clusters
        .iter()
        .map(|group| GroupCluster {
            id: id32(group.id),
            members: group.members.iter().map(|&member| id32(member)).collect(),
            center: vec![flip(group.center[0]), flip(group.center[1])],
        })
        .collect();

    let votes_base = IdMap(
        tids.iter()
            .enumerate()
            .map(|(column, &tid)| {
                let column_of = |pick: fn(&engine::Tally) -> u32| {
                    polis
                        .votes_base
                        .iter()
                        .map(|base| base.get(column).map_or(0, |tally| u64::from(pick(tally))))
                        .collect()
                };
                (
                    tid,
                    BaseTallies {
                        agree: column_of(|tally| tally.agree),
                        disagree: column_of(|tally| tally.disagree),
                        seen: column_of(|tally| tally.seen),
                    },
                )
            })
            .collect(),
    );

    let group_votes = IdMap(
        polis
            .group_votes
            .iter()
            .map(|group| {
                let votes = IdMap(
                    tids.iter()
                        .copied()
                        .zip(&group.votes)
                        .map(|(tid, tally)| {
                            (
                                tid,
                                Tally {
                                    agree: u64::from(tally.agree),
                                    disagree: u64::from(tally.disagree),
                                    seen: u64::from(tally.seen),
                                },
                            )
                        })
                        .collect(),
                );
                (
                    id32(group.id),
                    GroupVotes {
                        n_members: count(group.n_members),
                        votes,
                        id: id32(group.id),
                    },
                )
            })
            .collect(),
    );

    let repness = IdMap(
        polis
            .group_clusters
            .iter()
            .zip(&polis.repness)
            .map(|(group, entries)| (id32(group.id), entries.iter().map(repness_entry).collect()))
            .collect(),
    );

    MathPca2 {
        n: count(polis.n),
        n_cmts: count(polis.n_cmts),
        tids: tids.clone(),
        user_vote_counts: IdMap(
            polis
                .user_vote_counts
                .iter()
                .map(|&(participant, votes)| (participant.0, u64::from(votes)))
                .collect::<BTreeMap<_, _>>(),
        ),
        in_conv: polis
            .in_conv
            .iter()
            .map(|participant| participant.0)
            .collect(),
        mod_out: ids(&polis.mod_out),
        mod_in: ids(&polis.mod_in),
        meta_tids: ids(&polis.meta_tids),
        last_vote_timestamp: polis.last_vote_timestamp,
        last_mod_timestamp: None,
        math_tick: None,
        pca,
        base_clusters,
        group_clusters,
        votes_base,
        group_votes,
        repness,
        consensus: Consensus {
            agree: polis.consensus.agree.iter().map(consensus_entry).collect(),
            disagree: polis
                .consensus
                .disagree
                .iter()
                .map(consensus_entry)
                .collect(),
        },
        group_aware_consensus: by_tid(&polis.group_aware_consensus),
        routing_priorities: by_tid(&polis.routing_priorities),
    }
}

/// Returns a cluster id as Pol.is writes it; ids are small, counted from 0.
fn id32(id: usize) -> u32 {
    u32::try_from(id).unwrap_or(u32::MAX)
}

fn repness_entry(entry: &EngineEntry) -> RepnessEntry {
    RepnessEntry {
        tid: entry.statement.0,
        n_success: u64::from(entry.n_success),
        n_trials: u64::from(entry.n_trials),
        p_success: entry.p_success,
        p_test: entry.p_test,
        repness: entry.repness,
        repness_test: entry.repness_test,
        repful_for: match entry.repful_for {
            Repful::Agree => "agree".to_owned(),
            Repful::Disagree => "disagree".to_owned(),
        },
        n_agree: entry.n_agree.map(u64::from),
        best_agree: entry.best_agree.then_some(true),
    }
}

fn consensus_entry(entry: &EngineConsensusEntry) -> ConsensusEntry {
    ConsensusEntry {
        tid: entry.statement.0,
        n_success: u64::from(entry.n_success),
        n_trials: u64::from(entry.n_trials),
        p_success: entry.p_success,
        p_test: entry.p_test,
    }
}
