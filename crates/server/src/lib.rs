//! HTTP: the JSON API, the web pages and the background analysis worker.

pub mod analysis;
pub mod error;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod request_id;
pub mod time;
pub mod zip;
