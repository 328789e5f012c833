//! Reading the forms the pages post: URL-encoded fields through `axum_extra`'s `Form`
//! (serde_html_form), or `multipart/form-data` through axum's `Multipart` when the form
//! carries a file (the CSV of seed statements).
//!
//! Both arrive as one list of (name, value) pairs, so a checkbox list such as the
//! constituencies a participant belongs to keeps every value it sent.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum_extra::extract::Form;
use axum_extra::extract::FormRejection;

use super::page_error::PageError;

/// The fields of a posted form, in the order they were sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormData {
    fields: Vec<(String, String)>,
}

impl FormData {
    /// Returns the first value of a field, if it was sent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }

    /// Returns the first value of a field with surrounding spaces removed, or "" when absent.
    pub fn text(&self, name: &str) -> &str {
        self.get(name).map_or("", str::trim)
    }

    /// Returns every value of a field.
    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// Returns whether a checkbox was ticked.
    pub fn is_checked(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

fn bad_form(message: &str) -> PageError {
    PageError::new(StatusCode::BAD_REQUEST, message)
}

fn too_large() -> PageError {
    PageError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "The form is larger than the server accepts. Send less at once.",
    )
}

fn form_rejection(rejection: &FormRejection) -> PageError {
    match rejection.status() {
        StatusCode::UNSUPPORTED_MEDIA_TYPE => PageError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Forms must be sent as a web form.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        _ => bad_form("The form could not be read."),
    }
}

/// Reads every part of a multipart form as text; files are read as UTF-8 (invalid bytes
/// become U+FFFD) and parts without a name are left out.
async fn multipart_fields(mut multipart: Multipart) -> Result<Vec<(String, String)>, PageError> {
    let mut fields = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(fields),
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(too_large());
            }
            Err(_) => return Err(bad_form("The form could not be read.")),
        };
        let name = field.name().map(str::to_owned);
        let bytes = field.bytes().await.map_err(|error| {
            if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                bad_form("The form could not be read.")
            }
        })?;
        if let Some(name) = name {
            fields.push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
}

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = PageError;

    async fn from_request(mut request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if content_type.starts_with("multipart/form-data") {
            let multipart = Multipart::from_request(request, state)
                .await
                .map_err(|_| bad_form("The form could not be read: it names no boundary."))?;
            return multipart_fields(multipart)
                .await
                .map(|fields| FormData { fields });
        }
        // A post without a content type is read as the web form it almost always is.
        if content_type.is_empty() {
            request.headers_mut().insert(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
        }
        match Form::<Vec<(String, String)>>::from_request(request, state).await {
            Ok(Form(fields)) => Ok(FormData { fields }),
            Err(rejection) => Err(form_rejection(&rejection)),
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::body::Body;

    use super::*;

    async fn read(content_type: &str, body: &'static [u8]) -> Result<FormData, PageError> {
        let request = Request::builder()
            .method("POST")
            .header(CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .expect("a request");
        FormData::from_request(request, &()).await
    }

    #[tokio::test]
    async fn url_encoded_forms_keep_repeated_fields() {
        let form = read(
            "application/x-www-form-urlencoded",
            b"constituency=Carer&constituency=GP+%26+nurse&x=",
        )
        .await
        .expect("a form");
        assert_eq!(form.get_all("constituency"), vec!["Carer", "GP & nurse"]);
        assert_eq!(form.get("x"), Some(""));
        assert_eq!(form.get("missing"), None);
    }

    #[tokio::test]
    async fn multipart_fields_and_files_are_read_as_text() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nClean air\r\n--XyZ\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"s.csv\"\r\nContent-Type: text/csv\r\n\r\nstatement\r\n\"One, two\"\r\n--XyZ--\r\n";
        let form = read("multipart/form-data; boundary=\"XyZ\"", body)
            .await
            .expect("a form");
        assert_eq!(form.get("title"), Some("Clean air"));
        assert_eq!(form.get("csv"), Some("statement\r\n\"One, two\""));
    }

    #[tokio::test]
    async fn broken_forms_are_refused_with_a_page() {
        let truncated = b"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nClean";
        let error = read("multipart/form-data; boundary=XyZ", truncated)
            .await
            .expect_err("a truncated form");
        assert_eq!(error.status(), StatusCode::BAD_REQUEST);
        let error = read("multipart/form-data", b"")
            .await
            .expect_err("no boundary");
        assert_eq!(error.status(), StatusCode::BAD_REQUEST);
        assert!(error.message().contains("boundary"), "{}", error.message());
        let error = read("text/plain", b"a=b").await.expect_err("not a form");
        assert_eq!(error.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    }
}
