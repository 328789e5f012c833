//! Comparing two rounds of one dialogue, e.g. before and after a public event: how agreement
//! with each statement changed overall, within each opinion group and each constituency, who
//! changed their vote, and which statements became or stopped being common ground.
//!
//! Each round has its own latest votes (a participant votes again in a new round with the same
//! identity) and its own analysis. Opinion groups are not comparable between two clusterings,
//! so the comparison reads both rounds through the later round's groups: a group's earlier
//! agreement is that of its members who voted in the earlier round too (a panel of the same
//! people). Participants who voted only in the earlier round belong to no group here; they
//! count overall and in their constituencies, which do not change between rounds.
//!
//! Agreement is the share of agree among a set's votes on a statement (agree, disagree and
//! pass). "Moved" compares one participant's two votes on the same statement: only people who
//! voted on it in both rounds can move. Common ground is each round's own verdict
//! ([`crate::common_ground`], equal weight), so a gain or loss says what the partnership can
//! now stand on, whichever way the head-count moved.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::Analysis;
use crate::votes::{ParticipantId, StatementId, VoteMatrix};

/// How one set of people voted on one statement in one round.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoundTally {
    /// Agree votes.
    pub agree: u32,
    /// Disagree votes.
    pub disagree: u32,
    /// Passes.
    pub pass: u32,
}

impl RoundTally {
    /// Returns the number of votes.
    pub fn votes(self) -> u32 {
        self.agree + self.disagree + self.pass
    }

    /// Returns the share of agree among the votes, `None` without votes.
    pub fn agree_share(self) -> Option<f64> {
        match self.votes() {
            0 => None,
            votes => Some(f64::from(self.agree) / f64::from(votes)),
        }
    }

    fn add(&mut self, value: i8) {
        match value {
            1 => self.agree += 1,
            -1 => self.disagree += 1,
            _ => self.pass += 1,
        }
    }
}

/// One set of people's tallies on one statement in both rounds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shift {
    /// In the earlier round.
    pub earlier: RoundTally,
    /// In the later round.
    pub later: RoundTally,
}

impl Shift {
    /// Returns the change in the share of agree, later minus earlier, when both rounds have
    /// votes.
    pub fn change(self) -> Option<f64> {
        Some(self.later.agree_share()? - self.earlier.agree_share()?)
    }
}

/// What happened to a statement's place in common ground between the rounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommonGroundChange {
    /// Common ground in the later round only.
    Gained,
    /// Common ground in the earlier round only.
    Lost,
    /// Common ground in both.
    Kept,
    /// Common ground in neither.
    Neither,
}

/// Where a vote stands in [`StatementShift::transitions`].
pub const AGREE: usize = 0;
/// See [`AGREE`].
pub const DISAGREE: usize = 1;
/// See [`AGREE`].
pub const PASS: usize = 2;

fn choice_index(value: i8) -> usize {
    match value {
        1 => AGREE,
        -1 => DISAGREE,
        _ => PASS,
    }
}

/// One statement in both rounds.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementShift {
    /// The statement.
    pub statement: StatementId,
    /// Everyone who voted on it in each round.
    pub overall: Shift,
    /// By the later round's opinion groups, in their order.
    pub groups: Vec<Shift>,
    /// By constituency, in the dialogue's order.
    pub constituencies: Vec<Shift>,
    /// `transitions[from][to]`: participants who voted on it in both rounds, by their earlier
    /// and later choice ([`AGREE`], [`DISAGREE`], [`PASS`]).
    pub transitions: [[u32; 3]; 3],
    /// Its place in common ground.
    pub common_ground: CommonGroundChange,
}

impl StatementShift {
    /// Returns how many participants voted on it in both rounds.
    pub fn returning(&self) -> u32 {
        self.transitions.iter().flatten().sum()
    }

    /// Returns how many of them changed their vote.
    pub fn moved(&self) -> u32 {
        self.returning() - (0..3).map(|i| self.transitions[i][i]).sum::<u32>()
    }

    /// Returns how many changed their vote to agree, and how many away from agree.
    pub fn towards_and_away_from_agree(&self) -> (u32, u32) {
        let towards = self.transitions[DISAGREE][AGREE] + self.transitions[PASS][AGREE];
        let away = self.transitions[AGREE][DISAGREE] + self.transitions[AGREE][PASS];
        (towards, away)
    }
}

/// Who came back and who changed their mind, within one set of people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Movement {
    /// Participants who voted in both rounds on at least one statement compared.
    pub returning: u32,
    /// Of those, participants who changed at least one such vote.
    pub moved: u32,
}

/// The comparison of two rounds.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundComparison {
    /// Participants with a vote in the earlier round.
    pub earlier_voters: u32,
    /// Participants with a vote in the later round.
    pub later_voters: u32,
    /// Everyone's movement.
    pub overall: Movement,
    /// Movement by the later round's opinion groups.
    pub groups: Vec<Movement>,
    /// Movement by constituency.
    pub constituencies: Vec<Movement>,
    /// Every statement compared, in the order given.
    pub statements: Vec<StatementShift>,
    /// Statements that became common ground, in the order given.
    pub gained: Vec<StatementId>,
    /// Statements that stopped being common ground.
    pub lost: Vec<StatementId>,
    /// Statements common ground in both rounds.
    pub kept: Vec<StatementId>,
}

/// One round as the comparison reads it.
#[derive(Clone, Copy, Debug)]
pub struct RoundSide<'a> {
    /// Its latest votes.
    pub matrix: &'a VoteMatrix,
    /// Its common-ground statements.
    pub common_ground: &'a BTreeSet<StatementId>,
}

/// Everything a comparison reads.
#[derive(Clone, Copy, Debug)]
pub struct RoundsInput<'a> {
    /// The earlier round.
    pub earlier: RoundSide<'a>,
    /// The later round.
    pub later: RoundSide<'a>,
    /// The later round's opinion group (by position) of each row of its vote matrix.
    pub later_groups: &'a [Option<usize>],
    /// How many opinion groups the later round has.
    pub n_groups: usize,
    /// How many constituencies the dialogue has.
    pub n_constituencies: usize,
    /// Each participant's constituencies by index, sorted by participant.
    pub memberships: &'a [(ParticipantId, Vec<usize>)],
    /// The statements to compare (those shown in either round), each once.
    pub statements: &'a [StatementId],
}

/// Returns the statements an analysis found to be common ground.
pub fn common_ground_of(analysis: &Analysis) -> BTreeSet<StatementId> {
    analysis
        .common_ground
        .common_ground()
        .map(|statement| statement.statement)
        .collect()
}

/// Compares two rounds.
pub fn compare(input: &RoundsInput) -> RoundComparison {
    let n_statements = input.statements.len();
    let position: BTreeMap<StatementId, usize> = input
        .statements
        .iter()
        .enumerate()
        .map(|(index, &statement)| (statement, index))
        .collect();
    let mut shifts: Vec<StatementShift> = input
        .statements
        .iter()
        .map(|&statement| {
            let earlier = input.earlier.common_ground.contains(&statement);
            let later = input.later.common_ground.contains(&statement);
            StatementShift {
                statement,
                overall: Shift::default(),
                groups: vec![Shift::default(); input.n_groups],
                constituencies: vec![Shift::default(); input.n_constituencies],
                transitions: [[0; 3]; 3],
                common_ground: match (earlier, later) {
                    (false, true) => CommonGroundChange::Gained,
                    (true, false) => CommonGroundChange::Lost,
                    (true, true) => CommonGroundChange::Kept,
                    (false, false) => CommonGroundChange::Neither,
                },
            }
        })
        .collect();
    let memberships_of = |participant: ParticipantId| -> &[usize] {
        input
            .memberships
            .binary_search_by_key(&participant, |(id, _)| *id)
            .map_or(&[], |index| input.memberships[index].1.as_slice())
    };
    let later = input.later.matrix;
    let group_of = |participant: ParticipantId| -> Option<usize> {
        let row = later.row_of(participant)?;
        input
            .later_groups
            .get(row)
            .copied()
            .flatten()
            .filter(|&group| group < input.n_groups)
    };
    let later_column_of: Vec<Option<usize>> = input
        .statements
        .iter()
        .map(|&statement| later.column_of(statement))
        .collect();

    let mut overall = Movement::default();
    let mut groups = vec![Movement::default(); input.n_groups];
    let mut constituencies = vec![Movement::default(); input.n_constituencies];
    let earlier = input.earlier.matrix;
    let earlier_positions: Vec<Option<usize>> = earlier
        .statements()
        .iter()
        .map(|statement| position.get(statement).copied())
        .collect();
    for (row, &participant) in earlier.participants().iter().enumerate() {
        let group = group_of(participant);
        let member_of = memberships_of(participant);
        let later_row = later.row_of(participant);
        let (mut returning, mut moved) = (false, false);
        for (column, value) in earlier.row(row) {
            let Some(index) = earlier_positions.get(column).copied().flatten() else {
                continue;
            };
            let shift = &mut shifts[index];
            shift.overall.earlier.add(value);
            if let Some(group) = group {
                shift.groups[group].earlier.add(value);
            }
            for &constituency in member_of {
                if let Some(entry) = shift.constituencies.get_mut(constituency) {
                    entry.earlier.add(value);
                }
            }
            let again = later_row
                .zip(later_column_of[index])
                .and_then(|(later_row, later_column)| later.get(later_row, later_column));
            if let Some(again) = again {
                shift.transitions[choice_index(value)][choice_index(again)] += 1;
                returning = true;
                moved |= again != value;
            }
        }
        if returning {
            let count = |movement: &mut Movement| {
                movement.returning += 1;
                movement.moved += u32::from(moved);
            };
            count(&mut overall);
            if let Some(group) = group {
                count(&mut groups[group]);
            }
            for &constituency in member_of {
                if let Some(movement) = constituencies.get_mut(constituency) {
                    count(movement);
                }
            }
        }
    }
    let later_positions: Vec<Option<usize>> = later
        .statements()
        .iter()
        .map(|statement| position.get(statement).copied())
        .collect();
    for (row, &participant) in later.participants().iter().enumerate() {
        let group = input
            .later_groups
            .get(row)
            .copied()
            .flatten()
            .filter(|&group| group < input.n_groups);
        let member_of = memberships_of(participant);
        for (column, value) in later.row(row) {
            let Some(index) = later_positions.get(column).copied().flatten() else {
                continue;
            };
            let shift = &mut shifts[index];
            shift.overall.later.add(value);
            if let Some(group) = group {
                shift.groups[group].later.add(value);
            }
            for &constituency in member_of {
                if let Some(entry) = shift.constituencies.get_mut(constituency) {
                    entry.later.add(value);
                }
            }
        }
    }
    let with = |change: CommonGroundChange| -> Vec<StatementId> {
        shifts
            .iter()
            .filter(|shift| shift.common_ground == change)
            .map(|shift| shift.statement)
            .collect()
    };
    let (gained, lost, kept) = (
        with(CommonGroundChange::Gained),
        with(CommonGroundChange::Lost),
        with(CommonGroundChange::Kept),
    );
    debug_assert_eq!(shifts.len(), n_statements);
    RoundComparison {
        earlier_voters: u32::try_from(earlier.n_participants()).unwrap_or(u32::MAX),
        later_voters: u32::try_from(later.n_participants()).unwrap_or(u32::MAX),
        overall,
        groups,
        constituencies,
        statements: shifts,
        gained,
        lost,
        kept,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{Vote, VoteRecord};

    fn matrix(votes: &[(u32, u32, Vote)]) -> VoteMatrix {
        let records: Vec<VoteRecord> = votes
            .iter()
            .enumerate()
            .map(|(index, &(participant, statement, vote))| VoteRecord {
                participant: ParticipantId(participant),
                statement: StatementId(statement),
                vote,
                timestamp: i64::try_from(index).unwrap_or(0),
            })
            .collect();
        VoteMatrix::from_records(&records)
    }

    fn ids(values: &[u32]) -> Vec<StatementId> {
        values.iter().copied().map(StatementId).collect()
    }

    #[test]
    fn a_round_compared_with_itself_shows_no_movement() {
        let votes = matrix(&[
            (1, 10, Vote::Agree),
            (1, 11, Vote::Disagree),
            (2, 10, Vote::Pass),
            (3, 11, Vote::Agree),
        ]);
        let common: BTreeSet<StatementId> = [StatementId(10)].into();
        let side = RoundSide {
            matrix: &votes,
            common_ground: &common,
        };
        let groups = vec![Some(0); votes.n_participants()];
        let statements = ids(&[10, 11]);
        let comparison = compare(&RoundsInput {
            earlier: side,
            later: side,
            later_groups: &groups,
            n_groups: 1,
            n_constituencies: 0,
            memberships: &[],
            statements: &statements,
        });
        assert_eq!(
            comparison.overall,
            Movement {
                returning: 3,
                moved: 0
            }
        );
        assert_eq!(comparison.groups, [comparison.overall]);
        for shift in &comparison.statements {
            assert_eq!(shift.moved(), 0);
            assert_eq!(shift.overall.change(), Some(0.0));
            assert_eq!(shift.overall.earlier, shift.overall.later);
        }
        assert_eq!(comparison.kept, ids(&[10]));
        assert!(comparison.gained.is_empty() && comparison.lost.is_empty());
    }

    #[test]
    fn movement_agreement_and_common_ground_between_rounds() {
        // Participant 1 moves from agree to disagree on 10; 2 passes both times; 3 voted only
        // before; 4 only after. 20 is not compared.
        let before = matrix(&[
            (1, 10, Vote::Agree),
            (1, 11, Vote::Agree),
            (2, 10, Vote::Pass),
            (3, 10, Vote::Agree),
            (3, 20, Vote::Agree),
        ]);
        let after = matrix(&[
            (1, 10, Vote::Disagree),
            (1, 11, Vote::Agree),
            (2, 10, Vote::Pass),
            (4, 10, Vote::Agree),
            (4, 11, Vote::Agree),
        ]);
        let before_common: BTreeSet<StatementId> = ids(&[10]).into_iter().collect();
        let after_common: BTreeSet<StatementId> = ids(&[11]).into_iter().collect();
        // In the later round, participants 1 and 4 are in group 0, participant 2 in group 1.
        let later_groups: Vec<Option<usize>> = after
            .participants()
            .iter()
            .map(|participant| Some(usize::from(participant.0 == 2)))
            .collect();
        // Constituency 0: participants 1 and 3; constituency 1: participant 2.
        let memberships = vec![
            (ParticipantId(1), vec![0]),
            (ParticipantId(2), vec![1]),
            (ParticipantId(3), vec![0]),
        ];
        let statements = ids(&[10, 11]);
        let comparison = compare(&RoundsInput {
            earlier: RoundSide {
                matrix: &before,
                common_ground: &before_common,
            },
            later: RoundSide {
                matrix: &after,
                common_ground: &after_common,
            },
            later_groups: &later_groups,
            n_groups: 2,
            n_constituencies: 2,
            memberships: &memberships,
            statements: &statements,
        });
        assert_eq!((comparison.earlier_voters, comparison.later_voters), (3, 3));
        assert_eq!(
            comparison.overall,
            Movement {
                returning: 2,
                moved: 1
            }
        );
        assert_eq!(
            comparison.groups,
            [
                Movement {
                    returning: 1,
                    moved: 1
                },
                Movement {
                    returning: 1,
                    moved: 0
                }
            ]
        );
        assert_eq!(
            comparison.constituencies,
            [
                Movement {
                    returning: 1,
                    moved: 1
                },
                Movement {
                    returning: 1,
                    moved: 0
                }
            ]
        );

        let ten = &comparison.statements[0];
        assert_eq!(ten.statement, StatementId(10));
        // Before: agree from 1 and 3, a pass from 2. After: disagree from 1, pass from 2, agree
        // from 4.
        assert_eq!(
            ten.overall.earlier,
            RoundTally {
                agree: 2,
                disagree: 0,
                pass: 1
            }
        );
        assert_eq!(
            ten.overall.later,
            RoundTally {
                agree: 1,
                disagree: 1,
                pass: 1
            }
        );
        let change = ten.overall.change().unwrap();
        assert!((change - (1.0 / 3.0 - 2.0 / 3.0)).abs() < 1e-12);
        assert_eq!(ten.transitions[AGREE][DISAGREE], 1);
        assert_eq!(ten.transitions[PASS][PASS], 1);
        assert_eq!((ten.returning(), ten.moved()), (2, 1));
        assert_eq!(ten.towards_and_away_from_agree(), (0, 1));
        // Group 0 (participants 1 and 4 after): before, only participant 1 of them voted, and
        // agreed; participant 3 voted only before, so is in no group.
        assert_eq!(
            ten.groups[0].earlier,
            RoundTally {
                agree: 1,
                disagree: 0,
                pass: 0
            }
        );
        assert_eq!(
            ten.groups[0].later,
            RoundTally {
                agree: 1,
                disagree: 1,
                pass: 0
            }
        );
        // Constituency 0 keeps participant 3's earlier vote.
        assert_eq!(ten.constituencies[0].earlier.agree, 2);
        assert_eq!(ten.constituencies[0].later.disagree, 1);
        assert_eq!(ten.common_ground, CommonGroundChange::Lost);

        let eleven = &comparison.statements[1];
        assert_eq!(eleven.common_ground, CommonGroundChange::Gained);
        assert_eq!(eleven.transitions[AGREE][AGREE], 1);
        assert_eq!(eleven.overall.later.agree, 2);
        assert_eq!(comparison.gained, ids(&[11]));
        assert_eq!(comparison.lost, ids(&[10]));
        assert!(comparison.kept.is_empty());
    }

    #[test]
    fn a_round_without_votes_has_no_shares() {
        let before = matrix(&[(1, 10, Vote::Agree)]);
        let after = matrix(&[]);
        let empty = BTreeSet::new();
        let statements = ids(&[10]);
        let comparison = compare(&RoundsInput {
            earlier: RoundSide {
                matrix: &before,
                common_ground: &empty,
            },
            later: RoundSide {
                matrix: &after,
                common_ground: &empty,
            },
            later_groups: &[],
            n_groups: 0,
            n_constituencies: 0,
            memberships: &[],
            statements: &statements,
        });
        let shift = comparison.statements[0].overall;
        assert_eq!(shift.earlier.agree_share(), Some(1.0));
        assert_eq!(shift.later.agree_share(), None);
        assert_eq!(shift.change(), None);
        assert_eq!(comparison.overall, Movement::default());
    }
}
