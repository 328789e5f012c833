//! The report's summary: what a convenor would say at a meeting, in plain sentences. Who took
//! part (by constituency), what is common ground, where people divide and whose voice is
//! missing, each sentence saying how many groups or constituencies it rests on.
//!
//! Every count of statements has one base, [`counted`]: the statements people voted on that
//! moderation keeps in the analysis. Statements rejected (or meta) and statements nobody could
//! vote on yet (awaiting pre-moderation, or too new) are left out of every count, and the
//! first sentence says how many were left out, so "on 38 statements" and "9 of 38" always
//! speak of the same statements. The report page and the PDF show the same parts.

use std::collections::BTreeMap;

use super::confidence::{self, count, people, to_u64};
use super::document::{Document, Statement};
use super::sections::{self, verdict};
use super::snapshot::LoadedAnalysis;
use super::view::{DivisiveRow, GroupView, StatementLink, SummaryPart};
use crate::web::render::percent;

/// How many statements each part of the summary names at most.
const NAMED: usize = 5;

/// The statements every count in the summary is of: those moderation keeps in the analysis
/// (not rejected, not meta) that have at least one vote in it.
fn counted(doc: &Document) -> Vec<&Statement> {
    doc.statements
        .iter()
        .filter(|statement| !statement.is_moderated_out && statement.votes.seen() > 0)
        .collect()
}

/// Who took part, by constituency.
fn who(doc: &Document) -> SummaryPart {
    let voice = &doc.voice;
    let counted = counted(doc);
    let votes: u64 = counted.iter().map(|statement| statement.votes.seen()).sum();
    let left_out = doc.statements.len() - counted.len();
    let mut sentences = vec![format!(
        "{} took part and {} voted, casting {} on {}{}.",
        confidence::capitalize(&people(voice.n_participants)),
        voice.n_voters,
        count(votes, "vote", "votes"),
        count(to_u64(counted.len()), "statement", "statements"),
        match left_out {
            0 => String::new(),
            n => format!(
                " ({} rejected in moderation, awaiting it or not yet voted on {} not counted here)",
                count(to_u64(n), "statement", "statements"),
                if n == 1 { "is" } else { "are" }
            ),
        },
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
    let counted = counted(doc);
    let n_statements = counted.len();
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
    let standing = |word: &str| {
        counted
            .iter()
            .filter(|statement| verdict(statement).0 == word)
            .count()
    };
    let (n_common, divided, short) = (standing("common"), standing("divided"), standing("short"));
    let mut sentences = Vec::new();
    if n_common > 0 {
        sentences.push(format!(
            "{n_common} of the {} voted on {} common ground: a clear majority agrees in each of {basis}, each counted equally.",
            count(to_u64(n_statements), "statement", "statements"),
            if n_common == 1 { "is" } else { "are" },
        ));
    } else if divided > 0 {
        sentences.push(format!(
            "Nothing is common ground: {} of the {n_statements} voted on {} at least one group or constituency (of {basis}) that does not clearly agree{}.",
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
            "Nothing is common ground yet: {} of the {n_statements} voted on {} more votes. A statement becomes common ground when a clear majority agrees in every opinion group and every constituency, each with at least a few votes on it.",
            short,
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

/// Returns the summary exactly as the report page shows it: the groups it may show, with the
/// convenors' names for them (`custom`), and the statements that divide them.
pub(super) fn of_report(
    analysis: &LoadedAnalysis,
    custom: &BTreeMap<i64, String>,
) -> Vec<SummaryPart> {
    let groups = if analysis.groups_are_shown() {
        super::labels::groups(analysis, custom)
    } else {
        Vec::new()
    };
    let divisive = sections::divisive(analysis, &groups);
    summary(analysis, &groups, &divisive)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::synthetic::{Shape, document};
    use crate::report::document::{Moderation, Tally};

    /// Every number written as "on N statements" or "of the N statements".
    fn statement_bases(text: &str) -> Vec<usize> {
        let mut bases = Vec::new();
        for marker in ["on ", "of the "] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if !digits.is_empty() && rest[digits.len()..].starts_with(" statement") {
                    bases.push(digits.parse().unwrap());
                }
            }
        }
        bases
    }

    #[test]
    fn every_count_of_statements_has_the_same_base() {
        let mut doc = document(Shape {
            statements: 12,
            participants: 40,
            groups: 2,
            constituencies: 3,
        });
        // A rejected statement that had votes, and one awaiting pre-moderation without any:
        // the analysis lists both, and neither is counted.
        doc.statements[0].moderation = Moderation::Rejected;
        doc.statements[0].is_moderated_out = true;
        doc.statements[1].moderation = Moderation::Unmoderated;
        doc.statements[1].votes = Tally::default();
        let expected_votes: u64 = doc.statements[2..]
            .iter()
            .map(|statement| statement.votes.seen())
            .sum();
        let analysis = LoadedAnalysis::new(1, 1, 0, doc);
        let text: String = of_report(&analysis, &BTreeMap::new())
            .iter()
            .flat_map(|part| part.sentences.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(&format!(
                "casting {expected_votes} votes on 10 statements (2 statements rejected in moderation, awaiting it or not yet voted on are not counted here)."
            )),
            "{text}"
        );
        let bases = statement_bases(&text);
        assert!(
            bases.len() >= 2,
            "the first sentence and a common-ground sentence: {text}"
        );
        assert!(bases.iter().all(|&base| base == 10), "{bases:?} in {text}");
        assert!(text.contains("of the 10 statements voted on"), "{text}");
    }

    #[test]
    fn nothing_is_left_out_when_every_statement_counts() {
        let doc = document(Shape {
            statements: 6,
            participants: 30,
            groups: 2,
            constituencies: 0,
        });
        let analysis = LoadedAnalysis::new(1, 1, 0, doc);
        let who = &of_report(&analysis, &BTreeMap::new())[0].sentences[0];
        assert!(who.ends_with("on 6 statements."), "{who}");
    }
}
