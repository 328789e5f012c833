//! The report's view models: what the template prints, already worded and measured
//! (percentages, bar widths, counts), so the template does no arithmetic.

use serde::Serialize;

use super::document::{ConstituencyKind, Estimate};
use super::map::MapView;
use super::snapshot::Holding;
use crate::dialogues::DialogueSummary;
use crate::web::catalogue::text;
use crate::web::language::Language;
use crate::web::render::{Layout, percent};

/// Returns a share between 0 and 1 in percent, to one decimal, for drawing.
pub(super) fn tenth(value: f64) -> f64 {
    (value.clamp(0.0, 1.0) * 1000.0).round() / 10.0
}

/// Says a tally's votes: "12 agree, 3 disagree, 2 pass".
pub(super) fn counts(language: Language, estimate: &Estimate) -> String {
    text(
        language,
        "report-counts",
        &[
            ("agree", estimate.agree.into()),
            ("disagree", estimate.disagree.into()),
            ("pass", estimate.pass.into()),
        ],
    )
}

/// One bar of agreement with its interval.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Bar {
    pub(super) label: String,
    pub(super) pattern: Option<usize>,
    pub(super) rate: Option<String>,
    pub(super) counts: String,
    pub(super) interval: Option<String>,
    pub(super) agree_width: f64,
    pub(super) low: f64,
    pub(super) high: f64,
    pub(super) interval_width: f64,
    pub(super) high_tick: f64,
    pub(super) is_enough: bool,
}

/// Draws one bar of agreement.
pub(super) fn bar(
    language: Language,
    label: String,
    pattern: Option<usize>,
    estimate: &Estimate,
) -> Bar {
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
        counts: counts(language, estimate),
        interval: interval.map(|[low, high]| format!("{}–{}", percent(low), percent(high))),
        agree_width: rate.map_or(0.0, tenth),
        low,
        high,
        interval_width: (high - low).max(0.6),
        high_tick: (high - 0.6).max(0.0),
        is_enough: estimate.has_enough_votes && estimate.seen() > 0,
    }
}

/// An opinion group as the report names it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct GroupView {
    /// Its index in the analysis.
    pub(super) index: usize,
    /// The clustering's id, which labels are stored under.
    pub(super) id: usize,
    /// "A".
    pub(super) letter: String,
    /// "Group A: for more evening clinics", or "Group A" when nothing stands out.
    pub(super) name: String,
    /// The description alone: the convenor's label, or the one derived from its votes.
    pub(super) description: Option<String>,
    /// Whether the convenor wrote the description.
    pub(super) is_custom: bool,
    /// The description derived from its votes, offered when a convenor edits it.
    pub(super) derived: Option<String>,
    pub(super) pattern: usize,
    /// "12 people".
    pub(super) size: String,
    pub(super) n_members: usize,
    pub(super) holds: Vec<Holding>,
}

/// A statement's full breakdown, as its detail page shows it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct StatementCard {
    pub(super) id: u32,
    pub(super) number: usize,
    pub(super) text: String,
    pub(super) verdict: &'static str,
    pub(super) verdict_label: String,
    pub(super) reason: String,
    pub(super) is_from_participant: bool,
    pub(super) overall: Bar,
    pub(super) groups: Vec<Bar>,
    pub(super) constituencies: Vec<Bar>,
    pub(super) group_equal_weight: Option<String>,
    pub(super) constituency_equal_weight: Option<String>,
    /// The head-count reading beside the weighted one, where they differ.
    pub(super) head_count_note: Option<String>,
}

/// A statement in a list of the report: its number, text and link to its detail page.
#[derive(Debug, Clone, Serialize)]
pub(super) struct StatementLink {
    pub(super) number: usize,
    pub(super) text: String,
    pub(super) href: String,
    /// What the list says of it, in a sentence.
    pub(super) detail: String,
}

/// One part of the summary: a sentence and the statements it names.
#[derive(Debug, Clone, Serialize)]
pub(super) struct SummaryPart {
    pub(super) heading: String,
    pub(super) sentences: Vec<String>,
    pub(super) items: Vec<StatementLink>,
}

/// A link among the grid's sort, filter or page choices.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Choice {
    pub(super) label: String,
    pub(super) href: String,
    pub(super) is_current: bool,
}

/// A column of the grid: everyone, a group or a constituency.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Column {
    pub(super) label: String,
    /// A short heading: "All", "A", the constituency's name.
    pub(super) short: String,
    pub(super) pattern: Option<usize>,
    /// The link that sorts by it.
    pub(super) sort_href: String,
    pub(super) is_sorted: bool,
}

/// One cell of the grid.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Cell {
    /// "82%", or "–" without votes.
    pub(super) text: String,
    /// The colour band, 0 (few agree) to 4 (most agree); none without enough votes.
    pub(super) band: Option<usize>,
    /// The interval and counts, shown on demand.
    pub(super) title: String,
    /// The column's label, for the phone list.
    pub(super) label: String,
}

/// One row of the grid.
#[derive(Debug, Clone, Serialize)]
pub(super) struct GridRow {
    pub(super) number: usize,
    pub(super) text: String,
    pub(super) href: String,
    pub(super) verdict: &'static str,
    pub(super) verdict_label: String,
    pub(super) is_from_participant: bool,
    pub(super) cells: Vec<Cell>,
}

/// The statements × groups and constituencies grid.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Grid {
    pub(super) columns: Vec<Column>,
    pub(super) rows: Vec<GridRow>,
    pub(super) sorts: Vec<Choice>,
    pub(super) filters: Vec<Choice>,
    pub(super) pages: Vec<Choice>,
    /// "Showing 1–100 of 240 statements, common ground first."
    pub(super) showing: String,
    pub(super) number_sort_href: String,
    pub(super) is_number_sorted: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct DivisiveRow {
    pub(super) statement: StatementLink,
    pub(super) sides: String,
    pub(super) bars: Vec<Bar>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct GapRow {
    pub(super) statement: StatementLink,
    pub(super) first_rate: String,
    pub(super) second_rate: String,
    pub(super) first_counts: String,
    pub(super) second_counts: String,
    pub(super) difference: String,
    pub(super) is_clear: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct GapPair {
    pub(super) first: String,
    pub(super) second: String,
    pub(super) rows: Vec<GapRow>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct LayProfessionalRows {
    pub(super) lay_participants: String,
    pub(super) professional_participants: String,
    pub(super) in_both: usize,
    pub(super) rows: Vec<GapRow>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct VoiceRow {
    pub(super) name: String,
    pub(super) kind: Option<ConstituencyKind>,
    pub(super) participants: usize,
    pub(super) voters: usize,
    pub(super) votes: usize,
    pub(super) share: Option<String>,
    pub(super) share_width: f64,
    pub(super) expected: Option<String>,
    pub(super) expected_position: Option<f64>,
    pub(super) vote_share: Option<String>,
    pub(super) statements_written: usize,
    pub(super) statements_common_ground: usize,
    pub(super) population_share: Option<String>,
    pub(super) weight: Option<String>,
    pub(super) flags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct ShiftRow {
    pub(super) statement: StatementLink,
    pub(super) head_count: String,
    pub(super) equal_weight: String,
    pub(super) effect: String,
    /// "from 3 of 7 constituencies with votes".
    pub(super) rests_on: String,
    pub(super) is_common_ground: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct WeightingView {
    pub(super) name: String,
    pub(super) explanation: String,
    pub(super) design_effect: String,
    /// Set when the head count would find a different number of common-ground statements.
    pub(super) head_count: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct VoiceAudit {
    pub(super) n_participants: usize,
    pub(super) n_voters: usize,
    pub(super) rows: Vec<VoiceRow>,
    /// "3 participants chose no constituency."
    pub(super) unaffiliated: String,
    pub(super) missing: Vec<String>,
    pub(super) shifts: Vec<ShiftRow>,
    /// The groups' shares of the map with and without the largest constituency's excess, when
    /// the map leans on it.
    pub(super) map_note: Option<String>,
    /// Participation by channel; empty when every vote came online.
    pub(super) channels: Vec<ChannelRow>,
    /// The statements whose agreement differs most between channels.
    pub(super) channel_statements: Vec<ChannelStatementRow>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct ChannelRow {
    pub(super) name: String,
    pub(super) participants: usize,
    pub(super) participant_share: String,
    pub(super) votes: usize,
    pub(super) vote_share: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct ChannelStatementRow {
    pub(super) statement: StatementLink,
    /// "62% of 13" per channel, in the order of `channels`.
    pub(super) cells: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct Live {
    pub(super) events: String,
    pub(super) version: i64,
}

#[derive(Serialize)]
pub(super) struct ReportContext {
    pub(super) layout: Layout,
    pub(super) dialogue: DialogueSummary,
    pub(super) live: Live,
    pub(super) is_ready: bool,
    pub(super) updated: Option<String>,
    pub(super) updated_iso: Option<String>,
    pub(super) n_participants: u64,
    pub(super) n_voters: u64,
    pub(super) n_votes: u64,
    /// What the report is waiting for, when it has nothing to show yet.
    pub(super) waiting: Vec<String>,
    /// What parts of the report still need, when the rest can be shown.
    pub(super) shortfalls: Vec<String>,
    pub(super) summary: Vec<SummaryPart>,
    pub(super) grid: Option<Grid>,
    /// The weighting in use, in words.
    pub(super) weighting: Option<WeightingView>,
    pub(super) map: Option<MapView>,
    pub(super) groups: Vec<GroupView>,
    /// Why no groups are shown, when none are.
    pub(super) groups_note: Option<String>,
    /// Whether the reader may edit the groups' labels.
    pub(super) may_edit_labels: bool,
    pub(super) near: Vec<StatementLink>,
    pub(super) divisive: Vec<DivisiveRow>,
    pub(super) gaps: Vec<GapPair>,
    pub(super) lay_professional: Option<LayProfessionalRows>,
    pub(super) voice: Option<VoiceAudit>,
    /// The comparison with the round before, from the second round on.
    pub(super) rounds: Option<super::rounds::RoundsView>,
    pub(super) notes: Vec<String>,
    pub(super) participant_link: String,
}

/// The detail page of one statement.
#[derive(Serialize)]
pub(super) struct StatementContext {
    pub(super) layout: Layout,
    pub(super) dialogue: DialogueSummary,
    pub(super) card: StatementCard,
    pub(super) updated: Option<String>,
    pub(super) previous: Option<String>,
    pub(super) next: Option<String>,
}

/// The page a private report shows to readers who may not see it.
#[derive(Serialize)]
pub(super) struct PrivateContext {
    pub(super) layout: Layout,
    pub(super) dialogue: DialogueSummary,
    pub(super) sign_in: String,
    pub(super) is_signed_in: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_drawn_in_percent_with_their_interval() {
        let estimate = Estimate {
            agree: 3,
            disagree: 1,
            pass: 0,
            rate: Some(0.75),
            interval: Some([0.3, 0.95]),
            has_enough_votes: true,
            head_count_rate: Some(0.75),
            effective_votes: 4.0,
        };
        let drawn = bar(Language::English, "group 1".to_owned(), Some(0), &estimate);
        assert_eq!(drawn.rate.as_deref(), Some("75%"));
        assert_eq!(drawn.interval.as_deref(), Some("30%–95%"));
        assert!((drawn.agree_width - 75.0).abs() < 1e-9);
        assert!((drawn.low - 30.0).abs() < 1e-9 && (drawn.high - 95.0).abs() < 1e-9);
        assert!(drawn.is_enough);
    }

    #[test]
    fn a_statement_nobody_saw_has_no_rate() {
        let unseen = Estimate {
            agree: 0,
            disagree: 0,
            pass: 0,
            rate: None,
            interval: None,
            has_enough_votes: false,
            head_count_rate: None,
            effective_votes: 0.0,
        };
        let drawn = bar(Language::English, "Carers".to_owned(), None, &unseen);
        assert_eq!(drawn.rate, None);
        assert_eq!(drawn.interval, None);
        assert!(!drawn.is_enough);
    }
}
