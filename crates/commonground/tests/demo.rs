//! `commonground serve --demo` as a newcomer runs it: the printed credentials work, the
//! convenor sees the whole health partnership and its dialogue, whose analysis shows the story
//! the demo plants (opinion groups, common ground, a constituency far below its expected share),
//! the person who speaks for the carers' charity sees the partnership, its partners and the
//! dialogue shared with them, and convenes nothing, and anyone reads the published outcomes:
//! the objective the partners adopted and the actions they took on, and the results of its
//! priority list, in which constituencies put different options first.

#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

#[path = "support/http.rs"]
#[allow(
    dead_code,
    reason = "the demo test uses only part of the shared client"
)]
mod http;

use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use http::Connection;
use serde_json::{Value, json};

/// The demo server, killed when dropped.
struct Demo {
    child: Child,
    address: SocketAddr,
    /// Every line it printed before serving.
    lines: Vec<String>,
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_demo() -> Demo {
    let mut command = Command::new(env!("CARGO_BIN_EXE_commonground"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("COMMONGROUND_") {
            command.env_remove(&name);
        }
    }
    let mut child = command
        .args(["serve", "--demo", "--listen", "127.0.0.1:0"])
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut lines = Vec::new();
    // The demo prints that it is made up last.
    while let Some(Ok(line)) = reader.next() {
        let is_last = line.starts_with("Northvale and everyone in the demo are made up");
        lines.push(line);
        if is_last {
            break;
        }
    }
    std::thread::spawn(move || reader.for_each(drop));
    let address = lines
        .iter()
        .find_map(|line| line.strip_prefix("Common Ground is listening on http://"))
        .unwrap_or_else(|| panic!("no address in {lines:#?}"))
        .parse()
        .unwrap();
    Demo {
        child,
        address,
        lines,
    }
}

/// Returns the value printed after `label` on the first line holding it after `from`.
fn printed_after(lines: &[String], from: &str, label: &str) -> String {
    let start = lines
        .iter()
        .position(|line| line.contains(from))
        .unwrap_or_else(|| panic!("no line with {from:?} in {lines:#?}"));
    lines[start..]
        .iter()
        .find_map(|line| line.trim().strip_prefix(label))
        .unwrap_or_else(|| panic!("no {label:?} after {from:?}"))
        .trim()
        .to_owned()
}

fn sign_in(address: SocketAddr, email: &str, password: &str) -> (Connection, String) {
    let mut connection = Connection::new(address, Duration::from_secs(60));
    let answer = connection
        .request(
            "POST",
            "/api/session",
            &[],
            Some(&json!({ "email": email, "password": password })),
        )
        .unwrap();
    assert_eq!(answer.status, 200, "{email}: {}", answer.text());
    let cookie = answer
        .headers
        .iter()
        .find(|(name, value)| name == "set-cookie" && value.starts_with("cg_session="))
        .map(|(_, value)| value.split(';').next().unwrap().to_owned())
        .unwrap();
    (connection, cookie)
}

fn get(connection: &mut Connection, cookie: &str, path: &str) -> Value {
    let answer = connection
        .request("GET", path, &[("cookie", cookie)], None)
        .unwrap();
    assert_eq!(answer.status, 200, "{path}: {}", answer.text());
    answer.json().unwrap()
}

/// Returns the dialogue's analysis, waiting for the first one to be computed.
fn analysis(connection: &mut Connection, cookie: &str, dialogue: i64) -> Value {
    let path = format!("/api/dialogues/{dialogue}/analysis");
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    loop {
        let answer = connection
            .request("GET", &path, &[("cookie", cookie)], None)
            .unwrap();
        if answer.status == 200 {
            return answer.json().unwrap();
        }
        assert_eq!(answer.status, 404, "{path}: {}", answer.text());
        assert_eq!(
            answer.json().unwrap()["error"]["code"],
            "analysis_not_ready"
        );
        assert!(std::time::Instant::now() < deadline, "no analysis in time");
        std::thread::sleep(Duration::from_millis(250));
    }
}

#[test]
fn the_demo_is_a_health_partnership_whose_dialogue_tells_its_story() {
    let demo = start_demo();
    let email = printed_after(&demo.lines, "convenor login", "email:");
    let password = printed_after(&demo.lines, "convenor login", "password:");
    let (mut convenor, cookie) = sign_in(demo.address, &email, &password);

    let partnerships = get(&mut convenor, &cookie, "/api/partnerships");
    assert_eq!(partnerships.as_array().unwrap().len(), 1);
    assert_eq!(partnerships[0]["name"], "Healthy ageing in Northvale");
    let id = partnerships[0]["id"].as_i64().unwrap();
    let whole = get(&mut convenor, &cookie, &format!("/api/partnerships/{id}"));
    let partners: Vec<(&str, &str)> = whole["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|partner| {
            (
                partner["name"].as_str().unwrap(),
                partner["sector"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(partners.len(), 8, "{partners:?}");
    for (name, sector) in [
        ("Northvale Hospitals NHS Trust", "nhs"),
        ("Northvale GP Federation", "nhs"),
        (
            "Northvale Borough Council: adult social care",
            "local_authority",
        ),
        (
            "Northvale Borough Council: public health",
            "local_authority",
        ),
        ("Northvale Carers Centre", "voluntary"),
        ("Hillside Community Centre", "community"),
    ] {
        assert!(partners.contains(&(name, sector)), "{name}: {partners:?}");
    }
    assert!(
        partners
            .iter()
            .any(|(name, _)| name.contains("housing association"))
            && partners
                .iter()
                .any(|(name, _)| name.contains("Residents' Association")),
        "{partners:?}"
    );

    // The main dialogue, and the falls-prevention one run in two rounds around the fair.
    let dialogues = whole["dialogues"].as_array().unwrap();
    assert_eq!(dialogues.len(), 2);
    assert_eq!(
        dialogues[1]["title"],
        "Staying steady: falls prevention in Northvale"
    );
    let dialogue_id = dialogues[0]["id"].as_i64().unwrap();
    assert!(
        demo.lines
            .iter()
            .any(|line| line.starts_with(&format!("Demo dialogue {dialogue_id}: "))),
        "{:#?}",
        demo.lines
    );
    let dialogue = get(
        &mut convenor,
        &cookie,
        &format!("/api/dialogues/{dialogue_id}"),
    );
    assert_eq!(
        dialogue["question"],
        "What would help older people in Northvale stay well and independent at home?"
    );
    let constituencies = dialogue["constituencies"].as_array().unwrap();
    assert_eq!(constituencies.len(), 6, "{constituencies:#?}");
    let expected: f64 = constituencies
        .iter()
        .map(|constituency| constituency["expected_share"].as_f64().unwrap())
        .sum();
    assert!((expected - 1.0).abs() < 1e-9, "{expected}");
    let kinds: std::collections::BTreeSet<&str> = constituencies
        .iter()
        .map(|constituency| constituency["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["lay", "professional"].into());

    let statements = |status: &str| {
        let page = get(
            &mut Connection::new(demo.address, Duration::from_secs(60)),
            &cookie,
            &format!("/api/dialogues/{dialogue_id}/statements?status={status}&limit=500"),
        );
        page["statements"].as_array().unwrap().len()
    };
    let accepted = statements("accepted");
    assert!((36..=42).contains(&accepted), "{accepted} accepted");
    let waiting = statements("pending");
    assert!((1..=5).contains(&waiting), "{waiting} waiting");

    let analysis = analysis(&mut convenor, &cookie, dialogue_id);
    let voice = &analysis["voice"];
    // 600 online and the 18 paper cards of the carers' drop-in, which the voice audit reads by
    // channel.
    assert_eq!(voice["n_participants"], 618);
    let paper = voice["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|channel| channel["channel"] == "paper")
        .unwrap_or_else(|| panic!("no paper channel: {voice:#}"));
    assert_eq!(paper["participants"], 18, "{paper}");
    let groups = analysis["groups"].as_array().unwrap().len();
    assert!((2..=4).contains(&groups), "{groups} opinion groups");
    let common_ground = analysis["common_ground"]["n_common_ground"]
        .as_u64()
        .unwrap();
    assert!(common_ground >= 1, "no common ground");
    assert!(
        !analysis["differences"]["divisive"]
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing divisive"
    );
    assert_eq!(voice["under_represented"], json!(["Unpaid carers"]));
    let carers = voice["constituencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|constituency| constituency["name"] == "Unpaid carers")
        .unwrap();
    assert!(carers["share"].as_f64().unwrap() < 0.075, "{carers}");
    assert_eq!(carers["is_under_represented"], true);
    // Some people said they belong to more than one constituency.
    let members: u64 = voice["constituencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|constituency| constituency["counts"]["participants"].as_u64().unwrap())
        .sum();
    let unaffiliated = voice["unaffiliated"]["participants"].as_u64().unwrap();
    assert!(members + unaffiliated > 618, "{members} + {unaffiliated}");
}

#[test]
fn the_demo_partnership_has_its_partners_and_a_representative_who_can_sign_in() {
    let demo = start_demo();
    let convenor_email = printed_after(&demo.lines, "convenor login", "email:");
    let convenor_password = printed_after(&demo.lines, "convenor login", "password:");
    let representative_email = printed_after(&demo.lines, "representative signs in", "email:");
    let representative_password =
        printed_after(&demo.lines, "representative signs in", "password:");

    let (mut convenor, cookie) = sign_in(demo.address, &convenor_email, &convenor_password);
    let partnerships = get(&mut convenor, &cookie, "/api/partnerships");
    assert_eq!(partnerships[0]["name"], "Healthy ageing in Northvale");
    assert_eq!(partnerships[0]["your_role"], "convenor");
    let id = partnerships[0]["id"].as_i64().unwrap();
    let whole = get(&mut convenor, &cookie, &format!("/api/partnerships/{id}"));
    assert_eq!(whole["partners"].as_array().unwrap().len(), 8);
    let sectors: std::collections::BTreeSet<&str> = whole["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|partner| partner["sector"].as_str().unwrap())
        .collect();
    assert_eq!(
        sectors,
        ["community", "local_authority", "nhs", "voluntary"].into(),
    );

    let (mut representative, cookie) = sign_in(
        demo.address,
        &representative_email,
        &representative_password,
    );
    let session = get(&mut representative, &cookie, "/api/session");
    assert_eq!(session["may_convene"], false);
    assert_eq!(session["partners"][0]["name"], "Northvale Carers Centre");
    let seen = get(
        &mut representative,
        &cookie,
        &format!("/api/partnerships/{id}"),
    );
    assert_eq!(seen["your_role"], "representative");
    assert_eq!(seen["convenors"], json!([]));
    let shared = seen["dialogues"].as_array().unwrap();
    assert_eq!(shared.len(), 2);
    assert!(
        shared
            .iter()
            .all(|dialogue| dialogue["shared_with_partners"] == true)
    );
}

#[test]
fn the_demo_partnership_publishes_what_it_agreed_and_what_it_did() {
    let demo = start_demo();
    let objectives_line = printed_after(&demo.lines, "Demo partnership", "objectives:");
    for phase in ["1 adopted", "1 in negotiation", "1 draft", "1 withdrawn"] {
        assert!(objectives_line.contains(phase), "{objectives_line}");
    }
    let actions_line = printed_after(&demo.lines, "Demo partnership", "actions:");
    assert!(actions_line.ends_with("late)"), "{actions_line}");
    let outcomes = printed_after(&demo.lines, "Demo partnership", "outcomes:");
    assert!(
        outcomes.ends_with("(public: \"you said, we did\")"),
        "{outcomes}"
    );
    let path = outcomes
        .split_whitespace()
        .next()
        .unwrap()
        .split_once(&demo.address.to_string())
        .unwrap()
        .1
        .to_owned();
    let id: i64 = path
        .strip_prefix("/p/")
        .and_then(|rest| rest.strip_suffix("/outcomes"))
        .unwrap()
        .parse()
        .unwrap();

    // Anyone reads the outcomes without signing in: the adopted objective, how the partners
    // stood on it and what each is doing.
    let mut anyone = Connection::new(demo.address, Duration::from_secs(60));
    let document: Value = anyone
        .request(
            "GET",
            &format!("/api/partnerships/{id}/outcomes"),
            &[],
            None,
        )
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(document["is_published"], true, "{document:#}");
    let adopted = document["objectives"].as_array().unwrap();
    assert_eq!(adopted.len(), 1, "{document:#}");
    let objective = &adopted[0];
    assert_eq!(objective["version"], 2);
    let title = objective["title"].as_str().unwrap();
    assert_eq!(title, "Carers are told as soon as a discharge date is set");
    assert!(
        objective["reason"].as_str().unwrap().starts_with("adopted"),
        "{objective:#}"
    );
    assert!(
        !objective["evidence"]["statements"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let stances = objective["stances"].as_array().unwrap();
    assert_eq!(stances.len(), 8);
    assert!(stances.iter().any(|stance| {
        stance["stance"] == "endorse_with_reservations" && stance["reason"].is_string()
    }));
    assert!(stances.iter().any(|stance| stance["stance"] == "none"));
    let actions = objective["actions"].as_array().unwrap();
    let statuses: std::collections::BTreeSet<&str> = actions
        .iter()
        .map(|action| action["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["blocked", "done", "dropped", "in_progress", "planned"].into()
    );
    assert!(actions.iter().any(|action| action["is_late"] == true));
    assert!(
        actions
            .iter()
            .any(|action| !action["shared_with"].as_array().unwrap().is_empty())
    );
    let page = anyone.request("GET", &path, &[], None).unwrap();
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains(title), "{html}");
    assert!(html.contains("Write the printed guide"), "{html}");

    // The convenor's dashboard counts every status, the late and the blocked.
    let email = printed_after(&demo.lines, "convenor login", "email:");
    let password = printed_after(&demo.lines, "convenor login", "password:");
    let (mut convenor, cookie) = sign_in(demo.address, &email, &password);
    let dashboard = get(
        &mut convenor,
        &cookie,
        &format!("/api/partnerships/{id}/accountability"),
    );
    for count in [
        "planned",
        "in_progress",
        "done",
        "blocked",
        "dropped",
        "late",
    ] {
        assert!(
            dashboard["totals"][count].as_u64().unwrap() >= 1,
            "{count}: {dashboard:#}"
        );
    }
    assert!(!dashboard["blocked"].as_array().unwrap().is_empty());
    let record = get(
        &mut convenor,
        &cookie,
        &format!("/api/partnerships/{id}/record"),
    );
    assert_eq!(record["verified"], true);
    let kinds: std::collections::BTreeSet<&str> = record["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains("stance_recorded"), "{kinds:?}");
}

#[test]
fn the_demo_priority_list_shows_what_each_constituency_puts_first() {
    let demo = start_demo();
    let line = demo
        .lines
        .iter()
        .find(|line| line.starts_with("Demo priority list "))
        .unwrap_or_else(|| panic!("no priority list in {:#?}", demo.lines));
    let url = line.rsplit_once("results: ").unwrap().1;
    let path = url.split_once(&demo.address.to_string()).unwrap().1;
    let id: i64 = path
        .strip_prefix("/api/priority-lists/")
        .and_then(|rest| rest.strip_suffix("/results"))
        .unwrap()
        .parse()
        .unwrap();

    // Anyone reads the results: every option ranked, each constituency's ranking beside the
    // others, and constituencies that put different options first.
    let mut anyone = Connection::new(demo.address, Duration::from_secs(60));
    let answer = anyone.request("GET", path, &[], None).unwrap();
    assert_eq!(answer.status, 200, "{path}: {}", answer.text());
    let results: Value = answer.json().unwrap();
    let options = results["options"].as_array().unwrap();
    assert!(options.len() >= 10, "{results:#}");
    let mut ranks: Vec<u64> = options
        .iter()
        .map(|option| option["rank"].as_u64().unwrap())
        .collect();
    ranks.sort_unstable();
    assert_eq!(ranks[0], 1);
    assert!(results["comparisons"].as_u64().unwrap() > 1_000);
    let constituencies = results["constituencies"].as_array().unwrap();
    assert_eq!(constituencies.len(), 6);
    let first: std::collections::BTreeSet<u64> = constituencies
        .iter()
        .map(|constituency| {
            assert!(constituency["comparisons"].as_u64().unwrap() > 0);
            constituency["top"][0].as_u64().unwrap()
        })
        .collect();
    assert!(first.len() >= 2, "{results:#}");

    // The convenor sees where the options came from: the dialogue's common ground, their own,
    // and the participants', one of them rejected in moderation.
    let email = printed_after(&demo.lines, "convenor login", "email:");
    let password = printed_after(&demo.lines, "convenor login", "password:");
    let (mut convenor, cookie) = sign_in(demo.address, &email, &password);
    let listed = get(
        &mut convenor,
        &cookie,
        &format!("/api/priority-lists/{id}/options"),
    );
    let listed = listed.as_array().unwrap();
    let origins: std::collections::BTreeSet<&str> = listed
        .iter()
        .map(|option| option["origin"].as_str().unwrap())
        .collect();
    assert_eq!(
        origins,
        ["common_ground", "convenor", "participant"].into(),
        "{listed:#?}"
    );
    assert!(
        listed
            .iter()
            .any(|option| option["status"] == "rejected" && option["rejection_reason"].is_string()),
        "{listed:#?}"
    );
}

#[test]
fn the_demo_prints_the_trust_pages_which_show_both_waves() {
    let demo = start_demo();
    let line = printed_after(&demo.lines, "Demo partnership", "trust survey:");
    let url = line.split_whitespace().next().unwrap();
    let path = url
        .split_once(&demo.address.to_string())
        .unwrap()
        .1
        .to_owned();
    assert!(path.ends_with("/trust"), "{line}");
    let convenor_email = printed_after(&demo.lines, "convenor login", "email:");
    let convenor_password = printed_after(&demo.lines, "convenor login", "password:");
    let (mut convenor, cookie) = sign_in(demo.address, &convenor_email, &convenor_password);
    let answer = convenor
        .request("GET", &path, &[("cookie", &cookie)], None)
        .unwrap();
    assert_eq!(answer.status, 200, "{path}: {}", answer.text());
    let page = answer.text();
    assert!(page.contains("Wave 2: After the first year"), "{page}");
    assert!(page.contains("Trends over waves"), "{page}");
    assert!(page.contains("rose beyond uncertainty"), "{page}");
}

#[test]
fn the_demo_prints_the_system_map_whose_page_shows_loops_a_contested_link_and_a_ripple() {
    let demo = start_demo();
    let line = printed_after(&demo.lines, "Demo partnership", "system map:");
    let url = line.split_whitespace().next().unwrap();
    let path = url
        .split_once(&demo.address.to_string())
        .unwrap()
        .1
        .to_owned();
    assert!(path.starts_with("/convenor/maps/"), "{line}");
    assert!(line.contains("30 factors"), "{line}");
    let convenor_email = printed_after(&demo.lines, "convenor login", "email:");
    let convenor_password = printed_after(&demo.lines, "convenor login", "password:");
    let (mut convenor, cookie) = sign_in(demo.address, &convenor_email, &convenor_password);
    let answer = convenor
        .request("GET", &path, &[("cookie", &cookie)], None)
        .unwrap();
    assert_eq!(answer.status, 200, "{path}: {}", answer.text());
    let page = answer.text();
    assert!(page.contains("<svg"), "the map is drawn");
    assert!(page.contains("Reinforcing"), "{page}");
    assert!(page.contains("Balancing"), "{page}");
    assert!(page.contains("Contested"), "{page}");
    // The pinned action's ripple, as its link on the map's page shows it.
    // The templates escape every `/` they print; a browser reads it back as `/`.
    let page = page.replace("&#x2f;", "/");
    let ripple = page
        .split("href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.contains("push=up#ripple"))
        .unwrap_or_else(|| panic!("no pinned ripple link in {page}"))
        .replace("&amp;", "&");
    let answer = convenor
        .request("GET", &ripple, &[("cookie", &cookie)], None)
        .unwrap();
    assert_eq!(answer.status, 200, "{ripple}: {}", answer.text());
    let page = answer.text();
    assert!(
        page.contains("Reaches other partners&#x27; areas")
            || page.contains("Reaches other partners' areas"),
        "{page}"
    );
    assert!(page.contains("Northvale Carers Centre"), "{page}");
}
