//! End-to-end tests of `commonground map`: the built binary on map files written to temporary
//! folders, its JSON checked against the published schema and against loops and ripples worked
//! out by hand, its GraphML and Kumu output read back, and its refusals.

#![allow(
    clippy::float_cmp,
    reason = "the shared schema validator compares JSON numbers exactly"
)]
#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

#[path = "support/schema.rs"]
mod schema;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};
use server::system_map::document::MapDocument;

const SCHEMA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/map.schema.json");

const FACTORS: &str = "factor,name,partner\n\
    1,Social isolation,Northvale Council\n\
    2,Low mood,Northvale NHS Trust\n\
    3,Physical activity,Northvale Council\n\
    4,GP appointments for low mood,Northvale NHS Trust\n\
    5,Befriending visits,Age Concern Northvale\n";

/// Isolation → low mood → less activity → more isolation is reinforcing (two `-` links);
/// isolation → low mood → GP appointments → befriending referrals → less isolation is
/// balancing (one `-` link).
const LINKS: &str = "from,to,sign,delayed,contested,note\n\
    1,2,+,,,\n\
    2,3,-,,,\n\
    3,1,-,yes,,\n\
    2,4,+,,,\n\
    4,5,+,,yes,Referral data 2025\n\
    5,1,-,,,\n";

fn write(folder: &Path, name: &str, text: &str) {
    std::fs::write(folder.join(name), text).unwrap();
}

fn map_folder(factors: &str, links: &str) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "factors.csv", factors);
    write(folder.path(), "links.csv", links);
    folder
}

fn map(path: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commonground"))
        .arg("map")
        .arg(path)
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn succeeded(output: Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn failed(output: &Output, code: i32) -> String {
    assert_eq!(output.status.code(), Some(code), "{output:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_of(path: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&succeeded(map(path, &args))).unwrap()
}

#[test]
fn loops_leverage_and_ripple_match_the_map_worked_by_hand_and_the_schema() {
    let folder = map_folder(FACTORS, LINKS);
    let document = json_of(
        folder.path(),
        &["--from", "5", "--push", "up", "--steps", "3"],
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let errors = schema::validate(&schema, &document);
    assert!(errors.is_empty(), "{errors:#?}");
    let _: MapDocument = serde_json::from_value(document.clone()).unwrap();

    assert_eq!(document["n_factors"], 5);
    assert_eq!(document["n_links"], 6);
    assert_eq!(document["n_loops"], 2);
    assert_eq!(document["truncated"], false);
    assert_eq!(document["max_loop_length"], Value::Null);
    let loops = document["loops"].as_array().unwrap();
    let reinforcing = loops
        .iter()
        .find(|l| l["polarity"] == "reinforcing")
        .unwrap();
    assert_eq!(reinforcing["factors"], json!([1, 2, 3]));
    assert_eq!(reinforcing["length"], 3);
    assert_eq!(reinforcing["delayed"], true);
    assert_eq!(reinforcing["contested"], false);
    let balancing = loops.iter().find(|l| l["polarity"] == "balancing").unwrap();
    assert_eq!(balancing["factors"], json!([1, 2, 4, 5]));
    assert_eq!(balancing["contested"], true);

    // Every factor lies on a loop with every other, so each reaches all five.
    for factor in document["factors"].as_array().unwrap() {
        assert_eq!(factor["driving"], 5);
        assert_eq!(factor["dependence"], 5);
    }
    assert_eq!(document["factors"][0]["in_degree"], 2);
    assert_eq!(document["factors"][1]["out_degree"], 2);

    // More befriending: less isolation (1 step), so less low mood (2), so more activity and
    // fewer GP appointments (3).
    assert_eq!(
        document["ripple"],
        json!([
            {"factor": 1, "name": "Social isolation", "effect": "down", "distance": 1, "partner": "Northvale Council"},
            {"factor": 3, "name": "Physical activity", "effect": "up", "distance": 3, "partner": "Northvale Council"},
            {"factor": 2, "name": "Low mood", "effect": "down", "distance": 2, "partner": "Northvale NHS Trust"},
            {"factor": 4, "name": "GP appointments for low mood", "effect": "down", "distance": 3, "partner": "Northvale NHS Trust"}
        ])
    );
    let action = &document["action"];
    assert_eq!(action["partner"], "Age Concern Northvale");
    assert_eq!(
        action["other_partners_reached"],
        json!(["Northvale Council", "Northvale NHS Trust"])
    );
    assert_eq!(action["loops"].as_array().unwrap().len(), 1);
    assert_eq!(action["loops"][0]["factors"], json!([1, 2, 4, 5]));

    // Pushing down flips every effect; the action may be named instead of numbered.
    let down = json_of(
        folder.path(),
        &[
            "--from",
            "befriending visits",
            "--push",
            "down",
            "--steps",
            "1",
        ],
    );
    assert_eq!(
        down["ripple"],
        json!([{"factor": 1, "name": "Social isolation", "effect": "up", "distance": 1, "partner": "Northvale Council"}])
    );
}

#[test]
fn the_limits_cut_the_list_and_say_so() {
    let folder = map_folder(FACTORS, LINKS);
    let short = json_of(folder.path(), &["--max-loop-length", "3"]);
    assert_eq!(short["n_loops"], 1);
    assert_eq!(short["truncated"], true);
    assert_eq!(short["max_loop_length"], 3);
    let few = json_of(folder.path(), &["--max-loops", "1"]);
    assert_eq!(few["n_loops"], 1);
    assert_eq!(few["truncated"], true);
    let all = json_of(folder.path(), &["--max-loop-length", "4"]);
    assert_eq!(all["n_loops"], 2);
    assert_eq!(all["truncated"], false);
    assert!(all.get("ripple").is_none());
}

#[test]
fn text_ids_stay_text_and_order_as_text() {
    let folder = map_folder(
        "factor,name\nmood,Low mood\nactivity,Physical activity\n",
        "from,to,sign\nmood,activity,-\nactivity,mood,-\n",
    );
    let document = json_of(folder.path(), &[]);
    assert_eq!(document["loops"][0]["factors"], json!(["activity", "mood"]));
    assert_eq!(document["loops"][0]["polarity"], "reinforcing");
    assert_eq!(document["factors"][0]["id"], "activity");
    assert_eq!(document["factors"][0]["partner"], Value::Null);
}

#[test]
fn graphml_and_kumu_round_trip_to_the_same_analysis() {
    let folder = map_folder(FACTORS, LINKS);
    let original = json_of(folder.path(), &["--from", "5"]);
    let graphml = folder.path().join("map.graphml");
    let kumu = folder.path().join("map.json");
    let out = |path: &Path, format: &str| {
        succeeded(map(
            folder.path(),
            &["--format", format, "--out", path.to_str().unwrap()],
        ));
    };
    out(&graphml, "graphml");
    out(&kumu, "kumu");
    let written = std::fs::read_to_string(&graphml).unwrap();
    assert!(written.contains("<data key=\"sign\">-</data>"), "{written}");
    assert!(
        written.contains("<data key=\"driving\">5</data>"),
        "{written}"
    );
    assert_eq!(json_of(&graphml, &["--from", "5"]), original);
    assert_eq!(json_of(&kumu, &["--from", "5"]), original);
    let summary = succeeded(map(&kumu, &["--from", "Befriending visits"]));
    assert!(
        summary.contains("Feedback loops: 2 (1 reinforcing, 1 balancing)"),
        "{summary}"
    );
    assert!(
        summary.contains("Reaches other partners' areas: Northvale Council, Northvale NHS Trust"),
        "{summary}"
    );
}

#[test]
fn bad_files_name_the_line_and_field_and_write_nothing() {
    let bad_sign = map_folder(FACTORS, "from,to,sign\n1,2,+\n2,3,++\n");
    let stderr = failed(&map(bad_sign.path(), &[]), 1);
    assert!(
        stderr.contains("links.csv:3: sign must be + or -, found \"++\""),
        "{stderr}"
    );
    let unknown = map_folder(FACTORS, "from,to,sign\n1,9,+\n");
    let stderr = failed(&map(unknown.path(), &[]), 1);
    assert!(stderr.contains("names factor \"9\""), "{stderr}");
    let twice = map_folder("factor,name\n1,A\n01,B\n", "from,to,sign\n");
    let stderr = failed(&map(twice.path(), &[]), 1);
    assert!(stderr.contains("factors.csv:3"), "{stderr}");

    let folder = map_folder(FACTORS, LINKS);
    let out = folder.path().join("out.json");
    let stderr = failed(
        &map(
            folder.path(),
            &["--from", "Loneliness", "--out", out.to_str().unwrap()],
        ),
        1,
    );
    assert!(
        stderr.contains("no factor with the id or name \"Loneliness\""),
        "{stderr}"
    );
    assert!(!out.exists());
    // --steps without --from is a usage mistake.
    failed(&map(folder.path(), &["--steps", "2"]), 2);
}

#[test]
fn hostile_graphml_is_refused_with_the_reason() {
    let folder = tempfile::tempdir().unwrap();
    let laughs = folder.path().join("laughs.graphml");
    std::fs::write(
        &laughs,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n\
         <graphml><graph edgedefault=\"directed\"><node id=\"&b;\"/></graph></graphml>",
    )
    .unwrap();
    let stderr = failed(&map(&laughs, &[]), 1);
    assert!(stderr.contains("declares a DTD"), "{stderr}");
    let broken = folder.path().join("broken.graphml");
    std::fs::write(&broken, "<graphml><graph><node id=\"1\"></graph>").unwrap();
    let stderr = failed(&map(&broken, &[]), 1);
    assert!(stderr.contains("not well-formed XML"), "{stderr}");
}

#[test]
fn the_northvale_example_has_both_kinds_of_loop_and_a_ripple_across_partners() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/northvale-map");
    let document = json_of(
        &folder,
        &["--from", "Speed of hospital discharge", "--push", "up"],
    );
    assert_eq!(document["n_factors"], 30);
    let partners: std::collections::BTreeSet<&str> = document["factors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["partner"].as_str())
        .collect();
    assert_eq!(partners.len(), 8);
    assert!(document["n_reinforcing"].as_u64().unwrap() > 0);
    assert!(document["n_balancing"].as_u64().unwrap() > 0);
    assert_eq!(document["truncated"], false);
    // Faster discharges from the trust's wards reach the council's home-care queue and the
    // carers the Carers Centre supports.
    let reached = |name: &str| {
        document["ripple"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} is not reached"))
            .clone()
    };
    assert_eq!(reached("Waiting list for home care")["effect"], "up");
    assert_eq!(reached("Strain on unpaid carers")["effect"], "up");
    assert_eq!(reached("Hospital bed occupancy")["effect"], "down");
    let others = document["action"]["other_partners_reached"]
        .as_array()
        .unwrap();
    assert!(
        others.contains(&json!("Northvale Carers Centre")),
        "{others:?}"
    );
    assert!(
        others.contains(&json!("Northvale Borough Council: adult social care")),
        "{others:?}"
    );
}
