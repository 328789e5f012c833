//! Decides when each analysed subject is recomputed: soon after it changes, but at most once
//! per debounce interval per subject, never twice at once for one subject, and again after a
//! run if it changed while the run was going on or another instance held the lock.
//!
//! Requests only send a note that a subject changed; they never wait for a recompute. On start,
//! [`Scheduler::recover_all`] sends every subject the store lists as stale through the same
//! queue, a batch at a time, so that a crash inside the debounce loses no analysis.
//!
//! When the server stops, [`Scheduler::drain`] lets the runs in progress finish and starts no
//! more: subjects still waiting are handed on to the next start's recovery, as the store still
//! lists them as stale.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

/// How a recompute ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    /// A new snapshot was stored.
    Computed,
    /// The stored snapshot already reflected every change; nothing was computed.
    UpToDate,
    /// Another instance is recomputing this subject; try again later.
    Busy,
    /// The run failed; the cause has been logged.
    Failed,
}

impl RunOutcome {
    /// The outcome's name in logs and figures.
    pub fn name(self) -> &'static str {
        match self {
            RunOutcome::Computed => "computed",
            RunOutcome::UpToDate => "up_to_date",
            RunOutcome::Busy => "busy",
            RunOutcome::Failed => "failed",
        }
    }
}

/// Why a run was asked for. When requests for one subject meet, the later variant wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trigger {
    /// The start-up recovery found the stored analysis stale: compute only if it still is, so
    /// that instances starting together compute each subject once.
    Recovery,
    /// This instance saw a change or was asked directly: the run may also refresh what this
    /// instance keeps in memory about the subject.
    Change,
}

impl Trigger {
    /// The trigger's name in logs.
    pub fn name(self) -> &'static str {
        match self {
            Trigger::Recovery => "recovery",
            Trigger::Change => "change",
        }
    }
}

/// The work the scheduler runs for one subject.
pub type RunFuture = Pin<Box<dyn Future<Output = RunOutcome> + Send>>;

/// Runs one recompute of a subject.
pub type RunFn<K> = Arc<dyn Fn(K, Trigger) -> RunFuture + Send + Sync>;

enum Message<K> {
    Request {
        subject: K,
        trigger: Trigger,
        /// Told the outcome of the next run of the subject that is not [`RunOutcome::Busy`].
        waiter: Option<oneshot::Sender<RunOutcome>>,
    },
    Finished(K, RunOutcome),
    /// Stop starting runs; answer once none is running, with the subjects left waiting.
    Drain(oneshot::Sender<usize>),
}

/// What a start-up recovery did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recovered {
    /// Subjects whose analysis was recomputed.
    pub computed: u64,
    /// Subjects found current by the time their turn came (another instance computed them).
    pub up_to_date: u64,
    /// Subjects whose recompute failed; each failure has been logged.
    pub failed: u64,
    /// Whether the recovery stopped before the stale list was exhausted (the list could not be
    /// read, or the scheduler stopped).
    pub interrupted: bool,
}

impl Recovered {
    fn count(&mut self, outcome: RunOutcome) {
        match outcome {
            RunOutcome::Computed => self.computed += 1,
            RunOutcome::UpToDate => self.up_to_date += 1,
            RunOutcome::Failed => self.failed += 1,
            // Busy runs are retried by the scheduler; a waiter never hears of them.
            RunOutcome::Busy => {}
        }
    }

    /// Adds what another recovery did.
    pub fn add(&mut self, other: Recovered) {
        self.computed += other.computed;
        self.up_to_date += other.up_to_date;
        self.failed += other.failed;
        self.interrupted |= other.interrupted;
    }
}

/// The handle requests use to say a subject changed.
#[derive(Clone)]
pub struct Scheduler<K> {
    sender: mpsc::UnboundedSender<Message<K>>,
}

impl<K> Scheduler<K>
where
    K: Ord + Copy + Send + Sync + std::fmt::Debug + 'static,
{
    /// Starts the scheduler task; `run` recomputes one subject.
    pub fn spawn(debounce: Duration, run: RunFn<K>) -> Self {
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(schedule(debounce, run, receiver, sender.clone()));
        Scheduler { sender }
    }

    /// Notes that a subject changed.
    pub fn changed(&self, subject: K) {
        // The scheduler only stops when the runtime shuts down; nothing is left to notify then.
        let _ = self.sender.send(Message::Request {
            subject,
            trigger: Trigger::Change,
            waiter: None,
        });
    }

    /// Stops starting runs and waits until the runs in progress have finished; returns how
    /// many subjects were still waiting for a run (the next start's recovery picks them up).
    pub async fn drain(&self) -> usize {
        let (done, drained) = oneshot::channel();
        if self.sender.send(Message::Drain(done)).is_err() {
            return 0;
        }
        drained.await.unwrap_or(0)
    }

    /// Asks for a recovery run of a subject listed as stale; the receiver gets the outcome of
    /// its next run that is not [`RunOutcome::Busy`] (an error if the scheduler stopped).
    pub fn recover(&self, subject: K) -> oneshot::Receiver<RunOutcome> {
        let (waiter, outcome) = oneshot::channel();
        let _ = self.sender.send(Message::Request {
            subject,
            trigger: Trigger::Recovery,
            waiter: Some(waiter),
        });
        outcome
    }

    /// Recovers every subject that `list_stale(limit)` names (at most `limit` of them, in a
    /// fixed order), `batch` at a time: each batch goes through the queue like any change, and
    /// the next is listed once the batch's runs have finished. A subject whose run failed is
    /// not tried again, and the list is read past it.
    pub async fn recover_all<F, Fut, E>(&self, batch: u32, mut list_stale: F) -> Recovered
    where
        F: FnMut(u32) -> Fut,
        Fut: Future<Output = Result<Vec<K>, E>>,
        E: std::fmt::Display,
    {
        let mut recovered = Recovered::default();
        let mut tried = BTreeSet::new();
        loop {
            // Subjects tried already may still be listed (their run failed, or they changed
            // again since); asking for that many more reaches the untried ones behind them.
            let limit = batch.saturating_add(u32::try_from(tried.len()).unwrap_or(u32::MAX));
            let listed = match list_stale(limit).await {
                Ok(listed) => listed,
                Err(error) => {
                    tracing::error!(%error, "listing the stale analyses failed; recovery stops");
                    recovered.interrupted = true;
                    return recovered;
                }
            };
            let untried: Vec<K> = listed
                .into_iter()
                .filter(|subject| !tried.contains(subject))
                .take(usize::try_from(batch).unwrap_or(usize::MAX))
                .collect();
            if untried.is_empty() {
                return recovered;
            }
            let waiting: Vec<oneshot::Receiver<RunOutcome>> = untried
                .into_iter()
                .map(|subject| {
                    tried.insert(subject);
                    self.recover(subject)
                })
                .collect();
            for outcome in waiting {
                match outcome.await {
                    Ok(outcome) => recovered.count(outcome),
                    Err(_) => {
                        recovered.interrupted = true;
                        return recovered;
                    }
                }
            }
        }
    }
}

struct Schedule<K> {
    due: BTreeMap<K, (Instant, Trigger)>,
    running: BTreeMap<K, Trigger>,
    changed_while_running: BTreeMap<K, Trigger>,
    last_started: BTreeMap<K, Instant>,
    waiters: BTreeMap<K, Vec<oneshot::Sender<RunOutcome>>>,
    /// Set once the server stops: no run starts any more.
    draining: Option<Drain>,
}

/// A drain in progress: who waits for it and how many subjects were left waiting.
struct Drain {
    waiting: Vec<oneshot::Sender<usize>>,
    handed_on: usize,
}

impl<K: Ord + Copy> Schedule<K> {
    fn new() -> Self {
        Schedule {
            due: BTreeMap::new(),
            running: BTreeMap::new(),
            changed_while_running: BTreeMap::new(),
            last_started: BTreeMap::new(),
            waiters: BTreeMap::new(),
            draining: None,
        }
    }

    /// Stops planning runs: what waits is dropped (and stays stale in the store, for the
    /// recovery of the next start), and so are the recovery waiters of those subjects.
    fn start_draining(&mut self, waiter: oneshot::Sender<usize>) {
        let drain = self.draining.get_or_insert_with(|| Drain {
            waiting: Vec::new(),
            handed_on: 0,
        });
        drain.handed_on += self.due.len() + self.changed_while_running.len();
        drain.waiting.push(waiter);
        self.due.clear();
        self.changed_while_running.clear();
        let running = &self.running;
        self.waiters
            .retain(|subject, _| running.contains_key(subject));
    }

    /// Answers the drain once no run is left.
    fn finish_draining(&mut self) {
        if !self.running.is_empty() {
            return;
        }
        if let Some(drain) = self.draining.as_mut() {
            for waiter in drain.waiting.drain(..) {
                let _ = waiter.send(drain.handed_on);
            }
        }
    }

    fn plan(&mut self, subject: K, trigger: Trigger, debounce: Duration, now: Instant) {
        if let Some(drain) = self.draining.as_mut() {
            drain.handed_on += 1;
            return;
        }
        if self.running.contains_key(&subject) {
            let pending = self.changed_while_running.entry(subject).or_insert(trigger);
            *pending = (*pending).max(trigger);
            return;
        }
        let earliest = self
            .last_started
            .get(&subject)
            .map_or(now, |&started| (started + debounce).max(now));
        let (_, pending) = self.due.entry(subject).or_insert((earliest, trigger));
        *pending = (*pending).max(trigger);
    }

    fn next_due(&self) -> Option<Instant> {
        self.due.values().map(|&(at, _)| at).min()
    }

    fn take_due(&mut self, now: Instant) -> Vec<(K, Trigger)> {
        let ready: Vec<(K, Trigger)> = self
            .due
            .iter()
            .filter(|&(_, &(at, _))| at <= now)
            .map(|(&subject, &(_, trigger))| (subject, trigger))
            .collect();
        for &(subject, trigger) in &ready {
            self.due.remove(&subject);
            self.running.insert(subject, trigger);
            self.last_started.insert(subject, now);
        }
        ready
    }

    /// Records a finished run: plans the next one if the subject changed meanwhile or was
    /// busy elsewhere, and tells the waiters once a run got through.
    fn finish(&mut self, subject: K, outcome: RunOutcome, debounce: Duration, now: Instant) {
        let trigger = self.running.remove(&subject);
        let changed = self.changed_while_running.remove(&subject);
        let retry = if outcome == RunOutcome::Busy {
            trigger
        } else {
            None
        };
        if let Some(trigger) = changed.max(retry) {
            self.plan(subject, trigger, debounce, now);
        }
        if outcome != RunOutcome::Busy {
            for waiter in self.waiters.remove(&subject).unwrap_or_default() {
                let _ = waiter.send(outcome);
            }
        } else if self.draining.is_some() {
            // No retry will run: the waiters hear that now (their sender is dropped).
            self.waiters.remove(&subject);
        }
    }
}

async fn schedule<K>(
    debounce: Duration,
    run: RunFn<K>,
    mut receiver: mpsc::UnboundedReceiver<Message<K>>,
    sender: mpsc::UnboundedSender<Message<K>>,
) where
    K: Ord + Copy + Send + Sync + std::fmt::Debug + 'static,
{
    let mut schedule = Schedule::<K>::new();
    loop {
        let message = match schedule.next_due() {
            // Messages first: a drain or a change already sent is heard before due runs start.
            Some(at) => tokio::select! {
                biased;
                message = receiver.recv() => message,
                () = tokio::time::sleep_until(at) => {
                    for (subject, trigger) in schedule.take_due(Instant::now()) {
                        let run = Arc::clone(&run);
                        let sender = sender.clone();
                        tokio::spawn(async move {
                            let outcome = run(subject, trigger).await;
                            let _ = sender.send(Message::Finished(subject, outcome));
                        });
                    }
                    crate::metrics::global()
                        .analysis_queue(schedule.due.len(), schedule.running.len());
                    continue;
                }
            },
            None => receiver.recv().await,
        };
        let Some(message) = message else { break };
        let now = Instant::now();
        match message {
            Message::Request {
                subject,
                trigger,
                waiter,
            } => {
                // While draining no run starts: a waiter dropped now hears so at once.
                if let Some(waiter) = waiter.filter(|_| schedule.draining.is_none()) {
                    schedule.waiters.entry(subject).or_default().push(waiter);
                }
                schedule.plan(subject, trigger, debounce, now);
            }
            Message::Finished(subject, outcome) => {
                schedule.finish(subject, outcome, debounce, now);
                tracing::debug!(?subject, ?outcome, "analysis run finished");
            }
            Message::Drain(done) => schedule.start_draining(done),
        }
        if schedule.draining.is_some() {
            schedule.finish_draining();
        }
        crate::metrics::global().analysis_queue(schedule.due.len(), schedule.running.len());
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    type Runs = Arc<Mutex<Vec<(u32, Trigger, Instant)>>>;

    /// A runner that records each run, answers with `outcomes` (last first, then `Computed`)
    /// and reports every finished run on the returned channel.
    fn recording_runner(
        outcomes: Vec<RunOutcome>,
    ) -> (RunFn<u32>, Runs, mpsc::UnboundedReceiver<(u32, RunOutcome)>) {
        let runs = Arc::new(Mutex::new(Vec::new()));
        let outcomes = Arc::new(Mutex::new(outcomes));
        let (finished, receiver) = mpsc::unbounded_channel();
        let recorded = Arc::clone(&runs);
        let run: RunFn<u32> = Arc::new(move |subject, trigger| {
            recorded
                .lock()
                .unwrap()
                .push((subject, trigger, Instant::now()));
            let outcome = outcomes
                .lock()
                .unwrap()
                .pop()
                .unwrap_or(RunOutcome::Computed);
            let _ = finished.send((subject, outcome));
            Box::pin(async move { outcome })
        });
        (run, runs, receiver)
    }

    #[tokio::test(start_paused = true)]
    async fn changes_within_the_debounce_interval_cause_one_more_run_not_many() {
        let (run, runs, mut finished) = recording_runner(Vec::new());
        let scheduler = Scheduler::spawn(Duration::from_secs(2), run);
        let start = Instant::now();
        scheduler.changed(7);
        assert_eq!(finished.recv().await.unwrap(), (7, RunOutcome::Computed));
        for _ in 0..50 {
            scheduler.changed(7);
        }
        assert_eq!(finished.recv().await.unwrap(), (7, RunOutcome::Computed));
        // A recovery request answered by the next run; the pending change decides the trigger.
        scheduler.changed(7);
        let recovered = scheduler.recover(7);
        assert_eq!(recovered.await.unwrap(), RunOutcome::Computed);
        let runs = runs.lock().unwrap().clone();
        assert_eq!(runs.len(), 3);
        assert_eq!(runs[0].2, start);
        assert!(runs[1].2 - runs[0].2 >= Duration::from_secs(2));
        assert!(runs[2].2 - runs[1].2 >= Duration::from_secs(2));
        assert!(runs.iter().all(|run| run.1 == Trigger::Change), "{runs:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_busy_subject_is_retried_and_other_subjects_are_not_held_up() {
        let (run, runs, mut finished) = recording_runner(vec![RunOutcome::Busy]);
        let scheduler = Scheduler::spawn(Duration::from_secs(1), run);
        let recovered = scheduler.recover(1);
        assert_eq!(finished.recv().await.unwrap(), (1, RunOutcome::Busy));
        scheduler.changed(2);
        assert_eq!(finished.recv().await.unwrap(), (2, RunOutcome::Computed));
        assert_eq!(finished.recv().await.unwrap(), (1, RunOutcome::Computed));
        // The waiter hears of the run that got through, not of the busy one.
        assert_eq!(recovered.await.unwrap(), RunOutcome::Computed);
        let order: Vec<(u32, Trigger)> = runs.lock().unwrap().iter().map(|r| (r.0, r.1)).collect();
        assert_eq!(
            order,
            vec![
                (1, Trigger::Recovery),
                (2, Trigger::Change),
                (1, Trigger::Recovery)
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_drain_waits_for_the_running_analysis_and_starts_no_other() {
        let finished_runs = Arc::new(AtomicUsize::new(0));
        let started: Runs = Arc::new(Mutex::new(Vec::new()));
        let (counted, recorded) = (Arc::clone(&finished_runs), Arc::clone(&started));
        let run: RunFn<u32> = Arc::new(move |subject, trigger| {
            recorded
                .lock()
                .unwrap()
                .push((subject, trigger, Instant::now()));
            let counted = Arc::clone(&counted);
            Box::pin(async move {
                tokio::time::sleep(Duration::from_secs(3)).await;
                counted.fetch_add(1, Ordering::SeqCst);
                RunOutcome::Computed
            })
        });
        let scheduler = Scheduler::spawn(Duration::from_secs(2), run);
        scheduler.changed(1);
        tokio::time::sleep(Duration::from_millis(10)).await;
        // Subject 1 is running; a change to it and to subject 2 wait for their turn.
        scheduler.changed(1);
        scheduler.changed(2);
        let recovery = scheduler.recover(3);
        let start = Instant::now();
        let handed_on = scheduler.drain().await;
        assert!(
            start.elapsed() >= Duration::from_secs(2),
            "the drain waited for the run"
        );
        assert_eq!(finished_runs.load(Ordering::SeqCst), 1);
        assert_eq!(handed_on, 3, "1 again, 2 and 3 are left for the next start");
        assert!(
            recovery.await.is_err(),
            "the recovery waiter hears that no run comes"
        );
        scheduler.changed(4);
        tokio::time::sleep(Duration::from_secs(10)).await;
        let subjects: Vec<u32> = started.lock().unwrap().iter().map(|run| run.0).collect();
        assert_eq!(subjects, vec![1], "nothing starts once draining");
    }

    /// A store's stale list: subjects leave it when computed; `failing` ones never do.
    struct StaleList {
        stale: Mutex<BTreeSet<u32>>,
        failing: BTreeSet<u32>,
        runs: Mutex<Vec<u32>>,
        limits: Mutex<Vec<u32>>,
        running: AtomicUsize,
        most_running: AtomicUsize,
    }

    impl StaleList {
        fn new(stale: impl IntoIterator<Item = u32>, failing: &[u32]) -> Arc<StaleList> {
            Arc::new(StaleList {
                stale: Mutex::new(stale.into_iter().collect()),
                failing: failing.iter().copied().collect(),
                runs: Mutex::new(Vec::new()),
                limits: Mutex::new(Vec::new()),
                running: AtomicUsize::new(0),
                most_running: AtomicUsize::new(0),
            })
        }

        fn runner(self: &Arc<Self>) -> RunFn<u32> {
            let list = Arc::clone(self);
            Arc::new(move |subject, trigger| {
                let list = Arc::clone(&list);
                Box::pin(async move {
                    assert_eq!(trigger, Trigger::Recovery);
                    list.runs.lock().unwrap().push(subject);
                    let now = list.running.fetch_add(1, Ordering::SeqCst) + 1;
                    list.most_running.fetch_max(now, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    list.running.fetch_sub(1, Ordering::SeqCst);
                    if list.failing.contains(&subject) {
                        return RunOutcome::Failed;
                    }
                    list.stale.lock().unwrap().remove(&subject);
                    RunOutcome::Computed
                })
            })
        }

        async fn list(&self, limit: u32) -> Result<Vec<u32>, String> {
            self.limits.lock().unwrap().push(limit);
            let stale = self.stale.lock().unwrap();
            Ok(stale
                .iter()
                .copied()
                .take(usize::try_from(limit).unwrap())
                .collect())
        }
    }

    #[tokio::test(start_paused = true)]
    async fn recovery_pages_through_the_stale_list_past_failures_a_batch_at_a_time() {
        // The first two subjects of the list fail and stay stale; the rest must still be reached.
        let list = StaleList::new(1..=7, &[1, 2]);
        let scheduler = Scheduler::spawn(Duration::from_secs(2), list.runner());
        let recovered = scheduler
            .recover_all(2, |limit| {
                let list = Arc::clone(&list);
                async move { list.list(limit).await }
            })
            .await;
        assert_eq!(
            recovered,
            Recovered {
                computed: 5,
                up_to_date: 0,
                failed: 2,
                interrupted: false,
            }
        );
        let mut runs = list.runs.lock().unwrap().clone();
        runs.sort_unstable();
        assert_eq!(runs, vec![1, 2, 3, 4, 5, 6, 7], "each subject runs once");
        assert_eq!(list.most_running.load(Ordering::SeqCst), 2);
        assert_eq!(*list.stale.lock().unwrap(), BTreeSet::from([1, 2]));
        assert_eq!(*list.limits.lock().unwrap(), vec![2, 4, 6, 8, 9]);
    }

    #[tokio::test(start_paused = true)]
    async fn recovery_stops_when_the_list_cannot_be_read() {
        let list = StaleList::new(1..=3, &[]);
        let scheduler = Scheduler::spawn(Duration::from_secs(2), list.runner());
        let recovered = scheduler
            .recover_all(8, |_| async { Err::<Vec<u32>, _>("the database is gone") })
            .await;
        assert!(recovered.interrupted);
        assert_eq!(recovered.computed, 0);
        assert!(list.runs.lock().unwrap().is_empty());
    }
}
