//! The state one analysis hands to the next, so that live dialogues stay stable.
//!
//! Pol.is's results depend on history: the set of participants in the conversation only grows,
//! the components start from the previous ones (which fixes their signs), k-means starts from
//! the previous clusters (which keeps cluster ids), the number of groups only changes after the
//! same new number has won several times, and statement routing priorities use the previous run's
//! group votes. [`PolisState`] carries exactly that from one run to the next; without one the
//! analysis starts cold.
//!
//! # Building a state from Pol.is's `math-pca2`
//!
//! All fields are public so that a state can be assembled from a Pol.is `math-pca2.json`:
//!
//! * `in_conv` from `in-conv`;
//! * `components` from `tids` and `pca.comps`, **as they are**: components carry no vote
//!   frame, and keeping their signs keeps the map's orientation (every coordinate this engine
//!   computes is then the negation of Pol.is's);
//! * `base_clusters` from `base-clusters` (`id`, `members`, and centre `(-x, -y)`);
//! * `group_clusterings` as `{k: group-clusters}` where `k` is the number of groups, with each
//!   centre **negated**: `math-pca2` coordinates are in Pol.is's raw frame where agree = −1,
//!   and the engine's are in agree = +1;
//! * `smoother` as `KSmoother { last_k: None, last_k_count: 0, smoothed_k: Some(k) }`, which
//!   keeps that k until another wins `k_buffer` runs in a row (`math-pca2` does not include the
//!   smoother itself);
//! * `group_vote_totals` from `group-votes`: for each statement, `A`, `D` and `S` summed over
//!   the groups (counts have no frame: `A` counts agreements).
//!
//! Cluster centres are recomputed from the members' current positions on the next run, so the
//! centres in a state are informative only; their sign does not change the result.

use std::collections::BTreeMap;

use crate::clusters::{BaseCluster, GroupCluster, KSmoother};
use crate::stats::Tally;
use crate::votes::{ParticipantId, StatementId};

/// Principal components keyed by statement, so they can be aligned with a later matrix.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StateComponents {
    /// The statements, one per entry of each vector.
    pub statements: Vec<StatementId>,
    /// The two components (unit length, or all zeros where no component existed).
    pub vectors: [Vec<f64>; 2],
}

/// Everything the next Pol.is analysis needs from this one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PolisState {
    /// Participants admitted to clustering so far, ascending; the set never shrinks.
    pub in_conv: Vec<ParticipantId>,
    /// The components of this run, if any.
    pub components: Option<StateComponents>,
    /// Base clusters, sorted by id (centres in agree = +1).
    pub base_clusters: Vec<BaseCluster>,
    /// The group clustering for every k tried, each sorted by id (centres in agree = +1).
    pub group_clusterings: BTreeMap<usize, Vec<GroupCluster>>,
    /// The k smoother.
    pub smoother: KSmoother,
    /// Votes of all grouped participants per statement, summed over groups, ascending by
    /// statement; the next run's routing priorities read them.
    pub group_vote_totals: Vec<(StatementId, Tally)>,
}

impl PolisState {
    /// Returns the components aligned to the given statements (0 for statements the state does
    /// not know), or `None` when the state has no components.
    pub fn components_for(&self, statements: &[StatementId]) -> Option<[Vec<f64>; 2]> {
        let components = self.components.as_ref()?;
        let mut index: Vec<(StatementId, usize)> = components
            .statements
            .iter()
            .enumerate()
            .map(|(position, &statement)| (statement, position))
            .collect();
        index.sort_unstable();
        let align = |vector: &[f64]| -> Vec<f64> {
            statements
                .iter()
                .map(|statement| {
                    index
                        .binary_search_by_key(statement, |&(id, _)| id)
                        .ok()
                        .and_then(|found| vector.get(index[found].1))
                        .copied()
                        .filter(|x| x.is_finite())
                        .unwrap_or(0.0)
                })
                .collect()
        };
        let [first, second] = &components.vectors;
        Some([align(first), align(second)])
    }

    /// Returns the group vote totals aligned to the given statements (zero for statements the
    /// state does not know).
    pub fn vote_totals_for(&self, statements: &[StatementId]) -> Vec<Tally> {
        let mut totals = self.group_vote_totals.clone();
        totals.sort_by_key(|&(statement, _)| statement);
        statements
            .iter()
            .map(|statement| {
                totals
                    .binary_search_by_key(statement, |&(id, _)| id)
                    .map(|found| totals[found].1)
                    .unwrap_or_default()
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "these results are exact by construction")]
mod tests {
    use super::*;

    #[test]
    fn components_are_aligned_by_statement_and_new_ones_count_zero() {
        let state = PolisState {
            components: Some(StateComponents {
                statements: vec![StatementId(7), StatementId(2)],
                vectors: [vec![0.6, 0.8], vec![0.8, -0.6]],
            }),
            ..PolisState::default()
        };
        let aligned = state
            .components_for(&[StatementId(2), StatementId(5), StatementId(7)])
            .unwrap();
        assert_eq!(aligned, [vec![0.8, 0.0, 0.6], vec![-0.6, 0.0, 0.8]]);
        assert_eq!(
            PolisState::default().components_for(&[StatementId(1)]),
            None
        );
    }

    #[test]
    fn vote_totals_are_aligned_by_statement() {
        let tally = Tally {
            agree: 3,
            disagree: 1,
            seen: 5,
        };
        let state = PolisState {
            group_vote_totals: vec![(StatementId(4), tally)],
            ..PolisState::default()
        };
        assert_eq!(
            state.vote_totals_for(&[StatementId(1), StatementId(4)]),
            vec![Tally::default(), tally]
        );
    }
}
