//! Starting a server instance: connect the store, start the vote writer and the background
//! analysis (which first recomputes every analysis a crash left stale), bind the socket (and
//! the metrics socket, when asked), and serve until asked to stop.
//!
//! Stopping drains: the listener closes (new connections are refused), the requests in flight
//! are answered, which includes every vote waiting in the writer's queue, since each request
//! waits for its vote to be written; then a running analysis finishes and the ones still
//! waiting are left stale in the store for the next start's recovery. Each step waits at most
//! the configured grace period.

use std::collections::BTreeMap;
use std::future::IntoFuture as _;
use std::net::SocketAddr;
use std::sync::Arc;

use model::ParticipantId;
use store::{Backend, CastVote, Store, StoreResult, VoteReceipt};
use tokio::net::TcpListener;
use tokio::task::JoinSet;

use crate::analysis::AnalysisService;
use crate::config::Config;
use crate::ingest::Batcher;
use crate::routes;
use crate::state::AppState;
use crate::time::{SharedClock, SystemClock};

/// Why an instance could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened or migrated.
    #[error("cannot open the database")]
    Store(#[from] store::StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {address}")]
    Bind {
        /// The address.
        address: SocketAddr,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// A bound, ready-to-run server instance.
pub struct Application {
    listener: TcpListener,
    local_addr: SocketAddr,
    metrics: Option<(TcpListener, SocketAddr)>,
    state: AppState,
}

async fn bind(address: SocketAddr) -> Result<(TcpListener, SocketAddr), StartError> {
    let bind_error = |source| StartError::Bind { address, source };
    let listener = TcpListener::bind(address).await.map_err(bind_error)?;
    let local_addr = listener.local_addr().map_err(bind_error)?;
    Ok((listener, local_addr))
}

/// Writes one batch of votes and answers each only once all are recorded.
///
/// On PostgreSQL, votes of different participants are written concurrently, each participant's
/// in the order they arrived (so a quick change of mind is recorded as the latest vote). SQLite
/// has a single writer, where concurrent transactions only wait on each other, so there the
/// whole batch is written in order in one transaction and shares one disk flush.
/// Writes a batch of comparisons in one transaction; if the transaction fails, every
/// comparison of the batch hears so.
async fn write_comparisons(
    store: Arc<dyn Store>,
    batch: Vec<store::NewComparison>,
) -> Vec<StoreResult<store::ComparisonReceipt>> {
    match store.record_comparisons(&batch).await {
        Ok(receipts) => receipts,
        Err(error) => {
            tracing::error!(%error, comparisons = batch.len(), "a batch of comparisons could not be recorded");
            batch
                .iter()
                .map(|_| {
                    Err(store::StoreError::internal(std::io::Error::other(
                        "the batch holding this comparison could not be recorded",
                    )))
                })
                .collect()
        }
    }
}

async fn write_votes(store: Arc<dyn Store>, batch: Vec<CastVote>) -> Vec<StoreResult<VoteReceipt>> {
    let receipts = write_batch(store, batch).await;
    let recorded = receipts.iter().filter(|receipt| receipt.is_ok()).count();
    crate::metrics::global().vote_batch(recorded, receipts.len() - recorded);
    receipts
}

async fn write_batch(store: Arc<dyn Store>, batch: Vec<CastVote>) -> Vec<StoreResult<VoteReceipt>> {
    if store.backend() == Backend::Sqlite {
        return match store.cast_votes(&batch).await {
            Ok(receipts) => receipts,
            Err(error) => {
                tracing::error!(%error, votes = batch.len(), "a batch of votes could not be recorded");
                batch
                    .iter()
                    .map(|_| {
                        Err(store::StoreError::internal(std::io::Error::other(
                            "the batch holding this vote could not be recorded",
                        )))
                    })
                    .collect()
            }
        };
    }
    let n_votes = batch.len();
    let mut by_participant: BTreeMap<ParticipantId, Vec<(usize, CastVote)>> = BTreeMap::new();
    for (index, vote) in batch.into_iter().enumerate() {
        by_participant
            .entry(vote.participant)
            .or_default()
            .push((index, vote));
    }
    let mut tasks = JoinSet::new();
    for (_, votes) in by_participant {
        let store = Arc::clone(&store);
        tasks.spawn(async move {
            let mut receipts = Vec::with_capacity(votes.len());
            for (index, vote) in votes {
                receipts.push((index, store.cast_vote(vote).await));
            }
            receipts
        });
    }
    let mut receipts: Vec<Option<StoreResult<VoteReceipt>>> = (0..n_votes).map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(written) => {
                for (index, receipt) in written {
                    receipts[index] = Some(receipt);
                }
            }
            Err(error) => tracing::error!(%error, "a vote writer task failed"),
        }
    }
    receipts
        .into_iter()
        .map(|receipt| {
            receipt.unwrap_or_else(|| {
                Err(store::StoreError::internal(std::io::Error::other(
                    "the vote writer task stopped before recording this vote",
                )))
            })
        })
        .collect()
}

/// Removes expired convenor sessions once an hour; expired sessions are refused anyway, this
/// only keeps the table small.
async fn expire_sessions(store: Arc<dyn Store>, clock: SharedClock) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match store.delete_expired_sessions(clock.now_ms()).await {
            Ok(removed) if removed > 0 => tracing::info!(removed, "expired sessions removed"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "removing expired sessions failed"),
        }
    }
}

impl Application {
    /// Connects to the configured database (creating and migrating it if needed) and binds
    /// the configured address.
    pub async fn build(config: Config) -> Result<Application, StartError> {
        let store = store::connect(&config.database).await?;
        Application::build_with_store(config, store, Arc::new(SystemClock)).await
    }

    /// Builds an instance over an existing store and clock.
    pub async fn build_with_store(
        config: Config,
        store: Arc<dyn Store>,
        clock: SharedClock,
    ) -> Result<Application, StartError> {
        let (listener, local_addr) = bind(config.listen).await?;
        let metrics = match config.metrics_listen {
            Some(address) => Some(bind(address).await?),
            None => None,
        };
        let writer_store = Arc::clone(&store);
        let votes = Batcher::spawn(config.vote_batch, config.vote_batch * 8, move |batch| {
            write_votes(Arc::clone(&writer_store), batch)
        });
        let comparison_store = Arc::clone(&store);
        let comparisons = Batcher::spawn(config.vote_batch, config.vote_batch * 8, move |batch| {
            write_comparisons(Arc::clone(&comparison_store), batch)
        });
        let queue = votes.clone();
        crate::metrics::global().watch_vote_queue(move || queue.queued());
        // Starts the scheduler and its recovery of analyses left stale by a crash.
        let analysis = AnalysisService::start(Arc::clone(&store), Arc::clone(&clock), &config);
        tokio::spawn(expire_sessions(Arc::clone(&store), Arc::clone(&clock)));
        let base_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{local_addr}"));
        let state = AppState::new(store, config, clock, votes, comparisons, analysis, base_url);
        Ok(Application {
            listener,
            local_addr,
            metrics,
            state,
        })
    }

    /// Returns the address the instance is bound to (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Returns the address the metrics are served at, when they are.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().map(|(_, address)| *address)
    }

    /// Returns the shared state (the store, the analysis), for tools and tests.
    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    /// Serves until the process is stopped.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(std::future::pending()).await
    }

    /// Serves until `shutdown` completes, then drains: refuses new connections, answers the
    /// requests in flight (each waits at most the grace period), and lets a running analysis
    /// finish (as long again).
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let grace = self.state.config().shutdown_grace;
        let analysis = self.state.analysis().clone();
        if let Some((listener, address)) = self.metrics {
            tracing::info!(%address, "serving metrics at /metrics");
            tokio::spawn(async move {
                if let Err(error) = axum::serve(listener, crate::metrics::router()).await {
                    tracing::error!(%error, "the metrics listener stopped");
                }
            });
        }
        let router = routes::router(self.state);
        // The peer address is what per-address rate limits count against.
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
        let serving = axum::serve(self.listener, service)
            .with_graceful_shutdown(async move {
                shutdown.await;
                tracing::info!("stopping: no new connections; answering the requests in flight");
                let _ = stopping.send(());
            })
            .into_future();
        let overdue = async move {
            if stopped.await.is_ok() {
                tokio::time::sleep(grace).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            served = serving => served?,
            () = overdue => tracing::warn!(
                grace_ms = grace.as_millis(),
                "requests still in flight after the grace period are cut off"
            ),
        }
        analysis.drain(grace).await;
        tracing::info!("stopped");
        Ok(())
    }
}
