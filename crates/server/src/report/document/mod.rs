//! Common Ground's analysis document (agree = +1), documented in `docs/analysis-json.md` with
//! the schema `docs/analysis.schema.json`.
//!
//! One set of types serves every reader and writer: `commonground analyze --format json`
//! writes it, the server stores it with each snapshot, `GET /api/dialogues/{id}/analysis`
//! serves it and the report pages read it. Reading is strict (unknown fields are refused and
//! every field is required, `null` where the schema allows it), so a renamed field fails
//! loudly instead of leaving part of a page blank. The engine's types do not derive
//! `Serialize`; [`build`] maps them here field by field.

mod build;
mod notices;
mod numbering;
pub mod synthetic;

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

pub use build::{
    AuthorVoteCounts, Source, SourceStatement, document, polis_warnings, render, render_compact,
    warnings,
};
pub use notices::{Notice, notices, polis_notices};
pub(crate) use numbering::{
    group_letter, group_name, group_name_in, numbers_by_id, statement_numbers,
};

/// The name written in every document's `format` field.
pub const FORMAT_NAME: &str = "commonground-analysis";

/// The version of this format; it changes when a field changes meaning or disappears.
pub const FORMAT_VERSION: u32 = 3;

/// Names opinion group `index` as the analysis does: "group 1" is index 0.
pub fn group_label(index: usize) -> String {
    format!("group {}", index + 1)
}

/// Reads a field that may be `null` but must be present (serde would otherwise take a
/// missing `Option` as `None`).
fn required<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// Why a stored document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// It was written by an earlier version of the format and needs recomputing.
    #[error(
        "the analysis was written in version {found} of the format; this server reads version {FORMAT_VERSION}"
    )]
    Outdated {
        /// The version it carries.
        found: u32,
    },
    /// It does not match the format: a field is missing, renamed or of the wrong type.
    #[error("the analysis does not match version {FORMAT_VERSION} of its format: {0}")]
    Malformed(#[source] serde_json::Error),
}

/// The first two fields of any version, read to tell an old document from a broken one.
#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// Reads a document strictly.
pub fn read(json: &str) -> Result<Document, ReadError> {
    let outdated = || {
        serde_json::from_str::<Header>(json)
            .ok()
            .filter(|header| header.version != FORMAT_VERSION)
            .map(|header| ReadError::Outdated {
                found: header.version,
            })
    };
    match serde_json::from_str::<Document>(json) {
        Ok(document) if document.version == FORMAT_VERSION => Ok(document),
        Ok(document) => Err(ReadError::Outdated {
            found: document.version,
        }),
        Err(error) => Err(outdated().unwrap_or(ReadError::Malformed(error))),
    }
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always [`FORMAT_NAME`].
    pub format: Format,
    /// [`FORMAT_VERSION`] when written by this build.
    pub version: u32,
    /// What was analysed.
    pub dialogue: Dialogue,
    /// What was read.
    pub input: Input,
    /// Every statement, by id.
    pub statements: Vec<Statement>,
    /// Every participant who voted, in the matrix's row order.
    pub participants: Vec<Participant>,
    /// The principal components.
    pub pca: Pca,
    /// The base clusters.
    pub base_clusters: Vec<BaseCluster>,
    /// The opinion groups.
    pub groups: Vec<Group>,
    /// The silhouette of each number of groups tried.
    pub silhouettes: BTreeMap<u32, f64>,
    /// Pol.is's consensus statements.
    pub consensus: Consensus,
    /// The common-ground summary.
    pub common_ground: CommonGround,
    /// Divisive statements and gaps between constituencies.
    pub differences: Differences,
    /// The voice audit.
    pub voice: Voice,
    /// How participants were weighed in the common-ground tallies.
    pub weighting: WeightingSummary,
    /// The bridging model's fit.
    pub bridging: Bridging,
    /// The analysis's notes about its limits, as English sentences.
    pub warnings: Vec<String>,
    /// The same notes as data, one for each of `warnings`, for the report to say in the
    /// reader's language; absent from documents written before they were kept.
    #[serde(default)]
    pub notices: Vec<Notice>,
    /// The comparison of the dialogue's current round with the one before; absent for a
    /// dialogue in its first round and from documents not of a live dialogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<Rounds>,
}

/// A dialogue's rounds, and how the current round compares with the one before it. The
/// document's other sections are the current round's; opinion groups here are its groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rounds {
    /// Every round so far, first to current.
    pub rounds: Vec<RoundSummary>,
    /// The number of the round compared with.
    pub earlier: u32,
    /// The number of the current round.
    pub later: u32,
    /// Who voted in each round, came back, and changed a vote.
    pub voters: RoundVoters,
    /// Returning and moved participants by the current round's opinion groups.
    pub groups: Vec<RoundMovement>,
    /// Returning and moved participants by constituency, in the dialogue's order.
    pub constituencies: Vec<RoundMovement>,
    /// Every statement with votes in either round, by id.
    pub statements: Vec<RoundStatement>,
    /// Statements that became common ground.
    pub gained: Vec<u32>,
    /// Statements that stopped being common ground.
    pub lost: Vec<u32>,
    /// Statements common ground in both rounds.
    pub kept: Vec<u32>,
}

/// One round of a dialogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundSummary {
    /// Its number, from 1.
    pub number: u32,
    /// Its name.
    pub label: String,
    /// When it started, in milliseconds since the Unix epoch.
    pub started_at: i64,
    /// When the next round started; `null` for the current round.
    #[serde(deserialize_with = "required")]
    pub ended_at: Option<i64>,
    /// Participants with a latest vote in it.
    pub voters: u64,
    /// Its latest votes.
    pub votes: u64,
}

/// Participants across the two rounds compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundVoters {
    /// With a vote in the earlier round.
    pub earlier: u32,
    /// With a vote in the current round.
    pub later: u32,
    /// Who voted on the same statement in both.
    pub returning: u32,
    /// Of those, who changed at least one such vote.
    pub moved: u32,
}

/// Returning and moved participants within one group or constituency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundMovement {
    /// The group's label or the constituency's name.
    pub name: String,
    /// Who voted on the same statement in both rounds.
    pub returning: u32,
    /// Of those, who changed at least one such vote.
    pub moved: u32,
}

/// What happened to a statement's place in common ground between the rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommonGroundChange {
    /// Common ground in the current round only.
    Gained,
    /// Common ground in the earlier round only.
    Lost,
    /// Common ground in both.
    Kept,
    /// In neither.
    Neither,
}

/// One statement in both rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundStatement {
    /// The statement.
    pub statement: u32,
    /// Everyone's votes on it in each round.
    pub overall: RoundShift,
    /// By the current round's opinion groups.
    pub groups: Vec<RoundShift>,
    /// By constituency.
    pub constituencies: Vec<RoundShift>,
    /// Participants who voted on it in both rounds, by earlier (rows) and later (columns)
    /// choice, each in the order agree, disagree, pass.
    pub transitions: [[u32; 3]; 3],
    /// How many of them changed their vote.
    pub moved: u32,
    /// Its place in common ground.
    pub common_ground: CommonGroundChange,
}

/// One set of people's votes on a statement in each round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundShift {
    /// In the earlier round.
    pub earlier: Tally,
    /// In the current round.
    pub later: Tally,
    /// The change in the share of agree, current minus earlier; `null` when a round has no
    /// votes from them.
    #[serde(deserialize_with = "required")]
    pub change: Option<f64>,
}

/// The `format` field's only value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// `commonground-analysis`.
    #[serde(rename = "commonground-analysis")]
    CommonGroundAnalysis,
}

/// Where the votes came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A Pol.is open-data export.
    PolisOpenData,
    /// A Pol.is API dump.
    PolisApiDump,
    /// A live dialogue.
    #[serde(rename = "commonground")]
    CommonGround,
}

/// The sign convention, written out so a reader cannot mistake it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteConvention {
    /// Agree is +1.
    #[serde(rename = "agree=+1,disagree=-1,pass=0")]
    AgreePositive,
}

/// The dialogue analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dialogue {
    /// Its question or title, when known.
    #[serde(deserialize_with = "required")]
    pub topic: Option<String>,
    /// Where its votes came from.
    pub source: SourceKind,
    /// The seed of the analysis.
    pub seed: u64,
    /// The sign convention.
    pub vote_convention: VoteConvention,
    /// Whether the analysis continued from a Pol.is state.
    pub continues_polis_state: bool,
}

/// Agree, disagree and pass counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// Agree votes.
    pub agree: u64,
    /// Disagree votes.
    pub disagree: u64,
    /// Passes.
    pub pass: u64,
}

impl Tally {
    /// Returns how many saw the statement (passes count as seen).
    pub fn seen(&self) -> u64 {
        self.agree + self.disagree + self.pass
    }
}

/// What was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Vote rows read, superseded ones included.
    pub vote_rows: usize,
    /// Rows replaced by a later vote of the same participant on the same statement.
    pub superseded_votes: usize,
    /// The latest votes.
    pub votes: usize,
    /// Participants who voted.
    pub voters: usize,
    /// Statements described.
    pub statements: usize,
    /// Statements with at least one vote.
    pub statements_with_votes: usize,
    /// Statements with votes but no description.
    pub unlisted_statements: usize,
    /// Whether the votes were negated on reading.
    pub votes_negated: bool,
    /// How the authors' earliest votes on their own statements went.
    pub author_first_votes: Tally,
}

/// A statement's moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    /// Accepted.
    Accepted,
    /// Not yet moderated.
    Unmoderated,
    /// Rejected.
    Rejected,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Its id.
    pub id: u32,
    /// Its text.
    pub text: String,
    /// The participant who wrote it, if one did.
    #[serde(deserialize_with = "required")]
    pub author: Option<u32>,
    /// Its moderation.
    pub moderation: Moderation,
    /// Whether it is a meta statement.
    pub is_meta: bool,
    /// Whether moderation keeps it out of the analysis.
    pub is_moderated_out: bool,
    /// The latest votes on it.
    pub votes: Tally,
    /// Where a participant agreeing with it alone would be.
    #[serde(deserialize_with = "required")]
    pub projection: Option<[f64; 2]>,
    /// The length of its projection.
    #[serde(deserialize_with = "required")]
    pub extremity: Option<f64>,
    /// Pol.is's group-informed consensus.
    #[serde(deserialize_with = "required")]
    pub group_informed_consensus: Option<f64>,
    /// Pol.is's routing priority for showing the statement next.
    #[serde(deserialize_with = "required")]
    pub routing_priority: Option<f64>,
    /// Its bridging scores.
    #[serde(deserialize_with = "required")]
    pub bridging: Option<StatementBridging>,
    /// Its common-ground verdict.
    #[serde(deserialize_with = "required")]
    pub common_ground: Option<StatementGround>,
}

/// A statement's bridging scores: the group-balanced fit's, which the common-ground gate reads,
/// and the head-count fit's beside them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementBridging {
    /// The bridging intercept.
    #[serde(deserialize_with = "required")]
    pub intercept: Option<f64>,
    /// The polarity factor.
    #[serde(deserialize_with = "required")]
    pub polarity: Option<f64>,
    /// The ratings it had.
    pub n_ratings: usize,
    /// Why it was not scored, if it was not.
    #[serde(deserialize_with = "required")]
    pub excluded: Option<String>,
    /// The same scores from the Community Notes fit, every rating counting the same.
    pub head_count: HeadCountStatementBridging,
}

/// A statement's scores in the head-count (Community Notes) bridging fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadCountStatementBridging {
    /// The head-count intercept.
    #[serde(deserialize_with = "required")]
    pub intercept: Option<f64>,
    /// The head-count polarity factor.
    #[serde(deserialize_with = "required")]
    pub polarity: Option<f64>,
    /// The ratings the head-count fit used.
    pub n_ratings: usize,
    /// Why the head-count fit did not score it, if it did not.
    #[serde(deserialize_with = "required")]
    pub excluded: Option<String>,
}

/// An agree rate with its interval, in one group or constituency or overall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    /// Agree votes.
    pub agree: u64,
    /// Disagree votes.
    pub disagree: u64,
    /// Passes.
    pub pass: u64,
    /// Agree ÷ seen.
    #[serde(deserialize_with = "required")]
    pub rate: Option<f64>,
    /// The 95% Jeffreys interval, on the effective number of votes.
    #[serde(deserialize_with = "required")]
    pub interval: Option<[f64; 2]>,
    /// Whether there were enough votes to count it.
    pub has_enough_votes: bool,
    /// Agree ÷ seen by head count (equal to `rate` under head-count weighting).
    #[serde(deserialize_with = "required")]
    pub head_count_rate: Option<f64>,
    /// Kish's effective number of votes, (Σw)² / Σw² (the head count without weights).
    pub effective_votes: f64,
}

impl Estimate {
    /// Returns how many saw the statement.
    pub fn seen(&self) -> u64 {
        self.agree + self.disagree + self.pass
    }
}

/// Equal-weight agreement across groups or constituencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EqualWeight {
    /// The plain mean of their rates.
    pub agreement: f64,
    /// How many counted.
    pub n_counted: usize,
}

/// Whether a unit is an opinion group or a constituency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// An opinion group.
    Group,
    /// A constituency.
    Constituency,
}

/// An opinion group or constituency named in a verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Group or constituency.
    pub kind: UnitKind,
    /// Its index.
    pub index: usize,
    /// Its name.
    pub name: String,
}

/// Why a statement stands where it does. The variants without data are empty structs so that
/// an unknown field beside their `kind` is refused as well.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Standing {
    /// It is common ground.
    CommonGround {},
    /// Moderation keeps it out.
    ModeratedOut {},
    /// No group or constituency had enough votes.
    NoGroupsOrConstituencies {},
    /// A group or constituency needs more votes.
    TooFewVotes {
        /// Which.
        unit: Unit,
        /// How many more votes it needs.
        needed: u64,
    },
    /// Divided: a group or constituency is not clearly above half.
    BelowThreshold {
        /// The weakest.
        unit: Unit,
        /// Every group and constituency with enough votes that is not clearly above half.
        disagreeing: Vec<Unit>,
    },
    /// Not enough votes yet: agreed wherever counted, but some units have too few votes.
    Provisional {
        /// The groups and constituencies still short of votes.
        short: Vec<Unit>,
    },
    /// The bridging intercept is negative.
    NegativeBridging {
        /// The intercept.
        intercept: f64,
    },
}

/// A statement's common-ground verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementGround {
    /// Whether it is common ground.
    pub is_common_ground: bool,
    /// Its rank, best first.
    pub rank: usize,
    /// Its score, the smallest lower bound that counts.
    #[serde(deserialize_with = "required")]
    pub score: Option<f64>,
    /// Why it stands where it does.
    pub standing: Standing,
    /// The same, as a sentence.
    pub reason: String,
    /// Everyone's agreement.
    pub overall: Estimate,
    /// Each group's agreement, by index.
    pub groups: Vec<Estimate>,
    /// Each constituency's agreement, by index.
    pub constituencies: Vec<Estimate>,
    /// Equal-weight agreement across groups.
    #[serde(deserialize_with = "required")]
    pub group_equal_weight: Option<EqualWeight>,
    /// Equal-weight agreement across constituencies.
    #[serde(deserialize_with = "required")]
    pub constituency_equal_weight: Option<EqualWeight>,
    /// Equal weight across groups minus the head count.
    #[serde(deserialize_with = "required")]
    pub group_equal_weight_effect: Option<f64>,
    /// Equal weight across constituencies minus the head count.
    #[serde(deserialize_with = "required")]
    pub constituency_equal_weight_effect: Option<f64>,
    /// The robust group consensus.
    #[serde(deserialize_with = "required")]
    pub robust_group_consensus: Option<f64>,
    /// Whether it holds across every group.
    #[serde(deserialize_with = "required")]
    pub holds_across_groups: Option<bool>,
    /// Whether it holds across every constituency.
    #[serde(deserialize_with = "required")]
    pub holds_across_constituencies: Option<bool>,
    /// Whether it would be common ground by head count (`null` under head-count weighting).
    #[serde(deserialize_with = "required")]
    pub head_count_is_common_ground: Option<bool>,
}

/// One participant who voted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Their id.
    pub id: u32,
    /// The id of their opinion group.
    #[serde(deserialize_with = "required")]
    pub group: Option<usize>,
    /// Whether they voted enough to be placed.
    pub in_conv: bool,
    /// Their latest votes.
    pub votes: u32,
    /// Their position on the map.
    pub projection: [f64; 2],
    /// Their constituencies' names.
    pub constituencies: Vec<String>,
}

/// The principal components.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pca {
    /// The statements of the columns, in order.
    pub statements: Vec<u32>,
    /// The centre.
    pub center: Vec<f64>,
    /// The components, one row each.
    pub components: Vec<Vec<f64>>,
    /// Their eigenvalues.
    pub eigenvalues: Vec<f64>,
}

/// A base cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaseCluster {
    /// Its id.
    pub id: usize,
    /// Its participants.
    pub members: Vec<u32>,
    /// Its centre.
    pub center: [f64; 2],
}

/// Which side of a statement a group holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Agree.
    Agree,
    /// Disagree.
    Disagree,
}

/// A statement a group distinctively holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representative {
    /// The statement.
    pub statement: u32,
    /// The side held.
    pub side: Side,
    /// Representativeness.
    pub repness: f64,
    /// Its test statistic.
    pub repness_test: f32,
    /// The probability of the side within the group.
    pub p_success: f64,
    /// Its test statistic.
    pub p_test: f64,
    /// Members on that side.
    pub n_success: u32,
    /// Members who saw it.
    pub n_trials: u32,
    /// Whether it is the group's best agreed statement.
    pub best_agree: bool,
    /// The two-sided p-value of `repness_test`.
    pub p_value: f64,
    /// Its Benjamini–Hochberg q-value across every test the differences show.
    pub q_value: f64,
    /// Whether the q-value is at most 0.05.
    pub is_discovery: bool,
}

/// An opinion group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The clustering's own id.
    pub id: usize,
    /// "group 1", … by index.
    pub label: String,
    /// How many participants it holds.
    pub n_members: usize,
    /// Its centre.
    pub center: [f64; 2],
    /// Its base clusters' ids.
    pub base_clusters: Vec<usize>,
    /// What it distinctively holds.
    pub representative: Vec<Representative>,
}

/// A consensus statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsensusEntry {
    /// The statement.
    pub statement: u32,
    /// Participants on the side.
    pub n_success: u32,
    /// Participants who saw it.
    pub n_trials: u32,
    /// The probability of the side.
    pub p_success: f64,
    /// Its test statistic.
    pub p_test: f64,
}

/// Pol.is's consensus statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consensus {
    /// Agreed by most.
    pub agree: Vec<ConsensusEntry>,
    /// Disagreed by most.
    pub disagree: Vec<ConsensusEntry>,
}

/// The common-ground summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonGround {
    /// How many statements are common ground.
    pub n_common_ground: usize,
    /// Those statements, best first.
    pub statements: Vec<u32>,
    /// Every statement, best first.
    pub ranking: Vec<u32>,
}

/// A divisive statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Divisive {
    /// The statement.
    pub statement: u32,
    /// Highest rate minus lowest.
    pub spread: f64,
    /// The standard deviation of the groups' rates.
    pub std_dev: f64,
    /// The index of the group that agrees most.
    pub most_agreeing_group: usize,
    /// Its rate.
    pub highest_rate: f64,
    /// The index of the group that agrees least.
    pub least_agreeing_group: usize,
    /// Its rate.
    pub lowest_rate: f64,
    /// How many groups counted.
    pub n_groups_counted: usize,
}

/// A difference between two sets of participants on one statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// The statement.
    pub statement: u32,
    /// The first set's votes.
    pub first: Tally,
    /// The second set's votes.
    pub second: Tally,
    /// The first set's agree rate.
    pub first_rate: f64,
    /// The second set's agree rate.
    pub second_rate: f64,
    /// First rate minus second.
    pub difference: f64,
    /// The two-proportion z statistic.
    pub z: f64,
    /// Its two-sided p-value.
    pub p_value: f64,
    /// Its Benjamini–Hochberg q-value across every test the differences show.
    pub q_value: f64,
    /// Whether the q-value is at most 0.05.
    pub is_discovery: bool,
}

/// The gaps between two constituencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstituencyGaps {
    /// The first constituency.
    pub first: String,
    /// The second constituency.
    pub second: String,
    /// The clearest gaps.
    pub gaps: Vec<Gap>,
}

/// Lay against professional constituencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayProfessional {
    /// The lay constituencies.
    pub lay_constituencies: Vec<String>,
    /// The professional constituencies.
    pub professional_constituencies: Vec<String>,
    /// Participants in a lay constituency.
    pub lay_participants: usize,
    /// Participants in a professional constituency.
    pub professional_participants: usize,
    /// Participants in both.
    pub in_both: usize,
    /// The clearest gaps.
    pub gaps: Vec<Gap>,
}

/// Where people differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Differences {
    /// Divisive statements, most divisive first.
    pub divisive: Vec<Divisive>,
    /// Gaps between each pair of constituencies.
    pub constituency_gaps: Vec<ConstituencyGaps>,
    /// Lay against professional, when both kinds are named.
    #[serde(deserialize_with = "required")]
    pub lay_professional: Option<LayProfessional>,
}

/// Participation counts of a constituency or of the unaffiliated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Participants.
    pub participants: usize,
    /// Participants who voted.
    pub voters: usize,
    /// Their votes.
    pub votes: usize,
    /// Statements they wrote.
    pub statements_written: usize,
    /// Of those, statements that are common ground.
    pub statements_common_ground: usize,
}

/// A constituency's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConstituencyKind {
    /// People speaking for themselves.
    Lay,
    /// People speaking from their work.
    Professional,
}

/// One constituency in the voice audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstituencyVoice {
    /// Its name.
    pub name: String,
    /// Its kind, when known.
    #[serde(deserialize_with = "required")]
    pub kind: Option<ConstituencyKind>,
    /// How it took part.
    pub counts: Counts,
    /// Its share of participants.
    #[serde(deserialize_with = "required")]
    pub share: Option<f64>,
    /// The share the convenors expected.
    #[serde(deserialize_with = "required")]
    pub expected_share: Option<f64>,
    /// Its share of votes.
    #[serde(deserialize_with = "required")]
    pub vote_share: Option<f64>,
    /// Whether it has fewer participants than expected.
    pub is_below_expected_share: bool,
    /// Whether it has too few participants to judge its views.
    pub has_too_few_participants: bool,
    /// Whether it is under-represented.
    pub is_under_represented: bool,
    /// The population share the convenors gave for frame weighting.
    #[serde(deserialize_with = "required")]
    pub population_share: Option<f64>,
    /// Its voters' share of the total analysis weight.
    #[serde(deserialize_with = "required")]
    pub weighted_share: Option<f64>,
    /// The analysis weight of one of its members (the mean weight is 1).
    #[serde(deserialize_with = "required")]
    pub weight_per_voter: Option<f64>,
    /// Whether fewer than five voters carry it with large weights.
    pub is_thinly_carried: bool,
    /// Whether its frame share was trimmed.
    pub is_frame_share_trimmed: bool,
}

/// A statement whose agreement moves between head count and equal weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shift {
    /// The statement.
    pub statement: u32,
    /// Agreement by head count.
    pub head_count: f64,
    /// Agreement with each constituency counted once.
    pub equal_weight: f64,
    /// Equal weight minus head count.
    pub effect: f64,
    /// Whether it is common ground.
    pub is_common_ground: bool,
}

/// The voice audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// Participants.
    pub n_participants: usize,
    /// Participants who voted.
    pub n_voters: usize,
    /// Votes.
    pub n_votes: usize,
    /// Each constituency.
    pub constituencies: Vec<ConstituencyVoice>,
    /// Participants in no constituency.
    pub unaffiliated: Counts,
    /// The constituencies that are under-represented.
    pub under_represented: Vec<String>,
    /// The statements that move most with equal weight.
    pub equal_weight_shifts: Vec<Shift>,
    /// Whether the opinion map leans on the largest constituency's numbers.
    pub map_balance: MapBalance,
    /// Participation and agreement by the channel the votes came through (online,
    /// facilitated, paper), in that order; absent (empty) when every vote came online, and in
    /// documents written before channels were kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelVoice>,
}

/// One channel in the voice audit: every channel's participants count on equal terms in the
/// analysis, and this says how much of it each channel carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelVoice {
    /// The channel.
    pub channel: model::VoteChannel,
    /// Participants with at least one latest vote through it (a participant whose votes came
    /// through two channels counts in both).
    pub participants: usize,
    /// Latest votes through it.
    pub votes: usize,
    /// Its share of the voters.
    pub participant_share: f64,
    /// Its share of the latest votes.
    pub vote_share: f64,
    /// Agreement among its votes, per statement it has votes on, by statement id.
    pub statements: Vec<ChannelStatement>,
}

/// How one channel's votes on one statement went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelStatement {
    /// The statement.
    pub statement: u32,
    /// The channel's votes on it.
    pub tally: Tally,
}

/// One opinion group's share of the voters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupBalance {
    /// "group 1", … by index.
    pub group: String,
    /// By head count, as the map is drawn.
    pub head_count_share: f64,
    /// By analysis weight.
    pub weighted_share: f64,
    /// By head count with the largest constituency brought down to its equal share.
    pub without_excess_share: f64,
    /// The share of its voters in the largest constituency.
    pub largest_constituency_share: f64,
}

/// Whether the opinion map leans on the largest constituency's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapBalance {
    /// The constituency with the most voters, when above its equal share.
    #[serde(deserialize_with = "required")]
    pub largest_constituency: Option<String>,
    /// Every group.
    pub groups: Vec<GroupBalance>,
    /// The largest change of a group's share without that constituency's excess.
    pub largest_shift: f64,
    /// Whether that change is at least 10 points.
    pub is_shaped_by_numbers: bool,
}

/// How participants were weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightingMethod {
    /// Every voter weighs 1.
    HeadCount,
    /// Every constituency (and the unaffiliated) weighs the same.
    Equal,
    /// Constituencies weigh as their population shares.
    Frame,
}

/// How participants were weighed in the common-ground tallies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightingSummary {
    /// The weighting.
    pub method: WeightingMethod,
    /// Kish's design effect, n Σw² / (Σw)².
    pub design_effect: f64,
    /// Kish's effective number of voters.
    pub effective_voters: f64,
    /// The unaffiliated voters' share of the total weight, when there are any.
    #[serde(deserialize_with = "required")]
    pub unaffiliated_weighted_share: Option<f64>,
    /// The weight of one unaffiliated voter, when there are any.
    #[serde(deserialize_with = "required")]
    pub unaffiliated_weight_per_voter: Option<f64>,
    /// Constituencies (or "unaffiliated") carried by fewer than five heavily weighted voters.
    pub thinly_carried: Vec<String>,
    /// Constituencies (or "unaffiliated") whose frame share was trimmed.
    pub trimmed: Vec<String>,
    /// How many statements are common ground by head count (equal to the weighted count under
    /// head-count weighting).
    pub head_count_common_ground: usize,
}

/// The bridging model's fit: the group-balanced one, with the head-count one beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bridging {
    /// The global intercept.
    pub global_intercept: f64,
    /// The final loss.
    pub loss: f64,
    /// Training epochs.
    pub epochs: usize,
    /// Statements with an intercept.
    pub scored_statements: usize,
    /// The opinion groups that weigh the same in the balanced fit (0: none, so the balanced fit
    /// weighs participants alone).
    pub balanced_groups: usize,
    /// The Community Notes fit, every rating counting the same.
    pub head_count: HeadCountBridging,
}

/// The head-count (Community Notes) bridging fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadCountBridging {
    /// Its global intercept.
    pub global_intercept: f64,
    /// Its final loss.
    pub loss: f64,
    /// Its training epochs (of the kept restart).
    pub epochs: usize,
    /// Statements it gave an intercept.
    pub scored_statements: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_version_is_outdated_and_a_broken_current_one_is_malformed() {
        let outdated = read(r#"{"format":"commonground-analysis","version":1,"statements":[]}"#);
        assert!(matches!(outdated, Err(ReadError::Outdated { found: 1 })));
        let broken = read(r#"{"format":"commonground-analysis","version":3}"#).unwrap_err();
        assert!(matches!(broken, ReadError::Malformed(_)));
        assert!(
            broken.to_string().contains("missing field `dialogue`"),
            "{broken}"
        );
        assert!(matches!(read("[]"), Err(ReadError::Malformed(_))));
    }

    #[test]
    fn a_field_that_may_be_null_must_still_be_present() {
        let standing: Standing = serde_json::from_str(
            r#"{"kind": "too_few_votes", "unit": {"kind": "group", "index": 0, "name": "group 1"}, "needed": 3}"#,
        )
        .unwrap();
        assert_eq!(
            standing,
            Standing::TooFewVotes {
                unit: Unit {
                    kind: UnitKind::Group,
                    index: 0,
                    name: group_label(0)
                },
                needed: 3
            }
        );
        let extra = serde_json::from_str::<Standing>(r#"{"kind": "common_ground", "needed": 3}"#);
        assert!(extra.is_err());
        let estimate = r#"{"agree": 1, "disagree": 0, "pass": 0, "interval": null, "has_enough_votes": false}"#;
        let error = serde_json::from_str::<Estimate>(estimate).unwrap_err();
        assert!(
            error.to_string().contains("missing field `rate`"),
            "{error}"
        );
    }
}
