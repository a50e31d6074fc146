#!/usr/bin/env bash
# The HTML summary of a 100,000-document run (generated: 3 % invalid with 1
# to 5 findings each) is under 10 MB and opens in headless Chromium in under
# 2 s, its sections there (html_summary_browser_test.mjs).
# usage: html_summary_browser_test.sh HTML_REPORT_BATCH NODE_MODULES ARTIFACTS_DIR
# Exit 77 (skipped, with the reason) when chromium, node or puppeteer-core is absent.
set -euo pipefail
batch=$1 modules=$2 artifacts=$3
for tool in /usr/bin/chromium node; do
  command -v "$tool" >/dev/null || { echo "SKIPPED: $tool not found (bash scripts/setup.sh)"; exit 77; }
done
if [ ! -d "$modules/puppeteer-core" ]; then
  echo "SKIPPED: npm puppeteer-core not in $modules (bash scripts/setup.sh)"
  exit 77
fi
mkdir -p "$artifacts"
report=$artifacts/summary-100000.html
"$batch" --documents 100000 --invalid-percent 3 --max-findings 5 --out "$report"
bytes=$(stat -c %s "$report")
echo "size: $bytes bytes"
[ "$bytes" -lt 10000000 ] || { echo "the summary is $bytes bytes, not under 10 MB"; exit 1; }
NODE_PATH="$modules" node "$(dirname "$0")/html_summary_browser_test.mjs" "$modules" "$report" 2000
