#!/usr/bin/env bash
# The HTML report opened in Debian's headless Chromium (driven by npm
# puppeteer-core, no browser download): no console error, no failed request,
# and a screenshot that is not blank, kept in ARTIFACTS_DIR.
# usage: browser_test.sh CPROKIT FIXTURES_DIR NODE_MODULES ARTIFACTS_DIR
# Exit 77 (skipped, with the reason) when chromium, node or puppeteer-core is absent.
set -euo pipefail
cprokit=$1 fixtures=$2 modules=$3 artifacts=$4
for tool in /usr/bin/chromium node; do
  command -v "$tool" >/dev/null || { echo "SKIPPED: $tool not found (bash scripts/setup.sh)"; exit 77; }
done
if [ ! -d "$modules/puppeteer-core" ]; then
  echo "SKIPPED: npm puppeteer-core not in $modules (bash scripts/setup.sh)"
  exit 77
fi
mkdir -p "$artifacts"
status=0
"$cprokit" lint --no-xsd -f html -o "$artifacts/report.html" \
  "$fixtures/invoices/ubl/invoice-valid.xml" "$fixtures/invoices/ubl/br-co-10-line-sum.xml" \
  "$fixtures/invoices/cii/br-co-15-two-vat-totals.xml" "$fixtures/invoices/syntax" || status=$?
[ "$status" -le 1 ] || { echo "cprokit lint failed ($status)"; exit 1; }
NODE_PATH="$modules" node "$(dirname "$0")/browser_test.mjs" "$modules" "$artifacts/report.html" \
  "$artifacts/report.png"
