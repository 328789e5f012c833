//! Checks the Pol.is statistics against Pol.is's own output and against its open-data exports.
//!
//! The data under `data/` was gathered using the Polis software (compdemocracy.org/polis) and is
//! sub-licensed under CC BY 4.0 with Attribution to The Computational Democracy Project.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use engine::stats::{
    Repful, Tally, consensus, group_informed_consensus, representativeness, routing_priorities,
    tallies_by_cluster,
};
use engine::{ParticipantId, StatementId, Vote, VoteMatrix, VoteRecord};
use proptest::prelude::*;
use serde_json::Value;

const FIXTURES: [&str; 3] = [
    "below-100-ptpts",
    "25ptpt-3gp-no-strict-with-meta",
    "above-100-ptpts",
];

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|error| panic!("{path:?}: {error}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path:?}: {error}"))
}

/// Returns `|actual - expected| <= tolerance * max(|actual|, |expected|)`.
fn is_close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance * actual.abs().max(expected.abs())
}

fn assert_close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        is_close(actual, expected, tolerance),
        "{what}: {actual} != {expected} (relative tolerance {tolerance})"
    );
}

/// Reads a JSON number or numeric string as an integer (the fixtures use all three forms).
#[allow(
    clippy::cast_possible_truncation,
    reason = "timestamps in the fixtures are whole numbers of milliseconds"
)]
fn integer(value: &Value) -> i64 {
    match value {
        Value::String(text) => text.parse().expect("numeric string"),
        Value::Number(number) => number
            .as_i64()
            .or_else(|| number.as_f64().map(|float| float as i64))
            .expect("number"),
        other => panic!("not an integer: {other}"),
    }
}

fn id(value: &Value) -> u32 {
    u32::try_from(integer(value)).expect("ids are u32")
}

/// Returns the first of `keys` present in `object` (the fixtures name fields in two styles).
fn field<'a>(object: &'a Value, keys: &[&str]) -> &'a Value {
    keys.iter()
        .find_map(|key| object.get(key))
        .unwrap_or_else(|| panic!("none of {keys:?} in {object}"))
}

fn number(value: &Value) -> f64 {
    value.as_f64().expect("number")
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "Pol.is prints repness-test as the shortest 32-bit float"
)]
fn as_f32(value: f64) -> f32 {
    value as f32
}

/// One conversation with Pol.is's analysis of it, and the inputs the statistics need.
struct Fixture {
    name: &'static str,
    math: Value,
    matrix: VoteMatrix,
    mod_out: Vec<bool>,
    is_meta: Vec<bool>,
    base_of_row: Vec<Option<usize>>,
    n_base: usize,
    group_of_row: Vec<Option<usize>>,
    n_groups: usize,
}

impl Fixture {
    fn load(name: &'static str) -> Fixture {
        let dir = data_dir().join("polis-math-fixtures").join(name);
        let math = read_json(&dir.join("math-pca2.json"));
        let votes = read_json(&dir.join("votes.json"));
        let comments = read_json(&dir.join("comments.json"));

        let records: Vec<VoteRecord> = votes
            .as_array()
            .expect("votes.json is a list")
            .iter()
            .map(|vote| VoteRecord {
                participant: ParticipantId(id(field(vote, &["participant_id", "pid"]))),
                statement: StatementId(id(field(vote, &["statement_id", "tid"]))),
                vote: Vote::from_value(i8::try_from(integer(&vote["vote"])).expect("small vote"))
                    .expect("votes are -1, 0 or 1"),
                timestamp: integer(&vote["modified"]),
            })
            .collect();
        let matrix = VoteMatrix::from_records(&records);

        let tids: Vec<StatementId> = math["tids"]
            .as_array()
            .expect("tids")
            .iter()
            .map(|tid| StatementId(id(tid)))
            .collect();
        assert_eq!(matrix.statements(), tids.as_slice(), "{name}: columns");
        assert_eq!(
            matrix.n_participants(),
            usize::try_from(integer(&math["n"])).expect("n"),
            "{name}: rows"
        );

        // mod-out from the comments, checked against the one Pol.is used.
        let moderated_out: BTreeSet<u32> = comments
            .as_array()
            .expect("comments.json is a list")
            .iter()
            .filter(|comment| {
                comment["is_meta"].as_bool().expect("is_meta")
                    || integer(field(comment, &["moderated", "mod"])) == -1
            })
            .map(|comment| id(field(comment, &["statement_id", "tid"])))
            .collect();
        let fixture_mod_out: BTreeSet<u32> = math["mod-out"]
            .as_array()
            .expect("mod-out")
            .iter()
            .map(id)
            .collect();
        assert_eq!(moderated_out, fixture_mod_out, "{name}: mod-out");
        let mod_out: Vec<bool> = tids
            .iter()
            .map(|tid| moderated_out.contains(&tid.0))
            .collect();
        let meta_tids: BTreeSet<u32> = math["meta-tids"]
            .as_array()
            .expect("meta-tids")
            .iter()
            .map(id)
            .collect();
        let is_meta: Vec<bool> = tids.iter().map(|tid| meta_tids.contains(&tid.0)).collect();

        // Participant -> base cluster (index in id order) -> group, for in-conv participants.
        let in_conv: BTreeSet<u32> = math["in-conv"]
            .as_array()
            .expect("in-conv")
            .iter()
            .map(id)
            .collect();
        let base_ids: Vec<u32> = math["base-clusters"]["id"]
            .as_array()
            .expect("base ids")
            .iter()
            .map(id)
            .collect();
        assert!(base_ids.is_sorted(), "{name}: base clusters in id order");
        let mut base_of_participant: BTreeMap<u32, usize> = BTreeMap::new();
        for (index, members) in math["base-clusters"]["members"]
            .as_array()
            .expect("base members")
            .iter()
            .enumerate()
        {
            for member in members.as_array().expect("member list") {
                let participant = id(member);
                assert!(
                    in_conv.contains(&participant),
                    "{name}: {participant} in-conv"
                );
                base_of_participant.insert(participant, index);
            }
        }
        let group_clusters = math["group-clusters"].as_array().expect("group-clusters");
        let mut group_of_base: BTreeMap<u32, usize> = BTreeMap::new();
        for (index, group) in group_clusters.iter().enumerate() {
            assert_eq!(integer(&group["id"]), i64::try_from(index).expect("small"));
            for base in group["members"].as_array().expect("group members") {
                group_of_base.insert(id(base), index);
            }
        }
        let base_of_row: Vec<Option<usize>> = matrix
            .participants()
            .iter()
            .map(|participant| base_of_participant.get(&participant.0).copied())
            .collect();
        assert_eq!(
            base_of_row.iter().flatten().count(),
            base_of_participant.len(),
            "{name}: every clustered participant voted"
        );
        let group_of_row = base_of_row
            .iter()
            .map(|base| base.map(|base| group_of_base[&base_ids[base]]))
            .collect();

        Fixture {
            name,
            matrix,
            mod_out,
            is_meta,
            n_base: base_ids.len(),
            base_of_row,
            n_groups: group_clusters.len(),
            group_of_row,
            math,
        }
    }

    fn tids(&self) -> impl Iterator<Item = (usize, String)> + '_ {
        self.matrix
            .statements()
            .iter()
            .enumerate()
            .map(|(column, tid)| (column, tid.to_string()))
    }
}

fn fixtures() -> Vec<Fixture> {
    FIXTURES.into_iter().map(Fixture::load).collect()
}

fn tally_of(value: &Value) -> Tally {
    let count = |key: &str| u32::try_from(integer(&value[key])).expect("count");
    Tally {
        agree: count("A"),
        disagree: count("D"),
        seen: count("S"),
    }
}

#[test]
fn votes_base_matches_polis_exactly() {
    for fixture in fixtures() {
        let tallies = tallies_by_cluster(&fixture.matrix, &fixture.base_of_row, fixture.n_base);
        let votes_base = &fixture.math["votes-base"];
        for (column, tid) in fixture.tids() {
            for (key, pick) in [
                ("A", (|tally: &Tally| tally.agree) as fn(&Tally) -> u32),
                ("D", |tally: &Tally| tally.disagree),
                ("S", |tally: &Tally| tally.seen),
            ] {
                let expected: Vec<u32> = votes_base[&tid][key]
                    .as_array()
                    .expect("counts per base cluster")
                    .iter()
                    .map(id)
                    .collect();
                let actual: Vec<u32> = tallies.iter().map(|base| pick(&base[column])).collect();
                assert_eq!(actual, expected, "{}: votes-base {tid} {key}", fixture.name);
            }
        }
    }
}

#[test]
fn group_votes_match_polis_exactly() {
    for fixture in fixtures() {
        let tallies = tallies_by_cluster(&fixture.matrix, &fixture.group_of_row, fixture.n_groups);
        let group_votes = fixture.math["group-votes"]
            .as_object()
            .expect("group-votes");
        assert_eq!(group_votes.len(), fixture.n_groups);
        for (group, group_tallies) in tallies.iter().enumerate() {
            let expected = &group_votes[&group.to_string()];
            let n_members = fixture
                .group_of_row
                .iter()
                .filter(|row| **row == Some(group))
                .count();
            assert_eq!(
                i64::try_from(n_members).expect("small"),
                integer(&expected["n-members"]),
                "{}: group {group} members",
                fixture.name
            );
            for (column, tid) in fixture.tids() {
                assert_eq!(
                    group_tallies[column],
                    tally_of(&expected["votes"][&tid]),
                    "{}: group {group} statement {tid}",
                    fixture.name
                );
            }
        }
    }
}

#[test]
fn repness_matches_polis() {
    for fixture in fixtures() {
        let selected = representativeness(
            &fixture.matrix,
            &fixture.mod_out,
            &fixture.group_of_row,
            fixture.n_groups,
        );
        let repness = fixture.math["repness"].as_object().expect("repness");
        assert_eq!(selected.len(), repness.len());
        for (group, entries) in selected.iter().enumerate() {
            let expected = repness[&group.to_string()].as_array().expect("entries");
            let what = format!("{}: group {group}", fixture.name);
            let actual_tids: Vec<u32> = entries.iter().map(|entry| entry.statement.0).collect();
            let expected_tids: Vec<u32> = expected.iter().map(|entry| id(&entry["tid"])).collect();
            assert_eq!(actual_tids, expected_tids, "{what}: selected statements");
            for (entry, expected) in entries.iter().zip(expected) {
                let what = format!("{what} statement {}", entry.statement);
                assert_eq!(i64::from(entry.n_success), integer(&expected["n-success"]));
                assert_eq!(i64::from(entry.n_trials), integer(&expected["n-trials"]));
                assert_close(entry.p_success, number(&expected["p-success"]), 1e-9, &what);
                assert_close(entry.p_test, number(&expected["p-test"]), 1e-9, &what);
                assert_close(entry.repness, number(&expected["repness"]), 1e-9, &what);
                // Exact: both sides are the same 32-bit float.
                assert_eq!(
                    entry.repness_test.to_bits(),
                    as_f32(number(&expected["repness-test"])).to_bits(),
                    "{what}: repness-test {} != {}",
                    entry.repness_test,
                    expected["repness-test"]
                );
                let repful_for = match expected["repful-for"].as_str() {
                    Some("agree") => Repful::Agree,
                    Some("disagree") => Repful::Disagree,
                    other => panic!("{what}: repful-for {other:?}"),
                };
                assert_eq!(entry.repful_for, repful_for, "{what}: repful-for");
                let is_best_agree = expected.get("best-agree").and_then(Value::as_bool);
                assert_eq!(entry.best_agree, is_best_agree == Some(true), "{what}");
                let n_agree = expected
                    .get("n-agree")
                    .map(|n| u32::try_from(integer(n)).expect("count"));
                assert_eq!(entry.n_agree, n_agree, "{what}: n-agree");
            }
        }
    }
}

#[test]
fn consensus_matches_polis() {
    for fixture in fixtures() {
        let result = consensus(&fixture.matrix, &fixture.mod_out);
        for (side, entries) in [("agree", &result.agree), ("disagree", &result.disagree)] {
            let expected = fixture.math["consensus"][side].as_array().expect("entries");
            let what = format!("{}: consensus {side}", fixture.name);
            let actual_tids: Vec<u32> = entries.iter().map(|entry| entry.statement.0).collect();
            let expected_tids: Vec<u32> = expected.iter().map(|entry| id(&entry["tid"])).collect();
            assert_eq!(actual_tids, expected_tids, "{what}");
            for (entry, expected) in entries.iter().zip(expected) {
                assert_eq!(i64::from(entry.n_success), integer(&expected["n-success"]));
                assert_eq!(i64::from(entry.n_trials), integer(&expected["n-trials"]));
                assert_close(entry.p_success, number(&expected["p-success"]), 1e-9, &what);
                assert_close(entry.p_test, number(&expected["p-test"]), 1e-9, &what);
            }
        }
    }
}

#[test]
fn group_informed_consensus_matches_polis() {
    for fixture in fixtures() {
        let tallies = tallies_by_cluster(&fixture.matrix, &fixture.group_of_row, fixture.n_groups);
        let gic = group_informed_consensus(&tallies);
        let expected = fixture.math["group-aware-consensus"]
            .as_object()
            .expect("group-aware-consensus");
        assert_eq!(gic.len(), expected.len());
        for (column, tid) in fixture.tids() {
            let what = format!("{}: statement {tid}", fixture.name);
            assert_close(gic[column], number(&expected[&tid]), 1e-12, &what);
        }
    }
}

#[test]
fn routing_priorities_match_polis() {
    for fixture in fixtures() {
        let group_votes = fixture.math["group-votes"]
            .as_object()
            .expect("group-votes");
        let totals: Vec<Tally> = fixture
            .tids()
            .map(|(_, tid)| {
                group_votes
                    .values()
                    .map(|group| tally_of(&group["votes"][&tid]))
                    .sum()
            })
            .collect();
        let extremity: Vec<f64> = fixture.math["pca"]["comment-extremity"]
            .as_array()
            .expect("comment-extremity")
            .iter()
            .map(number)
            .collect();
        let result = routing_priorities(Some(&totals), &extremity, &fixture.is_meta);
        let expected = fixture.math["comment-priorities"]
            .as_object()
            .expect("comment-priorities");
        assert_eq!(result.len(), expected.len());
        for (column, tid) in fixture.tids() {
            let what = format!("{}: statement {tid}", fixture.name);
            assert_close(result[column], number(&expected[&tid]), 1e-12, &what);
        }
    }
}

/// One open-data `participants-votes.csv` row.
struct ParticipantRow {
    participant: u32,
    group: Option<usize>,
    cells: Vec<Option<i8>>,
}

fn csv_reader(path: &Path) -> csv::Reader<fs::File> {
    csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(path)
        .unwrap_or_else(|error| panic!("{path:?}: {error}"))
}

fn column_index(headers: &csv::StringRecord, name: &str) -> usize {
    headers
        .iter()
        .position(|header| header == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn parse_open_data_votes(dir: &Path) -> Vec<VoteRecord> {
    let mut reader = csv_reader(&dir.join("votes.csv"));
    let headers = reader.headers().expect("header").clone();
    let [timestamp, statement, voter, vote] =
        ["timestamp", "comment-id", "voter-id", "vote"].map(|name| column_index(&headers, name));
    reader
        .records()
        .map(|record| {
            let record = record.expect("votes.csv row");
            VoteRecord {
                participant: ParticipantId(record[voter].parse().expect("voter-id")),
                statement: StatementId(record[statement].parse().expect("comment-id")),
                vote: Vote::from_value(record[vote].parse().expect("vote")).expect("-1, 0 or 1"),
                timestamp: record[timestamp].parse().expect("timestamp"),
            }
        })
        .collect()
}

#[test]
fn open_data_participant_votes_equal_the_latest_votes() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(data_dir().join("polis-opendata"))
        .expect("open data folder")
        .map(|entry| entry.expect("folder entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    for dir in &dirs {
        let name = dir
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let matrix = VoteMatrix::from_records(&parse_open_data_votes(dir));

        let mut reader = csv_reader(&dir.join("participants-votes.csv"));
        let headers = reader.headers().expect("header").clone();
        let participant_at = column_index(&headers, "participant");
        let group_at = column_index(&headers, "group-id");
        let [n_votes_at, n_agree_at, n_disagree_at] =
            ["n-votes", "n-agree", "n-disagree"].map(|header| column_index(&headers, header));
        let first_statement = n_disagree_at + 1;
        let statements: Vec<StatementId> = headers
            .iter()
            .skip(first_statement)
            .map(|tid| StatementId(tid.parse().expect("statement column")))
            .collect();
        assert_eq!(
            matrix.statements(),
            statements.as_slice(),
            "{name}: columns"
        );

        let mut rows: Vec<ParticipantRow> = Vec::new();
        for record in reader.records() {
            let record = record.expect("participants-votes row");
            let cells: Vec<Option<i8>> = record
                .iter()
                .skip(first_statement)
                .map(|cell| (!cell.is_empty()).then(|| cell.parse().expect("vote cell")))
                .collect();
            let count = |at: usize| -> usize { record[at].parse().expect("count") };
            let what = format!("{name}: participant {}", &record[participant_at]);
            assert_eq!(count(n_votes_at), cells.iter().flatten().count(), "{what}");
            assert_eq!(
                count(n_agree_at),
                cells.iter().filter(|cell| **cell == Some(1)).count(),
                "{what}"
            );
            assert_eq!(
                count(n_disagree_at),
                cells.iter().filter(|cell| **cell == Some(-1)).count(),
                "{what}"
            );
            rows.push(ParticipantRow {
                participant: record[participant_at].parse().expect("participant"),
                group: (!record[group_at].is_empty())
                    .then(|| record[group_at].parse().expect("group-id")),
                cells,
            });
        }

        // Same rows in the same (Pol.is) order, and every cell is the latest vote.
        let participants: Vec<ParticipantId> = rows
            .iter()
            .map(|row| ParticipantId(row.participant))
            .collect();
        assert_eq!(
            matrix.participants(),
            participants.as_slice(),
            "{name}: rows"
        );
        for (row, participant) in rows.iter().enumerate() {
            for (column, cell) in participant.cells.iter().enumerate() {
                assert_eq!(
                    matrix.get(row, column),
                    *cell,
                    "{name}: participant {} statement {}",
                    participant.participant,
                    statements[column]
                );
            }
        }
        let n_cells: usize = rows
            .iter()
            .map(|row| row.cells.iter().flatten().count())
            .sum();
        assert_eq!(matrix.n_votes(), n_cells, "{name}: votes");

        check_group_informed_consensus(dir, &name, &matrix, &rows);
    }
}

/// Compares the engine's group-informed consensus with one computed straight from the
/// exported cells and groups, and with the export's own column when it has one.
fn check_group_informed_consensus(
    dir: &Path,
    name: &str,
    matrix: &VoteMatrix,
    rows: &[ParticipantRow],
) {
    let n_groups = rows
        .iter()
        .filter_map(|row| row.group)
        .max()
        .map_or(0, |group| group + 1);
    assert!(n_groups >= 2, "{name}: groups");
    let group_of_row: Vec<Option<usize>> = rows.iter().map(|row| row.group).collect();
    let gic = group_informed_consensus(&tallies_by_cluster(matrix, &group_of_row, n_groups));
    assert_eq!(gic.len(), matrix.n_statements());
    for (column, &value) in gic.iter().enumerate() {
        let mut expected = 1.0;
        for group in 0..n_groups {
            let cells = rows
                .iter()
                .filter(|row| row.group == Some(group))
                .filter_map(|row| row.cells[column]);
            let (agree, seen) = cells.fold((0u32, 0u32), |(agree, seen), cell| {
                (agree + u32::from(cell == 1), seen + 1)
            });
            expected *= (f64::from(agree) + 1.0) / (f64::from(seen) + 2.0);
        }
        assert_close(value, expected, 1e-12, &format!("{name}: column {column}"));
    }

    let mut reader = csv_reader(&dir.join("comments.csv"));
    let headers = reader.headers().expect("header").clone();
    let Some(gic_at) = headers
        .iter()
        .position(|header| header == "group-informed-consensus")
    else {
        return;
    };
    let statement_at = column_index(&headers, "comment-id");
    for record in reader.records() {
        let record = record.expect("comments.csv row");
        let statement = StatementId(record[statement_at].parse().expect("comment-id"));
        if let (Some(column), false) = (matrix.column_of(statement), record[gic_at].is_empty()) {
            let exported: f64 = record[gic_at].parse().expect("group-informed-consensus");
            assert_close(
                gic[column],
                exported,
                1e-12,
                &format!("{name}: {statement}"),
            );
        }
    }
}

/// A small random dialogue: votes as (participant, statement, vote), a group (or none) per
/// participant, moderated-out statements, and relabellings of participants and groups.
#[derive(Debug, Clone)]
struct Case {
    votes: Vec<(u32, u32, i8)>,
    group_of_participant: Vec<Option<usize>>,
    mod_out: Vec<bool>,
    participant_relabel: Vec<u32>,
    group_relabel: Vec<usize>,
}

const N_GROUPS: usize = 3;

fn case() -> impl Strategy<Value = Case> {
    (1..24usize, 1..9u32).prop_flat_map(|(n_participants, n_statements)| {
        let participant_count = u32::try_from(n_participants).expect("small");
        (
            prop::collection::vec(
                (0..participant_count, 0..n_statements, -1i8..=1),
                0..(n_participants * 8),
            ),
            prop::collection::vec(prop::option::weighted(0.8, 0..N_GROUPS), n_participants),
            prop::collection::vec(prop::bool::weighted(0.15), n_statements as usize),
            Just(
                (0..participant_count)
                    .map(|id| id * 3 + 100)
                    .collect::<Vec<_>>(),
            )
            .prop_shuffle(),
            Just((0..N_GROUPS).collect::<Vec<_>>()).prop_shuffle(),
        )
            .prop_map(
                |(votes, group_of_participant, mod_out, participant_relabel, group_relabel)| Case {
                    votes,
                    group_of_participant,
                    mod_out,
                    participant_relabel,
                    group_relabel,
                },
            )
    })
}

/// Builds the matrix and the group of each of its rows, renaming participants and groups.
fn build(
    case: &Case,
    participant_name: impl Fn(u32) -> u32,
    group_name: impl Fn(usize) -> usize,
) -> (VoteMatrix, Vec<Option<usize>>) {
    let records: Vec<VoteRecord> = case
        .votes
        .iter()
        .enumerate()
        .map(|(index, &(participant, statement, value))| VoteRecord {
            participant: ParticipantId(participant_name(participant)),
            statement: StatementId(statement),
            vote: Vote::from_value(value).expect("generated votes are -1, 0 or 1"),
            timestamp: i64::try_from(index % 5).expect("small"),
        })
        .collect();
    let matrix = VoteMatrix::from_records(&records);
    let original: BTreeMap<u32, u32> = (0..u32::try_from(case.group_of_participant.len())
        .expect("small"))
        .map(|participant| (participant_name(participant), participant))
        .collect();
    let groups = matrix
        .participants()
        .iter()
        .map(|participant| {
            case.group_of_participant[original[&participant.0] as usize].map(&group_name)
        })
        .collect();
    (matrix, groups)
}

proptest! {
    #[test]
    fn relabelling_participants_and_groups_changes_no_statistic(case in case()) {
        let (matrix, groups) = build(&case, |participant| participant, |group| group);
        let (renamed, renamed_groups) = build(
            &case,
            |participant| case.participant_relabel[participant as usize],
            |group| case.group_relabel[group],
        );
        // Columns are statements, which keep their ids.
        let mod_out: Vec<bool> = matrix
            .statements()
            .iter()
            .map(|statement| case.mod_out[statement.0 as usize])
            .collect();
        prop_assert_eq!(matrix.statements(), renamed.statements());

        let tallies = tallies_by_cluster(&matrix, &groups, N_GROUPS);
        let renamed_tallies = tallies_by_cluster(&renamed, &renamed_groups, N_GROUPS);
        let selected = representativeness(&matrix, &mod_out, &groups, N_GROUPS);
        let renamed_selected = representativeness(&renamed, &mod_out, &renamed_groups, N_GROUPS);
        for group in 0..N_GROUPS {
            let renamed_group = case.group_relabel[group];
            prop_assert_eq!(&tallies[group], &renamed_tallies[renamed_group]);
            prop_assert_eq!(&selected[group], &renamed_selected[renamed_group]);
        }
        prop_assert_eq!(consensus(&matrix, &mod_out), consensus(&renamed, &mod_out));

        // The product runs over groups in another order, so it may differ in the last bit.
        let gic = group_informed_consensus(&tallies);
        let renamed_gic = group_informed_consensus(&renamed_tallies);
        prop_assert_eq!(gic.len(), renamed_gic.len());
        for (a, b) in gic.iter().zip(&renamed_gic) {
            prop_assert!(is_close(*a, *b, 1e-15), "{} != {}", a, b);
        }

        let sum = |tallies: &[Vec<Tally>]| -> Vec<Tally> {
            (0..matrix.n_statements())
                .map(|column| tallies.iter().map(|group| group[column]).sum())
                .collect()
        };
        let extremity: Vec<f64> = (0..matrix.n_statements()).map(|column| column as f64 * 0.25).collect();
        let is_meta: Vec<bool> = mod_out.clone();
        prop_assert_eq!(
            routing_priorities(Some(&sum(&tallies)), &extremity, &is_meta),
            routing_priorities(Some(&sum(&renamed_tallies)), &extremity, &is_meta)
        );
    }
}
