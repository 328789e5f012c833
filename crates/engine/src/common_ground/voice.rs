//! The voice audit: who took part per constituency against what the convenor expected, who wrote
//! the statements and which became common ground, who is missing, and what equal weight changed.

use super::tally::Memberships;
use super::{CommonGroundInput, EffectiveConfig, StatementReport};
use crate::votes::{ParticipantId, StatementId};

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
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Computes the voice audit.
pub(crate) fn audit(
    input: &CommonGroundInput,
    statements: &[StatementReport],
    memberships: &Memberships,
    config: &EffectiveConfig,
) -> VoiceAudit {
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
    }
}
