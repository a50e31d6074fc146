// The reform's tests on its other parties (rules/fr/party_rules.cpp):
// BR-FR-09 (SIRET and SIREN), BR-FR-23 and -25 (electronic address) of the
// agents, payer, invoicer, invoicee and deliver-to locations, BR-FR-CO-10
// (global ids with a scheme, each scheme once) of every party. Their
// agreement with the FNFE-MPE reference is the fixtures' business
// (fixtures/invoices/fr/).
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/catalogue/catalogue.hpp"
#include "rules/engine/engine.hpp"
#include "tests/unit/fr_fired.hpp"

using namespace cprokit;

namespace {

// The ids of the four families fired on `inv` under fr-ctc.
std::set<std::string> fired(const Invoice& inv) {
  return test::fr_fired(inv, {"BR-FR-09_", "BR-FR-23_", "BR-FR-25_", "BR-FR-CO-10_"});
}

Identifier id(std::string value, std::string scheme, bool global = true) {
  Identifier out;
  out.value = std::move(value);
  out.scheme_given = !scheme.empty();
  out.scheme = std::move(scheme);
  out.global = global;
  return out;
}
Identifier bare(std::string value, bool global = true) {
  Identifier out;
  out.value = std::move(value);
  out.global = global;
  return out;
}

Invoice invoice(Syntax syntax) {
  Invoice inv;
  inv.syntax = syntax;
  inv.kind = DocumentKind::Invoice;
  return inv;
}

Party agent(std::vector<Identifier> ids, const char* siren = "443061841") {
  Party p;
  p.identifiers = std::move(ids);
  if (siren != nullptr) p.legal_id = id(siren, "0002", false);
  return p;
}

}  // namespace

TEST_CASE("BR-FR-09: an agent's SIRET starts with its SIREN, or has 14 digits without one",
          "[fr]") {
  Invoice inv = invoice(Syntax::Ubl);
  inv.seller_agent = agent({id("44306184100047", "0009")});
  CHECK(fired(inv).empty());
  inv.seller_agent = agent({id("55210055400013", "0009")});
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-09_EXT-FR-FE-69"});
  // Without a SIREN, its own first nine digits serve: only the length counts.
  inv.seller_agent = agent({id("55210055400013", "0009")}, nullptr);
  CHECK(fired(inv).empty());
  inv.seller_agent = agent({id("5521005540001", "0009")}, nullptr);
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-09_EXT-FR-FE-69"});
  // Only the first SIRET is read.
  inv.seller_agent = agent({id("44306184100047", "0009"), id("55210055400013", "0009")});
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-CO-10_EXT-FR-FE-69-2"});
}

TEST_CASE("BR-FR-09: CII reads the ram:GlobalID SIRET, not a ram:ID one", "[fr]") {
  Invoice inv = invoice(Syntax::Cii);
  inv.payers.push_back(agent({id("55210055400013", "0009", false)}));
  CHECK(fired(inv).empty());
  inv.payers.push_back(agent({id("55210055400013", "0009")}));
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-09_EXT-FR-FE-46"});
}

TEST_CASE("BR-FR-09 of a line's deliver-to location is CII's only", "[fr]") {
  for (Syntax syntax : {Syntax::Cii, Syntax::Ubl}) {
    Invoice inv = invoice(syntax);
    inv.lines.emplace_back().deliver_to.push_back(agent({id("5521005540001", "0009")}, nullptr));
    const std::set<std::string> expected = syntax == Syntax::Cii
                                               ? std::set<std::string>{"BR-FR-09_EXT-FR-FE-146"}
                                               : std::set<std::string>{};
    CHECK(fired(inv) == expected);
  }
}

TEST_CASE("BR-FR-23 and -25: the invoicee's and invoicer's electronic addresses", "[fr]") {
  Invoice inv = invoice(Syntax::Cii);
  Party invoicee;
  invoicee.electronic_address = id("443061841_FACTURES", "0225");
  inv.invoicees.push_back(invoicee);
  CHECK(fired(inv).empty());
  inv.invoicees.back().electronic_address = id("443061841#FACTURES", "0225");
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-23_EXT-FR-FE-98"});
  // Another scheme: the characters are free, the length is not.
  Party invoicer;
  invoicer.electronic_address = id(std::string(126, 'a') + "#", "EM");
  inv.invoicers.push_back(invoicer);
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-23_EXT-FR-FE-98", "BR-FR-25_EXT-FR-FE-121"});
  inv.invoicers.back().electronic_address = id(std::string(125, 'a'), "0225");
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-23_EXT-FR-FE-98"});
}

TEST_CASE("BR-FR-CO-10: every global id has a scheme, each scheme once", "[fr]") {
  Invoice inv = invoice(Syntax::Ubl);
  inv.seller.legal_id = id("842153793", "0002");
  inv.buyer.legal_id = id("903186427", "0002");
  inv.seller.identifiers = {id("84215379300018", "0009"), bare("FOURNISSEUR-17")};
  inv.buyer.identifiers = {id("90318642700014", "0009"), id("3012345678901", "0088")};
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-CO-10_BT-29-1"});
  inv.buyer.identifiers.push_back(id("3012345678918", "0088"));
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-CO-10_BT-29-1", "BR-FR-CO-10_BT-46-2"});
  // An empty schemeID is a scheme given; two empty ones are one scheme twice.
  inv.seller.identifiers = {id("84215379300018", "0009"), id("A", ""), id("B", "")};
  inv.seller.identifiers[1].scheme_given = true;
  inv.seller.identifiers[2].scheme_given = true;
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-CO-10_BT-29-2", "BR-FR-CO-10_BT-46-2"});
}

TEST_CASE("BR-FR-CO-10: CII reads the ram:GlobalID only", "[fr]") {
  Invoice inv = invoice(Syntax::Cii);
  Party payee;
  payee.identifiers = {bare("AFFACTURAGE-9", false), id("1", "0088", false),
                       id("2", "0088", false)};
  inv.payee = payee;
  inv.deliver_to.push_back(payee);
  CHECK(fired(inv).empty());
  inv.payee->identifiers.push_back(bare("AFFACTURAGE-9"));
  inv.deliver_to.back().identifiers.push_back(id("3", "0088"));
  inv.deliver_to.back().identifiers.push_back(id("4", "0088"));
  CHECK(fired(inv) == std::set<std::string>{"BR-FR-CO-10_BT-60-1", "BR-FR-CO-10_BT-71-2"});
}
