// Bad requests get a clear 400 {codeRetour, libelle} naming the field, never
// a crash; unknown fields are ignored. And the PDF route: deposer/pdf, then
// soumettre, controlled by the deposit-request rules.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "tests/mock/harness.hpp"
#include "validators/base64.hpp"

using cprokit::encode_base64;
using namespace cprokit::testing;

namespace {

void check_refused(const Answer& a, int status, const std::string& mentions) {
  INFO(a.body.dump());
  CHECK(a.status == status);
  CHECK(a.body["codeRetour"] == 20001);
  CHECK(a.body["libelle"].get<std::string>().find(mentions) != std::string::npos);
}

std::string alpine() {
  return MockHarness::account_header(kAlpineLogin, kAlpinePassword);
}

}  // namespace

TEST_CASE("bad request bodies are refused with the field named", "[mock][requests]") {
  MockHarness h;
  h.start();
  const std::string consulter = "/cpro/structures/v1/consulter";

  check_refused(h.post(consulter, "{\"idStructureCPP\": ", h.token(), alpine()), 400, "JSON");
  check_refused(h.post(consulter, "[1, 2]", h.token(), alpine()), 400, "objet JSON");
  check_refused(
      h.post(consulter, std::string(100, '[') + std::string(100, ']'), h.token(), alpine()), 400,
      "niveaux");
  check_refused(h.call(consulter, {{"idStructureCPP", true}}), 400, "idStructureCPP");
  check_refused(h.call(consulter, {{"idStructureCPP", "abc"}}), 400, "idStructureCPP");
  check_refused(h.call(consulter, json::object()), 400, "idStructure");
  check_refused(h.call(consulter, {{"idStructureCPP", 99}}), 400, "99");
  check_refused(h.call("/cpro/structures/v1/rechercher", {{"structure", "20004065700013"}}), 400,
                "structure");
  check_refused(h.call("/cpro/factures/v1/deposer/flux",
                       {{"nomFichier", "f.xml"}, {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"}}),
                400, "fichierFlux");
  check_refused(h.call("/cpro/factures/v1/deposer/flux", {{"fichierFlux", "%%%"},
                                                          {"nomFichier", "f.xml"},
                                                          {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"}}),
                400, "base64");
  check_refused(
      h.call("/cpro/factures/v1/deposer/flux", {{"fichierFlux", encode_base64("<a/>")},
                                                {"nomFichier", "f.xml"},
                                                {"syntaxeFlux", "IN_DP_E2_FACTURX_MINIMUM"}}),
      400, "syntaxeFlux");
  check_refused(h.call("/cpro/transverses/v1/consulterCRDetaille",
                       {{"numeroFluxDepot", "CPP0000000000000000000000"}}),
                400, "Flux introuvable");
  // Unknown fields are ignored, null reads as absent.
  const Answer a = h.call(
      consulter,
      {{"idStructureCPP", 25000001}, {"codeLangue", nullptr}, {"champInconnuDuMock", {1, 2, 3}}});
  CHECK(a.status == 200);
  // An unknown path.
  const Answer unknown = h.call("/cpro/factures/v1/inexistant", json::object());
  CHECK(unknown.status == 404);
  CHECK(unknown.body["libelle"].get<std::string>().find("/cpro/factures/v1/inexistant") !=
        std::string::npos);
}

TEST_CASE("oversize bodies: a flux over 10 MB is refused, a PDF over 10 MB is a 413",
          "[mock][requests]") {
  MockHarness h;
  h.start();
  const std::string big(std::size_t{10} * 1024 * 1024 + 1, 'x');
  const Answer flux =
      h.call("/cpro/factures/v1/deposer/flux", {{"fichierFlux", encode_base64(big)},
                                                {"nomFichier", "f.xml"},
                                                {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"}});
  check_refused(flux, 400, "GDP_MSG_11.022");
  const Answer pdf = h.call("/cpro/factures/v1/deposer/pdf",
                            {{"fichierFacture", encode_base64("%PDF-1.7\n" + big)},
                             {"nomFichier", "f.pdf"},
                             {"formatDepot", "PDF_NON_SIGNE"}});
  CHECK(pdf.status == 413);
  // Beyond the server's body limit, httplib refuses before reading it all.
  const std::string huge(std::size_t{49} * 1024 * 1024, ' ');
  CHECK(h.post("/cpro/factures/v1/deposer/flux", huge, h.token(), alpine()).status == 413);
}

TEST_CASE("deposer/pdf fills the recognised fields from an embedded Factur-X invoice",
          "[mock][pdf][facturx]") {
  MockHarness h;
  h.start();
  // invoices/facturx-container/base-chorus-ok.pdf embeds chorus/cii-invoice-chorus-ok.xml: invoice
  // FE-2026-0117 of 20260310 (format 102) from SIRET 88216543400011 to 20004065700013, 3530.40 HT,
  // 706.08 VAT, 4236.48 TTC and due.
  const Answer a =
      h.call("/cpro/factures/v1/deposer/pdf",
             {{"fichierFacture",
               encode_base64(fixture_text("invoices/facturx-container/base-chorus-ok.pdf"))},
              {"nomFichier", "facture.pdf"},
              {"formatDepot", "PDF_NON_SIGNE"}});
  INFO(a.body.dump());
  REQUIRE(a.status == 200);
  CHECK(a.body["pieceJointeId"].is_number_integer());
  CHECK(a.body["numeroFacture"] == "FE-2026-0117");
  CHECK(a.body["dateFacture"] == "2026-03-10");
  CHECK(a.body["codeFournisseur"] == "88216543400011");
  CHECK(a.body["codeDestinataire"] == "20004065700013");
  CHECK(a.body["codeDeviseFacture"] == "EUR");
  CHECK(a.body["typeFacture"] == "FACTURE");
  CHECK(a.body["typeTva"].is_null());
  CHECK(a.body["montantHtTotal"] == 3530.40);
  CHECK(a.body["montantTVA"] == 706.08);
  CHECK(a.body["montantTtcAvantRemiseGlobalTTC"] == 4236.48);
  CHECK(a.body["montantAPayer"] == 4236.48);
}

TEST_CASE("deposer/pdf then soumettre gives a DEPOSEE invoice", "[mock][pdf]") {
  MockHarness h;
  h.start();
  const std::string senepi = MockHarness::account_header(kSenepiLogin, kSenepiPassword);
  Answer a = h.post("/cpro/factures/v1/deposer/pdf",
                    json{{"fichierFacture", encode_base64("%PDF-1.4\n%fake but well-started\n")},
                         {"nomFichier", "facture.pdf"},
                         {"formatDepot", "PDF_NON_SIGNE"}}
                        .dump(),
                    h.token(), senepi);
  INFO(a.body.dump());
  REQUIRE(a.status == 200);
  CHECK(a.body["numeroFacture"].is_null());  // no Factur-X inside: nothing recognised
  CHECK(a.body["montantAPayer"].is_null());
  const auto piece = a.body["pieceJointeId"].get<std::int64_t>();

  // A shipped PDF-mode deposit request (supplier 25000101, SENEPI), with our PDF.
  json request = json::parse(fixture_text("deposits/dep-01-pdf-ok.json"));
  request["pieceJointePrincipale"] = {
      {{"pieceJointePrincipaleDesignation", "Facture"}, {"pieceJointePrincipaleId", piece}}};
  a = h.post("/cpro/factures/v1/soumettre", request.dump(), h.token(), senepi);
  INFO(a.body.dump());
  REQUIRE(a.status == 200);
  CHECK(a.body["statutFacture"] == "DEPOSEE");
  const auto id = a.body["identifiantFactureCPP"].get<std::int64_t>();
  a = h.post("/cpro/factures/v1/consulter/fournisseur", json{{"identifiantFactureCPP", id}}.dump(),
             h.token(), senepi);
  REQUIRE(a.status == 200);
  CHECK(a.body["facture"]["numeroFacture"] == request["numeroFactureSaisi"]);
  CHECK(a.body["facture"]["modeDepot"] == request["modeDepot"]);

  // It lives the same life as a flux invoice, and each step is mailed.
  for (const char* statut :
       {"PRISE_EN_COMPTE_DESTINATAIRE", "SERVICE_FAIT", "MANDATEE", "MISE_EN_PAIEMENT"}) {
    for (int i = 0; i < 300; ++i) {
      const Answer moved = h.admin("POST", "/_mock/factures/" + std::to_string(id) + "/statut",
                                   json{{"statut", statut}}.dump());
      if (moved.status == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));  // not yet MISE_A_DISPOSITION
    }
  }
  a = h.post("/cpro/factures/v1/consulter/historique", json{{"idFacture", id}}.dump(), h.token(),
             senepi);
  CHECK(a.body["statutCourantCode"] == "MISE_EN_PAIEMENT");
  CHECK(a.body["historiquesDesStatuts"]["histoStatut"].size() == 7);
  const Answer mails = h.admin("GET", "/_mock/mails", "");
  REQUIRE(mails.status == 200);
  REQUIRE(mails.body["mails"].size() == 7);
  CHECK(mails.body["mails"][0]["a"] == kSenepiLogin);
  CHECK(mails.body["mails"][6]["statut"] == "MISE_EN_PAIEMENT");

  // The same number again: a duplicate.
  a = h.post("/cpro/factures/v1/soumettre", request.dump(), h.token(), senepi);
  check_refused(a, 400, "REJ_UNI");
  // An attachment the account never uploaded.
  request["numeroFactureSaisi"] = "AUTRE-1";
  request["pieceJointePrincipale"][0]["pieceJointePrincipaleId"] = 987654;
  check_refused(h.post("/cpro/factures/v1/soumettre", request.dump(), h.token(), senepi), 400,
                "REJ_REF_PJ");
}

TEST_CASE("soumettre refuses what the deposit-request rules refuse", "[mock][pdf]") {
  MockHarness h;
  h.start();
  const std::string senepi = MockHarness::account_header(kSenepiLogin, kSenepiPassword);
  json request = json::parse(fixture_text("deposits/deposit-ok.json"));
  request["references"]["typeFacture"] = "FACTURETTE";  // not in the API's enumeration
  const Answer a = h.post("/cpro/factures/v1/soumettre", request.dump(), h.token(), senepi);
  check_refused(a, 400, "[CPRO-DEP-02]");
  // Quoted as a flux's listeErreurDP quotes a finding: its place and line (wire/findings).
  check_refused(a, 400, "(/references/typeFacture, ligne 1)");
  check_refused(a, 400, "(/references/typeFacture, line 1)");
  // Another supplier's idFournisseur: 403, the rule named.
  check_refused(
      h.post("/cpro/factures/v1/soumettre",
             json::parse(fixture_text("deposits/deposit-ok.json")).dump(), h.token(), alpine()),
      403, "[CPRO-DEP-03]");
}

TEST_CASE("soumettre names the budget an engagement belongs to, not the buyer's format",
          "[mock][pdf]") {
  MockHarness h;
  h.start();
  const std::string senepi = MockHarness::account_header(kSenepiLogin, kSenepiPassword);
  // The transport budget's engagement, addressed to the main budget.
  const json request = json::parse(fixture_text("deposits/eng-03-other-budget-format.json"));
  const Answer a = h.post("/cpro/factures/v1/soumettre", request.dump(), h.token(), senepi);
  check_refused(a, 400, "[CPRO-ENG-03]");
  const std::string libelle = a.body.value("libelle", "");
  CHECK(libelle.find("20004065700054") != std::string::npos);
  CHECK(libelle.find("[CPRO-ENG-02]") == std::string::npos);
}

TEST_CASE("reference lists and the health check answer", "[mock][requests]") {
  MockHarness h;
  h.start();
  const Answer formats = h.call("/cpro/transverses/v1/recuperer/formatflux", json::object());
  REQUIRE(formats.status == 200);
  CHECK(formats.body["listeFormatFlux"].size() == 12);
  for (const char* list : {"modedepot", "modereglements", "cadrefacturation", "tauxtva", "devises",
                           "pays", "typeidentifiant/structure"}) {
    const Answer a = h.call(std::string("/cpro/transverses/v1/recuperer/") + list, json::object());
    INFO(list);
    CHECK(a.status == 200);
    CHECK(a.body["codeRetour"] == 0);
  }
  const Answer r =
      h.call("/cpro/utilisateurs/v1/monCompte/recuperer/rattachements", json::object());
  CHECK(r.body["listeStructureRattachement"][0]["idStructure"] == 25000103);
  const Answer ej = h.call("/cpro/engagementsJuridiques/v1/rechercher",
                           {{"structureReceptriceEngagementJuridique", "25000001"},
                            {"numeroEngagementJuridique", "BC2026-000123"}});
  CHECK(ej.body["listeEngagementJuridique"].size() == 1);
  const Answer services =
      h.call("/cpro/structures/v1/rechercher/services", {{"idStructure", 25000001}});
  CHECK(services.body["listeServices"].size() == 3);
}
