//! What every handler shares: the store, the configuration, the clock, the vote writer and the
//! background analysis.

use std::sync::Arc;

use model::DialogueId;
use store::{CastVote, Store, StoreResult, VoteReceipt};

use crate::analysis::AnalysisService;
use crate::config::Config;
use crate::ingest::Batcher;
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
