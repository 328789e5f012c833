//! The Bradley–Terry fit: strengths from pairwise comparisons by the MM (Zermelo) iteration,
//! with intervals from the observed information.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use faer::Mat;
use faer::Side;
use faer::linalg::solvers::DenseSolveCore;

use super::{Choice, Comparison, PriorityError};

/// Weak prior, used only where the maximum-likelihood estimate does not exist: every option
/// plays virtual games against a reference option of strength 1 (log strength 0), half won and
/// half lost, as many in all as this share of the mean number of real comparisons per option.
/// Being proportional to the data, it leaves the fit unchanged when every comparison is copied.
pub const PRIOR_SHARE: f64 = 0.1;

/// The iteration stops when no log strength moves by more than this.
const TOLERANCE: f64 = 1e-10;

/// The iteration stops here even if it has not met [`TOLERANCE`]: beyond it, the remaining
/// movement is far below the width of any interval the fit reports.
const MAX_ITERATIONS: u32 = 20_000;

/// The z value of a two-sided 95% interval.
const Z_95: f64 = 1.959_963_984_540_054;

/// Which estimate a fit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Estimate {
    /// The maximum-likelihood estimate: it exists because every option beat, through some
    /// chain of wins, every other option (the win graph is strongly connected).
    MaximumLikelihood,
    /// The posterior mode under the weak prior ([`PRIOR_SHARE`]): the maximum-likelihood
    /// estimate does not exist, as some options never lost (or never won) against part of the
    /// others, or were never compared.
    WeakPrior,
    /// No comparison had a winner; every option stands at log strength 0.
    NoComparisons,
}

impl Estimate {
    /// The word used in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            Estimate::MaximumLikelihood => "maximum_likelihood",
            Estimate::WeakPrior => "weak_prior",
            Estimate::NoComparisons => "no_comparisons",
        }
    }
}

/// Strengths fitted to a set of comparisons.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// Which estimate this is.
    pub estimate: Estimate,
    /// Log strength per option, with mean 0 over the options.
    pub log_strength: Vec<f64>,
    /// Standard error of each log strength, from the observed information at the fit
    /// (for mean-0 log strengths).
    pub standard_error: Vec<f64>,
    /// Per option, comparisons it won.
    pub wins: Vec<u32>,
    /// Per option, comparisons it lost.
    pub losses: Vec<u32>,
    /// Per option, comparisons involving it answered "can't decide" (not part of the fit).
    pub neither: Vec<u32>,
    /// Comparisons with a winner.
    pub decided: u64,
    /// Iterations the MM algorithm took.
    pub iterations: u32,
}

impl Fit {
    /// The maximum-likelihood log strengths, where they exist.
    pub fn maximum_likelihood(&self) -> Option<&[f64]> {
        (self.estimate == Estimate::MaximumLikelihood).then_some(self.log_strength.as_slice())
    }

    /// The 95% interval of an option's log strength.
    pub fn interval(&self, option: usize) -> (f64, f64) {
        let half = Z_95 * self.standard_error[option];
        let centre = self.log_strength[option];
        (centre - half, centre + half)
    }

    /// Per option, the chance (0 to 100) that it beats an option chosen at random from the
    /// others: the "score" of a wiki survey. A single option scores 50.
    pub fn scores(&self) -> Vec<f64> {
        let n = self.log_strength.len();
        if n < 2 {
            return vec![50.0; n];
        }
        let strength: Vec<f64> = self.log_strength.iter().map(|t| t.exp()).collect();
        strength
            .iter()
            .enumerate()
            .map(|(i, &p_i)| {
                let total: f64 = strength
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &p_j)| p_i / (p_i + p_j))
                    .sum();
                100.0 * total / (n - 1) as f64
            })
            .collect()
    }
}

/// Wins between one unordered pair of options.
#[derive(Clone, Copy, Debug)]
struct PairWins {
    low: u32,
    high: u32,
    /// Times `low` beat `high`.
    low_won: f64,
    /// Times `high` beat `low`.
    high_won: f64,
}

/// Hashes a pair key (two option indices) with a multiplication per index: the keys
/// are not chosen by an adversary in a way that could hurt more than speed, and a million
/// comparisons are tallied per fit.
#[derive(Default)]
struct PairKeyHasher(u64);

impl Hasher for PairKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, half: u32) {
        self.0 = (self.0.rotate_left(32) ^ u64::from(half)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Wins per unordered pair (lower index, higher index): (lower won, higher won).
type PairMap = HashMap<(u32, u32), (u32, u32), BuildHasherDefault<PairKeyHasher>>;

/// Comparisons gathered per pair, with each option's record.
#[derive(Clone, Debug)]
pub(crate) struct Tally {
    options: usize,
    pairs: PairMap,
    wins: Vec<u32>,
    losses: Vec<u32>,
    neither: Vec<u32>,
    decided: u64,
}

impl Tally {
    pub(crate) fn new(options: usize) -> Tally {
        Tally {
            options,
            pairs: PairMap::default(),
            wins: vec![0; options],
            losses: vec![0; options],
            neither: vec![0; options],
            decided: 0,
        }
    }

    /// Checks a comparison against the number of options.
    pub(crate) fn check(options: usize, comparison: &Comparison) -> Result<(), PriorityError> {
        let (left, right) = (comparison.left, comparison.right);
        if left as usize >= options || right as usize >= options {
            return Err(PriorityError::UnknownOption {
                option: left.max(right),
                options,
            });
        }
        if left == right {
            return Err(PriorityError::SameOption { option: left });
        }
        Ok(())
    }

    /// Adds a comparison already checked with [`Tally::check`].
    pub(crate) fn add(&mut self, comparison: &Comparison) {
        let (left, right) = (comparison.left, comparison.right);
        let (winner, loser) = match comparison.choice {
            Choice::Left => (left, right),
            Choice::Right => (right, left),
            Choice::Neither => {
                self.neither[left as usize] += 1;
                self.neither[right as usize] += 1;
                return;
            }
        };
        self.wins[winner as usize] += 1;
        self.losses[loser as usize] += 1;
        self.decided += 1;
        let key = (winner.min(loser), winner.max(loser));
        let entry = self.pairs.entry(key).or_insert((0, 0));
        if winner < loser {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }

    fn sorted_pairs(&self) -> Vec<PairWins> {
        let mut pairs: Vec<PairWins> = self
            .pairs
            .iter()
            .map(|(&(low, high), &(low_won, high_won))| PairWins {
                low,
                high,
                low_won: f64::from(low_won),
                high_won: f64::from(high_won),
            })
            .collect();
        // Summation order fixes the last bits of the result: sort for identical output.
        pairs.sort_unstable_by_key(|pair| (pair.low, pair.high));
        pairs
    }

    /// Fits the Bradley–Terry model to the comparisons added.
    pub(crate) fn fit(&self) -> Fit {
        let n = self.options;
        let pairs = self.sorted_pairs();
        let estimate = if self.decided == 0 {
            Estimate::NoComparisons
        } else if strongly_connected(n, &pairs) {
            Estimate::MaximumLikelihood
        } else {
            Estimate::WeakPrior
        };
        let mut fit = Fit {
            estimate,
            log_strength: vec![0.0; n],
            standard_error: vec![0.0; n],
            wins: self.wins.clone(),
            losses: self.losses.clone(),
            neither: self.neither.clone(),
            decided: self.decided,
            iterations: 0,
        };
        if estimate == Estimate::NoComparisons {
            return fit;
        }
        // Virtual wins (and as many losses) per option against the reference option.
        let prior = match estimate {
            Estimate::WeakPrior => PRIOR_SHARE * self.decided as f64 / n as f64,
            _ => 0.0,
        };
        let (strength, iterations) = minorise_maximise(n, &pairs, &self.wins, prior);
        let log: Vec<f64> = strength.iter().map(|p| p.ln()).collect();
        let mean = log.iter().sum::<f64>() / n as f64;
        fit.log_strength = log.iter().map(|t| t - mean).collect();
        fit.standard_error = standard_errors(n, &pairs, &strength, prior);
        fit.iterations = iterations;
        fit
    }
}

/// Whether every option can reach every other along "beat" edges, forwards and backwards.
fn strongly_connected(n: usize, pairs: &[PairWins]) -> bool {
    if n <= 1 {
        return true;
    }
    let mut beat: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut beaten_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    for pair in pairs {
        let (low, high) = (pair.low as usize, pair.high as usize);
        if pair.low_won > 0.0 {
            beat[low].push(high);
            beaten_by[high].push(low);
        }
        if pair.high_won > 0.0 {
            beat[high].push(low);
            beaten_by[low].push(high);
        }
    }
    reaches_all(&beat) && reaches_all(&beaten_by)
}

fn reaches_all(edges: &[Vec<usize>]) -> bool {
    let mut seen = vec![false; edges.len()];
    let mut stack = vec![0];
    seen[0] = true;
    let mut reached = 1;
    while let Some(node) = stack.pop() {
        for &next in &edges[node] {
            if !seen[next] {
                seen[next] = true;
                reached += 1;
                stack.push(next);
            }
        }
    }
    reached == edges.len()
}

/// The games of every compared pair, laid out for the MM update's inner loop.
struct Games {
    low: Vec<u32>,
    high: Vec<u32>,
    games: Vec<f64>,
}

impl Games {
    fn new(pairs: &[PairWins]) -> Games {
        Games {
            low: pairs.iter().map(|pair| pair.low).collect(),
            high: pairs.iter().map(|pair| pair.high).collect(),
            games: pairs
                .iter()
                .map(|pair| pair.low_won + pair.high_won)
                .collect(),
        }
    }
}

/// The MM map on log strengths: one update `p_i ← (W_i + a) / (Σ_j n_ij / (p_i + p_j) +
/// 2a / (p_i + 1))` (Hunter 2004; `a` the prior's virtual wins, 0 without it), rescaled to mean
/// log strength 0 when there is no prior to fix the scale.
struct MmMap<'a> {
    games: Games,
    wins: &'a [u32],
    prior: f64,
    strength: Vec<f64>,
    denominator: Vec<f64>,
}

impl MmMap<'_> {
    fn apply(&mut self, theta: &[f64], next: &mut [f64]) {
        for ((p, slot), &t) in self
            .strength
            .iter_mut()
            .zip(&mut self.denominator)
            .zip(theta)
        {
            *p = t.exp();
            *slot = 2.0 * self.prior / (*p + 1.0);
        }
        let games = &self.games;
        for ((&low, &high), &count) in games.low.iter().zip(&games.high).zip(&games.games) {
            let (low, high) = (low as usize, high as usize);
            let share = count / (self.strength[low] + self.strength[high]);
            self.denominator[low] += share;
            self.denominator[high] += share;
        }
        for ((slot, &wins), &denominator) in next.iter_mut().zip(self.wins).zip(&self.denominator) {
            *slot = ((f64::from(wins) + self.prior) / denominator).ln();
        }
        if self.prior == 0.0 {
            let mean = next.iter().sum::<f64>() / next.len() as f64;
            for t in next.iter_mut() {
                *t -= mean;
            }
        }
    }
}

/// Iterates the MM map to its fixed point from log strengths 0, accelerated by SQUAREM
/// (Varadhan and Roland 2008): from `t0`, two MM steps give `t1` and `t2`; the extrapolation
/// `t0 − 2αr + α²v` (`r = t1 − t0`, `v = t2 − 2t1 + t0`, `α = −‖r‖/‖v‖`, at most −1) is
/// followed by one more MM step, and kept only when that step moves less than the last plain
/// one did (otherwise the plain `t2` is kept), so every cycle makes progress. Stops when an MM
/// step moves no log strength by more than [`TOLERANCE`]. Returns the strengths and the
/// number of MM steps.
fn minorise_maximise(n: usize, pairs: &[PairWins], wins: &[u32], prior: f64) -> (Vec<f64>, u32) {
    let mut map = MmMap {
        games: Games::new(pairs),
        wins,
        prior,
        strength: vec![0.0; n],
        denominator: vec![0.0; n],
    };
    let largest_move = |a: &[f64], b: &[f64]| {
        a.iter()
            .zip(b)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f64::max)
    };
    let mut t0 = vec![0.0; n];
    let mut t1 = vec![0.0; n];
    let mut t2 = vec![0.0; n];
    let mut t3 = vec![0.0; n];
    let mut extrapolated = vec![0.0; n];
    let mut steps = 0;
    while steps < MAX_ITERATIONS {
        map.apply(&t0, &mut t1);
        steps += 1;
        if largest_move(&t1, &t0) < TOLERANCE {
            t0.copy_from_slice(&t1);
            break;
        }
        map.apply(&t1, &mut t2);
        steps += 1;
        let plain_move = largest_move(&t2, &t1);
        if plain_move < TOLERANCE {
            t0.copy_from_slice(&t2);
            break;
        }
        let (mut r_norm, mut v_norm) = (0.0, 0.0);
        for i in 0..n {
            let r = t1[i] - t0[i];
            let v = t2[i] - 2.0 * t1[i] + t0[i];
            r_norm += r * r;
            v_norm += v * v;
        }
        let alpha = if v_norm > 0.0 {
            (-(r_norm / v_norm).sqrt()).min(-1.0)
        } else {
            -1.0
        };
        for i in 0..n {
            let r = t1[i] - t0[i];
            let v = t2[i] - 2.0 * t1[i] + t0[i];
            extrapolated[i] = t0[i] - 2.0 * alpha * r + alpha * alpha * v;
        }
        if extrapolated.iter().all(|t| t.is_finite()) {
            map.apply(&extrapolated, &mut t3);
            steps += 1;
            if t3.iter().all(|t| t.is_finite()) && largest_move(&t3, &extrapolated) < plain_move {
                std::mem::swap(&mut t0, &mut t3);
                continue;
            }
        }
        std::mem::swap(&mut t0, &mut t2);
    }
    (t0.iter().map(|t| t.exp()).collect(), steps)
}

/// Standard errors of the mean-0 log strengths from the observed information `H` at the fit.
///
/// Without the prior `H` is singular along the all-ones vector (strengths are defined up to a
/// common factor); the covariance of the mean-0 log strengths is then its pseudo-inverse,
/// `(H + J/n)⁻¹ − J/n`. With the prior `H` is invertible and the covariance is `P H⁻¹ P`, with
/// `P = I − J/n` centring the log strengths.
fn standard_errors(n: usize, pairs: &[PairWins], strength: &[f64], prior: f64) -> Vec<f64> {
    let mut information = Mat::<f64>::zeros(n, n);
    for pair in pairs {
        let (i, j) = (pair.low as usize, pair.high as usize);
        let (p_i, p_j) = (strength[i], strength[j]);
        let games = pair.low_won + pair.high_won;
        let weight = games * p_i * p_j / ((p_i + p_j) * (p_i + p_j));
        information[(i, i)] += weight;
        information[(j, j)] += weight;
        information[(i, j)] -= weight;
        information[(j, i)] -= weight;
    }
    let n_f = n as f64;
    if prior == 0.0 {
        for i in 0..n {
            for j in 0..n {
                information[(i, j)] += 1.0 / n_f;
            }
        }
    } else {
        for (i, &p) in strength.iter().enumerate() {
            information[(i, i)] += 2.0 * prior * p / ((p + 1.0) * (p + 1.0));
        }
    }
    let Ok(factor) = information.llt(Side::Lower) else {
        // Only a numerically degenerate fit lands here: report no precision rather than a
        // false one.
        return vec![f64::INFINITY; n];
    };
    let inverse = factor.inverse();
    let variance: Vec<f64> = if prior == 0.0 {
        (0..n).map(|i| inverse[(i, i)] - 1.0 / n_f).collect()
    } else {
        let row_sums: Vec<f64> = (0..n)
            .map(|i| (0..n).map(|k| inverse[(i, k)]).sum())
            .collect();
        let total: f64 = row_sums.iter().sum();
        (0..n)
            .map(|i| inverse[(i, i)] - 2.0 * row_sums[i] / n_f + total / (n_f * n_f))
            .collect()
    };
    variance.into_iter().map(|v| v.max(0.0).sqrt()).collect()
}
