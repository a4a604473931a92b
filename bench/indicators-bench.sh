#!/usr/bin/env bash
# Benchmark (not a test): the case-record indicator catalogue on 10k, 100k and 1M seeded synthetic victim records,
# TaskForce (IndicatorInput + CaseIndicators) against DuckDB (DuckDB.NET.Data.Full, in-memory) and pandas (Debian's
# python3-pandas), each engine in its own process. Writes bench/results/indicators.md.
# Usage: bench/indicators-bench.sh [SIZES...]   (default 10000 100000 1000000)
# Needs: apt-get install -y python3-pandas (uses /usr/bin/python3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("${@:-10000 100000 1000000}")
[ $# -gt 0 ] || sizes=(10000 100000 1000000)
/usr/bin/python3 -c 'import pandas' 2>/dev/null || { echo "pandas missing: apt-get install -y python3-pandas" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release bench/TaskForce.Bench.Indicators >&2
bin=bench/TaskForce.Bench.Indicators/bin/Release/net10.0/TaskForce.Bench.Indicators
work=bench/results/tmp/indicators
rm -rf "$work"; mkdir -p "$work"
for n in "${sizes[@]}"; do
  echo "== $n records" >&2
  "$bin" generate "$n" "$work/data-$n" 20251
  mkdir -p "$work/$n"
  "$bin" dotnet "$work/data-$n" "$work/$n/taskforce.json"
  "$bin" duckdb "$work/data-$n" "$work/$n/duckdb.json"
  # OPENBLAS_* are unset for pandas only (engineering note of the machine: they slow a current numpy).
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/indicators_pandas.py "$work/data-$n" "$work/$n/pandas.json"
done
"$bin" report "$work" bench/results/indicators.md "bench/indicators-bench.sh ${sizes[*]}"
