//! Rankings overall, per constituency and per opinion group, the equal-weight score, and the
//! workshop shortlist.

use rayon::prelude::*;

use super::fit::{Estimate, Fit, Tally};
use super::{Comparison, PriorityError};

/// Everything the ranking needs. Participants are indexed from 0; a participant beyond the end
/// of `constituencies_of` or `group_of` has no constituency or group.
#[derive(Clone, Copy, Debug)]
pub struct PriorityInput<'a> {
    /// How many options there are (indexed from 0).
    pub options: usize,
    /// Every comparison, in any order.
    pub comparisons: &'a [Comparison],
    /// How many constituencies there are.
    pub constituency_count: usize,
    /// Per participant, the constituencies they belong to (several are allowed).
    pub constituencies_of: &'a [Vec<u32>],
    /// How many opinion groups there are (from a linked dialogue; 0 for none).
    pub group_count: usize,
    /// Per participant, their opinion group in the linked dialogue, if they took part in it.
    pub group_of: &'a [Option<u32>],
    /// How many options each constituency's shortlist holds (10 in a JLA-style workshop).
    pub shortlist_size: usize,
}

/// One option's standing in one ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionStanding {
    /// Comparisons it won.
    pub wins: u32,
    /// Comparisons it lost.
    pub losses: u32,
    /// Comparisons involving it answered "can't decide".
    pub neither: u32,
    /// The maximum-likelihood log strength, mean 0; `None` where that estimate does not exist.
    pub log_strength: Option<f64>,
    /// The log strength the score and rank use: the maximum-likelihood one, or the weak-prior
    /// one where that does not exist.
    pub fitted_log_strength: f64,
    /// The 95% interval of the fitted log strength.
    pub log_strength_interval: (f64, f64),
    /// The chance, 0 to 100, that it beats an option chosen at random from the others.
    pub score: f64,
    /// Its rank by score, from 1 (ties share the better rank).
    pub rank: u32,
}

/// A ranking of every option from one set of comparisons.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// Which estimate the fitted log strengths are.
    pub estimate: Estimate,
    /// Comparisons counted, including "can't decide".
    pub comparisons: u64,
    /// Comparisons with a winner.
    pub decided: u64,
    /// Participants whose comparisons were counted.
    pub participants: u32,
    /// Per option, in option order.
    pub options: Vec<OptionStanding>,
}

impl Ranking {
    fn from_fit(fit: &Fit, comparisons: u64, participants: u32) -> Ranking {
        let scores = fit.scores();
        let ranks = ranks_of(&scores);
        let maximum_likelihood = fit.maximum_likelihood();
        let options = (0..scores.len())
            .map(|i| OptionStanding {
                wins: fit.wins[i],
                losses: fit.losses[i],
                neither: fit.neither[i],
                log_strength: maximum_likelihood.map(|theta| theta[i]),
                fitted_log_strength: fit.log_strength[i],
                log_strength_interval: fit.interval(i),
                score: scores[i],
                rank: ranks[i],
            })
            .collect();
        Ranking {
            estimate: fit.estimate,
            comparisons,
            decided: fit.decided,
            participants,
            options,
        }
    }

    /// Options in rank order (ties by option index).
    pub fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.options.len()).collect();
        order.sort_by_key(|&i| (self.options[i].rank, i));
        order
    }
}

/// One option on the workshop shortlist.
#[derive(Clone, Debug, PartialEq)]
pub struct ShortlistEntry {
    /// The option.
    pub option: usize,
    /// Points summed over constituencies (`N + 1 − rank` from each top `N` it is in).
    pub points: u32,
    /// The constituencies that put it in their top `N`, in index order.
    pub in_top_of: Vec<usize>,
}

/// The two constituencies whose top `N` overlap least.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// One constituency.
    pub first: usize,
    /// The other.
    pub second: usize,
    /// How many options both put in their top `N`.
    pub shared: usize,
    /// The size of each top `N`.
    pub size: usize,
    /// Options in the first's top `N` but not the second's, with their rank for the second.
    pub only_first: Vec<(usize, u32)>,
    /// Options in the second's top `N` but not the first's, with their rank for the first.
    pub only_second: Vec<(usize, u32)>,
}

/// The full result.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityResults {
    /// All comparisons together: the head-count ranking.
    pub overall: Ranking,
    /// Per constituency, in index order.
    pub constituencies: Vec<Ranking>,
    /// Per opinion group, in index order.
    pub groups: Vec<Ranking>,
    /// The constituencies the equal-weight score counts: those with a decided comparison.
    pub counted_constituencies: Vec<usize>,
    /// Per option, the mean of its scores over the counted constituencies; `None` when no
    /// constituency counts.
    pub equal_weight_score: Vec<Option<f64>>,
    /// Per option, its rank by equal-weight score (by head-count score when none counts).
    pub equal_weight_rank: Vec<u32>,
    /// The workshop shortlist: every option in some counted constituency's top `N`, in order.
    pub shortlist: Vec<ShortlistEntry>,
    /// Where the counted constituencies' top `N` differ most; `None` with fewer than two.
    pub divergence: Option<Divergence>,
}

/// Ranks the options overall, per constituency and per group, with equal weight.
pub fn rank(input: &PriorityInput<'_>) -> Result<PriorityResults, PriorityError> {
    check_memberships(input)?;
    let mut overall = Subset::new(input.options);
    let mut constituencies: Vec<Subset> = (0..input.constituency_count)
        .map(|_| Subset::new(input.options))
        .collect();
    let mut groups: Vec<Subset> = (0..input.group_count)
        .map(|_| Subset::new(input.options))
        .collect();
    for comparison in input.comparisons {
        Tally::check(input.options, comparison)?;
        let participant = comparison.participant as usize;
        overall.add(comparison);
        for &c in input
            .constituencies_of
            .get(participant)
            .into_iter()
            .flatten()
        {
            constituencies[c as usize].add(comparison);
        }
        if let Some(Some(g)) = input.group_of.get(participant) {
            groups[*g as usize].add(comparison);
        }
    }
    // The fits are independent: run them side by side.
    let mut subsets = vec![overall];
    subsets.extend(constituencies);
    subsets.extend(groups);
    let mut rankings: Vec<Ranking> = subsets.into_par_iter().map(Subset::ranking).collect();
    let groups = rankings.split_off(1 + input.constituency_count);
    let constituencies = rankings.split_off(1);
    let overall = rankings.pop().expect("the overall ranking is first");

    let counted: Vec<usize> = (0..constituencies.len())
        .filter(|&c| constituencies[c].decided > 0)
        .collect();
    let equal_weight_score: Vec<Option<f64>> = (0..input.options)
        .map(|i| {
            (!counted.is_empty()).then(|| {
                counted
                    .iter()
                    .map(|&c| constituencies[c].options[i].score)
                    .sum::<f64>()
                    / counted.len() as f64
            })
        })
        .collect();
    let equal_weight_rank = if counted.is_empty() {
        overall.options.iter().map(|o| o.rank).collect()
    } else {
        ranks_of(
            &equal_weight_score
                .iter()
                .flatten()
                .copied()
                .collect::<Vec<_>>(),
        )
    };
    let size = input.shortlist_size.min(input.options);
    let tops: Vec<(usize, Vec<usize>)> = counted
        .iter()
        .map(|&c| (c, top(&constituencies[c], size)))
        .collect();
    let shortlist = shortlist(&tops, &constituencies, &equal_weight_score, size);
    let divergence = divergence(&tops, &constituencies, size);
    Ok(PriorityResults {
        overall,
        constituencies,
        groups,
        counted_constituencies: counted,
        equal_weight_score,
        equal_weight_rank,
        shortlist,
        divergence,
    })
}

fn check_memberships(input: &PriorityInput<'_>) -> Result<(), PriorityError> {
    for (participant, list) in input.constituencies_of.iter().enumerate() {
        if let Some(&bad) = list
            .iter()
            .find(|&&c| c as usize >= input.constituency_count)
        {
            return Err(PriorityError::UnknownSubset {
                participant: u32::try_from(participant).unwrap_or(u32::MAX),
                kind: "constituency",
                index: bad,
                count: input.constituency_count,
            });
        }
    }
    for (participant, group) in input.group_of.iter().enumerate() {
        if let Some(g) = *group
            && g as usize >= input.group_count
        {
            return Err(PriorityError::UnknownSubset {
                participant: u32::try_from(participant).unwrap_or(u32::MAX),
                kind: "group",
                index: g,
                count: input.group_count,
            });
        }
    }
    Ok(())
}

/// Comparisons of one set of participants.
struct Subset {
    tally: Tally,
    comparisons: u64,
    /// Whether each participant (by index) has been counted.
    seen: Vec<bool>,
    participants: u32,
}

impl Subset {
    fn new(options: usize) -> Subset {
        Subset {
            tally: Tally::new(options),
            comparisons: 0,
            seen: Vec::new(),
            participants: 0,
        }
    }

    fn add(&mut self, comparison: &Comparison) {
        self.tally.add(comparison);
        self.comparisons += 1;
        let participant = comparison.participant as usize;
        if participant >= self.seen.len() {
            self.seen.resize(participant + 1, false);
        }
        if !self.seen[participant] {
            self.seen[participant] = true;
            self.participants += 1;
        }
    }

    fn ranking(self) -> Ranking {
        let fit = self.tally.fit();
        Ranking::from_fit(&fit, self.comparisons, self.participants)
    }
}

/// Ranks by descending score, ties sharing the better rank.
fn ranks_of(scores: &[f64]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut ranks = vec![0; scores.len()];
    let mut previous: Option<(f64, u32)> = None;
    for (position, &option) in order.iter().enumerate() {
        let rank = match previous {
            Some((score, rank)) if score.total_cmp(&scores[option]).is_eq() => rank,
            _ => u32::try_from(position + 1).unwrap_or(u32::MAX),
        };
        ranks[option] = rank;
        previous = Some((scores[option], rank));
    }
    ranks
}

fn top(ranking: &Ranking, size: usize) -> Vec<usize> {
    ranking.order().into_iter().take(size).collect()
}

fn shortlist(
    tops: &[(usize, Vec<usize>)],
    constituencies: &[Ranking],
    equal_weight_score: &[Option<f64>],
    size: usize,
) -> Vec<ShortlistEntry> {
    let mut entries: Vec<ShortlistEntry> = Vec::new();
    let size = u32::try_from(size).unwrap_or(u32::MAX);
    for (constituency, options) in tops {
        for &option in options {
            let rank = constituencies[*constituency].options[option].rank;
            let points = size.saturating_add(1).saturating_sub(rank);
            match entries.iter_mut().find(|entry| entry.option == option) {
                Some(entry) => {
                    entry.points += points;
                    entry.in_top_of.push(*constituency);
                }
                None => entries.push(ShortlistEntry {
                    option,
                    points,
                    in_top_of: vec![*constituency],
                }),
            }
        }
    }
    let score = |option: usize| equal_weight_score[option].unwrap_or(0.0);
    entries.sort_by(|a, b| {
        b.points
            .cmp(&a.points)
            .then(b.in_top_of.len().cmp(&a.in_top_of.len()))
            .then(score(b.option).total_cmp(&score(a.option)))
            .then(a.option.cmp(&b.option))
    });
    entries
}

fn divergence(
    tops: &[(usize, Vec<usize>)],
    constituencies: &[Ranking],
    size: usize,
) -> Option<Divergence> {
    let mut least: Option<Divergence> = None;
    for (a, (first, first_top)) in tops.iter().enumerate() {
        for (second, second_top) in &tops[a + 1..] {
            let shared = first_top.iter().filter(|o| second_top.contains(o)).count();
            if least.as_ref().is_some_and(|d| d.shared <= shared) {
                continue;
            }
            let only = |mine: &[usize], theirs: &[usize], other: usize| -> Vec<(usize, u32)> {
                mine.iter()
                    .filter(|o| !theirs.contains(o))
                    .map(|&o| (o, constituencies[other].options[o].rank))
                    .collect()
            };
            least = Some(Divergence {
                first: *first,
                second: *second,
                shared,
                size,
                only_first: only(first_top, second_top, *second),
                only_second: only(second_top, first_top, *first),
            });
        }
    }
    least
}
