//! The built binary against hostile Pol.is exports: the corpus in `tests/hostile/` and larger
//! cases written at run time. Every refusal must be a clear error naming the file (and the
//! line, where a row is at fault), nothing may panic, and a refused import must leave the
//! database as it was.

#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/hostile");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");

/// What the binary must do with a corpus folder.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Refused, naming this file and, when given, this line.
    Refused(&'static str, Option<u64>),
    /// Accepted: the input is unusual but valid.
    Accepted,
}

/// Every folder of the corpus with what must happen to it.
const CASES: &[(&str, Expect)] = &[
    (
        "author-id-overflows-u32",
        Expect::Refused("comments.csv", Some(3)),
    ),
    ("bom-and-crlf", Expect::Accepted),
    (
        "control-character-in-comment",
        Expect::Refused("comments.csv", Some(3)),
    ),
    (
        "crlf-bad-moderation",
        Expect::Refused("comments.csv", Some(5)),
    ),
    ("csv-injection", Expect::Accepted),
    (
        "duplicate-comment-rows",
        Expect::Refused("comments.csv", Some(4)),
    ),
    ("duplicate-vote-rows", Expect::Accepted),
    ("empty-comments-file", Expect::Refused("comments.csv", None)),
    ("empty-votes-file", Expect::Refused("votes.csv", None)),
    ("formula-prefixes", Expect::Accepted),
    (
        "header-missing-column",
        Expect::Refused("votes.csv", Some(1)),
    ),
    ("header-only", Expect::Accepted),
    ("id-overflows-u32", Expect::Refused("votes.csv", Some(3))),
    ("id-overflows-u64", Expect::Refused("votes.csv", Some(3))),
    (
        "invalid-utf8-comment",
        Expect::Refused("comments.csv", Some(3)),
    ),
    ("json-baseline", Expect::Accepted),
    ("json-id-overflows", Expect::Refused("votes.json", Some(3))),
    ("json-negative-id", Expect::Refused("votes.json", Some(3))),
    ("json-truncated", Expect::Refused("votes.json", Some(3))),
    ("json-vote-of-two", Expect::Refused("votes.json", Some(3))),
    ("latin1-comment", Expect::Refused("comments.csv", Some(3))),
    ("leading-zero-ids", Expect::Accepted),
    ("negative-id", Expect::Refused("votes.csv", Some(3))),
    ("nul-in-comment", Expect::Refused("comments.csv", Some(3))),
    (
        "nul-in-comments-json",
        Expect::Refused("comments.json", Some(3)),
    ),
    ("nul-in-vote", Expect::Refused("votes.csv", Some(3))),
    ("raw-vote-sign", Expect::Refused("votes.csv", None)),
    ("timestamp-1e400", Expect::Refused("votes.csv", Some(3))),
    ("truncated-last-line", Expect::Refused("votes.csv", Some(4))),
    ("utf16-votes", Expect::Refused("votes.csv", Some(1))),
    ("valid-baseline", Expect::Accepted),
    ("vote-as-word", Expect::Refused("votes.csv", Some(3))),
    ("vote-of-two", Expect::Refused("votes.csv", Some(3))),
];

/// Runs the binary with the given arguments.
fn commonground(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commonground"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Asserts that the run did not panic: no exit code 101 and no panic message.
fn assert_no_panic(output: &Output, what: &str) {
    let stderr = text(&output.stderr);
    assert_ne!(output.status.code(), Some(101), "{what}: {stderr}");
    assert!(output.status.code().is_some(), "{what}: killed by a signal");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
}

/// Asserts a clear refusal: exit code 1, a short `error:` line naming the file and the line.
fn assert_refused(output: &Output, what: &str, file: &str, line: Option<u64>) {
    assert_no_panic(output, what);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{what}: {stderr}");
    assert!(stderr.starts_with("error: "), "{what}: {stderr}");
    let wanted = match line {
        Some(line) => format!("{file}:{line}:"),
        None => file.to_owned(),
    };
    assert!(
        stderr.contains(&wanted),
        "{what}: stderr does not name {wanted}: {stderr}"
    );
    assert!(
        stderr.len() < 4096,
        "{what}: the error echoes too much input ({} bytes)",
        stderr.len()
    );
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{what}: the error holds control characters: {stderr:?}"
    );
}

fn assert_succeeded(output: &Output, what: &str) {
    assert_no_panic(output, what);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{what}: {}",
        text(&output.stderr)
    );
}

/// A scratch SQLite database holding one good dialogue, to check refused imports against.
struct Database {
    _dir: tempfile::TempDir,
    url: String,
}

impl Database {
    fn new() -> Database {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("hostile.db").display());
        let baseline = Path::new(CORPUS).join("valid-baseline");
        let output = commonground(&["import", path_str(&baseline), "--database", &url]);
        assert_succeeded(&output, "importing the baseline");
        Database { _dir: dir, url }
    }

    fn import(&self, folder: &Path) -> Output {
        commonground(&["import", path_str(folder), "--database", &self.url])
    }

    /// The JSON export of a dialogue, or `None` when the export is refused.
    fn export_json(&self, dialogue: &str) -> Option<String> {
        let output = commonground(&[
            "export",
            dialogue,
            "--format",
            "json",
            "--database",
            &self.url,
        ]);
        assert_no_panic(&output, "export");
        (output.status.code() == Some(0)).then(|| text(&output.stdout))
    }

    /// What can be seen of the database: every dialogue in full, from id 1 up to the first id
    /// that does not export.
    fn snapshot(&self) -> Vec<String> {
        let all: Vec<String> = (1..=1000)
            .map_while(|id: i64| self.export_json(&id.to_string()))
            .collect();
        assert!(
            all.len() < 1000 && all.iter().any(|dump| dump.contains("Buses should be free")),
            "the baseline dialogue is not among the exported dialogues"
        );
        all
    }
}

fn last_line(output: &Output) -> String {
    text(&output.stdout)
        .lines()
        .last()
        .expect("import prints the dialogue id")
        .trim()
        .to_owned()
}

/// Checks one folder against its expectation with both `analyze` and `import`.
fn check_folder(database: &Database, folder: &Path, expect: Expect) {
    let what = folder.display().to_string();
    let analyzed = commonground(&["analyze", path_str(folder)]);
    let before = database.snapshot();
    let imported = database.import(folder);
    match expect {
        Expect::Refused(file, line) => {
            assert_refused(&analyzed, &format!("analyze {what}"), file, line);
            assert_refused(&imported, &format!("import {what}"), file, line);
            assert_eq!(
                database.snapshot(),
                before,
                "import {what} changed the database"
            );
        }
        Expect::Accepted => {
            assert_succeeded(&analyzed, &format!("analyze {what}"));
            assert_succeeded(&imported, &format!("import {what}"));
            let dialogue = last_line(&imported);
            assert!(
                database.export_json(&dialogue).is_some(),
                "{what}: the imported dialogue exports"
            );
        }
    }
}

#[test]
fn every_corpus_folder_has_an_expectation() {
    let mut folders: Vec<String> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut named: Vec<String> = CASES.iter().map(|(name, _)| (*name).to_owned()).collect();
    named.sort();
    assert_eq!(folders, named);
    let readme = std::fs::read_to_string(Path::new(CORPUS).join("README.md")).unwrap();
    for name in &named {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README.md does not describe {name}"
        );
    }
}

#[test]
fn the_corpus_is_refused_clearly_or_accepted_and_never_panics() {
    let database = Database::new();
    for (name, expect) in CASES {
        check_folder(&database, &Path::new(CORPUS).join(name), *expect);
    }
}

#[test]
fn superseded_duplicate_votes_are_counted_once() {
    let database = Database::new();
    let output = database.import(&Path::new(CORPUS).join("duplicate-vote-rows"));
    assert_succeeded(&output, "import duplicate-vote-rows");
    assert!(
        text(&output.stderr).contains("6 vote events (4 latest votes)"),
        "{}",
        text(&output.stderr)
    );
}

/// Writes `votes.csv` and `comments.csv` into a fresh folder.
fn folder_with(votes: &[u8], comments: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("export");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("votes.csv"), votes).unwrap();
    std::fs::write(folder.join("comments.csv"), comments).unwrap();
    (dir, folder)
}

const VOTES_HEADER: &str = "timestamp,datetime,comment-id,voter-id,vote\n";
const COMMENTS_HEADER: &str =
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n";

fn good_votes() -> String {
    format!("{VOTES_HEADER}1000,,0,0,1\n1001,,1,1,1\n1002,,0,1,-1\n")
}

fn good_comments() -> String {
    format!("{COMMENTS_HEADER}1000,,0,0,1,1,1,Parks should open later\n1001,,1,1,1,0,1,Buses\n")
}

#[test]
fn a_one_megabyte_vote_field_is_refused_without_echoing_it() {
    let votes = format!("{}1003,,1,0,{}\n", good_votes(), "9".repeat(1 << 20));
    let (_dir, folder) = folder_with(votes.as_bytes(), good_comments().as_bytes());
    let database = Database::new();
    check_folder(&database, &folder, Expect::Refused("votes.csv", Some(5)));
}

/// Writes `votes.json` and `comments.json` into a fresh folder.
fn json_folder_with(votes: &[u8], comments: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("dump");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("votes.json"), votes).unwrap();
    std::fs::write(folder.join("comments.json"), comments).unwrap();
    (dir, folder)
}

const TEN_MEGABYTES: usize = 10 << 20;

#[test]
fn ten_megabyte_fields_are_refused_at_their_line_or_ignored_without_echoing_them() {
    let database = Database::new();
    let comments = format!(
        "{}1002,,{},0,1,0,1,Longer opening hours\n",
        good_comments(),
        "7".repeat(TEN_MEGABYTES)
    );
    let (_dir, folder) = folder_with(good_votes().as_bytes(), comments.as_bytes());
    check_folder(&database, &folder, Expect::Refused("comments.csv", Some(4)));

    let votes = format!("{}\n1000,,0,0,1\n", "x".repeat(TEN_MEGABYTES));
    let (_dir, folder) = folder_with(votes.as_bytes(), good_comments().as_bytes());
    check_folder(&database, &folder, Expect::Refused("votes.csv", Some(1)));

    // The datetime column is not read, so a huge one is no reason to refuse the file.
    let votes = format!("{}1004,{},0,0,1\n", good_votes(), "d".repeat(TEN_MEGABYTES));
    let (_dir, folder) = folder_with(votes.as_bytes(), good_comments().as_bytes());
    check_folder(&database, &folder, Expect::Accepted);

    let votes = r#"[{"pid": 0, "tid": 0, "vote": 1, "modified": 1000}]"#;
    let comments = format!(
        "[\n{{\"tid\": 0, \"txt\": \"Parks\"}},\n{{\"tid\": 1, \"txt\": \"Buses\", \"is_meta\": \"{}\"}}\n]",
        "\\u001b".repeat(TEN_MEGABYTES / 6)
    );
    let (_dir, folder) = json_folder_with(votes.as_bytes(), comments.as_bytes());
    check_folder(
        &database,
        &folder,
        Expect::Refused("comments.json", Some(3)),
    );
}

#[test]
fn a_one_megabyte_comment_is_kept_whole() {
    let body = "word ".repeat(1 << 18);
    let comments = format!("{}1002,,2,0,1,0,1,{body}x\n", good_comments());
    let (_dir, folder) = folder_with(good_votes().as_bytes(), comments.as_bytes());
    let database = Database::new();
    check_folder(&database, &folder, Expect::Accepted);
    let output = database.import(&folder);
    let dump: serde_json::Value =
        serde_json::from_str(&database.export_json(&last_line(&output)).unwrap()).unwrap();
    let longest = dump["statements"]
        .as_array()
        .expect("the dump lists statements")
        .iter()
        .filter_map(|statement| statement["text"].as_str())
        .map(str::len)
        .max();
    assert_eq!(longest, Some(body.len() + 1));
}

#[test]
fn a_million_duplicate_vote_rows_are_read_as_one_vote() {
    let mut votes = String::from(VOTES_HEADER);
    for timestamp in 0..1_000_000_u32 {
        votes.push_str(&format!("{timestamp},,0,0,1\n"));
    }
    let (_dir, folder) = folder_with(votes.as_bytes(), good_comments().as_bytes());
    let output = commonground(&["analyze", path_str(&folder), "--format", "json"]);
    assert_succeeded(&output, "analyze a million duplicates");
    assert!(
        text(&output.stderr).contains("999999 of 1000000 vote rows were superseded"),
        "{}",
        text(&output.stderr)
    );
}

/// Copies a real conversation with every vote negated.
fn negated_conversation() -> (tempfile::TempDir, PathBuf) {
    let source = Path::new(DATA).join("polis-opendata/london.youth.policing");
    let votes = std::fs::read_to_string(source.join("votes.csv")).unwrap();
    let mut lines = votes.lines();
    let mut negated = format!("{}\n", lines.next().unwrap());
    for line in lines {
        let (rest, vote) = line.rsplit_once(',').unwrap();
        let flipped = match vote.trim() {
            "1" => "-1",
            "-1" => "1",
            other => other,
        };
        negated.push_str(&format!("{rest},{flipped}\n"));
    }
    let comments = std::fs::read(source.join("comments.csv")).unwrap();
    folder_with(negated.as_bytes(), &comments)
}

#[test]
fn a_real_conversation_with_every_vote_negated_is_refused_by_the_sign_check() {
    let (_dir, folder) = negated_conversation();
    let output = commonground(&["analyze", path_str(&folder)]);
    assert_refused(&output, "analyze negated", "votes.csv", None);
    assert!(
        text(&output.stderr).contains("--vote-sign"),
        "{}",
        text(&output.stderr)
    );
    let told = commonground(&[
        "analyze",
        path_str(&folder),
        "--vote-sign",
        "agree-negative",
    ]);
    assert_succeeded(&told, "analyze negated with --vote-sign agree-negative");

    // Import applies the same check, and stores nothing when it refuses.
    let database = Database::new();
    let before = database.snapshot();
    let refused = database.import(&folder);
    assert_refused(&refused, "import negated", "votes.csv", None);
    assert_eq!(
        database.snapshot(),
        before,
        "a refused import changed the database"
    );
    let imported = commonground(&[
        "import",
        path_str(&folder),
        "--database",
        &database.url,
        "--vote-sign",
        "agree-negative",
    ]);
    assert_succeeded(&imported, "import negated with --vote-sign agree-negative");
}

/// Reads every cell of a CSV file.
fn csv_cells(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .unwrap()
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Returns whether a spreadsheet would run the cell as a formula.
fn is_formula(cell: &str) -> bool {
    cell.parse::<f64>().is_err()
        && (cell.starts_with(['\t', '\r']) || cell.trim_start().starts_with(['=', '+', '-', '@']))
}

#[test]
fn formula_cells_are_neutralised_on_export() {
    for folder in ["csv-injection", "formula-prefixes"] {
        let database = Database::new();
        let folder = Path::new(CORPUS).join(folder);
        let output = commonground(&[
            "import",
            path_str(&folder),
            "--database",
            &database.url,
            "--title",
            "=HYPERLINK(\"http://attacker.example/\")",
        ]);
        assert_succeeded(&output, "import formulas");
        let dialogue = last_line(&output);
        let out = tempfile::tempdir().unwrap();
        let exported = commonground(&[
            "export",
            &dialogue,
            "--format",
            "polis-csv",
            "--out",
            path_str(out.path()),
            "--database",
            &database.url,
        ]);
        assert_succeeded(&exported, "export formulas");

        let mut bodies: Vec<String> = csv_cells(&folder.join("comments.csv"))
            .into_iter()
            .skip(1)
            .map(|row| row[7].clone())
            .collect();
        bodies.sort();
        assert!(bodies.len() >= 4 && bodies.iter().all(|body| is_formula(body)));

        let written = csv_cells(&out.path().join("comments.csv"));
        let column = written[0]
            .iter()
            .position(|name| name == "comment-body")
            .expect("comments.csv has a comment-body column");
        let mut cells: Vec<String> = written[1..].iter().map(|row| row[column].clone()).collect();
        cells.sort();
        let quoted: Vec<String> = bodies.iter().map(|body| format!("'{body}")).collect();
        assert_eq!(cells, quoted, "{}", folder.display());

        let summary = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
        assert!(
            summary.contains("'=HYPERLINK"),
            "the topic is not neutralised: {summary}"
        );
        for file in [
            "comments.csv",
            "summary.csv",
            "votes.csv",
            "participants-votes.csv",
        ] {
            for cell in csv_cells(&out.path().join(file)).into_iter().flatten() {
                assert!(!is_formula(&cell), "{file} has a formula cell {cell:?}");
            }
        }
    }
}
