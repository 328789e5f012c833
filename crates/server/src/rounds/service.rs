//! Each operation on rounds, once: listing a dialogue's rounds and starting the next one.

use model::DialogueId;
use store::{MAX_ROUND_LABEL_CHARS, NewRound, Round, round_label};

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
    let label = round_label(label).map_err(refused_label)?;
    let ending_label = ending_label
        .filter(|label| !label.trim().is_empty())
        .map(round_label)
        .transpose()
        .map_err(refused_label)?;
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

/// Says the store's refusal of a round's name through the catalogues, when it is one of the
/// refusals they know, and as the store words it otherwise.
fn refused_label(message: String) -> ApiError {
    let too_long = format!("a round's name has at most {MAX_ROUND_LABEL_CHARS} characters");
    match message.as_str() {
        "a round needs a name" => ApiError::invalid("convening-refused-round-unnamed", &[]),
        "a round's name cannot hold control characters" => {
            ApiError::invalid("convening-refused-round-control", &[])
        }
        _ if message == too_long => ApiError::invalid(
            "convening-refused-round-too-long",
            &[("max", MAX_ROUND_LABEL_CHARS.into())],
        ),
        _ => ApiError::validation(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_of_a_name_keeps_the_stores_english() {
        let long = "x".repeat(MAX_ROUND_LABEL_CHARS + 1);
        for label in ["  ", long.as_str(), "a\u{7}b"] {
            let message = round_label(label).unwrap_err();
            let refused = refused_label(message.clone());
            assert!(refused.words().is_some(), "{message}");
            assert_eq!(refused.to_string(), message);
        }
    }
}
