#!/usr/bin/env bash
# Runs every benchmark (bench/CchcBot.Bench) against Azurite and a loopback fake connector and prints a table.
# Ratios are measured within one run; the machine is shared, so absolute times vary. --quick: smaller sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
dotnet run -c Release --project bench/CchcBot.Bench -- "$@"
