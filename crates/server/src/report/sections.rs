//! The report's sections, each built from the analysis document: the opinion groups, the
//! statements close to common ground, divisive statements, gaps between constituencies, the
//! voice audit, a statement's full breakdown, and what the report still lacks.

use super::confidence::{self, capitalize};
use super::document::{
    Document, Gap, Standing, Statement, StatementGround, WeightingMethod, group_name,
};
use super::snapshot::LoadedAnalysis;
use super::view::{
    Bar, ChannelRow, ChannelStatementRow, DivisiveRow, GapPair, GapRow, GroupView,
    LayProfessionalRows, ReportContext, ShiftRow, StatementCard, StatementLink, VoiceAudit,
    VoiceRow, WeightingView, bar, tenth,
};
use super::{grid, summary};
use crate::time::rfc3339;
use crate::web::page_error::sentence;
use crate::web::render::percent;

/// How many statements each list of the report shows at most.
pub(super) const LIST_LENGTH: usize = 10;

/// A statement's verdict: a key for styling and filtering, and its words.
pub(crate) fn verdict(statement: &Statement) -> (&'static str, &'static str) {
    if statement.is_moderated_out {
        return ("out", "Moderated out");
    }
    match statement
        .common_ground
        .as_ref()
        .map(|ground| &ground.standing)
    {
        Some(Standing::CommonGround {}) => ("common", "Common ground"),
        Some(Standing::BelowThreshold { .. }) => ("divided", "Divided"),
        Some(Standing::NegativeBridging { .. }) => ("divided", "Not shared across groups"),
        Some(Standing::ModeratedOut {}) => ("out", "Moderated out"),
        Some(
            Standing::TooFewVotes { .. }
            | Standing::Provisional { .. }
            | Standing::NoGroupsOrConstituencies {},
        )
        | None => ("short", "Needs more votes"),
    }
}

/// Returns the groups' names for bars: "Group A: for …" with its pattern.
fn group_bars(ground: &StatementGround, groups: &[GroupView]) -> Vec<Bar> {
    groups
        .iter()
        .filter_map(|group| {
            let estimate = ground.groups.get(group.index)?;
            Some(bar(group.name.clone(), Some(group.pattern), estimate))
        })
        .collect()
}

/// Returns a statement's full breakdown for its detail page.
pub(super) fn statement_card(
    analysis: &LoadedAnalysis,
    statement: &Statement,
    groups: &[GroupView],
) -> Option<StatementCard> {
    let ground = statement.common_ground.as_ref()?;
    let (verdict, verdict_label) = verdict(statement);
    let with_votes = |estimates: &[super::document::Estimate]| {
        estimates
            .iter()
            .filter(|estimate| estimate.seen() > 0)
            .count()
    };
    Some(StatementCard {
        id: statement.id,
        number: analysis.number(statement.id),
        text: statement.text.clone(),
        verdict,
        verdict_label,
        reason: sentence(&capitalize(&ground.reason)),
        is_from_participant: statement.author.is_some(),
        overall: bar("Everyone".to_owned(), None, &ground.overall),
        groups: group_bars(ground, groups),
        constituencies: ground
            .constituencies
            .iter()
            .enumerate()
            .map(|(index, estimate)| bar(analysis.constituency_name(index), None, estimate))
            .collect(),
        group_equal_weight: ground
            .group_equal_weight
            .as_ref()
            .filter(|_| !groups.is_empty())
            .map(|weight| {
                format!(
                    "{} agree, {}",
                    percent(weight.agreement),
                    confidence::rests_on(
                        weight.n_counted,
                        with_votes(&ground.groups),
                        "group with votes",
                        "groups with votes"
                    )
                )
            }),
        constituency_equal_weight: ground.constituency_equal_weight.as_ref().map(|weight| {
            format!(
                "{} agree, {}",
                percent(weight.agreement),
                confidence::rests_on(
                    weight.n_counted,
                    with_votes(&ground.constituencies),
                    "constituency with votes",
                    "constituencies with votes"
                )
            )
        }),
        head_count_note: head_count_note(ground),
    })
}

/// Says what a head count would read where it differs from the weighted reading.
fn head_count_note(ground: &StatementGround) -> Option<String> {
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
        statement: analysis.link(gap.statement, String::new()),
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
    let with_votes = voice
        .constituencies
        .iter()
        .filter(|row| row.counts.voters > 0)
        .count();
    let shifts = voice
        .equal_weight_shifts
        .iter()
        .filter(|shift| shift.effect.abs() >= 0.005)
        .filter_map(|shift| {
            let counted = analysis
                .statement(shift.statement)
                .and_then(|statement| statement.common_ground.as_ref())
                .and_then(|ground| ground.constituency_equal_weight.as_ref())
                .map_or(0, |weight| weight.n_counted);
            // Equal weight across one constituency is that constituency alone: not shown.
            (counted >= 2).then(|| ShiftRow {
                statement: analysis.link(shift.statement, String::new()),
                head_count: percent(shift.head_count),
                equal_weight: percent(shift.equal_weight),
                effect: format!(
                    "{}{:.0} points",
                    if shift.effect >= 0.0 { "+" } else { "−" },
                    (shift.effect * 100.0).abs()
                ),
                rests_on: confidence::rests_on(
                    counted,
                    with_votes,
                    "constituency with votes",
                    "constituencies with votes",
                ),
                is_common_ground: shift.is_common_ground,
            })
        })
        .take(LIST_LENGTH)
        .collect();
    VoiceAudit {
        n_participants: voice.n_participants,
        n_voters: voice.n_voters,
        rows,
        unaffiliated: match voice.unaffiliated.participants {
            0 => "Every participant chose a constituency.".to_owned(),
            1 => "1 participant chose no constituency.".to_owned(),
            n => format!("{n} participants chose no constituency."),
        },
        missing: voice.under_represented.clone(),
        shifts,
        map_note: map_note(&analysis.doc),
        channels: voice
            .channels
            .iter()
            .map(|channel| ChannelRow {
                name: channel_name(channel.channel),
                participants: channel.participants,
                participant_share: percent(channel.participant_share),
                votes: channel.votes,
                vote_share: percent(channel.vote_share),
            })
            .collect(),
        channel_statements: channel_statements(analysis),
    }
}

/// A channel as the report names it.
fn channel_name(channel: model::VoteChannel) -> &'static str {
    match channel {
        model::VoteChannel::Online => "Online",
        model::VoteChannel::Facilitated => "Facilitated",
        model::VoteChannel::Paper => "Paper",
    }
}

/// The statements voted on through more than one channel, those whose agreement differs most
/// between channels first, each with every channel's agreement.
fn channel_statements(analysis: &LoadedAnalysis) -> Vec<ChannelStatementRow> {
    let channels = &analysis.doc.voice.channels;
    let mut statements: Vec<u32> = channels
        .iter()
        .flat_map(|channel| channel.statements.iter().map(|entry| entry.statement))
        .collect();
    statements.sort_unstable();
    statements.dedup();
    let mut rows: Vec<(f64, ChannelStatementRow)> = statements
        .into_iter()
        .filter_map(|statement| {
            let tallies: Vec<Option<super::document::Tally>> = channels
                .iter()
                .map(|channel| {
                    channel
                        .statements
                        .iter()
                        .find(|entry| entry.statement == statement)
                        .map(|entry| entry.tally)
                })
                .collect();
            let rates: Vec<f64> = tallies
                .iter()
                .flatten()
                .filter(|tally| tally.seen() > 0)
                .map(|tally| tally.agree as f64 / tally.seen() as f64)
                .collect();
            if rates.len() < 2 {
                return None;
            }
            let spread = rates.iter().copied().fold(f64::MIN, f64::max)
                - rates.iter().copied().fold(f64::MAX, f64::min);
            let cells = tallies
                .iter()
                .map(|tally| match tally {
                    Some(tally) if tally.seen() > 0 => format!(
                        "{} of {}",
                        percent(tally.agree as f64 / tally.seen() as f64),
                        tally.seen()
                    ),
                    _ => "no votes".to_owned(),
                })
                .collect();
            Some((
                spread,
                ChannelStatementRow {
                    statement: analysis.link(statement, String::new()),
                    cells,
                },
            ))
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    rows.into_iter()
        .take(LIST_LENGTH)
        .map(|(_, row)| row)
        .collect()
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
                capitalize(&group.group),
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

/// Names a weighting and explains it in a sentence, as the report does.
pub(crate) fn weighting_words(method: WeightingMethod) -> (&'static str, &'static str) {
    match method {
        WeightingMethod::HeadCount => ("head count", "Every participant counts once."),
        WeightingMethod::Equal => (
            "equal weight",
            "Every constituency's participants together weigh the same, and so do those in no constituency, so a constituency that turns out in numbers cannot outvote the others.",
        ),
        WeightingMethod::Frame => (
            "population frame",
            "Constituencies weigh as their shares of the population the convenors gave.",
        ),
    }
}

/// The weighting in use, in words.
fn weighting(doc: &Document) -> WeightingView {
    let summary = &doc.weighting;
    let (name, explanation) = weighting_words(summary.method);
    let head_count = (summary.method != WeightingMethod::HeadCount
        && summary.head_count_common_ground != doc.common_ground.n_common_ground)
        .then(|| {
            format!(
                "By head count, {} would be common ground; with this weighting, {}.",
                confidence::count(
                    confidence::to_u64(summary.head_count_common_ground),
                    "statement",
                    "statements"
                ),
                doc.common_ground.n_common_ground
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

/// Returns the analysis's own notes about its limits, as sentences.
fn notes(doc: &Document) -> Vec<String> {
    doc.warnings
        .iter()
        .map(|warning| sentence(warning))
        .collect()
}

/// Says what parts of the report still need, while others can be shown: never "not enough
/// data" for a dialogue with many votes, only what each missing part waits for.
pub(super) fn shortfalls(analysis: &LoadedAnalysis) -> Vec<String> {
    let mut messages = Vec::new();
    if !analysis.groups_are_shown() {
        messages.push(format!(
            "Opinion groups are not shown yet: {} {} placed on the map so far. {}",
            confidence::count(
                confidence::to_u64(analysis.n_placed()),
                "participant is",
                "participants are"
            ),
            if analysis.doc.groups.len() >= 2 {
                "and the votes do not yet split them into two groups of 3 or more"
            } else {
                "and the votes do not yet split them into groups"
            },
            confidence::GROUPS_RULE
        ));
    }
    messages
}

/// Explains what the report waits for before it can show anything.
pub(super) fn waiting(has_analysis: bool, n_votes: u64) -> Vec<String> {
    if n_votes == 0 {
        vec![
            "Nobody has voted yet, so there is nothing to report.".to_owned(),
            "The report needs votes: share the participation link below. The summary and the grid appear a few seconds after the first votes; opinion groups once at least 10 people have each voted on several statements; common ground once every group and constituency has at least a few votes on a statement.".to_owned(),
        ]
    } else if !has_analysis {
        vec![
            "The first analysis is being computed; this page updates by itself when it is ready."
                .to_owned(),
        ]
    } else {
        Vec::new()
    }
}

/// The statements closest to common ground that clear the confidence rules.
fn near(analysis: &LoadedAnalysis, ranked: &[&Statement]) -> Vec<StatementLink> {
    ranked
        .iter()
        .filter(|statement| verdict(statement).0 != "common")
        .filter(|statement| confidence::is_closest(&confidence::units(statement)))
        .take(if analysis.doc.common_ground.n_common_ground == 0 {
            5
        } else {
            3
        })
        .filter_map(|statement| {
            let ground = statement.common_ground.as_ref()?;
            let voted: Vec<_> = confidence::units(statement)
                .into_iter()
                .filter(|unit| unit.seen() > 0)
                .collect();
            let lowest = voted
                .iter()
                .filter_map(|unit| unit.rate)
                .fold(f64::INFINITY, f64::min);
            Some(analysis.link(
                statement.id,
                format!(
                    "{} agree overall; the least agreeing of {} with votes is at {}. {}",
                    ground.overall.rate.map_or_else(|| "Nobody".to_owned(), percent),
                    confidence::count(
                        confidence::to_u64(voted.len()),
                        "group or constituency",
                        "groups and constituencies"
                    ),
                    percent(lowest),
                    sentence(&capitalize(&ground.reason))
                ),
            ))
        })
        .collect()
}

/// The divisive statements that clear the confidence rules, with the groups' bars.
pub(super) fn divisive(analysis: &LoadedAnalysis, groups: &[GroupView]) -> Vec<DivisiveRow> {
    if groups.is_empty() {
        return Vec::new();
    }
    let sizes: Vec<usize> = analysis
        .doc
        .groups
        .iter()
        .map(|group| group.n_members)
        .collect();
    analysis
        .doc
        .differences
        .divisive
        .iter()
        .filter_map(|entry| {
            let statement = analysis.statement(entry.statement)?;
            if statement.is_moderated_out
                || !confidence::divisive_is_shown(entry, statement, &sizes)
            {
                return None;
            }
            let ground = statement.common_ground.as_ref()?;
            let most = ground.groups.get(entry.most_agreeing_group)?;
            let least = ground.groups.get(entry.least_agreeing_group)?;
            let share = |part: u64, whole: u64| {
                #[expect(clippy::cast_precision_loss, reason = "vote counts are far below 2^52")]
                let value = part as f64 / whole.max(1) as f64;
                percent(value)
            };
            let sides = format!(
                "{} agree in {} ({} of {}); {} disagree in {} ({} of {}).",
                share(most.agree, most.seen()),
                group_name(entry.most_agreeing_group),
                most.agree,
                confidence::count(most.seen(), "vote", "votes"),
                share(least.disagree, least.seen()),
                group_name(entry.least_agreeing_group),
                least.disagree,
                confidence::count(least.seen(), "vote", "votes"),
            );
            Some(DivisiveRow {
                statement: analysis.link(
                    entry.statement,
                    format!(
                        "{:.0} points apart, {}.",
                        entry.spread * 100.0,
                        confidence::rests_on(
                            entry.n_groups_counted,
                            groups.len(),
                            "group",
                            "groups"
                        )
                    ),
                ),
                sides,
                bars: group_bars(ground, groups),
            })
        })
        .take(LIST_LENGTH)
        .collect()
}

/// The statements in the common-ground ranking, best first, moderated-out ones left out.
pub(super) fn ranked(analysis: &LoadedAnalysis) -> Vec<&Statement> {
    analysis
        .doc
        .common_ground
        .ranking
        .iter()
        .filter_map(|&id| analysis.statement(id))
        .filter(|statement| !statement.is_moderated_out)
        .collect()
}

/// Fills the report's sections from the analysis.
pub(super) fn fill(
    context: &mut ReportContext,
    analysis: &LoadedAnalysis,
    shown: Vec<GroupView>,
    query: grid::Query,
) {
    let doc = &analysis.doc;
    let iso = rfc3339(analysis.computed_at);
    context.updated = Some(format!(
        "{} UTC",
        iso.get(..16).unwrap_or(&iso).replace('T', " at ")
    ));
    context.updated_iso = Some(iso);
    context.map = analysis.map(None);
    context.weighting = Some(weighting(doc));
    context.shortfalls = shortfalls(analysis);
    let ranked = ranked(analysis);
    context.near = near(analysis, &ranked);
    context.divisive = divisive(analysis, &shown);
    context.summary = summary::summary(analysis, &shown, &context.divisive);
    context.grid = Some(grid::grid(analysis, &shown, &ranked, query));
    context.groups_note = (shown.is_empty()).then(|| confidence::GROUPS_RULE.to_owned());
    context.groups = shown;
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
                lay_participants: confidence::people(entry.lay_participants),
                professional_participants: confidence::people(entry.professional_participants),
                in_both: entry.in_both,
                rows: entry
                    .gaps
                    .iter()
                    .take(LIST_LENGTH)
                    .map(|gap| gap_row(analysis, gap))
                    .collect(),
            });
    context.voice = Some(voice(analysis));
    context.rounds = super::rounds::rounds(analysis);
    context.notes = notes(doc);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_dialogue_says_what_it_needs() {
        let messages = waiting(false, 0);
        assert!(messages[0].contains("Nobody has voted yet"));
        assert!(waiting(true, 12).is_empty());
    }
}
