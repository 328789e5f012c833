//! Analysis weights for participants: head-count, equal weight per constituency, or weights to a
//! population frame.
//!
//! Every tally of the common-ground analysis (overall, groups, constituencies, consensus over
//! groups, the verdict) counts a vote with its voter's weight. The Pol.is stages (PCA, groups,
//! representativeness, group-informed consensus in the Pol.is sense) stay head-count, so that
//! they still reproduce Pol.is.
//!
//! The weights are built on *strata*: each constituency with at least one voter, and the voters
//! in no constituency as one more stratum. A voter in `k` constituencies is a `1/k` member of
//! each. Every stratum is given a target share of the total weight, and its members split it in
//! proportion to their membership:
//!
//! - `head-count`: every voter weighs 1;
//! - `equal`: every stratum has the same share;
//! - `frame`: each constituency has the population share the convenor gave (e.g. a census
//!   share); the unaffiliated have what the shares leave (1 − their sum), and a stratum
//!   without a share, or the unaffiliated when the shares leave nothing, has its equal share.
//!   The shares are normalised over the strata that have voters.
//!
//! Targets never depend on how many voters a stratum has, so copying every member of a
//! constituency changes no stratum's total weight: that is what makes the tallies flood-proof.
//! For the same reason the frame is trimmed against equal weight, not against the mean weight:
//! a stratum's share may be at most [`FRAME_TRIM`] times, and at least 1/[`FRAME_TRIM`] of, its
//! equal share. Trimming extreme *individual* weights against their mean would let a flood of
//! one constituency raise the mean's reference and trim everyone else.
//!
//! Weights are scaled to a mean of 1 over the voters, so that the total weight is the number of
//! voters and a head-count weight is the same number as an equal one for a balanced dialogue.

use super::tally::Memberships;
use crate::votes::VoteMatrix;

/// How the analysis weighs participants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weighting {
    /// Every voter weighs 1.
    HeadCount,
    /// Every constituency's voters together weigh the same, and so do the unaffiliated.
    Equal,
    /// Constituencies weigh as their shares of a population frame.
    Frame,
}

impl Weighting {
    /// The name used on the command line, in settings and in the JSON: `head-count`, `equal`
    /// or `frame`.
    pub fn as_str(self) -> &'static str {
        match self {
            Weighting::HeadCount => "head-count",
            Weighting::Equal => "equal",
            Weighting::Frame => "frame",
        }
    }

    /// Reads a name written by [`Weighting::as_str`].
    pub fn parse(name: &str) -> Option<Weighting> {
        match name {
            "head-count" => Some(Weighting::HeadCount),
            "equal" => Some(Weighting::Equal),
            "frame" => Some(Weighting::Frame),
            _ => None,
        }
    }

    /// The weighting used when the convenor chose none: `equal` when the dialogue has
    /// constituencies, `head-count` otherwise.
    pub fn default_for(n_constituencies: usize) -> Weighting {
        if n_constituencies > 0 {
            Weighting::Equal
        } else {
            Weighting::HeadCount
        }
    }
}

/// A frame share may move a stratum's weight at most this many times above (or below) its equal
/// share.
pub const FRAME_TRIM: f64 = 5.0;

/// A stratum carried by fewer voters than this, each weighing at least
/// [`HEAVY_WEIGHT`] times the mean, is reported as thinly carried.
pub const THIN_STRATUM_VOTERS: usize = 5;

/// See [`THIN_STRATUM_VOTERS`].
pub const HEAVY_WEIGHT: f64 = 2.0;

/// A stratum of the weights: a constituency, or the voters in none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stratum {
    /// A constituency, by index.
    Constituency(usize),
    /// Voters in no constituency.
    Unaffiliated,
}

/// What the weights did to one stratum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StratumWeight {
    /// The stratum.
    pub stratum: Stratum,
    /// Its voters, counting a voter in `k` constituencies as `1/k` of a voter in each.
    pub voters: f64,
    /// Its share of the voters (its head-count share).
    pub head_count_share: f64,
    /// Its share of the total weight.
    pub weighted_share: f64,
    /// The frame share the convenor gave, if any.
    pub frame_share: Option<f64>,
    /// The weight of one whole member, relative to a mean weight of 1.
    pub weight_per_voter: f64,
    /// Whether its frame share was trimmed to [`FRAME_TRIM`] times its equal share (or
    /// 1/[`FRAME_TRIM`]).
    pub is_trimmed: bool,
    /// Whether it had no frame share of its own and was given its equal share (under `frame`).
    pub has_fallback_share: bool,
}

/// Participants' analysis weights, one per vote-matrix row, with what they did.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantWeights {
    /// The weighting used.
    pub weighting: Weighting,
    /// The weight of each matrix row, with a mean of 1 over the rows.
    pub weights: Vec<f64>,
    /// Every stratum with voters: constituencies by index, then the unaffiliated.
    pub strata: Vec<StratumWeight>,
    /// Kish's design effect, n Σw² / (Σw)² (1 for equal weights).
    pub design_effect: f64,
    /// Kish's effective number of voters, (Σw)² / Σw².
    pub effective_voters: f64,
}

impl ParticipantWeights {
    /// Head-count weights: every row weighs 1.
    pub fn head_count(n_rows: usize) -> ParticipantWeights {
        ParticipantWeights {
            weighting: Weighting::HeadCount,
            weights: vec![1.0; n_rows],
            strata: Vec::new(),
            design_effect: 1.0,
            effective_voters: n_rows as f64,
        }
    }

    /// Whether every weight is 1, so that tallies can stay whole counts.
    pub fn is_uniform(&self) -> bool {
        // Exactly 1, as head-count weights are set; any other value needs the weighted sums.
        self.weights.iter().all(|&weight| weight.to_bits() == 1.0_f64.to_bits())
    }

    /// Returns the strata carried by fewer than [`THIN_STRATUM_VOTERS`] voters whose members
    /// each weigh at least [`HEAVY_WEIGHT`] times the mean.
    pub fn thinly_carried(&self) -> Vec<Stratum> {
        self.strata
            .iter()
            .filter(|stratum| {
                stratum.voters < THIN_STRATUM_VOTERS as f64
                    && stratum.weight_per_voter >= HEAVY_WEIGHT
            })
            .map(|stratum| stratum.stratum)
            .collect()
    }
}

/// Computes every vote-matrix row's weight.
///
/// `frame_shares` holds a population share per constituency (by index; missing or `None`: not
/// given); it is read only for [`Weighting::Frame`]. Shares that are not finite or are negative
/// are treated as not given. Memberships of participants who did not vote are ignored.
pub fn participant_weights(
    matrix: &VoteMatrix,
    n_constituencies: usize,
    memberships: &[(crate::votes::ParticipantId, Vec<usize>)],
    weighting: Weighting,
    frame_shares: &[Option<f64>],
) -> ParticipantWeights {
    let memberships = Memberships::new(memberships, n_constituencies);
    weights_from(
        matrix,
        n_constituencies,
        &memberships,
        weighting,
        frame_shares,
    )
}

pub(crate) fn weights_from(
    matrix: &VoteMatrix,
    n_constituencies: usize,
    memberships: &Memberships,
    weighting: Weighting,
    frame_shares: &[Option<f64>],
) -> ParticipantWeights {
    let n_rows = matrix.n_participants();
    // Stratum index: constituencies 0..n, then the unaffiliated at n.
    let unaffiliated = n_constituencies;
    let mut voters = vec![0.0_f64; n_constituencies + 1];
    for &participant in matrix.participants() {
        let indices = memberships.of(participant);
        if indices.is_empty() {
            voters[unaffiliated] += 1.0;
        } else {
            let fraction = 1.0 / indices.len() as f64;
            for &index in indices {
                voters[index] += fraction;
            }
        }
    }
    let present: Vec<usize> = (0..=n_constituencies)
        .filter(|&stratum| voters[stratum] > 0.0)
        .collect();
    if weighting == Weighting::HeadCount || n_rows == 0 || present.is_empty() {
        let mut weights = ParticipantWeights::head_count(n_rows);
        weights.strata = strata_of(&present, &voters, &voters, n_rows, None, unaffiliated);
        return weights;
    }
    let equal_share = 1.0 / present.len() as f64;
    let given = |stratum: usize| -> Option<f64> {
        frame_shares
            .get(stratum)
            .copied()
            .flatten()
            .filter(|share| share.is_finite() && *share >= 0.0)
    };
    let mut raw_share = vec![0.0_f64; n_constituencies + 1];
    let mut trimmed = vec![false; n_constituencies + 1];
    let mut fallback = vec![false; n_constituencies + 1];
    match weighting {
        Weighting::Equal | Weighting::HeadCount => {
            for &stratum in &present {
                raw_share[stratum] = equal_share;
            }
        }
        Weighting::Frame => {
            let given_sum: f64 = present
                .iter()
                .filter(|&&stratum| stratum != unaffiliated)
                .filter_map(|&stratum| given(stratum))
                .sum();
            for &stratum in &present {
                let share = if stratum == unaffiliated {
                    Some(1.0 - given_sum).filter(|left| *left > 0.0)
                } else {
                    given(stratum)
                };
                raw_share[stratum] = share.unwrap_or_else(|| {
                    fallback[stratum] = true;
                    equal_share
                });
            }
            let total: f64 = present.iter().map(|&stratum| raw_share[stratum]).sum();
            for &stratum in &present {
                let normalised = if total > 0.0 {
                    raw_share[stratum] / total
                } else {
                    equal_share
                };
                let clamped = normalised.clamp(equal_share / FRAME_TRIM, equal_share * FRAME_TRIM);
                trimmed[stratum] = clamped.to_bits() != normalised.to_bits();
                raw_share[stratum] = clamped;
            }
        }
    }
    let total: f64 = present.iter().map(|&stratum| raw_share[stratum]).sum();
    let n = n_rows as f64;
    // Weight of one whole member of each stratum, so that the stratum's members together hold
    // its share of a total weight of n.
    let mut per_voter = vec![0.0_f64; n_constituencies + 1];
    for &stratum in &present {
        per_voter[stratum] = n * raw_share[stratum] / total / voters[stratum];
    }
    let weights: Vec<f64> = matrix
        .participants()
        .iter()
        .map(|&participant| {
            let indices = memberships.of(participant);
            if indices.is_empty() {
                per_voter[unaffiliated]
            } else {
                let fraction = 1.0 / indices.len() as f64;
                indices
                    .iter()
                    .map(|&index| fraction * per_voter[index])
                    .sum()
            }
        })
        .collect();
    let sum: f64 = weights.iter().sum();
    let sum_of_squares: f64 = weights.iter().map(|weight| weight * weight).sum();
    let weighted: Vec<f64> = (0..=n_constituencies)
        .map(|stratum| per_voter[stratum] * voters[stratum])
        .collect();
    let flags = StratumFlags {
        per_voter: &per_voter,
        trimmed: &trimmed,
        fallback: &fallback,
        frame: (weighting == Weighting::Frame).then_some(frame_shares),
    };
    ParticipantWeights {
        weighting,
        strata: strata_of(
            &present,
            &voters,
            &weighted,
            n_rows,
            Some(&flags),
            unaffiliated,
        ),
        design_effect: n * sum_of_squares / (sum * sum),
        effective_voters: sum * sum / sum_of_squares,
        weights,
    }
}

/// Per-stratum facts gathered while weighting.
struct StratumFlags<'a> {
    per_voter: &'a [f64],
    trimmed: &'a [bool],
    fallback: &'a [bool],
    frame: Option<&'a [Option<f64>]>,
}

fn strata_of(
    present: &[usize],
    voters: &[f64],
    weighted: &[f64],
    n_rows: usize,
    flags: Option<&StratumFlags>,
    unaffiliated: usize,
) -> Vec<StratumWeight> {
    let n = n_rows.max(1) as f64;
    present
        .iter()
        .map(|&stratum| StratumWeight {
            stratum: if stratum == unaffiliated {
                Stratum::Unaffiliated
            } else {
                Stratum::Constituency(stratum)
            },
            voters: voters[stratum],
            head_count_share: voters[stratum] / n,
            weighted_share: weighted[stratum] / n,
            frame_share: flags
                .and_then(|flags| flags.frame)
                .and_then(|shares| shares.get(stratum).copied().flatten()),
            weight_per_voter: flags.map_or(1.0, |flags| flags.per_voter[stratum]),
            is_trimmed: flags.is_some_and(|flags| flags.trimmed[stratum]),
            has_fallback_share: flags.is_some_and(|flags| flags.fallback[stratum]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{ParticipantId, StatementId, Vote, VoteRecord};

    fn matrix(participants: u32) -> VoteMatrix {
        let records: Vec<VoteRecord> = (0..participants)
            .map(|participant| VoteRecord {
                participant: ParticipantId(participant),
                statement: StatementId(0),
                vote: Vote::Agree,
                timestamp: 0,
            })
            .collect();
        VoteMatrix::from_records(&records)
    }

    fn weight_of(weights: &ParticipantWeights, matrix: &VoteMatrix, participant: u32) -> f64 {
        weights.weights[matrix.row_of(ParticipantId(participant)).unwrap()]
    }

    #[test]
    fn equal_weight_gives_every_stratum_the_same_total() {
        // 6 in constituency 0, 2 in constituency 1, 2 unaffiliated: 10 voters, 3 strata.
        let matrix = matrix(10);
        let memberships: Vec<(ParticipantId, Vec<usize>)> = (0..8)
            .map(|p| (ParticipantId(p), vec![usize::from(p >= 6)]))
            .collect();
        let weights = participant_weights(&matrix, 2, &memberships, Weighting::Equal, &[]);
        let total: f64 = weights.weights.iter().sum();
        assert!((total - 10.0).abs() < 1e-12);
        assert!((weight_of(&weights, &matrix, 0) - 10.0 / 3.0 / 6.0).abs() < 1e-12);
        assert!((weight_of(&weights, &matrix, 7) - 10.0 / 3.0 / 2.0).abs() < 1e-12);
        assert!((weight_of(&weights, &matrix, 9) - 10.0 / 3.0 / 2.0).abs() < 1e-12);
        for stratum in &weights.strata {
            assert!((stratum.weighted_share - 1.0 / 3.0).abs() < 1e-12);
        }
        assert!(weights.design_effect > 1.0);
    }

    #[test]
    fn a_member_of_two_constituencies_splits_their_weight() {
        let matrix = matrix(3);
        let memberships = vec![
            (ParticipantId(0), vec![0, 1]),
            (ParticipantId(1), vec![0]),
            (ParticipantId(2), vec![1]),
        ];
        let weights = participant_weights(&matrix, 2, &memberships, Weighting::Equal, &[]);
        // Each constituency has 1.5 voters and half of the weight 3.
        let per_voter = 1.5 / 1.5;
        assert!((weight_of(&weights, &matrix, 0) - per_voter).abs() < 1e-12);
        assert!((weight_of(&weights, &matrix, 1) - per_voter).abs() < 1e-12);
    }

    #[test]
    fn frame_shares_are_followed_and_trimmed_against_equal_weight() {
        let matrix = matrix(20);
        let memberships: Vec<(ParticipantId, Vec<usize>)> = (0..20)
            .map(|p| (ParticipantId(p), vec![usize::from(p >= 10)]))
            .collect();
        let weights = participant_weights(
            &matrix,
            2,
            &memberships,
            Weighting::Frame,
            &[Some(0.8), Some(0.2)],
        );
        assert!((weights.strata[0].weighted_share - 0.8).abs() < 1e-12);
        assert!(!weights.strata[0].is_trimmed);
        let extreme = participant_weights(
            &matrix,
            2,
            &memberships,
            Weighting::Frame,
            &[Some(0.99), Some(0.01)],
        );
        assert!(extreme.strata[1].is_trimmed);
        // 0.01 is held at a fifth of its equal share 0.5, then both are renormalised.
        let low = 0.1;
        let high = 0.99 / (0.99 + 0.01);
        assert!((extreme.strata[1].weighted_share - low / (low + high)).abs() < 1e-12);
    }

    #[test]
    fn copying_a_constituency_leaves_every_stratum_total_unchanged() {
        let memberships: Vec<(ParticipantId, Vec<usize>)> = (0..12)
            .map(|p| (ParticipantId(p), vec![usize::from(p >= 8)]))
            .chain((100..180).map(|p| (ParticipantId(p), vec![1])))
            .collect();
        let small = participant_weights(&matrix(14), 2, &memberships, Weighting::Equal, &[]);
        let mut flooded_records = matrix(14).to_records();
        flooded_records.extend((100..180).map(|p| VoteRecord {
            participant: ParticipantId(p),
            statement: StatementId(0),
            vote: Vote::Agree,
            timestamp: 0,
        }));
        let flooded_matrix = VoteMatrix::from_records(&flooded_records);
        let flooded = participant_weights(&flooded_matrix, 2, &memberships, Weighting::Equal, &[]);
        for (before, after) in small.strata.iter().zip(&flooded.strata) {
            assert!((before.weighted_share - after.weighted_share).abs() < 1e-12);
        }
    }

    #[test]
    fn head_count_is_uniform_and_a_thin_heavy_stratum_is_named() {
        let matrix = matrix(30);
        let memberships: Vec<(ParticipantId, Vec<usize>)> = (0..30)
            .map(|p| (ParticipantId(p), vec![usize::from(p >= 27)]))
            .collect();
        let head = participant_weights(&matrix, 2, &memberships, Weighting::HeadCount, &[]);
        assert!(head.is_uniform());
        assert!(head.thinly_carried().is_empty());
        let equal = participant_weights(&matrix, 2, &memberships, Weighting::Equal, &[]);
        assert_eq!(equal.thinly_carried(), vec![Stratum::Constituency(1)]);
    }
}
