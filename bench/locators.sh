#!/usr/bin/env bash
# Labels vs test ids: the whole feature suite on Playwright Chromium against the embedded reference server,
# RUNS times per locator mode (alternating, so machine drift hits both), wall time and the sum of scenario
# durations per run, medians printed as a Markdown table for bench/results.md.
#   bench/locators.sh [RUNS] [FILTER]   (default 3 runs, every feature; FILTER is a dotnet test --filter; needs ./harness setup)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
FILTER="${2:-}"
filter_args=()
[[ -n "$FILTER" ]] && filter_args=(--filter "$FILTER")
OUT="$(mktemp -d /tmp/shinkin-locators-XXXX)"
declare -A WALL SUM
for i in $(seq 1 "$RUNS"); do
  for mode in labels testids; do
    dir="$OUT/$mode-$i"
    start=$(date +%s.%N)
    SHINKIN_RUN_DIR="$dir" SHINKIN_LOCATORS="$mode" dotnet test Features/Shinkin.Features.csproj --no-build --nologo \
      --settings runsettings/playwright-chromium.runsettings "${filter_args[@]}" -- NUnit.NumberOfTestWorkers=2 >"$dir.log" 2>&1 || true
    end=$(date +%s.%N)
    wall=$(python3 -c "print(round($end-$start,1))")
    sum=$(python3 - "$dir" <<'PY'
import json, glob, sys
total = 0.0
for f in glob.glob(sys.argv[1] + '/scenarios/*.json'):
    h, m, s = json.load(open(f))['Duration'].split(':')
    total += int(h) * 3600 + int(m) * 60 + float(s)
print(round(total, 1))
PY
)
    result=$(grep -E '^(Passed|Failed)!' "$dir.log" | tail -1)
    echo "run $i $mode: wall ${wall}s, scenarios ${sum}s — ${result}"
    WALL[$mode]+="$wall "; SUM[$mode]+="$sum "
  done
done
median() { python3 -c "import statistics,sys; print(round(statistics.median(map(float, sys.argv[1:])), 1))" $1; }
echo
echo "| locators | runs | wall time median (s) | sum of scenario durations median (s) |"
echo "|---|---|---|---|"
for mode in labels testids; do
  echo "| $mode | $RUNS | $(median "${WALL[$mode]}") | $(median "${SUM[$mode]}") |"
done
