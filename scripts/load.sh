#!/usr/bin/env bash
# The mock under load, then slow clients, a burst of large unauthenticated
# POSTs and SIGTERM, each phase judged (see cprokit_mock_load --help):
#   scripts/load.sh [SECONDS] [cprokit_mock_load options]   (default 60)
# BUILD=DIR takes the binaries from another build folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
[[ $# -gt 0 ]] && shift
build="${BUILD:-$root/build/release}"
load="$build/bench/cprokit_mock_load"
[[ -x $load && -x $build/cli/cprokit ]] || {
  echo "load: $load or $build/cli/cprokit missing: build the release preset first" >&2
  exit 2
}
cd "$root"
exec "$load" --seconds "$seconds" --cprokit "$build/cli/cprokit" "$@"
