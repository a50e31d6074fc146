#!/usr/bin/env bash
# Install what is missing, build with warnings as errors, run the whole test
# suite (unit, fixtures, CLI, mock, conformance when ../shared is present,
# format), then the static analysis (clang-tidy, every source). .ci/run calls
# exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset release -DCPROKIT_WERROR=ON >/dev/null
cmake --build --preset release
ctest --preset release -j "$(nproc)"
start=$(date +%s)
bash scripts/tidy.sh build/release
echo "tidy: $(( $(date +%s) - start )) s"
