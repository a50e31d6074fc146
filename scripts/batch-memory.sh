#!/usr/bin/env bash
# Peak memory and time of `cprokit lint` over a batch of small files:
#   scripts/batch-memory.sh COUNT JOBS [lint options...]
# writes COUNT generated invoices (one line each, all valid, all different)
# into a temporary folder, lints the folder with --jobs JOBS under
# /usr/bin/time -v, prints the elapsed time and the peak resident set size,
# and removes the folder. PER_FOLDER=N spreads the files over subfolders of N
# (default: one flat folder); BUILD=DIR takes the binaries from DIR (default
# build/release). Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
  echo "usage: scripts/batch-memory.sh COUNT JOBS [lint options...]" >&2
  exit 2
fi
count=$1
jobs=$2
shift 2
build=${BUILD:-build/release}
cprokit=$build/cli/cprokit
generate=$build/bench/cprokit_batch_files
for exe in "$cprokit" "$generate"; do
  if [ ! -x "$exe" ]; then
    echo "batch-memory: $exe missing: cmake --preset release && cmake --build --preset release" >&2
    exit 2
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "batch-memory: /usr/bin/time missing (Debian package time)" >&2
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/cprokit-batch.XXXXXX")
trap 'rm -rf "$dir"' EXIT
"$generate" "$dir/files" "$count" --per-folder "${PER_FOLDER:-0}"

status=0
/usr/bin/time -v -o "$dir/time.txt" "$cprokit" lint --jobs "$jobs" --progress never \
  --format jsonl "$@" "$dir/files" >"$dir/report.jsonl" || status=$?
if [ "$status" -ge 2 ]; then
  echo "batch-memory: cprokit lint failed (exit $status)" >&2
  exit "$status"
fi
documents=$(grep -c '"path"' "$dir/report.jsonl" || true)
echo "files: $count, jobs: $jobs, options: ${*:-(none)}, documents linted: $documents"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$dir/time.txt" | sed 's/^\s*//'
