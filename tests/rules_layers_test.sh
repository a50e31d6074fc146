#!/usr/bin/env bash
# Inside rules/, includes run down the floors only: model (and finding.hpp)
# at the bottom, the engine on it, the packs on the engine (none including
# another), the catalogue that assembles the packs on top. A file that
# includes a floor above its own, or a sibling pack, fails this test.
#   tests/rules_layers_test.sh [RULES_DIR]
set -euo pipefail
rules="${1:-$(cd "$(dirname "$0")/../rules" && pwd)}"

# What each folder of rules/ may include, besides itself and finding.hpp.
declare -A allowed=(
  [model]=""
  [engine]="model"
  [syntax]="model engine"
  [en16931]="model engine"
  [binding]="model engine"
  [chorus]="model engine"
  [fr]="model engine"
  [catalogue]="model engine syntax en16931 binding chorus fr"
)

status=0
for dir in "$rules"/*/; do
  floor="$(basename "$dir")"
  if [[ ! -v "allowed[$floor]" ]]; then
    echo "rules/$floor: a folder this test does not know: give it its floor" >&2
    status=1
    continue
  fi
  while IFS=: read -r file line text; do
    target="$(sed -E 's|.*#include "rules/([a-z0-9_]+)/.*|\1|' <<< "$text")"
    [[ "$target" == "$floor" ]] && continue
    if [[ " ${allowed[$floor]} " != *" $target "* ]]; then
      echo "${file#"$rules"/}:$line: rules/$floor includes rules/$target, a floor above it or a sibling pack" >&2
      status=1
    fi
  done < <(grep -rnE '#include "rules/[a-z0-9_]+/' "$dir" || true)
done
[[ $status -eq 0 ]] && echo "rules/: every include runs down a floor"
exit $status
