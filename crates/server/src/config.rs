//! What a server instance needs to start: where its database is, where it listens, and the
//! knobs of sessions, request limits and background analysis.
//!
//! The binary builds a [`Config`] from flags, environment and file; the library never reads
//! any of those itself.

use std::net::SocketAddr;
use std::time::Duration;

/// The database URL used when none is given: a SQLite file in the working directory.
pub const DEFAULT_DATABASE: &str = "sqlite:./commonground.db";

/// The address used when none is given.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// How a server instance runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `sqlite:PATH`, a plain file path, `sqlite::memory:` or `postgres://...`.
    pub database: String,
    /// The address to listen on; port 0 picks a free port (see `Application::local_addr`).
    pub listen: SocketAddr,
    /// The address people reach the server at, used to build participant URLs; defaults to
    /// `http://` plus the bound address.
    pub public_url: Option<String>,
    /// Whether session cookies carry `Secure` (set when the server sits behind TLS).
    pub secure_cookies: bool,
    /// The shortest time between two recomputes of one dialogue's analysis.
    pub analysis_debounce: Duration,
    /// Whether the background analysis runs at all (a read-only replica may turn it off).
    pub analysis_enabled: bool,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// The seed of every random choice the analysis and statement routing make.
    pub seed: u64,
    /// How long a convenor session lasts.
    pub session_ttl: Duration,
    /// The most votes written in one transaction by the group-commit writer.
    pub vote_batch: usize,
    /// How fast one participant may vote.
    pub vote_rate: crate::rate_limit::RateLimit,
    /// How fast one participant may submit statements.
    pub statement_rate: crate::rate_limit::RateLimit,
    /// The most statements one participant may write in a dialogue.
    pub max_statements_per_participant: u32,
    /// How fast one client address (an IPv6 /64) may vote, over all its participants.
    pub address_vote_rate: crate::rate_limit::RateLimit,
    /// How fast one client address may submit statements.
    pub address_statement_rate: crate::rate_limit::RateLimit,
    /// How fast one client address may join dialogues as new participants.
    pub address_join_rate: crate::rate_limit::RateLimit,
    /// How fast one client address may try to sign in.
    pub login_address_rate: crate::rate_limit::RateLimit,
    /// How many failed sign-ins one email may have before further attempts wait.
    pub login_failure_rate: crate::rate_limit::RateLimit,
    /// Whether the rate limits apply at all; turned off only for load tests and closed rooms.
    pub rate_limits_enabled: bool,
    /// Whether the client address is the last entry of `X-Forwarded-For` rather than the TCP
    /// peer: turn on only behind a reverse proxy that sets that header, or anyone can forge it.
    pub trust_forwarded_for: bool,
    /// Where the Prometheus figures are served (`GET /metrics`); `None` serves them nowhere.
    /// Never the public address: the figures are for the operator's monitoring alone.
    pub metrics_listen: Option<SocketAddr>,
    /// How long a stopping server waits for the requests in flight and then for a running
    /// analysis, each, before it stops anyway.
    pub shutdown_grace: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            database: DEFAULT_DATABASE.to_owned(),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            secure_cookies: false,
            analysis_debounce: Duration::from_secs(2),
            analysis_enabled: true,
            body_limit: 64 * 1024,
            seed: 0,
            session_ttl: Duration::from_secs(7 * 24 * 3600),
            vote_batch: 512,
            // Generous for a person (a vote a second, with a burst of 120), tight for a script.
            vote_rate: crate::rate_limit::RateLimit {
                burst: 120,
                per_minute: 60,
            },
            statement_rate: crate::rate_limit::RateLimit {
                burst: 5,
                per_minute: 2,
            },
            max_statements_per_participant: 30,
            // Per address, generous enough for a venue of a few hundred people on one network
            // (they share its address), tight enough to stop one machine minting participants.
            address_vote_rate: crate::rate_limit::RateLimit {
                burst: 3000,
                per_minute: 3000,
            },
            address_statement_rate: crate::rate_limit::RateLimit {
                burst: 50,
                per_minute: 20,
            },
            address_join_rate: crate::rate_limit::RateLimit {
                burst: 200,
                per_minute: 60,
            },
            login_address_rate: crate::rate_limit::RateLimit {
                burst: 20,
                per_minute: 10,
            },
            // Ten wrong passwords in a row, then one try a minute.
            login_failure_rate: crate::rate_limit::RateLimit {
                burst: 10,
                per_minute: 1,
            },
            rate_limits_enabled: true,
            trust_forwarded_for: false,
            metrics_listen: None,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

impl Config {
    /// Returns a configuration for tests: an in-memory database on a free port, with analysis
    /// recomputed without delay. Tests usually replace the database with a temporary file.
    pub fn for_tests() -> Config {
        Config {
            database: "sqlite::memory:".to_owned(),
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            analysis_debounce: Duration::ZERO,
            seed: 7,
            ..Config::default()
        }
    }
}
