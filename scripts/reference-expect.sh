#!/usr/bin/env bash
# The official rules of invoice fixtures (EN 16931, or BR-FR: -r fr), from the reference.
#
#   scripts/reference-expect.sh [-r fr] compare PATH...   cprokit against the reference
#   scripts/reference-expect.sh [-r fr] write FILE...     FILE.expect from the reference
#
# PATH is a UBL or CII invoice, or a folder of them (its *.xml, not below).
# The reference is ../shared/reference/validate.sh beside the checkout
# (REFERENCE=... to use another): the official EN 16931 v1.3.16 schematron run
# by Saxon-HE, which needs Debian's default-jre-headless and libsaxonhe-java.
# A developer's tool: cprokit never needs it. CPROKIT=... names the binary
# (default build/release/cli/cprokit).
#
# compare: the official rule ids (BR-*, UBL-*, CII-*) the reference fires on
#   each invoice against those cprokit fires (lint --profile en16931 --no-xsd);
#   prints every difference. Exit 0 when they agree, 1 when not (or when the
#   reference cannot judge a file: an invoice it stops on, such as an empty
#   amount, does not belong in such a fixture), 77 when the reference cannot
#   run here, with the reason (ctest reports the test skipped). When the
#   reference stops on a file of the batch, each file is judged alone (slower),
#   so that a whole folder can be compared: those it stops on are named.
# write: rewrites the rule lines of each FILE.expect: the official ids the
#   reference fires, and the other ids cprokit fires with the fixture's options
#   and XSD on (XSD-01, XML-07...). The comment lines at the top of FILE.expect
#   are kept (write them first); a rule line with a pinned line (RULE @LINE)
#   is kept as it is while the rule still fires. Review the diff.
#
# -r fr: the French reform's rules (FNFE-MPE BR-FR-*, validate.sh -r fr, all
#   fatal) instead. compare: the BR-FR ids the reference fires against those
#   cprokit fires under --profile fr-ctc --no-xsd. write: FILE.expect gets the
#   ids of both references (BR-FR-* from -r fr, the EN 16931 ones from
#   -r en16931) and cprokit's other ids. Skipped (77) while cprokit has no
#   fr-ctc profile.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cprokit="${CPROKIT:-$root/build/release/cli/cprokit}"
reference="${REFERENCE:-$root/../shared/reference/validate.sh}"
usage() { sed -n '2,5p' "$0" >&2; exit 2; }
ruleset=en16931
if [ "${1:-}" = -r ]; then
  [ $# -ge 2 ] || usage
  ruleset=$2
  shift 2
fi
case $ruleset in en16931 | fr) ;; *) usage ;; esac
[ $# -ge 2 ] || usage
mode=$1
shift
case $mode in compare | write) ;; *) usage ;; esac

skip() { echo "SKIPPED: $1"; exit 77; }
[ -f "$reference" ] || skip "no reference validator at $reference"
command -v java >/dev/null || skip "java not found (apt-get install default-jre-headless)"
[ -f /usr/share/java/Saxon-HE.jar ] || skip "Saxon-HE not found (apt-get install libsaxonhe-java)"
command -v python3 >/dev/null || skip "python3 not found"
[ -x "$cprokit" ] || { echo "reference-expect: $cprokit not found: build first" >&2; exit 2; }
if [ "$ruleset" = fr ]; then
  "$cprokit" rules --profiles | awk '{ print $1 }' | grep -qx fr-ctc ||
    skip "cprokit knows no fr-ctc profile yet (cprokit rules --profiles): the BR-FR rules are not in this build"
fi

files=()
for path in "$@"; do
  if [ -d "$path" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$path" -maxdepth 1 -name '*.xml' | sort)
  elif [ -f "$path" ]; then
    files+=("$path")
  else
    echo "reference-expect: $path: no such file or folder" >&2
    exit 2
  fi
done
[ ${#files[@]} -gt 0 ] || { echo "reference-expect: no invoice in $*" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Whether the reference's messages in FILE include one that names none of the
# files: an official test stopped on a value (an empty amount...) of one of
# them, and no result of that batch can be trusted.
stopped() {
  local line f named
  while IFS= read -r line; do
    named=0
    for f in "${files[@]}"; do
      if [[ $line == "$f:"* ]]; then
        named=1
        break
      fi
    done
    [ $named = 1 ] || return 0
  done < "$1"
  return 1
}

# The reference (rule set $1) on every file, its results appended to
# reference.txt. It names the files it could not judge on stderr (reported
# below, in reference.err). When it stopped on one, each file is judged alone
# (a JVM each, a few seconds), and those it stops on are named unjudged.
judge() {
  local rs=$1 f first
  bash "$reference" -r "$rs" "${files[@]}" > "$work/batch.txt" 2> "$work/batch.err" || true
  if ! stopped "$work/batch.err"; then
    cat "$work/batch.txt" >> "$work/reference.txt"
    cat "$work/batch.err" >> "$work/reference.err"
    return
  fi
  echo "reference-expect: the reference stopped on a file of the batch; judging the ${#files[@]} files one by one" >&2
  for f in "${files[@]}"; do
    bash "$reference" -r "$rs" "$f" > "$work/one.txt" 2> "$work/one.err" || true
    if [ -s "$work/one.err" ]; then
      first=$(head -1 "$work/one.err")
      [[ $first == "$f:"* ]] || first="$f: $first"
      echo "$first" >> "$work/reference.err"
    else
      cat "$work/one.txt" >> "$work/reference.txt"
    fi
  done
}
: > "$work/reference.txt"
: > "$work/reference.err"
judge "$ruleset"
# Writing French expectations takes the EN 16931 ids from their own reference.
if [ "$ruleset" = fr ] && [ "$mode" = write ]; then
  judge en16931
fi

# The other rules of `lint` with a fixture's options (FILE.options, else
# lint.options beside it: profile, directory, name, with), XSD on.
fixture_lint() {
  local file=$1 options dir args=()
  options="$file.options"
  [ -f "$options" ] || options="$(dirname "$file")/lint.options"
  if [ -f "$options" ]; then
    dir=$(dirname "$options")
    while read -r key value; do
      case $key in
        profile) args+=(--profile "$value") ;;
        directory) args+=(--directory "$dir/$value") ;;
        with) args+=(--with "$dir/$value") ;;
        name) args+=(--name "$value") ;;
      esac
    done < <(grep -v '^[[:space:]]*\(#\|$\)' "$options")
  fi
  "$cprokit" lint --format jsonl "${args[@]}" "$file" || [ $? -eq 1 ]
}

if [ "$mode" = compare ]; then
  profile=en16931
  [ "$ruleset" = fr ] && profile=fr-ctc
  "$cprokit" lint --format jsonl --profile "$profile" --no-xsd "${files[@]}" > "$work/cprokit.jsonl" ||
    [ $? -eq 1 ]
else
  for f in "${files[@]}"; do fixture_lint "$f"; done > "$work/cprokit.jsonl"
fi

python3 - "$ruleset" "$mode" "$work/reference.txt" "$work/reference.err" "$work/cprokit.jsonl" "${files[@]}" <<'PY'
import json, sys

ruleset, mode, reference_out, reference_err, cprokit_out = sys.argv[1:6]
files = sys.argv[6:]

def official(rule):
    return rule.startswith(("BR-", "UBL-", "CII-"))

# The ids compared: the rule set's own (the BR-FR ids are official too).
def compared(rule):
    return rule.startswith("BR-FR-") if ruleset == "fr" else official(rule)

reference, current = {}, None
for line in open(reference_out, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# "):
        current = line[2:]
        reference.setdefault(current, set())
    elif line and current is not None:
        reference[current].add(line.split("\t")[0])
# The reference names on stderr the files it gave no result for. Its other
# messages (a test that stops on a value) name no file: in a batch, the file
# may still get a truncated result, so nothing of this run can be trusted.
errors = open(reference_err, encoding="utf-8").read().splitlines()
unjudged = {f for f in files if any(e.startswith(f + ":") for e in errors)}
unexplained = [e for e in errors if not any(e.startswith(f + ":") for f in files)]
if unexplained:
    print("the reference stopped on a file of this batch; run it on each file alone to find which:")
    print("\n".join("  " + e for e in unexplained[:5]))
    sys.exit(1)

cprokit = {}
for line in open(cprokit_out, encoding="utf-8"):
    document = json.loads(line)
    if "path" in document:
        cprokit[document["path"]] = {f["rule"] for f in document["findings"]}

failed = 0
for f in files:
    if f in unjudged or f not in reference:
        said = next((e[len(f) + 1:].strip() for e in errors if e.startswith(f + ":")), "")
        print(f"{f}: the reference could not judge it ({said or 'an official test stops on it'})")
        failed += 1
        continue
    ours = cprokit.get(f, set())
    if mode == "compare":
        ours = {r for r in ours if compared(r)}
        only_reference, only_cprokit = sorted(reference[f] - ours), sorted(ours - reference[f])
        if only_reference or only_cprokit:
            failed += 1
            print(f"{f}: reference only {' '.join(only_reference) or '-'}; "
                  f"cprokit only {' '.join(only_cprokit) or '-'}")
        continue
    # write: the comments kept, the rules replaced (a pinned line kept while its rule fires).
    expect = f + ".expect"
    try:
        lines = open(expect, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        lines = []
    comments = []
    for line in lines:
        if line.startswith("#") or (not line.strip() and comments):
            comments.append(line)
        else:
            break
    if not comments:
        print(f"{expect}: write its first line first (a # sentence saying what the fixture is)")
        failed += 1
        continue
    while comments and not comments[-1].strip():
        comments.pop()
    rules = reference[f] | {r for r in ours if not official(r)}
    pinned = {l.split()[0]: l for l in lines[len(comments):] if "@" in l and not l.startswith("#")}
    body = [pinned.get(r, r) for r in sorted(rules)]
    with open(expect, "w", encoding="utf-8") as out:
        out.write("\n".join(comments + ([""] if body else []) + body) + "\n")
    print(f"{expect}: {len(body)} rule(s)")

if mode == "compare":
    agreed = len(files) - failed
    which = "BR-FR rules" if ruleset == "fr" else "official rules"
    print(f"reference-expect: {agreed}/{len(files)} invoice(s) where cprokit fires the {which} the reference fires")
sys.exit(1 if failed else 0)
PY
