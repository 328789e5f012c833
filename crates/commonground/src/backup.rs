//! `commonground backup` and `commonground restore`: a consistent copy of a SQLite database
//! taken while the server runs, and its checked, atomic return into place. PostgreSQL
//! databases are backed up with `pg_dump` and `pg_restore`, whose commands are printed.

use std::path::{Path, PathBuf};

use anyhow::Context;
use store::prelude::*;
use store::{SqliteLocation, SqliteStore, check_sqlite_backup};

use crate::UsageError;
use crate::config::{DatabaseArgs, process_env};

/// Arguments of `commonground backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The backup file to create; an existing file is never overwritten.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// Arguments of `commonground restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The backup file to restore from.
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// Replace a database that already holds data (stop the server first).
    #[arg(long)]
    pub force: bool,
}

/// Whether a URL names a PostgreSQL database.
fn is_postgres(url: &str) -> bool {
    let url = url.trim();
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// Returns the file a SQLite URL names, refusing in-memory databases and other schemes.
fn sqlite_file(url: &str) -> anyhow::Result<PathBuf> {
    match SqliteLocation::parse(url) {
        Some(SqliteLocation::File(path)) => Ok(path),
        Some(SqliteLocation::Memory) => Err(UsageError(
            "an in-memory database cannot be backed up or restored".to_owned(),
        )
        .into()),
        None => Err(UsageError(
            "--database must be sqlite:PATH, a file path or postgres://...".to_owned(),
        )
        .into()),
    }
}

/// Runs `commonground backup`.
pub fn run_backup(args: &BackupArgs) -> anyhow::Result<()> {
    let url = args.database.url(&process_env);
    if is_postgres(&url) {
        anyhow::bail!(
            "PostgreSQL databases are backed up with PostgreSQL's own tool; run:\n  \
             pg_dump --format=custom --file {} {}",
            args.out.display(),
            url.trim()
        );
    }
    let path = sqlite_file(&url)?;
    if !path.is_file() {
        anyhow::bail!("there is no database at {}", path.display());
    }
    if args.out.exists() {
        anyhow::bail!(
            "{} already exists; choose a new file name (a backup never overwrites a file)",
            args.out.display()
        );
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async {
        let store = SqliteStore::open(SqliteLocation::File(path.clone()))
            .await
            .with_context(|| format!("opening the database {}", path.display()))?;
        let outcome = store.backup_into(&args.out).await;
        store.close().await;
        outcome.with_context(|| format!("backing up {}", path.display()))
    })?;
    eprintln!("backed up {} to {}", path.display(), args.out.display());
    Ok(())
}

/// Runs `commonground restore`.
pub fn run_restore(args: &RestoreArgs) -> anyhow::Result<()> {
    let url = args.database.url(&process_env);
    if is_postgres(&url) {
        anyhow::bail!(
            "PostgreSQL databases are restored with PostgreSQL's own tool; run:\n  \
             pg_restore --clean --if-exists --dbname {} {}",
            url.trim(),
            args.from.display()
        );
    }
    let target = sqlite_file(&url)?;
    if !args.from.is_file() {
        anyhow::bail!("there is no backup file at {}", args.from.display());
    }
    let occupied = std::fs::metadata(&target).is_ok_and(|meta| meta.len() > 0);
    if occupied && !args.force {
        anyhow::bail!(
            "{} already holds a database; stop the server and pass --force to replace it",
            target.display()
        );
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    // The copy is checked where it will live, then renamed over the target in one step.
    let temporary = tempfile::Builder::new()
        .prefix(".restore-")
        .suffix(".db")
        .tempfile_in(&folder)
        .with_context(|| format!("creating a temporary file in {}", folder.display()))?;
    copy_into(&args.from, temporary.path())?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime
        .block_on(check_sqlite_backup(temporary.path()))
        .with_context(|| format!("{} cannot be restored", args.from.display()))?;
    // A write-ahead log left beside the old database would be replayed into the new one.
    for suffix in ["-wal", "-shm"] {
        let mut name = target.clone().into_os_string();
        name.push(suffix);
        let side = PathBuf::from(name);
        if side.exists() {
            std::fs::remove_file(&side).with_context(|| format!("removing {}", side.display()))?;
        }
    }
    temporary
        .persist(&target)
        .with_context(|| format!("moving the restored database to {}", target.display()))?;
    eprintln!("restored {} from {}", target.display(), args.from.display());
    Ok(())
}

/// Copies `from` over the (empty) file at `to` and flushes it to disk.
fn copy_into(from: &Path, to: &Path) -> anyhow::Result<()> {
    let mut source =
        std::fs::File::open(from).with_context(|| format!("opening {}", from.display()))?;
    let mut sink = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(to)
        .with_context(|| format!("opening {}", to.display()))?;
    std::io::copy(&mut source, &mut sink)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    sink.sync_all()
        .with_context(|| format!("flushing {}", to.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_name_databases_that_can_be_copied() {
        assert!(is_postgres(" postgresql://db/cg"));
        assert!(!is_postgres("sqlite:cg.db"));
        assert_eq!(
            sqlite_file("sqlite:a/cg.db").unwrap(),
            PathBuf::from("a/cg.db")
        );
        let memory = sqlite_file("sqlite::memory:").unwrap_err();
        assert!(memory.downcast_ref::<UsageError>().is_some());
        let other = sqlite_file("mysql://db/cg").unwrap_err();
        assert!(other.downcast_ref::<UsageError>().is_some());
    }
}
