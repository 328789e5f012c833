//! Common Ground's own JSON output (agree = +1), documented in `docs/analysis-json.md` with
//! the schema `docs/analysis.schema.json`.
//!
//! The document's types and the mapping from the engine's results live in
//! `server::report::document`, so that this command, the server's analysis endpoint and the
//! report pages share one document; this module describes the export the votes came from.

use anyhow::Context;
use engine::analysis::Analysis;
use server::report::document::{
    self, AuthorVoteCounts, ConstituencyKind as DocumentKind, Source, SourceKind, SourceStatement,
};

use crate::analyze::LoadedExport;
use crate::polis_files::Layout;
use crate::polis_files::constituencies::ConstituencyKind;

/// Renders the analysis as JSON.
pub fn render(
    loaded: &LoadedExport,
    analysis: &Analysis,
    seed: u64,
    is_continued: bool,
) -> anyhow::Result<Vec<u8>> {
    let statements: Vec<SourceStatement> = loaded
        .statements
        .iter()
        .map(|statement| SourceStatement {
            info: statement.info.clone(),
            text: statement.text.clone(),
        })
        .collect();
    let memberships: Option<Vec<(engine::ParticipantId, Vec<String>)>> =
        loaded.memberships.as_ref().map(|memberships| {
            memberships
                .iter()
                .map(|membership| (membership.participant, membership.constituencies.clone()))
                .collect()
        });
    // The engine's constituencies follow the constituencies file when there is one.
    let constituency_kinds: Vec<Option<DocumentKind>> = loaded
        .constituencies
        .iter()
        .flatten()
        .map(|constituency| {
            constituency.kind.map(|kind| match kind {
                ConstituencyKind::Lay => DocumentKind::Lay,
                ConstituencyKind::Professional => DocumentKind::Professional,
            })
        })
        .collect();
    let source = Source {
        topic: loaded.topic.as_deref(),
        kind: match loaded.layout {
            Layout::OpenData => SourceKind::PolisOpenData,
            Layout::ApiDump => SourceKind::PolisApiDump,
        },
        seed,
        is_continued,
        statements: &statements,
        unlisted_statements: loaded.unlisted_statements,
        matrix: &loaded.matrix,
        vote_rows: loaded.vote_rows,
        is_negated: loaded.is_negated,
        author_votes: AuthorVoteCounts {
            agree: loaded.author_votes.agree,
            disagree: loaded.author_votes.disagree,
            pass: loaded.author_votes.pass,
        },
        memberships: memberships.as_deref(),
        constituency_kinds: &constituency_kinds,
    };
    document::render(&source, analysis).context("cannot encode the result")
}
