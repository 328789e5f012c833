//! What the results pages show, built from the results document ([`super::document`]) and a
//! wave's ties: the network drawing with its table, the scores, the asymmetry said in words,
//! the response rate, and the trends over waves. Numbers are written with two decimals; a
//! partner nobody rated has "no score", never 0.
//!
//! Every word is taken from the `waves` catalogue in the page's language; only the page shows
//! these views, so the API and the exports stay in English without passing through here.

use std::collections::BTreeMap;

use fluent_bundle::FluentValue;
use model::{ContributionKind, PartnerId, RaterNaming, RelationshipLevel, Sector};
use serde::Serialize;

use super::document::{AsymmetryEntry, ChangeValue, NetworkDocument, WaveEntry};
use super::pages::{contribution_key, sector_key};
use super::service::{TrustResults, WaveNetwork};
use super::svg;
use crate::web::catalogue::text;
use crate::web::language::Language;
use crate::web::render::percent;

/// Writes a score.
fn number(value: f64) -> String {
    format!("{value:.2}")
}

/// Writes a change with its sign.
fn signed(value: f64) -> String {
    format!("{value:+.2}")
}

/// Says a range between two numbers already written.
fn range_text(language: Language, low: String, high: String) -> String {
    text(
        language,
        "waves-range",
        &[("low", low.into()), ("high", high.into())],
    )
}

/// Says a 95% interval in brackets.
fn interval_text(language: Language, [low, high]: [f64; 2]) -> String {
    let range = range_text(language, number(low), number(high));
    text(language, "waves-interval", &[("range", range.into())])
}

/// A score with its interval, or "no score".
fn score_text(language: Language, value: Option<f64>, interval: Option<[f64; 2]>) -> String {
    match (value, interval) {
        (Some(value), Some(interval)) => {
            format!("{} {}", number(value), interval_text(language, interval))
        }
        (Some(value), None) => number(value),
        _ => text(language, "waves-no-score", &[]),
    }
}

fn share_text(language: Language, value: Option<f64>) -> String {
    value.map_or_else(|| text(language, "waves-none-yet", &[]), percent)
}

/// Names a relationship level in the results' tables and key.
fn level_text(language: Language, level: RelationshipLevel) -> String {
    let key = match level {
        RelationshipLevel::None => "waves-level-none",
        RelationshipLevel::Awareness => "waves-level-awareness",
        RelationshipLevel::Cooperation => "waves-level-cooperation",
        RelationshipLevel::Coordination => "waves-level-coordination",
        RelationshipLevel::Integration => "waves-level-integration",
    };
    text(language, key, &[])
}

/// Names a contribution with the answer form's own words for it.
fn contribution_text(language: Language, kind: ContributionKind) -> String {
    text(language, contribution_key(kind), &[])
}

/// The position of a sector in the drawing's colours.
fn sector_colour(sector: Sector) -> usize {
    Sector::ALL
        .iter()
        .position(|known| *known == sector)
        .unwrap_or(0)
}

/// Names one side of a divide for people, to stand inside a sentence.
fn side_name(language: Language, side: &str) -> String {
    let key = match side {
        "community_voluntary" => "waves-side-community-voluntary",
        "statutory" => "waves-side-statutory",
        "lay_led" => "waves-side-lay-led",
        "professional" => "waves-side-professional",
        _ => "waves-side-other",
    };
    text(language, key, &[])
}

fn divide_heading(language: Language, divide: &str) -> String {
    let key = match divide {
        "community_statutory" => "waves-divide-community-statutory",
        "lay_professional" => "waves-divide-lay-professional",
        _ => "waves-divide-other",
    };
    text(language, key, &[])
}

fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(characters).collect()
    })
}

/// A partner as the results list it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PartnerRow {
    number: usize,
    name: String,
    sector: String,
    colour: usize,
    trust: String,
    trust_raters: usize,
    value: String,
    value_raters: usize,
    degree: u32,
    responded: bool,
    contributions: String,
}

#[derive(Debug, Clone, Serialize)]
struct TieRow {
    first: String,
    second: String,
    level: String,
    trust: String,
    reports: String,
}

#[derive(Debug, Clone, Serialize)]
struct LegendEntry {
    colour: usize,
    label: String,
}

#[derive(Debug, Clone, Serialize)]
struct LevelKey {
    label: String,
    width: f64,
    dash: &'static str,
}

#[derive(Debug, Clone, Serialize)]
struct TrustKey {
    label: String,
    colour: String,
}

#[derive(Debug, Clone, Serialize)]
struct Figure {
    label: String,
    value: String,
    explain: String,
}

#[derive(Debug, Clone, Serialize)]
struct AsymmetryView {
    heading: String,
    first_to_second: String,
    second_to_first: String,
    verdict: String,
    is_beyond: bool,
}

#[derive(Debug, Clone, Serialize)]
struct NamedRow {
    rater: String,
    ratee: String,
    level: String,
    trust: String,
    value: String,
    contributions: String,
}

/// One wave's results as its page shows them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct WaveView {
    has_answers: bool,
    response: String,
    non_respondents: Vec<String>,
    drafts: usize,
    figures: Vec<Figure>,
    network_svg: String,
    detailed: bool,
    nodes: Vec<PartnerRow>,
    sectors: Vec<LegendEntry>,
    level_key: Vec<LevelKey>,
    trust_key: Vec<TrustKey>,
    ties: Vec<TieRow>,
    asymmetry: Vec<AsymmetryView>,
    named: bool,
    named_rows: Vec<NamedRow>,
}

fn asymmetry_view(language: Language, entry: &AsymmetryEntry) -> AsymmetryView {
    let first = side_name(language, &entry.first);
    let second = side_name(language, &entry.second);
    let given = |from: &str, to: &str, mean: Option<&super::document::MeanEntry>| match mean {
        Some(mean) => capitalised(&text(
            language,
            "waves-asymmetry-given",
            &[
                ("from", from.to_owned().into()),
                ("to", to.to_owned().into()),
                ("mean", number(mean.mean).into()),
                (
                    "interval",
                    mean.interval
                        .map_or_else(String::new, |i| format!(" {}", interval_text(language, i)))
                        .into(),
                ),
                ("raters", FluentValue::from(mean.raters)),
            ],
        )),
        None => capitalised(&text(
            language,
            "waves-asymmetry-unrated",
            &[
                ("from", from.to_owned().into()),
                ("to", to.to_owned().into()),
            ],
        )),
    };
    let (verdict, is_beyond) = match &entry.difference {
        Some(ChangeValue {
            change,
            interval,
            beyond_uncertainty,
        }) => {
            let direction = if *change < 0.0 { "less" } else { "more" };
            let range = interval.map_or_else(
                || text(language, "waves-difference-no-interval", &[]),
                |[low, high]| {
                    let range = range_text(language, number(low), number(high));
                    text(
                        language,
                        "waves-difference-interval",
                        &[("range", range.into())],
                    )
                },
            );
            let key = if *beyond_uncertainty {
                "waves-asymmetry-beyond"
            } else {
                "waves-asymmetry-within"
            };
            let text = text(
                language,
                key,
                &[
                    ("first", first.clone().into()),
                    ("second", second.clone().into()),
                    ("size", number(change.abs()).into()),
                    ("direction", direction.into()),
                    ("range", range.into()),
                ],
            );
            (capitalised(&text), *beyond_uncertainty)
        }
        None => (text(language, "waves-asymmetry-too-few", &[]), false),
    };
    AsymmetryView {
        heading: divide_heading(language, &entry.divide),
        first_to_second: given(&first, &second, entry.first_to_second.as_ref()),
        second_to_first: given(&second, &first, entry.second_to_first.as_ref()),
        verdict,
        is_beyond,
    }
}

fn figures(language: Language, wave: &WaveEntry) -> Vec<Figure> {
    let say = |key: &str| text(language, key, &[]);
    vec![
        Figure {
            label: say("waves-column-density"),
            value: share_text(language, wave.density),
            explain: text(
                language,
                "waves-density-explain",
                &[
                    ("ties", FluentValue::from(wave.ties)),
                    ("possible", FluentValue::from(wave.possible_ties)),
                ],
            ),
        },
        Figure {
            label: say("waves-column-centralisation"),
            value: share_text(language, wave.centralization),
            explain: say("waves-centralisation-explain"),
        },
        Figure {
            label: say("waves-column-reciprocity"),
            value: share_text(language, wave.reciprocity),
            explain: text(
                language,
                "waves-reciprocity-explain",
                &[
                    ("answered", FluentValue::from(wave.ties_both_answered)),
                    ("mutual", FluentValue::from(wave.mutual_ties)),
                ],
            ),
        },
        Figure {
            label: say("waves-column-mean-trust"),
            value: score_text(language, wave.mean_trust, wave.mean_trust_interval),
            explain: say("waves-mean-trust-explain"),
        },
        Figure {
            label: say("waves-mean-value"),
            value: score_text(language, wave.mean_value, wave.mean_value_interval),
            explain: say("waves-mean-value-explain"),
        },
        Figure {
            label: say("waves-dont-know-answers"),
            value: wave.dont_know_items.to_string(),
            explain: say("waves-dont-know-explain"),
        },
    ]
}

/// The partners in the drawing's order: by sector, then by name.
fn drawing_order(document: &NetworkDocument) -> Vec<usize> {
    let mut order: Vec<usize> = (0..document.partners.len()).collect();
    order.sort_by(|a, b| {
        let (a, b) = (&document.partners[*a], &document.partners[*b]);
        (sector_colour(a.sector), a.name.to_lowercase(), a.id).cmp(&(
            sector_colour(b.sector),
            b.name.to_lowercase(),
            b.id,
        ))
    });
    order
}

/// Builds one wave's view in the page's language. `results` covers this wave only.
pub(crate) fn wave_view(
    language: Language,
    results: &TrustResults,
    network: &WaveNetwork,
    wave_title: &str,
) -> WaveView {
    let document = &results.document;
    let summary = results.waves.first();
    let drafts = summary.map_or(0, |s| s.drafts);
    let named = summary.is_some_and(|s| s.wave.rater_naming == RaterNaming::Named);
    let order = drawing_order(document);
    let number_of: BTreeMap<u64, usize> = order
        .iter()
        .enumerate()
        .map(|(position, index)| (document.partners[*index].id, position + 1))
        .collect();
    let name_of: BTreeMap<u64, String> = document
        .partners
        .iter()
        .map(|partner| (partner.id, partner.name.clone()))
        .collect();
    let wave = document.waves.first();
    let nodes: Vec<PartnerRow> = order
        .iter()
        .enumerate()
        .map(|(position, index)| {
            let partner = &document.partners[*index];
            let score = wave.and_then(|wave| wave.partners.get(*index));
            PartnerRow {
                number: position + 1,
                name: partner.name.clone(),
                sector: text(language, sector_key(partner.sector), &[]),
                colour: sector_colour(partner.sector),
                trust: score_text(
                    language,
                    score.and_then(|s| s.trust),
                    score.and_then(|s| s.trust_interval),
                ),
                trust_raters: score.map_or(0, |s| s.trust_raters),
                value: score_text(
                    language,
                    score.and_then(|s| s.value),
                    score.and_then(|s| s.value_interval),
                ),
                value_raters: score.map_or(0, |s| s.value_raters),
                degree: score.map_or(0, |s| s.degree),
                responded: score.is_some_and(|s| s.responded),
                contributions: score.map_or_else(String::new, |s| {
                    s.contributions
                        .iter()
                        .map(|count| {
                            let label = count.kind.parse().map_or_else(
                                |_| count.kind.clone(),
                                |kind| contribution_text(language, kind),
                            );
                            format!("{label} ({})", count.raters)
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
            }
        })
        .collect();
    let mut sectors: Vec<LegendEntry> = Vec::new();
    for node in &nodes {
        if !sectors.iter().any(|entry| entry.colour == node.colour) {
            sectors.push(LegendEntry {
                colour: node.colour,
                label: node.sector.clone(),
            });
        }
    }
    let position_of = |id: PartnerId| {
        u64::try_from(id.get())
            .ok()
            .and_then(|id| number_of.get(&id))
            .map(|number| number - 1)
    };
    let label_of = |id: PartnerId| {
        u64::try_from(id.get())
            .ok()
            .and_then(|key| Some(format!("{} {}", number_of.get(&key)?, name_of.get(&key)?)))
            .unwrap_or_else(|| {
                text(
                    language,
                    "waves-partner-fallback",
                    &[("id", id.to_string().into())],
                )
            })
    };
    let edges: Vec<svg::Edge> = network
        .ties
        .iter()
        .filter_map(|tie| {
            Some(svg::Edge {
                from: position_of(tie.first)?,
                to: position_of(tie.second)?,
                level: tie.level,
                trust: tie.trust,
            })
        })
        .collect();
    // The table lists each tie once, lower number first, in the order of the numbers.
    let mut listed: Vec<(usize, usize, &super::service::Tie)> = network
        .ties
        .iter()
        .map(|tie| {
            let (a, b) = (
                position_of(tie.first).unwrap_or(usize::MAX),
                position_of(tie.second).unwrap_or(usize::MAX),
            );
            (a.min(b), a.max(b), tie)
        })
        .collect();
    listed.sort_by_key(|(a, b, _)| (*a, *b));
    let ties: Vec<TieRow> = listed
        .into_iter()
        .map(|(a, _, tie)| {
            let (first, second) = if position_of(tie.first).unwrap_or(usize::MAX) == a {
                (tie.first, tie.second)
            } else {
                (tie.second, tie.first)
            };
            (first, second, tie)
        })
        .map(|(first, second, tie)| TieRow {
            first: label_of(first),
            second: label_of(second),
            level: tie.level.map_or_else(
                || text(language, "waves-tie-unknown-level", &[]),
                |level| level_text(language, level),
            ),
            trust: tie.trust.map_or_else(
                || {
                    if network.detailed {
                        text(language, "waves-tie-no-trust", &[])
                    } else {
                        text(language, "waves-not-shown", &[])
                    }
                },
                number,
            ),
            reports: text(
                language,
                match tie.reports {
                    2 => "waves-reported-both",
                    1 => "waves-reported-one",
                    _ => "waves-not-shown",
                },
                &[],
            ),
        })
        .collect();
    let svg_nodes: Vec<svg::Node> = nodes
        .iter()
        .map(|node| svg::Node {
            number: node.number,
            name: node.name.clone(),
            colour: node.colour,
        })
        .collect();
    let description = text(
        language,
        if network.detailed {
            "waves-network-description-detailed"
        } else {
            "waves-network-description"
        },
        &[
            ("partners", FluentValue::from(nodes.len())),
            ("ties", FluentValue::from(network.ties.len())),
        ],
    );
    let network_svg = svg::network(
        &svg_nodes,
        &edges,
        &text(
            language,
            "waves-network-svg-title",
            &[("wave", wave_title.to_owned().into())],
        ),
        &description,
    );
    let partners_count = document.partners.len();
    let (response, non_respondents) = match wave {
        Some(wave) => (
            text(
                language,
                "waves-response",
                &[
                    ("respondents", FluentValue::from(wave.respondents)),
                    ("partners", FluentValue::from(partners_count)),
                    ("share", share_text(language, wave.response_rate).into()),
                ],
            ),
            wave.non_respondents
                .iter()
                .filter_map(|id| name_of.get(id).cloned())
                .collect(),
        ),
        None => (
            text(
                language,
                "waves-response-none",
                &[("partners", FluentValue::from(partners_count))],
            ),
            document
                .partners
                .iter()
                .map(|partner| partner.name.clone())
                .collect(),
        ),
    };
    let named_rows = if named {
        results
            .named
            .iter()
            .map(|entry| {
                let rating = &entry.rating;
                let items = rating.answer.items();
                let mean = |slice: &[Option<model::ItemScore>]| {
                    let answered: Vec<f64> = slice
                        .iter()
                        .flatten()
                        .map(|item| f64::from(item.get()))
                        .collect();
                    if answered.is_empty() {
                        text(language, "waves-dont-know", &[])
                    } else {
                        number(answered.iter().sum::<f64>() / answered.len() as f64)
                    }
                };
                NamedRow {
                    rater: label_of(entry.rater),
                    ratee: label_of(rating.ratee),
                    level: level_text(language, rating.answer.level()),
                    trust: mean(&items[..3]),
                    value: mean(&items[3..]),
                    contributions: rating
                        .answer
                        .contributions()
                        .iter()
                        .map(|kind| contribution_text(language, *kind))
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    WaveView {
        has_answers: wave.is_some(),
        response,
        non_respondents,
        drafts,
        figures: wave.map(|wave| figures(language, wave)).unwrap_or_default(),
        network_svg,
        detailed: network.detailed,
        nodes,
        sectors,
        level_key: [
            model::RelationshipLevel::Awareness,
            model::RelationshipLevel::Cooperation,
            model::RelationshipLevel::Coordination,
            model::RelationshipLevel::Integration,
        ]
        .iter()
        .map(|level| {
            let (width, dash) = svg::level_stroke(Some(*level));
            LevelKey {
                label: level_text(language, *level),
                width,
                dash: dash.unwrap_or("none"),
            }
        })
        .collect(),
        trust_key: [
            (1.0, text(language, "waves-trust-low", &[])),
            (2.5, "2.5".to_owned()),
            (4.0, text(language, "waves-trust-high", &[])),
        ]
        .into_iter()
        .map(|(value, label)| TrustKey {
            label,
            colour: svg::trust_colour(Some(value)),
        })
        .collect(),
        ties,
        asymmetry: wave
            .map(|wave| {
                wave.asymmetry
                    .iter()
                    .map(|entry| asymmetry_view(language, entry))
                    .collect()
            })
            .unwrap_or_default(),
        named,
        named_rows,
    }
}

#[derive(Debug, Clone, Serialize)]
struct TrendRow {
    label: String,
    title: String,
    response: String,
    density: String,
    centralization: String,
    reciprocity: String,
    mean_trust: String,
}

#[derive(Debug, Clone, Serialize)]
struct PartnerTrend {
    name: String,
    sparkline: String,
    values: String,
    change: String,
    flag: &'static str,
}

/// The trends over a partnership's waves.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TrendsView {
    waves: usize,
    density_svg: String,
    trust_svg: String,
    rows: Vec<TrendRow>,
    change_heading: String,
    network_change: String,
    partners: Vec<PartnerTrend>,
}

/// Writes a change with its interval, and the flag the changes' table shows for it (one of
/// the English names `trust_waves.html` recognises), or that no change was measured.
fn change_text(language: Language, change: Option<&ChangeValue>) -> (String, &'static str) {
    match change {
        Some(change) => {
            let interval = change.interval.map_or_else(String::new, |[low, high]| {
                format!(" ({})", range_text(language, signed(low), signed(high)))
            });
            let flag = match (change.beyond_uncertainty, change.change > 0.0) {
                (true, true) => "rose beyond uncertainty",
                (true, false) => "fell beyond uncertainty",
                (false, _) => "within uncertainty",
            };
            (format!("{}{interval}", signed(change.change)), flag)
        }
        None => (text(language, "waves-no-change", &[]), ""),
    }
}

/// Says a change's flag in the page's language, for the sentence about the whole network.
fn flag_text(language: Language, flag: &str) -> String {
    match flag {
        "rose beyond uncertainty" => text(language, "waves-flag-rose", &[]),
        "fell beyond uncertainty" => text(language, "waves-flag-fell", &[]),
        "within uncertainty" => text(language, "waves-flag-within", &[]),
        _ => String::new(),
    }
}

/// Builds the trends over every wave with answers, in the page's language.
pub(crate) fn trends_view(language: Language, results: &TrustResults) -> TrendsView {
    let document = &results.document;
    let title_of: BTreeMap<&str, &str> = results
        .waves
        .iter()
        .map(|summary| (summary.label.as_str(), summary.wave.title.as_str()))
        .collect();
    let rows: Vec<TrendRow> = document
        .waves
        .iter()
        .map(|wave| TrendRow {
            label: wave.wave.clone(),
            title: title_of
                .get(wave.wave.as_str())
                .copied()
                .unwrap_or("")
                .to_owned(),
            response: text(
                language,
                "waves-trend-response",
                &[
                    ("respondents", FluentValue::from(wave.respondents)),
                    ("partners", FluentValue::from(document.partners.len())),
                    ("share", share_text(language, wave.response_rate).into()),
                ],
            ),
            density: share_text(language, wave.density),
            centralization: share_text(language, wave.centralization),
            reciprocity: share_text(language, wave.reciprocity),
            mean_trust: score_text(language, wave.mean_trust, wave.mean_trust_interval),
        })
        .collect();
    let wave_label = |wave: &WaveEntry| {
        text(
            language,
            "waves-trend-wave",
            &[("wave", wave.wave.clone().into())],
        )
    };
    let point_text = |wave: &WaveEntry, value: String| {
        text(
            language,
            "waves-trend-point",
            &[("wave", wave.wave.clone().into()), ("value", value.into())],
        )
    };
    let density_points: Vec<svg::Point> = document
        .waves
        .iter()
        .map(|wave| svg::Point {
            label: wave_label(wave),
            value: wave.density,
            interval: None,
        })
        .collect();
    let trust_points: Vec<svg::Point> = document
        .waves
        .iter()
        .map(|wave| svg::Point {
            label: wave_label(wave),
            value: wave.mean_trust,
            interval: wave.mean_trust_interval,
        })
        .collect();
    let describe = |values: Vec<String>| values.join("; ");
    let density_svg = svg::trend(
        "trend-density",
        &text(language, "waves-trend-density-title", &[]),
        &describe(
            document
                .waves
                .iter()
                .map(|wave| point_text(wave, share_text(language, wave.density)))
                .collect(),
        ),
        &density_points,
        (0.0, 1.0),
        percent,
    );
    let trust_svg = svg::trend(
        "trend-trust",
        &text(language, "waves-trend-trust-title", &[]),
        &describe(
            document
                .waves
                .iter()
                .map(|wave| {
                    point_text(
                        wave,
                        score_text(language, wave.mean_trust, wave.mean_trust_interval),
                    )
                })
                .collect(),
        ),
        &trust_points,
        (1.0, 4.0),
        |value| format!("{value:.0}"),
    );
    let last = document.changes.last();
    let change_heading = last.map_or_else(String::new, |change| {
        text(
            language,
            "waves-change-heading",
            &[
                ("from", change.from.clone().into()),
                ("to", change.to.clone().into()),
            ],
        )
    });
    let network_change = last.map_or_else(String::new, |change| {
        let (trust, flag) = change_text(language, change.mean_trust.as_ref());
        text(
            language,
            "waves-network-change",
            &[
                ("change", trust.into()),
                ("flag", flag_text(language, flag).into()),
            ],
        )
    });
    let partners = document
        .partners
        .iter()
        .enumerate()
        .map(|(index, partner)| {
            let values: Vec<Option<f64>> = document
                .waves
                .iter()
                .map(|wave| wave.partners.get(index).and_then(|p| p.trust))
                .collect();
            let (change, flag) = change_text(
                language,
                last.and_then(|change| change.partners.get(index))
                    .and_then(|entry| entry.trust.as_ref()),
            );
            PartnerTrend {
                name: partner.name.clone(),
                sparkline: svg::sparkline(&values),
                values: values
                    .iter()
                    .map(|value| {
                        value.map_or_else(|| text(language, "waves-no-score", &[]), number)
                    })
                    .collect::<Vec<_>>()
                    .join(" → "),
                change,
                flag,
            }
        })
        .collect();
    TrendsView {
        waves: document.waves.len(),
        density_svg,
        trust_svg,
        rows,
        change_heading,
        network_change,
        partners,
    }
}
