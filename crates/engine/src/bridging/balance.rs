//! The weights of the group-balanced fit: each opinion group's participants together weigh the
//! same, shared among the members in proportion to their analysis weights.

use std::collections::BTreeMap;

use super::BridgingExclusion;
use super::selection::Selection;

/// Each matrix row's analysis weight and opinion group, or why the balanced fit leaves it out.
#[derive(Debug)]
pub(super) struct Balance {
    rows: Vec<Result<(f64, Option<usize>), BridgingExclusion>>,
}

impl Balance {
    /// Reads the rows' groups and analysis weights (rows beyond either slice: no group, weight 1).
    pub(super) fn new(
        n_rows: usize,
        groups: &[Option<usize>],
        participant_weights: Option<&[f64]>,
    ) -> Balance {
        let weight_of =
            |row: usize| participant_weights.and_then(|weights| weights.get(row).copied());
        let group_of = |row: usize| groups.get(row).copied().flatten();
        let has_weight = |row: usize| weight_of(row).is_none_or(|w| w.is_finite() && w > 0.0);
        let has_groups = (0..n_rows).any(|row| has_weight(row) && group_of(row).is_some());
        let rows = (0..n_rows)
            .map(|row| {
                if !has_weight(row) {
                    Err(BridgingExclusion::NoAnalysisWeight)
                } else if has_groups && group_of(row).is_none() {
                    Err(BridgingExclusion::NoOpinionGroup)
                } else {
                    Ok((weight_of(row).unwrap_or(1.0), group_of(row)))
                }
            })
            .collect();
        Balance { rows }
    }

    /// Returns, per matrix row, why the row is left out of the balanced fit, if it is.
    pub(super) fn left_out(&self) -> Vec<Option<BridgingExclusion>> {
        self.rows.iter().map(|row| row.err()).collect()
    }

    /// Returns the weight of each participant the selection kept (in dense order) and how many
    /// opinion groups share the weight. Each group among the kept participants (or all of them,
    /// when none is in a group) gets the same total weight; the weights sum to the number of
    /// kept participants.
    pub(super) fn weights(&self, selection: &Selection) -> (Vec<f64>, usize) {
        let kept: Vec<(f64, Option<usize>)> = selection
            .participant_slots
            .iter()
            .zip(&self.rows)
            .filter(|(slot, _)| slot.is_ok())
            .filter_map(|(_, row)| row.ok())
            .collect();
        debug_assert_eq!(kept.len(), selection.ratings.n_participants());
        let mut group_totals: BTreeMap<Option<usize>, f64> = BTreeMap::new();
        for &(weight, group) in &kept {
            *group_totals.entry(group).or_default() += weight;
        }
        let n_groups = group_totals.keys().filter(|group| group.is_some()).count();
        let n_shares = group_totals.len() as f64;
        let n_kept = kept.len() as f64;
        let weights = kept
            .iter()
            .map(|&(weight, group)| weight * (n_kept / (n_shares * group_totals[&group])))
            .collect();
        (weights, n_groups)
    }
}
