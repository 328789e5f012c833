//! Negotiated settlements: the standing of a shared objective among the partners, and the
//! accountability of its actions.
//!
//! Every partner has one stance on a version of an objective, whatever its size: a community
//! group's objection weighs as much as an NHS trust's. The status of an objective is computed
//! here from the stances and the partnership's decision rule, never stored as a fact that could
//! drift from them ([`decide`]). Actions carry due dates and are flagged when late or blocked
//! ([`actions`]). The hash-chained record of how an objective was reached is `model::record`.

pub mod actions;
mod decision;

pub use decision::{
    Decision, DecisionRule, Negotiation, ObjectivePhase, ObjectiveStatus, PartnerRef,
    PartnerStanding, SectorTally, Stance, StanceCounts, StanceEntry, decide,
};
