// CPRO-DEP-03: the supplier is the structure of the technical account that
// deposits. Only the mock knows that account (it lints what a call deposits
// with Linter::for_depositor()); no lint option gives one, so no fixture
// can fire the rule (tests/fixtures/fixture_test.cpp). It is fired here, on
// the fixtures a flux and a soumettre would carry, and over HTTP by the
// mock's tests.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "rules/chorus/depositor.hpp"
#include "validators/directory/directory_file.hpp"
#include "validators/pipeline.hpp"

using namespace cprokit;

namespace {

std::string fixture(const std::string& relative) {
  std::ifstream in(std::filesystem::path(CPROKIT_FIXTURES_DIR) / relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The mock's deposit linter: the Chorus Pro profile with its directory.
const Linter& deposit_linter() {
  static const Linter linter = [] {
    LintOptions options;
    options.profile = "chorus";
    options.directory = std::make_shared<const chorus::Directory>(
        directory::parse_directory(fixture("directory/matheysine.json")));
    XsdSetup no_xsd;
    no_xsd.disabled = true;
    return Linter(std::move(options), no_xsd);
  }();
  return linter;
}

Linter deposited_by(const std::string& login, std::int64_t id, const std::string& siret) {
  return deposit_linter().for_depositor(
      std::make_shared<const chorus::Depositor>(chorus::Depositor{login, id, siret}));
}

std::vector<Finding> dep_03(const Linter& linter, const std::string& name,
                            const std::string& text) {
  std::vector<Finding> out;
  for (auto& f : linter.lint(name, text).findings) {
    if (f.rule == chorus::kDepositorRule) out.push_back(std::move(f));
  }
  return out;
}

bool mentions(const Finding& f, const std::string& text) {
  return f.message.fr.find(text) != std::string::npos &&
         f.message.en.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("CPRO-DEP-03: an invoice deposited by another structure's account",
          "[chorus][depositor]") {
  // Supplier SIRET 81234567600017: Menuiserie Alpine, structure 25000103.
  const std::string xml = fixture("invoices/chorus/invoice-chorus-ok.xml");
  const std::string name = "Menuiserie Alpine SARL_FA-2026-0042.xml";
  CHECK(deposit_linter().lint(name, xml).findings.empty());  // lint knows no depositor
  CHECK(dep_03(deposited_by("TECH_25000103@cprokit.invalid", 25000103, "81234567600017"), name, xml)
            .empty());

  const auto found =
      dep_03(deposited_by("TECH_25000104@cprokit.invalid", 25000104, "88216543400011"), name, xml);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Fatal);
  CHECK(found[0].where.line == 36);  // the seller's SIRET (BT-30)
  CHECK(mentions(found[0], "81234567600017"));
  CHECK(mentions(found[0], "88216543400011"));
  CHECK(mentions(found[0], "TECH_25000104@cprokit.invalid"));

  // An account whose structure the directory lacks deposits for no one.
  CHECK(dep_03(deposited_by("TECH_X@cprokit.invalid", 25009999, ""), name, xml).size() == 1);
}

TEST_CASE("CPRO-DEP-03: a deposit request for another structure", "[chorus][depositor]") {
  // fournisseur.idFournisseur 25000101 (Terrassements du Sénépi), line 12.
  const std::string json = fixture("deposits/deposit-ok.json");
  CHECK(dep_03(deposit_linter(), "soumettre.json", json).empty());
  CHECK(dep_03(deposited_by("TECH_25000101@cprokit.invalid", 25000101, "90438150600016"),
               "soumettre.json", json)
            .empty());

  const Linter alpine = deposited_by("TECH_25000103@cprokit.invalid", 25000103, "81234567600017");
  const auto found = dep_03(alpine, "soumettre.json", json);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.path == "/fournisseur/idFournisseur");
  CHECK(found[0].where.line == 12);
  CHECK(mentions(found[0], "25000101"));
  CHECK(mentions(found[0], "25000103"));

  // Without idFournisseur, CPRO-DEP-01 says it is missing; CPRO-DEP-03 is silent.
  std::string without = json;
  const std::string id = R"("idFournisseur": 25000101,)";
  without.erase(without.find(id), id.size());
  CHECK(dep_03(alpine, "soumettre.json", without).empty());
}
