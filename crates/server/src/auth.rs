//! Who is calling: a convenor signed in with a session cookie, or a participant presenting the
//! token they got when joining a dialogue.
//!
//! Participants send their token as `Authorization: Bearer <token>`; pages may rely on the
//! cookie `cg_participant_<dialogue id>` set when they joined. A token only ever acts for its
//! own participant in its own dialogue.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum_extra::extract::cookie::CookieJar;
use model::{DialogueId, Token};
use store::{Convenor, Dialogue, Participant};

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// The cookie holding a convenor's session token.
pub const SESSION_COOKIE: &str = "cg_session";

/// Returns the name of the cookie holding a participant's token for one dialogue.
pub fn participant_cookie_name(dialogue: DialogueId) -> String {
    format!("cg_participant_{dialogue}")
}

/// Returns a `Set-Cookie` value for an HttpOnly, SameSite=Lax cookie on the whole site,
/// Secure when the server sits behind TLS; a `max_age_secs` of 0 removes the cookie.
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age_secs: u64) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}")
}

/// The signed-in convenor.
#[derive(Debug, Clone)]
pub struct CurrentConvenor {
    /// Their account.
    pub convenor: Convenor,
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
            Err(ApiError::forbidden(
                "only convenors of the partnership that owns this dialogue may do this",
            ))
        }
    }
}

/// The participant presenting a token, checked to belong to the dialogue in the path.
#[derive(Debug, Clone)]
pub struct CurrentParticipant {
    /// The participant.
    pub participant: Participant,
}

fn bearer_token(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl FromRequestParts<AppState> for CurrentParticipant {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::new(ErrorCode::InvalidPath, "the path names no dialogue"))?;
        let dialogue = params
            .iter()
            .find(|(name, _)| *name == "id")
            .and_then(|(_, value)| value.parse::<i64>().ok())
            .map(DialogueId)
            .ok_or_else(|| {
                ApiError::new(ErrorCode::InvalidPath, "the dialogue id is not a number")
            })?;
        let presented = match bearer_token(parts) {
            Some(token) => Some(token.to_owned()),
            None => CookieJar::from_headers(&parts.headers)
                .get(&participant_cookie_name(dialogue))
                .map(|cookie| cookie.value().to_owned()),
        };
        let token = presented
            .and_then(|text| Token::parse(&text).ok())
            .ok_or_else(ApiError::unauthenticated)?;
        let participant = state
            .store()
            .find_participant_by_token(&token)
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        if participant.dialogue != dialogue {
            return Err(ApiError::forbidden(
                "this participant token belongs to another dialogue",
            ));
        }
        Ok(CurrentParticipant { participant })
    }
}
