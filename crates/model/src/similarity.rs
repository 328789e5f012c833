//! Near-duplicate detection for statements, so that a dialogue does not fill up with the same
//! claim worded twice.
//!
//! Text is normalised (lowercased, punctuation and symbols removed, whitespace collapsed). Two
//! statements whose normalised texts are equal are duplicates; two whose sets of words overlap
//! with a Jaccard similarity of at least [`NEAR_DUPLICATE_THRESHOLD`] are near duplicates.

use std::collections::BTreeSet;

/// The Jaccard similarity of word sets at and above which two statements are near duplicates.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.8;

/// A statement's text in normalised form, with its set of distinct words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalizedText {
    text: String,
    words: BTreeSet<String>,
}

impl NormalizedText {
    /// Lowercases `raw`, removes every character that is neither a letter, a digit nor
    /// whitespace, and collapses runs of whitespace into single spaces.
    pub fn new(raw: &str) -> NormalizedText {
        let mut text = String::with_capacity(raw.len());
        for c in raw.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                text.push(c);
            } else if c.is_whitespace() && !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        if text.ends_with(' ') {
            text.pop();
        }
        let words = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        NormalizedText { text, words }
    }

    /// Returns the normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Returns the Jaccard similarity of the two texts' word sets, from 0 to 1; two texts
    /// without any words are identical.
    pub fn jaccard(&self, other: &NormalizedText) -> f64 {
        let union = self.words.union(&other.words).count();
        if union == 0 {
            return 1.0;
        }
        let shared = self.words.intersection(&other.words).count();
        // Word counts are far below 2^52, so the conversions are exact.
        #[allow(clippy::cast_precision_loss)]
        let similarity = shared as f64 / union as f64;
        similarity
    }
}

/// How a candidate statement matches one already in the dialogue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DuplicateMatch<K> {
    /// The normalised texts are equal.
    Exact(K),
    /// The word sets overlap by at least [`NEAR_DUPLICATE_THRESHOLD`].
    Near {
        /// The existing statement.
        existing: K,
        /// Their Jaccard similarity.
        similarity: f64,
    },
}

impl<K: Copy> DuplicateMatch<K> {
    /// Returns the existing statement matched.
    pub fn existing(&self) -> K {
        match *self {
            DuplicateMatch::Exact(existing) | DuplicateMatch::Near { existing, .. } => existing,
        }
    }
}

/// Finds the existing statement that `candidate` duplicates: an exact match if there is one,
/// otherwise the most similar near duplicate (the first in `existing` order on a tie).
pub fn find_duplicate<'a, K, I>(
    candidate: &NormalizedText,
    existing: I,
) -> Option<DuplicateMatch<K>>
where
    K: Copy,
    I: IntoIterator<Item = (K, &'a NormalizedText)>,
{
    let mut best: Option<(K, f64)> = None;
    for (key, text) in existing {
        if text.text == candidate.text {
            return Some(DuplicateMatch::Exact(key));
        }
        let similarity = candidate.jaccard(text);
        if similarity >= NEAR_DUPLICATE_THRESHOLD && best.is_none_or(|(_, top)| similarity > top) {
            best = Some((key, similarity));
        }
    }
    best.map(|(existing, similarity)| DuplicateMatch::Near {
        existing,
        similarity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_lowercases_strips_punctuation_and_collapses_whitespace() {
        let text = NormalizedText::new("  More   GP appointments,\tplease!!  ");
        assert_eq!(text.as_str(), "more gp appointments please");
        assert_eq!(
            NormalizedText::new("Don't—close it.").as_str(),
            "dontclose it"
        );
        assert_eq!(
            NormalizedText::new("ÉCOLE   Ouverte").as_str(),
            "école ouverte"
        );
        assert_eq!(NormalizedText::new("?!").as_str(), "");
    }

    #[test]
    fn jaccard_compares_sets_of_words() {
        let a = NormalizedText::new("buses should run later at night");
        let b = NormalizedText::new("buses should run at night later");
        assert!((a.jaccard(&b) - 1.0).abs() < 1e-12);
        let c = NormalizedText::new("buses should run later");
        // 4 shared words out of 6 distinct.
        assert!((a.jaccard(&c) - 4.0 / 6.0).abs() < 1e-12);
        let empty = NormalizedText::new("...");
        assert!((empty.jaccard(&a)).abs() < 1e-12);
    }

    #[test]
    fn an_exact_match_wins_over_near_matches() {
        let existing = [
            (
                1,
                NormalizedText::new("we need more youth clubs in the town"),
            ),
            (2, NormalizedText::new("We need MORE youth clubs!")),
        ];
        let candidate = NormalizedText::new("we need more youth clubs");
        let found = find_duplicate(&candidate, existing.iter().map(|(k, t)| (*k, t)));
        assert_eq!(found, Some(DuplicateMatch::Exact(2)));
    }

    #[test]
    fn near_duplicates_need_the_threshold_and_the_best_one_is_reported() {
        let existing = [
            (
                1,
                NormalizedText::new("the clinic should open on saturday mornings"),
            ),
            (
                2,
                NormalizedText::new("the clinic should open on saturday mornings too"),
            ),
            (3, NormalizedText::new("parking is too expensive")),
        ];
        // Reordered words of statement 1 plus one more: 7 shared of 8.
        let candidate = NormalizedText::new("on saturday mornings the clinic should open early");
        match find_duplicate(&candidate, existing.iter().map(|(k, t)| (*k, t))) {
            Some(DuplicateMatch::Near {
                existing,
                similarity,
            }) => {
                assert_eq!(existing, 1);
                assert!((similarity - 7.0 / 8.0).abs() < 1e-12);
            }
            other => panic!("expected a near duplicate, got {other:?}"),
        }
        let unrelated = NormalizedText::new("the library should open on sundays");
        assert_eq!(
            find_duplicate(&unrelated, existing.iter().map(|(k, t)| (*k, t))),
            None
        );
    }
}
