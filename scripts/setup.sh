#!/usr/bin/env bash
# Installs the Debian 12 packages cprokit needs to build and test.
# Idempotent and non-interactive: packages already present are skipped,
# and apt is only called when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-program-options-dev libpugixml-dev libxerces-c-dev
  nlohmann-json3-dev libfmt-dev libssl-dev catch2
  libcpp-httplib-dev libsqlite3-dev libsodium-dev libarchive-dev
  libqpdf-dev
  clang-format clang-tidy
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
