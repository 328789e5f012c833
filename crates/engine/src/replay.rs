//! Reconstructs a conversation's Pol.is history from the vote timestamps.
//!
//! Pol.is's results depend on the order in which votes arrived, not only on the votes. Its math
//! worker polls for new votes about once a second and runs the pipeline warm on each batch, so
//! base-cluster ids record the order in which participants came (the group k-means then starts
//! from the first base clusters in id order), and the set of participants admitted to
//! clustering keeps everyone who was ever admitted. A single cold run over the final votes
//! numbers base clusters in matrix row order instead, and can put participants into other
//! groups than Pol.is did.
//!
//! [`run`] replays the history: it sorts the votes by timestamp, cuts time into windows of
//! `cadence_ms` from the first vote, and runs the pipeline warm at the end of every window
//! that holds votes (empty windows are skipped, as a poll that finds nothing does no work).
//! A last run then starts from that state with the per-k group clusterings and the k smoother
//! cleared, because that is what Pol.is keeps when its worker reloads a conversation from the
//! database: base clusters, the admitted participants, the components and the chosen groups,
//! but not the clusterings of every k nor the smoother, so the groups start cold from the
//! stored base clusters in id order. [`history`] stops before that last run and returns its
//! starting state, for callers who run the whole analysis from it.
//!
//! Limits:
//!
//! * The cadence matters. Pol.is polls every second ([`POLIS_CADENCE_MS`]); on the bundled
//!   fixtures cadences from 0.5 s to 5 s give the same groups, and windows of many seconds give
//!   other ones. The live worker's real batches also depended on load, which the votes do not
//!   record.
//! * Moderation has no timestamps here: every run uses the statements' final moderation.
//! * Matrix rows keep the engine's documented order (by first statement voted on), whereas
//!   Pol.is appends rows in arrival order. With more than 100 participants in clustering,
//!   base clusters hold several participants and depend on such details, and on participants
//!   Pol.is admitted for reasons the votes do not show: on the bundled `above-100-ptpts` the
//!   replay is further from Pol.is's groups than a cold run.
//! * Each run rebuilds the matrix from the votes so far, so the cost is the number of runs
//!   times a run on the votes of that moment. When the votes fall into more than
//!   `max_runs` windows, adjacent windows are merged (runs are taken every
//!   `ceil(windows / max_runs)` windows, and always at the last one) so that at most
//!   `max_runs` warm runs happen; [`ReplayedHistory::windows`] and
//!   [`ReplayedHistory::warm_runs`] say whether that happened.
//!
//! The replay is pure and deterministic: the same votes (in the same input order for votes
//! with equal timestamps), statements and settings give the same result.

use std::collections::BTreeMap;

use crate::clusters::KSmoother;
use crate::pipeline::{self, PolisAnalysis, PolisConfig, Stage};
use crate::state::PolisState;
use crate::votes::{StatementInfo, VoteMatrix, VoteRecord};

/// Pol.is's math worker polls for new votes about every 1000 ms.
pub const POLIS_CADENCE_MS: u32 = 1000;

/// The default cap on warm runs, which bounds the cost of a replay.
pub const DEFAULT_MAX_RUNS: usize = 2000;

/// Settings of a replay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplayConfig {
    /// Length of a window in milliseconds; a warm run happens at the end of each window that
    /// holds votes. Zero is read as 1 ms.
    pub cadence_ms: u32,
    /// The most warm runs to make; more windows than this are merged. Zero is read as 1.
    pub max_runs: usize,
}

impl Default for ReplayConfig {
    fn default() -> ReplayConfig {
        ReplayConfig {
            cadence_ms: POLIS_CADENCE_MS,
            max_runs: DEFAULT_MAX_RUNS,
        }
    }
}

/// A step of a replay, reported to a progress callback as it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplayStage {
    /// A warm run over the votes up to the end of a window.
    Window {
        /// The run's position, from 1.
        run: usize,
        /// How many warm runs the replay makes.
        of: usize,
    },
    /// A stage of the final run, which starts from the reloaded state.
    Final(Stage),
}

/// The state a replay ends with, before its final run.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplayedHistory {
    /// The state the final run starts from: the last warm run's state without its per-k group
    /// clusterings and k smoother, as after Pol.is reloads a conversation; `None` when there
    /// were no votes.
    pub state: Option<PolisState>,
    /// Windows that held votes.
    pub windows: usize,
    /// Warm runs made (fewer than `windows` when windows were merged).
    pub warm_runs: usize,
}

/// The final analysis of a replay with what the replay did.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    /// The final run's analysis, with the state for the next run.
    pub analysis: PolisAnalysis,
    /// Windows that held votes.
    pub windows: usize,
    /// Warm runs made before the final run.
    pub warm_runs: usize,
}

/// Returns the votes in time order (a stable sort, so votes with equal timestamps keep their
/// input order and the latest-vote rule sees them as the whole-input matrix does) and the end
/// of every window that holds votes, as an exclusive index into those votes.
fn window_ends(records: &[VoteRecord], cadence_ms: u32) -> (Vec<VoteRecord>, Vec<usize>) {
    let mut sorted = records.to_vec();
    sorted.sort_by_key(|record| record.timestamp);
    let Some(first) = sorted.first().map(|record| record.timestamp) else {
        return (sorted, Vec::new());
    };
    let cadence = i128::from(cadence_ms.max(1));
    let window_of =
        |record: &VoteRecord| (i128::from(record.timestamp) - i128::from(first)) / cadence;
    let mut ends = Vec::new();
    for index in 1..=sorted.len() {
        let is_last_of_window =
            index == sorted.len() || window_of(&sorted[index]) != window_of(&sorted[index - 1]);
        if is_last_of_window {
            ends.push(index);
        }
    }
    (sorted, ends)
}

/// Keeps at most `max_runs` window ends: every `ceil(len / max_runs)`-th one, and the last.
fn merge_windows(ends: &[usize], max_runs: usize) -> Vec<usize> {
    let max_runs = max_runs.max(1);
    if ends.len() <= max_runs {
        return ends.to_vec();
    }
    let step = ends.len().div_ceil(max_runs);
    let mut kept: Vec<usize> = ends.iter().skip(step - 1).step_by(step).copied().collect();
    if kept.last() != ends.last() {
        kept.extend(ends.last());
    }
    kept
}

/// Returns a state as Pol.is holds it after reloading a conversation from its database: the
/// per-k group clusterings and the k smoother are gone, everything else is kept.
pub fn reloaded(state: &PolisState) -> PolisState {
    PolisState {
        group_clusterings: BTreeMap::new(),
        smoother: KSmoother::default(),
        ..state.clone()
    }
}

/// Replays the votes window by window and returns the state the final run starts from; see
/// the module documentation. `progress` hears of each warm run as it starts.
pub fn history(
    records: &[VoteRecord],
    statements: &[StatementInfo],
    config: &PolisConfig,
    replay: &ReplayConfig,
    progress: &dyn Fn(ReplayStage),
) -> ReplayedHistory {
    let (sorted, ends) = window_ends(records, replay.cadence_ms);
    let runs = merge_windows(&ends, replay.max_runs);
    let mut state: Option<PolisState> = None;
    for (position, &end) in runs.iter().enumerate() {
        progress(ReplayStage::Window {
            run: position + 1,
            of: runs.len(),
        });
        let matrix = VoteMatrix::from_records(&sorted[..end]);
        let analysis = pipeline::run(&matrix, statements, state.as_ref(), config);
        state = Some(analysis.state);
    }
    ReplayedHistory {
        state: state.as_ref().map(reloaded),
        windows: ends.len(),
        warm_runs: runs.len(),
    }
}

/// Replays the votes and runs the pipeline once more on all of them from the reloaded state;
/// see [`run_with_progress`].
pub fn run(
    records: &[VoteRecord],
    statements: &[StatementInfo],
    config: &PolisConfig,
    replay: &ReplayConfig,
) -> Replay {
    run_with_progress(records, statements, config, replay, &|_| {})
}

/// Replays the votes window by window, then runs the pipeline on all of them from the state a
/// reload leaves, calling `progress` as each warm run and each stage of the final run starts.
///
/// The final analysis has the same matrix, and so the same vote-level results, as
/// [`pipeline::run`] on the same votes; what the history changes is who is admitted to
/// clustering, the base-cluster ids and, through them, the groups.
pub fn run_with_progress(
    records: &[VoteRecord],
    statements: &[StatementInfo],
    config: &PolisConfig,
    replay: &ReplayConfig,
    progress: &dyn Fn(ReplayStage),
) -> Replay {
    let replayed = history(records, statements, config, replay, progress);
    let matrix = VoteMatrix::from_records(records);
    let analysis = pipeline::run_with_progress(
        &matrix,
        statements,
        replayed.state.as_ref(),
        config,
        &|stage| progress(ReplayStage::Final(stage)),
    );
    Replay {
        analysis,
        windows: replayed.windows,
        warm_runs: replayed.warm_runs,
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::clusters::GroupCluster;
    use crate::votes::{ParticipantId, StatementId, Vote};

    fn vote(participant: u32, statement: u32, value: i8, timestamp: i64) -> VoteRecord {
        VoteRecord {
            participant: ParticipantId(participant),
            statement: StatementId(statement),
            vote: Vote::from_value(value).unwrap(),
            timestamp,
        }
    }

    /// Two camps of five who arrive one participant per second, in descending id order, and
    /// vote on six statements: the camps disagree on all but the last, and each participant
    /// passes on a different number of the first ones, so that no two stand at the same place.
    fn arrivals() -> Vec<VoteRecord> {
        let mut records = Vec::new();
        for (arrival, participant) in (0..10u32).rev().enumerate() {
            let camp = if participant < 5 { 1 } else { -1 };
            for statement in 0..6u32 {
                let value = match statement {
                    5 => 1,
                    _ if statement < participant % 5 => 0,
                    _ => camp,
                };
                let at = i64::try_from(arrival).unwrap() * 1000 + i64::from(statement);
                records.push(vote(participant, statement, value, at));
            }
        }
        records
    }

    #[test]
    fn windows_start_at_the_first_vote_and_empty_ones_are_skipped() {
        let records = [
            vote(1, 1, 1, 9_999),
            vote(1, 2, 1, 5_000),
            vote(2, 1, -1, 6_000),
            vote(2, 2, 0, 5_999),
            vote(3, 1, 1, 9_500),
        ];
        let (sorted, ends) = window_ends(&records, 1000);
        let times: Vec<i64> = sorted.iter().map(|record| record.timestamp).collect();
        assert_eq!(times, vec![5_000, 5_999, 6_000, 9_500, 9_999]);
        // Windows [5000, 6000), [6000, 7000) and [9000, 10000) hold votes; two are empty.
        assert_eq!(ends, vec![2, 3, 5]);
        let (_, coarse) = window_ends(&records, 5000);
        assert_eq!(coarse, vec![5]);
        // A zero cadence is read as 1 ms rather than dividing by zero.
        let (_, finest) = window_ends(&records, 0);
        assert_eq!(finest, vec![1, 2, 3, 4, 5]);
        assert_eq!(window_ends(&[], 1000).1, Vec::<usize>::new());
    }

    #[test]
    fn timestamps_far_apart_do_not_overflow() {
        let records = [vote(1, 1, 1, i64::MIN), vote(1, 2, 1, i64::MAX)];
        assert_eq!(window_ends(&records, 1).1, vec![1, 2]);
    }

    #[test]
    fn more_windows_than_the_cap_are_merged_and_the_last_is_kept() {
        let ends: Vec<usize> = (1..=10).collect();
        assert_eq!(merge_windows(&ends, 3), vec![4, 8, 10]);
        assert_eq!(merge_windows(&ends, 5), vec![2, 4, 6, 8, 10]);
        assert_eq!(merge_windows(&ends, 10), ends);
        assert_eq!(merge_windows(&ends, 0), vec![10]);
        let replay = run(
            &arrivals(),
            &[],
            &PolisConfig::default(),
            &ReplayConfig {
                max_runs: 4,
                ..ReplayConfig::default()
            },
        );
        assert_eq!((replay.windows, replay.warm_runs), (10, 4));
    }

    #[test]
    fn a_reload_forgets_the_clusterings_of_every_k_and_the_smoother_only() {
        let warm = pipeline::run(
            &VoteMatrix::from_records(&arrivals()),
            &[],
            None,
            &PolisConfig::default(),
        )
        .state;
        assert!(!warm.group_clusterings.is_empty());
        assert_ne!(warm.smoother, KSmoother::default());
        let reloaded = reloaded(&warm);
        assert_eq!(
            reloaded.group_clusterings,
            BTreeMap::<usize, Vec<GroupCluster>>::new()
        );
        assert_eq!(reloaded.smoother, KSmoother::default());
        assert_eq!(reloaded.in_conv, warm.in_conv);
        assert_eq!(reloaded.components, warm.components);
        assert_eq!(reloaded.base_clusters, warm.base_clusters);
        assert_eq!(reloaded.group_vote_totals, warm.group_vote_totals);
    }

    #[test]
    fn the_final_run_starts_from_the_reloaded_state_of_the_last_window() {
        let records = arrivals();
        let config = PolisConfig::default();
        // By hand: one warm run per second, then the reload.
        let mut state: Option<PolisState> = None;
        for arrived in 1..=10 {
            let matrix = VoteMatrix::from_records(&records[..arrived * 6]);
            state = Some(pipeline::run(&matrix, &[], state.as_ref(), &config).state);
        }
        let expected_start = reloaded(&state.unwrap());
        let replayed = history(&records, &[], &config, &ReplayConfig::default(), &|_| {});
        assert_eq!(replayed.state.as_ref(), Some(&expected_start));
        assert_eq!((replayed.windows, replayed.warm_runs), (10, 10));

        let replay = run(&records, &[], &config, &ReplayConfig::default());
        let expected = pipeline::run(
            &VoteMatrix::from_records(&records),
            &[],
            Some(&expected_start),
            &config,
        );
        assert_eq!(replay.analysis, expected);
    }

    #[test]
    fn base_cluster_ids_follow_arrival_where_a_cold_run_follows_rows() {
        let records = arrivals();
        let config = PolisConfig::default();
        let base_id_of = |analysis: &PolisAnalysis, participant: u32| -> usize {
            analysis
                .base_clusters
                .iter()
                .find(|base| base.members.contains(&ParticipantId(participant)))
                .expect("every participant is clustered")
                .id
        };
        let cold = pipeline::run(&VoteMatrix::from_records(&records), &[], None, &config);
        let replay = run(&records, &[], &config, &ReplayConfig::default()).analysis;
        for participant in 0..10u32 {
            // Rows are in ascending id (everyone voted on statement 0); participant 9 came
            // first.
            assert_eq!(base_id_of(&cold, participant), participant as usize);
            assert_eq!(base_id_of(&replay, participant), 9 - participant as usize);
        }
    }

    #[test]
    fn without_votes_the_replay_is_a_cold_run() {
        let config = PolisConfig::default();
        let replay = run(&[], &[], &config, &ReplayConfig::default());
        assert_eq!((replay.windows, replay.warm_runs), (0, 0));
        let cold = pipeline::run(&VoteMatrix::from_records(&[]), &[], None, &config);
        assert_eq!(replay.analysis, cold);
    }

    #[test]
    fn of_equal_timestamps_the_later_record_counts_as_in_a_plain_run() {
        let config = PolisConfig::default();
        // Participant 2 agrees; participant 1 votes twice at the same moment.
        for (first, second, center) in [(1, -1, 0.0), (-1, 1, 1.0)] {
            let records = [
                vote(1, 1, first, 7),
                vote(2, 1, 1, 3),
                vote(1, 1, second, 7),
            ];
            let replay = run(&records, &[], &config, &ReplayConfig::default());
            assert_eq!(replay.analysis.pca.center, vec![center]);
            let plain = pipeline::run(&VoteMatrix::from_records(&records), &[], None, &config);
            assert_eq!(replay.analysis.pca.center, plain.pca.center);
        }
    }

    #[test]
    fn progress_reports_every_warm_run_then_the_final_stages() {
        let seen = RefCell::new(Vec::new());
        run_with_progress(
            &arrivals(),
            &[],
            &PolisConfig::default(),
            &ReplayConfig {
                cadence_ms: 4000,
                max_runs: 2,
            },
            &|stage| seen.borrow_mut().push(stage),
        );
        let mut expected = vec![
            ReplayStage::Window { run: 1, of: 2 },
            ReplayStage::Window { run: 2, of: 2 },
        ];
        expected.extend(Stage::ALL.map(ReplayStage::Final));
        assert_eq!(seen.into_inner(), expected);
    }
}
