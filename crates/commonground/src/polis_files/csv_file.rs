//! What every CSV reader shares: the one error type, which names the file and, where a row is
//! at fault, its line and field, and [`SmallCsv`], a header-first reader over the `csv` crate
//! that gives each record its line number.

use std::io;
use std::path::{Path, PathBuf};

use engine::ParticipantId;

use super::{HEADER_EXCERPT_CHARS, excerpt_up_to};

/// Why a CSV file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CsvFileError {
    /// The file could not be opened or read.
    #[error("cannot read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The file has no header line.
    #[error("{} is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The header lacks a column the reader needs.
    #[error("{}:1: missing column {column:?} (the header is {header:?})", path.display())]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The column looked for.
        column: &'static str,
        /// The header as found (shortened).
        header: String,
    },
    /// A record is malformed or inconsistent.
    #[error("{}:{line}: {reason}", path.display())]
    Row {
        /// The file.
        path: PathBuf,
        /// The line on which the record starts, counting the header as line 1.
        line: u64,
        /// The column at fault, when one field is (the reason names it too).
        field: Option<&'static str>,
        /// What is wrong.
        reason: String,
    },
    /// A participant belongs to a constituency that the constituencies file does not list.
    #[error(
        "{}: participant {participant} belongs to {name:?}, which {} does not list",
        path.display(),
        listed_in.display()
    )]
    UnknownConstituency {
        /// The memberships file.
        path: PathBuf,
        /// The participant.
        participant: ParticipantId,
        /// The name not listed.
        name: String,
        /// The constituencies file.
        listed_in: PathBuf,
    },
}

/// What is wrong with one record, before the file and line are known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowFault {
    /// The column at fault, when one field is.
    pub field: Option<&'static str>,
    /// What is wrong, naming the field.
    pub reason: String,
}

impl RowFault {
    /// A fault of one field.
    pub fn in_field(field: &'static str, reason: String) -> RowFault {
        RowFault {
            field: Some(field),
            reason,
        }
    }

    /// A fault of the whole record (its shape, or its relation to other records).
    pub fn in_record(reason: String) -> RowFault {
        RowFault {
            field: None,
            reason,
        }
    }
}

impl CsvFileError {
    /// A fault of the record on `line` of `path`.
    pub fn row(path: &Path, line: u64, fault: RowFault) -> CsvFileError {
        CsvFileError::Row {
            path: path.to_path_buf(),
            line,
            field: fault.field,
            reason: fault.reason,
        }
    }

    /// A header without `column`.
    pub fn missing_column(path: &Path, column: &'static str, header: &str) -> CsvFileError {
        CsvFileError::MissingColumn {
            path: path.to_path_buf(),
            column,
            header: excerpt_up_to(header.as_bytes(), HEADER_EXCERPT_CHARS),
        }
    }
}

/// Reads a whole file, refusing one that holds nothing but white space.
pub fn read_nonempty(path: &Path) -> Result<Vec<u8>, CsvFileError> {
    let bytes = std::fs::read(path).map_err(|source| CsvFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    check_nonempty(&bytes, path)?;
    Ok(bytes)
}

/// Refuses text that holds nothing but white space.
pub fn check_nonempty(bytes: &[u8], path: &Path) -> Result<(), CsvFileError> {
    if bytes.trim_ascii().is_empty() {
        return Err(CsvFileError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Why a file that starts with a UTF-16 byte order mark is refused.
pub(crate) const UTF16_REASON: &str = "the file is UTF-16; save it as UTF-8";

/// Returns whether bytes start with a UTF-16 byte order mark, as files saved by some
/// spreadsheet programs do.
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff")
}

/// A small CSV file with a header, read record by record with UTF-8 and field-count checks.
pub(crate) struct SmallCsv<'a> {
    path: &'a Path,
    reader: csv::Reader<&'a [u8]>,
    header: csv::StringRecord,
    lines: LineCounter<'a>,
}

impl<'a> SmallCsv<'a> {
    /// Opens CSV text held in memory and reads its header; `path` names it in errors.
    pub(crate) fn open(bytes: &'a [u8], path: &'a Path) -> Result<SmallCsv<'a>, CsvFileError> {
        if is_utf16(bytes) {
            return Err(CsvFileError::row(
                path,
                1,
                RowFault::in_record(UTF16_REASON.to_owned()),
            ));
        }
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(bytes);
        let mut lines = LineCounter {
            bytes,
            offset: 0,
            line: 1,
        };
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            Err(error) => {
                let line = error
                    .position()
                    .map_or(1, |position| lines.line_at(position.byte()));
                return Err(CsvFileError::row(path, line, describe_csv_error(&error)));
            }
        };
        Ok(SmallCsv {
            path,
            reader,
            header,
            lines,
        })
    }

    /// Returns the index of the first header column with one of the names, if any.
    pub(crate) fn find_column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|wanted| {
            self.header
                .iter()
                .position(|name| name.trim().eq_ignore_ascii_case(wanted))
        })
    }

    /// Returns the index of the first header column with one of the names; without one, the
    /// error names the first.
    pub(crate) fn column(&self, names: &[&'static str]) -> Result<usize, CsvFileError> {
        self.find_column(names).ok_or_else(|| {
            let header = self.header.iter().collect::<Vec<_>>().join(",");
            CsvFileError::missing_column(self.path, names[0], &header)
        })
    }

    /// Reads the next record into `record` and returns its line, or `None` at the end.
    pub(crate) fn next_record(
        &mut self,
        record: &mut csv::StringRecord,
    ) -> Result<Option<u64>, CsvFileError> {
        match self.reader.read_record(record) {
            Ok(true) => {
                let start = record.position().map_or(0, csv::Position::byte);
                Ok(Some(self.lines.line_at(start)))
            }
            Ok(false) => Ok(None),
            Err(error) => {
                let start = error
                    .position()
                    .map_or_else(|| self.reader.position().byte(), csv::Position::byte);
                let line = self.lines.line_at(start);
                Err(CsvFileError::row(
                    self.path,
                    line,
                    describe_csv_error(&error),
                ))
            }
        }
    }

    /// Returns the error for a fault of the record on `line`.
    pub(crate) fn fault(&self, line: u64, fault: RowFault) -> CsvFileError {
        CsvFileError::row(self.path, line, fault)
    }
}

/// Turns the byte offsets where the csv crate says records start into line numbers.
///
/// The crate's own line numbers lag behind: it counts a line break only once it reads past
/// it, so a record after `\r\n` or after blank lines is placed on the line where the previous
/// record ended.
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// The offset up to which line breaks have been counted.
    offset: usize,
    /// The line at `offset`.
    line: u64,
}

impl LineCounter<'_> {
    /// Returns the line of the record that the csv crate says starts at `offset`: the first
    /// line after it that is not a bare line break.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.offset {
            // Offsets only move forward while reading; count afresh if one ever does not.
            self.offset = 0;
            self.line = 1;
        }
        let breaks = self.bytes[self.offset..start]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        self.line += breaks as u64;
        self.offset = start;
        self.line
    }
}

/// Returns a lowercase reason for a CSV parse error, without its position.
fn describe_csv_error(error: &csv::Error) -> RowFault {
    RowFault::in_record(match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_owned(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields like the header, found {len}"),
        _ => error.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::polis_files::{constituencies, opendata};

    /// The line and field of a row error, or the whole message of another error.
    fn place(error: CsvFileError) -> Result<(u64, Option<&'static str>), String> {
        match error {
            CsvFileError::Row { line, field, .. } => Ok((line, field)),
            other => Err(other.to_string()),
        }
    }

    #[test]
    fn every_reader_names_the_line_and_the_field_at_fault() {
        let votes = |text: &str| opendata::parse_votes(text.as_bytes(), Path::new("votes.csv"));
        let header = "timestamp,comment-id,voter-id,vote\n";
        let error = votes(&format!("{header}1,2,3,1\n1,2,4,yes\n")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "votes.csv:3: vote must be -1, 0 or 1, found \"yes\""
        );
        assert_eq!(place(error), Ok((3, Some("vote"))));
        let error = votes(&format!("{header}1,x,3,1\n")).unwrap_err();
        assert_eq!(place(error), Ok((2, Some("comment-id"))));
        let error = votes(&format!("{header}1,2,3\n")).unwrap_err();
        assert_eq!(place(error), Ok((2, None)));

        let statements = "comment-id,comment-body,moderated\n1,Shade,1\n2,Benches,maybe\n";
        let error = opendata::parse_statements(statements.as_bytes(), Path::new("comments.csv"))
            .unwrap_err();
        assert_eq!(place(error), Ok((3, Some("moderated"))));
        let twice = "comment-id,comment-body\n1,Shade\n1,Benches\n";
        let error =
            opendata::parse_statements(twice.as_bytes(), Path::new("comments.csv")).unwrap_err();
        assert_eq!(place(error), Ok((3, Some("comment-id"))));

        let error = constituencies::parse_constituencies(
            b"constituency,expected_share\ncarer,lots\n",
            Path::new("constituencies.csv"),
        )
        .unwrap_err();
        assert_eq!(place(error), Ok((2, Some("expected_share"))));
        let error = constituencies::parse_memberships(
            b"participant,constituencies\n1,carer\n1,GP\n",
            Path::new("participants.csv"),
        )
        .unwrap_err();
        assert_eq!(place(error), Ok((3, Some("participant"))));
    }

    #[test]
    fn whole_file_problems_name_the_file() {
        let error = constituencies::parse_memberships(b"who,what\n", Path::new("participants.csv"))
            .unwrap_err();
        assert_eq!(
            place(error),
            Err(
                "participants.csv:1: missing column \"participant\" (the header is \"who,what\")"
                    .to_owned()
            )
        );
        let error = opendata::parse_statements(b" \n", Path::new("comments.csv")).unwrap_err();
        assert_eq!(place(error), Err("comments.csv is empty".to_owned()));
        let error = read_nonempty(Path::new("/nonexistent/participants.csv")).unwrap_err();
        assert_eq!(
            place(error),
            Err("cannot read /nonexistent/participants.csv".to_owned())
        );
    }
}
