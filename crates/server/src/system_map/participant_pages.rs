//! The page on which a participant of a map's linked dialogue judges its links, once a convenor
//! has opened judging to them: the map drawn with its table, and each link with a form to say
//! agree, disagree or unsure (saying it again replaces the earlier judgment). Participants
//! arrive with their dialogue's cookie; anyone else is sent to the dialogue's start.

use std::collections::HashMap;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use model::{DialogueId, MapFactorId, MapLinkId, SystemMapId};
use serde::Serialize;
use store::{Judge, LinkJudgment, LinkSign};

use super::service;
use super::svg::{self, DrawOptions, Drawing, Highlight};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, is_unauthenticated, said_in};
use crate::web::render::{Layout, page};

#[derive(Serialize)]
struct LinkForm {
    id: i64,
    from: String,
    to: String,
    /// What the link says, in a sentence of the page's language.
    claim: String,
    note: String,
    current: Option<&'static str>,
    /// The participant's judgment, in words of the page's language.
    current_words: Option<String>,
}

#[derive(Serialize)]
struct JudgeContext {
    layout: Layout,
    dialogue_id: i64,
    map_id: i64,
    title: String,
    description: String,
    drawing: Drawing,
    links: Vec<LinkForm>,
    judged: usize,
    notice: bool,
    error: Option<String>,
}

fn judgment_word(judgment: LinkJudgment) -> &'static str {
    match judgment {
        LinkJudgment::Agree => "agree",
        LinkJudgment::Disagree => "disagree",
        LinkJudgment::Unsure => "unsure",
    }
}

/// Says a judgment in words of the page's language.
fn judgment_words(language: Language, judgment: LinkJudgment) -> String {
    let key = match judgment {
        LinkJudgment::Agree => "judging-agree",
        LinkJudgment::Disagree => "judging-disagree",
        LinkJudgment::Unsure => "judging-unsure",
    };
    text(language, key, &[])
}

/// Says what a link claims: more of one factor leads to more, or less, of another, perhaps
/// after a delay.
fn claim(language: Language, from: &str, to: &str, sign: LinkSign, delayed: bool) -> String {
    let key = match (sign, delayed) {
        (LinkSign::Positive, false) => "judging-more",
        (LinkSign::Negative, false) => "judging-less",
        (LinkSign::Positive, true) => "judging-more-delayed",
        (LinkSign::Negative, true) => "judging-less-delayed",
    };
    text(
        language,
        key,
        &[
            ("from", from.to_owned().into()),
            ("to", to.to_owned().into()),
        ],
    )
}

/// The refusal of a map that is not this dialogue's.
fn not_open(language: Language) -> PageError {
    PageError::not_found(text(language, "judging-not-open", &[]))
}

/// Finds the map's judging page for this participant, or says where to go instead.
#[allow(
    clippy::too_many_arguments,
    reason = "the request's parts, and what the page says above the links"
)]
async fn judging(
    state: &AppState,
    language: Language,
    headers: &HeaderMap,
    dialogue: DialogueId,
    id: SystemMapId,
    status: StatusCode,
    notice: bool,
    error: Option<String>,
) -> Result<Response, PageError> {
    let map = state.store().get_system_map(id).await?;
    if map.dialogue != Some(dialogue) {
        return Err(not_open(language));
    }
    let (participant, detail, source) = match service::participant_view(state, headers, id).await {
        Ok(found) => found,
        Err(error) if is_unauthenticated(&error) => {
            return Ok(Redirect::to(&format!("/d/{dialogue}")).into_response());
        }
        Err(error) => return Err(error.into()),
    };
    let names: HashMap<MapFactorId, &str> = detail
        .factors
        .iter()
        .map(|factor| (factor.id, factor.name.as_str()))
        .collect();
    let name = |factor: MapFactorId| {
        names
            .get(&factor)
            .map_or_else(|| format!("factor {factor}"), |name| (*name).to_owned())
    };
    let mine: HashMap<MapLinkId, LinkJudgment> = detail
        .judgments
        .iter()
        .filter(|judgment| judgment.judge == Judge::Participant(participant.id))
        .map(|judgment| (judgment.link, judgment.judgment))
        .collect();
    let links: Vec<LinkForm> = detail
        .links
        .iter()
        .map(|(link, _)| {
            let (from, to) = (name(link.from), name(link.to));
            let current = mine.get(&link.id).copied();
            LinkForm {
                id: link.id.0,
                claim: claim(language, &from, &to, link.sign, link.delayed),
                from,
                to,
                note: link.note.clone(),
                current: current.map(judgment_word),
                current_words: current.map(|judgment| judgment_words(language, judgment)),
            }
        })
        .collect();
    let drawing = svg::drawing(
        &source,
        &DrawOptions {
            title: detail.map.title.clone(),
            id_prefix: "system-map".to_owned(),
            highlight: Highlight::None,
        },
    );
    let context = JudgeContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "judging-title",
                &[("map", detail.map.title.clone().into())],
            ),
        ),
        dialogue_id: dialogue.get(),
        map_id: id.0,
        title: detail.map.title.clone(),
        description: detail.map.description.clone(),
        drawing,
        judged: mine.len(),
        links,
        notice,
        error,
    };
    Ok((status, page("system_map_judge.html", context)?).into_response())
}

/// Answers `GET /d/{id}/maps/{map}`: the map's links for the participant to judge.
pub async fn judge_page(
    State(state): State<AppState>,
    language: Language,
    headers: HeaderMap,
    ApiPath((dialogue, id)): ApiPath<(DialogueId, SystemMapId)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let notice = raw
        .unwrap_or_default()
        .split('&')
        .any(|pair| pair == "notice=judged");
    judging(
        &state,
        language,
        &headers,
        dialogue,
        id,
        StatusCode::OK,
        notice,
        None,
    )
    .await
}

/// Answers `POST /d/{id}/maps/{map}`: records the participant's judgment of one link.
pub async fn judge(
    State(state): State<AppState>,
    language: Language,
    headers: HeaderMap,
    ApiPath((dialogue, id)): ApiPath<(DialogueId, SystemMapId)>,
    form: FormData,
) -> Result<Response, PageError> {
    let map = state.store().get_system_map(id).await?;
    if map.dialogue != Some(dialogue) {
        return Err(not_open(language));
    }
    let input = (|| {
        let link = form
            .text("link")
            .parse::<i64>()
            .map(MapLinkId)
            .map_err(|_| ApiError::invalid("judging-choose-link", &[]))?;
        let judgment = LinkJudgment::parse(form.text("judgment"))
            .ok_or_else(|| ApiError::invalid("judging-choose-answer", &[]))?;
        Ok::<_, ApiError>((link, judgment))
    })();
    let result = match input {
        Ok((link, judgment)) => {
            service::participant_judge_link(&state, &headers, id, link, judgment)
                .await
                .map(|_| link)
        }
        Err(error) => Err(error),
    };
    match result {
        Ok(link) => Ok(Redirect::to(&format!(
            "/d/{dialogue}/maps/{id}?notice=judged#link-{link}"
        ))
        .into_response()),
        Err(error) if is_unauthenticated(&error) => {
            Ok(Redirect::to(&format!("/d/{dialogue}")).into_response())
        }
        Err(error @ ApiError::Client { .. })
            if !matches!(
                error.code().status(),
                StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
            ) =>
        {
            let status = error.code().status();
            let message = said_in(language, &error);
            judging(
                &state,
                language,
                &headers,
                dialogue,
                id,
                status,
                false,
                Some(message),
            )
            .await
        }
        Err(error) => Err(error.into()),
    }
}
