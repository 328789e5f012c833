//! What every handler shares: the store, the configuration, the clock, the vote writer and the
//! background analysis.

use std::net::IpAddr;
use std::sync::Arc;

use model::{DialogueId, ParticipantId};
use store::{CastVote, Store, StoreResult, VoteReceipt};

use crate::analysis::AnalysisService;
use crate::client::ClientAddress;
use crate::config::Config;
use crate::error::ApiError;
use crate::ingest::Batcher;
use crate::rate_limit::{RateLimiter, address_key};
use crate::time::SharedClock;

/// The shared state of one server instance; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Arc<dyn Store>,
    config: Config,
    clock: SharedClock,
    votes: Batcher<CastVote, StoreResult<VoteReceipt>>,
    analysis: AnalysisService,
    base_url: String,
    limits: Limits,
}

/// Every rate limit of an instance.
struct Limits {
    enabled: bool,
    votes: RateLimiter<ParticipantId>,
    statements: RateLimiter<ParticipantId>,
    address_votes: RateLimiter<IpAddr>,
    address_statements: RateLimiter<IpAddr>,
    address_joins: RateLimiter<IpAddr>,
    login_addresses: RateLimiter<IpAddr>,
    login_failures: RateLimiter<String>,
}

impl Limits {
    fn new(config: &Config) -> Limits {
        Limits {
            enabled: config.rate_limits_enabled,
            votes: RateLimiter::new(config.vote_rate),
            statements: RateLimiter::new(config.statement_rate),
            address_votes: RateLimiter::new(config.address_vote_rate),
            address_statements: RateLimiter::new(config.address_statement_rate),
            address_joins: RateLimiter::new(config.address_join_rate),
            login_addresses: RateLimiter::new(config.login_address_rate),
            login_failures: RateLimiter::new(config.login_failure_rate),
        }
    }
}

fn refused(retry_after_secs: u64) -> ApiError {
    ApiError::RateLimited { retry_after_secs }
}

impl AppState {
    /// Bundles the parts of a running instance.
    pub fn new(
        store: Arc<dyn Store>,
        config: Config,
        clock: SharedClock,
        votes: Batcher<CastVote, StoreResult<VoteReceipt>>,
        analysis: AnalysisService,
        base_url: String,
    ) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                limits: Limits::new(&config),
                store,
                config,
                clock,
                votes,
                analysis,
                base_url,
            }),
        }
    }

    /// Returns the store.
    pub fn store(&self) -> &dyn Store {
        self.inner.store.as_ref()
    }

    /// Returns the configuration the instance started with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Returns the current time in ms since the epoch.
    pub fn now_ms(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    /// Returns the group-commit vote writer.
    pub fn votes(&self) -> &Batcher<CastVote, StoreResult<VoteReceipt>> {
        &self.inner.votes
    }

    /// Takes one vote from the participant's and the address's allowances, or refuses with
    /// `rate_limited`.
    pub fn limit_votes(
        &self,
        participant: ParticipantId,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        let limits = &self.inner.limits;
        self.limit_action(&limits.votes, &limits.address_votes, participant, client)
    }

    /// Takes one statement from the participant's and the address's allowances, or refuses
    /// with `rate_limited`.
    pub fn limit_statements(
        &self,
        participant: ParticipantId,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        let limits = &self.inner.limits;
        self.limit_action(
            &limits.statements,
            &limits.address_statements,
            participant,
            client,
        )
    }

    fn limit_action(
        &self,
        per_participant: &RateLimiter<ParticipantId>,
        per_address: &RateLimiter<IpAddr>,
        participant: ParticipantId,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        if !self.inner.limits.enabled {
            return Ok(());
        }
        let now = self.now_ms();
        if let ClientAddress(Some(address)) = client {
            per_address
                .check(&address_key(address), now)
                .map_err(refused)?;
        }
        per_participant.check(&participant, now).map_err(refused)
    }

    /// Takes one new participant from the address's allowance, or refuses with `rate_limited`.
    pub fn limit_joins(&self, client: ClientAddress) -> Result<(), ApiError> {
        let limits = &self.inner.limits;
        match client {
            ClientAddress(Some(address)) if limits.enabled => limits
                .address_joins
                .check(&address_key(address), self.now_ms())
                .map_err(refused),
            _ => Ok(()),
        }
    }

    /// Takes one sign-in attempt from the address's allowance and refuses an email that has
    /// failed too often, before any password is checked.
    pub fn limit_login(&self, email: &str, client: ClientAddress) -> Result<(), ApiError> {
        let limits = &self.inner.limits;
        if !limits.enabled {
            return Ok(());
        }
        let now = self.now_ms();
        if let ClientAddress(Some(address)) = client {
            limits
                .login_addresses
                .check(&address_key(address), now)
                .map_err(refused)?;
        }
        limits
            .login_failures
            .peek(&login_key(email), now)
            .map_err(refused)
    }

    /// Counts a failed sign-in against the email.
    pub fn record_login_failure(&self, email: &str) {
        let limits = &self.inner.limits;
        if limits.enabled {
            // An email already out of attempts stays refused; nothing more to count.
            let _ = limits
                .login_failures
                .check(&login_key(email), self.now_ms());
        }
    }

    /// Returns the background analysis.
    pub fn analysis(&self) -> &AnalysisService {
        &self.inner.analysis
    }

    /// Returns the link participants follow to take part in a dialogue.
    pub fn participant_url(&self, dialogue: DialogueId) -> String {
        self.site_url(&format!("/d/{dialogue}"))
    }

    /// Returns the full address of a path on this site, as people outside reach it.
    pub fn site_url(&self, path: &str) -> String {
        format!("{}{path}", self.inner.base_url.trim_end_matches('/'))
    }
}

/// Emails differ only in case and surrounding space for the purpose of counting failures.
fn login_key(email: &str) -> String {
    email.trim().to_lowercase()
}
