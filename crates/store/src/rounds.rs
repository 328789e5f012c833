//! Rounds of a dialogue: a dialogue runs in round 1 until a convenor starts the next one (for
//! instance before and after a public event), and each finished round keeps its own latest
//! votes so that the analysis can compare rounds.
//!
//! The latest votes (`VoteStore::latest_votes`) are always the current round's. Starting a
//! round moves them into the finished round's keeping, so participants keep their tokens and
//! vote again on every statement; the vote history keeps every vote with the round it was
//! cast in. The records do not derive `Serialize`: the server owns the JSON shapes.

use async_trait::async_trait;
use model::{ConvenorId, DialogueId};

use crate::store::StoreResult;
use crate::votes::LatestVote;

/// The longest round label, in characters.
pub const MAX_ROUND_LABEL_CHARS: usize = 120;

/// One round of a dialogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    /// Its dialogue.
    pub dialogue: DialogueId,
    /// Its number, from 1.
    pub number: u32,
    /// What the convenor called it (`Round 1` until named).
    pub label: String,
    /// When it started (round 1: when the dialogue was created).
    pub started_at: i64,
    /// When the next round started; `None` for the current round.
    pub ended_at: Option<i64>,
    /// The convenor who started it; `None` for round 1 and once their account is erased.
    pub started_by: Option<ConvenorId>,
    /// Participants with at least one latest vote in the round.
    pub voters: u64,
    /// Latest votes in the round (one per participant and statement).
    pub votes: u64,
}

impl Round {
    /// Returns whether votes are being cast in it now.
    pub fn is_current(&self) -> bool {
        self.ended_at.is_none()
    }
}

/// The round a dialogue is in now, as its participants' pages name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundNow {
    /// Its number, from 1.
    pub number: u32,
    /// Its name.
    pub label: String,
}

/// A round to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRound {
    /// The dialogue.
    pub dialogue: DialogueId,
    /// What to call the new round; trimmed, 1 to [`MAX_ROUND_LABEL_CHARS`] characters.
    pub label: String,
    /// A new name for the round that ends, if the convenor gives one.
    pub ending_label: Option<String>,
    /// When it starts.
    pub started_at: i64,
    /// The convenor starting it.
    pub started_by: Option<ConvenorId>,
}

/// Returns the label trimmed, or why it cannot be a round's label.
pub fn round_label(label: &str) -> Result<String, String> {
    let label = label.trim();
    if label.is_empty() {
        return Err("a round needs a name".to_owned());
    }
    if label.chars().count() > MAX_ROUND_LABEL_CHARS {
        return Err(format!(
            "a round's name has at most {MAX_ROUND_LABEL_CHARS} characters"
        ));
    }
    if label.chars().any(char::is_control) {
        return Err("a round's name cannot hold control characters".to_owned());
    }
    Ok(label.to_owned())
}

/// The rounds of dialogues.
#[async_trait]
pub trait RoundStore: Send + Sync {
    /// Lists a dialogue's rounds, first to current; a dialogue that never started a second
    /// round has one, round 1.
    async fn rounds(&self, dialogue: DialogueId) -> StoreResult<Vec<Round>>;

    /// Returns the round a dialogue is in now, without counting its votes.
    async fn round_now(&self, dialogue: DialogueId) -> StoreResult<RoundNow>;

    /// Ends the current round and starts the next, in one transaction under the dialogue's
    /// lock: the current round's latest votes are kept as that round's and the latest votes
    /// start empty, the dialogue's revision moves, and the analysis starts cold. Refuses a
    /// label that [`round_label`] refuses with [`crate::StoreError::Invalid`].
    async fn start_round(&self, round: NewRound) -> StoreResult<Round>;

    /// Lists the latest votes of one round, ordered by participant then statement: the
    /// current round's are [`crate::VoteStore::latest_votes`]; a round the dialogue has not
    /// reached is `NotFound(Round)`.
    async fn round_votes(&self, dialogue: DialogueId, round: u32) -> StoreResult<Vec<LatestVote>>;
}
