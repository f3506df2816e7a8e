#!/usr/bin/env bash
# Proof that the features need no test hooks at all: clone the committed repository, delete every
# data-testid and data-screen attribute and the render-id input from the reference server's markup,
# rebuild, and run the whole suite in label mode (./harness run --locators labels). Exit code: the run's.
#   bench/no-test-hooks.sh [WORK_DIR]
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d /tmp/shinkin-no-test-hooks-XXXX)}"
git clone -q "$src" "$work/repo"
cd "$work/repo"
pages=src/Shinkin.ReferenceServer/Pages
# The render-id input first (its test id holds the whole element), then attributes whose value holds quotes, then the rest.
find "$pages" -name '*.cshtml' -print0 | xargs -0 perl -0pi -e '
  s/[ \t]*<input type="hidden" data-testid="render-id"[^>]*>\r?\n?//g;
  s/\s+data-(?:testid|screen)="(?:screen-)?\@ViewData\["ScreenId"\]"//g;
  s/\s+data-(?:testid|screen)="[^"]*"//g;'
left=$(grep -rlE 'data-testid|data-screen|render-id' "$pages" --include='*.cshtml' || true)
if [[ -n "$left" ]]; then
  echo "no-test-hooks: markup still holds test hooks in: $left" >&2
  exit 2
fi
echo "no-test-hooks: removed every data-testid, data-screen and the render-id input ($(git diff --shortstat))"
./harness run --locators labels
