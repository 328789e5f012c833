//! `commonground analyze`: reads a Pol.is export, checks it, runs the analysis and writes the
//! result in the chosen format.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use engine::analysis::{self, Analysis, AnalysisConfig, AnalysisStage};
use engine::common_ground::{
    Constituency as EngineConstituency, ConstituencyKind as EngineKind, Weighting,
};
use engine::pipeline::{self, PolisAnalysis, Stage};
use engine::replay::{self, ReplayConfig, ReplayStage};
use engine::{Moderation, ParticipantId, PolisState, StatementInfo, VoteMatrix, VoteRecord};

use crate::UsageError;
use crate::output::{self, Format};
use crate::polis_files::constituencies::{self, Constituency, ConstituencyKind, Membership};
use crate::polis_files::math_state::MathPca2;
use crate::polis_files::sign::{self, AuthorVotes, VoteSign};
use crate::polis_files::{self, Layout, Statement};
use crate::progress::Progress;

/// Arguments of `commonground analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// A Pol.is open-data export folder (votes.csv, comments.csv) or API dump folder
    /// (votes.json, comments.json, optional conversation.json and math-pca2.json).
    pub path: PathBuf,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Summary)]
    pub format: Format,
    /// Write the output to this file (atomically) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The seed for every random choice of the analysis.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
    /// How the input's votes are signed; `auto` reads agree = +1 and refuses files that look
    /// like the raw Pol.is convention (agree = -1).
    #[arg(long, value_enum, default_value_t = VoteSign::Auto)]
    pub vote_sign: VoteSign,
    /// Participants' constituencies (`participant,constituencies`, names separated by `;`);
    /// by default `participants.csv` beside the votes, if present.
    #[arg(long, value_name = "FILE")]
    pub participants: Option<PathBuf>,
    /// Expected constituencies (`constituency,expected_share[,kind]`, kind lay or
    /// professional); by default `constituencies.csv` beside the votes, if present.
    #[arg(long, value_name = "FILE")]
    pub constituencies: Option<PathBuf>,
    /// Rebuild Pol.is's history from the vote timestamps before analysing: run the pipeline
    /// after every window of `--replay-cadence-ms` that holds votes, then once more as after
    /// Pol.is reloads a conversation. Base-cluster ids, the participants admitted to
    /// clustering and the groups then follow the order in which votes arrived. A
    /// `math-pca2.json` beside the votes is Pol.is's own state and is used instead.
    #[arg(long)]
    pub replay_history: bool,
    /// The window of `--replay-history` in milliseconds (Pol.is looks for new votes every
    /// 1000 ms).
    #[arg(
        long,
        value_name = "N",
        default_value_t = replay::POLIS_CADENCE_MS,
        value_parser = clap::value_parser!(u32).range(1..),
        requires = "replay_history"
    )]
    pub replay_cadence_ms: u32,
    /// How participants are weighed in the common-ground tallies: `head-count` (all 1),
    /// `equal` (each constituency, and the unaffiliated, weighs the same) or `frame`
    /// (constituencies weigh as their population shares, from `--frame-shares`). By default
    /// `equal` when constituencies are known, `head-count` otherwise. The opinion map stays
    /// head-count, as in Pol.is.
    #[arg(long, value_enum)]
    pub weighting: Option<WeightingArg>,
    /// Population shares for `--weighting frame`, as `name=share` pairs separated by commas
    /// (e.g. `residents=0.8,carers=0.15,GPs=0.05`); a constituency without one has its equal
    /// share.
    #[arg(long, value_name = "NAME=SHARE,...", requires = "weighting")]
    pub frame_shares: Option<String>,
}

/// The weightings of `--weighting`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum WeightingArg {
    /// Every voter weighs 1.
    HeadCount,
    /// Each constituency's voters together weigh the same, and so do the unaffiliated.
    Equal,
    /// Constituencies weigh as their population shares (`--frame-shares`).
    Frame,
}

impl From<WeightingArg> for Weighting {
    fn from(weighting: WeightingArg) -> Weighting {
        match weighting {
            WeightingArg::HeadCount => Weighting::HeadCount,
            WeightingArg::Equal => Weighting::Equal,
            WeightingArg::Frame => Weighting::Frame,
        }
    }
}

/// Reads `--frame-shares` against the constituencies, by name.
fn frame_shares(
    given: Option<&str>,
    constituencies: &[EngineConstituency],
) -> anyhow::Result<Vec<Option<f64>>> {
    let mut shares = vec![None; constituencies.len()];
    let Some(given) = given else {
        return Ok(shares);
    };
    for pair in given
        .split(',')
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
    {
        let (name, share) = pair.split_once('=').ok_or_else(|| {
            UsageError(format!(
                "--frame-shares: `{pair}` is not NAME=SHARE (e.g. carers=0.15)"
            ))
        })?;
        let (name, share) = (name.trim(), share.trim());
        let value: f64 = share
            .parse()
            .ok()
            .filter(|value: &f64| value.is_finite() && (0.0..=1.0).contains(value))
            .ok_or_else(|| {
                UsageError(format!(
                    "--frame-shares: the share of `{name}` must be a number from 0 to 1, not `{share}`"
                ))
            })?;
        let index = constituencies
            .iter()
            .position(|constituency| constituency.name == name)
            .ok_or_else(|| {
                UsageError(format!(
                    "--frame-shares: no constituency is named `{name}` (known: {})",
                    constituencies
                        .iter()
                        .map(|constituency| constituency.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
        shares[index] = Some(value);
    }
    Ok(shares)
}

/// A checked export, ready for the engine.
#[derive(Debug)]
pub struct LoadedExport {
    /// The export folder.
    pub folder: PathBuf,
    /// Its layout.
    pub layout: Layout,
    /// The dialogue's question, when the export names it.
    pub topic: Option<String>,
    /// Every statement the export lists, plus any that only appear in votes; sorted by id.
    pub statements: Vec<Statement>,
    /// Statements that have votes but no row in the statements file.
    pub unlisted_statements: usize,
    /// The latest votes (agree = +1).
    pub matrix: VoteMatrix,
    /// Vote rows read, superseded ones included.
    pub vote_rows: usize,
    /// The authors' earliest votes on their own statements, as analysed (after any negation).
    pub author_votes: AuthorVotes,
    /// Whether the votes were negated on reading.
    pub is_negated: bool,
    /// Who belongs to which constituency, when a participants file was found.
    pub memberships: Option<Vec<Membership>>,
    /// The expected constituencies, when a constituencies file was found.
    pub constituencies: Option<Vec<Constituency>>,
    /// Pol.is's last analysis, from an API dump's `math-pca2.json`.
    pub math: Option<MathPca2>,
    /// Every vote row with its timestamp, kept only when the history is to be replayed.
    pub vote_records: Option<Vec<VoteRecord>>,
}

impl LoadedExport {
    /// Returns the engine's view of the statements.
    pub fn statement_infos(&self) -> Vec<StatementInfo> {
        self.statements
            .iter()
            .map(|statement| statement.info.clone())
            .collect()
    }
}

/// What the analysis produced: the Pol.is part alone for `--format polis`, or everything.
pub enum Outcome {
    /// The Pol.is pipeline only.
    Polis(Box<PolisAnalysis>),
    /// Pol.is pipeline, bridging and common ground.
    Full(Box<Analysis>),
}

/// Runs `commonground analyze`.
pub fn run(args: &AnalyzeArgs) -> anyhow::Result<()> {
    let folder = polis_files::export_folder(&args.path);
    let layout = polis_files::detect_layout(&folder)?;
    let votes_bytes = std::fs::metadata(folder.join(layout.votes_file()))
        .map(|meta| meta.len())
        .unwrap_or(0);
    let progress = Progress::for_input(votes_bytes);
    let loaded = load(&folder, layout, args, &progress)?;
    report_hygiene(&loaded);
    let polis_state = previous_state(&loaded)?;
    let continues_polis_state = polis_state.is_some();
    let previous = match polis_state {
        Some(state) => {
            if args.replay_history {
                eprintln!(
                    "note: the analysis continues from Pol.is's own state in {}, so the \
                     history was not replayed (--replay-history is for exports without it)",
                    loaded.folder.join("math-pca2.json").display()
                );
            }
            Some(state)
        }
        None if args.replay_history => replayed_state(&loaded, args, &progress),
        None => None,
    };
    let outcome = analyse(&loaded, previous.as_ref(), args, &progress)?;
    if args.format != Format::Summary {
        // The summary lists them itself.
        report_warnings(&outcome);
    }

    progress.stage("writing the result");
    let bytes = match (&outcome, args.format) {
        (Outcome::Polis(polis), _) => output::polis::render(polis)?,
        (Outcome::Full(analysis), Format::Json) => {
            output::json::render(&loaded, analysis, args.seed, continues_polis_state)?
        }
        (Outcome::Full(analysis), _) => output::summary::render(&loaded, analysis).into_bytes(),
    };
    progress.finish();
    output::write(&bytes, args.out.as_deref())
}

/// Converts an API dump's `math-pca2.json` into the state the analysis continues from.
fn previous_state(loaded: &LoadedExport) -> anyhow::Result<Option<PolisState>> {
    loaded
        .math
        .as_ref()
        .map(|math| {
            math.to_previous_state().map_err(|reason| {
                anyhow!(
                    "{}: {reason}",
                    loaded.folder.join("math-pca2.json").display()
                )
            })
        })
        .transpose()
}

/// Replays the votes in time order and returns the state the analysis starts from, as Pol.is
/// would hold it after reloading the conversation.
fn replayed_state(
    loaded: &LoadedExport,
    args: &AnalyzeArgs,
    progress: &Progress,
) -> Option<PolisState> {
    let records = loaded.vote_records.as_deref().unwrap_or_default();
    let config = AnalysisConfig::with_seed(args.seed);
    let settings = ReplayConfig {
        cadence_ms: args.replay_cadence_ms,
        max_runs: replay::DEFAULT_MAX_RUNS,
    };
    let history = replay::history(
        records,
        &loaded.statement_infos(),
        &config.polis,
        &settings,
        &|stage| {
            if let ReplayStage::Window { run, of } = stage {
                progress.stage(&format!("replaying the history: run {run} of {of}"));
            }
        },
    );
    if history.warm_runs < history.windows {
        eprintln!(
            "note: the votes fall into {} windows of {} ms; adjacent windows were merged so \
             that the history replay makes {} runs",
            history.windows, args.replay_cadence_ms, history.warm_runs
        );
    }
    history.state
}

/// Runs the engine: only the Pol.is pipeline for `--format polis`, everything otherwise.
fn analyse(
    loaded: &LoadedExport,
    previous: Option<&PolisState>,
    args: &AnalyzeArgs,
    progress: &Progress,
) -> anyhow::Result<Outcome> {
    let statements = loaded.statement_infos();
    let config = AnalysisConfig::with_seed(args.seed);
    if args.format == Format::Polis {
        return Ok(Outcome::Polis(Box::new(pipeline::run_with_progress(
            &loaded.matrix,
            &statements,
            previous,
            &config.polis,
            &|stage| progress.stage(stage_message(AnalysisStage::Polis(stage))),
        ))));
    }
    let (constituencies, memberships) = engine_constituencies(loaded);
    let frame_shares = frame_shares(args.frame_shares.as_deref(), &constituencies)?;
    if args.frame_shares.is_some() && args.weighting != Some(WeightingArg::Frame) {
        return Err(UsageError("--frame-shares needs --weighting frame".to_owned()).into());
    }
    let participants: Vec<ParticipantId> = loaded
        .memberships
        .iter()
        .flatten()
        .map(|membership| membership.participant)
        .collect();
    let input = analysis::AnalysisInput {
        matrix: &loaded.matrix,
        statements: &statements,
        participants: &participants,
        constituencies: &constituencies,
        memberships: &memberships,
        previous,
        weighting: args.weighting.map(Weighting::from),
        frame_shares: &frame_shares,
    };
    Ok(Outcome::Full(Box::new(analysis::run_with_progress(
        &input,
        &config,
        &|stage| progress.stage(stage_message(stage)),
    ))))
}

/// Names a stage of the analysis for the progress bar.
fn stage_message(stage: AnalysisStage) -> &'static str {
    match stage {
        AnalysisStage::Polis(Stage::Matrix) => "counting votes",
        AnalysisStage::Polis(Stage::InConv) => "choosing the participants to cluster",
        AnalysisStage::Polis(Stage::Pca) => "computing principal components",
        AnalysisStage::Polis(Stage::Projection) => "projecting participants and statements",
        AnalysisStage::Polis(Stage::BaseClusters) => "forming base clusters",
        AnalysisStage::Polis(Stage::Groups) => "forming opinion groups",
        AnalysisStage::Polis(Stage::Statistics) => "computing group statistics",
        AnalysisStage::Bridging => "fitting the bridging model",
        AnalysisStage::CommonGround => "finding common ground",
    }
}

/// The engine's constituencies and each participant's memberships by index.
///
/// With a constituencies file its order is kept; with a participants file alone the names
/// found there are used, sorted, without expected shares.
fn engine_constituencies(
    loaded: &LoadedExport,
) -> (Vec<EngineConstituency>, Vec<(ParticipantId, Vec<usize>)>) {
    let constituencies: Vec<EngineConstituency> = match &loaded.constituencies {
        Some(listed) => listed
            .iter()
            .map(|constituency| EngineConstituency {
                name: constituency.name.clone(),
                expected_share: Some(constituency.expected_share),
                kind: constituency.kind.map(|kind| match kind {
                    ConstituencyKind::Lay => EngineKind::Lay,
                    ConstituencyKind::Professional => EngineKind::Professional,
                }),
            })
            .collect(),
        None => {
            let mut names: Vec<&String> = loaded
                .memberships
                .iter()
                .flatten()
                .flat_map(|membership| &membership.constituencies)
                .collect();
            names.sort_unstable();
            names.dedup();
            names
                .into_iter()
                .map(|name| EngineConstituency {
                    name: name.clone(),
                    expected_share: None,
                    kind: None,
                })
                .collect()
        }
    };
    let index_of = |name: &String| {
        constituencies
            .iter()
            .position(|constituency| &constituency.name == name)
    };
    let memberships = loaded
        .memberships
        .iter()
        .flatten()
        .map(|membership| {
            let mut indices: Vec<usize> = membership
                .constituencies
                .iter()
                .filter_map(index_of)
                .collect();
            indices.sort_unstable();
            indices.dedup();
            (membership.participant, indices)
        })
        .collect();
    (constituencies, memberships)
}

/// Tells the user on stderr what limited the analysis.
fn report_warnings(outcome: &Outcome) {
    let messages = match outcome {
        Outcome::Polis(polis) => server::report::document::polis_warnings(polis),
        Outcome::Full(analysis) => server::report::document::warnings(analysis),
    };
    for message in messages {
        eprintln!("warning: {message}");
    }
}

/// Reads and checks an export folder.
pub fn load(
    folder: &Path,
    layout: Layout,
    args: &AnalyzeArgs,
    progress: &Progress,
) -> anyhow::Result<LoadedExport> {
    let export = polis_files::read_export(folder, layout, progress)
        .with_context(|| format!("cannot read the {layout} in {}", folder.display()))?;
    let polis_files::PolisExport {
        topic,
        mut votes,
        mut statements,
        math,
        ..
    } = export;
    let votes_path = folder.join(layout.votes_file());

    progress.stage("checking vote signs");
    let is_negated = args.vote_sign == VoteSign::AgreeNegative;
    let author_votes = sign::settle(&mut votes, &statements, args.vote_sign, &votes_path)?;

    let (memberships, constituencies) = read_constituency_files(folder, args)?;

    progress.stage("building the vote matrix");
    let matrix = VoteMatrix::from_records(&votes);
    let vote_rows = votes.len();
    // The history replay needs every row with its time; otherwise the rows can go.
    let vote_records = (args.replay_history && math.is_none()).then_some(votes);
    let unlisted_statements = add_unlisted_statements(&mut statements, &matrix);

    Ok(LoadedExport {
        folder: folder.to_path_buf(),
        layout,
        topic,
        statements,
        unlisted_statements,
        matrix,
        vote_rows,
        author_votes,
        is_negated,
        memberships,
        constituencies,
        math,
        vote_records,
    })
}

/// The participants' constituencies and the expected constituencies, if given or present.
type ConstituencyFiles = (Option<Vec<Membership>>, Option<Vec<Constituency>>);

/// Reads `participants.csv` and `constituencies.csv`: the files named on the command line, or
/// else the ones beside the votes, if present.
fn read_constituency_files(folder: &Path, args: &AnalyzeArgs) -> anyhow::Result<ConstituencyFiles> {
    let pick = |given: &Option<PathBuf>, default: &str| -> Option<PathBuf> {
        match given {
            Some(path) => Some(path.clone()),
            None => Some(folder.join(default)).filter(|path| path.is_file()),
        }
    };
    let memberships_path = pick(&args.participants, "participants.csv");
    let constituencies_path = pick(&args.constituencies, "constituencies.csv");
    let memberships = memberships_path
        .as_deref()
        .map(constituencies::read_memberships)
        .transpose()?;
    let listed = constituencies_path
        .as_deref()
        .map(constituencies::read_constituencies)
        .transpose()?;
    if let (Some(memberships), Some(listed), Some(memberships_path), Some(constituencies_path)) = (
        &memberships,
        &listed,
        &memberships_path,
        &constituencies_path,
    ) {
        constituencies::check_names(memberships, listed, memberships_path, constituencies_path)?;
    }
    Ok((memberships, listed))
}

/// Adds a statement for every voted-on id the statements file does not list, and returns how
/// many were added. They are analysed as unmoderated statements without a known author.
fn add_unlisted_statements(statements: &mut Vec<Statement>, matrix: &VoteMatrix) -> usize {
    let before = statements.len();
    for &id in matrix.statements() {
        if statements
            .binary_search_by_key(&id, |statement| statement.info.id)
            .is_err()
        {
            statements.push(Statement {
                info: StatementInfo {
                    id,
                    moderation: Moderation::Unmoderated,
                    is_meta: false,
                    author: None,
                },
                text: String::new(),
            });
        }
    }
    let added = statements.len() - before;
    if added > 0 {
        statements.sort_by_key(|statement| statement.info.id);
    }
    added
}

/// Tells the user on stderr what was done to the input.
fn report_hygiene(input: &LoadedExport) {
    let superseded = input.matrix.superseded_votes();
    if superseded > 0 {
        eprintln!(
            "note: {superseded} of {} vote rows were superseded by a later vote of the same \
             participant on the same statement; the latest vote counts",
            input.vote_rows
        );
    }
    if input.unlisted_statements > 0 {
        eprintln!(
            "note: {} statements have votes but are not listed in the statements file; \
             they are analysed as unmoderated",
            input.unlisted_statements
        );
    }
    if input.is_negated {
        eprintln!("note: every vote was negated (--vote-sign agree-negative)");
    }
}
