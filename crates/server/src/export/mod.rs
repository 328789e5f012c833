//! Dialogue exports shared by the HTTP API and the `commonground export` command: Pol.is
//! open-data CSV files (also as one ZIP archive) and a full JSON dump.
//!
//! Exports number statements and participants the way Pol.is does, with small integers: an
//! imported item keeps the number it had in the Pol.is export it came from (its external id),
//! and every other item gets the next free number in creation order.

mod load;
mod polis_csv;

use std::collections::{BTreeMap, BTreeSet};

pub use load::{DialogueDump, load};
pub use polis_csv::{PolisCsvFiles, formula_safe, polis_csv};

/// A statement's moderation status as exports write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportModeration {
    /// Accepted (`1` in Pol.is CSV).
    Accepted,
    /// Waiting for moderation (`0`).
    Pending,
    /// Rejected (`-1`).
    Rejected,
}

/// A statement as exports see it, with its export number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportStatement {
    /// The Pol.is-style comment id.
    pub number: u64,
    /// The author's participant number, if a participant wrote it.
    pub author: Option<u64>,
    /// When it was written, in ms since the epoch.
    pub created_ms: i64,
    /// Its moderation status.
    pub moderation: ExportModeration,
    /// Whether it is a meta statement.
    pub is_meta: bool,
    /// Its text, unchanged.
    pub text: String,
}

/// One vote event as exports see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportVote {
    /// When it was cast, in ms since the epoch.
    pub timestamp_ms: i64,
    /// The statement's export number.
    pub statement: u64,
    /// The participant's export number.
    pub participant: u64,
    /// agree = 1, disagree = -1, pass = 0.
    pub vote: i8,
}

/// Everything an export writes about one dialogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportData {
    /// The dialogue's title (Pol.is "topic").
    pub title: String,
    /// The question put to participants.
    pub question: String,
    /// The dialogue's description.
    pub description: String,
    /// The participant URL, if known.
    pub url: Option<String>,
    /// Every statement.
    pub statements: Vec<ExportStatement>,
    /// Every participant's number, including those who never voted.
    pub participants: Vec<u64>,
    /// Every vote event, in the order they were cast.
    pub votes: Vec<ExportVote>,
    /// The opinion group of each participant in the latest analysis.
    pub group_of_participant: BTreeMap<u64, usize>,
    /// How many participants the latest analysis counted in the conversation, if there is one.
    pub n_in_conv: Option<u64>,
    /// How many opinion groups the latest analysis found.
    pub n_groups: usize,
}

impl ExportData {
    /// Returns the number of participants, counting those only seen in votes.
    pub fn n_participants(&self) -> usize {
        let mut all: BTreeSet<u64> = self.participants.iter().copied().collect();
        all.extend(self.votes.iter().map(|vote| vote.participant));
        all.len()
    }
}

/// Assigns export numbers: items whose external id is a non-negative integer not used by an
/// earlier item keep it; the others get numbers above the largest kept one, in the given order.
///
/// Takes (internal id, external id) pairs in creation order and returns internal id → number.
pub fn export_numbers<'a>(
    items: impl IntoIterator<Item = (i64, Option<&'a str>)>,
) -> BTreeMap<i64, u64> {
    let items: Vec<(i64, Option<&str>)> = items.into_iter().collect();
    let mut numbers = BTreeMap::new();
    let mut used = BTreeSet::new();
    let mut unnumbered = Vec::new();
    for &(id, external) in &items {
        match external.and_then(|text| text.trim().parse::<u64>().ok()) {
            Some(number) if used.insert(number) => {
                numbers.insert(id, number);
            }
            _ => unnumbered.push(id),
        }
    }
    let mut next = used.last().map_or(0, |&largest| largest.saturating_add(1));
    for id in unnumbered {
        while used.contains(&next) {
            next = next.saturating_add(1);
        }
        used.insert(next);
        numbers.insert(id, next);
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imported_items_keep_their_numbers_and_new_ones_follow() {
        let numbers = export_numbers([
            (10, Some("5")),
            (11, None),
            (12, Some("0")),
            (13, Some("5")),
            (14, Some("tid-x")),
        ]);
        assert_eq!(
            numbers,
            BTreeMap::from([(10, 5), (11, 6), (12, 0), (13, 7), (14, 8)])
        );
    }

    #[test]
    fn a_dialogue_without_external_ids_is_numbered_from_zero() {
        let numbers = export_numbers([(40, None), (41, None)]);
        assert_eq!(numbers, BTreeMap::from([(40, 0), (41, 1)]));
    }
}
