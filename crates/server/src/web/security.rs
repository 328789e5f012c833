//! What keeps the pages safe to use: security headers with a Content-Security-Policy that
//! allows no inline script, a same-origin check on every form post, and a per-session token
//! that convenors' forms carry and posts must return.

use axum::extract::{FromRequestParts, Request};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, HOST, ORIGIN, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use model::Token;

use crate::auth::{CurrentConvenor, SESSION_COOKIE};
use crate::error::ErrorCode;
use crate::state::AppState;

use fluent_bundle::FluentValue;

use super::catalogue::text;
use super::forms::FormData;
use super::language::{Language, PageLanguage, REPRESENTATIVE_LANGUAGES};
use super::page_error::PageError;
use super::render::Layout;

/// The policy every page is served with: only this site's own scripts, styles and images, no
/// plug-ins, no framing, and forms that post only here.
pub const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'self'; script-src 'self'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The name of the hidden form field carrying the session's token.
pub const CSRF_FIELD: &str = "csrf";

/// Adds the security headers to every page and refuses form posts from other sites.
pub async fn headers(request: Request, next: Next) -> Response {
    if request.method() == Method::POST && !is_same_origin(request.headers()) {
        return PageError::new(
            StatusCode::FORBIDDEN,
            "This form was sent from another site, so it was not accepted.",
        )
        .into_response();
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY_VALUE),
    );
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

/// Returns whether a post comes from this site: browsers send `Origin` (and
/// `Sec-Fetch-Site`) with form posts, and both must name this host when present.
fn is_same_origin(headers: &HeaderMap) -> bool {
    if headers
        .get("sec-fetch-site")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|site| site == "cross-site" || site == "same-site")
    {
        return false;
    }
    let Some(origin) = headers.get(ORIGIN).and_then(|value| value.to_str().ok()) else {
        return true;
    };
    let Some(host) = headers.get(HOST).and_then(|value| value.to_str().ok()) else {
        return false;
    };
    let authority = origin
        .split_once("://")
        .map_or(origin, |(_, authority)| authority);
    authority.eq_ignore_ascii_case(host)
}

/// Returns the form token of the session whose token is `session`: a one-way function of
/// it, different from the hash the store keeps, so the page reveals nothing usable.
pub fn csrf_token(session: &Token) -> String {
    let mut bytes = [0u8; model::token::TOKEN_BYTES];
    let text = session.as_str().as_bytes();
    for (index, byte) in bytes.iter_mut().enumerate() {
        let pair = text.get(index * 2..index * 2 + 2).unwrap_or(b"00");
        let value = std::str::from_utf8(pair)
            .ok()
            .and_then(|digits| u8::from_str_radix(digits, 16).ok())
            .unwrap_or(0);
        *byte = value ^ 0x5c;
    }
    Token::from_bytes(bytes).hash().to_hex()
}

/// Compares two strings in time that depends only on their lengths.
pub(crate) fn same_secret(left: &str, right: &str) -> bool {
    left.len() == right.len()
        && left
            .bytes()
            .zip(right.bytes())
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0
}

/// A convenor signed in to the pages, with the token their forms must carry.
pub struct PageConvenor {
    /// The convenor, as the API's extractor found them.
    pub current: CurrentConvenor,
    /// The token for this session's forms.
    pub csrf: String,
}

impl PageConvenor {
    /// Refuses a form whose token is not this session's.
    pub fn check(&self, form: &FormData) -> Result<(), PageError> {
        match form.get(CSRF_FIELD) {
            Some(sent) if same_secret(sent, &self.csrf) => Ok(()),
            // Said in the language of the page the form was sent from, when it is translated.
            _ => Err(PageError::new(
                StatusCode::FORBIDDEN,
                text(super::language::current(), "error-form-expired", &[]),
            )),
        }
    }

    /// Returns the convenor's email address.
    pub fn email(&self) -> &str {
        self.current.convenor.email.as_str()
    }

    /// Returns the layout of a page a partner's representative works in, translated into
    /// [`REPRESENTATIVE_LANGUAGES`] (a language it lacks gives English), with the switcher
    /// keeping the page's own query parameters.
    pub fn representative_layout(
        &self,
        language: Language,
        query: Option<&str>,
        title: impl Into<String>,
    ) -> Layout {
        self.layout_among(&REPRESENTATIVE_LANGUAGES, language, query, title)
    }

    /// Returns the layout of a signed-in page the public reads too (an event's poster, a printed
    /// card sheet), in any of the interface's languages, with the switcher keeping the page's
    /// own query parameters.
    pub fn public_layout(
        &self,
        language: Language,
        query: Option<&str>,
        title: impl Into<String>,
    ) -> Layout {
        self.layout_among(&Language::ALL, language, query, title)
    }

    fn layout_among(
        &self,
        languages: &[Language],
        language: Language,
        query: Option<&str>,
        title: impl Into<String>,
    ) -> Layout {
        Layout {
            language: PageLanguage::among(language, languages, query),
            ..self.layout(title)
        }
    }

    /// Returns the layout of a convenor's page: their address and their forms' token.
    pub fn layout(&self, title: impl Into<String>) -> Layout {
        Layout {
            title: title.into(),
            convenor: Some(self.email().to_owned()),
            csrf: Some(self.csrf.clone()),
            ..Layout::default()
        }
    }
}

/// How a page a partner's representative works in was asked for: in which language, with which
/// query string (kept by the switcher), and, for a page shown in answer to a form's post, at
/// which address it is read.
#[derive(Clone, Copy)]
pub struct Asked<'a> {
    /// The page's language, among the representatives'.
    pub language: Language,
    query: Option<&'a str>,
    path: Option<&'a str>,
}

impl<'a> Asked<'a> {
    /// A page read at its own address.
    pub fn read(language: Language, query: Option<&'a str>) -> Asked<'a> {
        Asked {
            language: language.within(&REPRESENTATIVE_LANGUAGES),
            query,
            path: None,
        }
    }

    /// A page shown in answer to a form posted elsewhere; its own address is `path`.
    pub fn posted(language: Language, path: &'a str) -> Asked<'a> {
        Asked {
            language: language.within(&REPRESENTATIVE_LANGUAGES),
            query: None,
            path: Some(path),
        }
    }

    /// Returns the page's layout, with the switcher.
    pub fn layout(&self, convenor: &PageConvenor, title: String) -> Layout {
        let mut layout = convenor.representative_layout(self.language, self.query, title);
        if let Some(path) = self.path {
            layout.language = layout.language.at(path);
        }
        layout
    }

    /// Returns the message `key` in the page's language.
    pub fn text(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        text(self.language, key, args)
    }
}

/// Sends people who are not signed in to the sign-in page, and back here afterwards.
pub struct SignInFirst(String);

impl IntoResponse for SignInFirst {
    fn into_response(self) -> Response {
        Redirect::to(&format!("/login?next={}", encode_query_value(&self.0))).into_response()
    }
}

/// Percent-encodes a value for a query string.
pub fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The rejection of [`PageConvenor`]: a redirect to sign in, or an error page.
pub enum ConvenorRejection {
    /// Not signed in.
    SignIn(SignInFirst),
    /// Signed in, but the store failed.
    Error(PageError),
}

impl IntoResponse for ConvenorRejection {
    fn into_response(self) -> Response {
        match self {
            ConvenorRejection::SignIn(redirect) => redirect.into_response(),
            ConvenorRejection::Error(error) => error.into_response(),
        }
    }
}

impl FromRequestParts<AppState> for PageConvenor {
    type Rejection = ConvenorRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let path = parts.uri.path_and_query().map_or_else(
            || parts.uri.path().to_owned(),
            |value| value.as_str().to_owned(),
        );
        let current = match CurrentConvenor::from_headers(&parts.headers, state).await {
            Ok(current) => current,
            Err(error) if error.code() == ErrorCode::Unauthenticated => {
                return Err(ConvenorRejection::SignIn(SignInFirst(path)));
            }
            Err(error) => return Err(ConvenorRejection::Error(PageError::from(error))),
        };
        let session = CookieJar::from_headers(&parts.headers)
            .get(SESSION_COOKIE)
            .and_then(|cookie| Token::parse(cookie.value()).ok())
            .ok_or(ConvenorRejection::SignIn(SignInFirst(path)))?;
        Ok(PageConvenor {
            current,
            csrf: csrf_token(&session),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn posts_from_this_host_pass_and_posts_from_elsewhere_do_not() {
        assert!(is_same_origin(&headers(&[("host", "example.org")])));
        assert!(is_same_origin(&headers(&[
            ("host", "example.org:8080"),
            ("origin", "https://example.org:8080"),
        ])));
        assert!(!is_same_origin(&headers(&[
            ("host", "example.org"),
            ("origin", "https://evil.example"),
        ])));
        assert!(!is_same_origin(&headers(&[
            ("host", "example.org"),
            ("sec-fetch-site", "cross-site"),
        ])));
    }

    #[test]
    fn the_form_token_is_stable_per_session_and_differs_between_sessions() {
        let first = Token::from_bytes([7; model::token::TOKEN_BYTES]);
        let second = Token::from_bytes([8; model::token::TOKEN_BYTES]);
        assert_eq!(csrf_token(&first), csrf_token(&first));
        assert_ne!(csrf_token(&first), csrf_token(&second));
        assert_ne!(csrf_token(&first), first.hash().to_hex());
        assert_ne!(csrf_token(&first), first.as_str());
        assert_eq!(csrf_token(&first).len(), 64);
    }

    #[test]
    fn secrets_compare_by_content() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("/d/1?x=1&y"), "/d/1%3Fx%3D1%26y");
    }
}
