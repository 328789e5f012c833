//! The live event pages: the presenter view, the facilitator view with its controls, the
//! confirmation before closing, and the printable QR poster.
//!
//! The views are whole pages that work without JavaScript (a link reloads them); where
//! JavaScript runs, `static/app.js` listens to the report's event stream and updates only the
//! text that changed, so keyboard focus and the reader's place stay where they are.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::DialogueId;
use serde::{Deserialize, Serialize};

use super::service::{self, EventRoom, Filling};
use crate::dialogues::DialogueSummary;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::versions::service::Reading;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::PageError;
use crate::web::render::{Layout, page, percent};
use crate::web::security::PageConvenor;
use crate::web::see_other;

/// Seconds between two quiet refreshes of an open view, which catch people who joined without
/// voting yet (votes are announced at once by the event stream).
const POLL_SECONDS: u32 = 10;

/// One constituency's bar.
#[derive(Serialize)]
struct FillingRow {
    name: String,
    participants: String,
    share: Option<String>,
    expected: Option<String>,
    /// The bar's length out of 100.
    share_width: String,
    /// Where the expected share's mark stands, out of 100.
    expected_position: Option<String>,
    is_below: bool,
}

impl FillingRow {
    fn of(language: Language, filling: &Filling) -> FillingRow {
        let share = filling.share.unwrap_or(0.0).clamp(0.0, 1.0);
        FillingRow {
            name: filling.name.clone(),
            participants: text(
                language,
                "event-people",
                &[("count", filling.participants.into())],
            ),
            share: filling.share.map(percent),
            expected: filling.expected.map(percent),
            share_width: format!("{:.1}", share * 100.0),
            expected_position: filling
                .expected
                .map(|expected| format!("{:.1}", (expected * 100.0).clamp(0.0, 99.0))),
            is_below: matches!(
                (filling.share, filling.expected),
                (Some(share), Some(expected)) if share < expected
            ),
        }
    }
}

#[derive(Serialize)]
struct Live {
    events: String,
    version: i64,
    poll_seconds: u32,
}

#[derive(Serialize)]
struct PresentContext {
    layout: Layout,
    dialogue: DialogueSummary,
    /// Whether this is the facilitator view, with its controls.
    controls: bool,
    live: Live,
    /// This view's own address, for the link that reloads it.
    path: String,
    participant_link: String,
    link_is_local: bool,
    n_participants: u64,
    n_voters: u64,
    n_votes: u64,
    n_common_ground: usize,
    /// Whether participants can write statements: `open`, `paused` or `closed`.
    statements_state: &'static str,
    constituencies: Vec<FillingRow>,
    unaffiliated: Option<String>,
    is_analysed: bool,
    newest_common_ground: Vec<Reading>,
    notice: Option<String>,
}

/// The notices the facilitator view shows after a control, by name.
#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// Returns the notice the address names, in the page's language; none for a name it does not
/// know, so the address cannot put other words on the page.
fn notice_text(
    language: Language,
    query: Result<Query<NoticeQuery>, QueryRejection>,
) -> Option<String> {
    let Ok(Query(query)) = query else {
        return None;
    };
    let key = match query.notice.as_deref() {
        Some("paused") => "event-notice-paused",
        Some("resumed") => "event-notice-resumed",
        Some("closed") => "event-notice-closed",
        _ => return None,
    };
    Some(text(language, key, &[]))
}

fn present_context(
    state: &AppState,
    convenor: &PageConvenor,
    (language, query): (Language, Option<&str>),
    room: EventRoom,
    controls: bool,
    notice: Option<String>,
) -> PresentContext {
    let summary = DialogueSummary::in_language(language, &room.dialogue, state.now_ms());
    let id = summary.id;
    let view = if controls { "facilitate" } else { "present" };
    let title_key = if controls {
        "event-facilitate-title"
    } else {
        "event-present-title"
    };
    let title = text(
        language,
        title_key,
        &[("title", summary.title.clone().into())],
    );
    let statements_state = if summary.is_closed {
        "closed"
    } else if summary.allows_statements {
        "open"
    } else {
        "paused"
    };
    PresentContext {
        layout: convenor.public_layout(language, query, title),
        controls,
        live: Live {
            events: format!("/d/{id}/report/events"),
            version: room.version,
            poll_seconds: POLL_SECONDS,
        },
        path: format!("/convenor/dialogues/{id}/{view}"),
        participant_link: room.participant_link,
        link_is_local: room.link_is_local,
        n_participants: room.n_participants,
        n_voters: room.n_voters,
        n_votes: room.n_votes,
        n_common_ground: room.n_common_ground,
        statements_state,
        constituencies: room
            .constituencies
            .iter()
            .map(|filling| FillingRow::of(language, filling))
            .collect(),
        unaffiliated: (!room.dialogue.constituencies.is_empty()).then(|| {
            text(
                language,
                "event-unaffiliated",
                &[("count", room.unaffiliated.into())],
            )
        }),
        is_analysed: room.is_analysed,
        newest_common_ground: room
            .newest_common_ground
            .iter()
            .map(|(id, written)| room.readings.read_written(*id, written, language, false))
            .collect(),
        notice,
        dialogue: summary,
    }
}

/// Answers `GET /convenor/dialogues/{id}/present`: the presenter view for a projector.
pub async fn present(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    RawQuery(query): RawQuery,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let room = service::room(&state, &convenor.current, id).await?;
    let asked = (language, query.as_deref());
    let context = present_context(&state, &convenor, asked, room, false, None);
    Ok(page("present.html", context)?.into_response())
}

/// Answers `GET /convenor/dialogues/{id}/facilitate`: the presenter view with the controls.
pub async fn facilitate(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    RawQuery(raw): RawQuery,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<NoticeQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let room = service::room(&state, &convenor.current, id).await?;
    let notice = notice_text(language, query);
    let asked = (language, raw.as_deref());
    let context = present_context(&state, &convenor, asked, room, true, notice);
    Ok(page("present.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/facilitate/statements`: `statements=pause` stops
/// new statements from participants, `statements=resume` lets them write again.
pub async fn set_statements(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let (taking, notice) = match form.get("statements") {
        Some("pause") => (false, "paused"),
        Some("resume") => (true, "resumed"),
        _ => {
            return Err(PageError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                text(language, "event-error-statements-choice", &[]),
            ));
        }
    };
    service::take_statements(&state, &convenor.current, id, taking).await?;
    Ok(see_other(&format!(
        "/convenor/dialogues/{id}/facilitate?notice={notice}"
    )))
}

#[derive(Serialize)]
struct CloseContext {
    layout: Layout,
    dialogue: DialogueSummary,
    error: Option<String>,
}

/// Returns the confirmation page's context, with the reason it is asked again, if it is.
async fn close_context(
    state: &AppState,
    convenor: &PageConvenor,
    language: Language,
    id: DialogueId,
    error: Option<String>,
) -> Result<CloseContext, PageError> {
    let dialogue = convenor.current.dialogue(state, id).await?;
    let summary = DialogueSummary::in_language(language, &dialogue, state.now_ms());
    let title = text(
        language,
        "event-close-title",
        &[("title", summary.title.clone().into())],
    );
    Ok(CloseContext {
        layout: convenor.public_layout(language, None, title),
        dialogue: summary,
        error,
    })
}

/// Answers `GET /convenor/dialogues/{id}/facilitate/close`: asks the convenor to confirm.
pub async fn close_confirm(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let context = close_context(&state, &convenor, language, id, None).await?;
    Ok(page("close_confirm.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/facilitate/close`: closes the dialogue when the form
/// carries the confirmation (`confirm=yes`), and otherwise asks again, changing nothing.
pub async fn close(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    if form.get("confirm") != Some("yes") {
        let error = text(language, "event-close-unconfirmed", &[]);
        let context = close_context(&state, &convenor, language, id, Some(error)).await?;
        let body = page("close_confirm.html", context)?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    service::close(&state, &convenor.current, id).await?;
    Ok(see_other(&format!(
        "/convenor/dialogues/{id}/facilitate?notice=closed"
    )))
}

#[derive(Serialize)]
struct PosterContext {
    layout: Layout,
    dialogue: DialogueSummary,
    participant_link: String,
    link_is_local: bool,
}

/// Answers `GET /convenor/dialogues/{id}/poster`: an A4 poster with the QR code, in the
/// language chosen for the people who will read it.
pub async fn poster(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    RawQuery(query): RawQuery,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let participant_link = state.participant_url(dialogue.id);
    let summary = DialogueSummary::in_language(language, &dialogue, state.now_ms());
    let title = text(
        language,
        "event-poster-title",
        &[("title", summary.title.clone().into())],
    );
    let context = PosterContext {
        layout: convenor.public_layout(language, query.as_deref(), title),
        dialogue: summary,
        link_is_local: service::is_local_link(&participant_link),
        participant_link,
    };
    Ok(page("poster.html", context)?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_people_say_one_and_many_in_each_language() {
        let people = |language, participants| {
            FillingRow::of(
                language,
                &Filling {
                    name: "Carers".to_owned(),
                    participants,
                    share: None,
                    expected: None,
                },
            )
            .participants
        };
        assert_eq!(people(Language::English, 1), "1 person");
        assert_eq!(people(Language::English, 0), "0 people");
        assert_eq!(people(Language::English, 12), "12 people");
        assert_ne!(people(Language::Welsh, 12), "12 people");
    }

    #[test]
    fn a_constituency_below_its_expected_share_is_flagged() {
        let row = FillingRow::of(
            Language::English,
            &Filling {
                name: "Carers".to_owned(),
                participants: 2,
                share: Some(0.1),
                expected: Some(0.25),
            },
        );
        assert!(row.is_below);
        assert_eq!(row.share_width, "10.0");
        assert_eq!(row.expected_position.as_deref(), Some("25.0"));
        assert_eq!(row.participants, "2 people");
        let empty = FillingRow::of(
            Language::English,
            &Filling {
                name: "Nurses".to_owned(),
                participants: 0,
                share: None,
                expected: Some(1.0),
            },
        );
        assert!(!empty.is_below);
        assert_eq!(empty.share_width, "0.0");
        assert_eq!(empty.expected_position.as_deref(), Some("99.0"));
    }

    #[test]
    fn only_known_notices_are_shown() {
        let notice = |text: &str| {
            Query(NoticeQuery {
                notice: Some(text.to_owned()),
            })
        };
        let english = Language::English;
        assert!(notice_text(english, Ok(notice("paused"))).is_some());
        assert!(notice_text(english, Ok(notice("closed"))).is_some());
        assert!(notice_text(english, Ok(notice("<script>"))).is_none());
        assert_ne!(
            notice_text(Language::Polish, Ok(notice("resumed"))),
            notice_text(english, Ok(notice("resumed")))
        );
    }
}
