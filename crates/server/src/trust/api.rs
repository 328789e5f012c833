//! The trust survey's JSON API: convenors open, change and close waves and export the survey;
//! each partner's representatives read their form, save a draft and submit it; convenors and
//! representatives read the results. Handlers parse, call [`super::service`] and shape the
//! answer.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use model::{
    ContributionKind, PartnerId, PartnershipId, RaterNaming, RelationshipLevel, ResponseStatus,
    TRUST_ITEMS, TrustWaveId,
};
use serde::{Deserialize, Serialize};
use store::{Partner, TrustRating, TrustResponse, TrustWave};
use utoipa::{IntoParams, ToSchema};

use super::document::NetworkDocument;
use super::service::{self, AnswerInput, ResponseForm, TrustResults, WaveChangesInput};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use crate::time::{parse_moment, rfc3339};

/// The most answers one save may carry.
pub const MAX_ANSWERS: usize = 500;

/// How closely a partner works with another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LevelBody {
    /// No relationship: no item and no contribution may be given.
    None,
    /// Aware of each other's work.
    Awareness,
    /// Sharing information and support now and then.
    Cooperation,
    /// Planning and acting together on shared tasks.
    Coordination,
    /// Shared goals, resources and decisions.
    Integration,
}

impl From<LevelBody> for RelationshipLevel {
    fn from(level: LevelBody) -> RelationshipLevel {
        match level {
            LevelBody::None => RelationshipLevel::None,
            LevelBody::Awareness => RelationshipLevel::Awareness,
            LevelBody::Cooperation => RelationshipLevel::Cooperation,
            LevelBody::Coordination => RelationshipLevel::Coordination,
            LevelBody::Integration => RelationshipLevel::Integration,
        }
    }
}

impl From<RelationshipLevel> for LevelBody {
    fn from(level: RelationshipLevel) -> LevelBody {
        match level {
            RelationshipLevel::None => LevelBody::None,
            RelationshipLevel::Awareness => LevelBody::Awareness,
            RelationshipLevel::Cooperation => LevelBody::Cooperation,
            RelationshipLevel::Coordination => LevelBody::Coordination,
            RelationshipLevel::Integration => LevelBody::Integration,
        }
    }
}

/// What a partner contributes, as another partner sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContributionBody {
    /// Money.
    Funding,
    /// Paid staff time.
    Staff,
    /// Volunteers.
    Volunteers,
    /// Data and information.
    Data,
    /// Specialist knowledge.
    Expertise,
    /// Links into communities.
    CommunityConnections,
    /// Leadership.
    Leadership,
    /// Speaking up for the partnership's cause.
    Advocacy,
    /// Rooms, buildings and equipment.
    Facilities,
}

const CONTRIBUTIONS: [(ContributionBody, ContributionKind); 9] = [
    (ContributionBody::Funding, ContributionKind::Funding),
    (ContributionBody::Staff, ContributionKind::Staff),
    (ContributionBody::Volunteers, ContributionKind::Volunteers),
    (ContributionBody::Data, ContributionKind::Data),
    (ContributionBody::Expertise, ContributionKind::Expertise),
    (
        ContributionBody::CommunityConnections,
        ContributionKind::CommunityConnections,
    ),
    (ContributionBody::Leadership, ContributionKind::Leadership),
    (ContributionBody::Advocacy, ContributionKind::Advocacy),
    (ContributionBody::Facilities, ContributionKind::Facilities),
];

fn contribution_kind(body: ContributionBody) -> ContributionKind {
    CONTRIBUTIONS
        .iter()
        .find(|(b, _)| *b == body)
        .map_or(ContributionKind::Funding, |(_, kind)| *kind)
}

fn contribution_body(kind: ContributionKind) -> ContributionBody {
    CONTRIBUTIONS
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or(ContributionBody::Funding, |(body, _)| *body)
}

/// Whether a wave's results may name the partner behind each answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RaterNamingBody {
    /// Only aggregates are shown (the default).
    Protected,
    /// The partnership agreed to show each partner's answers with its name.
    Named,
}

impl From<RaterNamingBody> for RaterNaming {
    fn from(naming: RaterNamingBody) -> RaterNaming {
        match naming {
            RaterNamingBody::Protected => RaterNaming::Protected,
            RaterNamingBody::Named => RaterNaming::Named,
        }
    }
}

impl From<RaterNaming> for RaterNamingBody {
    fn from(naming: RaterNaming) -> RaterNamingBody {
        match naming {
            RaterNaming::Protected => RaterNamingBody::Protected,
            RaterNaming::Named => RaterNamingBody::Named,
        }
    }
}

/// `POST /api/partnerships/{id}/trust-waves`: a wave to open now.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenTrustWaveRequest {
    /// A title, 1 to 200 characters ("Spring 2026").
    pub title: String,
    /// When it stops taking answers (RFC 3339), in the future.
    pub closes_at: String,
    /// Whether the results may name raters (default `protected`).
    #[serde(default)]
    pub rater_naming: Option<RaterNamingBody>,
}

/// `PATCH /api/trust-waves/{id}`: what to change; absent fields stay.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTrustWaveRequest {
    /// A new title.
    #[serde(default)]
    pub title: Option<String>,
    /// A new closing time (RFC 3339), in the future; a later one reopens a wave that closed by
    /// its time.
    #[serde(default)]
    pub closes_at: Option<String>,
    /// `true` closes the wave now; a closed wave is not reopened.
    #[serde(default)]
    pub closed: Option<bool>,
    /// New rater naming; the only change a closed wave takes.
    #[serde(default)]
    pub rater_naming: Option<RaterNamingBody>,
}

/// A wave of a partnership's trust survey.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TrustWaveView {
    /// Its id.
    pub id: i64,
    /// Its partnership.
    pub partnership_id: i64,
    /// Its title.
    pub title: String,
    /// When it opened (RFC 3339).
    pub opened_at: String,
    /// When it stops taking answers (RFC 3339).
    pub closes_at: String,
    /// Whether it takes answers now.
    pub is_open: bool,
    /// Whether a convenor closed it.
    pub closed: bool,
    /// Whether its results may name raters.
    pub rater_naming: RaterNamingBody,
}

fn wave_view(wave: &TrustWave, now: i64) -> TrustWaveView {
    TrustWaveView {
        id: wave.id.get(),
        partnership_id: wave.partnership.get(),
        title: wave.title.as_str().to_owned(),
        opened_at: rfc3339(wave.opened_at),
        closes_at: rfc3339(wave.closes_at),
        is_open: wave.is_open_at(now),
        closed: wave.closed,
        rater_naming: wave.rater_naming.into(),
    }
}

/// A partner's answer about another: the level and, with a relationship, the six items (1 to 4,
/// left out or `null` for "don't know") and what the other partner contributes.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    /// The partner answered about.
    pub partner_id: i64,
    /// The level of the relationship.
    pub level: LevelBody,
    /// Trust: it is reliable.
    #[serde(default)]
    pub reliable: Option<i64>,
    /// Trust: it shares the partnership's mission.
    #[serde(default)]
    pub mission: Option<i64>,
    /// Trust: it is open to discussion.
    #[serde(default)]
    pub open: Option<i64>,
    /// Value: its power and influence.
    #[serde(default)]
    pub influence: Option<i64>,
    /// Value: its level of involvement.
    #[serde(default)]
    pub involvement: Option<i64>,
    /// Value: the resources it contributes.
    #[serde(default)]
    pub resources: Option<i64>,
    /// What it contributes.
    #[serde(default)]
    pub contributions: Vec<ContributionBody>,
}

impl AnswerBody {
    fn input(&self) -> AnswerInput {
        AnswerInput {
            ratee: PartnerId(self.partner_id),
            level: self.level.into(),
            items: [
                self.reliable,
                self.mission,
                self.open,
                self.influence,
                self.involvement,
                self.resources,
            ],
            contributions: self
                .contributions
                .iter()
                .map(|c| contribution_kind(*c))
                .collect(),
        }
    }
}

fn answer_view(rating: &TrustRating) -> AnswerBody {
    let items: [Option<i64>; TRUST_ITEMS] = rating
        .answer
        .items()
        .map(|item| item.map(|score| i64::from(score.get())));
    AnswerBody {
        partner_id: rating.ratee.get(),
        level: rating.answer.level().into(),
        reliable: items[0],
        mission: items[1],
        open: items[2],
        influence: items[3],
        involvement: items[4],
        resources: items[5],
        contributions: rating
            .answer
            .contributions()
            .iter()
            .map(|kind| contribution_body(*kind))
            .collect(),
    }
}

/// `PUT /api/trust-waves/{id}/my-response`: the answers so far; they replace what was saved.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveTrustResponseRequest {
    /// One answer per partner, any number of them in a draft.
    pub answers: Vec<AnswerBody>,
}

/// `POST /api/trust-waves/{id}/my-response/submit`: the final answers, or none to submit what
/// was saved.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitTrustResponseRequest {
    /// Answers to submit instead of the saved draft.
    #[serde(default)]
    pub answers: Option<Vec<AnswerBody>>,
}

/// `?partner=`: the partner the representative answers for.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PartnerQuery {
    /// The partner's id.
    pub partner: i64,
}

/// Where a partner's response stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatusBody {
    /// Saved to finish later; not counted.
    Draft,
    /// Submitted and counted; editable until the wave closes.
    Submitted,
}

/// A partner to answer about.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TrustPartnerView {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its sector.
    pub sector: String,
}

fn partner_view(partner: &Partner) -> TrustPartnerView {
    TrustPartnerView {
        id: partner.id.get(),
        name: partner.name.as_str().to_owned(),
        sector: partner.sector.as_str().to_owned(),
    }
}

/// A partner's response.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TrustResponseView {
    /// The wave.
    pub wave_id: i64,
    /// The partner answering.
    pub partner_id: i64,
    /// Draft or submitted.
    pub status: ResponseStatusBody,
    /// When it was first submitted (RFC 3339).
    pub submitted_at: Option<String>,
    /// When it was last saved (RFC 3339).
    pub updated_at: String,
    /// Its answers, by partner id.
    pub answers: Vec<AnswerBody>,
}

fn response_view(response: &TrustResponse) -> TrustResponseView {
    TrustResponseView {
        wave_id: response.wave.get(),
        partner_id: response.rater.get(),
        status: match response.status {
            ResponseStatus::Draft => ResponseStatusBody::Draft,
            ResponseStatus::Submitted => ResponseStatusBody::Submitted,
        },
        submitted_at: response.submitted_at.map(rfc3339),
        updated_at: rfc3339(response.updated_at),
        answers: response.ratings.iter().map(answer_view).collect(),
    }
}

/// The form of a partner's response: the wave, the partners to answer about and what was
/// saved.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TrustFormView {
    /// The wave.
    pub wave: TrustWaveView,
    /// The partner answering.
    pub partner: TrustPartnerView,
    /// The partners to answer about, in id order.
    pub partners: Vec<TrustPartnerView>,
    /// The saved response, if any.
    pub response: Option<TrustResponseView>,
}

fn form_view(form: &ResponseForm, now: i64) -> TrustFormView {
    TrustFormView {
        wave: wave_view(&form.wave, now),
        partner: partner_view(&form.partner),
        partners: form.others.iter().map(partner_view).collect(),
        response: form.response.as_ref().map(response_view),
    }
}

/// A wave covered by the results.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TrustResultsWave {
    /// The wave.
    pub wave: TrustWaveView,
    /// Its label in the document (`waves[].wave`): its number among the partnership's waves.
    pub label: String,
    /// Submitted responses, which the document counts.
    pub submitted: usize,
    /// Responses saved but not submitted, which it leaves out.
    pub drafts: usize,
}

/// One answer with its rater named, shown only for waves whose rater naming is `named`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NamedRatingView {
    /// The wave's label.
    pub wave: String,
    /// The partner that answered.
    pub rater_id: i64,
    /// The answer.
    pub answer: AnswerBody,
}

/// The results of a trust survey.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TrustResultsView {
    /// The waves covered, in the order they were opened.
    pub waves: Vec<TrustResultsWave>,
    /// The network document (`docs/network-json.md`, schema `docs/network.schema.json`), the
    /// one `commonground network --format json` writes for the exported files. It counts
    /// submitted responses only and names no rater.
    #[schema(value_type = Object)]
    pub document: NetworkDocument,
    /// The answers of waves whose rater naming is `named`, each with its rater; empty for
    /// waves that protect raters.
    pub named_ratings: Vec<NamedRatingView>,
}

fn results_view(results: &TrustResults, now: i64) -> TrustResultsView {
    TrustResultsView {
        waves: results
            .waves
            .iter()
            .map(|summary| TrustResultsWave {
                wave: wave_view(&summary.wave, now),
                label: summary.label.clone(),
                submitted: summary.submitted,
                drafts: summary.drafts,
            })
            .collect(),
        document: results.document.clone(),
        named_ratings: results
            .named
            .iter()
            .map(|named| NamedRatingView {
                wave: named.wave.clone(),
                rater_id: named.rater.get(),
                answer: answer_view(&named.rating),
            })
            .collect(),
    }
}

fn moment(text: &str, field: &str) -> Result<i64, ApiError> {
    parse_moment(text).map_err(|_| {
        ApiError::validation(format!(
            "{field} must be a date and time such as 2027-03-12T17:00:00Z, found {text:?}"
        ))
    })
}

fn answers(bodies: &[AnswerBody]) -> Result<Vec<AnswerInput>, ApiError> {
    if bodies.len() > MAX_ANSWERS {
        return Err(ApiError::validation(format!(
            "a response holds at most {MAX_ANSWERS} answers"
        )));
    }
    Ok(bodies.iter().map(AnswerBody::input).collect())
}

/// Opens a wave of the trust survey: the partners' representatives may answer until it
/// closes.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/trust-waves", tag = "trust",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    request_body = OpenTrustWaveRequest,
    responses(
        (status = 201, body = TrustWaveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an empty title, a closing time not in the future", body = ErrorBody),
    )
)]
pub async fn open_wave(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<OpenTrustWaveRequest>,
) -> Result<(StatusCode, Json<TrustWaveView>), ApiError> {
    let closes_at = moment(&body.closes_at, "closes_at")?;
    let wave = service::open_wave(
        &state,
        &actor,
        id,
        &body.title,
        closes_at,
        body.rater_naming.map(Into::into),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(wave_view(&wave, state.now_ms()))))
}

/// Lists a partnership's waves, for its convenors and its partners' representatives.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/trust-waves", tag = "trust",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = Vec<TrustWaveView>),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    )
)]
pub async fn list_waves(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<TrustWaveView>>, ApiError> {
    let waves = service::waves(&state, &actor, id).await?;
    let now = state.now_ms();
    Ok(Json(
        waves.iter().map(|wave| wave_view(wave, now)).collect(),
    ))
}

/// Returns a wave, for its partnership's convenors and partners' representatives.
#[utoipa::path(
    get, path = "/api/trust-waves/{id}", tag = "trust",
    params(("id" = i64, Path, description = "Wave id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = TrustWaveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn get_wave(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<TrustWaveId>,
) -> Result<Json<TrustWaveView>, ApiError> {
    let wave = service::wave(&state, &actor, id).await?;
    Ok(Json(wave_view(&wave, state.now_ms())))
}

/// Changes a wave's title, closing time or rater naming, or closes it.
#[utoipa::path(
    patch, path = "/api/trust-waves/{id}", tag = "trust",
    params(("id" = i64, Path, description = "Wave id")),
    security(("convenor_session" = [])),
    request_body = UpdateTrustWaveRequest,
    responses(
        (status = 200, body = TrustWaveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the wave was closed", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn update_wave(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<TrustWaveId>,
    ApiJson(body): ApiJson<UpdateTrustWaveRequest>,
) -> Result<Json<TrustWaveView>, ApiError> {
    if body.closed == Some(false) {
        return Err(ApiError::validation(
            "a closed wave is not reopened; open a new wave instead",
        ));
    }
    let input = WaveChangesInput {
        title: body.title,
        closes_at: body
            .closes_at
            .as_deref()
            .map(|text| moment(text, "closes_at"))
            .transpose()?,
        close: body.closed == Some(true),
        rater_naming: body.rater_naming.map(Into::into),
    };
    let wave = service::change_wave(&state, &actor, id, input).await?;
    Ok(Json(wave_view(&wave, state.now_ms())))
}

/// Closes a wave now: no more answers or changes, except its rater naming.
#[utoipa::path(
    post, path = "/api/trust-waves/{id}/close", tag = "trust",
    params(("id" = i64, Path, description = "Wave id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = TrustWaveView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: already closed", body = ErrorBody),
    )
)]
pub async fn close_wave(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<TrustWaveId>,
) -> Result<Json<TrustWaveView>, ApiError> {
    let input = WaveChangesInput {
        close: true,
        ..WaveChangesInput::default()
    };
    let wave = service::change_wave(&state, &actor, id, input).await?;
    Ok(Json(wave_view(&wave, state.now_ms())))
}

/// Returns the form of a partner's response: the wave, the partners to answer about and what
/// was saved. Only the partner's own representatives.
#[utoipa::path(
    get, path = "/api/trust-waves/{id}/my-response", tag = "trust",
    params(("id" = i64, Path, description = "Wave id"), PartnerQuery),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = TrustFormView),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not this partner's representative", body = ErrorBody),
        (status = 404, description = "`not_found`: no such wave, or no such partner in its partnership", body = ErrorBody),
    )
)]
pub async fn my_response(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<TrustWaveId>,
    ApiQuery(query): ApiQuery<PartnerQuery>,
) -> Result<Json<TrustFormView>, ApiError> {
    let form = service::my_response(&state, &actor, id, PartnerId(query.partner)).await?;
    Ok(Json(form_view(&form, state.now_ms())))
}

/// Saves a partner's response, whole: the answers sent replace those saved. A draft may leave
/// partners out; a submitted response stays submitted and must still answer every partner.
#[utoipa::path(
    put, path = "/api/trust-waves/{id}/my-response", tag = "trust",
    params(("id" = i64, Path, description = "Wave id"), PartnerQuery),
    security(("convenor_session" = [])),
    request_body = SaveTrustResponseRequest,
    responses(
        (status = 200, body = TrustResponseView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not this partner's representative", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the wave is closed; `partner_archived`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an item outside 1 to 4, items without a relationship, a partner of another partnership, itself or twice", body = ErrorBody),
    )
)]
pub async fn save_response(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<TrustWaveId>,
    ApiQuery(query): ApiQuery<PartnerQuery>,
    ApiJson(body): ApiJson<SaveTrustResponseRequest>,
) -> Result<Json<TrustResponseView>, ApiError> {
    let answers = answers(&body.answers)?;
    let response = service::save_response(
        &state,
        &actor,
        id,
        PartnerId(query.partner),
        &answers,
        false,
    )
    .await?;
    Ok(Json(response_view(&response)))
}

/// Submits a partner's response: every other partner must have a level; items may be left out
/// ("don't know"). It can still be changed until the wave closes.
#[utoipa::path(
    post, path = "/api/trust-waves/{id}/my-response/submit", tag = "trust",
    params(("id" = i64, Path, description = "Wave id"), PartnerQuery),
    security(("convenor_session" = [])),
    request_body = SubmitTrustResponseRequest,
    responses(
        (status = 200, body = TrustResponseView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not this partner's representative", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the wave is closed; `partner_archived`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: a partner without a level, or an answer refused as when saving", body = ErrorBody),
    )
)]
pub async fn submit_response(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<TrustWaveId>,
    ApiQuery(query): ApiQuery<PartnerQuery>,
    ApiJson(body): ApiJson<SubmitTrustResponseRequest>,
) -> Result<Json<TrustResponseView>, ApiError> {
    let answers = body.answers.as_deref().map(answers).transpose()?;
    let response = service::submit_response(
        &state,
        &actor,
        id,
        PartnerId(query.partner),
        answers.as_deref(),
    )
    .await?;
    Ok(Json(response_view(&response)))
}

/// Returns one wave's results: the network document from its submitted responses, with the
/// answers named only when the wave's rater naming is `named`.
#[utoipa::path(
    get, path = "/api/trust-waves/{id}/results", tag = "trust",
    params(("id" = i64, Path, description = "Wave id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = TrustResultsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: neither a convenor nor a partner's representative", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn wave_results(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<TrustWaveId>,
) -> Result<Json<TrustResultsView>, ApiError> {
    let results = service::wave_results(&state, &actor, id).await?;
    Ok(Json(results_view(&results, state.now_ms())))
}

/// Returns the results of every wave of a partnership, with the change between waves: the
/// document `commonground network --format json` writes for the exported files.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/trust", tag = "trust",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = TrustResultsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: neither a convenor nor a partner's representative", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    )
)]
pub async fn partnership_results(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<TrustResultsView>, ApiError> {
    let results = service::partnership_results(&state, &actor, id).await?;
    Ok(Json(results_view(&results, state.now_ms())))
}

/// Returns the survey's files for `commonground network` as a ZIP archive: `partners.csv`,
/// `ratings.csv` (submitted responses; they name each rater) and `wave-<label>.graphml` for
/// each wave with answers. Convenors only.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/trust/export", tag = "trust",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, description = "application/zip", content_type = "application/zip"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    )
)]
pub async fn export(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, ApiError> {
    let files = service::export(&state, &actor, id).await?;
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("partners.csv", files.partners.as_bytes()),
        ("ratings.csv", files.ratings.as_bytes()),
    ];
    for (name, text) in &files.graphml {
        entries.push((name.as_str(), text.as_bytes()));
    }
    let archive = crate::zip::store(&entries).map_err(ApiError::internal)?;
    let disposition = format!("attachment; filename=\"trust-survey-{id}.zip\"");
    Ok((
        [
            (CONTENT_TYPE, "application/zip".to_owned()),
            (CONTENT_DISPOSITION, disposition),
        ],
        archive,
    )
        .into_response())
}
