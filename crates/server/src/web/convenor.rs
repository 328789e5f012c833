//! The convenors' pages: signing in and out, partnerships and their partners. A dialogue's
//! own pages live in the dialogues and moderation rooms.
//!
//! Every form carries the session's token and every post checks it. Signing in and out goes
//! through the API's handlers; partnerships and partners, which the API does not manage, are
//! written to the store here.

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use axum_extra::extract::{Query, QueryRejection};
use model::{PartnerName, PartnershipId, PartnershipName, Purpose, Sector};
use serde::Serialize;
use store::{Dialogue, NewPartner, NewPartnership, Partnership};

use crate::api::LoginRequest;
use crate::auth::CurrentConvenor;
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorCode};
use crate::extract::{ApiJson, ApiPath};
use crate::routes::session;
use crate::state::AppState;

use super::forms::FormData;
use super::page_error::{PageError, sentence};
use super::render::{Layout, page};
use super::security::PageConvenor;

fn layout(convenor: &PageConvenor, title: impl Into<String>) -> Layout {
    Layout {
        title: title.into(),
        convenor: Some(convenor.email().to_owned()),
        csrf: Some(convenor.csrf.clone()),
    }
}

fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// The query string of the sign-in page: where to go afterwards.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

/// Returns a path on this site to go to after signing in; anything else becomes the
/// convenor's home, so the sign-in page cannot send people to another site.
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

// Home, sign-in and sign-out.

#[derive(Serialize)]
struct HomeContext {
    layout: Layout,
}

/// Answers `GET /`: the convenor's home when signed in, otherwise a short welcome.
pub async fn home(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
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

/// Answers `GET /login`.
pub async fn login_page(
    query: Result<Query<LoginQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let next = safe_next(query.next.as_deref());
    Ok(page(
        "login.html",
        LoginContext {
            layout: Layout::public("Sign in"),
            next,
            email: String::new(),
            error: None,
        },
    )?
    .into_response())
}

/// Answers `POST /login`: signs in through the API and goes on to the page asked for.
pub async fn login(
    State(state): State<AppState>,
    client: ClientAddress,
    form: FormData,
) -> Result<Response, PageError> {
    let next = safe_next(form.get("next"));
    let email = form.text("email").to_owned();
    let result = session::login(
        State(state),
        client,
        ApiJson(LoginRequest {
            email: email.clone(),
            password: form.get("password").unwrap_or_default().to_owned(),
        }),
    )
    .await;
    match result {
        Ok(answer) => {
            let answer = answer.into_response();
            let mut redirect = see_other(&next);
            if let Some(cookie) = answer.headers().get(SET_COOKIE) {
                redirect.headers_mut().insert(SET_COOKIE, cookie.clone());
            }
            Ok(redirect)
        }
        Err(error) if error.code() == ErrorCode::InvalidCredentials => {
            let body = page(
                "login.html",
                LoginContext {
                    layout: Layout::public("Sign in"),
                    next,
                    email,
                    error: Some(
                        "The email address and password do not match an account. Check them and try again."
                            .to_owned(),
                    ),
                },
            )?;
            Ok((StatusCode::UNAUTHORIZED, body).into_response())
        }
        Err(ApiError::RateLimited { retry_after_secs }) => {
            let minutes = retry_after_secs.div_ceil(60);
            let wait = if minutes <= 1 {
                "a minute".to_owned()
            } else {
                format!("{minutes} minutes")
            };
            let body = page(
                "login.html",
                LoginContext {
                    layout: Layout::public("Sign in"),
                    next,
                    email,
                    error: Some(format!(
                        "There have been too many attempts to sign in. Wait {wait}, then try again."
                    )),
                },
            )?;
            Ok((
                StatusCode::TOO_MANY_REQUESTS,
                [(
                    axum::http::header::RETRY_AFTER,
                    retry_after_secs.to_string(),
                )],
                body,
            )
                .into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// Answers `POST /logout`: ends the session through the API.
pub async fn logout(
    State(state): State<AppState>,
    convenor: PageConvenor,
    jar: CookieJar,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let answer = session::logout(State(state), jar).await?.into_response();
    let mut redirect = see_other("/");
    if let Some(cookie) = answer.headers().get(SET_COOKIE) {
        redirect.headers_mut().insert(SET_COOKIE, cookie.clone());
    }
    Ok(redirect)
}

// Partnerships and partners.

#[derive(Serialize)]
struct DialogueLink {
    id: i64,
    title: String,
    is_closed: bool,
}

#[derive(Serialize)]
struct PartnershipCard {
    id: i64,
    name: String,
    purpose: String,
    dialogues: Vec<DialogueLink>,
}

#[derive(Serialize)]
struct DashboardContext {
    layout: Layout,
    partnerships: Vec<PartnershipCard>,
    error: Option<String>,
    name: String,
    purpose: String,
}

async fn visible_partnerships(
    state: &AppState,
    convenor: &PageConvenor,
) -> Result<Vec<Partnership>, PageError> {
    let account = &convenor.current.convenor;
    Ok(if account.is_admin {
        state.store().list_partnerships().await?
    } else {
        state.store().list_convenor_partnerships(account.id).await?
    })
}

fn dialogue_link(dialogue: &Dialogue) -> DialogueLink {
    DialogueLink {
        id: dialogue.id.get(),
        title: dialogue.settings.title.as_str().to_owned(),
        is_closed: !dialogue.is_open,
    }
}

async fn dashboard_context(
    state: &AppState,
    convenor: &PageConvenor,
    error: Option<String>,
    name: String,
    purpose: String,
) -> Result<DashboardContext, PageError> {
    let mut partnerships = Vec::new();
    for partnership in visible_partnerships(state, convenor).await? {
        let dialogues = state.store().list_dialogues(partnership.id).await?;
        partnerships.push(PartnershipCard {
            id: partnership.id.get(),
            name: partnership.name.as_str().to_owned(),
            purpose: partnership.purpose.as_str().to_owned(),
            dialogues: dialogues.iter().map(dialogue_link).collect(),
        });
    }
    Ok(DashboardContext {
        layout: layout(convenor, "Your partnerships"),
        partnerships,
        error,
        name,
        purpose,
    })
}

/// Answers `GET /convenor`: the partnerships this convenor convenes and their dialogues.
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
    let parsed = PartnershipName::parse(&name)
        .map_err(|error| sentence(&error.to_string()))
        .and_then(|valid_name| {
            Purpose::parse(&purpose)
                .map(|valid_purpose| (valid_name, valid_purpose))
                .map_err(|error| sentence(&error.to_string()))
        });
    let (valid_name, valid_purpose) = match parsed {
        Ok(valid) => valid,
        Err(message) => {
            let context =
                dashboard_context(&state, &convenor, Some(message), name, purpose).await?;
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page("dashboard.html", context)?,
            )
                .into_response());
        }
    };
    let partnership = state
        .store()
        .create_partnership(NewPartnership {
            name: valid_name,
            purpose: valid_purpose,
            created_at: state.now_ms(),
        })
        .await?;
    state
        .store()
        .add_partnership_member(partnership.id, convenor.current.convenor.id)
        .await?;
    Ok(see_other(&format!(
        "/convenor/partnerships/{}",
        partnership.id
    )))
}

/// Returns the partnership if this convenor may manage it.
async fn partnership_for(
    state: &AppState,
    convenor: &PageConvenor,
    id: i64,
) -> Result<Partnership, PageError> {
    let partnership = state.store().get_partnership(PartnershipId(id)).await?;
    let account = &convenor.current.convenor;
    if account.is_admin
        || state
            .store()
            .is_partnership_member(partnership.id, account.id)
            .await?
    {
        Ok(partnership)
    } else {
        Err(PageError::from(ApiError::forbidden(
            "only convenors of this partnership may see this page",
        )))
    }
}

#[derive(Serialize)]
struct PartnerRow {
    name: String,
    sector: String,
}

#[derive(Serialize)]
struct SectorOption {
    value: &'static str,
    label: &'static str,
}

fn sector_label(sector: Sector) -> &'static str {
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
struct PartnershipContext {
    layout: Layout,
    partnership: PartnershipCard,
    partners: Vec<PartnerRow>,
    members: Vec<String>,
    sectors: Vec<SectorOption>,
    error: Option<String>,
}

async fn partnership_context(
    state: &AppState,
    convenor: &PageConvenor,
    partnership: &Partnership,
    error: Option<String>,
) -> Result<PartnershipContext, PageError> {
    let dialogues = state.store().list_dialogues(partnership.id).await?;
    let partners = state.store().list_partners(partnership.id).await?;
    let members = state
        .store()
        .list_partnership_members(partnership.id)
        .await?;
    Ok(PartnershipContext {
        layout: layout(convenor, partnership.name.as_str()),
        partnership: PartnershipCard {
            id: partnership.id.get(),
            name: partnership.name.as_str().to_owned(),
            purpose: partnership.purpose.as_str().to_owned(),
            dialogues: dialogues.iter().map(dialogue_link).collect(),
        },
        partners: partners
            .iter()
            .map(|partner| PartnerRow {
                name: partner.name.as_str().to_owned(),
                sector: sector_label(partner.sector).to_owned(),
            })
            .collect(),
        members: members
            .iter()
            .map(|member| member.email.as_str().to_owned())
            .collect(),
        sectors: Sector::ALL
            .iter()
            .map(|&sector| SectorOption {
                value: sector.as_str(),
                label: sector_label(sector),
            })
            .collect(),
        error,
    })
}

/// Answers `GET /convenor/partnerships/{pid}`.
pub async fn partnership_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, PageError> {
    let partnership = partnership_for(&state, &convenor, id).await?;
    let context = partnership_context(&state, &convenor, &partnership, None).await?;
    Ok(page("partnership.html", context)?.into_response())
}

/// Answers `POST /convenor/partnerships/{pid}/partners`: adds a partner organisation.
pub async fn add_partner(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let partnership = partnership_for(&state, &convenor, id).await?;
    let parsed = PartnerName::parse(form.text("name"))
        .map_err(|error| sentence(&error.to_string()))
        .and_then(|name| {
            form.text("sector")
                .parse::<Sector>()
                .map(|sector| (name, sector))
                .map_err(|_| "Choose the partner's sector.".to_owned())
        });
    let (name, sector) = match parsed {
        Ok(valid) => valid,
        Err(message) => {
            let context =
                partnership_context(&state, &convenor, &partnership, Some(message)).await?;
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page("partnership.html", context)?,
            )
                .into_response());
        }
    };
    state
        .store()
        .create_partner(NewPartner {
            partnership: partnership.id,
            name,
            sector,
            created_at: state.now_ms(),
        })
        .await?;
    Ok(see_other(&format!("/convenor/partnerships/{id}")))
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
