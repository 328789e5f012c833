//! The accounts' pages: the welcome page, signing in and out, and the page an invitation
//! link opens, where a person accepts to speak for a partner or to convene a partnership.
//!
//! These are the first pages a partner's representative sees, so they are translated into the
//! representatives' languages ([`REPRESENTATIVE_LANGUAGES`]), with their strings in the
//! `account` catalogue.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, RawQuery, State};
use axum::http::header::{RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use model::{Email, EmailError, Password};
use serde::Serialize;
use store::InvitationStatus;

use super::api::session_token;
use super::service::{self, Acceptor, InvitationDetails, Invited};
use crate::auth::CurrentConvenor;
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::views::refused_email;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::{Language, PageLanguage, REPRESENTATIVE_LANGUAGES};
use crate::web::page_error::{PageError, said_in};
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

/// Returns the layout of a page anybody may open, in the representatives' languages, with the
/// switcher keeping the page's own query parameters.
fn public_layout(language: Language, query: Option<&str>, title: String) -> Layout {
    Layout {
        language: PageLanguage::among(language, &REPRESENTATIVE_LANGUAGES, query),
        ..Layout::public(title)
    }
}

#[derive(Serialize)]
struct HomeContext {
    layout: Layout,
}

/// Answers `GET /`: the account's home when signed in, otherwise a short welcome.
pub async fn home(
    State(state): State<AppState>,
    language: Language,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    if CurrentConvenor::from_headers(&headers, &state)
        .await
        .is_ok()
    {
        return Ok(see_other("/convenor"));
    }
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
    let title = text(language, "account-home-title", &[]);
    Ok(page(
        "home.html",
        HomeContext {
            layout: public_layout(language, query.as_deref(), title),
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

/// How the sign-in page was asked for: in which language, and with which query string (kept
/// by the switcher), or in answer to the form's post.
struct LoginAsked<'a> {
    language: Language,
    query: Option<&'a str>,
    is_posted: bool,
}

fn login_form(
    asked: &LoginAsked<'_>,
    next: String,
    email: String,
    error: Option<String>,
) -> Result<axum::response::Html<String>, PageError> {
    let mut layout = public_layout(
        asked.language,
        asked.query,
        text(asked.language, "account-login-title", &[]),
    );
    if asked.is_posted {
        // Shown in answer to the form, the page is read again at its own address.
        layout.language = layout.language.at("/login");
    }
    page(
        "login.html",
        LoginContext {
            layout,
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
    language: Language,
    RawQuery(raw): RawQuery,
    query: Result<Query<LoginQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let next = query.ok().and_then(|Query(query)| query.next);
    let asked = LoginAsked {
        language: language.within(&REPRESENTATIVE_LANGUAGES),
        query: raw.as_deref(),
        is_posted: false,
    };
    Ok(login_form(&asked, safe_next(next.as_deref()), String::new(), None)?.into_response())
}

/// Answers `POST /login`: signs in and goes on to the page asked for.
pub async fn login(
    State(state): State<AppState>,
    client: ClientAddress,
    language: Language,
    form: FormData,
) -> Result<Response, PageError> {
    let asked = LoginAsked {
        language: language.within(&REPRESENTATIVE_LANGUAGES),
        query: None,
        is_posted: true,
    };
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
            let message = text(asked.language, "account-login-refused", &[]);
            let body = login_form(&asked, next, email, Some(message))?;
            Ok((StatusCode::UNAUTHORIZED, body).into_response())
        }
        Err(ApiError::RateLimited { retry_after_secs }) => {
            let minutes = retry_after_secs.div_ceil(60).max(1);
            let message = text(
                asked.language,
                "account-login-too-many",
                &[("minutes", minutes.into())],
            );
            let body = login_form(&asked, next, email, Some(message))?;
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
    problem: Option<String>,
    email: String,
    error: Option<String>,
    /// The fewest characters a new account's password may have.
    password_min: usize,
}

/// The message saying why an invitation can no longer be accepted.
fn problem_key(status: InvitationStatus) -> Option<&'static str> {
    match status {
        InvitationStatus::Pending => None,
        InvitationStatus::Accepted => Some("account-invitation-used"),
        InvitationStatus::Revoked => Some("account-invitation-withdrawn"),
        InvitationStatus::Expired => Some("account-invitation-expired"),
    }
}

/// Says in the page's language what is wrong with an email address a form sent.
pub(crate) fn email_refusal(language: Language, error: &EmailError) -> String {
    said_in(language, &refused_email(error))
}

/// Checks the email address and password of a new account as the invitation form sends them,
/// refusing them as the service will; the service checks them again.
fn new_account_refusal(email: &str, password: &str) -> Option<ApiError> {
    match (Email::parse(email), Password::parse(password)) {
        (Err(error), _) => Some(refused_email(&error)),
        (_, Err(error)) => Some(service::refused_password(&error)),
        (Ok(_), Ok(_)) => None,
    }
}

/// Says in the page's language why accepting was refused: a link that can no longer be used
/// as the invitation page says it, any other refusal as the service words it.
fn acceptance_refusal(language: Language, error: &ApiError) -> String {
    let key = match error.code() {
        ErrorCode::InvitationUsed => Some("account-invitation-used"),
        ErrorCode::InvitationRevoked => Some("account-invitation-withdrawn"),
        ErrorCode::InvitationExpired => Some("account-invitation-expired"),
        _ => None,
    };
    key.map_or_else(|| said_in(language, error), |key| text(language, key, &[]))
}

/// The signed-in account on an invitation page, with the token its form carries.
async fn signed_in(state: &AppState, headers: &HeaderMap) -> Option<(CurrentConvenor, String)> {
    let current = CurrentConvenor::from_headers(headers, state).await.ok()?;
    let token = session_token(&CookieJar::from_headers(headers))?;
    Some((current, csrf_token(&token)))
}

fn invitation_context(
    language: Language,
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
        (Some(name), _) => text(
            language,
            "account-invitation-speak-for",
            &[("partner", name.clone().into())],
        ),
        (None, Some(title)) if moderates => text(
            language,
            "account-invitation-moderate",
            &[("dialogue", title.clone().into())],
        ),
        (None, Some(title)) => text(
            language,
            "account-invitation-facilitate",
            &[("dialogue", title.clone().into())],
        ),
        (None, None) => text(
            language,
            "account-invitation-convene",
            &[(
                "partnership",
                details.partnership.name.as_str().to_owned().into(),
            )],
        ),
    };
    let mut layout = public_layout(language, None, title);
    if let Some((current, csrf)) = account {
        layout.convenor = Some(current.convenor.email.as_str().to_owned());
        layout.csrf = Some(csrf.clone());
    }
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
        problem: problem_key(details.status).map(|key| text(language, key, &[])),
        email,
        error,
        password_min: Password::MIN_CHARS,
    }
}

/// Answers `GET /invite/{token}`: what the invitation is for, and the form to accept it.
pub async fn invitation_page(
    State(state): State<AppState>,
    language: Language,
    headers: HeaderMap,
    ApiPath(token): ApiPath<String>,
) -> Result<Response, PageError> {
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
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
    let context = invitation_context(language, &details, &token, account.as_ref(), email, None);
    Ok((status, page("invitation.html", context)?).into_response())
}

/// Answers `POST /invite/{token}`: accepts the invitation, for the signed-in account or for
/// a new one, and goes to the account's home (to speak for a partner) or to the partnership's
/// page (to convene it).
pub async fn accept(
    State(state): State<AppState>,
    client: ClientAddress,
    language: Language,
    headers: HeaderMap,
    ApiPath(token): ApiPath<String>,
    form: FormData,
) -> Result<Response, PageError> {
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
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
    let refusal = match &acceptor {
        Acceptor::NewAccount { email, password } => new_account_refusal(email, password),
        Acceptor::SignedIn(_) => None,
    };
    let result = match refusal {
        Some(refused) => Err(refused),
        None => service::accept_invitation(&state, client, &token, acceptor).await,
    };
    match result {
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
            let message = acceptance_refusal(language, &error);
            let context = invitation_context(
                language,
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
    use crate::web::page_error::sentence;

    #[test]
    fn a_new_accounts_refusals_read_in_english_as_the_model_words_them() {
        let said = |email: &str, password: &str, language| {
            new_account_refusal(email, password).map(|error| said_in(language, &error))
        };
        let long_email = format!("{}@example.org", "a".repeat(250));
        for email in ["", "no-at-sign", long_email.as_str()] {
            let error = Email::parse(email).expect_err("the address is refused");
            let refused =
                new_account_refusal(email, "long enough password").expect("the address is refused");
            assert_eq!(refused.to_string(), error.to_string());
            assert_eq!(
                said(email, "long enough password", Language::English),
                Some(sentence(&error.to_string()))
            );
        }
        let too_long = "p".repeat(Password::MAX_CHARS + 1);
        for password in ["short", too_long.as_str()] {
            let error = Password::parse(password).expect_err("the password is refused");
            let refused = new_account_refusal("carer@example.org", password)
                .expect("the password is refused");
            assert_eq!(refused.to_string(), error.to_string());
            assert_eq!(
                said("carer@example.org", password, Language::English),
                Some(sentence(&error.to_string()))
            );
        }
        assert_eq!(
            said("carer@example.org", "short", Language::Welsh),
            Some("Mae'r cyfrinair yn fyrrach na 10 nod.".to_owned())
        );
        assert_eq!(
            email_refusal(Language::Welsh, &EmailError::Malformed),
            "Nid yw'r cyfeiriad e-bost ar ffurf enw@parth."
        );
        assert!(new_account_refusal("carer@example.org", "long enough").is_none());
    }

    #[test]
    fn sign_in_only_returns_to_pages_of_this_site() {
        assert_eq!(safe_next(Some("/d/3/report")), "/d/3/report");
        assert_eq!(safe_next(Some("//evil.example")), "/convenor");
        assert_eq!(safe_next(Some("https://evil.example")), "/convenor");
        assert_eq!(safe_next(Some("/\\evil")), "/convenor");
        assert_eq!(safe_next(None), "/convenor");
    }
}
