//! What the results pages show, built from the results document ([`super::document`]) and a
//! wave's ties: the network drawing with its table, the scores, the asymmetry said in words,
//! the response rate, and the trends over waves. Numbers are written with two decimals; a
//! partner nobody rated has "no score", never 0.

use std::collections::BTreeMap;

use model::{PartnerId, RaterNaming, Sector};
use serde::Serialize;

use super::document::{AsymmetryEntry, ChangeValue, NetworkDocument, WaveEntry};
use super::pages::{contribution_label, level_name};
use super::service::{TrustResults, WaveNetwork};
use super::svg;
use crate::partnerships::pages::sector_label;
use crate::web::render::percent;

/// Writes a score.
fn number(value: f64) -> String {
    format!("{value:.2}")
}

/// Writes a change with its sign.
fn signed(value: f64) -> String {
    format!("{value:+.2}")
}

fn interval_text(interval: Option<[f64; 2]>) -> String {
    interval.map_or_else(String::new, |[low, high]| {
        format!("{} to {}", number(low), number(high))
    })
}

/// A score with its interval and raters, or "no score".
fn score_text(value: Option<f64>, interval: Option<[f64; 2]>) -> String {
    match (value, interval) {
        (Some(value), Some(interval)) => {
            format!(
                "{} (95% interval {})",
                number(value),
                interval_text(Some(interval))
            )
        }
        (Some(value), None) => number(value),
        _ => "no score".to_owned(),
    }
}

fn share_text(value: Option<f64>) -> String {
    value.map_or_else(|| "none yet".to_owned(), percent)
}

/// The position of a sector in the drawing's colours.
fn sector_colour(sector: Sector) -> usize {
    Sector::ALL
        .iter()
        .position(|known| *known == sector)
        .unwrap_or(0)
}

/// Names one side of a divide for people.
fn side_name(side: &str) -> &'static str {
    match side {
        "community_voluntary" => "community and voluntary partners",
        "statutory" => "statutory partners",
        "lay_led" => "lay-led partners",
        "professional" => "professional partners",
        _ => "partners on this side",
    }
}

fn divide_heading(divide: &str) -> &'static str {
    match divide {
        "community_statutory" => "Community and voluntary partners and statutory partners",
        "lay_professional" => "Lay-led partners and professional partners",
        _ => "Two sides",
    }
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
    sector: &'static str,
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
    label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
struct LevelKey {
    label: &'static str,
    width: f64,
    dash: &'static str,
}

#[derive(Debug, Clone, Serialize)]
struct TrustKey {
    label: &'static str,
    colour: String,
}

#[derive(Debug, Clone, Serialize)]
struct Figure {
    label: &'static str,
    value: String,
    explain: String,
}

#[derive(Debug, Clone, Serialize)]
struct AsymmetryView {
    heading: &'static str,
    first_to_second: String,
    second_to_first: String,
    verdict: String,
    is_beyond: bool,
}

#[derive(Debug, Clone, Serialize)]
struct NamedRow {
    rater: String,
    ratee: String,
    level: &'static str,
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

fn asymmetry_view(entry: &AsymmetryEntry) -> AsymmetryView {
    let first = side_name(&entry.first);
    let second = side_name(&entry.second);
    let given = |from: &str, to: &str, mean: Option<&super::document::MeanEntry>| match mean {
        Some(mean) => format!(
            "{} give {to} a mean trust of {}{}, from {} {}.",
            capitalised(from),
            number(mean.mean),
            mean.interval.map_or_else(String::new, |i| format!(
                " (95% interval {})",
                interval_text(Some(i))
            )),
            mean.raters,
            if mean.raters == 1 { "rater" } else { "raters" }
        ),
        None => format!("No {from} rated the trust of {to}."),
    };
    let (verdict, is_beyond) = match &entry.difference {
        Some(ChangeValue {
            change,
            interval,
            beyond_uncertainty,
        }) => {
            let direction = if *change < 0.0 { "less" } else { "more" };
            let size = number(change.abs());
            let range = interval.map_or_else(
                || " (too few raters for an interval)".to_owned(),
                |i| {
                    format!(
                        " (95% interval of the difference {})",
                        interval_text(Some(i))
                    )
                },
            );
            let text = if *beyond_uncertainty {
                format!(
                    "{} trust {second} {size} {direction} than {second} trust them{range}: a difference beyond the uncertainty of the ratings.",
                    capitalised(first)
                )
            } else {
                format!(
                    "{} trust {second} {size} {direction} than {second} trust them{range}, but the difference is within the uncertainty of the ratings: it may be chance.",
                    capitalised(first)
                )
            };
            (text, *beyond_uncertainty)
        }
        None => (
            "There are too few ratings across this divide to compare the two sides.".to_owned(),
            false,
        ),
    };
    AsymmetryView {
        heading: divide_heading(&entry.divide),
        first_to_second: given(first, second, entry.first_to_second.as_ref()),
        second_to_first: given(second, first, entry.second_to_first.as_ref()),
        verdict,
        is_beyond,
    }
}

fn figures(wave: &WaveEntry) -> Vec<Figure> {
    vec![
        Figure {
            label: "Density",
            value: share_text(wave.density),
            explain: format!(
                "{} of the {} pairs of partners have a tie: at least one of the two reports working together.",
                wave.ties, wave.possible_ties
            ),
        },
        Figure {
            label: "Centralisation",
            value: share_text(wave.centralization),
            explain: "How much the ties gather around a few partners: 0% when every partner has as many ties, 100% for a star around one partner.".to_owned(),
        },
        Figure {
            label: "Reciprocity",
            value: share_text(wave.reciprocity),
            explain: format!(
                "Of the {} ties whose two partners both answered, {} are reported by both.",
                wave.ties_both_answered, wave.mutual_ties
            ),
        },
        Figure {
            label: "Mean trust",
            value: score_text(wave.mean_trust, wave.mean_trust_interval),
            explain: "The mean of the partners' trust scores, on the scale of 1 to 4.".to_owned(),
        },
        Figure {
            label: "Mean value",
            value: score_text(wave.mean_value, wave.mean_value_interval),
            explain: "The mean of the partners' value scores, on the scale of 1 to 4.".to_owned(),
        },
        Figure {
            label: "\"Don't know\" answers",
            value: wave.dont_know_items.to_string(),
            explain: "Items left out of every mean, not counted as low.".to_owned(),
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

/// Builds one wave's view. `results` covers this wave only.
pub(crate) fn wave_view(
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
                sector: sector_label(partner.sector),
                colour: sector_colour(partner.sector),
                trust: score_text(
                    score.and_then(|s| s.trust),
                    score.and_then(|s| s.trust_interval),
                ),
                trust_raters: score.map_or(0, |s| s.trust_raters),
                value: score_text(
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
                                |kind| contribution_label(kind).to_owned(),
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
                label: node.sector,
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
            .unwrap_or_else(|| format!("partner {id}"))
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
            level: tie
                .level
                .map_or_else(|| "a tie".to_owned(), |level| level_name(level).to_owned()),
            trust: tie.trust.map_or_else(
                || {
                    if network.detailed {
                        "no trust items answered".to_owned()
                    } else {
                        "not shown".to_owned()
                    }
                },
                number,
            ),
            reports: match tie.reports {
                2 => "both".to_owned(),
                1 => "one of the two".to_owned(),
                _ => "not shown".to_owned(),
            },
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
    let description = format!(
        "{} partners on a circle, numbered clockwise from the top and coloured by sector, with {} ties{}. The table after the drawing lists every tie.",
        nodes.len(),
        network.ties.len(),
        if network.detailed {
            ": wider lines for closer levels, colour from vermilion (low trust) through grey to blue (high trust)"
        } else {
            ""
        }
    );
    let network_svg = svg::network(
        &svg_nodes,
        &edges,
        &format!("The network of {wave_title}"),
        &description,
    );
    let partners_count = document.partners.len();
    let (response, non_respondents) = match wave {
        Some(wave) => (
            format!(
                "{} of {} partners submitted their answers ({}).",
                wave.respondents,
                partners_count,
                share_text(wave.response_rate)
            ),
            wave.non_respondents
                .iter()
                .filter_map(|id| name_of.get(id).cloned())
                .collect(),
        ),
        None => (
            format!("No partner has submitted answers yet, of {partners_count}."),
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
                        "don't know".to_owned()
                    } else {
                        number(answered.iter().sum::<f64>() / answered.len() as f64)
                    }
                };
                NamedRow {
                    rater: label_of(entry.rater),
                    ratee: label_of(rating.ratee),
                    level: level_name(rating.answer.level()),
                    trust: mean(&items[..3]),
                    value: mean(&items[3..]),
                    contributions: rating
                        .answer
                        .contributions()
                        .iter()
                        .map(|kind| contribution_label(*kind))
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
        figures: wave.map(figures).unwrap_or_default(),
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
                label: level_name(*level),
                width,
                dash: dash.unwrap_or("none"),
            }
        })
        .collect(),
        trust_key: [(1.0, "1: low"), (2.5, "2.5"), (4.0, "4: high")]
            .iter()
            .map(|(value, label)| TrustKey {
                label,
                colour: svg::trust_colour(Some(*value)),
            })
            .collect(),
        ties,
        asymmetry: wave
            .map(|wave| wave.asymmetry.iter().map(asymmetry_view).collect())
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

fn change_text(change: Option<&ChangeValue>) -> (String, &'static str) {
    match change {
        Some(change) => {
            let interval = change.interval.map_or_else(String::new, |[low, high]| {
                format!(" ({} to {})", signed(low), signed(high))
            });
            let flag = match (change.beyond_uncertainty, change.change > 0.0) {
                (true, true) => "rose beyond uncertainty",
                (true, false) => "fell beyond uncertainty",
                (false, _) => "within uncertainty",
            };
            (format!("{}{interval}", signed(change.change)), flag)
        }
        None => ("no change measured".to_owned(), ""),
    }
}

/// Builds the trends over every wave with answers.
pub(crate) fn trends_view(results: &TrustResults) -> TrendsView {
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
            response: format!(
                "{} of {} ({})",
                wave.respondents,
                document.partners.len(),
                share_text(wave.response_rate)
            ),
            density: share_text(wave.density),
            centralization: share_text(wave.centralization),
            reciprocity: share_text(wave.reciprocity),
            mean_trust: score_text(wave.mean_trust, wave.mean_trust_interval),
        })
        .collect();
    let density_points: Vec<svg::Point> = document
        .waves
        .iter()
        .map(|wave| svg::Point {
            label: format!("Wave {}", wave.wave),
            value: wave.density,
            interval: None,
        })
        .collect();
    let trust_points: Vec<svg::Point> = document
        .waves
        .iter()
        .map(|wave| svg::Point {
            label: format!("Wave {}", wave.wave),
            value: wave.mean_trust,
            interval: wave.mean_trust_interval,
        })
        .collect();
    let describe = |values: Vec<String>| values.join("; ");
    let density_svg = svg::trend(
        "trend-density",
        "Density by wave",
        &describe(
            document
                .waves
                .iter()
                .map(|wave| format!("wave {}: {}", wave.wave, share_text(wave.density)))
                .collect(),
        ),
        &density_points,
        (0.0, 1.0),
        percent,
    );
    let trust_svg = svg::trend(
        "trend-trust",
        "Mean trust by wave, with 95% intervals",
        &describe(
            document
                .waves
                .iter()
                .map(|wave| {
                    format!(
                        "wave {}: {}",
                        wave.wave,
                        score_text(wave.mean_trust, wave.mean_trust_interval)
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
        format!("From wave {} to wave {}", change.from, change.to)
    });
    let network_change = last.map_or_else(String::new, |change| {
        let (trust, flag) = change_text(change.mean_trust.as_ref());
        format!("Mean trust over the partners scored in both waves: {trust}, {flag}.")
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
                last.and_then(|change| change.partners.get(index))
                    .and_then(|entry| entry.trust.as_ref()),
            );
            PartnerTrend {
                name: partner.name.clone(),
                sparkline: svg::sparkline(&values),
                values: values
                    .iter()
                    .map(|value| value.map_or_else(|| "no score".to_owned(), number))
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
