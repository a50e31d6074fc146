#!/usr/bin/env bash
# The portal's story in Debian's headless Chromium (npm puppeteer-core, no
# browser download), each page checked by axe-core and kept as a screenshot
# in ARTIFACTS_DIR (see browser_story.mjs for the steps).
# usage: browser_story.sh CPROKIT FIXTURES_DIR NODE_MODULES ARTIFACTS_DIR
# Exit 77 (skipped, with the reason) when chromium, node or an npm module is absent.
set -euo pipefail
cprokit=$1 fixtures=$2 modules=$3 artifacts=$4
for tool in /usr/bin/chromium node; do
  command -v "$tool" >/dev/null || { echo "SKIPPED: $tool not found (bash scripts/setup.sh)"; exit 77; }
done
for module in puppeteer-core axe-core; do
  if [ ! -d "$modules/$module" ]; then
    echo "SKIPPED: npm $module not in $modules (bash scripts/setup.sh)"
    exit 77
  fi
done
rm -rf "$artifacts"
mkdir -p "$artifacts"
exec node "$(dirname "$0")/browser_story.mjs" "$modules" "$cprokit" "$fixtures" "$artifacts"
