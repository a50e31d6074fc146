#!/usr/bin/env bash
# Regenerates what the docs take from the rule registry: docs/rules.md, and
# in README.md every block that starts with a line
#   <!-- generated: cprokit ARGS -->
# and ends with <!-- end generated -->, which gets what `cprokit ARGS`
# prints. The CLI tests "docs/rules.md is what cprokit rules --format
# markdown prints" and "the README's generated blocks are what cprokit
# prints" fail until this is run after a rule is added or its text changes.
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

readme="$root/README.md"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
blocks=0
skipping=0
while IFS= read -r line || [[ -n "$line" ]]; do
  if [[ "$line" =~ ^'<!-- generated: cprokit '(.*)' -->'$ ]]; then
    printf '%s\n' "$line" >> "$out"
    read -ra args <<< "${BASH_REMATCH[1]}"
    "$binary" "${args[@]}" >> "$out"
    skipping=1
    blocks=$((blocks + 1))
  elif [[ "$line" == '<!-- end generated -->' ]]; then
    printf '%s\n' "$line" >> "$out"
    skipping=0
  elif [[ "$skipping" -eq 0 ]]; then
    printf '%s\n' "$line" >> "$out"
  fi
done < "$readme"
if [[ "$skipping" -ne 0 ]]; then
  echo "update-docs: README.md: a generated block has no <!-- end generated --> line" >&2
  exit 1
fi
cp "$out" "$readme"
echo "update-docs: README.md: $blocks generated blocks written"
