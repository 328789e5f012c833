//! The network results document: one set of types, serialised by `commonground network
//! --format json`, read strictly back, and documented in `docs/network-json.md` with the schema
//! `docs/network.schema.json`.

use engine::trust::{
    Asymmetry, Change, Contribution, Divide, Estimate, Side, TrustResults, WaveResult,
};
use model::Sector;
use serde::{Deserialize, Serialize};

use super::sides;

/// The version of the document's shape.
pub const FORMAT_VERSION: u32 = 1;

/// How means are given intervals, as the document says it.
pub const INTERVAL_METHOD: &str = "student_t_95";

/// How differences of independent means are given intervals.
pub const DIFFERENCE_METHOD: &str = "welch_t_95";

/// How the network's changes are given intervals.
pub const NETWORK_CHANGE_METHOD: &str = "paired_t_95_over_partners";

/// The scores of a partnership's network, wave by wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkDocument {
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// How the numbers were computed.
    pub model: ModelNote,
    /// Every partner, in the order of the partners file.
    pub partners: Vec<PartnerEntry>,
    /// Every wave, in time order.
    pub waves: Vec<WaveEntry>,
    /// From each wave to the next.
    pub changes: Vec<ChangeEntry>,
}

/// The methods behind the numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelNote {
    /// The items' scale, `[1, 4]`.
    pub scale: [u8; 2],
    /// [`INTERVAL_METHOD`].
    pub intervals: String,
    /// [`DIFFERENCE_METHOD`], for asymmetries and partners' changes.
    pub differences: String,
    /// [`NETWORK_CHANGE_METHOD`], for the network's changes.
    pub network_changes: String,
}

/// One partner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerEntry {
    /// Its id, from the partners file.
    pub id: u64,
    /// Its name.
    pub name: String,
    /// Its sector.
    pub sector: Sector,
    /// `community_voluntary`, `statutory` or `null` (neither).
    pub community_statutory: Option<String>,
    /// `lay_led` or `professional`.
    pub lay_professional: Option<String>,
}

/// A mean with its interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeanEntry {
    /// The mean.
    pub mean: f64,
    /// How many values (raters) it is the mean of.
    pub raters: usize,
    /// The 95% interval, `[low, high]`; `null` with one rater.
    pub interval: Option<[f64; 2]>,
}

/// A difference with its interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeValue {
    /// The difference.
    pub change: f64,
    /// Its 95% interval; `null` where too few values stand behind it.
    pub interval: Option<[f64; 2]>,
    /// Whether the interval leaves out zero.
    pub beyond_uncertainty: bool,
}

/// One wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveEntry {
    /// The wave's label, from the ratings file.
    pub wave: String,
    /// Partners that answered.
    pub respondents: usize,
    /// Respondents ÷ partners.
    pub response_rate: Option<f64>,
    /// The ids of the partners that did not answer.
    pub non_respondents: Vec<u64>,
    /// Ratings given.
    pub ratings: usize,
    /// Ratings the respondents left out (not filled in).
    pub missing_ratings: usize,
    /// Items answered "don't know" (left out of every mean).
    pub dont_know_items: usize,
    /// Pairs with a tie.
    pub ties: u64,
    /// Pairs of partners.
    pub possible_ties: u64,
    /// Ties ÷ possible ties.
    pub density: Option<f64>,
    /// Freeman degree centralisation.
    pub centralization: Option<f64>,
    /// Ties between partners that each answered about the other.
    pub ties_both_answered: u64,
    /// Those that both report.
    pub mutual_ties: u64,
    /// Mutual ties ÷ ties both answered.
    pub reciprocity: Option<f64>,
    /// The mean over scored partners of their trust.
    pub mean_trust: Option<f64>,
    /// Its 95% interval.
    pub mean_trust_interval: Option<[f64; 2]>,
    /// The mean over scored partners of their value.
    pub mean_value: Option<f64>,
    /// Its 95% interval.
    pub mean_value_interval: Option<[f64; 2]>,
    /// Per partner, in the order of `partners`.
    pub partners: Vec<WavePartner>,
    /// Per divide.
    pub asymmetry: Vec<AsymmetryEntry>,
}

/// One partner in one wave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WavePartner {
    /// The partner's id.
    pub id: u64,
    /// Its trust; `null` when no rater answered a trust item about it.
    pub trust: Option<f64>,
    /// Its 95% interval; `null` with fewer than two raters.
    pub trust_interval: Option<[f64; 2]>,
    /// Raters behind its trust.
    pub trust_raters: usize,
    /// Its value; `null` when no rater answered a value item about it.
    pub value: Option<f64>,
    /// Its 95% interval.
    pub value_interval: Option<[f64; 2]>,
    /// Raters behind its value.
    pub value_raters: usize,
    /// Partners that report a relationship above none with it.
    pub n_raters: u32,
    /// Its ties.
    pub degree: u32,
    /// Whether it answered in this wave.
    pub responded: bool,
    /// What its raters say it contributes: each kind named at least once.
    pub contributions: Vec<ContributionCount>,
}

/// How many raters name one contribution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributionCount {
    /// The kind, e.g. `funding`.
    pub kind: String,
    /// Raters that name it.
    pub raters: u32,
}

/// The trust each side of a divide gives the other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsymmetryEntry {
    /// `community_statutory` or `lay_professional`.
    pub divide: String,
    /// The first side's name (`community_voluntary`, `lay_led`).
    pub first: String,
    /// The second side's name (`statutory`, `professional`).
    pub second: String,
    /// Trust the first side gives the second, over the first side's raters.
    pub first_to_second: Option<MeanEntry>,
    /// Trust the second side gives the first.
    pub second_to_first: Option<MeanEntry>,
    /// `first_to_second − second_to_first`.
    pub difference: Option<ChangeValue>,
}

/// What changed from one wave to the next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeEntry {
    /// The earlier wave's label.
    pub from: String,
    /// The later wave's label.
    pub to: String,
    /// The change in density.
    pub density: Option<ChangeValue>,
    /// The mean change in trust over partners scored in both waves.
    pub mean_trust: Option<ChangeValue>,
    /// The same for value.
    pub mean_value: Option<ChangeValue>,
    /// Per partner.
    pub partners: Vec<PartnerChangeEntry>,
}

/// How one partner changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerChangeEntry {
    /// The partner's id.
    pub id: u64,
    /// Later trust minus earlier; `null` unless it has a trust score in both waves.
    pub trust: Option<ChangeValue>,
    /// The same for value.
    pub value: Option<ChangeValue>,
}

/// One partner as the document names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerSource {
    /// Its id.
    pub id: u64,
    /// Its name.
    pub name: String,
    /// Its sector.
    pub sector: Sector,
}

/// What the document is built from besides the engine's results.
#[derive(Clone, Copy, Debug)]
pub struct DocumentSource<'a> {
    /// Per partner index.
    pub partners: &'a [PartnerSource],
    /// Per wave index: its label.
    pub waves: &'a [String],
}

fn interval(estimate_interval: Option<(f64, f64)>) -> Option<[f64; 2]> {
    estimate_interval.map(|(low, high)| [low, high])
}

fn mean_entry(estimate: &Estimate) -> MeanEntry {
    MeanEntry {
        mean: estimate.mean,
        raters: estimate.n,
        interval: interval(estimate.interval),
    }
}

fn change_value(change: &Change) -> ChangeValue {
    ChangeValue {
        change: change.change,
        interval: interval(change.interval),
        beyond_uncertainty: change.is_beyond_uncertainty,
    }
}

fn side_word(divide: Divide, side: Option<Side>) -> Option<String> {
    let (first, second) = divide.side_names();
    side.map(|side| match side {
        Side::First => first.to_owned(),
        Side::Second => second.to_owned(),
    })
}

/// Builds the document from the engine's results.
pub fn build(source: &DocumentSource<'_>, results: &TrustResults) -> NetworkDocument {
    let partners = source
        .partners
        .iter()
        .map(|partner| {
            let placed = sides::partner(partner.sector);
            PartnerEntry {
                id: partner.id,
                name: partner.name.clone(),
                sector: partner.sector,
                community_statutory: side_word(
                    Divide::CommunityStatutory,
                    placed.side(Divide::CommunityStatutory),
                ),
                lay_professional: side_word(
                    Divide::LayProfessional,
                    placed.side(Divide::LayProfessional),
                ),
            }
        })
        .collect();
    let waves = results
        .waves
        .iter()
        .enumerate()
        .map(|(index, wave)| wave_entry(source, &source.waves[index], wave))
        .collect();
    let changes = results
        .changes
        .iter()
        .map(|change| ChangeEntry {
            from: source.waves[change.from].clone(),
            to: source.waves[change.to].clone(),
            density: change.density.as_ref().map(change_value),
            mean_trust: change.mean_trust.as_ref().map(change_value),
            mean_value: change.mean_value.as_ref().map(change_value),
            partners: change
                .partners
                .iter()
                .zip(source.partners)
                .map(|(partner, named)| PartnerChangeEntry {
                    id: named.id,
                    trust: partner.trust.as_ref().map(change_value),
                    value: partner.value.as_ref().map(change_value),
                })
                .collect(),
        })
        .collect();
    NetworkDocument {
        format_version: FORMAT_VERSION,
        model: ModelNote {
            scale: [engine::trust::SCALE.0, engine::trust::SCALE.1],
            intervals: INTERVAL_METHOD.to_owned(),
            differences: DIFFERENCE_METHOD.to_owned(),
            network_changes: NETWORK_CHANGE_METHOD.to_owned(),
        },
        partners,
        waves,
        changes,
    }
}

fn wave_entry(source: &DocumentSource<'_>, label: &str, wave: &WaveResult) -> WaveEntry {
    let partners = wave
        .partners
        .iter()
        .zip(source.partners)
        .map(|(score, named)| WavePartner {
            id: named.id,
            trust: score.trust.map(|e| e.mean),
            trust_interval: score.trust.and_then(|e| interval(e.interval)),
            trust_raters: score.trust.map_or(0, |e| e.n),
            value: score.value.map(|e| e.mean),
            value_interval: score.value.and_then(|e| interval(e.interval)),
            value_raters: score.value.map_or(0, |e| e.n),
            n_raters: score.n_raters,
            degree: score.degree,
            responded: score.responded,
            contributions: Contribution::ALL
                .iter()
                .zip(score.contributions)
                .filter(|(_, raters)| *raters > 0)
                .map(|(kind, raters)| ContributionCount {
                    kind: kind.as_str().to_owned(),
                    raters,
                })
                .collect(),
        })
        .collect();
    WaveEntry {
        wave: label.to_owned(),
        respondents: wave.respondents,
        response_rate: wave.response_rate,
        non_respondents: wave
            .partners
            .iter()
            .zip(source.partners)
            .filter(|(score, _)| !score.responded)
            .map(|(_, named)| named.id)
            .collect(),
        ratings: wave.ratings,
        missing_ratings: wave.missing_ratings,
        dont_know_items: wave.dont_know,
        ties: wave.ties,
        possible_ties: wave.possible_ties,
        density: wave.density,
        centralization: wave.centralization,
        ties_both_answered: wave.ties_both_answered,
        mutual_ties: wave.mutual_ties,
        reciprocity: wave.reciprocity,
        mean_trust: wave.mean_trust.map(|e| e.mean),
        mean_trust_interval: wave.mean_trust.and_then(|e| interval(e.interval)),
        mean_value: wave.mean_value.map(|e| e.mean),
        mean_value_interval: wave.mean_value.and_then(|e| interval(e.interval)),
        partners,
        asymmetry: wave.asymmetry.iter().map(asymmetry_entry).collect(),
    }
}

fn asymmetry_entry(asymmetry: &Asymmetry) -> AsymmetryEntry {
    let (first, second) = asymmetry.divide.side_names();
    AsymmetryEntry {
        divide: asymmetry.divide.as_str().to_owned(),
        first: first.to_owned(),
        second: second.to_owned(),
        first_to_second: asymmetry.first_to_second.as_ref().map(mean_entry),
        second_to_first: asymmetry.second_to_first.as_ref().map(mean_entry),
        difference: asymmetry.difference.as_ref().map(change_value),
    }
}
