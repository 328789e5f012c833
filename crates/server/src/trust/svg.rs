//! The trust room's drawings, written as inline SVG: the network of a wave and the small charts
//! of the trends over waves. Each drawing is an image with a title and a description, and the
//! page next to it holds the same numbers in a table, its accessible alternative.
//!
//! The network places the partners on a circle, grouped by sector (sectors in their declared
//! order, partners by name within a sector) and numbered from 1 at the top, clockwise; the
//! numbers are the key to the table and to the list of partners under the drawing. A tie's
//! width and dash say its level (awareness dashed and thin, integration widest), and its colour
//! the pair's trust, from vermilion (1) through grey (2.5) to blue (4): a scale readable with
//! the common colour-vision deficiencies.

use std::fmt::Write as _;

use model::RelationshipLevel;

use super::graphml::xml_text;

/// The drawing's width and height in its own units.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 460.0;
/// The circle the partners sit on.
const RADIUS: f64 = 160.0;
/// A partner's dot.
const DOT: f64 = 15.0;
/// The longest label drawn beside a dot, in characters; the list under the drawing has the
/// whole name.
const LABEL_CHARS: usize = 22;

/// A partner as the network drawing places it.
#[derive(Debug, Clone)]
pub struct Node {
    /// Its number in the drawing, from 1.
    pub number: usize,
    /// Its name.
    pub name: String,
    /// Its sector's colour class number (`trust-sector-N`).
    pub colour: usize,
}

/// A tie as the network drawing shows it, between two node positions.
#[derive(Debug, Clone)]
pub struct Edge {
    /// The index of one end in the node list.
    pub from: usize,
    /// The index of the other end.
    pub to: usize,
    /// The level, when shown.
    pub level: Option<RelationshipLevel>,
    /// The pair's trust, when shown.
    pub trust: Option<f64>,
}

/// The stroke width and dash pattern that say a level.
pub fn level_stroke(level: Option<RelationshipLevel>) -> (f64, Option<&'static str>) {
    match level {
        Some(RelationshipLevel::Awareness) => (1.5, Some("5 4")),
        Some(RelationshipLevel::Cooperation) => (2.5, None),
        Some(RelationshipLevel::Coordination) => (4.5, None),
        Some(RelationshipLevel::Integration) => (7.0, None),
        Some(RelationshipLevel::None) | None => (2.0, None),
    }
}

/// Rounds a colour channel to a byte.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "the value is clamped to 0..=255 first"
)]
fn channel(value: f64) -> u8 {
    value.round().clamp(0.0, 255.0) as u8
}

/// The colour that says a trust score between 1 and 4: vermilion, grey, blue.
pub fn trust_colour(trust: Option<f64>) -> String {
    let Some(trust) = trust else {
        return "#4a5260".to_owned();
    };
    let low = (0xd5_u8, 0x5e_u8, 0x00_u8);
    let middle = (0x8a_u8, 0x8a_u8, 0x8a_u8);
    let high = (0x00_u8, 0x72_u8, 0xb2_u8);
    let share = ((trust - 1.0) / 3.0).clamp(0.0, 1.0);
    let (from, to, step) = if share < 0.5 {
        (low, middle, share * 2.0)
    } else {
        (middle, high, (share - 0.5) * 2.0)
    };
    let mix = |a: u8, b: u8| channel(f64::from(a) + (f64::from(b) - f64::from(a)) * step);
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(from.0, to.0),
        mix(from.1, to.1),
        mix(from.2, to.2)
    )
}

fn shortened(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        name.to_owned()
    } else {
        let mut short: String = name.chars().take(LABEL_CHARS - 1).collect();
        short.push('…');
        short
    }
}

/// The position of node `index` of `count`, from the top, clockwise.
fn position(index: usize, count: usize) -> (f64, f64, f64) {
    let angle = if count == 0 {
        0.0
    } else {
        std::f64::consts::TAU * index as f64 / count as f64 - std::f64::consts::FRAC_PI_2
    };
    (
        WIDTH / 2.0 + RADIUS * angle.cos(),
        HEIGHT / 2.0 + RADIUS * angle.sin(),
        angle,
    )
}

/// Draws the network: `title` and `description` name the image for those who cannot see it.
pub fn network(nodes: &[Node], edges: &[Edge], title: &str, description: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"trust-network\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"network-title network-desc\" focusable=\"false\">\
         <title id=\"network-title\">{}</title><desc id=\"network-desc\">{}</desc>",
        xml_text(title),
        xml_text(description)
    );
    let count = nodes.len();
    out.push_str("<g class=\"trust-ties\">");
    let mut ordered: Vec<&Edge> = edges.iter().collect();
    // Wider ties first, so that thin ones stay visible on top of them.
    ordered.sort_by(|a, b| level_stroke(b.level).0.total_cmp(&level_stroke(a.level).0));
    for edge in ordered {
        let (x1, y1, _) = position(edge.from, count);
        let (x2, y2, _) = position(edge.to, count);
        let (width, dash) = level_stroke(edge.level);
        let dash = dash.map_or_else(String::new, |dash| format!(" stroke-dasharray=\"{dash}\""));
        let _ = write!(
            out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" \
             stroke=\"{}\" stroke-width=\"{width}\" stroke-linecap=\"round\"{dash}/>",
            trust_colour(edge.trust)
        );
    }
    out.push_str("</g><g class=\"trust-nodes\">");
    for (index, node) in nodes.iter().enumerate() {
        let (x, y, angle) = position(index, count);
        let (cos, sin) = (angle.cos(), angle.sin());
        let label_x = x + (DOT + 6.0) * cos;
        let label_y = y + (DOT + 6.0) * sin + 5.0 + 8.0 * sin;
        let anchor = if cos > 0.3 {
            "start"
        } else if cos < -0.3 {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            "<g><circle class=\"trust-sector-{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{DOT}\"/>\
             <text class=\"trust-node-number\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\
             <text class=\"trust-node-label\" x=\"{label_x:.1}\" y=\"{label_y:.1}\" text-anchor=\"{anchor}\">{}</text></g>",
            node.colour,
            y + 5.5,
            node.number,
            xml_text(&shortened(&node.name))
        );
    }
    out.push_str("</g></svg>");
    out
}

/// One point of a trend chart.
#[derive(Debug, Clone)]
pub struct Point {
    /// The wave's label, under the axis.
    pub label: String,
    /// The value, if any.
    pub value: Option<f64>,
    /// Its interval, if any.
    pub interval: Option<[f64; 2]>,
}

/// Draws a small chart of a value over waves between `low` and `high`, with intervals as
/// whiskers; `format` writes the axis's ends.
pub fn trend(
    id: &str,
    title: &str,
    description: &str,
    points: &[Point],
    (low, high): (f64, f64),
    format: fn(f64) -> String,
) -> String {
    const W: f64 = 300.0;
    const H: f64 = 150.0;
    const LEFT: f64 = 44.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 30.0;
    let y_of = |value: f64| {
        let share = ((value - low) / (high - low)).clamp(0.0, 1.0);
        TOP + (H - TOP - BOTTOM) * (1.0 - share)
    };
    let x_of = |index: usize| {
        if points.len() <= 1 {
            LEFT + (W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (W - LEFT - RIGHT) * index as f64 / (points.len() - 1) as f64
        }
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"trust-trend\" viewBox=\"0 0 {W} {H}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        xml_text(title),
        xml_text(description)
    );
    let (top, bottom) = (y_of(high), y_of(low));
    let _ = write!(
        out,
        "<line class=\"trust-axis\" x1=\"{LEFT}\" y1=\"{top:.1}\" x2=\"{LEFT}\" y2=\"{bottom:.1}\"/>\
         <line class=\"trust-axis\" x1=\"{LEFT}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\"/>\
         <text class=\"trust-axis-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
         <text class=\"trust-axis-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
        W - RIGHT,
        LEFT - 6.0,
        top + 4.0,
        xml_text(&format(high)),
        LEFT - 6.0,
        bottom + 4.0,
        xml_text(&format(low)),
    );
    let mut path = Vec::new();
    for (index, point) in points.iter().enumerate() {
        let x = x_of(index);
        let _ = write!(
            out,
            "<text class=\"trust-axis-label\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            H - 10.0,
            xml_text(&point.label)
        );
        if let Some([from, to]) = point.interval {
            let _ = write!(
                out,
                "<line class=\"trust-whisker\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
                y_of(from),
                y_of(to)
            );
        }
        if let Some(value) = point.value {
            path.push(format!("{x:.1},{:.1}", y_of(value)));
        }
    }
    if path.len() > 1 {
        let _ = write!(
            out,
            "<polyline class=\"trust-line\" points=\"{}\"/>",
            path.join(" ")
        );
    }
    for (index, point) in points.iter().enumerate() {
        if let Some(value) = point.value {
            let _ = write!(
                out,
                "<circle class=\"trust-point\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4.5\"/>",
                x_of(index),
                y_of(value)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// Draws a partner's trust over waves as a tiny line, for a table cell whose text says the
/// same; hidden from assistive technology.
pub fn sparkline(values: &[Option<f64>]) -> String {
    const W: f64 = 80.0;
    const H: f64 = 24.0;
    let x_of = |index: usize| {
        if values.len() <= 1 {
            W / 2.0
        } else {
            4.0 + (W - 8.0) * index as f64 / (values.len() - 1) as f64
        }
    };
    let y_of = |value: f64| 3.0 + (H - 6.0) * (1.0 - ((value - 1.0) / 3.0).clamp(0.0, 1.0));
    let mut out = format!(
        "<svg class=\"trust-spark\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" aria-hidden=\"true\" focusable=\"false\">"
    );
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .filter_map(|(index, value)| {
            value.map(|value| format!("{:.1},{:.1}", x_of(index), y_of(value)))
        })
        .collect();
    if points.len() > 1 {
        let _ = write!(
            out,
            "<polyline class=\"trust-line\" points=\"{}\"/>",
            points.join(" ")
        );
    }
    for point in &points {
        if let Some((x, y)) = point.split_once(',') {
            let _ = write!(
                out,
                "<circle class=\"trust-point\" cx=\"{x}\" cy=\"{y}\" r=\"2.5\"/>"
            );
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_runs_from_vermilion_through_grey_to_blue() {
        assert_eq!(trust_colour(Some(1.0)), "#d55e00");
        assert_eq!(trust_colour(Some(2.5)), "#8a8a8a");
        assert_eq!(trust_colour(Some(4.0)), "#0072b2");
        assert_eq!(trust_colour(Some(9.0)), "#0072b2");
        assert_eq!(trust_colour(None), "#4a5260");
    }

    #[test]
    fn levels_grow_wider_and_awareness_is_dashed() {
        let widths: Vec<f64> = [
            RelationshipLevel::Awareness,
            RelationshipLevel::Cooperation,
            RelationshipLevel::Coordination,
            RelationshipLevel::Integration,
        ]
        .iter()
        .map(|level| level_stroke(Some(*level)).0)
        .collect();
        assert!(
            widths.windows(2).all(|pair| pair[0] < pair[1]),
            "{widths:?}"
        );
        assert!(level_stroke(Some(RelationshipLevel::Awareness)).1.is_some());
    }

    #[test]
    fn the_network_escapes_names_and_is_an_image_with_a_title() {
        let nodes = vec![
            Node {
                number: 1,
                name: "<script>alert(1)</script> & a very long name indeed".to_owned(),
                colour: 0,
            },
            Node {
                number: 2,
                name: "Carers".to_owned(),
                colour: 1,
            },
        ];
        let edges = vec![Edge {
            from: 0,
            to: 1,
            level: Some(RelationshipLevel::Integration),
            trust: Some(4.0),
        }];
        let svg = network(&nodes, &edges, "Ties & trust", "Two partners");
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"network-title\">Ties &amp; trust</title>"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("stroke=\"#0072b2\" stroke-width=\"7\""));
        assert_eq!(svg.matches("<circle").count(), 2);
    }

    #[test]
    fn a_trend_draws_a_line_through_its_points_and_whiskers_for_intervals() {
        let points = vec![
            Point {
                label: "1".to_owned(),
                value: Some(2.0),
                interval: Some([1.5, 2.5]),
            },
            Point {
                label: "2".to_owned(),
                value: Some(3.0),
                interval: None,
            },
        ];
        let svg = trend("t", "Mean trust", "From 2 to 3", &points, (1.0, 4.0), |v| {
            format!("{v:.0}")
        });
        assert_eq!(svg.matches("class=\"trust-point\"").count(), 2);
        assert_eq!(svg.matches("class=\"trust-whisker\"").count(), 1);
        assert!(svg.contains("<polyline"));
    }
}
