//! End-to-end tests of `commonground backup` and `restore`: the built binary copies an imported
//! Pol.is conversation and puts it back, on SQLite and on PostgreSQL (with `pg_dump` and
//! `pg_restore`), and refuses what would lose or corrupt data.
//!
//! The PostgreSQL cases run when `TEST_PG_URL` names a server, each in databases of its own
//! created beside that one and dropped afterwards; with `CI` set, a missing `TEST_PG_URL` fails.

#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

#[allow(
    dead_code,
    reason = "shared with the load and crash tests, which use more of it"
)]
#[path = "support/http.rs"]
mod http;
#[allow(
    dead_code,
    reason = "shared with the load and crash tests, which use more of it"
)]
#[path = "support/server.rs"]
mod server;

use std::path::Path;
use std::process::{Command, Output};

use server::PgDatabase;

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
    import_into_url(&sqlite(database))
}

/// Imports the bundled conversation into the database at `url` and returns the dialogue's id.
fn import_into_url(url: &str) -> String {
    let output = succeed(&["import", CONVERSATION, "--database", url]);
    let text = String::from_utf8(output.stdout).unwrap();
    let id = text.lines().last().unwrap().trim().to_owned();
    assert!(id.parse::<i64>().is_ok(), "no id on the last line: {text}");
    id
}

/// Exports a dialogue as JSON and as Pol.is CSV files; returns every file's bytes by name.
fn export_all(database: &Path, id: &str, folder: &Path) -> Vec<(String, Vec<u8>)> {
    export_all_url(&sqlite(database), id, folder)
}

/// Exports a dialogue of the database at `url`, as [`export_all`] does.
fn export_all_url(url: &str, id: &str, folder: &Path) -> Vec<(String, Vec<u8>)> {
    std::fs::create_dir_all(folder).unwrap();
    let json = folder.join("dialogue.json");
    let csv = folder.join("csv");
    for (format, out) in [("json", &json), ("polis-csv", &csv)] {
        succeed(&[
            "export",
            id,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--database",
            url,
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

    let expected = export_all(&original, &id, &dir.path().join("before"));
    let actual = export_all(&restored, &id, &dir.path().join("after"));
    assert_same_exports(&expected, &actual);
}

/// Asserts that two sets of exported files are the same, and not trivially so.
fn assert_same_exports(expected: &[(String, Vec<u8>)], actual: &[(String, Vec<u8>)]) {
    assert!(expected.len() >= 2, "too few exported files: {expected:?}");
    assert!(
        expected.iter().all(|(_, bytes)| !bytes.is_empty()),
        "an export is empty"
    );
    assert_eq!(
        expected.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        actual.iter().map(|(name, _)| name).collect::<Vec<_>>()
    );
    for ((name, want), (_, got)) in expected.iter().zip(actual) {
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

/// Creates a database of its own for a test on the PostgreSQL server named by `TEST_PG_URL`,
/// or returns `None` after saying the test skips (never when `CI` is set).
fn postgres_database(purpose: &str) -> Option<PgDatabase> {
    let Ok(base) = std::env::var("TEST_PG_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "TEST_PG_URL is not set but CI is: the PostgreSQL backup test must not be skipped"
        );
        eprintln!("skipping the PostgreSQL backup test: TEST_PG_URL is not set");
        return None;
    };
    let name = format!(
        "cg_backup_{purpose}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    Some(PgDatabase::create(&base, &name).unwrap())
}

#[test]
fn a_restored_postgres_backup_exports_exactly_what_the_original_did() {
    let Some(original) = postgres_database("original") else {
        return;
    };
    let restored = postgres_database("restored").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let id = import_into_url(original.url());
    let backup = dir.path().join("cg.dump");
    succeed(&[
        "backup",
        "--database",
        original.url(),
        "--out",
        backup.to_str().unwrap(),
    ]);
    assert!(std::fs::metadata(&backup).unwrap().len() > 0);
    succeed(&[
        "restore",
        "--database",
        restored.url(),
        "--from",
        backup.to_str().unwrap(),
    ]);
    let expected = export_all_url(original.url(), &id, &dir.path().join("before"));
    let actual = export_all_url(restored.url(), &id, &dir.path().join("after"));
    assert_same_exports(&expected, &actual);

    // A backup never overwrites a file.
    let again = commonground(&[
        "backup",
        "--database",
        original.url(),
        "--out",
        backup.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_postgres_database_in_use_is_replaced_only_with_force() {
    let Some(source) = postgres_database("source") else {
        return;
    };
    let target = postgres_database("target").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let id = import_into_url(source.url());
    let backup = dir.path().join("cg.dump");
    succeed(&[
        "backup",
        "--database",
        source.url(),
        "--out",
        backup.to_str().unwrap(),
    ]);
    // The target holds another import of its own: two dialogues, where the backup has one.
    import_into_url(target.url());
    import_into_url(target.url());
    let restore = |force: bool| {
        let mut args = vec![
            "restore",
            "--database",
            target.url(),
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

    let replaced = restore(true);
    assert_eq!(replaced.status.code(), Some(0), "{}", stderr(&replaced));
    let expected = export_all_url(source.url(), &id, &dir.path().join("before"));
    let actual = export_all_url(target.url(), &id, &dir.path().join("after"));
    assert_same_exports(&expected, &actual);
    // The target's own second dialogue went with the rest of what it held.
    let second = (id.parse::<i64>().unwrap() + 1).to_string();
    let gone = commonground(&[
        "export",
        &second,
        "--format",
        "json",
        "--out",
        dir.path().join("gone.json").to_str().unwrap(),
        "--database",
        target.url(),
    ]);
    assert_ne!(
        gone.status.code(),
        Some(0),
        "dialogue {second} survived the restore"
    );
}

#[test]
fn a_postgres_restore_refuses_what_is_not_our_archive_and_changes_nothing() {
    let Some(target) = postgres_database("refuse") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("bogus.dump");
    std::fs::write(&bogus, "statement,agree\n".repeat(300)).unwrap();
    let output = commonground(&[
        "restore",
        "--database",
        target.url(),
        "--from",
        bogus.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("cannot be restored"), "{message}");
    assert!(message.contains("pg_restore failed"), "{message}");
}

#[test]
fn missing_postgres_tools_are_named_with_how_to_install_them() {
    let dir = tempfile::tempdir().unwrap();
    let url = "postgres://cg@127.0.0.1:1/commonground";
    let out = dir.path().join("cg.dump");
    let backup = Command::new(env!("CARGO_BIN_EXE_commonground"))
        .args(["backup", "--database", url, "--out", out.to_str().unwrap()])
        .env_remove("COMMONGROUND_DATABASE")
        .env("PATH", dir.path())
        .output()
        .unwrap();
    assert_eq!(backup.status.code(), Some(1));
    let message = stderr(&backup);
    assert!(
        message.contains("pg_dump was not found on PATH"),
        "{message}"
    );
    assert!(message.contains("postgresql-client"), "{message}");
    assert!(!out.exists());
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 0, "a failed backup left a file behind");

    let archive = dir.path().join("some.dump");
    std::fs::write(&archive, b"PGDMP").unwrap();
    let restore = Command::new(env!("CARGO_BIN_EXE_commonground"))
        .args([
            "restore",
            "--database",
            url,
            "--from",
            archive.to_str().unwrap(),
        ])
        .env_remove("COMMONGROUND_DATABASE")
        .env("PATH", dir.path())
        .output()
        .unwrap();
    assert_eq!(restore.status.code(), Some(1));
    let message = stderr(&restore);
    assert!(
        message.contains("pg_restore was not found on PATH"),
        "{message}"
    );
}
