//! Property tests of the validated text types and the duplicate normaliser: no input string
//! makes them panic, the length bounds hold exactly, and normalisation ignores case and spacing.

#![allow(
    clippy::unwrap_used,
    reason = "a property that cannot build its value should stop the test"
)]

use model::{
    ConstituencyName, Description, DialogueQuestion, DialogueTitle, Email, IdempotencyKey,
    NormalizedText, PartnerName, PartnershipName, Purpose, StatementText, TextError,
};
use proptest::prelude::*;

/// Whether `c` is a control character the validated text types refuse.
fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// What the rules say about `raw` for a type accepting `min..=max` characters: the trimmed text
/// when it is acceptable, else `None`.
fn expected(raw: &str, min: usize, max: usize) -> Option<&str> {
    let text = raw.trim();
    let length = text.chars().count();
    (!text.chars().any(is_refused_control) && (min..=max).contains(&length)).then_some(text)
}

/// Asserts that a parse result agrees with [`expected`], and that a refusal names the right
/// reason.
fn check(raw: &str, min: usize, max: usize, result: Result<String, TextError>) {
    match (expected(raw, min, max), result) {
        (Some(text), Ok(parsed)) => assert_eq!(parsed, text, "{raw:?}"),
        (None, Err(error)) => {
            let text = raw.trim();
            let length = text.chars().count();
            match error {
                TextError::ControlCharacter { .. } => {
                    assert!(text.chars().any(is_refused_control), "{raw:?}");
                }
                TextError::Empty { .. } => assert!(length < min, "{raw:?}"),
                TextError::TooLong { max: limit, .. } => {
                    assert_eq!(limit, max);
                    assert!(length > max, "{raw:?}");
                }
            }
        }
        (expectation, outcome) => {
            panic!("{raw:?}: expected {expectation:?}, got {outcome:?}")
        }
    }
}

/// Checks every validated text type against the rules for one input.
fn check_all(raw: &str) {
    check(
        raw,
        1,
        280,
        StatementText::parse(raw).map(StatementText::into_inner),
    );
    check(
        raw,
        1,
        200,
        DialogueTitle::parse(raw).map(DialogueTitle::into_inner),
    );
    check(
        raw,
        1,
        1000,
        DialogueQuestion::parse(raw).map(DialogueQuestion::into_inner),
    );
    check(
        raw,
        0,
        10000,
        Description::parse(raw).map(Description::into_inner),
    );
    check(
        raw,
        1,
        200,
        PartnershipName::parse(raw).map(PartnershipName::into_inner),
    );
    check(raw, 0, 2000, Purpose::parse(raw).map(Purpose::into_inner));
    check(
        raw,
        1,
        200,
        PartnerName::parse(raw).map(PartnerName::into_inner),
    );
    check(
        raw,
        1,
        100,
        ConstituencyName::parse(raw).map(ConstituencyName::into_inner),
    );
    check(
        raw,
        1,
        128,
        IdempotencyKey::parse(raw).map(IdempotencyKey::into_inner),
    );
}

/// Whitespace of several kinds, as runs of one to four characters.
fn whitespace() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just(' '),
            Just('\t'),
            Just('\n'),
            Just('\r'),
            Just('\u{a0}'),
            Just('\u{3000}'),
        ],
        1..=4,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Words of letters and digits, ASCII and not.
fn words() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[a-zA-Z0-9éÉøØ]{1,8}", 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_are_accepted_exactly_by_the_rules(raw in any::<String>()) {
        check_all(&raw);
    }

    #[test]
    fn strings_with_control_characters_are_refused(
        before in "[a-z ]{0,20}[a-z]",
        control in "[\u{0}-\u{8}\u{b}\u{c}\u{e}-\u{1f}\u{7f}-\u{9f}]",
        after in "[a-z][a-z ]{0,20}",
    ) {
        // Letters around the control character, since some control characters are also
        // whitespace and would be trimmed away at either end.
        let raw = format!("{before}{control}{after}");
        check_all(&raw);
        prop_assert!(
            matches!(
                StatementText::parse(&raw),
                Err(TextError::ControlCharacter { .. })
            ),
            "{:?} must be refused",
            raw
        );
    }

    #[test]
    fn lengths_around_the_statement_limit_are_counted_in_characters(
        body in "[a-zé€😀 ]{0,300}",
        before in "[ \t\n]{0,5}",
        after in "[ \t\n]{0,5}",
    ) {
        let raw = format!("{before}{body}{after}");
        check_all(&raw);
        let length = body.trim().chars().count();
        prop_assert_eq!(StatementText::parse(&raw).is_ok(), (1..=280).contains(&length));
    }

    #[test]
    fn statements_of_exactly_the_bounds_are_accepted(
        character in "[a-zA-Zé€😀]",
        length in 1usize..=280,
    ) {
        let text = character.repeat(length);
        let parsed = StatementText::parse(&text).unwrap();
        prop_assert_eq!(parsed.as_str(), text.as_str());
        let over = character.repeat(281);
        prop_assert!(
            matches!(
                StatementText::parse(&over),
                Err(TextError::TooLong { max: 280, .. })
            ),
            "281 characters must be refused"
        );
    }

    #[test]
    fn emails_never_panic_and_accepted_ones_are_normalised(raw in any::<String>()) {
        if let Ok(email) = Email::parse(&raw) {
            let text = email.as_str();
            prop_assert_eq!(text, raw.trim().to_lowercase());
            prop_assert_eq!(text.matches('@').count(), 1);
            prop_assert!(!text.chars().any(char::is_whitespace));
        }
    }

    #[test]
    fn emails_of_generated_addresses_parse(
        local in "[a-zA-Z0-9._%+-]{1,20}",
        labels in proptest::collection::vec("[a-zA-Z0-9-]{1,10}", 1..4),
    ) {
        let raw = format!(" {local}@{} ", labels.join("."));
        let email = Email::parse(&raw).unwrap();
        prop_assert_eq!(email.as_str(), raw.trim().to_lowercase());
    }

    #[test]
    fn normalising_is_idempotent(raw in any::<String>()) {
        let once = NormalizedText::new(&raw);
        let twice = NormalizedText::new(once.as_str());
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn normalised_text_has_no_outer_or_doubled_spaces(raw in any::<String>()) {
        let normalised = NormalizedText::new(&raw);
        let text = normalised.as_str();
        prop_assert!(!text.starts_with(' ') && !text.ends_with(' '), "{:?}", text);
        prop_assert!(!text.contains("  "), "{:?}", text);
        prop_assert!(
            text.chars().all(|c| c == ' ' || c.is_alphanumeric()),
            "{:?}",
            text
        );
    }

    #[test]
    fn normalising_ignores_ascii_case(raw in any::<String>()) {
        let original = NormalizedText::new(&raw);
        prop_assert_eq!(&NormalizedText::new(&raw.to_ascii_uppercase()), &original);
        prop_assert_eq!(&NormalizedText::new(&raw.to_ascii_lowercase()), &original);
    }

    #[test]
    fn normalising_ignores_the_case_of_words(words in words()) {
        let text = words.join(" ");
        let upper: String = text.chars().flat_map(char::to_uppercase).collect();
        let lower: String = text.chars().flat_map(char::to_lowercase).collect();
        prop_assert_eq!(NormalizedText::new(&upper), NormalizedText::new(&lower));
        prop_assert_eq!(NormalizedText::new(&upper), NormalizedText::new(&text));
    }

    #[test]
    fn normalising_ignores_how_words_are_spaced(
        words in words(),
        separators in proptest::collection::vec(whitespace(), 8),
        before in proptest::option::of(whitespace()),
        after in proptest::option::of(whitespace()),
    ) {
        let mut spaced = before.unwrap_or_default();
        for (index, word) in words.iter().enumerate() {
            if index > 0 {
                spaced.push_str(&separators[index % separators.len()]);
            }
            spaced.push_str(word);
        }
        spaced.push_str(&after.unwrap_or_default());
        let plain = NormalizedText::new(&words.join(" "));
        let normalised = NormalizedText::new(&spaced);
        prop_assert_eq!(&normalised, &plain);
        prop_assert!((normalised.jaccard(&plain) - 1.0).abs() < 1e-12);
    }
}
