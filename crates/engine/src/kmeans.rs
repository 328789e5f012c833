//! k-means with the Pol.is initialisation, step and stopping rules.
//!
//! Points are 2-D (projections of participants, or centres of base clusters), optionally
//! weighted. The rules follow Pol.is's `clusters.clj`:
//!
//! * **cold start**: the first `k` distinct points in data order become the centres, with ids
//!   `0..k`;
//! * **warm start** ([`clean_start_clusters`]): previous clusters are recentred on the current
//!   positions of their surviving members, clusters with identical centres are merged, and the
//!   most distal point is split off into a new cluster until there are `min(k, distinct points)`
//!   clusters or every point sits on a centre;
//! * **step**: every point goes to the nearest centre (Euclidean distance; on an exact tie the
//!   cluster that comes last in cluster order wins), empty clusters are dropped, and each centre
//!   becomes the weighted mean of its members;
//! * **stop**: after a step, when the iteration budget is spent or when the sorted centre lists
//!   of two consecutive clusterings pair up within distance 0.01; at most `max_iters + 1` steps.
//!
//! Clusters are kept in ascending id order, which is also the tie-breaking order. (Pol.is's
//! order for more than eight clusters is that of a hash map; ties between two distinct centres
//! at exactly the same distance from a point are the only place where that could matter.)
//!
//! Speed comes without changing a single assignment. The nearest-centre search sorts the
//! centres by x and scans outwards from the point, so it visits only the centres that can be
//! nearest. Between steps, each point keeps an upper bound on the distance to its centre and a
//! lower bound on the distance to every other centre (Hamerly's method); a point whose bounds
//! prove, with a margin far above rounding, that its centre is strictly the nearest is not
//! searched again. Points near a tie are always searched, so the tie rule above holds. The
//! searches run in parallel over fixed chunks of points.

use std::collections::HashSet;

use rayon::prelude::*;

/// Centres closer than this between two consecutive steps count as unchanged.
pub const SAME_CLUSTERING_THRESHOLD: f64 = 0.01;

/// Points per parallel assignment task.
const ASSIGN_CHUNK: usize = 4096;

/// A cluster of points, identified by index into the data.
#[derive(Clone, Debug, PartialEq)]
pub struct KmeansCluster {
    /// The cluster's id, stable across warm starts.
    pub id: usize,
    /// Indices of the member points, in data order.
    pub members: Vec<usize>,
    /// Weighted mean of the members' positions.
    pub center: [f64; 2],
}

/// Returns the Euclidean distance between two points.
pub fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    let dx = a[0] - b[0];
    let dy = a[1] - b[1];
    (dx * dx + dy * dy).sqrt()
}

/// A point's coordinates as a hashable key, with −0 and +0 identified.
fn point_key(point: [f64; 2]) -> (u64, u64) {
    ((point[0] + 0.0).to_bits(), (point[1] + 0.0).to_bits())
}

/// Returns the number of distinct points, counting no further than `limit`.
fn distinct_points_up_to(points: &[[f64; 2]], limit: usize) -> usize {
    let mut seen = HashSet::new();
    for &point in points {
        if seen.len() >= limit {
            break;
        }
        seen.insert(point_key(point));
    }
    seen.len().min(limit)
}

/// Returns the cold-start clusters: the first `k` distinct points in data order, ids `0..k`,
/// without members.
pub fn init_clusters(points: &[[f64; 2]], k: usize) -> Vec<KmeansCluster> {
    let mut seen = HashSet::new();
    let mut clusters = Vec::new();
    for &point in points {
        if clusters.len() >= k {
            break;
        }
        if seen.insert(point_key(point)) {
            clusters.push(KmeansCluster {
                id: clusters.len(),
                members: Vec::new(),
                center: point,
            });
        }
    }
    clusters
}

/// Returns the weight of a point: 1 when unweighted or when the weights stop short.
fn weight_of(weights: Option<&[f64]>, point: usize) -> f64 {
    weights.and_then(|w| w.get(point)).copied().unwrap_or(1.0)
}

/// Returns the weighted mean of the given points (weight 1 each when unweighted).
fn weighted_mean(points: &[[f64; 2]], weights: Option<&[f64]>, members: &[usize]) -> [f64; 2] {
    let mut sum = [0.0, 0.0];
    let mut total = 0.0;
    for &member in members {
        let weight = weight_of(weights, member);
        sum[0] += weight * points[member][0];
        sum[1] += weight * points[member][1];
        total += weight;
    }
    if total > 0.0 {
        [sum[0] / total, sum[1] / total]
    } else {
        [0.0, 0.0]
    }
}

/// Centres sorted by x, for the pruned nearest-centre search.
struct CentreIndex {
    /// (x, y, position in cluster order), ascending by x.
    sorted: Vec<(f64, f64, usize)>,
}

impl CentreIndex {
    fn new(centers: &[[f64; 2]]) -> CentreIndex {
        let mut sorted: Vec<(f64, f64, usize)> = centers
            .iter()
            .enumerate()
            .map(|(position, c)| (c[0], c[1], position))
            .collect();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        CentreIndex { sorted }
    }

    /// Visits centres outwards from `point` in x, nearest x-gap first, while a centre's x-gap
    /// alone could still be within `bound()` (a squared distance); stops once it cannot.
    fn scan_outwards(
        &self,
        point: [f64; 2],
        mut bound: impl FnMut() -> f64,
        mut visit: impl FnMut([f64; 2], usize),
    ) {
        let start = self.sorted.partition_point(|c| c.0 < point[0]);
        let mut right = start;
        let mut left = start;
        loop {
            // The margin keeps rounding in the distance from pruning a true tie.
            let limit = bound() * (1.0 + 1e-12);
            let right_gap = self.sorted.get(right).map(|c| c.0 - point[0]);
            let left_gap = left
                .checked_sub(1)
                .map(|index| point[0] - self.sorted[index].0);
            let right_open = right_gap.is_some_and(|gap| gap * gap <= limit);
            let left_open = left_gap.is_some_and(|gap| gap * gap <= limit);
            let take_left = match (left_open, right_open) {
                (false, false) => break,
                (true, true) => left_gap <= right_gap,
                (left_open, _) => left_open,
            };
            let (x, y, position) = if take_left {
                left -= 1;
                self.sorted[left]
            } else {
                right += 1;
                self.sorted[right - 1]
            };
            visit([x, y], position);
        }
    }

    /// Returns the nearest centre; among centres at exactly the same distance, the one latest
    /// in cluster order.
    fn nearest(&self, point: [f64; 2]) -> Nearest {
        let best = std::cell::Cell::new(Nearest::none());
        self.scan_outwards(
            point,
            || best.get().squared,
            |centre, position| {
                let mut updated = best.get();
                updated.consider(point, centre, position);
                best.set(updated);
            },
        );
        best.get()
    }

    /// Returns the nearest centre as [`CentreIndex::nearest`] does, and the distance to the
    /// nearest of the other centres (infinite when there is none).
    fn nearest_two(&self, point: [f64; 2]) -> (Nearest, f64) {
        let best = std::cell::Cell::new(Nearest::none());
        let second = std::cell::Cell::new(f64::INFINITY);
        self.scan_outwards(
            point,
            || second.get() * second.get(),
            |centre, position| {
                let previous = best.get();
                let mut updated = previous;
                updated.consider(point, centre, position);
                let loser = if updated == previous {
                    distance(point, centre)
                } else {
                    previous.distance()
                };
                best.set(updated);
                second.set(second.get().min(loser));
            },
        );
        (best.get(), second.get())
    }
}

/// The nearest centre found so far, kept as a squared distance.
///
/// Pol.is compares Euclidean distances (square roots) and, among equal ones, keeps the latest
/// centre. Square roots are monotone, so squared distances decide, except that two different
/// squares may round to the same root; roots are compared only when the squares are within a
/// few ulps of each other.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Nearest {
    squared: f64,
    position: usize,
}

impl Nearest {
    fn none() -> Nearest {
        Nearest {
            squared: f64::INFINITY,
            position: 0,
        }
    }

    fn distance(self) -> f64 {
        self.squared.sqrt()
    }

    fn consider(&mut self, point: [f64; 2], center: [f64; 2], position: usize) {
        let dx = point[0] - center[0];
        let dy = point[1] - center[1];
        let squared = dx * dx + dy * dy;
        let wins = if (squared - self.squared).abs() <= 1e-15 * self.squared {
            let (root, best_root) = (squared.sqrt(), self.squared.sqrt());
            root < best_root || (root.to_bits() == best_root.to_bits() && position > self.position)
        } else {
            squared < self.squared
        };
        if wins {
            self.squared = squared;
            self.position = position;
        }
    }
}

/// Returns, for every point, the position (in cluster order) of its nearest centre.
fn assign(points: &[[f64; 2]], centers: &[[f64; 2]]) -> Vec<usize> {
    let index = CentreIndex::new(centers);
    points
        .par_chunks(ASSIGN_CHUNK)
        .flat_map_iter(|chunk| chunk.iter().map(|&point| index.nearest(point).position))
        .collect()
}

/// One k-means step: assigns every point to its nearest centre, drops empty clusters and
/// recentres the rest on the weighted mean of their members.
pub fn step(
    points: &[[f64; 2]],
    weights: Option<&[f64]>,
    clusters: &[KmeansCluster],
) -> Vec<KmeansCluster> {
    let centers: Vec<[f64; 2]> = clusters.iter().map(|c| c.center).collect();
    let assignment = assign(points, &centers);
    let recentred = recentre(points, weights, clusters, &assignment);
    let mut next = recentred.clusters;
    fill_members(&mut next, &recentred.slots);
    next
}

/// The clusters after a step, before their member lists are filled.
struct Recentred {
    /// Surviving clusters with their new centres (members empty).
    clusters: Vec<KmeansCluster>,
    /// Each point's cluster, as an index into `clusters`.
    slots: Vec<usize>,
    /// For each surviving cluster, its position before the step.
    survivors: Vec<usize>,
}

/// Drops clusters no point was assigned to and recentres the others. Centres are weighted sums
/// in data order, exactly as [`weighted_mean`] over the members computes them.
fn recentre(
    points: &[[f64; 2]],
    weights: Option<&[f64]>,
    clusters: &[KmeansCluster],
    assignment: &[usize],
) -> Recentred {
    let mut sums = vec![([0.0, 0.0], 0.0, 0usize); clusters.len()];
    for (point, &position) in assignment.iter().enumerate() {
        let weight = weight_of(weights, point);
        let (sum, total, count) = &mut sums[position];
        sum[0] += weight * points[point][0];
        sum[1] += weight * points[point][1];
        *total += weight;
        *count += 1;
    }
    let mut slot_of_position = vec![0; clusters.len()];
    let mut next = Vec::new();
    let mut survivors = Vec::new();
    for (position, (cluster, &(sum, total, count))) in clusters.iter().zip(&sums).enumerate() {
        if count > 0 {
            slot_of_position[position] = next.len();
            survivors.push(position);
            next.push(KmeansCluster {
                id: cluster.id,
                members: Vec::new(),
                center: if total > 0.0 {
                    [sum[0] / total, sum[1] / total]
                } else {
                    [0.0, 0.0]
                },
            });
        }
    }
    Recentred {
        clusters: next,
        slots: assignment.iter().map(|&p| slot_of_position[p]).collect(),
        survivors,
    }
}

/// Fills the members of clusters from the index of each point's cluster.
fn fill_members(clusters: &mut [KmeansCluster], slots: &[usize]) {
    for (point, &slot) in slots.iter().enumerate() {
        clusters[slot].members.push(point);
    }
}

/// Per-point distance bounds that let a step skip points whose nearest centre cannot have
/// changed (Hamerly's method).
///
/// `upper` bounds the distance to the assigned centre from above and `lower` the distance to
/// every other centre from below. A point is only skipped when `upper` is below `lower` by a
/// margin far larger than rounding, so it is strictly nearest to its centre and no tie can be
/// involved: skipping never changes an assignment.
struct Bounds {
    position: Vec<usize>,
    upper: Vec<f64>,
    lower: Vec<f64>,
    margin: f64,
}

impl Bounds {
    /// Assigns every point by a full search.
    fn new(points: &[[f64; 2]], index: &CentreIndex, margin: f64) -> Bounds {
        let found: Vec<(Nearest, f64)> = points
            .par_chunks(ASSIGN_CHUNK)
            .flat_map_iter(|chunk| chunk.iter().map(|&point| index.nearest_two(point)))
            .collect();
        Bounds {
            position: found.iter().map(|(best, _)| best.position).collect(),
            upper: found.iter().map(|(best, _)| best.distance()).collect(),
            lower: found.iter().map(|&(_, second)| second).collect(),
            margin,
        }
    }

    /// Reassigns the points whose bounds no longer prove their assignment.
    fn refresh(&mut self, points: &[[f64; 2]], centers: &[[f64; 2]], index: &CentreIndex) {
        let margin = self.margin;
        // Half the distance from each centre to its nearest other centre: a point closer than
        // that to its own centre is nearer to it than to any other (Hamerly's second test).
        let half_gap: Vec<f64> = centers
            .iter()
            .enumerate()
            .map(|(position, &center)| {
                let nearest_other = centers
                    .iter()
                    .enumerate()
                    .filter(|&(other, _)| other != position)
                    .map(|(_, &other)| distance(center, other))
                    .fold(f64::INFINITY, f64::min);
                0.5 * nearest_other
            })
            .collect();
        self.position
            .par_chunks_mut(ASSIGN_CHUNK)
            .zip(self.upper.par_chunks_mut(ASSIGN_CHUNK))
            .zip(self.lower.par_chunks_mut(ASSIGN_CHUNK))
            .zip(points.par_chunks(ASSIGN_CHUNK))
            .for_each(|(((position, upper), lower), chunk)| {
                for (i, &point) in chunk.iter().enumerate() {
                    let limit = lower[i].max(half_gap[position[i]]);
                    if upper[i] + margin < limit {
                        continue;
                    }
                    upper[i] = distance(point, centers[position[i]]);
                    if upper[i] + margin < limit {
                        continue;
                    }
                    let (best, second) = index.nearest_two(point);
                    position[i] = best.position;
                    upper[i] = best.distance();
                    lower[i] = second;
                }
            });
    }

    /// Carries the bounds over to the recentred clusters.
    fn shift(&mut self, old: &[[f64; 2]], recentred: &Recentred) {
        let moves: Vec<f64> = recentred
            .survivors
            .iter()
            .zip(&recentred.clusters)
            .map(|(&position, cluster)| distance(old[position], cluster.center))
            .collect();
        // The largest move and the largest among the other centres, for the lower bounds.
        let mut largest = (0.0, usize::MAX);
        let mut runner_up = 0.0;
        for (slot, &moved) in moves.iter().enumerate() {
            if moved > largest.0 {
                runner_up = largest.0;
                largest = (moved, slot);
            } else if moved > runner_up {
                runner_up = moved;
            }
        }
        self.position.copy_from_slice(&recentred.slots);
        for ((upper, lower), &slot) in self
            .upper
            .iter_mut()
            .zip(&mut self.lower)
            .zip(&self.position)
        {
            *upper += moves[slot];
            *lower -= if slot == largest.1 {
                runner_up
            } else {
                largest.0
            };
        }
    }
}

/// Returns whether two clusterings have the same centres within `threshold`: both centre lists
/// are sorted and paired up in order (the longer list's extra centres are ignored).
pub fn same_clustering(a: &[KmeansCluster], b: &[KmeansCluster], threshold: f64) -> bool {
    let sorted = |clusters: &[KmeansCluster]| {
        let mut centers: Vec<[f64; 2]> = clusters.iter().map(|c| c.center).collect();
        centers.sort_by(|p, q| p[0].total_cmp(&q[0]).then(p[1].total_cmp(&q[1])));
        centers
    };
    sorted(a)
        .into_iter()
        .zip(sorted(b))
        .all(|(p, q)| distance(p, q) < threshold)
}

/// Prepares previous clusters as the start of a new clustering of the current points.
///
/// Members are point indices; indices out of range are dropped, and a point claimed by several
/// previous clusters stays in the first. See the module docs for the rules.
pub fn clean_start_clusters(
    points: &[[f64; 2]],
    weights: Option<&[f64]>,
    previous: &[KmeansCluster],
    k: usize,
) -> Vec<KmeansCluster> {
    let n = points.len();
    let mut claimed = vec![false; n];
    let mut clusters: Vec<KmeansCluster> = Vec::new();
    for cluster in previous {
        let survivors: Vec<usize> = cluster
            .members
            .iter()
            .copied()
            .filter(|&member| member < n && !std::mem::replace(&mut claimed[member], true))
            .collect();
        if !survivors.is_empty() {
            clusters.push(KmeansCluster {
                id: cluster.id,
                center: weighted_mean(points, weights, &survivors),
                members: survivors,
            });
        }
    }
    if clusters.is_empty() {
        let all: Vec<usize> = (0..n).collect();
        clusters.push(KmeansCluster {
            id: previous.iter().map(|c| c.id + 1).max().unwrap_or(0),
            center: weighted_mean(points, weights, &all),
            members: all,
        });
    }

    // Merge clusters whose centres coincide; the bigger one (on equal size, the later one)
    // lends its id.
    let mut unique: Vec<KmeansCluster> = Vec::new();
    for cluster in clusters {
        let twin = unique
            .iter()
            .position(|u| point_key(u.center) == point_key(cluster.center));
        match twin {
            Some(index) => {
                let first = &mut unique[index];
                if cluster.members.len() >= first.members.len() {
                    first.id = cluster.id;
                }
                first.members.extend(cluster.members);
            }
            None => unique.push(cluster),
        }
    }
    let mut clusters = unique;
    for cluster in &mut clusters {
        cluster.center = weighted_mean(points, weights, &cluster.members);
    }

    let possible = k.min(distinct_points_up_to(points, k));
    if clusters.len() >= possible || n == 0 {
        return clusters;
    }

    // Split off the most distal point until enough clusters exist. Nearest centres are kept
    // per point and only refreshed where a centre changed.
    let mut owner: Vec<Option<usize>> = vec![None; n];
    for (position, cluster) in clusters.iter().enumerate() {
        for &member in &cluster.members {
            owner[member] = Some(position);
        }
    }
    let centers: Vec<[f64; 2]> = clusters.iter().map(|c| c.center).collect();
    let index = CentreIndex::new(&centers);
    let mut nearest: Vec<Nearest> = points.par_iter().map(|&p| index.nearest(p)).collect();

    while clusters.len() < possible {
        // The most distal point; on equal distances the last one in data order.
        let mut outlier = 0;
        let mut farthest = f64::NEG_INFINITY;
        for (point, entry) in nearest.iter().enumerate() {
            let distance = entry.distance();
            if distance >= farthest {
                outlier = point;
                farthest = distance;
            }
        }
        if farthest.is_nan() || farthest <= 0.0 {
            break;
        }
        let new_position = clusters.len();
        let new_id = clusters.iter().map(|c| c.id).max().map_or(0, |id| id + 1);
        let changed = owner[outlier];
        if let Some(position) = changed {
            clusters[position]
                .members
                .retain(|&member| member != outlier);
            if clusters[position].members.is_empty() {
                // Cannot happen with positive weights (a lone member sits on its centre), but a
                // cluster must never be recentred on nothing.
                clusters.remove(position);
                for entry in owner.iter_mut().flatten() {
                    if *entry > position {
                        *entry -= 1;
                    }
                }
                owner[outlier] = None;
                clusters.push(KmeansCluster {
                    id: new_id,
                    members: vec![outlier],
                    center: points[outlier],
                });
                owner[outlier] = Some(clusters.len() - 1);
                let centers: Vec<[f64; 2]> = clusters.iter().map(|c| c.center).collect();
                let index = CentreIndex::new(&centers);
                nearest = points.par_iter().map(|&p| index.nearest(p)).collect();
                continue;
            }
            let center = weighted_mean(points, weights, &clusters[position].members);
            clusters[position].center = center;
        }
        clusters.push(KmeansCluster {
            id: new_id,
            members: vec![outlier],
            center: points[outlier],
        });
        owner[outlier] = Some(new_position);

        let centers: Vec<[f64; 2]> = clusters.iter().map(|c| c.center).collect();
        let index = CentreIndex::new(&centers);
        let new_center = points[outlier];
        nearest
            .par_iter_mut()
            .zip(points.par_iter())
            .for_each(|(entry, &point)| {
                if Some(entry.position) == changed {
                    *entry = index.nearest(point);
                    return;
                }
                let mut candidates = [(new_position, new_center); 2];
                let mut count = 1;
                if let Some(position) = changed {
                    candidates = [(position, centers[position]), (new_position, new_center)];
                    count = 2;
                }
                for &(position, center) in &candidates[..count] {
                    entry.consider(point, center, position);
                }
            });
    }
    clusters
}

/// Runs k-means and returns the clusters sorted by id, members in data order.
///
/// `weights[i]` weighs point `i` in the centres (1 without weights, or past the slice's end).
/// With `start` holding previous clusters (members as point indices) the run is warm-started
/// by [`clean_start_clusters`]; with `None` or an empty slice it starts cold. At most
/// `max_iters + 1` steps run.
pub fn kmeans(
    points: &[[f64; 2]],
    weights: Option<&[f64]>,
    k: usize,
    start: Option<&[KmeansCluster]>,
    max_iters: usize,
) -> Vec<KmeansCluster> {
    if points.is_empty() || k == 0 {
        return Vec::new();
    }
    let mut clusters = match start {
        Some(previous) if !previous.is_empty() => {
            clean_start_clusters(points, weights, previous, k)
        }
        _ => init_clusters(points, k),
    };
    clusters.sort_by_key(|c| c.id);
    // Rounding in distances of points this far from the origin stays far below the margin.
    let scale = points
        .iter()
        .chain(clusters.iter().map(|c| &c.center))
        .flat_map(|p| p.iter())
        .fold(0.0f64, |largest, x| largest.max(x.abs()));
    let margin = 1e-9 * scale.max(f64::MIN_POSITIVE);
    let mut bounds: Option<Bounds> = None;
    let mut remaining = max_iters;
    loop {
        let centers: Vec<[f64; 2]> = clusters.iter().map(|c| c.center).collect();
        let index = CentreIndex::new(&centers);
        let current = match bounds.as_mut() {
            Some(current) => {
                current.refresh(points, &centers, &index);
                current
            }
            None => bounds.insert(Bounds::new(points, &index, margin)),
        };
        let recentred = recentre(points, weights, &clusters, &current.position);
        if remaining == 0
            || same_clustering(&clusters, &recentred.clusters, SAME_CLUSTERING_THRESHOLD)
        {
            let mut next = recentred.clusters;
            fill_members(&mut next, &recentred.slots);
            return next;
        }
        current.shift(&centers, &recentred);
        clusters = recentred.clusters;
        remaining -= 1;
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "these results are exact by construction")]
mod tests {
    use super::*;

    fn ids(clusters: &[KmeansCluster]) -> Vec<usize> {
        clusters.iter().map(|c| c.id).collect()
    }

    fn members(clusters: &[KmeansCluster]) -> Vec<Vec<usize>> {
        clusters.iter().map(|c| c.members.clone()).collect()
    }

    #[test]
    fn cold_init_takes_the_first_distinct_points_in_order() {
        let points = [
            [1.0, 1.0],
            [1.0, 1.0],
            [0.0, -0.0],
            [0.0, 0.0],
            [5.0, 5.0],
            [6.0, 6.0],
        ];
        let clusters = init_clusters(&points, 3);
        assert_eq!(ids(&clusters), vec![0, 1, 2]);
        let centers: Vec<[f64; 2]> = clusters.iter().map(|c| c.center).collect();
        assert_eq!(centers, vec![[1.0, 1.0], [0.0, -0.0], [5.0, 5.0]]);
    }

    #[test]
    fn fewer_distinct_points_give_fewer_clusters() {
        let points = [[1.0, 2.0], [1.0, 2.0], [3.0, 4.0]];
        let clusters = kmeans(&points, None, 5, None, 10);
        assert_eq!(members(&clusters), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn an_exact_tie_goes_to_the_last_cluster_in_order() {
        let clusters = vec![
            KmeansCluster {
                id: 0,
                members: vec![],
                center: [-1.0, 0.0],
            },
            KmeansCluster {
                id: 1,
                members: vec![],
                center: [1.0, 0.0],
            },
            KmeansCluster {
                id: 2,
                members: vec![],
                center: [0.0, 1.0],
            },
        ];
        // The origin is at distance 1 from all three centres.
        let next = step(&[[0.0, 0.0], [-2.0, 0.0]], None, &clusters);
        assert_eq!(ids(&next), vec![0, 2]);
        assert_eq!(members(&next), vec![vec![1], vec![0]]);
    }

    #[test]
    fn the_pruned_search_agrees_with_a_full_scan() {
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Coarse values make exact ties common.
            ((state >> 33) % 9) as f64 - 4.0
        };
        let centers: Vec<[f64; 2]> = (0..40).map(|_| [next(), next()]).collect();
        let index = CentreIndex::new(&centers);
        for _ in 0..500 {
            let point = [next() / 2.0, next() / 2.0];
            let mut expected = (f64::INFINITY, 0);
            for (position, &c) in centers.iter().enumerate() {
                let d = distance(point, c);
                if d <= expected.0 {
                    expected = (d, position);
                }
            }
            let found = index.nearest(point);
            assert_eq!(
                (found.distance(), found.position),
                expected,
                "point {point:?}"
            );
        }
    }

    /// Pol.is's loop, step by step, without distance bounds.
    fn plain_kmeans(
        points: &[[f64; 2]],
        weights: Option<&[f64]>,
        k: usize,
        max_iters: usize,
    ) -> Vec<KmeansCluster> {
        let mut clusters = init_clusters(points, k);
        let mut remaining = max_iters;
        loop {
            let next = step(points, weights, &clusters);
            if remaining == 0 || same_clustering(&clusters, &next, SAME_CLUSTERING_THRESHOLD) {
                return next;
            }
            clusters = next;
            remaining -= 1;
        }
    }

    #[test]
    fn skipping_by_distance_bounds_never_changes_the_result() {
        let mut state = 5u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 33
        };
        for round in 0..6 {
            // Coarse grids make exact ties common; fine ones make long runs.
            let grid = if round % 2 == 0 { 7 } else { 100_000 };
            let points: Vec<[f64; 2]> = (0..5000)
                .map(|i| {
                    let blob = f64::from(u32::try_from(i % 3).unwrap()) * 3.0;
                    let x = (next() % grid) as f64 / grid as f64;
                    let y = (next() % grid) as f64 / grid as f64;
                    [blob + x, blob * 0.5 + y]
                })
                .collect();
            let weights: Vec<f64> = (0..5000).map(|_| (next() % 5 + 1) as f64).collect();
            let w = (round >= 3).then_some(weights.as_slice());
            for k in [2, 7, 40] {
                assert_eq!(
                    kmeans(&points, w, k, None, 100),
                    plain_kmeans(&points, w, k, 100),
                    "round {round} k {k}"
                );
            }
        }
    }

    #[test]
    fn empty_clusters_are_dropped_and_centres_are_weighted_means() {
        let points = [[0.0, 0.0], [3.0, 0.0], [10.0, 0.0]];
        let weights = [1.0, 2.0, 1.0];
        let clusters = vec![
            KmeansCluster {
                id: 4,
                members: vec![],
                center: [1.0, 0.0],
            },
            KmeansCluster {
                id: 7,
                members: vec![],
                center: [100.0, 0.0],
            },
            KmeansCluster {
                id: 9,
                members: vec![],
                center: [10.0, 0.0],
            },
        ];
        let next = step(&points, Some(&weights), &clusters);
        assert_eq!(ids(&next), vec![4, 9]);
        assert_eq!(next[0].center, [2.0, 0.0]);
        assert_eq!(next[1].center, [10.0, 0.0]);
    }

    #[test]
    fn same_clustering_pairs_sorted_centres_and_uses_a_strict_threshold() {
        let make = |centers: &[[f64; 2]]| -> Vec<KmeansCluster> {
            centers
                .iter()
                .enumerate()
                .map(|(id, &center)| KmeansCluster {
                    id,
                    members: vec![],
                    center,
                })
                .collect()
        };
        let a = make(&[[0.0, 0.0], [1.0, 1.0]]);
        let b = make(&[[1.0, 1.005], [0.0, 0.0]]);
        assert!(same_clustering(&a, &b, 0.01));
        let c = make(&[[1.0, 1.01], [0.0, 0.0]]);
        assert!(!same_clustering(&a, &c, 0.01));
        // Extra centres are ignored by the pairing.
        let d = make(&[[0.0, 0.0], [1.0, 1.0], [9.0, 9.0]]);
        assert!(same_clustering(&a, &d, 0.01));
    }

    #[test]
    fn the_iteration_budget_bounds_the_number_of_steps() {
        // A slowly converging chain: with no iterations left, exactly one step runs.
        let points: Vec<[f64; 2]> = (0..30)
            .map(|i| [f64::from(i) * f64::from(i), 0.0])
            .collect();
        let one_step = kmeans(&points, None, 2, None, 0);
        let expected = step(&points, None, &init_clusters(&points, 2));
        assert_eq!(one_step, expected);
        let converged = kmeans(&points, None, 2, None, 100);
        let again = step(&points, None, &converged);
        assert!(same_clustering(
            &converged,
            &again,
            SAME_CLUSTERING_THRESHOLD
        ));
    }

    #[test]
    fn a_warm_start_keeps_ids_and_adds_the_most_distal_point() {
        let points = [
            [0.0, 0.0],
            [0.1, 0.0],
            [10.0, 0.0],
            [10.1, 0.0],
            [50.0, 0.0],
        ];
        let previous = vec![
            KmeansCluster {
                id: 3,
                members: vec![0, 1],
                center: [0.0, 0.0],
            },
            KmeansCluster {
                id: 8,
                members: vec![2, 3, 99],
                center: [0.0, 0.0],
            },
        ];
        let start = clean_start_clusters(&points, None, &previous, 3);
        assert_eq!(ids(&start), vec![3, 8, 9]);
        assert_eq!(start[2].members, vec![4]);
        assert_eq!(start[2].center, [50.0, 0.0]);
        assert!((start[1].center[0] - 10.05).abs() < 1e-12);
        let clusters = kmeans(&points, None, 3, Some(&previous), 10);
        assert_eq!(members(&clusters), vec![vec![0, 1], vec![2, 3], vec![4]]);
    }

    #[test]
    fn warm_clusters_with_identical_centres_merge_under_the_bigger_id() {
        let points = [[1.0, 1.0], [1.0, 1.0], [1.0, 1.0], [5.0, 5.0]];
        let previous = vec![
            KmeansCluster {
                id: 0,
                members: vec![0],
                center: [0.0, 0.0],
            },
            KmeansCluster {
                id: 1,
                members: vec![1, 2],
                center: [0.0, 0.0],
            },
            KmeansCluster {
                id: 2,
                members: vec![3],
                center: [0.0, 0.0],
            },
        ];
        let start = clean_start_clusters(&points, None, &previous, 2);
        assert_eq!(ids(&start), vec![1, 2]);
        assert_eq!(start[0].members, vec![0, 1, 2]);
    }

    #[test]
    fn when_no_previous_member_survives_one_cluster_holds_everything() {
        let points = [[0.0, 0.0], [2.0, 0.0]];
        let previous = vec![KmeansCluster {
            id: 5,
            members: vec![10],
            center: [0.0, 0.0],
        }];
        let start = clean_start_clusters(&points, None, &previous, 1);
        assert_eq!(start.len(), 1);
        assert_eq!(start[0].id, 6);
        assert_eq!(start[0].center, [1.0, 0.0]);
    }

    #[test]
    fn splitting_stops_at_the_number_of_distinct_points() {
        let points = [[0.0, 0.0], [0.0, 0.0], [3.0, 0.0]];
        let previous = vec![KmeansCluster {
            id: 0,
            members: vec![0, 1, 2],
            center: [0.0, 0.0],
        }];
        let start = clean_start_clusters(&points, None, &previous, 10);
        assert_eq!(start.len(), 2);
        assert_eq!(start[1].members, vec![2]);
    }

    #[test]
    fn incremental_splitting_matches_recomputing_from_scratch() {
        let mut state = 11u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % 1000) as f64 / 100.0
        };
        let points: Vec<[f64; 2]> = (0..300).map(|_| [next(), next()]).collect();
        let previous = vec![
            KmeansCluster {
                id: 0,
                members: (0..150).collect(),
                center: [0.0, 0.0],
            },
            KmeansCluster {
                id: 1,
                members: (150..300).collect(),
                center: [0.0, 0.0],
            },
        ];
        let start = clean_start_clusters(&points, None, &previous, 12);
        assert_eq!(start.len(), 12);
        // Replay the same rule naively.
        let mut naive: Vec<KmeansCluster> = previous
            .iter()
            .map(|c| KmeansCluster {
                id: c.id,
                members: c.members.clone(),
                center: weighted_mean(&points, None, &c.members),
            })
            .collect();
        while naive.len() < 12 {
            let mut outlier = (0.0, 0);
            for (i, &p) in points.iter().enumerate() {
                let mut best = (f64::INFINITY, 0);
                for (position, c) in naive.iter().enumerate() {
                    let d = distance(p, c.center);
                    if d <= best.0 {
                        best = (d, position);
                    }
                }
                if best.0 >= outlier.0 {
                    outlier = (best.0, i);
                }
            }
            for c in &mut naive {
                c.members.retain(|&m| m != outlier.1);
                c.center = weighted_mean(&points, None, &c.members);
            }
            let id = naive.iter().map(|c| c.id).max().unwrap() + 1;
            naive.push(KmeansCluster {
                id,
                members: vec![outlier.1],
                center: points[outlier.1],
            });
        }
        assert_eq!(start, naive);
    }
}
