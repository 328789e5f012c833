//! Decides when each dialogue's analysis is recomputed: soon after votes arrive, but at most
//! once per debounce interval per dialogue, never twice at once for one dialogue, and again
//! after a run if votes arrived while it was running or another instance held the lock.
//!
//! Requests only send a note that a dialogue changed; they never wait for a recompute.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{broadcast, mpsc};
use tokio::time::Instant;

/// How a recompute ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    /// A new snapshot was stored.
    Computed,
    /// The stored snapshot already reflected every vote; nothing was computed.
    UpToDate,
    /// Another instance is recomputing this dialogue; try again later.
    Busy,
    /// The run failed; the cause has been logged.
    Failed,
}

/// The work the scheduler runs for one dialogue.
pub type RunFuture = Pin<Box<dyn Future<Output = RunOutcome> + Send>>;

/// Runs one recompute of a dialogue.
pub type RunFn<K> = Arc<dyn Fn(K) -> RunFuture + Send + Sync>;

enum Message<K> {
    Changed(K),
    Finished(K, RunOutcome),
}

/// The handle requests use to say a dialogue changed, and tests use to watch runs finish.
#[derive(Clone)]
pub struct Scheduler<K> {
    sender: mpsc::UnboundedSender<Message<K>>,
    finished: broadcast::Sender<(K, RunOutcome)>,
}

impl<K> Scheduler<K>
where
    K: Ord + Copy + Send + Sync + std::fmt::Debug + 'static,
{
    /// Starts the scheduler task; `run` recomputes one dialogue.
    pub fn spawn(debounce: Duration, run: RunFn<K>) -> Self {
        let (sender, receiver) = mpsc::unbounded_channel();
        let (finished, _) = broadcast::channel(1024);
        let scheduler = Scheduler {
            sender: sender.clone(),
            finished: finished.clone(),
        };
        tokio::spawn(schedule(debounce, run, receiver, sender, finished));
        scheduler
    }

    /// Notes that a dialogue's votes or statements changed.
    pub fn changed(&self, dialogue: K) {
        // The scheduler only stops when the runtime shuts down; nothing is left to notify then.
        let _ = self.sender.send(Message::Changed(dialogue));
    }

    /// Returns a receiver of every finished run, for tests and logs.
    pub fn subscribe(&self) -> broadcast::Receiver<(K, RunOutcome)> {
        self.finished.subscribe()
    }
}

struct Schedule<K> {
    due: BTreeMap<K, Instant>,
    running: BTreeSet<K>,
    changed_while_running: BTreeSet<K>,
    last_started: BTreeMap<K, Instant>,
}

impl<K: Ord + Copy> Schedule<K> {
    fn new() -> Self {
        Schedule {
            due: BTreeMap::new(),
            running: BTreeSet::new(),
            changed_while_running: BTreeSet::new(),
            last_started: BTreeMap::new(),
        }
    }

    fn plan(&mut self, dialogue: K, debounce: Duration, now: Instant) {
        if self.running.contains(&dialogue) {
            self.changed_while_running.insert(dialogue);
            return;
        }
        let earliest = self
            .last_started
            .get(&dialogue)
            .map_or(now, |&started| (started + debounce).max(now));
        self.due.entry(dialogue).or_insert(earliest);
    }

    fn next_due(&self) -> Option<Instant> {
        self.due.values().min().copied()
    }

    fn take_due(&mut self, now: Instant) -> Vec<K> {
        let ready: Vec<K> = self
            .due
            .iter()
            .filter(|&(_, &at)| at <= now)
            .map(|(&dialogue, _)| dialogue)
            .collect();
        for dialogue in &ready {
            self.due.remove(dialogue);
            self.running.insert(*dialogue);
            self.last_started.insert(*dialogue, now);
        }
        ready
    }
}

async fn schedule<K>(
    debounce: Duration,
    run: RunFn<K>,
    mut receiver: mpsc::UnboundedReceiver<Message<K>>,
    sender: mpsc::UnboundedSender<Message<K>>,
    finished: broadcast::Sender<(K, RunOutcome)>,
) where
    K: Ord + Copy + Send + Sync + std::fmt::Debug + 'static,
{
    let mut schedule = Schedule::<K>::new();
    loop {
        let message = match schedule.next_due() {
            Some(at) => tokio::select! {
                message = receiver.recv() => message,
                () = tokio::time::sleep_until(at) => {
                    for dialogue in schedule.take_due(Instant::now()) {
                        let run = Arc::clone(&run);
                        let sender = sender.clone();
                        tokio::spawn(async move {
                            let outcome = run(dialogue).await;
                            let _ = sender.send(Message::Finished(dialogue, outcome));
                        });
                    }
                    continue;
                }
            },
            None => receiver.recv().await,
        };
        let Some(message) = message else { break };
        let now = Instant::now();
        match message {
            Message::Changed(dialogue) => schedule.plan(dialogue, debounce, now),
            Message::Finished(dialogue, outcome) => {
                schedule.running.remove(&dialogue);
                let changed = schedule.changed_while_running.remove(&dialogue);
                if changed || outcome == RunOutcome::Busy {
                    schedule.plan(dialogue, debounce, now);
                }
                tracing::debug!(?dialogue, ?outcome, "analysis run finished");
                let _ = finished.send((dialogue, outcome));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    type Runs = Arc<Mutex<Vec<(u32, Instant)>>>;

    fn recording_runner(outcomes: Vec<RunOutcome>) -> (RunFn<u32>, Runs) {
        let runs = Arc::new(Mutex::new(Vec::new()));
        let outcomes = Arc::new(Mutex::new(outcomes));
        let recorded = Arc::clone(&runs);
        let run: RunFn<u32> = Arc::new(move |dialogue| {
            recorded.lock().unwrap().push((dialogue, Instant::now()));
            let outcome = outcomes
                .lock()
                .unwrap()
                .pop()
                .unwrap_or(RunOutcome::Computed);
            Box::pin(async move { outcome })
        });
        (run, runs)
    }

    #[tokio::test(start_paused = true)]
    async fn changes_within_the_debounce_interval_cause_one_more_run_not_many() {
        let (run, runs) = recording_runner(Vec::new());
        let scheduler = Scheduler::spawn(Duration::from_secs(2), run);
        let mut finished = scheduler.subscribe();
        let start = Instant::now();
        scheduler.changed(7);
        assert_eq!(finished.recv().await.unwrap(), (7, RunOutcome::Computed));
        for _ in 0..50 {
            scheduler.changed(7);
        }
        assert_eq!(finished.recv().await.unwrap(), (7, RunOutcome::Computed));
        let runs = runs.lock().unwrap().clone();
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].1, start);
        assert!(runs[1].1 - runs[0].1 >= Duration::from_secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_busy_dialogue_is_retried_and_other_dialogues_are_not_held_up() {
        let (run, runs) = recording_runner(vec![RunOutcome::Busy]);
        let scheduler = Scheduler::spawn(Duration::from_secs(1), run);
        let mut finished = scheduler.subscribe();
        scheduler.changed(1);
        assert_eq!(finished.recv().await.unwrap(), (1, RunOutcome::Busy));
        scheduler.changed(2);
        assert_eq!(finished.recv().await.unwrap(), (2, RunOutcome::Computed));
        assert_eq!(finished.recv().await.unwrap(), (1, RunOutcome::Computed));
        let order: Vec<u32> = runs.lock().unwrap().iter().map(|(d, _)| *d).collect();
        assert_eq!(order, vec![1, 2, 1]);
    }
}
