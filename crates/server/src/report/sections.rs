//! The report's sections, each built from the analysis document: the opinion groups, common
//! ground and the statements near it, divisive statements, gaps between constituencies, the
//! voice audit, the table of every statement, and what the report still lacks.

use super::document::{Document, Estimate, Gap, Standing, Statement, WeightingMethod, group_label};
use super::map;
use super::snapshot::LoadedAnalysis;
use super::view::{
    Bar, DivisiveRow, GapPair, GapRow, GroupRow, LayProfessionalRows, ReportContext, ShiftRow,
    StatementCard, StatementRow, VoiceAudit, VoiceRow, WeightingView, bar, tenth,
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
        head_count_note: head_count_note(ground),
    })
}

/// Says what a head count would read where it differs from the weighted reading.
fn head_count_note(ground: &super::document::StatementGround) -> Option<String> {
    let by_head = ground.head_count_is_common_ground?;
    let weighted = ground.overall.rate?;
    let head = ground.overall.head_count_rate?;
    let rates_differ = percent(weighted) != percent(head);
    if !rates_differ && by_head == ground.is_common_ground {
        return None;
    }
    let verdict = match (by_head, ground.is_common_ground) {
        (true, false) => ", and it would be common ground",
        (false, true) => ", and it would not be common ground",
        _ => "",
    };
    Some(format!(
        "By head count: {} agree overall ({} weighted){verdict}.",
        percent(head),
        percent(weighted)
    ))
}

fn gap_row(analysis: &LoadedAnalysis, gap: &Gap) -> GapRow {
    GapRow {
        text: analysis.text(gap.statement),
        first_rate: percent(gap.first_rate),
        second_rate: percent(gap.second_rate),
        first_counts: format!("{} of {}", gap.first.agree, gap.first.seen()),
        second_counts: format!("{} of {}", gap.second.agree, gap.second.seen()),
        difference: format!("{:.0} points", (gap.difference * 100.0).abs()),
        is_clear: gap.is_discovery,
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
            if row.is_thinly_carried {
                flags.push("Carried by fewer than 5 people, each with a large weight");
            }
            if row.is_frame_share_trimmed {
                flags.push("Population share trimmed to 5 times its equal share");
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
                population_share: row.population_share.map(percent),
                weight: row.weight_per_voter.map(|weight| format!("{weight:.2}")),
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
        map_note: map_note(&analysis.doc),
    }
}

/// Says how the groups' shares of the map move without the largest constituency's excess
/// numbers, when they move by 10 points or more.
fn map_note(doc: &Document) -> Option<String> {
    let balance = &doc.voice.map_balance;
    if !balance.is_shaped_by_numbers {
        return None;
    }
    let largest = balance.largest_constituency.as_ref()?;
    let shares: Vec<String> = balance
        .groups
        .iter()
        .map(|group| {
            format!(
                "{} {} ({} without)",
                group.group,
                percent(group.head_count_share),
                percent(group.without_excess_share)
            )
        })
        .collect();
    Some(format!(
        "The opinion map is drawn by head count, as Pol.is draws it, and leans on {largest}'s numbers: brought down to its equal share, the groups' shares move by up to {:.0} points ({}).",
        balance.largest_shift * 100.0,
        shares.join("; ")
    ))
}

/// The weighting in use, in words.
fn weighting(doc: &Document) -> WeightingView {
    let summary = &doc.weighting;
    let (name, explanation) = match summary.method {
        WeightingMethod::HeadCount => ("head count", "Every participant counts once."),
        WeightingMethod::Equal => (
            "equal weight",
            "Every constituency's participants together weigh the same, and so do those in no constituency, so a constituency that turns out in numbers cannot outvote the others.",
        ),
        WeightingMethod::Frame => (
            "population frame",
            "Constituencies weigh as their shares of the population the convenors gave.",
        ),
    };
    let head_count = (summary.method != WeightingMethod::HeadCount
        && summary.head_count_common_ground != doc.common_ground.n_common_ground)
        .then(|| {
            format!(
                "By head count, {} statements would be common ground; with this weighting, {}.",
                summary.head_count_common_ground, doc.common_ground.n_common_ground
            )
        });
    WeightingView {
        name,
        explanation,
        design_effect: format!(
            "Design effect {:.2}: the weighted results are as precise as {:.0} unweighted participants.",
            summary.design_effect, summary.effective_voters
        ),
        head_count,
    }
}

/// Counts the statements that are divided and those that still need votes.
fn standings(doc: &Document) -> (usize, usize) {
    doc.statements
        .iter()
        .filter(|statement| !statement.is_moderated_out)
        .filter_map(|statement| statement.common_ground.as_ref())
        .fold((0, 0), |(divided, short), ground| match ground.standing {
            Standing::BelowThreshold { .. } => (divided + 1, short),
            Standing::Provisional { .. } | Standing::TooFewVotes { .. } => (divided, short + 1),
            _ => (divided, short),
        })
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
    let (divided, short) = standings(doc);
    if doc.common_ground.n_common_ground == 0 && divided == 0 && short > 0 {
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
    context.weighting = Some(weighting(doc));
    let (divided, short) = standings(doc);
    context.divided_note = (doc.common_ground.n_common_ground == 0 && divided > 0).then(|| {
        format!(
            "No statement is common ground: {divided} {} divided, with a group or constituency that does not clearly agree (named under each statement){}.",
            if divided == 1 { "statement is" } else { "statements are" },
            if short > 0 {
                format!(", and {short} still need more votes")
            } else {
                String::new()
            }
        )
    });
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
