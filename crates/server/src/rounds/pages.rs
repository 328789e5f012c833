//! The convenors' page of rounds: the dialogue's rounds with their voters and votes, and the
//! form that ends the current round and starts the next, through [`super::service`]. It is
//! translated into the representatives' languages (the `convening` catalogue); the service's
//! refusals are the API's, said in the page's language.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::DialogueId;
use serde::{Deserialize, Serialize};

use super::service;
use crate::dialogues::DialogueSummary;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::catalogue::date_time;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, said_in};
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor};

#[derive(Serialize)]
struct RoundRow {
    number: u32,
    label: String,
    started: String,
    ended: Option<String>,
    voters: u64,
    votes: u64,
}

#[derive(Serialize)]
struct RoundsContext {
    layout: Layout,
    dialogue: DialogueSummary,
    rounds: Vec<RoundRow>,
    current_label: String,
    next_number: u32,
    label: String,
    notice: Option<String>,
    error: Option<String>,
}

/// The query string of the page after a change.
#[derive(Debug, Default, Deserialize)]
pub struct RoundsQuery {
    started: Option<String>,
}

/// What the form held, shown again when it is refused.
#[derive(Default)]
struct Entered {
    label: String,
    ending_label: Option<String>,
}

/// Answers `GET /convenor/dialogues/{id}/rounds`.
pub async fn rounds_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    RawQuery(raw): RawQuery,
    query: Result<Query<RoundsQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let notice = query
        .started
        .is_some()
        .then(|| asked.text("convening-rounds-started", &[]));
    render(
        &state,
        &convenor,
        asked,
        id,
        notice,
        None,
        Entered::default(),
    )
    .await
}

async fn render(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: DialogueId,
    notice: Option<String>,
    error: Option<String>,
    entered: Entered,
) -> Result<Response, PageError> {
    let language = asked.language;
    let dialogue = convenor.current.dialogue(state, id).await?;
    let rounds = service::list(state, &convenor.current, id).await?;
    let summary = DialogueSummary::in_language(language, &dialogue, state.now_ms());
    let current = rounds.last();
    let current_label = entered
        .ending_label
        .unwrap_or_else(|| current.map(|round| round.label.clone()).unwrap_or_default());
    let next_number = current.map_or(2, |round| round.number + 1);
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let context = RoundsContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "convening-rounds-title",
                &[("title", summary.title.clone().into())],
            ),
        ),
        dialogue: summary,
        rounds: rounds
            .iter()
            .map(|round| RoundRow {
                number: round.number,
                label: round.label.clone(),
                started: date_time(language, round.started_at),
                ended: round.ended_at.map(|epoch_ms| date_time(language, epoch_ms)),
                voters: round.voters,
                votes: round.votes,
            })
            .collect(),
        current_label,
        next_number,
        label: entered.label,
        notice,
        error,
    };
    Ok((status, page("rounds.html", context)?).into_response())
}

/// Answers `POST /convenor/dialogues/{id}/rounds`: ends the current round and starts the next
/// once the convenor has confirmed; a refused form shows the page again with what was wrong.
pub async fn start(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/dialogues/{id}/rounds");
    let asked = Asked::posted(language, &path);
    let entered = Entered {
        label: form.text("label").to_owned(),
        ending_label: Some(form.text("ending_label").to_owned()),
    };
    if form.text("confirm") != "yes" {
        let error = asked.text("convening-rounds-error-confirm", &[]);
        return render(&state, &convenor, asked, id, None, Some(error), entered).await;
    }
    let started = service::start(
        &state,
        &convenor.current,
        id,
        &entered.label,
        entered.ending_label.as_deref(),
    )
    .await;
    match started {
        Ok(_) => {
            Ok(Redirect::to(&format!("/convenor/dialogues/{id}/rounds?started=1")).into_response())
        }
        Err(error @ ApiError::Client { .. })
            if error.code().status() == StatusCode::UNPROCESSABLE_ENTITY =>
        {
            let message = said_in(asked.language, &error);
            render(&state, &convenor, asked, id, None, Some(message), entered).await
        }
        Err(error) => Err(error.into()),
    }
}
