#!/usr/bin/env bash
# The README's test command: install what is missing, build with warnings as
# errors, run the whole test suite (unit, fixtures, CLI, mock, conformance
# when ../shared is present, format) and print ctest's summary. .ci/run calls
# exactly this, then the slower gates (scripts/gates.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release -DCPROKIT_WERROR=ON >/dev/null
cmake --build --preset release
ctest --preset release -j "$(nproc)"
