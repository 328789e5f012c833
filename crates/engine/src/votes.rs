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

/// Dense indices for a set of `u32` ids, numbered in ascending id order.
enum IdIndex {
    /// A lookup table indexed by id (`u32::MAX` marks an absent id); used when ids are compact.
    Table(Vec<u32>),
    /// The distinct ids, sorted; looked up by binary search when ids are spread out.
    Sorted(Vec<u32>),
}

impl IdIndex {
    fn build(ids: impl Fn(usize) -> u32 + Sync, n: usize) -> (IdIndex, Vec<u32>) {
        let max = (0..n).into_par_iter().map(&ids).max().unwrap_or(0) as usize;
        // A table costs 4 bytes per possible id; worth it while ids are not much sparser than
        // the records that carry them.
        if max < n.saturating_mul(4).max(1 << 16) {
            let mut table = vec![u32::MAX; max + 1];
            for index in 0..n {
                table[ids(index) as usize] = 0;
            }
            let mut distinct = Vec::new();
            for (id, slot) in table.iter_mut().enumerate() {
                if *slot == 0 {
                    *slot = u32::try_from(distinct.len()).expect("fewer than 2^32 distinct ids");
                    distinct.push(u32::try_from(id).expect("table ids come from u32"));
                }
            }
            (IdIndex::Table(table), distinct)
        } else {
            let mut distinct: Vec<u32> = (0..n).into_par_iter().map(&ids).collect();
            distinct.par_sort_unstable();
            distinct.dedup();
            (IdIndex::Sorted(distinct.clone()), distinct)
        }
    }

    fn index_of(&self, id: u32) -> u32 {
        match self {
            IdIndex::Table(table) => table[id as usize],
            IdIndex::Sorted(sorted) => {
                let position = sorted.binary_search(&id).expect("every id was indexed");
                u32::try_from(position).expect("fewer than 2^32 distinct ids")
            }
        }
    }
}

/// Splits `items` into consecutive mutable slices of the given lengths.
fn split_by_lengths<'a, T>(mut items: &'a mut [T], lengths: &[usize]) -> Vec<&'a mut [T]> {
    let mut slices = Vec::with_capacity(lengths.len());
    for &length in lengths {
        let (head, tail) = std::mem::take(&mut items).split_at_mut(length);
        slices.push(head);
        items = tail;
    }
    slices
}

/// The latest vote of every participant on every statement, stored row by row (CSR).
///
/// Rows are participants in Pol.is order: order of first appearance when the votes are sorted by
/// (statement, participant, time), that is by the lowest statement id a participant voted on,
/// then by participant id. Columns are the statements with at least one vote, in ascending id;
/// within a row, cells are in ascending column. Values use agree = +1, disagree = -1, pass = 0.
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
    ///
    /// Work and memory are linear in the number of records (a bucket sort by participant, then
    /// a small sort within each participant's votes), so 50 million votes need no more than
    /// about 9 bytes per vote beyond the records themselves.
    pub fn from_records(records: &[VoteRecord]) -> VoteMatrix {
        let n = records.len();
        assert!(
            u32::try_from(n).is_ok(),
            "a vote matrix holds fewer than 2^32 records"
        );
        let (participant_index, participant_ids) =
            IdIndex::build(|index| records[index].participant.0, n);
        let (statement_index, statement_ids) =
            IdIndex::build(|index| records[index].statement.0, n);
        let n_participants = participant_ids.len();

        // Column of every record, then the records bucketed by participant (ascending id).
        let column_of_record: Vec<u32> = records
            .par_iter()
            .map(|record| statement_index.index_of(record.statement.0))
            .collect();
        let participant_of_record: Vec<u32> = records
            .par_iter()
            .map(|record| participant_index.index_of(record.participant.0))
            .collect();
        let mut bucket_lengths = vec![0usize; n_participants];
        for &participant in &participant_of_record {
            bucket_lengths[participant as usize] += 1;
        }
        let mut bucket_starts = Vec::with_capacity(n_participants);
        let mut start = 0usize;
        for &length in &bucket_lengths {
            bucket_starts.push(start);
            start += length;
        }
        let mut order = vec![0u32; n];
        for (index, &participant) in participant_of_record.iter().enumerate() {
            let slot = &mut bucket_starts[participant as usize];
            order[*slot] = u32::try_from(index).expect("checked above");
            *slot += 1;
        }
        drop(participant_of_record);

        // Within each bucket: sort by (column, time, input position) and keep the last of each
        // column, so the latest vote wins and equal times keep the later record.
        let kept: Vec<usize> = split_by_lengths(&mut order, &bucket_lengths)
            .into_par_iter()
            .map(|bucket| {
                bucket.sort_unstable_by_key(|&index| {
                    (
                        column_of_record[index as usize],
                        records[index as usize].timestamp,
                        index,
                    )
                });
                let mut kept = 0;
                for position in 0..bucket.len() {
                    let column = column_of_record[bucket[position] as usize];
                    let is_last = bucket
                        .get(position + 1)
                        .is_none_or(|&next| column_of_record[next as usize] != column);
                    if is_last {
                        bucket[kept] = bucket[position];
                        kept += 1;
                    }
                }
                kept
            })
            .collect();
        let n_kept: usize = kept.iter().sum();

        // Pol.is row order: by the lowest column a participant voted on, then by id.
        let mut row_order: Vec<u32> = (0..n_participants)
            .map(|index| u32::try_from(index).expect("fewer than 2^32 participants"))
            .collect();
        let bucket_offsets: Vec<usize> = {
            let mut offsets = Vec::with_capacity(n_participants);
            let mut start = 0usize;
            for &length in &bucket_lengths {
                offsets.push(start);
                start += length;
            }
            offsets
        };
        let first_column = |participant: u32| {
            column_of_record[order[bucket_offsets[participant as usize]] as usize]
        };
        row_order.par_sort_unstable_by_key(|&participant| (first_column(participant), participant));

        let mut row_offsets = Vec::with_capacity(n_participants + 1);
        row_offsets.push(0usize);
        let mut row_lengths = Vec::with_capacity(n_participants);
        for &participant in &row_order {
            let length = kept[participant as usize];
            row_lengths.push(length);
            row_offsets.push(row_offsets.last().copied().unwrap_or(0) + length);
        }
        let mut columns = vec![0u32; n_kept];
        let mut values = vec![0i8; n_kept];
        split_by_lengths(&mut columns, &row_lengths)
            .into_par_iter()
            .zip(split_by_lengths(&mut values, &row_lengths))
            .zip(row_order.par_iter())
            .for_each(|((row_columns, row_values), &participant)| {
                let start = bucket_offsets[participant as usize];
                let bucket = &order[start..start + row_columns.len()];
                for ((column, value), &index) in row_columns
                    .iter_mut()
                    .zip(row_values.iter_mut())
                    .zip(bucket)
                {
                    *column = column_of_record[index as usize];
                    *value = records[index as usize].vote.value();
                }
            });

        let participants: Vec<ParticipantId> = row_order
            .iter()
            .map(|&participant| ParticipantId(participant_ids[participant as usize]))
            .collect();
        let mut participant_lookup: Vec<(ParticipantId, u32)> = participants
            .iter()
            .enumerate()
            .map(|(row, &id)| {
                (
                    id,
                    u32::try_from(row).expect("fewer than 2^32 participants"),
                )
            })
            .collect();
        participant_lookup.par_sort_unstable();

        VoteMatrix {
            participants,
            statements: statement_ids.into_iter().map(StatementId).collect(),
            row_offsets,
            columns,
            values,
            participant_lookup,
            superseded_votes: n - n_kept,
            last_vote_timestamp: records.par_iter().map(|record| record.timestamp).max(),
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

    /// The definition, written the slow and obvious way: sort everything, keep the last.
    fn naive(records: &[VoteRecord]) -> (Vec<ParticipantId>, Vec<(u32, u32, i8)>) {
        let mut indexed: Vec<(usize, &VoteRecord)> = records.iter().enumerate().collect();
        indexed.sort_by_key(|(index, r)| (r.statement, r.participant, r.timestamp, *index));
        let mut latest: std::collections::BTreeMap<(StatementId, ParticipantId), i8> =
            std::collections::BTreeMap::new();
        let mut order = Vec::new();
        for (_, record) in &indexed {
            if !order.contains(&record.participant) {
                order.push(record.participant);
            }
            latest.insert((record.statement, record.participant), record.vote.value());
        }
        let cells = latest
            .into_iter()
            .map(|((statement, participant), value)| (participant.0, statement.0, value))
            .collect();
        (order, cells)
    }

    proptest::proptest! {
        #[test]
        fn the_matrix_matches_the_definition(
            raw in proptest::collection::vec((0u32..12, 0u32..9, 0u8..3, 0i64..6), 0..120),
            spread in proptest::bool::ANY,
        ) {
            // `spread` moves ids far apart so that the sorted-id index is exercised too.
            let scale = if spread { 1_000_003 } else { 1 };
            let records: Vec<VoteRecord> = raw
                .iter()
                .map(|&(participant, statement, vote, timestamp)| record(
                    participant * scale,
                    statement * scale,
                    [Vote::Agree, Vote::Disagree, Vote::Pass][vote as usize],
                    timestamp,
                ))
                .collect();
            let matrix = VoteMatrix::from_records(&records);
            let (order, cells) = naive(&records);
            proptest::prop_assert_eq!(matrix.participants(), order.as_slice());
            let mut found: Vec<(u32, u32, i8)> = Vec::new();
            for row in 0..matrix.n_participants() {
                let columns: Vec<usize> = matrix.row(row).map(|(column, _)| column).collect();
                proptest::prop_assert!(columns.windows(2).all(|pair| pair[0] < pair[1]));
                for (column, value) in matrix.row(row) {
                    found.push((matrix.participants()[row].0, matrix.statements()[column].0, value));
                }
            }
            found.sort_by_key(|&(participant, statement, _)| (statement, participant));
            proptest::prop_assert_eq!(&found, &cells);
            proptest::prop_assert_eq!(matrix.superseded_votes(), records.len() - cells.len());
            for (row, &participant) in matrix.participants().iter().enumerate() {
                proptest::prop_assert_eq!(matrix.row_of(participant), Some(row));
            }
        }
    }

    #[test]
    fn an_empty_input_gives_an_empty_matrix() {
        let matrix = VoteMatrix::from_records(&[]);
        assert_eq!(matrix.n_participants(), 0);
        assert_eq!(matrix.n_statements(), 0);
        assert_eq!(matrix.last_vote_timestamp(), None);
    }
}
