//! The convenors' pages for one dialogue: creating it, its participation dashboard, its
//! settings, constituencies and seed statements, closing and reopening.
//!
//! Every form carries the session's token and every post checks it; the changes go through
//! [`super::service`], as the JSON routes' do.
//!
//! The pages are a partnership's convenors', so they are translated into the representatives'
//! languages, with their strings in the `convening` catalogue. The refusals the service shares
//! with the JSON API (with the field and line names it is given) are said in the page's
//! language, as the JSON API says them in English.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{
    ConstituencyId, DialogueId, DialogueStatus, ModerationPolicy, PartnershipId, ReportVisibility,
    StatementId, StatementText,
};
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
use crate::time::form_date_time;
use crate::web::catalogue::{date_time, text};
use crate::web::forms::FormData;
use crate::web::language::{Language, REPRESENTATIVE_LANGUAGES};
use crate::web::page_error::{PageError, said_in};
use crate::web::render::{Layout, page, percent};
use crate::web::security::{Asked, PageConvenor};
use crate::web::see_other;

use super::service::{self, ItemPlaces, Items, Place};

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
    /// Whether the dialogue is closed, by a convenor or by its closing time.
    pub is_closed: bool,
    /// Whether its opening time has not come yet.
    pub is_not_yet_open: bool,
    /// When it opens, for people to read, if it waits for a time.
    pub opens: Option<String>,
    /// When it closes, for people to read, if it closes at a time.
    pub closes: Option<String>,
    /// Its dates in one sentence, when it has any: "Open until 12 March 2027, 17:00 UTC."
    pub dates: Option<String>,
}

/// Which of a dialogue's dates matter at a moment, for the one sentence that says them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DatesCase {
    /// Not open yet, with an opening and a closing time.
    OpensUntil { opens: i64, closes: i64 },
    /// Not open yet, with an opening time only.
    Opens { opens: i64 },
    /// Open until its closing time.
    OpenUntil { closes: i64 },
    /// Closed by its closing time (not by a convenor).
    ClosedOn { closes: i64 },
    /// Open since its opening time, with no closing time.
    OpenSince { opens: i64 },
}

/// Says which of a dialogue's dates matter at `now`, or `None` when none does (no times, or
/// closed by a convenor before its closing time).
pub(crate) fn dates_case(dialogue: &Dialogue, now: i64) -> Option<DatesCase> {
    let opens = dialogue.schedule.opens_at();
    let closes = dialogue.schedule.closes_at();
    match (dialogue.status_at(now), opens, closes) {
        (DialogueStatus::NotYetOpen { .. }, Some(opens), Some(closes)) => {
            Some(DatesCase::OpensUntil { opens, closes })
        }
        (DialogueStatus::NotYetOpen { .. }, Some(opens), None) => Some(DatesCase::Opens { opens }),
        (DialogueStatus::Open, _, Some(closes)) => Some(DatesCase::OpenUntil { closes }),
        (DialogueStatus::Closed, _, Some(closes)) if dialogue.is_open && closes <= now => {
            Some(DatesCase::ClosedOn { closes })
        }
        (DialogueStatus::Open, Some(opens), None) if opens <= now => {
            Some(DatesCase::OpenSince { opens })
        }
        _ => None,
    }
}

/// Says a dialogue's dates in one sentence of `language` as they stand at `now`, or `None`
/// when it has none that matter.
fn dates_sentence(language: Language, dialogue: &Dialogue, now: i64) -> Option<String> {
    let when = |epoch_ms| date_time(language, epoch_ms);
    Some(match dates_case(dialogue, now)? {
        DatesCase::OpensUntil { opens, closes } => text(
            language,
            "dates-opens-until",
            &[
                ("opens", when(opens).into()),
                ("closes", when(closes).into()),
            ],
        ),
        DatesCase::Opens { opens } => {
            text(language, "dates-opens", &[("opens", when(opens).into())])
        }
        DatesCase::OpenUntil { closes } => text(
            language,
            "dates-open-until",
            &[("closes", when(closes).into())],
        ),
        DatesCase::ClosedOn { closes } => text(
            language,
            "dates-closed-on",
            &[("closes", when(closes).into())],
        ),
        DatesCase::OpenSince { opens } => text(
            language,
            "dates-open-since",
            &[("opens", when(opens).into())],
        ),
    })
}

impl DialogueSummary {
    /// Returns the summary of a dialogue as it stands at `now`, its dates in English.
    pub fn of(dialogue: &Dialogue, now: i64) -> DialogueSummary {
        DialogueSummary::in_language(Language::English, dialogue, now)
    }

    /// Returns the summary of a dialogue as it stands at `now`, its dates said in `language`.
    pub fn in_language(language: Language, dialogue: &Dialogue, now: i64) -> DialogueSummary {
        let settings = &dialogue.settings;
        let status = dialogue.status_at(now);
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
            is_closed: status == DialogueStatus::Closed,
            is_not_yet_open: matches!(status, DialogueStatus::NotYetOpen { .. }),
            opens: dialogue
                .schedule
                .opens_at()
                .map(|epoch_ms| date_time(language, epoch_ms)),
            closes: dialogue
                .schedule
                .closes_at()
                .map(|epoch_ms| date_time(language, epoch_ms)),
            dates: dates_sentence(language, dialogue, now),
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

/// What the moderation policy means for a participant's statement, in plain words of
/// `language` (as the participant's page says it).
pub fn moderation_policy_text(language: Language, policy: ModerationPolicy) -> String {
    let key = match policy {
        ModerationPolicy::Pre => "write-policy-pre",
        ModerationPolicy::Post => "write-policy-post",
    };
    text(language, key, &[])
}

/// Returns the message a form shows for an error in what was typed, in `language`, or `None`
/// for any other failure (which becomes an error page). The service's refusals are the API's,
/// said in the page's language.
fn form_error(language: Language, error: &ApiError) -> Option<String> {
    match error {
        ApiError::Client {
            code: ErrorCode::ValidationFailed | ErrorCode::Conflict | ErrorCode::InvalidBody,
            ..
        } => Some(said_in(language, error)),
        ApiError::DuplicateStatement { .. } => {
            Some(text(language, "convening-error-duplicate", &[]))
        }
        _ => None,
    }
}

/// Answers a form with its page shown again, saying what was wrong.
fn unprocessable(page: axum::response::Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

// Creating a dialogue.

/// Reads a share as people type it: "15%" or "15" is fifteen per cent, and a number up to 1
/// without a sign ("0.15") is a fraction; empty is no share. `Err` carries what was typed.
fn share_field(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (digits, is_percent) = match text.strip_suffix('%') {
        Some(digits) => (digits.trim(), true),
        None => (text, false),
    };
    let value: f64 = digits
        .parse()
        .ok()
        .filter(|value: &f64| value.is_finite())
        .ok_or_else(|| text.to_owned())?;
    Ok(Some(if is_percent || value > 1.0 {
        value / 100.0
    } else {
        value
    }))
}

/// What is wrong with a constituency as typed, each with what was typed, quoted.
#[derive(Debug)]
enum FieldError {
    /// The expected share is not a percentage.
    Share(String),
    /// The kind is neither lay nor professional.
    Kind(String),
}

impl FieldError {
    /// Says what is wrong in `language`: at `line` of the new-dialogue form's constituencies,
    /// or, with no line, in the form of one constituency.
    fn message(&self, language: Language, line: Option<usize>) -> String {
        let (key, typed) = match (self, line) {
            (FieldError::Share(typed), Some(_)) => ("convening-error-line-share", typed),
            (FieldError::Kind(typed), Some(_)) => ("convening-error-line-kind", typed),
            (FieldError::Share(typed), None) => ("convening-error-constituency-share", typed),
            (FieldError::Kind(typed), None) => ("convening-error-constituency-kind", typed),
        };
        let mut args = vec![("typed", typed.as_str().into())];
        if let Some(line) = line {
            args.push(("line", line.to_string().into()));
        }
        text(language, key, &args)
    }
}

/// Reads the kind of a constituency as typed: lay, professional, or nothing.
fn kind_field(kind: &str) -> Result<Option<ConstituencyKindBody>, FieldError> {
    match kind.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "lay" => Ok(Some(ConstituencyKindBody::Lay)),
        "professional" | "pro" => Ok(Some(ConstituencyKindBody::Professional)),
        other => Err(FieldError::Kind(format!("{other:?}"))),
    }
}

/// Reads one constituency from its name, share and kind as typed; the error says what is
/// wrong, without saying where.
fn constituency_fields(
    name: &str,
    share: &str,
    kind: &str,
) -> Result<ConstituencyBody, FieldError> {
    let expected_share =
        share_field(share).map_err(|typed| FieldError::Share(format!("{typed:?}")))?;
    Ok(ConstituencyBody {
        name: name.trim().to_owned(),
        expected_share,
        kind: kind_field(kind)?,
    })
}

/// Reads constituencies written one per line as `name | expected share | lay or professional`
/// (the share and the kind may be left out), with where each one is ("line 3"), which the
/// service's refusals name in the page's language.
fn parse_constituencies(
    language: Language,
    typed: &str,
) -> Result<(Vec<ConstituencyBody>, ItemPlaces), String> {
    let mut constituencies = Vec::new();
    let mut places = ItemPlaces {
        what: Items::Constituencies,
        places: Vec::new(),
    };
    for (number, line) in typed.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split('|').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let share = parts.next().unwrap_or_default();
        let kind = parts.next().unwrap_or_default();
        let body = constituency_fields(name, share, kind)
            .map_err(|error| error.message(language, Some(number + 1)))?;
        constituencies.push(body);
        places.places.push(Place::Line(number + 1));
    }
    Ok((constituencies, places))
}

/// Reads seed statements: one per line of the text box, then the first column of every row of
/// the CSV file (a header row named "statement", "text" or "comment-body" is skipped), with
/// where each one is ("line 4", "CSV row 2"), as [`parse_constituencies`] says.
fn parse_statements(
    language: Language,
    lines: &str,
    csv_text: &str,
) -> Result<(Vec<String>, ItemPlaces), String> {
    let mut statements = Vec::new();
    let mut places = ItemPlaces {
        what: Items::SeedStatement,
        places: Vec::new(),
    };
    for (number, line) in lines.lines().enumerate() {
        let line = line.trim();
        if !line.is_empty() {
            statements.push(line.to_owned());
            places.places.push(Place::Line(number + 1));
        }
    }
    if !csv_text.trim().is_empty() {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(csv_text.as_bytes());
        for (index, record) in reader.records().enumerate() {
            let record = record.map_err(|error| {
                text(
                    language,
                    "convening-error-csv",
                    &[
                        ("row", (index + 1).to_string().into()),
                        ("error", error.to_string().into()),
                    ],
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
                places.places.push(Place::CsvRow(index + 1));
            }
        }
    }
    Ok((statements, places))
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
    /// The opening time as typed.
    opens_at: String,
    /// The closing time as typed.
    closes_at: String,
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
            opens_at: form.text("opens_at").to_owned(),
            closes_at: form.text("closes_at").to_owned(),
        }
    }
}

/// The dates' form fields as the service's refusals name them: by the form's labels.
const SCHEDULE_LABELS: service::ScheduleFields = service::ScheduleFields {
    opens: "convening-opening-time",
    closes: "convening-closing-time",
};

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
    asked: Asked<'_>,
    partnership: &store::Partnership,
    form: DialogueForm,
    error: Option<String>,
) -> Result<axum::response::Html<String>, PageError> {
    page(
        "new_dialogue.html",
        NewDialogueContext {
            layout: asked.layout(convenor, asked.text("convening-new-title", &[])),
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
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let partnership = service::convened_partnership(&state, &convenor.current, Some(id)).await?;
    let form = DialogueForm {
        participant_statements: true,
        moderation: "post".to_owned(),
        report_visibility: "public".to_owned(),
        ..DialogueForm::default()
    };
    Ok(new_dialogue_page_with(&convenor, asked, &partnership, form, None)?.into_response())
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
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/partnerships/{id}/dialogues");
    let asked = Asked::posted(language, &path);
    let language = asked.language;
    let partnership = service::convened_partnership(&state, &convenor.current, Some(id)).await?;
    let fields = DialogueForm::from_form(&form);
    let csv_text = form.get("csv").unwrap_or_default();
    let parsed =
        parse_constituencies(language, &fields.constituencies).and_then(|constituencies| {
            parse_statements(language, &fields.statements, csv_text)
                .map(|statements| (constituencies, statements))
        });
    // The lines and the dates are checked here first, so that an error names the line or the
    // field at fault as the form does.
    let checked = parsed.and_then(|((constituencies, lines), (statements, rows))| {
        service::check_schedule(
            Some(&fields.opens_at),
            Some(&fields.closes_at),
            SCHEDULE_LABELS,
        )
        .and_then(|_| service::check_constituencies(&constituencies, &[], &lines))
        .and_then(|_| service::check_seed_statements(&statements, &rows))
        .map(|_| (constituencies, statements))
        .map_err(|error| form_error(language, &error).unwrap_or_else(|| said_in(language, &error)))
    });
    let message = match checked {
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
                opens_at: Some(fields.opens_at.clone()),
                closes_at: Some(fields.closes_at.clone()),
            };
            let visibility = visibility_choice(&fields.report_visibility).into();
            match service::create(&state, &convenor.current, &request, visibility).await {
                Ok(dialogue) => {
                    return Ok(see_other(&format!("/convenor/dialogues/{}", dialogue.id)));
                }
                Err(error) => form_error(language, &error).ok_or(error)?,
            }
        }
        Err(message) => message,
    };
    let body = new_dialogue_page_with(&convenor, asked, &partnership, fields, Some(message))?;
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
    moderation_policy: String,
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

fn export_links(language: Language, id: DialogueId) -> Vec<ExportLink> {
    let mut exports = vec![
        ExportLink {
            href: format!("/api/dialogues/{id}/export?format=json"),
            label: text(language, "convening-export-json", &[]),
        },
        ExportLink {
            href: format!("/api/dialogues/{id}/export?format=polis-zip"),
            label: text(language, "convening-export-polis-zip", &[]),
        },
    ];
    exports.extend(PolisCsvFiles::NAMES.iter().map(|name| ExportLink {
        href: format!("/api/dialogues/{id}/export/{name}"),
        label: text(
            language,
            "convening-export-polis-file",
            &[("name", (*name).into())],
        ),
    }));
    exports
}

/// Answers `GET /convenor/dialogues/{id}`: the participation dashboard and the dialogue's
/// actions.
pub async fn dialogue_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let language = asked.language;
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
    let summary = DialogueSummary::in_language(language, &dialogue, state.now_ms());
    let context = DialogueContext {
        layout: asked.layout(&convenor, summary.title.clone()),
        link_is_local: crate::event::service::is_local_link(&state.participant_url(dialogue.id)),
        participant_link: state.participant_url(dialogue.id),
        moderation_policy: moderation_policy_text(language, dialogue.settings.moderation),
        n_participants,
        n_voters: votes.voters,
        n_votes: votes.votes,
        n_vote_events: votes.vote_events,
        pending: statements.pending,
        accepted: statements.accepted,
        rejected: statements.rejected,
        constituencies,
        unaffiliated,
        exports: export_links(language, dialogue.id),
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
    /// The opening time as the date-and-time field shows it (UTC), or as typed.
    opens_at: String,
    /// The closing time, likewise.
    closes_at: String,
    /// Each constituency's population share as the form shows it, in the dialogue's order.
    population_shares: Vec<PopulationShareField>,
}

/// One constituency's population share field on the settings page.
#[derive(Serialize)]
struct PopulationShareField {
    name: String,
    value: String,
}

/// A constituency as its edit form shows it: as stored, or as typed when the form had an
/// error.
#[derive(Serialize, Default, Clone)]
struct ConstituencyFields {
    id: i64,
    /// The stored name, which names the row's form and buttons.
    label: String,
    name: String,
    share: String,
    kind: String,
    error: Option<String>,
}

/// A seed statement as its edit form shows it.
#[derive(Serialize)]
struct SeedFields {
    id: i64,
    text: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct SettingsContext {
    layout: Layout,
    dialogue: DialogueSummary,
    form: SettingsForm,
    constituencies: Vec<ConstituencyFields>,
    new_constituency: ConstituencyFields,
    seeds: Vec<SeedFields>,
    new_statements: String,
    notice: Option<String>,
    error: Option<String>,
}

/// The most seed statements the settings page lists for editing.
const SEEDS_SHOWN: u32 = 1000;

async fn settings_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    dialogue: &Dialogue,
    notice: Option<String>,
    error: Option<String>,
) -> Result<SettingsContext, PageError> {
    let settings = &dialogue.settings;
    let summary = DialogueSummary::in_language(asked.language, dialogue, state.now_ms());
    let seeds = state
        .store()
        .list_statements(
            dialogue.id,
            &store::StatementFilter {
                is_seed: Some(true),
                limit: Some(SEEDS_SHOWN),
                ..store::StatementFilter::default()
            },
        )
        .await
        .map_err(ApiError::from)?;
    Ok(SettingsContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "convening-settings-title",
                &[("title", summary.title.clone().into())],
            ),
        ),
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
            opens_at: dialogue
                .schedule
                .opens_at()
                .map(form_date_time)
                .unwrap_or_default(),
            closes_at: dialogue
                .schedule
                .closes_at()
                .map(form_date_time)
                .unwrap_or_default(),
            population_shares: dialogue
                .constituencies
                .iter()
                .map(|constituency| PopulationShareField {
                    name: constituency.name.as_str().to_owned(),
                    value: constituency
                        .population_share
                        .map(|share| service::share_percent(share.get()))
                        .unwrap_or_default(),
                })
                .collect(),
        },
        constituencies: dialogue
            .constituencies
            .iter()
            .map(|constituency| ConstituencyFields {
                id: constituency.id.get(),
                label: constituency.name.as_str().to_owned(),
                name: constituency.name.as_str().to_owned(),
                share: constituency
                    .expected_share
                    .map(|share| service::share_percent(share.get()))
                    .unwrap_or_default(),
                kind: constituency
                    .kind
                    .map(|kind| kind.as_str().to_owned())
                    .unwrap_or_default(),
                error: None,
            })
            .collect(),
        new_constituency: ConstituencyFields::default(),
        seeds: seeds
            .statements
            .iter()
            .map(|statement| SeedFields {
                id: statement.id.get(),
                text: statement.text.clone(),
                error: None,
            })
            .collect(),
        new_statements: String::new(),
        dialogue: summary,
        notice,
        error,
    })
}

/// The query string of the settings page after a change.
#[derive(Debug, Default, Deserialize)]
pub struct SettingsQuery {
    notice: Option<String>,
    added: Option<String>,
    skipped: Option<String>,
}

/// Returns the notice a settings page shows after a change; only numbers are ever printed.
fn settings_notice(language: Language, query: &SettingsQuery) -> Option<String> {
    let key = match query.notice.as_deref()? {
        "saved" => "convening-notice-saved",
        "constituency" => "convening-notice-constituency-added",
        "copied" => "convening-notice-copied",
        "constituency-saved" => "convening-notice-constituency-saved",
        "constituency-removed" => "convening-notice-constituency-removed",
        "statement-saved" => "convening-notice-seed-saved",
        "statement-removed" => "convening-notice-seed-removed",
        "statements" => {
            let added: u64 = query.added.as_deref()?.parse().ok()?;
            let skipped: u64 = query
                .skipped
                .as_deref()
                .and_then(|value| value.parse().ok())
                .unwrap_or(0);
            return Some(match skipped {
                0 => text(
                    language,
                    "convening-notice-statements-added",
                    &[("added", added.into())],
                ),
                _ => text(
                    language,
                    "convening-notice-statements-added-skipped",
                    &[("added", added.into()), ("skipped", skipped.into())],
                ),
            });
        }
        _ => return None,
    };
    Some(text(language, key, &[]))
}

/// Answers `GET /convenor/dialogues/{id}/settings`.
pub async fn settings_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    RawQuery(raw): RawQuery,
    query: Result<Query<SettingsQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let notice = settings_notice(asked.language, &query);
    let context = settings_context(&state, &convenor, asked, &dialogue, notice, None).await?;
    Ok(page("settings.html", context)?.into_response())
}

/// What a form posted from the settings page had typed, to show again with its error.
enum Typed<'a> {
    /// The settings form.
    Settings(&'a FormData),
    /// The form adding a constituency.
    NewConstituency(&'a FormData),
    /// The edit form of one constituency.
    Constituency(i64, &'a FormData),
    /// The form adding seed statements.
    NewStatements(&'a FormData),
    /// The edit form of one seed statement.
    Seed(i64, &'a FormData),
    /// A form with nothing typed (a removal).
    Nothing,
}

/// Ends a settings form: back to the settings with `notice` when the change was made, or the
/// settings again with the error and what was typed when the convenor can mend it.
async fn settings_outcome<T>(
    state: &AppState,
    convenor: &PageConvenor,
    language: Language,
    id: DialogueId,
    outcome: Result<T, ApiError>,
    notice: &str,
    typed: Typed<'_>,
) -> Result<Response, PageError> {
    match outcome {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/dialogues/{id}/settings?notice={notice}"
        ))),
        Err(error) => {
            let language = language.within(&REPRESENTATIVE_LANGUAGES);
            let message = form_error(language, &error).ok_or(error)?;
            settings_error(state, convenor, language, id, message, typed).await
        }
    }
}

/// Shows the settings page again with what was wrong in a form posted from it, keeping what
/// was typed in that form; the error is also shown next to the form's row.
async fn settings_error(
    state: &AppState,
    convenor: &PageConvenor,
    language: Language,
    id: DialogueId,
    message: String,
    typed: Typed<'_>,
) -> Result<Response, PageError> {
    let dialogue = convenor.current.dialogue(state, id).await?;
    // The page is read again at the settings' own address, whichever form was posted.
    let path = format!("/convenor/dialogues/{id}/settings");
    let asked = Asked::posted(language, &path);
    let error = Some(message.clone());
    let mut context = settings_context(state, convenor, asked, &dialogue, None, error).await?;
    let typed_constituency = |row: i64, label: String, form: &FormData| ConstituencyFields {
        id: row,
        label,
        name: form.text("name").to_owned(),
        share: form.text("expected_share").to_owned(),
        kind: form.text("kind").to_owned(),
        error: Some(message.clone()),
    };
    match typed {
        Typed::Settings(form) => {
            context.form.title = form.text("title").to_owned();
            context.form.question = form.text("question").to_owned();
            context.form.description = form.text("description").to_owned();
            context.form.opens_at = form.text("opens_at").to_owned();
            context.form.closes_at = form.text("closes_at").to_owned();
            for (index, field) in context.form.population_shares.iter_mut().enumerate() {
                field.value = form.text(&format!("population_share_{index}")).to_owned();
            }
        }
        Typed::NewConstituency(form) => {
            context.new_constituency = typed_constituency(0, String::new(), form);
        }
        Typed::Constituency(row, form) => {
            if let Some(fields) = context.constituencies.iter_mut().find(|c| c.id == row) {
                *fields = typed_constituency(row, fields.label.clone(), form);
            }
        }
        Typed::NewStatements(form) => {
            context.new_statements = form.get("statements").unwrap_or_default().to_owned();
        }
        Typed::Seed(row, form) => {
            if let Some(fields) = context.seeds.iter_mut().find(|seed| seed.id == row) {
                fields.text = form.get("text").unwrap_or_default().to_owned();
                fields.error = Some(message.clone());
            }
        }
        Typed::Nothing => {}
    }
    Ok(unprocessable(page("settings.html", context)?))
}

/// Answers `POST /convenor/dialogues/{id}/settings`: saves the settings.
pub async fn update_settings(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    // What is wrong is said in the page's language, one of the representatives'.
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
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
        opens_at: Some(Some(form.text("opens_at").to_owned())),
        closes_at: Some(Some(form.text("closes_at").to_owned())),
    };
    if let Err(error) = service::check_schedule(
        Some(form.text("opens_at")),
        Some(form.text("closes_at")),
        SCHEDULE_LABELS,
    ) {
        let message = form_error(language, &error).ok_or(error)?;
        return settings_error(
            &state,
            &convenor,
            language,
            id,
            message,
            Typed::Settings(&form),
        )
        .await;
    }
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let mut shares = BTreeMap::new();
    for (index, constituency) in dialogue.constituencies.iter().enumerate() {
        let name = constituency.name.as_str();
        match share_field(form.text(&format!("population_share_{index}"))) {
            Ok(share) => {
                shares.insert(name.to_owned(), share);
            }
            Err(typed) => {
                let message = text(
                    language,
                    "convening-error-population-share",
                    &[
                        ("name", name.into()),
                        ("typed", format!("{typed:?}").into()),
                    ],
                );
                let typed = Typed::Settings(&form);
                return settings_error(&state, &convenor, language, id, message, typed).await;
            }
        }
    }
    // A time shown unchanged (to the minute) keeps its stored value to the millisecond.
    let typed_time = |field: &str, stored: Option<i64>| {
        let typed = form.text(field);
        (stored.map(form_date_time).as_deref() != Some(typed.trim()))
            .then(|| Some(typed.to_owned()))
    };
    let change = UpdateDialogueRequest {
        population_shares: Some(shares),
        opens_at: typed_time("opens_at", dialogue.schedule.opens_at()),
        closes_at: typed_time("closes_at", dialogue.schedule.closes_at()),
        ..change
    };
    match service::update_settings(&state, &convenor.current, id, &change).await {
        Ok(_) => Ok(see_other(&format!(
            "/convenor/dialogues/{id}/settings?notice=saved"
        ))),
        Err(error) => {
            let message = form_error(language, &error).ok_or(error)?;
            let typed = Typed::Settings(&form);
            settings_error(&state, &convenor, language, id, message, typed).await
        }
    }
}

/// Answers `POST /convenor/dialogues/{id}/constituencies`: adds one constituency.
pub async fn add_constituency(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    // What is wrong is said in the page's language, one of the representatives'.
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
    let parsed = constituency_fields(
        form.text("name"),
        form.text("expected_share"),
        form.text("kind"),
    );
    let message = match parsed {
        Ok(body) => match service::add_constituency(&state, &convenor.current, id, &body).await {
            Ok(()) => {
                return Ok(see_other(&format!(
                    "/convenor/dialogues/{id}/settings?notice=constituency"
                )));
            }
            Err(error) => form_error(language, &error).ok_or(error)?,
        },
        Err(error) => {
            // Only a convenor of the dialogue learns what is wrong with a form posted to it.
            convenor.current.dialogue(&state, id).await?;
            error.message(language, None)
        }
    };
    let typed = Typed::NewConstituency(&form);
    settings_error(&state, &convenor, language, id, message, typed).await
}

/// Answers `POST /convenor/dialogues/{id}/constituencies/{constituency}`: changes one
/// constituency's name, expected share and kind.
pub async fn update_constituency(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath((id, constituency)): ApiPath<(DialogueId, ConstituencyId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    // What is wrong is said in the page's language, one of the representatives'.
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
    convenor.current.dialogue(&state, id).await?;
    let parsed = constituency_fields(
        form.text("name"),
        form.text("expected_share"),
        form.text("kind"),
    );
    let message = match parsed {
        Ok(body) => {
            match service::update_constituency(&state, &convenor.current, id, constituency, &body)
                .await
            {
                Ok(_) => {
                    return Ok(see_other(&format!(
                        "/convenor/dialogues/{id}/settings?notice=constituency-saved"
                    )));
                }
                Err(error) => form_error(language, &error).ok_or(error)?,
            }
        }
        Err(error) => error.message(language, None),
    };
    let typed = Typed::Constituency(constituency.get(), &form);
    settings_error(&state, &convenor, language, id, message, typed).await
}

/// Answers `POST /convenor/dialogues/{id}/constituencies/{constituency}/remove`.
pub async fn remove_constituency(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath((id, constituency)): ApiPath<(DialogueId, ConstituencyId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let outcome = service::remove_constituency(&state, &convenor.current, id, constituency).await;
    settings_outcome(
        &state,
        &convenor,
        language,
        id,
        outcome,
        "constituency-removed",
        Typed::Nothing,
    )
    .await
}

/// Reads the seed statements of a form and checks each one, saying which line is wrong.
fn seed_statements(language: Language, form: &FormData) -> Result<Vec<StatementText>, String> {
    let (texts, places) = parse_statements(
        language,
        form.get("statements").unwrap_or_default(),
        form.get("csv").unwrap_or_default(),
    )?;
    service::check_seed_statements(&texts, &places)
        .map_err(|error| form_error(language, &error).unwrap_or_else(|| said_in(language, &error)))
}

/// Answers `POST /convenor/dialogues/{id}/statements`: adds seed statements, leaving out those
/// the dialogue already has.
pub async fn add_statements(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    // What is wrong is said in the page's language, one of the representatives'.
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
    // Only a convenor of the dialogue learns what is wrong with a form posted to it.
    convenor.current.dialogue(&state, id).await?;
    let texts = match seed_statements(language, &form) {
        Ok(texts) => texts,
        Err(message) => {
            let typed = Typed::NewStatements(&form);
            return settings_error(&state, &convenor, language, id, message, typed).await;
        }
    };
    let seeds = service::add_seed_statements(&state, &convenor.current, id, texts).await?;
    Ok(see_other(&format!(
        "/convenor/dialogues/{id}/settings?notice=statements&added={}&skipped={}",
        seeds.added, seeds.skipped
    )))
}

/// Answers `POST /convenor/dialogues/{id}/seed-statements/{statement}`: rewrites a seed
/// statement nobody has voted on.
pub async fn edit_seed_statement(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let text = form.get("text").unwrap_or_default();
    let outcome =
        service::edit_seed_statement(&state, &convenor.current, id, statement, text).await;
    let typed = Typed::Seed(statement.get(), &form);
    let saved = "statement-saved";
    settings_outcome(&state, &convenor, language, id, outcome, saved, typed).await
}

/// Answers `POST /convenor/dialogues/{id}/seed-statements/{statement}/remove`.
pub async fn remove_seed_statement(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath((id, statement)): ApiPath<(DialogueId, StatementId)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let outcome = service::remove_seed_statement(&state, &convenor.current, id, statement).await;
    settings_outcome(
        &state,
        &convenor,
        language,
        id,
        outcome,
        "statement-removed",
        Typed::Nothing,
    )
    .await
}

/// Answers `POST /convenor/dialogues/{id}/copy`: makes a copy of the dialogue and opens its
/// settings.
pub async fn copy(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let copied = service::copy(&state, &convenor.current, id).await?;
    Ok(see_other(&format!(
        "/convenor/dialogues/{}/settings?notice=copied",
        copied.id
    )))
}

#[derive(Serialize)]
struct CloseContext {
    layout: Layout,
    dialogue: DialogueSummary,
}

/// Answers `GET /convenor/dialogues/{id}/close`: asks whether to close the dialogue, saying
/// what closing does.
pub async fn close_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let dialogue = convenor.current.dialogue(&state, id).await?;
    let summary = DialogueSummary::in_language(asked.language, &dialogue, state.now_ms());
    let title = asked.text(
        "convening-close-title",
        &[("title", summary.title.clone().into())],
    );
    let context = CloseContext {
        layout: asked.layout(&convenor, title),
        dialogue: summary,
    };
    Ok(page("close.html", context)?.into_response())
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
        let (parsed, places) = parse_constituencies(
            Language::English,
            "Carer | 20% | lay\n\nGP|0.1|professional\nResident",
        )
        .unwrap();
        assert_eq!(
            places.places,
            vec![Place::Line(1), Place::Line(3), Place::Line(4)]
        );
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
        let error = parse_constituencies(Language::English, "Carer | lots").unwrap_err();
        assert_eq!(
            error,
            "Constituencies line 1: the expected share \"lots\" is not a percentage such as 15%."
        );
        let error = parse_constituencies(Language::English, "A\nB | 5% | expert").unwrap_err();
        assert_eq!(
            error,
            "Constituencies line 2: \"expert\" should be \"lay\" or \"professional\"."
        );
        let error = parse_constituencies(Language::Welsh, "A\nB | 5% | expert").unwrap_err();
        assert!(error.starts_with("Etholaethau, llinell 2:"), "{error}");
    }

    #[test]
    fn statements_come_from_lines_and_the_first_csv_column() {
        let (statements, places) = parse_statements(
            Language::English,
            "First\n\n  Second  \n",
            "statement,author\n\"Third, with a comma\",x\nFourth\n",
        )
        .unwrap();
        assert_eq!(
            places.places,
            vec![
                Place::Line(1),
                Place::Line(3),
                Place::CsvRow(2),
                Place::CsvRow(3)
            ]
        );
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
            settings_notice(Language::English, &query).as_deref(),
            Some("3 statements added; 1 were already in the dialogue and were left out.")
        );
        assert_eq!(
            settings_notice(Language::Welsh, &query).as_deref(),
            Some(
                "Datganiadau a ychwanegwyd: 3. Roedd 1 yn y drafodaeth eisoes, felly cawsant eu gadael allan."
            )
        );
        let query = SettingsQuery {
            added: Some("<b>".to_owned()),
            ..query
        };
        assert_eq!(settings_notice(Language::English, &query), None);
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
