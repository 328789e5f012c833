//! The report's pages: the report itself (a summary a convenor can read out, then the grid of
//! every statement against the groups and constituencies, the opinion map, differences and
//! the voice audit), each statement's detail page, the convenors' page for naming the groups,
//! the page a private report shows the public, and the event stream that announces each new
//! analysis so the open page fetches the new report.
//!
//! Everything shown comes from the latest stored analysis document; nothing is recomputed.

use std::collections::BTreeMap;

use axum::extract::{Query, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use model::DialogueId;
use serde::Serialize;
use store::Dialogue;

use super::document::group_name_in;
use super::grid::{self, GridQuery};
use super::snapshot::LoadedAnalysis;
use super::view::{GroupView, Live, PrivateContext, ReportContext, StatementContext};
use super::{labels, live, sections, service, snapshot};
use crate::auth::CurrentConvenor;
use crate::dialogues::DialogueSummary;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::PageError;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor, encode_query_value};

/// Checks that the reader may see the report; if not, returns the page that explains who can
/// see it and how to ask, instead of sending the public to the convenors' sign-in.
async fn may_read(
    state: &AppState,
    language: Language,
    dialogue: &Dialogue,
    headers: &HeaderMap,
) -> Result<Option<Response>, PageError> {
    let Err(error) = service::may_read(state, dialogue, headers).await else {
        return Ok(None);
    };
    let is_signed_in = !crate::web::page_error::is_unauthenticated(&error);
    if is_signed_in && error.code() != crate::error::ErrorCode::Forbidden {
        return Err(error.into());
    }
    let summary = DialogueSummary::of(dialogue, state.now_ms());
    let context = PrivateContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "report-title",
                &[("title", summary.title.clone().into())],
            ),
        ),
        sign_in: format!(
            "/login?next={}",
            encode_query_value(&format!("/d/{}/report", dialogue.id))
        ),
        is_signed_in,
        dialogue: summary,
    };
    Ok(Some(
        (StatusCode::FORBIDDEN, page("report_private.html", context)?).into_response(),
    ))
}

/// Returns the convenors' labels of the dialogue's groups, by group id.
async fn stored_labels(
    state: &AppState,
    dialogue: DialogueId,
) -> Result<BTreeMap<i64, String>, PageError> {
    Ok(state.store().group_labels(dialogue).await?)
}

/// Returns the groups the report shows (none until the confidence rules allow them).
fn shown_groups(
    language: Language,
    analysis: &LoadedAnalysis,
    custom: &BTreeMap<i64, String>,
) -> Vec<GroupView> {
    if analysis.groups_are_shown() {
        labels::groups(language, analysis, custom)
    } else {
        Vec::new()
    }
}

/// Builds the report's context from what was loaded; the query is checked against the
/// analysis's groups and constituencies.
pub(crate) fn report_context(
    language: Language,
    dialogue: DialogueSummary,
    participant_link: String,
    counts: (u64, u64, u64),
    analysis: Option<&LoadedAnalysis>,
    custom: &BTreeMap<i64, String>,
    query: &GridQuery,
) -> Result<ReportContext, String> {
    let (n_participants, n_voters, n_votes) = counts;
    let layout = Layout::translated(
        language,
        text(
            language,
            "report-title",
            &[("title", dialogue.title.clone().into())],
        ),
    );
    let id = dialogue.id;
    let mut context = ReportContext {
        layout,
        live: Live {
            events: format!("/d/{id}/report/events"),
            version: analysis.map_or(0, |analysis| analysis.version),
        },
        is_ready: analysis.is_some() && n_votes > 0,
        updated: None,
        updated_iso: None,
        n_participants,
        n_voters,
        n_votes,
        waiting: sections::waiting(language, analysis.is_some(), n_votes),
        shortfalls: Vec::new(),
        summary: Vec::new(),
        grid: None,
        weighting: None,
        map: None,
        groups: Vec::new(),
        groups_note: None,
        may_edit_labels: false,
        near: Vec::new(),
        divisive: Vec::new(),
        gaps: Vec::new(),
        lay_professional: None,
        voice: None,
        rounds: None,
        notes: Vec::new(),
        participant_link,
        dialogue,
    };
    if let Some(analysis) = analysis.filter(|_| n_votes > 0) {
        let groups = shown_groups(language, analysis, custom);
        let query = grid::parse(query, groups.len(), analysis.doc.voice.constituencies.len())?;
        sections::fill(language, &mut context, analysis, groups, query);
    }
    Ok(context)
}

/// Answers `GET /d/{id}/report`.
pub async fn report_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<DialogueId>,
    Query(query): Query<GridQuery>,
    language: Language,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    if let Some(explained) = may_read(&state, language, &dialogue, &headers).await? {
        return Ok(explained);
    }
    let counts = state.store().count_votes(dialogue.id).await?;
    let analysis = snapshot::load(&state, dialogue.id).await?;
    let custom = stored_labels(&state, dialogue.id).await?;
    let mut context = report_context(
        language,
        DialogueSummary::of(&dialogue, state.now_ms()),
        state.participant_url(dialogue.id),
        (counts.participants, counts.voters, counts.votes),
        analysis.as_ref(),
        &custom,
        &query,
    )
    .map_err(|message| {
        PageError::new(
            StatusCode::BAD_REQUEST,
            crate::web::page_error::sentence(&message),
        )
    })?;
    context.may_edit_labels =
        !context.groups.is_empty() && is_convenor(&state, &dialogue, &headers).await;
    Ok(page("report.html", context)?.into_response())
}

/// Answers `GET /d/{id}/report/statements/{statement_id}`: one statement's full breakdown.
pub async fn statement_page(
    State(state): State<AppState>,
    ApiPath((id, statement_id)): ApiPath<(DialogueId, u32)>,
    language: Language,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    if let Some(explained) = may_read(&state, language, &dialogue, &headers).await? {
        return Ok(explained);
    }
    let not_found = || {
        PageError::not_found(text(
            language,
            "report-no-such-statement",
            &[("number", statement_id.into())],
        ))
    };
    let analysis = snapshot::load(&state, dialogue.id)
        .await?
        .ok_or_else(not_found)?;
    let custom = stored_labels(&state, dialogue.id).await?;
    let context = statement_context(
        language,
        DialogueSummary::of(&dialogue, state.now_ms()),
        &analysis,
        &custom,
        statement_id,
    )
    .ok_or_else(not_found)?;
    Ok(page("report_statement.html", context)?.into_response())
}

/// Builds a statement's detail page, if the analysis has the statement.
pub(crate) fn statement_context(
    language: Language,
    dialogue: DialogueSummary,
    analysis: &LoadedAnalysis,
    custom: &BTreeMap<i64, String>,
    statement_id: u32,
) -> Option<StatementContext> {
    let statement = analysis.statement(statement_id)?;
    let groups = shown_groups(language, analysis, custom);
    let card = sections::statement_card(language, analysis, statement, &groups)?;
    let mut ids: Vec<u32> = analysis.doc.statements.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    let position = ids.iter().position(|&id| id == statement_id)?;
    let previous = position
        .checked_sub(1)
        .and_then(|before| ids.get(before))
        .map(|&id| analysis.href(id));
    let next = ids.get(position + 1).map(|&id| analysis.href(id));
    Some(StatementContext {
        layout: Layout::translated(
            language,
            text(
                language,
                "report-statement-title",
                &[
                    ("number", card.number.into()),
                    ("title", dialogue.title.clone().into()),
                ],
            ),
        ),
        dialogue,
        updated: None,
        card,
        previous,
        next,
    })
}

/// Answers `GET /d/{id}/report/events`: a server-sent event `snapshot` (its data the
/// snapshot's version) each time a new analysis of the dialogue is stored. The first event
/// gives the version current when the stream opened.
pub async fn events(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<DialogueId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(id).await?;
    service::may_read(&state, &dialogue, &headers).await?;
    Ok(live::open(state, dialogue.id).await?)
}

/// The convenors' page for naming the groups, in the representatives' languages (the
/// `convening` catalogue).
#[derive(Serialize)]
struct LabelsContext {
    layout: Layout,
    dialogue: DialogueSummary,
    groups: Vec<GroupView>,
    max_chars: usize,
    saved: bool,
    groups_rule: String,
}

/// Says the rule for showing opinion groups in `language`, as the report does.
fn groups_rule(language: Language) -> String {
    text(language, "report-groups-rule", &[])
}

/// The query of the labels page after a save.
#[derive(serde::Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// Answers `GET /d/{id}/report/groups`: a form naming each group, for the dialogue's
/// convenors.
pub async fn labels_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    RawQuery(raw): RawQuery,
    Query(saved): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let language = asked.language;
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let analysis = snapshot::load(&state, dialogue.id).await?;
    let custom = stored_labels(&state, dialogue.id).await?;
    let groups = analysis
        .as_ref()
        .map(|analysis| shown_groups(language, analysis, &custom))
        .unwrap_or_default();
    let summary = DialogueSummary::in_language(language, &dialogue, state.now_ms());
    let title = text(
        language,
        "convening-groups-title",
        &[("title", summary.title.clone().into())],
    );
    let context = LabelsContext {
        layout: asked.layout(&convenor, title),
        dialogue: summary,
        groups,
        max_chars: labels::MAX_LABEL_CHARS,
        saved: saved.saved.is_some(),
        groups_rule: groups_rule(language),
    };
    Ok(page("report_groups.html", context)?.into_response())
}

/// Answers `POST /d/{id}/report/groups`: saves the labels typed (`label-{group id}` fields;
/// an empty one goes back to the label derived from the votes).
pub async fn save_labels(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let language = Asked::read(language, None).language;
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let analysis = snapshot::load(&state, dialogue.id).await?;
    let ids: Vec<usize> = analysis
        .as_ref()
        .filter(|analysis| analysis.groups_are_shown())
        .map(|analysis| analysis.doc.groups.iter().map(|group| group.id).collect())
        .unwrap_or_default();
    let mut changes = Vec::new();
    for (index, group) in ids.into_iter().enumerate() {
        let Some(sent) = form.get(&format!("label-{group}")) else {
            continue;
        };
        let label = labels::check(sent).map_err(|message| {
            PageError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                text(
                    language,
                    "convening-groups-error",
                    &[
                        ("group", group_name_in(language, index).into()),
                        ("message", message.into()),
                    ],
                ),
            )
        })?;
        changes.push((group, label));
    }
    for (group, label) in changes {
        state
            .store()
            .set_group_label(
                dialogue.id,
                i64::try_from(group).unwrap_or(i64::MAX),
                label.as_deref(),
            )
            .await?;
    }
    Ok(Redirect::to(&format!("/d/{id}/report/groups?saved=1")).into_response())
}

/// Whether a convenor of the dialogue is reading (used to offer the labels form).
pub(super) async fn is_convenor(
    state: &AppState,
    dialogue: &Dialogue,
    headers: &HeaderMap,
) -> bool {
    match CurrentConvenor::from_headers(headers, state).await {
        Ok(convenor) => convenor.dialogue(state, dialogue.id).await.is_ok(),
        Err(_) => false,
    }
}
