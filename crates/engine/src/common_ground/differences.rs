//! Differences made explicit: divisive statements, what each opinion group distinctively holds,
//! and the statements on which constituencies (and lay against professional members) diverge.

use std::cmp::Ordering;

use rayon::prelude::*;

use super::tally::{Memberships, Sides, Tallies};
use super::{
    CommonGroundInput, EffectiveConfig, RepFor, StatementEntry, StatementReport, Tally,
    two_sided_p_value,
};
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
    /// The largest gaps (lay first, professional second), largest first.
    pub gaps: Vec<Gap>,
}

/// Where the dialogue divides.
#[derive(Clone, Debug, PartialEq)]
pub struct Differences {
    /// Statements with the largest spread of group agree rates, most divisive first.
    pub divisive: Vec<Divisive>,
    /// Per opinion group, the statements it distinctively holds, as given by the
    /// representativeness analysis (empty when it was not computed).
    pub distinctive: Vec<Vec<RepFor>>,
    /// For each pair of constituencies, the statements on which they diverge most.
    pub constituency_gaps: Vec<ConstituencyGaps>,
    /// Lay against professional members, when constituencies of both kinds exist.
    pub lay_professional: Option<LayProfessional>,
}

/// Compares two tallies with a two-proportion z test.
///
/// Returns `None` unless both have votes. When both sides agree unanimously, or neither agrees
/// at all, the pooled standard error is 0 and so is the difference: z is then 0 and p is 1.
///
/// The test assumes independent samples. A participant who belongs to both sets counts in
/// both; such overlap pulls the two rates together and makes the real variance of the
/// difference smaller than the formula's, so the test is then conservative.
pub(crate) fn compare(statement: StatementId, first: Tally, second: Tally) -> Option<Gap> {
    let first_rate = first.agree_rate()?;
    let second_rate = second.agree_rate()?;
    let (n_first, n_second) = (first.seen() as f64, second.seen() as f64);
    let pooled = (first.agree + second.agree) as f64 / (n_first + n_second);
    let variance = pooled * (1.0 - pooled) * (1.0 / n_first + 1.0 / n_second);
    let difference = first_rate - second_rate;
    let z = if variance > 0.0 {
        difference / variance.sqrt()
    } else {
        0.0
    };
    Some(Gap {
        statement,
        first,
        second,
        first_rate,
        second_rate,
        difference,
        z,
        p_value: two_sided_p_value(z),
    })
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
                    compare(statement.statement, left.tally, right.tally)
                })
                .collect();
            ConstituencyGaps {
                first,
                second,
                gaps: largest(gaps, config.top_n),
            }
        })
        .collect();

    Differences {
        divisive: divisive_statements,
        distinctive: input
            .representativeness
            .map(<[Vec<RepFor>]>::to_vec)
            .unwrap_or_default(),
        constituency_gaps,
        lay_professional: lay_professional(input, entries, tallies, memberships, config),
    }
}

/// Pools every member of a lay constituency against every member of a professional one; a
/// participant in both counts on both sides.
fn lay_professional(
    input: &CommonGroundInput,
    entries: &[StatementEntry],
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
    let gaps = entries
        .iter()
        .filter(|entry| !entry.is_moderated_out)
        .filter_map(|entry| {
            let lay = tallies.lay(entry.column);
            let professional = tallies.professional(entry.column);
            if lay.seen() < config.min_votes || professional.seen() < config.min_votes {
                return None;
            }
            compare(entry.id, lay, professional)
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

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "interval ends of exactly 0 and 1 and copied values are meant to be exact"
)]
mod tests {
    use super::*;

    fn tally(agree: u64, disagree: u64) -> Tally {
        Tally {
            agree,
            disagree,
            pass: 0,
        }
    }

    #[test]
    fn the_two_proportion_test_matches_a_hand_computation() {
        // 40/50 against 20/50: pooled 0.6, se = sqrt(0.24 * 0.04) = 0.09798, z = 4.0825.
        let gap = compare(StatementId(1), tally(40, 10), tally(20, 30)).unwrap();
        assert!((gap.difference - 0.4).abs() < 1e-15);
        let z = 0.4 / (0.6_f64 * 0.4 * (2.0 / 50.0)).sqrt();
        assert!((gap.z - z).abs() < 1e-12);
        // Two-sided p for z = 4.0825 is about 4.46e-5.
        assert!((gap.p_value - 4.455_709e-5).abs() < 1e-9, "{}", gap.p_value);
    }

    #[test]
    fn unanimous_sides_have_no_gap_and_p_one() {
        let gap = compare(StatementId(1), tally(5, 0), tally(9, 0)).unwrap();
        assert_eq!(gap.z, 0.0);
        assert_eq!(gap.p_value, 1.0);
        assert_eq!(compare(StatementId(1), tally(0, 0), tally(9, 0)), None);
    }

    #[test]
    fn gaps_are_ordered_by_size_then_p_value_then_statement() {
        let gaps = vec![
            compare(StatementId(3), tally(5, 5), tally(10, 0)).unwrap(),
            compare(StatementId(1), tally(50, 50), tally(100, 0)).unwrap(),
            compare(StatementId(2), tally(9, 1), tally(1, 9)).unwrap(),
        ];
        let ordered: Vec<u32> = largest(gaps, 2).iter().map(|g| g.statement.0).collect();
        assert_eq!(ordered, vec![2, 1]);
    }
}
