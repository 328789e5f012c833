//! The JSON routes of versions: a dialogue's statements with their languages and versions, the
//! dialogue's language settings, the language a statement was written in, and adding,
//! replacing or removing a translation or an easy-read version; a priority list's language and
//! the translations of its options; an objective's language and the translations of its
//! versions.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use model::{DialogueId, PriorityListId, PriorityOptionId, StatementId};
use serde::{Deserialize, Serialize};
use store::{
    DialogueLanguages, ObjectiveId, ObjectiveTranslation, OptionVersion, StatementVersion,
};
use utoipa::ToSchema;

use super::service::{self, Original, Overview, Reading};
use super::{kind_name, objectives, options};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::time::rfc3339;
use crate::web::language::Language;

/// A dialogue's language and what participants see of statements written in another.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguagesBody {
    /// The language the dialogue is held in: `en`, `cy`, `pl`, `ur` or `ro`.
    pub language: String,
    /// `wait`: a statement written in another language is shown to others only once it has a
    /// translation into the dialogue's language; `show_original`: shown as written until then.
    pub untranslated: String,
}

impl From<&DialogueLanguages> for LanguagesBody {
    fn from(languages: &DialogueLanguages) -> LanguagesBody {
        LanguagesBody {
            language: languages.language.clone(),
            untranslated: languages.untranslated.as_str().to_owned(),
        }
    }
}

/// The language a statement was written in.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementLanguageBody {
    /// `en`, `cy`, `pl`, `ur` or `ro`.
    pub language: String,
}

/// The text of a translation or an easy-read version.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VersionRequest {
    /// 1 to 280 characters once trimmed, as a statement.
    pub text: String,
}

/// One translation or easy-read version of a statement.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct VersionView {
    /// Its language.
    pub language: String,
    /// `translation` or `easy-read`.
    pub kind: String,
    /// Its text.
    pub text: String,
    /// When it was added or last replaced (RFC 3339).
    pub added_at: String,
}

impl From<&StatementVersion> for VersionView {
    fn from(version: &StatementVersion) -> VersionView {
        VersionView {
            language: version.language.clone(),
            kind: kind_name(version.easy_read).to_owned(),
            text: version.text.clone(),
            added_at: rfc3339(version.added_at),
        }
    }
}

/// A statement with the language it was written in and its versions.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatementVersionsView {
    /// The statement's id, which every vote names whatever version the voter read.
    pub statement_id: i64,
    /// The statement as written.
    pub text: String,
    /// The language it was written in.
    pub language: String,
    /// Whether participants are not shown it yet, waiting for a translation into the
    /// dialogue's language.
    pub is_waiting: bool,
    /// Its translations and easy-read versions.
    pub versions: Vec<VersionView>,
}

/// A dialogue's language settings and its statements (all but rejected ones) with their
/// versions.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct VersionsView {
    /// The dialogue's language settings.
    pub languages: LanguagesBody,
    /// Its statements in id order.
    pub statements: Vec<StatementVersionsView>,
}

/// The version of a statement its reader is shown instead of the original: a translation
/// (into their language, or else the dialogue's) or an easy-read version. A vote names the
/// statement whichever version was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShownVersion {
    /// Its text.
    pub text: String,
    /// Its language: `en`, `cy`, `pl`, `ur` or `ro`.
    pub language: String,
    /// `translation` or `easy-read`.
    pub kind: String,
}

impl ShownVersion {
    /// Returns the version a reading shows, or `None` when it shows the original.
    pub fn of(reading: &Reading) -> Option<ShownVersion> {
        reading.original.as_ref().map(|_| ShownVersion {
            text: reading.text.clone(),
            language: reading.lang.to_owned(),
            kind: kind_name(reading.is_easy_read).to_owned(),
        })
    }

    /// Returns the reading a document describes by the statement's original text and
    /// language and the version shown instead, if any, for a page to show it.
    pub fn reading(
        statement_id: i64,
        original_text: &str,
        original_language: &str,
        shown: Option<&ShownVersion>,
    ) -> Reading {
        let original_language = Language::from_code(original_language).unwrap_or_default();
        let Some(shown) = shown else {
            return Reading {
                id: statement_id,
                text: original_text.to_owned(),
                lang: original_language.code(),
                dir: original_language.direction(),
                is_translation: false,
                is_easy_read: false,
                original: None,
            };
        };
        let language = Language::from_code(&shown.language).unwrap_or_default();
        Reading {
            id: statement_id,
            text: shown.text.clone(),
            lang: language.code(),
            dir: language.direction(),
            is_translation: language != original_language,
            is_easy_read: shown.kind == kind_name(true),
            original: Some(Original {
                text: original_text.to_owned(),
                lang: original_language.code(),
                dir: original_language.direction(),
                language_name: original_language.own_name(),
            }),
        }
    }
}

/// Reads a kind of version from the path: `translation` or `easy-read`.
fn easy_read_kind(kind: &str) -> Result<bool, ApiError> {
    match kind {
        "translation" => Ok(false),
        "easy-read" => Ok(true),
        other => Err(ApiError::validation(format!(
            "{other:?} is not a kind of version; use translation or easy-read"
        ))),
    }
}

fn overview_view(overview: &Overview) -> VersionsView {
    VersionsView {
        languages: LanguagesBody::from(&overview.languages),
        statements: overview
            .statements
            .iter()
            .map(|item| StatementVersionsView {
                statement_id: item.statement.id.get(),
                text: item.statement.text.clone(),
                language: item.language.code().to_owned(),
                is_waiting: item.is_waiting,
                versions: item.versions.iter().map(VersionView::from).collect(),
            })
            .collect(),
    }
}

/// Lists a dialogue's statements with the language each was written in and its versions.
#[utoipa::path(
    get, path = "/api/dialogues/{id}/versions", tag = "versions",
    params(("id" = i64, Path, description = "Dialogue id")),
    responses(
        (status = 200, body = VersionsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Json<VersionsView>, ApiError> {
    let overview = service::overview(&state, &convenor, id).await?;
    Ok(Json(overview_view(&overview)))
}

/// Sets a dialogue's language and what participants see of statements written in another.
#[utoipa::path(
    put, path = "/api/dialogues/{id}/languages", tag = "versions",
    params(("id" = i64, Path, description = "Dialogue id")),
    request_body = LanguagesBody,
    responses(
        (status = 200, body = LanguagesBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an unknown language or choice", body = ErrorBody),
    )
)]
pub async fn set_languages(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    ApiJson(body): ApiJson<LanguagesBody>,
) -> Result<Json<LanguagesBody>, ApiError> {
    let stored =
        service::set_languages(&state, &convenor, id, &body.language, &body.untranslated).await?;
    Ok(Json(LanguagesBody::from(&stored)))
}

/// Records the language a statement was written in.
#[utoipa::path(
    put, path = "/api/dialogues/{id}/statements/{statement_id}/language", tag = "versions",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("statement_id" = i64, Path, description = "Statement id"),
    ),
    request_body = StatementLanguageBody,
    responses(
        (status = 200, body = StatementLanguageBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an unknown language", body = ErrorBody),
    )
)]
pub async fn set_statement_language(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
    ApiJson(body): ApiJson<StatementLanguageBody>,
) -> Result<Json<StatementLanguageBody>, ApiError> {
    let language =
        service::set_statement_language(&state, &convenor, id, statement, &body.language).await?;
    Ok(Json(StatementLanguageBody {
        language: language.code().to_owned(),
    }))
}

/// Adds a translation or an easy-read version of a statement in a language, or replaces the
/// one there is. Votes cast while reading it are votes on the statement.
#[utoipa::path(
    put, path = "/api/dialogues/{id}/statements/{statement_id}/versions/{language}/{kind}",
    tag = "versions",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("statement_id" = i64, Path, description = "Statement id"),
        ("language" = String, Path, description = "`en`, `cy`, `pl`, `ur` or `ro`"),
        ("kind" = String, Path, description = "`translation` or `easy-read`"),
    ),
    request_body = VersionRequest,
    responses(
        (status = 200, body = VersionView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an unknown language or kind, a text of the wrong length, or a translation into the statement's own language", body = ErrorBody),
    )
)]
pub async fn put_version(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, statement, language, kind)): ApiPath<(DialogueId, StatementId, String, String)>,
    ApiJson(body): ApiJson<VersionRequest>,
) -> Result<Json<VersionView>, ApiError> {
    let easy_read = easy_read_kind(&kind)?;
    let stored = service::put_version(
        &state, &convenor, id, statement, &language, easy_read, &body.text,
    )
    .await?;
    Ok(Json(VersionView::from(&stored)))
}

/// Removes a statement's translation or easy-read version in a language.
#[utoipa::path(
    delete, path = "/api/dialogues/{id}/statements/{statement_id}/versions/{language}/{kind}",
    tag = "versions",
    params(
        ("id" = i64, Path, description = "Dialogue id"),
        ("statement_id" = i64, Path, description = "Statement id"),
        ("language" = String, Path, description = "`en`, `cy`, `pl`, `ur` or `ro`"),
        ("kind" = String, Path, description = "`translation` or `easy-read`"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`dialogue_not_found`, `statement_not_found`, `not_found`: no such version", body = ErrorBody),
        (status = 422, description = "`validation_failed`: an unknown language or kind", body = ErrorBody),
    )
)]
pub async fn remove_version(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, statement, language, kind)): ApiPath<(DialogueId, StatementId, String, String)>,
) -> Result<StatusCode, ApiError> {
    let easy_read = easy_read_kind(&kind)?;
    service::remove_version(&state, &convenor, id, statement, &language, easy_read).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The language a priority list's options are written in.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ListLanguageBody {
    /// `en`, `cy`, `pl`, `ur` or `ro`.
    pub language: String,
}

/// One translation of a priority option.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OptionVersionView {
    /// The option it translates.
    pub option_id: i64,
    /// Its language.
    pub language: String,
    /// Its text.
    pub text: String,
    /// When it was added or last replaced (RFC 3339).
    pub added_at: String,
}

impl From<&OptionVersion> for OptionVersionView {
    fn from(version: &OptionVersion) -> OptionVersionView {
        OptionVersionView {
            option_id: version.option.get(),
            language: version.language.clone(),
            text: version.text.clone(),
            added_at: rfc3339(version.added_at),
        }
    }
}

/// One option of a list as written, with its translations.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OptionWithTranslations {
    /// The option.
    pub option_id: i64,
    /// Its text as written, in the list's language.
    pub text: String,
    /// Its translations, by language.
    pub translations: BTreeMap<String, String>,
}

/// A priority list's language and its options with their translations.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OptionVersionsView {
    /// The language the options are written in.
    pub language: String,
    /// Every option not rejected, in id order.
    pub options: Vec<OptionWithTranslations>,
}

/// Lists a priority list's options with their translations (its convenors).
#[utoipa::path(
    get, path = "/api/priority-lists/{id}/versions", tag = "versions",
    params(("id" = i64, Path, description = "Priority list id")),
    responses(
        (status = 200, body = OptionVersionsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn list_option_versions(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(list): ApiPath<PriorityListId>,
) -> Result<Json<OptionVersionsView>, ApiError> {
    let (options, readings) = options::option_overview(&state, &convenor, list).await?;
    let options = options
        .iter()
        .map(|option| OptionWithTranslations {
            option_id: option.id.get(),
            text: option.text.clone(),
            translations: Language::ALL
                .into_iter()
                .filter_map(|language| {
                    let text = readings.translation(option.id, language)?;
                    Some((language.code().to_owned(), text.to_owned()))
                })
                .collect(),
        })
        .collect();
    Ok(Json(OptionVersionsView {
        language: readings.written_in.code().to_owned(),
        options,
    }))
}

/// Sets the language a priority list's options are written in (its convenors).
#[utoipa::path(
    put, path = "/api/priority-lists/{id}/language", tag = "versions",
    params(("id" = i64, Path, description = "Priority list id")),
    request_body = ListLanguageBody,
    responses(
        (status = 200, body = ListLanguageBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an unknown language", body = ErrorBody),
    )
)]
pub async fn set_list_language(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(list): ApiPath<PriorityListId>,
    ApiJson(body): ApiJson<ListLanguageBody>,
) -> Result<Json<ListLanguageBody>, ApiError> {
    let language = options::set_list_language(&state, &convenor, list, &body.language).await?;
    Ok(Json(ListLanguageBody {
        language: language.code().to_owned(),
    }))
}

/// Adds a translation of a priority option into a language, or replaces the one there is
/// (its list's convenors). Choices made while reading it are choices of the option.
#[utoipa::path(
    put, path = "/api/priority-lists/{id}/options/{option_id}/versions/{language}",
    tag = "versions",
    params(
        ("id" = i64, Path, description = "Priority list id"),
        ("option_id" = i64, Path, description = "Option id"),
        ("language" = String, Path, description = "`en`, `cy`, `pl`, `ur` or `ro`"),
    ),
    request_body = VersionRequest,
    responses(
        (status = 200, body = OptionVersionView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an unknown language, a text of the wrong length, or a translation into the list's own language", body = ErrorBody),
    )
)]
pub async fn put_option_version(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((list, option, language)): ApiPath<(PriorityListId, PriorityOptionId, String)>,
    ApiJson(body): ApiJson<VersionRequest>,
) -> Result<Json<OptionVersionView>, ApiError> {
    let stored =
        options::put_option_version(&state, &convenor, list, option, &language, &body.text).await?;
    Ok(Json(OptionVersionView::from(&stored)))
}

/// Removes a priority option's translation into a language (its list's convenors).
#[utoipa::path(
    delete, path = "/api/priority-lists/{id}/options/{option_id}/versions/{language}",
    tag = "versions",
    params(
        ("id" = i64, Path, description = "Priority list id"),
        ("option_id" = i64, Path, description = "Option id"),
        ("language" = String, Path, description = "`en`, `cy`, `pl`, `ur` or `ro`"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such list, option or translation", body = ErrorBody),
        (status = 422, description = "`validation_failed`: an unknown language", body = ErrorBody),
    )
)]
pub async fn remove_option_version(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((list, option, language)): ApiPath<(PriorityListId, PriorityOptionId, String)>,
) -> Result<StatusCode, ApiError> {
    options::remove_option_version(&state, &convenor, list, option, &language).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A translation of one version of a shared objective.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveTranslationRequest {
    /// The title, translated: 1 to 200 characters.
    pub title: String,
    /// The text, translated: 1 to 5,000 characters.
    pub text: String,
}

/// A stored translation of one version of a shared objective.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ObjectiveTranslationView {
    /// The version it translates.
    pub version: u32,
    /// Its language.
    pub language: String,
    /// The title, translated.
    pub title: String,
    /// The text, translated.
    pub text: String,
    /// When it was added or last replaced (RFC 3339).
    pub added_at: String,
}

impl From<&ObjectiveTranslation> for ObjectiveTranslationView {
    fn from(found: &ObjectiveTranslation) -> ObjectiveTranslationView {
        ObjectiveTranslationView {
            version: found.version,
            language: found.language.clone(),
            title: found.title.clone(),
            text: found.body.clone(),
            added_at: rfc3339(found.added_at),
        }
    }
}

/// An objective's language and the translations of its versions.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ObjectiveTranslationsView {
    /// The language the objective is written in.
    pub language: String,
    /// Every translation, by version and language.
    pub translations: Vec<ObjectiveTranslationView>,
}

/// Lists an objective's language and the translations of its versions (its partnership's
/// convenors).
#[utoipa::path(
    get, path = "/api/objectives/{id}/translations", tag = "versions",
    params(("id" = i64, Path, description = "Objective id")),
    responses(
        (status = 200, body = ObjectiveTranslationsView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn list_objective_translations(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ObjectiveTranslationsView>, ApiError> {
    let (language, found) = objectives::translations(&state, &convenor, ObjectiveId(id)).await?;
    Ok(Json(ObjectiveTranslationsView {
        language: language.code().to_owned(),
        translations: found.iter().map(ObjectiveTranslationView::from).collect(),
    }))
}

/// Sets the language an objective is written in (its partnership's convenors).
#[utoipa::path(
    put, path = "/api/objectives/{id}/language", tag = "versions",
    params(("id" = i64, Path, description = "Objective id")),
    request_body = ListLanguageBody,
    responses(
        (status = 200, body = ListLanguageBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an unknown language", body = ErrorBody),
    )
)]
pub async fn set_objective_language(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ListLanguageBody>,
) -> Result<Json<ListLanguageBody>, ApiError> {
    let language =
        objectives::set_objective_language(&state, &convenor, ObjectiveId(id), &body.language)
            .await?;
    Ok(Json(ListLanguageBody {
        language: language.code().to_owned(),
    }))
}

/// Adds a translation of one version of an objective into a language, or replaces the one
/// there is (its partnership's convenors). Stances stay on the version, whatever language it
/// was read in.
#[utoipa::path(
    put, path = "/api/objectives/{id}/versions/{version}/translations/{language}",
    tag = "versions",
    params(
        ("id" = i64, Path, description = "Objective id"),
        ("version" = u32, Path, description = "Version number, from 1"),
        ("language" = String, Path, description = "`en`, `cy`, `pl`, `ur` or `ro`"),
    ),
    request_body = ObjectiveTranslationRequest,
    responses(
        (status = 200, body = ObjectiveTranslationView),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such objective or version", body = ErrorBody),
        (status = 422, description = "`invalid_body`, `validation_failed`: an unknown language, a title or text of the wrong length, or a translation into the objective's own language", body = ErrorBody),
    )
)]
pub async fn put_objective_translation(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, version, language)): ApiPath<(i64, u32, String)>,
    ApiJson(body): ApiJson<ObjectiveTranslationRequest>,
) -> Result<Json<ObjectiveTranslationView>, ApiError> {
    let input = objectives::TranslationInput {
        version,
        language: &language,
        title: &body.title,
        text: &body.text,
    };
    let stored =
        objectives::put_objective_translation(&state, &convenor, ObjectiveId(id), input).await?;
    Ok(Json(ObjectiveTranslationView::from(&stored)))
}

/// Removes the translation of one version of an objective into a language (its
/// partnership's convenors).
#[utoipa::path(
    delete, path = "/api/objectives/{id}/versions/{version}/translations/{language}",
    tag = "versions",
    params(
        ("id" = i64, Path, description = "Objective id"),
        ("version" = u32, Path, description = "Version number, from 1"),
        ("language" = String, Path, description = "`en`, `cy`, `pl`, `ur` or `ro`"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`: no such objective, version or translation", body = ErrorBody),
        (status = 422, description = "`validation_failed`: an unknown language", body = ErrorBody),
    )
)]
pub async fn remove_objective_translation(
    State(state): State<AppState>,
    convenor: CurrentConvenor,
    ApiPath((id, version, language)): ApiPath<(i64, u32, String)>,
) -> Result<StatusCode, ApiError> {
    objectives::remove_objective_translation(
        &state,
        &convenor,
        ObjectiveId(id),
        version,
        &language,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
