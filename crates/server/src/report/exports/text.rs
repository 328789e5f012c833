//! Text layout for the exports' drawings: widths estimated generously for DejaVu Sans, lines
//! wrapped at word boundaries and long lines shortened with an ellipsis.

use super::super::map::labels::text_width;

/// Shortens `text` to fit `width` at `font` size, ending it with "…" when cut.
pub fn fit(text: &str, width: f64, font: f64) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text_width(&text, font) * 0.9 <= width {
        return text;
    }
    ellipsize(&text, width, font)
}

/// Returns as much of `text` as fits `width` with "…" after it.
fn ellipsize(text: &str, width: f64, font: f64) -> String {
    let mut out = String::new();
    for character in text.chars() {
        out.push(character);
        if text_width(&out, font) * 0.9 + font > width {
            out.pop();
            break;
        }
    }
    while !out.is_empty() && text_width(&out, font) * 0.9 + font > width {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// Wraps `text` into at most `max_lines` lines that fit `width`; the last is shortened with
/// "…" when the text is longer. A word longer than a line is cut.
pub fn wrap(text: &str, width: f64, font: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, font) * 0.9 <= width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = word.to_owned();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines.max(1));
    let n = lines.len();
    for (index, line) in lines.iter_mut().enumerate() {
        let last = index + 1 == n;
        if last && cut {
            *line = ellipsize(line, width, font);
        } else {
            *line = fit(line, width, font);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_and_long_text_is_cut_with_an_ellipsis() {
        assert_eq!(
            fit("More  evening\nclinics", 400.0, 20.0),
            "More evening clinics"
        );
        let cut = fit(&"word ".repeat(100), 200.0, 20.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 20.0) * 0.9 <= 200.0 + 20.0);
    }

    #[test]
    fn wrapping_keeps_words_and_the_line_limit() {
        let lines = wrap("Residents' association of the north side", 120.0, 12.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("Residents'"));
        assert!(lines[1].ends_with('…'));
        let unbroken = wrap(&"x".repeat(300), 100.0, 12.0, 3);
        assert_eq!(unbroken.len(), 1);
        assert!(unbroken[0].ends_with('…'));
    }
}
