// `cprokit mock` seen from outside: one mock per port. A second mock on a
// port in use, or a --bind address that is not this machine's, exits 2 at
// once with a message saying so, in French and in English.
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "tests/cli/cli_support.hpp"

using cprokit::test::accepts;
using cprokit::test::Background;
using cprokit::test::contains;
using cprokit::test::cprokit_binary;
using cprokit::test::free_port;
using cprokit::test::fresh_dir;
using cprokit::test::run;
using cprokit::test::RunResult;

TEST_CASE("mock: a second mock on a port in use exits 2 at once, the first runs on",
          "[mock-cli][usage]") {
  // A data folder of its own for each mock.
  const std::string first_data = fresh_dir("mock-cli-first").string();
  const std::string second_data = fresh_dir("mock-cli-second").string();
  const std::string port = std::to_string(free_port());
  const Background first(cprokit_binary(),
                         {"mock", "--port", port, "--data", first_data, "--no-xsd"});
  bool up = false;
  for (int i = 0; i < 1000 && !up && first.running(); ++i) {
    up = accepts(std::stoi(port));
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(up);

  // A second mock that started would serve until run()'s watchdog kills it
  // and throws: exiting at all is the "at once".
  const RunResult second = run({"mock", "--port", port, "--data", second_data, "--no-xsd"});
  INFO(second.err);
  CHECK(second.exit_code == 2);
  CHECK(contains(second.err, "le port " + port + " est déjà utilisé (un autre cprokit mock ?)"));
  const RunResult english =
      run({"mock", "--lang", "en", "--port", port, "--data", second_data, "--no-xsd"});
  INFO(english.err);
  CHECK(english.exit_code == 2);
  CHECK(contains(english.err, "port " + port + " is in use (another cprokit mock?)"));
  CHECK(first.running());
  CHECK(accepts(std::stoi(port)));
}

TEST_CASE("mock --bind: an address that is not this machine's exits 2 at once",
          "[mock-cli][usage]") {
  const std::string data = fresh_dir("mock-cli-bind").string();
  // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never a local address.
  const RunResult r =
      run({"mock", "--port", "0", "--bind", "192.0.2.1", "--data", data, "--no-xsd"});
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "l'adresse 192.0.2.1 n'est pas une adresse de cette machine"));
  const RunResult english = run(
      {"mock", "--lang", "en", "--port", "0", "--bind", "192.0.2.1", "--data", data, "--no-xsd"});
  INFO(english.err);
  CHECK(english.exit_code == 2);
  CHECK(contains(english.err, "address 192.0.2.1 is not an address of this machine"));
}

TEST_CASE("mock --help lists its exit codes and every admin route", "[mock-cli][usage]") {
  const RunResult r = run({"mock", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "Codes de sortie / exit codes:"));
  CHECK(contains(r.out, "port in use"));
  for (const char* route :
       {"POST   /_mock/reset", "POST   /_mock/directory", "POST   /_mock/factures/ID/statut",
        "GET    /_mock/flux/NUMERO", "GET    /_mock/mails", "POST   /_mock/portail/deverrouiller",
        "POST   /_mock/scenarios", "GET    /_mock/scenarios", "DELETE /_mock/scenarios"}) {
    CHECK(contains(r.out, route));
  }
  CHECK(contains(r.out, "--insee"));
  CHECK(contains(r.out, "--no-2fa"));
  CHECK(contains(r.out, "--scenario"));
  CHECK(contains(r.out, "--seed"));
  CHECK(contains(r.out, "docs/scenario.schema.json"));
}

TEST_CASE("mock --scenario: a bad file exits 2 at start with every error at its pointer",
          "[mock-cli][usage]") {
  const auto dir = fresh_dir("mock-cli-scenario");
  const std::string file = (dir / "bad.json").string();
  {
    std::ofstream out(file);
    out << R"({"faults": [{"endpoint": "*", "kind": "status", "status": 503, "rate": "haut"},
                         {"endpoint": "/_mock/reset", "kind": "drop"}]})";
  }
  const std::string data = (dir / "data").string();
  RunResult r = run({"mock", "--port", "0", "--scenario", file, "--data", data, "--no-xsd"});
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--scenario " + file + " : scénario refusé (2 erreurs)"));
  CHECK(contains(r.err, R"(/faults/0/rate : attendu un nombre entre 0 et 1, trouvé "haut")"));
  CHECK(contains(r.err, "/faults/1/endpoint : attendu *, /api/oauth/token ou un chemin /cpro/"));
  r = run({"mock", "--lang", "en", "--port", "0", "--scenario", file, "--data", data, "--no-xsd"});
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, R"(/faults/0/rate: expected a number between 0 and 1, got "haut")"));
  r = run({"mock", "--port", "0", "--scenario", (dir / "absent.json").string(), "--data", data,
           "--no-xsd"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--scenario"));
  r = run({"mock", "--port", "0", "--seed", "-1", "--data", data, "--no-xsd"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--seed"));
}

TEST_CASE("mock --insee: a broken register exits 2, naming the file and the place",
          "[mock-cli][usage]") {
  const auto dir = fresh_dir("mock-cli-insee");
  const std::string file = (dir / "insee.json").string();
  {
    std::ofstream out(file);
    out << "{\"version\": 1,\n \"etablissements\": {\"81234567600017\": {\"cp\": \"1\"}}}";
  }
  const RunResult r =
      run({"mock", "--port", "0", "--insee", file, "--data", (dir / "data").string(), "--no-xsd"});
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--insee " + file + " : /etablissements/81234567600017/cp (line 2)"));
  CHECK(contains(r.err, "champ inconnu « cp »"));
}
