//! Writes a planted dialogue as a Pol.is open-data folder, streaming, for benchmarks.
//!
//! Files written:
//! - `votes.csv`: `timestamp,datetime,comment-id,voter-id,vote`, agree = 1, disagree = -1,
//!   pass = 0, in time order (participant after participant), not sorted by comment id as
//!   Pol.is exports are; the `datetime` column is empty.
//! - `comments.csv`: `timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,
//!   comment-body`, one row per statement, `moderated` = -1 for rejected statements, else 1.
//! - `truth.csv`: `participant,group`, the planted group of every participant.
//! - `meta.json`: the parameters and counts.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::planted::{PlantedChunk, PlantedConfig, PlantedModel};

/// The chunks generated in parallel before they are written out in order.
const CHUNKS_PER_BATCH: u32 = 16;

/// What a written dialogue holds.
#[derive(Clone, Debug)]
pub struct SynthSummary {
    /// The folder written.
    pub dir: PathBuf,
    /// Number of vote rows in `votes.csv`.
    pub n_votes: u64,
    /// Participants in each planted group.
    pub group_sizes: Vec<u64>,
    /// Statements rejected by moderation.
    pub n_moderated_out: usize,
    /// Seconds the generation took.
    pub seconds: f64,
}

/// The text and counts of one generated chunk.
struct ChunkOutput {
    votes_csv: Vec<u8>,
    truth_csv: Vec<u8>,
    agrees: Vec<u64>,
    disagrees: Vec<u64>,
    group_sizes: Vec<u64>,
}

/// Writes the planted dialogue of `config` into `dir`, creating the folder if needed.
pub fn write_dialogue(config: &PlantedConfig, dir: &Path) -> Result<SynthSummary> {
    let started = Instant::now();
    let model = PlantedModel::new(config.clone())
        .map_err(|message| anyhow::anyhow!("invalid synthetic dialogue: {message}"))?;
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;

    let n_statements = config.statements as usize;
    let n_groups = config.groups as usize;
    let mut agrees = vec![0u64; n_statements];
    let mut disagrees = vec![0u64; n_statements];
    let mut group_sizes = vec![0u64; n_groups];

    let votes_path = dir.join("votes.csv");
    let truth_path = dir.join("truth.csv");
    let mut votes_file = create(&votes_path)?;
    let mut truth_file = create(&truth_path)?;
    votes_file
        .write_all(b"timestamp,datetime,comment-id,voter-id,vote\n")
        .with_context(|| format!("writing {}", votes_path.display()))?;
    truth_file
        .write_all(b"participant,group\n")
        .with_context(|| format!("writing {}", truth_path.display()))?;

    let n_chunks = model.n_chunks();
    let mut batch_start = 0;
    while batch_start < n_chunks {
        let batch_end = batch_start.saturating_add(CHUNKS_PER_BATCH).min(n_chunks);
        let outputs: Vec<ChunkOutput> = (batch_start..batch_end)
            .into_par_iter()
            .map(|index| render_chunk(&model, index))
            .collect();
        for output in outputs {
            votes_file
                .write_all(&output.votes_csv)
                .with_context(|| format!("writing {}", votes_path.display()))?;
            truth_file
                .write_all(&output.truth_csv)
                .with_context(|| format!("writing {}", truth_path.display()))?;
            add_into(&mut agrees, &output.agrees);
            add_into(&mut disagrees, &output.disagrees);
            add_into(&mut group_sizes, &output.group_sizes);
        }
        batch_start = batch_end;
    }
    finish(votes_file, &votes_path)?;
    finish(truth_file, &truth_path)?;

    write_comments(&model, &agrees, &disagrees, &dir.join("comments.csv"))?;

    let n_moderated_out = model.is_moderated_out().iter().filter(|&&out| out).count();
    let summary = SynthSummary {
        dir: dir.to_path_buf(),
        n_votes: model.n_votes(),
        group_sizes,
        n_moderated_out,
        seconds: started.elapsed().as_secs_f64(),
    };
    write_meta(&model, &summary, &dir.join("meta.json"))?;
    Ok(summary)
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 22, file))
}

fn finish(mut writer: BufWriter<File>, path: &Path) -> Result<()> {
    writer
        .flush()
        .with_context(|| format!("writing {}", path.display()))
}

fn add_into(total: &mut [u64], part: &[u64]) {
    for (sum, value) in total.iter_mut().zip(part) {
        *sum += value;
    }
}

fn render_chunk(model: &PlantedModel, index: u32) -> ChunkOutput {
    let config = model.config();
    let mut chunk = PlantedChunk::default();
    model.generate_chunk(index, &mut chunk);
    let per_participant = model.votes_per_participant() as usize;
    // A vote row is at most 13 + 2 + 11 + 1 + 11 + 1 + 2 + 1 bytes.
    let mut votes_csv = Vec::with_capacity(chunk.votes.len() * 42);
    let mut truth_csv = Vec::with_capacity(chunk.n_participants() * 12);
    let mut agrees = vec![0u64; config.statements as usize];
    let mut disagrees = vec![0u64; config.statements as usize];
    let mut group_sizes = vec![0u64; config.groups as usize];
    for (participant, (offset, &group)) in
        (chunk.first_participant..).zip(chunk.groups.iter().enumerate())
    {
        push_unsigned(&mut truth_csv, u64::from(participant));
        truth_csv.push(b',');
        push_unsigned(&mut truth_csv, u64::from(group));
        truth_csv.push(b'\n');
        group_sizes[usize::from(group)] += 1;
        let range = offset * per_participant..(offset + 1) * per_participant;
        for (slot, (&statement, &vote)) in (0u32..).zip(
            chunk.statements[range.clone()]
                .iter()
                .zip(&chunk.votes[range]),
        ) {
            push_signed(&mut votes_csv, model.timestamp(participant, slot));
            votes_csv.extend_from_slice(b",,");
            push_unsigned(&mut votes_csv, u64::from(statement));
            votes_csv.push(b',');
            push_unsigned(&mut votes_csv, u64::from(participant));
            votes_csv.extend_from_slice(match vote {
                1 => b",1\n".as_slice(),
                -1 => b",-1\n".as_slice(),
                _ => b",0\n".as_slice(),
            });
            match vote {
                1 => agrees[statement as usize] += 1,
                -1 => disagrees[statement as usize] += 1,
                _ => {}
            }
        }
    }
    ChunkOutput {
        votes_csv,
        truth_csv,
        agrees,
        disagrees,
        group_sizes,
    }
}

fn push_unsigned(buffer: &mut Vec<u8>, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + u8::try_from(value % 10).expect("a decimal digit");
        value /= 10;
        if value == 0 {
            break;
        }
    }
    buffer.extend_from_slice(&digits[start..]);
}

fn push_signed(buffer: &mut Vec<u8>, value: i64) {
    if value < 0 {
        buffer.push(b'-');
    }
    push_unsigned(buffer, value.unsigned_abs());
}

fn write_comments(
    model: &PlantedModel,
    agrees: &[u64],
    disagrees: &[u64],
    path: &Path,
) -> Result<()> {
    let mut file = create(path)?;
    let mut text = Vec::new();
    text.extend_from_slice(
        b"timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n",
    );
    let n_statements = model.config().statements;
    for id in 0..n_statements {
        let statement = id as usize;
        // Statements are written before the first vote, one second apart.
        let seconds_before = i64::from(n_statements - id);
        push_signed(
            &mut text,
            crate::planted::FIRST_VOTE_MS - seconds_before * 1000,
        );
        text.extend_from_slice(b",,");
        push_unsigned(&mut text, u64::from(id));
        text.push(b',');
        push_unsigned(&mut text, u64::from(model.authors()[statement]));
        text.push(b',');
        push_unsigned(&mut text, agrees[statement]);
        text.push(b',');
        push_unsigned(&mut text, disagrees[statement]);
        text.extend_from_slice(if model.is_moderated_out()[statement] {
            b",-1,".as_slice()
        } else {
            b",1,".as_slice()
        });
        let kind = if model.is_consensus()[statement] {
            "consensus"
        } else {
            "divisive"
        };
        text.extend_from_slice(format!("Synthetic statement {statement} ({kind})\n").as_bytes());
    }
    file.write_all(&text)
        .with_context(|| format!("writing {}", path.display()))?;
    finish(file, path)
}

fn write_meta(model: &PlantedModel, summary: &SynthSummary, path: &Path) -> Result<()> {
    let config = model.config();
    let meta = serde_json::json!({
        "generator": "cargo xtask synth",
        "participants": config.participants,
        "statements": config.statements,
        "votes_per_participant": model.votes_per_participant(),
        "groups": config.groups,
        "seed": config.seed,
        "pass_rate": config.pass_rate,
        "consensus_frac": config.consensus_frac,
        "mod_out_frac": config.mod_out_frac,
        "group_proportions": model.proportions(),
        "group_sizes": summary.group_sizes,
        "n_votes": summary.n_votes,
        "n_consensus": model.is_consensus().iter().filter(|&&c| c).count(),
        "n_mod_out": summary.n_moderated_out,
        "vote_order": "time (participant after participant), not sorted by comment-id",
        "gen_seconds": (summary.seconds * 100.0).round() / 100.0,
    });
    let text = serde_json::to_string_pretty(&meta).context("rendering meta.json")?;
    fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))
}

/// Returns whether `dir` already holds the dialogue `config` describes, judged by its
/// `meta.json`, so a benchmark can reuse files it wrote earlier.
pub fn is_written(config: &PlantedConfig, dir: &Path) -> bool {
    let Ok(text) = fs::read_to_string(dir.join("meta.json")) else {
        return false;
    };
    let Ok(meta) = serde_json::from_str::<serde_json::Value>(&text) else {
        return false;
    };
    let same_u64 = |key: &str, value: u64| meta.get(key).and_then(|v| v.as_u64()) == Some(value);
    let same_f64 = |key: &str, value: f64| {
        meta.get(key)
            .and_then(|v| v.as_f64())
            .is_some_and(|stored| (stored - value).abs() < 1e-12)
    };
    same_u64("participants", u64::from(config.participants))
        && same_u64("statements", u64::from(config.statements))
        && same_u64(
            "votes_per_participant",
            u64::from(config.votes_per_participant.min(config.statements)),
        )
        && same_u64("groups", u64::from(config.groups))
        && same_u64("seed", config.seed)
        && same_f64("pass_rate", config.pass_rate)
        && same_f64("consensus_frac", config.consensus_frac)
        && same_f64("mod_out_frac", config.mod_out_frac)
        && meta.get("generator").and_then(|v| v.as_str()) == Some("cargo xtask synth")
        && ["votes.csv", "comments.csv", "truth.csv"]
            .iter()
            .all(|name| dir.join(name).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(dir: &Path, name: &str) -> String {
        fs::read_to_string(dir.join(name)).unwrap()
    }

    #[test]
    fn the_folder_holds_consistent_pol_is_files() {
        let temp = tempfile::tempdir().unwrap();
        let mut config = PlantedConfig::new(5_000, 40, 12);
        config.seed = 9;
        let summary = write_dialogue(&config, temp.path()).unwrap();
        assert_eq!(summary.n_votes, 60_000);
        assert_eq!(summary.group_sizes.iter().sum::<u64>(), 5_000);

        let votes = read(temp.path(), "votes.csv");
        let mut lines = votes.lines();
        assert_eq!(
            lines.next(),
            Some("timestamp,datetime,comment-id,voter-id,vote")
        );
        let mut agrees = vec![0u64; 40];
        let mut disagrees = vec![0u64; 40];
        let mut previous_timestamp = i64::MIN;
        let mut rows = 0;
        for line in lines {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 5, "{line}");
            assert_eq!(fields[1], "");
            let timestamp: i64 = fields[0].parse().unwrap();
            assert!(timestamp > previous_timestamp, "time order");
            previous_timestamp = timestamp;
            let statement: usize = fields[2].parse().unwrap();
            let participant: u32 = fields[3].parse().unwrap();
            assert!(statement < 40 && participant < 5_000);
            match fields[4] {
                "1" => agrees[statement] += 1,
                "-1" => disagrees[statement] += 1,
                "0" => {}
                other => panic!("unexpected vote {other}"),
            }
            rows += 1;
        }
        assert_eq!(rows, 60_000);

        let comments = read(temp.path(), "comments.csv");
        let mut comment_lines = comments.lines();
        assert_eq!(
            comment_lines.next(),
            Some("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body")
        );
        let mut n_comments = 0;
        for (statement, line) in comment_lines.enumerate() {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields[2].parse::<usize>().unwrap(), statement);
            assert_eq!(fields[4].parse::<u64>().unwrap(), agrees[statement]);
            assert_eq!(fields[5].parse::<u64>().unwrap(), disagrees[statement]);
            assert!(fields[6] == "1" || fields[6] == "-1");
            n_comments += 1;
        }
        assert_eq!(n_comments, 40);

        let truth = read(temp.path(), "truth.csv");
        assert_eq!(truth.lines().count(), 5_001);
        assert!(truth.starts_with("participant,group\n0,"));
        assert!(is_written(&config, temp.path()));
        let mut other = config.clone();
        other.seed = 10;
        assert!(!is_written(&other, temp.path()));
    }

    #[test]
    fn the_same_seed_writes_the_same_bytes() {
        let first = tempfile::tempdir().unwrap();
        let second = tempfile::tempdir().unwrap();
        let config = PlantedConfig::new(9_000, 30, 10);
        write_dialogue(&config, first.path()).unwrap();
        write_dialogue(&config, second.path()).unwrap();
        for name in ["votes.csv", "comments.csv", "truth.csv"] {
            assert_eq!(
                read(first.path(), name),
                read(second.path(), name),
                "{name}"
            );
        }
    }

    #[test]
    fn integers_are_written_in_decimal() {
        let mut buffer = Vec::new();
        push_signed(&mut buffer, -1_700_000_000_123);
        buffer.push(b' ');
        push_unsigned(&mut buffer, 0);
        buffer.push(b' ');
        push_unsigned(&mut buffer, u64::MAX);
        assert_eq!(
            String::from_utf8(buffer).unwrap(),
            "-1700000000123 0 18446744073709551615"
        );
    }
}
