#!/usr/bin/env bash
# Builds Arena and runs it on this machine. Today Arena is its engine and the `arena` command line
# (info, logits, generate, bench); the web platform joins here when it lands.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Arena.Cli -c Release -v quiet -nologo >&2
exec src/Arena.Cli/bin/Release/net10.0/linux-x64/arena "$@"
