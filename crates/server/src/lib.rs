//! Common Ground's HTTP JSON API and its background analysis.
//!
//! [`Application`] connects the store, starts the group-commit vote writer and the analysis
//! scheduler, and serves the routes in [`routes`] (and, when asked, the [`metrics`] on a listener
//! of their own). Every error is an [`error::ApiError`] with a
//! stable code from one table.

pub mod accounts;
pub mod analysis;
pub mod api;
pub mod auth;
pub mod client;
pub mod config;
pub mod dialogues;
pub mod error;
pub mod event;
pub mod export;
pub mod extract;
pub mod facilitation;
pub mod ingest;
pub mod metrics;
pub mod moderation;
pub mod openapi;
pub mod participation;
pub mod partnerships;
pub mod priorities;
pub mod rate_limit;
pub mod report;
pub mod request_id;
pub mod rounds;
pub mod routes;
pub mod safeguarding;
pub mod settlements;
pub mod startup;
pub mod state;
pub mod system_map;
pub mod time;
pub mod trust;
pub mod versions;
pub mod views;
pub mod web;
pub mod zip;

pub use config::Config;
pub use startup::{Application, StartError};
