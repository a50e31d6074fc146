#!/usr/bin/env bash
# Regenerates docs/rules.md from the rule registry. The CLI test "docs/rules.md
# is what cprokit rules --format markdown prints" fails until this is run
# after a rule is added or its text changes.
#   scripts/update-docs.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/release}"
binary="$build/cli/cprokit"
if [[ ! -x "$binary" ]]; then
  echo "update-docs: $binary not found: build first (cmake --preset release && cmake --build --preset release)" >&2
  exit 1
fi
"$binary" rules --format markdown > "$root/docs/rules.md"
echo "update-docs: docs/rules.md written ($(grep -c '^| `' "$root/docs/rules.md") rules)"
