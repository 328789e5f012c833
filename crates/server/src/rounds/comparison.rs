//! The analysis document's `rounds` section: the engine's comparison of the current round with
//! the one before, in the document's terms (statement ids, group labels, constituency names).

use std::collections::BTreeSet;

use engine::rounds::{self, RoundSide, RoundTally, RoundsInput, Shift};
use engine::{Analysis, ParticipantId, StatementId, VoteMatrix};
use store::Round;

use crate::report::document::{
    CommonGroundChange, RoundMovement, RoundShift, RoundStatement, RoundSummary, RoundVoters,
    Rounds, Tally, group_label,
};

/// One round's votes and analysis.
#[derive(Clone, Copy)]
pub struct RoundAnalysis<'a> {
    /// Its latest votes.
    pub matrix: &'a VoteMatrix,
    /// Its analysis.
    pub analysis: &'a Analysis,
}

/// What the section reads besides the two rounds.
pub struct Context<'a> {
    /// Every round so far, first to current.
    pub rounds: &'a [Round],
    /// The constituencies' names, in the dialogue's order.
    pub constituencies: &'a [String],
    /// Each participant's constituencies by index, sorted by participant.
    pub memberships: &'a [(ParticipantId, Vec<usize>)],
    /// The statements to compare, ascending.
    pub statements: &'a [StatementId],
}

fn tally(tally: RoundTally) -> Tally {
    Tally {
        agree: u64::from(tally.agree),
        disagree: u64::from(tally.disagree),
        pass: u64::from(tally.pass),
    }
}

fn shift(shift: Shift) -> RoundShift {
    RoundShift {
        earlier: tally(shift.earlier),
        later: tally(shift.later),
        change: shift.change(),
    }
}

/// Compares the current round (`later`) with the one before (`earlier`); `None` when the
/// dialogue is in its first round.
pub fn section(
    context: &Context<'_>,
    earlier: RoundAnalysis<'_>,
    later: RoundAnalysis<'_>,
) -> Option<Rounds> {
    let [.., before, now] = context.rounds else {
        return None;
    };
    let earlier_common: BTreeSet<StatementId> = rounds::common_ground_of(earlier.analysis);
    let later_common: BTreeSet<StatementId> = rounds::common_ground_of(later.analysis);
    let later_groups = engine::analysis::group_positions(&later.analysis.polis);
    let n_groups = later.analysis.polis.group_clusters.len();
    let comparison = rounds::compare(&RoundsInput {
        earlier: RoundSide {
            matrix: earlier.matrix,
            common_ground: &earlier_common,
        },
        later: RoundSide {
            matrix: later.matrix,
            common_ground: &later_common,
        },
        later_groups: &later_groups,
        n_groups,
        n_constituencies: context.constituencies.len(),
        memberships: context.memberships,
        statements: context.statements,
    });
    let ids = |statements: &[StatementId]| statements.iter().map(|id| id.0).collect();
    Some(Rounds {
        rounds: context
            .rounds
            .iter()
            .map(|round| RoundSummary {
                number: round.number,
                label: round.label.clone(),
                started_at: round.started_at,
                ended_at: round.ended_at,
                voters: round.voters,
                votes: round.votes,
            })
            .collect(),
        earlier: before.number,
        later: now.number,
        voters: RoundVoters {
            earlier: comparison.earlier_voters,
            later: comparison.later_voters,
            returning: comparison.overall.returning,
            moved: comparison.overall.moved,
        },
        groups: comparison
            .groups
            .iter()
            .enumerate()
            .map(|(index, movement)| RoundMovement {
                name: group_label(index),
                returning: movement.returning,
                moved: movement.moved,
            })
            .collect(),
        constituencies: comparison
            .constituencies
            .iter()
            .zip(context.constituencies)
            .map(|(movement, name)| RoundMovement {
                name: name.clone(),
                returning: movement.returning,
                moved: movement.moved,
            })
            .collect(),
        statements: comparison
            .statements
            .iter()
            .map(|statement| RoundStatement {
                statement: statement.statement.0,
                overall: shift(statement.overall),
                groups: statement.groups.iter().copied().map(shift).collect(),
                constituencies: statement
                    .constituencies
                    .iter()
                    .copied()
                    .map(shift)
                    .collect(),
                transitions: statement.transitions,
                moved: statement.moved(),
                common_ground: match statement.common_ground {
                    rounds::CommonGroundChange::Gained => CommonGroundChange::Gained,
                    rounds::CommonGroundChange::Lost => CommonGroundChange::Lost,
                    rounds::CommonGroundChange::Kept => CommonGroundChange::Kept,
                    rounds::CommonGroundChange::Neither => CommonGroundChange::Neither,
                },
            })
            .collect(),
        gained: ids(&comparison.gained),
        lost: ids(&comparison.lost),
        kept: ids(&comparison.kept),
    })
}
