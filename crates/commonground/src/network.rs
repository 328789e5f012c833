//! `commonground network`: scores a partnership's trust survey, wave by wave, with the engine's
//! trust scores, and writes a summary, the documented JSON or a wave as GraphML.
//!
//! The folder holds `partners.csv` (`partner,name,sector`) and `ratings.csv`
//! (`wave,rater,ratee,level,reliable,mission,open,influence,involvement,resources`, items blank
//! for "don't know", and optionally `contributions`, kinds separated by `;`).

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use engine::trust::{
    Contribution, Contributions, ITEMS, Item, Level, Rating, SCALE, TrustInput, analyze,
};
use model::Sector;
use server::trust::document::{
    self, ChangeValue, DocumentSource, MeanEntry, NetworkDocument, PartnerSource, WaveEntry,
};
use server::trust::{graphml, sides};

use crate::UsageError;
use crate::polis_files::csv_file::{CsvFileError, RowFault, SmallCsv, read_nonempty};

/// The output formats of `commonground network`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum NetworkFormat {
    /// A readable report for the terminal.
    Summary,
    /// The documented JSON (`docs/network-json.md`).
    Json,
    /// One wave's network as GraphML, for Gephi, Kumu or yEd.
    Graphml,
}

/// Arguments of `commonground network`.
#[derive(Debug, clap::Args)]
pub struct NetworkArgs {
    /// A folder with partners.csv and ratings.csv.
    pub path: PathBuf,
    /// The output format.
    #[arg(long, value_enum, default_value_t = NetworkFormat::Summary)]
    pub format: NetworkFormat,
    /// Write the output to this file (atomically) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The wave that `--format graphml` draws, by its label; the latest by default.
    #[arg(long, value_name = "WAVE")]
    pub wave: Option<String>,
}

/// Runs the command.
pub fn run(args: &NetworkArgs) -> anyhow::Result<()> {
    if args.wave.is_some() && args.format != NetworkFormat::Graphml {
        return Err(
            UsageError("--wave chooses the wave that --format graphml draws".to_owned()).into(),
        );
    }
    let folder = &args.path;
    if !folder.is_dir() {
        anyhow::bail!("{} is not a folder", folder.display());
    }
    let partners = read_partners(&folder.join("partners.csv"))?;
    let survey = read_ratings(&folder.join("ratings.csv"), &partners)?;
    let engine_partners: Vec<_> = partners.iter().map(|p| sides::partner(p.sector)).collect();
    let results = analyze(&TrustInput {
        partners: &engine_partners,
        waves: survey.waves.len(),
        ratings: &survey.ratings,
    })
    .context("cannot score the ratings")?;
    let document = document::build(
        &DocumentSource {
            partners: &partners,
            waves: &survey.waves,
        },
        &results,
    );
    let bytes = match args.format {
        NetworkFormat::Json => {
            let mut bytes = serde_json::to_vec_pretty(&document)?;
            bytes.push(b'\n');
            bytes
        }
        NetworkFormat::Summary => summary(&document).into_bytes(),
        NetworkFormat::Graphml => {
            let wave = match &args.wave {
                Some(label) => survey
                    .waves
                    .iter()
                    .position(|w| w == label)
                    .ok_or_else(|| {
                        anyhow::anyhow!(
                            "ratings.csv has no wave {label:?}; its waves are {}",
                            survey.waves.join(", ")
                        )
                    })?,
                None => survey.waves.len() - 1,
            };
            graphml::write(&document, &survey.ratings, wave).into_bytes()
        }
    };
    crate::output::write(&bytes, args.out.as_deref())
}

/// Reads a whole number that names something, or says which field is wrong.
fn identifier(text: &str, field: &'static str) -> Result<u64, RowFault> {
    let text = text.trim();
    match text.parse::<u64>() {
        Ok(id) if text.bytes().all(|b| b.is_ascii_digit()) => Ok(id),
        _ => Err(RowFault::in_field(
            field,
            format!("{field} must be a whole number, found {text:?}"),
        )),
    }
}

/// Reads `partners.csv`: whole-number ids, each once, with a name and a sector.
fn read_partners(path: &Path) -> Result<Vec<PartnerSource>, CsvFileError> {
    let bytes = read_nonempty(path)?;
    let mut csv = SmallCsv::open(&bytes, path)?;
    let columns = [
        csv.column(&["partner", "id"])?,
        csv.column(&["name"])?,
        csv.column(&["sector"])?,
    ];
    let mut partners: Vec<PartnerSource> = Vec::new();
    let mut lines: HashMap<u64, u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let [id, name, sector] = columns.map(|c| record.get(c).unwrap_or("").trim());
        let id = identifier(id, "partner").map_err(|fault| csv.fault(line, fault))?;
        if let Some(first) = lines.insert(id, line) {
            let reason = format!("partner {id} appears twice (also on line {first})");
            return Err(csv.fault(line, RowFault::in_field("partner", reason)));
        }
        if name.is_empty() {
            let reason = format!("partner {id} has no name");
            return Err(csv.fault(line, RowFault::in_field("name", reason)));
        }
        let sector = sector.to_ascii_lowercase().parse::<Sector>().map_err(|_| {
            let words: Vec<&str> = Sector::ALL.iter().map(|s| s.as_str()).collect();
            let reason = format!(
                "sector must be one of {}, found {sector:?}",
                words.join(", ")
            );
            csv.fault(line, RowFault::in_field("sector", reason))
        })?;
        partners.push(PartnerSource {
            id,
            name: name.to_owned(),
            sector,
        });
    }
    if partners.len() < 2 {
        let reason = format!(
            "a network needs at least 2 partners, found {}",
            partners.len()
        );
        return Err(CsvFileError::row(path, 1, RowFault::in_record(reason)));
    }
    Ok(partners)
}

/// The ratings file, read: waves in time order and ratings that index them and the partners.
struct Survey {
    /// The waves' labels, in time order.
    waves: Vec<String>,
    /// Every rating.
    ratings: Vec<Rating>,
}

/// The ratings file's columns.
struct RatingColumns {
    wave: usize,
    rater: usize,
    ratee: usize,
    level: usize,
    items: [usize; ITEMS],
    contributions: Option<usize>,
}

/// Reads `ratings.csv`, refusing what the engine would refuse with the line and field at
/// fault.
fn read_ratings(path: &Path, partners: &[PartnerSource]) -> Result<Survey, CsvFileError> {
    let bytes = read_nonempty(path)?;
    let mut csv = SmallCsv::open(&bytes, path)?;
    let mut items = [0; ITEMS];
    for (column, item) in items.iter_mut().zip(Item::ALL) {
        *column = csv.column(&[item.as_str()])?;
    }
    let columns = RatingColumns {
        wave: csv.column(&["wave"])?,
        rater: csv.column(&["rater"])?,
        ratee: csv.column(&["ratee"])?,
        level: csv.column(&["level"])?,
        items,
        contributions: csv.find_column(&["contributions"]),
    };
    let index: HashMap<u64, u32> = partners
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    // Ratings with their wave label, until every wave is known and can be put in order.
    let mut rows: Vec<(String, Rating)> = Vec::new();
    let mut seen: HashMap<(String, u32, u32), u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let (wave, rating) =
            parse_rating(&record, &columns, &index).map_err(|fault| csv.fault(line, fault))?;
        if let Some(first) = seen.insert((wave.clone(), rating.rater, rating.ratee), line) {
            let reason = format!(
                "partner {} already rated partner {} in wave {wave:?} (line {first})",
                partners[rating.rater as usize].id, partners[rating.ratee as usize].id
            );
            return Err(csv.fault(line, RowFault::in_record(reason)));
        }
        rows.push((wave, rating));
    }
    if rows.is_empty() {
        let reason = "the file has no ratings".to_owned();
        return Err(CsvFileError::row(path, 1, RowFault::in_record(reason)));
    }
    let waves = wave_order(rows.iter().map(|(wave, _)| wave.as_str()));
    let position: HashMap<&str, u32> = waves
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let ratings = rows
        .iter()
        .map(|(wave, rating)| Rating {
            wave: position[wave.as_str()],
            ..*rating
        })
        .collect();
    Ok(Survey { waves, ratings })
}

/// Puts wave labels in time order: by number when every label is a whole number, otherwise
/// as text (so ISO dates such as `2026-03` order correctly).
fn wave_order<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<String> {
    let distinct: BTreeSet<&str> = labels.collect();
    let mut waves: Vec<String> = distinct.into_iter().map(str::to_owned).collect();
    if waves.iter().all(|w| identifier(w, "wave").is_ok()) {
        waves.sort_by_key(|w| identifier(w, "wave").unwrap_or(0));
    }
    waves
}

/// Parses one row of `ratings.csv` (its wave still a label; the wave index is set later).
fn parse_rating(
    record: &csv::StringRecord,
    columns: &RatingColumns,
    index: &HashMap<u64, u32>,
) -> Result<(String, Rating), RowFault> {
    let field = |column: usize| record.get(column).unwrap_or("").trim();
    let wave = field(columns.wave);
    if wave.is_empty() {
        return Err(RowFault::in_field("wave", "wave is empty".to_owned()));
    }
    let partner = |column: usize, name: &'static str| -> Result<u32, RowFault> {
        let id = identifier(field(column), name)?;
        index.get(&id).copied().ok_or_else(|| {
            let reason = format!("{name} names partner {id}, which partners.csv does not list");
            RowFault::in_field(name, reason)
        })
    };
    let rater = partner(columns.rater, "rater")?;
    let ratee = partner(columns.ratee, "ratee")?;
    if rater == ratee {
        let reason = "rater and ratee are the same partner: a partner does not rate itself";
        return Err(RowFault::in_field("ratee", reason.to_owned()));
    }
    let word = field(columns.level);
    let level = Level::parse(&word.to_ascii_lowercase()).ok_or_else(|| {
        let reason = format!(
            "level must be none, awareness, cooperation, coordination or integration, found {word:?}"
        );
        RowFault::in_field("level", reason)
    })?;
    let mut items = [None; ITEMS];
    for ((answer, item), column) in items.iter_mut().zip(Item::ALL).zip(columns.items) {
        let text = field(column);
        if text.is_empty() {
            continue;
        }
        let value = text
            .parse::<u8>()
            .ok()
            .filter(|v| (SCALE.0..=SCALE.1).contains(v));
        let Some(value) = value else {
            let reason = format!(
                "{} must be 1 to 4, or blank for \"don't know\", found {text:?}",
                item.as_str()
            );
            return Err(RowFault::in_field(item.as_str(), reason));
        };
        if !level.is_tie() {
            let reason = format!(
                "level is none, so {} must be blank, found {text:?}",
                item.as_str()
            );
            return Err(RowFault::in_field(item.as_str(), reason));
        }
        *answer = Some(value);
    }
    let contributions = match columns.contributions {
        Some(column) => parse_contributions(field(column), level)?,
        None => Contributions::NONE,
    };
    let rating = Rating {
        wave: 0,
        rater,
        ratee,
        level,
        items,
        contributions,
    };
    Ok((wave.to_owned(), rating))
}

/// Parses the `contributions` field: kinds separated by `;`, blank for none.
fn parse_contributions(text: &str, level: Level) -> Result<Contributions, RowFault> {
    let mut set = Contributions::NONE;
    for word in text.split(';').map(str::trim).filter(|w| !w.is_empty()) {
        let kind = Contribution::parse(&word.to_ascii_lowercase()).ok_or_else(|| {
            let words: Vec<&str> = Contribution::ALL.iter().map(|c| c.as_str()).collect();
            let reason = format!(
                "contributions must be kinds among {} separated by \";\", found {word:?}",
                words.join(", ")
            );
            RowFault::in_field("contributions", reason)
        })?;
        set = set.with(kind);
    }
    if !level.is_tie() && !set.is_empty() {
        let reason = "level is none, so contributions must be blank".to_owned();
        return Err(RowFault::in_field("contributions", reason));
    }
    Ok(set)
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{:.0}%", v * 100.0))
}

fn bracket(interval: Option<[f64; 2]>) -> String {
    interval.map_or_else(String::new, |[low, high]| format!(" [{low:.2}–{high:.2}]"))
}

fn signed(change: &ChangeValue) -> String {
    let flag = if change.beyond_uncertainty {
        ", beyond its uncertainty"
    } else {
        ""
    };
    let interval = change.interval.map_or_else(
        || " (too few raters for an interval)".to_owned(),
        |[low, high]| format!(" [{low:+.2} to {high:+.2}]"),
    );
    format!("{:+.2}{interval}{flag}", change.change)
}

/// Returns "1 rater", "2 raters" and the like.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn mean_words(entry: Option<&MeanEntry>) -> String {
    entry.map_or_else(
        || "no rater".to_owned(),
        |e| {
            let raters = count(e.raters, "rater");
            format!("{:.2}{} ({raters})", e.mean, bracket(e.interval))
        },
    )
}

/// The terminal report.
pub(crate) fn summary(document: &NetworkDocument) -> String {
    let mut out = String::new();
    let name = |id: u64| {
        document
            .partners
            .iter()
            .find(|p| p.id == id)
            .map_or("", |p| p.name.as_str())
    };
    let labels: Vec<&str> = document.waves.iter().map(|w| w.wave.as_str()).collect();
    let _ = writeln!(
        out,
        "{} partners, {} waves ({}); trust and value on a 1–4 scale, 95% intervals",
        document.partners.len(),
        document.waves.len(),
        labels.join(", ")
    );
    for wave in &document.waves {
        wave_summary(&mut out, wave, &name);
    }
    for change in &document.changes {
        let _ = writeln!(out, "\nFrom wave {} to wave {}:", change.from, change.to);
        for (label, value) in [
            ("density", &change.density),
            ("mean trust", &change.mean_trust),
            ("mean value", &change.mean_value),
        ] {
            if let Some(value) = value {
                let _ = writeln!(out, "  {label} {}", signed(value));
            }
        }
        let flagged: Vec<String> = change
            .partners
            .iter()
            .filter_map(|p| {
                let trust = p.trust.as_ref().filter(|t| t.beyond_uncertainty)?;
                Some(format!("    {} trust {}", name(p.id), signed(trust)))
            })
            .collect();
        if flagged.is_empty() {
            let _ = writeln!(out, "  no partner's trust changed beyond its uncertainty");
        } else {
            let _ = writeln!(out, "  trust changed beyond its uncertainty for:");
            for line in flagged {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    out
}

fn wave_summary<'a>(out: &mut String, wave: &WaveEntry, name: &dyn Fn(u64) -> &'a str) {
    let _ = writeln!(
        out,
        "\nWave {}: {} of {} partners answered ({}); {} left out, {} \"don't know\"",
        wave.wave,
        wave.respondents,
        wave.partners.len(),
        percent(wave.response_rate),
        count(wave.missing_ratings, "rating"),
        count(wave.dont_know_items, "item"),
    );
    if !wave.non_respondents.is_empty() {
        let names: Vec<&str> = wave.non_respondents.iter().map(|&id| name(id)).collect();
        let _ = writeln!(out, "  did not answer: {}", names.join(", "));
    }
    let _ = writeln!(
        out,
        "  density {} ({} of {} pairs tied), centralisation {}, reciprocity {} ({} of {} ties answered by both)",
        number(wave.density),
        wave.ties,
        wave.possible_ties,
        number(wave.centralization),
        number(wave.reciprocity),
        wave.mutual_ties,
        wave.ties_both_answered,
    );
    let _ = writeln!(
        out,
        "  mean trust {}{}, mean value {}{}",
        number(wave.mean_trust),
        bracket(wave.mean_trust_interval),
        number(wave.mean_value),
        bracket(wave.mean_value_interval),
    );
    let mut scored: Vec<_> = wave.partners.iter().filter(|p| p.trust.is_some()).collect();
    scored.sort_by(|a, b| {
        b.trust
            .unwrap_or(0.0)
            .total_cmp(&a.trust.unwrap_or(0.0))
            .then(a.id.cmp(&b.id))
    });
    let _ = writeln!(out, "  trust, value, raters, ties:");
    for partner in &scored {
        let _ = writeln!(
            out,
            "    {:<5}{:<16} {:<5}{:<16} {:>3} {:>3}  {}",
            number(partner.trust),
            bracket(partner.trust_interval),
            number(partner.value),
            bracket(partner.value_interval),
            partner.n_raters,
            partner.degree,
            name(partner.id),
        );
    }
    let unscored: Vec<&str> = wave
        .partners
        .iter()
        .filter(|p| p.trust.is_none())
        .map(|p| name(p.id))
        .collect();
    if !unscored.is_empty() {
        let _ = writeln!(out, "  no trust score (no rater): {}", unscored.join(", "));
    }
    for asymmetry in &wave.asymmetry {
        let _ = writeln!(
            out,
            "  {} → {}: {}; {} → {}: {}",
            asymmetry.first,
            asymmetry.second,
            mean_words(asymmetry.first_to_second.as_ref()),
            asymmetry.second,
            asymmetry.first,
            mean_words(asymmetry.second_to_first.as_ref()),
        );
        if let Some(difference) = &asymmetry.difference {
            let _ = writeln!(out, "    difference {}", signed(difference));
        }
    }
}
