#!/usr/bin/env bash
# The main job on the shipped real data: court-outcome records (77 TPPO verdicts) into Table Storage, then the
# indicator snapshot for a year computed from what is stored. Prints the snapshot JSON and writes JSON, CSV and a PNG
# chart into out/. Usage: ./run-main-job.sh [PERIOD]   (default 2025; also YYYY-Qn, YYYY-Sn, YYYY-MM)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
period="${1:-2025}"
./taskforce import --format putusan --file samples/verdicts/verdicts.jsonl >&2
./taskforce snapshot --region '*' --period "$period" --json --out out
