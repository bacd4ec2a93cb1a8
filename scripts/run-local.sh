#!/usr/bin/env bash
# Runs CchcBot locally: Azurite (Table storage, data kept in .data/azurite), the bundled plan re-based to this year
# with the sample directory, the bot on http://127.0.0.1:3978, and the Microsoft 365 Agents Playground (a local Teams
# client) on http://localhost:56150. Ctrl+C stops everything this script started.
#   BOT_PORT=3978  PLAYGROUND_PORT=56150  PLAYGROUND=0 (bot only)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bot_port=${BOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}

command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is not installed." >&2; exit 1; }
command -v node >/dev/null || { echo "node (Node.js 20+) is not installed." >&2; exit 1; }

port_busy() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Stopping…"
  for pid in "${pids[@]}"; do kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

start() { # start NAME LOG COMMAND… — in its own process group, so Ctrl+C stops its children too
  local name=$1 log=$2; shift 2
  setsid "$@" >"$log" 2>&1 &
  pids+=($!)
  echo "  $name started (log: $log)"
}

wait_for() { # wait_for NAME URL SECONDS
  for _ in $(seq 1 "$3"); do
    if node -e "fetch('$2').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"; then return 0; fi
    sleep 1
  done
  echo "$1 did not answer at $2; see its log." >&2
  exit 1
}

scripts/install-tools.sh
mkdir -p .data/azurite .data/logs

echo "== Azurite (Table storage) on 127.0.0.1:10002"
if port_busy 10002; then
  echo "  something already listens on 10002: using it as the Table service"
else
  start Azurite .data/logs/azurite.log node node_modules/azurite/dist/src/table/main.js \
    --tableHost 127.0.0.1 --tablePort 10002 --location .data/azurite --disableTelemetry --skipApiVersionCheck --loose
  sleep 2
fi

echo "== Build and seed"
dotnet build src/Bot -c Debug --nologo -v q
bot_dll="$root/src/Bot/bin/Debug/net10.0/CchcBot.dll"
dotnet "$bot_dll" seed

echo "== Bot on http://127.0.0.1:$bot_port"
port_busy "$bot_port" && { echo "port $bot_port is taken (set BOT_PORT)" >&2; exit 1; }
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$bot_port" \
  start Bot .data/logs/bot.log dotnet "$bot_dll"
wait_for Bot "http://127.0.0.1:$bot_port/healthz" 60

if [ "${PLAYGROUND:-1}" != "0" ]; then
  echo "== Microsoft 365 Agents Playground on http://localhost:$playground_port"
  port_busy "$playground_port" && { echo "port $playground_port is taken (set PLAYGROUND_PORT)" >&2; exit 1; }
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$root/scripts/playground/.m365agentsplayground.yml" TEAMSAPPTESTER_BROWSER=none \
    start Playground .data/logs/playground.log node node_modules/@microsoft/m365agentsplayground/cli.js \
      -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$playground_port" --disable-telemetry
  wait_for Playground "http://localhost:$playground_port/_internal/v1/config" 60
  echo
  echo "Open http://localhost:$playground_port and type: nhiệm vụ của tôi"
  echo "(you are Nguyễn Văn An, Chánh Văn phòng — chanhvanphong@example.gov.vn)"
fi
echo "Press Ctrl+C to stop."
wait
