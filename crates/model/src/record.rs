//! The partnership's record as a hash chain: each entry's hash covers the previous entry's hash
//! and every field of the entry, so changing, inserting or removing an entry anywhere but at the
//! very end breaks the chain, and the end is pinned by the head hash kept beside the record.

use sha2::{Digest, Sha256};

/// The domain separation of the chain's first link, so chains of different partnerships (or of
/// another program) never share a start.
const GENESIS_LABEL: &[u8] = b"commonground-record-v1";

/// One entry of the record, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordEntry {
    /// Its position in the record, from 1 with no gaps.
    pub sequence: u64,
    /// When it was recorded, as the server wrote it (RFC 3339).
    pub recorded_at: String,
    /// Who did it (an account id, or "system").
    pub actor: String,
    /// What happened ("objective_drafted", "stance_recorded", ...).
    pub kind: String,
    /// The details, as canonical JSON written by the server.
    pub payload: String,
    /// The hash stored with the entry, lower-case hex.
    pub hash: String,
}

/// Where and how a chain fails to verify.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// An entry's position is not the one after its predecessor's.
    #[error("entry {found} follows entry {previous}: the record has a gap or a repeat")]
    Sequence {
        /// The previous entry's sequence (0 before the first).
        previous: u64,
        /// The entry's sequence.
        found: u64,
    },
    /// An entry's stored hash is not the hash of its content and predecessor.
    #[error("entry {sequence} does not match its hash: it, or an entry before it, was changed")]
    Hash {
        /// The entry's sequence.
        sequence: u64,
    },
    /// The last entry is not the head the partnership recorded.
    #[error("the record ends at entry {last}, not at the head recorded for it")]
    Head {
        /// The last entry's sequence (0 for an empty record).
        last: u64,
    },
}

/// The hash the first entry of a partnership's record links to.
pub fn genesis(partnership: i64) -> String {
    let mut hasher = Sha256::new();
    hasher.update(GENESIS_LABEL);
    hasher.update(partnership.to_be_bytes());
    hex(&hasher.finalize())
}

/// Returns the hash of an entry with these fields after the entry whose hash is `previous`.
///
/// Every field is length-prefixed, so no two different entries hash the same text.
pub fn link(
    previous: &str,
    sequence: u64,
    recorded_at: &str,
    actor: &str,
    kind: &str,
    payload: &str,
) -> String {
    let mut hasher = Sha256::new();
    for field in [previous.as_bytes(), &sequence.to_be_bytes()] {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field);
    }
    for field in [recorded_at, actor, kind, payload] {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hex(&hasher.finalize())
}

/// Checks a partnership's whole record, in sequence order, against its recorded head hash
/// (`None` when the partnership recorded no head, i.e. the record should be empty).
pub fn verify(
    partnership: i64,
    entries: &[RecordEntry],
    head: Option<&str>,
) -> Result<(), ChainError> {
    let mut previous_hash = genesis(partnership);
    let mut previous_sequence = 0;
    for entry in entries {
        if entry.sequence != previous_sequence + 1 {
            return Err(ChainError::Sequence {
                previous: previous_sequence,
                found: entry.sequence,
            });
        }
        let expected = link(
            &previous_hash,
            entry.sequence,
            &entry.recorded_at,
            &entry.actor,
            &entry.kind,
            &entry.payload,
        );
        if expected != entry.hash {
            return Err(ChainError::Hash {
                sequence: entry.sequence,
            });
        }
        previous_hash = expected;
        previous_sequence = entry.sequence;
    }
    let last_hash = entries.last().map(|entry| entry.hash.as_str());
    if last_hash != head {
        return Err(ChainError::Head {
            last: previous_sequence,
        });
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(partnership: i64, n: u64) -> Vec<RecordEntry> {
        let mut previous = genesis(partnership);
        (1..=n)
            .map(|sequence| {
                let recorded_at = format!("2026-12-04T10:00:{sequence:02}Z");
                let payload = format!("{{\"objective\":{sequence}}}");
                let hash = link(
                    &previous,
                    sequence,
                    &recorded_at,
                    "account:1",
                    "stance_recorded",
                    &payload,
                );
                previous = hash.clone();
                RecordEntry {
                    sequence,
                    recorded_at,
                    actor: "account:1".to_owned(),
                    kind: "stance_recorded".to_owned(),
                    payload,
                    hash,
                }
            })
            .collect()
    }

    fn head(entries: &[RecordEntry]) -> Option<&str> {
        entries.last().map(|entry| entry.hash.as_str())
    }

    #[test]
    fn an_untouched_record_verifies() {
        let entries = chain(3, 5);
        assert_eq!(verify(3, &entries, head(&entries)), Ok(()));
        assert_eq!(verify(3, &[], None), Ok(()));
        assert_eq!(entries[0].hash.len(), 64);
    }

    #[test]
    fn a_changed_field_is_found_at_its_entry() {
        let original = chain(3, 5);
        for field in 0..4 {
            let mut entries = original.clone();
            let target = &mut entries[2];
            match field {
                0 => target.payload.push(' '),
                1 => target.actor = "account:2".to_owned(),
                2 => target.kind = "objective_adopted".to_owned(),
                _ => target.recorded_at = "2026-12-05T10:00:03Z".to_owned(),
            }
            let result = verify(3, &entries, head(&original));
            assert_eq!(
                result,
                Err(ChainError::Hash { sequence: 3 }),
                "field {field}"
            );
        }
    }

    #[test]
    fn removed_inserted_and_truncated_entries_are_found() {
        let original = chain(3, 5);
        let mut removed = original.clone();
        removed.remove(1);
        assert_eq!(
            verify(3, &removed, head(&original)),
            Err(ChainError::Sequence {
                previous: 1,
                found: 3
            })
        );
        let truncated = &original[..4];
        assert_eq!(
            verify(3, truncated, head(&original)),
            Err(ChainError::Head { last: 4 })
        );
        // A rewritten tail with fresh hashes still fails at the recorded head.
        let forged = chain(3, 4);
        assert!(verify(3, &forged, head(&original)).is_err());
    }

    #[test]
    fn a_chain_does_not_verify_for_another_partnership() {
        let entries = chain(3, 2);
        assert_eq!(
            verify(4, &entries, head(&entries)),
            Err(ChainError::Hash { sequence: 1 })
        );
    }

    #[test]
    fn fields_cannot_be_shifted_between_each_other() {
        let previous = genesis(1);
        let one = link(&previous, 1, "t", "ab", "c", "{}");
        let other = link(&previous, 1, "t", "a", "bc", "{}");
        assert_ne!(one, other);
    }
}
