//! Project automation: `cargo xtask <task>`.

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        None => anyhow::bail!("usage: cargo xtask <task>"),
        Some(other) => anyhow::bail!("unknown task `{other}`"),
    }
}
