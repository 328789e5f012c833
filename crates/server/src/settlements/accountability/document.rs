//! The documents the accountability routes serve: the public "you said, we did" page, the
//! partnership's actions dashboard and the record export. Each is one set of types that the
//! JSON API serves and the pages render, read strictly.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::settlements::evidence::EvidenceSource;

/// A partnership's outcomes: each adopted objective, what the public said that it rests on,
/// who endorsed it, and its actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// The partnership's id.
    pub partnership_id: i64,
    /// Its name.
    pub partnership_name: String,
    /// What it is for.
    pub purpose: String,
    /// Whether the page is public; `false` only in a convenor's preview.
    pub is_published: bool,
    /// When it was published (RFC 3339).
    pub published_at: Option<String>,
    /// The day the late flags are computed for (YYYY-MM-DD, UTC).
    pub as_of: String,
    /// The objectives the partners adopted, oldest first.
    pub objectives: Vec<AdoptedObjective>,
}

/// One adopted objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdoptedObjective {
    /// Its id.
    pub id: i64,
    /// The adopted version.
    pub version: u32,
    /// Its title.
    pub title: String,
    /// Its text.
    pub body: String,
    /// When the convenors recorded its adoption (RFC 3339).
    pub adopted_at: String,
    /// The engine's reason ("adopted: all 4 partners endorse, 1 with reservations").
    pub reason: String,
    /// What the public said that it rests on, frozen when the adopted version was written;
    /// `null` when it cites no dialogue.
    pub evidence: Option<EvidenceSource>,
    /// Each partner's stance on the adopted version, partners in id order.
    pub stances: Vec<PartnerStance>,
    /// Its actions, in the order they were added.
    pub actions: Vec<ActionView>,
}

/// A partner's stance on an objective's version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerStance {
    /// The partner's id.
    pub partner_id: i64,
    /// Its name.
    pub partner: String,
    /// Its sector, in words.
    pub sector: String,
    /// `endorse`, `endorse_with_reservations`, `object`, or `none` (no stance).
    pub stance: String,
    /// The stance in words.
    pub stance_label: String,
    /// The reservations, or the reason for objecting.
    pub reason: Option<String>,
}

/// An action as the dashboard and the public page show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionView {
    /// Its id.
    pub id: i64,
    /// The objective it serves.
    pub objective_id: i64,
    /// What will be done.
    pub title: String,
    /// The role that leads it.
    pub lead_role: String,
    /// The partner that owns it.
    pub owner_id: i64,
    /// The owner's name.
    pub owner: String,
    /// The partners sharing it, by name.
    pub shared_with: Vec<String>,
    /// When it is due (YYYY-MM-DD).
    pub due_on: Option<String>,
    /// `planned`, `in_progress`, `done`, `blocked` or `dropped`.
    pub status: String,
    /// The status in words.
    pub status_label: String,
    /// Still open after its due date.
    pub is_late: bool,
    /// Days past the due date (0 when not late).
    pub days_late: i32,
    /// Blocked.
    pub is_blocked: bool,
    /// When it last changed (YYYY-MM-DD).
    pub updated_on: String,
}

/// Actions counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionCounts {
    /// Not yet started.
    pub planned: usize,
    /// Under way.
    pub in_progress: usize,
    /// Finished.
    pub done: usize,
    /// Blocked.
    pub blocked: usize,
    /// No longer pursued.
    pub dropped: usize,
    /// Open and past their due date.
    pub late: usize,
    /// Every action.
    pub total: usize,
}

/// The partnership's actions dashboard: what is late, what is blocked, and every action by
/// objective and by partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Dashboard {
    /// The partnership's id.
    pub partnership_id: i64,
    /// Its name.
    pub partnership_name: String,
    /// The day the late flags are computed for (YYYY-MM-DD, UTC).
    pub as_of: String,
    /// Every action counted.
    pub totals: ActionCounts,
    /// Late actions, the latest first.
    pub late: Vec<ActionView>,
    /// Blocked actions.
    pub blocked: Vec<ActionView>,
    /// Each objective that has actions or is adopted, with its actions.
    pub objectives: Vec<ObjectiveActions>,
    /// Each partner that owns actions, with them.
    pub partners: Vec<PartnerActions>,
}

/// One objective's actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveActions {
    /// The objective's id.
    pub objective_id: i64,
    /// Its title.
    pub title: String,
    /// Its status word (`adopted`, ...).
    pub status: String,
    /// Its actions counted.
    pub counts: ActionCounts,
    /// Its actions.
    pub actions: Vec<ActionView>,
}

/// The actions one partner owns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerActions {
    /// The partner's id.
    pub partner_id: i64,
    /// Its name.
    pub partner: String,
    /// Its sector, in words.
    pub sector: String,
    /// Its actions counted.
    pub counts: ActionCounts,
    /// Its actions.
    pub actions: Vec<ActionView>,
}

/// The whole record of a partnership, as exported: every entry with the hashes that chain it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordExport {
    /// The partnership's id.
    pub partnership_id: i64,
    /// Its name.
    pub partnership_name: String,
    /// The hash the first entry links to (`model::record::genesis`).
    pub genesis: String,
    /// The head hash kept beside the record; `null` for an empty record.
    pub head: Option<String>,
    /// Whether the chain verified against the head when exported.
    pub verified: bool,
    /// Every entry, in sequence order.
    pub entries: Vec<ExportedEntry>,
}

/// One entry of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportedEntry {
    /// Its position, from 1.
    pub sequence: u64,
    /// When, exactly as hashed (milliseconds since the Unix epoch).
    pub recorded_at: String,
    /// When, in RFC 3339 (for reading; not hashed).
    pub recorded_at_utc: Option<String>,
    /// Who (`account:<id>`).
    pub actor: String,
    /// What happened (`objective_drafted`, `stance_recorded`, ...).
    pub kind: String,
    /// The details, exactly as hashed (JSON text).
    pub payload: String,
    /// The hash of the entry before (the genesis for the first).
    pub previous_hash: String,
    /// The entry's hash.
    pub hash: String,
}

/// Whether a partnership's outcomes page is public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicationState {
    /// Whether the outcomes page is public.
    pub published: bool,
    /// Since when (RFC 3339).
    pub published_at: Option<String>,
    /// The page's address.
    pub url: String,
    /// Whether a calendar feed address is in force.
    pub has_calendar_feed: bool,
}

/// A request to publish the outcomes page or take it down.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicationRequest {
    /// `true` to publish, `false` to take it down.
    pub published: bool,
}

/// A calendar feed's address, shown once when it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarFeed {
    /// The address to subscribe to; it holds the secret, so share it only with partners.
    pub url: String,
}
