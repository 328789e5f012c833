//! Readers for Pol.is open-data CSV files: `votes.csv`, `comments.csv` and `summary.csv`.
//!
//! `votes.csv` can hold tens of millions of rows, so it is read in large blocks, each split at
//! line boundaries into chunks that are parsed in parallel by a hand-written splitter straight
//! into [`VoteRecord`]s, with no allocation per row. Every malformed row is an error that names
//! the file, the line and the reason: no row is ever dropped silently.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use engine::{Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteRecord};
use rayon::prelude::*;

use super::csv_file::{CsvFileError, RowFault, SmallCsv, UTF16_REASON, check_nonempty, is_utf16};
use super::{Statement, excerpt, text_problem};
use crate::progress::Progress;

/// How many bytes of `votes.csv` are read and parsed at a time.
const BLOCK_BYTES: usize = 64 * 1024 * 1024;

/// The smallest chunk handed to one parallel task.
const MIN_CHUNK_BYTES: usize = 256 * 1024;

/// What is wrong with one line of `votes.csv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The line is not valid UTF-8.
    NotUtf8,
    /// The file starts with a UTF-16 byte order mark.
    Utf16,
    /// A quoted field has no closing quote on its line.
    UnterminatedQuote,
    /// Text follows the closing quote of a field.
    TextAfterQuote,
    /// The line has another number of fields than the header.
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields on the line.
        found: usize,
    },
    /// An id is not a whole number that fits in 32 bits.
    Id {
        /// The column.
        column: &'static str,
        /// The text found.
        found: String,
    },
    /// A vote is not -1, 0 or 1.
    Vote {
        /// The text found.
        found: String,
    },
    /// A timestamp is not a whole number.
    Timestamp {
        /// The text found.
        found: String,
    },
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowProblem::NotUtf8 => f.write_str("invalid UTF-8"),
            RowProblem::Utf16 => f.write_str(UTF16_REASON),
            RowProblem::UnterminatedQuote => f.write_str("a quoted field has no closing quote"),
            RowProblem::TextAfterQuote => f.write_str("text follows the closing quote of a field"),
            RowProblem::FieldCount { expected, found } => {
                write!(
                    f,
                    "expected {expected} fields like the header, found {found}"
                )
            }
            RowProblem::Id { column, found } => write!(
                f,
                "{column} must be a whole number from 0 to {}, found {found:?}",
                u32::MAX
            ),
            RowProblem::Vote { found } => write!(f, "vote must be -1, 0 or 1, found {found:?}"),
            RowProblem::Timestamp { found } => write!(
                f,
                "timestamp must be a whole number of milliseconds, found {found:?}"
            ),
        }
    }
}

impl From<RowProblem> for RowFault {
    fn from(problem: RowProblem) -> RowFault {
        let field = match &problem {
            RowProblem::Id { column, .. } => Some(*column),
            RowProblem::Vote { .. } => Some("vote"),
            RowProblem::Timestamp { .. } => Some("timestamp"),
            RowProblem::NotUtf8
            | RowProblem::Utf16
            | RowProblem::UnterminatedQuote
            | RowProblem::TextAfterQuote
            | RowProblem::FieldCount { .. } => None,
        };
        RowFault {
            field,
            reason: problem.to_string(),
        }
    }
}

/// What a field of `votes.csv` holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum VoteField {
    Timestamp,
    Statement,
    Participant,
    Vote,
    Other,
}

/// The layout of `votes.csv`, read from its header.
#[derive(Clone, Debug)]
struct VoteColumns {
    fields: Vec<VoteField>,
}

const TIMESTAMP_NAMES: &[&str] = &["timestamp", "modified", "created"];
const STATEMENT_NAMES: &[&str] = &["comment-id", "statement-id", "tid"];
const PARTICIPANT_NAMES: &[&str] = &["voter-id", "participant-id", "participant", "pid"];
const VOTE_NAMES: &[&str] = &["vote"];

impl VoteColumns {
    fn from_header(header: &[u8], path: &Path) -> Result<VoteColumns, CsvFileError> {
        let row_error = |problem: RowProblem| CsvFileError::row(path, 1, problem.into());
        if is_utf16(header) {
            return Err(row_error(RowProblem::Utf16));
        }
        let text = std::str::from_utf8(header).map_err(|_| row_error(RowProblem::NotUtf8))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut names = Vec::new();
        split_fields(text.as_bytes(), |field| {
            names.push(String::from_utf8_lossy(field).trim().to_ascii_lowercase());
        })
        .map_err(row_error)?;

        let mut fields = vec![VoteField::Other; names.len()];
        let roles = [
            (VoteField::Timestamp, TIMESTAMP_NAMES),
            (VoteField::Statement, STATEMENT_NAMES),
            (VoteField::Participant, PARTICIPANT_NAMES),
            (VoteField::Vote, VOTE_NAMES),
        ];
        for (role, accepted) in roles {
            let position = accepted
                .iter()
                .find_map(|wanted| names.iter().position(|name| name == wanted));
            match position {
                Some(index) => fields[index] = role,
                None => {
                    return Err(CsvFileError::missing_column(
                        path,
                        accepted[0],
                        text.trim_end(),
                    ));
                }
            }
        }
        Ok(VoteColumns { fields })
    }
}

/// Calls `each` with every field of one line (without its line ending) and returns the number
/// of fields. Quoted fields are passed without their quotes; doubled quotes inside them are
/// left as they are, which no numeric field can contain anyway.
fn split_fields(line: &[u8], mut each: impl FnMut(&[u8])) -> Result<usize, RowProblem> {
    let mut rest = line;
    let mut count = 0;
    loop {
        count += 1;
        if let Some(quoted) = rest.strip_prefix(b"\"") {
            let mut end = None;
            let mut index = 0;
            while index < quoted.len() {
                if quoted[index] == b'"' {
                    if quoted.get(index + 1) == Some(&b'"') {
                        index += 2;
                        continue;
                    }
                    end = Some(index);
                    break;
                }
                index += 1;
            }
            let end = end.ok_or(RowProblem::UnterminatedQuote)?;
            each(&quoted[..end]);
            let after = &quoted[end + 1..];
            match after.first() {
                None => return Ok(count),
                Some(b',') => rest = &after[1..],
                Some(_) => return Err(RowProblem::TextAfterQuote),
            }
        } else {
            match rest.iter().position(|&byte| byte == b',') {
                Some(comma) => {
                    each(&rest[..comma]);
                    rest = &rest[comma + 1..];
                }
                None => {
                    each(rest);
                    return Ok(count);
                }
            }
        }
    }
}

/// Parses an unsigned 32-bit id.
fn parse_id(field: &[u8], column: &'static str) -> Result<u32, RowProblem> {
    let digits = field.trim_ascii();
    let invalid = || RowProblem::Id {
        column,
        found: excerpt(field),
    };
    if digits.is_empty() {
        return Err(invalid());
    }
    // Leading zeros are allowed, as the one-pass parser allows them; overflow is checked.
    let mut value: u32 = 0;
    for &byte in digits {
        if !byte.is_ascii_digit() {
            return Err(invalid());
        }
        value = value
            .checked_mul(10)
            .and_then(|value| value.checked_add(u32::from(byte - b'0')))
            .ok_or_else(invalid)?;
    }
    Ok(value)
}

/// Parses a vote in the file's convention: -1, 0 or 1.
fn parse_vote(field: &[u8]) -> Result<Vote, RowProblem> {
    match field.trim_ascii() {
        b"1" | b"+1" => Ok(Vote::Agree),
        b"-1" => Ok(Vote::Disagree),
        b"0" | b"-0" => Ok(Vote::Pass),
        _ => Err(RowProblem::Vote {
            found: excerpt(field),
        }),
    }
}

/// Parses a timestamp: a whole number, or a decimal whose fraction is all zeros
/// (`1691740361800.0`).
pub(crate) fn parse_timestamp(field: &[u8]) -> Option<i64> {
    let text = field.trim_ascii();
    let (negative, digits) = match text.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = match digits.iter().position(|&byte| byte == b'.') {
        Some(dot) => (&digits[..dot], Some(&digits[dot + 1..])),
        None => (digits, None),
    };
    if whole.is_empty() || !whole.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if let Some(fraction) = fraction
        && (fraction.is_empty() || !fraction.iter().all(|&byte| byte == b'0'))
    {
        return None;
    }
    // Accumulate with the sign applied so that i64::MIN is representable.
    let mut value: i64 = 0;
    for &byte in whole {
        let digit = i64::from(byte - b'0');
        value = value.checked_mul(10)?;
        value = if negative {
            value.checked_sub(digit)?
        } else {
            value.checked_add(digit)?
        };
    }
    Some(value)
}

/// Parses one data line of `votes.csv`; `None` for a blank line.
fn parse_vote_line(line: &[u8], columns: &VoteColumns) -> Result<Option<VoteRecord>, RowProblem> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.is_empty() {
        return Ok(None);
    }
    let mut timestamp = None;
    let mut statement = None;
    let mut participant = None;
    let mut vote = None;
    let mut problem = None;
    let mut index = 0;
    let count = split_fields(line, |field| {
        let role = columns
            .fields
            .get(index)
            .copied()
            .unwrap_or(VoteField::Other);
        index += 1;
        if problem.is_some() {
            return;
        }
        let parsed = match role {
            VoteField::Timestamp => parse_timestamp(field)
                .map(|value| timestamp = Some(value))
                .ok_or_else(|| RowProblem::Timestamp {
                    found: excerpt(field),
                }),
            VoteField::Statement => {
                parse_id(field, "comment-id").map(|id| statement = Some(StatementId(id)))
            }
            VoteField::Participant => {
                parse_id(field, "voter-id").map(|id| participant = Some(ParticipantId(id)))
            }
            VoteField::Vote => parse_vote(field).map(|value| vote = Some(value)),
            VoteField::Other => Ok(()),
        };
        if let Err(error) = parsed {
            problem = Some(error);
        }
    })?;
    if count != columns.fields.len() {
        return Err(RowProblem::FieldCount {
            expected: columns.fields.len(),
            found: count,
        });
    }
    if let Some(problem) = problem {
        return Err(problem);
    }
    match (timestamp, statement, participant, vote) {
        (Some(timestamp), Some(statement), Some(participant), Some(vote)) => Ok(Some(VoteRecord {
            participant,
            statement,
            vote,
            timestamp,
        })),
        // The field count equals the header's, so every column was seen.
        _ => Err(RowProblem::FieldCount {
            expected: columns.fields.len(),
            found: count,
        }),
    }
}

/// A problem at a line counted from the start of its chunk (0-based).
struct ChunkProblem {
    line_in_chunk: u64,
    problem: RowProblem,
}

/// Parses a line in the common plain form (no quotes, ids and timestamp as bare digits, vote
/// `1`, `0` or `-1`) in one pass, starting at `start`; returns the record, if the line had that
/// form, and the position of the line's end (its newline, or the end of `bytes`).
///
/// Any other line, well-formed or not, gets `None` and goes to [`parse_vote_line`], which
/// accepts every valid form and names the problem of an invalid one.
fn parse_plain_line(
    bytes: &[u8],
    start: usize,
    columns: &VoteColumns,
) -> (Option<VoteRecord>, usize) {
    let mut position = start;
    let mut field = 0;
    let mut value: u64 = 0;
    let mut digits = 0;
    let mut is_negative = false;
    let mut is_plain = true;
    let (mut timestamp, mut statement, mut participant, mut vote) = (None, None, None, None);
    loop {
        let byte = bytes.get(position).copied();
        match byte {
            Some(digit @ b'0'..=b'9') => {
                // 19 digits always fit in a u64; longer values go to the careful parser.
                value = value.wrapping_mul(10).wrapping_add(u64::from(digit - b'0'));
                digits += 1;
            }
            Some(b'-') if digits == 0 && !is_negative => is_negative = true,
            None | Some(b'\n' | b',' | b'\r') => {
                if byte == Some(b'\r') && bytes.get(position + 1).is_some_and(|&next| next != b'\n')
                {
                    is_plain = false;
                }
                let role = columns.fields.get(field).copied();
                let is_number = digits > 0 && digits <= 18;
                match role {
                    Some(VoteField::Timestamp) if is_number => {
                        let magnitude = i64::try_from(value).unwrap_or(i64::MAX);
                        timestamp = Some(if is_negative { -magnitude } else { magnitude });
                    }
                    Some(VoteField::Statement) if is_number && !is_negative => {
                        statement = u32::try_from(value).ok().map(StatementId);
                    }
                    Some(VoteField::Participant) if is_number && !is_negative => {
                        participant = u32::try_from(value).ok().map(ParticipantId);
                    }
                    Some(VoteField::Vote) if digits == 1 => {
                        vote = match (is_negative, value) {
                            (false, 1) => Some(Vote::Agree),
                            (false, 0) => Some(Vote::Pass),
                            (true, 1) => Some(Vote::Disagree),
                            _ => None,
                        };
                    }
                    Some(VoteField::Other) => {}
                    _ => is_plain = false,
                }
                if byte != Some(b',') {
                    break;
                }
                field += 1;
                value = 0;
                digits = 0;
                is_negative = false;
            }
            Some(b'"') => is_plain = false,
            Some(_) => {
                if columns.fields.get(field) != Some(&VoteField::Other) {
                    is_plain = false;
                }
            }
        }
        position += 1;
    }
    // `position` is at the newline, the carriage return before it, or the end.
    let mut end = position;
    while end < bytes.len() && bytes[end] != b'\n' {
        end += 1;
    }
    let record = match (timestamp, statement, participant, vote) {
        (Some(timestamp), Some(statement), Some(participant), Some(vote))
            if is_plain && field + 1 == columns.fields.len() =>
        {
            Some(VoteRecord {
                participant,
                statement,
                vote,
                timestamp,
            })
        }
        _ => None,
    };
    (record, end)
}

/// Parses a chunk of complete lines into `records` (emptied first) and returns the number of
/// lines in it.
fn parse_chunk(
    chunk: &[u8],
    columns: &VoteColumns,
    records: &mut Vec<VoteRecord>,
) -> Result<u64, ChunkProblem> {
    records.clear();
    // The start of the first line that is not UTF-8: lines before it are still parsed, so
    // that the error names the first bad line whatever is wrong with it.
    let first_invalid_line = std::str::from_utf8(chunk).err().map(|error| {
        let before = &chunk[..error.valid_up_to()];
        before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |newline| newline + 1)
    });
    records.reserve(chunk.len() / 20 + 1);
    let mut lines = 0u64;
    let mut start = 0;
    while start < chunk.len() {
        if first_invalid_line == Some(start) {
            return Err(ChunkProblem {
                line_in_chunk: lines,
                problem: RowProblem::NotUtf8,
            });
        }
        let (plain, end) = parse_plain_line(chunk, start, columns);
        match plain {
            Some(record) => records.push(record),
            None => match parse_vote_line(&chunk[start..end], columns) {
                Ok(Some(record)) => records.push(record),
                Ok(None) => {}
                Err(problem) => {
                    return Err(ChunkProblem {
                        line_in_chunk: lines,
                        problem,
                    });
                }
            },
        }
        lines += 1;
        start = end + 1;
    }
    Ok(lines)
}

/// Splits a block of complete lines into chunks for parallel parsing, at line boundaries.
fn split_chunks(block: &[u8]) -> Vec<&[u8]> {
    let target = (block.len() / (rayon::current_num_threads() * 4)).max(MIN_CHUNK_BYTES);
    let mut chunks = Vec::new();
    let mut rest = block;
    while rest.len() > target {
        let cut = rest[target..]
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(rest.len(), |offset| target + offset + 1);
        let (chunk, after) = rest.split_at(cut);
        chunks.push(chunk);
        rest = after;
    }
    if !rest.is_empty() {
        chunks.push(rest);
    }
    chunks
}

/// Parses a block of complete lines whose first line is line `first_line` of the file,
/// appending to `records`; returns the number of lines in the block.
///
/// `scratch` holds one buffer per parallel chunk and is kept from block to block, so that the
/// memory for the chunks is allocated once rather than for every block.
fn parse_block(
    block: &[u8],
    first_line: u64,
    columns: &VoteColumns,
    records: &mut Vec<VoteRecord>,
    scratch: &mut Vec<Vec<VoteRecord>>,
    path: &Path,
) -> Result<u64, CsvFileError> {
    let chunks = split_chunks(block);
    if scratch.len() < chunks.len() {
        scratch.resize_with(chunks.len(), Vec::new);
    }
    let results: Vec<Result<u64, ChunkProblem>> = chunks
        .par_iter()
        .zip(scratch.par_iter_mut())
        .map(|(chunk, out)| parse_chunk(chunk, columns, out))
        .collect();
    let mut line = first_line;
    for (result, parsed) in results.into_iter().zip(scratch.iter()) {
        match result {
            Ok(lines) => {
                records.extend_from_slice(parsed);
                line += lines;
            }
            Err(problem) => {
                return Err(CsvFileError::row(
                    path,
                    line + problem.line_in_chunk,
                    problem.problem.into(),
                ));
            }
        }
    }
    Ok(line - first_line)
}

/// Reads `votes.csv`: every row, superseded votes included, in the file's sign convention.
pub fn read_votes(path: &Path, progress: &Progress) -> Result<Vec<VoteRecord>, CsvFileError> {
    let file = File::open(path).map_err(|source| CsvFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_votes_from(file, path, progress, BLOCK_BYTES)
}

/// Reads votes from any reader, `block_bytes` at a time; `path` names it in errors.
fn read_votes_from(
    mut reader: impl Read,
    path: &Path,
    progress: &Progress,
    block_bytes: usize,
) -> Result<Vec<VoteRecord>, CsvFileError> {
    let io_error = |source| CsvFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let total_bytes = std::fs::metadata(path).map(|meta| meta.len()).ok();
    if let Some(total) = total_bytes {
        progress.start_reading(
            &path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            ),
            total,
        );
    }

    let mut buffer: Vec<u8> = Vec::new();
    let mut columns: Option<VoteColumns> = None;
    let mut records: Vec<VoteRecord> = Vec::new();
    let mut scratch: Vec<Vec<VoteRecord>> = Vec::new();
    let mut next_line: u64 = 1;
    let mut is_at_end = false;
    let mut saw_any_byte = false;
    while !is_at_end {
        // Append up to one block after the carried-over partial line; a short read is the end.
        let read = (&mut reader)
            .take(block_bytes as u64)
            .read_to_end(&mut buffer)
            .map_err(io_error)?;
        progress.advance(read as u64);
        if read < block_bytes {
            is_at_end = true;
        }
        if read > 0 {
            saw_any_byte = true;
        }
        let complete = if is_at_end {
            buffer.len()
        } else {
            match buffer.iter().rposition(|&byte| byte == b'\n') {
                Some(newline) => newline + 1,
                // A single line longer than a block: keep reading.
                None => continue,
            }
        };
        let mut block = &buffer[..complete];

        if columns.is_none() {
            if !saw_any_byte {
                return Err(CsvFileError::Empty {
                    path: path.to_path_buf(),
                });
            }
            let header_end = block.iter().position(|&byte| byte == b'\n');
            let header = &block[..header_end.unwrap_or(block.len())];
            let header = header.strip_suffix(b"\r").unwrap_or(header);
            if header.trim_ascii().is_empty() {
                return Err(CsvFileError::Empty {
                    path: path.to_path_buf(),
                });
            }
            let parsed = VoteColumns::from_header(header, path)?;
            block = header_end.map_or(&[][..], |end| &block[end + 1..]);
            next_line = 2;
            if records.capacity() == 0 {
                records.reserve_exact(estimate_rows(block, total_bytes));
            }
            columns = Some(parsed);
        }
        let Some(columns) = columns.as_ref() else {
            continue;
        };
        next_line += parse_block(block, next_line, columns, &mut records, &mut scratch, path)?;
        buffer.drain(..complete);
    }
    Ok(records)
}

/// Estimates the number of rows in the file from the first block, for one allocation.
fn estimate_rows(first_block: &[u8], total_bytes: Option<u64>) -> usize {
    let sample = &first_block[..first_block.len().min(1024 * 1024)];
    let lines = sample.iter().filter(|&&byte| byte == b'\n').count().max(1);
    let bytes_per_line = (sample.len() / lines).max(8) as u64;
    let total = total_bytes.unwrap_or(first_block.len() as u64);
    usize::try_from(total / bytes_per_line + total / bytes_per_line / 20 + 16).unwrap_or(0)
}

/// Parses `votes.csv` held in memory; `path` names it in errors.
#[cfg(test)]
pub fn parse_votes(bytes: &[u8], path: &Path) -> Result<Vec<VoteRecord>, CsvFileError> {
    read_votes_from(bytes, path, &Progress::hidden(), BLOCK_BYTES)
}

/// Reads `comments.csv` (either of the two forms Pol.is has exported).
pub fn read_statements(path: &Path) -> Result<Vec<Statement>, CsvFileError> {
    let bytes = std::fs::read(path).map_err(|source| CsvFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_statements(&bytes, path)
}

/// Parses `comments.csv` held in memory; `path` names it in errors.
pub fn parse_statements(bytes: &[u8], path: &Path) -> Result<Vec<Statement>, CsvFileError> {
    check_nonempty(bytes, path)?;
    let mut csv = SmallCsv::open(bytes, path)?;
    let columns = StatementColumns::from_header(&csv)?;
    let mut statements: Vec<(Statement, u64)> = Vec::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let statement = columns
            .parse(&record)
            .map_err(|fault| csv.fault(line, fault))?;
        statements.push((statement, line));
    }
    sort_unique_statements(statements, path)
}

/// Sorts statements by id and rejects an id given twice.
fn sort_unique_statements(
    mut statements: Vec<(Statement, u64)>,
    path: &Path,
) -> Result<Vec<Statement>, CsvFileError> {
    statements.sort_by_key(|(statement, line)| (statement.info.id, *line));
    for pair in statements.windows(2) {
        if pair[0].0.info.id == pair[1].0.info.id {
            let reason = format!(
                "comment-id {} appears twice (also on line {})",
                pair[1].0.info.id, pair[0].1
            );
            return Err(CsvFileError::row(
                path,
                pair[1].1,
                RowFault::in_field("comment-id", reason),
            ));
        }
    }
    Ok(statements
        .into_iter()
        .map(|(statement, _)| statement)
        .collect())
}

/// Where the fields of a statement are in `comments.csv`.
struct StatementColumns {
    id: usize,
    author: Option<usize>,
    moderated: Option<usize>,
    is_meta: Option<usize>,
    text: usize,
}

impl StatementColumns {
    fn from_header(csv: &SmallCsv<'_>) -> Result<StatementColumns, CsvFileError> {
        Ok(StatementColumns {
            id: csv.column(&["comment-id", "statement-id", "tid"])?,
            author: csv.find_column(&["author-id", "participant-id", "pid"]),
            moderated: csv.find_column(&["moderated", "mod"]),
            is_meta: csv.find_column(&["is-meta", "is_meta"]),
            text: csv.column(&["comment-body", "txt", "text"])?,
        })
    }

    fn parse(&self, record: &csv::StringRecord) -> Result<Statement, RowFault> {
        let field = |index: usize| record.get(index).unwrap_or("");
        let id = parse_id(field(self.id).as_bytes(), "comment-id")?;
        let author = match self.author.map(field).map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(ParticipantId(parse_id(text.as_bytes(), "author-id")?)),
        };
        let moderation = match self.moderated.map(field).map(str::trim) {
            None | Some("") => Moderation::Unmoderated,
            Some(text) => {
                parse_moderation(text).map_err(|reason| RowFault::in_field("moderated", reason))?
            }
        };
        let is_meta = match self.is_meta.map(field).map(str::trim) {
            None | Some("") => false,
            Some(text) => parse_bool(text, "is-meta")
                .map_err(|reason| RowFault::in_field("is-meta", reason))?,
        };
        if let Some(problem) = text_problem(field(self.text), "comment-body") {
            return Err(RowFault::in_field("comment-body", problem));
        }
        Ok(Statement {
            info: StatementInfo {
                id: StatementId(id),
                moderation,
                is_meta,
                author,
            },
            text: field(self.text).to_owned(),
        })
    }
}

/// Parses a Pol.is moderation value: 1 accepted, 0 unmoderated, -1 rejected.
pub(crate) fn parse_moderation(text: &str) -> Result<Moderation, String> {
    match text {
        "1" => Ok(Moderation::Accepted),
        "0" => Ok(Moderation::Unmoderated),
        "-1" => Ok(Moderation::Rejected),
        _ => Err(format!(
            "moderated must be -1, 0 or 1, found {:?}",
            excerpt(text.as_bytes())
        )),
    }
}

/// Parses `true` or `false` (also `1` or `0`).
fn parse_bool(text: &str, column: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(format!(
            "{column} must be true or false, found {:?}",
            excerpt(text.as_bytes())
        )),
    }
}

/// Returns the topic from `summary.csv` (`key,value` rows), if the file exists and names one.
///
/// The summary is informative only, so a missing or unreadable one yields `None`.
pub fn read_topic(path: &Path) -> Option<String> {
    summary_topic(&std::fs::read(path).ok()?)
}

/// Returns the topic named in the text of `summary.csv`. A topic holding control characters
/// is ignored like an unreadable summary, since it could not become the dialogue's question.
fn summary_topic(bytes: &[u8]) -> Option<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    for record in reader.records() {
        let record = record.ok()?;
        if record.get(0).map(str::trim) == Some("topic") {
            let topic = record.get(1)?.trim();
            let is_usable = !topic.is_empty() && text_problem(topic, "topic").is_none();
            return is_usable.then(|| topic.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::polis_files::{check_clear_error, labelled_texts};
    use proptest::prelude::*;

    fn votes(text: &str) -> Result<Vec<VoteRecord>, String> {
        parse_votes(text.as_bytes(), Path::new("votes.csv")).map_err(|error| error.to_string())
    }

    fn record(participant: u32, statement: u32, vote: Vote, timestamp: i64) -> VoteRecord {
        VoteRecord {
            participant: ParticipantId(participant),
            statement: StatementId(statement),
            vote,
            timestamp,
        }
    }

    const HEADER: &str = "timestamp,datetime,comment-id,voter-id,vote\n";

    #[test]
    fn open_data_votes_are_read_in_their_own_convention() {
        let text = format!(
            "{HEADER}1500232652930,Mon Jul 17 02:17:32 WIB 2017,0,0,0\n\
             1500233625234,\"Mon Jul 17, 2017\",0,1,-1\r\n\
             1500233615246,,3,2,1\n"
        );
        assert_eq!(
            votes(&text).unwrap(),
            vec![
                record(0, 0, Vote::Pass, 1_500_232_652_930),
                record(1, 0, Vote::Disagree, 1_500_233_625_234),
                record(2, 3, Vote::Agree, 1_500_233_615_246),
            ]
        );
    }

    #[test]
    fn common_lines_take_the_one_pass_path() {
        let columns =
            VoteColumns::from_header(HEADER.trim_end().as_bytes(), Path::new("votes.csv")).unwrap();
        let text = b"1700000000000,,2174,3,-1\r\n1500232652930,Mon Jul 17 02:17:32 WIB 2017,0,0,1";
        let (first, end) = parse_plain_line(text, 0, &columns);
        assert_eq!(
            first,
            Some(record(3, 2174, Vote::Disagree, 1_700_000_000_000))
        );
        assert_eq!(text[end], b'\n');
        let (second, end) = parse_plain_line(text, end + 1, &columns);
        assert_eq!(second, Some(record(0, 0, Vote::Agree, 1_500_232_652_930)));
        assert_eq!(end, text.len());
        // Quotes are left to the careful parser.
        assert_eq!(parse_plain_line(b"1,\"a\",0,0,1", 0, &columns).0, None);
    }

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let text = "vote,voter-id,comment-id,timestamp\n1,7,3,10\n";
        assert_eq!(votes(text).unwrap(), vec![record(7, 3, Vote::Agree, 10)]);
    }

    #[test]
    fn a_vote_outside_the_three_values_names_file_line_and_value() {
        let text = format!("{HEADER}1,,0,0,1\n2,,0,1,2\n");
        assert_eq!(
            votes(&text).unwrap_err(),
            "votes.csv:3: vote must be -1, 0 or 1, found \"2\""
        );
    }

    #[test]
    fn ids_must_fit_in_32_bits() {
        let text = format!("{HEADER}1,,0,4294967296,1\n");
        assert_eq!(
            votes(&text).unwrap_err(),
            "votes.csv:2: voter-id must be a whole number from 0 to 4294967295, found \"4294967296\""
        );
        let text = format!("{HEADER}1,,-3,0,1\n");
        assert!(
            votes(&text)
                .unwrap_err()
                .starts_with("votes.csv:2: comment-id must be")
        );
    }

    #[test]
    fn integral_float_timestamps_are_accepted_and_fractions_are_not() {
        let text = format!("{HEADER}1691740361800.0,,0,0,1\n");
        assert_eq!(votes(&text).unwrap()[0].timestamp, 1_691_740_361_800);
        let text = format!("{HEADER}1691740361800.5,,0,0,1\n");
        assert_eq!(
            votes(&text).unwrap_err(),
            "votes.csv:2: timestamp must be a whole number of milliseconds, found \"1691740361800.5\""
        );
    }

    #[test]
    fn missing_columns_short_rows_and_empty_files_are_errors() {
        assert_eq!(
            votes("timestamp,comment-id,vote\n1,2,1\n").unwrap_err(),
            "votes.csv:1: missing column \"voter-id\" (the header is \"timestamp,comment-id,vote\")"
        );
        assert_eq!(
            votes(&format!("{HEADER}1,,0,0\n")).unwrap_err(),
            "votes.csv:2: expected 5 fields like the header, found 4"
        );
        assert_eq!(votes("").unwrap_err(), "votes.csv is empty");
        assert_eq!(votes("\n\n").unwrap_err(), "votes.csv is empty");
        assert_eq!(votes(HEADER).unwrap(), vec![]);
    }

    #[test]
    fn invalid_utf8_is_reported_with_its_line() {
        let mut bytes = format!("{HEADER}1,,0,0,1\n2,").into_bytes();
        bytes.extend_from_slice(b"\xff\xfe,0,1,1\n");
        let error = parse_votes(&bytes, Path::new("votes.csv")).unwrap_err();
        assert_eq!(error.to_string(), "votes.csv:3: invalid UTF-8");
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let text = format!("{HEADER}1,,0,0,1\n\n2,,0,1,x\n");
        assert_eq!(
            votes(&text).unwrap_err(),
            "votes.csv:4: vote must be -1, 0 or 1, found \"x\""
        );
    }

    #[test]
    fn tiny_blocks_give_the_same_records_and_line_numbers() {
        let mut text = String::from(HEADER);
        for row in 0..500u32 {
            let vote = i64::from(row % 3) - 1;
            text.push_str(&format!(
                "{},,{},{},{vote}\n",
                1000 + row,
                row % 7,
                row % 13
            ));
        }
        let whole = votes(&text).unwrap();
        for block in [1, 7, 64, 1000] {
            let read = read_votes_from(
                text.as_bytes(),
                Path::new("votes.csv"),
                &Progress::hidden(),
                block,
            )
            .unwrap();
            assert_eq!(read, whole, "block of {block} bytes");
        }
        assert_eq!(whole.len(), 500);
        text.push_str("1,,0,0,5\n");
        let error = read_votes_from(
            text.as_bytes(),
            Path::new("votes.csv"),
            &Progress::hidden(),
            7,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "votes.csv:502: vote must be -1, 0 or 1, found \"5\""
        );
    }

    #[test]
    fn chunks_split_only_at_line_ends() {
        let block: Vec<u8> = b"12345\n".repeat(200_000);
        let chunks = split_chunks(&block);
        assert!(chunks.len() > 1);
        assert_eq!(
            chunks.iter().map(|chunk| chunk.len()).sum::<usize>(),
            block.len()
        );
        assert!(chunks.iter().all(|chunk| chunk.ends_with(b"\n")));
    }

    fn statements(text: &str) -> Result<Vec<Statement>, String> {
        parse_statements(text.as_bytes(), Path::new("comments.csv"))
            .map_err(|error| error.to_string())
    }

    #[test]
    fn both_comment_forms_are_read() {
        let common = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n\
                      1,x,5,2,0,0,-1,\"Say \"\"no\"\"\"\n1,x,3,0,0,0,1,plain\n";
        let read = statements(common).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].info.id, StatementId(3));
        assert_eq!(read[1].text, "Say \"no\"");
        assert_eq!(read[1].info.moderation, Moderation::Rejected);
        assert_eq!(read[1].info.author, Some(ParticipantId(2)));

        let newer = "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,is-seed,group-informed-consensus,comment-body\n\
                     1,9,4,0,0,0,true,false,,meta\n";
        let read = statements(newer).unwrap();
        assert!(read[0].info.is_meta);
        assert_eq!(read[0].info.moderation, Moderation::Unmoderated);
    }

    #[test]
    fn crlf_endings_and_blank_lines_do_not_shift_comment_line_numbers() {
        let header = "comment-id,author-id,moderated,comment-body";
        assert_eq!(
            statements(&format!("{header}\r\n1,0,1,a\r\n2,0,5,b\r\n")).unwrap_err(),
            "comments.csv:3: moderated must be -1, 0 or 1, found \"5\""
        );
        assert_eq!(
            statements(&format!("{header}\r\n1,0,1\r\n")).unwrap_err(),
            "comments.csv:2: expected 4 fields like the header, found 3"
        );
        assert_eq!(
            statements(&format!("{header}\n\n\n1,0,1,\"two\nlines\"\n2,0,x,b\n")).unwrap_err(),
            "comments.csv:6: moderated must be -1, 0 or 1, found \"x\""
        );
    }

    #[test]
    fn control_characters_in_comment_bodies_are_refused_and_line_breaks_kept() {
        let header = "comment-id,author-id,moderated,comment-body\n";
        assert_eq!(
            statements(&format!("{header}1,0,1,\"a\0b\"\n")).unwrap_err(),
            "comments.csv:2: comment-body contains a NUL character"
        );
        assert_eq!(
            statements(&format!("{header}1,0,1,ok\n2,0,1,\"\u{1b}[2J\"\n")).unwrap_err(),
            "comments.csv:3: comment-body contains the control character U+001B"
        );
        let kept = statements(&format!("{header}1,0,1,\"one\r\n\ttwo\"\n")).unwrap();
        assert_eq!(kept[0].text, "one\r\n\ttwo");
    }

    #[test]
    fn ids_with_leading_zeros_read_the_same_on_both_paths() {
        let text = format!("{HEADER}1,,00000000007,0000000000000000000001,1\n2,,\"007\",1,1\n");
        assert_eq!(
            votes(&text).unwrap(),
            vec![record(1, 7, Vote::Agree, 1), record(1, 7, Vote::Agree, 2)]
        );
        let text = format!("{HEADER}1,,0004294967296,0,1\n");
        assert!(
            votes(&text)
                .unwrap_err()
                .starts_with("votes.csv:2: comment-id must be")
        );
    }

    #[test]
    fn utf16_files_are_named_as_such() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in HEADER.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let error = parse_votes(&bytes, Path::new("votes.csv")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "votes.csv:1: the file is UTF-16; save it as UTF-8"
        );
        let error = parse_statements(&bytes, Path::new("comments.csv")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "comments.csv:1: the file is UTF-16; save it as UTF-8"
        );
    }

    #[test]
    fn a_line_that_is_not_utf8_does_not_hide_an_earlier_bad_line() {
        let mut bytes = format!("{HEADER}1,,0,0,1\n2,,0,1,7\n3,").into_bytes();
        bytes.extend_from_slice(b"\xff,0,2,1\n");
        let error = parse_votes(&bytes, Path::new("votes.csv")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "votes.csv:3: vote must be -1, 0 or 1, found \"7\""
        );
    }

    #[test]
    fn a_huge_header_is_cut_short_in_the_error() {
        let header = "x".repeat(1 << 20);
        let error = votes(&format!("{header}\n1\n")).unwrap_err();
        assert!(
            error.starts_with("votes.csv:1: missing column \"timestamp\""),
            "{error}"
        );
        assert!(error.len() < 400, "{} bytes", error.len());
        let error = statements(&format!("{header}\n1\n")).unwrap_err();
        assert!(error.len() < 400, "{} bytes", error.len());
    }

    #[test]
    fn a_summary_topic_with_control_characters_is_ignored() {
        assert_eq!(
            summary_topic(b"topic,Clean air\nurl,x\n"),
            Some("Clean air".to_owned())
        );
        assert_eq!(summary_topic(b"topic,\"Clean\0air\"\n"), None);
        assert_eq!(summary_topic(b"topic,  \n"), None);
    }

    #[test]
    fn statement_errors_name_file_line_and_reason() {
        let header = "comment-id,author-id,moderated,comment-body\n";
        assert_eq!(
            statements(&format!("{header}1,0,1,a\n2,0,5,b\n")).unwrap_err(),
            "comments.csv:3: moderated must be -1, 0 or 1, found \"5\""
        );
        assert_eq!(
            statements(&format!("{header}1,0,1,a\n1,0,1,b\n")).unwrap_err(),
            "comments.csv:3: comment-id 1 appears twice (also on line 2)"
        );
        assert_eq!(
            statements(&format!("{header}1,0,1\n")).unwrap_err(),
            "comments.csv:2: expected 4 fields like the header, found 3"
        );
        assert_eq!(
            statements("comment-id,moderated\n1,1\n").unwrap_err(),
            "comments.csv:1: missing column \"comment-body\" (the header is \"comment-id,moderated\")"
        );
        assert_eq!(statements("").unwrap_err(), "comments.csv is empty");
        let mut bytes = format!("{header}1,0,1,").into_bytes();
        bytes.extend_from_slice(b"\xc3\x28\n");
        assert_eq!(
            parse_statements(&bytes, Path::new("comments.csv"))
                .unwrap_err()
                .to_string(),
            "comments.csv:2: invalid UTF-8"
        );
    }

    proptest! {
        #[test]
        fn any_bytes_read_as_votes_or_give_a_clear_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut with_header = HEADER.as_bytes().to_vec();
            with_header.extend_from_slice(&bytes);
            for input in [&bytes, &with_header] {
                if let Err(error) = parse_votes(input, Path::new("votes.csv")) {
                    let message = error.to_string();
                    prop_assert_eq!(check_clear_error(&message, "votes.csv"), Ok(()));
                }
            }
        }

        #[test]
        fn any_bytes_read_as_statements_or_give_a_clear_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut with_header = b"comment-id,author-id,moderated,comment-body\n".to_vec();
            with_header.extend_from_slice(&bytes);
            for input in [&bytes, &with_header] {
                if let Err(error) = parse_statements(input, Path::new("comments.csv")) {
                    let message = error.to_string();
                    prop_assert_eq!(check_clear_error(&message, "comments.csv"), Ok(()));
                }
            }
        }

        #[test]
        fn the_plain_line_parser_agrees_with_the_careful_one(
            timestamp in proptest::sample::select(vec![
                "1700000000000", "-5", "0", "", "1.0", "1.5", "9223372036854775807", "x",
                "123456789012345678", "1234567890123456789",
            ]),
            datetime in proptest::sample::select(vec!["", "Mon Jul 17 WIB 2017", "\"a,b\"", "-"]),
            ids in proptest::collection::vec(proptest::sample::select(vec![
                "0", "12", "4294967295", "4294967296", "-1", "", " 7", "+3", "\"3\"", "01",
            ]), 2),
            vote in proptest::sample::select(vec!["1", "0", "-1", "+1", "-0", "2", "", "1.0", "--1"]),
            extra in proptest::sample::select(vec!["", ",", ",1"]),
            ending in proptest::sample::select(vec!["", "\r", "\rx"]),
        ) {
            let fields = [timestamp, datetime, ids[0], ids[1], vote];
            let line = format!("{}{extra}{ending}", fields.join(","));
            let columns = VoteColumns::from_header(HEADER.trim_end().as_bytes(), Path::new("votes.csv")).unwrap();
            let (plain, end) = parse_plain_line(line.as_bytes(), 0, &columns);
            prop_assert_eq!(end, line.len());
            if let Some(record) = plain {
                prop_assert_eq!(parse_vote_line(line.as_bytes(), &columns), Ok(Some(record)));
            }
        }

        #[test]
        fn well_formed_rows_round_trip(rows in proptest::collection::vec(
            (any::<u32>(), any::<u32>(), -1i8..=1, any::<i64>()), 0..50)
        ) {
            let mut text = String::from(HEADER);
            for (participant, statement, vote, timestamp) in &rows {
                text.push_str(&format!("{timestamp},,{statement},{participant},{vote}\n"));
            }
            let read = parse_votes(text.as_bytes(), Path::new("votes.csv")).unwrap();
            let expected: Vec<VoteRecord> = rows
                .iter()
                .map(|&(participant, statement, vote, timestamp)| VoteRecord {
                    participant: ParticipantId(participant),
                    statement: StatementId(statement),
                    vote: Vote::from_value(vote).unwrap(),
                    timestamp,
                })
                .collect();
            prop_assert_eq!(read, expected);
        }
    }

    /// What a generated row must read as: nothing (a blank line), a value, or a refusal.
    #[derive(Clone, Debug)]
    enum Expected<T> {
        Blank,
        Read(T),
        Refused,
    }

    fn vote_timestamps(with_refusals: bool) -> BoxedStrategy<(String, Option<i64>)> {
        labelled_texts(
            vec![
                ("0", 0),
                ("1700000000000", 1_700_000_000_000),
                ("-5", -5),
                ("1691740361800.0", 1_691_740_361_800),
                ("9223372036854775807", i64::MAX),
                ("-9223372036854775808", i64::MIN),
                ("\"17\"", 17),
                (" 18 ", 18),
            ],
            vec![
                "",
                "1.5",
                "1e400",
                "x",
                "9223372036854775808",
                "--1",
                "0x10",
                "1.",
                "\"1\"2",
            ],
            with_refusals,
        )
    }

    /// The ignored `datetime` column: anything but a broken quote is accepted there.
    fn vote_datetimes(with_refusals: bool) -> BoxedStrategy<(String, Option<()>)> {
        labelled_texts(
            vec![
                ("", ()),
                ("Mon Jul 17 02:17:32 WIB 2017", ()),
                ("\"Mon Jul 17, 2017\"", ()),
                ("=cmd|' /C calc'!A0", ()),
                ("\u{1b}[31m", ()),
                ("a\rb", ()),
                ("\0", ()),
            ],
            vec!["\"unterminated", "\"closed\"after"],
            with_refusals,
        )
    }

    fn vote_ids(with_refusals: bool) -> BoxedStrategy<(String, Option<u32>)> {
        labelled_texts(
            vec![
                ("0", 0),
                ("7", 7),
                ("4294967295", u32::MAX),
                (" 12 ", 12),
                ("\"3\"", 3),
                ("0000000001", 1),
                ("00000000000000000000042", 42),
            ],
            vec![
                "-1",
                "4294967296",
                "18446744073709551616",
                "",
                "+3",
                "1.0",
                "x",
                "\u{663}",
                "-0",
            ],
            with_refusals,
        )
    }

    fn vote_values(with_refusals: bool) -> BoxedStrategy<(String, Option<Vote>)> {
        labelled_texts(
            vec![
                ("1", Vote::Agree),
                ("-1", Vote::Disagree),
                ("0", Vote::Pass),
                ("+1", Vote::Agree),
                ("-0", Vote::Pass),
                (" 1 ", Vote::Agree),
                ("\"-1\"", Vote::Disagree),
            ],
            vec![
                "2",
                "-2",
                "agree",
                "",
                "1.0",
                "--1",
                "+-1",
                "99999999999999999999999999999999999999999",
            ],
            with_refusals,
        )
    }

    /// One line of `votes.csv` (without its line ending) and what it must read as.
    fn vote_line(with_refusals: bool) -> BoxedStrategy<(Vec<u8>, Expected<VoteRecord>)> {
        let extras = if with_refusals {
            vec!["", "", "", ",extra"]
        } else {
            vec![""]
        };
        let fields = (
            vote_timestamps(with_refusals),
            vote_datetimes(with_refusals),
            vote_ids(with_refusals),
            vote_ids(with_refusals),
            vote_values(with_refusals),
            proptest::sample::select(extras),
        )
            .prop_map(
                |(timestamp, datetime, statement, participant, vote, extra)| {
                    let line = format!(
                        "{},{},{},{},{}{extra}",
                        timestamp.0, datetime.0, statement.0, participant.0, vote.0
                    );
                    let expected =
                        match (timestamp.1, datetime.1, statement.1, participant.1, vote.1) {
                            (
                                Some(timestamp),
                                Some(()),
                                Some(statement),
                                Some(participant),
                                Some(vote),
                            ) if extra.is_empty() => {
                                Expected::Read(record(participant, statement, vote, timestamp))
                            }
                            _ => Expected::Refused,
                        };
                    (line.into_bytes(), expected)
                },
            );
        if with_refusals {
            prop_oneof![
                8 => fields,
                1 => Just((Vec::new(), Expected::Blank)),
                1 => Just((b"1,\xff\xfe,0,0,1".to_vec(), Expected::Refused)),
                1 => Just((b"1,,0,0".to_vec(), Expected::Refused)),
            ]
            .boxed()
        } else {
            prop_oneof![8 => fields, 1 => Just((Vec::new(), Expected::Blank))].boxed()
        }
    }

    /// Lines joined with the given ending, after the header; returns the text, the records it
    /// must read as, and the line of the first refused row.
    fn votes_file(
        lines: &[(Vec<u8>, Expected<VoteRecord>)],
        ending: &str,
    ) -> (Vec<u8>, Vec<VoteRecord>, Option<u64>) {
        let mut text = HEADER.trim_end().as_bytes().to_vec();
        let mut records = Vec::new();
        let mut first_refused = None;
        for (index, (line, expected)) in lines.iter().enumerate() {
            text.extend_from_slice(ending.as_bytes());
            text.extend_from_slice(line);
            match expected {
                Expected::Blank => {}
                Expected::Read(record) => records.push(*record),
                Expected::Refused => {
                    first_refused = first_refused.or(Some(index as u64 + 2));
                }
            }
        }
        (text, records, first_refused)
    }

    /// Field texts of `comments.csv` checked on reading: author-id and moderated.
    fn comment_authors() -> BoxedStrategy<(String, Option<Option<ParticipantId>>)> {
        labelled_texts(
            vec![
                ("", None),
                ("0", Some(ParticipantId(0))),
                ("4294967295", Some(ParticipantId(u32::MAX))),
                (" 5", Some(ParticipantId(5))),
            ],
            vec!["-1", "4294967296", "x", "1.5"],
            true,
        )
    }

    fn comment_moderations() -> BoxedStrategy<(String, Option<Moderation>)> {
        labelled_texts(
            vec![
                ("", Moderation::Unmoderated),
                ("1", Moderation::Accepted),
                ("0", Moderation::Unmoderated),
                ("-1", Moderation::Rejected),
                (" -1 ", Moderation::Rejected),
            ],
            vec!["2", "-2", "+1", "yes", "1.0"],
            true,
        )
    }

    /// Comment bodies as bytes: text that must be kept exactly, and text that must be refused
    /// (control characters, invalid UTF-8, another encoding).
    fn comment_bodies() -> impl Strategy<Value = (Vec<u8>, bool)> {
        let kept = proptest::sample::select(vec![
            "Buses should be free",
            "",
            "Two\nlines",
            "=cmd|' /C calc'!A0",
            "\ttab first",
            "say \"no\", twice",
            "\u{e9}moji \u{1f68c}",
            "\r=1+1",
            "+1",
            "@SUM(1)",
            "-2+3",
            "\u{feff}byte order mark inside",
        ])
        .prop_map(|body| (body.as_bytes().to_vec(), true));
        let long = (1..3000usize).prop_map(|words| ("word ".repeat(words).into_bytes(), true));
        let refused = proptest::sample::select(vec![
            &b"nul\0byte"[..],
            b"bell\x07",
            b"\x1b[31mred",
            "next\u{85}line".as_bytes(),
            b"del\x7f",
            b"\xff\xfe",
            b"caf\xe9",
        ])
        .prop_map(|body| (body.to_vec(), false));
        prop_oneof![6 => kept, 1 => long, 2 => refused]
    }

    /// One generated row of `comments.csv`.
    #[derive(Clone, Debug)]
    struct CommentRow {
        /// The id to write instead of the row's index, when the id must be refused.
        bad_id: Option<&'static str>,
        /// The fields between the id and the body.
        middle: String,
        /// The body, quoted.
        quoted_body: Vec<u8>,
        /// The author, moderation and text it must read as.
        expected: Expected<(Option<ParticipantId>, Moderation, String)>,
    }

    fn comment_row() -> impl Strategy<Value = CommentRow> {
        (
            prop_oneof![
                6 => Just(None),
                1 => proptest::sample::select(vec!["-3", "4294967296", "18446744073709551616", "", "x", "1e3"]).prop_map(Some),
            ],
            comment_authors(),
            comment_moderations(),
            comment_bodies(),
            proptest::sample::select(vec![true, true, true, false]),
        )
            .prop_map(|(bad_id, author, moderation, (body, is_kept), is_whole)| {
                let expected = match (bad_id, author.1, moderation.1) {
                    (None, Some(author), Some(moderation)) if is_kept && is_whole => {
                        let text = String::from_utf8(body.clone()).expect("kept bodies are UTF-8");
                        Expected::Read((author, moderation, text))
                    }
                    _ => Expected::Refused,
                };
                let mut quoted_body = b"\"".to_vec();
                for &byte in &body {
                    if byte == b'"' {
                        quoted_body.push(b'"');
                    }
                    quoted_body.push(byte);
                }
                quoted_body.push(b'"');
                // A row missing its moderated field has one field fewer than the header.
                let middle = if is_whole {
                    format!("{},0,0,{}", author.0, moderation.0)
                } else {
                    format!("{},0,0", author.0)
                };
                CommentRow {
                    bad_id,
                    middle,
                    quoted_body,
                    expected,
                }
            })
    }

    const COMMENTS_HEADER: &str =
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body";

    proptest! {
        #[test]
        fn unusual_but_valid_vote_rows_read_exactly(
            lines in proptest::collection::vec(vote_line(false), 0..12),
            ending in proptest::sample::select(vec!["\n", "\r\n"]),
            block in proptest::sample::select(vec![1usize, 7, 64, BLOCK_BYTES]),
        ) {
            let (text, records, _) = votes_file(&lines, ending);
            let read = read_votes_from(text.as_slice(), Path::new("votes.csv"), &Progress::hidden(), block);
            prop_assert_eq!(read.map_err(|error| error.to_string()), Ok(records));
        }

        #[test]
        fn a_refused_votes_file_names_its_first_bad_line(
            lines in proptest::collection::vec(vote_line(true), 1..12),
            ending in proptest::sample::select(vec!["\n", "\r\n"]),
            block in proptest::sample::select(vec![1usize, 7, 64, BLOCK_BYTES]),
        ) {
            let (text, records, first_refused) = votes_file(&lines, ending);
            let read = read_votes_from(text.as_slice(), Path::new("votes.csv"), &Progress::hidden(), block);
            match (read, first_refused) {
                (Ok(read), None) => prop_assert_eq!(read, records),
                (Err(CsvFileError::Row { line, .. }), Some(expected)) => prop_assert_eq!(line, expected),
                (read, expected) => prop_assert!(false, "read {:?}, expected a refusal at {:?}", read.map_err(|error| error.to_string()), expected),
            }
        }

        #[test]
        fn comment_rows_are_kept_exactly_or_refused_at_their_line(
            rows in proptest::collection::vec(comment_row(), 0..10),
            ending in proptest::sample::select(vec!["\n", "\r\n"]),
        ) {
            let mut text = COMMENTS_HEADER.as_bytes().to_vec();
            let mut line = 2u64;
            let mut kept = Vec::new();
            let mut first_refused = None;
            for (index, row) in rows.iter().enumerate() {
                text.extend_from_slice(ending.as_bytes());
                let id = row.bad_id.map_or_else(|| index.to_string(), str::to_owned);
                text.extend_from_slice(format!("1000,,{id},{},", row.middle).as_bytes());
                text.extend_from_slice(&row.quoted_body);
                match &row.expected {
                    Expected::Read((author, moderation, body)) => kept.push(Statement {
                        info: StatementInfo {
                            id: StatementId(u32::try_from(index).unwrap()),
                            moderation: *moderation,
                            is_meta: false,
                            author: *author,
                        },
                        text: body.clone(),
                    }),
                    Expected::Refused => first_refused = first_refused.or(Some(line)),
                    Expected::Blank => {}
                }
                line += 1 + row.quoted_body.iter().filter(|&&byte| byte == b'\n').count() as u64;
            }
            let read = parse_statements(&text, Path::new("comments.csv"));
            match (read, first_refused) {
                (Ok(read), None) => prop_assert_eq!(read, kept),
                (Err(error), Some(expected)) => {
                    let message = error.to_string();
                    prop_assert_eq!(check_clear_error(&message, "comments.csv"), Ok(()));
                    prop_assert!(
                        matches!(error, CsvFileError::Row { line, .. } if line == expected),
                        "{} instead of a refusal at line {}", message, expected
                    );
                }
                (read, expected) => prop_assert!(false, "read {:?}, expected a refusal at {:?}", read.map_err(|error| error.to_string()), expected),
            }
        }
    }
}
