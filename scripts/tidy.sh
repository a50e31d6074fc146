#!/usr/bin/env bash
# Runs clang-tidy (checks in .clang-tidy) on every C++ source that the
# configured build folder compiles (default build/release): a target that is
# not built there (the conformance tests without ../shared) is not checked.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
db="$build/compile_commands.json"
[ -f "$db" ] || { echo "tidy: configure $build first" >&2; exit 2; }
top="$(pwd)"
grep -o '"file": *"[^"]*"' "$db" | sed 's/.*"\([^"]*\)"$/\1/' |
  grep -E "^$top/(rules|validators|mock-chorus|cli|tests|bench)/" | sort -u |
  xargs -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option
echo "tidy: clean"
