//! The convenors' pages of the priorities room: a partnership's priority lists with the form
//! for a new one, and a list's page (settings, participant link and QR code, options with
//! their origin, moderation and tallies, adding options, drafting options from the linked
//! dialogue's common ground, closing and reopening, export and results).
//!
//! Every change goes through [`super::service`], as the JSON routes' do; every form carries the
//! session's form token, and a refused form shows its page again with the message and what was
//! typed.
//!
//! The pages are where a partner's representative convenes a list, so they are translated into
//! the representatives' languages, with their strings in the `lists` catalogue; what the
//! services refuse is said as the API says it.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{
    ConstituencyKind, ConstituencyName, Description, DialogueId, ModerationPolicy,
    ModerationStatus, NormalizedText, OptionOrigin, OptionText, PartnershipId, PriorityListId,
    PriorityListTitle, PriorityOptionId, PriorityQuestion, ReportVisibility, StanceReason,
    StatementId, TextError,
};
use serde::{Deserialize, Serialize};
use store::{Partnership, PriorityList};

use super::service::{self, ListChanges, ListInput};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::catalogue::text;
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, said_in, sentence};
use crate::web::refusals::named_text_refusal;
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor};
use crate::web::see_other;

/// Returns the message a refused form shows again, in the page's `language`, or passes on an
/// error that is not the form's (a refusal of access, a missing list, a failure of the store).
fn refused(language: Language, error: ApiError) -> Result<(StatusCode, String), PageError> {
    match error {
        ApiError::Client { .. }
            if !matches!(
                error.code().status(),
                StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED
            ) =>
        {
            Ok((error.code().status(), said_in(language, &error)))
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

/// Says, in `language`, what is wrong with a text of the form whose field is the message
/// `field`, as the API would say it in English.
fn text_refusal(language: Language, field: &str, error: &TextError) -> String {
    sentence(&named_text_refusal(language, field, error))
}

/// Checks a list's title, question and description as the service will, so that a mistake is
/// said in the page's language.
fn settings_refusal(
    language: Language,
    title: &str,
    question: &str,
    description: &str,
) -> Option<String> {
    if let Err(error) = PriorityListTitle::parse(title) {
        return Some(text_refusal(language, "lists-field-list-title", &error));
    }
    if let Err(error) = PriorityQuestion::parse(question) {
        return Some(text_refusal(language, "lists-field-list-question", &error));
    }
    Description::parse(description)
        .err()
        .map(|error| text_refusal(language, "lists-field-list-description", &error))
}

/// Says, in `language`, what is wrong with line `number` (from 0) of a list the form sent:
/// `key` is the message that names the list and the line.
fn line_at_fault(language: Language, key: &str, number: usize, message: String) -> String {
    sentence(&text(
        language,
        key,
        &[("line", (number + 1).into()), ("message", message.into())],
    ))
}

/// Reads constituencies written one per line as `name | lay or professional` (the kind may be
/// left out, and may be written in Welsh, as the Welsh page asks); an error names the line at
/// fault in `language`.
fn parse_constituencies(
    language: Language,
    lines: &str,
) -> Result<Vec<(String, Option<ConstituencyKind>)>, String> {
    let mut constituencies: Vec<(String, Option<ConstituencyKind>)> = Vec::new();
    for (number, line) in lines.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at_fault = |message: String| {
            line_at_fault(language, "lists-error-constituency-line", number, message)
        };
        let mut parts = line.split('|').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let kind = match parts
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "" => None,
            "lay" | "lleyg" => Some(ConstituencyKind::Lay),
            "professional" | "pro" | "proffesiynol" => Some(ConstituencyKind::Professional),
            other => {
                return Err(at_fault(text(
                    language,
                    "lists-error-kind",
                    &[("kind", format!("{other:?}").into())],
                )));
            }
        };
        if parts.next().is_some() {
            return Err(at_fault(text(
                language,
                "lists-error-constituency-parts",
                &[],
            )));
        }
        let name = ConstituencyName::parse(name).map_err(|error| {
            at_fault(named_text_refusal(
                language,
                "lists-field-constituency",
                &error,
            ))
        })?;
        if constituencies
            .iter()
            .any(|(earlier, _)| earlier == name.as_str())
        {
            return Err(at_fault(text(
                language,
                "lists-error-constituency-twice",
                &[("name", format!("{:?}", name.as_str()).into())],
            )));
        }
        constituencies.push((name.as_str().to_owned(), kind));
    }
    Ok(constituencies)
}

/// Reads options written one per line; an error names the line at fault in `language`,
/// including a line that says what an earlier one said.
fn parse_options(language: Language, lines: &str) -> Result<Vec<String>, String> {
    let mut options: Vec<(String, NormalizedText)> = Vec::new();
    for (number, line) in lines.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at_fault =
            |message: String| line_at_fault(language, "lists-error-option-line", number, message);
        let option = OptionText::parse(line).map_err(|error| {
            at_fault(named_text_refusal(language, "lists-field-option", &error))
        })?;
        let normalized = NormalizedText::new(option.as_str());
        if options.iter().any(|(_, earlier)| *earlier == normalized) {
            return Err(at_fault(text(language, "lists-error-option-twice", &[])));
        }
        options.push((option.as_str().to_owned(), normalized));
    }
    Ok(options.into_iter().map(|(option, _)| option).collect())
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
    asked: Asked<'_>,
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
            layout: asked.layout(
                convenor,
                asked.text(
                    "lists-title",
                    &[("partnership", partnership.name.as_str().to_owned().into())],
                ),
            ),
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
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let partnership = convenor.current.convene(&state, id).await?;
    let body = lists_page_with(
        &state,
        &convenor,
        asked,
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
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/partnerships/{id}/priority-lists");
    let asked = Asked::posted(language, &path);
    let language = asked.language;
    let partnership = convenor.current.convene(&state, id).await?;
    let fields = NewListForm::from_form(&form);
    let dialogue = if fields.dialogue.is_empty() {
        Ok(None)
    } else {
        fields
            .dialogue
            .parse::<i64>()
            .map(|id| Some(DialogueId(id)))
            .map_err(|_| text(language, "lists-error-dialogue", &[]))
    };
    let parsed = dialogue.and_then(|dialogue| {
        let constituencies = parse_constituencies(language, &fields.constituencies)?;
        let options = parse_options(language, &fields.options)?;
        match settings_refusal(
            language,
            &fields.title,
            &fields.question,
            &fields.description,
        ) {
            Some(message) => Err(message),
            None => Ok((dialogue, constituencies, options)),
        }
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
                Err(error) => refused(language, error)?,
            }
        }
    };
    let body = lists_page_with(
        &state,
        &convenor,
        asked,
        &partnership,
        fields,
        Some(message),
    )
    .await?;
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
    fn of(language: Language, list: &PriorityList) -> ListSummary {
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
                    Some(kind) => text(
                        language,
                        "lists-constituency-with-kind",
                        &[
                            ("name", constituency.name.as_str().to_owned().into()),
                            ("kind", kind_label(language, kind).into()),
                        ],
                    ),
                    None => constituency.name.as_str().to_owned(),
                })
                .collect(),
            results_are_public: list.settings.results_visibility == ReportVisibility::Public,
        }
    }
}

/// Names a constituency's kind in `language`.
fn kind_label(language: Language, kind: ConstituencyKind) -> String {
    let key = match kind {
        ConstituencyKind::Lay => "lists-kind-lay",
        ConstituencyKind::Professional => "lists-kind-professional",
    };
    text(language, key, &[])
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
    origin_label: String,
    /// The page of the common-ground statement it was drafted from, while it exists.
    source: Option<String>,
    status: &'static str,
    status_label: String,
    is_shown: bool,
    rejection_reason: Option<String>,
    near_duplicate_of: Option<i64>,
    wins: u64,
    losses: u64,
    comparisons: u64,
    /// Whether the moderation buttons apply: a participant's option.
    is_moderated: bool,
}

fn origin_label(language: Language, origin: OptionOrigin) -> String {
    let key = match origin {
        OptionOrigin::Convenor => "lists-origin-convenor",
        OptionOrigin::Participant => "lists-origin-participant",
        OptionOrigin::CommonGround => "lists-origin-common-ground",
    };
    text(language, key, &[])
}

fn status_label(language: Language, status: ModerationStatus) -> String {
    let key = match status {
        ModerationStatus::Pending => "lists-status-pending",
        ModerationStatus::Accepted => "lists-status-accepted",
        ModerationStatus::Rejected => "lists-status-rejected",
    };
    text(language, key, &[])
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
    asked: Asked<'_>,
    id: PriorityListId,
    settings: Option<SettingsForm>,
    echo: Echo,
    notice: Option<String>,
) -> Result<Html<String>, PageError> {
    let language = asked.language;
    let overview = service::convenor_overview(state, &convenor.current, id).await?;
    let list = &overview.list;
    let options: Vec<OptionRow> = overview
        .options
        .iter()
        .map(|(option, tally)| OptionRow {
            id: option.id.get(),
            text: option.text.clone(),
            origin: option.origin.as_str(),
            origin_label: origin_label(language, option.origin),
            source: match (list.dialogue, option.statement) {
                (Some(dialogue), Some(statement)) => {
                    Some(format!("/d/{dialogue}/report/statements/{statement}"))
                }
                _ => None,
            },
            status: option.moderation.as_str(),
            status_label: status_label(language, option.moderation),
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
            layout: asked.layout(convenor, list.settings.title.as_str().to_owned()),
            list: ListSummary::of(language, list),
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

/// Returns the notice the list's page shows after a change, in `language`; only numbers are
/// ever printed from the address.
fn notice(language: Language, query: &NoticeQuery) -> Option<String> {
    let key = match query.notice.as_deref()? {
        "saved" => "lists-notice-saved",
        "option-added" => "lists-notice-option-added",
        "moderated" => "lists-notice-moderated",
        "imported" => match query.added.unwrap_or(0) {
            0 => "lists-notice-imported-none",
            added => {
                return Some(text(
                    language,
                    "lists-notice-imported",
                    &[("count", added.into())],
                ));
            }
        },
        "closed" => "lists-notice-closed",
        "reopened" => "lists-notice-reopened",
        _ => return None,
    };
    Some(text(language, key, &[]))
}

/// Answers `GET /convenor/priority-lists/{id}`: the list's page.
pub async fn list_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    query: Result<Query<NoticeQuery>, QueryRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let notice = notice(asked.language, &query);
    let body = list_page_with(&state, &convenor, asked, id, None, Echo::default(), notice).await?;
    Ok(body.into_response())
}

/// The address of a list's page, where its forms' refusals are read again.
fn list_path(id: PriorityListId) -> String {
    format!("/convenor/priority-lists/{id}")
}

/// Answers `POST /convenor/priority-lists/{id}/settings`: changes the settings, or shows the
/// page again with what was wrong.
pub async fn update_settings(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = list_path(id);
    let asked = Asked::posted(language, &path);
    let fields = SettingsForm::from_form(&form);
    let changes = ListChanges {
        title: Some(fields.title.clone()),
        question: Some(fields.question.clone()),
        description: Some(fields.description.clone()),
        allow_participant_options: Some(fields.participant_options),
        moderation: Some(moderation_choice(&fields.moderation)),
        results_visibility: Some(visibility_choice(&fields.results_visibility)),
    };
    let refusal = settings_refusal(
        asked.language,
        &fields.title,
        &fields.question,
        &fields.description,
    );
    let result = match refusal {
        Some(message) => Err(ApiError::validation(message)),
        None => service::update_list(&state, &convenor.current, id, changes).await,
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/priority-lists/{id}?notice=saved"
        ))),
        Err(error) => {
            let (status, message) = refused(asked.language, error)?;
            let echo = Echo {
                form: "settings",
                error: Some(message),
                ..Echo::default()
            };
            let body =
                list_page_with(&state, &convenor, asked, id, Some(fields), echo, None).await?;
            Ok(shown_again(status, body))
        }
    }
}

/// Answers `POST /convenor/priority-lists/{id}/options`: adds a convenor's option.
pub async fn add_option(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = list_path(id);
    let asked = Asked::posted(language, &path);
    let text = form.text("text").to_owned();
    let result = match OptionText::parse(&text) {
        Err(error) => Err(ApiError::validation(text_refusal(
            asked.language,
            "lists-field-option",
            &error,
        ))),
        Ok(_) => service::add_option(&state, &convenor.current, id, &text).await,
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/priority-lists/{id}?notice=option-added"
        ))),
        Err(error) => {
            let (status, message) = refused(asked.language, error)?;
            let echo = Echo {
                form: "option",
                error: Some(message),
                option_text: text,
                ..Echo::default()
            };
            let body = list_page_with(&state, &convenor, asked, id, None, echo, None).await?;
            Ok(shown_again(status, body))
        }
    }
}

/// Answers `POST /convenor/priority-lists/{id}/options/{option_id}/moderation`: accepts or
/// rejects an option, with the reason for a rejection.
pub async fn moderate(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath((id, option)): ApiPath<(PriorityListId, PriorityOptionId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = list_path(id);
    let asked = Asked::posted(language, &path);
    let status = match form.text("decision") {
        "accept" => ModerationStatus::Accepted,
        "reject" => ModerationStatus::Rejected,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                asked.text("lists-error-decision", &[]),
            ));
        }
    };
    let reason = form.text("reason").to_owned();
    let sent_reason = (status == ModerationStatus::Rejected).then_some(reason.as_str());
    // The reason is checked as the service will, so that a mistake is said in the page's
    // language.
    let refusal = sent_reason
        .map(str::trim)
        .filter(|reason| !reason.is_empty())
        .and_then(|reason| StanceReason::parse(reason).err())
        .map(|error| text_refusal(asked.language, "lists-field-reason", &error));
    let result = match refusal {
        Some(message) => Err(ApiError::validation(message)),
        None => service::moderate(&state, &convenor.current, id, option, status, sent_reason).await,
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/priority-lists/{id}?notice=moderated"
        ))),
        // An option that is not this list's has no row to say so next to: the page is the
        // error's.
        Err(error) if error.code().status() == StatusCode::NOT_FOUND => Err(error.into()),
        Err(error) => {
            let (code, message) = refused(asked.language, error)?;
            let echo = Echo {
                form: "moderation",
                error: Some(message),
                option_id: option.get(),
                reason,
                ..Echo::default()
            };
            let body = list_page_with(&state, &convenor, asked, id, None, echo, None).await?;
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
    asked: Asked<'_>,
    id: PriorityListId,
    chosen: Vec<i64>,
    error: Option<String>,
) -> Result<Html<String>, PageError> {
    let (list, drafts, too_long, unavailable) =
        match service::common_ground_preview(state, &convenor.current, id).await {
            Ok((list, drafts)) => (list, drafts.drafts, drafts.too_long.len(), None),
            Err(error) => {
                let (_, message) = refused(asked.language, error)?;
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
            layout: asked.layout(
                convenor,
                asked.text(
                    "lists-import-title",
                    &[("list", list.settings.title.as_str().to_owned().into())],
                ),
            ),
            list: ListSummary::of(asked.language, &list),
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
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    Ok(
        import_page_with(&state, &convenor, asked, id, Vec::new(), None)
            .await?
            .into_response(),
    )
}

/// Answers `POST /convenor/priority-lists/{id}/common-ground`: drafts the chosen statements as
/// options.
pub async fn import(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/priority-lists/{id}/common-ground");
    let asked = Asked::posted(language, &path);
    let mut chosen = Vec::new();
    for value in form.get_all("statement") {
        let statement = value.trim().parse::<i64>().map_err(|_| {
            PageError::new(
                StatusCode::BAD_REQUEST,
                asked.text(
                    "lists-error-statement-number",
                    &[("value", format!("{value:?}").into())],
                ),
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
            let (status, message) = refused(asked.language, error)?;
            let body =
                import_page_with(&state, &convenor, asked, id, chosen, Some(message)).await?;
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
    language: Language,
    ApiPath(id): ApiPath<PriorityListId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let list = convenor.current.priority_list(&state, id).await?;
    let context = CloseContext {
        layout: asked.layout(
            &convenor,
            asked.text(
                "lists-close-title",
                &[("list", list.settings.title.as_str().to_owned().into())],
            ),
        ),
        list: ListSummary::of(asked.language, &list),
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
            notice(Language::English, &query).as_deref(),
            Some("3 options were added from common ground.")
        );
        assert_eq!(
            notice(Language::Welsh, &query).as_deref(),
            Some("Ychwanegwyd 3 opsiwn o dir cyffredin.")
        );
        let query = NoticeQuery {
            notice: Some("<script>".to_owned()),
            added: None,
        };
        assert_eq!(notice(Language::English, &query), None);
    }

    #[test]
    fn constituency_lines_read_a_name_and_a_kind() {
        let parsed = parse_constituencies(
            Language::English,
            "Carers | lay\n\nGPs|professional\nResidents\nGofalwyr | lleyg",
        )
        .unwrap();
        assert_eq!(
            parsed,
            vec![
                ("Carers".to_owned(), Some(ConstituencyKind::Lay)),
                ("GPs".to_owned(), Some(ConstituencyKind::Professional)),
                ("Residents".to_owned(), None),
                ("Gofalwyr".to_owned(), Some(ConstituencyKind::Lay)),
            ]
        );
    }

    #[test]
    fn a_bad_constituency_line_is_named() {
        let error = parse_constituencies(Language::English, "Carers\nGPs | doctors").unwrap_err();
        assert_eq!(
            error,
            "Constituencies line 2: \"doctors\" should be \"lay\" or \"professional\"."
        );
        let error = parse_constituencies(Language::English, "Carers\n\nCarers | lay").unwrap_err();
        assert_eq!(error, "Constituencies line 3: \"Carers\" is named twice.");
        let error = parse_constituencies(Language::Welsh, "Carers\nGPs | doctors").unwrap_err();
        assert!(error.starts_with("Etholaethau, llinell 2:"), "{error}");
    }

    #[test]
    fn option_lines_are_read_and_a_bad_one_is_named() {
        assert_eq!(
            parse_options(
                Language::English,
                "A carers' guide\n\n  Longer opening hours  "
            )
            .unwrap(),
            vec!["A carers' guide", "Longer opening hours"]
        );
        let error =
            parse_options(Language::English, "A guide\nLonger hours\na guide!").unwrap_err();
        assert_eq!(error, "Options line 3: the same option is written twice.");
        let long = format!("Fine\n{}", "x".repeat(281));
        let error = parse_options(Language::English, &long).unwrap_err();
        assert_eq!(
            error,
            "Options line 2: option text is longer than 280 characters."
        );
        let error = parse_options(Language::Welsh, &long).unwrap_err();
        assert_eq!(
            error,
            "Opsiynau, llinell 2: Mae testun yr opsiwn yn hwy na 280 nod."
        );
    }
}
