//! A progress bar on stderr for inputs large enough to keep the user waiting.
//!
//! The bar draws only when stderr is a terminal and the input is large, so pipes, logs and
//! tests see nothing of it.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Votes files above this size (about a million rows) get a progress bar.
pub const LARGE_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Reports reading and analysis progress, or nothing when hidden.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Returns a progress reporter that shows nothing.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    /// Returns a progress reporter for an input of `input_bytes`: visible on a terminal when the
    /// input is large.
    pub fn for_input(input_bytes: u64) -> Progress {
        if input_bytes <= LARGE_INPUT_BYTES {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if bar.is_hidden() {
            return Progress::hidden();
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar: Some(bar) }
    }

    /// Starts a byte-counting bar for reading a file of `total_bytes`.
    pub fn start_reading(&self, file_name: &str, total_bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("reading {file_name}"));
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar.set_length(total_bytes);
            bar.set_position(0);
        }
    }

    /// Moves a reading bar on by `bytes`.
    pub fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    /// Shows a spinner naming the stage now running.
    pub fn stage(&self, message: &str) {
        if let Some(bar) = &self.bar {
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.set_message(message.to_owned());
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
