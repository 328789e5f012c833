//! The HTTP integration suite: starts real server instances on 127.0.0.1:0 and drives them
//! through the JSON API, as clients would.

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

mod access;
mod accountability;
mod analysis;
mod bad_input;
mod controls;
mod event;
mod export;
mod facilitation;
mod fixtures;
mod fuzz_bodies;
mod journey;
mod languages;
mod moderators;
mod openapi;
mod participants;
mod partnerships;
mod pdf_text;
mod postgres;
mod priorities;
mod priorities_convenor_pages;
mod priorities_pages;
mod privacy;
mod races;
mod rate_limits;
mod recovery;
mod report_exports;
mod report_page;
mod representative_pages;
mod rounds;
mod safeguarding;
mod schedule;
mod sessions;
mod settlements;
mod shared_limits;
mod support;
mod system_map_pages;
mod system_maps;
mod text_rules;
mod translations;
mod trust;
mod trust_pages;
mod versions;
