//! Each operation of the priorities room, once: the convenors' (create, change, open and close
//! a list, add options, draft options from the linked dialogue's common ground, moderate,
//! export) and the participants' (join, the next pair, compare, add an option, their own data
//! and its erasure), and the results document. The JSON handlers and the pages both call these.

use std::collections::{BTreeMap, BTreeSet};

use model::{
    ComparisonChoice, ConstituencyKind, ConstituencyName, Description, IdempotencyKey,
    ModerationPolicy, ModerationStatus, OptionText, PartnershipId, PriorityListId,
    PriorityListTitle, PriorityOptionId, PriorityQuestion, ReportVisibility, Token,
    UndecidedReason,
};
use store::{
    AnsweredPairs, Comparison, ComparisonReceipt, DraftedOption, NewComparison,
    NewPriorityConstituency, NewPriorityList, NewPriorityOption, NewPriorityParticipant,
    PriorityErasure, PriorityList, PriorityListSettings, PriorityOption, PriorityParticipant,
};

use super::document::PriorityDocument;
use super::snapshot;
use crate::auth::{CurrentConvenor, priority_cookie_name, set_cookie};
use crate::client::ClientAddress;
use crate::error::{ApiError, Arg, ErrorCode};
use crate::state::AppState;

/// How many options of each constituency's ranking earn shortlist points, as in the command.
pub const SHORTLIST_SIZE: usize = snapshot::SHORTLIST_SIZE;

/// How long the participant cookie of a priority list lasts.
const PARTICIPANT_COOKIE_SECS: u64 = 365 * 24 * 3600;

/// A new list as a convenor describes it, before validation.
#[derive(Debug, Clone)]
pub struct ListInput {
    /// The title.
    pub title: String,
    /// The question.
    pub question: String,
    /// The explanation, possibly empty.
    pub description: String,
    /// A dialogue of the partnership to link.
    pub dialogue: Option<model::DialogueId>,
    /// Constituencies by name, with their kind.
    pub constituencies: Vec<(String, Option<ConstituencyKind>)>,
    /// Whether participants may add options.
    pub allow_participant_options: bool,
    /// How participants' options are moderated.
    pub moderation: ModerationPolicy,
    /// Who may read the results.
    pub results_visibility: ReportVisibility,
}

/// Changes to a list's settings; what is `None` stays as it is.
#[derive(Debug, Clone, Default)]
pub struct ListChanges {
    /// A new title.
    pub title: Option<String>,
    /// A new question.
    pub question: Option<String>,
    /// A new explanation.
    pub description: Option<String>,
    /// Whether participants may add options.
    pub allow_participant_options: Option<bool>,
    /// How participants' options are moderated.
    pub moderation: Option<ModerationPolicy>,
    /// Who may read the results.
    pub results_visibility: Option<ReportVisibility>,
}

/// A comparison as a participant sends it, before validation.
#[derive(Debug, Clone)]
pub struct ComparisonInput<'a> {
    /// The option shown on the left.
    pub left: PriorityOptionId,
    /// The option shown on the right.
    pub right: PriorityOptionId,
    /// The answer.
    pub choice: ComparisonChoice,
    /// Why the participant could not decide, if they said.
    pub reason: Option<UndecidedReason>,
    /// The retry key, if any.
    pub idempotency_key: Option<&'a str>,
}

/// Returns the `Set-Cookie` value that keeps a participant's token for their priority list.
pub fn participant_cookie(state: &AppState, list: PriorityListId, token: &Token) -> String {
    set_cookie(
        &priority_cookie_name(list),
        token.as_str(),
        state.config().secure_cookies,
        PARTICIPANT_COOKIE_SECS,
    )
}

/// Returns the `Set-Cookie` value that removes a priority list's participant cookie.
pub fn clear_participant_cookie(state: &AppState, list: PriorityListId) -> String {
    set_cookie(
        &priority_cookie_name(list),
        "",
        state.config().secure_cookies,
        0,
    )
}

fn settings(
    title: &str,
    question: &str,
    description: &str,
    allow_participant_options: bool,
    moderation: ModerationPolicy,
    results_visibility: ReportVisibility,
) -> Result<PriorityListSettings, ApiError> {
    Ok(PriorityListSettings {
        title: PriorityListTitle::parse(title)?,
        question: PriorityQuestion::parse(question)?,
        description: Description::parse(description)?,
        allow_participant_options,
        moderation,
        results_visibility,
    })
}

/// Creates a priority list in a partnership the caller convenes.
pub async fn create_list(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
    input: ListInput,
) -> Result<PriorityList, ApiError> {
    actor.convene(state, partnership).await?;
    let settings = settings(
        &input.title,
        &input.question,
        &input.description,
        input.allow_participant_options,
        input.moderation,
        input.results_visibility,
    )?;
    let mut constituencies: Vec<NewPriorityConstituency> = Vec::new();
    for (name, kind) in &input.constituencies {
        let name = ConstituencyName::parse(name)?;
        if constituencies.iter().any(|c| c.name == name) {
            return Err(ApiError::invalid(
                "lists-refused-constituency-twice",
                &[("name", format!("{:?}", name.as_str()).into())],
            ));
        }
        constituencies.push(NewPriorityConstituency { name, kind: *kind });
    }
    if let Some(dialogue) = input.dialogue {
        let found = state.store().get_dialogue(dialogue).await?;
        if found.partnership != partnership {
            return Err(ApiError::invalid("lists-refused-dialogue-elsewhere", &[]));
        }
    }
    Ok(state
        .store()
        .create_priority_list(NewPriorityList {
            partnership,
            dialogue: input.dialogue,
            settings,
            constituencies,
            created_by: Some(actor.convenor.id),
            created_at: state.now_ms(),
        })
        .await?)
}

/// Lists the priority lists of a partnership the caller convenes.
pub async fn lists(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
) -> Result<Vec<PriorityList>, ApiError> {
    actor.convene(state, partnership).await?;
    Ok(state.store().list_priority_lists(partnership).await?)
}

/// Returns a priority list; anyone may read its question and constituencies, since people
/// need them to join.
pub async fn get_list(state: &AppState, id: PriorityListId) -> Result<PriorityList, ApiError> {
    Ok(state.store().get_priority_list(id).await?)
}

/// Changes a list's settings.
pub async fn update_list(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
    changes: ListChanges,
) -> Result<PriorityList, ApiError> {
    let list = actor.priority_list(state, id).await?;
    let current = &list.settings;
    let settings = settings(
        changes.title.as_deref().unwrap_or(current.title.as_str()),
        changes
            .question
            .as_deref()
            .unwrap_or(current.question.as_str()),
        changes
            .description
            .as_deref()
            .unwrap_or(current.description.as_str()),
        changes
            .allow_participant_options
            .unwrap_or(current.allow_participant_options),
        changes.moderation.unwrap_or(current.moderation),
        changes
            .results_visibility
            .unwrap_or(current.results_visibility),
    )?;
    Ok(state.store().update_priority_list(id, settings).await?)
}

/// Opens or closes a list.
pub async fn set_open(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
    is_open: bool,
) -> Result<PriorityList, ApiError> {
    actor.priority_list(state, id).await?;
    Ok(state.store().set_priority_list_open(id, is_open).await?)
}

/// Adds a convenor's option, accepted at once.
pub async fn add_option(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
    text: &str,
) -> Result<PriorityOption, ApiError> {
    actor.priority_list(state, id).await?;
    let text = OptionText::parse(text)?;
    Ok(state
        .store()
        .add_priority_option(NewPriorityOption {
            list: id,
            text,
            author: None,
            created_at: state.now_ms(),
        })
        .await?)
}

/// What drafting options from common ground did.
#[derive(Debug, Clone)]
pub struct Drafted {
    /// The options added, in the analysis's order (best common ground first).
    pub added: Vec<PriorityOption>,
    /// Common-ground statements passed over because their text is longer than an option may
    /// be (statements imported from elsewhere can be).
    pub too_long: Vec<model::StatementId>,
}

/// The common-ground statements of a list's linked dialogue, as options to draft.
#[derive(Debug, Clone)]
pub struct CommonGroundDrafts {
    /// An option for each statement short enough to be one, best common ground first.
    pub drafts: Vec<DraftedOption>,
    /// Statements longer than an option may be.
    pub too_long: Vec<model::StatementId>,
}

/// Reads the common-ground statements of the linked dialogue's latest analysis.
async fn common_ground_drafts(
    state: &AppState,
    list: &PriorityList,
) -> Result<CommonGroundDrafts, ApiError> {
    let dialogue = list
        .dialogue
        .ok_or_else(|| ApiError::invalid("lists-refused-no-dialogue", &[]))?;
    let latest = crate::report::service::latest(state, dialogue)
        .await?
        .ok_or_else(|| {
            ApiError::refused(
                ErrorCode::AnalysisNotReady,
                "lists-refused-no-analysis",
                &[],
            )
        })?;
    let doc = latest.document;
    let mut drafts = Vec::new();
    let mut too_long = Vec::new();
    for statement_id in &doc.common_ground.statements {
        let Some(statement) = doc.statements.iter().find(|s| s.id == *statement_id) else {
            continue;
        };
        let id = model::StatementId(i64::from(statement.id));
        match OptionText::parse(&statement.text) {
            Ok(text) => drafts.push(DraftedOption {
                statement: id,
                text,
            }),
            Err(_) => too_long.push(id),
        }
    }
    Ok(CommonGroundDrafts { drafts, too_long })
}

/// Returns the list and the options its linked dialogue's common ground would draft, for a
/// convenor to choose from before drafting them.
pub async fn common_ground_preview(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
) -> Result<(PriorityList, CommonGroundDrafts), ApiError> {
    let list = actor.priority_list(state, id).await?;
    let drafts = common_ground_drafts(state, &list).await?;
    Ok((list, drafts))
}

/// Drafts an option from every common-ground statement of the linked dialogue's latest
/// analysis that is not an option yet, each with its link back.
pub async fn draft_from_common_ground(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
) -> Result<Drafted, ApiError> {
    let list = actor.priority_list(state, id).await?;
    let CommonGroundDrafts { drafts, too_long } = common_ground_drafts(state, &list).await?;
    let added = state
        .store()
        .import_priority_options(list.id, &drafts, state.now_ms())
        .await?;
    Ok(Drafted { added, too_long })
}

/// Drafts options from the chosen common-ground statements of the linked dialogue's latest
/// analysis; a chosen statement that is not common ground there is refused, and so is an
/// empty choice.
pub async fn draft_chosen_from_common_ground(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
    chosen: &[model::StatementId],
) -> Result<Drafted, ApiError> {
    let list = actor.priority_list(state, id).await?;
    if chosen.is_empty() {
        return Err(ApiError::invalid("lists-refused-choose-statement", &[]));
    }
    let CommonGroundDrafts { drafts, too_long } = common_ground_drafts(state, &list).await?;
    if let Some(missing) = chosen
        .iter()
        .find(|statement| !drafts.iter().any(|draft| draft.statement == **statement))
    {
        return Err(ApiError::invalid(
            "lists-refused-not-common-ground",
            &[("statement", missing.to_string().into())],
        ));
    }
    let drafts: Vec<DraftedOption> = drafts
        .into_iter()
        .filter(|draft| chosen.contains(&draft.statement))
        .collect();
    let added = state
        .store()
        .import_priority_options(list.id, &drafts, state.now_ms())
        .await?;
    Ok(Drafted { added, too_long })
}

/// Returns a list and all its options, whatever their moderation status, for its convenors.
pub async fn options_for_convenors(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
) -> Result<(PriorityList, Vec<PriorityOption>), ApiError> {
    let list = actor.priority_list(state, id).await?;
    let options = state.store().list_priority_options(id).await?;
    Ok((list, options))
}

/// Accepts or rejects an option of a list, with the reason for a rejection.
pub async fn moderate(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
    option: PriorityOptionId,
    status: ModerationStatus,
    reason: Option<&str>,
) -> Result<PriorityOption, ApiError> {
    actor.priority_list(state, id).await?;
    let found = state.store().get_priority_option(option).await?;
    if found.list != id {
        return Err(option_not_found());
    }
    let reason = reason
        .map(str::trim)
        .filter(|reason| !reason.is_empty())
        .map(|reason| model::StanceReason::parse(reason).map(String::from))
        .transpose()?;
    Ok(state
        .store()
        .moderate_priority_option(option, status, reason)
        .await?)
}

/// How often an option was compared, and how often it won and lost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OptionTally {
    /// Comparisons it was shown in.
    pub comparisons: u64,
    /// Comparisons in which it was chosen.
    pub wins: u64,
    /// Comparisons in which the other option was chosen.
    pub losses: u64,
}

/// What a list's convenors see of it: the list, every option whatever its moderation status
/// with its tally, and how many people joined.
#[derive(Debug, Clone)]
pub struct ConvenorOverview {
    /// The list.
    pub list: PriorityList,
    /// Every option in id order, with how it fared.
    pub options: Vec<(PriorityOption, OptionTally)>,
    /// How many participants joined.
    pub participants: usize,
    /// How many comparisons were made.
    pub comparisons: usize,
}

/// Returns a list with its options, their tallies and its counts, for its convenors.
pub async fn convenor_overview(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
) -> Result<ConvenorOverview, ApiError> {
    let list = actor.priority_list(state, id).await?;
    let store = state.store();
    let options = store.list_priority_options(id).await?;
    let comparisons = store.list_comparisons(id).await?;
    let participants = store.list_priority_participants(id).await?.len();
    let mut tallies: BTreeMap<PriorityOptionId, OptionTally> = BTreeMap::new();
    for comparison in &comparisons {
        let (winner, loser) = match comparison.choice {
            ComparisonChoice::Left => (Some(comparison.left), Some(comparison.right)),
            ComparisonChoice::Right => (Some(comparison.right), Some(comparison.left)),
            ComparisonChoice::Neither => (None, None),
        };
        for option in [comparison.left, comparison.right] {
            let tally = tallies.entry(option).or_default();
            tally.comparisons += 1;
            if winner == Some(option) {
                tally.wins += 1;
            }
            if loser == Some(option) {
                tally.losses += 1;
            }
        }
    }
    let options = options
        .into_iter()
        .map(|option| {
            let tally = tallies.get(&option.id).copied().unwrap_or_default();
            (option, tally)
        })
        .collect();
    Ok(ConvenorOverview {
        list,
        options,
        participants,
        comparisons: comparisons.len(),
    })
}

fn option_not_found() -> ApiError {
    ApiError::refused(ErrorCode::NotFound, "lists-refused-no-option", &[])
}

/// Joins a list as a new pseudonymous participant of the constituencies named. A participant
/// of the linked dialogue may show that dialogue's token, so that the results can read their
/// opinion group; the token is checked and not kept.
pub async fn join(
    state: &AppState,
    client: ClientAddress,
    id: PriorityListId,
    constituency_names: &[String],
    dialogue_token: Option<&str>,
) -> Result<(PriorityParticipant, Token), ApiError> {
    let list = state.store().get_priority_list(id).await?;
    let mut constituencies = Vec::new();
    for name in constituency_names {
        let found = list
            .constituencies
            .iter()
            .find(|constituency| constituency.name.as_str() == name.trim())
            .ok_or_else(|| {
                ApiError::refused(
                    ErrorCode::ConstituencyNotFound,
                    "priority-refused-not-a-constituency",
                    &[("name", format!("{name:?}").into())],
                )
            })?;
        if !constituencies.contains(&found.id) {
            constituencies.push(found.id);
        }
    }
    let dialogue_participant = match dialogue_token {
        None => None,
        Some(text) => {
            let not_theirs = || ApiError::invalid("priority-refused-dialogue-token", &[]);
            let token = Token::parse(text.trim()).map_err(|_| not_theirs())?;
            let participant = state
                .store()
                .find_participant_by_token(&token)
                .await?
                .ok_or_else(not_theirs)?;
            if Some(participant.dialogue) != list.dialogue {
                return Err(not_theirs());
            }
            Some(participant.id)
        }
    };
    state.limit_joins(client).await?;
    Ok(state
        .store()
        .join_priority_list(NewPriorityParticipant {
            list: id,
            constituencies,
            dialogue_participant,
            created_at: state.now_ms(),
        })
        .await?)
}

/// Returns the names of a participant's constituencies, in the list's order.
pub fn constituency_names(list: &PriorityList, participant: &PriorityParticipant) -> Vec<String> {
    list.constituencies
        .iter()
        .filter(|constituency| participant.constituencies.contains(&constituency.id))
        .map(|constituency| constituency.name.as_str().to_owned())
        .collect()
}

/// Returns the next pair of options for a participant (left, right), or `None` when they have
/// compared every pair. The engine chooses it: towards options whose rank is least certain and
/// that the participant's constituencies have seen least, never a pair already answered, and
/// the same pair for the same state and seed. It reads the list's latest snapshot (computed
/// now if there is none) and the participant's own comparisons, not everyone's.
pub async fn next_pair(
    state: &AppState,
    participant: &PriorityParticipant,
) -> Result<Option<(PriorityOption, PriorityOption)>, ApiError> {
    let store = state.store();
    let AnsweredPairs {
        revision,
        pairs: answered,
    } = store.answered_pairs(participant.id).await?;
    let snapshot = match state.analysis().priority_snapshot(participant.list) {
        Some(snapshot) => snapshot,
        None => snapshot_now(state, participant.list).await?,
    };
    // Options added or moderated since the snapshot are read afresh.
    let current = if snapshot.revision >= revision {
        None
    } else {
        let list = store.get_priority_list(participant.list).await?;
        Some(snapshot::comparable_options(
            &list,
            &store.list_priority_options(list.id).await?,
        ))
    };
    let seed = state.config().seed
        ^ u64::try_from(participant.id.get())
            .unwrap_or(0)
            .rotate_left(32);
    let options = current.as_deref().unwrap_or(&snapshot.pairs.options);
    let pair = snapshot.pairs.choose(
        current.as_deref(),
        &participant.constituencies,
        &answered,
        seed,
    );
    Ok(pair.map(|(left, right)| (options[left].clone(), options[right].clone())))
}

/// An open priority list that follows a dialogue, for the link from the dialogue's pages.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FollowingList {
    /// Where a participant joins it.
    pub url: String,
    /// Its title.
    pub title: String,
}

/// Lists the open priority lists drafted from a dialogue, in id order: the next step of the
/// partnership's cycle, offered to the dialogue's participants.
pub async fn lists_following(
    state: &AppState,
    dialogue: &store::Dialogue,
) -> Result<Vec<FollowingList>, ApiError> {
    Ok(state
        .store()
        .list_priority_lists(dialogue.partnership)
        .await?
        .into_iter()
        .filter(|list| list.is_open && list.dialogue == Some(dialogue.id))
        .map(|list| FollowingList {
            url: format!("/p/{}", list.id),
            title: list.settings.title.as_str().to_owned(),
        })
        .collect())
}

/// Records a comparison, within the rate limits of votes, and answers only once it is
/// durably stored; a retry with the same idempotency key is a replay.
pub async fn compare(
    state: &AppState,
    client: ClientAddress,
    participant: &PriorityParticipant,
    input: ComparisonInput<'_>,
) -> Result<ComparisonReceipt, ApiError> {
    if input.left == input.right {
        return Err(ApiError::invalid("priority-refused-same-option", &[]));
    }
    if input.reason.is_some() && input.choice != ComparisonChoice::Neither {
        return Err(ApiError::invalid(
            "priority-refused-reason-not-neither",
            &[],
        ));
    }
    let idempotency_key = input
        .idempotency_key
        .map(IdempotencyKey::parse)
        .transpose()?;
    state.limit_comparisons(participant.id, client).await?;
    let new = NewComparison {
        participant: participant.id,
        left: input.left,
        right: input.right,
        choice: input.choice,
        reason: input.reason,
        compared_at: state.now_ms(),
        idempotency_key,
    };
    // On SQLite comparisons share one commit per batch, as votes do; PostgreSQL takes each
    // in its own transaction, concurrently.
    let receipt = if state.store().backend() == store::Backend::Sqlite {
        state.comparisons().submit(new).await.map_err(|error| {
            ApiError::Unavailable(
                anyhow::Error::new(error).context("the comparison writer has stopped"),
            )
        })??
    } else {
        state.store().record_comparison(new).await?
    };
    if receipt.outcome == store::ComparisonOutcome::New {
        state.analysis().priority_list_changed(participant.list);
    }
    Ok(receipt)
}

/// Adds a participant's option (1 to 280 characters), moderated as statements are, within the
/// allowance and rate limit of statements.
pub async fn add_participant_option(
    state: &AppState,
    client: ClientAddress,
    participant: &PriorityParticipant,
    text: &str,
) -> Result<PriorityOption, ApiError> {
    let text = OptionText::parse(text)?;
    let allowed = state.config().max_statements_per_participant;
    let written = state
        .store()
        .list_priority_options(participant.list)
        .await?
        .iter()
        .filter(|option| option.author == Some(participant.id))
        .count();
    if u32::try_from(written).unwrap_or(u32::MAX) >= allowed {
        return Err(ApiError::refused(
            ErrorCode::StatementLimitReached,
            "priority-refused-option-limit",
            &[("allowed", Arg::from(allowed))],
        ));
    }
    state
        .limit_participant_options(participant.id, client)
        .await?;
    Ok(state
        .store()
        .add_priority_option(NewPriorityOption {
            list: participant.list,
            text,
            author: Some(participant.id),
            created_at: state.now_ms(),
        })
        .await?)
}

/// Everything a priority list holds about one participant.
#[derive(Debug, Clone)]
pub struct ParticipantData {
    /// The list.
    pub list: PriorityList,
    /// The participant.
    pub participant: PriorityParticipant,
    /// Their comparisons, in the order they were made.
    pub comparisons: Vec<Comparison>,
    /// Every option of the list by id, to name the compared ones.
    pub options: BTreeMap<PriorityOptionId, PriorityOption>,
}

/// Gathers everything the list holds about a participant.
pub async fn my_data(
    state: &AppState,
    participant: &PriorityParticipant,
) -> Result<ParticipantData, ApiError> {
    let store = state.store();
    let list = store.get_priority_list(participant.list).await?;
    let comparisons = store.participant_comparisons(participant.id).await?;
    let options = store
        .list_priority_options(list.id)
        .await?
        .into_iter()
        .map(|option| (option.id, option))
        .collect();
    Ok(ParticipantData {
        list,
        participant: participant.clone(),
        comparisons,
        options,
    })
}

/// Erases a participant: their token, constituencies and comparisons; their options nobody
/// else compared go too. Allowed after the list has closed.
pub async fn erase(
    state: &AppState,
    participant: &PriorityParticipant,
) -> Result<PriorityErasure, ApiError> {
    let erasure = state
        .store()
        .erase_priority_participant(participant.id)
        .await?;
    tracing::info!(
        list = %participant.list,
        comparisons_removed = erasure.comparisons_removed,
        "a participant of a priority list erased their data"
    );
    Ok(erasure)
}

/// A list's data in the command's file format, as `commonground priorities` reads it.
#[derive(Debug, Clone)]
pub struct ListFiles {
    /// `options.csv`: `option,text`, every option not rejected.
    pub options: String,
    /// `comparisons.csv`: `timestamp,participant,left,right,choice`, with `reason`.
    pub comparisons: String,
    /// `participants.csv`: `participant,constituencies`, names separated by `;`.
    pub participants: String,
    /// `constituencies.csv`: `constituency,expected_share,kind`, each constituency with an
    /// equal share, since each counts once.
    pub constituencies: String,
    /// `groups.csv`: `participant,group,label`, each participant's opinion group in the
    /// linked dialogue's latest analysis, for those who joined with their dialogue token.
    pub groups: String,
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Loaded once for the results and the export, so both count the same options and
/// comparisons.
struct ListData {
    list: PriorityList,
    options: Vec<PriorityOption>,
    comparisons: Vec<Comparison>,
    participants: Vec<PriorityParticipant>,
    groups: snapshot::LinkedGroups,
}

async fn load(state: &AppState, id: PriorityListId) -> Result<ListData, ApiError> {
    let store = state.store();
    let list = store.get_priority_list(id).await?;
    let options = snapshot::ranked_options(&list, &store.list_priority_options(id).await?);
    let index: BTreeSet<PriorityOptionId> = options.iter().map(|option| option.id).collect();
    let comparisons = store
        .list_comparisons(id)
        .await?
        .into_iter()
        .filter(|c| index.contains(&c.left) && index.contains(&c.right))
        .collect();
    let participants = store.list_priority_participants(id).await?;
    let groups = snapshot::linked_groups(store, &list, &participants).await?;
    Ok(ListData {
        list,
        options,
        comparisons,
        participants,
        groups,
    })
}

/// Writes a list's files for `commonground priorities`; only the list's convenors may.
pub async fn export(
    state: &AppState,
    actor: &CurrentConvenor,
    id: PriorityListId,
) -> Result<ListFiles, ApiError> {
    actor.priority_list(state, id).await?;
    let data = load(state, id).await?;
    let mut options = String::from("option,text\n");
    for option in &data.options {
        options.push_str(&format!("{},{}\n", option.id, csv_field(&option.text)));
    }
    let mut comparisons = String::from("timestamp,participant,left,right,choice,reason\n");
    for comparison in &data.comparisons {
        comparisons.push_str(&format!(
            "{},{},{},{},{},{}\n",
            comparison.compared_at,
            comparison.participant,
            comparison.left,
            comparison.right,
            comparison.choice.as_str(),
            comparison.reason.map_or("", UndecidedReason::as_str)
        ));
    }
    let mut participants = String::from("participant,constituencies\n");
    for participant in &data.participants {
        let names = constituency_names(&data.list, participant);
        if !names.is_empty() {
            participants.push_str(&format!(
                "{},{}\n",
                participant.id,
                csv_field(&names.join(";"))
            ));
        }
    }
    let mut constituencies = String::from("constituency,expected_share,kind\n");
    let share = if data.list.constituencies.is_empty() {
        0.0
    } else {
        1.0 / data.list.constituencies.len() as f64
    };
    for constituency in &data.list.constituencies {
        constituencies.push_str(&format!(
            "{},{share},{}\n",
            csv_field(constituency.name.as_str()),
            constituency.kind.map_or("", ConstituencyKind::as_str)
        ));
    }
    let mut groups = String::from("participant,group,label\n");
    for participant in &data.participants {
        if let Some((group, label)) = data
            .groups
            .of
            .get(&participant.id)
            .and_then(|&index| data.groups.groups.get(index))
        {
            groups.push_str(&format!(
                "{},{group},{}\n",
                participant.id,
                csv_field(label)
            ));
        }
    }
    Ok(ListFiles {
        options,
        comparisons,
        participants,
        constituencies,
        groups,
    })
}

/// Checks that the viewer may read a list's results: anyone when they are public; otherwise
/// only the convenors of the list's partnership (and administrators).
pub async fn may_read_results(
    state: &AppState,
    viewer: Option<&CurrentConvenor>,
    list: &PriorityList,
) -> Result<(), ApiError> {
    if list.settings.results_visibility == ReportVisibility::Public {
        return Ok(());
    }
    let convenes = match viewer {
        Some(viewer) => viewer
            .role_in(state, list.partnership)
            .await?
            .is_some_and(|role| role.convenes()),
        None => false,
    };
    if convenes {
        Ok(())
    } else {
        Err(ApiError::refused(
            ErrorCode::Forbidden,
            "priority-refused-results-for-convenors",
            &[],
        ))
    }
}

/// Returns a list's results to a viewer who may read them ([`may_read_results`]); `viewer` is
/// the signed-in account, if any.
pub async fn readable_results(
    state: &AppState,
    viewer: Option<&CurrentConvenor>,
    id: PriorityListId,
) -> Result<PriorityDocument, ApiError> {
    let list = state.store().get_priority_list(id).await?;
    may_read_results(state, viewer, &list).await?;
    results(state, id).await
}

/// Ranks a list's options: the document `commonground priorities --format json` writes for
/// the list's exported files. Served from the list's latest snapshot, which the background
/// analysis keeps current; computed now when there is none, or when it is stale and no
/// background analysis runs. Who may read it is [`readable_results`]'s to decide.
pub async fn results(state: &AppState, id: PriorityListId) -> Result<PriorityDocument, ApiError> {
    let revision = state.store().priority_list_revision(id).await?;
    let analysis = state.analysis();
    if let Some(kept) = analysis.priority_snapshot(id) {
        if kept.is_current(revision) {
            return Ok(kept.document.clone());
        }
        if analysis.is_running() {
            // Another instance may have taken the change: make sure a run follows.
            analysis.priority_list_changed(id);
            return Ok(kept.document.clone());
        }
    }
    Ok(snapshot_now(state, id).await?.document.clone())
}

/// Computes a list's snapshot now and keeps it.
async fn snapshot_now(
    state: &AppState,
    id: PriorityListId,
) -> Result<std::sync::Arc<snapshot::PrioritySnapshot>, ApiError> {
    let computed = snapshot::compute(state.store(), id, state.config().seed, state.now_ms())
        .await
        .map_err(|error| match error {
            snapshot::SnapshotError::Store(error) => ApiError::from(error),
            other => ApiError::internal(other),
        })?;
    let computed = std::sync::Arc::new(computed);
    state
        .analysis()
        .keep_priority_snapshot(std::sync::Arc::clone(&computed));
    Ok(computed)
}
