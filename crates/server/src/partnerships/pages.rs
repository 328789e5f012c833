//! The partnerships' pages: the signed-in home with the partnerships an account convenes or
//! speaks for a partner in, a partnership's page with its convenors and the invitations to
//! convene it, a partner's page with its representatives and invitations, and the forms that
//! change them. Every change goes through
//! [`super::service`]; every form carries the session's form token.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use model::{ConvenorInvitationId, DialogueId, InvitationId, PartnerId, PartnershipId, Sector};
use serde::Serialize;
use store::{Partner, PartnerRemoval};

use super::api::{invitation_link, status_name};
use super::service::{self, Overview};
use crate::auth::PartnershipRole;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::settlements::accountability::{self, document::PublicationState};
use crate::state::AppState;
use crate::time::rfc3339;
use crate::web::forms::FormData;
use crate::web::page_error::{PageError, sentence};
use crate::web::render::{Layout, page};
use crate::web::security::PageConvenor;
use crate::web::see_other;

/// The message a form shows for a refused change: the API's words as a sentence.
fn form_error(error: ApiError) -> Result<String, PageError> {
    match error {
        ApiError::Client { .. } => Ok(sentence(&error.to_string())),
        other => Err(other.into()),
    }
}

/// Returns a human name for a sector.
pub fn sector_label(sector: Sector) -> &'static str {
    match sector {
        Sector::Nhs => "NHS",
        Sector::LocalAuthority => "Local authority",
        Sector::Voluntary => "Voluntary sector",
        Sector::Community => "Community group",
        Sector::Business => "Business",
        Sector::Academic => "Academic",
        Sector::Public => "Public",
    }
}

#[derive(Serialize)]
struct SectorOption {
    value: &'static str,
    label: &'static str,
}

fn sector_options() -> Vec<SectorOption> {
    Sector::ALL
        .iter()
        .map(|&sector| SectorOption {
            value: sector.as_str(),
            label: sector_label(sector),
        })
        .collect()
}

#[derive(Serialize)]
struct DialogueLink {
    id: i64,
    title: String,
    is_closed: bool,
    is_shared: bool,
}

#[derive(Serialize)]
struct PartnershipCard {
    id: i64,
    name: String,
    purpose: String,
    role: &'static str,
    convenes: bool,
    /// For representatives: the names of the partners they speak for.
    speaks_for: Vec<String>,
    dialogues: Vec<DialogueLink>,
}

fn role_label(role: &PartnershipRole) -> &'static str {
    match role {
        PartnershipRole::Administrator => "Administrator",
        PartnershipRole::Convenor => "Convenor",
        PartnershipRole::Representative { .. } => "Partner representative",
    }
}

fn card(overview: &Overview, now: i64) -> PartnershipCard {
    let speaks_for = match &overview.role {
        PartnershipRole::Representative { partners } => overview
            .partners
            .iter()
            .filter(|partner| partners.contains(&partner.id))
            .map(|partner| partner.name.as_str().to_owned())
            .collect(),
        PartnershipRole::Administrator | PartnershipRole::Convenor => Vec::new(),
    };
    PartnershipCard {
        id: overview.partnership.id.get(),
        name: overview.partnership.name.as_str().to_owned(),
        purpose: overview.partnership.purpose.as_str().to_owned(),
        role: role_label(&overview.role),
        convenes: overview.role.convenes(),
        speaks_for,
        dialogues: overview
            .dialogues
            .iter()
            .map(|dialogue| DialogueLink {
                id: dialogue.id.get(),
                title: dialogue.settings.title.as_str().to_owned(),
                is_closed: dialogue.is_closed_at(now),
                is_shared: dialogue.shared_with_partners,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct DashboardContext {
    layout: Layout,
    partnerships: Vec<PartnershipCard>,
    may_create: bool,
    error: Option<String>,
    name: String,
    purpose: String,
}

async fn dashboard_context(
    state: &AppState,
    convenor: &PageConvenor,
    error: Option<String>,
    name: String,
    purpose: String,
) -> Result<DashboardContext, PageError> {
    let mut partnerships = Vec::new();
    for (partnership, _) in service::list_partnerships(state, &convenor.current).await? {
        let overview = service::overview(state, &convenor.current, partnership.id).await?;
        partnerships.push(card(&overview, state.now_ms()));
    }
    Ok(DashboardContext {
        layout: convenor.layout("Your partnerships"),
        partnerships,
        may_create: convenor.current.may_create_partnerships(),
        error,
        name,
        purpose,
    })
}

/// Answers `GET /convenor`: the partnerships this account convenes or speaks for a partner
/// in, with their dialogues.
pub async fn dashboard(
    State(state): State<AppState>,
    convenor: PageConvenor,
) -> Result<Response, PageError> {
    let context = dashboard_context(&state, &convenor, None, String::new(), String::new()).await?;
    Ok(page("dashboard.html", context)?.into_response())
}

/// Answers `POST /convenor/partnerships`: creates a partnership with this convenor as member.
pub async fn create_partnership(
    State(state): State<AppState>,
    convenor: PageConvenor,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let name = form.text("name").to_owned();
    let purpose = form.text("purpose").to_owned();
    match service::create_partnership(&state, &convenor.current, &name, &purpose).await {
        Ok(partnership) => Ok(see_other(&format!(
            "/convenor/partnerships/{}",
            partnership.id
        ))),
        Err(error) if error.code() == crate::error::ErrorCode::ValidationFailed => {
            let message = form_error(error)?;
            let context =
                dashboard_context(&state, &convenor, Some(message), name, purpose).await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page("dashboard.html", context)?,
            )
                .into_response())
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Serialize)]
struct PartnerRow {
    id: i64,
    name: String,
    sector: String,
    is_archived: bool,
    /// Whether the viewer may open the partner's page.
    may_open: bool,
}

#[derive(Serialize)]
struct PartnershipContext {
    layout: Layout,
    partnership: PartnershipCard,
    partners: Vec<PartnerRow>,
    members: Vec<String>,
    /// The invitations to convene, for convenors; empty for representatives.
    convenor_invitations: Vec<InvitationRow>,
    sectors: Vec<SectorOption>,
    error: Option<String>,
    member_error: Option<String>,
    invite_error: Option<String>,
    /// The link of an invitation to convene just made, shown once.
    new_link: Option<String>,
    notice: Option<&'static str>,
    /// Whether the outcomes page is published, for the convenors' form.
    outcomes: Option<PublicationState>,
}

/// What a partnership page shows beyond the partnership itself: the outcome of a form.
#[derive(Default)]
struct PartnershipPageInput {
    /// A refused new partner.
    error: Option<String>,
    /// A refused new convenor.
    member_error: Option<String>,
    /// A refused invitation to convene.
    invite_error: Option<String>,
    /// The link of an invitation to convene just made.
    new_link: Option<String>,
    /// What the last change did.
    notice: Option<&'static str>,
}

async fn partnership_context(
    state: &AppState,
    convenor: &PageConvenor,
    id: PartnershipId,
    input: PartnershipPageInput,
) -> Result<PartnershipContext, PageError> {
    let overview = service::overview(state, &convenor.current, id).await?;
    let convenor_invitations = if overview.role.convenes() {
        service::list_convenor_invitations(state, &convenor.current, id).await?
    } else {
        Vec::new()
    };
    let outcomes = if overview.role.convenes() {
        Some(accountability::service::publication(state, &convenor.current, id).await?)
    } else {
        None
    };
    let now = state.now_ms();
    Ok(PartnershipContext {
        layout: convenor.layout(overview.partnership.name.as_str()),
        partnership: card(&overview, state.now_ms()),
        partners: overview
            .partners
            .iter()
            .map(|partner| PartnerRow {
                id: partner.id.get(),
                name: partner.name.as_str().to_owned(),
                sector: sector_label(partner.sector).to_owned(),
                is_archived: partner.archived_at.is_some(),
                may_open: overview.role.speaks_for(partner.id),
            })
            .collect(),
        members: overview
            .convenors
            .iter()
            .map(|member| member.email.as_str().to_owned())
            .collect(),
        convenor_invitations: convenor_invitations
            .iter()
            .map(|invitation| {
                invitation_row(
                    invitation.id.get(),
                    invitation.email.as_ref(),
                    invitation.status(now),
                    invitation.expires_at,
                )
            })
            .collect(),
        sectors: sector_options(),
        error: input.error,
        member_error: input.member_error,
        invite_error: input.invite_error,
        new_link: input.new_link,
        notice: input.notice,
        outcomes,
    })
}

/// Renders a partnership page with the outcome of a form, answering with `status`.
async fn partnership_response(
    state: &AppState,
    convenor: &PageConvenor,
    id: PartnershipId,
    status: StatusCode,
    input: PartnershipPageInput,
) -> Result<Response, PageError> {
    let context = partnership_context(state, convenor, id, input).await?;
    Ok((status, page("partnership.html", context)?).into_response())
}

/// Answers `GET /convenor/partnerships/{pid}`: the whole partnership for its convenors; its
/// partners and the dialogues shared with them for its partners' representatives.
pub async fn partnership_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Result<Response, PageError> {
    let notice = match query.as_deref() {
        Some("notice=invitation-revoked") => Some("The invitation to convene was revoked."),
        _ => None,
    };
    let input = PartnershipPageInput {
        notice,
        ..PartnershipPageInput::default()
    };
    partnership_response(&state, &convenor, id, StatusCode::OK, input).await
}

/// Answers `POST /convenor/partnerships/{pid}/partners`: adds a partner organisation.
pub async fn add_partner(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let sector = form.text("sector");
    let result = if sector.is_empty() {
        Err(ApiError::validation("choose the partner's sector"))
    } else {
        service::add_partner(&state, &convenor.current, id, form.text("name"), sector).await
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/convenor/partnerships/{id}"))),
        Err(error) if error.code() == crate::error::ErrorCode::ValidationFailed => {
            let input = PartnershipPageInput {
                error: Some(form_error(error)?),
                ..PartnershipPageInput::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            partnership_response(&state, &convenor, id, status, input).await
        }
        Err(error) => Err(error.into()),
    }
}

/// Answers `POST /convenor/partnerships/{pid}/convenors`: makes an existing convenor account
/// a convenor of this partnership too.
pub async fn add_convenor(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    match service::add_convenor(&state, &convenor.current, id, form.text("email")).await {
        Ok(_) => Ok(see_other(&format!("/convenor/partnerships/{id}"))),
        Err(error @ ApiError::Client { .. }) if error.code().status().as_u16() != 403 => {
            let status = error.code().status();
            let input = PartnershipPageInput {
                member_error: Some(form_error(error)?),
                ..PartnershipPageInput::default()
            };
            partnership_response(&state, &convenor, id, status, input).await
        }
        Err(error) => Err(error.into()),
    }
}

/// Reads the number of days an invitation form asks for: blank is the default, anything
/// that is not a number is refused by the service as out of range.
fn form_days(form: &FormData) -> Option<u32> {
    match form.text("days") {
        "" => None,
        text => Some(text.parse::<u32>().unwrap_or(0)),
    }
}

/// Answers `POST /convenor/partnerships/{pid}/convenor-invitations`: makes a single-use link
/// inviting someone to convene the partnership, and shows it once.
pub async fn invite_convenor(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let email = Some(form.text("email")).filter(|text| !text.is_empty());
    let days = form_days(&form);
    match service::invite_convenor(&state, &convenor.current, id, email, days).await {
        Ok((_, token)) => {
            let input = PartnershipPageInput {
                new_link: Some(invitation_link(&state, &token)),
                ..PartnershipPageInput::default()
            };
            partnership_response(&state, &convenor, id, StatusCode::CREATED, input).await
        }
        Err(error @ ApiError::Client { .. }) if error.code().status().as_u16() != 403 => {
            let status = error.code().status();
            let input = PartnershipPageInput {
                invite_error: Some(form_error(error)?),
                ..PartnershipPageInput::default()
            };
            partnership_response(&state, &convenor, id, status, input).await
        }
        Err(error) => Err(error.into()),
    }
}

/// Answers `POST /convenor/partnerships/{pid}/convenor-invitations/{invitation_id}/revoke`.
pub async fn revoke_convenor_invitation(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath((id, invitation)): ApiPath<(PartnershipId, ConvenorInvitationId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::revoke_convenor_invitation(&state, &convenor.current, id, invitation).await?;
    Ok(see_other(&format!(
        "/convenor/partnerships/{id}?notice=invitation-revoked"
    )))
}

/// Answers `POST /convenor/dialogues/{id}/sharing`: shares a dialogue's report with the
/// partnership's partners (`share=yes`), or stops sharing it.
pub async fn share_dialogue(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let shared = form.text("share") == "yes";
    let dialogue = service::share_dialogue(&state, &convenor.current, id, shared).await?;
    Ok(see_other(&format!(
        "/convenor/partnerships/{}",
        dialogue.partnership
    )))
}

#[derive(Serialize)]
struct RepresentativeRow {
    account_id: i64,
    email: String,
    since: String,
    is_you: bool,
}

#[derive(Serialize)]
struct InvitationRow {
    id: i64,
    email: Option<String>,
    status: &'static str,
    is_pending: bool,
    expires_at: String,
}

#[derive(Serialize)]
struct PartnerContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    partner: PartnerRow,
    sectors: Vec<SectorOption>,
    convenes: bool,
    representatives: Vec<RepresentativeRow>,
    invitations: Vec<InvitationRow>,
    /// The link of an invitation just made, shown once.
    new_link: Option<String>,
    error: Option<String>,
    notice: Option<&'static str>,
}

/// A row of an invitations table, for either kind of invitation.
fn invitation_row(
    id: i64,
    email: Option<&model::Email>,
    status: store::InvitationStatus,
    expires_at: i64,
) -> InvitationRow {
    InvitationRow {
        id,
        email: email.map(|email| email.as_str().to_owned()),
        status: status_name(status),
        is_pending: status == store::InvitationStatus::Pending,
        expires_at: rfc3339(expires_at),
    }
}

struct PartnerPageInput {
    new_link: Option<String>,
    error: Option<String>,
    notice: Option<&'static str>,
}

async fn partner_context(
    state: &AppState,
    convenor: &PageConvenor,
    id: PartnershipId,
    partner: &Partner,
    input: PartnerPageInput,
) -> Result<PartnerContext, PageError> {
    let actor = &convenor.current;
    let overview = service::overview(state, actor, id).await?;
    let convenes = overview.role.convenes();
    let representatives = service::list_representatives(state, actor, id, partner.id).await?;
    let invitations = if convenes {
        service::list_invitations(state, actor, id, partner.id).await?
    } else {
        Vec::new()
    };
    let now = state.now_ms();
    Ok(PartnerContext {
        layout: convenor.layout(partner.name.as_str()),
        partnership_id: id.get(),
        partnership_name: overview.partnership.name.as_str().to_owned(),
        partner: PartnerRow {
            id: partner.id.get(),
            name: partner.name.as_str().to_owned(),
            sector: sector_label(partner.sector).to_owned(),
            is_archived: partner.archived_at.is_some(),
            may_open: true,
        },
        sectors: sector_options(),
        convenes,
        representatives: representatives
            .iter()
            .map(|representative| RepresentativeRow {
                account_id: representative.account.get(),
                email: representative.email.as_str().to_owned(),
                since: rfc3339(representative.since),
                is_you: representative.account == actor.convenor.id,
            })
            .collect(),
        invitations: invitations
            .iter()
            .map(|invitation| {
                invitation_row(
                    invitation.id.get(),
                    invitation.email.as_ref(),
                    invitation.status(now),
                    invitation.expires_at,
                )
            })
            .collect(),
        new_link: input.new_link,
        error: input.error,
        notice: input.notice,
    })
}

async fn render_partner_page(
    state: &AppState,
    convenor: &PageConvenor,
    id: PartnershipId,
    partner: PartnerId,
    input: PartnerPageInput,
) -> Result<axum::response::Html<String>, PageError> {
    let (found, _) = convenor.current.speak_for(state, id, partner).await?;
    let context = partner_context(state, convenor, id, &found, input).await?;
    page("partner.html", context)
}

/// Answers `GET /convenor/partnerships/{pid}/partners/{partner_id}`: a partner with the
/// people who speak for it and, for convenors, its invitations.
pub async fn partner_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Result<Response, PageError> {
    let notice = match query.as_deref() {
        Some("notice=revoked") => Some("The invitation was revoked."),
        Some("notice=saved") => Some("The partner's details were saved."),
        Some("notice=left") => Some("The representative no longer speaks for this partner."),
        _ => None,
    };
    let input = PartnerPageInput {
        new_link: None,
        error: None,
        notice,
    };
    Ok(render_partner_page(&state, &convenor, id, partner, input)
        .await?
        .into_response())
}

/// Answers `POST /convenor/partnerships/{pid}/partners/{partner_id}`: renames the partner or
/// changes its sector (its convenors, or its own representatives).
pub async fn update_partner(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let name = Some(form.text("name")).filter(|text| !text.is_empty());
    let sector = Some(form.text("sector")).filter(|text| !text.is_empty());
    match service::update_partner(&state, &convenor.current, id, partner, name, sector).await {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/partnerships/{id}/partners/{partner}?notice=saved"
        ))),
        Err(error) if error.code() == crate::error::ErrorCode::ValidationFailed => {
            let input = PartnerPageInput {
                new_link: None,
                error: Some(form_error(error)?),
                notice: None,
            };
            let body = render_partner_page(&state, &convenor, id, partner, input).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// Answers `POST /convenor/partnerships/{pid}/partners/{partner_id}/invitations`: makes a
/// single-use invitation link and shows it once.
pub async fn invite(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let days = form_days(&form);
    let email = Some(form.text("email")).filter(|text| !text.is_empty());
    let result =
        service::invite_representative(&state, &convenor.current, id, partner, email, days).await;
    let (status, input) = match result {
        Ok((_, token)) => (
            StatusCode::CREATED,
            PartnerPageInput {
                new_link: Some(invitation_link(&state, &token)),
                error: None,
                notice: None,
            },
        ),
        Err(error) if error.code() == crate::error::ErrorCode::ValidationFailed => (
            StatusCode::UNPROCESSABLE_ENTITY,
            PartnerPageInput {
                new_link: None,
                error: Some(form_error(error)?),
                notice: None,
            },
        ),
        Err(error) => return Err(error.into()),
    };
    let body = render_partner_page(&state, &convenor, id, partner, input).await?;
    Ok((status, body).into_response())
}

/// Answers `POST /convenor/partnerships/{pid}/partners/{partner_id}/invitations/{invitation_id}/revoke`.
pub async fn revoke_invitation(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath((id, partner, invitation)): ApiPath<(PartnershipId, PartnerId, InvitationId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::revoke_invitation(&state, &convenor.current, id, partner, invitation).await?;
    Ok(see_other(&format!(
        "/convenor/partnerships/{id}/partners/{partner}?notice=revoked"
    )))
}

/// Answers `POST /convenor/partnerships/{pid}/partners/{partner_id}/representatives/{account_id}/remove`:
/// a convenor ends someone's right to speak for the partner, or a representative their own.
pub async fn remove_representative(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath((id, partner, account)): ApiPath<(PartnershipId, PartnerId, model::ConvenorId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::remove_representative(&state, &convenor.current, id, partner, account).await?;
    if account == convenor.current.convenor.id {
        return Ok(see_other("/convenor"));
    }
    Ok(see_other(&format!(
        "/convenor/partnerships/{id}/partners/{partner}?notice=left"
    )))
}

/// Answers `POST /convenor/partnerships/{pid}/partners/{partner_id}/remove`: deletes a
/// partner without history, archives one with history.
pub async fn remove_partner(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    match service::remove_partner(&state, &convenor.current, id, partner).await? {
        PartnerRemoval::Deleted | PartnerRemoval::Archived(_) => {
            Ok(see_other(&format!("/convenor/partnerships/{id}")))
        }
    }
}
