// The VAT category rules of EN 16931 (BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G,
// BR-O, BR-AF, BR-AG, BR-B): one description per category, shared by the
// files that check them (presence, seller identifiers, rates, amounts,
// exemption reasons).
//
// The official artefacts test each category with the same template, but not
// always with the same XPath: some count only categories under the VAT tax
// scheme, some any; UBL and CII differ. Where a rule departs from its
// category's template, the check says why.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "rules/en16931/family.hpp"
#include "rules/engine/context.hpp"
#include "rules/engine/registry.hpp"
#include "rules/engine/reporter.hpp"

namespace cprokit::en16931::vat {

// How many VAT breakdowns (BG-23) a category in use needs.
enum class Breakdowns { AtLeastOne, ExactlyOne };

// The identifiers an invoice using the category must (or must not) carry (X-02..04).
enum class PartyIds {
  Seller,                // seller VAT id BT-31 or tax registration BT-32, or tax rep. BT-63
  SellerAndBuyer,        // the same, and buyer VAT id BT-48 or buyer legal id BT-47
  SellerVatAndBuyerVat,  // BT-31 or BT-63, and BT-48
  SellerVat,             // BT-31 or BT-63
  None,                  // none of BT-31, BT-63, BT-48
};

// What the VAT rate of a line, allowance or charge must be (X-05..07).
enum class Rate { Positive, Zero, NonNegative, Absent };

struct Category {
  std::string_view code;    // BT-118 / BT-151 / BT-95 / BT-102 code
  std::string_view prefix;  // rule ids: prefix + "-01"
  std::string_view fr;      // its name, in French
  std::string_view en;      // and in English
  Breakdowns breakdowns;
  PartyIds party_ids;
  Rate rate;
  // S, L and M carry VAT: their breakdowns are per rate and their tax amount
  // is taxable amount × rate, and they take no exemption reason.
  bool taxed;
  bool exemption_required;  // reason BT-120 or code BT-121 required (else forbidden)
};

inline constexpr std::array<Category, 9> kCategories{{
    {"S", "BR-S", "taux normal", "standard rated", Breakdowns::AtLeastOne, PartyIds::Seller,
     Rate::Positive, true, false},
    {"Z", "BR-Z", "taux zéro", "zero rated", Breakdowns::ExactlyOne, PartyIds::Seller, Rate::Zero,
     false, false},
    {"E", "BR-E", "exonéré", "exempt from VAT", Breakdowns::ExactlyOne, PartyIds::Seller,
     Rate::Zero, false, true},
    {"AE", "BR-AE", "autoliquidation", "reverse charge", Breakdowns::ExactlyOne,
     PartyIds::SellerAndBuyer, Rate::Zero, false, true},
    {"K", "BR-IC", "livraison intracommunautaire", "intra-community supply", Breakdowns::ExactlyOne,
     PartyIds::SellerVatAndBuyerVat, Rate::Zero, false, true},
    {"G", "BR-G", "exportation hors UE", "export outside the EU", Breakdowns::ExactlyOne,
     PartyIds::SellerVat, Rate::Zero, false, true},
    {"O", "BR-O", "hors champ de la TVA", "not subject to VAT", Breakdowns::ExactlyOne,
     PartyIds::None, Rate::Absent, false, true},
    {"L", "BR-AF", "IGIC (Canaries)", "IGIC (Canary Islands)", Breakdowns::AtLeastOne,
     PartyIds::Seller, Rate::NonNegative, true, false},
    {"M", "BR-AG", "IPSI (Ceuta et Melilla)", "IPSI (Ceuta and Melilla)", Breakdowns::AtLeastOne,
     PartyIds::Seller, Rate::NonNegative, true, false},
}};

// "BR-S-05" for the S category and number 5.
std::string rule_id(const Category& c, int number);
// "« taux normal » (S)" / "“standard rated” (S)", for messages.
std::string name_fr(const Category& c);
std::string name_en(const Category& c);

// Whether a category code is `code`, compared as the official tests of the
// invoice's syntax do: UBL trims it (normalize-space(), which is the model's
// value of a one-word code), CII compares ram:CategoryCode as written, so
// "S " is no S there.
bool is_code(const Invoice& inv, const std::optional<Text>& category, std::string_view code);

// Where a line's or an allowance's VAT category is, else the element itself.
SourceRef category_at(const std::optional<Text>& category, const SourceRef& element);

// A line, document allowance or charge with category `c` under the VAT scheme:
// the context of the rules about one line, allowance or charge in both syntaxes.
bool line_in(const Category& c, const Invoice& inv, const InvoiceLine& line);
bool allowance_charge_in(const Category& c, const Invoice& inv, const AllowanceCharge& ac);

// A VAT breakdown the breakdown rules (X-08..10) of `c` apply to.
bool breakdown_in(const Category& c, const Invoice& inv, const VatBreakdown& b);

// A check written once for every category, bound to one of them: rules need
// a plain function pointer, so each category gets its own instance.
using CategoryCheck = void (*)(const Category& category, const Invoice& invoice,
                               const Context& context, Reporter& report);

template <CategoryCheck kCheck, std::size_t kIndex>
void bound(const Invoice& invoice, const Context& context, Reporter& report) {
  kCheck(kCategories[kIndex], invoice, context, report);
}

template <CategoryCheck kCheck, std::size_t... kIndex>
constexpr std::array<InvoiceCheck, sizeof...(kIndex)> bind_all(
    std::index_sequence<kIndex...> /*indices*/) {
  return {&bound<kCheck, kIndex>...};
}

// The check `kCheck` bound to kCategories[index].
template <CategoryCheck kCheck>
InvoiceCheck for_category(std::size_t index) {
  static constexpr auto kBound = bind_all<kCheck>(std::make_index_sequence<kCategories.size()>());
  return kBound.at(index);
}

// One family per file; register_vat_category_rules() calls each.
void register_presence_rules(Registry& registry);
void register_seller_id_rules(Registry& registry);
void register_rate_rules(Registry& registry);
void register_amount_rules(Registry& registry);
void register_exemption_rules(Registry& registry);

}  // namespace cprokit::en16931::vat
