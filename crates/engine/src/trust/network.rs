//! The undirected network of one wave: ties, degrees, density, Freeman degree centralisation
//! and reciprocity.

/// One directed answer, as the network needs it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Arc {
    pub rater: u32,
    pub ratee: u32,
    pub is_tie: bool,
}

/// The network measures of one wave.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Network {
    /// Per partner, its number of ties.
    pub degree: Vec<u32>,
    /// Pairs with a tie.
    pub ties: u64,
    /// Pairs of partners, `n(n − 1)/2`.
    pub possible_ties: u64,
    /// Ties ÷ possible ties; `None` with fewer than 2 partners.
    pub density: Option<f64>,
    /// Freeman degree centralisation; `None` with fewer than 3 partners.
    pub centralization: Option<f64>,
    /// Ties between partners that each answered about the other.
    pub ties_both_answered: u64,
    /// Those reported by both sides.
    pub mutual_ties: u64,
    /// Mutual ties ÷ ties both answered; `None` when no tie was answered by both sides.
    pub reciprocity: Option<f64>,
}

/// Builds the network from a wave's answers, sorted by rater then ratee with no duplicates.
pub(super) fn build(partners: usize, arcs: &[Arc]) -> Network {
    let mut degree = vec![0u32; partners];
    let mut ties = 0u64;
    let mut ties_both_answered = 0u64;
    let mut mutual_ties = 0u64;
    // Where each rater's answers start, so that a reverse answer is searched for among one
    // rater's answers only.
    let mut starts = vec![0usize; partners + 1];
    for arc in arcs {
        starts[arc.rater as usize + 1] += 1;
    }
    for p in 0..partners {
        starts[p + 1] += starts[p];
    }
    let find = |rater: u32, ratee: u32| {
        let own = &arcs[starts[rater as usize]..starts[rater as usize + 1]];
        own.binary_search_by_key(&ratee, |arc| arc.ratee)
            .ok()
            .map(|index| own[index])
    };
    for arc in arcs {
        let reverse = find(arc.ratee, arc.rater);
        // Each pair once: from its lower rater when both answered, else from its one answer.
        if reverse.is_some() && arc.rater > arc.ratee {
            continue;
        }
        let reverse_is_tie = reverse.is_some_and(|reverse| reverse.is_tie);
        if !(arc.is_tie || reverse_is_tie) {
            continue;
        }
        ties += 1;
        degree[arc.rater as usize] += 1;
        degree[arc.ratee as usize] += 1;
        if reverse.is_some() {
            ties_both_answered += 1;
            if arc.is_tie && reverse_is_tie {
                mutual_ties += 1;
            }
        }
    }
    let n = partners as u64;
    let possible_ties = n * n.saturating_sub(1) / 2;
    let density = (possible_ties > 0).then(|| ties as f64 / possible_ties as f64);
    let centralization = (n >= 3).then(|| {
        let highest = degree.iter().copied().max().unwrap_or(0);
        let spread: u64 = degree.iter().map(|&d| u64::from(highest - d)).sum();
        spread as f64 / ((n - 1) * (n - 2)) as f64
    });
    let reciprocity =
        (ties_both_answered > 0).then(|| mutual_ties as f64 / ties_both_answered as f64);
    Network {
        degree,
        ties,
        possible_ties,
        density,
        centralization,
        ties_both_answered,
        mutual_ties,
        reciprocity,
    }
}
