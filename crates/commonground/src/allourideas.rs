//! `commonground import-allourideas`: turns the votes file of an All Our Ideas wiki survey
//! into the options and comparisons files `commonground priorities` reads.
//!
//! The votes file has one vote a row, with (among others) the columns `Session ID` (the
//! voter), `Winner ID`, `Winner Text`, `Loser ID`, `Loser Text`, `Left Choice ID`,
//! `Right Choice ID` and `Created at`; texts are written between single quotes, which are
//! removed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::polis_files::csv_file::{CsvFileError, RowFault, SmallCsv, read_nonempty};

/// Arguments of `commonground import-allourideas`.
#[derive(Debug, clap::Args)]
pub struct ImportAllOurIdeasArgs {
    /// The votes file of an All Our Ideas wiki survey.
    pub votes: PathBuf,
    /// The folder to write options.csv and comparisons.csv in (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// The two files, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// `options.csv`: `option,text`.
    pub options: String,
    /// `comparisons.csv`: `timestamp,participant,left,right,choice`.
    pub comparisons: String,
    /// How many votes were read.
    pub votes: usize,
}

/// Runs the command.
pub fn run(args: &ImportAllOurIdeasArgs) -> anyhow::Result<()> {
    let converted = convert(&args.votes)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    crate::output::write(
        converted.options.as_bytes(),
        Some(&args.out.join("options.csv")),
    )?;
    crate::output::write(
        converted.comparisons.as_bytes(),
        Some(&args.out.join("comparisons.csv")),
    )?;
    eprintln!(
        "{} votes on {} ideas written to {}",
        converted.votes,
        converted.options.lines().count().saturating_sub(1),
        args.out.display()
    );
    Ok(())
}

/// Removes the single quotes the export writes around a text, and surrounding space.
fn unquoted(text: &str) -> &str {
    let text = text.trim();
    text.strip_prefix('\'')
        .and_then(|inner| inner.strip_suffix('\''))
        .unwrap_or(text)
        .trim()
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Reads a votes file and writes the two files' text.
pub fn convert(path: &Path) -> Result<Converted, CsvFileError> {
    let bytes = read_nonempty(path)?;
    let mut csv = SmallCsv::open(&bytes, path)?;
    let session = csv.column(&["Session ID"])?;
    let winner = csv.column(&["Winner ID"])?;
    let winner_text = csv.column(&["Winner Text"])?;
    let loser = csv.column(&["Loser ID"])?;
    let loser_text = csv.column(&["Loser Text"])?;
    let left = csv.column(&["Left Choice ID"])?;
    let right = csv.column(&["Right Choice ID"])?;
    let created = csv.column(&["Created at"])?;
    let mut texts: BTreeMap<u64, String> = BTreeMap::new();
    let mut comparisons = String::from("timestamp,participant,left,right,choice\n");
    let mut votes = 0;
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let number = |column: usize, field: &'static str| -> Result<u64, CsvFileError> {
            let text = record.get(column).unwrap_or("").trim();
            text.parse::<u64>()
                .ok()
                .filter(|_| text.bytes().all(|byte| byte.is_ascii_digit()))
                .ok_or_else(|| {
                    let reason = format!("{field} must be a whole number, found {text:?}");
                    csv.fault(line, RowFault::in_field(field, reason))
                })
        };
        let voter = number(session, "Session ID")?;
        let winner_id = number(winner, "Winner ID")?;
        let loser_id = number(loser, "Loser ID")?;
        let left_id = number(left, "Left Choice ID")?;
        let right_id = number(right, "Right Choice ID")?;
        let choice = if (winner_id, loser_id) == (left_id, right_id) {
            "left"
        } else if (winner_id, loser_id) == (right_id, left_id) {
            "right"
        } else {
            let reason = format!(
                "the winner {winner_id} and loser {loser_id} are not the left and right choices {left_id} and {right_id}"
            );
            return Err(csv.fault(line, RowFault::in_field("Winner ID", reason)));
        };
        for (id, column, field) in [
            (winner_id, winner_text, "Winner Text"),
            (loser_id, loser_text, "Loser Text"),
        ] {
            let text = unquoted(record.get(column).unwrap_or(""));
            if text.is_empty() {
                let reason = format!("idea {id} has no text");
                return Err(csv.fault(line, RowFault::in_field(field, reason)));
            }
            texts.entry(id).or_insert_with(|| text.to_owned());
        }
        let timestamp = record.get(created).unwrap_or("").trim();
        let _ = writeln!(
            comparisons,
            "{},{voter},{left_id},{right_id},{choice}",
            csv_field(timestamp)
        );
        votes += 1;
    }
    let mut options = String::from("option,text\n");
    for (id, text) in &texts {
        let _ = writeln!(options, "{id},{}", csv_field(text));
    }
    Ok(Converted {
        options,
        comparisons,
        votes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A votes file in the export's shape, written by hand: two voters, three ideas; a text
    /// holding a comma is quoted as CSV quotes it.
    const VOTES: &str = r#"Vote ID,Session ID,Question ID,Winner ID,Winner Text,Loser ID,Loser Text,Prompt ID,Left Choice ID,Right Choice ID,Created at,Updated at,Appearance ID,Response Time (s),Missing Response Time Explanation,Session Identifier
1,11,5,101,'Evening clinics',102,"'A bus, to the hospital'",900,101,102,2011-03-01 10:00:00 UTC,2011-03-01 10:00:00 UTC,7001,3.2,,abc
2,11,5,103,'Benches on the way',101,'Evening clinics',901,101,103,2011-03-01 10:00:05 UTC,2011-03-01 10:00:05 UTC,7002,NA,,abc
3,12,5,102,"'A bus, to the hospital'",103,'Benches on the way',902,103,102,2011-03-02 09:00:00 UTC,2011-03-02 09:00:00 UTC,7003,1.0,,def
"#;

    fn file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("votes.csv");
        std::fs::write(&path, text).unwrap();
        (folder, path)
    }

    #[test]
    fn votes_become_options_and_comparisons_with_the_winners_side() {
        let (_folder, path) = file(VOTES);
        let converted = convert(&path).unwrap();
        assert_eq!(converted.votes, 3);
        assert_eq!(
            converted.options,
            "option,text\n101,Evening clinics\n102,\"A bus, to the hospital\"\n103,Benches on the way\n"
        );
        assert_eq!(
            converted.comparisons,
            "timestamp,participant,left,right,choice\n\
             2011-03-01 10:00:00 UTC,11,101,102,left\n\
             2011-03-01 10:00:05 UTC,11,101,103,right\n\
             2011-03-02 09:00:00 UTC,12,103,102,right\n"
        );
    }

    #[test]
    fn a_winner_who_was_not_shown_is_refused_with_its_line() {
        let broken = VOTES.replace(
            "3,12,5,102,\"'A bus, to the hospital'\",103",
            "3,12,5,104,'Somewhere else',103",
        );
        let (_folder, path) = file(&broken);
        let error = convert(&path).unwrap_err().to_string();
        assert!(error.contains(":4"), "{error}");
        assert!(
            error.contains("are not the left and right choices"),
            "{error}"
        );
    }

    #[test]
    fn a_file_without_the_winner_column_is_refused() {
        let (_folder, path) = file("Vote ID,Session ID\n1,2\n");
        let error = convert(&path).unwrap_err().to_string();
        assert!(error.contains("Winner ID"), "{error}");
    }
}
