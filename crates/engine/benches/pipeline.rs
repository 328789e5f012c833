//! Times the Pol.is pipeline on synthetic dialogues with planted opinion groups.
//!
//! `cargo bench -p engine --bench pipeline -- [--size small|medium|large|all] [--runs N]`
//!
//! For each size it generates the planted dialogue in memory (the model `cargo xtask synth`
//! writes to CSV, so both see the same votes), times building the `VoteMatrix`, times
//! `pipeline::run` (the median of several runs for the small size), reports peak memory from
//! `VmHWM` in `/proc/self/status`, and checks that the planted groups were recovered with the
//! adjusted Rand index.
#![allow(clippy::print_stdout, reason = "a bench binary reports on stdout")]

#[allow(
    dead_code,
    reason = "the model's file serves cargo xtask synth as well"
)]
#[path = "../../../xtask/src/planted.rs"]
mod planted;

use std::cell::RefCell;
use std::time::{Duration, Instant};

use engine::pipeline::{self, PolisConfig, Stage};
use engine::{Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteMatrix, VoteRecord};
use planted::{CHUNK_PARTICIPANTS, PlantedChunk, PlantedConfig, PlantedModel};
use rayon::prelude::*;

/// One benchmark size.
struct Size {
    name: &'static str,
    participants: u32,
    statements: u32,
    votes_per_participant: u32,
    default_runs: usize,
}

const SIZES: [Size; 3] = [
    Size {
        name: "small",
        participants: 33_000,
        statements: 2_000,
        votes_per_participant: 60,
        default_runs: 5,
    },
    Size {
        name: "medium",
        participants: 100_000,
        statements: 2_000,
        votes_per_participant: 100,
        default_runs: 1,
    },
    Size {
        name: "large",
        participants: 1_000_000,
        statements: 5_000,
        votes_per_participant: 50,
        default_runs: 1,
    },
];

/// What the command line asked for.
struct Options {
    sizes: Vec<&'static Size>,
    runs: Option<usize>,
    seed: u64,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        sizes: vec![&SIZES[0]],
        runs: None,
        seed: 0,
    };
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            // cargo bench passes --bench to every bench binary.
            "--bench" => {}
            "--size" => {
                let value = arguments.next().ok_or("--size needs a value")?;
                options.sizes = match value.as_str() {
                    "all" => SIZES.iter().collect(),
                    name => vec![SIZES.iter().find(|size| size.name == name).ok_or_else(|| {
                        format!("unknown size {name}: small, medium, large or all")
                    })?],
                };
            }
            "--runs" => {
                let value = arguments.next().ok_or("--runs needs a value")?;
                let runs: usize = value
                    .parse()
                    .map_err(|_| format!("--runs {value}: not a number"))?;
                options.runs = Some(runs.max(1));
            }
            "--seed" => {
                let value = arguments.next().ok_or("--seed needs a value")?;
                options.seed = value
                    .parse()
                    .map_err(|_| format!("--seed {value}: not a number"))?;
            }
            other => {
                return Err(format!(
                    "unknown argument {other}; usage: -- [--size small|medium|large|all] [--runs N] [--seed S]"
                ));
            }
        }
    }
    Ok(options)
}

fn main() -> std::process::ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return std::process::ExitCode::from(2);
        }
    };
    println!(
        "machine: {} cores ({}), rayon threads {}, load average {}",
        std::thread::available_parallelism().map_or(0, usize::from),
        cpu_model(),
        rayon::current_num_threads(),
        load_average()
    );
    for size in &options.sizes {
        let runs = options.runs.unwrap_or(size.default_runs);
        if let Err(message) = bench_size(size, runs, options.seed) {
            eprintln!("{}: {message}", size.name);
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
}

/// The planted dialogue of one size, in the engine's types.
struct Dialogue {
    records: Vec<VoteRecord>,
    statements: Vec<StatementInfo>,
    truth: Vec<u32>,
}

fn generate(model: &PlantedModel) -> Dialogue {
    let per_participant = model.votes_per_participant() as usize;
    let per_chunk = CHUNK_PARTICIPANTS as usize * per_participant;
    let n_votes = usize::try_from(model.n_votes()).expect("the model caps votes at 2^32");
    let placeholder = VoteRecord {
        participant: ParticipantId(0),
        statement: StatementId(0),
        vote: Vote::Pass,
        timestamp: 0,
    };
    let mut records = vec![placeholder; n_votes];
    let n_participants = model.config().participants as usize;
    let mut truth = vec![0u32; n_participants];
    records
        .par_chunks_mut(per_chunk)
        .zip(truth.par_chunks_mut(CHUNK_PARTICIPANTS as usize))
        .enumerate()
        .for_each(|(index, (records, truth))| {
            let mut chunk = PlantedChunk::default();
            model.generate_chunk(
                u32::try_from(index).expect("chunk indices fit in u32"),
                &mut chunk,
            );
            for (slot, &group) in truth.iter_mut().zip(&chunk.groups) {
                *slot = u32::from(group);
            }
            let rows = chunk
                .statements
                .chunks(per_participant)
                .zip(chunk.votes.chunks(per_participant));
            for ((participant, participant_votes), (statements, votes)) in (chunk
                .first_participant..)
                .zip(records.chunks_mut(per_participant))
                .zip(rows)
            {
                for (slot, (record, (&statement, &vote))) in (0u32..).zip(
                    participant_votes
                        .iter_mut()
                        .zip(statements.iter().zip(votes)),
                ) {
                    *record = VoteRecord {
                        participant: ParticipantId(participant),
                        statement: StatementId(statement),
                        vote: Vote::from_value(vote).unwrap_or(Vote::Pass),
                        timestamp: model.timestamp(participant, slot),
                    };
                }
            }
        });
    let statements = (0..model.config().statements)
        .map(|id| StatementInfo {
            id: StatementId(id),
            moderation: if model.is_moderated_out()[id as usize] {
                Moderation::Rejected
            } else {
                Moderation::Accepted
            },
            is_meta: false,
            author: Some(ParticipantId(model.authors()[id as usize])),
        })
        .collect();
    Dialogue {
        records,
        statements,
        truth,
    }
}

fn bench_size(size: &Size, runs: usize, seed: u64) -> Result<(), String> {
    let config = PlantedConfig {
        seed,
        ..PlantedConfig::new(
            size.participants,
            size.statements,
            size.votes_per_participant,
        )
    };
    let model = PlantedModel::new(config)?;
    println!(
        "\n== {} : {} participants x {} statements x {} votes each = {} votes, seed {seed}",
        size.name,
        size.participants,
        size.statements,
        model.votes_per_participant(),
        model.n_votes()
    );

    let started = Mark::now();
    let dialogue = generate(&model);
    println!("generate          {}", Mark::now().since(&started));

    reset_peak_memory();
    let started = Mark::now();
    let matrix = VoteMatrix::from_records(&dialogue.records);
    let built = Mark::now();
    println!(
        "matrix build      {}   peak RSS {} (includes the {} of input records)",
        built.since(&started),
        format_kib(peak_memory_kib()),
        format_kib(Some(
            u64::try_from(dialogue.records.len() * std::mem::size_of::<VoteRecord>() / 1024)
                .unwrap_or(u64::MAX)
        )),
    );
    let Dialogue {
        records,
        statements,
        truth,
    } = dialogue;
    drop(records);

    run_pipeline(&matrix, &statements, &truth, runs)
}

/// A moment in wall time and in the process's CPU time (user + system, all threads).
struct Mark {
    wall: Instant,
    cpu: Option<f64>,
}

impl Mark {
    fn now() -> Mark {
        Mark {
            wall: Instant::now(),
            cpu: process_cpu_seconds(),
        }
    }

    /// Returns "wall W s  cpu C s" from `earlier` to this mark. On a shared machine the wall
    /// time includes waiting for a core; the CPU time does not.
    fn since(&self, earlier: &Mark) -> String {
        let wall = seconds(self.wall - earlier.wall);
        match (self.cpu, earlier.cpu) {
            (Some(now), Some(then)) => format!("wall {wall:>8.3} s  cpu {:>8.2} s", now - then),
            _ => format!("wall {wall:>8.3} s  cpu      n/a"),
        }
    }
}

/// Returns the CPU time the process has used, from `/proc/self/stat` (clock ticks of 10 ms).
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let user: f64 = fields.get(11)?.parse().ok()?;
    let system: f64 = fields.get(12)?.parse().ok()?;
    Some((user + system) / CLOCK_TICKS_PER_SECOND)
}

/// The kernel's USER_HZ, 100 on Linux.
const CLOCK_TICKS_PER_SECOND: f64 = 100.0;

fn seconds(duration: Duration) -> f64 {
    duration.as_secs_f64()
}

/// Returns the index of the median run (the lower middle one for an even count, so that the
/// median is a run that happened).
fn median_index(values: &[f64]) -> usize {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    order[(order.len().saturating_sub(1)) / 2]
}

/// Reads one `kB` field of `/proc/self/status`.
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim_start_matches(':').split_whitespace().next())
        .and_then(|number| number.parse().ok())
}

/// Returns the peak resident memory since start or since the last reset.
fn peak_memory_kib() -> Option<u64> {
    status_kib("VmHWM")
}

/// Resets the peak to the current resident memory (Linux `clear_refs` value 5), so that the
/// next reading covers only what runs after it; harmless where the kernel does not support it.
fn reset_peak_memory() {
    if std::fs::write("/proc/self/clear_refs", "5").is_err() {
        eprintln!("note: cannot reset the peak memory; peaks include earlier stages");
    }
}

fn format_kib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "n/a".to_string(),
        |kib| format!("{:.0} MiB", kib as f64 / 1024.0),
    )
}

/// Returns the 1-minute load average, which says how much other work shared the cores.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "n/a".to_string())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

/// Runs the pipeline `runs` times, timing each stage through the progress callback, and
/// reports the median, the stage times of the median run, peak memory and group recovery.
fn run_pipeline(
    matrix: &VoteMatrix,
    statements: &[StatementInfo],
    truth: &[u32],
    runs: usize,
) -> Result<(), String> {
    let config = PolisConfig::default();
    let mut totals = Vec::with_capacity(runs);
    let mut stage_runs: Vec<Vec<(Stage, String)>> = Vec::with_capacity(runs);
    let mut cpu_totals = Vec::with_capacity(runs);
    let mut peaks = Vec::with_capacity(runs);
    let mut analysis = None;
    for _ in 0..runs {
        // Drop the previous result first so that each peak covers one run alone.
        drop(analysis.take());
        reset_peak_memory();
        let marks: RefCell<Vec<(Stage, Mark)>> = RefCell::new(Vec::new());
        let started = Mark::now();
        let result = pipeline::run_with_progress(matrix, statements, None, &config, &|stage| {
            marks.borrow_mut().push((stage, Mark::now()));
        });
        let finished = Mark::now();
        totals.push(seconds(finished.wall - started.wall));
        cpu_totals.push(finished.since(&started));
        peaks.push(peak_memory_kib());
        let marks = marks.into_inner();
        let stages = marks
            .iter()
            .enumerate()
            .map(|(index, (stage, start))| {
                let end = marks.get(index + 1).map_or(&finished, |(_, next)| next);
                (*stage, end.since(start))
            })
            .collect();
        stage_runs.push(stages);
        analysis = Some(result);
    }
    let Some(analysis) = analysis else {
        return Err("no run was made".to_string());
    };

    let median_run = median_index(&totals);
    let all_runs: Vec<String> = totals.iter().map(|total| format!("{total:.3}")).collect();
    println!(
        "pipeline::run     {}   median of {runs} (wall times: {} s)",
        cpu_totals[median_run],
        all_runs.join(", ")
    );
    for (stage, times) in &stage_runs[median_run] {
        println!("  {:<15} {times}", format!("{stage:?}"));
    }
    let peak = peaks.iter().flatten().max().copied();
    println!(
        "peak RSS          {} (during pipeline::run, matrix included)",
        format_kib(peak)
    );

    let (found, planted): (Vec<u32>, Vec<u32>) = analysis
        .group_of_row
        .iter()
        .zip(matrix.participants())
        .filter_map(|(group, participant)| {
            let group = u32::try_from((*group)?).ok()?;
            Some((group, *truth.get(participant.0 as usize)?))
        })
        .unzip();
    println!(
        "groups            k = {}, {} of {} participants clustered, ARI vs planted = {:.4}",
        analysis.group_clusters.len(),
        found.len(),
        matrix.n_participants(),
        planted::adjusted_rand_index(&found, &planted)
    );
    if !analysis.warnings.is_empty() {
        println!("warnings          {:?}", analysis.warnings);
    }
    Ok(())
}
