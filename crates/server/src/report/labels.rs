//! The opinion groups' descriptive labels: "Group A: for more evening clinics", derived from
//! the statement the group most distinctively holds, or written by a convenor.
//!
//! A convenor's label is stored under the dialogue and the group's clustering id, so it
//! survives re-analysis while the clustering keeps that id. When the groups change (a group
//! splits, merges or disappears), the clustering may give an id to a different set of
//! people: a stored label then names whichever group now has that id, a label whose id no
//! longer exists is kept but not shown, and a new group gets the label derived from its votes.
//! The page shows the derived label beside the convenor's so a stale one is easy to spot.

use std::collections::BTreeMap;

use super::confidence::is_distinctive;
use super::document::{Document, Side, group_letter, group_name_in};
use super::snapshot::LoadedAnalysis;
use super::view::GroupView;
use crate::web::catalogue::text;
use crate::web::language::Language;

/// The longest label a convenor may write, in characters.
pub(crate) const MAX_LABEL_CHARS: usize = 80;

/// The longest derived description, in characters, before it is shortened at a word.
const MAX_DERIVED_CHARS: usize = 48;

/// Checks a label a convenor typed: trimmed, at most [`MAX_LABEL_CHARS`] characters, no
/// control characters. An empty label means "use the label derived from the votes" (`None`).
pub(crate) fn check(sent: &str) -> Result<Option<String>, String> {
    let label = sent.trim();
    if label.is_empty() {
        return Ok(None);
    }
    let length = label.chars().count();
    if length > MAX_LABEL_CHARS {
        return Err(format!(
            "a label may have at most {MAX_LABEL_CHARS} characters; this one has {length}"
        ));
    }
    if label.chars().any(char::is_control) {
        return Err("a label is one line of text, without tabs or line breaks".to_owned());
    }
    Ok(Some(label.to_owned()))
}

/// Shortens a statement to a description of at most [`MAX_DERIVED_CHARS`] characters, cut at
/// a word with "…", its final full stop dropped and its first letter in lower case unless the
/// first word is an acronym ("GP", "NHS").
pub(super) fn shorten(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches(['.', '!', ' ']);
    let first_word = trimmed.split_whitespace().next().unwrap_or("");
    let is_acronym = first_word.chars().filter(|c| c.is_uppercase()).count() > 1;
    let mut chars = trimmed.chars();
    let lowered: String = match chars.next() {
        Some(first) if !is_acronym => first.to_lowercase().chain(chars).collect(),
        Some(first) => std::iter::once(first).chain(chars).collect(),
        None => String::new(),
    };
    if lowered.chars().count() <= MAX_DERIVED_CHARS {
        return lowered;
    }
    let mut out = String::new();
    for word in lowered.split_whitespace() {
        let next_len = out.chars().count() + word.chars().count() + 1;
        if next_len > MAX_DERIVED_CHARS && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.chars().count() > MAX_DERIVED_CHARS {
        out = out.chars().take(MAX_DERIVED_CHARS).collect();
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', ' ']))
}

/// Derives a group's description from the statement it most distinctively holds (passing
/// the confidence rules): "for more evening clinics", "against closing the walk-in centre".
pub(super) fn derived(
    language: Language,
    doc: &Document,
    index: usize,
    text_of: impl Fn(u32) -> String,
) -> Option<String> {
    let group = doc.groups.get(index)?;
    let best = group
        .representative
        .iter()
        .filter(|entry| is_distinctive(entry, group.n_members))
        .reduce(|best, next| {
            if next.repness > best.repness {
                next
            } else {
                best
            }
        })?;
    let side = match best.side {
        Side::Agree => "agree",
        Side::Disagree => "disagree",
    };
    Some(text(
        language,
        "report-group-derived",
        &[
            ("side", side.into()),
            ("statement", shorten(&text_of(best.statement)).into()),
        ],
    ))
}

/// Returns the groups as the report names them, with the convenor's labels (by group id) in
/// place of the derived ones.
pub(super) fn groups(
    language: Language,
    analysis: &LoadedAnalysis,
    custom: &BTreeMap<i64, String>,
) -> Vec<GroupView> {
    let doc = &analysis.doc;
    doc.groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let derived = derived(language, doc, index, |id| analysis.text(id));
            let stored = i64::try_from(group.id)
                .ok()
                .and_then(|id| custom.get(&id))
                .cloned();
            let is_custom = stored.is_some();
            let description = stored.or_else(|| derived.clone());
            let name = description.as_ref().map_or_else(
                || group_name_in(language, index),
                |description| {
                    text(
                        language,
                        "report-group-described",
                        &[
                            ("name", group_name_in(language, index).into()),
                            ("description", description.as_str().into()),
                        ],
                    )
                },
            );
            GroupView {
                index,
                id: group.id,
                letter: group_letter(index),
                name,
                description,
                is_custom,
                derived,
                pattern: index % super::map::N_PATTERNS,
                size: super::sections::people(language, group.n_members),
                n_members: group.n_members,
                holds: analysis.holdings(language, index),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::synthetic::{Shape, document};

    #[test]
    fn labels_are_checked() {
        assert_eq!(
            check("  for later clinics "),
            Ok(Some("for later clinics".to_owned()))
        );
        assert_eq!(check("   "), Ok(None));
        assert!(check(&"a".repeat(81)).unwrap_err().contains("at most 80"));
        assert_eq!(
            check(&"é".repeat(80)).map(|label| label.map(|l| l.chars().count())),
            Ok(Some(80))
        );
        assert!(check("two\nlines").is_err());
    }

    #[test]
    fn statements_are_shortened_at_a_word() {
        assert_eq!(shorten("More evening clinics."), "more evening clinics");
        assert_eq!(
            shorten("GP surgeries should open later"),
            "GP surgeries should open later"
        );
        let long = shorten(
            "The council should run a free minibus from every village to the hospital on weekdays",
        );
        assert!(long.ends_with('…'), "{long}");
        assert!(long.chars().count() <= MAX_DERIVED_CHARS + 1, "{long}");
        assert!(long.starts_with("the council should run"), "{long}");
        let unbroken = shorten(&"x".repeat(300));
        assert_eq!(unbroken.chars().count(), MAX_DERIVED_CHARS + 1);
    }

    #[test]
    fn a_group_is_named_after_what_it_distinctively_holds() {
        let doc = document(Shape {
            statements: 8,
            participants: 40,
            groups: 2,
            constituencies: 2,
        });
        let text = |id: u32| {
            doc.statements
                .iter()
                .find(|statement| statement.id == id)
                .map(|statement| statement.text.clone())
                .unwrap_or_default()
        };
        let first = derived(Language::English, &doc, 0, text).unwrap();
        assert!(first.starts_with("for “synthetic statement 2"), "{first}");
        let second = derived(Language::English, &doc, 1, text).unwrap();
        assert!(second.starts_with("against “"), "{second}");
        assert_eq!(derived(Language::English, &doc, 5, text), None);
    }
}
