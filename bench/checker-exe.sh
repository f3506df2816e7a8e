#!/usr/bin/env bash
# shinkin-check.exe: size of the win-x64 single file the help desk hands out, and start time of the same entry
# point. A Windows .exe cannot run here, so the time is of the linux-x64 single file of the same project
# (same publish properties, same code), on a fixture: RUNS runs (default 5) after one warm-up, medians of wall
# and CPU time (hyperfine if installed, else bash's time).
#   bench/checker-exe.sh [RUNS] [extra dotnet publish arguments, e.g. -p:EnableCompressionInSingleFile=true]
# Results: bench/results.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
shift || true
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FIXTURE="$ROOT/tests/Shinkin.EnvironmentCheck.Tests/Fixtures/win10-default.reg"

read -r exe exe_bytes < <("$ROOT/tools/publish-checker.sh" "$WORK/win-x64" "$@" | tail -1)
read -r linux linux_bytes < <("$ROOT/tools/publish-checker.sh" "$WORK/linux-x64" -r linux-x64 "$@" | tail -1)

# "<wall ms> <cpu ms>": medians over RUNS runs of wall-clock time and of user+system CPU time (the CPU time moves
# less when other jobs share the machine). Exit code 1, findings, is the expected result of the fixture.
measure() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$WORK/h.json" "$*" >/dev/null
    python3 -c 'import json,sys,statistics as s; r=json.load(open(sys.argv[1]))["results"][0]; print(round(r["median"]*1000), round((r["user"]+r["system"])*1000))' "$WORK/h.json"
    return
  fi
  "$@" >/dev/null 2>&1 || true
  : >"$WORK/times"
  local TIMEFORMAT='%R %U %S'
  for ((i = 0; i < RUNS; i++)); do
    { time "$@" >/dev/null 2>&1; } 2>>"$WORK/times" || true
  done
  awk '{ wall[NR] = $1 * 1000; cpu[NR] = ($2 + $3) * 1000 }
       function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                           return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
       END { printf "%d %d\n", median(wall, NR), median(cpu, NR) }' "$WORK/times"
}

"$linux" "$FIXTURE" --out "$WORK/check" --no-fix >/dev/null && rc=0 || rc=$?
[[ $rc -eq 1 ]] || { echo "checker-exe: expected exit code 1 on win10-default.reg, got $rc" >&2; exit 2; }
read -r help_ms help_cpu < <(measure "$linux" --help)
read -r check_ms check_cpu < <(measure "$linux" "$FIXTURE" --out "$WORK/check" --no-fix)

echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version)"
echo "publish arguments: -c Release ${*:-(none beyond the project file)}"
echo "timer: $(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo "bash time"), $RUNS runs after 1 warm-up, medians (hyperfine: CPU is the mean)"
mib() { awk -v b="$1" 'BEGIN { printf "%d bytes (%.1f MiB)", b, b / 1048576 }'; }
echo "win-x64   shinkin-check.exe size: $(mib "$exe_bytes")"
echo "linux-x64 shinkin-check size:     $(mib "$linux_bytes")"
echo "linux-x64 start to exit, --help:                                ${help_ms} ms wall, ${help_cpu} ms CPU"
echo "linux-x64 start to exit, check win10-default.reg (+ xlsx, json): ${check_ms} ms wall, ${check_cpu} ms CPU"
