//! The report's live updates: a stream of server-sent events, one `snapshot` event (its data
//! the snapshot's version) each time a new analysis of the dialogue is stored.

use std::convert::Infallible;
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use model::DialogueId;
use tokio::sync::broadcast;

use crate::analysis::RunOutcome;
use crate::error::ApiError;
use crate::state::AppState;

/// How often the event stream looks for a snapshot stored by another server instance.
const POLL_INTERVAL: Duration = Duration::from_secs(5);

/// The state of one report's event stream.
struct Watch {
    state: AppState,
    dialogue: DialogueId,
    runs: Option<broadcast::Receiver<(DialogueId, RunOutcome)>>,
    last: i64,
}

impl Watch {
    /// Waits until a snapshot newer than the last one announced is stored, and returns its
    /// version. Runs of this instance wake it at once; snapshots stored by other instances
    /// are noticed within the poll interval.
    async fn next_version(&mut self) -> i64 {
        loop {
            let woken = match self.runs.as_mut() {
                Some(runs) => {
                    tokio::select! {
                        received = runs.recv() => match received {
                            Ok((dialogue, RunOutcome::Computed)) => dialogue == self.dialogue,
                            Ok(_) => false,
                            Err(broadcast::error::RecvError::Lagged(_)) => true,
                            Err(broadcast::error::RecvError::Closed) => {
                                self.runs = None;
                                false
                            }
                        },
                        () = tokio::time::sleep(POLL_INTERVAL) => true,
                    }
                }
                None => {
                    tokio::time::sleep(POLL_INTERVAL).await;
                    true
                }
            };
            if !woken {
                continue;
            }
            if let Ok(Some(snapshot)) = self.state.store().load_snapshot(self.dialogue).await
                && snapshot.version > self.last
            {
                self.last = snapshot.version;
                return snapshot.version;
            }
        }
    }
}

fn snapshot_event(version: i64) -> Event {
    Event::default()
        .event("snapshot")
        .id(version.to_string())
        .data(version.to_string())
}

/// Opens the event stream of a dialogue; the first event gives the version current when the
/// stream opened.
pub(super) async fn open(state: AppState, dialogue: DialogueId) -> Result<Response, ApiError> {
    // Subscribed before the current version is read, so no run in between goes unannounced.
    let runs = state.analysis().subscribe();
    let current = state
        .store()
        .load_snapshot(dialogue)
        .await?
        .map_or(0, |snapshot| snapshot.version);
    let watch = Watch {
        state,
        dialogue,
        runs,
        last: current,
    };
    let first = stream::once(async move { Ok::<Event, Infallible>(snapshot_event(current)) });
    let rest = stream::unfold(watch, |mut watch| async move {
        let version = watch.next_version().await;
        Some((Ok::<Event, Infallible>(snapshot_event(version)), watch))
    });
    let events = futures_util::StreamExt::chain(first, rest);
    Ok(Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response())
}
