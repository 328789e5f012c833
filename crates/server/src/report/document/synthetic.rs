//! A synthetic analysis document of any size, with planted groups, constituencies, common
//! ground and division, for the report's unit tests and its rendering benchmark
//! (`cargo bench -p server --bench report`). Nothing is analysed: the numbers are made up
//! consistently (every tally adds up) from a simple deterministic pattern.

use std::collections::BTreeMap;

use super::{
    BaseCluster, Bridging, CommonGround, Consensus, ConstituencyVoice, Counts, Dialogue,
    Differences, Divisive, Document, EqualWeight, Estimate, FORMAT_VERSION, Format, Group,
    GroupBalance, HeadCountBridging, Input, MapBalance, Moderation, Participant, Pca,
    Representative, Side, SourceKind, Standing, Statement, StatementGround, Tally, Unit, UnitKind,
    Voice, VoteConvention, WeightingMethod, WeightingSummary, group_label,
};

/// The size and shape of a synthetic document.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Statements.
    pub statements: usize,
    /// Participants, every one of whom voted.
    pub participants: usize,
    /// Opinion groups (0 for none).
    pub groups: usize,
    /// Constituencies.
    pub constituencies: usize,
}

/// A deterministic agree rate between 0 and 1 for a statement in a unit.
fn planted_rate(statement: usize, unit: usize) -> f64 {
    match statement % 4 {
        // Common ground: high everywhere.
        0 => 0.8 + 0.02 * f64::from(u32::try_from(unit % 5).unwrap_or(0)),
        // Divisive: high in even units, low in odd ones.
        1 if unit.is_multiple_of(2) => 0.85,
        1 => 0.15,
        // Middling.
        2 => 0.45 + 0.01 * f64::from(u32::try_from(unit % 10).unwrap_or(0)),
        _ => 0.3,
    }
}

/// An estimate of `seen` votes at about `rate`, a tenth of them passes.
fn estimate(seen: u64, rate: f64) -> Estimate {
    let pass = seen / 10;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a share of a count, rounded, fits the count"
    )]
    let agree = (((seen - pass) as f64) * rate).round() as u64;
    let disagree = seen - pass - agree;
    #[expect(clippy::cast_precision_loss, reason = "test counts are small")]
    let seen_f = seen as f64;
    let rate = (seen > 0).then(|| agree as f64 / seen_f);
    let half_width = if seen > 0 { 1.0 / seen_f.sqrt() } else { 0.5 };
    Estimate {
        agree,
        disagree,
        pass,
        rate,
        interval: rate.map(|rate| [(rate - half_width).max(0.0), (rate + half_width).min(1.0)]),
        has_enough_votes: seen >= 5,
        head_count_rate: rate,
        effective_votes: seen_f,
    }
}

/// Builds a synthetic document of the given shape.
#[must_use]
pub fn document(shape: Shape) -> Document {
    let Shape {
        statements: n_statements,
        participants: n_participants,
        groups: n_groups,
        constituencies: n_constituencies,
    } = shape;
    let per_group = n_participants.checked_div(n_groups).unwrap_or(0);
    let per_constituency = n_participants.checked_div(n_constituencies).unwrap_or(0);
    let seen_per_statement = u64::try_from(n_participants / 2).unwrap_or(u64::MAX);
    let group_seen = u64::try_from(per_group / 2).unwrap_or(u64::MAX);
    let constituency_seen = u64::try_from(per_constituency / 2).unwrap_or(u64::MAX);
    let constituency_names: Vec<String> = (0..n_constituencies)
        .map(|index| format!("Constituency {}", index + 1))
        .collect();
    let statements: Vec<Statement> = (0..n_statements)
        .map(|index| {
            let groups: Vec<Estimate> = (0..n_groups)
                .map(|unit| estimate(group_seen, planted_rate(index, unit)))
                .collect();
            let constituencies: Vec<Estimate> = (0..n_constituencies)
                .map(|unit| estimate(constituency_seen, planted_rate(index, unit + 1)))
                .collect();
            let overall = estimate(seen_per_statement, planted_rate(index, 0));
            let is_common_ground = index.is_multiple_of(4);
            let standing = if is_common_ground {
                Standing::CommonGround {}
            } else {
                let unit = Unit {
                    kind: UnitKind::Group,
                    index: 1.min(n_groups.saturating_sub(1)),
                    name: group_label(1.min(n_groups.saturating_sub(1))),
                };
                Standing::BelowThreshold {
                    unit: unit.clone(),
                    disagreeing: vec![unit],
                }
            };
            let mean = |estimates: &[Estimate]| {
                let rates: Vec<f64> = estimates.iter().filter_map(|e| e.rate).collect();
                #[expect(clippy::cast_precision_loss, reason = "a handful of units")]
                let n = rates.len() as f64;
                (!rates.is_empty()).then(|| EqualWeight {
                    agreement: rates.iter().sum::<f64>() / n,
                    n_counted: rates.len(),
                })
            };
            let id = u32::try_from(index * 3 + 100).unwrap_or(u32::MAX);
            Statement {
                id,
                text: format!(
                    "Synthetic statement {} about evening clinics, home visits and transport",
                    index + 1
                ),
                author: index.is_multiple_of(5).then_some(1),
                moderation: Moderation::Accepted,
                is_meta: false,
                is_moderated_out: false,
                votes: Tally {
                    agree: overall.agree,
                    disagree: overall.disagree,
                    pass: overall.pass,
                },
                projection: Some([0.1, -0.1]),
                extremity: Some(0.2),
                group_informed_consensus: Some(0.5),
                routing_priority: Some(1.0),
                bridging: None,
                common_ground: Some(StatementGround {
                    is_common_ground,
                    rank: index,
                    score: overall.interval.map(|[low, _]| low),
                    reason: if is_common_ground {
                        "A clear majority agrees in every group and constituency.".to_owned()
                    } else {
                        "Divided: Group B does not clearly agree.".to_owned()
                    },
                    standing,
                    group_equal_weight: mean(&groups),
                    constituency_equal_weight: mean(&constituencies),
                    group_equal_weight_effect: Some(0.0),
                    constituency_equal_weight_effect: Some(0.0),
                    overall,
                    groups,
                    constituencies,
                    robust_group_consensus: Some(0.5),
                    holds_across_groups: Some(is_common_ground),
                    holds_across_constituencies: Some(is_common_ground),
                    head_count_is_common_ground: None,
                }),
            }
        })
        .collect();
    let participants: Vec<Participant> = (0..n_participants)
        .map(|index| {
            let group = index
                .checked_div(per_group.max(1))
                .filter(|&g| g < n_groups);
            #[expect(clippy::cast_precision_loss, reason = "positions need no precision")]
            let angle = index as f64;
            Participant {
                id: u32::try_from(index + 1).unwrap_or(u32::MAX),
                group,
                in_conv: true,
                votes: u32::try_from(n_statements / 2).unwrap_or(u32::MAX),
                projection: [angle.sin(), angle.cos()],
                constituencies: constituency_names
                    .get(index % n_constituencies.max(1))
                    .cloned()
                    .into_iter()
                    .collect(),
            }
        })
        .collect();
    let n_base = 100.min(n_participants);
    let base_clusters: Vec<BaseCluster> = (0..n_base)
        .map(|index| BaseCluster {
            id: index,
            members: participants
                .iter()
                .skip(index)
                .step_by(n_base)
                .map(|participant| participant.id)
                .collect(),
            #[expect(clippy::cast_precision_loss, reason = "positions need no precision")]
            center: [(index as f64).sin(), (index as f64).cos()],
        })
        .collect();
    let groups: Vec<Group> = (0..n_groups)
        .map(|index| Group {
            id: index + 10,
            label: group_label(index),
            n_members: per_group,
            #[expect(clippy::cast_precision_loss, reason = "positions need no precision")]
            center: [index as f64, 0.0],
            base_clusters: (0..n_base)
                .filter(|base| base % n_groups == index)
                .collect(),
            representative: statements
                .iter()
                .skip(1)
                .step_by(4)
                .take(3)
                .map(|statement| {
                    let side = if index.is_multiple_of(2) {
                        Side::Agree
                    } else {
                        Side::Disagree
                    };
                    let trials = u32::try_from(group_seen).unwrap_or(u32::MAX);
                    Representative {
                        statement: statement.id,
                        side,
                        repness: 2.0,
                        repness_test: 3.0,
                        p_success: 0.85,
                        p_test: 4.0,
                        n_success: trials / 10 * 8,
                        n_trials: trials,
                        best_agree: side == Side::Agree,
                        p_value: 0.001,
                        q_value: 0.01,
                        is_discovery: true,
                    }
                })
                .collect(),
        })
        .collect();
    let divisive: Vec<Divisive> = statements
        .iter()
        .skip(1)
        .step_by(4)
        .take(10)
        .filter(|_| n_groups >= 2)
        .map(|statement| Divisive {
            statement: statement.id,
            spread: 0.7,
            std_dev: 0.35,
            most_agreeing_group: 0,
            highest_rate: 0.85,
            least_agreeing_group: 1,
            lowest_rate: 0.15,
            n_groups_counted: n_groups,
        })
        .collect();
    let ranking: Vec<u32> = statements.iter().map(|statement| statement.id).collect();
    let common: Vec<u32> = statements
        .iter()
        .filter(|statement| {
            statement
                .common_ground
                .as_ref()
                .is_some_and(|ground| ground.is_common_ground)
        })
        .map(|statement| statement.id)
        .collect();
    let votes_total = n_participants * n_statements / 2;
    let constituencies: Vec<ConstituencyVoice> = constituency_names
        .iter()
        .enumerate()
        .map(|(index, name)| {
            // The last constituency is planted as under-represented.
            let is_last = index + 1 == n_constituencies && n_constituencies > 1;
            #[expect(clippy::cast_precision_loss, reason = "shares need no precision")]
            let share = 1.0 / n_constituencies as f64;
            ConstituencyVoice {
                name: name.clone(),
                kind: None,
                counts: Counts {
                    participants: per_constituency,
                    voters: per_constituency,
                    votes: per_constituency * n_statements / 2,
                    statements_written: 0,
                    statements_common_ground: 0,
                },
                share: Some(share),
                expected_share: Some(if is_last { share * 3.0 } else { share }),
                vote_share: Some(share),
                is_below_expected_share: is_last,
                has_too_few_participants: false,
                is_under_represented: is_last,
                population_share: None,
                weighted_share: Some(share),
                weight_per_voter: Some(1.0),
                is_thinly_carried: false,
                is_frame_share_trimmed: false,
            }
        })
        .collect();
    let under_represented = constituencies
        .iter()
        .filter(|row| row.is_under_represented)
        .map(|row| row.name.clone())
        .collect();
    Document {
        format: Format::CommonGroundAnalysis,
        version: FORMAT_VERSION,
        dialogue: Dialogue {
            topic: Some("A synthetic dialogue".to_owned()),
            source: SourceKind::CommonGround,
            seed: 0,
            vote_convention: VoteConvention::AgreePositive,
            continues_polis_state: false,
        },
        input: Input {
            vote_rows: votes_total,
            superseded_votes: 0,
            votes: votes_total,
            voters: n_participants,
            statements: n_statements,
            statements_with_votes: n_statements,
            unlisted_statements: 0,
            votes_negated: false,
            author_first_votes: Tally::default(),
        },
        statements,
        participants,
        pca: Pca {
            statements: Vec::new(),
            center: Vec::new(),
            components: Vec::new(),
            eigenvalues: Vec::new(),
        },
        base_clusters,
        groups,
        silhouettes: BTreeMap::new(),
        consensus: Consensus {
            agree: Vec::new(),
            disagree: Vec::new(),
        },
        common_ground: CommonGround {
            n_common_ground: common.len(),
            statements: common,
            ranking,
        },
        differences: Differences {
            divisive,
            constituency_gaps: Vec::new(),
            lay_professional: None,
        },
        voice: Voice {
            n_participants,
            n_voters: n_participants,
            n_votes: votes_total,
            constituencies,
            unaffiliated: Counts {
                participants: 0,
                voters: 0,
                votes: 0,
                statements_written: 0,
                statements_common_ground: 0,
            },
            under_represented,
            equal_weight_shifts: Vec::new(),
            map_balance: MapBalance {
                largest_constituency: None,
                groups: (0..n_groups)
                    .map(|index| GroupBalance {
                        group: group_label(index),
                        head_count_share: 0.25,
                        weighted_share: 0.25,
                        without_excess_share: 0.25,
                        largest_constituency_share: 0.25,
                    })
                    .collect(),
                largest_shift: 0.0,
                is_shaped_by_numbers: false,
            },
            channels: Vec::new(),
        },
        weighting: WeightingSummary {
            method: WeightingMethod::HeadCount,
            design_effect: 1.0,
            #[expect(clippy::cast_precision_loss, reason = "a count as a measure")]
            effective_voters: n_participants as f64,
            unaffiliated_weighted_share: None,
            unaffiliated_weight_per_voter: None,
            thinly_carried: Vec::new(),
            trimmed: Vec::new(),
            head_count_common_ground: 0,
        },
        bridging: Bridging {
            global_intercept: 0.0,
            loss: 0.0,
            epochs: 0,
            scored_statements: 0,
            balanced_groups: 0,
            head_count: HeadCountBridging {
                global_intercept: 0.0,
                loss: 0.0,
                epochs: 0,
                scored_statements: 0,
            },
        },
        warnings: Vec::new(),
        notices: Vec::new(),
        rounds: None,
    }
}
