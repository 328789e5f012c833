//! The priorities room: priority lists whose options participants compare two at a time,
//! ranked by the engine's Bradley–Terry model (`engine::priorities`) with every constituency
//! counting once.
//!
//! `document.rs` is the results document that `commonground priorities` writes.

pub mod document;
