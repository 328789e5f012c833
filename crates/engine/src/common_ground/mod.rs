//! Common ground with equal weight: tallies, intervals, reasons, differences, voice audit, routing.
//!
//! A statement is *common ground* when it holds in every opinion group and in every
//! constituency, each counted once whatever its size:
//!
//! - every opinion group and every constituency with voters has at least `min_votes` members
//!   who saw the statement (otherwise it is *provisional*, and the units still short are named);
//! - in each of them the lower bound of the Jeffreys interval for the agree rate (agree / seen,
//!   passes included in seen as Pol.is does) is at least `threshold`; a unit below it makes the
//!   statement *divided*, and every unit below it is named;
//! - the bridging intercept, when one was computed for the statement, is not negative;
//! - the statement is not moderated out.
//!
//! Every rate is weighted by the participants' analysis weights ([`weights`]): with weights,
//! the rate is the weighted share of agree votes and the interval is the Jeffreys interval on
//! Kish's effective sample size. Whether a unit has enough votes is always a head count of the
//! people who saw the statement. Statements are ranked by their *score*, the smallest interval
//! lower bound over the groups and constituencies that count (see [`StatementReport::score`]).
//!
//! Opinion groups, Pol.is routing priorities, representativeness and bridging come from the other
//! analyses as plain inputs, so this module depends on none of them.

mod differences;
mod equal_weight;
mod interval;
mod routing;
mod tally;
mod verdict;
mod voice;
pub mod weights;

use rayon::prelude::*;

pub use differences::{
    ConstituencyGaps, Differences, Distinctive, Divisive, FALSE_DISCOVERY_RATE, Gap,
    LayProfessional, benjamini_hochberg,
};
pub use interval::{
    Interval, beta_quantile, effective_jeffreys_interval, erfc, jeffreys_interval, ln_gamma,
    normal_cdf, regularized_incomplete_beta, two_sided_p_value,
};
pub use routing::{
    NO_VOTE_ROUTING_PRIORITY, RoutingInput, RoutingWeight, next_statement, routing_weights,
};
pub use tally::{Tally, WeightedTally};
pub use voice::{
    ConstituencyVoice, EqualWeightShift, GroupBalance, MapBalance, ParticipationCounts, VoiceAudit,
    WeightingAudit,
};
pub use weights::{ParticipantWeights, Stratum, StratumWeight, Weighting};

use crate::votes::{ParticipantId, StatementId, StatementInfo, VoteMatrix};
use tally::{Memberships, Tallies};

/// Whether a constituency speaks from lived experience or from a profession.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConstituencyKind {
    /// Residents, patients, carers: people who speak from lived experience.
    Lay,
    /// Clinicians, social workers, managers: people who speak from their profession.
    Professional,
}

/// A public that a dialogue wants to hear.
#[derive(Clone, Debug, PartialEq)]
pub struct Constituency {
    /// Its name, as the convenor wrote it (e.g. "carers").
    pub name: String,
    /// The share of participants the convenor expected from it, between 0 and 1.
    pub expected_share: Option<f64>,
    /// Whether it is a lay or a professional constituency, if the convenor said.
    pub kind: Option<ConstituencyKind>,
}

/// The side of a statement a group distinctively holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Repful {
    /// The group agrees more than the rest.
    Agree,
    /// The group disagrees more than the rest.
    Disagree,
}

/// A statement an opinion group distinctively holds, as the representativeness analysis found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RepFor {
    /// The statement.
    pub statement: StatementId,
    /// Whether the group distinctively agrees or disagrees.
    pub repful: Repful,
    /// How much more likely the group is to take that side than the rest (Pol.is `repness`).
    pub repness: f64,
    /// The smoothed probability that a group member takes that side (Pol.is `p-success`).
    pub p_success: f64,
    /// Group members who took that side.
    pub n_success: u64,
    /// Group members who saw the statement.
    pub n_trials: u64,
    /// The z statistic of the group against the rest (Pol.is `repness-test`); its p-value is
    /// corrected for the number of tests shown.
    pub repness_test: f64,
}

/// Everything the common-ground analysis reads.
#[derive(Clone, Copy, Debug)]
pub struct CommonGroundInput<'a> {
    /// The latest votes, agree = +1.
    pub matrix: &'a VoteMatrix,
    /// Moderation, meta flag and author of each statement, including statements nobody has
    /// voted on yet. Votes on a statement missing here count as on an unmoderated statement.
    pub statements: &'a [StatementInfo],
    /// Every participant known to the dialogue, including those who have not voted.
    pub participants: &'a [ParticipantId],
    /// The opinion group of each matrix row (`None`: not clustered).
    pub group_of_row: &'a [Option<usize>],
    /// How many opinion groups there are.
    pub n_groups: usize,
    /// The constituencies of the dialogue; memberships refer to them by index.
    pub constituencies: &'a [Constituency],
    /// Each participant's constituencies by index (several allowed). Participants who are not
    /// listed belong to no constituency.
    pub memberships: &'a [(ParticipantId, Vec<usize>)],
    /// Per matrix column: the bridging intercept, if computed.
    pub bridging: Option<&'a [Option<f64>]>,
    /// Per matrix column: the bridging polarity (the statement's factor), if computed.
    pub bridging_polarity: Option<&'a [Option<f64>]>,
    /// Per opinion group: what it distinctively holds, if computed.
    pub representativeness: Option<&'a [Vec<RepFor>]>,
    /// Each matrix row's analysis weight (`None`: head-count).
    pub weights: Option<&'a ParticipantWeights>,
}

/// Settings of the common-ground analysis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CommonGroundConfig {
    /// A group or constituency counts for a statement once this many of its members saw it
    /// (values below 1 act as 1).
    pub min_votes: u32,
    /// The agree rate whose interval lower bound every group and constituency must reach.
    pub threshold: f64,
    /// The confidence of the agree-rate intervals, strictly between 0 and 1.
    pub confidence: f64,
    /// A constituency with fewer participants than this is under-represented.
    pub min_constituency_participants: usize,
    /// β in the routing boost 1 + β / (1 + seen); 0 routes by Pol.is routing priority alone.
    pub routing_boost: f64,
    /// How many entries each ranked list of differences and shifts keeps.
    pub top_n: usize,
}

impl Default for CommonGroundConfig {
    fn default() -> Self {
        CommonGroundConfig {
            min_votes: 5,
            threshold: 0.5,
            confidence: 0.95,
            min_constituency_participants: 5,
            routing_boost: 4.0,
            top_n: 10,
        }
    }
}

/// A group or constituency, the units that common ground must hold in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// An opinion group by index; reasons call group `g` "group g+1".
    Group(usize),
    /// A constituency by index into the input's constituencies.
    Constituency(usize),
}

/// The agreement of one set of participants with one statement, with the counts behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AgreeEstimate {
    /// The votes, by head count.
    pub tally: Tally,
    /// The weighted votes, or `None` under head-count.
    pub weighted: Option<WeightedTally>,
    /// The agree rate under the analysis weights (agree / seen by head count), or `None` when
    /// nobody saw the statement.
    pub rate: Option<f64>,
    /// agree / seen by head count.
    pub head_count_rate: Option<f64>,
    /// Kish's effective number of votes, (Σw)² / Σw² (the head count without weights).
    pub effective_votes: f64,
    /// The Jeffreys interval for the agree rate on the effective number of votes, or `None`
    /// when nobody saw the statement.
    pub interval: Option<Interval>,
    /// Whether at least `min_votes` people saw the statement, so that this estimate counts.
    pub has_enough_votes: bool,
}

impl AgreeEstimate {
    fn new(tally: Tally, weighted: Option<WeightedTally>, config: &EffectiveConfig) -> Self {
        let head_count_rate = tally.agree_rate();
        let (rate, effective_votes, interval) = match weighted {
            Some(weighted) => {
                let rate = weighted.agree_rate();
                let effective = weighted.effective_size();
                let interval = rate.and_then(|rate| {
                    effective_jeffreys_interval(rate, effective, config.confidence)
                });
                (rate, effective, interval)
            }
            None => (
                head_count_rate,
                tally.seen() as f64,
                jeffreys_interval(tally.agree, tally.seen(), config.confidence),
            ),
        };
        AgreeEstimate {
            tally,
            weighted,
            rate,
            head_count_rate,
            effective_votes,
            interval,
            has_enough_votes: tally.seen() >= config.min_votes,
        }
    }

    /// The head-count estimate of the same votes.
    fn head_count(&self, config: &EffectiveConfig) -> AgreeEstimate {
        AgreeEstimate::new(self.tally, None, config)
    }

    /// Returns (agree, seen) in effective votes: the counts themselves without weights, the
    /// rate times Kish's effective size with them.
    pub fn effective_counts(&self) -> (f64, f64) {
        match (self.weighted, self.rate) {
            (Some(_), Some(rate)) => (rate * self.effective_votes, self.effective_votes),
            (Some(_), None) => (0.0, 0.0),
            (None, _) => (self.tally.agree as f64, self.tally.seen() as f64),
        }
    }
}

/// An average of agree rates in which every group (or constituency) counts once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EqualWeight {
    /// The mean of the agree rates of the groups (or constituencies) with enough votes.
    pub agreement: f64,
    /// How many groups (or constituencies) the mean is over.
    pub n_counted: usize,
}

/// Why a statement is, or is not, common ground.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// It holds in every group and every constituency with voters, each with enough votes.
    CommonGround,
    /// A moderator moved it out, or it is a meta statement; it is never common ground.
    ModeratedOut,
    /// The dialogue has neither opinion groups nor constituencies to judge by.
    NoGroupsOrConstituencies,
    /// No group or constituency has `min_votes` yet; `unit` is the closest, which needs
    /// `needed` more.
    TooFewVotes {
        /// The group or constituency closest to having enough votes.
        unit: Unit,
        /// How many more of its members must see the statement.
        needed: u64,
    },
    /// Divided: the agree interval of `unit`, the weakest that counts, falls below the
    /// threshold, and so do those of every unit in `disagreeing`.
    BelowThreshold {
        /// The group or constituency with the lowest interval lower bound.
        unit: Unit,
        /// Every group and constituency with enough votes that falls below the threshold, in
        /// unit order (groups first).
        disagreeing: Vec<Unit>,
    },
    /// Not enough votes yet: every group and constituency with enough votes agrees, but the
    /// units in `short` (in unit order) have too few.
    Provisional {
        /// The groups and constituencies with voters that still have too few votes.
        short: Vec<Unit>,
    },
    /// Every group and constituency agrees, but the bridging intercept is negative.
    NegativeBridging {
        /// The intercept.
        intercept: f64,
    },
}

/// Everything the analysis says about one statement.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementReport {
    /// The statement.
    pub statement: StatementId,
    /// Its place in the ranking, from 1.
    pub rank: usize,
    /// Its author, if a participant wrote it.
    pub author: Option<ParticipantId>,
    /// Whether it is moderated out (rejected or meta).
    pub is_moderated_out: bool,
    /// Head-count agreement: all participants pooled.
    pub overall: AgreeEstimate,
    /// Agreement per opinion group, by group index.
    pub groups: Vec<AgreeEstimate>,
    /// Agreement per constituency, by constituency index.
    pub constituencies: Vec<AgreeEstimate>,
    /// The mean agree rate over groups with enough votes, each counted once.
    pub group_equal_weight: Option<EqualWeight>,
    /// The mean agree rate over constituencies with enough votes, each counted once.
    pub constituency_equal_weight: Option<EqualWeight>,
    /// Group equal-weight agreement minus head-count agreement.
    pub group_equal_weight_effect: Option<f64>,
    /// Constituency equal-weight agreement minus head-count agreement.
    pub constituency_equal_weight_effect: Option<f64>,
    /// Pol.is group-informed consensus: the product over groups of (A + 1) / (S + 2).
    pub group_informed_consensus: Option<f64>,
    /// The geometric mean over groups of (A + 1/2) / (S + 1), which neither small groups nor
    /// a large number of groups pull down.
    pub robust_group_consensus: Option<f64>,
    /// The bridging intercept, if computed.
    pub bridging: Option<f64>,
    /// The bridging polarity, if computed.
    pub bridging_polarity: Option<f64>,
    /// Whether the statement would be common ground by head count, when the analysis is
    /// weighted (`None` under head-count).
    pub head_count_is_common_ground: Option<bool>,
    /// `Some(true)` when every group with enough votes agrees, `Some(false)` when one does
    /// not, `None` when no group has enough votes.
    pub holds_across_groups: Option<bool>,
    /// The same for constituencies.
    pub holds_across_constituencies: Option<bool>,
    /// Whether the statement is common ground.
    pub is_common_ground: bool,
    /// Why it is or is not.
    pub standing: Standing,
    /// The ranking score: the smallest interval lower bound over the groups and constituencies
    /// with enough votes (`None` when none has, or when moderated out).
    pub score: Option<f64>,
    /// One line a convenor can read, e.g. "agreed by 71–93% in all 3 groups and all 5
    /// constituencies" or "not common ground: carers 38% agree (5 of 13)".
    pub reason: String,
}

/// Something odd about the input that the analysis worked around.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommonGroundWarning {
    /// Nobody has voted yet.
    NoVotes,
    /// There are no opinion groups, so common ground rests on constituencies alone.
    NoGroups,
    /// There are no constituencies, so common ground rests on opinion groups alone.
    NoConstituencies,
    /// Rows whose group index was not below `n_groups`; they were treated as not clustered.
    GroupOutOfRange {
        /// How many rows.
        rows: usize,
    },
    /// Membership entries naming no constituency; they were dropped.
    UnknownConstituency {
        /// How many entries.
        entries: usize,
    },
    /// Statements with votes but without statement information; they were treated as
    /// unmoderated statements without an author.
    StatementsWithoutInfo {
        /// How many statements.
        statements: usize,
    },
    /// A configuration value was out of range and its default was used instead.
    ConfigValueReplaced {
        /// The field.
        field: &'static str,
    },
}

/// The result of the common-ground analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct CommonGroundReport {
    /// Every statement, best first (see [`StatementReport::rank`]).
    pub statements: Vec<StatementReport>,
    /// How many statements are common ground.
    pub n_common_ground: usize,
    /// How many opinion groups the analysis used.
    pub n_groups: usize,
    /// Divisive statements, what each group holds, and where constituencies diverge.
    pub differences: Differences,
    /// Who took part, against what was expected, and what equal weighting changed.
    pub voice: VoiceAudit,
    /// The weighting the tallies used.
    pub weighting: Weighting,
    /// Odd input that the analysis worked around.
    pub warnings: Vec<CommonGroundWarning>,
    /// (statement, position in `statements`), sorted by statement.
    index: Vec<(StatementId, usize)>,
}

impl CommonGroundReport {
    /// Returns the report of a statement, if the analysis knows it.
    pub fn statement(&self, statement: StatementId) -> Option<&StatementReport> {
        self.index
            .binary_search_by_key(&statement, |&(id, _)| id)
            .ok()
            .map(|position| &self.statements[self.index[position].1])
    }

    /// Returns the common-ground statements, best first.
    pub fn common_ground(&self) -> impl Iterator<Item = &StatementReport> {
        self.statements
            .iter()
            .filter(|statement| statement.is_common_ground)
    }
}

/// The configuration after out-of-range values were replaced.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EffectiveConfig {
    pub(crate) min_votes: u64,
    pub(crate) threshold: f64,
    pub(crate) confidence: f64,
    pub(crate) min_constituency_participants: usize,
    pub(crate) top_n: usize,
}

impl EffectiveConfig {
    fn new(config: &CommonGroundConfig, warnings: &mut Vec<CommonGroundWarning>) -> Self {
        let defaults = CommonGroundConfig::default();
        let confidence = if config.confidence > 0.0 && config.confidence < 1.0 {
            config.confidence
        } else {
            warnings.push(CommonGroundWarning::ConfigValueReplaced {
                field: "confidence",
            });
            defaults.confidence
        };
        let threshold = if config.threshold.is_finite() {
            config.threshold
        } else {
            warnings.push(CommonGroundWarning::ConfigValueReplaced { field: "threshold" });
            defaults.threshold
        };
        EffectiveConfig {
            min_votes: u64::from(config.min_votes.max(1)),
            threshold,
            confidence,
            min_constituency_participants: config.min_constituency_participants,
            top_n: config.top_n,
        }
    }
}

/// One statement's information as the analysis uses it.
#[derive(Clone, Copy, Debug)]
struct StatementEntry {
    id: StatementId,
    column: Option<usize>,
    is_moderated_out: bool,
    author: Option<ParticipantId>,
}

/// Lists every statement once, sorted by id: those described in the input (the first
/// description of an id wins) and those that only appear as matrix columns.
fn statement_entries(
    matrix: &VoteMatrix,
    statements: &[StatementInfo],
) -> (Vec<StatementEntry>, usize) {
    let mut infos: Vec<&StatementInfo> = statements.iter().collect();
    infos.sort_by_key(|info| info.id);
    infos.dedup_by_key(|info| info.id);
    let mut entries: Vec<StatementEntry> = infos
        .iter()
        .map(|info| StatementEntry {
            id: info.id,
            column: matrix.column_of(info.id),
            is_moderated_out: info.is_moderated_out(),
            author: info.author,
        })
        .collect();
    let mut without_info = 0;
    for (column, &id) in matrix.statements().iter().enumerate() {
        if infos.binary_search_by_key(&id, |info| info.id).is_err() {
            without_info += 1;
            entries.push(StatementEntry {
                id,
                column: Some(column),
                is_moderated_out: false,
                author: None,
            });
        }
    }
    entries.sort_by_key(|entry| entry.id);
    (entries, without_info)
}

/// Returns the value for a column of an optional per-column slice.
fn per_column(values: Option<&[Option<f64>]>, column: Option<usize>) -> Option<f64> {
    let column = column?;
    values?.get(column).copied().flatten()
}

/// Runs the common-ground analysis: tallies with intervals, equal-weight agreement, consensus,
/// the common-ground verdict with its reason and rank, differences, and the voice audit.
///
/// Never panics: empty input, zero groups, zero constituencies and statements without votes
/// all give a report, with warnings where the input was odd.
pub fn analyze(input: &CommonGroundInput, config: &CommonGroundConfig) -> CommonGroundReport {
    let mut warnings = Vec::new();
    let config = EffectiveConfig::new(config, &mut warnings);
    if input.matrix.n_votes() == 0 {
        warnings.push(CommonGroundWarning::NoVotes);
    }
    if input.n_groups == 0 {
        warnings.push(CommonGroundWarning::NoGroups);
    }
    if input.constituencies.is_empty() {
        warnings.push(CommonGroundWarning::NoConstituencies);
    }

    let n_rows = input.matrix.n_participants();
    let mut out_of_range_rows = 0;
    let group_of_row: Vec<Option<usize>> = (0..n_rows)
        .map(|row| match input.group_of_row.get(row).copied().flatten() {
            Some(group) if group < input.n_groups => Some(group),
            Some(_) => {
                out_of_range_rows += 1;
                None
            }
            None => None,
        })
        .collect();
    if out_of_range_rows > 0 {
        warnings.push(CommonGroundWarning::GroupOutOfRange {
            rows: out_of_range_rows,
        });
    }
    let memberships = Memberships::new(input.memberships, input.constituencies.len());
    if memberships.unknown_indices > 0 {
        warnings.push(CommonGroundWarning::UnknownConstituency {
            entries: memberships.unknown_indices,
        });
    }
    let (entries, without_info) = statement_entries(input.matrix, input.statements);
    if without_info > 0 {
        warnings.push(CommonGroundWarning::StatementsWithoutInfo {
            statements: without_info,
        });
    }

    let weights = input.weights.filter(|weights| {
        weights.weighting != Weighting::HeadCount
            && weights.weights.len() == n_rows
            && !weights.is_uniform()
    });
    let tallies = Tallies::build(
        input.matrix,
        &group_of_row,
        input.n_groups,
        input.constituencies,
        &memberships,
        weights.map(|weights| weights.weights.as_slice()),
    );
    let mut constituency_has_voters = vec![false; input.constituencies.len()];
    for &participant in input.matrix.participants() {
        for &index in memberships.of(participant) {
            constituency_has_voters[index] = true;
        }
    }
    let units = UnitsInPlay {
        constituency_has_voters: &constituency_has_voters,
        is_weighted: weights.is_some(),
    };

    let mut statements: Vec<StatementReport> = entries
        .par_iter()
        .map(|entry| statement_report(entry, input, &tallies, &units, &config))
        .collect();
    verdict::rank(&mut statements);
    let n_common_ground = statements.iter().filter(|s| s.is_common_ground).count();
    let mut index: Vec<(StatementId, usize)> = statements
        .iter()
        .enumerate()
        .map(|(position, statement)| (statement.statement, position))
        .collect();
    index.sort_unstable();

    let differences = differences::differences(
        input,
        &entries,
        &statements,
        &tallies,
        &memberships,
        &config,
    );
    let voice = voice::audit(input, &statements, &memberships, &group_of_row, &config);

    CommonGroundReport {
        statements,
        n_common_ground,
        n_groups: input.n_groups,
        differences,
        voice,
        weighting: input
            .weights
            .map_or(Weighting::HeadCount, |weights| weights.weighting),
        warnings,
        index,
    }
}

/// Which units the verdict must hear, and whether the tallies are weighted.
pub(crate) struct UnitsInPlay<'a> {
    /// Per constituency: whether any of its members voted on anything.
    pub(crate) constituency_has_voters: &'a [bool],
    pub(crate) is_weighted: bool,
}

/// Builds the report of one statement, except for its rank.
fn statement_report(
    entry: &StatementEntry,
    input: &CommonGroundInput,
    tallies: &Tallies,
    units: &UnitsInPlay,
    config: &EffectiveConfig,
) -> StatementReport {
    let column = entry.column;
    let overall = AgreeEstimate::new(
        tallies.overall(column),
        tallies.weighted_overall(column),
        config,
    );
    let groups: Vec<AgreeEstimate> = (0..input.n_groups)
        .map(|group| {
            AgreeEstimate::new(
                tallies.group(group, column),
                tallies.weighted_group(group, column),
                config,
            )
        })
        .collect();
    let constituencies: Vec<AgreeEstimate> = (0..input.constituencies.len())
        .map(|constituency| {
            AgreeEstimate::new(
                tallies.constituency(constituency, column),
                tallies.weighted_constituency(constituency, column),
                config,
            )
        })
        .collect();
    let group_equal_weight = equal_weight::equal_weight(&groups);
    let constituency_equal_weight = equal_weight::equal_weight(&constituencies);
    let effect = |equal: Option<EqualWeight>| Some(equal?.agreement - overall.rate?);
    let bridging = per_column(input.bridging, column);
    let judgement = verdict::judge(
        entry.is_moderated_out,
        &groups,
        &constituencies,
        units.constituency_has_voters,
        bridging,
        config,
    );
    let head_count_is_common_ground = units.is_weighted.then(|| {
        let head_count = |estimates: &[AgreeEstimate]| -> Vec<AgreeEstimate> {
            estimates.iter().map(|e| e.head_count(config)).collect()
        };
        verdict::judge(
            entry.is_moderated_out,
            &head_count(&groups),
            &head_count(&constituencies),
            units.constituency_has_voters,
            bridging,
            config,
        )
        .standing
            == Standing::CommonGround
    });
    let reason = verdict::reason(
        &judgement,
        &groups,
        &constituencies,
        input.constituencies,
        config,
    );
    let group_informed_consensus = equal_weight::group_informed_consensus(&groups);
    let robust_group_consensus = equal_weight::robust_group_consensus(&groups);
    StatementReport {
        statement: entry.id,
        rank: 0,
        author: entry.author,
        is_moderated_out: entry.is_moderated_out,
        group_equal_weight_effect: effect(group_equal_weight),
        constituency_equal_weight_effect: effect(constituency_equal_weight),
        overall,
        groups,
        constituencies,
        group_equal_weight,
        constituency_equal_weight,
        group_informed_consensus,
        robust_group_consensus,
        bridging,
        bridging_polarity: per_column(input.bridging_polarity, column),
        head_count_is_common_ground,
        holds_across_groups: judgement.holds_across_groups,
        holds_across_constituencies: judgement.holds_across_constituencies,
        is_common_ground: judgement.standing == Standing::CommonGround,
        standing: judgement.standing.clone(),
        score: judgement.score,
        reason,
    }
}
