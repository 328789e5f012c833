//! The trust room: survey waves in which each partner rates its relationship with every other
//! partner, scored by the engine (`engine::trust`) into trust and value per partner, the
//! network's density, centralisation and reciprocity, the asymmetry of trust between community
//! and statutory partners and between lay-led and professional ones, and the change from wave
//! to wave.
//!
//! `sides.rs` places each sector on the two divides; `document.rs` is the results document
//! that `commonground network` writes.

pub mod document;
pub mod sides;
