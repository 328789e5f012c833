//! Each facilitation operation, once: inviting a facilitator to a dialogue, the card sheet's
//! codes, keying a card for a paper or facilitated participant, and writing a statement on a
//! participant's behalf. The JSON handlers and the facilitator's pages both call these.

use model::{
    ConstituencyId, DialogueId, FacilitatorInvitationId, StatementId, StatementText, Token,
    VoteChannel, VoteChoice,
};
use store::{
    Card, CardReceipt, Dialogue, FacilitatorInvitation, NewFacilitatorInvitation, NewStatement,
    Participant, Statement,
};

use crate::auth::CurrentConvenor;
use crate::error::{ApiError, ErrorCode};
use crate::partnerships::service::InvitationTerms;
use crate::state::AppState;

/// The longest participant code a card may carry.
pub const MAX_CODE_LENGTH: usize = 32;

/// The most cards one sheet prints.
pub const MAX_CARDS: u32 = 200;

/// The letters card codes are drawn from: no 0/O, 1/I/L or 5/S, which are misread from
/// handwriting and print.
const CODE_ALPHABET: &[u8] = b"2346789ABCDEFGHJKMNPQRTUVWXYZ";

/// How many letters a printed code has: 29⁶ is about 600 million codes, so two sheets
/// printed for one dialogue practically never share one, and a repeat is caught on entry.
const CODE_LENGTH: usize = 6;

/// Makes a single-use invitation to facilitate the dialogue (its convenors), valid for `days`
/// days (14 unless said, at most 90), and returns it with its token, shown only now.
pub async fn invite_facilitator(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
    email: Option<&str>,
    days: Option<u32>,
) -> Result<(FacilitatorInvitation, Token), ApiError> {
    let dialogue = actor.dialogue(state, dialogue).await?;
    let terms = InvitationTerms::parse(state, email, days)?;
    Ok(state
        .store()
        .create_facilitator_invitation(NewFacilitatorInvitation {
            place: dialogue.id,
            email: terms.email,
            created_by: actor.convenor.id,
            created_at: terms.created_at,
            expires_at: terms.expires_at,
        })
        .await?)
}

/// Lists the dialogue's facilitator invitations, newest last (its convenors).
pub async fn list_facilitator_invitations(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
) -> Result<Vec<FacilitatorInvitation>, ApiError> {
    actor.dialogue(state, dialogue).await?;
    Ok(state.store().list_facilitator_invitations(dialogue).await?)
}

/// Lists the email addresses of the dialogue's facilitators (its convenors).
pub async fn list_facilitators(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
) -> Result<Vec<String>, ApiError> {
    actor.dialogue(state, dialogue).await?;
    Ok(state
        .store()
        .list_facilitators(dialogue)
        .await?
        .into_iter()
        .map(|account| account.email.as_str().to_owned())
        .collect())
}

/// Revokes an unused facilitator invitation of the dialogue (its convenors).
pub async fn revoke_facilitator_invitation(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
    invitation: FacilitatorInvitationId,
) -> Result<FacilitatorInvitation, ApiError> {
    actor.dialogue(state, dialogue).await?;
    let invitations = state.store().list_facilitator_invitations(dialogue).await?;
    if !invitations.iter().any(|found| found.id == invitation) {
        return Err(ApiError::refused(
            ErrorCode::NotFound,
            "facilitation-refused-no-invitation",
            &[],
        ));
    }
    Ok(state
        .store()
        .revoke_facilitator_invitation(invitation, state.now_ms())
        .await?)
}

/// What the card sheet and the entry screen show: the dialogue and the statements a card
/// asks about, in the order they are printed.
pub struct CardLayout {
    /// The dialogue, with its constituencies.
    pub dialogue: Dialogue,
    /// The statements participants can currently see, in id order.
    pub statements: Vec<Statement>,
}

/// Returns what a card of the dialogue holds (its facilitators and convenors).
pub async fn card_layout(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
) -> Result<CardLayout, ApiError> {
    let dialogue = actor.facilitate(state, dialogue).await?;
    let statements = crate::participation::service::visible_statements(state, dialogue.id).await?;
    Ok(CardLayout {
        dialogue,
        statements,
    })
}

/// Draws `n` distinct participant codes for a sheet of cards from the operating system's
/// secure random source.
pub fn card_codes(n: u32) -> Result<Vec<String>, ApiError> {
    use rand::TryRngCore as _;
    if !(1..=MAX_CARDS).contains(&n) {
        return Err(ApiError::invalid(
            "facilitation-refused-sheet-size",
            &[("max", MAX_CARDS.into())],
        ));
    }
    let mut codes: Vec<String> = Vec::new();
    let mut bytes = [0u8; CODE_LENGTH];
    while codes.len() < usize::try_from(n).unwrap_or(usize::MAX) {
        rand::rngs::OsRng
            .try_fill_bytes(&mut bytes)
            .map_err(ApiError::internal)?;
        // 29 letters do not divide 256: bytes at or above 232 (8 × 29) are drawn again, so
        // every letter is equally likely.
        if bytes.iter().any(|&byte| byte >= 232) {
            continue;
        }
        let code: String = bytes
            .iter()
            .map(|&byte| char::from(CODE_ALPHABET[usize::from(byte) % CODE_ALPHABET.len()]))
            .collect();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

/// Reads a participant code as a facilitator types it: spaces around it are dropped and
/// letters are taken as capitals, so `a7k2` finds the card printed `A7K2`.
pub fn parse_code(code: &str) -> Result<String, ApiError> {
    let code = code.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(ApiError::invalid("facilitation-refused-code-empty", &[]));
    }
    if code.len() > MAX_CODE_LENGTH
        || !code
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || character == '-')
    {
        return Err(ApiError::invalid(
            "facilitation-refused-code-invalid",
            &[("max", MAX_CODE_LENGTH.into())],
        ));
    }
    Ok(code)
}

/// A card as a facilitator keys it, before it is checked.
pub struct CardEntry<'a> {
    /// The participant code printed on the card.
    pub code: &'a str,
    /// The names of the constituency boxes ticked.
    pub constituencies: &'a [String],
    /// The statements ticked, each with its box.
    pub votes: &'a [(StatementId, VoteChoice)],
    /// Paper or facilitated; online is refused.
    pub channel: VoteChannel,
    /// Whether a card already keyed with the code is to be replaced.
    pub replace: bool,
}

/// Keys a card (the dialogue's facilitators and convenors): makes its participant, who counts
/// in the analysis like everyone else, with their constituencies and their votes, each
/// carrying the card's channel. A code keyed before is refused with `conflict` unless the card
/// replaces it, so a card keyed twice is never counted twice.
pub async fn enter_card(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
    entry: &CardEntry<'_>,
) -> Result<CardReceipt, ApiError> {
    let dialogue = actor.facilitate(state, dialogue).await?;
    let code = parse_code(entry.code)?;
    if entry.channel == VoteChannel::Online {
        return Err(ApiError::invalid("facilitation-refused-online", &[]));
    }
    let constituencies = constituency_ids(&dialogue, entry.constituencies)?;
    let mut seen: Vec<StatementId> = Vec::with_capacity(entry.votes.len());
    for (statement, _) in entry.votes {
        if seen.contains(statement) {
            return Err(ApiError::invalid(
                "facilitation-refused-two-boxes",
                &[("statement", statement.to_string().into())],
            ));
        }
        seen.push(*statement);
    }
    let receipt = state
        .store()
        .enter_card(Card {
            dialogue: dialogue.id,
            code,
            constituencies,
            votes: entry.votes.to_vec(),
            channel: entry.channel,
            replace: entry.replace,
            entered_at: state.now_ms(),
        })
        .await
        .map_err(|error| match error {
            store::StoreError::Duplicate { .. } => ApiError::refused(
                ErrorCode::Conflict,
                "facilitation-refused-keyed-already",
                &[],
            ),
            store::StoreError::NotFound(store::Entity::Statement)
            | store::StoreError::StatementNotInDialogue => ApiError::refused(
                ErrorCode::StatementNotFound,
                "facilitation-refused-statement-not-on-card",
                &[],
            ),
            other => ApiError::from(other),
        })?;
    state.analysis().changed(dialogue.id);
    Ok(receipt)
}

/// Returns the participant a card with this code made, if one was keyed.
pub async fn card_participant(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
    code: &str,
) -> Result<Option<Participant>, ApiError> {
    let dialogue = actor.facilitate(state, dialogue).await?;
    let code = parse_code(code)?;
    Ok(state
        .store()
        .find_card_participant(dialogue.id, &code)
        .await?)
}

/// Writes a statement on behalf of the participant a card made (the dialogue's facilitators
/// and convenors): it is that participant's statement, moderated as the dialogue moderates
/// every participant's statement.
pub async fn submit_statement(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
    code: &str,
    text: &str,
) -> Result<Statement, ApiError> {
    let dialogue = actor.facilitate(state, dialogue).await?;
    let code = parse_code(code)?;
    let text = StatementText::parse(text)?;
    let participant = state
        .store()
        .find_card_participant(dialogue.id, &code)
        .await?
        .ok_or_else(|| {
            ApiError::refused(ErrorCode::NotFound, "facilitation-refused-no-card", &[])
        })?;
    let statement = crate::safeguarding::service::submit(
        state,
        NewStatement {
            dialogue: dialogue.id,
            text,
            author: Some(participant.id),
            is_meta: false,
            created_at: state.now_ms(),
        },
    )
    .await?;
    state.analysis().changed(dialogue.id);
    Ok(statement)
}

/// Refuses a constituency name the dialogue does not have, for a card keyed with it and for a
/// participant who chose it themselves.
pub fn not_a_constituency(name: &str) -> ApiError {
    ApiError::refused(
        ErrorCode::ConstituencyNotFound,
        "facilitation-refused-not-a-constituency",
        &[("name", format!("{name:?}").into())],
    )
}

/// Finds the dialogue's constituencies by name, each once, refusing a name it does not have.
fn constituency_ids(
    dialogue: &Dialogue,
    names: &[String],
) -> Result<Vec<ConstituencyId>, ApiError> {
    let mut ids = Vec::new();
    for name in names {
        let found = dialogue
            .constituencies
            .iter()
            .find(|constituency| constituency.name.as_str() == name.trim())
            .ok_or_else(|| not_a_constituency(name))?;
        if !ids.contains(&found.id) {
            ids.push(found.id);
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_in_capitals_without_spaces_and_odd_ones_refused() {
        assert_eq!(parse_code("  a7k2 ").unwrap(), "A7K2");
        assert_eq!(parse_code("EVENT-12").unwrap(), "EVENT-12");
        assert!(parse_code("").is_err());
        assert!(parse_code("A 7").is_err());
        assert!(parse_code("<b>").is_err());
        assert!(parse_code(&"A".repeat(MAX_CODE_LENGTH + 1)).is_err());
    }

    #[test]
    fn refusals_keep_the_apis_english_and_numbers_stay_plain() {
        let limit = crate::error::Said::new(
            "facilitation-refused-statement-limit",
            &[("allowed", 1000_u32.into())],
        );
        assert_eq!(
            limit.in_language(crate::web::language::Language::English),
            "one participant may write at most 1000 statements in a dialogue; vote on the others' statements instead"
        );
        assert_eq!(
            not_a_constituency("Carers").to_string(),
            "\"Carers\" is not a constituency of this dialogue"
        );
        assert_eq!(
            parse_code("").unwrap_err().to_string(),
            "type the participant code printed on the card"
        );
        assert_eq!(
            parse_code("A 7").unwrap_err().to_string(),
            format!("a participant code is 1 to {MAX_CODE_LENGTH} letters, digits or hyphens")
        );
    }

    #[test]
    fn a_sheet_has_distinct_readable_codes() {
        let codes = card_codes(50).unwrap();
        assert_eq!(codes.len(), 50);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 50);
        for code in &codes {
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(code.bytes().all(|byte| CODE_ALPHABET.contains(&byte)));
            assert_eq!(parse_code(code).unwrap(), *code);
        }
        assert!(card_codes(0).is_err());
        assert!(card_codes(MAX_CARDS + 1).is_err());
    }
}
