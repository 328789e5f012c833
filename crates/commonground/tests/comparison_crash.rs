//! Durability of comparisons under crash: participants compare options at the real
//! `commonground serve` process, which is killed with SIGKILL right after it has answered a
//! comparison and restarted on the same database; afterwards every acknowledged comparison
//! must be stored as sent, once, and nothing else.
//!
//! Runs on SQLite always and on PostgreSQL when `TEST_PG_URL` names a server (with `CI` set, a
//! missing `TEST_PG_URL` is a failure). `CRASH_KILLS=N` sets how many times the server is
//! killed (default 4).

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
#[allow(dead_code, reason = "shared with the load test, which uses more of it")]
#[path = "support/server.rs"]
mod server;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use http::Connection;
use model::{ComparisonChoice, PriorityListId, PriorityParticipantId};
use server::{PgDatabase, ServerOptions, ServerProcess};

const EMAIL: &str = "crash@commonground.example";
const PASSWORD: &str = "crash test password";

/// Options of the list: 8 give each participant 28 pairs to compare.
const OPTIONS: usize = 8;

/// Participants, each with their own token.
const PARTICIPANTS: usize = 3;

/// How long a client waits for one answer.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// One acknowledged comparison: (participant, left, right) and the answer.
type Acknowledged = BTreeMap<(i64, i64, i64), ComparisonChoice>;

fn start(options: &ServerOptions) -> ServerProcess {
    ServerProcess::start(options).unwrap()
}

/// Creates the list with its options as the convenor and joins the participants; returns the
/// list, its option ids and each participant's (id, token).
fn set_up(running: &ServerProcess) -> (i64, Vec<i64>, Vec<(i64, String)>) {
    let address = running.address();
    let cookie = server::sign_in(address, EMAIL, PASSWORD).unwrap();
    let dialogue = server::create_dialogue(address, &cookie, 2).unwrap();
    let mut connection = Connection::new(address, ANSWER_TIMEOUT);
    let headers = [("Cookie", cookie.as_str())];
    let read = connection
        .request(
            "GET",
            &format!("/api/dialogues/{}", dialogue.id),
            &headers,
            None,
        )
        .unwrap();
    server::expect_status(&read, 200, "reading the dialogue").unwrap();
    let partnership = read.json().unwrap()["partnership_id"].as_i64().unwrap();
    let created = connection
        .request(
            "POST",
            &format!("/api/partnerships/{partnership}/priority-lists"),
            &headers,
            Some(&serde_json::json!({
                "title": "Crash list",
                "question": "Does every acknowledged comparison stay stored?",
            })),
        )
        .unwrap();
    server::expect_status(&created, 201, "creating the list").unwrap();
    let list = created.json().unwrap()["id"].as_i64().unwrap();
    let mut options = Vec::new();
    for number in 1..=OPTIONS {
        let added = connection
            .request(
                "POST",
                &format!("/api/priority-lists/{list}/options"),
                &headers,
                Some(&serde_json::json!({ "text": format!("Option number {number}") })),
            )
            .unwrap();
        server::expect_status(&added, 201, "adding an option").unwrap();
        options.push(added.json().unwrap()["id"].as_i64().unwrap());
    }
    let mut participants = Vec::new();
    for _ in 0..PARTICIPANTS {
        let joined = connection
            .request(
                "POST",
                &format!("/api/priority-lists/{list}/participants"),
                &[],
                Some(&serde_json::json!({})),
            )
            .unwrap();
        server::expect_status(&joined, 201, "joining the list").unwrap();
        let body = joined.json().unwrap();
        participants.push((
            body["participant_id"].as_i64().unwrap(),
            body["token"].as_str().unwrap().to_owned(),
        ));
    }
    (list, options, participants)
}

/// Every comparison to send, in order: each participant compares every pair once.
fn plan(
    options: &[i64],
    participants: &[(i64, String)],
) -> Vec<(usize, i64, i64, ComparisonChoice)> {
    let mut all = Vec::new();
    for i in 0..options.len() {
        for j in i + 1..options.len() {
            for (who, _) in participants.iter().enumerate() {
                let choice = match (i + j + who) % 3 {
                    0 => ComparisonChoice::Left,
                    1 => ComparisonChoice::Right,
                    _ => ComparisonChoice::Neither,
                };
                let (left, right) = if (i + who) % 2 == 0 {
                    (options[i], options[j])
                } else {
                    (options[j], options[i])
                };
                all.push((who, left, right, choice));
            }
        }
    }
    all
}

fn crash_and_check(database: &str, folder: &Path) {
    let kills: usize = std::env::var("CRASH_KILLS")
        .ok()
        .map_or(4, |text| text.trim().parse().unwrap());
    let binary = Path::new(env!("CARGO_BIN_EXE_commonground"));
    server::add_convenor(binary, database, EMAIL, PASSWORD, "Crash partnership").unwrap();
    let options = ServerOptions {
        binary: binary.to_owned(),
        database: database.to_owned(),
        log: folder.join("server.log"),
        env: vec![(
            "COMMONGROUND_RATE_LIMITS_ENABLED".to_owned(),
            "false".to_owned(),
        )],
    };
    let mut running = start(&options);
    let (list, option_ids, participants) = set_up(&running);
    let sends = plan(&option_ids, &participants);
    // Kill right after answers spread over the run, the last one after the final comparison.
    let kill_after: Vec<usize> = (1..=kills)
        .map(|k| k * sends.len() / kills.max(1))
        .collect();
    let mut acknowledged = Acknowledged::new();
    let mut connection = Connection::new(running.address(), ANSWER_TIMEOUT);
    for (sent, (who, left, right, choice)) in sends.iter().enumerate() {
        let (participant, token) = &participants[*who];
        let authorization = format!("Bearer {token}");
        let mut body = serde_json::json!({
            "left_option_id": left,
            "right_option_id": right,
            "choice": choice.as_str(),
        });
        if *choice == ComparisonChoice::Neither {
            body["reason"] = serde_json::json!("dont_know_enough");
        }
        let answer = connection
            .request(
                "POST",
                &format!("/api/priority-lists/{list}/comparisons"),
                &[("Authorization", authorization.as_str())],
                Some(&body),
            )
            .unwrap();
        server::expect_status(&answer, 200, "recording a comparison").unwrap();
        assert_eq!(answer.json().unwrap()["outcome"], "recorded");
        acknowledged.insert((*participant, *left, *right), *choice);
        if kill_after.contains(&(sent + 1)) {
            // SIGKILL at once after the answer: nothing gets a chance to finish.
            running.kill().unwrap();
            running = start(&options);
            connection = Connection::new(running.address(), ANSWER_TIMEOUT);
        }
    }
    running.kill().unwrap();

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let stored: Vec<store::Comparison> = runtime.block_on(async {
        let store = store::connect(database).await.unwrap();
        store.list_comparisons(PriorityListId(list)).await.unwrap()
    });
    let mut found = Acknowledged::new();
    let mut problems = Vec::new();
    for comparison in &stored {
        let key = (
            comparison.participant.get(),
            comparison.left.get(),
            comparison.right.get(),
        );
        if found.insert(key, comparison.choice).is_some() {
            problems.push(format!("comparison {key:?} is stored twice"));
        }
    }
    for (key, choice) in &acknowledged {
        match found.get(key) {
            None => problems.push(format!("acknowledged comparison {key:?} is not stored")),
            Some(stored) if stored != choice => problems.push(format!(
                "comparison {key:?} was acknowledged as {} but is stored as {}",
                choice.as_str(),
                stored.as_str()
            )),
            Some(_) => {}
        }
    }
    for key in found.keys() {
        if !acknowledged.contains_key(key) {
            problems.push(format!("comparison {key:?} is stored but was never sent"));
        }
    }
    let known: Vec<PriorityParticipantId> = participants
        .iter()
        .map(|(id, _)| PriorityParticipantId(*id))
        .collect();
    assert!(stored.iter().all(|c| known.contains(&c.participant)));
    assert!(
        problems.is_empty(),
        "{} comparisons acknowledged across {kills} kills, {} stored: {problems:#?}",
        acknowledged.len(),
        stored.len()
    );
    assert_eq!(acknowledged.len(), sends.len());
}

#[test]
fn acknowledged_comparisons_survive_sigkill_on_sqlite() {
    let folder = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", folder.path().join("crash.db").display());
    crash_and_check(&database, folder.path());
}

#[test]
fn acknowledged_comparisons_survive_sigkill_on_postgres() {
    let Ok(base) = std::env::var("TEST_PG_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "TEST_PG_URL is not set but CI is: the PostgreSQL crash test must not be skipped"
        );
        eprintln!("skipping the PostgreSQL crash test: TEST_PG_URL is not set");
        return;
    };
    let name = format!(
        "cg_comparison_crash_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let database = PgDatabase::create(&base, &name).unwrap();
    let folder = tempfile::tempdir().unwrap();
    crash_and_check(database.url(), folder.path());
}
