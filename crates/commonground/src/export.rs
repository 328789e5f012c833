//! `commonground export`: writes a dialogue as Pol.is open-data CSV files (agree = +1) or as a
//! full JSON dump.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use model::DialogueId;
use server::export::{self, polis_csv};

use crate::UsageError;
use crate::config::DatabaseArgs;
use crate::import::open_store;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// `votes.csv`, `comments.csv`, `participants-votes.csv` and `summary.csv` in a folder.
    PolisCsv,
    /// Everything about the dialogue in one JSON document.
    Json,
}

/// Arguments of `commonground export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The dialogue's id.
    pub dialogue: i64,
    /// The format.
    #[arg(long, value_enum, default_value_t = ExportFormat::PolisCsv)]
    pub format: ExportFormat,
    /// Where to write: a folder for `polis-csv` (created if needed); a file for `json`
    /// (stdout when left out).
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

/// Runs `commonground export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<()> {
    if args.format == ExportFormat::PolisCsv && args.out.is_none() {
        return Err(UsageError("--format polis-csv needs --out DIR".to_owned()).into());
    }
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let dump = runtime.block_on(async {
        let store = open_store(&args.database).await?;
        let dump = export::load(store.as_ref(), DialogueId(args.dialogue))
            .await
            .with_context(|| format!("reading dialogue {}", args.dialogue))?;
        store.close().await;
        anyhow::Ok(dump)
    })?;
    match (args.format, &args.out) {
        (ExportFormat::PolisCsv, Some(folder)) => {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("creating {}", folder.display()))?;
            let files = polis_csv(&dump.export_data(None));
            for (name, contents) in files.files() {
                let path = folder.join(name);
                std::fs::write(&path, contents)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            eprintln!(
                "wrote {} files to {}",
                files.files().len(),
                folder.display()
            );
        }
        (ExportFormat::Json, Some(path)) => {
            let mut text = dump.json().to_string();
            text.push('\n');
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
        }
        (ExportFormat::Json, None) => {
            let mut stdout = std::io::stdout().lock();
            writeln!(stdout, "{}", dump.json()).context("writing to stdout")?;
        }
        (ExportFormat::PolisCsv, None) => {}
    }
    Ok(())
}
