//! Writes a dialogue as Pol.is's open-data CSV files (`votes.csv`, `comments.csv`,
//! `participants-votes.csv`, `summary.csv`) in the agree = +1 convention.
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`,
//! also after leading whitespace, or with a tab or a carriage return) get a leading single
//! quote, so an export opened in a spreadsheet never executes what a participant wrote.

use std::collections::BTreeMap;

use super::{ExportData, ExportModeration};
use crate::time::polis_datetime;

/// The four files of a Pol.is open-data export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolisCsvFiles {
    /// Every vote ever cast, with its time: `timestamp,datetime,comment-id,voter-id,vote`.
    pub votes: String,
    /// Every statement with its latest-vote counts and moderation.
    pub comments: String,
    /// One row per participant with their latest vote on every statement.
    pub participants_votes: String,
    /// Key-value lines describing the dialogue.
    pub summary: String,
}

impl PolisCsvFiles {
    /// The file names, in the order [`PolisCsvFiles::files`] returns them.
    pub const NAMES: [&'static str; 4] = [
        "votes.csv",
        "comments.csv",
        "participants-votes.csv",
        "summary.csv",
    ];

    /// Returns (file name, contents) for the four files.
    pub fn files(&self) -> [(&'static str, &str); 4] {
        [
            (Self::NAMES[0], self.votes.as_str()),
            (Self::NAMES[1], self.comments.as_str()),
            (Self::NAMES[2], self.participants_votes.as_str()),
            (Self::NAMES[3], self.summary.as_str()),
        ]
    }

    /// Returns the contents of the file with this name, if it is one of the four.
    pub fn file(&self, name: &str) -> Option<&str> {
        self.files()
            .into_iter()
            .find(|(file_name, _)| *file_name == name)
            .map(|(_, contents)| contents)
    }
}

/// Returns the text with a leading single quote when a spreadsheet would read it as a formula.
///
/// Leading whitespace does not make a formula safe: spreadsheets that trim cells on import
/// would run ` =1+1` too. Imported statements keep their text as written, so such cells occur.
pub fn formula_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let is_formula =
        text.starts_with(['\t', '\r']) || text.trim_start().starts_with(['=', '+', '-', '@']);
    if is_formula {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn write_rows(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail for I/O reasons, and flexible rows accept any width.
        if writer.write_record(&row).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Returns the four CSV files for the dialogue.
pub fn polis_csv(data: &ExportData) -> PolisCsvFiles {
    // Latest vote per (participant number, statement number): later events replace earlier ones;
    // on equal times the later event in the history wins.
    let mut latest: BTreeMap<(u64, u64), (i64, usize, i8)> = BTreeMap::new();
    for (index, event) in data.votes.iter().enumerate() {
        let entry = latest
            .entry((event.participant, event.statement))
            .or_insert((event.timestamp_ms, index, event.vote));
        if (event.timestamp_ms, index) >= (entry.0, entry.1) {
            *entry = (event.timestamp_ms, index, event.vote);
        }
    }

    let mut votes_rows = vec![
        ["timestamp", "datetime", "comment-id", "voter-id", "vote"]
            .map(String::from)
            .to_vec(),
    ];
    let mut history: Vec<_> = data.votes.iter().collect();
    history.sort_by_key(|event| (event.statement, event.participant, event.timestamp_ms));
    votes_rows.extend(history.into_iter().map(|event| {
        vec![
            event.timestamp_ms.to_string(),
            polis_datetime(event.timestamp_ms),
            event.statement.to_string(),
            event.participant.to_string(),
            event.vote.to_string(),
        ]
    }));

    let mut agrees: BTreeMap<u64, (u64, u64)> = BTreeMap::new();
    for (&(_, statement), &(_, _, vote)) in &latest {
        let counts = agrees.entry(statement).or_default();
        match vote {
            1 => counts.0 += 1,
            -1 => counts.1 += 1,
            _ => {}
        }
    }
    let mut statements: Vec<_> = data.statements.iter().collect();
    statements.sort_by_key(|statement| statement.number);
    let mut comments_rows = vec![
        [
            "timestamp",
            "datetime",
            "comment-id",
            "author-id",
            "agrees",
            "disagrees",
            "moderated",
            "comment-body",
        ]
        .map(String::from)
        .to_vec(),
    ];
    comments_rows.extend(statements.iter().map(|statement| {
        let (n_agree, n_disagree) = agrees.get(&statement.number).copied().unwrap_or_default();
        let moderated = match statement.moderation {
            ExportModeration::Accepted => "1",
            ExportModeration::Pending => "0",
            ExportModeration::Rejected => "-1",
        };
        vec![
            statement.created_ms.to_string(),
            polis_datetime(statement.created_ms),
            statement.number.to_string(),
            statement
                .author
                .map(|author| author.to_string())
                .unwrap_or_default(),
            n_agree.to_string(),
            n_disagree.to_string(),
            moderated.to_owned(),
            formula_safe(&statement.text).into_owned(),
        ]
    }));

    let mut authored: BTreeMap<u64, u64> = BTreeMap::new();
    for statement in &data.statements {
        if let Some(author) = statement.author {
            *authored.entry(author).or_default() += 1;
        }
    }
    let mut participants: Vec<u64> = data.participants.clone();
    participants.extend(latest.keys().map(|&(participant, _)| participant));
    participants.sort_unstable();
    participants.dedup();
    let column_of: BTreeMap<u64, usize> = statements
        .iter()
        .enumerate()
        .map(|(column, statement)| (statement.number, column))
        .collect();
    let mut header: Vec<String> = [
        "participant",
        "group-id",
        "n-comments",
        "n-votes",
        "n-agree",
        "n-disagree",
    ]
    .map(String::from)
    .to_vec();
    header.extend(
        statements
            .iter()
            .map(|statement| statement.number.to_string()),
    );
    let mut participants_rows = vec![header];
    let mut voters = 0u64;
    for participant in participants {
        let mut cells = vec![String::new(); statements.len()];
        let (mut n_votes, mut n_agree, mut n_disagree) = (0u64, 0u64, 0u64);
        for (&(_, statement), &(_, _, vote)) in
            latest.range((participant, 0)..=(participant, u64::MAX))
        {
            n_votes += 1;
            match vote {
                1 => n_agree += 1,
                -1 => n_disagree += 1,
                _ => {}
            }
            if let Some(&column) = column_of.get(&statement) {
                cells[column] = vote.to_string();
            }
        }
        if n_votes > 0 {
            voters += 1;
        }
        let mut row = vec![
            participant.to_string(),
            data.group_of_participant
                .get(&participant)
                .map(ToString::to_string)
                .unwrap_or_default(),
            authored
                .get(&participant)
                .copied()
                .unwrap_or_default()
                .to_string(),
            n_votes.to_string(),
            n_agree.to_string(),
            n_disagree.to_string(),
        ];
        row.extend(cells);
        participants_rows.push(row);
    }

    let summary_rows = vec![
        vec!["topic".to_owned(), formula_safe(&data.title).into_owned()],
        vec![
            "url".to_owned(),
            formula_safe(data.url.as_deref().unwrap_or_default()).into_owned(),
        ],
        vec!["views".to_owned(), data.n_participants().to_string()],
        vec!["voters".to_owned(), voters.to_string()],
        vec![
            "voters-in-conv".to_owned(),
            data.n_in_conv.unwrap_or(voters).to_string(),
        ],
        vec!["commenters".to_owned(), authored.len().to_string()],
        vec!["comments".to_owned(), data.statements.len().to_string()],
        vec!["groups".to_owned(), data.n_groups.to_string()],
        vec![
            "conversation-description".to_owned(),
            formula_safe(&data.description).into_owned(),
        ],
    ];

    PolisCsvFiles {
        votes: write_rows(votes_rows),
        comments: write_rows(comments_rows),
        participants_votes: write_rows(participants_rows),
        summary: write_rows(summary_rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportStatement, ExportVote};

    fn sample() -> ExportData {
        ExportData {
            title: "Parks".to_owned(),
            question: "What should change?".to_owned(),
            description: "=HYPERLINK(\"x\")".to_owned(),
            url: None,
            statements: vec![
                ExportStatement {
                    number: 1,
                    author: Some(7),
                    created_ms: 0,
                    moderation: ExportModeration::Accepted,
                    is_meta: false,
                    text: "-more trees, \"please\"".to_owned(),
                },
                ExportStatement {
                    number: 0,
                    author: None,
                    created_ms: 0,
                    moderation: ExportModeration::Rejected,
                    is_meta: false,
                    text: "Benches\nand shade".to_owned(),
                },
            ],
            participants: vec![3, 7, 9],
            votes: vec![
                ExportVote {
                    timestamp_ms: 10,
                    statement: 1,
                    participant: 3,
                    vote: 1,
                },
                ExportVote {
                    timestamp_ms: 20,
                    statement: 1,
                    participant: 3,
                    vote: -1,
                },
                ExportVote {
                    timestamp_ms: 15,
                    statement: 0,
                    participant: 7,
                    vote: 1,
                },
            ],
            group_of_participant: BTreeMap::from([(3, 0)]),
            n_in_conv: None,
            n_groups: 1,
        }
    }

    #[test]
    fn formula_cells_get_a_quote_and_plain_text_is_kept() {
        assert_eq!(formula_safe("=1+1"), "'=1+1");
        assert_eq!(formula_safe("@cmd"), "'@cmd");
        assert_eq!(formula_safe("\tx"), "'\tx");
        assert_eq!(formula_safe("'quoted' already"), "'quoted' already");
        assert_eq!(formula_safe(""), "");
        assert_eq!(formula_safe("  =1+1"), "'  =1+1");
        assert_eq!(formula_safe("\n@SUM(1)"), "'\n@SUM(1)");
        assert_eq!(
            formula_safe("More trees - and benches"),
            "More trees - and benches"
        );
    }

    /// Texts a spreadsheet would run, with every prefix that makes it do so.
    const FORMULAS: [&str; 10] = [
        "=cmd|' /C calc'!A0",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://attacker.example/\", \"details\")",
        "\t=1+1",
        "\r=1+1",
        " =1+1",
        "\n+1",
        "\u{3000}@x",
    ];

    /// Reads CSV text back as a spreadsheet would see its cells.
    fn cells(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|record| record.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn every_text_column_of_every_file_is_neutralised() {
        for formula in FORMULAS {
            let mut data = sample();
            data.title = formula.to_owned();
            data.description = formula.to_owned();
            data.url = Some(formula.to_owned());
            for statement in &mut data.statements {
                statement.text = formula.to_owned();
            }
            let files = polis_csv(&data);
            let neutralised = format!("'{formula}");
            let comments = cells(&files.comments);
            let body = comments[0]
                .iter()
                .position(|name| name == "comment-body")
                .unwrap();
            for row in &comments[1..] {
                assert_eq!(row[body], neutralised);
            }
            let summary = cells(&files.summary);
            for key in ["topic", "url", "conversation-description"] {
                let row = summary.iter().find(|row| row[0] == key).unwrap();
                assert_eq!(row[1], neutralised, "{key}");
            }
            // No other cell of any file can start a formula: the rest are numbers and dates.
            for (name, contents) in files.files() {
                for cell in cells(contents).into_iter().flatten() {
                    let is_number = cell.parse::<f64>().is_ok();
                    let is_formula = cell.starts_with(['\t', '\r'])
                        || cell.trim_start().starts_with(['=', '+', '-', '@']);
                    assert!(is_number || !is_formula, "{name} has {cell:?}");
                }
            }
        }
    }

    #[test]
    fn the_history_is_kept_and_counts_use_the_latest_vote() {
        let files = polis_csv(&sample());
        assert_eq!(
            files.votes,
            "timestamp,datetime,comment-id,voter-id,vote\n\
             15,Thu Jan 01 00:00:00 UTC 1970,0,7,1\n\
             10,Thu Jan 01 00:00:00 UTC 1970,1,3,1\n\
             20,Thu Jan 01 00:00:00 UTC 1970,1,3,-1\n"
        );
        assert_eq!(
            files.comments,
            "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n\
             0,Thu Jan 01 00:00:00 UTC 1970,0,,1,0,-1,\"Benches\nand shade\"\n\
             0,Thu Jan 01 00:00:00 UTC 1970,1,7,0,1,1,\"'-more trees, \"\"please\"\"\"\n"
        );
        assert_eq!(
            files.participants_votes,
            "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n\
             3,0,0,1,0,1,,-1\n\
             7,,1,1,1,0,1,\n\
             9,,0,0,0,0,,\n"
        );
        assert!(
            files
                .summary
                .contains("conversation-description,\"'=HYPERLINK(\"\"x\"\")\"\n")
        );
        assert!(files.summary.contains("voters,2\n"));
        assert!(files.summary.contains("commenters,1\n"));
    }
}
