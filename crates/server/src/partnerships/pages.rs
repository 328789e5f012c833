//! The partnerships' pages: the signed-in home with the partnerships an account convenes or
//! speaks for a partner in, a partnership's page with its convenors and the invitations to
//! convene it, a partner's page with its representatives and invitations, and the forms that
//! change them. Every change goes through
//! [`super::service`]; every form carries the session's form token.
//!
//! A partner's representatives work in these pages as well as its convenors, so they are
//! translated into the representatives' languages
//! ([`REPRESENTATIVE_LANGUAGES`](crate::web::language::REPRESENTATIVE_LANGUAGES)), with their
//! strings in the `representative` catalogue; names people typed stay as they typed them.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use model::{
    ConvenorInvitationId, DialogueId, Email, InvitationId, PartnerId, PartnerName, PartnershipId,
    PartnershipName, Purpose, Sector,
};
use serde::Serialize;
use store::{Partner, PartnerRemoval};

use super::api::invitation_link;
use super::service::{self, Overview};
use crate::auth::PartnershipRole;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::settlements::accountability::{self, document::PublicationState};
use crate::state::AppState;
use crate::time::rfc3339;
use crate::trust::pages::sector_key;
use crate::views::refused_email;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, said_in};
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor};
use crate::web::see_other;

/// The message a form shows for a refused change: the service's refusal as a sentence, in
/// the page's language.
fn form_error(language: Language, error: ApiError) -> Result<String, PageError> {
    match error {
        ApiError::Client { .. } => Ok(said_in(language, &error)),
        other => Err(other.into()),
    }
}

/// Checks a partner's name and sector as the forms send them (`None`: not changed), refusing
/// them as the service will; the service checks them again.
fn partner_refusal(name: Option<&str>, sector: Option<&str>) -> Option<ApiError> {
    if let Some(Err(error)) = name.map(PartnerName::parse) {
        return Some(ApiError::from(error));
    }
    match sector {
        Some("") => Some(ApiError::invalid("partner-refused-no-sector", &[])),
        Some(word) => service::parse_sector(word).err(),
        None => None,
    }
}

/// Returns the sector's name in the page's language.
fn sector_name(language: Language, sector: Sector) -> String {
    text(language, sector_key(sector), &[])
}

/// Returns the value of the one-off `notice` parameter of a page's query.
fn notice_in(query: Option<&str>) -> Option<&str> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find_map(|(name, value)| (name == "notice").then_some(value))
}

/// Returns a human name for a sector, in English, for the pages not yet translated.
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
    label: String,
}

fn sector_options(language: Language) -> Vec<SectorOption> {
    Sector::ALL
        .iter()
        .map(|&sector| SectorOption {
            value: sector.as_str(),
            label: sector_name(language, sector),
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
    /// The account's role, with the partners it speaks for: "Partner representative for …".
    role: String,
    convenes: bool,
    /// For representatives: the names of the partners they speak for.
    speaks_for: Vec<String>,
    dialogues: Vec<DialogueLink>,
}

fn role_label(language: Language, role: &PartnershipRole, speaks_for: &[String]) -> String {
    match role {
        PartnershipRole::Administrator => text(language, "partnerships-role-administrator", &[]),
        PartnershipRole::Convenor => text(language, "partnerships-role-convenor", &[]),
        PartnershipRole::Representative { .. } => text(
            language,
            "partnerships-role-representative",
            &[("partners", speaks_for.join(", ").into())],
        ),
    }
}

fn card(language: Language, overview: &Overview, now: i64) -> PartnershipCard {
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
        role: role_label(language, &overview.role, &speaks_for),
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
    /// The dialogues the account moderates or facilitates, with the links to that work.
    helping: Vec<HelpedDialogue>,
    may_create: bool,
    error: Option<String>,
    name: String,
    purpose: String,
}

/// A dialogue the account moderates or facilitates without convening it.
#[derive(Serialize)]
struct HelpedDialogue {
    id: i64,
    title: String,
    moderates: bool,
    facilitates: bool,
}

/// The dialogues an account moderates or facilitates, in id order, each once.
async fn helped_dialogues(
    state: &AppState,
    account: model::ConvenorId,
) -> Result<Vec<HelpedDialogue>, PageError> {
    let store = state.store();
    let moderated = store.moderated_dialogues(account).await?;
    let facilitated = store.facilitated_dialogues(account).await?;
    let mut ids: Vec<_> = moderated.iter().chain(&facilitated).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut helped = Vec::new();
    for id in ids {
        let dialogue = store.get_dialogue(id).await?;
        helped.push(HelpedDialogue {
            id: id.get(),
            title: dialogue.settings.title.as_str().to_owned(),
            moderates: moderated.contains(&id),
            facilitates: facilitated.contains(&id),
        });
    }
    Ok(helped)
}

async fn dashboard_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    error: Option<String>,
    name: String,
    purpose: String,
) -> Result<DashboardContext, PageError> {
    let mut partnerships = Vec::new();
    for (partnership, _) in service::list_partnerships(state, &convenor.current).await? {
        let overview = service::overview(state, &convenor.current, partnership.id).await?;
        partnerships.push(card(asked.language, &overview, state.now_ms()));
    }
    Ok(DashboardContext {
        layout: asked.layout(convenor, asked.text("partnerships-title", &[])),
        partnerships,
        helping: helped_dialogues(state, convenor.current.convenor.id).await?,
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
    language: Language,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let context =
        dashboard_context(&state, &convenor, asked, None, String::new(), String::new()).await?;
    Ok(page("dashboard.html", context)?.into_response())
}

/// Answers `POST /convenor/partnerships`: creates a partnership with this convenor as member.
pub async fn create_partnership(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let asked = Asked::posted(language, "/convenor");
    let name = form.text("name").to_owned();
    let purpose = form.text("purpose").to_owned();
    let refusal = match (PartnershipName::parse(&name), Purpose::parse(&purpose)) {
        (Err(error), _) | (_, Err(error)) => Some(ApiError::from(error)),
        _ => None,
    };
    if !convenor.current.may_create_partnerships() {
        return Err(PageError::new(
            StatusCode::FORBIDDEN,
            said_in(asked.language, &service::may_not_create()),
        ));
    }
    let result = match refusal {
        Some(refused) => Err(refused),
        None => service::create_partnership(&state, &convenor.current, &name, &purpose).await,
    };
    match result {
        Ok(partnership) => Ok(see_other(&format!(
            "/convenor/partnerships/{}",
            partnership.id
        ))),
        Err(error) if error.code() == crate::error::ErrorCode::ValidationFailed => {
            let message = form_error(asked.language, error)?;
            let context =
                dashboard_context(&state, &convenor, asked, Some(message), name, purpose).await?;
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
    /// The sector's name in the page's language.
    sector: String,
    /// The sector as the form sends it.
    sector_value: &'static str,
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
    notice: Option<String>,
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
    notice: Option<String>,
}

async fn partnership_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: PartnershipId,
    input: PartnershipPageInput,
) -> Result<PartnershipContext, PageError> {
    let language = asked.language;
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
        layout: asked.layout(convenor, overview.partnership.name.as_str().to_owned()),
        partnership: card(language, &overview, state.now_ms()),
        partners: overview
            .partners
            .iter()
            .map(|partner| PartnerRow {
                id: partner.id.get(),
                name: partner.name.as_str().to_owned(),
                sector: sector_name(language, partner.sector),
                sector_value: partner.sector.as_str(),
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
                    language,
                    invitation.id.get(),
                    invitation.email.as_ref(),
                    invitation.status(now),
                    invitation.expires_at,
                )
            })
            .collect(),
        sectors: sector_options(language),
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
    asked: Asked<'_>,
    id: PartnershipId,
    status: StatusCode,
    input: PartnershipPageInput,
) -> Result<Response, PageError> {
    let context = partnership_context(state, convenor, asked, id, input).await?;
    Ok((status, page("partnership.html", context)?).into_response())
}

/// Answers `GET /convenor/partnerships/{pid}`: the whole partnership for its convenors; its
/// partners and the dialogues shared with them for its partners' representatives.
pub async fn partnership_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let notice = match notice_in(query.as_deref()) {
        Some("invitation-revoked") => {
            Some(asked.text("partnership-notice-invitation-revoked", &[]))
        }
        _ => None,
    };
    let input = PartnershipPageInput {
        notice,
        ..PartnershipPageInput::default()
    };
    partnership_response(&state, &convenor, asked, id, StatusCode::OK, input).await
}

/// The address of a partnership's page, which its forms' answers are read at.
fn partnership_path(id: PartnershipId) -> String {
    format!("/convenor/partnerships/{id}")
}

/// Answers `POST /convenor/partnerships/{pid}/partners`: adds a partner organisation.
pub async fn add_partner(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = partnership_path(id);
    let asked = Asked::posted(language, &path);
    let name = form.text("name");
    let sector = form.text("sector");
    let result = match partner_refusal(Some(name), Some(sector)) {
        Some(refused) => Err(refused),
        None => service::add_partner(&state, &convenor.current, id, name, sector).await,
    };
    match result {
        Ok(_) => Ok(see_other(&path)),
        Err(error) if error.code() == crate::error::ErrorCode::ValidationFailed => {
            let input = PartnershipPageInput {
                error: Some(form_error(asked.language, error)?),
                ..PartnershipPageInput::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            partnership_response(&state, &convenor, asked, id, status, input).await
        }
        Err(error) => Err(error.into()),
    }
}

/// Answers `POST /convenor/partnerships/{pid}/convenors`: makes an existing convenor account
/// a convenor of this partnership too.
pub async fn add_convenor(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = partnership_path(id);
    let asked = Asked::posted(language, &path);
    let result = match Email::parse(form.text("email")) {
        Err(error) => Err(refused_email(&error)),
        Ok(_) => service::add_convenor(&state, &convenor.current, id, form.text("email")).await,
    };
    match result {
        Ok(_) => Ok(see_other(&path)),
        Err(error @ ApiError::Client { .. }) if error.code().status().as_u16() != 403 => {
            let status = error.code().status();
            let input = PartnershipPageInput {
                member_error: Some(form_error(asked.language, error)?),
                ..PartnershipPageInput::default()
            };
            partnership_response(&state, &convenor, asked, id, status, input).await
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

/// Checks an invitation form's address (blank: anyone with the link) and days, refusing them
/// as the service will.
fn invitation_refusal(email: Option<&str>, days: Option<u32>) -> Option<ApiError> {
    if let Some(Err(error)) = email.map(Email::parse) {
        return Some(refused_email(&error));
    }
    service::refused_days(days)
}

/// Answers `POST /convenor/partnerships/{pid}/convenor-invitations`: makes a single-use link
/// inviting someone to convene the partnership, and shows it once.
pub async fn invite_convenor(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = partnership_path(id);
    let asked = Asked::posted(language, &path);
    let email = Some(form.text("email")).filter(|text| !text.trim().is_empty());
    let days = form_days(&form);
    let result = match invitation_refusal(email, days) {
        Some(refused) => Err(refused),
        None => service::invite_convenor(&state, &convenor.current, id, email, days).await,
    };
    match result {
        Ok((_, token)) => {
            let input = PartnershipPageInput {
                new_link: Some(invitation_link(&state, &token)),
                ..PartnershipPageInput::default()
            };
            partnership_response(&state, &convenor, asked, id, StatusCode::CREATED, input).await
        }
        Err(error @ ApiError::Client { .. }) if error.code().status().as_u16() != 403 => {
            let status = error.code().status();
            let input = PartnershipPageInput {
                invite_error: Some(form_error(asked.language, error)?),
                ..PartnershipPageInput::default()
            };
            partnership_response(&state, &convenor, asked, id, status, input).await
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
    /// The status in the page's language.
    status: String,
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
    notice: Option<String>,
}

/// The message naming an invitation's status.
fn invitation_status_key(status: store::InvitationStatus) -> &'static str {
    match status {
        store::InvitationStatus::Pending => "invitations-status-pending",
        store::InvitationStatus::Accepted => "invitations-status-accepted",
        store::InvitationStatus::Revoked => "invitations-status-revoked",
        store::InvitationStatus::Expired => "invitations-status-expired",
    }
}

/// A row of an invitations table, for either kind of invitation.
fn invitation_row(
    language: Language,
    id: i64,
    email: Option<&model::Email>,
    status: store::InvitationStatus,
    expires_at: i64,
) -> InvitationRow {
    InvitationRow {
        id,
        email: email.map(|email| email.as_str().to_owned()),
        status: text(language, invitation_status_key(status), &[]),
        is_pending: status == store::InvitationStatus::Pending,
        expires_at: rfc3339(expires_at),
    }
}

struct PartnerPageInput {
    new_link: Option<String>,
    error: Option<String>,
    notice: Option<String>,
}

async fn partner_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
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
    let language = asked.language;
    Ok(PartnerContext {
        layout: asked.layout(convenor, partner.name.as_str().to_owned()),
        partnership_id: id.get(),
        partnership_name: overview.partnership.name.as_str().to_owned(),
        partner: PartnerRow {
            id: partner.id.get(),
            name: partner.name.as_str().to_owned(),
            sector: sector_name(language, partner.sector),
            sector_value: partner.sector.as_str(),
            is_archived: partner.archived_at.is_some(),
            may_open: true,
        },
        sectors: sector_options(language),
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
                    language,
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
    asked: Asked<'_>,
    id: PartnershipId,
    partner: PartnerId,
    input: PartnerPageInput,
) -> Result<axum::response::Html<String>, PageError> {
    let (found, _) = convenor.current.speak_for(state, id, partner).await?;
    let context = partner_context(state, convenor, asked, id, &found, input).await?;
    page("partner.html", context)
}

/// Answers `GET /convenor/partnerships/{pid}/partners/{partner_id}`: a partner with the
/// people who speak for it and, for convenors, its invitations.
pub async fn partner_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let key = match notice_in(query.as_deref()) {
        Some("revoked") => Some("partner-notice-revoked"),
        Some("saved") => Some("partner-notice-saved"),
        Some("left") => Some("partner-notice-left"),
        _ => None,
    };
    let input = PartnerPageInput {
        new_link: None,
        error: None,
        notice: key.map(|key| asked.text(key, &[])),
    };
    Ok(
        render_partner_page(&state, &convenor, asked, id, partner, input)
            .await?
            .into_response(),
    )
}

/// The address of a partner's page, which its forms' answers are read at.
fn partner_path(id: PartnershipId, partner: PartnerId) -> String {
    format!("/convenor/partnerships/{id}/partners/{partner}")
}

/// Answers `POST /convenor/partnerships/{pid}/partners/{partner_id}`: renames the partner or
/// changes its sector (its convenors, or its own representatives).
pub async fn update_partner(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = partner_path(id, partner);
    let asked = Asked::posted(language, &path);
    let name = Some(form.text("name")).filter(|text| !text.is_empty());
    let sector = Some(form.text("sector")).filter(|text| !text.is_empty());
    let result = match partner_refusal(name, sector) {
        Some(refused) => Err(refused),
        None => service::update_partner(&state, &convenor.current, id, partner, name, sector).await,
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/partnerships/{id}/partners/{partner}?notice=saved"
        ))),
        Err(error) if error.code() == crate::error::ErrorCode::ValidationFailed => {
            let input = PartnerPageInput {
                new_link: None,
                error: Some(form_error(asked.language, error)?),
                notice: None,
            };
            let body = render_partner_page(&state, &convenor, asked, id, partner, input).await?;
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
    language: Language,
    ApiPath((id, partner)): ApiPath<(PartnershipId, PartnerId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = partner_path(id, partner);
    let asked = Asked::posted(language, &path);
    let days = form_days(&form);
    let email = Some(form.text("email")).filter(|text| !text.trim().is_empty());
    let result = match invitation_refusal(email, days) {
        Some(refused) => Err(refused),
        None => {
            service::invite_representative(&state, &convenor.current, id, partner, email, days)
                .await
        }
    };
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
                error: Some(form_error(asked.language, error)?),
                notice: None,
            },
        ),
        Err(error) => return Err(error.into()),
    };
    let body = render_partner_page(&state, &convenor, asked, id, partner, input).await?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::page_error::sentence;

    #[test]
    fn refused_texts_read_in_english_as_the_model_words_them() {
        let refused = [
            "",
            &"N".repeat(201),
            "Carers\u{7}",
            "Carers \u{202E}",
            "\u{200B}",
        ];
        for raw in refused {
            let error = PartnerName::parse(raw).expect_err("the name is refused");
            let said = partner_refusal(Some(raw), None).expect("the form is refused");
            assert_eq!(said.to_string(), error.to_string());
            assert_eq!(
                said_in(Language::English, &said),
                sentence(&error.to_string())
            );
            assert!(!said_in(Language::Welsh, &said).contains("Partner name"));
        }
        let error = Purpose::parse(&"p".repeat(2001)).expect_err("the purpose is too long");
        assert_eq!(
            said_in(Language::English, &ApiError::from(error.clone())),
            sentence(&error.to_string())
        );
    }

    #[test]
    fn refused_sectors_read_in_english_as_the_service_words_them() {
        let unknown = partner_refusal(None, Some("charity")).expect("the sector is refused");
        assert_eq!(unknown.to_string(), "unknown sector \"charity\"");
        assert_eq!(
            said_in(Language::Welsh, &unknown),
            "Sector anhysbys \"charity\"."
        );
        let missing = partner_refusal(None, Some("")).expect("a sector is needed");
        assert_eq!(
            said_in(Language::English, &missing),
            "Choose the partner's sector."
        );
        assert!(partner_refusal(Some("Northvale Carers"), Some("voluntary")).is_none());
    }

    #[test]
    fn refused_invitations_read_in_english_as_the_service_words_them() {
        let said =
            |refused: Option<ApiError>, language| refused.map(|error| said_in(language, &error));
        let too_long = invitation_refusal(None, Some(91)).expect("91 days is too long");
        assert_eq!(
            too_long.to_string(),
            "an invitation is valid for 1 to 90 days"
        );
        assert_eq!(
            said(Some(too_long), Language::English),
            Some("An invitation is valid for 1 to 90 days.".to_owned())
        );
        assert_eq!(
            said(invitation_refusal(Some("nobody"), None), Language::English),
            Some("Email address is not of the form name@domain.".to_owned())
        );
        assert_eq!(
            said(invitation_refusal(None, Some(0)), Language::Welsh),
            Some("Gall gwahoddiad fod yn ddilys am 1 i 90 diwrnod.".to_owned())
        );
        assert!(invitation_refusal(None, None).is_none());
    }

    #[test]
    fn only_known_notices_are_read() {
        assert_eq!(notice_in(Some("lang=cy&notice=saved")), Some("saved"));
        assert_eq!(notice_in(Some("lang=cy")), None);
        assert_eq!(notice_in(None), None);
    }
}
