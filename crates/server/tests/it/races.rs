//! Races between erasures, moderation, closing and the writes they touch, on SQLite and on
//! PostgreSQL: participants erase their data while their own votes and statements are in
//! flight, authors erase while others vote on their statements, and a convenor moderates and
//! closes a dialogue while votes arrive. Every request must end as a success or as the refusal
//! it would get had it come after the write it raced with: never a 5xx, never a deadlock, every
//! acknowledged write stored, nothing of an erased participant left, and the analysis computed
//! over exactly what is stored.
//!
//! The PostgreSQL half runs when `TEST_PG_URL` names a server (and fails when `CI` is set
//! without it), like the other PostgreSQL suites.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use model::{DialogueId, ParticipantId, StatementId};
use reqwest::StatusCode;
use serde_json::{Value, json};
use server::Config;
use server::analysis::RunOutcome;
use store::{Entity, StatementFilter, StoreError};
use tokio::task::JoinSet;

use crate::postgres::{drop_database, fresh_database};
use crate::support::{Answer, Participant, TestApp, seed_convenor, spawn_app_on};

/// Rounds of the erasure race; each round has fresh participants.
const ROUNDS: usize = 3;
/// Participants per round who erase while their own votes and statements are in flight.
const ERASERS: usize = 4;
/// Participants per round who erase while others vote on their statements.
const AUTHORS: usize = 4;
/// Participants per round who vote on the authors' statements.
const VOTERS: usize = 5;
/// Voters in the moderation and closing race.
const CLOSING_VOTERS: usize = 8;
/// The longest the whole race may take on one store; a deadlock that the database did not
/// break would show up as this timeout.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// What a request did.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Action {
    Vote {
        statement: i64,
        choice: &'static str,
    },
    Post {
        text: String,
    },
    Erase,
    Moderate,
    Close,
}

/// One answered request: who sent it (a participant's id, or 0 for the convenor), what it
/// was, and the answer.
#[derive(Debug)]
struct Outcome {
    sender: i64,
    action: Action,
    status: StatusCode,
    code: String,
    body: Value,
}

async fn send(request: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let response = request.send().await.expect("request sent");
    let status = response.status();
    let bytes = response.bytes().await.expect("body");
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// Sends one participant's request through a fresh client of its own, so that requests run
/// side by side.
async fn participant_request(
    base: String,
    dialogue: i64,
    participant: Participant,
    action: Action,
) -> Outcome {
    let client = reqwest::Client::new();
    let url = |path: &str| format!("{base}/api/dialogues/{dialogue}{path}");
    let request = match &action {
        Action::Vote { statement, choice } => client
            .post(url("/votes"))
            .json(&json!({ "statement_id": statement, "vote": choice })),
        Action::Post { text } => client
            .post(url("/statements"))
            .json(&json!({ "text": text })),
        Action::Erase => client.delete(url("/me")),
        Action::Moderate | Action::Close => unreachable!("a convenor's action"),
    };
    let (status, body) = send(request.bearer_auth(&participant.token)).await;
    Outcome {
        sender: participant.id,
        action,
        status,
        code: body["error"]["code"].as_str().unwrap_or("").to_owned(),
        body,
    }
}

fn convenor_outcome(action: Action, answer: &Answer) -> Outcome {
    Outcome {
        sender: 0,
        action,
        status: answer.status,
        code: answer.code().to_owned(),
        body: answer.body.clone(),
    }
}

/// Runs every request at once and returns their outcomes, failing on any 5xx.
async fn race(requests: JoinSet<Outcome>) -> Vec<Outcome> {
    let outcomes = requests.join_all().await;
    for outcome in &outcomes {
        assert!(
            !outcome.status.is_server_error(),
            "a request that lost a race failed instead of being refused: {outcome:?}"
        );
    }
    outcomes
}

async fn statement_ids(app: &TestApp, dialogue: i64) -> Vec<i64> {
    let answer = app.list_statements(dialogue, "").await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body["statements"]
        .as_array()
        .expect("a statement list")
        .iter()
        .map(|statement| statement["id"].as_i64().expect("an id"))
        .collect()
}

async fn join_many(app: &TestApp, dialogue: i64, n: usize) -> Vec<Participant> {
    let mut participants = Vec::with_capacity(n);
    for _ in 0..n {
        participants.push(app.join(dialogue, &["resident"]).await);
    }
    participants
}

/// Checks that nothing of an erased participant is left anywhere in the store.
async fn assert_nothing_left(app: &TestApp, dialogue: i64, participant: i64) {
    let store = app.state.store();
    let id = ParticipantId(participant);
    assert!(
        matches!(
            store.get_participant(id).await,
            Err(StoreError::NotFound(Entity::Participant))
        ),
        "participant {participant} is still there"
    );
    assert!(matches!(
        store.participant_vote_history(id).await,
        Err(StoreError::NotFound(Entity::Participant))
    ));
    let dialogue = DialogueId(dialogue);
    let latest = store.latest_votes(dialogue).await.unwrap();
    assert!(latest.iter().all(|vote| vote.participant != id));
    let history = store.vote_history(dialogue, None, u32::MAX).await.unwrap();
    assert!(history.iter().all(|event| event.participant != id));
    let memberships = store.list_memberships(dialogue).await.unwrap();
    assert!(memberships.iter().all(|(member, _)| *member != id));
    let authored = store
        .list_statements(
            dialogue,
            &StatementFilter {
                author: Some(id),
                ..StatementFilter::default()
            },
        )
        .await
        .unwrap();
    assert!(authored.statements.is_empty(), "{authored:?}");
}

/// Checks that each of `senders` had exactly one erasure acknowledged, any other refused as
/// coming from an unknown token, and returns them.
fn erased_once(outcomes: &[Outcome], senders: &[Participant]) -> BTreeSet<i64> {
    let mut erased = BTreeSet::new();
    for sender in senders {
        let erasures: Vec<&Outcome> = outcomes
            .iter()
            .filter(|outcome| outcome.sender == sender.id && outcome.action == Action::Erase)
            .collect();
        let acknowledged = erasures
            .iter()
            .filter(|outcome| outcome.status == StatusCode::OK)
            .count();
        assert_eq!(acknowledged, 1, "{erasures:?}");
        for outcome in &erasures {
            assert!(
                outcome.status == StatusCode::OK || outcome.code == "unauthenticated",
                "{outcome:?}"
            );
        }
        erased.insert(sender.id);
    }
    erased
}

/// Checks that every participant's stored votes are exactly the ones they were told were
/// recorded: each acknowledged vote is there, and no refused one left anything behind.
async fn assert_votes_stored_as_acknowledged(
    app: &TestApp,
    outcomes: &[Outcome],
    participants: &[Participant],
    authored: &BTreeMap<i64, i64>,
) {
    for participant in participants {
        let mut acknowledged = BTreeMap::new();
        // A statement is stored with its author's agreement, whether written before the race
        // (`authored`, statement to author) or during it.
        for (statement, author) in authored {
            if *author == participant.id {
                acknowledged.insert(*statement, "agree");
            }
        }
        for outcome in outcomes {
            if matches!(outcome.action, Action::Post { .. })
                && outcome.sender == participant.id
                && outcome.status == StatusCode::CREATED
                && let Some(id) = outcome.body["id"].as_i64()
            {
                acknowledged.insert(id, "agree");
            }
        }
        for outcome in outcomes {
            if let Action::Vote { statement, choice } = &outcome.action
                && outcome.sender == participant.id
                && outcome.status == StatusCode::OK
            {
                acknowledged.insert(*statement, *choice);
            }
        }
        let stored: BTreeMap<i64, &'static str> = app
            .state
            .store()
            .participant_vote_history(ParticipantId(participant.id))
            .await
            .unwrap()
            .into_iter()
            .map(|event| {
                let choice = match event.choice {
                    model::VoteChoice::Agree => "agree",
                    model::VoteChoice::Disagree => "disagree",
                    model::VoteChoice::Pass => "pass",
                };
                (event.statement.get(), choice)
            })
            .collect();
        assert_eq!(stored, acknowledged, "participant {}", participant.id);
    }
}

/// Recomputes the analysis and checks that it counts exactly the votes and voters stored.
async fn assert_analysis_matches_store(app: &TestApp, dialogue: i64) {
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let analysis = app.analysis(dialogue).await;
    assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
    let latest = app
        .state
        .store()
        .latest_votes(DialogueId(dialogue))
        .await
        .unwrap();
    let voters: BTreeSet<i64> = latest.iter().map(|vote| vote.participant.get()).collect();
    assert_eq!(analysis.body["n_votes"], latest.len());
    assert_eq!(analysis.body["input"]["votes"], latest.len());
    assert_eq!(analysis.body["input"]["voters"], voters.len());
    let analysed: BTreeSet<i64> = analysis.body["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|participant| participant["id"].as_i64().unwrap())
        .collect();
    assert_eq!(analysed, voters);
}

/// One round of erasures racing their own writes and others' votes on their statements.
async fn erasure_round(app: &TestApp, dialogue: i64, round: usize, seeds: &[i64]) {
    let erasers = join_many(app, dialogue, ERASERS).await;
    let authors = join_many(app, dialogue, AUTHORS).await;
    let voters = join_many(app, dialogue, VOTERS).await;
    // Each author's statement, written before the race.
    let mut authored = BTreeMap::new();
    for (index, author) in authors.iter().enumerate() {
        let text = format!("Round {round} author {index} asks for shaded seating");
        let answer = app.submit_statement(dialogue, author, &text).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{answer:?}");
        authored.insert(answer.body["id"].as_i64().unwrap(), author.id);
    }

    let base = app.url("");
    let mut requests = JoinSet::new();
    let mut spawn = |participant: &Participant, action: Action| {
        requests.spawn(participant_request(
            base.clone(),
            dialogue,
            participant.clone(),
            action,
        ));
    };
    for (index, eraser) in erasers.iter().enumerate() {
        for (k, statement) in seeds.iter().enumerate() {
            let choice = ["agree", "disagree", "pass"][(index + k) % 3];
            spawn(
                eraser,
                Action::Vote {
                    statement: *statement,
                    choice,
                },
            );
            if k == 1 {
                spawn(eraser, Action::Erase);
            }
        }
        for k in 0..2 {
            let text = format!("Round {round} eraser {index} wants idea {k} kept");
            spawn(eraser, Action::Post { text });
        }
        spawn(eraser, Action::Erase);
    }
    for author in &authors {
        spawn(author, Action::Erase);
    }
    for (index, voter) in voters.iter().enumerate() {
        for (k, statement) in authored.keys().chain(seeds).enumerate() {
            let choice = ["agree", "disagree", "pass"][(index + k) % 3];
            spawn(
                voter,
                Action::Vote {
                    statement: *statement,
                    choice,
                },
            );
        }
    }
    let outcomes = race(requests).await;

    let mut erased = erased_once(&outcomes, &erasers);
    erased.extend(erased_once(&outcomes, &authors));
    for outcome in &outcomes {
        let from_erased = erased.contains(&outcome.sender);
        match &outcome.action {
            Action::Vote { statement, .. } => {
                let lost_author = authored.contains_key(statement);
                let refused_fairly = (from_erased && outcome.code == "unauthenticated")
                    || (lost_author && outcome.code == "statement_not_found");
                assert!(
                    outcome.status == StatusCode::OK || refused_fairly,
                    "{outcome:?}"
                );
            }
            Action::Post { .. } => assert!(
                outcome.status == StatusCode::CREATED
                    || (from_erased && outcome.code == "unauthenticated"),
                "{outcome:?}"
            ),
            Action::Erase => {}
            Action::Moderate | Action::Close => unreachable!(),
        }
    }
    for participant in &erased {
        assert_nothing_left(app, dialogue, *participant).await;
    }
    assert_votes_stored_as_acknowledged(app, &outcomes, &voters, &authored).await;

    // An author's statement that someone's acknowledged vote refers to stays, without its
    // author; one nobody else voted on went with its author.
    let store = app.state.store();
    for statement in authored.keys() {
        let voted_on = outcomes.iter().any(|outcome| {
            outcome.status == StatusCode::OK
                && matches!(&outcome.action, Action::Vote { statement: s, .. } if s == statement)
        });
        match store.get_statement(StatementId(*statement)).await {
            Ok(kept) => {
                assert!(voted_on, "statement {statement} outlived its author");
                assert_eq!(kept.author, None);
            }
            Err(StoreError::NotFound(Entity::Statement)) => {
                assert!(!voted_on, "statement {statement} with votes was removed");
            }
            Err(other) => panic!("{other}"),
        }
    }
    // The erasers' statements that were acknowledged are gone with them or lost their author.
    for outcome in &outcomes {
        if matches!(outcome.action, Action::Post { .. }) && outcome.status == StatusCode::CREATED {
            let id = StatementId(outcome.body["id"].as_i64().unwrap());
            match store.get_statement(id).await {
                Ok(kept) => assert_eq!(kept.author, None),
                Err(error) => assert!(
                    matches!(error, StoreError::NotFound(Entity::Statement)),
                    "{error}"
                ),
            }
        }
    }
}

/// A convenor rejects statements and closes the dialogue while its participants vote, and one
/// of them erases their data meanwhile.
async fn moderation_and_closing_race(app: &TestApp) {
    let dialogue = app.create_standard_dialogue().await;
    let voters = join_many(app, dialogue, CLOSING_VOTERS).await;
    let mut written = Vec::new();
    for (index, voter) in voters.iter().take(3).enumerate() {
        let text = format!("Closing race idea {index} about water fountains");
        let answer = app.submit_statement(dialogue, voter, &text).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{answer:?}");
        written.push(answer.body["id"].as_i64().unwrap());
    }
    let statements = statement_ids(app, dialogue).await;
    let erasing = voters[CLOSING_VOTERS - 1].clone();

    // Each voter votes on every statement, one vote after another and each starting at a
    // different statement; the convenor rejects once a quarter of the votes are answered and
    // closes once half are, and one voter erases in between, so that each lands among votes.
    let base = app.url("");
    let answered = Arc::new(AtomicUsize::new(0));
    let total = voters.len() * statements.len();
    let mut requests = JoinSet::new();
    for (index, voter) in voters.iter().enumerate() {
        let (base, voter, answered) = (base.clone(), voter.clone(), Arc::clone(&answered));
        let mut order = statements.clone();
        order.rotate_left(index % statements.len());
        requests.spawn(async move {
            let mut outcomes = Vec::with_capacity(order.len());
            for (k, statement) in order.into_iter().enumerate() {
                let choice = ["agree", "disagree", "pass"][(index + k) % 3];
                let action = Action::Vote { statement, choice };
                outcomes
                    .push(participant_request(base.clone(), dialogue, voter.clone(), action).await);
                answered.fetch_add(1, Ordering::SeqCst);
            }
            outcomes
        });
    }
    let until_answered = |share: usize| {
        let answered = Arc::clone(&answered);
        async move {
            while answered.load(Ordering::SeqCst) < total / share {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
    };
    let (first, rest) = written.split_first().unwrap();
    until_answered(4).await;
    let (one, many, erased) = tokio::join!(
        app.moderate_one(dialogue, *first, "rejected"),
        app.moderate_many(dialogue, rest, "rejected"),
        participant_request(base.clone(), dialogue, erasing.clone(), Action::Erase),
    );
    until_answered(2).await;
    let closed = app.close(dialogue).await;
    let mut outcomes: Vec<Outcome> = requests.join_all().await.into_iter().flatten().collect();
    outcomes.push(erased);
    outcomes.push(convenor_outcome(Action::Moderate, &one));
    outcomes.push(convenor_outcome(Action::Moderate, &many));
    outcomes.push(convenor_outcome(Action::Close, &closed));
    for outcome in &outcomes {
        assert!(!outcome.status.is_server_error(), "{outcome:?}");
        match &outcome.action {
            Action::Vote { .. } => assert!(
                outcome.status == StatusCode::OK
                    || ["dialogue_closed", "statement_not_votable"]
                        .contains(&outcome.code.as_str())
                    || (outcome.sender == erasing.id && outcome.code == "unauthenticated"),
                "{outcome:?}"
            ),
            Action::Erase | Action::Moderate | Action::Close => {
                assert_eq!(outcome.status, StatusCode::OK, "{outcome:?}");
            }
            Action::Post { .. } => unreachable!(),
        }
    }
    // No vote got in after the dialogue closed.
    let late = app.vote(dialogue, &voters[0], statements[0], "agree").await;
    assert_eq!(late.code(), "dialogue_closed", "{late:?}");
    assert_nothing_left(app, dialogue, erasing.id).await;
    let authored: BTreeMap<i64, i64> = written
        .iter()
        .zip(&voters)
        .map(|(statement, author)| (*statement, author.id))
        .collect();
    assert_votes_stored_as_acknowledged(app, &outcomes, &voters[..CLOSING_VOTERS - 1], &authored)
        .await;
    assert_analysis_matches_store(app, dialogue).await;
}

/// Every race, on the store the app runs on.
async fn races_end_in_refusals(app: &TestApp) {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let seeds = statement_ids(app, dialogue).await;
    for round in 0..ROUNDS {
        erasure_round(app, dialogue, round, &seeds).await;
    }
    assert_analysis_matches_store(app, dialogue).await;
    moderation_and_closing_race(app).await;
}

/// A configuration for the races: no rate limits, which would refuse the bursts for another
/// reason, and no background analysis, so that the test recomputes when everything is stored.
fn race_config(database: String) -> Config {
    Config {
        database,
        analysis_enabled: false,
        rate_limits_enabled: false,
        ..Config::for_tests()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn races_on_sqlite_end_in_refusals() {
    let folder = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", folder.path().join("races.db").display());
    let app = spawn_app_on(race_config(database)).await;
    seed_convenor(&app).await;
    tokio::time::timeout(TIME_LIMIT, races_end_in_refusals(&app))
        .await
        .expect("the races ended in time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn races_on_postgres_end_in_refusals_without_deadlocks() {
    let Some(database) = fresh_database().await else {
        return;
    };
    let app = spawn_app_on(race_config(database.clone())).await;
    seed_convenor(&app).await;
    tokio::time::timeout(TIME_LIMIT, races_end_in_refusals(&app))
        .await
        .expect("the races ended in time");
    // A deadlock the database broke would have been retried and so be invisible above; the
    // server's statistics count it. Closing the pool ends its sessions, which reports them.
    app.state.store().close().await;
    let deadlocks = deadlocks_reported(&database).await;
    drop_database(&database);
    assert_eq!(deadlocks, 0, "writers deadlocked");
}

/// Returns how many deadlocks PostgreSQL has counted in the database, once every other session
/// on it has ended (a session reports its counts as it ends).
async fn deadlocks_reported(database: &str) -> i64 {
    let query = |sql: &str| {
        let output = std::process::Command::new("psql")
            .args([database, "-tAc", sql])
            .output()
            .expect("psql runs");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse::<i64>()
            .expect("a count")
    };
    for _ in 0..50 {
        let others = query(
            "SELECT COUNT(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        );
        if others == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    query("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
}
