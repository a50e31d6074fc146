// End to end over real HTTP: what a supplier's client does with Chorus Pro,
// against the mock (issue 4's acceptance scenarios).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <fmt/core.h>

#include "tests/mock/harness.hpp"
#include "validators/base64.hpp"
#include "validators/codelists/code_list_file.hpp"

using cprokit::encode_base64;
using namespace cprokit::testing;

namespace {

json flux_request(const std::string& file, const std::string& syntaxe = "IN_DP_E1_UBL_INVOICE",
                  const std::string& name = "facture.xml") {
  return {{"fichierFlux", encode_base64(file)},
          {"nomFichier", name},
          {"syntaxeFlux", syntaxe},
          {"avecSignature", false}};
}

std::string deposit(MockHarness& h, const json& request) {
  const Answer a = h.call("/cpro/factures/v1/deposer/flux", request);
  REQUIRE(a.status == 200);
  REQUIRE(a.body["codeRetour"] == 0);
  std::string numero = a.body["numeroFluxDepot"];
  CHECK(numero.size() == 25);
  CHECK(numero.starts_with("CPP"));
  return numero;
}

// Waits until the invoice has `statut` (the lifecycle moves by itself).
void wait_for_status(MockHarness& h, std::int64_t id, const std::string& statut) {
  for (int i = 0; i < 300; ++i) {
    const Answer a =
        h.call("/cpro/factures/v1/consulter/fournisseur", {{"identifiantFactureCPP", id}});
    if (a.body["facture"]["statutFacture"] == statut) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("invoice " << id << " never reached " << statut);
}

// The text of the first `element` after `after` in an XML fixture.
std::string element_text(const std::string& xml, const std::string& element,
                         const std::string& after = "") {
  const std::string open = "<" + element + ">";
  const auto start = xml.find(open, xml.find(after));
  REQUIRE(start != std::string::npos);
  const auto from = start + open.size();
  return xml.substr(from, xml.find('<', from) - from);
}

}  // namespace

TEST_CASE("a valid UBL flux goes from deposit to payment, every step in the history",
          "[mock][flux]") {
  cprokit::mock::MockOptions options;
  options.lifecycle_step = 20;
  MockHarness h(options);
  h.start();

  // The buyer by SIRET, then its parameters.
  Answer a = h.call(
      "/cpro/structures/v1/rechercher",
      {{"structure",
        {{"identifiantStructure", "20004065700013"}, {"typeIdentifiantStructure", "SIRET"}}}});
  REQUIRE(a.status == 200);
  REQUIRE(a.body["parametresRetour"]["total"] == 1);
  const auto id_buyer = a.body["listeStructures"][0]["idStructureCPP"].get<std::int64_t>();
  a = h.call("/cpro/structures/v1/consulter", {{"idStructureCPP", id_buyer}, {"codeLangue", "FR"}});
  REQUIRE(a.status == 200);
  CHECK(a.body["parametres"]["numeroEJDoitEtreRenseigne"] == true);
  CHECK(a.body["informationGenerales"]["identifiantStructure"] == "20004065700013");

  const std::string numero = deposit(h, flux_request(valid_ubl("FA-E2E-0001")));
  const json cr = h.wait_for_flux(numero);
  INFO(cr.dump(2));
  REQUIRE(cr["etatCourantDepotFlux"] == "IN_INTEGRE");
  CHECK(cr["listeErreurDP"].empty());
  CHECK(cr["listeErreurTechnique"].empty());

  a = h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFluxDepot", numero}});
  REQUIRE(a.status == 200);
  REQUIRE(a.body["listeFactures"].size() == 1);
  const json found = a.body["listeFactures"][0];
  CHECK(found["numeroFacture"] == "FA-E2E-0001");
  const auto id = found["identifiantFactureCPP"].get<std::int64_t>();

  // Amounts as in the file: BT-109, BT-110, BT-112, BT-115.
  a = h.call("/cpro/factures/v1/consulter/fournisseur", {{"identifiantFactureCPP", id}});
  REQUIRE(a.status == 200);
  const json totals = a.body["facture"]["montantTotal"];
  CHECK(totals["montantHtTotal"].get<double>() == Approx(4195.60));
  CHECK(totals["montantTVA"].get<double>() == Approx(839.12));
  CHECK(totals["montantTtcTotal"].get<double>() == Approx(5034.72));
  CHECK(totals["montantAPayer"].get<double>() == Approx(5034.72));
  CHECK(a.body["facture"]["destinataire"]["codeDestinataire"] == "20004065700013");
  CHECK(a.body["facture"]["fournisseur"]["codeFournisseur"] == "81234567600017");

  wait_for_status(h, id, "MISE_A_DISPOSITION");
  for (const char* statut :
       {"PRISE_EN_COMPTE_DESTINATAIRE", "SERVICE_FAIT", "MANDATEE", "MISE_EN_PAIEMENT"}) {
    const Answer moved = h.admin("POST", "/_mock/factures/" + std::to_string(id) + "/statut",
                                 json{{"statut", statut}}.dump());
    INFO(moved.body.dump());
    REQUIRE(moved.status == 200);
  }

  a = h.call("/cpro/factures/v1/consulter/historique", {{"idFacture", id}});
  REQUIRE(a.status == 200);
  CHECK(a.body["statutCourantCode"] == "MISE_EN_PAIEMENT");
  std::vector<std::string> steps;
  std::vector<int> codes;
  for (const auto& s : a.body["historiquesDesStatuts"]["histoStatut"]) {
    steps.push_back(s["histoStatutCode"]);
    codes.push_back(s["histoStatutCodeCycleDeVie"].get<int>());
  }
  CHECK(steps == std::vector<std::string>{"DEPOSEE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION",
                                          "PRISE_EN_COMPTE_DESTINATAIRE", "SERVICE_FAIT",
                                          "MANDATEE", "MISE_EN_PAIEMENT"});
  CHECK(codes == std::vector<int>{200, 201, 203, 204, 205, 205, 211});
}

TEST_CASE("an invalid invoice is rejected with the rule's message in listeErreurDP",
          "[mock][flux]") {
  MockHarness h;
  h.start();
  // The order reference (the engagement the buyer requires) removed: CPRO-ENG-01.
  std::string file = valid_ubl("FA-E2E-0002");
  const auto from = file.find("<cac:OrderReference>");
  const auto to = file.find("</cac:OrderReference>");
  REQUIRE(from != std::string::npos);
  file.erase(from, to + std::string("</cac:OrderReference>").size() - from);

  const json cr = h.wait_for_flux(deposit(h, flux_request(file)));
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  REQUIRE_FALSE(cr["listeErreurDP"].empty());
  CHECK(cr["listeErreurDP"][0]["numeroDP"] == "FA-E2E-0002");
  CHECK(cr["listeErreurDP"][0]["libelleErreurDP"].get<std::string>().find("[CPRO-ENG-01]") !=
        std::string::npos);
}

namespace {

// A code-list file's text where every list holds only "ZZZ", except the unit
// codes (BR-CL-23), which hold `units`.
std::string code_lists_with_units(const std::vector<std::string>& units) {
  json out;
  for (const char* syntax : {"ubl", "cii"}) {
    json& lists = out[syntax] = json::object();
    for (int n = 1; n <= 26; ++n) {
      const std::string id = fmt::format("BR-CL-{:02}", n);
      if (n == 2 || n == 9 || n == 12) continue;  // no such rules
      if (std::string(syntax) == "ubl" && n == 1) {
        lists[id] = {{"InvoiceTypeCode", {"ZZZ"}}, {"CreditNoteTypeCode", {"ZZZ"}}};
      } else {
        lists[id] = {{"codes", n == 23 ? json(units) : json({"ZZZ"})}};
      }
    }
  }
  return out.dump();
}

// Whether some error of the flux report `cr` is rule `id`'s.
bool rejected_for(const json& cr, const std::string& id) {
  const json& errors = cr["listeErreurDP"];
  return std::any_of(errors.begin(), errors.end(), [&](const json& e) {
    return e["libelleErreurDP"].get<std::string>().starts_with("[" + id + "]");
  });
}

}  // namespace

TEST_CASE("an engagement of another budget is rejected naming that budget, not its format",
          "[mock][flux]") {
  MockHarness h;
  h.start();
  // The shipped invoice to the main budget, with the transport budget's engagement: the number
  // is right (it is outside the main budget's format), the buyer SIRET is not.
  std::string file = valid_ubl("FA-E2E-ENG3");
  const std::string order = "<cbc:ID>BC2026-000123</cbc:ID>";
  const auto at = file.find(order);
  REQUIRE(at != std::string::npos);
  file.replace(at, order.size(), "<cbc:ID>TR-2026-0007</cbc:ID>");

  const json cr = h.wait_for_flux(deposit(h, flux_request(file)));
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  REQUIRE(rejected_for(cr, "CPRO-ENG-03"));
  CHECK_FALSE(rejected_for(cr, "CPRO-ENG-02"));
  const json& errors = cr["listeErreurDP"];
  CHECK(std::any_of(errors.begin(), errors.end(), [](const json& e) {
    return e["libelleErreurDP"].get<std::string>().find("20004065700054") != std::string::npos;
  }));
}

TEST_CASE("a deposit is controlled against the code lists the mock was given (--codelists)",
          "[mock][flux][codelists]") {
  // The fixture's lines are in H87, HUR and MTR.
  for (const bool listed : {false, true}) {
    const std::vector<std::string> units =
        listed ? std::vector<std::string>{"H87", "HUR", "MTR"} : std::vector<std::string>{"C62"};
    cprokit::mock::MockOptions options;
    options.code_lists = std::make_shared<const cprokit::en16931::CodeLists>(
        cprokit::codelists::parse_code_lists(code_lists_with_units(units), "test lists"));
    MockHarness h(options);
    h.start();
    const json cr = h.wait_for_flux(deposit(h, flux_request(valid_ubl("FA-E2E-CL01"))));
    INFO(cr.dump(2));
    CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");  // the other lists hold only ZZZ
    CHECK(rejected_for(cr, "BR-CL-23") == !listed);
    CHECK(rejected_for(cr, "BR-CL-04"));  // EUR is not listed
  }
}

TEST_CASE("a flux that is not XML, or not the announced syntax, is not receivable",
          "[mock][flux]") {
  MockHarness h;
  h.start();
  json cr = h.wait_for_flux(deposit(h, flux_request("<Invoice><unclosed></Invoice>")));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  REQUIRE_FALSE(cr["listeErreurTechnique"].empty());
  CHECK(cr["listeErreurTechnique"][0]["codeErreur"] == "XML-01");

  // Broken JSON is a problem of reading the file too: unreceivable, and why.
  cr = h.wait_for_flux(deposit(h, flux_request(R"({"modeDepot": )")));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  REQUIRE_FALSE(cr["listeErreurTechnique"].empty());
  CHECK(cr["listeErreurTechnique"][0]["codeErreur"] == "JSON-01");

  cr = h.wait_for_flux(deposit(h, flux_request(valid_ubl("FA-E2E-0003"), "IN_DP_E1_CII_16B")));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  REQUIRE(cr["listeErreurTechnique"].size() == 1);
  CHECK(cr["listeErreurTechnique"][0]["codeErreur"] == "SYNTAXE_FLUX");
}

TEST_CASE("a CII flux integrates", "[mock][flux]") {
  MockHarness h;
  h.start();
  // Deposited by its supplier's technical account (SIRET 88216543400011).
  const std::string account = MockHarness::account_header(kDauphinoiseLogin, kDauphinoisePassword);
  const Answer a = h.post(
      "/cpro/factures/v1/deposer/flux",
      flux_request(fixture_text("invoices/chorus/cii-invoice-chorus-ok.xml"), "IN_DP_E1_CII_16B")
          .dump(),
      h.token(), account);
  REQUIRE(a.status == 200);
  const std::string numero = a.body["numeroFluxDepot"];
  const json cr = h.wait_for_flux(numero, account);
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_INTEGRE");
}

TEST_CASE("another structure's invoice is rejected under CPRO-DEP-03", "[mock][flux]") {
  MockHarness h;
  h.start();
  // Electricité Dauphinoise's invoice (SIRET 88216543400011), deposited by
  // Menuiserie Alpine's technical account.
  const json cr = h.wait_for_flux(deposit(
      h,
      flux_request(fixture_text("invoices/chorus/cii-invoice-chorus-ok.xml"), "IN_DP_E1_CII_16B")));
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  REQUIRE(cr["listeErreurDP"].size() == 1);
  const json& error = cr["listeErreurDP"][0];
  CHECK(error["identifiantFournisseur"] == "88216543400011");
  const std::string libelle = error["libelleErreurDP"];
  CHECK(libelle.starts_with("[CPRO-DEP-03]"));
  CHECK(libelle.find(kAlpineLogin) != std::string::npos);
}

TEST_CASE("a Factur-X flux integrates, stored with the amounts of its embedded CII",
          "[mock][flux][facturx]") {
  MockHarness h;
  h.start();
  const std::string account = MockHarness::account_header(kDauphinoiseLogin, kDauphinoisePassword);
  // invoices/facturx-container/base-chorus-ok.pdf embeds this CII in a complete container
  // (scripts/make-facturx-variants.sh).
  const std::string xml = fixture_text("invoices/chorus/cii-invoice-chorus-ok.xml");
  const Answer a =
      h.post("/cpro/factures/v1/deposer/flux",
             flux_request(fixture_text("invoices/facturx-container/base-chorus-ok.pdf"),
                          "IN_DP_E2_CII_FACTURX", "facture.pdf")
                 .dump(),
             h.token(), account);
  REQUIRE(a.status == 200);
  const std::string numero = a.body["numeroFluxDepot"];
  const json cr = h.wait_for_flux(numero, account);
  INFO(cr.dump(2));
  REQUIRE(cr["etatCourantDepotFlux"] == "IN_INTEGRE");

  const Answer found = h.post("/cpro/factures/v1/rechercher/fournisseur",
                              json{{"numeroFluxDepot", numero}}.dump(), h.token(), account);
  REQUIRE(found.body["listeFactures"].size() == 1);
  const json& invoice = found.body["listeFactures"][0];
  CHECK(invoice["numeroFacture"] == element_text(xml, "ram:ID", "<rsm:ExchangedDocument>"));
  CHECK(invoice["montantHT"].get<double>() ==
        std::stod(element_text(xml, "ram:TaxBasisTotalAmount")));
  CHECK(invoice["montantTTC"].get<double>() ==
        std::stod(element_text(xml, "ram:GrandTotalAmount")));
  CHECK(invoice["montantAPayer"].get<double>() ==
        std::stod(element_text(xml, "ram:DuePayableAmount")));
}

TEST_CASE("a Factur-X under an XML syntax, or an XML under the Factur-X one, is a wrong syntax",
          "[mock][flux][facturx]") {
  MockHarness h;
  h.start();
  const std::string account = MockHarness::account_header(kDauphinoiseLogin, kDauphinoisePassword);
  const std::string pdf = fixture_text("invoices/facturx-container/base-chorus-ok.pdf");
  const std::string xml = fixture_text("invoices/chorus/cii-invoice-chorus-ok.xml");
  const std::string ubl = fixture_text("invoices/chorus/invoice-chorus-ok.xml");
  for (const auto& [file, syntaxe, found] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {pdf, "IN_DP_E1_CII_16B", "Factur-X (PDF)"},
           {pdf, "IN_DP_E1_UBL_INVOICE", "Factur-X (PDF)"},
           {xml, "IN_DP_E2_CII_FACTURX", "CII"},
           {ubl, "IN_DP_E2_CII_FACTURX", "UBL"}}) {
    INFO(syntaxe);
    const Answer a = h.post("/cpro/factures/v1/deposer/flux", flux_request(file, syntaxe).dump(),
                            h.token(), account);
    REQUIRE(a.status == 200);
    const json cr = h.wait_for_flux(a.body["numeroFluxDepot"], account);
    CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
    REQUIRE(cr["listeErreurTechnique"].size() == 1);
    CHECK(cr["listeErreurTechnique"][0]["codeErreur"] == "SYNTAXE_FLUX");
    // The message names both the declared syntax and the file received.
    const std::string says = cr["listeErreurTechnique"][0].dump();
    CHECK(says.find(syntaxe) != std::string::npos);
    CHECK(says.find("fichier " + found + " reçu") != std::string::npos);
  }
}

TEST_CASE("the same invoice number twice for one supplier is refused (REJ_UNI)", "[mock][flux]") {
  MockHarness h;
  h.start();
  CHECK(h.wait_for_flux(deposit(h, flux_request(valid_ubl("FA-DUP-1"))))["etatCourantDepotFlux"] ==
        "IN_INTEGRE");
  const json cr = h.wait_for_flux(deposit(h, flux_request(valid_ubl("FA-DUP-1"))));
  CHECK(cr["etatCourantDepotFlux"] == "IN_REJETE");
  REQUIRE(cr["listeErreurDP"].size() == 1);
  CHECK(cr["listeErreurDP"][0]["libelleErreurDP"].get<std::string>().starts_with("REJ_UNI"));
}

TEST_CASE("a .tar.gz lot with one bad invoice integrates partially", "[mock][flux]") {
  MockHarness h;
  h.start();
  const std::string lot = tar_gz({{"a.xml", valid_ubl("FA-LOT-1")},
                                  {"b.xml", valid_ubl("FA-LOT-2")},
                                  {"c.xml", "not xml at all"}});
  const std::string numero = deposit(h, flux_request(lot, "IN_DP_E1_UBL_INVOICE", "lot.tar.gz"));
  const json cr = h.wait_for_flux(numero);
  INFO(cr.dump(2));
  CHECK(cr["etatCourantDepotFlux"] == "IN_INTEGRE_PARTIEL");
  CHECK(cr["listeErreurTechnique"].size() == 1);
  const Answer a =
      h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFluxDepot", numero}});
  CHECK(a.body["parametresRetour"]["total"] == 2);
}

TEST_CASE("a restart in the middle of processing loses nothing", "[mock][flux][restart]") {
  cprokit::mock::MockOptions options;
  options.flux_step = 400;  // the flux waits in IN_RECU while the mock stops
  MockHarness h(options);
  h.start();
  const std::string token = h.token();
  const std::string numero = deposit(h, flux_request(valid_ubl("FA-RESTART-1")));
  h.stop();
  h.start(false);  // same data folder, no directory given: the stored one
  // The token, the account, the flux and its processing all survive.
  const json cr = h.wait_for_flux(numero);
  CHECK(cr["etatCourantDepotFlux"] == "IN_INTEGRE");
  const Answer a =
      h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFluxDepot", numero}});
  CHECK(a.body["parametresRetour"]["total"] == 1);
  h.stop();
  h.start(false);
  const Answer again =
      h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFluxDepot", numero}});
  CHECK(again.body["parametresRetour"]["total"] == 1);
}

TEST_CASE("a suspended invoice is completed, one to recycle is re-routed", "[mock][lifecycle]") {
  cprokit::mock::MockOptions options;
  options.lifecycle_step = 10;
  MockHarness h(options);
  h.start();
  std::vector<std::int64_t> ids;
  for (const char* number : {"FA-SUSP-1", "FA-RECY-1"}) {
    const std::string numero = deposit(h, flux_request(valid_ubl(number)));
    REQUIRE(h.wait_for_flux(numero)["etatCourantDepotFlux"] == "IN_INTEGRE");
    const Answer a =
        h.call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFluxDepot", numero}});
    ids.push_back(a.body["listeFactures"][0]["identifiantFactureCPP"].get<std::int64_t>());
    wait_for_status(h, ids.back(), "MISE_A_DISPOSITION");
  }
  const auto move = [&](std::int64_t id, const json& body) {
    return h.admin("POST", "/_mock/factures/" + std::to_string(id) + "/statut", body.dump());
  };
  // A motive is required; a move the lifecycle does not allow is a 409.
  CHECK(move(ids[0], {{"statut", "SUSPENDUE"}}).status == 400);
  CHECK(move(ids[0], {{"statut", "MISE_EN_PAIEMENT"}}).status == 409);
  REQUIRE(move(ids[0], {{"statut", "SUSPENDUE"}, {"motif", "JUSTIF_ABS"}}).status == 200);
  REQUIRE(move(ids[1], {{"statut", "A_RECYCLER"}, {"motif", "CODE_ROUTAGE_ERR"}}).status == 200);

  // Completing the one to recycle is refused; each gets its own answer.
  CHECK(h.call("/cpro/factures/v1/completer", {{"identifiantFactureCPP", ids[1]}}).status == 400);
  Answer a = h.call("/cpro/factures/v1/completer",
                    {{"identifiantFactureCPP", ids[0]}, {"commentaire", "Bon de livraison joint"}});
  REQUIRE(a.status == 200);
  CHECK(a.body["statutFacture"] == "COMPLETEE");
  a = h.call("/cpro/factures/v1/recycler",
             {{"idFacture", ids[1]}, {"codeServiceExecutant", "SERVICE-TECHNIQUE"}});
  REQUIRE(a.status == 200);
  wait_for_status(h, ids[1], "MISE_A_DISPOSITION");

  a = h.call("/cpro/factures/v1/consulter/historique", {{"idFacture", ids[0]}});
  const json last = a.body["historiquesDesStatuts"]["histoStatut"].back();
  CHECK(last["histoStatutCode"] == "COMPLETEE");
  CHECK(last["histoStatutCodeCycleDeVie"] == 209);
  CHECK(last["histoStatutCommentaire"] == "Bon de livraison joint");
}
