//! Means with 95% Student t intervals, and differences with Welch or paired t intervals.
//!
//! Values are sorted before they are summed, so the same values in any order give the same
//! bits: relabelling partners cannot move a score in its last place.

use std::collections::BTreeMap;

use crate::common_ground::beta_quantile;

/// The two-sided level of every interval.
const TAIL: f64 = 0.05;

/// A mean with its count and 95% interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// The mean.
    pub mean: f64,
    /// How many values it is the mean of (raters, or partners).
    pub n: usize,
    /// The 95% Student t interval, `(low, high)`; `None` with fewer than two values.
    pub interval: Option<(f64, f64)>,
}

/// A difference between two estimates (later minus earlier, or first side minus second).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// The difference.
    pub change: f64,
    /// Its 95% interval; `None` where too few values stand behind it.
    pub interval: Option<(f64, f64)>,
    /// Whether the interval leaves out zero: the change exceeds its uncertainty.
    pub is_beyond_uncertainty: bool,
}

/// Returns the 0.975 quantile of Student's t distribution with `df > 0` degrees of freedom
/// (not necessarily whole), from `P(|T| > t) = I_{df/(df + t²)}(df/2, 1/2)`.
pub fn t_quantile_975(df: f64) -> f64 {
    let x = beta_quantile(TAIL, df / 2.0, 0.5);
    (df * (1.0 - x) / x).sqrt()
}

/// The t quantiles computed so far, by degrees of freedom: a wave's partners mostly share a
/// few counts of raters, and each quantile is an iterative solve.
#[derive(Clone, Debug, Default)]
pub struct Quantiles {
    known: BTreeMap<u64, f64>,
}

impl Quantiles {
    /// Returns [`t_quantile_975`] of `df`, computing it once per value of `df`.
    pub fn t_975(&mut self, df: f64) -> f64 {
        *self
            .known
            .entry(df.to_bits())
            .or_insert_with(|| t_quantile_975(df))
    }
}

/// The sum, mean and sample variance of values sorted in place.
struct Moments {
    n: usize,
    mean: f64,
    variance: f64,
}

impl Moments {
    fn of(values: &mut [f64]) -> Option<Moments> {
        if values.is_empty() {
            return None;
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let count = n as f64;
        let mean = values.iter().sum::<f64>() / count;
        let variance = if n > 1 {
            values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (count - 1.0)
        } else {
            0.0
        };
        Some(Moments { n, mean, variance })
    }

    /// The squared standard error of the mean.
    fn squared_error(&self) -> f64 {
        self.variance / self.n as f64
    }
}

impl Estimate {
    /// Returns the mean of `values` with its t interval cut to `bounds`; `None` for no values.
    /// Sorts `values`.
    pub fn of(
        values: &mut [f64],
        bounds: (f64, f64),
        quantiles: &mut Quantiles,
    ) -> Option<Estimate> {
        let moments = Moments::of(values)?;
        let interval = (moments.n > 1).then(|| {
            let half = quantiles.t_975((moments.n - 1) as f64) * moments.squared_error().sqrt();
            (
                (moments.mean - half).max(bounds.0),
                (moments.mean + half).min(bounds.1),
            )
        });
        Some(Estimate {
            mean: moments.mean,
            n: moments.n,
            interval,
        })
    }
}

impl Change {
    fn with_interval(change: f64, interval: Option<(f64, f64)>) -> Change {
        Change {
            change,
            interval,
            is_beyond_uncertainty: interval.is_some_and(|(low, high)| low > 0.0 || high < 0.0),
        }
    }

    /// Returns `mean(later) − mean(earlier)` for two independent samples, with Welch's
    /// interval (`None` unless each has two values or more); `None` if either is empty.
    /// Sorts both.
    pub fn welch(
        earlier: &mut [f64],
        later: &mut [f64],
        quantiles: &mut Quantiles,
    ) -> Option<Change> {
        let before = Moments::of(earlier)?;
        let after = Moments::of(later)?;
        let change = after.mean - before.mean;
        if before.n < 2 || after.n < 2 {
            return Some(Change::with_interval(change, None));
        }
        let (a, b) = (before.squared_error(), after.squared_error());
        let error = (a + b).sqrt();
        if error == 0.0 {
            return Some(Change::with_interval(change, Some((change, change))));
        }
        let df = (a + b).powi(2)
            / (a.powi(2) / (before.n - 1) as f64 + b.powi(2) / (after.n - 1) as f64);
        let half = quantiles.t_975(df) * error;
        Some(Change::with_interval(
            change,
            Some((change - half, change + half)),
        ))
    }

    /// Returns the mean of paired differences with its t interval (`None` with fewer than
    /// two); `None` for no differences. Sorts them.
    pub fn paired(differences: &mut [f64], quantiles: &mut Quantiles) -> Option<Change> {
        let unbounded = (f64::NEG_INFINITY, f64::INFINITY);
        let estimate = Estimate::of(differences, unbounded, quantiles)?;
        Some(Change::with_interval(estimate.mean, estimate.interval))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "{actual} is not within {tolerance} of {expected}"
        );
    }

    #[test]
    fn t_quantiles_match_published_tables() {
        close(t_quantile_975(1.0), 12.706_204_736, 1e-6);
        close(t_quantile_975(2.0), 4.302_652_730, 1e-8);
        close(t_quantile_975(4.0), 2.776_445_105, 1e-8);
        close(t_quantile_975(10.0), 2.228_138_852, 1e-8);
        close(t_quantile_975(30.0), 2.042_272_456, 1e-8);
        close(t_quantile_975(1e7), 1.959_964, 1e-5);
    }

    #[test]
    fn a_mean_with_its_t_interval_by_hand() {
        // 2, 3, 4: mean 3, s = 1, half width t(2) / √3.
        let quantiles = &mut Quantiles::default();
        let estimate = Estimate::of(&mut [4.0, 2.0, 3.0], (1.0, 4.0), quantiles).unwrap();
        close(estimate.mean, 3.0, 1e-12);
        assert_eq!(estimate.n, 3);
        let half = 4.302_652_730 / 3f64.sqrt();
        let (low, high) = estimate.interval.unwrap();
        close(low, (3.0 - half).max(1.0), 1e-8);
        close(high, 4.0, 0.0);
        let single = Estimate::of(&mut [2.5], (1.0, 4.0), quantiles).unwrap();
        assert_eq!(single.interval, None);
        assert_eq!(Estimate::of(&mut [], (1.0, 4.0), quantiles), None);
    }

    #[test]
    fn welch_by_hand() {
        // Means 2 and 3.5, variances 1 and 0.25, three and four values.
        let quantiles = &mut Quantiles::default();
        let change =
            Change::welch(&mut [1.0, 2.0, 3.0], &mut [3.0, 3.5, 4.0, 3.5], quantiles).unwrap();
        close(change.change, 1.5, 1e-12);
        let (a, b) = (1.0 / 3.0, (1.0 / 6.0) / 4.0);
        let df = (a + b) * (a + b) / (a * a / 2.0 + b * b / 3.0);
        let half = t_quantile_975(df) * (a + b).sqrt();
        let (low, high) = change.interval.unwrap();
        close(low, 1.5 - half, 1e-12);
        close(high, 1.5 + half, 1e-12);
        assert_eq!(change.is_beyond_uncertainty, low > 0.0);
    }
}
