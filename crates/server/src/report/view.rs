//! The report's view models: what the template prints, already worded and measured
//! (percentages, bar widths, counts), so the template does no arithmetic.

use serde::Serialize;

use super::document::{ConstituencyKind, Estimate};
use super::map::MapView;
use super::snapshot::Holding;
use crate::dialogues::DialogueSummary;
use crate::web::render::{Layout, percent};

/// Returns a share between 0 and 1 in percent, to one decimal, for drawing.
pub(super) fn tenth(value: f64) -> f64 {
    (value.clamp(0.0, 1.0) * 1000.0).round() / 10.0
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
pub(super) fn bar(label: String, pattern: Option<usize>, estimate: &Estimate) -> Bar {
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
pub(super) struct StatementCard {
    pub(super) id: u32,
    pub(super) text: String,
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

#[derive(Debug, Clone, Serialize)]
pub(super) struct GroupRow {
    pub(super) label: String,
    pub(super) pattern: usize,
    pub(super) n_members: usize,
    pub(super) holds: Vec<Holding>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct DivisiveRow {
    pub(super) text: String,
    pub(super) spread: String,
    pub(super) most: String,
    pub(super) least: String,
    pub(super) bars: Vec<Bar>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct GapRow {
    pub(super) text: String,
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
    pub(super) lay_participants: usize,
    pub(super) professional_participants: usize,
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
    pub(super) flags: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct ShiftRow {
    pub(super) text: String,
    pub(super) head_count: String,
    pub(super) equal_weight: String,
    pub(super) effect: String,
    pub(super) is_common_ground: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct WeightingView {
    pub(super) name: &'static str,
    pub(super) explanation: &'static str,
    pub(super) design_effect: String,
    /// Set when the head count would find a different number of common-ground statements.
    pub(super) head_count: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct VoiceAudit {
    pub(super) n_participants: usize,
    pub(super) n_voters: usize,
    pub(super) rows: Vec<VoiceRow>,
    pub(super) unaffiliated: usize,
    pub(super) missing: Vec<String>,
    pub(super) shifts: Vec<ShiftRow>,
    /// The groups' shares of the map with and without the largest constituency's excess, when
    /// the map leans on it.
    pub(super) map_note: Option<String>,
}

/// One row of the table of every statement.
#[derive(Debug, Clone, Serialize)]
pub(super) struct StatementRow {
    pub(super) text: String,
    pub(super) agree: u64,
    pub(super) disagree: u64,
    pub(super) pass: u64,
    pub(super) rate: Option<String>,
    pub(super) reason: String,
    pub(super) is_common_ground: bool,
    pub(super) is_from_participant: bool,
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
    pub(super) shortfalls: Vec<String>,
    /// The weighting in use, in words.
    pub(super) weighting: Option<WeightingView>,
    /// Why nothing is common ground when statements are divided rather than short of votes.
    pub(super) divided_note: Option<String>,
    pub(super) map: Option<MapView>,
    pub(super) groups: Vec<GroupRow>,
    pub(super) common_ground: Vec<StatementCard>,
    pub(super) near: Vec<StatementCard>,
    pub(super) divisive: Vec<DivisiveRow>,
    pub(super) gaps: Vec<GapPair>,
    pub(super) lay_professional: Option<LayProfessionalRows>,
    pub(super) voice: Option<VoiceAudit>,
    pub(super) statements: Vec<StatementRow>,
    pub(super) n_statements_left_out: usize,
    pub(super) notes: Vec<String>,
    pub(super) participant_link: String,
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
        let drawn = bar("group 1".to_owned(), Some(0), &estimate);
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
        let drawn = bar("Carers".to_owned(), None, &unseen);
        assert_eq!(drawn.rate, None);
        assert_eq!(drawn.interval, None);
        assert!(!drawn.is_enough);
    }
}
