//! Which participants and statements the model is fitted on, and their ratings in the compact
//! per-participant layout that training reads.

use super::{
    BridgingConfig, BridgingExclusion, BridgingResult, ParticipantBridging, PassHandling,
    StatementBridging,
};
use crate::votes::{ParticipantId, StatementId, VoteMatrix};

use super::training::Model;

/// The fewest ratings a chunk of participants aims for; chunks are the unit of parallel work.
const MIN_RATINGS_PER_CHUNK: usize = 1 << 17;
/// A chunk holds at least this many ratings per statement, so that summing the per-chunk
/// statement gradients costs a small fraction of the pass over the ratings.
const RATINGS_PER_CHUNK_PER_STATEMENT: usize = 16;
/// Pol.is counts a participant in the analysis once they voted on this many statements (or on
/// all of them, when there are fewer).
const POLIS_MIN_VOTES_PER_PARTICIPANT: usize = 7;

/// The ratings the model is fitted on, stored per participant (CSR) over dense indices of the
/// participants and statements that passed the filters.
#[derive(Debug)]
pub(super) struct Ratings {
    /// Start of each participant's ratings in `statements` and `halves`; `n_participants + 1`.
    pub(super) row_offsets: Vec<usize>,
    /// The dense statement index of each rating.
    pub(super) statements: Vec<u32>,
    /// The rating in halves: 0 disagree, 1 pass (with [`PassHandling::Half`]), 2 agree.
    pub(super) halves: Vec<u8>,
    /// How many statements the model has.
    pub(super) n_statements: usize,
    /// How many consecutive participants one chunk of parallel work covers.
    pub(super) participants_per_chunk: usize,
    /// The weight of each participant's ratings and parameters in the loss (1.0 for the
    /// Community Notes fit).
    pub(super) weights: Vec<f64>,
    /// The sum over ratings of their participant's weight: the loss's mean over ratings divides
    /// by it (the number of ratings when every weight is 1).
    pub(super) rating_weight: f64,
    /// The sum of the participants' weights: the participant penalties divide by it.
    pub(super) participant_weight: f64,
}

impl Ratings {
    pub(super) fn n_participants(&self) -> usize {
        self.row_offsets.len() - 1
    }

    pub(super) fn n_ratings(&self) -> usize {
        self.statements.len()
    }

    pub(super) fn n_chunks(&self) -> usize {
        self.n_participants().div_ceil(self.participants_per_chunk)
    }

    /// Returns how many ratings the participant at dense index `participant` has.
    pub(super) fn ratings_of(&self, participant: usize) -> usize {
        self.row_offsets[participant + 1] - self.row_offsets[participant]
    }

    /// Sets the participants' weights (one per dense participant) and the totals the loss
    /// divides by.
    pub(super) fn set_weights(&mut self, weights: Vec<f64>) {
        debug_assert_eq!(weights.len(), self.n_participants());
        self.rating_weight = weights
            .iter()
            .enumerate()
            .map(|(participant, weight)| weight * self.ratings_of(participant) as f64)
            .sum();
        self.participant_weight = weights.iter().sum();
        self.weights = weights;
    }
}

/// Who and what passed the filters, and the ratings between them.
#[derive(Debug)]
pub(super) struct Selection {
    statement_ids: Vec<StatementId>,
    participant_ids: Vec<ParticipantId>,
    /// Per matrix column: the dense model index, or why the statement is left out.
    pub(super) statement_slots: Vec<Result<usize, BridgingExclusion>>,
    /// Per matrix row: the dense model index, or why the participant is left out.
    pub(super) participant_slots: Vec<Result<usize, BridgingExclusion>>,
    pub(super) ratings: Ratings,
}

/// Returns the rating of a vote in halves (agree = +1 convention in, 0 / 1 / 2 out), or `None`
/// when the vote is no rating.
fn rating_halves(value: i8, pass: PassHandling) -> Option<u8> {
    match (value, pass) {
        (1, _) => Some(2),
        (-1, _) => Some(0),
        (0, PassHandling::Half) => Some(1),
        _ => None,
    }
}

impl Selection {
    /// Applies the filters to the votes of the rows that `left_out` does not name (every row
    /// when it is `None`; a row it names is left out with that reason before any filter and its
    /// votes count for nothing). Every kept participant starts with weight 1.
    pub(super) fn new(
        matrix: &VoteMatrix,
        config: &BridgingConfig,
        left_out: Option<&[Option<BridgingExclusion>]>,
    ) -> Selection {
        let n_rows = matrix.n_participants();
        let n_columns = matrix.n_statements();
        let statement_minimum = config.min_votes_per_statement.max(1);
        let is_rating = |value: i8| rating_halves(value, config.pass).is_some();
        let left_out_reason =
            |row: usize| left_out.and_then(|reasons| reasons.get(row).copied().flatten());

        // First statement pass: ratings from everyone not left out from the start.
        let mut column_ratings = vec![0usize; n_columns];
        for row in (0..n_rows).filter(|&row| left_out_reason(row).is_none()) {
            let (columns, values) = matrix.row_slices(row);
            for (&column, &value) in columns.iter().zip(values) {
                if is_rating(value) {
                    column_ratings[column as usize] += 1;
                }
            }
        }
        let mut statement_slots: Vec<Result<usize, BridgingExclusion>> = column_ratings
            .iter()
            .map(|&ratings| {
                if ratings >= statement_minimum {
                    Ok(0)
                } else {
                    Err(BridgingExclusion::TooFewRatings {
                        ratings,
                        minimum: statement_minimum,
                    })
                }
            })
            .collect();
        let n_kept_statements = statement_slots.iter().filter(|slot| slot.is_ok()).count();

        // Participant pass: ratings on the statements kept so far.
        let participant_minimum = config
            .min_votes_per_participant
            .unwrap_or(POLIS_MIN_VOTES_PER_PARTICIPANT.min(n_kept_statements))
            .max(1);
        let mut participant_slots: Vec<Result<usize, BridgingExclusion>> = (0..n_rows)
            .map(|row| {
                if let Some(reason) = left_out_reason(row) {
                    return Err(reason);
                }
                let (columns, values) = matrix.row_slices(row);
                let ratings = columns
                    .iter()
                    .zip(values)
                    .filter(|&(&column, &value)| {
                        is_rating(value) && statement_slots[column as usize].is_ok()
                    })
                    .count();
                if ratings >= participant_minimum {
                    Ok(0)
                } else {
                    Err(BridgingExclusion::TooFewRatingsOnKeptStatements {
                        ratings,
                        minimum: participant_minimum,
                    })
                }
            })
            .collect();

        // Second statement pass: ratings from the participants kept.
        column_ratings.fill(0);
        for (row, slot) in participant_slots.iter().enumerate() {
            if slot.is_err() {
                continue;
            }
            let (columns, values) = matrix.row_slices(row);
            for (&column, &value) in columns.iter().zip(values) {
                if is_rating(value) {
                    column_ratings[column as usize] += 1;
                }
            }
        }
        let mut next_statement = 0usize;
        for (slot, &ratings) in statement_slots.iter_mut().zip(&column_ratings) {
            if slot.is_err() {
                continue;
            }
            *slot = if ratings >= statement_minimum {
                next_statement += 1;
                Ok(next_statement - 1)
            } else {
                Err(BridgingExclusion::TooFewRatingsFromKeptParticipants {
                    ratings,
                    minimum: statement_minimum,
                })
            };
        }

        // The ratings between kept participants and kept statements; a participant left with
        // none is not part of the model.
        let mut row_offsets = vec![0usize];
        let mut statements = Vec::new();
        let mut halves = Vec::new();
        for (row, slot) in participant_slots.iter_mut().enumerate() {
            if slot.is_err() {
                continue;
            }
            let (columns, values) = matrix.row_slices(row);
            for (&column, &value) in columns.iter().zip(values) {
                let dense = statement_slots[column as usize];
                if let (Ok(dense), Some(rating)) = (dense, rating_halves(value, config.pass)) {
                    statements.push(
                        u32::try_from(dense)
                            .expect("a dense index never exceeds its matrix column, a u32"),
                    );
                    halves.push(rating);
                }
            }
            if statements.len() == row_offsets.last().copied().unwrap_or(0) {
                *slot = Err(BridgingExclusion::NoRatingsOnScoredStatements);
            } else {
                *slot = Ok(row_offsets.len() - 1);
                row_offsets.push(statements.len());
            }
        }

        let n_participants = row_offsets.len() - 1;
        let n_ratings = statements.len();
        let ratings_per_chunk = MIN_RATINGS_PER_CHUNK
            .max(RATINGS_PER_CHUNK_PER_STATEMENT.saturating_mul(next_statement));
        let participants_per_chunk = if statements.is_empty() {
            1
        } else {
            // Chunk sizes depend on the data only, never on the number of threads.
            let per_chunk = (ratings_per_chunk as u128 * n_participants as u128)
                .div_ceil(statements.len() as u128);
            usize::try_from(per_chunk)
                .unwrap_or(usize::MAX)
                .clamp(1, n_participants.max(1))
        };

        Selection {
            statement_ids: matrix.statements().to_vec(),
            participant_ids: matrix.participants().to_vec(),
            statement_slots,
            participant_slots,
            ratings: Ratings {
                row_offsets,
                statements,
                halves,
                n_statements: next_statement,
                participants_per_chunk,
                weights: vec![1.0; n_participants],
                rating_weight: n_ratings as f64,
                participant_weight: n_participants as f64,
            },
        }
    }

    /// Returns the result shape for this selection, with the model's parameters if one was fitted.
    pub(super) fn result(&self, model: Option<&Model>) -> BridgingResult {
        let ratings = &self.ratings;
        let mut statement_counts = vec![0usize; ratings.n_statements];
        for &statement in &ratings.statements {
            statement_counts[statement as usize] += 1;
        }
        let statements = self
            .statement_ids
            .iter()
            .zip(&self.statement_slots)
            .map(|(&statement, slot)| match (slot, model) {
                (Ok(dense), Some(model)) => {
                    let [intercept, factor] = model.statements[*dense];
                    StatementBridging {
                        statement,
                        intercept: Some(intercept),
                        factor: Some(factor),
                        n_ratings: statement_counts[*dense],
                        exclusion: None,
                    }
                }
                (slot, _) => StatementBridging {
                    statement,
                    intercept: None,
                    factor: None,
                    n_ratings: 0,
                    exclusion: slot.err(),
                },
            })
            .collect();
        let participants = self
            .participant_ids
            .iter()
            .zip(&self.participant_slots)
            .map(|(&participant, slot)| match (slot, model) {
                (Ok(dense), Some(model)) => {
                    let [intercept, factor] = model.participants[*dense];
                    ParticipantBridging {
                        participant,
                        intercept: Some(intercept),
                        factor: Some(factor),
                        n_ratings: ratings.ratings_of(*dense),
                        exclusion: None,
                    }
                }
                (slot, _) => ParticipantBridging {
                    participant,
                    intercept: None,
                    factor: None,
                    n_ratings: 0,
                    exclusion: slot.err(),
                },
            })
            .collect();
        BridgingResult {
            global_intercept: model.map_or(0.0, |model| model.global),
            statements,
            participants,
            loss: 0.0,
            epochs: 0,
            losses: Vec::new(),
            restarts_losses: Vec::new(),
        }
    }
}
