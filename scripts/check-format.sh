#!/usr/bin/env bash
# Fails when a C++ file differs from the repository's .clang-format style.
# With --fix, rewrites the files instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(--dry-run -Werror)
[ "${1:-}" = "--fix" ] && mode=(-i)
find rules validators mock-chorus cli tests bench -name '*.cpp' -o -name '*.hpp' | sort |
  xargs clang-format "${mode[@]}"
echo "check-format: $(find rules validators mock-chorus cli tests bench -name '*.[ch]pp' | wc -l) files checked"
