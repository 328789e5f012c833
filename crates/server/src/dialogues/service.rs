//! Each operation on a dialogue, once: the JSON handlers and the convenors' pages both call
//! these, so a dialogue created or changed through a page is the same as one made through the
//! API.

use model::{
    AnalysisWeighting, ConstituencyId, ConstituencyKind, ConstituencyName, Description, DialogueId,
    DialogueQuestion, DialogueSchedule, DialogueTitle, DuplicateMatch, ExpectedShare,
    ModerationPolicy, NormalizedText, PartnershipId, ReportVisibility, StatementId, StatementText,
    find_duplicate,
};
use store::{
    Dialogue, DialogueSettings, NewConstituency, NewDialogue, NewStatement, Partnership, Statement,
    StoreError,
};

use crate::api::{ConstituencyBody, CreateDialogueRequest, UpdateDialogueRequest, WeightingBody};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, Arg, ErrorCode, Said};
use crate::state::AppState;
use crate::views::validated;

/// The most seed statements or constituencies one request may create.
const MAX_ITEMS: usize = 500;

/// Returns the partnership a convenor creates a dialogue in: the one asked for, which they
/// must convene unless they are an administrator, or else their only partnership.
pub async fn convened_partnership(
    state: &AppState,
    convenor: &CurrentConvenor,
    requested: Option<PartnershipId>,
) -> Result<Partnership, ApiError> {
    let partnerships = state
        .store()
        .list_convenor_partnerships(convenor.convenor.id)
        .await?;
    match requested {
        Some(id) => match partnerships.into_iter().find(|found| found.id == id) {
            Some(partnership) => Ok(partnership),
            None if convenor.convenor.is_admin => Ok(state.store().get_partnership(id).await?),
            None => Err(ApiError::refused(
                ErrorCode::Forbidden,
                "convening-refused-not-your-partnership",
                &[],
            )),
        },
        None => match <[Partnership; 1]>::try_from(partnerships) {
            Ok([only]) => Ok(only),
            Err(partnerships) if partnerships.is_empty() => {
                Err(ApiError::invalid("convening-refused-no-partnership", &[]))
            }
            Err(_) => Err(ApiError::invalid(
                "convening-refused-which-partnership",
                &[],
            )),
        },
    }
}

/// Creates a dialogue with its constituencies and seed statements, in the partnership the
/// request names (or the convenor's only one), with the report visibility given.
pub async fn create(
    state: &AppState,
    convenor: &CurrentConvenor,
    request: &CreateDialogueRequest,
    report_visibility: ReportVisibility,
) -> Result<Dialogue, ApiError> {
    let settings = DialogueSettings {
        title: DialogueTitle::parse(&request.title)?,
        question: DialogueQuestion::parse(&request.question)?,
        description: Description::parse(request.description.as_deref().unwrap_or_default())?,
        allow_participant_statements: request.participant_statements.unwrap_or(true),
        moderation: request
            .moderation
            .map_or(ModerationPolicy::Post, ModerationPolicy::from),
        report_visibility,
    };
    let constituencies = request.constituencies.as_deref().unwrap_or_default();
    let statements = request.statements.as_deref().unwrap_or_default();
    if constituencies.len() > MAX_ITEMS || statements.len() > MAX_ITEMS {
        return Err(ApiError::invalid(
            "convening-refused-too-many-items",
            &[("max", MAX_ITEMS.into())],
        ));
    }
    let constituencies = check_constituencies(
        constituencies,
        &[],
        &ItemPlaces::numbered(Items::ApiConstituencies, constituencies.len()),
    )?;
    let seed_statements = check_seed_statements(
        statements,
        &ItemPlaces::numbered(Items::ApiStatements, statements.len()),
    )?;
    let schedule = check_schedule(
        request.opens_at.as_deref(),
        request.closes_at.as_deref(),
        ScheduleFields::API,
    )?;
    let requested = request.partnership_id.map(PartnershipId);
    let partnership = convened_partnership(state, convenor, requested).await?;
    Ok(state
        .store()
        .create_dialogue(NewDialogue {
            partnership: partnership.id,
            settings,
            constituencies,
            seed_statements,
            schedule,
            created_by: Some(convenor.convenor.id),
            created_at: state.now_ms(),
        })
        .await?)
}

/// Returns the dialogues of the partnerships a convenor convenes (every one, for an
/// administrator).
pub async fn list(state: &AppState, convenor: &CurrentConvenor) -> Result<Vec<Dialogue>, ApiError> {
    let partnerships = if convenor.convenor.is_admin {
        state.store().list_partnerships().await?
    } else {
        state
            .store()
            .list_convenor_partnerships(convenor.convenor.id)
            .await?
    };
    let mut dialogues = Vec::new();
    for partnership in partnerships {
        dialogues.extend(state.store().list_dialogues(partnership.id).await?);
    }
    Ok(dialogues)
}

/// Changes a dialogue's settings; fields left out keep their value.
pub async fn update_settings(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    change: &UpdateDialogueRequest,
) -> Result<Dialogue, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let mut settings = dialogue.settings.clone();
    if let Some(title) = &change.title {
        settings.title = DialogueTitle::parse(title)?;
    }
    if let Some(question) = &change.question {
        settings.question = DialogueQuestion::parse(question)?;
    }
    if let Some(description) = &change.description {
        settings.description = Description::parse(description)?;
    }
    if let Some(allowed) = change.participant_statements {
        settings.allow_participant_statements = allowed;
    }
    if let Some(moderation) = change.moderation {
        settings.moderation = moderation.into();
    }
    if let Some(visibility) = change.report_visibility {
        settings.report_visibility = visibility.into();
    }
    let schedule = if change.opens_at.is_some() || change.closes_at.is_some() {
        let current = |time: Option<i64>| time.map(crate::time::rfc3339);
        let opens = change
            .opens_at
            .clone()
            .unwrap_or_else(|| current(dialogue.schedule.opens_at()));
        let closes = change
            .closes_at
            .clone()
            .unwrap_or_else(|| current(dialogue.schedule.closes_at()));
        Some(check_schedule(
            opens.as_deref(),
            closes.as_deref(),
            ScheduleFields::API,
        )?)
    } else {
        None
    };
    let mut updated = state
        .store()
        .update_dialogue_settings(dialogue.id, settings)
        .await?;
    if let Some(schedule) = schedule
        && schedule != updated.schedule
    {
        updated = state
            .store()
            .set_dialogue_schedule(updated.id, schedule)
            .await?;
    }
    if change.weighting.is_some() || change.population_shares.is_some() {
        updated = set_weighting(state, &updated, change).await?;
    }
    state.analysis().changed(updated.id);
    if let Some(shared) = change.shared_with_partners {
        updated = crate::partnerships::service::share_dialogue(state, convenor, id, shared).await?;
    }
    Ok(updated)
}

/// Sets how the analysis weighs participants and the constituencies' population shares, after
/// checking every named constituency and every share.
async fn set_weighting(
    state: &AppState,
    dialogue: &Dialogue,
    change: &UpdateDialogueRequest,
) -> Result<Dialogue, ApiError> {
    let weighting = match change.weighting {
        None => dialogue.weighting,
        Some(WeightingBody::Default) => None,
        Some(WeightingBody::HeadCount) => Some(AnalysisWeighting::HeadCount),
        Some(WeightingBody::Equal) => Some(AnalysisWeighting::Equal),
        Some(WeightingBody::Frame) => Some(AnalysisWeighting::Frame),
    };
    let mut shares = Vec::new();
    for (name, share) in change.population_shares.iter().flatten() {
        let constituency = dialogue
            .constituencies
            .iter()
            .find(|constituency| constituency.name.as_str() == name.trim())
            .ok_or_else(|| {
                ApiError::invalid(
                    "convening-refused-population-no-constituency",
                    &[("name", format!("{name:?}").into())],
                )
            })?;
        let share = share
            .map(|share| {
                ExpectedShare::parse(share).map_err(|_| {
                    ApiError::invalid(
                        "convening-refused-population-share",
                        &[("name", format!("{name:?}").into())],
                    )
                })
            })
            .transpose()?;
        shares.push((constituency.id, share));
    }
    Ok(state
        .store()
        .set_dialogue_weighting(dialogue.id, weighting, shares)
        .await?)
}

/// Opens or closes a dialogue; doing either twice is not an error. Reopening a dialogue whose
/// closing time has passed removes that time (keeping any opening time), since the convenor
/// asks for it to be open now.
pub async fn set_open(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    is_open: bool,
) -> Result<Dialogue, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let now = state.now_ms();
    if is_open
        && dialogue
            .schedule
            .closes_at()
            .is_some_and(|closes| closes <= now)
    {
        let schedule = validated(DialogueSchedule::new(dialogue.schedule.opens_at(), None))?;
        state
            .store()
            .set_dialogue_schedule(dialogue.id, schedule)
            .await?;
    }
    Ok(state
        .store()
        .set_dialogue_open(dialogue.id, is_open)
        .await?)
}

/// What a schedule's two times are called in error messages: the JSON fields, or the form's
/// labels; each is the key of its name in the catalogues.
#[derive(Debug, Clone, Copy)]
pub struct ScheduleFields {
    /// The key of the opening time's name.
    pub opens: &'static str,
    /// The key of the closing time's name.
    pub closes: &'static str,
}

impl ScheduleFields {
    /// The JSON fields `opens_at` and `closes_at`.
    pub const API: ScheduleFields = ScheduleFields {
        opens: "convening-refused-field-opens-at",
        closes: "convening-refused-field-closes-at",
    };
}

/// Reads a dialogue's opening and closing times as typed (empty or left out: no such time),
/// each as RFC 3339 or as a date-and-time field sends it (read as UTC), and checks that the
/// closing time comes after the opening time. Errors name the field as `fields` says. A time
/// already past is allowed: a closing time in the past closes the dialogue.
pub fn check_schedule(
    opens_at: Option<&str>,
    closes_at: Option<&str>,
    fields: ScheduleFields,
) -> Result<DialogueSchedule, ApiError> {
    let read = |text: Option<&str>, field: &'static str| -> Result<Option<i64>, ApiError> {
        match text.map(str::trim).filter(|text| !text.is_empty()) {
            None => Ok(None),
            Some(text) => crate::time::parse_moment(text).map(Some).map_err(|_| {
                ApiError::invalid(
                    "convening-refused-not-a-moment",
                    &[
                        ("field", Arg::Said(field)),
                        ("typed", format!("{text:?}").into()),
                    ],
                )
            }),
        }
    };
    let opens = read(opens_at, fields.opens)?;
    let closes = read(closes_at, fields.closes)?;
    let moment = |time: Option<i64>| time.map_or_else(|| Arg::from(""), Arg::Moment);
    DialogueSchedule::new(opens, closes).map_err(|_| {
        ApiError::invalid(
            "convening-refused-closes-before-opens",
            &[
                ("field", Arg::Said(fields.closes)),
                ("closes", moment(closes)),
                ("opens", moment(opens)),
            ],
        )
    })
}

/// Adds one constituency to a dialogue; a name the dialogue already has is a `conflict`.
pub async fn add_constituency(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    body: &ConstituencyBody,
) -> Result<(), ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let places = ItemPlaces {
        what: Items::Constituency,
        places: vec![Place::Named(body.name.trim().to_owned())],
    };
    let constituency = check_constituencies(
        std::slice::from_ref(body),
        &dialogue.constituencies,
        &places,
    )?
    .remove(0);
    match state
        .store()
        .add_constituency(dialogue.id, constituency)
        .await
    {
        Ok(_) => {}
        Err(StoreError::Duplicate { .. }) => return Err(name_taken()),
        Err(error) => return Err(error.into()),
    }
    state.analysis().changed(dialogue.id);
    Ok(())
}

/// How many seed statements were added, and how many the dialogue already had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedsAdded {
    /// Statements added.
    pub added: u64,
    /// Statements left out because the dialogue already says the same.
    pub skipped: u64,
}

/// Adds seed statements to a dialogue, leaving out those it already has.
pub async fn add_seed_statements(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    texts: Vec<StatementText>,
) -> Result<SeedsAdded, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let mut seeds = SeedsAdded {
        added: 0,
        skipped: 0,
    };
    for text in texts {
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
            Ok(_) => seeds.added += 1,
            Err(StoreError::DuplicateStatement { .. }) => seeds.skipped += 1,
            Err(error) => return Err(error.into()),
        }
    }
    state.analysis().changed(dialogue.id);
    Ok(seeds)
}

/// Makes a new dialogue in the same partnership from an existing one: its question,
/// description, constituencies (with their shares and kinds), the seed statements it still
/// shows, and its settings and weighting; no participants, votes or participants' statements.
/// It is open, titled "Copy of …", and not shared with partners.
pub async fn copy(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
) -> Result<Dialogue, ApiError> {
    let source = convenor.dialogue(state, id).await?;
    let mut seeds = Vec::new();
    let mut after = None;
    loop {
        let page = state
            .store()
            .list_statements(
                source.id,
                &store::StatementFilter {
                    is_seed: Some(true),
                    after,
                    limit: Some(store::StatementFilter::MAX_LIMIT),
                    ..store::StatementFilter::default()
                },
            )
            .await?;
        for statement in &page.statements {
            if statement.moderation != model::ModerationStatus::Rejected {
                seeds.push(StatementText::parse(&statement.text)?);
            }
        }
        match page.next_after {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let title: String = format!("Copy of {}", source.settings.title.as_str())
        .chars()
        .take(DialogueTitle::MAX_CHARS)
        .collect();
    let settings = DialogueSettings {
        title: DialogueTitle::parse(&title)?,
        ..source.settings.clone()
    };
    let constituencies = source
        .constituencies
        .iter()
        .map(|constituency| NewConstituency {
            name: constituency.name.clone(),
            expected_share: constituency.expected_share,
            kind: constituency.kind,
        })
        .collect();
    let mut copied = state
        .store()
        .create_dialogue(NewDialogue {
            partnership: source.partnership,
            settings,
            constituencies,
            seed_statements: seeds,
            schedule: model::DialogueSchedule::NONE,
            created_by: Some(convenor.convenor.id),
            created_at: state.now_ms(),
        })
        .await?;
    let shares: Vec<(ConstituencyId, Option<ExpectedShare>)> = source
        .constituencies
        .iter()
        .filter(|constituency| constituency.population_share.is_some())
        .filter_map(|constituency| {
            copied
                .constituencies
                .iter()
                .find(|new| new.name == constituency.name)
                .map(|new| (new.id, constituency.population_share))
        })
        .collect();
    if source.weighting.is_some() || !shares.is_empty() {
        copied = state
            .store()
            .set_dialogue_weighting(copied.id, source.weighting, shares)
            .await?;
    }
    state.analysis().changed(copied.id);
    Ok(copied)
}

/// What the items of a list are, starting a message about one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// The API's `constituencies` of a new dialogue.
    ApiConstituencies,
    /// The API's `statements` of a new dialogue.
    ApiStatements,
    /// The new-dialogue form's constituencies, one per line.
    Constituencies,
    /// Seed statements typed one per line or read from a CSV file.
    SeedStatement,
    /// One constituency, added or changed on its own.
    Constituency,
}

/// Where one item of a list is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The item numbered so in the API's list, from 1.
    Item(usize),
    /// The line numbered so of a text box, from 1.
    Line(usize),
    /// The row numbered so of a CSV file, from 1.
    CsvRow(usize),
    /// The item with this name, said quoted.
    Named(String),
}

impl Place {
    /// Says where the item is: "line 3", "CSV row 2", "item 1", or its quoted name.
    fn said(&self) -> Arg {
        let numbered =
            |key, number: &usize| Said::new(key, &[("number", number.to_string().into())]).into();
        match self {
            Place::Item(number) => numbered("convening-refused-place-item", number),
            Place::Line(number) => numbered("convening-refused-place-line", number),
            Place::CsvRow(number) => numbered("convening-refused-place-csv-row", number),
            Place::Named(name) => format!("{name:?}").into(),
        }
    }
}

/// Names the items of a list in messages: what they are ("Constituencies", "Seed statement")
/// and where each one is ("line 3", "CSV row 2", "item 1").
#[derive(Debug, Clone)]
pub struct ItemPlaces {
    /// What the items are, starting the message.
    pub what: Items,
    /// Where each item is, in the order of the list.
    pub places: Vec<Place>,
}

impl ItemPlaces {
    /// Numbers `count` items from 1: "item 1", "item 2", ...
    pub fn numbered(what: Items, count: usize) -> ItemPlaces {
        ItemPlaces {
            what,
            places: (1..=count).map(Place::Item).collect(),
        }
    }

    /// Says where the item at `index` is; an item the places lack is named by its number.
    fn place(&self, index: usize) -> Arg {
        self.places
            .get(index)
            .map_or_else(|| Place::Item(index + 1).said(), Place::said)
    }

    /// Starts a message about one item: "Constituencies line 3".
    fn label(&self, index: usize) -> Arg {
        let key = match self.what {
            Items::ApiConstituencies => "convening-refused-items-api-constituencies",
            Items::ApiStatements => "convening-refused-items-api-statements",
            Items::Constituencies => "convening-refused-items-constituencies",
            Items::SeedStatement => "convening-refused-items-seed-statement",
            Items::Constituency => "convening-refused-items-constituency",
        };
        Said::new(key, &[("place", self.place(index))]).into()
    }
}

/// Refuses a constituency name another of the dialogue's constituencies already has.
fn name_taken() -> ApiError {
    ApiError::refused(ErrorCode::Conflict, "convening-refused-name-taken", &[])
}

/// Refuses a constituency the dialogue does not have.
fn no_such_constituency() -> ApiError {
    ApiError::refused(
        ErrorCode::NotFound,
        "convening-refused-no-constituency",
        &[],
    )
}

/// Writes a share between 0 and 1 as people type it: "15%", "12.5%".
pub fn share_percent(share: f64) -> String {
    let text = format!("{:.2}", share * 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}%")
}

/// Checks constituencies to create or to add to those a dialogue has (`existing`): each name
/// valid and not repeated, each expected share from 0% to 100%, and the shares together at
/// most 100%. The error names the item at fault as `places` says, with shares in percent.
pub fn check_constituencies(
    bodies: &[ConstituencyBody],
    existing: &[store::Constituency],
    places: &ItemPlaces,
) -> Result<Vec<NewConstituency>, ApiError> {
    let mut total: f64 = existing
        .iter()
        .filter_map(|constituency| constituency.expected_share.map(ExpectedShare::get))
        .sum();
    let mut checked: Vec<NewConstituency> = Vec::with_capacity(bodies.len());
    for (index, body) in bodies.iter().enumerate() {
        let label = || places.label(index);
        let name =
            ConstituencyName::parse(&body.name).map_err(|error| labelled(label(), &error))?;
        let quoted = || Arg::from(format!("{:?}", name.as_str()));
        if let Some(earlier) = checked
            .iter()
            .position(|other| other.name.as_str() == name.as_str())
        {
            return Err(ApiError::invalid(
                "convening-refused-constituency-repeated",
                &[
                    ("label", label()),
                    ("earlier", places.place(earlier)),
                    ("name", quoted()),
                ],
            ));
        }
        if existing
            .iter()
            .any(|other| other.name.as_str() == name.as_str())
        {
            return Err(ApiError::refused(
                ErrorCode::Conflict,
                "convening-refused-constituency-exists",
                &[("label", label()), ("name", quoted())],
            ));
        }
        let expected_share = body
            .expected_share
            .map(|share| {
                ExpectedShare::parse(share).map_err(|_| {
                    if share.is_finite() {
                        ApiError::invalid(
                            "convening-refused-share-range",
                            &[("label", label()), ("share", share_percent(share).into())],
                        )
                    } else {
                        ApiError::invalid(
                            "convening-refused-share-given-range",
                            &[("label", label())],
                        )
                    }
                })
            })
            .transpose()?;
        total += expected_share.map_or(0.0, ExpectedShare::get);
        if total > 1.0 + 1e-9 {
            return Err(ApiError::invalid(
                "convening-refused-shares-total",
                &[("label", label()), ("total", share_percent(total).into())],
            ));
        }
        checked.push(NewConstituency {
            name,
            expected_share,
            kind: body.kind.map(ConstituencyKind::from),
        });
    }
    Ok(checked)
}

/// Says what is wrong with an item's text after where the item is: "Constituencies line 3:
/// constituency name is empty".
fn labelled(label: Arg, error: &model::TextError) -> ApiError {
    ApiError::invalid(
        "convening-refused-labelled",
        &[("label", label), ("problem", Said::text(error).into())],
    )
}

/// Checks seed statements: each one valid and none repeating another once normalised (near
/// duplicates are allowed, and flagged by the store). The error names the item at fault as
/// `places` says: "Seed statement line 4 repeats line 2".
pub fn check_seed_statements(
    texts: &[String],
    places: &ItemPlaces,
) -> Result<Vec<StatementText>, ApiError> {
    let mut checked = Vec::with_capacity(texts.len());
    let mut normalized: Vec<NormalizedText> = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        let statement =
            StatementText::parse(text).map_err(|error| labelled(places.label(index), &error))?;
        let this = NormalizedText::new(statement.as_str());
        let found = find_duplicate(&this, normalized.iter().enumerate());
        if let Some(DuplicateMatch::Exact(earlier)) = found {
            return Err(ApiError::invalid(
                "convening-refused-seed-repeated",
                &[
                    ("label", places.label(index)),
                    ("earlier", places.place(earlier)),
                ],
            ));
        }
        normalized.push(this);
        checked.push(statement);
    }
    Ok(checked)
}

/// Changes a constituency's name, expected share and kind, keeping the dialogue's shares at
/// most 100% together.
pub async fn update_constituency(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    constituency: ConstituencyId,
    body: &ConstituencyBody,
) -> Result<Dialogue, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let Some(current) = dialogue
        .constituencies
        .iter()
        .find(|found| found.id == constituency)
    else {
        return Err(no_such_constituency());
    };
    let others: Vec<store::Constituency> = dialogue
        .constituencies
        .iter()
        .filter(|other| other.id != constituency)
        .cloned()
        .collect();
    let places = ItemPlaces {
        what: Items::Constituency,
        places: vec![Place::Named(current.name.as_str().to_owned())],
    };
    let change = check_constituencies(std::slice::from_ref(body), &others, &places)?.remove(0);
    state
        .store()
        .update_constituency(dialogue.id, constituency, change)
        .await
        .map_err(|error| match error {
            StoreError::Duplicate { .. } => name_taken(),
            other => other.into(),
        })?;
    state.analysis().changed(dialogue.id);
    Ok(state.store().get_dialogue(dialogue.id).await?)
}

/// The store's words for a seed statement that has votes.
const SEED_HAS_VOTES: &str = "the statement has votes, so it can no longer be changed or removed; reject it in moderation instead";

/// Turns the store's refusal to change something with history into a `conflict`, said
/// through the catalogues when it is one of the refusals they know.
fn in_use(error: StoreError) -> ApiError {
    match error {
        StoreError::Invalid(message) if message == SEED_HAS_VOTES => {
            ApiError::refused(ErrorCode::Conflict, "convening-refused-seed-has-votes", &[])
        }
        StoreError::Invalid(message) => match constituency_members(&message) {
            Some(members) => ApiError::refused(
                ErrorCode::Conflict,
                "convening-refused-constituency-has-members",
                &[("members", members.into())],
            ),
            None => ApiError::new(ErrorCode::Conflict, message),
        },
        StoreError::NotFound(store::Entity::Constituency) => no_such_constituency(),
        StoreError::NotFound(store::Entity::Statement) => ApiError::refused(
            ErrorCode::StatementNotFound,
            "convening-refused-no-seed",
            &[],
        ),
        other => other.into(),
    }
}

/// Reads how many members the store says a constituency it would not remove has, from its
/// words "the constituency has 3 members; only a constituency nobody has chosen can be
/// removed"; `None` for any other words.
fn constituency_members(message: &str) -> Option<i64> {
    let rest = message.strip_prefix("the constituency has ")?;
    let (count, rest) = rest.split_once(' ')?;
    let members: i64 = count.parse().ok()?;
    let noun = if members == 1 { "member" } else { "members" };
    (rest == format!("{noun}; only a constituency nobody has chosen can be removed"))
        .then_some(members)
}

/// Removes a constituency nobody has chosen; one with members is a `conflict`.
pub async fn remove_constituency(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    constituency: ConstituencyId,
) -> Result<Dialogue, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    state
        .store()
        .remove_constituency(dialogue.id, constituency)
        .await
        .map_err(in_use)?;
    state.analysis().changed(dialogue.id);
    Ok(state.store().get_dialogue(dialogue.id).await?)
}

/// Rewrites a seed statement nobody has voted on; one with votes is a `conflict` (reject it in
/// moderation instead).
pub async fn edit_seed_statement(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statement: StatementId,
    text: &str,
) -> Result<Statement, ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    let text = StatementText::parse(text)?;
    let edited = state
        .store()
        .edit_seed_statement(dialogue.id, statement, text)
        .await
        .map_err(in_use)?;
    state.analysis().changed(dialogue.id);
    Ok(edited)
}

/// Removes a seed statement nobody has voted on; one with votes is a `conflict` (reject it in
/// moderation instead).
pub async fn remove_seed_statement(
    state: &AppState,
    convenor: &CurrentConvenor,
    id: DialogueId,
    statement: StatementId,
) -> Result<(), ApiError> {
    let dialogue = convenor.dialogue(state, id).await?;
    state
        .store()
        .remove_seed_statement(dialogue.id, statement)
        .await
        .map_err(in_use)?;
    state.analysis().changed(dialogue.id);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(name: &str, share: Option<f64>) -> ConstituencyBody {
        ConstituencyBody {
            name: name.to_owned(),
            expected_share: share,
            kind: None,
        }
    }

    fn lines(numbers: &[usize]) -> ItemPlaces {
        ItemPlaces {
            what: Items::Constituencies,
            places: numbers.iter().copied().map(Place::Line).collect(),
        }
    }

    fn message(error: ApiError) -> String {
        match error {
            ApiError::Client { message, .. } => message,
            other => panic!("not a client error: {other:?}"),
        }
    }

    #[test]
    fn shares_are_written_as_percentages() {
        assert_eq!(share_percent(0.15), "15%");
        assert_eq!(share_percent(0.125), "12.5%");
        assert_eq!(share_percent(1.5), "150%");
        assert_eq!(share_percent(0.0), "0%");
    }

    #[test]
    fn constituency_errors_name_the_line_and_speak_in_percent() {
        let error = check_constituencies(
            &[body("Carer", Some(0.15)), body("GP", Some(1.5))],
            &[],
            &lines(&[1, 3]),
        )
        .unwrap_err();
        assert_eq!(
            message(error),
            "Constituencies line 3: the expected share 150% must be between 0% and 100%"
        );
        let error = check_constituencies(
            &[body("Carer", Some(0.6)), body("GP", Some(0.5))],
            &[],
            &lines(&[1, 2]),
        )
        .unwrap_err();
        assert_eq!(
            message(error),
            "Constituencies line 2: the expected shares add up to 110% with this one; together they can be at most 100%"
        );
        let error = check_constituencies(
            &[body("Carer", None), body("Carer", None)],
            &[],
            &lines(&[2, 5]),
        )
        .unwrap_err();
        assert!(message(error).starts_with("Constituencies line 5 repeats the name of line 2"),);
        let fine = check_constituencies(
            &[
                body("Carer", Some(0.5)),
                body("GP", Some(0.5)),
                body("Resident", None),
            ],
            &[],
            &lines(&[1, 2, 3]),
        )
        .unwrap();
        assert_eq!(fine.len(), 3);
    }

    #[test]
    fn schedule_errors_name_the_field() {
        let fields = ScheduleFields {
            opens: "convening-opening-time",
            closes: "convening-closing-time",
        };
        let error = check_schedule(Some("next week"), None, fields).unwrap_err();
        assert!(message(error).starts_with("Opening time: \"next week\" is not a date and time"),);
        let error =
            check_schedule(None, Some("2027-02-30T10:00"), ScheduleFields::API).unwrap_err();
        assert!(message(error).starts_with("closes_at: \"2027-02-30T10:00\""));
        let error =
            check_schedule(Some("2027-03-12T17:00"), Some("2027-03-12T09:00"), fields).unwrap_err();
        assert_eq!(
            message(error),
            "Closing time: the dialogue would close on 12 March 2027, 09:00 UTC but open only on 12 March 2027, 17:00 UTC; the closing time must come after the opening time"
        );
        let schedule =
            check_schedule(Some(" "), Some("2027-03-12T17:00:00Z"), ScheduleFields::API).unwrap();
        assert_eq!(schedule.opens_at(), None);
        assert_eq!(schedule.closes_at(), Some(1_804_870_800_000));
    }

    #[test]
    fn the_stores_refusals_of_a_removal_keep_their_english_and_gain_a_welsh() {
        for members in [0_i64, 1, 3] {
            let noun = if members == 1 { "member" } else { "members" };
            let said = format!(
                "the constituency has {members} {noun}; only a constituency nobody has chosen can be removed"
            );
            let error = in_use(StoreError::Invalid(said.clone()));
            assert_eq!(error.code(), ErrorCode::Conflict);
            assert_eq!(message(error), said);
        }
        let error = in_use(StoreError::Invalid(SEED_HAS_VOTES.to_owned()));
        assert!(
            error
                .message_in(crate::web::language::Language::Welsh)
                .starts_with("mae gan y datganiad bleidleisiau"),
        );
        assert_eq!(message(error), SEED_HAS_VOTES);
        // Words the catalogues do not know pass on as the store says them.
        let error = in_use(StoreError::Invalid("something else".to_owned()));
        assert!(error.words().is_none());
        assert_eq!(message(error), "something else");
    }

    #[test]
    fn an_items_refusal_is_said_in_welsh_with_its_place() {
        let error = check_constituencies(&[body("", None)], &[], &lines(&[4])).unwrap_err();
        assert_eq!(
            error.message_in(crate::web::language::Language::Welsh),
            "Etholaethau, llinell 4: mae enw'r etholaeth yn wag"
        );
        assert_eq!(
            message(error),
            "Constituencies line 4: constituency name is empty"
        );
    }

    #[test]
    fn a_repeated_seed_statement_names_both_lines() {
        let texts = ["One", "Two", "Three", "  two "].map(str::to_owned);
        let places = ItemPlaces {
            what: Items::SeedStatement,
            places: (1..=4).map(Place::Line).collect(),
        };
        let error = check_seed_statements(&texts, &places).unwrap_err();
        assert_eq!(message(error), "Seed statement line 4 repeats line 2");
        assert_eq!(
            check_seed_statements(&texts[..3], &places).unwrap().len(),
            3
        );
    }
}
