// The search operations read a zero value as "not given": clients built on
// typed structures send every field of a search, "" / 0 / false / null
// included. For each search, the body such a client sends with nothing
// filled in finds what an empty body finds, and with one criterion filled in
// finds what that criterion alone finds.
//
// The bodies are those of go-choruspro (github.com/antoine2116/go-choruspro),
// whose request structures omit no empty field but the pagination's; the
// pagination block a client sends whole is zero_paging(). Engagements are not
// in go-choruspro: their body is the documented one (API.md §3.8) left empty.
#include <catch2/catch.hpp>

#include "tests/mock/harness.hpp"
#include "validators/base64.hpp"

using cprokit::encode_base64;
using namespace cprokit::testing;

namespace {

constexpr const char* kBuyerSiret = "20004065700013";  // fixtures/directory/matheysine.json
constexpr std::int64_t kBuyerId = 25000001;

// A pagination block sent whole, nothing asked: page 0, size 0, no sort.
json zero_paging() {
  return {
      {"pageResultatDemandee", 0}, {"nbResultatsParPage", 0}, {"triColonne", ""}, {"triSens", ""}};
}

// go-choruspro's RechercherStructures body with only these two criteria filled in.
json go_structures_search(const std::string& identifiant, const std::string& type_identifiant) {
  return {{"parametres", nullptr},
          {"restreindreStructuresPrivees", false},
          {"structure",
           {{"adresseCodePays", ""},
            {"adresseCodePostal", ""},
            {"adresseVille", ""},
            {"estMOA", false},
            {"estMOAUniquement", false},
            {"identifiantStructure", identifiant},
            {"libelleStructure", ""},
            {"nomStructure", ""},
            {"prenomStructure", ""},
            {"raisonSocialeStructure", ""},
            {"statutStructure", ""},
            {"typeIdentifiantStructure", type_identifiant},
            {"typeStructure", ""}}}};
}

// go-choruspro's RechercherFactureParFournisseur body with nothing filled in.
json go_invoices_search() {
  return {{"cadreFacturation", json::object()},
          {"coordonneeBancaire", 0},
          {"idFournisseur", 0},
          {"idServiceFournisseur", 0},
          {"idStructureValideur", 0},
          {"idUtilisateurCourant", 0},
          {"idUtilisateurCreateur", nullptr},
          {"listeDestinataire", nullptr},
          {"modeDepot", ""},
          {"montantApayerMax", 0},
          {"montantApayerMin", 0},
          {"montantHTMax", 0},
          {"montantHTMin", 0},
          {"montantTTCMax", 0},
          {"montantTTCMin", 0},
          {"numeroBonCommande", ""},
          {"numeroFacture", ""},
          {"numeroFactureOrigine", ""},
          {"numeroFluxDepot", ""},
          {"numeroMarche", ""},
          {"periodeDateDepotAu", ""},
          {"periodeDateDepotDu", ""},
          {"periodeDateFactureAu", nullptr},
          {"periodeDateFactureDu", nullptr},
          {"periodeDateHeureEtatCourantAu", nullptr},
          {"periodeDateHeureEtatCourantDu", nullptr},
          {"rechercheFactureParFournisseur", nullptr},
          {"rechercheSirenDestinataire", false},
          {"recupererTaille", false},
          {"rejetTraite", false},
          {"statutCourant", nullptr},
          {"typeFacture", ""}};
}

// Both bodies get the same 200 answer.
void check_same_answer(MockHarness& h, const std::string& path, const json& zero_valued,
                       const json& reference) {
  const Answer a = h.call(path, zero_valued);
  const Answer b = h.call(path, reference);
  INFO(path << "\nzero-valued body: " << zero_valued.dump() << "\nanswer: " << a.body.dump()
            << "\nreference body: " << reference.dump() << "\nanswer: " << b.body.dump());
  REQUIRE(b.status == 200);
  CHECK(a.status == 200);
  CHECK(a.body == b.body);
}

}  // namespace

TEST_CASE("structures/v1/rechercher: go-choruspro's zero-valued body finds the buyer",
          "[mock][search]") {
  MockHarness h;
  h.start();
  const std::string path = "/cpro/structures/v1/rechercher";

  const json minimal = {
      {"structure",
       {{"identifiantStructure", kBuyerSiret}, {"typeIdentifiantStructure", "SIRET"}}}};
  const Answer buyer = h.call(path, go_structures_search(kBuyerSiret, "SIRET"));
  INFO(buyer.body.dump());
  REQUIRE(buyer.status == 200);
  REQUIRE(buyer.body["parametresRetour"]["total"] == 1);
  CHECK(buyer.body["listeStructures"][0]["idStructureCPP"] == kBuyerId);
  check_same_answer(h, path, go_structures_search(kBuyerSiret, "SIRET"), minimal);
  json paged = go_structures_search(kBuyerSiret, "SIRET");
  paged["parametres"] = zero_paging();
  check_same_answer(h, path, paged, minimal);

  // Nothing filled in: every structure, as with an empty body.
  CHECK(h.call(path, json::object()).body["parametresRetour"]["total"] > 1);
  check_same_answer(h, path, go_structures_search("", ""), json::object());
  paged = go_structures_search("", "");
  paged["parametres"] = zero_paging();
  check_same_answer(h, path, paged, json::object());
}

TEST_CASE("structures/v1/rechercher/services: a zero-valued body finds every service",
          "[mock][search]") {
  MockHarness h;
  h.start();
  const std::string path = "/cpro/structures/v1/rechercher/services";
  const json reference = {{"idStructure", kBuyerId}};
  CHECK(h.call(path, reference).body["listeServices"].size() > 1);
  json body = {{"idUtilisateurCourant", 0},
               {"idStructure", kBuyerId},
               {"parametresRechercherServicesStructure", nullptr}};
  check_same_answer(h, path, body, reference);
  body["parametresRechercherServicesStructure"] = zero_paging();
  check_same_answer(h, path, body, reference);
}

TEST_CASE("engagementsJuridiques/v1/rechercher: empty criteria are no criteria", "[mock][search]") {
  MockHarness h;
  h.start();
  const std::string path = "/cpro/engagementsJuridiques/v1/rechercher";
  CHECK(h.call(path, json::object()).body["listeEngagementJuridique"].size() > 1);
  const json empty_strings = {{"structureReceptriceEngagementJuridique", ""},
                              {"numeroEngagementJuridique", ""},
                              {"etatCourantEngagementJuridique", ""}};
  check_same_answer(h, path, empty_strings, json::object());
  json zero_id = empty_strings;
  zero_id["structureReceptriceEngagementJuridique"] = 0;
  check_same_answer(h, path, zero_id, json::object());
  // One criterion filled in: what it alone finds.
  json buyer = empty_strings;
  buyer["structureReceptriceEngagementJuridique"] = std::to_string(kBuyerId);
  check_same_answer(h, path, buyer,
                    {{"structureReceptriceEngagementJuridique", std::to_string(kBuyerId)}});
}

TEST_CASE(
    "factures/v1/rechercher/fournisseur: go-choruspro's zero-valued body finds the "
    "supplier's invoices",
    "[mock][search]") {
  cprokit::mock::MockOptions options;
  options.lifecycle_step = 3'600'000;  // the invoice stays DEPOSEE between the searches
  MockHarness h(options);
  h.start();
  const Answer deposit = h.call("/cpro/factures/v1/deposer/flux",
                                {{"fichierFlux", encode_base64(valid_ubl("FA-SEARCH-1"))},
                                 {"nomFichier", "facture.xml"},
                                 {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"}});
  REQUIRE(deposit.status == 200);
  REQUIRE(
      h.wait_for_flux(deposit.body["numeroFluxDepot"].get<std::string>())["etatCourantDepotFlux"] ==
      "IN_INTEGRE");

  const std::string path = "/cpro/factures/v1/rechercher/fournisseur";
  CHECK(h.call(path, json::object()).body["listeFactures"].size() == 1);
  check_same_answer(h, path, go_invoices_search(), json::object());
  json body = go_invoices_search();
  body["rechercheFactureParFournisseur"] = zero_paging();
  body["statutCourant"] = json::array();
  check_same_answer(h, path, body, json::object());
  body["numeroFacture"] = "FA-SEARCH-1";
  check_same_answer(h, path, body, {{"numeroFacture", "FA-SEARCH-1"}});
}
