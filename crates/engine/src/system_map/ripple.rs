//! The ripple of an action: a breadth-first search from the pushed factor that carries, for
//! each factor, the set of directions in which its shortest paths move it.

use super::{FactorId, LoopLimits, Loops, Push, Sign, SystemMap, loops};

/// How a reached factor moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// Every shortest path moves it up.
    Up,
    /// Every shortest path moves it down.
    Down,
    /// Some shortest paths move it up and others down.
    Mixed,
}

impl Effect {
    /// The word used in files and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Up => "up",
            Effect::Down => "down",
            Effect::Mixed => "mixed",
        }
    }

    fn from_bits(bits: u8) -> Effect {
        match bits {
            UP => Effect::Up,
            DOWN => Effect::Down,
            _ => Effect::Mixed,
        }
    }
}

const UP: u8 = 1;
const DOWN: u8 = 2;

/// One factor the action reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reached {
    /// The factor.
    pub factor: FactorId,
    /// The partner that owns it, if one does.
    pub partner: Option<u32>,
    /// How it moves.
    pub effect: Effect,
    /// The fewest links from the pushed factor to it, from 1.
    pub distance: usize,
}

/// The ripple of pushing one factor.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ripple {
    /// The pushed factor.
    pub origin: FactorId,
    /// Which way it is pushed.
    pub push: Push,
    /// The factors reached, by distance, then id; the pushed factor is not among them.
    pub reached: Vec<Reached>,
    /// The loops the pushed factor lies on.
    pub loops: Loops,
}

impl Ripple {
    /// The reached factors grouped by the partner that owns them, partners in ascending order
    /// with the factors no partner owns first; within a group, by distance, then id.
    pub fn by_partner(&self) -> Vec<(Option<u32>, Vec<Reached>)> {
        let mut groups: Vec<(Option<u32>, Vec<Reached>)> = Vec::new();
        let mut sorted = self.reached.clone();
        sorted.sort_by_key(|reached| (reached.partner, reached.distance, reached.factor));
        for reached in sorted {
            match groups.last_mut() {
                Some((partner, members)) if *partner == reached.partner => members.push(reached),
                _ => groups.push((reached.partner, vec![reached])),
            }
        }
        groups
    }
}

/// Spreads a push from `origin` along at most `steps` links.
pub(super) fn spread(
    map: &SystemMap,
    origin: usize,
    push: Push,
    steps: usize,
    limits: LoopLimits,
) -> Ripple {
    let n = map.factor_count();
    let mut distance = vec![usize::MAX; n];
    let mut bits = vec![0u8; n];
    distance[origin] = 0;
    bits[origin] = match push {
        Push::Up => UP,
        Push::Down => DOWN,
    };
    let links = map.links();
    let mut frontier = vec![origin];
    let mut reached_nodes = Vec::new();
    for step in 1..=steps {
        let mut next = Vec::new();
        for &u in &frontier {
            for arc in map.out(u) {
                let v = arc.node;
                if distance[v] == usize::MAX {
                    distance[v] = step;
                    next.push(v);
                }
                if distance[v] == step {
                    bits[v] |= match links[arc.link].sign {
                        Sign::Positive => bits[u],
                        Sign::Negative => ((bits[u] & UP) << 1) | ((bits[u] & DOWN) >> 1),
                    };
                }
            }
        }
        if next.is_empty() {
            break;
        }
        next.sort_unstable();
        reached_nodes.extend_from_slice(&next);
        frontier = next;
    }
    let ids = map.ids();
    let reached = reached_nodes
        .into_iter()
        .map(|v| Reached {
            factor: ids[v],
            partner: map.partners[v],
            effect: Effect::from_bits(bits[v]),
            distance: distance[v],
        })
        .collect();
    Ripple {
        origin: ids[origin],
        push,
        reached,
        loops: loops::through(map, origin, limits),
    }
}
