#!/usr/bin/env bash
# The main job's report as a reviewed artefact (ADR-026): imports the real verdicts and the made-up case sample
# (samples/cases/report-sample.jsonl, so the case-record sections have figures) into a fresh in-memory Azurite, writes
# the 2025 snapshot's files, copies the HTML report and its charts to docs/report/ and takes a full-page screenshot at
# A4 width (794 CSS pixels) with headless Chromium from the distribution (apt-get install chromium):
#   docs/report/main-job-report/ (the HTML report and its PNG charts, as the tool names them) and
#   docs/report/main-job-report.png
# Language: TASKFORCE_LANG (default id, the tool's default). Usage: scripts/report-screenshot.sh [PERIOD]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
period="${1:-2025}"
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "report-screenshot.sh: chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
[ -x node_modules/.bin/azurite-table ] || npm ci --no-audit --no-fund >&2

work="$(mktemp -d)"
state="$work/azurite.env"
trap 'scripts/azurite.sh stop --state "$state" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
TASKFORCE_STORAGE="$(scripts/azurite.sh start --memory --state "$state")"
export TASKFORCE_STORAGE TASKFORCE_LANG="${TASKFORCE_LANG:-id}"

./taskforce import --format putusan --file samples/verdicts/verdicts.jsonl --json >/dev/null
./taskforce import --format taskforce --file samples/cases/report-sample.jsonl --agency uptd_ppa_ttu --json >/dev/null
./taskforce snapshot --region '*' --period "$period" --out "$work/out" >&2

rm -rf docs/report/main-job-report docs/report/main-job-report.png
mkdir -p docs/report/main-job-report
name="snapshot-all-$period"
cp "$work/out/$name"*.png "$work/out/$name.html" docs/report/main-job-report/
report="$root/docs/report/main-job-report/$name.html"

# Measure the page's full height after the charts have loaded, then take the screenshot at that height.
measure="$root/docs/report/main-job-report/.measure.html"
sed 's#</body>#<script>addEventListener("load",()=>{document.body.dataset.h=document.documentElement.scrollHeight})</script></body>#' \
  "$report" > "$measure"
height="$("$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=794,1123 --virtual-time-budget=5000 \
  --dump-dom "file://$measure" 2>/dev/null | sed -n 's/.*data-h="\([0-9]*\)".*/\1/p' | head -n 1)"
rm -f "$measure"
[ -n "$height" ] || { echo "report-screenshot.sh: could not measure the page" >&2; exit 1; }
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="794,$height" --virtual-time-budget=5000 \
  --screenshot="$root/docs/report/main-job-report.png" "file://$report" 2>/dev/null
echo "docs/report/main-job-report.png: 794 x $height CSS pixels; ${report#"$root/"}"
