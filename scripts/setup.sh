#!/usr/bin/env bash
# Installs the Debian 12 packages cprokit needs to build and test.
# Idempotent and non-interactive: packages already present are skipped,
# and apt is only called when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libboost-program-options-dev libpugixml-dev libxerces-c-dev
  nlohmann-json3-dev libfmt-dev libssl-dev catch2
  libcpp-httplib-dev libsqlite3-dev libsodium-dev libarchive-dev
  libqpdf-dev libkainjow-mustache-dev libre2-dev
  # the sRGB ICC profile of the output intent `cprokit facturx make` adds (read at run time)
  icc-profiles-free
  clang-format clang-tidy
  # the sanitizer build (scripts/sanitize.sh) and its fuzz targets (scripts/fuzz.sh): clang 14
  # with its ASan, UBSan and libFuzzer runtimes, llvm-symbolizer for the stacks
  clang-14 libclang-rt-14-dev llvm-14
  # test-time tools for the report formats: the SARIF schema check, the HTML report in a browser
  python3-jsonschema chromium
)
# node and npm (for tools/npm): Debian's unless a node is already there
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
else
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm test tools, pinned by tools/npm/package-lock.json, into tools/npm/node_modules
# (ignored by git): the SARIF 2.1.0 schema, puppeteer-core for Debian's chromium, axe-core.
# Scripts are not run, so no browser is downloaded.
tools="$(cd "$(dirname "$0")/../tools/npm" && pwd)"
if [ ! -f "$tools/node_modules/.package-lock.json" ] ||
  [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci in tools/npm"
  npm ci --prefix "$tools" --ignore-scripts --no-audit --no-fund --loglevel=error
fi
