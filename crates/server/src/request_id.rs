//! Gives every request an id that appears in its log lines, its `x-request-id` header and the
//! body of an internal error, so a person can match a failure to its cause in the log.

use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

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

/// Middleware: assigns the id, runs the request inside a span carrying it, and returns it in
/// the `x-request-id` response header.
pub async fn assign(request: Request, next: Next) -> Response {
    let id = next_id();
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    );
    let mut response = REQUEST_ID
        .scope(id.clone(), next.run(request).instrument(span.clone()))
        .await;
    span.in_scope(|| {
        tracing::debug!(status = response.status().as_u16(), "response");
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
