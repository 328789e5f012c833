//! The report's sections, each built from the analysis document: the opinion groups, common
//! ground and the statements near it, divisive statements, gaps between constituencies, the
//! voice audit, the table of every statement, and what the report still lacks.

use super::document::{Document, Estimate, Gap, Statement, group_label};
use super::map;
use super::snapshot::LoadedAnalysis;
use super::view::{
    Bar, DivisiveRow, GapPair, GapRow, GroupRow, LayProfessionalRows, ReportContext, ShiftRow,
    StatementCard, StatementRow, VoiceAudit, VoiceRow, bar, tenth,
};
use crate::time::rfc3339;
use crate::web::page_error::sentence;
use crate::web::render::percent;

/// How many statements each list of the report shows at most.
const LIST_LENGTH: usize = 10;

/// How many statements the table of every statement shows at most.
const MAX_TABLE_ROWS: usize = 300;

fn statement_card(analysis: &LoadedAnalysis, statement: &Statement) -> Option<StatementCard> {
    let ground = statement.common_ground.as_ref()?;
    Some(StatementCard {
        id: statement.id,
        text: statement.text.clone(),
        reason: ground.reason.clone(),
        is_from_participant: statement.author.is_some(),
        overall: bar("Everyone".to_owned(), None, &ground.overall),
        groups: group_bars(&ground.groups),
        constituencies: ground
            .constituencies
            .iter()
            .enumerate()
            .map(|(index, estimate)| bar(analysis.constituency_name(index), None, estimate))
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

fn gap_row(analysis: &LoadedAnalysis, gap: &Gap) -> GapRow {
    GapRow {
        text: analysis.text(gap.statement),
        first_rate: percent(gap.first_rate),
        second_rate: percent(gap.second_rate),
        first_counts: format!("{} of {}", gap.first.agree, gap.first.seen()),
        second_counts: format!("{} of {}", gap.second.agree, gap.second.seen()),
        difference: format!("{:.0} points", (gap.difference * 100.0).abs()),
        is_clear: gap.p_value < 0.05,
    }
}

fn voice(analysis: &LoadedAnalysis) -> VoiceAudit {
    let voice = &analysis.doc.voice;
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
                kind: row.kind,
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
    VoiceAudit {
        n_participants: voice.n_participants,
        n_voters: voice.n_voters,
        rows,
        unaffiliated: voice.unaffiliated.participants,
        missing: voice.under_represented.clone(),
        shifts,
    }
}

/// Explains in plain words why parts of the report are still empty, and what they need.
pub(super) fn shortfalls(analysis: Option<&LoadedAnalysis>, n_voters: u64) -> Vec<String> {
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
fn notes(doc: &Document) -> Vec<String> {
    doc.warnings
        .iter()
        .map(|warning| sentence(warning))
        .collect()
}

/// Fills the report's sections from the analysis.
pub(super) fn fill(context: &mut ReportContext, analysis: &LoadedAnalysis) {
    let doc = &analysis.doc;
    let iso = rfc3339(analysis.computed_at);
    context.updated = Some(format!(
        "{} UTC",
        iso.get(..16).unwrap_or(&iso).replace('T', " at ")
    ));
    context.updated_iso = Some(iso);
    context.map = analysis.map(None);
    context.groups = groups(analysis);
    // The ranking lists every statement best first; moderated-out ones never count.
    let ranked: Vec<&Statement> = doc
        .common_ground
        .ranking
        .iter()
        .filter_map(|&id| analysis.statement(id))
        .filter(|statement| !statement.is_moderated_out)
        .collect();
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
    context.divisive = divisive(analysis);
    context.gaps = doc
        .differences
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
        doc.differences
            .lay_professional
            .as_ref()
            .map(|entry| LayProfessionalRows {
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
    context.voice = Some(voice(analysis));
    context.statements = ranked
        .iter()
        .take(MAX_TABLE_ROWS)
        .map(|&statement| statement_row(statement))
        .collect();
    context.n_statements_left_out = ranked.len().saturating_sub(MAX_TABLE_ROWS);
    context.notes = notes(doc);
}

fn is_common_ground(statement: &Statement) -> bool {
    statement
        .common_ground
        .as_ref()
        .is_some_and(|ground| ground.is_common_ground)
}

/// The opinion groups with what each distinctively holds.
fn groups(analysis: &LoadedAnalysis) -> Vec<GroupRow> {
    analysis
        .doc
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| GroupRow {
            label: group_label(index),
            pattern: index % map::N_PATTERNS,
            n_members: group.n_members,
            holds: analysis.holdings(index),
        })
        .collect()
}

/// The most divisive statements, with each group's bar.
fn divisive(analysis: &LoadedAnalysis) -> Vec<DivisiveRow> {
    analysis
        .doc
        .differences
        .divisive
        .iter()
        .take(LIST_LENGTH)
        .map(|entry| DivisiveRow {
            text: analysis.text(entry.statement),
            spread: format!("{:.0} points", entry.spread * 100.0),
            most: format!(
                "{} agrees most ({})",
                group_label(entry.most_agreeing_group),
                percent(entry.highest_rate)
            ),
            least: format!(
                "{} agrees least ({})",
                group_label(entry.least_agreeing_group),
                percent(entry.lowest_rate)
            ),
            bars: analysis
                .statement(entry.statement)
                .and_then(|statement| statement.common_ground.as_ref())
                .map(|ground| group_bars(&ground.groups))
                .unwrap_or_default(),
        })
        .collect()
}

/// One bar per opinion group, in its pattern.
fn group_bars(estimates: &[Estimate]) -> Vec<Bar> {
    estimates
        .iter()
        .enumerate()
        .map(|(index, estimate)| bar(group_label(index), Some(index % map::N_PATTERNS), estimate))
        .collect()
}

/// One row of the table of every statement.
fn statement_row(statement: &Statement) -> StatementRow {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_dialogue_says_what_it_needs() {
        let messages = shortfalls(None, 0);
        assert!(messages[0].contains("Nobody has voted yet"));
    }
}
