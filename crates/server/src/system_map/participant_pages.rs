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
use crate::web::forms::FormData;
use crate::web::page_error::{PageError, is_unauthenticated, sentence};
use crate::web::render::{Layout, page};

#[derive(Serialize)]
struct LinkForm {
    id: i64,
    from: String,
    to: String,
    sign_words: &'static str,
    delayed: bool,
    note: String,
    current: Option<&'static str>,
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

/// Finds the map's judging page for this participant, or says where to go instead.
async fn judging(
    state: &AppState,
    headers: &HeaderMap,
    dialogue: DialogueId,
    id: SystemMapId,
    status: StatusCode,
    notice: bool,
    error: Option<String>,
) -> Result<Response, PageError> {
    let map = state.store().get_system_map(id).await?;
    if map.dialogue != Some(dialogue) {
        return Err(PageError::not_found(
            "This map is not open to the participants of this dialogue.",
        ));
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
        .map(|(link, _)| LinkForm {
            id: link.id.0,
            from: name(link.from),
            to: name(link.to),
            sign_words: match link.sign {
                LinkSign::Positive => "leads to more",
                LinkSign::Negative => "leads to less",
            },
            delayed: link.delayed,
            note: link.note.clone(),
            current: mine.get(&link.id).copied().map(judgment_word),
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
        layout: Layout::public(format!("{}: do you agree?", detail.map.title)),
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
    headers: HeaderMap,
    ApiPath((dialogue, id)): ApiPath<(DialogueId, SystemMapId)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let notice = raw
        .unwrap_or_default()
        .split('&')
        .any(|pair| pair == "notice=judged");
    judging(&state, &headers, dialogue, id, StatusCode::OK, notice, None).await
}

/// Answers `POST /d/{id}/maps/{map}`: records the participant's judgment of one link.
pub async fn judge(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath((dialogue, id)): ApiPath<(DialogueId, SystemMapId)>,
    form: FormData,
) -> Result<Response, PageError> {
    let map = state.store().get_system_map(id).await?;
    if map.dialogue != Some(dialogue) {
        return Err(PageError::not_found(
            "This map is not open to the participants of this dialogue.",
        ));
    }
    let input = (|| {
        let link = form
            .text("link")
            .parse::<i64>()
            .map(MapLinkId)
            .map_err(|_| ApiError::validation("choose a link of the map"))?;
        let judgment = LinkJudgment::parse(form.text("judgment"))
            .ok_or_else(|| ApiError::validation("choose agree, disagree or unsure"))?;
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
            let message = sentence(&error.to_string());
            judging(&state, &headers, dialogue, id, status, false, Some(message)).await
        }
        Err(error) => Err(error.into()),
    }
}
