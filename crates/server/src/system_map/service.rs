//! Every operation of the system-map room, authorised, validated and stored here once, for the
//! JSON API (and the pages to come).
//!
//! Convenors of the partnership create, change and close maps, link a dialogue and open the
//! judging of links to its participants. Convenors (as themselves) and any partner's
//! representatives (for that partner) propose factors and links; the proposer is recorded.
//! Each partner's representatives judge links for it; participants of the linked dialogue judge
//! for themselves once the map is open to them. Convenors and representatives read a map, its
//! analysis (the document `commonground map` writes), the ripple of pushing a factor, and its
//! exports; convenors import a map from GraphML, a Kumu blueprint or the two CSV files. Actions
//! are pinned to the factor they push by the partnership's convenors or the representatives of
//! the partners that own or share them.
//!
//! # Tallies and contested links
//!
//! Each link's judgments are tallied with equal weight, as the dialogue's analysis weighs
//! statements: every partner counts once (its one judgment), and participants count through
//! their constituencies, each constituency weighing the same however many of its members judged
//! (a participant in several constituencies counts in each; one in none counts in an
//! "unassigned" group of its own). Within a group, the disagree share is disagree / (agree +
//! disagree): "unsure" takes no side. A link is **contested** when the partners' disagree share
//! is at least [`CONTESTED_SHARE`] (one third), or when the mean of the constituencies'
//! disagree shares is, once at least [`MIN_PARTICIPANT_SIDES`] participants took a side. The
//! analysis marks the loops through contested links.

use std::collections::{BTreeMap, HashMap};

use engine::system_map::{LoopLimits, Push, Sign};
use model::{
    ConstituencyId, DialogueId, MapFactorId, MapLinkId, PartnerId, PartnershipId, SystemMapId,
};
use store::{
    Action, ActionId, ActionPin, ImportedFactor, ImportedLink, Judge, LinkJudgment, LinkSign,
    MapFactor, MapImport, MapJudgment, MapLink, NewActionPin, NewMapFactor, NewMapJudgment,
    NewMapLink, NewSystemMap, Participant, Partner, PinPush, Proposer, SystemMap, SystemMapChanges,
};

use super::document::{self, ActionRequest, AnalysisOptions, MapDocument};
use super::source::{FactorSource, LinkSource, MapSource};
use super::{csv, graphml, kumu};
use crate::auth::CurrentConvenor;
use crate::error::{ApiError, Arg, ErrorCode};
use crate::state::AppState;

/// The disagree share at or above which a link is contested.
pub const CONTESTED_SHARE: f64 = 1.0 / 3.0;
/// The fewest participants taking a side before their judgments can make a link contested.
pub const MIN_PARTICIPANT_SIDES: usize = 5;
/// The most links a ripple may follow.
pub const MAX_RIPPLE_STEPS: usize = 50;
/// The most loops an analysis through the API lists.
pub const MAX_API_LOOPS: usize = 100_000;

/// A map to create.
#[derive(Debug, Clone, Default)]
pub struct MapInput {
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// A dialogue of the partnership whose participants may judge links.
    pub dialogue: Option<DialogueId>,
    /// Whether they may judge from the start.
    pub participants_may_judge: bool,
}

/// A factor to propose.
#[derive(Debug, Clone)]
pub struct FactorInput {
    /// Its name.
    pub name: String,
    /// The partner whose area it is.
    pub owner: Option<PartnerId>,
    /// A sector tag.
    pub sector: Option<String>,
    /// The partner the proposal speaks for; `None` for a convenor proposing as themselves.
    pub as_partner: Option<PartnerId>,
}

/// A link to propose.
#[derive(Debug, Clone)]
pub struct LinkInput {
    /// The factor that influences.
    pub from: MapFactorId,
    /// The factor influenced.
    pub to: MapFactorId,
    /// Its sign.
    pub sign: LinkSign,
    /// Whether it is delayed.
    pub delayed: bool,
    /// The evidence for it.
    pub note: String,
    /// The partner the proposal speaks for.
    pub as_partner: Option<PartnerId>,
}

/// The file formats a map is imported from and exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapFormat {
    /// GraphML (Gephi, yEd).
    Graphml,
    /// A Kumu blueprint.
    Kumu,
    /// `factors.csv` and `links.csv`.
    Csv,
}

/// What an import brings.
#[derive(Debug, Clone)]
pub enum ImportContent {
    /// A GraphML file or a Kumu blueprint.
    File(MapFormat, String),
    /// The two CSV files.
    Csv {
        /// `factors.csv`.
        factors: String,
        /// `links.csv`.
        links: String,
    },
}

/// The equal-weight tally of one link's judgments.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Partners agreeing, disagreeing, unsure.
    pub partners: [usize; 3],
    /// Participants agreeing, disagreeing, unsure (head count).
    pub participants: [usize; 3],
    /// Disagree / (agree + disagree) among partners; `None` when none took a side.
    pub partner_disagree_share: Option<f64>,
    /// The mean over constituencies of their disagree shares; `None` when no participant took
    /// a side.
    pub participant_disagree_share: Option<f64>,
    /// The constituencies counted (those with a participant taking a side).
    pub constituencies_counted: usize,
    /// Whether the link is contested.
    pub contested: bool,
}

/// A map with everything on it, as the API shows it.
#[derive(Debug, Clone)]
pub struct MapDetail {
    /// The map.
    pub map: SystemMap,
    /// Its factors by id.
    pub factors: Vec<MapFactor>,
    /// Its links by id, each with its tally.
    pub links: Vec<(MapLink, Tally)>,
    /// The actions pinned to its factors.
    pub pins: Vec<ActionPin>,
    /// Every judgment of its links, by partners and by participants.
    pub judgments: Vec<MapJudgment>,
}

/// The ripple of one pinned action.
#[derive(Debug, Clone)]
pub struct PinnedRipple {
    /// The pin.
    pub pin: ActionPin,
    /// The map it is pinned to.
    pub map: SystemMap,
    /// The map's analysis with the action's ripple.
    pub document: MapDocument,
}

fn position(judgment: LinkJudgment) -> usize {
    match judgment {
        LinkJudgment::Agree => 0,
        LinkJudgment::Disagree => 1,
        LinkJudgment::Unsure => 2,
    }
}

fn disagree_share(counts: [usize; 3]) -> Option<f64> {
    let sides = counts[0] + counts[1];
    (sides > 0).then(|| counts[1] as f64 / sides as f64)
}

/// Tallies one link's judgments with equal weight (see the module's documentation).
pub fn tally(judgments: &[&MapJudgment]) -> Tally {
    let mut result = Tally::default();
    let mut groups: BTreeMap<Option<ConstituencyId>, [usize; 3]> = BTreeMap::new();
    for judgment in judgments {
        let at = position(judgment.judgment);
        match judgment.judge {
            Judge::Partner(_) => result.partners[at] += 1,
            Judge::Participant(_) => {
                result.participants[at] += 1;
                if judgment.constituencies.is_empty() {
                    groups.entry(None).or_default()[at] += 1;
                }
                for constituency in &judgment.constituencies {
                    groups.entry(Some(*constituency)).or_default()[at] += 1;
                }
            }
        }
    }
    result.partner_disagree_share = disagree_share(result.partners);
    let shares: Vec<f64> = groups.values().filter_map(|c| disagree_share(*c)).collect();
    result.constituencies_counted = shares.len();
    if !shares.is_empty() {
        result.participant_disagree_share = Some(shares.iter().sum::<f64>() / shares.len() as f64);
    }
    let participant_sides = result.participants[0] + result.participants[1];
    result.contested = result
        .partner_disagree_share
        .is_some_and(|share| share >= CONTESTED_SHARE)
        || (participant_sides >= MIN_PARTICIPANT_SIDES
            && result
                .participant_disagree_share
                .is_some_and(|share| share >= CONTESTED_SHARE));
    result
}

/// Checks a text typed for the map: `field` is the catalogues' key of its name.
fn text(field: &'static str, value: &str, max: usize, blank_ok: bool) -> Result<String, ApiError> {
    let named = ("field", Arg::Said(field));
    let trimmed = value.trim();
    if !blank_ok && trimmed.is_empty() {
        return Err(ApiError::invalid("map-refused-blank", &[named]));
    }
    if trimmed.chars().count() > max {
        return Err(ApiError::invalid(
            "map-refused-too-long",
            &[named, ("max", max.into())],
        ));
    }
    if trimmed.chars().any(model::text::is_refused_control) {
        return Err(ApiError::invalid("map-refused-control", &[named]));
    }
    if let Some(character) = trimmed
        .chars()
        .find(|&c| model::text::is_direction_control(c))
    {
        return Err(ApiError::invalid(
            "map-refused-direction",
            &[
                named,
                ("code", format!("U+{:04X}", u32::from(character)).into()),
            ],
        ));
    }
    if !trimmed.is_empty() && !trimmed.chars().any(model::text::is_visible) {
        return Err(ApiError::invalid("map-refused-invisible", &[named]));
    }
    Ok(trimmed.to_owned())
}

fn title(value: &str) -> Result<String, ApiError> {
    text(
        "map-refused-field-title",
        value,
        store::MAX_MAP_NAME_CHARS,
        false,
    )
}

async fn check_dialogue(
    state: &AppState,
    partnership: PartnershipId,
    dialogue: DialogueId,
) -> Result<(), ApiError> {
    let found = state.store().get_dialogue(dialogue).await?;
    if found.partnership != partnership {
        return Err(ApiError::invalid("map-refused-dialogue-elsewhere", &[]));
    }
    Ok(())
}

/// Creates a map in a partnership: its convenors only.
pub async fn create_map(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
    input: MapInput,
) -> Result<SystemMap, ApiError> {
    actor.convene(state, partnership).await?;
    let title = title(&input.title)?;
    let description = text(
        "map-refused-field-description",
        &input.description,
        store::MAX_MAP_TEXT_CHARS,
        true,
    )?;
    if let Some(dialogue) = input.dialogue {
        check_dialogue(state, partnership, dialogue).await?;
    }
    if input.participants_may_judge && input.dialogue.is_none() {
        return Err(ApiError::invalid("map-refused-judging-needs-dialogue", &[]));
    }
    Ok(state
        .store()
        .create_system_map(NewSystemMap {
            partnership,
            title,
            description,
            dialogue: input.dialogue,
            participants_may_judge: input.participants_may_judge,
            created_by: Some(actor.convenor.id),
            now: state.now_ms(),
        })
        .await?)
}

/// Lists a partnership's maps, for its convenors and its partners' representatives.
pub async fn maps(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
) -> Result<Vec<SystemMap>, ApiError> {
    actor.see_partnership(state, partnership).await?;
    Ok(state.store().list_system_maps(partnership).await?)
}

/// Returns a map, for its partnership's convenors and partners' representatives.
pub async fn map(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
) -> Result<SystemMap, ApiError> {
    let map = state.store().get_system_map(id).await?;
    actor.see_partnership(state, map.partnership).await?;
    Ok(map)
}

/// Changes a map's title, description, linked dialogue or whether its participants may judge,
/// or closes it: its convenors only.
pub async fn change_map(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    mut changes: SystemMapChanges,
) -> Result<SystemMap, ApiError> {
    let map = state.store().get_system_map(id).await?;
    actor.convene(state, map.partnership).await?;
    changes.title = changes.title.as_deref().map(title).transpose()?;
    changes.description = changes
        .description
        .as_deref()
        .map(|value| {
            text(
                "map-refused-field-description",
                value,
                store::MAX_MAP_TEXT_CHARS,
                true,
            )
        })
        .transpose()?;
    if let Some(Some(dialogue)) = changes.dialogue {
        check_dialogue(state, map.partnership, dialogue).await?;
    }
    let dialogue = changes.dialogue.unwrap_or(map.dialogue);
    if changes.participants_may_judge == Some(true) && dialogue.is_none() {
        return Err(ApiError::invalid("map-refused-judging-needs-dialogue", &[]));
    }
    if dialogue.is_none() {
        changes.participants_may_judge = Some(false);
    }
    Ok(state
        .store()
        .change_system_map(id, changes, state.now_ms())
        .await?)
}

async fn detail_of(state: &AppState, map: SystemMap) -> Result<MapDetail, ApiError> {
    let store = state.store();
    let factors = store.list_map_factors(map.id).await?;
    let links = store.list_map_links(map.id).await?;
    let judgments = store.list_map_judgments(map.id).await?;
    let mut by_link: HashMap<MapLinkId, Vec<&MapJudgment>> = HashMap::new();
    for judgment in &judgments {
        by_link.entry(judgment.link).or_default().push(judgment);
    }
    let links = links
        .into_iter()
        .map(|link| {
            let tallied = tally(by_link.get(&link.id).map_or(&[][..], Vec::as_slice));
            (link, tallied)
        })
        .collect();
    let pins = store.list_map_pins(map.id).await?;
    Ok(MapDetail {
        map,
        factors,
        links,
        pins,
        judgments,
    })
}

/// Returns a map with its factors, its links and their tallies, and its pins: for its
/// partnership's convenors and partners' representatives.
pub async fn detail(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
) -> Result<MapDetail, ApiError> {
    let map = map(state, actor, id).await?;
    detail_of(state, map).await
}

/// Returns a map as a participant of its linked dialogue reads it while judging is open to
/// them.
pub async fn participant_detail(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    id: SystemMapId,
) -> Result<MapDetail, ApiError> {
    let map = state.store().get_system_map(id).await?;
    crate::auth::map_participant(headers, state, &map).await?;
    detail_of(state, map).await
}

/// Returns a map as a participant of its linked dialogue judges it, while judging is open to
/// them: the participant, the map with their own judgments among the rest, and the map as the
/// drawing reads it.
pub async fn participant_view(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    id: SystemMapId,
) -> Result<(Participant, MapDetail, MapSource), ApiError> {
    let map = state.store().get_system_map(id).await?;
    let participant = crate::auth::map_participant(headers, state, &map).await?;
    let detail = detail_of(state, map).await?;
    let partners = state.store().list_partners(detail.map.partnership).await?;
    let source = source_of(&detail, &partners);
    Ok((participant, detail, source))
}

/// Proposes a factor, for a partner its representative speaks for or as a convenor.
pub async fn propose_factor(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    input: FactorInput,
) -> Result<MapFactor, ApiError> {
    let map = state.store().get_system_map(id).await?;
    let partner = actor
        .propose_on_map(state, map.partnership, input.as_partner)
        .await?;
    let name = text(
        "map-refused-field-name",
        &input.name,
        store::MAX_MAP_NAME_CHARS,
        false,
    )?;
    let sector = input
        .sector
        .as_deref()
        .map(|value| {
            text(
                "map-refused-field-sector",
                value,
                store::MAX_MAP_NAME_CHARS,
                false,
            )
        })
        .transpose()?;
    Ok(state
        .store()
        .add_map_factor(NewMapFactor {
            map: map.id,
            name,
            owner: input.owner,
            sector,
            proposer: Proposer {
                account: Some(actor.convenor.id),
                partner,
            },
            now: state.now_ms(),
        })
        .await?)
}

/// Proposes a link between two factors of the map.
pub async fn propose_link(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    input: LinkInput,
) -> Result<MapLink, ApiError> {
    let map = state.store().get_system_map(id).await?;
    let partner = actor
        .propose_on_map(state, map.partnership, input.as_partner)
        .await?;
    let note = text(
        "map-refused-field-note",
        &input.note,
        store::MAX_MAP_TEXT_CHARS,
        true,
    )?;
    Ok(state
        .store()
        .add_map_link(NewMapLink {
            map: map.id,
            from: input.from,
            to: input.to,
            sign: input.sign,
            delayed: input.delayed,
            note,
            proposer: Proposer {
                account: Some(actor.convenor.id),
                partner,
            },
            now: state.now_ms(),
        })
        .await?)
}

async fn link_of_map(
    state: &AppState,
    id: SystemMapId,
    link: MapLinkId,
) -> Result<(SystemMap, MapLink), ApiError> {
    let map = state.store().get_system_map(id).await?;
    let found = state.store().get_map_link(link).await?;
    if found.map != map.id {
        return Err(ApiError::refused(
            ErrorCode::NotFound,
            "drawing-refused-link-not-on-map",
            &[],
        ));
    }
    Ok((map, found))
}

/// Records a partner's judgment of a link, given by one of its representatives.
pub async fn judge_link(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    link: MapLinkId,
    partner: PartnerId,
    judgment: LinkJudgment,
) -> Result<MapJudgment, ApiError> {
    let (map, link) = link_of_map(state, id, link).await?;
    let partner = actor.judge_for(state, map.partnership, partner).await?;
    Ok(state
        .store()
        .record_map_judgment(NewMapJudgment {
            link: link.id,
            judge: Judge::Partner(partner.id),
            judgment,
            recorded_by: Some(actor.convenor.id),
            now: state.now_ms(),
        })
        .await?)
}

/// Records a participant's judgment of a link, while the map is open to the participants of
/// its linked dialogue.
pub async fn participant_judge_link(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    id: SystemMapId,
    link: MapLinkId,
    judgment: LinkJudgment,
) -> Result<(Participant, MapJudgment), ApiError> {
    let (map, link) = link_of_map(state, id, link).await?;
    let participant = crate::auth::map_participant(headers, state, &map).await?;
    let saved = state
        .store()
        .record_map_judgment(NewMapJudgment {
            link: link.id,
            judge: Judge::Participant(participant.id),
            judgment,
            recorded_by: None,
            now: state.now_ms(),
        })
        .await?;
    Ok((participant, saved))
}

/// The map as the engine's source: each factor by its id, named, with its owner's name; each
/// link with its contested mark from the tallies.
fn source_of(detail: &MapDetail, partners: &[Partner]) -> MapSource {
    let names: HashMap<PartnerId, &str> = partners
        .iter()
        .map(|partner| (partner.id, partner.name.as_str()))
        .collect();
    MapSource {
        factors: detail
            .factors
            .iter()
            .map(|factor| FactorSource {
                id: factor.id.to_string(),
                name: factor.name.clone(),
                partner: factor
                    .owner
                    .and_then(|owner| names.get(&owner).map(|name| (*name).to_owned())),
            })
            .collect(),
        links: detail
            .links
            .iter()
            .map(|(link, tally)| LinkSource {
                from: link.from.to_string(),
                to: link.to.to_string(),
                sign: match link.sign {
                    LinkSign::Positive => Sign::Positive,
                    LinkSign::Negative => Sign::Negative,
                },
                delayed: link.delayed,
                contested: tally.contested,
                note: link.note.clone(),
            })
            .collect(),
    }
}

/// The document of a map without factors: nothing to analyse.
fn empty_document(limits: LoopLimits) -> MapDocument {
    MapDocument {
        format_version: document::FORMAT_VERSION,
        n_factors: 0,
        n_links: 0,
        max_loop_length: (limits.max_length != usize::MAX).then_some(limits.max_length),
        max_loops: limits.max_loops,
        n_loops: 0,
        n_reinforcing: 0,
        n_balancing: 0,
        truncated: false,
        loops: Vec::new(),
        factors: Vec::new(),
        action: None,
        ripple: None,
    }
}

async fn analyse_detail(
    state: &AppState,
    detail: &MapDetail,
    options: &AnalysisOptions,
) -> Result<MapDocument, ApiError> {
    if detail.factors.is_empty() {
        if options.action.is_some() {
            return Err(ApiError::invalid("map-refused-no-factors", &[]));
        }
        return Ok(empty_document(options.limits));
    }
    let partners = state.store().list_partners(detail.map.partnership).await?;
    let source = source_of(detail, &partners);
    let options = options.clone();
    // Loops are enumerated off the async workers: a dense map takes a while.
    tokio::task::spawn_blocking(move || document::analyse(&source, &options))
        .await
        .map_err(ApiError::internal)?
        .map_err(|error| ApiError::validation(error.to_string()))
}

/// Checks the loop limits an API caller asks for.
pub fn limits(
    max_loop_length: Option<usize>,
    max_loops: Option<usize>,
) -> Result<LoopLimits, ApiError> {
    let mut limits = LoopLimits::default();
    if let Some(length) = max_loop_length {
        if length == 0 {
            return Err(ApiError::validation("max_loop_length must be at least 1"));
        }
        limits.max_length = length;
    }
    if let Some(loops) = max_loops {
        if loops > MAX_API_LOOPS {
            return Err(ApiError::validation(format!(
                "max_loops must be at most {MAX_API_LOOPS}"
            )));
        }
        limits.max_loops = loops;
    }
    Ok(limits)
}

/// Returns a map's analysis, the document `commonground map --format json` writes for its
/// files: loops (with contested marks) and each factor's leverage.
pub async fn analysis(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    limits: LoopLimits,
) -> Result<MapDocument, ApiError> {
    let detail = detail(state, actor, id).await?;
    analyse_detail(
        state,
        &detail,
        &AnalysisOptions {
            limits,
            action: None,
        },
    )
    .await
}

fn steps(steps: Option<usize>) -> Result<usize, ApiError> {
    let steps = steps.unwrap_or(document::DEFAULT_STEPS);
    if steps == 0 || steps > MAX_RIPPLE_STEPS {
        return Err(ApiError::invalid(
            "map-refused-steps",
            &[("most", MAX_RIPPLE_STEPS.into())],
        ));
    }
    Ok(steps)
}

/// Returns the analysis with the ripple of pushing one of the map's factors up or down.
pub async fn ripple(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    from: MapFactorId,
    push: Push,
    steps_asked: Option<usize>,
    limits: LoopLimits,
) -> Result<MapDocument, ApiError> {
    let detail = detail(state, actor, id).await?;
    let action = action_request(&detail, from, push, steps_asked)?;
    analyse_detail(
        state,
        &detail,
        &AnalysisOptions {
            limits,
            action: Some(action),
        },
    )
    .await
}

/// Checks an action asked of a map: a factor on it, and a number of links to follow.
fn action_request(
    detail: &MapDetail,
    from: MapFactorId,
    push: Push,
    steps_asked: Option<usize>,
) -> Result<ActionRequest, ApiError> {
    let steps = steps(steps_asked)?;
    if !detail.factors.iter().any(|factor| factor.id == from) {
        return Err(ApiError::invalid(
            "map-refused-factor-not-on-map",
            &[("factor", from.to_string().into())],
        ));
    }
    Ok(ActionRequest {
        factor: from.to_string(),
        push,
        steps,
    })
}

/// A map as its page shows it: everything on it, its partnership's partners, the map as the
/// drawing reads it, and its analysis (with the ripple of an action when one was asked for).
#[derive(Debug, Clone)]
pub struct MapPage {
    /// The map with its factors, links, tallies, judgments and pins.
    pub detail: MapDetail,
    /// The partnership's partners, archived ones included (they may still own factors).
    pub partners: Vec<Partner>,
    /// The map as the engine and the drawing read it.
    pub source: MapSource,
    /// The analysis.
    pub document: MapDocument,
}

/// Returns what a map's page shows, for its partnership's convenors and partners'
/// representatives: its analysis within `limits`, and with `action` (a factor of the map,
/// pushed, followed up to a number of links) that action's ripple.
pub async fn page(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    limits: LoopLimits,
    action: Option<(MapFactorId, Push, Option<usize>)>,
) -> Result<MapPage, ApiError> {
    let detail = detail(state, actor, id).await?;
    let action = action
        .map(|(from, push, steps_asked)| action_request(&detail, from, push, steps_asked))
        .transpose()?;
    let document = analyse_detail(state, &detail, &AnalysisOptions { limits, action }).await?;
    let partners = state.store().list_partners(detail.map.partnership).await?;
    let source = source_of(&detail, &partners);
    Ok(MapPage {
        detail,
        partners,
        source,
        document,
    })
}

fn push_of(push: PinPush) -> Push {
    match push {
        PinPush::Up => Push::Up,
        PinPush::Down => Push::Down,
    }
}

/// Pins an action of the partnership to a factor of the map it pushes.
pub async fn pin_action(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    action: ActionId,
    factor: MapFactorId,
    push: PinPush,
) -> Result<ActionPin, ApiError> {
    let map = state.store().get_system_map(id).await?;
    let found: Action = state.store().get_action(action).await?;
    actor
        .pin_action(state, map.partnership, found.owner, &found.shared_with)
        .await?;
    let on = state.store().get_map_factor(factor).await?;
    if on.map != map.id {
        return Err(ApiError::invalid("map-refused-factor-elsewhere", &[]));
    }
    Ok(state
        .store()
        .pin_action(NewActionPin {
            action,
            factor,
            push,
            pinned_by: Some(actor.convenor.id),
            now: state.now_ms(),
        })
        .await?)
}

/// Returns the ripple of an action on every map it is pinned to, for the partnership's
/// convenors and partners' representatives.
pub async fn action_ripples(
    state: &AppState,
    actor: &CurrentConvenor,
    action: ActionId,
) -> Result<Vec<PinnedRipple>, ApiError> {
    let pins = state.store().list_action_pins(action).await?;
    let found = state.store().get_action(action).await?;
    let objective = state.store().get_objective(found.objective).await?;
    actor.see_partnership(state, objective.partnership).await?;
    let mut ripples = Vec::with_capacity(pins.len());
    for pin in pins {
        let map = state.store().get_system_map(pin.map).await?;
        let detail = detail_of(state, map.clone()).await?;
        let document = analyse_detail(
            state,
            &detail,
            &AnalysisOptions {
                limits: LoopLimits::default(),
                action: Some(ActionRequest {
                    factor: pin.factor.to_string(),
                    push: push_of(pin.push),
                    steps: document::DEFAULT_STEPS,
                }),
            },
        )
        .await?;
        ripples.push(PinnedRipple { pin, map, document });
    }
    Ok(ripples)
}

/// Reads an import's content into a checked map source, before anything is stored.
pub fn read_import(content: &ImportContent) -> Result<MapSource, ApiError> {
    let invalid = |error: &dyn std::fmt::Display| ApiError::validation(error.to_string());
    let source = match content {
        ImportContent::File(MapFormat::Graphml, text) => {
            graphml::read(text.as_bytes()).map_err(|e| invalid(&e))?
        }
        ImportContent::File(MapFormat::Kumu, text) => {
            kumu::read(text.as_bytes()).map_err(|e| invalid(&e))?
        }
        ImportContent::File(MapFormat::Csv, _) => {
            return Err(ApiError::validation(
                "a CSV import sends factors_csv and links_csv",
            ));
        }
        ImportContent::Csv { factors, links } => {
            csv::read(factors, links).map_err(|e| invalid(&e))?
        }
    };
    source.index().map_err(|e| invalid(&e))?;
    Ok(source)
}

/// Imports a map into a partnership as a new map, whole or not at all: the file is read and
/// checked, and its partners matched by name to the partnership's, before one transaction
/// stores it. Convenors only; they are recorded as proposing every factor and link.
pub async fn import(
    state: &AppState,
    actor: &CurrentConvenor,
    partnership: PartnershipId,
    input: MapInput,
    content: &ImportContent,
) -> Result<SystemMap, ApiError> {
    actor.convene(state, partnership).await?;
    let title = title(&input.title)?;
    let description = text(
        "map-refused-field-description",
        &input.description,
        store::MAX_MAP_TEXT_CHARS,
        true,
    )?;
    if let Some(dialogue) = input.dialogue {
        check_dialogue(state, partnership, dialogue).await?;
    }
    let source = read_import(content)?;
    if source.factors.len() > store::MAX_MAP_FACTORS || source.links.len() > store::MAX_MAP_LINKS {
        return Err(ApiError::validation(format!(
            "a map holds at most {} factors and {} links",
            store::MAX_MAP_FACTORS,
            store::MAX_MAP_LINKS
        )));
    }
    let partners = state.store().list_partners(partnership).await?;
    let mut factors = Vec::with_capacity(source.factors.len());
    let mut positions: HashMap<&str, usize> = HashMap::new();
    for (index, factor) in source.factors.iter().enumerate() {
        let owner = match &factor.partner {
            None => None,
            Some(label) => Some(
                partners
                    .iter()
                    .find(|partner| {
                        partner.archived_at.is_none()
                            && partner.name.as_str().eq_ignore_ascii_case(label.trim())
                    })
                    .map(|partner| partner.id)
                    .ok_or_else(|| {
                        ApiError::validation(format!(
                            "factor {:?} names partner {label:?}, which is not a current partner of this partnership",
                            factor.id
                        ))
                    })?,
            ),
        };
        factors.push(ImportedFactor {
            name: text(
                "map-refused-field-imported-name",
                &factor.name,
                store::MAX_MAP_NAME_CHARS,
                false,
            )?,
            owner,
            sector: None,
        });
        positions.insert(factor.id.as_str(), index);
    }
    // Whole-number ids that differ only in leading zeros were refused by the index above, so
    // every link's ids are found as written.
    let mut links = Vec::with_capacity(source.links.len());
    for link in &source.links {
        let find = |id: &str| {
            positions.get(id).copied().ok_or_else(|| {
                ApiError::validation(format!(
                    "a link names factor {id:?}, which the map does not have"
                ))
            })
        };
        links.push(ImportedLink {
            from: find(&link.from)?,
            to: find(&link.to)?,
            sign: match link.sign {
                Sign::Positive => LinkSign::Positive,
                Sign::Negative => LinkSign::Negative,
            },
            delayed: link.delayed,
            note: text(
                "map-refused-field-imported-note",
                &link.note,
                store::MAX_MAP_TEXT_CHARS,
                true,
            )?,
        });
    }
    Ok(state
        .store()
        .import_system_map(MapImport {
            map: NewSystemMap {
                partnership,
                title,
                description,
                dialogue: input.dialogue,
                participants_may_judge: input.participants_may_judge && input.dialogue.is_some(),
                created_by: Some(actor.convenor.id),
                now: state.now_ms(),
            },
            factors,
            links,
            proposer: Proposer {
                account: Some(actor.convenor.id),
                partner: None,
            },
        })
        .await?)
}

/// An exported map: its files, each with its name and content type.
#[derive(Debug, Clone)]
pub struct MapExport {
    /// The files: one for GraphML and Kumu, `factors.csv` and `links.csv` for CSV.
    pub files: Vec<(String, String)>,
}

/// Exports a map as GraphML (with each factor's leverage), a Kumu blueprint or the two CSV
/// files, each link marked contested from its tally. Convenors and representatives.
pub async fn export(
    state: &AppState,
    actor: &CurrentConvenor,
    id: SystemMapId,
    format: MapFormat,
) -> Result<MapExport, ApiError> {
    let detail = detail(state, actor, id).await?;
    let partners = state.store().list_partners(detail.map.partnership).await?;
    let source = source_of(&detail, &partners);
    let files = match format {
        MapFormat::Graphml => {
            let analysis = if detail.factors.is_empty() {
                None
            } else {
                Some(
                    analyse_detail(
                        state,
                        &detail,
                        &AnalysisOptions {
                            limits: LoopLimits::default(),
                            action: None,
                        },
                    )
                    .await?,
                )
            };
            vec![(
                format!("map-{id}.graphml"),
                graphml::write(&source, analysis.as_ref()),
            )]
        }
        MapFormat::Kumu => vec![(
            format!("map-{id}.json"),
            kumu::write(&source).map_err(ApiError::internal)?,
        )],
        MapFormat::Csv => {
            let (factors, links) = csv::write(&source);
            vec![
                ("factors.csv".to_owned(), factors),
                ("links.csv".to_owned(), links),
            ]
        }
    };
    Ok(MapExport { files })
}

#[cfg(test)]
mod tests {
    use model::{ConstituencyId, ParticipantId};

    use super::*;

    fn partner(id: i64, judgment: LinkJudgment) -> MapJudgment {
        MapJudgment {
            link: MapLinkId(1),
            judge: Judge::Partner(PartnerId(id)),
            judgment,
            constituencies: vec![],
            recorded_by: None,
            updated_at: 0,
        }
    }

    fn participant(id: i64, constituency: i64, judgment: LinkJudgment) -> MapJudgment {
        MapJudgment {
            link: MapLinkId(1),
            judge: Judge::Participant(ParticipantId(id)),
            judgment,
            constituencies: vec![ConstituencyId(constituency)],
            recorded_by: None,
            updated_at: 0,
        }
    }

    #[test]
    fn one_partner_in_three_disagreeing_contests_a_link_and_unsure_takes_no_side() {
        use LinkJudgment::{Agree, Disagree, Unsure};
        let judgments = [
            partner(1, Agree),
            partner(2, Agree),
            partner(3, Disagree),
            partner(4, Unsure),
        ];
        let result = tally(&judgments.iter().collect::<Vec<_>>());
        assert_eq!(result.partners, [2, 1, 1]);
        assert_eq!(result.partner_disagree_share, Some(1.0 / 3.0));
        assert!(result.contested);
        let calm = [
            partner(1, Agree),
            partner(2, Agree),
            partner(3, Agree),
            partner(4, Disagree),
        ];
        assert!(!tally(&calm.iter().collect::<Vec<_>>()).contested);
    }

    #[test]
    fn constituencies_weigh_the_same_however_many_of_their_members_judge() {
        use LinkJudgment::{Agree, Disagree};
        // Eight residents agree; two carers both disagree. By head count 20% disagree; by
        // constituency the carers' 100% and the residents' 0% average to 50%.
        let mut judgments: Vec<MapJudgment> = (0..8).map(|id| participant(id, 1, Agree)).collect();
        judgments.push(participant(8, 2, Disagree));
        judgments.push(participant(9, 2, Disagree));
        let result = tally(&judgments.iter().collect::<Vec<_>>());
        assert_eq!(result.participants, [8, 2, 0]);
        assert_eq!(result.participant_disagree_share, Some(0.5));
        assert_eq!(result.constituencies_counted, 2);
        assert!(result.contested);
        // Fewer than five participants taking a side do not contest a link on their own.
        let few: Vec<MapJudgment> = (0..4).map(|id| participant(id, 1, Disagree)).collect();
        assert!(!tally(&few.iter().collect::<Vec<_>>()).contested);
    }
}
