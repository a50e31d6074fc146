// Agreement with the official EN 16931 validation artefacts (v1.3.16) for
// the rules cprokit implements: the official unit tests, the complete
// examples and the seeded mutants, each against the rules the official
// artefacts fire on it. Rules not implemented yet are left out of the
// comparison on both sides.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "rules/engine/registry.hpp"
#include "validators/pipeline.hpp"

namespace fs = std::filesystem;
using namespace cprokit;

namespace {

const fs::path kRoot = CPROKIT_EN16931_DIR;

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

// The official rule ids cprokit implements (those with a check).
const std::set<std::string>& implemented() {
  static const std::set<std::string> ids = [] {
    std::set<std::string> out;
    for (const auto& r : Registry::builtin().rules()) {
      if (r.checks.any() && r.id.starts_with("BR-")) out.insert(r.id);
    }
    return out;
  }();
  return ids;
}

Linter make_linter(std::shared_ptr<const xsd::SchemaSet> schemas) {
  XsdSetup setup;
  setup.schemas = std::move(schemas);
  setup.disabled = !setup.schemas;
  LintOptions options;
  options.profile = "en16931";  // the official material knows nothing of Chorus Pro
  return Linter(std::move(options), std::move(setup));
}

// "rule:flag" of each implemented rule cprokit fires.
std::set<std::string> fired(const Linter& linter, const fs::path& file) {
  std::set<std::string> out;
  for (const auto& f : linter.lint(file.string(), slurp(file)).findings) {
    if (implemented().contains(f.rule)) out.insert(f.rule + ":" + std::string(name(f.severity)));
  }
  return out;
}

std::set<std::string> reference_from_output(const fs::path& tsv) {
  std::set<std::string> out;
  for (const auto& row : read_tsv(tsv, false)) {
    if (row.size() >= 2 && implemented().contains(row[0])) out.insert(row[0] + ":" + row[1]);
  }
  return out;
}

std::string show(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s)
    out += (out.empty() ? "" : ",") + x;
  return "{" + out + "}";
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

TEST_CASE("every official unit test: implemented rules fire exactly as the reference") {
  Linter linter = make_linter(nullptr);
  int compared = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / "tests")) {
    if (entry.path().extension() != ".xml") continue;
    fs::path rel = fs::relative(entry.path(), kRoot);
    fs::path tsv = kRoot / "reference-output" / rel.replace_extension(".tsv");
    INFO(entry.path().string());
    CHECK(show(fired(linter, entry.path())) == show(reference_from_output(tsv)));
    ++compared;
  }
  CHECK(compared > 1000);
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

TEST_CASE("seeded mutants: implemented rules fire exactly as the reference") {
  Linter linter = make_linter(nullptr);
  int compared = 0;
  for (const auto& row : read_tsv(kRoot / "mutants/expected.tsv", true)) {
    std::set<std::string> reference;
    std::stringstream ss(row.size() > 2 ? row[2] : "");
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (implemented().contains(item.substr(0, item.find(':')))) reference.insert(item);
    }
    INFO(row.at(0) << " (" << row.at(1) << ")");
    CHECK(show(fired(linter, kRoot / "mutants" / row.at(0))) == show(reference));
    ++compared;
  }
  CHECK(compared == 908);
}
