//! Label placement for the opinion map: every label ("Group A · 263", "You", a statement's
//! number) is a box placed near its anchor without overlapping any label placed before it, any
//! fixed obstacle (the "You" marker) or the edge of the drawing.
//!
//! The algorithm is greedy and deterministic: labels are placed in priority order; for each,
//! candidate boxes are tried on rings of growing distance around the anchor in a fixed order
//! of directions, and the first ring with a free candidate wins (within it, the candidate that
//! hides the fewest dots). When no ring has room, the whole drawing is scanned on a grid for
//! the free position nearest the anchor. A label drawn away from its anchor gets a leader line.

/// A box in drawing coordinates: top-left corner, width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Returns whether two boxes share any area, with `gap` of room required between them.
    pub fn overlaps(&self, other: &Rect, gap: f64) -> bool {
        self.x < other.x + other.w + gap
            && other.x < self.x + self.w + gap
            && self.y < other.y + other.h + gap
            && other.y < self.y + self.h + gap
    }

    /// Returns whether the box lies wholly inside a drawing of this size.
    pub fn is_inside(&self, width: f64, height: f64) -> bool {
        self.x >= 0.0 && self.y >= 0.0 && self.x + self.w <= width && self.y + self.h <= height
    }

    fn centre(&self) -> [f64; 2] {
        [self.x + self.w / 2.0, self.y + self.h / 2.0]
    }

    /// Returns the point of the box nearest to `point`.
    fn nearest(&self, point: [f64; 2]) -> [f64; 2] {
        [
            point[0].clamp(self.x, self.x + self.w),
            point[1].clamp(self.y, self.y + self.h),
        ]
    }

    fn covers(&self, point: [f64; 2], radius: f64) -> bool {
        point[0] + radius > self.x
            && point[0] - radius < self.x + self.w
            && point[1] + radius > self.y
            && point[1] - radius < self.y + self.h
    }
}

/// A label to place.
#[derive(Debug, Clone)]
pub struct Request {
    /// The point it names.
    pub anchor: [f64; 2],
    /// Its box's width.
    pub w: f64,
    /// Its box's height.
    pub h: f64,
    /// How far from the anchor the box starts (the size of the marker drawn at the anchor).
    pub gap: f64,
    /// Whether the box may be centred on the anchor (a statement's number, a group's name).
    pub may_cover_anchor: bool,
}

/// Where a label went.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Its box.
    pub rect: Rect,
    /// A line from the anchor to the box, when the box had to move away from the anchor.
    pub leader: Option<[f64; 4]>,
}

/// The drawing the labels go into.
#[derive(Debug, Clone)]
pub struct Canvas<'a> {
    /// Its width.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// Boxes no label may cover.
    pub obstacles: Vec<Rect>,
    /// Dots a label should rather not hide: centre and radius.
    pub dots: &'a [([f64; 2], f64)],
}

/// The room kept between two labels.
pub const GAP: f64 = 2.0;
/// How many rings of candidates are tried around the anchor before scanning the drawing.
const RINGS: usize = 8;
/// The directions tried on each ring, in order of preference (y grows downwards): above,
/// right, below, left, then the diagonals, then the directions between those.
const DIRECTIONS: [f64; 16] = [
    270.0, 0.0, 90.0, 180.0, 315.0, 45.0, 135.0, 225.0, 292.5, 337.5, 22.5, 67.5, 112.5, 157.5,
    202.5, 247.5,
];

/// Places every request in order; `None` for a label no free room could be found for.
pub fn place(canvas: &Canvas<'_>, requests: &[Request]) -> Vec<Option<Placement>> {
    let mut placed: Vec<Rect> = Vec::new();
    requests
        .iter()
        .map(|request| {
            let found = place_one(canvas, &placed, request);
            if let Some(placement) = &found {
                placed.push(placement.rect);
                // A label moved off its anchor keeps the anchor clear for the labels after it.
                if !placement.rect.covers(request.anchor, 0.0) {
                    placed.push(Rect {
                        x: request.anchor[0] - 2.0,
                        y: request.anchor[1] - 2.0,
                        w: 4.0,
                        h: 4.0,
                    });
                }
            }
            found
        })
        .collect()
}

fn is_free(canvas: &Canvas<'_>, placed: &[Rect], rect: &Rect) -> bool {
    rect.is_inside(canvas.width, canvas.height)
        && !placed.iter().any(|other| rect.overlaps(other, GAP))
        && !canvas
            .obstacles
            .iter()
            .any(|other| rect.overlaps(other, GAP))
}

fn hidden_dots(canvas: &Canvas<'_>, rect: &Rect) -> usize {
    canvas
        .dots
        .iter()
        .filter(|(centre, radius)| rect.covers(*centre, *radius))
        .count()
}

fn box_at(centre: [f64; 2], w: f64, h: f64) -> Rect {
    Rect {
        x: round(centre[0] - w / 2.0),
        y: round(centre[1] - h / 2.0),
        w,
        h,
    }
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn place_one(canvas: &Canvas<'_>, placed: &[Rect], request: &Request) -> Option<Placement> {
    let [ax, ay] = request.anchor;
    let step = request.h * 0.75;
    if request.may_cover_anchor {
        let rect = box_at(request.anchor, request.w, request.h);
        if is_free(canvas, placed, &rect) && hidden_dots(canvas, &rect) == 0 {
            return Some(Placement { rect, leader: None });
        }
    }
    for ring in 0..RINGS {
        let distance = request.gap + step * ring as f64;
        let best = DIRECTIONS
            .iter()
            .filter_map(|degrees| {
                let (uy, ux) = degrees.to_radians().sin_cos();
                // Pushes the box out along the direction until its edge is `distance` away.
                let extent = ux.abs() * request.w / 2.0 + uy.abs() * request.h / 2.0;
                let centre = [ax + ux * (distance + extent), ay + uy * (distance + extent)];
                let rect = box_at(centre, request.w, request.h);
                is_free(canvas, placed, &rect).then(|| (hidden_dots(canvas, &rect), rect))
            })
            .min_by_key(|(hidden, _)| *hidden);
        if let Some((_, rect)) = best {
            let leader = (ring > 1).then(|| leader(request.anchor, &rect)).flatten();
            return Some(Placement { rect, leader });
        }
    }
    scan(canvas, placed, request)
}

/// Scans the whole drawing for the free box nearest the anchor.
fn scan(canvas: &Canvas<'_>, placed: &[Rect], request: &Request) -> Option<Placement> {
    let step = (request.h / 3.0).max(2.0);
    let mut best: Option<(f64, Rect)> = None;
    let mut y = 0.0;
    while y + request.h <= canvas.height {
        let mut x = 0.0;
        while x + request.w <= canvas.width {
            let rect = Rect {
                x: round(x),
                y: round(y),
                w: request.w,
                h: request.h,
            };
            x += step;
            if !rect.is_inside(canvas.width, canvas.height) || !is_free(canvas, placed, &rect) {
                continue;
            }
            let [cx, cy] = rect.centre();
            let distance = (cx - request.anchor[0]).hypot(cy - request.anchor[1]);
            if best.as_ref().is_none_or(|(nearest, _)| distance < *nearest) {
                best = Some((distance, rect));
            }
        }
        y += step;
    }
    best.map(|(_, rect)| Placement {
        leader: leader(request.anchor, &rect),
        rect,
    })
}

/// Returns the line from the anchor to the nearest point of the box, if it is long enough to
/// see.
fn leader(anchor: [f64; 2], rect: &Rect) -> Option<[f64; 4]> {
    let [x, y] = rect.nearest(anchor);
    ((x - anchor[0]).hypot(y - anchor[1]) > 3.0)
        .then(|| [round(anchor[0]), round(anchor[1]), round(x), round(y)])
}

/// Returns a generous estimate of the width of a bold sans-serif text, so that the box holds
/// the text in the bundled font (DejaVu Sans Bold, a wide one) and in narrower system fonts.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|character| match character {
            ' ' => 0.35,
            '·' | '.' | ',' | ':' | 'i' | 'l' | 'j' | '!' | '|' | '\'' => 0.38,
            'f' | 't' | 'r' | 'I' | 'J' => 0.5,
            'm' | 'w' | 'M' | 'W' => 1.05,
            '0'..='9' => 0.7,
            'A'..='Z' => 0.8,
            _ => 0.7,
        })
        .sum();
    ems * font_size
}

#[cfg(test)]
pub(super) fn assert_no_overlaps(boxes: &[Rect], width: f64, height: f64) {
    for (i, a) in boxes.iter().enumerate() {
        assert!(
            a.is_inside(width, height),
            "{a:?} leaves the {width}×{height} drawing"
        );
        for b in &boxes[i + 1..] {
            assert!(!a.overlaps(b, 0.0), "{a:?} overlaps {b:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(anchor: [f64; 2], w: f64) -> Request {
        Request {
            anchor,
            w,
            h: 20.0,
            gap: 4.0,
            may_cover_anchor: true,
        }
    }

    #[test]
    fn a_lone_label_sits_on_its_anchor() {
        let canvas = Canvas {
            width: 300.0,
            height: 200.0,
            obstacles: Vec::new(),
            dots: &[],
        };
        let placed = place(&canvas, &[request([150.0, 100.0], 40.0)]);
        let placement = placed[0].clone().unwrap();
        let [x, y] = placement.rect.centre();
        assert!((x - 150.0).abs() < 1e-9 && (y - 100.0).abs() < 1e-9);
        assert!(placement.leader.is_none());
    }

    #[test]
    fn labels_on_one_anchor_spread_out_without_overlapping() {
        let canvas = Canvas {
            width: 360.0,
            height: 400.0,
            obstacles: vec![Rect {
                x: 170.0,
                y: 190.0,
                w: 20.0,
                h: 20.0,
            }],
            dots: &[],
        };
        let requests: Vec<Request> = (0..60).map(|_| request([180.0, 200.0], 30.0)).collect();
        let placed = place(&canvas, &requests);
        let boxes: Vec<Rect> = placed.iter().map(|p| p.clone().unwrap().rect).collect();
        let mut all = boxes.clone();
        all.extend(canvas.obstacles.iter().copied());
        assert_no_overlaps(&all, 360.0, 400.0);
        assert!(placed.iter().flatten().any(|p| p.leader.is_some()));
    }

    #[test]
    fn an_anchor_in_a_corner_keeps_its_label_inside() {
        let canvas = Canvas {
            width: 200.0,
            height: 100.0,
            obstacles: Vec::new(),
            dots: &[],
        };
        let placed = place(
            &canvas,
            &[request([0.0, 0.0], 80.0), request([200.0, 100.0], 80.0)],
        );
        for placement in placed {
            assert!(placement.unwrap().rect.is_inside(200.0, 100.0));
        }
    }

    #[test]
    fn a_full_drawing_leaves_the_last_label_out_rather_than_overlap() {
        let canvas = Canvas {
            width: 50.0,
            height: 25.0,
            obstacles: Vec::new(),
            dots: &[],
        };
        let placed = place(
            &canvas,
            &[request([25.0, 12.0], 40.0), request([25.0, 12.0], 40.0)],
        );
        assert!(placed[0].is_some());
        assert!(placed[1].is_none());
    }

    #[test]
    fn labels_avoid_hiding_dots_when_they_can() {
        let dots = [([150.0, 100.0], 4.0)];
        let canvas = Canvas {
            width: 300.0,
            height: 200.0,
            obstacles: Vec::new(),
            dots: &dots,
        };
        let placed = place(&canvas, &[request([150.0, 100.0], 40.0)]);
        let rect = placed[0].clone().unwrap().rect;
        assert!(!rect.covers([150.0, 100.0], 4.0));
    }

    #[test]
    fn wider_text_gets_a_wider_box() {
        assert!(text_width("Group A · 263", 13.0) > text_width("You", 13.0));
        assert!(text_width("Group A · 263", 13.0) > 13.0 * 6.0);
    }
}
