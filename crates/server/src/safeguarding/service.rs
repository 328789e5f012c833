//! Each safeguarding operation, once: screening a statement as it is written, what a
//! participant's held statements and the partnership's signposting are, flagging, the triage
//! queue, decisions, the decisions log, the partnership's settings, and the dialogue's
//! moderators and their invitations. The JSON handlers and the pages both call these.

use std::sync::OnceLock;

use engine::safeguarding::{self as rules, Concern, RuleSet};
use model::{
    DialogueId, ModerationAction, ModerationStatus, ModeratorInvitationId, PartnershipId,
    RejectionReason, SafeguardingConcern, StatementId, StatementText, Token,
};
use store::{
    Decision, Finding, Flag, ModeratorInvitation, NewDecision, NewFlag, NewModeratorInvitation,
    NewStatement, Participant, SafeguardingCase, SafeguardingSettings, Statement, StatementFilter,
};

use crate::auth::CurrentConvenor;
use crate::error::{ApiError, Arg, ErrorCode, Said};
use crate::partnerships::service::InvitationTerms;
use crate::state::AppState;
use crate::web::language::Language;

/// The longest note a participant or moderator may add, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// The longest signposting text, in characters.
pub const MAX_SIGNPOSTING_CHARS: usize = 4000;

/// The most extra terms of one kind a partnership may add.
pub const MAX_TERMS: usize = 300;

/// The longest extra term, in characters.
pub const MAX_TERM_CHARS: usize = 80;

/// The compiled-in rule lists, read once.
fn builtin() -> &'static RuleSet {
    static BUILTIN: OnceLock<RuleSet> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        RuleSet::builtin().unwrap_or_else(|error| {
            // The lists are part of the binary and the engine's tests read them, so this cannot
            // reach a running server; if it did, screening would hold nothing rather than stop.
            tracing::error!(%error, "a safeguarding rule list does not parse");
            RuleSet::default()
        })
    })
}

/// The rules a partnership's statements are read against: every language's list and its own
/// extra terms.
pub fn rule_set(settings: &SafeguardingSettings) -> RuleSet {
    builtin()
        .clone()
        .with_extra_terms(&settings.extra_disclosure, &settings.extra_abuse)
}

/// The model's name for an engine concern.
pub fn concern_of(concern: Concern) -> SafeguardingConcern {
    match concern {
        Concern::Disclosure => SafeguardingConcern::Disclosure,
        Concern::PersonalDetails => SafeguardingConcern::PersonalDetails,
        Concern::Abuse => SafeguardingConcern::Abuse,
        Concern::Misinformation => SafeguardingConcern::Misinformation,
        Concern::Other => SafeguardingConcern::Other,
    }
}

/// Reads a text against a partnership's rules.
pub fn screen(text: &str, settings: &SafeguardingSettings) -> Vec<Finding> {
    rules::screen(text, &rule_set(settings))
        .into_iter()
        .map(|finding| Finding {
            concern: concern_of(finding.concern()),
            rule: finding.rule.as_str().to_owned(),
            start: i64::try_from(finding.start).unwrap_or(i64::MAX),
            end: i64::try_from(finding.end).unwrap_or(i64::MAX),
        })
        .collect()
}

/// Writes a participant's statement after screening it: one that matches a safeguarding rule
/// is held for a moderator whatever the dialogue's moderation policy. Every path that adds a
/// participant's statement (the participant's own, or a facilitator's for a card) comes here.
pub async fn submit(state: &AppState, new: NewStatement) -> Result<Statement, ApiError> {
    submit_written_in(state, new, None).await
}

/// Writes a participant's statement after screening it, as [`submit`] does, recording in the
/// same transaction the language it was written in when that is not the dialogue's (so it may
/// wait for a translation before others see it).
pub async fn submit_written_in(
    state: &AppState,
    new: NewStatement,
    written_in: Option<Language>,
) -> Result<Statement, ApiError> {
    let dialogue = state.store().get_dialogue(new.dialogue).await?;
    let settings = state
        .store()
        .safeguarding_settings(dialogue.partnership)
        .await?;
    let findings = screen(new.text.as_str(), &settings);
    Ok(state
        .store()
        .submit_screened_statement(new, findings, written_in.map(Language::code))
        .await?)
}

/// One of a participant's statements that waits for a safeguarding moderator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldStatement {
    /// The statement.
    pub statement: StatementId,
    /// Whether screening saw a possible disclosure of harm or a crisis in it.
    pub possible_disclosure: bool,
}

/// What a participant is told about their held statements: which are held, and the
/// partnership's signposting text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Support {
    /// Their held statements, in id order.
    pub held: Vec<HeldStatement>,
    /// The partnership's signposting text; empty when its convenors have set none.
    pub signposting: String,
}

/// Returns a participant's held statements and the signposting text of the partnership that
/// owns their dialogue.
pub async fn support(state: &AppState, participant: &Participant) -> Result<Support, ApiError> {
    let dialogue = state.store().get_dialogue(participant.dialogue).await?;
    let held_ids = state.store().held_statements(dialogue.id).await?;
    let own = state
        .store()
        .list_statements(
            dialogue.id,
            &StatementFilter {
                author: Some(participant.id),
                limit: Some(StatementFilter::MAX_LIMIT),
                ..StatementFilter::default()
            },
        )
        .await?;
    let mut held = Vec::new();
    for statement in own.statements {
        if held_ids.contains(&statement.id) {
            let findings = state.store().statement_findings(statement.id).await?;
            held.push(HeldStatement {
                statement: statement.id,
                possible_disclosure: findings
                    .iter()
                    .any(|finding| finding.concern == SafeguardingConcern::Disclosure),
            });
        }
    }
    let settings = state
        .store()
        .safeguarding_settings(dialogue.partnership)
        .await?;
    Ok(Support {
        held,
        signposting: settings.signposting,
    })
}

/// Returns whether screening holds a statement and saw a possible disclosure in it.
pub async fn is_held(state: &AppState, statement: &Statement) -> Result<(bool, bool), ApiError> {
    if statement.moderation != ModerationStatus::Pending {
        return Ok((false, false));
    }
    let findings = state.store().statement_findings(statement.id).await?;
    Ok((
        !findings.is_empty(),
        findings
            .iter()
            .any(|finding| finding.concern == SafeguardingConcern::Disclosure),
    ))
}

/// Checks an optional note (a flag's or a moderator's): blank means none; at most
/// [`MAX_NOTE_CHARS`] characters without control characters other than line breaks and tabs.
pub fn note(note: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(note) = note.map(str::trim).filter(|note| !note.is_empty()) else {
        return Ok(None);
    };
    let length = note.chars().count();
    if length > MAX_NOTE_CHARS {
        return Err(ApiError::invalid(
            "flag-refused-note-too-long",
            &[("max", MAX_NOTE_CHARS.into()), ("length", length.into())],
        ));
    }
    if note
        .chars()
        .any(|character| character.is_control() && !matches!(character, '\n' | '\r' | '\t'))
    {
        return Err(ApiError::invalid("flag-refused-note-control", &[]));
    }
    Ok(Some(note.to_owned()))
}

/// Reads a flag's reason.
pub fn flag_reason(reason: &str) -> Result<SafeguardingConcern, ApiError> {
    reason
        .trim()
        .parse()
        .map_err(|_| ApiError::invalid("flag-refused-reason", &[]))
}

/// Flags a statement of the participant's dialogue for moderators, once per participant.
pub async fn flag(
    state: &AppState,
    participant: &Participant,
    statement: StatementId,
    reason: &str,
    note_text: Option<&str>,
) -> Result<Flag, ApiError> {
    let reason = flag_reason(reason)?;
    let note = note(note_text)?;
    let found = state.store().get_statement(statement).await?;
    if found.dialogue != participant.dialogue {
        return Err(ApiError::statement_not_found());
    }
    state
        .store()
        .flag_statement(NewFlag {
            statement,
            participant: participant.id,
            reason,
            note,
            created_at: state.now_ms(),
        })
        .await
        .map_err(|error| match error {
            store::StoreError::Duplicate { .. } => {
                ApiError::refused(ErrorCode::Conflict, "flag-refused-already", &[])
            }
            other => other.into(),
        })
}

/// A case in the triage queue with the risk it is sorted by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriageCase {
    /// The highest-risk concern among its findings and flags.
    pub risk: SafeguardingConcern,
    /// The case.
    pub case: SafeguardingCase,
}

/// Returns the cases of a dialogue for its moderators, highest risk first (disclosure,
/// personal details, abuse, misinformation, other), the oldest first within a risk.
pub async fn queue(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
) -> Result<Vec<TriageCase>, ApiError> {
    let dialogue = convenor.moderate(state, id).await?;
    let cases = state.store().safeguarding_cases(dialogue.id).await?;
    let mut triage: Vec<TriageCase> = cases
        .into_iter()
        .map(|case| {
            let risk = case
                .findings
                .iter()
                .map(|finding| finding.concern)
                .chain(case.flags.iter().map(|flag| flag.reason))
                .min()
                .unwrap_or(SafeguardingConcern::Other);
            TriageCase { risk, case }
        })
        .collect();
    triage.sort_by_key(|item| {
        (
            item.risk,
            item.case.statement.created_at,
            item.case.statement.id,
        )
    });
    Ok(triage)
}

/// What a moderator asks for.
#[derive(Clone, Debug, Default)]
pub struct DecisionInput<'a> {
    /// `accept`, `reject`, `edit` or `redact`.
    pub action: &'a str,
    /// A rejection's reason, one of [`RejectionReason`].
    pub reason: Option<&'a str>,
    /// The moderator's note; for a rejection, what the author reads.
    pub note: Option<&'a str>,
    /// An edit's new text.
    pub text: Option<&'a str>,
}

/// Reads a moderation action.
pub fn action(action: &str) -> Result<ModerationAction, ApiError> {
    action
        .trim()
        .parse()
        .map_err(|_| ApiError::invalid("moderating-refused-action", &[]))
}

/// Reads a rejection reason.
pub fn rejection_reason(reason: &str) -> Result<RejectionReason, ApiError> {
    reason.trim().parse().map_err(|_| {
        let names: Vec<&str> = RejectionReason::ALL
            .iter()
            .map(|reason| reason.as_str())
            .collect();
        ApiError::invalid(
            "moderating-refused-reason",
            &[("reasons", names.join(", ").into())],
        )
    })
}

/// Decides a statement of a dialogue: accept, reject with a reason from the list, edit (the
/// author's original kept) or redact its personal details; the decision is logged with who,
/// when, what and why in the same transaction.
pub async fn decide(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statement: StatementId,
    input: DecisionInput<'_>,
) -> Result<(Statement, Decision), ApiError> {
    let action = action(input.action)?;
    let reason = input
        .reason
        .map(str::trim)
        .filter(|reason| !reason.is_empty());
    let reason = match (action, reason) {
        (ModerationAction::Reject, Some(reason)) => Some(rejection_reason(reason)?),
        (ModerationAction::Reject, None) => {
            return Err(ApiError::invalid("moderating-refused-reason-missing", &[]));
        }
        (_, Some(_)) => {
            return Err(ApiError::invalid(
                "moderating-refused-reason-not-rejecting",
                &[],
            ));
        }
        (_, None) => None,
    };
    let text = input.text.filter(|text| !text.trim().is_empty());
    if text.is_some() && action != ModerationAction::Edit {
        return Err(ApiError::invalid(
            "moderating-refused-text-not-editing",
            &[],
        ));
    }
    let note = note(input.note)?;
    let dialogue = convenor.moderate(state, id).await?;
    let found = state.store().get_statement(statement).await?;
    if found.dialogue != dialogue.id {
        return Err(ApiError::statement_not_found());
    }
    let new_text = match action {
        ModerationAction::Edit => {
            let text =
                text.ok_or_else(|| ApiError::invalid("moderating-refused-text-missing", &[]))?;
            Some(
                StatementText::parse(text)
                    .map_err(|error| {
                        ApiError::invalid(
                            "moderating-refused-text",
                            &[("problem", Said::text(&error).into())],
                        )
                    })?
                    .into_inner(),
            )
        }
        ModerationAction::Redact => {
            let settings = state
                .store()
                .safeguarding_settings(dialogue.partnership)
                .await?;
            let findings = rules::screen(&found.text, &rule_set(&settings));
            let redacted = rules::redact(&found.text, &findings);
            if redacted == found.text {
                return Err(ApiError::refused(
                    ErrorCode::Conflict,
                    "moderating-refused-nothing-to-redact",
                    &[],
                ));
            }
            Some(
                StatementText::parse(&redacted)
                    .map_err(|error| {
                        ApiError::invalid(
                            "moderating-refused-redacted-invalid",
                            &[("problem", Said::text(&error).into())],
                        )
                    })?
                    .into_inner(),
            )
        }
        ModerationAction::Accept | ModerationAction::Reject => None,
    };
    let decided = state
        .store()
        .decide(NewDecision {
            statement,
            actor: convenor.convenor.id,
            actor_email: convenor.convenor.email.as_str().to_owned(),
            action,
            reason,
            note,
            new_text,
            decided_at: state.now_ms(),
        })
        .await?;
    state.analysis().changed(dialogue.id);
    Ok(decided)
}

/// Logs the moderation room's accept and reject decisions (a return to pending is not a
/// decision), so the log holds every decision whichever page made it.
pub async fn log_moderation(
    state: &AppState,
    convenor: &CurrentConvenor,
    statements: &[StatementId],
    status: ModerationStatus,
    note: Option<String>,
) -> Result<(), ApiError> {
    let action = match status {
        ModerationStatus::Accepted => ModerationAction::Accept,
        ModerationStatus::Rejected => ModerationAction::Reject,
        ModerationStatus::Pending => return Ok(()),
    };
    for statement in statements {
        state
            .store()
            .log_decision(NewDecision {
                statement: *statement,
                actor: convenor.convenor.id,
                actor_email: convenor.convenor.email.as_str().to_owned(),
                action,
                reason: None,
                note: note.clone(),
                new_text: None,
                decided_at: state.now_ms(),
            })
            .await?;
    }
    Ok(())
}

/// Returns a partnership's decisions log, for its convenors.
pub async fn decisions(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<Vec<Decision>, ApiError> {
    let partnership = convenor.convene(state, id).await?;
    Ok(state.store().list_decisions(partnership.id).await?)
}

/// Returns a partnership's safeguarding settings, for its convenors.
pub async fn settings(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: PartnershipId,
) -> Result<SafeguardingSettings, ApiError> {
    let partnership = convenor.convene(state, id).await?;
    Ok(state.store().safeguarding_settings(partnership.id).await?)
}

/// Checks a list of extra terms; `field` is the key of the list's name ("disclosure_terms").
fn checked_terms(field: &'static str, terms: &[String]) -> Result<Vec<String>, ApiError> {
    let terms: Vec<String> = terms
        .iter()
        .map(|term| term.trim().to_owned())
        .filter(|term| !term.is_empty())
        .collect();
    if terms.len() > MAX_TERMS {
        return Err(ApiError::invalid(
            "moderating-refused-too-many-terms",
            &[
                ("field", Arg::Said(field)),
                ("max", MAX_TERMS.into()),
                ("count", terms.len().into()),
            ],
        ));
    }
    for term in &terms {
        if term.chars().count() > MAX_TERM_CHARS || term.chars().any(char::is_control) {
            return Err(ApiError::invalid(
                "moderating-refused-term-too-long",
                &[("field", Arg::Said(field)), ("max", MAX_TERM_CHARS.into())],
            ));
        }
        if !term.chars().any(char::is_alphanumeric) {
            return Err(ApiError::invalid(
                "moderating-refused-term-no-letter",
                &[("field", Arg::Said(field)), ("term", term.as_str().into())],
            ));
        }
    }
    Ok(terms)
}

/// Saves a partnership's signposting text and extra terms.
pub async fn save_settings(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: PartnershipId,
    signposting: &str,
    disclosure_terms: &[String],
    abuse_terms: &[String],
) -> Result<SafeguardingSettings, ApiError> {
    let signposting = signposting.trim();
    let length = signposting.chars().count();
    if length > MAX_SIGNPOSTING_CHARS {
        return Err(ApiError::invalid(
            "moderating-refused-signposting-too-long",
            &[
                ("max", MAX_SIGNPOSTING_CHARS.into()),
                ("length", length.into()),
            ],
        ));
    }
    if signposting
        .chars()
        .any(|character| character.is_control() && !matches!(character, '\n' | '\r' | '\t'))
    {
        return Err(ApiError::invalid(
            "moderating-refused-signposting-control",
            &[],
        ));
    }
    let extra_disclosure = checked_terms("moderating-refused-disclosure-terms", disclosure_terms)?;
    let extra_abuse = checked_terms("moderating-refused-abuse-terms", abuse_terms)?;
    let partnership = convenor.convene(state, id).await?;
    Ok(state
        .store()
        .set_safeguarding_settings(
            partnership.id,
            SafeguardingSettings {
                signposting: signposting.to_owned(),
                extra_disclosure,
                extra_abuse,
                updated_at: Some(state.now_ms()),
            },
        )
        .await?)
}

/// Makes a single-use invitation to moderate the dialogue (its convenors), valid for `days`
/// days (14 unless said, at most 90), and returns it with its token, shown only now.
pub async fn invite_moderator(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
    email: Option<&str>,
    days: Option<u32>,
) -> Result<(ModeratorInvitation, Token), ApiError> {
    let dialogue = actor.dialogue(state, dialogue).await?;
    let terms = InvitationTerms::parse(state, email, days)?;
    let invitation = NewModeratorInvitation {
        place: dialogue.id,
        email: terms.email,
        created_by: actor.convenor.id,
        created_at: terms.created_at,
        expires_at: terms.expires_at,
    };
    Ok(state
        .store()
        .create_moderator_invitation(invitation)
        .await?)
}

/// The dialogue's moderators (their email addresses) and its invitations to moderate, oldest
/// first (its convenors).
pub async fn moderators(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
) -> Result<(Vec<String>, Vec<ModeratorInvitation>), ApiError> {
    actor.dialogue(state, dialogue).await?;
    let store = state.store();
    let accounts = store.list_moderators(dialogue).await?;
    let invitations = store.list_moderator_invitations(dialogue).await?;
    let emails = accounts
        .into_iter()
        .map(|account| account.email.as_str().to_owned())
        .collect();
    Ok((emails, invitations))
}

/// Revokes an invitation to moderate the dialogue that nobody accepted (its convenors).
pub async fn revoke_moderator_invitation(
    state: &AppState,
    actor: &CurrentConvenor,
    dialogue: DialogueId,
    invitation: ModeratorInvitationId,
) -> Result<ModeratorInvitation, ApiError> {
    let (_, invitations) = moderators(state, actor, dialogue).await?;
    if invitations.iter().all(|found| found.id != invitation) {
        return Err(ApiError::refused(
            ErrorCode::NotFound,
            "moderating-refused-no-invitation",
            &[],
        ));
    }
    let now = state.now_ms();
    Ok(state
        .store()
        .revoke_moderator_invitation(invitation, now)
        .await?)
}
