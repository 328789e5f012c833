//! What an operator sees of the real `commonground serve` process: a log line per request
//! (method, route template, status, latency, request id) and per analysis run, as JSON lines on
//! request, without colour codes when the log is redirected, never holding a token or a
//! participant's words; and Prometheus figures on their own listener, never on the public one.

#![allow(
    clippy::unwrap_used,
    reason = "a test helper that cannot do its job should stop the test"
)]

#[allow(
    dead_code,
    reason = "shared with the crash test, which uses more of it"
)]
#[path = "support/http.rs"]
mod http;
#[allow(
    dead_code,
    reason = "shared with the crash test, which uses more of it"
)]
#[path = "support/server.rs"]
mod server;

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use http::Connection;
use server::{ServerOptions, ServerProcess};

const EMAIL: &str = "operator@commonground.example";
const PASSWORD: &str = "operator test password";
const TIMEOUT: Duration = Duration::from_secs(30);

/// A participant's words that must never reach the log.
const SECRET_TEXT: &str = "Words of a participant that only the dialogue may hold";

fn start(folder: &Path, env: &[(&str, &str)]) -> ServerProcess {
    let binary = Path::new(env!("CARGO_BIN_EXE_commonground"));
    let database = format!("sqlite:{}", folder.join("operator.db").display());
    server::add_convenor(binary, &database, EMAIL, PASSWORD, "Operator partnership").unwrap();
    let mut options = ServerOptions {
        binary: binary.to_owned(),
        database,
        log: folder.join("server.log"),
        env: vec![
            ("RUST_LOG".to_owned(), "info".to_owned()),
            (
                "COMMONGROUND_ANALYSIS_DEBOUNCE_MS".to_owned(),
                "0".to_owned(),
            ),
        ],
    };
    options.env.extend(
        env.iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned())),
    );
    ServerProcess::start(&options).unwrap()
}

/// Creates a dialogue open to participant statements, joins, writes a statement and votes;
/// returns the dialogue id and the participant's token.
fn some_traffic(address: SocketAddr) -> (i64, String) {
    let cookie = server::sign_in(address, EMAIL, PASSWORD).unwrap();
    let dialogue = server::create_dialogue(address, &cookie, 3).unwrap();
    let mut connection = Connection::new(address, TIMEOUT);
    let joined = connection
        .request(
            "POST",
            &format!("/api/dialogues/{}/participants", dialogue.id),
            &[],
            Some(&serde_json::json!({})),
        )
        .unwrap();
    server::expect_status(&joined, 201, "joining").unwrap();
    let token = joined.json().unwrap()["token"].as_str().unwrap().to_owned();
    let authorization = format!("Bearer {token}");
    for statement in &dialogue.statements {
        let vote = connection
            .request(
                "POST",
                &format!("/api/dialogues/{}/votes", dialogue.id),
                &[("Authorization", &authorization)],
                Some(&serde_json::json!({ "statement_id": statement, "vote": "agree" })),
            )
            .unwrap();
        server::expect_status(&vote, 200, "voting").unwrap();
    }
    // Participant statements are off in this dialogue: refused, but the words were sent.
    let written = connection
        .request(
            "POST",
            &format!("/api/dialogues/{}/statements", dialogue.id),
            &[("Authorization", &authorization)],
            Some(&serde_json::json!({ "text": SECRET_TEXT })),
        )
        .unwrap();
    assert!(written.status >= 400, "{}", written.text());
    let unknown = connection
        .request("GET", &format!("/no/such/{token}"), &[], None)
        .unwrap();
    assert_eq!(unknown.status, 404);
    (dialogue.id, token)
}

/// Waits until the log holds a line with `needle`, and returns the log.
fn log_with(folder: &Path, needle: &str) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let log = std::fs::read_to_string(folder.join("server.log")).unwrap();
        if log.contains(needle) {
            return log;
        }
        assert!(
            Instant::now() < deadline,
            "no {needle:?} in the log:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn json_log_lines_name_requests_by_route_and_analysis_runs_and_hold_no_secret() {
    let folder = tempfile::tempdir().unwrap();
    let running = start(folder.path(), &[("COMMONGROUND_LOG_FORMAT", "json")]);
    let (dialogue, token) = some_traffic(running.address());
    let log = log_with(folder.path(), "analysis run");
    running.terminate(TIMEOUT).unwrap();
    let log = std::fs::read_to_string(folder.path().join("server.log")).unwrap_or(log);

    assert!(!log.contains(&token), "a token reached the log");
    assert!(
        !log.contains(SECRET_TEXT),
        "a participant's words reached the log"
    );
    assert!(!log.contains('\u{1b}'), "colour codes in a redirected log");
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|error| panic!("not a JSON line ({error}): {line}"))
        })
        .collect();
    let requests: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|line| line["message"] == "request")
        .collect();
    let vote_route = "/api/dialogues/{id}/votes";
    let votes: Vec<&&serde_json::Value> = requests
        .iter()
        .filter(|line| line["route"] == vote_route)
        .collect();
    assert_eq!(votes.len(), 3, "one line per vote request: {requests:#?}");
    for line in &votes {
        assert_eq!(line["level"], "INFO");
        assert_eq!(line["method"], "POST");
        assert_eq!(line["status"], 200);
        assert!(
            line["latency_ms"].as_f64().is_some_and(|ms| ms >= 0.0),
            "{line}"
        );
        assert!(
            line["request_id"].as_str().is_some_and(|id| !id.is_empty()),
            "{line}"
        );
        assert!(line["timestamp"].is_string(), "{line}");
    }
    assert!(
        requests
            .iter()
            .any(|line| line["route"] == "unmatched" && line["status"] == 404),
        "an unknown path is logged as unmatched, not as the path sent"
    );
    let runs: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|line| line["message"] == "analysis run")
        .collect();
    assert!(
        runs.iter().any(|run| {
            run["subject"] == "dialogue"
                && run["id"] == dialogue
                && run["outcome"] == "computed"
                && run["votes"].as_u64().is_some()
                && run["duration_ms"].as_f64().is_some()
        }),
        "{runs:#?}"
    );
}

#[test]
fn a_redirected_text_log_has_no_colour_codes() {
    let folder = tempfile::tempdir().unwrap();
    let running = start(folder.path(), &[]);
    some_traffic(running.address());
    running.terminate(TIMEOUT).unwrap();
    let log = std::fs::read_to_string(folder.path().join("server.log")).unwrap();
    assert!(log.contains("request"), "{log}");
    assert!(log.contains("route=/api/dialogues/{id}/votes"), "{log}");
    assert!(
        !log.contains('\u{1b}'),
        "colour codes in a redirected log:\n{log}"
    );
}

/// Checks each line of a Prometheus text exposition and returns its samples as
/// (name with labels, value).
fn parse_exposition(text: &str) -> Vec<(String, f64)> {
    let mut samples = Vec::new();
    let mut typed = std::collections::BTreeSet::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').unwrap();
            assert!(
                ["counter", "gauge", "histogram"].contains(&kind),
                "unknown type: {line}"
            );
            assert!(typed.insert(name.to_owned()), "typed twice: {line}");
            continue;
        }
        if line.starts_with("# HELP ") {
            continue;
        }
        let (series, value) = line.rsplit_once(' ').unwrap();
        let value: f64 = value
            .parse()
            .unwrap_or_else(|_| panic!("not a number: {line}"));
        let name = series.split('{').next().unwrap();
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'),
            "bad metric name: {line}"
        );
        let family = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|suffix| {
                name.strip_suffix(suffix)
                    .filter(|base| typed.contains(*base))
            })
            .unwrap_or(name);
        assert!(
            typed.contains(family),
            "sample before its TYPE line: {line}"
        );
        if let Some(labels) = series.strip_prefix(name)
            && !labels.is_empty()
        {
            assert!(labels.starts_with('{') && labels.ends_with('}'), "{line}");
        }
        samples.push((series.to_owned(), value));
    }
    samples
}

#[test]
fn metrics_are_served_on_their_own_listener_only() {
    let folder = tempfile::tempdir().unwrap();
    let running = start(
        folder.path(),
        &[("COMMONGROUND_METRICS_LISTEN", "127.0.0.1:0")],
    );
    let metrics = running
        .metrics_address()
        .expect("the server reports its metrics address");
    assert_ne!(metrics, running.address());
    some_traffic(running.address());
    log_with(folder.path(), "analysis run");

    let mut public = Connection::new(running.address(), TIMEOUT);
    let answer = public.request("GET", "/metrics", &[], None).unwrap();
    assert_eq!(
        answer.status, 404,
        "the public listener must not serve metrics"
    );

    let mut private = Connection::new(metrics, TIMEOUT);
    let answer = private.request("GET", "/metrics", &[], None).unwrap();
    assert_eq!(answer.status, 200);
    let content_type = answer
        .headers
        .iter()
        .find(|(name, _)| name == "content-type")
        .map(|(_, value)| value.clone())
        .unwrap();
    assert!(
        content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    let text = answer.text();
    let samples = parse_exposition(&text);
    let value = |series: &str| {
        samples
            .iter()
            .find(|(name, _)| name == series)
            .map(|(_, value)| *value)
            .unwrap_or_else(|| panic!("no {series} in\n{text}"))
    };
    assert!(
        (value(
            "commonground_http_requests_total{method=\"POST\",route=\"/api/dialogues/{id}/votes\",status=\"200\"}"
        ) - 3.0).abs() < 0.5,
        "three votes"
    );
    assert!(
        (value(
            "commonground_http_request_duration_seconds_count{method=\"POST\",route=\"/api/dialogues/{id}/votes\"}"
        ) - 3.0).abs() < 0.5,
        "three votes"
    );
    assert!(value("commonground_votes_recorded_total") >= 3.0);
    assert!(
        value("commonground_analysis_runs_total{subject=\"dialogue\",outcome=\"computed\"}") >= 1.0
    );
    assert!(value("commonground_analysis_duration_seconds_count{subject=\"dialogue\"}") >= 1.0);
    assert!(value("commonground_vote_queue_depth") >= 0.0);
    assert!(value("commonground_analysis_queue_depth") >= 0.0);
    assert!(value("process_resident_memory_bytes") > 0.0);
    let private_route = private.request("GET", "/api/dialogues", &[], None).unwrap();
    assert_eq!(
        private_route.status, 404,
        "the metrics listener serves metrics alone"
    );
    running.terminate(TIMEOUT).unwrap();
}

#[test]
fn without_the_setting_no_metrics_listener_is_opened() {
    let folder = tempfile::tempdir().unwrap();
    let running = start(folder.path(), &[]);
    assert_eq!(running.metrics_address(), None);
    let mut public = Connection::new(running.address(), TIMEOUT);
    let answer = public.request("GET", "/metrics", &[], None).unwrap();
    assert_eq!(answer.status, 404);
    running.terminate(TIMEOUT).unwrap();
}
