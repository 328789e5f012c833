//! Errors shown as pages: the same message the API would send, in the site's layout, with
//! the status the API's error table gives it.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::error::{ApiError, ErrorCode};
use crate::request_id;

use super::render;

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
                format!(
                    "Something went wrong on our side. If it happens again, quote this reference to the people running this site: {request}."
                )
            }
            ApiError::Unavailable(cause) => {
                let request = request_id::current();
                tracing::warn!(request_id = %request, error = format!("{cause:#}"), "storage unavailable");
                "The service is busy or restarting. Please try again in a moment.".to_owned()
            }
            ApiError::Client { .. }
            | ApiError::DuplicateStatement { .. }
            | ApiError::RateLimited { .. } => sentence(&error.to_string()),
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

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let title = match self.status {
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::FORBIDDEN => "Not allowed",
            StatusCode::UNAUTHORIZED => "Sign-in needed",
            status if status.is_server_error() => "Something went wrong",
            _ => "That did not work",
        };
        let body = render::error_page(title, &self.message);
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

    #[test]
    fn api_errors_keep_their_status() {
        let page = PageError::from(ApiError::dialogue_not_found());
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
        assert_eq!(page.message(), "No such dialogue.");
    }
}
