//! The survey form a partner's representative answers for their partner: for each other partner,
//! the level of the relationship and, if there is one, the six items (1 to 4 or "don't know")
//! and what the other partner contributes. "Save and finish later" keeps a draft; "Submit"
//! counts the answers in the results. Reopening the page shows what was saved; a refused form
//! shows again with what was sent and each error next to its partner.
//!
//! Every change goes through [`super::service`]; the form carries the session's form token.

use std::collections::BTreeMap;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use model::{
    ContributionKind, PartnerId, RelationshipLevel, ResponseStatus, Sector, TRUST_ITEM_NAMES,
    TRUST_ITEMS, TrustWaveId,
};
use serde::Serialize;

use super::service::{self, AnswerInput, ResponseForm};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::catalogue::{Choice, choices, date_time, text};
use crate::web::forms::FormData;
use crate::web::language::{Language, REPRESENTATIVE_LANGUAGES};
use crate::web::page_error::{PageError, said_in};
use crate::web::render::{Layout, page};
use crate::web::security::PageConvenor;
use crate::web::see_other;

/// The room's page templates.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    (
        "trust_answer.html",
        include_str!("templates/trust_answer.html"),
    ),
    (
        "trust_waves.html",
        include_str!("templates/trust_waves.html"),
    ),
    ("trust_wave.html", include_str!("templates/trust_wave.html")),
    (
        "trust_macros.html",
        include_str!("templates/trust_macros.html"),
    ),
];

/// The levels, with what each means.
/// The relationship levels the form offers, each with its message.
const LEVELS: [(&str, &str); 5] = [
    ("none", "trust-level-none"),
    ("awareness", "trust-level-awareness"),
    ("cooperation", "trust-level-cooperation"),
    ("coordination", "trust-level-coordination"),
    ("integration", "trust-level-integration"),
];

/// The six questions, in [`TRUST_ITEM_NAMES`] order; `{}` stands for the other partner.
/// The six items' questions, in the order of `TRUST_ITEM_NAMES`.
const QUESTIONS: [&str; TRUST_ITEMS] = [
    "trust-question-reliable",
    "trust-question-mission",
    "trust-question-open",
    "trust-question-power",
    "trust-question-involved",
    "trust-question-resources",
];

/// The answers an item takes, "don't know" first.
const SCALE: [(&str, &str); 5] = [
    ("", "trust-scale-unknown"),
    ("1", "trust-scale-not-at-all"),
    ("2", "trust-scale-small"),
    ("3", "trust-scale-fair"),
    ("4", "trust-scale-great"),
];

pub(crate) fn contribution_key(kind: ContributionKind) -> &'static str {
    match kind {
        ContributionKind::Funding => "trust-contribution-funding",
        ContributionKind::Staff => "trust-contribution-staff",
        ContributionKind::Volunteers => "trust-contribution-volunteers",
        ContributionKind::Data => "trust-contribution-data",
        ContributionKind::Expertise => "trust-contribution-expertise",
        ContributionKind::CommunityConnections => "trust-contribution-community-connections",
        ContributionKind::Leadership => "trust-contribution-leadership",
        ContributionKind::Advocacy => "trust-contribution-advocacy",
        ContributionKind::Facilities => "trust-contribution-facilities",
    }
}

pub(crate) fn sector_key(sector: Sector) -> &'static str {
    match sector {
        Sector::Nhs => "trust-sector-nhs",
        Sector::LocalAuthority => "trust-sector-local-authority",
        Sector::Voluntary => "trust-sector-voluntary",
        Sector::Community => "trust-sector-community",
        Sector::Business => "trust-sector-business",
        Sector::Academic => "trust-sector-academic",
        Sector::Public => "trust-sector-public",
    }
}

/// What the form holds for one other partner: saved or sent.
#[derive(Debug, Clone, Default)]
struct Filled {
    level: String,
    items: [String; TRUST_ITEMS],
    contributions: Vec<String>,
}

#[derive(Serialize)]
struct ItemField {
    name: String,
    question: String,
    value: String,
}

#[derive(Serialize)]
struct ContributionField {
    value: &'static str,
    label: String,
    checked: bool,
}

#[derive(Serialize)]
struct PartnerFields {
    id: i64,
    name: String,
    sector: String,
    level: String,
    items: Vec<ItemField>,
    contributions: Vec<ContributionField>,
    error: Option<String>,
}

#[derive(Serialize)]
struct AnswerContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    wave_id: i64,
    wave_title: String,
    closes: String,
    is_open: bool,
    partner_id: i64,
    partner_name: String,
    status: String,
    submitted: bool,
    answered: usize,
    notice: Option<String>,
    error: Option<String>,
    partners: Vec<PartnerFields>,
    levels: Vec<Choice>,
    scale: Vec<Choice>,
}

/// The page's query: which partner answers, and what was just done.
struct Query {
    partner: PartnerId,
    /// The key of the notice to show.
    notice: Option<&'static str>,
}

fn query(raw: Option<&str>, language: Language) -> Result<Query, PageError> {
    let mut partner = None;
    let mut notice = None;
    for pair in raw.unwrap_or_default().split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match name {
            "partner" => partner = value.parse::<i64>().ok().map(PartnerId),
            "notice" => {
                notice = match value {
                    "saved" => Some("trust-notice-saved"),
                    "submitted" => Some("trust-notice-submitted"),
                    _ => None,
                };
            }
            _ => {}
        }
    }
    let partner = partner.ok_or_else(|| {
        PageError::new(
            StatusCode::BAD_REQUEST,
            text(language, "trust-error-which-partner", &[]),
        )
    })?;
    Ok(Query { partner, notice })
}

fn saved(form: &ResponseForm) -> BTreeMap<PartnerId, Filled> {
    let Some(response) = &form.response else {
        return BTreeMap::new();
    };
    response
        .ratings
        .iter()
        .map(|rating| {
            let answer = &rating.answer;
            let mut items: [String; TRUST_ITEMS] = Default::default();
            for (slot, item) in items.iter_mut().zip(answer.items()) {
                *slot = item.map_or_else(String::new, |score| score.get().to_string());
            }
            (
                rating.ratee,
                Filled {
                    level: answer.level().as_str().to_owned(),
                    items,
                    contributions: answer
                        .contributions()
                        .iter()
                        .map(|kind| kind.as_str().to_owned())
                        .collect(),
                },
            )
        })
        .collect()
}

fn sent(form: &ResponseForm, data: &FormData) -> BTreeMap<PartnerId, Filled> {
    form.others
        .iter()
        .map(|other| {
            let id = other.id;
            let mut items: [String; TRUST_ITEMS] = Default::default();
            for (slot, name) in items.iter_mut().zip(TRUST_ITEM_NAMES) {
                *slot = data.text(&format!("{name}-{id}")).to_owned();
            }
            (
                id,
                Filled {
                    level: data.text(&format!("level-{id}")).to_owned(),
                    items,
                    contributions: data
                        .get_all(&format!("contribution-{id}"))
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                },
            )
        })
        .collect()
}

/// How the page was asked for: in which language, and with which query string.
struct Asked<'a> {
    language: Language,
    raw: Option<&'a str>,
    /// The key of the notice to show.
    notice: Option<&'static str>,
}

fn context(
    convenor: &PageConvenor,
    asked: &Asked<'_>,
    form: &ResponseForm,
    partnership_name: String,
    filled: &BTreeMap<PartnerId, Filled>,
    errors: &BTreeMap<PartnerId, String>,
    error: Option<String>,
) -> AnswerContext {
    let language = asked.language;
    let partners: Vec<PartnerFields> = form
        .others
        .iter()
        .map(|other| {
            let values = filled.get(&other.id).cloned().unwrap_or_default();
            let name = other.name.as_str().to_owned();
            PartnerFields {
                id: other.id.get(),
                sector: text(language, sector_key(other.sector), &[]),
                level: values.level.clone(),
                items: TRUST_ITEM_NAMES
                    .iter()
                    .zip(QUESTIONS)
                    .zip(&values.items)
                    .map(|((item, question), value)| ItemField {
                        name: (*item).to_owned(),
                        question: text(language, question, &[("partner", name.clone().into())]),
                        value: value.clone(),
                    })
                    .collect(),
                contributions: ContributionKind::ALL
                    .iter()
                    .map(|kind| ContributionField {
                        value: kind.as_str(),
                        label: text(language, contribution_key(*kind), &[]),
                        checked: values
                            .contributions
                            .iter()
                            .any(|sent| sent == kind.as_str()),
                    })
                    .collect(),
                error: errors.get(&other.id).cloned(),
                name,
            }
        })
        .collect();
    let answered = partners.iter().filter(|p| !p.level.is_empty()).count();
    let status = match form.response.as_ref().map(|response| response.status) {
        Some(ResponseStatus::Submitted) => "trust-status-submitted",
        Some(ResponseStatus::Draft) => "trust-status-draft",
        None => "trust-status-not-started",
    };
    let title = text(
        language,
        "trust-answer-heading",
        &[
            ("wave", form.wave.title.as_str().to_owned().into()),
            ("partner", form.partner.name.as_str().to_owned().into()),
        ],
    );
    AnswerContext {
        layout: convenor.representative_layout(language, asked.raw, title),
        partnership_id: form.wave.partnership.get(),
        partnership_name,
        wave_id: form.wave.id.0,
        wave_title: form.wave.title.as_str().to_owned(),
        closes: date_time(language, form.wave.closes_at),
        is_open: form.is_open,
        partner_id: form.partner.id.get(),
        partner_name: form.partner.name.as_str().to_owned(),
        status: text(language, status, &[]),
        submitted: form
            .response
            .as_ref()
            .is_some_and(|response| response.status == ResponseStatus::Submitted),
        answered,
        notice: asked.notice.map(|key| text(language, key, &[])),
        error,
        partners,
        levels: choices(language, &LEVELS),
        scale: choices(language, &SCALE),
    }
}

async fn partnership_name(
    state: &AppState,
    convenor: &PageConvenor,
    form: &ResponseForm,
) -> Result<String, PageError> {
    let (partnership, _) = convenor
        .current
        .see_partnership(state, form.wave.partnership)
        .await?;
    Ok(partnership.name.as_str().to_owned())
}

/// Answers `GET /convenor/trust-waves/{id}/answer?partner=`: the form, with what was saved.
pub async fn answer_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<TrustWaveId>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
    let query = query(raw.as_deref(), language)?;
    let form = service::my_response(&state, &convenor.current, id, query.partner).await?;
    let name = partnership_name(&state, &convenor, &form).await?;
    let filled = saved(&form);
    let asked = Asked {
        language,
        raw: raw.as_deref(),
        notice: query.notice,
    };
    let context = context(
        &convenor,
        &asked,
        &form,
        name,
        &filled,
        &BTreeMap::new(),
        None,
    );
    Ok(page("trust_answer.html", context)?.into_response())
}

/// Reads the sent answers; a partner without a level is left out (a draft may leave partners
/// out). Returns the answers and a message for each partner whose answers could not be read.
fn answers(
    form: &ResponseForm,
    filled: &BTreeMap<PartnerId, Filled>,
    language: Language,
) -> (Vec<AnswerInput>, BTreeMap<PartnerId, String>) {
    let mut answers = Vec::new();
    let mut errors = BTreeMap::new();
    for other in &form.others {
        let Some(values) = filled.get(&other.id) else {
            continue;
        };
        if values.level.is_empty() {
            continue;
        }
        let Ok(level) = values.level.parse::<RelationshipLevel>() else {
            errors.insert(other.id, text(language, "trust-error-level", &[]));
            continue;
        };
        let mut items = [None; TRUST_ITEMS];
        let mut contributions = Vec::new();
        // With no relationship, the questions are not asked: what was chosen is left out.
        if level.is_tie() {
            for (slot, value) in items.iter_mut().zip(&values.items) {
                if value.is_empty() {
                    continue;
                }
                match value.parse::<i64>() {
                    Ok(score @ 1..=4) => *slot = Some(score),
                    _ => {
                        errors.insert(other.id, text(language, "trust-error-score", &[]));
                    }
                }
            }
            for value in &values.contributions {
                match value.parse::<ContributionKind>() {
                    Ok(kind) => contributions.push(kind),
                    Err(_) => {
                        errors.insert(other.id, text(language, "trust-error-contribution", &[]));
                    }
                }
            }
        }
        answers.push(AnswerInput {
            ratee: other.id,
            level,
            items,
            contributions,
        });
    }
    (answers, errors)
}

/// Answers `POST /convenor/trust-waves/{id}/answer?partner=`: saves the answers as a draft
/// (`action=save`) or submits them (`action=submit`).
pub async fn answer(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<TrustWaveId>,
    RawQuery(raw): RawQuery,
    data: FormData,
) -> Result<Response, PageError> {
    convenor.check(&data)?;
    let language = language.within(&REPRESENTATIVE_LANGUAGES);
    let query = query(raw.as_deref(), language)?;
    let submit = match data.text("action") {
        "save" => false,
        "submit" => true,
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                text(language, "trust-error-action", &[]),
            ));
        }
    };
    let form = service::my_response(&state, &convenor.current, id, query.partner).await?;
    if !form.is_open {
        return Err(ApiError::from(store::StoreError::TrustWaveClosed).into());
    }
    let filled = sent(&form, &data);
    let (answers, mut errors) = answers(&form, &filled, language);
    // A submission, and every save of a submitted response, needs a level for each partner.
    let was_submitted = form
        .response
        .as_ref()
        .is_some_and(|response| response.status == ResponseStatus::Submitted);
    if submit || was_submitted {
        for other in &form.others {
            if filled
                .get(&other.id)
                .is_none_or(|values| values.level.is_empty())
            {
                errors.entry(other.id).or_insert_with(|| {
                    text(
                        language,
                        "trust-error-level-missing",
                        &[("partner", other.name.as_str().to_owned().into())],
                    )
                });
            }
        }
    }
    let result = if errors.is_empty() {
        service::save_response(
            &state,
            &convenor.current,
            id,
            query.partner,
            &answers,
            submit,
        )
        .await
        .map(|_| ())
    } else {
        Err(ApiError::validation(text(
            language,
            if submit {
                "trust-error-missing-or-unreadable"
            } else {
                "trust-error-unreadable"
            },
            &[],
        )))
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/convenor/trust-waves/{}/answer?partner={}&notice={}",
            id.0,
            query.partner,
            if submit { "submitted" } else { "saved" }
        ))),
        Err(error @ ApiError::Client { .. })
            if error.code().status() != StatusCode::FORBIDDEN
                && error.code().status() != StatusCode::NOT_FOUND =>
        {
            let status = error.code().status();
            let name = partnership_name(&state, &convenor, &form).await?;
            let asked = Asked {
                language,
                raw: raw.as_deref(),
                notice: None,
            };
            let context = context(
                &convenor,
                &asked,
                &form,
                name,
                &filled,
                &errors,
                Some(said_in(language, &error)),
            );
            Ok((status, page("trust_answer.html", context)?).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
