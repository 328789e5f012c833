//! The system map's JSON API: convenors create, change, close and import maps; convenors and
//! partners' representatives propose factors and links, read a map with its tallies, its
//! analysis, the ripple of pushing a factor, and export it; representatives judge links for
//! their partner and participants of a linked dialogue for themselves; actions are pinned to
//! factors and their ripples read. Handlers parse, call [`super::service`] and shape the
//! answer.

use axum::Json;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use engine::system_map::Push;
use model::{DialogueId, MapFactorId, MapLinkId, PartnerId, PartnershipId, SystemMapId};
use serde::{Deserialize, Serialize};
use store::{
    ActionId, ActionPin, LinkJudgment, LinkSign, MapFactor, MapJudgment, MapLink, PinPush,
    Proposer, SystemMap, SystemMapChanges,
};
use utoipa::{IntoParams, ToSchema};

use super::document::MapDocument;
use super::service::{
    self, FactorInput, ImportContent, LinkInput, MapDetail, MapFormat, MapInput, Tally,
};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;
use crate::time::rfc3339;

/// The largest import body accepted, in bytes (the file travels inside a JSON string).
pub const MAX_IMPORT_BODY_BYTES: usize = 4 * 1024 * 1024;

/// A link's sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum SignBody {
    /// More leads to more.
    #[serde(rename = "+")]
    Positive,
    /// More leads to less.
    #[serde(rename = "-")]
    Negative,
}

impl From<SignBody> for LinkSign {
    fn from(sign: SignBody) -> LinkSign {
        match sign {
            SignBody::Positive => LinkSign::Positive,
            SignBody::Negative => LinkSign::Negative,
        }
    }
}

impl From<LinkSign> for SignBody {
    fn from(sign: LinkSign) -> SignBody {
        match sign {
            LinkSign::Positive => SignBody::Positive,
            LinkSign::Negative => SignBody::Negative,
        }
    }
}

/// A judgment of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JudgmentBody {
    /// The influence is real, with this sign.
    Agree,
    /// It is not.
    Disagree,
    /// Cannot say.
    Unsure,
}

impl From<JudgmentBody> for LinkJudgment {
    fn from(judgment: JudgmentBody) -> LinkJudgment {
        match judgment {
            JudgmentBody::Agree => LinkJudgment::Agree,
            JudgmentBody::Disagree => LinkJudgment::Disagree,
            JudgmentBody::Unsure => LinkJudgment::Unsure,
        }
    }
}

impl From<LinkJudgment> for JudgmentBody {
    fn from(judgment: LinkJudgment) -> JudgmentBody {
        match judgment {
            LinkJudgment::Agree => JudgmentBody::Agree,
            LinkJudgment::Disagree => JudgmentBody::Disagree,
            LinkJudgment::Unsure => JudgmentBody::Unsure,
        }
    }
}

/// Which way to push a factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PushBody {
    /// More of it.
    Up,
    /// Less of it.
    Down,
}

impl From<PushBody> for PinPush {
    fn from(push: PushBody) -> PinPush {
        match push {
            PushBody::Up => PinPush::Up,
            PushBody::Down => PinPush::Down,
        }
    }
}

impl From<PinPush> for PushBody {
    fn from(push: PinPush) -> PushBody {
        match push {
            PinPush::Up => PushBody::Up,
            PinPush::Down => PushBody::Down,
        }
    }
}

/// A map file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FormatBody {
    /// GraphML (Gephi, yEd).
    Graphml,
    /// A Kumu blueprint (JSON).
    Kumu,
    /// `factors.csv` and `links.csv`, as `commonground map` reads them.
    Csv,
}

impl From<FormatBody> for MapFormat {
    fn from(format: FormatBody) -> MapFormat {
        match format {
            FormatBody::Graphml => MapFormat::Graphml,
            FormatBody::Kumu => MapFormat::Kumu,
            FormatBody::Csv => MapFormat::Csv,
        }
    }
}

/// `POST /api/partnerships/{id}/maps`: a map to create.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateMapRequest {
    /// A title, 1 to 200 characters.
    pub title: String,
    /// What it maps.
    #[serde(default)]
    pub description: String,
    /// A dialogue of the partnership whose participants may judge its links.
    #[serde(default)]
    pub dialogue_id: Option<i64>,
    /// Whether they may judge from the start (needs `dialogue_id`).
    #[serde(default)]
    pub participants_may_judge: bool,
}

/// `PATCH /api/maps/{id}`: what to change; absent fields stay.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMapRequest {
    /// A new title.
    #[serde(default)]
    pub title: Option<String>,
    /// A new description.
    #[serde(default)]
    pub description: Option<String>,
    /// A new linked dialogue; `0` unlinks it (and closes judging to participants).
    #[serde(default)]
    pub dialogue_id: Option<i64>,
    /// Opens (`true`) or closes (`false`) the judging of links to the linked dialogue's
    /// participants.
    #[serde(default)]
    pub participants_may_judge: Option<bool>,
    /// `true` closes the map; a closed map is not reopened.
    #[serde(default)]
    pub closed: Option<bool>,
}

/// `POST /api/partnerships/{id}/maps/import`: a map file to import as a new map.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportMapRequest {
    /// The new map's title.
    pub title: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// A dialogue of the partnership to link.
    #[serde(default)]
    pub dialogue_id: Option<i64>,
    /// The file's format.
    pub format: FormatBody,
    /// The GraphML or Kumu file's text (for those formats).
    #[serde(default)]
    pub content: Option<String>,
    /// `factors.csv` (`factor,name[,partner]`), for `csv`.
    #[serde(default)]
    pub factors_csv: Option<String>,
    /// `links.csv` (`from,to,sign[,delayed,contested,note]`), for `csv`.
    #[serde(default)]
    pub links_csv: Option<String>,
}

/// `POST /api/maps/{id}/factors`: a factor to propose.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeFactorRequest {
    /// Its name, unique on the map ignoring case.
    pub name: String,
    /// The partner whose area it is.
    #[serde(default)]
    pub owner_id: Option<i64>,
    /// A sector tag, e.g. `housing`.
    #[serde(default)]
    pub sector: Option<String>,
    /// The partner the proposal speaks for (a representative's own); absent for a convenor
    /// proposing as themselves.
    #[serde(default)]
    pub as_partner: Option<i64>,
}

/// `POST /api/maps/{id}/links`: a link to propose.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeLinkRequest {
    /// The factor that influences.
    pub from: i64,
    /// The factor influenced (the same factor makes a self-loop).
    pub to: i64,
    /// `+` (more leads to more) or `-` (more leads to less).
    pub sign: SignBody,
    /// Whether it takes effect after a marked delay.
    #[serde(default)]
    pub delayed: bool,
    /// A note on the evidence.
    #[serde(default)]
    pub note: String,
    /// The partner the proposal speaks for.
    #[serde(default)]
    pub as_partner: Option<i64>,
}

/// `PUT …/judgment`: a judgment of a link.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JudgeLinkRequest {
    /// Agree, disagree or unsure.
    pub judgment: JudgmentBody,
}

/// `POST /api/maps/{id}/pins`: an action to pin to the factor it pushes.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PinActionRequest {
    /// The action.
    pub action_id: i64,
    /// The factor of this map it pushes.
    pub factor_id: i64,
    /// Which way.
    pub push: PushBody,
}

/// `?partner=`: the partner the representative judges for.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct JudgePartnerQuery {
    /// The partner's id.
    pub partner: i64,
}

/// The limits of the loop search.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AnalysisQuery {
    /// The most links a listed loop may have (no limit by default).
    #[serde(default)]
    pub max_loop_length: Option<usize>,
    /// The most loops listed (100,000 by default and at most).
    #[serde(default)]
    pub max_loops: Option<usize>,
}

/// The ripple to follow.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct RippleQuery {
    /// The factor pushed, by id.
    pub from: i64,
    /// `up` or `down`.
    pub push: PushBody,
    /// How many links to follow, 1 to 50 (3 by default).
    #[serde(default)]
    pub steps: Option<usize>,
    /// The most links a listed loop may have.
    #[serde(default)]
    pub max_loop_length: Option<usize>,
    /// The most loops listed.
    #[serde(default)]
    pub max_loops: Option<usize>,
}

/// `?format=`: the export's format.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// `graphml`, `kumu` or `csv` (a ZIP archive of the two files).
    pub format: FormatBody,
}

/// A system map.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SystemMapView {
    /// Its id.
    pub id: i64,
    /// Its partnership.
    pub partnership_id: i64,
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// The linked dialogue.
    pub dialogue_id: Option<i64>,
    /// Whether the linked dialogue's participants may judge its links.
    pub participants_may_judge: bool,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When a convenor closed it (RFC 3339).
    pub closed_at: Option<String>,
    /// Whether it takes proposals, judgments and pins.
    pub is_open: bool,
}

fn map_view(map: &SystemMap) -> SystemMapView {
    SystemMapView {
        id: map.id.get(),
        partnership_id: map.partnership.get(),
        title: map.title.clone(),
        description: map.description.clone(),
        dialogue_id: map.dialogue.map(DialogueId::get),
        participants_may_judge: map.participants_may_judge,
        created_at: rfc3339(map.created_at),
        closed_at: map.closed_at.map(rfc3339),
        is_open: map.is_open(),
    }
}

/// Who proposed a factor or link.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ProposerView {
    /// The account, if not deleted.
    pub account_id: Option<i64>,
    /// The partner it spoke for; `null` when it proposed as a convenor.
    pub partner_id: Option<i64>,
}

fn proposer_view(proposer: &Proposer) -> ProposerView {
    ProposerView {
        account_id: proposer.account.map(|account| account.get()),
        partner_id: proposer.partner.map(PartnerId::get),
    }
}

/// A factor of a map.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MapFactorView {
    /// Its id (the factor's id in the analysis document).
    pub id: i64,
    /// Its name.
    pub name: String,
    /// The partner whose area it is.
    pub owner_id: Option<i64>,
    /// Its sector tag.
    pub sector: Option<String>,
    /// Who proposed it.
    pub proposer: ProposerView,
    /// When (RFC 3339).
    pub created_at: String,
}

fn factor_view(factor: &MapFactor) -> MapFactorView {
    MapFactorView {
        id: factor.id.get(),
        name: factor.name.clone(),
        owner_id: factor.owner.map(PartnerId::get),
        sector: factor.sector.clone(),
        proposer: proposer_view(&factor.proposer),
        created_at: rfc3339(factor.created_at),
    }
}

/// Counts of judgments.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct JudgmentCounts {
    /// Agree.
    pub agree: usize,
    /// Disagree.
    pub disagree: usize,
    /// Unsure.
    pub unsure: usize,
}

fn counts(counts: [usize; 3]) -> JudgmentCounts {
    JudgmentCounts {
        agree: counts[0],
        disagree: counts[1],
        unsure: counts[2],
    }
}

/// The equal-weight tally of a link's judgments.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TallyView {
    /// The partners' judgments, each partner once.
    pub partners: JudgmentCounts,
    /// The participants' judgments, by head count.
    pub participants: JudgmentCounts,
    /// Disagree / (agree + disagree) among partners.
    pub partner_disagree_share: Option<f64>,
    /// The mean over constituencies of their disagree shares.
    pub participant_disagree_share: Option<f64>,
    /// The constituencies counted.
    pub constituencies_counted: usize,
    /// Whether the link is contested: a disagree share of at least one third among partners,
    /// or among constituencies once five participants took a side.
    pub contested: bool,
}

fn tally_view(tally: &Tally) -> TallyView {
    TallyView {
        partners: counts(tally.partners),
        participants: counts(tally.participants),
        partner_disagree_share: tally.partner_disagree_share,
        participant_disagree_share: tally.participant_disagree_share,
        constituencies_counted: tally.constituencies_counted,
        contested: tally.contested,
    }
}

/// A link of a map.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MapLinkView {
    /// Its id.
    pub id: i64,
    /// The factor that influences.
    pub from: i64,
    /// The factor influenced.
    pub to: i64,
    /// `+` or `-`.
    pub sign: SignBody,
    /// Whether it is delayed.
    pub delayed: bool,
    /// The evidence note.
    pub note: String,
    /// Who proposed it.
    pub proposer: ProposerView,
    /// When (RFC 3339).
    pub created_at: String,
    /// Its tally, when read with the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tally: Option<TallyView>,
}

fn link_view(link: &MapLink, tally: Option<&Tally>) -> MapLinkView {
    MapLinkView {
        id: link.id.get(),
        from: link.from.get(),
        to: link.to.get(),
        sign: link.sign.into(),
        delayed: link.delayed,
        note: link.note.clone(),
        proposer: proposer_view(&link.proposer),
        created_at: rfc3339(link.created_at),
        tally: tally.map(tally_view),
    }
}

/// An action pinned to a factor.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActionPinView {
    /// The action.
    pub action_id: i64,
    /// The map.
    pub map_id: i64,
    /// The factor it pushes.
    pub factor_id: i64,
    /// Which way.
    pub push: PushBody,
    /// When it was pinned (RFC 3339).
    pub pinned_at: String,
}

fn pin_view(pin: &ActionPin) -> ActionPinView {
    ActionPinView {
        action_id: pin.action.0,
        map_id: pin.map.get(),
        factor_id: pin.factor.get(),
        push: pin.push.into(),
        pinned_at: rfc3339(pin.pinned_at),
    }
}

/// A map with its factors, links (with their tallies) and pins.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MapDetailView {
    /// The map.
    pub map: SystemMapView,
    /// Its factors, by id.
    pub factors: Vec<MapFactorView>,
    /// Its links, by id.
    pub links: Vec<MapLinkView>,
    /// The actions pinned to its factors.
    pub pins: Vec<ActionPinView>,
}

fn detail_view(detail: &MapDetail) -> MapDetailView {
    MapDetailView {
        map: map_view(&detail.map),
        factors: detail.factors.iter().map(factor_view).collect(),
        links: detail
            .links
            .iter()
            .map(|(link, tally)| link_view(link, Some(tally)))
            .collect(),
        pins: detail.pins.iter().map(pin_view).collect(),
    }
}

/// A judgment as recorded.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MapJudgmentView {
    /// The link.
    pub link_id: i64,
    /// The partner judging, for a partner's judgment.
    pub partner_id: Option<i64>,
    /// The judgment.
    pub judgment: JudgmentBody,
    /// When it was given (RFC 3339).
    pub updated_at: String,
}

fn judgment_view(judgment: &MapJudgment) -> MapJudgmentView {
    MapJudgmentView {
        link_id: judgment.link.get(),
        partner_id: match judgment.judge {
            store::Judge::Partner(partner) => Some(partner.get()),
            store::Judge::Participant(_) => None,
        },
        judgment: judgment.judgment.into(),
        updated_at: rfc3339(judgment.updated_at),
    }
}

/// The ripple of an action on one map it is pinned to.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActionRippleView {
    /// The pin.
    pub pin: ActionPinView,
    /// The map's analysis document (`docs/map-json.md`) with `action` and `ripple`: the
    /// factors the action reaches in 3 steps, grouped by the partner that owns them.
    #[schema(value_type = Object)]
    pub document: MapDocument,
}

fn dialogue(id: Option<i64>) -> Option<DialogueId> {
    id.map(DialogueId)
}

/// Creates a map in a partnership.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/maps", tag = "maps",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    request_body = CreateMapRequest,
    responses(
        (status = 201, body = SystemMapView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`: no such dialogue", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn create_map(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<CreateMapRequest>,
) -> Result<(StatusCode, Json<SystemMapView>), ApiError> {
    let map = service::create_map(
        &state,
        &actor,
        id,
        MapInput {
            title: body.title,
            description: body.description,
            dialogue: dialogue(body.dialogue_id),
            participants_may_judge: body.participants_may_judge,
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(map_view(&map))))
}

/// Lists a partnership's maps.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/maps", tag = "maps",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = Vec<SystemMapView>),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    )
)]
pub async fn list_maps(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<SystemMapView>>, ApiError> {
    let maps = service::maps(&state, &actor, id).await?;
    Ok(Json(maps.iter().map(map_view).collect()))
}

/// Imports a GraphML file, a Kumu blueprint or `factors.csv` and `links.csv` as a new map:
/// the file is read and checked whole before anything is stored, and a file refused stores
/// nothing. Partners are matched by name to the partnership's.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/maps/import", tag = "maps",
    params(("id" = i64, Path, description = "Partnership id")),
    security(("convenor_session" = [])),
    request_body = ImportMapRequest,
    responses(
        (status = 201, body = SystemMapView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: two factors with one name", body = ErrorBody),
        (status = 413, description = "`payload_too_large`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: a DTD, XML that is not well-formed, an unknown factor or partner, a duplicate link", body = ErrorBody),
    )
)]
pub async fn import_map(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<ImportMapRequest>,
) -> Result<(StatusCode, Json<SystemMapView>), ApiError> {
    let content = match body.format {
        FormatBody::Csv => ImportContent::Csv {
            factors: body
                .factors_csv
                .ok_or_else(|| ApiError::validation("a csv import needs factors_csv"))?,
            links: body
                .links_csv
                .ok_or_else(|| ApiError::validation("a csv import needs links_csv"))?,
        },
        format => ImportContent::File(
            format.into(),
            body.content
                .ok_or_else(|| ApiError::validation("this import needs the file's content"))?,
        ),
    };
    let map = service::import(
        &state,
        &actor,
        id,
        MapInput {
            title: body.title,
            description: body.description,
            dialogue: dialogue(body.dialogue_id),
            participants_may_judge: false,
        },
        &content,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(map_view(&map))))
}

/// Returns a map with its factors, its links with their equal-weight tallies, and its pins.
#[utoipa::path(
    get, path = "/api/maps/{id}", tag = "maps",
    params(("id" = i64, Path, description = "Map id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = MapDetailView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn get_map(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
) -> Result<Json<MapDetailView>, ApiError> {
    let detail = service::detail(&state, &actor, id).await?;
    Ok(Json(detail_view(&detail)))
}

/// Returns a map as a participant of its linked dialogue reads it, while the map is open to
/// participants' judgments; the participant's token as `Authorization: Bearer`.
#[utoipa::path(
    get, path = "/api/maps/{id}/for-participants", tag = "maps",
    params(("id" = i64, Path, description = "Map id")),
    security(("participant_token" = [])),
    responses(
        (status = 200, body = MapDetailView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: another dialogue's token, or not open to participants", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn participant_map(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<SystemMapId>,
) -> Result<Json<MapDetailView>, ApiError> {
    let detail = service::participant_detail(&state, &headers, id).await?;
    Ok(Json(detail_view(&detail)))
}

/// Changes a map: its title, description, linked dialogue, whether participants may judge, or
/// closes it.
#[utoipa::path(
    patch, path = "/api/maps/{id}", tag = "maps",
    params(("id" = i64, Path, description = "Map id")),
    security(("convenor_session" = [])),
    request_body = UpdateMapRequest,
    responses(
        (status = 200, body = SystemMapView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the map is closed", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    )
)]
pub async fn update_map(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
    ApiJson(body): ApiJson<UpdateMapRequest>,
) -> Result<Json<SystemMapView>, ApiError> {
    if body.closed == Some(false) {
        return Err(ApiError::validation(
            "a closed map is not reopened; create a new map instead",
        ));
    }
    let changes = SystemMapChanges {
        title: body.title,
        description: body.description,
        dialogue: body
            .dialogue_id
            .map(|id| (id != 0).then_some(DialogueId(id))),
        participants_may_judge: body.participants_may_judge,
        close: body.closed == Some(true),
    };
    let map = service::change_map(&state, &actor, id, changes).await?;
    Ok(Json(map_view(&map)))
}

/// Closes a map: it keeps everything and takes no more proposals, judgments or pins.
#[utoipa::path(
    post, path = "/api/maps/{id}/close", tag = "maps",
    params(("id" = i64, Path, description = "Map id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = SystemMapView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: already closed", body = ErrorBody),
    )
)]
pub async fn close_map(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
) -> Result<Json<SystemMapView>, ApiError> {
    let changes = SystemMapChanges {
        close: true,
        ..SystemMapChanges::default()
    };
    let map = service::change_map(&state, &actor, id, changes).await?;
    Ok(Json(map_view(&map)))
}

/// Proposes a factor: a convenor as themselves, or a representative for its partner
/// (`as_partner`).
#[utoipa::path(
    post, path = "/api/maps/{id}/factors", tag = "maps",
    params(("id" = i64, Path, description = "Map id")),
    security(("convenor_session" = [])),
    request_body = ProposeFactorRequest,
    responses(
        (status = 201, body = MapFactorView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the map is closed or has a factor of that name; `partner_archived`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: a blank name, an owner of another partnership", body = ErrorBody),
    )
)]
pub async fn propose_factor(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
    ApiJson(body): ApiJson<ProposeFactorRequest>,
) -> Result<(StatusCode, Json<MapFactorView>), ApiError> {
    let factor = service::propose_factor(
        &state,
        &actor,
        id,
        FactorInput {
            name: body.name,
            owner: body.owner_id.map(PartnerId),
            sector: body.sector,
            as_partner: body.as_partner.map(PartnerId),
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(factor_view(&factor))))
}

/// Proposes a link between two factors of the map.
#[utoipa::path(
    post, path = "/api/maps/{id}/links", tag = "maps",
    params(("id" = i64, Path, description = "Map id")),
    security(("convenor_session" = [])),
    request_body = ProposeLinkRequest,
    responses(
        (status = 201, body = MapLinkView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such map or factor", body = ErrorBody),
        (status = 409, description = "`conflict`: the map is closed, or the link is already on it", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: a factor of another map", body = ErrorBody),
    )
)]
pub async fn propose_link(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
    ApiJson(body): ApiJson<ProposeLinkRequest>,
) -> Result<(StatusCode, Json<MapLinkView>), ApiError> {
    let link = service::propose_link(
        &state,
        &actor,
        id,
        LinkInput {
            from: MapFactorId(body.from),
            to: MapFactorId(body.to),
            sign: body.sign.into(),
            delayed: body.delayed,
            note: body.note,
            as_partner: body.as_partner.map(PartnerId),
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(link_view(&link, None))))
}

/// Records a partner's judgment of a link, replacing its earlier one: the partner's own
/// representatives only.
#[utoipa::path(
    put, path = "/api/maps/{id}/links/{link}/judgment", tag = "maps",
    params(
        ("id" = i64, Path, description = "Map id"),
        ("link" = i64, Path, description = "Link id"),
        JudgePartnerQuery,
    ),
    security(("convenor_session" = [])),
    request_body = JudgeLinkRequest,
    responses(
        (status = 200, body = MapJudgmentView),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not this partner's representative", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the map is closed; `partner_archived`", body = ErrorBody),
        (status = 422, description = "`invalid_body`", body = ErrorBody),
    )
)]
pub async fn judge_link(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, link)): ApiPath<(SystemMapId, MapLinkId)>,
    ApiQuery(query): ApiQuery<JudgePartnerQuery>,
    ApiJson(body): ApiJson<JudgeLinkRequest>,
) -> Result<Json<MapJudgmentView>, ApiError> {
    let judgment = service::judge_link(
        &state,
        &actor,
        id,
        link,
        PartnerId(query.partner),
        body.judgment.into(),
    )
    .await?;
    Ok(Json(judgment_view(&judgment)))
}

/// Records a participant's judgment of a link, replacing their earlier one, while the map is
/// open to the participants of its linked dialogue; the token as `Authorization: Bearer`.
#[utoipa::path(
    put, path = "/api/maps/{id}/links/{link}/participant-judgment", tag = "maps",
    params(
        ("id" = i64, Path, description = "Map id"),
        ("link" = i64, Path, description = "Link id"),
    ),
    security(("participant_token" = [])),
    request_body = JudgeLinkRequest,
    responses(
        (status = 200, body = MapJudgmentView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: another dialogue's token, or not open to participants", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the map is closed", body = ErrorBody),
        (status = 422, description = "`invalid_body`", body = ErrorBody),
    )
)]
pub async fn participant_judge_link(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath((id, link)): ApiPath<(SystemMapId, MapLinkId)>,
    ApiJson(body): ApiJson<JudgeLinkRequest>,
) -> Result<Json<MapJudgmentView>, ApiError> {
    let (_, judgment) =
        service::participant_judge_link(&state, &headers, id, link, body.judgment.into()).await?;
    Ok(Json(judgment_view(&judgment)))
}

/// Returns the map's analysis: the document `commonground map --format json` writes
/// (`docs/map-json.md`, schema `docs/map.schema.json`), with loops through contested links
/// marked.
#[utoipa::path(
    get, path = "/api/maps/{id}/analysis", tag = "maps",
    params(("id" = i64, Path, description = "Map id"), AnalysisQuery),
    security(("convenor_session" = [])),
    responses(
        (status = 200, description = "The map analysis document", body = Object),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`validation_failed`: limits out of range", body = ErrorBody),
    )
)]
pub async fn analysis(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
    ApiQuery(query): ApiQuery<AnalysisQuery>,
) -> Result<Json<MapDocument>, ApiError> {
    let limits = service::limits(query.max_loop_length, query.max_loops)?;
    Ok(Json(service::analysis(&state, &actor, id, limits).await?))
}

/// Returns the analysis with the ripple of pushing a factor up or down: the factors it reaches
/// within `steps` links, with the sign of the effect, grouped by the partner that owns them.
#[utoipa::path(
    get, path = "/api/maps/{id}/ripple", tag = "maps",
    params(("id" = i64, Path, description = "Map id"), RippleQuery),
    security(("convenor_session" = [])),
    responses(
        (status = 200, description = "The map analysis document with `action` and `ripple`", body = Object),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`validation_failed`: a factor not on the map, steps out of range", body = ErrorBody),
    )
)]
pub async fn ripple(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
    ApiQuery(query): ApiQuery<RippleQuery>,
) -> Result<Json<MapDocument>, ApiError> {
    let limits = service::limits(query.max_loop_length, query.max_loops)?;
    let push = match query.push {
        PushBody::Up => Push::Up,
        PushBody::Down => Push::Down,
    };
    Ok(Json(
        service::ripple(
            &state,
            &actor,
            id,
            MapFactorId(query.from),
            push,
            query.steps,
            limits,
        )
        .await?,
    ))
}

/// Exports the map as GraphML (with each factor's leverage), a Kumu blueprint, or a ZIP
/// archive of `factors.csv` and `links.csv`; links are marked contested from their tallies.
#[utoipa::path(
    get, path = "/api/maps/{id}/export", tag = "maps",
    params(("id" = i64, Path, description = "Map id"), ExportQuery),
    security(("convenor_session" = [])),
    responses(
        (status = 200, description = "application/graphml+xml, application/json or application/zip"),
        (status = 400, description = "`invalid_query`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn export(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, ApiError> {
    let exported = service::export(&state, &actor, id, query.format.into()).await?;
    let (content_type, name, body) = match query.format {
        FormatBody::Csv => {
            let entries: Vec<(&str, &[u8])> = exported
                .files
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_bytes()))
                .collect();
            let archive = crate::zip::store(&entries).map_err(ApiError::internal)?;
            ("application/zip", format!("map-{id}.zip"), archive)
        }
        format => {
            let (name, text) =
                exported.files.into_iter().next().ok_or_else(|| {
                    ApiError::internal(anyhow::anyhow!("an export without a file"))
                })?;
            let content_type = if format == FormatBody::Graphml {
                "application/graphml+xml"
            } else {
                "application/json"
            };
            (content_type, name, text.into_bytes())
        }
    };
    Ok((
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// Pins an action of the partnership to the factor of this map it pushes (again: changes the
/// push). Convenors, and the representatives of the partners that own or share the action.
#[utoipa::path(
    post, path = "/api/maps/{id}/pins", tag = "maps",
    params(("id" = i64, Path, description = "Map id")),
    security(("convenor_session" = [])),
    request_body = PinActionRequest,
    responses(
        (status = 200, body = ActionPinView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such map, action or factor", body = ErrorBody),
        (status = 409, description = "`conflict`: the map is closed", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: a factor of another map, an action of another partnership", body = ErrorBody),
    )
)]
pub async fn pin_action(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<SystemMapId>,
    ApiJson(body): ApiJson<PinActionRequest>,
) -> Result<Json<ActionPinView>, ApiError> {
    let pin = service::pin_action(
        &state,
        &actor,
        id,
        ActionId(body.action_id),
        MapFactorId(body.factor_id),
        body.push.into(),
    )
    .await?;
    Ok(Json(pin_view(&pin)))
}

/// Returns the ripple of an action on every map it is pinned to: the factors it reaches,
/// grouped by the partner that owns them, and the other partners it touches.
#[utoipa::path(
    get, path = "/api/actions/{id}/ripple", tag = "maps",
    params(("id" = i64, Path, description = "Action id")),
    security(("convenor_session" = [])),
    responses(
        (status = 200, body = Vec<ActionRippleView>),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn action_ripple(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<ActionRippleView>>, ApiError> {
    let ripples = service::action_ripples(&state, &actor, ActionId(id)).await?;
    Ok(Json(
        ripples
            .iter()
            .map(|ripple| ActionRippleView {
                pin: pin_view(&ripple.pin),
                document: ripple.document.clone(),
            })
            .collect(),
    ))
}
