// Agreement with the official EN 16931 validation artefacts (v1.3.16) for
// the rules cprokit implements: the official unit tests, the complete
// examples and the seeded mutants, each against the rules the official
// artefacts fire on it. Rules not implemented yet are left out of the
// comparison on both sides. A file where cprokit and the reference still
// differ must be listed, with the difference and its reason, in
// known-differences.tsv beside this file.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/registry.hpp"
#include "validators/codelists/code_list_file.hpp"
#include "validators/pipeline.hpp"

namespace fs = std::filesystem;
using namespace cprokit;

namespace {

const fs::path kRoot = CPROKIT_EN16931_DIR;
const fs::path kKnownDifferences = CPROKIT_KNOWN_DIFFERENCES;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::vector<std::string>> read_tsv(const fs::path& p, bool skip_header) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(p);
  std::string line;
  if (skip_header) std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t'))
      cells.push_back(cell);
    if (line.ends_with('\t')) cells.emplace_back();
    if (!cells.empty()) rows.push_back(cells);
  }
  return rows;
}

// The official EN 16931 ids: the rules of the en16931 profile's business
// families (BR, BR-CL, UBL, CII). An id the catalogue does not know can only
// come from the official results: official too.
bool is_official(const std::string& id) {
  const Registry& registry = catalogue::builtin();
  const Rule* rule = registry.find(id);
  return rule == nullptr ||
         (registry.profile("en16931")->includes(*rule) && !registry.family_of(*rule).technical);
}

// The official rule ids cprokit implements: all but those it lists unchecked
// (BR-CO-05..08, true() in the official tests, and the binding rules no
// element can reach, shadowed in the official pattern).
const std::set<std::string>& implemented() {
  static const std::set<std::string> ids = [] {
    std::set<std::string> out;
    for (const auto& r : catalogue::builtin().rules()) {
      if (is_official(r.id) && !r.unchecked) out.insert(r.id);
    }
    return out;
  }();
  return ids;
}

// Which rule ids a comparison looks at.
using Scope = bool (*)(const std::string& id);

bool is_implemented(const std::string& id) {
  return implemented().contains(id);
}

Linter make_linter(std::shared_ptr<const xsd::SchemaSet> schemas, bool with_code_lists = true) {
  XsdSetup setup;
  setup.schemas = std::move(schemas);
  setup.disabled = !setup.schemas;
  LintOptions options;
  options.profile = "en16931";  // the official material knows nothing of Chorus Pro
  if (with_code_lists) {
    options.code_lists = std::make_shared<const en16931::CodeLists>(
        codelists::load_code_lists(kRoot / "codelists.json"));
  }
  return Linter(std::move(options), std::move(setup));
}

// "rule:flag" of each rule in scope cprokit fires.
std::set<std::string> fired(const Linter& linter, const fs::path& file,
                            Scope scope = is_implemented) {
  std::set<std::string> out;
  for (const auto& f : linter.lint(file.string(), slurp(file)).findings) {
    if (scope(f.rule)) out.insert(f.rule + ":" + std::string(name(f.severity)));
  }
  return out;
}

std::set<std::string> reference_from_output(const fs::path& tsv, Scope scope) {
  std::set<std::string> out;
  for (const auto& row : read_tsv(tsv, false)) {
    if (row.size() >= 2 && scope(row[0])) out.insert(row[0] + ":" + row[1]);
  }
  return out;
}

std::string show(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s)
    out += (out.empty() ? "" : ",") + x;
  return "{" + out + "}";
}

// One official file: the implemented rules the reference fires on it and
// those cprokit fires, as "RULE:flag".
struct Comparison {
  std::string corpus;  // tests, examples or mutants
  std::string syntax;  // ubl or cii
  std::string file;    // relative to the EN 16931 folder: "mutants/ubl/X.xml"
  std::set<std::string> reference, ours;
};

// "+RULE:flag" for what only cprokit fires, "-RULE:flag" for what only the
// reference fires, space-separated; empty when both agree.
std::string difference(const Comparison& c) {
  std::string out;
  for (const auto& r : c.ours) {
    if (!c.reference.contains(r)) out += (out.empty() ? "+" : " +") + r;
  }
  for (const auto& r : c.reference) {
    if (!c.ours.contains(r)) out += (out.empty() ? "-" : " -") + r;
  }
  return out;
}

// The syntax folder a file sits in: "tests/ubl/…" -> "ubl" ("ubl-testfiles" is UBL).
std::string syntax_of(const fs::path& rel) {
  std::string second = std::next(rel.begin())->string();
  return second.starts_with("cii") ? "cii" : "ubl";
}

std::vector<Comparison> compare_everything(const Linter& linter, Scope scope = is_implemented) {
  std::vector<Comparison> out;
  for (std::string corpus : {"tests", "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kRoot / corpus)) {
      if (entry.path().extension() != ".xml") continue;
      fs::path rel = fs::relative(entry.path(), kRoot);
      fs::path tsv = kRoot / "reference-output" / fs::path(rel).replace_extension(".tsv");
      out.push_back({corpus, syntax_of(rel), rel.generic_string(),
                     reference_from_output(tsv, scope), fired(linter, entry.path(), scope)});
    }
  }
  for (const auto& row : read_tsv(kRoot / "mutants/expected.tsv", true)) {
    std::set<std::string> reference;
    std::stringstream ss(row.size() > 2 ? row[2] : "");
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (scope(item.substr(0, item.find(':')))) reference.insert(item);
    }
    fs::path rel = fs::path("mutants") / row.at(0);
    out.push_back({"mutants", syntax_of(rel), rel.generic_string(), std::move(reference),
                   fired(linter, kRoot / rel, scope)});
  }
  return out;
}

// tests/conformance/known-differences.tsv: file, difference, reason.
std::map<std::string, std::string> known_differences() {
  std::map<std::string, std::string> out;
  for (const auto& row : read_tsv(kKnownDifferences, false)) {
    if (row[0].empty() || row[0].starts_with('#')) continue;
    REQUIRE(row.size() == 3);  // a reason is mandatory
    out[row[0]] = row[1];
  }
  return out;
}

}  // namespace

TEST_CASE("official unit tests of the implemented rules give the expected verdict") {
  Linter linter = make_linter(nullptr);  // the unit tests are fragments, not XSD-valid
  int judged = 0;
  for (const auto& row : read_tsv(kRoot / "tests/expected.tsv", true)) {
    const std::string& scope = row.at(2);
    if (!implemented().contains(scope)) continue;
    const std::string& expect = row.at(3);
    auto got = fired(linter, kRoot / "tests" / row.at(1));
    bool fires = got.count(scope + ":fatal") + got.count(scope + ":warning") != 0;
    INFO(row.at(1) << " expects " << expect << " for " << scope << ", cprokit fired " << show(got));
    CHECK(fires == (expect != "success"));
    ++judged;
  }
  CHECK(judged >= 76);  // at least the BR-CO-10/13/15/16 rows of tests/expected.tsv
}

TEST_CASE(
    "every official file: the implemented rules agree with the reference, or the "
    "difference is known") {
  Linter linter = make_linter(nullptr);  // the unit tests and mutants are not all XSD-valid
  std::map<std::string, std::pair<int, int>> agreement;  // "tests/ubl" -> (agree, files)
  std::map<std::string, std::string> observed;           // file -> difference
  for (const Comparison& c : compare_everything(linter)) {
    auto& [agree, files] = agreement[c.corpus + "/" + c.syntax];
    ++files;
    std::string diff = difference(c);
    if (diff.empty()) {
      ++agree;
    } else {
      observed[c.file] = diff;
    }
  }
  const auto known = known_differences();
  for (const auto& [file, diff] : observed) {
    INFO(file << ": cprokit " << diff << " (+ fired by cprokit only, - by the reference only); "
              << "fix the rule, or list it in known-differences.tsv with its reason");
    auto it = known.find(file);
    CHECK((it != known.end() && it->second == diff));
  }
  for (const auto& [file, diff] : known) {
    INFO(file << " is listed in known-differences.tsv (" << diff
              << ") but now agrees or differs otherwise: update the list");
    CHECK(observed.contains(file));
  }
  REQUIRE(agreement.size() == 6);  // tests, examples, mutants; UBL and CII apart
  for (const auto& [corpus, counts] : agreement) {
    const auto& [agree, files] = counts;
    double rate = 100.0 * agree / files;
    std::printf("conformance %-14s %4d / %4d files agree (%.1f %%)\n", corpus.c_str(), agree, files,
                rate);
    INFO(corpus << ": " << agree << " / " << files << " files agree");
    CHECK(rate >= 99.0);
  }
}

TEST_CASE("complete examples: no finding at all, XSD on") {
  auto lookup = xsd::find_schemas(kRoot / "xsd");
  REQUIRE(lookup.found);
  Linter linter = make_linter(xsd::SchemaSet::load(*lookup.found));
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / "examples")) {
    if (!entry.is_regular_file()) continue;
    auto doc = linter.lint(entry.path().string(), slurp(entry.path()));
    std::string found;
    for (const auto& f : doc.findings)
      found += f.rule + " " + f.message.en + "\n";
    INFO(entry.path().string() << "\n" << found);
    CHECK(doc.findings.empty());
    ++checked;
  }
  CHECK(checked >= 60);
}

// Issue 5's measure: the files where cprokit fires exactly the official
// fired set, every official id counted (an official rule cprokit lacked would
// count as a difference here, not in the test above).
TEST_CASE("every official file: the whole fired set over every official id, 99 % at least") {
  Linter linter = make_linter(nullptr);
  std::map<std::string, std::pair<int, int>> agreement;
  for (const Comparison& c : compare_everything(linter, is_official)) {
    auto& [agree, files] = agreement[c.corpus + "/" + c.syntax];
    ++files;
    if (c.reference == c.ours) ++agree;
  }
  REQUIRE(agreement.size() == 6);
  for (const auto& [corpus, counts] : agreement) {
    const auto& [agree, files] = counts;
    const double rate = 100.0 * agree / files;
    std::printf("whole fired set %-14s %4d / %4d files equal (%.1f %%)\n", corpus.c_str(), agree,
                files, rate);
    INFO(corpus << ": " << agree << " / " << files << " files with the official fired set");
    CHECK(rate >= 99.0);
  }
}
