//! The default output: a readable report for the terminal.

use std::fmt::Write;

use engine::StatementId;
use engine::analysis::Analysis;
use engine::common_ground::{Standing, Weighting};
use engine::stats::Repful;
use server::report::document::{group_label, warnings};

use crate::analyze::LoadedExport;

/// Statement texts longer than this are shortened in the report.
const TEXT_WIDTH: usize = 90;

/// How many entries each list of the report shows.
const LIST_LENGTH: usize = 5;

/// Renders the report.
pub fn render(loaded: &LoadedExport, analysis: &Analysis) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, loaded, analysis);
    out
}

fn write_report(out: &mut String, loaded: &LoadedExport, analysis: &Analysis) -> std::fmt::Result {
    let polis = &analysis.polis;
    let ground = &analysis.common_ground;
    let text_of = |id: StatementId| -> String {
        let text = loaded
            .statements
            .binary_search_by_key(&id, |statement| statement.info.id)
            .map_or("", |index| loaded.statements[index].text.as_str());
        shorten(text)
    };

    writeln!(
        out,
        "{}",
        loaded.topic.as_deref().unwrap_or("Untitled dialogue")
    )?;
    writeln!(out, "{} in {}", loaded.layout, loaded.folder.display())?;
    writeln!(out)?;
    let moderated_out = loaded
        .statements
        .iter()
        .filter(|statement| statement.info.is_moderated_out())
        .count();
    writeln!(
        out,
        "Participants  {} who voted",
        thousands(loaded.matrix.n_participants())
    )?;
    writeln!(
        out,
        "Statements    {} ({} with votes, {} moderated out or meta)",
        thousands(loaded.statements.len()),
        thousands(loaded.matrix.n_statements()),
        thousands(moderated_out)
    )?;
    writeln!(
        out,
        "Votes         {} latest votes from {} rows ({} superseded by a later vote)",
        thousands(loaded.matrix.n_votes()),
        thousands(loaded.vote_rows),
        thousands(loaded.matrix.superseded_votes())
    )?;

    writeln!(out)?;
    writeln!(out, "Opinion groups: {}", polis.group_clusters.len())?;
    for (index, group) in polis.group_clusters.iter().enumerate() {
        let members = polis
            .group_votes
            .get(index)
            .map_or(0, |votes| votes.n_members);
        writeln!(
            out,
            "  {} (id {}): {} participants",
            capitalise(&group_label(index)),
            group.id,
            thousands(members)
        )?;
        let entries = polis.repness.get(index).map_or(&[][..], Vec::as_slice);
        if entries.is_empty() {
            writeln!(out, "    no distinctive statements")?;
        }
        for entry in entries {
            let side = match entry.repful_for {
                Repful::Agree => "agree",
                Repful::Disagree => "disagree",
            };
            writeln!(
                out,
                "    {side:>8} {:>4}  ({} of {})  #{} {}",
                percent(entry.n_success, entry.n_trials),
                entry.n_success,
                entry.n_trials,
                entry.statement,
                text_of(entry.statement)
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "Consensus over everyone (Pol.is)")?;
    if polis.consensus.agree.is_empty() && polis.consensus.disagree.is_empty() {
        writeln!(out, "  none")?;
    }
    for (side, entries) in [
        ("agree", &polis.consensus.agree),
        ("disagree", &polis.consensus.disagree),
    ] {
        for entry in entries {
            writeln!(
                out,
                "  {side:>8} {:>4}  ({} of {})  #{} {}",
                percent(entry.n_success, entry.n_trials),
                entry.n_success,
                entry.n_trials,
                entry.statement,
                text_of(entry.statement)
            )?;
        }
    }

    writeln!(out)?;
    let audit = &ground.voice.weighting;
    writeln!(
        out,
        "Weighting     {} (design effect {:.2}, {:.0} effective voters){}",
        weighting_name(audit.weighting),
        audit.design_effect,
        audit.effective_voters,
        if audit.weighting == Weighting::HeadCount {
            String::new()
        } else {
            let head_count = ground
                .statements
                .iter()
                .filter(|report| {
                    report
                        .head_count_is_common_ground
                        .unwrap_or(report.is_common_ground)
                })
                .count();
            format!("; by head count {head_count} statements would be common ground")
        }
    )?;
    writeln!(
        out,
        "Common ground, every group and constituency counted equally: {} statements",
        ground.n_common_ground
    )?;
    for report in ground.common_ground().take(LIST_LENGTH * 2) {
        writeln!(out, "  #{} {}", report.statement, text_of(report.statement))?;
        writeln!(out, "      {}", report.reason)?;
    }
    if ground.n_common_ground == 0 {
        let (divided, short) = ground
            .statements
            .iter()
            .filter(|report| !report.is_moderated_out)
            .fold((0, 0), |(divided, short), report| match report.standing {
                Standing::BelowThreshold { .. } => (divided + 1, short),
                Standing::Provisional { .. } | Standing::TooFewVotes { .. } => (divided, short + 1),
                _ => (divided, short),
            });
        writeln!(
            out,
            "  none: {divided} statements are divided, {short} still need votes; the closest:"
        )?;
        for report in ground
            .statements
            .iter()
            .filter(|report| !report.is_moderated_out)
            .take(3)
        {
            writeln!(out, "  #{} {}", report.statement, text_of(report.statement))?;
            writeln!(out, "      {}", report.reason)?;
        }
    }

    let differences = &ground.differences;
    writeln!(out)?;
    writeln!(out, "Differences")?;
    if differences.divisive.is_empty() {
        writeln!(out, "  no statement divides the groups")?;
    }
    for divisive in differences.divisive.iter().take(LIST_LENGTH) {
        writeln!(
            out,
            "  #{} {}",
            divisive.statement,
            text_of(divisive.statement)
        )?;
        writeln!(
            out,
            "      {} agree {:.0}%, {} agree {:.0}%",
            group_label(divisive.most_agreeing_group),
            divisive.highest_rate * 100.0,
            group_label(divisive.least_agreeing_group),
            divisive.lowest_rate * 100.0
        )?;
    }
    let constituency_name = |index: usize| {
        ground.voice.constituencies.get(index).map_or_else(
            || format!("constituency {}", index + 1),
            |voice| voice.name.clone(),
        )
    };
    if let Some(split) = &differences.lay_professional {
        writeln!(
            out,
            "  Lay ({} participants) against professional ({} participants):",
            split.lay_participants, split.professional_participants
        )?;
        for gap in split.gaps.iter().take(LIST_LENGTH) {
            writeln!(
                out,
                "    #{} lay {:.0}% agree, professional {:.0}% agree  {}",
                gap.statement,
                gap.first_rate * 100.0,
                gap.second_rate * 100.0,
                text_of(gap.statement)
            )?;
        }
    }
    for pair in &differences.constituency_gaps {
        if let Some(gap) = pair.gaps.first() {
            writeln!(
                out,
                "  {} against {}: widest gap on #{} ({:.0}% against {:.0}% agree)",
                constituency_name(pair.first),
                constituency_name(pair.second),
                gap.statement,
                gap.first_rate * 100.0,
                gap.second_rate * 100.0
            )?;
        }
    }

    let voice = &ground.voice;
    writeln!(out)?;
    writeln!(out, "Voice audit")?;
    if voice.constituencies.is_empty() {
        writeln!(
            out,
            "  no constituencies given (--participants, --constituencies)"
        )?;
    } else {
        writeln!(
            out,
            "  {:<24} {:>12} {:>7} {:>9} {:>9} {:>13}",
            "constituency", "participants", "share", "expected", "written", "common ground"
        )?;
        for constituency in &voice.constituencies {
            let flag = if constituency.is_under_represented {
                "  under-represented"
            } else {
                ""
            };
            writeln!(
                out,
                "  {:<24} {:>12} {:>7} {:>9} {:>9} {:>13}{flag}",
                shorten_to(&constituency.name, 24),
                thousands(constituency.counts.participants),
                share(constituency.share),
                share(constituency.expected_share),
                constituency.counts.statements_written,
                constituency.counts.statements_common_ground
            )?;
        }
        writeln!(
            out,
            "  {:<24} {:>12}",
            "in no constituency",
            thousands(voice.unaffiliated.participants)
        )?;
        if let Some(shift) = voice.equal_weight_shifts.first() {
            writeln!(
                out,
                "  Equal weight moves #{} most: {:.0}% agree by head count, {:.0}% with every constituency counted once",
                shift.statement,
                shift.head_count * 100.0,
                shift.equal_weight * 100.0
            )?;
        }
    }

    let warnings = warnings(analysis);
    if !warnings.is_empty() {
        writeln!(out)?;
        writeln!(out, "Warnings")?;
        for warning in warnings {
            writeln!(out, "  - {warning}")?;
        }
    }
    Ok(())
}

fn weighting_name(weighting: Weighting) -> &'static str {
    match weighting {
        Weighting::HeadCount => "head-count: every voter counts once",
        Weighting::Equal => "equal: every constituency, and the unaffiliated, weighs the same",
        Weighting::Frame => "frame: constituencies weigh as their population shares",
    }
}

/// Returns a percentage of `part` in `whole`, rounded, or "-" without a whole.
fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        "-".to_owned()
    } else {
        format!("{:.0}%", f64::from(part) * 100.0 / f64::from(whole))
    }
}

fn share(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |value| format!("{:.0}%", value * 100.0))
}

/// Writes a count with thousands separators.
fn thousands(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Puts a statement's text on one line and shortens it for the report.
fn shorten(text: &str) -> String {
    shorten_to(text, TEXT_WIDTH)
}

fn shorten_to(text: &str, width: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= width {
        one_line
    } else {
        let mut short: String = one_line.chars().take(width.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(50_000_000), "50,000,000");
    }

    #[test]
    fn long_texts_are_shortened_on_one_line() {
        assert_eq!(shorten_to("a\nb  c", 10), "a b c");
        assert_eq!(shorten_to("abcdefghijkl", 5), "abcd…");
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(0, 0), "-");
    }
}
