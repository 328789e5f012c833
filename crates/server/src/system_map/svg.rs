//! The map drawn: an SVG document of a [`Layout`], and the same map as text and a table, its
//! accessible alternative, for the pages' templates.
//!
//! Factors are rounded boxes filled with a tint of their owning partner's colour (the
//! Okabe–Ito palette, safe for colour-blind readers) and numbered with the partner's number in
//! the legend, so the owner does not rest on colour alone. A link is an arrow whose sign shows
//! three ways: colour (blue for `+`, vermilion for `−`), line style (solid for `+`, dashed for
//! `−`) and a `+` or `−` mark near its head. A delayed link has a double bar across its middle;
//! a contested link is drawn over a dotted grey halo. Either one feedback loop (its factors
//! and links emphasised, the rest faded) or the ripple of an action (each factor reached
//! tinted by its effect and tagged with its distance, the links along shortest paths
//! emphasised) can be highlighted.
//!
//! Every factor and link carries a `<title>` (its hover text) and the root has `role="img"`
//! with `aria-labelledby` naming its `<title>` and `<desc>`. All text from the map is escaped,
//! and the drawing uses presentation attributes only (no `<style>`, no script), so it can be
//! inlined in a page under the server's content security policy or saved as a file.

use std::fmt::Write as _;

use engine::system_map::{Effect, Push, Sign};
use fluent_bundle::FluentValue;
use serde::Serialize;

use super::document::{LoopEntry, MapDocument};
use super::layout::{Edge, FONT_SIZE, LINE_HEIGHT, Layout, Node, Route, layout};
use super::source::{FactorKey, MapSource};
use crate::report::map::labels::text_width;
use crate::report::map::svg::escape;
use crate::web::catalogue::text;
use crate::web::language::Language;

/// The sample template that shows a drawing and its table: `system_map_drawing.html`, a macro
/// `map_drawing(drawing)` taking a [`Drawing`].
pub const TEMPLATE: (&str, &str) = (
    "system_map_drawing.html",
    include_str!("templates/system_map_drawing.html"),
);

/// The partners' colours, cycled when a map has more than eight partners (the partner's
/// number in each box tells them apart).
pub const PARTNER_COLOURS: [&str; 8] = [
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999",
];
/// The colour of a `+` link.
pub const POSITIVE: &str = "#0072b2";
/// The colour of a `−` link.
pub const NEGATIVE: &str = "#c24f00";
/// The text colour.
pub const INK: &str = "#1b1f24";
/// The halo under a contested link.
pub const CONTESTED: &str = "#8c8c8c";
/// The dash pattern of a `−` link.
const NEGATIVE_DASH: &str = "8 5";
/// How faded elements outside a highlight are.
const FADED: &str = "0.22";
/// The font every text of the drawing is set in, with fallbacks.
const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

/// What to emphasise on the drawing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Highlight {
    /// Nothing: the whole map alike.
    #[default]
    None,
    /// One feedback loop: its factors in order along the loop (the last links to the first).
    Loop(Vec<FactorKey>),
    /// The ripple of an action.
    Ripple(RippleView),
}

/// The ripple of an action, as the drawing shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RippleView {
    /// The factor pushed.
    pub origin: FactorKey,
    /// Which way.
    pub push: Push,
    /// The factors reached.
    pub reached: Vec<RippleMark>,
}

/// One factor a ripple reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RippleMark {
    /// The factor.
    pub factor: FactorKey,
    /// How it moves.
    pub effect: Effect,
    /// The fewest links from the pushed factor.
    pub distance: usize,
}

impl Highlight {
    /// The highlight of one loop of an analysis document.
    pub fn from_loop(entry: &LoopEntry) -> Highlight {
        Highlight::Loop(entry.factors.clone())
    }

    /// The highlight of the ripple an analysis document follows, if it follows one.
    pub fn from_ripple(document: &MapDocument) -> Option<Highlight> {
        let action = document.action.as_ref()?;
        let reached = document
            .ripple
            .as_deref()
            .unwrap_or_default()
            .iter()
            .filter_map(|entry| {
                let effect = match entry.effect.as_str() {
                    "up" => Effect::Up,
                    "down" => Effect::Down,
                    "mixed" => Effect::Mixed,
                    _ => return None,
                };
                Some(RippleMark {
                    factor: entry.factor.clone(),
                    effect,
                    distance: entry.distance,
                })
            })
            .collect();
        Some(Highlight::Ripple(RippleView {
            origin: action.factor.clone(),
            push: Push::parse(&action.push)?,
            reached,
        }))
    }
}

/// How to draw a map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DrawOptions {
    /// The drawing's title, e.g. the map's name.
    pub title: String,
    /// A prefix for the drawing's element ids, unique on its page; letters, digits, `-` and
    /// `_` are kept, anything else dropped (`map` when nothing is left).
    pub id_prefix: String,
    /// What to emphasise.
    pub highlight: Highlight,
}

/// A map drawn, ready for a template: the SVG and the same map as text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Drawing {
    /// The prefix of its element ids.
    pub id: String,
    /// The SVG document, safe to insert into a page unescaped.
    pub svg: String,
    /// The drawing's width in its units.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// The same map as text.
    pub text: MapText,
}

/// A map as text: a summary and one row per factor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapText {
    /// What the map holds, in a sentence or two.
    pub summary: String,
    /// What the drawing emphasises, when it emphasises something.
    pub highlight: Option<String>,
    /// Whether the rows carry a ripple.
    pub has_ripple: bool,
    /// The partners, numbered as on the drawing.
    pub partners: Vec<PartnerText>,
    /// Every factor, in ascending id.
    pub rows: Vec<FactorRow>,
}

/// A partner as the legend gives it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerText {
    /// Its number on the drawing, from 1.
    pub number: usize,
    /// Its label.
    pub name: String,
    /// Its colour on the drawing.
    pub colour: String,
    /// How many factors it owns.
    pub factors: usize,
}

/// One factor with its influences.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorRow {
    /// Its id as the map writes it.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The partner that owns it.
    pub partner: Option<String>,
    /// That partner's number on the drawing.
    pub partner_number: Option<usize>,
    /// The factors it influences.
    pub influences: Vec<Influence>,
    /// The factors that influence it.
    pub influenced_by: Vec<Influence>,
    /// Whether the drawing emphasises it.
    pub highlighted: bool,
    /// How the highlighted ripple moves it, if it does.
    pub ripple: Option<RippleText>,
}

/// One influence, seen from one of its ends.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Influence {
    /// The factor at its other end.
    pub id: String,
    /// That factor's name.
    pub name: String,
    /// `+` or `−`.
    pub sign: &'static str,
    /// "more leads to more" or "more leads to less".
    pub sign_words: String,
    /// Whether it takes effect after a delay.
    pub delayed: bool,
    /// Whether the partnership contests it.
    pub contested: bool,
    /// The note on the evidence, possibly empty.
    pub note: String,
    /// Whether the drawing emphasises it.
    pub highlighted: bool,
}

/// How a ripple moves a factor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RippleText {
    /// `pushed`, `up`, `down` or `mixed`.
    pub effect: &'static str,
    /// Links from the pushed factor (0 for the pushed factor itself).
    pub distance: usize,
    /// In words, e.g. "goes down, 2 links away".
    pub words: String,
}

/// Lays a map out and draws it, with its text form, in English.
pub fn drawing(source: &MapSource, options: &DrawOptions) -> Drawing {
    drawing_in(Language::English, source, options)
}

/// Lays a map out and draws it, with its text form, its words in `language`.
pub fn drawing_in(language: Language, source: &MapSource, options: &DrawOptions) -> Drawing {
    let laid = layout(source);
    let id = clean_prefix(&options.id_prefix);
    let emphasis = Emphasis::new(language, &laid, &options.highlight);
    let text = describe(language, &laid, &emphasis);
    let (svg, width, height) = render(language, &laid, options, &id, &emphasis, &text);
    Drawing {
        id,
        svg,
        width,
        height,
        text,
    }
}

/// Keeps the letters, digits, `-` and `_` of an id prefix.
fn clean_prefix(prefix: &str) -> String {
    let kept: String = prefix
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if kept.is_empty() || !kept.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("map{kept}")
    } else {
        kept
    }
}

/// What is emphasised, node by node and edge by edge.
struct Emphasis {
    /// Whether anything is: when not, nothing is faded.
    active: bool,
    nodes: Vec<bool>,
    edges: Vec<bool>,
    /// Per node: the ripple's effect (`None` for the pushed factor) and distance.
    ripple: Vec<Option<(Option<Effect>, usize)>>,
    push: Option<Push>,
    sentence: Option<String>,
}

impl Emphasis {
    fn new(language: Language, laid: &Layout, highlight: &Highlight) -> Emphasis {
        let n = laid.nodes.len();
        let find = |key: &FactorKey| laid.nodes.iter().position(|node| &node.key == key);
        let mut emphasis = Emphasis {
            active: false,
            nodes: vec![false; n],
            edges: vec![false; laid.edges.len()],
            ripple: vec![None; n],
            push: None,
            sentence: None,
        };
        match highlight {
            Highlight::None => {}
            Highlight::Loop(keys) => {
                let members: Vec<usize> = keys.iter().filter_map(find).collect();
                if members.is_empty() || members.len() != keys.len() {
                    return emphasis;
                }
                emphasis.active = true;
                for (k, &v) in members.iter().enumerate() {
                    emphasis.nodes[v] = true;
                    let w = members[(k + 1) % members.len()];
                    if let Some(e) = laid.edges.iter().position(|e| (e.from, e.to) == (v, w)) {
                        emphasis.edges[e] = true;
                    }
                }
                let names: Vec<&str> = members
                    .iter()
                    .chain(members.first())
                    .map(|&v| laid.nodes[v].name.as_str())
                    .collect();
                let negatives = laid
                    .edges
                    .iter()
                    .zip(&emphasis.edges)
                    .filter(|(e, on)| **on && e.sign == Sign::Negative)
                    .count();
                let key = if negatives % 2 == 0 {
                    "drawing-highlight-reinforcing"
                } else {
                    "drawing-highlight-balancing"
                };
                emphasis.sentence =
                    Some(text(language, key, &[("path", names.join(" → ").into())]));
            }
            Highlight::Ripple(view) => {
                let Some(origin) = find(&view.origin) else {
                    return emphasis;
                };
                emphasis.active = true;
                emphasis.push = Some(view.push);
                emphasis.nodes[origin] = true;
                emphasis.ripple[origin] = Some((None, 0));
                for mark in &view.reached {
                    if let Some(v) = find(&mark.factor).filter(|&v| v != origin) {
                        emphasis.nodes[v] = true;
                        emphasis.ripple[v] = Some((Some(mark.effect), mark.distance));
                    }
                }
                // Links along shortest paths: from distance d to distance d + 1.
                for (e, edge) in laid.edges.iter().enumerate() {
                    if let (Some((_, d_from)), Some((Some(_), d_to))) =
                        (emphasis.ripple[edge.from], emphasis.ripple[edge.to])
                    {
                        emphasis.edges[e] = d_to == d_from + 1;
                    }
                }
                let count = emphasis.ripple.iter().flatten().count() - 1;
                emphasis.sentence = Some(text(
                    language,
                    "drawing-highlight-ripple",
                    &[
                        ("factor", laid.nodes[origin].name.clone().into()),
                        ("push", push_words(language, view.push).into()),
                        ("count", FluentValue::from(count)),
                    ],
                ));
            }
        }
        emphasis
    }
}

/// Says a push in words: "up" or "down".
fn push_words(language: Language, push: Push) -> String {
    let key = match push {
        Push::Up => "ripple-push-up",
        Push::Down => "ripple-push-down",
    };
    text(language, key, &[])
}

/// The map as text, factor by factor.
fn describe(language: Language, laid: &Layout, emphasis: &Emphasis) -> MapText {
    let influence = |edge: &Edge, other: &Node, e: usize| Influence {
        id: other.id.clone(),
        name: other.name.clone(),
        sign: sign_symbol(edge.sign),
        sign_words: sign_words(language, edge.sign),
        delayed: edge.delayed,
        contested: edge.contested,
        note: edge.note.clone(),
        highlighted: emphasis.edges[e],
    };
    let rows = laid
        .nodes
        .iter()
        .enumerate()
        .map(|(v, node)| FactorRow {
            id: node.id.clone(),
            name: node.name.clone(),
            partner: node.partner.map(|p| laid.partners[p].clone()),
            partner_number: node.partner.map(|p| p + 1),
            influences: laid
                .edges
                .iter()
                .enumerate()
                .filter(|(_, edge)| edge.from == v)
                .map(|(e, edge)| influence(edge, &laid.nodes[edge.to], e))
                .collect(),
            influenced_by: laid
                .edges
                .iter()
                .enumerate()
                .filter(|(_, edge)| edge.to == v)
                .map(|(e, edge)| influence(edge, &laid.nodes[edge.from], e))
                .collect(),
            highlighted: emphasis.active && emphasis.nodes[v],
            ripple: emphasis.ripple[v]
                .map(|(effect, distance)| ripple_text(language, effect, distance)),
        })
        .collect();
    let partners = laid
        .partners
        .iter()
        .enumerate()
        .map(|(p, name)| PartnerText {
            number: p + 1,
            name: name.clone(),
            colour: PARTNER_COLOURS[p % PARTNER_COLOURS.len()].to_owned(),
            factors: laid.nodes.iter().filter(|n| n.partner == Some(p)).count(),
        })
        .collect();
    MapText {
        summary: summary(language, laid),
        highlight: emphasis.sentence.clone(),
        has_ripple: emphasis.push.is_some(),
        partners,
        rows,
    }
}

fn ripple_text(language: Language, effect: Option<Effect>, distance: usize) -> RippleText {
    match effect {
        None => RippleText {
            effect: "pushed",
            distance,
            words: text(language, "drawing-pushed-factor", &[]),
        },
        Some(effect) => {
            let verb = match effect {
                Effect::Up => "ripple-effect-up",
                Effect::Down => "ripple-effect-down",
                Effect::Mixed => "drawing-effect-mixed",
            };
            RippleText {
                effect: effect.as_str(),
                distance,
                words: text(
                    language,
                    "ripple-line",
                    &[
                        ("effect", text(language, verb, &[]).into()),
                        ("distance", FluentValue::from(distance)),
                    ],
                ),
            }
        }
    }
}

/// What the map holds, in words.
fn summary(language: Language, laid: &Layout) -> String {
    let unowned = laid.nodes.iter().filter(|n| n.partner.is_none()).count();
    let positive = laid
        .edges
        .iter()
        .filter(|e| e.sign == Sign::Positive)
        .count();
    let delayed = laid.edges.iter().filter(|e| e.delayed).count();
    let contested = laid.edges.iter().filter(|e| e.contested).count();
    let mut words = text(
        language,
        "drawing-summary-factors",
        &[
            ("factors", FluentValue::from(laid.nodes.len())),
            ("partners", FluentValue::from(laid.partners.len())),
        ],
    );
    if unowned > 0 {
        words.push(' ');
        words.push_str(&text(
            language,
            "drawing-summary-unowned",
            &[("unowned", FluentValue::from(unowned))],
        ));
    }
    words.push_str(&text(
        language,
        "drawing-summary-influences",
        &[
            ("influences", FluentValue::from(laid.edges.len())),
            ("positive", FluentValue::from(positive)),
            ("negative", FluentValue::from(laid.edges.len() - positive)),
            ("delayed", FluentValue::from(delayed)),
            ("contested", FluentValue::from(contested)),
        ],
    ));
    words
}

fn sign_symbol(sign: Sign) -> &'static str {
    match sign {
        Sign::Positive => "+",
        Sign::Negative => "−",
    }
}

fn sign_words(language: Language, sign: Sign) -> String {
    let key = match sign {
        Sign::Positive => "drawing-more-to-more",
        Sign::Negative => "drawing-more-to-less",
    };
    text(language, key, &[])
}

fn sign_colour(sign: Sign) -> &'static str {
    match sign {
        Sign::Positive => POSITIVE,
        Sign::Negative => NEGATIVE,
    }
}

/// A colour mixed with white (`share` thousandths of the colour kept), as `#rrggbb`.
fn tint(colour: &str, share: u32) -> String {
    mix(colour, "#ffffff", share)
}

/// `share` thousandths of `a` mixed with the rest of `b`.
fn mix(a: &str, b: &str, share: u32) -> String {
    let share = share.min(1000);
    let channel = |colour: &str, k: usize| {
        colour
            .get(1 + 2 * k..3 + 2 * k)
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .map_or(0, u32::from)
    };
    let mut out = String::from("#");
    for k in 0..3 {
        let value = (share * channel(a, k) + (1000 - share) * channel(b, k) + 500) / 1000;
        let _ = write!(out, "{:02x}", u8::try_from(value).unwrap_or(u8::MAX));
    }
    out
}

/// A number for an attribute: one decimal, no "-0.0".
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0".to_owned()
    } else if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn point(p: [f64; 2]) -> String {
    format!("{} {}", num(p[0]), num(p[1]))
}

fn path_data(route: &Route) -> String {
    match *route {
        Route::Quadratic {
            start,
            control,
            end,
        } => format!("M{}Q{} {}", point(start), point(control), point(end)),
        Route::Cubic {
            start,
            first,
            second,
            end,
        } => format!(
            "M{}C{} {} {}",
            point(start),
            point(first),
            point(second),
            point(end)
        ),
    }
}

/// A partner's fill and border on the drawing.
fn partner_paint(partner: Option<usize>) -> (String, String) {
    match partner {
        Some(p) => {
            let colour = PARTNER_COLOURS[p % PARTNER_COLOURS.len()];
            (tint(colour, 300), mix(colour, INK, 700))
        }
        None => ("#ffffff".to_owned(), "#6b7075".to_owned()),
    }
}

fn effect_paint(effect: Option<Effect>) -> (&'static str, &'static str, &'static str) {
    // Fill, tag colour, tag symbol.
    match effect {
        None => ("#ffffff", INK, "●"),
        Some(Effect::Up) => ("#cfe3f1", POSITIVE, "▲"),
        Some(Effect::Down) => ("#f6d7c3", NEGATIVE, "▼"),
        Some(Effect::Mixed) => ("#ecd3e3", "#9a4a78", "◆"),
    }
}

/// Writes the SVG; returns it with its width and height.
fn render(
    language: Language,
    laid: &Layout,
    options: &DrawOptions,
    id: &str,
    emphasis: &Emphasis,
    map_text: &MapText,
) -> (String, f64, f64) {
    let mut body = String::new();
    let fade = |on: bool| {
        if emphasis.active && !on {
            format!(" opacity=\"{FADED}\"")
        } else {
            String::new()
        }
    };
    let state = |on: bool| match (emphasis.active, on) {
        (false, _) => "",
        (true, true) => " is-on",
        (true, false) => " is-faded",
    };

    // Links first, so boxes cover their ends; emphasised links after the faded ones.
    body.push_str("<g class=\"links\">");
    let mut order: Vec<usize> = (0..laid.edges.len()).collect();
    order.sort_by_key(|&e| emphasis.edges[e]);
    for e in order {
        let edge = &laid.edges[e];
        let on = emphasis.edges[e];
        let (from, to) = (&laid.nodes[edge.from], &laid.nodes[edge.to]);
        let colour = sign_colour(edge.sign);
        let sign_class = match edge.sign {
            Sign::Positive => "link--positive",
            Sign::Negative => "link--negative",
        };
        let mut classes = format!("link {sign_class}");
        if edge.delayed {
            classes.push_str(" link--delayed");
        }
        if edge.contested {
            classes.push_str(" link--contested");
        }
        classes.push_str(state(on));
        let mut title = text(
            language,
            if edge.sign == Sign::Positive {
                "drawing-link-more"
            } else {
                "drawing-link-less"
            },
            &[
                ("from", from.name.clone().into()),
                ("to", to.name.clone().into()),
            ],
        );
        if edge.delayed {
            title.push_str(&text(language, "drawing-after-delay", &[]));
        }
        if edge.contested {
            title.push_str(&text(language, "drawing-link-contested", &[]));
        }
        if !edge.note.trim().is_empty() {
            title.push_str(&text(
                language,
                "drawing-link-evidence",
                &[("note", edge.note.trim().to_owned().into())],
            ));
        }
        let d = path_data(&edge.route);
        let width = if emphasis.active && on { "3.5" } else { "2" };
        let _ = write!(
            body,
            "<g class=\"{classes}\" data-from=\"{}\" data-to=\"{}\" data-sign=\"{}\"{}><title>{}</title>",
            escape(&from.id),
            escape(&to.id),
            edge.sign.as_str(),
            fade(on),
            escape(&title)
        );
        if edge.contested {
            let _ = write!(
                body,
                "<path class=\"halo\" d=\"{d}\" fill=\"none\" stroke=\"{CONTESTED}\" stroke-width=\"9\" stroke-linecap=\"round\" stroke-dasharray=\"1 5\" stroke-opacity=\"0.8\"/>"
            );
        }
        let dash = if edge.sign == Sign::Negative {
            format!(" stroke-dasharray=\"{NEGATIVE_DASH}\"")
        } else {
            String::new()
        };
        let _ = write!(
            body,
            "<path class=\"line\" d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\"{dash}/>"
        );
        // The arrow head.
        let tip = edge.route.end();
        let u = edge.route.direction(1.0);
        let normal = [-u[1], u[0]];
        let base = [tip[0] - 11.0 * u[0], tip[1] - 11.0 * u[1]];
        let _ = write!(
            body,
            "<path class=\"head\" d=\"M{}L{}L{}Z\" fill=\"{colour}\"/>",
            point(tip),
            point([base[0] + 5.5 * normal[0], base[1] + 5.5 * normal[1]]),
            point([base[0] - 5.5 * normal[0], base[1] - 5.5 * normal[1]]),
        );
        if edge.delayed {
            let c = edge.route.point(0.5);
            let u = edge.route.direction(0.5);
            let n = [-u[1], u[0]];
            let mut bars = String::new();
            for offset in [-2.5, 2.5] {
                let m = [c[0] + offset * u[0], c[1] + offset * u[1]];
                let _ = write!(
                    bars,
                    "M{}L{}",
                    point([m[0] - 7.0 * n[0], m[1] - 7.0 * n[1]]),
                    point([m[0] + 7.0 * n[0], m[1] + 7.0 * n[1]])
                );
            }
            let _ = write!(
                body,
                "<path class=\"delay\" d=\"{bars}\" stroke=\"{INK}\" stroke-width=\"2\"/>"
            );
        }
        // The sign mark, beside the line near its head.
        // Left of the line near its head; outside a self-loop, at its top.
        let own = matches!(edge.route, Route::Cubic { .. });
        let t = if own { 0.5 } else { 0.78 };
        let at = edge.route.point(t);
        let u = edge.route.direction(t);
        let side = if own { -12.0 } else { 10.0 };
        let mark = [at[0] - side * u[1], at[1] + side * u[0]];
        let _ = write!(
            body,
            "<g class=\"sign-mark\"><circle cx=\"{}\" cy=\"{}\" r=\"7.5\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{colour}\">{}</text></g></g>",
            num(mark[0]),
            num(mark[1]),
            num(mark[0]),
            num(mark[1] + 4.5),
            sign_symbol(edge.sign)
        );
    }
    body.push_str("</g>");

    // Factors.
    body.push_str("<g class=\"factors\">");
    for (v, node) in laid.nodes.iter().enumerate() {
        let on = emphasis.nodes[v];
        let row = &map_text.rows[v];
        let (mut fill, stroke) = partner_paint(node.partner);
        let ripple = emphasis.ripple[v];
        let mut classes = String::from("factor");
        if let Some((effect, _)) = ripple {
            let _ = write!(
                classes,
                " ripple--{}",
                effect.map_or("pushed", Effect::as_str)
            );
            fill = effect_paint(effect).0.to_owned();
        }
        classes.push_str(state(on));
        let mut title = match &row.partner {
            Some(partner) => text(
                language,
                "drawing-factor-owned",
                &[
                    ("name", node.name.clone().into()),
                    ("partner", partner.clone().into()),
                ],
            ),
            None => text(
                language,
                "drawing-factor-unowned",
                &[("name", node.name.clone().into())],
            ),
        };
        title.push_str(&text(
            language,
            "drawing-factor-links",
            &[
                ("out", FluentValue::from(row.influences.len())),
                ("in", FluentValue::from(row.influenced_by.len())),
            ],
        ));
        if let Some(ripple) = &row.ripple {
            title.push(' ');
            title.push_str(&text(
                language,
                "drawing-factor-ripple",
                &[("words", ripple.words.clone().into())],
            ));
        }
        let [left, top, _, _] = node.bounds();
        let outline_width = if emphasis.active && on { "3" } else { "2" };
        let outline_dash = if node.partner.is_none() {
            " stroke-dasharray=\"5 3\""
        } else {
            ""
        };
        let _ = write!(
            body,
            "<g class=\"{classes}\" data-id=\"{}\"{}><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"9\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{outline_width}\"{outline_dash}/>",
            escape(&node.id),
            fade(on),
            escape(&title),
            num(left),
            num(top),
            num(node.width),
            num(node.height),
        );
        if let Some(p) = node.partner {
            let label = (p + 1).to_string();
            let r = if label.len() > 1 { 10.0 } else { 8.0 };
            let _ = write!(
                body,
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{stroke}\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#ffffff\">{label}</text>",
                num(left + 2.0),
                num(top + 2.0),
                num(r),
                num(left + 2.0),
                num(top + 5.5),
            );
        }
        let first_baseline =
            node.y - (node.lines.len() as f64 - 1.0) * LINE_HEIGHT / 2.0 + FONT_SIZE * 0.35;
        let _ = write!(
            body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{INK}\">",
            num(node.x),
            num(first_baseline),
            num(FONT_SIZE)
        );
        for (k, line) in node.lines.iter().enumerate() {
            let dy = if k == 0 { 0.0 } else { LINE_HEIGHT };
            let _ = write!(
                body,
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                num(node.x),
                num(dy),
                escape(line)
            );
        }
        body.push_str("</text>");
        if let Some((effect, distance)) = ripple {
            let (_, colour, symbol) = effect_paint(effect);
            let tag = match effect {
                None => format!(
                    "{} {}",
                    text(language, "drawing-pushed", &[]),
                    if emphasis.push == Some(Push::Down) {
                        "▼"
                    } else {
                        "▲"
                    }
                ),
                Some(_) => format!("{symbol} {distance}"),
            };
            let tag_width = text_width(&tag, 11.0) + 10.0;
            let x = node.x + node.width / 2.0 - tag_width;
            let y = top - 9.0;
            let _ = write!(
                body,
                "<g class=\"ripple-tag\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" rx=\"8\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#ffffff\">{}</text></g>",
                num(x),
                num(y),
                num(tag_width),
                num(x + tag_width / 2.0),
                num(y + 12.0),
                escape(&tag)
            );
        }
        body.push_str("</g>");
    }
    body.push_str("</g>");

    let (legend, legend_width, legend_height) = legend(
        language,
        laid,
        emphasis.push.is_some(),
        laid.width,
        laid.height,
    );
    body.push_str(&legend);
    let width = laid.width.max(legend_width).ceil();
    let height = (laid.height + legend_height).ceil();

    let title = if options.title.trim().is_empty() {
        text(language, "drawing-default-title", &[])
    } else {
        options.title.trim().to_owned()
    };
    let mut desc = map_text.summary.clone();
    if let Some(sentence) = &map_text.highlight {
        desc.push(' ');
        desc.push_str(sentence);
    }
    desc.push(' ');
    desc.push_str(&text(language, "drawing-desc-table", &[]));
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"system-map\" id=\"{id}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT}\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc><rect class=\"background\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>{body}</svg>",
        escape(&title),
        escape(&desc),
        w = num(width),
        h = num(height),
    );
    (svg, width, height)
}

/// The legend below the map: partners, then the kinds of link, then the ripple's effects.
/// Returns it with its width and height.
fn legend(
    language: Language,
    laid: &Layout,
    ripple: bool,
    width: f64,
    top: f64,
) -> (String, f64, f64) {
    let say = |key: &str| text(language, key, &[]);
    let no_partner = say("drawing-no-partner");
    const ROW: f64 = 24.0;
    const LEFT: f64 = 32.0;
    let available = (width - 2.0 * LEFT).max(480.0);
    let mut out = String::from("<g class=\"legend\">");
    let mut y = top + 8.0;
    let mut widest: f64 = 0.0;

    // Items are (width, drawing at x, y) placed left to right, wrapped at the width.
    let mut place_items = |heading: &str, items: Vec<(f64, String)>, out: &mut String| {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
            num(LEFT),
            num(y + 12.0),
            escape(heading)
        );
        y += ROW - 4.0;
        let mut x = LEFT;
        for (item_width, drawing) in items {
            if x > LEFT && x + item_width > LEFT + available {
                x = LEFT;
                y += ROW;
            }
            let _ = write!(
                out,
                "<g transform=\"translate({} {})\">{drawing}</g>",
                num(x),
                num(y)
            );
            x += item_width + 18.0;
            widest = widest.max(x);
        }
        y += ROW + 6.0;
    };

    if !laid.partners.is_empty() || laid.nodes.iter().any(|n| n.partner.is_none()) {
        let mut items: Vec<(f64, String)> = laid
            .partners
            .iter()
            .enumerate()
            .map(|(p, name)| {
                let (fill, stroke) = partner_paint(Some(p));
                let label = (p + 1).to_string();
                (
                    30.0 + text_width(name, 12.0),
                    format!(
                        "<g class=\"legend-partner\"><title>{}</title><rect x=\"0\" y=\"2\" width=\"22\" height=\"14\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/><text x=\"11\" y=\"13\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{INK}\">{label}</text><text x=\"30\" y=\"13\" font-size=\"12\" fill=\"{INK}\">{}</text></g>",
                        escape(name),
                        escape(name)
                    ),
                )
            })
            .collect();
        if laid.nodes.iter().any(|n| n.partner.is_none()) {
            items.push((
                30.0 + text_width(&no_partner, 12.0),
                format!(
                    "<g class=\"legend-partner\"><rect x=\"0\" y=\"2\" width=\"22\" height=\"14\" rx=\"4\" fill=\"#ffffff\" stroke=\"#6b7075\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/><text x=\"30\" y=\"13\" font-size=\"12\" fill=\"{INK}\">{}</text></g>",
                    escape(&no_partner)
                ),
            ));
        }
        place_items(&say("drawing-legend-partners"), items, &mut out);
    }

    let line_item = |label: &str, extra: &str| {
        (
            48.0 + text_width(label, 12.0),
            format!(
                "{extra}<text x=\"48\" y=\"13\" font-size=\"12\" fill=\"{INK}\">{}</text>",
                escape(label)
            ),
        )
    };
    let items = vec![
        line_item(
            &format!("+ {}", say("drawing-more-to-more")),
            &format!(
                "<path d=\"M0 9H40\" stroke=\"{POSITIVE}\" stroke-width=\"2\"/><path d=\"M40 9L30 4L30 14Z\" fill=\"{POSITIVE}\"/>"
            ),
        ),
        line_item(
            &format!("− {}", say("drawing-more-to-less")),
            &format!(
                "<path d=\"M0 9H40\" stroke=\"{NEGATIVE}\" stroke-width=\"2\" stroke-dasharray=\"{NEGATIVE_DASH}\"/><path d=\"M40 9L30 4L30 14Z\" fill=\"{NEGATIVE}\"/>"
            ),
        ),
        line_item(
            &say("drawing-delayed"),
            &format!(
                "<path d=\"M0 9H40\" stroke=\"{INK}\" stroke-width=\"2\"/><path d=\"M17.5 2V16M22.5 2V16\" stroke=\"{INK}\" stroke-width=\"2\"/>"
            ),
        ),
        line_item(
            &say("drawing-contested"),
            &format!(
                "<path d=\"M2 9H38\" stroke=\"{CONTESTED}\" stroke-width=\"9\" stroke-linecap=\"round\" stroke-dasharray=\"1 5\" stroke-opacity=\"0.8\"/><path d=\"M0 9H40\" stroke=\"{INK}\" stroke-width=\"2\"/>"
            ),
        ),
    ];
    place_items(&say("drawing-influences"), items, &mut out);

    if ripple {
        let effect_item = |effect: Option<Effect>, label: &str| {
            let (fill, colour, symbol) = effect_paint(effect);
            (
                34.0 + text_width(label, 12.0),
                format!(
                    "<rect x=\"0\" y=\"1\" width=\"26\" height=\"16\" rx=\"4\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"/><text x=\"13\" y=\"13\" font-size=\"10\" text-anchor=\"middle\" fill=\"{colour}\">{symbol}</text><text x=\"34\" y=\"13\" font-size=\"12\" fill=\"{INK}\">{}</text>",
                    escape(label)
                ),
            )
        };
        let number = say("drawing-legend-number");
        let items = vec![
            effect_item(None, &say("drawing-pushed")),
            effect_item(Some(Effect::Up), &say("ripple-effect-up")),
            effect_item(Some(Effect::Down), &say("ripple-effect-down")),
            effect_item(Some(Effect::Mixed), &say("ripple-effect-mixed")),
            (
                text_width(&number, 12.0),
                format!(
                    "<text x=\"0\" y=\"13\" font-size=\"12\" fill=\"{INK}\">{}</text>",
                    escape(&number)
                ),
            ),
        ];
        place_items(&say("drawing-ripple"), items, &mut out);
    }
    out.push_str("</g>");
    (out, widest + LEFT, y - top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::system_map::document::{AnalysisOptions, analyse};
    use crate::system_map::layout::tests::{northvale, random_map};
    use crate::system_map::source::{FactorSource, LinkSource};
    use engine::system_map::LoopLimits;
    use proptest::prelude::*;
    use roxmltree::Document;

    /// Whether an element is a factor's group.
    fn is_factor(node: &roxmltree::Node<'_, '_>) -> bool {
        node.attribute("class")
            .is_some_and(|c| c.split(' ').next() == Some("factor"))
    }

    fn options(highlight: Highlight) -> DrawOptions {
        DrawOptions {
            title: "Healthy ageing in Northvale".to_owned(),
            id_prefix: "northvale".to_owned(),
            highlight,
        }
    }

    /// Every link group of the drawing: (from, to, class).
    fn links(svg: &str) -> Vec<(String, String, String)> {
        let doc = Document::parse(svg).unwrap();
        let mut all: Vec<(String, String, String)> = doc
            .descendants()
            .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("link ")))
            .map(|n| {
                (
                    n.attribute("data-from").unwrap().to_owned(),
                    n.attribute("data-to").unwrap().to_owned(),
                    n.attribute("class").unwrap().to_owned(),
                )
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn every_link_is_drawn_once_with_its_sign() {
        let source = northvale();
        let drawn = drawing(&source, &options(Highlight::None));
        let found = links(&drawn.svg);
        assert_eq!(found.len(), source.links.len());
        for link in &source.links {
            let matching: Vec<_> = found
                .iter()
                .filter(|(from, to, _)| *from == link.from && *to == link.to)
                .collect();
            assert_eq!(matching.len(), 1, "{} → {}", link.from, link.to);
            let class = &matching[0].2;
            match link.sign {
                Sign::Positive => assert!(class.contains("link--positive")),
                Sign::Negative => assert!(class.contains("link--negative")),
            }
            assert_eq!(class.contains("link--delayed"), link.delayed);
            assert_eq!(class.contains("link--contested"), link.contested);
        }
        // A − line is dashed and a + line is not; each link has its head and its mark.
        let doc = Document::parse(&drawn.svg).unwrap();
        for group in doc
            .descendants()
            .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("link ")))
        {
            let class = group.attribute("class").unwrap();
            let line = group
                .children()
                .find(|n| n.attribute("class") == Some("line"))
                .unwrap();
            assert_eq!(
                line.attribute("stroke-dasharray").is_some(),
                class.contains("link--negative")
            );
            let mark = group
                .descendants()
                .find(|n| n.has_tag_name("text"))
                .unwrap()
                .text()
                .unwrap();
            assert_eq!(mark == "−", class.contains("link--negative"));
            assert!(
                group
                    .children()
                    .any(|n| n.attribute("class") == Some("head"))
            );
            assert_eq!(
                group
                    .children()
                    .any(|n| n.attribute("class") == Some("delay")),
                class.contains("link--delayed")
            );
            assert_eq!(
                group
                    .children()
                    .any(|n| n.attribute("class") == Some("halo")),
                class.contains("link--contested")
            );
            assert!(group.children().any(|n| n.has_tag_name("title")));
        }
    }

    #[test]
    fn the_root_is_labelled_and_sized_to_its_content() {
        let drawn = drawing(&northvale(), &options(Highlight::None));
        let doc = Document::parse(&drawn.svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert_eq!(
            root.attribute("aria-labelledby"),
            Some("northvale-title northvale-desc")
        );
        let title = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("northvale-title"))
            .unwrap();
        assert_eq!(title.text(), Some("Healthy ageing in Northvale"));
        let desc = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("northvale-desc"))
            .unwrap();
        assert!(
            desc.text()
                .unwrap()
                .starts_with("30 factors owned by 8 partners")
        );
        let view: Vec<f64> = root
            .attribute("viewBox")
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(view.len(), 4);
        // Every box and every legend entry lies inside the view box.
        for rect in doc.descendants().filter(|n| n.has_tag_name("rect")) {
            let (x, y) = (
                rect.attribute("x")
                    .map_or(0.0, |v| v.parse::<f64>().unwrap()),
                rect.attribute("y")
                    .map_or(0.0, |v| v.parse::<f64>().unwrap()),
            );
            let w: f64 = rect.attribute("width").unwrap().parse().unwrap();
            let h: f64 = rect.attribute("height").unwrap().parse().unwrap();
            assert!(x >= 0.0 && y >= 0.0 && x + w <= view[2] + 0.05 && y + h <= view[3] + 0.05);
        }
        // Each factor has its hover title and the legend names every partner.
        let factors: Vec<_> = doc.descendants().filter(is_factor).collect();
        assert_eq!(factors.len(), 30);
        assert!(
            factors
                .iter()
                .all(|f| f.first_element_child().unwrap().has_tag_name("title"))
        );
        let legend: Vec<_> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("legend-partner"))
            .collect();
        assert_eq!(legend.len(), drawn.text.partners.len() + 1);
        for partner in &drawn.text.partners {
            assert!(drawn.svg.contains(&escape(&partner.name)));
        }
    }

    #[test]
    fn a_highlighted_loop_marks_exactly_its_links_and_factors() {
        let source = northvale();
        let document = analyse(
            &source,
            &AnalysisOptions {
                limits: LoopLimits::default(),
                action: None,
            },
        )
        .unwrap();
        assert_eq!(document.n_loops, 88);
        // A short loop, a long one and the last one found.
        let mut chosen: Vec<&LoopEntry> = vec![
            document.loops.iter().min_by_key(|l| l.length).unwrap(),
            document.loops.iter().max_by_key(|l| l.length).unwrap(),
        ];
        chosen.extend(document.loops.last());
        for entry in chosen {
            let drawn = drawing(&source, &options(Highlight::from_loop(entry)));
            let ids: Vec<String> = entry.factors.iter().map(ToString::to_string).collect();
            let mut expected: Vec<(String, String)> = (0..ids.len())
                .map(|k| (ids[k].clone(), ids[(k + 1) % ids.len()].clone()))
                .collect();
            expected.sort();
            let on: Vec<(String, String)> = links(&drawn.svg)
                .into_iter()
                .filter(|(_, _, class)| class.contains("is-on"))
                .map(|(from, to, _)| (from, to))
                .collect();
            assert_eq!(on, expected);
            let faded = links(&drawn.svg)
                .iter()
                .filter(|(_, _, class)| class.contains("is-faded"))
                .count();
            assert_eq!(faded, source.links.len() - entry.length);
            let doc = Document::parse(&drawn.svg).unwrap();
            let mut lit: Vec<String> = doc
                .descendants()
                .filter(|n| {
                    is_factor(n) && n.attribute("class").is_some_and(|c| c.contains("is-on"))
                })
                .map(|n| n.attribute("data-id").unwrap().to_owned())
                .collect();
            lit.sort();
            let mut expected_factors = ids.clone();
            expected_factors.sort();
            assert_eq!(lit, expected_factors);
            let sentence = drawn.text.highlight.unwrap();
            assert!(sentence.contains(&entry.polarity), "{sentence}");
            assert_eq!(
                drawn.text.rows.iter().filter(|r| r.highlighted).count(),
                entry.length
            );
        }
    }

    #[test]
    fn a_ripple_colours_the_factors_it_reaches() {
        let source = northvale();
        let document = analyse(
            &source,
            &AnalysisOptions {
                limits: LoopLimits::default(),
                action: Some(crate::system_map::document::ActionRequest {
                    factor: "Speed of hospital discharge".to_owned(),
                    push: Push::Up,
                    steps: 3,
                }),
            },
        )
        .unwrap();
        let ripple = document.ripple.clone().unwrap();
        assert!(!ripple.is_empty());
        let highlight = Highlight::from_ripple(&document).unwrap();
        let drawn = drawing(&source, &options(highlight));
        let doc = Document::parse(&drawn.svg).unwrap();
        let factor_class = |id: &str| {
            doc.descendants()
                .find(|n| n.attribute("data-id") == Some(id) && is_factor(n))
                .unwrap()
                .attribute("class")
                .unwrap()
                .to_owned()
        };
        for entry in &ripple {
            let class = factor_class(&entry.factor.to_string());
            assert!(
                class.contains(&format!("ripple--{}", entry.effect)),
                "{class}"
            );
            assert!(class.contains("is-on"));
            let row = drawn
                .text
                .rows
                .iter()
                .find(|r| r.id == entry.factor.to_string())
                .unwrap();
            let cell = row.ripple.as_ref().unwrap();
            assert_eq!(cell.distance, entry.distance);
            assert_eq!(cell.effect, entry.effect);
        }
        let origin = document.action.as_ref().unwrap().factor.to_string();
        assert!(factor_class(&origin).contains("ripple--pushed"));
        let untouched = drawn
            .text
            .rows
            .iter()
            .filter(|r| r.ripple.is_none())
            .count();
        assert_eq!(untouched, 30 - ripple.len() - 1);
        // Every emphasised link goes one step further from the pushed factor.
        let distance = |id: &str| {
            if id == origin {
                Some(0)
            } else {
                ripple
                    .iter()
                    .find(|e| e.factor.to_string() == id)
                    .map(|e| e.distance)
            }
        };
        let on: Vec<_> = links(&drawn.svg)
            .into_iter()
            .filter(|(_, _, class)| class.contains("is-on"))
            .collect();
        assert!(!on.is_empty());
        for (from, to, _) in on {
            assert_eq!(distance(&to), distance(&from).map(|d| d + 1));
        }
        assert!(drawn.text.has_ripple);
        assert!(drawn.svg.contains("pushed ▲"));
    }

    fn hostile() -> MapSource {
        MapSource {
            factors: vec![
                FactorSource {
                    id: "<b>1".to_owned(),
                    name: "<script>alert(1)</script>".to_owned(),
                    partner: Some("\"Council\" & <Co>".to_owned()),
                },
                FactorSource {
                    id: "2'\"".to_owned(),
                    name: "Tom & Jerry's </title><svg onload=alert(2)>".to_owned(),
                    partner: None,
                },
            ],
            links: vec![LinkSource {
                from: "<b>1".to_owned(),
                to: "2'\"".to_owned(),
                sign: Sign::Negative,
                delayed: true,
                contested: true,
                note: "]]><script>x</script>".to_owned(),
            }],
        }
    }

    #[test]
    fn text_from_the_map_is_escaped() {
        let drawn = drawing(
            &hostile(),
            &DrawOptions {
                title: "<script>t</script>".to_owned(),
                id_prefix: "\"><script>".to_owned(),
                highlight: Highlight::None,
            },
        );
        assert!(!drawn.svg.contains("<script"), "{}", drawn.svg);
        assert!(!drawn.svg.contains("<svg onload"));
        assert!(!drawn.svg.contains("<b>"));
        assert!(drawn.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert_eq!(drawn.id, "script");
        // Still a well-formed document that reads the names back unchanged.
        let doc = Document::parse(&drawn.svg).unwrap();
        let texts: String = doc
            .descendants()
            .filter(|n| n.has_tag_name("tspan"))
            .filter_map(|n| n.text())
            .collect();
        assert!(texts.contains("<script>alert(1)</script>"));
        assert_eq!(
            doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
            1
        );
        assert_eq!(
            doc.descendants()
                .filter(|n| n.has_tag_name("script"))
                .count(),
            0
        );
    }

    fn environment() -> minijinja::Environment<'static> {
        let mut environment = minijinja::Environment::new();
        environment.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        environment.add_function("t", crate::web::catalogue::template_function);
        environment.add_template(TEMPLATE.0, TEMPLATE.1).unwrap();
        environment
            .add_template(
                "page.html",
                "{% import \"system_map_drawing.html\" as maps %}{{ maps.map_drawing(drawing) }}",
            )
            .unwrap();
        environment
    }

    #[test]
    fn the_template_shows_the_drawing_and_its_table() {
        let source = northvale();
        let drawn = drawing(&source, &options(Highlight::None));
        let html = environment()
            .get_template("page.html")
            .unwrap()
            .render(minijinja::context! { drawing => &drawn })
            .unwrap();
        assert_eq!(html.matches("<svg ").count(), 1);
        assert!(html.contains(&drawn.svg));
        assert_eq!(html.matches("<th scope=\"row\"").count(), 30);
        assert!(html.contains("Emergency admissions of older people"));
        assert!(html.contains("more leads to less"));
        assert!(html.contains("Northvale Hospitals NHS Trust"));

        let hostile = drawing(&hostile(), &options(Highlight::None));
        let html = environment()
            .get_template("page.html")
            .unwrap()
            .render(minijinja::context! { drawing => &hostile })
            .unwrap();
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
                || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        );
    }

    #[test]
    fn the_text_form_lists_every_influence_from_both_ends() {
        let source = northvale();
        let drawn = drawing(&source, &options(Highlight::None));
        let rows = &drawn.text.rows;
        assert_eq!(rows.len(), 30);
        let out: usize = rows.iter().map(|r| r.influences.len()).sum();
        let into: usize = rows.iter().map(|r| r.influenced_by.len()).sum();
        assert_eq!(out, source.links.len());
        assert_eq!(into, source.links.len());
        for link in &source.links {
            let from = rows.iter().find(|r| r.id == link.from).unwrap();
            let influence = from.influences.iter().find(|i| i.id == link.to).unwrap();
            assert_eq!(influence.sign, sign_symbol(link.sign));
            assert_eq!(influence.note, link.note);
            let to = rows.iter().find(|r| r.id == link.to).unwrap();
            assert!(to.influenced_by.iter().any(|i| i.id == link.from));
        }
        assert_eq!(
            drawn.text.partners.iter().map(|p| p.factors).sum::<usize>(),
            rows.iter().filter(|r| r.partner.is_some()).count()
        );
        assert!(rows.iter().all(|r| !r.highlighted && r.ripple.is_none()));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn random_maps_draw_well_formed_documents(
            n in 1usize..40,
            raw in prop::collection::vec((0usize..40, 0usize..40, any::<bool>()), 0..120),
            words in prop::collection::vec(1usize..10, 1..5),
        ) {
            let source = random_map(n, &raw, &words);
            let drawn = drawing(&source, &DrawOptions::default());
            let doc = Document::parse(&drawn.svg).unwrap();
            let drawn_links = links(&drawn.svg);
            let mut distinct: Vec<(usize, usize)> = raw.iter().map(|&(a, b, _)| (a % n, b % n)).collect();
            distinct.sort_unstable();
            distinct.dedup();
            prop_assert_eq!(drawn_links.len(), distinct.len());
            prop_assert_eq!(
                doc.descendants().filter(is_factor).count(),
                n
            );
        }
    }
}
