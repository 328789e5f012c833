//! Measuring for the bench binaries: wall and CPU time, peak memory, the machine's load.
#![allow(
    dead_code,
    reason = "each bench binary includes this module and uses part of it"
)]

use std::time::{Duration, Instant};

/// A moment in wall time and in the process's CPU time (user + system, all threads).
pub struct Mark {
    wall: Instant,
    cpu: Option<f64>,
}

impl Mark {
    pub fn now() -> Mark {
        Mark {
            wall: Instant::now(),
            cpu: process_cpu_seconds(),
        }
    }

    /// Returns "wall W s  cpu C s" from `earlier` to this mark. On a shared machine the wall
    /// time includes waiting for a core; the CPU time does not.
    pub fn since(&self, earlier: &Mark) -> String {
        let wall = seconds(self.wall - earlier.wall);
        match (self.cpu, earlier.cpu) {
            (Some(now), Some(then)) => format!("wall {wall:>8.3} s  cpu {:>8.2} s", now - then),
            _ => format!("wall {wall:>8.3} s  cpu      n/a"),
        }
    }
}

/// Returns the CPU time the process has used, from `/proc/self/stat` (clock ticks of 10 ms).
pub fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let user: f64 = fields.get(11)?.parse().ok()?;
    let system: f64 = fields.get(12)?.parse().ok()?;
    Some((user + system) / CLOCK_TICKS_PER_SECOND)
}

/// The kernel's USER_HZ, 100 on Linux.
pub const CLOCK_TICKS_PER_SECOND: f64 = 100.0;

pub fn seconds(duration: Duration) -> f64 {
    duration.as_secs_f64()
}

/// Returns the index of the median run (the lower middle one for an even count, so that the
/// median is a run that happened).
pub fn median_index(values: &[f64]) -> usize {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    order[(order.len().saturating_sub(1)) / 2]
}

/// Reads one `kB` field of `/proc/self/status`.
pub fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim_start_matches(':').split_whitespace().next())
        .and_then(|number| number.parse().ok())
}

/// Returns the peak resident memory since start or since the last reset.
pub fn peak_memory_kib() -> Option<u64> {
    status_kib("VmHWM")
}

/// Resets the peak to the current resident memory (Linux `clear_refs` value 5), so that the
/// next reading covers only what runs after it; harmless where the kernel does not support it.
pub fn reset_peak_memory() {
    if std::fs::write("/proc/self/clear_refs", "5").is_err() {
        eprintln!("note: cannot reset the peak memory; peaks include earlier stages");
    }
}

pub fn format_kib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "n/a".to_string(),
        |kib| format!("{:.0} MiB", kib as f64 / 1024.0),
    )
}

/// Returns the 1-minute load average, which says how much other work shared the cores.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "n/a".to_string())
}

pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}

impl Mark {
    /// The wall seconds from `earlier` to this mark.
    pub fn wall_seconds_since(&self, earlier: &Mark) -> f64 {
        seconds(self.wall - earlier.wall)
    }
}
