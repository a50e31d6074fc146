#!/usr/bin/env bash
# What a rule is (technical, what it needs, which profile has it) is asked of
# its family in the registry (rules/engine/family.hpp), never read from its
# id: no source file tests an id's prefix (starts_with("XSD-"), rfind,
# find(...) == 0, substr(0, n) ==, the part before the first dash). A hit
# fails this test with its place.
#   tests/rule_prefix_test.sh [SOURCE_DIR]
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
families='(XML|XSD|DOC|PDF|BR|CPRO|ACCT|LIST|JSON|UBL|CII)'
pattern="(starts_with|rfind)\(\"$families|find\(\"$families[^\"]*\"\) *== *0"
pattern+="|substr\(0, *[0-9]+\) *==|substr\(0, *[a-z_.]*find\('-'\)\)"
if hits="$(cd "$root" && grep -rnE "$pattern" --include='*.cpp' --include='*.hpp' \
    --exclude-dir=build --exclude-dir=node_modules .)"; then
  echo "rule ids read by their prefix (ask the registry for the rule's family instead):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "no rule-id prefix test outside the registry"
