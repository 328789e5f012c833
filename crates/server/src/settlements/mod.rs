//! The objectives and actions room: a partnership's shared objectives, drafted by its convenors
//! from what the public said (with the evidence frozen), negotiated version by version with each
//! partner's stance, adopted under the partnership's decision rule, and the actions partners
//! take under adopted objectives with their progress notes.
//!
//! [`evidence`] is the frozen standing of the statements an objective rests on;
//! [`accountability`] the read-only outputs: the public outcomes page, the actions dashboard,
//! the record's exports, the printable agreement and the calendar feed.

pub mod accountability;
pub mod evidence;

/// The room's routes.
pub fn routes() -> axum::Router<crate::state::AppState> {
    axum::Router::new().merge(accountability::routes())
}
