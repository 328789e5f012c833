//! Vote tallies, representativeness, consensus, group-informed consensus and routing priorities.
//!
//! These are the per-statement statistics of the Pol.is math, computed exactly as Pol.is does
//! (same smoothing, same tests, same selection and tie order), so that the results can be
//! compared with Pol.is's own output. All of them are functions of vote counts: one pass over
//! the votes builds the counts, and everything else works on counts per (group, statement).
//!
//! Convention: agree = +1, disagree = -1, pass = 0, as everywhere in the engine.

use std::cmp::Ordering;
use std::ops::{Add, AddAssign};

use rayon::prelude::*;

use crate::votes::{StatementId, VoteMatrix};

/// One-sided 90% significance threshold for a z statistic, as Pol.is rounds it.
pub const Z_90: f64 = 1.2816;

/// How many statements a group's representative list and each consensus list keep at most.
pub const MAX_SELECTED: usize = 5;

/// The routing priority of a meta statement: Pol.is's meta priority of 7, squared.
pub const META_ROUTING_PRIORITY: f64 = 49.0;

/// Below this many votes, tallying in parallel costs more than it saves.
const PARALLEL_MIN_VOTES: usize = 1 << 18;

/// Rows per parallel task when tallying.
const PARALLEL_ROWS_PER_TASK: usize = 1024;

/// Counts of votes on one statement by one set of participants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tally {
    /// Votes that agree.
    pub agree: u32,
    /// Votes that disagree.
    pub disagree: u32,
    /// All votes, passes included (Pol.is's `S`).
    pub seen: u32,
}

impl Tally {
    /// Returns the number of passes: votes that neither agree nor disagree.
    pub fn passes(self) -> u32 {
        self.seen
            .saturating_sub(self.agree)
            .saturating_sub(self.disagree)
    }

    /// Counts one vote given in the agree = +1 convention.
    pub fn record(&mut self, value: i8) {
        match value.cmp(&0) {
            Ordering::Greater => self.agree += 1,
            Ordering::Less => self.disagree += 1,
            Ordering::Equal => {}
        }
        self.seen += 1;
    }
}

impl Add for Tally {
    type Output = Tally;

    fn add(self, other: Tally) -> Tally {
        Tally {
            agree: self.agree.saturating_add(other.agree),
            disagree: self.disagree.saturating_add(other.disagree),
            seen: self.seen.saturating_add(other.seen),
        }
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        *self = *self + other;
    }
}

impl std::iter::Sum for Tally {
    fn sum<I: Iterator<Item = Tally>>(iter: I) -> Tally {
        iter.fold(Tally::default(), Add::add)
    }
}

/// Returns the vote counts of every cluster on every statement: `[cluster][column]`.
///
/// `cluster_of_row[row]` names the cluster of each matrix row; rows labelled `None`, rows past
/// the end of the slice and labels of `n_clusters` or more are not counted. Every stored vote
/// counts, including votes on moderated-out statements, as in Pol.is's `votes-base` and
/// `group-votes`. The work is one pass over the votes, in parallel for large matrices.
pub fn tallies_by_cluster(
    matrix: &VoteMatrix,
    cluster_of_row: &[Option<usize>],
    n_clusters: usize,
) -> Vec<Vec<Tally>> {
    let n_columns = matrix.n_statements();
    if n_columns == 0 {
        return vec![Vec::new(); n_clusters];
    }
    let n_rows = matrix.n_participants().min(cluster_of_row.len());
    let cluster_of = |row: usize| cluster_of_row[row].filter(|&cluster| cluster < n_clusters);
    let flat = tally_rows(matrix, n_rows, n_clusters, cluster_of);
    flat.chunks(n_columns).map(<[Tally]>::to_vec).collect()
}

/// Returns the vote counts of all participants together on every statement.
pub fn column_totals(matrix: &VoteMatrix) -> Vec<Tally> {
    tally_rows(matrix, matrix.n_participants(), 1, |_| Some(0))
}

/// Tallies rows `0..n_rows` into a flat `[cluster * n_columns + column]` vector.
fn tally_rows(
    matrix: &VoteMatrix,
    n_rows: usize,
    n_clusters: usize,
    cluster_of: impl Fn(usize) -> Option<usize> + Sync,
) -> Vec<Tally> {
    let n_columns = matrix.n_statements();
    let n_cells = n_clusters.saturating_mul(n_columns);
    let accumulate = |tallies: &mut [Tally], rows: std::ops::Range<usize>| {
        for row in rows {
            let Some(cluster) = cluster_of(row) else {
                continue;
            };
            let base = cluster * n_columns;
            let (columns, values) = matrix.row_slices(row);
            for (&column, &value) in columns.iter().zip(values) {
                tallies[base + column as usize].record(value);
            }
        }
    };
    // Each parallel task needs its own counts, so parallelism only pays when the votes
    // outnumber the cells by far. Sums of integers do not depend on the order of reduction.
    if matrix.n_votes() >= PARALLEL_MIN_VOTES && n_cells.saturating_mul(8) <= matrix.n_votes() {
        let n_tasks = n_rows.div_ceil(PARALLEL_ROWS_PER_TASK);
        (0..n_tasks)
            .into_par_iter()
            .fold(
                || vec![Tally::default(); n_cells],
                |mut tallies, task| {
                    let start = task * PARALLEL_ROWS_PER_TASK;
                    let end = (start + PARALLEL_ROWS_PER_TASK).min(n_rows);
                    accumulate(&mut tallies, start..end);
                    tallies
                },
            )
            .reduce(
                || vec![Tally::default(); n_cells],
                |mut left, right| {
                    for (sum, part) in left.iter_mut().zip(right) {
                        *sum += part;
                    }
                    left
                },
            )
    } else {
        let mut tallies = vec![Tally::default(); n_cells];
        accumulate(&mut tallies, 0..n_rows);
        tallies
    }
}

/// Returns the smoothed proportion `(successes + 1) / (trials + 2)` (Pol.is's `pa`, `pd`).
pub fn smoothed_proportion(successes: u32, trials: u32) -> f64 {
    ratio(u64::from(successes) + 1, u64::from(trials) + 2)
}

/// Returns Pol.is's one-proportion z statistic (`prop-test`) for `successes` out of `trials`.
///
/// With one pseudo-count added to each: `2 sqrt(n + 1) ((s + 1) / (n + 1) - 0.5)`.
pub fn prop_test(successes: u32, trials: u32) -> f64 {
    let trials = u64::from(trials) + 1;
    let successes = u64::from(successes) + 1;
    2.0 * (trials as f64).sqrt() * (ratio(successes, trials) - 0.5)
}

/// Returns Pol.is's two-proportion z statistic (`two-prop-test`) comparing `s_in` of `n_in`
/// with `s_out` of `n_out`, one pseudo-count added to each of the four counts.
///
/// The pooled proportion is 1 exactly when every trial succeeded; the statistic is then 0, as in
/// Pol.is. The differences are formed on exact integers, as Pol.is does with rationals.
pub fn two_prop_test(s_in: u32, n_in: u32, s_out: u32, n_out: u32) -> f64 {
    let (s_in, n_in) = (u128::from(s_in) + 1, u128::from(n_in) + 1);
    let (s_out, n_out) = (u128::from(s_out) + 1, u128::from(n_out) + 1);
    let pooled_successes = s_in + s_out;
    let pooled_trials = n_in + n_out;
    if pooled_successes == pooled_trials {
        return 0.0;
    }
    // p1 - p2 = (s_in n_out - s_out n_in) / (n_in n_out), and
    // p(1 - p)(1/n_in + 1/n_out) = s (n - s) / (n n_in n_out) for pooled s of n.
    let difference = signed_ratio(s_in * n_out, s_out * n_in, n_in * n_out);
    let variance = ratio_wide(
        pooled_successes * pooled_trials.saturating_sub(pooled_successes),
        pooled_trials * n_in * n_out,
    );
    difference / variance.sqrt()
}

/// Returns whether a z statistic is significant at one-sided 90% (`z > 1.2816`).
pub fn is_significant_90(z: f64) -> bool {
    z > Z_90
}

#[allow(
    clippy::cast_precision_loss,
    reason = "vote counts stay far below 2^53, so the conversion is exact"
)]
fn ratio(numerator: u64, denominator: u64) -> f64 {
    numerator as f64 / denominator as f64
}

#[allow(
    clippy::cast_precision_loss,
    reason = "the rounding of one conversion is far below the tolerance of any comparison"
)]
fn ratio_wide(numerator: u128, denominator: u128) -> f64 {
    numerator as f64 / denominator as f64
}

fn signed_ratio(positive: u128, negative: u128, denominator: u128) -> f64 {
    if positive >= negative {
        ratio_wide(positive - negative, denominator)
    } else {
        -ratio_wide(negative - positive, denominator)
    }
}

/// The one-sample statistics of one statement among one set of participants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VoteStats {
    /// Agree votes (Pol.is's `na`).
    pub na: u32,
    /// Disagree votes (`nd`).
    pub nd: u32,
    /// All votes, passes included (`ns`).
    pub ns: u32,
    /// Smoothed share of agreement, `(na + 1) / (ns + 2)`.
    pub pa: f64,
    /// Smoothed share of disagreement, `(nd + 1) / (ns + 2)`.
    pub pd: f64,
    /// One-proportion z statistic of agreement.
    pub pat: f64,
    /// One-proportion z statistic of disagreement.
    pub pdt: f64,
}

impl VoteStats {
    /// Returns the statistics of one tally.
    pub fn new(tally: Tally) -> VoteStats {
        VoteStats {
            na: tally.agree,
            nd: tally.disagree,
            ns: tally.seen,
            pa: smoothed_proportion(tally.agree, tally.seen),
            pd: smoothed_proportion(tally.disagree, tally.seen),
            pat: prop_test(tally.agree, tally.seen),
            pdt: prop_test(tally.disagree, tally.seen),
        }
    }
}

/// How one group voted on one statement compared with the other groups (Pol.is's comment stats).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RepnessStats {
    /// Agree votes in the group (`na`).
    pub na: u32,
    /// Disagree votes in the group (`nd`).
    pub nd: u32,
    /// All votes in the group, passes included (`ns`).
    pub ns: u32,
    /// Smoothed share of agreement in the group.
    pub pa: f64,
    /// Smoothed share of disagreement in the group.
    pub pd: f64,
    /// One-proportion z statistic of agreement in the group.
    pub pat: f64,
    /// One-proportion z statistic of disagreement in the group.
    pub pdt: f64,
    /// Agreement in the group relative to the rest: `pa / ((NA + 1) / (NS + 2))`.
    pub ra: f64,
    /// Disagreement in the group relative to the rest: `pd / ((ND + 1) / (NS + 2))`.
    pub rd: f64,
    /// Two-proportion z statistic of agreement, group against rest.
    pub rat: f64,
    /// Two-proportion z statistic of disagreement, group against rest.
    pub rdt: f64,
}

impl RepnessStats {
    /// Returns the statistics of a group's tally against the tally of all other groups.
    pub fn new(group: Tally, rest: Tally) -> RepnessStats {
        let own = VoteStats::new(group);
        // Pol.is divides two exact rationals here; one rounding of the exact quotient matches it.
        let relative = |success: u32, rest_success: u32| {
            ratio_wide(
                (u128::from(success) + 1) * (u128::from(rest.seen) + 2),
                (u128::from(group.seen) + 2) * (u128::from(rest_success) + 1),
            )
        };
        RepnessStats {
            na: own.na,
            nd: own.nd,
            ns: own.ns,
            pa: own.pa,
            pd: own.pd,
            pat: own.pat,
            pdt: own.pdt,
            ra: relative(group.agree, rest.agree),
            rd: relative(group.disagree, rest.disagree),
            rat: two_prop_test(group.agree, group.seen, rest.agree, rest.seen),
            rdt: two_prop_test(group.disagree, group.seen, rest.disagree, rest.seen),
        }
    }

    /// Returns whether the statement is significantly representative of the group on its agree
    /// or its disagree side (Pol.is's `passes-by-test?`).
    pub fn passes_by_test(&self) -> bool {
        (is_significant_90(self.rat) && is_significant_90(self.pat))
            || (is_significant_90(self.rdt) && is_significant_90(self.pdt))
    }

    /// Returns the entry Pol.is reports for this statement: the agree side when `rat > rdt`,
    /// otherwise the disagree side (Pol.is's `finalize-cmt-stats`).
    pub fn finalize(&self, statement: StatementId, column: usize) -> RepnessEntry {
        let is_agree = self.rat > self.rdt;
        let (n_success, p_success, p_test, repness, repness_test, repful_for) = if is_agree {
            (self.na, self.pa, self.pat, self.ra, self.rat, Repful::Agree)
        } else {
            (
                self.nd,
                self.pd,
                self.pdt,
                self.rd,
                self.rdt,
                Repful::Disagree,
            )
        };
        // Pol.is reports this one value as a 32-bit float, and its selection uses it that way.
        #[allow(
            clippy::cast_possible_truncation,
            reason = "the narrowing to f32 is what Pol.is does"
        )]
        let repness_test = repness_test as f32;
        RepnessEntry {
            statement,
            column,
            n_success,
            n_trials: self.ns,
            p_success,
            p_test,
            repness,
            repness_test,
            repful_for,
            best_agree: false,
            n_agree: None,
        }
    }

    /// Returns whether this statement would replace `current` as the group's best agreed
    /// statement (Pol.is's `beats-best-agr?`). A statement nobody in the group agreed or
    /// disagreed with never qualifies.
    pub fn beats_best_agree(&self, current: Option<&RepnessStats>) -> bool {
        if self.na == 0 && self.nd == 0 {
            return false;
        }
        match current {
            Some(best) if best.ra > 1.0 => {
                self.ra * self.rat * self.pa * self.pat > best.ra * best.rat * best.pa * best.pat
            }
            Some(best) => self.pa * self.pat > best.pa * best.pat,
            None => is_significant_90(self.pat) || (self.ra > 1.0 && self.pa > 0.5),
        }
    }
}

/// Which side of a statement makes it representative of a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Repful {
    /// The group agrees with it more than the others do.
    Agree,
    /// The group disagrees with it more than the others do.
    Disagree,
}

/// A statement selected as representative of a group, as Pol.is reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct RepnessEntry {
    /// The statement.
    pub statement: StatementId,
    /// Its column in the vote matrix.
    pub column: usize,
    /// Votes in the group on the representative side (agrees or disagrees).
    pub n_success: u32,
    /// All votes in the group, passes included.
    pub n_trials: u32,
    /// Smoothed share of the group on the representative side.
    pub p_success: f64,
    /// One-proportion z statistic of that share.
    pub p_test: f64,
    /// How much more the group takes that side than the other groups do.
    pub repness: f64,
    /// Two-proportion z statistic of that difference, as a 32-bit float like Pol.is's.
    pub repness_test: f32,
    /// The representative side.
    pub repful_for: Repful,
    /// Whether this is the group's best agreed statement, placed first by Pol.is.
    pub best_agree: bool,
    /// Agree votes in the group, reported for the best agreed statement only.
    pub n_agree: Option<u32>,
}

impl RepnessEntry {
    /// Returns the sort key of Pol.is's `repness-sort`, largest first.
    pub fn metric(&self) -> f64 {
        self.repness * f64::from(self.repness_test) * self.p_success * self.p_test
    }
}

/// Returns the statistics of every group on every statement against all other groups:
/// `[group][column]`.
///
/// "Other groups" are all participants with a group other than this one.
pub fn repness_stats(group_tallies: &[Vec<Tally>]) -> Vec<Vec<RepnessStats>> {
    let totals = sum_over_groups(group_tallies);
    group_tallies
        .iter()
        .map(|tallies| {
            totals
                .iter()
                .enumerate()
                .map(|(column, &total)| {
                    let own = tallies.get(column).copied().unwrap_or_default();
                    let rest = Tally {
                        agree: total.agree.saturating_sub(own.agree),
                        disagree: total.disagree.saturating_sub(own.disagree),
                        seen: total.seen.saturating_sub(own.seen),
                    };
                    RepnessStats::new(own, rest)
                })
                .collect()
        })
        .collect()
}

/// Returns the per-column sum of the tallies of all groups.
pub fn sum_over_groups(group_tallies: &[Vec<Tally>]) -> Vec<Tally> {
    let n_columns = group_tallies.iter().map(Vec::len).max().unwrap_or(0);
    let mut totals = vec![Tally::default(); n_columns];
    for tallies in group_tallies {
        for (total, &tally) in totals.iter_mut().zip(tallies) {
            *total += tally;
        }
    }
    totals
}

/// Returns each group's representative statements, selected and ordered as Pol.is does.
///
/// `group_of_row` gives each matrix row's group (`None` for participants who are not clustered);
/// `mod_out[column]` marks statements moved out of the analysis, which are never selected.
/// A group is compared with the members of all other groups.
pub fn representativeness(
    matrix: &VoteMatrix,
    mod_out: &[bool],
    group_of_row: &[Option<usize>],
    n_groups: usize,
) -> Vec<Vec<RepnessEntry>> {
    let tallies = tallies_by_cluster(matrix, group_of_row, n_groups);
    representativeness_from_tallies(&tallies, matrix.statements(), mod_out)
}

/// Returns each group's representative statements from the groups' tallies (`[group][column]`).
///
/// Pol.is computes these statistics on a matrix where moderated-out statements read 0 for
/// everyone; as those statements are never selected and the others do not depend on them,
/// the plain tallies give the same result.
pub fn representativeness_from_tallies(
    group_tallies: &[Vec<Tally>],
    statements: &[StatementId],
    mod_out: &[bool],
) -> Vec<Vec<RepnessEntry>> {
    repness_stats(group_tallies)
        .iter()
        .map(|stats| select_representative(stats, statements, mod_out))
        .collect()
}

/// Selects one group's representative statements from its statistics per column
/// (Pol.is's `select-rep-comments`).
///
/// Statements that pass the significance tests are ranked by
/// `repness * repness_test * p_success * p_test`; the group's best agreed statement goes first,
/// at most five are kept, and agree entries come before disagree entries. When none passes, the
/// best agreed statement alone is returned, or failing that the statement with the largest test.
pub fn select_representative(
    stats: &[RepnessStats],
    statements: &[StatementId],
    mod_out: &[bool],
) -> Vec<RepnessEntry> {
    let mut sufficient: Vec<RepnessEntry> = Vec::new();
    let mut best: Option<RepnessEntry> = None;
    let mut best_agree: Option<(usize, RepnessStats)> = None;
    for (column, (candidate, &statement)) in stats.iter().zip(statements).enumerate() {
        if mod_out.get(column).copied().unwrap_or(false) {
            continue;
        }
        if candidate.passes_by_test() {
            sufficient.push(candidate.finalize(statement, column));
        }
        if sufficient.is_empty()
            && best
                .as_ref()
                .is_none_or(|best| candidate.rat.max(candidate.rdt) > f64::from(best.repness_test))
        {
            best = Some(candidate.finalize(statement, column));
        }
        if candidate.beats_best_agree(best_agree.as_ref().map(|(_, stats)| stats)) {
            best_agree = Some((column, *candidate));
        }
    }

    let best_agree = best_agree.map(|(column, stats)| RepnessEntry {
        best_agree: true,
        n_agree: Some(stats.na),
        ..stats.finalize(statements[column], column)
    });
    if sufficient.is_empty() {
        return best_agree.or(best).into_iter().collect();
    }
    if let Some(head) = &best_agree {
        sufficient.retain(|entry| entry.column != head.column);
    }
    sufficient.sort_by(|a, b| descending(a.metric(), b.metric()));
    let mut selected: Vec<RepnessEntry> = best_agree
        .into_iter()
        .chain(sufficient)
        .take(MAX_SELECTED)
        .collect();
    // A stable partition: agree entries first, each side in its ranked order.
    selected.sort_by_key(|entry| entry.repful_for == Repful::Disagree);
    selected
}

/// Orders larger values first, treating incomparable values as equal like Pol.is's comparator.
fn descending(a: f64, b: f64) -> Ordering {
    b.partial_cmp(&a).unwrap_or(Ordering::Equal)
}

/// A statement most participants agree (or disagree) with, as Pol.is reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsensusEntry {
    /// The statement.
    pub statement: StatementId,
    /// Its column in the vote matrix.
    pub column: usize,
    /// Votes on the reported side (agrees or disagrees).
    pub n_success: u32,
    /// All votes, passes included.
    pub n_trials: u32,
    /// Smoothed share on the reported side.
    pub p_success: f64,
    /// One-proportion z statistic of that share.
    pub p_test: f64,
}

/// The statements all participants together agree and disagree with (Pol.is's `consensus`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Consensus {
    /// Up to five statements with a significant majority agreeing, strongest first.
    pub agree: Vec<ConsensusEntry>,
    /// Up to five statements with a significant majority disagreeing, strongest first.
    pub disagree: Vec<ConsensusEntry>,
}

/// Returns the consensus statements over all participants, grouped or not.
///
/// A statement qualifies for a side when its smoothed share exceeds 0.5 and its z statistic is
/// significant at 90%; each side is ranked by share times statistic and keeps five.
/// Moderated-out statements are left out.
pub fn consensus(matrix: &VoteMatrix, mod_out: &[bool]) -> Consensus {
    consensus_from_totals(&column_totals(matrix), matrix.statements(), mod_out)
}

/// Returns the consensus statements from the tallies of all participants per column.
pub fn consensus_from_totals(
    totals: &[Tally],
    statements: &[StatementId],
    mod_out: &[bool],
) -> Consensus {
    let candidates: Vec<(usize, StatementId, VoteStats)> = totals
        .iter()
        .zip(statements)
        .enumerate()
        .filter(|&(column, _)| !mod_out.get(column).copied().unwrap_or(false))
        .map(|(column, (&tally, &statement))| (column, statement, VoteStats::new(tally)))
        .collect();
    let side = |pick: fn(&VoteStats) -> (u32, f64, f64)| -> Vec<ConsensusEntry> {
        let mut chosen: Vec<(f64, ConsensusEntry)> = candidates
            .iter()
            .filter_map(|(column, statement, stats)| {
                let (n_success, p_success, p_test) = pick(stats);
                (p_success > 0.5 && is_significant_90(p_test)).then(|| {
                    let entry = ConsensusEntry {
                        statement: *statement,
                        column: *column,
                        n_success,
                        n_trials: stats.ns,
                        p_success,
                        p_test,
                    };
                    (p_success * p_test, entry)
                })
            })
            .collect();
        chosen.sort_by(|a, b| descending(a.0, b.0));
        chosen
            .into_iter()
            .take(MAX_SELECTED)
            .map(|(_, entry)| entry)
            .collect()
    };
    Consensus {
        agree: side(|stats| (stats.na, stats.pa, stats.pat)),
        disagree: side(|stats| (stats.nd, stats.pd, stats.pdt)),
    }
}

/// Returns the group-informed consensus of every column: the product over groups of each
/// group's smoothed share of agreement, `Π_g (A_g + 1) / (S_g + 2)`.
///
/// `group_tallies` is `[group][column]`; a column a group's vector lacks counts as unvoted.
/// Without groups there is nothing to combine and the result is empty, as in Pol.is.
pub fn group_informed_consensus(group_tallies: &[Vec<Tally>]) -> Vec<f64> {
    let n_columns = group_tallies.iter().map(Vec::len).max().unwrap_or(0);
    (0..n_columns)
        .map(|column| {
            group_tallies
                .iter()
                .map(|tallies| {
                    let tally = tallies.get(column).copied().unwrap_or_default();
                    (f64::from(tally.agree) + 1.0) / (f64::from(tally.seen) + 2.0)
                })
                .fold(1.0, |product, share| product * share)
        })
        .collect()
}

/// Returns the routing priority of every column for choosing which statement to show next.
///
/// `previous_totals` holds, per column, the votes of all groups summed from the previous
/// analysis (Pol.is reads the previous run's group votes); `None` on the first analysis, when
/// every count is 0 as in Pol.is, and a column it lacks also counts as unvoted. A meta
/// statement gets [`META_ROUTING_PRIORITY`]; any other gets
/// `(importance * (1 + 8 * 2^(-S/5)))^2` with
/// `importance = (1 - (P + 1)/(S + 2)) (E + 1) (A + 1)/(S + 2)`, where `P` counts passes and
/// `E` is the statement's extremity. The result has one value per column of `extremity` or
/// `is_meta`, whichever is longer; a missing extremity counts as 0.
pub fn routing_priorities(
    previous_totals: Option<&[Tally]>,
    extremity: &[f64],
    is_meta: &[bool],
) -> Vec<f64> {
    let n_columns = extremity.len().max(is_meta.len());
    (0..n_columns)
        .map(|column| {
            if is_meta.get(column).copied().unwrap_or(false) {
                return META_ROUTING_PRIORITY;
            }
            let total = previous_totals
                .and_then(|totals| totals.get(column))
                .copied()
                .unwrap_or_default();
            let extremity = extremity.get(column).copied().unwrap_or(0.0);
            routing_priority(total, extremity)
        })
        .collect()
}

/// Returns the routing priority of one statement that is not meta.
fn routing_priority(total: Tally, extremity: f64) -> f64 {
    let seen = u64::from(total.seen);
    let decided = u64::from(total.agree) + u64::from(total.disagree);
    // 1 - (P + 1)/(S + 2) with P = S - (A + D) is (A + D + 1)/(S + 2), taken exactly.
    let not_passed = ratio(decided + 1, seen + 2);
    let agreed = ratio(u64::from(total.agree) + 1, seen + 2);
    let importance = not_passed * (extremity + 1.0) * agreed;
    let novelty = 1.0 + 8.0 * 2f64.powf(-f64::from(total.seen) / 5.0);
    let boosted = importance * novelty;
    boosted * boosted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{ParticipantId, Vote, VoteRecord};

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() <= 1e-14 * expected.abs().max(1.0)
    }

    #[allow(clippy::cast_possible_truncation, reason = "the narrowing under test")]
    fn narrowed(value: f64) -> f32 {
        value as f32
    }

    fn tally(agree: u32, disagree: u32, seen: u32) -> Tally {
        Tally {
            agree,
            disagree,
            seen,
        }
    }

    /// Builds a matrix from `(participant, statement, vote)` triples, vote in agree = +1.
    fn matrix(votes: &[(u32, u32, i8)]) -> VoteMatrix {
        let records: Vec<VoteRecord> = votes
            .iter()
            .enumerate()
            .map(|(index, &(participant, statement, value))| VoteRecord {
                participant: ParticipantId(participant),
                statement: StatementId(statement),
                vote: Vote::from_value(value).expect("test votes are -1, 0 or 1"),
                timestamp: i64::try_from(index).expect("few test votes"),
            })
            .collect();
        VoteMatrix::from_records(&records)
    }

    /// Returns each matrix row's group from `(participant, group)` pairs.
    fn groups_of_rows(matrix: &VoteMatrix, groups: &[(u32, usize)]) -> Vec<Option<usize>> {
        matrix
            .participants()
            .iter()
            .map(|participant| {
                groups
                    .iter()
                    .find(|(id, _)| ParticipantId(*id) == *participant)
                    .map(|&(_, group)| group)
            })
            .collect()
    }

    #[test]
    fn prop_test_matches_hand_computed_values() {
        // No votes: 2 sqrt(1) (1/1 - 0.5) = 1.
        assert!(close(prop_test(0, 0), 1.0));
        // 3 of 4: 2 sqrt(5) (4/5 - 1/2) = 0.6 sqrt(5).
        assert!(close(prop_test(3, 4), 0.6 * 5f64.sqrt()));
        // 0 of 6: 2 sqrt(7) (1/7 - 1/2) = -5/7 sqrt(7).
        assert!(close(prop_test(0, 6), -5.0 / 7.0 * 7f64.sqrt()));
    }

    #[test]
    fn two_prop_test_matches_a_hand_computed_value() {
        // (4/5 - 2/7) / sqrt(1/2 * 1/2 * (1/5 + 1/7)) = 18 / sqrt(105).
        assert!(close(two_prop_test(3, 4, 1, 6), 18.0 / 105f64.sqrt()));
        // Swapping the samples negates the statistic.
        assert!(close(two_prop_test(1, 6, 3, 4), -18.0 / 105f64.sqrt()));
    }

    #[test]
    fn two_prop_test_is_zero_when_every_trial_succeeds() {
        assert_eq!(two_prop_test(5, 5, 9, 9).to_bits(), 0f64.to_bits());
        assert_eq!(two_prop_test(0, 0, 0, 0).to_bits(), 0f64.to_bits());
    }

    #[test]
    fn repness_stats_match_hand_computed_values() {
        // Group: 3 agree, 1 disagree, 1 pass. Rest: 1 agree, 4 disagree, 6 seen.
        let stats = RepnessStats::new(tally(3, 1, 5), tally(1, 4, 6));
        assert_eq!((stats.na, stats.nd, stats.ns), (3, 1, 5));
        assert!(close(stats.pa, 4.0 / 7.0));
        assert!(close(stats.pd, 2.0 / 7.0));
        assert!(close(stats.pat, 2.0 * 6f64.sqrt() * (4.0 / 6.0 - 0.5)));
        assert!(close(stats.pdt, 2.0 * 6f64.sqrt() * (2.0 / 6.0 - 0.5)));
        // ra = (4/7) / (2/8), rd = (2/7) / (5/8).
        assert!(close(stats.ra, 16.0 / 7.0));
        assert!(close(stats.rd, 16.0 / 35.0));
        // rat: p1 = 4/6, p2 = 2/7, pooled 6/13.
        let pooled: f64 = 6.0 / 13.0;
        let expected_rat =
            (4.0 / 6.0 - 2.0 / 7.0) / (pooled * (1.0 - pooled) * (1.0 / 6.0 + 1.0 / 7.0)).sqrt();
        assert!(close(stats.rat, expected_rat));
        assert!(stats.rat > stats.rdt);
        let entry = stats.finalize(StatementId(9), 2);
        assert_eq!(entry.repful_for, Repful::Agree);
        assert_eq!((entry.n_success, entry.n_trials), (3, 5));
        assert_eq!(
            entry.repness_test.to_bits(),
            narrowed(expected_rat).to_bits()
        );
        assert!(close(entry.p_test, stats.pat));
    }

    #[test]
    fn finalize_takes_the_disagree_side_when_the_tests_tie() {
        let stats = RepnessStats::new(tally(0, 0, 0), tally(0, 0, 0));
        assert_eq!(stats.rat.to_bits(), stats.rdt.to_bits());
        let entry = stats.finalize(StatementId(1), 0);
        assert_eq!(entry.repful_for, Repful::Disagree);
    }

    #[test]
    fn tallies_count_agrees_disagrees_and_passes_per_cluster() {
        let matrix = matrix(&[
            (1, 10, 1),
            (1, 11, -1),
            (2, 10, 0),
            (2, 11, -1),
            (3, 10, 1),
            (4, 11, 1),
        ]);
        let groups = groups_of_rows(&matrix, &[(1, 0), (2, 0), (3, 1)]);
        let tallies = tallies_by_cluster(&matrix, &groups, 2);
        assert_eq!(tallies[0], vec![tally(1, 0, 2), tally(0, 2, 2)]);
        assert_eq!(tallies[1], vec![tally(1, 0, 1), tally(0, 0, 0)]);
        assert_eq!(tallies[0][0].passes(), 1);
        assert_eq!(column_totals(&matrix), vec![tally(2, 0, 3), tally(1, 2, 3)]);
    }

    #[test]
    fn tallies_ignore_out_of_range_labels_and_missing_rows() {
        let matrix = matrix(&[(1, 1, 1), (2, 1, -1), (3, 1, 0)]);
        let tallies = tallies_by_cluster(&matrix, &[Some(0), Some(7)], 1);
        assert_eq!(tallies, vec![vec![tally(1, 0, 1)]]);
    }

    #[test]
    fn empty_inputs_give_empty_results() {
        let empty = matrix(&[]);
        assert_eq!(
            tallies_by_cluster(&empty, &[], 2),
            vec![Vec::new(), Vec::new()]
        );
        assert_eq!(
            representativeness(&empty, &[], &[], 2),
            vec![Vec::new(), Vec::new()]
        );
        assert!(representativeness(&empty, &[], &[], 0).is_empty());
        assert_eq!(consensus(&empty, &[]), Consensus::default());
        assert!(group_informed_consensus(&[]).is_empty());
        assert!(routing_priorities(None, &[], &[]).is_empty());
    }

    #[test]
    fn a_group_without_members_gets_the_statement_with_the_largest_test() {
        let matrix = matrix(&[(1, 1, 1), (2, 1, 1), (1, 2, -1), (2, 2, -1)]);
        let groups = vec![Some(0), Some(0)];
        let selected = representativeness(&matrix, &[false, false], &groups, 2);
        // The empty group has no agree votes anywhere, so no best agreed statement.
        assert_eq!(selected[1].len(), 1);
        assert!(!selected[1][0].best_agree);
        assert_eq!(selected[1][0].n_trials, 0);
    }

    #[test]
    fn significance_is_strictly_above_the_rounded_threshold() {
        assert!(!is_significant_90(1.2816));
        assert!(is_significant_90(1.281_600_001));
        // The exact 90% quantile, 1.28155..., is not significant with Pol.is's rounding.
        assert!(!is_significant_90(1.281_56));
    }

    #[test]
    fn ties_for_the_largest_test_keep_the_earlier_statement() {
        // Only an ungrouped participant voted on statements 0-2, so both groups' tests are 0
        // there; the grouped participants voted only on the moderated-out statement 3.
        let matrix = matrix(&[(9, 0, 1), (9, 1, 1), (9, 2, -1), (1, 3, 1), (2, 3, -1)]);
        let groups: Vec<Option<usize>> = matrix
            .participants()
            .iter()
            .map(|participant| match participant.0 {
                1 => Some(0),
                2 => Some(1),
                _ => None,
            })
            .collect();
        let selected = representativeness(&matrix, &[false, false, false, true], &groups, 2);
        for group in &selected {
            assert_eq!(group.len(), 1);
            assert_eq!(group[0].column, 0);
            assert_eq!(group[0].repness_test.to_bits(), 0f32.to_bits());
            assert_eq!(group[0].repful_for, Repful::Disagree);
        }
    }

    /// Returns the column Pol.is keeps as group 0's only statement when its `n_passing` members
    /// pass on everything and `n_agreeing` others split on statement 0 and agree with
    /// statements 1 to 3.
    fn best_of_a_passing_group(n_passing: u32, n_agreeing: u32) -> (usize, Vec<RepnessStats>) {
        let mut votes = Vec::new();
        for participant in 0..n_passing {
            for statement in 0..4 {
                votes.push((participant, statement, 0));
            }
        }
        for offset in 0..n_agreeing {
            let participant = n_passing + offset;
            votes.push((participant, 0, if offset % 2 == 0 { 1 } else { -1 }));
            for statement in 1..4 {
                votes.push((participant, statement, 1));
            }
        }
        let matrix = matrix(&votes);
        let groups: Vec<Option<usize>> = matrix
            .participants()
            .iter()
            .map(|participant| Some(usize::from(participant.0 >= n_passing)))
            .collect();
        let stats = repness_stats(&tallies_by_cluster(&matrix, &groups, 2));
        let selected = representativeness(&matrix, &[false; 4], &groups, 2);
        assert_eq!(selected[0].len(), 1);
        assert!(!selected[0][0].best_agree);
        (selected[0][0].column, stats[0].clone())
    }

    #[test]
    fn the_best_statement_is_compared_at_32_bit_precision() {
        // Statements 1-3 have identical statistics for the passing group; a later one replaces
        // the best exactly when its test exceeds the best's test rounded to f32.
        let (column, stats) = best_of_a_passing_group(4, 6);
        assert_eq!(stats[1], stats[3]);
        assert!(stats[1].rdt > stats[0].rat.max(stats[0].rdt));
        assert!(f64::from(narrowed(stats[1].rdt)) > stats[1].rdt);
        assert_eq!(column, 1);

        let (column, stats) = best_of_a_passing_group(2, 5);
        assert_eq!(stats[1], stats[3]);
        assert!(f64::from(narrowed(stats[1].rdt)) < stats[1].rdt);
        assert_eq!(column, 3);
    }

    /// Six participants per camp: camp 0 disagrees with every statement, camp 1 agrees.
    fn two_camps(n_statements: u32) -> (VoteMatrix, Vec<Option<usize>>) {
        let mut votes = Vec::new();
        for statement in 0..n_statements {
            for participant in 0..12 {
                let value = if participant < 6 { -1 } else { 1 };
                votes.push((participant, statement, value));
            }
        }
        let matrix = matrix(&votes);
        let groups = matrix
            .participants()
            .iter()
            .map(|participant| Some(usize::from(participant.0 >= 6)))
            .collect();
        (matrix, groups)
    }

    #[test]
    fn a_group_with_sufficient_statements_but_no_best_agree_gets_the_top_five() {
        let (matrix, groups) = two_camps(7);
        let selected = representativeness(&matrix, &[false; 7], &groups, 2);
        let camp = &selected[0];
        let columns: Vec<usize> = camp.iter().map(|entry| entry.column).collect();
        // All seven pass the tests with equal metrics, so the stable ranking keeps column order.
        assert_eq!(columns, vec![0, 1, 2, 3, 4]);
        assert!(
            camp.iter()
                .all(|entry| entry.repful_for == Repful::Disagree)
        );
        assert!(
            camp.iter()
                .all(|entry| !entry.best_agree && entry.n_agree.is_none())
        );
        assert_eq!(camp[0].n_success, 6);
        // The agreeing camp leads with its best agreed statement, then four more.
        let other = &selected[1];
        assert_eq!(other.len(), MAX_SELECTED);
        assert!(other[0].best_agree);
        assert_eq!(other[0].n_agree, Some(6));
        assert_eq!(other[0].column, 0);
        assert_eq!(
            other.iter().map(|entry| entry.column).collect::<Vec<_>>(),
            vec![0, 1, 2, 3, 4]
        );
    }

    #[test]
    fn moderated_out_statements_are_never_selected() {
        let (matrix, groups) = two_camps(7);
        let mod_out = [true, false, true, false, false, false, false];
        let selected = representativeness(&matrix, &mod_out, &groups, 2);
        for group in &selected {
            assert!(group.iter().all(|entry| !mod_out[entry.column]));
        }
        assert_eq!(
            selected[0]
                .iter()
                .map(|entry| entry.column)
                .collect::<Vec<_>>(),
            vec![1, 3, 4, 5, 6]
        );
        let agreed = consensus(&matrix, &mod_out);
        assert!(agreed.agree.is_empty() && agreed.disagree.is_empty());
    }

    #[test]
    fn a_statement_without_agree_or_disagree_votes_never_becomes_best_agree() {
        let current = RepnessStats::new(tally(3, 0, 5), tally(1, 3, 8));
        assert!(current.ra > 1.0);
        // The group only passed here while the others disagreed: without the rule its
        // agreement score would win.
        let unvoted = RepnessStats::new(tally(0, 0, 0), tally(0, 8, 8));
        let score = |stats: &RepnessStats| stats.ra * stats.rat * stats.pa * stats.pat;
        assert!(score(&unvoted) > score(&current));
        assert!(!unvoted.beats_best_agree(Some(&current)));
        assert!(!unvoted.beats_best_agree(None));
        let voted = RepnessStats::new(tally(1, 0, 1), tally(0, 8, 8));
        assert!(voted.beats_best_agree(Some(&current)));
    }

    #[test]
    fn best_agree_compares_shares_when_the_current_one_is_not_relatively_agreed() {
        // Everyone agrees: ra = 1 for the group, so later candidates compete on pa * pat.
        let current = RepnessStats::new(tally(2, 0, 2), tally(2, 0, 2));
        assert!(close(current.ra, 1.0));
        let stronger = RepnessStats::new(tally(5, 0, 5), tally(0, 5, 5));
        let weaker = RepnessStats::new(tally(1, 0, 2), tally(0, 5, 5));
        assert!(stronger.beats_best_agree(Some(&current)));
        assert!(!weaker.beats_best_agree(Some(&current)));
        // The first candidate needs a significant pat, or ra > 1 with pa > 0.5.
        assert!(current.beats_best_agree(None));
        assert!(!weaker.beats_best_agree(None));
        let moderate = RepnessStats::new(tally(2, 0, 3), tally(0, 5, 5));
        assert!(!is_significant_90(moderate.pat) && moderate.ra > 1.0 && moderate.pa > 0.5);
        assert!(moderate.beats_best_agree(None));
        assert!(!RepnessStats::new(tally(1, 1, 3), tally(1, 1, 3)).beats_best_agree(None));
    }

    #[test]
    fn agree_entries_come_before_disagree_entries() {
        // Camp 0 (participants 0-5) against camp 1 (6-11). Statement 0: camp 0 disagrees, camp 1
        // agrees. Statement 1: the reverse. Statement 2: camp 0 mostly agrees (one pass), camp 1
        // mostly disagrees (one agree): representative, but ranked below statement 0.
        let mut votes = Vec::new();
        for participant in 0..12u32 {
            let in_camp_zero = participant < 6;
            let sign = if in_camp_zero { -1 } else { 1 };
            votes.push((participant, 0, sign));
            votes.push((participant, 1, -sign));
            let third = match participant {
                0..=4 | 6 => 1,
                5 => 0,
                _ => -1,
            };
            votes.push((participant, 2, third));
        }
        let matrix = matrix(&votes);
        let groups: Vec<Option<usize>> = matrix
            .participants()
            .iter()
            .map(|participant| Some(usize::from(participant.0 >= 6)))
            .collect();
        let stats = repness_stats(&tallies_by_cluster(&matrix, &groups, 2));
        let camp_stats = &stats[0];
        assert!(camp_stats.iter().all(RepnessStats::passes_by_test));
        let metric = |column: usize| camp_stats[column].finalize(StatementId(0), column).metric();
        assert!(metric(0) > metric(2));

        let selected = representativeness(&matrix, &[false; 3], &groups, 2);
        let camp = &selected[0];
        assert_eq!(
            camp.iter()
                .map(|entry| (entry.column, entry.repful_for, entry.best_agree))
                .collect::<Vec<_>>(),
            vec![
                (1, Repful::Agree, true),
                (2, Repful::Agree, false),
                (0, Repful::Disagree, false),
            ]
        );
        assert_eq!(camp[0].n_agree, Some(6));
        assert_eq!(camp[1].n_agree, None);
    }

    #[test]
    fn consensus_ranks_by_share_times_test_and_keeps_five() {
        // Statements 0-7: 20 voters of whom 13 + s agree and the rest disagree. Statement 8:
        // 3 agree, 17 disagree.
        let mut votes = Vec::new();
        for statement in 0..9u32 {
            let n_agree = if statement == 8 { 3 } else { 13 + statement };
            for participant in 0..20u32 {
                let value = if participant < n_agree { 1 } else { -1 };
                votes.push((participant, statement, value));
            }
        }
        let matrix = matrix(&votes);
        let result = consensus(&matrix, &[false; 9]);
        // Statements 0-7 all qualify on the agree side; the five strongest are kept in order.
        assert!(is_significant_90(prop_test(13, 20)));
        let columns: Vec<usize> = result.agree.iter().map(|entry| entry.column).collect();
        assert_eq!(columns, vec![7, 6, 5, 4, 3]);
        let first = &result.agree[0];
        assert_eq!((first.n_success, first.n_trials), (20, 20));
        assert!(close(first.p_success, 21.0 / 22.0));
        assert!(close(first.p_test, 21f64.sqrt()));
        assert_eq!(result.disagree.len(), 1);
        let disagreed = &result.disagree[0];
        assert_eq!((disagreed.column, disagreed.n_success), (8, 17));
        assert!(close(disagreed.p_success, 18.0 / 22.0));
        assert!(close(
            disagreed.p_test,
            2.0 * 21f64.sqrt() * (18.0 / 21.0 - 0.5)
        ));
        // Moderating out the strongest statement lets the sixth one in.
        let mut mod_out = [false; 9];
        mod_out[7] = true;
        let moderated = consensus(&matrix, &mod_out);
        let columns: Vec<usize> = moderated.agree.iter().map(|entry| entry.column).collect();
        assert_eq!(columns, vec![6, 5, 4, 3, 2]);
    }

    #[test]
    fn group_informed_consensus_multiplies_smoothed_agreement() {
        let gic = group_informed_consensus(&[
            vec![tally(3, 1, 4), tally(0, 0, 0)],
            vec![tally(0, 2, 2), tally(1, 0, 1)],
        ]);
        assert_eq!(gic.len(), 2);
        // (4/6) (1/4) and (1/2) (2/3).
        assert!(close(gic[0], 1.0 / 6.0));
        assert!(close(gic[1], 1.0 / 3.0));
        // A group missing a column counts as unvoted there: a factor of 1/2.
        let ragged = group_informed_consensus(&[vec![tally(1, 0, 1)], Vec::new()]);
        assert!(close(ragged[0], 2.0 / 3.0 * 0.5));
    }

    #[test]
    fn routing_priorities_match_hand_computed_values() {
        // Cold start: A = D = S = 0, so importance = (1/2)(E + 1)(1/2) and novelty = 9.
        let cold = routing_priorities(None, &[1.0, 0.0], &[false, true]);
        assert!(close(cold[0], 20.25));
        assert!(close(cold[1], META_ROUTING_PRIORITY));
        // 20 agrees of 20: importance (21/22)^2, novelty 1 + 8 / 16 = 1.5.
        let totals = [tally(20, 0, 20), tally(2, 3, 10)];
        let warm = routing_priorities(Some(&totals), &[0.0, 0.5], &[]);
        assert!(close(
            warm[0],
            (1.5 * 441.0 / 484.0) * (1.5 * 441.0 / 484.0)
        ));
        // 2 agree, 3 disagree, 5 pass of 10: (6/12)(1.5)(3/12) (1 + 8/4), squared.
        let expected = 6.0 / 12.0 * 1.5 * 3.0 / 12.0 * 3.0;
        assert!(close(warm[1], expected * expected));
    }

    #[test]
    fn routing_priorities_treat_columns_missing_from_the_previous_run_as_unvoted() {
        let totals = [tally(4, 0, 4)];
        let with_new_column = routing_priorities(Some(&totals), &[0.0, 0.0], &[false, false]);
        let cold = routing_priorities(None, &[0.0], &[false]);
        assert!(close(with_new_column[1], cold[0]));
        assert!(with_new_column[0] > with_new_column[1]);
    }

    #[test]
    fn parallel_tallies_equal_sequential_ones() {
        // Enough votes to take the parallel path.
        let n_participants = 2600u32;
        let n_statements = 130u32;
        let mut records = Vec::new();
        for participant in 0..n_participants {
            for statement in 0..n_statements {
                let code = (participant * 7 + statement * 13) % 5;
                let vote = match code {
                    0 | 1 => Vote::Agree,
                    2 => Vote::Disagree,
                    3 => Vote::Pass,
                    _ => continue,
                };
                records.push(VoteRecord {
                    participant: ParticipantId(participant),
                    statement: StatementId(statement),
                    vote,
                    timestamp: 0,
                });
            }
        }
        let matrix = VoteMatrix::from_records(&records);
        assert!(matrix.n_votes() >= PARALLEL_MIN_VOTES);
        let groups: Vec<Option<usize>> = (0..matrix.n_participants())
            .map(|row| (row % 4 != 3).then_some(row % 4))
            .collect();
        let parallel = tallies_by_cluster(&matrix, &groups, 3);
        let mut sequential = vec![vec![Tally::default(); matrix.n_statements()]; 3];
        for (row, group) in groups.iter().enumerate() {
            if let Some(group) = group {
                for (column, value) in matrix.row(row) {
                    sequential[*group][column].record(value);
                }
            }
        }
        assert_eq!(parallel, sequential);
    }
}
