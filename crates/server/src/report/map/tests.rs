//! Tests of the opinion map: readable labels that never overlap, regions for every group, the
//! reader marked, statements numbered as in the report, and a layout that keeps its
//! orientation from one analysis to the next.

use super::labels::{Rect, assert_no_overlaps};
use super::*;

/// A small deterministic generator (a linear congruential one), so tests need no seed file.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        (0..6).map(|_| self.next()).sum::<f64>() - 3.0
    }
}

/// A dialogue with `n_groups` groups around a circle of `spread` (0 puts them all on one
/// spot), one very large group, `n_statements` statements and a reader.
fn generated(n_groups: usize, spread: f64, n_statements: usize, seed: u64) -> MapInput {
    let mut random = Lcg(seed);
    let mut points = Vec::new();
    let mut group_sizes = Vec::new();
    for group in 0..n_groups {
        let angle = std::f64::consts::TAU * group as f64 / n_groups as f64;
        let centre = [spread * angle.cos(), spread * angle.sin()];
        let size = if group == 0 { 263 } else { 5 + 7 * group };
        for _ in 0..size {
            points.push(PointInput {
                position: [
                    centre[0] + 0.15 * random.normal(),
                    centre[1] + 0.15 * random.normal(),
                ],
                n_members: 1,
                group: Some(group),
            });
        }
        group_sizes.push(size);
    }
    let statements = (0..n_statements)
        .map(|index| StatementInput {
            id: 300 + u32::try_from(index).unwrap(),
            number: index + 1,
            text: format!("Statement text {index}"),
            position: if spread.abs() < 1e-12 {
                [0.01, 0.01]
            } else {
                [2.0 * random.normal(), 2.0 * random.normal()]
            },
        })
        .collect();
    let you = points
        .last()
        .map(|point: &PointInput| (point.position, point.group));
    MapInput {
        points,
        group_sizes,
        statements,
        you,
        language: Language::English,
    }
}

fn boxes(layout: &MapLayout) -> Vec<Rect> {
    let mut all: Vec<Rect> = layout
        .labels
        .iter()
        .chain(&layout.statement_labels)
        .map(|label| Rect {
            x: label.x,
            y: label.y,
            w: label.w,
            h: label.h,
        })
        .collect();
    if let Some(you) = &layout.you {
        all.push(Rect {
            x: you.x - you.r,
            y: you.y - you.r,
            w: 2.0 * you.r,
            h: 2.0 * you.r,
        });
    }
    all
}

fn check_layout(layout: &MapLayout, n_groups: usize, has_you: bool) {
    assert_no_overlaps(&boxes(layout), layout.width, layout.height);
    let groups = layout.labels.iter().filter(|l| l.kind == "group").count();
    assert_eq!(
        groups, n_groups,
        "every group is labelled on the {}",
        layout.name
    );
    let you = layout.labels.iter().filter(|l| l.kind == "you").count();
    assert_eq!(you, usize::from(has_you), "the reader is labelled");
    for dot in &layout.dots {
        assert!(dot.x >= 0.0 && dot.x <= layout.width && dot.y >= 0.0 && dot.y <= layout.height);
    }
}

#[test]
fn generated_maps_of_two_to_five_groups_have_no_overlapping_labels_at_either_size() {
    for n_groups in 2..=5 {
        for (spread, n_statements) in [(1.0, 12), (0.3, 25), (1.0, MAX_STATEMENTS)] {
            for seed in 0..3 {
                let input = generated(n_groups, spread, n_statements, seed);
                let map = build(&input).unwrap();
                for layout in [&map.phone, &map.desktop, &map.layout(SLIDE)] {
                    check_layout(layout, n_groups, true);
                    assert_eq!(
                        layout.statement_labels.len(),
                        n_statements,
                        "every statement finds room on the {} with {n_groups} groups",
                        layout.name
                    );
                }
            }
        }
    }
}

#[test]
fn a_crowded_map_with_everything_on_one_spot_still_has_no_overlaps() {
    for n_groups in 2..=5 {
        let input = generated(n_groups, 0.0, MAX_STATEMENTS, 7);
        let map = build(&input).unwrap();
        for layout in [&map.phone, &map.desktop] {
            check_layout(layout, n_groups, true);
            assert!(
                layout.statement_labels.len() >= MAX_STATEMENTS / 2,
                "most statements fit even when crowded"
            );
            assert!(
                layout
                    .statement_labels
                    .iter()
                    .chain(&layout.labels)
                    .any(|label| label.leader.is_some()),
                "labels pushed away from a crowded spot point back to it"
            );
        }
    }
}

#[test]
fn labels_are_readable_on_a_phone() {
    // The phone layout is drawn in a box about 356 CSS px wide on a 390 px screen.
    let rendered = PHONE.font * 356.0 / PHONE.width;
    assert!(rendered >= 12.0, "labels render at {rendered} px");
    let map = build(&generated(3, 1.0, 5, 1)).unwrap();
    assert!((map.phone.font - PHONE.font).abs() < 1e-9);
    for label in &map.phone.labels {
        assert!(label.h >= PHONE.font * 1.4);
        assert!(label.w >= labels::text_width(&label.text, PHONE.font));
    }
}

#[test]
fn the_same_analysis_draws_the_same_map() {
    let input = generated(4, 0.6, 20, 3);
    let first = serde_json::to_string(&build(&input).unwrap()).unwrap();
    let second = serde_json::to_string(&build(&input).unwrap()).unwrap();
    assert_eq!(first, second);
}

fn mirrored(input: &MapInput, signs: [f64; 2]) -> MapInput {
    let flip = |p: [f64; 2]| [p[0] * signs[0], p[1] * signs[1]];
    let mut out = input.clone();
    for point in &mut out.points {
        point.position = flip(point.position);
    }
    for statement in &mut out.statements {
        statement.position = flip(statement.position);
    }
    out.you = out.you.map(|(position, group)| (flip(position), group));
    out
}

#[test]
fn a_reanalysis_that_flips_an_axis_does_not_mirror_the_map() {
    let input = generated(3, 0.8, 10, 5);
    let original = serde_json::to_string(&build(&input).unwrap()).unwrap();
    for signs in [[-1.0, 1.0], [1.0, -1.0], [-1.0, -1.0]] {
        let flipped = serde_json::to_string(&build(&mirrored(&input, signs)).unwrap()).unwrap();
        assert_eq!(original, flipped, "flipping {signs:?} changes nothing");
    }
}

#[test]
fn the_largest_group_sits_up_and_to_the_right() {
    let input = generated(3, 1.0, 0, 9);
    for signs in [[1.0, 1.0], [-1.0, 1.0], [1.0, -1.0], [-1.0, -1.0]] {
        let map = build(&mirrored(&input, signs)).unwrap();
        let label = map
            .desktop
            .labels
            .iter()
            .find(|l| l.text.starts_with("Group A"))
            .unwrap();
        let dots: Vec<&MapDot> = map
            .desktop
            .dots
            .iter()
            .filter(|dot| dot.group.as_deref() == Some("Group A"))
            .collect();
        let mean_x = dots.iter().map(|dot| dot.x).sum::<f64>() / dots.len() as f64;
        let mean_y = dots.iter().map(|dot| dot.y).sum::<f64>() / dots.len() as f64;
        assert!(mean_x >= DESKTOP.width / 2.0 - 1.0 && mean_y <= DESKTOP.height / 2.0 + 1.0);
        assert!(label.text.ends_with("· 263"));
    }
}

/// Returns whether `point` is inside the convex polygon (either winding).
fn inside(polygon: &[[f64; 2]], point: [f64; 2]) -> bool {
    let n = polygon.len();
    let signs: Vec<f64> = (0..n)
        .map(|i| {
            let [ax, ay] = polygon[i];
            let [bx, by] = polygon[(i + 1) % n];
            (bx - ax) * (point[1] - ay) - (by - ay) * (point[0] - ax)
        })
        .collect();
    signs.iter().all(|s| *s >= -1e-6) || signs.iter().all(|s| *s <= 1e-6)
}

fn outline(region: &MapRegion) -> Vec<[f64; 2]> {
    region
        .outline
        .split(' ')
        .map(|pair| {
            let (x, y) = pair.split_once(',').unwrap();
            [x.parse().unwrap(), y.parse().unwrap()]
        })
        .collect()
}

#[test]
fn every_group_has_a_region_around_all_its_dots_however_dense() {
    let mut input = generated(3, 1.0, 0, 2);
    // The largest group's 263 people all voted alike: one spot.
    for point in input.points.iter_mut().filter(|p| p.group == Some(0)) {
        point.position = [1.0, 0.0];
    }
    let map = build(&input).unwrap();
    for layout in [&map.phone, &map.desktop] {
        assert_eq!(layout.regions.len(), 3);
        assert_eq!(
            layout.regions[0].index, 0,
            "the largest group is drawn first"
        );
        for region in &layout.regions {
            let polygon = outline(region);
            let area = hulls::area(&polygon).abs();
            let pad = if layout.name == "phone" {
                PHONE.pad
            } else {
                DESKTOP.pad
            };
            assert!(
                area > 0.9 * std::f64::consts::PI * pad * pad,
                "{} has room",
                region.index
            );
            let name = group_label(region.index);
            for dot in layout
                .dots
                .iter()
                .filter(|d| d.group.as_deref() == Some(&name))
            {
                assert!(
                    inside(&polygon, [dot.x, dot.y]),
                    "dot outside its group's region"
                );
            }
        }
    }
}

#[test]
fn statements_are_numbered_as_in_the_report() {
    let numbers = statement_numbers([316, 300, 305, 300]);
    assert_eq!(numbers.get(&300), Some(&1));
    assert_eq!(numbers.get(&305), Some(&2));
    assert_eq!(numbers.get(&316), Some(&3));
    let map = build(&generated(2, 1.0, 3, 4)).unwrap();
    let texts: Vec<&str> = map
        .desktop
        .statement_labels
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(texts, ["1", "2", "3"]);
    assert_eq!(map.statements[0].number, 1);
    assert_eq!(map.statements[0].id, 300);
}

#[test]
fn only_the_statements_that_pull_hardest_are_drawn() {
    let mut input = generated(2, 1.0, MAX_STATEMENTS + 10, 4);
    input.statements[0].position = [50.0, 50.0];
    let map = build(&input).unwrap();
    assert_eq!(map.statements.len(), MAX_STATEMENTS);
    assert_eq!(
        map.statements[0].number, 1,
        "the farthest statement is kept"
    );
    assert!(
        map.statements
            .windows(2)
            .all(|pair| pair[0].number < pair[1].number)
    );
}

#[test]
fn the_reader_is_marked_in_their_group() {
    let input = generated(2, 1.0, 0, 6);
    let map = build(&input).unwrap();
    let you = map.you.clone().unwrap();
    assert_eq!(you.group.as_deref(), Some("Group B"));
    assert!(map.description.contains("You are in Group B."));
    assert!(map.description.contains("Group A (263 people)"));
    let label = map.phone.labels.iter().find(|l| l.kind == "you").unwrap();
    assert_eq!(label.text, "You");
    assert!(map.phone.you.is_some());
}

#[test]
fn identical_positions_do_not_break_the_scale() {
    let mut input = generated(2, 1.0, 0, 8);
    for point in &mut input.points {
        point.position = [0.3, 0.3];
    }
    let map = build(&input).unwrap();
    assert!(
        map.desktop
            .dots
            .iter()
            .all(|dot| dot.x.is_finite() && dot.y.is_finite())
    );
    check_layout(&map.desktop, 2, true);
}

#[test]
fn people_at_one_spot_become_one_larger_dot() {
    let input = MapInput {
        points: vec![
            PointInput {
                position: [0.0, 0.0],
                n_members: 1,
                group: None,
            },
            PointInput {
                position: [1.0, 1.0],
                n_members: 1,
                group: None,
            },
            PointInput {
                position: [1.0, 1.0],
                n_members: 1,
                group: None,
            },
        ],
        ..MapInput::default()
    };
    let map = build(&input).unwrap();
    assert_eq!(map.desktop.dots.len(), 2);
    assert_eq!(map.desktop.dots[1].n_members, 2);
    assert!(map.desktop.dots[1].r > map.desktop.dots[0].r);
    assert!(map.description.contains("3 people and no opinion groups"));
}

#[test]
fn nothing_to_draw_means_no_map() {
    assert!(build(&MapInput::default()).is_none());
}

#[test]
fn the_slide_is_a_standalone_svg_with_its_title_clear_of_labels() {
    let map = build(&generated(3, 1.0, 8, 2)).unwrap();
    let slide = map.layout(SLIDE);
    assert!(
        slide
            .labels
            .iter()
            .chain(&slide.statement_labels)
            .all(|l| l.y >= SLIDE.top)
    );
    let document = svg::standalone(&slide, "Opinion map · <Healthy ageing>");
    assert!(document.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600\""));
    assert!(document.contains("&lt;Healthy ageing&gt;"));
    assert!(!document.contains("var(--"));
}
