//! The report's PDF pages, as SVG documents sized in points, in the order of the report page:
//! the summary's plain sentences (the same parts the page opens with) and the common ground
//! (A4 portrait, as many pages as they need), the grid as a table (A4 landscape pages), and
//! the map (A4 landscape).

use std::fmt::Write;

use super::super::map::svg::{FONT_FAMILY, INK, escape};
use super::super::snapshot::LoadedAnalysis;
use super::super::view::SummaryPart;
use super::grid::{self, Sheet};
use super::text::wrap;

/// The A4 page's long side, in points.
const LONG: f64 = 842.0;
/// The A4 page's short side, in points.
const SHORT: f64 = 595.0;
/// The page margin.
const MARGIN: f64 = 48.0;
/// The body text size.
const BODY: f64 = 11.0;
/// The grid's sheet on a landscape page.
const GRID_SHEET: Sheet = Sheet {
    width: LONG,
    height: SHORT,
    font: 9.0,
    margin: 28.0,
};

/// What the PDF says about the dialogue besides its analysis.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The dialogue's title.
    pub title: String,
    /// Its question.
    pub question: String,
    /// How many took part.
    pub n_participants: u64,
    /// How many voted.
    pub n_voters: u64,
    /// How many votes they cast.
    pub n_votes: u64,
}

fn page(width: f64, height: f64, body: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONT_FAMILY}\"><rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>{body}</svg>"
    )
}

fn plural(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// Writes text pages line by line, starting a new page when one is full.
struct Writer {
    pages: Vec<String>,
    current: String,
    y: f64,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            pages: Vec::new(),
            current: String::new(),
            y: MARGIN,
        }
    }

    fn line(&mut self, text: &str, size: f64, bold: bool, indent: f64) {
        if self.y + size * 1.4 > LONG - MARGIN {
            self.break_page();
        }
        self.y += size * 1.4;
        let weight = if bold { "bold" } else { "normal" };
        let _ = write!(
            self.current,
            "<text x=\"{}\" y=\"{}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{INK}\">{}</text>",
            MARGIN + indent,
            self.y,
            escape(text)
        );
    }

    fn paragraph(&mut self, text: &str, size: f64, bold: bool, indent: f64, max_lines: usize) {
        for line in wrap(text, SHORT - 2.0 * MARGIN - indent, size, max_lines) {
            self.line(&line, size, bold, indent);
        }
    }

    fn space(&mut self, amount: f64) {
        self.y += amount;
    }

    fn break_page(&mut self) {
        self.pages
            .push(page(SHORT, LONG, &std::mem::take(&mut self.current)));
        self.y = MARGIN;
    }

    fn finish(mut self) -> Vec<String> {
        if !self.current.is_empty() {
            self.break_page();
        }
        self.pages
    }
}

/// Returns the PDF's pages; `summary` is the report's summary (empty before any analysis of
/// votes) and `map_slide` the map's 1600×900 SVG.
pub fn pages(
    facts: &Facts,
    analysis: Option<&LoadedAnalysis>,
    summary: &[SummaryPart],
    map_slide: &str,
) -> Vec<String> {
    let mut writer = Writer::new();
    writer.paragraph(&facts.title, 20.0, true, 0.0, 3);
    writer.paragraph(&facts.question, 13.0, false, 0.0, 4);
    writer.space(8.0);
    let grid = analysis.map(grid::of);
    if summary.is_empty() {
        let facts = format!(
            "{} took part; {} cast {}.",
            plural(facts.n_participants, "person", "people"),
            plural(facts.n_voters, "voter", "voters"),
            plural(facts.n_votes, "vote", "votes"),
        );
        writer.paragraph(&facts, BODY, false, 0.0, 6);
    }
    for part in summary {
        writer.space(6.0);
        writer.line(&part.heading, 13.0, true, 0.0);
        writer.space(2.0);
        for sentence in &part.sentences {
            writer.paragraph(sentence, BODY, false, 0.0, 12);
        }
        for item in &part.items {
            let detail = if item.detail.is_empty() {
                String::new()
            } else {
                format!(" ({})", item.detail)
            };
            writer.paragraph(
                &format!("Statement {}: {}{detail}", item.number, item.text),
                BODY,
                false,
                14.0,
                8,
            );
        }
    }
    writer.space(10.0);
    writer.line("Common ground", 15.0, true, 0.0);
    writer.space(4.0);
    let common: Vec<&grid::GridRow> = grid
        .as_ref()
        .map(|grid| {
            grid.rows
                .iter()
                .filter(|row| row.is_common_ground)
                .collect()
        })
        .unwrap_or_default();
    if analysis.is_none() {
        writer.paragraph(
            "The analysis appears once enough people have voted.",
            BODY,
            false,
            0.0,
            2,
        );
    } else if common.is_empty() {
        writer.paragraph("No statement is common ground yet.", BODY, false, 0.0, 3);
    }
    for row in common {
        writer.paragraph(&format!("{}. {}", row.number, row.text), BODY, true, 0.0, 6);
        if let Some(Some((rate, _))) = row.cells.first() {
            writer.line(
                &format!("{}% of everyone agree.", (rate * 100.0).round()),
                BODY * 0.9,
                false,
                14.0,
            );
        }
        writer.space(4.0);
    }
    let mut pages = writer.finish();
    if let Some(grid) = &grid {
        let per_page = grid::rows_per_sheet(GRID_SHEET);
        let chunks: Vec<&[grid::GridRow]> = grid.rows.chunks(per_page).collect();
        let n_pages = chunks.len().max(1);
        for (index, rows) in chunks.iter().enumerate() {
            let footer = format!("Grid page {} of {n_pages}. {}", index + 1, grid::KEY);
            pages.push(page(
                LONG,
                SHORT,
                &grid::draw(
                    grid,
                    rows,
                    GRID_SHEET,
                    "Statements by group and constituency",
                    &footer,
                ),
            ));
        }
    }
    let inner = map_slide
        .split_once('>')
        .map(|(_, rest)| rest.trim_end_matches("</svg>"))
        .unwrap_or_default();
    let scale = (LONG - 2.0 * 28.0) / 1600.0;
    pages.push(page(
        LONG,
        SHORT,
        &format!(
            "<g transform=\"translate(28 {}) scale({scale})\">{inner}</g>",
            (SHORT - 900.0 * scale) / 2.0
        ),
    ));
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_an_analysis_the_pdf_still_says_what_it_knows() {
        let facts = Facts {
            title: "Healthy ageing".to_owned(),
            question: "What would help?".to_owned(),
            n_participants: 1,
            n_voters: 0,
            n_votes: 0,
        };
        let slide = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600\" height=\"900\"><rect width=\"10\" height=\"10\"/></svg>";
        let pages = pages(&facts, None, &[], slide);
        assert_eq!(pages.len(), 2, "the summary and the map");
        assert!(pages[0].contains("1 person took part; 0 voters cast 0 votes."));
        assert!(pages[1].contains("<rect width=\"10\" height=\"10\"/>"));
    }
}
