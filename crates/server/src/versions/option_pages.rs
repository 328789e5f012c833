//! The convenors' page of a priority list's translations: the language its options are written
//! in, and for each option its translations with a form to add, replace or remove one, all
//! through [`super::options`]. It is translated into the representatives' languages (the
//! `convening` catalogue); the service's refusals are the API's, said in the page's
//! language.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{PriorityListId, PriorityOptionId};
use serde::{Deserialize, Serialize};

use super::options;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::forms::FormData;
use crate::web::language::{Direction, Language};
use crate::web::page_error::{PageError, said_in};
use crate::web::render::page;
use crate::web::security::{Asked, PageConvenor};

#[derive(Serialize)]
struct LanguageChoice {
    code: &'static str,
    name: &'static str,
    is_written_in: bool,
}

#[derive(Serialize)]
struct TranslationRow {
    language: &'static str,
    language_name: &'static str,
    text: String,
    dir: Direction,
}

#[derive(Serialize)]
struct OptionRow {
    id: i64,
    text: String,
    translations: Vec<TranslationRow>,
}

#[derive(Serialize)]
struct OptionVersionsContext {
    layout: crate::web::render::Layout,
    list_id: i64,
    list_title: String,
    written_in: &'static str,
    written_in_dir: Direction,
    languages: Vec<LanguageChoice>,
    options: Vec<OptionRow>,
    notice: Option<String>,
    error: Option<String>,
}

/// The query string of the page after a change.
#[derive(Debug, Default, Deserialize)]
pub struct OptionVersionsQuery {
    done: Option<String>,
}

async fn render(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: PriorityListId,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, PageError> {
    let list = convenor.current.priority_list(state, id).await?;
    let (listed, readings) = options::option_overview(state, &convenor.current, id).await?;
    let written_in = readings.written_in;
    let rows = listed
        .iter()
        .map(|option| OptionRow {
            id: option.id.get(),
            text: option.text.clone(),
            translations: Language::ALL
                .into_iter()
                .filter_map(|language| {
                    let text = readings.translation(option.id, language)?;
                    Some(TranslationRow {
                        language: language.code(),
                        language_name: language.own_name(),
                        text: text.to_owned(),
                        dir: language.direction(),
                    })
                })
                .collect(),
        })
        .collect();
    let title = list.settings.title.as_str().to_owned();
    let context = OptionVersionsContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "convening-options-title",
                &[("title", title.clone().into())],
            ),
        ),
        list_id: list.id.get(),
        list_title: title,
        written_in: written_in.code(),
        written_in_dir: written_in.direction(),
        languages: Language::ALL
            .into_iter()
            .map(|language| LanguageChoice {
                code: language.code(),
                name: language.own_name(),
                is_written_in: language == written_in,
            })
            .collect(),
        options: rows,
        notice,
        error,
    };
    let status = if context.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, page("option_versions.html", context)?).into_response())
}

/// Answers `GET /convenor/priority-lists/{id}/versions`: the list's language and its options'
/// translations, with the forms that change them (its convenors).
pub async fn option_versions_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    RawQuery(raw): RawQuery,
    query: Result<Query<OptionVersionsQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let notice = match query.done.as_deref() {
        Some("language") => Some("convening-options-done-language"),
        Some("put") => Some("convening-options-done-put"),
        Some("remove") => Some("convening-options-done-remove"),
        _ => None,
    }
    .map(|key| asked.text(key, &[]));
    render(&state, &convenor, asked, id, notice, None).await
}

/// Reads the option a form names.
fn option_in(asked: Asked<'_>, form: &FormData) -> Result<PriorityOptionId, PageError> {
    let named = form.text("option_id").trim().parse().map(PriorityOptionId);
    named.map_err(|_| {
        PageError::new(
            StatusCode::BAD_REQUEST,
            asked.text("convening-error-form-option", &[]),
        )
    })
}

/// Answers `POST /convenor/priority-lists/{id}/versions`: saves the list's language, or adds,
/// replaces or removes an option's translation; a refused change shows the page again with
/// what was wrong.
pub async fn change_option_versions(
    State(state): State<AppState>,
    convenor: PageConvenor,
    page_language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let asked = Asked::read(page_language, None);
    let current = &convenor.current;
    let language = form.text("language");
    let action = form.text("action");
    let outcome = match action {
        "language" => options::set_list_language(&state, current, id, language)
            .await
            .map(drop),
        "put" => {
            let option = option_in(asked, &form)?;
            let text = form.text("text");
            options::put_option_version(&state, current, id, option, language, text)
                .await
                .map(drop)
        }
        "remove" => {
            let option = option_in(asked, &form)?;
            options::remove_option_version(&state, current, id, option, language).await
        }
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                asked.text("convening-error-what-to-change", &[]),
            ));
        }
    };
    match outcome {
        Ok(()) => {
            let to = format!("/convenor/priority-lists/{id}/versions?done={action}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(error @ ApiError::Client { .. })
            if error.code().status() == StatusCode::UNPROCESSABLE_ENTITY =>
        {
            let message = said_in(asked.language, &error);
            render(&state, &convenor, asked, id, None, Some(message)).await
        }
        Err(error) => Err(error.into()),
    }
}
