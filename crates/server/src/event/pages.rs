//! The live event pages: the presenter view, the facilitator view with its controls, the
//! confirmation before closing, and the printable QR poster.
//!
//! The views are whole pages that work without JavaScript (a link reloads them); where
//! JavaScript runs, `static/app.js` listens to the report's event stream and updates only the
//! text that changed, so keyboard focus and the reader's place stay where they are.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::DialogueId;
use serde::{Deserialize, Serialize};

use super::service::{self, EventRoom, Filling};
use crate::dialogues::DialogueSummary;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::forms::FormData;
use crate::web::page_error::PageError;
use crate::web::render::{Layout, page, percent};
use crate::web::security::PageConvenor;
use crate::web::see_other;

/// Seconds between two quiet refreshes of an open view, which catch people who joined without
/// voting yet (votes are announced at once by the event stream).
const POLL_SECONDS: u32 = 10;

/// Returns "1 participant" or "3 participants".
fn counted(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

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
    fn of(filling: &Filling) -> FillingRow {
        let share = filling.share.unwrap_or(0.0).clamp(0.0, 1.0);
        FillingRow {
            name: filling.name.clone(),
            participants: counted(filling.participants, "person", "people"),
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
    constituencies: Vec<FillingRow>,
    unaffiliated: Option<String>,
    is_analysed: bool,
    common_ground_count: String,
    newest_common_ground: Vec<String>,
    notice: Option<&'static str>,
}

/// The notices the facilitator view shows after a control, by name.
#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

fn notice_text(query: Result<Query<NoticeQuery>, QueryRejection>) -> Option<&'static str> {
    let Ok(Query(query)) = query else {
        return None;
    };
    match query.notice.as_deref() {
        Some("paused") => Some(
            "New statements are paused. Participants can still vote; anyone who tries to write is told that statements are paused.",
        ),
        Some("resumed") => Some("Participants can write statements again."),
        Some("closed") => Some(
            "The dialogue is closed: it takes no more participants, votes or statements. The report stays available.",
        ),
        _ => None,
    }
}

fn present_context(
    state: &AppState,
    convenor: &PageConvenor,
    room: EventRoom,
    controls: bool,
    notice: Option<&'static str>,
) -> PresentContext {
    let summary = DialogueSummary::of(&room.dialogue, state.now_ms());
    let id = summary.id;
    let view = if controls { "facilitate" } else { "present" };
    let title = if controls {
        format!("Facilitate · {}", summary.title)
    } else {
        format!("Present · {}", summary.title)
    };
    PresentContext {
        layout: convenor.layout(title),
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
        constituencies: room.constituencies.iter().map(FillingRow::of).collect(),
        unaffiliated: (!room.dialogue.constituencies.is_empty()).then(|| {
            counted(
                room.unaffiliated,
                "person chose no constituency",
                "people chose no constituency",
            )
        }),
        is_analysed: room.is_analysed,
        common_ground_count: match room.n_common_ground {
            0 => "No statement is common ground yet.".to_owned(),
            1 => "1 statement is common ground.".to_owned(),
            n => format!("{n} statements are common ground."),
        },
        newest_common_ground: room.newest_common_ground,
        notice,
        dialogue: summary,
    }
}

/// Answers `GET /convenor/dialogues/{id}/present`: the presenter view for a projector.
pub async fn present(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let room = service::room(&state, &convenor.current, id).await?;
    let context = present_context(&state, &convenor, room, false, None);
    Ok(page("present.html", context)?.into_response())
}

/// Answers `GET /convenor/dialogues/{id}/facilitate`: the presenter view with the controls.
pub async fn facilitate(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<NoticeQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let room = service::room(&state, &convenor.current, id).await?;
    let context = present_context(&state, &convenor, room, true, notice_text(query));
    Ok(page("present.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/facilitate/statements`: `statements=pause` stops
/// new statements from participants, `statements=resume` lets them write again.
pub async fn set_statements(
    State(state): State<AppState>,
    convenor: PageConvenor,
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
                "Choose whether to pause or resume new statements: the form sent neither.",
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
    error: Option<&'static str>,
}

/// Answers `GET /convenor/dialogues/{id}/facilitate/close`: asks the convenor to confirm.
pub async fn close_confirm(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let summary = DialogueSummary::of(&dialogue, state.now_ms());
    let context = CloseContext {
        layout: convenor.layout(format!("Close · {}", summary.title)),
        dialogue: summary,
        error: None,
    };
    Ok(page("close_confirm.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/facilitate/close`: closes the dialogue when the form
/// carries the confirmation (`confirm=yes`), and otherwise asks again, changing nothing.
pub async fn close(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    if form.get("confirm") != Some("yes") {
        let dialogue = convenor.current.dialogue(&state, id).await?;
        let summary = DialogueSummary::of(&dialogue, state.now_ms());
        let context = CloseContext {
            layout: convenor.layout(format!("Close · {}", summary.title)),
            dialogue: summary,
            error: Some(
                "The dialogue is still open. To close it, choose “Yes, close the dialogue”.",
            ),
        };
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

/// Answers `GET /convenor/dialogues/{id}/poster`: an A4 poster with the QR code.
pub async fn poster(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let participant_link = state.participant_url(dialogue.id);
    let summary = DialogueSummary::of(&dialogue, state.now_ms());
    let context = PosterContext {
        layout: convenor.layout(format!("Poster · {}", summary.title)),
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
    fn counts_say_one_and_many() {
        assert_eq!(counted(1, "vote", "votes"), "1 vote");
        assert_eq!(counted(0, "vote", "votes"), "0 votes");
        assert_eq!(counted(12, "vote", "votes"), "12 votes");
    }

    #[test]
    fn a_constituency_below_its_expected_share_is_flagged() {
        let row = FillingRow::of(&Filling {
            name: "Carers".to_owned(),
            participants: 2,
            share: Some(0.1),
            expected: Some(0.25),
        });
        assert!(row.is_below);
        assert_eq!(row.share_width, "10.0");
        assert_eq!(row.expected_position.as_deref(), Some("25.0"));
        assert_eq!(row.participants, "2 people");
        let empty = FillingRow::of(&Filling {
            name: "Nurses".to_owned(),
            participants: 0,
            share: None,
            expected: Some(1.0),
        });
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
        assert!(notice_text(Ok(notice("paused"))).is_some());
        assert!(notice_text(Ok(notice("closed"))).is_some());
        assert!(notice_text(Ok(notice("<script>"))).is_none());
    }
}
