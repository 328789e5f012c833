//! Validated text: holding a `StatementText` or an `Email` proves it passed its checks.
//!
//! Every text newtype trims surrounding whitespace, refuses control characters other than line
//! breaks and tabs (PostgreSQL cannot store NUL, and the others are invisible), refuses the
//! bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which
//! can make text display in an order other than the one it is stored and compared in, stores the
//! text in Unicode Normalization Form C (so that one text has one spelling), counts its length in
//! Unicode scalar values of that form, and refuses text that has characters but none a reader can
//! see: only spaces, zero-width or other format characters, marks without a letter to sit on, or
//! blank-looking fillers.
//!
//! The directional marks U+200E, U+200F and U+061C stay allowed: they only set the direction of
//! neighbouring punctuation and digits, which mixed Arabic or Hebrew and Latin text needs, and
//! cannot move letters around.

use std::fmt;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization as _;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory as _};

/// Why a piece of text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Nothing but whitespace was given where text is required.
    #[error("{field} is empty")]
    Empty {
        /// What the text is, e.g. `statement text`.
        field: &'static str,
    },
    /// The text is longer than allowed.
    #[error("{field} is longer than {max} characters")]
    TooLong {
        /// What the text is.
        field: &'static str,
        /// The largest number of characters allowed.
        max: usize,
    },
    /// The text contains a control character.
    #[error("{field} contains a control character")]
    ControlCharacter {
        /// What the text is.
        field: &'static str,
    },
    /// The text contains a bidirectional embedding, override or isolate control, which could
    /// make it display differently from what it says.
    #[error(
        "{field} contains the invisible direction control U+{code:04X}, which can disguise text; \
         remove it",
        code = u32::from(*.character)
    )]
    DirectionControl {
        /// What the text is.
        field: &'static str,
        /// The first such control found.
        character: char,
    },
    /// The text has characters, but none that can be seen.
    #[error(
        "{field} has no visible character: it holds only spaces, invisible formatting \
         characters or accents without a letter"
    )]
    Invisible {
        /// What the text is.
        field: &'static str,
    },
}

/// Whether `c` is a control character the validated text types refuse: every one but line
/// breaks and tabs.
pub fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Whether `c` is a bidirectional embedding, override or isolate control (LRE, RLE, PDF, LRO,
/// RLO, LRI, RLI, FSI, PDI), which the validated text types refuse.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` shows something by itself: a letter, number, punctuation mark or symbol, other
/// than the fillers that are drawn blank (the Hangul fillers and the blank Braille pattern).
/// Spaces, format characters (zero-width spaces and joiners, tags), combining marks, private-use
/// and unassigned code points are not visible alone.
pub fn is_visible(c: char) -> bool {
    let blank = matches!(
        c,
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}'
    );
    !blank
        && matches!(
            c.general_category_group(),
            GeneralCategoryGroup::Letter
                | GeneralCategoryGroup::Number
                | GeneralCategoryGroup::Punctuation
                | GeneralCategoryGroup::Symbol
        )
}

/// Trims `raw`, checks its characters, puts it in Normalization Form C and checks it against the
/// bounds shared by all validated text.
fn checked(raw: &str, field: &'static str, min: usize, max: usize) -> Result<String, TextError> {
    let trimmed = raw.trim();
    if trimmed.chars().any(is_refused_control) {
        return Err(TextError::ControlCharacter { field });
    }
    if let Some(character) = trimmed.chars().find(|&c| is_direction_control(c)) {
        return Err(TextError::DirectionControl { field, character });
    }
    let normalized: String = trimmed.nfc().collect();
    // Composition never turns a visible character into whitespace, but trimming again keeps
    // parsing idempotent whatever the tables say.
    let text = normalized.trim();
    let length = text.chars().count();
    if length < min {
        return Err(TextError::Empty { field });
    }
    if length > max {
        return Err(TextError::TooLong { field, max });
    }
    if !text.is_empty() && !text.chars().any(is_visible) {
        return Err(TextError::Invisible { field });
    }
    Ok(text.to_owned())
}

macro_rules! bounded_text {
    ($(#[$doc:meta])* $name:ident, $field:literal, $min:literal ..= $max:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The largest number of characters allowed.
            pub const MAX_CHARS: usize = $max;

            /// Trims `raw` and checks its length and characters.
            pub fn parse(raw: &str) -> Result<$name, TextError> {
                checked(raw, $field, $min, $max).map($name)
            }

            /// Returns the text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Returns the text, consuming the value.
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = TextError;

            fn try_from(raw: String) -> Result<$name, TextError> {
                $name::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

bounded_text!(
    /// The text of a newly written statement: 1 to 280 characters.
    ///
    /// Imported statements keep their text as it was and do not go through this type.
    StatementText, "statement text", 1 ..= 280
);
bounded_text!(
    /// A dialogue's short title: 1 to 200 characters.
    DialogueTitle, "dialogue title", 1 ..= 200
);
bounded_text!(
    /// The question a dialogue puts to participants: 1 to 1000 characters.
    DialogueQuestion, "dialogue question", 1 ..= 1000
);
bounded_text!(
    /// A longer, optional explanation: 0 to 10000 characters.
    Description, "description", 0 ..= 10000
);
bounded_text!(
    /// A partnership's name: 1 to 200 characters.
    PartnershipName, "partnership name", 1 ..= 200
);
bounded_text!(
    /// What a partnership is for: 0 to 2000 characters.
    Purpose, "purpose", 0 ..= 2000
);
bounded_text!(
    /// A partner organisation's name: 1 to 200 characters.
    PartnerName, "partner name", 1 ..= 200
);
bounded_text!(
    /// A constituency's name, e.g. "carer" or "GP": 1 to 100 characters.
    ConstituencyName, "constituency name", 1 ..= 100
);

bounded_text!(
    /// A shared objective's title: 1 to 200 characters.
    ObjectiveTitle, "objective title", 1 ..= 200
);
bounded_text!(
    /// A shared objective's text: 1 to 5000 characters.
    ObjectiveText, "objective text", 1 ..= 5000
);
bounded_text!(
    /// A partner's reservations, or its reason for objecting: 1 to 2000 characters.
    StanceReason, "reason", 1 ..= 2000
);
bounded_text!(
    /// The wording a partner proposes instead: 1 to 5000 characters.
    AmendmentText, "amendment", 1 ..= 5000
);
bounded_text!(
    /// What an action will do: 1 to 300 characters.
    ActionTitle, "action title", 1 ..= 300
);
bounded_text!(
    /// The role that leads an action ("Head of Adult Social Care"): 1 to 200 characters.
    LeadRole, "lead role", 1 ..= 200
);
bounded_text!(
    /// A dated note on an action's progress: 1 to 2000 characters.
    ProgressNote, "progress note", 1 ..= 2000
);

bounded_text!(
    /// A priority list's short title: 1 to 200 characters.
    PriorityListTitle, "priority list title", 1 ..= 200
);
bounded_text!(
    /// The question a priority list puts to participants ("Which should the partnership do
    /// first?"): 1 to 1000 characters.
    PriorityQuestion, "priority question", 1 ..= 1000
);
bounded_text!(
    /// The text of an option of a priority list: 1 to 280 characters, as a statement.
    OptionText, "option text", 1 ..= 280
);

bounded_text!(
    /// A trust survey wave's title ("Spring 2026"): 1 to 200 characters.
    WaveTitle, "wave title", 1 ..= 200
);

bounded_text!(
    /// A client-chosen key (for example a UUID) that makes retrying a vote safe: 1 to 128
    /// characters.
    IdempotencyKey, "idempotency key", 1 ..= 128
);

/// Why an email address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was given.
    #[error("email address is empty")]
    Empty,
    /// Longer than the 254 characters an address may have.
    #[error("email address is longer than 254 characters")]
    TooLong,
    /// Not of the form `name@domain`, or contains whitespace or control characters.
    #[error("email address is not of the form name@domain")]
    Malformed,
}

/// A convenor's email address, trimmed and lowercased so that comparison ignores case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Trims and lowercases `raw` and checks it has one `@` with text on both sides, a domain
    /// without empty labels, and no whitespace.
    pub fn parse(raw: &str) -> Result<Email, EmailError> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(EmailError::Empty);
        }
        if text.chars().count() > 254 {
            return Err(EmailError::TooLong);
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::Malformed);
        }
        let Some((local, domain)) = text.split_once('@') else {
            return Err(EmailError::Malformed);
        };
        if local.is_empty() || domain.is_empty() || domain.contains('@') {
            return Err(EmailError::Malformed);
        }
        if domain.split('.').any(str::is_empty) {
            return Err(EmailError::Malformed);
        }
        Ok(Email(text.to_lowercase()))
    }

    /// Returns the address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;

    fn try_from(raw: String) -> Result<Email, EmailError> {
        Email::parse(&raw)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> String {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why an expected share was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected share must be a number from 0 to 1")]
pub struct ExpectedShareError;

/// The share of participants a convenor expects a constituency to make up: a number in 0..=1.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct ExpectedShare(f64);

impl ExpectedShare {
    /// Checks that `value` is a finite number from 0 to 1.
    pub fn parse(value: f64) -> Result<ExpectedShare, ExpectedShareError> {
        if value.is_finite() && (0.0..=1.0).contains(&value) {
            Ok(ExpectedShare(value))
        } else {
            Err(ExpectedShareError)
        }
    }

    /// Returns the share.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for ExpectedShare {
    type Error = ExpectedShareError;

    fn try_from(value: f64) -> Result<ExpectedShare, ExpectedShareError> {
        ExpectedShare::parse(value)
    }
}

impl From<ExpectedShare> for f64 {
    fn from(value: ExpectedShare) -> f64 {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_text_is_trimmed_and_bounded_in_characters() {
        assert_eq!(
            StatementText::parse("  More GP appointments \n")
                .unwrap()
                .as_str(),
            "More GP appointments"
        );
        assert_eq!(
            StatementText::parse("   ").unwrap_err(),
            TextError::Empty {
                field: "statement text"
            }
        );
        let exactly = "é".repeat(280);
        assert_eq!(StatementText::parse(&exactly).unwrap().as_str(), exactly);
        let error = StatementText::parse(&"a".repeat(281)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "statement text is longer than 280 characters"
        );
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_are_kept() {
        assert_eq!(
            StatementText::parse("a\0b").unwrap_err(),
            TextError::ControlCharacter {
                field: "statement text"
            }
        );
        assert_eq!(
            StatementText::parse("line one\nline two").unwrap().as_str(),
            "line one\nline two"
        );
    }

    #[test]
    fn text_without_a_visible_character_is_refused() {
        let invisible = TextError::Invisible {
            field: "statement text",
        };
        for raw in [
            "\u{200B}\u{200B}\u{200B}",
            "\u{200D}\u{2060}\u{FEFF}",
            "\u{301}\u{308}",
            " \u{20DD} ",
            "\u{3164}\u{3164}",
            "\u{2800}",
            "\u{E0041}\u{E0042}",
            "\u{E000}",
        ] {
            assert_eq!(StatementText::parse(raw).unwrap_err(), invisible, "{raw:?}");
        }
        assert_eq!(
            StatementText::parse("\u{200B}\u{200B}\u{200B}")
                .unwrap_err()
                .to_string(),
            "statement text has no visible character: it holds only spaces, invisible \
             formatting characters or accents without a letter"
        );
        // Optional text may be empty, but not invisible.
        assert_eq!(
            Description::parse(" \u{200B} ").unwrap_err(),
            TextError::Invisible {
                field: "description"
            }
        );
        // Invisible characters beside visible ones are kept: joiners build emoji and words.
        for raw in [
            "👍",
            "👩\u{200D}💻 codes",
            "a\u{200B}b",
            "می\u{200C}خواهم",
            "5",
            "?",
        ] {
            assert_eq!(StatementText::parse(raw).unwrap().as_str(), raw);
        }
    }

    #[test]
    fn text_is_stored_in_normalization_form_c_and_counted_so() {
        let decomposed = "Cafe\u{301} on the corner";
        assert_eq!(
            StatementText::parse(decomposed).unwrap().as_str(),
            "Caf\u{e9} on the corner"
        );
        let composed_length = "e\u{301}".repeat(280);
        assert_eq!(
            StatementText::parse(&composed_length).unwrap().as_str(),
            "\u{e9}".repeat(280)
        );
        assert!(StatementText::parse(&"e\u{301}".repeat(281)).is_err());
    }

    #[test]
    fn direction_overrides_and_isolates_are_refused_but_marks_kept() {
        let error = StatementText::parse("Pay \u{202E}001$\u{202C} each").unwrap_err();
        assert_eq!(
            error,
            TextError::DirectionControl {
                field: "statement text",
                character: '\u{202E}'
            }
        );
        assert!(error.to_string().contains("U+202E"), "{error}");
        for control in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}',
        ] {
            let raw = format!("a{control}b");
            assert!(
                matches!(
                    StatementText::parse(&raw),
                    Err(TextError::DirectionControl { .. })
                ),
                "{raw:?}"
            );
        }
        let marked = "\u{5E9}\u{5DC}\u{5D5}\u{5DD} C++\u{200E} \u{61C}1";
        assert_eq!(StatementText::parse(marked).unwrap().as_str(), marked);
    }

    #[test]
    fn optional_text_may_be_empty() {
        assert_eq!(Description::parse("  ").unwrap().as_str(), "");
        assert!(DialogueTitle::parse("").is_err());
    }

    #[test]
    fn validated_text_deserialises_through_its_checks() {
        let title: DialogueTitle = serde_json::from_str("\" Healthy streets \"").unwrap();
        assert_eq!(title.as_str(), "Healthy streets");
        assert!(serde_json::from_str::<StatementText>("\"\"").is_err());
        assert_eq!(
            serde_json::to_string(&title).unwrap(),
            "\"Healthy streets\""
        );
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        assert_eq!(
            Email::parse(" Ada@Example.ORG ").unwrap().as_str(),
            "ada@example.org"
        );
        assert_eq!(Email::parse("").unwrap_err(), EmailError::Empty);
        for bad in [
            "ada",
            "@example.org",
            "ada@",
            "ada@@x.org",
            "a da@x.org",
            "ada@x..org",
        ] {
            assert_eq!(
                Email::parse(bad).unwrap_err(),
                EmailError::Malformed,
                "{bad}"
            );
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(Email::parse(&long).unwrap_err(), EmailError::TooLong);
    }

    #[test]
    fn expected_shares_lie_between_zero_and_one() {
        assert!((ExpectedShare::parse(0.25).unwrap().get() - 0.25).abs() < 1e-12);
        assert!(ExpectedShare::parse(0.0).is_ok());
        assert!(ExpectedShare::parse(1.0).is_ok());
        assert!(ExpectedShare::parse(1.5).is_err());
        assert!(ExpectedShare::parse(-0.1).is_err());
        assert!(ExpectedShare::parse(f64::NAN).is_err());
        assert!(serde_json::from_str::<ExpectedShare>("2.0").is_err());
    }
}
