//! `commonground priorities`: ranks a priority list from its comparison files with the
//! engine's Bradley–Terry model, overall, per constituency and with equal weight.
//!
//! The folder holds `options.csv` (`option,text`), `comparisons.csv`
//! (`timestamp,participant,left,right,choice`, choice `left`, `right` or `neither`) and
//! optionally `participants.csv` and `constituencies.csv` as for `analyze`, and `groups.csv`
//! (`participant,group,label`: each participant's opinion group in a linked dialogue).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use engine::priorities::{Choice, Comparison, PriorityInput, rank};
use server::priorities::document::{self, DocumentSource, PriorityDocument};

use crate::polis_files::constituencies::{self, Membership};
use crate::polis_files::csv_file::{CsvFileError, RowFault, SmallCsv, read_nonempty};

/// How many options of each constituency's ranking earn shortlist points.
const SHORTLIST_SIZE: usize = 10;

/// The output formats of `commonground priorities`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PriorityFormat {
    /// A readable report for the terminal.
    Summary,
    /// The documented JSON (`docs/priorities-json.md`).
    Json,
}

/// Arguments of `commonground priorities`.
#[derive(Debug, clap::Args)]
pub struct PrioritiesArgs {
    /// A folder with options.csv and comparisons.csv, and optionally participants.csv and
    /// constituencies.csv.
    pub path: PathBuf,
    /// The output format.
    #[arg(long, value_enum, default_value_t = PriorityFormat::Summary)]
    pub format: PriorityFormat,
    /// Write the output to this file (atomically) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Recorded in the output; the ranking itself draws no random number (its intervals come
    /// from the observed information, not a bootstrap), so any seed gives the same ranking.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
}

/// Runs the command.
pub fn run(args: &PrioritiesArgs) -> anyhow::Result<()> {
    let folder = &args.path;
    if !folder.is_dir() {
        anyhow::bail!("{} is not a folder", folder.display());
    }
    let options = read_options(&folder.join("options.csv"))?;
    let index: HashMap<u64, u32> = options
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let (comparisons, participant_ids) = read_comparisons(&folder.join("comparisons.csv"), &index)?;
    let (names, memberships) = read_constituencies(folder, &participant_ids)?;
    let groups_path = folder.join("groups.csv");
    let (groups, group_of) = if groups_path.is_file() {
        read_groups(&groups_path, &participant_ids)?
    } else {
        (Vec::new(), Vec::new())
    };
    let results = rank(&PriorityInput {
        options: options.len(),
        comparisons: &comparisons,
        constituency_count: names.len(),
        constituencies_of: &memberships,
        group_count: groups.len(),
        group_of: &group_of,
        shortlist_size: SHORTLIST_SIZE,
    })
    .context("cannot rank the options")?;
    let document = document::build(
        &DocumentSource {
            options: &options,
            constituencies: &names,
            groups: &groups,
            seed: args.seed,
            shortlist_size: SHORTLIST_SIZE,
        },
        &results,
    );
    let bytes = match args.format {
        PriorityFormat::Json => {
            let mut bytes = serde_json::to_vec_pretty(&document)?;
            bytes.push(b'\n');
            bytes
        }
        PriorityFormat::Summary => summary(&document).into_bytes(),
    };
    crate::output::write(&bytes, args.out.as_deref())
}

/// Reads `options.csv`: whole-number ids, each once, with a text.
fn read_options(path: &Path) -> Result<Vec<(u64, String)>, CsvFileError> {
    let bytes = read_nonempty(path)?;
    let mut csv = SmallCsv::open(&bytes, path)?;
    let id_column = csv.column(&["option", "id"])?;
    let text_column = csv.column(&["text"])?;
    let mut options: Vec<(u64, String)> = Vec::new();
    let mut lines: HashMap<u64, u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let id = whole_number(&csv, line, &record, id_column, "option")?;
        if let Some(first) = lines.insert(id, line) {
            let reason = format!("option {id} appears twice (also on line {first})");
            return Err(csv.fault(line, RowFault::in_field("option", reason)));
        }
        let text = record.get(text_column).unwrap_or("").trim();
        if text.is_empty() {
            let reason = format!("option {id} has no text");
            return Err(csv.fault(line, RowFault::in_field("text", reason)));
        }
        options.push((id, text.to_owned()));
    }
    if options.len() < 2 {
        return Err(CsvFileError::row(
            path,
            1,
            RowFault::in_record(format!(
                "a priority list needs at least 2 options, found {}",
                options.len()
            )),
        ));
    }
    Ok(options)
}

/// Reads `comparisons.csv`. Returns the comparisons with participants numbered from 0 in
/// order of first appearance, and the file's participant id of each.
fn read_comparisons(
    path: &Path,
    options: &HashMap<u64, u32>,
) -> Result<(Vec<Comparison>, Vec<u64>), CsvFileError> {
    let bytes = read_nonempty(path)?;
    let mut csv = SmallCsv::open(&bytes, path)?;
    let participant_column = csv.column(&["participant", "voter"])?;
    let left_column = csv.column(&["left"])?;
    let right_column = csv.column(&["right"])?;
    let choice_column = csv.column(&["choice"])?;
    let mut comparisons = Vec::new();
    let mut participants: HashMap<u64, u32> = HashMap::new();
    let mut participant_ids: Vec<u64> = Vec::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let participant = whole_number(&csv, line, &record, participant_column, "participant")?;
        let option = |column: usize, field: &'static str| -> Result<u32, CsvFileError> {
            let id = whole_number(&csv, line, &record, column, field)?;
            options.get(&id).copied().ok_or_else(|| {
                let reason = format!("{field} names option {id}, which options.csv does not list");
                csv.fault(line, RowFault::in_field(field, reason))
            })
        };
        let left = option(left_column, "left")?;
        let right = option(right_column, "right")?;
        if left == right {
            let reason = "left and right are the same option".to_owned();
            return Err(csv.fault(line, RowFault::in_field("right", reason)));
        }
        let word = record.get(choice_column).unwrap_or("").trim();
        let choice = Choice::parse(&word.to_ascii_lowercase()).ok_or_else(|| {
            let reason = format!("choice must be left, right or neither, found {word:?}");
            csv.fault(line, RowFault::in_field("choice", reason))
        })?;
        let next = u32::try_from(participant_ids.len()).unwrap_or(u32::MAX);
        let participant = *participants.entry(participant).or_insert_with(|| {
            participant_ids.push(participant);
            next
        });
        comparisons.push(Comparison {
            participant,
            left,
            right,
            choice,
        });
    }
    Ok((comparisons, participant_ids))
}

fn whole_number(
    csv: &SmallCsv<'_>,
    line: u64,
    record: &csv::StringRecord,
    column: usize,
    field: &'static str,
) -> Result<u64, CsvFileError> {
    let text = record.get(column).unwrap_or("").trim();
    text.parse::<u64>()
        .ok()
        .filter(|_| text.bytes().all(|byte| byte.is_ascii_digit()))
        .ok_or_else(|| {
            let reason = format!("{field} must be a whole number, found {text:?}");
            csv.fault(line, RowFault::in_field(field, reason))
        })
}

/// Opinion groups by id with their labels, in id order, and per participant (as numbered by
/// `read_comparisons`) the index of theirs.
type Groups = (Vec<(u64, String)>, Vec<Option<u32>>);

/// Reads `groups.csv`: `participant,group,label`, each participant once, each group with one
/// label. A file with only its header means no groups.
fn read_groups(path: &Path, participant_ids: &[u64]) -> Result<Groups, CsvFileError> {
    let bytes = read_nonempty(path)?;
    let mut csv = SmallCsv::open(&bytes, path)?;
    let participant_column = csv.column(&["participant"])?;
    let group_column = csv.column(&["group"])?;
    let label_column = csv.column(&["label"])?;
    let mut labels: BTreeMap<u64, String> = BTreeMap::new();
    let mut group_of_id: HashMap<u64, u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let participant = whole_number(&csv, line, &record, participant_column, "participant")?;
        let group = whole_number(&csv, line, &record, group_column, "group")?;
        let label = record.get(label_column).unwrap_or("").trim();
        if label.is_empty() {
            let reason = format!("group {group} has no label");
            return Err(csv.fault(line, RowFault::in_field("label", reason)));
        }
        match labels.get(&group) {
            Some(known) if known != label => {
                let reason =
                    format!("group {group} is labelled {known:?} above and {label:?} here");
                return Err(csv.fault(line, RowFault::in_field("label", reason)));
            }
            Some(_) => {}
            None => {
                labels.insert(group, label.to_owned());
            }
        }
        if group_of_id.insert(participant, group).is_some() {
            let reason = format!("participant {participant} appears twice");
            return Err(csv.fault(line, RowFault::in_field("participant", reason)));
        }
    }
    let position: HashMap<u64, u32> = labels
        .keys()
        .enumerate()
        .map(|(index, group)| (*group, u32::try_from(index).unwrap_or(u32::MAX)))
        .collect();
    let of_participant = participant_ids
        .iter()
        .map(|id| {
            group_of_id
                .get(id)
                .and_then(|group| position.get(group).copied())
        })
        .collect();
    Ok((labels.into_iter().collect(), of_participant))
}

/// The constituencies' names, and per participant (as numbered by `read_comparisons`) the
/// indices of theirs.
type Constituencies = (Vec<String>, Vec<Vec<u32>>);

/// Reads `participants.csv` and `constituencies.csv` beside the comparisons, if present.
fn read_constituencies(folder: &Path, participant_ids: &[u64]) -> anyhow::Result<Constituencies> {
    let memberships_path = folder.join("participants.csv");
    let constituencies_path = folder.join("constituencies.csv");
    let memberships: Vec<Membership> = if memberships_path.is_file() {
        constituencies::read_memberships(&memberships_path)?
    } else {
        Vec::new()
    };
    let mut names: Vec<String> = Vec::new();
    if constituencies_path.is_file() {
        let listed = constituencies::read_constituencies(&constituencies_path)?;
        constituencies::check_names(
            &memberships,
            &listed,
            &memberships_path,
            &constituencies_path,
        )?;
        names.extend(listed.into_iter().map(|c| c.name));
    }
    for membership in &memberships {
        for name in &membership.constituencies {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    let by_participant: HashMap<u64, &Membership> = memberships
        .iter()
        .map(|m| (u64::from(m.participant.0), m))
        .collect();
    let of_participant = participant_ids
        .iter()
        .map(|id| {
            by_participant.get(id).map_or_else(Vec::new, |membership| {
                membership
                    .constituencies
                    .iter()
                    .filter_map(|name| names.iter().position(|n| n == name))
                    .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
                    .collect()
            })
        })
        .collect();
    Ok((names, of_participant))
}

/// The terminal report.
fn summary(document: &PriorityDocument) -> String {
    let mut out = String::new();
    let text = |id: u64| {
        document
            .options
            .iter()
            .find(|o| o.id == id)
            .map_or("", |o| o.text.as_str())
    };
    let _ = writeln!(
        out,
        "{} options, {} comparisons ({} with a winner) by {} participants; fit: {}",
        document.options.len(),
        document.comparisons,
        document.decided,
        document.participants,
        document.estimate.replace('_', " "),
    );
    let mut by_equal_weight: Vec<&document::OptionEntry> = document.options.iter().collect();
    by_equal_weight.sort_by_key(|o| (o.equal_weight_rank, o.overall.rank));
    let _ = writeln!(
        out,
        "\nRanking (score = chance of beating a random other option; equal weight counts {} of {} constituencies once each):",
        document.equal_weight_counts.len(),
        document.constituencies.len()
    );
    let _ = writeln!(out, "  equal weight  head-count  option");
    for option in by_equal_weight.iter().take(15) {
        let equal = option
            .equal_weight_score
            .map_or_else(|| "     -".to_owned(), |s| format!("{s:>6.1}"));
        let _ = writeln!(
            out,
            "  #{:<3} {equal}  #{:<3} {:>5.1}  {} {}",
            option.equal_weight_rank,
            option.overall.rank,
            option.overall.score,
            option.id,
            option.text
        );
    }
    if by_equal_weight.len() > 15 {
        let _ = writeln!(out, "  ... {} more", by_equal_weight.len() - 15);
    }
    for constituency in &document.constituencies {
        let _ = writeln!(
            out,
            "\n{} ({} participants, {} comparisons{}) puts first:",
            constituency.name,
            constituency.participants,
            constituency.comparisons,
            if constituency.counted {
                ""
            } else {
                "; not counted: no decided comparison"
            }
        );
        for id in constituency.top.iter().take(5) {
            let _ = writeln!(out, "  {id} {}", text(*id));
        }
    }
    if !document.shortlist.entries.is_empty() {
        let _ = writeln!(
            out,
            "\nWorkshop shortlist (each constituency's top {} earns {}..1 points):",
            document.shortlist.size, document.shortlist.size
        );
        for entry in document.shortlist.entries.iter().take(20) {
            let _ = writeln!(
                out,
                "  {:>3} points, top of {}: {} {}",
                entry.points,
                entry.in_top_of.join(", "),
                entry.option,
                text(entry.option)
            );
        }
    }
    if let Some(divergence) = &document.divergence {
        let _ = writeln!(
            out,
            "\n{} and {} differ most: {} of their top {} are shared.",
            divergence.first, divergence.second, divergence.shared, divergence.size
        );
    }
    out
}
