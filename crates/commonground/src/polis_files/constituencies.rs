//! Readers for the two optional files that say who belongs to which constituency:
//! `participants.csv` (`participant,constituencies`, names separated by `;`) and
//! `constituencies.csv` (`constituency,expected_share[,kind]`, kind `lay` or `professional`).

use std::path::Path;

use engine::ParticipantId;

use super::csv_file::{CsvFileError, RowFault, SmallCsv, read_nonempty};
use super::excerpt;

/// Whether a constituency speaks from lived experience or from a profession.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstituencyKind {
    /// Residents, patients, carers: lay knowledge.
    Lay,
    /// Clinicians, officers, staff: professional knowledge.
    Professional,
}

/// A public that the dialogue wants to hear, with the share of participants expected from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Constituency {
    /// The constituency's name, as participants' rows spell it.
    pub name: String,
    /// The expected share of participants, from 0 to 1.
    pub expected_share: f64,
    /// Lay or professional, when the convenor said.
    pub kind: Option<ConstituencyKind>,
}

/// The constituencies one participant belongs to (possibly none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    /// The participant.
    pub participant: ParticipantId,
    /// The constituency names, in file order, each once.
    pub constituencies: Vec<String>,
}

/// Reads `constituencies.csv`.
pub fn read_constituencies(path: &Path) -> Result<Vec<Constituency>, CsvFileError> {
    parse_constituencies(&read_nonempty(path)?, path)
}

/// Parses `constituencies.csv` held in memory; `path` names it in errors.
pub fn parse_constituencies(bytes: &[u8], path: &Path) -> Result<Vec<Constituency>, CsvFileError> {
    let mut csv = SmallCsv::open(bytes, path)?;
    let name_column = csv.column(&["constituency", "name"])?;
    let share_column = csv.column(&["expected_share", "expected-share"])?;
    let kind_column = csv.find_column(&["kind"]);
    let mut constituencies: Vec<(Constituency, u64)> = Vec::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let name_error =
            |reason: String| csv.fault(line, RowFault::in_field("constituency", reason));
        let name = record.get(name_column).unwrap_or("").trim();
        if name.is_empty() {
            return Err(name_error("constituency name is empty".to_owned()));
        }
        if name.contains(';') {
            return Err(name_error(format!(
                "constituency name {name:?} contains ';', which separates names"
            )));
        }
        if let Some((_, first)) = constituencies.iter().find(|(known, _)| known.name == name) {
            return Err(name_error(format!(
                "constituency {name:?} appears twice (also on line {first})"
            )));
        }
        let share_text = record.get(share_column).unwrap_or("").trim();
        let expected_share = share_text
            .parse::<f64>()
            .ok()
            .filter(|share| (0.0..=1.0).contains(share))
            .ok_or_else(|| {
                let reason = format!(
                    "expected_share must be a number from 0 to 1, found {:?}",
                    excerpt(share_text.as_bytes())
                );
                csv.fault(line, RowFault::in_field("expected_share", reason))
            })?;
        let kind = match kind_column
            .and_then(|index| record.get(index))
            .map(str::trim)
        {
            None | Some("") => None,
            Some(text) => Some(match text.to_ascii_lowercase().as_str() {
                "lay" => ConstituencyKind::Lay,
                "professional" => ConstituencyKind::Professional,
                _ => {
                    let reason = format!(
                        "kind must be lay or professional, found {:?}",
                        excerpt(text.as_bytes())
                    );
                    return Err(csv.fault(line, RowFault::in_field("kind", reason)));
                }
            }),
        };
        constituencies.push((
            Constituency {
                name: name.to_owned(),
                expected_share,
                kind,
            },
            line,
        ));
    }
    Ok(constituencies.into_iter().map(|(item, _)| item).collect())
}

/// Reads `participants.csv`.
pub fn read_memberships(path: &Path) -> Result<Vec<Membership>, CsvFileError> {
    parse_memberships(&read_nonempty(path)?, path)
}

/// Parses `participants.csv` held in memory; `path` names it in errors. The result is sorted
/// by participant.
pub fn parse_memberships(bytes: &[u8], path: &Path) -> Result<Vec<Membership>, CsvFileError> {
    let mut csv = SmallCsv::open(bytes, path)?;
    let participant_column = csv.column(&["participant", "participant-id", "pid"])?;
    let names_column = csv.column(&["constituencies", "constituency"])?;
    let mut memberships: Vec<(Membership, u64)> = Vec::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let id_text = record.get(participant_column).unwrap_or("").trim();
        let participant = id_text
            .parse::<u32>()
            .ok()
            .filter(|_| id_text.bytes().all(|byte| byte.is_ascii_digit()))
            .ok_or_else(|| {
                let reason = format!(
                    "participant must be a whole number from 0 to {}, found {:?}",
                    u32::MAX,
                    excerpt(id_text.as_bytes())
                );
                csv.fault(line, RowFault::in_field("participant", reason))
            })?;
        let mut constituencies: Vec<String> = Vec::new();
        for name in record.get(names_column).unwrap_or("").split(';') {
            let name = name.trim();
            if !name.is_empty() && !constituencies.iter().any(|known| known == name) {
                constituencies.push(name.to_owned());
            }
        }
        memberships.push((
            Membership {
                participant: ParticipantId(participant),
                constituencies,
            },
            line,
        ));
    }
    memberships.sort_by_key(|(membership, line)| (membership.participant, *line));
    for pair in memberships.windows(2) {
        if pair[0].0.participant == pair[1].0.participant {
            let reason = format!(
                "participant {} appears twice (also on line {})",
                pair[1].0.participant, pair[0].1
            );
            return Err(csv.fault(pair[1].1, RowFault::in_field("participant", reason)));
        }
    }
    Ok(memberships.into_iter().map(|(item, _)| item).collect())
}

/// Checks that every constituency a participant names is listed in `constituencies.csv`.
pub fn check_names(
    memberships: &[Membership],
    constituencies: &[Constituency],
    memberships_path: &Path,
    constituencies_path: &Path,
) -> Result<(), CsvFileError> {
    for membership in memberships {
        for name in &membership.constituencies {
            if !constituencies.iter().any(|known| &known.name == name) {
                return Err(CsvFileError::UnknownConstituency {
                    path: memberships_path.to_path_buf(),
                    participant: membership.participant,
                    name: name.clone(),
                    listed_in: constituencies_path.to_path_buf(),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::polis_files::check_clear_error;
    use proptest::prelude::*;

    fn constituencies(text: &str) -> Result<Vec<Constituency>, String> {
        parse_constituencies(text.as_bytes(), Path::new("constituencies.csv"))
            .map_err(|error| error.to_string())
    }

    fn memberships(text: &str) -> Result<Vec<Membership>, String> {
        parse_memberships(text.as_bytes(), Path::new("participants.csv"))
            .map_err(|error| error.to_string())
    }

    #[test]
    fn constituencies_are_read_with_share_and_kind() {
        let read =
            constituencies("constituency,expected_share,kind\ncarer,0.2,lay\nGP,0.1,\n").unwrap();
        assert_eq!(
            read,
            vec![
                Constituency {
                    name: "carer".to_owned(),
                    expected_share: 0.2,
                    kind: Some(ConstituencyKind::Lay)
                },
                Constituency {
                    name: "GP".to_owned(),
                    expected_share: 0.1,
                    kind: None
                },
            ]
        );
        assert_eq!(
            constituencies("constituency,expected_share\ncarer,1.5\n").unwrap_err(),
            "constituencies.csv:2: expected_share must be a number from 0 to 1, found \"1.5\""
        );
        assert_eq!(
            constituencies("constituency,expected_share,kind\ncarer,0.5,expert\n").unwrap_err(),
            "constituencies.csv:2: kind must be lay or professional, found \"expert\""
        );
        assert_eq!(
            constituencies("constituency,expected_share\na,0.5\na,0.1\n").unwrap_err(),
            "constituencies.csv:3: constituency \"a\" appears twice (also on line 2)"
        );
        assert_eq!(
            constituencies("constituency\na\n").unwrap_err(),
            "constituencies.csv:1: missing column \"expected_share\" (the header is \"constituency\")"
        );
    }

    #[test]
    fn memberships_split_names_on_semicolons() {
        let read = memberships("participant,constituencies\n7,carer; GP;carer\n3,\n").unwrap();
        assert_eq!(read[0].participant, ParticipantId(3));
        assert!(read[0].constituencies.is_empty());
        assert_eq!(read[1].constituencies, vec!["carer", "GP"]);
        assert_eq!(
            memberships("participant,constituencies\nx,carer\n").unwrap_err(),
            "participants.csv:2: participant must be a whole number from 0 to 4294967295, found \"x\""
        );
        assert_eq!(
            memberships("participant,constituencies\n1,a\n1,b\n").unwrap_err(),
            "participants.csv:3: participant 1 appears twice (also on line 2)"
        );
    }

    #[test]
    fn unknown_constituency_names_are_refused() {
        let known = constituencies("constituency,expected_share\ncarer,0.5\n").unwrap();
        let members = memberships("participant,constituencies\n1,carer;nurse\n").unwrap();
        let error = check_names(
            &members,
            &known,
            Path::new("participants.csv"),
            Path::new("constituencies.csv"),
        )
        .unwrap_err();
        assert!(error.to_string().contains("\"nurse\""));
    }

    proptest! {
        #[test]
        fn any_bytes_read_or_give_a_clear_error(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            if let Err(error) = parse_constituencies(&bytes, Path::new("constituencies.csv")) {
                prop_assert_eq!(check_clear_error(&error.to_string(), "constituencies.csv"), Ok(()));
            }
            if let Err(error) = parse_memberships(&bytes, Path::new("participants.csv")) {
                prop_assert_eq!(check_clear_error(&error.to_string(), "participants.csv"), Ok(()));
            }
        }

        #[test]
        fn participant_ids_are_read_exactly_or_refused_at_their_line(
            ids in proptest::collection::vec(proptest::sample::select(vec![
                ("0", Some(0)), ("7", Some(7)), ("4294967295", Some(u32::MAX)), (" 9 ", Some(9)),
                ("-1", None), ("4294967296", None), ("18446744073709551616", None), ("+3", None),
                ("", None), ("1.0", None), ("\u{663}", None),
            ]), 0..8),
        ) {
            let mut text = String::from("participant,constituencies\n");
            for (id, _) in &ids {
                text.push_str(&format!("{id},carer\n"));
            }
            let first_refused = ids.iter().position(|(_, id)| id.is_none());
            let mut seen = std::collections::BTreeSet::new();
            let first_repeat = ids.iter().position(|(_, id)| id.is_some_and(|id| !seen.insert(id)));
            match (parse_memberships(text.as_bytes(), Path::new("participants.csv")), first_refused) {
                (Ok(read), None) => {
                    prop_assert_eq!(first_repeat, None);
                    let mut expected: Vec<u32> = ids.iter().filter_map(|(_, id)| *id).collect();
                    expected.sort_unstable();
                    prop_assert_eq!(read.iter().map(|member| member.participant.0).collect::<Vec<_>>(), expected);
                }
                (Err(error), Some(index)) => {
                    let message = error.to_string();
                    prop_assert_eq!(check_clear_error(&message, "participants.csv"), Ok(()));
                    let expected = format!("participants.csv:{}: participant must be", index + 2);
                    prop_assert!(message.starts_with(&expected), "{}", message);
                }
                (Err(error), None) => {
                    prop_assert!(first_repeat.is_some(), "{}", error);
                    prop_assert!(error.to_string().contains("appears twice"), "{}", error);
                }
                (Ok(read), Some(index)) => prop_assert!(false, "read {:?} despite row {}", read, index),
            }
        }
    }
}
