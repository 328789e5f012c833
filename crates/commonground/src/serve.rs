//! `commonground serve`: runs the web server; `--demo` first fills a fresh database with a real
//! Pol.is dialogue so the product can be tried at once.
//!
//! The log goes to stderr at info level (`RUST_LOG` changes that), as text, coloured only when
//! stderr is a terminal, or as JSON lines with `--log-format json`. SIGTERM and Ctrl-C stop the
//! server gracefully: see [`server::Application::run_until`].

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use model::password::{Password, PasswordHash};
use model::{DialogueId, Email, PartnerName, PartnershipId, Sector};
use server::time::SystemClock;
use server::{Application, Config};
use store::{AcceptInvitation, NewInvitation, NewPartner};

use crate::config::{LogFormat, ServeArgs, process_env, serve_settings};
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

/// The demo partnership.
pub const DEMO_PARTNERSHIP: &str = "Healthy ageing in Northvale";

/// The email address of the demo's person who speaks for a partner.
pub const DEMO_REPRESENTATIVE_EMAIL: &str = "carers@commonground.example";

/// The demo partnership's partners: statutory bodies beside voluntary and community groups.
const DEMO_PARTNERS: [(&str, Sector); 8] = [
    ("Northvale NHS Foundation Trust", Sector::Nhs),
    ("Northvale Primary Care Network", Sector::Nhs),
    (
        "Northvale Borough Council: adult social care",
        Sector::LocalAuthority,
    ),
    ("Northvale Carers Centre", Sector::Voluntary),
    ("Age Concern Northvale", Sector::Voluntary),
    ("Hillside Men's Shed", Sector::Community),
    ("Northvale Somali Elders Group", Sector::Community),
    ("Northvale University: ageing research", Sector::Academic),
];

/// The partner whose representative the demo signs up.
const DEMO_REPRESENTED_PARTNER: &str = "Northvale Carers Centre";

fn init_tracing(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder
            .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
            .try_init(),
        // Flat objects: the event's fields beside level, target and timestamp, with the
        // request span's fields under "span".
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
}

/// Waits for SIGTERM (what service managers and container runtimes send) or Ctrl-C.
async fn stop_requested() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => tracing::info!("interrupted (Ctrl-C)"),
                    _ = terminate.recv() => tracing::info!("SIGTERM received"),
                }
                return;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM; only Ctrl-C stops the server gracefully")
            }
        }
    }
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("interrupted (Ctrl-C)");
}

/// What the demo set up.
struct Demo {
    dialogue: DialogueId,
    partnership: PartnershipId,
    password: String,
    representative_password: String,
}

/// Returns a fresh random password of 32 hex digits.
fn random_password() -> anyhow::Result<String> {
    Ok(random_salt()?
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

/// Adds the demo's partners to its partnership, and a person who speaks for the carers'
/// centre, signed up through an invitation as anyone would be; returns their password.
async fn seed_demo_partners(
    store: &dyn store::Store,
    partnership: PartnershipId,
    convenor: model::ConvenorId,
) -> anyhow::Result<String> {
    let now = now_ms();
    let mut represented = None;
    for (name, sector) in DEMO_PARTNERS {
        let partner = store
            .create_partner(NewPartner {
                partnership,
                name: PartnerName::parse(name).context("a demo partner's name")?,
                sector,
                created_at: now,
            })
            .await
            .context("adding the demo partners")?;
        if name == DEMO_REPRESENTED_PARTNER {
            represented = Some(partner.id);
        }
    }
    let partner = represented.context("the demo names the partner it represents")?;
    let (_, token) = store
        .create_invitation(NewInvitation {
            partner,
            email: Some(Email::parse(DEMO_REPRESENTATIVE_EMAIL).context("the demo email")?),
            created_by: convenor,
            created_at: now,
            expires_at: now + 14 * 24 * 60 * 60 * 1000,
        })
        .await
        .context("inviting the demo representative")?;
    let password = random_password()?;
    let hash = PasswordHash::create(
        &Password::parse(&password).context("the demo password")?,
        &random_salt()?,
    )
    .context("hashing the demo password")?;
    store
        .accept_invitation(
            &token,
            AcceptInvitation::NewAccount {
                email: Email::parse(DEMO_REPRESENTATIVE_EMAIL).context("the demo email")?,
                password_hash: hash,
            },
            now,
        )
        .await
        .context("accepting the demo invitation")?;
    Ok(password)
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
            partnership: DEMO_PARTNERSHIP.to_owned(),
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
    let password = random_password()?;
    let convenor =
        add_convenor(store, DEMO_EMAIL, &password, false, Some(DEMO_PARTNERSHIP)).await?;
    let dialogue = store.get_dialogue(summary.dialogue).await?;
    store
        .set_dialogue_shared_with_partners(dialogue.id, true)
        .await
        .context("sharing the demo dialogue with partners")?;
    let representative_password = seed_demo_partners(store, dialogue.partnership, convenor).await?;
    Ok(Demo {
        dialogue: summary.dialogue,
        partnership: dialogue.partnership,
        password,
        representative_password,
    })
}

/// Runs `commonground serve`.
pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    let settings = serve_settings(args, &process_env)?;
    init_tracing(settings.log_format);
    let mut config: Config = settings.server;
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
            if let Some(metrics) = app.metrics_addr() {
                writeln!(stdout, "Metrics are served at http://{metrics}/metrics")?;
            }
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
                writeln!(
                    stdout,
                    "Demo partnership {}: {DEMO_PARTNERSHIP}, 8 partners",
                    demo.partnership
                )?;
                writeln!(
                    stdout,
                    "  partnership:     {base}/convenor/partnerships/{}",
                    demo.partnership
                )?;
                writeln!(
                    stdout,
                    "  {DEMO_REPRESENTED_PARTNER}'s representative signs in at {base}/login"
                )?;
                writeln!(stdout, "    email:         {DEMO_REPRESENTATIVE_EMAIL}")?;
                writeln!(
                    stdout,
                    "    password:      {}",
                    demo.representative_password
                )?;
                writeln!(stdout, "  {DEMO_ATTRIBUTION}")?;
            }
            stdout.flush()?;
        }
        app.run_until(stop_requested()).await.context("serving")?;
        drop(scratch);
        Ok(())
    })
}
