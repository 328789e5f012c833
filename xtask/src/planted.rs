//! The planted opinion-group model behind the synthetic benchmark dialogues.
//!
//! `cargo xtask synth` writes it to CSV files and the engine's `pipeline` bench generates it in
//! memory (that bench includes this file with `#[path]`, because a bench cannot depend on the
//! xtask crate), so both see the same votes for the same parameters and seed.
//!
//! The model: `groups` opinion groups with proportions drawn from a symmetric Dirichlet(2)
//! distribution; every participant belongs to one group. Each statement is a consensus statement
//! (probability `consensus_frac`: one stance in [-1, 1] shared by every group, plus a little
//! per-group noise) or a divisive one (an independent stance per group). A participant votes on
//! `min(votes_per_participant, statements)` distinct statements drawn uniformly; each vote is a
//! pass with probability `pass_rate`, otherwise agree with probability `0.5 + 0.45 * stance`.
//! A fraction `mod_out_frac` of statements is rejected by moderation.
//!
//! Participants are generated in fixed chunks with one random stream per chunk, so the output
//! depends on the seed and parameters alone, never on how many threads generate it.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The timestamp of the first vote, in milliseconds since the Unix epoch (November 2023).
pub const FIRST_VOTE_MS: i64 = 1_700_000_000_000;

/// The time between two consecutive votes of the dialogue, in milliseconds.
pub const VOTE_SPACING_MS: i64 = 1_000;

/// How many participants one chunk (one random stream) holds.
pub const CHUNK_PARTICIPANTS: u32 = 4_096;

/// The standard deviation of the per-group noise around a consensus stance.
const CONSENSUS_NOISE: f64 = 0.1;

/// The most opinion groups a model may plant (group labels are stored in a byte).
pub const MAX_GROUPS: u32 = 255;

/// The parameters of a planted dialogue.
#[derive(Clone, Debug, PartialEq)]
pub struct PlantedConfig {
    /// Number of participants.
    pub participants: u32,
    /// Number of statements.
    pub statements: u32,
    /// Votes each participant casts (capped at the number of statements).
    pub votes_per_participant: u32,
    /// Number of planted opinion groups.
    pub groups: u32,
    /// Seed of every random draw.
    pub seed: u64,
    /// Probability that a vote is a pass.
    pub pass_rate: f64,
    /// Probability that a statement is a consensus statement.
    pub consensus_frac: f64,
    /// Probability that a statement is rejected by moderation.
    pub mod_out_frac: f64,
}

impl PlantedConfig {
    /// Returns a configuration with the default model parameters: 3 groups, seed 0, 15 % passes,
    /// 30 % consensus statements and 2 % rejected statements.
    pub fn new(participants: u32, statements: u32, votes_per_participant: u32) -> PlantedConfig {
        PlantedConfig {
            participants,
            statements,
            votes_per_participant,
            groups: 3,
            seed: 0,
            pass_rate: 0.15,
            consensus_frac: 0.3,
            mod_out_frac: 0.02,
        }
    }
}

/// One chunk of generated participants and their votes.
///
/// Every participant casts exactly [`PlantedModel::votes_per_participant`] votes, stored one
/// participant after the other in the order they were cast.
#[derive(Clone, Debug, Default)]
pub struct PlantedChunk {
    /// The id of the chunk's first participant; participants are numbered consecutively.
    pub first_participant: u32,
    /// The planted group of each participant of the chunk.
    pub groups: Vec<u8>,
    /// The statement of each vote.
    pub statements: Vec<u32>,
    /// The value of each vote: agree = 1, disagree = -1, pass = 0.
    pub votes: Vec<i8>,
}

impl PlantedChunk {
    /// Returns the number of participants in the chunk.
    pub fn n_participants(&self) -> usize {
        self.groups.len()
    }
}

/// A planted dialogue: its structure is drawn once, its votes are generated chunk by chunk.
#[derive(Clone, Debug)]
pub struct PlantedModel {
    config: PlantedConfig,
    votes_per_participant: u32,
    proportions: Vec<f64>,
    cumulative_proportions: Vec<f64>,
    is_consensus: Vec<bool>,
    is_moderated_out: Vec<bool>,
    authors: Vec<u32>,
    /// Per group and statement (group-major): the uniform draw below which a vote is an agree.
    agree_below: Vec<f64>,
}

impl PlantedModel {
    /// Draws the structure of a planted dialogue, or says which parameter is out of range.
    pub fn new(config: PlantedConfig) -> Result<PlantedModel, String> {
        if config.participants == 0 || config.statements == 0 || config.votes_per_participant == 0 {
            return Err(
                "participants, statements and votes per participant must be positive".into(),
            );
        }
        if config.groups == 0 || config.groups > MAX_GROUPS {
            return Err(format!("groups must be between 1 and {MAX_GROUPS}"));
        }
        for (name, value) in [
            ("pass rate", config.pass_rate),
            ("consensus fraction", config.consensus_frac),
            ("moderated-out fraction", config.mod_out_frac),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(format!("{name} must be between 0 and 1, not {value}"));
            }
        }
        let votes_per_participant = config.votes_per_participant.min(config.statements);
        if u64::from(config.participants) * u64::from(votes_per_participant) > u64::from(u32::MAX) {
            return Err("at most 2^32 votes in total".into());
        }

        let mut rng = structure_rng(config.seed);
        let groups = config.groups as usize;
        let statements = config.statements as usize;

        // Dirichlet(2, ..., 2): normalised Gamma(2, 1) draws; Gamma(2, 1) is a sum of two
        // exponentials.
        let gammas: Vec<f64> = (0..groups)
            .map(|_| -(open_unit(&mut rng).ln() + open_unit(&mut rng).ln()))
            .collect();
        let total: f64 = gammas.iter().sum();
        let proportions: Vec<f64> = gammas.iter().map(|gamma| gamma / total).collect();
        let mut cumulative_proportions = Vec::with_capacity(groups);
        let mut running = 0.0;
        for proportion in &proportions {
            running += proportion;
            cumulative_proportions.push(running);
        }

        let is_consensus: Vec<bool> = (0..statements)
            .map(|_| rng.random::<f64>() < config.consensus_frac)
            .collect();
        let mut stance = vec![0.0; groups * statements];
        for (statement, &consensus) in is_consensus.iter().enumerate() {
            let shared = rng.random_range(-1.0..=1.0);
            for group in 0..groups {
                stance[group * statements + statement] = if consensus {
                    (shared + CONSENSUS_NOISE * standard_normal(&mut rng)).clamp(-1.0, 1.0)
                } else {
                    rng.random_range(-1.0..=1.0)
                };
            }
        }
        let vote_rate = 1.0 - config.pass_rate;
        let agree_below = stance
            .iter()
            .map(|s| vote_rate * (0.5 + 0.45 * s))
            .collect();
        let is_moderated_out = (0..statements)
            .map(|_| rng.random::<f64>() < config.mod_out_frac)
            .collect();
        let authors = (0..statements)
            .map(|_| rng.random_range(0..config.participants))
            .collect();

        Ok(PlantedModel {
            config,
            votes_per_participant,
            proportions,
            cumulative_proportions,
            is_consensus,
            is_moderated_out,
            authors,
            agree_below,
        })
    }

    /// Returns the parameters the model was drawn from.
    pub fn config(&self) -> &PlantedConfig {
        &self.config
    }

    /// Returns the votes each participant casts: the requested number capped at the statements.
    pub fn votes_per_participant(&self) -> u32 {
        self.votes_per_participant
    }

    /// Returns the total number of votes the dialogue holds.
    pub fn n_votes(&self) -> u64 {
        u64::from(self.config.participants) * u64::from(self.votes_per_participant)
    }

    /// Returns the expected share of participants in each group.
    pub fn proportions(&self) -> &[f64] {
        &self.proportions
    }

    /// Returns, per statement, whether all groups share its stance.
    pub fn is_consensus(&self) -> &[bool] {
        &self.is_consensus
    }

    /// Returns, per statement, whether moderation rejected it.
    pub fn is_moderated_out(&self) -> &[bool] {
        &self.is_moderated_out
    }

    /// Returns, per statement, the participant who wrote it.
    pub fn authors(&self) -> &[u32] {
        &self.authors
    }

    /// Returns the number of chunks the participants are generated in.
    pub fn n_chunks(&self) -> u32 {
        self.config.participants.div_ceil(CHUNK_PARTICIPANTS)
    }

    /// Returns the timestamp of the `index`-th vote of a participant.
    ///
    /// Participants arrive one after the other and every vote comes one spacing after the
    /// previous one, so votes in participant order are in time order.
    pub fn timestamp(&self, participant: u32, index: u32) -> i64 {
        let position =
            i64::from(participant) * i64::from(self.votes_per_participant) + i64::from(index);
        FIRST_VOTE_MS + position * VOTE_SPACING_MS
    }

    /// Generates chunk `index` (participants `index * CHUNK_PARTICIPANTS ..`) into `chunk`,
    /// reusing its buffers. An index past the last chunk gives an empty chunk.
    pub fn generate_chunk(&self, index: u32, chunk: &mut PlantedChunk) {
        let first = index.saturating_mul(CHUNK_PARTICIPANTS);
        let end = first
            .saturating_add(CHUNK_PARTICIPANTS)
            .min(self.config.participants);
        chunk.first_participant = first;
        chunk.groups.clear();
        chunk.statements.clear();
        chunk.votes.clear();
        if first >= end {
            return;
        }
        let mut rng = structure_rng(self.config.seed);
        rng.set_stream(u64::from(index) + 1);

        let statements = self.config.statements;
        let n_statements = statements as usize;
        // A partial Fisher-Yates shuffle of a persistent permutation draws distinct statements
        // uniformly whatever order the permutation was left in.
        let mut permutation: Vec<u32> = (0..statements).collect();
        let last_group = self.cumulative_proportions.len() - 1;
        for _ in first..end {
            let draw: f64 = rng.random();
            let group = self
                .cumulative_proportions
                .iter()
                .position(|&bound| draw < bound)
                .unwrap_or(last_group);
            chunk
                .groups
                .push(u8::try_from(group).expect("at most 255 groups, checked in new"));
            let stances = &self.agree_below[group * n_statements..(group + 1) * n_statements];
            for slot in 0..self.votes_per_participant {
                let pick = rng.random_range(slot..statements);
                permutation.swap(slot as usize, pick as usize);
                let statement = permutation[slot as usize];
                let outcome: f64 = rng.random();
                let vote = if outcome < stances[statement as usize] {
                    1
                } else if outcome < 1.0 - self.config.pass_rate {
                    -1
                } else {
                    0
                };
                chunk.statements.push(statement);
                chunk.votes.push(vote);
            }
        }
    }
}

fn structure_rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// Returns a uniform draw in (0, 1], safe to take the logarithm of.
fn open_unit(rng: &mut ChaCha8Rng) -> f64 {
    1.0 - rng.random::<f64>()
}

/// Returns a standard normal draw (Box-Muller).
fn standard_normal(rng: &mut ChaCha8Rng) -> f64 {
    let radius = (-2.0 * open_unit(rng).ln()).sqrt();
    radius * (std::f64::consts::TAU * rng.random::<f64>()).cos()
}

/// Returns the adjusted Rand index of two labellings of the same items (1 = identical
/// partitions, about 0 = chance agreement). Two labellings that each put everything in one
/// cluster count as identical.
pub fn adjusted_rand_index(left: &[u32], right: &[u32]) -> f64 {
    assert_eq!(
        left.len(),
        right.len(),
        "both labellings cover the same items"
    );
    let mut pairs: Vec<(u32, u32)> = left.iter().copied().zip(right.iter().copied()).collect();
    pairs.sort_unstable();
    let pairs_of = |count: u64| -> f64 {
        let count = count as f64;
        count * (count - 1.0) / 2.0
    };
    let mut index = 0.0;
    let mut run = 0u64;
    for (position, pair) in pairs.iter().enumerate() {
        run += 1;
        if pairs.get(position + 1) != Some(pair) {
            index += pairs_of(run);
            run = 0;
        }
    }
    let sum_over = |labels: &[u32]| -> f64 {
        let mut sorted = labels.to_vec();
        sorted.sort_unstable();
        sorted
            .chunk_by(|a, b| a == b)
            .map(|block| pairs_of(block.len() as u64))
            .sum()
    };
    let left_sum = sum_over(left);
    let right_sum = sum_over(right);
    let all_pairs = pairs_of(left.len() as u64);
    if all_pairs == 0.0 {
        return 1.0;
    }
    let expected = left_sum * right_sum / all_pairs;
    let maximum = (left_sum + right_sum) / 2.0;
    if (maximum - expected).abs() < f64::EPSILON {
        return 1.0;
    }
    (index - expected) / (maximum - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small_model(seed: u64) -> PlantedModel {
        let mut config = PlantedConfig::new(10_000, 200, 30);
        config.seed = seed;
        PlantedModel::new(config).unwrap()
    }

    fn all_votes(model: &PlantedModel) -> (Vec<u8>, Vec<u32>, Vec<i8>) {
        let mut chunk = PlantedChunk::default();
        let (mut groups, mut statements, mut votes) = (Vec::new(), Vec::new(), Vec::new());
        for index in 0..model.n_chunks() {
            model.generate_chunk(index, &mut chunk);
            groups.extend_from_slice(&chunk.groups);
            statements.extend_from_slice(&chunk.statements);
            votes.extend_from_slice(&chunk.votes);
        }
        (groups, statements, votes)
    }

    #[test]
    fn the_same_seed_gives_the_same_votes_and_another_seed_does_not() {
        let first = all_votes(&small_model(3));
        assert_eq!(first, all_votes(&small_model(3)));
        assert_ne!(first, all_votes(&small_model(4)));
    }

    #[test]
    fn every_participant_votes_on_distinct_statements() {
        let model = small_model(1);
        let (groups, statements, _) = all_votes(&model);
        assert_eq!(groups.len(), 10_000);
        assert_eq!(statements.len() as u64, model.n_votes());
        for row in statements.chunks(30) {
            let mut sorted = row.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), 30);
            assert!(sorted.iter().all(|&statement| statement < 200));
        }
    }

    #[test]
    fn votes_per_participant_is_capped_at_the_statements() {
        let model = PlantedModel::new(PlantedConfig::new(10, 5, 50)).unwrap();
        assert_eq!(model.votes_per_participant(), 5);
        let (_, statements, _) = all_votes(&model);
        for row in statements.chunks(5) {
            let mut sorted = row.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
        }
    }

    #[test]
    fn pass_rate_and_group_shares_follow_the_parameters() {
        let model = small_model(5);
        let (groups, _, votes) = all_votes(&model);
        let passes = votes.iter().filter(|&&vote| vote == 0).count() as f64;
        let pass_share = passes / votes.len() as f64;
        assert!((pass_share - 0.15).abs() < 0.01, "pass share {pass_share}");
        for (group, proportion) in model.proportions().iter().enumerate() {
            let members = groups.iter().filter(|&&g| usize::from(g) == group).count() as f64;
            let share = members / groups.len() as f64;
            assert!(
                (share - proportion).abs() < 0.03,
                "group {group}: {share} vs {proportion}"
            );
        }
    }

    #[test]
    fn groups_disagree_on_divisive_statements_and_not_on_consensus_ones() {
        let model = small_model(2);
        let (groups, statements, votes) = all_votes(&model);
        // Mean vote per (group, statement).
        let mut sums = vec![(0i64, 0i64); 3 * 200];
        for (index, (&statement, &vote)) in statements.iter().zip(&votes).enumerate() {
            let group = usize::from(groups[index / 30]);
            let cell = &mut sums[group * 200 + statement as usize];
            cell.0 += i64::from(vote);
            cell.1 += 1;
        }
        let spread = |statement: usize| -> f64 {
            let means: Vec<f64> = (0..3)
                .map(|group| {
                    let (sum, count) = sums[group * 200 + statement];
                    sum as f64 / count.max(1) as f64
                })
                .collect();
            means.iter().cloned().fold(f64::MIN, f64::max)
                - means.iter().cloned().fold(f64::MAX, f64::min)
        };
        let mean_spread = |consensus: bool| -> f64 {
            let chosen: Vec<usize> = (0..200)
                .filter(|&s| model.is_consensus()[s] == consensus)
                .collect();
            chosen.iter().map(|&s| spread(s)).sum::<f64>() / chosen.len() as f64
        };
        assert!(
            mean_spread(true) < 0.3,
            "consensus spread {}",
            mean_spread(true)
        );
        assert!(
            mean_spread(false) > 0.5,
            "divisive spread {}",
            mean_spread(false)
        );
    }

    #[test]
    fn timestamps_increase_in_participant_order() {
        let model = small_model(0);
        assert_eq!(model.timestamp(0, 0), FIRST_VOTE_MS);
        assert!(model.timestamp(0, 29) < model.timestamp(1, 0));
        assert_eq!(
            model.timestamp(1, 0) - model.timestamp(0, 29),
            VOTE_SPACING_MS
        );
    }

    #[test]
    fn out_of_range_parameters_are_refused() {
        let mut config = PlantedConfig::new(10, 10, 5);
        config.pass_rate = 1.5;
        assert!(PlantedModel::new(config).unwrap_err().contains("pass rate"));
        assert!(PlantedModel::new(PlantedConfig::new(0, 10, 5)).is_err());
        let mut config = PlantedConfig::new(10, 10, 5);
        config.groups = 300;
        assert!(PlantedModel::new(config).is_err());
    }

    #[test]
    fn adjusted_rand_index_is_one_for_relabelled_partitions() {
        let truth = [0, 0, 1, 1, 2, 2];
        assert!((adjusted_rand_index(&truth, &[5, 5, 3, 3, 9, 9]) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn adjusted_rand_index_matches_a_hand_computed_value() {
        // The contingency table is [[2, 1], [0, 3]]: index 1 + 0 + 3 = 4, row pairs 3 + 3 = 6,
        // column pairs 1 + 6 = 7, all pairs 15, expected 6 * 7 / 15 = 2.8, maximum 6.5.
        let left = [0, 0, 0, 1, 1, 1];
        let right = [0, 0, 1, 1, 1, 1];
        let expected = (4.0 - 2.8) / (6.5 - 2.8);
        assert!((adjusted_rand_index(&left, &right) - expected).abs() < 1e-12);
    }

    #[test]
    fn adjusted_rand_index_is_near_zero_for_unrelated_partitions() {
        let left: Vec<u32> = (0..10_000).map(|i| i % 3).collect();
        let right: Vec<u32> = (0..10_000).map(|i| (i / 7) % 2).collect();
        assert!(adjusted_rand_index(&left, &right).abs() < 0.01);
    }
}
