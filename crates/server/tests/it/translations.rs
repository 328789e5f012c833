//! Translations of priority options and shared objectives. A list's convenors set the
//! language its options are written in and add translations, through the API and their page;
//! a participant compares the options in their own language, marked as translations with the
//! originals one tap away, and every choice names the option, whatever language it was read
//! in. A partnership's convenors translate each version of an objective; a representative
//! reading in Welsh sees the Welsh version with the original a tap away, and a stance taken
//! there is a stance on the version; an amendment starts untranslated.

use model::PriorityListId;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Answer, TestApp, spawn_app};

async fn answer(request: reqwest::RequestBuilder) -> Answer {
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

fn page_text(answer: &Answer) -> String {
    String::from_utf8_lossy(&answer.bytes)
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
}

fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).expect("the page has the field") + marker.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end].to_owned()
}

/// A list of two options written in English, made by the signed-in convenor.
async fn list_of_two(app: &TestApp) -> (i64, [i64; 2]) {
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = app.get_dialogue(dialogue).await.body["partnership_id"]
        .as_i64()
        .unwrap();
    let created = answer(
        app.convenor
            .post(app.url(&format!("/api/partnerships/{partnership}/priority-lists")))
            .json(&json!({
                "title": "First steps",
                "question": "Which should the partnership do first?",
                "constituencies": [{"name": "carer", "kind": "lay"}],
            })),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{created:?}");
    let list = created.body["id"].as_i64().unwrap();
    let mut options = [0; 2];
    for (slot, text) in options
        .iter_mut()
        .zip(["Evening clinics", "A bus to the hospital"])
    {
        let added = answer(
            app.convenor
                .post(app.url(&format!("/api/priority-lists/{list}/options")))
                .json(&json!({ "text": text })),
        )
        .await;
        assert_eq!(added.status, StatusCode::CREATED, "{added:?}");
        *slot = added.body["id"].as_i64().unwrap();
    }
    (list, options)
}

async fn translate(app: &TestApp, list: i64, option: i64, language: &str, text: &str) -> Answer {
    answer(
        app.convenor
            .put(app.url(&format!(
                "/api/priority-lists/{list}/options/{option}/versions/{language}"
            )))
            .json(&json!({ "text": text })),
    )
    .await
}

#[tokio::test]
async fn a_participant_compares_translated_options_and_the_choice_names_the_option() {
    let app = spawn_app().await;
    let (list, [clinics, bus]) = list_of_two(&app).await;

    // The convenor translates both options into Welsh; a translation into the list's own
    // language, an unknown language and another list's option are refused.
    let saved = translate(&app, list, clinics, "cy", "Clinigau gyda'r nos").await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    assert_eq!(saved.body["option_id"], clinics);
    assert_eq!(saved.body["language"], "cy");
    let saved = translate(&app, list, bus, "cy", "Bws i'r ysbyty").await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let own = translate(&app, list, bus, "en", "A bus").await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY, "{own:?}");
    assert!(
        own.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("English")
    );
    let unknown = translate(&app, list, bus, "xx", "A bus").await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let empty = translate(&app, list, bus, "pl", "   ").await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let (other_list, [foreign, _]) = list_of_two(&app).await;
    let foreign = translate(&app, list, foreign, "cy", "Rhywbeth").await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{foreign:?}");
    let listed = app
        .get(&format!("/api/priority-lists/{list}/versions"))
        .await;
    assert_eq!(listed.body["language"], "en");
    assert_eq!(
        listed.body["options"][0]["translations"]["cy"],
        "Clinigau gyda'r nos"
    );
    assert_eq!(
        app.get(&format!("/api/priority-lists/{other_list}/versions"))
            .await
            .body["options"][0]["translations"],
        json!({})
    );

    // A participant reading in Welsh compares the Welsh texts, each marked as a translation,
    // with the English originals one tap away.
    let person = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let joined = answer(
        person
            .post(app.url(&format!("/p/{list}/join?lang=cy")))
            .form(&[("constituency", "carer")]),
    )
    .await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER, "{joined:?}");
    let welsh = answer(person.get(app.url(&format!("/p/{list}/compare?lang=cy")))).await;
    assert_eq!(welsh.status, StatusCode::OK);
    let welsh = page_text(&welsh);
    assert!(
        welsh.contains(r#"lang="cy" dir="ltr">Clinigau gyda'r nos</span>"#),
        "{welsh}"
    );
    assert!(welsh.contains(r#"lang="cy" dir="ltr">Bws i'r ysbyty</span>"#));
    assert_eq!(welsh.matches(">Cyfieithiad</span>").count(), 2);
    assert!(welsh.contains("Dangos y gwreiddiol (English)"));
    assert!(welsh.contains(r#"<p lang="en" dir="auto">Evening clinics</p>"#));
    assert!(welsh.contains(r#"<p lang="en" dir="auto">A bus to the hospital</p>"#));

    // In English, the same pair is shown as written, with no mark and nothing to open.
    let english = answer(person.get(app.url(&format!("/p/{list}/compare?lang=en")))).await;
    let english = page_text(&english);
    assert!(
        english.contains(r#"lang="en" dir="auto">Evening clinics</span>"#),
        "{english}"
    );
    assert!(!english.contains(">Translation</span>"));
    assert!(!english.contains("Show the original"));

    // The choice names the option: the stored comparison is between the two options.
    let left = hidden(&welsh, "left");
    let right = hidden(&welsh, "right");
    let chosen = answer(person.post(app.url(&format!("/p/{list}/compare"))).form(&[
        ("csrf", hidden(&welsh, "csrf").as_str()),
        ("left", left.as_str()),
        ("right", right.as_str()),
        ("key", hidden(&welsh, "key").as_str()),
        ("choice", "left"),
    ]))
    .await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER, "{chosen:?}");
    let stored = app
        .state
        .store()
        .list_comparisons(PriorityListId(list))
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    let mut compared = [stored[0].left.get(), stored[0].right.get()];
    compared.sort_unstable();
    assert_eq!(compared, [clinics, bus]);
    assert_eq!(stored[0].left.get().to_string(), left);
}

#[tokio::test]
async fn the_convenors_page_sets_the_language_and_keeps_translations() {
    let app = spawn_app().await;
    let (list, [clinics, _]) = list_of_two(&app).await;
    let path = format!("/convenor/priority-lists/{list}/versions");
    let shown = answer(app.convenor.get(app.url(&path))).await;
    assert_eq!(shown.status, StatusCode::OK);
    let shown = page_text(&shown);
    assert!(shown.contains("Translations of the options"));
    assert!(shown.contains("Evening clinics"));
    let csrf = hidden(&shown, "csrf");
    let clinics = clinics.to_string();

    let saved = answer(app.convenor.post(app.url(&path)).form(&[
        ("csrf", csrf.as_str()),
        ("action", "put"),
        ("option_id", clinics.as_str()),
        ("language", "pl"),
        ("text", "Wieczorne przychodnie"),
    ]))
    .await;
    // The convenor's client follows the redirect to the page, which says what was done.
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let after = page_text(&saved);
    assert!(after.contains("The translation is saved."));
    assert!(after.contains(r#"<span lang="pl" dir="ltr">Wieczorne przychodnie</span>"#));

    // Changing the list's language to Polish makes the Polish translation a translation into
    // the options' own language: a new one is refused, with the form's message on the page.
    let language = answer(app.convenor.post(app.url(&path)).form(&[
        ("csrf", csrf.as_str()),
        ("action", "language"),
        ("language", "pl"),
    ]))
    .await;
    assert_eq!(language.status, StatusCode::OK);
    assert!(page_text(&language).contains("The list's language is saved."));
    let refused = answer(app.convenor.post(app.url(&path)).form(&[
        ("csrf", csrf.as_str()),
        ("action", "put"),
        ("option_id", clinics.as_str()),
        ("language", "pl"),
        ("text", "Przychodnie"),
    ]))
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page_text(&refused).contains("written in Polski"),
        "{}",
        page_text(&refused)
    );

    let removed = answer(app.convenor.post(app.url(&path)).form(&[
        ("csrf", csrf.as_str()),
        ("action", "remove"),
        ("option_id", clinics.as_str()),
        ("language", "pl"),
    ]))
    .await;
    assert_eq!(removed.status, StatusCode::OK);
    assert!(page_text(&removed).contains("The translation is removed."));
    let gone = answer(app.convenor.delete(app.url(&format!(
        "/api/priority-lists/{list}/options/{clinics}/versions/pl"
    ))))
    .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND, "{gone:?}");
    let forged = answer(app.convenor.post(app.url(&path)).form(&[
        ("csrf", "not-the-token"),
        ("action", "language"),
        ("language", "cy"),
    ]))
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.state
            .store()
            .priority_list_language(PriorityListId(list))
            .await
            .unwrap(),
        "pl"
    );
}

#[tokio::test]
async fn a_representative_reads_an_objective_in_welsh_and_stances_stay_on_the_version() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    let partnership = app.get_dialogue(dialogue).await.body["partnership_id"]
        .as_i64()
        .unwrap();
    let drafted = answer(
        app.convenor
            .post(app.url(&format!("/api/partnerships/{partnership}/objectives")))
            .json(&json!({
                "title": "Benches in every park",
                "text": "The council and the trust fund benches along the walking routes.",
            })),
    )
    .await;
    assert_eq!(drafted.status, StatusCode::CREATED, "{drafted:?}");
    let objective = drafted.body["id"].as_i64().unwrap();
    let path = |rest: &str| app.url(&format!("/api/objectives/{objective}{rest}"));

    let saved = answer(
        app.convenor
            .put(path("/versions/1/translations/cy"))
            .json(&json!({
                "title": "Meinciau ym mhob parc",
                "text": "Mae'r cyngor a'r ymddiriedolaeth yn ariannu meinciau ar hyd y llwybrau cerdded.",
            })),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    assert_eq!(saved.body["version"], 1);
    for (rest, body, status) in [
        (
            "/versions/2/translations/cy",
            json!({"title": "T", "text": "X"}),
            StatusCode::NOT_FOUND,
        ),
        (
            "/versions/1/translations/en",
            json!({"title": "T", "text": "X"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/versions/1/translations/xx",
            json!({"title": "T", "text": "X"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/versions/1/translations/pl",
            json!({"title": "", "text": "X"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/versions/1/translations/pl",
            json!({"title": "T", "text": "x".repeat(5001)}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let refused = answer(app.convenor.put(path(rest)).json(&body)).await;
        assert_eq!(refused.status, status, "{rest}: {refused:?}");
    }
    let listed = answer(app.convenor.get(path("/translations"))).await;
    assert_eq!(listed.body["language"], "en");
    assert_eq!(
        listed.body["translations"][0]["title"],
        "Meinciau ym mhob parc"
    );

    // The convenor's page in Welsh shows the Welsh version, marked, with the original a tap
    // away; in English it shows the original and lists the translation for its convenors.
    let welsh = answer(
        app.convenor
            .get(app.url(&format!("/convenor/objectives/{objective}?lang=cy"))),
    )
    .await;
    assert_eq!(welsh.status, StatusCode::OK);
    let welsh = page_text(&welsh);
    assert!(
        welsh.contains(r#"<h1 lang="cy" dir="ltr">Meinciau ym mhob parc</h1>"#),
        "{welsh}"
    );
    assert!(welsh.contains(">Cyfieithiad</p>"));
    assert!(welsh.contains("Dangos y gwreiddiol (English)"));
    assert!(
        welsh.contains(r#"<p lang="en" dir="auto"><strong>Benches in every park</strong></p>"#)
    );
    assert!(welsh.contains("Cyfieithiadau o fersiwn 1"));
    let english = page_text(
        &answer(
            app.convenor
                .get(app.url(&format!("/convenor/objectives/{objective}?lang=en"))),
        )
        .await,
    );
    assert!(
        english.contains(r#"<h1 lang="en" dir="auto">Benches in every park</h1>"#),
        "{english}"
    );
    assert!(english.contains("Remove the translation into Cymraeg"));

    // A new version starts untranslated; the page form refuses a translation into the
    // objective's own language with the message, and keeps what was typed.
    let amended =
        answer(app.convenor.post(path("/versions")).json(
            &json!({"title": "Benches and shade in every park", "text": "Benches and trees."}),
        ))
        .await;
    assert_eq!(amended.status, StatusCode::CREATED, "{amended:?}");
    let after = page_text(
        &answer(
            app.convenor
                .get(app.url(&format!("/convenor/objectives/{objective}?lang=cy"))),
        )
        .await,
    );
    assert!(
        after.contains(">Benches and shade in every park</h1>"),
        "{after}"
    );
    assert!(!after.contains(">Cyfieithiad</p>"));
    let csrf = hidden(&after, "csrf");
    let refused = answer(
        app.convenor
            .post(app.url(&format!("/convenor/objectives/{objective}/translations")))
            .form(&[
                ("csrf", csrf.as_str()),
                ("action", "put"),
                ("language", "en"),
                ("title", "Benches again"),
                ("text", "Benches."),
            ]),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused = page_text(&refused);
    assert!(refused.contains("value=\"Benches again\""), "{refused}");
    let put = answer(
        app.convenor
            .post(app.url(&format!("/convenor/objectives/{objective}/translations")))
            .form(&[
                ("csrf", csrf.as_str()),
                ("action", "put"),
                ("language", "cy"),
                ("title", "Meinciau a chysgod ym mhob parc"),
                ("text", "Meinciau a choed."),
            ]),
    )
    .await;
    assert_eq!(put.status, StatusCode::OK, "{put:?}");
    assert!(page_text(&put).contains(">Meinciau a chysgod ym mhob parc</strong>"));
    let versions: Vec<u32> = app
        .state
        .store()
        .objective_translations(store::ObjectiveId(objective))
        .await
        .unwrap()
        .iter()
        .map(|found| found.version)
        .collect();
    assert_eq!(versions, [1, 2]);
}

#[tokio::test]
async fn the_options_page_says_the_services_refusals_in_welsh_and_the_api_keeps_its_english() {
    let app = spawn_app().await;
    let (list, [clinics, _]) = list_of_two(&app).await;
    let path = format!("/convenor/priority-lists/{list}/versions?lang=cy");
    let shown = page_text(&answer(app.convenor.get(app.url(&path))).await);
    assert!(shown.contains("<html lang=\"cy\""), "{shown}");
    let csrf = hidden(&shown, "csrf");
    let option = clinics.to_string();

    // A translation into the options' own language.
    let refused = answer(app.convenor.post(app.url(&path)).form(&[
        ("csrf", csrf.as_str()),
        ("action", "put"),
        ("option_id", option.as_str()),
        ("language", "en"),
        ("text", "Clinics in the evening"),
    ]))
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = page_text(&refused);
    assert!(
        page.contains(
            "Mae'r opsiynau wedi'u hysgrifennu yn English, felly nid oes angen eu cyfieithu i'r iaith honno; newidiwch iaith y rhestr os ydynt wedi'u hysgrifennu mewn iaith arall."
        ),
        "{page}"
    );
    assert!(!page.contains("need no translation"), "{page}");
    let api = translate(&app, list, clinics, "en", "Clinics in the evening").await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        api.body["error"]["message"],
        "the options are written in English, so they need no translation into it; change the list's language if they are written in another"
    );

    // Removing a translation the option does not have.
    let missing = answer(app.convenor.post(app.url(&path)).form(&[
        ("csrf", csrf.as_str()),
        ("action", "remove"),
        ("option_id", option.as_str()),
        ("language", "pl"),
    ]))
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let page = page_text(&missing);
    assert!(
        page.contains(&format!(
            "Nid oes gan opsiwn {clinics} gyfieithiad i Polski."
        )),
        "{page}"
    );
    let api = answer(app.convenor.delete(app.url(&format!(
        "/api/priority-lists/{list}/options/{clinics}/versions/pl"
    ))))
    .await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(
        api.body["error"]["message"],
        format!("option {clinics} has no translation into Polski")
    );
}
