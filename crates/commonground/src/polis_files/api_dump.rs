//! Readers for a Pol.is API dump: `votes.json`, `comments.json` and `conversation.json`.
//!
//! Both the field names the API serves (`pid`, `tid`, `mod`) and the ones red-dwarf's fixtures
//! use (`participant_id`, `statement_id`, `moderated`) are accepted. Numbers may come as
//! integers, integral floats (`1691740361800.0`) or digit strings (`"1714782753431"`), as they do
//! in real dumps; anything else is an error naming the file, line and reason.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use engine::{Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteRecord};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::opendata::parse_timestamp;
use super::{Statement, excerpt, text_problem};

/// Why a JSON file of an API dump could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadJsonError {
    /// The file could not be opened or read.
    #[error("cannot read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The file is empty.
    #[error("{} is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is not valid JSON of the expected shape.
    #[error("{}:{line}:{column}: {reason}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// The line where reading stopped.
        line: usize,
        /// The column where reading stopped.
        column: usize,
        /// What is wrong.
        reason: String,
    },
    /// The file is well-formed but its content is inconsistent.
    #[error("{}: {reason}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// The longest reason quoted from the JSON parser, in characters.
const REASON_EXCERPT_CHARS: usize = 200;

/// Reads a whole JSON file into memory, refusing an empty one.
pub(crate) fn read_json_bytes(path: &Path) -> Result<Vec<u8>, ReadJsonError> {
    let bytes = std::fs::read(path).map_err(|source| ReadJsonError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.trim_ascii().is_empty() {
        return Err(ReadJsonError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

/// Parses JSON into `T`, turning serde's error into one that names file, line and reason.
pub(crate) fn parse_json<'de, T: Deserialize<'de>>(
    bytes: &'de [u8],
    path: &Path,
) -> Result<T, ReadJsonError> {
    if bytes.trim_ascii().is_empty() {
        return Err(ReadJsonError::Empty {
            path: path.to_path_buf(),
        });
    }
    serde_json::from_slice(bytes).map_err(|error| {
        let line = error.line();
        let column = error.column();
        let suffix = format!(" at line {line} column {column}");
        // serde_json says column 0 for an error at the very start of a line; editors count
        // columns from 1.
        let column = column.max(1);
        let message = error.to_string();
        let reason = printable_excerpt(message.strip_suffix(&suffix).unwrap_or(&message));
        ReadJsonError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            reason,
        }
    })
}

/// Returns a reason fit for a terminal: control characters escaped, and cut short, because
/// serde's messages quote the offending value whole.
fn printable_excerpt(reason: &str) -> String {
    let mut printable = String::new();
    for (count, c) in reason.chars().enumerate() {
        if count == REASON_EXCERPT_CHARS {
            printable.push('…');
            break;
        }
        if c.is_control() {
            printable.extend(c.escape_default());
        } else {
            printable.push(c);
        }
    }
    printable
}

/// Accepts a JSON integer, an integral float or a string of digits as an i64, naming `field`
/// in errors.
struct IntegerVisitor {
    field: &'static str,
    expected: &'static str,
}

impl IntegerVisitor {
    fn invalid<E: de::Error>(&self, found: impl fmt::Display) -> E {
        E::custom(format_args!(
            "{} must be {}, found {found}",
            self.field, self.expected
        ))
    }
}

impl Visitor<'_> for IntegerVisitor {
    type Value = i64;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} as {}", self.field, self.expected)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
        Ok(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
        i64::try_from(value).map_err(|_| self.invalid(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<i64, E> {
        // Every integral f64 below 2^63 in magnitude converts exactly.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        if value.fract() == 0.0 && value.abs() < LIMIT {
            #[allow(
                clippy::cast_possible_truncation,
                reason = "the value is integral and within the i64 range"
            )]
            Ok(value as i64)
        } else if value.fract() == 0.0 {
            // A whole number beyond 64 bits arrives rounded: show it as the approximation it is.
            Err(self.invalid(format_args!("{value:e}")))
        } else {
            Err(self.invalid(value))
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<i64, E> {
        parse_timestamp(value.as_bytes())
            .ok_or_else(|| self.invalid(format_args!("{:?}", excerpt(value.as_bytes()))))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<i64, E> {
        Err(self.invalid(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<i64, E> {
        Err(self.invalid("null"))
    }
}

const ID_EXPECTED: &str = "a whole number from 0 to 4294967295";

fn integer<'de, D: Deserializer<'de>>(
    deserializer: D,
    field: &'static str,
    expected: &'static str,
) -> Result<i64, D::Error> {
    deserializer.deserialize_any(IntegerVisitor { field, expected })
}

fn id<'de, D: Deserializer<'de>>(deserializer: D, field: &'static str) -> Result<u32, D::Error> {
    let value = integer(deserializer, field, ID_EXPECTED)?;
    u32::try_from(value).map_err(|_| {
        de::Error::custom(format_args!("{field} must be {ID_EXPECTED}, found {value}"))
    })
}

fn participant_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ParticipantId, D::Error> {
    id(deserializer, "participant id").map(ParticipantId)
}

fn statement_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<StatementId, D::Error> {
    id(deserializer, "statement id").map(StatementId)
}

fn author_id<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<ParticipantId>, D::Error> {
    let value: Option<serde_json::Value> = Option::deserialize(deserializer)?;
    match value {
        None => Ok(None),
        Some(value) => id(value, "author id")
            .map(|author| Some(ParticipantId(author)))
            .map_err(de::Error::custom),
    }
}

fn vote<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vote, D::Error> {
    let value = integer(deserializer, "vote", "-1, 0 or 1")?;
    i8::try_from(value)
        .ok()
        .and_then(Vote::from_value)
        .ok_or_else(|| de::Error::custom(format_args!("vote must be -1, 0 or 1, found {value}")))
}

fn timestamp<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    integer(deserializer, "timestamp", "a whole number of milliseconds")
}

fn moderation<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Moderation, D::Error> {
    let value: Option<serde_json::Value> = Option::deserialize(deserializer)?;
    let Some(value) = value else {
        return Ok(Moderation::Unmoderated);
    };
    match integer(value, "moderated", "-1, 0 or 1").map_err(de::Error::custom)? {
        1 => Ok(Moderation::Accepted),
        0 => Ok(Moderation::Unmoderated),
        -1 => Ok(Moderation::Rejected),
        other => Err(de::Error::custom(format_args!(
            "moderated must be -1, 0 or 1, found {other}"
        ))),
    }
}

/// Reads a statement's text, refusing control characters as the open-data reader does.
fn statement_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    match text_problem(&text, "comment text") {
        Some(problem) => Err(de::Error::custom(problem)),
        None => Ok(text),
    }
}

/// Reads an optional topic, refusing control characters: the topic becomes the dialogue's
/// question, which may not hold them.
fn topic_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let topic = Option::<String>::deserialize(deserializer)?;
    match topic
        .as_deref()
        .and_then(|text| text_problem(text, "topic"))
    {
        Some(problem) => Err(de::Error::custom(problem)),
        None => Ok(topic),
    }
}

/// One element of `votes.json`.
#[derive(Deserialize)]
struct ApiVote {
    #[serde(alias = "pid", deserialize_with = "participant_id")]
    participant_id: ParticipantId,
    #[serde(alias = "tid", deserialize_with = "statement_id")]
    statement_id: StatementId,
    #[serde(deserialize_with = "vote")]
    vote: Vote,
    #[serde(alias = "created", deserialize_with = "timestamp")]
    modified: i64,
}

/// Reads `votes.json`: every vote, in the file's sign convention.
pub fn read_votes(path: &Path) -> Result<Vec<VoteRecord>, ReadJsonError> {
    parse_votes(&read_json_bytes(path)?, path)
}

/// Parses `votes.json` held in memory; `path` names it in errors.
pub fn parse_votes(bytes: &[u8], path: &Path) -> Result<Vec<VoteRecord>, ReadJsonError> {
    let votes: Vec<ApiVote> = parse_json(bytes, path)?;
    Ok(votes
        .into_iter()
        .map(|vote| VoteRecord {
            participant: vote.participant_id,
            statement: vote.statement_id,
            vote: vote.vote,
            timestamp: vote.modified,
        })
        .collect())
}

/// One element of `comments.json`.
#[derive(Deserialize)]
struct ApiComment {
    #[serde(alias = "tid", deserialize_with = "statement_id")]
    statement_id: StatementId,
    #[serde(alias = "pid", default, deserialize_with = "author_id")]
    participant_id: Option<ParticipantId>,
    #[serde(alias = "text", deserialize_with = "statement_text")]
    txt: String,
    #[serde(alias = "mod", default, deserialize_with = "moderation")]
    moderated: Moderation,
    #[serde(default)]
    is_meta: Option<bool>,
}

/// Reads `comments.json`.
pub fn read_statements(path: &Path) -> Result<Vec<Statement>, ReadJsonError> {
    parse_statements(&read_json_bytes(path)?, path)
}

/// Parses `comments.json` held in memory; `path` names it in errors. The result is sorted by
/// id; an id given twice is an error.
pub fn parse_statements(bytes: &[u8], path: &Path) -> Result<Vec<Statement>, ReadJsonError> {
    let comments: Vec<ApiComment> = parse_json(bytes, path)?;
    let mut statements: Vec<Statement> = comments
        .into_iter()
        .map(|comment| Statement {
            info: StatementInfo {
                id: comment.statement_id,
                moderation: comment.moderated,
                is_meta: comment.is_meta.unwrap_or(false),
                author: comment.participant_id,
            },
            text: comment.txt,
        })
        .collect();
    statements.sort_by_key(|statement| statement.info.id);
    if let Some(pair) = statements
        .windows(2)
        .find(|pair| pair[0].info.id == pair[1].info.id)
    {
        return Err(ReadJsonError::Invalid {
            path: path.to_path_buf(),
            reason: format!("statement {} appears twice", pair[0].info.id),
        });
    }
    Ok(statements)
}

/// The part of `conversation.json` the analysis uses.
#[derive(Deserialize)]
struct ApiConversation {
    #[serde(default, deserialize_with = "topic_text")]
    topic: Option<String>,
}

/// Reads the topic from `conversation.json`.
pub fn read_topic(path: &Path) -> Result<Option<String>, ReadJsonError> {
    parse_topic(&read_json_bytes(path)?, path)
}

/// Parses the topic from `conversation.json` held in memory.
pub fn parse_topic(bytes: &[u8], path: &Path) -> Result<Option<String>, ReadJsonError> {
    let conversation: ApiConversation = parse_json(bytes, path)?;
    Ok(conversation
        .topic
        .map(|topic| topic.trim().to_owned())
        .filter(|topic| !topic.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::polis_files::{check_clear_error, labelled_texts};
    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;

    fn votes(text: &str) -> Result<Vec<VoteRecord>, String> {
        parse_votes(text.as_bytes(), Path::new("votes.json")).map_err(|error| error.to_string())
    }

    #[test]
    fn both_field_namings_and_all_number_forms_are_read() {
        let read = votes(
            r#"[
  {"participant_id": 0, "statement_id": 3, "vote": -1, "modified": 1691740361800.0,
   "conversation_id": "x", "datetime": null},
  {"pid": 4, "tid": 1, "vote": 1, "modified": "1714782753431"},
  {"pid": 5, "tid": 1, "vote": 0, "created": 17}
]"#,
        )
        .unwrap();
        assert_eq!(
            read,
            vec![
                VoteRecord {
                    participant: ParticipantId(0),
                    statement: StatementId(3),
                    vote: Vote::Disagree,
                    timestamp: 1_691_740_361_800,
                },
                VoteRecord {
                    participant: ParticipantId(4),
                    statement: StatementId(1),
                    vote: Vote::Agree,
                    timestamp: 1_714_782_753_431,
                },
                VoteRecord {
                    participant: ParticipantId(5),
                    statement: StatementId(1),
                    vote: Vote::Pass,
                    timestamp: 17,
                },
            ]
        );
    }

    #[test]
    fn bad_values_name_file_line_and_reason() {
        let text = "[\n{\"pid\": 1, \"tid\": 1, \"vote\": 1, \"modified\": 5},\n{\"pid\": 1, \"tid\": 2, \"vote\": 2, \"modified\": 5}\n]";
        let error = votes(text).unwrap_err();
        assert!(
            error.starts_with("votes.json:3:")
                && error.ends_with("vote must be -1, 0 or 1, found 2"),
            "{error}"
        );
        let error = votes("[{\"pid\": -1, \"tid\": 1, \"vote\": 1, \"modified\": 5}]").unwrap_err();
        assert!(
            error.ends_with("participant id must be a whole number from 0 to 4294967295, found -1"),
            "{error}"
        );
        let error =
            votes("[{\"pid\": 1, \"tid\": 1, \"vote\": 1, \"modified\": 5.5}]").unwrap_err();
        assert!(
            error.ends_with("timestamp must be a whole number of milliseconds, found 5.5"),
            "{error}"
        );
        let error = votes("[{\"pid\": 1, \"tid\": 1, \"vote\": 1}]").unwrap_err();
        assert!(error.ends_with("missing field `modified`"), "{error}");
        assert_eq!(votes("  ").unwrap_err(), "votes.json is empty");
        let error = votes("{\"votes\": []}").unwrap_err();
        assert!(error.starts_with("votes.json:1:"), "{error}");
    }

    #[test]
    fn comments_read_moderation_meta_and_authors() {
        let read = parse_statements(
            br#"[{"txt": "b", "tid": 2, "pid": 0, "mod": -1, "is_meta": false},
                 {"txt": "a", "statement_id": 1, "participant_id": null, "moderated": 1, "is_meta": true}]"#,
            Path::new("comments.json"),
        )
        .unwrap();
        assert_eq!(read[0].info.id, StatementId(1));
        assert!(read[0].info.is_meta);
        assert_eq!(read[0].info.author, None);
        assert_eq!(read[1].info.moderation, Moderation::Rejected);
        assert_eq!(read[1].info.author, Some(ParticipantId(0)));

        let error = parse_statements(
            br#"[{"txt": "a", "tid": 1}, {"txt": "b", "tid": 1}]"#,
            Path::new("comments.json"),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "comments.json: statement 1 appears twice"
        );
        let error = parse_statements(
            br#"[{"txt": "a", "tid": 1, "mod": 3}]"#,
            Path::new("comments.json"),
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("moderated must be -1, 0 or 1, found 3")
        );
    }

    #[test]
    fn the_topic_is_read_when_present() {
        let path = Path::new("conversation.json");
        assert_eq!(
            parse_topic(br#"{"topic": " Trust ", "owner": 3}"#, path).unwrap(),
            Some("Trust".to_owned())
        );
        assert_eq!(parse_topic(br#"{"topic": null}"#, path).unwrap(), None);
    }

    #[test]
    fn invalid_utf8_is_an_error_with_a_position() {
        let mut bytes = b"[{\"txt\": \"".to_vec();
        bytes.extend_from_slice(b"\xff\"");
        bytes.extend_from_slice(b", \"tid\": 1}]");
        let error = parse_statements(&bytes, Path::new("comments.json")).unwrap_err();
        assert!(error.to_string().starts_with("comments.json:1:"), "{error}");
    }

    proptest! {
        #[test]
        fn any_bytes_read_or_give_a_clear_error(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let results = [
                ("votes.json", parse_votes(&bytes, Path::new("votes.json")).err()),
                ("comments.json", parse_statements(&bytes, Path::new("comments.json")).err()),
                ("conversation.json", parse_topic(&bytes, Path::new("conversation.json")).err()),
            ];
            for (file, error) in results {
                if let Some(error) = error {
                    prop_assert_eq!(check_clear_error(&error.to_string(), file), Ok(()));
                }
            }
        }

        #[test]
        fn any_json_value_in_a_field_is_handled(value in "(-?[0-9]{1,25}(\\.[0-9]{0,3})?|\"[^\"]{0,12}\"|null|true|\\[\\]|\\{\\})") {
            let text = format!("[{{\"pid\": {value}, \"tid\": {value}, \"vote\": {value}, \"modified\": {value}}}]");
            if let Err(error) = parse_votes(text.as_bytes(), Path::new("votes.json")) {
                prop_assert_eq!(check_clear_error(&error.to_string(), "votes.json"), Ok(()));
            }
            let text = format!("[{{\"tid\": {value}, \"pid\": {value}, \"txt\": \"t\", \"mod\": {value}, \"is_meta\": {value}}}]");
            if let Err(error) = parse_statements(text.as_bytes(), Path::new("comments.json")) {
                prop_assert_eq!(check_clear_error(&error.to_string(), "comments.json"), Ok(()));
            }
        }
    }

    #[test]
    fn control_characters_in_comment_text_are_refused_at_their_line() {
        let text =
            "[\n{\"tid\": 1, \"txt\": \"fine\"},\n{\"tid\": 2, \"txt\": \"nul\\u0000here\"}\n]";
        let error = parse_statements(text.as_bytes(), Path::new("comments.json")).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("comments.json:3:"), "{message}");
        assert!(
            message.ends_with("comment text contains a NUL character"),
            "{message}"
        );
        let text = "[{\"tid\": 1, \"txt\": \"\\u001b[2J\"}]";
        let error = parse_statements(text.as_bytes(), Path::new("comments.json")).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("comment text contains the control character U+001B"),
            "{error}"
        );
        let kept = parse_statements(
            b"[{\"tid\": 1, \"txt\": \"one\\r\\n\\ttwo\"}]",
            Path::new("comments.json"),
        )
        .unwrap();
        assert_eq!(kept[0].text, "one\r\n\ttwo");
        let error = parse_topic(
            b"{\"topic\": \"bell\\u0007\"}",
            Path::new("conversation.json"),
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("topic contains the control character U+0007"),
            "{error}"
        );
    }

    #[test]
    fn a_huge_value_is_not_echoed_in_the_error() {
        let text = format!(
            "[{{\"tid\": 1, \"txt\": \"t\", \"is_meta\": \"{}\"}}]",
            "\u{1b}x".repeat(1 << 20)
        );
        let error = parse_statements(text.as_bytes(), Path::new("comments.json")).unwrap_err();
        let message = error.to_string();
        assert!(message.len() < 1000, "{} bytes", message.len());
        assert!(!message.contains('\u{1b}'), "{message:?}");
        assert_eq!(check_clear_error(&message, "comments.json"), Ok(()));
    }

    const BAD_IDS: [&str; 13] = [
        "-1",
        "4294967296",
        "18446744073709551616",
        "1e400",
        "null",
        "true",
        "\"x\"",
        "[]",
        "{}",
        "1.5",
        "\"-1\"",
        "-0.5",
        "\"4294967296\"",
    ];

    fn json_ids(with_refusals: bool) -> BoxedStrategy<(String, Option<u32>)> {
        labelled_texts(
            vec![
                ("0", 0),
                ("4294967295", u32::MAX),
                ("\"12\"", 12),
                ("7.0", 7),
                ("1e2", 100),
            ],
            BAD_IDS.to_vec(),
            with_refusals,
        )
    }

    fn json_votes(with_refusals: bool) -> BoxedStrategy<(String, Option<Vote>)> {
        labelled_texts(
            vec![
                ("1", Vote::Agree),
                ("-1", Vote::Disagree),
                ("0", Vote::Pass),
                ("1.0", Vote::Agree),
                ("\"-1\"", Vote::Disagree),
            ],
            vec![
                "2",
                "-2",
                "\"agree\"",
                "null",
                "1e400",
                "true",
                "0.5",
                "256",
                "-129",
                "[1]",
            ],
            with_refusals,
        )
    }

    fn json_timestamps(with_refusals: bool) -> BoxedStrategy<(String, Option<i64>)> {
        labelled_texts(
            vec![
                ("0", 0),
                ("1700000000000", 1_700_000_000_000),
                ("1691740361800.0", 1_691_740_361_800),
                ("\"1714782753431\"", 1_714_782_753_431),
                ("-5", -5),
                ("9223372036854775807", i64::MAX),
            ],
            vec![
                "1.5",
                "1e400",
                "null",
                "\"x\"",
                "9223372036854775808",
                "[]",
                "\"1.5\"",
            ],
            with_refusals,
        )
    }

    /// One element of `votes.json` on one line, and the record it must read as (`None`: refused).
    fn json_vote(with_refusals: bool) -> impl Strategy<Value = (String, Option<VoteRecord>)> {
        let shapes = if with_refusals {
            vec![0, 0, 1, 2]
        } else {
            vec![0, 1]
        };
        (
            json_ids(with_refusals),
            json_ids(with_refusals),
            json_votes(with_refusals),
            json_timestamps(with_refusals),
            proptest::sample::select(shapes),
        )
            .prop_map(|(participant, statement, vote, timestamp, shape)| {
                let text = match shape {
                    0 => format!(
                        "{{\"pid\": {}, \"tid\": {}, \"vote\": {}, \"modified\": {}}}",
                        participant.0, statement.0, vote.0, timestamp.0
                    ),
                    1 => format!(
                        "{{\"statement_id\": {}, \"participant_id\": {}, \"created\": {}, \"vote\": {}, \"conversation_id\": \"x\"}}",
                        statement.0, participant.0, timestamp.0, vote.0
                    ),
                    // The timestamp is missing.
                    _ => format!(
                        "{{\"pid\": {}, \"tid\": {}, \"vote\": {}}}",
                        participant.0, statement.0, vote.0
                    ),
                };
                let record = match (participant.1, statement.1, vote.1, timestamp.1) {
                    (Some(participant), Some(statement), Some(vote), Some(timestamp))
                        if shape < 2 =>
                    {
                        Some(VoteRecord {
                            participant: ParticipantId(participant),
                            statement: StatementId(statement),
                            vote,
                            timestamp,
                        })
                    }
                    _ => None,
                };
                (text, record)
            })
    }

    /// Comment texts as JSON string literals (bytes, to hold invalid UTF-8), with the text
    /// they must read as, or `None` when they must be refused.
    fn json_texts() -> impl Strategy<Value = (Vec<u8>, Option<String>)> {
        let kept = proptest::sample::select(vec![
            ("\"Buses should be free\"", "Buses should be free"),
            ("\"\"", ""),
            ("\"line\\nbreak\\r\\n\\ttab\"", "line\nbreak\r\n\ttab"),
            ("\"=cmd|' /C calc'!A0\"", "=cmd|' /C calc'!A0"),
            ("\"caf\\u00e9 \\ud83d\\ude8c\"", "caf\u{e9} \u{1f68c}"),
            ("\"say \\\"no\\\"\"", "say \"no\""),
        ])
        .prop_map(|(literal, text)| (literal.as_bytes().to_vec(), Some(text.to_owned())));
        let refused = proptest::sample::select(vec![
            &b"\"nul\\u0000here\""[..],
            b"\"esc\\u001b[31m\"",
            b"\"next\\u0085line\"",
            b"\"del\\u007f\"",
            b"\"raw bell \x07\"",
            b"\"lone \\ud800 surrogate\"",
            b"\"caf\xe9\"",
            b"null",
            b"5",
        ])
        .prop_map(|literal| (literal.to_vec(), None));
        prop_oneof![3 => kept, 1 => refused]
    }

    /// One element of `comments.json` whose id is `index` unless it must be refused, and the
    /// statement it must read as (`None`: refused).
    fn json_comment(index: u32) -> impl Strategy<Value = (Vec<u8>, Option<Statement>)> {
        (
            prop_oneof![
                5 => Just(None),
                1 => proptest::sample::select(BAD_IDS.to_vec()).prop_map(Some),
            ],
            labelled_texts(
                vec![
                    ("", None),
                    ("null", None),
                    ("0", Some(ParticipantId(0))),
                    ("\"5\"", Some(ParticipantId(5))),
                ],
                vec!["-1", "4294967296", "\"x\"", "true"],
                true,
            ),
            json_texts(),
            labelled_texts(
                vec![
                    ("", Moderation::Unmoderated),
                    ("null", Moderation::Unmoderated),
                    ("1", Moderation::Accepted),
                    ("-1", Moderation::Rejected),
                    ("0", Moderation::Unmoderated),
                    ("\"1\"", Moderation::Accepted),
                ],
                vec!["2", "\"x\"", "true", "1.5"],
                true,
            ),
            labelled_texts(
                vec![
                    ("", false),
                    ("null", false),
                    ("true", true),
                    ("false", false),
                ],
                vec!["1", "\"yes\""],
                true,
            ),
        )
            .prop_map(move |(bad_id, author, text, moderation, is_meta)| {
                let mut element =
                    format!("{{\"tid\": {}", bad_id.unwrap_or(&index.to_string())).into_bytes();
                for (key, value) in [
                    ("pid", &author.0),
                    ("mod", &moderation.0),
                    ("is_meta", &is_meta.0),
                ] {
                    if !value.is_empty() {
                        element.extend_from_slice(format!(", \"{key}\": {value}").as_bytes());
                    }
                }
                element.extend_from_slice(b", \"txt\": ");
                element.extend_from_slice(&text.0);
                element.push(b'}');
                let statement = match (bad_id, author.1, text.1, moderation.1, is_meta.1) {
                    (None, Some(author), Some(text), Some(moderation), Some(is_meta)) => {
                        Some(Statement {
                            info: StatementInfo {
                                id: StatementId(index),
                                moderation,
                                is_meta,
                                author,
                            },
                            text,
                        })
                    }
                    _ => None,
                };
                (element, statement)
            })
    }

    fn json_comments() -> impl Strategy<Value = Vec<(Vec<u8>, Option<Statement>)>> {
        (0..10u32).prop_flat_map(|count| (0..count).map(json_comment).collect::<Vec<_>>())
    }

    /// Joins elements one per line, the first on line 2, in a JSON array.
    fn json_array(elements: &[Vec<u8>]) -> Vec<u8> {
        let mut text = b"[\n".to_vec();
        text.extend_from_slice(&elements.join(&b",\n"[..]));
        text.extend_from_slice(b"\n]");
        text
    }

    /// Checks that `read` is exactly `expected` when every element is valid, and otherwise a
    /// clear error at the line of the first refused element.
    fn check_read<T: PartialEq + std::fmt::Debug>(
        read: Result<Vec<T>, ReadJsonError>,
        expected: Vec<Option<T>>,
        file: &str,
    ) -> Result<(), TestCaseError> {
        let first_refused = expected.iter().position(Option::is_none);
        match (read, first_refused) {
            (Ok(read), None) => {
                prop_assert_eq!(read, expected.into_iter().flatten().collect::<Vec<_>>());
            }
            (Err(error), Some(index)) => {
                let message = error.to_string();
                prop_assert_eq!(check_clear_error(&message, file), Ok(()));
                let line = index + 2;
                prop_assert!(
                    matches!(error, ReadJsonError::Parse { line: found, .. } if found == line),
                    "{} instead of an error on line {}",
                    message,
                    line
                );
            }
            (read, index) => prop_assert!(
                false,
                "read {:?}, expected a refusal of element {:?}",
                read.map_err(|error| error.to_string()),
                index
            ),
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn vote_elements_read_exactly_or_are_refused_at_their_line(
            elements in proptest::collection::vec(json_vote(true), 0..10),
        ) {
            let texts: Vec<Vec<u8>> = elements.iter().map(|(text, _)| text.clone().into_bytes()).collect();
            let read = parse_votes(&json_array(&texts), Path::new("votes.json"));
            check_read(read, elements.into_iter().map(|(_, record)| record).collect(), "votes.json")?;
        }

        #[test]
        fn unusual_but_valid_vote_elements_read_exactly(
            elements in proptest::collection::vec(json_vote(false), 0..10),
        ) {
            let texts: Vec<Vec<u8>> = elements.iter().map(|(text, _)| text.clone().into_bytes()).collect();
            let read = parse_votes(&json_array(&texts), Path::new("votes.json"));
            check_read(read, elements.into_iter().map(|(_, record)| record).collect(), "votes.json")?;
        }

        #[test]
        fn comment_elements_read_exactly_or_are_refused_at_their_line(elements in json_comments()) {
            let texts: Vec<Vec<u8>> = elements.iter().map(|(text, _)| text.clone()).collect();
            let read = parse_statements(&json_array(&texts), Path::new("comments.json"));
            check_read(read, elements.into_iter().map(|(_, statement)| statement).collect(), "comments.json")?;
        }
    }
}
