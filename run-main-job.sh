#!/usr/bin/env bash
# The main job on the shipped real data: court-outcome records (77 TPPO verdicts) into Table Storage, then the
# indicator snapshot for a year computed from what is stored. Prints a short summary for people (period, region,
# headline figures, where the report is) and writes JSON, CSV, the PNG charts and the HTML report into out/.
# Usage: ./run-main-job.sh [PERIOD]   (default 2025; also YYYY-Qn, YYYY-Sn, YYYY-MM). Language: --lang / TASKFORCE_LANG.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
period="${1:-2025}"
./taskforce import --format putusan --file samples/verdicts/verdicts.jsonl >&2
./taskforce snapshot --region '*' --period "$period" --out out
