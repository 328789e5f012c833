//! End-to-end tests of `commonground backup` and `restore`: the built binary copies an imported
//! Pol.is conversation and puts it back, and refuses what would lose or corrupt data.

#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

use std::path::Path;
use std::process::{Command, Output};

const CONVERSATION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/polis-opendata/15-per-hour-seattle"
);

/// Runs the binary with the given arguments, with no database named by the environment.
fn commonground(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commonground"))
        .args(args)
        .env_remove("COMMONGROUND_DATABASE")
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn succeed(args: &[&str]) -> Output {
    let output = commonground(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?} failed: {}",
        stderr(&output)
    );
    output
}

fn sqlite(path: &Path) -> String {
    format!("sqlite:{}", path.to_str().unwrap())
}

/// Imports the bundled conversation into a new database and returns the dialogue's id.
fn import_into(database: &Path) -> String {
    let output = succeed(&["import", CONVERSATION, "--database", &sqlite(database)]);
    let text = String::from_utf8(output.stdout).unwrap();
    let id = text.lines().last().unwrap().trim().to_owned();
    assert!(id.parse::<i64>().is_ok(), "no id on the last line: {text}");
    id
}

/// Exports a dialogue as JSON and as Pol.is CSV files; returns every file's bytes by name.
fn export_all(database: &Path, id: &str, folder: &Path) -> Vec<(String, Vec<u8>)> {
    let json = folder.join("dialogue.json");
    let csv = folder.join("csv");
    let url = sqlite(database);
    for (format, out) in [("json", &json), ("polis-csv", &csv)] {
        succeed(&[
            "export",
            id,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--database",
            &url,
        ]);
    }
    let mut files = vec![("dialogue.json".to_owned(), std::fs::read(&json).unwrap())];
    let mut names: Vec<String> = std::fs::read_dir(&csv)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let bytes = std::fs::read(csv.join(&name)).unwrap();
        files.push((name, bytes));
    }
    files
}

#[test]
fn a_restored_backup_exports_exactly_what_the_original_did() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("live.db");
    let id = import_into(&original);
    let backup = dir.path().join("backup.db");
    succeed(&[
        "backup",
        "--database",
        &sqlite(&original),
        "--out",
        backup.to_str().unwrap(),
    ]);
    let restored = dir.path().join("restored").join("cg.db");
    succeed(&[
        "restore",
        "--database",
        &sqlite(&restored),
        "--from",
        backup.to_str().unwrap(),
    ]);

    let before = dir.path().join("before");
    let after = dir.path().join("after");
    std::fs::create_dir_all(&before).unwrap();
    std::fs::create_dir_all(&after).unwrap();
    let expected = export_all(&original, &id, &before);
    let actual = export_all(&restored, &id, &after);
    assert!(expected.len() >= 2, "too few exported files: {expected:?}");
    assert!(
        expected.iter().all(|(_, bytes)| !bytes.is_empty()),
        "an export is empty"
    );
    assert_eq!(
        expected.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        actual.iter().map(|(name, _)| name).collect::<Vec<_>>()
    );
    for ((name, want), (_, got)) in expected.iter().zip(&actual) {
        assert!(want == got, "{name} differs after backup and restore");
    }
}

#[test]
fn backup_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("live.db");
    import_into(&original);
    let out = dir.path().join("taken.db");
    std::fs::write(&out, b"keep me").unwrap();
    let output = commonground(&[
        "backup",
        "--database",
        &sqlite(&original),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
}

#[test]
fn restore_refuses_a_file_that_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("bogus.db");
    std::fs::write(&bogus, "statement,agree\n".repeat(300)).unwrap();
    let target = dir.path().join("target.db");
    let output = commonground(&[
        "restore",
        "--database",
        &sqlite(&target),
        "--from",
        bogus.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("cannot be restored"), "{message}");
    assert!(
        message.contains("not a readable SQLite database"),
        "{message}"
    );
    assert!(!target.exists(), "a refused restore left a file behind");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "temporary files left: {leftovers:?}");
}

#[test]
fn restore_replaces_a_database_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("live.db");
    import_into(&original);
    let backup = dir.path().join("backup.db");
    succeed(&[
        "backup",
        "--database",
        &sqlite(&original),
        "--out",
        backup.to_str().unwrap(),
    ]);
    let occupied = dir.path().join("occupied.db");
    std::fs::write(&occupied, b"existing data").unwrap();
    let restore = |force: bool| {
        let url = sqlite(&occupied);
        let mut args = vec![
            "restore",
            "--database",
            url.as_str(),
            "--from",
            backup.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        commonground(&args)
    };
    let refused = restore(false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(std::fs::read(&occupied).unwrap(), b"existing data");

    let replaced = restore(true);
    assert_eq!(replaced.status.code(), Some(0), "{}", stderr(&replaced));
    assert_eq!(
        std::fs::read(&occupied).unwrap(),
        std::fs::read(&backup).unwrap()
    );
}

#[test]
fn postgres_databases_are_pointed_to_their_own_tools() {
    let url = "postgres://cg@localhost/commonground";
    let backup = commonground(&["backup", "--database", url, "--out", "cg.dump"]);
    assert_eq!(backup.status.code(), Some(1));
    assert!(
        stderr(&backup).contains(&format!("pg_dump --format=custom --file cg.dump {url}")),
        "{}",
        stderr(&backup)
    );
    let restore = commonground(&["restore", "--database", url, "--from", "cg.dump"]);
    assert_eq!(restore.status.code(), Some(1));
    assert!(
        stderr(&restore).contains(&format!(
            "pg_restore --clean --if-exists --dbname {url} cg.dump"
        )),
        "{}",
        stderr(&restore)
    );
}
