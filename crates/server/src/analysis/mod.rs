//! Background analysis: recomputes each dialogue's analysis after votes arrive and stores the
//! snapshot that the analysis endpoint serves.
//!
//! Requests only note that a dialogue changed; the [`scheduler`] debounces those notes and runs
//! one recompute per dialogue at a time. A recompute takes the store's analysis lock (so with
//! several instances on one PostgreSQL exactly one computes a dialogue at a time), skips the
//! work if the stored snapshot is already current, warm-starts the engine from the previous
//! snapshot's state, runs it on a blocking thread, and saves the new snapshot.
//!
//! On start, the scheduler recomputes every subject whose snapshot is older than its revision
//! (a crash inside the debounce leaves one so), through the same queue and lock as a change.
//!
//! When the server stops, [`AnalysisService::drain`] lets a running recompute finish (within the
//! grace period) and starts no more; what still waited stays stale in the store and is
//! recomputed by the next start's recovery, on this instance or another.
//!
//! Every run is logged at info level (subject, trigger, votes, duration, outcome) and counted in
//! the [`crate::metrics`].
//!
//! The instance that computed a snapshot keeps what statement routing needs in memory; other
//! instances (and this one before its first run) fall back to unseen-first order.
//!
//! Priority lists are subjects too: a comparison notes its list as changed, and a run ranks
//! the list and keeps its [`PrioritySnapshot`] (the results document and what the next pair
//! reads) in memory. A list is stale while its revision in the store is ahead of the kept
//! snapshot's, so the start-up recovery ranks every compared list once; a recompute of a
//! dialogue's analysis also notes the lists linked to it, whose opinion groups it moves.

pub mod compute;
pub mod scheduler;
pub mod state_json;
pub mod subject;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use engine::VoteMatrix;
use engine::common_ground::{CommonGroundConfig, CommonGroundReport, RoutingInput, next_statement};
use model::{ConstituencyId, DialogueId, PriorityListId, StatementId};
use store::{NewSnapshot, Participant, Store, StoreError};
use tokio::sync::{broadcast, watch};

use crate::config::Config;
pub use crate::priorities::snapshot::PrioritySnapshot;
use crate::time::SharedClock;
pub use scheduler::{Recovered, RunOutcome};
use scheduler::{RunFn, Scheduler, Trigger};
pub use subject::{Subject, SubjectKind};

/// How many stale subjects the start-up recovery computes at once.
const RECOVERY_BATCH: u32 = 4;

/// What statement routing needs from the latest analysis of one dialogue.
struct RoutingData {
    matrix: VoteMatrix,
    routing_priorities: Vec<f64>,
    report: CommonGroundReport,
    statements: Vec<engine::StatementInfo>,
    group_of_participant: BTreeMap<u32, usize>,
    constituency_ids: Vec<ConstituencyId>,
}

type RoutingCache = Arc<RwLock<BTreeMap<DialogueId, Arc<RoutingData>>>>;

type PriorityCache = Arc<RwLock<BTreeMap<PriorityListId, Arc<PrioritySnapshot>>>>;

/// The background analysis of one server instance.
#[derive(Clone)]
pub struct AnalysisService {
    scheduler: Option<Scheduler<Subject>>,
    worker: Worker,
    dialogue_runs: broadcast::Sender<(DialogueId, RunOutcome)>,
    priority_runs: broadcast::Sender<(PriorityListId, RunOutcome)>,
    recovered: watch::Receiver<Option<Recovered>>,
}

#[derive(Clone)]
struct Worker {
    store: Arc<dyn Store>,
    clock: SharedClock,
    seed: u64,
    routing: RoutingCache,
    priorities: PriorityCache,
    /// The scheduler, once started: a dialogue's run notes its linked priority lists on it.
    scheduler: Arc<OnceLock<Scheduler<Subject>>>,
}

impl AnalysisService {
    /// Starts the scheduler and the start-up recovery of stale analyses (unless the
    /// configuration turns analysis off).
    pub fn start(store: Arc<dyn Store>, clock: SharedClock, config: &Config) -> AnalysisService {
        let worker = Worker {
            store,
            clock,
            seed: config.seed,
            routing: Arc::new(RwLock::new(BTreeMap::new())),
            priorities: Arc::new(RwLock::new(BTreeMap::new())),
            scheduler: Arc::new(OnceLock::new()),
        };
        let (dialogue_runs, _) = broadcast::channel(1024);
        let (priority_runs, _) = broadcast::channel(1024);
        let (recovery_done, recovered) = watch::channel(None);
        let scheduler = config.analysis_enabled.then(|| {
            let runner = worker.clone();
            let announce = dialogue_runs.clone();
            let announce_list = priority_runs.clone();
            let run: RunFn<Subject> = Arc::new(move |subject, trigger| {
                let runner = runner.clone();
                let announce = announce.clone();
                let announce_list = announce_list.clone();
                Box::pin(async move {
                    let outcome = runner.recompute(subject, trigger).await;
                    // Nobody may be listening; that is fine.
                    match subject {
                        Subject::Dialogue(dialogue) => {
                            let _ = announce.send((dialogue, outcome));
                        }
                        Subject::PriorityList(list) => {
                            let _ = announce_list.send((list, outcome));
                        }
                    }
                    outcome
                })
            });
            let scheduler = Scheduler::spawn(config.analysis_debounce, run);
            // Set once, here, before any run can read it.
            let _ = worker.scheduler.set(scheduler.clone());
            tokio::spawn(recover(scheduler.clone(), worker.clone(), recovery_done));
            scheduler
        });
        AnalysisService {
            scheduler,
            worker,
            dialogue_runs,
            priority_runs,
            recovered,
        }
    }

    /// Whether runs happen in the background (analysis is not turned off).
    pub fn is_running(&self) -> bool {
        self.scheduler.is_some()
    }

    /// Notes that a priority list changed; it will be ranked again in the background.
    pub fn priority_list_changed(&self, list: PriorityListId) {
        if let Some(scheduler) = &self.scheduler {
            scheduler.changed(Subject::PriorityList(list));
        }
    }

    /// Returns a receiver of every finished background run of a priority list, or `None` when
    /// analysis is off.
    pub fn subscribe_priority_lists(
        &self,
    ) -> Option<broadcast::Receiver<(PriorityListId, RunOutcome)>> {
        self.scheduler
            .as_ref()
            .map(|_| self.priority_runs.subscribe())
    }

    /// Returns the latest snapshot this instance holds of a priority list, current or not.
    pub fn priority_snapshot(&self, list: PriorityListId) -> Option<Arc<PrioritySnapshot>> {
        self.worker.priority_snapshot(list)
    }

    /// Keeps a snapshot computed on request, unless a newer one is already kept.
    pub fn keep_priority_snapshot(&self, snapshot: Arc<PrioritySnapshot>) {
        self.worker.keep_priority_snapshot(snapshot);
    }

    /// Ranks a priority list now and waits for it (used by tools and tests).
    pub async fn recompute_priority_list_now(&self, list: PriorityListId) -> RunOutcome {
        self.worker
            .recompute(Subject::PriorityList(list), Trigger::Change)
            .await
    }

    /// Notes that a dialogue changed; its analysis will be recomputed in the background.
    pub fn changed(&self, dialogue: DialogueId) {
        if let Some(scheduler) = &self.scheduler {
            scheduler.changed(Subject::Dialogue(dialogue));
        }
    }

    /// Returns a receiver of every finished background run of a dialogue, or `None` when
    /// analysis is off.
    pub fn subscribe(&self) -> Option<broadcast::Receiver<(DialogueId, RunOutcome)>> {
        self.scheduler
            .as_ref()
            .map(|_| self.dialogue_runs.subscribe())
    }

    /// Waits until the start-up recovery has finished and returns what it did, or `None` when
    /// analysis is off.
    pub async fn recovered(&self) -> Option<Recovered> {
        let mut recovered = self.recovered.clone();
        recovered
            .wait_for(Option::is_some)
            .await
            .ok()
            .and_then(|done| *done)
    }

    /// Stops starting analysis runs and waits up to `grace` for the running ones to finish;
    /// subjects still waiting are left stale in the store for the next start's recovery.
    pub async fn drain(&self, grace: std::time::Duration) {
        let Some(scheduler) = &self.scheduler else {
            return;
        };
        match tokio::time::timeout(grace, scheduler.drain()).await {
            Ok(0) => tracing::info!("analysis drained"),
            Ok(handed_on) => tracing::info!(
                handed_on,
                "analysis drained; the waiting subjects are left for the next start's recovery"
            ),
            Err(_) => tracing::warn!(
                grace_ms = grace.as_millis(),
                "an analysis run was still going after the grace period; the next start's recovery redoes it"
            ),
        }
    }

    /// Recomputes a dialogue's analysis now and waits for it (used by tools and tests).
    pub async fn recompute_now(&self, dialogue: DialogueId) -> RunOutcome {
        self.worker
            .recompute(Subject::Dialogue(dialogue), Trigger::Change)
            .await
    }

    /// Chooses the next statement for a participant with the engine's routing, or returns
    /// `None` when this instance holds no analysis of the dialogue.
    pub fn route(
        &self,
        participant: &Participant,
        eligible: &[StatementId],
        voted: &[StatementId],
        seed: u64,
    ) -> Option<StatementId> {
        let data = self
            .worker
            .routing
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&participant.dialogue)
            .cloned()?;
        let engine_id = |id: StatementId| u32::try_from(id.get()).ok().map(engine::StatementId);
        let eligible: Vec<engine::StatementId> =
            eligible.iter().filter_map(|&id| engine_id(id)).collect();
        let voted: Vec<engine::StatementId> =
            voted.iter().filter_map(|&id| engine_id(id)).collect();
        let participant_id = u32::try_from(participant.id.get()).ok()?;
        let constituencies: Vec<usize> = participant
            .constituencies
            .iter()
            .filter_map(|id| data.constituency_ids.iter().position(|known| known == id))
            .collect();
        let input = RoutingInput {
            matrix: &data.matrix,
            routing_priorities: &data.routing_priorities,
            report: &data.report,
            statements: &data.statements,
            eligible: &eligible,
            participant: engine::ParticipantId(participant_id),
            voted: &voted,
            group: data.group_of_participant.get(&participant_id).copied(),
            constituencies: &constituencies,
        };
        // A different draw for each request of each participant, reproducible from the seed.
        let seed = seed
            ^ u64::from(participant_id).rotate_left(32)
            ^ u64::try_from(voted.len()).unwrap_or(0);
        next_statement(&input, &CommonGroundConfig::default(), seed)
            .map(|id| StatementId(i64::from(id.0)))
    }
}

/// Recomputes, kind by kind, every subject whose snapshot is older than its revision, and
/// then tells [`AnalysisService::recovered`].
async fn recover(
    scheduler: Scheduler<Subject>,
    worker: Worker,
    done: watch::Sender<Option<Recovered>>,
) {
    let mut recovered = Recovered::default();
    for kind in SubjectKind::ALL {
        let listed = scheduler
            .recover_all(RECOVERY_BATCH, |limit| worker.stale(kind, limit))
            .await;
        recovered.add(listed);
    }
    if recovered != Recovered::default() {
        tracing::info!(?recovered, "stale analyses recovered after start");
    }
    // Nobody may be waiting; that is fine.
    let _ = done.send(Some(recovered));
}

impl Worker {
    /// Lists up to `limit` subjects of a kind whose analysis is stale, in a fixed order.
    async fn stale(&self, kind: SubjectKind, limit: u32) -> Result<Vec<Subject>, StoreError> {
        match kind {
            SubjectKind::Dialogue => Ok(self
                .store
                .dialogues_needing_analysis(limit)
                .await?
                .into_iter()
                .map(Subject::Dialogue)
                .collect()),
            SubjectKind::PriorityList => {
                let kept = self
                    .priorities
                    .read()
                    .unwrap_or_else(PoisonError::into_inner)
                    .iter()
                    .map(|(&list, snapshot)| (list, snapshot.revision))
                    .collect::<BTreeMap<_, _>>();
                Ok(self
                    .store
                    .compared_priority_lists()
                    .await?
                    .into_iter()
                    .filter(|(list, revision)| kept.get(list).is_none_or(|kept| kept < revision))
                    .take(usize::try_from(limit).unwrap_or(usize::MAX))
                    .map(|(list, _)| Subject::PriorityList(list))
                    .collect())
            }
        }
    }

    fn priority_snapshot(&self, list: PriorityListId) -> Option<Arc<PrioritySnapshot>> {
        self.priorities
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&list)
            .cloned()
    }

    fn keep_priority_snapshot(&self, snapshot: Arc<PrioritySnapshot>) {
        let mut kept = self
            .priorities
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        let newer = kept
            .get(&snapshot.list)
            .is_none_or(|held| held.revision <= snapshot.revision);
        if newer {
            kept.insert(snapshot.list, snapshot);
        }
    }

    /// Ranks a priority list unless the kept snapshot is current; returns the outcome and,
    /// when computed, the comparisons counted.
    async fn recompute_priority_list(
        &self,
        list: PriorityListId,
    ) -> Result<(RunOutcome, Option<u64>), crate::priorities::snapshot::SnapshotError> {
        let revision = match self.store.priority_list_revision(list).await {
            Ok(revision) => revision,
            // The list was deleted (with its partnership) since it was noted: nothing to do.
            Err(StoreError::NotFound(_)) => {
                self.priorities
                    .write()
                    .unwrap_or_else(PoisonError::into_inner)
                    .remove(&list);
                return Ok((RunOutcome::UpToDate, None));
            }
            Err(error) => return Err(error.into()),
        };
        if self
            .priority_snapshot(list)
            .is_some_and(|kept| kept.revision >= revision && !kept.is_outdated())
        {
            return Ok((RunOutcome::UpToDate, None));
        }
        let snapshot = crate::priorities::snapshot::compute(
            self.store.as_ref(),
            list,
            self.seed,
            self.clock.now_ms(),
        )
        .await?;
        let comparisons = snapshot.document.comparisons;
        self.keep_priority_snapshot(Arc::new(snapshot));
        Ok((RunOutcome::Computed, Some(comparisons)))
    }

    /// Notes, after a dialogue's analysis moved, the priority lists linked to it that this
    /// instance keeps: their opinion groups come from it.
    fn note_linked_lists(&self, dialogue: DialogueId) {
        let Some(scheduler) = self.scheduler.get() else {
            return;
        };
        let linked: Vec<PriorityListId> = self
            .priorities
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .filter(|snapshot| snapshot.dialogue == Some(dialogue))
            .map(|snapshot| {
                // The list's revision has not moved, but its groups may have.
                snapshot.mark_outdated();
                snapshot.list
            })
            .collect();
        for list in linked {
            scheduler.changed(Subject::PriorityList(list));
        }
    }

    /// Runs one recompute, then logs and counts it.
    async fn recompute(&self, subject: Subject, trigger: Trigger) -> RunOutcome {
        let started = tokio::time::Instant::now();
        let result = match subject {
            Subject::Dialogue(dialogue) => self
                .recompute_dialogue(dialogue, trigger)
                .await
                .map_err(anyhow::Error::new),
            Subject::PriorityList(list) => self
                .recompute_priority_list(list)
                .await
                .map_err(anyhow::Error::new),
        };
        let duration = started.elapsed();
        let (outcome, votes) = match result {
            Ok(ran) => ran,
            Err(error) => {
                tracing::error!(%subject, error = format!("{error:#}"), "analysis failed");
                (RunOutcome::Failed, None)
            }
        };
        let kind = subject.kind().name();
        crate::metrics::global().analysis_run(kind, outcome.name(), duration);
        tracing::info!(
            target: "commonground::analysis",
            subject = kind,
            id = subject.id(),
            trigger = trigger.name(),
            votes,
            duration_ms = duration.as_secs_f64() * 1000.0,
            outcome = outcome.name(),
            "analysis run"
        );
        outcome
    }

    /// Recomputes a dialogue if its snapshot is stale, or (for a change) if this instance holds
    /// no routing data for it yet; returns the outcome and, when computed, the votes counted.
    async fn recompute_dialogue(
        &self,
        dialogue: DialogueId,
        trigger: Trigger,
    ) -> Result<(RunOutcome, Option<u64>), compute::ComputeError> {
        let Some(lock) = self.store.try_lock_analysis(dialogue).await? else {
            return Ok((RunOutcome::Busy, None));
        };
        let has_routing = self
            .routing
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains_key(&dialogue);
        let wants_routing = trigger == Trigger::Change && !has_routing;
        if !self.store.analysis_is_stale(dialogue).await? && !wants_routing {
            lock.release().await?;
            return Ok((RunOutcome::UpToDate, None));
        }
        let revision = self.store.dialogue_revision(dialogue).await?;
        let input = compute::load(self.store.as_ref(), dialogue).await?;
        let seed = self.seed;
        let (output, input) = tokio::task::spawn_blocking(move || {
            let output = compute::run(&input, seed);
            (output, input)
        })
        .await?;
        let output = output?;
        let result_json = output.render(input.dialogue.settings.title.as_str(), seed)?;
        let n_votes = u64::try_from(input.votes.len()).unwrap_or(u64::MAX);
        self.store
            .save_snapshot(NewSnapshot {
                dialogue,
                revision,
                computed_at: self.clock.now_ms(),
                n_votes,
                result_json,
                engine_state: state_json::encode(&output.analysis.polis.state),
            })
            .await?;
        lock.release().await?;
        let group_of_participant = output
            .matrix
            .participants()
            .iter()
            .zip(&output.analysis.polis.group_of_row)
            .filter_map(|(participant, group)| group.map(|group| (participant.0, group)))
            .collect();
        let statements = output.statement_infos();
        let routing = RoutingData {
            routing_priorities: output.analysis.polis.routing_priorities.clone(),
            group_of_participant,
            constituency_ids: output.constituency_ids.clone(),
            matrix: output.matrix,
            report: output.analysis.common_ground,
            statements,
        };
        self.routing
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(dialogue, Arc::new(routing));
        self.note_linked_lists(dialogue);
        Ok((RunOutcome::Computed, Some(n_votes)))
    }
}
