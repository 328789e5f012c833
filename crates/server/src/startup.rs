//! Starting a server instance: connect the store, start the vote writer and the background
//! analysis, bind the socket, and serve until asked to stop.

use std::net::SocketAddr;
use std::sync::Arc;

use store::{CastVote, Store, StoreResult, VoteReceipt};
use tokio::net::TcpListener;

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
    state: AppState,
}

/// Writes one batch of votes: every vote is recorded before any is acknowledged.
async fn write_votes(store: Arc<dyn Store>, batch: Vec<CastVote>) -> Vec<StoreResult<VoteReceipt>> {
    let mut receipts = Vec::with_capacity(batch.len());
    for vote in batch {
        receipts.push(store.cast_vote(vote).await);
    }
    receipts
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
        let listener =
            TcpListener::bind(config.listen)
                .await
                .map_err(|source| StartError::Bind {
                    address: config.listen,
                    source,
                })?;
        let local_addr = listener.local_addr().map_err(|source| StartError::Bind {
            address: config.listen,
            source,
        })?;
        let writer_store = Arc::clone(&store);
        let votes = Batcher::spawn(config.vote_batch, config.vote_batch * 8, move |batch| {
            write_votes(Arc::clone(&writer_store), batch)
        });
        let analysis = AnalysisService::start(Arc::clone(&store), Arc::clone(&clock), &config);
        let base_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{local_addr}"));
        let state = AppState::new(store, config, clock, votes, analysis, base_url);
        Ok(Application {
            listener,
            local_addr,
            state,
        })
    }

    /// Returns the address the instance is bound to (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Returns the shared state (the store, the analysis), for tools and tests.
    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    /// Serves until the process is stopped.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(std::future::pending()).await
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let router = routes::router(self.state);
        axum::serve(self.listener, router)
            .with_graceful_shutdown(shutdown)
            .await
    }
}
