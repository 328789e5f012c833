//! The Common Ground analysis engine: votes in, analysis out.
//!
//! The engine is pure: no I/O, no async, no clock and no global random numbers. Seeds and
//! timestamps arrive as arguments, so the same input gives the same output, byte for byte.
#![warn(missing_docs)]

pub mod analysis;
pub mod bridging;
pub mod clusters;
pub mod common_ground;
pub mod kmeans;
pub mod pca;
pub mod pipeline;
pub mod priorities;
pub mod replay;
pub mod rounds;
pub mod safeguarding;
pub mod settlement;
pub mod state;
pub mod stats;
pub mod system_map;
pub mod trust;
pub mod votes;

pub use analysis::{Analysis, AnalysisConfig, AnalysisInput, AnalysisStage};
pub use pipeline::{AnalysisWarning, PolisAnalysis, PolisConfig, Stage, run, run_with_progress};
pub use state::PolisState;
pub use stats::{Consensus, ConsensusEntry, Repful, RepnessEntry, RepnessStats, Tally};
pub use votes::{
    Moderation, ParticipantId, StatementId, StatementInfo, Vote, VoteMatrix, VoteRecord,
};
