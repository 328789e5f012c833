//! The system-map room's pages, for a partnership's convenors and its partners'
//! representatives: the partnership's maps (with the form to start one), and a map's page: the
//! drawing and its table, the feedback loops (each can be highlighted on the drawing), the
//! ripple of pushing any factor, each factor's leverage, every link with its equal-weight
//! tally and the forms to judge it, the forms to propose factors and links, the actions pinned
//! to the map and, for convenors, the map's settings.
//!
//! Every change goes through [`super::service`]; every form carries the session's form token
//! and works without JavaScript. A refused form shows its page again with the message and what
//! was typed.
//!
//! The pages are shared by convenors and partners' representatives, so they are translated into
//! the representatives' languages, with their strings in the `maps` catalogue.

use std::collections::HashMap;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use engine::system_map::{LoopLimits, Push};
use fluent_bundle::FluentValue;
use model::{MapFactorId, MapLinkId, PartnerId, PartnershipId, SystemMapId};
use serde::Serialize;
use store::{ActionId, Judge, LinkJudgment, LinkSign, PinPush, Proposer, SystemMapChanges};

use super::document::{LoopEntry, MapDocument};
use super::service::{self, FactorInput, LinkInput, MapInput, MapPage, Tally};
use super::source::FactorKey;
use super::svg::{self, DrawOptions, Drawing, Highlight};
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::web::catalogue::{date_time, text};
use crate::web::forms::FormData;
use crate::web::language::Language;
use crate::web::page_error::{PageError, form_refusal, said_in};
use crate::web::render::{Layout, page};
use crate::web::security::{Asked, PageConvenor};
use crate::web::see_other;

/// The room's page templates.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    svg::TEMPLATE,
    (
        "system_maps.html",
        include_str!("templates/system_maps.html"),
    ),
    ("system_map.html", include_str!("templates/system_map.html")),
    (
        "system_map_judge.html",
        include_str!("templates/system_map_judge.html"),
    ),
];

/// The most loops a map's page lists; the analysis says when there are more.
pub const PAGE_LOOPS: usize = 200;

/// The form field that names the partner a proposal or judgment speaks for, when a convenor
/// proposes as themselves.
const AS_CONVENOR: &str = "convenor";

/// What a refused form sent, shown again with the message.
#[derive(Debug, Clone, Default, Serialize)]
struct Echo {
    /// Which form: `create`, `factor`, `link`, `judge`, `pin` or `settings`.
    form: &'static str,
    error: Option<String>,
    /// The link a refused judgment was for.
    link: String,
    title: String,
    description: String,
    dialogue: String,
    name: String,
    owner: String,
    sector: String,
    as_partner: String,
    from: String,
    to: String,
    sign: String,
    delayed: bool,
    note: String,
    action: String,
    factor: String,
    push: String,
}

/// Shows a refused form again with what was typed and why, in the page's language; a refusal
/// of access or a missing record is the page's error instead.
fn refused(
    language: Language,
    error: ApiError,
    echo: Echo,
) -> Result<(StatusCode, Echo), PageError> {
    let message = said_in(language, &error);
    let (status, _) = form_refusal(error)?;
    Ok((
        status,
        Echo {
            error: Some(message),
            ..echo
        },
    ))
}

fn query_pairs(raw: Option<&str>) -> impl Iterator<Item = (&str, &str)> {
    raw.unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('='))
}

/// Returns the key of the notice `?notice=` asks for.
fn notice(raw: Option<&str>) -> Option<&'static str> {
    query_pairs(raw)
        .find(|(name, _)| *name == "notice")
        .and_then(|(_, value)| match value {
            "created" => Some("map-notice-created"),
            "factor" => Some("map-notice-factor"),
            "link" => Some("map-notice-link"),
            "judged" => Some("map-notice-judged"),
            "pinned" => Some("map-notice-pinned"),
            "saved" => Some("map-notice-saved"),
            "closed" => Some("map-notice-closed"),
            _ => None,
        })
}

/// What a map's page is asked to emphasise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct View {
    /// A loop, by its number in the list (from 1).
    loop_number: Option<usize>,
    /// A ripple: the factor, the push and the links to follow.
    ripple: Option<(MapFactorId, Push, Option<usize>)>,
    /// The key of the notice to show.
    notice: Option<&'static str>,
}

/// Reads `?loop=N` or `?from=F&push=up|down&steps=K`; anything else in the query is ignored.
fn view(raw: Option<&str>, language: Language) -> Result<View, PageError> {
    let bad_view = |key: &str| PageError::new(StatusCode::BAD_REQUEST, text(language, key, &[]));
    let mut result = View::default();
    let (mut from, mut push, mut steps) = (None, None, None);
    for (name, value) in query_pairs(raw) {
        match name {
            "loop" => {
                let number = value
                    .parse::<usize>()
                    .ok()
                    .filter(|number| *number >= 1)
                    .ok_or_else(|| bad_view("map-error-loop"))?;
                result.loop_number = Some(number);
            }
            "from" if !value.is_empty() => {
                let id = value
                    .parse::<i64>()
                    .map_err(|_| bad_view("map-error-ripple-factor"))?;
                from = Some(MapFactorId(id));
            }
            "push" if !value.is_empty() => {
                push = Some(Push::parse(value).ok_or_else(|| bad_view("map-error-push"))?);
            }
            "steps" if !value.is_empty() => {
                steps = Some(
                    value
                        .parse::<usize>()
                        .map_err(|_| bad_view("map-error-steps"))?,
                );
            }
            _ => {}
        }
    }
    match (from, push) {
        (Some(from), push) => {
            result.ripple = Some((from, push.unwrap_or(Push::Up), steps));
        }
        (None, Some(_)) => return Err(bad_view("map-error-ripple-factor")),
        (None, None) => {}
    }
    Ok(result)
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct MapRow {
    id: i64,
    title: String,
    status: String,
    is_open: bool,
}

#[derive(Serialize)]
struct MapsContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    convenes: bool,
    maps: Vec<MapRow>,
    dialogues: Vec<Choice>,
    echo: Echo,
}

fn status_of(language: Language, map: &store::SystemMap) -> String {
    match map.closed_at {
        Some(at) => text(
            language,
            "map-status-closed",
            &[("date", date_time(language, at).into())],
        ),
        None => text(
            language,
            "map-status-open",
            &[("date", date_time(language, map.created_at).into())],
        ),
    }
}

async fn maps_response(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: PartnershipId,
    status: StatusCode,
    echo: Echo,
) -> Result<Response, PageError> {
    let language = asked.language;
    let actor = &convenor.current;
    let (partnership, role) = actor.see_partnership(state, id).await?;
    let maps = service::maps(state, actor, id).await?;
    let dialogues = if role.convenes() {
        state
            .store()
            .list_dialogues(id)
            .await?
            .into_iter()
            .map(|dialogue| Choice {
                value: dialogue.id.to_string(),
                label: dialogue.settings.title.as_str().to_owned(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let context = MapsContext {
        layout: asked.layout(
            convenor,
            asked.text(
                "map-list-title",
                &[("partnership", partnership.name.as_str().to_owned().into())],
            ),
        ),
        partnership_id: id.get(),
        partnership_name: partnership.name.as_str().to_owned(),
        convenes: role.convenes(),
        maps: maps
            .iter()
            .map(|map| MapRow {
                id: map.id.0,
                title: map.title.clone(),
                status: status_of(language, map),
                is_open: map.is_open(),
            })
            .collect(),
        dialogues,
        echo,
    };
    Ok((status, page("system_maps.html", context)?).into_response())
}

/// Answers `GET /convenor/partnerships/{pid}/maps`: the partnership's maps and, for its
/// convenors, the form to start one.
pub async fn maps_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    maps_response(
        &state,
        &convenor,
        asked,
        id,
        StatusCode::OK,
        Echo::default(),
    )
    .await
}

fn dialogue_field(field: &str) -> Result<Option<model::DialogueId>, ApiError> {
    if field.is_empty() {
        return Ok(None);
    }
    field
        .parse::<i64>()
        .map(|id| Some(model::DialogueId(id)))
        .map_err(|_| ApiError::invalid("map-error-dialogue", &[]))
}

/// Answers `POST /convenor/partnerships/{pid}/maps`: starts a map.
pub async fn create_map(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<PartnershipId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let path = format!("/convenor/partnerships/{id}/maps");
    let asked = Asked::posted(language, &path);
    let echo = Echo {
        form: "create",
        title: form.text("title").to_owned(),
        description: form.text("description").to_owned(),
        dialogue: form.text("dialogue").to_owned(),
        ..Echo::default()
    };
    let result = match dialogue_field(&echo.dialogue) {
        Ok(dialogue) => {
            let input = MapInput {
                title: echo.title.clone(),
                description: echo.description.clone(),
                dialogue,
                participants_may_judge: dialogue.is_some()
                    && form.is_checked("participants_may_judge"),
            };
            service::create_map(&state, &convenor.current, id, input).await
        }
        Err(error) => {
            convenor.current.convene(&state, id).await?;
            Err(error)
        }
    };
    match result {
        Ok(map) => Ok(see_other(&format!(
            "/convenor/maps/{}?notice=created",
            map.id.0
        ))),
        Err(error) => {
            let (status, echo) = refused(asked.language, error, echo)?;
            maps_response(&state, &convenor, asked, id, status, echo).await
        }
    }
}

#[derive(Serialize)]
struct LoopView {
    number: usize,
    polarity: String,
    length: usize,
    contested: bool,
    delayed: bool,
    /// The factors' names along the loop, the first repeated at the end.
    path: String,
    highlighted: bool,
}

#[derive(Serialize)]
struct LeverageRow {
    name: String,
    partner: Option<String>,
    driving: usize,
    dependence: usize,
    in_degree: usize,
    out_degree: usize,
    betweenness: String,
    role: String,
}

#[derive(Serialize)]
struct RippleLine {
    name: String,
    effect: String,
    distance: usize,
}

#[derive(Serialize)]
struct RippleGroup {
    partner: String,
    is_other: bool,
    lines: Vec<RippleLine>,
}

#[derive(Serialize)]
struct RippleSection {
    factor: String,
    partner: Option<String>,
    push: String,
    steps: usize,
    groups: Vec<RippleGroup>,
    other_partners: Vec<String>,
    loops: Vec<LoopView>,
    loops_truncated: bool,
}

#[derive(Serialize)]
struct JudgeForm {
    partner_id: i64,
    partner_name: String,
    current: Option<&'static str>,
}

#[derive(Serialize)]
struct LinkRow {
    id: i64,
    from: String,
    to: String,
    sign: &'static str,
    sign_words: String,
    delayed: bool,
    note: String,
    proposed_by: String,
    partners: [usize; 3],
    participants: [usize; 3],
    partner_share: Option<String>,
    participant_share: Option<String>,
    contested: bool,
    judge_forms: Vec<JudgeForm>,
}

#[derive(Serialize)]
struct PinRow {
    action: String,
    objective_id: i64,
    factor: String,
    push: String,
    ripple_href: String,
}

#[derive(Serialize)]
struct MapContext {
    layout: Layout,
    partnership_id: i64,
    partnership_name: String,
    map_id: i64,
    title: String,
    description: String,
    status: String,
    is_open: bool,
    convenes: bool,
    may_propose: bool,
    dialogue: Option<String>,
    dialogue_id: Option<i64>,
    participants_may_judge: bool,
    notice: Option<String>,
    drawing: Drawing,
    n_factors: usize,
    n_links: usize,
    n_loops: usize,
    n_reinforcing: usize,
    n_balancing: usize,
    truncated: bool,
    page_loops: usize,
    loops: Vec<LoopView>,
    highlighted_loop: Option<usize>,
    leverage: Vec<LeverageRow>,
    ripple: Option<RippleSection>,
    ripple_from: String,
    ripple_push: &'static str,
    ripple_steps: usize,
    factors: Vec<Choice>,
    owners: Vec<Choice>,
    speak_as: Vec<Choice>,
    links: Vec<LinkRow>,
    pins: Vec<PinRow>,
    actions: Vec<Choice>,
    /// The judgments a partner may give, labelled in the page's language.
    judgments: Vec<crate::web::catalogue::Choice>,
    echo: Echo,
}

fn sign_words(language: Language, sign: LinkSign) -> (&'static str, String) {
    match sign {
        LinkSign::Positive => ("+", text(language, "drawing-more-to-more", &[])),
        LinkSign::Negative => ("\u{2212}", text(language, "drawing-more-to-less", &[])),
    }
}

fn judgment_word(judgment: LinkJudgment) -> &'static str {
    match judgment {
        LinkJudgment::Agree => "agree",
        LinkJudgment::Disagree => "disagree",
        LinkJudgment::Unsure => "unsure",
    }
}

/// The judgments a partner may give of a link, each with its message.
const JUDGMENTS: [(&str, &str); 3] = [
    ("agree", "map-judgment-agree"),
    ("disagree", "map-judgment-disagree"),
    ("unsure", "map-judgment-unsure"),
];

/// Says a push in words: "up" or "down".
fn push_words(language: Language, push: &str) -> String {
    let key = if push == "down" {
        "ripple-push-down"
    } else {
        "ripple-push-up"
    };
    text(language, key, &[])
}

fn share(value: Option<f64>) -> Option<String> {
    value.map(|share| format!("{:.0}%", share * 100.0))
}

/// Names a factor key of the map's analysis.
fn namer(page: &MapPage) -> impl Fn(&FactorKey) -> String + '_ {
    let names: HashMap<String, &str> = page
        .source
        .factors
        .iter()
        .map(|factor| (factor.id.clone(), factor.name.as_str()))
        .collect();
    move |key: &FactorKey| {
        names
            .get(&key.to_string())
            .map_or_else(|| key.to_string(), |name| (*name).to_owned())
    }
}

fn loop_view(
    language: Language,
    number: usize,
    entry: &LoopEntry,
    name: &impl Fn(&FactorKey) -> String,
    highlighted: bool,
) -> LoopView {
    let mut names: Vec<String> = entry.factors.iter().map(name).collect();
    if let Some(first) = names.first().cloned() {
        names.push(first);
    }
    LoopView {
        number,
        polarity: text(
            language,
            if entry.polarity == "reinforcing" {
                "map-loop-reinforcing"
            } else {
                "map-loop-balancing"
            },
            &[],
        ),
        length: entry.length,
        contested: entry.contested,
        delayed: entry.delayed,
        path: names.join(" \u{2192} "),
        highlighted,
    }
}

/// MICMAC's four kinds of factor, with the map's mean driving and dependence as the divide: the
/// key of each one's message.
fn role_of(driving: f64, dependence: f64, mean_driving: f64, mean_dependence: f64) -> &'static str {
    match (driving > mean_driving, dependence > mean_dependence) {
        (true, false) => "map-role-driver",
        (true, true) => "map-role-relay",
        (false, true) => "map-role-outcome",
        (false, false) => "map-role-apart",
    }
}

fn leverage_rows(language: Language, document: &MapDocument) -> Vec<LeverageRow> {
    let count = document.factors.len().max(1) as f64;
    let mean_driving = document
        .factors
        .iter()
        .map(|f| f.driving as f64)
        .sum::<f64>()
        / count;
    let mean_dependence = document
        .factors
        .iter()
        .map(|f| f.dependence as f64)
        .sum::<f64>()
        / count;
    let mut rows: Vec<LeverageRow> = document
        .factors
        .iter()
        .map(|factor| LeverageRow {
            name: factor.name.clone(),
            partner: factor.partner.clone(),
            driving: factor.driving,
            dependence: factor.dependence,
            in_degree: factor.in_degree,
            out_degree: factor.out_degree,
            betweenness: format!("{:.1}", factor.betweenness),
            role: text(
                language,
                role_of(
                    factor.driving as f64,
                    factor.dependence as f64,
                    mean_driving,
                    mean_dependence,
                ),
                &[],
            ),
        })
        .collect();
    rows.sort_by(|a, b| {
        b.driving
            .cmp(&a.driving)
            .then(a.dependence.cmp(&b.dependence))
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}

fn effect_words(language: Language, effect: &str) -> String {
    let key = match effect {
        "up" => "ripple-effect-up",
        "down" => "ripple-effect-down",
        _ => "map-effect-mixed",
    };
    text(language, key, &[])
}

fn ripple_section(
    language: Language,
    document: &MapDocument,
    name: &impl Fn(&FactorKey) -> String,
) -> Option<RippleSection> {
    let action = document.action.as_ref()?;
    let mut groups: Vec<RippleGroup> = Vec::new();
    for entry in document.ripple.as_deref().unwrap_or_default() {
        let partner = entry
            .partner
            .clone()
            .unwrap_or_else(|| text(language, "map-no-partner", &[]));
        let line = RippleLine {
            name: entry.name.clone(),
            effect: effect_words(language, &entry.effect),
            distance: entry.distance,
        };
        match groups.iter_mut().find(|group| group.partner == partner) {
            Some(group) => group.lines.push(line),
            None => groups.push(RippleGroup {
                is_other: entry.partner.is_some() && entry.partner != action.partner,
                partner,
                lines: vec![line],
            }),
        }
    }
    Some(RippleSection {
        factor: action.name.clone(),
        partner: action.partner.clone(),
        push: push_words(language, &action.push),
        steps: action.steps,
        groups,
        other_partners: action.other_partners_reached.clone(),
        loops: action
            .loops
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let number = document
                    .loops
                    .iter()
                    .position(|listed| listed == entry)
                    .map_or(index + 1, |at| at + 1);
                loop_view(language, number, entry, name, false)
            })
            .collect(),
        loops_truncated: action.loops_truncated,
    })
}

fn proposed_by(
    language: Language,
    proposer: &Proposer,
    partner_names: &HashMap<PartnerId, String>,
) -> String {
    match proposer.partner {
        Some(partner) => partner_names
            .get(&partner)
            .cloned()
            .unwrap_or_else(|| text(language, "map-former-partner", &[])),
        None => text(language, "map-a-convenor", &[]),
    }
}

async fn map_response(
    state: &AppState,
    convenor: &PageConvenor,
    asked: Asked<'_>,
    id: SystemMapId,
    view: View,
    status: StatusCode,
    echo: Echo,
) -> Result<Response, PageError> {
    let language = asked.language;
    let actor = &convenor.current;
    let limits = LoopLimits {
        max_loops: PAGE_LOOPS,
        ..LoopLimits::default()
    };
    let found = service::page(state, actor, id, limits, view.ripple).await?;
    let map = &found.detail.map;
    let (partnership, role) = actor.see_partnership(state, map.partnership).await?;
    let own: Vec<store::Partner> = state
        .store()
        .list_account_partners(actor.convenor.id)
        .await?
        .into_iter()
        .filter(|partner| partner.partnership == map.partnership && partner.archived_at.is_none())
        .collect();
    let name = namer(&found);
    let document = &found.document;
    let highlighted_loop = match view.loop_number {
        Some(number) if number > document.loops.len() => {
            return Err(PageError::not_found(text(
                language,
                "map-error-no-such-loop",
                &[
                    ("loops", FluentValue::from(document.loops.len())),
                    ("number", FluentValue::from(number)),
                ],
            )));
        }
        other => other,
    };
    let highlight = match (highlighted_loop, view.ripple.is_some()) {
        (Some(number), _) => Highlight::from_loop(&document.loops[number - 1]),
        (None, true) => Highlight::from_ripple(document).unwrap_or_default(),
        (None, false) => Highlight::None,
    };
    let drawing = svg::drawing_in(
        language,
        &found.source,
        &DrawOptions {
            title: map.title.clone(),
            id_prefix: "system-map".to_owned(),
            highlight,
        },
    );
    let partner_names: HashMap<PartnerId, String> = found
        .partners
        .iter()
        .map(|partner| (partner.id, partner.name.as_str().to_owned()))
        .collect();
    let factor_names: HashMap<MapFactorId, &str> = found
        .detail
        .factors
        .iter()
        .map(|factor| (factor.id, factor.name.as_str()))
        .collect();
    let factor_name = |factor: MapFactorId| {
        factor_names.get(&factor).map_or_else(
            || {
                text(
                    language,
                    "map-factor-number",
                    &[("factor", factor.to_string().into())],
                )
            },
            |name| (*name).to_owned(),
        )
    };
    let mut judged: HashMap<(MapLinkId, PartnerId), LinkJudgment> = HashMap::new();
    for judgment in &found.detail.judgments {
        if let Judge::Partner(partner) = judgment.judge {
            judged.insert((judgment.link, partner), judgment.judgment);
        }
    }
    let links = found
        .detail
        .links
        .iter()
        .map(|(link, tally): &(store::MapLink, Tally)| {
            let (sign, words) = sign_words(language, link.sign);
            LinkRow {
                id: link.id.0,
                from: factor_name(link.from),
                to: factor_name(link.to),
                sign,
                sign_words: words,
                delayed: link.delayed,
                note: link.note.clone(),
                proposed_by: proposed_by(language, &link.proposer, &partner_names),
                partners: tally.partners,
                participants: tally.participants,
                partner_share: share(tally.partner_disagree_share),
                participant_share: share(tally.participant_disagree_share),
                contested: tally.contested,
                judge_forms: own
                    .iter()
                    .map(|partner| JudgeForm {
                        partner_id: partner.id.get(),
                        partner_name: partner.name.as_str().to_owned(),
                        current: judged
                            .get(&(link.id, partner.id))
                            .copied()
                            .map(judgment_word),
                    })
                    .collect(),
            }
        })
        .collect();
    let actions = state.store().list_actions(map.partnership).await?;
    let action_titles: HashMap<ActionId, (&str, i64)> = actions
        .iter()
        .map(|action| (action.id, (action.title.as_str(), action.objective.0)))
        .collect();
    let pins = found
        .detail
        .pins
        .iter()
        .filter_map(|pin| {
            let (title, objective) = action_titles.get(&pin.action)?;
            Some(PinRow {
                action: (*title).to_owned(),
                objective_id: *objective,
                factor: factor_name(pin.factor),
                push: push_words(language, pin.push.as_str()),
                ripple_href: format!(
                    "/convenor/maps/{}?from={}&push={}#ripple",
                    id.0,
                    pin.factor,
                    pin.push.as_str()
                ),
            })
        })
        .collect();
    let may_pin = role.convenes() || !own.is_empty();
    let mut speak_as: Vec<Choice> = Vec::new();
    if role.convenes() {
        speak_as.push(Choice {
            value: AS_CONVENOR.to_owned(),
            label: text(language, "map-as-convenor", &[]),
        });
    }
    speak_as.extend(own.iter().map(|partner| Choice {
        value: partner.id.to_string(),
        label: partner.name.as_str().to_owned(),
    }));
    let dialogue = match map.dialogue {
        Some(dialogue) => Some(
            state
                .store()
                .get_dialogue(dialogue)
                .await?
                .settings
                .title
                .as_str()
                .to_owned(),
        ),
        None => None,
    };
    let ripple = ripple_section(language, document, &name);
    let (ripple_from, ripple_push, ripple_steps) = match view.ripple {
        Some((from, push, steps)) => (
            from.to_string(),
            push.as_str(),
            steps.unwrap_or(super::document::DEFAULT_STEPS),
        ),
        None => (String::new(), "up", super::document::DEFAULT_STEPS),
    };
    let loops = document
        .loops
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            loop_view(
                language,
                index + 1,
                entry,
                &name,
                highlighted_loop == Some(index + 1),
            )
        })
        .collect();
    let context = MapContext {
        layout: asked.layout(
            convenor,
            asked.text("map-title", &[("map", map.title.clone().into())]),
        ),
        partnership_id: map.partnership.get(),
        partnership_name: partnership.name.as_str().to_owned(),
        map_id: id.0,
        title: map.title.clone(),
        description: map.description.clone(),
        status: status_of(language, map),
        is_open: map.is_open(),
        convenes: role.convenes(),
        may_propose: map.is_open() && !speak_as.is_empty(),
        dialogue,
        dialogue_id: map.dialogue.map(|dialogue| dialogue.get()),
        participants_may_judge: map.participants_may_judge,
        notice: view.notice.map(|key| text(language, key, &[])),
        n_factors: document.n_factors,
        n_links: document.n_links,
        n_loops: document.n_loops,
        n_reinforcing: document.n_reinforcing,
        n_balancing: document.n_balancing,
        truncated: document.truncated,
        page_loops: PAGE_LOOPS,
        loops,
        highlighted_loop,
        leverage: leverage_rows(language, document),
        ripple,
        ripple_from,
        ripple_push,
        ripple_steps,
        factors: found
            .detail
            .factors
            .iter()
            .map(|factor| Choice {
                value: factor.id.to_string(),
                label: factor.name.clone(),
            })
            .collect(),
        owners: found
            .partners
            .iter()
            .filter(|partner| partner.archived_at.is_none())
            .map(|partner| Choice {
                value: partner.id.to_string(),
                label: partner.name.as_str().to_owned(),
            })
            .collect(),
        speak_as,
        links,
        pins,
        actions: if may_pin && map.is_open() {
            actions
                .iter()
                .map(|action| Choice {
                    value: action.id.0.to_string(),
                    label: action.title.clone(),
                })
                .collect()
        } else {
            Vec::new()
        },
        drawing,
        judgments: crate::web::catalogue::choices(language, &JUDGMENTS),
        echo,
    };
    Ok((status, page("system_map.html", context)?).into_response())
}

/// Answers `GET /convenor/maps/{id}`: the map, with `?loop=N` one loop highlighted or with
/// `?from=F&push=up|down&steps=K` the ripple of pushing factor F.
pub async fn map_page(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<SystemMapId>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let asked = Asked::read(language, raw.as_deref());
    let view = View {
        notice: notice(raw.as_deref()),
        ..view(raw.as_deref(), asked.language)?
    };
    map_response(
        &state,
        &convenor,
        asked,
        id,
        view,
        StatusCode::OK,
        Echo::default(),
    )
    .await
}

/// Reads who a proposal speaks for: a partner the account represents, or the convenor
/// themselves.
fn speaking_for(field: &str) -> Result<Option<PartnerId>, ApiError> {
    match field {
        "" | AS_CONVENOR => Ok(None),
        other => other
            .parse::<i64>()
            .map(|id| Some(PartnerId(id)))
            .map_err(|_| ApiError::invalid("map-error-speak-for", &[])),
    }
}

/// Reads a chosen id, refusing with the message `missing` (a key) when none was chosen.
fn id_field(field: &str, missing: &'static str) -> Result<i64, ApiError> {
    field
        .parse::<i64>()
        .map_err(|_| ApiError::invalid(missing, &[]))
}

/// Shows a map's page again after a refused form, or goes back to it after a change.
async fn after(
    state: &AppState,
    convenor: &PageConvenor,
    language: Language,
    id: SystemMapId,
    result: Result<&'static str, ApiError>,
    echo: Echo,
    anchor: &str,
) -> Result<Response, PageError> {
    match result {
        Ok(notice) => Ok(see_other(&format!(
            "/convenor/maps/{}?notice={notice}#{anchor}",
            id.0
        ))),
        Err(error) => {
            let (status, echo) = refused(language, error, echo)?;
            let path = format!("/convenor/maps/{}", id.0);
            let asked = Asked::posted(language, &path);
            map_response(state, convenor, asked, id, View::default(), status, echo).await
        }
    }
}

/// Makes a form's change once its fields are read. When they cannot be read, the map is
/// looked up first, so that a refusal of access or a missing map outranks a typing mistake.
async fn apply<T, U>(
    state: &AppState,
    convenor: &PageConvenor,
    id: SystemMapId,
    input: Result<T, ApiError>,
    notice: &'static str,
    change: impl AsyncFnOnce(T) -> Result<U, ApiError>,
) -> Result<Result<&'static str, ApiError>, PageError> {
    match input {
        Ok(input) => Ok(change(input).await.map(|_| notice)),
        Err(error) => {
            service::map(state, &convenor.current, id).await?;
            Ok(Err(error))
        }
    }
}

/// Answers `POST /convenor/maps/{id}/factors`: proposes a factor.
pub async fn propose_factor(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<SystemMapId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let language = language.within(&crate::web::language::REPRESENTATIVE_LANGUAGES);
    let echo = Echo {
        form: "factor",
        name: form.text("name").to_owned(),
        owner: form.text("owner").to_owned(),
        sector: form.text("sector").to_owned(),
        as_partner: form.text("as").to_owned(),
        ..Echo::default()
    };
    let input = (|| {
        let owner = match echo.owner.as_str() {
            "" => None,
            other => Some(PartnerId(id_field(other, "map-error-owner")?)),
        };
        Ok::<_, ApiError>(FactorInput {
            name: echo.name.clone(),
            owner,
            sector: (!echo.sector.is_empty()).then(|| echo.sector.clone()),
            as_partner: speaking_for(&echo.as_partner)?,
        })
    })();
    let result = apply(&state, &convenor, id, input, "factor", async |input| {
        service::propose_factor(&state, &convenor.current, id, input).await
    })
    .await?;
    after(&state, &convenor, language, id, result, echo, "propose").await
}

/// Answers `POST /convenor/maps/{id}/links`: proposes a link between two factors.
pub async fn propose_link(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<SystemMapId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let language = language.within(&crate::web::language::REPRESENTATIVE_LANGUAGES);
    let echo = Echo {
        form: "link",
        from: form.text("from").to_owned(),
        to: form.text("to").to_owned(),
        sign: form.text("sign").to_owned(),
        delayed: form.is_checked("delayed"),
        note: form.text("note").to_owned(),
        as_partner: form.text("as").to_owned(),
        ..Echo::default()
    };
    let input = (|| {
        Ok::<_, ApiError>(LinkInput {
            from: MapFactorId(id_field(&echo.from, "map-error-link-from")?),
            to: MapFactorId(id_field(&echo.to, "map-error-link-to")?),
            sign: LinkSign::parse(&echo.sign)
                .ok_or_else(|| ApiError::invalid("map-error-sign", &[]))?,
            delayed: echo.delayed,
            note: echo.note.clone(),
            as_partner: speaking_for(&echo.as_partner)?,
        })
    })();
    let result = apply(&state, &convenor, id, input, "link", async |input| {
        service::propose_link(&state, &convenor.current, id, input).await
    })
    .await?;
    after(&state, &convenor, language, id, result, echo, "propose").await
}

/// Answers `POST /convenor/maps/{id}/judgments`: records a partner's judgment of a link.
pub async fn judge_link(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<SystemMapId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let language = language.within(&crate::web::language::REPRESENTATIVE_LANGUAGES);
    let echo = Echo {
        form: "judge",
        link: form.text("link").to_owned(),
        as_partner: form.text("partner").to_owned(),
        ..Echo::default()
    };
    let input = (|| {
        let link = MapLinkId(id_field(&echo.link, "map-error-link")?);
        let partner = PartnerId(id_field(&echo.as_partner, "map-error-judge-for")?);
        let judgment = LinkJudgment::parse(form.text("judgment"))
            .ok_or_else(|| ApiError::invalid("map-error-judgment", &[]))?;
        Ok::<_, ApiError>((link, partner, judgment))
    })();
    let anchor = format!("link-{}", echo.link);
    let result = apply(
        &state,
        &convenor,
        id,
        input,
        "judged",
        async |(link, partner, judgment)| {
            service::judge_link(&state, &convenor.current, id, link, partner, judgment).await
        },
    )
    .await?;
    after(&state, &convenor, language, id, result, echo, &anchor).await
}

/// Answers `POST /convenor/maps/{id}/pins`: pins an action to the factor it pushes.
pub async fn pin_action(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<SystemMapId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let language = language.within(&crate::web::language::REPRESENTATIVE_LANGUAGES);
    let echo = Echo {
        form: "pin",
        action: form.text("action").to_owned(),
        factor: form.text("factor").to_owned(),
        push: form.text("push").to_owned(),
        ..Echo::default()
    };
    let input = (|| {
        let action = ActionId(id_field(&echo.action, "map-error-pin-action")?);
        let factor = MapFactorId(id_field(&echo.factor, "map-error-pin-factor")?);
        let push = PinPush::parse(&echo.push)
            .ok_or_else(|| ApiError::invalid("map-error-pin-push", &[]))?;
        Ok::<_, ApiError>((action, factor, push))
    })();
    let result = apply(
        &state,
        &convenor,
        id,
        input,
        "pinned",
        async |(action, factor, push)| {
            service::pin_action(&state, &convenor.current, id, action, factor, push).await
        },
    )
    .await?;
    after(&state, &convenor, language, id, result, echo, "pins").await
}

/// Answers `POST /convenor/maps/{id}/settings`: opens or stops the judging of links by the
/// linked dialogue's participants.
pub async fn change_settings(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<SystemMapId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let language = language.within(&crate::web::language::REPRESENTATIVE_LANGUAGES);
    let changes = SystemMapChanges {
        participants_may_judge: Some(form.is_checked("participants_may_judge")),
        ..SystemMapChanges::default()
    };
    let echo = Echo {
        form: "settings",
        ..Echo::default()
    };
    let result = service::change_map(&state, &convenor.current, id, changes)
        .await
        .map(|_| "saved");
    after(&state, &convenor, language, id, result, echo, "settings").await
}

/// Answers `POST /convenor/maps/{id}/close`: closes the map for good.
pub async fn close_map(
    State(state): State<AppState>,
    convenor: PageConvenor,
    language: Language,
    ApiPath(id): ApiPath<SystemMapId>,
    form: FormData,
) -> Result<Response, PageError> {
    convenor.check(&form)?;
    let language = language.within(&crate::web::language::REPRESENTATIVE_LANGUAGES);
    let changes = SystemMapChanges {
        close: true,
        ..SystemMapChanges::default()
    };
    let echo = Echo {
        form: "settings",
        ..Echo::default()
    };
    let result = service::change_map(&state, &convenor.current, id, changes)
        .await
        .map(|_| "closed");
    after(&state, &convenor, language, id, result, echo, "settings").await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_reads_a_loop_or_a_ripple_and_refuses_nonsense() {
        let view = |raw| view(raw, Language::English);
        assert_eq!(view(None).unwrap(), View::default());
        assert_eq!(view(Some("loop=3")).unwrap().loop_number, Some(3));
        assert_eq!(
            view(Some("from=12&push=down&steps=4")).unwrap().ripple,
            Some((MapFactorId(12), Push::Down, Some(4)))
        );
        // The ripple form's empty fields mean "not asked"; a push alone defaults to up.
        assert_eq!(view(Some("from=&push=&steps=")).unwrap(), View::default());
        assert_eq!(
            view(Some("from=7")).unwrap().ripple,
            Some((MapFactorId(7), Push::Up, None))
        );
        for bad in [
            "loop=0",
            "loop=x",
            "from=a",
            "from=1&push=sideways",
            "push=up",
        ] {
            let error = view(Some(bad)).unwrap_err();
            assert_eq!(error.status(), StatusCode::BAD_REQUEST, "{bad}");
        }
    }

    #[test]
    fn micmac_roles_split_on_the_means() {
        let role = |driving, dependence| {
            text(
                Language::English,
                role_of(driving, dependence, 5.0, 5.0),
                &[],
            )
        };
        assert_eq!(role(9.0, 2.0), "Driver: moves much, moved little");
        assert_eq!(role(9.0, 9.0), "Relay: moves much and is moved much");
        assert_eq!(role(2.0, 9.0), "Outcome: moved much, moves little");
        assert_eq!(role(5.0, 5.0), "Apart: moves and is moved little");
    }
}
