#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is missing, build
# cprokit (release), and lint the bundled fixtures (invoices, deposit
# requests, account forms) with the bundled structure directory and, for the
# deposit requests, the invoice they are for. The fixtures include broken
# documents on purpose, so fatal findings are expected: this script
# fails only if the build fails or cprokit itself errs (exit 2 or more).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target cprokit

status=0
./build/release/cli/cprokit lint --directory fixtures/directory/matheysine.json \
  --with fixtures/invoices/chorus/invoice-chorus-ok.xml "$@" \
  fixtures/invoices fixtures/deposits fixtures/accounts || status=$?
if [ "$status" -ge 2 ]; then
  echo "lint-fixtures: cprokit failed (exit $status)" >&2
  exit "$status"
fi
echo "lint-fixtures: done (cprokit exit $status: 0 = no fatal finding, 1 = fatal findings, as the broken fixtures intend)"
