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

use super::document::{Document, Statement};
use super::sections::{self, verdict};
use super::snapshot::LoadedAnalysis;
use super::view::{DivisiveRow, GroupView, StatementLink, SummaryPart};
use crate::web::catalogue::text;
use crate::web::language::Language;
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
fn who(language: Language, doc: &Document) -> SummaryPart {
    let voice = &doc.voice;
    let counted = counted(doc);
    let votes: u64 = counted.iter().map(|statement| statement.votes.seen()).sum();
    let left_out = doc.statements.len() - counted.len();
    let mut sentences = vec![text(
        language,
        "report-summary-took-part",
        &[
            ("participants", voice.n_participants.into()),
            ("voters", voice.n_voters.into()),
            ("votes", votes.into()),
            ("statements", counted.len().into()),
            ("left-out", left_out.into()),
        ],
    )];
    if !voice.constituencies.is_empty() {
        let mut rows: Vec<_> = voice.constituencies.iter().collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.counts.participants));
        let parts: Vec<String> = rows
            .iter()
            .map(|row| format!("{} {}", row.name, row.counts.participants))
            .collect();
        sentences.push(text(
            language,
            "report-summary-by-constituency",
            &[
                (
                    "with-people",
                    rows.iter()
                        .filter(|row| row.counts.participants > 0)
                        .count()
                        .into(),
                ),
                ("constituencies", rows.len().into()),
                ("parts", parts.join(", ").into()),
                ("none", voice.unaffiliated.participants.into()),
            ],
        ));
    }
    SummaryPart {
        heading: text(language, "report-summary-who", &[]),
        sentences,
        items: Vec::new(),
    }
}

/// What is common ground, or why nothing is.
fn common(language: Language, analysis: &LoadedAnalysis, groups: &[GroupView]) -> SummaryPart {
    let doc = &analysis.doc;
    let counted = counted(doc);
    let n_statements = counted.len();
    let n_constituencies = doc
        .voice
        .constituencies
        .iter()
        .filter(|row| row.counts.voters > 0)
        .count();
    let basis = text(
        language,
        "report-summary-basis",
        &[
            ("groups", groups.len().into()),
            ("constituencies", n_constituencies.into()),
        ],
    );
    let standing = |word: &str| {
        counted
            .iter()
            .filter(|statement| verdict(statement).0 == word)
            .count()
    };
    let (n_common, divided, short) = (standing("common"), standing("divided"), standing("short"));
    let mut sentences = Vec::new();
    let counts = |key: &str| {
        text(
            language,
            key,
            &[
                ("common", n_common.into()),
                ("divided", divided.into()),
                ("short", short.into()),
                ("statements", n_statements.into()),
                ("basis", basis.as_str().into()),
            ],
        )
    };
    if n_common > 0 {
        sentences.push(counts("report-summary-common"));
    } else if divided > 0 {
        sentences.push(counts("report-summary-none-common"));
    } else {
        sentences.push(counts("report-summary-none-common-yet"));
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
                    || text(language, "report-no-votes", &[]),
                    |rate| {
                        text(
                            language,
                            "report-agree-overall",
                            &[("rate", percent(rate).into())],
                        )
                    },
                );
            analysis.link(statement.id, overall)
        })
        .collect::<Vec<StatementLink>>();
    if n_common > NAMED {
        sentences.push(text(
            language,
            "report-summary-strongest",
            &[("named", NAMED.into())],
        ));
    }
    SummaryPart {
        heading: text(language, "report-summary-common-heading", &[]),
        sentences,
        items,
    }
}

/// Where people divide, from the divisive statements that clear the confidence rules, or the
/// clearest gap between constituencies when there are no groups.
fn divide(
    language: Language,
    analysis: &LoadedAnalysis,
    groups: &[GroupView],
    divisive: &[DivisiveRow],
) -> SummaryPart {
    let mut sentences = Vec::new();
    let mut items = Vec::new();
    if groups.is_empty() {
        sentences.push(format!(
            "{} {}",
            text(language, "report-summary-no-groups", &[]),
            text(language, "report-groups-rule", &[])
        ));
    } else if divisive.is_empty() {
        sentences.push(text(
            language,
            "report-summary-none-divides",
            &[("groups", groups.len().into())],
        ));
    } else {
        let names: Vec<String> = groups.iter().map(|group| group.name.clone()).collect();
        sentences.push(text(
            language,
            "report-summary-groups",
            &[
                ("groups", groups.len().into()),
                ("names", names.join("; ").into()),
            ],
        ));
        sentences.push(text(
            language,
            "report-summary-divide-most",
            &[("count", divisive.len().into())],
        ));
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
        sentences.push(text(
            language,
            "report-summary-clearest-gap",
            &[
                ("number", analysis.number(gap.statement).into()),
                ("first", pair.first.as_str().into()),
                ("first-rate", percent(gap.first_rate).into()),
                ("second", pair.second.as_str().into()),
                ("second-rate", percent(gap.second_rate).into()),
                (
                    "points",
                    format!("{:.0}", (gap.difference * 100.0).abs()).into(),
                ),
            ],
        ));
    }
    SummaryPart {
        heading: text(language, "report-summary-divide-heading", &[]),
        sentences,
        items,
    }
}

/// Whose voice is missing or under-represented.
fn missing(language: Language, doc: &Document) -> SummaryPart {
    let voice = &doc.voice;
    let mut sentences = Vec::new();
    if voice.constituencies.is_empty() {
        sentences.push(text(language, "report-summary-no-constituencies", &[]));
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
                (Some(share), Some(expected)) => text(
                    language,
                    "report-summary-under-share",
                    &[
                        ("name", row.name.as_str().into()),
                        ("count", row.counts.participants.into()),
                        ("share", percent(share).into()),
                        ("expected", percent(expected).into()),
                    ],
                ),
                _ => text(
                    language,
                    "report-summary-under",
                    &[
                        ("name", row.name.as_str().into()),
                        ("count", row.counts.participants.into()),
                    ],
                ),
            })
            .collect();
        if !absent.is_empty() {
            sentences.push(text(
                language,
                "report-summary-absent",
                &[("names", absent.join(", ").into())],
            ));
        }
        if !under.is_empty() {
            sentences.push(text(
                language,
                "report-summary-under-represented",
                &[("names", under.join("; ").into())],
            ));
        }
        if absent.is_empty() && under.is_empty() {
            sentences.push(text(
                language,
                "report-summary-all-present",
                &[("count", voice.constituencies.len().into())],
            ));
        }
    }
    SummaryPart {
        heading: text(language, "report-summary-missing-heading", &[]),
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
        super::labels::groups(Language::English, analysis, custom)
    } else {
        Vec::new()
    };
    let divisive = sections::divisive(Language::English, analysis, &groups);
    summary(Language::English, analysis, &groups, &divisive)
}

/// Returns the summary's four parts.
pub(super) fn summary(
    language: Language,
    analysis: &LoadedAnalysis,
    groups: &[GroupView],
    divisive: &[DivisiveRow],
) -> Vec<SummaryPart> {
    vec![
        who(language, &analysis.doc),
        common(language, analysis, groups),
        divide(language, analysis, groups, divisive),
        missing(language, &analysis.doc),
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
