#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz/ under AddressSanitizer and
# UndefinedBehaviorSanitizer (the build of preset asan, clang 14, which
# scripts/sanitize.sh also uses). See usage() or --help.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'TEXT'
Usage: scripts/fuzz.sh TARGET SECONDS [LIBFUZZER-OPTION...]
       scripts/fuzz.sh all SECONDS [LIBFUZZER-OPTION...]
       scripts/fuzz.sh --list | --help

Fuzzes TARGET (or every target, as many at once as there are cores) for
SECONDS each: builds TARGET in the build of preset `asan` (clang 14,
-fsanitize=fuzzer,address,undefined; the packages come with
scripts/setup.sh; after scripts/sanitize.sh it is already built, the
product is not compiled again), collects the seed corpus from
fixtures/ into build/fuzz/seeds/TARGET, and runs libFuzzer with the target's
dictionary (tests/fuzz/xml.dict or json.dict) and limits sized for its inputs
(-max_len, -timeout, -rss_limit_mb), adding what it finds to
build/fuzz/corpus/TARGET (kept from run to run: a second run starts where the
first stopped). Extra options go to libFuzzer (e.g. -runs=1000).

Prints the executions and executions per second of each target. Exits 1 when
a target crashed, leaked, timed out or ran out of memory; the input that did
it is in build/fuzz/artifacts/TARGET/ and the log in build/fuzz/logs/.

To replay one input:   build/asan/tests/fuzz/TARGET build/fuzz/artifacts/TARGET/crash-...
Once the bug is fixed, keep the (small) input as a regression:
  tests/fuzz/regressions/TARGET/NAME   (ctest replays them, in every build)

Targets:
  fuzz_lint_ubl          a UBL invoice linted (detection, XML, binding walk, rules)
  fuzz_lint_cii          a CII invoice, likewise
  fuzz_facturx           a Factur-X PDF: the embedded XML found with qpdf, then linted
  fuzz_deposit_request   the JSON of a deposit request, linted with the invoice it is for
  fuzz_account           the JSON of an account form, linted
  fuzz_directory         the structure directory file, then an invoice linted with it
  fuzz_codelists         the code-list file, then an invoice linted with its lists
  fuzz_mock_request      raw HTTP requests through the mock's handling (limits, gate,
                         API, admin API, portal), in process; @TOKEN@, @ACCOUNT@ and
                         @ADMIN@ in an input stand for the secrets
  fuzz_xsd_fastpath      a UBL or CII invoice: whenever the fast XSD path proves it
                         valid, Xerces must find no error; needs the EN 16931
                         schemas (CPROKIT_SCHEMAS, else ../shared/en16931/xsd), and
                         is reported skipped without them
TEXT
}

targets=(fuzz_lint_ubl fuzz_lint_cii fuzz_facturx fuzz_deposit_request fuzz_account
  fuzz_directory fuzz_codelists fuzz_mock_request fuzz_xsd_fastpath)

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  --list) printf '%s\n' "${targets[@]}"; exit 0 ;;
esac
if [ $# -lt 2 ] || ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then
  usage >&2
  exit 2
fi
which="$1"
seconds="$2"
shift 2
if [ "$which" = all ]; then
  chosen=("${targets[@]}")
elif printf '%s\n' "${targets[@]}" | grep -qx -- "$which"; then
  chosen=("$which")
else
  echo "fuzz: no target '$which' (scripts/fuzz.sh --list)" >&2
  exit 2
fi

# The programs come from the sanitizer build (build/asan); what a run keeps
# (seeds, corpus, artifacts, logs) is in build/fuzz.
work=build/fuzz
programs=build/asan/tests/fuzz
cmake --preset asan -DCPROKIT_WERROR=ON >/dev/null
cmake --build --preset asan --target "${chosen[@]}"

# The seeds of a target, from fixtures/ (and, for the code lists, the small
# file of tests/fuzz/seeds: there is no code-list fixture).
seeds() {
  case "$1" in
    fuzz_lint_ubl) grep -rlZ --include='*.xml' 'urn:oasis:names:specification:ubl' fixtures | xargs -0 ls ;;
    fuzz_lint_cii) grep -rlZ --include='*.xml' 'CrossIndustryInvoice' fixtures | xargs -0 ls ;;
    fuzz_xsd_fastpath) ls fixtures/invoices/ubl/*.xml fixtures/invoices/cii/*.xml ;;
    fuzz_facturx) ls fixtures/invoices/facturx/*.pdf ;;
    fuzz_deposit_request) ls fixtures/deposits/*.json ;;
    fuzz_account) ls fixtures/accounts/*.json ;;
    fuzz_directory) ls fixtures/directory/matheysine.json ;;
    fuzz_codelists) ls tests/fuzz/seeds/codelists.json ;;
    fuzz_mock_request) ls tests/fuzz/seeds/mock_request/*.http ;;
  esac
}

# Limits per target: the largest input worth mutating (the fixtures reach
# 30 KB of XML and 26 KB of PDF; JSON files are a few KB), and the dictionary.
max_len() {
  case "$1" in
    fuzz_lint_ubl | fuzz_lint_cii | fuzz_facturx | fuzz_xsd_fastpath) echo 32768 ;;
    *) echo 8192 ;;
  esac
}
dictionary() {
  case "$1" in
    fuzz_lint_ubl | fuzz_lint_cii | fuzz_facturx | fuzz_xsd_fastpath) echo tests/fuzz/xml.dict ;;
    fuzz_mock_request) echo tests/fuzz/http.dict ;;
    *) echo tests/fuzz/json.dict ;;
  esac
}

# Fuzzes one target; its status (0 or libFuzzer's exit code, "skipped") in
# $work/logs/TARGET.status.
fuzz_one() {
  local target=$1 seed_dir corpus artifacts log n file schemas status runs rate
  shift
  seed_dir="$work/seeds/$target"
  corpus="$work/corpus/$target"
  artifacts="$work/artifacts/$target"
  log="$work/logs/$target.log"
  rm -rf "$seed_dir"
  mkdir -p "$seed_dir" "$corpus" "$artifacts" "$work/logs"
  n=0
  while IFS= read -r file; do
    n=$((n + 1))
    cp "$file" "$seed_dir/$n-$(basename "$file")"
  done < <(seeds "$target")
  # The fast XSD path is judged against real schemas: without them the
  # target checks nothing, so it is reported skipped, not ok.
  if [ "$target" = fuzz_xsd_fastpath ]; then
    schemas="${CPROKIT_SCHEMAS:-$(cd .. && pwd)/shared/en16931/xsd}"
    if [ ! -f "$schemas/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd" ]; then
      echo "fuzz: $target skipped: no EN 16931 schemas in $schemas (set CPROKIT_SCHEMAS)"
      echo skipped >"$work/logs/$target.status"
      return
    fi
    export CPROKIT_SCHEMAS="$schemas" CPROKIT_CACHE_DIR="$work/cache"
  fi
  echo "fuzz: $target for $seconds s ($n seeds, corpus $(find "$corpus" -type f | wc -l) inputs)"
  status=0
  # One input may take up to 10 s (a 30 KB invoice under ASan takes ~0.1 s);
  # 2 GB leaves room for ASan's quarantine on a 24 GB machine shared by two.
  UBSAN_OPTIONS=print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    "$programs/$target" "$corpus" "$seed_dir" \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
    -rss_limit_mb=2048 -dict="$(dictionary "$target")" -artifact_prefix="$artifacts/" \
    -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  echo "$status" >"$work/logs/$target.status"
  if [ "$status" -eq 0 ]; then
    echo "fuzz: $target ok: ${runs:-?} executions, ${rate:-?} exec/s, corpus $(find "$corpus" -type f | wc -l) inputs"
  else
    echo "fuzz: $target FAILED (exit $status) after ${runs:-?} executions; log $log" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*Test unit written to)' "$log" | head -20 >&2 || true
  fi
}

# The targets run side by side, one per core (each is one process, with its
# own corpus, artifacts and log); a line of output is a whole line.
mkdir -p "$work/logs"
for target in "${chosen[@]}"; do
  rm -f "$work/logs/$target.status"
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do
    wait -n || true
  done
  fuzz_one "$target" "$@" &
done
wait
failed=()
for target in "${chosen[@]}"; do
  status=$(cat "$work/logs/$target.status" 2>/dev/null || echo "no status")
  [ "$status" = 0 ] || [ "$status" = skipped ] || failed+=("$target")
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]} (reproducers in $work/artifacts/)" >&2
  exit 1
fi
