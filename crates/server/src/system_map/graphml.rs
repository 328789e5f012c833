//! GraphML in and out, for Gephi and yEd.
//!
//! Written: factors are nodes (`label`, `partner`, and with an analysis `driving`,
//! `dependence`, `betweenness`), links are directed edges (`sign` `+` or `-`, `weight` `1` or
//! `-1` for tools that read signs from weights, `delayed`, `contested`, `note`).
//!
//! Read: a node's name is its `label` or `name` data, or a yEd node label, or else its id; its
//! partner the `partner` or `owner` data. An edge's sign is its `sign` or `polarity` data (`+`,
//! `-`, `positive`, `negative`), or else the sign of its `weight`, or else a yEd edge label that
//! is `+` or `-`; an edge without a sign is refused, as is an undirected one. A file that
//! declares a DTD (and so could define entities), is larger than
//! [`MAX_IMPORT_BYTES`](super::MAX_IMPORT_BYTES), or is not well-formed XML is refused with
//! the reason, before anything is kept.

use std::collections::HashMap;
use std::fmt::Write as _;

use engine::system_map::Sign;

use super::MAX_IMPORT_BYTES;
use super::document::MapDocument;
use super::source::{FactorKey, FactorSource, LinkSource, MapSource};

/// The most XML nodes a file may hold (elements, text and attributes' owners together).
const MAX_XML_NODES: u32 = 2_000_000;

/// Why a GraphML file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GraphmlError {
    /// The file is larger than an import reads.
    #[error("the file has {bytes} bytes; a map file may have at most {limit} bytes")]
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The file is not UTF-8 text.
    #[error("the file is not UTF-8 text")]
    NotText,
    /// The file declares a DTD.
    #[error(
        "the file declares a DTD; GraphML needs none, and a DTD can define entities, so it is refused"
    )]
    Dtd,
    /// The file is not well-formed XML.
    #[error("the file is not well-formed XML: {0}")]
    Xml(String),
    /// The file is XML but not a GraphML graph as the map needs it.
    #[error("{0}")]
    Shape(String),
}

/// Reads a map from GraphML.
pub fn read(bytes: &[u8]) -> Result<MapSource, GraphmlError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(GraphmlError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| GraphmlError::NotText)?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
    };
    let document =
        roxmltree::Document::parse_with_options(text, options).map_err(|error| match error {
            roxmltree::Error::DtdDetected => GraphmlError::Dtd,
            roxmltree::Error::NodesLimitReached => {
                GraphmlError::Xml(format!("it has more than {MAX_XML_NODES} XML nodes"))
            }
            other => GraphmlError::Xml(other.to_string()),
        })?;
    let shape = |message: String| GraphmlError::Shape(message);
    let root = document.root_element();
    if root.tag_name().name() != "graphml" {
        return Err(shape(format!(
            "the file's root element is <{}>, not <graphml>",
            root.tag_name().name()
        )));
    }
    // Keys: their id to the attribute name they stand for, lower-cased, with any default.
    let mut keys: HashMap<&str, (String, Option<String>)> = HashMap::new();
    for key in root.children().filter(|n| n.tag_name().name() == "key") {
        let Some(id) = key.attribute("id") else {
            return Err(shape("a <key> has no id".to_owned()));
        };
        let name = key
            .attribute("attr.name")
            .unwrap_or(id)
            .to_ascii_lowercase();
        let default = key
            .children()
            .find(|n| n.tag_name().name() == "default")
            .and_then(|n| n.text())
            .map(str::to_owned);
        keys.insert(id, (name, default));
    }
    let mut graphs = root.children().filter(|n| n.tag_name().name() == "graph");
    let graph = graphs
        .next()
        .ok_or_else(|| shape("the file has no <graph>".to_owned()))?;
    if graphs.next().is_some() {
        return Err(shape(
            "the file has more than one <graph>; a map is one graph".to_owned(),
        ));
    }
    let undirected_by_default = graph.attribute("edgedefault") == Some("undirected");
    let data = |element: roxmltree::Node<'_, '_>| -> HashMap<String, String> {
        let mut values: HashMap<String, String> = HashMap::new();
        for (name, default) in keys.values() {
            if let Some(default) = default {
                values.insert(name.clone(), default.clone());
            }
        }
        for item in element.children().filter(|n| n.tag_name().name() == "data") {
            let Some(key) = item.attribute("key") else {
                continue;
            };
            let name = keys
                .get(key)
                .map_or_else(|| key.to_ascii_lowercase(), |(name, _)| name.clone());
            let text: String = item
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect::<String>();
            values.insert(name, text.trim().to_owned());
        }
        values
    };
    let mut source = MapSource::default();
    for node in graph.children().filter(|n| n.tag_name().name() == "node") {
        let Some(id) = node.attribute("id") else {
            return Err(shape("a <node> has no id".to_owned()));
        };
        if node.children().any(|n| n.tag_name().name() == "graph") {
            return Err(shape(format!(
                "node {id:?} holds a nested graph; a map's factors are not nested"
            )));
        }
        let values = data(node);
        let name = first(&values, &["label", "name"])
            .or_else(|| yed_label(node, "NodeLabel"))
            .unwrap_or_else(|| id.to_owned());
        source.factors.push(FactorSource {
            id: id.to_owned(),
            name,
            partner: first(&values, &["partner", "owner"]),
        });
    }
    for (position, edge) in graph
        .children()
        .filter(|n| n.tag_name().name() == "edge")
        .enumerate()
    {
        let number = position + 1;
        let (Some(from), Some(to)) = (edge.attribute("source"), edge.attribute("target")) else {
            return Err(shape(format!(
                "edge number {number} lacks a source or a target"
            )));
        };
        let directed = match edge.attribute("directed") {
            Some(flag) => flag == "true",
            None => !undirected_by_default,
        };
        if !directed {
            return Err(shape(format!(
                "the edge from {from:?} to {to:?} is undirected; an influence has a direction"
            )));
        }
        let values = data(edge);
        let sign = edge_sign(&values)
            .or_else(|| yed_label(edge, "EdgeLabel").and_then(|label| word_sign(&label)))
            .ok_or_else(|| {
                shape(format!(
                    "the edge from {from:?} to {to:?} has no sign: give it a `sign` of + or -, \
                     or a positive or negative `weight`"
                ))
            })?;
        source.links.push(LinkSource {
            from: from.to_owned(),
            to: to.to_owned(),
            sign,
            delayed: flag(&values, &["delayed", "delay"]),
            contested: flag(&values, &["contested"]),
            note: first(&values, &["note", "evidence", "description"]).unwrap_or_default(),
        });
    }
    Ok(source)
}

fn first(values: &HashMap<String, String>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .filter_map(|name| values.get(*name))
        .find(|value| !value.is_empty())
        .cloned()
}

fn flag(values: &HashMap<String, String>, names: &[&str]) -> bool {
    first(values, names).is_some_and(|value| {
        matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "yes" | "1" | "y"
        )
    })
}

/// Reads a sign written as a symbol (`+`, `-`) or a word (`positive`, `opposite`, ...).
pub(super) fn word_sign(word: &str) -> Option<Sign> {
    match word.trim().to_ascii_lowercase().as_str() {
        "+" | "+1" | "positive" | "same" | "s" => Some(Sign::Positive),
        "-" | "−" | "-1" | "negative" | "opposite" | "o" => Some(Sign::Negative),
        _ => None,
    }
}

fn edge_sign(values: &HashMap<String, String>) -> Option<Sign> {
    if let Some(word) = first(values, &["sign", "polarity"]) {
        return word_sign(&word);
    }
    let weight: f64 = first(values, &["weight"])?.parse().ok()?;
    if weight > 0.0 {
        Some(Sign::Positive)
    } else if weight < 0.0 {
        Some(Sign::Negative)
    } else {
        None
    }
}

/// The text of a yEd label element (`y:NodeLabel`, `y:EdgeLabel`) inside an element's data.
fn yed_label(element: roxmltree::Node<'_, '_>, label: &str) -> Option<String> {
    element
        .descendants()
        .find(|n| n.tag_name().name() == label)
        .and_then(|n| n.text())
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

/// Writes a map as GraphML, with each factor's leverage when an analysis is given.
pub fn write(source: &MapSource, analysis: Option<&MapDocument>) -> String {
    let leverage: HashMap<String, (usize, usize, f64)> = analysis
        .map(|document| {
            document
                .factors
                .iter()
                .map(|f| {
                    let key = match &f.id {
                        FactorKey::Number(n) => n.to_string(),
                        FactorKey::Text(t) => t.clone(),
                    };
                    (key, (f.driving, f.dependence, f.betweenness))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    for (id, target, kind) in [
        ("label", "node", "string"),
        ("partner", "node", "string"),
        ("driving", "node", "int"),
        ("dependence", "node", "int"),
        ("betweenness", "node", "double"),
        ("sign", "edge", "string"),
        ("weight", "edge", "double"),
        ("delayed", "edge", "boolean"),
        ("contested", "edge", "boolean"),
        ("note", "edge", "string"),
    ] {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <graph id=\"map\" edgedefault=\"directed\">\n");
    for factor in &source.factors {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&factor.id));
        let _ = writeln!(
            out,
            "      <data key=\"label\">{}</data>",
            escape(&factor.name)
        );
        if let Some(partner) = &factor.partner {
            let _ = writeln!(
                out,
                "      <data key=\"partner\">{}</data>",
                escape(partner)
            );
        }
        if let Some((driving, dependence, betweenness)) = leverage.get(&factor.id) {
            let _ = writeln!(out, "      <data key=\"driving\">{driving}</data>");
            let _ = writeln!(out, "      <data key=\"dependence\">{dependence}</data>");
            let _ = writeln!(out, "      <data key=\"betweenness\">{betweenness}</data>");
        }
        out.push_str("    </node>\n");
    }
    for link in &source.links {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            escape(&link.from),
            escape(&link.to)
        );
        let (sign, weight) = match link.sign {
            Sign::Positive => ("+", "1"),
            Sign::Negative => ("-", "-1"),
        };
        let _ = writeln!(out, "      <data key=\"sign\">{sign}</data>");
        let _ = writeln!(out, "      <data key=\"weight\">{weight}</data>");
        let _ = writeln!(out, "      <data key=\"delayed\">{}</data>", link.delayed);
        let _ = writeln!(
            out,
            "      <data key=\"contested\">{}</data>",
            link.contested
        );
        if !link.note.is_empty() {
            let _ = writeln!(
                out,
                "      <data key=\"note\">{}</data>",
                escape(&link.note)
            );
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Escapes text for an XML attribute or element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="partner" attr.type="string"/>
  <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d0">Loneliness</data><data key="d1">Council</data></node>
    <node id="n1"><data key="d0">Falls</data></node>
    <edge source="n0" target="n1"><data key="d2">2.5</data></edge>
    <edge source="n1" target="n0"><data key="d2">-1</data></edge>
  </graph>
</graphml>"#;

    #[test]
    fn reads_names_partners_and_signs_from_weights() {
        let map = read(SMALL.as_bytes()).unwrap();
        assert_eq!(map.factors.len(), 2);
        assert_eq!(map.factors[0].name, "Loneliness");
        assert_eq!(map.factors[0].partner.as_deref(), Some("Council"));
        assert_eq!(map.factors[1].partner, None);
        assert_eq!(map.links[0].sign, Sign::Positive);
        assert_eq!(map.links[1].sign, Sign::Negative);
    }

    #[test]
    fn what_it_writes_it_reads_back() {
        let mut map = read(SMALL.as_bytes()).unwrap();
        map.factors[1].name = "Falls & <fractures> \"at home\"".to_owned();
        map.links[0].delayed = true;
        map.links[0].note = "Survey 2025".to_owned();
        let written = write(&map, None);
        assert_eq!(read(written.as_bytes()).unwrap(), map);
    }

    #[test]
    fn a_dtd_and_its_entities_are_refused() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<graphml><graph edgedefault="directed"><node id="&lol2;"/></graph></graphml>"#;
        assert_eq!(read(laughs.as_bytes()).unwrap_err(), GraphmlError::Dtd);
        let external = r#"<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<graphml><graph><node id="&secret;"/></graph></graphml>"#;
        assert_eq!(read(external.as_bytes()).unwrap_err(), GraphmlError::Dtd);
    }

    #[test]
    fn broken_huge_and_unsigned_files_are_refused_with_the_reason() {
        let broken = read(b"<graphml><graph><node id=\"1\"></graph>").unwrap_err();
        assert!(matches!(broken, GraphmlError::Xml(_)), "{broken:?}");
        let huge = vec![b' '; MAX_IMPORT_BYTES + 1];
        assert!(matches!(
            read(&huge).unwrap_err(),
            GraphmlError::TooLarge { .. }
        ));
        assert_eq!(read(&[0xff, 0xfe]).unwrap_err(), GraphmlError::NotText);
        let unsigned = r#"<graphml><graph edgedefault="directed"><node id="a"/><node id="b"/>
            <edge source="a" target="b"/></graph></graphml>"#;
        assert_eq!(
            read(unsigned.as_bytes()).unwrap_err().to_string(),
            "the edge from \"a\" to \"b\" has no sign: give it a `sign` of + or -, \
             or a positive or negative `weight`"
        );
        let undirected = r#"<graphml><graph edgedefault="undirected"><node id="a"/>
            <node id="b"/><edge source="a" target="b"/></graph></graphml>"#;
        assert!(
            read(undirected.as_bytes())
                .unwrap_err()
                .to_string()
                .contains("undirected")
        );
        let other = read(b"<svg/>").unwrap_err();
        assert_eq!(
            other.to_string(),
            "the file's root element is <svg>, not <graphml>"
        );
    }

    #[test]
    fn yed_labels_name_nodes_and_sign_edges() {
        let yed = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d6" for="node" yfiles.type="nodegraphics"/>
  <key id="d10" for="edge" yfiles.type="edgegraphics"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Social isolation</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Low mood</y:NodeLabel></y:ShapeNode></data></node>
    <edge source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>+</y:EdgeLabel></y:PolyLineEdge></data></edge>
  </graph>
</graphml>"#;
        let map = read(yed.as_bytes()).unwrap();
        assert_eq!(map.factors[0].name, "Social isolation");
        assert_eq!(map.links[0].sign, Sign::Positive);
    }
}
