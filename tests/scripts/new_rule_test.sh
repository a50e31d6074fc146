#!/usr/bin/env bash
# scripts/new-rule.sh on a copy of a rule file and a fixture: the check stub
# lands in the file's anonymous namespace before its register function, the
# registration inside that function, the file still compiles and stays
# clang-formatted, and the fixture pair comes with its .expect files.
#   new_rule_test.sh SOURCE_DIR CXX
set -euo pipefail
src="$1"
cxx="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scripts" "$work/rules/chorus" "$work/fixtures/invoices/chorus"
cp "$src/scripts/new-rule.sh" "$work/scripts/"
cp "$src/.clang-format" "$work/"
cp "$src/rules/chorus/document_rules.cpp" "$work/rules/chorus/"
cp "$src/fixtures/invoices/chorus/invoice-chorus-ok.xml" "$work/fixtures/invoices/chorus/"
fail() {
  echo "new_rule_test: $*" >&2
  exit 1
}

bash "$work/scripts/new-rule.sh" --no-build --severity warning CPRO-TEST-99 \
  rules/chorus/document_rules.cpp > "$work/out.txt"
file="$work/rules/chorus/document_rules.cpp"
stub=$(grep -n '^void check_cpro_test_99(' "$file" | cut -d: -f1)
namespace_end=$(grep -n '^}  // namespace$' "$file" | head -n 1 | cut -d: -f1)
register=$(grep -n '^void register_document_rules(' "$file" | cut -d: -f1)
added=$(grep -n 'rule.id = "CPRO-TEST-99";' "$file" | cut -d: -f1)
[[ -n "$stub" && "$stub" -lt "$namespace_end" ]] || fail "the stub is not in the anonymous namespace"
[[ -n "$added" && "$added" -gt "$register" ]] || fail "the registration is not in register_document_rules"
grep -q 'rule.severity = Severity::Warning;' "$file" || fail "--severity warning not written"
grep -q 'rule.checks.invoice = check_cpro_test_99;' "$file" || fail "the registration does not name the check"
"$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I"$src" "$file" ||
  fail "the scaffolded file does not compile"
if command -v clang-format > /dev/null; then
  (cd "$work" && clang-format --dry-run --Werror rules/chorus/document_rules.cpp) ||
    fail "the scaffolded file is not clang-formatted"
fi
fixtures="$work/fixtures/invoices/chorus"
cmp -s "$fixtures/invoice-chorus-ok.xml" "$fixtures/cpro-test-99.xml" || fail "no fixture copy"
cmp -s "$fixtures/invoice-chorus-ok.xml" "$fixtures/cpro-test-99-ok.xml" || fail "no neighbour copy"
grep -qx 'CPRO-TEST-99' "$fixtures/cpro-test-99.xml.expect" || fail "the fixture does not expect the rule"
! grep -q '^CPRO-TEST-99' "$fixtures/cpro-test-99-ok.xml.expect" || fail "the neighbour expects the rule"

# A second run refuses: the id is there already, nothing is overwritten.
if bash "$work/scripts/new-rule.sh" --no-build CPRO-TEST-99 rules/chorus/document_rules.cpp 2> /dev/null; then
  fail "a second run of the same id was accepted"
fi
echo "new_rule_test: ok"
