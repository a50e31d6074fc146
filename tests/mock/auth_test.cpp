// Who may call the mock: PISTE's token, the cpro-account header, a supplier
// limited to its own invoices, and the admin API closed to PISTE tokens.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/mock/harness.hpp"
#include "validators/base64.hpp"

using namespace cprokit::testing;

namespace {

const std::string kPath = "/cpro/structures/v1/consulter";
const std::string kBody = R"({"idStructureCPP": 25000001})";

std::string alpine() {
  return MockHarness::account_header(kAlpineLogin, kAlpinePassword);
}

}  // namespace

TEST_CASE("the auth matrix: each refusal with PISTE's status", "[mock][auth]") {
  MockHarness h;
  h.start();

  SECTION("a valid token and account pass") {
    CHECK(h.post(kPath, kBody, h.token(), alpine()).status == 200);
  }
  SECTION("no token: 401") {
    const Answer a = h.post(kPath, kBody, "", alpine());
    CHECK(a.status == 401);
    CHECK(a.body["error"] == "invalid_request");
  }
  SECTION("an unknown token: 401") {
    CHECK(h.post(kPath, kBody, "forged-token", alpine()).status == 401);
  }
  SECTION("an expired token: 401") {
    const std::string token = h.token();
    h.advance_clock(3'600'001);
    const Answer a = h.post(kPath, kBody, token, alpine());
    CHECK(a.status == 401);
    CHECK(a.body["error_description"].get<std::string>().find("expir") != std::string::npos);
  }
  SECTION("a wrong client secret: 401 invalid_client") {
    const Answer a = h.token_request(std::string("grant_type=client_credentials&client_id=") +
                                     kClientId + "&client_secret=wrong");
    CHECK(a.status == 401);
    CHECK(a.body["error"] == "invalid_client");
    CHECK_FALSE(a.body.contains("access_token"));
  }
  SECTION("another grant type: 400 unsupported_grant_type") {
    const Answer a = h.token_request(std::string("grant_type=password&client_id=") + kClientId +
                                     "&client_secret=" + kClientSecret);
    CHECK(a.status == 400);
    CHECK(a.body["error"] == "unsupported_grant_type");
  }
  SECTION("the token answer is PISTE's") {
    const Answer a = h.token_request(std::string("grant_type=client_credentials&client_id=") +
                                     kClientId + "&client_secret=" + kClientSecret);
    REQUIRE(a.status == 200);
    CHECK(a.body["token_type"] == "Bearer");
    CHECK(a.body["expires_in"] == 3600);
  }
  SECTION("no cpro-account: 403") {
    CHECK(h.post(kPath, kBody, h.token(), "").status == 403);
  }
  SECTION("a wrong password: 403, and again after a right one") {
    CHECK(h.post(kPath, kBody, h.token(), alpine()).status == 200);
    CHECK(h.post(kPath, kBody, h.token(), MockHarness::account_header(kAlpineLogin, "wrong"))
              .status == 403);
    CHECK(h.post(kPath, kBody, h.token(), "not base64!").status == 403);
  }
}

TEST_CASE("a supplier cannot read another supplier's invoice or flux", "[mock][auth]") {
  MockHarness h;
  h.start();
  const Answer deposited = h.call("/cpro/factures/v1/deposer/flux",
                                  {{"fichierFlux", cprokit::encode_base64(valid_ubl("FA-AUTH-1"))},
                                   {"nomFichier", "f.xml"},
                                   {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                                   {"avecSignature", false}});
  REQUIRE(deposited.status == 200);
  const std::string numero = deposited.body["numeroFluxDepot"];
  REQUIRE(h.wait_for_flux(numero)["etatCourantDepotFlux"] == "IN_INTEGRE");
  const Answer found =
      h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFluxDepot", numero}});
  const auto id = found.body["listeFactures"][0]["identifiantFactureCPP"].get<std::int64_t>();

  const std::string senepi = MockHarness::account_header(kSenepiLogin, kSenepiPassword);
  Answer a = h.post("/cpro/factures/v1/consulter/fournisseur",
                    json{{"identifiantFactureCPP", id}}.dump(), h.token(), senepi);
  CHECK(a.status == 403);
  CHECK(a.body["codeRetour"] == 20001);
  a = h.post("/cpro/factures/v1/consulter/historique", json{{"idFacture", id}}.dump(), h.token(),
             senepi);
  CHECK(a.status == 403);
  a = h.post("/cpro/factures/v1/rechercher/fournisseur", json{{"numeroFluxDepot", numero}}.dump(),
             h.token(), senepi);
  CHECK(a.status == 200);
  CHECK(a.body["listeFactures"].empty());
  a = h.post("/cpro/transverses/v1/consulterCRDetaille", json{{"numeroFluxDepot", numero}}.dump(),
             h.token(), senepi);
  CHECK(a.status == 400);
  CHECK(a.body["libelle"].get<std::string>().starts_with("POQ_MSG_01.003"));
}

TEST_CASE("the admin API needs its own token, never a PISTE one", "[mock][auth][admin]") {
  MockHarness h;
  h.start();
  CHECK(h.admin("POST", "/_mock/reset", "", "").status == 401);
  CHECK(h.admin("POST", "/_mock/reset", "", "wrong").status == 401);
  CHECK(h.admin("POST", "/_mock/reset", "", h.token()).status == 401);
  CHECK(h.post("/_mock/reset", "", h.token(), alpine()).status == 401);
  CHECK(h.admin("POST", "/_mock/reset", "").status == 200);
}

TEST_CASE("a directory loaded by the admin API brings its callers", "[mock][auth][admin]") {
  MockHarness h;
  h.start(/*load_directory=*/false);
  const Answer loaded =
      h.admin("POST", "/_mock/directory", fixture_text("directory/matheysine.json"));
  REQUIRE(loaded.status == 200);
  CHECK(loaded.body["structures"] == 10);
  CHECK(loaded.body["clients"] == 1);
  // Its client gets a token, its technical accounts are admitted.
  CHECK(h.call("/cpro/structures/v1/consulter", {{"idStructureCPP", 25000001}}).status == 200);
  const Answer bad =
      h.admin("POST", "/_mock/directory", R"({"version": 1, "clients": [{"clientId": "c"}]})");
  CHECK(bad.status == 400);
  CHECK(bad.body["libelle"].get<std::string>().find("/clients/0/clientSecret") !=
        std::string::npos);
}

TEST_CASE("secrets are stored hashed, never in clear", "[mock][auth]") {
  MockHarness h;
  h.start();
  h.token();
  h.stop();
  std::string everything;
  for (const auto& entry : std::filesystem::directory_iterator(h.data_dir())) {
    std::ifstream in(entry.path(), std::ios::binary);
    everything.append(std::istreambuf_iterator<char>(in), {});
  }
  REQUIRE(everything.find("$argon2id$") != std::string::npos);
  CHECK(everything.find(kClientSecret) == std::string::npos);
  CHECK(everything.find(kAlpinePassword) == std::string::npos);
  CHECK(everything.find(kSenepiPassword) == std::string::npos);
}
