//! Convenor sessions end: at sign-out, where the old cookie no longer works anywhere, and when
//! their time runs out, by the server's clock.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use reqwest::StatusCode;
use server::time::Clock;
use server::{Application, Config};

use crate::support::{CONVENOR_EMAIL, CONVENOR_PASSWORD, TestApp, seed_convenor};

/// A clock the test moves by hand.
#[derive(Debug, Default)]
struct ManualClock(AtomicI64);

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Signs in and returns the session cookie's value.
async fn sign_in(app: &TestApp) -> String {
    let answer = app.login(CONVENOR_EMAIL, CONVENOR_PASSWORD).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let set_cookie = answer.headers["set-cookie"].to_str().expect("ascii");
    let value = set_cookie
        .strip_prefix("cg_session=")
        .and_then(|rest| rest.split(';').next())
        .expect("the session cookie");
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    value.to_owned()
}

/// Asks who is signed in with exactly this session cookie, from a client with no cookie jar.
async fn whoami(app: &TestApp, session: &str) -> StatusCode {
    app.anonymous
        .get(app.url("/api/session"))
        .header("cookie", format!("cg_session={session}"))
        .send()
        .await
        .expect("request sent")
        .status()
}

#[tokio::test]
async fn a_session_cookie_is_dead_after_sign_out_even_if_replayed() {
    let app = crate::support::spawn_app().await;
    let session = sign_in(&app).await;
    assert_eq!(whoami(&app, &session).await, StatusCode::OK);

    let signed_out = app.logout().await;
    assert_eq!(signed_out.status, StatusCode::NO_CONTENT);
    let cleared = signed_out.headers["set-cookie"].to_str().expect("ascii");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");

    // Someone who copied the cookie before sign-out gets nothing with it.
    assert_eq!(whoami(&app, &session).await, StatusCode::UNAUTHORIZED);
    let page = app
        .anonymous
        .get(app.url("/convenor"))
        .header("cookie", format!("cg_session={session}"))
        .send()
        .await
        .expect("request sent");
    assert!(
        page.status().is_redirection() || page.url().path() == "/login",
        "{:?} {}",
        page.status(),
        page.url()
    );
}

#[tokio::test]
async fn a_session_expires_when_its_time_runs_out() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite:{}", data_dir.path().join("test.db").display());
    let store = store::connect(&database).await.expect("store");
    let clock = Arc::new(ManualClock(AtomicI64::new(1_000_000)));
    let config = Config {
        database,
        analysis_enabled: false,
        session_ttl: Duration::from_secs(3600),
        ..Config::for_tests()
    };
    let application = Application::build_with_store(config, store, clock.clone())
        .await
        .expect("app builds");
    let app = TestApp::serve(application);
    seed_convenor(&app).await;

    let session = sign_in(&app).await;
    clock.0.fetch_add(3_599_000, Ordering::SeqCst);
    assert_eq!(whoami(&app, &session).await, StatusCode::OK);
    clock.0.fetch_add(2_000, Ordering::SeqCst);
    assert_eq!(whoami(&app, &session).await, StatusCode::UNAUTHORIZED);

    // Signing in again starts a new session from the current time.
    let renewed = sign_in(&app).await;
    assert_ne!(renewed, session);
    assert_eq!(whoami(&app, &renewed).await, StatusCode::OK);
}
