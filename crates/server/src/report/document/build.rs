//! The mapping from the engine's results to the [`Document`], field by field, so that an
//! engine refactor cannot silently change the format. The caller describes where the votes
//! came from in a [`Source`].

use engine::analysis::Analysis;
use engine::bridging::{BalancedBridging, BridgingExclusion, BridgingResult};
use engine::common_ground::{
    AgreeEstimate, EqualWeight as GroundEqualWeight, Gap as GroundGap, ParticipationCounts,
    Standing as GroundStanding, Stratum, Tally as GroundTally, Unit as GroundUnit, Weighting,
};
use engine::pipeline::PolisAnalysis;
use engine::stats::{ConsensusEntry as PolisConsensusEntry, Repful, RepnessEntry};
use engine::{
    Moderation as EngineModeration, ParticipantId, StatementId, StatementInfo, VoteMatrix,
};

use super::notices::{notices, polis_notices};
use super::{
    BaseCluster, Bridging, CommonGround, Consensus, ConsensusEntry, ConstituencyGaps,
    ConstituencyKind, ConstituencyVoice, Counts, Dialogue, Differences, Divisive, Document,
    EqualWeight, Estimate, FORMAT_VERSION, Format, Gap, Group, GroupBalance, HeadCountBridging,
    HeadCountStatementBridging, Input, LayProfessional, MapBalance, Moderation, Participant, Pca,
    Representative, Shift, Side, SourceKind, Standing, Statement, StatementBridging,
    StatementGround, Tally, Unit, UnitKind, Voice, VoteConvention, WeightingMethod,
    WeightingSummary, group_label,
};
use crate::web::language::Language;

/// A statement as the document describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceStatement {
    /// What the engine knew of it.
    pub info: StatementInfo,
    /// Its text.
    pub text: String,
}

/// How the authors' earliest votes on their own statements went (the sign check's evidence).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AuthorVoteCounts {
    /// Agree votes.
    pub agree: usize,
    /// Disagree votes.
    pub disagree: usize,
    /// Passes.
    pub pass: usize,
}

/// Where the analysed votes came from and what was done to them on the way in.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The dialogue's question or title, when known.
    pub topic: Option<&'a str>,
    /// Where the votes came from.
    pub kind: SourceKind,
    /// The seed of the analysis.
    pub seed: u64,
    /// Whether the analysis continued from a previous state.
    pub is_continued: bool,
    /// Every statement, sorted by id.
    pub statements: &'a [SourceStatement],
    /// Statements that have votes but were not described.
    pub unlisted_statements: usize,
    /// The latest votes (agree = +1).
    pub matrix: &'a VoteMatrix,
    /// Vote rows read, superseded ones included.
    pub vote_rows: usize,
    /// Whether the votes were negated on reading.
    pub is_negated: bool,
    /// The sign check's evidence.
    pub author_votes: AuthorVoteCounts,
    /// Each participant's constituency names, sorted by participant, when known.
    pub memberships: Option<&'a [(ParticipantId, Vec<String>)]>,
    /// Each constituency's kind, in the engine's constituency order.
    pub constituency_kinds: &'a [Option<ConstituencyKind>],
}

/// Renders the analysis as pretty JSON with a final newline.
pub fn render(source: &Source, analysis: &Analysis) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(&document(source, analysis))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Renders the analysis as compact JSON, as the server stores it.
pub fn render_compact(source: &Source, analysis: &Analysis) -> Result<String, serde_json::Error> {
    serde_json::to_string(&document(source, analysis))
}

impl From<GroundTally> for Tally {
    fn from(tally: GroundTally) -> Tally {
        Tally {
            agree: tally.agree,
            disagree: tally.disagree,
            pass: tally.pass,
        }
    }
}

impl From<&AgreeEstimate> for Estimate {
    fn from(estimate: &AgreeEstimate) -> Estimate {
        Estimate {
            agree: estimate.tally.agree,
            disagree: estimate.tally.disagree,
            pass: estimate.tally.pass,
            rate: estimate.rate,
            interval: estimate
                .interval
                .map(|interval| [interval.lower, interval.upper]),
            has_enough_votes: estimate.has_enough_votes,
            head_count_rate: estimate.head_count_rate,
            effective_votes: estimate.effective_votes,
        }
    }
}

impl From<&GroundEqualWeight> for EqualWeight {
    fn from(weight: &GroundEqualWeight) -> EqualWeight {
        EqualWeight {
            agreement: weight.agreement,
            n_counted: weight.n_counted,
        }
    }
}

impl From<&GroundGap> for Gap {
    fn from(gap: &GroundGap) -> Gap {
        Gap {
            statement: gap.statement.0,
            first: gap.first.into(),
            second: gap.second.into(),
            first_rate: gap.first_rate,
            second_rate: gap.second_rate,
            difference: gap.difference,
            z: gap.z,
            p_value: gap.p_value,
            q_value: gap.q_value,
            is_discovery: gap.is_discovery,
        }
    }
}

impl From<&ParticipationCounts> for Counts {
    fn from(counts: &ParticipationCounts) -> Counts {
        Counts {
            participants: counts.participants,
            voters: counts.voters,
            votes: counts.votes,
            statements_written: counts.statements_written,
            statements_common_ground: counts.statements_common_ground,
        }
    }
}

impl From<engine::common_ground::ConstituencyKind> for ConstituencyKind {
    fn from(kind: engine::common_ground::ConstituencyKind) -> ConstituencyKind {
        match kind {
            engine::common_ground::ConstituencyKind::Lay => ConstituencyKind::Lay,
            engine::common_ground::ConstituencyKind::Professional => ConstituencyKind::Professional,
        }
    }
}

fn moderation(moderation: EngineModeration) -> Moderation {
    match moderation {
        EngineModeration::Accepted => Moderation::Accepted,
        EngineModeration::Unmoderated => Moderation::Unmoderated,
        EngineModeration::Rejected => Moderation::Rejected,
    }
}

fn exclusion_text(exclusion: &BridgingExclusion) -> String {
    match exclusion {
        BridgingExclusion::TooFewRatings { ratings, minimum } => {
            format!("{ratings} ratings, fewer than the {minimum} needed")
        }
        BridgingExclusion::TooFewRatingsOnKeptStatements { ratings, minimum } => {
            format!("{ratings} ratings on scored statements, fewer than the {minimum} needed")
        }
        BridgingExclusion::TooFewRatingsFromKeptParticipants { ratings, minimum } => {
            format!("{ratings} ratings from scored participants, fewer than the {minimum} needed")
        }
        BridgingExclusion::NoRatingsOnScoredStatements => {
            "no ratings on scored statements".to_owned()
        }
        BridgingExclusion::NoOpinionGroup => "in no opinion group".to_owned(),
        BridgingExclusion::NoAnalysisWeight => "no analysis weight".to_owned(),
    }
}

/// Returns a statement's bridging scores from both fits, if the fits have its column.
fn statement_bridging(
    bridging: &BalancedBridging,
    column: usize,
    id: StatementId,
) -> Option<StatementBridging> {
    let fitted = |result: &BridgingResult| {
        result
            .statements
            .get(column)
            .filter(|entry| entry.statement == id)
            .cloned()
    };
    let (balanced, head_count) = (fitted(&bridging.balanced)?, fitted(&bridging.head_count)?);
    Some(StatementBridging {
        intercept: balanced.intercept,
        polarity: balanced.factor,
        n_ratings: balanced.n_ratings,
        excluded: balanced.exclusion.as_ref().map(exclusion_text),
        head_count: HeadCountStatementBridging {
            intercept: head_count.intercept,
            polarity: head_count.factor,
            n_ratings: head_count.n_ratings,
            excluded: head_count.exclusion.as_ref().map(exclusion_text),
        },
    })
}

/// Returns the bridging fits' summary.
fn bridging(bridging: &BalancedBridging) -> Bridging {
    let scored = |result: &BridgingResult| {
        result
            .statements
            .iter()
            .filter(|entry| entry.intercept.is_some())
            .count()
    };
    let (balanced, head_count) = (&bridging.balanced, &bridging.head_count);
    Bridging {
        global_intercept: balanced.global_intercept,
        loss: balanced.loss,
        epochs: balanced.epochs,
        scored_statements: scored(balanced),
        balanced_groups: bridging.n_groups,
        head_count: HeadCountBridging {
            global_intercept: head_count.global_intercept,
            loss: head_count.loss,
            epochs: head_count.epochs,
            scored_statements: scored(head_count),
        },
    }
}

/// Builds the document.
pub fn document(source: &Source, analysis: &Analysis) -> Document {
    let polis = &analysis.polis;
    let ground = &analysis.common_ground;
    let constituency_names: Vec<String> = ground
        .voice
        .constituencies
        .iter()
        .map(|voice| voice.name.clone())
        .collect();
    let constituency_name = |index: usize| {
        constituency_names
            .get(index)
            .cloned()
            .unwrap_or_else(|| format!("constituency {}", index + 1))
    };
    let unit = |unit: GroundUnit| match unit {
        GroundUnit::Group(index) => Unit {
            kind: UnitKind::Group,
            index,
            name: group_label(index),
        },
        GroundUnit::Constituency(index) => Unit {
            kind: UnitKind::Constituency,
            index,
            name: constituency_name(index),
        },
    };
    let units = |units: &[GroundUnit]| units.iter().map(|&which| unit(which)).collect();
    let stratum_name = |stratum: &Stratum| match stratum {
        Stratum::Constituency(index) => constituency_name(*index),
        Stratum::Unaffiliated => "unaffiliated".to_owned(),
    };
    let column_of = |id: StatementId| source.matrix.column_of(id);
    let column_tallies = column_tallies(source.matrix);

    let statements = source
        .statements
        .iter()
        .map(|statement| {
            let id = statement.info.id;
            let column = column_of(id);
            let report = ground.statement(id);
            let bridging =
                column.and_then(|column| statement_bridging(&analysis.bridging, column, id));
            Statement {
                id: id.0,
                text: statement.text.clone(),
                author: statement.info.author.map(|author| author.0),
                moderation: moderation(statement.info.moderation),
                is_meta: statement.info.is_meta,
                is_moderated_out: statement.info.is_moderated_out(),
                votes: column
                    .and_then(|column| column_tallies.get(column).copied())
                    .unwrap_or_default()
                    .into(),
                projection: column.and_then(|column| polis.comment_projection.get(column).copied()),
                extremity: column.and_then(|column| polis.comment_extremity.get(column).copied()),
                group_informed_consensus: column
                    .and_then(|column| polis.group_aware_consensus.get(column).copied()),
                routing_priority: column
                    .and_then(|column| polis.routing_priorities.get(column).copied()),
                bridging,
                common_ground: report.map(|report| StatementGround {
                    is_common_ground: report.is_common_ground,
                    rank: report.rank,
                    score: report.score,
                    standing: match &report.standing {
                        GroundStanding::CommonGround => Standing::CommonGround {},
                        GroundStanding::ModeratedOut => Standing::ModeratedOut {},
                        GroundStanding::NoGroupsOrConstituencies => {
                            Standing::NoGroupsOrConstituencies {}
                        }
                        GroundStanding::TooFewVotes {
                            unit: which,
                            needed,
                        } => Standing::TooFewVotes {
                            unit: unit(*which),
                            needed: *needed,
                        },
                        GroundStanding::BelowThreshold {
                            unit: which,
                            disagreeing,
                        } => Standing::BelowThreshold {
                            unit: unit(*which),
                            disagreeing: units(disagreeing),
                        },
                        GroundStanding::Provisional { short } => Standing::Provisional {
                            short: units(short),
                        },
                        GroundStanding::NegativeBridging { intercept } => {
                            Standing::NegativeBridging {
                                intercept: *intercept,
                            }
                        }
                    },
                    reason: report.reason.clone(),
                    overall: (&report.overall).into(),
                    groups: report.groups.iter().map(Estimate::from).collect(),
                    constituencies: report.constituencies.iter().map(Estimate::from).collect(),
                    group_equal_weight: report.group_equal_weight.as_ref().map(Into::into),
                    constituency_equal_weight: report
                        .constituency_equal_weight
                        .as_ref()
                        .map(Into::into),
                    group_equal_weight_effect: report.group_equal_weight_effect,
                    constituency_equal_weight_effect: report.constituency_equal_weight_effect,
                    robust_group_consensus: report.robust_group_consensus,
                    holds_across_groups: report.holds_across_groups,
                    holds_across_constituencies: report.holds_across_constituencies,
                    head_count_is_common_ground: report.head_count_is_common_ground,
                }),
            }
        })
        .collect();

    let constituencies_of = |participant: engine::ParticipantId| -> Vec<String> {
        source
            .memberships
            .and_then(|memberships| {
                memberships
                    .binary_search_by_key(&participant, |(id, _)| *id)
                    .ok()
                    .map(|index| memberships[index].1.clone())
            })
            .unwrap_or_default()
    };
    let vote_count = |participant: engine::ParticipantId| {
        polis
            .user_vote_counts
            .binary_search_by_key(&participant, |&(id, _)| id)
            .map_or(0, |index| polis.user_vote_counts[index].1)
    };
    let participants = polis
        .participants
        .iter()
        .enumerate()
        .map(|(row, &participant)| Participant {
            id: participant.0,
            group: polis.group_of_row.get(row).copied().flatten(),
            in_conv: polis.in_conv.binary_search(&participant).is_ok(),
            votes: vote_count(participant),
            projection: polis
                .participant_projections
                .get(row)
                .copied()
                .unwrap_or([0.0, 0.0]),
            constituencies: constituencies_of(participant),
        })
        .collect();

    let groups = polis
        .group_clusters
        .iter()
        .enumerate()
        .map(|(index, group)| Group {
            id: group.id,
            label: group_label(index),
            n_members: polis
                .group_votes
                .get(index)
                .map_or(0, |votes| votes.n_members),
            center: group.center,
            base_clusters: group.members.clone(),
            representative: polis
                .repness
                .get(index)
                .map(|entries| {
                    entries
                        .iter()
                        .map(|entry| {
                            let tested =
                                ground
                                    .differences
                                    .distinctive
                                    .get(index)
                                    .and_then(|tested| {
                                        tested.iter().find(|t| t.rep.statement == entry.statement)
                                    });
                            representative(entry, tested)
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();

    let differences = &ground.differences;
    let names = |indices: &[usize]| indices.iter().map(|&i| constituency_name(i)).collect();
    let kinds = source.constituency_kinds;

    Document {
        format: Format::CommonGroundAnalysis,
        version: FORMAT_VERSION,
        dialogue: Dialogue {
            topic: source.topic.map(str::to_owned),
            source: source.kind,
            seed: source.seed,
            vote_convention: VoteConvention::AgreePositive,
            continues_polis_state: source.is_continued,
        },
        input: Input {
            vote_rows: source.vote_rows,
            superseded_votes: source.matrix.superseded_votes(),
            votes: source.matrix.n_votes(),
            voters: source.matrix.n_participants(),
            statements: source.statements.len(),
            statements_with_votes: source.matrix.n_statements(),
            unlisted_statements: source.unlisted_statements,
            votes_negated: source.is_negated,
            author_first_votes: Tally {
                agree: source.author_votes.agree as u64,
                disagree: source.author_votes.disagree as u64,
                pass: source.author_votes.pass as u64,
            },
        },
        statements,
        participants,
        pca: Pca {
            statements: polis.tids.iter().map(|id| id.0).collect(),
            center: polis.pca.center.clone(),
            components: polis.pca.components.to_vec(),
            eigenvalues: polis.pca.eigenvalues.to_vec(),
        },
        base_clusters: polis
            .base_clusters
            .iter()
            .map(|base| BaseCluster {
                id: base.id,
                members: base.members.iter().map(|member| member.0).collect(),
                center: base.center,
            })
            .collect(),
        groups,
        silhouettes: polis
            .silhouettes
            .iter()
            .map(|(&k, &score)| (u32::try_from(k).unwrap_or(u32::MAX), score))
            .collect(),
        consensus: Consensus {
            agree: polis.consensus.agree.iter().map(consensus_entry).collect(),
            disagree: polis
                .consensus
                .disagree
                .iter()
                .map(consensus_entry)
                .collect(),
        },
        common_ground: CommonGround {
            n_common_ground: ground.n_common_ground,
            statements: ground
                .common_ground()
                .map(|report| report.statement.0)
                .collect(),
            ranking: ground
                .statements
                .iter()
                .map(|report| report.statement.0)
                .collect(),
        },
        differences: Differences {
            divisive: differences
                .divisive
                .iter()
                .map(|divisive| Divisive {
                    statement: divisive.statement.0,
                    spread: divisive.spread,
                    std_dev: divisive.std_dev,
                    most_agreeing_group: divisive.most_agreeing_group,
                    highest_rate: divisive.highest_rate,
                    least_agreeing_group: divisive.least_agreeing_group,
                    lowest_rate: divisive.lowest_rate,
                    n_groups_counted: divisive.n_groups_counted,
                })
                .collect(),
            constituency_gaps: differences
                .constituency_gaps
                .iter()
                .map(|pair| ConstituencyGaps {
                    first: constituency_name(pair.first),
                    second: constituency_name(pair.second),
                    gaps: pair.gaps.iter().map(Gap::from).collect(),
                })
                .collect(),
            lay_professional: differences
                .lay_professional
                .as_ref()
                .map(|split| LayProfessional {
                    lay_constituencies: names(&split.lay_constituencies),
                    professional_constituencies: names(&split.professional_constituencies),
                    lay_participants: split.lay_participants,
                    professional_participants: split.professional_participants,
                    in_both: split.in_both,
                    gaps: split.gaps.iter().map(Gap::from).collect(),
                }),
        },
        voice: Voice {
            n_participants: ground.voice.n_participants,
            n_voters: ground.voice.n_voters,
            n_votes: ground.voice.n_votes,
            constituencies: ground
                .voice
                .constituencies
                .iter()
                .map(|voice| ConstituencyVoice {
                    name: voice.name.clone(),
                    kind: kinds.get(voice.constituency).copied().flatten(),
                    counts: (&voice.counts).into(),
                    share: voice.share,
                    expected_share: voice.expected_share,
                    vote_share: voice.vote_share,
                    is_below_expected_share: voice.is_below_expected_share,
                    has_too_few_participants: voice.has_too_few_participants,
                    is_under_represented: voice.is_under_represented,
                    population_share: voice.population_share,
                    weighted_share: voice.weighted_share,
                    weight_per_voter: voice.weight_per_voter,
                    is_thinly_carried: voice.is_thinly_carried,
                    is_frame_share_trimmed: voice.is_frame_share_trimmed,
                })
                .collect(),
            unaffiliated: (&ground.voice.unaffiliated).into(),
            under_represented: names(&ground.voice.under_represented),
            equal_weight_shifts: ground
                .voice
                .equal_weight_shifts
                .iter()
                .map(|shift| Shift {
                    statement: shift.statement.0,
                    head_count: shift.head_count,
                    equal_weight: shift.equal_weight,
                    effect: shift.effect,
                    is_common_ground: shift.is_common_ground,
                })
                .collect(),
            map_balance: MapBalance {
                largest_constituency: ground
                    .voice
                    .map_balance
                    .largest_constituency
                    .map(constituency_name),
                groups: ground
                    .voice
                    .map_balance
                    .groups
                    .iter()
                    .map(|group| GroupBalance {
                        group: group_label(group.group),
                        head_count_share: group.head_count_share,
                        weighted_share: group.weighted_share,
                        without_excess_share: group.without_excess_share,
                        largest_constituency_share: group.largest_constituency_share,
                    })
                    .collect(),
                largest_shift: ground.voice.map_balance.largest_shift,
                is_shaped_by_numbers: ground.voice.map_balance.is_shaped_by_numbers,
            },
            // The engine knows nothing of channels; the server adds them from the stored
            // votes (`report::channels`).
            channels: Vec::new(),
        },
        weighting: {
            let audit = &ground.voice.weighting;
            WeightingSummary {
                method: match audit.weighting {
                    Weighting::HeadCount => WeightingMethod::HeadCount,
                    Weighting::Equal => WeightingMethod::Equal,
                    Weighting::Frame => WeightingMethod::Frame,
                },
                design_effect: audit.design_effect,
                effective_voters: audit.effective_voters,
                unaffiliated_weighted_share: audit
                    .unaffiliated
                    .map(|stratum| stratum.weighted_share),
                unaffiliated_weight_per_voter: audit
                    .unaffiliated
                    .map(|stratum| stratum.weight_per_voter),
                thinly_carried: audit.thinly_carried.iter().map(stratum_name).collect(),
                trimmed: audit.trimmed.iter().map(stratum_name).collect(),
                head_count_common_ground: ground
                    .statements
                    .iter()
                    .filter(|statement| {
                        statement
                            .head_count_is_common_ground
                            .unwrap_or(statement.is_common_ground)
                    })
                    .count(),
            }
        },
        bridging: bridging(&analysis.bridging),
        warnings: warnings(analysis),
        notices: notices(analysis),
        rounds: None,
    }
}

/// Counts the latest votes on every column, whatever the statement's moderation.
fn column_tallies(matrix: &VoteMatrix) -> Vec<GroundTally> {
    let mut tallies = vec![GroundTally::default(); matrix.n_statements()];
    for row in 0..matrix.n_participants() {
        for (column, value) in matrix.row(row) {
            let tally = &mut tallies[column];
            match value {
                1 => tally.agree += 1,
                -1 => tally.disagree += 1,
                _ => tally.pass += 1,
            }
        }
    }
    tallies
}

fn representative(
    entry: &RepnessEntry,
    tested: Option<&engine::common_ground::Distinctive>,
) -> Representative {
    Representative {
        statement: entry.statement.0,
        side: match entry.repful_for {
            Repful::Agree => Side::Agree,
            Repful::Disagree => Side::Disagree,
        },
        repness: entry.repness,
        repness_test: entry.repness_test,
        p_success: entry.p_success,
        p_test: entry.p_test,
        n_success: entry.n_success,
        n_trials: entry.n_trials,
        best_agree: entry.best_agree,
        p_value: tested.map_or(1.0, |tested| tested.p_value),
        q_value: tested.map_or(1.0, |tested| tested.q_value),
        is_discovery: tested.is_some_and(|tested| tested.is_discovery),
    }
}

fn consensus_entry(entry: &PolisConsensusEntry) -> ConsensusEntry {
    ConsensusEntry {
        statement: entry.statement.0,
        n_success: entry.n_success,
        n_trials: entry.n_trials,
        p_success: entry.p_success,
        p_test: entry.p_test,
    }
}

/// Returns the notes of the Pol.is pipeline as English sentences.
pub fn polis_warnings(polis: &PolisAnalysis) -> Vec<String> {
    polis_notices(polis)
        .iter()
        .map(|notice| {
            notice.words(Language::English, |index| {
                format!("constituency {}", index + 1)
            })
        })
        .collect()
}

/// Returns every note of the analysis as English sentences, one for each of [`notices`].
pub fn warnings(analysis: &Analysis) -> Vec<String> {
    let voice = &analysis.common_ground.voice;
    let constituency = |index: usize| {
        voice
            .constituencies
            .get(index)
            .map_or_else(|| format!("constituency {}", index + 1), |c| c.name.clone())
    };
    notices(analysis)
        .iter()
        .map(|notice| notice.words(Language::English, constituency))
        .collect()
}
