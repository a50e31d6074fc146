// `cprokit deposit` seen from outside, against a `cprokit mock` started on a
// free port: what it prints (text and the JSON contract), its exit codes,
// the journal, usage errors, and credentials that never appear anywhere.
#include <string>

#include <catch2/catch.hpp>

#include "tests/cli/cli_support.hpp"
#include "tests/cli/mock_process.hpp"

using cprokit::test::contains;
using cprokit::test::free_port;
using cprokit::test::fresh_dir;
using cprokit::test::kUnset;
using cprokit::test::MockProcess;
using cprokit::test::parse_json;
using cprokit::test::read_file;
using cprokit::test::run;
using cprokit::test::RunResult;
using cprokit::test::write_file;

namespace {

const std::string kClient = "cprokit-demo-client:cprokit-demo-secret-not-a-real-one";
const std::string kAccount = "TECH_25000103@cprokit.invalid:demo-mot-de-passe-alpine";
const std::string kSecret = "cprokit-demo-secret-not-a-real-one";
const std::string kPassword = "demo-mot-de-passe-alpine";
const std::string kName = "Menuiserie Alpine SARL_FA-2026-0042.xml";

// A mock with the shipped directory, on a port of its own, and a folder
// for the files deposited and the journal.
struct Mock {
  std::string folder = fresh_dir("deposit-cli").string();
  MockProcess process{{"--no-xsd", "--flux-delay", "0", "--lifecycle-delay", "0"}};

  const std::string& url() const { return process.url(); }

  // The fixture copied under the name Chorus Pro shows (CPRO-NAME-01).
  std::string invoice(const std::string& fixture) const {
    std::string path = folder + "/" + kName;
    write_file(path, read_file(std::string(CPROKIT_FIXTURES_DIR) + "/invoices/chorus/" + fixture));
    return path;
  }

  RunResult deposit(std::vector<std::string> args) const {
    std::vector<std::string> all = {
        "deposit", "--server", url(), "--journal", folder + "/journal.jsonl", "--no-xsd"};
    all.insert(all.end(), args.begin(), args.end());
    RunResult r = run(all, {}, {{"CPROKIT_CLIENT", kClient}, {"CPROKIT_ACCOUNT", kAccount}});
    // Credentials never appear in any output.
    CHECK_FALSE(contains(r.out + r.err, kSecret));
    CHECK_FALSE(contains(r.out + r.err, kPassword));
    return r;
  }
};

}  // namespace

TEST_CASE("deposit: a valid invoice is integrated, its ids printed, exit 0", "[deposit-cli]") {
  const Mock mock;
  const std::string file = mock.invoice("invoice-chorus-ok.xml");
  const RunResult r = mock.deposit({"--format", "json", file});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  const auto doc = parse_json(r);
  CHECK(doc["server"] == mock.url());
  CHECK(doc["exitCode"] == 0);
  CHECK(doc["summary"]["files"] == 1);
  CHECK(doc["summary"]["outcomes"]["integrated"] == 1);
  REQUIRE(doc["files"].size() == 1);
  const auto& f = doc["files"][0];
  CHECK(f["path"] == file);
  CHECK(f["outcome"] == "integrated");
  CHECK(f["etat"] == "IN_INTEGRE");
  CHECK(f["syntaxeFlux"] == "IN_DP_E1_UBL_INVOICE");
  CHECK(f["numeroFluxDepot"].get<std::string>().starts_with("CPP"));
  CHECK(f["sha256"].get<std::string>().size() == 64);
  CHECK(f["recovered"] == false);
  CHECK(f["errors"].empty());
  REQUIRE(f["invoices"].size() == 1);
  CHECK(f["invoices"][0]["numeroFacture"] == "FA-2026-0042");
  CHECK(f["invoices"][0]["identifiantFactureCPP"].is_number_integer());

  // Once more: the journal says it went already; nothing is sent.
  const RunResult again = mock.deposit({file});
  INFO(again.out << again.err);
  CHECK(again.exit_code == 0);
  CHECK(contains(again.out, "déjà déposée — flux " + f["numeroFluxDepot"].get<std::string>()));
  CHECK(contains(again.out, "--again"));
}

TEST_CASE("deposit: text output names the flux and the invoice's id", "[deposit-cli]") {
  const Mock mock;
  const RunResult r = mock.deposit({"--lang", "en", mock.invoice("invoice-chorus-ok.xml")});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, ": integrated — flux CPP"));
  CHECK(contains(r.out, "invoice FA-2026-0042: identifiantFactureCPP "));
}

TEST_CASE(
    "deposit: a fatal finding stops the deposit (exit 1); --force deposits it, rejected "
    "with the server's errors in the user's language",
    "[deposit-cli]") {
  const Mock mock;
  const std::string file = mock.invoice("eng-03-other-budget.xml");
  const RunResult refused = mock.deposit({file});
  INFO(refused.out << refused.err);
  CHECK(refused.exit_code == 1);
  CHECK(contains(refused.out, "refusée par la vérification préalable"));
  CHECK(contains(refused.out, "[CPRO-ENG-03] fatal :"));
  CHECK(contains(refused.out, "--force"));

  const RunResult forced = mock.deposit({"--lang", "en", "--force", "--format", "json", file});
  INFO(forced.out << forced.err);
  CHECK(forced.exit_code == 1);
  const auto f = parse_json(forced)["files"][0];
  CHECK(f["outcome"] == "rejected");
  CHECK(f["etat"] == "IN_REJETE");
  REQUIRE_FALSE(f["errors"].empty());
  CHECK(f["errors"][0]["list"] == "dp");
  CHECK(f["errors"][0]["rule"] == "CPRO-ENG-03");
  CHECK(f["errors"][0]["ruleText"] ==
        "The engagement number is known to the buyer, not to another budget (SIRET).");

  const RunResult text = mock.deposit({"--lang", "en", "--force", "--again", file});
  CHECK(contains(text.out, "    CPRO-ENG-03: The engagement number is known to the buyer"));
}

TEST_CASE("deposit: usage errors exit 2 and never repeat a credential", "[deposit-cli][usage]") {
  const Mock mock;
  const std::string file = mock.invoice("invoice-chorus-ok.xml");
  const RunResult no_colon =
      run({"deposit", "--server", mock.url(), "--client", kSecret, "--account", kAccount, file});
  CHECK(no_colon.exit_code == 2);
  CHECK(contains(no_colon.err, "--client : attendu ID:SECRET"));
  CHECK_FALSE(contains(no_colon.err, kSecret));

  const RunResult missing = run({"deposit", "--server", mock.url(), file}, {},
                                {{"CPROKIT_CLIENT", kUnset}, {"CPROKIT_ACCOUNT", kUnset}});
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "--client manquant (ou la variable CPROKIT_CLIENT)"));

  const RunResult no_server = run({"deposit", "--lang", "en", file});
  CHECK(no_server.exit_code == 2);
  CHECK(contains(no_server.err, "--server missing"));

  const RunResult unreadable = mock.deposit({mock.folder + "/absent.xml"});
  CHECK(unreadable.exit_code == 2);
}

TEST_CASE("deposit: bad credentials or no server exit 4", "[deposit-cli]") {
  const Mock mock;
  const std::string file = mock.invoice("invoice-chorus-ok.xml");
  const RunResult refused =
      run({"deposit", "--server", mock.url(), "--journal", mock.folder + "/j.jsonl", "--no-xsd",
           "--client", "cprokit-demo-client:pas-le-bon-secret", "--account", kAccount, file});
  INFO(refused.out << refused.err);
  CHECK(refused.exit_code == 4);
  CHECK(contains(refused.out, "vérifiez --client"));
  CHECK_FALSE(contains(refused.out + refused.err, "pas-le-bon-secret"));

  const RunResult nobody =
      run({"deposit", "--server", "http://127.0.0.1:" + std::to_string(free_port()), "--journal",
           mock.folder + "/j.jsonl", "--no-xsd", "--retries", "1", "--client", kClient, "--account",
           kAccount, file});
  CHECK(nobody.exit_code == 4);
  CHECK(contains(nobody.err, "nouvel essai 2/2"));
  CHECK_FALSE(contains(nobody.out + nobody.err, kSecret));
}

TEST_CASE("deposit: --help teaches: credentials, examples, every exit code", "[deposit-cli]") {
  const RunResult r = run({"deposit", "--help"});
  CHECK(r.exit_code == 0);
  for (const char* text : {"CPROKIT_CLIENT", "CPROKIT_ACCOUNT", "sandbox-api.piste.gouv.fr",
                           "sandbox-oauth.piste.gouv.fr", "  0  ", "  1  ", "  2  ", "  3  ",
                           "  4  ", "--resend-lost", "--again"}) {
    INFO(text);
    CHECK(contains(r.out, text));
  }
  CHECK(contains(run({"--help"}).out, "deposit"));
}
