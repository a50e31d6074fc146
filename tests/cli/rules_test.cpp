// `cprokit rules`: the catalogue listed, one rule explained, the JSON,
// markdown and summary formats, profiles; docs/rules.md and the README's
// generated blocks kept what the binary prints.
#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"

using cprokit::test::catalogue_rules;
using cprokit::test::contains;
using cprokit::test::run;
using cprokit::test::RunResult;
using nlohmann::ordered_json;

namespace {

// True when one line of `text` starts with `id` followed by a space.
bool lists(std::string_view text, std::string_view id) {
  std::string needle = std::string(id) + " ";
  return text.starts_with(needle) || contains(text, "\n" + needle);
}

}  // namespace

TEST_CASE("rules lists the rules", "[rules]") {
  RunResult r = run({"rules"});
  INFO(r.out);
  CHECK(r.exit_code == 0);
  for (const char* id :
       {"BR-CO-10", "BR-CO-13", "BR-CO-15", "BR-CO-16", "XML-01", "XSD-01", "DOC-01"}) {
    CHECK(lists(r.out, id));
  }
  RunResult en = run({"rules", "--lang", "en"});
  CHECK(en.exit_code == 0);
  CHECK(lists(en.out, "BR-CO-10"));
  CHECK(en.out != r.out);
}

TEST_CASE("rules ID explains one rule, whatever the case", "[rules]") {
  RunResult lower = run({"rules", "br-co-10"});
  CHECK(lower.exit_code == 0);
  CHECK(contains(lower.out, "BR-CO-10"));
  CHECK(contains(lower.out, "BT-106"));
  RunResult upper = run({"rules", "BR-CO-10"});
  CHECK(upper.out == lower.out);
  RunResult en = run({"rules", "--lang", "en", "xml-01"});
  CHECK(en.exit_code == 0);
  CHECK(contains(en.out, "XML-01"));
}

TEST_CASE("rules --format json: the whole catalogue, every rule of the registry", "[rules]") {
  RunResult r = run({"rules", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto doc = ordered_json::parse(r.out);
  CHECK(doc["tool"]["version"] == CPROKIT_VERSION);
  CHECK(doc["profile"].is_null());  // no profile: the whole catalogue, BR-FR included
  const auto& rules = doc["rules"];
  REQUIRE(rules.size() > 50);
  std::set<std::string> ids;
  for (const auto& rule : rules) {
    INFO(rule.dump());
    ids.insert(rule["id"].get<std::string>());
    CHECK(!rule["text"]["fr"].get<std::string>().empty());
    CHECK(!rule["text"]["en"].get<std::string>().empty());
    CHECK(rule["text"]["fr"] != rule["text"]["en"]);
    CHECK(!rule["source"].get<std::string>().empty());
    CHECK(!rule["applies_to"].empty());
    std::string severity = rule["severity"];
    CHECK((severity == "fatal" || severity == "warning" || severity == "info"));
  }
  CHECK(ids.size() == rules.size());
  CHECK(ids.contains("BR-CO-10"));
  CHECK(ids.contains("CPRO-SIRET-01"));
  // The text listing has exactly the same rules.
  RunResult text = run({"rules"});
  CHECK(static_cast<std::size_t>(std::count(text.out.begin(), text.out.end(), '\n')) ==
        rules.size());

  RunResult one = run({"rules", "--format", "json", "br-co-10"});
  auto single = ordered_json::parse(one.out);
  REQUIRE(single["rules"].size() == 1);
  CHECK(single["rules"][0]["terms"][0] == "BT-106");
  CHECK(run({"rules", "--format", "yaml"}).exit_code == 2);
}

TEST_CASE("docs/rules.md is what cprokit rules --format markdown prints", "[rules]") {
  RunResult r = run({"rules", "--format", "markdown"});
  REQUIRE(r.exit_code == 0);
  std::ifstream in(CPROKIT_RULES_DOC, std::ios::binary);
  REQUIRE(in);
  std::ostringstream doc;
  doc << in.rdbuf();
  INFO("docs/rules.md is out of date: run scripts/update-docs.sh");
  CHECK(doc.str() == r.out);
  CHECK(contains(r.out, "| `BR-CO-10` | fatal |"));
}

TEST_CASE("the README's generated blocks are what cprokit prints", "[rules]") {
  std::ifstream in(CPROKIT_README, std::ios::binary);
  REQUIRE(in);
  const std::string begin = "<!-- generated: cprokit ";
  const std::string end = "<!-- end generated -->";
  std::string line;
  std::vector<std::string> args;
  std::string block;
  bool inside = false;
  int blocks = 0;
  std::string written;  // the README less its generated blocks
  while (std::getline(in, line)) {
    if (line.starts_with(begin) && line.ends_with(" -->")) {
      REQUIRE_FALSE(inside);
      std::istringstream words(line.substr(begin.size(), line.size() - begin.size() - 4));
      args.assign(std::istream_iterator<std::string>(words), {});
      block.clear();
      inside = true;
    } else if (line == end) {
      REQUIRE(inside);
      const RunResult r = run(args);
      REQUIRE(r.exit_code == 0);
      std::string command = "cprokit";
      for (const auto& a : args)
        command += " " + a;
      INFO("README.md block `" << command << "` is out of date: run scripts/update-docs.sh");
      CHECK(block == r.out);
      inside = false;
      ++blocks;
    } else if (inside) {
      block += line + "\n";
    } else {
      written += line + "\n";
    }
  }
  CHECK_FALSE(inside);
  // The rule summary and the tables of cprokit's own families at least.
  CHECK(blocks >= 3);
  // Outside those blocks, each of cprokit's own Chorus Pro rules has its
  // note saying how it decides: a new rule cannot be left out again.
  int own = 0;
  for (const char* family : {"CPRO", "ACCT"}) {
    for (const auto& [id, rule] : catalogue_rules(family)) {
      ++own;
      INFO(id << " has no note in README.md (outside the generated tables)");
      CHECK(contains(written, "`" + id + "`"));
    }
  }
  CHECK(own > 30);
}

TEST_CASE("rules --format summary counts every rule, by series", "[rules]") {
  const RunResult all = run({"rules", "--format", "json"});
  REQUIRE(all.exit_code == 0);
  const std::size_t rules = nlohmann::json::parse(all.out).at("rules").size();
  const RunResult summary = run({"rules", "--format", "summary", "--lang", "en"});
  REQUIRE(summary.exit_code == 0);
  // Each row's count column, added up, is the catalogue's size.
  std::size_t counted = 0;
  std::istringstream rows(summary.out);
  std::string row;
  while (std::getline(rows, row)) {
    std::vector<std::string> cells;
    std::istringstream split(row);
    for (std::string cell; std::getline(split, cell, '|');)
      cells.push_back(cell);
    if (cells.size() < 4 || !contains(cells[2], "`")) continue;
    std::string digits;
    for (char c : cells[3])
      if (c >= '0' && c <= '9') digits += c;
    counted += std::stoul(digits);
  }
  CHECK(counted == rules);
  CHECK(contains(summary.out, "| `BR-CO-03` … `BR-CO-26` |"));
  const RunResult cpro = run({"rules", "-f", "table", "--family", "CPRO", "--lang", "en"});
  REQUIRE(cpro.exit_code == 0);
  CHECK(contains(cpro.out, "| `CPRO-ENG-03` | fatal |"));
  CHECK_FALSE(contains(cpro.out, "ACCT-"));
}

TEST_CASE("rules: an unknown rule or profile is a usage error", "[rules]") {
  RunResult nope = run({"rules", "NOPE"});
  CHECK(nope.exit_code == 2);
  CHECK(nope.out.empty());
  CHECK(contains(nope.err, "NOPE"));
  RunResult profile = run({"rules", "--profile", "nope"});
  CHECK(profile.exit_code == 2);
  CHECK(contains(profile.err, "nope"));
  RunResult two = run({"rules", "BR-CO-10", "BR-CO-13"});
  CHECK(two.exit_code == 2);
  RunResult lang = run({"rules", "--lang", "de"});
  CHECK(lang.exit_code == 2);
  RunResult option = run({"rules", "--bogus"});
  CHECK(option.exit_code == 2);
}

TEST_CASE("rules --profiles and --profile", "[rules]") {
  RunResult profiles = run({"rules", "--profiles"});
  CHECK(profiles.exit_code == 0);
  for (const char* p : {"all", "en16931", "syntax"})
    CHECK(lists(profiles.out, p));

  RunResult syntax = run({"rules", "--profile", "syntax"});
  CHECK(syntax.exit_code == 0);
  CHECK(lists(syntax.out, "XML-01"));
  CHECK(lists(syntax.out, "XSD-01"));
  CHECK(lists(syntax.out, "DOC-01"));
  for (const char* id : {"BR-CO-10", "BR-CO-13", "BR-CO-15", "BR-CO-16"}) {
    CHECK_FALSE(lists(syntax.out, id));
  }

  RunResult en16931 = run({"rules", "--profile", "en16931"});
  CHECK(en16931.exit_code == 0);
  CHECK(lists(en16931.out, "BR-CO-10"));
  CHECK(lists(en16931.out, "XML-01"));
}
