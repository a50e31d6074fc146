// Raccordement EDI et API: the gestionnaire principal creates a technical
// account on the portal, sees its password once, and the account then
// deposits through the API as the directory's accounts do.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "mock-chorus/auth/secret_hash.hpp"
#include "tests/mock/portal_support.hpp"
#include "validators/base64.hpp"

using namespace cprokit::testing;

namespace {

std::string secret_cell(const std::string& html, const std::string& label) {
  std::smatch m;
  const std::regex cell(label + R"re(</th><td class="secret">([^<]*)</td>)re");
  return std::regex_search(html, m, cell) ? m[1].str() : std::string();
}

}  // namespace

TEST_CASE("portal connection: a technical account made on the portal deposits a flux by the API",
          "[mock][portal][connection]") {
  MockHarness h;
  h.start();
  Visitor manager(h, kAlpineStructure, "gerant@menuiserie-alpine.example");
  CHECK_THAT(manager.get("/portail/compte/raccordement").body,
             Catch::Contains(kAlpineLogin));  // the directory's account is listed

  const auto created = manager.post("/portail/compte/raccordement", {});
  REQUIRE(created.status == 303);
  const auto shown = manager.get("/portail/compte/raccordement");
  const std::string login = secret_cell(shown.body, "Identifiant");
  const std::string password = secret_cell(shown.body, "Mot de passe");
  REQUIRE_FALSE(login.empty());
  REQUIRE(password.size() >= 16);
  CHECK(secret_cell(shown.body, "En-tête cpro-account") ==
        cprokit::encode_base64(login + ":" + password));
  // Shown once; the store keeps its hash only.
  CHECK_THAT(manager.get("/portail/compte/raccordement").body,
             !Catch::Contains(password) && Catch::Contains(login));
  const auto stored = h.mock().store().account(login);
  REQUIRE(stored);
  CHECK(stored->id_structure == kAlpineStructure);
  CHECK(stored->password_hash.find(password) == std::string::npos);
  CHECK(cprokit::mock::verify_secret(password, stored->password_hash));

  const std::string header = MockHarness::account_header(login, password);
  const Answer deposited =
      h.post("/cpro/factures/v1/deposer/flux",
             json{{"fichierFlux", cprokit::encode_base64(valid_ubl("FA-TECH-1"))},
                  {"nomFichier", "MENUISERIE ALPINE SARL - FA-TECH-1.xml"},
                  {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                  {"avecSignature", false}}
                 .dump(),
             h.token(), header);
  INFO(deposited.body.dump());
  REQUIRE(deposited.status == 200);
  const json report = h.wait_for_flux(deposited.body["numeroFluxDepot"], header);
  CHECK(report["etatCourantDepotFlux"] == "IN_INTEGRE");

  // A wrong password opens nothing.
  CHECK(h.post("/cpro/factures/v1/rechercher/fournisseur", "{}", h.token(),
               MockHarness::account_header(login, password + "x"))
            .status == 403);
}

TEST_CASE("portal connection: for the gestionnaire principal only", "[mock][portal][connection]") {
  MockHarness h;
  h.start();
  Visitor user(h, kAlpineStructure, "atelier@menuiserie-alpine.example", "UTILISATEUR");
  CHECK(user.get("/portail/compte/raccordement").status == 403);
  CHECK(user.post("/portail/compte/raccordement", {}).status == 403);
  CHECK(h.mock().store().accounts_of(kAlpineStructure).size() == 1);  // the directory's only
  Visitor anonymous(h);
  CHECK(location_of(anonymous.get("/portail/compte/raccordement")) ==
        "/portail/connexion?suite=/portail/compte/raccordement");
}
