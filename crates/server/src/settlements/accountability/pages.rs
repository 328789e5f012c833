//! The accountability pages: the public outcomes page ("you said, we did"), the partnership's
//! actions dashboard with the record's downloads and the calendar feed, the printable
//! agreement, and the forms that publish the outcomes and make or revoke the feed's address.
//! Every read and change goes through [`super::service`].

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use model::PartnershipId;
use serde::Serialize;

use super::document::{Dashboard, Outcomes, PublicationState};
use super::service::{self, Agreement};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::forms::FormData;
use crate::web::page_error::PageError;
use crate::web::render::{Layout, page};
use crate::web::security::PageConvenor;
use crate::web::see_other;

#[derive(Serialize)]
struct OutcomesContext {
    layout: Layout,
    outcomes: Outcomes,
}

/// Answers `GET /p/{id}/outcomes`: the partnership's adopted objectives, what the public said
/// that they rest on, who endorsed them and their actions. Public once published; a preview
/// for the partnership's convenors before; a "not found" page for everyone else.
pub async fn outcomes(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, PageError> {
    let outcomes = service::outcomes(&state, &headers, id).await?;
    let layout = Layout::public(format!("You said, we did: {}", outcomes.partnership_name));
    Ok(page(
        "accountability_outcomes.html",
        OutcomesContext { layout, outcomes },
    )?
    .into_response())
}

#[derive(Serialize)]
struct DashboardContext {
    layout: Layout,
    dashboard: Dashboard,
    convenes: bool,
    publication: Option<PublicationState>,
    /// The calendar feed's address, shown once just after it was made.
    feed_url: Option<String>,
}

async fn dashboard_page(
    state: &AppState,
    convenor: &PageConvenor,
    id: PartnershipId,
    feed_url: Option<String>,
) -> Result<Response, PageError> {
    let dashboard = service::dashboard(state, &convenor.current, id).await?;
    let (_, role) = convenor.current.see_partnership(state, id).await?;
    let publication = if role.convenes() {
        Some(service::publication(state, &convenor.current, id).await?)
    } else {
        None
    };
    let context = DashboardContext {
        layout: convenor.layout(format!("Actions: {}", dashboard.partnership_name)),
        dashboard,
        convenes: role.convenes(),
        publication,
        feed_url,
    };
    Ok(page("accountability_dashboard.html", context)?.into_response())
}

/// Answers `GET /convenor/partnerships/{pid}/accountability`: the actions dashboard, for the
/// partnership's convenors and its partners' representatives.
pub async fn dashboard(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, PageError> {
    dashboard_page(&state, &convenor, id, None).await
}

#[derive(Serialize)]
struct AgreementContext {
    layout: Layout,
    partnership_id: i64,
    agreement: Agreement,
}

/// Answers `GET /convenor/partnerships/{pid}/agreement`: the printable agreement.
pub async fn agreement(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, PageError> {
    let agreement = service::agreement(&state, &convenor.current, id).await?;
    let context = AgreementContext {
        layout: convenor.layout(format!("Agreement: {}", agreement.partnership_name)),
        partnership_id: id.get(),
        agreement,
    };
    Ok(page("accountability_agreement.html", context)?.into_response())
}

/// Answers `POST /convenor/partnerships/{pid}/outcomes/publication`: publishes the outcomes
/// page (`published=yes`) or takes it down (`published=no`), then goes back to the partnership's page.
pub async fn set_publication(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let published = match form.text("published") {
        "yes" => true,
        "no" => false,
        _ => {
            return Err(ApiError::validation(
                "published must be \"yes\" (publish the outcomes page) or \"no\" (take it down)",
            )
            .into());
        }
    };
    service::set_published(&state, &convenor.current, id, published).await?;
    Ok(see_other(&format!("/convenor/partnerships/{id}")))
}

/// Answers `POST /convenor/partnerships/{pid}/calendar-feed`: makes a new address for the
/// calendar feed and shows the dashboard with it, once.
pub async fn renew_calendar_feed(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let feed = service::renew_calendar_feed(&state, &convenor.current, id).await?;
    dashboard_page(&state, &convenor, id, Some(feed.url)).await
}

/// Answers `POST /convenor/partnerships/{pid}/calendar-feed/revoke`: the feed's address stops
/// working.
pub async fn revoke_calendar_feed(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::revoke_calendar_feed(&state, &convenor.current, id).await?;
    Ok(see_other(&format!(
        "/convenor/partnerships/{id}/accountability"
    )))
}
