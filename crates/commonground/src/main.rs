//! The `commonground` binary: parses the command line and hands over to the commands.

mod allourideas;
mod analyze;
mod backup;
mod config;
mod convenor;
mod demo;
mod export;
mod import;
mod map;
mod network;
mod output;
mod polis_files;
mod priorities;
mod progress;
mod serve;
mod verify_record;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Common Ground: equal-weight dialogue and analysis for health partnerships.
#[derive(Debug, Parser)]
#[command(name = "commonground", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The commands of the binary.
#[derive(Debug, Subcommand)]
enum Command {
    /// Analyses a Pol.is export (open-data CSV folder or API dump folder).
    Analyze(analyze::AnalyzeArgs),
    /// Runs the web server (SQLite file by default, or PostgreSQL).
    Serve(config::ServeArgs),
    /// Creates a dialogue from a Pol.is export folder; prints its id on the last line.
    Import(import::ImportArgs),
    /// Writes a dialogue as Pol.is CSV files or a JSON dump.
    Export(export::ExportArgs),
    /// Writes a consistent copy of a SQLite database, even while the server runs.
    Backup(backup::BackupArgs),
    /// Puts a SQLite backup in place after checking it (stop the server first).
    Restore(backup::RestoreArgs),
    /// Manages convenor accounts.
    #[command(subcommand)]
    Convenor(convenor::ConvenorCommand),
    /// Ranks a priority list from options.csv and comparisons.csv (Bradley–Terry, with each
    /// constituency counted once).
    Priorities(priorities::PrioritiesArgs),
    /// Converts an All Our Ideas votes export into options.csv and comparisons.csv for
    /// `priorities`.
    ImportAllourideas(allourideas::ImportAllOurIdeasArgs),
    /// Scores a partnership's trust survey from partners.csv and ratings.csv: trust and value
    /// per partner, density, centralisation, reciprocity, asymmetry and change between waves.
    Network(network::NetworkArgs),
    /// Analyses a system map from factors.csv and links.csv (or GraphML or Kumu): feedback
    /// loops, leverage and, with --from, the ripple of an action across partners.
    Map(map::MapArgs),
    /// Checks that each partnership's record is an unbroken hash chain; exits 1 if one is not.
    VerifyRecord(verify_record::VerifyRecordArgs),
}

/// A mistake in how the command was called, found after the arguments were parsed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Analyze(args) => analyze::run(&args),
        Command::Priorities(args) => priorities::run(&args),
        Command::ImportAllourideas(args) => allourideas::run(&args),
        Command::Network(args) => network::run(&args),
        Command::Map(args) => map::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Backup(args) => backup::run_backup(&args),
        Command::Restore(args) => backup::run_restore(&args),
        Command::Convenor(command) => convenor::run(&command),
        Command::VerifyRecord(args) => verify_record::run(&args),
    }
}

/// Maps the outcome of a command to the exit code: 0 success, 1 user or data error, 2 usage.
fn exit_code(result: &anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.downcast_ref::<UsageError>().is_some() => ExitCode::from(2),
        Err(_) => ExitCode::from(1),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout and mistakes to stderr.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = run(cli);
    if let Err(error) = &result {
        eprintln!("error: {error:#}");
    }
    exit_code(&result)
}
