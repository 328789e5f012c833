//! The report: common ground first, then differences, then the voice audit, with the opinion
//! map and a plain-language explanation of every chart. It updates live: the page listens to
//! an event stream that announces each new analysis, and fetches the new report then.
//!
//! Everything shown comes from the latest stored analysis snapshot (its JSON and the engine
//! state saved with it); nothing is recomputed here.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use model::{DialogueId, ReportVisibility};
use serde::{Deserialize, Serialize};
use store::Dialogue;
use tokio::sync::broadcast;

use crate::analysis::RunOutcome;
use crate::auth::CurrentConvenor;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::time::rfc3339;

use super::map::{self, MapInput, MapView, PointInput, StatementInput, group_label};
use super::page_error::{PageError, is_unauthenticated, sentence};
use super::render::{Layout, page};
use super::security::encode_query_value;
use crate::dialogues::DialogueSummary;

/// How often the event stream looks for a snapshot stored by another server instance.
const POLL_INTERVAL: Duration = Duration::from_secs(5);

/// How many statements each list of the report shows at most.
const LIST_LENGTH: usize = 10;

/// How many statements the table of every statement shows at most.
const MAX_TABLE_ROWS: usize = 300;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct EstimateDoc {
    agree: u64,
    disagree: u64,
    pass: u64,
    rate: Option<f64>,
    interval: Option<[f64; 2]>,
    has_enough_votes: bool,
}

impl EstimateDoc {
    fn seen(&self) -> u64 {
        self.agree + self.disagree + self.pass
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct EqualWeightDoc {
    agreement: f64,
    n_counted: usize,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct GroundDoc {
    is_common_ground: bool,
    reason: String,
    overall: EstimateDoc,
    groups: Vec<EstimateDoc>,
    constituencies: Vec<EstimateDoc>,
    group_equal_weight: Option<EqualWeightDoc>,
    constituency_equal_weight: Option<EqualWeightDoc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct StatementDoc {
    id: u32,
    text: String,
    author: Option<u32>,
    is_moderated_out: bool,
    projection: Option<[f64; 2]>,
    common_ground: Option<GroundDoc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct ParticipantDoc {
    id: u32,
    group: Option<usize>,
    in_conv: bool,
    projection: [f64; 2],
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct BaseClusterDoc {
    id: usize,
    members: Vec<u32>,
    center: [f64; 2],
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct RepresentativeDoc {
    statement: u32,
    side: String,
    n_success: u64,
    n_trials: u64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct GroupDoc {
    id: usize,
    n_members: usize,
    base_clusters: Vec<usize>,
    representative: Vec<RepresentativeDoc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct CommonGroundDoc {
    n_common_ground: usize,
    statements: Vec<u32>,
    ranking: Vec<u32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct DivisiveDoc {
    statement: u32,
    spread: f64,
    most_agreeing_group: Option<usize>,
    highest_rate: Option<f64>,
    least_agreeing_group: Option<usize>,
    lowest_rate: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct TallyDoc {
    agree: u64,
    disagree: u64,
    pass: u64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct GapDoc {
    statement: u32,
    first: TallyDoc,
    second: TallyDoc,
    first_rate: f64,
    second_rate: f64,
    difference: f64,
    p_value: f64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct PairDoc {
    first: String,
    second: String,
    gaps: Vec<GapDoc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct LayProfessionalDoc {
    lay_participants: usize,
    professional_participants: usize,
    in_both: usize,
    gaps: Vec<GapDoc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct DifferencesDoc {
    divisive: Vec<DivisiveDoc>,
    constituency_gaps: Vec<PairDoc>,
    lay_professional: Option<LayProfessionalDoc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct CountsDoc {
    participants: usize,
    voters: usize,
    votes: usize,
    statements_written: usize,
    statements_common_ground: usize,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct VoiceRowDoc {
    name: String,
    kind: Option<String>,
    counts: CountsDoc,
    share: Option<f64>,
    expected_share: Option<f64>,
    vote_share: Option<f64>,
    is_below_expected_share: bool,
    has_too_few_participants: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct ShiftDoc {
    statement: u32,
    head_count: f64,
    equal_weight: f64,
    effect: f64,
    is_common_ground: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct VoiceDoc {
    n_participants: usize,
    n_voters: usize,
    constituencies: Vec<VoiceRowDoc>,
    unaffiliated: CountsDoc,
    under_represented: Vec<String>,
    equal_weight_shifts: Vec<ShiftDoc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct InputDoc {
    statements_with_votes: usize,
}

/// The analysis document (see `analysis_json`), read leniently: a missing part is shown as
/// missing rather than failing the page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct AnalysisDoc {
    input: InputDoc,
    statements: Vec<StatementDoc>,
    participants: Vec<ParticipantDoc>,
    base_clusters: Vec<BaseClusterDoc>,
    groups: Vec<GroupDoc>,
    common_ground: CommonGroundDoc,
    differences: Option<DifferencesDoc>,
    voice: Option<VoiceDoc>,
    warnings: Vec<String>,
}

/// The most participants drawn one dot each; larger dialogues are drawn by base cluster.
const MAX_DOTS: usize = 400;

/// The latest analysis of a dialogue, as stored.
pub struct LoadedAnalysis {
    version: i64,
    computed_at: i64,
    doc: AnalysisDoc,
    by_id: BTreeMap<u32, usize>,
}

/// Loads the latest analysis snapshot of a dialogue, if there is one.
pub async fn load(
    state: &AppState,
    dialogue: DialogueId,
) -> Result<Option<LoadedAnalysis>, PageError> {
    let Some(snapshot) = state.store().load_snapshot(dialogue).await? else {
        return Ok(None);
    };
    let doc: AnalysisDoc = serde_json::from_str(&snapshot.result_json).map_err(|error| {
        ApiError::internal(anyhow::Error::new(error).context(format!(
            "the stored analysis of dialogue {dialogue} does not read as an analysis"
        )))
    })?;
    let by_id = doc
        .statements
        .iter()
        .enumerate()
        .map(|(position, statement)| (statement.id, position))
        .collect();
    Ok(Some(LoadedAnalysis {
        version: snapshot.version,
        computed_at: snapshot.computed_at,
        doc,
        by_id,
    }))
}

/// A statement one opinion group distinctively holds.
#[derive(Debug, Clone, Serialize)]
pub struct Holding {
    /// The statement's text.
    pub text: String,
    /// "agree" or "disagree".
    pub side: String,
    /// "4 of 5 (80%) agree".
    pub summary: String,
}

impl LoadedAnalysis {
    fn statement(&self, id: u32) -> Option<&StatementDoc> {
        self.by_id
            .get(&id)
            .and_then(|&position| self.doc.statements.get(position))
    }

    fn text(&self, statement: u32) -> String {
        self.statement(statement).map_or_else(
            || format!("Statement {statement}"),
            |found| found.text.clone(),
        )
    }

    /// Returns the index of the group with this id.
    fn group_index(&self, id: usize) -> Option<usize> {
        self.doc.groups.iter().position(|group| group.id == id)
    }

    /// Returns a participant's position and group index, if the analysis clustered them (they
    /// voted enough to be placed).
    pub fn position_of(
        &self,
        participant: model::ParticipantId,
    ) -> Option<([f64; 2], Option<usize>)> {
        let id = u32::try_from(participant.get()).ok()?;
        let found = self
            .doc
            .participants
            .iter()
            .find(|entry| entry.id == id && entry.in_conv)?;
        Some((
            found.projection,
            found.group.and_then(|group| self.group_index(group)),
        ))
    }

    /// Returns the opinion map, with one participant's position marked if given.
    pub fn map(&self, you: Option<model::ParticipantId>) -> Option<MapView> {
        let doc = &self.doc;
        let points: Vec<PointInput> = if doc.participants.len() <= MAX_DOTS {
            doc.participants
                .iter()
                .map(|participant| PointInput {
                    position: participant.projection,
                    n_members: 1,
                    group: participant.group.and_then(|group| self.group_index(group)),
                })
                .collect()
        } else {
            doc.base_clusters
                .iter()
                .map(|base| PointInput {
                    position: base.center,
                    n_members: base.members.len(),
                    group: doc
                        .groups
                        .iter()
                        .position(|group| group.base_clusters.contains(&base.id)),
                })
                .collect()
        };
        let statements = doc
            .statements
            .iter()
            .filter(|statement| !statement.is_moderated_out)
            .filter_map(|statement| {
                Some(StatementInput {
                    id: statement.id,
                    text: statement.text.clone(),
                    position: statement.projection?,
                })
            })
            .collect();
        map::build(&MapInput {
            points,
            group_sizes: doc.groups.iter().map(|group| group.n_members).collect(),
            statements,
            you: you.and_then(|participant| self.position_of(participant)),
        })
    }

    /// Returns the number of participants in a group.
    pub fn group_size(&self, index: usize) -> Option<usize> {
        self.doc.groups.get(index).map(|group| group.n_members)
    }

    /// Returns what a group distinctively holds, most distinctive first.
    pub fn holdings(&self, index: usize) -> Vec<Holding> {
        let Some(group) = self.doc.groups.get(index) else {
            return Vec::new();
        };
        group
            .representative
            .iter()
            .filter(|entry| entry.n_success > 0 && entry.n_trials > 0)
            .take(5)
            .map(|entry| {
                let side = if entry.side == "disagree" {
                    "disagree"
                } else {
                    "agree"
                };
                Holding {
                    text: self.text(entry.statement),
                    side: side.to_owned(),
                    summary: format!(
                        "{} of {} ({}) {side}",
                        entry.n_success,
                        entry.n_trials,
                        percent(entry.n_success as f64 / entry.n_trials as f64)
                    ),
                }
            })
            .collect()
    }
}

fn percent(value: f64) -> String {
    format!("{:.0}%", (value * 100.0).clamp(0.0, 100.0))
}

fn tenth(value: f64) -> f64 {
    (value.clamp(0.0, 1.0) * 1000.0).round() / 10.0
}

/// One bar of agreement with its interval.
#[derive(Debug, Clone, Serialize)]
struct Bar {
    label: String,
    pattern: Option<usize>,
    rate: Option<String>,
    counts: String,
    interval: Option<String>,
    agree_width: f64,
    low: f64,
    high: f64,
    interval_width: f64,
    high_tick: f64,
    is_enough: bool,
}

fn bar(label: String, pattern: Option<usize>, estimate: &EstimateDoc) -> Bar {
    let rate = estimate.rate.filter(|rate| rate.is_finite());
    let interval = estimate
        .interval
        .filter(|[low, high]| low.is_finite() && high.is_finite());
    let low = interval.map_or(0.0, |[low, _]| tenth(low));
    let high = interval.map_or(0.0, |[_, high]| tenth(high));
    Bar {
        label,
        pattern,
        rate: rate.map(percent),
        counts: format!(
            "{} agree, {} disagree, {} pass",
            estimate.agree, estimate.disagree, estimate.pass
        ),
        interval: interval.map(|[low, high]| format!("{}–{}", percent(low), percent(high))),
        agree_width: rate.map_or(0.0, tenth),
        low,
        high,
        interval_width: (high - low).max(0.6),
        high_tick: (high - 0.6).max(0.0),
        is_enough: estimate.has_enough_votes && estimate.seen() > 0,
    }
}

/// A statement with its bars, as the common-ground list shows it.
#[derive(Debug, Clone, Serialize)]
struct StatementCard {
    id: u32,
    text: String,
    reason: String,
    is_from_participant: bool,
    overall: Bar,
    groups: Vec<Bar>,
    constituencies: Vec<Bar>,
    group_equal_weight: Option<String>,
    constituency_equal_weight: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct GroupRow {
    label: String,
    pattern: usize,
    n_members: usize,
    holds: Vec<Holding>,
}

#[derive(Debug, Clone, Serialize)]
struct DivisiveRow {
    text: String,
    spread: String,
    most: Option<String>,
    least: Option<String>,
    bars: Vec<Bar>,
}

#[derive(Debug, Clone, Serialize)]
struct GapRow {
    text: String,
    first_rate: String,
    second_rate: String,
    first_counts: String,
    second_counts: String,
    difference: String,
    is_clear: bool,
}

#[derive(Debug, Clone, Serialize)]
struct GapPair {
    first: String,
    second: String,
    rows: Vec<GapRow>,
}

#[derive(Debug, Clone, Serialize)]
struct LayProfessional {
    lay_participants: usize,
    professional_participants: usize,
    in_both: usize,
    rows: Vec<GapRow>,
}

#[derive(Debug, Clone, Serialize)]
struct VoiceRow {
    name: String,
    kind: Option<String>,
    participants: usize,
    voters: usize,
    votes: usize,
    share: Option<String>,
    share_width: f64,
    expected: Option<String>,
    expected_position: Option<f64>,
    vote_share: Option<String>,
    statements_written: usize,
    statements_common_ground: usize,
    flags: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
struct ShiftRow {
    text: String,
    head_count: String,
    equal_weight: String,
    effect: String,
    is_common_ground: bool,
}

#[derive(Debug, Clone, Serialize)]
struct Voice {
    n_participants: usize,
    n_voters: usize,
    rows: Vec<VoiceRow>,
    unaffiliated: usize,
    missing: Vec<String>,
    shifts: Vec<ShiftRow>,
}

/// One row of the table of every statement.
#[derive(Debug, Clone, Serialize)]
struct StatementRow {
    text: String,
    agree: u64,
    disagree: u64,
    pass: u64,
    rate: Option<String>,
    reason: String,
    is_common_ground: bool,
    is_from_participant: bool,
}

#[derive(Debug, Clone, Serialize)]
struct Live {
    events: String,
    version: i64,
}

#[derive(Serialize)]
struct ReportContext {
    layout: Layout,
    dialogue: DialogueSummary,
    live: Live,
    is_ready: bool,
    updated: Option<String>,
    updated_iso: Option<String>,
    n_participants: u64,
    n_voters: u64,
    n_votes: u64,
    shortfalls: Vec<String>,
    map: Option<MapView>,
    groups: Vec<GroupRow>,
    common_ground: Vec<StatementCard>,
    near: Vec<StatementCard>,
    divisive: Vec<DivisiveRow>,
    gaps: Vec<GapPair>,
    lay_professional: Option<LayProfessional>,
    voice: Option<Voice>,
    statements: Vec<StatementRow>,
    n_statements_left_out: usize,
    notes: Vec<String>,
    participant_link: String,
}

/// Checks that the reader may see the report: anyone for a public report, the partnership's
/// convenors otherwise (the API's rule for the analysis route).
async fn may_read(
    state: &AppState,
    dialogue: &Dialogue,
    headers: &HeaderMap,
) -> Result<(), ApiError> {
    if dialogue.settings.report_visibility == ReportVisibility::Convenors {
        let convenor = CurrentConvenor::from_headers(headers, state).await?;
        convenor.dialogue(state, dialogue.id).await?;
    }
    Ok(())
}

fn statement_card(analysis: &LoadedAnalysis, statement: &StatementDoc) -> Option<StatementCard> {
    let ground = statement.common_ground.as_ref()?;
    Some(StatementCard {
        id: statement.id,
        text: statement.text.clone(),
        reason: ground.reason.clone(),
        is_from_participant: statement.author.is_some(),
        overall: bar("Everyone".to_owned(), None, &ground.overall),
        groups: ground
            .groups
            .iter()
            .enumerate()
            .map(|(index, estimate)| {
                bar(group_label(index), Some(index % map::N_PATTERNS), estimate)
            })
            .collect(),
        constituencies: ground
            .constituencies
            .iter()
            .enumerate()
            .map(|(index, estimate)| bar(constituency_name(analysis, index), None, estimate))
            .collect(),
        group_equal_weight: ground.group_equal_weight.as_ref().map(|weight| {
            format!(
                "{} across {} groups",
                percent(weight.agreement),
                weight.n_counted
            )
        }),
        constituency_equal_weight: ground.constituency_equal_weight.as_ref().map(|weight| {
            format!(
                "{} across {} constituencies",
                percent(weight.agreement),
                weight.n_counted
            )
        }),
    })
}

fn gap_row(analysis: &LoadedAnalysis, gap: &GapDoc) -> GapRow {
    let seen = |tally: &TallyDoc| tally.agree + tally.disagree + tally.pass;
    GapRow {
        text: analysis.text(gap.statement),
        first_rate: percent(gap.first_rate),
        second_rate: percent(gap.second_rate),
        first_counts: format!("{} of {}", gap.first.agree, seen(&gap.first)),
        second_counts: format!("{} of {}", gap.second.agree, seen(&gap.second)),
        difference: format!("{:.0} points", (gap.difference * 100.0).abs()),
        is_clear: gap.p_value < 0.05,
    }
}

/// Returns the name of the constituency at `index` in the analysis's order.
fn constituency_name(analysis: &LoadedAnalysis, index: usize) -> String {
    analysis
        .doc
        .voice
        .as_ref()
        .and_then(|voice| voice.constituencies.get(index))
        .map_or_else(
            || format!("Constituency {}", index + 1),
            |row| row.name.clone(),
        )
}

fn voice(analysis: &LoadedAnalysis) -> Option<Voice> {
    let voice = analysis.doc.voice.as_ref()?;
    let rows: Vec<VoiceRow> = voice
        .constituencies
        .iter()
        .map(|row| {
            let mut flags = Vec::new();
            if row.counts.participants == 0 {
                flags.push("Missing: nobody from this constituency has taken part");
            } else if row.has_too_few_participants {
                flags.push("Too few participants to judge this constituency's views");
            }
            if row.is_below_expected_share && row.counts.participants > 0 {
                flags.push("Fewer than expected");
            }
            VoiceRow {
                name: row.name.clone(),
                kind: row.kind.clone(),
                participants: row.counts.participants,
                voters: row.counts.voters,
                votes: row.counts.votes,
                share: row.share.map(percent),
                share_width: row.share.map_or(0.0, tenth),
                expected: row.expected_share.map(percent),
                expected_position: row.expected_share.map(tenth),
                vote_share: row.vote_share.map(percent),
                statements_written: row.counts.statements_written,
                statements_common_ground: row.counts.statements_common_ground,
                flags,
            }
        })
        .collect();
    let shifts = voice
        .equal_weight_shifts
        .iter()
        .filter(|shift| shift.effect.abs() >= 0.005)
        .take(LIST_LENGTH)
        .map(|shift| ShiftRow {
            text: analysis.text(shift.statement),
            head_count: percent(shift.head_count),
            equal_weight: percent(shift.equal_weight),
            effect: format!(
                "{}{:.0} points",
                if shift.effect >= 0.0 { "+" } else { "−" },
                (shift.effect * 100.0).abs()
            ),
            is_common_ground: shift.is_common_ground,
        })
        .collect();
    Some(Voice {
        n_participants: voice.n_participants,
        n_voters: voice.n_voters,
        rows,
        unaffiliated: voice.unaffiliated.participants,
        missing: voice.under_represented.clone(),
        shifts,
    })
}

/// Explains in plain words why parts of the report are still empty, and what they need.
fn shortfalls(analysis: Option<&LoadedAnalysis>, n_voters: u64) -> Vec<String> {
    let Some(analysis) = analysis else {
        return vec![if n_voters == 0 {
            "Nobody has voted yet. The report appears a few seconds after the first votes arrive."
                .to_owned()
        } else {
            "The first analysis is being computed; this page updates by itself when it is ready."
                .to_owned()
        }];
    };
    let doc = &analysis.doc;
    let mut messages = Vec::new();
    if doc.groups.len() < 2 {
        let needed_votes = doc.input.statements_with_votes.clamp(1, 7);
        let placed = doc
            .participants
            .iter()
            .filter(|entry| entry.in_conv)
            .count();
        messages.push(format!(
            "Opinion groups need more votes: they appear once several people have each voted on at least {needed_votes} statements and some of them vote differently from others. So far {placed} of {} participants who voted are placed on the map.",
            doc.participants.len()
        ));
    }
    if doc.common_ground.n_common_ground == 0 {
        messages.push(
            "No statement is common ground yet. A statement becomes common ground when a clear majority agrees in every opinion group and every constituency, each counted equally; each of them needs at least a few votes on it first. The reason under each statement below says what it still lacks."
                .to_owned(),
        );
    }
    messages
}

/// Returns the analysis's own notes about its limits, as sentences.
fn notes(doc: &AnalysisDoc) -> Vec<String> {
    doc.warnings
        .iter()
        .map(|warning| sentence(warning))
        .collect()
}

/// Answers `GET /d/{id}/report`.
pub async fn report_page(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    if let Err(error) = may_read(&state, &dialogue, &headers).await {
        if is_unauthenticated(&error) {
            let next = encode_query_value(&format!("/d/{id}/report"));
            return Ok(axum::response::Redirect::to(&format!("/login?next={next}")).into_response());
        }
        return Err(error.into());
    }
    let counts = state.store().count_votes(dialogue.id).await?;
    let analysis = load(&state, dialogue.id).await?;
    let summary = DialogueSummary::of(&dialogue);
    let layout = Layout {
        title: format!("Report · {}", summary.title),
        ..Layout::default()
    };
    let mut context = ReportContext {
        layout,
        live: Live {
            events: format!("/d/{id}/report/events"),
            version: analysis.as_ref().map_or(0, |analysis| analysis.version),
        },
        is_ready: analysis.is_some(),
        updated: None,
        updated_iso: None,
        n_participants: counts.participants,
        n_voters: counts.voters,
        n_votes: counts.votes,
        shortfalls: shortfalls(analysis.as_ref(), counts.voters),
        map: None,
        groups: Vec::new(),
        common_ground: Vec::new(),
        near: Vec::new(),
        divisive: Vec::new(),
        gaps: Vec::new(),
        lay_professional: None,
        voice: None,
        statements: Vec::new(),
        n_statements_left_out: 0,
        notes: Vec::new(),
        participant_link: state.participant_url(dialogue.id),
        dialogue: summary,
    };
    if let Some(analysis) = &analysis {
        fill(&mut context, analysis);
    }
    Ok(page("report.html", context)?.into_response())
}

fn fill(context: &mut ReportContext, analysis: &LoadedAnalysis) {
    let doc = &analysis.doc;
    let iso = rfc3339(analysis.computed_at);
    context.updated = Some(format!(
        "{} UTC",
        iso.get(..16).unwrap_or(&iso).replace('T', " at ")
    ));
    context.updated_iso = Some(iso);
    context.map = analysis.map(None);
    context.groups = doc
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| GroupRow {
            label: group_label(index),
            pattern: index % map::N_PATTERNS,
            n_members: group.n_members,
            holds: analysis.holdings(index),
        })
        .collect();
    // The ranking lists every statement best first; moderated-out ones never count.
    let ranked: Vec<&StatementDoc> = doc
        .common_ground
        .ranking
        .iter()
        .filter_map(|&id| analysis.statement(id))
        .filter(|statement| !statement.is_moderated_out)
        .collect();
    let is_common_ground = |statement: &StatementDoc| {
        statement
            .common_ground
            .as_ref()
            .is_some_and(|ground| ground.is_common_ground)
    };
    context.common_ground = ranked
        .iter()
        .filter(|statement| is_common_ground(statement))
        .filter_map(|statement| statement_card(analysis, statement))
        .collect();
    let near_count = if context.common_ground.is_empty() {
        LIST_LENGTH
    } else {
        3
    };
    context.near = ranked
        .iter()
        .filter(|statement| !is_common_ground(statement))
        .filter_map(|statement| statement_card(analysis, statement))
        .take(near_count)
        .collect();
    if let Some(differences) = &doc.differences {
        context.divisive = differences
            .divisive
            .iter()
            .take(LIST_LENGTH)
            .map(|entry| DivisiveRow {
                text: analysis.text(entry.statement),
                spread: format!("{:.0} points", entry.spread * 100.0),
                most: entry
                    .most_agreeing_group
                    .zip(entry.highest_rate)
                    .map(|(group, rate)| {
                        format!("{} agrees most ({})", group_label(group), percent(rate))
                    }),
                least: entry
                    .least_agreeing_group
                    .zip(entry.lowest_rate)
                    .map(|(group, rate)| {
                        format!("{} agrees least ({})", group_label(group), percent(rate))
                    }),
                bars: analysis
                    .statement(entry.statement)
                    .and_then(|statement| statement.common_ground.as_ref())
                    .map(|ground| {
                        ground
                            .groups
                            .iter()
                            .enumerate()
                            .map(|(index, estimate)| {
                                bar(group_label(index), Some(index % map::N_PATTERNS), estimate)
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
        context.gaps = differences
            .constituency_gaps
            .iter()
            .filter(|pair| !pair.gaps.is_empty())
            .map(|pair| GapPair {
                first: pair.first.clone(),
                second: pair.second.clone(),
                rows: pair
                    .gaps
                    .iter()
                    .take(5)
                    .map(|gap| gap_row(analysis, gap))
                    .collect(),
            })
            .collect();
        context.lay_professional =
            differences
                .lay_professional
                .as_ref()
                .map(|entry| LayProfessional {
                    lay_participants: entry.lay_participants,
                    professional_participants: entry.professional_participants,
                    in_both: entry.in_both,
                    rows: entry
                        .gaps
                        .iter()
                        .take(LIST_LENGTH)
                        .map(|gap| gap_row(analysis, gap))
                        .collect(),
                });
    }
    context.voice = voice(analysis);
    context.statements = ranked
        .iter()
        .take(MAX_TABLE_ROWS)
        .map(|statement| {
            let ground = statement.common_ground.as_ref();
            let overall = ground.map(|ground| &ground.overall);
            StatementRow {
                text: statement.text.clone(),
                agree: overall.map_or(0, |tally| tally.agree),
                disagree: overall.map_or(0, |tally| tally.disagree),
                pass: overall.map_or(0, |tally| tally.pass),
                rate: overall.and_then(|tally| tally.rate).map(percent),
                reason: ground
                    .map(|ground| ground.reason.clone())
                    .unwrap_or_default(),
                is_common_ground: is_common_ground(statement),
                is_from_participant: statement.author.is_some(),
            }
        })
        .collect();
    context.n_statements_left_out = ranked.len().saturating_sub(MAX_TABLE_ROWS);
    context.notes = notes(doc);
}

/// The state of one report's event stream.
struct Watch {
    state: AppState,
    dialogue: DialogueId,
    runs: Option<broadcast::Receiver<(DialogueId, RunOutcome)>>,
    last: i64,
}

impl Watch {
    /// Waits until a snapshot newer than the last one announced is stored, and returns its
    /// version. Runs of this instance wake it at once; snapshots stored by other instances
    /// are noticed within the poll interval.
    async fn next_version(&mut self) -> i64 {
        loop {
            let woken = match self.runs.as_mut() {
                Some(runs) => {
                    tokio::select! {
                        received = runs.recv() => match received {
                            Ok((dialogue, RunOutcome::Computed)) => dialogue == self.dialogue,
                            Ok(_) => false,
                            Err(broadcast::error::RecvError::Lagged(_)) => true,
                            Err(broadcast::error::RecvError::Closed) => {
                                self.runs = None;
                                false
                            }
                        },
                        () = tokio::time::sleep(POLL_INTERVAL) => true,
                    }
                }
                None => {
                    tokio::time::sleep(POLL_INTERVAL).await;
                    true
                }
            };
            if !woken {
                continue;
            }
            if let Ok(Some(snapshot)) = self.state.store().load_snapshot(self.dialogue).await
                && snapshot.version > self.last
            {
                self.last = snapshot.version;
                return snapshot.version;
            }
        }
    }
}

fn snapshot_event(version: i64) -> Event {
    Event::default()
        .event("snapshot")
        .id(version.to_string())
        .data(version.to_string())
}

/// Answers `GET /d/{id}/report/events`: a server-sent event `snapshot` (its data the
/// snapshot's version) each time a new analysis of the dialogue is stored. The first event
/// gives the version current when the stream opened.
pub async fn events(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let dialogue = state.store().get_dialogue(DialogueId(id)).await?;
    may_read(&state, &dialogue, &headers).await?;
    let runs = state.analysis().subscribe();
    let current = state
        .store()
        .load_snapshot(dialogue.id)
        .await?
        .map_or(0, |snapshot| snapshot.version);
    let watch = Watch {
        state,
        dialogue: dialogue.id,
        runs,
        last: current,
    };
    let first = stream::once(async move { Ok::<Event, Infallible>(snapshot_event(current)) });
    let rest = stream::unfold(watch, |mut watch| async move {
        let version = watch.next_version().await;
        Some((Ok::<Event, Infallible>(snapshot_event(version)), watch))
    });
    let events = futures_util::StreamExt::chain(first, rest);
    Ok(Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_drawn_in_percent_with_their_interval() {
        let estimate = EstimateDoc {
            agree: 3,
            disagree: 1,
            pass: 0,
            rate: Some(0.75),
            interval: Some([0.3, 0.95]),
            has_enough_votes: true,
        };
        let drawn = bar("Group 1".to_owned(), Some(0), &estimate);
        assert_eq!(drawn.rate.as_deref(), Some("75%"));
        assert_eq!(drawn.interval.as_deref(), Some("30%–95%"));
        assert!((drawn.agree_width - 75.0).abs() < 1e-9);
        assert!((drawn.low - 30.0).abs() < 1e-9 && (drawn.high - 95.0).abs() < 1e-9);
        assert!(drawn.is_enough);
    }

    #[test]
    fn a_statement_nobody_saw_has_no_rate() {
        let drawn = bar("Carers".to_owned(), None, &EstimateDoc::default());
        assert_eq!(drawn.rate, None);
        assert_eq!(drawn.interval, None);
        assert!(!drawn.is_enough);
    }

    #[test]
    fn the_analysis_json_reads_even_with_parts_missing() {
        let doc: AnalysisDoc = serde_json::from_str(
            r#"{"groups": [{"id": 0, "n_members": 3}], "statements": [{"id": 4, "text": "x", "common_ground": {"reason": "r"}}], "future_field": 1}"#,
        )
        .unwrap();
        assert_eq!(doc.groups.len(), 1);
        assert_eq!(
            doc.statements[0].common_ground.as_ref().unwrap().reason,
            "r"
        );
        assert!(doc.voice.is_none());
    }

    #[test]
    fn an_empty_dialogue_says_what_it_needs() {
        let messages = shortfalls(None, 0);
        assert!(messages[0].contains("Nobody has voted yet"));
    }
}
