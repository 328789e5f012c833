//! Translations of priority options, once: a list's own language, the translations convenors
//! add, replace and remove, and each option as a participant reads it. An option is compared
//! by its id whatever version was on the screen, so every translation's choices are the
//! option's choices, as every version's votes are a statement's votes.

use std::collections::BTreeMap;

use model::{OptionText, PriorityListId, PriorityOptionId};
use store::{OptionVersion, PriorityOption};

use super::service::{Reading, language, removed_or_not_found};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorCode, Said};
use crate::state::AppState;
use crate::web::language::Language;

/// What a list's pages need to show each option in a reader's language.
#[derive(Debug, Clone, Default)]
pub struct OptionReadings {
    /// The language the list's options are written in.
    pub written_in: Language,
    versions: BTreeMap<(PriorityOptionId, Language), String>,
}

impl OptionReadings {
    /// Returns an option as a reader of `language` sees it: its translation into their
    /// language when there is one, otherwise as written.
    pub fn read(&self, option: PriorityOptionId, text: &str, language: Language) -> Reading {
        let shown = (language != self.written_in)
            .then(|| self.versions.get(&(option, language)))
            .flatten()
            .map_or_else(
                || (text.to_owned(), self.written_in, false),
                |translated| (translated.clone(), language, false),
            );
        Reading::of(option.get(), text, self.written_in, shown)
    }

    /// Returns an option's translation into one language, if it has one.
    pub fn translation(&self, option: PriorityOptionId, language: Language) -> Option<&str> {
        self.versions.get(&(option, language)).map(String::as_str)
    }
}

/// Loads what the pages need to show a list's options in each reader's language.
pub async fn option_readings(
    state: &AppState,
    list: PriorityListId,
) -> Result<OptionReadings, ApiError> {
    let store = state.store();
    let written_in =
        Language::from_code(&store.priority_list_language(list).await?).unwrap_or_default();
    let versions = store
        .option_versions(list)
        .await?
        .into_iter()
        .filter_map(|version| {
            let language = Language::from_code(&version.language)?;
            Some(((version.option, language), version.text))
        })
        .collect();
    Ok(OptionReadings {
        written_in,
        versions,
    })
}

/// A list's options (all but rejected ones) with the list's language and the translations,
/// for its convenors.
pub async fn option_overview(
    state: &AppState,
    convenor: &CurrentConvenor,
    list: PriorityListId,
) -> Result<(Vec<PriorityOption>, OptionReadings), ApiError> {
    convenor.priority_list(state, list).await?;
    let options = state
        .store()
        .list_priority_options(list)
        .await?
        .into_iter()
        .filter(|option| option.moderation != model::ModerationStatus::Rejected)
        .collect();
    Ok((options, option_readings(state, list).await?))
}

/// Sets the language a list's options are written in (its convenors).
pub async fn set_list_language(
    state: &AppState,
    convenor: &CurrentConvenor,
    list: PriorityListId,
    language_code: &str,
) -> Result<Language, ApiError> {
    let language = language(language_code)?;
    convenor.priority_list(state, list).await?;
    state
        .store()
        .set_priority_list_language(list, language.code())
        .await?;
    Ok(language)
}

/// Returns the option if it belongs to the list, and not found otherwise.
async fn option_of(
    state: &AppState,
    list: PriorityListId,
    option: PriorityOptionId,
) -> Result<PriorityOption, ApiError> {
    let found = state.store().get_priority_option(option).await?;
    if found.list == list {
        Ok(found)
    } else {
        Err(ApiError::refused(
            ErrorCode::NotFound,
            "convening-refused-no-option",
            &[
                ("list", list.to_string().into()),
                ("option", option.to_string().into()),
            ],
        ))
    }
}

/// Adds a translation of an option, or replaces the one in that language (its list's
/// convenors). A translation into the language the options are written in is refused: that
/// is the option itself.
pub async fn put_option_version(
    state: &AppState,
    convenor: &CurrentConvenor,
    list: PriorityListId,
    option: PriorityOptionId,
    language_code: &str,
    text: &str,
) -> Result<OptionVersion, ApiError> {
    let language = language(language_code)?;
    let text = OptionText::parse(text)?;
    convenor.priority_list(state, list).await?;
    let option = option_of(state, list, option).await?;
    let readings = option_readings(state, list).await?;
    if readings.written_in == language {
        return Err(ApiError::invalid(
            "convening-refused-options-need-no-translation",
            &[("language", language.own_name().into())],
        ));
    }
    Ok(state
        .store()
        .put_option_version(OptionVersion {
            option: option.id,
            list,
            language: language.code().to_owned(),
            text: text.as_str().to_owned(),
            added_by: Some(convenor.convenor.id),
            added_at: state.now_ms(),
        })
        .await?)
}

/// Removes an option's translation into one language (its list's convenors).
pub async fn remove_option_version(
    state: &AppState,
    convenor: &CurrentConvenor,
    list: PriorityListId,
    option: PriorityOptionId,
    language_code: &str,
) -> Result<(), ApiError> {
    let language = language(language_code)?;
    convenor.priority_list(state, list).await?;
    let option = option_of(state, list, option).await?;
    let removed = state
        .store()
        .remove_option_version(option.id, language.code())
        .await?;
    removed_or_not_found(removed, || {
        Said::new(
            "convening-refused-no-option-translation",
            &[
                ("option", option.id.to_string().into()),
                ("language", language.own_name().into()),
            ],
        )
    })
}
