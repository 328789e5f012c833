//! The Pol.is classic pipeline from the vote matrix to groups and statistics.
//!
//! [`run`] reproduces Pol.is's `math-pca2` in the agree = +1 frame: moderation sets, the
//! participants admitted to clustering (`in-conv`), PCA with the sparsity-aware projections,
//! statement projections and extremities, base clusters, opinion groups with the silhouette
//! choice of k and the k smoother, vote tallies per base cluster and group, representative
//! statements, consensus, group-informed consensus and statement routing priorities.
//!
//! Two deliberate departures from Pol.is: the components are exact (Pol.is approximates them by
//! power iteration, and by mini-batches above 10 000 participants), and the start vectors are
//! fixed rather than random, so the result is reproducible.
//!
//! A previous [`PolisState`] makes the run warm: see [`crate::state`] for what it carries.
//! Given the same matrix, statements, state and configuration the result is bit-identical.
//!
//! Odd data is not an error: an empty dialogue, a single participant or a matrix without
//! variance yields an analysis with [`AnalysisWarning`]s.

use std::collections::BTreeMap;

use crate::clusters::{self, BaseCluster, GroupCluster, GroupSettings};
use crate::pca::{self, Pca, PcaOptions};
use crate::state::{PolisState, StateComponents};
use crate::stats::{self, Consensus, RepnessEntry, Tally};
use crate::votes::{Moderation, ParticipantId, StatementId, StatementInfo, VoteMatrix};

/// Settings of the Pol.is pipeline; the defaults are Pol.is's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolisConfig {
    /// Seed for random choices. The pipeline currently makes none (its start vectors are
    /// fixed), so the seed does not change the result; it is part of the contract so that any
    /// future randomness stays reproducible.
    pub seed: u64,
    /// Number of base clusters (100).
    pub base_k: usize,
    /// Largest number of groups (5).
    pub max_k: usize,
    /// k-means iteration budget for base clusters (100).
    pub base_iters: usize,
    /// k-means iteration budget for groups (20: Pol.is passes its configured 100 under a key
    /// its k-means does not read, so the default of 20 applies).
    pub group_iters: usize,
    /// Consecutive silhouette wins a new k needs before the groups switch to it (4).
    pub k_buffer: u32,
    /// Votes that admit a participant to clustering, capped at the number of statements (7).
    pub min_votes_in_conv: usize,
    /// The most active participants are admitted until at least this many are in (15).
    pub min_in_conv: usize,
}

impl Default for PolisConfig {
    fn default() -> PolisConfig {
        PolisConfig {
            seed: 0,
            base_k: 100,
            max_k: 5,
            base_iters: 100,
            group_iters: 20,
            k_buffer: 4,
            min_votes_in_conv: 7,
            min_in_conv: 15,
        }
    }
}

/// A stage of the pipeline, reported to a progress callback as it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Moderation sets and vote counts.
    Matrix,
    /// Choosing the participants who are clustered.
    InConv,
    /// Centre and principal components.
    Pca,
    /// Participant and statement projections.
    Projection,
    /// Base clusters.
    BaseClusters,
    /// Opinion groups and the choice of k.
    Groups,
    /// Tallies, representative statements, consensus and routing priorities.
    Statistics,
}

impl Stage {
    /// Every stage, in the order the pipeline runs them.
    pub const ALL: [Stage; 7] = [
        Stage::Matrix,
        Stage::InConv,
        Stage::Pca,
        Stage::Projection,
        Stage::BaseClusters,
        Stage::Groups,
        Stage::Statistics,
    ];
}

/// Something about the data that limits what the analysis could find.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnalysisWarning {
    /// The matrix holds no votes.
    NoVotes,
    /// The centred votes have fewer than two directions of variance; the missing components
    /// are zero vectors.
    FewerThanTwoComponents {
        /// How many components exist.
        found: usize,
    },
    /// The component computation stopped at its iteration limit before meeting its tolerance.
    PcaNotConverged {
        /// Passes over the votes made.
        iterations: usize,
    },
    /// Fewer than two opinion groups could be formed (too few participants, or all alike).
    FewerThanTwoGroups {
        /// Participants admitted to clustering who have votes.
        clustered: usize,
        /// Groups formed.
        groups: usize,
    },
    /// The smoothed k had no clustering in this run (too few base clusters), so the best k of
    /// this run was used.
    SmoothedKUnavailable {
        /// The k the smoother held.
        smoothed_k: usize,
        /// The k used instead.
        used_k: usize,
    },
}

/// Votes of one group (Pol.is's `group-votes`).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupVotes {
    /// The group's id.
    pub id: usize,
    /// Participants in the group.
    pub n_members: usize,
    /// Votes of the group's members per column.
    pub votes: Vec<Tally>,
}

/// Everything Pol.is's `math-pca2` holds, in the agree = +1 frame, plus the state for the next
/// run.
///
/// Per-column vectors follow `tids`; per-row vectors follow `participants`.
#[derive(Clone, Debug, PartialEq)]
pub struct PolisAnalysis {
    /// Participants with at least one vote (matrix rows).
    pub n: usize,
    /// Statements with at least one vote (matrix columns), moderated-out ones included.
    pub n_cmts: usize,
    /// Participants in row order.
    pub participants: Vec<ParticipantId>,
    /// Statements in column order (ascending id).
    pub tids: Vec<StatementId>,
    /// Votes per participant, passes and votes on moderated-out statements included; ascending
    /// by participant.
    pub user_vote_counts: Vec<(ParticipantId, u32)>,
    /// Participants admitted to clustering, ascending (may include earlier participants whose
    /// votes are gone: the set never shrinks).
    pub in_conv: Vec<ParticipantId>,
    /// Statements moved out of the analysis (meta or rejected), ascending.
    pub mod_out: Vec<StatementId>,
    /// Statements moderated in (meta or accepted), ascending.
    pub mod_in: Vec<StatementId>,
    /// Meta statements, ascending.
    pub meta_tids: Vec<StatementId>,
    /// Latest vote timestamp seen in the votes.
    pub last_vote_timestamp: Option<i64>,
    /// Centre, components and their eigenvalues, per column.
    pub pca: Pca,
    /// Projection of every participant, per row.
    pub participant_projections: Vec<[f64; 2]>,
    /// Projection of every statement as a virtual participant agreeing with it alone.
    pub comment_projection: Vec<[f64; 2]>,
    /// Distance of each statement projection from the origin.
    pub comment_extremity: Vec<f64>,
    /// Base clusters, sorted by id.
    pub base_clusters: Vec<BaseCluster>,
    /// Opinion groups, sorted by id.
    pub group_clusters: Vec<GroupCluster>,
    /// Silhouette of every k tried.
    pub silhouettes: BTreeMap<usize, f64>,
    /// Votes of each base cluster per column, `[base cluster in id order][column]`.
    pub votes_base: Vec<Vec<Tally>>,
    /// Votes of each group, in the order of `group_clusters`.
    pub group_votes: Vec<GroupVotes>,
    /// Representative statements of each group, in the order of `group_clusters`.
    pub repness: Vec<Vec<RepnessEntry>>,
    /// Consensus statements over all participants.
    pub consensus: Consensus,
    /// Group-informed consensus per column (empty without groups).
    pub group_aware_consensus: Vec<f64>,
    /// Routing priority per column for choosing the next statement to show.
    pub routing_priorities: Vec<f64>,
    /// Group id of every row (`None` for participants who are not clustered).
    pub group_of_row: Vec<Option<usize>>,
    /// What the next run needs.
    pub state: PolisState,
    /// Limits of this analysis.
    pub warnings: Vec<AnalysisWarning>,
    /// (participant, row), ascending by participant.
    row_lookup: Vec<(ParticipantId, usize)>,
}

impl PolisAnalysis {
    /// Returns the matrix row of a participant, if they voted.
    pub fn row_of(&self, participant: ParticipantId) -> Option<usize> {
        self.row_lookup
            .binary_search_by_key(&participant, |&(id, _)| id)
            .ok()
            .map(|index| self.row_lookup[index].1)
    }

    /// Returns the id of a participant's group, if they are in one.
    pub fn group_of_participant(&self, participant: ParticipantId) -> Option<usize> {
        self.row_of(participant)
            .and_then(|row| self.group_of_row.get(row).copied().flatten())
    }

    /// Returns the projection of a participant, if they voted.
    pub fn projection_of(&self, participant: ParticipantId) -> Option<[f64; 2]> {
        self.row_of(participant)
            .and_then(|row| self.participant_projections.get(row).copied())
    }
}

/// Runs the Pol.is pipeline; see [`run_with_progress`].
pub fn run(
    matrix: &VoteMatrix,
    statements: &[StatementInfo],
    previous: Option<&PolisState>,
    config: &PolisConfig,
) -> PolisAnalysis {
    run_with_progress(matrix, statements, previous, config, &|_| {})
}

/// Moderation flags per column and the moderation lists.
struct ModerationSets {
    mod_out_column: Vec<bool>,
    is_meta_column: Vec<bool>,
    mod_out: Vec<StatementId>,
    mod_in: Vec<StatementId>,
    meta_tids: Vec<StatementId>,
}

fn moderation_sets(matrix: &VoteMatrix, statements: &[StatementInfo]) -> ModerationSets {
    // The first entry for a statement id counts.
    let mut infos: Vec<&StatementInfo> = statements.iter().collect();
    infos.sort_by_key(|info| info.id);
    infos.dedup_by_key(|info| info.id);
    let info_of = |statement: StatementId| {
        infos
            .binary_search_by_key(&statement, |info| info.id)
            .ok()
            .map(|index| infos[index])
    };
    let mod_out_column = matrix
        .statements()
        .iter()
        .map(|&s| info_of(s).is_some_and(StatementInfo::is_moderated_out))
        .collect();
    let is_meta_column = matrix
        .statements()
        .iter()
        .map(|&s| info_of(s).is_some_and(|info| info.is_meta))
        .collect();
    let select = |keep: fn(&StatementInfo) -> bool| -> Vec<StatementId> {
        infos
            .iter()
            .filter(|info| keep(info))
            .map(|info| info.id)
            .collect()
    };
    ModerationSets {
        mod_out_column,
        is_meta_column,
        mod_out: select(StatementInfo::is_moderated_out),
        mod_in: select(|info| info.is_meta || info.moderation == Moderation::Accepted),
        meta_tids: select(|info| info.is_meta),
    }
}

/// Returns the participants admitted to clustering, ascending: the previous set, everyone with
/// at least `min(min_votes, n_cmts)` votes, then the most active others (ties in row order)
/// until `min_in_conv` are in.
fn admit(
    previous: &[ParticipantId],
    participants: &[ParticipantId],
    counts: &[u32],
    n_cmts: usize,
    config: &PolisConfig,
) -> Vec<ParticipantId> {
    let mut admitted: Vec<ParticipantId> = previous.to_vec();
    admitted.sort_unstable();
    admitted.dedup();
    let threshold = config.min_votes_in_conv.min(n_cmts);
    let mut is_in: Vec<bool> = participants
        .iter()
        .map(|p| admitted.binary_search(p).is_ok())
        .collect();
    for (row, &count) in counts.iter().enumerate() {
        if !is_in[row] && count as usize >= threshold {
            is_in[row] = true;
            admitted.push(participants[row]);
        }
    }
    if admitted.len() < config.min_in_conv {
        let mut candidates: Vec<usize> = (0..participants.len()).filter(|&r| !is_in[r]).collect();
        // Stable: equal counts keep row order.
        candidates.sort_by(|&a, &b| counts[b].cmp(&counts[a]));
        let missing = config.min_in_conv - admitted.len();
        for row in candidates.into_iter().take(missing) {
            is_in[row] = true;
            admitted.push(participants[row]);
        }
    }
    admitted.sort_unstable();
    admitted.dedup();
    admitted
}

/// Runs the Pol.is pipeline, calling `progress` as each [`Stage`] starts.
///
/// `statements` gives moderation and meta flags; statements with votes but no entry count as
/// unmoderated, and for a repeated id the first entry counts. `previous` is the state of the
/// previous run of the same dialogue (`None` for a cold start).
pub fn run_with_progress(
    matrix: &VoteMatrix,
    statements: &[StatementInfo],
    previous: Option<&PolisState>,
    config: &PolisConfig,
    progress: &dyn Fn(Stage),
) -> PolisAnalysis {
    let mut warnings = Vec::new();
    progress(Stage::Matrix);
    let n = matrix.n_participants();
    let n_cmts = matrix.n_statements();
    let participants = matrix.participants().to_vec();
    let tids = matrix.statements().to_vec();
    if matrix.n_votes() == 0 {
        warnings.push(AnalysisWarning::NoVotes);
    }
    let moderation = moderation_sets(matrix, statements);
    let counts: Vec<u32> = (0..n)
        .map(|row| u32::try_from(matrix.row_len(row)).unwrap_or(u32::MAX))
        .collect();
    let mut row_lookup: Vec<(ParticipantId, usize)> = participants
        .iter()
        .enumerate()
        .map(|(row, &participant)| (participant, row))
        .collect();
    row_lookup.sort_unstable();
    let user_vote_counts = row_lookup
        .iter()
        .map(|&(participant, row)| (participant, counts[row]))
        .collect();

    progress(Stage::InConv);
    let previous_in_conv = previous.map_or(&[][..], |state| state.in_conv.as_slice());
    let in_conv = admit(previous_in_conv, &participants, &counts, n_cmts, config);

    progress(Stage::Pca);
    let previous_components = previous.and_then(|state| state.components_for(&tids));
    let pca = pca::principal_components(
        matrix,
        &moderation.mod_out_column,
        previous_components.as_ref(),
        &PcaOptions::default(),
    );
    if matrix.n_votes() > 0 && pca.n_components() < pca::N_COMPONENTS {
        warnings.push(AnalysisWarning::FewerThanTwoComponents {
            found: pca.n_components(),
        });
    }
    if !pca.converged {
        warnings.push(AnalysisWarning::PcaNotConverged {
            iterations: pca.iterations,
        });
    }

    progress(Stage::Projection);
    let participant_projections =
        pca::project_participants(matrix, &moderation.mod_out_column, &pca);
    let (comment_projection, comment_extremity) = pca::project_statements(&pca);

    progress(Stage::BaseClusters);
    let clustered_rows: Vec<usize> = (0..n)
        .filter(|&row| in_conv.binary_search(&participants[row]).is_ok())
        .collect();
    let points: Vec<[f64; 2]> = clustered_rows
        .iter()
        .map(|&row| participant_projections[row])
        .collect();
    let clustered: Vec<ParticipantId> = clustered_rows.iter().map(|&r| participants[r]).collect();
    let previous_base = previous.map_or(&[][..], |state| state.base_clusters.as_slice());
    let base_clusters = clusters::base_clusters(
        &points,
        &clustered,
        previous_base,
        config.base_k,
        config.base_iters,
    );

    progress(Stage::Groups);
    let empty_clusterings = BTreeMap::new();
    let previous_clusterings = previous.map_or(&empty_clusterings, |s| &s.group_clusterings);
    let previous_smoother = previous.map(|s| s.smoother).unwrap_or_default();
    let selection = clusters::group_clusters(
        &base_clusters,
        previous_clusterings,
        &previous_smoother,
        &GroupSettings {
            max_k: config.max_k,
            max_iters: config.group_iters,
            k_buffer: config.k_buffer,
        },
    );
    if selection.smoothed_k_unavailable
        && let (Some(smoothed_k), Some(used_k)) = (previous_smoother.smoothed_k, selection.chosen_k)
    {
        warnings.push(AnalysisWarning::SmoothedKUnavailable { smoothed_k, used_k });
    }
    let group_clusters = selection.groups.clone();
    if group_clusters.len() < 2 {
        warnings.push(AnalysisWarning::FewerThanTwoGroups {
            clustered: clustered.len(),
            groups: group_clusters.len(),
        });
    }

    progress(Stage::Statistics);
    // Row → base-cluster index (in id order) → group index (in id order).
    let mut base_of_row: Vec<Option<usize>> = vec![None; n];
    for (index, base) in base_clusters.iter().enumerate() {
        for participant in &base.members {
            if let Ok(found) = row_lookup.binary_search_by_key(participant, |&(id, _)| id) {
                base_of_row[row_lookup[found].1] = Some(index);
            }
        }
    }
    let mut group_of_base: Vec<Option<usize>> = vec![None; base_clusters.len()];
    for (index, group) in group_clusters.iter().enumerate() {
        for base_id in &group.members {
            if let Ok(position) = base_clusters.binary_search_by_key(base_id, |b| b.id) {
                group_of_base[position] = Some(index);
            }
        }
    }
    let group_index_of_row: Vec<Option<usize>> = base_of_row
        .iter()
        .map(|base| base.and_then(|b| group_of_base[b]))
        .collect();
    let group_of_row = group_index_of_row
        .iter()
        .map(|index| index.map(|i| group_clusters[i].id))
        .collect();

    let votes_base = stats::tallies_by_cluster(matrix, &base_of_row, base_clusters.len());
    let mut group_tallies: Vec<Vec<Tally>> =
        vec![vec![Tally::default(); n_cmts]; group_clusters.len()];
    let mut group_sizes = vec![0usize; group_clusters.len()];
    for (base_index, group) in group_of_base.iter().enumerate() {
        if let Some(group) = *group {
            group_sizes[group] += base_clusters[base_index].members.len();
            for (total, &tally) in group_tallies[group].iter_mut().zip(&votes_base[base_index]) {
                *total += tally;
            }
        }
    }
    let repness =
        stats::representativeness_from_tallies(&group_tallies, &tids, &moderation.mod_out_column);
    let consensus = stats::consensus(matrix, &moderation.mod_out_column);
    let group_aware_consensus = stats::group_informed_consensus(&group_tallies);
    let previous_totals = previous.map(|state| state.vote_totals_for(&tids));
    let routing_priorities = stats::routing_priorities(
        previous_totals.as_deref(),
        &comment_extremity,
        &moderation.is_meta_column,
    );
    let totals = stats::sum_over_groups(&group_tallies);
    let group_votes = group_clusters
        .iter()
        .zip(group_tallies)
        .zip(&group_sizes)
        .map(|((group, votes), &n_members)| GroupVotes {
            id: group.id,
            n_members,
            votes,
        })
        .collect();

    let group_clusterings = if selection.clusterings.is_empty() {
        // Nothing could be clustered this time; keep the previous clusterings for later runs.
        previous_clusterings.clone()
    } else {
        selection.clusterings
    };
    let state = PolisState {
        in_conv: in_conv.clone(),
        components: Some(StateComponents {
            statements: tids.clone(),
            vectors: pca.components.clone(),
        }),
        base_clusters: base_clusters.clone(),
        group_clusterings,
        smoother: selection.smoother,
        group_vote_totals: tids.iter().copied().zip(totals).collect(),
    };

    PolisAnalysis {
        n,
        n_cmts,
        participants,
        tids,
        user_vote_counts,
        in_conv,
        mod_out: moderation.mod_out,
        mod_in: moderation.mod_in,
        meta_tids: moderation.meta_tids,
        last_vote_timestamp: matrix.last_vote_timestamp(),
        pca,
        participant_projections,
        comment_projection,
        comment_extremity,
        base_clusters,
        group_clusters,
        silhouettes: selection.silhouettes,
        votes_base,
        group_votes,
        repness,
        consensus,
        group_aware_consensus,
        routing_priorities,
        group_of_row,
        state,
        warnings,
        row_lookup,
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::votes::{Vote, VoteRecord};

    fn matrix(cells: &[(u32, u32, i8)]) -> VoteMatrix {
        let records: Vec<VoteRecord> = cells
            .iter()
            .map(|&(participant, statement, value)| VoteRecord {
                participant: ParticipantId(participant),
                statement: StatementId(statement),
                vote: Vote::from_value(value).unwrap(),
                timestamp: 0,
            })
            .collect();
        VoteMatrix::from_records(&records)
    }

    fn info(id: u32, moderation: Moderation, is_meta: bool) -> StatementInfo {
        StatementInfo {
            id: StatementId(id),
            moderation,
            is_meta,
            author: None,
        }
    }

    /// Two camps of `per_camp` participants who disagree on every statement but the last.
    fn two_camps(per_camp: u32, statements: u32) -> VoteMatrix {
        let mut cells = Vec::new();
        for participant in 0..2 * per_camp {
            let camp = if participant < per_camp { 1 } else { -1 };
            for statement in 0..statements {
                let value = if statement + 1 == statements {
                    1
                } else if (statement + participant) % 5 == 0 {
                    0
                } else {
                    camp
                };
                cells.push((participant, statement, value));
            }
        }
        matrix(&cells)
    }

    #[test]
    fn an_empty_dialogue_gives_an_empty_analysis_with_a_warning() {
        let analysis = run(&matrix(&[]), &[], None, &PolisConfig::default());
        assert_eq!(analysis.n, 0);
        assert!(analysis.base_clusters.is_empty());
        assert!(analysis.group_clusters.is_empty());
        assert!(analysis.routing_priorities.is_empty());
        assert_eq!(
            analysis.warnings,
            vec![
                AnalysisWarning::NoVotes,
                AnalysisWarning::FewerThanTwoGroups {
                    clustered: 0,
                    groups: 0
                }
            ]
        );
    }

    #[test]
    fn a_lone_participant_is_analysed_without_components_or_groups() {
        let analysis = run(
            &matrix(&[(4, 1, 1), (4, 2, -1)]),
            &[],
            None,
            &PolisConfig::default(),
        );
        assert_eq!(analysis.in_conv, vec![ParticipantId(4)]);
        assert_eq!(analysis.participant_projections, vec![[0.0, 0.0]]);
        assert!(
            analysis
                .warnings
                .contains(&AnalysisWarning::FewerThanTwoComponents { found: 0 })
        );
        assert!(
            analysis
                .warnings
                .contains(&AnalysisWarning::FewerThanTwoGroups {
                    clustered: 1,
                    groups: 1
                })
        );
    }

    #[test]
    fn two_camps_become_two_groups() {
        let m = two_camps(10, 8);
        let analysis = run(&m, &[], None, &PolisConfig::default());
        assert_eq!(analysis.group_clusters.len(), 2);
        assert!(analysis.warnings.is_empty(), "{:?}", analysis.warnings);
        let group_of = |p: u32| analysis.group_of_participant(ParticipantId(p)).unwrap();
        for p in 1..10 {
            assert_eq!(group_of(p), group_of(0));
            assert_eq!(group_of(p + 10), group_of(10));
        }
        assert_ne!(group_of(0), group_of(10));
        // The statement everyone agrees with is consensus and has the highest group-informed
        // consensus.
        assert_eq!(analysis.consensus.agree[0].statement, StatementId(7));
        let top = analysis
            .group_aware_consensus
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .unwrap()
            .0;
        assert_eq!(top, 7);
        // Group votes add up to the group sizes.
        for votes in &analysis.group_votes {
            assert_eq!(votes.n_members, 10);
            assert_eq!(votes.votes[7].seen, 10);
        }
    }

    #[test]
    fn the_progress_callback_sees_every_stage_in_order() {
        let seen = RefCell::new(Vec::new());
        run_with_progress(
            &two_camps(5, 4),
            &[],
            None,
            &PolisConfig::default(),
            &|stage| seen.borrow_mut().push(stage),
        );
        assert_eq!(seen.into_inner(), Stage::ALL.to_vec());
    }

    #[test]
    fn moderation_lists_cover_statements_without_votes_and_the_first_entry_counts() {
        let statements = [
            info(3, Moderation::Rejected, false),
            info(1, Moderation::Accepted, false),
            info(9, Moderation::Unmoderated, true),
            info(1, Moderation::Rejected, false),
        ];
        let analysis = run(
            &matrix(&[(1, 1, 1), (2, 1, -1), (1, 3, 1)]),
            &statements,
            None,
            &PolisConfig::default(),
        );
        assert_eq!(analysis.mod_out, vec![StatementId(3), StatementId(9)]);
        assert_eq!(analysis.mod_in, vec![StatementId(1), StatementId(9)]);
        assert_eq!(analysis.meta_tids, vec![StatementId(9)]);
        // Statement 3 is moderated out, so its column reads 0 everywhere.
        assert_eq!(analysis.pca.center, vec![0.0, 0.0]);
        assert_eq!(analysis.routing_priorities.len(), 2);
    }

    #[test]
    fn admission_needs_seven_votes_then_tops_up_by_activity_in_row_order() {
        // 20 statements; participant p casts p + 1 votes, so only 6.. reach 7 votes.
        let mut cells = Vec::new();
        for participant in 0..20u32 {
            for statement in 0..=participant.min(19) {
                cells.push((participant, statement, 1));
            }
        }
        let m = matrix(&cells);
        let config = PolisConfig::default();
        let analysis = run(&m, &[], None, &config);
        let admitted: Vec<u32> = analysis.in_conv.iter().map(|p| p.0).collect();
        assert_eq!(admitted, (5..20).collect::<Vec<_>>());

        // Ties at the cut-off go to the earlier row; a previous admission is kept.
        let flat = matrix(&[(8, 1, 1), (3, 1, 1), (5, 2, 1), (1, 2, -1)]);
        let small = PolisConfig {
            min_in_conv: 2,
            ..PolisConfig::default()
        };
        let previous = PolisState {
            in_conv: vec![ParticipantId(42)],
            ..PolisState::default()
        };
        let analysis = run(&flat, &[], Some(&previous), &small);
        // Rows are 3, 8 (statement 1) then 1, 5; one more than the previous member is needed.
        assert_eq!(analysis.in_conv, vec![ParticipantId(3), ParticipantId(42)]);
    }

    #[test]
    fn a_held_k_without_a_clustering_falls_back_with_a_warning() {
        let m = two_camps(6, 6);
        let previous = PolisState {
            smoother: clusters::KSmoother {
                last_k: Some(5),
                last_k_count: 9,
                smoothed_k: Some(5),
            },
            ..PolisState::default()
        };
        let analysis = run(&m, &[], Some(&previous), &PolisConfig::default());
        assert_eq!(analysis.group_clusters.len(), 2);
        assert!(
            analysis
                .warnings
                .contains(&AnalysisWarning::SmoothedKUnavailable {
                    smoothed_k: 5,
                    used_k: 2
                })
        );
    }

    #[test]
    fn routing_priorities_read_the_previous_runs_group_votes() {
        let m = two_camps(8, 5);
        let cold = run(&m, &[], None, &PolisConfig::default());
        let warm = run(&m, &[], Some(&cold.state), &PolisConfig::default());
        let expected_cold = stats::routing_priorities(None, &cold.comment_extremity, &[false; 5]);
        assert_eq!(cold.routing_priorities, expected_cold);
        let totals = stats::sum_over_groups(
            &cold
                .group_votes
                .iter()
                .map(|g| g.votes.clone())
                .collect::<Vec<_>>(),
        );
        let expected_warm =
            stats::routing_priorities(Some(&totals), &warm.comment_extremity, &[false; 5]);
        assert_eq!(warm.routing_priorities, expected_warm);
        assert_ne!(warm.routing_priorities, cold.routing_priorities);
    }
}
