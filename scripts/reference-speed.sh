#!/usr/bin/env bash
# cprokit against the official EN 16931 validation artefacts on a warm JVM,
# side by side on the same files and the same machine:
#   scripts/reference-speed.sh [--files N] [--rounds R] [--jit c1|full]
# For each syntax, copies the official examples (../shared/en16931/examples:
# cii/ for CII, the rest for UBL) round and round into a folder of N files
# (default 3000), and a folder of its first 100. Then, R rounds (default 3),
# times each tool on both folders, one after the other:
#   reference  java net.sf.saxon.Transform over the folder, one JVM, the
#              stylesheet of ../shared/reference/wrap/SYNTAX-en16931.xsl
#              (the EN 16931 rules only; no XSD);
#   cprokit    cprokit lint --profile en16931 --no-xsd --format jsonl, on one
#              thread (-j 1) and on every core (-j $(nproc)).
# The warm rate is (N - 100) / (time on N - time on 100): start-up (the JVM's
# and its stylesheet's compilation; cprokit's code lists) cancels out. Prints
# each tool's median warm rate and CPU time, and cprokit's ratio to the
# reference. --jit c1 runs the JVM as ../shared/reference/validate.sh does
# (-XX:TieredStopAtLevel=1, quick to start); full (the default) lets the JIT
# reach its best code, the stronger reference. Needs java and Saxon-HE
# (apt-get install default-jre-headless libsaxonhe-java: a developer's tool,
# never a dependency of cprokit) and /usr/bin/time (package time). BUILD=DIR
# takes cprokit from DIR (default build/release); CPROKIT_SHARED_DIR=DIR reads
# the examples and stylesheets from DIR (default ../shared). Not part of the
# test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
files=3000
rounds=3
jit=full
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --jit) jit=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
case "$jit" in
  c1) jvm_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1) ;;
  full) jvm_flags=() ;;
  *) echo "reference-speed: --jit is c1 or full" >&2; exit 2 ;;
esac
if ! [[ "$files" =~ ^[0-9]+$ ]] || [ "$files" -le 100 ] || ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "reference-speed: --files must be over 100, --rounds at least 1" >&2
  exit 2
fi

shared=${CPROKIT_SHARED_DIR:-../shared}
cprokit=${BUILD:-build/release}/cli/cprokit
saxon=/usr/share/java/Saxon-HE.jar
missing=()
[ -x "$cprokit" ] || missing+=("$cprokit (cmake --preset release && cmake --build --preset release)")
[ -d "$shared/en16931/examples/cii" ] || missing+=("$shared/en16931/examples (CPROKIT_SHARED_DIR)")
[ -f "$shared/reference/wrap/cii-en16931.xsl" ] || missing+=("$shared/reference/wrap")
command -v java >/dev/null || missing+=("java (apt-get install default-jre-headless)")
[ -f "$saxon" ] || missing+=("$saxon (apt-get install libsaxonhe-java)")
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (apt-get install time)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'reference-speed: missing %s\n' "${missing[@]}" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cprokit-refspeed.XXXXXX")
trap 'rm -rf "$work"' EXIT

# fill FOLDER COUNT SOURCE...: COUNT copies of the sources, round and round.
fill() {
  local folder=$1 count=$2 i=0
  shift 2
  mkdir -p "$folder"
  while [ "$i" -lt "$count" ]; do
    for source in "$@"; do
      [ "$i" -lt "$count" ] || break
      i=$((i + 1))
      cp "$source" "$folder/$(printf '%06d' "$i").xml"
    done
  done
}

# seconds FILE: "wall cpu" from /usr/bin/time's "%e %U %S".
seconds() { awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$1"; }

# timed OUT -- COMMAND...: runs it, its "wall cpu" into OUT. cprokit exits 1
# when it finds something (the examples break a few rules): only 2 and over fail.
timed() {
  local out=$1 status=0
  shift 2
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
  if [ "$status" -ge 2 ]; then
    echo "reference-speed: failed ($status): $*" >&2
    head -5 "$work/stderr" >&2
    exit 1
  fi
  seconds "$work/time" >"$out"
}

reference() {  # SYNTAX FOLDER OUT
  rm -rf "$work/out" && mkdir -p "$work/out"
  timed "$3" -- java "${jvm_flags[@]}" -cp "$saxon" net.sf.saxon.Transform -s:"$2" \
    -o:"$work/out" -xsl:"$shared/reference/wrap/$1-en16931.xsl"
}
linter() {  # JOBS FOLDER OUT
  timed "$3" -- "$cprokit" lint --profile en16931 --no-xsd --progress never -j "$1" \
    --format jsonl -o /dev/null "$2"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "reference-speed: $files files a syntax, $rounds rounds, JVM JIT $jit, $(nproc) cores"
for syntax in cii ubl; do
  if [ "$syntax" = cii ]; then
    mapfile -d '' sources < <(find "$shared/en16931/examples/cii" -iname '*.xml' -print0 | sort -z)
  else
    mapfile -d '' sources < <(find "$shared/en16931/examples" -path '*/cii' -prune -o \
      -iname '*.xml' -print0 | sort -z)
  fi
  fill "$work/$syntax/big" "$files" "${sources[@]}"
  fill "$work/$syntax/small" 100 "${sources[@]}"
  : >"$work/rates"
  for _ in $(seq "$rounds"); do
    for tool in reference j1 jall; do
      for size in small big; do
        case "$tool" in
          reference) reference "$syntax" "$work/$syntax/$size" "$work/$size" ;;
          j1) linter 1 "$work/$syntax/$size" "$work/$size" ;;
          jall) linter "$(nproc)" "$work/$syntax/$size" "$work/$size" ;;
        esac
      done
      read -r small_wall _ <"$work/small"
      read -r big_wall big_cpu <"$work/big"
      awk -v t="$tool" -v n=$((files - 100)) -v a="$small_wall" -v b="$big_wall" -v c="$big_cpu" \
        'BEGIN { d = b - a; printf "%s %.0f %s %s\n", t, (d > 0 ? n / d : 0), b, c }' >>"$work/rates"
    done
  done
  rate() { awk -v t="$1" '$1 == t { print $2 }' "$work/rates" | median; }
  whole() { awk -v t="$1" '$1 == t { print $3 " s wall, " $4 " s CPU" }' "$work/rates" | tail -1; }
  ref=$(rate reference)
  echo "$syntax (${#sources[@]} examples):"
  for tool in reference j1 jall; do
    r=$(rate "$tool")
    case "$tool" in
      reference) label="reference (Saxon-HE)" ;;
      j1) label="cprokit -j 1" ;;
      jall) label="cprokit -j $(nproc)" ;;
    esac
    ratio=$(awk -v r="$r" -v f="$ref" 'BEGIN { if (f > 0) printf "%.1fx", r / f; else print "-" }')
    printf '  %-22s %8s files/s warm  %6s the reference   %s files: %s\n' \
      "$label" "$r" "$ratio" "$files" "$(whole "$tool")"
  done
done
