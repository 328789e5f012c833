//! The facilitation pages: the convenor's page that invites facilitators, the printable card
//! sheet, and the entry screen a facilitator keys cards on, one submit per card.
//!
//! The entry screen is built for speed from the keyboard: the code field has the focus, each
//! statement's agree, disagree and pass boxes are one radio group (arrow keys move within it,
//! Tab to the next statement), and Enter saves the card and brings the next blank one with
//! the channel kept. Everything works without JavaScript.
//!
//! Every page is in the reader's language, among all five: a sheet is printed for the people
//! who fill its cards in, and shows each statement in the sheet's language when the dialogue
//! has a translation of it.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use fluent_bundle::FluentValue;
use model::{DialogueId, Email, EmailError, StatementId, StatementText, VoteChannel, VoteChoice};
use serde::{Deserialize, Serialize};
use store::InvitationStatus;

use super::service::{self, CardEntry, CardLayout};
use crate::dialogues::DialogueSummary;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::partnerships::api::invitation_link;
use crate::state::AppState;
use crate::time::rfc3339;
use crate::versions::service::{self as versions, Readings};
use crate::web::catalogue::{date_time, text};
use crate::web::forms::FormData;
use crate::web::language::{Direction, Language};
use crate::web::page_error::{PageError, said_in};
use crate::web::refusals::text_refusal;
use crate::web::render::{Layout, page};
use crate::web::security::PageConvenor;
use crate::web::see_other;

/// Cards a sheet prints unless asked for another number.
const DEFAULT_CARDS: u32 = 20;

/// Returns the message `key` with the dialogue's title, for a page's title.
fn titled(language: Language, key: &str, summary: &DialogueSummary) -> String {
    text(language, key, &[("title", summary.title.clone().into())])
}

/// One statement as a card prints it and the entry screen asks about it.
#[derive(Serialize)]
struct CardStatement {
    id: i64,
    /// Its number on the card, from 1.
    number: usize,
    /// The statement in the page's language when the dialogue has it so, else as written.
    text: String,
    /// The language of the text shown, and which way it runs.
    lang: &'static str,
    dir: Direction,
    /// The box ticked on the card being keyed again after a refusal.
    ticked: Option<&'static str>,
}

fn card_statements(
    layout: &CardLayout,
    readings: &Readings,
    language: Language,
    form: Option<&FormData>,
) -> Vec<CardStatement> {
    layout
        .statements
        .iter()
        .enumerate()
        .map(|(index, statement)| {
            let reading = readings.read(statement, language, false);
            CardStatement {
                id: statement.id.get(),
                number: index + 1,
                text: reading.text,
                lang: reading.lang,
                dir: reading.dir,
                ticked: form.and_then(|form| match form.get(&vote_field(statement.id.get())) {
                    Some("agree") => Some("agree"),
                    Some("disagree") => Some("disagree"),
                    Some("pass") => Some("pass"),
                    _ => None,
                }),
            }
        })
        .collect()
}

/// The form field of a statement's boxes.
fn vote_field(statement: i64) -> String {
    format!("s{statement}")
}

#[derive(Serialize)]
struct ConstituencyBox {
    name: String,
    is_ticked: bool,
}

#[derive(Serialize)]
struct SheetCard {
    code: String,
}

#[derive(Serialize)]
struct SheetContext {
    layout: Layout,
    dialogue: DialogueSummary,
    cards: Vec<SheetCard>,
    statements: Vec<CardStatement>,
    constituencies: Vec<String>,
    n_cards: u32,
    max_cards: u32,
}

/// `?cards=N`: how many cards a sheet prints.
#[derive(Debug, Deserialize)]
pub struct SheetQuery {
    cards: Option<u32>,
}

/// Answers `GET /facilitator/dialogues/{id}/sheet`: a printable sheet of cards, one per
/// person, each with its own participant code, the statements with agree, disagree and pass
/// boxes, and the constituency boxes, in the language the sheet is asked for.
pub async fn sheet(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    RawQuery(raw): RawQuery,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<SheetQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let max = ("max", FluentValue::from(service::MAX_CARDS));
    let Ok(Query(query)) = query else {
        return Err(PageError::new(
            StatusCode::BAD_REQUEST,
            text(language, "facilitation-error-cards-number", &[max]),
        ));
    };
    let layout = service::card_layout(&state, &convenor.current, id).await?;
    let n_cards = query.cards.unwrap_or(DEFAULT_CARDS);
    // The service refuses the same numbers; the page says why in the reader's language.
    if !(1..=service::MAX_CARDS).contains(&n_cards) {
        return Err(PageError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            text(language, "facilitation-error-sheet-size", &[max]),
        ));
    }
    let codes = service::card_codes(n_cards)?;
    let readings = versions::readings(&state, layout.dialogue.id).await?;
    let summary = DialogueSummary::of(&layout.dialogue, state.now_ms());
    let title = titled(language, "facilitation-sheet-title", &summary);
    let context = SheetContext {
        layout: convenor.public_layout(language, raw.as_deref(), title),
        cards: codes.into_iter().map(|code| SheetCard { code }).collect(),
        statements: card_statements(&layout, &readings, language, None),
        constituencies: layout
            .dialogue
            .constituencies
            .iter()
            .map(|constituency| constituency.name.as_str().to_owned())
            .collect(),
        n_cards,
        max_cards: service::MAX_CARDS,
        dialogue: summary,
    };
    Ok(page("sheet.html", context)?.into_response())
}

#[derive(Serialize)]
struct EntryContext {
    layout: Layout,
    dialogue: DialogueSummary,
    statements: Vec<CardStatement>,
    constituencies: Vec<ConstituencyBox>,
    /// `paper` or `facilitated`, kept from one card to the next.
    channel: &'static str,
    /// The code typed, kept after a refusal.
    code: String,
    /// The confirmation of the card saved just before.
    saved: Option<String>,
    /// Why the card was refused.
    error: Option<String>,
    /// Set when the code was keyed before: the form then offers to replace that card.
    already_entered: bool,
    statement_notice: Option<String>,
    statement_error: Option<String>,
    statement_code: String,
    statement_text: String,
}

/// What the entry screen says after a save, from its address.
#[derive(Debug, Deserialize)]
pub struct EntryQuery {
    channel: Option<String>,
    saved: Option<String>,
    votes: Option<usize>,
    replaced: Option<bool>,
    statement: Option<String>,
}

fn channel_of(text: Option<&str>) -> Option<VoteChannel> {
    match text {
        Some("paper") => Some(VoteChannel::Paper),
        Some("facilitated") => Some(VoteChannel::Facilitated),
        _ => None,
    }
}

fn channel_name(channel: VoteChannel) -> &'static str {
    match channel {
        VoteChannel::Facilitated => "facilitated",
        VoteChannel::Paper | VoteChannel::Online => "paper",
    }
}

/// The entry screen's address, where the screen is read again whichever form it answers.
fn entry_path(id: DialogueId) -> String {
    format!("/facilitator/dialogues/{id}/cards")
}

/// How the entry screen was asked for: its language, with the query string the switcher
/// keeps, or the address it is read again at when it answers a form.
struct Asked<'a> {
    language: Language,
    query: Option<&'a str>,
    path: Option<String>,
}

async fn entry_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: &Asked<'_>,
    layout: &CardLayout,
    form: Option<&FormData>,
    channel: VoteChannel,
) -> Result<EntryContext, ApiError> {
    let language = asked.language;
    let readings = versions::readings(state, layout.dialogue.id).await?;
    let summary = DialogueSummary::of(&layout.dialogue, state.now_ms());
    let ticked: Vec<&str> = form
        .map(|form| form.get_all("constituency"))
        .unwrap_or_default();
    let title = titled(language, "facilitation-entry-title", &summary);
    let mut page_layout = convenor.public_layout(language, asked.query, title);
    if let Some(path) = &asked.path {
        page_layout.language = page_layout.language.at(path);
    }
    Ok(EntryContext {
        layout: page_layout,
        statements: card_statements(layout, &readings, language, form),
        constituencies: layout
            .dialogue
            .constituencies
            .iter()
            .map(|constituency| ConstituencyBox {
                name: constituency.name.as_str().to_owned(),
                is_ticked: ticked.contains(&constituency.name.as_str()),
            })
            .collect(),
        channel: channel_name(channel),
        code: form
            .map(|form| form.text("code").to_owned())
            .unwrap_or_default(),
        saved: None,
        error: None,
        already_entered: false,
        statement_notice: None,
        statement_error: None,
        statement_code: String::new(),
        statement_text: String::new(),
        dialogue: summary,
    })
}

/// Answers `GET /facilitator/dialogues/{id}/cards`: a blank card to key, with the
/// confirmation of the card saved before it.
pub async fn entry(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    RawQuery(raw): RawQuery,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<EntryQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let layout = service::card_layout(&state, &convenor.current, id).await?;
    let query = query.ok().map(|Query(query)| query);
    let channel = query
        .as_ref()
        .and_then(|query| channel_of(query.channel.as_deref()))
        .unwrap_or(VoteChannel::Paper);
    let asked = Asked {
        language,
        query: raw.as_deref(),
        path: None,
    };
    let mut context = entry_context(&state, &convenor, &asked, &layout, None, channel).await?;
    if let Some(query) = query {
        // Only a well-formed code is echoed, so the address cannot put other words on the page.
        if let Some(code) = query
            .saved
            .as_deref()
            .and_then(|code| service::parse_code(code).ok())
        {
            let key = if query.replaced == Some(true) {
                "facilitation-replaced"
            } else {
                "facilitation-saved"
            };
            let votes = query.votes.unwrap_or(0);
            context.saved = Some(text(
                language,
                key,
                &[("code", code.into()), ("count", votes.into())],
            ));
        }
        if let Some(code) = query
            .statement
            .as_deref()
            .and_then(|code| service::parse_code(code).ok())
        {
            context.statement_notice = Some(text(
                language,
                "facilitation-statement-sent",
                &[("code", code.into())],
            ));
        }
    }
    Ok(page("entry.html", context)?.into_response())
}

/// Reads the boxes ticked on the card: one radio group per statement on the card.
fn ticked_votes(layout: &CardLayout, form: &FormData) -> Vec<(StatementId, VoteChoice)> {
    layout
        .statements
        .iter()
        .filter_map(|statement| {
            let choice = match form.get(&vote_field(statement.id.get()))? {
                "agree" => VoteChoice::Agree,
                "disagree" => VoteChoice::Disagree,
                "pass" => VoteChoice::Pass,
                _ => return None,
            };
            Some((statement.id, choice))
        })
        .collect()
}

/// Says in the page's language what is wrong with a participant code as typed, if anything;
/// the service checks it again.
fn code_refusal(language: Language, code: &str) -> Option<String> {
    let code = code.trim();
    if code.is_empty() {
        return Some(text(language, "facilitation-error-code-empty", &[]));
    }
    service::parse_code(code).is_err().then(|| {
        text(
            language,
            "facilitation-error-code-invalid",
            &[("max", service::MAX_CODE_LENGTH.into())],
        )
    })
}

/// Says in the page's language why the service refused a card or a statement: each refusal
/// the entry screen's forms can meet, and the service's own words for any other.
fn refusal(language: Language, layout: &CardLayout, form: &FormData, error: &ApiError) -> String {
    let say = |key: &str, args: &[(&str, FluentValue<'_>)]| text(language, key, args);
    if let ApiError::DuplicateStatement { existing } = error {
        return say(
            "facilitation-error-duplicate",
            &[("id", (*existing).into())],
        );
    }
    match error.code() {
        ErrorCode::Conflict => say("facilitation-error-keyed-already", &[]),
        ErrorCode::StatementNotFound => say("facilitation-error-statement-not-found", &[]),
        ErrorCode::DialogueClosed => say("facilitation-error-closed", &[]),
        ErrorCode::StatementsDisabled => say("facilitation-error-statements-paused", &[]),
        ErrorCode::NotFound => say("facilitation-error-no-card", &[]),
        ErrorCode::DialogueNotOpen => match layout.dialogue.schedule.opens_at() {
            Some(opens) => say(
                "facilitation-error-not-open",
                &[
                    ("opens", date_time(language, opens).into()),
                    ("stamp", rfc3339(opens).into()),
                ],
            ),
            None => said_in(language, error),
        },
        ErrorCode::ConstituencyNotFound => {
            // The first ticked name the dialogue does not have, as the service found it.
            let unknown = form.get_all("constituency").into_iter().find(|name| {
                !layout
                    .dialogue
                    .constituencies
                    .iter()
                    .any(|constituency| constituency.name.as_str() == name.trim())
            });
            match unknown {
                Some(name) => say(
                    "facilitation-error-constituency",
                    &[("name", name.to_owned().into())],
                ),
                None => said_in(language, error),
            }
        }
        ErrorCode::ValidationFailed => match code_refusal(language, form.text("code")) {
            Some(refused) => refused,
            None => match StatementText::parse(form.text("text")) {
                Err(refused) if form.get("text").is_some() => text_refusal(language, &refused),
                _ => said_in(language, error),
            },
        },
        _ => said_in(language, error),
    }
}

/// Answers `POST /facilitator/dialogues/{id}/cards`: saves the card and brings the next blank
/// one; a refused card comes back as keyed, with the reason, and a code keyed before comes
/// back with the offer to replace that card.
pub async fn enter(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let layout = service::card_layout(&state, &convenor.current, id).await?;
    let Some(channel) = channel_of(form.get("channel")) else {
        return Err(PageError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            text(language, "facilitation-error-channel", &[]),
        ));
    };
    let votes = ticked_votes(&layout, &form);
    let constituencies: Vec<String> = form
        .get_all("constituency")
        .into_iter()
        .map(str::to_owned)
        .collect();
    let entry = CardEntry {
        code: form.text("code"),
        constituencies: &constituencies,
        votes: &votes,
        channel,
        replace: form.get("replace") == Some("yes"),
    };
    match service::enter_card(&state, &convenor.current, id, &entry).await {
        Ok(receipt) => {
            let code = service::parse_code(form.text("code"))?;
            Ok(see_other(&format!(
                "/facilitator/dialogues/{id}/cards?channel={}&votes={}&replaced={}&saved={code}",
                channel_name(channel),
                receipt.outcomes.len(),
                !receipt.is_new
            )))
        }
        Err(error @ (ApiError::Client { .. } | ApiError::DuplicateStatement { .. })) => {
            let status = error.code().status();
            let asked = Asked {
                language,
                query: None,
                path: Some(entry_path(id)),
            };
            let mut context =
                entry_context(&state, &convenor, &asked, &layout, Some(&form), channel).await?;
            context.already_entered = error.code() == ErrorCode::Conflict;
            context.error = Some(refusal(language, &layout, &form, &error));
            Ok((status, page("entry.html", context)?).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// Answers `POST /facilitator/dialogues/{id}/statements`: a statement written on a keyed
/// card, or said to a facilitator, as that card's participant's statement.
pub async fn submit_statement(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let code = form.text("code");
    match service::submit_statement(&state, &convenor.current, id, code, form.text("text")).await {
        Ok(_) => {
            let code = service::parse_code(code)?;
            Ok(see_other(&format!(
                "/facilitator/dialogues/{id}/cards?statement={code}"
            )))
        }
        Err(error @ (ApiError::Client { .. } | ApiError::DuplicateStatement { .. })) => {
            let status = error.code().status();
            let layout = service::card_layout(&state, &convenor.current, id).await?;
            let asked = Asked {
                language,
                query: None,
                path: Some(entry_path(id)),
            };
            let mut context =
                entry_context(&state, &convenor, &asked, &layout, None, VoteChannel::Paper).await?;
            context.statement_error = Some(refusal(language, &layout, &form, &error));
            context.statement_code = code.to_owned();
            context.statement_text = form.text("text").to_owned();
            Ok((status, page("entry.html", context)?).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Serialize)]
struct InvitationRow {
    email: Option<String>,
    status: String,
    created_at: String,
    expires_at: String,
}

/// Names an invitation's state in the page's language.
fn status_label(language: Language, status: InvitationStatus) -> String {
    let key = match status {
        InvitationStatus::Pending => "facilitation-status-pending",
        InvitationStatus::Accepted => "facilitation-status-accepted",
        InvitationStatus::Revoked => "facilitation-status-revoked",
        InvitationStatus::Expired => "facilitation-status-expired",
    };
    text(language, key, &[])
}

#[derive(Serialize)]
struct FacilitatorsContext {
    layout: Layout,
    dialogue: DialogueSummary,
    facilitators: Vec<String>,
    invitations: Vec<InvitationRow>,
    /// The link of the invitation just made, shown once.
    new_link: Option<String>,
    error: Option<String>,
    email: String,
}

async fn facilitators_context(
    state: &AppState,
    convenor: &PageConvenor,
    language: Language,
    id: DialogueId,
) -> Result<FacilitatorsContext, ApiError> {
    let dialogue = convenor.current.dialogue(state, id).await?;
    let facilitators = service::list_facilitators(state, &convenor.current, id).await?;
    let now = state.now_ms();
    let invitations = service::list_facilitator_invitations(state, &convenor.current, id)
        .await?
        .iter()
        .map(|invitation| InvitationRow {
            email: invitation
                .email
                .as_ref()
                .map(|email| email.as_str().to_owned()),
            status: status_label(language, invitation.status(now)),
            created_at: rfc3339(invitation.created_at),
            expires_at: rfc3339(invitation.expires_at),
        })
        .collect();
    let summary = DialogueSummary::of(&dialogue, now);
    let title = titled(language, "facilitation-facilitators-title", &summary);
    Ok(FacilitatorsContext {
        layout: convenor.public_layout(language, None, title),
        dialogue: summary,
        facilitators,
        invitations,
        new_link: None,
        error: None,
        email: String::new(),
    })
}

/// Answers `GET /convenor/dialogues/{id}/facilitators`: the dialogue's facilitators and
/// invitations, with the form to invite one (its convenors).
pub async fn facilitators(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let context = facilitators_context(&state, &convenor, language, id).await?;
    Ok(page("facilitators.html", context)?.into_response())
}

/// Says in the page's language what is wrong with the address an invitation is for.
fn email_refusal(language: Language, error: &EmailError) -> String {
    let key = match error {
        // A blank address invites anyone with the link, so the form never meets this one.
        EmailError::Empty | EmailError::Malformed => "facilitation-error-email-malformed",
        EmailError::TooLong => "facilitation-error-email-too-long",
    };
    text(language, key, &[])
}

/// Answers `POST /convenor/dialogues/{id}/facilitators`: makes an invitation and shows its
/// link, once.
pub async fn invite(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let email = form.get("email");
    match service::invite_facilitator(&state, &convenor.current, id, email, None).await {
        Ok((_, token)) => {
            let mut context = facilitators_context(&state, &convenor, language, id).await?;
            context.new_link = Some(invitation_link(&state, &token));
            Ok((StatusCode::CREATED, page("facilitators.html", context)?).into_response())
        }
        Err(error @ ApiError::Client { .. }) => {
            let status = error.code().status();
            let mut context = facilitators_context(&state, &convenor, language, id).await?;
            let typed = form.text("email").trim();
            context.error = Some(match Email::parse(typed) {
                Err(refused) if !typed.is_empty() => email_refusal(language, &refused),
                _ => said_in(language, &error),
            });
            context.email = form.text("email").to_owned();
            Ok((status, page("facilitators.html", context)?).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
