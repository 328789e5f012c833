//! The latest analysis as the pages read it: the document with its statements indexed by id,
//! and what the participant's page asks of it (their place on the map, their group's
//! distinctive statements).

use std::collections::BTreeMap;

use serde::Serialize;

use super::document::{Document, Side, Statement, statement_numbers};
use super::map::{self, MapInput, MapView, PointInput, StatementInput};
use super::view::StatementLink;
use super::{confidence, service};
use crate::state::AppState;
use crate::web::PageError;
use crate::web::catalogue::text;
use crate::web::language::Language;
use crate::web::render::percent;

/// The most participants drawn one dot each; larger dialogues are drawn by base cluster.
const MAX_DOTS: usize = 400;

/// The latest analysis of a dialogue, as stored.
pub struct LoadedAnalysis {
    pub(crate) version: i64,
    pub(crate) computed_at: i64,
    pub(crate) doc: Document,
    by_id: BTreeMap<u32, usize>,
    /// Each statement's number, by id.
    numbers: BTreeMap<u32, usize>,
    /// The dialogue's id, for links.
    dialogue: i64,
}

/// Loads the latest analysis snapshot of a dialogue, if there is one.
pub async fn load(
    state: &AppState,
    dialogue: model::DialogueId,
) -> Result<Option<LoadedAnalysis>, PageError> {
    let Some(latest) = service::latest(state, dialogue).await? else {
        return Ok(None);
    };
    Ok(Some(LoadedAnalysis::new(
        dialogue.get(),
        latest.version,
        latest.computed_at,
        latest.document,
    )))
}

/// A statement one opinion group distinctively holds.
#[derive(Debug, Clone, Serialize)]
pub struct Holding {
    /// The statement's text.
    pub text: String,
    /// The side the group holds.
    pub side: Side,
    /// "4 of 5 (80%) agree".
    pub summary: String,
    /// How many of the group's members who saw it are on that side (the 4).
    pub n_on_side: u32,
    /// How many of the group's members saw it (the 5).
    pub n_seen: u32,
    /// The share on that side as a whole percentage (the 80%).
    pub share: String,
}

impl LoadedAnalysis {
    /// Reads a document as the pages need it: its statements indexed by id and numbered.
    pub fn new(dialogue: i64, version: i64, computed_at: i64, doc: Document) -> LoadedAnalysis {
        let by_id = doc
            .statements
            .iter()
            .enumerate()
            .map(|(position, statement)| (statement.id, position))
            .collect();
        let numbers = statement_numbers(&doc);
        LoadedAnalysis {
            version,
            computed_at,
            doc,
            by_id,
            numbers,
            dialogue,
        }
    }

    /// Returns the address of a statement's detail page.
    pub(super) fn href(&self, id: u32) -> String {
        format!("/d/{}/report/statements/{id}", self.dialogue)
    }

    /// Returns the address of the report with a query.
    pub(super) fn report_href(&self, query: &str) -> String {
        if query.is_empty() {
            format!("/d/{}/report", self.dialogue)
        } else {
            format!("/d/{}/report?{query}", self.dialogue)
        }
    }

    /// Returns a statement as a list of the report links it: number, text and detail page.
    pub(super) fn link(&self, id: u32, detail: String) -> StatementLink {
        StatementLink {
            number: self.number(id),
            text: self.text(id),
            href: self.href(id),
            detail,
        }
    }

    /// Returns a statement's number (see [`statement_numbers`]), 0 if it is not in the
    /// analysis.
    pub(crate) fn number(&self, id: u32) -> usize {
        self.numbers.get(&id).copied().unwrap_or(0)
    }

    pub(super) fn statement(&self, id: u32) -> Option<&Statement> {
        self.by_id
            .get(&id)
            .and_then(|&position| self.doc.statements.get(position))
    }

    pub(super) fn text(&self, statement: u32) -> String {
        self.statement(statement).map_or_else(
            || format!("Statement {statement}"),
            |found| found.text.clone(),
        )
    }

    /// Returns the name of the constituency at `index` in the analysis's order.
    pub(crate) fn constituency_name(&self, index: usize) -> String {
        self.doc.voice.constituencies.get(index).map_or_else(
            || format!("Constituency {}", index + 1),
            |row| row.name.clone(),
        )
    }

    /// Returns the index of the group with this id, while groups are shown at all.
    fn group_index(&self, id: usize) -> Option<usize> {
        if !self.groups_are_shown() {
            return None;
        }
        self.doc.groups.iter().position(|group| group.id == id)
    }

    /// Returns how many participants the analysis placed on the map.
    pub(super) fn n_placed(&self) -> usize {
        self.doc
            .participants
            .iter()
            .filter(|participant| participant.in_conv)
            .count()
    }

    /// Whether the opinion groups are shown (see [`confidence::groups_are_shown`]).
    pub(crate) fn groups_are_shown(&self) -> bool {
        let sizes: Vec<usize> = self
            .doc
            .groups
            .iter()
            .map(|group| group.n_members)
            .collect();
        confidence::groups_are_shown(self.n_placed(), &sizes)
    }

    /// Returns a participant's position and group index, if the analysis clustered them (they
    /// voted enough to be placed).
    pub fn position_of(
        &self,
        participant: model::ParticipantId,
    ) -> Option<([f64; 2], Option<usize>)> {
        let id = u32::try_from(participant.get()).ok()?;
        let found = self
            .doc
            .participants
            .iter()
            .find(|entry| entry.id == id && entry.in_conv)?;
        Some((
            found.projection,
            found.group.and_then(|group| self.group_index(group)),
        ))
    }

    /// Returns the opinion map in `language`, with one participant's position marked if given.
    pub fn map(&self, language: Language, you: Option<model::ParticipantId>) -> Option<MapView> {
        let doc = &self.doc;
        let shown = self.groups_are_shown();
        let points: Vec<PointInput> = if doc.participants.len() <= MAX_DOTS {
            doc.participants
                .iter()
                .map(|participant| PointInput {
                    position: participant.projection,
                    n_members: 1,
                    group: participant.group.and_then(|group| self.group_index(group)),
                })
                .collect()
        } else {
            doc.base_clusters
                .iter()
                .map(|base| PointInput {
                    position: base.center,
                    n_members: base.members.len(),
                    group: doc
                        .groups
                        .iter()
                        .position(|group| group.base_clusters.contains(&base.id))
                        .filter(|_| shown),
                })
                .collect()
        };
        let numbers = map::statement_numbers(doc.statements.iter().map(|statement| statement.id));
        let statements = doc
            .statements
            .iter()
            .filter(|statement| !statement.is_moderated_out)
            .filter_map(|statement| {
                Some(StatementInput {
                    id: statement.id,
                    number: *numbers.get(&statement.id)?,
                    text: statement.text.clone(),
                    position: statement.projection?,
                })
            })
            .collect();
        map::build(&MapInput {
            points,
            group_sizes: if shown {
                doc.groups.iter().map(|group| group.n_members).collect()
            } else {
                Vec::new()
            },
            statements,
            you: you.and_then(|participant| self.position_of(participant)),
            language,
        })
    }

    /// Returns the number of participants in a group, when groups are shown and the group is
    /// large enough to describe (never "one of 1 people").
    pub fn group_size(&self, index: usize) -> Option<usize> {
        if !self.groups_are_shown() {
            return None;
        }
        self.doc
            .groups
            .get(index)
            .map(|group| group.n_members)
            .filter(|&size| size >= confidence::MIN_GROUP_SIZE)
    }

    /// Returns what a group distinctively holds, most distinctive first: only statements that
    /// clear the confidence rules ([`confidence::is_distinctive`]).
    pub fn holdings(&self, language: Language, index: usize) -> Vec<Holding> {
        let Some(group) = self.doc.groups.get(index) else {
            return Vec::new();
        };
        if !self.groups_are_shown() {
            return Vec::new();
        }
        group
            .representative
            .iter()
            .filter(|entry| confidence::is_distinctive(entry, group.n_members))
            .take(5)
            .map(|entry| {
                let side = match entry.side {
                    Side::Agree => "agree",
                    Side::Disagree => "disagree",
                };
                let share = percent(f64::from(entry.n_success) / f64::from(entry.n_trials));
                Holding {
                    text: self.text(entry.statement),
                    side: entry.side,
                    summary: text(
                        language,
                        "report-holding",
                        &[
                            ("part", entry.n_success.into()),
                            ("whole", entry.n_trials.into()),
                            ("share", share.as_str().into()),
                            ("side", side.into()),
                        ],
                    ),
                    n_on_side: entry.n_success,
                    n_seen: entry.n_trials,
                    share,
                }
            })
            .collect()
    }
}
