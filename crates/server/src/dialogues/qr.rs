//! The QR code of a dialogue's participant link, as an SVG image convenors can show on a
//! screen or print on a poster.

use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use model::DialogueId;
use qrcode::QrCode;
use qrcode::render::svg;

use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;

use crate::web::page_error::PageError;
use crate::web::security::PageConvenor;

/// Returns the SVG of a QR code encoding `text`.
pub fn svg_for(text: &str) -> Result<String, ApiError> {
    let code = QrCode::new(text.as_bytes()).map_err(ApiError::internal)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

/// Serves the QR code of a dialogue's participant link.
pub async fn participant_link(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let image = svg_for(&state.participant_url(dialogue.id))?;
    Ok((
        [
            (CONTENT_TYPE, "image/svg+xml"),
            (CACHE_CONTROL, "private, max-age=300"),
        ],
        image,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_an_svg_image() {
        let image = svg_for("http://127.0.0.1:8080/d/42").unwrap();
        assert!(image.contains("<svg"));
        assert!(image.contains("</svg>"));
    }
}
