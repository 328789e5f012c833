//! A dialogue's opening and closing times, on a clock the test moves: nobody joins, votes or
//! writes before the opening time; from the closing time on the dialogue is closed as if a
//! convenor had closed it; moving the closing time later, or reopening, opens it again; and the
//! times are checked, in the API and in the forms, with the field named.

use reqwest::StatusCode;
use serde_json::json;
use server::time::parse_moment;

use crate::support::{Answer, TestApp, spawn_app_with_clock};

fn at(moment: &str) -> i64 {
    parse_moment(moment).unwrap()
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

/// Reads the session's form token from a signed-in page.
async fn csrf(app: &TestApp) -> String {
    let (_, html) = page(app, &app.convenor, "/convenor").await;
    let start = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    html[start..].split('"').next().unwrap().to_owned()
}

async fn post_form(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let token = csrf(app).await;
    let mut form = vec![("csrf", token.as_str())];
    form.extend_from_slice(fields);
    let response = app
        .convenor
        .post(app.url(path))
        .form(&form)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

fn created_id(answer: &Answer) -> i64 {
    assert_eq!(answer.status, StatusCode::CREATED, "{answer:?}");
    answer.body["id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_dialogue_takes_part_only_between_its_opening_and_closing_times() {
    let (app, clock) = spawn_app_with_clock(at("2027-03-01T08:00:00Z")).await;
    app.login_as_convenor().await;
    let created = app
        .create_dialogue(&json!({
            "title": "Clinic hours",
            "question": "When should the clinic open?",
            "statements": ["Open on Saturdays", "Open until 8 pm"],
            "opens_at": "2027-03-01T09:00",
            "closes_at": "2027-03-12T18:00:00+01:00",
        }))
        .await;
    let dialogue = created_id(&created);
    let view = app.get_dialogue(dialogue).await;
    assert_eq!(view.body["status"], json!("not_yet_open"));
    assert_eq!(view.body["opens_at"], json!("2027-03-01T09:00:00.000Z"));
    assert_eq!(view.body["closes_at"], json!("2027-03-12T17:00:00.000Z"));
    assert_eq!(view.body["is_closed"], json!(false));

    // Before the opening time: no joining, and the page says when it opens.
    let refused = app.join_raw(dialogue, &json!({})).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.code(), "dialogue_not_open");
    assert!(
        refused.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("1 March 2027, 09:00 UTC"),
        "{refused:?}"
    );
    let (status, html) = page(&app, &app.anonymous, &format!("/d/{dialogue}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("This dialogue opens on 1 March 2027, 09:00 UTC"));
    assert!(html.contains("It is open until 12 March 2027, 17:00 UTC."));
    assert!(!html.contains(&format!("action=\"/d/{dialogue}/join\"")));
    let (_, convenor_page) = page(
        &app,
        &app.convenor,
        &format!("/convenor/dialogues/{dialogue}"),
    )
    .await;
    assert!(
        convenor_page
            .contains("Opens on 1 March 2027, 09:00 UTC, open until 12 March 2027, 17:00 UTC.")
    );

    // Open: people join, vote and write; every page shows until when.
    clock.set(at("2027-03-01T09:00:00Z"));
    let participant = app.join(dialogue, &[]).await;
    let statements: Vec<i64> = app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect();
    let vote = app
        .vote(dialogue, &participant, statements[0], "agree")
        .await;
    assert_eq!(vote.status, StatusCode::OK, "{vote:?}");
    assert_eq!(
        app.get_dialogue(dialogue).await.body["status"],
        json!("open")
    );
    for path in [
        format!("/convenor/dialogues/{dialogue}"),
        format!("/convenor/dialogues/{dialogue}/present"),
    ] {
        let (status, html) = page(&app, &app.convenor, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            html.contains("Open until 12 March 2027, 17:00 UTC."),
            "{path}"
        );
    }
    let (_, join_page) = page(&app, &app.anonymous, &format!("/d/{dialogue}")).await;
    assert!(join_page.contains("Open until 12 March 2027, 17:00 UTC."));

    // From the closing time on, it is closed as if a convenor had closed it.
    clock.set(at("2027-03-12T17:00:00Z"));
    // The convenor's session has expired by now.
    app.login_as_convenor().await;
    let late = app
        .vote(dialogue, &participant, statements[1], "agree")
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(late.code(), "dialogue_closed");
    let written = app
        .submit_statement(dialogue, &participant, "Open at lunchtime")
        .await;
    assert_eq!(written.code(), "dialogue_closed", "{written:?}");
    assert_eq!(
        app.join_raw(dialogue, &json!({})).await.code(),
        "dialogue_closed"
    );
    let view = app.get_dialogue(dialogue).await;
    assert_eq!(view.body["status"], json!("closed"));
    assert_eq!(view.body["is_closed"], json!(true));
    let (_, convenor_page) = page(
        &app,
        &app.convenor,
        &format!("/convenor/dialogues/{dialogue}"),
    )
    .await;
    assert!(convenor_page.contains("Closed on 12 March 2027, 17:00 UTC, its closing time."));
    assert!(convenor_page.contains("Reopen the dialogue"));

    // Moving the closing time later opens it again.
    let moved = app
        .update_dialogue(dialogue, &json!({"closes_at": "2027-03-13T17:00:00Z"}))
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{moved:?}");
    assert_eq!(moved.body["status"], json!("open"));
    let again = app
        .vote(dialogue, &participant, statements[1], "agree")
        .await;
    assert_eq!(again.status, StatusCode::OK, "{again:?}");

    // Once that time has passed too, reopening removes it and keeps the opening time.
    clock.set(at("2027-03-14T09:00:00Z"));
    app.login_as_convenor().await;
    assert_eq!(
        app.get_dialogue(dialogue).await.body["is_closed"],
        json!(true)
    );
    let reopened = app.reopen(dialogue).await;
    assert_eq!(reopened.status, StatusCode::OK, "{reopened:?}");
    assert_eq!(reopened.body["status"], json!("open"));
    assert_eq!(reopened.body["closes_at"], json!(null));
    assert_eq!(reopened.body["opens_at"], json!("2027-03-01T09:00:00.000Z"));
    let vote = app
        .vote(dialogue, &participant, statements[0], "disagree")
        .await;
    assert_eq!(vote.status, StatusCode::OK, "{vote:?}");

    // A convenor's close wins over any time; null removes a time.
    assert_eq!(app.close(dialogue).await.status, StatusCode::OK);
    let cleared = app
        .update_dialogue(
            dialogue,
            &json!({"opens_at": null, "closes_at": "2027-04-01T09:00"}),
        )
        .await;
    assert_eq!(cleared.body["opens_at"], json!(null));
    assert_eq!(cleared.body["status"], json!("closed"));
}

#[tokio::test]
async fn opening_and_closing_times_are_checked_with_the_field_named() {
    let (app, _clock) = spawn_app_with_clock(at("2027-03-01T08:00:00Z")).await;
    app.login_as_convenor().await;
    for (body, field) in [
        (
            json!({"opens_at": "next week"}),
            "opens_at: \"next week\" is not a date and time",
        ),
        (
            json!({"closes_at": "2027-02-30T10:00"}),
            "closes_at: \"2027-02-30T10:00\"",
        ),
        (
            json!({"opens_at": "2027-03-12T17:00", "closes_at": "2027-03-12T09:00"}),
            "closes_at: the dialogue would close on 12 March 2027, 09:00 UTC but open only on 12 March 2027, 17:00 UTC",
        ),
        (json!({"opens_at": 5}), ""),
    ] {
        let mut request = json!({"title": "Parks", "question": "What would help?"});
        for (key, value) in body.as_object().unwrap() {
            request[key] = value.clone();
        }
        let answer = app.create_dialogue(&request).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let message = answer.body["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(field), "{body}: {message}");
    }

    let dialogue = app.create_standard_dialogue().await;
    let scheduled = app
        .update_dialogue(dialogue, &json!({"opens_at": "2027-03-05T09:00:00Z"}))
        .await;
    assert_eq!(scheduled.status, StatusCode::OK, "{scheduled:?}");
    // A closing time before the stored opening time is refused, and nothing else changes.
    let refused = app
        .update_dialogue(
            dialogue,
            &json!({"title": "Renamed", "closes_at": "2027-03-04T09:00:00Z"}),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.code(), "validation_failed");
    assert!(
        refused.body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("closes_at:")
    );
    let kept = app.get_dialogue(dialogue).await;
    assert_eq!(kept.body["title"], json!("Our parks"));
    assert_eq!(kept.body["closes_at"], json!(null));

    // The forms name their own fields and keep what was typed.
    let (status, html) = post_form(
        &app,
        &format!("/convenor/dialogues/{dialogue}/settings"),
        &[
            ("title", "Parks for everyone"),
            ("question", "What would make the parks better for health?"),
            ("description", ""),
            ("moderation", "post"),
            ("report_visibility", "public"),
            ("weighting", "default"),
            ("opens_at", "2027-03-05T09:00"),
            ("closes_at", "2027-03-05T08:00"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Closing time: the dialogue would close on 5 March 2027, 08:00 UTC"));
    assert!(html.contains("value=\"2027-03-05T08:00\""));
    assert!(html.contains("value=\"Parks for everyone\""));
    assert_eq!(
        app.get_dialogue(dialogue).await.body["title"],
        json!("Our parks")
    );

    let (status, html) = post_form(
        &app,
        &format!("/convenor/dialogues/{dialogue}/settings"),
        &[
            ("title", "Our parks"),
            ("question", "What would make the parks better for health?"),
            ("description", ""),
            ("moderation", "post"),
            ("report_visibility", "public"),
            ("weighting", "default"),
            ("opens_at", "2027-03-05T09:00"),
            ("closes_at", "2027-03-20T17:30"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let saved = app.get_dialogue(dialogue).await;
    assert_eq!(saved.body["opens_at"], json!("2027-03-05T09:00:00.000Z"));
    assert_eq!(saved.body["closes_at"], json!("2027-03-20T17:30:00.000Z"));

    let partnership = saved.body["partnership_id"].as_i64().unwrap();
    let (status, html) = post_form(
        &app,
        &format!("/convenor/partnerships/{partnership}/dialogues"),
        &[
            ("title", "Bus routes"),
            ("question", "Which routes matter most?"),
            ("opens_at", "tomorrow"),
            ("closes_at", "2027-03-20T17:30"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Opening time: "), "{html}");
    assert!(html.contains("is not a date and time such as 2027-03-12T17:00"));
    assert!(html.contains("value=\"tomorrow\""));
    assert!(html.contains("value=\"Bus routes\""));
}
