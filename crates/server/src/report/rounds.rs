//! The report's section on rounds: how the current round compares with the one before, read
//! from the document's `rounds` section.

use serde::Serialize;

use super::document::{RoundShift, Rounds, Tally, group_name_in};
use super::sections::LIST_LENGTH;
use super::snapshot::LoadedAnalysis;
use super::view::StatementLink;
use crate::web::catalogue::text;
use crate::web::language::Language;
use crate::web::render::percent;

/// The comparison of two rounds, as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct RoundsView {
    /// "Round 1, Before the health fair".
    pub(super) earlier: String,
    /// "Round 2, After the health fair".
    pub(super) later: String,
    /// Who voted in each round, came back and changed a vote, in a sentence.
    pub(super) voters: String,
    pub(super) gained: Vec<StatementLink>,
    pub(super) lost: Vec<StatementLink>,
    pub(super) kept: usize,
    /// The opinion groups' names, for the columns of `statements`.
    pub(super) group_names: Vec<String>,
    /// The statements whose agreement changed most.
    pub(super) statements: Vec<RoundRow>,
    /// Who changed their vote, by opinion group and constituency.
    pub(super) movement: Vec<MovementRow>,
}

/// One statement in both rounds.
#[derive(Debug, Clone, Serialize)]
pub(super) struct RoundRow {
    pub(super) statement: StatementLink,
    pub(super) earlier: String,
    pub(super) later: String,
    pub(super) change: String,
    pub(super) moved: String,
    /// Each group's agreement before and after, in `group_names`' order.
    pub(super) groups: Vec<String>,
}

/// Returning and moved participants within one group or constituency.
#[derive(Debug, Clone, Serialize)]
pub(super) struct MovementRow {
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) returning: u32,
    pub(super) moved: String,
}

fn agreement(language: Language, tally: &Tally) -> String {
    match tally.seen() {
        0 => text(language, "report-no-votes", &[]),
        seen => text(
            language,
            "report-of",
            &[
                ("part", percent(tally.agree as f64 / seen as f64).into()),
                ("whole", seen.into()),
            ],
        ),
    }
}

fn points(language: Language, change: Option<f64>) -> String {
    match change {
        None => text(language, "report-rounds-not-comparable", &[]),
        Some(change) => {
            let points = (change * 100.0).round();
            if points == 0.0 {
                text(language, "report-rounds-no-change", &[])
            } else {
                text(
                    language,
                    "report-points",
                    &[
                        ("sign", if points > 0.0 { "+" } else { "−" }.into()),
                        ("points", format!("{}", points.abs()).into()),
                    ],
                )
            }
        }
    }
}

fn before_after(shift: &RoundShift) -> String {
    let share = |tally: &Tally| match tally.seen() {
        0 => "–".to_owned(),
        seen => percent(tally.agree as f64 / seen as f64),
    };
    format!("{} → {}", share(&shift.earlier), share(&shift.later))
}

fn share_of(part: u32, whole: u32) -> String {
    match whole {
        0 => part.to_string(),
        whole => format!("{part} ({})", percent(f64::from(part) / f64::from(whole))),
    }
}

fn round_name(language: Language, rounds: &Rounds, number: u32) -> String {
    match rounds.rounds.iter().find(|round| round.number == number) {
        Some(round) => text(
            language,
            "report-round-name-labelled",
            &[
                ("number", number.into()),
                ("label", round.label.as_str().into()),
            ],
        ),
        None => text(language, "report-round-name", &[("number", number.into())]),
    }
}

/// Builds the section, when the document compares two rounds.
pub(super) fn rounds(language: Language, analysis: &LoadedAnalysis) -> Option<RoundsView> {
    let rounds = analysis.doc.rounds.as_ref()?;
    let voters = &rounds.voters;
    let sentence = text(
        language,
        "report-rounds-voters",
        &[
            ("earlier-voters", voters.earlier.into()),
            ("earlier", rounds.earlier.into()),
            ("later-voters", voters.later.into()),
            ("later", rounds.later.into()),
            ("returning", voters.returning.into()),
            ("moved", voters.moved.into()),
        ],
    );
    let links = |ids: &[u32]| -> Vec<StatementLink> {
        ids.iter()
            .map(|&id| analysis.link(id, String::new()))
            .collect()
    };
    let mut ranked: Vec<_> = rounds.statements.iter().collect();
    ranked.sort_by(|a, b| {
        let size = |change: Option<f64>| change.map_or(-1.0, f64::abs);
        size(b.overall.change)
            .total_cmp(&size(a.overall.change))
            .then(a.statement.cmp(&b.statement))
    });
    let statements = ranked
        .into_iter()
        .take(LIST_LENGTH)
        .map(|statement| {
            let returning: u32 = statement.transitions.iter().flatten().sum();
            RoundRow {
                statement: analysis.link(statement.statement, String::new()),
                earlier: agreement(language, &statement.overall.earlier),
                later: agreement(language, &statement.overall.later),
                change: points(language, statement.overall.change),
                moved: text(
                    language,
                    "report-of",
                    &[
                        ("part", statement.moved.into()),
                        ("whole", returning.into()),
                    ],
                ),
                groups: statement.groups.iter().map(before_after).collect(),
            }
        })
        .collect();
    let movement = rounds
        .groups
        .iter()
        .enumerate()
        .map(|(index, movement)| MovementRow {
            name: group_name_in(language, index),
            kind: text(language, "report-rounds-kind-group", &[]),
            returning: movement.returning,
            moved: share_of(movement.moved, movement.returning),
        })
        .chain(rounds.constituencies.iter().map(|movement| MovementRow {
            name: movement.name.clone(),
            kind: text(language, "report-rounds-kind-constituency", &[]),
            returning: movement.returning,
            moved: share_of(movement.moved, movement.returning),
        }))
        .collect();
    Some(RoundsView {
        earlier: round_name(language, rounds, rounds.earlier),
        later: round_name(language, rounds, rounds.later),
        voters: sentence,
        gained: links(&rounds.gained),
        lost: links(&rounds.lost),
        kept: rounds.kept.len(),
        group_names: (0..rounds.groups.len())
            .map(|index| group_name_in(language, index))
            .collect(),
        statements,
        movement,
    })
}
