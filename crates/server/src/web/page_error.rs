//! Errors shown as pages: the same message the API would send, in the site's layout, with
//! the status the API's error table gives it, and links that lead back to where the person
//! was: a participant to their dialogue, a convenor to the page they came from and the
//! dialogue or partnership they were working on. Unknown paths get a page of their own.

use axum::extract::Request;
use axum::http::header::{
    ACCEPT, CONTENT_SECURITY_POLICY, HOST, REFERER, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::error::{ApiError, ErrorCode};
use crate::request_id;

use super::{catalogue, language, render};

/// A failure shown to a person as a page.
#[derive(Debug)]
pub struct PageError {
    status: StatusCode,
    message: String,
    /// Seconds to wait, sent as `Retry-After`, when the page answers a rate limit.
    retry_after_secs: Option<u64>,
}

impl PageError {
    /// Returns an error page with this status and message.
    pub fn new(status: StatusCode, message: impl Into<String>) -> PageError {
        PageError {
            status,
            message: message.into(),
            retry_after_secs: None,
        }
    }

    /// Returns a 404 page.
    pub fn not_found(message: impl Into<String>) -> PageError {
        PageError::new(StatusCode::NOT_FOUND, message)
    }

    /// Returns the status of the page.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Returns the message the page shows.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> PageError {
        let status = error.code().status();
        let message = match &error {
            ApiError::Internal(cause) => {
                let request = request_id::current();
                tracing::error!(request_id = %request, error = format!("{cause:#}"), "page failed");
                catalogue::text(
                    language::current(),
                    "error-internal",
                    &[("reference", request.to_string().into())],
                )
            }
            ApiError::Unavailable(cause) => {
                let request = request_id::current();
                tracing::warn!(request_id = %request, error = format!("{cause:#}"), "storage unavailable");
                catalogue::text(language::current(), "error-unavailable", &[])
            }
            ApiError::Client { .. }
            | ApiError::DuplicateStatement { .. }
            | ApiError::RateLimited { .. } => said_in(language::current(), &error),
        };
        let retry_after_secs = match error {
            ApiError::RateLimited { retry_after_secs } => Some(retry_after_secs),
            _ => None,
        };
        PageError {
            status,
            message,
            retry_after_secs,
        }
    }
}

impl From<store::StoreError> for PageError {
    fn from(error: store::StoreError) -> PageError {
        PageError::from(ApiError::from(error))
    }
}

impl From<render::RenderError> for PageError {
    fn from(error: render::RenderError) -> PageError {
        PageError::from(ApiError::internal(error))
    }
}

/// Returns whether the error means "sign in first".
pub fn is_unauthenticated(error: &ApiError) -> bool {
    error.code() == ErrorCode::Unauthenticated
}

/// Splits a refused form's error: a mistake in what was typed comes back as its status and the
/// sentence the form shows again; a refusal of access, something missing or a fault of the
/// server passes on as the page's error.
pub fn form_refusal(error: ApiError) -> Result<(StatusCode, String), PageError> {
    let status = error.code().status();
    match error {
        ApiError::Client { .. }
            if !matches!(
                status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
            ) =>
        {
            Ok((status, said_in(language::current(), &error)))
        }
        other => Err(other.into()),
    }
}

/// Says a refusal as a page shows it: the API's message as a sentence, in `language` when
/// the catalogues have the message.
pub fn said_in(language: language::Language, error: &ApiError) -> String {
    let message = error.message_in(language);
    match language {
        // Urdu ends a sentence with its own full stop.
        language::Language::Urdu if !message.ends_with(['۔', '؟', '!', '.']) => {
            format!("{message}۔")
        }
        _ => sentence(&message),
    }
}

/// Turns an API message ("no such dialogue") into a sentence for a page.
pub fn sentence(message: &str) -> String {
    let mut characters = message.chars();
    let mut text: String = match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => return String::new(),
    };
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

tokio::task_local! {
    /// Where the request being answered was made from, for the links of its error page.
    static ORIGIN: Origin;
}

/// A link an error page offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BackLink {
    /// Where it leads: a path on this site.
    pub href: String,
    /// What it says.
    pub label: String,
}

impl BackLink {
    /// Returns a link whose label is the message `key`, in the request's language.
    fn new(href: impl Into<String>, key: &str) -> BackLink {
        BackLink {
            href: href.into(),
            label: catalogue::text(language::current(), key, &[]),
        }
    }
}

/// The page a request was made on, and the page of this site the browser came from.
#[derive(Clone, Debug, Default)]
struct Origin {
    path: String,
    /// Whether the request only reads: a page that fails on reading is not worth going back
    /// to, while a form that was refused is.
    is_read: bool,
    referer: Option<String>,
}

impl Origin {
    fn of(headers: &HeaderMap, method: &Method, path: &str) -> Origin {
        Origin {
            path: path.to_owned(),
            is_read: *method == Method::GET || *method == Method::HEAD,
            referer: same_site_referer(headers),
        }
    }

    /// Returns the links back: the page the person came from when it is another page of this
    /// site, then the dialogue or partnership the path belongs to.
    fn links(&self) -> Vec<BackLink> {
        let mut links = Vec::new();
        let segments: Vec<&str> = self.path.trim_start_matches('/').split('/').collect();
        let home = match segments.as_slice() {
            ["d", id, ..] if is_id(id) => {
                Some(BackLink::new(format!("/d/{id}"), "error-back-to-dialogue"))
            }
            ["convenor", "dialogues", id, ..] if is_id(id) => Some(BackLink::new(
                format!("/convenor/dialogues/{id}"),
                "error-back-to-dashboard",
            )),
            ["convenor", "partnerships", id, ..] if is_id(id) => Some(BackLink::new(
                format!("/convenor/partnerships/{id}"),
                "error-back-to-partnership",
            )),
            ["convenor", ..] => Some(BackLink::new("/convenor", "error-back-to-partnerships")),
            _ => None,
        };
        let is_participant = segments.first() == Some(&"d");
        if let Some(referer) = &self.referer {
            let is_same_page = referer.split(['?', '#']).next() == Some(self.path.as_str());
            let is_elsewhere = !(self.is_read && is_same_page)
                && home.as_ref().is_none_or(|home| &home.href != referer);
            // A participant's way back is their dialogue; the page they came from is offered
            // to convenors, who move between many pages.
            if is_elsewhere && !is_participant {
                links.push(BackLink::new(referer.clone(), "error-back-to-referer"));
            }
        }
        links.extend(home);
        links
    }
}

fn is_id(segment: &str) -> bool {
    !segment.is_empty() && segment.len() <= 19 && segment.bytes().all(|byte| byte.is_ascii_digit())
}

/// Returns the path (and query) of the `Referer` when it names a page of this site.
fn same_site_referer(headers: &HeaderMap) -> Option<String> {
    let referer = headers.get(REFERER)?.to_str().ok()?;
    let host = headers.get(HOST)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("https://")
        .or_else(|| referer.strip_prefix("http://"))?;
    let (authority, path) = rest.split_at(rest.find('/')?);
    let path = path.split('#').next().unwrap_or_default();
    let is_plain_path = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && path.len() <= 2000
        && !path.chars().any(char::is_control);
    (authority.eq_ignore_ascii_case(host) && is_plain_path).then(|| path.to_owned())
}

/// Remembers where a page request was made from, so that an error page answering it can lead
/// back there.
pub async fn remember_origin(request: Request, next: Next) -> Response {
    let origin = Origin::of(request.headers(), request.method(), request.uri().path());
    ORIGIN.scope(origin, next.run(request)).await
}

/// Returns whether a request would rather have a page than JSON: a browser asking for HTML,
/// outside the JSON API.
pub fn wants_page(headers: &HeaderMap, path: &str) -> bool {
    if path == "/api" || path.starts_with("/api/") {
        return false;
    }
    headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|accept| accept.contains("text/html"))
}

/// Answers a path no route serves with a page for people, with links home.
pub fn not_found_page(headers: &HeaderMap, path: &str) -> Response {
    let origin = Origin::of(headers, &Method::GET, path);
    let language = language::current();
    let message = catalogue::text(language, "error-page-not-found", &[]);
    let title = catalogue::text(language, "error-title-page-not-found", &[]);
    let body = render::error_page(&title, &message, &origin.links());
    let mut response = (StatusCode::NOT_FOUND, Html(body)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(super::security::CONTENT_SECURITY_POLICY_VALUE),
    );
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let title = match self.status {
            StatusCode::NOT_FOUND => "error-title-not-found",
            StatusCode::FORBIDDEN => "error-title-not-allowed",
            StatusCode::UNAUTHORIZED => "error-title-sign-in",
            status if status.is_server_error() => "error-title-server",
            _ => "error-title-other",
        };
        let title = catalogue::text(language::current(), title, &[]);
        let links = ORIGIN.try_with(Origin::links).unwrap_or_default();
        let body = render::error_page(&title, &self.message, &links);
        let mut response = (self.status, Html(body)).into_response();
        if let Some(seconds) = self.retry_after_secs {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(seconds),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_messages_become_sentences() {
        assert_eq!(sentence("no such dialogue"), "No such dialogue.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), "");
    }

    /// A link as an English page shows it.
    fn link(href: &str, label: &str) -> BackLink {
        BackLink {
            href: href.to_owned(),
            label: label.to_owned(),
        }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn a_participant_is_led_back_to_their_dialogue() {
        let origin = Origin::of(&headers(&[]), &Method::POST, "/d/12/write");
        assert_eq!(origin.links(), vec![link("/d/12", "Back to the dialogue")]);
    }

    #[test]
    fn a_convenor_is_led_back_to_the_page_they_came_from_and_the_dashboard() {
        let sent = headers(&[
            ("host", "example.org"),
            (
                "referer",
                "https://example.org/convenor/dialogues/4/settings?x=1",
            ),
        ]);
        let origin = Origin::of(&sent, &Method::POST, "/convenor/dialogues/4/moderation");
        assert_eq!(
            origin.links(),
            vec![
                link(
                    "/convenor/dialogues/4/settings?x=1",
                    "Back to the page you came from"
                ),
                link("/convenor/dialogues/4", "Go to the dialogue's dashboard"),
            ]
        );
    }

    #[test]
    fn another_sites_referer_is_never_a_link() {
        for referer in [
            "https://evil.example/convenor",
            "https://example.org//evil.example/x",
            "javascript:alert(1)",
            "https://example.org",
        ] {
            let sent = headers(&[("host", "example.org"), ("referer", referer)]);
            assert_eq!(same_site_referer(&sent), None, "{referer}");
        }
    }

    #[test]
    fn browsers_get_pages_and_the_api_gets_json() {
        let html = headers(&[("accept", "text/html,application/xhtml+xml")]);
        assert!(wants_page(&html, "/nowhere"));
        assert!(!wants_page(&html, "/api/nowhere"));
        assert!(!wants_page(
            &headers(&[("accept", "application/json")]),
            "/nowhere"
        ));
        assert!(!wants_page(&headers(&[]), "/nowhere"));
    }

    #[test]
    fn api_errors_keep_their_status() {
        let page = PageError::from(ApiError::dialogue_not_found());
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
        assert_eq!(page.message(), "No such dialogue.");
    }
}
