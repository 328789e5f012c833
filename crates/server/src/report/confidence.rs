//! The report's confidence rules: what it may claim from how many votes, and how it words
//! counts. Each rule is a pure function of the analysis's counts, so the page, its detail
//! pages and the tests apply the same minimums, and the pages state them (`report-groups-rule`
//! and `report-minimums` in the catalogues, checked against these numbers below).

use super::document::{Divisive, Estimate, Representative, Statement};

/// The fewest votes (agree, disagree or pass) a group or constituency must have cast on a
/// statement before the report calls it distinctive, divisive or close to common ground.
pub(super) const MIN_VOTES: u64 = 5;

/// The fewest people an opinion group must hold before the report describes it.
pub(super) const MIN_GROUP_SIZE: usize = 3;

/// The fewest participants placed on the map before opinion groups are shown at all.
pub(super) const MIN_PLACED_FOR_GROUPS: usize = 10;

/// The lowest agreement the least agreeing group or constituency may show for a statement to
/// be listed as close to common ground.
pub(super) const MIN_CLOSEST_RATE: f64 = 0.4;

/// Whether opinion groups may be shown: enough participants placed and at least two groups
/// large enough to describe.
pub(super) fn groups_are_shown(placed: usize, group_sizes: &[usize]) -> bool {
    placed >= MIN_PLACED_FOR_GROUPS
        && group_sizes
            .iter()
            .filter(|&&size| size >= MIN_GROUP_SIZE)
            .count()
            >= 2
}

/// Whether a group may be said to distinctively hold a statement: the group is large enough,
/// enough of its members voted on it, and most of those who did hold the side.
pub(super) fn is_distinctive(representative: &Representative, group_size: usize) -> bool {
    group_size >= MIN_GROUP_SIZE
        && u64::from(representative.n_trials) >= MIN_VOTES
        && representative.n_success > 0
        && 2 * representative.n_success > representative.n_trials
}

/// Whether a statement may be shown as dividing two groups: both groups are large enough and
/// have enough votes on it, the group that agrees most has people agreeing and the group that
/// agrees least has people disagreeing (passes alone never make a division).
pub(super) fn is_divisive(most: &Estimate, least: &Estimate, sizes: [usize; 2]) -> bool {
    sizes.iter().all(|&size| size >= MIN_GROUP_SIZE)
        && most.seen() >= MIN_VOTES
        && least.seen() >= MIN_VOTES
        && most.agree > 0
        && least.disagree > 0
        && most.agree * (least.agree + least.disagree) > least.agree * (most.agree + most.disagree)
}

/// Whether a statement that is not common ground may be listed as close to it: every group
/// and constituency that has voted on it has at least [`MIN_VOTES`] votes, at least one has,
/// and even the least agreeing agrees at [`MIN_CLOSEST_RATE`] or more.
pub(super) fn is_closest(units: &[&Estimate]) -> bool {
    let voted: Vec<&&Estimate> = units.iter().filter(|unit| unit.seen() > 0).collect();
    !voted.is_empty()
        && voted.iter().all(|unit| unit.seen() >= MIN_VOTES)
        && voted
            .iter()
            .all(|unit| unit.rate.is_some_and(|rate| rate >= MIN_CLOSEST_RATE))
}

/// Returns every group and constituency estimate of a statement, groups first.
pub(super) fn units(statement: &Statement) -> Vec<&Estimate> {
    statement
        .common_ground
        .as_ref()
        .map(|ground| {
            ground
                .groups
                .iter()
                .chain(ground.constituencies.iter())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a divisive entry of the analysis may be shown, read against the statement's group
/// estimates and the groups' sizes.
pub(super) fn divisive_is_shown(
    entry: &Divisive,
    statement: &Statement,
    group_sizes: &[usize],
) -> bool {
    let Some(ground) = statement.common_ground.as_ref() else {
        return false;
    };
    let (Some(most), Some(least)) = (
        ground.groups.get(entry.most_agreeing_group),
        ground.groups.get(entry.least_agreeing_group),
    ) else {
        return false;
    };
    let size = |index: usize| group_sizes.get(index).copied().unwrap_or(0);
    entry.most_agreeing_group != entry.least_agreeing_group
        && is_divisive(
            most,
            least,
            [
                size(entry.most_agreeing_group),
                size(entry.least_agreeing_group),
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::Side;
    use crate::web::catalogue::text;
    use crate::web::language::Language;

    #[test]
    fn the_groups_rule_the_pages_state_is_the_one_applied() {
        let rule = text(Language::English, "report-groups-rule", &[]);
        assert!(
            rule.contains(&format!("at least {MIN_PLACED_FOR_GROUPS} participants")),
            "{rule}"
        );
        assert!(
            rule.contains(&format!("{MIN_GROUP_SIZE} or more people")),
            "{rule}"
        );
        assert!(groups_are_shown(
            MIN_PLACED_FOR_GROUPS,
            &[MIN_GROUP_SIZE; 2]
        ));
        assert!(!groups_are_shown(
            MIN_PLACED_FOR_GROUPS - 1,
            &[MIN_GROUP_SIZE; 2]
        ));
        assert!(!groups_are_shown(
            MIN_PLACED_FOR_GROUPS,
            &[MIN_GROUP_SIZE, MIN_GROUP_SIZE - 1]
        ));
    }

    fn estimate(agree: u64, disagree: u64, pass: u64) -> Estimate {
        let seen = agree + disagree + pass;
        #[expect(clippy::cast_precision_loss, reason = "small test counts")]
        let rate = (seen > 0).then(|| agree as f64 / seen as f64);
        Estimate {
            agree,
            disagree,
            pass,
            rate,
            interval: rate.map(|rate| [rate * 0.8, (rate * 1.2).min(1.0)]),
            has_enough_votes: seen >= 3,
            head_count_rate: rate,
            effective_votes: 0.0,
        }
    }

    fn representative(n_success: u32, n_trials: u32) -> Representative {
        Representative {
            statement: 1,
            side: Side::Agree,
            repness: 2.0,
            repness_test: 2.0,
            p_success: 0.9,
            p_test: 2.0,
            n_success,
            n_trials,
            best_agree: true,
            p_value: 0.01,
            q_value: 0.05,
            is_discovery: true,
        }
    }

    #[test]
    fn a_large_group_does_not_distinctively_hold_a_statement_on_two_votes() {
        // The 263-person group "holding" a statement on 2 of 2 votes.
        assert!(!is_distinctive(&representative(2, 2), 263));
        assert!(is_distinctive(&representative(5, 5), 263));
        assert!(is_distinctive(&representative(4, 6), 3));
        // Too small a group, or a minority of the group.
        assert!(!is_distinctive(&representative(5, 5), 2));
        assert!(!is_distinctive(&representative(3, 6), 40));
        assert!(!is_distinctive(&representative(0, 9), 40));
    }

    #[test]
    fn passes_are_never_disagreement() {
        // One group agrees, the other only passed: 100 points apart, but nobody disagrees.
        let agreeing = estimate(6, 0, 0);
        let passing = estimate(0, 0, 6);
        assert!(!is_divisive(&agreeing, &passing, [10, 10]));
        // With people disagreeing on the other side it is a division.
        let disagreeing = estimate(1, 4, 1);
        assert!(is_divisive(&agreeing, &disagreeing, [10, 10]));
        // But not on too few votes, or with a group too small to describe.
        assert!(!is_divisive(&agreeing, &estimate(0, 3, 1), [10, 10]));
        assert!(!is_divisive(&agreeing, &disagreeing, [10, 2]));
        // Nor when the side said to agree most agrees less.
        assert!(!is_divisive(&disagreeing, &agreeing, [10, 10]));
    }

    #[test]
    fn closest_needs_votes_everywhere_and_no_unit_far_below_half() {
        // "Closest" at 10% in one group is not close.
        assert!(!is_closest(&[&estimate(9, 1, 0), &estimate(1, 8, 1)]));
        assert!(is_closest(&[&estimate(9, 1, 0), &estimate(3, 2, 0)]));
        // A unit with a few votes keeps it out; a unit with none is not counted.
        assert!(!is_closest(&[&estimate(9, 1, 0), &estimate(2, 1, 0)]));
        assert!(is_closest(&[&estimate(9, 1, 0), &estimate(0, 0, 0)]));
        assert!(!is_closest(&[&estimate(0, 0, 0)]));
        assert!(!is_closest(&[]));
    }

    #[test]
    fn groups_wait_for_enough_participants() {
        assert!(!groups_are_shown(1, &[1]));
        assert!(!groups_are_shown(9, &[5, 4]));
        assert!(groups_are_shown(10, &[6, 4]));
        assert!(!groups_are_shown(40, &[38, 2]));
        assert!(groups_are_shown(40, &[30, 8, 2]));
    }
}
