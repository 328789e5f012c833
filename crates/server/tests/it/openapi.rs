//! The committed `openapi.json` matches what the code generates; `UPDATE_OPENAPI=1` rewrites it.

use crate::support::spawn_app;

fn committed_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../openapi.json")
}

#[test]
fn the_committed_openapi_document_is_current() {
    let generated = server::openapi::document();
    let path = committed_path();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("openapi.json is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi.json is out of date: run `UPDATE_OPENAPI=1 cargo test -p server --test it openapi`"
    );
}

#[tokio::test]
async fn the_server_serves_its_openapi_document() {
    let app = spawn_app().await;
    let answer = app.openapi().await;
    assert_eq!(answer.status, reqwest::StatusCode::OK);
    let paths = answer.body["paths"].as_object().unwrap();
    for path in [
        "/healthz",
        "/api/session",
        "/api/dialogues",
        "/api/dialogues/{id}/votes",
        "/api/dialogues/{id}/next",
        "/api/dialogues/{id}/analysis",
        "/api/dialogues/{id}/export/{file}",
    ] {
        assert!(paths.contains_key(path), "{path} missing");
    }
    let generated: serde_json::Value = serde_json::from_str(&server::openapi::document()).unwrap();
    assert_eq!(answer.body, generated);
}
