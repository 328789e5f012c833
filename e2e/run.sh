#!/usr/bin/env bash
# Runs the browser tests against a fresh server: installs Chromium and the Node packages when
# missing, creates a convenor on a new SQLite file, starts `commonground serve` on a free port,
# runs the tests and stops the server. Builds nothing: COMMONGROUND_BIN names the binary.
# Screenshots go to e2e/screenshots/. Exits non-zero on any failure. Arguments, when given, name
# the test files to run (relative to e2e/, e.g. tests/report.test.mjs); by default all of them.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${COMMONGROUND_BIN:?set COMMONGROUND_BIN to the path of the commonground binary}
[ -x "$BIN" ] || { echo "e2e: $BIN is not an executable" >&2; exit 1; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing chromium" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
fi
cd "$HERE"
if [ "$#" -gt 0 ]; then TESTS=("$@"); else TESTS=("$HERE/tests/"); fi
npm ci --no-audit --no-fund --loglevel=error >&2

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

DATABASE="sqlite:$WORK/e2e.db"
EMAIL=e2e@example.org
PASSWORD=$(node -e 'process.stdout.write(require("node:crypto").randomBytes(12).toString("hex"))')
printf '%s\n' "$PASSWORD" | "$BIN" convenor add "$EMAIL" --database "$DATABASE" >&2

PORT=$(node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close();})')
BASE_URL="http://127.0.0.1:$PORT"
"$BIN" serve --database "$DATABASE" --listen "127.0.0.1:$PORT" --analysis-debounce-ms 100 --seed 7 \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

# Poll until the server answers (at most 30 s), or stop if it died.
node -e '
const url = process.argv[1] + "/healthz";
const deadline = Date.now() + 30000;
(async () => {
  while (Date.now() < deadline) {
    try { if ((await fetch(url)).ok) { return; } } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.error("e2e: the server did not answer " + url);
  process.exit(1);
})();
' "$BASE_URL" || { cat "$WORK/server.log" >&2; exit 1; }

mkdir -p "$HERE/screenshots"
set +e
E2E_BASE_URL="$BASE_URL" E2E_EMAIL="$EMAIL" E2E_PASSWORD="$PASSWORD" E2E_SCREENSHOTS="$HERE/screenshots" \
  timeout 600 node --test --test-concurrency=1 --test-timeout=120000 "${TESTS[@]}"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "e2e: failed; the server's log follows" >&2
  tail -n 60 "$WORK/server.log" >&2
fi
exit "$status"
