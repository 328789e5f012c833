//! The groups' regions on the opinion map: the convex hull of every member's dot grown by a
//! minimum radius, so that a group of one person, a dense group whose dots sit on top of each
//! other, and a group of hundreds all show as a region with a visible outline around their dots.

/// How many points approximate the circle drawn around each dot.
const CIRCLE_STEPS: usize = 16;

/// Returns the points' convex hull, counter-clockwise (Andrew's monotone chain). Points that
/// are not finite are left out.
pub(super) fn convex_hull(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
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
    let chain = |points: &mut dyn Iterator<Item = [f64; 2]>| {
        let mut half: Vec<[f64; 2]> = Vec::new();
        for point in points {
            while half.len() >= 2 && cross(half[half.len() - 2], half[half.len() - 1], point) <= 0.0
            {
                half.pop();
            }
            half.push(point);
        }
        half.pop();
        half
    };
    let mut lower = chain(&mut sorted.iter().copied());
    let upper = chain(&mut sorted.iter().rev().copied());
    lower.extend(upper);
    lower
}

/// Returns the outline of the points each grown into a circle of `radius`: the convex hull of
/// those circles, so that even one point or a line of points encloses an area.
pub(super) fn padded_hull(points: &[[f64; 2]], radius: f64) -> Vec<[f64; 2]> {
    let grown: Vec<[f64; 2]> = points
        .iter()
        .filter(|point| point[0].is_finite() && point[1].is_finite())
        .flat_map(|&[x, y]| {
            (0..CIRCLE_STEPS).map(move |step| {
                let angle = std::f64::consts::TAU * step as f64 / CIRCLE_STEPS as f64;
                [x + radius * angle.cos(), y + radius * angle.sin()]
            })
        })
        .collect();
    convex_hull(&grown)
}

/// Returns the area of a polygon (shoelace formula), positive for counter-clockwise.
#[cfg(test)]
pub(super) fn area(polygon: &[[f64; 2]]) -> f64 {
    let n = polygon.len();
    (0..n)
        .map(|i| {
            let [x1, y1] = polygon[i];
            let [x2, y2] = polygon[(i + 1) % n];
            x1 * y2 - x2 * y1
        })
        .sum::<f64>()
        / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hull_of_a_square_with_a_middle_point_is_the_square() {
        let hull = convex_hull(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.5, 0.5]]);
        assert_eq!(hull.len(), 4);
        assert!(!hull.contains(&[0.5, 0.5]));
        assert!((area(&hull).abs() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn one_point_becomes_a_region_of_the_minimum_radius() {
        let hull = padded_hull(&[[10.0, 10.0]], 12.0);
        assert_eq!(hull.len(), CIRCLE_STEPS);
        let circle = std::f64::consts::PI * 144.0;
        assert!(area(&hull).abs() > 0.9 * circle && area(&hull).abs() <= circle);
    }

    #[test]
    fn many_dots_on_one_spot_still_enclose_the_minimum_area() {
        let points = vec![[5.0, 5.0]; 263];
        let hull = padded_hull(&points, 14.0);
        assert!(area(&hull).abs() > 0.9 * std::f64::consts::PI * 196.0);
    }

    #[test]
    fn a_line_of_points_encloses_an_area_around_every_point() {
        let points: Vec<[f64; 2]> = (0..10).map(|i| [f64::from(i) * 10.0, 0.0]).collect();
        let hull = padded_hull(&points, 8.0);
        let min_y = hull.iter().map(|p| p[1]).fold(f64::MAX, f64::min);
        let max_x = hull.iter().map(|p| p[0]).fold(f64::MIN, f64::max);
        assert!(min_y <= -7.9 && max_x >= 97.9);
    }
}
