//! The partnerships' JSON API: partnerships, partners, convenors and invitations to convene,
//! invitations to speak for a partner, and representatives. Handlers parse, call [`super::service`] and shape the answer.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use model::{ConvenorId, ConvenorInvitationId, InvitationId, PartnerId, PartnershipId};
use serde::{Deserialize, Serialize};
use store::{
    Convenor, ConvenorInvitation, Dialogue, Invitation, InvitationStatus, Partner, PartnerRemoval,
    Partnership, PlaceInvitation, Representative,
};
use utoipa::ToSchema;

use super::service::{self, Overview};
use crate::auth::{CurrentConvenor, PartnershipRole};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::time::rfc3339;

/// `POST /api/partnerships`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePartnershipRequest {
    /// Its name, 1 to 200 characters.
    pub name: String,
    /// What it is for (optional).
    #[serde(default)]
    pub purpose: String,
}

/// `PATCH /api/partnerships/{id}`: the fields to change.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePartnershipRequest {
    /// A new name.
    pub name: Option<String>,
    /// A new purpose.
    pub purpose: Option<String>,
}

/// A partnership in a list, with what the caller is to it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PartnershipSummary {
    /// The partnership's id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// What it is for.
    pub purpose: String,
    /// `administrator`, `convenor` or `representative`.
    pub your_role: String,
    /// The partners the caller speaks for (every partner for convenors is implied; empty).
    pub your_partners: Vec<i64>,
}

/// A partnership with its partners, its convenors (for convenors) and the dialogues the
/// caller may open.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PartnershipDetail {
    /// The partnership's id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// What it is for.
    pub purpose: String,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// `administrator`, `convenor` or `representative`.
    pub your_role: String,
    /// The partners the caller speaks for, when a representative.
    pub your_partners: Vec<i64>,
    /// Its partners, archived ones included.
    pub partners: Vec<PartnerView>,
    /// Its convenors; empty for representatives.
    pub convenors: Vec<AccountView>,
    /// Its dialogues: every one for convenors, those shared with partners for representatives.
    pub dialogues: Vec<DialogueLink>,
}

/// A dialogue of a partnership.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DialogueLink {
    /// The dialogue's id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Whether it takes votes and statements now: not closed by a convenor or by its closing
    /// time, and its opening time (if any) has come.
    pub is_open: bool,
    /// Whether its convenors share its report with the partners.
    pub shared_with_partners: bool,
}

/// `POST /api/partnerships/{id}/partners`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePartnerRequest {
    /// The organisation's name.
    pub name: String,
    /// Its sector: `nhs`, `local_authority`, `voluntary`, `community`, `business`,
    /// `academic` or `public`.
    pub sector: String,
}

/// `PATCH /api/partnerships/{id}/partners/{partner_id}`: the fields to change.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePartnerRequest {
    /// A new name.
    pub name: Option<String>,
    /// A new sector.
    pub sector: Option<String>,
}

/// A partner organisation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PartnerView {
    /// The partner's id.
    pub id: i64,
    /// The partnership it belongs to.
    pub partnership_id: i64,
    /// Its name.
    pub name: String,
    /// Its sector.
    pub sector: String,
    /// When it joined (RFC 3339).
    pub created_at: String,
    /// When it was archived (RFC 3339); archived partners keep their history and have no
    /// representatives.
    pub archived_at: Option<String>,
}

/// What removing a partner did.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PartnerRemoved {
    /// `deleted` (it had no history) or `archived` (it had, and keeps it).
    pub outcome: String,
    /// The archived partner; absent when deleted.
    pub partner: Option<PartnerView>,
}

/// An account, as a partnership shows it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AccountView {
    /// The account's id.
    pub id: i64,
    /// Its email address.
    pub email: String,
}

/// `POST /api/partnerships/{id}/convenors`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddConvenorRequest {
    /// The email address of an existing convenor account.
    pub email: String,
}

/// `POST /api/partnerships/{id}/partners/{partner_id}/invitations`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInvitationRequest {
    /// The email address of the person invited; when given, only that address can accept.
    pub email: Option<String>,
    /// How many days the link stays valid (1 to 90, 14 unless said).
    pub expires_in_days: Option<u32>,
}

/// An invitation to speak for a partner.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct InvitationView {
    /// The invitation's id.
    pub id: i64,
    /// The partner it is for.
    pub partner_id: i64,
    /// The address it was made for, if any.
    pub email: Option<String>,
    /// `pending`, `accepted`, `revoked` or `expired`.
    pub status: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it stops working (RFC 3339).
    pub expires_at: String,
    /// When it was accepted.
    pub accepted_at: Option<String>,
    /// When it was revoked.
    pub revoked_at: Option<String>,
}

/// A new invitation and its single-use link, shown only in this answer.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedInvitation {
    /// The invitation.
    pub invitation: InvitationView,
    /// The link to send to the person invited.
    pub link: String,
    /// The token inside the link, for `POST /api/invitations/accept`.
    pub token: String,
}

/// Where an invitation to a place (a partnership to convene, a dialogue to facilitate) stands.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PlaceInvitationState {
    /// `pending`, `accepted`, `revoked` or `expired`.
    pub status: String,
    /// The only address that may accept it, if one was given.
    pub email: Option<String>,
    /// When it stops working (RFC 3339).
    pub expires_at: String,
    /// When a convenor made it (RFC 3339).
    pub created_at: String,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
    /// When it was accepted, if it was.
    pub accepted_at: Option<String>,
}

impl PlaceInvitationState {
    /// Describes an invitation to a place as it stands at `now`.
    pub fn of<Id, Place>(invitation: &PlaceInvitation<Id, Place>, now: i64) -> Self {
        PlaceInvitationState {
            status: status_name(invitation.status(now)).to_owned(),
            email: invitation
                .email
                .as_ref()
                .map(|email| email.as_str().to_owned()),
            expires_at: rfc3339(invitation.expires_at),
            created_at: rfc3339(invitation.created_at),
            revoked_at: invitation.revoked_at.map(rfc3339),
            accepted_at: invitation.accepted_at.map(rfc3339),
        }
    }
}

/// An invitation to convene a partnership.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ConvenorInvitationView {
    /// The invitation's id.
    pub id: i64,
    /// The partnership it invites to convene.
    pub partnership_id: i64,
    /// Where it stands.
    #[serde(flatten)]
    pub state: PlaceInvitationState,
}

/// A new invitation to convene and its single-use link, shown only in this answer.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedConvenorInvitation {
    /// The invitation.
    pub invitation: ConvenorInvitationView,
    /// The link to send to the person invited; it opens `/invite/{token}`.
    pub link: String,
    /// The token inside the link, for `POST /api/invitations/accept`.
    pub token: String,
}

/// A person who speaks for a partner.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RepresentativeView {
    /// Their account's id.
    pub account_id: i64,
    /// Their email address.
    pub email: String,
    /// Since when (RFC 3339).
    pub since: String,
}

fn your_partners(role: &PartnershipRole) -> Vec<i64> {
    match role {
        PartnershipRole::Representative { partners } => {
            partners.iter().map(|partner| partner.get()).collect()
        }
        PartnershipRole::Administrator | PartnershipRole::Convenor => Vec::new(),
    }
}

fn summary(partnership: &Partnership, role: &PartnershipRole) -> PartnershipSummary {
    PartnershipSummary {
        id: partnership.id.get(),
        name: partnership.name.as_str().to_owned(),
        purpose: partnership.purpose.as_str().to_owned(),
        your_role: role.as_str().to_owned(),
        your_partners: your_partners(role),
    }
}

/// Returns the JSON shape of a partner.
pub fn partner_view(partner: &Partner) -> PartnerView {
    PartnerView {
        id: partner.id.get(),
        partnership_id: partner.partnership.get(),
        name: partner.name.as_str().to_owned(),
        sector: partner.sector.as_str().to_owned(),
        created_at: rfc3339(partner.created_at),
        archived_at: partner.archived_at.map(rfc3339),
    }
}

fn account_view(account: &Convenor) -> AccountView {
    AccountView {
        id: account.id.get(),
        email: account.email.as_str().to_owned(),
    }
}

fn dialogue_link(dialogue: &Dialogue, now: i64) -> DialogueLink {
    DialogueLink {
        id: dialogue.id.get(),
        title: dialogue.settings.title.as_str().to_owned(),
        is_open: dialogue.status_at(now) == model::DialogueStatus::Open,
        shared_with_partners: dialogue.shared_with_partners,
    }
}

fn detail(overview: &Overview, now: i64) -> PartnershipDetail {
    let partnership = &overview.partnership;
    PartnershipDetail {
        id: partnership.id.get(),
        name: partnership.name.as_str().to_owned(),
        purpose: partnership.purpose.as_str().to_owned(),
        created_at: rfc3339(partnership.created_at),
        your_role: overview.role.as_str().to_owned(),
        your_partners: your_partners(&overview.role),
        partners: overview.partners.iter().map(partner_view).collect(),
        convenors: overview.convenors.iter().map(account_view).collect(),
        dialogues: overview
            .dialogues
            .iter()
            .map(|dialogue| dialogue_link(dialogue, now))
            .collect(),
    }
}

/// Returns the stable name of an invitation's status.
pub fn status_name(status: InvitationStatus) -> &'static str {
    match status {
        InvitationStatus::Pending => "pending",
        InvitationStatus::Accepted => "accepted",
        InvitationStatus::Revoked => "revoked",
        InvitationStatus::Expired => "expired",
    }
}

fn invitation_view(invitation: &Invitation, now: i64) -> InvitationView {
    InvitationView {
        id: invitation.id.get(),
        partner_id: invitation.partner.get(),
        email: invitation
            .email
            .as_ref()
            .map(|email| email.as_str().to_owned()),
        status: status_name(invitation.status(now)).to_owned(),
        created_at: rfc3339(invitation.created_at),
        expires_at: rfc3339(invitation.expires_at),
        accepted_at: invitation.accepted_at.map(rfc3339),
        revoked_at: invitation.revoked_at.map(rfc3339),
    }
}

fn convenor_invitation_view(invitation: &ConvenorInvitation, now: i64) -> ConvenorInvitationView {
    ConvenorInvitationView {
        id: invitation.id.get(),
        partnership_id: invitation.place.get(),
        state: PlaceInvitationState::of(invitation, now),
    }
}

/// Returns the link an invitation token opens, whichever kind of invitation it is.
pub fn invitation_link(state: &AppState, token: &model::Token) -> String {
    state.site_url(&format!("/invite/{}", token.as_str()))
}

fn representative_view(representative: &Representative) -> RepresentativeView {
    RepresentativeView {
        account_id: representative.account.get(),
        email: representative.email.as_str().to_owned(),
        since: rfc3339(representative.since),
    }
}

/// Creates a partnership with the caller as its first convenor.
#[utoipa::path(
    post, path = "/api/partnerships", tag = "partnerships",
    request_body = CreatePartnershipRequest,
    responses(
        (status = 201, body = PartnershipDetail),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: an account that only speaks for partners", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiJson(body): ApiJson<CreatePartnershipRequest>,
) -> Result<(StatusCode, Json<PartnershipDetail>), ApiError> {
    let partnership =
        service::create_partnership(&state, &actor, &body.name, &body.purpose).await?;
    let overview = service::overview(&state, &actor, partnership.id).await?;
    Ok((StatusCode::CREATED, Json(detail(&overview, state.now_ms()))))
}

/// Lists the partnerships the caller convenes or speaks for a partner in (all of them for an
/// administrator).
#[utoipa::path(
    get, path = "/api/partnerships", tag = "partnerships",
    responses(
        (status = 200, body = [PartnershipSummary]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    actor: CurrentConvenor,
) -> Result<Json<Vec<PartnershipSummary>>, ApiError> {
    let listed = service::list_partnerships(&state, &actor).await?;
    Ok(Json(
        listed
            .iter()
            .map(|(partnership, role)| summary(partnership, role))
            .collect(),
    ))
}

/// Returns a partnership with its partners and the dialogues the caller may open.
#[utoipa::path(
    get, path = "/api/partnerships/{id}", tag = "partnerships",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = PartnershipDetail),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn get(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<PartnershipDetail>, ApiError> {
    Ok(Json(detail(
        &service::overview(&state, &actor, id).await?,
        state.now_ms(),
    )))
}

/// Renames a partnership or rewrites its purpose (its convenors).
#[utoipa::path(
    patch, path = "/api/partnerships/{id}", tag = "partnerships",
    params(("id" = i64, Path, description = "Partnership id")),
    request_body = UpdatePartnershipRequest,
    responses(
        (status = 200, body = PartnershipDetail),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<UpdatePartnershipRequest>,
) -> Result<Json<PartnershipDetail>, ApiError> {
    service::update_partnership(
        &state,
        &actor,
        id,
        body.name.as_deref(),
        body.purpose.as_deref(),
    )
    .await?;
    Ok(Json(detail(
        &service::overview(&state, &actor, id).await?,
        state.now_ms(),
    )))
}

/// Adds a partner organisation (the partnership's convenors).
#[utoipa::path(
    post, path = "/api/partnerships/{id}/partners", tag = "partnerships",
    params(("id" = i64, Path, description = "Partnership id")),
    request_body = CreatePartnerRequest,
    responses(
        (status = 201, body = PartnerView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn add_partner(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<CreatePartnerRequest>,
) -> Result<(StatusCode, Json<PartnerView>), ApiError> {
    let partner = service::add_partner(&state, &actor, id, &body.name, &body.sector).await?;
    Ok((StatusCode::CREATED, Json(partner_view(&partner))))
}

/// Lists a partnership's partners, archived ones included.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/partners", tag = "partnerships",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = [PartnerView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list_partners(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<PartnerView>>, ApiError> {
    let partners = service::list_partners(&state, &actor, id).await?;
    Ok(Json(partners.iter().map(partner_view).collect()))
}

/// Renames a partner or changes its sector (the partnership's convenors, or the partner's
/// own representatives).
#[utoipa::path(
    patch, path = "/api/partnerships/{id}/partners/{partner_id}", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("partner_id" = i64, Path, description = "Partner id"),
    ),
    request_body = UpdatePartnerRequest,
    responses(
        (status = 200, body = PartnerView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
        (status = 409, description = "`partner_archived`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn update_partner(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    ApiJson(body): ApiJson<UpdatePartnerRequest>,
) -> Result<Json<PartnerView>, ApiError> {
    let partner = service::update_partner(
        &state,
        &actor,
        id,
        partner,
        body.name.as_deref(),
        body.sector.as_deref(),
    )
    .await?;
    Ok(Json(partner_view(&partner)))
}

/// Removes a partner: deleted when it has no history, archived (never erased) when it has.
#[utoipa::path(
    delete, path = "/api/partnerships/{id}/partners/{partner_id}", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("partner_id" = i64, Path, description = "Partner id"),
    ),
    responses(
        (status = 200, body = PartnerRemoved),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn remove_partner(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
) -> Result<Json<PartnerRemoved>, ApiError> {
    let removed = match service::remove_partner(&state, &actor, id, partner).await? {
        PartnerRemoval::Deleted => PartnerRemoved {
            outcome: "deleted".to_owned(),
            partner: None,
        },
        PartnerRemoval::Archived(partner) => PartnerRemoved {
            outcome: "archived".to_owned(),
            partner: Some(partner_view(&partner)),
        },
    };
    Ok(Json(removed))
}

/// Lists a partnership's convenors (its convenors).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/convenors", tag = "partnerships",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = [AccountView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list_convenors(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<AccountView>>, ApiError> {
    let convenors = service::list_convenors(&state, &actor, id).await?;
    Ok(Json(convenors.iter().map(account_view).collect()))
}

/// Makes an existing convenor account a convenor of this partnership too.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/convenors", tag = "partnerships",
    params(("id" = i64, Path, description = "Partnership id")),
    request_body = AddConvenorRequest,
    responses(
        (status = 200, body = AccountView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`: no account has this address", body = ErrorBody),
        (status = 409, description = "`conflict`: the account may only speak for partners", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn add_convenor(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<AddConvenorRequest>,
) -> Result<Json<AccountView>, ApiError> {
    let account = service::add_convenor(&state, &actor, id, &body.email).await?;
    Ok(Json(account_view(&account)))
}

/// Ends a convenor's membership; the last convenor cannot leave.
#[utoipa::path(
    delete, path = "/api/partnerships/{id}/convenors/{convenor_id}", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("convenor_id" = i64, Path, description = "The convenor's account id"),
    ),
    responses(
        (status = 204, description = "No longer a convenor of the partnership"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the last convenor", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn remove_convenor(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, convenor)): ApiPath<(PartnershipId, ConvenorId)>,
) -> Result<StatusCode, ApiError> {
    service::remove_convenor(&state, &actor, id, convenor).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Makes a single-use link that lets a person speak for a partner (the partnership's
/// convenors). The link is in this answer only.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/partners/{partner_id}/invitations", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("partner_id" = i64, Path, description = "Partner id"),
    ),
    request_body = CreateInvitationRequest,
    responses(
        (status = 201, body = CreatedInvitation),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
        (status = 409, description = "`partner_archived`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn invite(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    ApiJson(body): ApiJson<CreateInvitationRequest>,
) -> Result<(StatusCode, Json<CreatedInvitation>), ApiError> {
    let (invitation, token) = service::invite_representative(
        &state,
        &actor,
        id,
        partner,
        body.email.as_deref(),
        body.expires_in_days,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedInvitation {
            invitation: invitation_view(&invitation, state.now_ms()),
            link: invitation_link(&state, &token),
            token: token.as_str().to_owned(),
        }),
    ))
}

/// Lists a partner's invitations with their status (the partnership's convenors).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/partners/{partner_id}/invitations", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("partner_id" = i64, Path, description = "Partner id"),
    ),
    responses(
        (status = 200, body = [InvitationView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list_invitations(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
) -> Result<Json<Vec<InvitationView>>, ApiError> {
    let invitations = service::list_invitations(&state, &actor, id, partner).await?;
    let now = state.now_ms();
    Ok(Json(
        invitations
            .iter()
            .map(|invitation| invitation_view(invitation, now))
            .collect(),
    ))
}

/// Revokes an invitation that has not been accepted.
#[utoipa::path(
    delete, path = "/api/partnerships/{id}/partners/{partner_id}/invitations/{invitation_id}", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("partner_id" = i64, Path, description = "Partner id"),
        ("invitation_id" = i64, Path, description = "Invitation id"),
    ),
    responses(
        (status = 200, body = InvitationView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
        (status = 409, description = "`invitation_used`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn revoke_invitation(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, partner, invitation)): ApiPath<(PartnershipId, PartnerId, InvitationId)>,
) -> Result<Json<InvitationView>, ApiError> {
    let invitation = service::revoke_invitation(&state, &actor, id, partner, invitation).await?;
    Ok(Json(invitation_view(&invitation, state.now_ms())))
}

/// Lists the people who speak for a partner (its convenors and its own representatives).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/partners/{partner_id}/representatives", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("partner_id" = i64, Path, description = "Partner id"),
    ),
    responses(
        (status = 200, body = [RepresentativeView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list_representatives(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
) -> Result<Json<Vec<RepresentativeView>>, ApiError> {
    let representatives = service::list_representatives(&state, &actor, id, partner).await?;
    Ok(Json(
        representatives.iter().map(representative_view).collect(),
    ))
}

/// Ends a person's right to speak for a partner: a convenor's decision, or their own.
#[utoipa::path(
    delete, path = "/api/partnerships/{id}/partners/{partner_id}/representatives/{account_id}", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("partner_id" = i64, Path, description = "Partner id"),
        ("account_id" = i64, Path, description = "The representative's account id"),
    ),
    responses(
        (status = 204, description = "They no longer speak for the partner"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn remove_representative(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, partner, account)): ApiPath<(PartnershipId, PartnerId, ConvenorId)>,
) -> Result<StatusCode, ApiError> {
    service::remove_representative(&state, &actor, id, partner, account).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Makes a single-use link that lets a person convene this partnership (its convenors): a
/// new person makes a convenor account with it, a signed-in account accepts it. The link is
/// in this answer only.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/convenor-invitations", tag = "partnerships",
    params(("id" = i64, Path, description = "Partnership id")),
    request_body = CreateInvitationRequest,
    responses(
        (status = 201, body = CreatedConvenorInvitation),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
        (status = 409, description = "`conflict`: the address already convenes the partnership", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn invite_convenor(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<CreateInvitationRequest>,
) -> Result<(StatusCode, Json<CreatedConvenorInvitation>), ApiError> {
    let (invitation, token) = service::invite_convenor(
        &state,
        &actor,
        id,
        body.email.as_deref(),
        body.expires_in_days,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedConvenorInvitation {
            invitation: convenor_invitation_view(&invitation, state.now_ms()),
            link: invitation_link(&state, &token),
            token: token.as_str().to_owned(),
        }),
    ))
}

/// Lists a partnership's invitations to convene it, with their status (its convenors).
#[utoipa::path(
    get, path = "/api/partnerships/{id}/convenor-invitations", tag = "partnerships",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = [ConvenorInvitationView]),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn list_convenor_invitations(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Vec<ConvenorInvitationView>>, ApiError> {
    let invitations = service::list_convenor_invitations(&state, &actor, id).await?;
    let now = state.now_ms();
    Ok(Json(
        invitations
            .iter()
            .map(|invitation| convenor_invitation_view(invitation, now))
            .collect(),
    ))
}

/// Revokes an invitation to convene that has not been accepted (the partnership's convenors).
#[utoipa::path(
    delete, path = "/api/partnerships/{id}/convenor-invitations/{invitation_id}", tag = "partnerships",
    params(
        ("id" = i64, Path, description = "Partnership id"),
        ("invitation_id" = i64, Path, description = "Invitation id"),
    ),
    responses(
        (status = 200, body = ConvenorInvitationView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`, `not_found`", body = ErrorBody),
        (status = 409, description = "`invitation_used`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn revoke_convenor_invitation(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath((id, invitation)): ApiPath<(PartnershipId, ConvenorInvitationId)>,
) -> Result<Json<ConvenorInvitationView>, ApiError> {
    let invitation = service::revoke_convenor_invitation(&state, &actor, id, invitation).await?;
    Ok(Json(convenor_invitation_view(&invitation, state.now_ms())))
}
