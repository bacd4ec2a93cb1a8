#!/usr/bin/env bash
# Runs every benchmark (bench/CchcBot.Bench) against Azurite and a loopback connector that enforces Teams' limits,
# and prints a table. Every measure: one warm-up run not counted, then 5 runs alternating the compared cases
# (A B A B …); the table gives medians, min–max and the number of runs (P7, over a minute, runs once).
# Usage: scripts/bench.sh [--quick] [--runs N] [--only P1|P2|P3|P4|P5|P7]   (--quick: smaller sizes, a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
dotnet run -c Release --project bench/CchcBot.Bench -- "$@"
