//! The operations the room's JSON routes and pages share: who may read a dialogue's
//! analysis, and its latest document, read strictly.

use axum::http::HeaderMap;
use model::{DialogueId, ReportVisibility};
use store::Dialogue;

use super::document::{self, Document, ReadError};
use crate::auth::CurrentConvenor;
use crate::error::ApiError;
use crate::state::AppState;

/// The latest stored analysis of a dialogue.
#[derive(Debug, Clone)]
pub struct Latest {
    /// Counts the snapshots stored for the dialogue.
    pub version: i64,
    /// When it was computed, in ms since the epoch.
    pub computed_at: i64,
    /// How many latest votes it was computed from.
    pub n_votes: u64,
    /// The document.
    pub document: Document,
}

/// Checks that the reader may see the analysis: anyone for a public report; otherwise the
/// partnership's convenors, and the people who speak for its partners when the convenors
/// shared the dialogue with partners.
pub async fn may_read(
    state: &AppState,
    dialogue: &Dialogue,
    headers: &HeaderMap,
) -> Result<(), ApiError> {
    if dialogue.settings.report_visibility == ReportVisibility::Convenors {
        let convenor = CurrentConvenor::from_headers(headers, state).await?;
        convenor.read_private_report(state, dialogue).await?;
    }
    Ok(())
}

/// Returns the latest analysis of a dialogue, or `None` until one in the current format
/// exists. A document stored by an earlier version of the format is recomputed; one that does
/// not match its own version is an error that names the field, never a blank report.
pub async fn latest(state: &AppState, dialogue: DialogueId) -> Result<Option<Latest>, ApiError> {
    let Some(snapshot) = state.store().load_snapshot(dialogue).await? else {
        return Ok(None);
    };
    match document::read(&snapshot.result_json) {
        Ok(document) => Ok(Some(Latest {
            version: snapshot.version,
            computed_at: snapshot.computed_at,
            n_votes: snapshot.n_votes,
            document,
        })),
        Err(ReadError::Outdated { found }) => {
            tracing::info!(%dialogue, found, "recomputing an analysis stored in an older format");
            state.analysis().changed(dialogue);
            Ok(None)
        }
        Err(error) => Err(ApiError::internal(anyhow::Error::new(error).context(
            format!("the stored analysis of dialogue {dialogue} cannot be read"),
        ))),
    }
}
