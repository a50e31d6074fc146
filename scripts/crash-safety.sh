#!/usr/bin/env bash
# Crash safety of the mock: TRIALS times, `cprokit mock` is SIGKILLed at a
# random moment while 4 clients deposit (flux valid and invalid, PDF +
# soumettre, invoices the buyer pays), restarted on the same data folder,
# and its database checked: every answered deposit there once with its
# bytes and in its final state, no number reused, integrity_check ok.
#   scripts/crash-safety.sh [TRIALS] [cprokit_mock_crash options]   (default 50)
# SEED=N replays a run; BUILD=DIR takes the binaries from another build folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
trials="${1:-50}"
[[ $# -gt 0 ]] && shift
build="${BUILD:-$root/build/release}"
crash="$build/bench/cprokit_mock_crash"
[[ -x $crash && -x $build/cli/cprokit ]] || {
  echo "crash-safety: $crash or $build/cli/cprokit missing: build the release preset first" >&2
  exit 2
}
cd "$root"
exec "$crash" --trials "$trials" --cprokit "$build/cli/cprokit" ${SEED:+--seed "$SEED"} "$@"
