#!/usr/bin/env bash
# Benchmark (not a test): import throughput batched vs one entity per request, and snapshot time, on an in-memory
# Azurite. Writes bench/results/import.md. Usage: bench/import-bench.sh [COPIES]   (default 13 copies of the real file)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x node_modules/.bin/azurite-table ] || npm ci --no-audit --no-fund
state="$(mktemp -d)/azurite.env"
export TASKFORCE_STORAGE="$(scripts/azurite.sh start --memory --state "$state")"
trap 'scripts/azurite.sh stop --state "$state"' EXIT
dotnet run -c Release --project bench/TaskForce.Bench.Import -- samples/verdicts/verdicts.jsonl "${1:-13}" bench/results/import.md
