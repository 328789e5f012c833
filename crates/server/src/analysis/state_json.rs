//! The engine's warm-start state as the JSON bytes stored with each snapshot.
//!
//! Engine types do not derive `Serialize`, so this module owns the stored shape. A state that
//! no longer decodes (written by another version) is treated as absent: the next analysis
//! starts cold rather than failing.

use std::collections::BTreeMap;

use engine::clusters::{BaseCluster, GroupCluster, KSmoother};
use engine::state::{PolisState, StateComponents};
use engine::stats::Tally;
use engine::{ParticipantId, StatementId};
use serde::{Deserialize, Serialize};

/// The version written into every stored state; bump it when the shape changes.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct StoredState {
    version: u32,
    in_conv: Vec<u32>,
    components: Option<StoredComponents>,
    base_clusters: Vec<StoredCluster<u32>>,
    group_clusterings: BTreeMap<usize, Vec<StoredCluster<usize>>>,
    smoother: StoredSmoother,
    group_vote_totals: Vec<(u32, u32, u32, u32)>,
}

#[derive(Serialize, Deserialize)]
struct StoredComponents {
    statements: Vec<u32>,
    first: Vec<f64>,
    second: Vec<f64>,
}

#[derive(Serialize, Deserialize)]
struct StoredCluster<M> {
    id: usize,
    members: Vec<M>,
    center: [f64; 2],
}

#[derive(Serialize, Deserialize)]
struct StoredSmoother {
    last_k: Option<usize>,
    last_k_count: u32,
    smoothed_k: Option<usize>,
}

/// Returns the state as JSON bytes.
pub fn encode(state: &PolisState) -> Vec<u8> {
    let stored = StoredState {
        version: VERSION,
        in_conv: state
            .in_conv
            .iter()
            .map(|participant| participant.0)
            .collect(),
        components: state.components.as_ref().map(|components| {
            let [first, second] = &components.vectors;
            StoredComponents {
                statements: components.statements.iter().map(|s| s.0).collect(),
                first: first.clone(),
                second: second.clone(),
            }
        }),
        base_clusters: state
            .base_clusters
            .iter()
            .map(|cluster| StoredCluster {
                id: cluster.id,
                members: cluster.members.iter().map(|member| member.0).collect(),
                center: cluster.center,
            })
            .collect(),
        group_clusterings: state
            .group_clusterings
            .iter()
            .map(|(&k, groups)| {
                let groups = groups
                    .iter()
                    .map(|group| StoredCluster {
                        id: group.id,
                        members: group.members.clone(),
                        center: group.center,
                    })
                    .collect();
                (k, groups)
            })
            .collect(),
        smoother: StoredSmoother {
            last_k: state.smoother.last_k,
            last_k_count: state.smoother.last_k_count,
            smoothed_k: state.smoother.smoothed_k,
        },
        group_vote_totals: state
            .group_vote_totals
            .iter()
            .map(|(statement, tally)| (statement.0, tally.agree, tally.disagree, tally.seen))
            .collect(),
    };
    // Serialising plain numbers and vectors cannot fail; non-finite floats become null, which
    // decoding refuses, so such a state simply is not reused.
    serde_json::to_vec(&stored).unwrap_or_default()
}

/// Returns the state stored in the bytes, or `None` when they are empty, from another version
/// or not a state at all.
pub fn decode(bytes: &[u8]) -> Option<PolisState> {
    if bytes.is_empty() {
        return None;
    }
    let stored: StoredState = serde_json::from_slice(bytes).ok()?;
    if stored.version != VERSION {
        return None;
    }
    Some(PolisState {
        in_conv: stored.in_conv.into_iter().map(ParticipantId).collect(),
        components: stored.components.map(|components| StateComponents {
            statements: components.statements.into_iter().map(StatementId).collect(),
            vectors: [components.first, components.second],
        }),
        base_clusters: stored
            .base_clusters
            .into_iter()
            .map(|cluster| BaseCluster {
                id: cluster.id,
                members: cluster.members.into_iter().map(ParticipantId).collect(),
                center: cluster.center,
            })
            .collect(),
        group_clusterings: stored
            .group_clusterings
            .into_iter()
            .map(|(k, groups)| {
                let groups = groups
                    .into_iter()
                    .map(|group| GroupCluster {
                        id: group.id,
                        members: group.members,
                        center: group.center,
                    })
                    .collect();
                (k, groups)
            })
            .collect(),
        smoother: KSmoother {
            last_k: stored.smoother.last_k,
            last_k_count: stored.smoother.last_k_count,
            smoothed_k: stored.smoother.smoothed_k,
        },
        group_vote_totals: stored
            .group_vote_totals
            .into_iter()
            .map(|(statement, agree, disagree, seen)| {
                (
                    StatementId(statement),
                    Tally {
                        agree,
                        disagree,
                        seen,
                    },
                )
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PolisState {
        PolisState {
            in_conv: vec![ParticipantId(1), ParticipantId(4)],
            components: Some(StateComponents {
                statements: vec![StatementId(3), StatementId(9)],
                vectors: [vec![0.6, -0.8], vec![0.8, 0.6]],
            }),
            base_clusters: vec![BaseCluster {
                id: 0,
                members: vec![ParticipantId(4), ParticipantId(1)],
                center: [0.25, -1.5],
            }],
            group_clusterings: BTreeMap::from([(
                2,
                vec![GroupCluster {
                    id: 0,
                    members: vec![0],
                    center: [0.25, -1.5],
                }],
            )]),
            smoother: KSmoother {
                last_k: Some(2),
                last_k_count: 3,
                smoothed_k: Some(2),
            },
            group_vote_totals: vec![(
                StatementId(3),
                Tally {
                    agree: 2,
                    disagree: 0,
                    seen: 2,
                },
            )],
        }
    }

    #[test]
    fn a_state_survives_encoding_exactly() {
        let state = sample();
        assert_eq!(decode(&encode(&state)), Some(state));
    }

    #[test]
    fn foreign_or_empty_bytes_mean_a_cold_start() {
        assert_eq!(decode(b""), None);
        assert_eq!(decode(b"not json"), None);
        let mut bytes = encode(&sample());
        let text = String::from_utf8(bytes.clone()).unwrap();
        bytes = text
            .replace("\"version\":1", "\"version\":999")
            .into_bytes();
        assert_eq!(decode(&bytes), None);
    }
}
