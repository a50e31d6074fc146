// A scenario's rules seen through the API: a flux rejected or incident, an
// invoice moved by its buyer after a delay (through the legal moves, each
// in consulter/historique), by every way of depositing, across a restart.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "tests/mock/harness.hpp"
#include "validators/base64.hpp"

using cprokit::encode_base64;
using namespace cprokit::testing;

namespace {

constexpr cprokit::mock::Millis kSecond = 1000;

std::string deposit_flux(MockHarness& h, const std::string& number) {
  const Answer a = h.call("/cpro/factures/v1/deposer/flux",
                          {{"fichierFlux", encode_base64(valid_ubl(number))},
                           {"nomFichier", "MENUISERIE ALPINE SARL - " + number + ".xml"},
                           {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                           {"avecSignature", false}});
  REQUIRE(a.status == 200);
  return a.body["numeroFluxDepot"];
}

void load(MockHarness& h, const json& scenario) {
  const Answer a = h.admin("POST", "/_mock/scenarios", scenario.dump());
  INFO(a.body.dump());
  REQUIRE(a.status == 200);
}

std::int64_t invoice_of_flux(MockHarness& h, const std::string& numero) {
  const Answer a =
      h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFluxDepot", numero}});
  REQUIRE(a.body["listeFactures"].size() == 1);
  return a.body["listeFactures"][0]["identifiantFactureCPP"];
}

// The statuses of the invoice's history, oldest first, once it has `last`.
json history_until(MockHarness& h, std::int64_t id, const std::string& last,
                   const std::string& account = "") {
  json entries;
  for (int i = 0; i < 300; ++i) {
    const Answer a = h.post(
        "/cpro/factures/v1/consulter/historique", json{{"idFacture", id}}.dump(), h.token(),
        account.empty() ? MockHarness::account_header(kAlpineLogin, kAlpinePassword) : account);
    REQUIRE(a.status == 200);
    entries = a.body["historiquesDesStatuts"]["histoStatut"];
    if (!entries.empty() && entries.back()["histoStatutCode"] == last) return entries;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("invoice " << id << " never reached " << last << ": " << entries.dump(2));
  return entries;
}

std::vector<std::string> statuses(const json& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries)
    out.push_back(e["histoStatutCode"]);
  return out;
}

}  // namespace

TEST_CASE("scenario: a matching flux is IN_REJETE with the rule's errors, the others integrate",
          "[mock][scenario]") {
  MockHarness h;
  h.start();
  load(h, {{"rules",
            {{{"match",
               {{"supplierSiret", "812 345 676 00017"},
                {"invoiceNumber", "F-REJ-*"},
                {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"}}},
              {"outcome",
               {{"flux", "IN_REJETE"},
                {"errors",
                 {{{"libelleErreurDP", "Montant incohérent (scénario)"}},
                  {{"libelleErreurDP", "Seconde erreur"}}}}}}}}}});
  json cr = h.wait_for_flux(deposit_flux(h, "F-REJ-001"));
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  CHECK(cr["listeErreurTechnique"].empty());
  CHECK(cr["listeErreurDP"] == json::array({{{"identifiantFournisseur", "81234567600017"},
                                             {"identifiantDestinataire", "20004065700013"},
                                             {"numeroDP", "F-REJ-001"},
                                             {"libelleErreurDP", "Montant incohérent (scénario)"}},
                                            {{"identifiantFournisseur", "81234567600017"},
                                             {"identifiantDestinataire", "20004065700013"},
                                             {"numeroDP", "F-REJ-001"},
                                             {"libelleErreurDP", "Seconde erreur"}}}));
  cr = h.wait_for_flux(deposit_flux(h, "F-OK-001"));
  CHECK(cr["etatCourantDepotFlux"] == "IN_INTEGRE");
}

TEST_CASE("scenario: IN_INCIDENTE integrates nothing", "[mock][scenario]") {
  MockHarness h;
  h.start();
  load(h,
       {{"rules",
         {{{"match", {{"invoiceNumber", "F-INC-?"}}}, {"outcome", {{"flux", "IN_INCIDENTE"}}}}}}});
  const std::string numero = deposit_flux(h, "F-INC-1");
  const json cr = h.wait_for_flux(numero);
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_INCIDENTE");
  CHECK(cr["listeErreurDP"].empty());
  const Answer a =
      h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFluxDepot", numero}});
  CHECK(a.body["listeFactures"].empty());
}

TEST_CASE(
    "scenario: a rule applies to what is deposited after it was loaded, and never "
    "overrules the controls",
    "[mock][scenario]") {
  cprokit::mock::MockOptions options;
  options.flux_step = 300;  // the flux waits in IN_RECU while the scenario is loaded
  MockHarness h(options);
  h.start();
  const std::string before = deposit_flux(h, "F-INC-2");
  // The mock's clock counts milliseconds, and a rule takes what is deposited
  // in the millisecond of its load: a fast mock answered the deposit and took
  // the load within one, and the rule took the flux before it.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  load(h, {{"rules", {{{"outcome", {{"flux", "IN_INCIDENTE"}}}}}}});
  CHECK(h.wait_for_flux(before)["etatCourantDepotFlux"] == "IN_INTEGRE");

  // The engagement removed: the linter rejects it (CPRO-ENG-01), whatever the rule says.
  std::string file = valid_ubl("F-INC-3");
  const auto from = file.find("<cac:OrderReference>");
  const auto to = file.find("</cac:OrderReference>") + std::string("</cac:OrderReference>").size();
  file.erase(from, to - from);
  const Answer a =
      h.call("/cpro/factures/v1/deposer/flux", {{"fichierFlux", encode_base64(file)},
                                                {"nomFichier", "f.xml"},
                                                {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                                                {"avecSignature", false}});
  const json cr = h.wait_for_flux(a.body["numeroFluxDepot"]);
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  CHECK(cr["listeErreurDP"][0]["libelleErreurDP"].get<std::string>().find("[CPRO-ENG-01]") !=
        std::string::npos);
}

TEST_CASE("scenario: SUSPENDUE with its motive, straight from MISE_A_DISPOSITION",
          "[mock][scenario][lifecycle]") {
  cprokit::mock::MockOptions options;
  options.lifecycle_step = 10;
  MockHarness h(options);
  h.start();
  load(h,
       {{"rules",
         {{{"match", {{"invoiceNumber", "F-SUS-?"}}},
           {"outcome", {{"status", "SUSPENDUE"}, {"motive", "Pièce justificative manquante"}}}}}}});
  const std::string numero = deposit_flux(h, "F-SUS-1");
  REQUIRE(h.wait_for_flux(numero)["etatCourantDepotFlux"] == "IN_INTEGRE");
  const json history = history_until(h, invoice_of_flux(h, numero), "SUSPENDUE");
  INFO(history.dump(2));
  CHECK(statuses(history) == std::vector<std::string>{"DEPOSEE", "EN_COURS_ACHEMINEMENT",
                                                      "MISE_A_DISPOSITION", "SUSPENDUE"});
  CHECK(history.back()["histoStatutCommentaire"] == "Pièce justificative manquante");
  CHECK(history.back()["histoStatutUtilisateur"] == "DESTINATAIRE");
}

TEST_CASE("scenario: MISE_EN_PAIEMENT after its delay, through the buyer's legal moves",
          "[mock][scenario][lifecycle]") {
  cprokit::mock::MockOptions options;
  options.lifecycle_step = 10;
  MockHarness h(options);
  h.start();
  load(h, {{"rules",
            {{{"match", {{"buyerSiret", "20004065700013"}}},
              {"outcome", {{"status", "MISE_EN_PAIEMENT"}, {"afterSeconds", 30}}}}}}});
  const std::string numero = deposit_flux(h, "F-PAY-1");
  REQUIRE(h.wait_for_flux(numero)["etatCourantDepotFlux"] == "IN_INTEGRE");
  const std::int64_t id = invoice_of_flux(h, numero);
  history_until(h, id, "MISE_A_DISPOSITION");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // many worker ticks
  CHECK(statuses(history_until(h, id, "MISE_A_DISPOSITION")).back() == "MISE_A_DISPOSITION");

  h.advance_clock(30 * kSecond);
  const json history = history_until(h, id, "MISE_EN_PAIEMENT");
  INFO(history.dump(2));
  CHECK(statuses(history) ==
        std::vector<std::string>{"DEPOSEE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION",
                                 "PRISE_EN_COMPTE_DESTINATAIRE", "MANDATEE", "MISE_EN_PAIEMENT"});
  for (std::size_t i = 3; i < history.size(); ++i)
    CHECK(history[i]["histoStatutUtilisateur"] == "DESTINATAIRE");
}

TEST_CASE("scenario: a status outcome applies to soumettre too", "[mock][scenario][lifecycle]") {
  cprokit::mock::MockOptions options;
  options.lifecycle_step = 10;
  MockHarness h(options);
  h.start();
  const std::string senepi = MockHarness::account_header(kSenepiLogin, kSenepiPassword);
  json request = json::parse(fixture_text("deposits/dep-01-pdf-ok.json"));
  load(h, {{"rules",
            {{{"match", {{"invoiceNumber", request["numeroFactureSaisi"]}}},
              {"outcome", {{"status", "REJETEE"}, {"motive", "Commande introuvable"}}}}}}});
  Answer a = h.post("/cpro/factures/v1/deposer/pdf",
                    json{{"fichierFacture", encode_base64("%PDF-1.4\n%fake\n")},
                         {"nomFichier", "facture.pdf"},
                         {"formatDepot", "PDF_NON_SIGNE"}}
                        .dump(),
                    h.token(), senepi);
  REQUIRE(a.status == 200);
  request["pieceJointePrincipale"] = {{{"pieceJointePrincipaleDesignation", "Facture"},
                                       {"pieceJointePrincipaleId", a.body["pieceJointeId"]}}};
  a = h.post("/cpro/factures/v1/soumettre", request.dump(), h.token(), senepi);
  INFO(a.body.dump());
  REQUIRE(a.status == 200);
  const json history = history_until(h, a.body["identifiantFactureCPP"], "REJETEE", senepi);
  CHECK(history.back()["histoStatutCommentaire"] == "Commande introuvable");
}

TEST_CASE("scenario: a planned move survives a restart", "[mock][scenario][restart]") {
  cprokit::mock::MockOptions options;
  options.lifecycle_step = 10;
  MockHarness h(options);
  h.start();
  load(h,
       {{"rules",
         {{{"outcome", {{"status", "REJETEE"}, {"motive", "Doublon"}, {"afterSeconds", 60}}}}}}});
  const std::string numero = deposit_flux(h, "F-RST-1");
  REQUIRE(h.wait_for_flux(numero)["etatCourantDepotFlux"] == "IN_INTEGRE");
  const std::int64_t id = invoice_of_flux(h, numero);
  history_until(h, id, "MISE_A_DISPOSITION");
  h.stop();
  h.start(false);  // the same data; the scenario itself is gone
  CHECK(h.admin("GET", "/_mock/scenarios", "").body["scenarios"].empty());
  h.advance_clock(60 * kSecond);
  const json history = history_until(h, id, "REJETEE");
  CHECK(history.back()["histoStatutCommentaire"] == "Doublon");
}
