//! `commonground serve --demo` as a newcomer runs it: the printed credentials work, the
//! convenor sees the whole partnership, and the person who speaks for the carers' centre sees
//! the partnership, its partners and the dialogue shared with them, and convenes nothing.

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
    // The demo prints its attribution last.
    while let Some(Ok(line)) = reader.next() {
        let is_last = line.contains("CC BY 4.0");
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
    assert!(
        sectors.contains("nhs") && sectors.contains("community"),
        "{sectors:?}"
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
    assert_eq!(seen["dialogues"].as_array().unwrap().len(), 1);
    assert_eq!(seen["dialogues"][0]["shared_with_partners"], true);
}
