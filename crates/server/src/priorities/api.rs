//! The priorities JSON API: convenors create and run priority lists (options, drafting from a
//! dialogue's common ground, moderation, closing, export), participants join, are shown pairs,
//! compare them and add options, read and erase their own data, and anyone reads the results.
//! Handlers parse, call [`super::service`] and shape the answer.

use axum::Json;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Response};
use model::{
    ComparisonChoice, ModerationPolicy, PartnershipId, PriorityListId, PriorityOptionId,
    ReportVisibility, UndecidedReason,
};
use serde::{Deserialize, Serialize};
use store::{ComparisonOutcome, PriorityList, PriorityOption};
use utoipa::{IntoParams, ToSchema};

use super::service::{self, ComparisonInput, ListChanges, ListInput};
use crate::api::{
    ConstituencyKindBody, ModerationPolicyBody, ModerationStatusBody, ReportVisibilityBody,
};
use crate::auth::{CurrentConvenor, CurrentPriorityParticipant};
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use crate::time::rfc3339;

/// Personal data must not stay in shared caches or the browser's cache.
const NO_STORE: &str = "no-store";

/// A constituency of a priority list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriorityConstituencyBody {
    /// Its name, 1 to 100 characters, unique in the list.
    pub name: String,
    /// `lay` or `professional`, if stated.
    #[serde(default)]
    pub kind: Option<ConstituencyKindBody>,
}

/// `POST /api/partnerships/{id}/priority-lists`: a new priority list, open at once.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePriorityListRequest {
    /// A short title, 1 to 200 characters.
    pub title: String,
    /// The question, 1 to 1000 characters ("Which should the partnership do first?").
    pub question: String,
    /// A longer explanation, up to 10000 characters.
    #[serde(default)]
    pub description: String,
    /// A dialogue of the same partnership to draft options from and read opinion groups of.
    #[serde(default)]
    pub dialogue_id: Option<i64>,
    /// The constituencies participants may say they belong to (several each).
    #[serde(default)]
    pub constituencies: Vec<PriorityConstituencyBody>,
    /// Whether participants may add options (default `true`).
    #[serde(default)]
    pub participant_options: Option<bool>,
    /// When participants' options are moderated (default `pre`).
    #[serde(default)]
    pub moderation: Option<ModerationPolicyBody>,
    /// Who may read the results: `public` (anyone, the default) or `convenors` (the
    /// partnership's convenors only).
    #[serde(default)]
    pub results_visibility: Option<ReportVisibilityBody>,
}

/// `PATCH /api/priority-lists/{id}`: the settings to change; absent ones stay.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePriorityListRequest {
    /// A new title.
    #[serde(default)]
    pub title: Option<String>,
    /// A new question.
    #[serde(default)]
    pub question: Option<String>,
    /// A new explanation.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether participants may add options.
    #[serde(default)]
    pub participant_options: Option<bool>,
    /// When participants' options are moderated.
    #[serde(default)]
    pub moderation: Option<ModerationPolicyBody>,
    /// Who may read the results: `public` or `convenors`.
    #[serde(default)]
    pub results_visibility: Option<ReportVisibilityBody>,
}

/// A priority list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PriorityListView {
    /// Its id.
    pub id: i64,
    /// The partnership that owns it.
    pub partnership_id: i64,
    /// The linked dialogue, if any.
    pub dialogue_id: Option<i64>,
    /// Its title.
    pub title: String,
    /// Its question.
    pub question: String,
    /// Its explanation.
    pub description: String,
    /// Whether participants may add options.
    pub participant_options: bool,
    /// When participants' options are moderated.
    pub moderation: ModerationPolicyBody,
    /// Who may read the results: `public` (anyone) or `convenors` (the partnership's
    /// convenors only).
    pub results_visibility: ReportVisibilityBody,
    /// Whether it takes participants, options and comparisons.
    pub is_open: bool,
    /// Its constituencies, in order.
    pub constituencies: Vec<PriorityConstituencyBody>,
    /// When it was created (RFC 3339).
    pub created_at: String,
}

/// One option of a priority list, as its convenors see it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PriorityOptionView {
    /// Its id.
    pub id: i64,
    /// Its text.
    pub text: String,
    /// `convenor`, `common_ground` (drafted from a statement) or `participant`.
    pub origin: String,
    /// The common-ground statement it was drafted from, if any.
    pub statement_id: Option<i64>,
    /// Its moderation status.
    pub status: ModerationStatusBody,
    /// Whether participants are shown it.
    pub is_shown: bool,
    /// Why it was rejected, when a convenor said.
    pub rejection_reason: Option<String>,
    /// An option it closely resembles, flagged when it was added.
    pub near_duplicate_of: Option<i64>,
    /// When it was added (RFC 3339).
    pub created_at: String,
}

/// `POST /api/priority-lists/{id}/options` and `/me/options`: an option's text.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionRequest {
    /// 1 to 280 characters.
    pub text: String,
}

/// What drafting options from the linked dialogue's common ground did.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DraftedOptions {
    /// The options added, best common ground first; statements already drafted, or whose text
    /// is already an option, are passed over.
    pub added: Vec<PriorityOptionView>,
    /// Common-ground statements passed over because they are longer than 280 characters.
    pub too_long: Vec<i64>,
}

/// `PUT /api/priority-lists/{id}/options/{option_id}/moderation`: a moderation decision.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModerateOptionRequest {
    /// `accepted`, `rejected` or `pending`.
    pub status: ModerationStatusBody,
    /// With a rejection: why, shown to the participant who added it (up to 2000 characters).
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /api/priority-lists/{id}/participants`: joining.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinPriorityListRequest {
    /// Names of the list's constituencies the participant belongs to.
    #[serde(default)]
    pub constituencies: Vec<String>,
    /// The participant's token in the linked dialogue, if they took part in it, so that the
    /// results can read their opinion group; checked, never stored.
    #[serde(default)]
    pub dialogue_token: Option<String>,
}

/// A new participant of a priority list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct JoinedPriorityList {
    /// The participant's id.
    pub participant_id: i64,
    /// The bearer token; keep it, it is shown once.
    pub token: String,
}

/// An option to compare.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OptionToCompare {
    /// Its id.
    pub id: i64,
    /// Its text.
    pub text: String,
}

/// The next two options to compare.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NextPair {
    /// The option to show on the left.
    pub left: OptionToCompare,
    /// The option to show on the right.
    pub right: OptionToCompare,
}

/// The answer to a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceBody {
    /// The left option matters more.
    Left,
    /// The right option matters more.
    Right,
    /// Can't decide.
    Neither,
}

/// Why a participant could not decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReasonBody {
    /// Both matter equally.
    BothMatterEqually,
    /// I don't know enough.
    DontKnowEnough,
}

/// `POST /api/priority-lists/{id}/comparisons`: one comparison.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRequest {
    /// The option shown on the left.
    pub left_option_id: i64,
    /// The option shown on the right.
    pub right_option_id: i64,
    /// `left`, `right` or `neither` (can't decide).
    pub choice: ChoiceBody,
    /// With `neither` only: `both_matter_equally` or `dont_know_enough`.
    #[serde(default)]
    pub reason: Option<ReasonBody>,
    /// A key (1 to 128 characters) to send again when retrying, so that a retry is not a
    /// second comparison.
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

/// A comparison stored.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ComparisonAccepted {
    /// The comparison's id.
    pub comparison_id: i64,
    /// `recorded`, or `replayed` for a retry already recorded under the same key.
    pub outcome: String,
}

/// One of a participant's comparisons.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MyComparison {
    /// The option shown on the left.
    pub left_option_id: i64,
    /// Its text.
    pub left_text: String,
    /// The option shown on the right.
    pub right_option_id: i64,
    /// Its text.
    pub right_text: String,
    /// The answer.
    pub choice: ChoiceBody,
    /// Why they could not decide, if they said.
    pub reason: Option<ReasonBody>,
    /// When (RFC 3339).
    pub compared_at: String,
}

/// One option a participant added.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MyOption {
    /// Its id.
    pub id: i64,
    /// Its text.
    pub text: String,
    /// Its moderation status.
    pub status: ModerationStatusBody,
    /// Whether participants are shown it.
    pub is_shown: bool,
    /// Why it was rejected, when a convenor said.
    pub rejection_reason: Option<String>,
    /// When it was added (RFC 3339).
    pub added_at: String,
}

/// Everything a priority list holds about the caller.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MyPriorityData {
    /// The list.
    pub list_id: i64,
    /// Its title.
    pub list_title: String,
    /// The caller's participant id.
    pub participant_id: i64,
    /// When they joined (RFC 3339).
    pub joined_at: String,
    /// The constituencies they said they belong to.
    pub constituencies: Vec<String>,
    /// Whether they linked their participation in the list's dialogue.
    pub linked_to_dialogue: bool,
    /// Every comparison they made.
    pub comparisons: Vec<MyComparison>,
    /// The options they added.
    pub options: Vec<MyOption>,
}

/// What erasing the caller removed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PriorityDataErased {
    /// The participant who was erased.
    pub participant_id: i64,
    /// Comparisons removed.
    pub comparisons_removed: u64,
    /// Options removed: theirs that nobody else compared.
    pub options_removed: u64,
    /// Options kept for those who compared them, now without an author.
    pub options_unlinked: u64,
}

/// `?download=true` asks for a file to save.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DownloadQuery {
    /// Answer with `Content-Disposition: attachment`.
    #[serde(default)]
    pub download: Option<bool>,
}

fn choice_body(choice: ComparisonChoice) -> ChoiceBody {
    match choice {
        ComparisonChoice::Left => ChoiceBody::Left,
        ComparisonChoice::Right => ChoiceBody::Right,
        ComparisonChoice::Neither => ChoiceBody::Neither,
    }
}

fn reason_body(reason: UndecidedReason) -> ReasonBody {
    match reason {
        UndecidedReason::BothMatterEqually => ReasonBody::BothMatterEqually,
        UndecidedReason::DontKnowEnough => ReasonBody::DontKnowEnough,
    }
}

/// Returns the list as the API shows it.
pub fn list_view(list: &PriorityList) -> PriorityListView {
    PriorityListView {
        id: list.id.get(),
        partnership_id: list.partnership.get(),
        dialogue_id: list.dialogue.map(model::DialogueId::get),
        title: list.settings.title.as_str().to_owned(),
        question: list.settings.question.as_str().to_owned(),
        description: list.settings.description.as_str().to_owned(),
        participant_options: list.settings.allow_participant_options,
        moderation: list.settings.moderation.into(),
        results_visibility: list.settings.results_visibility.into(),
        is_open: list.is_open,
        constituencies: list
            .constituencies
            .iter()
            .map(|c| PriorityConstituencyBody {
                name: c.name.as_str().to_owned(),
                kind: c.kind.map(Into::into),
            })
            .collect(),
        created_at: rfc3339(list.created_at),
    }
}

/// Returns an option as its list's convenors see it.
pub fn option_view(list: &PriorityList, option: &PriorityOption) -> PriorityOptionView {
    PriorityOptionView {
        id: option.id.get(),
        text: option.text.clone(),
        origin: option.origin.as_str().to_owned(),
        statement_id: option.statement.map(model::StatementId::get),
        status: option.moderation.into(),
        is_shown: option.moderation.is_visible_under(list.settings.moderation),
        rejection_reason: option.rejection_reason.clone(),
        near_duplicate_of: option.near_duplicate_of.map(PriorityOptionId::get),
        created_at: rfc3339(option.created_at),
    }
}

/// Creates a priority list in a partnership the caller convenes.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/priority-lists", tag = "priorities",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    request_body = CreatePriorityListRequest,
    responses(
        (status = 201, body = PriorityListView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `dialogue_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<CreatePriorityListRequest>,
) -> Result<(StatusCode, Json<PriorityListView>), ApiError> {
    let input = ListInput {
        title: body.title,
        question: body.question,
        description: body.description,
        dialogue: body.dialogue_id.map(model::DialogueId),
        constituencies: body
            .constituencies
            .into_iter()
            .map(|c| (c.name, c.kind.map(Into::into)))
            .collect(),
        allow_participant_options: body.participant_options.unwrap_or(true),
        moderation: body.moderation.map_or(ModerationPolicy::Pre, Into::into),
        results_visibility: body
            .results_visibility
            .map_or(ReportVisibility::Public, Into::into),
    };
    let list = service::create_list(&state, &actor, id, input).await?;
    Ok((StatusCode::CREATED, Json(list_view(&list))))
}

/// Lists a partnership's priority lists.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/priority-lists", tag = "priorities",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = Vec<PriorityListView>),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<PriorityListView>>, ApiError> {
    let lists = service::lists(&state, &actor, id).await?;
    Ok(Json(lists.iter().map(list_view).collect()))
}

/// Returns a priority list: its question and constituencies, which anyone may read to join.
#[utoipa::path(
    get, path = "/api/priority-lists/{id}", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    responses(
        (status = 200, body = PriorityListView),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Json<PriorityListView>, ApiError> {
    Ok(Json(list_view(&service::get_list(&state, id).await?)))
}

/// Changes a priority list's settings.
#[utoipa::path(
    patch, path = "/api/priority-lists/{id}", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("convenor_session" = [])),
    request_body = UpdatePriorityListRequest,
    responses(
        (status = 200, body = PriorityListView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
    ApiJson(body): ApiJson<UpdatePriorityListRequest>,
) -> Result<Json<PriorityListView>, ApiError> {
    let changes = ListChanges {
        title: body.title,
        question: body.question,
        description: body.description,
        allow_participant_options: body.participant_options,
        moderation: body.moderation.map(Into::into),
        results_visibility: body.results_visibility.map(Into::into),
    };
    let list = service::update_list(&state, &actor, id, changes).await?;
    Ok(Json(list_view(&list)))
}

/// Closes a priority list: no more participants, options or comparisons. The results stay.
#[utoipa::path(
    post, path = "/api/priority-lists/{id}/close", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = PriorityListView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn close(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Json<PriorityListView>, ApiError> {
    let list = service::set_open(&state, &actor, id, false).await?;
    Ok(Json(list_view(&list)))
}

/// Reopens a closed priority list.
#[utoipa::path(
    post, path = "/api/priority-lists/{id}/reopen", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = PriorityListView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn reopen(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Json<PriorityListView>, ApiError> {
    let list = service::set_open(&state, &actor, id, true).await?;
    Ok(Json(list_view(&list)))
}

/// Lists every option of a priority list, whatever its moderation status: the convenors'
/// moderation queue.
#[utoipa::path(
    get, path = "/api/priority-lists/{id}/options", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = Vec<PriorityOptionView>),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn options(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Json<Vec<PriorityOptionView>>, ApiError> {
    let (list, options) = service::options_for_convenors(&state, &actor, id).await?;
    Ok(Json(
        options
            .iter()
            .map(|option| option_view(&list, option))
            .collect(),
    ))
}

/// Adds a convenor's option, accepted at once.
#[utoipa::path(
    post, path = "/api/priority-lists/{id}/options", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("convenor_session" = [])),
    request_body = OptionRequest,
    responses(
        (status = 201, body = PriorityOptionView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`duplicate_option`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn add_option(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
    ApiJson(body): ApiJson<OptionRequest>,
) -> Result<(StatusCode, Json<PriorityOptionView>), ApiError> {
    let option = service::add_option(&state, &actor, id, &body.text).await?;
    let list = service::get_list(&state, id).await?;
    Ok((StatusCode::CREATED, Json(option_view(&list, &option))))
}

/// Drafts an option from every common-ground statement of the linked dialogue's latest
/// analysis, each linked back to its statement.
#[utoipa::path(
    post, path = "/api/priority-lists/{id}/options/from-common-ground", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = DraftedOptions),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`, `analysis_not_ready`", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the list has no linked dialogue", body = ErrorBody),
    )
)]
pub async fn draft_from_common_ground(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Json<DraftedOptions>, ApiError> {
    let drafted = service::draft_from_common_ground(&state, &actor, id).await?;
    let list = service::get_list(&state, id).await?;
    Ok(Json(DraftedOptions {
        added: drafted
            .added
            .iter()
            .map(|option| option_view(&list, option))
            .collect(),
        too_long: drafted.too_long.iter().map(|id| id.get()).collect(),
    }))
}

/// Accepts or rejects an option, with the reason for a rejection.
#[utoipa::path(
    put, path = "/api/priority-lists/{id}/options/{option_id}/moderation", tag = "priorities",
    params(
        ("id" = i64, Path, description = "Priority list id"),
        ("option_id" = i64, Path, description = "Option id"),
    ),
    security(("convenor_session" = [])),
    request_body = ModerateOptionRequest,
    responses(
        (status = 200, body = PriorityOptionView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn moderate(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, option)): ApiPath<(PriorityListId, PriorityOptionId)>,
    ApiJson(body): ApiJson<ModerateOptionRequest>,
) -> Result<Json<PriorityOptionView>, ApiError> {
    let moderated = service::moderate(
        &state,
        &actor,
        id,
        option,
        body.status.into(),
        body.reason.as_deref(),
    )
    .await?;
    let list = service::get_list(&state, id).await?;
    Ok(Json(option_view(&list, &moderated)))
}

/// Joins a priority list as a new pseudonymous participant.
#[utoipa::path(
    post, path = "/api/priority-lists/{id}/participants", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    request_body = JoinPriorityListRequest,
    responses(
        (status = 201, description = "Joined; the token is also set as the cookie `cg_priority_<id>`", body = JoinedPriorityList),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`priority_list_closed`, `conflict`: that dialogue participant already joined", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `constituency_not_found`, `validation_failed`: a dialogue token not of the linked dialogue", body = ErrorBody),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ErrorBody),
    )
)]
pub async fn join(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiPath(id): ApiPath<PriorityListId>,
    ApiJson(body): ApiJson<JoinPriorityListRequest>,
) -> Result<Response, ApiError> {
    let (participant, token) = service::join(
        &state,
        client,
        id,
        &body.constituencies,
        body.dialogue_token.as_deref(),
    )
    .await?;
    let cookie = service::participant_cookie(&state, participant.list, &token);
    Ok((
        StatusCode::CREATED,
        AppendHeaders([(SET_COOKIE, cookie)]),
        Json(JoinedPriorityList {
            participant_id: participant.id.get(),
            token: token.as_str().to_owned(),
        }),
    )
        .into_response())
}

/// Returns the next two options for this participant to compare, or 204 when they have
/// compared every pair. The pair is chosen to be informative: options whose rank is least
/// certain and that the participant's constituencies have seen least, never a pair already
/// answered.
#[utoipa::path(
    get, path = "/api/priority-lists/{id}/next", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("participant_token" = [])),
    responses(
        (status = 200, body = NextPair),
        (status = 204, description = "Every pair has been compared"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another list", body = ErrorBody),
    )
)]
pub async fn next(
    State(state): State<AppState>,
    participant: CurrentPriorityParticipant,
) -> Result<Response, ApiError> {
    match service::next_pair(&state, &participant.participant).await? {
        Some((left, right)) => Ok(Json(NextPair {
            left: OptionToCompare {
                id: left.id.get(),
                text: left.text,
            },
            right: OptionToCompare {
                id: right.id.get(),
                text: right.text,
            },
        })
        .into_response()),
        None => Ok(StatusCode::NO_CONTENT.into_response()),
    }
}

/// Records a comparison; the answer comes once it is durably stored. Each pair is answered
/// once, whichever side each option was on.
#[utoipa::path(
    post, path = "/api/priority-lists/{id}/comparisons", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("participant_token" = [])),
    request_body = ComparisonRequest,
    responses(
        (status = 200, body = ComparisonAccepted),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`: an option not of this list", body = ErrorBody),
        (status = 409, description = "`priority_list_closed`, `option_not_comparable`, `pair_already_compared`, `idempotency_key_reused`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ErrorBody),
    )
)]
pub async fn compare(
    State(state): State<AppState>,
    client: ClientAddress,
    participant: CurrentPriorityParticipant,
    ApiJson(body): ApiJson<ComparisonRequest>,
) -> Result<Json<ComparisonAccepted>, ApiError> {
    let choice = match body.choice {
        ChoiceBody::Left => ComparisonChoice::Left,
        ChoiceBody::Right => ComparisonChoice::Right,
        ChoiceBody::Neither => ComparisonChoice::Neither,
    };
    let reason = body.reason.map(|reason| match reason {
        ReasonBody::BothMatterEqually => UndecidedReason::BothMatterEqually,
        ReasonBody::DontKnowEnough => UndecidedReason::DontKnowEnough,
    });
    let receipt = service::compare(
        &state,
        client,
        &participant.participant,
        ComparisonInput {
            left: PriorityOptionId(body.left_option_id),
            right: PriorityOptionId(body.right_option_id),
            choice,
            reason,
            idempotency_key: body.idempotency_key.as_deref(),
        },
    )
    .await?;
    Ok(Json(ComparisonAccepted {
        comparison_id: receipt.comparison.get(),
        outcome: match receipt.outcome {
            ComparisonOutcome::New => "recorded",
            ComparisonOutcome::Replayed => "replayed",
        }
        .to_owned(),
    }))
}

/// Adds a participant's option (1 to 280 characters); under pre-moderation it is shown once a
/// convenor accepts it.
#[utoipa::path(
    post, path = "/api/priority-lists/{id}/me/options", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("participant_token" = [])),
    request_body = OptionRequest,
    responses(
        (status = 201, body = MyOption),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`, `options_disabled`", body = ErrorBody),
        (status = 409, description = "`duplicate_option`, `priority_list_closed`, `statement_limit_reached`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ErrorBody),
    )
)]
pub async fn add_my_option(
    State(state): State<AppState>,
    client: ClientAddress,
    participant: CurrentPriorityParticipant,
    ApiJson(body): ApiJson<OptionRequest>,
) -> Result<(StatusCode, Json<MyOption>), ApiError> {
    let option =
        service::add_participant_option(&state, client, &participant.participant, &body.text)
            .await?;
    let list = service::get_list(&state, option.list).await?;
    Ok((StatusCode::CREATED, Json(my_option(&list, &option))))
}

fn my_option(list: &PriorityList, option: &PriorityOption) -> MyOption {
    MyOption {
        id: option.id.get(),
        text: option.text.clone(),
        status: option.moderation.into(),
        is_shown: option.moderation.is_visible_under(list.settings.moderation),
        rejection_reason: option.rejection_reason.clone(),
        added_at: rfc3339(option.created_at),
    }
}

/// Returns the caller's data as the API shows it.
pub fn my_data_view(data: &service::ParticipantData) -> MyPriorityData {
    let text = |id: PriorityOptionId| {
        data.options
            .get(&id)
            .map(|option| option.text.clone())
            .unwrap_or_default()
    };
    MyPriorityData {
        list_id: data.list.id.get(),
        list_title: data.list.settings.title.as_str().to_owned(),
        participant_id: data.participant.id.get(),
        joined_at: rfc3339(data.participant.created_at),
        constituencies: service::constituency_names(&data.list, &data.participant),
        linked_to_dialogue: data.participant.dialogue_participant.is_some(),
        comparisons: data
            .comparisons
            .iter()
            .map(|comparison| MyComparison {
                left_option_id: comparison.left.get(),
                left_text: text(comparison.left),
                right_option_id: comparison.right.get(),
                right_text: text(comparison.right),
                choice: choice_body(comparison.choice),
                reason: comparison.reason.map(reason_body),
                compared_at: rfc3339(comparison.compared_at),
            })
            .collect(),
        options: data
            .options
            .values()
            .filter(|option| option.author == Some(data.participant.id))
            .map(|option| my_option(&data.list, option))
            .collect(),
    }
}

/// Returns everything the list holds about the caller: when they joined, their
/// constituencies, every comparison they made and the options they added. With
/// `download=true` the answer is a file to save.
#[utoipa::path(
    get, path = "/api/priority-lists/{id}/me", tag = "privacy",
    params(("id" = i64, Path, description = "Priority list id"), DownloadQuery),
    security(("participant_token" = [])),
    responses(
        (status = 200, description = "The caller's data; a JSON file to save with `download=true`", body = MyPriorityData),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`: no token, or the participant was erased", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another list", body = ErrorBody),
    )
)]
pub async fn download(
    State(state): State<AppState>,
    participant: CurrentPriorityParticipant,
    ApiQuery(query): ApiQuery<DownloadQuery>,
) -> Result<Response, ApiError> {
    let participant = participant.participant;
    let data = service::my_data(&state, &participant).await?;
    let mut response = ([(CACHE_CONTROL, NO_STORE)], Json(my_data_view(&data))).into_response();
    if query.download == Some(true) {
        let disposition = format!(
            "attachment; filename=\"common-ground-priority-list-{}-my-data.json\"",
            participant.list
        );
        let value = disposition.parse().map_err(ApiError::internal)?;
        response.headers_mut().insert(CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Erases the caller: their token, constituencies and every comparison they made; their
/// options nobody else compared go too, and the others stay without an author. Allowed after
/// the list has closed.
#[utoipa::path(
    delete, path = "/api/priority-lists/{id}/me", tag = "privacy",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("participant_token" = [])),
    responses(
        (status = 200, description = "Erased; the participant cookie is removed", body = PriorityDataErased),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: a token of another list", body = ErrorBody),
    )
)]
pub async fn erase(
    State(state): State<AppState>,
    participant: CurrentPriorityParticipant,
) -> Result<Response, ApiError> {
    let participant = participant.participant;
    let erasure = service::erase(&state, &participant).await?;
    let cookie = service::clear_participant_cookie(&state, participant.list);
    Ok((
        AppendHeaders([(SET_COOKIE, cookie)]),
        [(CACHE_CONTROL, NO_STORE)],
        Json(PriorityDataErased {
            participant_id: participant.id.get(),
            comparisons_removed: erasure.comparisons_removed,
            options_removed: erasure.options_removed,
            options_unlinked: erasure.options_unlinked,
        }),
    )
        .into_response())
}

/// Returns the ranked options: the document `commonground priorities --format json` writes
/// (`docs/priorities-json.md`), overall, per constituency and with equal weight, for every
/// option not rejected. Anyone may read it when the list's `results_visibility` is `public`;
/// when it is `convenors`, only the partnership's convenors may.
#[utoipa::path(
    get, path = "/api/priority-lists/{id}/results", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    responses(
        (status = 200, description = "The results document (schema `docs/priorities.schema.json`)", body = Object),
        (status = 403, description = "`forbidden`: the results are for the partnership's convenors only", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn results(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Response, ApiError> {
    let viewer = signed_in(&state, &headers).await?;
    let document = service::readable_results(&state, viewer.as_ref(), id).await?;
    Ok(Json(document).into_response())
}

/// Returns the account the request is signed in as, or `None` for a request without a valid
/// session.
/// The signed-in account of the request, or `None` for a visitor (a missing or expired session
/// is a visitor, not an error).
pub(crate) async fn signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<CurrentConvenor>, ApiError> {
    match CurrentConvenor::from_headers(headers, state).await {
        Ok(convenor) => Ok(Some(convenor)),
        Err(error) if error.code() == ErrorCode::Unauthenticated => Ok(None),
        Err(error) => Err(error),
    }
}

/// Returns a list's files for `commonground priorities` as a ZIP archive: `options.csv`,
/// `comparisons.csv`, `participants.csv`, `constituencies.csv` and `groups.csv`. Only the
/// partnership's convenors may, whatever the list's `results_visibility`.
#[utoipa::path(
    get, path = "/api/priority-lists/{id}/export", tag = "priorities",
    params(("id" = i64, Path, description = "Priority list id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, description = "application/zip", content_type = "application/zip"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn export(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Response, ApiError> {
    let files = service::export(&state, &actor, id).await?;
    let archive = crate::zip::store(&[
        ("options.csv", files.options.as_bytes()),
        ("comparisons.csv", files.comparisons.as_bytes()),
        ("participants.csv", files.participants.as_bytes()),
        ("constituencies.csv", files.constituencies.as_bytes()),
        ("groups.csv", files.groups.as_bytes()),
    ])
    .map_err(ApiError::internal)?;
    let disposition = format!("attachment; filename=\"priority-list-{id}.zip\"");
    Ok((
        [
            (CONTENT_TYPE, "application/zip".to_owned()),
            (CONTENT_DISPOSITION, disposition),
        ],
        archive,
    )
        .into_response())
}
