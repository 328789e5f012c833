//! The objectives and actions pages: a partnership's objectives with the draft form and its
//! picker of common-ground statements, an objective's page (versions, stances by sector, the
//! engine's status sentence, the convenors' buttons, the stance form for representatives, the
//! actions with their progress forms), and a representative's open questions and actions.
//!
//! Every change goes through [`super::service`]; every form carries the session's form token. A
//! refused form shows its page again with the message and what was typed.
//!
//! The pages are shared by convenors and partners' representatives, so they are translated into
//! the representatives' languages ([`REPRESENTATIVE_LANGUAGES`]), with their strings in the
//! `representative` catalogue; the frozen evidence keeps the words it was captured with.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentValue;
use model::{DialogueId, PartnerId, PartnershipId, Sector};
use serde::Serialize;
use store::{ActionId, ObjectiveId, Partner, Phase, StoredRule, StoredStance};

use super::evidence::{Agreement, Evidence};
use super::service::{self, ActionInput, ActionState, Draft, ObjectiveState, StanceInput};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::report::document::group_name_in;
use crate::state::AppState;
use crate::trust::pages::sector_key;
use crate::versions::objectives::{
    ObjectiveReading, TranslationInput, objective_readings, put_objective_translation,
    remove_objective_translation, set_objective_language,
};
use crate::web::catalogue::{Choice, choices, text};
use crate::web::forms::FormData;
use crate::web::language::{Direction, Language, REPRESENTATIVE_LANGUAGES};
use crate::web::page_error::{PageError, said_in, sentence};
use crate::web::render::{Layout, page, percent};
use crate::web::security::{Asked, PageConvenor};
use crate::web::see_other;

/// What a refused form sent, shown again with the message.
#[derive(Debug, Clone, Default, Serialize)]
struct Echo {
    /// Which form: `draft`, `rule`, `amend`, `stance`, `action`, `note`, `phase`.
    form: &'static str,
    error: Option<String>,
    title: String,
    text: String,
    /// Ticked statements, as `dialogue:statement`.
    statements: Vec<String>,
    amends: String,
    partner: String,
    stance: String,
    reason: String,
    amendment: String,
    owner: String,
    shared: Vec<String>,
    lead_role: String,
    due_on: String,
    status: String,
    action: String,
    note: String,
}

/// Shows a refused form's page again with the refusal said in the page's `language`, or passes
/// on an error that is not the form's.
fn refused(
    language: Language,
    error: ApiError,
    form: &'static str,
    fill: impl FnOnce(&mut Echo),
) -> Result<(StatusCode, Echo), PageError> {
    match error {
        ApiError::Client { .. } if error.code().status() != StatusCode::FORBIDDEN => {
            let status = error.code().status();
            let mut echo = Echo {
                form,
                error: Some(said_in(language.within(&REPRESENTATIVE_LANGUAGES), &error)),
                ..Echo::default()
            };
            fill(&mut echo);
            Ok((status, echo))
        }
        other => Err(other.into()),
    }
}

/// The stances a partner may take, each with its message.
const STANCES: [(&str, &str); 3] = [
    ("endorse", "stance-endorse"),
    (
        "endorse_with_reservations",
        "stance-endorse-with-reservations",
    ),
    ("object", "stance-object"),
];

/// The statuses of an action, each with its message.
const STATUSES: [(&str, &str); 5] = [
    ("planned", "action-status-planned"),
    ("in_progress", "action-status-in-progress"),
    ("done", "action-status-done"),
    ("blocked", "action-status-blocked"),
    ("dropped", "action-status-dropped"),
];

/// An action's status (`in_progress`, ...) in words.
pub(crate) fn action_status_label(language: Language, status: &str) -> String {
    choice_label(language, &STATUSES, status)
}

fn choice_label(language: Language, options: &[(&'static str, &str)], value: &str) -> String {
    options
        .iter()
        .find(|(option, _)| *option == value)
        .map_or_else(|| value.to_owned(), |(_, key)| text(language, key, &[]))
}

pub(crate) fn status_label(language: Language, status: &str) -> String {
    let key = match status {
        "draft" => "objective-status-draft",
        "in_negotiation" => "objective-status-in-negotiation",
        "adopted" => "objective-status-adopted",
        _ => "objective-status-withdrawn",
    };
    text(language, key, &[])
}

pub(crate) fn sector_name(language: Language, word: &str) -> String {
    word.parse::<Sector>().map_or_else(
        |_| word.to_owned(),
        |sector| text(language, sector_key(sector), &[]),
    )
}

/// A count as a Fluent argument, so that it chooses plural forms.
fn count(number: usize) -> FluentValue<'static> {
    FluentValue::from(u64::try_from(number).unwrap_or(u64::MAX))
}

/// Says why an objective stands where it does, as the engine decided it
/// ([`engine::settlement::decide`]), in the page's language: "In negotiation: 1 of 3 partners
/// has responded; consent needs 2 (a quorum of 50%) and no objection."
fn decision_reason(language: Language, found: &ObjectiveState) -> String {
    use engine::settlement::ObjectiveStatus;
    let say = |key: &str, args: &[(&str, FluentValue<'_>)]| text(language, key, args);
    match found.decision.status {
        ObjectiveStatus::Withdrawn => say("objective-reason-withdrawn", &[]),
        ObjectiveStatus::Draft => say("objective-reason-draft", &[]),
        ObjectiveStatus::Adopted => adopted_reason(language, &found.decision.counts),
        ObjectiveStatus::InNegotiation => say(
            "objective-reason-negotiating",
            &[(
                "summary",
                service::negotiation_summary(found)
                    .in_language(language)
                    .into(),
            )],
        ),
    }
}

/// Says why an adopted objective was adopted, from the stances counted: "Adopted: all 4
/// partners endorse, 1 with reservations."
pub(crate) fn adopted_reason(
    language: Language,
    counts: &engine::settlement::StanceCounts,
) -> String {
    let partners = counts.partners();
    let say = |key: &str, args: &[(&str, FluentValue<'_>)]| text(language, key, args);
    let mut summary = if counts.endorsing() == partners {
        say(
            "objective-reason-all-endorse",
            &[("partners", count(partners))],
        )
    } else {
        say(
            "objective-reason-some-endorse",
            &[
                ("endorsing", count(counts.endorsing())),
                ("partners", count(partners)),
            ],
        )
    };
    if counts.with_reservations > 0 {
        summary.push_str(&say(
            "objective-reason-with-reservations",
            &[("count", count(counts.with_reservations))],
        ));
    }
    if counts.object > 0 {
        summary.push_str(&say(
            "objective-reason-objected",
            &[("count", count(counts.object))],
        ));
    }
    if counts.not_responded > 0 {
        summary.push_str(&say(
            "objective-reason-not-responded",
            &[("count", count(counts.not_responded))],
        ));
    }
    say("objective-reason-adopted", &[("summary", summary.into())])
}

#[derive(Serialize)]
struct ObjectiveRow {
    id: i64,
    title: String,
    status: String,
    status_key: &'static str,
    reason: String,
    version: u32,
}

fn objective_row(language: Language, state: &ObjectiveState) -> ObjectiveRow {
    let key = state.decision.status.as_str();
    ObjectiveRow {
        id: state.objective.id.0,
        title: state.objective.title.clone(),
        status: status_label(language, key),
        status_key: key,
        reason: decision_reason(language, state),
        version: state.objective.current_version,
    }
}

#[derive(Serialize)]
struct PickerStatement {
    value: String,
    number: usize,
    text: String,
    checked: bool,
}

#[derive(Serialize)]
struct PickerDialogue {
    id: i64,
    title: String,
    statements: Vec<PickerStatement>,
}

#[derive(Serialize)]
struct ObjectivesContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    convenes: bool,
    rule: &'static str,
    quorum: u8,
    rule_sentence: String,
    objectives: Vec<ObjectiveRow>,
    picker: Vec<PickerDialogue>,
    echo: Echo,
}

pub(crate) fn rule_sentence(language: Language, rule: StoredRule) -> String {
    match rule {
        StoredRule::Consent { quorum_percent } => text(
            language,
            "objective-rule-consent",
            &[("quorum", quorum_percent.into())],
        ),
        StoredRule::Unanimity => text(language, "objective-rule-unanimity", &[]),
    }
}

async fn objectives_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: PartnershipId,
    echo: Echo,
) -> Result<ObjectivesContext, PageError> {
    let language = asked.language;
    let actor = &convenor.current;
    let (partnership, _) = actor.see_partnership(state, id).await?;
    let (listed, role) = service::list_objectives(state, actor, id).await?;
    let rule = service::decision_rule(state, actor, id).await?;
    let picker = if role.convenes() {
        service::evidence_choices(state, actor, id)
            .await?
            .into_iter()
            .map(|choice| PickerDialogue {
                id: choice.dialogue.get(),
                title: choice.title,
                statements: choice
                    .statements
                    .into_iter()
                    .map(|(statement, number, text)| {
                        let value = format!("{}:{statement}", choice.dialogue);
                        PickerStatement {
                            checked: echo.statements.contains(&value),
                            value,
                            number,
                            text,
                        }
                    })
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let (rule_word, quorum) = match rule {
        StoredRule::Consent { quorum_percent } => ("consent", quorum_percent),
        StoredRule::Unanimity => ("unanimity", 50),
    };
    Ok(ObjectivesContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "objectives-title",
                &[("partnership", partnership.name.as_str().to_owned().into())],
            ),
        ),
        partnership_id: id.get(),
        partnership_name: partnership.name.as_str().to_owned(),
        convenes: role.convenes(),
        rule: rule_word,
        quorum,
        rule_sentence: rule_sentence(language, rule),
        objectives: listed
            .iter()
            .map(|state| objective_row(language, state))
            .collect(),
        picker,
        echo,
    })
}

async fn objectives_response(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: PartnershipId,
    status: StatusCode,
    echo: Echo,
) -> Result<Response, PageError> {
    let context = objectives_context(state, convenor, asked, id, echo).await?;
    Ok((status, page("objectives.html", context)?).into_response())
}

/// Answers `GET /convenor/partnerships/{pid}/objectives`: the partnership's objectives, its
/// decision rule and, for convenors, the draft form.
pub async fn objectives_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    objectives_response(
        &state,
        &convenor,
        asked,
        id,
        StatusCode::OK,
        Echo::default(),
    )
    .await
}

/// Reads the ticked statements (`dialogue:statement`): one dialogue and its statement ids.
fn picked(values: &[String]) -> Result<(Option<DialogueId>, Vec<u32>), ApiError> {
    let mut dialogue = None;
    let mut statements = Vec::new();
    for value in values {
        let parsed = value.split_once(':').and_then(|(left, right)| {
            Some((left.parse::<i64>().ok()?, right.parse::<u32>().ok()?))
        });
        let Some((found, statement)) = parsed else {
            return Err(ApiError::invalid("objectives-error-statement", &[]));
        };
        if dialogue.is_some_and(|seen| seen != DialogueId(found)) {
            return Err(ApiError::invalid("objectives-error-one-dialogue", &[]));
        }
        dialogue = Some(DialogueId(found));
        statements.push(statement);
    }
    Ok((dialogue, statements))
}

fn owned(values: Vec<&str>) -> Vec<String> {
    values.into_iter().map(str::to_owned).collect()
}

/// Answers `POST /convenor/partnerships/{pid}/objectives`: drafts an objective.
pub async fn draft(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/partnerships/{id}/objectives");
    let asked = Asked::posted(language, &path);
    let ticked = owned(form.get_all("statement"));
    let result = match picked(&ticked) {
        Ok((dialogue, statements)) => {
            let draft = Draft {
                title: form.text("title"),
                text: form.text("text"),
                dialogue,
                statements: &statements,
            };
            service::draft_objective(&state, &convenor.current, id, &draft).await
        }
        Err(error) => Err(error),
    };
    match result {
        Ok(drafted) => Ok(see_other(&format!(
            "/convenor/objectives/{}",
            drafted.objective.id.0
        ))),
        Err(error) => {
            let (status, echo) = refused(asked.language, error, "draft", |echo| {
                echo.title = form.text("title").to_owned();
                echo.text = form.text("text").to_owned();
                echo.statements = ticked.clone();
            })?;
            objectives_response(&state, &convenor, asked, id, status, echo).await
        }
    }
}

/// Answers `POST /convenor/partnerships/{pid}/decision-rule`: sets the decision rule.
pub async fn set_rule(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/partnerships/{id}/objectives");
    let asked = Asked::posted(language, &path);
    let rule = form.text("rule");
    let quorum = if rule == "consent" {
        match form.text("quorum").parse::<u32>() {
            Ok(quorum) => Some(quorum),
            Err(_) => Some(0),
        }
    } else {
        None
    };
    let result = match service::parse_rule(rule, quorum) {
        Ok(parsed) => service::set_decision_rule(&state, &convenor.current, id, parsed)
            .await
            .map(|_| ()),
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/convenor/partnerships/{id}/objectives"
        ))),
        Err(error) => {
            let (status, echo) = refused(asked.language, error, "rule", |_| {})?;
            objectives_response(&state, &convenor, asked, id, status, echo).await
        }
    }
}

#[derive(Serialize)]
struct AgreementLine {
    name: String,
    summary: String,
}

fn agreement_line(language: Language, agreement: &Agreement) -> AgreementLine {
    let seen = agreement.agree + agreement.disagree + agreement.pass;
    let votes = [
        ("agree", FluentValue::from(agreement.agree)),
        ("seen", FluentValue::from(seen)),
    ];
    let summary = match (agreement.rate, agreement.interval) {
        (Some(rate), Some([low, high])) => text(
            language,
            "evidence-agreement-interval",
            &[
                ("rate", percent(rate).into()),
                ("low", percent(low).into()),
                ("high", percent(high).into()),
                votes[0].clone(),
                votes[1].clone(),
            ],
        ),
        (Some(rate), None) => text(
            language,
            "evidence-agreement",
            &[
                ("rate", percent(rate).into()),
                votes[0].clone(),
                votes[1].clone(),
            ],
        ),
        _ => text(language, "evidence-no-votes", &[]),
    };
    AgreementLine {
        name: agreement.name.clone(),
        summary,
    }
}

#[derive(Serialize)]
struct EvidenceLine {
    number: usize,
    text: String,
    verdict: String,
    reason: String,
    overall: AgreementLine,
    groups: Vec<AgreementLine>,
    constituencies: Vec<AgreementLine>,
}

#[derive(Serialize)]
struct EvidenceCard {
    dialogue_id: i64,
    dialogue_title: String,
    captured_on: String,
    weighting: String,
    statements: Vec<EvidenceLine>,
}

fn evidence_card(language: Language, json: &str) -> Option<EvidenceCard> {
    let source = Evidence::read(json).ok()?.source?;
    Some(EvidenceCard {
        dialogue_id: source.dialogue_id,
        dialogue_title: source.dialogue_title,
        captured_on: source.captured_at.chars().take(10).collect(),
        weighting: {
            let (name, explanation) = source.weighting.words_in(language);
            format!("{name}: {explanation}")
        },
        statements: source
            .statements
            .iter()
            .map(|statement| {
                let (verdict, reason) = statement.words_in(language);
                EvidenceLine {
                    number: statement.number,
                    text: statement.text.clone(),
                    verdict,
                    reason: sentence(&reason),
                    overall: AgreementLine {
                        name: text(language, "report-everyone", &[]),
                        ..agreement_line(language, &statement.overall)
                    },
                    groups: statement
                        .groups
                        .iter()
                        .enumerate()
                        .map(|(index, line)| AgreementLine {
                            name: group_name_in(language, index),
                            ..agreement_line(language, line)
                        })
                        .collect(),
                    constituencies: statement
                        .constituencies
                        .iter()
                        .map(|line| agreement_line(language, line))
                        .collect(),
                }
            })
            .collect(),
    })
}

#[derive(Serialize)]
struct PartnerLine {
    name: String,
    stance: String,
    stance_key: String,
    reason: Option<String>,
    amendment: Option<String>,
    stance_id: Option<i64>,
    earlier: Option<String>,
}

#[derive(Serialize)]
struct SectorGroup {
    label: String,
    summary: String,
    partners: Vec<PartnerLine>,
}

#[derive(Serialize)]
struct StanceLine {
    partner: String,
    stance: String,
    reason: Option<String>,
    amendment: Option<String>,
    recorded_at: String,
}

#[derive(Serialize)]
struct VersionCard {
    version: u32,
    title: String,
    text: String,
    created_on: String,
    amends: Option<String>,
    is_current: bool,
    stances: Vec<StanceLine>,
    evidence: Option<EvidenceCard>,
}

#[derive(Serialize)]
struct StanceForm {
    partner_id: i64,
    partner_name: String,
    current: Option<String>,
}

#[derive(Serialize)]
struct NoteLine {
    date: String,
    status: String,
    note: String,
}

#[derive(Serialize)]
struct ActionCard {
    id: i64,
    objective_id: i64,
    title: String,
    owner: String,
    shared_with: Vec<String>,
    lead_role: String,
    due_on: Option<String>,
    status: String,
    status_key: String,
    is_late: bool,
    is_blocked: bool,
    days_late: i32,
    notes: Vec<NoteLine>,
    may_report: bool,
    /// The action's ripple on each system map it is pinned to (the objective's page only).
    ripples: Vec<ActionRipple>,
}

/// An action's ripple on one system map, as its card shows it.
#[derive(Serialize)]
struct ActionRipple {
    map_title: String,
    href: String,
    factor: String,
    push: String,
    steps: usize,
    other_partners: Vec<String>,
    reached: Vec<RippleLine>,
    loops: usize,
    loops_truncated: bool,
}

#[derive(Serialize)]
struct RippleLine {
    name: String,
    partner: Option<String>,
    effect: String,
    distance: usize,
}

/// Follows an action's ripple on every map it is pinned to.
async fn action_ripples(
    state: &AppState,
    actor: &crate::auth::CurrentConvenor,
    language: Language,
    action: store::ActionId,
) -> Result<Vec<ActionRipple>, PageError> {
    let ripples = crate::system_map::service::action_ripples(state, actor, action).await?;
    Ok(ripples
        .into_iter()
        .filter_map(|ripple| {
            let document = ripple.document;
            let entry = document.action?;
            Some(ActionRipple {
                map_title: ripple.map.title.clone(),
                href: format!(
                    "/convenor/maps/{}?from={}&push={}#ripple",
                    ripple.map.id.0,
                    ripple.pin.factor,
                    ripple.pin.push.as_str()
                ),
                factor: entry.name,
                push: text(
                    language,
                    match ripple.pin.push.as_str() {
                        "up" => "ripple-push-up",
                        _ => "ripple-push-down",
                    },
                    &[],
                ),
                steps: entry.steps,
                other_partners: entry.other_partners_reached,
                reached: document
                    .ripple
                    .unwrap_or_default()
                    .into_iter()
                    .map(|reached| RippleLine {
                        name: reached.name,
                        partner: reached.partner,
                        effect: text(
                            language,
                            match reached.effect.as_str() {
                                "up" => "ripple-effect-up",
                                "down" => "ripple-effect-down",
                                _ => "ripple-effect-mixed",
                            },
                            &[],
                        ),
                        distance: reached.distance,
                    })
                    .collect(),
                loops: entry.loops.len(),
                loops_truncated: entry.loops_truncated,
            })
        })
        .collect())
}

fn partner_name(partners: &[Partner], id: PartnerId) -> String {
    partners
        .iter()
        .find(|partner| partner.id == id)
        .map_or_else(
            || format!("Partner {id}"),
            |partner| partner.name.to_string(),
        )
}

fn action_card(
    language: Language,
    found: &ActionState,
    partners: &[Partner],
    may_report: bool,
) -> ActionCard {
    let action = &found.action;
    ActionCard {
        id: action.id.0,
        objective_id: action.objective.0,
        title: action.title.clone(),
        owner: partner_name(partners, action.owner),
        shared_with: action
            .shared_with
            .iter()
            .map(|partner| partner_name(partners, *partner))
            .collect(),
        lead_role: action.lead_role.clone(),
        due_on: action.due_on.clone(),
        status: choice_label(language, &STATUSES, &action.status),
        status_key: action.status.clone(),
        is_late: found.flags.is_late,
        is_blocked: found.flags.is_blocked,
        days_late: found.flags.days_late,
        notes: found
            .notes
            .iter()
            .map(|note| NoteLine {
                date: crate::time::rfc3339(note.recorded_at)
                    .chars()
                    .take(10)
                    .collect(),
                status: choice_label(language, &STATUSES, &note.status),
                note: note.note.clone(),
            })
            .collect(),
        may_report,
        ripples: Vec::new(),
    }
}

fn may_report(convenes: bool, own: &[Partner], found: &ActionState) -> bool {
    convenes
        || own.iter().any(|partner| {
            partner.id == found.action.owner || found.action.shared_with.contains(&partner.id)
        })
}

#[derive(Serialize)]
struct PartnerOption {
    id: i64,
    name: String,
}

#[derive(Serialize)]
struct ObjectiveContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    id: i64,
    title: String,
    text: String,
    version: u32,
    status: String,
    status_key: &'static str,
    reason: String,
    rule_sentence: String,
    convenes: bool,
    is_draft: bool,
    is_with_partners: bool,
    is_adopted: bool,
    is_open: bool,
    rule_met: bool,
    evidence: Option<EvidenceCard>,
    sectors: Vec<SectorGroup>,
    stance_forms: Vec<StanceForm>,
    versions: Vec<VersionCard>,
    actions: Vec<ActionCard>,
    partners: Vec<PartnerOption>,
    stances: Vec<Choice>,
    statuses: Vec<Choice>,
    echo: Echo,
    /// The current version's title and text in the reader's language.
    reading: ObjectiveReading,
    /// The language the objective is written in.
    written_in: &'static str,
    /// The current version's translations, for its convenors.
    translations: Vec<TranslationRow>,
    /// The languages a convenor may choose, for the language and translation forms.
    languages: Vec<LanguageChoice>,
}

/// One translation of the current version, as its convenors see it.
#[derive(Serialize)]
struct TranslationRow {
    language: &'static str,
    language_name: &'static str,
    title: String,
    text: String,
    dir: Direction,
}

/// A language on the translation forms, named in itself.
#[derive(Serialize)]
struct LanguageChoice {
    code: &'static str,
    name: &'static str,
    is_written_in: bool,
}

fn counts_summary(language: Language, counts: &engine::settlement::StanceCounts) -> String {
    text(
        language,
        "stance-counts",
        &[
            ("endorse", count(counts.endorse)),
            ("reservations", count(counts.with_reservations)),
            ("object", count(counts.object)),
            ("missing", count(counts.not_responded)),
        ],
    )
}

pub(crate) fn stance_label(language: Language, stance: Option<StoredStance>) -> String {
    stance.map_or_else(
        || text(language, "stance-withdrawn", &[]),
        |stance| choice_label(language, &STANCES, stance.as_str()),
    )
}

fn sector_groups(language: Language, found: &ObjectiveState) -> Vec<SectorGroup> {
    let current = found.latest_on(found.objective.current_version);
    found
        .decision
        .by_sector
        .iter()
        .map(|tally| {
            let partners = found
                .decision
                .partners
                .iter()
                .filter_map(|standing| {
                    let partner = found.partners.iter().find(|partner| {
                        partner.id.get().unsigned_abs() == standing.partner
                            && partner.sector.as_str() == tally.sector
                    })?;
                    let record = current
                        .get(&partner.id)
                        .filter(|record| record.stance.is_some());
                    let stance_key = record
                        .and_then(|record| record.stance)
                        .map_or("none", StoredStance::as_str);
                    Some(PartnerLine {
                        name: partner.name.to_string(),
                        stance: record.map_or_else(
                            || text(language, "stance-not-yet", &[]),
                            |record| stance_label(language, record.stance),
                        ),
                        stance_key: stance_key.to_owned(),
                        reason: record.and_then(|record| record.reason.clone()),
                        amendment: record.and_then(|record| record.amendment.clone()),
                        stance_id: record.map(|record| record.id),
                        earlier: standing.earlier.map(|(version, stance)| {
                            let word = match stance {
                                engine::settlement::Stance::Endorse => "endorse",
                                engine::settlement::Stance::EndorseWithReservations => {
                                    "endorse_with_reservations"
                                }
                                engine::settlement::Stance::Object => "object",
                            };
                            text(
                                language,
                                "stance-on-earlier-version",
                                &[
                                    ("version", version.into()),
                                    ("stance", choice_label(language, &STANCES, word).into()),
                                ],
                            )
                        }),
                    })
                })
                .collect();
            SectorGroup {
                label: sector_name(language, &tally.sector),
                summary: counts_summary(language, &tally.counts),
                partners,
            }
        })
        .collect()
}

fn version_cards(language: Language, found: &ObjectiveState) -> Vec<VersionCard> {
    found
        .versions
        .iter()
        .rev()
        .map(|version| VersionCard {
            version: version.version,
            title: version.title.clone(),
            text: version.body.clone(),
            created_on: crate::time::rfc3339(version.created_at)
                .chars()
                .take(10)
                .collect(),
            amends: version.amends.and_then(|stance| {
                let record = found.stances.iter().find(|record| record.id == stance)?;
                Some(text(
                    language,
                    "objective-version-amends",
                    &[
                        ("partner", found.partner_name(record.partner).into()),
                        ("version", record.version.into()),
                    ],
                ))
            }),
            is_current: version.version == found.objective.current_version,
            stances: found
                .stances
                .iter()
                .filter(|record| record.version == version.version)
                .map(|record| StanceLine {
                    partner: found.partner_name(record.partner),
                    stance: stance_label(language, record.stance),
                    reason: record.reason.clone(),
                    amendment: record.amendment.clone(),
                    recorded_at: crate::time::rfc3339(record.recorded_at)
                        .chars()
                        .take(10)
                        .collect(),
                })
                .collect(),
            evidence: evidence_card(language, &version.evidence),
        })
        .collect()
}

async fn objective_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: ObjectiveId,
    echo: Echo,
) -> Result<ObjectiveContext, PageError> {
    let language = asked.language;
    let actor = &convenor.current;
    let found = service::objective(state, actor, id).await?;
    let pid = found.objective.partnership;
    let (partnership, role) = actor.see_partnership(state, pid).await?;
    let own = service::own_partners(state, actor, pid).await?;
    let phase = found.objective.phase;
    let current = found.latest_on(found.objective.current_version);
    let stance_forms = if phase == Phase::WithPartners {
        own.iter()
            .map(|partner| StanceForm {
                partner_id: partner.id.get(),
                partner_name: partner.name.to_string(),
                current: current
                    .get(&partner.id)
                    .filter(|record| record.stance.is_some())
                    .map(|record| stance_label(language, record.stance)),
            })
            .collect()
    } else {
        Vec::new()
    };
    let convenes = role.convenes();
    let mut actions = Vec::new();
    for listed in service::list_actions(state, actor, pid)
        .await?
        .iter()
        .filter(|listed| listed.action.objective == id)
    {
        let mut card = action_card(
            language,
            listed,
            &found.partners,
            may_report(convenes, &own, listed),
        );
        card.ripples = action_ripples(state, actor, language, listed.action.id).await?;
        actions.push(card);
    }
    let status_key = found.decision.status.as_str();
    let current_evidence = found
        .versions
        .last()
        .and_then(|version| evidence_card(language, &version.evidence));
    let readings = objective_readings(state, id).await?;
    let version = found.objective.current_version;
    let reading = readings.read(
        found.objective.id,
        version,
        &found.objective.title,
        &found.objective.body,
        language,
    );
    let translations = readings
        .of_version(version)
        .into_iter()
        .map(|(shown_in, title, body)| TranslationRow {
            language: shown_in.code(),
            language_name: shown_in.own_name(),
            title: title.to_owned(),
            text: body.to_owned(),
            dir: shown_in.direction(),
        })
        .collect();
    let languages = Language::ALL
        .into_iter()
        .map(|choice| LanguageChoice {
            code: choice.code(),
            name: choice.own_name(),
            is_written_in: choice == readings.written_in,
        })
        .collect();
    Ok(ObjectiveContext {
        layout: asked.layout(convenor, found.objective.title.clone()),
        partnership_id: pid.get(),
        partnership_name: partnership.name.as_str().to_owned(),
        id: id.0,
        title: found.objective.title.clone(),
        text: found.objective.body.clone(),
        version: found.objective.current_version,
        status: status_label(language, status_key),
        status_key,
        reason: decision_reason(language, &found),
        rule_sentence: rule_sentence(language, found.rule),
        convenes,
        is_draft: phase == Phase::Draft,
        is_with_partners: phase == Phase::WithPartners,
        is_adopted: phase == Phase::Decided,
        is_open: matches!(phase, Phase::Draft | Phase::WithPartners),
        rule_met: found.decision.rule_met,
        evidence: current_evidence,
        sectors: sector_groups(language, &found),
        stance_forms,
        versions: version_cards(language, &found),
        actions,
        partners: found
            .partners
            .iter()
            .filter(|partner| partner.archived_at.is_none())
            .map(|partner| PartnerOption {
                id: partner.id.get(),
                name: partner.name.to_string(),
            })
            .collect(),
        stances: choices(language, &STANCES),
        statuses: choices(language, &STATUSES),
        echo,
        reading,
        written_in: readings.written_in.code(),
        translations,
        languages,
    })
}

async fn objective_response(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: ObjectiveId,
    status: StatusCode,
    echo: Echo,
) -> Result<Response, PageError> {
    let context = objective_context(state, convenor, asked, id, echo).await?;
    Ok((status, page("objective.html", context)?).into_response())
}

/// Answers `GET /convenor/objectives/{id}`: the objective's page. `?amend=<stance id>` fills
/// the amendment form with that objection's proposed wording.
pub async fn objective_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let id = ObjectiveId(id);
    let asked = Asked::read(language, query.as_deref());
    let mut echo = Echo::default();
    let taken_up = query
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .find_map(|pair| pair.strip_prefix("amend="))
        .and_then(|stance| stance.parse::<i64>().ok());
    if let Some(stance) = taken_up {
        let found = service::objective(&state, &convenor.current, id).await?;
        if let Some(record) = found
            .stances
            .iter()
            .find(|record| record.id == stance && record.amendment.is_some())
        {
            echo.form = "amend";
            echo.title = found.objective.title.clone();
            echo.text = record.amendment.clone().unwrap_or_default();
            echo.amends = stance.to_string();
        }
    }
    objective_response(&state, &convenor, asked, id, StatusCode::OK, echo).await
}

/// Ends a form post on an objective: back to its page, or its page again with the message.
async fn after_objective_form(
    state: &AppState,
    convenor: &PageConvenor,
    language: Language,
    id: ObjectiveId,
    result: Result<(), ApiError>,
    form: &'static str,
    fill: impl FnOnce(&mut Echo),
) -> Result<Response, PageError> {
    let path = format!("/convenor/objectives/{}", id.0);
    match result {
        Ok(()) => Ok(see_other(&path)),
        Err(error) => {
            let (status, echo) = refused(language, error, form, fill)?;
            let asked = Asked::posted(language, &path);
            objective_response(state, convenor, asked, id, status, echo).await
        }
    }
}

/// Answers `POST /convenor/objectives/{id}/versions`: writes a new version.
pub async fn amend(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let id = ObjectiveId(id);
    let amends = form.text("amends");
    let result = match amends.parse::<i64>() {
        Err(_) if !amends.is_empty() => Err(ApiError::invalid("objective-error-amendment", &[])),
        parsed => {
            let draft = Draft {
                title: form.text("title"),
                text: form.text("text"),
                dialogue: None,
                statements: &[],
            };
            service::amend_objective(&state, &convenor.current, id, &draft, parsed.ok())
                .await
                .map(|_| ())
        }
    };
    after_objective_form(&state, &convenor, language, id, result, "amend", |echo| {
        echo.title = form.text("title").to_owned();
        echo.text = form.text("text").to_owned();
        echo.amends = amends.to_owned();
    })
    .await
}

/// Answers `POST /convenor/objectives/{id}/translations`: sets the objective's language, or
/// adds, replaces or removes a translation of its current version (its convenors).
pub async fn translate(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let id = ObjectiveId(id);
    let current = &convenor.current;
    let chosen = form.text("language");
    let result = match form.text("action") {
        "language" => set_objective_language(&state, current, id, chosen)
            .await
            .map(drop),
        "put" | "remove" => {
            let version = service::objective(&state, current, id)
                .await?
                .objective
                .current_version;
            if form.text("action") == "put" {
                let input = TranslationInput {
                    version,
                    language: chosen,
                    title: form.text("title"),
                    text: form.text("text"),
                };
                put_objective_translation(&state, current, id, input)
                    .await
                    .map(drop)
            } else {
                remove_objective_translation(&state, current, id, version, chosen).await
            }
        }
        _ => Err(ApiError::invalid("objective-translation-error-action", &[])),
    };
    after_objective_form(
        &state,
        &convenor,
        language,
        id,
        result,
        "translation",
        |echo| {
            echo.title = form.text("title").to_owned();
            echo.text = form.text("text").to_owned();
        },
    )
    .await
}

/// Answers `POST /convenor/objectives/{id}/put-to-partners`.
pub async fn put_to_partners(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let id = ObjectiveId(id);
    let result = service::put_to_partners(&state, &convenor.current, id)
        .await
        .map(|_| ());
    after_objective_form(&state, &convenor, language, id, result, "phase", |_| {}).await
}

/// Answers `POST /convenor/objectives/{id}/adopt`: adopts the current version when the rule
/// allows it, or shows the engine's reason why not.
pub async fn adopt(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let id = ObjectiveId(id);
    let result = service::adopt_objective(&state, &convenor.current, id)
        .await
        .map(|_| ());
    after_objective_form(&state, &convenor, language, id, result, "phase", |_| {}).await
}

/// Answers `POST /convenor/objectives/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let id = ObjectiveId(id);
    let result = service::withdraw_objective(&state, &convenor.current, id)
        .await
        .map(|_| ());
    after_objective_form(&state, &convenor, language, id, result, "phase", |_| {}).await
}

/// Reads a form's chosen id, refusing with the catalogues' message `missing` when none was
/// chosen.
fn form_id(form: &FormData, name: &str, missing: &'static str) -> Result<i64, ApiError> {
    form.text(name)
        .parse::<i64>()
        .map_err(|_| ApiError::invalid(missing, &[]))
}

/// Answers `POST /convenor/objectives/{id}/stances`: records the stance of a partner the
/// account represents.
pub async fn record_stance(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let id = ObjectiveId(id);
    let stance = form.text("stance");
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
    let result = async {
        let partner = PartnerId(form_id(&form, "partner", "stance-error-partner")?);
        let version = form
            .text("version")
            .parse::<u32>()
            .map_err(|_| ApiError::invalid("stance-error-version", &[]))?;
        if stance.is_empty() {
            return Err(ApiError::invalid("stance-error-choose", &[]));
        }
        let input = StanceInput {
            version,
            stance,
            reason: form.get("reason").unwrap_or(""),
            amendment: form.get("amendment").unwrap_or(""),
        };
        if let Some(problem) = service::stance_problem(&input) {
            return Err(ApiError::invalid(stance_problem_key(problem), &[]));
        }
        service::record_stance(&state, &convenor.current, id, partner, &input)
            .await
            .map(|_| ())
    }
    .await;
    after_objective_form(&state, &convenor, language, id, result, "stance", |echo| {
        echo.partner = form.text("partner").to_owned();
        echo.stance = stance.to_owned();
        echo.reason = form.text("reason").to_owned();
        echo.amendment = form.text("amendment").to_owned();
    })
    .await
}

/// The message of what is wrong with a stance: the API's, except that a stance the form does
/// not offer asks for one of those it does.
fn stance_problem_key(problem: service::StanceProblem) -> &'static str {
    match problem {
        service::StanceProblem::Unknown => "stance-error-choose",
        other => other.key(),
    }
}

/// Answers `POST /convenor/objectives/{id}/stances/{partner_id}/withdraw`.
pub async fn withdraw_stance(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath((id, partner)): ApiPath<(i64, i64)>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let id = ObjectiveId(id);
    let result = service::withdraw_stance(&state, &convenor.current, id, PartnerId(partner))
        .await
        .map(|_| ());
    after_objective_form(&state, &convenor, language, id, result, "stance", |echo| {
        echo.partner = partner.to_string();
    })
    .await
}

/// Answers `POST /convenor/objectives/{id}/actions`: adds an action.
pub async fn add_action(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let id = ObjectiveId(id);
    let shared_words = owned(form.get_all("shared"));
    let result = async {
        let owner = PartnerId(form_id(&form, "owner", "action-error-owner")?);
        let shared: Vec<PartnerId> = shared_words
            .iter()
            .map(|word| word.parse::<i64>().map(PartnerId))
            .collect::<Result<_, _>>()
            .map_err(|_| ApiError::invalid("action-error-shared", &[]))?;
        let input = ActionInput {
            owner,
            shared_with: &shared,
            title: form.text("title"),
            lead_role: form.text("lead_role"),
            due_on: form.text("due_on"),
            status: form.text("status"),
        };
        service::add_action(&state, &convenor.current, id, &input)
            .await
            .map(|_| ())
    }
    .await;
    after_objective_form(&state, &convenor, language, id, result, "action", |echo| {
        echo.owner = form.text("owner").to_owned();
        echo.shared = shared_words.clone();
        echo.title = form.text("title").to_owned();
        echo.lead_role = form.text("lead_role").to_owned();
        echo.due_on = form.text("due_on").to_owned();
        echo.status = form.text("status").to_owned();
    })
    .await
}

/// Answers `POST /convenor/actions/{id}/notes`: adds a progress note, then returns to the page
/// the form was on (the objective's page, or the representative's questions with
/// `from=questions`).
pub async fn add_note(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<i64>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let action = service::action(&state, &convenor.current, ActionId(id)).await?;
    let objective = action.action.objective;
    let from_questions = form.text("from") == "questions";
    let result = service::add_progress(
        &state,
        &convenor.current,
        ActionId(id),
        form.text("status"),
        form.text("note"),
    )
    .await
    .map(|_| ());
    let fill = |echo: &mut Echo| {
        echo.action = id.to_string();
        echo.status = form.text("status").to_owned();
        echo.note = form.text("note").to_owned();
    };
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
    if !from_questions {
        return after_objective_form(&state, &convenor, language, objective, result, "note", fill)
            .await;
    }
    match result {
        Ok(()) => Ok(see_other("/convenor/questions")),
        Err(error) => {
            let (status, echo) = refused(language, error, "note", fill)?;
            let asked = Asked::posted(language, "/convenor/questions");
            let context = questions_context(&state, &convenor, asked, echo).await?;
            Ok((status, page("partner-questions.html", context)?).into_response())
        }
    }
}

#[derive(Serialize)]
struct QuestionRow {
    objective_id: i64,
    title: String,
    partnership: String,
    version: u32,
    reason: String,
    awaiting: Vec<String>,
}

#[derive(Serialize)]
struct QuestionsContext {
    layout: Layout,
    questions: Vec<QuestionRow>,
    actions: Vec<ActionCard>,
    statuses: Vec<Choice>,
    echo: Echo,
}

async fn questions_context(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    echo: Echo,
) -> Result<QuestionsContext, PageError> {
    let language = asked.language;
    let actor = &convenor.current;
    let questions = service::open_questions(state, actor)
        .await?
        .into_iter()
        .map(|question| QuestionRow {
            objective_id: question.state.objective.id.0,
            title: question.state.objective.title.clone(),
            partnership: question.partnership.name.as_str().to_owned(),
            version: question.state.objective.current_version,
            reason: decision_reason(language, &question.state),
            awaiting: question
                .awaiting
                .iter()
                .map(|partner| partner.name.to_string())
                .collect(),
        })
        .collect();
    let mut actions = Vec::new();
    for listed in service::own_actions(state, actor).await? {
        let objective = state.store().get_objective(listed.action.objective).await?;
        let partners = state.store().list_partners(objective.partnership).await?;
        actions.push(action_card(language, &listed, &partners, true));
    }
    Ok(QuestionsContext {
        layout: asked.layout(convenor, text(language, "questions-title", &[])),
        questions,
        actions,
        statuses: choices(language, &STATUSES),
        echo,
    })
}

/// Answers `GET /convenor/questions`: the objectives awaiting the stance of a partner the
/// account represents, and the actions its partners own or share.
pub async fn questions_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let context = questions_context(&state, &convenor, asked, Echo::default()).await?;
    Ok(page("partner-questions.html", context)?.into_response())
}
