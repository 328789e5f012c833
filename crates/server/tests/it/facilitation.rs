//! Facilitated and paper participation: a convenor invites a facilitator, who keys cards (and
//! nothing else); every vote keeps its channel, the voice audit reads the analysis by channel,
//! and paper participants count exactly as online ones do.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Answer, TestApp, spawn_app, spawn_app_with_clock};

/// A client with its own cookies, for a second signed-in person.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap().to_vec();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer {
        status,
        body,
        headers,
        bytes,
    }
}

fn text(answer: &Answer) -> String {
    String::from_utf8_lossy(&answer.bytes).into_owned()
}

/// Returns the value of the first `csrf` field of a page.
fn form_token(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("the page has a form token") + marker.len();
    let end = start + html[start..].find('"').unwrap();
    html[start..end].to_owned()
}

/// The signed-in convenor invites a facilitator to the dialogue; the facilitator accepts with
/// a new account in their own browser, which is returned signed in.
async fn facilitator_of(app: &TestApp, dialogue: i64) -> reqwest::Client {
    let invited = send(
        app.convenor
            .post(app.url(&format!(
                "/api/dialogues/{dialogue}/facilitator-invitations"
            )))
            .json(&json!({ "email": "helper@example.org" })),
    )
    .await;
    assert_eq!(invited.status, StatusCode::CREATED, "{invited:?}");
    assert!(invited.body["link"].as_str().unwrap().contains("/invite/"));
    let facilitator = browser();
    let accepted = send(
        facilitator
            .post(app.url("/api/invitations/accept"))
            .json(&json!({
                "token": invited.body["token"],
                "email": "helper@example.org",
                "password": "a long enough password",
            })),
    )
    .await;
    assert_eq!(accepted.status, StatusCode::OK, "{accepted:?}");
    assert_eq!(accepted.body["kind"], "facilitator");
    assert_eq!(accepted.body["dialogue_id"], dialogue);
    facilitator
}

async fn statement_ids(app: &TestApp, dialogue: i64) -> Vec<i64> {
    let listed = app.list_statements(dialogue, "").await;
    listed.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect()
}

async fn post_card(app: &TestApp, client: &reqwest::Client, dialogue: i64, card: &Value) -> Answer {
    send(
        client
            .post(app.url(&format!("/api/dialogues/{dialogue}/cards")))
            .json(card),
    )
    .await
}

#[tokio::test]
async fn a_facilitator_keys_cards_for_their_dialogue_and_may_do_nothing_else() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let other = app.create_standard_dialogue().await;
    let facilitator = facilitator_of(&app, dialogue).await;
    let statements = statement_ids(&app, dialogue).await;
    let card = json!({
        "code": " a7k2 ",
        "constituencies": ["resident"],
        "votes": [
            {"statement_id": statements[0], "vote": "agree"},
            {"statement_id": statements[1], "vote": "disagree"},
        ],
        "channel": "paper",
    });
    let entered = post_card(&app, &facilitator, dialogue, &card).await;
    assert_eq!(entered.status, StatusCode::CREATED, "{entered:?}");
    assert_eq!(entered.body["code"], "A7K2");
    assert_eq!(entered.body["is_new"], true);
    assert_eq!(entered.body["votes_recorded"], 2);
    // The same code again is refused, not counted twice; a correction replaces the card.
    let again = post_card(&app, &facilitator, dialogue, &card).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{again:?}");
    assert_eq!(again.code(), "conflict");
    let mut correction = card.clone();
    correction["replace"] = json!(true);
    correction["votes"] = json!([{"statement_id": statements[0], "vote": "pass"}]);
    let replaced = post_card(&app, &facilitator, dialogue, &correction).await;
    assert_eq!(replaced.status, StatusCode::OK, "{replaced:?}");
    assert_eq!(
        replaced.body["participant_id"],
        entered.body["participant_id"]
    );
    assert_eq!(app.vote_counts(dialogue).await.participants, 1);

    // A statement on the card's participant's behalf goes through moderation as theirs.
    let written = send(
        facilitator
            .post(app.url(&format!("/api/dialogues/{dialogue}/cards/A7K2/statements")))
            .json(&json!({ "text": "A bus to the park on Sundays" })),
    )
    .await;
    assert_eq!(written.status, StatusCode::CREATED, "{written:?}");
    let unknown = send(
        facilitator
            .post(app.url(&format!("/api/dialogues/{dialogue}/cards/ZZZZ/statements")))
            .json(&json!({ "text": "Nobody keyed this card" })),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{unknown:?}");

    // A facilitator is not a convenor: not of this dialogue, and not of the other one.
    for (method, path) in [
        ("GET", format!("/api/dialogues/{dialogue}/statements")),
        (
            "GET",
            format!("/api/dialogues/{dialogue}/facilitator-invitations"),
        ),
        ("POST", format!("/api/dialogues/{dialogue}/close")),
        (
            "GET",
            format!("/convenor/dialogues/{dialogue}/facilitators"),
        ),
    ] {
        let request = match method {
            "GET" => facilitator.get(app.url(&path)),
            _ => facilitator.post(app.url(&path)).json(&json!({})),
        };
        let refused = send(request).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}: {refused:?}");
    }
    let elsewhere = post_card(&app, &facilitator, other, &card).await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN, "{elsewhere:?}");
    let created = send(
        facilitator
            .post(app.url("/api/partnerships"))
            .json(&json!({ "name": "Mine", "purpose": "" })),
    )
    .await;
    assert_eq!(created.status, StatusCode::FORBIDDEN, "{created:?}");

    // Bad cards are refused clearly and store nothing.
    for (bad, code) in [
        (json!({"code": "", "channel": "paper"}), "validation_failed"),
        (json!({"code": "B1", "channel": "online"}), "invalid_body"),
        (
            json!({"code": "B1", "channel": "paper", "constituencies": ["astronaut"]}),
            "constituency_not_found",
        ),
        (
            json!({"code": "B1", "channel": "paper", "votes": [
                {"statement_id": statements[0], "vote": "agree"},
                {"statement_id": statements[0], "vote": "pass"}]}),
            "validation_failed",
        ),
        (
            json!({"code": "B1", "channel": "paper", "votes": [
                {"statement_id": 999_999, "vote": "agree"}]}),
            "statement_not_found",
        ),
    ] {
        let refused = post_card(&app, &facilitator, dialogue, &bad).await;
        assert!(refused.status.is_client_error(), "{bad}: {refused:?}");
        assert_eq!(refused.code(), code, "{bad}: {refused:?}");
    }
    assert_eq!(app.vote_counts(dialogue).await.participants, 1);
}

/// Votes of `n` people on three statements: person `i` agrees with statement `i % 3` and
/// disagrees with the others, and belongs to `resident` or `GP` alternately.
fn ballots(n: usize) -> Vec<(&'static str, [&'static str; 3])> {
    (0..n)
        .map(|person| {
            let constituency = if person % 2 == 0 { "resident" } else { "GP" };
            let mut votes = ["disagree"; 3];
            votes[person % 3] = "agree";
            if person % 5 == 0 {
                votes[(person + 1) % 3] = "pass";
            }
            (constituency, votes)
        })
        .collect()
}

/// Runs the same ballots through one app, the people whose index `is_paper` says on paper
/// cards and the rest online, and returns the analysis document.
async fn analysed(is_paper: impl Fn(usize) -> bool) -> Value {
    let (app, _clock) = spawn_app_with_clock(1_750_000_000_000).await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let facilitator = facilitator_of(&app, dialogue).await;
    let statements = statement_ids(&app, dialogue).await;
    for (person, (constituency, votes)) in ballots(24).into_iter().enumerate() {
        if is_paper(person) {
            let card = json!({
                "code": format!("P{person}"),
                "constituencies": [constituency],
                "votes": statements.iter().zip(votes).map(|(id, vote)| {
                    json!({"statement_id": id, "vote": vote})
                }).collect::<Vec<_>>(),
                "channel": "paper",
            });
            let entered = post_card(&app, &facilitator, dialogue, &card).await;
            assert_eq!(entered.status, StatusCode::CREATED, "{entered:?}");
        } else {
            let participant = app.join(dialogue, &[constituency]).await;
            for (id, vote) in statements.iter().zip(votes) {
                let answer = app
                    .vote_raw(
                        dialogue,
                        &participant.token,
                        &json!({"statement_id": id, "vote": vote}),
                    )
                    .await;
                assert!(answer.status.is_success(), "{answer:?}");
            }
        }
    }
    app.recompute_now(dialogue).await;
    let analysis = app.analysis(dialogue).await;
    assert_eq!(analysis.status, StatusCode::OK, "{analysis:?}");
    analysis.body
}

#[tokio::test]
async fn paper_votes_carry_their_channel_and_count_as_online_votes_do() {
    let online = analysed(|_| false).await;
    let mixed = analysed(|person| person % 3 == 1).await;
    // Only online votes: no table by channel.
    assert!(
        online["voice"].get("channels").is_none(),
        "{}",
        online["voice"]
    );
    let channels = mixed["voice"]["channels"].as_array().unwrap();
    assert_eq!(channels.len(), 2);
    assert_eq!(channels[0]["channel"], "online");
    assert_eq!(channels[0]["participants"], 16);
    assert_eq!(channels[0]["votes"], 48);
    assert_eq!(channels[1]["channel"], "paper");
    assert_eq!(channels[1]["participants"], 8);
    assert_eq!(channels[1]["votes"], 24);
    let share = channels[1]["participant_share"].as_f64().unwrap();
    assert!((share - 1.0 / 3.0).abs() < 1e-9, "{share}");
    assert_eq!(channels[1]["statements"].as_array().unwrap().len(), 3);
    // Apart from the table by channel, the analysis is the one the same votes give online.
    let mut without_channels = mixed.clone();
    without_channels["voice"]
        .as_object_mut()
        .unwrap()
        .remove("channels");
    assert_eq!(without_channels, online);
}

#[tokio::test]
async fn the_entry_screen_keys_a_card_per_submit_and_asks_before_replacing_one() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let facilitator = facilitator_of(&app, dialogue).await;
    let statements = statement_ids(&app, dialogue).await;
    let entry = format!("/facilitator/dialogues/{dialogue}/cards");
    let page = send(facilitator.get(app.url(&entry))).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = text(&page);
    assert!(html.contains("name=\"code\""), "{html}");
    assert!(html.contains(&format!("name=\"s{}\" value=\"agree\"", statements[0])));
    let csrf = form_token(&html);
    let first = format!("s{}", statements[0]);
    let second = format!("s{}", statements[1]);
    let form = vec![
        ("csrf", csrf.as_str()),
        ("channel", "paper"),
        ("code", "c-101"),
        ("constituency", "GP"),
        (first.as_str(), "agree"),
        (second.as_str(), "pass"),
    ];
    let saved = send(facilitator.post(app.url(&entry)).form(&form)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", text(&saved));
    let location = saved.headers["location"].to_str().unwrap().to_owned();
    assert!(location.contains("saved=C-101"), "{location}");
    let next = text(&send(facilitator.get(app.url(&location))).await);
    assert!(next.contains("Card C-101 saved: 2 votes"), "{next}");
    // The channel is kept for the next card, which is blank.
    assert!(next.contains("value=\"paper\" checked"), "{next}");
    assert!(next.contains("name=\"code\" value=\"\""), "{next}");

    // The same code again: the card comes back as keyed, with the offer to replace.
    let again = send(facilitator.post(app.url(&entry)).form(&form)).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let again_html = text(&again);
    assert!(
        again_html.contains("name=\"replace\" value=\"yes\""),
        "{again_html}"
    );
    assert!(
        again_html.contains("value=\"agree\" checked"),
        "{again_html}"
    );
    let mut replacing = form.clone();
    replacing.push(("replace", "yes"));
    let replaced = send(facilitator.post(app.url(&entry)).form(&replacing)).await;
    assert_eq!(replaced.status, StatusCode::SEE_OTHER);
    assert!(
        replaced.headers["location"]
            .to_str()
            .unwrap()
            .contains("replaced=true")
    );
    assert_eq!(app.vote_counts(dialogue).await.participants, 1);

    // A forged form is refused.
    let forged = send(facilitator.post(app.url(&entry)).form(&[
        ("csrf", "forged"),
        ("channel", "paper"),
        ("code", "X"),
    ]))
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // The card sheet prints the asked number of cards, each with its own code.
    let sheet = send(
        facilitator.get(app.url(&format!("/facilitator/dialogues/{dialogue}/sheet?cards=12"))),
    )
    .await;
    assert_eq!(sheet.status, StatusCode::OK);
    let sheet_html = text(&sheet);
    assert_eq!(sheet_html.matches("class=\"paper-card\"").count(), 12);
    assert!(sheet_html.contains("More benches"));
    assert!(sheet_html.contains("resident"));
    let too_many = send(facilitator.get(app.url(&format!(
        "/facilitator/dialogues/{dialogue}/sheet?cards=5000"
    ))))
    .await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    let nonsense = send(facilitator.get(app.url(&format!(
        "/facilitator/dialogues/{dialogue}/sheet?cards=many"
    ))))
    .await;
    assert_eq!(nonsense.status, StatusCode::BAD_REQUEST);
}

/// Returns text as the templates write it into a page: they escape `'` and `/` as well.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('/', "&#x2f;")
        .replace('\'', "&#x27;")
}

#[tokio::test]
async fn the_entry_screen_keys_cards_in_welsh_and_english_is_unchanged() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let facilitator = facilitator_of(&app, dialogue).await;
    let statements = statement_ids(&app, dialogue).await;
    let entry = format!("/facilitator/dialogues/{dialogue}/cards");
    let page = send(facilitator.get(app.url(&format!("{entry}?lang=cy")))).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = text(&page);
    assert!(html.contains("<html lang=\"cy\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<h1>Rhoi cardiau i mewn</h1>"));
    assert!(html.contains("<label for=\"code\">Cod cyfranogwr</label>"));
    assert!(html.contains("<legend>Sut y daeth yr atebion atoch</legend>"));
    let first = format!("s{}", statements[0]);
    // The boxes keep their names and values; only their labels change.
    assert!(html.contains(&format!(
        "<input type=\"radio\" name=\"{first}\" value=\"agree\"> Cytuno</label>"
    )));
    assert!(html.contains("value=\"disagree\"> Anghytuno</label>"));
    assert!(html.contains("value=\"pass\"> Pasio</label>"));
    assert!(html.contains("Cadw&#x27;r cerdyn a rhoi&#x27;r nesaf i mewn"));
    assert!(!html.contains("Key cards"));

    // The choice is remembered: the confirmation and the refusals are in Welsh too.
    let csrf = form_token(&html);
    let form = vec![
        ("csrf", csrf.as_str()),
        ("channel", "paper"),
        ("code", "w-7"),
        ("constituency", "resident"),
        (first.as_str(), "disagree"),
    ];
    let saved = send(facilitator.post(app.url(&entry)).form(&form)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", text(&saved));
    let location = saved.headers["location"].to_str().unwrap().to_owned();
    let next = text(&send(facilitator.get(app.url(&location))).await);
    assert!(
        next.contains(
            "Cadwyd cerdyn W-7: 1 bleidlais, cyfranogwr newydd. Mae&#x27;r cerdyn nesaf yn wag."
        ),
        "{next}"
    );
    let again = send(facilitator.post(app.url(&entry)).form(&form)).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let again_html = text(&again);
    assert!(again_html.contains(&escaped(
        "Mae cerdyn gyda'r cod cyfranogwr hwn wedi'i roi i mewn yn barod."
    )));
    assert!(again_html.contains(&escaped("Rhoi'r cerdyn hwn yn lle'r cerdyn cynharach")));
    assert!(again_html.contains("name=\"replace\" value=\"yes\""));
    assert!(!again_html.contains("keyed already"), "{again_html}");
    // The JSON API refuses the same card in its English, as it always did.
    let api = post_card(
        &app,
        &facilitator,
        dialogue,
        &json!({
            "code": "w-7",
            "channel": "paper",
            "constituencies": ["resident"],
            "votes": [{"statement_id": statements[0], "vote": "disagree"}],
        }),
    )
    .await;
    assert_eq!(api.status, StatusCode::CONFLICT, "{api:?}");
    assert_eq!(
        api.body["error"]["message"],
        "a card with this participant code was keyed already; check the card, and replace the earlier one if this one corrects it"
    );
    let mut unknown = form.clone();
    unknown[3] = ("constituency", "astronaut");
    unknown[2] = ("code", "W-8");
    let refused = send(facilitator.post(app.url(&entry)).form(&unknown)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&refused).contains("Nid yw &quot;astronaut&quot; yn un o etholaethau"));
    let statement = send(
        facilitator
            .post(app.url(&format!("/facilitator/dialogues/{dialogue}/statements")))
            .form(&[("csrf", csrf.as_str()), ("code", "ZZZ"), ("text", "Shade")]),
    )
    .await;
    assert_eq!(statement.status, StatusCode::NOT_FOUND);
    let statement_html = text(&statement);
    assert!(statement_html.contains("Nid oes cerdyn gyda&#x27;r cod cyfranogwr hwn"));
    assert!(
        !statement_html.contains("no card with this"),
        "{statement_html}"
    );
    let api = send(
        facilitator
            .post(app.url(&format!("/api/dialogues/{dialogue}/cards/ZZZ/statements")))
            .json(&json!({ "text": "Shade" })),
    )
    .await;
    assert_eq!(api.status, StatusCode::NOT_FOUND, "{api:?}");
    assert_eq!(
        api.body["error"]["message"],
        "no card with this participant code was keyed yet; key the card first"
    );
    // Its switcher reads the entry screen again, not the form's address.
    assert!(statement_html.contains(&format!("href=\"{}?lang=en\"", escaped(&entry))));

    // In English the screen reads exactly as it did.
    let english = text(&send(facilitator.get(app.url(&format!("{entry}?lang=en")))).await);
    assert!(english.contains("<h1>Key cards</h1>"));
    assert!(english.contains("<label for=\"code\">Participant code</label>"));
    assert!(english.contains("value=\"agree\"> Agree</label>"));
    assert!(english.contains("Save card and key the next"));
    let refused = text(&send(facilitator.post(app.url(&entry)).form(&form)).await);
    assert!(refused.contains("A card with this participant code was keyed already."));
}

#[tokio::test]
async fn the_card_sheet_is_printed_in_urdu_right_to_left_with_translated_statements() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let statements = statement_ids(&app, dialogue).await;
    // One statement has an Urdu translation; the others are printed as written.
    let translated = send(
        app.convenor
            .put(app.url(&format!(
                "/api/dialogues/{dialogue}/statements/{}/versions/ur/translation",
                statements[0]
            )))
            .json(&json!({ "text": "مزید بینچ" })),
    )
    .await;
    assert_eq!(translated.status, StatusCode::OK, "{translated:?}");
    let sheet = format!("/facilitator/dialogues/{dialogue}/sheet?cards=2&lang=ur");
    let page = send(app.convenor.get(app.url(&sheet))).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = text(&page);
    assert!(html.contains("<html lang=\"ur\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("<h1>پرنٹ کرنے کے لیے کارڈ</h1>"));
    assert!(html.contains(
        "<th scope=\"col\">متفق</th><th scope=\"col\">غیر متفق</th><th scope=\"col\">چھوڑیں</th>"
    ));
    assert!(html.contains("aria-label=\"نشان لگانے کا خانہ: متفق\""));
    assert!(html.contains("<p class=\"paper-card__constituencies\">میں ہوں:"));
    assert!(html.contains("<p class=\"paper-card__code\">کوڈ <strong>"));
    assert_eq!(html.matches("class=\"paper-card\"").count(), 2);
    assert!(html.contains("1. <span lang=\"ur\" dir=\"rtl\">مزید بینچ</span>"));
    assert!(html.contains("2. <span lang=\"en\" dir=\"ltr\">Free outdoor gyms</span>"));
    assert!(!html.contains("More benches"));
    // The switcher keeps the number of cards.
    assert!(html.contains("cards=2&amp;lang=cy"));
    // A number out of range is refused in the sheet's language.
    let too_many = send(app.convenor.get(app.url(&format!(
        "/facilitator/dialogues/{dialogue}/sheet?cards=5000&lang=ur"
    ))))
    .await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&too_many).contains("کارڈ ہوتے ہیں۔"));

    // In English the sheet reads as it did, with the statement as written.
    let english = text(
        &send(app.convenor.get(app.url(&format!(
            "/facilitator/dialogues/{dialogue}/sheet?cards=2&lang=en"
        ))))
        .await,
    );
    assert!(english.contains("<h1>Cards to print</h1>"));
    assert!(english.contains(
        "<th scope=\"col\">Agree</th><th scope=\"col\">Disagree</th><th scope=\"col\">Pass</th>"
    ));
    assert!(english.contains("More benches"));
    assert!(english.contains("aria-label=\"box to tick: agree\""));
}

#[tokio::test]
async fn a_participants_own_choice_of_groups_is_refused_in_their_language_and_the_api_keeps_english()
 {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let someone = app.join(dialogue, &["resident"]).await;
    let groups = format!("/d/{dialogue}/me/constituencies");
    let post = |query: &str, names: &[&str]| {
        let form: Vec<(&str, &str)> = names.iter().map(|name| ("constituency", *name)).collect();
        browser()
            .post(app.url(&format!("{groups}{query}")))
            .header(
                "cookie",
                format!("cg_participant_{dialogue}={}", someone.token),
            )
            .form(&form)
    };
    let put = |names: &[&str]| {
        app.anonymous
            .put(app.url(&format!("/api/dialogues/{dialogue}/me/constituencies")))
            .bearer_auth(&someone.token)
            .json(&json!({ "constituencies": names }))
    };

    // A group the dialogue does not have, as a facilitator's card would name it.
    let refused = send(post("?lang=ro", &["astronaut"])).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(&refused);
    assert!(
        html.contains("&quot;astronaut&quot; nu este o categorie a acestui dialog."),
        "{html}"
    );
    let api = send(put(&["astronaut"])).await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        api.body["error"]["message"],
        "\"astronaut\" is not a constituency of this dialogue"
    );

    // Once the dialogue is closed, the groups stay as they are.
    assert_eq!(app.close(dialogue).await.status, StatusCode::OK);
    for (query, said) in [
        (
            "?lang=cy",
            "Mae&#x27;r drafodaeth hon ar gau, felly ni all y grwpiau rydych yn perthyn iddynt newid mwyach.",
        ),
        (
            "?lang=pl",
            "Ten dialog jest zamknięty, więc grupy, do których należysz, nie mogą się już zmienić.",
        ),
    ] {
        let refused = send(post(query, &["GP"])).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{query}");
        let html = text(&refused);
        assert!(html.contains(said), "{query}: {html}");
        assert!(!html.contains("can no longer change"), "{html}");
    }
    let api = send(put(&["GP"])).await;
    assert_eq!(api.status, StatusCode::CONFLICT);
    assert_eq!(
        api.body["error"]["message"],
        "this dialogue is closed, so the groups you belong to can no longer change"
    );
}
