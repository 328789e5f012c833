//! Participant privacy: a participant downloads and erases their own data by their token and
//! nobody else's, erasure takes their votes out of the next analysis, exports carry no tokens,
//! addresses or user agents, and the logs carry no tokens.

use std::io::Write;
use std::sync::{Arc, Mutex};

use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, SET_COOKIE};
use serde_json::{Value, json};
use server::Config;
use server::analysis::RunOutcome;

use crate::postgres::{drop_database, fresh_database};
use crate::support::{
    Answer, CONVENOR_EMAIL, CONVENOR_PASSWORD, Participant, TestApp, seed_convenor, spawn_app,
    spawn_app_on,
};

/// The user agent every client of the hygiene test sends: exports must never repeat it.
const USER_AGENT: &str = "PrivacyProbe/9.9 (hygiene check; +https://probe.example)";
/// The address a proxy would report for those clients.
const FORWARDED_FOR: &str = "198.51.100.23";

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("request sent");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("body").to_vec();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        body,
        headers,
        bytes,
    }
}

impl TestApp {
    async fn my_data(&self, dialogue: i64, token: &str) -> Answer {
        send(
            self.anonymous
                .get(self.url(&format!("/api/dialogues/{dialogue}/me")))
                .bearer_auth(token),
        )
        .await
    }

    async fn erase_me(&self, dialogue: i64, token: &str) -> Answer {
        send(
            self.anonymous
                .delete(self.url(&format!("/api/dialogues/{dialogue}/me")))
                .bearer_auth(token),
        )
        .await
    }
}

async fn statement_ids(app: &TestApp, dialogue: i64) -> Vec<i64> {
    app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .expect("a statement list")
        .iter()
        .map(|statement| statement["id"].as_i64().expect("an id"))
        .collect()
}

fn statement_text(app_statements: &Value, id: i64) -> String {
    app_statements
        .as_array()
        .unwrap()
        .iter()
        .find(|statement| statement["id"] == id)
        .and_then(|statement| statement["text"].as_str())
        .unwrap()
        .to_owned()
}

async fn vote_ok(
    app: &TestApp,
    dialogue: i64,
    participant: &Participant,
    statement: i64,
    vote: &str,
) {
    let answer = app.vote(dialogue, participant, statement, vote).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
}

#[tokio::test]
async fn a_participant_downloads_exactly_their_own_votes_and_statements() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let ids = statement_ids(&app, dialogue).await;
    let ann = app.join(dialogue, &["resident", "GP"]).await;
    let bob = app.join(dialogue, &["GP"]).await;
    vote_ok(&app, dialogue, &ann, ids[0], "agree").await;
    vote_ok(&app, dialogue, &bob, ids[0], "disagree").await;
    vote_ok(&app, dialogue, &ann, ids[1], "pass").await;
    vote_ok(&app, dialogue, &ann, ids[0], "disagree").await;
    vote_ok(&app, dialogue, &bob, ids[2], "agree").await;
    let written = app
        .submit_statement(dialogue, &ann, "Shade trees over the benches")
        .await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    let bobs_statement = app
        .submit_statement(dialogue, &bob, "Drinking fountains by the paths")
        .await;
    assert_eq!(bobs_statement.status, StatusCode::CREATED);
    let all = app.list_statements(dialogue, "").await.body["statements"].clone();

    let mine = app.my_data(dialogue, &ann.token).await;
    assert_eq!(mine.status, StatusCode::OK, "{mine:?}");
    assert_eq!(mine.headers["cache-control"], "no-store");
    assert!(mine.headers.get(CONTENT_DISPOSITION).is_none());
    let body = &mine.body;
    assert_eq!(body["dialogue_id"], dialogue);
    assert_eq!(body["dialogue_title"], "Our parks");
    assert_eq!(body["participant_id"], ann.id);
    assert_eq!(body["constituencies"], json!(["resident", "GP"]));
    assert!(body["joined_at"].as_str().unwrap().ends_with('Z'));
    let votes: Vec<(i64, String, String, bool)> = body["votes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|vote| {
            (
                vote["statement_id"].as_i64().unwrap(),
                vote["statement_text"].as_str().unwrap().to_owned(),
                vote["vote"].as_str().unwrap().to_owned(),
                vote["is_latest"].as_bool().unwrap(),
            )
        })
        .collect();
    // Every vote Ann cast, in order, the changed one included; none of Bob's.
    assert_eq!(
        votes,
        vec![
            (
                ids[0],
                statement_text(&all, ids[0]),
                "agree".to_owned(),
                false
            ),
            (
                ids[1],
                statement_text(&all, ids[1]),
                "pass".to_owned(),
                true
            ),
            (
                ids[0],
                statement_text(&all, ids[0]),
                "disagree".to_owned(),
                true
            ),
            // Writing a statement records the author's agreement with it.
            (
                written.body["id"].as_i64().unwrap(),
                "Shade trees over the benches".to_owned(),
                "agree".to_owned(),
                true
            ),
        ]
    );
    let statements = body["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 1, "{body}");
    assert_eq!(statements[0]["id"], written.body["id"]);
    assert_eq!(statements[0]["text"], "Shade trees over the benches");
    assert_eq!(statements[0]["status"], "pending");

    let theirs = app.my_data(dialogue, &bob.token).await;
    assert_eq!(theirs.body["participant_id"], bob.id);
    assert_eq!(theirs.body["constituencies"], json!(["GP"]));
    let bobs_votes: Vec<i64> = theirs.body["votes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|vote| vote["statement_id"].as_i64().unwrap())
        .collect();
    let bobs_id = bobs_statement.body["id"].as_i64().unwrap();
    assert_eq!(bobs_votes, vec![ids[0], ids[2], bobs_id]);
    assert_eq!(
        theirs.body["statements"][0]["text"],
        "Drinking fountains by the paths"
    );

    // The file to save holds the same data.
    let file = send(
        app.anonymous
            .get(app.url(&format!("/api/dialogues/{dialogue}/me?download=true")))
            .bearer_auth(&ann.token),
    )
    .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(
        file.headers[CONTENT_DISPOSITION],
        format!("attachment; filename=\"common-ground-dialogue-{dialogue}-my-data.json\"")
    );
    assert_eq!(file.body, mine.body);
    let odd = send(
        app.anonymous
            .get(app.url(&format!("/api/dialogues/{dialogue}/me?download=maybe")))
            .bearer_auth(&ann.token),
    )
    .await;
    assert_eq!(odd.code(), "invalid_query");
}

/// Eight participants vote on the three statements; returns the dialogue and the participants.
async fn voted_dialogue(app: &TestApp) -> (i64, Vec<Participant>) {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let ids = statement_ids(app, dialogue).await;
    let mut participants = Vec::new();
    for index in 0..8 {
        let constituency = if index % 2 == 0 { "resident" } else { "GP" };
        let participant = app.join(dialogue, &[constituency]).await;
        for (position, statement) in ids.iter().enumerate() {
            let vote = if (index + position) % 3 == 0 {
                "disagree"
            } else {
                "agree"
            };
            vote_ok(app, dialogue, &participant, *statement, vote).await;
        }
        participants.push(participant);
    }
    (dialogue, participants)
}

fn analysed_participants(analysis: &Value) -> Vec<i64> {
    analysis["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|participant| participant["id"].as_i64().unwrap())
        .collect()
}

async fn in_conv(app: &TestApp, dialogue: i64) -> Vec<i64> {
    let snapshot = app
        .state
        .store()
        .load_snapshot(model::DialogueId(dialogue))
        .await
        .unwrap()
        .expect("a snapshot");
    let state = server::analysis::state_json::decode(&snapshot.engine_state).expect("a state");
    state
        .in_conv
        .iter()
        .map(|participant| i64::from(participant.0))
        .collect()
}

/// Erases one participant of a voted dialogue and checks that the next analysis, recomputed
/// through the test hook, counts neither their votes nor them.
async fn erasure_leaves_the_next_analysis(app: &TestApp) {
    let (dialogue, participants) = voted_dialogue(app).await;
    let erased = &participants[3];
    // A changed vote leaves two events in the history; both go.
    let ids = statement_ids(app, dialogue).await;
    vote_ok(app, dialogue, erased, ids[0], "pass").await;
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let before = app.analysis(dialogue).await;
    assert_eq!(before.body["n_votes"], 24);
    assert_eq!(before.body["input"]["voters"], 8);
    assert!(analysed_participants(&before.body).contains(&erased.id));
    assert!(in_conv(app, dialogue).await.contains(&erased.id));
    assert_eq!(app.vote_counts(dialogue).await.participants, 8);

    let answer = app.erase_me(dialogue, &erased.token).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(
        answer.body,
        json!({
            "participant_id": erased.id,
            "votes_removed": 4,
            "statements_removed": 0,
            "statements_unlinked": 0,
        })
    );
    let cookie = answer.headers[SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with(&format!("cg_participant_{dialogue}=;")) && cookie.contains("Max-Age=0"),
        "{cookie}"
    );

    // The erasure made the snapshot stale, so the next run recomputes without them.
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    let after = app.analysis(dialogue).await;
    assert_eq!(after.body["n_votes"], 21);
    assert_eq!(after.body["input"]["votes"], 21);
    assert_eq!(after.body["input"]["voters"], 7);
    assert!(!analysed_participants(&after.body).contains(&erased.id));
    assert_eq!(analysed_participants(&after.body).len(), 7);
    // Nor do they linger among the participants admitted to clustering.
    let admitted = in_conv(app, dialogue).await;
    assert!(!admitted.contains(&erased.id), "{admitted:?}");
    assert_eq!(admitted.len(), 7);
    let counts = app.vote_counts(dialogue).await;
    assert_eq!((counts.votes, counts.participants), (21, 7));

    // The token no longer works for anything.
    assert_eq!(
        app.my_data(dialogue, &erased.token).await.code(),
        "unauthenticated"
    );
    assert_eq!(
        app.erase_me(dialogue, &erased.token).await.code(),
        "unauthenticated"
    );
    let vote = app.vote(dialogue, erased, ids[1], "agree").await;
    assert_eq!(vote.status, StatusCode::UNAUTHORIZED, "{vote:?}");
    assert_eq!(
        app.next(dialogue, erased).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Everyone else is untouched.
    let other = app.my_data(dialogue, &participants[4].token).await;
    assert_eq!(other.body["votes"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn erasing_removes_the_votes_from_the_next_analysis_and_ends_the_token() {
    let app = spawn_app().await;
    erasure_leaves_the_next_analysis(&app).await;
}

#[tokio::test]
async fn erasing_on_postgresql_removes_the_votes_from_the_next_analysis() {
    let Some(database) = fresh_database().await else {
        return;
    };
    let app = spawn_app_on(Config {
        database: database.clone(),
        analysis_enabled: false,
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    erasure_leaves_the_next_analysis(&app).await;
    drop_database(&database);
}

#[tokio::test]
async fn a_token_acts_only_on_its_own_participant_in_its_own_dialogue() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let other_dialogue = app.create_standard_dialogue().await;
    let ids = statement_ids(&app, dialogue).await;
    let ann = app.join(dialogue, &[]).await;
    let bob = app.join(dialogue, &[]).await;
    let carol = app.join(other_dialogue, &[]).await;
    vote_ok(&app, dialogue, &ann, ids[0], "agree").await;
    vote_ok(&app, dialogue, &ann, ids[1], "agree").await;
    vote_ok(&app, dialogue, &bob, ids[0], "disagree").await;

    // A token of another dialogue can neither read nor erase anyone here.
    for answer in [
        app.my_data(dialogue, &carol.token).await,
        app.erase_me(dialogue, &carol.token).await,
    ] {
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{answer:?}");
        assert_eq!(answer.code(), "forbidden");
    }
    // No token, a malformed one, or a well-formed one nobody holds: unauthenticated.
    let no_token = send(
        app.anonymous
            .get(app.url(&format!("/api/dialogues/{dialogue}/me"))),
    )
    .await;
    assert_eq!(no_token.status, StatusCode::UNAUTHORIZED);
    let unknown = "ab".repeat(32);
    for token in ["not-a-token", unknown.as_str()] {
        assert_eq!(
            app.erase_me(dialogue, token).await.code(),
            "unauthenticated"
        );
    }
    let bad_path = app.erase_me(0, &ann.token).await;
    assert_eq!(bad_path.status, StatusCode::FORBIDDEN);
    let not_a_number = send(
        app.anonymous
            .delete(app.url("/api/dialogues/parks/me"))
            .bearer_auth(&ann.token),
    )
    .await;
    assert_eq!(not_a_number.code(), "invalid_path");
    assert_eq!(app.vote_counts(dialogue).await.votes, 3);

    // Bob's token erases Bob, never Ann: the route names no participant to aim at.
    let erased = app.erase_me(dialogue, &bob.token).await;
    assert_eq!(erased.status, StatusCode::OK);
    assert_eq!(erased.body["participant_id"], bob.id);
    assert_eq!(erased.body["votes_removed"], 1);
    let ann_after = app.my_data(dialogue, &ann.token).await;
    assert_eq!(ann_after.status, StatusCode::OK);
    assert_eq!(ann_after.body["votes"].as_array().unwrap().len(), 2);
    assert_eq!(
        app.my_data(other_dialogue, &carol.token).await.status,
        StatusCode::OK
    );
    let counts = app.vote_counts(dialogue).await;
    assert_eq!((counts.votes, counts.participants), (2, 1));
}

#[tokio::test]
async fn erasing_is_allowed_after_the_dialogue_closes() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let ids = statement_ids(&app, dialogue).await;
    let ann = app.join(dialogue, &["resident"]).await;
    vote_ok(&app, dialogue, &ann, ids[0], "agree").await;
    let written = app
        .submit_statement(dialogue, &ann, "Toilets that open early")
        .await;
    let keeper = app.join(dialogue, &[]).await;
    vote_ok(&app, dialogue, &keeper, ids[0], "agree").await;
    // Someone else voted on Ann's statement, so it stays, without its author.
    let moderated = app
        .moderate_one(dialogue, written.body["id"].as_i64().unwrap(), "accepted")
        .await;
    assert_eq!(moderated.status, StatusCode::OK);
    vote_ok(
        &app,
        dialogue,
        &keeper,
        written.body["id"].as_i64().unwrap(),
        "agree",
    )
    .await;
    assert_eq!(app.close(dialogue).await.status, StatusCode::OK);

    assert_eq!(
        app.my_data(dialogue, &ann.token).await.status,
        StatusCode::OK
    );
    let erased = app.erase_me(dialogue, &ann.token).await;
    assert_eq!(erased.status, StatusCode::OK, "{erased:?}");
    // Her vote and her agreement with the statement she wrote.
    assert_eq!(erased.body["votes_removed"], 2);
    assert_eq!(erased.body["statements_removed"], 0);
    assert_eq!(erased.body["statements_unlinked"], 1);
    let counts = app.vote_counts(dialogue).await;
    assert_eq!((counts.votes, counts.participants), (2, 1));
    let kept = app
        .state
        .store()
        .get_statement(model::StatementId(written.body["id"].as_i64().unwrap()))
        .await
        .unwrap();
    assert_eq!(kept.author, None);
}

/// A browser without JavaScript: keeps cookies, follows no redirect by itself.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Returns the value of the hidden form field `name` in a page.
fn hidden_field(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).expect("the field is on the page") + marker.len();
    let end = page[start..].find('"').expect("the value ends") + start;
    page[start..end].to_owned()
}

fn text(answer: &Answer) -> String {
    String::from_utf8_lossy(&answer.bytes).into_owned()
}

/// Returns the value of the cookie an answer sets.
fn cookie_value(answer: &Answer) -> String {
    answer.headers[SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, value)| value.to_owned())
        .expect("a cookie")
}

async fn page_post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> Answer {
    send(client.post(app.url(path)).form(form)).await
}

#[tokio::test]
async fn the_your_data_page_downloads_and_erases_after_a_confirmed_protected_form() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let ids = statement_ids(&app, dialogue).await;
    let all = app.list_statements(dialogue, "").await.body["statements"].clone();
    let person = browser();
    let joined = page_post(
        &app,
        &person,
        &format!("/d/{dialogue}/join"),
        &[("constituency", "GP")],
    )
    .await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER, "{joined:?}");
    let voted = page_post(
        &app,
        &person,
        &format!("/d/{dialogue}/vote"),
        &[("statement_id", &ids[1].to_string()), ("vote", "agree")],
    )
    .await;
    assert_eq!(voted.status, StatusCode::SEE_OTHER);

    // The dialogue page links to the person's data.
    let dialogue_page = text(&send(person.get(app.url(&format!("/d/{dialogue}")))).await);
    assert!(
        dialogue_page.contains(&format!("href=\"/d/{dialogue}/me\"")),
        "{dialogue_page}"
    );

    let page = send(person.get(app.url(&format!("/d/{dialogue}/me")))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers["cache-control"], "no-store");
    let html = text(&page);
    assert!(html.contains("<h1>Your data</h1>"), "{html}");
    assert!(html.contains(&statement_text(&all, ids[1])), "{html}");
    assert!(html.contains("You said you are: GP."), "{html}");
    let download_path = format!("/api/dialogues/{dialogue}/me?download=true");
    assert!(
        html.contains(&format!("href=\"{download_path}\"")),
        "{html}"
    );
    let file = send(person.get(app.url(&download_path))).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(
        file.headers[CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(file.body["votes"][0]["statement_id"], ids[1]);
    let participant_id = file.body["participant_id"].as_i64().unwrap();

    let confirm = send(person.get(app.url(&format!("/d/{dialogue}/me/erase")))).await;
    assert_eq!(confirm.status, StatusCode::OK);
    let confirm_html = text(&confirm);
    assert!(
        confirm_html.contains("This cannot be undone."),
        "{confirm_html}"
    );
    assert!(
        confirm_html.contains("<label for=\"confirm\">"),
        "{confirm_html}"
    );
    let csrf = hidden_field(&confirm_html, "csrf");
    let erase_path = format!("/d/{dialogue}/me/erase");

    // Refused: no form token, another participant's form token, a post from another site, or
    // no confirmation. None of them erases anything.
    let missing = page_post(&app, &person, &erase_path, &[("confirm", "yes")]).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    let stranger = browser();
    page_post(&app, &stranger, &format!("/d/{dialogue}/join"), &[]).await;
    let strangers_csrf = hidden_field(
        &text(&send(stranger.get(app.url(&erase_path))).await),
        "csrf",
    );
    assert_ne!(strangers_csrf, csrf);
    let swapped = page_post(
        &app,
        &person,
        &erase_path,
        &[("csrf", &strangers_csrf), ("confirm", "yes")],
    )
    .await;
    assert_eq!(swapped.status, StatusCode::FORBIDDEN);
    let cross_site = send(
        person
            .post(app.url(&erase_path))
            .header("origin", "https://elsewhere.example")
            .form(&[("csrf", csrf.as_str()), ("confirm", "yes")]),
    )
    .await;
    assert_eq!(cross_site.status, StatusCode::FORBIDDEN);
    let unconfirmed = page_post(&app, &person, &erase_path, &[("csrf", &csrf)]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&unconfirmed).contains("Nothing has been erased."));
    assert_eq!(app.vote_counts(dialogue).await.participants, 2);

    let done = page_post(
        &app,
        &person,
        &erase_path,
        &[("csrf", &csrf), ("confirm", "yes")],
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{done:?}");
    let done_html = text(&done);
    assert!(
        done_html.contains("Your data has been erased"),
        "{done_html}"
    );
    assert!(done_html.contains("1 vote removed."), "{done_html}");
    let cookie = done.headers[SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("Max-Age=0"), "{cookie}");
    let counts = app.vote_counts(dialogue).await;
    assert_eq!((counts.votes, counts.participants), (0, 1));
    assert!(
        app.state
            .store()
            .get_participant(model::ParticipantId(participant_id))
            .await
            .is_err()
    );

    // The browser is a newcomer again: its data page sends it to the start page.
    let again = send(person.get(app.url(&format!("/d/{dialogue}/me")))).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(again.headers["location"], format!("/d/{dialogue}"));
    let nobody = send(browser().get(app.url(&format!("/d/{dialogue}/me/erase")))).await;
    assert_eq!(nobody.status, StatusCode::SEE_OTHER);
    let missing_dialogue = send(person.get(app.url("/d/999999/me"))).await;
    assert_eq!(missing_dialogue.status, StatusCode::NOT_FOUND);
}

/// Returns the words of a field name, lower case: `voter-id` → `voter`, `id`.
fn words(name: &str) -> Vec<String> {
    name.split(|character: char| !character.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Says why a field name suggests tokens, addresses or browsers, if it does.
fn telling_name(name: &str) -> Option<String> {
    const TELLING: [&str; 9] = [
        "token",
        "ip",
        "address",
        "addr",
        "agent",
        "useragent",
        "cookie",
        "password",
        "email",
    ];
    let found = words(name);
    found
        .iter()
        .find(|word| TELLING.contains(&word.as_str()))
        .map(|word| format!("{name:?} names {word:?}"))
}

/// Collects every key of a JSON document, at every depth.
fn json_keys(value: &Value, keys: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                keys.push(key.clone());
                json_keys(inner, keys);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| json_keys(item, keys)),
        _ => {}
    }
}

/// Returns the first dotted quad (an IPv4 address) in a text.
fn ipv4_address(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        if bytes[start].is_ascii_digit() && (start == 0 || !bytes[start - 1].is_ascii_digit()) {
            let mut position = start;
            let mut parts = 0;
            loop {
                let digits_start = position;
                while position < bytes.len() && bytes[position].is_ascii_digit() {
                    position += 1;
                }
                let digits = position - digits_start;
                if digits == 0 || digits > 3 {
                    break;
                }
                parts += 1;
                if parts == 4 {
                    return Some(text[start..position].to_owned());
                }
                if position < bytes.len() && bytes[position] == b'.' {
                    position += 1;
                } else {
                    break;
                }
            }
        }
        start += 1;
    }
    None
}

#[test]
fn the_address_finder_finds_dotted_quads_and_nothing_else() {
    assert_eq!(
        ipv4_address("seen from 198.51.100.23, twice").as_deref(),
        Some("198.51.100.23")
    );
    assert_eq!(ipv4_address("0.714 agree, version 1.2.3"), None);
    assert_eq!(telling_name("voter-id"), None);
    assert!(telling_name("client_ip").is_some());
    assert!(telling_name("User-Agent").is_some());
}

/// Checks one exported file: no token or token hash, no address, no user agent, and no field
/// named for any of them.
fn check_export(name: &str, contents: &str, headers: &[String], tokens: &[String]) {
    for token in tokens {
        assert!(!contents.contains(token.as_str()), "{name} holds a token");
        let hash = model::Token::parse(token).unwrap().hash().to_hex();
        assert!(!contents.contains(&hash), "{name} holds a token hash");
    }
    assert_eq!(ipv4_address(contents), None, "{name} holds an IPv4 address");
    assert!(!contents.contains("::"), "{name} holds an IPv6 address");
    assert!(
        !contents.contains("PrivacyProbe"),
        "{name} holds a user agent"
    );
    for header in headers {
        assert_eq!(telling_name(header), None, "a field of {name}");
    }
}

/// Returns the field names of a CSV file: the header row, and for the key-value summary its
/// first column as well.
fn csv_field_names(contents: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(contents.as_bytes());
    let mut names = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.expect("a CSV record");
        if index == 0 {
            names.extend(record.iter().map(str::to_owned));
        } else if let Some(first) = record.get(0) {
            names.push(first.to_owned());
        }
    }
    names
}

#[tokio::test]
async fn exports_carry_no_tokens_addresses_or_user_agents() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    // A public address with a host name, so that any IP address in an export is a leak.
    let app = spawn_app_on(Config {
        database: format!("sqlite:{}", data_dir.path().join("test.db").display()),
        analysis_enabled: false,
        public_url: Some("https://commonground.example.org".to_owned()),
        ..Config::for_tests()
    })
    .await;
    seed_convenor(&app).await;
    let probe = || {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(USER_AGENT)
            .build()
            .expect("client")
    };
    let convenor = probe();
    let login = send(
        convenor
            .post(app.url("/api/session"))
            .header("x-forwarded-for", FORWARDED_FOR)
            .json(&json!({"email": CONVENOR_EMAIL, "password": CONVENOR_PASSWORD})),
    )
    .await;
    assert_eq!(login.status, StatusCode::OK);
    let session = cookie_value(&login);
    let created = send(convenor.post(app.url("/api/dialogues")).json(&json!({
        "title": "Clinic opening hours",
        "question": "When should the clinic open?",
        "constituencies": [{"name": "patient"}, {"name": "nurse"}],
        "statements": ["Saturday mornings", "Evenings until eight", "Walk-in hours daily"],
    })))
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let dialogue = created.body["id"].as_i64().unwrap();
    let listed =
        send(convenor.get(app.url(&format!("/api/dialogues/{dialogue}/statements")))).await;
    let ids: Vec<i64> = listed.body["statements"]
        .as_array()
        .expect("a statement list")
        .iter()
        .map(|statement| statement["id"].as_i64().expect("an id"))
        .collect();

    let mut tokens = vec![session];
    for index in 0..6_usize {
        let client = probe();
        let constituency = if index % 2 == 0 { "patient" } else { "nurse" };
        let joined = send(
            client
                .post(app.url(&format!("/api/dialogues/{dialogue}/participants")))
                .header("x-forwarded-for", FORWARDED_FOR)
                .json(&json!({"constituencies": [constituency]})),
        )
        .await;
        assert_eq!(joined.status, StatusCode::CREATED);
        let token = joined.body["token"].as_str().unwrap().to_owned();
        for (position, statement) in ids.iter().enumerate() {
            let vote = ["agree", "disagree", "pass"][(index + position) % 3];
            // Half vote with the bearer token, half with the cookie the join set.
            let request = client
                .post(app.url(&format!("/api/dialogues/{dialogue}/votes")))
                .header("x-forwarded-for", FORWARDED_FOR)
                .json(&json!({"statement_id": statement, "vote": vote}));
            let request = if index % 2 == 0 {
                request.bearer_auth(&token)
            } else {
                request
            };
            assert_eq!(send(request).await.status, StatusCode::OK);
        }
        let written = send(
            client
                .post(app.url(&format!("/api/dialogues/{dialogue}/statements")))
                .bearer_auth(&token)
                .header("x-forwarded-for", FORWARDED_FOR)
                .json(&json!({"text": format!("Statement number {index} from a participant")})),
        )
        .await;
        assert_eq!(written.status, StatusCode::CREATED);
        tokens.push(token);
    }
    // A participant who joined through the page, with the token only in a cookie.
    let page_person = probe();
    let joined = page_post(&app, &page_person, &format!("/d/{dialogue}/join"), &[]).await;
    tokens.push(cookie_value(&joined));
    page_post(
        &app,
        &page_person,
        &format!("/d/{dialogue}/vote"),
        &[("statement_id", &ids[0].to_string()), ("vote", "agree")],
    )
    .await;
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);

    let fetch = |path: String| send(convenor.get(app.url(&path)));
    let dump = fetch(format!("/api/dialogues/{dialogue}/export?format=json")).await;
    assert_eq!(dump.status, StatusCode::OK);
    // Each of the six statements written comes with its author's agreement.
    assert_eq!(dump.body["vote_events"].as_array().unwrap().len(), 25);
    let mut keys = Vec::new();
    json_keys(&dump.body, &mut keys);
    check_export("the JSON dump", &text(&dump), &keys, &tokens);

    let archive = fetch(format!("/api/dialogues/{dialogue}/export?format=polis-zip")).await;
    let files = server::zip::read_stored(&archive.bytes).expect("a readable archive");
    assert_eq!(files.len(), server::export::PolisCsvFiles::NAMES.len());
    for (name, contents) in &files {
        let contents = String::from_utf8(contents.clone()).unwrap();
        check_export(name, &contents, &csv_field_names(&contents), &tokens);
    }
    for name in server::export::PolisCsvFiles::NAMES {
        let file = fetch(format!("/api/dialogues/{dialogue}/export/{name}")).await;
        assert_eq!(file.status, StatusCode::OK);
        let contents = text(&file);
        assert!(contents.lines().count() > 1, "{name} is empty");
        check_export(name, &contents, &csv_field_names(&contents), &tokens);
    }
    let analysis = fetch(format!("/api/dialogues/{dialogue}/analysis")).await;
    let mut keys = Vec::new();
    json_keys(&analysis.body, &mut keys);
    check_export("the analysis", &text(&analysis), &keys, &tokens);
}

/// A log writer that keeps every line in memory.
#[derive(Clone, Default)]
struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl Write for CapturedLog {
    fn write(&mut self, buffer: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buffer);
        Ok(buffer.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for CapturedLog {
    type Writer = CapturedLog;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

// A single-threaded runtime runs the server's tasks on this test's thread, so a subscriber set
// for the thread sees every request's log lines without touching other tests' logging.
#[tokio::test(flavor = "current_thread")]
async fn logs_at_debug_level_carry_no_tokens() {
    let log = CapturedLog::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(log.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = spawn_app().await;
    let login = app.login(CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    let session = cookie_value(&login);
    let dialogue = app.create_standard_dialogue().await;
    let other_dialogue = app.create_standard_dialogue().await;
    let ids = statement_ids(&app, dialogue).await;
    let ann = app.join(dialogue, &["resident"]).await;
    let bob = app.join(dialogue, &[]).await;
    let stranger = app.join(other_dialogue, &[]).await;
    vote_ok(&app, dialogue, &ann, ids[0], "agree").await;
    app.vote(dialogue, &ann, 999_999, "agree").await;
    app.vote_raw(dialogue, &ann.token, &json!({"statement_id": "x"}))
        .await;
    app.submit_statement(dialogue, &ann, "Lights along the river path")
        .await;
    app.vote(dialogue, &stranger, ids[0], "agree").await;
    app.my_data(dialogue, &ann.token).await;
    app.my_data(dialogue, &stranger.token).await;
    // A token with one digit changed is refused; it must not be logged either.
    let altered = format!("{}0", &ann.token[..63]);
    app.my_data(dialogue, &altered).await;
    app.recompute_now(dialogue).await;
    let person = browser();
    let page_joined = page_post(&app, &person, &format!("/d/{dialogue}/join"), &[]).await;
    let page_cookie = cookie_value(&page_joined);
    send(person.get(app.url(&format!("/d/{dialogue}")))).await;
    send(person.get(app.url(&format!("/d/{dialogue}/me")))).await;
    let confirm = text(&send(person.get(app.url(&format!("/d/{dialogue}/me/erase")))).await);
    let csrf = hidden_field(&confirm, "csrf");
    let erased_page = page_post(
        &app,
        &person,
        &format!("/d/{dialogue}/me/erase"),
        &[("csrf", &csrf), ("confirm", "yes")],
    )
    .await;
    assert_eq!(erased_page.status, StatusCode::OK);
    assert_eq!(
        app.erase_me(dialogue, &bob.token).await.status,
        StatusCode::OK
    );
    app.my_data(dialogue, &bob.token).await;
    app.logout().await;

    let captured = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    // The capture works: the requests above were logged at debug level.
    assert!(
        captured.contains("route=/api/dialogues/{id}/me"),
        "{captured}"
    );
    assert!(captured.contains("latency_ms"), "{captured}");
    for token in [
        &session,
        &ann.token,
        &bob.token,
        &stranger.token,
        &altered,
        &page_cookie,
    ] {
        assert!(
            !captured.contains(token.as_str()),
            "a token reached the log:\n{captured}"
        );
        let hash = model::Token::parse(token).unwrap().hash().to_hex();
        assert!(!captured.contains(&hash), "a token hash reached the log");
    }
}
