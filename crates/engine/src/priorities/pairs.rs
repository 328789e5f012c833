//! Choosing the next pair of options to show a participant.
//!
//! A comparison teaches most about options whose strength is least certain and that the
//! participant's constituencies have seen least, and between options of similar strength
//! (where the answer is hardest to predict). The first option is drawn with weight
//! `need_i = (s_i + 0.1) / (1 + e_i)` (`s_i` the standard error of its log strength, `e_i` the
//! comparisons of it made by the participant's constituencies); the second with weight
//! `need_j · q (1 − q)`, `q` the modelled chance that the first beats it, among the options
//! the participant has not yet compared with the first. Drawing rather than taking the
//! maximum spreads comparisons over options of equal need. The draw is seeded, so the same
//! request gives the same pair.

use std::collections::HashSet;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What choosing a pair needs. Every slice has one entry per option.
#[derive(Clone, Copy, Debug)]
pub struct PairRequest<'a> {
    /// Fitted log strength of each option (0 before any fit).
    pub log_strength: &'a [f64],
    /// Standard error of each log strength (use a large value, such as 10, for an option
    /// never compared).
    pub standard_error: &'a [f64],
    /// Comparisons of each option made by the participant's constituencies.
    pub exposure: &'a [u64],
    /// Whether each option may be shown (accepted by moderation, not withdrawn).
    pub active: &'a [bool],
    /// The pairs this participant has already answered, in either order.
    pub answered: &'a [(u32, u32)],
    /// The seed of the draw.
    pub seed: u64,
}

/// Chooses the next pair to show, as (left, right); `None` when the participant has compared
/// every pair of active options.
pub fn next_pair(request: &PairRequest<'_>) -> Option<(u32, u32)> {
    let n = request.active.len();
    let answered: HashSet<(u32, u32)> = request
        .answered
        .iter()
        .map(|&(a, b)| (a.min(b), a.max(b)))
        .collect();
    let active_count = request.active.iter().filter(|&&a| a).count();
    let mut partners_answered = vec![0usize; n];
    for &(a, b) in &answered {
        let (a, b) = (a as usize, b as usize);
        if a < n && b < n && request.active[a] && request.active[b] {
            partners_answered[a] += 1;
            partners_answered[b] += 1;
        }
    }
    let need: Vec<f64> = (0..n)
        .map(|i| {
            let open = request.active[i] && partners_answered[i] + 1 < active_count;
            if open {
                (request.standard_error[i].min(10.0) + 0.1) / (1.0 + request.exposure[i] as f64)
            } else {
                0.0
            }
        })
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(request.seed);
    let first = draw(&need, &mut rng)?;
    let weights: Vec<f64> = (0..n)
        .map(|j| {
            if j == first || !request.active[j] || answered.contains(&ordered(first, j)) {
                return 0.0;
            }
            let difference = request.log_strength[first] - request.log_strength[j];
            let q = 1.0 / (1.0 + (-difference).exp());
            // The floor keeps every unanswered partner possible, however lopsided.
            (request.standard_error[j].min(10.0) + 0.1) / (1.0 + request.exposure[j] as f64)
                * (q * (1.0 - q)).max(1e-6)
        })
        .collect();
    let second = draw(&weights, &mut rng)?;
    let (first, second) = (u32::try_from(first).ok()?, u32::try_from(second).ok()?);
    Some(if rng.random_bool(0.5) {
        (first, second)
    } else {
        (second, first)
    })
}

/// The answered-set key of two option indices; an index beyond `u32` never matches.
fn ordered(a: usize, b: usize) -> (u32, u32) {
    let (low, high) = (a.min(b), a.max(b));
    (
        u32::try_from(low).unwrap_or(u32::MAX),
        u32::try_from(high).unwrap_or(u32::MAX),
    )
}

/// Draws an index with probability proportional to its weight; `None` when all are zero.
fn draw(weights: &[f64], rng: &mut ChaCha8Rng) -> Option<usize> {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 || !total.is_finite() {
        return None;
    }
    let mut target = rng.random::<f64>() * total;
    let mut last = None;
    for (i, &w) in weights.iter().enumerate() {
        if w <= 0.0 {
            continue;
        }
        last = Some(i);
        if target < w {
            return Some(i);
        }
        target -= w;
    }
    last
}
