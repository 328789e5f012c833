//! `commonground serve`: runs the web server; `--demo` first fills a fresh database with a
//! made-up health partnership, its dialogue and what the partners agreed to do (see
//! [`crate::demo`]) so the product can be tried at once.
//!
//! The log goes to stderr at info level (`RUST_LOG` changes that), as text, coloured only when
//! stderr is a terminal, or as JSON lines with `--log-format json`. SIGTERM and Ctrl-C stop the
//! server gracefully: see [`server::Application::run_until`].

use std::io::{IsTerminal as _, Write as _};
use std::sync::Arc;

use anyhow::Context;
use server::time::{SharedClock, SystemClock};
use server::{Application, Config};

use crate::config::{LogFormat, ServeArgs, process_env, serve_settings};
use crate::demo::{DEMO_EMAIL, DEMO_SEED, Demo, DemoClock, seed};
use crate::import::now_ms;

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

/// Prints what the demo set up and how to sign in.
fn print_demo(
    stdout: &mut impl std::io::Write,
    state: &server::state::AppState,
    base: &str,
    demo: &Demo,
) -> anyhow::Result<()> {
    let id = demo.dialogue;
    writeln!(stdout, "Demo dialogue {id}: {}", demo.title)?;
    writeln!(
        stdout,
        "  {} statements, {} simulated participants, {} votes",
        demo.statements, demo.participants, demo.votes
    )?;
    writeln!(
        stdout,
        "  participant URL: {}",
        state.participant_url(demo.dialogue)
    )?;
    writeln!(stdout, "  convenor URL:    {base}/convenor/dialogues/{id}")?;
    writeln!(stdout, "  report:          {base}/d/{id}/report")?;
    writeln!(
        stdout,
        "  analysis (JSON): {base}/api/dialogues/{id}/analysis"
    )?;
    writeln!(
        stdout,
        "  paper cards:     {} keyed from {} by {} ({} votes; the report's voice audit reads them by channel)",
        demo.paper.cards, demo.paper.event, demo.paper.facilitator, demo.paper.votes
    )?;
    writeln!(
        stdout,
        "  card sheet:      {base}/facilitator/dialogues/{id}/sheet (entry screen: {base}/facilitator/dialogues/{id}/cards)"
    )?;
    writeln!(
        stdout,
        "  in two rounds:   {base}/d/{}/report#rounds-heading ({}: {} took part before the fair, {} after)",
        demo.rounds.dialogue,
        crate::demo::rounds::TITLE,
        demo.rounds.first_round,
        demo.rounds.second_round
    )?;
    writeln!(stdout, "  convenor login:  {base}/login")?;
    writeln!(stdout, "    email:         {DEMO_EMAIL}")?;
    writeln!(stdout, "    password:      {}", demo.password)?;
    let partnership = demo.partnership;
    writeln!(
        stdout,
        "Demo partnership {partnership}: {}, {} partners",
        demo.partnership_name, demo.partners
    )?;
    writeln!(
        stdout,
        "  partnership:     {base}/convenor/partnerships/{partnership}"
    )?;
    let mut phases: Vec<(&str, usize)> = Vec::new();
    for objective in &demo.objectives {
        match phases
            .iter_mut()
            .find(|(status, _)| *status == objective.status)
        {
            Some((_, count)) => *count += 1,
            None => phases.push((&objective.status, 1)),
        }
    }
    let phases: Vec<String> = phases
        .iter()
        .map(|(status, count)| format!("{count} {}", status.replace('_', " ")))
        .collect();
    writeln!(
        stdout,
        "  objectives:      {base}/convenor/partnerships/{partnership}/objectives ({})",
        phases.join(", ")
    )?;
    writeln!(
        stdout,
        "  actions:         {base}/convenor/partnerships/{partnership}/accountability ({} actions, {} late)",
        demo.actions, demo.late_actions
    )?;
    writeln!(
        stdout,
        "  outcomes:        {base}/p/{partnership}/outcomes (public: \"you said, we did\")"
    )?;
    writeln!(
        stdout,
        "  trust survey:    {base}/convenor/partnerships/{partnership}/trust (the partners' trust in each other, wave by wave)"
    )?;
    writeln!(
        stdout,
        "  system map:      {base}/convenor/maps/{} ({} factors, {} links: feedback loops, a contested link, and an action whose ripple reaches other partners)",
        demo.map.map, demo.map.factors, demo.map.links
    )?;
    writeln!(
        stdout,
        "  {}'s representative signs in at {base}/login",
        demo.represented_partner
    )?;
    writeln!(stdout, "    email:         {}", demo.representative_email)?;
    writeln!(
        stdout,
        "    password:      {}",
        demo.representative_password
    )?;
    let list = &demo.priorities;
    writeln!(
        stdout,
        "Demo priority list {}: {} ({} options, {} simulated participants, {} comparisons); results: {base}/api/priority-lists/{}/results",
        list.list, list.title, list.options, list.participants, list.comparisons, list.list
    )?;
    writeln!(
        stdout,
        "Northvale and everyone in the demo are made up; the participants, their votes and their comparisons are simulated (seed {DEMO_SEED})."
    )?;
    Ok(())
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
        // The demo is set up through the server's own services, with the clock pinned to
        // each moment of its story, before the server answers anyone.
        let demo_clock = scratch.as_ref().map(|_| Arc::new(DemoClock::default()));
        let clock: SharedClock = match &demo_clock {
            Some(clock) => clock.clone(),
            None => Arc::new(SystemClock),
        };
        let app = Application::build_with_store(config.clone(), store, clock)
            .await
            .context("starting the server")?;
        let demo = match &demo_clock {
            Some(clock) => Some(seed(&app.state(), clock, now_ms()).await?),
            None => None,
        };
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
                print_demo(&mut stdout, &state, &base, demo)?;
            }
            stdout.flush()?;
        }
        app.run_until(stop_requested()).await.context("serving")?;
        drop(scratch);
        Ok(())
    })
}
