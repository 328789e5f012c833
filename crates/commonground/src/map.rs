//! `commonground map`: analyses a system map (its feedback loops, each factor's leverage and,
//! with `--from`, the ripple of an action) and writes a summary, the documented JSON, or the
//! map as GraphML or a Kumu blueprint.
//!
//! The map is a folder holding `factors.csv` (`factor,name[,partner]`) and `links.csv`
//! (`from,to,sign[,delayed,contested,note]`), or a GraphML file (`.graphml`, `.xml`) or a Kumu
//! blueprint (`.json`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use engine::system_map::{LoopLimits, Push, Sign};
use server::system_map::document::{
    self, ActionRequest, AnalysisOptions, DEFAULT_STEPS, LoopEntry, MapDocument,
};
use server::system_map::source::{FactorKey, FactorSource, LinkSource, MapSource};
use server::system_map::{graphml, kumu};

use crate::UsageError;
use crate::polis_files::csv_file::{CsvFileError, RowFault, SmallCsv, read_nonempty};

/// The output formats of `commonground map`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MapFormat {
    /// A readable report for the terminal.
    Summary,
    /// The documented JSON (`docs/map-json.md`).
    Json,
    /// The map as GraphML, for Gephi or yEd, with each factor's leverage.
    Graphml,
    /// The map as a Kumu blueprint (JSON).
    Kumu,
}

/// The direction of `--push`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PushArg {
    /// More of the factor.
    Up,
    /// Less of the factor.
    Down,
}

/// Arguments of `commonground map`.
#[derive(Debug, clap::Args)]
pub struct MapArgs {
    /// A folder with factors.csv and links.csv, or a .graphml or Kumu .json file.
    pub path: PathBuf,
    /// The output format.
    #[arg(long, value_enum, default_value_t = MapFormat::Summary)]
    pub format: MapFormat,
    /// Write the output to this file (atomically) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Follow the ripple of an action on this factor (its id, or its exact name).
    #[arg(long, value_name = "FACTOR")]
    pub from: Option<String>,
    /// Whether the action pushes the factor up or down.
    #[arg(long, value_enum, requires = "from", default_value_t = PushArg::Up)]
    pub push: PushArg,
    /// How many links the ripple follows [default: 3].
    #[arg(long, value_name = "K", requires = "from")]
    pub steps: Option<usize>,
    /// List only loops of at most this many links [default: no limit].
    #[arg(long, value_name = "L")]
    pub max_loop_length: Option<usize>,
    /// List at most this many loops.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_loops: usize,
}

/// Runs the command.
pub fn run(args: &MapArgs) -> anyhow::Result<()> {
    if args.max_loop_length == Some(0) {
        return Err(UsageError("--max-loop-length must be at least 1".to_owned()).into());
    }
    if args.steps == Some(0) {
        return Err(UsageError("--steps must be at least 1".to_owned()).into());
    }
    let source = read_map(&args.path)?;
    let options = AnalysisOptions {
        limits: LoopLimits {
            max_length: args.max_loop_length.unwrap_or(usize::MAX),
            max_loops: args.max_loops,
        },
        action: args.from.as_ref().map(|factor| ActionRequest {
            factor: factor.clone(),
            push: match args.push {
                PushArg::Up => Push::Up,
                PushArg::Down => Push::Down,
            },
            steps: args.steps.unwrap_or(DEFAULT_STEPS),
        }),
    };
    let analysis = document::analyse(&source, &options)
        .with_context(|| format!("cannot analyse the map in {}", args.path.display()))?;
    let bytes = match args.format {
        MapFormat::Json => {
            let mut bytes = serde_json::to_vec_pretty(&analysis)?;
            bytes.push(b'\n');
            bytes
        }
        MapFormat::Summary => summary(&source, &analysis).into_bytes(),
        MapFormat::Graphml => graphml::write(&source, Some(&analysis)).into_bytes(),
        MapFormat::Kumu => kumu::write(&source)?.into_bytes(),
    };
    crate::output::write(&bytes, args.out.as_deref())
}

/// Reads a map from a folder of CSV files, a GraphML file or a Kumu blueprint.
fn read_map(path: &Path) -> anyhow::Result<MapSource> {
    if path.is_dir() {
        let factors = read_factors(&path.join("factors.csv"))?;
        let links = read_links(&path.join("links.csv"))?;
        return Ok(MapSource { factors, links });
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let read = || std::fs::read(path).with_context(|| format!("cannot read {}", path.display()));
    match extension.as_deref() {
        Some("graphml" | "xml") => {
            let bytes = read()?;
            graphml::read(&bytes).with_context(|| format!("cannot read {}", path.display()))
        }
        Some("json") => {
            let bytes = read()?;
            kumu::read(&bytes).with_context(|| format!("cannot read {}", path.display()))
        }
        _ if !path.exists() => anyhow::bail!("{} does not exist", path.display()),
        _ => anyhow::bail!(
            "{} is neither a folder (with factors.csv and links.csv) nor a .graphml or Kumu .json file",
            path.display()
        ),
    }
}

/// Reads `factors.csv`: each id once, with a name and optionally a partner.
fn read_factors(path: &Path) -> Result<Vec<FactorSource>, CsvFileError> {
    let bytes = read_nonempty(path)?;
    let mut csv = SmallCsv::open(&bytes, path)?;
    let id_column = csv.column(&["factor", "id"])?;
    let name_column = csv.column(&["name"])?;
    let partner_column = csv.find_column(&["partner", "owner"]);
    let mut factors = Vec::new();
    let mut lines: HashMap<String, u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let field = |column: usize| record.get(column).unwrap_or("").trim().to_owned();
        let id = field(id_column);
        if id.is_empty() {
            let reason = "factor is empty".to_owned();
            return Err(csv.fault(line, RowFault::in_field("factor", reason)));
        }
        if let Some(first) = lines.insert(id.clone(), line) {
            let reason = format!("factor {id} appears twice (also on line {first})");
            return Err(csv.fault(line, RowFault::in_field("factor", reason)));
        }
        let name = field(name_column);
        if name.is_empty() {
            let reason = format!("factor {id} has no name");
            return Err(csv.fault(line, RowFault::in_field("name", reason)));
        }
        let partner = partner_column.map(field).filter(|p| !p.is_empty());
        factors.push(FactorSource { id, name, partner });
    }
    if factors.is_empty() {
        let reason = "the file has no factors".to_owned();
        return Err(CsvFileError::row(path, 1, RowFault::in_record(reason)));
    }
    // Whole-number ids are compared as numbers, so "7" and "07" are the same factor.
    let mut numbers: HashMap<u64, &str> = HashMap::new();
    if factors
        .iter()
        .all(|f| f.id.bytes().all(|b| b.is_ascii_digit()))
    {
        for factor in &factors {
            if let Ok(number) = factor.id.parse::<u64>()
                && let Some(other) = numbers.insert(number, &factor.id)
            {
                let reason = format!("factors {other} and {} are the same number", factor.id);
                let line = lines.get(&factor.id).copied().unwrap_or(1);
                return Err(csv.fault(line, RowFault::in_field("factor", reason)));
            }
        }
    }
    Ok(factors)
}

/// Reads `links.csv`: a sign for each link, optional delay, contest and note columns.
fn read_links(path: &Path) -> Result<Vec<LinkSource>, CsvFileError> {
    let bytes = read_nonempty(path)?;
    let mut csv = SmallCsv::open(&bytes, path)?;
    let from_column = csv.column(&["from", "source"])?;
    let to_column = csv.column(&["to", "target"])?;
    let sign_column = csv.column(&["sign", "polarity"])?;
    let delayed_column = csv.find_column(&["delayed", "delay"]);
    let contested_column = csv.find_column(&["contested"]);
    let note_column = csv.find_column(&["note", "evidence"]);
    let mut links = Vec::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let field = |column: usize| record.get(column).unwrap_or("").trim().to_owned();
        let from = field(from_column);
        let to = field(to_column);
        for (value, name) in [(&from, "from"), (&to, "to")] {
            if value.is_empty() {
                let reason = format!("{name} is empty");
                return Err(csv.fault(line, RowFault::in_field(name, reason)));
            }
        }
        let symbol = field(sign_column);
        let sign = Sign::parse(&symbol).ok_or_else(|| {
            let reason = format!("sign must be + or -, found {symbol:?}");
            csv.fault(line, RowFault::in_field("sign", reason))
        })?;
        let mut flags = [false; 2];
        for (flag, (column, name)) in flags
            .iter_mut()
            .zip([(delayed_column, "delayed"), (contested_column, "contested")])
        {
            let Some(column) = column else { continue };
            let word = field(column).to_ascii_lowercase();
            *flag = match word.as_str() {
                "" | "no" | "false" | "0" | "n" => false,
                "yes" | "true" | "1" | "y" => true,
                _ => {
                    let reason = format!("{name} must be yes or no (or blank), found {word:?}");
                    return Err(csv.fault(line, RowFault::in_field(name, reason)));
                }
            };
        }
        links.push(LinkSource {
            from,
            to,
            sign,
            delayed: flags[0],
            contested: flags[1],
            note: note_column.map(field).unwrap_or_default(),
        });
    }
    Ok(links)
}

/// The terminal report: the map's size, its loops, where the leverage is, and the ripple.
fn summary(source: &MapSource, analysis: &MapDocument) -> String {
    const LISTED: usize = 20;
    let names: HashMap<String, &str> = source
        .factors
        .iter()
        .map(|f| (f.id.clone(), f.name.as_str()))
        .collect();
    let name = |key: &FactorKey| -> String {
        let text = key.to_string();
        names.get(&text).map_or(text, |n| (*n).to_owned())
    };
    let path = |entry: &LoopEntry| -> String {
        let mut names: Vec<String> = entry.factors.iter().map(&name).collect();
        if let Some(first) = names.first().cloned() {
            names.push(first);
        }
        names.join(" → ")
    };
    let mut partners: Vec<&str> = source
        .factors
        .iter()
        .filter_map(|f| f.partner.as_deref())
        .collect();
    partners.sort_unstable();
    partners.dedup();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "System map: {} factors, {} links, {} partners",
        analysis.n_factors,
        analysis.n_links,
        partners.len()
    );
    let _ = writeln!(
        out,
        "\nFeedback loops: {} ({} reinforcing, {} balancing){}",
        analysis.n_loops,
        analysis.n_reinforcing,
        analysis.n_balancing,
        if analysis.truncated {
            "; the limits left more out"
        } else {
            ""
        }
    );
    // The shortest loops first: they act fastest and are the easiest to talk through.
    let mut shortest: Vec<&LoopEntry> = analysis.loops.iter().collect();
    shortest.sort_by_key(|entry| entry.length);
    if !shortest.is_empty() {
        let _ = writeln!(out, "  The shortest, first:");
    }
    for (i, entry) in shortest.into_iter().take(LISTED).enumerate() {
        let letter = if entry.polarity == "reinforcing" {
            'R'
        } else {
            'B'
        };
        let mut marks = String::new();
        if entry.contested {
            marks.push_str(", through a contested link");
        }
        if entry.delayed {
            marks.push_str(", with a delay");
        }
        let _ = writeln!(
            out,
            "  {letter}{}  {}  ({}, {} links{marks})",
            i + 1,
            path(entry),
            entry.polarity,
            entry.length
        );
    }
    if analysis.loops.len() > LISTED {
        let _ = writeln!(
            out,
            "  … and {} more (--format json lists them all)",
            analysis.loops.len() - LISTED
        );
    }
    let mut leverage: Vec<_> = analysis.factors.iter().collect();
    leverage.sort_by(|a, b| {
        b.driving
            .cmp(&a.driving)
            .then(a.dependence.cmp(&b.dependence))
    });
    let _ = writeln!(
        out,
        "\nWhere the leverage is (driving power: factors reached; dependence: factors reaching it):"
    );
    for factor in leverage.iter().take(5) {
        let _ = writeln!(
            out,
            "  {}  driving {}, dependence {}, betweenness {:.1}",
            factor.name, factor.driving, factor.dependence, factor.betweenness
        );
    }
    if let (Some(action), Some(ripple)) = (&analysis.action, &analysis.ripple) {
        let _ = writeln!(
            out,
            "\nRipple of pushing {} {} ({} steps): {} factors reached",
            action.name,
            action.push,
            action.steps,
            ripple.len()
        );
        let mut current: Option<Option<&str>> = None;
        for entry in ripple {
            if current != Some(entry.partner.as_deref()) {
                current = Some(entry.partner.as_deref());
                let owner = entry.partner.as_deref().unwrap_or("no partner");
                let _ = writeln!(out, "  {owner}:");
            }
            let steps = if entry.distance == 1 { "step" } else { "steps" };
            let _ = writeln!(
                out,
                "    {}  {}  ({} {steps})",
                entry.name, entry.effect, entry.distance
            );
        }
        if !action.other_partners_reached.is_empty() {
            let _ = writeln!(
                out,
                "  Reaches other partners' areas: {}",
                action.other_partners_reached.join(", ")
            );
        }
        let _ = writeln!(out, "  The action enters {} loops", action.loops.len());
    }
    out
}
