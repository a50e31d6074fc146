#!/usr/bin/env bash
# How often cprokit fires the same rules as the reference, on generated variants.
#
#   scripts/fr-agreement.sh BASE... [-n N] [-r fr|en16931] [--seed S] [-o DIR]
#
# BASE is a reform-conformant UBL or CII invoice (fixtures/invoices/fr/base-*.xml).
# tests/tools/fr_variants writes N variants of each (default 200, seed 1), one or
# two mutations each, named in the file name; then the reference
# (../shared/reference/validate.sh -r RULES, one JVM per syntax over all files)
# and cprokit (lint --format json --no-xsd, profile fr-ctc for -r fr, en16931
# for -r en16931, the default) judge them all. Prints the share of files where
# both fire the same set of the rule set's ids (BR-FR-* for fr; the official
# EN 16931 BR-, UBL-, CII- ids for en16931), then each file that differs with
# the ids only one side fires. Files the reference cannot judge (it stops on
# them, e.g. a VAT rate "20,0" in an EN 16931 sum) are listed apart and left out
# of the share.
#
# A developer's measurement, not a test: a few seconds per JVM, then some 200
# invoices a second for the reference. -o DIR keeps the variants and both
# outputs in DIR (else a temporary folder, removed). CPROKIT=... and
# FR_VARIANTS=... name the binaries (default build/release/cli/cprokit and
# build/release/tests/fr_variants), REFERENCE=... the validator. Exit 0 when
# every judged file agrees, 1 when one differs, 2 on a usage or setup error,
# 77 when the reference or the profile is missing here (with the reason).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cprokit="${CPROKIT:-$root/build/release/cli/cprokit}"
generator="${FR_VARIANTS:-$root/build/release/tests/fr_variants}"
reference="${REFERENCE:-$root/../shared/reference/validate.sh}"
usage() { sed -n '4p' "$0" | sed 's/^#   /usage: /' >&2; exit 2; }

count=200 ruleset=en16931 seed=1 keep="" bases=()
while [ $# -gt 0 ]; do
  case $1 in
    -n) [ $# -ge 2 ] || usage; count=$2; shift 2 ;;
    -r) [ $# -ge 2 ] || usage; ruleset=$2; shift 2 ;;
    --seed) [ $# -ge 2 ] || usage; seed=$2; shift 2 ;;
    -o) [ $# -ge 2 ] || usage; keep=$2; shift 2 ;;
    -h | --help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) usage ;;
    *) bases+=("$1"); shift ;;
  esac
done
[ ${#bases[@]} -gt 0 ] || usage
case $ruleset in en16931) profile=en16931 ;; fr) profile=fr-ctc ;; *) usage ;; esac
[[ $count =~ ^[1-9][0-9]*$ ]] || { echo "fr-agreement: -n $count: a positive number" >&2; exit 2; }
[[ $seed =~ ^[0-9]+$ ]] || { echo "fr-agreement: --seed $seed: a number" >&2; exit 2; }

skip() { echo "SKIPPED: $1"; exit 77; }
[ -f "$reference" ] || skip "no reference validator at $reference"
command -v java >/dev/null || skip "java not found (apt-get install default-jre-headless)"
[ -f /usr/share/java/Saxon-HE.jar ] || skip "Saxon-HE not found (apt-get install libsaxonhe-java)"
command -v python3 >/dev/null || skip "python3 not found"
for binary in "$cprokit" "$generator"; do
  [ -x "$binary" ] || { echo "fr-agreement: $binary not found: build first" >&2; exit 2; }
done
"$cprokit" rules --profiles | awk '{ print $1 }' | grep -qx "$profile" ||
  skip "cprokit knows no $profile profile yet (cprokit rules --profiles)"
for base in "${bases[@]}"; do
  [ -f "$base" ] || { echo "fr-agreement: $base: no such file" >&2; exit 2; }
done
# Variants are named after their base: two bases may not share a name.
dupes=$(for base in "${bases[@]}"; do basename "$base"; done | sort | uniq -d)
[ -z "$dupes" ] || { echo "fr-agreement: two bases named $dupes" >&2; exit 2; }

if [ -n "$keep" ]; then
  work=$keep
  rm -rf "$work/variants"
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
for base in "${bases[@]}"; do
  "$generator" "$base" "$work/variants" -n "$count" --seed "$seed"
done
files=("$work"/variants/*.xml)

now() { date +%s.%N; }
start=$(now)
bash "$reference" -r "$ruleset" "${files[@]}" > "$work/reference.txt" 2> "$work/reference.err" || true
middle=$(now)
"$cprokit" lint --format json --profile "$profile" --no-xsd "${files[@]}" > "$work/cprokit.json" ||
  [ $? -eq 1 ]
end=$(now)

python3 - "$ruleset" "$profile" "$work" "$start" "$middle" "$end" "${#bases[@]}" "$seed" <<'PY'
import json, os, sys

ruleset, profile, work = sys.argv[1:4]
start, middle, end = map(float, sys.argv[4:7])
bases, seed = sys.argv[7:9]

def counted(rule):
    if ruleset == "fr":
        return rule.startswith("BR-FR-")
    return rule.startswith(("BR-", "UBL-", "CII-")) and not rule.startswith("BR-FR-")

reference, current = {}, None
for line in open(os.path.join(work, "reference.txt"), encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# "):
        current = line[2:]
        reference[current] = set()
    elif line and current is not None:
        reference[current].add(line.split("\t")[0])
# validate.sh names on stderr each file it has no result for; Saxon's own
# messages (why it stopped) name none.
errors = open(os.path.join(work, "reference.err"), encoding="utf-8").read().splitlines()
unjudged = {e.split(": ")[0] for e in errors if e.endswith(": no result from the reference")}

ours = {d["path"]: {f["rule"] for f in d["findings"]}
        for d in json.load(open(os.path.join(work, "cprokit.json"), encoding="utf-8"))["documents"]}

judged = [f for f in sorted(reference) if f not in unjudged]
differences = []
for f in judged:
    theirs, mine = reference[f], {r for r in ours.get(f, set()) if counted(r)}
    if theirs != mine:
        differences.append((f, sorted(theirs - mine), sorted(mine - theirs)))

name = {"fr": "BR-FR", "en16931": "EN 16931"}[ruleset]
agreed = len(judged) - len(differences)
share = 100.0 * agreed / len(judged) if judged else 0.0
print(f"fr-agreement: -r {ruleset}, {len(reference)} variant(s) of {bases} base(s), seed {seed}")
print(f"  reference (validate.sh -r {ruleset}): {middle - start:.1f} s; "
      f"cprokit (lint --profile {profile} --no-xsd): {end - middle:.1f} s")
print(f"  {agreed}/{len(judged)} file(s) ({share:.2f} %) where both fire the same {name} ids")
if unjudged:
    print(f"  {len(unjudged)} file(s) the reference could not judge, left out:")
    for f in sorted(unjudged):
        print(f"    {os.path.basename(f)}")
for f, only_reference, only_cprokit in differences:
    print(f"{os.path.basename(f)}: reference only {' '.join(only_reference) or '-'}; "
          f"cprokit only {' '.join(only_cprokit) or '-'}")
sys.exit(1 if differences else 0)
PY
