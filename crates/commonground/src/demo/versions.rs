//! The demo dialogue's translations and easy read: the convenor translates the statement about
//! bus routes into Welsh and Urdu and writes easy-read versions of it in English and Welsh, so
//! that a participant reading in Welsh, in Urdu or in easy read sees their version, marked,
//! with the original one tap away, and votes on the same statement as everyone else.

use anyhow::Context;
use server::state::AppState;
use server::versions::service as versions;
use store::StatementFilter;

use super::Cast;

/// The start of the statement the demo translates.
pub const TRANSLATED_STATEMENT: &str = "Bus routes should take people to the hospital";

/// Its versions: language, whether easy read, and text.
const VERSIONS: [(&str, bool, &str); 4] = [
    (
        "cy",
        false,
        "Dylai llwybrau bysiau fynd â phobl i'r ysbyty ac i feddygfeydd, nid i ganol y dref yn unig.",
    ),
    (
        "ur",
        false,
        "بس کے راستے لوگوں کو صرف شہر کے مرکز تک نہیں بلکہ ہسپتال اور ڈاکٹر کے کلینک تک بھی لے جائیں۔",
    ),
    (
        "en",
        true,
        "Buses should go to the hospital and to the doctor. Not only to the town centre.",
    ),
    (
        "cy",
        true,
        "Dylai bysiau fynd i'r ysbyty ac at y meddyg. Nid i ganol y dref yn unig.",
    ),
];

/// Adds the demo's translations and easy-read versions through the room's service.
pub(super) async fn set_up(state: &AppState, cast: &Cast) -> anyhow::Result<()> {
    let statements = state
        .store()
        .list_statements(
            cast.dialogue,
            &StatementFilter {
                limit: Some(StatementFilter::MAX_LIMIT),
                ..StatementFilter::default()
            },
        )
        .await
        .context("listing the demo statements")?
        .statements;
    let statement = statements
        .iter()
        .find(|statement| statement.text.starts_with(TRANSLATED_STATEMENT))
        .context("the demo has the statement about bus routes")?;
    for (language, easy_read, text) in VERSIONS {
        versions::put_version(
            state,
            &cast.convenor,
            cast.dialogue,
            statement.id,
            language,
            easy_read,
            text,
        )
        .await
        .with_context(|| format!("adding the demo's {language} version"))?;
    }
    Ok(())
}
