//! Server and database configuration from flags, environment and a TOML file.
//!
//! Precedence, highest first: command-line flags, `COMMONGROUND_*` environment variables, the
//! file named by `--config` (or `COMMONGROUND_CONFIG`), then built-in defaults. The
//! environment is passed in as a lookup function so that tests can supply their own.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use serde::Deserialize;

/// Looks up one environment variable.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Returns the process environment as an [`EnvLookup`] target.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// The `--database` option shared by every data command.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DatabaseArgs {
    /// Database: `sqlite:PATH`, a plain file path, or `postgres://...`
    /// [env: COMMONGROUND_DATABASE] [default: sqlite:./commonground.db]
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,
}

impl DatabaseArgs {
    /// Returns the database URL: the flag, else `COMMONGROUND_DATABASE`, else the default.
    pub fn url(&self, env: EnvLookup<'_>) -> String {
        self.database
            .clone()
            .or_else(|| env("COMMONGROUND_DATABASE"))
            .unwrap_or_else(|| server::config::DEFAULT_DATABASE.to_owned())
    }
}

/// Options of `commonground serve`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ServeArgs {
    /// A TOML configuration file [env: COMMONGROUND_CONFIG]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Database: `sqlite:PATH`, a plain file path, or `postgres://...`
    /// [env: COMMONGROUND_DATABASE] [default: sqlite:./commonground.db]
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,
    /// Address to listen on [env: COMMONGROUND_LISTEN] [default: 127.0.0.1:8080]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// The address people reach the server at, for participant links
    /// [env: COMMONGROUND_PUBLIC_URL]
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Mark session cookies Secure (when serving behind TLS) [env: COMMONGROUND_SECURE_COOKIES]
    #[arg(long)]
    pub secure_cookies: bool,
    /// Shortest time between two recomputes of a dialogue's analysis, in milliseconds
    /// [env: COMMONGROUND_ANALYSIS_DEBOUNCE_MS] [default: 2000]
    #[arg(long, value_name = "MS")]
    pub analysis_debounce_ms: Option<u64>,
    /// Seed for the analysis and statement routing [env: COMMONGROUND_SEED] [default: 0]
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Start on a fresh demo database: a made-up health partnership with a simulated dialogue
    /// (ignores --database)
    #[arg(long)]
    pub demo: bool,
    /// Serve Prometheus figures at /metrics on this address, apart from the public listener
    /// [env: COMMONGROUND_METRICS_LISTEN] [default: not served]
    #[arg(long, value_name = "ADDR")]
    pub metrics_listen: Option<SocketAddr>,
    /// Log lines as human-readable text or as one JSON object per line, for log collectors
    /// [env: COMMONGROUND_LOG_FORMAT] [default: text]
    #[arg(long, value_name = "FORMAT")]
    pub log_format: Option<LogFormat>,
}

/// How the server writes its log (to stderr).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// One readable line per event; coloured only when stderr is a terminal.
    #[default]
    Text,
    /// One JSON object per line, never coloured.
    Json,
}

impl std::str::FromStr for LogFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<LogFormat, String> {
        match text {
            "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!(
                "{other:?} is not a log format: expected text or json"
            )),
        }
    }
}

/// Everything `commonground serve` takes from its flags, environment and file.
#[derive(Debug, Clone)]
pub struct ServeSettings {
    /// The server's configuration.
    pub server: server::Config,
    /// How the log is written.
    pub log_format: LogFormat,
}

/// The TOML configuration file; every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Database URL.
    pub database: Option<String>,
    /// Address to listen on.
    pub listen: Option<String>,
    /// Public address for participant links.
    pub public_url: Option<String>,
    /// Whether session cookies are Secure.
    pub secure_cookies: Option<bool>,
    /// Debounce of the analysis, in milliseconds.
    pub analysis_debounce_ms: Option<u64>,
    /// Whether this instance runs background analysis.
    pub analysis_enabled: Option<bool>,
    /// The largest request body accepted, in bytes.
    pub body_limit: Option<usize>,
    /// Seed of the analysis and routing.
    pub seed: Option<u64>,
    /// How long a convenor session lasts, in hours.
    pub session_ttl_hours: Option<u64>,
    /// The most votes written in one transaction.
    pub vote_batch: Option<usize>,
    /// Whether rate limits apply (turn off only for load tests and closed rooms).
    pub rate_limits_enabled: Option<bool>,
    /// Whether to take the client address from `X-Forwarded-For` (behind a trusted proxy only).
    pub trust_forwarded_for: Option<bool>,
    /// The most statements one participant may write in a dialogue.
    pub max_statements_per_participant: Option<u32>,
    /// Individual rate limits, each `{ burst = N, per_minute = M }`.
    pub rate_limits: Option<RateLimitsFile>,
    /// Where the Prometheus figures are served; not served when absent.
    pub metrics_listen: Option<String>,
    /// `text` or `json`.
    pub log_format: Option<LogFormat>,
    /// How long a stopping server waits for requests in flight, then for a running analysis.
    pub shutdown_grace_seconds: Option<u64>,
}

/// One rate limit in the configuration file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitFile {
    /// Actions allowed at once.
    pub burst: u32,
    /// Actions regained per minute.
    pub per_minute: u32,
}

impl From<RateLimitFile> for server::rate_limit::RateLimit {
    fn from(limit: RateLimitFile) -> Self {
        server::rate_limit::RateLimit {
            burst: limit.burst,
            per_minute: limit.per_minute,
        }
    }
}

/// The `[rate_limits]` table; a limit not given keeps its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitsFile {
    /// Votes per participant.
    pub votes: Option<RateLimitFile>,
    /// Statements per participant.
    pub statements: Option<RateLimitFile>,
    /// Votes per client address.
    pub address_votes: Option<RateLimitFile>,
    /// Statements per client address.
    pub address_statements: Option<RateLimitFile>,
    /// New participants per client address.
    pub address_joins: Option<RateLimitFile>,
    /// Sign-in attempts per client address.
    pub login_address: Option<RateLimitFile>,
    /// Failed sign-ins per email.
    pub login_failures: Option<RateLimitFile>,
}

impl FileConfig {
    /// Parses the file's text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &Path) -> anyhow::Result<FileConfig> {
        toml::from_str(text).with_context(|| format!("reading configuration {}", origin.display()))
    }

    /// Reads and parses the file.
    pub fn read(path: &Path) -> anyhow::Result<FileConfig> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading configuration {}", path.display()))?;
        FileConfig::parse(&text, path)
    }
}

fn env_parsed<T: std::str::FromStr>(env: EnvLookup<'_>, name: &str) -> anyhow::Result<Option<T>>
where
    T::Err: std::fmt::Display,
{
    match env(name) {
        None => Ok(None),
        Some(text) => text
            .trim()
            .parse()
            .map(Some)
            .map_err(|error| anyhow::anyhow!("{name}={text:?} is not valid: {error}")),
    }
}

fn env_bool(env: EnvLookup<'_>, name: &str) -> anyhow::Result<Option<bool>> {
    match env(name).as_deref().map(str::trim) {
        None => Ok(None),
        Some("1" | "true" | "yes" | "on") => Ok(Some(true)),
        Some("0" | "false" | "no" | "off") => Ok(Some(false)),
        Some(other) => anyhow::bail!("{name}={other:?} is not valid: expected true or false"),
    }
}

/// Parses an address given in the configuration file under `key`.
fn file_address(text: Option<&str>, key: &str) -> anyhow::Result<Option<SocketAddr>> {
    text.map(|text| {
        text.trim()
            .parse::<SocketAddr>()
            .with_context(|| format!("{key} = {text:?} in the configuration file"))
    })
    .transpose()
}

/// Returns the server configuration and the log format from flags, environment and the
/// configuration file.
pub fn serve_settings(args: &ServeArgs, env: EnvLookup<'_>) -> anyhow::Result<ServeSettings> {
    let file_path = args
        .config
        .clone()
        .or_else(|| env("COMMONGROUND_CONFIG").map(PathBuf::from));
    let file = match &file_path {
        Some(path) => FileConfig::read(path)?,
        None => FileConfig::default(),
    };
    let defaults = server::Config::default();

    let database = args
        .database
        .clone()
        .or_else(|| env("COMMONGROUND_DATABASE"))
        .or(file.database)
        .unwrap_or(defaults.database);
    let file_listen = file_address(file.listen.as_deref(), "listen")?;
    let metrics_listen = match args.metrics_listen {
        Some(address) => Some(address),
        None => env_parsed(env, "COMMONGROUND_METRICS_LISTEN")?.or(file_address(
            file.metrics_listen.as_deref(),
            "metrics_listen",
        )?),
    };
    let log_format = match args.log_format {
        Some(format) => format,
        None => env_parsed(env, "COMMONGROUND_LOG_FORMAT")?
            .or(file.log_format)
            .unwrap_or_default(),
    };
    let shutdown_grace = env_parsed::<u64>(env, "COMMONGROUND_SHUTDOWN_GRACE_SECONDS")?
        .or(file.shutdown_grace_seconds)
        .map_or(defaults.shutdown_grace, Duration::from_secs);
    let listen = match args.listen {
        Some(listen) => listen,
        None => env_parsed(env, "COMMONGROUND_LISTEN")?
            .or(file_listen)
            .unwrap_or(defaults.listen),
    };
    let public_url = args
        .public_url
        .clone()
        .or_else(|| env("COMMONGROUND_PUBLIC_URL"))
        .or(file.public_url);
    let secure_cookies = if args.secure_cookies {
        true
    } else {
        env_bool(env, "COMMONGROUND_SECURE_COOKIES")?
            .or(file.secure_cookies)
            .unwrap_or(defaults.secure_cookies)
    };
    let debounce_ms = match args.analysis_debounce_ms {
        Some(ms) => Some(ms),
        None => env_parsed(env, "COMMONGROUND_ANALYSIS_DEBOUNCE_MS")?.or(file.analysis_debounce_ms),
    };
    let seed = match args.seed {
        Some(seed) => seed,
        None => env_parsed(env, "COMMONGROUND_SEED")?
            .or(file.seed)
            .unwrap_or(defaults.seed),
    };
    let body_limit = env_parsed(env, "COMMONGROUND_BODY_LIMIT")?
        .or(file.body_limit)
        .unwrap_or(defaults.body_limit);
    let session_ttl = env_parsed::<u64>(env, "COMMONGROUND_SESSION_TTL_HOURS")?
        .or(file.session_ttl_hours)
        .map_or(defaults.session_ttl, |hours| {
            Duration::from_secs(hours.saturating_mul(3600))
        });
    let vote_batch = env_parsed(env, "COMMONGROUND_VOTE_BATCH")?
        .or(file.vote_batch)
        .unwrap_or(defaults.vote_batch);
    let analysis_enabled = env_bool(env, "COMMONGROUND_ANALYSIS_ENABLED")?
        .or(file.analysis_enabled)
        .unwrap_or(defaults.analysis_enabled);
    let rate_limits_enabled = env_bool(env, "COMMONGROUND_RATE_LIMITS_ENABLED")?
        .or(file.rate_limits_enabled)
        .unwrap_or(defaults.rate_limits_enabled);
    let trust_forwarded_for = env_bool(env, "COMMONGROUND_TRUST_FORWARDED_FOR")?
        .or(file.trust_forwarded_for)
        .unwrap_or(defaults.trust_forwarded_for);
    let max_statements_per_participant =
        env_parsed(env, "COMMONGROUND_MAX_STATEMENTS_PER_PARTICIPANT")?
            .or(file.max_statements_per_participant)
            .unwrap_or(defaults.max_statements_per_participant);
    let limits = file.rate_limits.unwrap_or_default();
    let limit = |given: Option<RateLimitFile>, default| given.map_or(default, Into::into);

    let server = server::Config {
        database,
        listen,
        public_url,
        secure_cookies,
        analysis_debounce: debounce_ms.map_or(defaults.analysis_debounce, Duration::from_millis),
        analysis_enabled,
        body_limit,
        seed,
        session_ttl,
        vote_batch,
        vote_rate: limit(limits.votes, defaults.vote_rate),
        statement_rate: limit(limits.statements, defaults.statement_rate),
        max_statements_per_participant,
        address_vote_rate: limit(limits.address_votes, defaults.address_vote_rate),
        address_statement_rate: limit(limits.address_statements, defaults.address_statement_rate),
        address_join_rate: limit(limits.address_joins, defaults.address_join_rate),
        login_address_rate: limit(limits.login_address, defaults.login_address_rate),
        login_failure_rate: limit(limits.login_failures, defaults.login_failure_rate),
        rate_limits_enabled,
        trust_forwarded_for,
        metrics_listen,
        shutdown_grace,
    };
    Ok(ServeSettings { server, log_format })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn server_config(args: &ServeArgs, env: EnvLookup<'_>) -> anyhow::Result<server::Config> {
        serve_settings(args, env).map(|settings| settings.server)
    }

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn config_file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("commonground.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn with_nothing_given_the_defaults_apply() {
        let config = server_config(&ServeArgs::default(), &env_of(&[])).unwrap();
        assert_eq!(config.database, "sqlite:./commonground.db");
        assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(config.analysis_debounce, Duration::from_secs(2));
    }

    #[test]
    fn flags_beat_environment_which_beats_the_file() {
        let (_dir, path) = config_file(
            "database = \"sqlite:file.db\"\nlisten = \"127.0.0.1:1111\"\nseed = 3\nanalysis_debounce_ms = 10\n",
        );
        let env = env_of(&[
            ("COMMONGROUND_LISTEN", "127.0.0.1:2222"),
            ("COMMONGROUND_SEED", "4"),
        ]);
        let args = ServeArgs {
            config: Some(path),
            seed: Some(5),
            ..ServeArgs::default()
        };
        let config = server_config(&args, &env).unwrap();
        assert_eq!(config.database, "sqlite:file.db");
        assert_eq!(config.listen.to_string(), "127.0.0.1:2222");
        assert_eq!(config.seed, 5);
        assert_eq!(config.analysis_debounce, Duration::from_millis(10));
    }

    #[test]
    fn rate_limits_come_from_the_file_and_the_environment() {
        let (_dir, path) = config_file(
            "max_statements_per_participant = 4\ntrust_forwarded_for = true\n\n[rate_limits]\nvotes = { burst = 9, per_minute = 3 }\naddress_joins = { burst = 2, per_minute = 1 }\n",
        );
        let args = ServeArgs {
            config: Some(path),
            ..ServeArgs::default()
        };
        let config = server_config(&args, &env_of(&[])).unwrap();
        let defaults = server::Config::default();
        assert_eq!(config.max_statements_per_participant, 4);
        assert!(config.trust_forwarded_for);
        assert!(config.rate_limits_enabled);
        assert_eq!(
            config.vote_rate,
            server::rate_limit::RateLimit {
                burst: 9,
                per_minute: 3
            }
        );
        assert_eq!(
            config.address_join_rate,
            server::rate_limit::RateLimit {
                burst: 2,
                per_minute: 1
            }
        );
        assert_eq!(config.statement_rate, defaults.statement_rate);
        assert_eq!(config.login_failure_rate, defaults.login_failure_rate);

        let env = env_of(&[("COMMONGROUND_RATE_LIMITS_ENABLED", "false")]);
        let config = server_config(&args, &env).unwrap();
        assert!(!config.rate_limits_enabled);

        let (_dir, bad) = config_file("[rate_limits]\nvotes = { burst = 9 }\n");
        let args = ServeArgs {
            config: Some(bad),
            ..ServeArgs::default()
        };
        let error = server_config(&args, &env_of(&[])).unwrap_err();
        assert!(format!("{error:#}").contains("per_minute"), "{error:#}");
    }

    #[test]
    fn metrics_and_the_log_format_are_off_and_text_unless_asked_for() {
        let settings = serve_settings(&ServeArgs::default(), &env_of(&[])).unwrap();
        assert_eq!(settings.server.metrics_listen, None);
        assert_eq!(settings.log_format, LogFormat::Text);

        let (_dir, path) = config_file(
            "metrics_listen = \"127.0.0.1:9464\"\nlog_format = \"json\"\nshutdown_grace_seconds = 5\n",
        );
        let args = ServeArgs {
            config: Some(path),
            ..ServeArgs::default()
        };
        let settings = serve_settings(&args, &env_of(&[])).unwrap();
        assert_eq!(
            settings
                .server
                .metrics_listen
                .map(|a| a.to_string())
                .as_deref(),
            Some("127.0.0.1:9464")
        );
        assert_eq!(settings.log_format, LogFormat::Json);
        assert_eq!(settings.server.shutdown_grace, Duration::from_secs(5));

        let env = env_of(&[
            ("COMMONGROUND_LOG_FORMAT", "text"),
            ("COMMONGROUND_METRICS_LISTEN", "127.0.0.1:9000"),
        ]);
        let settings = serve_settings(&args, &env).unwrap();
        assert_eq!(settings.log_format, LogFormat::Text);
        assert_eq!(
            settings
                .server
                .metrics_listen
                .map(|a| a.to_string())
                .as_deref(),
            Some("127.0.0.1:9000")
        );

        let env = env_of(&[("COMMONGROUND_LOG_FORMAT", "xml")]);
        let error = serve_settings(&ServeArgs::default(), &env).unwrap_err();
        assert!(
            error.to_string().contains("COMMONGROUND_LOG_FORMAT"),
            "{error}"
        );
    }

    #[test]
    fn the_file_can_be_named_by_the_environment() {
        let (_dir, path) = config_file("secure_cookies = true\n");
        let path_text = path.to_string_lossy().into_owned();
        let env = env_of(&[("COMMONGROUND_CONFIG", path_text.as_str())]);
        let config = server_config(&ServeArgs::default(), &env).unwrap();
        assert!(config.secure_cookies);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_errors_that_name_their_source() {
        let (_dir, path) = config_file("databse = \"x\"\n");
        let args = ServeArgs {
            config: Some(path),
            ..ServeArgs::default()
        };
        let error = server_config(&args, &env_of(&[])).unwrap_err();
        assert!(format!("{error:#}").contains("databse"), "{error:#}");

        let env = env_of(&[("COMMONGROUND_LISTEN", "not an address")]);
        let error = server_config(&ServeArgs::default(), &env).unwrap_err();
        assert!(error.to_string().contains("COMMONGROUND_LISTEN"), "{error}");
    }

    #[test]
    fn data_commands_take_the_flag_then_the_environment_then_the_default() {
        let env = env_of(&[("COMMONGROUND_DATABASE", "postgres://db/x")]);
        let flag = DatabaseArgs {
            database: Some("sqlite:a.db".to_owned()),
        };
        assert_eq!(flag.url(&env), "sqlite:a.db");
        assert_eq!(DatabaseArgs::default().url(&env), "postgres://db/x");
        assert_eq!(
            DatabaseArgs::default().url(&env_of(&[])),
            "sqlite:./commonground.db"
        );
    }
}
