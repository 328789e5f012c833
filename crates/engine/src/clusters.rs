//! Base clusters, opinion groups, silhouette and the k smoother.
//!
//! Pol.is clusters in two levels. Participants who are in the conversation are first grouped
//! into up to 100 *base clusters* by k-means on their projections. The opinion *groups* are
//! then found by weighted k-means over the base-cluster centres (weights = base-cluster sizes)
//! for every candidate k from 2 to `min(max_k, 2 + n_base / 12)`; the k with the best
//! silhouette wins, and a smoother only lets the chosen k change after the same new k has won
//! `buffer` times in a row. Every clustering is warm-started from the previous run's clustering
//! with the same k, so cluster ids stay stable between recomputations.

use std::collections::BTreeMap;

use crate::kmeans::{KmeansCluster, distance, kmeans};
use crate::votes::ParticipantId;

/// A base cluster: a small set of participants with nearby projections.
#[derive(Clone, Debug, PartialEq)]
pub struct BaseCluster {
    /// Stable id of the base cluster.
    pub id: usize,
    /// Its participants, in matrix row order.
    pub members: Vec<ParticipantId>,
    /// Mean projection of its members (agree = +1 frame).
    pub center: [f64; 2],
}

/// An opinion group: a set of base clusters.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupCluster {
    /// Stable id of the group.
    pub id: usize,
    /// Ids of its base clusters, ascending.
    pub members: Vec<usize>,
    /// Mean of the member base-cluster centres weighted by their sizes (agree = +1 frame).
    pub center: [f64; 2],
}

/// Remembers recent winners of the silhouette comparison so that k only changes after the same
/// new k has won several times in a row (Pol.is's `group-k-smoother`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KSmoother {
    /// The k with the best silhouette in the latest run.
    pub last_k: Option<usize>,
    /// How many consecutive runs `last_k` has won.
    pub last_k_count: u32,
    /// The k whose clustering is used as the groups.
    pub smoothed_k: Option<usize>,
}

impl KSmoother {
    /// Returns the smoother after a run in which `this_k` had the best silhouette: the count
    /// grows while the winner stays the same, and the smoothed k switches to the winner once
    /// the count reaches `buffer`.
    pub fn update(&self, this_k: usize, buffer: u32) -> KSmoother {
        let count = if self.last_k == Some(this_k) {
            self.last_k_count.saturating_add(1)
        } else {
            1
        };
        let smoothed_k = if count >= buffer {
            this_k
        } else {
            self.smoothed_k.unwrap_or(this_k)
        };
        KSmoother {
            last_k: Some(this_k),
            last_k_count: count,
            smoothed_k: Some(smoothed_k),
        }
    }
}

/// Returns the largest number of groups tried for `n_base` base clusters:
/// `min(max_k, 2 + n_base / 12)`.
pub fn max_k_for(n_base: usize, max_k: usize) -> usize {
    max_k.min(2 + n_base / 12)
}

/// Returns the mean silhouette of a clustering of `points` (Euclidean, every point weighing
/// the same).
///
/// For a point, `a` is its mean distance to the other members of its cluster and `b` the
/// smallest mean distance to the members of another cluster; its silhouette is
/// `(b − a) / max(a, b)`, and 0 when its cluster has no other member, when there is no other
/// cluster, or when both distances are 0. Points that are in no cluster are ignored.
pub fn silhouette(points: &[[f64; 2]], clusters: &[KmeansCluster]) -> f64 {
    let mut total = 0.0;
    let mut count = 0usize;
    for (own, cluster) in clusters.iter().enumerate() {
        for &member in &cluster.members {
            count += 1;
            if cluster.members.len() < 2 || clusters.len() < 2 {
                continue;
            }
            let mean_distance = |members: &[usize]| -> f64 {
                let (sum, n) = members
                    .iter()
                    .filter(|&&other| other != member)
                    .fold((0.0, 0usize), |(sum, n), &other| {
                        (sum + distance(points[member], points[other]), n + 1)
                    });
                if n == 0 { 0.0 } else { sum / n as f64 }
            };
            let a = mean_distance(&cluster.members);
            let b = clusters
                .iter()
                .enumerate()
                .filter(|&(index, other)| index != own && !other.members.is_empty())
                .map(|(_, other)| mean_distance(&other.members))
                .fold(f64::INFINITY, f64::min);
            let scale = a.max(b);
            if scale > 0.0 && scale.is_finite() {
                total += (b - a) / scale;
            }
        }
    }
    if count == 0 {
        0.0
    } else {
        total / count as f64
    }
}

/// Returns the base clusters of the given participants.
///
/// `points[i]` is the projection of `participants[i]`, in matrix row order. `previous` base
/// clusters warm-start the k-means (members who are not among `participants` are dropped).
/// The result is sorted by id, members in row order.
pub fn base_clusters(
    points: &[[f64; 2]],
    participants: &[ParticipantId],
    previous: &[BaseCluster],
    k: usize,
    max_iters: usize,
) -> Vec<BaseCluster> {
    let mut index_of: Vec<(ParticipantId, usize)> = participants
        .iter()
        .enumerate()
        .map(|(index, &participant)| (participant, index))
        .collect();
    index_of.sort_unstable();
    let lookup = |participant: ParticipantId| -> Option<usize> {
        index_of
            .binary_search_by_key(&participant, |&(id, _)| id)
            .ok()
            .map(|position| index_of[position].1)
    };
    let start: Vec<KmeansCluster> = previous
        .iter()
        .map(|cluster| KmeansCluster {
            id: cluster.id,
            members: cluster.members.iter().filter_map(|&p| lookup(p)).collect(),
            center: cluster.center,
        })
        .collect();
    let mut clusters = kmeans(points, None, k, Some(&start), max_iters);
    clusters.sort_by_key(|c| c.id);
    clusters
        .into_iter()
        .map(|cluster| BaseCluster {
            id: cluster.id,
            members: cluster.members.iter().map(|&i| participants[i]).collect(),
            center: cluster.center,
        })
        .collect()
}

/// The outcome of choosing the opinion groups.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupSelection {
    /// The clustering for every candidate k, each sorted by id.
    pub clusterings: BTreeMap<usize, Vec<GroupCluster>>,
    /// The silhouette of every candidate k.
    pub silhouettes: BTreeMap<usize, f64>,
    /// The k with the best silhouette in this run (ties go to the larger k).
    pub best_k: Option<usize>,
    /// The smoother after this run.
    pub smoother: KSmoother,
    /// The k whose clustering became the groups.
    pub chosen_k: Option<usize>,
    /// The groups: the clustering for `chosen_k`, sorted by id.
    pub groups: Vec<GroupCluster>,
    /// True when the smoothed k had no clustering this run and the best k was used instead.
    pub smoothed_k_unavailable: bool,
}

/// Settings of the group selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupSettings {
    /// Largest number of groups ever tried.
    pub max_k: usize,
    /// k-means iteration budget per candidate k.
    pub max_iters: usize,
    /// Consecutive wins a new k needs before the groups switch to it.
    pub k_buffer: u32,
}

/// Clusters the base clusters into opinion groups and chooses k.
///
/// `base` must be sorted by id. `previous` holds the previous run's clustering for each k (group
/// members given as base-cluster ids) and `smoother` the previous smoother state.
pub fn group_clusters(
    base: &[BaseCluster],
    previous: &BTreeMap<usize, Vec<GroupCluster>>,
    smoother: &KSmoother,
    settings: &GroupSettings,
) -> GroupSelection {
    let points: Vec<[f64; 2]> = base.iter().map(|b| b.center).collect();
    let weights: Vec<f64> = base.iter().map(|b| b.members.len() as f64).collect();
    let position_of = |base_id: usize| base.binary_search_by_key(&base_id, |b| b.id).ok();

    let mut clusterings = BTreeMap::new();
    let mut silhouettes = BTreeMap::new();
    let mut best: Option<(usize, f64)> = None;
    if !base.is_empty() {
        for k in 2..=max_k_for(base.len(), settings.max_k) {
            let start: Vec<KmeansCluster> = previous
                .get(&k)
                .map(|clusters| {
                    clusters
                        .iter()
                        .map(|cluster| KmeansCluster {
                            id: cluster.id,
                            members: cluster
                                .members
                                .iter()
                                .filter_map(|&id| position_of(id))
                                .collect(),
                            center: cluster.center,
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mut clusters = kmeans(&points, Some(&weights), k, Some(&start), settings.max_iters);
            clusters.sort_by_key(|c| c.id);
            let score = silhouette(&points, &clusters);
            if best.is_none_or(|(_, top)| score >= top) {
                best = Some((k, score));
            }
            silhouettes.insert(k, score);
            let groups = clusters
                .into_iter()
                .map(|cluster| {
                    let mut members: Vec<usize> =
                        cluster.members.iter().map(|&i| base[i].id).collect();
                    members.sort_unstable();
                    GroupCluster {
                        id: cluster.id,
                        members,
                        center: cluster.center,
                    }
                })
                .collect();
            clusterings.insert(k, groups);
        }
    }

    let best_k = best.map(|(k, _)| k);
    let (smoother, chosen_k, smoothed_k_unavailable) = match best_k {
        None => (*smoother, None, false),
        Some(this_k) => {
            let mut updated = smoother.update(this_k, settings.k_buffer);
            let smoothed = updated.smoothed_k.unwrap_or(this_k);
            if clusterings.contains_key(&smoothed) {
                (updated, Some(smoothed), false)
            } else {
                updated.smoothed_k = Some(this_k);
                (updated, Some(this_k), true)
            }
        }
    };
    let groups = chosen_k
        .and_then(|k| clusterings.get(&k).cloned())
        .unwrap_or_default();
    GroupSelection {
        clusterings,
        silhouettes,
        best_k,
        smoother,
        chosen_k,
        groups,
        smoothed_k_unavailable,
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "these results are exact by construction")]
mod tests {
    use super::*;

    fn cluster(id: usize, members: &[usize]) -> KmeansCluster {
        KmeansCluster {
            id,
            members: members.to_vec(),
            center: [0.0, 0.0],
        }
    }

    #[test]
    fn the_smoother_switches_only_after_the_buffer_is_reached() {
        let mut smoother = KSmoother::default();
        smoother = smoother.update(3, 4);
        // A cold start takes the first winner at once.
        assert_eq!(smoother.smoothed_k, Some(3));
        assert_eq!(smoother.last_k_count, 1);
        for expected_count in 1..=3 {
            smoother = smoother.update(2, 4);
            assert_eq!(smoother.last_k_count, expected_count);
            assert_eq!(smoother.smoothed_k, Some(3), "count {expected_count}");
        }
        smoother = smoother.update(2, 4);
        assert_eq!(smoother.last_k_count, 4);
        assert_eq!(smoother.smoothed_k, Some(2));
        // An interruption resets the count but not the smoothed k.
        smoother = smoother.update(5, 4);
        assert_eq!((smoother.last_k, smoother.last_k_count), (Some(5), 1));
        assert_eq!(smoother.smoothed_k, Some(2));
    }

    #[test]
    fn max_k_grows_with_the_number_of_base_clusters() {
        assert_eq!(max_k_for(1, 5), 2);
        assert_eq!(max_k_for(23, 5), 3);
        assert_eq!(max_k_for(24, 5), 4);
        assert_eq!(max_k_for(100, 5), 5);
        assert_eq!(max_k_for(100, 3), 3);
    }

    #[test]
    fn silhouette_matches_a_hand_computation() {
        // Two tight pairs far apart, and a singleton.
        let points = [
            [0.0, 0.0],
            [0.0, 1.0],
            [10.0, 0.0],
            [10.0, 1.0],
            [30.0, 0.0],
        ];
        let clusters = vec![cluster(0, &[0, 1]), cluster(1, &[2, 3]), cluster(2, &[4])];
        let d = |a: usize, b: usize| distance(points[a], points[b]);
        let s = |own: (usize, usize), other: [(usize, usize); 2]| {
            let a = d(own.0, own.1);
            let b = other
                .iter()
                .map(|&(x, y)| (d(own.0, x) + d(own.0, y)) / 2.0)
                .fold(f64::INFINITY, f64::min)
                .min(d(own.0, 4));
            (b - a) / a.max(b)
        };
        let expected = (s((0, 1), [(2, 3), (2, 3)])
            + s((1, 0), [(2, 3), (2, 3)])
            + s((2, 3), [(0, 1), (0, 1)])
            + s((3, 2), [(0, 1), (0, 1)]))
            / 5.0;
        let actual = silhouette(&points, &clusters);
        assert!((actual - expected).abs() < 1e-15, "{actual} vs {expected}");
        // Four well-separated points and a singleton, which counts as 0.
        assert!(actual > 0.7 && actual < 0.8);
    }

    #[test]
    fn a_bad_clustering_has_a_negative_silhouette() {
        let points = [[0.0, 0.0], [10.0, 0.0], [0.0, 1.0], [10.0, 1.0]];
        let clusters = vec![cluster(0, &[0, 1]), cluster(1, &[2, 3])];
        assert!(silhouette(&points, &clusters) < 0.0);
        assert_eq!(silhouette(&points, &[cluster(0, &[0, 1, 2, 3])]), 0.0);
    }

    fn base(id: usize, size: u32, center: [f64; 2]) -> BaseCluster {
        BaseCluster {
            id,
            members: (0..size)
                .map(|i| ParticipantId(u32::try_from(id).unwrap() * 100 + i))
                .collect(),
            center,
        }
    }

    #[test]
    fn groups_pick_the_k_with_the_best_silhouette() {
        let mut bases = Vec::new();
        // Three blobs of four base clusters, interleaved so that the cold start's first three
        // distinct points lie in different blobs.
        for j in 0..4u32 {
            for &(x, y) in &[(0.0, 0.0), (-5.0, 5.0), (5.0, 5.0)] {
                let offset = f64::from(j) * 0.1;
                bases.push(base(bases.len(), 2, [x + offset, y - offset]));
            }
        }
        let settings = GroupSettings {
            max_k: 5,
            max_iters: 20,
            k_buffer: 4,
        };
        let selection = group_clusters(&bases, &BTreeMap::new(), &KSmoother::default(), &settings);
        // 12 base clusters allow k = 2 and 3.
        assert_eq!(
            selection.silhouettes.keys().copied().collect::<Vec<_>>(),
            vec![2, 3]
        );
        assert_eq!(selection.best_k, Some(3));
        assert_eq!(selection.chosen_k, Some(3));
        let members: Vec<Vec<usize>> = selection.groups.iter().map(|g| g.members.clone()).collect();
        assert_eq!(
            members,
            vec![vec![0, 3, 6, 9], vec![1, 4, 7, 10], vec![2, 5, 8, 11]]
        );
    }

    #[test]
    fn group_ids_survive_a_warm_start() {
        let bases = vec![
            base(0, 3, [0.0, 0.0]),
            base(1, 1, [0.2, 0.0]),
            base(5, 2, [10.0, 0.0]),
            base(7, 2, [10.0, 0.3]),
        ];
        let previous = BTreeMap::from([(
            2,
            vec![
                GroupCluster {
                    id: 4,
                    members: vec![5, 7],
                    center: [0.0, 0.0],
                },
                GroupCluster {
                    id: 9,
                    members: vec![0, 1],
                    center: [0.0, 0.0],
                },
            ],
        )]);
        let smoother = KSmoother {
            last_k: Some(2),
            last_k_count: 6,
            smoothed_k: Some(2),
        };
        let settings = GroupSettings {
            max_k: 5,
            max_iters: 20,
            k_buffer: 4,
        };
        let selection = group_clusters(&bases, &previous, &smoother, &settings);
        let groups: Vec<(usize, Vec<usize>)> = selection
            .groups
            .iter()
            .map(|g| (g.id, g.members.clone()))
            .collect();
        assert_eq!(groups, vec![(4, vec![5, 7]), (9, vec![0, 1])]);
        // The centre weighs base clusters by size.
        assert!((selection.groups[1].center[0] - 0.05).abs() < 1e-15);
        assert_eq!(selection.smoother.last_k_count, 7);
    }

    #[test]
    fn base_clusters_map_members_back_to_participants() {
        let participants = [ParticipantId(9), ParticipantId(2), ParticipantId(5)];
        let points = [[0.0, 0.0], [0.0, 0.0], [4.0, 0.0]];
        let previous = vec![BaseCluster {
            id: 3,
            members: vec![ParticipantId(5), ParticipantId(77)],
            center: [9.0, 9.0],
        }];
        let clusters = base_clusters(&points, &participants, &previous, 100, 10);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].id, 3);
        assert_eq!(clusters[0].members, vec![ParticipantId(5)]);
        assert_eq!(clusters[1].id, 4);
        assert_eq!(
            clusters[1].members,
            vec![ParticipantId(9), ParticipantId(2)]
        );
        assert_eq!(clusters[1].center, [0.0, 0.0]);
    }
}
