//! Leverage: MICMAC driving and dependence power from one breadth-first search per factor, and
//! betweenness centrality by Brandes' algorithm on the same searches.

use super::{FactorId, SystemMap};

/// Where a factor stands in the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FactorLeverage {
    /// The factor.
    pub factor: FactorId,
    /// How many factors it reaches, itself included.
    pub driving: usize,
    /// How many factors reach it, itself included.
    pub dependence: usize,
    /// Links into it.
    pub in_degree: usize,
    /// Links out of it.
    pub out_degree: usize,
    /// The sum over ordered pairs of other factors of the share of shortest paths through it.
    pub betweenness: f64,
}

/// Measures every factor, in ascending id.
pub(super) fn measure(map: &SystemMap) -> Vec<FactorLeverage> {
    let n = map.factor_count();
    let mut driving = vec![0usize; n];
    let mut dependence = vec![0usize; n];
    let mut betweenness = vec![0.0f64; n];
    // Reused across sources: distance, number of shortest paths, dependency, visiting order.
    let mut distance = vec![usize::MAX; n];
    let mut paths = vec![0.0f64; n];
    let mut dependency = vec![0.0f64; n];
    let mut order: Vec<usize> = Vec::with_capacity(n);
    for source in 0..n {
        for &v in &order {
            distance[v] = usize::MAX;
            paths[v] = 0.0;
            dependency[v] = 0.0;
        }
        order.clear();
        distance[source] = 0;
        paths[source] = 1.0;
        order.push(source);
        let mut head = 0;
        while head < order.len() {
            let u = order[head];
            head += 1;
            for arc in map.out(u) {
                let v = arc.node;
                if distance[v] == usize::MAX {
                    distance[v] = distance[u] + 1;
                    order.push(v);
                }
                if distance[v] == distance[u] + 1 {
                    paths[v] += paths[u];
                }
            }
        }
        driving[source] = order.len();
        for &v in &order {
            dependence[v] += 1;
        }
        // Back from the farthest: each node passes its dependency to its predecessors on
        // shortest paths, the nodes one step nearer with a link into it.
        for &w in order.iter().rev() {
            for arc in map.incoming(w) {
                let v = arc.node;
                if distance[v] != usize::MAX && distance[v] + 1 == distance[w] {
                    dependency[v] += paths[v] / paths[w] * (1.0 + dependency[w]);
                }
            }
            if w != source {
                betweenness[w] += dependency[w];
            }
        }
    }
    (0..n)
        .map(|v| FactorLeverage {
            factor: map.ids[v],
            driving: driving[v],
            dependence: dependence[v],
            in_degree: map.incoming(v).len(),
            out_degree: map.out(v).len(),
            betweenness: betweenness[v],
        })
        .collect()
}
