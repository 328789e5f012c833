//! Why a text a form sent was refused, in the page's language. The model's checks name the
//! problem ([`TextError`]); the pages say it in the reader's words rather than the API's
//! English, and the services check the same text again, so nothing is stored that the model
//! refuses. A participant's page says it of the one text it asks for; a representative's
//! page names the field, as the API does.

use model::TextError;

use super::catalogue::text;
use super::language::Language;

/// Says, in `language`, what is wrong with a text the model refused.
pub(crate) fn text_refusal(language: Language, error: &TextError) -> String {
    match error {
        TextError::Empty { .. } => text(language, "text-refused-empty", &[]),
        TextError::TooLong { max, .. } => {
            text(language, "text-refused-too-long", &[("max", (*max).into())])
        }
        TextError::ControlCharacter { .. } => text(language, "text-refused-control", &[]),
        TextError::DirectionControl { character, .. } => text(
            language,
            "text-refused-direction",
            &[("code", format!("U+{:04X}", u32::from(*character)).into())],
        ),
        TextError::Invisible { .. } => text(language, "text-refused-invisible", &[]),
    }
}

/// Says in the page's language what is wrong with a text a form sent: `field` is the key of
/// the text's name ("Partner name"), which the messages open with.
pub(crate) fn named_text_refusal(language: Language, field: &str, error: &TextError) -> String {
    let field = text(language, field, &[]);
    let (key, max) = match error {
        TextError::Empty { .. } => ("text-error-empty", None),
        TextError::TooLong { max, .. } => ("text-error-too-long", Some(*max)),
        TextError::ControlCharacter { .. } => ("text-error-control-character", None),
        TextError::DirectionControl { .. } => ("text-error-direction-control", None),
        TextError::Invisible { .. } => ("text-error-invisible", None),
    };
    let code = match error {
        TextError::DirectionControl { character, .. } => {
            format!("U+{:04X}", u32::from(*character))
        }
        _ => String::new(),
    };
    let max = u64::try_from(max.unwrap_or_default()).unwrap_or(u64::MAX);
    text(
        language,
        key,
        &[
            ("field", field.into()),
            ("max", max.into()),
            ("code", code.into()),
        ],
    )
}

/// Says, in `language`, what is wrong with an optional note of at most `max` characters (a
/// flag's note, say), or `None` when nothing is.
pub(crate) fn note_refusal(language: Language, note: &str, max: usize) -> Option<String> {
    let note = note.trim();
    if note.chars().count() > max {
        Some(text(
            language,
            "text-refused-too-long",
            &[("max", max.into())],
        ))
    } else if note.chars().any(model::text::is_refused_control) {
        Some(text(language, "text-refused-control", &[]))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use model::StatementText;

    use super::*;

    #[test]
    fn each_refusal_is_said_in_the_readers_language() {
        let long = "a".repeat(281);
        let refused = |raw: &str| StatementText::parse(raw).unwrap_err();
        assert_eq!(
            text_refusal(Language::English, &refused(&long)),
            "It is longer than 280 characters: shorten it."
        );
        assert_eq!(
            text_refusal(Language::Welsh, &refused("   ")),
            "Mae'n wag: ysgrifennwch rywbeth."
        );
        let disguised = text_refusal(Language::Polish, &refused("abc\u{202E}def"));
        assert!(disguised.contains("U+202E"), "{disguised}");
        assert_ne!(
            text_refusal(Language::Urdu, &refused("a\u{7}b")),
            text_refusal(Language::English, &refused("a\u{7}b"))
        );
    }

    #[test]
    fn a_note_is_refused_for_its_length_or_a_hidden_character_only() {
        assert_eq!(note_refusal(Language::Welsh, "  fine  ", 10), None);
        assert_eq!(
            note_refusal(Language::Welsh, &"n".repeat(11), 10).as_deref(),
            Some("Mae'n hwy na 10 nod: byrhewch ef.")
        );
        assert!(note_refusal(Language::Romanian, "a\u{0}b", 10).is_some());
    }
}
