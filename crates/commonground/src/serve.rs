//! `commonground serve`: runs the web server; `--demo` first fills a fresh database with a real
//! Pol.is dialogue so the product can be tried at once.

use std::io::Write as _;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use model::DialogueId;
use server::time::SystemClock;
use server::{Application, Config};

use crate::config::{ServeArgs, process_env, server_config};
use crate::convenor::{add_convenor, random_salt};
use crate::import::{ImportOptions, import_folder, now_ms};

/// The Pol.is conversation the demo ships, embedded so the binary works anywhere.
const DEMO_FILES: [(&str, &[u8]); 3] = [
    (
        "votes.csv",
        include_bytes!("../../../data/polis-opendata/football-concussions/votes.csv"),
    ),
    (
        "comments.csv",
        include_bytes!("../../../data/polis-opendata/football-concussions/comments.csv"),
    ),
    (
        "summary.csv",
        include_bytes!("../../../data/polis-opendata/football-concussions/summary.csv"),
    ),
];

/// The attribution the licence of the demo data asks for.
pub const DEMO_ATTRIBUTION: &str = "Data gathered using the Polis software (compdemocracy.org/polis), sub-licensed under CC BY 4.0 with attribution to The Computational Democracy Project (https://compdemocracy.org/case-studies/).";

/// The demo convenor's email address.
pub const DEMO_EMAIL: &str = "demo@commonground.example";

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// What the demo set up.
struct Demo {
    dialogue: DialogueId,
    password: String,
}

async fn seed_demo(store: &dyn store::Store, scratch: &Path) -> anyhow::Result<Demo> {
    let folder = scratch.join("football-concussions");
    std::fs::create_dir_all(&folder).context("creating the demo folder")?;
    for (name, bytes) in DEMO_FILES {
        std::fs::write(folder.join(name), bytes)
            .with_context(|| format!("writing the demo file {name}"))?;
    }
    let summary = import_folder(
        store,
        &folder,
        &ImportOptions {
            partnership: "Demo partnership".to_owned(),
            title: Some("Concussions in the NFL".to_owned()),
            description: format!(
                "A real Pol.is conversation (pol.is/2arcefpshi): is the concussion crisis the end of the NFL? {DEMO_ATTRIBUTION}"
            ),
            now_ms: now_ms(),
            vote_sign: crate::polis_files::sign::VoteSign::Auto,
        },
    )
    .await
    .context("importing the demo dialogue")?;
    let password: String = random_salt()?
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    add_convenor(
        store,
        DEMO_EMAIL,
        &password,
        false,
        Some("Demo partnership"),
    )
    .await?;
    Ok(Demo {
        dialogue: summary.dialogue,
        password,
    })
}

/// Runs `commonground serve`.
pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    init_tracing();
    let mut config: Config = server_config(args, &process_env)?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async move {
        // The demo database lives in a temporary folder removed when the server stops.
        let scratch = if args.demo {
            let scratch = tempfile::tempdir().context("creating the demo folder")?;
            config.database = format!("sqlite:{}", scratch.path().join("demo.db").display());
            Some(scratch)
        } else {
            None
        };
        let store = store::connect(&config.database)
            .await
            .with_context(|| format!("opening the database {}", config.database))?;
        let demo = match &scratch {
            Some(scratch) => Some(seed_demo(store.as_ref(), scratch.path()).await?),
            None => None,
        };
        let app = Application::build_with_store(config.clone(), store, Arc::new(SystemClock))
            .await
            .context("starting the server")?;
        let state = app.state();
        let base = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", app.local_addr()));
        {
            let mut stdout = std::io::stdout().lock();
            writeln!(stdout, "Common Ground is listening on {base}")?;
            writeln!(stdout, "API description: {base}/api/openapi.json")?;
            if let Some(demo) = &demo {
                state.analysis().changed(demo.dialogue);
                writeln!(
                    stdout,
                    "Demo dialogue {}: Concussions in the NFL",
                    demo.dialogue
                )?;
                writeln!(
                    stdout,
                    "  participant URL: {}",
                    state.participant_url(demo.dialogue)
                )?;
                let id = demo.dialogue;
                writeln!(stdout, "  convenor URL:    {base}/convenor/dialogues/{id}")?;
                writeln!(stdout, "  report:          {base}/d/{id}/report")?;
                writeln!(
                    stdout,
                    "  analysis (JSON): {base}/api/dialogues/{id}/analysis"
                )?;
                writeln!(stdout, "  convenor login:  {base}/login")?;
                writeln!(stdout, "    email:         {DEMO_EMAIL}")?;
                writeln!(stdout, "    password:      {}", demo.password)?;
                writeln!(stdout, "  {DEMO_ATTRIBUTION}")?;
            }
            stdout.flush()?;
        }
        app.run_until(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("serving")?;
        drop(scratch);
        Ok(())
    })
}
