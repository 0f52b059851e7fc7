#!/usr/bin/env bash
# Arena's own RabbitMQ broker: a private node under .data/rabbitmq in the repo, listening on 127.0.0.1 only, on
# free ports below 32768 (ports in the ephemeral range collide with outgoing connections on restart), with its own
# Erlang cookie and epmd so it never meets another node on the machine. The default "guest" account, which RabbitMQ
# lets in from loopback only.
#
#   infra/rabbitmq.sh start         install rabbitmq-server from Debian packages if missing, start; prints host:port
#   infra/rabbitmq.sh stop
#   infra/rabbitmq.sh status
#   infra/rabbitmq.sh vhost NAME    create a virtual host (guest may use it); tests isolate themselves this way
#   infra/rabbitmq.sh rmvhost NAME
#
# ARENA_MQ_DIR overrides the folder. The platform uses the in-memory bus unless Arena:Bus is RabbitMq; this
# script is for the tests and for trying the distributed set-up on one machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="${ARENA_MQ_DIR:-$ROOT/.data/rabbitmq}"
BIN=/usr/lib/rabbitmq/bin
say() { echo "rabbitmq: $*" >&2; }

port_free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

install() {
  [[ -x "$BIN/rabbitmq-server" ]] && return
  [[ $(id -u) -eq 0 ]] || { say "RabbitMQ is not installed; run as root once or: sudo apt-get install -y rabbitmq-server"; exit 1; }
  say "installing rabbitmq-server from Debian packages"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends rabbitmq-server >&2
  # The package starts nothing here (no systemd); make sure of it all the same, so only our node runs.
}

# The node's environment. The /usr/sbin wrappers switch user and then fail on the cookie: call the scripts in
# $BIN directly, as whoever runs this, with a HOME of the node's own (it holds .erlang.cookie).
node_env() {
  local port; port=$(cat "$BASE/port")
  export HOME="$BASE/home"
  export RABBITMQ_NODENAME="arena-$port@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port"
  export RABBITMQ_DIST_PORT=$((port + 10000)) ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$((port - 1000))
  export RABBITMQ_MNESIA_BASE="$BASE/mnesia" RABBITMQ_LOG_BASE="$BASE/log" RABBITMQ_PID_FILE="$BASE/node.pid"
  export RABBITMQ_CONFIG_FILE="$BASE/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$BASE/enabled_plugins"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

ctl() { "$BIN/rabbitmqctl" -n "$RABBITMQ_NODENAME" "$@"; }

init_node() {
  mkdir -p "$BASE/home" "$BASE/mnesia" "$BASE/log"
  chmod 700 "$BASE"
  # Three ports: AMQP, Erlang distribution (+10000) and epmd (−1000), all free and below 32768.
  local port=5680
  while ! { port_free "$port" && port_free $((port + 10000)) && port_free $((port - 1000)); }; do port=$((port + 1)); done
  printf '%s' "$port" > "$BASE/port"
  (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$BASE/home/.erlang.cookie")
  chmod 400 "$BASE/home/.erlang.cookie"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users.guest = true\n' "$port" > "$BASE/rabbitmq.conf"
  printf '[].\n' > "$BASE/enabled_plugins"
  say "initialised a node in $BASE (port $port)"
}

running() { [[ -f "$BASE/port" ]] && node_env && ctl status >/dev/null 2>&1; }

start() {
  install
  [[ -f "$BASE/port" ]] || init_node
  if ! running; then
    # A port taken since the last run (by anything): move the node's ports, keep its data. (Not epmd's: the
    # status check above has just started our own epmd on it.)
    local port; port=$(cat "$BASE/port")
    if ! { port_free "$port" && port_free $((port + 10000)); }; then
      rm -f "$BASE/port"; init_node >/dev/null 2>&1 || true
    fi
    node_env
    "$BIN/rabbitmq-server" -detached >/dev/null 2>&1
    ctl wait "$RABBITMQ_PID_FILE" --timeout 120 >/dev/null || { say "did not start; see $BASE/log"; exit 1; }
    say "started on 127.0.0.1:$RABBITMQ_NODE_PORT"
  fi
  echo "127.0.0.1:$(cat "$BASE/port")"
}

stop() {
  if running; then
    ctl shutdown >/dev/null 2>&1 || true
    say "stopped"
  fi
  # The node's own epmd outlives it; it is ours (own port), so end it too.
  if [[ -f "$BASE/port" ]]; then
    local epmd=$(( $(cat "$BASE/port") - 1000 ))
    pkill -f "epmd.*-port $epmd" 2>/dev/null || true
    ERL_EPMD_PORT=$epmd epmd -kill >/dev/null 2>&1 || true
  fi
}

vhost() {
  [[ -n "${1:-}" ]] || { echo "usage: $0 vhost NAME" >&2; exit 2; }
  running || { say "not running (infra/rabbitmq.sh start)"; exit 1; }
  ctl add_vhost "$1" >/dev/null 2>&1 || true
  ctl set_permissions -p "$1" guest '.*' '.*' '.*' >/dev/null
}

rmvhost() {
  [[ -n "${1:-}" ]] || { echo "usage: $0 rmvhost NAME" >&2; exit 2; }
  running || exit 0
  ctl delete_vhost "$1" >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on 127.0.0.1:$(cat "$BASE/port")"; else echo "stopped"; exit 3; fi ;;
  vhost) vhost "${2:-}" ;;
  rmvhost) rmvhost "${2:-}" ;;
  *) echo "usage: $0 start|stop|status|vhost NAME|rmvhost NAME" >&2; exit 2 ;;
esac
