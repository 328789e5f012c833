//! `commonground backup` and `commonground restore`: a consistent copy of a database taken
//! while the server runs, and its checked, atomic return into place.
//!
//! SQLite files are copied with `VACUUM INTO` and renamed into place. PostgreSQL databases are
//! dumped with `pg_dump` (custom format) and restored with `pg_restore` feeding `psql` in one
//! transaction, so a restore that fails changes nothing; these tools come with PostgreSQL's
//! client package and are looked up on `PATH`. A password in the URL is handed to them in the
//! `PGPASSWORD` variable, not on their command line, which other users could read.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use anyhow::Context;
use store::prelude::*;
use store::{
    SqliteLocation, SqliteStore, check_postgres_archive, check_sqlite_backup, postgres_table_count,
};

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

/// Refuses an existing backup file: a backup never overwrites one.
fn refuse_existing(out: &Path) -> anyhow::Result<()> {
    if out.exists() {
        anyhow::bail!(
            "{} already exists; choose a new file name (a backup never overwrites a file)",
            out.display()
        );
    }
    Ok(())
}

/// Runs `commonground backup`.
pub fn run_backup(args: &BackupArgs) -> anyhow::Result<()> {
    let url = args.database.url(&process_env);
    if is_postgres(&url) {
        refuse_existing(&args.out)?;
        return backup_postgres(&PgUrl::parse(url.trim())?, &args.out);
    }
    let path = sqlite_file(&url)?;
    if !path.is_file() {
        anyhow::bail!("there is no database at {}", path.display());
    }
    refuse_existing(&args.out)?;
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
    if !args.from.is_file() {
        anyhow::bail!("there is no backup file at {}", args.from.display());
    }
    if is_postgres(&url) {
        return restore_postgres(&PgUrl::parse(url.trim())?, &args.from, args.force);
    }
    let target = sqlite_file(&url)?;
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

/// A PostgreSQL URL split into what PostgreSQL's tools take on their command line and the
/// password they take from the environment.
#[derive(Debug, PartialEq, Eq)]
struct PgUrl {
    /// The URL as given, for this process's own connection.
    full: String,
    /// The URL with any password removed.
    without_password: String,
    /// The password, percent-decoded, if the URL had one.
    password: Option<String>,
}

impl PgUrl {
    /// Splits `postgres://user:password@host/db?...`; a URL without a password is kept whole.
    fn parse(url: &str) -> anyhow::Result<PgUrl> {
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| UsageError(format!("{url} is not a postgres:// URL")))?;
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_end);
        let Some((user_info, host)) = authority.rsplit_once('@') else {
            return Ok(PgUrl {
                full: url.to_owned(),
                without_password: url.to_owned(),
                password: None,
            });
        };
        let Some((user, password)) = user_info.split_once(':') else {
            return Ok(PgUrl {
                full: url.to_owned(),
                without_password: url.to_owned(),
                password: None,
            });
        };
        Ok(PgUrl {
            full: url.to_owned(),
            without_password: format!("{scheme}://{user}@{host}{tail}"),
            password: Some(percent_decode(password)?),
        })
    }

    /// Returns a command for one of PostgreSQL's tools with the password in its environment.
    fn command(&self, tool: &str) -> Command {
        let mut command = Command::new(tool);
        if let Some(password) = &self.password {
            command.env("PGPASSWORD", password);
        }
        command
    }
}

/// Decodes `%XX` escapes, as PostgreSQL does for the parts of a connection URI.
fn percent_decode(text: &str) -> anyhow::Result<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text
                .get(index + 1..index + 3)
                .and_then(|digits| u8::from_str_radix(digits, 16).ok())
                .ok_or_else(|| {
                    UsageError("the password in the URL has a bad % escape".to_owned())
                })?;
            decoded.push(hex);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded)
        .map_err(|_| UsageError("the password in the URL is not UTF-8".to_owned()).into())
}

/// Starts one of PostgreSQL's tools, saying how to install it when it is not on `PATH`.
fn spawn_tool(command: &mut Command, tool: &str) -> anyhow::Result<Child> {
    command.spawn().map_err(|error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            anyhow::anyhow!(
                "{tool} was not found on PATH; install PostgreSQL's client tools (on Debian: \
                 apt-get install postgresql-client) and try again"
            )
        } else {
            anyhow::Error::new(error).context(format!("starting {tool}"))
        }
    })
}

/// Runs a tool to the end and returns its standard output, or its error output as the error.
fn run_tool(command: &mut Command, tool: &str) -> anyhow::Result<Vec<u8>> {
    let child = spawn_tool(
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
        tool,
    )?;
    let output = child
        .wait_with_output()
        .with_context(|| format!("running {tool}"))?;
    if !output.status.success() {
        anyhow::bail!(
            "{tool} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(output.stdout)
}

/// Reads a child's error output on a thread of its own, so that a full pipe never stalls it.
fn collect_stderr(child: &mut Child) -> std::thread::JoinHandle<String> {
    let stderr = child.stderr.take();
    std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut stderr) = stderr {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    })
}

/// Checks that `archive` is a `pg_dump` archive of a Common Ground database this build can load.
fn check_archive(archive: &Path) -> anyhow::Result<()> {
    let cannot = || format!("{} cannot be restored", archive.display());
    let listing = run_tool(
        Command::new("pg_restore").arg("--list").arg(archive),
        "pg_restore",
    )
    .with_context(cannot)?;
    let migrations = run_tool(
        Command::new("pg_restore")
            .args(["--data-only", "--table=_sqlx_migrations", "--file=-"])
            .arg(archive),
        "pg_restore",
    )
    .with_context(cannot)?;
    check_postgres_archive(
        archive,
        &String::from_utf8_lossy(&listing),
        &String::from_utf8_lossy(&migrations),
    )
    .with_context(cannot)
}

/// Dumps the database to `out` with `pg_dump`, through a temporary file beside it that is
/// checked and then renamed, so that a failed dump leaves no file behind.
fn backup_postgres(url: &PgUrl, out: &Path) -> anyhow::Result<()> {
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temporary = tempfile::Builder::new()
        .prefix(".backup-")
        .suffix(".dump")
        .tempfile_in(&folder)
        .with_context(|| format!("creating a temporary file in {}", folder.display()))?;
    // Rate-limit allowances are minutes-long counters, not data worth keeping.
    run_tool(
        url.command("pg_dump")
            .args([
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--exclude-table-data=rate_allowances",
                "--file",
            ])
            .arg(temporary.path())
            .arg("--dbname")
            .arg(&url.without_password),
        "pg_dump",
    )?;
    check_archive(temporary.path()).context("the dump is not a Common Ground database")?;
    temporary
        .persist_noclobber(out)
        .with_context(|| format!("moving the backup to {}", out.display()))?;
    eprintln!("backed up the PostgreSQL database to {}", out.display());
    Ok(())
}

/// Drops every table of the `public` schema, run inside the restore's transaction when a
/// database in use is replaced, so that no table of a newer schema is left beside the restored
/// ones.
const DROP_PUBLIC_TABLES: &str = "DO $$ DECLARE found record; BEGIN \
    FOR found IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP \
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', found.tablename); \
    END LOOP; END $$;\n";

/// Restores `archive` into the database with `pg_restore` writing SQL into `psql`, all inside
/// one transaction that is committed only once `pg_restore` has written everything: a failure
/// anywhere rolls back, leaving the database as it was.
fn restore_postgres(url: &PgUrl, archive: &Path, force: bool) -> anyhow::Result<()> {
    check_archive(archive)?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let tables = runtime
        .block_on(postgres_table_count(&url.full))
        .context("reading the database to restore into")?;
    if tables > 0 && !force {
        anyhow::bail!(
            "the database already holds {tables} tables; stop the servers and pass --force to \
             replace it"
        );
    }
    let mut restore = spawn_tool(
        Command::new("pg_restore")
            .args([
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--file=-",
            ])
            .arg(archive)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
        "pg_restore",
    )?;
    let restore_errors = collect_stderr(&mut restore);
    let mut load = spawn_tool(
        url.command("psql")
            .args([
                "--no-psqlrc",
                "--quiet",
                "--set=ON_ERROR_STOP=1",
                "--dbname",
            ])
            .arg(&url.without_password)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped()),
        "psql",
    )?;
    let load_errors = collect_stderr(&mut load);
    let mut script = load.stdin.take().context("psql's input")?;
    let mut dump = restore.stdout.take().context("pg_restore's output")?;
    let fed = (|| -> std::io::Result<()> {
        script.write_all(b"BEGIN;\n")?;
        if tables > 0 {
            script.write_all(DROP_PUBLIC_TABLES.as_bytes())?;
        }
        std::io::copy(&mut dump, &mut script)?;
        Ok(())
    })();
    // pg_restore may still be writing if psql stopped reading: closing the pipe ends it.
    drop(dump);
    let restored = restore.wait().context("waiting for pg_restore")?;
    let restore_errors = restore_errors.join().unwrap_or_default();
    // Only a complete script is committed; closing psql's input without COMMIT rolls back.
    let committed = fed.is_ok() && restored.success() && script.write_all(b"COMMIT;\n").is_ok();
    drop(script);
    let loaded = load.wait().context("waiting for psql")?;
    let load_errors = load_errors.join().unwrap_or_default();
    if !restored.success() {
        anyhow::bail!(
            "pg_restore failed ({restored}), nothing was changed: {}",
            restore_errors.trim()
        );
    }
    if !loaded.success() || !committed {
        anyhow::bail!(
            "psql failed ({loaded}) while loading {}, nothing was changed: {}",
            archive.display(),
            load_errors.trim()
        );
    }
    eprintln!(
        "restored the PostgreSQL database from {}",
        archive.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_leave_the_url_for_the_environment() {
        let url =
            PgUrl::parse("postgres://cg:s%40cr%3At@db.example:5432/cg?sslmode=require").unwrap();
        assert_eq!(
            url.without_password,
            "postgres://cg@db.example:5432/cg?sslmode=require"
        );
        assert_eq!(url.password.as_deref(), Some("s@cr:t"));
        let plain = PgUrl::parse("postgresql://cg@localhost/cg").unwrap();
        assert_eq!(plain.without_password, "postgresql://cg@localhost/cg");
        assert_eq!(plain.password, None);
        assert_eq!(
            PgUrl::parse("postgres://localhost")
                .unwrap()
                .without_password,
            "postgres://localhost"
        );
        let bad = PgUrl::parse("postgres://cg:%zz@localhost/cg").unwrap_err();
        assert!(bad.downcast_ref::<UsageError>().is_some());
    }

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
