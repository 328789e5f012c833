//! End-to-end tests of `commonground network`: the built binary on survey files written to
//! temporary folders, its JSON checked against the published schema and against scores
//! computed by hand, its summary and GraphML, and its errors naming the file, line and field.

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

use serde_json::Value;
use server::trust::document::NetworkDocument;

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/network.schema.json"
);

const PARTNERS: &str = "partner,name,sector\n\
    1,Riverside Carers Group,community\n\
    2,Age Concern Riverside,voluntary\n\
    3,Riverside NHS Trust,nhs\n\
    4,Riverside Council,local_authority\n\
    5,\"Smith & Sons, Pharmacy\",business\n";

const HEADER: &str =
    "wave,rater,ratee,level,reliable,mission,open,influence,involvement,resources,contributions\n";

/// Two waves: in the first the carers' group trusts the agencies less than they trust it and
/// the pharmacy does not answer; in the second everyone answers and trust has grown.
const RATINGS: &str = "\
1,1,2,cooperation,3,3,3,2,2,2,
1,1,3,awareness,2,2,1,3,3,3,
1,1,4,awareness,2,,2,3,3,,
1,1,5,none,,,,,,,
1,2,1,coordination,4,4,4,3,3,3,community_connections;volunteers
1,2,3,cooperation,2,2,2,4,4,4,funding
1,2,4,none,,,,,,,
1,2,5,none,,,,,,,
1,3,1,cooperation,4,4,4,3,3,3,community_connections
1,3,2,coordination,4,4,3,3,3,3,
1,3,4,integration,3,3,3,4,4,4,funding;staff
1,3,5,awareness,,,,,,,
1,4,1,awareness,4,3,4,2,2,2,
1,4,2,cooperation,4,4,4,3,3,3,
1,4,3,integration,3,3,3,4,4,4,
2,1,2,coordination,4,4,4,3,3,3,
2,1,3,cooperation,3,3,3,3,3,3,
2,1,4,cooperation,3,3,4,3,3,3,
2,1,5,awareness,3,3,3,2,2,2,
2,2,1,coordination,4,4,4,3,3,3,
2,2,3,cooperation,3,3,3,4,4,4,
2,2,4,cooperation,3,3,3,4,4,4,
2,2,5,none,,,,,,,
2,3,1,coordination,4,4,4,3,3,3,
2,3,2,coordination,4,4,4,3,3,3,
2,3,4,integration,3,3,3,4,4,4,
2,3,5,awareness,,,,,,,
2,4,1,cooperation,4,4,4,3,3,3,
2,4,2,cooperation,4,4,4,3,3,3,
2,4,3,integration,3,3,3,4,4,4,
2,4,5,none,,,,,,,
2,5,1,awareness,3,3,3,2,2,2,
2,5,2,none,,,,,,,
2,5,3,awareness,2,2,2,3,3,3,
2,5,4,none,,,,,,,
";

fn write(folder: &Path, name: &str, text: &str) {
    std::fs::write(folder.join(name), text).unwrap();
}

fn survey() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "partners.csv", PARTNERS);
    write(folder.path(), "ratings.csv", &format!("{HEADER}{RATINGS}"));
    folder
}

fn network(folder: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_commonground"))
        .arg("network")
        .arg(folder)
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

fn close(value: &Value, expected: f64) {
    let actual = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is not a number"));
    assert!(
        (actual - expected).abs() < 1e-12,
        "{actual} is not {expected}"
    );
}

#[test]
fn the_json_matches_the_schema_and_the_scores_computed_by_hand() {
    let folder = survey();
    let document: Value =
        serde_json::from_str(&succeeded(network(folder.path(), &["--format", "json"]))).unwrap();
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let errors = schema::validate(&schema, &document);
    assert!(errors.is_empty(), "{errors:#?}");
    let read: NetworkDocument = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(read.waves.len(), 2);

    assert_eq!(
        document["partners"][0]["community_statutory"],
        "community_voluntary"
    );
    assert_eq!(document["partners"][0]["lay_professional"], "lay_led");
    assert!(document["partners"][4]["community_statutory"].is_null());

    let first = &document["waves"][0];
    assert_eq!(first["wave"], "1");
    // Four of five partners answered; the council left out the pharmacy.
    assert_eq!(first["respondents"], 4);
    close(&first["response_rate"], 0.8);
    assert_eq!(first["non_respondents"], serde_json::json!([5]));
    assert_eq!(first["missing_ratings"], 1);
    // Two blank items from the carers and six from the NHS trust about the pharmacy.
    assert_eq!(first["dont_know_items"], 8);
    // Ties 1–2, 1–3, 1–4, 2–3, 2–4, 3–4 and 3–5: 7 of 10 pairs.
    assert_eq!(
        (first["ties"].as_u64(), first["possible_ties"].as_u64()),
        (Some(7), Some(10))
    );
    close(&first["density"], 0.7);
    // Degrees 3, 3, 4, 3, 1: (1 + 1 + 0 + 1 + 3) / (4 · 3).
    close(&first["centralization"], 0.5);
    // Six ties answered by both sides; the voluntary group reports none with the council.
    assert_eq!(first["ties_both_answered"], 6);
    close(&first["reciprocity"], 5.0 / 6.0);

    let nhs = &first["partners"][2];
    assert_eq!(nhs["id"], 3);
    // Raters' views 5/3, 2 and 3.
    close(&nhs["trust"], 20.0 / 9.0);
    assert_eq!(nhs["trust_raters"], 3);
    assert_eq!(nhs["degree"], 4);
    let pharmacy = &first["partners"][4];
    // Rated only with "don't know": no score, not zero.
    assert!(pharmacy["trust"].is_null());
    assert_eq!(pharmacy["n_raters"], 1);
    assert_eq!(pharmacy["responded"], false);
    assert_eq!(
        first["partners"][0]["contributions"],
        serde_json::json!([
            {"kind": "volunteers", "raters": 1},
            {"kind": "community_connections", "raters": 2}
        ])
    );

    // Community and voluntary raters give the agencies (11/6 + 2)/2; the agencies give them
    // 23/6 each: the difference is −23/12 with one degree of freedom.
    let community = &first["asymmetry"][0];
    assert_eq!(community["divide"], "community_statutory");
    close(&community["first_to_second"]["mean"], 23.0 / 12.0);
    close(&community["second_to_first"]["mean"], 23.0 / 6.0);
    close(&community["difference"]["change"], -23.0 / 12.0);
    assert_eq!(community["difference"]["beyond_uncertainty"], true);
    let lay = &first["asymmetry"][1];
    assert_eq!(lay["first"], "lay_led");
    assert_eq!(lay["first_to_second"]["raters"], 1);
    assert!(lay["difference"]["interval"].is_null());
    assert_eq!(lay["difference"]["beyond_uncertainty"], false);

    let second = &document["waves"][1];
    close(&second["response_rate"], 1.0);
    close(&second["partners"][2]["trust"], 2.75);
    let change = &document["changes"][0];
    assert_eq!(
        (change["from"].as_str(), change["to"].as_str()),
        (Some("1"), Some("2"))
    );
    close(&change["partners"][2]["trust"]["change"], 2.75 - 20.0 / 9.0);
    assert!(change["partners"][4]["trust"].is_null());
    assert!(change["mean_trust"]["change"].as_f64().unwrap() > 0.0);
}

#[test]
fn the_summary_reads_as_sentences() {
    let folder = survey();
    let text = succeeded(network(folder.path(), &[]));
    assert!(text.starts_with("5 partners, 2 waves (1, 2)"), "{text}");
    assert!(
        text.contains(
            "Wave 1: 4 of 5 partners answered (80%); 1 rating left out, 8 items \"don't know\""
        ),
        "{text}"
    );
    assert!(
        text.contains("did not answer: Smith & Sons, Pharmacy"),
        "{text}"
    );
    assert!(
        text.contains("density 0.70 (7 of 10 pairs tied), centralisation 0.50"),
        "{text}"
    );
    assert!(
        text.contains("no trust score (no rater): Smith & Sons, Pharmacy"),
        "{text}"
    );
    assert!(
        text.contains("community_voluntary → statutory: 1.92"),
        "{text}"
    );
    assert!(text.contains("From wave 1 to wave 2:"), "{text}");
}

#[test]
fn graphml_draws_one_wave_with_escaped_names() {
    let folder = survey();
    let out = folder.path().join("wave1.graphml");
    let output = network(
        folder.path(),
        &[
            "--format",
            "graphml",
            "--wave",
            "1",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(succeeded(output).is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"));
    assert!(text.contains("<graph id=\"wave 1\" edgedefault=\"directed\">"));
    assert_eq!(text.matches("<node ").count(), 5);
    // Wave 1 has 12 ratings above none.
    assert_eq!(text.matches("<edge ").count(), 12);
    assert!(text.contains("<data key=\"label\">Smith &amp; Sons, Pharmacy</data>"));
    assert!(text.contains(
        "<edge id=\"e0\" source=\"p1\" target=\"p2\"><data key=\"level\">cooperation</data><data key=\"level_rank\">2</data><data key=\"rating_trust\">3</data><data key=\"rating_value\">2</data></edge>"
    ));
    assert!(text.trim_end().ends_with("</graphml>"));
    // The latest wave by default: 16 ratings above none.
    let latest = succeeded(network(folder.path(), &["--format", "graphml"]));
    assert!(latest.contains("<graph id=\"wave 2\""));
    assert_eq!(latest.matches("<edge ").count(), 16);
}

#[test]
fn numbered_waves_are_put_in_numeric_order() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "partners.csv", PARTNERS);
    let rows = format!("{HEADER}10,1,2,cooperation,4,4,4,,,,\n9,1,2,cooperation,2,2,2,,,,\n");
    write(folder.path(), "ratings.csv", &rows);
    let document: Value =
        serde_json::from_str(&succeeded(network(folder.path(), &["--format", "json"]))).unwrap();
    assert_eq!(document["waves"][0]["wave"], "9");
    assert_eq!(document["changes"][0]["from"], "9");
    close(
        &document["changes"][0]["partners"][1]["trust"]["change"],
        2.0,
    );
}

#[test]
fn bad_rows_are_refused_with_file_line_and_field() {
    let header = "wave,rater,ratee,level,reliable,mission,open,influence,involvement,resources\n";
    let cases: [(&str, &str, &str); 8] = [
        (
            "1,1,2,cooperation,3,3,3,3,3,3\n1,1,9,cooperation,3,3,3,3,3,3\n",
            "ratings.csv:3: ratee names partner 9, which partners.csv does not list",
            "unknown partner",
        ),
        (
            "1,2,2,cooperation,3,3,3,3,3,3\n",
            "ratings.csv:2: rater and ratee are the same partner",
            "self-rating",
        ),
        (
            "1,1,2,cooperation,3,5,3,3,3,3\n",
            "ratings.csv:2: mission must be 1 to 4, or blank for \"don't know\", found \"5\"",
            "item out of range",
        ),
        (
            "1,1,2,friends,3,3,3,3,3,3\n",
            "ratings.csv:2: level must be none, awareness, cooperation, coordination or integration, found \"friends\"",
            "bad level",
        ),
        (
            "1,1,2,cooperation,3,3,3,3,3,3\n1,1,3,none,,,,,,\n1,1,2,awareness,2,2,2,2,2,2\n",
            "ratings.csv:4: partner 1 already rated partner 2 in wave \"1\" (line 2)",
            "duplicate",
        ),
        (
            "1,1,2,none,,,,,2,\n",
            "ratings.csv:2: level is none, so involvement must be blank, found \"2\"",
            "items without a relationship",
        ),
        (
            "1,x,2,none,,,,,,\n",
            "ratings.csv:2: rater must be a whole number, found \"x\"",
            "bad rater",
        ),
        (
            "1,1,2,none,,,,,\n",
            "ratings.csv:2: expected 10 fields like the header, found 9",
            "short row",
        ),
    ];
    for (rows, expected, case) in cases {
        let folder = tempfile::tempdir().unwrap();
        write(folder.path(), "partners.csv", PARTNERS);
        write(folder.path(), "ratings.csv", &format!("{header}{rows}"));
        let output = network(folder.path(), &["--format", "json"]);
        assert_eq!(output.status.code(), Some(1), "{case}: accepted");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{case}: {stderr}");
        assert!(output.stdout.is_empty(), "{case}: wrote output");
    }

    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "partners.csv", PARTNERS);
    write(
        folder.path(),
        "ratings.csv",
        "wave,rater,ratee,level,reliable,mission,open,influence,involvement\n",
    );
    let stderr = String::from_utf8(network(folder.path(), &[]).stderr).unwrap();
    assert!(
        stderr.contains("ratings.csv:1: missing column \"resources\""),
        "{stderr}"
    );

    write(
        folder.path(),
        "ratings.csv",
        &format!("{HEADER}1,1,2,cooperation,3,3,3,3,3,3,gifts\n"),
    );
    let stderr = String::from_utf8(network(folder.path(), &[]).stderr).unwrap();
    assert!(
        stderr.contains("ratings.csv:2: contributions must be kinds among funding, staff,"),
        "{stderr}"
    );

    write(
        folder.path(),
        "partners.csv",
        "partner,name,sector\n1,Carers,community\n2,Trust,hospital\n",
    );
    let stderr = String::from_utf8(network(folder.path(), &[]).stderr).unwrap();
    assert!(
        stderr.contains("partners.csv:3: sector must be one of nhs, local_authority,"),
        "{stderr}"
    );
}

#[test]
fn a_wave_is_chosen_only_for_graphml_and_must_exist() {
    let folder = survey();
    let output = network(folder.path(), &["--wave", "1"]);
    assert_eq!(output.status.code(), Some(2));
    let output = network(folder.path(), &["--format", "graphml", "--wave", "3"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("ratings.csv has no wave \"3\"; its waves are 1, 2"),
        "{stderr}"
    );
}

/// The survey of [`PARTNERS`] and [`RATINGS`] answered on a server, each rater's answers in a
/// wave one response (submitted when it answers every other partner, a draft otherwise), and
/// exported in the command's files: the command's document is, byte for byte, the one
/// `GET /api/partnerships/{id}/trust` serves, and its GraphML the export's.
#[test]
fn an_exported_survey_scores_as_the_server_scores_it() {
    use std::collections::BTreeMap;

    use model::{
        ContributionKind, Email, ItemScore, PartnerId, PartnerName, PartnershipName, Password,
        PasswordHash, Purpose, RaterNaming, RelationshipLevel, Sector, TRUST_ITEMS, TrustAnswer,
        WaveTitle,
    };
    use store::{NewConvenor, NewPartner, NewPartnership, NewTrustWave, SaveTrustResponse};

    let folder = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (served, files, drafts) = runtime.block_on(async {
        let config = server::Config {
            database: format!("sqlite:{}", folder.path().join("trust.db").display()),
            analysis_enabled: false,
            ..server::Config::for_tests()
        };
        let application = server::startup::Application::build(config).await.unwrap();
        let state = application.state();
        let store = state.store();
        let partnership = store
            .create_partnership(NewPartnership {
                name: PartnershipName::parse("Riverside Health").unwrap(),
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
        let mut partners: BTreeMap<String, PartnerId> = BTreeMap::new();
        let mut lines = PARTNERS.lines().skip(1);
        for (number, name, sector) in [
            ("1", "Riverside Carers Group", Sector::Community),
            ("2", "Age Concern Riverside", Sector::Voluntary),
            ("3", "Riverside NHS Trust", Sector::Nhs),
            ("4", "Riverside Council", Sector::LocalAuthority),
            ("5", "Smith & Sons, Pharmacy", Sector::Business),
        ] {
            assert!(lines.next().unwrap().starts_with(number));
            let partner = store
                .create_partner(NewPartner {
                    partnership: partnership.id,
                    name: PartnerName::parse(name).unwrap(),
                    sector,
                    created_at: 0,
                })
                .await
                .unwrap();
            partners.insert(number.to_owned(), partner.id);
        }
        let now = state.now_ms();
        let mut waves = BTreeMap::new();
        for label in ["1", "2"] {
            let wave = store
                .open_trust_wave(NewTrustWave {
                    partnership: partnership.id,
                    title: WaveTitle::parse(&format!("Wave {label}")).unwrap(),
                    opened_at: now,
                    closes_at: now + 86_400_000,
                    rater_naming: RaterNaming::Protected,
                    created_by: Some(convenor.id),
                })
                .await
                .unwrap();
            waves.insert(label.to_owned(), wave.id);
        }
        let mut responses: BTreeMap<(String, String), Vec<store::TrustRating>> = BTreeMap::new();
        for line in RATINGS.lines() {
            let fields: Vec<&str> = line.split(',').collect();
            let mut items = [None; TRUST_ITEMS];
            for (item, text) in items.iter_mut().zip(&fields[4..10]) {
                if !text.is_empty() {
                    *item = Some(ItemScore::new(text.parse().unwrap()).unwrap());
                }
            }
            let contributions = fields[10]
                .split(';')
                .filter(|word| !word.is_empty())
                .map(|word| word.parse::<ContributionKind>().unwrap())
                .collect();
            let level = fields[3].parse::<RelationshipLevel>().unwrap();
            responses
                .entry((fields[0].to_owned(), fields[1].to_owned()))
                .or_default()
                .push(store::TrustRating {
                    ratee: partners[fields[2]],
                    answer: TrustAnswer::new(level, items, contributions).unwrap(),
                });
        }
        let mut drafts = 0;
        for ((wave, rater), ratings) in responses {
            let complete = ratings.len() == partners.len() - 1;
            drafts += usize::from(!complete);
            store
                .save_trust_response(SaveTrustResponse {
                    wave: waves[&wave],
                    rater: partners[&rater],
                    ratings,
                    submit: complete,
                    now,
                })
                .await
                .unwrap();
        }
        let actor = server::auth::CurrentConvenor { convenor };
        let files = server::trust::service::export(&state, &actor, partnership.id)
            .await
            .unwrap();
        let served = server::trust::service::partnership_results(&state, &actor, partnership.id)
            .await
            .unwrap();
        (served, files, drafts)
    });
    assert!(drafts > 0, "some responses stay drafts and are left out");
    let exported = folder.path().join("exported");
    std::fs::create_dir(&exported).unwrap();
    write(&exported, "partners.csv", &files.partners);
    write(&exported, "ratings.csv", &files.ratings);
    let output = succeeded(network(&exported, &["--format", "json"]));
    // Byte for byte: a float read back from JSON may differ in its last place, its text may not.
    let mut expected = serde_json::to_vec_pretty(&served.document).unwrap();
    expected.push(b'\n');
    assert_eq!(output, String::from_utf8(expected).unwrap());
    assert_eq!(served.document.waves.len(), 2);
    assert_eq!(served.document.changes.len(), 1);
    for (index, (name, graphml)) in files.graphml.iter().enumerate() {
        let label = (index + 1).to_string();
        assert_eq!(name, &format!("wave-{label}.graphml"));
        let drawn = succeeded(network(
            &exported,
            &["--format", "graphml", "--wave", &label],
        ));
        assert_eq!(&drawn, graphml);
    }
}
