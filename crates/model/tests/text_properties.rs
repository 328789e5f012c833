//! Property tests of the validated text types and the duplicate normaliser: no input string
//! makes them panic, the length bounds hold exactly, text is stored in Normalization Form C, text
//! drawn only from invisible Unicode categories is refused while text with one letter, number,
//! punctuation mark or symbol is kept, and normalisation ignores case and spacing.

#![allow(
    clippy::unwrap_used,
    reason = "a property that cannot build its value should stop the test"
)]

use std::sync::LazyLock;

use model::{
    ConstituencyName, Description, DialogueQuestion, DialogueTitle, Email, IdempotencyKey,
    NormalizedText, PartnerName, PartnershipName, Purpose, StatementText, TextError,
};
use proptest::prelude::*;
use unicode_normalization::{UnicodeNormalization as _, is_nfc};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory as _};

/// Whether `c` is a control character the validated text types refuse.
fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// The embedding, override and isolate controls, refused wherever they appear.
fn is_direction_control(c: char) -> bool {
    ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Characters drawn blank although their category is a letter or symbol.
const BLANK_FILLERS: [char; 5] = ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}', '\u{2800}'];

/// Whether `c` shows something: a letter, number, punctuation mark or symbol that is not a filler.
fn shows_something(c: char) -> bool {
    use GeneralCategory as G;
    !BLANK_FILLERS.contains(&c)
        && matches!(
            c.general_category(),
            G::UppercaseLetter
                | G::LowercaseLetter
                | G::TitlecaseLetter
                | G::ModifierLetter
                | G::OtherLetter
                | G::DecimalNumber
                | G::LetterNumber
                | G::OtherNumber
                | G::ConnectorPunctuation
                | G::DashPunctuation
                | G::OpenPunctuation
                | G::ClosePunctuation
                | G::InitialPunctuation
                | G::FinalPunctuation
                | G::OtherPunctuation
                | G::MathSymbol
                | G::CurrencySymbol
                | G::ModifierSymbol
                | G::OtherSymbol
        )
}

/// What the rules say about `raw` for a type accepting `min..=max` characters: the trimmed,
/// NFC-normalised text when it is acceptable, else `None`.
fn expected(raw: &str, min: usize, max: usize) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed
        .chars()
        .any(|c| is_refused_control(c) || is_direction_control(c))
    {
        return None;
    }
    let text: String = trimmed.nfc().collect::<String>().trim().to_owned();
    let length = text.chars().count();
    let visible = text.is_empty() || text.chars().any(shows_something);
    ((min..=max).contains(&length) && visible).then_some(text)
}

/// Asserts that a parse result agrees with [`expected`], and that a refusal names the right
/// reason.
fn check(raw: &str, min: usize, max: usize, result: Result<String, TextError>) {
    match (expected(raw, min, max), result) {
        (Some(text), Ok(parsed)) => assert_eq!(parsed, text, "{raw:?}"),
        (None, Err(error)) => {
            let trimmed = raw.trim();
            let text: String = trimmed.nfc().collect::<String>().trim().to_owned();
            let length = text.chars().count();
            match error {
                TextError::ControlCharacter { .. } => {
                    assert!(trimmed.chars().any(is_refused_control), "{raw:?}");
                }
                TextError::DirectionControl { character, .. } => {
                    assert!(is_direction_control(character), "{raw:?}");
                    assert!(trimmed.contains(character), "{raw:?}");
                }
                TextError::Empty { .. } => assert!(length < min, "{raw:?}"),
                TextError::TooLong { max: limit, .. } => {
                    assert_eq!(limit, max);
                    assert!(length > max, "{raw:?}");
                }
                TextError::Invisible { .. } => {
                    assert!(!text.is_empty(), "{raw:?}");
                    assert!(!text.chars().any(shows_something), "{raw:?}");
                }
            }
        }
        (expectation, outcome) => {
            panic!("{raw:?}: expected {expectation:?}, got {outcome:?}")
        }
    }
}

/// Every character of the general categories given, found once by scanning all of Unicode.
fn characters_of(categories: &[GeneralCategory]) -> Vec<char> {
    (0..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .filter(|c| categories.contains(&c.general_category()))
        .collect()
}

/// Characters that show nothing alone: format characters (Cf), combining marks (Mn, Me) and
/// separators (Zs, Zl, Zp), with the blank fillers.
static INVISIBLE: LazyLock<Vec<char>> = LazyLock::new(|| {
    use GeneralCategory as G;
    let mut chars = characters_of(&[
        G::Format,
        G::NonspacingMark,
        G::EnclosingMark,
        G::SpaceSeparator,
        G::LineSeparator,
        G::ParagraphSeparator,
    ]);
    chars.extend(BLANK_FILLERS);
    chars
});

/// The invisible characters that may stand beside visible ones: all but direction controls.
static ALLOWED_INVISIBLE: LazyLock<Vec<char>> = LazyLock::new(|| {
    INVISIBLE
        .iter()
        .copied()
        .filter(|&c| !is_direction_control(c))
        .collect()
});

/// Letters, numbers, punctuation and symbols that show something.
static VISIBLE: LazyLock<Vec<char>> = LazyLock::new(|| {
    (0..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .filter(|&c| shows_something(c))
        .collect()
});

/// Up to `n` characters drawn from `pool`, as a string.
fn drawn_from(
    pool: &'static [char],
    n: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(pool), n)
        .prop_map(|chars| chars.into_iter().collect())
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
    fn text_of_invisible_categories_alone_is_refused(raw in drawn_from(&INVISIBLE, 1..=24)) {
        check_all(&raw);
        prop_assert!(StatementText::parse(&raw).is_err(), "{:?} must be refused", raw);
        prop_assert!(DialogueTitle::parse(&raw).is_err(), "{:?} must be refused", raw);
        // Optional text may come out empty, never as invisible characters.
        if let Ok(description) = Description::parse(&raw) {
            prop_assert_eq!(description.as_str(), "");
        }
    }

    #[test]
    fn text_with_one_visible_character_is_kept_in_nfc(
        before in drawn_from(&ALLOWED_INVISIBLE, 0..=12),
        visible in drawn_from(&VISIBLE, 1..=3),
        after in drawn_from(&ALLOWED_INVISIBLE, 0..=12),
    ) {
        let raw = format!("{before}{visible}{after}");
        check_all(&raw);
        let parsed = StatementText::parse(&raw).unwrap();
        let normalised: String = raw.trim().nfc().collect();
        prop_assert_eq!(parsed.as_str(), normalised.trim());
        prop_assert!(is_nfc(parsed.as_str()));
        prop_assert!(parsed.as_str().chars().any(shows_something));
    }

    #[test]
    fn direction_controls_are_refused_anywhere(
        before in "[a-z ]{0,10}",
        control in proptest::sample::select(vec![
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ]),
        after in "[a-z ]{0,10}",
    ) {
        let raw = format!("{before}x{control}y{after}");
        check_all(&raw);
        prop_assert_eq!(
            StatementText::parse(&raw).unwrap_err(),
            TextError::DirectionControl { field: "statement text", character: control }
        );
    }

    #[test]
    fn parsing_is_idempotent_and_yields_nfc(
        raw in prop_oneof![
            any::<String>(),
            drawn_from(&VISIBLE, 0..=8).prop_flat_map(|letters| {
                drawn_from(&ALLOWED_INVISIBLE, 0..=8)
                    .prop_map(move |noise| format!("{noise}{letters}{noise}"))
            }),
        ],
    ) {
        if let Ok(once) = StatementText::parse(&raw) {
            prop_assert!(is_nfc(once.as_str()), "{:?}", once);
            let twice = StatementText::parse(once.as_str()).unwrap();
            prop_assert_eq!(&twice, &once);
        }
        if let Ok(once) = Description::parse(&raw) {
            prop_assert_eq!(Description::parse(once.as_str()).unwrap(), once);
        }
    }

    #[test]
    fn canonically_equivalent_texts_parse_alike(raw in any::<String>()) {
        let decomposed: String = raw.nfd().collect();
        let composed: String = raw.nfc().collect();
        prop_assert_eq!(StatementText::parse(&decomposed), StatementText::parse(&composed));
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
