//! Feedback loops: the elementary cycles of the map by Johnson's algorithm, with a length and
//! a count limit.
//!
//! Johnson's search starts from each factor `s` in ascending id and looks only at the strongly
//! connected component of `s` among the factors from `s` on, so each cycle is found once, from
//! its smallest factor. A factor is *blocked* while every path from it back to `s` is known to
//! cross the current path; it is unblocked when the path moves. With a length limit, a branch
//! cut by the limit counts as if it had closed a loop, so no factor stays blocked on a claim
//! the cut did not prove, and no loop within the limit is missed. When a cut happens, a search
//! for a path back to `s` that avoids the current path says whether a longer loop exists.

use super::{Arc, FactorId, Sign, SystemMap};

/// How far the search for loops goes. Both limits are exact: every loop of at most
/// `max_length` links is found until `max_loops` are listed, and [`Loops::truncated`] is set
/// only when a loop exists that the list leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LoopLimits {
    /// The most links a listed loop may have.
    pub max_length: usize,
    /// The most loops listed.
    pub max_loops: usize,
}

impl Default for LoopLimits {
    /// No length limit and at most 100,000 loops.
    fn default() -> LoopLimits {
        LoopLimits {
            max_length: usize::MAX,
            max_loops: 100_000,
        }
    }
}

/// Whether a loop amplifies or counteracts a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// An even number of `−` links: a change comes back amplified.
    Reinforcing,
    /// An odd number of `−` links: a change comes back opposed.
    Balancing,
}

impl Polarity {
    /// The word used in files and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Reinforcing => "reinforcing",
            Polarity::Balancing => "balancing",
        }
    }
}

/// One feedback loop.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FeedbackLoop {
    /// Its factors along the loop, starting from the smallest id; the last links back to the
    /// first.
    pub factors: Vec<FactorId>,
    /// Reinforcing or balancing.
    pub polarity: Polarity,
    /// Whether one of its links is contested.
    pub contested: bool,
    /// Whether one of its links is delayed.
    pub delayed: bool,
}

impl FeedbackLoop {
    /// How many links (and factors) it has.
    pub fn length(&self) -> usize {
        self.factors.len()
    }
}

/// The loops found.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Loops {
    /// The loops, by their smallest factor, then in the order the search met them.
    pub loops: Vec<FeedbackLoop>,
    /// Whether a loop exists that is not listed: longer than the length limit or beyond the
    /// count limit.
    pub truncated: bool,
}

/// Every loop of the map.
pub(super) fn all(map: &SystemMap, limits: LoopLimits) -> Loops {
    let mut search = Search::new(map, limits);
    for start in 0..map.factor_count() {
        // The component of `start` among the factors from `start` on.
        let ahead = reach(map, start, |v| v >= start, SystemMap::out);
        let behind = reach(map, start, |v| v >= start, SystemMap::incoming);
        let members: Vec<usize> = (start..map.factor_count())
            .filter(|&v| ahead[v] && behind[v])
            .collect();
        if !search.circuits(start, &members) {
            break;
        }
    }
    search.finish()
}

/// The loops through one factor, each listed from its smallest id.
pub(super) fn through(map: &SystemMap, node: usize, limits: LoopLimits) -> Loops {
    let ahead = reach(map, node, |_| true, SystemMap::out);
    let behind = reach(map, node, |_| true, SystemMap::incoming);
    let members: Vec<usize> = (0..map.factor_count())
        .filter(|&v| ahead[v] && behind[v])
        .collect();
    let mut search = Search::new(map, limits);
    search.circuits(node, &members);
    search.finish()
}

/// Which nodes `from` reaches (itself included) through nodes that pass `keep`, following
/// `arcs` (outgoing to go forward, incoming to go backward).
fn reach(
    map: &SystemMap,
    from: usize,
    keep: impl Fn(usize) -> bool,
    arcs: fn(&SystemMap, usize) -> &[Arc],
) -> Vec<bool> {
    let mut seen = vec![false; map.factor_count()];
    seen[from] = true;
    let mut pending = vec![from];
    while let Some(v) = pending.pop() {
        for arc in arcs(map, v) {
            if keep(arc.node) && !seen[arc.node] {
                seen[arc.node] = true;
                pending.push(arc.node);
            }
        }
    }
    seen
}

/// A node on the current path and how far through its arcs the search is.
struct Frame {
    node: usize,
    next: usize,
    closed: bool,
}

struct Search<'m> {
    map: &'m SystemMap,
    limits: LoopLimits,
    /// The nodes of the component searched now.
    member: Vec<bool>,
    on_path: Vec<bool>,
    blocked: Vec<bool>,
    /// Johnson's `B` lists: the nodes to unblock when a node is unblocked.
    waiting: Vec<Vec<usize>>,
    found: Vec<FeedbackLoop>,
    truncated: bool,
}

impl<'m> Search<'m> {
    fn new(map: &'m SystemMap, limits: LoopLimits) -> Search<'m> {
        let n = map.factor_count();
        Search {
            map,
            limits,
            member: vec![false; n],
            on_path: vec![false; n],
            blocked: vec![false; n],
            waiting: vec![Vec::new(); n],
            found: Vec::new(),
            truncated: false,
        }
    }

    fn finish(self) -> Loops {
        Loops {
            loops: self.found,
            truncated: self.truncated,
        }
    }

    /// Lists the loops through `start` within `members`; returns false once the count limit
    /// stopped the search.
    fn circuits(&mut self, start: usize, members: &[usize]) -> bool {
        for &v in members {
            self.member[v] = true;
            self.blocked[v] = false;
            self.waiting[v].clear();
        }
        let going = self.walk(start);
        for &v in members {
            self.member[v] = false;
        }
        going
    }

    fn walk(&mut self, start: usize) -> bool {
        let map = self.map;
        let mut frames = vec![Frame {
            node: start,
            next: 0,
            closed: false,
        }];
        // The link entering each frame after the first.
        let mut path_links: Vec<usize> = Vec::new();
        self.blocked[start] = true;
        self.on_path[start] = true;
        let mut going = true;
        loop {
            let depth = frames.len();
            let Some(top) = frames.last_mut() else { break };
            let arcs = map.out(top.node);
            if going && top.next < arcs.len() {
                let arc = arcs[top.next];
                top.next += 1;
                if !self.member[arc.node] {
                    continue;
                }
                if arc.node == start {
                    top.closed = true;
                    going = self.close(&frames, &path_links, arc.link);
                } else if !self.blocked[arc.node] {
                    if depth < self.limits.max_length {
                        self.blocked[arc.node] = true;
                        self.on_path[arc.node] = true;
                        path_links.push(arc.link);
                        frames.push(Frame {
                            node: arc.node,
                            next: 0,
                            closed: false,
                        });
                    } else {
                        top.closed = true;
                        if !self.truncated && self.leads_back(arc.node, start) {
                            self.truncated = true;
                        }
                    }
                }
                continue;
            }
            let Some(done) = frames.pop() else { break };
            self.on_path[done.node] = false;
            if done.closed {
                self.unblock(done.node);
            } else {
                for arc in map.out(done.node) {
                    if self.member[arc.node] && !self.waiting[arc.node].contains(&done.node) {
                        self.waiting[arc.node].push(done.node);
                    }
                }
            }
            if let Some(parent) = frames.last_mut() {
                path_links.pop();
                parent.closed |= done.closed;
            }
        }
        going
    }

    /// Records the loop along `frames` closed by `last_link`; returns false when the count
    /// limit is reached and the search must stop.
    fn close(&mut self, frames: &[Frame], path_links: &[usize], last_link: usize) -> bool {
        if frames.len() > self.limits.max_length {
            self.truncated = true;
            return true;
        }
        if self.found.len() >= self.limits.max_loops {
            self.truncated = true;
            return false;
        }
        let links = self.map.links();
        let mut negatives = 0usize;
        let mut contested = false;
        let mut delayed = false;
        for &index in path_links.iter().chain([&last_link]) {
            let link = &links[index];
            negatives += usize::from(link.sign == Sign::Negative);
            contested |= link.contested;
            delayed |= link.delayed;
        }
        let nodes: Vec<usize> = frames.iter().map(|frame| frame.node).collect();
        let first = nodes
            .iter()
            .enumerate()
            .min_by_key(|&(_, &node)| node)
            .map_or(0, |(position, _)| position);
        let ids = self.map.ids();
        let factors = nodes[first..]
            .iter()
            .chain(&nodes[..first])
            .map(|&node| ids[node])
            .collect();
        self.found.push(FeedbackLoop {
            factors,
            polarity: if negatives.is_multiple_of(2) {
                Polarity::Reinforcing
            } else {
                Polarity::Balancing
            },
            contested,
            delayed,
        });
        true
    }

    /// Whether a path from `from` reaches `start` within the component without touching the
    /// current path, which would close a loop longer than the limit.
    fn leads_back(&self, from: usize, start: usize) -> bool {
        let mut seen = vec![false; self.map.factor_count()];
        seen[from] = true;
        let mut pending = vec![from];
        while let Some(v) = pending.pop() {
            for arc in self.map.out(v) {
                if arc.node == start {
                    return true;
                }
                if self.member[arc.node] && !self.on_path[arc.node] && !seen[arc.node] {
                    seen[arc.node] = true;
                    pending.push(arc.node);
                }
            }
        }
        false
    }

    fn unblock(&mut self, node: usize) {
        self.blocked[node] = false;
        let mut pending = vec![node];
        while let Some(v) = pending.pop() {
            for w in std::mem::take(&mut self.waiting[v]) {
                if self.blocked[w] {
                    self.blocked[w] = false;
                    pending.push(w);
                }
            }
        }
    }
}
