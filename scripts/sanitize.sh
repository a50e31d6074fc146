#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (preset asan: clang 14, a debug build, leaks detected at exit). The same
# build holds the libFuzzer targets, so scripts/fuzz.sh, run next by
# scripts/gates.sh, does not compile the product a second time. A sanitizer report
# ends the process with an exit code of its own (ASan 86, UBSan 87, set by
# the asan test preset), so a test that expects cprokit to exit 1 cannot pass
# on a sanitizer abort. Run after scripts/setup.sh; extra arguments go to
# ctest (for example -R mock).
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset asan -DCPROKIT_WERROR=ON >/dev/null
cmake --build --preset asan
ctest --preset asan -j "$(nproc)" "$@"
