//! The statements × groups and constituencies grid as a standalone SVG: one row per statement
//! (numbered as in the report), one column for everyone, then one per opinion group and per
//! constituency, each cell the share who agree as a colour and a number.

use std::fmt::Write;

use super::super::document::{Estimate, group_name};
use super::super::map::{self, svg::INK, svg::escape};
use super::super::snapshot::LoadedAnalysis;
use super::text::{fit, wrap};

/// One statement's row.
#[derive(Debug, Clone)]
pub struct GridRow {
    /// Its number in the report.
    pub number: usize,
    /// Its text.
    pub text: String,
    /// Whether it is common ground.
    pub is_common_ground: bool,
    /// One cell per column: the share who agree, and whether enough voted for it to count.
    pub cells: Vec<Option<(f64, bool)>>,
}

/// The grid's content.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The columns' names: everyone, the groups, the constituencies.
    pub columns: Vec<String>,
    /// The rows, by number.
    pub rows: Vec<GridRow>,
}

fn cell(estimate: &Estimate) -> Option<(f64, bool)> {
    estimate
        .rate
        .filter(|rate| rate.is_finite())
        .map(|rate| (rate, estimate.has_enough_votes))
}

/// Reads the grid from an analysis: every statement still in the dialogue, by number.
pub fn of(analysis: &LoadedAnalysis) -> Grid {
    let doc = &analysis.doc;
    let numbers = map::statement_numbers(doc.statements.iter().map(|statement| statement.id));
    let mut columns = vec!["Everyone".to_owned()];
    columns.extend((0..doc.groups.len()).map(group_name));
    columns
        .extend((0..doc.voice.constituencies.len()).map(|index| analysis.constituency_name(index)));
    let width = columns.len();
    let mut rows: Vec<GridRow> = doc
        .statements
        .iter()
        .filter(|statement| !statement.is_moderated_out)
        .map(|statement| {
            let mut cells = Vec::with_capacity(width);
            match &statement.common_ground {
                Some(ground) => {
                    cells.push(cell(&ground.overall));
                    cells.extend(
                        (0..doc.groups.len()).map(|index| ground.groups.get(index).and_then(cell)),
                    );
                    cells.extend(
                        (0..doc.voice.constituencies.len())
                            .map(|index| ground.constituencies.get(index).and_then(cell)),
                    );
                }
                None => cells.resize(width, None),
            }
            GridRow {
                number: numbers.get(&statement.id).copied().unwrap_or_default(),
                text: statement.text.clone(),
                is_common_ground: statement
                    .common_ground
                    .as_ref()
                    .is_some_and(|ground| ground.is_common_ground),
                cells,
            }
        })
        .collect();
    rows.sort_by_key(|row| row.number);
    Grid { columns, rows }
}

/// The colour of a cell: from red (nobody agrees) through white to green (everyone agrees).
#[allow(
    clippy::cast_possible_truncation,
    reason = "each channel is rounded and lies between 0 and 255"
)]
pub fn colour(rate: f64) -> String {
    let rate = rate.clamp(0.0, 1.0);
    let (target, amount) = if rate >= 0.5 {
        ([26.0, 122.0, 62.0], (rate - 0.5) * 2.0)
    } else {
        ([178.0, 34.0, 34.0], (0.5 - rate) * 2.0)
    };
    let mix = |channel: f64| (255.0 + (channel - 255.0) * amount).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(target[0]),
        mix(target[1]),
        mix(target[2])
    )
}

/// Whether a cell's number is written in white (on a dark colour).
fn is_dark(rate: f64) -> bool {
    !(0.2..=0.8).contains(&rate)
}

/// The size and type of a drawn grid.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    /// The drawing's width.
    pub width: f64,
    /// The drawing's height.
    pub height: f64,
    /// The body text size.
    pub font: f64,
    /// The margin around everything.
    pub margin: f64,
}

/// A 1600×900 slide.
pub const SLIDE: Sheet = Sheet {
    width: 1600.0,
    height: 900.0,
    font: 20.0,
    margin: 40.0,
};

/// How many rows fit on a sheet under its title and header.
#[allow(
    clippy::cast_possible_truncation,
    reason = "a sheet holds a few dozen rows at most"
)]
pub fn rows_per_sheet(sheet: Sheet) -> usize {
    let header = sheet.font * 5.2;
    let usable = sheet.height - 2.0 * sheet.margin - sheet.font * 2.6 - header - sheet.font * 2.5;
    ((usable / (sheet.font * 1.8)).floor() as usize).max(1)
}

/// Draws the rows `rows` of the grid on one sheet, as the content of an SVG (no `<svg>` tag),
/// with a title and a footer line.
pub fn draw(grid: &Grid, rows: &[GridRow], sheet: Sheet, title: &str, footer: &str) -> String {
    let Sheet {
        width,
        font,
        margin,
        ..
    } = sheet;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<text x=\"{margin}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
        margin + font * 1.2,
        font * 1.3,
        escape(&fit(title, width - 2.0 * margin, font * 1.3))
    );
    let top = margin + font * 2.6;
    let n_columns = grid.columns.len().max(1) as f64;
    let number_width = font * 2.6;
    let cell_width = ((width - 2.0 * margin) * 0.55 / n_columns).clamp(font * 2.6, font * 5.5);
    let text_width = width - 2.0 * margin - number_width - cell_width * n_columns;
    let header = font * 5.2;
    let left_cells = margin + number_width + text_width;
    let small = font * 0.75;
    for (index, name) in grid.columns.iter().enumerate() {
        let x = left_cells + cell_width * index as f64;
        let lines = wrap(name, cell_width - 4.0, small, 4);
        let first = top + header - small * 1.2 * lines.len() as f64;
        for (line_index, line) in lines.iter().enumerate() {
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"{}\" font-size=\"{small}\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>",
                x + cell_width / 2.0,
                first + small * 1.2 * line_index as f64 + small * 0.8,
                escape(line)
            );
        }
    }
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"{small}\" font-weight=\"bold\" fill=\"{INK}\">Statement</text>",
        margin + number_width,
        top + header - small * 0.4
    );
    let row_height = font * 1.8;
    let mut y = top + header + 4.0;
    for row in rows {
        if row.is_common_ground {
            let _ = write!(
                svg,
                "<rect x=\"{margin}\" y=\"{y}\" width=\"{}\" height=\"{row_height}\" fill=\"#e8f3ec\"/>",
                left_cells - margin
            );
        }
        let baseline = y + row_height / 2.0 + font * 0.36;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{baseline}\" font-size=\"{font}\" font-weight=\"bold\" text-anchor=\"end\" fill=\"{INK}\">{}</text>",
            margin + number_width - font * 0.5,
            row.number
        );
        let mark = if row.is_common_ground { "✓ " } else { "" };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{baseline}\" font-size=\"{font}\" fill=\"{INK}\">{}</text>",
            margin + number_width,
            escape(&fit(
                &format!("{mark}{}", row.text),
                text_width - font * 0.5,
                font
            ))
        );
        for (index, value) in row.cells.iter().enumerate() {
            let x = left_cells + cell_width * index as f64;
            let (fill, text, text_fill, weight) = match value {
                Some((rate, enough)) => (
                    colour(*rate),
                    format!("{}%", (rate * 100.0).round()),
                    if is_dark(*rate) { "#ffffff" } else { INK },
                    if *enough { "bold" } else { "normal" },
                ),
                None => ("#eef0f2".to_owned(), "–".to_owned(), INK, "normal"),
            };
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"2\"/><text x=\"{}\" y=\"{baseline}\" font-size=\"{}\" font-weight=\"{weight}\" text-anchor=\"middle\" fill=\"{text_fill}\">{text}</text>",
                x,
                y,
                cell_width,
                row_height,
                x + cell_width / 2.0,
                font * 0.85
            );
        }
        let _ = write!(
            svg,
            "<line x1=\"{margin}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#c9d0d8\" stroke-width=\"1\"/>",
            y + row_height,
            width - margin,
            y + row_height
        );
        y += row_height;
    }
    if rows.is_empty() {
        let _ = write!(
            svg,
            "<text x=\"{margin}\" y=\"{}\" font-size=\"{font}\" fill=\"{INK}\">No statement has votes to show yet.</text>",
            y + font * 1.5
        );
        y += font * 2.0;
    }
    let _ = write!(
        svg,
        "<text x=\"{margin}\" y=\"{}\" font-size=\"{small}\" fill=\"{INK}\">{}</text>",
        y + font * 1.6,
        escape(&fit(footer, width - 2.0 * margin, small))
    );
    svg
}

/// The grid's standing key, for footers.
pub const KEY: &str = "Each cell: the share who agree, from red (none) to green (all); bold where enough people voted for it to count; – where nobody in the column voted. ✓ marks common ground.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_run_from_red_through_white_to_green() {
        assert_eq!(colour(0.5), "#ffffff");
        assert_eq!(colour(1.0), "#1a7a3e");
        assert_eq!(colour(0.0), "#b22222");
        assert_eq!(colour(2.0), colour(1.0));
    }

    #[test]
    fn a_slide_holds_a_readable_number_of_rows() {
        let rows = rows_per_sheet(SLIDE);
        assert!((12..=20).contains(&rows), "{rows} rows");
    }

    #[test]
    fn the_grid_draws_every_cell_with_its_number() {
        let grid = Grid {
            columns: vec![
                "Everyone".to_owned(),
                "Group 1".to_owned(),
                "Carers & <family>".to_owned(),
            ],
            rows: vec![GridRow {
                number: 1,
                text: "More evening clinics".to_owned(),
                is_common_ground: true,
                cells: vec![Some((0.81, true)), Some((0.5, false)), None],
            }],
        };
        let svg = draw(&grid, &grid.rows, SLIDE, "Grid", KEY);
        assert!(svg.contains(">81%<") && svg.contains(">50%<") && svg.contains(">–<"));
        assert!(svg.contains("Carers &amp;"));
        assert!(svg.contains("✓ More evening clinics"));
    }
}
