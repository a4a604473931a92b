#!/usr/bin/env bash
# Benchmark (not a test): multiple systems estimation on the six-list UK data — stepwise selection (target < 50 ms)
# and stepwise selection with the 1,000-resample BCa bootstrap (target < 10 s). Writes bench/results/mse.md.
# Usage: bench/mse-bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run -c Release --project bench/TaskForce.Benchmarks -- samples/mse bench/results/mse.md
