//! `cargo xtask bench-compare`: red-dwarf and `commonground analyze` side by side, same files.
//!
//! For the 2M-vote dialogue it runs red-dwarf's Pol.is pipeline (through the runner script
//! `reddwarf_run.py`) and then `commonground analyze`, one after the other, and prints both
//! times, peak memory, and how well each recovered the planted groups. For the 50M-vote
//! dialogue it times `commonground analyze` end to end (red-dwarf needs a dense matrix far
//! larger than this machine's memory there).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::ModelArgs;
use crate::planted::{PlantedConfig, adjusted_rand_index};
use crate::synth;

/// How to get red-dwarf and its runner, said whenever one of them is missing.
const REDDWARF_HELP: &str = "\
red-dwarf runs in its own Python environment:
    python3 -m venv /tmp/rd && /tmp/rd/bin/pip install red-dwarf
The runner script reddwarf_run.py is not part of this repository: it is kept with the project's
shared benchmark references (shared/bench/reddwarf_run.py, next to the repository checkout).
Pass its path with --reddwarf-runner PATH (or CG_REDDWARF_RUNNER=PATH), the Python with
--python PATH (or CG_REDDWARF_PYTHON), or leave red-dwarf out with --skip-reddwarf.";

/// GNU time reports wall time and peak resident memory of a child process.
const GNU_TIME: &str = "/usr/bin/time";

/// util-linux `script` runs a command on a pseudo-terminal, where `commonground` shows its
/// progress messages; their arrival times give the time of each stage.
const SCRIPT: &str = "/usr/bin/script";

/// Arguments of `cargo xtask bench-compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Where the synthetic dialogues are written (reused when already there).
    #[arg(long, default_value = "/tmp/cg-bench")]
    data_dir: PathBuf,
    /// The red-dwarf runner script `reddwarf_run.py`.
    #[arg(long, env = "CG_REDDWARF_RUNNER")]
    reddwarf_runner: Option<PathBuf>,
    /// The Python interpreter that has red-dwarf installed.
    #[arg(long, env = "CG_REDDWARF_PYTHON", default_value = "/tmp/rd/bin/python")]
    python: PathBuf,
    /// A `commonground` binary to time; by default the release build is made and used.
    #[arg(long)]
    commonground: Option<PathBuf>,
    /// Leaves out red-dwarf and only times `commonground analyze`.
    #[arg(long)]
    skip_reddwarf: bool,
    /// Runs of `commonground analyze` on the side-by-side dialogue; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Leaves out the 50M-vote dialogue.
    #[arg(long)]
    skip_large: bool,
    /// Also times the full analysis (`--format json`: Pol.is, bridging and common ground) on
    /// the 50M-vote dialogue, not only the Pol.is pipeline.
    #[arg(long)]
    large_full: bool,
    /// Participants, statements and votes each of the side-by-side dialogue.
    #[arg(long, num_args = 3, value_names = ["P", "S", "V"], default_values_t = [33_000, 2_000, 60])]
    small: Vec<u32>,
    /// Participants, statements and votes each of the large dialogue.
    #[arg(long, num_args = 3, value_names = ["P", "S", "V"], default_values_t = [1_000_000, 5_000, 50])]
    large: Vec<u32>,
    #[command(flatten)]
    model: ModelArgs,
}

/// Wall time, CPU time and peak memory of one child process.
#[derive(Clone, Debug)]
struct Measured {
    seconds: f64,
    /// User plus system time: unlike the wall time, it leaves out waiting for a busy core.
    cpu_seconds: Option<f64>,
    peak_rss_kib: Option<u64>,
    stdout: String,
}

/// What one run of an analysis produced.
#[derive(Clone, Debug)]
struct Outcome {
    measured: Measured,
    groups: BTreeMap<u32, u32>,
}

pub fn run(args: &CompareArgs) -> Result<()> {
    let small = dialogue_config(&args.model, &args.small)?;
    let large = dialogue_config(&args.model, &args.large)?;
    let runner = if args.skip_reddwarf {
        None
    } else {
        Some(check_reddwarf(args)?)
    };
    let has_gnu_time = Path::new(GNU_TIME).is_file();
    if !has_gnu_time {
        say(&format!(
            "note: {GNU_TIME} is missing, so peak memory is not measured (apt-get install time)"
        ))?;
    }

    let has_script = Path::new(SCRIPT).is_file();
    if !has_script {
        say(&format!(
            "note: {SCRIPT} is missing, so stage times are not measured (apt-get install util-linux)"
        ))?;
    }

    let small_dir = ensure_dialogue(&small, &args.data_dir)?;
    let large_dir = if args.skip_large {
        None
    } else {
        Some(ensure_dialogue(&large, &args.data_dir)?)
    };
    let commonground = match &args.commonground {
        Some(path) => path.clone(),
        None => build_commonground()?,
    };

    let mut report = String::new();
    writeln!(report, "\n# bench-compare: {}", machine_description())?;
    let truth = read_truth(&small_dir.join("truth.csv"))?;
    let reddwarf = match &runner {
        Some(runner) => Some(run_reddwarf(args, runner, &small_dir, has_gnu_time)?),
        None => None,
    };
    let runs = args.runs.max(1);
    let ours = run_commonground(
        &commonground,
        &small_dir,
        OurFormat::Polis,
        runs,
        has_gnu_time,
    )?;
    let ours_full = run_commonground(
        &commonground,
        &small_dir,
        OurFormat::Json,
        runs,
        has_gnu_time,
    )?;

    writeln!(
        report,
        "\n## {} ({} votes)",
        dialogue_name(&small),
        total_votes(&small)
    )?;
    if let Some((outcome, timing)) = &reddwarf {
        writeln!(
            report,
            "red-dwarf                        compute {:>8.3} s  total {:>8.3} s  process {:>8.3} s  cpu {}  peak RSS {}  groups {}  ARI vs planted {}",
            timing
                .get("compute_s")
                .and_then(serde_json::Value::as_f64)
                .unwrap_or(f64::NAN),
            timing
                .get("total_s")
                .and_then(serde_json::Value::as_f64)
                .unwrap_or(f64::NAN),
            outcome.measured.seconds,
            format_cpu(outcome.measured.cpu_seconds),
            format_rss(outcome.measured.peak_rss_kib),
            count_groups(&outcome.groups),
            format_ari(&truth, &outcome.groups),
        )?;
    }
    for (format, outcome) in [(OurFormat::Polis, &ours), (OurFormat::Json, &ours_full)] {
        write_outcome(&mut report, format, outcome, &truth)?;
        if has_script {
            write_stage_times(
                &mut report,
                &stage_times(&commonground, &small_dir, format)?,
            )?;
        }
    }
    if let Some((outcome, _)) = &reddwarf {
        writeln!(
            report,
            "groups: ARI commonground vs red-dwarf {} (informational)",
            format_ari(&outcome.groups, &ours.groups)
        )?;
    }

    if let Some(large_dir) = &large_dir {
        let truth = read_truth(&large_dir.join("truth.csv"))?;
        writeln!(
            report,
            "\n## {} ({} votes)",
            dialogue_name(&large),
            total_votes(&large)
        )?;
        let mut formats = vec![OurFormat::Polis];
        if args.large_full {
            formats.push(OurFormat::Json);
        }
        for format in formats {
            let outcome = run_commonground(&commonground, large_dir, format, 1, has_gnu_time)?;
            write_outcome(&mut report, format, &outcome, &truth)?;
            if has_script {
                write_stage_times(&mut report, &stage_times(&commonground, large_dir, format)?)?;
            }
        }
    }
    say(&report)
}

/// Describes the machine and the moment of a measurement: cores, CPU model, date, load.
pub(crate) fn machine_description() -> String {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let date = Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .unwrap_or_default();
    format!(
        "{cores} cores ({cpu}), {date}, load average before the runs {}",
        load_average()
    )
}

/// Returns the 1-minute load average, which says how much other work shared the cores.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "n/a".to_string())
}

fn say(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}").context("writing to stdout")
}

fn dialogue_config(model: &ModelArgs, sizes: &[u32]) -> Result<PlantedConfig> {
    let [participants, statements, votes] = sizes else {
        bail!("a dialogue size is three numbers: participants statements votes-each");
    };
    Ok(model.config(*participants, *statements, *votes))
}

fn dialogue_name(config: &PlantedConfig) -> String {
    format!(
        "{} participants x {} statements x {} votes each, seed {}",
        config.participants, config.statements, config.votes_per_participant, config.seed
    )
}

fn total_votes(config: &PlantedConfig) -> u64 {
    u64::from(config.participants) * u64::from(config.votes_per_participant.min(config.statements))
}

/// Writes the dialogue under `data_dir` unless an identical one is already there.
fn ensure_dialogue(config: &PlantedConfig, data_dir: &Path) -> Result<PathBuf> {
    let dir = data_dir.join(format!(
        "synth-p{}-s{}-v{}-g{}-seed{}",
        config.participants,
        config.statements,
        config.votes_per_participant,
        config.groups,
        config.seed
    ));
    if synth::is_written(config, &dir) {
        say(&format!("reusing {}", dir.display()))?;
    } else {
        say(&format!("writing {} ...", dir.display()))?;
        let summary = synth::write_dialogue(config, &dir)?;
        say(&format!(
            "wrote {} votes in {:.2} s",
            summary.n_votes, summary.seconds
        ))?;
    }
    Ok(dir)
}

/// Checks red-dwarf and its runner before any long step, so a missing piece fails at once.
fn check_reddwarf(args: &CompareArgs) -> Result<PathBuf> {
    let Some(runner) = &args.reddwarf_runner else {
        bail!("the red-dwarf runner script is needed.\n{REDDWARF_HELP}");
    };
    if !runner.is_file() {
        bail!(
            "the red-dwarf runner {} does not exist.\n{REDDWARF_HELP}",
            runner.display()
        );
    }
    let probe = Command::new(&args.python)
        .args(["-c", "import reddwarf"])
        .output();
    match probe {
        Ok(output) if output.status.success() => Ok(runner.clone()),
        Ok(output) => bail!(
            "{} cannot import red-dwarf: {}\n{REDDWARF_HELP}",
            args.python.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ),
        Err(error) => bail!(
            "cannot start {}: {error}\n{REDDWARF_HELP}",
            args.python.display()
        ),
    }
}

/// Builds the release `commonground` binary and returns its path.
pub(crate) fn build_commonground() -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    say("building commonground (release) ...")?;
    let status = Command::new(cargo)
        .args(["build", "--release", "--package", "commonground"])
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build --release --package commonground failed");
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("xtask lives inside the workspace")?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace.join("target"), PathBuf::from);
    Ok(target.join("release").join("commonground"))
}

/// Runs a command, timing it and, with GNU time, measuring its peak resident memory.
fn measure(
    program: &Path,
    arguments: &[&std::ffi::OsStr],
    envs: &[(&str, &str)],
    use_gnu_time: bool,
) -> Result<Measured> {
    let rss_file = tempfile::NamedTempFile::new().context("creating a temporary file")?;
    let mut command = if use_gnu_time {
        let mut command = Command::new(GNU_TIME);
        command
            .args(["-f", "%e %M %U %S", "-o"])
            .arg(rss_file.path())
            .arg(program);
        command
    } else {
        Command::new(program)
    };
    command.args(arguments);
    for (key, value) in envs {
        command.env(key, value);
    }
    let started = Instant::now();
    let output = command
        .output()
        .with_context(|| format!("running {}", program.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        bail!(
            "{} failed ({}):\n{}",
            program.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let (peak_rss_kib, cpu_seconds) = if use_gnu_time {
        let text = std::fs::read_to_string(rss_file.path()).context("reading GNU time's report")?;
        parse_gnu_time(&text)
    } else {
        (None, None)
    };
    Ok(Measured {
        seconds,
        cpu_seconds,
        peak_rss_kib,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
    })
}

fn run_reddwarf(
    args: &CompareArgs,
    runner: &Path,
    dir: &Path,
    use_gnu_time: bool,
) -> Result<(Outcome, serde_json::Value)> {
    say(&format!(
        "running red-dwarf (OMP_NUM_THREADS=1), load average {} ...",
        load_average()
    ))?;
    let out = dir.join("reddwarf.json");
    let votes = dir.join("votes.csv");
    let comments = dir.join("comments.csv");
    let arguments = [
        runner.as_os_str(),
        votes.as_os_str(),
        "--comments".as_ref(),
        comments.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ];
    let measured = measure(
        &args.python,
        &arguments,
        &[("OMP_NUM_THREADS", "1")],
        use_gnu_time,
    )?;
    let timing_line = measured
        .stdout
        .lines()
        .find_map(|line| line.strip_prefix("TIMING "))
        .context("red-dwarf's runner printed no TIMING line")?;
    let timing: serde_json::Value =
        serde_json::from_str(timing_line).context("reading red-dwarf's TIMING line")?;
    let groups = reddwarf_groups(&out)?;
    Ok((Outcome { measured, groups }, timing))
}

/// The output formats of `commonground analyze` the comparison times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OurFormat {
    /// `--format polis`: the Pol.is pipeline alone, red-dwarf's counterpart.
    Polis,
    /// `--format json`: the full analysis (Pol.is pipeline, bridging, common ground).
    Json,
}

impl OurFormat {
    fn name(self) -> &'static str {
        match self {
            OurFormat::Polis => "polis",
            OurFormat::Json => "json",
        }
    }
}

fn run_commonground(
    binary: &Path,
    dir: &Path,
    format: OurFormat,
    runs: usize,
    use_gnu_time: bool,
) -> Result<Outcome> {
    say(&format!(
        "running commonground analyze {} --format {}, load average {} ...",
        dir.display(),
        format.name(),
        load_average()
    ))?;
    let out = dir.join(format!("commonground-{}.json", format.name()));
    let arguments = [
        "analyze".as_ref(),
        dir.as_os_str(),
        "--format".as_ref(),
        format.name().as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ];
    let mut all = Vec::with_capacity(runs.max(1));
    for _ in 0..runs.max(1) {
        all.push(measure(binary, &arguments, &[], use_gnu_time)?);
    }
    // The median run by wall time (the lower middle one for an even count).
    all.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let measured = all.swap_remove((all.len() - 1) / 2);
    let groups = match format {
        OurFormat::Polis => polis_groups(&out)?,
        OurFormat::Json => json_groups(&out)?,
    };
    Ok(Outcome { measured, groups })
}

/// When each stage of a `commonground analyze` run started, in seconds from the start, and
/// when the run ended.
#[derive(Clone, Debug, PartialEq)]
struct StageTimes {
    stages: Vec<(String, f64)>,
    total: f64,
}

/// Runs `commonground analyze` on a pseudo-terminal and times its stages from the progress
/// messages it draws there (redrawn every 120 ms, so each time is good to about 0.1 s).
fn stage_times(binary: &Path, dir: &Path, format: OurFormat) -> Result<StageTimes> {
    let out = dir.join(format!("commonground-{}-stages.json", format.name()));
    let command_line = [
        binary.as_os_str(),
        "analyze".as_ref(),
        dir.as_os_str(),
        "--format".as_ref(),
        format.name().as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]
    .iter()
    .map(|argument| shell_quote(&argument.to_string_lossy()))
    .collect::<Vec<_>>()
    .join(" ");
    say(&format!(
        "timing the stages of commonground analyze --format {} on a terminal, load average {} ...",
        format.name(),
        load_average()
    ))?;
    let started = Instant::now();
    let mut child = Command::new(SCRIPT)
        .args([
            "--quiet",
            "--return",
            "--command",
            &command_line,
            "/dev/null",
        ])
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("running {SCRIPT}"))?;
    let mut output = child.stdout.take().context("script's output")?;
    let mut parser = StageParser::default();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = output
            .read(&mut buffer)
            .context("reading script's output")?;
        if read == 0 {
            break;
        }
        parser.feed(
            &String::from_utf8_lossy(&buffer[..read]),
            started.elapsed().as_secs_f64(),
        );
    }
    let status = child.wait().context("waiting for script")?;
    let total = started.elapsed().as_secs_f64();
    if !status.success() {
        bail!("commonground analyze failed on a terminal ({status})");
    }
    Ok(StageTimes {
        stages: parser.stages,
        total,
    })
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// Picks progress messages out of terminal output as it arrives.
#[derive(Debug, Default)]
struct StageParser {
    /// Text after the last line or carriage-return break, not yet complete.
    pending: String,
    /// When the pending text started to arrive.
    pending_since: Option<f64>,
    stages: Vec<(String, f64)>,
}

impl StageParser {
    fn feed(&mut self, text: &str, now: f64) {
        for character in text.chars() {
            if character == '\r' || character == '\n' {
                let line = std::mem::take(&mut self.pending);
                let since = self.pending_since.take().unwrap_or(now);
                self.take_line(&line, since);
            } else {
                if self.pending.is_empty() {
                    self.pending_since = Some(now);
                }
                self.pending.push(character);
            }
        }
    }

    /// Records a progress message the first time it is drawn: a spinner line
    /// (`⠙ message (3s)`) or a bar line (`reading votes.csv [=====   ] ...`).
    fn take_line(&mut self, line: &str, since: f64) {
        let plain = strip_ansi(line);
        let trimmed = plain.trim_start();
        let is_spinner = trimmed
            .chars()
            .next()
            .is_some_and(|first| ('\u{2800}'..='\u{28ff}').contains(&first));
        let message = if is_spinner {
            trimmed
                .trim_start_matches(|c: char| ('\u{2800}'..='\u{28ff}').contains(&c) || c == ' ')
                .split(" (")
                .next()
        } else if trimmed.starts_with("reading ") {
            trimmed.split(" [").next()
        } else {
            None
        };
        let Some(message) = message.map(str::trim) else {
            return;
        };
        if message.is_empty() || self.stages.iter().any(|(known, _)| known == message) {
            return;
        }
        self.stages.push((message.to_string(), since));
    }
}

fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        if character == '\u{1b}' {
            if characters.peek() == Some(&'[') {
                characters.next();
                // A control sequence ends with its first letter.
                for next in characters.by_ref() {
                    if next.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            plain.push(character);
        }
    }
    plain
}

fn write_stage_times(report: &mut String, times: &StageTimes) -> Result<()> {
    writeln!(
        report,
        "  stages on a terminal (total {:.2} s, good to about 0.1 s):",
        times.total
    )?;
    for (index, (stage, start)) in times.stages.iter().enumerate() {
        let end = times
            .stages
            .get(index + 1)
            .map_or(times.total, |&(_, next)| next);
        writeln!(report, "    {:>7.2} s  {stage}", end - start)?;
    }
    Ok(())
}

fn write_outcome(
    report: &mut String,
    format: OurFormat,
    outcome: &Outcome,
    truth: &BTreeMap<u32, u32>,
) -> Result<()> {
    writeln!(
        report,
        "commonground analyze --format {:<6} process {:>8.3} s  cpu {}  peak RSS {}  groups {}  ARI vs planted {}",
        format.name(),
        outcome.measured.seconds,
        format_cpu(outcome.measured.cpu_seconds),
        format_rss(outcome.measured.peak_rss_kib),
        count_groups(&outcome.groups),
        format_ari(truth, &outcome.groups),
    )?;
    if !outcome.measured.stdout.trim().is_empty() {
        writeln!(report, "  it said: {}", outcome.measured.stdout.trim())?;
    }
    Ok(())
}

fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// Reads the group of every clustered participant from red-dwarf's runner output.
fn reddwarf_groups(path: &Path) -> Result<BTreeMap<u32, u32>> {
    let json = read_json(path)?;
    let participants = json
        .get("participants")
        .and_then(serde_json::Value::as_object)
        .with_context(|| format!("{} has no participants", path.display()))?;
    let mut groups = BTreeMap::new();
    for (participant, entry) in participants {
        let Some(group) = entry.get("group").and_then(serde_json::Value::as_u64) else {
            continue;
        };
        let participant: u32 = participant
            .parse()
            .with_context(|| format!("participant id {participant} in {}", path.display()))?;
        groups.insert(participant, u32::try_from(group).context("group id")?);
    }
    Ok(groups)
}

/// Reads the group of every clustered participant from Common Ground's JSON
/// (`participants[].id` and `participants[].group`).
fn json_groups(path: &Path) -> Result<BTreeMap<u32, u32>> {
    json_groups_of(&read_json(path)?)
        .with_context(|| format!("reading groups from {}", path.display()))
}

fn json_groups_of(json: &serde_json::Value) -> Result<BTreeMap<u32, u32>> {
    let mut groups = BTreeMap::new();
    for participant in json
        .get("participants")
        .and_then(serde_json::Value::as_array)
        .context("no participants list")?
    {
        let id = participant
            .get("id")
            .and_then(serde_json::Value::as_u64)
            .context("a participant without id")?;
        let Some(group) = participant.get("group").and_then(serde_json::Value::as_u64) else {
            continue;
        };
        groups.insert(
            u32::try_from(id).context("participant id out of range")?,
            u32::try_from(group).context("group id out of range")?,
        );
    }
    Ok(groups)
}

/// Reads the group of every clustered participant from Pol.is `math-pca2` JSON: participant
/// to base cluster (`base-clusters.members`), base cluster to group (`group-clusters`).
fn polis_groups(path: &Path) -> Result<BTreeMap<u32, u32>> {
    polis_groups_of(&read_json(path)?)
        .with_context(|| format!("reading groups from {}", path.display()))
}

fn polis_groups_of(json: &serde_json::Value) -> Result<BTreeMap<u32, u32>> {
    let as_u32 = |value: &serde_json::Value| -> Result<u32> {
        let number = value
            .as_u64()
            .context("an id is not a non-negative integer")?;
        u32::try_from(number).context("an id is out of range")
    };
    let base = json.get("base-clusters").context("no base-clusters")?;
    let base_ids = base
        .get("id")
        .and_then(serde_json::Value::as_array)
        .context("no base-clusters.id")?;
    let base_members = base
        .get("members")
        .and_then(serde_json::Value::as_array)
        .context("no base-clusters.members")?;
    let mut group_of_base = BTreeMap::new();
    for group in json
        .get("group-clusters")
        .and_then(serde_json::Value::as_array)
        .context("no group-clusters")?
    {
        let id = as_u32(group.get("id").context("a group without id")?)?;
        for base_id in group
            .get("members")
            .and_then(serde_json::Value::as_array)
            .context("a group without members")?
        {
            group_of_base.insert(as_u32(base_id)?, id);
        }
    }
    let mut groups = BTreeMap::new();
    for (base_id, members) in base_ids.iter().zip(base_members) {
        let Some(&group) = group_of_base.get(&as_u32(base_id)?) else {
            continue;
        };
        for participant in members.as_array().context("base members are not a list")? {
            groups.insert(as_u32(participant)?, group);
        }
    }
    Ok(groups)
}

/// Reads `truth.csv`: the planted group of every participant.
fn read_truth(path: &Path) -> Result<BTreeMap<u32, u32>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut truth = BTreeMap::new();
    for (number, line) in text.lines().enumerate().skip(1) {
        let parsed = line.split_once(',').and_then(|(participant, group)| {
            Some((participant.parse().ok()?, group.parse().ok()?))
        });
        let Some((participant, group)) = parsed else {
            bail!(
                "{} line {}: expected participant,group",
                path.display(),
                number + 1
            );
        };
        truth.insert(participant, group);
    }
    Ok(truth)
}

fn count_groups(groups: &BTreeMap<u32, u32>) -> usize {
    let mut ids: Vec<u32> = groups.values().copied().collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Returns the adjusted Rand index over the participants both labellings cover, and how many.
fn ari_over_common(left: &BTreeMap<u32, u32>, right: &BTreeMap<u32, u32>) -> (f64, usize) {
    let (left_labels, right_labels): (Vec<u32>, Vec<u32>) = left
        .iter()
        .filter_map(|(participant, &label)| Some((label, *right.get(participant)?)))
        .unzip();
    let covered = left_labels.len();
    (adjusted_rand_index(&left_labels, &right_labels), covered)
}

fn format_ari(left: &BTreeMap<u32, u32>, right: &BTreeMap<u32, u32>) -> String {
    let (ari, covered) = ari_over_common(left, right);
    format!("{ari:.4} ({covered} participants)")
}

/// Reads GNU time's `%e %M %U %S` line (the last line; the command's own failure notes come
/// before it): peak resident memory in KiB and user plus system seconds.
fn parse_gnu_time(text: &str) -> (Option<u64>, Option<f64>) {
    let Some(line) = text.lines().last() else {
        return (None, None);
    };
    let fields: Vec<&str> = line.split_whitespace().collect();
    let peak = fields.get(1).and_then(|field| field.parse().ok());
    let user: Option<f64> = fields.get(2).and_then(|field| field.parse().ok());
    let system: Option<f64> = fields.get(3).and_then(|field| field.parse().ok());
    (peak, user.zip(system).map(|(user, system)| user + system))
}

fn format_cpu(seconds: Option<f64>) -> String {
    seconds.map_or_else(|| "n/a".to_string(), |seconds| format!("{seconds:>7.2} s"))
}

fn format_rss(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "n/a".to_string(),
        |kib| format!("{:.0} MiB", kib as f64 / 1024.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polis_groups_follow_participants_through_base_clusters() {
        let json = serde_json::json!({
            "base-clusters": {"id": [0, 1, 2], "members": [[10, 11], [12], [13, 14]],
                              "x": [0.0, 0.0, 0.0], "y": [0.0, 0.0, 0.0], "count": [2, 1, 2]},
            "group-clusters": [{"id": 0, "members": [0, 2], "center": [0.0, 0.0]},
                               {"id": 1, "members": [1], "center": [1.0, 1.0]}],
        });
        let groups = polis_groups_of(&json).unwrap();
        assert_eq!(
            groups.into_iter().collect::<Vec<_>>(),
            vec![(10, 0), (11, 0), (12, 1), (13, 0), (14, 0)]
        );
    }

    #[test]
    fn json_groups_skip_participants_outside_the_groups() {
        let json = serde_json::json!({"participants": [
            {"id": 4, "group": 1, "in_conv": true},
            {"id": 9, "group": null, "in_conv": false},
            {"id": 2, "group": 0, "in_conv": true},
        ]});
        let groups = json_groups_of(&json).unwrap();
        assert_eq!(groups.into_iter().collect::<Vec<_>>(), vec![(2, 0), (4, 1)]);
    }

    #[test]
    fn stage_messages_are_taken_from_spinner_and_bar_lines_once() {
        let mut parser = StageParser::default();
        parser.feed("\u{1b}[2Kreading votes.csv [====      ] 1 MiB/4 MiB\r", 0.0);
        parser.feed("\u{1b}[2Kreading votes.csv [==========] 4 MiB/4 MiB\r", 0.5);
        parser.feed("\u{1b}[2K\u{2819} building the vote ", 1.0);
        parser.feed(
            "matrix (0s)\r\u{1b}[2K\u{281a} building the vote matrix (1s)\r",
            1.1,
        );
        parser.feed(
            "kmeans noise line\n\u{2812} forming base clusters (2s)\r",
            2.0,
        );
        assert_eq!(
            parser.stages,
            vec![
                ("reading votes.csv".to_string(), 0.0),
                ("building the vote matrix".to_string(), 1.0),
                ("forming base clusters".to_string(), 2.0),
            ]
        );
    }

    #[test]
    fn gnu_time_reports_give_peak_memory_and_cpu_time() {
        let (peak, cpu) =
            parse_gnu_time("Command exited with non-zero status 1\n70.84 3211264 52.10 6.30\n");
        assert_eq!(peak, Some(3_211_264));
        assert!((cpu.unwrap() - 58.4).abs() < 1e-9);
        assert_eq!(parse_gnu_time(""), (None, None));
    }

    #[test]
    fn shell_quoting_survives_single_quotes() {
        assert_eq!(shell_quote("/tmp/it's here"), "'/tmp/it'\\''s here'");
    }

    #[test]
    fn polis_groups_reject_a_file_without_base_clusters() {
        let json = serde_json::json!({"group-clusters": []});
        assert!(polis_groups_of(&json).is_err());
    }

    #[test]
    fn ari_counts_only_participants_in_both() {
        let truth: BTreeMap<u32, u32> = [(1, 0), (2, 0), (3, 1), (4, 1), (5, 1)].into();
        let found: BTreeMap<u32, u32> = [(1, 7), (2, 7), (3, 4), (4, 4)].into();
        let (ari, covered) = ari_over_common(&truth, &found);
        assert_eq!(covered, 4);
        assert!((ari - 1.0).abs() < 1e-12);
    }

    #[test]
    fn a_missing_runner_explains_how_to_get_it() {
        let args = CompareArgs {
            data_dir: PathBuf::from("/nonexistent"),
            reddwarf_runner: None,
            python: PathBuf::from("/nonexistent/python"),
            commonground: None,
            skip_reddwarf: false,
            runs: 1,
            skip_large: true,
            large_full: false,
            small: vec![10, 10, 5],
            large: vec![10, 10, 5],
            model: ModelArgs {
                groups: 3,
                seed: 0,
                pass_rate: 0.15,
                consensus_frac: 0.3,
                mod_out_frac: 0.02,
            },
        };
        let message = check_reddwarf(&args).unwrap_err().to_string();
        assert!(message.contains("pip install red-dwarf"), "{message}");
        assert!(message.contains("--reddwarf-runner"), "{message}");
    }
}
