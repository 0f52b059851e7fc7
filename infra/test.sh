#!/usr/bin/env bash
# Builds the solution and runs every test project against real parts: the project's own PostgreSQL cluster
# (started here, in .data/postgres-test), its own RabbitMQ node (.data/rabbitmq-test) for the transport tests and
# Debian's headless Chromium for the browser tests (installed when missing). Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash infra/deps.sh test || exit 1
export ARENA_PG_DIR="$PWD/.data/postgres-test" ARENA_PG_FAST=1
ARENA_TEST_DB=$(bash infra/postgres.sh start | tail -1 | sed 's/Database=arena$/Database=arena_test/') || { echo "0 passed, 1 failed (PostgreSQL did not start)"; exit 1; }
export ARENA_TEST_DB
export ARENA_MQ_DIR="$PWD/.data/rabbitmq-test"
trap 'bash infra/rabbitmq.sh stop; bash infra/postgres.sh stop' EXIT
ARENA_TEST_RABBITMQ=$(bash infra/rabbitmq.sh start | tail -1) || { echo "0 passed, 1 failed (RabbitMQ did not start)"; exit 1; }
export ARENA_TEST_RABBITMQ
log=$(mktemp)
dotnet test Arena.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# dotnet test prints one summary per test assembly: "Passed!  - Failed:     0, Passed:    35, Skipped: ..."
read -r passed failed skipped < <(grep -E '^\s*(Passed|Failed)!\s+-\s+Failed:' "$log" | sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+), Skipped:\s*([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a build error runs no test: count it as a failure
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
