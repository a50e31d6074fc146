// X-02..04 of each VAT category: the VAT identifiers an invoice must carry
// (or, for O, must not carry) when a line, a document allowance
// or a document charge uses the category under the VAT scheme.
//
// UBL tests this once per document, CII once per line, allowance or charge:
// each syntax fires as often as its official test does.
#include <string>
#include <vector>

#include <fmt/core.h>

#include "rules/en16931/vat_categories.hpp"

namespace cprokit::en16931::vat {
namespace {

bool has(const std::optional<Text>& t) {
  return t.has_value();
}

bool rep_vat(const Invoice& inv) {
  return inv.tax_representative && inv.tax_representative->vat_id;
}

// Whether the parties carry what category `c` requires. The seller's "tax
// registration" is UBL's PartyTaxScheme under another scheme than VAT and
// CII's schemeID FC: both official tests accept either of the seller's ids.
bool ids_ok(const Category& c, const Invoice& inv) {
  const Party& seller = inv.seller;
  const Party& buyer = inv.buyer;
  switch (c.party_ids) {
    case PartyIds::Seller:
      return has(seller.vat_id) || has(seller.tax_registration_id) || rep_vat(inv);
    case PartyIds::SellerAndBuyer:
      return (has(seller.vat_id) || has(seller.tax_registration_id) || rep_vat(inv)) &&
             (has(buyer.vat_id) || buyer.legal_id);
    case PartyIds::SellerVatAndBuyerVat:
      return (has(seller.vat_id) || rep_vat(inv)) && has(buyer.vat_id);
    case PartyIds::SellerVat:
      return has(seller.vat_id) || rep_vat(inv);
    case PartyIds::None:
      return !has(seller.vat_id) && !rep_vat(inv) && !has(buyer.vat_id);
  }
  return true;
}

Message requirement(const Category& c) {
  switch (c.party_ids) {
    case PartyIds::Seller:
      return {
          "le numéro de TVA du vendeur (BT-31), son identifiant fiscal (BT-32) ou le numéro "
          "de TVA de son représentant fiscal (BT-63)",
          "the seller VAT identifier (BT-31), the seller tax registration identifier (BT-32) "
          "or the seller tax representative VAT identifier (BT-63)"};
    case PartyIds::SellerAndBuyer:
      return {
          "le numéro de TVA du vendeur (BT-31), son identifiant fiscal (BT-32) ou le numéro "
          "de TVA de son représentant fiscal (BT-63), et le numéro de TVA (BT-48) ou "
          "l'identifiant légal (BT-47) de l'acheteur",
          "the seller VAT identifier (BT-31), the seller tax registration identifier (BT-32) "
          "or the seller tax representative VAT identifier (BT-63), and the buyer VAT "
          "identifier (BT-48) or legal registration identifier (BT-47)"};
    case PartyIds::SellerVatAndBuyerVat:
      return {
          "le numéro de TVA du vendeur (BT-31) ou de son représentant fiscal (BT-63), et "
          "celui de l'acheteur (BT-48)",
          "the seller VAT identifier (BT-31) or the seller tax representative VAT identifier "
          "(BT-63), and the buyer VAT identifier (BT-48)"};
    case PartyIds::SellerVat:
      return {"le numéro de TVA du vendeur (BT-31) ou de son représentant fiscal (BT-63)",
              "the seller VAT identifier (BT-31) or the seller tax representative VAT "
              "identifier (BT-63)"};
    case PartyIds::None:
      return {
          "aucun numéro de TVA : ni du vendeur (BT-31), ni de son représentant fiscal "
          "(BT-63), ni de l'acheteur (BT-48)",
          "no VAT identifier: neither the seller's (BT-31), the seller tax "
          "representative's (BT-63) nor the buyer's (BT-48)"};
  }
  return {};
}

std::string show(const std::optional<Text>& t) {
  return t ? t->value : std::string("—");
}

void fire(const Category& c, const Invoice& inv, const Message& what, const SourceRef& at,
          Reporter& report) {
  const Party& seller = inv.seller;
  std::string rep = rep_vat(inv) ? inv.tax_representative->vat_id->value : std::string("—");
  std::string legal = inv.buyer.legal_id ? inv.buyer.legal_id->value : std::string("—");
  Message want = requirement(c);
  report.fire(at,
              {fmt::format("{} de catégorie de TVA {} : requis {} ; trouvé BT-31 {}, BT-32 "
                           "{}, BT-63 {}, BT-48 {}, BT-47 {}.",
                           what.fr, name_fr(c), want.fr, show(seller.vat_id),
                           show(seller.tax_registration_id), rep, show(inv.buyer.vat_id), legal),
               fmt::format("{} with VAT category {}: required {}; found BT-31 {}, BT-32 {}, "
                           "BT-63 {}, BT-48 {}, BT-47 {}.",
                           what.en, name_en(c), want.en, show(seller.vat_id),
                           show(seller.tax_registration_id), rep, show(inv.buyer.vat_id), legal)});
}

// Where each use of the category is (its category code), in document order.
std::vector<SourceRef> line_uses(const Category& c, const Invoice& inv) {
  std::vector<SourceRef> out;
  for (const auto& line : inv.lines) {
    if (line_in(c, inv, line)) out.push_back(category_at(line.vat_category, line.source));
  }
  return out;
}

template <bool kCharge>
std::vector<SourceRef> allowance_charge_uses(const Category& c, const Invoice& inv) {
  std::vector<SourceRef> out;
  for (const auto& ac : inv.allowances_charges) {
    if (is_kind(ac, kCharge) && allowance_charge_in(c, inv, ac)) {
      out.push_back(category_at(ac.vat_category, ac.source));
    }
  }
  return out;
}

void check_uses(const Category& c, const Invoice& inv, const std::vector<SourceRef>& uses,
                const Message& what, Reporter& report) {
  if (uses.empty() || ids_ok(c, inv)) return;
  if (inv.syntax == Syntax::Cii) {
    for (const auto& at : uses)
      fire(c, inv, what, at, report);
  } else {
    fire(c, inv, what, uses.front(), report);
  }
}

void check_lines(const Category& c, const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  const Message what{"Ligne", "Invoice line"};
  auto uses = line_uses(c, inv);
  // UBL BR-S-02 asks for a VAT-scheme S line but excuses only an invoice with
  // no S line under any scheme: an S line under another scheme always fires.
  if (inv.syntax == Syntax::Ubl && c.code == "S" && uses.empty()) {
    for (const auto& line : inv.lines) {
      if (!is_code(inv, line.vat_category, c.code)) continue;
      fire(c, inv, what, category_at(line.vat_category, line.source), report);
      return;
    }
  }
  check_uses(c, inv, uses, what, report);
}

template <bool kCharge>
void check_allowances_charges(const Category& c, const Invoice& inv, const Context& /*ctx*/,
                              Reporter& report) {
  auto uses = allowance_charge_uses<kCharge>(c, inv);
  // Most invoices have no allowance or charge of the category: nothing to
  // judge, and no message to build (two allocations, 18 rules per invoice).
  if (uses.empty()) return;
  // UBL BR-AF-04 excuses an invoice whose L charges all have a code written
  // with white space around it: its "no such charge" branch compares the
  // code as written.
  if (inv.syntax == Syntax::Ubl && kCharge && c.code == "L") {
    bool exact = false;
    for (const auto& ac : inv.allowances_charges) {
      exact = exact ||
              (is_kind(ac, kCharge) && allowance_charge_in(c, inv, ac) && !ac.vat_category_padded);
    }
    if (!exact) return;
  }
  const Message what = kCharge
                           ? Message{"Charge au niveau du document", "Document level charge"}
                           : Message{"Remise au niveau du document", "Document level allowance"};
  check_uses(c, inv, uses, what, report);
}

Message title(const Category& c, const Message& what) {
  Message want = requirement(c);
  return {fmt::format("Une facture avec {} de catégorie de TVA {} porte {}.", what.fr, name_fr(c),
                      want.fr),
          fmt::format("An invoice with {} of VAT category {} carries {}.", what.en, name_en(c),
                      want.en)};
}

}  // namespace

void register_seller_id_rules(Registry& registry) {
  const std::vector<std::string> terms{"BT-31", "BT-32", "BT-63", "BT-47", "BT-48"};
  for (std::size_t i = 0; i < kCategories.size(); ++i) {
    const Category& c = kCategories[i];
    auto with = [&](std::string term) {
      auto out = terms;
      out.insert(out.begin(), std::move(term));
      return out;
    };
    registry.add(fatal_rule(rule_id(c, 2), title(c, {"une ligne", "an invoice line"}),
                            with("BT-151"), for_category<check_lines>(i)));
    registry.add(fatal_rule(
        rule_id(c, 3), title(c, {"une remise au niveau du document", "a document level allowance"}),
        with("BT-95"), for_category<check_allowances_charges<false>>(i)));
    registry.add(fatal_rule(
        rule_id(c, 4), title(c, {"une charge au niveau du document", "a document level charge"}),
        with("BT-102"), for_category<check_allowances_charges<true>>(i)));
  }
}

}  // namespace cprokit::en16931::vat
