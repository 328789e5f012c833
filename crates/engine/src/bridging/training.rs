//! The loss, its gradient and the optimiser: full-batch Adam on the (weighted) mean squared error
//! of the ratings plus the L2 penalties, stopped by the Community Notes rule.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::BridgingConfig;
use super::selection::Ratings;

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

/// The model's parameters, or a gradient of the same shape: `[intercept, factor]` pairs.
#[derive(Clone, Debug)]
pub(super) struct Model {
    pub(super) global: f64,
    pub(super) participants: Vec<[f64; 2]>,
    pub(super) statements: Vec<[f64; 2]>,
}

impl Model {
    pub(super) fn zeros(n_participants: usize, n_statements: usize) -> Model {
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
    pub(super) fn identify_sign(&mut self) {
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
    /// Per chunk, the unscaled statement gradient sums `[Σ w·e, Σ w·e·f_u]`, `n_statements`
    /// each.
    chunk_statements: Vec<[f64; 2]>,
    /// Per chunk: `[Σ w·e², Σ w·e, Σ w·i_u², Σ w·f_u²]`.
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
/// over the ratings (the residual `e = r̂ − r` of each rating feeds every term). Each rating's
/// squared residual and each participant's penalties count with the participant's weight; with
/// every weight 1 every operation below gives the unweighted loss to the bit.
fn evaluate(
    ratings: &Ratings,
    model: &Model,
    config: &BridgingConfig,
    work: &mut Workspace,
) -> f64 {
    let n_ratings = ratings.rating_weight;
    let n_participants = ratings.participant_weight;
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
                let weight = ratings.weights[participant];
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
                    let weighted = weight * residual;
                    squared_residuals += weighted * residual;
                    row_residuals += weighted;
                    row_weighted += weighted * statement_factor;
                    let sum = &mut statement_sums[statement];
                    sum[0] += weighted;
                    sum[1] += weighted * factor;
                }
                residuals += row_residuals;
                squared_intercepts += weight * intercept * intercept;
                squared_factors += weight * factor * factor;
                *gradient = [
                    residual_scale * row_residuals
                        + participant_intercept_scale * (weight * intercept),
                    residual_scale * row_weighted + participant_factor_scale * (weight * factor),
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

/// One training run: its parameters and loss trace.
#[derive(Clone, Debug)]
pub(super) struct Run {
    /// The parameters kept: after the last step, or the best seen with [`Stopping::Patience`].
    pub(super) model: Model,
    /// The loss at `model`.
    pub(super) loss: f64,
    /// The loss before the first step and after every step.
    pub(super) losses: Vec<f64>,
    pub(super) epochs: usize,
}

impl Run {
    /// Returns the loss of the kept parameters.
    pub(super) fn final_loss(&self) -> f64 {
        self.loss
    }

    /// Returns the final loss for choosing among restarts, with NaN ranked last.
    pub(super) fn ranking_loss(&self) -> f64 {
        let loss = self.final_loss();
        if loss.is_nan() { f64::INFINITY } else { loss }
    }
}

/// When training stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stopping {
    /// Community Notes' rule: when the loss changes by at most 1e-7 in one step, or rises after
    /// 100 steps; the parameters after the last step are kept.
    CommunityNotes,
    /// When the best loss seen has not fallen by more than 1e-7 for this many steps; the best
    /// parameters seen are kept. Adam's loss wobbles, and a wobble can make one step's change
    /// tiny by chance: this rule is not stopped by one such step, which matters for a single
    /// run that has no other restarts to fall back on.
    Patience(usize),
}

/// Returns the cold start of restart `restart`: its own Xavier draw from stream `restart` of the
/// configured seed.
pub(super) fn cold_start(ratings: &Ratings, config: &BridgingConfig, restart: usize) -> Model {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    rng.set_stream(restart as u64);
    Model::xavier(ratings.n_participants(), ratings.n_statements, &mut rng)
}

/// Trains the model from `model` with Adam at `learning_rate` until `stopping` fires or the
/// configured epoch cap is reached.
pub(super) fn train(
    ratings: &Ratings,
    config: &BridgingConfig,
    mut model: Model,
    learning_rate: f64,
    stopping: Stopping,
) -> Run {
    let mut adam = Adam::new(
        learning_rate,
        ratings.n_participants(),
        ratings.n_statements,
    );
    let mut work = Workspace::new(ratings);
    let mut loss = evaluate(ratings, &model, config, &mut work);
    let mut losses = vec![loss];
    let mut previous = f64::INFINITY;
    let mut epochs = 0;
    // The best parameters seen, and the best loss since the first step with the step that
    // reached it: Adam's first step from a warm start jolts every parameter by the learning
    // rate, so progress is measured from there.
    let mut best = (loss, model.clone());
    let (mut running_best, mut last_improvement) = (f64::INFINITY, 0);
    let keeps_going = |epochs: usize, loss: f64, previous: f64, last_improvement: usize| {
        epochs < config.max_epochs
            && match stopping {
                // A NaN loss fails the first test and stops training.
                Stopping::CommunityNotes => {
                    (loss - previous).abs() > CONVERGENCE_THRESHOLD
                        && !(epochs > RISING_LOSS_GRACE_EPOCHS && loss > previous)
                }
                Stopping::Patience(patience) => epochs - last_improvement < patience,
            }
    };
    while keeps_going(epochs, loss, previous, last_improvement) {
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
        if stopping != Stopping::CommunityNotes {
            if loss < running_best - CONVERGENCE_THRESHOLD {
                last_improvement = epochs;
            }
            running_best = running_best.min(loss);
            if loss < best.0 {
                best.0 = loss;
                best.1.clone_from(&model);
            }
        }
    }
    if stopping != Stopping::CommunityNotes {
        (loss, model) = best;
    }
    Run {
        model,
        loss,
        losses,
        epochs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bridging::PassHandling;
    use crate::bridging::selection::Selection;
    use crate::votes::{ParticipantId, StatementId, Vote, VoteMatrix, VoteRecord};

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

    /// Returns the loss at `model` by direct summation, without the one-pass machinery: the
    /// weighted mean of the squared residuals plus the penalties, the participants' weighted.
    fn direct_loss(ratings: &Ratings, model: &Model, config: &BridgingConfig) -> f64 {
        let (mut squared, mut total) = (0.0, 0.0);
        for participant in 0..ratings.n_participants() {
            let weight = ratings.weights[participant];
            for index in ratings.row_offsets[participant]..ratings.row_offsets[participant + 1] {
                let [i_u, f_u] = model.participants[participant];
                let [i_n, f_n] = model.statements[ratings.statements[index] as usize];
                let prediction = model.global + i_u + i_n + f_u * f_n;
                let rating = 0.5 * f64::from(ratings.halves[index]);
                squared += weight * (prediction - rating).powi(2);
                total += weight;
            }
        }
        let mean = |values: &[[f64; 2]], k: usize| {
            values.iter().map(|pair| pair[k] * pair[k]).sum::<f64>() / values.len() as f64
        };
        let weighted_mean = |k: usize| {
            let weights = &ratings.weights;
            let sum: f64 = (model.participants.iter().zip(weights))
                .map(|(pair, weight)| weight * pair[k] * pair[k])
                .sum();
            sum / weights.iter().sum::<f64>()
        };
        squared / total
            + config.lambda_intercept * weighted_mean(0)
            + config.lambda_factor * weighted_mean(1)
            + config.lambda_intercept * mean(&model.statements, 0)
            + config.lambda_factor * mean(&model.statements, 1)
            + config.lambda_global * model.global * model.global
    }

    #[test]
    fn the_gradient_matches_finite_differences_of_the_loss() {
        for weighted in [false, true] {
            check_gradient(weighted);
        }
    }

    /// Checks the gradient against central differences, with unit or uneven participant weights.
    fn check_gradient(weighted: bool) {
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
        let mut selection = Selection::new(&matrix(&votes), &config, None);
        if weighted {
            let weights = (0..selection.ratings.n_participants())
                .map(|participant| 0.25 + participant as f64 / 4.0)
                .collect();
            selection.ratings.set_weights(weights);
        }
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
        let mut selection = Selection::new(&matrix(&votes), &config, None);
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
