//! The report's summary: what a convenor would say at a meeting, in plain sentences. Who took
//! part (by constituency), what is common ground, where people divide and whose voice is
//! missing, each sentence saying how many groups or constituencies it rests on.

use super::confidence::{self, count, people, to_u64};
use super::document::Document;
use super::sections::{self, verdict};
use super::snapshot::LoadedAnalysis;
use super::view::{DivisiveRow, GroupView, StatementLink, SummaryPart};
use crate::web::render::percent;

/// How many statements each part of the summary names at most.
const NAMED: usize = 5;

/// Who took part, by constituency.
fn who(doc: &Document) -> SummaryPart {
    let voice = &doc.voice;
    let mut sentences = vec![format!(
        "{} took part and {} voted, casting {} on {}.",
        confidence::capitalize(&people(voice.n_participants)),
        voice.n_voters,
        count(to_u64(voice.n_votes), "vote", "votes"),
        count(
            to_u64(doc.input.statements_with_votes),
            "statement",
            "statements"
        ),
    )];
    if !voice.constituencies.is_empty() {
        let mut rows: Vec<_> = voice.constituencies.iter().collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.counts.participants));
        let parts: Vec<String> = rows
            .iter()
            .map(|row| format!("{} {}", row.name, row.counts.participants))
            .collect();
        let none = match voice.unaffiliated.participants {
            0 => String::new(),
            n => format!("; {n} chose none"),
        };
        sentences.push(format!(
            "By constituency ({} of {}): {}{none}.",
            rows.iter()
                .filter(|row| row.counts.participants > 0)
                .count(),
            count(
                to_u64(rows.len()),
                "constituency has people",
                "constituencies have people"
            ),
            parts.join(", ")
        ));
    }
    SummaryPart {
        heading: "Who took part",
        sentences,
        items: Vec::new(),
    }
}

/// What is common ground, or why nothing is.
fn common(analysis: &LoadedAnalysis, groups: &[GroupView]) -> SummaryPart {
    let doc = &analysis.doc;
    let n_statements = sections::ranked(analysis).len();
    let n_constituencies = doc
        .voice
        .constituencies
        .iter()
        .filter(|row| row.counts.voters > 0)
        .count();
    let basis = match (groups.len(), n_constituencies) {
        (0, 0) => {
            "everyone who voted, as no groups or constituencies can be told apart yet".to_owned()
        }
        (0, c) => count(
            to_u64(c),
            "constituency with votes",
            "constituencies with votes",
        ),
        (g, 0) => count(to_u64(g), "opinion group", "opinion groups"),
        (g, c) => format!(
            "{} and {}",
            count(to_u64(g), "opinion group", "opinion groups"),
            count(
                to_u64(c),
                "constituency with votes",
                "constituencies with votes"
            )
        ),
    };
    let n_common = doc.common_ground.n_common_ground;
    let (divided, short) = sections::standings(doc);
    let mut sentences = Vec::new();
    if n_common > 0 {
        sentences.push(format!(
            "{n_common} of {} {} common ground: a clear majority agrees in each of {basis}, each counted equally.",
            count(to_u64(n_statements), "statement", "statements"),
            if n_common == 1 { "is" } else { "are" },
        ));
    } else if divided > 0 {
        sentences.push(format!(
            "Nothing is common ground: {} of {n_statements} {} at least one group or constituency (of {basis}) that does not clearly agree{}.",
            divided,
            if divided == 1 { "statement has" } else { "statements have" },
            if short > 0 {
                format!(", and {} still {} more votes", short, if short == 1 { "needs" } else { "need" })
            } else {
                String::new()
            }
        ));
    } else {
        sentences.push(format!(
            "Nothing is common ground yet: {} {} more votes. A statement becomes common ground when a clear majority agrees in every opinion group and every constituency, each with at least a few votes on it.",
            count(to_u64(short), "statement", "statements"),
            if short == 1 { "needs" } else { "need" }
        ));
    }
    let items = doc
        .common_ground
        .statements
        .iter()
        .filter_map(|&id| analysis.statement(id))
        .filter(|statement| verdict(statement).0 == "common")
        .take(NAMED)
        .map(|statement| {
            let overall = statement
                .common_ground
                .as_ref()
                .and_then(|ground| ground.overall.rate)
                .map_or_else(
                    || "no votes".to_owned(),
                    |rate| format!("{} agree overall", percent(rate)),
                );
            analysis.link(statement.id, overall)
        })
        .collect::<Vec<StatementLink>>();
    if n_common > NAMED {
        sentences.push(format!(
            "The {NAMED} strongest are listed; the grid below shows every one."
        ));
    }
    SummaryPart {
        heading: "What is common ground",
        sentences,
        items,
    }
}

/// Where people divide, from the divisive statements that clear the confidence rules, or the
/// clearest gap between constituencies when there are no groups.
fn divide(
    analysis: &LoadedAnalysis,
    groups: &[GroupView],
    divisive: &[DivisiveRow],
) -> SummaryPart {
    let mut sentences = Vec::new();
    let mut items = Vec::new();
    if groups.is_empty() {
        sentences.push(format!(
            "Opinion groups are not shown yet, so no statement is called divisive. {}",
            confidence::GROUPS_RULE
        ));
    } else if divisive.is_empty() {
        sentences.push(format!(
            "No statement clearly divides the {}: none has people agreeing in one group and disagreeing in another with at least 5 votes in each.",
            count(to_u64(groups.len()), "opinion group", "opinion groups")
        ));
    } else {
        let names: Vec<String> = groups.iter().map(|group| group.name.clone()).collect();
        sentences.push(format!(
            "The votes form {}: {}.",
            count(to_u64(groups.len()), "opinion group", "opinion groups"),
            names.join("; ")
        ));
        sentences.push(
            if divisive.len() == 1 {
                "This statement divides them most:"
            } else {
                "These statements divide them most:"
            }
            .to_owned(),
        );
        for row in divisive.iter().take(3) {
            let mut link = row.statement.clone();
            link.detail = row.sides.clone();
            items.push(link);
        }
    }
    let clearest = analysis
        .doc
        .differences
        .constituency_gaps
        .iter()
        .flat_map(|pair| pair.gaps.iter().map(move |gap| (pair, gap)))
        .filter(|(_, gap)| gap.is_discovery)
        .max_by(|a, b| a.1.difference.abs().total_cmp(&b.1.difference.abs()));
    if let Some((pair, gap)) = clearest {
        sentences.push(format!(
            "The clearest gap between constituencies: on statement {}, {} agree {} and {} {} ({:.0} points).",
            analysis.number(gap.statement),
            pair.first,
            percent(gap.first_rate),
            pair.second,
            percent(gap.second_rate),
            (gap.difference * 100.0).abs()
        ));
    }
    SummaryPart {
        heading: "Where people divide",
        sentences,
        items,
    }
}

/// Whose voice is missing or under-represented.
fn missing(doc: &Document) -> SummaryPart {
    let voice = &doc.voice;
    let mut sentences = Vec::new();
    if voice.constituencies.is_empty() {
        sentences.push(
            "This dialogue has no constituencies, so whose voice is missing cannot be judged."
                .to_owned(),
        );
    } else {
        let absent: Vec<&str> = voice
            .constituencies
            .iter()
            .filter(|row| row.counts.participants == 0)
            .map(|row| row.name.as_str())
            .collect();
        let under: Vec<String> = voice
            .constituencies
            .iter()
            .filter(|row| row.counts.participants > 0 && row.is_under_represented)
            .map(|row| match (row.share, row.expected_share) {
                (Some(share), Some(expected)) => format!(
                    "{} ({}, {} of participants against {} expected)",
                    row.name,
                    people(row.counts.participants),
                    percent(share),
                    percent(expected)
                ),
                _ => format!("{} ({})", row.name, people(row.counts.participants)),
            })
            .collect();
        if !absent.is_empty() {
            sentences.push(format!("Nobody from {} has taken part.", absent.join(", ")));
        }
        if !under.is_empty() {
            sentences.push(format!("Under-represented: {}.", under.join("; ")));
        }
        if absent.is_empty() && under.is_empty() {
            sentences.push(format!(
                "Each of the {} has taken part at about the share expected or more.",
                count(
                    to_u64(voice.constituencies.len()),
                    "constituency",
                    "constituencies"
                )
            ));
        }
    }
    SummaryPart {
        heading: "Whose voice is missing",
        sentences,
        items: Vec::new(),
    }
}

/// Returns the summary's four parts.
pub(super) fn summary(
    analysis: &LoadedAnalysis,
    groups: &[GroupView],
    divisive: &[DivisiveRow],
) -> Vec<SummaryPart> {
    vec![
        who(&analysis.doc),
        common(analysis, groups),
        divide(analysis, groups, divisive),
        missing(&analysis.doc),
    ]
}
