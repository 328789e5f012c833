//! The accountability pages: the public outcomes page ("you said, we did"), the partnership's
//! actions dashboard with the record's downloads and the calendar feed, the printable
//! agreement, and the forms that publish the outcomes and make or revoke the feed's address.
//! Every read and change goes through [`super::service`].
//!
//! The outcomes page is for the public and speaks all five of the interface's languages (the
//! `outcomes` catalogue); the dashboard and the agreement are for the partners'
//! representatives and speak theirs (the `accountability` catalogue). The documents the
//! service returns are the JSON API's, with English labels; the pages say each status, stance,
//! sector, verdict and date afresh in the reader's language.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentValue;
use model::{PartnershipId, Sector};
use serde::Serialize;
use store::{ObjectiveId, StoredRule, StoredStance};

use super::document::{
    ActionCounts, ActionView, AdoptedObjective, PartnerStance, PublicationState,
};
use super::service::{self, AgreedObjective};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::partnerships::pages::sector_label;
use crate::settlements::evidence::{Agreement, EvidenceSource};
use crate::settlements::pages::{
    action_status_label, adopted_reason, rule_sentence, sector_name, stance_label, status_label,
};
use crate::state::AppState;
use crate::versions::objectives::{ObjectiveReading, objective_readings};
use crate::web::catalogue::{day, text};
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, sentence};
use crate::web::render::{Layout, page, percent};
use crate::web::security::{Asked, PageConvenor};
use crate::web::see_other;

/// A count as a Fluent argument, so that it chooses plural forms.
fn count(number: usize) -> FluentValue<'static> {
    FluentValue::from(u64::try_from(number).unwrap_or(u64::MAX))
}

/// The sector whose English name the documents give ("Voluntary sector").
fn sector_of(label: &str) -> Option<Sector> {
    Sector::ALL
        .iter()
        .copied()
        .find(|sector| sector_label(*sector) == label)
}

/// A sector's name on the public page, in any of the five languages.
fn public_sector(language: Language, label: &str) -> String {
    let key = match sector_of(label) {
        Some(Sector::Nhs) => "outcomes-sector-nhs",
        Some(Sector::LocalAuthority) => "outcomes-sector-local-authority",
        Some(Sector::Voluntary) => "outcomes-sector-voluntary",
        Some(Sector::Community) => "outcomes-sector-community",
        Some(Sector::Business) => "outcomes-sector-business",
        Some(Sector::Academic) => "outcomes-sector-academic",
        Some(Sector::Public) => "outcomes-sector-public",
        None => return label.to_owned(),
    };
    text(language, key, &[])
}

/// A sector's name on a representative's page.
fn representative_sector(language: Language, label: &str) -> String {
    sector_of(label).map_or_else(
        || label.to_owned(),
        |sector| sector_name(language, sector.as_str()),
    )
}

// ---------------------------------------------------------------------------------------------
// The public outcomes page.

#[derive(Serialize)]
struct OutcomesContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    purpose: String,
    is_published: bool,
    as_of: String,
    objectives: Vec<OutcomeCard>,
}

/// One adopted objective as the public reads it.
#[derive(Serialize)]
struct OutcomeCard {
    id: i64,
    /// Its title and text in the reader's language when a convenor translated them.
    reading: ObjectiveReading,
    /// "Adopted on 12 March 2027, in its version 2: all 4 partners endorse, 1 with reservations."
    adopted: String,
    evidence: Option<EvidenceView>,
    stances: Vec<StanceLine>,
    actions: Vec<ActionLine>,
}

#[derive(Serialize)]
struct EvidenceView {
    dialogue_title: String,
    captured_on: String,
    weighting: String,
    statements: Vec<QuotedStatement>,
}

#[derive(Serialize)]
struct QuotedStatement {
    text: String,
    agreed: String,
    counts: String,
    verdict: String,
    verdict_label: String,
    reason: String,
    constituencies: Vec<String>,
}

#[derive(Serialize)]
struct StanceLine {
    partner: String,
    sector: String,
    stance: String,
    stance_label: String,
    /// "Reservations: …" or "Reason: …".
    reason: Option<String>,
}

#[derive(Serialize)]
struct ActionLine {
    title: String,
    status: String,
    status_label: String,
    late: Option<String>,
    details: String,
}

/// Says how the partners stood on the adopted version, from the stances the page lists.
fn adoption_summary(language: Language, stances: &[PartnerStance]) -> String {
    let of = |stance: &str| stances.iter().filter(|line| line.stance == stance).count();
    let reservations = of("endorse_with_reservations");
    let endorsing = of("endorse") + reservations;
    let objecting = of("object");
    let silent = of("none");
    let partners = stances.len();
    let mut summary = if endorsing == partners {
        text(
            language,
            "outcomes-summary-all",
            &[("partners", count(partners))],
        )
    } else {
        text(
            language,
            "outcomes-summary-some",
            &[
                ("endorsing", count(endorsing)),
                ("partners", count(partners)),
            ],
        )
    };
    for (number, key) in [
        (reservations, "outcomes-summary-reservations"),
        (objecting, "outcomes-summary-objecting"),
        (silent, "outcomes-summary-silent"),
    ] {
        if number > 0 {
            summary.push_str(&text(language, key, &[("count", count(number))]));
        }
    }
    summary
}

fn public_stance(language: Language, stance: &PartnerStance) -> StanceLine {
    let key = match stance.stance.as_str() {
        "endorse" => "outcomes-stance-endorse",
        "endorse_with_reservations" => "outcomes-stance-endorse-with-reservations",
        "object" => "outcomes-stance-object",
        _ => "outcomes-stance-none",
    };
    let reason_key = if stance.stance == "object" {
        "outcomes-stance-reason"
    } else {
        "outcomes-stance-reservations"
    };
    StanceLine {
        partner: stance.partner.clone(),
        sector: public_sector(language, &stance.sector),
        stance: stance.stance.clone(),
        stance_label: text(language, key, &[]),
        reason: stance
            .reason
            .as_ref()
            .map(|reason| text(language, reason_key, &[("reason", reason.clone().into())])),
    }
}

fn public_status(language: Language, status: &str) -> String {
    let key = match status {
        "planned" => "outcomes-status-planned",
        "in_progress" => "outcomes-status-in-progress",
        "done" => "outcomes-status-done",
        "blocked" => "outcomes-status-blocked",
        "dropped" => "outcomes-status-dropped",
        _ => return status.to_owned(),
    };
    text(language, key, &[])
}

fn public_action(language: Language, action: &ActionView) -> ActionLine {
    let shared = action.shared_with.join(", ");
    let mut args = vec![
        ("owner", FluentValue::from(action.owner.clone())),
        ("role", FluentValue::from(action.lead_role.clone())),
    ];
    if !shared.is_empty() {
        args.push(("shared", shared.clone().into()));
    }
    if let Some(due) = &action.due_on {
        args.push(("due", day(language, due).into()));
    }
    let key = match (shared.is_empty(), action.due_on.is_some()) {
        (true, false) => "outcomes-action-by",
        (true, true) => "outcomes-action-by-due",
        (false, false) => "outcomes-action-by-shared",
        (false, true) => "outcomes-action-by-shared-due",
    };
    ActionLine {
        title: action.title.clone(),
        status: action.status.clone(),
        status_label: public_status(language, &action.status),
        late: action.is_late.then(|| {
            text(
                language,
                "outcomes-late",
                &[("days", action.days_late.into())],
            )
        }),
        details: text(language, key, &args),
    }
}

fn evidence_view(language: Language, source: &EvidenceSource) -> EvidenceView {
    let agreed = |line: &Agreement| {
        line.rate.map_or_else(
            || text(language, "outcomes-no-votes", &[]),
            |rate| {
                text(
                    language,
                    "outcomes-agreed",
                    &[("rate", percent(rate).into())],
                )
            },
        )
    };
    EvidenceView {
        dialogue_title: source.dialogue_title.clone(),
        captured_on: day(language, &source.captured_at),
        weighting: source.weighting.words_in(language).0,
        statements: source
            .statements
            .iter()
            .map(|statement| {
                let (verdict_label, reason) = statement.words_in(language);
                let overall = &statement.overall;
                QuotedStatement {
                    text: statement.text.clone(),
                    agreed: agreed(overall),
                    counts: text(
                        language,
                        "outcomes-counts",
                        &[
                            ("agree", overall.agree.into()),
                            ("disagree", overall.disagree.into()),
                            ("pass", overall.pass.into()),
                        ],
                    ),
                    verdict: statement.verdict.clone(),
                    verdict_label,
                    reason: sentence(&reason),
                    constituencies: statement
                        .constituencies
                        .iter()
                        .map(|line| {
                            text(
                                language,
                                "outcomes-constituency",
                                &[
                                    ("name", line.name.clone().into()),
                                    ("agreed", agreed(line).into()),
                                    ("agree", line.agree.into()),
                                    ("seen", (line.agree + line.disagree + line.pass).into()),
                                ],
                            )
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

async fn outcome_card(
    state: &AppState,
    language: Language,
    objective: &AdoptedObjective,
) -> Result<OutcomeCard, ApiError> {
    let readings = objective_readings(state, ObjectiveId(objective.id)).await?;
    let reading = readings.read(
        ObjectiveId(objective.id),
        objective.version,
        &objective.title,
        &objective.body,
        language,
    );
    let summary = adoption_summary(language, &objective.stances);
    let adopted_on = day(language, &objective.adopted_at);
    let adopted = if objective.version > 1 {
        text(
            language,
            "outcomes-adopted-version",
            &[
                ("date", adopted_on.into()),
                ("version", objective.version.into()),
                ("summary", summary.into()),
            ],
        )
    } else {
        text(
            language,
            "outcomes-adopted",
            &[("date", adopted_on.into()), ("summary", summary.into())],
        )
    };
    Ok(OutcomeCard {
        id: objective.id,
        reading,
        adopted,
        evidence: objective
            .evidence
            .as_ref()
            .map(|source| evidence_view(language, source)),
        stances: objective
            .stances
            .iter()
            .map(|stance| public_stance(language, stance))
            .collect(),
        actions: objective
            .actions
            .iter()
            .map(|action| public_action(language, action))
            .collect(),
    })
}

/// Answers `GET /p/{id}/outcomes`: the partnership's adopted objectives, what the public said
/// that they rest on, who endorsed them and their actions, in the reader's language. Public
/// once published; a preview for the partnership's convenors before; a "not found" page for
/// everyone else.
pub async fn outcomes(
    State(state): State<AppState>,
    headers: HeaderMap,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
) -> Result<Response, PageError> {
    let outcomes = service::outcomes(&state, &headers, id).await?;
    let mut objectives = Vec::with_capacity(outcomes.objectives.len());
    for objective in &outcomes.objectives {
        objectives.push(outcome_card(&state, language, objective).await?);
    }
    let layout = Layout::translated(
        language,
        text(
            language,
            "outcomes-title",
            &[("partnership", outcomes.partnership_name.clone().into())],
        ),
    );
    let context = OutcomesContext {
        layout,
        partnership_id: outcomes.partnership_id,
        partnership_name: outcomes.partnership_name,
        purpose: outcomes.purpose,
        is_published: outcomes.is_published,
        as_of: day(language, &outcomes.as_of),
        objectives,
    };
    Ok(page("accountability_outcomes.html", context)?.into_response())
}

// ---------------------------------------------------------------------------------------------
// The representatives' pages.

/// An action on the dashboard, its words in the reader's language.
#[derive(Serialize)]
struct DashboardAction {
    title: String,
    lead_role: String,
    owner: String,
    shared_with: Option<String>,
    due_on: String,
    status_label: String,
    late: Option<String>,
    updated_on: String,
}

#[derive(Serialize)]
struct ActionGroup {
    heading: String,
    tag: Option<String>,
    counts: String,
    caption: String,
    actions: Vec<DashboardAction>,
}

#[derive(Serialize)]
struct DashboardContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    totals: String,
    late: Vec<DashboardAction>,
    blocked: Vec<DashboardAction>,
    objectives: Vec<ActionGroup>,
    partners: Vec<ActionGroup>,
    convenes: bool,
    publication: Option<PublicationState>,
    published_on: Option<String>,
    /// The calendar feed's address, shown once just after it was made.
    feed_url: Option<String>,
}

fn dashboard_action(language: Language, action: &ActionView) -> DashboardAction {
    DashboardAction {
        title: action.title.clone(),
        lead_role: action.lead_role.clone(),
        owner: action.owner.clone(),
        shared_with: (!action.shared_with.is_empty()).then(|| {
            text(
                language,
                "accountability-shared-with",
                &[("partners", action.shared_with.join(", ").into())],
            )
        }),
        due_on: action.due_on.as_ref().map_or_else(
            || text(language, "accountability-no-date", &[]),
            |due| day(language, due),
        ),
        status_label: action_status_label(language, &action.status),
        late: action.is_late.then(|| {
            text(
                language,
                "accountability-late",
                &[("days", action.days_late.into())],
            )
        }),
        updated_on: day(language, &action.updated_on),
    }
}

fn counts_line(language: Language, counts: &ActionCounts) -> String {
    text(
        language,
        "accountability-counts",
        &[
            ("total", count(counts.total)),
            ("planned", count(counts.planned)),
            ("progressing", count(counts.in_progress)),
            ("done", count(counts.done)),
            ("blocked", count(counts.blocked)),
            ("dropped", count(counts.dropped)),
            ("late", count(counts.late)),
        ],
    )
}

async fn dashboard_page(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: PartnershipId,
    feed_url: Option<String>,
) -> Result<Response, PageError> {
    let language = asked.language;
    let dashboard = service::dashboard(state, &convenor.current, id).await?;
    let (_, role) = convenor.current.see_partnership(state, id).await?;
    let publication = if role.convenes() {
        Some(service::publication(state, &convenor.current, id).await?)
    } else {
        None
    };
    let actions = |views: &[ActionView]| {
        views
            .iter()
            .map(|action| dashboard_action(language, action))
            .collect::<Vec<_>>()
    };
    let objectives = dashboard
        .objectives
        .iter()
        .map(|objective| ActionGroup {
            heading: objective.title.clone(),
            tag: Some(status_label(language, &objective.status)),
            counts: counts_line(language, &objective.counts),
            caption: text(
                language,
                "accountability-objective-caption",
                &[("objective", objective.title.clone().into())],
            ),
            actions: actions(&objective.actions),
        })
        .collect();
    let partners = dashboard
        .partners
        .iter()
        .map(|partner| ActionGroup {
            heading: partner.partner.clone(),
            tag: Some(representative_sector(language, &partner.sector)),
            counts: counts_line(language, &partner.counts),
            caption: text(
                language,
                "accountability-partner-caption",
                &[("partner", partner.partner.clone().into())],
            ),
            actions: actions(&partner.actions),
        })
        .collect();
    let title = text(
        language,
        "accountability-title",
        &[("partnership", dashboard.partnership_name.clone().into())],
    );
    let context = DashboardContext {
        layout: asked.layout(convenor, title),
        partnership_id: dashboard.partnership_id,
        partnership_name: dashboard.partnership_name.clone(),
        totals: text(
            language,
            "accountability-lead",
            &[
                ("counts", counts_line(language, &dashboard.totals).into()),
                ("date", day(language, &dashboard.as_of).into()),
            ],
        ),
        late: actions(&dashboard.late),
        blocked: actions(&dashboard.blocked),
        objectives,
        partners,
        convenes: role.convenes(),
        published_on: publication
            .as_ref()
            .and_then(|publication| publication.published_at.as_deref())
            .map(|published| day(language, published)),
        publication,
        feed_url,
    };
    Ok(page("accountability_dashboard.html", context)?.into_response())
}

/// Answers `GET /convenor/partnerships/{pid}/accountability`: the actions dashboard, for the
/// partnership's convenors and its partners' representatives.
pub async fn dashboard(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    dashboard_page(&state, &convenor, asked, id, None).await
}

/// An adopted objective as the agreement prints it.
#[derive(Serialize)]
struct AgreedLine {
    number: usize,
    title: String,
    body: String,
    adopted: String,
    caption: String,
    stances: Vec<AgreedStance>,
}

#[derive(Serialize)]
struct AgreedStance {
    partner: String,
    sector: String,
    stance_label: String,
    reason: Option<String>,
}

#[derive(Serialize)]
struct AgreementContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    purpose: String,
    printed_on: String,
    rule: String,
    objectives: Vec<AgreedLine>,
    head: Option<String>,
    record_entries: usize,
    verified: bool,
}

fn agreed_line(language: Language, objective: &AgreedObjective) -> AgreedLine {
    AgreedLine {
        number: objective.number,
        title: objective.title.clone(),
        body: objective.body.clone(),
        adopted: text(
            language,
            "accountability-agreement-adopted",
            &[
                ("version", objective.version.into()),
                ("date", day(language, &objective.adopted_on).into()),
                ("reason", adopted_reason(language, &objective.counts).into()),
            ],
        ),
        caption: text(
            language,
            "accountability-agreement-stances-caption",
            &[("version", objective.version.into())],
        ),
        stances: objective
            .stances
            .iter()
            .map(|stance| AgreedStance {
                partner: stance.partner.clone(),
                sector: representative_sector(language, &stance.sector),
                stance_label: StoredStance::parse(&stance.stance).map_or_else(
                    || text(language, "stance-not-yet", &[]),
                    |found| stance_label(language, Some(found)),
                ),
                reason: stance.reason.clone(),
            })
            .collect(),
    }
}

/// Answers `GET /convenor/partnerships/{pid}/agreement`: the printable agreement.
pub async fn agreement(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, query.as_deref());
    let language = asked.language;
    let agreement = service::agreement(&state, &convenor.current, id).await?;
    let title = text(
        language,
        "accountability-agreement-title",
        &[("partnership", agreement.partnership_name.clone().into())],
    );
    let rule: StoredRule = agreement.rule;
    let context = AgreementContext {
        layout: asked.layout(&convenor, title),
        partnership_id: id.get(),
        printed_on: day(language, &agreement.printed_at),
        rule: rule_sentence(language, rule),
        objectives: agreement
            .objectives
            .iter()
            .map(|objective| agreed_line(language, objective))
            .collect(),
        partnership_name: agreement.partnership_name,
        purpose: agreement.purpose,
        head: agreement.head,
        record_entries: agreement.record_entries,
        verified: agreement.verified,
    };
    Ok(page("accountability_agreement.html", context)?.into_response())
}

/// Answers `POST /convenor/partnerships/{pid}/outcomes/publication`: publishes the outcomes
/// page (`published=yes`) or takes it down (`published=no`), then goes back to the partnership's page.
pub async fn set_publication(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let published = match form.text("published") {
        "yes" => true,
        "no" => false,
        _ => {
            return Err(ApiError::invalid("accountability-refused-published", &[]).into());
        }
    };
    service::set_published(&state, &convenor.current, id, published).await?;
    Ok(see_other(&format!("/convenor/partnerships/{id}")))
}

/// Answers `POST /convenor/partnerships/{pid}/calendar-feed`: makes a new address for the
/// calendar feed and shows the dashboard with it, once.
pub async fn renew_calendar_feed(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let feed = service::renew_calendar_feed(&state, &convenor.current, id).await?;
    let path = format!("/convenor/partnerships/{id}/accountability");
    let asked = Asked::posted(language, &path);
    dashboard_page(&state, &convenor, asked, id, Some(feed.url)).await
}

/// Answers `POST /convenor/partnerships/{pid}/calendar-feed/revoke`: the feed's address stops
/// working.
pub async fn revoke_calendar_feed(
    State(state): State<AppState>,
    convenor: PageConvenor,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    service::revoke_calendar_feed(&state, &convenor.current, id).await?;
    Ok(see_other(&format!(
        "/convenor/partnerships/{id}/accountability"
    )))
}
