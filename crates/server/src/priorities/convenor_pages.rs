//! The convenors' pages of the priorities room: a partnership's priority lists with the form
//! for a new one, and a list's page (settings, participant link and QR code, options with
//! their origin, moderation and tallies, adding options, drafting options from the linked
//! dialogue's common ground, closing and reopening, export and results).
//!
//! Every change goes through [`super::service`], as the JSON routes' do; every form carries the
//! session's form token, and a refused form shows its page again with the message and what was
//! typed.

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{
    ConstituencyKind, ConstituencyName, DialogueId, ModerationPolicy, ModerationStatus,
    NormalizedText, OptionOrigin, OptionText, PartnershipId, PriorityListId, PriorityOptionId,
    ReportVisibility, StatementId,
};
use serde::{Deserialize, Serialize};
use store::{Partnership, PriorityList};

use super::service::{self, ListChanges, ListInput};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::forms::FormData;
use crate::web::page_error::{PageError, sentence};
use crate::web::render::{Layout, page};
use crate::web::security::PageConvenor;
use crate::web::see_other;

/// Returns the message a refused form shows again, or passes on an error that is not the
/// form's (a refusal of access, a missing list, a failure of the store).
fn refused(error: ApiError) -> Result<(StatusCode, String), PageError> {
    match error {
        ApiError::Client { .. }
            if !matches!(
                error.code().status(),
                StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED
            ) =>
        {
            Ok((error.code().status(), sentence(&error.to_string())))
        }
        other => Err(other.into()),
    }
}

/// Answers a refused form with its page shown again.
fn shown_again(status: StatusCode, body: Html<String>) -> Response {
    (status, body).into_response()
}

/// Reads the moderation policy as the form sends it.
fn moderation_choice(value: &str) -> ModerationPolicy {
    if value == "post" {
        ModerationPolicy::Post
    } else {
        ModerationPolicy::Pre
    }
}

/// Reads who may read the results as the form sends it.
fn visibility_choice(value: &str) -> ReportVisibility {
    if value == "convenors" {
        ReportVisibility::Convenors
    } else {
        ReportVisibility::Public
    }
}

/// Reads constituencies written one per line as `name | lay or professional` (the kind may be
/// left out); an error names the line at fault.
fn parse_constituencies(text: &str) -> Result<Vec<(String, Option<ConstituencyKind>)>, String> {
    let mut constituencies: Vec<(String, Option<ConstituencyKind>)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at_fault =
            |message: String| sentence(&format!("Constituencies line {}: {message}", number + 1));
        let mut parts = line.split('|').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let kind = match parts
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "" => None,
            "lay" => Some(ConstituencyKind::Lay),
            "professional" | "pro" => Some(ConstituencyKind::Professional),
            other => {
                return Err(at_fault(format!(
                    "{other:?} should be \"lay\" or \"professional\""
                )));
            }
        };
        if parts.next().is_some() {
            return Err(at_fault(
                "write a name, then optionally | and lay or professional".to_owned(),
            ));
        }
        let name = ConstituencyName::parse(name).map_err(|error| at_fault(error.to_string()))?;
        if constituencies
            .iter()
            .any(|(earlier, _)| earlier == name.as_str())
        {
            return Err(at_fault(format!("{:?} is named twice", name.as_str())));
        }
        constituencies.push((name.as_str().to_owned(), kind));
    }
    Ok(constituencies)
}

/// Reads options written one per line; an error names the line at fault, including a line
/// that says what an earlier one said.
fn parse_options(text: &str) -> Result<Vec<String>, String> {
    let mut options: Vec<(String, NormalizedText)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at_fault =
            |message: String| sentence(&format!("Options line {}: {message}", number + 1));
        let text = OptionText::parse(line).map_err(|error| at_fault(error.to_string()))?;
        let normalized = NormalizedText::new(text.as_str());
        if options.iter().any(|(_, earlier)| *earlier == normalized) {
            return Err(at_fault("the same option is written twice".to_owned()));
        }
        options.push((text.as_str().to_owned(), normalized));
    }
    Ok(options.into_iter().map(|(text, _)| text).collect())
}

// A partnership's priority lists and the form for a new one.

/// A list as the partnership's page of lists shows it.
#[derive(Serialize)]
struct ListRow {
    id: i64,
    title: String,
    is_open: bool,
    options: usize,
    comparisons: usize,
}

/// A dialogue of the partnership the new list may link.
#[derive(Serialize)]
struct DialogueChoice {
    id: i64,
    title: String,
}

/// The new-list form as shown: empty with its defaults, or as typed.
#[derive(Serialize)]
struct NewListForm {
    title: String,
    question: String,
    description: String,
    constituencies: String,
    participant_options: bool,
    moderation: String,
    results_visibility: String,
    dialogue: String,
    options: String,
}

impl Default for NewListForm {
    fn default() -> NewListForm {
        NewListForm {
            title: String::new(),
            question: String::new(),
            description: String::new(),
            constituencies: String::new(),
            participant_options: true,
            moderation: "pre".to_owned(),
            results_visibility: "public".to_owned(),
            dialogue: String::new(),
            options: String::new(),
        }
    }
}

impl NewListForm {
    fn from_form(form: &FormData) -> NewListForm {
        NewListForm {
            title: form.text("title").to_owned(),
            question: form.text("question").to_owned(),
            description: form.text("description").to_owned(),
            constituencies: form.get("constituencies").unwrap_or_default().to_owned(),
            participant_options: form.is_checked("participant_options"),
            moderation: form.text("moderation").to_owned(),
            results_visibility: form.text("results_visibility").to_owned(),
            dialogue: form.text("dialogue").to_owned(),
            options: form.get("options").unwrap_or_default().to_owned(),
        }
    }
}

#[derive(Serialize)]
struct PartnershipHeading {
    id: i64,
    name: String,
}

#[derive(Serialize)]
struct ListsContext {
    layout: Layout,
    partnership: PartnershipHeading,
    lists: Vec<ListRow>,
    dialogues: Vec<DialogueChoice>,
    form: NewListForm,
    error: Option<String>,
}

async fn lists_page_with(
    state: &AppState,
    convenor: &PageConvenor,
    partnership: &Partnership,
    form: NewListForm,
    error: Option<String>,
) -> Result<Html<String>, PageError> {
    let lists = service::lists(state, &convenor.current, partnership.id).await?;
    let mut rows = Vec::with_capacity(lists.len());
    for list in &lists {
        let overview = service::convenor_overview(state, &convenor.current, list.id).await?;
        rows.push(ListRow {
            id: list.id.get(),
            title: list.settings.title.as_str().to_owned(),
            is_open: list.is_open,
            options: overview.options.len(),
            comparisons: overview.comparisons,
        });
    }
    let dialogues = state
        .store()
        .list_dialogues(partnership.id)
        .await
        .map_err(ApiError::from)?
        .into_iter()
        .map(|dialogue| DialogueChoice {
            id: dialogue.id.get(),
            title: dialogue.settings.title.as_str().to_owned(),
        })
        .collect();
    page(
        "priorities/convenor_lists.html",
        ListsContext {
            layout: convenor.layout(format!("Priority lists · {}", partnership.name.as_str())),
            partnership: PartnershipHeading {
                id: partnership.id.get(),
                name: partnership.name.as_str().to_owned(),
            },
            lists: rows,
            dialogues,
            form,
            error,
        },
    )
}

/// Answers `GET /convenor/partnerships/{pid}/priority-lists`: the partnership's priority lists
/// and the form for a new one.
pub async fn lists_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, PageError> {
    let partnership = convenor.current.convene(&state, id).await?;
    let body = lists_page_with(
        &state,
        &convenor,
        &partnership,
        NewListForm::default(),
        None,
    )
    .await?;
    Ok(body.into_response())
}

/// Answers `POST /convenor/partnerships/{pid}/priority-lists`: creates the list with its first
/// options, or shows the form again with what was wrong.
pub async fn create_list(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let partnership = convenor.current.convene(&state, id).await?;
    let fields = NewListForm::from_form(&form);
    let dialogue = if fields.dialogue.is_empty() {
        Ok(None)
    } else {
        fields
            .dialogue
            .parse::<i64>()
            .map(|id| Some(DialogueId(id)))
            .map_err(|_| "Choose a dialogue of this partnership, or none.".to_owned())
    };
    let parsed = dialogue.and_then(|dialogue| {
        let constituencies = parse_constituencies(&fields.constituencies)?;
        let options = parse_options(&fields.options)?;
        Ok((dialogue, constituencies, options))
    });
    let (status, message) = match parsed {
        Err(message) => (StatusCode::UNPROCESSABLE_ENTITY, message),
        Ok((dialogue, constituencies, options)) => {
            let input = ListInput {
                title: fields.title.clone(),
                question: fields.question.clone(),
                description: fields.description.clone(),
                dialogue,
                constituencies,
                allow_participant_options: fields.participant_options,
                moderation: moderation_choice(&fields.moderation),
                results_visibility: visibility_choice(&fields.results_visibility),
            };
            match service::create_list(&state, &convenor.current, id, input).await {
                Ok(list) => {
                    for text in &options {
                        service::add_option(&state, &convenor.current, list.id, text).await?;
                    }
                    return Ok(see_other(&format!("/convenor/priority-lists/{}", list.id)));
                }
                Err(error) => refused(error)?,
            }
        }
    };
    let body = lists_page_with(&state, &convenor, &partnership, fields, Some(message)).await?;
    Ok(shown_again(status, body))
}

// One list: its page, settings, options, moderation, drafting, closing.

/// The list as its pages show it.
#[derive(Serialize)]
struct ListSummary {
    id: i64,
    partnership_id: i64,
    title: String,
    question: String,
    is_open: bool,
    dialogue_id: Option<i64>,
    constituencies: Vec<String>,
    results_are_public: bool,
}

impl ListSummary {
    fn of(list: &PriorityList) -> ListSummary {
        ListSummary {
            id: list.id.get(),
            partnership_id: list.partnership.get(),
            title: list.settings.title.as_str().to_owned(),
            question: list.settings.question.as_str().to_owned(),
            is_open: list.is_open,
            dialogue_id: list.dialogue.map(DialogueId::get),
            constituencies: list
                .constituencies
                .iter()
                .map(|constituency| match constituency.kind {
                    Some(kind) => format!("{} ({})", constituency.name.as_str(), kind.as_str()),
                    None => constituency.name.as_str().to_owned(),
                })
                .collect(),
            results_are_public: list.settings.results_visibility == ReportVisibility::Public,
        }
    }
}

/// The settings form as shown: as stored, or as typed.
#[derive(Serialize)]
struct SettingsForm {
    title: String,
    question: String,
    description: String,
    participant_options: bool,
    moderation: String,
    results_visibility: String,
}

impl SettingsForm {
    fn of(list: &PriorityList) -> SettingsForm {
        let settings = &list.settings;
        SettingsForm {
            title: settings.title.as_str().to_owned(),
            question: settings.question.as_str().to_owned(),
            description: settings.description.as_str().to_owned(),
            participant_options: settings.allow_participant_options,
            moderation: settings.moderation.as_str().to_owned(),
            results_visibility: settings.results_visibility.as_str().to_owned(),
        }
    }

    fn from_form(form: &FormData) -> SettingsForm {
        SettingsForm {
            title: form.text("title").to_owned(),
            question: form.text("question").to_owned(),
            description: form.text("description").to_owned(),
            participant_options: form.is_checked("participant_options"),
            moderation: form.text("moderation").to_owned(),
            results_visibility: form.text("results_visibility").to_owned(),
        }
    }
}

/// One option in the list's table.
#[derive(Serialize)]
struct OptionRow {
    id: i64,
    text: String,
    /// `convenor`, `participant` or `common_ground`.
    origin: &'static str,
    origin_label: &'static str,
    /// The page of the common-ground statement it was drafted from, while it exists.
    source: Option<String>,
    status: &'static str,
    status_label: &'static str,
    is_shown: bool,
    rejection_reason: Option<String>,
    near_duplicate_of: Option<i64>,
    wins: u64,
    losses: u64,
    comparisons: u64,
    /// Whether the moderation buttons apply: a participant's option.
    is_moderated: bool,
}

fn origin_label(origin: OptionOrigin) -> &'static str {
    match origin {
        OptionOrigin::Convenor => "Convenor",
        OptionOrigin::Participant => "Participant",
        OptionOrigin::CommonGround => "Common ground",
    }
}

fn status_label(status: ModerationStatus) -> &'static str {
    match status {
        ModerationStatus::Pending => "Awaiting moderation",
        ModerationStatus::Accepted => "Accepted",
        ModerationStatus::Rejected => "Rejected",
    }
}

/// Which form of the list's page was refused, with what was typed.
#[derive(Serialize, Default)]
struct Echo {
    /// `settings`, `option` or `moderation`.
    form: &'static str,
    error: Option<String>,
    option_text: String,
    /// The option whose moderation form was refused.
    option_id: i64,
    reason: String,
}

#[derive(Serialize)]
struct ListContext {
    layout: Layout,
    list: ListSummary,
    settings: SettingsForm,
    participant_link: String,
    link_is_local: bool,
    results_link: String,
    export_link: String,
    n_participants: usize,
    n_comparisons: usize,
    pending: usize,
    options: Vec<OptionRow>,
    echo: Echo,
    notice: Option<String>,
}

/// Returns the address participants follow to take part in a list.
fn participant_link(state: &AppState, id: PriorityListId) -> String {
    state.site_url(&format!("/p/{id}"))
}

async fn list_page_with(
    state: &AppState,
    convenor: &PageConvenor,
    id: PriorityListId,
    settings: Option<SettingsForm>,
    echo: Echo,
    notice: Option<String>,
) -> Result<Html<String>, PageError> {
    let overview = service::convenor_overview(state, &convenor.current, id).await?;
    let list = &overview.list;
    let options: Vec<OptionRow> = overview
        .options
        .iter()
        .map(|(option, tally)| OptionRow {
            id: option.id.get(),
            text: option.text.clone(),
            origin: option.origin.as_str(),
            origin_label: origin_label(option.origin),
            source: match (list.dialogue, option.statement) {
                (Some(dialogue), Some(statement)) => {
                    Some(format!("/d/{dialogue}/report/statements/{statement}"))
                }
                _ => None,
            },
            status: option.moderation.as_str(),
            status_label: status_label(option.moderation),
            is_shown: option.moderation.is_visible_under(list.settings.moderation),
            rejection_reason: option.rejection_reason.clone(),
            near_duplicate_of: option.near_duplicate_of.map(PriorityOptionId::get),
            wins: tally.wins,
            losses: tally.losses,
            comparisons: tally.comparisons,
            is_moderated: option.origin == OptionOrigin::Participant,
        })
        .collect();
    let pending = options
        .iter()
        .filter(|option| option.status == ModerationStatus::Pending.as_str())
        .count();
    let link = participant_link(state, id);
    page(
        "priorities/convenor_list.html",
        ListContext {
            layout: convenor.layout(list.settings.title.as_str()),
            list: ListSummary::of(list),
            settings: settings.unwrap_or_else(|| SettingsForm::of(list)),
            link_is_local: crate::event::service::is_local_link(&link),
            participant_link: link,
            results_link: format!("/p/{id}/results"),
            export_link: format!("/api/priority-lists/{id}/export"),
            n_participants: overview.participants,
            n_comparisons: overview.comparisons,
            pending,
            options,
            echo,
            notice,
        },
    )
}

/// What the list's page says after a change: `?notice=saved`, `option-added`, `moderated`,
/// `imported` (with `added`), `closed` or `reopened`.
#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
    added: Option<u32>,
}

/// Returns the notice the list's page shows after a change; only numbers are ever printed
/// from the address.
fn notice(query: &NoticeQuery) -> Option<String> {
    Some(match query.notice.as_deref()? {
        "saved" => "The settings are saved.".to_owned(),
        "option-added" => "The option is added.".to_owned(),
        "moderated" => "The moderation decision is saved.".to_owned(),
        "imported" => match query.added.unwrap_or(0) {
            0 => "No option was added: the chosen statements are options already.".to_owned(),
            1 => "1 option was added from common ground.".to_owned(),
            n => format!("{n} options were added from common ground."),
        },
        "closed" => "The priority list is closed.".to_owned(),
        "reopened" => "The priority list is open again.".to_owned(),
        _ => return None,
    })
}

/// Answers `GET /convenor/priority-lists/{id}`: the list's page.
pub async fn list_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
    query: Result<Query<NoticeQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let body = list_page_with(&state, &convenor, id, None, Echo::default(), notice(&query)).await?;
    Ok(body.into_response())
}

/// Answers `POST /convenor/priority-lists/{id}/settings`: changes the settings, or shows the
/// page again with what was wrong.
pub async fn update_settings(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let fields = SettingsForm::from_form(&form);
    let changes = ListChanges {
        title: Some(fields.title.clone()),
        question: Some(fields.question.clone()),
        description: Some(fields.description.clone()),
        allow_participant_options: Some(fields.participant_options),
        moderation: Some(moderation_choice(&fields.moderation)),
        results_visibility: Some(visibility_choice(&fields.results_visibility)),
    };
    match service::update_list(&state, &convenor.current, id, changes).await {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/priority-lists/{id}?notice=saved"
        ))),
        Err(error) => {
            let (status, message) = refused(error)?;
            let echo = Echo {
                form: "settings",
                error: Some(message),
                ..Echo::default()
            };
            let body = list_page_with(&state, &convenor, id, Some(fields), echo, None).await?;
            Ok(shown_again(status, body))
        }
    }
}

/// Answers `POST /convenor/priority-lists/{id}/options`: adds a convenor's option.
pub async fn add_option(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let text = form.text("text").to_owned();
    match service::add_option(&state, &convenor.current, id, &text).await {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/priority-lists/{id}?notice=option-added"
        ))),
        Err(error) => {
            let (status, message) = refused(error)?;
            let echo = Echo {
                form: "option",
                error: Some(message),
                option_text: text,
                ..Echo::default()
            };
            let body = list_page_with(&state, &convenor, id, None, echo, None).await?;
            Ok(shown_again(status, body))
        }
    }
}

/// Answers `POST /convenor/priority-lists/{id}/options/{option_id}/moderation`: accepts or
/// rejects an option, with the reason for a rejection.
pub async fn moderate(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath((id, option)): ApiPath<(PriorityListId, PriorityOptionId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let status = match form.text("decision") {
        "accept" => ModerationStatus::Accepted,
        "reject" => ModerationStatus::Rejected,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                "Choose to accept or to reject the option.",
            ));
        }
    };
    let reason = form.text("reason").to_owned();
    let sent_reason = (status == ModerationStatus::Rejected).then_some(reason.as_str());
    match service::moderate(&state, &convenor.current, id, option, status, sent_reason).await {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/priority-lists/{id}?notice=moderated"
        ))),
        Err(error) => {
            let (code, message) = refused(error)?;
            let echo = Echo {
                form: "moderation",
                error: Some(message),
                option_id: option.get(),
                reason,
                ..Echo::default()
            };
            let body = list_page_with(&state, &convenor, id, None, echo, None).await?;
            Ok(shown_again(code, body))
        }
    }
}

/// One common-ground statement the import page offers.
#[derive(Serialize)]
struct DraftRow {
    statement: i64,
    text: String,
    source: String,
    /// Whether an option of the list already says it, or was drafted from it.
    is_option: bool,
}

#[derive(Serialize)]
struct ImportContext {
    layout: Layout,
    list: ListSummary,
    drafts: Vec<DraftRow>,
    /// How many common-ground statements are too long to be options.
    too_long: usize,
    /// Why there is nothing to draft (no linked dialogue, no analysis yet).
    unavailable: Option<String>,
    error: Option<String>,
    /// Statements that were ticked when the form was refused.
    chosen: Vec<i64>,
}

async fn import_page_with(
    state: &AppState,
    convenor: &PageConvenor,
    id: PriorityListId,
    chosen: Vec<i64>,
    error: Option<String>,
) -> Result<Html<String>, PageError> {
    let (list, drafts, too_long, unavailable) =
        match service::common_ground_preview(state, &convenor.current, id).await {
            Ok((list, drafts)) => (list, drafts.drafts, drafts.too_long.len(), None),
            Err(error) => {
                let (_, message) = refused(error)?;
                let list = convenor.current.priority_list(state, id).await?;
                (list, Vec::new(), 0, Some(message))
            }
        };
    let options = state
        .store()
        .list_priority_options(id)
        .await
        .map_err(ApiError::from)?;
    let rows = drafts
        .iter()
        .map(|draft| {
            let normalized = NormalizedText::new(draft.text.as_str());
            DraftRow {
                statement: draft.statement.get(),
                text: draft.text.as_str().to_owned(),
                source: list.dialogue.map_or_else(String::new, |dialogue| {
                    format!("/d/{dialogue}/report/statements/{}", draft.statement)
                }),
                is_option: options.iter().any(|option| {
                    option.statement == Some(draft.statement)
                        || NormalizedText::new(&option.text) == normalized
                }),
            }
        })
        .collect();
    page(
        "priorities/convenor_import.html",
        ImportContext {
            layout: convenor.layout(format!(
                "Options from common ground · {}",
                list.settings.title.as_str()
            )),
            list: ListSummary::of(&list),
            drafts: rows,
            too_long,
            unavailable,
            error,
            chosen,
        },
    )
}

/// Answers `GET /convenor/priority-lists/{id}/common-ground`: the linked dialogue's
/// common-ground statements that would become options, to choose from.
pub async fn import_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Response, PageError> {
    Ok(import_page_with(&state, &convenor, id, Vec::new(), None)
        .await?
        .into_response())
}

/// Answers `POST /convenor/priority-lists/{id}/common-ground`: drafts the chosen statements as
/// options.
pub async fn import(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let mut chosen = Vec::new();
    for value in form.get_all("statement") {
        let statement = value.trim().parse::<i64>().map_err(|_| {
            PageError::new(
                StatusCode::BAD_REQUEST,
                format!("{value:?} is not a statement number."),
            )
        })?;
        chosen.push(statement);
    }
    let statements: Vec<StatementId> = chosen.iter().copied().map(StatementId).collect();
    match service::draft_chosen_from_common_ground(&state, &convenor.current, id, &statements).await
    {
        Ok(drafted) => Ok(see_other(&format!(
            "/convenor/priority-lists/{id}?notice=imported&added={}",
            drafted.added.len()
        ))),
        Err(error) => {
            let (status, message) = refused(error)?;
            let body = import_page_with(&state, &convenor, id, chosen, Some(message)).await?;
            Ok(shown_again(status, body))
        }
    }
}

#[derive(Serialize)]
struct CloseContext {
    layout: Layout,
    list: ListSummary,
}

/// Answers `GET /convenor/priority-lists/{id}/close`: what closing means, to confirm.
pub async fn close_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Response, PageError> {
    let list = convenor.current.priority_list(&state, id).await?;
    let context = CloseContext {
        layout: convenor.layout(format!(
            "Close the priority list? · {}",
            list.settings.title.as_str()
        )),
        list: ListSummary::of(&list),
    };
    Ok(page("priorities/convenor_close.html", context)?.into_response())
}

/// Answers `POST /convenor/priority-lists/{id}/close`.
pub async fn close(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::set_open(&state, &convenor.current, id, false).await?;
    Ok(see_other(&format!(
        "/convenor/priority-lists/{id}?notice=closed"
    )))
}

/// Answers `POST /convenor/priority-lists/{id}/reopen`.
pub async fn reopen(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::set_open(&state, &convenor.current, id, true).await?;
    Ok(see_other(&format!(
        "/convenor/priority-lists/{id}?notice=reopened"
    )))
}

/// Answers `GET /convenor/priority-lists/{id}/qr.svg`: the QR code of the participant link.
pub async fn qr(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PriorityListId>,
) -> Result<Response, PageError> {
    let list = convenor.current.priority_list(&state, id).await?;
    let image = crate::dialogues::qr::svg_for(&participant_link(&state, list.id))?;
    Ok((
        [
            (CONTENT_TYPE, "image/svg+xml"),
            (CACHE_CONTROL, "private, max-age=300"),
        ],
        image,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_only_print_numbers() {
        let query = NoticeQuery {
            notice: Some("imported".to_owned()),
            added: Some(3),
        };
        assert_eq!(
            notice(&query).as_deref(),
            Some("3 options were added from common ground.")
        );
        let query = NoticeQuery {
            notice: Some("<script>".to_owned()),
            added: None,
        };
        assert_eq!(notice(&query), None);
    }

    #[test]
    fn constituency_lines_read_a_name_and_a_kind() {
        let parsed = parse_constituencies("Carers | lay\n\nGPs|professional\nResidents").unwrap();
        assert_eq!(
            parsed,
            vec![
                ("Carers".to_owned(), Some(ConstituencyKind::Lay)),
                ("GPs".to_owned(), Some(ConstituencyKind::Professional)),
                ("Residents".to_owned(), None),
            ]
        );
    }

    #[test]
    fn a_bad_constituency_line_is_named() {
        let error = parse_constituencies("Carers\nGPs | doctors").unwrap_err();
        assert!(error.starts_with("Constituencies line 2:"), "{error}");
        let error = parse_constituencies("Carers\n\nCarers | lay").unwrap_err();
        assert!(error.starts_with("Constituencies line 3:"), "{error}");
    }

    #[test]
    fn option_lines_are_read_and_a_bad_one_is_named() {
        assert_eq!(
            parse_options("A carers' guide\n\n  Longer opening hours  ").unwrap(),
            vec!["A carers' guide", "Longer opening hours"]
        );
        let error = parse_options("A guide\nLonger hours\na guide!").unwrap_err();
        assert!(error.starts_with("Options line 3:"), "{error}");
        let error = parse_options(&format!("Fine\n{}", "x".repeat(281))).unwrap_err();
        assert!(error.starts_with("Options line 2:"), "{error}");
    }
}
