//! Reading the forms the pages post: URL-encoded fields, or `multipart/form-data` when the
//! form carries a file (the CSV of seed statements).
//!
//! Both arrive as one list of (name, value) pairs, so a checkbox list such as the
//! constituencies a participant belongs to keeps every value it sent.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;

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

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = Bytes::from_request(request, state).await.map_err(|_| {
            PageError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The form is larger than the server accepts. Send less at once.",
            )
        })?;
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "application/x-www-form-urlencoded" | "" => {
                let fields: Vec<(String, String)> = serde_urlencoded_pairs(&body)
                    .ok_or_else(|| bad_form("The form could not be read."))?;
                Ok(FormData { fields })
            }
            "multipart/form-data" => {
                let boundary = boundary(&content_type)
                    .ok_or_else(|| bad_form("The form could not be read: it names no boundary."))?;
                parse_multipart(&body, &boundary)
                    .map(|fields| FormData { fields })
                    .ok_or_else(|| bad_form("The form could not be read."))
            }
            _ => Err(PageError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Forms must be sent as a web form.",
            )),
        }
    }
}

/// Decodes `application/x-www-form-urlencoded` bytes into pairs.
fn serde_urlencoded_pairs(body: &[u8]) -> Option<Vec<(String, String)>> {
    let text = std::str::from_utf8(body).ok()?;
    let mut pairs = Vec::new();
    for piece in text.split('&').filter(|piece| !piece.is_empty()) {
        let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
        pairs.push((percent_decode(name)?, percent_decode(value)?));
    }
    Some(pairs)
}

/// Decodes `+` and `%XX` escapes; returns `None` for a broken escape or invalid UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => decoded.push(b' '),
            b'%' => {
                let digits = bytes.get(index + 1..index + 3)?;
                let digits = std::str::from_utf8(digits).ok()?;
                decoded.push(u8::from_str_radix(digits, 16).ok()?);
                index += 2;
            }
            byte => decoded.push(byte),
        }
        index += 1;
    }
    String::from_utf8(decoded).ok()
}

/// Returns the boundary parameter of a `multipart/form-data` content type.
fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|value| !value.is_empty())
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|position| position + from)
}

/// Returns the `name` parameter of a part's `Content-Disposition` header.
fn part_name(headers: &str) -> Option<String> {
    headers.lines().find_map(|line| {
        let (header, value) = line.split_once(':')?;
        if !header.trim().eq_ignore_ascii_case("content-disposition") {
            return None;
        }
        value.split(';').find_map(|parameter| {
            let (key, value) = parameter.split_once('=')?;
            (key.trim() == "name").then(|| value.trim().trim_matches('"').to_owned())
        })
    })
}

/// Splits a `multipart/form-data` body into (name, text) pairs; files are read as UTF-8 text
/// (invalid bytes become U+FFFD). Returns `None` when the body is not well formed.
fn parse_multipart(body: &[u8], boundary: &str) -> Option<Vec<(String, String)>> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut fields = Vec::new();
    let mut position = find(body, &delimiter, 0)? + delimiter.len();
    loop {
        if body.get(position..position + 2) == Some(b"--") {
            return Some(fields);
        }
        // Each part starts after the line break that ends the delimiter line.
        position = find(body, b"\r\n", position)? + 2;
        let headers_end = find(body, b"\r\n\r\n", position)?;
        let headers = String::from_utf8_lossy(&body[position..headers_end]);
        let content_start = headers_end + 4;
        let mut next_delimiter = b"\r\n".to_vec();
        next_delimiter.extend_from_slice(&delimiter);
        let content_end = find(body, &next_delimiter, content_start)?;
        if let Some(name) = part_name(&headers) {
            let value = String::from_utf8_lossy(&body[content_start..content_end]).into_owned();
            fields.push((name, value));
        }
        position = content_end + next_delimiter.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_encoded_forms_keep_repeated_fields() {
        let pairs =
            serde_urlencoded_pairs(b"constituency=Carer&constituency=GP+%26+nurse&x=").unwrap();
        let form = FormData { fields: pairs };
        assert_eq!(form.get_all("constituency"), vec!["Carer", "GP & nurse"]);
        assert_eq!(form.get("x"), Some(""));
        assert_eq!(form.get("missing"), None);
    }

    #[test]
    fn broken_escapes_are_refused() {
        assert_eq!(serde_urlencoded_pairs(b"a=%zz"), None);
        assert_eq!(serde_urlencoded_pairs(b"a=%4"), None);
        assert_eq!(serde_urlencoded_pairs(b"a=%ff"), None);
    }

    #[test]
    fn multipart_fields_and_files_are_read_as_text() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nClean air\r\n--XyZ\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"s.csv\"\r\nContent-Type: text/csv\r\n\r\nstatement\r\n\"One, two\"\r\n--XyZ--\r\n";
        let fields = parse_multipart(body, "XyZ").unwrap();
        assert_eq!(
            fields,
            vec![
                ("title".to_owned(), "Clean air".to_owned()),
                ("csv".to_owned(), "statement\r\n\"One, two\"".to_owned()),
            ]
        );
        assert_eq!(
            boundary("multipart/form-data; boundary=\"XyZ\"").as_deref(),
            Some("XyZ")
        );
    }

    #[test]
    fn truncated_multipart_bodies_are_refused_without_panicking() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nClean";
        assert_eq!(parse_multipart(body, "XyZ"), None);
        assert_eq!(parse_multipart(b"", "XyZ"), None);
        assert_eq!(parse_multipart(b"--XyZ", "XyZ"), None);
    }
}
