//! The whole analysis of one dialogue: the Pol.is pipeline, the bridging model and common
//! ground with equal weight, run in that order on the same votes.
//!
//! The command line and the server both call [`run`], so a dialogue analysed from a file and
//! the same dialogue analysed live give the same answer.
//!
//! The participants' analysis weights ([`common_ground::weights`]) are computed once here and
//! used by every tally of common ground; the Pol.is pipeline (PCA, groups, representativeness,
//! Pol.is's group-informed consensus) stays head-count so that it still reproduces Pol.is.

use std::collections::BTreeMap;

use crate::bridging::{self, BalancedBridging, BridgingConfig, BridgingResult, StatementBridging};
use crate::common_ground::{
    self, CommonGroundConfig, CommonGroundInput, CommonGroundReport, Constituency,
    ParticipantWeights, RepFor, Weighting,
};
use crate::pipeline::{self, PolisAnalysis, PolisConfig, Stage};
use crate::state::PolisState;
use crate::stats::Repful;
use crate::votes::{ParticipantId, StatementId, StatementInfo, VoteMatrix};

/// Settings of every part of the analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct AnalysisConfig {
    /// The Pol.is pipeline.
    pub polis: PolisConfig,
    /// The bridging model.
    pub bridging: BridgingConfig,
    /// Common ground, differences, voice audit and routing.
    pub common_ground: CommonGroundConfig,
}

impl AnalysisConfig {
    /// Returns the default settings with one seed for every randomised part.
    pub fn with_seed(seed: u64) -> AnalysisConfig {
        AnalysisConfig {
            polis: PolisConfig {
                seed,
                ..PolisConfig::default()
            },
            bridging: BridgingConfig {
                seed,
                ..BridgingConfig::default()
            },
            common_ground: CommonGroundConfig::default(),
        }
    }
}

/// Everything one analysis reads besides its settings.
#[derive(Clone, Copy, Debug)]
pub struct AnalysisInput<'a> {
    /// The latest votes.
    pub matrix: &'a VoteMatrix,
    /// Moderation, meta flag and author of every statement, voted on or not.
    pub statements: &'a [StatementInfo],
    /// Every participant known to the dialogue, including those who have not voted yet.
    pub participants: &'a [ParticipantId],
    /// The constituencies the dialogue wants to hear.
    pub constituencies: &'a [Constituency],
    /// Each participant's constituencies by index into `constituencies`.
    pub memberships: &'a [(ParticipantId, Vec<usize>)],
    /// The state left by the previous analysis of the same dialogue (`None`: cold start).
    pub previous: Option<&'a PolisState>,
    /// How participants are weighed (`None`: [`Weighting::default_for`] the constituencies).
    pub weighting: Option<Weighting>,
    /// Each constituency's population share, by index, for [`Weighting::Frame`].
    pub frame_shares: &'a [Option<f64>],
}

/// The results of one analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Opinion groups and Pol.is statistics, with the state for the next run.
    pub polis: PolisAnalysis,
    /// Bridging intercept and polarity per statement, group-balanced and by head-count.
    pub bridging: BalancedBridging,
    /// Common ground, differences and the voice audit.
    pub common_ground: CommonGroundReport,
    /// The participants' analysis weights, one per vote-matrix row.
    pub weights: ParticipantWeights,
}

/// The part of the analysis that is starting, for progress reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnalysisStage {
    /// A stage of the Pol.is pipeline.
    Polis(Stage),
    /// Fitting the bridging model.
    Bridging,
    /// Common ground, differences and the voice audit.
    CommonGround,
}

/// Runs the whole analysis.
pub fn run(input: &AnalysisInput, config: &AnalysisConfig) -> Analysis {
    run_with_progress(input, config, &|_| {})
}

/// Runs the whole analysis, calling `progress` as each stage starts.
pub fn run_with_progress(
    input: &AnalysisInput,
    config: &AnalysisConfig,
    progress: &dyn Fn(AnalysisStage),
) -> Analysis {
    let polis = pipeline::run_with_progress(
        input.matrix,
        input.statements,
        input.previous,
        &config.polis,
        &|stage| progress(AnalysisStage::Polis(stage)),
    );
    let weighting = input
        .weighting
        .unwrap_or_else(|| Weighting::default_for(input.constituencies.len()));
    let weights = common_ground::weights::participant_weights(
        input.matrix,
        input.constituencies.len(),
        input.memberships,
        weighting,
        input.frame_shares,
    );
    progress(AnalysisStage::Bridging);
    let group_position_of_row = group_positions(&polis);
    // The gate reads the group-balanced intercepts, so that no opinion group outweighs another;
    // within each group, participants count with their analysis weights.
    let bridging = bridging::fit_balanced(
        input.matrix,
        &config.bridging,
        &group_position_of_row,
        Some(&weights.weights),
    );
    progress(AnalysisStage::CommonGround);
    let intercepts = per_column(input.matrix, &bridging.balanced, |entry| entry.intercept);
    let polarities = per_column(input.matrix, &bridging.balanced, |entry| entry.factor);
    let representativeness = distinctive_statements(&polis);
    let mut participants = input.participants.to_vec();
    participants.extend_from_slice(input.matrix.participants());
    participants.sort_unstable();
    participants.dedup();
    let common_ground = common_ground::analyze(
        &CommonGroundInput {
            matrix: input.matrix,
            statements: input.statements,
            participants: &participants,
            group_of_row: &group_position_of_row,
            n_groups: polis.group_clusters.len(),
            constituencies: input.constituencies,
            memberships: input.memberships,
            bridging: Some(&intercepts),
            bridging_polarity: Some(&polarities),
            representativeness: Some(&representativeness),
            weights: Some(&weights),
        },
        &config.common_ground,
    );
    Analysis {
        polis,
        bridging,
        common_ground,
        weights,
    }
}

/// Returns each matrix row's opinion group as its position in `group_clusters` (the order
/// reports list groups in).
pub fn group_positions(polis: &PolisAnalysis) -> Vec<Option<usize>> {
    // Group ids survive warm starts and may have gaps; common ground indexes groups by their
    // position in `group_clusters` (ascending id), as the reports list them.
    polis
        .group_of_row
        .iter()
        .map(|group| {
            group.and_then(|id| {
                polis
                    .group_clusters
                    .binary_search_by_key(&id, |cluster| cluster.id)
                    .ok()
            })
        })
        .collect()
}

/// Lays a per-statement bridging value out in the matrix's column order.
fn per_column(
    matrix: &VoteMatrix,
    bridging: &BridgingResult,
    value: impl Fn(&StatementBridging) -> Option<f64>,
) -> Vec<Option<f64>> {
    let by_statement: BTreeMap<StatementId, Option<f64>> = bridging
        .statements
        .iter()
        .map(|entry| (entry.statement, value(entry)))
        .collect();
    matrix
        .statements()
        .iter()
        .map(|statement| by_statement.get(statement).copied().flatten())
        .collect()
}

/// Turns Pol.is's representative statements into what the common-ground report shows.
fn distinctive_statements(polis: &PolisAnalysis) -> Vec<Vec<RepFor>> {
    polis
        .repness
        .iter()
        .map(|entries| {
            entries
                .iter()
                .map(|entry| RepFor {
                    statement: entry.statement,
                    repful: match entry.repful_for {
                        Repful::Agree => common_ground::Repful::Agree,
                        Repful::Disagree => common_ground::Repful::Disagree,
                    },
                    repness: entry.repness,
                    p_success: entry.p_success,
                    n_success: u64::from(entry.n_success),
                    n_trials: u64::from(entry.n_trials),
                    repness_test: f64::from(entry.repness_test),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{Moderation, Vote, VoteRecord};

    fn planted_dialogue() -> (VoteMatrix, Vec<StatementInfo>) {
        // Two camps of 20: statement 0 everyone agrees with, 1 and 2 split the camps.
        let mut records = Vec::new();
        for participant in 0..40u32 {
            let camp_a = participant < 20;
            for statement in 0..3u32 {
                let vote = match (statement, camp_a) {
                    (0, _) | (1, true) | (2, false) => Vote::Agree,
                    _ => Vote::Disagree,
                };
                records.push(VoteRecord {
                    participant: ParticipantId(participant),
                    statement: StatementId(statement),
                    vote,
                    timestamp: i64::from(participant * 3 + statement),
                });
            }
        }
        let statements = (0..3)
            .map(|id| StatementInfo {
                id: StatementId(id),
                moderation: Moderation::Accepted,
                is_meta: false,
                author: None,
            })
            .collect();
        (VoteMatrix::from_records(&records), statements)
    }

    #[test]
    fn the_shared_statement_is_common_ground_and_the_divisive_ones_are_not() {
        let (matrix, statements) = planted_dialogue();
        let analysis = run(
            &AnalysisInput {
                matrix: &matrix,
                statements: &statements,
                participants: &[],
                constituencies: &[],
                memberships: &[],
                previous: None,
                weighting: None,
                frame_shares: &[],
            },
            &AnalysisConfig::with_seed(3),
        );
        assert_eq!(analysis.polis.group_clusters.len(), 2);
        let shared = analysis
            .common_ground
            .statement(StatementId(0))
            .expect("statement 0 is reported");
        assert!(shared.is_common_ground, "{}", shared.reason);
        for divisive in [1, 2] {
            let report = analysis
                .common_ground
                .statement(StatementId(divisive))
                .expect("statement is reported");
            assert!(!report.is_common_ground, "{}", report.reason);
        }
    }

    #[test]
    fn groups_with_gaps_in_their_ids_are_still_counted() {
        let (matrix, statements) = planted_dialogue();
        let input = AnalysisInput {
            matrix: &matrix,
            statements: &statements,
            participants: &[],
            constituencies: &[],
            memberships: &[],
            previous: None,
            weighting: None,
            frame_shares: &[],
        };
        let config = AnalysisConfig::with_seed(5);
        let cold = run(&input, &config);
        // Renumber the groups 3 and 7 in the state, as a long-lived dialogue may have them.
        let mut state = cold.polis.state.clone();
        for clusters in state.group_clusterings.values_mut() {
            for cluster in clusters.iter_mut() {
                cluster.id = if cluster.id == 0 { 3 } else { 7 };
            }
        }
        let warm = run(
            &AnalysisInput {
                previous: Some(&state),
                ..input
            },
            &config,
        );
        let ids: Vec<usize> = warm.polis.group_clusters.iter().map(|c| c.id).collect();
        assert_eq!(ids, vec![3, 7]);
        let shared = warm
            .common_ground
            .statement(StatementId(0))
            .expect("statement 0 is reported");
        assert_eq!(shared.groups.len(), 2);
        assert!(shared.groups.iter().all(|group| group.tally.seen() == 20));
        assert!(shared.is_common_ground, "{}", shared.reason);
    }

    #[test]
    fn the_same_input_and_seed_give_the_same_analysis() {
        let (matrix, statements) = planted_dialogue();
        let input = AnalysisInput {
            matrix: &matrix,
            statements: &statements,
            participants: &[],
            constituencies: &[],
            memberships: &[],
            previous: None,
            weighting: None,
            frame_shares: &[],
        };
        let config = AnalysisConfig::with_seed(11);
        assert_eq!(run(&input, &config), run(&input, &config));
    }
}
