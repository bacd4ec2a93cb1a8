#!/usr/bin/env bash
# Runs every test: installs the Node tools (Azurite, Adaptive Cards SDK, manifest schemas, Playground,
# playwright-core), restores and builds the solution warning-free, runs every xunit project, and prints the
# totals as one line "N passed, N failed". Exits non-zero if anything failed or no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

started=$SECONDS
scripts/install-tools.sh
echo "== tools installed in $((SECONDS - started)) s"

echo "== dotnet restore & build"
dotnet restore CchcBot.sln --nologo -v q
dotnet build CchcBot.sln --no-restore --nologo -v q -c Release
dotnet format CchcBot.sln --verify-no-changes --no-restore -v q
echo "== built and format-checked in $((SECONDS - started)) s since start"

echo "== dotnet test"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
set +e
dotnet test CchcBot.sln --no-build --nologo -c Release --logger "trx" --results-directory "$results" "$@"
rc=$?
set -e

echo "== tests by project (wall time of each run)"
node scripts/trx-totals.js "$results" || rc=1
echo "== total $((SECONDS - started)) s"
exit $rc
