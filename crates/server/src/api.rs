//! The JSON shapes of the HTTP API: every request and response body, owned here so that a
//! change in the model or the engine cannot silently change what clients see.
//!
//! Unknown fields in request bodies are refused, so a misspelt optional field is an error
//! rather than silently ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub use crate::versions::api::ShownVersion;

/// `POST /api/session`: a convenor's credentials.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The convenor's email address (case does not matter).
    pub email: String,
    /// The convenor's password.
    pub password: String,
}

/// The signed-in account: a convenor, a partner's representative, or both.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ConvenorView {
    /// The account's id.
    pub id: i64,
    /// Their email address.
    pub email: String,
    /// Whether they administer every partnership.
    pub is_admin: bool,
    /// Whether they may create partnerships (accounts made by accepting an invitation may not).
    pub may_convene: bool,
    /// The partnerships they convene.
    pub partnerships: Vec<PartnershipView>,
    /// The partners they speak for.
    pub partners: Vec<crate::partnerships::api::PartnerView>,
}

/// A partnership.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PartnershipView {
    /// The partnership's id.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// Whether a constituency is made of lay people or of professionals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConstituencyKindBody {
    /// Residents, patients, carers.
    Lay,
    /// People speaking from their work.
    Professional,
}

/// When participants' statements are moderated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModerationPolicyBody {
    /// Hidden until a convenor accepts them.
    Pre,
    /// Shown at once; a convenor may reject them later.
    Post,
}

/// Where a statement stands in moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModerationStatusBody {
    /// Not reviewed yet.
    Pending,
    /// Accepted by a convenor.
    Accepted,
    /// Rejected by a convenor.
    Rejected,
}

/// Who may read a dialogue's analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportVisibilityBody {
    /// Anyone with the link.
    Public,
    /// Only the partnership's convenors.
    Convenors,
}

/// How the analysis weighs participants in its common-ground tallies; the opinion map stays
/// head-count, as in Pol.is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WeightingBody {
    /// `equal` when the dialogue has constituencies, `head_count` otherwise.
    Default,
    /// Every participant counts once.
    HeadCount,
    /// Every constituency's participants together weigh the same, and so do those in none.
    Equal,
    /// Constituencies weigh as their `population_shares`.
    Frame,
}

/// A vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteBody {
    /// Agree.
    Agree,
    /// Disagree.
    Disagree,
    /// Pass: seen, no opinion.
    Pass,
}

/// A constituency the dialogue wants to hear.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConstituencyBody {
    /// Its name, unique within the dialogue.
    pub name: String,
    /// The share of participants the convenor expects from it, between 0 and 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_share: Option<f64>,
    /// Whether it is lay or professional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ConstituencyKindBody>,
}

/// `POST /api/dialogues`: a new dialogue.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateDialogueRequest {
    /// The partnership that owns it; may be left out when the convenor has exactly one.
    #[serde(default)]
    pub partnership_id: Option<i64>,
    /// A short title.
    pub title: String,
    /// The question put to participants.
    pub question: String,
    /// A longer description.
    #[serde(default)]
    pub description: Option<String>,
    /// The constituencies participants may say they belong to.
    #[serde(default)]
    pub constituencies: Option<Vec<ConstituencyBody>>,
    /// Seed statements, written by the convenor.
    #[serde(default)]
    pub statements: Option<Vec<String>>,
    /// Whether participants may add statements (default true).
    #[serde(default)]
    pub participant_statements: Option<bool>,
    /// When participants' statements are moderated (default post).
    #[serde(default)]
    pub moderation: Option<ModerationPolicyBody>,
    /// When it opens to participants: RFC 3339 (`2027-03-01T09:00:00Z`), or a date and time
    /// without an offset (`2027-03-01T09:00`), read as UTC. Left out, it is open at once.
    #[serde(default)]
    pub opens_at: Option<String>,
    /// When it closes, as `opens_at`; it must come after `opens_at`. Left out, it stays open
    /// until a convenor closes it.
    #[serde(default)]
    pub closes_at: Option<String>,
}

/// Reads a field that may be left out (`None`), `null` (`Some(None)`) or a value.
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// The answer to creating a dialogue.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedDialogue {
    /// The new dialogue's id.
    pub id: i64,
    /// The link to give participants.
    pub participant_url: String,
}

/// `PATCH /api/dialogues/{id}`: settings to change; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateDialogueRequest {
    /// A new title.
    #[serde(default)]
    pub title: Option<String>,
    /// A new question.
    #[serde(default)]
    pub question: Option<String>,
    /// A new description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether participants may add statements.
    #[serde(default)]
    pub participant_statements: Option<bool>,
    /// When participants' statements are moderated.
    #[serde(default)]
    pub moderation: Option<ModerationPolicyBody>,
    /// Who may read the analysis.
    #[serde(default)]
    pub report_visibility: Option<ReportVisibilityBody>,
    /// Whether the people who speak for the partnership's partners may read the report (even
    /// when it is for convenors only) and see the dialogue on the partnership's page.
    #[serde(default)]
    pub shared_with_partners: Option<bool>,
    /// How the analysis weighs participants.
    #[serde(default)]
    pub weighting: Option<WeightingBody>,
    /// Population shares (0 to 1) by constituency name, for `frame` weighting, e.g. census
    /// shares; `null` clears one. Constituencies left out keep their share.
    #[serde(default)]
    pub population_shares: Option<BTreeMap<String, Option<f64>>>,
    /// When it opens, as in creating a dialogue; `null` (or an empty string) removes the
    /// opening time, so it is open at once.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub opens_at: Option<Option<String>>,
    /// When it closes; `null` (or an empty string) removes the closing time. Moving a passed
    /// closing time later opens the dialogue again, unless a convenor closed it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub closes_at: Option<Option<String>>,
}

/// Where a dialogue stands now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DialogueStatusBody {
    /// Its opening time has not come: it takes no participants, votes or statements yet.
    NotYetOpen,
    /// It takes participants, votes and statements.
    Open,
    /// A convenor closed it, or its closing time has passed.
    Closed,
}

/// A dialogue as participants and convenors see it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DialogueView {
    /// The dialogue's id.
    pub id: i64,
    /// The partnership that owns it.
    pub partnership_id: i64,
    /// Its title.
    pub title: String,
    /// The question put to participants.
    pub question: String,
    /// Its description.
    pub description: String,
    /// The constituencies participants may join.
    pub constituencies: Vec<ConstituencyBody>,
    /// Whether participants may add statements.
    pub participant_statements: bool,
    /// When participants' statements are moderated.
    pub moderation: ModerationPolicyBody,
    /// Who may read the analysis.
    pub report_visibility: ReportVisibilityBody,
    /// Whether the convenors share it with the partnership's partners.
    pub shared_with_partners: bool,
    /// How the analysis weighs participants.
    pub weighting: WeightingBody,
    /// The population shares given for `frame` weighting, by constituency name.
    pub population_shares: BTreeMap<String, f64>,
    /// Whether the dialogue is closed to votes and statements: closed by a convenor, or its
    /// closing time has passed.
    pub is_closed: bool,
    /// Where it stands now.
    pub status: DialogueStatusBody,
    /// When it opens (RFC 3339), if it waits for a time.
    pub opens_at: Option<String>,
    /// When it closes (RFC 3339), if it closes at a time.
    pub closes_at: Option<String>,
    /// The link to give participants.
    pub participant_url: String,
}

/// `POST /api/dialogues/{id}/participants`: joining a dialogue.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    /// The names of the constituencies the participant belongs to (several allowed, or none).
    #[serde(default)]
    pub constituencies: Option<Vec<String>>,
}

/// A new participant and the token that lets them act as themselves.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct JoinedDialogue {
    /// The participant's id.
    pub participant_id: i64,
    /// The bearer token: send it as `Authorization: Bearer <token>`. It is shown only once.
    pub token: String,
}

/// A statement to vote on.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatementToVote {
    /// The statement's id, which the vote names whichever version was read.
    pub id: i64,
    /// Its text as written.
    pub text: String,
    /// The language it was written in.
    pub language: String,
    /// The version the reader is shown instead (their language from `?lang=`, the `cg_lang`
    /// cookie or `Accept-Language`; easy read from `?easy=1` or the `cg_easy` cookie), marked as
    /// a translation or easy read; absent when the original is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<ShownVersion>,
}

/// `GET /api/dialogues/{id}/next`: the next statement for this participant.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NextStatement {
    /// The statement.
    pub statement: StatementToVote,
}

/// `POST /api/dialogues/{id}/votes`: a vote.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// The statement voted on.
    pub statement_id: i64,
    /// The vote.
    pub vote: VoteBody,
    /// A key the client chooses (a UUID, say); a retry with the same key is not counted twice.
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

/// What happened to a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteOutcomeBody {
    /// The participant's first vote on this statement.
    Recorded,
    /// It replaced a different earlier vote on this statement.
    Changed,
    /// The same vote as before; it is kept in the history.
    Unchanged,
    /// A retry of a vote already recorded under the same idempotency key.
    Replayed,
}

/// The answer to a vote.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct VoteAccepted {
    /// What happened.
    pub outcome: VoteOutcomeBody,
}

/// `POST /api/dialogues/{id}/statements`: a participant's statement.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitStatementRequest {
    /// The text, 1 to 280 characters.
    pub text: String,
    /// The language it is written in (`en`, `cy`, `pl`, `ur` or `ro`); absent means the
    /// dialogue's. One written in another language may wait for a translation before others
    /// are shown it, as its dialogue chooses.
    #[serde(default)]
    pub language: Option<String>,
}

/// A statement with its moderation status.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatementView {
    /// The statement's id.
    pub id: i64,
    /// Its text.
    pub text: String,
    /// Where it stands in moderation.
    pub status: ModerationStatusBody,
    /// Whether it is about the dialogue itself rather than its question.
    pub is_meta: bool,
    /// Whether a participant wrote it (rather than the convenor).
    pub is_from_participant: bool,
    /// When it was written (RFC 3339).
    pub created_at: String,
    /// Why a convenor rejected it, when they said; only on rejected statements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
}

/// `GET /api/dialogues/{id}/statements`: filters and paging for moderation.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatementListQuery {
    /// Only statements with this status.
    #[serde(default)]
    pub status: Option<ModerationStatusBody>,
    /// Only statements with a larger id than this (the `next_after` of the previous page).
    #[serde(default)]
    pub after: Option<i64>,
    /// At most this many (1 to 500, default 100).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// One page of statements.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatementPage {
    /// The statements, by ascending id.
    pub statements: Vec<StatementView>,
    /// Pass as `after` to get the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_after: Option<i64>,
}

/// `PATCH /api/dialogues/{id}/statements/{statement_id}`: one moderation decision.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModerateOneRequest {
    /// The new status.
    pub status: ModerationStatusBody,
    /// With `rejected`: why, in at most 500 characters; the statement's author reads it in
    /// their own data. Refused with any other status.
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /api/dialogues/{id}/moderation`: one decision for many statements.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModerateManyRequest {
    /// The statements.
    pub statement_ids: Vec<i64>,
    /// The new status for all of them.
    pub status: ModerationStatusBody,
}

/// How many statements a moderation decision changed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ModerationResult {
    /// The number of statements now carrying the new status.
    pub updated: u64,
}

/// `GET /api/dialogues/{id}/export`: the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    /// The full JSON dump.
    Json,
    /// Pol.is open-data CSV files in one ZIP archive.
    PolisZip,
}

/// Query of the export route.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `json` (default) or `polis-zip`.
    #[serde(default)]
    pub format: Option<ExportFormat>,
}

/// `GET /healthz`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok` when the database answers.
    pub status: String,
}

/// Returned when an analysis recompute was requested.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RecomputeScheduled {
    /// Always true: the recompute runs in the background.
    pub scheduled: bool,
}

/// `GET /api/dialogues/{id}/me`: how to send the participant's data.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MyDataQuery {
    /// `true` sends the data as a file to save (`Content-Disposition: attachment`).
    #[serde(default)]
    pub download: Option<bool>,
    /// The reader's language for the versions shown beside each statement (`en`, `cy`, `pl`,
    /// `ur` or `ro`); else the `cg_lang` cookie, else `Accept-Language`.
    #[serde(default)]
    pub lang: Option<String>,
    /// `1` shows easy-read versions where there are some; else the `cg_easy` cookie.
    #[serde(default)]
    pub easy: Option<String>,
}

/// Everything a dialogue holds about the participant who asks.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MyData {
    /// The dialogue.
    pub dialogue_id: i64,
    /// Its title.
    pub dialogue_title: String,
    /// The participant's id.
    pub participant_id: i64,
    /// When they joined (RFC 3339).
    pub joined_at: String,
    /// The constituencies they said they belong to.
    pub constituencies: Vec<String>,
    /// Every vote they cast, in the order they cast them, changed votes included.
    pub votes: Vec<MyVote>,
    /// The statements they wrote.
    pub statements: Vec<MyStatement>,
}

/// One vote as the participant cast it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MyVote {
    /// The statement voted on.
    pub statement_id: i64,
    /// Its text as written.
    pub statement_text: String,
    /// The language it was written in.
    pub statement_language: String,
    /// The version of it the reader is shown, when not the original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement_version: Option<ShownVersion>,
    /// The vote.
    pub vote: VoteBody,
    /// When it was cast (RFC 3339).
    pub cast_at: String,
    /// The round of the dialogue it was cast in: 1 unless the dialogue runs in rounds.
    pub round: u32,
    /// Whether it is their latest vote on the statement in the current round, the one the
    /// analysis counts.
    pub is_latest: bool,
}

/// A statement the participant wrote.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MyStatement {
    /// The statement's id.
    pub id: i64,
    /// Its text as written.
    pub text: String,
    /// The language it was written in.
    pub language: String,
    /// The version of it the reader is shown, when not the original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<ShownVersion>,
    /// Where it stands in moderation.
    pub status: ModerationStatusBody,
    /// Whether other participants are shown it now: accepted, or waiting under moderation
    /// after the fact.
    pub is_shown: bool,
    /// Why a convenor rejected it, when they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    /// When it was written (RFC 3339).
    pub created_at: String,
}

/// What erasing a participant removed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DataErased {
    /// The participant who was erased.
    pub participant_id: i64,
    /// Votes removed, changed votes included.
    pub votes_removed: u64,
    /// Their statements nobody else had voted on, removed.
    pub statements_removed: u64,
    /// Their statements others had voted on: kept for those votes, no longer linked to them.
    pub statements_unlinked: u64,
}

/// `PUT /api/dialogues/{id}/me/constituencies`: the constituencies a participant belongs to
/// from now on.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeConstituenciesRequest {
    /// The names of the constituencies (several allowed, or none).
    pub constituencies: Vec<String>,
}

/// The constituencies a participant now belongs to.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MyConstituencies {
    /// Their names, in the dialogue's order.
    pub constituencies: Vec<String>,
}
