//! Easy-read mode, a reader's choice like their language: `?easy=1` turns it on and `?easy=0`
//! off on any participant page, and the choice is remembered in the `cg_easy` cookie for a
//! year. Pages in easy read use larger type, simpler instructions, symbols beside agree,
//! disagree and pass, and each statement's easy-read version where a convenor wrote one.

use axum::extract::{FromRequestParts, Request};
use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;

use crate::state::AppState;

/// The cookie that remembers the choice of easy read.
pub const EASY_READ_COOKIE: &str = "cg_easy";

/// The query parameter that turns easy read on (`1`) or off (`0`).
pub const EASY_READ_PARAMETER: &str = "easy";

/// Whether the reader chose easy read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EasyRead(pub bool);

/// Returns the choice a query string makes with `easy=`, if it makes one.
fn chosen_in_query(query: &str) -> Option<bool> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(name, _)| *name == EASY_READ_PARAMETER)
        .find_map(|(_, value)| match value {
            "1" | "on" => Some(true),
            "0" | "off" => Some(false),
            _ => None,
        })
}

impl EasyRead {
    /// Chooses easy read for a request: the query, then the remembered choice, then off.
    pub fn negotiate(query: Option<&str>, headers: &axum::http::HeaderMap) -> EasyRead {
        if let Some(chosen) = query.and_then(chosen_in_query) {
            return EasyRead(chosen);
        }
        EasyRead(
            CookieJar::from_headers(headers)
                .get(EASY_READ_COOKIE)
                .is_some_and(|cookie| cookie.value() == "1"),
        )
    }
}

impl FromRequestParts<AppState> for EasyRead {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(EasyRead::negotiate(parts.uri.query(), &parts.headers))
    }
}

/// Remembers a choice made with `?easy=` in a cookie for a year. The cookie holds only the
/// choice, nothing about the person.
pub async fn remember_choice(request: Request, next: Next) -> Response {
    let chosen = request.uri().query().and_then(chosen_in_query);
    let mut response = next.run(request).await;
    if let Some(chosen) = chosen {
        let cookie = if chosen {
            "cg_easy=1; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000"
        } else {
            "cg_easy=0; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000"
        };
        response
            .headers_mut()
            .append(SET_COOKIE, HeaderValue::from_static(cookie));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_beats_the_cookie_and_nothing_means_off() {
        let mut headers = axum::http::HeaderMap::new();
        assert_eq!(EasyRead::negotiate(None, &headers), EasyRead(false));
        headers.insert("cookie", "cg_easy=1".parse().unwrap());
        assert_eq!(EasyRead::negotiate(None, &headers), EasyRead(true));
        assert_eq!(
            EasyRead::negotiate(Some("lang=cy&easy=0"), &headers),
            EasyRead(false)
        );
        assert_eq!(
            EasyRead::negotiate(Some("easy=maybe"), &headers),
            EasyRead(true)
        );
        assert_eq!(chosen_in_query("easy=1"), Some(true));
        assert_eq!(chosen_in_query("easier=1"), None);
    }
}
