//! Writing figures in the Prometheus text exposition format: `# HELP` and `# TYPE` lines per
//! family, one line per sample with escaped label values, histograms as cumulative `_bucket`
//! lines with `_sum` and `_count`.

use std::fmt::Write as _;

/// A histogram with fixed upper bounds; counts are per bucket (made cumulative when written).
#[derive(Debug, Clone)]
pub struct Histogram {
    bounds: Vec<f64>,
    counts: Vec<u64>,
    sum: f64,
    count: u64,
}

impl Histogram {
    /// Returns an empty histogram over ascending upper bounds.
    pub fn new(bounds: &[f64]) -> Histogram {
        Histogram {
            bounds: bounds.to_vec(),
            counts: vec![0; bounds.len()],
            sum: 0.0,
            count: 0,
        }
    }

    /// Adds one observation.
    pub fn observe(&mut self, value: f64) {
        if let Some(index) = self.bounds.iter().position(|&bound| value <= bound) {
            self.counts[index] += 1;
        }
        self.sum += value;
        self.count += 1;
    }
}

/// Escapes a label value: backslash, double quote and line feed.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn labels<'a>(pairs: &[(&'a str, &'a str)], extra: Option<(&'a str, &'a str)>) -> String {
    let all: Vec<String> = pairs
        .iter()
        .copied()
        .chain(extra)
        .map(|(name, value)| format!("{name}=\"{}\"", escape(value)))
        .collect();
    if all.is_empty() {
        String::new()
    } else {
        format!("{{{}}}", all.join(","))
    }
}

/// Formats a bucket bound or a sum the way Prometheus reads it.
fn number(value: f64) -> String {
    if value.is_infinite() {
        "+Inf".to_owned()
    } else {
        format!("{value}")
    }
}

/// A text exposition being written.
#[derive(Debug, Default)]
pub struct Exposition {
    text: String,
}

impl Exposition {
    /// Starts a family of samples.
    pub fn family(&mut self, name: &str, kind: &str, help: &str) {
        let _ = writeln!(self.text, "# HELP {name} {help}");
        let _ = writeln!(self.text, "# TYPE {name} {kind}");
    }

    /// Writes one sample of the current family.
    pub fn sample(&mut self, name: &str, pairs: &[(&str, &str)], value: impl std::fmt::Display) {
        let _ = writeln!(self.text, "{name}{} {value}", labels(pairs, None));
    }

    /// Writes a family of one unlabelled counter.
    pub fn counter(&mut self, name: &str, help: &str, value: u64) {
        self.family(name, "counter", help);
        self.sample(name, &[], value);
    }

    /// Writes a family of one unlabelled gauge.
    pub fn gauge(&mut self, name: &str, help: &str, value: i64) {
        self.family(name, "gauge", help);
        self.sample(name, &[], value);
    }

    /// Writes one histogram of the current family.
    pub fn histogram(&mut self, name: &str, pairs: &[(&str, &str)], histogram: &Histogram) {
        let mut cumulative = 0;
        for (bound, count) in histogram.bounds.iter().zip(&histogram.counts) {
            cumulative += count;
            let bound = number(*bound);
            let _ = writeln!(
                self.text,
                "{name}_bucket{} {cumulative}",
                labels(pairs, Some(("le", &bound)))
            );
        }
        let _ = writeln!(
            self.text,
            "{name}_bucket{} {}",
            labels(pairs, Some(("le", "+Inf"))),
            histogram.count
        );
        let _ = writeln!(
            self.text,
            "{name}_sum{} {}",
            labels(pairs, None),
            number(histogram.sum)
        );
        let _ = writeln!(
            self.text,
            "{name}_count{} {}",
            labels(pairs, None),
            histogram.count
        );
    }

    /// Returns the text.
    pub fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative_and_end_with_inf_sum_and_count() {
        let mut histogram = Histogram::new(&[0.1, 1.0]);
        for value in [0.05, 0.5, 0.7, 3.0] {
            histogram.observe(value);
        }
        let mut out = Exposition::default();
        out.family("t_seconds", "histogram", "A test.");
        out.histogram("t_seconds", &[("route", "/a/{id}")], &histogram);
        let text = out.finish();
        let expected = "# HELP t_seconds A test.\n# TYPE t_seconds histogram\n\
            t_seconds_bucket{route=\"/a/{id}\",le=\"0.1\"} 1\n\
            t_seconds_bucket{route=\"/a/{id}\",le=\"1\"} 3\n\
            t_seconds_bucket{route=\"/a/{id}\",le=\"+Inf\"} 4\n\
            t_seconds_sum{route=\"/a/{id}\"} 4.25\n\
            t_seconds_count{route=\"/a/{id}\"} 4\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn label_values_are_escaped() {
        let mut out = Exposition::default();
        out.sample("x", &[("a", "q\"b\\c\nd")], 1);
        assert_eq!(out.finish(), "x{a=\"q\\\"b\\\\c\\nd\"} 1\n");
    }
}
