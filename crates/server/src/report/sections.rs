//! The report's sections, each built from the analysis document: the opinion groups, the
//! statements close to common ground, divisive statements, gaps between constituencies, the
//! voice audit, a statement's full breakdown, and what the report still lacks.

use super::confidence;
use super::document::{
    Document, Gap, Standing, Statement, StatementGround, WeightingMethod, group_name_in,
};
use super::snapshot::LoadedAnalysis;
use super::view::{
    Bar, ChannelRow, ChannelStatementRow, DivisiveRow, GapPair, GapRow, GroupView,
    LayProfessionalRows, ReportContext, ShiftRow, StatementCard, StatementLink, VoiceAudit,
    VoiceRow, WeightingView, bar, tenth,
};
use super::{grid, summary};
use crate::time::rfc3339;
use crate::web::catalogue::text;
use crate::web::language::Language;
use crate::web::page_error::sentence;
use crate::web::render::percent;

/// How many statements each list of the report shows at most.
pub(super) const LIST_LENGTH: usize = 10;

/// A statement's verdict: a key for styling and filtering, and the message that names it.
pub(crate) fn verdict(statement: &Statement) -> (&'static str, &'static str) {
    if statement.is_moderated_out {
        return ("out", "report-verdict-out");
    }
    match statement
        .common_ground
        .as_ref()
        .map(|ground| &ground.standing)
    {
        Some(Standing::CommonGround {}) => ("common", "report-verdict-common"),
        Some(Standing::BelowThreshold { .. }) => ("divided", "report-verdict-divided"),
        Some(Standing::NegativeBridging { .. }) => ("divided", "report-verdict-not-shared"),
        Some(Standing::ModeratedOut {}) => ("out", "report-verdict-out"),
        Some(
            Standing::TooFewVotes { .. }
            | Standing::Provisional { .. }
            | Standing::NoGroupsOrConstituencies {},
        )
        | None => ("short", "report-verdict-short"),
    }
}

/// A statement's verdict: a key for styling and filtering, and its words in `language`.
pub(crate) fn verdict_words(language: Language, statement: &Statement) -> (&'static str, String) {
    let (key, message) = verdict(statement);
    (key, text(language, message, &[]))
}

/// Returns the groups' names for bars: "Group A: for …" with its pattern.
fn group_bars(language: Language, ground: &StatementGround, groups: &[GroupView]) -> Vec<Bar> {
    groups
        .iter()
        .filter_map(|group| {
            let estimate = ground.groups.get(group.index)?;
            Some(bar(
                language,
                group.name.clone(),
                Some(group.pattern),
                estimate,
            ))
        })
        .collect()
}

/// Returns a statement's full breakdown for its detail page.
pub(super) fn statement_card(
    language: Language,
    analysis: &LoadedAnalysis,
    statement: &Statement,
    groups: &[GroupView],
) -> Option<StatementCard> {
    let ground = statement.common_ground.as_ref()?;
    let (verdict, verdict_label) = verdict_words(language, statement);
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
        reason: super::reasons::reason(language, analysis, statement),
        is_from_participant: statement.author.is_some(),
        overall: bar(
            language,
            text(language, "report-everyone", &[]),
            None,
            &ground.overall,
        ),
        groups: group_bars(language, ground, groups),
        constituencies: ground
            .constituencies
            .iter()
            .enumerate()
            .map(|(index, estimate)| {
                bar(language, analysis.constituency_name(index), None, estimate)
            })
            .collect(),
        group_equal_weight: ground
            .group_equal_weight
            .as_ref()
            .filter(|_| !groups.is_empty())
            .map(|weight| {
                equal_weight_reading(
                    language,
                    weight.agreement,
                    weight.n_counted,
                    with_votes(&ground.groups),
                    "groups",
                )
            }),
        constituency_equal_weight: ground.constituency_equal_weight.as_ref().map(|weight| {
            equal_weight_reading(
                language,
                weight.agreement,
                weight.n_counted,
                with_votes(&ground.constituencies),
                "constituencies",
            )
        }),
        head_count_note: head_count_note(language, ground),
    })
}

/// Says an equal-weight agreement and what it rests on: "78% agree, from 3 of 4 groups with
/// votes" (`of` is `groups` or `constituencies`).
fn equal_weight_reading(
    language: Language,
    agreement: f64,
    counted: usize,
    with_votes: usize,
    of: &str,
) -> String {
    text(
        language,
        "report-equal-weight-reading",
        &[
            ("rate", percent(agreement).into()),
            ("counted", counted.into()),
            ("total", with_votes.into()),
            ("of", of.into()),
        ],
    )
}

/// Says what a head count would read where it differs from the weighted reading.
fn head_count_note(language: Language, ground: &StatementGround) -> Option<String> {
    let by_head = ground.head_count_is_common_ground?;
    let weighted = ground.overall.rate?;
    let head = ground.overall.head_count_rate?;
    let rates_differ = percent(weighted) != percent(head);
    if !rates_differ && by_head == ground.is_common_ground {
        return None;
    }
    let verdict = match (by_head, ground.is_common_ground) {
        (true, false) => "common",
        (false, true) => "not-common",
        _ => "same",
    };
    Some(text(
        language,
        "report-head-count-note",
        &[
            ("head", percent(head).into()),
            ("weighted", percent(weighted).into()),
            ("verdict", verdict.into()),
        ],
    ))
}

fn gap_row(language: Language, analysis: &LoadedAnalysis, gap: &Gap) -> GapRow {
    let of = |agree: u64, seen: u64| {
        text(
            language,
            "report-of",
            &[("part", agree.into()), ("whole", seen.into())],
        )
    };
    GapRow {
        statement: analysis.link(gap.statement, String::new()),
        first_rate: percent(gap.first_rate),
        second_rate: percent(gap.second_rate),
        first_counts: of(gap.first.agree, gap.first.seen()),
        second_counts: of(gap.second.agree, gap.second.seen()),
        difference: points(language, gap.difference, false),
        is_clear: gap.is_discovery,
    }
}

/// Says a difference of shares in points: "12 points", or "+12 points" and "−12 points" when
/// `signed`.
fn points(language: Language, difference: f64, signed: bool) -> String {
    let sign = match (signed, difference >= 0.0) {
        (false, _) => "",
        (true, true) => "+",
        (true, false) => "−",
    };
    text(
        language,
        "report-points",
        &[
            ("sign", sign.into()),
            (
                "points",
                format!("{:.0}", (difference * 100.0).abs()).into(),
            ),
        ],
    )
}

fn voice(language: Language, analysis: &LoadedAnalysis) -> VoiceAudit {
    let voice = &analysis.doc.voice;
    let rows: Vec<VoiceRow> = voice
        .constituencies
        .iter()
        .map(|row| {
            let mut flags = Vec::new();
            if row.counts.participants == 0 {
                flags.push("report-flag-missing");
            } else if row.has_too_few_participants {
                flags.push("report-flag-too-few");
            }
            if row.is_below_expected_share && row.counts.participants > 0 {
                flags.push("report-flag-below-expected");
            }
            if row.is_thinly_carried {
                flags.push("report-flag-thin");
            }
            if row.is_frame_share_trimmed {
                flags.push("report-flag-trimmed");
            }
            let flags = flags
                .into_iter()
                .map(|key| text(language, key, &[]))
                .collect();
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
                effect: points(language, shift.effect, true),
                rests_on: text(
                    language,
                    "report-rests-on",
                    &[
                        ("counted", counted.into()),
                        ("total", with_votes.into()),
                        ("of", "constituencies".into()),
                    ],
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
        unaffiliated: text(
            language,
            "report-unaffiliated",
            &[("count", voice.unaffiliated.participants.into())],
        ),
        missing: voice.under_represented.clone(),
        shifts,
        map_note: map_note(language, &analysis.doc),
        channels: voice
            .channels
            .iter()
            .map(|channel| ChannelRow {
                name: text(language, channel_name(channel.channel), &[]),
                participants: channel.participants,
                participant_share: percent(channel.participant_share),
                votes: channel.votes,
                vote_share: percent(channel.vote_share),
            })
            .collect(),
        channel_statements: channel_statements(language, analysis),
    }
}

/// The message that names a channel.
fn channel_name(channel: model::VoteChannel) -> &'static str {
    match channel {
        model::VoteChannel::Online => "report-channel-online",
        model::VoteChannel::Facilitated => "report-channel-facilitated",
        model::VoteChannel::Paper => "report-channel-paper",
    }
}

/// The statements voted on through more than one channel, those whose agreement differs most
/// between channels first, each with every channel's agreement.
fn channel_statements(language: Language, analysis: &LoadedAnalysis) -> Vec<ChannelStatementRow> {
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
                    Some(tally) if tally.seen() > 0 => text(
                        language,
                        "report-of",
                        &[
                            (
                                "part",
                                percent(tally.agree as f64 / tally.seen() as f64).into(),
                            ),
                            ("whole", tally.seen().into()),
                        ],
                    ),
                    _ => text(language, "report-no-votes", &[]),
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
fn map_note(language: Language, doc: &Document) -> Option<String> {
    let balance = &doc.voice.map_balance;
    if !balance.is_shaped_by_numbers {
        return None;
    }
    let largest = balance.largest_constituency.as_ref()?;
    let shares: Vec<String> = balance
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            text(
                language,
                "report-map-note-share",
                &[
                    ("group", group_name_in(language, index).into()),
                    ("with", percent(group.head_count_share).into()),
                    ("without", percent(group.without_excess_share).into()),
                ],
            )
        })
        .collect();
    Some(text(
        language,
        "report-map-note",
        &[
            ("largest", largest.as_str().into()),
            (
                "points",
                format!("{:.0}", balance.largest_shift * 100.0).into(),
            ),
            ("shares", shares.join("; ").into()),
        ],
    ))
}

/// Names a weighting and explains it in a sentence, as the report does, in `language`.
pub(crate) fn weighting_in(language: Language, method: WeightingMethod) -> (String, String) {
    let (name, explanation) = match method {
        WeightingMethod::HeadCount => (
            "report-weighting-head-count",
            "report-weighting-head-count-explained",
        ),
        WeightingMethod::Equal => ("report-weighting-equal", "report-weighting-equal-explained"),
        WeightingMethod::Frame => ("report-weighting-frame", "report-weighting-frame-explained"),
    };
    (text(language, name, &[]), text(language, explanation, &[]))
}

/// Names a weighting and explains it in a sentence, in English, as evidence records it.
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
fn weighting(language: Language, doc: &Document) -> WeightingView {
    let summary = &doc.weighting;
    let (name, explanation) = weighting_in(language, summary.method);
    let head_count = (summary.method != WeightingMethod::HeadCount
        && summary.head_count_common_ground != doc.common_ground.n_common_ground)
        .then(|| {
            text(
                language,
                "report-weighting-head-count-common",
                &[
                    ("head", summary.head_count_common_ground.into()),
                    ("weighted", doc.common_ground.n_common_ground.into()),
                ],
            )
        });
    WeightingView {
        name,
        explanation,
        design_effect: text(
            language,
            "report-design-effect",
            &[
                ("effect", format!("{:.2}", summary.design_effect).into()),
                ("voters", format!("{:.0}", summary.effective_voters).into()),
            ],
        ),
        head_count,
    }
}

/// Returns the analysis's own notes about its limits, as sentences in `language`; a document
/// written before its notes were kept as data gives them as it wrote them, in English.
fn notes(language: Language, analysis: &LoadedAnalysis) -> Vec<String> {
    let doc = &analysis.doc;
    if doc.notices.len() != doc.warnings.len() {
        return doc
            .warnings
            .iter()
            .map(|warning| sentence(warning))
            .collect();
    }
    doc.notices
        .iter()
        .map(|notice| notice.words(language, |index| analysis.constituency_name(index)))
        .collect()
}

/// Says what parts of the report still need, while others can be shown: never "not enough
/// data" for a dialogue with many votes, only what each missing part waits for.
pub(super) fn shortfalls(language: Language, analysis: &LoadedAnalysis) -> Vec<String> {
    let mut messages = Vec::new();
    if !analysis.groups_are_shown() {
        messages.push(format!(
            "{} {}",
            text(
                language,
                "report-groups-not-yet",
                &[
                    ("placed", analysis.n_placed().into()),
                    ("groups", analysis.doc.groups.len().into()),
                ],
            ),
            text(language, "report-groups-rule", &[])
        ));
    }
    messages
}

/// Explains what the report waits for before it can show anything.
pub(super) fn waiting(language: Language, has_analysis: bool, n_votes: u64) -> Vec<String> {
    if n_votes == 0 {
        vec![
            text(language, "report-waiting-no-votes", &[]),
            text(language, "report-waiting-needs", &[]),
        ]
    } else if !has_analysis {
        vec![text(language, "report-waiting-computing", &[])]
    } else {
        Vec::new()
    }
}

/// The statements closest to common ground that clear the confidence rules.
fn near(
    language: Language,
    analysis: &LoadedAnalysis,
    ranked: &[&Statement],
) -> Vec<StatementLink> {
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
                    "{} {}",
                    text(
                        language,
                        "report-near-detail",
                        &[
                            (
                                "overall",
                                ground
                                    .overall
                                    .rate
                                    .map_or_else(
                                        || text(language, "report-nobody-agrees", &[]),
                                        |rate| {
                                            text(
                                                language,
                                                "report-agree-overall",
                                                &[("rate", percent(rate).into())],
                                            )
                                        },
                                    )
                                    .into(),
                            ),
                            ("voted", voted.len().into()),
                            ("lowest", percent(lowest).into()),
                        ],
                    ),
                    super::reasons::reason(language, analysis, statement)
                ),
            ))
        })
        .collect()
}

/// The divisive statements that clear the confidence rules, with the groups' bars.
pub(super) fn divisive(
    language: Language,
    analysis: &LoadedAnalysis,
    groups: &[GroupView],
) -> Vec<DivisiveRow> {
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
            let sides = text(
                language,
                "report-divisive-sides",
                &[
                    ("agree", share(most.agree, most.seen()).into()),
                    (
                        "agreeing",
                        group_name_in(language, entry.most_agreeing_group).into(),
                    ),
                    ("agreed", most.agree.into()),
                    ("votes", most.seen().into()),
                    ("disagree", share(least.disagree, least.seen()).into()),
                    (
                        "disagreeing",
                        group_name_in(language, entry.least_agreeing_group).into(),
                    ),
                    ("disagreed", least.disagree.into()),
                    ("their-votes", least.seen().into()),
                ],
            );
            Some(DivisiveRow {
                statement: analysis.link(
                    entry.statement,
                    text(
                        language,
                        "report-divisive-detail",
                        &[
                            ("points", format!("{:.0}", entry.spread * 100.0).into()),
                            ("counted", entry.n_groups_counted.into()),
                            ("total", groups.len().into()),
                        ],
                    ),
                ),
                sides,
                bars: group_bars(language, ground, groups),
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

/// Says a number of people: "1 person", "12 people".
pub(super) fn people(language: Language, count: usize) -> String {
    text(language, "report-people", &[("count", count.into())])
}

/// Fills the report's sections from the analysis.
pub(super) fn fill(
    language: Language,
    context: &mut ReportContext,
    analysis: &LoadedAnalysis,
    shown: Vec<GroupView>,
    query: grid::Query,
) {
    let doc = &analysis.doc;
    let iso = rfc3339(analysis.computed_at);
    context.updated = Some(crate::web::catalogue::date_time(
        language,
        analysis.computed_at,
    ));
    context.updated_iso = Some(iso);
    context.map = analysis.map(language, None);
    context.weighting = Some(weighting(language, doc));
    context.shortfalls = shortfalls(language, analysis);
    let ranked = ranked(analysis);
    context.near = near(language, analysis, &ranked);
    context.divisive = divisive(language, analysis, &shown);
    context.summary = summary::summary(language, analysis, &shown, &context.divisive);
    context.grid = Some(grid::grid(language, analysis, &shown, &ranked, query));
    context.groups_note = (shown.is_empty()).then(|| text(language, "report-groups-rule", &[]));
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
                .map(|gap| gap_row(language, analysis, gap))
                .collect(),
        })
        .collect();
    context.lay_professional =
        doc.differences
            .lay_professional
            .as_ref()
            .map(|entry| LayProfessionalRows {
                lay_participants: people(language, entry.lay_participants),
                professional_participants: people(language, entry.professional_participants),
                in_both: entry.in_both,
                rows: entry
                    .gaps
                    .iter()
                    .take(LIST_LENGTH)
                    .map(|gap| gap_row(language, analysis, gap))
                    .collect(),
            });
    context.voice = Some(voice(language, analysis));
    context.rounds = super::rounds::rounds(language, analysis);
    context.notes = notes(language, analysis);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_dialogue_says_what_it_needs() {
        let messages = waiting(Language::English, false, 0);
        assert!(messages[0].contains("Nobody has voted yet"));
        assert!(waiting(Language::English, true, 12).is_empty());
    }
}
