#!/usr/bin/env bash
# The gates slower than the test suite, run by .ci/run after scripts/test.sh:
# the suite again under the sanitizers (scripts/sanitize.sh, clang), every
# fuzz target for 30 s under ASan + UBSan (scripts/fuzz.sh, from the build the
# first step made: the product is compiled once with the sanitizers), then
# clang-tidy on every source (scripts/tidy.sh). Each step prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  local name="$1"
  shift
  local start
  start=$(date +%s)
  "$@"
  echo "gates: $name $(($(date +%s) - start)) s"
}
step sanitizers bash scripts/sanitize.sh
step fuzz bash scripts/fuzz.sh all 30
step clang-tidy bash scripts/tidy.sh build/release
