#!/usr/bin/env bash
# The Factur-X container fixtures (fixtures/invoices/facturx-container/): one
# base per profile made by the product, `cprokit facturx make`, from our CII
# fixtures and a plain one-page PDF (tests/tools/make_facturx_fixtures.cpp
# --plain), then one breakage each applied by tests/tools/facturx_variant.cpp.
# usage: scripts/make-facturx-variants.sh CPROKIT MAKE_FIXTURES VARIANT FIXTURES_DIR [--check SCRATCH]
#   writes the PDFs into FIXTURES_DIR/invoices/facturx-container, or with
#   --check makes them in SCRATCH and fails if they differ from the committed ones.
# The bases are reproducible: SOURCE_DATE_EPOCH fixes their dates and /ID,
# and the output intent embeds Debian's sRGB profile (icc-profiles-free).
set -euo pipefail
cprokit="$1" make_fixtures="$2" variant="$3" fixtures="$4"
committed="$fixtures/invoices/facturx-container"
out="$committed"
if [[ "${5:-}" == "--check" ]]; then
  out="$6"
  mkdir -p "$out"
fi
cii="$fixtures/invoices/cii"
srgb=/usr/share/color/icc/sRGB.icc
if [[ ! -f "$srgb" ]]; then
  echo "SKIPPED: no sRGB profile at $srgb, which the committed bases embed:" \
    "apt-get install icc-profiles-free" >&2
  exit 77
fi
export CPROKIT_SRGB_PROFILE="$srgb"
export SOURCE_DATE_EPOCH=1780315200  # 2026-06-01 12:00:00 UTC

"$make_fixtures" --plain "$out/plain.pdf"
make_base() {  # CII PROFILE NAME
  "$cprokit" facturx make --xml "$1" --pdf "$out/plain.pdf" -o "$out/base-$3.pdf" \
    --profile "$2" --force >/dev/null
}
make_base "$cii/facturx-minimum.xml" minimum minimum
make_base "$cii/facturx-basicwl.xml" basicwl basicwl
make_base "$cii/facturx-basic.xml" basic basic
make_base "$cii/invoice-valid.xml" en16931 en16931
make_base "$cii/facturx-extended.xml" extended extended
# The French reform's EXTENDED-CTC-FR: XMP level EXTENDED, its XML judged by CII D22B.
make_base "$cii/facturx-extended-ctc-fr.xml" extended extended-ctc-fr
# Ready for deposit on the mock (its tests deposit it).
make_base "$fixtures/invoices/chorus/cii-invoice-chorus-ok.xml" en16931 chorus-ok
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
      echo "$committed/$(basename "$made") is not what the script makes:" \
        "run scripts/make-facturx-variants.sh" >&2
      status=1
    fi
  done
  exit "$status"
fi
echo "$committed: PDFs rebuilt"
