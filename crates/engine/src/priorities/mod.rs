//! Priority setting: options compared two at a time, ranked by a Bradley–Terry model overall,
//! per constituency and per opinion group, with every constituency counting once.
//!
//! # The model
//!
//! Each option `i` has a strength `p_i > 0`; in a comparison of `i` and `j`, `i` is chosen with
//! probability `p_i / (p_i + p_j)`. Comparisons answered "can't decide" are counted and shown but
//! carry no information about which option is stronger, so the fit leaves them out. The log
//! strengths `θ_i = ln p_i` are reported with mean 0 over the options.
//!
//! - **Fit.** The maximum-likelihood estimate solves `W_i = Σ_j n_ij p_i / (p_i + p_j)` (`W_i`
//!   wins of `i`, `n_ij` comparisons of `i` and `j`). It exists exactly when the graph with an
//!   edge `i → j` wherever `i` beat `j` is strongly connected (Zermelo 1929; Ford 1957). It is
//!   found by the MM iteration `p_i ← W_i / Σ_j n_ij / (p_i + p_j)` (Hunter 2004), which
//!   increases the likelihood at every step. Where it does not exist, a weak prior is used:
//!   each option plays virtual games against a reference option of strength 1, half won and
//!   half lost, as many in all as [`PRIOR_SHARE`] of the mean number of real comparisons per
//!   option; the MM update becomes `p_i ← (W_i + a) / (Σ_j n_ij / (p_i + p_j) + 2a / (p_i + 1))`
//!   with `a` virtual wins. The prior scales with the data, so copying every comparison leaves
//!   either estimate unchanged.
//! - **Intervals** are 95% Wald intervals from the observed information at the fit (not a
//!   bootstrap): `H_ii = Σ_j n_ij p_i p_j / (p_i + p_j)²`, `H_ij = −n_ij p_i p_j / (p_i + p_j)²`,
//!   plus `2a p_i / (p_i + 1)²` on the diagonal under the prior; the covariance of the mean-0
//!   log strengths is `(H + J/n)⁻¹ − J/n` for the maximum-likelihood estimate and `P H⁻¹ P`
//!   (`P = I − J/n`) under the prior.
//! - **Score**: the chance, 0 to 100, that an option beats one chosen at random from the
//!   others, `100/(n−1) Σ_{j≠i} p_i / (p_i + p_j)`.
//! - **Equal weight**: each constituency's comparisons are fitted on their own; an option's
//!   equal-weight score is the mean of its scores over the constituencies that made at least
//!   one decided comparison, so a constituency counts once however many people it brought.
//!   The head-count score (all comparisons together) is reported beside it.
//! - **Workshop shortlist** (the James Lind Alliance's way of combining): each constituency's
//!   top `N` by rank earns `N + 1 − rank` points, the points are summed over constituencies,
//!   and options are ordered by points, then by how many constituencies put them in their top
//!   `N`, then by equal-weight score.
//!
//! The next pair to show a participant is chosen in [`next_pair`].

mod fit;
mod pairs;
mod results;

pub use fit::{Estimate, Fit, PRIOR_SHARE};
pub use pairs::{PairRequest, next_pair};
pub use results::{
    Divergence, OptionStanding, PriorityInput, PriorityResults, Ranking, ShortlistEntry, rank,
};

/// Fits the Bradley–Terry model to one set of comparisons (every comparison counted once).
pub fn fit(options: usize, comparisons: &[Comparison]) -> Result<Fit, PriorityError> {
    let mut tally = fit::Tally::new(options);
    for comparison in comparisons {
        fit::Tally::check(options, comparison)?;
        tally.add(comparison);
    }
    Ok(tally.fit())
}

/// What a participant answered when shown two options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    /// The option shown on the left.
    Left,
    /// The option shown on the right.
    Right,
    /// "Can't decide".
    Neither,
}

impl Choice {
    /// The word used in files and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Left => "left",
            Choice::Right => "right",
            Choice::Neither => "neither",
        }
    }

    /// Parses the word used in files and the API.
    pub fn parse(word: &str) -> Option<Choice> {
        [Choice::Left, Choice::Right, Choice::Neither]
            .into_iter()
            .find(|choice| choice.as_str() == word)
    }
}

/// One comparison: a participant was shown two options and answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Comparison {
    /// The participant, as an index into the input's participants.
    pub participant: u32,
    /// The option shown on the left, as an index into the options.
    pub left: u32,
    /// The option shown on the right.
    pub right: u32,
    /// The answer.
    pub choice: Choice,
}

/// Input the engine refuses.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PriorityError {
    /// A comparison names an option the input does not have.
    #[error("a comparison names option {option}, but there are only {options} options")]
    UnknownOption {
        /// The index named.
        option: u32,
        /// How many options there are.
        options: usize,
    },
    /// A comparison sets an option against itself.
    #[error("a comparison sets option {option} against itself")]
    SameOption {
        /// The option.
        option: u32,
    },
    /// A participant belongs to a constituency or group the input does not have.
    #[error("participant {participant} belongs to {kind} {index}, but there are only {count}")]
    UnknownSubset {
        /// The participant.
        participant: u32,
        /// "constituency" or "group".
        kind: &'static str,
        /// The index named.
        index: u32,
        /// How many there are.
        count: usize,
    },
}
