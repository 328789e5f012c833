//! The analysis as JSON (agree = +1): opinion groups with what each distinctively holds,
//! every statement with its counts, intervals, equal-weight agreement and common-ground
//! verdict, consensus, differences in brief, and the engine's warnings.
//!
//! Every number keeps the counts it came from, so a reader can check it by hand.

use engine::common_ground::{AgreeEstimate, EqualWeight, StatementReport};
use serde_json::{Value, json};

use crate::analysis::compute::AnalysisOutput;

fn estimate(estimate: &AgreeEstimate) -> Value {
    json!({
        "agree": estimate.tally.agree,
        "disagree": estimate.tally.disagree,
        "pass": estimate.tally.pass,
        "seen": estimate.tally.seen(),
        "agree_rate": estimate.rate,
        "interval": estimate.interval.map(|interval| [interval.lower, interval.upper]),
        "has_enough_votes": estimate.has_enough_votes,
    })
}

fn equal_weight(value: Option<EqualWeight>) -> Value {
    value.map_or(
        Value::Null,
        |value| json!({ "agreement": value.agreement, "n_counted": value.n_counted }),
    )
}

fn statement(output: &AnalysisOutput, report: &StatementReport) -> Value {
    json!({
        "id": report.statement.0,
        "text": output.texts.get(&report.statement.0),
        "rank": report.rank,
        "author": report.author.map(|author| author.0),
        "is_moderated_out": report.is_moderated_out,
        "is_common_ground": report.is_common_ground,
        "reason": report.reason,
        "score": report.score,
        "overall": estimate(&report.overall),
        "groups": report.groups.iter().map(estimate).collect::<Vec<_>>(),
        "constituencies": report.constituencies.iter().map(estimate).collect::<Vec<_>>(),
        "group_equal_weight": equal_weight(report.group_equal_weight),
        "constituency_equal_weight": equal_weight(report.constituency_equal_weight),
        "group_equal_weight_effect": report.group_equal_weight_effect,
        "constituency_equal_weight_effect": report.constituency_equal_weight_effect,
        "group_informed_consensus": report.group_informed_consensus,
        "robust_group_consensus": report.robust_group_consensus,
        "bridging": report.bridging,
        "bridging_polarity": report.bridging_polarity,
    })
}

fn tally(tally: &engine::common_ground::Tally) -> Value {
    json!({
        "agree": tally.agree,
        "disagree": tally.disagree,
        "pass": tally.pass,
        "seen": tally.seen(),
    })
}

fn gap(gap: &engine::common_ground::Gap) -> Value {
    json!({
        "statement": gap.statement.0,
        "first": tally(&gap.first),
        "second": tally(&gap.second),
        "first_rate": gap.first_rate,
        "second_rate": gap.second_rate,
        "difference": gap.difference,
        "z": gap.z,
        "p_value": gap.p_value,
    })
}

/// Returns the differences in full: divisive statements with the groups at either end,
/// constituency gaps, and lay against professional members.
fn differences(report: &engine::common_ground::CommonGroundReport) -> Value {
    let differences = &report.differences;
    json!({
        "divisive": differences.divisive.iter().map(|entry| json!({
            "statement": entry.statement.0,
            "spread": entry.spread,
            "std_dev": entry.std_dev,
            "most_agreeing_group": entry.most_agreeing_group,
            "highest_rate": entry.highest_rate,
            "least_agreeing_group": entry.least_agreeing_group,
            "lowest_rate": entry.lowest_rate,
            "n_groups_counted": entry.n_groups_counted,
        })).collect::<Vec<_>>(),
        "constituency_gaps": differences.constituency_gaps.iter().map(|pair| json!({
            "first": pair.first,
            "second": pair.second,
            "gaps": pair.gaps.iter().map(gap).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "lay_professional": differences.lay_professional.as_ref().map(|entry| json!({
            "lay_constituencies": entry.lay_constituencies,
            "professional_constituencies": entry.professional_constituencies,
            "lay_participants": entry.lay_participants,
            "professional_participants": entry.professional_participants,
            "in_both": entry.in_both,
            "gaps": entry.gaps.iter().map(gap).collect::<Vec<_>>(),
        })),
    })
}

fn participation(counts: &engine::common_ground::ParticipationCounts) -> Value {
    json!({
        "participants": counts.participants,
        "voters": counts.voters,
        "votes": counts.votes,
        "statements_written": counts.statements_written,
        "statements_common_ground": counts.statements_common_ground,
    })
}

/// Returns the voice audit: participation per constituency against expected shares, the
/// under-represented, and what equal weighting changed.
fn voice(report: &engine::common_ground::CommonGroundReport) -> Value {
    let voice = &report.voice;
    json!({
        "n_participants": voice.n_participants,
        "n_voters": voice.n_voters,
        "n_votes": voice.n_votes,
        "constituencies": voice.constituencies.iter().map(|entry| json!({
            "constituency": entry.constituency,
            "name": entry.name,
            "counts": participation(&entry.counts),
            "share": entry.share,
            "expected_share": entry.expected_share,
            "vote_share": entry.vote_share,
            "is_below_expected_share": entry.is_below_expected_share,
            "has_too_few_participants": entry.has_too_few_participants,
            "is_under_represented": entry.is_under_represented,
        })).collect::<Vec<_>>(),
        "unaffiliated": participation(&voice.unaffiliated),
        "under_represented": voice.under_represented,
        "equal_weight_shifts": voice.equal_weight_shifts.iter().map(|shift| json!({
            "statement": shift.statement.0,
            "head_count": shift.head_count,
            "equal_weight": shift.equal_weight,
            "effect": shift.effect,
            "is_common_ground": shift.is_common_ground,
        })).collect::<Vec<_>>(),
    })
}

/// Returns the analysis document.
pub fn render(output: &AnalysisOutput) -> Value {
    let polis = &output.polis;
    let groups: Vec<Value> = polis
        .group_clusters
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let n_members = polis
                .group_of_row
                .iter()
                .filter(|row_group| **row_group == Some(index))
                .count();
            let representative: Vec<Value> = polis
                .repness
                .get(index)
                .map(|entries| {
                    entries
                        .iter()
                        .map(|entry| {
                            json!({
                                "statement": entry.statement.0,
                                "side": match entry.repful_for {
                                    engine::stats::Repful::Agree => "agree",
                                    engine::stats::Repful::Disagree => "disagree",
                                },
                                "n_success": entry.n_success,
                                "n_trials": entry.n_trials,
                                "p_success": entry.p_success,
                                "repness": entry.repness,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            json!({
                "id": group.id,
                "n_members": n_members,
                "center": group.center,
                "representative": representative,
            })
        })
        .collect();
    let consensus = |entries: &[engine::stats::ConsensusEntry]| -> Vec<Value> {
        entries
            .iter()
            .map(|entry| {
                json!({
                    "statement": entry.statement.0,
                    "n_success": entry.n_success,
                    "n_trials": entry.n_trials,
                    "p_success": entry.p_success,
                })
            })
            .collect()
    };
    let report = &output.common_ground;
    let constituencies: Vec<Value> = output
        .constituencies
        .iter()
        .map(|constituency| {
            json!({
                "name": constituency.name,
                "expected_share": constituency.expected_share,
                "kind": constituency.kind.map(|kind| match kind {
                    engine::common_ground::ConstituencyKind::Lay => "lay",
                    engine::common_ground::ConstituencyKind::Professional => "professional",
                }),
            })
        })
        .collect();
    let divisive: Vec<Value> = report
        .differences
        .divisive
        .iter()
        .map(|entry| json!({ "statement": entry.statement.0, "spread": entry.spread }))
        .collect();
    json!({
        "n_participants": polis.n,
        "n_statements": output.statements.len(),
        "n_voted_statements": polis.n_cmts,
        "n_latest_votes": output.matrix.n_votes(),
        "in_conv": polis.in_conv.len(),
        "groups": groups,
        "constituencies": constituencies,
        "n_common_ground": report.n_common_ground,
        "statements": report
            .statements
            .iter()
            .map(|entry| statement(output, entry))
            .collect::<Vec<_>>(),
        "consensus": {
            "agree": consensus(&polis.consensus.agree),
            "disagree": consensus(&polis.consensus.disagree),
        },
        "divisive": divisive,
        "differences": differences(report),
        "voice": voice(report),
        "warnings": polis
            .warnings
            .iter()
            .map(|warning| format!("{warning:?}"))
            .chain(report.warnings.iter().map(|warning| format!("{warning:?}")))
            .collect::<Vec<_>>(),
    })
}
