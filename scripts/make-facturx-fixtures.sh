#!/usr/bin/env bash
# Rebuilds fixtures/invoices/facturx/*.pdf from the XML fixtures they embed,
# with the generator tests/tools/make_facturx_fixtures.cpp.
# usage: scripts/make-facturx-fixtures.sh [BUILD_DIR]   (default build/h)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/h}"
cmake --build "$build" --target make_facturx_fixtures
"$build/tests/make_facturx_fixtures" fixtures
echo "fixtures/invoices/facturx: PDFs rebuilt"
