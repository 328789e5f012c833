//! Convenor sign-in and sign-out: a session token in an HttpOnly cookie.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{AppendHeaders, IntoResponse};
use axum_extra::extract::cookie::CookieJar;
use model::{Email, Password, Token};

use crate::api::{ConvenorView, LoginRequest, PartnershipView};
use crate::auth::{CurrentConvenor, SESSION_COOKIE, set_cookie};
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::extract::ApiJson;
use crate::state::AppState;

fn invalid_credentials() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidCredentials,
        "the email and password do not match a convenor account",
    )
}

async fn convenor_view(
    state: &AppState,
    convenor: &store::Convenor,
) -> Result<ConvenorView, ApiError> {
    let partnerships = state
        .store()
        .list_convenor_partnerships(convenor.id)
        .await?
        .into_iter()
        .map(|partnership| PartnershipView {
            id: partnership.id.get(),
            name: partnership.name.as_str().to_owned(),
        })
        .collect();
    Ok(ConvenorView {
        id: convenor.id.get(),
        email: convenor.email.as_str().to_owned(),
        is_admin: convenor.is_admin,
        partnerships,
    })
}

/// A hash of a password nobody knows, verified when the email is unknown.
static DECOY_HASH: std::sync::LazyLock<model::password::PasswordHash> =
    std::sync::LazyLock::new(|| {
        let password = model::password::Password::parse("decoy password never issued")
            .expect("the decoy password is long enough");
        model::password::PasswordHash::create(&password, &[7; model::password::SALT_BYTES])
            .expect("hashing with valid parameters succeeds")
    });

/// Signs a convenor in and sets the session cookie.
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
) -> Result<impl IntoResponse, ApiError> {
    let email = Email::parse(&body.email).map_err(|_| invalid_credentials())?;
    state.limit_login(email.as_str(), client)?;
    let Ok(password) = Password::parse(&body.password) else {
        state.record_login_failure(email.as_str());
        return Err(invalid_credentials());
    };
    let credentials = state.store().find_convenor_by_email(&email).await?;
    // An unknown email is checked against a decoy hash, so that the answer takes as long as
    // for a real account and the timing does not reveal which emails have one.
    let hash = credentials
        .as_ref()
        .map_or_else(|| DECOY_HASH.clone(), |found| found.password_hash.clone());
    // Argon2 takes tens of milliseconds of CPU on purpose: keep it off the request threads.
    let is_valid = tokio::task::spawn_blocking(move || hash.verify(&password))
        .await
        .map_err(ApiError::internal)?;
    let credentials = match credentials {
        Some(credentials) if is_valid => credentials,
        _ => {
            state.record_login_failure(email.as_str());
            return Err(invalid_credentials());
        }
    };
    let now = state.now_ms();
    let ttl = state.config().session_ttl;
    let ttl_ms = i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX);
    let token = state
        .store()
        .create_session(credentials.convenor.id, now, now.saturating_add(ttl_ms))
        .await?;
    let cookie = set_cookie(
        SESSION_COOKIE,
        token.as_str(),
        state.config().secure_cookies,
        ttl.as_secs(),
    );
    let view = convenor_view(&state, &credentials.convenor).await?;
    Ok((AppendHeaders([(SET_COOKIE, cookie)]), Json(view)))
}

/// Returns the signed-in convenor.
#[utoipa::path(
    get, path = "/api/session", tag = "session",
    responses(
        (status = 200, body = ConvenorView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
    )
)]
pub async fn current(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
) -> Result<Json<ConvenorView>, ApiError> {
    Ok(Json(convenor_view(&state, &convenor.convenor).await?))
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
    if let Some(token) = jar
        .get(SESSION_COOKIE)
        .and_then(|cookie| Token::parse(cookie.value()).ok())
    {
        state.store().delete_session(&token).await?;
    }
    let cookie = set_cookie(SESSION_COOKIE, "", state.config().secure_cookies, 0);
    Ok((
        StatusCode::NO_CONTENT,
        AppendHeaders([(SET_COOKIE, cookie)]),
    ))
}
