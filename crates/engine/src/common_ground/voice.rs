//! The voice audit: who took part per constituency against what the convenor expected, who wrote
//! the statements and which became common ground, who is missing, and what equal weight changed;
//! the weights against the population frame (design effect, trimming, constituencies carried by
//! a few heavily weighted people); and whether the opinion map leans on the largest
//! constituency's numbers.

use std::collections::BTreeMap;

use super::tally::Memberships;
use super::weights::{ParticipantWeights, Stratum, StratumWeight, Weighting};
use super::{CommonGroundInput, EffectiveConfig, StatementReport};
use crate::votes::{ParticipantId, StatementId};

/// A group's share of the map moving by at least this much when the largest constituency loses
/// its excess weight means the map leans on that constituency's numbers.
pub const MAP_SHIFT: f64 = 0.1;

/// How much a set of participants took part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParticipationCounts {
    /// Participants, whether or not they voted.
    pub participants: usize,
    /// Participants with at least one vote.
    pub voters: usize,
    /// Their latest votes, on any statement.
    pub votes: usize,
    /// Statements they wrote, moderated out or not.
    pub statements_written: usize,
    /// Statements they wrote that became common ground.
    pub statements_common_ground: usize,
}

/// One constituency's participation against what the convenor expected.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstituencyVoice {
    /// The constituency, by index.
    pub constituency: usize,
    /// Its name.
    pub name: String,
    /// How much its members took part.
    pub counts: ParticipationCounts,
    /// Its members as a share of all participants (`None` when there are no participants).
    /// Participants may belong to several constituencies, so shares can add up to more than 1.
    pub share: Option<f64>,
    /// The share the convenor expected.
    pub expected_share: Option<f64>,
    /// Its members' votes as a share of all votes (`None` when there are no votes).
    pub vote_share: Option<f64>,
    /// Whether its share is below the expected share.
    pub is_below_expected_share: bool,
    /// Whether it has fewer participants than `min_constituency_participants`.
    pub has_too_few_participants: bool,
    /// Whether either of the above holds.
    pub is_under_represented: bool,
    /// The population share the convenor gave for weighting to a frame, if any.
    pub population_share: Option<f64>,
    /// Its voters' share of the total analysis weight (`None` when none of its members voted).
    pub weighted_share: Option<f64>,
    /// The analysis weight of one of its members (relative to a mean of 1), when it has voters.
    pub weight_per_voter: Option<f64>,
    /// Whether fewer than five voters carry it with large weights (a warning).
    pub is_thinly_carried: bool,
    /// Whether its frame share was trimmed.
    pub is_frame_share_trimmed: bool,
}

/// What the weights did, for the voice audit.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightingAudit {
    /// The weighting used.
    pub weighting: Weighting,
    /// Kish's design effect of the weights over the voters, n Σw² / (Σw)².
    pub design_effect: f64,
    /// Kish's effective number of voters, (Σw)² / Σw².
    pub effective_voters: f64,
    /// The voters in no constituency as a stratum, when there are any.
    pub unaffiliated: Option<StratumWeight>,
    /// The strata carried by fewer than five voters with large weights.
    pub thinly_carried: Vec<Stratum>,
    /// The strata whose frame share was trimmed.
    pub trimmed: Vec<Stratum>,
}

/// One opinion group's share of the voters, by head count and otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupBalance {
    /// The group, by index.
    pub group: usize,
    /// Its share of the grouped voters by head count, as the map is drawn.
    pub head_count_share: f64,
    /// Its share of their analysis weight.
    pub weighted_share: f64,
    /// Its share by head count with the largest constituency brought down to its equal share
    /// of the voters.
    pub without_excess_share: f64,
    /// The share of its voters who belong to the largest constituency.
    pub largest_constituency_share: f64,
}

/// Whether the opinion map (drawn by head count, as Pol.is draws it) leans on the largest
/// constituency's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct MapBalance {
    /// The constituency with the most voters, when it holds more than its equal share.
    pub largest_constituency: Option<usize>,
    /// Every opinion group.
    pub groups: Vec<GroupBalance>,
    /// The largest change in a group's share without the largest constituency's excess.
    pub largest_shift: f64,
    /// Whether that change is at least [`MAP_SHIFT`].
    pub is_shaped_by_numbers: bool,
}

/// A statement whose agreement moves most when every constituency counts once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EqualWeightShift {
    /// The statement.
    pub statement: StatementId,
    /// Head-count agreement: all participants pooled.
    pub head_count: f64,
    /// Constituency equal-weight agreement.
    pub equal_weight: f64,
    /// `equal_weight - head_count`.
    pub effect: f64,
    /// Whether the statement is common ground.
    pub is_common_ground: bool,
}

/// Who took part, against what was expected, and what equal weighting changed.
#[derive(Clone, Debug, PartialEq)]
pub struct VoiceAudit {
    /// Participants known to the dialogue, whether or not they voted.
    pub n_participants: usize,
    /// Participants with at least one vote.
    pub n_voters: usize,
    /// Latest votes.
    pub n_votes: usize,
    /// Every constituency, by index.
    pub constituencies: Vec<ConstituencyVoice>,
    /// Participants in no constituency.
    pub unaffiliated: ParticipationCounts,
    /// The under-represented constituencies, by index.
    pub under_represented: Vec<usize>,
    /// The statements whose constituency equal-weight agreement differs most from their
    /// head-count agreement, largest difference first.
    pub equal_weight_shifts: Vec<EqualWeightShift>,
    /// What the weights did.
    pub weighting: WeightingAudit,
    /// Whether the opinion map leans on the largest constituency's numbers.
    pub map_balance: MapBalance,
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Computes the voice audit.
pub(crate) fn audit(
    input: &CommonGroundInput,
    statements: &[StatementReport],
    memberships: &Memberships,
    group_of_row: &[Option<usize>],
    config: &EffectiveConfig,
) -> VoiceAudit {
    let head_count;
    let weights = match input.weights {
        Some(weights) if weights.weights.len() == input.matrix.n_participants() => weights,
        _ => {
            head_count = super::weights::weights_from(
                input.matrix,
                input.constituencies.len(),
                memberships,
                Weighting::HeadCount,
                &[],
            );
            &head_count
        }
    };
    let stratum_of = |index: usize| {
        weights
            .strata
            .iter()
            .find(|stratum| stratum.stratum == Stratum::Constituency(index))
    };
    let thinly_carried = weights.thinly_carried();
    let matrix = input.matrix;
    let mut known: Vec<ParticipantId> = input
        .participants
        .iter()
        .copied()
        .chain(
            memberships
                .entries()
                .iter()
                .map(|(participant, _)| *participant),
        )
        .chain(matrix.participants().iter().copied())
        .collect();
    known.sort_unstable();
    known.dedup();

    let n_constituencies = input.constituencies.len();
    let mut counts = vec![ParticipationCounts::default(); n_constituencies];
    let mut unaffiliated = ParticipationCounts::default();
    let mut n_voters = 0;
    for &participant in &known {
        let votes = matrix
            .row_of(participant)
            .map_or(0, |row| matrix.row_len(row));
        let is_voter = votes > 0;
        n_voters += usize::from(is_voter);
        let indices = memberships.of(participant);
        let add = |counts: &mut ParticipationCounts| {
            counts.participants += 1;
            counts.voters += usize::from(is_voter);
            counts.votes += votes;
        };
        if indices.is_empty() {
            add(&mut unaffiliated);
        }
        for &index in indices {
            add(&mut counts[index]);
        }
    }
    for statement in statements {
        let Some(author) = statement.author else {
            continue;
        };
        let indices = memberships.of(author);
        let add = |counts: &mut ParticipationCounts| {
            counts.statements_written += 1;
            counts.statements_common_ground += usize::from(statement.is_common_ground);
        };
        if indices.is_empty() {
            add(&mut unaffiliated);
        }
        for &index in indices {
            add(&mut counts[index]);
        }
    }

    let n_participants = known.len();
    let n_votes = matrix.n_votes();
    let constituencies: Vec<ConstituencyVoice> = input
        .constituencies
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(index, (constituency, counts))| {
            let share_of_participants = share(counts.participants, n_participants);
            let is_below_expected_share = constituency
                .expected_share
                .is_some_and(|expected| share_of_participants.unwrap_or(0.0) < expected);
            let has_too_few_participants =
                counts.participants < config.min_constituency_participants;
            ConstituencyVoice {
                constituency: index,
                name: constituency.name.clone(),
                counts,
                share: share_of_participants,
                expected_share: constituency.expected_share,
                vote_share: share(counts.votes, n_votes),
                is_below_expected_share,
                has_too_few_participants,
                is_under_represented: is_below_expected_share || has_too_few_participants,
                population_share: stratum_of(index).and_then(|stratum| stratum.frame_share),
                weighted_share: stratum_of(index).map(|stratum| stratum.weighted_share),
                weight_per_voter: stratum_of(index).map(|stratum| stratum.weight_per_voter),
                is_thinly_carried: thinly_carried.contains(&Stratum::Constituency(index)),
                is_frame_share_trimmed: stratum_of(index).is_some_and(|stratum| stratum.is_trimmed),
            }
        })
        .collect();
    let under_represented = constituencies
        .iter()
        .filter(|voice| voice.is_under_represented)
        .map(|voice| voice.constituency)
        .collect();

    let mut equal_weight_shifts: Vec<EqualWeightShift> = statements
        .iter()
        .filter(|statement| !statement.is_moderated_out)
        .filter_map(|statement| {
            Some(EqualWeightShift {
                statement: statement.statement,
                head_count: statement.overall.rate?,
                equal_weight: statement.constituency_equal_weight?.agreement,
                effect: statement.constituency_equal_weight_effect?,
                is_common_ground: statement.is_common_ground,
            })
        })
        .collect();
    equal_weight_shifts.sort_by(|left, right| {
        right
            .effect
            .abs()
            .total_cmp(&left.effect.abs())
            .then_with(|| left.statement.cmp(&right.statement))
    });
    equal_weight_shifts.truncate(config.top_n);

    VoiceAudit {
        n_participants,
        n_voters,
        n_votes,
        constituencies,
        unaffiliated,
        under_represented,
        equal_weight_shifts,
        weighting: WeightingAudit {
            weighting: weights.weighting,
            design_effect: weights.design_effect,
            effective_voters: weights.effective_voters,
            unaffiliated: weights
                .strata
                .iter()
                .find(|stratum| stratum.stratum == Stratum::Unaffiliated)
                .copied(),
            thinly_carried,
            trimmed: weights
                .strata
                .iter()
                .filter(|stratum| stratum.is_trimmed)
                .map(|stratum| stratum.stratum)
                .collect(),
        },
        map_balance: map_balance(input, memberships, group_of_row, weights),
    }
}

/// Compares each group's share of the voters by head count with its share once the largest
/// constituency is brought down to its equal share of the voters.
fn map_balance(
    input: &CommonGroundInput,
    memberships: &Memberships,
    group_of_row: &[Option<usize>],
    weights: &ParticipantWeights,
) -> MapBalance {
    let equal_share = 1.0 / weights.strata.len().max(1) as f64;
    let largest = weights
        .strata
        .iter()
        .filter_map(|stratum| match stratum.stratum {
            Stratum::Constituency(index) => Some((index, stratum.head_count_share)),
            Stratum::Unaffiliated => None,
        })
        .fold(None::<(usize, f64)>, |best, candidate| match best {
            Some(best) if best.1 >= candidate.1 => Some(best),
            _ => Some(candidate),
        })
        .filter(|&(_, share)| share > equal_share);
    let scale = largest.map_or(1.0, |(_, share)| equal_share / share);
    let n_groups = input.n_groups;
    let mut head = vec![0.0_f64; n_groups];
    let mut weighted = vec![0.0_f64; n_groups];
    // Members of the largest constituency per group and number of constituencies they are in,
    // counted whole so that the shares do not depend on the order of the rows.
    let mut in_largest_by_memberships: Vec<BTreeMap<usize, u64>> = vec![BTreeMap::new(); n_groups];
    for (row, &participant) in input.matrix.participants().iter().enumerate() {
        let Some(group) = group_of_row.get(row).copied().flatten() else {
            continue;
        };
        let indices = memberships.of(participant);
        if let Some((index, _)) = largest
            && indices.contains(&index)
        {
            *in_largest_by_memberships[group]
                .entry(indices.len())
                .or_default() += 1;
        }
        head[group] += 1.0;
        weighted[group] += weights.weights.get(row).copied().unwrap_or(1.0);
    }
    let in_largest: Vec<f64> = in_largest_by_memberships
        .iter()
        .map(|counts| {
            counts
                .iter()
                .map(|(&memberships, &count)| count as f64 / memberships as f64)
                .fold(0.0, |sum, part| sum + part)
        })
        .collect();
    let without: Vec<f64> = (0..n_groups)
        .map(|group| head[group] - in_largest[group] * (1.0 - scale))
        .collect();
    let shares = |values: &[f64]| -> Vec<f64> {
        let total: f64 = values.iter().sum();
        values
            .iter()
            .map(|value| if total > 0.0 { value / total } else { 0.0 })
            .collect()
    };
    let (head_shares, weighted_shares, without_shares) =
        (shares(&head), shares(&weighted), shares(&without));
    let groups: Vec<GroupBalance> = (0..n_groups)
        .map(|group| GroupBalance {
            group,
            head_count_share: head_shares[group],
            weighted_share: weighted_shares[group],
            without_excess_share: without_shares[group],
            largest_constituency_share: if head[group] > 0.0 {
                in_largest[group] / head[group]
            } else {
                0.0
            },
        })
        .collect();
    let largest_shift = groups
        .iter()
        .map(|group| (group.head_count_share - group.without_excess_share).abs())
        .fold(0.0, f64::max);
    MapBalance {
        largest_constituency: largest.map(|(index, _)| index),
        groups,
        largest_shift,
        is_shaped_by_numbers: largest_shift >= MAP_SHIFT,
    }
}
