//! End-to-end tests of `commonground analyze`: the built binary on the bundled Pol.is data,
//! on broken inputs written to temporary folders, and against Pol.is's own output.

#![allow(clippy::float_cmp, reason = "exact equalities are asserted on purpose")]
#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

#[path = "support/schema.rs"]
mod schema;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/analysis.schema.json"
);

fn data(path: &str) -> PathBuf {
    Path::new(DATA).join(path)
}

fn folders(kind: &str) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(data(kind))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    assert!(!folders.is_empty(), "no folders in {kind}");
    folders
}

fn all_folders() -> Vec<PathBuf> {
    let mut all = folders("polis-opendata");
    all.extend(folders("polis-math-fixtures"));
    all
}

/// Runs the binary with the given arguments.
fn commonground(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commonground"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn analyze(folder: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["analyze", folder.to_str().unwrap()];
    args.extend_from_slice(extra);
    commonground(&args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn succeed(output: Output) -> Output {
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    output
}

fn json(folder: &Path, format: &str, extra: &[&str]) -> Value {
    let mut args = vec!["--format", format];
    args.extend_from_slice(extra);
    let output = succeed(analyze(folder, &args));
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

/// Copies a bundled conversation into a temporary folder, to be changed by a test.
fn copy_of(source: &Path) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
    }
    folder
}

fn fails_with(output: &Output, code: i32, message: &str) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stderr: {}",
        stderr(output)
    );
    assert!(
        stderr(output).contains(message),
        "stderr does not contain {message:?}: {}",
        stderr(output)
    );
}

#[test]
fn every_bundled_conversation_is_summarised() {
    for folder in all_folders() {
        let output = succeed(analyze(&folder, &[]));
        let report = stdout(&output);
        assert!(report.contains("Opinion groups: "), "{report}");
        assert!(report.contains("Common ground, every group"), "{report}");
        assert!(report.contains("Voice audit"), "{report}");
    }
}

#[test]
fn the_summary_names_the_superseded_rows_and_the_groups() {
    let output = succeed(analyze(&data("polis-opendata/brexit-consensus"), &[]));
    assert!(stderr(&output).contains("note: 9 of 5312 vote rows were superseded"));
    let report = stdout(&output);
    assert!(
        report.starts_with("Can there be consensus on Brexit?\n"),
        "{report}"
    );
    assert!(report.contains("5,303 latest votes from 5,312 rows (9 superseded"));
    assert!(report.contains("Group 1 (id 0): "));
}

#[test]
fn json_output_validates_against_the_schema() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    for folder in all_folders() {
        let document = json(&folder, "json", &[]);
        let errors = schema::validate(&schema, &document);
        assert!(errors.is_empty(), "{}: {errors:#?}", folder.display());
        assert_eq!(document["format"], "commonground-analysis");
        assert!(!document["groups"].as_array().unwrap().is_empty());
        // The server and the report pages read the same document strictly.
        let read = server::report::document::read(&document.to_string())
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()));
        assert_eq!(
            read.statements.len(),
            document["statements"].as_array().unwrap().len()
        );
    }
}

/// The whole analysis document of a bundled conversation, read through the document's own
/// types, against the committed snapshot: any change to a field shows in review.
#[test]
fn the_document_of_a_bundled_conversation_matches_its_snapshot() {
    let folder = Path::new(DATA)
        .join("polis-math-fixtures")
        .join("below-100-ptpts");
    let output = succeed(analyze(&folder, &["--format", "json", "--seed", "42"]));
    let document = server::report::document::read(&stdout(&output)).expect("reads strictly");
    insta::assert_json_snapshot!("below-100-ptpts", document);
}

#[test]
fn json_with_constituencies_validates_and_reports_them() {
    let folder = with_constituencies();
    let document = json(folder.path(), "json", &[]);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let errors = schema::validate(&schema, &document);
    assert!(errors.is_empty(), "{errors:#?}");
    let voice = &document["voice"]["constituencies"];
    assert_eq!(voice.as_array().unwrap().len(), 3);
    assert_eq!(voice[0]["name"], "carer");
    assert_eq!(voice[0]["kind"], "lay");
    assert_eq!(voice[0]["expected_share"], 0.3);
    assert!(document["differences"]["lay_professional"].is_object());
    let participant = document["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|participant| participant["id"] == 12)
        .unwrap();
    assert_eq!(
        participant["constituencies"],
        serde_json::json!(["carer", "GP"])
    );
    let statement = &document["statements"][0]["common_ground"];
    assert_eq!(statement["constituencies"].as_array().unwrap().len(), 3);

    let report = stdout(&succeed(analyze(folder.path(), &[])));
    assert!(report.contains("resident"), "{report}");
    assert!(report.contains("under-represented"), "{report}");
}

#[test]
fn weighting_is_equal_by_default_with_constituencies_and_chosen_on_the_command_line() {
    let folder = with_constituencies();
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let equal = json(folder.path(), "json", &[]);
    assert_eq!(equal["weighting"]["method"], "equal");
    assert!(equal["weighting"]["design_effect"].as_f64().unwrap() > 1.0);
    let framed = json(
        folder.path(),
        "json",
        &[
            "--weighting",
            "frame",
            "--frame-shares",
            "carer=0.2,GP=0.05,resident=0.6",
        ],
    );
    let errors = schema::validate(&schema, &framed);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(framed["weighting"]["method"], "frame");
    assert_eq!(
        framed["voice"]["constituencies"][1]["population_share"],
        0.05
    );
    let head = json(folder.path(), "json", &["--weighting", "head-count"]);
    assert_eq!(head["weighting"]["method"], "head_count");
    assert_eq!(head["weighting"]["design_effect"], 1.0);
    // Weighting moves no part of the Pol.is analysis.
    assert_eq!(head["groups"], framed["groups"]);
    assert_eq!(head["pca"], framed["pca"]);

    let summary = stdout(&succeed(analyze(folder.path(), &["--weighting", "equal"])));
    assert!(summary.contains("Weighting     equal"), "{summary}");

    fails_with(
        &analyze(
            folder.path(),
            &["--weighting", "frame", "--frame-shares", "nurse=0.2"],
        ),
        2,
        "no constituency is named `nurse`",
    );
    fails_with(
        &analyze(
            folder.path(),
            &["--weighting", "frame", "--frame-shares", "carer=2"],
        ),
        2,
        "must be a number from 0 to 1",
    );
    fails_with(
        &analyze(
            folder.path(),
            &["--weighting", "equal", "--frame-shares", "carer=0.2"],
        ),
        2,
        "--frame-shares needs --weighting frame",
    );
}

/// Brexit with three constituencies beside the votes: carers (lay), GPs (professional) and
/// residents (lay, expected at half but a fifth).
fn with_constituencies() -> tempfile::TempDir {
    let folder = copy_of(&data("polis-opendata/brexit-consensus"));
    let mut participants = String::from("participant,constituencies\n");
    for participant in 0..204u32 {
        let mut names = Vec::new();
        if participant % 3 == 0 {
            names.push("carer");
        }
        if participant % 4 == 0 {
            names.push("GP");
        }
        if participant % 5 == 1 {
            names.push("resident");
        }
        participants.push_str(&format!("{participant},{}\n", names.join(";")));
    }
    std::fs::write(folder.path().join("participants.csv"), participants).unwrap();
    std::fs::write(
        folder.path().join("constituencies.csv"),
        "constituency,expected_share,kind\ncarer,0.3,lay\nGP,0.2,professional\nresident,0.5,lay\n",
    )
    .unwrap();
    folder
}

#[test]
fn the_schema_check_catches_missing_keys_wrong_types_and_extra_keys() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let document = json(&data("polis-opendata/london.youth.policing"), "json", &[]);
    assert!(schema::validate(&schema, &document).is_empty());

    let mut missing = document.clone();
    missing["input"]
        .as_object_mut()
        .unwrap()
        .remove("superseded_votes");
    assert!(
        schema::validate(&schema, &missing)
            .iter()
            .any(|error| error.contains("missing required key superseded_votes"))
    );
    let mut wrong = document.clone();
    wrong["statements"][1]["votes"]["agree"] = Value::from(-1);
    assert!(
        schema::validate(&schema, &wrong)
            .iter()
            .any(|error| error.contains("$.statements[1].votes.agree"))
    );
    let mut extra = document;
    extra["groups"][0]["colour"] = Value::from("red");
    assert!(
        schema::validate(&schema, &extra)
            .iter()
            .any(|error| error.contains("key colour is not in the schema"))
    );
}

#[test]
fn polis_output_has_the_keys_of_math_pca2() {
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string(data(
            "polis-math-fixtures/25ptpt-3gp-no-strict-with-meta/math-pca2.json",
        ))
        .unwrap(),
    )
    .unwrap();
    let keys = |value: &Value| {
        let mut keys: Vec<String> = value
            .as_object()
            .unwrap()
            .keys()
            .filter(|key| *key != "math_tick")
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    for folder in all_folders() {
        let output = json(&folder, "polis", &[]);
        let fixture = folder.join("math-pca2.json");
        let expected = if fixture.is_file() {
            serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap()
        } else {
            reference.clone()
        };
        assert_eq!(keys(&output), keys(&expected), "{}", folder.display());
        assert_eq!(keys(&output["pca"]), keys(&expected["pca"]));
        assert_eq!(
            keys(&output["base-clusters"]),
            keys(&expected["base-clusters"])
        );
    }
}

fn floats(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn assert_close(actual: &[f64], expected: &[f64], tolerance: f64, what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: lengths");
    for (index, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert!(
            (a - e).abs() <= tolerance,
            "{what}[{index}]: {a} against {e} (tolerance {tolerance})"
        );
    }
}

fn assert_relative(actual: f64, expected: f64, tolerance: f64, what: &str) {
    let scale = expected.abs().max(f64::MIN_POSITIVE);
    assert!(
        (actual - expected).abs() / scale <= tolerance,
        "{what}: {actual} against {expected}"
    );
}

fn sorted_ids(value: &Value) -> Vec<u64> {
    let mut ids: Vec<u64> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_u64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn polis_output_matches_the_25ptpt_fixture_within_the_specified_tolerances() {
    let folder = data("polis-math-fixtures/25ptpt-3gp-no-strict-with-meta");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("math-pca2.json")).unwrap())
            .unwrap();
    let actual = json(&folder, "polis", &[]);

    for key in [
        "n",
        "n-cmts",
        "tids",
        "user-vote-counts",
        "lastVoteTimestamp",
    ] {
        assert_eq!(actual[key], expected[key], "{key}");
    }
    for key in ["in-conv", "mod-out", "mod-in", "meta-tids"] {
        assert_eq!(
            sorted_ids(&actual[key]),
            sorted_ids(&expected[key]),
            "{key}"
        );
    }

    let pca = &actual["pca"];
    let fixture_pca = &expected["pca"];
    assert_close(
        &floats(&pca["center"]),
        &floats(&fixture_pca["center"]),
        1e-12,
        "center",
    );
    for component in 0..2 {
        let ours = floats(&pca["comps"][component]);
        let theirs = floats(&fixture_pca["comps"][component]);
        let distance = |sign: f64| {
            ours.iter()
                .zip(&theirs)
                .map(|(a, e)| (a - sign * e).abs())
                .fold(0.0, f64::max)
        };
        assert!(
            distance(1.0).min(distance(-1.0)) <= 1e-6,
            "comps[{component}]"
        );
    }
    for axis in 0..2 {
        assert_close(
            &floats(&pca["comment-projection"][axis]),
            &floats(&fixture_pca["comment-projection"][axis]),
            1e-12,
            "comment-projection",
        );
    }
    assert_close(
        &floats(&pca["comment-extremity"]),
        &floats(&fixture_pca["comment-extremity"]),
        1e-12,
        "comment-extremity",
    );

    let base = &actual["base-clusters"];
    let fixture_base = &expected["base-clusters"];
    assert_eq!(base["id"], fixture_base["id"]);
    assert_eq!(base["members"], fixture_base["members"]);
    assert_eq!(base["count"], fixture_base["count"]);
    assert_close(&floats(&base["x"]), &floats(&fixture_base["x"]), 1e-9, "x");
    assert_close(&floats(&base["y"]), &floats(&fixture_base["y"]), 1e-9, "y");

    let groups = actual["group-clusters"].as_array().unwrap();
    let fixture_groups = expected["group-clusters"].as_array().unwrap();
    assert_eq!(groups.len(), 3);
    assert_eq!(groups.len(), fixture_groups.len());
    for (group, fixture_group) in groups.iter().zip(fixture_groups) {
        assert_eq!(group["id"], fixture_group["id"]);
        assert_eq!(group["members"], fixture_group["members"]);
        assert_close(
            &floats(&group["center"]),
            &floats(&fixture_group["center"]),
            1e-12,
            "group centre",
        );
    }

    assert_eq!(actual["votes-base"], expected["votes-base"]);
    assert_eq!(actual["group-votes"], expected["group-votes"]);

    for (group, entries) in expected["repness"].as_object().unwrap() {
        let ours = actual["repness"][group].as_array().unwrap();
        let theirs = entries.as_array().unwrap();
        assert_eq!(ours.len(), theirs.len(), "repness of group {group}");
        for (entry, fixture_entry) in ours.iter().zip(theirs) {
            for key in [
                "tid",
                "n-success",
                "n-trials",
                "repful-for",
                "n-agree",
                "best-agree",
            ] {
                assert_eq!(
                    entry.get(key),
                    fixture_entry.get(key),
                    "repness {group} {key}"
                );
            }
            // Written as the shortest f32, so exactly Pol.is's text.
            assert_eq!(entry["repness-test"], fixture_entry["repness-test"]);
            for key in ["p-success", "p-test", "repness"] {
                assert_relative(
                    entry[key].as_f64().unwrap(),
                    fixture_entry[key].as_f64().unwrap(),
                    1e-9,
                    key,
                );
            }
        }
    }

    for side in ["agree", "disagree"] {
        let ours = actual["consensus"][side].as_array().unwrap();
        let theirs = expected["consensus"][side].as_array().unwrap();
        assert_eq!(ours.len(), theirs.len(), "consensus {side}");
        for (entry, fixture_entry) in ours.iter().zip(theirs) {
            assert_eq!(entry["tid"], fixture_entry["tid"]);
            assert_eq!(entry["n-success"], fixture_entry["n-success"]);
            assert_eq!(entry["n-trials"], fixture_entry["n-trials"]);
            for key in ["p-success", "p-test"] {
                assert_relative(
                    entry[key].as_f64().unwrap(),
                    fixture_entry[key].as_f64().unwrap(),
                    1e-9,
                    key,
                );
            }
        }
    }

    for (key, tolerance) in [
        ("group-aware-consensus", 1e-12),
        ("comment-priorities", 1e-12),
    ] {
        let ours = actual[key].as_object().unwrap();
        let theirs = expected[key].as_object().unwrap();
        assert_eq!(ours.len(), theirs.len(), "{key}");
        for (tid, value) in theirs {
            assert_relative(
                ours[tid].as_f64().unwrap(),
                value.as_f64().unwrap(),
                tolerance,
                key,
            );
        }
    }
}

/// Writes an open-data folder with the given votes.csv body (after the header).
fn opendata_folder(votes: &[u8]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let mut bytes = b"timestamp,datetime,comment-id,voter-id,vote\n".to_vec();
    bytes.extend_from_slice(votes);
    std::fs::write(folder.path().join("votes.csv"), bytes).unwrap();
    std::fs::write(
        folder.path().join("comments.csv"),
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n\
         1,,0,0,1,0,1,First\n1,,1,1,1,0,1,Second\n",
    )
    .unwrap();
    folder
}

#[test]
fn malformed_votes_fail_with_file_line_and_reason() {
    let cases: [(&[u8], &str); 6] = [
        (
            b"1,,0,0,1\n2,,1,0,2\n",
            "votes.csv:3: vote must be -1, 0 or 1, found \"2\"",
        ),
        (
            b"1,,0,4294967296,1\n",
            "votes.csv:2: voter-id must be a whole number from 0 to 4294967295, found \"4294967296\"",
        ),
        (
            b"1,,0,0\n",
            "votes.csv:2: expected 5 fields like the header, found 4",
        ),
        (
            b"1.5,,0,0,1\n",
            "votes.csv:2: timestamp must be a whole number of milliseconds, found \"1.5\"",
        ),
        (b"1,,0,0,1\n1,\xff,0,1,1\n", "votes.csv:3: invalid UTF-8"),
        (
            b"1,\"unclosed,0,0,1\n",
            "votes.csv:2: a quoted field has no closing quote",
        ),
    ];
    for (body, message) in cases {
        let folder = opendata_folder(body);
        fails_with(&analyze(folder.path(), &[]), 1, message);
    }
}

#[test]
fn missing_columns_and_empty_files_are_clear_errors() {
    let folder = opendata_folder(b"");
    std::fs::write(
        folder.path().join("votes.csv"),
        "timestamp,comment-id,vote\n1,0,1\n",
    )
    .unwrap();
    fails_with(
        &analyze(folder.path(), &[]),
        1,
        "votes.csv:1: missing column \"voter-id\"",
    );
    std::fs::write(folder.path().join("votes.csv"), "").unwrap();
    fails_with(&analyze(folder.path(), &[]), 1, "votes.csv is empty");

    let folder = opendata_folder(b"1,,0,0,1\n");
    std::fs::write(
        folder.path().join("comments.csv"),
        "comment-id,moderated,comment-body\n0,9,text\n",
    )
    .unwrap();
    fails_with(
        &analyze(folder.path(), &[]),
        1,
        "comments.csv:2: moderated must be -1, 0 or 1, found \"9\"",
    );
}

#[test]
fn malformed_api_dumps_fail_with_file_line_and_reason() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("votes.json"),
        "[\n  {\"pid\": 0, \"tid\": 0, \"vote\": 1, \"modified\": 10},\n  {\"pid\": 1, \"tid\": 0, \"vote\": 7, \"modified\": 11}\n]\n",
    )
    .unwrap();
    std::fs::write(
        folder.path().join("comments.json"),
        "[{\"tid\": 0, \"txt\": \"a\"}]",
    )
    .unwrap();
    fails_with(&analyze(folder.path(), &[]), 1, "votes.json:3:");
    fails_with(
        &analyze(folder.path(), &[]),
        1,
        "vote must be -1, 0 or 1, found 7",
    );

    std::fs::write(folder.path().join("votes.json"), "[]").unwrap();
    std::fs::write(folder.path().join("math-pca2.json"), "{\"n\": 1}").unwrap();
    fails_with(
        &analyze(folder.path(), &[]),
        1,
        "math-pca2.json:1:8: missing field `n-cmts`",
    );
}

#[test]
fn a_folder_of_neither_layout_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    fails_with(
        &analyze(folder.path(), &[]),
        1,
        "holds neither votes.csv and comments.csv (Pol.is open data) nor votes.json and comments.json (Pol.is API dump)",
    );
    std::fs::write(folder.path().join("votes.csv"), "x\n").unwrap();
    fails_with(
        &analyze(folder.path(), &[]),
        1,
        "has votes.csv but no comments.csv",
    );
    fails_with(
        &analyze(&folder.path().join("absent"), &[]),
        1,
        "does not exist or cannot be read",
    );
}

#[test]
fn usage_mistakes_exit_with_2() {
    fails_with(&commonground(&["analyze"]), 2, "PATH");
    fails_with(
        &commonground(&["analyze", DATA, "--format", "xml"]),
        2,
        "invalid value 'xml'",
    );
    fails_with(&commonground(&["frobnicate"]), 2, "unrecognized subcommand");
    let help = commonground(&["analyze", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("--vote-sign"));
}

#[test]
fn unknown_constituency_names_are_refused() {
    let folder = with_constituencies();
    std::fs::write(
        folder.path().join("participants.csv"),
        "participant,constituencies\n1,carer;nurse\n",
    )
    .unwrap();
    fails_with(
        &analyze(folder.path(), &[]),
        1,
        "participant 1 belongs to \"nurse\", which",
    );
    let other = tempfile::tempdir().unwrap();
    let memberships = other.path().join("members.csv");
    std::fs::write(&memberships, "participant,constituencies\n1,x\nz,y\n").unwrap();
    fails_with(
        &analyze(
            &data("polis-opendata/brexit-consensus"),
            &["--participants", memberships.to_str().unwrap()],
        ),
        1,
        "members.csv:3: participant must be a whole number",
    );
}

/// Rewrites a votes.csv with every vote negated.
fn flip_csv_votes(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let mut flipped = format!("{}\n", lines.next().unwrap());
    for line in lines {
        let (rest, vote) = line.rsplit_once(',').unwrap();
        let vote = match vote {
            "1" => "-1",
            "-1" => "1",
            other => other,
        };
        flipped.push_str(&format!("{rest},{vote}\n"));
    }
    std::fs::write(path, flipped).unwrap();
}

fn groups_and_members(document: &Value) -> (Value, Vec<(Value, Value)>) {
    let participants = document["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|participant| (participant["id"].clone(), participant["group"].clone()))
        .collect();
    (document["groups"].clone(), participants)
}

#[test]
fn a_raw_convention_file_is_refused_and_read_with_agree_negative() {
    let original = data("polis-opendata/brexit-consensus");
    let folder = copy_of(&original);
    flip_csv_votes(&folder.path().join("votes.csv"));

    let refused = analyze(folder.path(), &[]);
    fails_with(&refused, 1, "pass --vote-sign agree-negative");
    fails_with(&refused, 1, "(27 disagree, 0 agree)");

    let flipped = json(folder.path(), "json", &["--vote-sign", "agree-negative"]);
    let plain = json(&original, "json", &[]);
    assert_eq!(flipped["input"]["votes_negated"], true);
    assert_eq!(groups_and_members(&flipped), groups_and_members(&plain));
    assert_eq!(flipped["common_ground"], plain["common_ground"]);

    // Reading it as it is stays possible, and gives another analysis.
    let as_is = json(folder.path(), "json", &["--vote-sign", "agree-positive"]);
    assert_ne!(as_is["common_ground"], plain["common_ground"]);
}

#[test]
fn a_raw_api_dump_is_refused_too() {
    let folder = copy_of(&data("polis-math-fixtures/25ptpt-3gp-no-strict-with-meta"));
    let path = folder.path().join("votes.json");
    let mut votes: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for vote in votes.as_array_mut().unwrap() {
        let value = vote["vote"].as_i64().unwrap();
        vote["vote"] = Value::from(-value);
    }
    std::fs::write(&path, serde_json::to_vec(&votes).unwrap()).unwrap();
    fails_with(
        &analyze(folder.path(), &[]),
        1,
        "--vote-sign agree-negative",
    );
    let output = json(folder.path(), "polis", &["--vote-sign", "agree-negative"]);
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(
            data("polis-math-fixtures/25ptpt-3gp-no-strict-with-meta").join("math-pca2.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(output["group-votes"], fixture["group-votes"]);
}

#[test]
fn the_same_seed_gives_identical_bytes() {
    for folder in [
        data("polis-opendata/scoop-hivemind.ubi"),
        data("polis-math-fixtures/below-100-ptpts"),
    ] {
        for format in ["json", "polis", "summary"] {
            let first = succeed(analyze(&folder, &["--format", format, "--seed", "7"]));
            let second = succeed(analyze(&folder, &["--format", format, "--seed", "7"]));
            assert_eq!(first.stdout, second.stdout, "{format}");
            assert!(!first.stdout.is_empty());
        }
    }
}

/// Reorders the data lines of a CSV file by a fixed permutation, keeping the header first.
fn shuffle_csv(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    // A fixed linear congruential sequence: no randomness, but far from the original order.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for index in (1..lines.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let other = usize::try_from(state >> 33).unwrap() % (index + 1);
        lines.swap(index, other);
    }
    let mut shuffled = format!("{header}\n");
    for line in lines {
        shuffled.push_str(line);
        shuffled.push('\n');
    }
    std::fs::write(path, shuffled).unwrap();
}

#[test]
fn shuffled_rows_give_identical_bytes() {
    let original = data("polis-opendata/15-per-hour-seattle");
    let folder = copy_of(&original);
    shuffle_csv(&folder.path().join("votes.csv"));
    assert_ne!(
        std::fs::read(folder.path().join("votes.csv")).unwrap(),
        std::fs::read(original.join("votes.csv")).unwrap()
    );
    for format in ["json", "polis"] {
        let plain = succeed(analyze(&original, &["--format", format]));
        let shuffled = succeed(analyze(folder.path(), &["--format", format]));
        assert_eq!(plain.stdout, shuffled.stdout, "{format}");
    }
}

#[test]
fn superseded_votes_are_counted_in_the_json() {
    let document = json(&data("polis-opendata/15-per-hour-seattle"), "json", &[]);
    assert_eq!(document["input"]["superseded_votes"], 123);
    assert_eq!(
        document["input"]["vote_rows"].as_u64().unwrap()
            - document["input"]["votes"].as_u64().unwrap(),
        123
    );
}

#[test]
fn out_writes_the_file_and_nothing_to_stdout() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("analysis.json");
    let output = succeed(analyze(
        &data("polis-opendata/london.youth.policing"),
        &["--format", "json", "--out", path.to_str().unwrap()],
    ));
    assert!(output.stdout.is_empty());
    let written: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(written["format"], "commonground-analysis");
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);

    let missing = folder.path().join("absent").join("analysis.json");
    fails_with(
        &analyze(
            &data("polis-opendata/london.youth.policing"),
            &["--out", missing.to_str().unwrap()],
        ),
        1,
        "cannot write",
    );
}

#[test]
fn the_votes_file_may_be_named_instead_of_its_folder() {
    let folder = data("polis-opendata/london.youth.policing");
    let by_folder = succeed(analyze(&folder, &["--format", "polis"]));
    let by_file = succeed(analyze(&folder.join("votes.csv"), &["--format", "polis"]));
    assert_eq!(by_folder.stdout, by_file.stdout);
}

#[test]
fn a_dialogue_without_votes_is_analysed_with_warnings() {
    let folder = opendata_folder(b"");
    let output = succeed(analyze(folder.path(), &["--format", "json"]));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["input"]["votes"], 0);
    assert!(
        document["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|warning| warning == "There are no votes to analyse.")
    );
    // Each warning is kept as data too, for the report to say in the reader's language.
    assert_eq!(
        document["notices"].as_array().unwrap().len(),
        document["warnings"].as_array().unwrap().len()
    );
    assert!(
        document["notices"]
            .as_array()
            .unwrap()
            .iter()
            .any(|notice| notice["kind"] == "no_votes")
    );
    succeed(analyze(folder.path(), &[]));
    succeed(analyze(folder.path(), &["--format", "polis"]));
}

/// A copy of an API dump folder without Pol.is's own state, so that only the votes, statements
/// and conversation remain.
fn without_polis_state(source: &Path) -> tempfile::TempDir {
    let folder = copy_of(source);
    std::fs::remove_file(folder.path().join("math-pca2.json")).unwrap();
    folder
}

/// Each group id of a `--format polis` document with the participants of its base clusters.
fn groups_by_participant(document: &Value) -> Vec<(u64, Vec<u64>)> {
    let base = &document["base-clusters"];
    let base_ids: Vec<u64> = base["id"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_u64().unwrap())
        .collect();
    let mut groups: Vec<(u64, Vec<u64>)> = document["group-clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|group| {
            let mut participants: Vec<u64> = group["members"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|base_id| {
                    let index = base_ids
                        .iter()
                        .position(|id| Some(*id) == base_id.as_u64())
                        .unwrap();
                    sorted_ids(&base["members"][index])
                })
                .collect();
            participants.sort_unstable();
            (group["id"].as_u64().unwrap(), participants)
        })
        .collect();
    groups.sort();
    groups
}

#[test]
fn replay_history_recovers_pol_is_groups_from_the_votes_alone() {
    let original = data("polis-math-fixtures/25ptpt-3gp-no-strict-with-meta");
    let folder = without_polis_state(&original);
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(original.join("math-pca2.json")).unwrap())
            .unwrap();

    // A cold start puts some participants into other groups than Pol.is did.
    let cold = json(folder.path(), "polis", &[]);
    assert_ne!(
        groups_by_participant(&cold),
        groups_by_participant(&expected)
    );

    let replayed = json(folder.path(), "polis", &["--replay-history"]);
    assert_eq!(
        groups_by_participant(&replayed),
        groups_by_participant(&expected)
    );
    assert_eq!(
        sorted_ids(&replayed["in-conv"]),
        sorted_ids(&expected["in-conv"])
    );
    assert_eq!(replayed["group-votes"], expected["group-votes"]);
    for (tid, priority) in expected["comment-priorities"].as_object().unwrap() {
        assert_relative(
            replayed["comment-priorities"][tid].as_f64().unwrap(),
            priority.as_f64().unwrap(),
            1e-12,
            "comment-priorities",
        );
    }
    // Pol.is's cadence is the default.
    let at_one_second = json(
        folder.path(),
        "polis",
        &["--replay-history", "--replay-cadence-ms", "1000"],
    );
    assert_eq!(at_one_second, replayed);
    // Windows of 30 s miss the history that made three groups.
    let coarse = json(
        folder.path(),
        "polis",
        &["--replay-history", "--replay-cadence-ms", "30000"],
    );
    assert_eq!(coarse["group-clusters"].as_array().unwrap().len(), 2);
}

#[test]
fn pol_is_state_is_used_instead_of_a_replay_with_a_note() {
    let folder = data("polis-math-fixtures/25ptpt-3gp-no-strict-with-meta");
    let plain = succeed(analyze(&folder, &["--format", "json"]));
    let asked = succeed(analyze(&folder, &["--format", "json", "--replay-history"]));
    assert_eq!(asked.stdout, plain.stdout);
    assert!(
        stderr(&asked).contains("so the history was not replayed"),
        "{}",
        stderr(&asked)
    );
    assert!(!stderr(&plain).contains("replayed"));
    let document: Value = serde_json::from_slice(&asked.stdout).unwrap();
    assert_eq!(document["dialogue"]["continues_polis_state"], true);
}

#[test]
fn a_replayed_history_gives_identical_bytes_whatever_the_row_order() {
    let original = data("polis-opendata/15-per-hour-seattle");
    let folder = copy_of(&original);
    shuffle_csv(&folder.path().join("votes.csv"));
    let first = succeed(analyze(
        &original,
        &["--format", "json", "--replay-history"],
    ));
    let second = succeed(analyze(
        &original,
        &["--format", "json", "--replay-history"],
    ));
    let shuffled = succeed(analyze(
        folder.path(),
        &["--format", "json", "--replay-history"],
    ));
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(first.stdout, shuffled.stdout);
    let document: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(document["dialogue"]["continues_polis_state"], false);
    // The replay changes the history-dependent part of the analysis, not the votes read.
    let cold = json(&original, "json", &[]);
    assert_eq!(document["input"], cold["input"]);
    assert_eq!(document["pca"]["center"], cold["pca"]["center"]);
}

#[test]
fn the_replay_cadence_needs_the_replay_and_a_positive_length() {
    let folder = data("polis-math-fixtures/below-100-ptpts");
    let folder = folder.to_str().unwrap();
    fails_with(
        &commonground(&["analyze", folder, "--replay-cadence-ms", "500"]),
        2,
        "--replay-history",
    );
    fails_with(
        &commonground(&[
            "analyze",
            folder,
            "--replay-history",
            "--replay-cadence-ms",
            "0",
        ]),
        2,
        "invalid value '0'",
    );
}
