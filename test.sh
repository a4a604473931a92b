#!/usr/bin/env bash
# Runs every TaskForce test against real Table Storage and ends with one line "N passed, N failed".
# Uses the account in TASKFORCE_STORAGE when set (it needs a table and a queue endpoint); otherwise starts an in-memory
# Azurite (pinned in package.json; table, queue and blob services, the alert delivery tests use the queue) on a
# free loopback port and stops it afterwards. Extra arguments go to `dotnet test` (e.g. --filter Name~Snapshot).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -x node_modules/.bin/azurite-table ]; then
  npm ci --no-audit --no-fund >&2 || { echo "npm ci failed" >&2; echo "0 passed, 1 failed"; exit 1; }
fi

state=""
if [ -z "${TASKFORCE_STORAGE:-}" ]; then
  state="$(mktemp -d)/azurite.env"
  if ! TASKFORCE_STORAGE="$(scripts/azurite.sh start --memory --full --state "$state")"; then
    echo "Azurite did not start" >&2; echo "0 passed, 1 failed"; exit 1
  fi
  export TASKFORCE_STORAGE
  trap 'scripts/azurite.sh stop --state "$state"' EXIT
fi

results="$(mktemp -d)"
# On exit: stop Azurite (if started here) and remove this run's temporary folders.
trap 'if [ -n "$state" ]; then scripts/azurite.sh stop --state "$state"; rm -rf "$(dirname "$state")"; fi; rm -rf "$results"' EXIT
dotnet test TaskForce.sln --logger "trx" --results-directory "$results" "$@"
code=$?

passed=0; failed=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  fl=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${fl:-0}))
done
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test could report
fi
echo "$passed passed, $failed failed"
exit "$code"
