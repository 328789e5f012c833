#!/usr/bin/env bash
# Makes a PostgreSQL server reachable on 127.0.0.1:5432 for the test suites and prints the line
#   export TEST_PG_URL=postgres://...
# on stdout (everything else goes to stderr), so callers run: eval "$(bash .ci/pg-start.sh)".
# Idempotent: a server that already answers is used as it is; an installed but stopped cluster is
# started; on a machine without PostgreSQL the Debian package is installed first, and the client
# tools (pg_dump, pg_restore, psql) whenever they are missing.
set -euo pipefail

HOST=127.0.0.1
PORT=5432
DATABASE=${TEST_PG_DATABASE:-test}
export PGCONNECT_TIMEOUT=5

log() { echo "[pg-start] $*" >&2; }

answers() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

if ! answers; then
  if [ -z "$(pg_bin)" ]; then
    log "PostgreSQL is not installed; installing it"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$version" ]; then
    version=$(basename "$(dirname "$(pg_bin || true)")")
    log "creating cluster $version/main"
    pg_createcluster "$version" main >&2
  fi
  if ! answers; then
    log "starting cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  fi
  for _ in $(seq 1 60); do
    answers && break
    sleep 1
  done
  answers || { log "PostgreSQL did not start on $HOST:$PORT"; exit 1; }
fi

# `commonground backup` and `restore` (and their tests) run pg_dump, pg_restore and psql from
# PATH; Debian ships them in postgresql-client, which a server reached elsewhere may not bring.
if ! command -v pg_dump >/dev/null || ! command -v pg_restore >/dev/null || ! command -v psql >/dev/null; then
  log "installing PostgreSQL's client tools"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql-client >&2
fi

PSQL="$(pg_bin || true)/psql"
[ -x "$PSQL" ] || PSQL=psql

# Trust authentication needs no password; the Debian cluster asks for one over TCP, so give the
# postgres role a known password through the local socket (peer authentication as postgres).
url="postgres://postgres@$HOST:$PORT"
if ! "$PSQL" -w "$url/postgres" -qtAc "SELECT 1" >/dev/null 2>&1; then
  log "password authentication is required; setting a password for role postgres"
  runuser -u postgres -- "$PSQL" -p "$PORT" -qc "ALTER USER postgres PASSWORD 'postgres'" >&2
  url="postgres://postgres:postgres@$HOST:$PORT"
  "$PSQL" -w "$url/postgres" -qtAc "SELECT 1" >/dev/null
fi

if ! "$PSQL" -w "$url/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1; then
  log "creating database $DATABASE"
  "$PSQL" -w "$url/postgres" -qc "CREATE DATABASE \"$DATABASE\"" >&2
fi

log "PostgreSQL is ready at $HOST:$PORT, database $DATABASE"
echo "export TEST_PG_URL='$url/$DATABASE'"
