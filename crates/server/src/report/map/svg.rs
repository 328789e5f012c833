//! The opinion map as a standalone SVG document, with its colours and font written in (no
//! stylesheet), for the slide-ready PNG and the PDF.

use std::fmt::Write;

use super::{MapLayout, N_PATTERNS};

/// The groups' colours, as the stylesheet's `--g0` … `--g7` (colour-blind safe).
pub const GROUP_COLOURS: [&str; N_PATTERNS] = [
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999",
];
/// The text colour.
pub const INK: &str = "#1b1f24";
/// The statements' colour.
pub const ACCENT: &str = "#005ea5";
/// The family every exported text is set in (bundled with the server).
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Escapes text for SVG content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The pattern drawn over group `index`'s colour, so groups differ by more than colour.
fn pattern(index: usize) -> String {
    let colour = GROUP_COLOURS[index % N_PATTERNS];
    let ink = "stroke=\"#1b1f24\" stroke-opacity=\"0.55\" stroke-width=\"2\"";
    let mark = match index % N_PATTERNS {
        0 => format!("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"16\" {ink}/>"),
        1 => "<circle cx=\"8\" cy=\"8\" r=\"2.6\" fill=\"#1b1f24\" fill-opacity=\"0.45\"/>".to_owned(),
        2 => format!("<line x1=\"0\" y1=\"8\" x2=\"16\" y2=\"8\" {ink}/>"),
        3 => format!("<path d=\"M0 0L16 16M16 0L0 16\" {ink}/>"),
        4 => format!("<line x1=\"8\" y1=\"0\" x2=\"8\" y2=\"16\" {ink}/>"),
        5 => "<rect width=\"8\" height=\"8\" fill=\"#1b1f24\" fill-opacity=\"0.35\"/><rect x=\"8\" y=\"8\" width=\"8\" height=\"8\" fill=\"#1b1f24\" fill-opacity=\"0.35\"/>".to_owned(),
        6 => format!("<line x1=\"16\" y1=\"0\" x2=\"0\" y2=\"16\" {ink}/>"),
        _ => "<circle cx=\"8\" cy=\"8\" r=\"4.5\" fill=\"none\" stroke=\"#1b1f24\" stroke-opacity=\"0.5\" stroke-width=\"1.6\"/>".to_owned(),
    };
    let rotate = match index % N_PATTERNS {
        0 => " patternTransform=\"rotate(45)\"",
        6 => " patternTransform=\"rotate(-45)\"",
        _ => "",
    };
    format!(
        "<pattern id=\"p{index}\" patternUnits=\"userSpaceOnUse\" width=\"16\" height=\"16\"{rotate}><rect width=\"16\" height=\"16\" fill=\"{colour}\"/>{mark}</pattern>"
    )
}

/// Returns the layout as a standalone SVG document with a title line at the top.
pub fn standalone(layout: &MapLayout, title: &str) -> String {
    let (w, h, font) = (layout.width, layout.height, layout.font);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">"
    );
    svg.push_str("<defs>");
    for index in 0..N_PATTERNS {
        svg.push_str(&pattern(index));
    }
    svg.push_str("</defs>");
    let _ = write!(svg, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
        font * 0.8,
        font * 1.5,
        font * 1.1,
        escape(title)
    );
    for region in &layout.regions {
        let colour = GROUP_COLOURS[region.pattern % N_PATTERNS];
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"url(#p{})\" fill-opacity=\"0.6\"/><polygon points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-linejoin=\"round\"/>",
            region.outline,
            region.pattern,
            region.outline,
            font * 0.17
        );
    }
    for dot in &layout.dots {
        let _ = write!(
            svg,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{INK}\" fill-opacity=\"0.8\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
            dot.x, dot.y, dot.r
        );
    }
    if let Some(you) = &layout.you {
        let d = you.d;
        let _ = write!(
            svg,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.7\" stroke=\"{INK}\" stroke-width=\"3\" stroke-dasharray=\"6 4\"/><path d=\"M{} {}l{d} {d}l-{d} {d}l-{d} -{d}z\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"2\"/>",
            you.x,
            you.y,
            you.r,
            you.x,
            you.y - d
        );
    }
    for label in layout.labels.iter().chain(&layout.statement_labels) {
        let (fill, text_fill, stroke, stroke_width) = match label.kind {
            "you" => (INK, "#ffffff", INK, 1.0),
            "statement" => ("#ffffff", ACCENT, ACCENT, 1.5),
            _ => (
                "#ffffff",
                INK,
                label
                    .pattern
                    .map_or(INK, |pattern| GROUP_COLOURS[pattern % N_PATTERNS]),
                font * 0.15,
            ),
        };
        if let Some([x, y]) = label.anchor {
            let _ = write!(
                svg,
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{ACCENT}\"/>",
                font * 0.2
            );
        }
        if let Some([x1, y1, x2, y2]) = label.leader {
            let _ = write!(
                svg,
                "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{INK}\" stroke-width=\"{}\"/>",
                font * 0.08
            );
        }
        let _ = write!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"/><text x=\"{}\" y=\"{}\" font-size=\"{font}\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{text_fill}\">{}</text>",
            label.x,
            label.y,
            label.w,
            label.h,
            font * 0.2,
            label.text_x,
            label.text_y,
            escape(&label.text)
        );
    }
    svg.push_str("</svg>");
    svg
}
