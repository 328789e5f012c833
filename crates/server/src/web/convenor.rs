//! The convenors' pages for dialogues: creating and editing dialogues, moderation, the
//! participation dashboard, closing and reopening, exports and the QR code of the participant
//! link.
//!
//! Every form carries the session's token and every post checks it. Changes that the API
//! offers go through the API's handlers.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use model::{
    DialogueId, PartnershipId, StatementText,
};
use serde::Serialize;
use store::{Dialogue, NewStatement, Partnership, StoreError};

use crate::api::{
    ConstituencyBody, ConstituencyKindBody, CreateDialogueRequest,
    ModerateManyRequest, ModerationPolicyBody, ModerationStatusBody, ReportVisibilityBody,
    StatementListQuery, UpdateDialogueRequest,
};
use crate::error::{ApiError, ErrorCode};
use crate::export::PolisCsvFiles;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::{dialogues, moderation};
use crate::state::AppState;
use crate::views::new_constituency;

use super::forms::FormData;
use super::page_error::{PageError, sentence};
use super::participant::{DialogueSummary, moderation_policy_text};
use super::render::{Layout, page};
use super::security::PageConvenor;

/// How many statements one page of the moderation queue shows.
const MODERATION_PAGE: u32 = 50;

fn layout(convenor: &PageConvenor, title: impl Into<String>) -> Layout {
    Layout {
        title: title.into(),
        convenor: Some(convenor.email().to_owned()),
        csrf: Some(convenor.csrf.clone()),
    }
}

fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// Returns the value of one query parameter, decoded.
fn query_value(query: Option<&str>, name: &str) -> Option<String> {
    let value = query?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })?;
    percent_decode(value)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => decoded.push(b' '),
            b'%' => {
                let digits = std::str::from_utf8(bytes.get(index + 1..index + 3)?).ok()?;
                decoded.push(u8::from_str_radix(digits, 16).ok()?);
                index += 2;
            }
            byte => decoded.push(byte),
        }
        index += 1;
    }
    String::from_utf8(decoded).ok()
}

#[derive(Serialize)]
struct DialogueLink {
    id: i64,
    title: String,
    is_closed: bool,
}

#[derive(Serialize)]
struct PartnershipCard {
    id: i64,
    name: String,
    purpose: String,
    dialogues: Vec<DialogueLink>,
}

/// Returns the partnership if this convenor may manage it.
async fn partnership_for(
    state: &AppState,
    convenor: &PageConvenor,
    id: i64,
) -> Result<Partnership, PageError> {
    let partnership = state.store().get_partnership(PartnershipId(id)).await?;
    let account = &convenor.current.convenor;
    if account.is_admin
        || state
            .store()
            .is_partnership_member(partnership.id, account.id)
            .await?
    {
        Ok(partnership)
    } else {
        Err(PageError::from(ApiError::forbidden(
            "only convenors of this partnership may see this page",
        )))
    }
}

// Creating a dialogue.

/// Reads constituencies written one per line as `name | expected share | lay or professional`;
/// the share ("25%" or "0.25") and the kind may be left out.
fn parse_constituencies(text: &str) -> Result<Vec<ConstituencyBody>, String> {
    let mut constituencies = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split('|').map(str::trim);
        let name = parts.next().unwrap_or_default().to_owned();
        let share = parts.next().unwrap_or_default();
        let kind = parts.next().unwrap_or_default();
        let expected_share = if share.is_empty() {
            None
        } else {
            let (digits, scale) = match share.strip_suffix('%') {
                Some(digits) => (digits.trim(), 100.0),
                None => (share, 1.0),
            };
            let value: f64 = digits.parse().map_err(|_| {
                format!(
                    "Constituency line {}: the expected share {share:?} is not a number such as 25% or 0.25.",
                    number + 1
                )
            })?;
            Some(value / scale)
        };
        let kind = match kind.to_ascii_lowercase().as_str() {
            "" => None,
            "lay" => Some(ConstituencyKindBody::Lay),
            "professional" | "pro" => Some(ConstituencyKindBody::Professional),
            other => {
                return Err(format!(
                    "Constituency line {}: {other:?} should be \"lay\" or \"professional\".",
                    number + 1
                ));
            }
        };
        constituencies.push(ConstituencyBody {
            name,
            expected_share,
            kind,
        });
    }
    Ok(constituencies)
}

/// Reads seed statements: one per line of the text box, then the first column of every row of
/// the CSV file (a header row named "statement", "text" or "comment-body" is skipped).
fn parse_statements(lines: &str, csv_text: &str) -> Result<Vec<String>, String> {
    let mut statements: Vec<String> = lines
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    if !csv_text.trim().is_empty() {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(csv_text.as_bytes());
        for (index, record) in reader.records().enumerate() {
            let record = record.map_err(|error| {
                format!(
                    "The CSV file could not be read at row {}: {error}.",
                    index + 1
                )
            })?;
            let Some(first) = record.get(0).map(str::trim) else {
                continue;
            };
            let is_header = index == 0
                && matches!(
                    first.to_ascii_lowercase().as_str(),
                    "statement" | "statements" | "text" | "comment-body" | "comment"
                );
            if !first.is_empty() && !is_header {
                statements.push(first.to_owned());
            }
        }
    }
    Ok(statements)
}

#[derive(Serialize, Default)]
struct DialogueForm {
    title: String,
    question: String,
    description: String,
    constituencies: String,
    statements: String,
    participant_statements: bool,
    moderation: String,
    report_visibility: String,
}

impl DialogueForm {
    fn from_form(form: &FormData) -> DialogueForm {
        DialogueForm {
            title: form.text("title").to_owned(),
            question: form.text("question").to_owned(),
            description: form.text("description").to_owned(),
            constituencies: form.text("constituencies").to_owned(),
            statements: form.get("statements").unwrap_or_default().to_owned(),
            participant_statements: form.is_checked("participant_statements"),
            moderation: form.text("moderation").to_owned(),
            report_visibility: form.text("report_visibility").to_owned(),
        }
    }
}

#[derive(Serialize)]
struct NewDialogueContext {
    layout: Layout,
    partnership: PartnershipCard,
    form: DialogueForm,
    error: Option<String>,
}

/// Answers `GET /convenor/partnerships/{pid}/dialogues`: the form for a new dialogue.
pub async fn new_dialogue_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, PageError> {
    let partnership = partnership_for(&state, &convenor, id).await?;
    let context = NewDialogueContext {
        layout: layout(&convenor, "New dialogue"),
        partnership: PartnershipCard {
            id: partnership.id.get(),
            name: partnership.name.as_str().to_owned(),
            purpose: String::new(),
            dialogues: Vec::new(),
        },
        form: DialogueForm {
            participant_statements: true,
            moderation: "post".to_owned(),
            report_visibility: "public".to_owned(),
            ..DialogueForm::default()
        },
        error: None,
    };
    Ok(page("new_dialogue.html", context)?.into_response())
}

fn moderation_choice(value: &str) -> ModerationPolicyBody {
    if value == "pre" {
        ModerationPolicyBody::Pre
    } else {
        ModerationPolicyBody::Post
    }
}

fn visibility_choice(value: &str) -> ReportVisibilityBody {
    if value == "convenors" {
        ReportVisibilityBody::Convenors
    } else {
        ReportVisibilityBody::Public
    }
}

fn form_error(error: &ApiError) -> Option<String> {
    match error {
        ApiError::Client {
            code: ErrorCode::ValidationFailed | ErrorCode::Conflict | ErrorCode::InvalidBody,
            message,
        } => Some(sentence(message)),
        _ => None,
    }
}

/// Why a new dialogue was not created.
enum CreateFailure {
    /// Something in the form is wrong; the form is shown again with this message.
    Form(String),
    /// Anything else.
    Api(ApiError),
}

/// Answers `POST /convenor/partnerships/{pid}/dialogues`: creates the dialogue through the API.
pub async fn create_dialogue(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let partnership = partnership_for(&state, &convenor, id).await?;
    let fields = DialogueForm::from_form(&form);
    let attempt = async {
        let constituencies =
            parse_constituencies(&fields.constituencies).map_err(CreateFailure::Form)?;
        let statements = parse_statements(&fields.statements, form.get("csv").unwrap_or_default())
            .map_err(CreateFailure::Form)?;
        let request = CreateDialogueRequest {
            partnership_id: Some(partnership.id.get()),
            title: fields.title.clone(),
            question: fields.question.clone(),
            description: Some(fields.description.clone()),
            constituencies: Some(constituencies),
            statements: Some(statements),
            participant_statements: Some(fields.participant_statements),
            moderation: Some(moderation_choice(&fields.moderation)),
        };
        match dialogues::create(
            State(state.clone()),
            convenor.current.clone(),
            ApiJson(request),
        )
        .await
        {
            Ok((_, Json(created))) => Ok(created.id),
            Err(error) => Err(match form_error(&error) {
                Some(message) => CreateFailure::Form(message),
                None => CreateFailure::Api(error),
            }),
        }
    };
    match attempt.await {
        Ok(dialogue) => {
            if visibility_choice(&fields.report_visibility) == ReportVisibilityBody::Convenors {
                let _updated = dialogues::update(
                    State(state),
                    convenor.current.clone(),
                    ApiPath(dialogue),
                    ApiJson(UpdateDialogueRequest {
                        report_visibility: Some(ReportVisibilityBody::Convenors),
                        ..UpdateDialogueRequest::default()
                    }),
                )
                .await?;
            }
            Ok(see_other(&format!("/convenor/dialogues/{dialogue}")))
        }
        Err(CreateFailure::Api(error)) => Err(error.into()),
        Err(CreateFailure::Form(message)) => {
            let context = NewDialogueContext {
                layout: layout(&convenor, "New dialogue"),
                partnership: PartnershipCard {
                    id: partnership.id.get(),
                    name: partnership.name.as_str().to_owned(),
                    purpose: String::new(),
                    dialogues: Vec::new(),
                },
                form: fields,
                error: Some(message),
            };
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page("new_dialogue.html", context)?,
            )
                .into_response())
        }
    }
}

// One dialogue: the dashboard, settings, moderation, closing.

#[derive(Serialize)]
struct ConstituencyRow {
    name: String,
    kind: Option<&'static str>,
    expected: Option<String>,
    participants: usize,
    share: Option<String>,
    is_below: bool,
}

#[derive(Serialize)]
struct ExportLink {
    href: String,
    label: String,
}

#[derive(Serialize)]
struct DialogueContext {
    layout: Layout,
    dialogue: DialogueSummary,
    participant_link: String,
    moderation_policy: &'static str,
    n_participants: u64,
    n_voters: u64,
    n_votes: u64,
    n_vote_events: u64,
    pending: u64,
    accepted: u64,
    rejected: u64,
    constituencies: Vec<ConstituencyRow>,
    unaffiliated: u64,
    exports: Vec<ExportLink>,
}

fn percent(value: f64) -> String {
    format!("{:.0}%", (value * 100.0).clamp(0.0, 100.0))
}

async fn managed_dialogue(
    state: &AppState,
    convenor: &PageConvenor,
    id: i64,
) -> Result<Dialogue, PageError> {
    Ok(convenor.current.dialogue(state, DialogueId(id)).await?)
}

/// Answers `GET /convenor/dialogues/{id}`: the participation dashboard and the dialogue's
/// actions.
pub async fn dialogue_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, PageError> {
    let dialogue = managed_dialogue(&state, &convenor, id).await?;
    let votes = state.store().count_votes(dialogue.id).await?;
    let statements = state.store().count_statements(dialogue.id).await?;
    let memberships = state.store().list_memberships(dialogue.id).await?;
    let mut per_constituency: BTreeMap<model::ConstituencyId, usize> = BTreeMap::new();
    let mut affiliated = std::collections::BTreeSet::new();
    for (participant, constituency) in &memberships {
        *per_constituency.entry(*constituency).or_default() += 1;
        affiliated.insert(*participant);
    }
    let n_participants = votes.participants;
    let constituencies = dialogue
        .constituencies
        .iter()
        .map(|constituency| {
            let participants = per_constituency.get(&constituency.id).copied().unwrap_or(0);
            let share = (n_participants > 0).then(|| participants as f64 / n_participants as f64);
            let expected = constituency.expected_share.map(model::ExpectedShare::get);
            ConstituencyRow {
                name: constituency.name.as_str().to_owned(),
                kind: constituency.kind.map(|kind| kind.as_str()),
                expected: expected.map(percent),
                participants,
                share: share.map(percent),
                is_below: matches!((share, expected), (Some(share), Some(expected)) if share < expected),
            }
        })
        .collect();
    let unaffiliated = n_participants.saturating_sub(u64::try_from(affiliated.len()).unwrap_or(0));
    let mut exports = vec![
        ExportLink {
            href: format!("/api/dialogues/{id}/export?format=json"),
            label: "Everything, as JSON".to_owned(),
        },
        ExportLink {
            href: format!("/api/dialogues/{id}/export?format=polis-zip"),
            label: "Pol.is open-data files, as a ZIP archive".to_owned(),
        },
    ];
    exports.extend(PolisCsvFiles::NAMES.iter().map(|name| ExportLink {
        href: format!("/api/dialogues/{id}/export/{name}"),
        label: format!("{name} (Pol.is format)"),
    }));
    let summary = DialogueSummary::of(&dialogue);
    let context = DialogueContext {
        layout: layout(&convenor, summary.title.clone()),
        participant_link: state.participant_url(dialogue.id),
        moderation_policy: moderation_policy_text(dialogue.settings.moderation),
        n_participants,
        n_voters: votes.voters,
        n_votes: votes.votes,
        n_vote_events: votes.vote_events,
        pending: statements.pending,
        accepted: statements.accepted,
        rejected: statements.rejected,
        constituencies,
        unaffiliated,
        exports,
        dialogue: summary,
    };
    Ok(page("dialogue.html", context)?.into_response())
}

#[derive(Serialize)]
struct SettingsForm {
    title: String,
    question: String,
    description: String,
    participant_statements: bool,
    moderation: &'static str,
    report_visibility: &'static str,
}

#[derive(Serialize)]
struct SettingsContext {
    layout: Layout,
    dialogue: DialogueSummary,
    form: SettingsForm,
    constituencies: Vec<ConstituencyRow>,
    notice: Option<String>,
    error: Option<String>,
}

fn settings_context(
    convenor: &PageConvenor,
    dialogue: &Dialogue,
    notice: Option<String>,
    error: Option<String>,
) -> SettingsContext {
    let settings = &dialogue.settings;
    let summary = DialogueSummary::of(dialogue);
    SettingsContext {
        layout: layout(convenor, format!("Settings · {}", summary.title)),
        form: SettingsForm {
            title: settings.title.as_str().to_owned(),
            question: settings.question.as_str().to_owned(),
            description: settings.description.as_str().to_owned(),
            participant_statements: settings.allow_participant_statements,
            moderation: settings.moderation.as_str(),
            report_visibility: settings.report_visibility.as_str(),
        },
        constituencies: dialogue
            .constituencies
            .iter()
            .map(|constituency| ConstituencyRow {
                name: constituency.name.as_str().to_owned(),
                kind: constituency.kind.map(|kind| kind.as_str()),
                expected: constituency
                    .expected_share
                    .map(|share| percent(share.get())),
                participants: 0,
                share: None,
                is_below: false,
            })
            .collect(),
        dialogue: summary,
        notice,
        error,
    }
}

/// Returns the notice a settings page shows after a change, from its query string.
fn settings_notice(query: Option<&str>) -> Option<String> {
    match query_value(query, "notice").as_deref() {
        Some("saved") => Some("The settings are saved.".to_owned()),
        Some("constituency") => Some("The constituency is added.".to_owned()),
        Some("statements") => {
            let added: u64 = query_value(query, "added")?.parse().ok()?;
            let skipped: u64 = query_value(query, "skipped")
                .and_then(|value| value.parse().ok())
                .unwrap_or(0);
            Some(match skipped {
                0 => format!("{added} statements added."),
                _ => format!(
                    "{added} statements added; {skipped} were already in the dialogue and were left out."
                ),
            })
        }
        _ => None,
    }
}

/// Answers `GET /convenor/dialogues/{id}/settings`.
pub async fn settings_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let dialogue = managed_dialogue(&state, &convenor, id).await?;
    let context = settings_context(
        &convenor,
        &dialogue,
        settings_notice(query.as_deref()),
        None,
    );
    Ok(page("settings.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/settings`: saves the settings through the API.
pub async fn update_settings(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let request = UpdateDialogueRequest {
        title: Some(form.text("title").to_owned()),
        question: Some(form.text("question").to_owned()),
        description: Some(form.text("description").to_owned()),
        participant_statements: Some(form.is_checked("participant_statements")),
        moderation: Some(moderation_choice(form.text("moderation"))),
        report_visibility: Some(visibility_choice(form.text("report_visibility"))),
    };
    let result = dialogues::update(
        State(state.clone()),
        convenor.current.clone(),
        ApiPath(id),
        ApiJson(request),
    )
    .await;
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/dialogues/{id}/settings?notice=saved"
        ))),
        Err(error) => match form_error(&error) {
            Some(message) => {
                let dialogue = managed_dialogue(&state, &convenor, id).await?;
                let mut context = settings_context(&convenor, &dialogue, None, Some(message));
                context.form.title = form.text("title").to_owned();
                context.form.question = form.text("question").to_owned();
                context.form.description = form.text("description").to_owned();
                Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    page("settings.html", context)?,
                )
                    .into_response())
            }
            None => Err(error.into()),
        },
    }
}

async fn settings_error(
    state: &AppState,
    convenor: &PageConvenor,
    id: i64,
    message: String,
) -> Result<Response, PageError> {
    let dialogue = managed_dialogue(state, convenor, id).await?;
    let context = settings_context(convenor, &dialogue, None, Some(message));
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        page("settings.html", context)?,
    )
        .into_response())
}

/// Answers `POST /convenor/dialogues/{id}/constituencies`: adds one constituency.
pub async fn add_constituency(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let dialogue = managed_dialogue(&state, &convenor, id).await?;
    let line = format!(
        "{} | {} | {}",
        form.text("name").replace('|', "/"),
        form.text("expected_share"),
        form.text("kind")
    );
    let parsed = parse_constituencies(&line)
        .map_err(|message| message.replace("Constituency line 1: ", ""))
        .and_then(|mut bodies| {
            bodies
                .pop()
                .ok_or_else(|| "Give the constituency a name.".to_owned())
        })
        .and_then(|body| {
            new_constituency(&body).map_err(|error| form_error(&error).unwrap_or_default())
        });
    let constituency = match parsed {
        Ok(constituency) => constituency,
        Err(message) => return settings_error(&state, &convenor, id, message).await,
    };
    match state
        .store()
        .add_constituency(dialogue.id, constituency)
        .await
    {
        Ok(_) => {}
        Err(StoreError::Duplicate { .. }) => {
            return settings_error(
                &state,
                &convenor,
                id,
                "The dialogue already has a constituency with this name.".to_owned(),
            )
            .await;
        }
        Err(error) => return Err(error.into()),
    }
    state.analysis().changed(dialogue.id);
    Ok(see_other(&format!(
        "/convenor/dialogues/{id}/settings?notice=constituency"
    )))
}

/// Answers `POST /convenor/dialogues/{id}/statements`: adds seed statements, leaving out those
/// the dialogue already has.
pub async fn add_statements(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let dialogue = managed_dialogue(&state, &convenor, id).await?;
    let texts = match parse_statements(
        form.get("statements").unwrap_or_default(),
        form.get("csv").unwrap_or_default(),
    ) {
        Ok(texts) => texts,
        Err(message) => return settings_error(&state, &convenor, id, message).await,
    };
    let mut valid = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        match StatementText::parse(text) {
            Ok(text) => valid.push(text),
            Err(error) => {
                let message = format!("Statement {}: {}", index + 1, sentence(&error.to_string()));
                return settings_error(&state, &convenor, id, message).await;
            }
        }
    }
    let (mut added, mut skipped) = (0u64, 0u64);
    for text in valid {
        let result = state
            .store()
            .submit_statement(NewStatement {
                dialogue: dialogue.id,
                text,
                author: None,
                is_meta: false,
                created_at: state.now_ms(),
            })
            .await;
        match result {
            Ok(_) => added += 1,
            Err(StoreError::DuplicateStatement { .. }) => skipped += 1,
            Err(error) => return Err(error.into()),
        }
    }
    state.analysis().changed(dialogue.id);
    Ok(see_other(&format!(
        "/convenor/dialogues/{id}/settings?notice=statements&added={added}&skipped={skipped}"
    )))
}

#[derive(Serialize)]
struct ModerationRow {
    id: i64,
    text: String,
    status: &'static str,
    is_from_participant: bool,
}

#[derive(Serialize)]
struct StatusTab {
    value: &'static str,
    label: &'static str,
    is_current: bool,
}

#[derive(Serialize)]
struct ModerationContext {
    layout: Layout,
    dialogue: DialogueSummary,
    rows: Vec<ModerationRow>,
    status: &'static str,
    tabs: Vec<StatusTab>,
    next_after: Option<i64>,
    is_first_page: bool,
    pending: u64,
    notice: Option<String>,
}

fn status_filter(value: Option<&str>) -> (&'static str, Option<ModerationStatusBody>) {
    match value {
        Some("accepted") => ("accepted", Some(ModerationStatusBody::Accepted)),
        Some("rejected") => ("rejected", Some(ModerationStatusBody::Rejected)),
        Some("all") => ("all", None),
        _ => ("pending", Some(ModerationStatusBody::Pending)),
    }
}

fn status_word(status: ModerationStatusBody) -> &'static str {
    match status {
        ModerationStatusBody::Pending => "waiting",
        ModerationStatusBody::Accepted => "accepted",
        ModerationStatusBody::Rejected => "rejected",
    }
}

/// Answers `GET /convenor/dialogues/{id}/moderation`: one page of the queue.
pub async fn moderation_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let query = query.as_deref();
    let (status, filter) = status_filter(query_value(query, "status").as_deref());
    let after = query_value(query, "after").and_then(|value| value.parse::<i64>().ok());
    let dialogue = managed_dialogue(&state, &convenor, id).await?;
    let Json(listed) = moderation::list(
        State(state.clone()),
        convenor.current.clone(),
        ApiPath(id),
        ApiQuery(StatementListQuery {
            status: filter,
            after,
            limit: Some(MODERATION_PAGE),
        }),
    )
    .await?;
    let counts = state.store().count_statements(dialogue.id).await?;
    let notice = query_value(query, "updated")
        .and_then(|value| value.parse::<u64>().ok())
        .map(|updated| match updated {
            1 => "1 statement updated.".to_owned(),
            many => format!("{many} statements updated."),
        });
    let tabs = [
        ("pending", "Waiting"),
        ("accepted", "Accepted"),
        ("rejected", "Rejected"),
        ("all", "All"),
    ]
    .into_iter()
    .map(|(value, label)| StatusTab {
        value,
        label,
        is_current: value == status,
    })
    .collect();
    let summary = DialogueSummary::of(&dialogue);
    let context = ModerationContext {
        layout: layout(&convenor, format!("Moderation · {}", summary.title)),
        dialogue: summary,
        rows: listed
            .statements
            .into_iter()
            .map(|statement| ModerationRow {
                id: statement.id,
                text: statement.text,
                status: status_word(statement.status),
                is_from_participant: statement.is_from_participant,
            })
            .collect(),
        status,
        tabs,
        next_after: listed.next_after,
        is_first_page: after.is_none(),
        pending: counts.pending,
        notice,
    };
    Ok(page("moderation.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/moderation`: accepts or rejects the ticked statements
/// through the API.
pub async fn moderate(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let status = match form.text("action") {
        "accept" => ModerationStatusBody::Accepted,
        "reject" => ModerationStatusBody::Rejected,
        "pending" => ModerationStatusBody::Pending,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                "Choose whether to accept or reject the statements.",
            ));
        }
    };
    let ids: Vec<i64> = form
        .get_all("statement")
        .into_iter()
        .filter_map(|value| value.trim().parse().ok())
        .collect();
    let (filter, _) = status_filter(form.get("status"));
    let back = format!("/convenor/dialogues/{id}/moderation?status={filter}");
    if ids.is_empty() {
        return Ok(see_other(&back));
    }
    let Json(result) = moderation::moderate_many(
        State(state),
        convenor.current.clone(),
        ApiPath(id),
        ApiJson(ModerateManyRequest {
            statement_ids: ids,
            status,
        }),
    )
    .await?;
    Ok(see_other(&format!("{back}&updated={}", result.updated)))
}

/// Answers `POST /convenor/dialogues/{id}/close`.
pub async fn close(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let _closed = dialogues::close(State(state), convenor.current.clone(), ApiPath(id)).await?;
    Ok(see_other(&format!("/convenor/dialogues/{id}")))
}

/// Answers `POST /convenor/dialogues/{id}/reopen`.
pub async fn reopen(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let _reopened = dialogues::reopen(State(state), convenor.current.clone(), ApiPath(id)).await?;
    Ok(see_other(&format!("/convenor/dialogues/{id}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constituency_lines_read_name_share_and_kind() {
        let parsed =
            parse_constituencies("Carer | 20% | lay\n\nGP|0.1|professional\nResident").unwrap();
        assert_eq!(parsed.len(), 3);
        assert_eq!(parsed[0].name, "Carer");
        assert_eq!(parsed[0].expected_share, Some(0.2));
        assert_eq!(parsed[0].kind, Some(ConstituencyKindBody::Lay));
        assert_eq!(parsed[1].kind, Some(ConstituencyKindBody::Professional));
        assert_eq!(parsed[2].expected_share, None);
        assert_eq!(parsed[2].kind, None);
    }

    #[test]
    fn a_bad_constituency_line_says_which_line() {
        let error = parse_constituencies("Carer | lots").unwrap_err();
        assert!(error.contains("line 1"), "{error}");
        let error = parse_constituencies("A\nB | 5% | expert").unwrap_err();
        assert!(error.contains("line 2"), "{error}");
    }

    #[test]
    fn statements_come_from_lines_and_the_first_csv_column() {
        let statements = parse_statements(
            "First\n\n  Second  \n",
            "statement,author\n\"Third, with a comma\",x\nFourth\n",
        )
        .unwrap();
        assert_eq!(
            statements,
            vec!["First", "Second", "Third, with a comma", "Fourth"]
        );
    }

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query_value(Some("a=1&next=%2Fd%2F3%2Freport"), "next").as_deref(),
            Some("/d/3/report")
        );
        assert_eq!(query_value(Some("a=1"), "next"), None);
    }

    #[test]
    fn settings_notices_only_print_numbers() {
        assert_eq!(
            settings_notice(Some("notice=statements&added=3&skipped=1")).as_deref(),
            Some("3 statements added; 1 were already in the dialogue and were left out.")
        );
        assert_eq!(settings_notice(Some("notice=statements&added=<b>")), None);
    }
}
