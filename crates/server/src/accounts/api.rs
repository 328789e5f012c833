//! The accounts' JSON API: signing in and out (convenors and partners' representatives
//! alike, with a session token in an HttpOnly cookie), and accepting an invitation to speak
//! for a partner or to convene a partnership.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{AppendHeaders, IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use model::Token;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::service::{self, Acceptor, Invited};
use crate::api::{ConvenorView, LoginRequest, PartnershipView};
use crate::auth::{CurrentConvenor, SESSION_COOKIE};
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::partnerships::api::{PartnerView, partner_view};
use crate::state::AppState;

/// `POST /api/invitations/accept`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitationRequest {
    /// The token from the invitation link (`/invite/{token}`).
    pub token: String,
    /// For a new account: its email address. Leave out when signed in.
    pub email: Option<String>,
    /// For a new account: its password (at least 10 characters). Leave out when signed in.
    pub password: Option<String>,
}

/// An accepted invitation: the account now speaks for the partner, or convenes the
/// partnership.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AcceptedInvitation {
    /// `partner` (the account now speaks for `partner`), `convenor` (it now convenes
    /// `partnership`), `facilitator` (it now keys cards for the dialogue `dialogue_id`) or
    /// `moderator` (it now moderates the dialogue `dialogue_id`).
    pub kind: String,
    /// The account, with its partnerships and partners.
    pub account: ConvenorView,
    /// The partnership concerned.
    pub partnership: PartnershipView,
    /// The partner the account now speaks for; absent for an invitation to convene.
    pub partner: Option<PartnerView>,
    /// For `facilitator` and `moderator` (the account now keys cards for, or moderates, one
    /// dialogue): that dialogue's id; absent for the other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialogue_id: Option<i64>,
}

/// Returns what the signed-in account convenes and whom it speaks for.
pub async fn account_view(
    state: &AppState,
    account: &store::Convenor,
) -> Result<ConvenorView, ApiError> {
    let store = state.store();
    let partnerships = store
        .list_convenor_partnerships(account.id)
        .await?
        .into_iter()
        .map(|partnership| PartnershipView {
            id: partnership.id.get(),
            name: partnership.name.as_str().to_owned(),
        })
        .collect();
    let partners = store
        .list_account_partners(account.id)
        .await?
        .iter()
        .map(partner_view)
        .collect();
    Ok(ConvenorView {
        id: account.id.get(),
        email: account.email.as_str().to_owned(),
        is_admin: account.is_admin,
        may_convene: account.may_convene || account.is_admin,
        partnerships,
        partners,
    })
}

/// Signs in (a convenor or a partner's representative) and sets the session cookie.
///
/// Attempts are limited per client address, and an email with many failed attempts in a row
/// must wait before the next one (`rate_limited` with `Retry-After`), whatever the password.
#[utoipa::path(
    post, path = "/api/session", tag = "session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; the `cg_session` cookie is set", body = ConvenorView),
        (status = 401, description = "`invalid_credentials`", body = ErrorBody),
        (status = 422, description = "`invalid_body`", body = ErrorBody),
        (status = 429, description = "`rate_limited`, with `Retry-After`", body = ErrorBody),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let signed_in = service::sign_in(&state, client, &body.email, &body.password).await?;
    let view = account_view(&state, &signed_in.account).await?;
    Ok((AppendHeaders([(SET_COOKIE, signed_in.cookie)]), Json(view)).into_response())
}

/// Returns the signed-in account.
#[utoipa::path(
    get, path = "/api/session", tag = "session",
    responses(
        (status = 200, body = ConvenorView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
    )
)]
pub async fn current(
    State(state): State<AppState>,
    account: CurrentConvenor,
) -> Result<Json<ConvenorView>, ApiError> {
    Ok(Json(account_view(&state, &account.convenor).await?))
}

/// Returns the session token the request's cookie carries, if any.
pub fn session_token(jar: &CookieJar) -> Option<Token> {
    jar.get(SESSION_COOKIE)
        .and_then(|cookie| Token::parse(cookie.value()).ok())
}

/// Signs out: ends the session and clears the cookie. Signing out twice is not an error.
#[utoipa::path(
    delete, path = "/api/session", tag = "session",
    responses((status = 204, description = "Signed out"))
)]
pub async fn logout(
    State(state): State<AppState>,
    jar: CookieJar,
) -> Result<impl IntoResponse, ApiError> {
    let cookie = service::sign_out(&state, session_token(&jar)).await?;
    Ok((
        StatusCode::NO_CONTENT,
        AppendHeaders([(SET_COOKIE, cookie)]),
    ))
}

/// Accepts an invitation, to speak for a partner or to convene a partnership: the token
/// says which.
///
/// Signed in, the current account accepts it (send only the token). Otherwise send an email
/// address and a password: a new account is made and signed in. An account made by an
/// invitation to speak for a partner cannot convene; one made by an invitation to convene
/// can, and an existing account that could only speak for partners may convene once it
/// accepts an invitation to convene. An invitation made for one address is accepted only by
/// it. Expired, used and revoked invitations are refused and change nothing, and so is an
/// invitation to convene accepted by an account that already convenes the partnership.
#[utoipa::path(
    post, path = "/api/invitations/accept", tag = "session",
    request_body = AcceptInvitationRequest,
    responses(
        (status = 200, description = "Accepted; a new account is signed in with the `cg_session` cookie", body = AcceptedInvitation),
        (status = 403, description = "`forbidden`: made for another address", body = ErrorBody),
        (status = 404, description = "`not_found`: no such invitation", body = ErrorBody),
        (status = 409, description = "`invitation_used`, `invitation_revoked`, `invitation_expired`, `partner_archived`, `conflict`: the address has an account (sign in first), or the account already convenes the partnership", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`", body = ErrorBody),
        (status = 429, description = "`rate_limited`", body = ErrorBody),
    )
)]
pub async fn accept_invitation(
    State(state): State<AppState>,
    client: ClientAddress,
    headers: HeaderMap,
    ApiJson(body): ApiJson<AcceptInvitationRequest>,
) -> Result<Response, ApiError> {
    let signed_in = CurrentConvenor::from_headers(&headers, &state).await.ok();
    let acceptor = match (&signed_in, &body.email, &body.password) {
        (Some(current), None, None) => Acceptor::SignedIn(current),
        (Some(_), _, _) => {
            return Err(ApiError::invalid("account-refused-token-alone", &[]));
        }
        (None, Some(email), Some(password)) => Acceptor::NewAccount { email, password },
        (None, _, _) => {
            return Err(ApiError::invalid("account-refused-new-account", &[]));
        }
    };
    let (details, account, session) =
        service::accept_invitation(&state, client, &body.token, acceptor).await?;
    let (kind, partner) = match &details.invited {
        Invited::Partner { partner, .. } => ("partner", Some(partner_view(partner))),
        Invited::Convenor(_) => ("convenor", None),
        Invited::Facilitator { .. } => ("facilitator", None),
        Invited::Moderator { .. } => ("moderator", None),
    };
    let answer = Json(AcceptedInvitation {
        kind: kind.to_owned(),
        account: account_view(&state, &account).await?,
        partnership: PartnershipView {
            id: details.partnership.id.get(),
            name: details.partnership.name.as_str().to_owned(),
        },
        partner,
        dialogue_id: details.dialogue().map(|dialogue| dialogue.id.get()),
    });
    Ok(match session {
        Some(new) => (AppendHeaders([(SET_COOKIE, new.cookie)]), answer).into_response(),
        None => answer.into_response(),
    })
}
