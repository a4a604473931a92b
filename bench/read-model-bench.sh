#!/usr/bin/env bash
# Benchmark (not a test): the counting read model (ADR-012) against the old snapshot path (every case and its
# workflows read one by one), on an in-memory Azurite; storage requests counted by an Azure.Core HttpPipelinePolicy.
# Writes the table to bench/results/read-model.md.table (copy it into bench/results/read-model.md with the machine load).
# Usage: bench/read-model-bench.sh [SIZES] [OLD_PATH_MAX] [PER_CASE_MAX]   (defaults 1000,5000,20000, 5000 and 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x node_modules/.bin/azurite-table ] || npm ci --no-audit --no-fund
state="$(mktemp -d)/azurite.env"
export TASKFORCE_STORAGE="$(scripts/azurite.sh start --memory --state "$state")"
trap 'scripts/azurite.sh stop --state "$state"' EXIT
uptime
dotnet run -c Release --project bench/TaskForce.Bench.ReadModel -- bench/results/read-model.md "${1:-1000,5000,20000}" "${2:-5000}" "${3:-1000}"
uptime
