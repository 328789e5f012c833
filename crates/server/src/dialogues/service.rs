//! Each operation on a dialogue, once: the JSON handlers and the convenors' pages both call
//! these, so a dialogue created or changed through a page is the same as one made through the
//! API.

use model::{
    AnalysisWeighting, Description, DialogueId, DialogueQuestion, DialogueTitle, ExpectedShare,
    ModerationPolicy, PartnershipId, ReportVisibility, StatementText,
};
use store::{Dialogue, DialogueSettings, NewDialogue, NewStatement, Partnership, StoreError};

use crate::api::{ConstituencyBody, CreateDialogueRequest, UpdateDialogueRequest, WeightingBody};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;
use crate::views::{new_constituency, validated};

/// The most seed statements or constituencies one request may create.
const MAX_ITEMS: usize = 500;

/// Returns the partnership a convenor creates a dialogue in: the one asked for, which they
/// must convene unless they are an administrator, or else their only partnership.
pub async fn convened_partnership(
    state: &AppState,
    convenor: &CurrentConvenor,
    requested: Option<PartnershipId>,
) -> Result<Partnership, ApiError> {
    let partnerships = state
        .store()
        .list_convenor_partnerships(convenor.convenor.id)
        .await?;
    match requested {
        Some(id) => match partnerships.into_iter().find(|found| found.id == id) {
            Some(partnership) => Ok(partnership),
            None if convenor.convenor.is_admin => Ok(state.store().get_partnership(id).await?),
            None => Err(ApiError::forbidden(
                "you are not a convenor of that partnership",
            )),
        },
        None => match <[Partnership; 1]>::try_from(partnerships) {
            Ok([only]) => Ok(only),
            Err(partnerships) if partnerships.is_empty() => Err(ApiError::validation(
                "you convene no partnership yet; ask an administrator to add you to one",
            )),
            Err(_) => Err(ApiError::validation(
                "partnership_id is required: you convene several partnerships, so say which one the dialogue belongs to",
            )),
        },
    }
}

/// Creates a dialogue with its constituencies and seed statements, in the partnership the
/// request names (or the convenor's only one), with the report visibility given.
pub async fn create(
    state: &AppState,
    convenor: &CurrentConvenor,
    request: &CreateDialogueRequest,
    report_visibility: ReportVisibility,
) -> Result<Dialogue, ApiError> {
    let settings = DialogueSettings {
        title: validated(DialogueTitle::parse(&request.title))?,
        question: validated(DialogueQuestion::parse(&request.question))?,
        description: validated(Description::parse(
            request.description.as_deref().unwrap_or_default(),
        ))?,
        allow_participant_statements: request.participant_statements.unwrap_or(true),
        moderation: request
            .moderation
            .map_or(ModerationPolicy::Post, ModerationPolicy::from),
        report_visibility,
    };
    let constituencies = request.constituencies.as_deref().unwrap_or_default();
    let statements = request.statements.as_deref().unwrap_or_default();
    if constituencies.len() > MAX_ITEMS || statements.len() > MAX_ITEMS {
        return Err(ApiError::validation(format!(
            "a dialogue is created with at most {MAX_ITEMS} constituencies and {MAX_ITEMS} statements"
        )));
    }
    let constituencies = constituencies
        .iter()
        .map(new_constituency)
        .collect::<Result<Vec<_>, _>>()?;
    let seed_statements = statements
        .iter()
        .map(|text| validated(StatementText::parse(text)))
        .collect::<Result<Vec<_>, _>>()?;
    let requested = request.partnership_id.map(PartnershipId);
    let partnership = convened_partnership(state, convenor, requested).await?;
    Ok(state
        .store()
        .create_dialogue(NewDialogue {
            partnership: partnership.id,
            settings,
            constituencies,
            seed_statements,
            created_by: Some(convenor.convenor.id),
            created_at: state.now_ms(),
        })
        .await?)
}

/// Returns the dialogues of the partnerships a convenor convenes (every one, for an
/// administrator).
pub async fn list(state: &AppState, convenor: &CurrentConvenor) -> Result<Vec<Dialogue>, ApiError> {
    let partnerships = if convenor.convenor.is_admin {
        state.store().list_partnerships().await?
    } else {
        state
            .store()
            .list_convenor_partnerships(convenor.convenor.id)
            .await?
    };
    let mut dialogues = Vec::new();
    for partnership in partnerships {
        dialogues.extend(state.store().list_dialogues(partnership.id).await?);
    }
    Ok(dialogues)
}

/// Changes a dialogue's settings; fields left out keep their value.
pub async fn update_settings(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    change: &UpdateDialogueRequest,
) -> Result<Dialogue, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let mut settings = dialogue.settings.clone();
    if let Some(title) = &change.title {
        settings.title = validated(DialogueTitle::parse(title))?;
    }
    if let Some(question) = &change.question {
        settings.question = validated(DialogueQuestion::parse(question))?;
    }
    if let Some(description) = &change.description {
        settings.description = validated(Description::parse(description))?;
    }
    if let Some(allowed) = change.participant_statements {
        settings.allow_participant_statements = allowed;
    }
    if let Some(moderation) = change.moderation {
        settings.moderation = moderation.into();
    }
    if let Some(visibility) = change.report_visibility {
        settings.report_visibility = visibility.into();
    }
    let mut updated = state
        .store()
        .update_dialogue_settings(dialogue.id, settings)
        .await?;
    if change.weighting.is_some() || change.population_shares.is_some() {
        updated = set_weighting(state, &updated, change).await?;
    }
    state.analysis().changed(updated.id);
    if let Some(shared) = change.shared_with_partners {
        updated = crate::partnerships::service::share_dialogue(state, convenor, id, shared).await?;
    }
    Ok(updated)
}

/// Sets how the analysis weighs participants and the constituencies' population shares, after
/// checking every named constituency and every share.
async fn set_weighting(
    state: &AppState,
    dialogue: &Dialogue,
    change: &UpdateDialogueRequest,
) -> Result<Dialogue, ApiError> {
    let weighting = match change.weighting {
        None => dialogue.weighting,
        Some(WeightingBody::Default) => None,
        Some(WeightingBody::HeadCount) => Some(AnalysisWeighting::HeadCount),
        Some(WeightingBody::Equal) => Some(AnalysisWeighting::Equal),
        Some(WeightingBody::Frame) => Some(AnalysisWeighting::Frame),
    };
    let mut shares = Vec::new();
    for (name, share) in change.population_shares.iter().flatten() {
        let constituency = dialogue
            .constituencies
            .iter()
            .find(|constituency| constituency.name.as_str() == name.trim())
            .ok_or_else(|| {
                ApiError::validation(format!(
                    "population_shares: the dialogue has no constituency named {name:?}"
                ))
            })?;
        let share = share
            .map(|share| {
                ExpectedShare::parse(share).map_err(|_| {
                    ApiError::validation(format!(
                        "population_shares: the share of {name:?} must be between 0 and 1"
                    ))
                })
            })
            .transpose()?;
        shares.push((constituency.id, share));
    }
    Ok(state
        .store()
        .set_dialogue_weighting(dialogue.id, weighting, shares)
        .await?)
}

/// Opens or closes a dialogue; doing either twice is not an error.
pub async fn set_open(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    is_open: bool,
) -> Result<Dialogue, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    Ok(state
        .store()
        .set_dialogue_open(dialogue.id, is_open)
        .await?)
}

/// Adds one constituency to a dialogue; a name the dialogue already has is a `conflict`.
pub async fn add_constituency(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    body: &ConstituencyBody,
) -> Result<(), ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let constituency = new_constituency(body)?;
    match state
        .store()
        .add_constituency(dialogue.id, constituency)
        .await
    {
        Ok(_) => {}
        Err(StoreError::Duplicate { .. }) => {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "the dialogue already has a constituency with this name",
            ));
        }
        Err(error) => return Err(error.into()),
    }
    state.analysis().changed(dialogue.id);
    Ok(())
}

/// How many seed statements were added, and how many the dialogue already had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedsAdded {
    /// Statements added.
    pub added: u64,
    /// Statements left out because the dialogue already says the same.
    pub skipped: u64,
}

/// Adds seed statements to a dialogue, leaving out those it already has.
pub async fn add_seed_statements(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    texts: Vec<StatementText>,
) -> Result<SeedsAdded, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let mut seeds = SeedsAdded {
        added: 0,
        skipped: 0,
    };
    for text in texts {
        let result = state
            .store()
            .submit_statement(NewStatement {
                dialogue: dialogue.id,
                text,
                author: None,
                is_meta: false,
                created_at: state.now_ms(),
            })
            .await;
        match result {
            Ok(_) => seeds.added += 1,
            Err(StoreError::DuplicateStatement { .. }) => seeds.skipped += 1,
            Err(error) => return Err(error.into()),
        }
    }
    state.analysis().changed(dialogue.id);
    Ok(seeds)
}
