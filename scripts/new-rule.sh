#!/usr/bin/env bash
# Scaffolds a new rule, as clang-tidy's add_new_check.py scaffolds a check:
#   scripts/new-rule.sh [--from FIXTURE] [--severity fatal|warning|info] [--no-build] ID FILE
# - FILE (a rule file of its family, such as rules/chorus/document_rules.cpp)
#   gets a check function for invoices, before its last register_ function,
#   and the rule's registration at the end of that function: both marked
#   TODO(ID), to be filled in;
# - beside FIXTURE (default fixtures/invoices/chorus/invoice-chorus-ok.xml,
#   a valid invoice) come a fixture that must fire ID and a neighbour that
#   must not, copies of FIXTURE to edit, each with its .expect;
# - then cprokit is built and scripts/update-docs.sh regenerates the docs.
# The fixture test fails until the check fires on the first fixture and not
# on the second: the rule starts red. The registry refuses an ID no family
# takes: add the family first (its pack's register_families).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

usage() {
  sed -n '2,3p' "$0" | sed 's/^# //' >&2
  exit 2
}

from="fixtures/invoices/chorus/invoice-chorus-ok.xml"
severity="fatal"
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --from) from="$2"; shift 2 ;;
    --severity) severity="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h | --help) usage ;;
    -*) echo "new-rule: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[[ $# -eq 2 ]] || usage
id="$1"
file="$2"

[[ "$id" =~ ^[A-Z]+(-[A-Z0-9]+)*-[0-9]+$ ]] ||
  { echo "new-rule: $id: an id is a family prefix and a number (CPRO-NUM-02)" >&2; exit 2; }
case "$severity" in
  fatal) sev="Fatal" ;; warning) sev="Warning" ;; info) sev="Info" ;;
  *) echo "new-rule: --severity $severity: fatal, warning or info" >&2; exit 2 ;;
esac
cd "$root"
[[ -f "$file" ]] || { echo "new-rule: $file: no such rule file" >&2; exit 2; }
[[ -f "$from" ]] || { echo "new-rule: --from $from: no such fixture" >&2; exit 2; }
if grep -q "\"$id\"" "$file"; then
  echo "new-rule: $file already names $id" >&2
  exit 2
fi
register_line=$(grep -n '^void register_[a-z_]*(Registry& registry) {$' "$file" | tail -n 1 | cut -d: -f1)
[[ -n "$register_line" ]] ||
  { echo "new-rule: $file has no 'void register_…(Registry& registry) {' function" >&2; exit 2; }

check="check_$(echo "$id" | tr 'A-Z-' 'a-z_')"
stub=$(cat <<EOF
// TODO($id): what the rule requires, and why (its source).
void $check(const Invoice& invoice, const Context& /*context*/, Reporter& report) {
  // TODO($id): report.fire(where, {"…", "…"}) when the invoice breaks the rule.
  (void)invoice;
  (void)report;
}

EOF
)
registration=$(cat <<EOF
  {
    // TODO($id): the rule's text in both languages, its business terms and source.
    Rule rule;
    rule.id = "$id";
    rule.severity = Severity::$sev;
    rule.title = {"TODO : ce que la règle exige.", "TODO: what the rule requires."};
    rule.source = "TODO";
    rule.checks.invoice = $check;
    registry.add(std::move(rule));
  }
EOF
)

# The stub goes inside the anonymous namespace that closes just before the
# register function, if there is one; the registration before the register
# function's closing brace.
awk -v reg="$register_line" -v stub="$stub" -v registration="$registration" '
  { lines[NR] = $0 }
  END {
    at = reg
    for (i = reg - 1; i > 0 && lines[i] ~ /^[[:space:]]*$/; --i) {}
    if (i > 0 && lines[i] == "}  // namespace") at = i
    close_at = 0
    for (j = reg + 1; j <= NR; ++j) if (lines[j] == "}") { close_at = j; break }
    if (close_at == 0) { print "new-rule: no closing brace after the register function" > "/dev/stderr"; exit 1 }
    for (k = 1; k <= NR; ++k) {
      if (k == at) print stub "\n"
      if (k == close_at) print registration
      print lines[k]
    }
  }' "$file" > "$file.new"
mv "$file.new" "$file"

dir=$(dirname "$from")
ext="${from##*.}"
name=$(echo "$id" | tr 'A-Z' 'a-z')
fires="$dir/$name.$ext"
quiet="$dir/$name-ok.$ext"
for f in "$fires" "$quiet"; do
  [[ ! -e "$f" ]] || { echo "new-rule: $f exists already" >&2; exit 2; }
  cp "$from" "$f"
done
printf '# TODO(%s): from %s, the one change that breaks the rule.\n%s\n' \
  "$id" "$(basename "$from")" "$id" > "$fires.expect"
printf '# TODO(%s): from %s, the closest case that must not fire %s.\n' \
  "$id" "$(basename "$from")" "$id" > "$quiet.expect"

echo "new-rule: $file: $check and the registration of $id (TODO($id) marks what to write)"
echo "new-rule: fixtures $fires (must fire $id) and $quiet (must not), with their .expect"
if [[ "$build" -eq 1 ]]; then
  cmake --build --preset release --target cprokit
  bash scripts/update-docs.sh
fi
echo "new-rule: next: write the check and its texts, edit both fixtures (a CPRO or ACCT rule"
echo "  also gets its note in the README, beside the generated tables), then"
echo "  cmake --build --preset release && ctest --preset release -R fixtures && scripts/update-docs.sh"
