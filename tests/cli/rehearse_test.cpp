// `cprokit rehearse` seen from outside: the story's steps against its own
// private mock and against a running `cprokit mock`, each ticked or crossed,
// the JUnit report, and what it says when it cannot read the mock's outbox.
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "tests/cli/cli_support.hpp"
#include "tests/cli/mock_process.hpp"

using cprokit::test::contains;
using cprokit::test::count_of;
using cprokit::test::kTestAdminToken;
using cprokit::test::MockProcess;
using cprokit::test::run;
using cprokit::test::RunResult;

namespace {

// The steps of the story, in order.
const std::vector<std::string> kSteps = {
    "compte", "espaces",      "activation",         "connexion", "raccordement",
    "api",    "depot-valide", "depot-autre-budget", "suivi"};

std::size_t marks(const std::string& out, const std::string& mark) {
  return count_of("\n" + out, "\n" + mark + " ");
}

std::string all_passed_fr() {
  return std::to_string(kSteps.size()) + " étape(s) : " + std::to_string(kSteps.size()) +
         " réussie(s), 0 en échec, 0 non jouée(s)";
}

}  // namespace

TEST_CASE("rehearse: every step passes against its own private mock", "[rehearse]") {
  const RunResult r = run({"rehearse", "--no-xsd"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "(mock privé)"));
  CHECK(marks(r.out, "✓") == kSteps.size());
  CHECK(marks(r.out, "✗") == 0);
  CHECK(contains(r.out, all_passed_fr()));
}

TEST_CASE("rehearse: replayed on one running mock, each run with its own supplier", "[rehearse]") {
  const MockProcess mock({"--no-xsd"});
  for (int round = 0; round < 2; ++round) {
    const RunResult r = run({"rehearse", "--server", mock.url(), "--admin-token", kTestAdminToken});
    INFO("round " << round << '\n' << r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(marks(r.out, "✓") == kSteps.size());
    CHECK(contains(r.out, all_passed_fr()));
  }
}

TEST_CASE(
    "rehearse: a mock whose scenario rejects the valid invoice fails that step, and its "
    "follow-up is not run",
    "[rehearse]") {
  const auto scenario = cprokit::test::fresh_dir("rehearse-scenario") / "breaks-deposit.json";
  cprokit::test::write_file(scenario, R"({
    "name": "the valid invoice rejected",
    "rules": [{"match": {"invoiceNumber": "REP-*-1"},
               "outcome": {"flux": "IN_REJETE",
                           "errors": [{"libelleErreurDP": "Rejet voulu par le scénario"}]}}]})");
  const MockProcess mock({"--no-xsd", "--scenario", scenario.string()});
  const RunResult r = run({"rehearse", "--server", mock.url(), "--admin-token", kTestAdminToken});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "✗ 7. Dépôt d'une facture valide (deposer/flux)"));
  CHECK(contains(r.out,
                 ": attendu IN_INTEGRE, obtenu rejected (IN_REJETE) : Rejet voulu par le "
                 "scénario"));
  CHECK(contains(r.out, "✓ 8. Dépôt avec l'engagement d'un autre budget"));
  CHECK(contains(r.out,
                 "– 9. Suivi jusqu'à MISE_EN_PAIEMENT\n    non jouée : elle suit l'étape "
                 "« depot-valide »"));
  CHECK(contains(r.out, "9 étape(s) : 7 réussie(s), 1 en échec, 1 non jouée(s)"));
}

TEST_CASE("rehearse: without the mock's admin token, the activation step says what is missing",
          "[rehearse]") {
  const MockProcess mock({"--no-xsd"});
  const RunResult r = run({"rehearse", "--lang", "en", "--server", mock.url()}, {},
                          {{"CPROKIT_MOCK_ADMIN", cprokit::test::kUnset}});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(marks(r.out, "✓") == 2);
  CHECK(contains(r.out, "✗ 3. Activation through the mail"));
  CHECK(contains(r.out, "give its token (--admin-token)"));
  CHECK(
      contains(r.out, "– 4. Sign-in on the portal\n    not run: it builds on step \"activation\""));
  CHECK(contains(r.out,
                 "step(s): 2 passed, 1 failed, " + std::to_string(kSteps.size() - 3) + " not run"));
}

TEST_CASE("rehearse --format junit: one test case per step, the lines on stderr", "[rehearse]") {
  const RunResult r = run({"rehearse", "--no-xsd", "--format", "junit"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(marks(r.err, "✓") == kSteps.size());
  pugi::xml_document doc;
  REQUIRE(doc.load_string(r.out.c_str()));
  const auto suite = doc.child("testsuites").child("testsuite");
  CHECK(suite.attribute("tests").as_uint() == kSteps.size());
  CHECK(suite.attribute("failures").as_uint() == 0);
  std::vector<std::string> names;
  for (const auto& testcase : suite.children("testcase")) {
    names.emplace_back(testcase.attribute("name").value());
    CHECK_FALSE(testcase.child("failure"));
  }
  REQUIRE(names.size() == kSteps.size());
  for (std::size_t i = 0; i < kSteps.size(); ++i)
    CHECK(names[i].ends_with("-" + kSteps[i]));
}

TEST_CASE("rehearse: usage errors exit 2", "[rehearse][usage]") {
  const RunResult format = run({"rehearse", "--format", "xml"});
  CHECK(format.exit_code == 2);
  CHECK(contains(format.err, "--format : « xml » inconnu (text ou junit)"));
  const RunResult client = run({"rehearse", "--lang", "en", "--client", "no-colon-secret"});
  CHECK(client.exit_code == 2);
  CHECK(contains(client.err, "--client: expected ID:SECRET"));
  CHECK_FALSE(contains(client.err, "no-colon-secret"));
}
