//! The whole system as a map: factors (each optionally owned by a partner) and the directed,
//! signed influences between them, with its feedback loops, the ripple of an action and where
//! the leverage lies.
//!
//! # The map
//!
//! A [`Factor`] has an id and, optionally, the partner that owns it. A [`Link`] says that more
//! of one factor leads to more (`+`, [`Sign::Positive`]) or to less (`−`, [`Sign::Negative`])
//! of another, optionally after a delay, and whether the partnership contests it. A link from a
//! factor to itself is allowed (a self-loop); two links between the same factors in the same
//! direction are not. [`SystemMap::new`] refuses a duplicate factor id, a duplicate link and a
//! link naming a factor the map does not have.
//!
//! # The analysis
//!
//! - **Feedback loops** ([`SystemMap::loops`]): every elementary cycle (no factor twice), found
//!   by Johnson's algorithm (1975), within the limits of [`LoopLimits`]. A loop
//!   is *reinforcing* when it has an even number of `−` links and *balancing* when the number
//!   is odd; its factors are listed along the loop starting from its smallest id. A loop
//!   through at least one contested link is marked contested, one through a delayed link
//!   delayed. `truncated` says that a loop exists beyond the list: longer than the length limit
//!   or beyond the count limit.
//! - **The ripple of an action** ([`SystemMap::ripple`]): from a factor pushed up or down, every
//!   factor reached within `k` links, at its distance (the fewest links from the pushed
//!   factor), with the direction it moves along the shortest paths: the push times the product
//!   of the signs along a path, and *mixed* when two shortest paths disagree. Longer paths are
//!   not counted: the nearest influence is the one a partnership sees first. The pushed factor
//!   itself is not listed; the loops it lies on are.
//! - **Leverage** ([`SystemMap::leverage`]): per factor, MICMAC's *driving power* (how many
//!   factors it reaches) and *dependence power* (how many factors reach it) on the reachability
//!   matrix, in- and out-degree (a self-loop counts once in each), and betweenness centrality.
//!   The reachability matrix is reflexive, as in interpretive structural modelling: every
//!   factor reaches itself, so driving and dependence are at least 1 and a factor that touches
//!   nothing scores 1, not 0. Betweenness is `Σ σ_st(v) / σ_st` over ordered pairs of distinct
//!   factors `s ≠ v ≠ t`, where `σ_st` counts the shortest directed paths from `s` to `t` and
//!   `σ_st(v)` those through `v` (Brandes 2001, unweighted, not normalised; divide by
//!   `(n − 1)(n − 2)` for a share).

mod leverage;
mod loops;
mod ripple;

pub use leverage::FactorLeverage;
pub use loops::{FeedbackLoop, LoopLimits, Loops, Polarity};
pub use ripple::{Effect, Reached, Ripple};

/// A factor's id, as the caller numbers its factors.
pub type FactorId = u64;

/// A factor of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Factor {
    /// Its id, unique in the map.
    pub id: FactorId,
    /// The partner that owns it, as the caller numbers its partners; `None` when no partner
    /// does.
    pub partner: Option<u32>,
}

/// The sign of an influence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    /// More leads to more (`+`).
    Positive,
    /// More leads to less (`−`).
    Negative,
}

impl Sign {
    /// The symbol used in files and the API, `+` or `-`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sign::Positive => "+",
            Sign::Negative => "-",
        }
    }

    /// Parses `+` or `-`.
    pub fn parse(symbol: &str) -> Option<Sign> {
        match symbol {
            "+" => Some(Sign::Positive),
            "-" => Some(Sign::Negative),
            _ => None,
        }
    }
}

/// A directed, signed influence of one factor on another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Link {
    /// The factor that influences.
    pub from: FactorId,
    /// The factor influenced.
    pub to: FactorId,
    /// Whether more of `from` leads to more or to less of `to`.
    pub sign: Sign,
    /// Whether the influence takes effect after a marked delay.
    pub delayed: bool,
    /// Whether the partnership contests the influence.
    pub contested: bool,
}

/// The direction an action pushes a factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Push {
    /// More of the factor.
    Up,
    /// Less of the factor.
    Down,
}

impl Push {
    /// The word used in files and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Push::Up => "up",
            Push::Down => "down",
        }
    }

    /// Parses `up` or `down`.
    pub fn parse(word: &str) -> Option<Push> {
        match word {
            "up" => Some(Push::Up),
            "down" => Some(Push::Down),
            _ => None,
        }
    }
}

/// Input the engine refuses.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    /// Two factors have the same id.
    #[error("factor {id} appears twice")]
    DuplicateFactor {
        /// The id.
        id: FactorId,
    },
    /// A link names a factor the map does not have.
    #[error(
        "the link from factor {from} to factor {to} names factor {factor}, which the map does not have"
    )]
    UnknownFactorInLink {
        /// The link's source.
        from: FactorId,
        /// The link's target.
        to: FactorId,
        /// The id not found.
        factor: FactorId,
    },
    /// Two links join the same factors in the same direction.
    #[error("the link from factor {from} to factor {to} appears twice")]
    DuplicateLink {
        /// The link's source.
        from: FactorId,
        /// The link's target.
        to: FactorId,
    },
    /// An analysis starts from a factor the map does not have.
    #[error("factor {id} is not on the map")]
    UnknownFactor {
        /// The id.
        id: FactorId,
    },
}

/// One link as the searches walk it: the factor at its other end and the link's position.
#[derive(Clone, Copy, Debug)]
struct Arc {
    node: usize,
    link: usize,
}

/// A validated map, with its links indexed both ways. Factors are numbered internally by
/// ascending id, so the smallest id is node 0.
#[derive(Clone, Debug)]
pub struct SystemMap {
    ids: Vec<FactorId>,
    partners: Vec<Option<u32>>,
    links: Vec<Link>,
    /// Outgoing arcs of node `v` are `out_arcs[out_start[v]..out_start[v + 1]]`, by target.
    out_start: Vec<usize>,
    out_arcs: Vec<Arc>,
    /// Incoming arcs likewise, by source.
    in_start: Vec<usize>,
    in_arcs: Vec<Arc>,
}

impl SystemMap {
    /// Checks and indexes a map.
    pub fn new(factors: &[Factor], links: &[Link]) -> Result<SystemMap, MapError> {
        let mut sorted: Vec<Factor> = factors.to_vec();
        sorted.sort_by_key(|factor| factor.id);
        if let Some(pair) = sorted.windows(2).find(|pair| pair[0].id == pair[1].id) {
            return Err(MapError::DuplicateFactor { id: pair[0].id });
        }
        let ids: Vec<FactorId> = sorted.iter().map(|factor| factor.id).collect();
        let partners = sorted.iter().map(|factor| factor.partner).collect();
        let find = |link: &Link, id: FactorId| {
            ids.binary_search(&id)
                .map_err(|_| MapError::UnknownFactorInLink {
                    from: link.from,
                    to: link.to,
                    factor: id,
                })
        };
        let mut ends = Vec::with_capacity(links.len());
        for (index, link) in links.iter().enumerate() {
            ends.push((find(link, link.from)?, find(link, link.to)?, index));
        }
        ends.sort_unstable();
        if let Some(pair) = ends
            .windows(2)
            .find(|pair| (pair[0].0, pair[0].1) == (pair[1].0, pair[1].1))
        {
            let link = &links[pair[0].2];
            return Err(MapError::DuplicateLink {
                from: link.from,
                to: link.to,
            });
        }
        let n = ids.len();
        let (out_start, out_arcs) =
            index_arcs(n, ends.iter().map(|&(from, to, link)| (from, to, link)));
        let (in_start, in_arcs) =
            index_arcs(n, ends.iter().map(|&(from, to, link)| (to, from, link)));
        Ok(SystemMap {
            ids,
            partners,
            links: links.to_vec(),
            out_start,
            out_arcs,
            in_start,
            in_arcs,
        })
    }

    /// How many factors the map has.
    pub fn factor_count(&self) -> usize {
        self.ids.len()
    }

    /// The factors' ids in ascending order.
    pub fn ids(&self) -> &[FactorId] {
        &self.ids
    }

    /// The links, as given.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    fn node(&self, id: FactorId) -> Result<usize, MapError> {
        self.ids
            .binary_search(&id)
            .map_err(|_| MapError::UnknownFactor { id })
    }

    fn out(&self, node: usize) -> &[Arc] {
        &self.out_arcs[self.out_start[node]..self.out_start[node + 1]]
    }

    fn incoming(&self, node: usize) -> &[Arc] {
        &self.in_arcs[self.in_start[node]..self.in_start[node + 1]]
    }

    /// Every feedback loop within the limits, and whether the limits left any out.
    pub fn loops(&self, limits: LoopLimits) -> Loops {
        loops::all(self, limits)
    }

    /// The ripple of pushing `origin` up or down: the factors reached within `steps` links and
    /// the loops `origin` lies on (within `limits`).
    pub fn ripple(
        &self,
        origin: FactorId,
        push: Push,
        steps: usize,
        limits: LoopLimits,
    ) -> Result<Ripple, MapError> {
        let node = self.node(origin)?;
        Ok(ripple::spread(self, node, push, steps, limits))
    }

    /// Each factor's leverage, in ascending id.
    pub fn leverage(&self) -> Vec<FactorLeverage> {
        leverage::measure(self)
    }
}

/// Compressed rows of arcs from `(row, other end, link)` triples sorted by row then other end.
fn index_arcs(
    nodes: usize,
    triples: impl Iterator<Item = (usize, usize, usize)>,
) -> (Vec<usize>, Vec<Arc>) {
    let mut triples: Vec<(usize, usize, usize)> = triples.collect();
    triples.sort_unstable();
    let mut start = vec![0usize; nodes + 1];
    for &(row, _, _) in &triples {
        start[row + 1] += 1;
    }
    for v in 0..nodes {
        start[v + 1] += start[v];
    }
    let arcs = triples
        .into_iter()
        .map(|(_, node, link)| Arc { node, link })
        .collect();
    (start, arcs)
}
