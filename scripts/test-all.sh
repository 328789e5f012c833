#!/usr/bin/env bash
# Runs every check and test of the project on this machine, installing what a fresh
# Debian machine lacks. This is the README's test command; `.ci/run` calls it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export DEBIAN_FRONTEND=noninteractive
SECONDS=0
log() { echo "[test-all +${SECONDS}s] $*" >&2; }

# PostgreSQL: the store and server suites run against it as well as SQLite. With CI set,
# a suite that cannot reach it fails instead of skipping.
export CI=${CI:-true}
log "checking PostgreSQL"
eval "$(bash "$ROOT/.ci/pg-start.sh")"
log "PostgreSQL at $TEST_PG_URL"

log "cargo fmt --check"
cargo fmt --all -- --check

log "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

if cargo nextest --version >/dev/null 2>&1; then
  log "cargo nextest run"
  cargo nextest run --workspace --locked --no-fail-fast
else
  log "cargo test (cargo-nextest is not installed)"
  cargo test --workspace --all-targets --locked --no-fail-fast
fi
log "browser tests (headless Chromium)"
cargo build -p commonground --locked
COMMONGROUND_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/commonground" bash "$ROOT/e2e/run.sh"

log "all checks passed"
