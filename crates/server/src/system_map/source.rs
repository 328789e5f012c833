//! A map as its files give it: factors named by the caller's ids, with a name and optionally
//! the partner that owns them, and signed links between those ids. [`MapSource::index`] checks
//! it and numbers it for the engine.
//!
//! Ids are kept as the files wrote them. When every id is a whole number the engine uses the
//! numbers themselves, so "the smallest id" means the smallest number; otherwise the ids are
//! text, numbered in text order, and the smallest id is the first in that order.

use std::collections::HashMap;
use std::fmt;

use engine::system_map::{Factor, FactorId, Link, MapError, Sign, SystemMap};
use serde::{Deserialize, Serialize};

/// A factor's id in documents: a whole number when every id of the map is one, else text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FactorKey {
    /// A whole-number id.
    Number(u64),
    /// A text id.
    Text(String),
}

impl fmt::Display for FactorKey {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactorKey::Number(number) => write!(formatter, "{number}"),
            FactorKey::Text(text) => formatter.write_str(text),
        }
    }
}

/// A factor as a file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorSource {
    /// Its id, unique in the map.
    pub id: String,
    /// What it is, e.g. "Loneliness among older people".
    pub name: String,
    /// The partner that owns it, by whatever label the file uses; `None` when no partner does.
    pub partner: Option<String>,
}

/// A link as a file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkSource {
    /// The id of the factor that influences.
    pub from: String,
    /// The id of the factor influenced.
    pub to: String,
    /// More leads to more (`+`) or to less (`-`).
    pub sign: Sign,
    /// Whether the influence takes effect after a marked delay.
    pub delayed: bool,
    /// Whether the partnership contests the influence.
    pub contested: bool,
    /// A note on the evidence for it, possibly empty.
    pub note: String,
}

/// A whole map as a file gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapSource {
    /// Every factor, in the file's order.
    pub factors: Vec<FactorSource>,
    /// Every link, in the file's order.
    pub links: Vec<LinkSource>,
}

/// Why a map cannot be analysed, naming the factor or link at fault.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// The map has no factor.
    #[error("the map has no factors")]
    NoFactors,
    /// A factor has an empty id.
    #[error("factor number {position} (counting from 1) has an empty id")]
    EmptyId {
        /// Its position.
        position: usize,
    },
    /// Two factors have the same id.
    #[error("factor {id:?} appears twice")]
    DuplicateFactor {
        /// The id.
        id: String,
    },
    /// A factor has no name.
    #[error("factor {id:?} has no name")]
    EmptyName {
        /// The id.
        id: String,
    },
    /// A link names a factor the map does not have.
    #[error(
        "the link from {from:?} to {to:?} names factor {missing:?}, which the map does not have"
    )]
    UnknownFactor {
        /// The link's source.
        from: String,
        /// The link's target.
        to: String,
        /// The id not found.
        missing: String,
    },
    /// A refusal of the engine's that the checks above do not foresee.
    #[error(transparent)]
    Engine(MapError),
    /// Two links join the same factors in the same direction.
    #[error("the link from {from:?} to {to:?} appears twice")]
    DuplicateLink {
        /// The link's source.
        from: String,
        /// The link's target.
        to: String,
    },
}

/// A checked map, numbered for the engine, that can name its factors and partners again.
#[derive(Clone, Debug)]
pub struct IndexedMap {
    /// The engine's map.
    pub map: SystemMap,
    /// Each factor's engine id, in the source's order.
    engine_ids: Vec<FactorId>,
    /// Each factor's document id, in the source's order.
    keys: Vec<FactorKey>,
    /// The source position of each engine id.
    positions: HashMap<FactorId, usize>,
    /// The partners' labels, by the engine's partner number (order of first appearance).
    partners: Vec<String>,
    /// The factors as the source gave them.
    factors: Vec<FactorSource>,
}

impl MapSource {
    /// Checks the map and numbers it for the engine.
    pub fn index(&self) -> Result<IndexedMap, SourceError> {
        if self.factors.is_empty() {
            return Err(SourceError::NoFactors);
        }
        for (position, factor) in self.factors.iter().enumerate() {
            if factor.id.is_empty() {
                return Err(SourceError::EmptyId {
                    position: position + 1,
                });
            }
            if factor.name.trim().is_empty() {
                return Err(SourceError::EmptyName {
                    id: factor.id.clone(),
                });
            }
        }
        let numeric = self
            .factors
            .iter()
            .all(|factor| whole_number(&factor.id).is_some());
        let (engine_ids, keys): (Vec<FactorId>, Vec<FactorKey>) = if numeric {
            self.factors
                .iter()
                .map(|factor| {
                    let number = whole_number(&factor.id).unwrap_or(0);
                    (number, FactorKey::Number(number))
                })
                .unzip()
        } else {
            let mut order: Vec<&str> = self.factors.iter().map(|f| f.id.as_str()).collect();
            order.sort_unstable();
            order.dedup();
            self.factors
                .iter()
                .map(|factor| {
                    let rank = order.binary_search(&factor.id.as_str()).unwrap_or(0);
                    (rank as FactorId, FactorKey::Text(factor.id.clone()))
                })
                .unzip()
        };
        let mut positions = HashMap::with_capacity(engine_ids.len());
        for (position, &id) in engine_ids.iter().enumerate() {
            if positions.insert(id, position).is_some() {
                return Err(SourceError::DuplicateFactor {
                    id: self.factors[position].id.clone(),
                });
            }
        }
        let mut partners: Vec<String> = Vec::new();
        let mut partner_numbers: HashMap<&str, u32> = HashMap::new();
        let mut engine_factors = Vec::with_capacity(self.factors.len());
        for (factor, &id) in self.factors.iter().zip(&engine_ids) {
            let partner = factor.partner.as_deref().map(|label| {
                *partner_numbers.entry(label).or_insert_with(|| {
                    partners.push(label.to_owned());
                    u32::try_from(partners.len() - 1).unwrap_or(u32::MAX)
                })
            });
            engine_factors.push(Factor { id, partner });
        }
        let by_text: HashMap<&str, FactorId> = self
            .factors
            .iter()
            .zip(&engine_ids)
            .map(|(factor, &id)| (factor.id.as_str(), id))
            .collect();
        let mut engine_links = Vec::with_capacity(self.links.len());
        for link in &self.links {
            let find = |text: &str| {
                by_text
                    .get(text)
                    .copied()
                    .ok_or_else(|| SourceError::UnknownFactor {
                        from: link.from.clone(),
                        to: link.to.clone(),
                        missing: text.to_owned(),
                    })
            };
            engine_links.push(Link {
                from: find(&link.from)?,
                to: find(&link.to)?,
                sign: link.sign,
                delayed: link.delayed,
                contested: link.contested,
            });
        }
        let map = SystemMap::new(&engine_factors, &engine_links).map_err(|error| match error {
            MapError::DuplicateLink { from, to } => SourceError::DuplicateLink {
                from: self.factors[positions[&from]].id.clone(),
                to: self.factors[positions[&to]].id.clone(),
            },
            other => SourceError::Engine(other),
        })?;
        Ok(IndexedMap {
            map,
            engine_ids,
            keys,
            positions,
            partners,
            factors: self.factors.clone(),
        })
    }
}

impl IndexedMap {
    /// The document id of the factor with this engine id.
    pub fn key(&self, id: FactorId) -> FactorKey {
        self.keys[self.positions[&id]].clone()
    }

    /// The factor with this engine id, as the source gave it.
    pub fn factor(&self, id: FactorId) -> &FactorSource {
        &self.factors[self.positions[&id]]
    }

    /// The label of the partner with this engine number.
    pub fn partner(&self, number: Option<u32>) -> Option<String> {
        number.and_then(|n| self.partners.get(n as usize).cloned())
    }

    /// The partners' labels, in order of first appearance.
    pub fn partners(&self) -> &[String] {
        &self.partners
    }

    /// Finds a factor by its id as written, or else by its exact name (ignoring case).
    pub fn find(&self, text: &str) -> Option<FactorId> {
        let text = text.trim();
        if let Some(position) = self.factors.iter().position(|f| f.id == text) {
            return Some(self.engine_ids[position]);
        }
        let mut named = self
            .factors
            .iter()
            .enumerate()
            .filter(|(_, f)| f.name.trim().eq_ignore_ascii_case(text));
        match (named.next(), named.next()) {
            (Some((position, _)), None) => Some(self.engine_ids[position]),
            _ => None,
        }
    }
}

/// Reads a whole number written with digits only.
fn whole_number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn factor(id: &str, partner: Option<&str>) -> FactorSource {
        FactorSource {
            id: id.to_owned(),
            name: format!("Factor {id}"),
            partner: partner.map(str::to_owned),
        }
    }

    fn link(from: &str, to: &str) -> LinkSource {
        LinkSource {
            from: from.to_owned(),
            to: to.to_owned(),
            sign: Sign::Positive,
            delayed: false,
            contested: false,
            note: String::new(),
        }
    }

    #[test]
    fn whole_number_ids_are_numbers_and_text_ids_keep_their_text_order() {
        let numeric = MapSource {
            factors: vec![factor("10", None), factor("2", Some("Council"))],
            links: vec![link("10", "2")],
        }
        .index()
        .unwrap();
        assert_eq!(numeric.map.ids(), &[2, 10]);
        assert_eq!(numeric.key(10), FactorKey::Number(10));
        assert_eq!(numeric.partner(Some(0)).as_deref(), Some("Council"));

        let text = MapSource {
            factors: vec![factor("b", None), factor("a", None), factor("10", None)],
            links: vec![link("a", "b")],
        }
        .index()
        .unwrap();
        // "10" < "a" < "b" as text.
        assert_eq!(text.key(0), FactorKey::Text("10".to_owned()));
        assert_eq!(text.key(2), FactorKey::Text("b".to_owned()));
        assert_eq!(text.find("a"), Some(1));
        assert_eq!(text.find("factor B"), Some(2));
        assert_eq!(text.find("nothing"), None);
    }

    #[test]
    fn faults_name_the_factor_or_link() {
        let unknown = MapSource {
            factors: vec![factor("1", None)],
            links: vec![link("1", "9")],
        };
        assert_eq!(
            unknown.index().unwrap_err().to_string(),
            "the link from \"1\" to \"9\" names factor \"9\", which the map does not have"
        );
        let twice = MapSource {
            factors: vec![factor("1", None), factor("01", None)],
            links: vec![],
        };
        assert_eq!(
            twice.index().unwrap_err(),
            SourceError::DuplicateFactor {
                id: "01".to_owned()
            }
        );
        let double_link = MapSource {
            factors: vec![factor("1", None), factor("2", None)],
            links: vec![link("1", "2"), link("1", "2")],
        };
        assert_eq!(
            double_link.index().unwrap_err(),
            SourceError::DuplicateLink {
                from: "1".to_owned(),
                to: "2".to_owned()
            }
        );
        assert_eq!(
            MapSource::default().index().unwrap_err(),
            SourceError::NoFactors
        );
    }
}
