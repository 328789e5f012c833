//! Loads the bundled Pol.is fixtures (CC BY 4.0, The Computational Democracy Project).
//!
//! Two spellings of the API exist among the fixtures (`pid`/`tid`/`mod` and
//! `participant_id`/`statement_id`/`moderated`); both are read.

use engine::{Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteMatrix, VoteRecord};
use serde_json::Value;

/// One conversation: its votes, statements and Pol.is's analysis.
pub struct Fixture {
    /// The votes as the dump lists them, with their timestamps.
    pub records: Vec<VoteRecord>,
    pub matrix: VoteMatrix,
    pub statements: Vec<StatementInfo>,
    pub math: Value,
}

fn read(name: &str, file: &str) -> Value {
    let path = format!(
        "{}/../../data/polis-math-fixtures/{name}/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The first of the given keys that the object has.
fn field<'a>(object: &'a Value, keys: &[&str]) -> &'a Value {
    keys.iter()
        .map(|key| &object[*key])
        .find(|value| !value.is_null())
        .unwrap_or(&Value::Null)
}

/// A JSON number (or numeric string) as f64.
pub fn as_f64(value: &Value) -> f64 {
    match value {
        Value::Number(number) => number.as_f64().expect("finite number"),
        Value::String(text) => text.parse().expect("numeric string"),
        other => panic!("not a number: {other}"),
    }
}

/// A JSON non-negative integer (or integer string) as u32.
pub fn as_u32(value: &Value) -> u32 {
    let number = value
        .as_u64()
        .or_else(|| value.as_str().and_then(|text| text.parse().ok()))
        .unwrap_or_else(|| panic!("not a count: {value}"));
    u32::try_from(number).expect("fits u32")
}

/// A JSON array of integers.
pub fn ids(value: &Value) -> Vec<u32> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(as_u32)
        .collect()
}

impl Fixture {
    pub fn load(name: &str) -> Fixture {
        let votes = read(name, "votes.json");
        let records: Vec<VoteRecord> = votes
            .as_array()
            .expect("votes")
            .iter()
            .map(|vote| VoteRecord {
                participant: ParticipantId(as_u32(field(vote, &["participant_id", "pid"]))),
                statement: StatementId(as_u32(field(vote, &["statement_id", "tid"]))),
                vote: Vote::from_value(match as_f64(&vote["vote"]) {
                    x if x > 0.0 => 1,
                    x if x < 0.0 => -1,
                    _ => 0,
                })
                .expect("vote"),
                #[allow(clippy::cast_possible_truncation, reason = "millisecond timestamps")]
                timestamp: as_f64(&vote["modified"]) as i64,
            })
            .collect();
        let comments = read(name, "comments.json");
        let statements = comments
            .as_array()
            .expect("comments")
            .iter()
            .map(|comment| {
                let moderation = match as_f64(field(comment, &["moderated", "mod"])) {
                    x if x > 0.0 => Moderation::Accepted,
                    x if x < 0.0 => Moderation::Rejected,
                    _ => Moderation::Unmoderated,
                };
                StatementInfo {
                    id: StatementId(as_u32(field(comment, &["statement_id", "tid"]))),
                    moderation,
                    is_meta: comment["is_meta"].as_bool().unwrap_or(false),
                    author: field(comment, &["participant_id", "pid"])
                        .as_u64()
                        .and_then(|id| u32::try_from(id).ok())
                        .map(ParticipantId),
                }
            })
            .collect();
        Fixture {
            matrix: VoteMatrix::from_records(&records),
            records,
            statements,
            math: read(name, "math-pca2.json"),
        }
    }
}
