//! The opinion map as data for an SVG: each dot is a participant (or, in a large dialogue, a
//! base cluster of participants who voted alike), each opinion group a region with its own
//! pattern and outline drawn under its dots, and labels for the groups, for the reader ("You")
//! and for the statements, numbered as the report numbers them.
//!
//! The map is laid out once per size it is shown at ([`PHONE`], [`DESKTOP`], [`SLIDE`]), so that
//! its text stays readable: each layout has its own coordinate system and font size, and its
//! labels are placed by [`labels`] so that none overlaps another or leaves the drawing.
//! Positions are the projections of the latest stored analysis, turned so that the largest
//! group's centre is always up and to the right of the middle: a re-analysis that flips the sign
//! of an axis (which principal components may do) does not mirror the map.

mod hulls;
pub(crate) mod labels;
pub(crate) mod svg;

use std::collections::BTreeMap;

use serde::Serialize;

use super::document::{group_label, group_name_in};
use crate::web::catalogue::text;
use crate::web::language::Language;
use labels::{Canvas, Placement, Rect, Request};

/// How many patterns (and colours) groups cycle through.
pub const N_PATTERNS: usize = 8;
/// The most statements drawn on the map: those that pull hardest, to keep it readable.
pub const MAX_STATEMENTS: usize = 40;

/// A size the map is drawn at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Its name, used in class names and element ids.
    pub name: &'static str,
    /// The width of the `viewBox`.
    pub width: f64,
    /// The height of the `viewBox`.
    pub height: f64,
    /// The labels' font size in `viewBox` units.
    pub font: f64,
    /// The radius of a dot for one person.
    pub dot: f64,
    /// How far a group's region reaches beyond its outermost dots.
    pub pad: f64,
    /// Room kept at the top for a title (the slide's).
    pub top: f64,
}

/// The map on a phone: drawn about 360 px wide, so a unit is about a CSS pixel and the 13-unit
/// labels read at 13 px.
pub const PHONE: Viewport = Viewport {
    name: "phone",
    width: 360.0,
    height: 400.0,
    font: 13.0,
    dot: 3.5,
    pad: 12.0,
    top: 0.0,
};

/// The map on a wider screen, drawn 700–784 px wide.
pub const DESKTOP: Viewport = Viewport {
    name: "desktop",
    width: 760.0,
    height: 460.0,
    font: 15.0,
    dot: 4.5,
    pad: 16.0,
    top: 0.0,
};

/// The map as a slide, 1600×900 pixels.
pub const SLIDE: Viewport = Viewport {
    name: "slide",
    width: 1600.0,
    height: 900.0,
    font: 30.0,
    dot: 9.0,
    pad: 30.0,
    top: 64.0,
};

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
    /// The language of the map's words.
    pub language: Language,
}

/// A statement that may be shown on the map.
#[derive(Debug, Clone)]
pub struct StatementInput {
    /// Its id.
    pub id: u32,
    /// Its number in the report ([`statement_numbers`]).
    pub number: usize,
    /// Its text.
    pub text: String,
    /// Where a participant agreeing with it alone would be.
    pub position: [f64; 2],
}

/// Each statement's number in the report, by id (see `document::statement_numbers`): the map, the
/// grid and the statements' pages all number statements the same way.
pub(crate) use crate::report::document::numbers_by_id as statement_numbers;

/// The map, ready for the template: one layout per screen size, and what they share.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    /// The layout for narrow screens.
    pub phone: MapLayout,
    /// The layout for wide screens.
    pub desktop: MapLayout,
    /// The opinion groups, for the legend.
    pub groups: Vec<MapGroup>,
    /// The reader's own place, on a participant's page.
    pub you: Option<MapPoint>,
    /// The statements drawn on the map, by number.
    pub statements: Vec<MapStatement>,
    /// A sentence describing the map, for people who cannot see it.
    pub description: String,
    /// What the map was drawn from, to lay it out at other sizes.
    #[serde(skip)]
    input: MapInput,
}

/// One opinion group, as the legend names it.
#[derive(Debug, Clone, Serialize)]
pub struct MapGroup {
    /// Its position in the analysis, from 0.
    pub index: usize,
    /// "group 1".
    pub label: String,
    /// "Group 1", to start a line with.
    pub name: String,
    /// How many participants it holds.
    pub n_members: usize,
    /// Which of the patterns it uses.
    pub pattern: usize,
}

/// The reader's place.
#[derive(Debug, Clone, Serialize)]
pub struct MapPoint {
    /// The name of their group, if any, in the map's language: "Group A".
    pub group: Option<String>,
    /// The index of that group.
    pub group_index: Option<usize>,
}

/// A statement drawn on the map.
#[derive(Debug, Clone, Serialize)]
pub struct MapStatement {
    /// Its id.
    pub id: u32,
    /// Its number in the report, printed on its label.
    pub number: usize,
    /// Its text.
    pub text: String,
}

/// The map laid out at one size.
#[derive(Debug, Clone, Serialize)]
pub struct MapLayout {
    /// The size's name ("phone", "desktop", "slide").
    pub name: &'static str,
    /// The width of the `viewBox`.
    pub width: f64,
    /// The height of the `viewBox`.
    pub height: f64,
    /// The labels' font size.
    pub font: f64,
    /// The groups' regions, largest group first (drawn first, underneath).
    pub regions: Vec<MapRegion>,
    /// The dots.
    pub dots: Vec<MapDot>,
    /// The reader's marker.
    pub you: Option<YouMark>,
    /// The labels of the groups and of the reader, placed.
    pub labels: Vec<MapLabel>,
    /// The statements' labels, placed.
    pub statement_labels: Vec<MapLabel>,
}

/// A group's region.
#[derive(Debug, Clone, Serialize)]
pub struct MapRegion {
    /// The group's index.
    pub index: usize,
    /// Its outline, as SVG polygon points.
    pub outline: String,
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
}

/// The reader's marker: a diamond in a dashed ring.
#[derive(Debug, Clone, Serialize)]
pub struct YouMark {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
    /// The ring's radius.
    pub r: f64,
    /// The diamond's half-diagonal.
    pub d: f64,
}

/// A placed label: its box, where its text goes, and its leader line if it moved away.
#[derive(Debug, Clone, Serialize)]
pub struct MapLabel {
    /// "group", "you" or "statement".
    pub kind: &'static str,
    /// Its text.
    pub text: String,
    /// A longer description (a statement's text), shown on hover.
    pub title: Option<String>,
    /// The box's left edge.
    pub x: f64,
    /// The box's top edge.
    pub y: f64,
    /// The box's width.
    pub w: f64,
    /// The box's height.
    pub h: f64,
    /// The text's centre.
    pub text_x: f64,
    /// The text's baseline.
    pub text_y: f64,
    /// The anchor, for a statement whose label does not sit on it.
    pub anchor: Option<[f64; 2]>,
    /// The line from the anchor to the box: x1, y1, x2, y2.
    pub leader: Option<[f64; 4]>,
    /// The group's pattern, for a group's label.
    pub pattern: Option<usize>,
}

/// Returns the signs that turn the projection so that the largest group's centre (or, with no
/// groups, the heavier tail of the dots) lies at non-negative x and y.
fn orientation(input: &MapInput) -> [f64; 2] {
    let largest = input
        .group_sizes
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        .map(|(index, _)| index);
    let finite = input
        .points
        .iter()
        .filter(|point| point.position.iter().all(|value| value.is_finite()));
    let sign = |axis: usize| {
        let in_largest: f64 = finite
            .clone()
            .filter(|point| largest.is_some() && point.group == largest)
            .map(|point| point.n_members as f64 * point.position[axis])
            .sum();
        let lean = if in_largest.abs() > 1e-12 {
            in_largest
        } else {
            finite
                .clone()
                .map(|point| point.n_members as f64 * point.position[axis].powi(3))
                .sum()
        };
        if lean < 0.0 { -1.0 } else { 1.0 }
    };
    [sign(0), sign(1)]
}

/// Maps turned projection coordinates onto a layout, keeping the aspect ratio and flipping y
/// (up on the map is positive).
struct Frame {
    center: [f64; 2],
    scale: f64,
    signs: [f64; 2],
    viewport: Viewport,
}

impl Frame {
    fn fit(points: &[[f64; 2]], signs: [f64; 2], viewport: Viewport) -> Frame {
        let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for point in points {
            if !(point[0].is_finite() && point[1].is_finite()) {
                continue;
            }
            let [x, y] = [point[0] * signs[0], point[1] * signs[1]];
            min_x = min_x.min(x);
            max_x = max_x.max(x);
            min_y = min_y.min(y);
            max_y = max_y.max(y);
        }
        if min_x > max_x {
            (min_x, max_x, min_y, max_y) = (0.0, 0.0, 0.0, 0.0);
        }
        let margin = viewport.pad + viewport.font * 1.5;
        let usable_w = viewport.width - 2.0 * margin;
        let usable_h = viewport.height - viewport.top - 2.0 * margin;
        let spread = (max_x - min_x).max(max_y - min_y);
        let scale = if spread < 1e-9 {
            1.0
        } else {
            (usable_w / (max_x - min_x).max(1e-9)).min(usable_h / (max_y - min_y).max(1e-9))
        };
        Frame {
            center: [(min_x + max_x) / 2.0, (min_y + max_y) / 2.0],
            scale,
            signs,
            viewport,
        }
    }

    fn place(&self, point: [f64; 2]) -> [f64; 2] {
        let [x, y] = [point[0] * self.signs[0], point[1] * self.signs[1]];
        let middle = self.viewport.top + (self.viewport.height - self.viewport.top) / 2.0;
        [
            round(self.viewport.width / 2.0 + (x - self.center[0]) * self.scale),
            round(middle - (y - self.center[1]) * self.scale),
        ]
    }

    /// Places a point, keeping it `inset` inside the drawing.
    fn place_inside(&self, point: [f64; 2], inset: f64) -> [f64; 2] {
        let [x, y] = self.place(point);
        [
            x.clamp(inset, self.viewport.width - inset),
            y.clamp(self.viewport.top + inset, self.viewport.height - inset),
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
    let mut input = input.clone();
    keep_strongest_statements(&mut input.statements);
    let groups: Vec<MapGroup> = input
        .group_sizes
        .iter()
        .enumerate()
        .map(|(index, &n_members)| MapGroup {
            index,
            label: group_label(index),
            name: group_name_in(input.language, index),
            n_members,
            pattern: index % N_PATTERNS,
        })
        .collect();
    let you = input.you.map(|(_, group)| MapPoint {
        group: group.map(|index| group_name_in(input.language, index)),
        group_index: group,
    });
    let statements = input
        .statements
        .iter()
        .map(|statement| MapStatement {
            id: statement.id,
            number: statement.number,
            text: statement.text.clone(),
        })
        .collect();
    let n_people = input.points.iter().map(|point| point.n_members).sum();
    let description = describe(input.language, &groups, n_people, you.as_ref());
    Some(MapView {
        phone: lay_out(&input, PHONE),
        desktop: lay_out(&input, DESKTOP),
        groups,
        you,
        statements,
        description,
        input,
    })
}

impl MapView {
    /// Lays the map out at another size (the slide's).
    pub fn layout(&self, viewport: Viewport) -> MapLayout {
        lay_out(&self.input, viewport)
    }
}

/// Keeps the [`MAX_STATEMENTS`] statements farthest from the middle, in order of number.
fn keep_strongest_statements(statements: &mut Vec<StatementInput>) {
    statements.retain(|statement| statement.position.iter().all(|value| value.is_finite()));
    if statements.len() > MAX_STATEMENTS {
        statements.sort_by(|a, b| {
            let pull = |s: &StatementInput| s.position[0].hypot(s.position[1]);
            pull(b).total_cmp(&pull(a)).then(a.number.cmp(&b.number))
        });
        statements.truncate(MAX_STATEMENTS);
    }
    statements.sort_by_key(|statement| statement.number);
}

/// Lays the map out at one size.
fn lay_out(input: &MapInput, viewport: Viewport) -> MapLayout {
    let signs = orientation(input);
    let mut fitted: Vec<[f64; 2]> = input.points.iter().map(|point| point.position).collect();
    if let Some((position, _)) = input.you {
        fitted.push(position);
    }
    let frame = Frame::fit(&fitted, signs, viewport);
    let dots = dots(input, &frame);
    let regions = regions(input, &frame, viewport);
    let you = input.you.map(|(position, _)| {
        let r = viewport.font * 0.9;
        let [x, y] = frame.place_inside(position, r + 2.0);
        YouMark {
            x,
            y,
            r,
            d: round(r * 0.55),
        }
    });
    let (labels, statement_labels) = place_labels(input, &frame, &dots, you.as_ref(), viewport);
    MapLayout {
        name: viewport.name,
        width: viewport.width,
        height: viewport.height,
        font: viewport.font,
        regions,
        dots,
        you,
        labels,
        statement_labels,
    }
}

/// The dots: people at the same spot of the same group become one dot whose size says how many.
fn dots(input: &MapInput, frame: &Frame) -> Vec<MapDot> {
    let mut merged: Vec<([f64; 2], Option<usize>, usize)> = Vec::new();
    // Placed positions are rounded to a tenth, so equal spots have equal bits.
    let mut spots: BTreeMap<(u64, u64, Option<usize>), usize> = BTreeMap::new();
    for point in &input.points {
        let placed = frame.place_inside(point.position, 1.0);
        let key = (placed[0].to_bits(), placed[1].to_bits(), point.group);
        match spots.get(&key) {
            Some(&index) => merged[index].2 += point.n_members,
            None => {
                spots.insert(key, merged.len());
                merged.push((placed, point.group, point.n_members));
            }
        }
    }
    let largest = merged.iter().map(|entry| entry.2).max().unwrap_or(1).max(1);
    // Many dots are drawn smaller, so that the regions under them still show.
    let unit = if merged.len() > 150 {
        frame.viewport.dot * 0.7
    } else {
        frame.viewport.dot
    };
    merged
        .into_iter()
        .map(|([x, y], group, n_members)| {
            let share = n_members as f64 / largest as f64;
            MapDot {
                x,
                y,
                r: if largest == 1 {
                    round(unit)
                } else {
                    round(unit * (0.8 + 1.4 * share.sqrt()))
                },
                n_members,
                group: group.map(|index| group_name_in(input.language, index)),
            }
        })
        .collect()
}

/// Each group's region: its dots' hull grown by the viewport's padding, largest group first.
fn regions(input: &MapInput, frame: &Frame, viewport: Viewport) -> Vec<MapRegion> {
    let mut order: Vec<usize> = (0..input.group_sizes.len()).collect();
    order.sort_by(|&a, &b| {
        input.group_sizes[b]
            .cmp(&input.group_sizes[a])
            .then(a.cmp(&b))
    });
    order
        .into_iter()
        .filter_map(|index| {
            let points: Vec<[f64; 2]> = input
                .points
                .iter()
                .filter(|point| point.group == Some(index))
                .map(|point| frame.place_inside(point.position, 1.0))
                .collect();
            if points.is_empty() {
                return None;
            }
            let hull = hulls::padded_hull(&points, viewport.pad);
            let outline = hull
                .iter()
                .map(|&[x, y]| format!("{},{}", round(x), round(y)))
                .collect::<Vec<_>>()
                .join(" ");
            Some(MapRegion {
                index,
                outline,
                pattern: index % N_PATTERNS,
            })
        })
        .collect()
}

/// Places the reader's label, the groups' labels (largest group first) and the statements'.
fn place_labels(
    input: &MapInput,
    frame: &Frame,
    dots: &[MapDot],
    you: Option<&YouMark>,
    viewport: Viewport,
) -> (Vec<MapLabel>, Vec<MapLabel>) {
    let font = viewport.font;
    let mut obstacles = Vec::new();
    if viewport.top > 0.0 {
        obstacles.push(Rect {
            x: 0.0,
            y: 0.0,
            w: viewport.width,
            h: viewport.top - labels::GAP - 0.1,
        });
    }
    let mut requests: Vec<(Request, MapLabel)> = Vec::new();
    if let Some(mark) = you {
        obstacles.push(Rect {
            x: mark.x - mark.r - 1.5,
            y: mark.y - mark.r - 1.5,
            w: 2.0 * mark.r + 3.0,
            h: 2.0 * mark.r + 3.0,
        });
        requests.push(label_request(
            "you",
            text(input.language, "opinion-map-you", &[]),
            [mark.x, mark.y],
            font,
            false,
        ));
    }
    let mut order: Vec<usize> = (0..input.group_sizes.len()).collect();
    order.sort_by(|&a, &b| {
        input.group_sizes[b]
            .cmp(&input.group_sizes[a])
            .then(a.cmp(&b))
    });
    for index in order {
        let mut sum = [0.0, 0.0];
        let mut weight = 0.0;
        for point in input
            .points
            .iter()
            .filter(|point| point.group == Some(index))
        {
            let [x, y] = frame.place_inside(point.position, 1.0);
            let w = point.n_members.max(1) as f64;
            sum = [sum[0] + x * w, sum[1] + y * w];
            weight += w;
        }
        if weight == 0.0 {
            continue;
        }
        let text = format!(
            "{} · {}",
            group_name_in(input.language, index),
            input.group_sizes[index]
        );
        let (request, mut label) = label_request(
            "group",
            text,
            [sum[0] / weight, sum[1] / weight],
            font,
            true,
        );
        label.pattern = Some(index % N_PATTERNS);
        requests.push((request, label));
    }
    let n_main = requests.len();
    for statement in &input.statements {
        let anchor = frame.place_inside(statement.position, 3.0);
        let (mut request, mut label) = label_request(
            "statement",
            statement.number.to_string(),
            anchor,
            font,
            true,
        );
        request.gap = 3.0;
        label.title = Some(statement.text.clone());
        requests.push((request, label));
    }
    let dot_list: Vec<([f64; 2], f64)> = dots.iter().map(|dot| ([dot.x, dot.y], dot.r)).collect();
    let canvas = Canvas {
        width: viewport.width,
        height: viewport.height,
        obstacles,
        dots: &dot_list,
    };
    let only_requests: Vec<Request> = requests
        .iter()
        .map(|(request, _)| request.clone())
        .collect();
    let placements = labels::place(&canvas, &only_requests);
    let mut main = Vec::new();
    let mut statements = Vec::new();
    for (position, ((request, label), placement)) in
        requests.into_iter().zip(placements).enumerate()
    {
        let Some(Placement { rect, leader }) = placement else {
            continue;
        };
        let centred = (rect.x + rect.w / 2.0 - request.anchor[0]).abs() < 0.1
            && (rect.y + rect.h / 2.0 - request.anchor[1]).abs() < 0.1;
        let placed = MapLabel {
            x: rect.x,
            y: rect.y,
            w: rect.w,
            h: rect.h,
            text_x: round(rect.x + rect.w / 2.0),
            text_y: round(rect.y + rect.h / 2.0 + font * 0.36),
            anchor: (label.kind == "statement" && !centred)
                .then(|| [round(request.anchor[0]), round(request.anchor[1])]),
            leader,
            ..label
        };
        if position < n_main {
            main.push(placed);
        } else {
            statements.push(placed);
        }
    }
    (main, statements)
}

fn label_request(
    kind: &'static str,
    text: String,
    anchor: [f64; 2],
    font: f64,
    may_cover_anchor: bool,
) -> (Request, MapLabel) {
    let w = round(labels::text_width(&text, font) + font);
    let h = round(font * 1.5);
    let gap = if kind == "you" { font * 0.9 + 2.0 } else { 0.0 };
    (
        Request {
            anchor,
            w,
            h,
            gap,
            may_cover_anchor,
        },
        MapLabel {
            kind,
            text,
            title: None,
            x: 0.0,
            y: 0.0,
            w,
            h,
            text_x: 0.0,
            text_y: 0.0,
            anchor: None,
            leader: None,
            pattern: None,
        },
    )
}

fn describe(
    language: Language,
    groups: &[MapGroup],
    n_people: usize,
    you: Option<&MapPoint>,
) -> String {
    let mut words = if groups.is_empty() {
        text(
            language,
            "opinion-map-describe-no-groups",
            &[("people", n_people.into())],
        )
    } else {
        let listed = groups
            .iter()
            .map(|group| {
                text(
                    language,
                    "opinion-map-describe-group",
                    &[
                        ("name", group.name.as_str().into()),
                        ("count", group.n_members.into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        text(
            language,
            "opinion-map-describe",
            &[("groups", groups.len().into()), ("listed", listed.into())],
        )
    };
    if let Some(you) = you {
        words.push(' ');
        words.push_str(&match &you.group {
            Some(name) => text(
                language,
                "opinion-map-describe-you-in",
                &[("name", name.as_str().into())],
            ),
            None => text(language, "opinion-map-describe-you-no-group", &[]),
        });
    }
    words
}

#[cfg(test)]
mod tests;
