//! Every operation of the trust survey, authorised, validated and stored here once, for the
//! JSON API and the pages.
//!
//! A convenor of the partnership opens a wave with a closing time in the future, changes its
//! title, closing time and rater naming, and closes it. Each partner's own representatives, and
//! only they, answer for it: they read the form, save a draft (any part of it), submit it once
//! every other partner has a level, and change it until the wave closes. The results are the
//! document `commonground network` writes for the same data, computed by the engine from the
//! submitted responses; who gave which answer is shown only for waves whose rater naming is
//! `named`. Convenors and the partners' representatives read the results; convenors export
//! the survey in the command's files.

use std::collections::{BTreeMap, BTreeSet};

use engine::trust::{Contribution, Contributions, Level, Rating, TrustInput};
use model::{
    ContributionKind, ItemScore, PartnerId, PartnershipId, RaterNaming, RelationshipLevel,
    ResponseStatus, TRUST_ITEM_NAMES, TRUST_ITEMS, TrustAnswer, TrustAnswerError, TrustWaveId,
    WaveTitle,
};
use store::{
    NewTrustWave, Partner, SaveTrustResponse, TrustRating, TrustResponse, TrustWave,
    TrustWaveChanges,
};

use super::document::{self, DocumentSource, NetworkDocument, PartnerSource};
use super::{graphml, sides};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, Said};
use crate::state::AppState;

/// The most waves one results document or export covers.
pub const MAX_WAVES: usize = 100;

/// A partner's answer about another, as the API and the form send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerInput {
    /// The partner answered about.
    pub ratee: PartnerId,
    /// The level of the relationship.
    pub level: RelationshipLevel,
    /// The six items in `TRUST_ITEM_NAMES` order, each 1 to 4 or `None` for "don't know".
    pub items: [Option<i64>; TRUST_ITEMS],
    /// What the other partner contributes.
    pub contributions: Vec<ContributionKind>,
}

/// What a convenor changes about a wave.
#[derive(Debug, Clone, Default)]
pub struct WaveChangesInput {
    /// A new title.
    pub title: Option<String>,
    /// A new closing time, in the future.
    pub closes_at: Option<i64>,
    /// Whether to close the wave now.
    pub close: bool,
    /// New rater naming.
    pub rater_naming: Option<RaterNaming>,
}

/// What a representative's form shows for their partner.
#[derive(Debug, Clone)]
pub struct ResponseForm {
    /// The wave.
    pub wave: TrustWave,
    /// Whether it takes answers now.
    pub is_open: bool,
    /// The partner answering.
    pub partner: Partner,
    /// The partners to answer about: every other current partner, in id order.
    pub others: Vec<Partner>,
    /// The response saved so far, if any.
    pub response: Option<TrustResponse>,
}

/// A wave as the results show it, with its label in the document.
#[derive(Debug, Clone)]
pub struct WaveSummary {
    /// The wave.
    pub wave: TrustWave,
    /// Its label in the document: its number among the partnership's waves, from 1.
    pub label: String,
    /// Whether it takes answers now.
    pub is_open: bool,
    /// Submitted responses.
    pub submitted: usize,
    /// Responses saved but not submitted, which the results leave out.
    pub drafts: usize,
}

/// One submitted answer with its rater named, for waves whose raters may be named.
#[derive(Debug, Clone)]
pub struct NamedRating {
    /// The wave's label.
    pub wave: String,
    /// The partner that answered.
    pub rater: PartnerId,
    /// The rating.
    pub rating: TrustRating,
}

/// The results of one wave or of all a partnership's waves.
#[derive(Debug, Clone)]
pub struct TrustResults {
    /// The waves covered, in the order they were opened.
    pub waves: Vec<WaveSummary>,
    /// The document `commonground network --format json` writes for the exported files.
    pub document: NetworkDocument,
    /// The answers of waves whose rater naming is `named`, each with its rater; empty for
    /// waves that protect raters.
    pub named: Vec<NamedRating>,
}

/// The survey in `commonground network`'s files, with each wave as GraphML.
#[derive(Debug, Clone)]
pub struct TrustFiles {
    /// `partners.csv`.
    pub partners: String,
    /// `ratings.csv`.
    pub ratings: String,
    /// `wave-<label>.graphml` for each wave with a submitted response.
    pub graphml: Vec<(String, String)>,
}

/// Opens a wave for a partnership's partners to answer, closing at `closes_at` (in the future).
pub async fn open_wave(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
    title: &str,
    closes_at: i64,
    rater_naming: Option<RaterNaming>,
) -> Result<TrustWave, ApiError> {
    actor.convene(state, partnership).await?;
    let title = WaveTitle::parse(title)?;
    let now = state.now_ms();
    if closes_at <= now {
        return Err(ApiError::invalid("waves-refused-closing-past", &[]));
    }
    Ok(state
        .store()
        .open_trust_wave(NewTrustWave {
            partnership,
            title,
            opened_at: now,
            closes_at,
            rater_naming: rater_naming.unwrap_or(RaterNaming::Protected),
            created_by: Some(actor.convenor.id),
        })
        .await?)
}

/// Lists a partnership's waves, for its convenors and its partners' representatives.
pub async fn waves(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
) -> Result<Vec<TrustWave>, ApiError> {
    actor.see_partnership(state, partnership).await?;
    Ok(state.store().list_trust_waves(partnership).await?)
}

/// Returns a wave, for its partnership's convenors and partners' representatives.
pub async fn wave(
    state: &AppState,
    actor: &CurrentConvenor,
    id: TrustWaveId,
) -> Result<TrustWave, ApiError> {
    let wave = state.store().get_trust_wave(id).await?;
    actor.see_partnership(state, wave.partnership).await?;
    Ok(wave)
}

/// Changes a wave's title, closing time or rater naming, or closes it: its convenors only.
pub async fn change_wave(
    state: &AppState,
    actor: &CurrentConvenor,
    id: TrustWaveId,
    input: WaveChangesInput,
) -> Result<TrustWave, ApiError> {
    let wave = state.store().get_trust_wave(id).await?;
    actor.convene(state, wave.partnership).await?;
    let changes = TrustWaveChanges {
        title: input.title.as_deref().map(WaveTitle::parse).transpose()?,
        closes_at: input.closes_at,
        close: input.close,
        rater_naming: input.rater_naming,
    };
    Ok(state
        .store()
        .change_trust_wave(id, changes, state.now_ms())
        .await?)
}

/// Returns the form state of a partner's response: the wave, the partners to answer about and
/// what was saved. Only the partner's own representatives may read it.
pub async fn my_response(
    state: &AppState,
    actor: &CurrentConvenor,
    id: TrustWaveId,
    partner: PartnerId,
) -> Result<ResponseForm, ApiError> {
    let wave = state.store().get_trust_wave(id).await?;
    let partner = actor.answer_for(state, wave.partnership, partner).await?;
    let others = state
        .store()
        .list_partners(wave.partnership)
        .await?
        .into_iter()
        .filter(|other| other.id != partner.id && other.archived_at.is_none())
        .collect();
    let response = state.store().find_trust_response(id, partner.id).await?;
    Ok(ResponseForm {
        is_open: wave.is_open_at(state.now_ms()),
        wave,
        partner,
        others,
        response,
    })
}

/// Checks an answer's items and contributions.
fn rating(input: &AnswerInput) -> Result<TrustRating, ApiError> {
    let mut items = [None; TRUST_ITEMS];
    for ((item, value), name) in items.iter_mut().zip(input.items).zip(TRUST_ITEM_NAMES) {
        if let Some(value) = value {
            *item = Some(ItemScore::new(value).map_err(|_| {
                ApiError::invalid(
                    "trust-refused-item",
                    &[
                        ("item", name.into()),
                        ("value", value.to_string().into()),
                        ("partner", input.ratee.to_string().into()),
                    ],
                )
            })?);
        }
    }
    let contributions: BTreeSet<ContributionKind> = input.contributions.iter().copied().collect();
    let answer = TrustAnswer::new(input.level, items, contributions).map_err(|error| {
        ApiError::invalid(
            "trust-refused-about-partner",
            &[
                ("partner", input.ratee.to_string().into()),
                ("problem", answer_refusal(&error).into()),
            ],
        )
    })?;
    Ok(TrustRating {
        ratee: input.ratee,
        answer,
    })
}

/// Says what is wrong with an answer, as the model words it in English.
fn answer_refusal(error: &TrustAnswerError) -> Said {
    match error {
        TrustAnswerError::ItemOutOfRange { value } => Said::new(
            "trust-refused-item-range",
            &[("value", value.to_string().into())],
        ),
        TrustAnswerError::AnswersWithoutRelationship => {
            Said::new("trust-refused-no-relationship", &[])
        }
    }
}

/// Saves a partner's response: `answers` replace what was saved. A draft may leave partners
/// out; a submission (and every later save of a submitted response) must give each other
/// partner a level. Only the partner's own representatives, while the wave is open.
pub async fn save_response(
    state: &AppState,
    actor: &CurrentConvenor,
    id: TrustWaveId,
    partner: PartnerId,
    answers: &[AnswerInput],
    submit: bool,
) -> Result<TrustResponse, ApiError> {
    let wave = state.store().get_trust_wave(id).await?;
    let partner = actor.answer_for(state, wave.partnership, partner).await?;
    let ratings = answers.iter().map(rating).collect::<Result<Vec<_>, _>>()?;
    Ok(state
        .store()
        .save_trust_response(SaveTrustResponse {
            wave: id,
            rater: partner.id,
            ratings,
            submit,
            now: state.now_ms(),
        })
        .await?)
}

/// Submits a partner's response: with `answers`, those replace the draft; without, the saved
/// draft is submitted as it is.
pub async fn submit_response(
    state: &AppState,
    actor: &CurrentConvenor,
    id: TrustWaveId,
    partner: PartnerId,
    answers: Option<&[AnswerInput]>,
) -> Result<TrustResponse, ApiError> {
    if let Some(answers) = answers {
        return save_response(state, actor, id, partner, answers, true).await;
    }
    let wave = state.store().get_trust_wave(id).await?;
    let partner = actor.answer_for(state, wave.partnership, partner).await?;
    let saved = state
        .store()
        .find_trust_response(id, partner.id)
        .await?
        .map(|response| response.ratings)
        .unwrap_or_default();
    Ok(state
        .store()
        .save_trust_response(SaveTrustResponse {
            wave: id,
            rater: partner.id,
            ratings: saved,
            submit: true,
            now: state.now_ms(),
        })
        .await?)
}

/// The submitted responses of some of a partnership's waves, with the partners they concern.
struct Survey {
    /// Every wave of the partnership with its responses, in the order they were opened.
    waves: Vec<(WaveSummary, Vec<TrustResponse>)>,
    /// The partners scored: the current ones and any archived one named in a response.
    partners: Vec<Partner>,
}

/// Loads the waves (all of the partnership's, or one) with their submitted responses.
async fn load(
    state: &AppState,
    partnership: PartnershipId,
    only: Option<TrustWaveId>,
) -> Result<Survey, ApiError> {
    let store = state.store();
    let now = state.now_ms();
    let all = store.list_trust_waves(partnership).await?;
    if all.len() > MAX_WAVES && only.is_none() {
        return Err(ApiError::invalid(
            "waves-refused-too-many-waves",
            &[("max", MAX_WAVES.into())],
        ));
    }
    let mut waves = Vec::new();
    let mut named: BTreeSet<PartnerId> = BTreeSet::new();
    for (index, wave) in all.into_iter().enumerate() {
        if only.is_some_and(|id| id != wave.id) {
            continue;
        }
        let responses = store.list_trust_responses(wave.id).await?;
        let (submitted, drafts): (Vec<_>, Vec<_>) = responses
            .into_iter()
            .partition(|response| response.status == ResponseStatus::Submitted);
        for response in &submitted {
            named.insert(response.rater);
            named.extend(response.ratings.iter().map(|rating| rating.ratee));
        }
        let summary = WaveSummary {
            label: (index + 1).to_string(),
            is_open: wave.is_open_at(now),
            submitted: submitted.len(),
            drafts: drafts.len(),
            wave,
        };
        waves.push((summary, submitted));
    }
    let partners = store
        .list_partners(partnership)
        .await?
        .into_iter()
        .filter(|partner| partner.archived_at.is_none() || named.contains(&partner.id))
        .collect();
    Ok(Survey { waves, partners })
}

fn engine_level(level: RelationshipLevel) -> Level {
    match level {
        RelationshipLevel::None => Level::None,
        RelationshipLevel::Awareness => Level::Awareness,
        RelationshipLevel::Cooperation => Level::Cooperation,
        RelationshipLevel::Coordination => Level::Coordination,
        RelationshipLevel::Integration => Level::Integration,
    }
}

fn engine_contribution(kind: ContributionKind) -> Contribution {
    match kind {
        ContributionKind::Funding => Contribution::Funding,
        ContributionKind::Staff => Contribution::Staff,
        ContributionKind::Volunteers => Contribution::Volunteers,
        ContributionKind::Data => Contribution::Data,
        ContributionKind::Expertise => Contribution::Expertise,
        ContributionKind::CommunityConnections => Contribution::CommunityConnections,
        ContributionKind::Leadership => Contribution::Leadership,
        ContributionKind::Advocacy => Contribution::Advocacy,
        ContributionKind::Facilities => Contribution::Facilities,
    }
}

/// The survey as the engine and the document read it: the waves that have a submitted
/// response (as `ratings.csv` holds only those), their labels, and the ratings indexed by
/// wave and partner position.
struct Scored {
    labels: Vec<String>,
    sources: Vec<PartnerSource>,
    ratings: Vec<Rating>,
}

fn scored(survey: &Survey) -> Scored {
    let position: BTreeMap<PartnerId, u32> = survey
        .partners
        .iter()
        .enumerate()
        .map(|(index, partner)| (partner.id, u32::try_from(index).unwrap_or(u32::MAX)))
        .collect();
    let mut labels = Vec::new();
    let mut ratings = Vec::new();
    for (summary, responses) in &survey.waves {
        if responses.is_empty() {
            continue;
        }
        let wave = u32::try_from(labels.len()).unwrap_or(u32::MAX);
        labels.push(summary.label.clone());
        for response in responses {
            for rating in &response.ratings {
                let (Some(&rater), Some(&ratee)) =
                    (position.get(&response.rater), position.get(&rating.ratee))
                else {
                    continue;
                };
                ratings.push(Rating {
                    wave,
                    rater,
                    ratee,
                    level: engine_level(rating.answer.level()),
                    items: rating.answer.items().map(|item| item.map(ItemScore::get)),
                    contributions: rating
                        .answer
                        .contributions()
                        .iter()
                        .fold(Contributions::NONE, |set, kind| {
                            set.with(engine_contribution(*kind))
                        }),
                });
            }
        }
    }
    let sources = survey
        .partners
        .iter()
        .map(|partner| PartnerSource {
            id: u64::try_from(partner.id.get()).unwrap_or(0),
            name: partner.name.as_str().to_owned(),
            sector: partner.sector,
        })
        .collect();
    Scored {
        labels,
        sources,
        ratings,
    }
}

/// Scores the survey with the engine on a blocking thread and builds the document.
async fn document_of(scored: &Scored) -> Result<NetworkDocument, ApiError> {
    let labels = scored.labels.clone();
    let sources = scored.sources.clone();
    let ratings = scored.ratings.clone();
    tokio::task::spawn_blocking(move || {
        let partners: Vec<_> = sources.iter().map(|p| sides::partner(p.sector)).collect();
        let results = engine::trust::analyze(&TrustInput {
            partners: &partners,
            waves: labels.len(),
            ratings: &ratings,
        })
        .map_err(ApiError::internal)?;
        Ok(document::build(
            &DocumentSource {
                partners: &sources,
                waves: &labels,
            },
            &results,
        ))
    })
    .await
    .map_err(ApiError::internal)?
}

async fn results_of(survey: Survey) -> Result<TrustResults, ApiError> {
    let scored = scored(&survey);
    let document = document_of(&scored).await?;
    let mut named = Vec::new();
    let mut waves = Vec::new();
    for (summary, responses) in survey.waves {
        if summary.wave.rater_naming == RaterNaming::Named {
            for response in responses {
                for rating in response.ratings {
                    named.push(NamedRating {
                        wave: summary.label.clone(),
                        rater: response.rater,
                        rating,
                    });
                }
            }
        }
        waves.push(summary);
    }
    Ok(TrustResults {
        waves,
        document,
        named,
    })
}

/// The results of one wave, for its partnership's convenors and partners' representatives.
pub async fn wave_results(
    state: &AppState,
    actor: &CurrentConvenor,
    id: TrustWaveId,
) -> Result<TrustResults, ApiError> {
    let wave = wave(state, actor, id).await?;
    results_of(load(state, wave.partnership, Some(id)).await?).await
}

/// The results of every wave of a partnership, with the change between consecutive waves that
/// have answers.
pub async fn partnership_results(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
) -> Result<TrustResults, ApiError> {
    actor.see_partnership(state, partnership).await?;
    results_of(load(state, partnership, None).await?).await
}

/// Quotes a CSV field when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The survey in `commonground network`'s files (`partners.csv`, `ratings.csv`) with each
/// wave that has answers as GraphML: its convenors only, since the files name each rater.
pub async fn export(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
) -> Result<TrustFiles, ApiError> {
    actor.convene(state, partnership).await?;
    let survey = load(state, partnership, None).await?;
    let scored = scored(&survey);
    let document = document_of(&scored).await?;
    let mut partners = String::from("partner,name,sector\n");
    for source in &scored.sources {
        partners.push_str(&format!(
            "{},{},{}\n",
            source.id,
            csv_field(&source.name),
            source.sector.as_str()
        ));
    }
    let mut ratings = String::from(
        "wave,rater,ratee,level,reliable,mission,open,influence,involvement,resources,contributions\n",
    );
    for rating in &scored.ratings {
        let items: Vec<String> = rating
            .items
            .iter()
            .map(|item| item.map_or_else(String::new, |value| value.to_string()))
            .collect();
        let kinds: Vec<&str> = rating
            .contributions
            .iter()
            .map(Contribution::as_str)
            .collect();
        ratings.push_str(&format!(
            "{},{},{},{},{},{}\n",
            scored.labels[rating.wave as usize],
            scored.sources[rating.rater as usize].id,
            scored.sources[rating.ratee as usize].id,
            rating.level.as_str(),
            items.join(","),
            kinds.join(";")
        ));
    }
    let graphml = scored
        .labels
        .iter()
        .enumerate()
        .map(|(index, label)| {
            (
                format!("wave-{label}.graphml"),
                graphml::write(&document, &scored.ratings, index),
            )
        })
        .collect();
    Ok(TrustFiles {
        partners,
        ratings,
        graphml,
    })
}

/// One pair of partners linked in a wave: at least one of the two reports a relationship above
/// none with the other in a submitted response.
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    /// The partner with the lower id.
    pub first: PartnerId,
    /// The other partner.
    pub second: PartnerId,
    /// The higher of the levels the two report; `None` where the viewer sees ties only.
    pub level: Option<RelationshipLevel>,
    /// The mean of the trust the two say they have in each other (each the mean of the trust
    /// items answered); `None` where the viewer sees ties only, or neither answered a trust
    /// item.
    pub trust: Option<f64>,
    /// How many of the two answered about the other (1 or 2); 0 where the viewer sees ties only.
    pub reports: u8,
}

/// A wave's ties, as its network drawing shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct WaveNetwork {
    /// Whether the ties carry their level and trust: for the partnership's convenors, and for
    /// everyone who may see the results when the wave's raters are named. Otherwise (a wave that
    /// protects raters, seen by a representative) only which partners are linked is shown, so
    /// that no partner's answer can be read off its ties.
    pub detailed: bool,
    /// The ties, in order of their partners' ids.
    pub ties: Vec<Tie>,
}

/// What one side of a pair reported: its level and its trust view, if it answered a trust item.
type Report = (RelationshipLevel, Option<f64>);

/// The ties of a wave's submitted responses, for its partnership's convenors and partners'
/// representatives.
pub async fn wave_network(
    state: &AppState,
    actor: &CurrentConvenor,
    id: TrustWaveId,
) -> Result<WaveNetwork, ApiError> {
    let wave = state.store().get_trust_wave(id).await?;
    let (_, role) = actor.see_partnership(state, wave.partnership).await?;
    let detailed = role.convenes() || wave.rater_naming == RaterNaming::Named;
    let responses = state.store().list_trust_responses(id).await?;
    // Per pair (lower id first): the levels and trust views each side reported.
    let mut pairs: BTreeMap<(PartnerId, PartnerId), Vec<Report>> = BTreeMap::new();
    for response in responses
        .iter()
        .filter(|response| response.status == ResponseStatus::Submitted)
    {
        for rating in &response.ratings {
            let key = if response.rater < rating.ratee {
                (response.rater, rating.ratee)
            } else {
                (rating.ratee, response.rater)
            };
            let answered: Vec<f64> = rating.answer.items()[..3]
                .iter()
                .flatten()
                .map(|item| f64::from(item.get()))
                .collect();
            let view = (!answered.is_empty())
                .then(|| answered.iter().sum::<f64>() / answered.len() as f64);
            pairs
                .entry(key)
                .or_default()
                .push((rating.answer.level(), view));
        }
    }
    let ties = pairs
        .into_iter()
        .filter_map(|((first, second), reports)| {
            let level = reports.iter().map(|(level, _)| *level).max()?;
            if !level.is_tie() {
                return None;
            }
            let views: Vec<f64> = reports.iter().filter_map(|(_, view)| *view).collect();
            let trust = (!views.is_empty()).then(|| views.iter().sum::<f64>() / views.len() as f64);
            Some(if detailed {
                Tie {
                    first,
                    second,
                    level: Some(level),
                    trust,
                    reports: u8::try_from(reports.len()).unwrap_or(2),
                }
            } else {
                Tie {
                    first,
                    second,
                    level: None,
                    trust: None,
                    reports: 0,
                }
            })
        })
        .collect();
    Ok(WaveNetwork { detailed, ties })
}
