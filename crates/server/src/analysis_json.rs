//! Common Ground's own analysis JSON (agree = +1), documented in `docs/analysis-json.md` with
//! the schema `docs/analysis.schema.json`: one mapping shared by `commonground analyze
//! --format json` and the server's analysis endpoint, so both write the same document.
//!
//! The engine's types do not derive `Serialize`, so that an engine refactor cannot silently
//! change this format: every field is mapped here, by name, into the structs below. The caller
//! describes where the votes came from in a [`Source`].

use std::collections::BTreeMap;

use engine::analysis::Analysis;
use engine::bridging::BridgingExclusion;
use engine::common_ground::{
    AgreeEstimate, CommonGroundWarning, EqualWeight, Gap, ParticipationCounts, Standing,
    Tally as GroundTally, Unit,
};
use engine::pipeline::{AnalysisWarning, PolisAnalysis};
use engine::stats::{ConsensusEntry, Repful, RepnessEntry};
use engine::{Moderation, ParticipantId, StatementId, StatementInfo, VoteMatrix};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// A map keyed by ids, written as a JSON object whose keys are the ids as strings.
struct IdMap<V>(BTreeMap<u32, V>);

impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(&key.to_string(), value)?;
        }
        map.end()
    }
}

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
    /// `polis-open-data`, `polis-api-dump` or `commonground` (a live dialogue).
    pub kind: &'static str,
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
    /// Each constituency's kind (`lay` or `professional`), in the engine's constituency order.
    pub constituency_kinds: &'a [Option<&'static str>],
}

/// The name written in every document's `format` field.
pub const FORMAT_NAME: &str = "commonground-analysis";

/// The version of this format; it changes when a field changes meaning or disappears.
pub const FORMAT_VERSION: u32 = 1;

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

#[derive(Serialize)]
struct Document {
    format: &'static str,
    version: u32,
    dialogue: Dialogue,
    input: Input,
    statements: Vec<StatementJson>,
    participants: Vec<ParticipantJson>,
    pca: PcaJson,
    base_clusters: Vec<BaseClusterJson>,
    groups: Vec<GroupJson>,
    silhouettes: IdMap<f64>,
    consensus: ConsensusJson,
    common_ground: CommonGroundJson,
    differences: DifferencesJson,
    voice: VoiceJson,
    bridging: BridgingJson,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct Dialogue {
    topic: Option<String>,
    source: &'static str,
    seed: u64,
    vote_convention: &'static str,
    continues_polis_state: bool,
}

#[derive(Serialize)]
struct AuthorVotesJson {
    agree: usize,
    disagree: usize,
    pass: usize,
}

#[derive(Serialize)]
struct Input {
    vote_rows: usize,
    superseded_votes: usize,
    votes: usize,
    voters: usize,
    statements: usize,
    statements_with_votes: usize,
    unlisted_statements: usize,
    votes_negated: bool,
    author_first_votes: AuthorVotesJson,
}

#[derive(Serialize)]
struct TallyJson {
    agree: u64,
    disagree: u64,
    pass: u64,
}

impl From<GroundTally> for TallyJson {
    fn from(tally: GroundTally) -> TallyJson {
        TallyJson {
            agree: tally.agree,
            disagree: tally.disagree,
            pass: tally.pass,
        }
    }
}

#[derive(Serialize)]
struct StatementJson {
    id: u32,
    text: String,
    author: Option<u32>,
    moderation: &'static str,
    is_meta: bool,
    is_moderated_out: bool,
    votes: TallyJson,
    projection: Option<[f64; 2]>,
    extremity: Option<f64>,
    group_informed_consensus: Option<f64>,
    priority: Option<f64>,
    bridging: Option<StatementBridgingJson>,
    common_ground: Option<StatementGroundJson>,
}

#[derive(Serialize)]
struct StatementBridgingJson {
    intercept: Option<f64>,
    polarity: Option<f64>,
    n_ratings: usize,
    excluded: Option<String>,
}

#[derive(Serialize)]
struct EstimateJson {
    agree: u64,
    disagree: u64,
    pass: u64,
    rate: Option<f64>,
    interval: Option<[f64; 2]>,
    has_enough_votes: bool,
}

impl From<&AgreeEstimate> for EstimateJson {
    fn from(estimate: &AgreeEstimate) -> EstimateJson {
        EstimateJson {
            agree: estimate.tally.agree,
            disagree: estimate.tally.disagree,
            pass: estimate.tally.pass,
            rate: estimate.rate,
            interval: estimate
                .interval
                .map(|interval| [interval.lower, interval.upper]),
            has_enough_votes: estimate.has_enough_votes,
        }
    }
}

#[derive(Serialize)]
struct EqualWeightJson {
    agreement: f64,
    n_counted: usize,
}

impl From<&EqualWeight> for EqualWeightJson {
    fn from(weight: &EqualWeight) -> EqualWeightJson {
        EqualWeightJson {
            agreement: weight.agreement,
            n_counted: weight.n_counted,
        }
    }
}

#[derive(Serialize)]
struct UnitJson {
    kind: &'static str,
    index: usize,
    name: String,
}

#[derive(Serialize)]
struct StandingJson {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<UnitJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    needed: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    intercept: Option<f64>,
}

#[derive(Serialize)]
struct StatementGroundJson {
    is_common_ground: bool,
    rank: usize,
    score: Option<f64>,
    standing: StandingJson,
    reason: String,
    overall: EstimateJson,
    groups: Vec<EstimateJson>,
    constituencies: Vec<EstimateJson>,
    group_equal_weight: Option<EqualWeightJson>,
    constituency_equal_weight: Option<EqualWeightJson>,
    group_equal_weight_effect: Option<f64>,
    constituency_equal_weight_effect: Option<f64>,
    robust_group_consensus: Option<f64>,
    holds_across_groups: Option<bool>,
    holds_across_constituencies: Option<bool>,
}

#[derive(Serialize)]
struct ParticipantJson {
    id: u32,
    group: Option<usize>,
    in_conv: bool,
    votes: u32,
    projection: [f64; 2],
    constituencies: Vec<String>,
}

#[derive(Serialize)]
struct PcaJson {
    statements: Vec<u32>,
    center: Vec<f64>,
    components: Vec<Vec<f64>>,
    eigenvalues: Vec<f64>,
}

#[derive(Serialize)]
struct BaseClusterJson {
    id: usize,
    members: Vec<u32>,
    center: [f64; 2],
}

#[derive(Serialize)]
struct RepresentativeJson {
    statement: u32,
    side: &'static str,
    repness: f64,
    repness_test: f32,
    p_success: f64,
    p_test: f64,
    n_success: u32,
    n_trials: u32,
    best_agree: bool,
}

#[derive(Serialize)]
struct GroupJson {
    id: usize,
    label: String,
    n_members: usize,
    center: [f64; 2],
    base_clusters: Vec<usize>,
    representative: Vec<RepresentativeJson>,
}

#[derive(Serialize)]
struct ConsensusEntryJson {
    statement: u32,
    n_success: u32,
    n_trials: u32,
    p_success: f64,
    p_test: f64,
}

#[derive(Serialize)]
struct ConsensusJson {
    agree: Vec<ConsensusEntryJson>,
    disagree: Vec<ConsensusEntryJson>,
}

#[derive(Serialize)]
struct CommonGroundJson {
    n_common_ground: usize,
    statements: Vec<u32>,
    ranking: Vec<u32>,
}

#[derive(Serialize)]
struct DivisiveJson {
    statement: u32,
    spread: f64,
    std_dev: f64,
    most_agreeing_group: usize,
    highest_rate: f64,
    least_agreeing_group: usize,
    lowest_rate: f64,
    n_groups_counted: usize,
}

#[derive(Serialize)]
struct GapJson {
    statement: u32,
    first: TallyJson,
    second: TallyJson,
    first_rate: f64,
    second_rate: f64,
    difference: f64,
    z: f64,
    p_value: f64,
}

impl From<&Gap> for GapJson {
    fn from(gap: &Gap) -> GapJson {
        GapJson {
            statement: gap.statement.0,
            first: gap.first.into(),
            second: gap.second.into(),
            first_rate: gap.first_rate,
            second_rate: gap.second_rate,
            difference: gap.difference,
            z: gap.z,
            p_value: gap.p_value,
        }
    }
}

#[derive(Serialize)]
struct ConstituencyGapsJson {
    first: String,
    second: String,
    gaps: Vec<GapJson>,
}

#[derive(Serialize)]
struct LayProfessionalJson {
    lay_constituencies: Vec<String>,
    professional_constituencies: Vec<String>,
    lay_participants: usize,
    professional_participants: usize,
    in_both: usize,
    gaps: Vec<GapJson>,
}

#[derive(Serialize)]
struct DifferencesJson {
    divisive: Vec<DivisiveJson>,
    constituency_gaps: Vec<ConstituencyGapsJson>,
    lay_professional: Option<LayProfessionalJson>,
}

#[derive(Serialize)]
struct CountsJson {
    participants: usize,
    voters: usize,
    votes: usize,
    statements_written: usize,
    statements_common_ground: usize,
}

impl From<&ParticipationCounts> for CountsJson {
    fn from(counts: &ParticipationCounts) -> CountsJson {
        CountsJson {
            participants: counts.participants,
            voters: counts.voters,
            votes: counts.votes,
            statements_written: counts.statements_written,
            statements_common_ground: counts.statements_common_ground,
        }
    }
}

#[derive(Serialize)]
struct ConstituencyVoiceJson {
    name: String,
    kind: Option<&'static str>,
    counts: CountsJson,
    share: Option<f64>,
    expected_share: Option<f64>,
    vote_share: Option<f64>,
    is_below_expected_share: bool,
    has_too_few_participants: bool,
    is_under_represented: bool,
}

#[derive(Serialize)]
struct ShiftJson {
    statement: u32,
    head_count: f64,
    equal_weight: f64,
    effect: f64,
    is_common_ground: bool,
}

#[derive(Serialize)]
struct VoiceJson {
    n_participants: usize,
    n_voters: usize,
    n_votes: usize,
    constituencies: Vec<ConstituencyVoiceJson>,
    unaffiliated: CountsJson,
    under_represented: Vec<String>,
    equal_weight_shifts: Vec<ShiftJson>,
}

#[derive(Serialize)]
struct BridgingJson {
    global_intercept: f64,
    loss: f64,
    epochs: usize,
    scored_statements: usize,
}

fn moderation_name(moderation: Moderation) -> &'static str {
    match moderation {
        Moderation::Accepted => "accepted",
        Moderation::Unmoderated => "unmoderated",
        Moderation::Rejected => "rejected",
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
    }
}

/// Names opinion group `index` as the reports do: "group 1" is index 0.
pub fn group_label(index: usize) -> String {
    format!("group {}", index + 1)
}

/// Builds the document.
fn document(source: &Source, analysis: &Analysis) -> Document {
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
    let unit = |unit: Unit| match unit {
        Unit::Group(index) => UnitJson {
            kind: "group",
            index,
            name: group_label(index),
        },
        Unit::Constituency(index) => UnitJson {
            kind: "constituency",
            index,
            name: constituency_name(index),
        },
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
            let bridging = column
                .and_then(|column| analysis.bridging.statements.get(column))
                .filter(|entry| entry.statement == id)
                .map(|entry| StatementBridgingJson {
                    intercept: entry.intercept,
                    polarity: entry.factor,
                    n_ratings: entry.n_ratings,
                    excluded: entry.exclusion.as_ref().map(exclusion_text),
                });
            StatementJson {
                id: id.0,
                text: statement.text.clone(),
                author: statement.info.author.map(|author| author.0),
                moderation: moderation_name(statement.info.moderation),
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
                priority: column.and_then(|column| polis.comment_priorities.get(column).copied()),
                bridging,
                common_ground: report.map(|report| StatementGroundJson {
                    is_common_ground: report.is_common_ground,
                    rank: report.rank,
                    score: report.score,
                    standing: match report.standing {
                        Standing::CommonGround => standing("common_ground"),
                        Standing::ModeratedOut => standing("moderated_out"),
                        Standing::NoGroupsOrConstituencies => {
                            standing("no_groups_or_constituencies")
                        }
                        Standing::TooFewVotes {
                            unit: which,
                            needed,
                        } => StandingJson {
                            unit: Some(unit(which)),
                            needed: Some(needed),
                            ..standing("too_few_votes")
                        },
                        Standing::BelowThreshold { unit: which } => StandingJson {
                            unit: Some(unit(which)),
                            ..standing("below_threshold")
                        },
                        Standing::NegativeBridging { intercept } => StandingJson {
                            intercept: Some(intercept),
                            ..standing("negative_bridging")
                        },
                    },
                    reason: report.reason.clone(),
                    overall: (&report.overall).into(),
                    groups: report.groups.iter().map(EstimateJson::from).collect(),
                    constituencies: report
                        .constituencies
                        .iter()
                        .map(EstimateJson::from)
                        .collect(),
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
        .map(|(row, &participant)| ParticipantJson {
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
        .map(|(index, group)| GroupJson {
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
                .map(|entries| entries.iter().map(representative).collect())
                .unwrap_or_default(),
        })
        .collect();

    let differences = &ground.differences;
    let names = |indices: &[usize]| indices.iter().map(|&i| constituency_name(i)).collect();
    let kinds = source.constituency_kinds;

    Document {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        dialogue: Dialogue {
            topic: source.topic.map(str::to_owned),
            source: source.kind,
            seed: source.seed,
            vote_convention: "agree=+1,disagree=-1,pass=0",
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
            author_first_votes: AuthorVotesJson {
                agree: source.author_votes.agree,
                disagree: source.author_votes.disagree,
                pass: source.author_votes.pass,
            },
        },
        statements,
        participants,
        pca: PcaJson {
            statements: polis.tids.iter().map(|id| id.0).collect(),
            center: polis.pca.center.clone(),
            components: polis.pca.components.to_vec(),
            eigenvalues: polis.pca.eigenvalues.to_vec(),
        },
        base_clusters: polis
            .base_clusters
            .iter()
            .map(|base| BaseClusterJson {
                id: base.id,
                members: base.members.iter().map(|member| member.0).collect(),
                center: base.center,
            })
            .collect(),
        groups,
        silhouettes: IdMap(
            polis
                .silhouettes
                .iter()
                .map(|(&k, &score)| (u32::try_from(k).unwrap_or(u32::MAX), score))
                .collect(),
        ),
        consensus: ConsensusJson {
            agree: polis.consensus.agree.iter().map(consensus_entry).collect(),
            disagree: polis
                .consensus
                .disagree
                .iter()
                .map(consensus_entry)
                .collect(),
        },
        common_ground: CommonGroundJson {
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
        differences: DifferencesJson {
            divisive: differences
                .divisive
                .iter()
                .map(|divisive| DivisiveJson {
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
                .map(|pair| ConstituencyGapsJson {
                    first: constituency_name(pair.first),
                    second: constituency_name(pair.second),
                    gaps: pair.gaps.iter().map(GapJson::from).collect(),
                })
                .collect(),
            lay_professional: differences.lay_professional.as_ref().map(|split| {
                LayProfessionalJson {
                    lay_constituencies: names(&split.lay_constituencies),
                    professional_constituencies: names(&split.professional_constituencies),
                    lay_participants: split.lay_participants,
                    professional_participants: split.professional_participants,
                    in_both: split.in_both,
                    gaps: split.gaps.iter().map(GapJson::from).collect(),
                }
            }),
        },
        voice: VoiceJson {
            n_participants: ground.voice.n_participants,
            n_voters: ground.voice.n_voters,
            n_votes: ground.voice.n_votes,
            constituencies: ground
                .voice
                .constituencies
                .iter()
                .map(|voice| ConstituencyVoiceJson {
                    name: voice.name.clone(),
                    kind: kinds.get(voice.constituency).copied().flatten(),
                    counts: (&voice.counts).into(),
                    share: voice.share,
                    expected_share: voice.expected_share,
                    vote_share: voice.vote_share,
                    is_below_expected_share: voice.is_below_expected_share,
                    has_too_few_participants: voice.has_too_few_participants,
                    is_under_represented: voice.is_under_represented,
                })
                .collect(),
            unaffiliated: (&ground.voice.unaffiliated).into(),
            under_represented: names(&ground.voice.under_represented),
            equal_weight_shifts: ground
                .voice
                .equal_weight_shifts
                .iter()
                .map(|shift| ShiftJson {
                    statement: shift.statement.0,
                    head_count: shift.head_count,
                    equal_weight: shift.equal_weight,
                    effect: shift.effect,
                    is_common_ground: shift.is_common_ground,
                })
                .collect(),
        },
        bridging: BridgingJson {
            global_intercept: analysis.bridging.global_intercept,
            loss: analysis.bridging.loss,
            epochs: analysis.bridging.epochs,
            scored_statements: analysis
                .bridging
                .statements
                .iter()
                .filter(|entry| entry.intercept.is_some())
                .count(),
        },
        warnings: warnings(analysis),
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

fn standing(kind: &'static str) -> StandingJson {
    StandingJson {
        kind,
        unit: None,
        needed: None,
        intercept: None,
    }
}

fn representative(entry: &RepnessEntry) -> RepresentativeJson {
    RepresentativeJson {
        statement: entry.statement.0,
        side: match entry.repful_for {
            Repful::Agree => "agree",
            Repful::Disagree => "disagree",
        },
        repness: entry.repness,
        repness_test: entry.repness_test,
        p_success: entry.p_success,
        p_test: entry.p_test,
        n_success: entry.n_success,
        n_trials: entry.n_trials,
        best_agree: entry.best_agree,
    }
}

fn consensus_entry(entry: &ConsensusEntry) -> ConsensusEntryJson {
    ConsensusEntryJson {
        statement: entry.statement.0,
        n_success: entry.n_success,
        n_trials: entry.n_trials,
        p_success: entry.p_success,
        p_test: entry.p_test,
    }
}

/// Returns the warnings of the Pol.is pipeline as sentences.
pub fn polis_warnings(polis: &PolisAnalysis) -> Vec<String> {
    polis
        .warnings
        .iter()
        .map(|warning| match warning {
            AnalysisWarning::NoVotes => "there are no votes to analyse".to_owned(),
            AnalysisWarning::FewerThanTwoComponents { found } => format!(
                "the votes vary in only {found} direction(s), so the opinion map has fewer than two axes"
            ),
            AnalysisWarning::PcaNotConverged { iterations } => format!(
                "the principal components did not converge within {iterations} passes"
            ),
            AnalysisWarning::FewerThanTwoGroups { clustered, groups } => format!(
                "only {groups} opinion group(s) could be formed from {clustered} clustered participants"
            ),
            AnalysisWarning::SmoothedKUnavailable { smoothed_k, used_k } => format!(
                "the previous number of groups ({smoothed_k}) could not be formed; {used_k} groups were used"
            ),
        })
        .collect()
}

/// Returns every warning of the analysis as sentences.
pub fn warnings(analysis: &Analysis) -> Vec<String> {
    let mut messages = polis_warnings(&analysis.polis);
    for warning in &analysis.common_ground.warnings {
        let message = match warning {
            // The pipeline already said so.
            CommonGroundWarning::NoVotes => continue,
            CommonGroundWarning::NoGroups => {
                "there are no opinion groups, so common ground rests on constituencies alone"
                    .to_owned()
            }
            CommonGroundWarning::NoConstituencies => {
                "no constituencies were given, so common ground rests on opinion groups alone"
                    .to_owned()
            }
            CommonGroundWarning::GroupOutOfRange { rows } => format!(
                "{rows} participants had a group the common-ground analysis does not know and were left ungrouped"
            ),
            CommonGroundWarning::UnknownConstituency { entries } => {
                format!("{entries} memberships named no known constituency and were ignored")
            }
            CommonGroundWarning::StatementsWithoutInfo { statements } => format!(
                "{statements} statements had votes but no description and were treated as unmoderated"
            ),
            CommonGroundWarning::ConfigValueReplaced { field } => {
                format!("the setting {field} was out of range and its default was used")
            }
        };
        messages.push(message);
    }
    messages
}
