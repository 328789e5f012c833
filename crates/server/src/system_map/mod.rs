//! The system-map room: a partnership's shared map of the factors of its local system and the
//! signed influences between them, analysed by the engine (`engine::system_map`) for feedback
//! loops, the ripple of an action and leverage.
//!
//! `source.rs` holds a map as files and imports give it (factors and links named by the
//! caller's ids), `document.rs` the analysis document that `commonground map` writes, and
//! `graphml.rs` and `kumu.rs` the exchange with Gephi, yEd and Kumu.

pub mod document;
pub mod graphml;
pub mod kumu;
pub mod layout;
pub mod source;
pub mod svg;

/// The largest map file an import reads; a larger one is refused before it is parsed.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;
