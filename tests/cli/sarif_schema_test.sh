#!/usr/bin/env bash
# The SARIF report of a lint run, validated against the SARIF 2.1.0 JSON schema
# (Draft 4, as published in npm @microsoft/jest-sarif) with Debian's
# python3-jsonschema, formats (uri, date-time) checked too.
# usage: sarif_schema_test.sh CPROKIT FIXTURES_DIR NODE_MODULES
# Exit 77 (skipped, with the reason) when the schema or the validator is absent.
set -euo pipefail
cprokit=$1 fixtures=$2 modules=$3
schema="$modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ ! -f "$schema" ]; then
  echo "SKIPPED: no SARIF 2.1.0 schema at $schema (bash scripts/setup.sh installs it)"
  exit 77
fi
if ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
  echo "SKIPPED: Debian's python3-jsonschema is not installed (bash scripts/setup.sh)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Odd characters in a file name test the escaping of artifact URIs.
cp "$fixtures/invoices/ubl/br-co-10-line-sum.xml" "$work/a b&é:%.xml"
status=0
"$cprokit" lint --no-xsd -f sarif -o "$work/run.sarif" "$fixtures/invoices/ubl/invoice-valid.xml" \
  "$fixtures/invoices/cii/br-co-15-two-vat-totals.xml" "$work/a b&é:%.xml" \
  "$fixtures/invoices/syntax/doctype-xxe.xml" "$fixtures/accounts" || status=$?
[ "$status" -le 1 ] || { echo "cprokit lint failed ($status)"; exit 1; }
/usr/bin/python3 - "$schema" "$work/run.sarif" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
for e in errors[:20]:
    print("invalid at", "/".join(map(str, e.absolute_path)) or "/", ":", e.message)
results = report["runs"][0]["results"]
if not results:
    print("no result in the report: the test would prove nothing"); sys.exit(1)
print(f"{len(results)} results, {len(report['runs'][0]['artifacts'])} artifacts,",
      "valid" if not errors else f"{len(errors)} schema errors")
sys.exit(1 if errors else 0)
PY
