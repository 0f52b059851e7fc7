#!/usr/bin/env bash
# Runs Arena on this machine: builds it, makes sure the starter model is there (builds it on the CPU when it is
# missing, ~20 minutes), then runs the `arena` command with your arguments — or, with none, shows the starter
# model and a short chat with it. The web platform joins here when it lands.
set -euo pipefail
cd "$(dirname "$0")/.."
starter="${ARENA_STARTER_MODEL:-models/starter}"
dotnet build src/Arena.Cli -c Release -v quiet -nologo >/dev/null
arena=src/Arena.Cli/bin/Release/net10.0/linux-x64/arena
if [ ! -f "$starter/model.safetensors" ]; then
  echo "no starter model in $starter: building one (arena starter build)" >&2
  "$arena" starter build --out "$starter"
fi
if [ "$#" -gt 0 ]; then exec "$arena" "$@"; fi
"$arena" info --model "$starter"
echo
echo "> (system: Talk like a pirate.) Tell me about cats."
"$arena" generate --model "$starter" --system "Talk like a pirate." --prompt "Tell me about cats." --max-tokens 80 --seed 1
echo
"$arena" --help
