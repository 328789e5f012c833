//! Project automation: `cargo xtask <task>`.

mod compare;
mod load;
mod planted;
mod soak;
mod synth;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use crate::planted::PlantedConfig;

/// Project automation for Common Ground.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Writes a synthetic dialogue with planted opinion groups as a Pol.is open-data folder.
    Synth(SynthArgs),
    /// Runs red-dwarf and `commonground analyze` on the same synthetic dialogues and compares.
    BenchCompare(compare::CompareArgs),
    /// Drives votes at the server at a fixed rate over loopback, checking failures and memory.
    Load(load::LoadArgs),
    /// Runs the server for a set time under mixed load, checking failures, latency, memory
    /// and whether the analysis keeps up.
    Soak(soak::SoakArgs),
}

/// The planted model's parameters, shared by the tasks that generate dialogues.
#[derive(Debug, Args, Clone)]
struct ModelArgs {
    /// Planted opinion groups.
    #[arg(long, default_value_t = 3)]
    groups: u32,
    /// Seed of every random draw.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Probability that a vote is a pass.
    #[arg(long, default_value_t = 0.15)]
    pass_rate: f64,
    /// Probability that a statement is a consensus statement shared by all groups.
    #[arg(long, default_value_t = 0.3)]
    consensus_frac: f64,
    /// Probability that moderation rejects a statement.
    #[arg(long, default_value_t = 0.02)]
    mod_out_frac: f64,
}

impl ModelArgs {
    fn config(&self, participants: u32, statements: u32, votes: u32) -> PlantedConfig {
        PlantedConfig {
            groups: self.groups,
            seed: self.seed,
            pass_rate: self.pass_rate,
            consensus_frac: self.consensus_frac,
            mod_out_frac: self.mod_out_frac,
            ..PlantedConfig::new(participants, statements, votes)
        }
    }
}

#[derive(Debug, Args)]
struct SynthArgs {
    /// Participants.
    #[arg(long, short = 'P')]
    participants: u32,
    /// Statements.
    #[arg(long, short = 'S')]
    statements: u32,
    /// Votes each participant casts on distinct statements (capped at the statements).
    #[arg(long, short = 'V')]
    votes_per_participant: u32,
    #[command(flatten)]
    model: ModelArgs,
    /// The folder to write `votes.csv`, `comments.csv`, `truth.csv` and `meta.json` into.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Synth(args) => synth(&args),
        Task::BenchCompare(args) => compare::run(&args),
        Task::Load(args) => load::run(&args),
        Task::Soak(args) => soak::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // The message and its causes, without a backtrace: these are a user's errors.
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn synth(args: &SynthArgs) -> Result<()> {
    let config = args.model.config(
        args.participants,
        args.statements,
        args.votes_per_participant,
    );
    let summary = synth::write_dialogue(&config, &args.out)?;
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "wrote {} votes of {} participants on {} statements to {} in {:.2} s (group sizes {:?}, {} statements moderated out)",
        summary.n_votes,
        config.participants,
        config.statements,
        summary.dir.display(),
        summary.seconds,
        summary.group_sizes,
        summary.n_moderated_out,
    )
    .context("writing to stdout")
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dialogue_sizes_take_three_numbers() {
        let cli = Cli::try_parse_from([
            "cargo xtask",
            "bench-compare",
            "--small",
            "100",
            "20",
            "5",
            "--skip-large",
        ])
        .unwrap();
        let Task::BenchCompare(args) = cli.task else {
            panic!("parsed as another task");
        };
        assert!(format!("{args:?}").contains("small: [100, 20, 5]"));
    }
}
