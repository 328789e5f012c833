//! The numbers and names readers see: a statement's stable number (shown in the report's
//! summary, grid, detail pages and on the opinion map) and an opinion group's letter.

use std::collections::BTreeMap;

use super::Document;
use crate::web::catalogue::text;
use crate::web::language::Language;

/// Returns each statement's number, by statement id: n is the statement's 1-based position in
/// ascending id among the statements of the analysis. The number stays the same while the
/// dialogue's statements stay the same, whatever their ranking, so the report, its detail
/// pages and the map all say "statement 4" of the same statement.
pub(crate) fn statement_numbers(doc: &Document) -> BTreeMap<u32, usize> {
    numbers_by_id(doc.statements.iter().map(|statement| statement.id))
}

/// [`statement_numbers`] from the statement ids alone.
pub(crate) fn numbers_by_id(ids: impl IntoIterator<Item = u32>) -> BTreeMap<u32, usize> {
    let mut ids: Vec<u32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .enumerate()
        .map(|(position, id)| (id, position + 1))
        .collect()
}

/// Names opinion group `index` for readers by letter: "Group A" is index 0, "Group Z" index
/// 25, then "Group AA". Letters keep groups apart from the numbered statements.
pub(crate) fn group_name(index: usize) -> String {
    format!("Group {}", group_letter(index))
}

/// Names opinion group `index` by letter in `language`: "Group A", "Grŵp A".
pub(crate) fn group_name_in(language: Language, index: usize) -> String {
    text(
        language,
        "report-group-letter",
        &[("letter", group_letter(index).into())],
    )
}

/// Returns the letter of opinion group `index`: "A", …, "Z", "AA", "AB", ….
pub(crate) fn group_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_lettered_past_z() {
        assert_eq!(group_name(0), "Group A");
        assert_eq!(group_letter(25), "Z");
        assert_eq!(group_letter(26), "AA");
        assert_eq!(group_letter(27), "AB");
    }
}
