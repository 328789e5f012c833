//! Agree, disagree and pass counts per statement for everyone, every opinion group, every
//! constituency and the pooled lay and professional members, built in one pass over the votes.

use rayon::prelude::*;

use super::{Constituency, ConstituencyKind};
use crate::votes::{ParticipantId, VoteMatrix};

/// The votes one set of participants cast on one statement.
///
/// Passes count as seen, as in Pol.is: the agree rate is agree / seen, so a pass dilutes
/// agreement just as it does in Pol.is's group-informed consensus and representativeness.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Agree votes.
    pub agree: u64,
    /// Disagree votes.
    pub disagree: u64,
    /// Pass votes.
    pub pass: u64,
}

impl Tally {
    /// Returns the number of participants who saw the statement: agree + disagree + pass.
    pub fn seen(&self) -> u64 {
        self.agree + self.disagree + self.pass
    }

    /// Returns agree / seen, or `None` when nobody saw the statement.
    pub fn agree_rate(&self) -> Option<f64> {
        let seen = self.seen();
        // Counts stay far below 2^53, so the conversions are exact.
        (seen > 0).then(|| self.agree as f64 / seen as f64)
    }

    fn add(&mut self, value: i8) {
        match value {
            1 => self.agree += 1,
            -1 => self.disagree += 1,
            _ => self.pass += 1,
        }
    }

    fn merge(&mut self, other: &Tally) {
        self.agree += other.agree;
        self.disagree += other.disagree;
        self.pass += other.pass;
    }
}

/// Weighted votes of one set of participants on one statement: the sums of their weights.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WeightedTally {
    /// The weight of the agree votes.
    pub agree: f64,
    /// The weight of the disagree votes.
    pub disagree: f64,
    /// The weight of the passes.
    pub pass: f64,
    /// The sum of the squared weights of everyone who saw the statement.
    pub sum_of_squares: f64,
}

impl WeightedTally {
    /// Returns the weight of everyone who saw the statement.
    pub fn seen(&self) -> f64 {
        self.agree + self.disagree + self.pass
    }

    /// Returns the weighted agree rate, or `None` when nobody saw the statement.
    pub fn agree_rate(&self) -> Option<f64> {
        let seen = self.seen();
        (seen > 0.0).then(|| self.agree / seen)
    }

    /// Returns Kish's effective sample size, (Σw)² / Σw² (0 when nobody saw the statement).
    pub fn effective_size(&self) -> f64 {
        if self.sum_of_squares > 0.0 {
            let seen = self.seen();
            seen * seen / self.sum_of_squares
        } else {
            0.0
        }
    }

    fn add(&mut self, value: i8, weight: f64) {
        match value {
            1 => self.agree += weight,
            -1 => self.disagree += weight,
            _ => self.pass += weight,
        }
        self.sum_of_squares += weight * weight;
    }

    fn merge(&mut self, other: &WeightedTally) {
        self.agree += other.agree;
        self.disagree += other.disagree;
        self.pass += other.pass;
        self.sum_of_squares += other.sum_of_squares;
    }
}

/// Participants' constituency memberships, cleaned up: sorted by participant, each participant
/// once, indices in range, sorted and without repeats.
#[derive(Clone, Debug, Default)]
pub(crate) struct Memberships {
    entries: Vec<(ParticipantId, Vec<usize>)>,
    /// How many listed indices named no constituency and were dropped.
    pub(crate) unknown_indices: usize,
}

impl Memberships {
    pub(crate) fn new(raw: &[(ParticipantId, Vec<usize>)], n_constituencies: usize) -> Self {
        let mut entries: Vec<(ParticipantId, Vec<usize>)> = raw.to_vec();
        entries.sort_by_key(|(participant, _)| *participant);
        let mut merged: Vec<(ParticipantId, Vec<usize>)> = Vec::with_capacity(entries.len());
        for (participant, indices) in entries {
            match merged.last_mut() {
                Some((last, existing)) if *last == participant => existing.extend(indices),
                _ => merged.push((participant, indices)),
            }
        }
        let mut unknown_indices = 0;
        for (_, indices) in &mut merged {
            let before = indices.len();
            indices.retain(|&index| index < n_constituencies);
            unknown_indices += before - indices.len();
            indices.sort_unstable();
            indices.dedup();
        }
        Memberships {
            entries: merged,
            unknown_indices,
        }
    }

    /// Returns the constituencies of a participant (empty when they named none).
    pub(crate) fn of(&self, participant: ParticipantId) -> &[usize] {
        self.entries
            .binary_search_by_key(&participant, |(id, _)| *id)
            .map_or(&[], |index| self.entries[index].1.as_slice())
    }

    /// Returns every participant with their constituencies, sorted by participant.
    pub(crate) fn entries(&self) -> &[(ParticipantId, Vec<usize>)] {
        &self.entries
    }
}

/// Which pooled side of the lay and professional comparison a participant is on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sides {
    pub(crate) is_lay: bool,
    pub(crate) is_professional: bool,
}

impl Sides {
    pub(crate) fn of(indices: &[usize], constituencies: &[Constituency]) -> Sides {
        let kind_of = |index: usize| constituencies.get(index).and_then(|c| c.kind);
        Sides {
            is_lay: indices
                .iter()
                .any(|&index| kind_of(index) == Some(ConstituencyKind::Lay)),
            is_professional: indices
                .iter()
                .any(|&index| kind_of(index) == Some(ConstituencyKind::Professional)),
        }
    }
}

/// Every tally the analysis needs, column by column of the vote matrix.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tallies {
    n_columns: usize,
    overall: Vec<Tally>,
    /// Row-major: group * n_columns + column.
    groups: Vec<Tally>,
    /// Row-major: constituency * n_columns + column.
    constituencies: Vec<Tally>,
    lay: Vec<Tally>,
    professional: Vec<Tally>,
    is_weighted: bool,
    /// The same sums with each vote weighted by its voter's weight; empty under head-count.
    weighted_overall: Vec<WeightedTally>,
    weighted_groups: Vec<WeightedTally>,
    weighted_constituencies: Vec<WeightedTally>,
}

/// Rows per parallel work item; small inputs then stay on one thread.
const ROWS_PER_TASK: usize = 4096;

impl Tallies {
    fn zeroed(
        n_columns: usize,
        n_groups: usize,
        n_constituencies: usize,
        is_weighted: bool,
    ) -> Self {
        let weighted =
            |cells: usize| vec![WeightedTally::default(); if is_weighted { cells } else { 0 }];
        Tallies {
            n_columns,
            is_weighted,
            overall: vec![Tally::default(); n_columns],
            groups: vec![Tally::default(); n_groups * n_columns],
            constituencies: vec![Tally::default(); n_constituencies * n_columns],
            lay: vec![Tally::default(); n_columns],
            professional: vec![Tally::default(); n_columns],
            weighted_overall: weighted(n_columns),
            weighted_groups: weighted(n_groups * n_columns),
            weighted_constituencies: weighted(n_constituencies * n_columns),
        }
    }

    /// Counts every latest vote once for everyone, once for the voter's group and once for each
    /// of the voter's constituencies (a participant in two constituencies counts in both).
    ///
    /// `group_of_row` must already hold only groups below `n_groups`. With `weights` (one per
    /// matrix row) the weighted sums are kept as well.
    pub(crate) fn build(
        matrix: &VoteMatrix,
        group_of_row: &[Option<usize>],
        n_groups: usize,
        constituencies: &[Constituency],
        memberships: &Memberships,
        weights: Option<&[f64]>,
    ) -> Self {
        let n_columns = matrix.n_statements();
        let n_constituencies = constituencies.len();
        let is_weighted = weights.is_some();
        (0..matrix.n_participants())
            .into_par_iter()
            .with_min_len(ROWS_PER_TASK)
            .fold(
                || Tallies::zeroed(n_columns, n_groups, n_constituencies, is_weighted),
                |mut tallies, row| {
                    let group = group_of_row.get(row).copied().flatten();
                    let indices = memberships.of(matrix.participants()[row]);
                    let sides = Sides::of(indices, constituencies);
                    if let Some(weights) = weights {
                        let weight = weights.get(row).copied().unwrap_or(1.0);
                        for (column, value) in matrix.row(row) {
                            tallies.weighted_overall[column].add(value, weight);
                            if let Some(group) = group {
                                tallies.weighted_groups[group * n_columns + column]
                                    .add(value, weight);
                            }
                            for &constituency in indices {
                                tallies.weighted_constituencies[constituency * n_columns + column]
                                    .add(value, weight);
                            }
                        }
                    }
                    for (column, value) in matrix.row(row) {
                        tallies.overall[column].add(value);
                        if let Some(group) = group {
                            tallies.groups[group * n_columns + column].add(value);
                        }
                        for &constituency in indices {
                            tallies.constituencies[constituency * n_columns + column].add(value);
                        }
                        if sides.is_lay {
                            tallies.lay[column].add(value);
                        }
                        if sides.is_professional {
                            tallies.professional[column].add(value);
                        }
                    }
                    tallies
                },
            )
            .reduce(
                || Tallies::zeroed(n_columns, n_groups, n_constituencies, is_weighted),
                |mut left, right| {
                    left.merge(&right);
                    left
                },
            )
    }

    fn merge(&mut self, other: &Tallies) {
        let pairs = [
            (&mut self.overall, &other.overall),
            (&mut self.groups, &other.groups),
            (&mut self.constituencies, &other.constituencies),
            (&mut self.lay, &other.lay),
            (&mut self.professional, &other.professional),
        ];
        for (mine, theirs) in pairs {
            for (left, right) in mine.iter_mut().zip(theirs) {
                left.merge(right);
            }
        }
        let weighted = [
            (&mut self.weighted_overall, &other.weighted_overall),
            (&mut self.weighted_groups, &other.weighted_groups),
            (
                &mut self.weighted_constituencies,
                &other.weighted_constituencies,
            ),
        ];
        for (mine, theirs) in weighted {
            for (left, right) in mine.iter_mut().zip(theirs) {
                left.merge(right);
            }
        }
    }

    /// Returns the weighted sums of everyone on a column, or `None` under head-count.
    pub(crate) fn weighted_overall(&self, column: Option<usize>) -> Option<WeightedTally> {
        if !self.is_weighted {
            return None;
        }
        Some(column.map_or_else(WeightedTally::default, |column| {
            self.weighted_overall[column]
        }))
    }

    pub(crate) fn weighted_group(
        &self,
        group: usize,
        column: Option<usize>,
    ) -> Option<WeightedTally> {
        if !self.is_weighted {
            return None;
        }
        Some(column.map_or_else(WeightedTally::default, |column| {
            self.weighted_groups[group * self.n_columns + column]
        }))
    }

    pub(crate) fn weighted_constituency(
        &self,
        constituency: usize,
        column: Option<usize>,
    ) -> Option<WeightedTally> {
        if !self.is_weighted {
            return None;
        }
        Some(column.map_or_else(WeightedTally::default, |column| {
            self.weighted_constituencies[constituency * self.n_columns + column]
        }))
    }

    /// Returns the tally of everyone on a column; a statement without a column has no votes.
    pub(crate) fn overall(&self, column: Option<usize>) -> Tally {
        column.map_or_else(Tally::default, |column| self.overall[column])
    }

    pub(crate) fn group(&self, group: usize, column: Option<usize>) -> Tally {
        column.map_or_else(Tally::default, |column| {
            self.groups[group * self.n_columns + column]
        })
    }

    pub(crate) fn constituency(&self, constituency: usize, column: Option<usize>) -> Tally {
        column.map_or_else(Tally::default, |column| {
            self.constituencies[constituency * self.n_columns + column]
        })
    }

    pub(crate) fn lay(&self, column: Option<usize>) -> Tally {
        column.map_or_else(Tally::default, |column| self.lay[column])
    }

    pub(crate) fn professional(&self, column: Option<usize>) -> Tally {
        column.map_or_else(Tally::default, |column| self.professional[column])
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "interval ends of exactly 0 and 1 and copied values are meant to be exact"
)]
mod tests {
    use super::*;
    use crate::votes::{StatementId, Vote, VoteRecord};

    fn vote(participant: u32, statement: u32, vote: Vote) -> VoteRecord {
        VoteRecord {
            participant: ParticipantId(participant),
            statement: StatementId(statement),
            vote,
            timestamp: 0,
        }
    }

    fn constituency(name: &str, kind: Option<ConstituencyKind>) -> Constituency {
        Constituency {
            name: name.to_owned(),
            expected_share: None,
            kind,
        }
    }

    #[test]
    fn passes_count_as_seen_and_dilute_the_agree_rate() {
        let tally = Tally {
            agree: 3,
            disagree: 1,
            pass: 2,
        };
        assert_eq!(tally.seen(), 6);
        assert_eq!(tally.agree_rate(), Some(0.5));
        assert_eq!(Tally::default().agree_rate(), None);
    }

    #[test]
    fn memberships_are_merged_sorted_and_cleaned() {
        let memberships = Memberships::new(
            &[
                (ParticipantId(9), vec![1, 0, 1]),
                (ParticipantId(2), vec![5]),
                (ParticipantId(9), vec![0, 2]),
            ],
            3,
        );
        assert_eq!(memberships.of(ParticipantId(9)), &[0, 1, 2]);
        assert_eq!(memberships.of(ParticipantId(2)), &[] as &[usize]);
        assert_eq!(memberships.of(ParticipantId(4)), &[] as &[usize]);
        assert_eq!(memberships.unknown_indices, 1);
    }

    #[test]
    fn one_pass_counts_everyone_each_group_and_each_constituency() {
        let matrix = VoteMatrix::from_records(&[
            vote(1, 10, Vote::Agree),
            vote(2, 10, Vote::Disagree),
            vote(3, 10, Vote::Pass),
            vote(3, 11, Vote::Agree),
        ]);
        let constituencies = [
            constituency("residents", Some(ConstituencyKind::Lay)),
            constituency("nurses", Some(ConstituencyKind::Professional)),
        ];
        let memberships = Memberships::new(
            &[(ParticipantId(1), vec![0, 1]), (ParticipantId(3), vec![1])],
            2,
        );
        // Rows are participants 1, 2, 3 in that order.
        let groups = [Some(0), Some(1), Some(1)];
        let tallies = Tallies::build(&matrix, &groups, 2, &constituencies, &memberships, None);
        let first = Some(0);
        assert_eq!(
            tallies.overall(first),
            Tally {
                agree: 1,
                disagree: 1,
                pass: 1
            }
        );
        assert_eq!(tallies.group(1, first).seen(), 2);
        assert_eq!(tallies.group(0, first).agree, 1);
        assert_eq!(tallies.constituency(0, first).agree, 1);
        assert_eq!(tallies.constituency(1, first).seen(), 2);
        assert_eq!(tallies.lay(first).seen(), 1);
        assert_eq!(tallies.professional(first).seen(), 2);
        assert_eq!(tallies.professional(Some(1)).agree, 1);
        assert_eq!(tallies.overall(None), Tally::default());
    }
}
