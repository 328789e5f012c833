//! Chooses the next statement to show a participant: Pol.is routing priority, boosted where the
//! participant's own group and constituencies have the least evidence, drawn with a seeded RNG.
//!
//! The weight of an eligible statement is `routing_priority * boost`, where
//!
//! - `routing_priority` is the Pol.is comment priority of its matrix column, or [`NO_VOTE_ROUTING_PRIORITY`]
//!   for a statement nobody has voted on (or whose routing priority is missing); negative or
//!   non-finite routing priorities count as 0;
//! - `boost = 1 + β / (1 + seen)`, with β = `routing_boost` and `seen` the smallest number of
//!   members who saw the statement over the participant's opinion group and constituencies.
//!   Their vote adds most where one of their sets is thinnest. A participant in no group and
//!   no constituency gets a boost of 1.
//!
//! Statements the participant voted on (in the matrix or in `voted`) and moderated-out
//! statements are never chosen. The draw picks a statement with probability proportional to
//! its weight (uniformly when every weight is 0), using `ChaCha8Rng::seed_from_u64(seed)` over
//! the candidates in ascending id, so the same input and seed give the same statement.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{CommonGroundConfig, CommonGroundReport};
use crate::votes::{ParticipantId, StatementId, StatementInfo, VoteMatrix};

/// The Pol.is routing priority of a statement nobody has voted on: importance (1 - 1/2) (0 + 1) (1/2)
/// = 1/4, times the novelty factor 1 + 8 = 9, squared.
pub const NO_VOTE_ROUTING_PRIORITY: f64 = 5.0625;

/// What routing reads to choose a participant's next statement.
#[derive(Clone, Copy, Debug)]
pub struct RoutingInput<'a> {
    /// The latest votes; the participant's row says what they already voted on.
    pub matrix: &'a VoteMatrix,
    /// The Pol.is comment priority of each matrix column.
    pub routing_priorities: &'a [f64],
    /// The latest common-ground analysis, for the seen counts of groups and constituencies.
    pub report: &'a CommonGroundReport,
    /// Statement information, for moderation.
    pub statements: &'a [StatementInfo],
    /// The statements that may be shown, including those nobody has voted on yet.
    pub eligible: &'a [StatementId],
    /// The participant.
    pub participant: ParticipantId,
    /// Statements the participant voted on that the matrix may not hold yet.
    pub voted: &'a [StatementId],
    /// The participant's opinion group, if clustered.
    pub group: Option<usize>,
    /// The participant's constituencies, by index.
    pub constituencies: &'a [usize],
}

/// How one candidate statement was weighted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoutingWeight {
    /// The statement.
    pub statement: StatementId,
    /// Its Pol.is routing priority as used.
    pub routing_priority: f64,
    /// The fewest members of the participant's group and constituencies who saw it (`None`
    /// when the participant is in neither).
    pub seen: Option<u64>,
    /// 1 + β / (1 + seen), or 1 without `seen`.
    pub boost: f64,
    /// `routing_priority * boost`.
    pub weight: f64,
}

/// Returns the candidates for a participant with their weights, in ascending statement id.
pub fn routing_weights(input: &RoutingInput, config: &CommonGroundConfig) -> Vec<RoutingWeight> {
    let beta = if config.routing_boost.is_finite() && config.routing_boost >= 0.0 {
        config.routing_boost
    } else {
        CommonGroundConfig::default().routing_boost
    };
    let matrix = input.matrix;
    let row = matrix.row_of(input.participant);
    let mut voted: Vec<StatementId> = input.voted.to_vec();
    voted.sort_unstable();
    let has_voted = |statement: StatementId, column: Option<usize>| {
        voted.binary_search(&statement).is_ok()
            || row
                .zip(column)
                .is_some_and(|(row, column)| matrix.get(row, column).is_some())
    };
    let mut moderated_out: Vec<StatementId> = input
        .statements
        .iter()
        .filter(|info| info.is_moderated_out())
        .map(|info| info.id)
        .collect();
    moderated_out.sort_unstable();

    let mut candidates: Vec<StatementId> = input.eligible.to_vec();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_iter()
        .filter(|statement| moderated_out.binary_search(statement).is_err())
        .filter_map(|statement| {
            let column = matrix.column_of(statement);
            if has_voted(statement, column) {
                return None;
            }
            let routing_priority =
                match column.and_then(|column| input.routing_priorities.get(column)) {
                    Some(&routing_priority)
                        if routing_priority.is_finite() && routing_priority >= 0.0 =>
                    {
                        routing_priority
                    }
                    Some(_) => 0.0,
                    None => NO_VOTE_ROUTING_PRIORITY,
                };
            let seen = seen_by_own_sets(input, statement);
            let boost = seen.map_or(1.0, |seen| 1.0 + beta / (1.0 + seen as f64));
            Some(RoutingWeight {
                statement,
                routing_priority,
                seen,
                boost,
                weight: routing_priority * boost,
            })
        })
        .collect()
}

/// Returns the fewest members who saw a statement over the participant's group and
/// constituencies (0 for a statement the report does not know), or `None` when the participant
/// is in neither.
fn seen_by_own_sets(input: &RoutingInput, statement: StatementId) -> Option<u64> {
    let report = input.report.statement(statement);
    let n_groups = input.report.n_groups;
    let n_constituencies = input.report.voice.constituencies.len();
    let group_seen = input
        .group
        .filter(|&group| group < n_groups)
        .map(|group| report.map_or(0, |report| report.groups[group].tally.seen()));
    let constituency_seen = input
        .constituencies
        .iter()
        .filter(|&&index| index < n_constituencies)
        .map(|&index| report.map_or(0, |report| report.constituencies[index].tally.seen()));
    group_seen.into_iter().chain(constituency_seen).min()
}

/// Returns the statement to show a participant next, or `None` when nothing is left to show.
///
/// See the module documentation of `routing` for the weights; the draw is deterministic given
/// the seed.
pub fn next_statement(
    input: &RoutingInput,
    config: &CommonGroundConfig,
    seed: u64,
) -> Option<StatementId> {
    let candidates = routing_weights(input, config);
    let largest = candidates
        .iter()
        .map(|candidate| candidate.weight)
        .fold(0.0, f64::max);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    if !(largest > 0.0 && largest.is_finite()) {
        if candidates.is_empty() {
            return None;
        }
        return Some(candidates[rng.random_range(0..candidates.len())].statement);
    }
    // Scaled by the largest weight so that the sum cannot overflow.
    let scaled: Vec<f64> = candidates
        .iter()
        .map(|candidate| candidate.weight / largest)
        .collect();
    let total: f64 = scaled.iter().sum();
    let target = rng.random::<f64>() * total;
    let mut cumulative = 0.0;
    let mut chosen = None;
    for (candidate, weight) in candidates.iter().zip(&scaled) {
        if *weight <= 0.0 {
            continue;
        }
        cumulative += weight;
        chosen = Some(candidate.statement);
        if cumulative > target {
            break;
        }
    }
    chosen
}
