//! Runs the real `commonground` binary as a server process for tests and tools: prepares a
//! database with a convenor, starts `commonground serve` on it, reads the address it reports,
//! samples its memory, stops it with SIGTERM or kills it without warning, and sets up a
//! dialogue through the API.

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::{Context, bail};

use super::http::{Connection, Response};

/// The line `commonground serve` prints once it is listening.
const LISTENING: &str = "Common Ground is listening on http://";

/// The line `commonground serve` prints, before [`LISTENING`], when it serves metrics.
const METRICS: &str = "Metrics are served at http://";

/// How long the client of the set-up steps waits for one answer.
const SETUP_TIMEOUT: Duration = Duration::from_secs(60);

/// Returns a command for the binary with no `COMMONGROUND_*` variable inherited from the
/// caller's environment, so that only what the caller sets applies.
fn clean_command(binary: &Path) -> Command {
    let mut command = Command::new(binary);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("COMMONGROUND_") {
            command.env_remove(&name);
        }
    }
    command
}

/// Creates a convenor who belongs to `partnership` with `commonground convenor add`, which
/// also creates and migrates the database.
pub fn add_convenor(
    binary: &Path,
    database: &str,
    email: &str,
    password: &str,
    partnership: &str,
) -> anyhow::Result<()> {
    let mut child = clean_command(binary)
        .args([
            "convenor",
            "add",
            email,
            "--partnership",
            partnership,
            "--database",
            database,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", binary.display()))?;
    child
        .stdin
        .take()
        .context("the child's stdin is piped")?
        .write_all(format!("{password}\n").as_bytes())
        .context("writing the password")?;
    let output = child
        .wait_with_output()
        .context("waiting for convenor add")?;
    if !output.status.success() {
        bail!(
            "commonground convenor add failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// How to start a server process.
#[derive(Clone, Debug)]
pub struct ServerOptions {
    /// The `commonground` binary.
    pub binary: PathBuf,
    /// The database URL.
    pub database: String,
    /// The file the server's log (its stderr) is appended to.
    pub log: PathBuf,
    /// Environment variables for the server, such as `COMMONGROUND_RATE_LIMITS_ENABLED`.
    pub env: Vec<(String, String)>,
}

/// A running `commonground serve` process; it is killed when dropped.
#[derive(Debug)]
pub struct ServerProcess {
    child: Child,
    address: SocketAddr,
    metrics: Option<SocketAddr>,
}

impl ServerProcess {
    /// Starts `commonground serve` on a free loopback port and returns once it listens.
    pub fn start(options: &ServerOptions) -> anyhow::Result<ServerProcess> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&options.log)
            .with_context(|| format!("opening {}", options.log.display()))?;
        let mut command = clean_command(&options.binary);
        command
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--database",
                &options.database,
            ])
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log);
        for (name, value) in &options.env {
            command.env(name, value);
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("starting {} serve", options.binary.display()))?;
        let stdout = child.stdout.take().context("the child's stdout is piped")?;
        let mut lines = BufReader::new(stdout).lines();
        let mut metrics = None;
        let address = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(rest) = line.strip_prefix(METRICS) {
                        let address = rest.trim().trim_end_matches("/metrics");
                        metrics = Some(address.parse::<SocketAddr>().with_context(|| {
                            format!("the server reported an unreadable metrics address: {line}")
                        })?);
                    }
                    if let Some(rest) = line.strip_prefix(LISTENING) {
                        break rest.trim().parse::<SocketAddr>().with_context(|| {
                            format!("the server reported an unreadable address: {line}")
                        })?;
                    }
                }
                Some(Err(error)) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(error).context("reading the server's output");
                }
                None => {
                    let status = child.wait().context("waiting for the server")?;
                    let log = std::fs::read_to_string(&options.log).unwrap_or_default();
                    bail!(
                        "the server stopped before listening ({status}); its log:\n{}",
                        last_lines(&log, 20)
                    );
                }
            }
        };
        // The server prints one more line; draining its output keeps it from ever blocking on
        // a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Ok(ServerProcess {
            child,
            address,
            metrics,
        })
    }

    /// Returns the address the server serves its metrics at, when it does.
    pub fn metrics_address(&self) -> Option<SocketAddr> {
        self.metrics
    }

    /// Returns the address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Returns the server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Returns the server's peak resident memory so far in KiB.
    pub fn peak_resident_kib(&self) -> anyhow::Result<u64> {
        proc_status_kib(self.child.id(), "VmHWM:")
    }

    /// Kills the server at once with SIGKILL (no chance to finish anything) and waits for it.
    pub fn kill(mut self) -> anyhow::Result<()> {
        self.child.kill().context("killing the server")?;
        self.child.wait().context("waiting for the killed server")?;
        Ok(())
    }
}

impl ServerProcess {
    /// Sends SIGTERM (what a deploy sends) and waits up to `patience` for the server to stop;
    /// returns its exit status, or fails (killing it) if it did not stop in time.
    pub fn terminate(mut self, patience: Duration) -> anyhow::Result<std::process::ExitStatus> {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .context("running kill -TERM")?;
        if !status.success() {
            bail!("kill -TERM {} failed: {status}", self.child.id());
        }
        let deadline = std::time::Instant::now() + patience;
        loop {
            if let Some(status) = self.child.try_wait().context("waiting for the server")? {
                return Ok(status);
            }
            if std::time::Instant::now() > deadline {
                bail!("the server did not stop within {patience:?} of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Returns a `kB` field of `/proc/<pid>/status`.
pub fn proc_status_kib(pid: u32, field: &str) -> anyhow::Result<u64> {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .with_context(|| format!("no {field} in {path}"))
}

fn last_lines(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..].join("\n")
}

/// Fails with the status and body unless the answer has the expected status.
pub fn expect_status(response: &Response, expected: u16, what: &str) -> anyhow::Result<()> {
    if response.status != expected {
        bail!(
            "{what}: expected status {expected}, got {}: {}",
            response.status,
            response.text()
        );
    }
    Ok(())
}

/// Signs a convenor in and returns the `Cookie` header value of their session.
pub fn sign_in(address: SocketAddr, email: &str, password: &str) -> anyhow::Result<String> {
    let mut connection = Connection::new(address, SETUP_TIMEOUT);
    let response = connection
        .request(
            "POST",
            "/api/session",
            &[],
            Some(&serde_json::json!({ "email": email, "password": password })),
        )
        .map_err(|failure| anyhow::anyhow!("signing in: {failure}"))?;
    expect_status(&response, 200, "signing in")?;
    let cookie = response
        .headers
        .iter()
        .filter(|(name, _)| name == "set-cookie")
        .find_map(|(_, value)| {
            let pair = value.split(';').next()?.trim();
            pair.starts_with("cg_session=").then(|| pair.to_owned())
        })
        .context("signing in set no cg_session cookie")?;
    Ok(cookie)
}

/// A dialogue made for driving votes at.
#[derive(Clone, Debug)]
pub struct VotingDialogue {
    /// Its id.
    pub id: i64,
    /// The ids of its statements, all open for votes.
    pub statements: Vec<i64>,
}

/// Creates a dialogue with `n_statements` seed statements as the signed-in convenor and
/// returns it with its statement ids.
pub fn create_dialogue(
    address: SocketAddr,
    cookie: &str,
    n_statements: usize,
) -> anyhow::Result<VotingDialogue> {
    create_dialogue_with(address, cookie, n_statements, false)
}

/// Creates a dialogue as [`create_dialogue`] does, open to participants' statements or not.
pub fn create_dialogue_with(
    address: SocketAddr,
    cookie: &str,
    n_statements: usize,
    participant_statements: bool,
) -> anyhow::Result<VotingDialogue> {
    let mut connection = Connection::new(address, SETUP_TIMEOUT);
    let texts: Vec<String> = (1..=n_statements)
        .map(|number| format!("Seed statement {number} for driving votes at the server"))
        .collect();
    let body = serde_json::json!({
        "title": "Votes under test",
        "question": "Does every acknowledged vote stay stored?",
        "statements": texts,
        "participant_statements": participant_statements,
    });
    let created = connection
        .request("POST", "/api/dialogues", &[("Cookie", cookie)], Some(&body))
        .map_err(|failure| anyhow::anyhow!("creating the dialogue: {failure}"))?;
    expect_status(&created, 201, "creating the dialogue")?;
    let id = created.json()?["id"]
        .as_i64()
        .context("the created dialogue has no id")?;

    let mut statements = Vec::new();
    let mut after: Option<i64> = None;
    loop {
        let path = match after {
            Some(after) => format!("/api/dialogues/{id}/statements?limit=500&after={after}"),
            None => format!("/api/dialogues/{id}/statements?limit=500"),
        };
        let page = connection
            .request("GET", &path, &[("Cookie", cookie)], None)
            .map_err(|failure| anyhow::anyhow!("listing the statements: {failure}"))?;
        expect_status(&page, 200, "listing the statements")?;
        let page = page.json()?;
        for statement in page["statements"].as_array().into_iter().flatten() {
            statements.push(
                statement["id"]
                    .as_i64()
                    .context("a listed statement has no id")?,
            );
        }
        match page["next_after"].as_i64() {
            Some(next) if Some(next) != after => after = Some(next),
            _ => break,
        }
    }
    if statements.len() != n_statements {
        bail!(
            "the dialogue has {} statements, not the {n_statements} it was created with",
            statements.len()
        );
    }
    Ok(VotingDialogue { id, statements })
}

/// A PostgreSQL database created for one run on the server named by a URL, dropped (with any
/// connection still open to it) when this value is dropped.
#[derive(Debug)]
pub struct PgDatabase {
    url: String,
}

impl PgDatabase {
    /// Creates a database named `name` beside the one `base_url` names, with `psql`.
    pub fn create(base_url: &str, name: &str) -> anyhow::Result<PgDatabase> {
        let (prefix, _) = base_url
            .rsplit_once('/')
            .context("a PostgreSQL URL ends in /database")?;
        let output = Command::new("psql")
            .args([
                format!("{prefix}/postgres").as_str(),
                "-qc",
                &format!("CREATE DATABASE {name}"),
            ])
            .output()
            .context("running psql")?;
        if !output.status.success() {
            bail!(
                "psql could not create database {name}: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            );
        }
        Ok(PgDatabase {
            url: format!("{prefix}/{name}"),
        })
    }

    /// Returns the database's URL.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Some((prefix, name)) = self.url.rsplit_once('/') {
            let _ = Command::new("psql")
                .args([
                    format!("{prefix}/postgres").as_str(),
                    "-qc",
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                ])
                .output();
        }
    }
}
