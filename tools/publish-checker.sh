#!/usr/bin/env bash
# Publishes shinkin-check for bench/checker-exe.sh, which also needs other runtimes (-r linux-x64) than the
# win-x64 .exe `./harness publish-checker` builds. The publish properties are in the project file.
#   tools/publish-checker.sh [OUT_DIR] [extra dotnet publish arguments, e.g. -r linux-x64]
# Prints the file's path and size in bytes as its last line: "<path> <bytes>".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/artifacts/shinkin-check}")"
shift || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$ROOT/src/Shinkin.EnvironmentCheck.App/Shinkin.EnvironmentCheck.App.csproj" -c Release -o "$OUT" -nologo -v:q -clp:ErrorsOnly "$@" >&2
for f in "$OUT/shinkin-check.exe" "$OUT/shinkin-check"; do
  if [[ -f "$f" ]]; then echo "$f $(stat -c %s "$f")"; exit 0; fi
done
echo "publish-checker: no shinkin-check in $OUT" >&2
exit 2
