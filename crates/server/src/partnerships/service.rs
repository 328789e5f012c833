//! Every operation on partnerships, their partners, their convenors and the people who speak
//! for partners: authorised, validated and stored here once, for the JSON API and the pages.

use model::{
    ConvenorId, ConvenorInvitationId, DialogueId, Email, InvitationId, PartnerId, PartnerName,
    PartnershipId, PartnershipName, Purpose, Sector, Token,
};
use store::{
    Convenor, ConvenorInvitation, Dialogue, Invitation, NewConvenorInvitation, NewInvitation,
    NewPartner, NewPartnership, Partner, PartnerRemoval, PartnerUpdate, Partnership,
    PartnershipUpdate, Representative,
};

use crate::auth::{CurrentConvenor, PartnershipRole};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;
use crate::views::validated;

/// How long an invitation link stays valid when the convenor does not say.
pub const DEFAULT_INVITATION_DAYS: u32 = 14;

/// The longest an invitation link may stay valid.
pub const MAX_INVITATION_DAYS: u32 = 90;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A partnership as one account sees it.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The partnership.
    pub partnership: Partnership,
    /// What the account is to it.
    pub role: PartnershipRole,
    /// Its partners, archived ones included.
    pub partners: Vec<Partner>,
    /// Its convenors (shown to convenors only; empty for representatives).
    pub convenors: Vec<Convenor>,
    /// Its dialogues the account may open: every one for convenors, those shared with
    /// partners for representatives.
    pub dialogues: Vec<Dialogue>,
}

/// Creates a partnership with the caller as its first convenor, in one transaction.
pub async fn create_partnership(
    state: &AppState,
    actor: &CurrentConvenor,
    name: &str,
    purpose: &str,
) -> Result<Partnership, ApiError> {
    if !actor.may_create_partnerships() {
        return Err(may_not_create());
    }
    let name = validated(PartnershipName::parse(name))?;
    let purpose = validated(Purpose::parse(purpose))?;
    Ok(state
        .store()
        .create_partnership(NewPartnership {
            name,
            purpose,
            created_at: state.now_ms(),
            convenor: Some(actor.convenor.id),
        })
        .await?)
}

/// Lists the partnerships the caller convenes or speaks for a partner in (every one for an
/// administrator), in id order, with the caller's role in each.
pub async fn list_partnerships(
    state: &AppState,
    actor: &CurrentConvenor,
) -> Result<Vec<(Partnership, PartnershipRole)>, ApiError> {
    let store = state.store();
    if actor.convenor.is_admin {
        return Ok(store
            .list_partnerships()
            .await?
            .into_iter()
            .map(|partnership| (partnership, PartnershipRole::Administrator))
            .collect());
    }
    let mut listed: Vec<(Partnership, PartnershipRole)> = store
        .list_convenor_partnerships(actor.convenor.id)
        .await?
        .into_iter()
        .map(|partnership| (partnership, PartnershipRole::Convenor))
        .collect();
    for partner in store.list_account_partners(actor.convenor.id).await? {
        if let Some((_, PartnershipRole::Representative { partners })) = listed
            .iter_mut()
            .find(|(partnership, _)| partnership.id == partner.partnership)
        {
            partners.push(partner.id);
            continue;
        }
        if listed
            .iter()
            .any(|(partnership, _)| partnership.id == partner.partnership)
        {
            continue;
        }
        let partnership = store.get_partnership(partner.partnership).await?;
        listed.push((
            partnership,
            PartnershipRole::Representative {
                partners: vec![partner.id],
            },
        ));
    }
    listed.sort_by_key(|(partnership, _)| partnership.id);
    Ok(listed)
}

/// Returns a partnership as the caller may see it.
pub async fn overview(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Overview, ApiError> {
    let (partnership, role) = actor.see_partnership(state, id).await?;
    let store = state.store();
    let partners = store.list_partners(id).await?;
    let mut dialogues = store.list_dialogues(id).await?;
    let convenors = if role.convenes() {
        store.list_partnership_members(id).await?
    } else {
        dialogues.retain(|dialogue| dialogue.shared_with_partners);
        Vec::new()
    };
    Ok(Overview {
        partnership,
        role,
        partners,
        convenors,
        dialogues,
    })
}

/// Renames a partnership or rewrites its purpose.
pub async fn update_partnership(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    name: Option<&str>,
    purpose: Option<&str>,
) -> Result<Partnership, ApiError> {
    actor.convene(state, id).await?;
    let update = PartnershipUpdate {
        name: name
            .map(PartnershipName::parse)
            .transpose()
            .map_err(ApiError::from)?,
        purpose: purpose
            .map(Purpose::parse)
            .transpose()
            .map_err(ApiError::from)?,
    };
    Ok(state.store().update_partnership(id, update).await?)
}

/// Lists a partnership's partners, archived ones included.
pub async fn list_partners(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Vec<Partner>, ApiError> {
    actor.see_partnership(state, id).await?;
    Ok(state.store().list_partners(id).await?)
}

/// Adds a partner organisation.
pub async fn add_partner(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    name: &str,
    sector: &str,
) -> Result<Partner, ApiError> {
    actor.convene(state, id).await?;
    let name = validated(PartnerName::parse(name))?;
    let sector = parse_sector(sector)?;
    Ok(state
        .store()
        .create_partner(NewPartner {
            partnership: id,
            name,
            sector,
            created_at: state.now_ms(),
        })
        .await?)
}

/// Renames a partner or changes its sector: its convenors, or its own representatives.
pub async fn update_partner(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    partner: PartnerId,
    name: Option<&str>,
    sector: Option<&str>,
) -> Result<Partner, ApiError> {
    actor.speak_for(state, id, partner).await?;
    let update = PartnerUpdate {
        name: name
            .map(PartnerName::parse)
            .transpose()
            .map_err(ApiError::from)?,
        sector: sector.map(parse_sector).transpose()?,
    };
    Ok(state.store().update_partner(partner, update).await?)
}

/// Removes a partner: erased when nothing refers to it, archived (with its history kept and
/// its representatives' rights ended) when it has any.
pub async fn remove_partner(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    partner: PartnerId,
) -> Result<PartnerRemoval, ApiError> {
    actor.convene(state, id).await?;
    partner_of(state, id, partner).await?;
    Ok(state
        .store()
        .remove_partner(partner, state.now_ms())
        .await?)
}

/// Lists a partnership's convenors.
pub async fn list_convenors(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Vec<Convenor>, ApiError> {
    actor.convene(state, id).await?;
    Ok(state.store().list_partnership_members(id).await?)
}

/// Makes the account with this email a convenor of the partnership.
pub async fn add_convenor(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    email: &str,
) -> Result<Convenor, ApiError> {
    actor.convene(state, id).await?;
    let email = validated(Email::parse(email))?;
    let account = state
        .store()
        .find_convenor_by_email(&email)
        .await?
        .map(|credentials| credentials.convenor)
        .ok_or_else(|| {
            ApiError::refused(ErrorCode::NotFound, "partnership-refused-no-account", &[])
        })?;
    if !account.may_convene && !account.is_admin {
        return Err(ApiError::refused(
            ErrorCode::Conflict,
            "partnership-refused-may-not-convene",
            &[],
        ));
    }
    state.store().add_partnership_member(id, account.id).await?;
    Ok(account)
}

/// Ends a convenor's membership; the last convenor of a partnership cannot leave it.
pub async fn remove_convenor(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    convenor: ConvenorId,
) -> Result<(), ApiError> {
    actor.convene(state, id).await?;
    let members = state.store().list_partnership_members(id).await?;
    if !members.iter().any(|member| member.id == convenor) {
        return Err(ApiError::refused(
            ErrorCode::NotFound,
            "partnership-refused-not-a-convenor",
            &[],
        ));
    }
    if members.len() == 1 {
        return Err(ApiError::refused(
            ErrorCode::Conflict,
            "partnership-refused-last-convenor",
            &[],
        ));
    }
    state
        .store()
        .remove_partnership_member(id, convenor)
        .await?;
    Ok(())
}

/// Makes a single-use invitation for a person to speak for a partner, valid for `days` days
/// (14 unless said, at most 90), and returns it with its token, which is shown only now.
pub async fn invite_representative(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    partner: PartnerId,
    email: Option<&str>,
    days: Option<u32>,
) -> Result<(Invitation, Token), ApiError> {
    actor.convene(state, id).await?;
    partner_of(state, id, partner).await?;
    let terms = InvitationTerms::parse(state, email, days)?;
    Ok(state
        .store()
        .create_invitation(NewInvitation {
            partner,
            email: terms.email,
            created_by: actor.convenor.id,
            created_at: terms.created_at,
            expires_at: terms.expires_at,
        })
        .await?)
}

/// The address and lifetime of an invitation, as a convenor asks for them.
pub(crate) struct InvitationTerms {
    /// The only address that may accept it, when given.
    pub(crate) email: Option<Email>,
    /// Now.
    pub(crate) created_at: i64,
    /// `days` days from now.
    pub(crate) expires_at: i64,
}

impl InvitationTerms {
    /// Checks the optional address (blank means anyone with the link) and the number of days
    /// the link stays valid (14 unless said, 1 to 90).
    pub(crate) fn parse(
        state: &AppState,
        email: Option<&str>,
        days: Option<u32>,
    ) -> Result<Self, ApiError> {
        let email = match email.map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(validated(Email::parse(text))?),
        };
        if let Some(refused) = refused_days(days) {
            return Err(refused);
        }
        let days = days.unwrap_or(DEFAULT_INVITATION_DAYS);
        let now = state.now_ms();
        Ok(Self {
            email,
            created_at: now,
            expires_at: now.saturating_add(i64::from(days) * DAY_MS),
        })
    }
}

/// Makes a single-use invitation for a person to convene the partnership, valid for `days`
/// days (14 unless said, at most 90), and returns it with its token, which is shown only now.
/// An address that already convenes the partnership is refused: nothing to invite them to.
pub async fn invite_convenor(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    email: Option<&str>,
    days: Option<u32>,
) -> Result<(ConvenorInvitation, Token), ApiError> {
    actor.convene(state, id).await?;
    let terms = InvitationTerms::parse(state, email, days)?;
    if let Some(email) = &terms.email {
        let members = state.store().list_partnership_members(id).await?;
        if members.iter().any(|member| &member.email == email) {
            return Err(ApiError::refused(
                ErrorCode::Conflict,
                "partnership-refused-already-convenes",
                &[],
            ));
        }
    }
    Ok(state
        .store()
        .create_convenor_invitation(NewConvenorInvitation {
            place: id,
            email: terms.email,
            created_by: actor.convenor.id,
            created_at: terms.created_at,
            expires_at: terms.expires_at,
        })
        .await?)
}

/// Lists a partnership's invitations to convene it, newest last.
pub async fn list_convenor_invitations(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Vec<ConvenorInvitation>, ApiError> {
    actor.convene(state, id).await?;
    Ok(state.store().list_convenor_invitations(id).await?)
}

/// Revokes an invitation to convene the partnership that has not been used.
pub async fn revoke_convenor_invitation(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    invitation: ConvenorInvitationId,
) -> Result<ConvenorInvitation, ApiError> {
    actor.convene(state, id).await?;
    let found = state.store().get_convenor_invitation(invitation).await?;
    if found.place != id {
        return Err(ApiError::refused(
            ErrorCode::NotFound,
            "partnership-refused-no-invitation",
            &[],
        ));
    }
    Ok(state
        .store()
        .revoke_convenor_invitation(invitation, state.now_ms())
        .await?)
}

/// Lists a partner's invitations, newest last.
pub async fn list_invitations(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    partner: PartnerId,
) -> Result<Vec<Invitation>, ApiError> {
    actor.convene(state, id).await?;
    partner_of(state, id, partner).await?;
    Ok(state.store().list_invitations(partner).await?)
}

/// Revokes an invitation that has not been used.
pub async fn revoke_invitation(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    partner: PartnerId,
    invitation: InvitationId,
) -> Result<Invitation, ApiError> {
    actor.convene(state, id).await?;
    partner_of(state, id, partner).await?;
    let found = state.store().get_invitation(invitation).await?;
    if found.partner != partner {
        return Err(ApiError::refused(
            ErrorCode::NotFound,
            "partner-refused-no-invitation",
            &[],
        ));
    }
    Ok(state
        .store()
        .revoke_invitation(invitation, state.now_ms())
        .await?)
}

/// Lists the people who speak for a partner: for its convenors and its own representatives.
pub async fn list_representatives(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    partner: PartnerId,
) -> Result<Vec<Representative>, ApiError> {
    actor.speak_for(state, id, partner).await?;
    Ok(state.store().list_representatives(partner).await?)
}

/// Ends a person's right to speak for a partner: a convenor's decision, or the person's own.
pub async fn remove_representative(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PartnershipId,
    partner: PartnerId,
    account: ConvenorId,
) -> Result<(), ApiError> {
    let (_, role) = actor.speak_for(state, id, partner).await?;
    if !role.convenes() && account != actor.convenor.id {
        return Err(ApiError::refused(
            ErrorCode::Forbidden,
            "partner-refused-own-right-only",
            &[],
        ));
    }
    if state
        .store()
        .remove_representative(partner, account, state.now_ms())
        .await?
    {
        Ok(())
    } else {
        Err(ApiError::refused(
            ErrorCode::NotFound,
            "partner-refused-not-represented",
            &[],
        ))
    }
}

/// Shares a dialogue with the partnership's partners, or stops: their representatives see it
/// on the partnership's page and may read its report even when it is for convenors only.
/// Sharing changes who may read, not the analysis, so nothing is recomputed.
pub async fn share_dialogue(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
    shared: bool,
) -> Result<Dialogue, ApiError> {
    let dialogue = actor.dialogue(state, dialogue).await?;
    Ok(state
        .store()
        .set_dialogue_shared_with_partners(dialogue.id, shared)
        .await?)
}

/// Returns the partner if it belongs to the partnership.
async fn partner_of(
    state: &AppState,
    partnership: PartnershipId,
    partner: PartnerId,
) -> Result<Partner, ApiError> {
    let found = state.store().get_partner(partner).await?;
    if found.partnership == partnership {
        Ok(found)
    } else {
        Err(crate::auth::no_such_partner())
    }
}

/// Reads a partner's sector, refusing a word that names none.
pub(crate) fn parse_sector(text: &str) -> Result<Sector, ApiError> {
    text.parse::<Sector>().map_err(|error| {
        ApiError::invalid(
            "partner-refused-sector",
            &[("sector", format!("{:?}", error.value).into())],
        )
    })
}

/// Refuses the number of days an invitation is asked to stay valid for unless it is 1 to
/// [`MAX_INVITATION_DAYS`] (none asked: the default).
pub(crate) fn refused_days(days: Option<u32>) -> Option<ApiError> {
    let days = days.unwrap_or(DEFAULT_INVITATION_DAYS);
    (!(1..=MAX_INVITATION_DAYS).contains(&days)).then(|| {
        ApiError::invalid(
            "invitations-refused-days",
            &[("max", MAX_INVITATION_DAYS.into())],
        )
    })
}

/// The refusal of a new partnership to an account that only speaks for partners.
pub(crate) fn may_not_create() -> ApiError {
    ApiError::refused(
        ErrorCode::Forbidden,
        "partnership-refused-may-not-create",
        &[],
    )
}
