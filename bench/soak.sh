#!/usr/bin/env bash
# Soak: the whole feature suite RUNS times per engine, half of the runs with the CPUs kept busy by a second load
# (one busy loop per core), then a flake table: scenario × run, and every scenario whose outcome was not the same in
# every run of its engine. Goal: zero flaky scenarios; a flake is fixed at its cause, never retried away.
#   bench/soak.sh [RUNS] [ENGINES] [TAGS]
#     RUNS     runs per engine (default 10; odd-numbered runs are quiet, even-numbered ones busy)
#     ENGINES  comma-separated --engine names (default playwright,selenium)
#     TAGS     a --tags expression to soak a subset (default: every feature)
# Run folders, logs and the table go to a new /tmp/shinkin-soak-XXXX folder; the table is printed at the end.
# SOAK_DIR=folder resumes a soak in that folder: runs that finished there (a .exit file beside their log) are kept,
# so 10 runs × 2 engines (about 3 hours on 2 cores) can be spread over several sittings. runs.md lists every run
# with the commit it ran on; the table is made from every finished run in the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-10}"
ENGINES="${2:-playwright,selenium}"
TAGS="${3:-}"
OUT="${SOAK_DIR:-$(mktemp -d /tmp/shinkin-soak-XXXX)}"
mkdir -p "$OUT"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo +changes)"
tag_args=()
[[ -n "$TAGS" ]] && tag_args=(--tags "$TAGS")
burners=()
stop_burners() { for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done; burners=(); }
trap stop_burners EXIT

echo "soak: $RUNS runs × engines $ENGINES${TAGS:+ (tags $TAGS)} → $OUT"
for i in $(seq 1 "$RUNS"); do
  for engine in ${ENGINES//,/ }; do
    load=quiet
    (( i % 2 == 0 )) && load=busy
    dir="$OUT/$engine-$i-$load"
    if [[ -f "$dir.exit" ]]; then
      echo "run $i $engine ($load): finished earlier, kept"
      continue
    fi
    rm -rf "$dir"
    if [[ $load == busy ]]; then
      for _ in $(seq 1 "$(nproc)"); do (while :; do :; done) & burners+=("$!"); done
    fi
    start=$(date +%s)
    code=0
    ./harness run --engine "$engine" --out "$dir" "${tag_args[@]}" >"$dir.log" 2>&1 || code=$?
    stop_burners
    echo "$code" >"$dir.exit"
    echo "run $i $engine ($load) on $commit: exit $code, $(( $(date +%s) - start ))s — $(tail -1 "$dir.log")" | tee -a "$OUT/runs.md"
  done
done

python3 - "$OUT" "$RUNS" "$ENGINES" <<'PY' | tee "$OUT/flakes.md"
import glob, json, os, sys
out, runs, engines = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(',')
mark = {'Passed': 'OK', 'Failed': 'NG', 'Skipped': '対象外', 'Pending': '保留', 'Undefined': '未定義'}
for engine in engines:
    folders = sorted((f for f in glob.glob(f'{out}/{engine}-*-*/') if os.path.exists(f.rstrip('/') + '.exit')), key=lambda f: int(f.rstrip('/').split('-')[-2]))
    table = {}
    for column, folder in enumerate(folders):
        for path in glob.glob(folder + 'scenarios/*.json'):
            record = json.load(open(path, encoding='utf-8'))
            name = f"{record['Feature']} › {record['Scenario']}"
            table.setdefault(name, [''] * len(folders))[column] = mark.get(record['Outcome'], record['Outcome'])
    flaky = {name: cells for name, cells in table.items() if len(set(cells)) > 1}
    labels = [os.path.basename(f.rstrip('/')).removeprefix(engine + '-') for f in folders]
    print(f'### {engine}: {len(folders)} runs, {len(table)} scenarios, {len(flaky)} flaky\n')
    print('| scenario | ' + ' | '.join(labels) + ' |')
    print('|---|' + '---|' * len(labels))
    for name, cells in sorted(flaky.items()):
        print(f'| {name} | ' + ' | '.join(c or '—' for c in cells) + ' |')
    steady = {name: cells for name, cells in table.items() if name not in flaky}
    outcomes = {}
    for cells in steady.values():
        outcomes[cells[0]] = outcomes.get(cells[0], 0) + 1
    summary = ', '.join(f'{n} always {o or "absent"}' for o, n in sorted(outcomes.items()))
    print(f'| {len(steady)} steady scenarios: {summary} | ' + ' | '.join('' for _ in labels) + ' |\n')
PY
echo "flake table: $OUT/flakes.md"
