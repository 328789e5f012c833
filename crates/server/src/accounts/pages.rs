//! The accounts' pages: the welcome page, signing in and out, and the page an invitation
//! link opens, where a person accepts to speak for a partner or to convene a partnership.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header::{RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use serde::Serialize;
use store::InvitationStatus;

use super::api::session_token;
use super::service::{self, Acceptor, InvitationDetails, Invited};
use crate::auth::CurrentConvenor;
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::forms::FormData;
use crate::web::page_error::{PageError, sentence};
use crate::web::render::{Layout, page};
use crate::web::security::{PageConvenor, csrf_token};
use crate::web::see_other;

/// Returns a path on this site to go to after signing in; anything else becomes the
/// account's home, so the sign-in page cannot send people to another site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path.to_owned()
        }
        _ => "/convenor".to_owned(),
    }
}

#[derive(Serialize)]
struct HomeContext {
    layout: Layout,
}

/// Answers `GET /`: the account's home when signed in, otherwise a short welcome.
pub async fn home(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    if CurrentConvenor::from_headers(&headers, &state)
        .await
        .is_ok()
    {
        return Ok(see_other("/convenor"));
    }
    Ok(page(
        "home.html",
        HomeContext {
            layout: Layout::public("Welcome"),
        },
    )?
    .into_response())
}

#[derive(Serialize)]
struct LoginContext {
    layout: Layout,
    next: String,
    email: String,
    error: Option<String>,
}

fn login_form(
    next: String,
    email: String,
    error: Option<String>,
) -> Result<axum::response::Html<String>, PageError> {
    page(
        "login.html",
        LoginContext {
            layout: Layout::public("Sign in"),
            next,
            email,
            error,
        },
    )
}

/// The sign-in page's query: where to go afterwards.
#[derive(serde::Deserialize)]
pub struct LoginQuery {
    /// The path to go to after signing in.
    pub next: Option<String>,
}

/// Answers `GET /login`.
pub async fn login_page(
    query: Result<Query<LoginQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let next = query.ok().and_then(|Query(query)| query.next);
    Ok(login_form(safe_next(next.as_deref()), String::new(), None)?.into_response())
}

/// Answers `POST /login`: signs in and goes on to the page asked for.
pub async fn login(
    State(state): State<AppState>,
    client: ClientAddress,
    form: FormData,
) -> Result<Response, PageError> {
    let next = safe_next(form.get("next"));
    let email = form.text("email").to_owned();
    let password = form.get("password").unwrap_or_default();
    match service::sign_in(&state, client, &email, password).await {
        Ok(signed_in) => {
            let mut redirect = see_other(&next);
            if let Ok(value) = signed_in.cookie.parse() {
                redirect.headers_mut().insert(SET_COOKIE, value);
            }
            Ok(redirect)
        }
        Err(error) if error.code() == ErrorCode::InvalidCredentials => {
            let message =
                "The email address and password do not match an account. Check them and try again.";
            let body = login_form(next, email, Some(message.to_owned()))?;
            Ok((StatusCode::UNAUTHORIZED, body).into_response())
        }
        Err(ApiError::RateLimited { retry_after_secs }) => {
            let minutes = retry_after_secs.div_ceil(60);
            let wait = if minutes <= 1 {
                "a minute".to_owned()
            } else {
                format!("{minutes} minutes")
            };
            let message = format!(
                "There have been too many attempts to sign in. Wait {wait}, then try again."
            );
            let body = login_form(next, email, Some(message))?;
            Ok((
                StatusCode::TOO_MANY_REQUESTS,
                [(RETRY_AFTER, retry_after_secs.to_string())],
                body,
            )
                .into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// Answers `POST /logout`: ends the session.
pub async fn logout(
    State(state): State<AppState>,
    convenor: PageConvenor,
    jar: CookieJar,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let cookie = service::sign_out(&state, session_token(&jar)).await?;
    let mut redirect = see_other("/");
    if let Ok(value) = cookie.parse() {
        redirect.headers_mut().insert(SET_COOKIE, value);
    }
    Ok(redirect)
}

#[derive(Serialize)]
struct InvitationContext {
    layout: Layout,
    token: String,
    /// The partner to speak for; `None` for an invitation to convene.
    partner: Option<String>,
    /// The dialogue to facilitate or moderate; `None` for an invitation to a partnership.
    dialogue: Option<String>,
    /// Whether the invitation is to moderate the dialogue rather than facilitate it.
    moderates: bool,
    partnership: String,
    invited_email: Option<String>,
    signed_in_as: Option<String>,
    /// Whether the signed-in account may convene already; accepting an invitation to
    /// convene lets it.
    signed_in_convenes: bool,
    problem: Option<&'static str>,
    email: String,
    error: Option<String>,
}

fn problem(status: InvitationStatus) -> Option<&'static str> {
    match status {
        InvitationStatus::Pending => None,
        InvitationStatus::Accepted => Some("This invitation has already been used."),
        InvitationStatus::Revoked => Some("This invitation was withdrawn."),
        InvitationStatus::Expired => Some("This invitation has expired."),
    }
}

/// The signed-in account on an invitation page, with the token its form carries.
async fn signed_in(state: &AppState, headers: &HeaderMap) -> Option<(CurrentConvenor, String)> {
    let current = CurrentConvenor::from_headers(headers, state).await.ok()?;
    let token = session_token(&CookieJar::from_headers(headers))?;
    Some((current, csrf_token(&token)))
}

fn invitation_context(
    details: &InvitationDetails,
    token: &str,
    account: Option<&(CurrentConvenor, String)>,
    email: String,
    error: Option<String>,
) -> InvitationContext {
    let partner = details
        .partner()
        .map(|partner| partner.name.as_str().to_owned());
    let dialogue = details
        .dialogue()
        .map(|dialogue| dialogue.settings.title.as_str().to_owned());
    let moderates = matches!(details.invited, Invited::Moderator { .. });
    let title = match (&partner, &dialogue) {
        (Some(name), _) => format!("Speak for {name}"),
        (None, Some(title)) if moderates => format!("Moderate {title}"),
        (None, Some(title)) => format!("Facilitate {title}"),
        (None, None) => format!("Convene {}", details.partnership.name.as_str()),
    };
    let layout = match account {
        Some((current, csrf)) => Layout {
            title,
            convenor: Some(current.convenor.email.as_str().to_owned()),
            csrf: Some(csrf.clone()),
            ..Layout::default()
        },
        None => Layout::public(title),
    };
    InvitationContext {
        layout,
        token: token.to_owned(),
        partner,
        dialogue,
        moderates,
        partnership: details.partnership.name.as_str().to_owned(),
        invited_email: details.email().map(|email| email.as_str().to_owned()),
        signed_in_as: account.map(|(current, _)| current.convenor.email.as_str().to_owned()),
        signed_in_convenes: account.is_some_and(|(current, _)| current.may_create_partnerships()),
        problem: problem(details.status),
        email,
        error,
    }
}

/// Answers `GET /invite/{token}`: what the invitation is for, and the form to accept it.
pub async fn invitation_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(token): ApiPath<String>,
) -> Result<Response, PageError> {
    let details = service::invitation_details(&state, &token).await?;
    let account = signed_in(&state, &headers).await;
    let email = details
        .email()
        .map(|email| email.as_str().to_owned())
        .unwrap_or_default();
    let status = if details.status == InvitationStatus::Pending {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    let context = invitation_context(&details, &token, account.as_ref(), email, None);
    Ok((status, page("invitation.html", context)?).into_response())
}

/// Answers `POST /invite/{token}`: accepts the invitation, for the signed-in account or for
/// a new one, and goes to the account's home (to speak for a partner) or to the partnership's
/// page (to convene it).
pub async fn accept(
    State(state): State<AppState>,
    client: ClientAddress,
    headers: HeaderMap,
    ApiPath(token): ApiPath<String>,
    form: FormData,
) -> Result<Response, PageError> {
    let account = signed_in(&state, &headers).await;
    let acceptor = match &account {
        Some((current, csrf)) => {
            PageConvenor {
                current: current.clone(),
                csrf: csrf.clone(),
            }
            .check(&form)?;
            Acceptor::SignedIn(current)
        }
        None => Acceptor::NewAccount {
            email: form.text("email"),
            password: form.get("password").unwrap_or_default(),
        },
    };
    match service::accept_invitation(&state, client, &token, acceptor).await {
        Ok((details, _, session)) => {
            let next = match details.invited {
                Invited::Partner { .. } => "/convenor".to_owned(),
                Invited::Convenor(invitation) => {
                    format!("/convenor/partnerships/{}", invitation.place)
                }
                Invited::Facilitator { dialogue, .. } => {
                    format!("/facilitator/dialogues/{}/cards", dialogue.id)
                }
                Invited::Moderator { dialogue, .. } => {
                    format!("/convenor/dialogues/{}/safeguarding", dialogue.id)
                }
            };
            let mut redirect = see_other(&next);
            if let Some(value) = session.and_then(|new| new.cookie.parse().ok()) {
                redirect.headers_mut().insert(SET_COOKIE, value);
            }
            Ok(redirect)
        }
        Err(error @ ApiError::Client { .. }) if error.code() != ErrorCode::NotFound => {
            let status = error.code().status();
            let details = service::invitation_details(&state, &token).await?;
            let message = sentence(&error.to_string());
            let context = invitation_context(
                &details,
                &token,
                account.as_ref(),
                form.text("email").to_owned(),
                Some(message),
            );
            Ok((status, page("invitation.html", context)?).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_only_returns_to_pages_of_this_site() {
        assert_eq!(safe_next(Some("/d/3/report")), "/d/3/report");
        assert_eq!(safe_next(Some("//evil.example")), "/convenor");
        assert_eq!(safe_next(Some("https://evil.example")), "/convenor");
        assert_eq!(safe_next(Some("/\\evil")), "/convenor");
        assert_eq!(safe_next(None), "/convenor");
    }
}
