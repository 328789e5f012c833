//! The report's section on rounds: how the current round compares with the one before, read
//! from the document's `rounds` section.

use serde::Serialize;

use super::document::{RoundShift, Rounds, Tally, group_name};
use super::sections::LIST_LENGTH;
use super::snapshot::LoadedAnalysis;
use super::view::StatementLink;
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
    pub(super) kind: &'static str,
    pub(super) returning: u32,
    pub(super) moved: String,
}

fn agreement(tally: &Tally) -> String {
    match tally.seen() {
        0 => "no votes".to_owned(),
        seen => format!("{} of {seen}", percent(tally.agree as f64 / seen as f64)),
    }
}

fn points(change: Option<f64>) -> String {
    match change {
        None => "not comparable".to_owned(),
        Some(change) => {
            let points = (change * 100.0).round();
            if points == 0.0 {
                "no change".to_owned()
            } else {
                format!("{points:+} points")
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

fn round_name(rounds: &Rounds, number: u32) -> String {
    rounds
        .rounds
        .iter()
        .find(|round| round.number == number)
        .map_or_else(
            || format!("Round {number}"),
            |round| format!("Round {number}, {}", round.label),
        )
}

fn people(count: u32) -> String {
    match count {
        1 => "1 person".to_owned(),
        count => format!("{count} people"),
    }
}

/// Builds the section, when the document compares two rounds.
pub(super) fn rounds(analysis: &LoadedAnalysis) -> Option<RoundsView> {
    let rounds = analysis.doc.rounds.as_ref()?;
    let voters = &rounds.voters;
    let sentence = format!(
        "{} voted in round {} and {} in round {}. {} voted on the same statements in both rounds, and {} of them changed at least one vote.",
        people(voters.earlier),
        rounds.earlier,
        people(voters.later),
        rounds.later,
        people(voters.returning),
        voters.moved,
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
                earlier: agreement(&statement.overall.earlier),
                later: agreement(&statement.overall.later),
                change: points(statement.overall.change),
                moved: format!("{} of {returning}", statement.moved),
                groups: statement.groups.iter().map(before_after).collect(),
            }
        })
        .collect();
    let movement = rounds
        .groups
        .iter()
        .enumerate()
        .map(|(index, movement)| MovementRow {
            name: group_name(index),
            kind: "Opinion group",
            returning: movement.returning,
            moved: share_of(movement.moved, movement.returning),
        })
        .chain(rounds.constituencies.iter().map(|movement| MovementRow {
            name: movement.name.clone(),
            kind: "Constituency",
            returning: movement.returning,
            moved: share_of(movement.moved, movement.returning),
        }))
        .collect();
    Some(RoundsView {
        earlier: round_name(rounds, rounds.earlier),
        later: round_name(rounds, rounds.later),
        voters: sentence,
        gained: links(&rounds.gained),
        lost: links(&rounds.lost),
        kept: rounds.kept.len(),
        group_names: (0..rounds.groups.len()).map(group_name).collect(),
        statements,
        movement,
    })
}
