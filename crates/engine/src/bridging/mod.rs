//! Bridging scores for statements: the Community Notes one-factor matrix factorisation, fitted
//! once as Community Notes fits it (every rating counts the same) and once group-balanced.
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

//!
//! # The group-balanced fit
//!
//! Fitted by head-count, the model puts its neutral viewpoint (`f_u = 0`, where the intercept is
//! read) where most participants are: the penalty on the mean of `f_u²` centres the factors on
//! the participants' plain mean, and the mean squared error is dominated by the larger camp. With
//! camps of 70% and 30%, a statement 99% of the large camp and 15% of the small one agree with
//! then gets a higher intercept than one ~70% of both camps agree with. [`fit_balanced`] fits the
//! same model with a weight on every participant such that each opinion group's participants
//! together weigh the same (each group `1 / G` of the total, shared among its members in
//! proportion to their analysis weights). The weight multiplies the participant's squared
//! residuals in the mean over ratings and their terms in the participant penalties, so:
//!
//! - each group's ratings of a statement that all its members rated count the same in the
//!   statement's fit, whatever the group's size;
//! - the penalty on the weighted mean of `f_u²` puts `f_u = 0` at the balanced centre of the
//!   groups' viewpoints, so the intercept is read where no group outweighs another;
//! - copying participants changes nothing at the optimum: given the statements' parameters each
//!   participant's own parameters solve a strictly convex problem, so copies end up alike and
//!   the weighted loss is the loss of the originals.
//!
//! Weighting the loss was chosen over refitting by head-count and reading the intercept at the
//! balanced centre afterwards: the read-off would keep the head-count fit's shrinkage and factor
//! direction, both set by the larger camp, while the weighted loss makes every part of the fit
//! balanced and is exactly invariant to copies. The weights are per participant rather than per
//! rating, so a group in which few members rated a statement is not inflated to a full group's
//! weight on it on the strength of a handful of votes (the common-ground coverage rules judge
//! thin coverage).
//!
//! Participants in no opinion group are left out of the balanced fit (they have no group to
//! share a weight with); when no participant is in a group there is nothing to balance, and the
//! balanced fit weighs participants by their analysis weights alone. A participant's analysis
//! weight scales their share within their group; a weight that is zero, negative or not finite
//! leaves them out.
//!
//! The balanced fit is one run started from the head-count fit's parameters, which costs a
//! fraction of the head-count fit's restarts. Adam's learning rate is 0.05 there (Community
//! Notes lowers it to 0.2 for initialised parameters; the start here is closer still), and the
//! run stops once its best loss has not fallen by more than 1e-7 for 20 steps, keeping the best
//! parameters: Adam's loss wobbles, a wobble can make one step's change tiny by chance, and a
//! single run has no other restarts to make up for stopping there, as the Community Notes rule
//! would. When the balanced weights are all equal and nobody is left out, the two fits are the
//! same and the head-count fit is reused.

mod balance;
mod selection;
mod training;

use rayon::prelude::*;

use crate::votes::{ParticipantId, StatementId, VoteMatrix};

use balance::Balance;
use selection::Selection;
use training::{Model, Run, Stopping, cold_start, train};

/// The group-balanced fit stops once its best loss has not improved for this many steps.
const BALANCED_PATIENCE: usize = 20;

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
    /// Adam's learning rate from a cold start.
    pub learning_rate: f64,
    /// Adam's learning rate for the group-balanced fit, which starts from the head-count fit's
    /// parameters.
    pub warm_start_learning_rate: f64,
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
            warm_start_learning_rate: 0.05,
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
    /// The group-balanced fit: the participant is in no opinion group while others are.
    NoOpinionGroup,
    /// The group-balanced fit: the participant's analysis weight is zero, negative or not a
    /// number.
    NoAnalysisWeight,
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

/// The bridging scores of a dialogue, group-balanced and by head-count.
#[derive(Clone, Debug, PartialEq)]
pub struct BalancedBridging {
    /// The group-balanced fit: its intercepts are the bridging scores the common-ground gate
    /// reads.
    pub balanced: BridgingResult,
    /// The Community Notes fit, every rating counting the same ([`fit`]), for comparison.
    pub head_count: BridgingResult,
    /// How many opinion groups share the balanced fit's weight equally (0 when no participant in
    /// the fit is in a group: the balanced fit then weighs by analysis weight alone).
    pub n_groups: usize,
}

/// Fits the one-factor model to the votes and returns the bridging score of every statement.
///
/// Statements with too few ratings, and participants with too few ratings on the remaining
/// statements, are left out in one pass (statements, participants, statements again) and get
/// `None` with the reason. Odd input (no votes, only passes, too few votes) gives a result in
/// which everything is left out; it never panics.
pub fn fit(matrix: &VoteMatrix, config: &BridgingConfig) -> BridgingResult {
    let selection = Selection::new(matrix, config, None);
    let best = fit_restarts(&selection, config);
    fitted_result(&selection, best)
}

/// Fits the model twice: by head-count ([`fit`]) and group-balanced, each opinion group's
/// participants together weighing the same (see the module documentation).
///
/// `groups` gives each matrix row's opinion group (any indices; `None`: in no group) and
/// `participant_weights` each row's analysis weight (`None`: all 1). Both are aligned with the
/// matrix's rows; a row beyond the end of either counts as in no group or with weight 1.
/// The filters are those of [`fit`], applied to the participants the balanced fit can weigh.
pub fn fit_balanced(
    matrix: &VoteMatrix,
    config: &BridgingConfig,
    groups: &[Option<usize>],
    participant_weights: Option<&[f64]>,
) -> BalancedBridging {
    let head_selection = Selection::new(matrix, config, None);
    let head_best = fit_restarts(&head_selection, config);

    let balance = Balance::new(matrix.n_participants(), groups, participant_weights);
    let mut selection = Selection::new(matrix, config, Some(&balance.left_out()));
    let (weights, n_groups) = balance.weights(&selection);
    let is_head_count = selection.participant_slots == head_selection.participant_slots
        && selection.statement_slots == head_selection.statement_slots
        && weights
            .windows(2)
            .all(|pair| pair[0].to_bits() == pair[1].to_bits());
    let head_count = fitted_result(&head_selection, head_best.clone());
    if is_head_count {
        // Equal weights give the head-count loss itself: the fits are the same.
        return BalancedBridging {
            balanced: head_count.clone(),
            head_count,
            n_groups,
        };
    }
    selection.ratings.set_weights(weights);
    let balanced = head_best
        .filter(|_| selection.ratings.n_ratings() > 0)
        .map(|head| {
            let start = warm_start(&head.run.model, &head_selection, &selection);
            let mut run = train(
                &selection.ratings,
                config,
                start,
                config.warm_start_learning_rate,
                Stopping::Patience(BALANCED_PATIENCE),
            );
            run.model.identify_sign();
            tracing::debug!(
                loss = run.final_loss(),
                epochs = run.epochs,
                n_groups,
                "group-balanced bridging model fitted"
            );
            Fitted {
                restarts_losses: vec![run.final_loss()],
                run,
            }
        });
    BalancedBridging {
        balanced: fitted_result(&selection, balanced),
        head_count,
        n_groups,
    }
}

/// A finished fit: the kept run and the final loss of every run tried.
#[derive(Clone, Debug)]
struct Fitted {
    run: Run,
    restarts_losses: Vec<f64>,
}

/// Runs the configured restarts from cold starts and keeps the lowest final loss, with its sign
/// identified; `None` when there is nothing to fit.
fn fit_restarts(selection: &Selection, config: &BridgingConfig) -> Option<Fitted> {
    let ratings = &selection.ratings;
    if ratings.n_ratings() == 0 {
        return None;
    }
    let runs: Vec<Run> = (0..config.restarts.max(1))
        .into_par_iter()
        .map(|restart| {
            let start = cold_start(ratings, config, restart);
            train(
                ratings,
                config,
                start,
                config.learning_rate,
                Stopping::CommunityNotes,
            )
        })
        .collect();
    let restarts_losses: Vec<f64> = runs.iter().map(Run::final_loss).collect();
    // The lowest final loss wins; a NaN loss never does, and ties go to the earlier restart.
    let mut best = runs
        .into_iter()
        .enumerate()
        .min_by(|(a_index, a), (b_index, b)| {
            a.ranking_loss()
                .total_cmp(&b.ranking_loss())
                .then(a_index.cmp(b_index))
        })
        .map(|(_, run)| run)?;
    best.model.identify_sign();
    tracing::debug!(
        restarts = restarts_losses.len(),
        loss = best.final_loss(),
        epochs = best.epochs,
        "bridging model fitted"
    );
    Some(Fitted {
        run: best,
        restarts_losses,
    })
}

/// Returns the result for `selection` with the fit's parameters and loss trace, if any.
fn fitted_result(selection: &Selection, fitted: Option<Fitted>) -> BridgingResult {
    let Some(fitted) = fitted else {
        return selection.result(None);
    };
    let mut result = selection.result(Some(&fitted.run.model));
    result.loss = fitted.run.final_loss();
    result.epochs = fitted.run.epochs;
    result.losses = fitted.run.losses;
    result.restarts_losses = fitted.restarts_losses;
    result
}

/// Returns `model`, fitted on `from`, laid out for `to`: each participant and statement kept in
/// both starts where the other fit ended; any other starts at zero.
fn warm_start(model: &Model, from: &Selection, to: &Selection) -> Model {
    let mut start = Model::zeros(to.ratings.n_participants(), to.ratings.n_statements);
    start.global = model.global;
    let pairs = |from: &[Result<usize, BridgingExclusion>],
                 to: &[Result<usize, BridgingExclusion>]| {
        from.iter()
            .zip(to)
            .filter_map(|(from, to)| Some((*from.as_ref().ok()?, *to.as_ref().ok()?)))
            .collect::<Vec<_>>()
    };
    for (old, new) in pairs(&from.participant_slots, &to.participant_slots) {
        start.participants[new] = model.participants[old];
    }
    for (old, new) in pairs(&from.statement_slots, &to.statement_slots) {
        start.statements[new] = model.statements[old];
    }
    start
}
