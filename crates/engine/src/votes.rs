//! Votes as they arrive and the sparse, latest-vote-wins matrix every analysis starts from.
//!
//! The matrix never holds a dense participants x statements array: each participant's row keeps
//! only the cells they voted on, so memory grows with the number of votes.

use std::fmt;

use rayon::prelude::*;

/// Identifies a participant within one dialogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParticipantId(pub u32);

/// Identifies a statement within one dialogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatementId(pub u32);

impl fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for StatementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A participant's reaction to a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vote {
    /// The participant agrees.
    Agree,
    /// The participant disagrees.
    Disagree,
    /// The participant saw the statement and passed (unsure, no opinion).
    Pass,
}

impl Vote {
    /// Returns the vote in the agree = +1 convention used throughout the engine.
    pub fn value(self) -> i8 {
        match self {
            Vote::Agree => 1,
            Vote::Disagree => -1,
            Vote::Pass => 0,
        }
    }

    /// Returns the vote for a value in the agree = +1 convention, or `None` for other values.
    pub fn from_value(value: i8) -> Option<Vote> {
        match value {
            1 => Some(Vote::Agree),
            -1 => Some(Vote::Disagree),
            0 => Some(Vote::Pass),
            _ => None,
        }
    }
}

/// One vote as it was cast; a participant may vote on the same statement several times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteRecord {
    /// Who voted.
    pub participant: ParticipantId,
    /// On what.
    pub statement: StatementId,
    /// How.
    pub vote: Vote,
    /// When, in milliseconds since the Unix epoch; the latest vote on a statement counts.
    pub timestamp: i64,
}

/// The moderation status of a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Moderation {
    /// Accepted by a moderator.
    Accepted,
    /// Not yet moderated; the analysis treats it as in.
    #[default]
    Unmoderated,
    /// Rejected by a moderator; excluded from the analysis.
    Rejected,
}

/// What the analysis needs to know about a statement besides its votes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementInfo {
    /// The statement.
    pub id: StatementId,
    /// Its moderation status.
    pub moderation: Moderation,
    /// A meta statement is about the dialogue itself; it is excluded like a rejected one.
    pub is_meta: bool,
    /// The participant who wrote it, if a participant did.
    pub author: Option<ParticipantId>,
}

impl StatementInfo {
    /// Returns whether the Pol.is math moves this statement out of the analysis (`mod-out`).
    pub fn is_moderated_out(&self) -> bool {
        self.is_meta || self.moderation == Moderation::Rejected
    }
}

/// Bit layout of a packed vote: statement (32) | participant (32) | timestamp (62) | vote (2).
const VOTE_BITS: u32 = 2;
const TIMESTAMP_BITS: u32 = 62;
const TIMESTAMP_OFFSET: i128 = 1 << (TIMESTAMP_BITS - 1);

fn pack(record: &VoteRecord) -> u128 {
    // Timestamps outside +-2^61 ms (about 73 million years) are clamped; ordering is kept.
    let shifted =
        (i128::from(record.timestamp) + TIMESTAMP_OFFSET).clamp(0, (1 << TIMESTAMP_BITS) - 1);
    let vote_bits: u128 = match record.vote {
        Vote::Disagree => 0,
        Vote::Pass => 1,
        Vote::Agree => 2,
    };
    (u128::from(record.statement.0) << 96)
        | (u128::from(record.participant.0) << 64)
        | ((shifted as u128) << VOTE_BITS)
        | vote_bits
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "each field is masked to its width first"
)]
fn unpack(packed: u128) -> (StatementId, ParticipantId, i8) {
    let statement = StatementId((packed >> 96) as u32);
    let participant = ParticipantId(((packed >> 64) & u128::from(u32::MAX)) as u32);
    let value = match packed & 0b11 {
        0 => -1,
        1 => 0,
        _ => 1,
    };
    (statement, participant, value)
}

/// The latest vote of every participant on every statement, stored row by row (CSR).
///
/// Rows are participants in Pol.is order: order of first appearance when the votes are sorted by
/// (statement, participant, time). Columns are the statements with at least one vote, in
/// ascending id. Values use agree = +1, disagree = -1, pass = 0.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteMatrix {
    participants: Vec<ParticipantId>,
    statements: Vec<StatementId>,
    row_offsets: Vec<usize>,
    columns: Vec<u32>,
    values: Vec<i8>,
    participant_lookup: Vec<(ParticipantId, u32)>,
    superseded_votes: usize,
    last_vote_timestamp: Option<i64>,
}

impl VoteMatrix {
    /// Builds the matrix from votes in any order; a later vote on the same statement by the
    /// same participant replaces an earlier one (on equal timestamps, the later record wins).
    pub fn from_records(records: &[VoteRecord]) -> VoteMatrix {
        let mut packed: Vec<u128> = records.par_iter().map(pack).collect();
        // Stable on everything but the vote bits, so that equal timestamps keep input order.
        packed.par_sort_by_key(|value| value >> VOTE_BITS);
        Self::from_sorted_packed(&packed, records.iter().map(|r| r.timestamp).max())
    }

    fn from_sorted_packed(packed: &[u128], last_vote_timestamp: Option<i64>) -> VoteMatrix {
        // Keep the last record of each (statement, participant) run.
        let mut latest: Vec<u128> = Vec::with_capacity(packed.len());
        for (index, &value) in packed.iter().enumerate() {
            let is_last_of_pair = packed
                .get(index + 1)
                .is_none_or(|next| next >> 64 != value >> 64);
            if is_last_of_pair {
                latest.push(value);
            }
        }
        let superseded_votes = packed.len() - latest.len();

        // Columns: distinct statements in ascending order. Rows: first appearance order.
        let mut statements: Vec<StatementId> = Vec::new();
        let mut participants: Vec<ParticipantId> = Vec::new();
        let mut participant_lookup: Vec<(ParticipantId, u32)> = Vec::new();
        {
            let mut seen: std::collections::HashMap<ParticipantId, u32> =
                std::collections::HashMap::new();
            for &value in &latest {
                let (statement, participant, _) = unpack(value);
                if statements.last() != Some(&statement) {
                    statements.push(statement);
                }
                seen.entry(participant).or_insert_with(|| {
                    let row =
                        u32::try_from(participants.len()).expect("fewer than 2^32 participants");
                    participants.push(participant);
                    row
                });
            }
            participant_lookup.extend(seen);
            participant_lookup.sort_unstable();
        }
        let row_of = |participant: ParticipantId| -> usize {
            let index = participant_lookup
                .binary_search_by_key(&participant, |&(id, _)| id)
                .expect("every participant has a row");
            participant_lookup[index].1 as usize
        };

        let mut row_offsets = vec![0usize; participants.len() + 1];
        let mut row_per_vote: Vec<u32> = Vec::with_capacity(latest.len());
        for &value in &latest {
            let row = row_of(unpack(value).1);
            row_offsets[row + 1] += 1;
            row_per_vote.push(u32::try_from(row).expect("rows are numbered in u32"));
        }
        for row in 0..participants.len() {
            row_offsets[row + 1] += row_offsets[row];
        }
        let mut next = row_offsets.clone();
        let mut columns = vec![0u32; latest.len()];
        let mut values = vec![0i8; latest.len()];
        let mut column = 0u32;
        let mut previous_statement = None;
        for (&value, &row) in latest.iter().zip(&row_per_vote) {
            let (statement, _, vote) = unpack(value);
            if previous_statement.is_some_and(|previous| previous != statement) {
                column += 1;
            }
            previous_statement = Some(statement);
            let slot = next[row as usize];
            next[row as usize] += 1;
            columns[slot] = column;
            values[slot] = vote;
        }

        VoteMatrix {
            participants,
            statements,
            row_offsets,
            columns,
            values,
            participant_lookup,
            superseded_votes,
            last_vote_timestamp,
        }
    }

    /// Returns the number of rows: participants with at least one vote.
    pub fn n_participants(&self) -> usize {
        self.participants.len()
    }

    /// Returns the number of columns: statements with at least one vote.
    pub fn n_statements(&self) -> usize {
        self.statements.len()
    }

    /// Returns the number of stored cells (latest votes).
    pub fn n_votes(&self) -> usize {
        self.values.len()
    }

    /// Returns how many input records were replaced by a later vote on the same statement.
    pub fn superseded_votes(&self) -> usize {
        self.superseded_votes
    }

    /// Returns the latest vote timestamp seen in the input.
    pub fn last_vote_timestamp(&self) -> Option<i64> {
        self.last_vote_timestamp
    }

    /// Returns the participants in row order.
    pub fn participants(&self) -> &[ParticipantId] {
        &self.participants
    }

    /// Returns the statements in column order (ascending id).
    pub fn statements(&self) -> &[StatementId] {
        &self.statements
    }

    /// Returns the row of a participant, if they voted.
    pub fn row_of(&self, participant: ParticipantId) -> Option<usize> {
        self.participant_lookup
            .binary_search_by_key(&participant, |&(id, _)| id)
            .ok()
            .map(|index| self.participant_lookup[index].1 as usize)
    }

    /// Returns the column of a statement, if it has votes.
    pub fn column_of(&self, statement: StatementId) -> Option<usize> {
        self.statements.binary_search(&statement).ok()
    }

    /// Returns the cells of one row as (column, value) pairs, value in agree = +1.
    pub fn row(&self, row: usize) -> impl ExactSizeIterator<Item = (usize, i8)> + '_ {
        let range = self.row_offsets[row]..self.row_offsets[row + 1];
        self.columns[range.clone()]
            .iter()
            .zip(&self.values[range])
            .map(|(&column, &value)| (column as usize, value))
    }

    /// Returns the column indices and values of one row as slices.
    pub fn row_slices(&self, row: usize) -> (&[u32], &[i8]) {
        let range = self.row_offsets[row]..self.row_offsets[row + 1];
        (&self.columns[range.clone()], &self.values[range])
    }

    /// Returns the number of votes a row holds.
    pub fn row_len(&self, row: usize) -> usize {
        self.row_offsets[row + 1] - self.row_offsets[row]
    }

    /// Returns the value of one cell, or `None` when the participant did not vote on it.
    pub fn get(&self, row: usize, column: usize) -> Option<i8> {
        let (columns, values) = self.row_slices(row);
        let column = u32::try_from(column).ok()?;
        // Columns within a row are ascending: see from_sorted_packed.
        columns
            .binary_search(&column)
            .ok()
            .map(|index| values[index])
    }

    /// Returns the latest votes as records (timestamps are not kept and come back as 0).
    pub fn to_records(&self) -> Vec<VoteRecord> {
        let mut records = Vec::with_capacity(self.n_votes());
        for (row, &participant) in self.participants.iter().enumerate() {
            for (column, value) in self.row(row) {
                records.push(VoteRecord {
                    participant,
                    statement: self.statements[column],
                    vote: Vote::from_value(value).expect("stored values are -1, 0 or 1"),
                    timestamp: 0,
                });
            }
        }
        records
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(participant: u32, statement: u32, vote: Vote, timestamp: i64) -> VoteRecord {
        VoteRecord {
            participant: ParticipantId(participant),
            statement: StatementId(statement),
            vote,
            timestamp,
        }
    }

    #[test]
    fn the_latest_vote_wins_and_superseded_ones_are_counted() {
        let matrix = VoteMatrix::from_records(&[
            record(5, 2, Vote::Agree, 10),
            record(5, 2, Vote::Disagree, 30),
            record(5, 2, Vote::Pass, 20),
            record(7, 1, Vote::Agree, 5),
        ]);
        assert_eq!(matrix.superseded_votes(), 2);
        assert_eq!(matrix.n_votes(), 2);
        let row = matrix.row_of(ParticipantId(5)).unwrap();
        let column = matrix.column_of(StatementId(2)).unwrap();
        assert_eq!(matrix.get(row, column), Some(-1));
        assert_eq!(matrix.last_vote_timestamp(), Some(30));
    }

    #[test]
    fn equal_timestamps_keep_the_later_record() {
        let matrix = VoteMatrix::from_records(&[
            record(1, 1, Vote::Agree, 10),
            record(1, 1, Vote::Disagree, 10),
        ]);
        assert_eq!(matrix.get(0, 0), Some(-1));
    }

    #[test]
    fn rows_follow_first_appearance_in_statement_then_participant_order() {
        // Participant 9 voted on the lowest statement, so comes first despite the larger id.
        let matrix = VoteMatrix::from_records(&[
            record(3, 8, Vote::Agree, 1),
            record(9, 4, Vote::Pass, 2),
            record(3, 4, Vote::Disagree, 3),
            record(1, 8, Vote::Agree, 4),
        ]);
        assert_eq!(
            matrix.participants(),
            &[ParticipantId(3), ParticipantId(9), ParticipantId(1)]
        );
        assert_eq!(matrix.statements(), &[StatementId(4), StatementId(8)]);
        assert_eq!(matrix.row(0).collect::<Vec<_>>(), vec![(0, -1), (1, 1)]);
    }

    #[test]
    fn an_empty_input_gives_an_empty_matrix() {
        let matrix = VoteMatrix::from_records(&[]);
        assert_eq!(matrix.n_participants(), 0);
        assert_eq!(matrix.n_statements(), 0);
        assert_eq!(matrix.last_vote_timestamp(), None);
    }
}
