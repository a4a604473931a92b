#!/usr/bin/env bash
# Starts and stops a local Azurite Table service for TaskForce, on a free loopback port.
#
#   scripts/azurite.sh start --memory     [--state FILE] [--full]   in-memory (tests)
#   scripts/azurite.sh start --persistent [--state FILE] [--full] [--dir DIR]
#                                                                   data kept in DIR (default .azurite/data, git-ignored)
#   scripts/azurite.sh stop  [--state FILE]                         stops the instance recorded in FILE, by PID
#
# start prints the connection string on stdout and records PID, port and connection string in the state file
# (default .azurite/<mode>.env). --full starts blob, queue and table (the Functions host needs blob for timers; the
# alert delivery tests and ./test.sh use the queue, ADR-021).
# Nothing here depends on the fixed port 10002. Requires node_modules (npm ci) with the pinned azurite 3.35.0.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmd="${1:-}"; shift || true
mode=""; state=""; full=0; dir="$root/.azurite/data"
while [ $# -gt 0 ]; do
  case "$1" in
    --memory) mode=memory ;;
    --persistent) mode=persistent ;;
    --state) state="$2"; shift ;;
    --dir) dir="$2"; shift ;;
    --full) full=1 ;;
    *) echo "azurite.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

wait_port() { # port pid
  for _ in $(seq 1 150); do
    if node -e "const c=require('net').connect($1,'127.0.0.1');c.on('connect',()=>process.exit(0));c.on('error',()=>process.exit(1));" 2>/dev/null; then
      return 0
    fi
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

case "$cmd" in
  start)
    [ -n "$mode" ] || { echo "azurite.sh start: give --memory or --persistent" >&2; exit 2; }
    [ -n "$state" ] || state="$root/.azurite/$mode.env"
    mkdir -p "$(dirname "$state")"
    bin="$root/node_modules/.bin"
    [ -x "$bin/azurite-table" ] || { echo "azurite.sh: azurite is not installed; run 'npm ci' in $root" >&2; exit 1; }
    log="${state%.env}.log"
    tport=$(free_port)
    args=(--skipApiVersionCheck --disableTelemetry --loose)
    if [ "$mode" = memory ]; then args+=(--inMemoryPersistence); else mkdir -p "$dir"; args+=(--location "$dir"); fi
    if [ "$full" = 1 ]; then
      bport=$(free_port); qport=$(free_port)
      "$bin/azurite" "${args[@]}" --blobHost 127.0.0.1 --blobPort "$bport" --queueHost 127.0.0.1 --queuePort "$qport" \
        --tableHost 127.0.0.1 --tablePort "$tport" >"$log" 2>&1 </dev/null &
    else
      "$bin/azurite-table" "${args[@]}" --tableHost 127.0.0.1 --tablePort "$tport" >"$log" 2>&1 </dev/null &
    fi
    pid=$!
    if ! wait_port "$tport" "$pid"; then
      echo "azurite.sh: Azurite did not start; log follows" >&2; cat "$log" >&2 || true
      kill "$pid" 2>/dev/null || true; exit 1
    fi
    conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$tport/devstoreaccount1;"
    if [ "$full" = 1 ]; then
      conn="${conn}BlobEndpoint=http://127.0.0.1:$bport/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qport/devstoreaccount1;"
    fi
    { echo "AZURITE_PID=$pid"; echo "AZURITE_TABLE_PORT=$tport"; echo "TASKFORCE_STORAGE='$conn'"; } >"$state"
    echo "$conn"
    ;;
  stop)
    if [ -z "$state" ]; then
      for f in "$root/.azurite/memory.env" "$root/.azurite/persistent.env"; do [ -f "$f" ] && "$0" stop --state "$f"; done
      exit 0
    fi
    [ -f "$state" ] || exit 0
    pid=$(sed -n 's/^AZURITE_PID=//p' "$state")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      # SIGINT first: azurite-table saves its persistent database only on SIGINT (SIGTERM is handled by the full azurite).
      kill -INT "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$state" "${state%.env}.log"
    ;;
  *)
    echo "usage: scripts/azurite.sh start --memory|--persistent [--state FILE] [--full] [--dir DIR] | stop [--state FILE]" >&2
    exit 2
    ;;
esac
