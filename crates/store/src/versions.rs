//! Versions of statements and of priority options: a dialogue's own language and how it treats
//! statements written in another, the language each statement was written in, and the
//! translations and easy-read versions convenors and moderators add; a priority list's own
//! language and the translations of its options; an objective's own language and the
//! translations of its versions.
//!
//! A version is only another way of reading its statement: it has no id of its own that a
//! vote could name, so a vote cast while reading any version is a vote on the statement.
//! Languages are kept as the short codes the server checks (`en`, `cy`, `ur`, ...). The records
//! do not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{ConvenorId, DialogueId, PriorityListId, PriorityOptionId, StatementId};

use crate::ObjectiveId;
use crate::store::StoreResult;

/// What participants are shown of a statement written in another language than the
/// dialogue's, until a version in the dialogue's language is added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Untranslated {
    /// Held from everyone but its author until it is translated.
    #[default]
    Wait,
    /// Shown as written, marked with its language.
    ShowOriginal,
}

impl Untranslated {
    /// Returns the word the database and the API keep it as.
    pub fn as_str(self) -> &'static str {
        match self {
            Untranslated::Wait => "wait",
            Untranslated::ShowOriginal => "show_original",
        }
    }

    /// Reads the word [`Untranslated::as_str`] writes.
    pub fn parse(word: &str) -> Option<Untranslated> {
        match word {
            "wait" => Some(Untranslated::Wait),
            "show_original" => Some(Untranslated::ShowOriginal),
            _ => None,
        }
    }
}

/// A dialogue's own language and what it does with statements written in another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogueLanguages {
    /// The language the dialogue is held in; `en` until a convenor says otherwise.
    pub language: String,
    /// What participants see of a statement in another language before it is translated.
    pub untranslated: Untranslated,
}

impl Default for DialogueLanguages {
    fn default() -> Self {
        DialogueLanguages {
            language: "en".to_owned(),
            untranslated: Untranslated::Wait,
        }
    }
}

/// One version of a statement: a translation, or an easy-read version, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementVersion {
    /// The statement it is a version of.
    pub statement: StatementId,
    /// The statement's dialogue.
    pub dialogue: DialogueId,
    /// The language it is written in.
    pub language: String,
    /// Whether it is the easy-read version in that language.
    pub easy_read: bool,
    /// Its text.
    pub text: String,
    /// The convenor who added it; `None` once their account is erased.
    pub added_by: Option<ConvenorId>,
    /// When it was added or last replaced.
    pub added_at: i64,
}

/// A translation of a priority option into one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionVersion {
    /// The option it translates.
    pub option: PriorityOptionId,
    /// The option's list.
    pub list: PriorityListId,
    /// The language it is written in.
    pub language: String,
    /// Its text.
    pub text: String,
    /// The convenor who added it; `None` once their account is erased.
    pub added_by: Option<ConvenorId>,
    /// When it was added or last replaced.
    pub added_at: i64,
}

/// A translation of one version of a shared objective into one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectiveTranslation {
    /// The objective.
    pub objective: ObjectiveId,
    /// The version it translates.
    pub version: u32,
    /// The language it is written in.
    pub language: String,
    /// The title, translated.
    pub title: String,
    /// The text, translated.
    pub body: String,
    /// The convenor who added it; `None` once their account is erased.
    pub added_by: Option<ConvenorId>,
    /// When it was added or last replaced.
    pub added_at: i64,
}

/// The languages and versions of statements, priority options and objectives.
#[async_trait]
pub trait VersionStore: Send + Sync {
    /// Returns a dialogue's language settings (the defaults when none were set).
    async fn dialogue_languages(&self, dialogue: DialogueId) -> StoreResult<DialogueLanguages>;

    /// Sets a dialogue's language settings.
    async fn set_dialogue_languages(
        &self,
        dialogue: DialogueId,
        languages: &DialogueLanguages,
    ) -> StoreResult<DialogueLanguages>;

    /// Records the language a statement was written in; `None` makes it the dialogue's.
    async fn set_statement_language(
        &self,
        statement: StatementId,
        language: Option<&str>,
    ) -> StoreResult<()>;

    /// Lists the statements of a dialogue written in another language than the dialogue's,
    /// with that language, in statement id order.
    async fn statement_languages(
        &self,
        dialogue: DialogueId,
    ) -> StoreResult<Vec<(StatementId, String)>>;

    /// Adds a version of a statement, or replaces the one in its language and kind.
    async fn put_statement_version(
        &self,
        version: StatementVersion,
    ) -> StoreResult<StatementVersion>;

    /// Removes a statement's version in one language and kind; returns whether there was one.
    async fn remove_statement_version(
        &self,
        statement: StatementId,
        language: &str,
        easy_read: bool,
    ) -> StoreResult<bool>;

    /// Lists every version of a dialogue's statements, by statement, language and kind.
    async fn statement_versions(&self, dialogue: DialogueId) -> StoreResult<Vec<StatementVersion>>;

    /// Returns the language a priority list's options are written in (`en` unless set).
    async fn priority_list_language(&self, list: PriorityListId) -> StoreResult<String>;

    /// Sets the language a priority list's options are written in.
    async fn set_priority_list_language(
        &self,
        list: PriorityListId,
        language: &str,
    ) -> StoreResult<()>;

    /// Adds a translation of an option, or replaces the one in its language; `list` is
    /// ignored (the option's own list is stored and returned).
    async fn put_option_version(&self, version: OptionVersion) -> StoreResult<OptionVersion>;

    /// Removes an option's translation into one language; returns whether there was one.
    async fn remove_option_version(
        &self,
        option: PriorityOptionId,
        language: &str,
    ) -> StoreResult<bool>;

    /// Lists every translation of a list's options, by option and language.
    async fn option_versions(&self, list: PriorityListId) -> StoreResult<Vec<OptionVersion>>;

    /// Returns the language an objective is written in (`en` unless set).
    async fn objective_language(&self, objective: ObjectiveId) -> StoreResult<String>;

    /// Sets the language an objective is written in.
    async fn set_objective_language(
        &self,
        objective: ObjectiveId,
        language: &str,
    ) -> StoreResult<()>;

    /// Adds a translation of one version of an objective, or replaces the one in its
    /// language ([`crate::StoreError::NotFound`] for an unknown objective or version).
    async fn put_objective_translation(
        &self,
        translation: ObjectiveTranslation,
    ) -> StoreResult<ObjectiveTranslation>;

    /// Removes a version's translation into one language; returns whether there was one.
    async fn remove_objective_translation(
        &self,
        objective: ObjectiveId,
        version: u32,
        language: &str,
    ) -> StoreResult<bool>;

    /// Lists every translation of an objective's versions, by version and language.
    async fn objective_translations(
        &self,
        objective: ObjectiveId,
    ) -> StoreResult<Vec<ObjectiveTranslation>>;
}
