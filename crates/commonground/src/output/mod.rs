//! Where analysis results go: the three output formats and the one place that writes them,
//! to stdout or atomically to a file.

pub mod json;
pub mod polis;
pub mod summary;

use std::io::{self, Write};
use std::path::Path;

use anyhow::Context;

/// The output formats of `commonground analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable report for the terminal.
    Summary,
    /// Common Ground's documented JSON (agree = +1).
    Json,
    /// JSON shaped like Pol.is's `math-pca2` (agree = -1), for tools that read Pol.is output.
    Polis,
}

/// Writes `bytes` to `out`, or to stdout when `out` is `None`.
///
/// A file is written atomically: to a temporary file beside it, then renamed over it, so a
/// reader never sees half a result and a failed run leaves any previous file in place.
pub fn write(bytes: &[u8], out: Option<&Path>) -> anyhow::Result<()> {
    match out {
        None => write_stdout(bytes).context("cannot write to stdout"),
        Some(path) => write_atomically(bytes, path)
            .with_context(|| format!("cannot write {}", path.display())),
    }
}

fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    let result = stdout.write_all(bytes).and_then(|()| stdout.flush());
    match result {
        // A closed pipe (`| head`) means the reader has all it wants.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn write_atomically(bytes: &[u8], path: &Path) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_no_temporary_file_is_left() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("analysis.json");
        std::fs::write(&path, "old").unwrap();
        write(b"new content", Some(&path)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new content");
        let entries = std::fs::read_dir(folder.path()).unwrap().count();
        assert_eq!(entries, 1);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("absent").join("analysis.json");
        let error = write(b"x", Some(&path)).unwrap_err();
        assert!(format!("{error:#}").starts_with(&format!("cannot write {}", path.display())));
    }
}
