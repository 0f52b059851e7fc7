#!/usr/bin/env bash
# Arena's own PostgreSQL: a private cluster under .data/postgres in the repo, run by an unprivileged user
# (the Debian "postgres" account when started as root), listening on 127.0.0.1 only, on a free port below 32768
# (ports in the ephemeral range collide with outgoing connections on restart), password auth.
#
#   infra/postgres.sh start     install PostgreSQL from Debian packages if missing, init once, start; prints the connection string
#   infra/postgres.sh stop
#   infra/postgres.sh status
#   infra/postgres.sh url [DB]  the Npgsql connection string (default database: arena)
#
# ARENA_PG_DIR overrides the folder; ARENA_PG_FAST=1 turns off fsync (tests only: a crash may lose data).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="${ARENA_PG_DIR:-$ROOT/.data/postgres}"
say() { echo "postgres: $*" >&2; }
# As root the cluster runs as "postgres", which must reach the folder; a repo under a 700 home directory is not
# reachable, so the cluster then lives in /var/lib/arena instead (one per checkout).
if [[ $(id -u) -eq 0 ]] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
  BASE="/var/lib/arena/$(printf '%s' "$BASE" | md5sum | cut -c1-12)"
  mkdir -p "$BASE"
fi
DATA="$BASE/data"

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$bin" ]]; then
    [[ $(id -u) -eq 0 ]] || { say "PostgreSQL is not installed; run as root once or: sudo apt-get install -y postgresql"; exit 1; }
    say "installing PostgreSQL from Debian packages"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$bin"
}

# Run a command as the cluster's owner: root hands it to "postgres" (PostgreSQL refuses to run as root).
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

init_cluster() {
  local bin=$1
  mkdir -p "$BASE"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$BASE"
    # The owner must be able to reach the folder (a repo under a 700 home directory is not reachable).
    runuser -u postgres -- test -w "$BASE" || { say "user postgres cannot write $BASE; set ARENA_PG_DIR to a reachable folder"; exit 1; }
  fi
  chmod 700 "$BASE"
  local pw; pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' )
  as_owner bash -c "umask 077; printf '%s' '$pw' > '$BASE/password'"
  as_owner "$bin/initdb" -D "$DATA" -U arena --pwfile="$BASE/password" --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  local port=15432
  while ! port_free $port; do port=$((port + 1)); done
  as_owner bash -c "printf '%s' $port > '$BASE/port'"
  say "initialised a cluster in $DATA (port $port)"
}

url() {
  local db=${1:-arena}
  echo "Host=127.0.0.1;Port=$(cat "$BASE/port");Username=arena;Password=$(as_owner cat "$BASE/password");Database=$db"
}

running() { [[ -f "$DATA/postmaster.pid" ]] && as_owner "$(pg_bin)/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
  local bin; bin=$(pg_bin)
  [[ -f "$DATA/PG_VERSION" ]] || init_cluster "$bin"
  if ! running; then
    local port; port=$(cat "$BASE/port")
    if ! port_free "$port"; then
      port=15432; while ! port_free $port; do port=$((port + 1)); done
      as_owner bash -c "printf '%s' $port > '$BASE/port'"
    fi
    local opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$BASE' -c max_connections=200"
    [[ "${ARENA_PG_FAST:-0}" == 1 ]] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$BASE/server.log" -o "$opts" -w -t 60 start >/dev/null
    say "started on 127.0.0.1:$port"
  fi
  local port; port=$(cat "$BASE/port")
  local pw; pw=$(as_owner cat "$BASE/password")
  for db in arena arena_test; do
    if ! PGPASSWORD="$pw" "$bin/psql" -h 127.0.0.1 -p "$port" -U arena -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
      PGPASSWORD="$pw" "$bin/psql" -h 127.0.0.1 -p "$port" -U arena -d postgres -qc "create database $db" >/dev/null
    fi
  done
  url
}

stop() {
  if running; then as_owner "$(pg_bin)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; say "stopped"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on 127.0.0.1:$(cat "$BASE/port")"; else echo "stopped"; exit 3; fi ;;
  url) url "${2:-arena}" ;;
  *) echo "usage: $0 start|stop|status|url [DB]" >&2; exit 2 ;;
esac
