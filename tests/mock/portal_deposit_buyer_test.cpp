// The buyer's view of the mock's portal: admitted by the admin token once
// per session, it moves invoices as POST /_mock/factures/ID/statut does, and
// the supplier's pages show the result.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "tests/mock/portal_support.hpp"

using namespace cprokit::testing;

namespace {

void wait_for(MockHarness& h, std::int64_t id, const std::string& statut) {
  for (int i = 0; i < 100 && h.mock().store().invoice(id)->statut != statut; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  REQUIRE(h.mock().store().invoice(id)->statut == statut);
}

}  // namespace

TEST_CASE("portal buyer view: the admin token once per session, a wrong one refused",
          "[mock][portal][buyer]") {
  MockHarness h;
  h.start();
  Visitor trainer(h);
  const auto asked = trainer.get("/portail/acheteur");
  CHECK(asked.status == 200);
  CHECK_THAT(asked.body, Catch::Contains("name=\"jeton\""));
  for (const std::string wrong : {"", "test-admin-toke", "test-admin-token ", "TEST-ADMIN-TOKEN"}) {
    INFO(wrong);
    const auto refused = trainer.post("/portail/acheteur", {{"jeton", wrong}});
    CHECK(refused.status == 422);
    CHECK_THAT(element(refused.body, "err-jeton", "div"), Catch::Contains("jeton"));
    CHECK_THAT(trainer.get("/portail/acheteur").body, Catch::Contains("name=\"jeton\""));
  }
  // Nothing moves before the token is given.
  CHECK(location_of(trainer.post("/portail/acheteur/factures/1/statut", {{"statut", "REJETEE"}})) ==
        "/portail/acheteur");

  const auto admitted = trainer.post("/portail/acheteur", {{"jeton", kAdminToken}});
  CHECK(admitted.status == 303);
  CHECK_THAT(trainer.get("/portail/acheteur").body, !Catch::Contains("name=\"jeton\""));
}

TEST_CASE("portal buyer view: an invoice put in payment, which the supplier then sees",
          "[mock][portal][buyer]") {
  MockHarness h;
  h.start();
  Visitor alpine(h, kAlpineStructure, "compta@menuiserie-alpine.example");
  const std::int64_t id = deposit_pdf(h, alpine, "FA-PAYEE-1");
  wait_for(h, id, "MISE_A_DISPOSITION");

  Visitor trainer(h);
  trainer.get("/portail/acheteur");  // a session, and its forms' CSRF token
  REQUIRE(trainer.post("/portail/acheteur", {{"jeton", kAdminToken}}).status == 303);
  CHECK_THAT(trainer.get("/portail/acheteur").body, Catch::Contains("FA-PAYEE-1"));
  const std::string move = "/portail/acheteur/factures/" + std::to_string(id) + "/statut";

  // Suspended needs a motive: refused beside the invoice, nothing moved.
  const auto no_motive = trainer.post(move, {{"statut", "SUSPENDUE"}});
  CHECK(no_motive.status == 422);
  CHECK_THAT(element(no_motive.body, "err-" + std::to_string(id), "div"),
             Catch::Contains("SUSPENDUE exige un motif"));
  CHECK(h.mock().store().invoice(id)->statut == "MISE_A_DISPOSITION");
  // A move the lifecycle does not allow from here.
  CHECK(trainer.post(move, {{"statut", "MISE_EN_PAIEMENT"}}).status == 422);

  for (const char* statut :
       {"PRISE_EN_COMPTE_DESTINATAIRE", "SERVICE_FAIT", "MANDATEE", "MISE_EN_PAIEMENT"}) {
    INFO(statut);
    CHECK(trainer.post(move, {{"statut", statut}}).status == 303);
  }
  CHECK(h.mock().store().invoice(id)->statut == "MISE_EN_PAIEMENT");
  CHECK(h.mock().store().history(id).back().utilisateur == "DESTINATAIRE");

  const auto seen = alpine.get("/portail/factures/emises", {{"statut", "MISE_EN_PAIEMENT"}});
  CHECK_THAT(seen.body, Catch::Contains(">FA-PAYEE-1</a>") && Catch::Contains("MISE_EN_PAIEMENT"));
  CHECK_THAT(
      alpine.get("/portail/factures/" + std::to_string(id)).body,
      Catch::Contains(R"(<td>Mise en paiement <small class="rule">MISE_EN_PAIEMENT</small></td>)"));
}
