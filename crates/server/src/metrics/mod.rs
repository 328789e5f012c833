//! Figures for an operator's monitoring, served in the Prometheus text format on a listener of
//! their own (never on the public one): requests by route template and status with their
//! latency, votes recorded, analysis runs with their duration, and how much work is waiting.
//!
//! The figures are per process: every instance behind a load balancer is scraped on its own.
//! Recording is a few atomic additions or one short lock, cheap beside any request.

pub mod exposition;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;

use exposition::{Exposition, Histogram};

/// Upper bounds of the request latency buckets, in seconds.
const REQUEST_BUCKETS: [f64; 13] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Upper bounds of the analysis duration buckets, in seconds.
const ANALYSIS_BUCKETS: [f64; 12] = [
    0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0,
];

/// Upper bounds of the vote batch size buckets, in votes.
const BATCH_BUCKETS: [f64; 8] = [1.0, 2.0, 4.0, 8.0, 16.0, 64.0, 256.0, 1024.0];

/// The route label of a request that matched no route: the raw path could be anything a
/// client sent, so it is never a label.
pub const UNMATCHED_ROUTE: &str = "unmatched";

/// One request's labels: method, route template, status.
type RequestKey = (String, String, u16);

/// Every figure of this process.
pub struct Metrics {
    requests: Mutex<BTreeMap<RequestKey, u64>>,
    request_latency: Mutex<BTreeMap<(String, String), Histogram>>,
    requests_in_flight: AtomicI64,
    votes_recorded: AtomicU64,
    votes_failed: AtomicU64,
    vote_batches: Mutex<Histogram>,
    vote_queue: OnceLock<Box<dyn Fn() -> usize + Send + Sync>>,
    analysis_runs: Mutex<BTreeMap<(&'static str, &'static str), u64>>,
    analysis_duration: Mutex<BTreeMap<&'static str, Histogram>>,
    analysis_due: AtomicI64,
    analysis_running: AtomicI64,
}

/// A request in flight; see [`Metrics::request_started`].
pub struct InFlight<'a> {
    metrics: &'a Metrics,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.metrics
            .requests_in_flight
            .fetch_sub(1, Ordering::Relaxed);
    }
}

fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn as_i64(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

impl Metrics {
    fn new() -> Metrics {
        Metrics {
            requests: Mutex::new(BTreeMap::new()),
            request_latency: Mutex::new(BTreeMap::new()),
            requests_in_flight: AtomicI64::new(0),
            votes_recorded: AtomicU64::new(0),
            votes_failed: AtomicU64::new(0),
            vote_batches: Mutex::new(Histogram::new(&BATCH_BUCKETS)),
            vote_queue: OnceLock::new(),
            analysis_runs: Mutex::new(BTreeMap::new()),
            analysis_duration: Mutex::new(BTreeMap::new()),
            analysis_due: AtomicI64::new(0),
            analysis_running: AtomicI64::new(0),
        }
    }

    /// Notes that a request has started; it counts as in flight until the guard is dropped
    /// (also when the client goes away before the answer).
    pub fn request_started(&self) -> InFlight<'_> {
        self.requests_in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight { metrics: self }
    }

    /// Records an answered request.
    pub fn request_finished(&self, method: &str, route: &str, status: u16, latency: Duration) {
        *locked(&self.requests)
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default() += 1;
        locked(&self.request_latency)
            .entry((method.to_owned(), route.to_owned()))
            .or_insert_with(|| Histogram::new(&REQUEST_BUCKETS))
            .observe(latency.as_secs_f64());
    }

    /// Records one batch written by the vote writer: how many votes were recorded and how many
    /// could not be.
    pub fn vote_batch(&self, recorded: usize, failed: usize) {
        self.votes_recorded
            .fetch_add(u64::try_from(recorded).unwrap_or(0), Ordering::Relaxed);
        self.votes_failed
            .fetch_add(u64::try_from(failed).unwrap_or(0), Ordering::Relaxed);
        #[allow(clippy::cast_precision_loss, reason = "batch sizes are far below 2^52")]
        locked(&self.vote_batches).observe((recorded + failed) as f64);
    }

    /// Sets how the number of votes waiting for the writer is read (the first caller wins: one
    /// server instance per process).
    pub fn watch_vote_queue(&self, queued: impl Fn() -> usize + Send + Sync + 'static) {
        let _ = self.vote_queue.set(Box::new(queued));
    }

    /// Records one analysis run of a subject kind.
    pub fn analysis_run(&self, kind: &'static str, outcome: &'static str, duration: Duration) {
        *locked(&self.analysis_runs)
            .entry((kind, outcome))
            .or_default() += 1;
        locked(&self.analysis_duration)
            .entry(kind)
            .or_insert_with(|| Histogram::new(&ANALYSIS_BUCKETS))
            .observe(duration.as_secs_f64());
    }

    /// Sets how many subjects wait for their analysis run and how many are running.
    pub fn analysis_queue(&self, due: usize, running: usize) {
        self.analysis_due.store(as_i64(due), Ordering::Relaxed);
        self.analysis_running
            .store(as_i64(running), Ordering::Relaxed);
    }

    /// Returns every figure in the Prometheus text exposition format (version 0.0.4).
    pub fn render(&self) -> String {
        let mut out = Exposition::default();
        out.family(
            "commonground_http_requests_total",
            "counter",
            "HTTP requests answered, by method, route template and status.",
        );
        for ((method, route, status), count) in locked(&self.requests).iter() {
            let status = status.to_string();
            out.sample(
                "commonground_http_requests_total",
                &[("method", method), ("route", route), ("status", &status)],
                *count,
            );
        }
        out.family(
            "commonground_http_request_duration_seconds",
            "histogram",
            "Time from a request's arrival to its answer, by method and route template.",
        );
        for ((method, route), histogram) in locked(&self.request_latency).iter() {
            out.histogram(
                "commonground_http_request_duration_seconds",
                &[("method", method), ("route", route)],
                histogram,
            );
        }
        out.gauge(
            "commonground_http_requests_in_flight",
            "Requests being handled now.",
            self.requests_in_flight.load(Ordering::Relaxed),
        );
        out.counter(
            "commonground_votes_recorded_total",
            "Votes durably recorded by the vote writer.",
            self.votes_recorded.load(Ordering::Relaxed),
        );
        out.counter(
            "commonground_votes_failed_total",
            "Votes the vote writer could not record (each answered with an error).",
            self.votes_failed.load(Ordering::Relaxed),
        );
        out.family(
            "commonground_vote_batch_size",
            "histogram",
            "Votes written together in one batch by the vote writer.",
        );
        out.histogram(
            "commonground_vote_batch_size",
            &[],
            &locked(&self.vote_batches),
        );
        let queued = self.vote_queue.get().map_or(0, |queued| queued());
        out.gauge(
            "commonground_vote_queue_depth",
            "Votes waiting for the vote writer.",
            as_i64(queued),
        );
        out.family(
            "commonground_analysis_runs_total",
            "counter",
            "Background analysis runs, by subject kind and outcome.",
        );
        for ((kind, outcome), count) in locked(&self.analysis_runs).iter() {
            out.sample(
                "commonground_analysis_runs_total",
                &[("subject", kind), ("outcome", outcome)],
                *count,
            );
        }
        out.family(
            "commonground_analysis_duration_seconds",
            "histogram",
            "How long one background analysis run took, by subject kind.",
        );
        for (kind, histogram) in locked(&self.analysis_duration).iter() {
            out.histogram(
                "commonground_analysis_duration_seconds",
                &[("subject", kind)],
                histogram,
            );
        }
        out.gauge(
            "commonground_analysis_queue_depth",
            "Subjects whose analysis is waiting for its turn (the debounce or a busy lock).",
            self.analysis_due.load(Ordering::Relaxed),
        );
        out.gauge(
            "commonground_analysis_running",
            "Analysis runs in progress.",
            self.analysis_running.load(Ordering::Relaxed),
        );
        if let Some(bytes) = resident_bytes() {
            out.gauge(
                "process_resident_memory_bytes",
                "Resident memory of the server process.",
                bytes,
            );
        }
        out.finish()
    }
}

/// Returns the process's resident memory from `/proc/self/statm` (Linux), assuming 4 KiB pages.
fn resident_bytes() -> Option<i64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: i64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages.saturating_mul(4096))
}

/// Returns this process's figures.
pub fn global() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(Metrics::new)
}

/// The content type of the Prometheus text format.
pub const CONTENT_TYPE_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";

async fn serve_metrics() -> impl IntoResponse {
    ([(CONTENT_TYPE, CONTENT_TYPE_TEXT)], global().render())
}

/// Returns the router of the metrics listener: `GET /metrics` and nothing else.
pub fn router() -> Router {
    Router::new().route("/metrics", get(serve_metrics))
}
