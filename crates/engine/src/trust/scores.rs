//! Per wave: each partner's trust and value, the network measures and the asymmetries along
//! each divide; between consecutive waves: what changed, flagged where it exceeds its
//! uncertainty.

use super::estimate::{Change, Estimate, Quantiles};
use super::network::{self, Arc};
use super::{Contribution, Divide, Partner, Rating, SCALE, Side, TrustError, TrustInput, check};

/// The bounds of a score: the items' scale.
const BOUNDS: (f64, f64) = (SCALE.0 as f64, SCALE.1 as f64);

/// One partner's standing in one wave.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerScore {
    /// Its trust: the mean over its raters of each one's mean of the trust items it answered;
    /// `None` when no rater answered one.
    pub trust: Option<Estimate>,
    /// Its value, likewise from the value items.
    pub value: Option<Estimate>,
    /// The partners that report a relationship above none with it.
    pub n_raters: u32,
    /// Its ties: partners where either side reports a relationship above none.
    pub degree: u32,
    /// Whether it answered in this wave.
    pub responded: bool,
    /// Per kind in [`Contribution::ALL`] order, how many raters say it contributes that.
    pub contributions: [u32; Contribution::ALL.len()],
}

/// How much trust each side of a divide gives the other in one wave.
#[derive(Clone, Debug, PartialEq)]
pub struct Asymmetry {
    /// The divide.
    pub divide: Divide,
    /// Trust the first side's raters give the second side's partners: the mean over those
    /// raters of each one's mean view of the second side; `None` when no such view exists.
    pub first_to_second: Option<Estimate>,
    /// Trust the second side gives the first, likewise.
    pub second_to_first: Option<Estimate>,
    /// `first_to_second − second_to_first`, with a Welch interval; `None` unless both exist.
    pub difference: Option<Change>,
}

/// Everything computed for one wave.
#[derive(Clone, Debug, PartialEq)]
pub struct WaveResult {
    /// Per partner, in input order.
    pub partners: Vec<PartnerScore>,
    /// Partners that answered: those with at least one rating in the wave.
    pub respondents: usize,
    /// Respondents ÷ partners; `None` without partners.
    pub response_rate: Option<f64>,
    /// Ratings given.
    pub ratings: usize,
    /// Ratings the respondents left out: `respondents × (partners − 1) − ratings`.
    pub missing_ratings: usize,
    /// Items answered "don't know" in ratings that report a relationship.
    pub dont_know: usize,
    /// Pairs with a tie.
    pub ties: u64,
    /// Pairs of partners.
    pub possible_ties: u64,
    /// Ties ÷ possible ties; `None` with fewer than 2 partners.
    pub density: Option<f64>,
    /// Freeman degree centralisation; `None` with fewer than 3 partners.
    pub centralization: Option<f64>,
    /// Ties between partners that each answered about the other.
    pub ties_both_answered: u64,
    /// Those that both report.
    pub mutual_ties: u64,
    /// Mutual ties ÷ ties both answered; `None` when there is none.
    pub reciprocity: Option<f64>,
    /// The mean over scored partners of their trust, each partner counting once.
    pub mean_trust: Option<Estimate>,
    /// The mean over scored partners of their value.
    pub mean_value: Option<Estimate>,
    /// Per divide, in [`Divide::ALL`] order.
    pub asymmetry: Vec<Asymmetry>,
}

/// How one partner changed between two waves.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerChange {
    /// Later trust minus earlier, with a Welch interval over the two waves' raters' views;
    /// `None` unless it has a trust score in both.
    pub trust: Option<Change>,
    /// The same for value.
    pub value: Option<Change>,
}

/// What changed from one wave to the next.
#[derive(Clone, Debug, PartialEq)]
pub struct WaveChange {
    /// The earlier wave's index.
    pub from: usize,
    /// The later wave's index.
    pub to: usize,
    /// Per partner, in input order.
    pub partners: Vec<PartnerChange>,
    /// The change in density, as the mean over partners of the change in `d_i/(n − 1)`, with
    /// a paired t interval over partners; `None` with fewer than 2 partners.
    pub density: Option<Change>,
    /// The mean over partners scored in both waves of the change in their trust, with a
    /// paired t interval.
    pub mean_trust: Option<Change>,
    /// The same for value.
    pub mean_value: Option<Change>,
}

/// Every wave's results and the changes between consecutive waves.
#[derive(Clone, Debug, PartialEq)]
pub struct TrustResults {
    /// Per wave, in order.
    pub waves: Vec<WaveResult>,
    /// From each wave to the next, in order.
    pub changes: Vec<WaveChange>,
}

/// Raters' views of each partner in one wave, kept for the change to the next.
struct Views {
    trust: Vec<Vec<f64>>,
    value: Vec<Vec<f64>>,
}

pub(super) fn analyze(input: &TrustInput<'_>) -> Result<TrustResults, TrustError> {
    let partners = input.partners.len();
    for rating in input.ratings {
        check(partners, input.waves, rating)?;
    }
    let mut sorted: Vec<&Rating> = input.ratings.iter().collect();
    sorted.sort_unstable_by_key(|r| (r.wave, r.rater, r.ratee));
    if let Some(pair) = sorted.windows(2).find(|pair| {
        (pair[0].wave, pair[0].rater, pair[0].ratee) == (pair[1].wave, pair[1].rater, pair[1].ratee)
    }) {
        return Err(TrustError::DuplicateRating {
            wave: pair[0].wave,
            rater: pair[0].rater,
            ratee: pair[0].ratee,
        });
    }
    let quantiles = &mut Quantiles::default();
    let mut waves = Vec::with_capacity(input.waves);
    let mut views = Vec::with_capacity(input.waves);
    let mut start = 0;
    for wave in 0..input.waves {
        let end = start + sorted[start..].partition_point(|r| r.wave as usize == wave);
        let (result, wave_views) = score_wave(input.partners, &sorted[start..end], quantiles);
        waves.push(result);
        views.push(wave_views);
        start = end;
    }
    let changes = (1..input.waves)
        .map(|to| change(&waves, &mut views, to - 1, to, quantiles))
        .collect();
    Ok(TrustResults { waves, changes })
}

/// Scores one wave from its ratings, sorted by rater then ratee.
fn score_wave(
    partners: &[Partner],
    ratings: &[&Rating],
    quantiles: &mut Quantiles,
) -> (WaveResult, Views) {
    let n = partners.len();
    let mut responded = vec![false; n];
    let mut n_raters = vec![0u32; n];
    let mut contributions = vec![[0u32; Contribution::ALL.len()]; n];
    let mut views = Views {
        trust: vec![Vec::new(); n],
        value: vec![Vec::new(); n],
    };
    let mut dont_know = 0;
    let mut arcs = Vec::with_capacity(ratings.len());
    for rating in ratings {
        let (rater, ratee) = (rating.rater as usize, rating.ratee as usize);
        responded[rater] = true;
        arcs.push(Arc {
            rater: rating.rater,
            ratee: rating.ratee,
            is_tie: rating.level.is_tie(),
        });
        if !rating.level.is_tie() {
            continue;
        }
        n_raters[ratee] += 1;
        dont_know += rating.dont_know();
        for (count, kind) in contributions[ratee].iter_mut().zip(Contribution::ALL) {
            *count += u32::from(rating.contributions.contains(kind));
        }
        if let Some(view) = rating.trust_view() {
            views.trust[ratee].push(view);
        }
        if let Some(view) = rating.value_view() {
            views.value[ratee].push(view);
        }
    }
    let network = network::build(n, &arcs);
    let scores: Vec<PartnerScore> = (0..n)
        .map(|p| PartnerScore {
            trust: Estimate::of(&mut views.trust[p], BOUNDS, quantiles),
            value: Estimate::of(&mut views.value[p], BOUNDS, quantiles),
            n_raters: n_raters[p],
            degree: network.degree[p],
            responded: responded[p],
            contributions: contributions[p],
        })
        .collect();
    let respondents = responded.iter().filter(|&&r| r).count();
    let mut mean_of = |score: fn(&PartnerScore) -> Option<Estimate>| {
        let mut means: Vec<f64> = scores.iter().filter_map(score).map(|e| e.mean).collect();
        Estimate::of(&mut means, BOUNDS, quantiles)
    };
    let mean_trust = mean_of(|s| s.trust);
    let mean_value = mean_of(|s| s.value);
    let asymmetry = Divide::ALL
        .into_iter()
        .map(|divide| asymmetry(partners, ratings, divide, quantiles))
        .collect();
    let result = WaveResult {
        mean_trust,
        mean_value,
        partners: scores,
        respondents,
        response_rate: (n > 0).then(|| respondents as f64 / n as f64),
        ratings: ratings.len(),
        missing_ratings: (respondents * n.saturating_sub(1)).saturating_sub(ratings.len()),
        dont_know,
        ties: network.ties,
        possible_ties: network.possible_ties,
        density: network.density,
        centralization: network.centralization,
        ties_both_answered: network.ties_both_answered,
        mutual_ties: network.mutual_ties,
        reciprocity: network.reciprocity,
        asymmetry,
    };
    (result, views)
}

/// The trust each side of `divide` gives the other, from ratings sorted by rater.
fn asymmetry(
    partners: &[Partner],
    ratings: &[&Rating],
    divide: Divide,
    quantiles: &mut Quantiles,
) -> Asymmetry {
    // Per side of the rater: each rater's mean view of the other side's partners.
    let mut given: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    let mut views: Vec<f64> = Vec::new();
    let mut rest = ratings;
    while let Some(first) = rest.first() {
        let rater = first.rater;
        let count = rest.partition_point(|r| r.rater == rater);
        let (own, later) = rest.split_at(count);
        rest = later;
        let Some(side) = partners[rater as usize].side(divide) else {
            continue;
        };
        let other = match side {
            Side::First => Side::Second,
            Side::Second => Side::First,
        };
        views.clear();
        views.extend(
            own.iter()
                .filter(|r| partners[r.ratee as usize].side(divide) == Some(other))
                .filter_map(|r| r.trust_view()),
        );
        // Sorted before summing, so that the order of the ratees cannot move the last bit.
        views.sort_by(f64::total_cmp);
        if !views.is_empty() {
            let mean = views.iter().sum::<f64>() / views.len() as f64;
            given[usize::from(side == Side::Second)].push(mean);
        }
    }
    let [mut first, mut second] = given;
    let first_to_second = Estimate::of(&mut first, BOUNDS, quantiles);
    let second_to_first = Estimate::of(&mut second, BOUNDS, quantiles);
    Asymmetry {
        divide,
        first_to_second,
        second_to_first,
        difference: Change::welch(&mut second, &mut first, quantiles),
    }
}

/// What changed from wave `from` to wave `to`.
fn change(
    waves: &[WaveResult],
    views: &mut [Views],
    from: usize,
    to: usize,
    quantiles: &mut Quantiles,
) -> WaveChange {
    let (earlier, later) = views.split_at_mut(to);
    let (before, after) = (&mut earlier[from], &mut later[0]);
    let partners = before
        .trust
        .iter_mut()
        .zip(before.value.iter_mut())
        .zip(after.trust.iter_mut().zip(after.value.iter_mut()))
        // Welch gives `None` unless the partner has views in both waves.
        .map(
            |((trust_before, value_before), (trust_after, value_after))| PartnerChange {
                trust: Change::welch(trust_before, trust_after, quantiles),
                value: Change::welch(value_before, value_after, quantiles),
            },
        )
        .collect();
    let (before, after) = (&waves[from], &waves[to]);
    let n = before.partners.len();
    let mut paired = |score: fn(&PartnerScore) -> Option<Estimate>| {
        let mut differences: Vec<f64> = before
            .partners
            .iter()
            .zip(&after.partners)
            .filter_map(|(a, b)| Some(score(b)?.mean - score(a)?.mean))
            .collect();
        Change::paired(&mut differences, quantiles)
    };
    let mean_trust = paired(|s| s.trust);
    let mean_value = paired(|s| s.value);
    let density = (n >= 2)
        .then(|| {
            let scale = (n - 1) as f64;
            let mut differences: Vec<f64> = before
                .partners
                .iter()
                .zip(&after.partners)
                .map(|(a, b)| (f64::from(b.degree) - f64::from(a.degree)) / scale)
                .collect();
            Change::paired(&mut differences, quantiles)
        })
        .flatten();
    WaveChange {
        from,
        to,
        partners,
        density,
        mean_trust,
        mean_value,
    }
}
