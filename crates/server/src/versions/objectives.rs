//! Translations of shared objectives, once: an objective's own language, the translations of
//! its versions that convenors add, replace and remove, and an objective as a partner's
//! representative reads it. A stance names the objective's version whatever language it was
//! read in, so a translation never changes what the partners decide on; an amendment makes a
//! new version, which starts untranslated.

use std::collections::BTreeMap;

use model::{ObjectiveText, ObjectiveTitle};
use store::{ObjectiveId, ObjectiveTranslation};

use super::service::{Reading, language};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorCode};
use crate::settlements::service::convened_objective;
use crate::state::AppState;
use crate::web::language::Language;

/// What an objective's pages need to show it in a reader's language.
#[derive(Debug, Clone, Default)]
pub struct ObjectiveReadings {
    /// The language the objective is written in.
    pub written_in: Language,
    /// Each version's translations: title and text by version and language.
    translations: BTreeMap<(u32, Language), (String, String)>,
}

/// An objective's title and text as one reader sees them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ObjectiveReading {
    /// The title shown, with the original when it is a translation.
    pub title: Reading,
    /// The text shown, likewise.
    pub text: Reading,
}

impl ObjectiveReadings {
    /// Returns a version of an objective as a reader of `language` sees it: its translation
    /// into their language when there is one, otherwise as written.
    pub fn read(
        &self,
        objective: ObjectiveId,
        version: u32,
        title: &str,
        body: &str,
        language: Language,
    ) -> ObjectiveReading {
        let translated = (language != self.written_in)
            .then(|| self.translations.get(&(version, language)))
            .flatten();
        let shown = |original: &str, pick: fn(&(String, String)) -> &String| {
            translated.map_or_else(
                || (original.to_owned(), self.written_in, false),
                |found| (pick(found).clone(), language, false),
            )
        };
        let id = objective.0;
        ObjectiveReading {
            title: Reading::of(id, title, self.written_in, shown(title, |found| &found.0)),
            text: Reading::of(id, body, self.written_in, shown(body, |found| &found.1)),
        }
    }

    /// Returns the translations of one version, by language.
    pub fn of_version(&self, version: u32) -> Vec<(Language, &str, &str)> {
        self.translations
            .iter()
            .filter(|((found, _), _)| *found == version)
            .map(|((_, language), (title, body))| (*language, title.as_str(), body.as_str()))
            .collect()
    }
}

/// Loads what the pages need to show an objective in each reader's language.
pub async fn objective_readings(
    state: &AppState,
    objective: ObjectiveId,
) -> Result<ObjectiveReadings, ApiError> {
    let store = state.store();
    let written_in =
        Language::from_code(&store.objective_language(objective).await?).unwrap_or_default();
    let translations = store
        .objective_translations(objective)
        .await?
        .into_iter()
        .filter_map(|found| {
            let language = Language::from_code(&found.language)?;
            Some(((found.version, language), (found.title, found.body)))
        })
        .collect();
    Ok(ObjectiveReadings {
        written_in,
        translations,
    })
}

/// Sets the language an objective is written in (its partnership's convenors).
pub async fn set_objective_language(
    state: &AppState,
    convenor: &CurrentConvenor,
    objective: ObjectiveId,
    language_code: &str,
) -> Result<Language, ApiError> {
    let language = language(language_code)?;
    let found = convened_objective(state, convenor, objective).await?;
    state
        .store()
        .set_objective_language(found.id, language.code())
        .await?;
    Ok(language)
}

/// What a convenor gives for a translation of an objective's version.
pub struct TranslationInput<'a> {
    /// The version translated.
    pub version: u32,
    /// The language's code.
    pub language: &'a str,
    /// The title, translated.
    pub title: &'a str,
    /// The text, translated.
    pub text: &'a str,
}

/// Adds a translation of one version of an objective, or replaces the one in that language
/// (its partnership's convenors). A translation into the objective's own language is refused.
pub async fn put_objective_translation(
    state: &AppState,
    convenor: &CurrentConvenor,
    objective: ObjectiveId,
    input: TranslationInput<'_>,
) -> Result<ObjectiveTranslation, ApiError> {
    let language = language(input.language)?;
    let title = ObjectiveTitle::parse(input.title)?;
    let body = ObjectiveText::parse(input.text)?;
    let found = convened_objective(state, convenor, objective).await?;
    if input.version == 0 || input.version > found.current_version {
        return Err(ApiError::refused(
            ErrorCode::NotFound,
            "objective-refused-no-version",
            &[
                ("objective", found.id.0.to_string().into()),
                ("version", input.version.to_string().into()),
            ],
        ));
    }
    let readings = objective_readings(state, found.id).await?;
    if readings.written_in == language {
        return Err(ApiError::invalid(
            "objective-refused-translation-own-language",
            &[("language", language.own_name().into())],
        ));
    }
    Ok(state
        .store()
        .put_objective_translation(ObjectiveTranslation {
            objective: found.id,
            version: input.version,
            language: language.code().to_owned(),
            title: title.as_str().to_owned(),
            body: body.as_str().to_owned(),
            added_by: Some(convenor.convenor.id),
            added_at: state.now_ms(),
        })
        .await?)
}

/// Removes a version's translation into one language (its partnership's convenors).
pub async fn remove_objective_translation(
    state: &AppState,
    convenor: &CurrentConvenor,
    objective: ObjectiveId,
    version: u32,
    language_code: &str,
) -> Result<(), ApiError> {
    let language = language(language_code)?;
    let found = convened_objective(state, convenor, objective).await?;
    let removed = state
        .store()
        .remove_objective_translation(found.id, version, language.code())
        .await?;
    if removed {
        return Ok(());
    }
    Err(ApiError::refused(
        ErrorCode::NotFound,
        "objective-refused-no-translation",
        &[
            ("version", version.to_string().into()),
            ("objective", found.id.0.to_string().into()),
            ("language", language.own_name().into()),
        ],
    ))
}

/// An objective's language and every translation of its versions (its partnership's
/// convenors).
pub async fn translations(
    state: &AppState,
    convenor: &CurrentConvenor,
    objective: ObjectiveId,
) -> Result<(Language, Vec<ObjectiveTranslation>), ApiError> {
    let found = convened_objective(state, convenor, objective).await?;
    let store = state.store();
    let written_in =
        Language::from_code(&store.objective_language(found.id).await?).unwrap_or_default();
    Ok((written_in, store.objective_translations(found.id).await?))
}
