//! The JSON routes of the accountability outputs: the public outcomes, their publication, the
//! actions dashboard, the record export (JSON and CSV), the calendar feed's secret and the feed.

use axum::Json;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use model::PartnershipId;
use serde::Deserialize;
use utoipa::IntoParams;

use super::document::{
    CalendarFeed, Dashboard, Outcomes, PublicationRequest, PublicationState, RecordExport,
};
use super::service;
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

/// Returns a partnership's outcomes ("you said, we did"): each adopted objective, the public
/// statements it rests on with their agreement when it was written, each partner's stance,
/// and its actions with their status. Public once the convenors publish it; before that the
/// partnership's convenors get a preview (`is_published` false) and everyone else 404.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/outcomes", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = Outcomes),
        (status = 404, description = "`not_found`: no such partnership, or its outcomes are not published", body = ErrorBody),
    )
)]
pub async fn outcomes(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Outcomes>, ApiError> {
    Ok(Json(service::outcomes(&state, &headers, id).await?))
}

/// Returns whether the partnership's outcomes page is published.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/outcomes/publication", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = PublicationState),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn publication(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<PublicationState>, ApiError> {
    Ok(Json(service::publication(&state, &actor, id).await?))
}

/// Publishes the partnership's outcomes page (`published: true`) or takes it down.
/// Publishing an already public page keeps its first publication's date.
#[utoipa::path(
    put, path = "/api/partnerships/{id}/outcomes/publication", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id")),
    request_body = PublicationRequest,
    responses(
        (status = 200, body = PublicationState),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn set_publication(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiJson(body): ApiJson<PublicationRequest>,
) -> Result<Json<PublicationState>, ApiError> {
    Ok(Json(
        service::set_published(&state, &actor, id, body.published).await?,
    ))
}

/// Returns the partnership's actions dashboard: totals, what is late (the latest first), what
/// is blocked, and every action by objective and by owning partner.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/accountability", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = Dashboard),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn dashboard(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<Dashboard>, ApiError> {
    Ok(Json(service::dashboard(&state, &actor, id).await?))
}

fn download(body: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (CONTENT_DISPOSITION, disposition),
            (CACHE_CONTROL, HeaderValue::from_static("private, no-cache")),
        ],
        body,
    )
        .into_response()
}

/// Returns the partnership's whole hash-chained record: every entry with its sequence, time,
/// actor, kind, payload, previous hash and hash, the genesis and the head hash, and whether
/// the chain verified. `commonground verify-record` checks the same chain.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/record", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, body = RecordExport),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn record(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Json<RecordExport>, ApiError> {
    Ok(Json(service::record_export(&state, &actor, id).await?))
}

/// Returns the partnership's record as CSV: a header row (`sequence`, `recorded_at`,
/// `recorded_at_utc`, `actor`, `kind`, `payload`, `previous_hash`, `hash`) and one row per
/// entry, its fields exactly as hashed.
#[utoipa::path(
    get, path = "/api/partnerships/{id}/record.csv", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 200, description = "The record as CSV", content_type = "text/csv", body = String),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn record_csv(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, ApiError> {
    let export = service::record_export(&state, &actor, id).await?;
    let body = service::record_csv(&export)?;
    Ok(download(
        body,
        "text/csv; charset=utf-8",
        &format!("partnership-{id}-record.csv"),
    ))
}

/// Makes a new secret address for the partnership's calendar feed and returns it (shown only
/// now: only its hash is kept). The previous address stops working.
#[utoipa::path(
    post, path = "/api/partnerships/{id}/calendar-feed", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 201, body = CalendarFeed),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn renew_calendar_feed(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<(StatusCode, Json<CalendarFeed>), ApiError> {
    let feed = service::renew_calendar_feed(&state, &actor, id).await?;
    Ok((StatusCode::CREATED, Json(feed)))
}

/// Revokes the calendar feed's address.
#[utoipa::path(
    delete, path = "/api/partnerships/{id}/calendar-feed", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a convenor of this partnership", body = ErrorBody),
        (status = 404, description = "`partnership_not_found`", body = ErrorBody),
    ),
    security(("convenor_session" = []))
)]
pub async fn revoke_calendar_feed(
    State(state): State<AppState>,
    actor: CurrentConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<StatusCode, ApiError> {
    service::revoke_calendar_feed(&state, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What the calendar feed may be asked with.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct FeedQuery {
    /// The feed's secret, as in the address a convenor made.
    token: Option<String>,
}

/// Returns the partnership's actions' due dates as an iCalendar feed (RFC 5545) that calendar
/// apps subscribe to: one all-day event per action with a due date. Read with the secret in
/// the address (`?token=`), or signed in as a convenor or partner representative.
#[utoipa::path(
    get, path = "/p/{id}/actions.ics", tag = "accountability",
    params(("id" = i64, Path, description = "Partnership id"), FeedQuery),
    responses(
        (status = 200, description = "The calendar", content_type = "text/calendar", body = String),
        (status = 401, description = "`unauthenticated`: no secret and not signed in", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`: a wrong or revoked secret", body = ErrorBody),
    )
)]
pub async fn calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<PartnershipId>,
    ApiQuery(query): ApiQuery<FeedQuery>,
) -> Result<Response, ApiError> {
    let ics = service::calendar(&state, &headers, id, query.token.as_deref()).await?;
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                CONTENT_DISPOSITION,
                HeaderValue::from_static("inline; filename=\"actions.ics\""),
            ),
            (CACHE_CONTROL, HeaderValue::from_static("private, no-cache")),
        ],
        ics,
    )
        .into_response())
}
