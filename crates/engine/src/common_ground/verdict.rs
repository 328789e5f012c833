//! Decides whether each statement is common ground, explains the decision in one line a convenor
//! can read, and ranks the statements.

use std::cmp::Ordering;

use super::{AgreeEstimate, Constituency, EffectiveConfig, Standing, StatementReport, Unit};

/// The decision for one statement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Judgement {
    pub(crate) standing: Standing,
    pub(crate) holds_across_groups: Option<bool>,
    pub(crate) holds_across_constituencies: Option<bool>,
    pub(crate) score: Option<f64>,
}

/// Returns the lower bound of an estimate's interval (0 without votes).
fn lower_bound(estimate: &AgreeEstimate) -> f64 {
    estimate.interval.map_or(0.0, |interval| interval.lower)
}

/// Returns whether every estimate with enough votes reaches the threshold, or `None` when none
/// has enough votes.
fn holds_across(estimates: &[AgreeEstimate], threshold: f64) -> Option<bool> {
    let mut counted = estimates.iter().filter(|e| e.has_enough_votes).peekable();
    counted.peek()?;
    Some(counted.all(|estimate| lower_bound(estimate) >= threshold))
}

/// Returns every group and then every constituency with its estimate, in that order.
fn units<'a>(
    groups: &'a [AgreeEstimate],
    constituencies: &'a [AgreeEstimate],
) -> impl Iterator<Item = (Unit, &'a AgreeEstimate)> + 'a {
    let groups = groups
        .iter()
        .enumerate()
        .map(|(index, estimate)| (Unit::Group(index), estimate));
    let constituencies = constituencies
        .iter()
        .enumerate()
        .map(|(index, estimate)| (Unit::Constituency(index), estimate));
    groups.chain(constituencies)
}

/// Decides whether a statement is common ground (see the module documentation of
/// `common_ground` for the rule) and which group or constituency settles it when it is not.
///
/// `constituency_has_voters` says, per constituency, whether any member voted at all: a
/// constituency without voters cannot hold a statement up, every other unit must have enough
/// votes on it.
pub(crate) fn judge(
    is_moderated_out: bool,
    groups: &[AgreeEstimate],
    constituencies: &[AgreeEstimate],
    constituency_has_voters: &[bool],
    bridging: Option<f64>,
    config: &EffectiveConfig,
) -> Judgement {
    let threshold = config.threshold;
    let holds_across_groups = holds_across(groups, threshold);
    let holds_across_constituencies = holds_across(constituencies, threshold);
    let counted = || units(groups, constituencies).filter(|(_, e)| e.has_enough_votes);
    let score = counted()
        .map(|(_, estimate)| lower_bound(estimate))
        .reduce(f64::min);
    // The weakest failing unit: lowest lower bound, the first in unit order on ties.
    let mut weakest: Option<(Unit, f64)> = None;
    let mut disagreeing = Vec::new();
    for (unit, estimate) in counted() {
        let lower = lower_bound(estimate);
        if lower < threshold {
            disagreeing.push(unit);
            if weakest.is_none_or(|(_, lowest)| lower < lowest) {
                weakest = Some((unit, lower));
            }
        }
    }
    let short: Vec<Unit> = units(groups, constituencies)
        .filter(|(unit, estimate)| {
            let has_voters = match unit {
                Unit::Group(_) => true,
                Unit::Constituency(index) => {
                    constituency_has_voters.get(*index).copied().unwrap_or(true)
                }
            };
            has_voters && !estimate.has_enough_votes
        })
        .map(|(unit, _)| unit)
        .collect();
    let standing = if is_moderated_out {
        Standing::ModeratedOut
    } else if groups.is_empty() && constituencies.is_empty() {
        Standing::NoGroupsOrConstituencies
    } else if let Some((unit, _)) = weakest {
        Standing::BelowThreshold { unit, disagreeing }
    } else if score.is_none() {
        // The unit closest to having enough votes: most seen, the first in unit order on ties.
        let mut closest: Option<(Unit, u64)> = None;
        for (unit, estimate) in units(groups, constituencies) {
            let seen = estimate.tally.seen();
            if closest.is_none_or(|(_, most)| seen > most) {
                closest = Some((unit, seen));
            }
        }
        match closest {
            Some((unit, seen)) => Standing::TooFewVotes {
                unit,
                needed: config.min_votes.saturating_sub(seen),
            },
            None => Standing::NoGroupsOrConstituencies,
        }
    } else if !short.is_empty() {
        Standing::Provisional { short }
    } else if let Some(intercept) = bridging.filter(|&intercept| intercept < 0.0) {
        Standing::NegativeBridging { intercept }
    } else {
        Standing::CommonGround
    };
    Judgement {
        standing,
        holds_across_groups,
        holds_across_constituencies,
        score: if is_moderated_out { None } else { score },
    }
}

/// Returns the name a convenor reads for a group or constituency.
pub(crate) fn unit_name(unit: Unit, constituencies: &[Constituency]) -> String {
    match unit {
        Unit::Group(index) => format!("group {}", index + 1),
        Unit::Constituency(index) => match constituencies.get(index) {
            Some(constituency) if !constituency.name.trim().is_empty() => constituency.name.clone(),
            _ => format!("constituency {}", index + 1),
        },
    }
}

/// Formats a proportion as a whole percentage without the sign.
fn percent(rate: f64) -> String {
    format!("{:.0}", rate * 100.0)
}

/// Describes how many of a kind of unit count: "all 3 groups", "the one group", "2 of 3 groups".
fn coverage(counted: usize, total: usize, singular: &str, plural: &str) -> String {
    if counted == total {
        if total == 1 {
            format!("the one {singular}")
        } else {
            format!("all {total} {plural}")
        }
    } else if total == 1 {
        format!("{counted} of 1 {singular}")
    } else {
        format!("{counted} of {total} {plural}")
    }
}

/// Joins names as "a", "a and b", "a, b and c", or "a, b, c and 4 more".
fn join_names(names: &[String]) -> String {
    const SHOWN: usize = 3;
    match names {
        [] => String::new(),
        [only] => only.clone(),
        _ if names.len() <= SHOWN => {
            let (last, rest) = names.split_last().expect("at least two names");
            format!("{} and {last}", rest.join(", "))
        }
        _ => format!(
            "{} and {} more",
            names[..SHOWN].join(", "),
            names.len() - SHOWN
        ),
    }
}

/// Writes the one-line reason for a judgement.
pub(crate) fn reason(
    judgement: &Judgement,
    groups: &[AgreeEstimate],
    estimates_by_constituency: &[AgreeEstimate],
    constituencies: &[Constituency],
    config: &EffectiveConfig,
) -> String {
    let estimate_of = |unit: Unit| match unit {
        Unit::Group(index) => groups.get(index),
        Unit::Constituency(index) => estimates_by_constituency.get(index),
    };
    match &judgement.standing {
        Standing::ModeratedOut => "moderated out: not part of the analysis".to_owned(),
        Standing::NoGroupsOrConstituencies => {
            "not common ground: no opinion groups or constituencies to compare yet".to_owned()
        }
        Standing::TooFewVotes { unit, needed } => format!(
            "too few votes: needs {needed} more in {}",
            unit_name(*unit, constituencies)
        ),
        Standing::BelowThreshold { unit, disagreeing } => {
            let name = unit_name(*unit, constituencies);
            let Some(estimate) = estimate_of(*unit) else {
                return format!("divided: {name} does not agree");
            };
            let rate = estimate.rate.unwrap_or(0.0);
            let counts = if estimate.weighted.is_some() {
                format!("({} voted)", estimate.tally.seen())
            } else {
                format!("({} of {})", estimate.tally.agree, estimate.tally.seen())
            };
            let mut line = if rate < config.threshold {
                format!("divided: {name} {}% agree {counts}", percent(rate))
            } else {
                format!(
                    "divided: {name} {}% agree {counts}, not clearly above {}%",
                    percent(rate),
                    percent(config.threshold)
                )
            };
            let others: Vec<String> = disagreeing
                .iter()
                .filter(|other| *other != unit)
                .map(|&other| {
                    let rate = estimate_of(other).and_then(|e| e.rate).unwrap_or(0.0);
                    format!("{} {}%", unit_name(other, constituencies), percent(rate))
                })
                .collect();
            if !others.is_empty() {
                line.push_str(&format!("; also {}", join_names(&others)));
            }
            line
        }
        Standing::Provisional { short } => {
            let names: Vec<String> = short
                .iter()
                .map(|&unit| unit_name(unit, constituencies))
                .collect();
            format!(
                "provisional: {} so far; not enough votes yet in {}",
                agreed_range(groups, estimates_by_constituency),
                join_names(&names)
            )
        }
        Standing::NegativeBridging { intercept } => format!(
            "not common ground: agreed in every group and constituency, but the bridging score \
             is negative ({intercept:.2})"
        ),
        Standing::CommonGround => {
            common_ground_reason(groups, estimates_by_constituency, constituencies)
        }
    }
}

/// Writes "agreed by 71–93% in all 3 groups and all 5 constituencies", naming any group or
/// constituency that was left out for want of votes.
/// Writes "agreed by 71–93%" over the groups and constituencies with enough votes.
fn agreed_range(groups: &[AgreeEstimate], estimates_by_constituency: &[AgreeEstimate]) -> String {
    let rates: Vec<f64> = units(groups, estimates_by_constituency)
        .filter(|(_, estimate)| estimate.has_enough_votes)
        .filter_map(|(_, estimate)| estimate.rate)
        .collect();
    let lowest = percent(rates.iter().copied().fold(f64::INFINITY, f64::min));
    let highest = percent(rates.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    if lowest == highest {
        format!("agreed by {lowest}%")
    } else {
        format!("agreed by {lowest}–{highest}%")
    }
}

fn common_ground_reason(
    groups: &[AgreeEstimate],
    estimates_by_constituency: &[AgreeEstimate],
    constituencies: &[Constituency],
) -> String {
    let range = agreed_range(groups, estimates_by_constituency);
    let counted =
        |estimates: &[AgreeEstimate]| estimates.iter().filter(|e| e.has_enough_votes).count();
    let mut places = Vec::new();
    let counted_groups = counted(groups);
    if counted_groups > 0 {
        places.push(coverage(counted_groups, groups.len(), "group", "groups"));
    }
    let counted_constituencies = counted(estimates_by_constituency);
    if counted_constituencies > 0 {
        places.push(coverage(
            counted_constituencies,
            estimates_by_constituency.len(),
            "constituency",
            "constituencies",
        ));
    }
    let mut line = format!("{range} in {}", places.join(" and "));
    let thin: Vec<String> = units(groups, estimates_by_constituency)
        .filter(|(_, estimate)| !estimate.has_enough_votes)
        .map(|(unit, _)| unit_name(unit, constituencies))
        .collect();
    if !thin.is_empty() {
        line.push_str(&format!("; too few votes yet in {}", join_names(&thin)));
    }
    line
}

/// Orders two optional values, larger first and `None` last.
fn descending(left: Option<f64>, right: Option<f64>) -> Ordering {
    match (left, right) {
        (Some(left), Some(right)) => right.total_cmp(&left),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts the statements best first and numbers them from 1.
///
/// Common ground comes first, then the other statements, then the moderated-out ones. Within
/// each, a higher score (the smallest interval lower bound over the groups and constituencies
/// that count) ranks higher; ties go to the higher group equal-weight agreement, then the higher
/// constituency equal-weight agreement, then the lower statement id.
pub(crate) fn rank(statements: &mut [StatementReport]) {
    let category = |statement: &StatementReport| {
        if statement.is_common_ground {
            0
        } else if statement.is_moderated_out {
            2
        } else {
            1
        }
    };
    statements.sort_by(|left, right| {
        category(left)
            .cmp(&category(right))
            .then_with(|| descending(left.score, right.score))
            .then_with(|| {
                descending(
                    left.group_equal_weight.map(|e| e.agreement),
                    right.group_equal_weight.map(|e| e.agreement),
                )
            })
            .then_with(|| {
                descending(
                    left.constituency_equal_weight.map(|e| e.agreement),
                    right.constituency_equal_weight.map(|e| e.agreement),
                )
            })
            .then_with(|| left.statement.cmp(&right.statement))
    });
    for (position, statement) in statements.iter_mut().enumerate() {
        statement.rank = position + 1;
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "interval ends of exactly 0 and 1 and copied values are meant to be exact"
)]
mod tests {
    use super::*;
    use crate::common_ground::{Tally, jeffreys_interval};

    fn config() -> EffectiveConfig {
        EffectiveConfig {
            min_votes: 5,
            threshold: 0.5,
            confidence: 0.95,
            min_constituency_participants: 5,
            top_n: 10,
        }
    }

    fn estimate(agree: u64, seen: u64) -> AgreeEstimate {
        let tally = Tally {
            agree,
            disagree: seen - agree,
            pass: 0,
        };
        AgreeEstimate {
            tally,
            weighted: None,
            rate: tally.agree_rate(),
            head_count_rate: tally.agree_rate(),
            effective_votes: seen as f64,
            interval: jeffreys_interval(agree, seen, 0.95),
            has_enough_votes: seen >= 5,
        }
    }

    fn named(names: &[&str]) -> Vec<Constituency> {
        names
            .iter()
            .map(|name| Constituency {
                name: (*name).to_owned(),
                expected_share: None,
                kind: None,
            })
            .collect()
    }

    fn explain(
        groups: &[AgreeEstimate],
        constituencies: &[AgreeEstimate],
        names: &[&str],
        bridging: Option<f64>,
    ) -> (Judgement, String) {
        let with_voters = vec![true; constituencies.len()];
        let judgement = judge(
            false,
            groups,
            constituencies,
            &with_voters,
            bridging,
            &config(),
        );
        let line = reason(&judgement, groups, constituencies, &named(names), &config());
        (judgement, line)
    }

    #[test]
    fn agreement_everywhere_is_common_ground_with_its_range() {
        let groups = [estimate(25, 30), estimate(40, 43), estimate(20, 28)];
        let constituencies = [estimate(30, 35), estimate(50, 60)];
        let (judgement, line) = explain(&groups, &constituencies, &["carers", "GPs"], None);
        assert_eq!(judgement.standing, Standing::CommonGround);
        assert_eq!(
            line,
            "agreed by 71–93% in all 3 groups and all 2 constituencies"
        );
        assert_eq!(judgement.holds_across_groups, Some(true));
    }

    #[test]
    fn the_weakest_failing_constituency_is_named() {
        let groups = [estimate(25, 30), estimate(40, 43)];
        let constituencies = [estimate(5, 13), estimate(4, 5)];
        let (judgement, line) = explain(&groups, &constituencies, &["carers", "GPs"], None);
        assert_eq!(
            judgement.standing,
            Standing::BelowThreshold {
                unit: Unit::Constituency(0),
                disagreeing: vec![Unit::Constituency(0), Unit::Constituency(1)]
            }
        );
        // 4 of 5 is not clearly above half either.
        assert_eq!(line, "divided: carers 38% agree (5 of 13); also GPs 80%");
        assert_eq!(judgement.holds_across_constituencies, Some(false));
        assert_eq!(judgement.holds_across_groups, Some(true));
    }

    #[test]
    fn a_majority_that_is_not_clearly_above_the_threshold_says_so() {
        let (judgement, line) = explain(&[estimate(6, 10)], &[], &[], None);
        assert_eq!(
            judgement.standing,
            Standing::BelowThreshold {
                unit: Unit::Group(0),
                disagreeing: vec![Unit::Group(0)]
            }
        );
        assert_eq!(
            line,
            "divided: group 1 60% agree (6 of 10), not clearly above 50%"
        );
    }

    #[test]
    fn every_disagreeing_unit_is_named() {
        let groups = [estimate(2, 10), estimate(40, 43)];
        let constituencies = [estimate(5, 13), estimate(19, 20)];
        let (judgement, line) = explain(&groups, &constituencies, &["carers", "GPs"], None);
        assert_eq!(
            judgement.standing,
            Standing::BelowThreshold {
                unit: Unit::Group(0),
                disagreeing: vec![Unit::Group(0), Unit::Constituency(0)]
            }
        );
        assert_eq!(
            line,
            "divided: group 1 20% agree (2 of 10); also carers 38%"
        );
    }

    #[test]
    fn thin_evidence_says_how_many_more_votes_are_needed_and_where() {
        let (judgement, line) = explain(&[estimate(2, 2)], &[estimate(3, 3)], &["carers"], None);
        assert_eq!(
            judgement.standing,
            Standing::TooFewVotes {
                unit: Unit::Constituency(0),
                needed: 2
            }
        );
        assert_eq!(line, "too few votes: needs 2 more in carers");
        assert_eq!(judgement.score, None);
    }

    #[test]
    fn a_unit_short_of_votes_makes_agreement_provisional_and_is_named() {
        let groups = [estimate(10, 10), estimate(1, 2)];
        let (judgement, line) = explain(&groups, &[estimate(9, 10)], &["nurses"], None);
        assert_eq!(
            judgement.standing,
            Standing::Provisional {
                short: vec![Unit::Group(1)]
            }
        );
        assert_eq!(
            line,
            "provisional: agreed by 90–100% so far; not enough votes yet in group 2"
        );
    }

    #[test]
    fn a_constituency_without_voters_does_not_hold_a_statement_up() {
        let groups = [estimate(10, 10)];
        let constituencies = [estimate(9, 10), estimate(0, 0)];
        let judgement = judge(
            false,
            &groups,
            &constituencies,
            &[true, false],
            None,
            &config(),
        );
        assert_eq!(judgement.standing, Standing::CommonGround);
    }

    #[test]
    fn a_negative_bridging_intercept_blocks_common_ground() {
        let (judgement, line) = explain(&[estimate(10, 10)], &[], &[], Some(-0.25));
        assert_eq!(
            judgement.standing,
            Standing::NegativeBridging { intercept: -0.25 }
        );
        assert!(
            line.contains("bridging score is negative (-0.25)"),
            "{line}"
        );
        let (judgement, _) = explain(&[estimate(10, 10)], &[], &[], Some(0.0));
        assert_eq!(judgement.standing, Standing::CommonGround);
    }

    #[test]
    fn moderated_out_and_unit_free_statements_are_never_common_ground() {
        let judgement = judge(true, &[estimate(10, 10)], &[], &[], None, &config());
        assert_eq!(judgement.standing, Standing::ModeratedOut);
        assert_eq!(judgement.score, None);
        let (judgement, line) = explain(&[], &[], &[], None);
        assert_eq!(judgement.standing, Standing::NoGroupsOrConstituencies);
        assert!(line.starts_with("not common ground"));
    }

    #[test]
    fn names_are_joined_readably() {
        let names = |n: usize| (1..=n).map(|i| format!("n{i}")).collect::<Vec<_>>();
        assert_eq!(join_names(&names(1)), "n1");
        assert_eq!(join_names(&names(2)), "n1 and n2");
        assert_eq!(join_names(&names(3)), "n1, n2 and n3");
        assert_eq!(join_names(&names(5)), "n1, n2, n3 and 2 more");
        assert_eq!(
            unit_name(Unit::Constituency(3), &named(&["a"])),
            "constituency 4"
        );
    }
}
