//! The convenors' pages for one dialogue: creating it, its participation dashboard, its
//! settings, constituencies and seed statements, closing and reopening.
//!
//! Every form carries the session's token and every post checks it; the changes go through
//! [`super::service`], as the JSON routes' do.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{DialogueId, ModerationPolicy, PartnershipId, ReportVisibility, StatementText};
use serde::{Deserialize, Serialize};
use store::Dialogue;

use crate::api::{
    ConstituencyBody, ConstituencyKindBody, CreateDialogueRequest, ModerationPolicyBody,
    ReportVisibilityBody, UpdateDialogueRequest, WeightingBody,
};
use crate::error::{ApiError, ErrorCode};
use crate::export::PolisCsvFiles;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::forms::FormData;
use crate::web::page_error::{PageError, sentence};
use crate::web::render::{Layout, page, percent};
use crate::web::security::PageConvenor;
use crate::web::see_other;

use super::service;

/// The dialogue as the pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct DialogueSummary {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its question.
    pub question: String,
    /// Its description, one entry per paragraph.
    pub description: Vec<String>,
    /// The constituencies participants may say they belong to.
    pub constituencies: Vec<String>,
    /// Whether participants may write statements.
    pub allows_statements: bool,
    /// Whether anyone may read the report.
    pub report_is_public: bool,
    /// Whether the dialogue is closed.
    pub is_closed: bool,
}

impl DialogueSummary {
    /// Returns the summary of a dialogue.
    pub fn of(dialogue: &Dialogue) -> DialogueSummary {
        let settings = &dialogue.settings;
        DialogueSummary {
            id: dialogue.id.get(),
            title: settings.title.as_str().to_owned(),
            question: settings.question.as_str().to_owned(),
            description: paragraphs(settings.description.as_str()),
            constituencies: dialogue
                .constituencies
                .iter()
                .map(|constituency| constituency.name.as_str().to_owned())
                .collect(),
            allows_statements: settings.allow_participant_statements,
            report_is_public: settings.report_visibility == ReportVisibility::Public,
            is_closed: !dialogue.is_open,
        }
    }
}

/// Splits text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What the moderation policy means for a participant's statement, in plain words.
pub fn moderation_policy_text(policy: ModerationPolicy) -> &'static str {
    match policy {
        ModerationPolicy::Pre => {
            "A convenor reads every statement before others see it. Statements that are off topic, abusive, or that could identify a person are not accepted."
        }
        ModerationPolicy::Post => {
            "Your statement is shown to others straight away. A convenor may later remove statements that are off topic, abusive, or that could identify a person."
        }
    }
}

/// Returns the message a form shows for an error in what was typed, or `None` for any other
/// failure (which becomes an error page).
fn form_error(error: &ApiError) -> Option<String> {
    match error {
        ApiError::Client {
            code: ErrorCode::ValidationFailed | ErrorCode::Conflict | ErrorCode::InvalidBody,
            message,
        } => Some(sentence(message)),
        _ => None,
    }
}

/// Answers a form with its page shown again, saying what was wrong.
fn unprocessable(page: axum::response::Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
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

/// The partnership a new dialogue is created in, as its form shows it.
#[derive(Serialize)]
struct PartnershipHeading {
    id: i64,
    name: String,
}

#[derive(Serialize)]
struct NewDialogueContext {
    layout: Layout,
    partnership: PartnershipHeading,
    form: DialogueForm,
    error: Option<String>,
}

fn new_dialogue_page_with(
    convenor: &PageConvenor,
    partnership: &store::Partnership,
    form: DialogueForm,
    error: Option<String>,
) -> Result<axum::response::Html<String>, PageError> {
    page(
        "new_dialogue.html",
        NewDialogueContext {
            layout: convenor.layout("New dialogue"),
            partnership: PartnershipHeading {
                id: partnership.id.get(),
                name: partnership.name.as_str().to_owned(),
            },
            form,
            error,
        },
    )
}

/// Answers `GET /convenor/partnerships/{pid}/dialogues`: the form for a new dialogue.
pub async fn new_dialogue_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, PageError> {
    let partnership = service::convened_partnership(&state, &convenor.current, Some(id)).await?;
    let form = DialogueForm {
        participant_statements: true,
        moderation: "post".to_owned(),
        report_visibility: "public".to_owned(),
        ..DialogueForm::default()
    };
    Ok(new_dialogue_page_with(&convenor, &partnership, form, None)?.into_response())
}

fn moderation_choice(value: &str) -> ModerationPolicyBody {
    if value == "pre" {
        ModerationPolicyBody::Pre
    } else {
        ModerationPolicyBody::Post
    }
}

fn weighting_choice(value: &str) -> WeightingBody {
    match value {
        "head_count" => WeightingBody::HeadCount,
        "equal" => WeightingBody::Equal,
        "frame" => WeightingBody::Frame,
        _ => WeightingBody::Default,
    }
}

/// Reads a share written as "25%" or "0.25"; empty is no share. Whether it lies between 0 and
/// 1 is the service's to check.
fn share_field(text: &str) -> Result<Option<f64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (digits, scale) = match text.strip_suffix('%') {
        Some(digits) => (digits.trim(), 100.0),
        None => (text, 1.0),
    };
    let value: f64 = digits.parse().map_err(|_| ())?;
    Ok(Some(value / scale))
}

fn visibility_choice(value: &str) -> ReportVisibilityBody {
    if value == "convenors" {
        ReportVisibilityBody::Convenors
    } else {
        ReportVisibilityBody::Public
    }
}

/// Answers `POST /convenor/partnerships/{pid}/dialogues`: creates the dialogue, or shows the
/// form again with what was wrong.
pub async fn create_dialogue(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let partnership = service::convened_partnership(&state, &convenor.current, Some(id)).await?;
    let fields = DialogueForm::from_form(&form);
    let parsed = parse_constituencies(&fields.constituencies).and_then(|constituencies| {
        parse_statements(&fields.statements, form.get("csv").unwrap_or_default())
            .map(|statements| (constituencies, statements))
    });
    let message = match parsed {
        Ok((constituencies, statements)) => {
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
            let visibility = visibility_choice(&fields.report_visibility).into();
            match service::create(&state, &convenor.current, &request, visibility).await {
                Ok(dialogue) => {
                    return Ok(see_other(&format!("/convenor/dialogues/{}", dialogue.id)));
                }
                Err(error) => form_error(&error).ok_or(error)?,
            }
        }
        Err(message) => message,
    };
    let body = new_dialogue_page_with(&convenor, &partnership, fields, Some(message))?;
    Ok(unprocessable(body))
}

// One dialogue: the dashboard, settings, closing.

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
    /// Whether the participant link points at this machine, out of reach of people's phones.
    link_is_local: bool,
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

fn export_links(id: DialogueId) -> Vec<ExportLink> {
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
    exports
}

/// Answers `GET /convenor/dialogues/{id}`: the participation dashboard and the dialogue's
/// actions.
pub async fn dialogue_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let votes = state.store().count_votes(dialogue.id).await?;
    let statements = state.store().count_statements(dialogue.id).await?;
    let memberships = state.store().list_memberships(dialogue.id).await?;
    let mut per_constituency: BTreeMap<model::ConstituencyId, usize> = BTreeMap::new();
    let mut affiliated = BTreeSet::new();
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
    let summary = DialogueSummary::of(&dialogue);
    let context = DialogueContext {
        layout: convenor.layout(summary.title.clone()),
        link_is_local: crate::event::service::is_local_link(&state.participant_url(dialogue.id)),
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
        exports: export_links(dialogue.id),
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
    weighting: &'static str,
    /// Each constituency's population share as the form shows it, in the dialogue's order.
    population_shares: Vec<PopulationShareField>,
}

/// One constituency's population share field on the settings page.
#[derive(Serialize)]
struct PopulationShareField {
    name: String,
    value: String,
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
        layout: convenor.layout(format!("Settings · {}", summary.title)),
        form: SettingsForm {
            title: settings.title.as_str().to_owned(),
            question: settings.question.as_str().to_owned(),
            description: settings.description.as_str().to_owned(),
            participant_statements: settings.allow_participant_statements,
            moderation: settings.moderation.as_str(),
            report_visibility: settings.report_visibility.as_str(),
            weighting: dialogue
                .weighting
                .map_or("default", |weighting| weighting.as_str()),
            population_shares: dialogue
                .constituencies
                .iter()
                .map(|constituency| PopulationShareField {
                    name: constituency.name.as_str().to_owned(),
                    value: constituency
                        .population_share
                        .map(|share| share.get().to_string())
                        .unwrap_or_default(),
                })
                .collect(),
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

/// The query string of the settings page after a change.
#[derive(Debug, Default, Deserialize)]
pub struct SettingsQuery {
    notice: Option<String>,
    added: Option<String>,
    skipped: Option<String>,
}

/// Returns the notice a settings page shows after a change; only numbers are ever printed.
fn settings_notice(query: &SettingsQuery) -> Option<String> {
    match query.notice.as_deref() {
        Some("saved") => Some("The settings are saved.".to_owned()),
        Some("constituency") => Some("The constituency is added.".to_owned()),
        Some("statements") => {
            let added: u64 = query.added.as_deref()?.parse().ok()?;
            let skipped: u64 = query
                .skipped
                .as_deref()
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
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<SettingsQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let context = settings_context(&convenor, &dialogue, settings_notice(&query), None);
    Ok(page("settings.html", context)?.into_response())
}

/// Shows the settings page again with what was wrong in a form posted from it.
async fn settings_error(
    state: &AppState,
    convenor: &PageConvenor,
    id: DialogueId,
    message: String,
    form: Option<&FormData>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.dialogue(state, id).await?;
    let mut context = settings_context(convenor, &dialogue, None, Some(message));
    if let Some(form) = form {
        context.form.title = form.text("title").to_owned();
        context.form.question = form.text("question").to_owned();
        context.form.description = form.text("description").to_owned();
    }
    Ok(unprocessable(page("settings.html", context)?))
}

/// Answers `POST /convenor/dialogues/{id}/settings`: saves the settings.
pub async fn update_settings(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let change = UpdateDialogueRequest {
        title: Some(form.text("title").to_owned()),
        question: Some(form.text("question").to_owned()),
        description: Some(form.text("description").to_owned()),
        participant_statements: Some(form.is_checked("participant_statements")),
        moderation: Some(moderation_choice(form.text("moderation"))),
        report_visibility: Some(visibility_choice(form.text("report_visibility"))),
        shared_with_partners: None,
        weighting: Some(weighting_choice(form.text("weighting"))),
        population_shares: None,
    };
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let mut shares = BTreeMap::new();
    for (index, constituency) in dialogue.constituencies.iter().enumerate() {
        let name = constituency.name.as_str();
        match share_field(form.text(&format!("population_share_{index}"))) {
            Ok(share) => {
                shares.insert(name.to_owned(), share);
            }
            Err(()) => {
                let message =
                    format!("The population share of {name} is not a number such as 25% or 0.25.");
                return settings_error(&state, &convenor, id, message, Some(&form)).await;
            }
        }
    }
    let change = UpdateDialogueRequest {
        population_shares: Some(shares),
        ..change
    };
    match service::update_settings(&state, &convenor.current, id, &change).await {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/dialogues/{id}/settings?notice=saved"
        ))),
        Err(error) => {
            let message = form_error(&error).ok_or(error)?;
            settings_error(&state, &convenor, id, message, Some(&form)).await
        }
    }
}

/// Answers `POST /convenor/dialogues/{id}/constituencies`: adds one constituency.
pub async fn add_constituency(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
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
        });
    let message = match parsed {
        Ok(body) => match service::add_constituency(&state, &convenor.current, id, &body).await {
            Ok(()) => {
                return Ok(see_other(&format!(
                    "/convenor/dialogues/{id}/settings?notice=constituency"
                )));
            }
            Err(error) => form_error(&error).ok_or(error)?,
        },
        Err(message) => message,
    };
    settings_error(&state, &convenor, id, message, None).await
}

/// Reads the seed statements of a form and checks each one, saying which is wrong.
fn seed_statements(form: &FormData) -> Result<Vec<StatementText>, String> {
    let texts = parse_statements(
        form.get("statements").unwrap_or_default(),
        form.get("csv").unwrap_or_default(),
    )?;
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            StatementText::parse(text).map_err(|error| {
                format!("Statement {}: {}", index + 1, sentence(&error.to_string()))
            })
        })
        .collect()
}

/// Answers `POST /convenor/dialogues/{id}/statements`: adds seed statements, leaving out those
/// the dialogue already has.
pub async fn add_statements(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    // Only a convenor of the dialogue learns what is wrong with a form posted to it.
    convenor.current.dialogue(&state, id).await?;
    let texts = match seed_statements(&form) {
        Ok(texts) => texts,
        Err(message) => return settings_error(&state, &convenor, id, message, None).await,
    };
    let seeds = service::add_seed_statements(&state, &convenor.current, id, texts).await?;
    Ok(see_other(&format!(
        "/convenor/dialogues/{id}/settings?notice=statements&added={}&skipped={}",
        seeds.added, seeds.skipped
    )))
}

/// Answers `POST /convenor/dialogues/{id}/close`.
pub async fn close(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::set_open(&state, &convenor.current, id, false).await?;
    Ok(see_other(&format!("/convenor/dialogues/{id}")))
}

/// Answers `POST /convenor/dialogues/{id}/reopen`.
pub async fn reopen(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::set_open(&state, &convenor.current, id, true).await?;
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
    fn settings_notices_only_print_numbers() {
        let query = SettingsQuery {
            notice: Some("statements".to_owned()),
            added: Some("3".to_owned()),
            skipped: Some("1".to_owned()),
        };
        assert_eq!(
            settings_notice(&query).as_deref(),
            Some("3 statements added; 1 were already in the dialogue and were left out.")
        );
        let query = SettingsQuery {
            added: Some("<b>".to_owned()),
            ..query
        };
        assert_eq!(settings_notice(&query), None);
    }

    #[test]
    fn descriptions_split_into_paragraphs_at_blank_lines() {
        assert_eq!(
            paragraphs("First line\nstill first.\r\n\r\n\n Second. \n\n"),
            vec!["First line\nstill first.".to_owned(), "Second.".to_owned()]
        );
        assert!(paragraphs("   ").is_empty());
    }
}
