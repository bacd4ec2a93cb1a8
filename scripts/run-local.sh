#!/usr/bin/env bash
# Runs CchcBot locally: Azurite (Table and Blob storage, data kept in .data/azurite), the bundled plan re-based to this year
# with the sample directory, the bot on http://127.0.0.1:3978, and the Microsoft 365 Agents Playground (a local Teams
# client) on http://localhost:56150. Ctrl+C (or SIGTERM) stops everything this script started. See docs/local-run.md.
#   BOT_PORT=3978  PLAYGROUND_PORT=56150  PLAYGROUND=0 (bot only)  CONFIGURATION=Debug
#   RUN_LOCAL_DATA=.data (Azurite's files and the logs)
#   PLAYGROUND_CONFIG=scripts/playground/.m365agentsplayground.yml (who you are in the Playground, the other users, the team)
#   Storage__ConnectionString=… (another storage account or emulator: no Azurite is started; Storage__TablePrefix too)
set -euo pipefail
caller=$PWD
cd "$(dirname "$0")/.."
root=$(pwd)
absolute() { [[ $1 == /* ]] && echo "$1" || echo "$caller/$1"; } # paths given in variables are relative to where you ran this
bot_port=${BOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}
configuration=${CONFIGURATION:-Debug}
data=$(absolute "${RUN_LOCAL_DATA:-$root/.data}")
azurite_port=10002
azurite_blob_port=10000
azurite_queue_port=10001
logs="$data/logs"
playground_config=$(absolute "${PLAYGROUND_CONFIG:-$root/scripts/playground/.m365agentsplayground.yml}")

fail() {
  echo "run-local: $*" >&2
  exit 1
}

command -v dotnet >/dev/null || fail "dotnet is not installed: install the .NET 10 SDK (https://dot.net), then run again."
command -v node >/dev/null || fail "node is not installed: install Node.js 20 or later (https://nodejs.org), then run again."
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || fail "Node.js $(node --version) is too old: Azurite and the Playground need Node.js 20 or later."
for port in "$bot_port" "$playground_port"; do
  [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || fail "'$port' is not a port number (BOT_PORT, PLAYGROUND_PORT)."
done

port_busy() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fail before building anything when our own ports are taken.
port_busy "$bot_port" && fail "port $bot_port is taken (is the bot already running?): stop it or choose another with BOT_PORT=…"
if [[ ${PLAYGROUND:-1} != 0 ]]; then
  port_busy "$playground_port" &&
    fail "port $playground_port is taken (is the Playground already running?): stop it or choose another with PLAYGROUND_PORT=…"
  [[ -f $playground_config ]] || fail "the Playground configuration $playground_config does not exist (PLAYGROUND_CONFIG)."
fi

pids=() names=() signals=()
cleanup() {
  local rc=$?
  trap - INT TERM EXIT
  ((${#pids[@]})) || exit "$rc"
  echo
  echo "Stopping ${names[*]}…"
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -"${signals[$i]}" -- "-${pids[$i]}" 2>/dev/null || true; done
  for _ in $(seq 1 50); do # up to 10 s, then SIGKILL what is left
    local alive=0
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start() { # start NAME LOG STOP-SIGNAL DIR COMMAND… — in DIR, in its own session/process group (stopping it stops its children)
  local name=$1 log=$2 signal=$3 dir=$4
  shift 4
  (cd "$dir" && exec setsid "$@") >"$log" 2>&1 </dev/null &
  pids+=($!) names+=("$name") signals+=("$signal")
  echo "  $name started, pid $! (log: $log)"
}

wait_for() { # wait_for NAME PID URL SECONDS — until URL answers 2xx; fails early if the process died
  local name=$1 pid=$2 url=$3 seconds=$4 log=$5
  for _ in $(seq 1 $((seconds * 2))); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; fail "$name stopped while starting (log above: $log)."; }
    if node -e "fetch('$url').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  fail "$name did not answer at $url within $seconds s (log above: $log)."
}

scripts/install-tools.sh
mkdir -p "$logs"

if [[ -n ${Storage__ConnectionString:-} && ${Storage__ConnectionString} != UseDevelopmentStorage=true ]]; then
  echo "== Storage: Storage__ConnectionString is set; no Azurite started"
elif port_busy "$azurite_port"; then
  echo "== Storage: something already listens on 127.0.0.1:$azurite_port; using it as the Table service (Azurite), and 127.0.0.1:$azurite_blob_port as the Blob service"
  port_busy "$azurite_blob_port" || fail "nothing listens on 127.0.0.1:$azurite_blob_port (the Blob service, for evidence files and reports): start Azurite with its Blob service, or stop the program on $azurite_port."
else
  echo "== Storage: Azurite's Table service on 127.0.0.1:$azurite_port and Blob service on 127.0.0.1:$azurite_blob_port (data in $data/azurite)"
  mkdir -p "$data/azurite"
  # SIGINT: Azurite saves its files on SIGINT only; SIGTERM would lose the last seconds of writes.
  start Azurite "$logs/azurite.log" INT "$root" node node_modules/azurite/dist/src/azurite.js \
    --tableHost 127.0.0.1 --tablePort "$azurite_port" --blobHost 127.0.0.1 --blobPort "$azurite_blob_port" \
    --queueHost 127.0.0.1 --queuePort "$azurite_queue_port" --location "$data/azurite" \
    --disableTelemetry --skipApiVersionCheck --loose
  for _ in $(seq 1 60); do port_busy "$azurite_port" && port_busy "$azurite_blob_port" && break; kill -0 "${pids[-1]}" 2>/dev/null || break; sleep 0.5; done
  port_busy "$azurite_port" && port_busy "$azurite_blob_port" || { tail -n 30 "$logs/azurite.log" >&2; fail "Azurite did not start (log above)."; }
fi

echo "== Build ($configuration) and seed"
dotnet build src/Bot -c "$configuration" --nologo -v q || fail "the bot does not build (errors above)."
bot_dll="$root/src/Bot/bin/$configuration/net10.0/CchcBot.dll"
dotnet "$bot_dll" seed || fail "seed failed (see above): is the Table service on 127.0.0.1:$azurite_port Azurite?"

echo "== Bot on http://127.0.0.1:$bot_port"
port_busy "$bot_port" && fail "port $bot_port was taken meanwhile: choose another with BOT_PORT=…"
ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} ASPNETCORE_URLS="http://127.0.0.1:$bot_port" \
  start Bot "$logs/bot.log" TERM "$root" dotnet "$bot_dll"
wait_for Bot "${pids[-1]}" "http://127.0.0.1:$bot_port/healthz" 60 "$logs/bot.log"

if [[ ${PLAYGROUND:-1} != 0 ]]; then
  echo "== Microsoft 365 Agents Playground on http://localhost:$playground_port"
  mkdir -p "$data/playground" # its working folder: it writes devTools/m365agentsplayground.log there
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$playground_config" TEAMSAPPTESTER_BROWSER=none \
    start Playground "$logs/playground.log" TERM "$data/playground" node "$root/node_modules/@microsoft/m365agentsplayground/cli.js" \
    -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$playground_port" --disable-telemetry
  wait_for Playground "${pids[-1]}" "http://localhost:$playground_port/_internal/v1/config" 60 "$logs/playground.log"
  echo
  echo "Ready. Open http://localhost:$playground_port and type: nhiệm vụ của tôi"
  node -e "fetch('http://localhost:$playground_port/_internal/v1/config').then(r=>r.json()).then(({config:{currentUser:u}})=>
    console.log('(you are ' + u.name + ' — ' + (u.userPrincipleName || u.email) + ')'))" 2>/dev/null || true
else
  echo
  echo "Ready. The bot listens on http://127.0.0.1:$bot_port/api/messages (PLAYGROUND=0: no Playground)."
fi
echo "The Tiến độ page (Teams tab) in a browser: http://127.0.0.1:$bot_port/tab/ (choose whom to sign in as)"
echo "Press Ctrl+C to stop."

# Stop everything as soon as one of them stops by itself.
set +e
wait -n "${pids[@]}"
rc=$?
set -e
for i in "${!pids[@]}"; do
  kill -0 "${pids[$i]}" 2>/dev/null || echo "run-local: ${names[$i]} stopped (exit code $rc; log: $logs/$(tr '[:upper:]' '[:lower:]' <<<"${names[$i]}").log)." >&2
done
exit 1
