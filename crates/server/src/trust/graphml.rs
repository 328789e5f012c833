//! One wave of a trust survey as GraphML, for Gephi, Kumu or yEd: partners as nodes with their
//! scores and sides, and each relationship above none as a directed edge from rater to ratee.
//! `commonground network --format graphml` and the trust room's export write it.

use std::fmt::Write as _;

use engine::trust::{Level, Rating};

use super::document::NetworkDocument;

/// Escapes text for an XML attribute or element.
pub(crate) fn xml_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c if u32::from(c) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// The keys GraphML declares: id, element, name, type.
const GRAPHML_KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("sector", "node", "sector", "string"),
    (
        "community_statutory",
        "node",
        "community_statutory",
        "string",
    ),
    ("lay_professional", "node", "lay_professional", "string"),
    ("trust", "node", "trust", "double"),
    ("value", "node", "value", "double"),
    ("n_raters", "node", "n_raters", "int"),
    ("degree", "node", "degree", "int"),
    ("responded", "node", "responded", "boolean"),
    ("level", "edge", "level", "string"),
    ("level_rank", "edge", "level_rank", "int"),
    ("rating_trust", "edge", "trust", "double"),
    ("rating_value", "edge", "value", "double"),
];

/// One wave as GraphML: partners as nodes with their scores, and each reported relationship
/// above none as a directed edge from rater to ratee with its level and the rater's views.
/// `ratings` index `document.partners` and its waves; `wave` must be one of its waves.
pub fn write(document: &NetworkDocument, ratings: &[Rating], wave: usize) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    for (id, element, name, kind) in GRAPHML_KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{element}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    let entry = &document.waves[wave];
    let _ = writeln!(
        out,
        "  <graph id=\"wave {}\" edgedefault=\"directed\">",
        xml_text(&entry.wave)
    );
    let data = |key: &str, value: &str| format!("<data key=\"{key}\">{}</data>", xml_text(value));
    for (partner, score) in document.partners.iter().zip(&entry.partners) {
        let mut fields = vec![
            data("label", &partner.name),
            data("sector", partner.sector.as_str()),
        ];
        for (key, side) in [
            ("community_statutory", &partner.community_statutory),
            ("lay_professional", &partner.lay_professional),
        ] {
            if let Some(side) = side {
                fields.push(data(key, side));
            }
        }
        for (key, value) in [("trust", score.trust), ("value", score.value)] {
            if let Some(value) = value {
                fields.push(data(key, &value.to_string()));
            }
        }
        fields.push(data("n_raters", &score.n_raters.to_string()));
        fields.push(data("degree", &score.degree.to_string()));
        fields.push(data("responded", &score.responded.to_string()));
        let _ = writeln!(
            out,
            "    <node id=\"p{}\">{}</node>",
            partner.id,
            fields.concat()
        );
    }
    let mut edges: Vec<&Rating> = ratings
        .iter()
        .filter(|r| r.wave as usize == wave && r.level.is_tie())
        .collect();
    edges.sort_by_key(|r| (r.rater, r.ratee));
    for (number, rating) in edges.into_iter().enumerate() {
        let source = document.partners[rating.rater as usize].id;
        let target = document.partners[rating.ratee as usize].id;
        let rank = Level::ALL
            .iter()
            .position(|l| *l == rating.level)
            .unwrap_or(0);
        let mut fields = vec![
            data("level", rating.level.as_str()),
            data("level_rank", &rank.to_string()),
        ];
        for (key, view) in [
            ("rating_trust", rating.trust_view()),
            ("rating_value", rating.value_view()),
        ] {
            if let Some(view) = view {
                fields.push(data(key, &view.to_string()));
            }
        }
        let _ = writeln!(
            out,
            "    <edge id=\"e{number}\" source=\"p{source}\" target=\"p{target}\">{}</edge>",
            fields.concat()
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
