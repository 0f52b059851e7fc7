#!/usr/bin/env bash
# Runs the Arena platform on this machine, all in one process: the web app, the in-process worker (in-memory
# bus) and, unless ConnectionStrings__Arena points at a database already, the project's own PostgreSQL (installed
# from Debian packages when missing; cluster under .data/postgres, loopback only). Makes sure the starter model is
# in models/starter (builds it on the CPU when missing, ~15 minutes). Serves http://127.0.0.1:5000
# (ARENA_URL overrides). `./infra/run.sh cli ARGS` runs the `arena` command instead (bake, generate, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
starter="${ARENA_STARTER_MODEL:-models/starter}"
arena=src/Arena.Cli/bin/Release/net10.0/linux-x64/arena

if [ "${1:-}" = cli ]; then
  shift
  dotnet build src/Arena.Cli -c Release -v quiet -nologo >/dev/null
  exec "$arena" "$@"
fi

if [ ! -f "$starter/model.safetensors" ]; then
  dotnet build src/Arena.Cli -c Release -v quiet -nologo >/dev/null
  echo "no starter model in $starter: building one (arena starter build)" >&2
  "$arena" starter build --out "$starter"
fi

if [ -z "${ConnectionStrings__Arena:-}" ]; then
  bash infra/deps.sh platform
  ConnectionStrings__Arena=$(bash infra/postgres.sh start | tail -1)
  export ConnectionStrings__Arena
fi

echo "building the web app" >&2
dotnet publish src/Arena.Web -c Release -o .data/publish/web -v quiet -nologo >/dev/null
url="${ARENA_URL:-http://127.0.0.1:5000}"
export Arena__ModelsPath="${Arena__ModelsPath:-$PWD/models}" Arena__ArtifactsPath="${Arena__ArtifactsPath:-$PWD/.data/artifacts}"
echo "starting Arena on $url (Ctrl+C stops it)" >&2
cd .data/publish/web
exec dotnet Arena.Web.dll --urls "$url"
