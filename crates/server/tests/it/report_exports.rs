//! The report's exports and its opinion map as served: the slide-ready PNGs of the map and the
//! grid, the PDF, who may download them, and the rendered map of a real analysis, whose labels
//! must not overlap at either size.

use reqwest::StatusCode;
use serde_json::json;
use server::analysis::RunOutcome;

use crate::pdf_text;
use crate::support::{Answer, TestApp, spawn_app};

/// A dialogue of twelve statements voted on by 30 people in three camps, analysed once.
async fn analysed_dialogue(app: &TestApp) -> i64 {
    app.login_as_convenor().await;
    let statements: Vec<String> = (1..=12)
        .map(|n| format!("Statement number {n} about evening clinics"))
        .collect();
    let answer = app
        .create_dialogue(&json!({
            "title": "Healthy ageing in Northvale",
            "question": "What would help older people stay well?",
            "constituencies": [
                {"name": "resident", "kind": "lay"},
                {"name": "carer", "kind": "lay"},
                {"name": "GP", "kind": "professional"}
            ],
            "statements": statements,
        }))
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{answer:?}");
    let dialogue = answer.body["id"].as_i64().unwrap();
    let ids: Vec<i64> = app.list_statements(dialogue, "").await.body["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|statement| statement["id"].as_i64().unwrap())
        .collect();
    let constituencies = ["resident", "carer", "GP"];
    for person in 0..30 {
        let camp = person % 3;
        let participant = app.join(dialogue, &[constituencies[camp]]).await;
        for (position, statement) in ids.iter().enumerate() {
            let vote = if position < 3 || (position + camp) % 3 == 0 || person % 7 == position % 7 {
                "agree"
            } else if (position + camp) % 3 == 1 {
                "disagree"
            } else {
                "pass"
            };
            let answer = app.vote(dialogue, &participant, *statement, vote).await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
        }
    }
    assert_eq!(app.recompute_now(dialogue).await, RunOutcome::Computed);
    dialogue
}

async fn fetch(app: &TestApp, client: &reqwest::Client, path: &str) -> Answer {
    let response = client.get(app.url(path)).send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap().to_vec();
    Answer {
        status,
        body: serde_json::from_slice(&bytes).unwrap_or_default(),
        headers,
        bytes,
    }
}

fn content_type(answer: &Answer) -> &str {
    answer.headers["content-type"].to_str().unwrap()
}

/// Returns a PNG's width and height, after checking its signature.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let read = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (read(16), read(20))
}

#[tokio::test]
async fn the_map_and_the_grid_download_as_slides_and_the_report_as_a_pdf() {
    let app = spawn_app().await;
    let dialogue = analysed_dialogue(&app).await;
    for path in ["map.png", "grid.png", "grid.png?page=1"] {
        let answer = fetch(
            &app,
            &app.anonymous,
            &format!("/d/{dialogue}/report/{path}"),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(content_type(&answer), "image/png");
        assert_eq!(png_size(&answer.bytes), (1600, 900), "{path}");
        assert!(answer.bytes.len() > 10_000, "{path} has a drawing on it");
    }
    let pdf = fetch(&app, &app.anonymous, &format!("/d/{dialogue}/report.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(content_type(&pdf), "application/pdf");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf.bytes);
    assert!(text.contains("/Count 3"), "summary, grid and map pages");
    assert!(text.trim_end().ends_with("%%EOF"));
}

/// The sentences of the report page's summary, as plain text.
fn summary_sentences(html: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    for part in html.split("<div class=\"summary-part\">").skip(1) {
        let part = &part[..part.find("</div>").unwrap()];
        for paragraph in part.split("<p>").skip(1) {
            let text = &paragraph[..paragraph.find("</p>").unwrap()];
            let text = text
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            sentences.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    sentences
}

#[tokio::test]
async fn the_pdf_opens_with_the_report_pages_summary_then_the_grid_and_the_map() {
    let app = spawn_app().await;
    let dialogue = analysed_dialogue(&app).await;
    let page = fetch(&app, &app.anonymous, &format!("/d/{dialogue}/report")).await;
    let sentences = summary_sentences(&String::from_utf8_lossy(&page.bytes));
    assert!(sentences.len() >= 4, "{sentences:?}");
    assert!(
        sentences[0]
            .starts_with("30 people took part and 30 voted, casting 360 votes on 12 statements."),
        "{sentences:?}"
    );
    let pdf = fetch(&app, &app.anonymous, &format!("/d/{dialogue}/report.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    let text = pdf_text::text(&pdf.bytes);
    assert!(
        text.starts_with("Healthy ageing in Northvale What would help older people stay well?"),
        "{text}"
    );
    // Every sentence of the page's summary, in the page's order, before the grid and the map.
    let mut after = 0;
    for sentence in &sentences {
        let found = text[after..]
            .find(sentence.as_str())
            .unwrap_or_else(|| panic!("the PDF lacks {sentence:?} after position {after}: {text}"));
        after += found + sentence.len();
    }
    for heading in [
        "Who took part",
        "What is common ground",
        "Where people divide",
        "Whose voice is missing",
    ] {
        assert!(text[..after].contains(heading), "{heading}");
    }
    let grid = text
        .find("Statements by group and constituency")
        .expect("the grid");
    let map = text.find("Opinion map").expect("the map");
    assert!(
        after < grid && grid < map,
        "summary at ..{after}, grid at {grid}, map at {map}"
    );
    // The figures the old first page wrote from the dialogue alone are gone.
    assert!(!text.contains("The analysis counts"));
}

#[tokio::test]
async fn a_grid_slide_that_does_not_exist_is_refused_with_a_reason() {
    let app = spawn_app().await;
    let dialogue = analysed_dialogue(&app).await;
    for (query, expected) in [
        ("page=2", "page 1"),
        ("page=0", "page 1"),
        ("page=x", "?page=1"),
        ("size=3", "?page=1"),
    ] {
        let answer = fetch(
            &app,
            &app.anonymous,
            &format!("/d/{dialogue}/report/grid.png?{query}"),
        )
        .await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert!(
            String::from_utf8_lossy(&answer.bytes).contains(expected),
            "{query}: {answer:?}"
        );
    }
}

#[tokio::test]
async fn exports_before_any_analysis_say_the_results_are_not_ready() {
    let app = spawn_app().await;
    app.login_as_convenor().await;
    let dialogue = app.create_standard_dialogue().await;
    for path in ["report/map.png", "report/grid.png"] {
        let answer = fetch(&app, &app.anonymous, &format!("/d/{dialogue}/{path}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(png_size(&answer.bytes), (1600, 900));
    }
    let pdf = fetch(&app, &app.anonymous, &format!("/d/{dialogue}/report.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
}

#[tokio::test]
async fn a_private_reports_exports_are_refused_to_the_public() {
    let app = spawn_app().await;
    let dialogue = analysed_dialogue(&app).await;
    let answer = app
        .update_dialogue(dialogue, &json!({"report_visibility": "convenors"}))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    for path in ["report/map.png", "report/grid.png", "report.pdf"] {
        let public = fetch(&app, &app.anonymous, &format!("/d/{dialogue}/{path}")).await;
        assert_eq!(public.status, StatusCode::UNAUTHORIZED, "{path}");
        assert!(!public.bytes.starts_with(b"%PDF") && !public.bytes.starts_with(b"\x89PNG"));
        let convenor = fetch(&app, &app.convenor, &format!("/d/{dialogue}/{path}")).await;
        assert_eq!(convenor.status, StatusCode::OK, "{path}");
    }
}

/// A label's box as the page draws it.
#[derive(Debug, Clone, Copy)]
struct Box2 {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

fn attribute(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// Returns each drawn map on a page: its layout name, its viewBox size and its label boxes.
fn maps(html: &str) -> Vec<(String, f64, f64, Vec<Box2>)> {
    html.split("<svg class=\"map-svg map-svg--")
        .skip(1)
        .map(|svg| {
            let svg = &svg[..svg.find("</svg>").unwrap()];
            let name = svg[..svg.find('"').unwrap()].to_owned();
            let view = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
            let view: Vec<f64> = view[..view.find('"').unwrap()]
                .split(' ')
                .map(|value| value.parse().unwrap())
                .collect();
            let boxes = svg
                .split("<rect class=\"map-label-box")
                .skip(1)
                .map(|rest| {
                    let tag = &rest[..rest.find("/>").unwrap()];
                    Box2 {
                        x: attribute(tag, "x"),
                        y: attribute(tag, "y"),
                        w: attribute(tag, "width"),
                        h: attribute(tag, "height"),
                    }
                })
                .collect();
            (name, view[0], view[1], boxes)
        })
        .collect()
}

fn assert_readable(html: &str, expected_labels: usize) {
    let drawn = maps(html);
    let names: Vec<&str> = drawn.iter().map(|(name, ..)| name.as_str()).collect();
    assert_eq!(names, ["phone", "desktop"]);
    for (name, width, height, boxes) in drawn {
        assert!(boxes.len() >= expected_labels, "{name}: {boxes:?}");
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= width && a.y + a.h <= height,
                "{name}: {a:?} leaves the map"
            );
            for b in &boxes[i + 1..] {
                let apart =
                    a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert!(apart, "{name}: {a:?} overlaps {b:?}");
            }
        }
    }
}

#[tokio::test]
async fn the_served_map_of_a_real_analysis_has_no_overlapping_labels() {
    let app = spawn_app().await;
    let dialogue = analysed_dialogue(&app).await;
    let document = app.analysis(dialogue).await.body;
    let n_groups = document["groups"].as_array().unwrap().len();
    assert!(n_groups >= 2, "the votes make opinion groups: {n_groups}");
    let page = fetch(&app, &app.anonymous, &format!("/d/{dialogue}/report")).await;
    let html = String::from_utf8_lossy(&page.bytes).into_owned();
    // Every group's label, and the statements' numbers.
    assert_readable(&html, n_groups + 12);
    assert!(
        html.contains(">Group A · "),
        "groups are labelled with their size"
    );
    assert!(html.contains(&format!("href=\"/d/{dialogue}/report.pdf\"")));
}
