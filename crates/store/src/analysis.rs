//! Analysis: a dialogue's revision counter, its latest snapshot, the list of stale dialogues
//! and the analysis lock.
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. The records do
//! not derive `Serialize`: the server owns the JSON shapes.

use std::collections::BTreeMap;

use async_trait::async_trait;
use model::DialogueId;

use crate::lock::AnalysisLock;
use crate::store::StoreResult;

/// A dialogue's change counter: it grows with every vote event, statement, moderation decision,
/// membership change or erasure, so an analysis computed at revision `r` is stale once the
/// dialogue's revision is greater than `r`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Revision(pub i64);

/// An analysis result to keep as a dialogue's latest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSnapshot {
    /// The dialogue analysed.
    pub dialogue: DialogueId,
    /// The dialogue's revision read before the votes were loaded for this analysis.
    pub revision: Revision,
    /// When the analysis finished.
    pub computed_at: i64,
    /// How many latest votes it was computed from.
    pub n_votes: u64,
    /// The result, serialised by the server.
    pub result_json: String,
    /// Engine state for warm-starting the next run, serialised by the server.
    pub engine_state: Vec<u8>,
}

/// A dialogue's latest stored analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalysisSnapshot {
    /// The dialogue analysed.
    pub dialogue: DialogueId,
    /// Counts the snapshots saved for this dialogue: 1 for the first, then 2, 3, ...
    pub version: i64,
    /// The dialogue's revision the analysis reflects.
    pub revision: Revision,
    /// When the analysis finished.
    pub computed_at: i64,
    /// How many latest votes it was computed from.
    pub n_votes: u64,
    /// The result, as the server serialised it.
    pub result_json: String,
    /// Engine state for warm-starting the next run.
    pub engine_state: Vec<u8>,
}

/// What the background analysis reads and writes.
#[async_trait]
pub trait AnalysisStore: Send + Sync {
    /// Returns a dialogue's change counter; reading it is cheap.
    async fn dialogue_revision(&self, dialogue: DialogueId) -> StoreResult<Revision>;

    /// Lists up to `limit` dialogues whose revision has moved past their latest snapshot's (or
    /// that have votes but no snapshot), in id order.
    async fn dialogues_needing_analysis(&self, limit: u32) -> StoreResult<Vec<DialogueId>>;

    /// Stores a dialogue's latest analysis, replacing the previous one, and returns its
    /// version. Callers hold the dialogue's analysis lock while computing and saving.
    async fn save_snapshot(&self, snapshot: NewSnapshot) -> StoreResult<i64>;

    /// Returns a dialogue's latest analysis, if one was saved.
    async fn load_snapshot(&self, dialogue: DialogueId) -> StoreResult<Option<AnalysisSnapshot>>;

    /// Returns whether the dialogue changed since its latest snapshot (true when there is none).
    async fn analysis_is_stale(&self, dialogue: DialogueId) -> StoreResult<bool>;

    /// Tries to become the only one computing this dialogue's analysis: `Some(lock)` when no
    /// other holder (in any process sharing the database) has it, `None` otherwise. The lock is
    /// released by [`AnalysisLock::release`] or when dropped. On PostgreSQL each call opens a
    /// connection of its own, which a successful call keeps until the lock is released.
    async fn try_lock_analysis(&self, dialogue: DialogueId) -> StoreResult<Option<AnalysisLock>>;

    /// Returns the convenors' labels of a dialogue's opinion groups, by the clustering's group
    /// id. Labels outlive analyses: a label stays under its group id whatever the next
    /// analysis finds, and the reader decides what to show for ids no group has.
    async fn group_labels(&self, dialogue: DialogueId) -> StoreResult<BTreeMap<i64, String>>;

    /// Sets (`Some`) or removes (`None`) the label of one opinion group of a dialogue.
    async fn set_group_label(
        &self,
        dialogue: DialogueId,
        group: i64,
        label: Option<&str>,
    ) -> StoreResult<()>;
}
