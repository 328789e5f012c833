//! What every handler shares: the store, the configuration, the clock, the vote writer and the
//! background analysis.

use std::sync::Arc;

use model::{DialogueId, ParticipantId, PriorityParticipantId};
use store::{CastVote, ComparisonReceipt, NewComparison, Store, StoreResult, VoteReceipt};

use crate::analysis::AnalysisService;
use crate::client::ClientAddress;
use crate::config::Config;
use crate::error::ApiError;
use crate::ingest::Batcher;
use crate::rate_limit::{
    Limit, Limits, client_key, login_key, participant_key, priority_participant_key,
};
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
    comparisons: Batcher<NewComparison, StoreResult<ComparisonReceipt>>,
    analysis: AnalysisService,
    base_url: String,
    limits: Limits,
}

impl AppState {
    /// Bundles the parts of a running instance.
    pub fn new(
        store: Arc<dyn Store>,
        config: Config,
        clock: SharedClock,
        votes: Batcher<CastVote, StoreResult<VoteReceipt>>,
        comparisons: Batcher<NewComparison, StoreResult<ComparisonReceipt>>,
        analysis: AnalysisService,
        base_url: String,
    ) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                limits: Limits::new(&config, Arc::clone(&store)),
                store,
                config,
                clock,
                votes,
                comparisons,
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

    /// Returns the group-commit comparison writer (SQLite; on PostgreSQL comparisons are
    /// written one by one, concurrently).
    pub fn comparisons(&self) -> &Batcher<NewComparison, StoreResult<ComparisonReceipt>> {
        &self.inner.comparisons
    }

    /// Returns the instance's rate limits.
    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// Takes one vote from the participant's and the address's allowances, or refuses with
    /// `rate_limited`.
    pub async fn limit_votes(
        &self,
        participant: ParticipantId,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        self.limit_action(Limit::Votes, Limit::AddressVotes, participant, client)
            .await
    }

    /// Takes one statement from the participant's and the address's allowances, or refuses
    /// with `rate_limited`.
    pub async fn limit_statements(
        &self,
        participant: ParticipantId,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        self.limit_action(
            Limit::Statements,
            Limit::AddressStatements,
            participant,
            client,
        )
        .await
    }

    /// Takes one comparison from a priority list participant's and the address's allowances
    /// of votes, or refuses with `rate_limited`: comparing is limited as voting is.
    pub async fn limit_comparisons(
        &self,
        participant: PriorityParticipantId,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        self.limit_keyed(
            Limit::Votes,
            Limit::AddressVotes,
            &priority_participant_key(participant),
            client,
        )
        .await
    }

    /// Takes one option from a priority list participant's and the address's allowances of
    /// statements, or refuses with `rate_limited`: adding options is limited as writing
    /// statements is.
    pub async fn limit_participant_options(
        &self,
        participant: PriorityParticipantId,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        self.limit_keyed(
            Limit::Statements,
            Limit::AddressStatements,
            &priority_participant_key(participant),
            client,
        )
        .await
    }

    async fn limit_action(
        &self,
        per_participant: Limit,
        per_address: Limit,
        participant: ParticipantId,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        self.limit_keyed(
            per_participant,
            per_address,
            &participant_key(participant),
            client,
        )
        .await
    }

    async fn limit_keyed(
        &self,
        per_participant: Limit,
        per_address: Limit,
        participant_key: &str,
        client: ClientAddress,
    ) -> Result<(), ApiError> {
        let limits = &self.inner.limits;
        let now = self.now_ms();
        if let ClientAddress(Some(address)) = client {
            limits.take(per_address, &client_key(address), now).await?;
        }
        limits.take(per_participant, participant_key, now).await
    }

    /// Takes one new participant from the address's allowance, or refuses with `rate_limited`.
    pub async fn limit_joins(&self, client: ClientAddress) -> Result<(), ApiError> {
        match client {
            ClientAddress(Some(address)) => {
                self.inner
                    .limits
                    .take(Limit::AddressJoins, &client_key(address), self.now_ms())
                    .await
            }
            ClientAddress(None) => Ok(()),
        }
    }

    /// Takes one sign-in attempt from the address's allowance and refuses an email that has
    /// failed too often, before any password is checked.
    pub async fn limit_login(&self, email: &str, client: ClientAddress) -> Result<(), ApiError> {
        let limits = &self.inner.limits;
        let now = self.now_ms();
        if let ClientAddress(Some(address)) = client {
            limits
                .take(Limit::LoginAddresses, &client_key(address), now)
                .await?;
        }
        limits
            .peek(Limit::LoginFailures, &login_key(email), now)
            .await
    }

    /// Counts a failed sign-in against the email.
    pub async fn record_login_failure(&self, email: &str) {
        // An email already out of attempts stays refused; nothing more to count. A store that
        // cannot count it now only gives the email one more try.
        if let Err(ApiError::Unavailable(error) | ApiError::Internal(error)) = self
            .inner
            .limits
            .take(Limit::LoginFailures, &login_key(email), self.now_ms())
            .await
        {
            tracing::warn!(
                error = format!("{error:#}"),
                "a failed sign-in was not counted"
            );
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
