//! The records the store reads and writes: what comes back from a query (`Dialogue`,
//! `Statement`, ...) and what a caller hands in to create one (`NewDialogue`, ...).
//!
//! Times are milliseconds since the Unix epoch, supplied by the caller's clock. These types do
//! not derive `Serialize`: the server owns the JSON shapes.

use model::{
    ConstituencyId, ConstituencyKind, ConstituencyName, ConvenorId, Description, DialogueId,
    DialogueQuestion, DialogueTitle, Email, ExpectedShare, IdempotencyKey, ModerationPolicy,
    ModerationStatus, ParticipantId, PartnerId, PartnerName, PartnershipId, PartnershipName,
    PasswordHash, Purpose, ReportVisibility, Sector, StatementId, StatementText, VoteChoice,
    VoteEventId,
};

/// The database behind a store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file (or memory), owned by one process.
    Sqlite,
    /// A PostgreSQL database, possibly shared by several server instances.
    Postgres,
}

/// A named alliance with a purpose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partnership {
    /// Its id.
    pub id: PartnershipId,
    /// Its name.
    pub name: PartnershipName,
    /// What it is for.
    pub purpose: Purpose,
    /// When it was created.
    pub created_at: i64,
}

/// What is needed to create a partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPartnership {
    /// Its name.
    pub name: PartnershipName,
    /// What it is for.
    pub purpose: Purpose,
    /// When it is created.
    pub created_at: i64,
}

/// An organisation or group in a partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    /// Its id.
    pub id: PartnerId,
    /// The partnership it belongs to.
    pub partnership: PartnershipId,
    /// Its name.
    pub name: PartnerName,
    /// Its sector.
    pub sector: Sector,
    /// When it was added.
    pub created_at: i64,
}

/// What is needed to add a partner to a partnership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPartner {
    /// The partnership it joins.
    pub partnership: PartnershipId,
    /// Its name.
    pub name: PartnerName,
    /// Its sector.
    pub sector: Sector,
    /// When it is added.
    pub created_at: i64,
}

/// A convenor account, without its password hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Convenor {
    /// Its id.
    pub id: ConvenorId,
    /// Its email address, unique ignoring case.
    pub email: Email,
    /// Whether the convenor administers the whole installation.
    pub is_admin: bool,
    /// When the account was created.
    pub created_at: i64,
}

/// What is needed to create a convenor account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewConvenor {
    /// The email address; must not be in use.
    pub email: Email,
    /// The argon2id hash of the chosen password (see `model::password`).
    pub password_hash: PasswordHash,
    /// Whether the convenor administers the whole installation.
    pub is_admin: bool,
    /// When the account is created.
    pub created_at: i64,
}

/// A convenor with the password hash needed to check a sign-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvenorCredentials {
    /// The account.
    pub convenor: Convenor,
    /// Its password hash.
    pub password_hash: PasswordHash,
}

/// A signed-in convenor's session; the store keeps only the hash of its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// Whose session it is.
    pub convenor: ConvenorId,
    /// When it started.
    pub created_at: i64,
    /// When it stops being valid.
    pub expires_at: i64,
}

/// A public that a dialogue wants to hear, e.g. "carer" or "GP".
#[derive(Clone, Debug, PartialEq)]
pub struct Constituency {
    /// Its id.
    pub id: ConstituencyId,
    /// The dialogue it belongs to.
    pub dialogue: DialogueId,
    /// Its name, unique within the dialogue.
    pub name: ConstituencyName,
    /// The share of participants the convenor expects from it, if stated.
    pub expected_share: Option<ExpectedShare>,
    /// Whether it is lay or professional, if stated.
    pub kind: Option<ConstituencyKind>,
}

/// A constituency to create with (or add to) a dialogue.
#[derive(Clone, Debug, PartialEq)]
pub struct NewConstituency {
    /// Its name, unique within the dialogue.
    pub name: ConstituencyName,
    /// The share of participants the convenor expects from it, if stated.
    pub expected_share: Option<ExpectedShare>,
    /// Whether it is lay or professional, if stated.
    pub kind: Option<ConstituencyKind>,
}

/// The settings of a dialogue a convenor may change at any time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogueSettings {
    /// A short title.
    pub title: DialogueTitle,
    /// The question put to participants.
    pub question: DialogueQuestion,
    /// A longer explanation, possibly empty.
    pub description: Description,
    /// Whether participants may add statements.
    pub allow_participant_statements: bool,
    /// When participants' statements are moderated.
    pub moderation: ModerationPolicy,
    /// Who may read the report.
    pub report_visibility: ReportVisibility,
}

/// One question put to many people.
#[derive(Clone, Debug, PartialEq)]
pub struct Dialogue {
    /// Its id.
    pub id: DialogueId,
    /// The partnership that owns it.
    pub partnership: PartnershipId,
    /// Its settings.
    pub settings: DialogueSettings,
    /// Its constituencies, in the order they were added.
    pub constituencies: Vec<Constituency>,
    /// Whether it accepts votes, statements and participants.
    pub is_open: bool,
    /// The convenor who created it, if known and not deleted.
    pub created_by: Option<ConvenorId>,
    /// An id from the system it was imported from (e.g. a Pol.is conversation id).
    pub external_id: Option<String>,
    /// When it was created.
    pub created_at: i64,
}

/// What is needed to create a dialogue; constituencies and seed statements are created with it
/// in one transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct NewDialogue {
    /// The partnership that owns it.
    pub partnership: PartnershipId,
    /// Its settings.
    pub settings: DialogueSettings,
    /// Its constituencies; names must be distinct.
    pub constituencies: Vec<NewConstituency>,
    /// Seed statements, accepted at once; they must not duplicate each other.
    pub seed_statements: Vec<StatementText>,
    /// The convenor creating it.
    pub created_by: Option<ConvenorId>,
    /// When it is created.
    pub created_at: i64,
}

/// A claim that participants vote on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Its id; ids grow in creation order.
    pub id: StatementId,
    /// The dialogue it belongs to.
    pub dialogue: DialogueId,
    /// Its text: 1 to 280 characters when written here, anything when imported.
    pub text: String,
    /// Whether a convenor seeded it.
    pub is_seed: bool,
    /// Whether it is about the dialogue itself; such statements are left out of the analysis.
    pub is_meta: bool,
    /// Its moderation status.
    pub moderation: ModerationStatus,
    /// The participant who wrote it, if one did and has not been erased.
    pub author: Option<ParticipantId>,
    /// An existing statement it closely resembles (word-set Jaccard of at least 0.8), flagged
    /// for moderators when it was submitted.
    pub near_duplicate_of: Option<StatementId>,
    /// An id from the system it was imported from (e.g. a Pol.is tid).
    pub external_id: Option<String>,
    /// When it was written.
    pub created_at: i64,
}

/// A statement to add to a dialogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewStatement {
    /// The dialogue it joins.
    pub dialogue: DialogueId,
    /// Its text.
    pub text: StatementText,
    /// The participant writing it; `None` means a convenor seeds it.
    pub author: Option<ParticipantId>,
    /// Whether it is about the dialogue itself.
    pub is_meta: bool,
    /// When it is written.
    pub created_at: i64,
}

/// Which statements of a dialogue to list, one page at a time in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatementFilter {
    /// Only statements with this moderation status.
    pub moderation: Option<ModerationStatus>,
    /// Only seed statements (`Some(true)`) or only participants' (`Some(false)`).
    pub is_seed: Option<bool>,
    /// Only statements written by this participant.
    pub author: Option<ParticipantId>,
    /// Only statements participants can currently see and vote on.
    pub visible_only: bool,
    /// Start after this statement (the previous page's `next_after`).
    pub after: Option<StatementId>,
    /// Page size; `None` means [`StatementFilter::DEFAULT_LIMIT`], and larger values are capped at
    /// [`StatementFilter::MAX_LIMIT`].
    pub limit: Option<u32>,
}

impl StatementFilter {
    /// The page size when none is given.
    pub const DEFAULT_LIMIT: u32 = 100;
    /// The largest page size served.
    pub const MAX_LIMIT: u32 = 1000;
}

/// One page of statements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementPage {
    /// The statements, in id order.
    pub statements: Vec<Statement>,
    /// Where the next page starts, if there may be one.
    pub next_after: Option<StatementId>,
}

/// How many statements of a dialogue are in each moderation status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatementCounts {
    /// Awaiting moderation.
    pub pending: u64,
    /// Accepted.
    pub accepted: u64,
    /// Rejected.
    pub rejected: u64,
}

/// A pseudonymous person in one dialogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// Its id.
    pub id: ParticipantId,
    /// The dialogue it takes part in.
    pub dialogue: DialogueId,
    /// An id from the system it was imported from (e.g. a Pol.is pid), or one the caller chose.
    pub external_id: Option<String>,
    /// The constituencies the participant said they belong to, in id order.
    pub constituencies: Vec<ConstituencyId>,
    /// When the participant joined.
    pub created_at: i64,
}

/// What is needed to add a participant to a dialogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewParticipant {
    /// The dialogue to join; it must be open.
    pub dialogue: DialogueId,
    /// An optional external id, unique within the dialogue.
    pub external_id: Option<String>,
    /// Constituencies of that dialogue the participant belongs to.
    pub constituencies: Vec<ConstituencyId>,
    /// When the participant joins.
    pub created_at: i64,
}

/// What erasing a participant removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Erasure {
    /// Vote events removed from the history (latest votes go with them).
    pub vote_events_removed: u64,
    /// Statements removed: the participant's statements nobody else voted on.
    pub statements_removed: u64,
    /// Statements kept for the others who voted on them, now without an author.
    pub statements_unlinked: u64,
}

/// A vote to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CastVote {
    /// Who votes.
    pub participant: ParticipantId,
    /// On what; it must be visible in the participant's dialogue.
    pub statement: StatementId,
    /// How.
    pub choice: VoteChoice,
    /// When.
    pub cast_at: i64,
    /// A key the client sends again when retrying; a retry is acknowledged without a second
    /// event. Keys are scoped to the participant.
    pub idempotency_key: Option<IdempotencyKey>,
}

/// What recording a vote did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteOutcome {
    /// The participant's first vote on the statement.
    New,
    /// The vote replaced a different earlier choice.
    Changed {
        /// The choice it replaced.
        previous: VoteChoice,
    },
    /// The same choice again; the event is kept in the history but the latest vote is unchanged.
    Unchanged,
    /// A retry of a vote already recorded under the same idempotency key; nothing was written.
    Replayed,
}

/// The store's acknowledgement of a vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteReceipt {
    /// The history event holding the vote (for a replay, the original one).
    pub event: VoteEventId,
    /// What recording it did.
    pub outcome: VoteOutcome,
}

/// A participant's current vote on a statement, in the compact form the analysis reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LatestVote {
    /// Who voted.
    pub participant: ParticipantId,
    /// On what.
    pub statement: StatementId,
    /// The latest choice.
    pub choice: VoteChoice,
    /// When the latest choice was cast.
    pub cast_at: i64,
}

/// One vote as it was cast, from the append-only history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteEvent {
    /// Its id; ids grow in recording order.
    pub id: VoteEventId,
    /// Who voted.
    pub participant: ParticipantId,
    /// On what.
    pub statement: StatementId,
    /// How.
    pub choice: VoteChoice,
    /// When.
    pub cast_at: i64,
}

/// Vote totals of a dialogue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VoteCounts {
    /// Latest votes (one per participant and statement).
    pub votes: u64,
    /// Events in the history, including superseded votes.
    pub vote_events: u64,
    /// Participants with at least one vote.
    pub voters: u64,
    /// Participants in the dialogue, voting or not.
    pub participants: u64,
}

/// A dialogue's change counter: it grows with every vote event, statement, moderation decision,
/// membership change or erasure, so an analysis computed at revision `r` is stale once the
/// dialogue's revision is greater than `r`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Revision(pub i64);

/// An analysis result to keep as a dialogue's latest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSnapshot {
    /// The dialogue analysed.
    pub dialogue: DialogueId,
    /// The dialogue's revision read before the votes were loaded for this analysis.
    pub revision: Revision,
    /// When the analysis finished.
    pub computed_at: i64,
    /// How many latest votes it was computed from.
    pub n_votes: u64,
    /// The result, serialised by the server.
    pub result_json: String,
    /// Engine state for warm-starting the next run, serialised by the server.
    pub engine_state: Vec<u8>,
}

/// A dialogue's latest stored analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalysisSnapshot {
    /// The dialogue analysed.
    pub dialogue: DialogueId,
    /// Counts the snapshots saved for this dialogue: 1 for the first, then 2, 3, ...
    pub version: i64,
    /// The dialogue's revision the analysis reflects.
    pub revision: Revision,
    /// When the analysis finished.
    pub computed_at: i64,
    /// How many latest votes it was computed from.
    pub n_votes: u64,
    /// The result, as the server serialised it.
    pub result_json: String,
    /// Engine state for warm-starting the next run.
    pub engine_state: Vec<u8>,
}

/// A whole dialogue brought in from elsewhere (e.g. a Pol.is export), created in one
/// transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct DialogueImport {
    /// The partnership that will own it.
    pub partnership: PartnershipId,
    /// Its settings.
    pub settings: DialogueSettings,
    /// Its constituencies; names must be distinct.
    pub constituencies: Vec<NewConstituency>,
    /// Whether it is open after import.
    pub is_open: bool,
    /// The convenor importing it.
    pub created_by: Option<ConvenorId>,
    /// Its id in the system it comes from.
    pub external_id: Option<String>,
    /// When it was created (in the original system, if known).
    pub created_at: i64,
    /// Its statements; external ids must be distinct.
    pub statements: Vec<ImportedStatement>,
    /// Its participants; external ids must be distinct. Participants named only by votes or as
    /// authors are created too, in order of first mention.
    pub participants: Vec<ImportedParticipant>,
    /// Every vote event, in any order; the latest by `cast_at` (then by position) counts.
    pub votes: Vec<ImportedVote>,
}

/// A statement to import, kept as it was: any text, any moderation status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedStatement {
    /// Its id in the original system (e.g. the Pol.is tid).
    pub external_id: String,
    /// Its text, unchecked (NUL characters are removed, as PostgreSQL cannot store them).
    pub text: String,
    /// Whether it was a seed statement.
    pub is_seed: bool,
    /// Whether it is a meta statement.
    pub is_meta: bool,
    /// Its moderation status.
    pub moderation: ModerationStatus,
    /// The external id of the participant who wrote it, if any.
    pub author: Option<String>,
    /// When it was written.
    pub created_at: i64,
}

/// A participant to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedParticipant {
    /// Its id in the original system (e.g. the Pol.is pid).
    pub external_id: String,
    /// Names of the import's constituencies the participant belongs to.
    pub constituencies: Vec<String>,
    /// When the participant joined.
    pub created_at: i64,
}

/// A vote event to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedVote {
    /// The participant's external id.
    pub participant: String,
    /// The statement's external id.
    pub statement: String,
    /// How they voted.
    pub choice: VoteChoice,
    /// When.
    pub cast_at: i64,
}

/// What an import created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    /// The new dialogue.
    pub dialogue: DialogueId,
    /// Each imported statement's external id and new id, in import order.
    pub statements: Vec<(String, StatementId)>,
    /// Each participant's external id and new id, listed ones first, then those created from
    /// mentions.
    pub participants: Vec<(String, ParticipantId)>,
    /// Vote events written to the history.
    pub vote_events: u64,
    /// Latest votes (one per participant and statement).
    pub votes: u64,
}
