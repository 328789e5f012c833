//! The priority-list results document: one set of types, serialised by `commonground
//! priorities --format json`, read strictly back, and documented in `docs/priorities-json.md`
//! with the schema `docs/priorities.schema.json`.

use engine::priorities::{Estimate, OptionStanding, PRIOR_SHARE, PriorityResults, Ranking};
use serde::{Deserialize, Serialize};

/// The version of the document's shape.
pub const FORMAT_VERSION: u32 = 1;

/// How the intervals are computed, as the document says it.
pub const INTERVAL_METHOD: &str = "observed_information_wald_95";

/// A ranked priority list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityDocument {
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// How the strengths were fitted and their intervals computed.
    pub model: ModelNote,
    /// The seed given to the command (the ranking itself draws no random number).
    pub seed: u64,
    /// Comparisons counted, including "can't decide".
    pub comparisons: u64,
    /// Comparisons with a winner.
    pub decided: u64,
    /// Participants who compared.
    pub participants: u32,
    /// Which estimate the head-count ranking is: `maximum_likelihood`, `weak_prior` or
    /// `no_comparisons`.
    pub estimate: String,
    /// Every option, in the order of the options file.
    pub options: Vec<OptionEntry>,
    /// Every constituency, in the order of the constituencies file (or of first mention).
    pub constituencies: Vec<ConstituencyEntry>,
    /// The names of the constituencies the equal-weight score counts (those with a decided
    /// comparison).
    pub equal_weight_counts: Vec<String>,
    /// The workshop shortlist: every option in some counted constituency's top `N`.
    pub shortlist: ShortlistNote,
    /// Where two constituencies' top `N` differ most, when at least two count.
    pub divergence: Option<DivergenceEntry>,
    /// Per opinion group of the linked dialogue's analysis that holds a participant of the
    /// list, in group id order: the ranking from that group's comparisons alone. Empty when
    /// no participant is linked to a group (and always from files without `groups.csv`).
    pub groups: Vec<GroupEntry>,
}

/// The model behind the numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelNote {
    /// Always `bradley_terry`.
    pub name: String,
    /// Always `mm` (Hunter's minorise-maximise iteration, accelerated).
    pub fit: String,
    /// The weak prior's virtual comparisons per option, as a share of the mean number of real
    /// comparisons per option; used only where the maximum-likelihood estimate does not exist.
    pub prior_share: f64,
    /// [`INTERVAL_METHOD`].
    pub intervals: String,
}

/// One option's standing in one ranking.
// Flattened into the option and constituency entries, which therefore cannot deny unknown
// fields (serde does not support both); `docs/priorities.schema.json` closes the shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    /// Comparisons it won.
    pub wins: u32,
    /// Comparisons it lost.
    pub losses: u32,
    /// Comparisons involving it answered "can't decide".
    pub neither: u32,
    /// The maximum-likelihood log strength (mean 0 over the options); `null` where that
    /// estimate does not exist.
    pub log_strength: Option<f64>,
    /// The log strength the score and rank use (maximum likelihood, or under the weak prior).
    pub fitted_log_strength: f64,
    /// The 95% interval of the fitted log strength, `[low, high]`.
    pub log_strength_interval: [f64; 2],
    /// The chance, 0 to 100, of beating an option chosen at random from the others.
    pub score: f64,
    /// Rank by score, from 1; ties share the better rank.
    pub rank: u32,
}

impl Standing {
    fn from_engine(standing: &OptionStanding) -> Standing {
        Standing {
            wins: standing.wins,
            losses: standing.losses,
            neither: standing.neither,
            log_strength: standing.log_strength,
            fitted_log_strength: standing.fitted_log_strength,
            log_strength_interval: [
                standing.log_strength_interval.0,
                standing.log_strength_interval.1,
            ],
            score: standing.score,
            rank: standing.rank,
        }
    }
}

/// One option.
// Holds a flattened `Standing`; see there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionEntry {
    /// Its id, from the options file.
    pub id: u64,
    /// Its text.
    pub text: String,
    /// Its head-count standing (all comparisons together).
    #[serde(flatten)]
    pub overall: Standing,
    /// The mean of its scores over the counted constituencies; `null` when none counts.
    pub equal_weight_score: Option<f64>,
    /// Its rank by equal-weight score (by head-count score when no constituency counts).
    pub equal_weight_rank: u32,
    /// Its standing in each constituency, in the order of `constituencies`.
    pub constituencies: Vec<ConstituencyStanding>,
}

/// An option's standing within one constituency.
// Holds a flattened `Standing`; see there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConstituencyStanding {
    /// The constituency's name.
    pub constituency: String,
    /// The standing from that constituency's comparisons alone.
    #[serde(flatten)]
    pub standing: Standing,
}

/// One constituency's ranking as a whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConstituencyEntry {
    /// Its name.
    pub name: String,
    /// Which estimate its ranking is.
    pub estimate: String,
    /// Comparisons its members made.
    pub comparisons: u64,
    /// Those with a winner.
    pub decided: u64,
    /// Members who compared.
    pub participants: u32,
    /// Whether the equal-weight score counts it.
    pub counted: bool,
    /// Option ids in its rank order, its top `N` first.
    pub top: Vec<u64>,
}

/// One opinion group's ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    /// The group's id in the dialogue's analysis.
    pub id: u64,
    /// Its label ("group 1", or the convenors' name for it).
    pub label: String,
    /// Which estimate its ranking is.
    pub estimate: String,
    /// Comparisons its members made.
    pub comparisons: u64,
    /// Those with a winner.
    pub decided: u64,
    /// Members who compared.
    pub participants: u32,
    /// Option ids in its rank order, its top `N` first.
    pub top: Vec<u64>,
    /// Every option's standing from the group's comparisons, in the order of `options`.
    pub options: Vec<GroupStanding>,
}

/// An option's standing within one opinion group.
// Holds a flattened `Standing`; see there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupStanding {
    /// The option's id.
    pub option: u64,
    /// The standing from the group's comparisons alone.
    #[serde(flatten)]
    pub standing: Standing,
}

/// The shortlist and how it was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortlistNote {
    /// `N`: how many options of each constituency's ranking earn points.
    pub size: usize,
    /// The options, best first.
    pub entries: Vec<ShortlistItem>,
}

/// One option on the shortlist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortlistItem {
    /// The option's id.
    pub option: u64,
    /// Points summed over constituencies (`N + 1 − rank` from each top `N` it is in).
    pub points: u32,
    /// The constituencies that put it in their top `N`.
    pub in_top_of: Vec<String>,
}

/// The two constituencies whose top `N` share least.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DivergenceEntry {
    /// One constituency.
    pub first: String,
    /// The other.
    pub second: String,
    /// How many options both put in their top `N`.
    pub shared: usize,
    /// `N`.
    pub size: usize,
    /// Options only the first put in its top `N`, with the second's rank for each.
    pub only_first: Vec<RankedOption>,
    /// Options only the second put in its top `N`, with the first's rank for each.
    pub only_second: Vec<RankedOption>,
}

/// An option with a rank.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankedOption {
    /// The option's id.
    pub option: u64,
    /// Its rank in the other constituency.
    pub rank: u32,
}

/// What the document is built from besides the engine's results.
#[derive(Clone, Copy, Debug)]
pub struct DocumentSource<'a> {
    /// Per option index: its id and text.
    pub options: &'a [(u64, String)],
    /// Per constituency index: its name.
    pub constituencies: &'a [String],
    /// Per opinion group index: its id and label.
    pub groups: &'a [(u64, String)],
    /// The seed given.
    pub seed: u64,
    /// The shortlist size used.
    pub shortlist_size: usize,
}

/// Builds the document from the engine's results.
pub fn build(source: &DocumentSource<'_>, results: &PriorityResults) -> PriorityDocument {
    let id = |index: usize| source.options[index].0;
    let name = |index: usize| source.constituencies[index].clone();
    let options = source
        .options
        .iter()
        .enumerate()
        .map(|(index, (option_id, text))| OptionEntry {
            id: *option_id,
            text: text.clone(),
            overall: Standing::from_engine(&results.overall.options[index]),
            equal_weight_score: results.equal_weight_score[index],
            equal_weight_rank: results.equal_weight_rank[index],
            constituencies: results
                .constituencies
                .iter()
                .enumerate()
                .map(|(c, ranking)| ConstituencyStanding {
                    constituency: name(c),
                    standing: Standing::from_engine(&ranking.options[index]),
                })
                .collect(),
        })
        .collect();
    let constituencies = results
        .constituencies
        .iter()
        .enumerate()
        .map(|(c, ranking)| ConstituencyEntry {
            name: name(c),
            estimate: estimate_word(ranking),
            comparisons: ranking.comparisons,
            decided: ranking.decided,
            participants: ranking.participants,
            counted: results.counted_constituencies.contains(&c),
            top: ranking
                .order()
                .into_iter()
                .take(source.shortlist_size)
                .map(id)
                .collect(),
        })
        .collect();
    let ranked = |list: &[(usize, u32)]| -> Vec<RankedOption> {
        list.iter()
            .map(|&(option, rank)| RankedOption {
                option: id(option),
                rank,
            })
            .collect()
    };
    let groups = results
        .groups
        .iter()
        .zip(source.groups)
        .map(|(ranking, (group_id, label))| GroupEntry {
            id: *group_id,
            label: label.clone(),
            estimate: estimate_word(ranking),
            comparisons: ranking.comparisons,
            decided: ranking.decided,
            participants: ranking.participants,
            top: ranking
                .order()
                .into_iter()
                .take(source.shortlist_size)
                .map(id)
                .collect(),
            options: ranking
                .options
                .iter()
                .enumerate()
                .map(|(index, standing)| GroupStanding {
                    option: id(index),
                    standing: Standing::from_engine(standing),
                })
                .collect(),
        })
        .collect();
    PriorityDocument {
        format_version: FORMAT_VERSION,
        model: ModelNote {
            name: "bradley_terry".to_owned(),
            fit: "mm".to_owned(),
            prior_share: PRIOR_SHARE,
            intervals: INTERVAL_METHOD.to_owned(),
        },
        seed: source.seed,
        comparisons: results.overall.comparisons,
        decided: results.overall.decided,
        participants: results.overall.participants,
        estimate: estimate_word(&results.overall),
        options,
        constituencies,
        equal_weight_counts: results
            .counted_constituencies
            .iter()
            .map(|&c| name(c))
            .collect(),
        shortlist: ShortlistNote {
            size: source.shortlist_size,
            entries: results
                .shortlist
                .iter()
                .map(|entry| ShortlistItem {
                    option: id(entry.option),
                    points: entry.points,
                    in_top_of: entry.in_top_of.iter().map(|&c| name(c)).collect(),
                })
                .collect(),
        },
        divergence: results.divergence.as_ref().map(|d| DivergenceEntry {
            first: name(d.first),
            second: name(d.second),
            shared: d.shared,
            size: d.size,
            only_first: ranked(&d.only_first),
            only_second: ranked(&d.only_second),
        }),
        groups,
    }
}

fn estimate_word(ranking: &Ranking) -> String {
    let estimate: Estimate = ranking.estimate;
    estimate.as_str().to_owned()
}
