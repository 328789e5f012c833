//! The Community Notes one-factor matrix factorisation: bridging scores for statements.
//!
//! Every vote is read as a rating of a statement by a participant (agree 1.0, disagree 0.0, pass
//! dropped or 0.5) and the ratings are explained by
//!
//! `r̂(u, n) = μ + i_u + i_n + f_u · f_n`
//!
//! with one global intercept `μ`, an intercept and a single factor per participant (`i_u`, `f_u`)
//! and per statement (`i_n`, `f_n`). The factor absorbs whatever splits the participants (camps);
//! the statement intercept `i_n` is what is left once that split is accounted for, so it ranks
//! statements that people agree with across the divide above statements one camp loves. That
//! intercept is the bridging score; `f_n` says how partisan a statement is.
//!
//! The fit follows the Community Notes core scorer as coded: mean squared error over the ratings
//! plus L2 penalties on the means of the squared parameters, full-batch Adam (learning rate 1.0
//! from a cold start, β = 0.9 / 0.999, ε = 1e-8 as in torch), the gradient clipped to a global norm
//! of 1.0, and the stopping rule `|loss − previous| > 1e-7` and not (`epoch > 100` and the loss
//! rising). Factors start Xavier-uniform from a seeded ChaCha8 generator; several restarts run
//! and the lowest final loss wins, because one unlucky start can stop on a plateau with a wrong
//! ranking. Finally the factor sign is fixed so that most participants get a negative factor.
//!
//! Community Notes computes in `f32` (torch parameters); this module computes in `f64`, so its
//! numbers agree with a torch run only to single precision, while runs here are reproducible to
//! the bit: every sum runs in a fixed order over fixed chunks of participants, whatever the number
//! of threads.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::votes::{ParticipantId, StatementId, VoteMatrix};

/// The loss change below which training stops (Community Notes' convergence threshold).
const CONVERGENCE_THRESHOLD: f64 = 1e-7;
/// After this many epochs, a rising loss also stops training.
const RISING_LOSS_GRACE_EPOCHS: usize = 100;
/// The global gradient norm is clipped to this value before every step.
const MAX_GRADIENT_NORM: f64 = 1.0;
/// Adam's first-moment decay.
const BETA1: f64 = 0.9;
/// Adam's second-moment decay.
const BETA2: f64 = 0.999;
/// Adam's denominator guard, as in torch.
const EPSILON: f64 = 1e-8;
/// Added to the gradient norm before dividing by it, as torch's `clip_grad_norm_` does.
const CLIP_GUARD: f64 = 1e-6;
/// The fewest ratings a chunk of participants aims for; chunks are the unit of parallel work.
const MIN_RATINGS_PER_CHUNK: usize = 1 << 17;
/// A chunk holds at least this many ratings per statement, so that summing the per-chunk
/// statement gradients costs a small fraction of the pass over the ratings.
const RATINGS_PER_CHUNK_PER_STATEMENT: usize = 16;
/// Pol.is counts a participant in the analysis once they voted on this many statements (or on
/// all of them, when there are fewer).
const POLIS_MIN_VOTES_PER_PARTICIPANT: usize = 7;

/// What a pass vote becomes in the ratings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PassHandling {
    /// A pass is no rating at all ("no opinion"); it also does not count towards the filters.
    #[default]
    Drop,
    /// A pass is a rating of 0.5, like Community Notes' "somewhat helpful".
    Half,
}

/// Settings for [`fit`]; `Default` gives the Community Notes values.
#[derive(Clone, Debug, PartialEq)]
pub struct BridgingConfig {
    /// Seeds the factor initialisation; restart `k` uses stream `k` of this seed.
    pub seed: u64,
    /// How many independent fits to run (at least one runs); the lowest final loss is kept.
    pub restarts: usize,
    /// What a pass vote becomes.
    pub pass: PassHandling,
    /// Statements need this many ratings to be scored (before and after the participant filter).
    pub min_votes_per_statement: usize,
    /// Participants need this many ratings on the statements kept by the first statement filter.
    /// `None` means `min(7, number of those statements)`, Pol.is' rule for counting a participant
    /// in the analysis: Community Notes asks for 10 ratings, but in a dialogue many participants
    /// vote on fewer than 10 statements.
    pub min_votes_per_participant: Option<usize>,
    /// Training stops after this many epochs even if the stopping rule has not fired.
    pub max_epochs: usize,
    /// Adam's learning rate.
    pub learning_rate: f64,
    /// Penalty on the mean squared participant and statement factors.
    pub lambda_factor: f64,
    /// Penalty on the mean squared participant and statement intercepts.
    pub lambda_intercept: f64,
    /// Penalty on the squared global intercept.
    pub lambda_global: f64,
}

impl Default for BridgingConfig {
    fn default() -> Self {
        BridgingConfig {
            seed: 0,
            restarts: 5,
            pass: PassHandling::Drop,
            min_votes_per_statement: 5,
            min_votes_per_participant: None,
            max_epochs: 2_000,
            learning_rate: 1.0,
            lambda_factor: 0.03,
            lambda_intercept: 0.15,
            lambda_global: 0.15,
        }
    }
}

/// Why a statement or participant got no score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BridgingExclusion {
    /// The statement had fewer ratings than the statement minimum.
    TooFewRatings {
        /// Ratings the statement had.
        ratings: usize,
        /// Ratings it needed.
        minimum: usize,
    },
    /// The participant had fewer ratings on the statements kept by the first statement filter
    /// than the participant minimum.
    TooFewRatingsOnKeptStatements {
        /// Ratings the participant had on those statements.
        ratings: usize,
        /// Ratings they needed.
        minimum: usize,
    },
    /// Once participants with too few ratings were left out, the statement was left with fewer
    /// ratings than the statement minimum.
    TooFewRatingsFromKeptParticipants {
        /// Ratings from the participants kept.
        ratings: usize,
        /// Ratings it needed.
        minimum: usize,
    },
    /// The participant passed the participant filter, but every statement they rated was then
    /// left out by the second statement filter.
    NoRatingsOnScoredStatements,
}

/// The bridging score of one statement (one matrix column).
#[derive(Clone, Debug, PartialEq)]
pub struct StatementBridging {
    /// The statement.
    pub statement: StatementId,
    /// The statement intercept `i_n`: the bridging score, `None` when the statement was left out.
    pub intercept: Option<f64>,
    /// The statement factor `f_n`: how far the statement splits the participants.
    pub factor: Option<f64>,
    /// Ratings the fit used (0 when the statement was left out; see `exclusion`).
    pub n_ratings: usize,
    /// Why the statement has no score.
    pub exclusion: Option<BridgingExclusion>,
}

/// The fitted parameters of one participant (one matrix row).
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantBridging {
    /// The participant.
    pub participant: ParticipantId,
    /// The participant intercept `i_u`: how readily they agree, `None` when left out.
    pub intercept: Option<f64>,
    /// The participant factor `f_u`: their side of the main split, `None` when left out.
    pub factor: Option<f64>,
    /// Ratings the fit used (0 when the participant was left out; see `exclusion`).
    pub n_ratings: usize,
    /// Why the participant has no parameters.
    pub exclusion: Option<BridgingExclusion>,
}

/// The fitted model: bridging scores per statement and parameters per participant.
#[derive(Clone, Debug, PartialEq)]
pub struct BridgingResult {
    /// The global intercept `μ` (0 when nothing could be fitted).
    pub global_intercept: f64,
    /// One entry per matrix column, in column order.
    pub statements: Vec<StatementBridging>,
    /// One entry per matrix row, in row order.
    pub participants: Vec<ParticipantBridging>,
    /// The final loss of the kept restart (0 when nothing could be fitted).
    pub loss: f64,
    /// Adam steps the kept restart took.
    pub epochs: usize,
    /// The loss of the kept restart before its first step and after every step (`epochs + 1`
    /// values; empty when nothing could be fitted).
    pub losses: Vec<f64>,
    /// The final loss of every restart, in restart order.
    pub restarts_losses: Vec<f64>,
}

/// Fits the one-factor model to the votes and returns the bridging score of every statement.
///
/// Statements with too few ratings, and participants with too few ratings on the remaining
/// statements, are left out in one pass (statements, participants, statements again) and get
/// `None` with the reason. Odd input (no votes, only passes, too few votes) gives a result in
/// which everything is left out; it never panics.
pub fn fit(matrix: &VoteMatrix, config: &BridgingConfig) -> BridgingResult {
    let selection = Selection::new(matrix, config);
    let ratings = &selection.ratings;
    if ratings.n_ratings() == 0 {
        return selection.into_result(None);
    }

    let runs: Vec<Run> = (0..config.restarts.max(1))
        .into_par_iter()
        .map(|restart| train(ratings, config, restart))
        .collect();
    let restarts_losses: Vec<f64> = runs.iter().map(Run::final_loss).collect();
    // The lowest final loss wins; a NaN loss never does, and ties go to the earlier restart.
    let best = runs
        .into_iter()
        .enumerate()
        .min_by(|(a_index, a), (b_index, b)| {
            a.ranking_loss()
                .total_cmp(&b.ranking_loss())
                .then(a_index.cmp(b_index))
        })
        .map(|(_, run)| run);
    let Some(mut best) = best else {
        return selection.into_result(None);
    };
    best.model.identify_sign();
    tracing::debug!(
        restarts = restarts_losses.len(),
        loss = best.final_loss(),
        epochs = best.epochs,
        "bridging model fitted"
    );
    let mut result = selection.into_result(Some(&best.model));
    result.loss = best.final_loss();
    result.epochs = best.epochs;
    result.losses = best.losses;
    result.restarts_losses = restarts_losses;
    result
}

/// The ratings the model is fitted on, stored per participant (CSR) over dense indices of the
/// participants and statements that passed the filters.
#[derive(Debug)]
struct Ratings {
    /// Start of each participant's ratings in `statements` and `halves`; `n_participants + 1`.
    row_offsets: Vec<usize>,
    /// The dense statement index of each rating.
    statements: Vec<u32>,
    /// The rating in halves: 0 disagree, 1 pass (with [`PassHandling::Half`]), 2 agree.
    halves: Vec<u8>,
    /// How many statements the model has.
    n_statements: usize,
    /// How many consecutive participants one chunk of parallel work covers.
    participants_per_chunk: usize,
}

impl Ratings {
    fn n_participants(&self) -> usize {
        self.row_offsets.len() - 1
    }

    fn n_ratings(&self) -> usize {
        self.statements.len()
    }

    fn n_chunks(&self) -> usize {
        self.n_participants().div_ceil(self.participants_per_chunk)
    }
}

/// Who and what passed the filters, and the ratings between them.
#[derive(Debug)]
struct Selection {
    statement_ids: Vec<StatementId>,
    participant_ids: Vec<ParticipantId>,
    /// Per matrix column: the dense model index, or why the statement is left out.
    statement_slots: Vec<Result<usize, BridgingExclusion>>,
    /// Per matrix row: the dense model index, or why the participant is left out.
    participant_slots: Vec<Result<usize, BridgingExclusion>>,
    ratings: Ratings,
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
    fn new(matrix: &VoteMatrix, config: &BridgingConfig) -> Selection {
        let n_rows = matrix.n_participants();
        let n_columns = matrix.n_statements();
        let statement_minimum = config.min_votes_per_statement.max(1);
        let is_rating = |value: i8| rating_halves(value, config.pass).is_some();

        // First statement pass: ratings from everyone.
        let mut column_ratings = vec![0usize; n_columns];
        for row in 0..n_rows {
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
            },
        }
    }

    /// Returns the result shape for this selection, with the model's parameters if one was fitted.
    fn into_result(self, model: Option<&Model>) -> BridgingResult {
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
                        n_ratings: ratings.row_offsets[dense + 1] - ratings.row_offsets[*dense],
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

/// The model's parameters, or a gradient of the same shape: `[intercept, factor]` pairs.
#[derive(Clone, Debug)]
struct Model {
    global: f64,
    participants: Vec<[f64; 2]>,
    statements: Vec<[f64; 2]>,
}

impl Model {
    fn zeros(n_participants: usize, n_statements: usize) -> Model {
        Model {
            global: 0.0,
            participants: vec![[0.0; 2]; n_participants],
            statements: vec![[0.0; 2]; n_statements],
        }
    }

    /// Returns a cold start: intercepts zero, factors Xavier-uniform (for an N x 1 embedding the
    /// bound is `sqrt(6 / (N + 1))`), participants drawn before statements.
    fn xavier(n_participants: usize, n_statements: usize, rng: &mut ChaCha8Rng) -> Model {
        let mut model = Model::zeros(n_participants, n_statements);
        for side in [&mut model.participants, &mut model.statements] {
            let bound = (6.0 / (side.len() as f64 + 1.0)).sqrt();
            for [_, factor] in side.iter_mut() {
                *factor = rng.random_range(-bound..bound);
            }
        }
        model
    }

    /// Negates every factor unless at least half of the non-zero participant factors are
    /// negative, so that the larger side of the split gets negative factors (Community Notes'
    /// identification; the model is unchanged because only products of factors enter it).
    fn identify_sign(&mut self) {
        let negative = self
            .participants
            .iter()
            .filter(|[_, factor]| *factor < 0.0)
            .count();
        let non_zero = self
            .participants
            .iter()
            .filter(|[_, factor]| *factor != 0.0)
            .count();
        if 2 * negative < non_zero {
            for [_, factor] in self
                .participants
                .iter_mut()
                .chain(self.statements.iter_mut())
            {
                *factor = -*factor;
            }
        }
    }

    fn squared_norm(&self) -> f64 {
        let pairs = self.participants.iter().chain(&self.statements);
        pairs.fold(self.global * self.global, |sum, [a, b]| sum + a * a + b * b)
    }

    fn scale(&mut self, factor: f64) {
        self.global *= factor;
        for pair in self
            .participants
            .iter_mut()
            .chain(self.statements.iter_mut())
        {
            pair[0] *= factor;
            pair[1] *= factor;
        }
    }
}

/// Reusable buffers for one training run: nothing is allocated per epoch.
#[derive(Debug)]
struct Workspace {
    gradient: Model,
    /// Per chunk, the unscaled statement gradient sums `[Σ e, Σ e·f_u]`, `n_statements` each.
    chunk_statements: Vec<[f64; 2]>,
    /// Per chunk: `[Σ e², Σ e, Σ i_u², Σ f_u²]`.
    chunk_sums: Vec<[f64; 4]>,
}

impl Workspace {
    fn new(ratings: &Ratings) -> Workspace {
        let n_chunks = ratings.n_chunks();
        Workspace {
            gradient: Model::zeros(ratings.n_participants(), ratings.n_statements),
            chunk_statements: vec![[0.0; 2]; n_chunks * ratings.n_statements],
            chunk_sums: vec![[0.0; 4]; n_chunks],
        }
    }
}

/// Returns the loss at `model` and writes its gradient into `workspace.gradient`, in one pass
/// over the ratings (the residual `e = r̂ − r` of each rating feeds every term).
fn evaluate(
    ratings: &Ratings,
    model: &Model,
    config: &BridgingConfig,
    work: &mut Workspace,
) -> f64 {
    let n_ratings = ratings.n_ratings() as f64;
    let n_participants = ratings.n_participants() as f64;
    let n_statements = ratings.n_statements as f64;
    let residual_scale = 2.0 / n_ratings;
    let participant_intercept_scale = 2.0 * config.lambda_intercept / n_participants;
    let participant_factor_scale = 2.0 * config.lambda_factor / n_participants;
    let per_chunk = ratings.participants_per_chunk;
    let global = model.global;

    work.gradient
        .participants
        .par_chunks_mut(per_chunk)
        .zip(work.chunk_statements.par_chunks_mut(ratings.n_statements))
        .zip(work.chunk_sums.par_iter_mut())
        .enumerate()
        .for_each(|(chunk, ((participant_gradients, statement_sums), sums))| {
            statement_sums.fill([0.0; 2]);
            let mut squared_residuals = 0.0;
            let mut residuals = 0.0;
            let mut squared_intercepts = 0.0;
            let mut squared_factors = 0.0;
            let first = chunk * per_chunk;
            for (offset, gradient) in participant_gradients.iter_mut().enumerate() {
                let participant = first + offset;
                let [intercept, factor] = model.participants[participant];
                let range = ratings.row_offsets[participant]..ratings.row_offsets[participant + 1];
                let base = global + intercept;
                let mut row_residuals = 0.0;
                let mut row_weighted = 0.0;
                for (&statement, &halves) in ratings.statements[range.clone()]
                    .iter()
                    .zip(&ratings.halves[range])
                {
                    let statement = statement as usize;
                    let [statement_intercept, statement_factor] = model.statements[statement];
                    let residual = base + statement_intercept + factor * statement_factor
                        - 0.5 * f64::from(halves);
                    squared_residuals += residual * residual;
                    row_residuals += residual;
                    row_weighted += residual * statement_factor;
                    let sum = &mut statement_sums[statement];
                    sum[0] += residual;
                    sum[1] += residual * factor;
                }
                residuals += row_residuals;
                squared_intercepts += intercept * intercept;
                squared_factors += factor * factor;
                *gradient = [
                    residual_scale * row_residuals + participant_intercept_scale * intercept,
                    residual_scale * row_weighted + participant_factor_scale * factor,
                ];
            }
            *sums = [
                squared_residuals,
                residuals,
                squared_intercepts,
                squared_factors,
            ];
        });

    // Statement gradients: each statement sums its chunks in chunk order.
    let statement_intercept_scale = 2.0 * config.lambda_intercept / n_statements;
    let statement_factor_scale = 2.0 * config.lambda_factor / n_statements;
    let chunk_statements = &work.chunk_statements;
    let statement_count = ratings.n_statements;
    work.gradient
        .statements
        .par_iter_mut()
        .enumerate()
        .with_min_len(256)
        .for_each(|(statement, gradient)| {
            let mut sum = [0.0; 2];
            for chunk in chunk_statements.chunks_exact(statement_count) {
                sum[0] += chunk[statement][0];
                sum[1] += chunk[statement][1];
            }
            let [intercept, factor] = model.statements[statement];
            *gradient = [
                residual_scale * sum[0] + statement_intercept_scale * intercept,
                residual_scale * sum[1] + statement_factor_scale * factor,
            ];
        });

    let [
        squared_residuals,
        residuals,
        squared_intercepts,
        squared_factors,
    ] = work.chunk_sums.iter().fold([0.0; 4], |total, sums| {
        [
            total[0] + sums[0],
            total[1] + sums[1],
            total[2] + sums[2],
            total[3] + sums[3],
        ]
    });
    let (statement_squared_intercepts, statement_squared_factors) = model
        .statements
        .iter()
        .fold((0.0, 0.0), |(intercepts, factors), [i, f]| {
            (intercepts + i * i, factors + f * f)
        });
    work.gradient.global = residual_scale * residuals + 2.0 * config.lambda_global * global;

    squared_residuals / n_ratings
        + config.lambda_factor * squared_factors / n_participants
        + config.lambda_intercept * squared_intercepts / n_participants
        + config.lambda_factor * statement_squared_factors / n_statements
        + config.lambda_intercept * statement_squared_intercepts / n_statements
        + config.lambda_global * global * global
}

/// Adam with torch's update rule and no weight decay.
#[derive(Debug)]
struct Adam {
    learning_rate: f64,
    steps: i32,
    first_moment: Model,
    second_moment: Model,
}

impl Adam {
    fn new(learning_rate: f64, n_participants: usize, n_statements: usize) -> Adam {
        Adam {
            learning_rate,
            steps: 0,
            first_moment: Model::zeros(n_participants, n_statements),
            second_moment: Model::zeros(n_participants, n_statements),
        }
    }

    fn step(&mut self, model: &mut Model, gradient: &Model) {
        self.steps = self.steps.saturating_add(1);
        let step_size = self.learning_rate / (1.0 - BETA1.powi(self.steps));
        let root_correction = (1.0 - BETA2.powi(self.steps)).sqrt();
        let update = |parameter: &mut f64, gradient: f64, first: &mut f64, second: &mut f64| {
            *first = BETA1 * *first + (1.0 - BETA1) * gradient;
            *second = BETA2 * *second + (1.0 - BETA2) * gradient * gradient;
            let denominator = second.sqrt() / root_correction + EPSILON;
            *parameter -= step_size * *first / denominator;
        };
        update(
            &mut model.global,
            gradient.global,
            &mut self.first_moment.global,
            &mut self.second_moment.global,
        );
        let sides = [
            (
                &mut model.participants,
                &gradient.participants,
                &mut self.first_moment.participants,
                &mut self.second_moment.participants,
            ),
            (
                &mut model.statements,
                &gradient.statements,
                &mut self.first_moment.statements,
                &mut self.second_moment.statements,
            ),
        ];
        for (parameters, gradients, firsts, seconds) in sides {
            parameters
                .par_iter_mut()
                .zip(gradients.par_iter())
                .zip(firsts.par_iter_mut())
                .zip(seconds.par_iter_mut())
                .with_min_len(4096)
                .for_each(|(((parameter, gradient), first), second)| {
                    for k in 0..2 {
                        update(
                            &mut parameter[k],
                            gradient[k],
                            &mut first[k],
                            &mut second[k],
                        );
                    }
                });
        }
    }
}

/// One restart: its final parameters and loss trace.
#[derive(Debug)]
struct Run {
    model: Model,
    losses: Vec<f64>,
    epochs: usize,
}

impl Run {
    /// Returns the loss after the last step (NaN for an empty trace, which training never leaves).
    fn final_loss(&self) -> f64 {
        self.losses.last().copied().unwrap_or(f64::NAN)
    }

    /// Returns the final loss for choosing among restarts, with NaN ranked last.
    fn ranking_loss(&self) -> f64 {
        let loss = self.final_loss();
        if loss.is_nan() { f64::INFINITY } else { loss }
    }
}

/// Trains one restart from its own Xavier start (stream `restart` of the configured seed).
fn train(ratings: &Ratings, config: &BridgingConfig, restart: usize) -> Run {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    rng.set_stream(restart as u64);
    let n_participants = ratings.n_participants();
    let n_statements = ratings.n_statements;
    let mut model = Model::xavier(n_participants, n_statements, &mut rng);
    let mut adam = Adam::new(config.learning_rate, n_participants, n_statements);
    let mut work = Workspace::new(ratings);

    let mut loss = evaluate(ratings, &model, config, &mut work);
    let mut losses = vec![loss];
    let mut previous = f64::INFINITY;
    let mut epochs = 0;
    // A NaN loss fails the first test and stops training.
    while epochs < config.max_epochs
        && (loss - previous).abs() > CONVERGENCE_THRESHOLD
        && !(epochs > RISING_LOSS_GRACE_EPOCHS && loss > previous)
    {
        previous = loss;
        let norm = work.gradient.squared_norm().sqrt();
        let clip = MAX_GRADIENT_NORM / (norm + CLIP_GUARD);
        if clip < 1.0 {
            work.gradient.scale(clip);
        }
        adam.step(&mut model, &work.gradient);
        loss = evaluate(ratings, &model, config, &mut work);
        losses.push(loss);
        epochs += 1;
    }
    Run {
        model,
        losses,
        epochs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::{Vote, VoteRecord};

    fn matrix(votes: &[(u32, u32, i8)]) -> VoteMatrix {
        let records: Vec<VoteRecord> = votes
            .iter()
            .map(|&(participant, statement, value)| VoteRecord {
                participant: ParticipantId(participant),
                statement: StatementId(statement),
                vote: Vote::from_value(value).unwrap(),
                timestamp: 0,
            })
            .collect();
        VoteMatrix::from_records(&records)
    }

    /// Returns the loss at `model` by direct summation, without the one-pass machinery.
    fn direct_loss(ratings: &Ratings, model: &Model, config: &BridgingConfig) -> f64 {
        let mut squared = 0.0;
        for participant in 0..ratings.n_participants() {
            for index in ratings.row_offsets[participant]..ratings.row_offsets[participant + 1] {
                let [i_u, f_u] = model.participants[participant];
                let [i_n, f_n] = model.statements[ratings.statements[index] as usize];
                let prediction = model.global + i_u + i_n + f_u * f_n;
                let rating = 0.5 * f64::from(ratings.halves[index]);
                squared += (prediction - rating).powi(2);
            }
        }
        let mean = |values: &[[f64; 2]], k: usize| {
            values.iter().map(|pair| pair[k] * pair[k]).sum::<f64>() / values.len() as f64
        };
        squared / ratings.n_ratings() as f64
            + config.lambda_intercept * mean(&model.participants, 0)
            + config.lambda_factor * mean(&model.participants, 1)
            + config.lambda_intercept * mean(&model.statements, 0)
            + config.lambda_factor * mean(&model.statements, 1)
            + config.lambda_global * model.global * model.global
    }

    #[test]
    fn the_gradient_matches_finite_differences_of_the_loss() {
        let mut votes = Vec::new();
        for participant in 0..12u32 {
            for statement in 0..6u32 {
                if (participant + statement) % 5 != 0 {
                    let value = [1, -1, 0][((participant * 7 + statement * 3) % 3) as usize];
                    votes.push((participant, statement, value));
                }
            }
        }
        let config = BridgingConfig {
            pass: PassHandling::Half,
            min_votes_per_statement: 1,
            min_votes_per_participant: Some(1),
            ..BridgingConfig::default()
        };
        let selection = Selection::new(&matrix(&votes), &config);
        let ratings = &selection.ratings;
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut model = Model::xavier(ratings.n_participants(), ratings.n_statements, &mut rng);
        model.global = 0.2;
        for pair in model
            .participants
            .iter_mut()
            .chain(model.statements.iter_mut())
        {
            pair[0] = rng.random_range(-0.3..0.3);
        }
        let mut work = Workspace::new(ratings);
        let loss = evaluate(ratings, &model, &config, &mut work);
        assert!((loss - direct_loss(ratings, &model, &config)).abs() < 1e-12);

        let step = 1e-6;
        let check = |analytic: f64, perturb: &dyn Fn(&mut Model, f64)| {
            let mut plus = model.clone();
            perturb(&mut plus, step);
            let mut minus = model.clone();
            perturb(&mut minus, -step);
            let numeric = (direct_loss(ratings, &plus, &config)
                - direct_loss(ratings, &minus, &config))
                / (2.0 * step);
            assert!(
                (numeric - analytic).abs() < 1e-7,
                "numeric {numeric} analytic {analytic}"
            );
        };
        check(work.gradient.global, &|m, h| m.global += h);
        for k in 0..2 {
            check(work.gradient.participants[3][k], &|m, h| {
                m.participants[3][k] += h;
            });
            check(work.gradient.statements[2][k], &|m, h| {
                m.statements[2][k] += h
            });
        }
    }

    #[test]
    fn chunks_split_the_participants_without_changing_the_loss() {
        let mut votes = Vec::new();
        for participant in 0..40u32 {
            for statement in 0..8u32 {
                let value = if (participant * 3 + statement) % 4 == 0 {
                    -1
                } else {
                    1
                };
                votes.push((participant, statement, value));
            }
        }
        let config = BridgingConfig::default();
        let mut selection = Selection::new(&matrix(&votes), &config);
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let model = Model::xavier(40, 8, &mut rng);
        let whole = evaluate(
            &selection.ratings,
            &model,
            &config,
            &mut Workspace::new(&selection.ratings),
        );
        selection.ratings.participants_per_chunk = 7;
        let mut work = Workspace::new(&selection.ratings);
        assert_eq!(work.chunk_sums.len(), 6);
        let chunked = evaluate(&selection.ratings, &model, &config, &mut work);
        assert!((whole - chunked).abs() < 1e-14);
        assert!((chunked - direct_loss(&selection.ratings, &model, &config)).abs() < 1e-14);
    }
}
