#!/usr/bin/env bash
# Runs clang-tidy (checks in .clang-tidy) on every C++ source that the
# configured build folder compiles (default build/release): a target that is
# not built there (the conformance tests without ../shared) is not checked.
#
# The static analyser (the clang-analyzer-* checks) is most of the cost: in
# its default "deep" mode it follows calls into every inline function of the
# headers, 15-35 s a file. CI runs it in "shallow" mode (calls inlined only a
# few levels deep, about 2.5 times faster, the same checks and warnings as
# errors); --deep runs the full analysis, a separate, longer command. The
# test programs (tests/) get every check but the analyser: about 2.5 s less a
# file, and their code runs under ASan and UBSan in the sanitizer suite.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=shallow
if [ "${1:-}" = "--deep" ]; then
  mode=deep
  shift
fi
case "${1:-}" in
  -h | --help)
    echo "Usage: scripts/tidy.sh [--deep] [BUILD_DIR]   (default build/release, analyser shallow)"
    exit 0
    ;;
esac
build="${1:-build/release}"
db="$build/compile_commands.json"
[ -f "$db" ] || { echo "tidy: configure $build first" >&2; exit 2; }
top="$(pwd)"
sources="$(grep -o '"file": *"[^"]*"' "$db" | sed 's/.*"\([^"]*\)"$/\1/' |
  grep -E "^$top/(rules|validators|mock-chorus|cli|tests|bench)/" | sort -u)"

# clang-tidy on every file read from stdin, two at a time; extra arguments
# go to clang-tidy.
tidy() {
  xargs -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet \
    --extra-arg=-Wno-unknown-warning-option "$@"
}
grep -v "^$top/tests/" <<<"$sources" |
  tidy --extra-arg=-Xclang --extra-arg=-analyzer-config --extra-arg=-Xclang \
    --extra-arg="mode=$mode"
if [ "$mode" = deep ]; then
  grep "^$top/tests/" <<<"$sources" | tidy
  echo "tidy: clean (analyser deep, tests/ included)"
else
  grep "^$top/tests/" <<<"$sources" | tidy '--checks=-clang-analyzer-*'
  echo "tidy: clean (analyser shallow, tests/ without it)"
fi
