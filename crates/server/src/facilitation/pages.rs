//! The facilitation pages: the convenor's page that invites facilitators, the printable card
//! sheet, and the entry screen a facilitator keys cards on, one submit per card.
//!
//! The entry screen is built for speed from the keyboard: the code field has the focus, each
//! statement's agree, disagree and pass boxes are one radio group (arrow keys move within it,
//! Tab to the next statement), and Enter saves the card and brings the next blank one with
//! the channel kept. Everything works without JavaScript.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::{Query, QueryRejection};
use model::{DialogueId, StatementId, VoteChannel, VoteChoice};
use serde::{Deserialize, Serialize};

use super::service::{self, CardEntry, CardLayout};
use crate::dialogues::DialogueSummary;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::partnerships::api::{invitation_link, status_name};
use crate::state::AppState;
use crate::time::rfc3339;
use crate::web::forms::FormData;
use crate::web::page_error::{PageError, sentence};
use crate::web::render::{Layout, page};
use crate::web::security::PageConvenor;
use crate::web::see_other;

/// Cards a sheet prints unless asked for another number.
const DEFAULT_CARDS: u32 = 20;

/// One statement as a card prints it and the entry screen asks about it.
#[derive(Serialize)]
struct CardStatement {
    id: i64,
    /// Its number on the card, from 1.
    number: usize,
    text: String,
    /// The box ticked on the card being keyed again after a refusal.
    ticked: Option<&'static str>,
}

fn card_statements(layout: &CardLayout, form: Option<&FormData>) -> Vec<CardStatement> {
    layout
        .statements
        .iter()
        .enumerate()
        .map(|(index, statement)| CardStatement {
            id: statement.id.get(),
            number: index + 1,
            text: statement.text.clone(),
            ticked: form.and_then(|form| match form.get(&vote_field(statement.id.get())) {
                Some("agree") => Some("agree"),
                Some("disagree") => Some("disagree"),
                Some("pass") => Some("pass"),
                _ => None,
            }),
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
/// boxes, and the constituency boxes.
pub async fn sheet(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<SheetQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let Ok(Query(query)) = query else {
        return Err(PageError::new(
            StatusCode::BAD_REQUEST,
            format!(
                "Ask for a number of cards from 1 to {}.",
                service::MAX_CARDS
            ),
        ));
    };
    let layout = service::card_layout(&state, &convenor.current, id).await?;
    let n_cards = query.cards.unwrap_or(DEFAULT_CARDS);
    let codes = service::card_codes(n_cards)?;
    let summary = DialogueSummary::of(&layout.dialogue, state.now_ms());
    let context = SheetContext {
        layout: convenor.layout(format!("Cards · {}", summary.title)),
        cards: codes.into_iter().map(|code| SheetCard { code }).collect(),
        statements: card_statements(&layout, None),
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

fn entry_context(
    state: &AppState,
    convenor: &PageConvenor,
    layout: &CardLayout,
    form: Option<&FormData>,
    channel: VoteChannel,
) -> EntryContext {
    let summary = DialogueSummary::of(&layout.dialogue, state.now_ms());
    let ticked: Vec<&str> = form
        .map(|form| form.get_all("constituency"))
        .unwrap_or_default();
    EntryContext {
        layout: convenor.layout(format!("Key cards · {}", summary.title)),
        statements: card_statements(layout, form),
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
    }
}

/// Answers `GET /facilitator/dialogues/{id}/cards`: a blank card to key, with the
/// confirmation of the card saved before it.
pub async fn entry(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    query: Result<Query<EntryQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let layout = service::card_layout(&state, &convenor.current, id).await?;
    let query = query.ok().map(|Query(query)| query);
    let channel = query
        .as_ref()
        .and_then(|query| channel_of(query.channel.as_deref()))
        .unwrap_or(VoteChannel::Paper);
    let mut context = entry_context(&state, &convenor, &layout, None, channel);
    if let Some(query) = query {
        // Only a well-formed code is echoed, so the address cannot put other words on the page.
        if let Some(code) = query
            .saved
            .as_deref()
            .and_then(|code| service::parse_code(code).ok())
        {
            let votes = query.votes.unwrap_or(0);
            let counted = if votes == 1 {
                "1 vote".to_owned()
            } else {
                format!("{votes} votes")
            };
            context.saved = Some(if query.replaced == Some(true) {
                format!("Card {code} replaced the card keyed before with that code: {counted}.")
            } else {
                format!("Card {code} saved: {counted}, a new participant.")
            });
        }
        if let Some(code) = query
            .statement
            .as_deref()
            .and_then(|code| service::parse_code(code).ok())
        {
            context.statement_notice = Some(format!(
                "The statement from card {code} was sent to the dialogue, moderated like every participant's."
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

/// Answers `POST /facilitator/dialogues/{id}/cards`: saves the card and brings the next blank
/// one; a refused card comes back as keyed, with the reason, and a code keyed before comes
/// back with the offer to replace that card.
pub async fn enter(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let layout = service::card_layout(&state, &convenor.current, id).await?;
    let Some(channel) = channel_of(form.get("channel")) else {
        return Err(PageError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Choose whether the card is a paper card or was filled in with a facilitator.",
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
            let mut context = entry_context(&state, &convenor, &layout, Some(&form), channel);
            context.already_entered = error.code() == ErrorCode::Conflict;
            context.error = Some(if context.already_entered {
                "A card with this participant code was keyed already. If this card corrects it, replace the earlier card; if it is another person's card, check the code."
                    .to_owned()
            } else {
                sentence(&error.to_string())
            });
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
            let mut context = entry_context(&state, &convenor, &layout, None, VoteChannel::Paper);
            context.statement_error = Some(sentence(&error.to_string()));
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
    status: &'static str,
    created_at: String,
    expires_at: String,
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
            status: status_name(invitation.status(now)),
            created_at: rfc3339(invitation.created_at),
            expires_at: rfc3339(invitation.expires_at),
        })
        .collect();
    let summary = DialogueSummary::of(&dialogue, now);
    Ok(FacilitatorsContext {
        layout: convenor.layout(format!("Facilitators · {}", summary.title)),
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
    ApiPath(id): ApiPath<DialogueId>,
) -> Result<Response, PageError> {
    let context = facilitators_context(&state, &convenor, id).await?;
    Ok(page("facilitators.html", context)?.into_response())
}

/// Answers `POST /convenor/dialogues/{id}/facilitators`: makes an invitation and shows its
/// link, once.
pub async fn invite(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<DialogueId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let email = form.get("email");
    match service::invite_facilitator(&state, &convenor.current, id, email, None).await {
        Ok((_, token)) => {
            let mut context = facilitators_context(&state, &convenor, id).await?;
            context.new_link = Some(invitation_link(&state, &token));
            Ok((StatusCode::CREATED, page("facilitators.html", context)?).into_response())
        }
        Err(error @ ApiError::Client { .. }) => {
            let status = error.code().status();
            let mut context = facilitators_context(&state, &convenor, id).await?;
            context.error = Some(sentence(&error.to_string()));
            context.email = form.text("email").to_owned();
            Ok((status, page("facilitators.html", context)?).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
