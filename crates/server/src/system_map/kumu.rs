//! Kumu's JSON ("blueprint") in and out.
//!
//! Kumu's public documentation gives a blueprint as an object with `elements` (each with a
//! `label` and any other fields) and `connections` (each `from` and `to` an element's label,
//! optionally `direction` and any other fields). Written: each factor is an element (`label`
//! its name, `type` `Factor`, `factor id`, `partner`), each link a directed connection whose
//! `type` is its sign (`+` or `-`, so a Kumu view can style the two), with `delay`
//! and `contested` (`yes` or `no`) and the evidence note as `description`. Kumu joins
//! connections to elements by label, so a map whose factors share a name cannot be written.
//!
//! Read: an element's id is its `factor id` or `id` field, or else its label; a connection's
//! ends may name either. Field names are read without regard to case. A connection's sign is
//! its `sign`, `polarity`, `type` or `connection type` field (`+`, `-`, `positive`,
//! `negative`, `same`, `opposite`); one without a sign, or marked `undirected` or `mutual`, is
//! refused.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::MAX_IMPORT_BYTES;
use super::graphml::word_sign;
use super::source::{FactorSource, LinkSource, MapSource};

/// Why a Kumu file cannot be read or written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KumuError {
    /// The file is larger than an import reads.
    #[error("the file has {bytes} bytes; a map file may have at most {limit} bytes")]
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The file is not JSON.
    #[error("the file is not JSON: {0}")]
    Json(String),
    /// The file is JSON but not a blueprint as the map needs it.
    #[error("{0}")]
    Shape(String),
}

/// Reads a map from a Kumu blueprint.
pub fn read(bytes: &[u8]) -> Result<MapSource, KumuError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(KumuError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let value: Value =
        serde_json::from_slice(bytes).map_err(|error| KumuError::Json(error.to_string()))?;
    let shape = |message: String| KumuError::Shape(message);
    let Value::Object(blueprint) = value else {
        return Err(shape(
            "a Kumu blueprint is an object with `elements` and `connections`".to_owned(),
        ));
    };
    let list = |name: &str| -> Result<Vec<Map<String, Value>>, KumuError> {
        match blueprint.get(name) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::Object(fields) => Ok(lower_case(fields)),
                    _ => Err(shape(format!("{name} number {} is not an object", i + 1))),
                })
                .collect(),
            Some(_) => Err(shape(format!("`{name}` is not a list"))),
        }
    };
    let elements = list("elements")?;
    let connections = list("connections")?;
    let mut source = MapSource::default();
    // Each element's id by its label and by its id, so connections may name either.
    let mut names: HashMap<String, String> = HashMap::new();
    for (i, element) in elements.iter().enumerate() {
        let number = i + 1;
        let label = text(element, &["label", "name"])
            .ok_or_else(|| shape(format!("element number {number} has no `label`")))?;
        let id = text(element, &["factor id", "id", "_id"]).unwrap_or_else(|| label.clone());
        names.entry(label.clone()).or_insert_with(|| id.clone());
        names.insert(id.clone(), id.clone());
        source.factors.push(FactorSource {
            id,
            name: label,
            partner: text(element, &["partner", "owner"]),
        });
    }
    for (i, connection) in connections.iter().enumerate() {
        let number = i + 1;
        let end = |field: &str| -> Result<String, KumuError> {
            let name = text(connection, &[field])
                .ok_or_else(|| shape(format!("connection number {number} has no `{field}`")))?;
            Ok(names.get(&name).cloned().unwrap_or(name))
        };
        let (from, to) = (end("from")?, end("to")?);
        if let Some(direction) = text(connection, &["direction"])
            && !direction.eq_ignore_ascii_case("directed")
        {
            return Err(shape(format!(
                "the connection from {from:?} to {to:?} is {direction}; an influence has one direction"
            )));
        }
        let sign = ["sign", "polarity", "type", "connection type"]
            .iter()
            .filter_map(|field| text(connection, &[field]))
            .find_map(|word| word_sign(&word))
            .ok_or_else(|| {
                shape(format!(
                    "the connection from {from:?} to {to:?} has no sign: give it a `type` of + or -"
                ))
            })?;
        source.links.push(LinkSource {
            from,
            to,
            sign,
            delayed: yes(connection, &["delay", "delayed"]),
            contested: yes(connection, &["contested"]),
            note: text(connection, &["description", "note"]).unwrap_or_default(),
        });
    }
    Ok(source)
}

/// Writes a map as a Kumu blueprint.
pub fn write(source: &MapSource) -> Result<String, KumuError> {
    let mut seen = HashSet::new();
    for factor in &source.factors {
        if !seen.insert(factor.name.as_str()) {
            return Err(KumuError::Shape(format!(
                "two factors are named {:?}; Kumu joins connections to elements by name, so each \
                 name must be unique",
                factor.name
            )));
        }
    }
    let names: HashMap<&str, &str> = source
        .factors
        .iter()
        .map(|f| (f.id.as_str(), f.name.as_str()))
        .collect();
    let elements: Vec<Value> = source
        .factors
        .iter()
        .map(|factor| {
            let mut element = json!({
                "label": factor.name,
                "type": "Factor",
                "factor id": factor.id,
            });
            if let Some(partner) = &factor.partner {
                element["partner"] = json!(partner);
            }
            element
        })
        .collect();
    let mut connections = Vec::with_capacity(source.links.len());
    for link in &source.links {
        let end = |id: &str| {
            names.get(id).copied().ok_or_else(|| {
                KumuError::Shape(format!(
                    "a link names factor {id:?}, which the map does not have"
                ))
            })
        };
        let mut connection = json!({
            "from": end(&link.from)?,
            "to": end(&link.to)?,
            "direction": "directed",
            "type": link.sign.as_str(),
            "delay": if link.delayed { "yes" } else { "no" },
            "contested": if link.contested { "yes" } else { "no" },
        });
        if !link.note.is_empty() {
            connection["description"] = json!(link.note);
        }
        connections.push(connection);
    }
    let blueprint = json!({ "elements": elements, "connections": connections });
    let mut text = serde_json::to_string_pretty(&blueprint)
        .map_err(|error| KumuError::Json(error.to_string()))?;
    text.push('\n');
    Ok(text)
}

fn lower_case(fields: &Map<String, Value>) -> Map<String, Value> {
    fields
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value.clone()))
        .collect()
}

/// The first of the fields that holds text or a number, as trimmed text.
fn text(fields: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| match fields.get(*name) {
        Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => None,
    })
}

fn yes(fields: &Map<String, Value>, names: &[&str]) -> bool {
    names.iter().any(|name| match fields.get(*name) {
        Some(Value::Bool(flag)) => *flag,
        Some(Value::String(text)) => {
            matches!(
                text.trim().to_ascii_lowercase().as_str(),
                "yes" | "true" | "1" | "y"
            )
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use engine::system_map::Sign;

    use super::*;

    #[test]
    fn reads_a_blueprint_joined_by_labels() {
        let blueprint = br#"{
          "elements": [
            {"label": "Loneliness", "Partner": "Age Concern"},
            {"label": "Falls"}
          ],
          "connections": [
            {"from": "Loneliness", "to": "Falls", "type": "+"},
            {"from": "Falls", "to": "Loneliness", "Connection Type": "positive", "delay": "yes"}
          ]
        }"#;
        let map = read(blueprint).unwrap();
        assert_eq!(map.factors[0].id, "Loneliness");
        assert_eq!(map.factors[0].partner.as_deref(), Some("Age Concern"));
        assert_eq!(map.links[0].sign, Sign::Positive);
        assert!(map.links[1].delayed);
        assert!(map.index().is_ok());
    }

    #[test]
    fn what_it_writes_it_reads_back() {
        let map = MapSource {
            factors: vec![
                FactorSource {
                    id: "1".to_owned(),
                    name: "Loneliness".to_owned(),
                    partner: Some("Council".to_owned()),
                },
                FactorSource {
                    id: "2".to_owned(),
                    name: "Visits to the GP".to_owned(),
                    partner: None,
                },
            ],
            links: vec![LinkSource {
                from: "1".to_owned(),
                to: "2".to_owned(),
                sign: Sign::Negative,
                delayed: true,
                contested: true,
                note: "GP survey".to_owned(),
            }],
        };
        assert_eq!(read(write(&map).unwrap().as_bytes()).unwrap(), map);
    }

    #[test]
    fn unsigned_undirected_and_malformed_blueprints_are_refused() {
        let unsigned =
            br#"{"elements":[{"label":"A"},{"label":"B"}],"connections":[{"from":"A","to":"B"}]}"#;
        assert!(
            read(unsigned)
                .unwrap_err()
                .to_string()
                .contains("has no sign")
        );
        let mutual = br#"{"elements":[{"label":"A"},{"label":"B"}],
            "connections":[{"from":"A","to":"B","type":"+","direction":"mutual"}]}"#;
        assert!(read(mutual).unwrap_err().to_string().contains("mutual"));
        assert!(matches!(
            read(b"{\"elements\": [").unwrap_err(),
            KumuError::Json(_)
        ));
        assert_eq!(
            read(b"[]").unwrap_err().to_string(),
            "a Kumu blueprint is an object with `elements` and `connections`"
        );
        let nameless = br#"{"elements":[{"type":"Factor"}]}"#;
        assert_eq!(
            read(nameless).unwrap_err().to_string(),
            "element number 1 has no `label`"
        );
    }
}
