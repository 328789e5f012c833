//! Priority lists through the JSON API, on SQLite and PostgreSQL: a convenor drafts options
//! from a dialogue's common ground and writes more, participants of two constituencies join
//! (one linking their part in the dialogue), add an option that waits for moderation, compare
//! every pair they are shown (never one twice), retry safely, and read the results; the list's
//! files are exported, a participant reads and erases their data, and a closed list refuses.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};
use server::Config;
use server::priorities::document::PriorityDocument;

use crate::support::{Answer, TestApp, seed_convenor, spawn_app, spawn_app_on};

#[allow(
    clippy::float_cmp,
    reason = "the shared schema validator compares JSON numbers exactly"
)]
#[path = "../../../commonground/tests/support/schema.rs"]
mod schema;

/// The published schema of the results document.
const SCHEMA: &str = include_str!("../../../../docs/priorities.schema.json");

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap().to_vec();
    Answer {
        status,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        headers,
        bytes,
    }
}

async fn convenor(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> Answer {
    let mut request = app.convenor.request(method, app.url(path));
    if let Some(body) = body {
        request = request.json(&body);
    }
    send(request).await
}

async fn participant(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> Answer {
    let mut request = app
        .anonymous
        .request(method, app.url(path))
        .bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    send(request).await
}

/// A dialogue in which statement A is common ground: twelve participants agree with it and
/// split on the other two. Returns the dialogue, statement A and a participant's token.
pub(crate) async fn dialogue_with_common_ground(app: &TestApp) -> (i64, i64, String) {
    let created = app
        .create_dialogue(&json!({
            "title": "Our clinics",
            "question": "What would make the clinics better?",
            "statements": [
                "Community transport to the hospital",
                "Close the town centre car park",
                "Move the clinic to the retail park",
            ],
        }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let dialogue = created.body["id"].as_i64().unwrap();
    let listed = app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect::<Vec<_>>();
    let mut first_token = String::new();
    for person in 0..12 {
        let joined = app.join(dialogue, &[]).await;
        let split = if person % 2 == 0 { "agree" } else { "disagree" };
        let other = if person % 2 == 0 { "disagree" } else { "agree" };
        for (statement, vote) in [(listed[0], "agree"), (listed[1], split), (listed[2], other)] {
            let voted = app.vote(dialogue, &joined, statement, vote).await;
            assert_eq!(voted.status, StatusCode::OK, "{voted:?}");
        }
        if person == 0 {
            first_token = joined.token;
        }
    }
    assert_eq!(
        app.recompute_now(dialogue).await,
        server::analysis::RunOutcome::Computed
    );
    let analysis = app.analysis(dialogue).await;
    let ground: Vec<i64> = analysis.body["common_ground"]["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_i64().unwrap())
        .collect();
    assert!(ground.contains(&listed[0]), "{ground:?}");
    (dialogue, listed[0], first_token)
}

/// How each constituency ranks the options, best first.
const CARER_ORDER: [&str; 4] = [
    "Community transport to the hospital",
    "A bus to the hospital",
    "Evening clinics",
    "Benches on the way to the shops",
];
const GP_ORDER: [&str; 4] = [
    "Evening clinics",
    "A bus to the hospital",
    "Community transport to the hospital",
    "Benches on the way to the shops",
];

/// Asks for pairs until none is left, answering by `order`; returns the pairs answered with
/// the answers.
async fn compare_all(
    app: &TestApp,
    list: i64,
    token: &str,
    order: &[&str],
) -> Vec<(i64, i64, &'static str)> {
    let mut answered = Vec::new();
    loop {
        let next = participant(
            app,
            reqwest::Method::GET,
            &format!("/api/priority-lists/{list}/next"),
            token,
            None,
        )
        .await;
        if next.status == StatusCode::NO_CONTENT {
            break;
        }
        assert_eq!(next.status, StatusCode::OK, "{next:?}");
        let left = &next.body["left"];
        let right = &next.body["right"];
        let rank = |option: &Value| {
            order
                .iter()
                .position(|text| option["text"] == *text)
                .unwrap()
        };
        let choice = if rank(left) < rank(right) {
            "left"
        } else {
            "right"
        };
        let pair = (left["id"].as_i64().unwrap(), right["id"].as_i64().unwrap());
        let recorded = participant(
            app,
            reqwest::Method::POST,
            &format!("/api/priority-lists/{list}/comparisons"),
            token,
            Some(json!({
                "left_option_id": pair.0,
                "right_option_id": pair.1,
                "choice": choice,
                "idempotency_key": format!("{}-{}", pair.0, pair.1),
            })),
        )
        .await;
        assert_eq!(recorded.status, StatusCode::OK, "{recorded:?}");
        assert_eq!(recorded.body["outcome"], "recorded");
        answered.push((pair.0, pair.1, choice));
        assert!(answered.len() <= 6, "more pairs than 4 options have");
    }
    answered
}

async fn whole_path(app: &TestApp) {
    app.login_as_convenor().await;
    let (dialogue, common, dialogue_token) = dialogue_with_common_ground(app).await;
    let partnership = app.get_dialogue(dialogue).await.body["partnership_id"]
        .as_i64()
        .unwrap();
    let lists = format!("/api/partnerships/{partnership}/priority-lists");

    // A list needs a title; a refused list is not stored.
    let untitled = convenor(
        app,
        reqwest::Method::POST,
        &lists,
        Some(json!({"title": " ", "question": "Which first?"})),
    )
    .await;
    assert_eq!(untitled.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(untitled.code(), "validation_failed");
    let created = convenor(
        app,
        reqwest::Method::POST,
        &lists,
        Some(json!({
            "title": "First steps",
            "question": "Which should the partnership do first?",
            "dialogue_id": dialogue,
            "constituencies": [{"name": "carer", "kind": "lay"}, {"name": "GP", "kind": "professional"}],
            "moderation": "pre",
        })),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let list = created.body["id"].as_i64().unwrap();
    assert_eq!(created.body["is_open"], true);
    let listed = convenor(app, reqwest::Method::GET, &lists, None).await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);

    // Options drafted from common ground link back to their statement, once.
    let drafted = convenor(
        app,
        reqwest::Method::POST,
        &format!("/api/priority-lists/{list}/options/from-common-ground"),
        None,
    )
    .await;
    assert_eq!(drafted.status, StatusCode::OK, "{drafted:?}");
    let added = drafted.body["added"].as_array().unwrap();
    let from_common = added
        .iter()
        .find(|option| option["statement_id"] == common)
        .expect("the common-ground statement is drafted");
    assert_eq!(from_common["origin"], "common_ground");
    assert_eq!(from_common["text"], CARER_ORDER[0]);
    let again = convenor(
        app,
        reqwest::Method::POST,
        &format!("/api/priority-lists/{list}/options/from-common-ground"),
        None,
    )
    .await;
    assert_eq!(again.body["added"], json!([]));
    // Drafting took only statement A here; anything else would change the comparisons below.
    assert_eq!(added.len(), 1, "{added:?}");

    for text in ["Evening clinics", "A bus to the hospital"] {
        let option = convenor(
            app,
            reqwest::Method::POST,
            &format!("/api/priority-lists/{list}/options"),
            Some(json!({ "text": text })),
        )
        .await;
        assert_eq!(option.status, StatusCode::CREATED, "{option:?}");
        assert_eq!(option.body["status"], "accepted");
    }
    let duplicate = convenor(
        app,
        reqwest::Method::POST,
        &format!("/api/priority-lists/{list}/options"),
        Some(json!({ "text": "evening clinics!" })),
    )
    .await;
    assert_eq!(duplicate.status, StatusCode::CONFLICT);
    assert_eq!(duplicate.code(), "duplicate_option");

    // Joining: constituencies by name; a dialogue token only of the linked dialogue.
    let join = |body: Value| {
        let request = app
            .anonymous
            .post(app.url(&format!("/api/priority-lists/{list}/participants")))
            .json(&body);
        async move { send(request).await }
    };
    let unknown = join(json!({"constituencies": ["nurse"]})).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.code(), "constituency_not_found");
    assert_eq!(
        unknown.body["error"]["message"],
        "\"nurse\" is not a constituency of this priority list"
    );
    let stranger = join(json!({"dialogue_token": "0".repeat(64)})).await;
    assert_eq!(stranger.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stranger.code(), "validation_failed");
    assert_eq!(
        stranger.body["error"]["message"],
        "the dialogue token is not a participant's of the dialogue this list is linked to"
    );
    let carer = join(json!({"constituencies": ["carer"], "dialogue_token": dialogue_token})).await;
    assert_eq!(carer.status, StatusCode::CREATED, "{carer:?}");
    let carer = carer.body["token"].as_str().unwrap().to_owned();
    let gp = join(json!({"constituencies": ["GP"]})).await;
    assert_eq!(gp.status, StatusCode::CREATED, "{gp:?}");
    let gp = gp.body["token"].as_str().unwrap().to_owned();

    // A participant's option waits for pre-moderation before anyone is shown it.
    let benches = participant(
        app,
        reqwest::Method::POST,
        &format!("/api/priority-lists/{list}/me/options"),
        &carer,
        Some(json!({"text": CARER_ORDER[3]})),
    )
    .await;
    assert_eq!(benches.status, StatusCode::CREATED, "{benches:?}");
    assert_eq!(benches.body["status"], "pending");
    assert_eq!(benches.body["is_shown"], false);
    let benches = benches.body["id"].as_i64().unwrap();
    let shown = participant(
        app,
        reqwest::Method::GET,
        &format!("/api/priority-lists/{list}/next"),
        &gp,
        None,
    )
    .await;
    assert_ne!(shown.body["left"]["id"], benches);
    assert_ne!(shown.body["right"]["id"], benches);
    let accepted = convenor(
        app,
        reqwest::Method::PUT,
        &format!("/api/priority-lists/{list}/options/{benches}/moderation"),
        Some(json!({"status": "accepted"})),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    assert_eq!(accepted.body["is_shown"], true);

    // Each participant is shown every pair of the four options once.
    let carer_pairs = compare_all(app, list, &carer, &CARER_ORDER).await;
    let gp_pairs = compare_all(app, list, &gp, &GP_ORDER).await;
    for pairs in [&carer_pairs, &gp_pairs] {
        let unordered: BTreeSet<(i64, i64)> = pairs
            .iter()
            .map(|&(a, b, _)| (a.min(b), a.max(b)))
            .collect();
        assert_eq!((pairs.len(), unordered.len()), (6, 6), "{pairs:?}");
    }

    // A retry is a replay; the same key for another answer, or the pair again, is refused.
    let (left, right, choice) = carer_pairs[0];
    let comparisons = format!("/api/priority-lists/{list}/comparisons");
    let retry =
        |body: Value| participant(app, reqwest::Method::POST, &comparisons, &carer, Some(body));
    let key = format!("{left}-{right}");
    let replayed = retry(json!({
        "left_option_id": left, "right_option_id": right, "choice": choice, "idempotency_key": key,
    }))
    .await;
    assert_eq!(replayed.status, StatusCode::OK, "{replayed:?}");
    assert_eq!(replayed.body["outcome"], "replayed");
    let reused = retry(json!({
        "left_option_id": left, "right_option_id": right, "choice": "neither",
        "reason": "dont_know_enough", "idempotency_key": key,
    }))
    .await;
    assert_eq!(reused.status, StatusCode::CONFLICT);
    assert_eq!(reused.code(), "idempotency_key_reused");
    let reversed =
        retry(json!({"left_option_id": right, "right_option_id": left, "choice": "left"})).await;
    assert_eq!(reversed.status, StatusCode::CONFLICT);
    assert_eq!(reversed.code(), "pair_already_compared");
    let reason_for_a_choice = retry(json!({
        "left_option_id": right, "right_option_id": left, "choice": "left", "reason": "both_matter_equally",
    }))
    .await;
    assert_eq!(reason_for_a_choice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reason_for_a_choice.body["error"]["message"],
        "a reason goes only with the choice `neither` (can't decide)"
    );
    let itself =
        retry(json!({"left_option_id": left, "right_option_id": left, "choice": "left"})).await;
    assert_eq!(itself.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        itself.body["error"]["message"],
        "the left and right options must be different options"
    );

    // The results: each constituency's first choice, both counted with equal weight.
    let results = app
        .anonymous
        .get(app.url(&format!("/api/priority-lists/{list}/results")))
        .send()
        .await
        .unwrap();
    assert_eq!(results.status(), StatusCode::OK);
    let document: PriorityDocument =
        serde_json::from_slice(&results.bytes().await.unwrap()).unwrap();
    assert_eq!(document.comparisons, 12);
    assert_eq!(document.participants, 2);
    let names: Vec<&str> = document
        .constituencies
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["carer", "GP"]);
    assert_eq!(document.equal_weight_counts, ["carer", "GP"]);
    let text_of = |id: u64| {
        document
            .options
            .iter()
            .find(|option| option.id == id)
            .unwrap()
            .text
            .clone()
    };
    assert_eq!(text_of(document.constituencies[0].top[0]), CARER_ORDER[0]);
    assert_eq!(text_of(document.constituencies[1].top[0]), GP_ORDER[0]);
    let last = document
        .options
        .iter()
        .find(|option| option.text == CARER_ORDER[3])
        .unwrap();
    assert_eq!(last.overall.wins, 0);
    assert_eq!(last.overall.losses, 6);

    // The export holds the command's files.
    let export = convenor(
        app,
        reqwest::Method::GET,
        &format!("/api/priority-lists/{list}/export"),
        None,
    )
    .await;
    assert_eq!(export.status, StatusCode::OK);
    let files = server::zip::read_stored(&export.bytes).expect("a ZIP archive");
    let file = |name: &str| {
        let (_, bytes) = files.iter().find(|(file, _)| file == name).unwrap();
        String::from_utf8(bytes.clone()).unwrap()
    };
    assert_eq!(file("options.csv").lines().count(), 5);
    assert_eq!(file("comparisons.csv").lines().count(), 13);
    assert!(file("comparisons.csv").starts_with("timestamp,participant,left,right,choice"));
    assert_eq!(file("participants.csv").lines().count(), 3);
    assert!(file("constituencies.csv").contains("carer,0.5,lay"));

    // A participant's own data, then its erasure.
    let mine = participant(
        app,
        reqwest::Method::GET,
        &format!("/api/priority-lists/{list}/me"),
        &carer,
        None,
    )
    .await;
    assert_eq!(mine.status, StatusCode::OK, "{mine:?}");
    assert_eq!(mine.body["comparisons"].as_array().unwrap().len(), 6);
    assert_eq!(mine.body["constituencies"], json!(["carer"]));
    assert_eq!(mine.body["linked_to_dialogue"], true);
    assert_eq!(mine.body["options"][0]["text"], CARER_ORDER[3]);

    // Closed: no comparison and no newcomer; the results stay.
    let closed = convenor(
        app,
        reqwest::Method::POST,
        &format!("/api/priority-lists/{list}/close"),
        None,
    )
    .await;
    assert_eq!(closed.body["is_open"], false);
    let late = join(json!({})).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(late.code(), "priority_list_closed");

    let erased = participant(
        app,
        reqwest::Method::DELETE,
        &format!("/api/priority-lists/{list}/me"),
        &carer,
        None,
    )
    .await;
    assert_eq!(erased.status, StatusCode::OK, "{erased:?}");
    assert_eq!(erased.body["comparisons_removed"], 6);
    // Others compared the benches, so the option stays without its author.
    assert_eq!(erased.body["options_unlinked"], 1);
    let gone = participant(
        app,
        reqwest::Method::GET,
        &format!("/api/priority-lists/{list}/me"),
        &carer,
        None,
    )
    .await;
    assert_eq!(gone.status, StatusCode::UNAUTHORIZED);
    let after = app
        .anonymous
        .get(app.url(&format!("/api/priority-lists/{list}/results")))
        .send()
        .await
        .unwrap();
    let after: PriorityDocument = serde_json::from_slice(&after.bytes().await.unwrap()).unwrap();
    assert_eq!(after.comparisons, 6);
}

#[tokio::test]
async fn a_priority_list_goes_from_common_ground_to_results() {
    let app = spawn_app().await;
    whole_path(&app).await;
}

#[tokio::test]
async fn a_priority_list_goes_from_common_ground_to_results_on_postgresql() {
    let Some(database) = crate::postgres::fresh_database().await else {
        return;
    };
    let app = spawn_app_on(Config {
        database: database.clone(),
        analysis_enabled: false,
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    whole_path(&app).await;
    crate::postgres::drop_database(&database);
}

/// A dialogue whose participants split into two opinion groups: the even-numbered ones agree
/// with the first two statements and disagree with the last two, the odd-numbered ones the
/// other way round. Returns the dialogue and each side's dialogue tokens.
async fn dialogue_of_two_groups(app: &TestApp) -> (i64, Vec<String>, Vec<String>) {
    let created = app
        .create_dialogue(&json!({
            "title": "Our town",
            "question": "What should change in town?",
            "statements": [
                "Build more car parks",
                "Widen the ring road",
                "Pedestrianise the high street",
                "Run buses every ten minutes",
            ],
        }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let dialogue = created.body["id"].as_i64().unwrap();
    let statements: Vec<i64> = app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    let (mut drivers, mut walkers) = (Vec::new(), Vec::new());
    for person in 0..16 {
        let joined = app.join(dialogue, &[]).await;
        let drives = person % 2 == 0;
        for (position, statement) in statements.iter().enumerate() {
            let agrees = (position < 2) == drives;
            let vote = if agrees { "agree" } else { "disagree" };
            let voted = app.vote(dialogue, &joined, *statement, vote).await;
            assert_eq!(voted.status, StatusCode::OK, "{voted:?}");
        }
        if drives {
            drivers.push(joined.token);
        } else {
            walkers.push(joined.token);
        }
    }
    assert_eq!(
        app.recompute_now(dialogue).await,
        server::analysis::RunOutcome::Computed
    );
    let groups = app.analysis(dialogue).await.body["groups"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(groups, 2, "the votes split the dialogue into two groups");
    (dialogue, drivers, walkers)
}

/// Creates an open list with the options given (convenor's, accepted at once), linked to a
/// dialogue if one is given; returns its id.
async fn list_with_options(
    app: &TestApp,
    partnership: i64,
    dialogue: Option<i64>,
    texts: &[&str],
) -> i64 {
    let created = convenor(
        app,
        reqwest::Method::POST,
        &format!("/api/partnerships/{partnership}/priority-lists"),
        Some(json!({
            "title": "What first",
            "question": "Which should the town do first?",
            "dialogue_id": dialogue,
        })),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let list = created.body["id"].as_i64().unwrap();
    for text in texts {
        let option = convenor(
            app,
            reqwest::Method::POST,
            &format!("/api/priority-lists/{list}/options"),
            Some(json!({ "text": text })),
        )
        .await;
        assert_eq!(option.status, StatusCode::CREATED, "{option:?}");
    }
    list
}

async fn join_list(app: &TestApp, list: i64, dialogue_token: Option<&str>) -> String {
    let joined = send(
        app.anonymous
            .post(app.url(&format!("/api/priority-lists/{list}/participants")))
            .json(&json!({ "dialogue_token": dialogue_token })),
    )
    .await;
    assert_eq!(joined.status, StatusCode::CREATED, "{joined:?}");
    joined.body["token"].as_str().unwrap().to_owned()
}

async fn results_of(app: &TestApp, list: i64) -> PriorityDocument {
    let answer = app
        .anonymous
        .get(app.url(&format!("/api/priority-lists/{list}/results")))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    let bytes = answer.bytes().await.unwrap();
    // Every document read here, opinion groups included, is checked against the schema.
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let errors = schema::validate(&schema, &serde_json::from_slice(&bytes).unwrap());
    assert!(errors.is_empty(), "{errors:#?}");
    serde_json::from_slice(&bytes).unwrap()
}

const DRIVER_ORDER: [&str; 3] = [
    "A new car park",
    "Cheaper bus fares",
    "A car-free high street",
];
const WALKER_ORDER: [&str; 3] = [
    "A car-free high street",
    "Cheaper bus fares",
    "A new car park",
];

async fn groups_rank_options_their_own_way(app: &TestApp) {
    app.login_as_convenor().await;
    let (dialogue, drivers, walkers) = dialogue_of_two_groups(app).await;
    let partnership = app.get_dialogue(dialogue).await.body["partnership_id"]
        .as_i64()
        .unwrap();
    let list = list_with_options(app, partnership, Some(dialogue), &DRIVER_ORDER).await;
    // Three of each side join with their dialogue token, one person without.
    for token in drivers.iter().take(3) {
        let mine = join_list(app, list, Some(token)).await;
        assert_eq!(compare_all(app, list, &mine, &DRIVER_ORDER).await.len(), 3);
    }
    for token in walkers.iter().take(3) {
        let mine = join_list(app, list, Some(token)).await;
        assert_eq!(compare_all(app, list, &mine, &WALKER_ORDER).await.len(), 3);
    }
    let unlinked = join_list(app, list, None).await;
    compare_all(app, list, &unlinked, &WALKER_ORDER).await;

    let document = results_of(app, list).await;
    assert_eq!(document.comparisons, 21);
    assert_eq!(document.groups.len(), 2, "{:?}", document.groups);
    let text_of = |id: u64| {
        document
            .options
            .iter()
            .find(|option| option.id == id)
            .unwrap()
            .text
            .clone()
    };
    let mut firsts: Vec<String> = document
        .groups
        .iter()
        .map(|group| text_of(group.top[0]))
        .collect();
    firsts.sort();
    assert_eq!(firsts, ["A car-free high street", "A new car park"]);
    for group in &document.groups {
        // Each group holds its three linked participants, not the unlinked one.
        assert_eq!((group.participants, group.comparisons), (3, 9), "{group:?}");
        assert_eq!(group.label, format!("group {}", group.id + 1));
        assert_eq!(group.options.len(), 3);
        let first = group
            .options
            .iter()
            .find(|standing| standing.option == group.top[0])
            .unwrap();
        assert_eq!((first.standing.wins, first.standing.losses), (6, 0));
    }
    assert!(document.groups[0].id < document.groups[1].id);

    // The export's groups.csv names each linked participant's group.
    let export = convenor(
        app,
        reqwest::Method::GET,
        &format!("/api/priority-lists/{list}/export"),
        None,
    )
    .await;
    let files = server::zip::read_stored(&export.bytes).expect("a ZIP archive");
    let (_, groups) = files.iter().find(|(name, _)| name == "groups.csv").unwrap();
    let groups = String::from_utf8(groups.clone()).unwrap();
    assert!(groups.starts_with("participant,group,label\n"), "{groups}");
    assert_eq!(groups.lines().count(), 7, "{groups}");
}

#[tokio::test]
async fn opinion_groups_of_the_linked_dialogue_rank_the_options_their_own_way() {
    let app = spawn_app().await;
    groups_rank_options_their_own_way(&app).await;
}

#[tokio::test]
async fn opinion_groups_rank_the_options_their_own_way_on_postgresql() {
    let Some(database) = crate::postgres::fresh_database().await else {
        return;
    };
    let app = spawn_app_on(Config {
        database: database.clone(),
        analysis_enabled: false,
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    groups_rank_options_their_own_way(&app).await;
    crate::postgres::drop_database(&database);
}

/// Waits, with a bound, until a background run of the list has finished, the results count
/// `comparisons` and the kept snapshot is current. A run may read the list's revision just
/// before the last comparison commits and its comparisons just after: its document counts them
/// all, but it is stale (a revision behind), and the scheduler runs again.
async fn wait_for_results(
    app: &TestApp,
    runs: &mut tokio::sync::broadcast::Receiver<(
        model::PriorityListId,
        server::analysis::RunOutcome,
    )>,
    list: i64,
    comparisons: u64,
) -> PriorityDocument {
    tokio::time::timeout(std::time::Duration::from_secs(60), async {
        loop {
            let document = results_of(app, list).await;
            let id = model::PriorityListId(list);
            let revision = app.state.store().priority_list_revision(id).await.unwrap();
            let current = app
                .state
                .analysis()
                .priority_snapshot(id)
                .is_some_and(|kept| kept.is_current(revision));
            if document.comparisons == comparisons && current {
                return document;
            }
            let (ran, outcome) = runs.recv().await.expect("the scheduler runs");
            assert_ne!(outcome, server::analysis::RunOutcome::Failed, "list {ran}");
        }
    })
    .await
    .expect("the results catch up within a minute")
}

async fn the_scheduler_keeps_the_results(app: &TestApp) {
    app.login_as_convenor().await;
    let analysis = app.state.analysis();
    let mut runs = analysis
        .subscribe_priority_lists()
        .expect("background analysis runs");
    let partnership = app
        .get_dialogue(app.create_standard_dialogue().await)
        .await
        .body["partnership_id"]
        .as_i64()
        .unwrap();
    let list = list_with_options(app, partnership, None, &DRIVER_ORDER).await;
    let first = join_list(app, list, None).await;
    compare_all(app, list, &first, &DRIVER_ORDER).await;
    let before = wait_for_results(app, &mut runs, list, 3).await;
    let id = model::PriorityListId(list);
    let kept = analysis.priority_snapshot(id).expect("a snapshot is kept");
    let revision = app.state.store().priority_list_revision(id).await.unwrap();
    assert!(kept.is_current(revision));
    // A current snapshot is not computed again.
    assert_eq!(
        analysis.recompute_priority_list_now(id).await,
        server::analysis::RunOutcome::UpToDate
    );

    // More comparisons: the scheduler catches up, and what it serves is what a fresh ranking
    // of the store gives.
    let second = join_list(app, list, None).await;
    compare_all(app, list, &second, &WALKER_ORDER).await;
    let after = wait_for_results(app, &mut runs, list, 6).await;
    assert_ne!(before, after);
    let fresh =
        server::priorities::snapshot::compute(app.state.store(), id, app.state.config().seed, 0)
            .await
            .unwrap();
    assert_eq!(after, fresh.document);
}

#[tokio::test]
async fn the_background_analysis_keeps_each_lists_results_current() {
    let app = crate::support::spawn_app_with_background_analysis().await;
    the_scheduler_keeps_the_results(&app).await;
}

#[tokio::test]
async fn the_background_analysis_keeps_each_lists_results_current_on_postgresql() {
    let Some(database) = crate::postgres::fresh_database().await else {
        return;
    };
    let app = spawn_app_on(Config {
        database: database.clone(),
        analysis_enabled: true,
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    the_scheduler_keeps_the_results(&app).await;
    crate::postgres::drop_database(&database);
}

#[test]
fn the_schema_check_refuses_an_empty_group_label() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let label = &schema["properties"]["groups"]["items"]["properties"]["label"];
    assert_eq!(label["minLength"], 1, "{label}");
    assert!(schema::validate(label, &json!("group 1")).is_empty());
    assert_eq!(
        schema::validate(label, &json!("")),
        ["$: shorter than 1 characters"]
    );
}
