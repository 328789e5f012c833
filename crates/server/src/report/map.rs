//! The opinion map as data for an SVG: each dot is a participant (or, in a large dialogue, a
//! base cluster of participants who voted alike), each opinion group a shaded region with its
//! own pattern and a text label, and optionally the reader's own position and the statements.
//!
//! Positions are the projections of the latest stored analysis; nothing is computed here but
//! the drawing's scale and the groups' outlines.

use serde::Serialize;

use super::document::group_label;

/// The width of the map's coordinate system.
const WIDTH: f64 = 640.0;
/// The height of the map's coordinate system.
const HEIGHT: f64 = 420.0;
/// Room left around the outermost dots for group outlines and labels.
const MARGIN: f64 = 56.0;
/// How many patterns (and colours) groups cycle through.
pub const N_PATTERNS: usize = 8;

/// One dot to draw: a participant, or a cluster of participants.
#[derive(Debug, Clone)]
pub struct PointInput {
    /// Its position in the analysis's projection.
    pub position: [f64; 2],
    /// How many participants it stands for.
    pub n_members: usize,
    /// The index of its opinion group, if it has one.
    pub group: Option<usize>,
}

/// What the map is drawn from.
#[derive(Debug, Clone, Default)]
pub struct MapInput {
    /// The dots.
    pub points: Vec<PointInput>,
    /// The size of each opinion group, by index.
    pub group_sizes: Vec<usize>,
    /// The statements that may be shown, with their projections.
    pub statements: Vec<StatementInput>,
    /// The reader's own position and group, on a participant's page.
    pub you: Option<([f64; 2], Option<usize>)>,
}

/// A statement that may be shown on the map.
#[derive(Debug, Clone)]
pub struct StatementInput {
    /// Its id.
    pub id: u32,
    /// Its text.
    pub text: String,
    /// Where a participant agreeing with it alone would be.
    pub position: [f64; 2],
}

/// The map, ready for the template.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    /// The width of the `viewBox`.
    pub width: f64,
    /// The height of the `viewBox`.
    pub height: f64,
    /// The opinion groups.
    pub groups: Vec<MapGroup>,
    /// The dots.
    pub dots: Vec<MapDot>,
    /// The reader's own position, on a participant's page.
    pub you: Option<MapPoint>,
    /// The statements, where a participant agreeing with them alone would be.
    pub statements: Vec<MapStatement>,
    /// A sentence describing the map, for people who cannot see it.
    pub description: String,
}

/// One group's region.
#[derive(Debug, Clone, Serialize)]
pub struct MapGroup {
    /// Its position in the analysis, from 0.
    pub index: usize,
    /// "group 1".
    pub label: String,
    /// How many participants it holds.
    pub n_members: usize,
    /// The outline, as SVG polygon points.
    pub outline: String,
    /// Where its label goes.
    pub label_x: f64,
    /// Where its label goes.
    pub label_y: f64,
    /// Which of the patterns it uses.
    pub pattern: usize,
}

/// One dot.
#[derive(Debug, Clone, Serialize)]
pub struct MapDot {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// Radius, growing with the number of participants it stands for.
    pub r: f64,
    /// How many participants it stands for.
    pub n_members: usize,
    /// The label of its group, if it has one.
    pub group: Option<String>,
    /// The pattern of its group.
    pub pattern: Option<usize>,
}

/// The reader's position.
#[derive(Debug, Clone, Serialize)]
pub struct MapPoint {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// The label of their group, if any.
    pub group: Option<String>,
    /// The index of that group.
    pub group_index: Option<usize>,
}

/// A statement's marker.
#[derive(Debug, Clone, Serialize)]
pub struct MapStatement {
    /// Its id, printed on the marker.
    pub id: u32,
    /// Its text.
    pub text: String,
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

/// Returns the points' convex hull, counter-clockwise (Andrew's monotone chain).
fn convex_hull(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut sorted: Vec<[f64; 2]> = points
        .iter()
        .copied()
        .filter(|point| point[0].is_finite() && point[1].is_finite())
        .collect();
    sorted.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    sorted.dedup();
    if sorted.len() < 3 {
        return sorted;
    }
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| {
        (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    };
    let mut lower: Vec<[f64; 2]> = Vec::new();
    for &point in &sorted {
        while lower.len() >= 2
            && cross(lower[lower.len() - 2], lower[lower.len() - 1], point) <= 0.0
        {
            lower.pop();
        }
        lower.push(point);
    }
    let mut upper: Vec<[f64; 2]> = Vec::new();
    for &point in sorted.iter().rev() {
        while upper.len() >= 2
            && cross(upper[upper.len() - 2], upper[upper.len() - 1], point) <= 0.0
        {
            upper.pop();
        }
        upper.push(point);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// Maps projection coordinates onto the SVG, keeping the aspect ratio and flipping y.
struct Frame {
    center: [f64; 2],
    scale: f64,
}

impl Frame {
    fn fit(points: &[[f64; 2]]) -> Frame {
        let finite: Vec<[f64; 2]> = points
            .iter()
            .copied()
            .filter(|point| point[0].is_finite() && point[1].is_finite())
            .collect();
        if finite.is_empty() {
            return Frame {
                center: [0.0, 0.0],
                scale: 1.0,
            };
        }
        let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for point in &finite {
            min_x = min_x.min(point[0]);
            max_x = max_x.max(point[0]);
            min_y = min_y.min(point[1]);
            max_y = max_y.max(point[1]);
        }
        let span_x = (max_x - min_x).max(1e-9);
        let span_y = (max_y - min_y).max(1e-9);
        let scale_x = (WIDTH - 2.0 * MARGIN) / span_x;
        let scale_y = (HEIGHT - 2.0 * MARGIN) / span_y;
        let mut scale = scale_x.min(scale_y);
        if !(scale.is_finite() && scale > 0.0) || (max_x - min_x < 1e-9 && max_y - min_y < 1e-9) {
            scale = 1.0;
        }
        Frame {
            center: [(min_x + max_x) / 2.0, (min_y + max_y) / 2.0],
            scale,
        }
    }

    fn place(&self, point: [f64; 2]) -> [f64; 2] {
        [
            round(WIDTH / 2.0 + (point[0] - self.center[0]) * self.scale),
            round(HEIGHT / 2.0 - (point[1] - self.center[1]) * self.scale),
        ]
    }
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Builds the map; returns `None` when there is nothing to draw yet.
pub fn build(input: &MapInput) -> Option<MapView> {
    if input.points.is_empty() {
        return None;
    }
    let positions: Vec<[f64; 2]> = input.points.iter().map(|point| point.position).collect();
    let frame = Frame::fit(&positions);
    // People at the same spot of the same group are drawn as one dot whose size says how many.
    let mut merged: Vec<([f64; 2], Option<usize>, usize)> = Vec::new();
    let mut spots: std::collections::BTreeMap<(String, String, Option<usize>), usize> =
        std::collections::BTreeMap::new();
    for point in &input.points {
        let placed = frame.place(point.position);
        let key = (
            format!("{:.1}", placed[0]),
            format!("{:.1}", placed[1]),
            point.group,
        );
        match spots.get(&key) {
            Some(&index) => merged[index].2 += point.n_members,
            None => {
                spots.insert(key, merged.len());
                merged.push((placed, point.group, point.n_members));
            }
        }
    }
    let largest = merged.iter().map(|entry| entry.2).max().unwrap_or(1).max(1);
    let dots: Vec<MapDot> = merged
        .iter()
        .map(|&([x, y], group, n_members)| {
            let share = n_members as f64 / largest as f64;
            MapDot {
                x,
                y,
                r: if largest == 1 {
                    6.0
                } else {
                    round(4.0 + 8.0 * share.sqrt())
                },
                n_members,
                group: group.map(group_label),
                pattern: group.map(|index| index % N_PATTERNS),
            }
        })
        .collect();
    let groups: Vec<MapGroup> = input
        .group_sizes
        .iter()
        .enumerate()
        .map(|(index, &n_members)| {
            let points: Vec<[f64; 2]> = input
                .points
                .iter()
                .filter(|point| point.group == Some(index))
                .map(|point| frame.place(point.position))
                .collect();
            let hull = convex_hull(&points);
            let outline = hull
                .iter()
                .map(|[x, y]| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ");
            let (label_x, label_y) = if hull.is_empty() {
                (WIDTH / 2.0, MARGIN / 2.0)
            } else {
                let x = hull.iter().map(|point| point[0]).sum::<f64>() / hull.len() as f64;
                let top = hull.iter().map(|point| point[1]).fold(f64::MAX, f64::min);
                (
                    round(x.clamp(60.0, WIDTH - 60.0)),
                    round((top - 26.0).max(14.0)),
                )
            };
            MapGroup {
                index,
                label: group_label(index),
                n_members,
                outline,
                label_x,
                label_y,
                pattern: index % N_PATTERNS,
            }
        })
        .collect();
    let you = input.you.map(|(position, group)| {
        let [x, y] = frame.place(position);
        MapPoint {
            x: x.clamp(16.0, WIDTH - 16.0),
            y: y.clamp(16.0, HEIGHT - 40.0),
            group: group.map(group_label),
            group_index: group,
        }
    });
    let statements = input
        .statements
        .iter()
        .filter(|statement| statement.position.iter().all(|value| value.is_finite()))
        .map(|statement| {
            let [x, y] = frame.place(statement.position);
            MapStatement {
                id: statement.id,
                text: statement.text.clone(),
                x: x.clamp(14.0, WIDTH - 14.0),
                y: y.clamp(12.0, HEIGHT - 12.0),
            }
        })
        .collect();
    let n_people = input.points.iter().map(|point| point.n_members).sum();
    let description = describe(&groups, n_people, you.as_ref());
    Some(MapView {
        width: WIDTH,
        height: HEIGHT,
        groups,
        dots,
        you,
        statements,
        description,
    })
}

fn people(count: usize) -> String {
    if count == 1 {
        "1 person".to_owned()
    } else {
        format!("{count} people")
    }
}

fn describe(groups: &[MapGroup], n_dots: usize, you: Option<&MapPoint>) -> String {
    let mut text = if groups.is_empty() {
        format!("Opinion map with {n_dots} clusters of participants and no opinion groups yet.")
    } else {
        let listed = groups
            .iter()
            .map(|group| format!("{} ({})", group.label, people(group.n_members)))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "Opinion map with {} opinion groups: {listed}. People who voted alike are drawn close together.",
            groups.len()
        )
    };
    if let Some(you) = you {
        match &you.group {
            Some(group) => text.push_str(&format!(" You are in {group}.")),
            None => text.push_str(" You are on the map but not yet in a group."),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> MapInput {
        MapInput {
            points: vec![
                PointInput {
                    position: [-1.0, 0.0],
                    n_members: 1,
                    group: Some(0),
                },
                PointInput {
                    position: [-0.9, 0.1],
                    n_members: 1,
                    group: Some(0),
                },
                PointInput {
                    position: [1.0, 0.5],
                    n_members: 1,
                    group: Some(1),
                },
            ],
            group_sizes: vec![2, 1],
            statements: vec![StatementInput {
                id: 11,
                text: "<b>bold</b>".to_owned(),
                position: [50.0, 0.0],
            }],
            you: Some(([1.0, 0.5], Some(1))),
        }
    }

    #[test]
    fn the_reader_is_marked_in_their_group() {
        let map = build(&input()).unwrap();
        let you = map.you.unwrap();
        assert_eq!(you.group.as_deref(), Some("group 2"));
        assert_eq!((you.x, you.y), (map.dots[2].x, map.dots[2].y));
        assert!(map.description.contains("You are in group 2."));
        assert!(map.description.contains("group 1 (2 people)"));
    }

    #[test]
    fn dots_stay_inside_the_drawing_and_keep_left_and_right() {
        let map = build(&input()).unwrap();
        for dot in &map.dots {
            assert!(dot.x >= 0.0 && dot.x <= WIDTH && dot.y >= 0.0 && dot.y <= HEIGHT);
        }
        assert!(map.dots[0].x < map.dots[2].x);
        assert!(map.dots[0].y > map.dots[2].y, "y grows upwards on the map");
        assert_eq!(map.groups.len(), 2);
        assert!(!map.groups[0].outline.is_empty());
    }

    #[test]
    fn far_statements_are_kept_at_the_edge() {
        let map = build(&input()).unwrap();
        assert_eq!(map.statements.len(), 1);
        assert!(map.statements[0].x <= WIDTH - 14.0);
    }

    #[test]
    fn identical_positions_do_not_break_the_scale() {
        let mut same = input();
        for point in &mut same.points {
            point.position = [0.3, 0.3];
        }
        let map = build(&same).unwrap();
        assert!(
            map.dots
                .iter()
                .all(|dot| dot.x.is_finite() && dot.y.is_finite())
        );
    }

    #[test]
    fn people_at_one_spot_become_one_larger_dot() {
        let mut crowd = input();
        crowd.points.push(PointInput {
            position: [1.0, 0.5],
            n_members: 1,
            group: Some(1),
        });
        let map = build(&crowd).unwrap();
        assert_eq!(map.dots.len(), 3);
        assert_eq!(map.dots[2].n_members, 2);
        assert!(map.dots[2].r > map.dots[0].r);
    }

    #[test]
    fn nothing_to_draw_means_no_map() {
        assert!(build(&MapInput::default()).is_none());
    }

    #[test]
    fn the_hull_of_a_square_with_a_middle_point_is_the_square() {
        let hull = convex_hull(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.5, 0.5]]);
        assert_eq!(hull.len(), 4);
        assert!(!hull.contains(&[0.5, 0.5]));
    }
}
