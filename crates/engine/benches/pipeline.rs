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

mod measure;
#[allow(
    dead_code,
    reason = "the model's file serves cargo xtask synth as well"
)]
#[path = "../../../xtask/src/planted.rs"]
mod planted;

use std::cell::RefCell;

use engine::pipeline::{self, PolisConfig, Stage};
use engine::{Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteMatrix, VoteRecord};
use measure::{
    Mark, cpu_model, format_kib, load_average, median_index, peak_memory_kib, reset_peak_memory,
};
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
        totals.push(finished.wall_seconds_since(&started));
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
