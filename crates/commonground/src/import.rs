//! `commonground import`: creates a dialogue from a Pol.is export folder, keeping every
//! statement (whatever its length), participant, vote event with its time, and moderation.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use engine::{Moderation, Vote};
use model::{
    Description, DialogueQuestion, DialogueTitle, ModerationPolicy, ModerationStatus,
    PartnershipId, PartnershipName, Purpose, ReportVisibility, VoteChoice,
};
use store::{
    DialogueImport, DialogueSettings, ImportSummary, ImportedStatement, ImportedVote,
    NewPartnership, Store,
};

use crate::config::{DatabaseArgs, process_env};
use crate::polis_files::{self, sign, sign::VoteSign};
use crate::progress::Progress;

/// The partnership imports go to when none is named.
pub const DEFAULT_PARTNERSHIP: &str = "Imported dialogues";

/// Arguments of `commonground import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A Pol.is open-data export folder (votes.csv, comments.csv) or API dump folder.
    pub folder: PathBuf,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The partnership that will own the dialogue (created if missing).
    #[arg(long, value_name = "NAME", default_value = DEFAULT_PARTNERSHIP)]
    pub partnership: String,
    /// The dialogue's title (default: the export's topic, else the folder name).
    #[arg(long)]
    pub title: Option<String>,
    /// The dialogue's description.
    #[arg(long)]
    pub description: Option<String>,
    /// How the export's votes are signed (see `commonground analyze --help`).
    #[arg(long, value_enum, default_value_t = VoteSign::Auto)]
    pub vote_sign: VoteSign,
}

/// What to create besides the export's own content.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The partnership that will own the dialogue.
    pub partnership: String,
    /// The title; the export's topic or the folder name when absent.
    pub title: Option<String>,
    /// The description.
    pub description: String,
    /// When the import happens, in ms since the epoch (statements without votes get this time).
    pub now_ms: i64,
    /// How the export's votes are signed.
    pub vote_sign: VoteSign,
}

/// Returns the first `limit` characters of `text`.
fn truncated(text: &str, limit: usize) -> String {
    text.trim().chars().take(limit).collect()
}

/// Returns the partnership with this name, creating it if needed.
pub async fn partnership_named(
    store: &dyn Store,
    name: &str,
    now_ms: i64,
) -> anyhow::Result<PartnershipId> {
    let name = PartnershipName::parse(name).context("invalid partnership name")?;
    let existing = store.list_partnerships().await?;
    if let Some(found) = existing.iter().find(|partnership| partnership.name == name) {
        return Ok(found.id);
    }
    let created = store
        .create_partnership(NewPartnership {
            name,
            purpose: Purpose::parse("").context("empty purpose")?,
            created_at: now_ms,
            convenor: None,
        })
        .await?;
    Ok(created.id)
}

/// Reads a Pol.is export folder and creates its dialogue in the store.
pub async fn import_folder(
    store: &dyn Store,
    folder: &Path,
    options: &ImportOptions,
) -> anyhow::Result<ImportSummary> {
    let folder = polis_files::export_folder(folder);
    let layout = polis_files::detect_layout(&folder)?;
    let mut export = {
        let folder = folder.clone();
        tokio::task::spawn_blocking(move || {
            polis_files::read_export(&folder, layout, &Progress::hidden())
        })
        .await
        .context("reading the export stopped unexpectedly")??
    };
    sign::settle(
        &mut export.votes,
        &export.statements,
        options.vote_sign,
        &folder.join(layout.votes_file()),
    )?;

    let mut first_vote: BTreeMap<u32, i64> = BTreeMap::new();
    for vote in &export.votes {
        let entry = first_vote.entry(vote.statement.0).or_insert(vote.timestamp);
        *entry = (*entry).min(vote.timestamp);
    }
    let mut statements: Vec<ImportedStatement> = export
        .statements
        .iter()
        .map(|statement| ImportedStatement {
            external_id: statement.info.id.0.to_string(),
            text: statement.text.clone(),
            is_seed: statement.info.author.is_none(),
            is_meta: statement.info.is_meta,
            moderation: match statement.info.moderation {
                Moderation::Accepted => ModerationStatus::Accepted,
                Moderation::Unmoderated => ModerationStatus::Pending,
                Moderation::Rejected => ModerationStatus::Rejected,
            },
            author: statement.info.author.map(|author| author.0.to_string()),
            created_at: first_vote
                .get(&statement.info.id.0)
                .copied()
                .unwrap_or(options.now_ms),
        })
        .collect();
    // Votes on statements the export does not describe still count: keep them, without text.
    let described: std::collections::HashSet<_> = export
        .statements
        .iter()
        .map(|statement| statement.info.id.0)
        .collect();
    for (&statement, &created_at) in &first_vote {
        if !described.contains(&statement) {
            let id = statement.to_string();
            statements.push(ImportedStatement {
                external_id: id,
                text: String::new(),
                is_seed: true,
                is_meta: false,
                moderation: ModerationStatus::Pending,
                author: None,
                created_at,
            });
        }
    }
    let votes: Vec<ImportedVote> = export
        .votes
        .iter()
        .map(|vote| ImportedVote {
            participant: vote.participant.0.to_string(),
            statement: vote.statement.0.to_string(),
            choice: match vote.vote {
                Vote::Agree => VoteChoice::Agree,
                Vote::Disagree => VoteChoice::Disagree,
                Vote::Pass => VoteChoice::Pass,
            },
            cast_at: vote.timestamp,
        })
        .collect();

    let folder_name = folder
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Imported dialogue".to_owned());
    let title_text = options
        .title
        .clone()
        .or_else(|| export.topic.clone())
        .filter(|title| !title.trim().is_empty())
        .unwrap_or_else(|| folder_name.clone());
    let title = DialogueTitle::parse(&truncated(&title_text, DialogueTitle::MAX_CHARS))
        .context("invalid dialogue title")?;
    let question_text = export.topic.clone().unwrap_or_else(|| title_text.clone());
    let question = DialogueQuestion::parse(&truncated(&question_text, DialogueQuestion::MAX_CHARS))
        .or_else(|_| DialogueQuestion::parse(title.as_str()))
        .context("invalid dialogue question")?;
    let description = Description::parse(&truncated(&options.description, Description::MAX_CHARS))
        .context("invalid dialogue description")?;
    let partnership = partnership_named(store, &options.partnership, options.now_ms).await?;
    let created_at = first_vote.values().min().copied().unwrap_or(options.now_ms);

    let summary = store
        .import_dialogue(DialogueImport {
            partnership,
            settings: DialogueSettings {
                title,
                question,
                description,
                allow_participant_statements: true,
                moderation: ModerationPolicy::Post,
                report_visibility: ReportVisibility::Public,
            },
            constituencies: Vec::new(),
            is_open: true,
            created_by: None,
            external_id: Some(folder_name),
            created_at,
            statements,
            participants: Vec::new(),
            votes,
        })
        .await
        .with_context(|| format!("importing {}", folder.display()))?;
    Ok(summary)
}

/// Returns the current time in ms since the epoch.
pub fn now_ms() -> i64 {
    let elapsed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
}

/// Opens the store a data command names.
pub async fn open_store(database: &DatabaseArgs) -> anyhow::Result<Arc<dyn Store>> {
    let url = database.url(&process_env);
    store::connect(&url)
        .await
        .with_context(|| format!("opening the database {url}"))
}

/// Runs `commonground import`.
pub fn run(args: &ImportArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async {
        let store = open_store(&args.database).await?;
        let summary = import_folder(
            store.as_ref(),
            &args.folder,
            &ImportOptions {
                partnership: args.partnership.clone(),
                title: args.title.clone(),
                description: args.description.clone().unwrap_or_default(),
                now_ms: now_ms(),
                vote_sign: args.vote_sign,
            },
        )
        .await?;
        eprintln!(
            "imported {} statements, {} participants and {} vote events ({} latest votes)",
            summary.statements.len(),
            summary.participants.len(),
            summary.vote_events,
            summary.votes
        );
        store.close().await;
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{}", summary.dialogue).context("writing to stdout")?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use engine::VoteMatrix;
    use server::export::{self, polis_csv};

    use super::*;

    fn read(folder: &Path) -> polis_files::PolisExport {
        let layout = polis_files::detect_layout(folder).unwrap();
        polis_files::read_export(folder, layout, &Progress::hidden()).unwrap()
    }

    fn latest_votes(export: &polis_files::PolisExport) -> BTreeSet<(u32, u32, i8)> {
        VoteMatrix::from_records(&export.votes)
            .to_records()
            .into_iter()
            .map(|record| {
                (
                    record.participant.0,
                    record.statement.0,
                    record.vote.value(),
                )
            })
            .collect()
    }

    fn statements(
        export: &polis_files::PolisExport,
    ) -> Vec<(u32, String, Moderation, Option<u32>)> {
        export
            .statements
            .iter()
            .map(|statement| {
                (
                    statement.info.id.0,
                    statement.text.clone(),
                    statement.info.moderation,
                    statement.info.author.map(|author| author.0),
                )
            })
            .collect()
    }

    #[tokio::test]
    async fn every_bundled_conversation_survives_import_then_export() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/polis-opendata");
        let mut folders: Vec<PathBuf> = std::fs::read_dir(&data)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.join("votes.csv").is_file())
            .collect();
        folders.sort();
        assert!(folders.len() >= 9, "{folders:?}");
        let scratch = tempfile::tempdir().unwrap();
        let database = format!("sqlite:{}", scratch.path().join("round-trip.db").display());
        let store = store::connect(&database).await.unwrap();
        for folder in folders {
            let summary = import_folder(
                store.as_ref(),
                &folder,
                &ImportOptions {
                    partnership: DEFAULT_PARTNERSHIP.to_owned(),
                    title: None,
                    description: String::new(),
                    now_ms: 0,
                    vote_sign: VoteSign::Auto,
                },
            )
            .await
            .unwrap();
            let dump = export::load(store.as_ref(), summary.dialogue)
                .await
                .unwrap();
            let files = polis_csv(&dump.export_data(None));
            let out = scratch.path().join(folder.file_name().unwrap());
            std::fs::create_dir_all(&out).unwrap();
            for (name, contents) in files.files() {
                std::fs::write(out.join(name), contents).unwrap();
            }
            let original = read(&folder);
            let exported = read(&out);
            assert_eq!(
                latest_votes(&exported),
                latest_votes(&original),
                "{folder:?}"
            );
            assert_eq!(exported.votes.len(), original.votes.len(), "{folder:?}");
            assert_eq!(statements(&exported), statements(&original), "{folder:?}");
            assert_eq!(exported.topic, original.topic, "{folder:?}");
        }
    }
}
