//! Agreement in which every group or constituency counts once, and group-informed consensus in
//! Pol.is's form and in a form that neither small groups nor many groups pull down.

use super::{AgreeEstimate, EqualWeight};

/// Returns the mean agree rate over the estimates with enough votes, each counted once whatever
/// its size, or `None` when none has enough votes.
pub(crate) fn equal_weight(estimates: &[AgreeEstimate]) -> Option<EqualWeight> {
    let rates: Vec<f64> = estimates
        .iter()
        .filter(|estimate| estimate.has_enough_votes)
        .filter_map(|estimate| estimate.rate)
        .collect();
    if rates.is_empty() {
        return None;
    }
    // Summed in index order, so the result does not depend on thread scheduling.
    let sum: f64 = rates.iter().sum();
    let n_counted = rates.len();
    Some(EqualWeight {
        agreement: sum / n_counted as f64,
        n_counted,
    })
}

/// Returns Pol.is's group-informed consensus, the product over groups of (A + 1) / (S + 2),
/// where A is the group's agree votes and S every vote it cast, passes included, both in
/// effective votes when the analysis is weighted. Returns `None` when there are no groups.
///
/// Every factor is below 1 unless the group agrees unanimously with many votes, so the product
/// shrinks as groups are added and punishes small groups, whose factors stay near 1/2.
pub(crate) fn group_informed_consensus(groups: &[AgreeEstimate]) -> Option<f64> {
    if groups.is_empty() {
        return None;
    }
    Some(
        groups
            .iter()
            .map(|group| {
                let (agree, seen) = group.effective_counts();
                (agree + 1.0) / (seen + 2.0)
            })
            .product(),
    )
}

/// Returns the geometric mean over groups of the Jeffreys-smoothed agree probability
/// (A + 1/2) / (S + 1), the posterior mean under the Jeffreys prior. Returns `None` when there
/// are no groups.
///
/// Being a mean, it does not fall as groups are added; the lighter smoothing pulls a small
/// group's estimate less towards 1/2 than Pol.is's (A + 1) / (S + 2) does.
pub(crate) fn robust_group_consensus(groups: &[AgreeEstimate]) -> Option<f64> {
    if groups.is_empty() {
        return None;
    }
    let log_sum: f64 = groups
        .iter()
        .map(|group| {
            let (agree, seen) = group.effective_counts();
            ((agree + 0.5) / (seen + 1.0)).ln()
        })
        .sum();
    Some((log_sum / groups.len() as f64).exp())
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    reason = "interval ends of exactly 0 and 1 and copied values are meant to be exact"
)]
mod tests {
    use super::*;
    use crate::common_ground::{Tally, jeffreys_interval};

    fn tally(agree: u64, disagree: u64, pass: u64) -> AgreeEstimate {
        let tally = Tally {
            agree,
            disagree,
            pass,
        };
        AgreeEstimate {
            tally,
            weighted: None,
            rate: tally.agree_rate(),
            head_count_rate: tally.agree_rate(),
            effective_votes: tally.seen() as f64,
            interval: jeffreys_interval(agree, tally.seen(), 0.95),
            has_enough_votes: true,
        }
    }

    fn estimate(agree: u64, seen: u64, has_enough_votes: bool) -> AgreeEstimate {
        AgreeEstimate {
            has_enough_votes,
            ..tally(agree, seen - agree, 0)
        }
    }

    #[test]
    fn equal_weight_counts_each_unit_once_whatever_its_size() {
        // 900 of 1000 agree in one group, 1 of 10 in the other: head-count 901/1010 = 89%,
        // equal weight (0.9 + 0.1) / 2 = 50%.
        let estimates = [estimate(900, 1000, true), estimate(1, 10, true)];
        let equal = equal_weight(&estimates).unwrap();
        assert!((equal.agreement - 0.5).abs() < 1e-15);
        assert_eq!(equal.n_counted, 2);
    }

    #[test]
    fn units_without_enough_votes_are_left_out() {
        let estimates = [estimate(8, 10, true), estimate(0, 3, false)];
        let equal = equal_weight(&estimates).unwrap();
        assert!((equal.agreement - 0.8).abs() < 1e-15);
        assert_eq!(equal.n_counted, 1);
        assert_eq!(equal_weight(&[estimate(0, 3, false)]), None);
        assert_eq!(equal_weight(&[]), None);
    }

    #[test]
    fn group_informed_consensus_is_the_polis_product() {
        let groups = [tally(3, 1, 1), tally(0, 2, 0)];
        let expected = (4.0 / 7.0) * (1.0 / 4.0);
        assert!((group_informed_consensus(&groups).unwrap() - expected).abs() < 1e-15);
        assert_eq!(group_informed_consensus(&[]), None);
    }

    #[test]
    fn the_robust_consensus_does_not_fall_as_identical_groups_are_added() {
        let one = [tally(9, 1, 0)];
        let four = [tally(9, 1, 0); 4];
        let robust_one = robust_group_consensus(&one).unwrap();
        let robust_four = robust_group_consensus(&four).unwrap();
        assert!((robust_one - 9.5 / 11.0).abs() < 1e-15);
        assert!((robust_one - robust_four).abs() < 1e-15);
        // Pol.is's product falls from 10/12 to (10/12)^4.
        let product_four = group_informed_consensus(&four).unwrap();
        assert!((product_four - (10.0_f64 / 12.0).powi(4)).abs() < 1e-15);
        assert_eq!(robust_group_consensus(&[]), None);
    }
}
