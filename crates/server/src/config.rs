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
