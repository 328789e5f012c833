//! End-to-end tests of `commonground priorities`: the built binary on comparison files written
//! to temporary folders, its JSON checked against the published schema and the model's closed
//! form, and its errors naming the file, line and field; and on a server's priority list
//! exported in its files, where it must write the document the server's results route serves.

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

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use server::priorities::document::PriorityDocument;

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/priorities.schema.json"
);

const OPTIONS: &str = "option,text\n\
    10,More evening GP appointments\n\
    20,\"Lifts to appointments, for people without a car\"\n\
    30,A named contact for every carer\n";

fn write(folder: &Path, name: &str, text: &str) {
    std::fs::write(folder.join(name), text).unwrap();
}

fn priorities(folder: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commonground"))
        .arg("priorities")
        .arg(folder)
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn json(folder: &Path) -> Value {
    let output = priorities(folder, &["--format", "json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Comparisons in which `winner` beats `loser` `times` times, by participants from `first`.
fn wins(rows: &mut String, first: u32, winner: u32, loser: u32, times: u32) {
    for k in 0..times {
        let participant = first + k;
        let (left, right, choice) = if k % 2 == 0 {
            (winner, loser, "left")
        } else {
            (loser, winner, "right")
        };
        writeln!(
            rows,
            "2026-11-0{},{participant},{left},{right},{choice}",
            1 + k % 9
        )
        .unwrap();
    }
}

#[test]
fn two_constituencies_are_ranked_and_counted_once_each() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "options.csv", OPTIONS);
    // Residents (participants 0–99) put 10 first; staff (1000–1019) put 30 first.
    let mut rows = String::from("timestamp,participant,left,right,choice\n");
    wins(&mut rows, 0, 10, 20, 60);
    wins(&mut rows, 0, 20, 10, 20);
    wins(&mut rows, 0, 10, 30, 70);
    wins(&mut rows, 0, 30, 10, 10);
    wins(&mut rows, 0, 20, 30, 40);
    wins(&mut rows, 0, 30, 20, 40);
    wins(&mut rows, 1_000, 30, 10, 15);
    wins(&mut rows, 1_000, 10, 30, 5);
    wins(&mut rows, 1_000, 30, 20, 12);
    wins(&mut rows, 1_000, 20, 30, 8);
    wins(&mut rows, 1_000, 20, 10, 11);
    wins(&mut rows, 1_000, 10, 20, 9);
    rows.push_str("2026-11-09,7,10,30,neither\n");
    write(folder.path(), "comparisons.csv", &rows);
    let mut members = String::from("participant,constituencies\n");
    for p in 0..100 {
        writeln!(members, "{p},residents").unwrap();
    }
    for p in 1_000..1_020 {
        writeln!(members, "{p},staff").unwrap();
    }
    write(folder.path(), "participants.csv", &members);
    write(
        folder.path(),
        "constituencies.csv",
        "constituency,expected_share\nstaff,0.2\nresidents,0.8\n",
    );

    let document = json(folder.path());
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let errors = schema::validate(&schema, &document);
    assert!(errors.is_empty(), "{errors:#?}");
    // The document reads back through its own types.
    let read: PriorityDocument = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(read.options.len(), 3);

    assert_eq!(document["estimate"], "maximum_likelihood");
    // 70 residents and 15 staff compared; 240 and 60 decided comparisons and one "neither".
    assert_eq!(document["participants"], 85);
    assert_eq!(document["comparisons"], 301);
    assert_eq!(document["decided"], 300);
    // Constituencies follow constituencies.csv.
    assert_eq!(document["constituencies"][0]["name"], "staff");
    assert_eq!(document["constituencies"][0]["top"][0], 30);
    assert_eq!(document["constituencies"][1]["top"][0], 10);
    let option = |id: u64| {
        document["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap()
            .clone()
    };
    // Head-count: the residents' favourite; equal weight: the mean of both constituencies.
    assert_eq!(option(10)["rank"], 1);
    assert_eq!(option(10)["neither"], 1);
    let residents = option(10)["constituencies"][1]["score"].as_f64().unwrap();
    let staff = option(10)["constituencies"][0]["score"].as_f64().unwrap();
    let equal = option(10)["equal_weight_score"].as_f64().unwrap();
    assert!((equal - (residents + staff) / 2.0).abs() < 1e-9);
    assert!(option(10)["score"].as_f64().unwrap() > equal);
    let sum: f64 = document["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["log_strength"].as_f64().unwrap())
        .sum();
    assert!(sum.abs() < 1e-9, "log strengths sum to {sum}");
    let divergence = &document["divergence"];
    assert_eq!(divergence["first"], "staff");
    assert_eq!(divergence["second"], "residents");

    let summary = priorities(folder.path(), &[]);
    assert!(summary.status.success());
    let text = String::from_utf8(summary.stdout).unwrap();
    assert!(text.contains("3 options, 301 comparisons (300 with a winner) by 85 participants"));
    assert!(
        text.contains("staff (15 participants, 60 comparisons) puts first:\n  30 A named contact")
    );
}

#[test]
fn two_options_match_the_closed_form() {
    let folder = tempfile::tempdir().unwrap();
    write(
        folder.path(),
        "options.csv",
        "option,text\n1,First\n2,Second\n",
    );
    let mut rows = String::from("timestamp,participant,left,right,choice\n");
    wins(&mut rows, 0, 1, 2, 8);
    wins(&mut rows, 100, 2, 1, 2);
    write(folder.path(), "comparisons.csv", &rows);
    let out = folder.path().join("result.json");
    let output = priorities(
        folder.path(),
        &[
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
            "--seed",
            "5",
        ],
    );
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let document: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let first = &document["options"][0];
    // p1 / (p1 + p2) = 0.8, so θ1 = ln(4)/2 and the score is 80.
    assert!((first["log_strength"].as_f64().unwrap() - 4f64.ln() / 2.0).abs() < 1e-9);
    assert!((first["score"].as_f64().unwrap() - 80.0).abs() < 1e-7);
    assert_eq!(document["seed"], 5);
    // No constituencies: equal weight has nothing to count and says so.
    assert!(first["equal_weight_score"].is_null());
    assert_eq!(document["equal_weight_counts"], Value::Array(vec![]));
    assert_eq!(first["equal_weight_rank"], 1);
}

#[test]
fn an_option_that_never_lost_has_no_maximum_likelihood_strength() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "options.csv", OPTIONS);
    let mut rows = String::from("timestamp,participant,left,right,choice\n");
    wins(&mut rows, 0, 10, 20, 3);
    wins(&mut rows, 0, 10, 30, 3);
    wins(&mut rows, 0, 20, 30, 2);
    wins(&mut rows, 0, 30, 20, 1);
    write(folder.path(), "comparisons.csv", &rows);
    let document = json(folder.path());
    assert_eq!(document["estimate"], "weak_prior");
    for option in document["options"].as_array().unwrap() {
        assert!(option["log_strength"].is_null());
        assert!(option["fitted_log_strength"].is_f64());
    }
    assert_eq!(document["options"][0]["rank"], 1);
}

#[test]
fn bad_rows_are_refused_with_file_line_and_field() {
    let cases: [(&str, &str, &str); 5] = [
        (
            "timestamp,participant,left,right,choice\n1,1,10,20,left\n2,1,10,99,left\n",
            "comparisons.csv:3: right names option 99, which options.csv does not list",
            "unknown option",
        ),
        (
            "timestamp,participant,left,right,choice\n1,1,10,10,left\n",
            "comparisons.csv:2: left and right are the same option",
            "same option",
        ),
        (
            "timestamp,participant,left,right,choice\n1,1,10,20,up\n",
            "comparisons.csv:2: choice must be left, right or neither, found \"up\"",
            "bad choice",
        ),
        (
            "timestamp,participant,left,right,choice\n1,x,10,20,left\n",
            "comparisons.csv:2: participant must be a whole number, found \"x\"",
            "bad participant",
        ),
        (
            "timestamp,participant,left,choice\n1,1,10,left\n",
            "comparisons.csv:1: missing column \"right\"",
            "missing column",
        ),
    ];
    for (rows, expected, case) in cases {
        let folder = tempfile::tempdir().unwrap();
        write(folder.path(), "options.csv", OPTIONS);
        write(folder.path(), "comparisons.csv", rows);
        let output = priorities(folder.path(), &["--format", "json"]);
        assert!(!output.status.success(), "{case}: accepted");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{case}: {stderr}");
        assert!(output.stdout.is_empty(), "{case}: wrote output");
    }
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "options.csv", "option,text\n1,A\n1,B\n");
    write(
        folder.path(),
        "comparisons.csv",
        "timestamp,participant,left,right,choice\n",
    );
    let output = priorities(folder.path(), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("options.csv:3: option 1 appears twice (also on line 2)"),
        "{stderr}"
    );
}

/// A priority list run on a server, exported in the command's files: the command's document
/// is, byte for byte, the one `GET /api/priority-lists/{id}/results` serves, rejected options
/// left out of both.
#[test]
fn an_exported_priority_list_ranks_as_the_server_ranks_it() {
    use model::{
        ComparisonChoice, ConstituencyKind, ConstituencyName, Description, Email, ModerationPolicy,
        ModerationStatus, OptionText, PartnershipName, Password, PasswordHash, PriorityListTitle,
        PriorityQuestion, Purpose, ReportVisibility, UndecidedReason,
    };
    use store::{
        NewComparison, NewConvenor, NewPartnership, NewPriorityConstituency, NewPriorityList,
        NewPriorityOption, NewPriorityParticipant, PriorityListSettings,
    };

    let folder = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (served, files, seed) = runtime.block_on(async {
        let config = server::Config {
            database: format!("sqlite:{}", folder.path().join("list.db").display()),
            analysis_enabled: false,
            ..server::Config::for_tests()
        };
        let seed = config.seed;
        let application = server::startup::Application::build(config).await.unwrap();
        let state = application.state();
        let store = state.store();
        let partnership = store
            .create_partnership(NewPartnership {
                name: PartnershipName::parse("Northvale Health").unwrap(),
                purpose: Purpose::parse("").unwrap(),
                created_at: 0,
                convenor: None,
            })
            .await
            .unwrap();
        let convenor = store
            .create_convenor(NewConvenor {
                email: Email::parse("admin@example.org").unwrap(),
                password_hash: PasswordHash::create(
                    &Password::parse("a long enough password").unwrap(),
                    &[9; 16],
                )
                .unwrap(),
                is_admin: true,
                may_convene: true,
                created_at: 0,
            })
            .await
            .unwrap();
        let list = store
            .create_priority_list(NewPriorityList {
                partnership: partnership.id,
                dialogue: None,
                settings: PriorityListSettings {
                    title: PriorityListTitle::parse("First steps").unwrap(),
                    question: PriorityQuestion::parse("Which first?").unwrap(),
                    description: Description::parse("").unwrap(),
                    allow_participant_options: true,
                    moderation: ModerationPolicy::Post,
                    results_visibility: ReportVisibility::Public,
                },
                constituencies: ["carers", "GPs, practice nurses"]
                    .iter()
                    .zip([ConstituencyKind::Lay, ConstituencyKind::Professional])
                    .map(|(name, kind)| NewPriorityConstituency {
                        name: ConstituencyName::parse(name).unwrap(),
                        kind: Some(kind),
                    })
                    .collect(),
                created_by: None,
                created_at: 0,
            })
            .await
            .unwrap();
        let mut options = Vec::new();
        for text in [
            "More evening GP appointments",
            "Lifts to appointments, for people without a car",
            "A named contact for every carer",
            "A \"carers' card\" for the pharmacy",
            "Free parking at the hospital",
        ] {
            let option = store
                .add_priority_option(NewPriorityOption {
                    list: list.id,
                    text: OptionText::parse(text).unwrap(),
                    author: None,
                    created_at: 1,
                })
                .await
                .unwrap();
            options.push(option.id);
        }
        let mut participants = Vec::new();
        for person in 0..6 {
            let constituencies = match person % 3 {
                0 => vec![list.constituencies[0].id],
                1 => vec![list.constituencies[1].id],
                _ => vec![list.constituencies[0].id, list.constituencies[1].id],
            };
            let (participant, _) = store
                .join_priority_list(NewPriorityParticipant {
                    list: list.id,
                    constituencies,
                    dialogue_participant: None,
                    created_at: 2,
                })
                .await
                .unwrap();
            participants.push(participant.id);
        }
        // Every participant compares every pair once; carers prefer lower options, the
        // others higher ones, and some cannot decide.
        let mut time = 10;
        for (person, participant) in participants.iter().enumerate() {
            for i in 0..options.len() {
                for j in i + 1..options.len() {
                    let choice = match (person + i + j) % 5 {
                        0 => ComparisonChoice::Neither,
                        _ if person % 3 == 0 => ComparisonChoice::Left,
                        _ => ComparisonChoice::Right,
                    };
                    let (left, right) = if (person + i) % 2 == 0 {
                        (options[i], options[j])
                    } else {
                        (options[j], options[i])
                    };
                    time += 1;
                    store
                        .record_comparison(NewComparison {
                            participant: *participant,
                            left,
                            right,
                            choice,
                            reason: (choice == ComparisonChoice::Neither)
                                .then_some(UndecidedReason::BothMatterEqually),
                            compared_at: time,
                            idempotency_key: None,
                        })
                        .await
                        .unwrap();
                }
            }
        }
        store
            .moderate_priority_option(options[4], ModerationStatus::Rejected, None)
            .await
            .unwrap();
        let actor = server::auth::CurrentConvenor { convenor };
        let files = server::priorities::service::export(&state, &actor, list.id)
            .await
            .unwrap();
        let served = server::priorities::service::results(&state, list.id)
            .await
            .unwrap();
        (served, files, seed)
    });
    let exported = folder.path().join("exported");
    std::fs::create_dir(&exported).unwrap();
    write(&exported, "options.csv", &files.options);
    write(&exported, "comparisons.csv", &files.comparisons);
    write(&exported, "participants.csv", &files.participants);
    write(&exported, "constituencies.csv", &files.constituencies);
    assert_eq!(
        files.options.lines().count(),
        5,
        "the rejected option is left out"
    );
    let output = priorities(
        &exported,
        &["--format", "json", "--seed", &seed.to_string()],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Byte for byte: a float read back from JSON may differ in its last place, its text may not.
    let mut expected = serde_json::to_vec_pretty(&served).unwrap();
    expected.push(b'\n');
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&expected)
    );
    assert_eq!(served.constituencies.len(), 2);
    assert_eq!(served.options.len(), 4);
    assert!(served.comparisons > 0);
}
