//! The system-map analysis document: one set of types, serialised by `commonground map
//! --format json`, read strictly back, and documented in `docs/map-json.md` with the schema
//! `docs/map.schema.json`.

use engine::system_map::{FeedbackLoop, LoopLimits, Push};
use serde::{Deserialize, Serialize};

use super::source::{FactorKey, IndexedMap, MapSource, SourceError};

/// The version of the document's shape.
pub const FORMAT_VERSION: u32 = 1;

/// How many links a ripple follows when the caller does not say.
pub const DEFAULT_STEPS: usize = 3;

/// What to analyse besides the whole map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalysisOptions {
    /// The limits of the loop search.
    pub limits: LoopLimits,
    /// An action whose ripple to follow.
    pub action: Option<ActionRequest>,
}

/// An action: a factor pushed up or down, followed `steps` links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRequest {
    /// The factor, by its id as written or its exact name.
    pub factor: String,
    /// Up or down.
    pub push: Push,
    /// How many links to follow.
    pub steps: usize,
}

/// Why a map cannot be analysed as asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnalysisError {
    /// The map itself is at fault.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// The action names a factor the map does not have.
    #[error("the map has no factor with the id or name {0:?}")]
    UnknownActionFactor(String),
}

/// A map's analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapDocument {
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Factors on the map.
    pub n_factors: usize,
    /// Links on the map.
    pub n_links: usize,
    /// The most links a listed loop may have; `null` for no limit.
    pub max_loop_length: Option<usize>,
    /// The most loops listed.
    pub max_loops: usize,
    /// Loops listed.
    pub n_loops: usize,
    /// Of those, reinforcing.
    pub n_reinforcing: usize,
    /// Of those, balancing.
    pub n_balancing: usize,
    /// Whether a loop exists that the limits left out of the list.
    pub truncated: bool,
    /// Every loop listed, in the order the search finds them: by their smallest factor, then
    /// along the search from it.
    pub loops: Vec<LoopEntry>,
    /// Every factor, in ascending id.
    pub factors: Vec<FactorEntry>,
    /// The action analysed, when one was asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ActionEntry>,
    /// The factors the action reaches, grouped by the partner that owns them (factors no
    /// partner owns first, then partners in order of first appearance), nearest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ripple: Option<Vec<RippleEntry>>,
}

/// One feedback loop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoopEntry {
    /// Its factors along the loop, starting from the smallest id.
    pub factors: Vec<FactorKey>,
    /// `reinforcing` (an even number of `-` links) or `balancing` (odd).
    pub polarity: String,
    /// Its number of links.
    pub length: usize,
    /// Whether it runs through a contested link.
    pub contested: bool,
    /// Whether it runs through a delayed link.
    pub delayed: bool,
}

/// One factor's place in the system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorEntry {
    /// Its id.
    pub id: FactorKey,
    /// Its name.
    pub name: String,
    /// The partner that owns it.
    pub partner: Option<String>,
    /// MICMAC driving power: the factors it reaches, itself included.
    pub driving: usize,
    /// MICMAC dependence power: the factors that reach it, itself included.
    pub dependence: usize,
    /// Links into it.
    pub in_degree: usize,
    /// Links out of it.
    pub out_degree: usize,
    /// Betweenness centrality (unnormalised, over ordered pairs).
    pub betweenness: f64,
}

/// The action whose ripple the document follows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionEntry {
    /// The factor pushed.
    pub factor: FactorKey,
    /// Its name.
    pub name: String,
    /// The partner that owns it.
    pub partner: Option<String>,
    /// `up` or `down`.
    pub push: String,
    /// How many links the ripple follows.
    pub steps: usize,
    /// The loops the pushed factor lies on.
    pub loops: Vec<LoopEntry>,
    /// Whether the limits left out a loop through the pushed factor.
    pub loops_truncated: bool,
    /// The partners, other than the pushed factor's, whose factors the ripple reaches.
    pub other_partners_reached: Vec<String>,
}

/// One factor an action reaches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RippleEntry {
    /// The factor reached.
    pub factor: FactorKey,
    /// Its name.
    pub name: String,
    /// `up`, `down` or `mixed` (shortest paths disagree).
    pub effect: String,
    /// The fewest links from the pushed factor.
    pub distance: usize,
    /// The partner that owns it.
    pub partner: Option<String>,
}

/// Analyses a map: its loops, each factor's leverage and, when asked, an action's ripple.
pub fn analyse(
    source: &MapSource,
    options: &AnalysisOptions,
) -> Result<MapDocument, AnalysisError> {
    let indexed = source.index()?;
    build(&indexed, options)
}

/// Builds the document of an indexed map.
pub fn build(
    indexed: &IndexedMap,
    options: &AnalysisOptions,
) -> Result<MapDocument, AnalysisError> {
    let map = &indexed.map;
    let action_origin = match &options.action {
        Some(action) => Some(
            indexed
                .find(&action.factor)
                .ok_or_else(|| AnalysisError::UnknownActionFactor(action.factor.clone()))?,
        ),
        None => None,
    };
    let found = map.loops(options.limits);
    let loops: Vec<LoopEntry> = found.loops.iter().map(|l| loop_entry(indexed, l)).collect();
    let n_reinforcing = loops.iter().filter(|l| l.polarity == "reinforcing").count();
    let factors = map
        .leverage()
        .into_iter()
        .map(|leverage| {
            let factor = indexed.factor(leverage.factor);
            FactorEntry {
                id: indexed.key(leverage.factor),
                name: factor.name.clone(),
                partner: factor.partner.clone(),
                driving: leverage.driving,
                dependence: leverage.dependence,
                in_degree: leverage.in_degree,
                out_degree: leverage.out_degree,
                betweenness: leverage.betweenness,
            }
        })
        .collect();
    let (action, ripple) = match (&options.action, action_origin) {
        (Some(request), Some(origin)) => {
            let ripple = map
                .ripple(origin, request.push, request.steps, options.limits)
                .map_err(|_| AnalysisError::UnknownActionFactor(request.factor.clone()))?;
            let origin_factor = indexed.factor(origin);
            let entries: Vec<RippleEntry> = ripple
                .by_partner()
                .into_iter()
                .flat_map(|(_, reached)| reached)
                .map(|reached| RippleEntry {
                    factor: indexed.key(reached.factor),
                    name: indexed.factor(reached.factor).name.clone(),
                    effect: reached.effect.as_str().to_owned(),
                    distance: reached.distance,
                    partner: indexed.partner(reached.partner),
                })
                .collect();
            let mut other_partners_reached: Vec<String> = Vec::new();
            for entry in &entries {
                if let Some(partner) = &entry.partner
                    && origin_factor.partner.as_ref() != Some(partner)
                    && !other_partners_reached.contains(partner)
                {
                    other_partners_reached.push(partner.clone());
                }
            }
            let action = ActionEntry {
                factor: indexed.key(origin),
                name: origin_factor.name.clone(),
                partner: origin_factor.partner.clone(),
                push: request.push.as_str().to_owned(),
                steps: request.steps,
                loops: ripple
                    .loops
                    .loops
                    .iter()
                    .map(|l| loop_entry(indexed, l))
                    .collect(),
                loops_truncated: ripple.loops.truncated,
                other_partners_reached,
            };
            (Some(action), Some(entries))
        }
        _ => (None, None),
    };
    Ok(MapDocument {
        format_version: FORMAT_VERSION,
        n_factors: map.factor_count(),
        n_links: map.links().len(),
        max_loop_length: (options.limits.max_length != usize::MAX)
            .then_some(options.limits.max_length),
        max_loops: options.limits.max_loops,
        n_loops: loops.len(),
        n_reinforcing,
        n_balancing: loops.len() - n_reinforcing,
        truncated: found.truncated,
        loops,
        factors,
        action,
        ripple,
    })
}

fn loop_entry(indexed: &IndexedMap, feedback: &FeedbackLoop) -> LoopEntry {
    LoopEntry {
        factors: feedback.factors.iter().map(|&id| indexed.key(id)).collect(),
        polarity: feedback.polarity.as_str().to_owned(),
        length: feedback.length(),
        contested: feedback.contested,
        delayed: feedback.delayed,
    }
}

#[cfg(test)]
mod tests {
    use engine::system_map::Sign;

    use super::*;
    use crate::system_map::source::{FactorSource, LinkSource};

    fn source(factors: &[(&str, Option<&str>)], links: &[(&str, &str, Sign)]) -> MapSource {
        MapSource {
            factors: factors
                .iter()
                .map(|(id, partner)| FactorSource {
                    id: (*id).to_owned(),
                    name: format!("Factor {id}"),
                    partner: partner.map(str::to_owned),
                })
                .collect(),
            links: links
                .iter()
                .map(|(from, to, sign)| LinkSource {
                    from: (*from).to_owned(),
                    to: (*to).to_owned(),
                    sign: *sign,
                    delayed: false,
                    contested: false,
                    note: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_balancing_pair_and_a_ripple_into_another_partners_factor() {
        use Sign::{Negative, Positive};
        let map = source(
            &[("1", Some("Council")), ("2", Some("NHS")), ("3", None)],
            &[
                ("1", "2", Positive),
                ("2", "1", Negative),
                ("2", "3", Negative),
            ],
        );
        let document = analyse(
            &map,
            &AnalysisOptions {
                limits: LoopLimits::default(),
                action: Some(ActionRequest {
                    factor: "1".to_owned(),
                    push: Push::Up,
                    steps: 3,
                }),
            },
        )
        .unwrap();
        assert_eq!(document.n_loops, 1);
        assert_eq!(document.n_balancing, 1);
        assert_eq!(
            document.loops[0].factors,
            vec![FactorKey::Number(1), FactorKey::Number(2)]
        );
        let action = document.action.as_ref().unwrap();
        assert_eq!(action.loops.len(), 1);
        assert_eq!(action.other_partners_reached, vec!["NHS".to_owned()]);
        let ripple = document.ripple.as_ref().unwrap();
        // Unowned factors first, then partners in order of first appearance.
        assert_eq!(ripple[0].factor, FactorKey::Number(3));
        assert_eq!(ripple[0].effect, "down");
        assert_eq!(ripple[0].distance, 2);
        assert_eq!(ripple[1].factor, FactorKey::Number(2));
        assert_eq!(ripple[1].effect, "up");
        assert_eq!(ripple[1].partner.as_deref(), Some("NHS"));
        // The document reads back as itself.
        let json = serde_json::to_string(&document).unwrap();
        assert_eq!(
            serde_json::from_str::<MapDocument>(&json).unwrap(),
            document
        );
    }

    #[test]
    fn an_action_on_an_unknown_factor_is_refused() {
        let map = source(&[("1", None)], &[]);
        let error = analyse(
            &map,
            &AnalysisOptions {
                limits: LoopLimits::default(),
                action: Some(ActionRequest {
                    factor: "Loneliness".to_owned(),
                    push: Push::Down,
                    steps: 2,
                }),
            },
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the map has no factor with the id or name \"Loneliness\""
        );
    }
}
