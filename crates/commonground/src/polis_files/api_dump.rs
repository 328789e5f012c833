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
use super::{Statement, excerpt};

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
        let message = error.to_string();
        let suffix = format!(" at line {line} column {column}");
        let reason = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
        ReadJsonError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            reason,
        }
    })
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
    #[serde(alias = "text")]
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
    #[serde(default)]
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
    use proptest::prelude::*;

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
        fn the_json_parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = parse_votes(&bytes, Path::new("votes.json"));
            let _ = parse_statements(&bytes, Path::new("comments.json"));
            let _ = parse_topic(&bytes, Path::new("conversation.json"));
        }

        #[test]
        fn any_json_value_in_a_field_is_handled(value in "(-?[0-9]{1,25}(\\.[0-9]{0,3})?|\"[^\"]{0,12}\"|null|true|\\[\\]|\\{\\})") {
            let text = format!("[{{\"pid\": {value}, \"tid\": {value}, \"vote\": {value}, \"modified\": {value}}}]");
            let _ = parse_votes(text.as_bytes(), Path::new("votes.json"));
            let text = format!("[{{\"tid\": {value}, \"pid\": {value}, \"txt\": \"t\", \"mod\": {value}, \"is_meta\": {value}}}]");
            let _ = parse_statements(text.as_bytes(), Path::new("comments.json"));
        }
    }
}
