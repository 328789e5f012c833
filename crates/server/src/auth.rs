//! Who is calling, and what they may do: an account signed in with a session cookie (a
//! convenor, a partner's representative, or both), or a participant presenting the token they
//! got when joining a dialogue.
//!
//! Access is decided here and nowhere else, one question per role: does this account convene
//! the partnership (or administer every one), does it speak for this partner, may it read this
//! dialogue's report, is this participant one of this dialogue's.
//!
//! Participants send their token as `Authorization: Bearer <token>`; pages may rely on the
//! cookie `cg_participant_<dialogue id>` set when they joined. A token only ever acts for its
//! own participant in its own dialogue.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum_extra::extract::cookie::CookieJar;
use model::{DialogueId, PartnerId, PartnershipId, PriorityListId, Token};
use store::{
    Convenor, Dialogue, Participant, Partner, Partnership, PriorityList, PriorityParticipant,
    Publication, SystemMap,
};

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// The cookie holding a convenor's session token.
pub const SESSION_COOKIE: &str = "cg_session";

/// Returns the name of the cookie holding a participant's token for one dialogue.
pub fn participant_cookie_name(dialogue: DialogueId) -> String {
    format!("cg_participant_{dialogue}")
}

/// Returns the name of the cookie holding a participant's token for one priority list.
pub fn priority_cookie_name(list: PriorityListId) -> String {
    format!("cg_priority_{list}")
}

/// Returns a `Set-Cookie` value for an HttpOnly, SameSite=Lax cookie on the whole site,
/// Secure when the server sits behind TLS; a `max_age_secs` of 0 removes the cookie.
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age_secs: u64) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

/// Returns the `forbidden` error whose message is the `access` catalogue's `key`: English in
/// the API's body, the reader's language on a page.
fn refused_access(key: &'static str) -> ApiError {
    ApiError::refused(ErrorCode::Forbidden, key, &[])
}

/// Returns the `not_found` error for a partner that is not one of this partnership's.
pub fn no_such_partner() -> ApiError {
    ApiError::refused(ErrorCode::NotFound, "access-refused-no-partner", &[])
}

/// The signed-in account: a convenor, a partner's representative, or both.
#[derive(Debug, Clone)]
pub struct CurrentConvenor {
    /// Their account.
    pub convenor: Convenor,
}

/// What an account is to one partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnershipRole {
    /// An administrator, who may convene every partnership.
    Administrator,
    /// A convenor of this partnership.
    Convenor,
    /// A person who speaks for these partners of the partnership (one or more).
    Representative {
        /// The partners they speak for, in id order.
        partners: Vec<PartnerId>,
    },
}

impl PartnershipRole {
    /// Returns whether the role may manage the partnership.
    pub fn convenes(&self) -> bool {
        matches!(
            self,
            PartnershipRole::Administrator | PartnershipRole::Convenor
        )
    }

    /// Returns whether the role speaks for this partner (convenors act for every partner).
    pub fn speaks_for(&self, partner: PartnerId) -> bool {
        match self {
            PartnershipRole::Administrator | PartnershipRole::Convenor => true,
            PartnershipRole::Representative { partners } => partners.contains(&partner),
        }
    }

    /// Returns the role's stable name in the API.
    pub fn as_str(&self) -> &'static str {
        match self {
            PartnershipRole::Administrator => "administrator",
            PartnershipRole::Convenor => "convenor",
            PartnershipRole::Representative { .. } => "representative",
        }
    }
}

impl FromRequestParts<AppState> for CurrentConvenor {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        CurrentConvenor::from_headers(&parts.headers, state).await
    }
}

impl CurrentConvenor {
    /// Returns the convenor whose session cookie the headers carry.
    pub async fn from_headers(
        headers: &HeaderMap,
        state: &AppState,
    ) -> Result<CurrentConvenor, ApiError> {
        let jar = CookieJar::from_headers(headers);
        let token = jar
            .get(SESSION_COOKIE)
            .and_then(|cookie| Token::parse(cookie.value()).ok())
            .ok_or_else(ApiError::unauthenticated)?;
        let session = state
            .store()
            .find_session(&token, state.now_ms())
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        let convenor = state.store().get_convenor(session.convenor).await?;
        Ok(CurrentConvenor { convenor })
    }

    /// Returns whether this account may create partnerships: administrators and convenors
    /// may; an account made by accepting an invitation speaks for partners only.
    pub fn may_create_partnerships(&self) -> bool {
        self.convenor.is_admin || self.convenor.may_convene
    }

    /// Returns what this account is to a partnership, or `None` when it is nothing to it.
    pub async fn role_in(
        &self,
        state: &AppState,
        partnership: PartnershipId,
    ) -> Result<Option<PartnershipRole>, ApiError> {
        if self.convenor.is_admin {
            return Ok(Some(PartnershipRole::Administrator));
        }
        let store = state.store();
        if store
            .is_partnership_member(partnership, self.convenor.id)
            .await?
        {
            return Ok(Some(PartnershipRole::Convenor));
        }
        let partners: Vec<PartnerId> = store
            .list_account_partners(self.convenor.id)
            .await?
            .into_iter()
            .filter(|partner| partner.partnership == partnership)
            .map(|partner| partner.id)
            .collect();
        Ok((!partners.is_empty()).then_some(PartnershipRole::Representative { partners }))
    }

    /// Returns the partnership if this account may see it: its convenors, administrators and
    /// the representatives of its partners.
    pub async fn see_partnership(
        &self,
        state: &AppState,
        id: PartnershipId,
    ) -> Result<(Partnership, PartnershipRole), ApiError> {
        let partnership = state.store().get_partnership(id).await?;
        match self.role_in(state, id).await? {
            Some(role) => Ok((partnership, role)),
            None => Err(refused_access("access-refused-see-partnership")),
        }
    }

    /// Returns the partnership if this account convenes it (or administers every one).
    pub async fn convene(
        &self,
        state: &AppState,
        id: PartnershipId,
    ) -> Result<Partnership, ApiError> {
        let (partnership, role) = self.see_partnership(state, id).await?;
        if role.convenes() {
            Ok(partnership)
        } else {
            Err(refused_access("access-refused-convene"))
        }
    }

    /// Returns the partner if this account may act for it: one of its representatives, or a
    /// convenor of its partnership. A partner of another partnership is not found.
    pub async fn speak_for(
        &self,
        state: &AppState,
        partnership: PartnershipId,
        partner: PartnerId,
    ) -> Result<(Partner, PartnershipRole), ApiError> {
        let (_, role) = self.see_partnership(state, partnership).await?;
        let found = state.store().get_partner(partner).await?;
        if found.partnership != partnership {
            return Err(no_such_partner());
        }
        if role.speaks_for(found.id) {
            Ok((found, role))
        } else {
            Err(refused_access("access-refused-speak-for"))
        }
    }

    /// Returns the partner if this account is one of its representatives: the stance of a
    /// partner is its own to record, so a convenor who does not speak for it may not. A partner
    /// of another partnership is not found; an archived one has no representatives.
    pub async fn represent(
        &self,
        state: &AppState,
        partnership: PartnershipId,
        partner: PartnerId,
    ) -> Result<Partner, ApiError> {
        self.own_partner(state, partnership, partner, "access-refused-record-stance")
            .await
    }

    /// Returns the partner if this account is one of its representatives, who alone answer a
    /// trust survey for it: a convenor does not answer for a partner it does not represent.
    /// A partner of another partnership is not found.
    pub async fn answer_for(
        &self,
        state: &AppState,
        partnership: PartnershipId,
        partner: PartnerId,
    ) -> Result<Partner, ApiError> {
        self.own_partner(state, partnership, partner, "access-refused-answer-survey")
            .await
    }

    /// Returns the partner a proposal to a system map speaks for: with `as_partner`, this
    /// account must be one of that partner's own representatives; without, it proposes as a
    /// convenor of the partnership.
    pub async fn propose_on_map(
        &self,
        state: &AppState,
        partnership: PartnershipId,
        as_partner: Option<PartnerId>,
    ) -> Result<Option<PartnerId>, ApiError> {
        match as_partner {
            Some(partner) => self
                .own_partner(state, partnership, partner, "access-refused-propose-for")
                .await
                .map(|found| Some(found.id)),
            None => {
                let (_, role) = self.see_partnership(state, partnership).await?;
                if role.convenes() {
                    Ok(None)
                } else {
                    Err(refused_access("access-refused-name-partner"))
                }
            }
        }
    }

    /// Returns the partner if this account is one of its representatives, who alone judge a
    /// system map's links for it. A partner of another partnership is not found.
    pub async fn judge_for(
        &self,
        state: &AppState,
        partnership: PartnershipId,
        partner: PartnerId,
    ) -> Result<Partner, ApiError> {
        self.own_partner(state, partnership, partner, "access-refused-judge-links")
            .await
    }

    /// Allows pinning an action to a system map's factor: a convenor of the partnership, or a
    /// representative of the partner that owns the action or of one that shares it.
    pub async fn pin_action(
        &self,
        state: &AppState,
        partnership: PartnershipId,
        owner: PartnerId,
        sharing: &[PartnerId],
    ) -> Result<(), ApiError> {
        let (_, role) = self.see_partnership(state, partnership).await?;
        let allowed = role.convenes()
            || std::iter::once(&owner)
                .chain(sharing)
                .any(|partner| role.speaks_for(*partner));
        if allowed {
            Ok(())
        } else {
            Err(refused_access("access-refused-pin-action"))
        }
    }

    /// Returns the partner if this account is one of its own representatives, or refuses with
    /// the catalogues' message `refusal`.
    async fn own_partner(
        &self,
        state: &AppState,
        partnership: PartnershipId,
        partner: PartnerId,
        refusal: &'static str,
    ) -> Result<Partner, ApiError> {
        self.see_partnership(state, partnership).await?;
        let found = state.store().get_partner(partner).await?;
        if found.partnership != partnership {
            return Err(no_such_partner());
        }
        let represents = state
            .store()
            .list_account_partners(self.convenor.id)
            .await?
            .iter()
            .any(|own| own.id == partner);
        if represents {
            Ok(found)
        } else {
            Err(refused_access(refusal))
        }
    }

    /// Returns the role if this account may report progress on an action owned by `owner` and
    /// shared with `sharing`: a convenor of the partnership, or a representative of the owner
    /// or of a sharing partner.
    pub async fn report_progress(
        &self,
        state: &AppState,
        partnership: PartnershipId,
        owner: PartnerId,
        sharing: &[PartnerId],
    ) -> Result<PartnershipRole, ApiError> {
        let (_, role) = self.see_partnership(state, partnership).await?;
        let allowed = role.convenes()
            || std::iter::once(&owner)
                .chain(sharing)
                .any(|partner| role.speaks_for(*partner));
        if allowed {
            Ok(role)
        } else {
            Err(refused_access("access-refused-report-progress"))
        }
    }

    /// Returns the dialogue if this convenor may manage it: an administrator, or a member of
    /// the partnership that owns it.
    pub async fn dialogue(&self, state: &AppState, id: DialogueId) -> Result<Dialogue, ApiError> {
        let dialogue = state.store().get_dialogue(id).await?;
        if self.convenor.is_admin
            || state
                .store()
                .is_partnership_member(dialogue.partnership, self.convenor.id)
                .await?
        {
            Ok(dialogue)
        } else {
            Err(refused_access("access-refused-dialogue"))
        }
    }

    /// Returns the dialogue if this account may key cards for it: a facilitator invited to
    /// this dialogue, or one of its convenors (who may do whatever a facilitator does). A
    /// facilitator is nothing else: [`CurrentConvenor::dialogue`] still refuses them.
    pub async fn facilitate(&self, state: &AppState, id: DialogueId) -> Result<Dialogue, ApiError> {
        let dialogue = state.store().get_dialogue(id).await?;
        let facilitates = state
            .store()
            .is_facilitator(dialogue.id, self.convenor.id)
            .await?;
        self.holder_or_convenor(state, dialogue, facilitates, "access-refused-key-cards")
            .await
    }

    /// Returns the dialogue if this account may moderate it: work through its moderation and
    /// safeguarding queues and add versions of its statements. A moderator invited to this
    /// dialogue may, and so may its convenors; a moderator is nothing else.
    pub async fn moderate(&self, state: &AppState, id: DialogueId) -> Result<Dialogue, ApiError> {
        let dialogue = state.store().get_dialogue(id).await?;
        let moderates = state
            .store()
            .is_moderator(dialogue.id, self.convenor.id)
            .await?;
        self.holder_or_convenor(state, dialogue, moderates, "access-refused-moderate")
            .await
    }

    /// Returns whether this account convenes the dialogue (or administers every one): pages
    /// that moderators share with convenors show the convenors' links only to them.
    pub async fn convenes_dialogue(
        &self,
        state: &AppState,
        dialogue: &Dialogue,
    ) -> Result<bool, ApiError> {
        Ok(self.convenor.is_admin
            || state
                .store()
                .is_partnership_member(dialogue.partnership, self.convenor.id)
                .await?)
    }

    /// Returns the dialogue to a holder of a role in it, to an administrator and to a convenor
    /// of its partnership; refuses anyone else with the catalogues' message `refusal`.
    async fn holder_or_convenor(
        &self,
        state: &AppState,
        dialogue: Dialogue,
        holds_role: bool,
        refusal: &'static str,
    ) -> Result<Dialogue, ApiError> {
        if holds_role || self.convenes_dialogue(state, &dialogue).await? {
            Ok(dialogue)
        } else {
            Err(refused_access(refusal))
        }
    }

    /// Returns the priority list if this account convenes the partnership that owns it (or
    /// administers every one).
    pub async fn priority_list(
        &self,
        state: &AppState,
        id: PriorityListId,
    ) -> Result<PriorityList, ApiError> {
        let list = state.store().get_priority_list(id).await?;
        self.convene(state, list.partnership).await?;
        Ok(list)
    }

    /// Refuses this account a report kept from the public unless it convenes the dialogue's
    /// partnership, or speaks for one of its partners and the convenors shared the dialogue
    /// with partners.
    pub async fn read_private_report(
        &self,
        state: &AppState,
        dialogue: &Dialogue,
    ) -> Result<(), ApiError> {
        match self.role_in(state, dialogue.partnership).await? {
            Some(role) if role.convenes() => Ok(()),
            Some(PartnershipRole::Representative { .. }) if dialogue.shared_with_partners => Ok(()),
            _ => Err(refused_access("access-refused-private-report")),
        }
    }
}

/// Why a reader may see a partnership's outcomes page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomesAccess {
    /// The convenors published it: anyone may read it, signed in or not.
    Published,
    /// It is not published, and the reader convenes the partnership: a preview.
    Preview,
}

/// Decides who may read a partnership's outcomes ("you said, we did"): everyone once its
/// convenors published them; before that only its convenors (and administrators), as a
/// preview. To anyone else an unpublished page does not exist (404), so that its existence
/// is not given away.
pub async fn read_outcomes(
    state: &AppState,
    headers: &HeaderMap,
    id: PartnershipId,
) -> Result<(Partnership, Publication, OutcomesAccess), ApiError> {
    let not_published = || {
        ApiError::refused(
            ErrorCode::NotFound,
            "access-refused-outcomes-unpublished",
            &[],
        )
    };
    let partnership = match state.store().get_partnership(id).await {
        Ok(partnership) => partnership,
        Err(store::StoreError::NotFound(_)) => return Err(not_published()),
        Err(error) => return Err(error.into()),
    };
    let publication = state.store().publication(id).await?;
    if publication.published_at.is_some() {
        return Ok((partnership, publication, OutcomesAccess::Published));
    }
    let convenes = match CurrentConvenor::from_headers(headers, state).await {
        Ok(reader) => reader
            .role_in(state, id)
            .await?
            .is_some_and(|role| role.convenes()),
        Err(error) if error.code() == ErrorCode::Unauthenticated => false,
        Err(error) => return Err(error),
    };
    if convenes {
        Ok((partnership, publication, OutcomesAccess::Preview))
    } else {
        Err(not_published())
    }
}

/// Decides who may read a partnership's calendar feed: whoever presents the feed's secret
/// (calendar apps cannot sign in, so the secret travels in the feed's address), or, without
/// one, a signed-in account that may see the partnership. A wrong or revoked secret is
/// `not_found`, like an address that never existed.
pub async fn read_calendar_feed(
    state: &AppState,
    headers: &HeaderMap,
    id: PartnershipId,
    secret: Option<&str>,
) -> Result<Partnership, ApiError> {
    let unknown = || ApiError::refused(ErrorCode::NotFound, "access-refused-no-calendar-feed", &[]);
    match secret {
        Some(secret) => {
            let token = Token::parse(secret).map_err(|_| unknown())?;
            if state.store().calendar_feed_matches(id, &token).await? {
                Ok(state.store().get_partnership(id).await?)
            } else {
                Err(unknown())
            }
        }
        None => {
            let reader = CurrentConvenor::from_headers(headers, state).await?;
            Ok(reader.see_partnership(state, id).await?.0)
        }
    }
}

/// The participant presenting a token, checked to belong to the dialogue in the path.
#[derive(Debug, Clone)]
pub struct CurrentParticipant {
    /// The participant.
    pub participant: Participant,
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Returns the participant token a request presents: `Authorization: Bearer <token>` first,
/// then the cookie of that name (a dialogue's or a priority list's). A token that does not
/// parse is no token.
pub fn presented_token(headers: &HeaderMap, cookie_name: &str) -> Option<Token> {
    let text = match bearer_token(headers) {
        Some(token) => token.to_owned(),
        None => CookieJar::from_headers(headers)
            .get(cookie_name)?
            .value()
            .to_owned(),
    };
    Token::parse(&text).ok()
}

impl FromRequestParts<AppState> for CurrentParticipant {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| {
                ApiError::refused(
                    ErrorCode::InvalidPath,
                    "access-refused-path-no-dialogue",
                    &[],
                )
            })?;
        let dialogue = params
            .iter()
            .find(|(name, _)| *name == "id")
            .and_then(|(_, value)| value.parse::<i64>().ok())
            .map(DialogueId)
            .ok_or_else(|| {
                ApiError::refused(ErrorCode::InvalidPath, "access-refused-dialogue-id", &[])
            })?;
        let token = presented_token(&parts.headers, &participant_cookie_name(dialogue))
            .ok_or_else(ApiError::unauthenticated)?;
        let participant = state
            .store()
            .find_participant_by_token(&token)
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        if participant.dialogue != dialogue {
            return Err(refused_access("access-refused-token-other-dialogue"));
        }
        Ok(CurrentParticipant { participant })
    }
}

/// Returns the participant of a system map's linked dialogue presenting a token (as
/// `Authorization: Bearer <token>` or in that dialogue's participant cookie), when a convenor
/// has opened the map's links to participants' judgments.
pub async fn map_participant(
    headers: &HeaderMap,
    state: &AppState,
    map: &SystemMap,
) -> Result<Participant, ApiError> {
    let presented = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned())
        .or_else(|| {
            map.dialogue.and_then(|dialogue| {
                CookieJar::from_headers(headers)
                    .get(&participant_cookie_name(dialogue))
                    .map(|cookie| cookie.value().to_owned())
            })
        });
    let token = presented
        .and_then(|text| Token::parse(&text).ok())
        .ok_or_else(ApiError::unauthenticated)?;
    let participant = state
        .store()
        .find_participant_by_token(&token)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    match map.dialogue {
        Some(dialogue) if dialogue == participant.dialogue && map.participants_may_judge => {
            Ok(participant)
        }
        Some(dialogue) if dialogue == participant.dialogue => {
            Err(refused_access("access-refused-map-not-open"))
        }
        _ => Err(refused_access("access-refused-token-unlinked-map")),
    }
}

/// The participant of a priority list presenting a token, checked to belong to the list in the
/// path. The token comes as `Authorization: Bearer <token>` or in the cookie
/// `cg_priority_<list id>`; a dialogue's token never acts in a priority list.
#[derive(Debug, Clone)]
pub struct CurrentPriorityParticipant {
    /// The participant.
    pub participant: PriorityParticipant,
}

impl FromRequestParts<AppState> for CurrentPriorityParticipant {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| {
                ApiError::refused(ErrorCode::InvalidPath, "access-refused-path-no-list", &[])
            })?;
        let list = params
            .iter()
            .find(|(name, _)| *name == "id")
            .and_then(|(_, value)| value.parse::<i64>().ok())
            .map(PriorityListId)
            .ok_or_else(|| {
                ApiError::refused(ErrorCode::InvalidPath, "access-refused-list-id", &[])
            })?;
        let token = presented_token(&parts.headers, &priority_cookie_name(list))
            .ok_or_else(ApiError::unauthenticated)?;
        let participant = state
            .store()
            .find_priority_participant_by_token(&token)
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        if participant.list != list {
            return Err(refused_access("access-refused-token-other-list"));
        }
        Ok(CurrentPriorityParticipant { participant })
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;
    use model::{DialogueId, PriorityListId, Token};

    use super::*;

    #[test]
    fn the_token_comes_from_the_bearer_header_before_the_cookie() {
        let cookie_token = Token::from_bytes([1; model::token::TOKEN_BYTES]);
        let bearer_token = Token::from_bytes([2; model::token::TOKEN_BYTES]);
        let mut headers = HeaderMap::new();
        let cookie = format!("cg_participant_4={}", cookie_token.as_str());
        headers.insert("cookie", HeaderValue::from_str(&cookie).unwrap());
        assert_eq!(
            presented_token(&headers, &participant_cookie_name(DialogueId(4)))
                .map(|token| token.as_str().to_owned()),
            Some(cookie_token.as_str().to_owned())
        );
        assert_eq!(
            presented_token(&headers, &participant_cookie_name(DialogueId(5))),
            None
        );
        let bearer = format!("Bearer {}", bearer_token.as_str());
        headers.insert(AUTHORIZATION, HeaderValue::from_str(&bearer).unwrap());
        assert_eq!(
            presented_token(&headers, &participant_cookie_name(DialogueId(4)))
                .map(|token| token.as_str().to_owned()),
            Some(bearer_token.as_str().to_owned())
        );
        // A priority list's cookie is read under its own name.
        let mut headers = HeaderMap::new();
        let cookie = format!(
            "{}={}",
            priority_cookie_name(PriorityListId(9)),
            cookie_token.as_str()
        );
        headers.insert("cookie", HeaderValue::from_str(&cookie).unwrap());
        assert_eq!(
            presented_token(&headers, &priority_cookie_name(PriorityListId(9))),
            Some(cookie_token.clone())
        );
        assert_eq!(
            presented_token(&headers, &participant_cookie_name(DialogueId(9))),
            None
        );
        // A malformed token is no token.
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_static("Bearer not-a-token"),
        );
        assert_eq!(
            presented_token(&headers, &priority_cookie_name(PriorityListId(9))),
            None
        );
    }
}
