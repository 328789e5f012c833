//! The opinion map as data for an SVG: each dot is a base cluster (one participant, or a
//! handful who voted alike), each opinion group a shaded region with its own pattern and a
//! text label, and optionally one participant's own position and the statements' directions.
//!
//! Positions come from the latest stored analysis: the base clusters and the chosen grouping
//! are in the engine state saved with the snapshot, and the groups' sizes in its JSON.

use std::collections::BTreeMap;

use engine::ParticipantId;
use engine::state::PolisState;
use serde::Serialize;

/// The width of the map's coordinate system.
const WIDTH: f64 = 640.0;
/// The height of the map's coordinate system.
const HEIGHT: f64 = 420.0;
/// Room left around the outermost dots for group outlines and labels.
const MARGIN: f64 = 56.0;
/// How many patterns (and colours) groups cycle through.
pub const N_PATTERNS: usize = 8;

/// A group as the analysis JSON describes it.
#[derive(Debug, Clone)]
pub struct GroupInput {
    /// The group's id in the engine's clustering.
    pub id: usize,
    /// How many participants it holds.
    pub n_members: usize,
    /// Its centre on the map, if the analysis gave one.
    pub center: Option<[f64; 2]>,
}

/// A statement that may be shown on the map.
#[derive(Debug, Clone)]
pub struct StatementInput {
    /// Its id.
    pub id: u32,
    /// Its text.
    pub text: String,
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
    /// One dot per base cluster.
    pub dots: Vec<MapDot>,
    /// The reader's own position, on a participant's page.
    pub you: Option<MapPoint>,
    /// The statements, placed in the direction of those who agree with them.
    pub statements: Vec<MapStatement>,
    /// A sentence describing the map, for people who cannot see it.
    pub description: String,
}

/// One group's region.
#[derive(Debug, Clone, Serialize)]
pub struct MapGroup {
    /// Its position in the analysis, from 0.
    pub index: usize,
    /// "Group 1".
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

/// One base cluster.
#[derive(Debug, Clone, Serialize)]
pub struct MapDot {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// Radius, growing with the number of members.
    pub r: f64,
    /// How many participants it holds.
    pub n_members: usize,
    /// The label of its group, if it has one.
    pub group: Option<String>,
    /// The pattern of its group.
    pub pattern: Option<usize>,
}

/// A point on the map.
#[derive(Debug, Clone, Serialize)]
pub struct MapPoint {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// The label of the group there, if any.
    pub group: Option<String>,
    /// The index of that group.
    pub group_index: Option<usize>,
    /// How many others share this base cluster.
    pub n_alike: usize,
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

/// Returns "Group 1" for the group at index 0, matching the analysis's reason lines.
pub fn group_label(index: usize) -> String {
    format!("Group {}", index + 1)
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

/// Builds the map from the stored engine state and the groups of the analysis JSON, with one
/// participant's position marked when `you` is given. Returns `None` when the state has no
/// base clusters yet.
pub fn build(
    state: &PolisState,
    groups: &[GroupInput],
    statements: &[StatementInput],
    you: Option<ParticipantId>,
) -> Option<MapView> {
    if state.base_clusters.is_empty() {
        return None;
    }
    // The grouping the analysis chose is the stored clustering whose groups have the ids (and
    // centres) the analysis reports; k-means may return fewer groups than the k it was asked for.
    let matches = |clustering: &&Vec<engine::clusters::GroupCluster>| {
        clustering.len() == groups.len()
            && clustering.iter().zip(groups).all(|(stored, reported)| {
                stored.id == reported.id
                    && reported.center.is_none_or(|center| {
                        (center[0] - stored.center[0]).abs() < 1e-6
                            && (center[1] - stored.center[1]).abs() < 1e-6
                    })
            })
    };
    let clustering = state
        .group_clusterings
        .get(&groups.len())
        .filter(matches)
        .or_else(|| state.group_clusterings.values().find(matches));
    let mut group_of_base: BTreeMap<usize, usize> = BTreeMap::new();
    if let Some(clustering) = clustering {
        for (index, group) in clustering.iter().enumerate() {
            for &base in &group.members {
                group_of_base.insert(base, index);
            }
        }
    }
    let centers: Vec<[f64; 2]> = state.base_clusters.iter().map(|base| base.center).collect();
    let frame = Frame::fit(&centers);
    let largest = state
        .base_clusters
        .iter()
        .map(|base| base.members.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let dots: Vec<MapDot> = state
        .base_clusters
        .iter()
        .map(|base| {
            let [x, y] = frame.place(base.center);
            let group = group_of_base.get(&base.id).copied();
            let share = base.members.len() as f64 / largest as f64;
            MapDot {
                x,
                y,
                r: round(4.0 + 6.0 * share.sqrt()),
                n_members: base.members.len(),
                group: group.map(group_label),
                pattern: group.map(|index| index % N_PATTERNS),
            }
        })
        .collect();
    let map_groups: Vec<MapGroup> = groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let points: Vec<[f64; 2]> = state
                .base_clusters
                .iter()
                .filter(|base| group_of_base.get(&base.id) == Some(&index))
                .map(|base| frame.place(base.center))
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
                (round(x), round((top - 26.0).max(14.0)))
            };
            MapGroup {
                index,
                label: group_label(index),
                n_members: group.n_members,
                outline,
                label_x,
                label_y,
                pattern: index % N_PATTERNS,
            }
        })
        .collect();
    let you = you.and_then(|participant| {
        let base = state
            .base_clusters
            .iter()
            .find(|base| base.members.contains(&participant))?;
        let [x, y] = frame.place(base.center);
        let group_index = group_of_base.get(&base.id).copied();
        Some(MapPoint {
            x,
            y,
            group: group_index.map(group_label),
            group_index,
            n_alike: base.members.len().saturating_sub(1),
        })
    });
    let map_statements = statement_markers(state, statements, &centers, &frame);
    let description = describe(&map_groups, dots.len(), you.as_ref());
    Some(MapView {
        width: WIDTH,
        height: HEIGHT,
        groups: map_groups,
        dots,
        you,
        statements: map_statements,
        description,
    })
}

/// Places each statement in the direction of the participants who agree with it, as far out
/// as the participants reach.
fn statement_markers(
    state: &PolisState,
    statements: &[StatementInput],
    centers: &[[f64; 2]],
    frame: &Frame,
) -> Vec<MapStatement> {
    let Some(components) = &state.components else {
        return Vec::new();
    };
    let [first, second] = &components.vectors;
    let directions: Vec<(u32, [f64; 2])> = components
        .statements
        .iter()
        .zip(first.iter().zip(second))
        .map(|(statement, (&x, &y))| (statement.0, [x, y]))
        .filter(|(_, [x, y])| x.is_finite() && y.is_finite())
        .collect();
    let longest = directions
        .iter()
        .map(|(_, [x, y])| x.hypot(*y))
        .fold(0.0, f64::max);
    let reach = centers.iter().map(|[x, y]| x.hypot(*y)).fold(0.0, f64::max);
    if longest <= 0.0 || reach <= 0.0 {
        return Vec::new();
    }
    let texts: BTreeMap<u32, &str> = statements
        .iter()
        .map(|statement| (statement.id, statement.text.as_str()))
        .collect();
    directions
        .into_iter()
        .filter_map(|(id, [x, y])| {
            let text = texts.get(&id)?;
            let factor = reach / longest;
            let [x, y] = frame.place([x * factor, y * factor]);
            Some(MapStatement {
                id,
                text: (*text).to_owned(),
                x: x.clamp(12.0, WIDTH - 12.0),
                y: y.clamp(12.0, HEIGHT - 12.0),
            })
        })
        .collect()
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
    use engine::StatementId;
    use engine::clusters::{BaseCluster, GroupCluster, KSmoother};
    use engine::state::StateComponents;

    use super::*;

    fn state() -> PolisState {
        PolisState {
            in_conv: vec![ParticipantId(1), ParticipantId(2), ParticipantId(3)],
            components: Some(StateComponents {
                statements: vec![StatementId(10), StatementId(11)],
                vectors: [vec![1.0, -1.0], vec![0.0, 0.5]],
            }),
            base_clusters: vec![
                BaseCluster {
                    id: 0,
                    members: vec![ParticipantId(1), ParticipantId(2)],
                    center: [-1.0, 0.0],
                },
                BaseCluster {
                    id: 1,
                    members: vec![ParticipantId(3)],
                    center: [1.0, 0.5],
                },
            ],
            group_clusterings: BTreeMap::from([(
                2,
                vec![
                    GroupCluster {
                        id: 0,
                        members: vec![0],
                        center: [-1.0, 0.0],
                    },
                    GroupCluster {
                        id: 1,
                        members: vec![1],
                        center: [1.0, 0.5],
                    },
                ],
            )]),
            smoother: KSmoother::default(),
            group_vote_totals: Vec::new(),
        }
    }

    fn groups() -> Vec<GroupInput> {
        vec![
            GroupInput {
                id: 0,
                n_members: 2,
                center: Some([-1.0, 0.0]),
            },
            GroupInput {
                id: 1,
                n_members: 1,
                center: None,
            },
        ]
    }

    #[test]
    fn the_reader_is_placed_at_their_base_cluster_in_their_group() {
        let map = build(&state(), &groups(), &[], Some(ParticipantId(3))).unwrap();
        let you = map.you.unwrap();
        assert_eq!(you.group.as_deref(), Some("Group 2"));
        assert_eq!((you.x, you.y), (map.dots[1].x, map.dots[1].y));
        assert!(map.description.contains("You are in Group 2."));
        assert!(map.description.contains("Group 1 (2 people)"));
    }

    #[test]
    fn dots_stay_inside_the_drawing_and_keep_left_and_right() {
        let map = build(&state(), &groups(), &[], None).unwrap();
        for dot in &map.dots {
            assert!(dot.x >= 0.0 && dot.x <= WIDTH && dot.y >= 0.0 && dot.y <= HEIGHT);
        }
        assert!(map.dots[0].x < map.dots[1].x);
        assert!(map.dots[0].y > map.dots[1].y, "y grows upwards on the map");
        assert!(map.dots[0].r > map.dots[1].r);
    }

    #[test]
    fn statements_are_shown_only_when_their_text_is_known() {
        let statements = vec![StatementInput {
            id: 11,
            text: "<b>bold</b>".to_owned(),
        }];
        let map = build(&state(), &groups(), &statements, None).unwrap();
        assert_eq!(map.statements.len(), 1);
        assert_eq!(map.statements[0].id, 11);
    }

    #[test]
    fn a_grouping_that_does_not_match_the_analysis_leaves_dots_ungrouped() {
        let other = vec![GroupInput {
            id: 5,
            n_members: 3,
            center: None,
        }];
        let map = build(&state(), &other, &[], None).unwrap();
        assert!(map.dots.iter().all(|dot| dot.group.is_none()));
    }

    #[test]
    fn no_base_clusters_means_no_map() {
        let mut empty = state();
        empty.base_clusters.clear();
        assert!(build(&empty, &groups(), &[], None).is_none());
    }

    #[test]
    fn the_hull_of_a_square_with_a_middle_point_is_the_square() {
        let hull = convex_hull(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.5, 0.5]]);
        assert_eq!(hull.len(), 4);
        assert!(!hull.contains(&[0.5, 0.5]));
    }
}
