//! The pages' stylesheet and script, compiled into the binary and served as files so that the
//! Content-Security-Policy can refuse every inline script and style.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use super::page_error::PageError;

/// Every static file: name, content type and contents.
const FILES: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../static/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/app.js"),
    ),
    (
        "priorities.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/priorities.js"),
    ),
];

/// Serves one static file.
pub async fn serve(Path(file): Path<String>) -> Result<Response, PageError> {
    let (_, content_type, contents) = FILES
        .iter()
        .find(|(name, _, _)| *name == file)
        .ok_or_else(|| PageError::not_found("There is no such file."))?;
    Ok((
        [
            (CONTENT_TYPE, *content_type),
            (CACHE_CONTROL, "public, max-age=300"),
        ],
        *contents,
    )
        .into_response())
}
