#!/usr/bin/env bash
# Install what is missing, build with warnings as errors, run the whole test
# suite (unit, fixtures, CLI, conformance when ../shared is present, format
# and static analysis). .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release -DCPROKIT_WERROR=ON >/dev/null
cmake --build --preset release
ctest --preset release -j "$(nproc)"
