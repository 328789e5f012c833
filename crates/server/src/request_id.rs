//! Gives every request an id that appears in its log lines, its `x-request-id` header and the
//! body of an internal error, so a person can match a failure to its cause in the log; and logs
//! and counts every answered request.
//!
//! The log line of a request names its route template (`/api/dialogues/{id}/votes`), never the
//! raw path or query, and no header or body: a token or a participant's words never reach the
//! log.

use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tokio::time::Instant;
use tracing::Instrument;

use crate::metrics;

tokio::task_local! {
    static REQUEST_ID: String;
}

static NEXT: AtomicU64 = AtomicU64::new(1);

/// A per-process prefix so that ids from several instances behind one database differ.
fn instance_prefix() -> u32 {
    static PREFIX: OnceLock<u32> = OnceLock::new();
    *PREFIX.get_or_init(|| {
        // The standard library seeds each RandomState randomly; its hash of nothing is a random
        // number that is good enough to tell instances apart.
        let random = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        let high = u32::try_from(random >> 32).unwrap_or_default();
        let low = u32::try_from(random & u64::from(u32::MAX)).unwrap_or_default();
        high ^ low
    })
}

fn next_id() -> String {
    format!(
        "{:08x}-{}",
        instance_prefix(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// Returns the id of the request being handled, or `"none"` outside a request.
pub fn current() -> String {
    REQUEST_ID
        .try_with(Clone::clone)
        .unwrap_or_else(|_| "none".to_owned())
}

/// Middleware: assigns the id, runs the request inside a span carrying it, returns it in the
/// `x-request-id` response header, and logs and counts the answered request.
pub async fn assign(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = next_id();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or(metrics::UNMATCHED_ROUTE, MatchedPath::as_str)
        .to_owned();
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %method,
        route = %route,
    );
    let figures = metrics::global();
    let in_flight = figures.request_started();
    let mut response = REQUEST_ID
        .scope(id.clone(), next.run(request).instrument(span))
        .await;
    let latency = started.elapsed();
    let status = response.status().as_u16();
    figures.request_finished(method.as_str(), &route, status, latency);
    drop(in_flight);
    tracing::info!(
        target: "commonground::request",
        request_id = %id,
        method = %method,
        route = %route,
        status,
        latency_ms = latency.as_secs_f64() * 1000.0,
        "request"
    );
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
