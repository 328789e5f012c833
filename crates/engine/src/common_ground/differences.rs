//! Differences made explicit: divisive statements, what each opinion group distinctively holds,
//! and the statements on which constituencies (and lay against professional members) diverge.
//!
//! Every test shown (constituency gaps, lay against professional, group-distinctive statements)
//! is flagged through the Benjamini–Hochberg procedure across all of them at a false-discovery
//! rate of [`FALSE_DISCOVERY_RATE`], so hundreds of comparisons do not flag chance differences.

use std::cmp::Ordering;

use rayon::prelude::*;

use super::tally::{Memberships, Sides, Tallies};
use super::{
    AgreeEstimate, CommonGroundInput, EffectiveConfig, RepFor, StatementEntry, StatementReport,
    Tally, two_sided_p_value,
};

/// The false-discovery rate at which differences are flagged.
pub const FALSE_DISCOVERY_RATE: f64 = 0.05;
use crate::votes::StatementId;

/// A statement on which opinion groups disagree with each other.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Divisive {
    /// The statement.
    pub statement: StatementId,
    /// The highest group agree rate minus the lowest.
    pub spread: f64,
    /// The population standard deviation of the group agree rates.
    pub std_dev: f64,
    /// The group that agrees most.
    pub most_agreeing_group: usize,
    /// Its agree rate.
    pub highest_rate: f64,
    /// The group that agrees least.
    pub least_agreeing_group: usize,
    /// Its agree rate.
    pub lowest_rate: f64,
    /// How many groups had enough votes to count.
    pub n_groups_counted: usize,
}

/// A statement on which two sets of participants agree at different rates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    /// The statement.
    pub statement: StatementId,
    /// The first set's votes.
    pub first: Tally,
    /// The second set's votes.
    pub second: Tally,
    /// The first set's agree rate.
    pub first_rate: f64,
    /// The second set's agree rate.
    pub second_rate: f64,
    /// `first_rate - second_rate`.
    pub difference: f64,
    /// The two-proportion z statistic, with the pooled rate in the standard error.
    pub z: f64,
    /// The two-sided p-value of `z`.
    pub p_value: f64,
    /// The Benjamini–Hochberg adjusted p-value across every test the differences show.
    pub q_value: f64,
    /// Whether `q_value` is at most [`FALSE_DISCOVERY_RATE`].
    pub is_discovery: bool,
}

/// A statement an opinion group distinctively holds, with its test corrected for the number of
/// tests shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Distinctive {
    /// What the representativeness analysis found.
    pub rep: RepFor,
    /// The two-sided p-value of the group-against-the-rest z statistic.
    pub p_value: f64,
    /// The Benjamini–Hochberg adjusted p-value across every test the differences show.
    pub q_value: f64,
    /// Whether `q_value` is at most [`FALSE_DISCOVERY_RATE`].
    pub is_discovery: bool,
}

/// The statements on which two constituencies diverge most.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstituencyGaps {
    /// The first constituency, by index.
    pub first: usize,
    /// The second constituency, by index (greater than `first`).
    pub second: usize,
    /// The largest gaps, largest first.
    pub gaps: Vec<Gap>,
}

/// Lay members pooled against professional members.
#[derive(Clone, Debug, PartialEq)]
pub struct LayProfessional {
    /// The constituencies marked lay.
    pub lay_constituencies: Vec<usize>,
    /// The constituencies marked professional.
    pub professional_constituencies: Vec<usize>,
    /// Participants in at least one lay constituency.
    pub lay_participants: usize,
    /// Participants in at least one professional constituency.
    pub professional_participants: usize,
    /// Participants in both, who count on both sides.
    pub in_both: usize,
    /// The largest gaps (lay first, professional second), largest first. Each side's rate is
    /// the mean of its constituencies' rates (those with enough votes), so every constituency
    /// on a side counts once; the tallies are the pooled votes of each side.
    pub gaps: Vec<Gap>,
}

/// Where the dialogue divides.
#[derive(Clone, Debug, PartialEq)]
pub struct Differences {
    /// Statements with the largest spread of group agree rates, most divisive first.
    pub divisive: Vec<Divisive>,
    /// Per opinion group, the statements it distinctively holds, as given by the
    /// representativeness analysis (empty when it was not computed).
    pub distinctive: Vec<Vec<Distinctive>>,
    /// For each pair of constituencies, the statements on which they diverge most.
    pub constituency_gaps: Vec<ConstituencyGaps>,
    /// Lay against professional members, when constituencies of both kinds exist.
    pub lay_professional: Option<LayProfessional>,
}

/// Compares two estimates with a two-proportion z test on their effective counts (the counts
/// themselves without weights; the weighted rate on Kish's effective size with them).
///
/// Returns `None` unless both have votes. When both sides agree unanimously, or neither agrees
/// at all, the pooled standard error is 0 and so is the difference: z is then 0 and p is 1.
///
/// The test assumes independent samples. A participant who belongs to both sets counts in
/// both; such overlap pulls the two rates together and makes the real variance of the
/// difference smaller than the formula's, so the test is then conservative.
pub(crate) fn compare(
    statement: StatementId,
    first: &AgreeEstimate,
    second: &AgreeEstimate,
) -> Option<Gap> {
    let (agree_first, n_first) = first.effective_counts();
    let (agree_second, n_second) = second.effective_counts();
    if n_first <= 0.0 || n_second <= 0.0 {
        return None;
    }
    let first_rate = agree_first / n_first;
    let second_rate = agree_second / n_second;
    let pooled = (agree_first + agree_second) / (n_first + n_second);
    let variance = pooled * (1.0 - pooled) * (1.0 / n_first + 1.0 / n_second);
    let difference = first_rate - second_rate;
    let z = if variance > 0.0 {
        difference / variance.sqrt()
    } else {
        0.0
    };
    Some(Gap {
        statement,
        first: first.tally,
        second: second.tally,
        first_rate,
        second_rate,
        difference,
        z,
        p_value: two_sided_p_value(z),
        q_value: 1.0,
        is_discovery: false,
    })
}

/// Returns the Benjamini–Hochberg adjusted p-values (q-values) of `p_values`, in their order:
/// q of the i-th smallest of m is the smallest m·p(j)/j over j ≥ i, at most 1.
pub fn benjamini_hochberg(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&left, &right| {
        p_values[left]
            .total_cmp(&p_values[right])
            .then(left.cmp(&right))
    });
    let mut q_values = vec![1.0; m];
    let mut running = 1.0_f64;
    for (position, &index) in order.iter().enumerate().rev() {
        let rank = (position + 1) as f64;
        let p = if p_values[index].is_nan() {
            1.0
        } else {
            p_values[index]
        };
        running = running.min(p * m as f64 / rank).min(1.0);
        q_values[index] = running;
    }
    q_values
}

/// Flags every gap and distinctive statement shown through one Benjamini–Hochberg procedure.
fn flag_discoveries(differences: &mut Differences) {
    let mut p_values = Vec::new();
    for pair in &differences.constituency_gaps {
        p_values.extend(pair.gaps.iter().map(|gap| gap.p_value));
    }
    if let Some(split) = &differences.lay_professional {
        p_values.extend(split.gaps.iter().map(|gap| gap.p_value));
    }
    for group in &differences.distinctive {
        p_values.extend(group.iter().map(|entry| entry.p_value));
    }
    let mut q_values = benjamini_hochberg(&p_values).into_iter();
    let mut next = || q_values.next().unwrap_or(1.0);
    for pair in &mut differences.constituency_gaps {
        for gap in &mut pair.gaps {
            gap.q_value = next();
            gap.is_discovery = gap.q_value <= FALSE_DISCOVERY_RATE;
        }
    }
    if let Some(split) = &mut differences.lay_professional {
        for gap in &mut split.gaps {
            gap.q_value = next();
            gap.is_discovery = gap.q_value <= FALSE_DISCOVERY_RATE;
        }
    }
    for group in &mut differences.distinctive {
        for entry in group {
            entry.q_value = next();
            entry.is_discovery = entry.q_value <= FALSE_DISCOVERY_RATE;
        }
    }
}

/// Orders gaps largest first: by |difference|, then smaller p-value, then statement id.
fn by_size(left: &Gap, right: &Gap) -> Ordering {
    right
        .difference
        .abs()
        .total_cmp(&left.difference.abs())
        .then_with(|| left.p_value.total_cmp(&right.p_value))
        .then_with(|| left.statement.cmp(&right.statement))
}

fn largest(mut gaps: Vec<Gap>, top_n: usize) -> Vec<Gap> {
    gaps.sort_by(by_size);
    gaps.truncate(top_n);
    gaps
}

/// Finds the spread of group agree rates over the groups with enough votes (at least two).
fn divisive(statement: &StatementReport) -> Option<Divisive> {
    let rates: Vec<(usize, f64)> = statement
        .groups
        .iter()
        .enumerate()
        .filter(|(_, estimate)| estimate.has_enough_votes)
        .filter_map(|(group, estimate)| Some((group, estimate.rate?)))
        .collect();
    if rates.len() < 2 {
        return None;
    }
    // The first group in index order wins ties, so results do not depend on sort stability.
    let mut highest = rates[0];
    let mut lowest = rates[0];
    for &(group, rate) in &rates[1..] {
        if rate > highest.1 {
            highest = (group, rate);
        }
        if rate < lowest.1 {
            lowest = (group, rate);
        }
    }
    let n = rates.len() as f64;
    let mean = rates.iter().map(|(_, rate)| rate).sum::<f64>() / n;
    let variance = rates
        .iter()
        .map(|(_, rate)| (rate - mean) * (rate - mean))
        .sum::<f64>()
        / n;
    Some(Divisive {
        statement: statement.statement,
        spread: highest.1 - lowest.1,
        std_dev: variance.sqrt(),
        most_agreeing_group: highest.0,
        highest_rate: highest.1,
        least_agreeing_group: lowest.0,
        lowest_rate: lowest.1,
        n_groups_counted: rates.len(),
    })
}

/// Computes every difference the report shows.
pub(crate) fn differences(
    input: &CommonGroundInput,
    entries: &[StatementEntry],
    statements: &[StatementReport],
    tallies: &Tallies,
    memberships: &Memberships,
    config: &EffectiveConfig,
) -> Differences {
    let mut divisive_statements: Vec<Divisive> = statements
        .iter()
        .filter(|statement| !statement.is_moderated_out)
        .filter_map(divisive)
        .collect();
    divisive_statements.sort_by(|left, right| {
        right
            .spread
            .total_cmp(&left.spread)
            .then_with(|| right.std_dev.total_cmp(&left.std_dev))
            .then_with(|| left.statement.cmp(&right.statement))
    });
    divisive_statements.truncate(config.top_n);

    let n_constituencies = input.constituencies.len();
    let pairs: Vec<(usize, usize)> = (0..n_constituencies)
        .flat_map(|first| (first + 1..n_constituencies).map(move |second| (first, second)))
        .collect();
    let constituency_gaps = pairs
        .par_iter()
        .map(|&(first, second)| {
            let gaps = statements
                .iter()
                .filter(|statement| !statement.is_moderated_out)
                .filter_map(|statement| {
                    let left = statement.constituencies.get(first)?;
                    let right = statement.constituencies.get(second)?;
                    if !(left.has_enough_votes && right.has_enough_votes) {
                        return None;
                    }
                    compare(statement.statement, left, right)
                })
                .collect();
            ConstituencyGaps {
                first,
                second,
                gaps: largest(gaps, config.top_n),
            }
        })
        .collect();

    let distinctive = input
        .representativeness
        .unwrap_or_default()
        .iter()
        .map(|entries| {
            entries
                .iter()
                .map(|&rep| Distinctive {
                    rep,
                    p_value: two_sided_p_value(rep.repness_test),
                    q_value: 1.0,
                    is_discovery: false,
                })
                .collect()
        })
        .collect();
    let mut differences = Differences {
        divisive: divisive_statements,
        distinctive,
        constituency_gaps,
        lay_professional: lay_professional(
            input,
            entries,
            statements,
            tallies,
            memberships,
            config,
        ),
    };
    flag_discoveries(&mut differences);
    differences
}

/// Compares lay with professional constituencies, each constituency counting once on its side:
/// a side's rate is the mean of its constituencies' rates (those with enough votes), with the
/// variance of that mean, Σ r(1 − r)/n / k², from each constituency's effective votes n.
fn lay_professional(
    input: &CommonGroundInput,
    entries: &[StatementEntry],
    statements: &[StatementReport],
    tallies: &Tallies,
    memberships: &Memberships,
    config: &EffectiveConfig,
) -> Option<LayProfessional> {
    use super::ConstituencyKind;
    let of_kind = |kind: ConstituencyKind| -> Vec<usize> {
        input
            .constituencies
            .iter()
            .enumerate()
            .filter(|(_, constituency)| constituency.kind == Some(kind))
            .map(|(index, _)| index)
            .collect()
    };
    let lay_constituencies = of_kind(ConstituencyKind::Lay);
    let professional_constituencies = of_kind(ConstituencyKind::Professional);
    if lay_constituencies.is_empty() || professional_constituencies.is_empty() {
        return None;
    }
    let (mut lay_participants, mut professional_participants, mut in_both) = (0, 0, 0);
    for (_, indices) in memberships.entries() {
        let sides = Sides::of(indices, input.constituencies);
        lay_participants += usize::from(sides.is_lay);
        professional_participants += usize::from(sides.is_professional);
        in_both += usize::from(sides.is_lay && sides.is_professional);
    }
    let mut by_id: Vec<(StatementId, &StatementReport)> = statements
        .iter()
        .map(|statement| (statement.statement, statement))
        .collect();
    by_id.sort_by_key(|(id, _)| *id);
    let find = |id: StatementId| {
        by_id
            .binary_search_by_key(&id, |(key, _)| *key)
            .ok()
            .map(|index| by_id[index].1)
    };
    let gaps = entries
        .iter()
        .filter(|entry| !entry.is_moderated_out)
        .filter_map(|entry| {
            let report = find(entry.id)?;
            let lay = side_mean(&report.constituencies, &lay_constituencies)?;
            let professional = side_mean(&report.constituencies, &professional_constituencies)?;
            let difference = lay.0 - professional.0;
            let variance = lay.1 + professional.1;
            let z = if variance > 0.0 {
                difference / variance.sqrt()
            } else {
                0.0
            };
            Some(Gap {
                statement: entry.id,
                first: tallies.lay(entry.column),
                second: tallies.professional(entry.column),
                first_rate: lay.0,
                second_rate: professional.0,
                difference,
                z,
                p_value: two_sided_p_value(z),
                q_value: 1.0,
                is_discovery: false,
            })
        })
        .collect();
    Some(LayProfessional {
        lay_constituencies,
        professional_constituencies,
        lay_participants,
        professional_participants,
        in_both,
        gaps: largest(gaps, config.top_n),
    })
}

/// Returns the mean rate of the constituencies in `side` with enough votes and the variance of
/// that mean, or `None` when none has enough votes.
fn side_mean(estimates: &[AgreeEstimate], side: &[usize]) -> Option<(f64, f64)> {
    let counted: Vec<(f64, f64)> = side
        .iter()
        .filter_map(|&index| estimates.get(index))
        .filter(|estimate| estimate.has_enough_votes && estimate.effective_votes > 0.0)
        .filter_map(|estimate| Some((estimate.rate?, estimate.effective_votes)))
        .collect();
    if counted.is_empty() {
        return None;
    }
    let k = counted.len() as f64;
    let mean = counted.iter().map(|(rate, _)| rate).sum::<f64>() / k;
    let variance = counted
        .iter()
        .map(|(rate, n)| rate * (1.0 - rate) / n)
        .sum::<f64>()
        / (k * k);
    Some((mean, variance))
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "interval ends of exactly 0 and 1 and copied values are meant to be exact"
)]
mod tests {
    use super::*;

    fn tally(agree: u64, disagree: u64) -> AgreeEstimate {
        let tally = Tally {
            agree,
            disagree,
            pass: 0,
        };
        AgreeEstimate {
            tally,
            weighted: None,
            rate: tally.agree_rate(),
            head_count_rate: tally.agree_rate(),
            effective_votes: tally.seen() as f64,
            interval: None,
            has_enough_votes: true,
        }
    }

    #[test]
    fn benjamini_hochberg_matches_a_hand_computation() {
        // m = 4: sorted p 0.01, 0.02, 0.03, 0.5 give 0.04, 0.04, 0.04, 0.5.
        let q = benjamini_hochberg(&[0.5, 0.03, 0.01, 0.02]);
        let expected = [0.5, 0.04, 0.04, 0.04];
        for (got, want) in q.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{q:?}");
        }
        assert!(benjamini_hochberg(&[]).is_empty());
        // A single test keeps its p-value; many tests raise it.
        assert!((benjamini_hochberg(&[0.04])[0] - 0.04).abs() < 1e-15);
        assert!(
            benjamini_hochberg(&[0.04; 100])
                .iter()
                .all(|&q| (q - 0.04).abs() < 1e-12)
        );
        let mut many = vec![0.9; 99];
        many.push(0.001);
        assert!((benjamini_hochberg(&many)[99] - 0.1).abs() < 1e-12);
    }

    #[test]
    fn each_side_of_lay_and_professional_is_the_mean_of_its_constituencies() {
        // A large lay constituency at 90% and a small one at 10% average to 50%, not 83%.
        let estimates = [tally(900, 100), tally(2, 18), tally(30, 30)];
        let (mean, variance) = side_mean(&estimates, &[0, 1]).unwrap();
        assert!((mean - 0.5).abs() < 1e-12);
        let expected = (0.09 / 1000.0 + 0.09 / 20.0) / 4.0;
        assert!((variance - expected).abs() < 1e-15);
        assert_eq!(side_mean(&estimates, &[]), None);
    }

    #[test]
    fn the_two_proportion_test_matches_a_hand_computation() {
        // 40/50 against 20/50: pooled 0.6, se = sqrt(0.24 * 0.04) = 0.09798, z = 4.0825.
        let gap = compare(StatementId(1), &tally(40, 10), &tally(20, 30)).unwrap();
        assert!((gap.difference - 0.4).abs() < 1e-15);
        let z = 0.4 / (0.6_f64 * 0.4 * (2.0 / 50.0)).sqrt();
        assert!((gap.z - z).abs() < 1e-12);
        // Two-sided p for z = 4.0825 is about 4.46e-5.
        assert!((gap.p_value - 4.455_709e-5).abs() < 1e-9, "{}", gap.p_value);
    }

    #[test]
    fn unanimous_sides_have_no_gap_and_p_one() {
        let gap = compare(StatementId(1), &tally(5, 0), &tally(9, 0)).unwrap();
        assert_eq!(gap.z, 0.0);
        assert_eq!(gap.p_value, 1.0);
        assert_eq!(compare(StatementId(1), &tally(0, 0), &tally(9, 0)), None);
    }

    #[test]
    fn gaps_are_ordered_by_size_then_p_value_then_statement() {
        let gaps = vec![
            compare(StatementId(3), &tally(5, 5), &tally(10, 0)).unwrap(),
            compare(StatementId(1), &tally(50, 50), &tally(100, 0)).unwrap(),
            compare(StatementId(2), &tally(9, 1), &tally(1, 9)).unwrap(),
        ];
        let ordered: Vec<u32> = largest(gaps, 2).iter().map(|g| g.statement.0).collect();
        assert_eq!(ordered, vec![2, 1]);
    }
}
