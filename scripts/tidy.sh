#!/usr/bin/env bash
# Runs clang-tidy (checks in .clang-tidy) on every C++ source, using the
# compile commands of a configured build folder (default build/release).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
[ -f "$build/compile_commands.json" ] || { echo "tidy: configure $build first" >&2; exit 2; }
find rules validators cli tests bench -name '*.cpp' | sort |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option
echo "tidy: clean"
