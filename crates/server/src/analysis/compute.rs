//! One recompute of a dialogue's analysis: load what the store holds, run the engine on a
//! blocking thread, and keep the result as the dialogue's latest snapshot.
//!
//! Engine ids are the store's ids narrowed to `u32`, so the analysis speaks of the same
//! statement and participant ids as the rest of the API.

use std::collections::{BTreeMap, BTreeSet};

use engine::common_ground::{self, Constituency, Weighting};
use engine::state::PolisState;
use engine::{Analysis, AnalysisConfig, Moderation, StatementInfo, Vote, VoteMatrix, VoteRecord};
use model::{
    AnalysisWeighting, ConstituencyId, ConstituencyKind, DialogueId, ModerationPolicy,
    ModerationStatus, StatementId, VoteChoice,
};
use store::{Dialogue, LatestVote, StatementFilter, Store};

use crate::report::document::{AuthorVoteCounts, Source, SourceKind, SourceStatement};

/// Why a recompute failed.
#[derive(Debug, thiserror::Error)]
pub enum ComputeError {
    /// Reading or writing the store failed.
    #[error("storage failed during the analysis")]
    Store(#[from] store::StoreError),
    /// An id does not fit the engine's 32-bit ids.
    #[error("{kind} id {id} is too large for the analysis engine")]
    IdOutOfRange {
        /// Which kind of id.
        kind: &'static str,
        /// The id.
        id: i64,
    },
    /// The analysis could not be written as JSON.
    #[error("the analysis could not be encoded")]
    Encode(#[from] serde_json::Error),
    /// The blocking engine task panicked or was cancelled.
    #[error("the analysis task did not finish")]
    Join(#[from] tokio::task::JoinError),
}

/// Everything the store holds that one analysis reads.
pub struct AnalysisInput {
    /// The dialogue, with its constituencies.
    pub dialogue: Dialogue,
    /// Every statement of the dialogue.
    pub statements: Vec<store::Statement>,
    /// The latest votes.
    pub votes: Vec<LatestVote>,
    /// Every (participant, constituency) membership.
    pub memberships: Vec<(model::ParticipantId, ConstituencyId)>,
    /// The state left by the previous analysis, if any.
    pub previous: Option<PolisState>,
    /// Every round so far, first to current.
    pub rounds: Vec<store::Round>,
    /// The latest votes of the round before the current one (empty in the first round).
    pub earlier_votes: Vec<LatestVote>,
}

/// The engine's results for one dialogue, with the inputs needed to explain them.
pub struct AnalysisOutput {
    /// The latest votes as the engine saw them.
    pub matrix: VoteMatrix,
    /// What the engine knew of each statement, with its text, sorted by id.
    pub statements: Vec<SourceStatement>,
    /// The constituencies, in the dialogue's order.
    pub constituencies: Vec<Constituency>,
    /// Each constituency's store id, by index.
    pub constituency_ids: Vec<ConstituencyId>,
    /// Each participant's constituencies by index.
    pub memberships: Vec<(engine::ParticipantId, Vec<usize>)>,
    /// Whether the analysis continued from a previous state.
    pub is_continued: bool,
    /// The results.
    pub analysis: Analysis,
    /// The voice audit by channel, from the stored votes.
    pub channels: Vec<crate::report::document::ChannelVoice>,
    /// The comparison with the round before, from the second round on.
    pub rounds: Option<crate::report::document::Rounds>,
}

impl AnalysisOutput {
    /// Returns the statement information the engine used, sorted by id.
    pub fn statement_infos(&self) -> Vec<StatementInfo> {
        self.statements
            .iter()
            .map(|statement| statement.info.clone())
            .collect()
    }

    /// Returns the analysis document (the schema of `commonground analyze --format json`).
    pub fn render(&self, title: &str, seed: u64) -> Result<String, serde_json::Error> {
        let names: Vec<String> = self
            .constituencies
            .iter()
            .map(|constituency| constituency.name.clone())
            .collect();
        let memberships: Vec<(engine::ParticipantId, Vec<String>)> = self
            .memberships
            .iter()
            .map(|(participant, indices)| {
                let named = indices
                    .iter()
                    .filter_map(|&index| names.get(index).cloned())
                    .collect();
                (*participant, named)
            })
            .collect();
        let kinds: Vec<_> = self
            .constituencies
            .iter()
            .map(|constituency| constituency.kind.map(Into::into))
            .collect();
        let mut author_votes = AuthorVoteCounts::default();
        for statement in &self.statements {
            let cell = statement.info.author.and_then(|author| {
                let row = self.matrix.row_of(author)?;
                let column = self.matrix.column_of(statement.info.id)?;
                self.matrix.get(row, column)
            });
            match cell {
                Some(1) => author_votes.agree += 1,
                Some(-1) => author_votes.disagree += 1,
                Some(_) => author_votes.pass += 1,
                None => {}
            }
        }
        let source = Source {
            topic: Some(title),
            kind: SourceKind::CommonGround,
            seed,
            is_continued: self.is_continued,
            statements: &self.statements,
            unlisted_statements: 0,
            matrix: &self.matrix,
            vote_rows: self.matrix.n_votes(),
            is_negated: false,
            author_votes,
            memberships: Some(&memberships),
            constituency_kinds: &kinds,
        };
        let mut document = crate::report::document::document(&source, &self.analysis);
        document.voice.channels.clone_from(&self.channels);
        document.rounds.clone_from(&self.rounds);
        serde_json::to_string(&document)
    }
}

fn narrow(kind: &'static str, id: i64) -> Result<u32, ComputeError> {
    u32::try_from(id).map_err(|_| ComputeError::IdOutOfRange { kind, id })
}

/// Reads everything one analysis needs.
pub async fn load(store: &dyn Store, dialogue: DialogueId) -> Result<AnalysisInput, ComputeError> {
    let dialogue = store.get_dialogue(dialogue).await?;
    let mut statements = Vec::new();
    let mut filter = StatementFilter {
        limit: Some(StatementFilter::MAX_LIMIT),
        ..StatementFilter::default()
    };
    loop {
        let page = store.list_statements(dialogue.id, &filter).await?;
        statements.extend(page.statements);
        match page.next_after {
            Some(after) if filter.after != Some(after) => filter.after = Some(after),
            _ => break,
        }
    }
    let mut votes = store.latest_votes(dialogue.id).await?;
    let rounds = store.rounds(dialogue.id).await?;
    let mut earlier_votes = match rounds.as_slice() {
        [.., before, _] => store.round_votes(dialogue.id, before.number).await?,
        _ => Vec::new(),
    };
    // Under pre-moderation a statement waiting for a convenor is hidden, and the only vote on
    // it is its author's agreement, recorded with it: that vote counts once the statement is
    // accepted, like everyone else's.
    if dialogue.settings.moderation == ModerationPolicy::Pre {
        let waiting: BTreeSet<StatementId> = statements
            .iter()
            .filter(|statement| statement.moderation == ModerationStatus::Pending)
            .map(|statement| statement.id)
            .collect();
        votes.retain(|vote| !waiting.contains(&vote.statement));
        earlier_votes.retain(|vote| !waiting.contains(&vote.statement));
    }
    let memberships = store.list_memberships(dialogue.id).await?;
    let previous = store
        .load_snapshot(dialogue.id)
        .await?
        .and_then(|snapshot| super::state_json::decode(&snapshot.engine_state))
        .map(|state| without_erased(state, &votes));
    Ok(AnalysisInput {
        dialogue,
        statements,
        votes,
        memberships,
        previous,
        rounds,
        earlier_votes,
    })
}

/// Drops from a previous state the participants who no longer have a vote. Votes are only
/// ever taken away by erasing their participant, and an erased participant must not stay in
/// the set admitted to clustering, which otherwise never shrinks, nor count towards its
/// minimum size.
fn without_erased(mut state: PolisState, votes: &[LatestVote]) -> PolisState {
    let voters: BTreeSet<i64> = votes.iter().map(|vote| vote.participant.get()).collect();
    let has_voted =
        |participant: &engine::ParticipantId| voters.contains(&i64::from(participant.0));
    state.in_conv.retain(has_voted);
    for cluster in &mut state.base_clusters {
        cluster.members.retain(has_voted);
    }
    state
}

/// Builds the engine's vote matrix from stored votes.
fn matrix_of(votes: &[LatestVote]) -> Result<VoteMatrix, ComputeError> {
    let mut records = Vec::with_capacity(votes.len());
    for vote in votes {
        records.push(VoteRecord {
            participant: engine::ParticipantId(narrow("participant", vote.participant.get())?),
            statement: engine::StatementId(narrow("statement", vote.statement.get())?),
            vote: match vote.choice {
                VoteChoice::Agree => Vote::Agree,
                VoteChoice::Disagree => Vote::Disagree,
                VoteChoice::Pass => Vote::Pass,
            },
            timestamp: vote.cast_at,
        });
    }
    Ok(VoteMatrix::from_records(&records))
}

/// Runs the engine on loaded input; CPU-bound, so call it from a blocking thread. From the
/// second round on it also analyses the round before, cold, and compares the two.
pub fn run(input: &AnalysisInput, seed: u64) -> Result<AnalysisOutput, ComputeError> {
    let matrix = matrix_of(&input.votes)?;

    let mut statements = Vec::with_capacity(input.statements.len());
    for statement in &input.statements {
        let id = narrow("statement", statement.id.get())?;
        let author = statement
            .author
            .map(|author| narrow("participant", author.get()).map(engine::ParticipantId))
            .transpose()?;
        statements.push(SourceStatement {
            info: StatementInfo {
                id: engine::StatementId(id),
                moderation: match statement.moderation {
                    ModerationStatus::Accepted => Moderation::Accepted,
                    ModerationStatus::Pending => Moderation::Unmoderated,
                    ModerationStatus::Rejected => Moderation::Rejected,
                },
                is_meta: statement.is_meta,
                author,
            },
            text: statement.text.clone(),
        });
    }
    statements.sort_by_key(|statement| statement.info.id);
    let infos: Vec<StatementInfo> = statements
        .iter()
        .map(|statement| statement.info.clone())
        .collect();

    let constituencies: Vec<Constituency> = input
        .dialogue
        .constituencies
        .iter()
        .map(|constituency| Constituency {
            name: constituency.name.as_str().to_owned(),
            expected_share: constituency.expected_share.map(model::ExpectedShare::get),
            kind: constituency.kind.map(|kind| match kind {
                ConstituencyKind::Lay => common_ground::ConstituencyKind::Lay,
                ConstituencyKind::Professional => common_ground::ConstituencyKind::Professional,
            }),
        })
        .collect();
    let constituency_ids: Vec<ConstituencyId> = input
        .dialogue
        .constituencies
        .iter()
        .map(|constituency| constituency.id)
        .collect();
    let mut membership_map: BTreeMap<engine::ParticipantId, Vec<usize>> = BTreeMap::new();
    for (participant, constituency) in &input.memberships {
        let participant = engine::ParticipantId(narrow("participant", participant.get())?);
        if let Some(index) = constituency_ids.iter().position(|id| id == constituency) {
            membership_map.entry(participant).or_default().push(index);
        }
    }
    let memberships: Vec<(engine::ParticipantId, Vec<usize>)> =
        membership_map.into_iter().collect();
    let mut participants: Vec<engine::ParticipantId> = matrix.participants().to_vec();
    participants.extend(memberships.iter().map(|(participant, _)| *participant));
    participants.sort_unstable();
    participants.dedup();

    let frame_shares: Vec<Option<f64>> = input
        .dialogue
        .constituencies
        .iter()
        .map(|constituency| constituency.population_share.map(model::ExpectedShare::get))
        .collect();
    let weighting = input.dialogue.weighting.map(|weighting| match weighting {
        AnalysisWeighting::HeadCount => Weighting::HeadCount,
        AnalysisWeighting::Equal => Weighting::Equal,
        AnalysisWeighting::Frame => Weighting::Frame,
    });
    let analyse = |matrix: &VoteMatrix, previous: Option<&PolisState>| {
        engine::analysis::run(
            &engine::AnalysisInput {
                matrix,
                statements: &infos,
                participants: &participants,
                constituencies: &constituencies,
                memberships: &memberships,
                previous,
                weighting,
                frame_shares: &frame_shares,
            },
            &AnalysisConfig::with_seed(seed),
        )
    };
    let analysis = analyse(&matrix, input.previous.as_ref());
    let rounds = if input.rounds.len() > 1 {
        let earlier_matrix = matrix_of(&input.earlier_votes)?;
        let earlier_analysis = analyse(&earlier_matrix, None);
        let compared: Vec<engine::StatementId> = infos
            .iter()
            .filter(|info| !info.is_moderated_out())
            .map(|info| info.id)
            .filter(|&id| matrix.column_of(id).is_some() || earlier_matrix.column_of(id).is_some())
            .collect();
        let names: Vec<String> = constituencies
            .iter()
            .map(|constituency| constituency.name.clone())
            .collect();
        crate::rounds::comparison::section(
            &crate::rounds::comparison::Context {
                rounds: &input.rounds,
                constituencies: &names,
                memberships: &memberships,
                statements: &compared,
            },
            crate::rounds::comparison::RoundAnalysis {
                matrix: &earlier_matrix,
                analysis: &earlier_analysis,
            },
            crate::rounds::comparison::RoundAnalysis {
                matrix: &matrix,
                analysis: &analysis,
            },
        )
    } else {
        None
    };
    Ok(AnalysisOutput {
        matrix,
        statements,
        constituencies,
        constituency_ids,
        memberships,
        is_continued: input.previous.is_some(),
        analysis,
        channels: crate::report::channels::channel_voice(&input.votes),
        rounds,
    })
}
