#!/usr/bin/env bash
# Deposits per second through `cprokit deposit --jobs 8` against a local
# mock: starts `cprokit mock` on a free port (--flux-delay 0, the shipped
# directory), writes COUNT distinct invoices from the valid Chorus Pro
# fixture (each its own number), deposits them ROUNDS times (new numbers
# each round), prints files/s for each round and the median.
#   scripts/bench-deposit.sh [COUNT [ROUNDS]]     (defaults 200, 3)
# BUILD=DIR takes the binary from another build folder; JOBS=N changes 8.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-200}"
rounds="${2:-3}"
jobs="${JOBS:-8}"
cprokit="${BUILD:-$root/build/release}/cli/cprokit"
[[ -x $cprokit ]] || { echo "bench-deposit: no $cprokit: build the release preset first" >&2; exit 2; }

work="$(mktemp -d)"
mock_pid=""
cleanup() {
  [[ -n $mock_pid ]] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$cprokit" mock --port 0 --data "$work/data" --no-xsd --flux-delay 0 \
  --directory "$root/fixtures/directory/matheysine.json" >"$work/mock.log" 2>&1 &
mock_pid=$!
url=""
for _ in $(seq 100); do
  url="$(sed -n 's|^  API        \(http://[^/]*\)/cpro/.*|\1|p' "$work/mock.log")"
  [[ -n $url ]] && break
  sleep 0.1
done
[[ -n $url ]] || { echo "bench-deposit: the mock did not start" >&2; cat "$work/mock.log" >&2; exit 3; }

export CPROKIT_CLIENT="cprokit-demo-client:cprokit-demo-secret-not-a-real-one"
export CPROKIT_ACCOUNT="TECH_25000103@cprokit.invalid:demo-mot-de-passe-alpine"
fixture="$root/fixtures/invoices/chorus/invoice-chorus-ok.xml"
rates=()
for round in $(seq "$rounds"); do
  dir="$work/round-$round"
  mkdir -p "$dir"
  for i in $(seq "$count"); do
    number="FA-BENCH-$round-$i"
    sed "s/FA-2026-0042/$number/g" "$fixture" >"$dir/Menuiserie Alpine SARL_$number.xml"
  done
  start=$(date +%s.%N)
  "$cprokit" deposit --server "$url" --jobs "$jobs" --no-xsd --journal "$work/journal.jsonl" \
    --format json "$dir"/*.xml >"$work/round-$round.json" || {
    echo "bench-deposit: round $round did not integrate every file (see below)" >&2
    head -c 2000 "$work/round-$round.json" >&2
    exit 1
  }
  end=$(date +%s.%N)
  rate=$(awk -v n="$count" -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", n / (b - a) }')
  echo "round $round: $count files in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s, $rate files/s"
  rates+=("$rate")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
echo "median: $median files/s ($count files a round, --jobs $jobs)"
