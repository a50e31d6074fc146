// The scenario file (mock-chorus/scenario/reader.hpp): every fixture of
// fixtures/scenarios/ read as the mock reads it — valid/ without an error,
// invalid/ refused at exactly the pointers of its .expect — and the admin
// API refusing a bad one with the same errors. tests/mock/scenario_schema_test.sh
// checks that docs/scenario.schema.json gives the same verdicts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mock-chorus/scenario/glob.hpp"
#include "mock-chorus/scenario/reader.hpp"
#include "tests/mock/harness.hpp"

using namespace cprokit::testing;
using cprokit::Lang;
namespace scenario = cprokit::mock::scenario;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> fixtures_in(const std::string& folder) {
  std::vector<fs::path> out;
  for (const auto& e :
       fs::directory_iterator(fs::path(CPROKIT_FIXTURES_DIR) / "scenarios" / folder))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string text_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> pointers(const std::vector<scenario::ScenarioError>& errors) {
  std::vector<std::string> out;
  out.reserve(errors.size());
  for (const auto& e : errors)
    out.push_back(e.pointer);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("scenario fixtures: the valid ones are read without an error", "[mock][scenario]") {
  const auto files = fixtures_in("valid");
  REQUIRE(files.size() >= 3);
  for (const auto& path : files) {
    INFO(path);
    const auto read = scenario::read_scenario(text_of(path));
    INFO(scenario::error_lines(read.errors, Lang::En));
    CHECK(read.errors.empty());
  }
  const auto example = scenario::read_scenario(
      text_of(fs::path(CPROKIT_FIXTURES_DIR) / "scenarios" / "valid" / "exemple.json"));
  CHECK(example.scenario.seed == 7u);
  REQUIRE(example.scenario.rules.size() == 4);
  CHECK(example.scenario.faults.size() == 7);
  CHECK(example.scenario.rules[2].match.buyer_siret == "20004065700054");  // spaces removed
}

TEST_CASE("scenario fixtures: each invalid one is refused at every pointer of its .expect",
          "[mock][scenario]") {
  const auto files = fixtures_in("invalid");
  REQUIRE(files.size() >= 5);
  for (const auto& path : files) {
    INFO(path);
    std::vector<std::string> expected;
    std::istringstream lines(text_of(fs::path(path).replace_extension(".expect")));
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) expected.push_back(line);
    std::sort(expected.begin(), expected.end());
    REQUIRE_FALSE(expected.empty());
    const auto read = scenario::read_scenario(text_of(path));
    INFO(scenario::error_lines(read.errors, Lang::Fr));
    CHECK(pointers(read.errors) == expected);
  }
}

TEST_CASE("scenario errors say where, what was expected and what was found, in both languages",
          "[mock][scenario]") {
  const auto read = scenario::read_scenario(
      R"({"faults": [{"endpoint": "*", "kind": "latency", "latencyMs": 5},
                     {"endpoint": "*", "kind": "latency", "latencyMs": 5},
                     {"endpoint": "*", "kind": "status", "status": 503, "rate": "haut"}]})");
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].text(Lang::Fr) ==
        R"(/faults/2/rate : attendu un nombre entre 0 et 1, trouvé "haut")");
  CHECK(read.errors[0].text(Lang::En) ==
        R"(/faults/2/rate: expected a number between 0 and 1, got "haut")");
}

TEST_CASE("scenario errors draft 7 cannot express: a key twice, a latency's max below its min",
          "[mock][scenario]") {
  auto read = scenario::read_scenario(R"({"seed": 1, "seed": 2})");
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].pointer == "/seed");
  read = scenario::read_scenario(
      R"({"faults": [{"endpoint": "*", "kind": "latency", "latencyMs": {"min": 300, "max": 10}}]})");
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].pointer == "/faults/0/latencyMs/max");
  read = scenario::read_scenario("{\"rules\": [");
  REQUIRE(read.errors.size() == 1);
  CHECK(read.errors[0].text(Lang::En).starts_with("(root): invalid JSON at line 1"));
}

TEST_CASE("invoiceNumber globs: * any run, ? one character, and no hostile pattern is slow",
          "[mock][scenario]") {
  CHECK(scenario::glob_matches("F-REJ-*", "F-REJ-001"));
  CHECK(scenario::glob_matches("F-REJ-*", "F-REJ-"));
  CHECK_FALSE(scenario::glob_matches("F-REJ-*", "XF-REJ-1"));
  CHECK(scenario::glob_matches("F-SUS-?", "F-SUS-7"));
  CHECK_FALSE(scenario::glob_matches("F-SUS-?", "F-SUS-77"));
  CHECK(scenario::glob_matches("*-2026-*2", "FA-2026-0042"));
  CHECK_FALSE(scenario::glob_matches("*-2026-*3", "FA-2026-0042"));
  CHECK(scenario::glob_matches("F.[a]+", "F.[a]+"));  // no character is special but * and ?
  // A backtracking matcher takes exponential time here.
  const std::string hostile = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
  const std::string text(200, 'a');
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(scenario::glob_matches(hostile, text));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(50));
}

TEST_CASE("POST /_mock/scenarios refuses a bad scenario with every error at its pointer",
          "[mock][scenario][admin]") {
  MockHarness h;
  h.start();
  const std::string bad =
      text_of(fs::path(CPROKIT_FIXTURES_DIR) / "scenarios" / "invalid" / "plusieurs-erreurs.json");
  Answer a = h.admin("POST", "/_mock/scenarios", bad);
  INFO(a.body.dump(2));
  CHECK(a.status == 400);
  REQUIRE(a.body["errors"].size() == 8);
  CHECK(a.body["errors"][0]["pointer"] == "/sed");
  CHECK(a.body["libelle"].get<std::string>().find("/faults/2/rate : attendu un nombre entre 0 "
                                                  "et 1, trouvé 1.5") != std::string::npos);
  a = h.admin("GET", "/_mock/scenarios", "");
  CHECK(a.body["scenarios"].empty());  // nothing of it was loaded

  const std::string good =
      text_of(fs::path(CPROKIT_FIXTURES_DIR) / "scenarios" / "valid" / "exemple.json");
  a = h.admin("POST", "/_mock/scenarios", good);
  REQUIRE(a.status == 200);
  CHECK(a.body["id"] == 1);
  CHECK(a.body["seed"] == 7);
  CHECK(a.body["rules"] == 4);
  CHECK(a.body["faults"] == 7);
  a = h.admin("GET", "/_mock/scenarios", "");
  REQUIRE(a.body["scenarios"].size() == 1);
  CHECK(a.body["scenarios"][0]["faults"][1]["remaining"] == 2);
  CHECK(a.body["scenarios"][0]["faults"][2]["remaining"].is_null());
  a = h.admin("DELETE", "/_mock/scenarios", "");
  CHECK(a.status == 200);
  CHECK(h.admin("GET", "/_mock/scenarios", "").body["scenarios"].empty());
  CHECK(h.admin("DELETE", "/_mock/scenarios", "", "wrong-token").status == 401);
}
