//! What every handler shares: the store, the configuration, the clock, the vote writer and the
//! background analysis.

use std::sync::Arc;

use model::{DialogueId, ParticipantId};
use store::{CastVote, Store, StoreResult, VoteReceipt};

use crate::analysis::AnalysisService;
use crate::config::Config;
use crate::error::ApiError;
use crate::ingest::Batcher;
use crate::rate_limit::RateLimiter;
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
    vote_limiter: RateLimiter,
    statement_limiter: RateLimiter,
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
                vote_limiter: RateLimiter::new(config.vote_rate),
                statement_limiter: RateLimiter::new(config.statement_rate),
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

    /// Takes one vote from the participant's allowance, or refuses with `rate_limited`.
    pub fn limit_votes(&self, participant: ParticipantId) -> Result<(), ApiError> {
        self.inner
            .vote_limiter
            .check(participant, self.now_ms())
            .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })
    }

    /// Takes one statement from the participant's allowance, or refuses with `rate_limited`.
    pub fn limit_statements(&self, participant: ParticipantId) -> Result<(), ApiError> {
        self.inner
            .statement_limiter
            .check(participant, self.now_ms())
            .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })
    }

    /// Returns the background analysis.
    pub fn analysis(&self) -> &AnalysisService {
        &self.inner.analysis
    }

    /// Returns the link participants follow to take part in a dialogue.
    pub fn participant_url(&self, dialogue: DialogueId) -> String {
        format!(
            "{}/d/{}",
            self.inner.base_url.trim_end_matches('/'),
            dialogue
        )
    }
}
