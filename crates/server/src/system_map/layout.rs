//! Where each factor of a map is drawn: a deterministic layout with boxes that never overlap.
//!
//! # The algorithm
//!
//! 1. **Order.** Factors are sorted by their id (as numbers when every id is a whole number,
//!    as text otherwise, the same rule as [`super::source`]) and links by their ends, so the
//!    layout does not depend on the order of the files or the store's rows. A factor id given
//!    twice keeps its first factor; a link to an unknown factor or a repeated link is not drawn.
//! 2. **Labels.** Each name is wrapped into at most [`MAX_LINES`] lines of at most
//!    [`MAX_TEXT_WIDTH`] units (the width estimated generously, as for the report's labels, so
//!    the text fits in a wide font); a longer name ends in "…" and is given whole in the
//!    drawing's hover titles and in the table. The box is sized to its lines.
//! 3. **Components.** The map is split into its connected components (ignoring the links'
//!    direction). Each is laid out on its own:
//!    - the ideal distance between two factors is their number of links apart (breadth-first,
//!      undirected) times a unit length derived from the boxes' mean size;
//!    - the start is *classical multidimensional scaling* of those distances: the two leading
//!      eigenvectors of the double-centred squared-distance matrix, by power iteration from
//!      fixed start vectors, at most [`POWER_ITERATIONS`] steps each (plus a small
//!      golden-angle spiral so that no two factors start on the same point);
//!    - then *stress majorization* (Gansner, Koren and North 2004) moves each factor in turn to
//!      the weighted mean that lowers the stress `Σ d⁻² (‖xᵢ − xⱼ‖ − d)²`, for at most
//!      [`STRESS_ITERATIONS`] sweeps (fewer for a large component, by [`STRESS_BUDGET`], but
//!      at least [`MIN_STRESS_ITERATIONS`]), stopping early once no factor moves more than a
//!      tenth of a unit in a sweep;
//!    - then **overlap removal**: every pair of boxes closer than [`GAP`] (found by a sweep
//!      along x) is pushed apart along the axis where it overlaps least, for at most
//!      [`PUSH_ROUNDS`] rounds; if boxes still overlap, the component (too crowded: a dense
//!      map's stress layout is compact) is spread about its centre by [`EXPANSION`] and pushed
//!      again, at most [`EXPANSIONS`] times; should that still leave an overlap, the
//!      component falls back to a grid in reading order, so no two boxes ever overlap.
//! 4. **Packing.** Components are placed in rows, largest first (ties by their smallest id),
//!    rows no wider than the largest component or the square root of the total area, whichever
//!    is wider; a map's isolated factors therefore end up together on the last rows.
//! 5. **Routes.** Each link is a straight line between the borders of its two boxes; when two
//!    factors influence each other, both links bend, each to its own side, so neither hides
//!    the other; a factor's influence on itself is a loop over its top right corner.
//!
//! Nothing uses randomness or a hash map's order, so the same map always gives the same
//! coordinates. The work is quadratic in the factors of a component per sweep: a 300-factor,
//! 1,200-link map takes about 25 ms of CPU in the dev profile (see BENCHMARKS.md).

use std::collections::BTreeMap;

use engine::system_map::Sign;

use super::source::{FactorKey, MapSource};
use crate::report::map::labels::text_width;

/// The names' font size, in drawing units.
pub const FONT_SIZE: f64 = 13.0;
/// The distance between two lines of a name.
pub const LINE_HEIGHT: f64 = 16.0;
/// The widest line of a name.
pub const MAX_TEXT_WIDTH: f64 = 150.0;
/// The most lines a name takes; the rest is cut with "…".
pub const MAX_LINES: usize = 3;
/// Space between a box's border and its text, left and right.
pub const PAD_X: f64 = 10.0;
/// Space between a box's border and its text, top and bottom.
pub const PAD_Y: f64 = 8.0;
/// The least free space between two boxes, so that arrows and their marks fit between them.
pub const GAP: f64 = 36.0;
/// The free space around the drawing.
pub const MARGIN: f64 = 32.0;
/// The free space between two components.
pub const COMPONENT_GAP: f64 = 48.0;
/// The most sweeps of stress majorization.
pub const STRESS_ITERATIONS: usize = 120;
/// The most steps of power iteration for each of the start's two axes.
pub const POWER_ITERATIONS: usize = 50;
/// The fewest sweeps a large component is given, whatever [`STRESS_BUDGET`] says.
pub const MIN_STRESS_ITERATIONS: usize = 30;
/// The pair updates stress majorization may spend on one component: a component of `m`
/// factors gets `STRESS_BUDGET / m²` sweeps, within the two limits above.
pub const STRESS_BUDGET: usize = 4_000_000;
/// The most rounds of pushing overlapping boxes apart before the component is spread.
pub const PUSH_ROUNDS: usize = 24;
/// How many times a crowded component is spread before it falls back to a grid.
pub const EXPANSIONS: usize = 16;
/// How much each spreading enlarges the component.
pub const EXPANSION: f64 = 1.2;

/// A factor placed on the drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Its id as the map writes it.
    pub id: String,
    /// Its id as documents give it.
    pub key: FactorKey,
    /// Its whole name.
    pub name: String,
    /// Its name as drawn, line by line.
    pub lines: Vec<String>,
    /// Whether the drawn lines leave part of the name out.
    pub cut: bool,
    /// The number of its owning partner in [`Layout::partners`], if a partner owns it.
    pub partner: Option<usize>,
    /// The centre of its box.
    pub x: f64,
    /// The centre of its box.
    pub y: f64,
    /// Its box's width.
    pub width: f64,
    /// Its box's height.
    pub height: f64,
}

impl Node {
    /// Left, top, right and bottom of its box.
    pub fn bounds(&self) -> [f64; 4] {
        [
            self.x - self.width / 2.0,
            self.y - self.height / 2.0,
            self.x + self.width / 2.0,
            self.y + self.height / 2.0,
        ]
    }
}

/// The path a link is drawn along.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Route {
    /// A quadratic Bézier curve (straight when the control point lies on the chord).
    Quadratic {
        /// On the border of the influencing factor's box.
        start: [f64; 2],
        /// The control point.
        control: [f64; 2],
        /// On the border of the influenced factor's box.
        end: [f64; 2],
    },
    /// A cubic Bézier curve: a factor's influence on itself.
    Cubic {
        /// On the box's top border.
        start: [f64; 2],
        /// The first control point.
        first: [f64; 2],
        /// The second control point.
        second: [f64; 2],
        /// On the box's right border.
        end: [f64; 2],
    },
}

impl Route {
    /// The point at parameter `t` in [0, 1].
    pub fn point(&self, t: f64) -> [f64; 2] {
        let s = 1.0 - t;
        match *self {
            Route::Quadratic {
                start,
                control,
                end,
            } => [0, 1].map(|k| s * s * start[k] + 2.0 * s * t * control[k] + t * t * end[k]),
            Route::Cubic {
                start,
                first,
                second,
                end,
            } => [0, 1].map(|k| {
                s * s * s * start[k]
                    + 3.0 * s * s * t * first[k]
                    + 3.0 * s * t * t * second[k]
                    + t * t * t * end[k]
            }),
        }
    }

    /// The unit direction of travel at parameter `t`.
    pub fn direction(&self, t: f64) -> [f64; 2] {
        let s = 1.0 - t;
        let d = match *self {
            Route::Quadratic {
                start,
                control,
                end,
            } => {
                [0, 1].map(|k| 2.0 * s * (control[k] - start[k]) + 2.0 * t * (end[k] - control[k]))
            }
            Route::Cubic {
                start,
                first,
                second,
                end,
            } => [0, 1].map(|k| {
                3.0 * s * s * (first[k] - start[k])
                    + 6.0 * s * t * (second[k] - first[k])
                    + 3.0 * t * t * (end[k] - second[k])
            }),
        };
        unit(d)
    }

    /// The end of the route, where the arrow points.
    pub fn end(&self) -> [f64; 2] {
        match *self {
            Route::Quadratic { end, .. } | Route::Cubic { end, .. } => end,
        }
    }
}

/// A link placed on the drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// The influencing factor, as an index into [`Layout::nodes`].
    pub from: usize,
    /// The influenced factor.
    pub to: usize,
    /// More leads to more, or to less.
    pub sign: Sign,
    /// Whether the influence takes effect after a delay.
    pub delayed: bool,
    /// Whether the partnership contests it.
    pub contested: bool,
    /// The note on the evidence.
    pub note: String,
    /// Where it is drawn.
    pub route: Route,
}

/// A whole map laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The factors, in ascending id.
    pub nodes: Vec<Node>,
    /// The links, by their influencing then influenced factor.
    pub edges: Vec<Edge>,
    /// The partners' labels, in order of their first factor by id.
    pub partners: Vec<String>,
    /// The drawing's width, margins included; every box lies inside.
    pub width: f64,
    /// The drawing's height.
    pub height: f64,
}

/// Lays a map out.
pub fn layout(source: &MapSource) -> Layout {
    let numeric = source.factors.iter().all(|f| whole_number(&f.id).is_some());
    let key = |id: &str| match whole_number(id) {
        Some(number) if numeric => FactorKey::Number(number),
        _ => FactorKey::Text(id.to_owned()),
    };
    // Sorted by key; the sort is stable, so a repeated id keeps the factor given first.
    let mut factors: Vec<(FactorKey, &super::source::FactorSource)> =
        source.factors.iter().map(|f| (key(&f.id), f)).collect();
    factors.sort_by(|a, b| a.0.cmp(&b.0));
    factors.dedup_by(|later, earlier| later.0 == earlier.0);

    let mut partners: Vec<String> = Vec::new();
    let mut nodes: Vec<Node> = Vec::with_capacity(factors.len());
    for (factor_key, factor) in &factors {
        let partner = factor.partner.as_ref().map(|label| {
            partners
                .iter()
                .position(|known| known == label)
                .unwrap_or_else(|| {
                    partners.push(label.clone());
                    partners.len() - 1
                })
        });
        let (lines, cut) = wrap(factor.name.trim());
        let widest = lines
            .iter()
            .map(|line| text_width(line, FONT_SIZE))
            .fold(0.0, f64::max);
        let rows = lines.len().max(1) as f64;
        nodes.push(Node {
            id: factor.id.clone(),
            key: factor_key.clone(),
            name: factor.name.clone(),
            lines,
            cut,
            partner,
            x: 0.0,
            y: 0.0,
            width: (widest + 2.0 * PAD_X).max(64.0).ceil(),
            height: (rows * LINE_HEIGHT + 2.0 * PAD_Y).ceil(),
        });
    }

    let index: BTreeMap<&str, usize> = factors
        .iter()
        .enumerate()
        .map(|(position, (_, factor))| (factor.id.as_str(), position))
        .collect();
    let mut links: Vec<(usize, usize, &super::source::LinkSource)> = source
        .links
        .iter()
        .filter_map(|link| {
            Some((
                *index.get(link.from.as_str())?,
                *index.get(link.to.as_str())?,
                link,
            ))
        })
        .collect();
    links.sort_by_key(|&(from, to, _)| (from, to));
    links.dedup_by_key(|&mut (from, to, _)| (from, to));

    let pairs: Vec<(usize, usize)> = links.iter().map(|&(from, to, _)| (from, to)).collect();
    place(&mut nodes, &pairs);

    let (width, height) = if nodes.is_empty() {
        (2.0 * MARGIN, 2.0 * MARGIN)
    } else {
        let right = nodes.iter().map(|n| n.bounds()[2]).fold(0.0, f64::max);
        let bottom = nodes.iter().map(|n| n.bounds()[3]).fold(0.0, f64::max);
        ((right + MARGIN).ceil(), (bottom + MARGIN).ceil())
    };

    let edges = links
        .iter()
        .map(|&(from, to, link)| {
            let reciprocal = from != to && pairs.binary_search(&(to, from)).is_ok();
            Edge {
                from,
                to,
                sign: link.sign,
                delayed: link.delayed,
                contested: link.contested,
                note: link.note.clone(),
                route: route(&nodes[from], &nodes[to], from == to, reciprocal),
            }
        })
        .collect();

    Layout {
        nodes,
        edges,
        partners,
        width,
        height,
    }
}

/// Reads a whole number written with digits only.
fn whole_number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Wraps a name into lines no wider than [`MAX_TEXT_WIDTH`], at most [`MAX_LINES`] of them;
/// says whether part of it was left out.
pub fn wrap(name: &str) -> (Vec<String>, bool) {
    let fits = |text: &str| text_width(text, FONT_SIZE) <= MAX_TEXT_WIDTH;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in name.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word too long for a line of its own is broken between characters.
        for character in word.chars() {
            let mut longer = current.clone();
            longer.push(character);
            if fits(&longer) || current.is_empty() {
                current = longer;
            } else {
                lines.push(std::mem::replace(&mut current, character.to_string()));
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() <= MAX_LINES {
        return (lines, false);
    }
    lines.truncate(MAX_LINES);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && !fits(&format!("{last}…")) {
            last.pop();
        }
        let kept = last.trim_end().to_owned();
        *last = format!("{kept}…");
    }
    (lines, true)
}

/// Places every node: each connected component laid out alone, then the components packed.
fn place(nodes: &mut [Node], pairs: &[(usize, usize)]) {
    let n = nodes.len();
    if n == 0 {
        return;
    }
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(from, to) in pairs {
        if from != to {
            neighbours[from].push(to);
            neighbours[to].push(from);
        }
    }
    for list in &mut neighbours {
        list.sort_unstable();
        list.dedup();
    }
    let unit_length = {
        let mean_width = nodes.iter().map(|node| node.width).sum::<f64>() / n as f64;
        let mean_height = nodes.iter().map(|node| node.height).sum::<f64>() / n as f64;
        mean_width + 0.5 * mean_height + GAP
    };

    // Components in order of their smallest member, members ascending.
    let mut component = vec![usize::MAX; n];
    let mut components: Vec<Vec<usize>> = Vec::new();
    for seed in 0..n {
        if component[seed] != usize::MAX {
            continue;
        }
        let number = components.len();
        let mut members = vec![seed];
        component[seed] = number;
        let mut head = 0;
        while head < members.len() {
            let v = members[head];
            head += 1;
            for &w in &neighbours[v] {
                if component[w] == usize::MAX {
                    component[w] = number;
                    members.push(w);
                }
            }
        }
        members.sort_unstable();
        components.push(members);
    }

    let mut boxes: Vec<(Vec<usize>, f64, f64)> = Vec::with_capacity(components.len());
    for members in components {
        let (width, height) = lay_component(nodes, &neighbours, &members, unit_length);
        boxes.push((members, width, height));
    }
    pack(nodes, boxes);
}

/// Lays out one component with its top left box corner at (0, 0); returns its size.
fn lay_component(
    nodes: &mut [Node],
    neighbours: &[Vec<usize>],
    members: &[usize],
    unit_length: f64,
) -> (f64, f64) {
    let m = members.len();
    let mut position: Vec<[f64; 2]> = vec![[0.0, 0.0]; m];
    if m > 1 {
        let local: BTreeMap<usize, usize> =
            members.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let local_neighbours: Vec<Vec<usize>> = members
            .iter()
            .map(|&v| neighbours[v].iter().map(|w| local[w]).collect())
            .collect();
        let distance = hop_distances(&local_neighbours, unit_length);
        position = classical_scaling(&distance, m, unit_length);
        majorize(&mut position, &distance, m, unit_length);
    }
    let sizes: Vec<[f64; 2]> = members
        .iter()
        .map(|&v| [nodes[v].width, nodes[v].height])
        .collect();
    remove_overlaps(&mut position, &sizes);

    let left = (0..m)
        .map(|i| position[i][0] - sizes[i][0] / 2.0)
        .fold(f64::INFINITY, f64::min);
    let top = (0..m)
        .map(|i| position[i][1] - sizes[i][1] / 2.0)
        .fold(f64::INFINITY, f64::min);
    let mut width: f64 = 0.0;
    let mut height: f64 = 0.0;
    for (i, &v) in members.iter().enumerate() {
        nodes[v].x = position[i][0] - left;
        nodes[v].y = position[i][1] - top;
        width = width.max(nodes[v].x + sizes[i][0] / 2.0);
        height = height.max(nodes[v].y + sizes[i][1] / 2.0);
    }
    (width, height)
}

/// The ideal distance of every pair: links apart (undirected) times the unit length.
fn hop_distances(neighbours: &[Vec<usize>], unit_length: f64) -> Vec<f64> {
    let m = neighbours.len();
    let mut distance = vec![0.0; m * m];
    let mut hops = vec![usize::MAX; m];
    let mut queue = Vec::with_capacity(m);
    for source in 0..m {
        hops.fill(usize::MAX);
        hops[source] = 0;
        queue.clear();
        queue.push(source);
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            for &w in &neighbours[v] {
                if hops[w] == usize::MAX {
                    hops[w] = hops[v] + 1;
                    queue.push(w);
                }
            }
        }
        for target in 0..m {
            // A component is connected, so every pair has a finite distance.
            distance[source * m + target] = hops[target] as f64 * unit_length;
        }
    }
    distance
}

/// Classical multidimensional scaling of the distances, by power iteration, with a small
/// golden-angle spiral added so that no two points coincide.
fn classical_scaling(distance: &[f64], m: usize, unit_length: f64) -> Vec<[f64; 2]> {
    // B = −½ J D² J, with J the centring matrix.
    let mut b: Vec<f64> = distance.iter().map(|d| d * d).collect();
    let row_mean: Vec<f64> = (0..m)
        .map(|i| b[i * m..(i + 1) * m].iter().sum::<f64>() / m as f64)
        .collect();
    let total_mean = row_mean.iter().sum::<f64>() / m as f64;
    for i in 0..m {
        for j in 0..m {
            b[i * m + j] = -0.5 * (b[i * m + j] - row_mean[i] - row_mean[j] + total_mean);
        }
    }
    let first = leading_vector(&b, m, None, 0);
    let second = leading_vector(&b, m, Some(&first), 1);
    let golden = std::f64::consts::PI * (3.0 - 5.0_f64.sqrt());
    (0..m)
        .map(|i| {
            let angle = golden * i as f64;
            let radius = 0.05 * unit_length * ((i + 1) as f64).sqrt();
            [
                first.0.get(i).copied().unwrap_or(0.0) * first.1.max(0.0).sqrt()
                    + radius * angle.cos(),
                second.0.get(i).copied().unwrap_or(0.0) * second.1.max(0.0).sqrt()
                    + radius * angle.sin(),
            ]
        })
        .collect()
}

/// The leading unit eigenvector of a symmetric matrix and its eigenvalue, orthogonal to
/// `deflate`'s vector when one is given, by power iteration from a fixed start.
fn leading_vector(
    b: &[f64],
    m: usize,
    deflate: Option<&(Vec<f64>, f64)>,
    seed: usize,
) -> (Vec<f64>, f64) {
    let mut v: Vec<f64> = (0..m)
        .map(|i| ((i + 1) as f64 * (0.7 + 0.45 * seed as f64)).sin() + 0.1)
        .collect();
    let mut eigenvalue = 0.0;
    let mut next = vec![0.0; m];
    for _ in 0..POWER_ITERATIONS {
        if let Some((other, _)) = deflate {
            let along: f64 = v.iter().zip(other).map(|(a, b)| a * b).sum();
            for (value, o) in v.iter_mut().zip(other) {
                *value -= along * o;
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm < 1e-12 {
            return (vec![0.0; m], 0.0);
        }
        for value in &mut v {
            *value /= norm;
        }
        for i in 0..m {
            next[i] = b[i * m..(i + 1) * m]
                .iter()
                .zip(&v)
                .map(|(a, x)| a * x)
                .sum();
        }
        if let Some((other, _)) = deflate {
            let along: f64 = next.iter().zip(other).map(|(a, b)| a * b).sum();
            for (value, o) in next.iter_mut().zip(other) {
                *value -= along * o;
            }
        }
        let estimate: f64 = next.iter().zip(&v).map(|(a, b)| a * b).sum();
        let change = (estimate - eigenvalue).abs();
        eigenvalue = estimate;
        std::mem::swap(&mut v, &mut next);
        if change <= 1e-6 * eigenvalue.abs().max(1.0) {
            break;
        }
    }
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm < 1e-12 {
        return (vec![0.0; m], 0.0);
    }
    (v.iter().map(|x| x / norm).collect(), eigenvalue)
}

/// Stress majorization, one factor at a time in ascending id, with weights d⁻².
fn majorize(position: &mut [[f64; 2]], distance: &[f64], m: usize, unit_length: f64) {
    let tolerance = 0.1 * unit_length;
    let sweeps = (STRESS_BUDGET / (m * m).max(1)).clamp(MIN_STRESS_ITERATIONS, STRESS_ITERATIONS);
    for _ in 0..sweeps {
        let mut largest_move: f64 = 0.0;
        for i in 0..m {
            let [xi, yi] = position[i];
            let (mut sx, mut sy, mut total) = (0.0, 0.0, 0.0);
            for j in 0..m {
                if j == i {
                    continue;
                }
                let d = distance[i * m + j];
                let weight = 1.0 / (d * d);
                let [xj, yj] = position[j];
                let (dx, dy) = (xi - xj, yi - yj);
                let length = (dx * dx + dy * dy).sqrt();
                let (ux, uy) = if length > 1e-9 {
                    (dx / length, dy / length)
                } else {
                    (0.0, 0.0)
                };
                sx += weight * (xj + d * ux);
                sy += weight * (yj + d * uy);
                total += weight;
            }
            if total > 0.0 {
                let moved = [sx / total, sy / total];
                largest_move = largest_move.max((moved[0] - xi).hypot(moved[1] - yi));
                position[i] = moved;
            }
        }
        if largest_move < tolerance {
            break;
        }
    }
}

/// How far two boxes must move apart, along x and along y, to leave [`GAP`] between them;
/// `None` when they already do.
fn overlap(a: [f64; 2], size_a: [f64; 2], b: [f64; 2], size_b: [f64; 2]) -> Option<[f64; 2]> {
    let need_x = (size_a[0] + size_b[0]) / 2.0 + GAP - (a[0] - b[0]).abs();
    let need_y = (size_a[1] + size_b[1]) / 2.0 + GAP - (a[1] - b[1]).abs();
    (need_x > 0.0 && need_y > 0.0).then_some([need_x, need_y])
}

/// Pushes boxes apart until every pair leaves [`GAP`] between them.
fn remove_overlaps(position: &mut [[f64; 2]], sizes: &[[f64; 2]]) {
    for _ in 0..EXPANSIONS {
        if push_apart(position, sizes) {
            return;
        }
        // Still crowded: spread the whole component about its centre and push again.
        let m = position.len() as f64;
        let centre = [
            position.iter().map(|p| p[0]).sum::<f64>() / m,
            position.iter().map(|p| p[1]).sum::<f64>() / m,
        ];
        for point in position.iter_mut() {
            point[0] = centre[0] + EXPANSION * (point[0] - centre[0]);
            point[1] = centre[1] + EXPANSION * (point[1] - centre[1]);
        }
    }
    if !push_apart(position, sizes) {
        grid(position, sizes);
    }
}

/// Up to [`PUSH_ROUNDS`] rounds of pushing each overlapping pair apart along the axis where it
/// overlaps least; says whether a round found no overlap left. Pairs are found by a sweep
/// along x: two boxes further apart in x than the widest box plus the gap cannot overlap.
fn push_apart(position: &mut [[f64; 2]], sizes: &[[f64; 2]]) -> bool {
    let m = position.len();
    let reach = sizes.iter().map(|s| s[0]).fold(0.0, f64::max) + GAP;
    let mut order: Vec<usize> = (0..m).collect();
    for _ in 0..PUSH_ROUNDS {
        order.sort_by(|&a, &b| position[a][0].total_cmp(&position[b][0]).then(a.cmp(&b)));
        let mut any = false;
        for (k, &a) in order.iter().enumerate() {
            for &b in &order[k + 1..] {
                if position[b][0] - position[a][0] >= reach {
                    break;
                }
                let (i, j) = (a.min(b), a.max(b));
                let Some([need_x, need_y]) = overlap(position[i], sizes[i], position[j], sizes[j])
                else {
                    continue;
                };
                any = true;
                let (dx, dy) = (
                    position[j][0] - position[i][0],
                    position[j][1] - position[i][1],
                );
                // Along the axis that needs the smaller move (x when tied), the factor with
                // the larger id to the right or below when the centres coincide.
                if need_x <= need_y {
                    let direction = if dx < 0.0 { -1.0 } else { 1.0 };
                    position[i][0] -= direction * need_x / 2.0;
                    position[j][0] += direction * need_x / 2.0;
                } else {
                    let direction = if dy < 0.0 { -1.0 } else { 1.0 };
                    position[i][1] -= direction * need_y / 2.0;
                    position[j][1] += direction * need_y / 2.0;
                }
            }
        }
        if !any {
            // A round that moved nothing checked every pair against the current places.
            return true;
        }
    }
    false
}

/// The last resort: boxes on a grid in reading order of their current places.
fn grid(position: &mut [[f64; 2]], sizes: &[[f64; 2]]) {
    let m = position.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| {
        position[a][1]
            .total_cmp(&position[b][1])
            .then(position[a][0].total_cmp(&position[b][0]))
            .then(a.cmp(&b))
    });
    let cell_w = sizes.iter().map(|s| s[0]).fold(0.0, f64::max) + GAP + 1.0;
    let cell_h = sizes.iter().map(|s| s[1]).fold(0.0, f64::max) + GAP + 1.0;
    let mut columns = 1;
    while columns * columns < m {
        columns += 1;
    }
    for (place, &i) in order.iter().enumerate() {
        position[i] = [
            (place % columns) as f64 * cell_w,
            (place / columns) as f64 * cell_h,
        ];
    }
}

/// Places the components in rows, largest first, each box's top left at its offset.
fn pack(nodes: &mut [Node], mut boxes: Vec<(Vec<usize>, f64, f64)>) {
    boxes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0[0].cmp(&b.0[0])));
    let area: f64 = boxes
        .iter()
        .map(|(_, w, h)| (w + COMPONENT_GAP) * (h + COMPONENT_GAP))
        .sum();
    let widest = boxes.iter().map(|(_, w, _)| *w).fold(0.0, f64::max);
    let row_limit = widest.max(area.sqrt());
    let (mut x, mut y, mut row_height) = (MARGIN, MARGIN, 0.0_f64);
    for (members, width, height) in boxes {
        if x > MARGIN && x + width > MARGIN + row_limit {
            x = MARGIN;
            y += row_height + COMPONENT_GAP;
            row_height = 0.0;
        }
        for &v in &members {
            nodes[v].x += x;
            nodes[v].y += y;
        }
        x += width + COMPONENT_GAP;
        row_height = row_height.max(height);
    }
}

/// The link's route between the borders of its boxes.
fn route(from: &Node, to: &Node, own: bool, reciprocal: bool) -> Route {
    if own {
        let [_, top, right, _] = from.bounds();
        let start = [right - 18.0, top];
        let end = [right, top + 16.0_f64.min(from.height / 2.0)];
        return Route::Cubic {
            start,
            first: [start[0], top - 50.0],
            second: [right + 50.0, end[1]],
            end,
        };
    }
    let (a, b) = ([from.x, from.y], [to.x, to.y]);
    let middle = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
    let control = if reciprocal {
        // Each of the two links bends to its own left.
        let [ux, uy] = unit([b[0] - a[0], b[1] - a[1]]);
        let bend = (0.18 * (b[0] - a[0]).hypot(b[1] - a[1])).min(44.0);
        [middle[0] + uy * bend, middle[1] - ux * bend]
    } else {
        middle
    };
    let start = border(from, control);
    let end = border(to, control);
    let control = if reciprocal {
        control
    } else {
        [(start[0] + end[0]) / 2.0, (start[1] + end[1]) / 2.0]
    };
    Route::Quadratic {
        start,
        control,
        end,
    }
}

/// Where the ray from a box's centre towards `toward` leaves the box (with 2 units to spare).
fn border(node: &Node, toward: [f64; 2]) -> [f64; 2] {
    let (dx, dy) = (toward[0] - node.x, toward[1] - node.y);
    let half_w = node.width / 2.0 + 2.0;
    let half_h = node.height / 2.0 + 2.0;
    let t_x = if dx.abs() > 1e-9 {
        half_w / dx.abs()
    } else {
        f64::INFINITY
    };
    let t_y = if dy.abs() > 1e-9 {
        half_h / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = t_x.min(t_y);
    if t.is_finite() {
        [node.x + t * dx, node.y + t * dy]
    } else {
        [node.x, node.y - half_h]
    }
}

/// The vector scaled to length 1, or (1, 0) for the zero vector.
fn unit(v: [f64; 2]) -> [f64; 2] {
    let length = v[0].hypot(v[1]);
    if length > 1e-12 {
        [v[0] / length, v[1] / length]
    } else {
        [1.0, 0.0]
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::system_map::source::{FactorSource, LinkSource};
    use proptest::prelude::*;

    /// The demo map, read from examples/northvale-map.
    pub(crate) fn northvale() -> MapSource {
        let factors = include_str!("../../../../examples/northvale-map/factors.csv");
        let links = include_str!("../../../../examples/northvale-map/links.csv");
        let mut source = MapSource::default();
        let mut reader = csv::Reader::from_reader(factors.as_bytes());
        for record in reader.records() {
            let record = record.unwrap();
            source.factors.push(FactorSource {
                id: record[0].to_owned(),
                name: record[1].to_owned(),
                partner: Some(record[2].to_owned()).filter(|p| !p.is_empty()),
            });
        }
        let mut reader = csv::Reader::from_reader(links.as_bytes());
        for record in reader.records() {
            let record = record.unwrap();
            let flag = |text: &str| !text.trim().is_empty();
            source.links.push(LinkSource {
                from: record[0].to_owned(),
                to: record[1].to_owned(),
                sign: Sign::parse(&record[2]).unwrap(),
                delayed: flag(&record[3]),
                contested: flag(&record[4]),
                note: record[5].to_owned(),
            });
        }
        source
    }

    /// A random map: `n` factors with names of varied length, about `density` links each.
    pub(crate) fn random_map(
        n: usize,
        links: &[(usize, usize, bool)],
        words: &[usize],
    ) -> MapSource {
        let vocabulary = [
            "care",
            "waiting",
            "list",
            "loneliness",
            "of",
            "older",
            "people",
            "hospital",
            "discharge",
            "Extraordinarilylongcompoundword",
            "GP",
            "a",
        ];
        MapSource {
            factors: (0..n)
                .map(|i| FactorSource {
                    id: (i + 1).to_string(),
                    name: (0..words[i % words.len()].max(1))
                        .map(|k| vocabulary[(i * 7 + k * 3) % vocabulary.len()])
                        .collect::<Vec<_>>()
                        .join(" "),
                    partner: (i % 9 != 8).then(|| format!("Partner {}", i % 9)),
                })
                .collect(),
            links: links
                .iter()
                .map(|&(from, to, negative)| LinkSource {
                    from: (from % n + 1).to_string(),
                    to: (to % n + 1).to_string(),
                    sign: if negative {
                        Sign::Negative
                    } else {
                        Sign::Positive
                    },
                    delayed: from % 5 == 0,
                    contested: to % 7 == 0,
                    note: String::new(),
                })
                .collect(),
        }
    }

    /// Fails when two boxes are closer than the gap or a box leaves the drawing.
    pub(crate) fn assert_readable(layout: &Layout) {
        for (i, a) in layout.nodes.iter().enumerate() {
            let [left, top, right, bottom] = a.bounds();
            assert!(left >= 0.0 && top >= 0.0, "{} leaves the drawing", a.id);
            assert!(
                right <= layout.width && bottom <= layout.height,
                "{} leaves the drawing",
                a.id
            );
            for line in &a.lines {
                assert!(
                    text_width(line, FONT_SIZE) + 2.0 * PAD_X <= a.width + 1e-9,
                    "{line:?} does not fit its box"
                );
            }
            assert!(a.lines.len() <= MAX_LINES);
            assert!(
                a.lines.len() as f64 * LINE_HEIGHT + 2.0 * PAD_Y <= a.height + 1e-9,
                "{} is too low for its lines",
                a.id
            );
            for b in &layout.nodes[i + 1..] {
                let [bl, bt, br, bb] = b.bounds();
                let apart_x = bl - right >= GAP - 1e-6 || left - br >= GAP - 1e-6;
                let apart_y = bt - bottom >= GAP - 1e-6 || top - bb >= GAP - 1e-6;
                assert!(
                    apart_x || apart_y,
                    "{} at {:?} and {} at {:?} overlap",
                    a.id,
                    a.bounds(),
                    b.id,
                    b.bounds()
                );
            }
        }
    }

    fn positions(layout: &Layout) -> Vec<(String, u64, u64)> {
        let mut all: Vec<(String, u64, u64)> = layout
            .nodes
            .iter()
            .map(|node| (node.id.clone(), node.x.to_bits(), node.y.to_bits()))
            .collect();
        all.sort();
        all
    }

    #[test]
    fn the_demo_map_is_readable() {
        let source = northvale();
        assert_eq!(source.factors.len(), 30);
        let drawn = layout(&source);
        assert_eq!(drawn.nodes.len(), 30);
        assert_eq!(drawn.edges.len(), source.links.len());
        assert_eq!(drawn.partners.len(), 8);
        assert_readable(&drawn);
        // Compact enough to read: no wider than a few screens.
        assert!(
            drawn.width < 3000.0 && drawn.height < 3000.0,
            "{}×{}",
            drawn.width,
            drawn.height
        );
    }

    #[test]
    fn the_same_map_in_any_order_is_laid_out_the_same() {
        let source = northvale();
        let first = layout(&source);
        assert_eq!(positions(&first), positions(&layout(&source)));
        let mut shuffled = source.clone();
        shuffled.factors.reverse();
        shuffled.links.reverse();
        shuffled.factors.rotate_left(7);
        let second = layout(&shuffled);
        assert_eq!(positions(&first), positions(&second));
        assert_eq!(first, second);
    }

    #[test]
    fn linked_factors_sit_nearer_than_distant_ones() {
        // A chain of five: the ends lie further apart than neighbours.
        let links: Vec<(usize, usize, bool)> = (0..4).map(|i| (i, i + 1, false)).collect();
        let drawn = layout(&random_map(5, &links, &[2]));
        let distance = |a: usize, b: usize| {
            let (p, q) = (&drawn.nodes[a], &drawn.nodes[b]);
            (p.x - q.x).hypot(p.y - q.y)
        };
        assert!(distance(0, 4) > distance(0, 1) * 2.0);
        assert!(distance(0, 4) > distance(3, 4) * 2.0);
        assert_readable(&drawn);
    }

    #[test]
    fn long_names_are_wrapped_and_cut() {
        let (lines, cut) = wrap("Loneliness among older people");
        assert!(!cut);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "Loneliness among older people");
        let long = "word ".repeat(80);
        let (lines, cut) = wrap(&long);
        assert!(cut);
        assert_eq!(lines.len(), MAX_LINES);
        assert!(lines[MAX_LINES - 1].ends_with('…'));
        let (lines, _) = wrap(&"x".repeat(200));
        assert!(
            lines
                .iter()
                .all(|line| text_width(line, FONT_SIZE) <= MAX_TEXT_WIDTH)
        );
    }

    #[test]
    fn odd_inputs_are_laid_out_without_failing() {
        let empty = layout(&MapSource::default());
        assert!(empty.nodes.is_empty() && empty.width > 0.0);
        // A repeated id, a link to nothing, a repeated link and a self-loop.
        let mut source = random_map(3, &[(0, 1, false), (0, 1, true), (2, 2, true)], &[1]);
        source.factors.push(FactorSource {
            id: "1".to_owned(),
            name: "Again".to_owned(),
            partner: None,
        });
        source.links.push(LinkSource {
            from: "1".to_owned(),
            to: "99".to_owned(),
            sign: Sign::Positive,
            delayed: false,
            contested: false,
            note: String::new(),
        });
        let drawn = layout(&source);
        assert_eq!(drawn.nodes.len(), 3);
        assert_eq!(drawn.edges.len(), 2);
        assert!(matches!(drawn.edges[1].route, Route::Cubic { .. }));
        assert_readable(&drawn);
        // Identical isolated factors do not pile up.
        let lonely = layout(&random_map(40, &[], &[3]));
        assert_readable(&lonely);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn random_maps_have_no_overlapping_boxes(
            n in 1usize..70,
            links in prop::collection::vec((0usize..70, 0usize..70, any::<bool>()), 0..200),
            words in prop::collection::vec(1usize..14, 1..8),
        ) {
            let source = random_map(n, &links, &words);
            let drawn = layout(&source);
            assert_readable(&drawn);
            let again = layout(&source);
            prop_assert_eq!(positions(&drawn), positions(&again));
        }
    }
}
