//! Each operation on versions of statements, once: reading a dialogue's statements with their
//! languages and versions, setting the dialogue's language and what it does with untranslated
//! statements, recording the language a statement was written in, and adding, replacing or
//! removing a translation or an easy-read version. The JSON handlers and the convenors' page
//! both call these; the participant's pages read through [`Readings`].

use std::collections::BTreeMap;

use model::{DialogueId, ModerationStatus, StatementId, StatementText};
use store::{DialogueLanguages, Statement, StatementFilter, StatementVersion, Untranslated};

use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorCode, Said};
use crate::state::AppState;
use crate::web::language::{Direction, Language};

/// Reads a language code the interface speaks, refusing any other with the list of those it
/// does.
pub fn language(code: &str) -> Result<Language, ApiError> {
    Language::from_code(code).ok_or_else(|| {
        let known: Vec<&str> = Language::ALL
            .iter()
            .map(|language| language.code())
            .collect();
        ApiError::invalid(
            "convening-refused-unknown-language",
            &[
                ("code", format!("{code:?}").into()),
                ("languages", known.join(", ").into()),
            ],
        )
    })
}

/// Answers the removal of a version: done when there was one to remove, and not found, with
/// the message `missing` makes, when there was none.
pub fn removed_or_not_found(removed: bool, missing: impl FnOnce() -> Said) -> Result<(), ApiError> {
    if removed {
        Ok(())
    } else {
        Err(ApiError::said(ErrorCode::NotFound, missing()))
    }
}

/// Reads what a dialogue does with untranslated statements: `wait` or `show_original`.
pub fn untranslated(word: &str) -> Result<Untranslated, ApiError> {
    Untranslated::parse(word).ok_or_else(|| {
        ApiError::invalid(
            "convening-refused-untranslated-choice",
            &[("word", format!("{word:?}").into())],
        )
    })
}

/// One statement with the language it was written in and its versions, as convenors see it.
#[derive(Debug, Clone)]
pub struct StatementWithVersions {
    /// The statement as written.
    pub statement: Statement,
    /// The language it was written in.
    pub language: Language,
    /// Its translations and easy-read versions, by language and kind.
    pub versions: Vec<StatementVersion>,
    /// Whether participants other than its author are not shown it until it is translated.
    pub is_waiting: bool,
}

/// A dialogue's statements with their languages and versions.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The dialogue's language and its choice for untranslated statements.
    pub languages: DialogueLanguages,
    /// Every statement not rejected, in id order.
    pub statements: Vec<StatementWithVersions>,
}

/// What a dialogue's pages need to show each statement in a reader's language.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    dialogue_language: Language,
    untranslated: Untranslated,
    /// The statements written in another language than the dialogue's.
    written_in: BTreeMap<StatementId, Language>,
    /// Each statement's versions, keyed by language and whether easy read.
    versions: BTreeMap<(StatementId, Language, bool), String>,
}

/// A statement (or a priority option) as one reader sees it: the text in their language (or
/// easy read), marked when it is not the original, with the original one tap away.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Reading {
    /// The statement's (or option's) id, which a vote (or a choice) names whatever version
    /// was read.
    pub id: i64,
    /// The text shown.
    pub text: String,
    /// The language of the text shown.
    pub lang: &'static str,
    /// Which way it runs.
    pub dir: Direction,
    /// Whether the text shown is a translation.
    pub is_translation: bool,
    /// Whether the text shown is an easy-read version.
    pub is_easy_read: bool,
    /// The original, when the text shown is not it.
    pub original: Option<Original>,
}

/// The statement as it was written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Original {
    /// The text as written.
    pub text: String,
    /// Its language.
    pub lang: &'static str,
    /// Which way it runs.
    pub dir: Direction,
    /// Its language's name in itself.
    pub language_name: &'static str,
}

impl Readings {
    /// Returns the language a statement was written in.
    pub fn written_in(&self, statement: StatementId) -> Language {
        self.written_in
            .get(&statement)
            .copied()
            .unwrap_or(self.dialogue_language)
    }

    /// Returns whether a statement is held from participants: written in another language
    /// than the dialogue's, under `wait`, with no version in the dialogue's language yet.
    pub fn is_waiting(&self, statement: StatementId) -> bool {
        self.untranslated == Untranslated::Wait
            && self.written_in(statement) != self.dialogue_language
            && !self
                .versions
                .contains_key(&(statement, self.dialogue_language, false))
    }

    /// Returns a statement as a reader of `language` sees it, in easy read when they chose it
    /// and there is one: their language's easy-read version, else their language's version
    /// (the original, or a translation), else the dialogue's language's version, else the
    /// original.
    pub fn read(&self, statement: &Statement, language: Language, easy_read: bool) -> Reading {
        self.read_written(statement.id, &statement.text, language, easy_read)
    }

    /// Returns a statement known by its id and original text (as a report holds it) as a
    /// reader of `language` sees it, chosen as [`Readings::read`] chooses.
    pub fn read_written(
        &self,
        id: StatementId,
        written: &str,
        language: Language,
        easy_read: bool,
    ) -> Reading {
        let original_language = self.written_in(id);
        let version = |language: Language, easy: bool| {
            self.versions
                .get(&(id, language, easy))
                .map(|text| (text.clone(), language, easy))
        };
        let original = || (written.to_owned(), original_language, false);
        let in_own_language = || {
            if language == original_language {
                Some(original())
            } else {
                version(language, false)
            }
        };
        let in_dialogue_language = || {
            if self.dialogue_language == original_language {
                None
            } else {
                version(self.dialogue_language, false)
            }
        };
        let shown = easy_read
            .then(|| version(language, true))
            .flatten()
            .or_else(in_own_language)
            .or_else(in_dialogue_language)
            .unwrap_or_else(original);
        Reading::of(id.get(), written, original_language, shown)
    }
}

impl Reading {
    /// Returns a reading of a text written in `written_in`, shown as `shown`: its text, its
    /// language and whether it is the easy-read version. The original goes with it whenever
    /// what is shown is not the original.
    pub fn of(
        id: i64,
        original: &str,
        written_in: Language,
        shown: (String, Language, bool),
    ) -> Reading {
        let (text, shown_in, is_easy_read) = shown;
        let is_original = shown_in == written_in && !is_easy_read;
        Reading {
            id,
            text,
            lang: shown_in.code(),
            dir: shown_in.direction(),
            is_translation: shown_in != written_in,
            is_easy_read,
            original: (!is_original).then(|| Original {
                text: original.to_owned(),
                lang: written_in.code(),
                dir: written_in.direction(),
                language_name: written_in.own_name(),
            }),
        }
    }
}

/// Loads what the pages need to show a dialogue's statements in each reader's language.
pub async fn readings(state: &AppState, dialogue: DialogueId) -> Result<Readings, ApiError> {
    let store = state.store();
    let settings = store.dialogue_languages(dialogue).await?;
    let dialogue_language = Language::from_code(&settings.language).unwrap_or_default();
    let written_in = store
        .statement_languages(dialogue)
        .await?
        .into_iter()
        .filter_map(|(statement, code)| Some((statement, Language::from_code(&code)?)))
        .collect();
    let versions = store
        .statement_versions(dialogue)
        .await?
        .into_iter()
        .filter_map(|version| {
            let language = Language::from_code(&version.language)?;
            Some((
                (version.statement, language, version.easy_read),
                version.text,
            ))
        })
        .collect();
    Ok(Readings {
        dialogue_language,
        untranslated: settings.untranslated,
        written_in,
        versions,
    })
}

/// Keeps only the statements participants may be shown: those not waiting for a translation.
pub async fn without_waiting(
    state: &AppState,
    dialogue: DialogueId,
    statements: Vec<Statement>,
) -> Result<Vec<Statement>, ApiError> {
    let readings = readings(state, dialogue).await?;
    Ok(statements
        .into_iter()
        .filter(|statement| !readings.is_waiting(statement.id))
        .collect())
}

/// Returns a dialogue's statements (all but rejected ones) with their languages and versions.
pub async fn overview(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
) -> Result<Overview, ApiError> {
    let dialogue = convenor.moderate(state, id).await?;
    let store = state.store();
    let languages = store.dialogue_languages(dialogue.id).await?;
    let readings = readings(state, dialogue.id).await?;
    let mut versions: BTreeMap<StatementId, Vec<StatementVersion>> = BTreeMap::new();
    for version in store.statement_versions(dialogue.id).await? {
        versions.entry(version.statement).or_default().push(version);
    }
    let mut statements = Vec::new();
    let mut filter = StatementFilter {
        limit: Some(StatementFilter::MAX_LIMIT),
        ..StatementFilter::default()
    };
    loop {
        let page = store.list_statements(dialogue.id, &filter).await?;
        statements.extend(
            page.statements
                .into_iter()
                .filter(|statement| statement.moderation != ModerationStatus::Rejected)
                .map(|statement| StatementWithVersions {
                    language: readings.written_in(statement.id),
                    versions: versions.remove(&statement.id).unwrap_or_default(),
                    is_waiting: readings.is_waiting(statement.id),
                    statement,
                }),
        );
        match page.next_after {
            Some(after) if filter.after != Some(after) => filter.after = Some(after),
            _ => break,
        }
    }
    Ok(Overview {
        languages,
        statements,
    })
}

/// Sets a dialogue's language and what it does with statements written in another.
pub async fn set_languages(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    language_code: &str,
    untranslated_word: &str,
) -> Result<DialogueLanguages, ApiError> {
    let settings = DialogueLanguages {
        language: language(language_code)?.code().to_owned(),
        untranslated: untranslated(untranslated_word)?,
    };
    let dialogue = convenor.dialogue(state, id).await?;
    Ok(state
        .store()
        .set_dialogue_languages(dialogue.id, &settings)
        .await?)
}

/// Finds a statement of this dialogue, refusing one of another dialogue as not found.
async fn statement_of(
    state: &AppState,
    dialogue: DialogueId,
    statement: StatementId,
) -> Result<Statement, ApiError> {
    let statement = state.store().get_statement(statement).await?;
    if statement.dialogue != dialogue {
        return Err(ApiError::statement_not_found());
    }
    Ok(statement)
}

/// Records the language a statement was written in.
pub async fn set_statement_language(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statement: StatementId,
    language_code: &str,
) -> Result<Language, ApiError> {
    let written_in = language(language_code)?;
    let dialogue = convenor.moderate(state, id).await?;
    let statement = statement_of(state, dialogue.id, statement).await?;
    let settings = state.store().dialogue_languages(dialogue.id).await?;
    let stored = (written_in.code() != settings.language).then_some(written_in.code());
    state
        .store()
        .set_statement_language(statement.id, stored)
        .await?;
    Ok(written_in)
}

/// Adds a translation or an easy-read version of a statement, or replaces the one in that
/// language and kind. A translation into the language the statement was written in is
/// refused: that is the statement itself.
pub async fn put_version(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statement: StatementId,
    language_code: &str,
    easy_read: bool,
    text: &str,
) -> Result<StatementVersion, ApiError> {
    let language = language(language_code)?;
    let text = StatementText::parse(text)?;
    let dialogue = convenor.moderate(state, id).await?;
    let statement = statement_of(state, dialogue.id, statement).await?;
    let readings = readings(state, dialogue.id).await?;
    if !easy_read && readings.written_in(statement.id) == language {
        return Err(ApiError::invalid(
            "convening-refused-statement-needs-no-translation",
            &[("language", language.own_name().into())],
        ));
    }
    Ok(state
        .store()
        .put_statement_version(StatementVersion {
            statement: statement.id,
            dialogue: dialogue.id,
            language: language.code().to_owned(),
            easy_read,
            text: text.as_str().to_owned(),
            added_by: Some(convenor.convenor.id),
            added_at: state.now_ms(),
        })
        .await?)
}

/// Removes a statement's translation or easy-read version in one language.
pub async fn remove_version(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statement: StatementId,
    language_code: &str,
    easy_read: bool,
) -> Result<(), ApiError> {
    let language = language(language_code)?;
    let dialogue = convenor.moderate(state, id).await?;
    let statement = statement_of(state, dialogue.id, statement).await?;
    let removed = state
        .store()
        .remove_statement_version(statement.id, language.code(), easy_read)
        .await?;
    removed_or_not_found(removed, || {
        let key = if easy_read {
            "convening-refused-no-easy-read-version"
        } else {
            "convening-refused-no-translated-version"
        };
        Said::new(
            key,
            &[
                ("statement", statement.id.to_string().into()),
                ("language", language.own_name().into()),
            ],
        )
    })
}
