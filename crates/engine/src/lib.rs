//! The Common Ground analysis engine: votes in, analysis out.
//!
//! The engine is pure: no I/O, no async, no clock and no global random numbers. Seeds and
//! timestamps arrive as arguments, so the same input gives the same output, byte for byte.
#![warn(missing_docs)]

pub mod votes;

pub use votes::{
    Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteMatrix, VoteRecord,
};
