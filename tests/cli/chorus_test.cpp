// The Chorus Pro rules through the binary: the structure directory
// (--directory), a deposit request against its invoice (--with), the
// deposit name (--name), the IBAN, the size limit and duplicates in a run.
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.hpp"

namespace fs = std::filesystem;
using cprokit::test::check_contract;
using cprokit::test::contains;
using cprokit::test::finding_of;
using cprokit::test::fresh_dir;
using cprokit::test::has_rule;
using cprokit::test::lint_json;
using cprokit::test::Linted;
using cprokit::test::read_file;
using cprokit::test::rules_of;
using cprokit::test::run;
using cprokit::test::RunResult;
using cprokit::test::write_file;
using nlohmann::ordered_json;

namespace {

const fs::path kDirectoryFile = fs::path(CPROKIT_FIXTURES_DIR) / "directory" / "matheysine.json";
const fs::path kChorusFixtures = fs::path(CPROKIT_FIXTURES_DIR) / "invoices" / "chorus";

}  // namespace

TEST_CASE("lint --directory: French by default, says what to fix, UBL and CII", "[chorus]") {
  for (const char* name : {"eng-03-other-budget.xml", "svc-01-missing.xml"}) {
    INFO(name);
    RunResult r = run({"lint", "--directory", kDirectoryFile.string(), "--no-xsd",
                       (kChorusFixtures / name).string()});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "CPRO-"));
    CHECK((contains(r.out, "appartient à la structure 20004065700013") ||
           contains(r.out, "Code service absent")));
  }
  // --no-xsd, --no-codelists: a clone without the schemas or the code lists
  // would add its XSD-02 or LIST-01 warning.
  Linted cii = lint_json({"--no-xsd", "--no-codelists", "--directory", kDirectoryFile.string(),
                          "--name", "Électricité Dauphinoise SAS_FE-2026-0117.xml",
                          (kChorusFixtures / "cii-invoice-chorus-ok.xml").string()});
  CHECK(cii.result.exit_code == 0);
  CHECK(cii.doc.at("findings").empty());
}

TEST_CASE("lint --directory: a deposit request and an account form, French by default",
          "[chorus][json]") {
  const fs::path fixtures(CPROKIT_FIXTURES_DIR);
  RunResult request = run({"lint", "--directory", kDirectoryFile.string(),
                           (fixtures / "deposits" / "eng-01-missing.json").string()});
  CHECK(request.exit_code == 1);
  CHECK(contains(request.out, "CPRO-ENG-01"));
  CHECK(contains(request.out, "Numéro d'engagement absent (references.numeroBonCommande)"));
  CHECK(contains(request.out, "/references"));

  RunResult account = run({"lint", "--directory", kDirectoryFile.string(),
                           (fixtures / "accounts" / "pwd-01-short.json").string()});
  CHECK(account.exit_code == 1);
  CHECK(contains(account.out, "ACCT-PWD-01"));
  CHECK(contains(account.out, "Mot de passe trop faible"));
  CHECK_FALSE(contains(account.out, "Chene-EI30"));  // a password is never shown

  Linted english =
      lint_json({"--lang", "en", (fixtures / "accounts" / "pwd-01-short.json").string()});
  CHECK(english.doc.at("kind") == "account");
  CHECK(finding_of(english.doc, "ACCT-PWD-01").at("location") == "/compte/motDePasse");
}

TEST_CASE("lint --with: the amounts of a deposit request against its invoice", "[chorus][json]") {
  const fs::path deposits = fs::path(CPROKIT_FIXTURES_DIR) / "deposits";
  const std::string invoice = (kChorusFixtures / "invoice-chorus-ok.xml").string();
  const std::string forgetful = (deposits / "tot-05-invoice.json").string();
  SECTION("with the invoice, the four totals differ") {
    Linted l = lint_json({"--with", invoice, forgetful});
    CHECK(rules_of(l.doc) == std::vector<std::string>(4, "CPRO-TOT-05"));
    CHECK(contains(finding_of(l.doc, "CPRO-TOT-05").at("message").get<std::string>(),
                   "BT-109 4195.60"));
  }
  SECTION("without it, nothing to compare") {
    Linted l = lint_json({forgetful});
    CHECK_FALSE(has_rule(l.doc, "CPRO-TOT-05"));
  }
  SECTION("a --with file that is not an invoice is a usage error naming it") {
    RunResult r = run({"lint", "--with", forgetful, forgetful});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--with"));
    CHECK(contains(r.err, "tot-05-invoice.json"));
    CHECK(r.out.empty());
  }
  SECTION("a missing --with file is a usage error") {
    RunResult r = run({"lint", "--with", (deposits / "absent.xml").string(), forgetful});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "absent.xml"));
  }
}

TEST_CASE("lint --directory: the same invoice judged with and without the directory", "[chorus]") {
  const std::string file = (kChorusFixtures / "svc-03-public-only.xml").string();
  Linted with = lint_json({"--directory", kDirectoryFile.string(), file});
  Linted without = lint_json({file});
  // Without the directory, the supplier might be public: a warning only.
  CHECK(finding_of(with.doc, "CPRO-SVC-03").at("severity") == "fatal");
  CHECK(finding_of(without.doc, "CPRO-SVC-03").at("severity") == "warning");
  // And an engagement number can only be suspected missing.
  Linted no_ej = lint_json({(kChorusFixtures / "eng-01-missing.xml").string(), "--name",
                            "Menuiserie Alpine "
                            "SARL FA-2026-0042"});
  CHECK(finding_of(no_ej.doc, "CPRO-ENG-01").at("severity") == "warning");
  CHECK(no_ej.result.exit_code == 0);
}

TEST_CASE("lint --directory: an unreadable or broken directory is a usage error", "[chorus]") {
  fs::path dir = fresh_dir("directory");
  const std::string invoice = (kChorusFixtures / "invoice-chorus-ok.xml").string();
  SECTION("missing file") {
    RunResult r = run({"lint", "--directory", (dir / "absent.json").string(), invoice});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "absent.json"));
    CHECK(r.out.empty());
  }
  SECTION("a wrong type, named by its place") {
    write_file(dir / "bad.json",
               R"({"version": 1, "structures": [{"identifiant": 20004065700013}]})");
    RunResult r = run({"lint", "--directory", (dir / "bad.json").string(), invoice});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "bad.json"));
    CHECK(contains(r.err, "/structures/0/identifiant"));
  }
  SECTION("malformed JSON, named by line") {
    write_file(dir / "broken.json", "{\"version\": 1,\n \"structures\": [}\n");
    RunResult r = run({"lint", "--directory", (dir / "broken.json").string(), invoice});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "line 2"));
  }
}

TEST_CASE("lint --name: the deposit name must carry the supplier and the number", "[chorus]") {
  const std::string file = (kChorusFixtures / "invoice-chorus-ok.xml").string();
  for (const char* good :
       {"Menuiserie Alpine SARL_FA-2026-0042.xml", "menuiserie-alpine-sarl FA 2026 0042",
        "MENUISERIE ALPINE SARL/FA-2026-0042"}) {
    INFO(good);
    CHECK_FALSE(has_rule(lint_json({"--name", good, file}).doc, "CPRO-NAME-01"));
  }
  for (const char* bad : {"facture.xml", "Menuiserie Alpine.xml", "FA-2026-0042.xml"}) {
    INFO(bad);
    Linted l = lint_json({"--name", bad, file});
    CHECK(finding_of(l.doc, "CPRO-NAME-01").at("severity") == "warning");
    CHECK(l.result.exit_code == 0);
  }
}

TEST_CASE("CPRO-PAY-01: an IBAN printed with spaces is a warning giving its electronic form",
          "[chorus]") {
  const std::string spaced = (kChorusFixtures / "pay-01-iban-spaces.xml").string();
  Linted fr = lint_json({spaced});
  const ordered_json warning = finding_of(fr.doc, "CPRO-PAY-01");
  CHECK(warning.at("severity") == "warning");
  const std::string message = warning.at("message");
  CHECK(contains(message, "(BT-84) : FR76 3000 4004 5100 0102 3456 779 est un IBAN valide"));
  CHECK(contains(message, "espaces"));
  CHECK(contains(message, "FR7630004004510001023456779"));
  CHECK(fr.result.exit_code == 0);
  Linted en = lint_json({"--lang", "en", spaced});
  CHECK(contains(finding_of(en.doc, "CPRO-PAY-01").at("message").get<std::string>(),
                 "electronic format"));

  // A wrong digit stays fatal, and says which check digits the rest of the IBAN gives.
  Linted wrong = lint_json({(kChorusFixtures / "pay-01-iban-checksum.xml").string()});
  const ordered_json fatal = finding_of(wrong.doc, "CPRO-PAY-01");
  CHECK(fatal.at("severity") == "fatal");
  CHECK(contains(fatal.at("message").get<std::string>(), "le reste de l'IBAN donne 06"));
}

TEST_CASE("a file over 10 MB gives CPRO-SIZE-01 (Chorus Pro's limit), not XML-03", "[chorus]") {
  std::string big = read_file(kChorusFixtures / "invoice-chorus-ok.xml");
  std::string comment = "<!-- ";
  comment.append(10'500'000, 'x');
  comment += " -->\n";
  big.insert(big.find("<Invoice"), comment);
  fs::path file = fresh_dir("size") / "Menuiserie Alpine SARL_FA-2026-0042.xml";
  write_file(file, big);
  // --no-codelists: without the code lists (a clone), LIST-01 would be there too.
  Linted l = lint_json({"--no-xsd", "--no-codelists", file.string()});
  CHECK(rules_of(l.doc) == std::vector<std::string>{"CPRO-SIZE-01"});
  CHECK(l.result.exit_code == 1);
  // Just under the limit, no finding.
  big.erase(big.find("<!--") + 5, 600'000);
  write_file(file, big);
  CHECK(lint_json({"--no-xsd", "--no-codelists", file.string()}).doc.at("findings").empty());
}

TEST_CASE("the same invoice twice in one run: the second gives CPRO-DUP-01", "[chorus]") {
  const fs::path original = kChorusFixtures / "invoice-chorus-ok.xml";
  fs::path dir = fresh_dir("duplicates");
  const std::string copy = (dir / "copie.xml").string();
  write_file(copy, read_file(original));
  // Another supplier's invoice with the same number is no duplicate.
  const std::string other = (dir / "autre-fournisseur.xml").string();
  std::string text = read_file(kChorusFixtures / "cii-invoice-chorus-ok.xml");
  text.replace(text.find("FE-2026-0117"), 12, "FA-2026-0042");
  write_file(other, text);

  const std::vector<std::string> args = {"lint", "--format",        "json", "--no-xsd", "--name",
                                         "x",    original.string(), other,  copy};
  ordered_json j = check_contract(run(args));
  const auto& docs = j.at("documents");
  REQUIRE(docs.size() == 3);
  CHECK_FALSE(has_rule(docs[0], "CPRO-DUP-01"));
  CHECK_FALSE(has_rule(docs[1], "CPRO-DUP-01"));
  const ordered_json dup = finding_of(docs[2], "CPRO-DUP-01");
  CHECK(dup.at("severity") == "fatal");
  CHECK(contains(dup.at("message").get<std::string>(), original.string()));
  CHECK(contains(dup.at("message").get<std::string>(), "FA-2026-0042"));

  std::vector<std::string> en16931 = args;
  en16931.insert(en16931.begin() + 1, {"--profile", "en16931"});
  const ordered_json without = check_contract(run(en16931));
  REQUIRE(without.at("documents").size() == 3);
  for (const auto& doc : without.at("documents"))
    CHECK_FALSE(has_rule(doc, "CPRO-DUP-01"));
}
