//! Reading Pol.is exports from disk: open-data CSV folders and API dump folders.
//!
//! Both layouts end up as the same [`PolisExport`]: vote records in the agree = +1 convention
//! (after the sign handling in [`sign`]), the statements with their moderation and authors, and,
//! for API dumps that carry one, the math state Pol.is last computed.

pub mod api_dump;
pub mod constituencies;
pub mod csv_file;
pub mod math_state;
pub mod opendata;
pub mod sign;

use std::fmt;
use std::path::{Path, PathBuf};

use engine::{StatementInfo, VoteRecord};

use crate::progress::Progress;

/// How the files of an export folder are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Pol.is open data: `votes.csv` and `comments.csv`.
    OpenData,
    /// What the Pol.is API serves: `votes.json`, `comments.json`, optional `conversation.json`
    /// and `math-pca2.json`.
    ApiDump,
}

impl Layout {
    /// Returns the name of the file holding the votes in this layout.
    pub fn votes_file(self) -> &'static str {
        match self {
            Layout::OpenData => "votes.csv",
            Layout::ApiDump => "votes.json",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Layout::OpenData => f.write_str("Pol.is open-data export"),
            Layout::ApiDump => f.write_str("Pol.is API dump"),
        }
    }
}

/// Why a path could not be recognised as a Pol.is export.
#[derive(Debug, thiserror::Error)]
pub enum DetectLayoutError {
    /// The path does not exist or cannot be read.
    #[error("{} does not exist or cannot be read", path.display())]
    Missing {
        /// The path given.
        path: PathBuf,
    },
    /// The folder holds neither layout's votes file.
    #[error(
        "{} holds neither votes.csv and comments.csv (Pol.is open data) nor votes.json and comments.json (Pol.is API dump)",
        path.display()
    )]
    Unrecognised {
        /// The folder.
        path: PathBuf,
    },
    /// The votes file is there but its statements file is not.
    #[error("{} has {votes} but no {statements}", path.display())]
    MissingStatements {
        /// The folder.
        path: PathBuf,
        /// The votes file found.
        votes: &'static str,
        /// The statements file that should be beside it.
        statements: &'static str,
    },
}

/// Returns the export folder for a path that names either the folder or its votes file.
pub fn export_folder(path: &Path) -> PathBuf {
    let is_votes_file = path.is_file()
        && path
            .file_name()
            .is_some_and(|name| name == "votes.csv" || name == "votes.json");
    match path.parent() {
        Some(parent) if is_votes_file => {
            if parent.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                parent.to_path_buf()
            }
        }
        _ => path.to_path_buf(),
    }
}

/// Returns the layout of an export folder, judged by the files present.
///
/// A folder with both layouts is read as open data, the format Pol.is publishes.
pub fn detect_layout(folder: &Path) -> Result<Layout, DetectLayoutError> {
    if !folder.is_dir() {
        return Err(DetectLayoutError::Missing {
            path: folder.to_path_buf(),
        });
    }
    let has = |name: &str| folder.join(name).is_file();
    let layout = if has("votes.csv") {
        Layout::OpenData
    } else if has("votes.json") {
        Layout::ApiDump
    } else {
        return Err(DetectLayoutError::Unrecognised {
            path: folder.to_path_buf(),
        });
    };
    let statements = match layout {
        Layout::OpenData => "comments.csv",
        Layout::ApiDump => "comments.json",
    };
    if !has(statements) {
        return Err(DetectLayoutError::MissingStatements {
            path: folder.to_path_buf(),
            votes: layout.votes_file(),
            statements,
        });
    }
    Ok(layout)
}

/// A statement as an export describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// What the analysis needs: id, moderation, meta flag and author.
    pub info: StatementInfo,
    /// The statement's text.
    pub text: String,
}

/// Everything read from one export folder.
#[derive(Debug)]
pub struct PolisExport {
    /// The dialogue's question, when the export names it.
    pub topic: Option<String>,
    /// Every vote row, superseded ones included, in the convention of the file.
    pub votes: Vec<VoteRecord>,
    /// The statements, sorted by id, each id once.
    pub statements: Vec<Statement>,
    /// The analysis Pol.is last computed (API dumps with `math-pca2.json` only).
    pub math: Option<math_state::MathPca2>,
}

/// Reads an export folder of the given layout.
pub fn read_export(
    folder: &Path,
    layout: Layout,
    progress: &Progress,
) -> Result<PolisExport, ReadExportError> {
    match layout {
        Layout::OpenData => {
            let votes = opendata::read_votes(&folder.join("votes.csv"), progress)?;
            let statements = opendata::read_statements(&folder.join("comments.csv"))?;
            let topic = opendata::read_topic(&folder.join("summary.csv"));
            Ok(PolisExport {
                topic,
                votes,
                statements,
                math: None,
            })
        }
        Layout::ApiDump => {
            let votes = api_dump::read_votes(&folder.join("votes.json"))?;
            let statements = api_dump::read_statements(&folder.join("comments.json"))?;
            let conversation = folder.join("conversation.json");
            let topic = if conversation.is_file() {
                api_dump::read_topic(&conversation)?
            } else {
                None
            };
            let math_file = folder.join("math-pca2.json");
            let math = if math_file.is_file() {
                Some(math_state::read_math_pca2(&math_file)?)
            } else {
                None
            };
            Ok(PolisExport {
                topic,
                votes,
                statements,
                math,
            })
        }
    }
}

/// Why an export folder could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadExportError {
    /// Reading a CSV file of open data failed.
    #[error(transparent)]
    Csv(#[from] csv_file::CsvFileError),
    /// Reading a JSON file of an API dump failed.
    #[error(transparent)]
    Json(#[from] api_dump::ReadJsonError),
}

/// Returns why a statement's text cannot be imported, naming the field: a NUL character
/// (PostgreSQL cannot store it) or another control character. Line breaks and tabs are
/// allowed, as they are in the text people write (`model::StatementText`).
pub(crate) fn text_problem(text: &str, field: &str) -> Option<String> {
    let control = text
        .chars()
        .find(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))?;
    Some(if control == '\0' {
        format!("{field} contains a NUL character")
    } else {
        format!(
            "{field} contains the control character U+{:04X}",
            u32::from(control)
        )
    })
}

/// Returns at most 40 characters of a field for an error message, lossily decoded.
pub(crate) fn excerpt(bytes: &[u8]) -> String {
    excerpt_up_to(bytes, 40)
}

/// Returns at most this many characters of a header line for an error message.
pub(crate) const HEADER_EXCERPT_CHARS: usize = 200;

/// Returns at most `limit` characters of some text for an error message, lossily decoded, so
/// that a huge field is never echoed whole.
pub(crate) fn excerpt_up_to(bytes: &[u8], limit: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.chars().count() <= limit {
        text.into_owned()
    } else {
        let mut short: String = text.chars().take(limit).collect();
        short.push('…');
        short
    }
}

/// A property-test strategy over labelled field texts: texts that must read as the given
/// value, and, when `with_refusals`, texts that must be refused (`None`), one in five.
#[cfg(test)]
pub(crate) fn labelled_texts<T: Clone + std::fmt::Debug + 'static>(
    valid: Vec<(&'static str, T)>,
    invalid: Vec<&'static str>,
    with_refusals: bool,
) -> proptest::strategy::BoxedStrategy<(String, Option<T>)> {
    use proptest::prelude::*;
    let valid: Vec<(String, Option<T>)> = valid
        .into_iter()
        .map(|(text, value)| (text.to_owned(), Some(value)))
        .collect();
    let invalid: Vec<(String, Option<T>)> = invalid
        .into_iter()
        .map(|text| (text.to_owned(), None))
        .collect();
    if with_refusals {
        prop_oneof![
            4 => proptest::sample::select(valid),
            1 => proptest::sample::select(invalid),
        ]
        .boxed()
    } else {
        proptest::sample::select(valid).boxed()
    }
}

/// Checks that an error message from reading `file` is one a person can act on: it names the
/// file first, then a line (and column, for JSON) where a row is at fault, and a reason; it is
/// short; and it holds no control character that could garble a terminal.
#[cfg(test)]
pub(crate) fn check_clear_error(message: &str, file: &str) -> Result<(), String> {
    if message.len() > 4096 {
        return Err(format!("{} bytes long", message.len()));
    }
    if message.chars().any(char::is_control) {
        return Err(format!("holds a control character: {message:?}"));
    }
    let Some(rest) = message.strip_prefix(file) else {
        return Err(format!("does not start with {file}: {message:?}"));
    };
    if rest == " is empty" {
        return Ok(());
    }
    let Some(rest) = rest.strip_prefix(':') else {
        return Err(format!("names no position: {message:?}"));
    };
    // A whole-file problem has no position: `file: reason`.
    let mut rest = rest;
    for _ in 0..2 {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            break;
        }
        let position: u64 = rest[..digits]
            .parse()
            .map_err(|_| format!("position out of range: {message:?}"))?;
        if position == 0 {
            return Err(format!("names position 0: {message:?}"));
        }
        rest = rest[digits..]
            .strip_prefix(':')
            .ok_or_else(|| format!("malformed position: {message:?}"))?;
    }
    match rest.strip_prefix(' ') {
        Some(reason) if !reason.trim().is_empty() => Ok(()),
        _ => Err(format!("gives no reason: {message:?}")),
    }
}
