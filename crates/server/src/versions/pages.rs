//! The convenors' page of translations and easy read: the dialogue's language and what
//! participants see of statements written in another, and for each statement the language it
//! was written in, its versions, and a form to add or replace one, all through
//! [`super::service`]. It is translated into the representatives' languages (the `convening`
//! catalogue); the service's refusals are the API's, said in the page's language.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{DialogueId, StatementId};
use serde::{Deserialize, Serialize};

use super::kind_name;
use super::service;
use crate::dialogues::DialogueSummary;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, said_in};
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor};

#[derive(Serialize)]
struct LanguageOption {
    code: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct VersionRow {
    language: &'static str,
    language_name: &'static str,
    kind: &'static str,
    text: String,
    dir: crate::web::language::Direction,
}

#[derive(Serialize)]
struct StatementRow {
    id: i64,
    text: String,
    language: &'static str,
    dir: crate::web::language::Direction,
    is_waiting: bool,
    versions: Vec<VersionRow>,
}

#[derive(Serialize)]
struct VersionsContext {
    layout: Layout,
    dialogue: DialogueSummary,
    languages: Vec<LanguageOption>,
    dialogue_language: String,
    untranslated: &'static str,
    /// Whether the reader convenes the dialogue; a moderator gets no language settings.
    convenes: bool,
    statements: Vec<StatementRow>,
    notice: Option<String>,
    error: Option<String>,
}

/// The query string of the page after a change.
#[derive(Debug, Default, Deserialize)]
pub struct VersionsQuery {
    done: Option<String>,
}

fn done_notice(asked: Asked<'_>, query: &VersionsQuery) -> Option<String> {
    let key = match query.done.as_deref()? {
        "languages" => "convening-versions-done-languages",
        "statement-language" => "convening-versions-done-statement-language",
        "put" => "convening-versions-done-put",
        "remove" => "convening-versions-done-remove",
        _ => return None,
    };
    Some(asked.text(key, &[]))
}

/// Answers `GET /convenor/dialogues/{id}/versions`.
pub async fn versions_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    RawQuery(raw): RawQuery,
    query: Result<Query<VersionsQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let notice = done_notice(asked, &query);
    render(&state, &convenor, asked, id, notice, None).await
}

async fn render(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: DialogueId,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.moderate(state, id).await?;
    let overview = service::overview(state, &convenor.current, id).await?;
    let summary = DialogueSummary::in_language(asked.language, &dialogue, state.now_ms());
    let statements = overview
        .statements
        .into_iter()
        .map(|item| StatementRow {
            id: item.statement.id.get(),
            text: item.statement.text,
            language: item.language.code(),
            dir: item.language.direction(),
            is_waiting: item.is_waiting,
            versions: item
                .versions
                .iter()
                .filter_map(|version| {
                    let language = Language::from_code(&version.language)?;
                    Some(VersionRow {
                        language: language.code(),
                        language_name: language.own_name(),
                        kind: kind_name(version.easy_read),
                        text: version.text.clone(),
                        dir: language.direction(),
                    })
                })
                .collect(),
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let context = VersionsContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "convening-versions-title",
                &[("title", summary.title.clone().into())],
            ),
        ),
        dialogue: summary,
        languages: Language::ALL
            .into_iter()
            .map(|language| LanguageOption {
                code: language.code(),
                name: language.own_name(),
            })
            .collect(),
        dialogue_language: overview.languages.language,
        untranslated: overview.languages.untranslated.as_str(),
        convenes: convenor.current.convenes_dialogue(state, &dialogue).await?,
        statements,
        notice,
        error,
    };
    Ok((status, page("versions.html", context)?).into_response())
}

/// Reads the statement a form names.
fn statement_in(asked: Asked<'_>, form: &FormData) -> Result<StatementId, PageError> {
    form.text("statement_id")
        .trim()
        .parse()
        .map(StatementId)
        .map_err(|_| {
            PageError::new(
                StatusCode::BAD_REQUEST,
                asked.text("convening-error-form-statement", &[]),
            )
        })
}

/// Answers `POST /convenor/dialogues/{id}/versions`: saves the dialogue's language settings,
/// a statement's language, or a version, or removes a version; a refused change shows the
/// page again with what was wrong.
pub async fn change(
    State(state): State<AppState>,
    convenor: PageConvenor,
    page_language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let asked = Asked::read(page_language, None);
    let action = form.text("action").to_owned();
    let current = &convenor.current;
    let language = form.text("language");
    let easy_read = form.text("kind") == kind_name(true);
    let done = match action.as_str() {
        "languages" => {
            service::set_languages(&state, current, id, language, form.text("untranslated"))
                .await
                .map(drop)
        }
        "statement-language" => {
            let statement = statement_in(asked, &form)?;
            service::set_statement_language(&state, current, id, statement, language)
                .await
                .map(drop)
        }
        "put" => {
            let statement = statement_in(asked, &form)?;
            let text = form.text("text");
            service::put_version(&state, current, id, statement, language, easy_read, text)
                .await
                .map(drop)
        }
        "remove" => {
            let statement = statement_in(asked, &form)?;
            service::remove_version(&state, current, id, statement, language, easy_read).await
        }
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                asked.text("convening-error-what-to-change", &[]),
            ));
        }
    };
    match done {
        Ok(()) => Ok(
            Redirect::to(&format!("/convenor/dialogues/{id}/versions?done={action}"))
                .into_response(),
        ),
        Err(error @ ApiError::Client { .. })
            if error.code().status() == StatusCode::UNPROCESSABLE_ENTITY =>
        {
            let message = said_in(asked.language, &error);
            render(&state, &convenor, asked, id, None, Some(message)).await
        }
        Err(error) => Err(error.into()),
    }
}
