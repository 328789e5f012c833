//! `commonground verify-record`: checks that each partnership's record of objectives, stances and
//! actions is the unbroken hash chain it was written as, so that a changed, inserted or removed
//! entry is found. Prints one line per partnership; exits with 1 when any chain is broken.

use std::io::Write as _;

use anyhow::{Context, bail};
use model::PartnershipId;
use model::record::verify;
use store::prelude::*;

use crate::config::DatabaseArgs;
use crate::import::open_store;

/// Arguments of `commonground verify-record`.
#[derive(Debug, clap::Args)]
pub struct VerifyRecordArgs {
    /// Check only this partnership (by id); every partnership otherwise.
    #[arg(long, value_name = "ID")]
    pub partnership: Option<i64>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

/// Runs `commonground verify-record`.
pub fn run(args: &VerifyRecordArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    let lines = runtime.block_on(async {
        let store = open_store(&args.database).await?;
        let result = check(store.as_ref(), args.partnership).await;
        store.close().await;
        result
    })?;
    let mut stdout = std::io::stdout().lock();
    let mut broken = 0;
    for line in &lines {
        if !line.is_intact {
            broken += 1;
        }
        writeln!(stdout, "{}", line.text).context("writing to stdout")?;
    }
    if broken > 0 {
        bail!(
            "{broken} of {} {} broken",
            lines.len(),
            if lines.len() == 1 {
                "record is"
            } else {
                "records are"
            }
        );
    }
    Ok(())
}

/// What was found for one partnership.
pub(crate) struct Line {
    /// Whether the chain is unbroken.
    pub(crate) is_intact: bool,
    /// The line printed for it.
    pub(crate) text: String,
}

/// Checks the record of one partnership, or of every partnership, line by line.
pub(crate) async fn check(store: &dyn Store, only: Option<i64>) -> anyhow::Result<Vec<Line>> {
    let partnerships = match only {
        Some(id) => vec![
            store
                .get_partnership(PartnershipId(id))
                .await
                .with_context(|| format!("partnership {id}"))?,
        ],
        None => store.list_partnerships().await?,
    };
    let mut lines = Vec::with_capacity(partnerships.len());
    for partnership in partnerships {
        let (entries, head) = store.read_record(partnership.id).await?;
        let name = partnership.name.as_str();
        let id = partnership.id.0;
        let line = match verify(id, &entries, head.as_deref()) {
            Ok(()) => Line {
                is_intact: true,
                text: format!(
                    "ok      partnership {id} ({name}): {} {}",
                    entries.len(),
                    if entries.len() == 1 {
                        "entry"
                    } else {
                        "entries"
                    }
                ),
            },
            Err(error) => Line {
                is_intact: false,
                text: format!("BROKEN  partnership {id} ({name}): {error}"),
            },
        };
        lines.push(line);
    }
    Ok(lines)
}
