//! Tidy: rules about the source tree that the compiler does not check. The engine stays pure
//! (no file, network, clock, environment or process API), every Rust file opens with a `//!`
//! line, no file or module is a grab-bag named utils, helpers or misc, and no block of 12 or
//! more lines is repeated in non-test code, and every stylesheet closes each block it opens
//! (an unclosed `@media` silently confines every later rule to that screen size). Each failure
//! names the files and lines at fault.

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Names that say nothing about what a file or module holds.
const GRAB_BAG_NAMES: &[&str] = &["utils", "helpers", "misc"];

/// How many lines a repeated block may have before it counts.
const REPEATED_BLOCK_LINES: usize = 12;

/// APIs the engine must not use: files, network, clocks, environment, processes, the async
/// runtime and HTTP clients, and randomness it was not seeded for.
const IMPURE_APIS: &[&str] = &[
    "std::fs",
    "std::net",
    "std::env",
    "std::process",
    "SystemTime",
    "Instant",
    "thread::sleep",
    "std::io::stdin",
    "std::io::stdout",
    "std::io::stderr",
    "File::",
    "OpenOptions",
    "TcpStream",
    "UdpSocket",
    "tokio",
    "reqwest",
    "thread_rng",
    "OsRng",
    "rand::rng()",
    "env::var",
    "fs::",
    "net::",
    "process::",
];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}

/// Every `.rs` file under `folder`, skipping hidden folders, build output and node modules.
fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" && name != "node_modules" {
                    pending.push(path);
                }
            } else if name.ends_with(".rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The path of a file relative to the workspace root, for messages.
fn shown(path: &Path) -> String {
    path.strip_prefix(workspace_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// A line without its `//` comment (a doc comment too); `//` inside a string is rare enough in
/// the engine to be ignored.
fn code_part(line: &str) -> &str {
    line.find("//").map_or(line, |start| &line[..start])
}

/// Returns whether `needle` occurs in `code` as a whole path or name (not inside a longer name).
fn mentions(code: &str, needle: &str) -> bool {
    let is_name_char = |c: char| c.is_alphanumeric() || c == '_';
    let ends_in_name = needle.ends_with(is_name_char);
    code.match_indices(needle).any(|(start, _)| {
        let before = code[..start].chars().next_back();
        let after = code[start + needle.len()..].chars().next();
        let joins_a_name_before = before.is_some_and(is_name_char);
        let joins_a_name_after = ends_in_name && after.is_some_and(is_name_char);
        !(joins_a_name_before || joins_a_name_after)
    })
}

fn impure_uses(files: &[PathBuf]) -> Vec<String> {
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).unwrap();
        for (index, line) in text.lines().enumerate() {
            let code = code_part(line);
            for api in IMPURE_APIS {
                if mentions(code, api) {
                    found.push(format!(
                        "{}:{}: uses {api}: {}",
                        shown(path),
                        index + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    found
}

fn files_without_module_doc(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            !text
                .lines()
                .next()
                .is_some_and(|line| line.starts_with("//!"))
        })
        .map(|path| format!("{}:1: does not start with a `//!` line", shown(path)))
        .collect()
}

/// The module a line declares (`mod name;`, `pub(crate) mod name {`), if it declares one.
fn declared_module(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let rest = line
        .strip_prefix("pub ")
        .or_else(|| line.strip_prefix("pub(crate) "))
        .or_else(|| line.strip_prefix("pub(super) "))
        .unwrap_or(line);
    let rest = rest.strip_prefix("mod ")?;
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

fn grab_bag_names(files: &[PathBuf]) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = BTreeSet::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy();
        if GRAB_BAG_NAMES.contains(&stem.as_ref()) {
            found.push(format!("{}: a file named {stem}", shown(path)));
        }
        for folder in path.ancestors().skip(1) {
            if folder == workspace_root() {
                break;
            }
            folders.insert(folder.to_path_buf());
        }
        let text = std::fs::read_to_string(path).unwrap();
        for (index, line) in text.lines().enumerate() {
            if let Some(name) = declared_module(line)
                && GRAB_BAG_NAMES.contains(&name)
            {
                found.push(format!(
                    "{}:{}: a module named {name}",
                    shown(path),
                    index + 1
                ));
            }
        }
    }
    for folder in folders {
        let name = folder.file_name().unwrap().to_string_lossy();
        if GRAB_BAG_NAMES.contains(&name.as_ref()) {
            found.push(format!("{}: a folder named {name}", shown(&folder)));
        }
    }
    found
}

/// Whether a file holds production code: under a crate's `src/`, and not a `tests.rs`.
fn is_production_source(path: &Path) -> bool {
    let relative = path.strip_prefix(workspace_root()).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    let in_src = match parts.first().map(String::as_str) {
        Some("crates") => parts.get(2).is_some_and(|part| part == "src"),
        Some(_) => parts.get(1).is_some_and(|part| part == "src"),
        None => false,
    };
    in_src && relative.file_name().is_some_and(|name| name != "tests.rs")
}

/// The lines of a file that count for repetition, with their line numbers: up to the first
/// test module (a `#[cfg(test)]` line followed by a `mod` with a body), trimmed, without blank
/// lines and lines of braces and punctuation alone.
fn counted_lines(text: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut after_cfg_test = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.chars().all(|c| "{}()[];,".contains(c)) {
            continue;
        }
        if after_cfg_test && declared_module(line).is_some() && line.ends_with('{') {
            break;
        }
        after_cfg_test = line.starts_with("#[cfg(test)]");
        lines.push((index + 1, line));
    }
    lines
}

/// Finds every block of `size` counted lines that appears more than once, and reports each
/// block once, at its first line in every place it appears.
fn repeated_blocks(sources: &[(String, String)], size: usize) -> Vec<String> {
    let counted: Vec<Vec<(usize, &str)>> = sources
        .iter()
        .map(|(_, text)| counted_lines(text))
        .collect();
    // Each window of `size` lines, to where it appears (file index, window index).
    let mut windows: BTreeMap<Vec<&str>, Vec<(usize, usize)>> = BTreeMap::new();
    for (file, lines) in counted.iter().enumerate() {
        for start in 0..lines.len().saturating_sub(size - 1) {
            let window: Vec<&str> = lines[start..start + size].iter().map(|l| l.1).collect();
            windows.entry(window).or_default().push((file, start));
        }
    }
    let repeated: BTreeSet<(usize, usize)> = windows
        .values()
        .filter(|places| places.len() > 1)
        .flatten()
        .copied()
        .collect();
    let mut found = Vec::new();
    for places in windows.values().filter(|places| places.len() > 1) {
        // A window that continues a repeated one is part of a block reported already.
        let continues =
            |&(file, start): &(usize, usize)| start > 0 && repeated.contains(&(file, start - 1));
        if places.iter().all(continues) {
            continue;
        }
        let where_: Vec<String> = places
            .iter()
            .map(|&(file, start)| format!("{}:{}", sources[file].0, counted[file][start].0))
            .collect();
        found.push(format!(
            "a block of {size} or more lines appears {} times: {}",
            places.len(),
            where_.join(", ")
        ));
    }
    found
}

/// Returns where a stylesheet's braces do not pair up: a `}` with nothing open, or a block left
/// open at the end, named by the line that opened it. Comments and quoted strings are skipped.
fn unbalanced_braces(name: &str, css: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut line = 1;
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for inner in chars.by_ref() {
                    if inner == '\n' {
                        line += 1;
                    }
                    if previous == '*' && inner == '/' {
                        break;
                    }
                    previous = inner;
                }
            }
            '"' | '\'' => {
                for inner in chars.by_ref() {
                    if inner == c || inner == '\n' {
                        line += usize::from(inner == '\n');
                        break;
                    }
                }
            }
            '{' => open.push(line),
            '}' if open.pop().is_none() => {
                problems.push(format!("{name}:{line}: `}}` closes nothing"));
            }
            _ => {}
        }
    }
    problems.extend(
        open.iter()
            .map(|opened| format!("{name}:{opened}: this block is never closed")),
    );
    problems
}

fn fail_on(problems: &[String], rule: &str) {
    assert!(problems.is_empty(), "{rule}:\n  {}", problems.join("\n  "));
}

#[test]
fn the_engine_uses_no_file_network_clock_environment_or_process_api() {
    let engine_src = workspace_root().join("crates/engine/src");
    let files = rust_files(&engine_src);
    assert!(!files.is_empty(), "no engine sources under {engine_src:?}");
    fail_on(
        &impure_uses(&files),
        "the engine must stay pure (ARCHITECTURE.md, crates/engine)",
    );
}

#[test]
fn every_rust_file_starts_with_a_module_doc_line() {
    let files = rust_files(&workspace_root());
    fail_on(
        &files_without_module_doc(&files),
        "every source file starts with a `//!` line saying what it is for",
    );
}

#[test]
fn no_file_folder_or_module_is_named_utils_helpers_or_misc() {
    let files = rust_files(&workspace_root());
    fail_on(
        &grab_bag_names(&files),
        "name files and modules for what they hold, not utils, helpers or misc",
    );
}

#[test]
fn no_block_of_twelve_lines_is_repeated_in_non_test_code() {
    let sources: Vec<(String, String)> = rust_files(&workspace_root())
        .into_iter()
        .filter(|path| is_production_source(path))
        .map(|path| (shown(&path), std::fs::read_to_string(&path).unwrap()))
        .collect();
    assert!(sources.len() > 20, "found only {} sources", sources.len());
    fail_on(
        &repeated_blocks(&sources, REPEATED_BLOCK_LINES),
        "share repeated code instead of copying it",
    );
}

/// The checks themselves must catch what they are there to catch.
mod the_checks_find {
    use super::*;

    #[test]
    fn impure_paths_but_not_names_that_merely_contain_them() {
        assert!(mentions("use std::fs::File;", "std::fs"));
        assert!(mentions("let t = Instant::now();", "Instant"));
        assert!(mentions("use std::time::{Duration, Instant};", "Instant"));
        assert!(!mentions("struct Instantly;", "Instant"));
        assert!(mentions("    fs::read(path)", "fs::"));
        assert!(!mentions("let prefs::x = 1;", "fs::"));
        assert!(!mentions("crate::subprocess::run", "process::"));
        assert_eq!(
            code_part("let x = 1; // std::fs is not used"),
            "let x = 1; "
        );
    }

    #[test]
    fn module_declarations_of_every_visibility() {
        assert_eq!(declared_module("mod helpers;"), Some("helpers"));
        assert_eq!(declared_module("  pub(crate) mod utils {"), Some("utils"));
        assert_eq!(declared_module("pub mod misc;"), Some("misc"));
        assert_eq!(declared_module("let module = 1;"), None);
    }

    #[test]
    fn a_repeated_block_once_with_both_places_and_not_a_short_one() {
        let block: String = (0..14)
            .map(|i| format!("let v{i} = {i};\n{{\n\n"))
            .collect();
        let first = format!("//! a\nfn a() {{\n{block}}}\n");
        let second =
            format!("//! b\n\nfn b() {{\n{block}}}\n#[cfg(test)]\nmod tests {{\n{block}}}");
        let sources = vec![("a.rs".to_owned(), first), ("b.rs".to_owned(), second)];
        let found = repeated_blocks(&sources, 12);
        assert_eq!(
            found,
            vec!["a block of 12 or more lines appears 2 times: a.rs:3, b.rs:4".to_owned()]
        );
        assert!(repeated_blocks(&sources, 15).is_empty());
    }

    #[test]
    fn production_sources_by_their_place() {
        let root = workspace_root();
        assert!(is_production_source(&root.join("crates/store/src/lib.rs")));
        assert!(is_production_source(&root.join("xtask/src/main.rs")));
        assert!(!is_production_source(
            &root.join("crates/server/src/web/tests.rs")
        ));
        assert!(!is_production_source(
            &root.join("crates/server/tests/it/main.rs")
        ));
    }
}

#[test]
fn every_stylesheet_closes_each_block_it_opens() {
    let mut sheets = Vec::new();
    let mut folders = vec![workspace_root().join("crates")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "css") {
                sheets.push(path);
            }
        }
    }
    assert!(!sheets.is_empty(), "no stylesheet found under crates/");
    let problems: Vec<String> = sheets
        .iter()
        .flat_map(|path| unbalanced_braces(&shown(path), &std::fs::read_to_string(path).unwrap()))
        .collect();
    fail_on(&problems, "every `{` in a stylesheet needs its `}`");
}

#[test]
fn an_unclosed_media_block_is_named_by_its_line() {
    let css = "a { color: red; }\n@media (max-width: 40rem) {\n  b { margin: 0; }\n/* } */\nc { content: \"}\"; }\n";
    assert_eq!(
        unbalanced_braces("app.css", css),
        vec!["app.css:2: this block is never closed".to_owned()]
    );
    assert_eq!(
        unbalanced_braces("app.css", "a { }\n}\n"),
        vec!["app.css:2: `}` closes nothing".to_owned()]
    );
    assert!(unbalanced_braces("app.css", "@media print { a { b: c; } }").is_empty());
}
