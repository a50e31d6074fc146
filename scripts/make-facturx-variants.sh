#!/usr/bin/env bash
# The Factur-X container fixtures (fixtures/invoices/facturx-container/):
# complete bases made from our CII fixtures, then one breakage each applied by
# tests/tools/facturx_variant.cpp, whatever made the base.
# usage: scripts/make-facturx-variants.sh MAKE_FIXTURES VARIANT FIXTURES_DIR [--check SCRATCH]
#   writes the PDFs into FIXTURES_DIR/invoices/facturx-container, or with
#   --check makes them in SCRATCH and fails if they differ from the committed ones.
set -euo pipefail
make_fixtures="$1" variant="$2" fixtures="$3"
committed="$fixtures/invoices/facturx-container"
out="$committed"
if [[ "${4:-}" == "--check" ]]; then
  out="$5"
  mkdir -p "$out"
fi
cii="$fixtures/invoices/cii/invoice-valid.xml"

"$make_fixtures" --base "$cii" "EN 16931" "$out/base-en16931.pdf"
"$make_fixtures" --base "$cii" "EXTENDED" "$out/base-extended.pdf"
"$make_fixtures" --base "$cii" "MINIMUM" "$out/base-minimum.pdf"
"$make_fixtures" --base "$cii" "BASIC WL" "$out/base-basicwl.pdf"
# Ready for deposit on the mock (its tests deposit it).
"$make_fixtures" --base "$fixtures/invoices/chorus/cii-invoice-chorus-ok.xml" "EN 16931" \
  "$out/base-chorus-ok.pdf"
for breakage in wrong-relationship no-af level-mismatch unknown-level wrong-name two-xmls \
  encrypted no-xmp pdfa-2 no-extension-schema no-params wrong-mime; do
  "$variant" "$out/base-en16931.pdf" "$breakage" "$out/$breakage.pdf"
done
"$variant" "$out/base-minimum.pdf" alternative-relationship "$out/minimum-alternative.pdf"
# The base again, linted with --syntaxe-flux IN_DP_E1_UBL_INVOICE (its .options): DOC-02.
cp "$out/base-en16931.pdf" "$out/declared-ubl.pdf"

if [[ "$out" != "$committed" ]]; then
  status=0
  for made in "$out"/*.pdf; do
    if ! cmp -s "$made" "$committed/$(basename "$made")"; then
      echo "$committed/$(basename "$made") is not what the mutator makes:" \
        "run scripts/make-facturx-variants.sh" >&2
      status=1
    fi
  done
  exit "$status"
fi
echo "$committed: PDFs rebuilt"
