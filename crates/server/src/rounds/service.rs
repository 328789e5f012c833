//! Each operation on rounds, once: listing a dialogue's rounds and starting the next one.

use model::DialogueId;
use store::{NewRound, Round, round_label};

use crate::auth::CurrentConvenor;
use crate::error::ApiError;
use crate::state::AppState;

/// Lists a dialogue's rounds, first to current.
pub async fn list(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
) -> Result<Vec<Round>, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    Ok(state.store().rounds(dialogue.id).await?)
}

/// Ends the current round and starts the next, named `label`; `ending_label`, when given and
/// not blank, renames the round that ends. The round that ends keeps its votes; participants
/// vote again in the new one.
pub async fn start(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    label: &str,
    ending_label: Option<&str>,
) -> Result<Round, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let label = round_label(label).map_err(ApiError::validation)?;
    let ending_label = ending_label
        .filter(|label| !label.trim().is_empty())
        .map(round_label)
        .transpose()
        .map_err(ApiError::validation)?;
    let round = state
        .store()
        .start_round(NewRound {
            dialogue: dialogue.id,
            label,
            ending_label,
            started_at: state.now_ms(),
            started_by: Some(convenor.convenor.id),
        })
        .await?;
    state.analysis().changed(dialogue.id);
    Ok(round)
}
