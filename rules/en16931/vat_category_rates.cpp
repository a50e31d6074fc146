// X-05..07 of each VAT category: the VAT rate of a line (BT-152), of a
// document allowance (BT-96) and of a document charge (BT-103) of that
// category. Fired once per line, allowance or charge, at its rate (or at its
// category when the rate is absent).
#include <string>

#include <fmt/core.h>

#include "rules/en16931/vat_categories.hpp"

namespace cprokit::en16931::vat {
namespace {

// An absent rate fails every rule but the O ones, as in the official tests
// (a comparison with an absent value is false).
bool rate_ok(const Category& c, const Invoice& inv, const std::optional<Number>& rate) {
  switch (c.rate) {
    case Rate::Positive:
      return rate && rate->value > Decimal();
    case Rate::Zero:
      return rate && rate->value.is_zero();
    case Rate::NonNegative:
      // The CII test of BR-AF-05..07 asks for a rate above zero where UBL,
      // and BR-AG in both syntaxes, accept zero.
      if (inv.syntax == Syntax::Cii && c.code == "L") return rate && rate->value > Decimal();
      return rate && !rate->value.is_negative();
    case Rate::Absent:
      return !rate;
  }
  return true;
}

Message requirement(const Category& c, const Invoice& inv) {
  switch (c.rate) {
    case Rate::Positive:
      return {"supérieur à zéro", "greater than zero"};
    case Rate::Zero:
      return {"égal à zéro", "zero"};
    case Rate::NonNegative:
      if (inv.syntax == Syntax::Cii && c.code == "L") {
        return {"supérieur à zéro", "greater than zero"};
      }
      return {"positif ou nul", "zero or more"};
    case Rate::Absent:
      return {"absent", "absent"};
  }
  return {};
}

std::string show(const std::optional<Number>& rate) {
  return rate ? rate->value.to_string() : std::string("—");
}

void fire(const Category& c, const Invoice& inv, const Message& where, std::string_view term,
          const std::optional<Number>& rate, const SourceRef& at, Reporter& report) {
  Message want = requirement(c, inv);
  report.fire(at, {fmt::format("{}, catégorie de TVA {} : taux de TVA ({}) {} ; il doit être {}.",
                               where.fr, name_fr(c), term, show(rate), want.fr),
                   fmt::format("{}, VAT category {}: VAT rate ({}) is {}; it must be {}.", where.en,
                               name_en(c), term, show(rate), want.en)});
}

void check_lines(const Category& c, const Invoice& inv, const Context& /*ctx*/, Reporter& report) {
  for (const auto& line : inv.lines) {
    if (!line_in(c, inv, line) || rate_ok(c, inv, line.vat_rate)) continue;
    std::string id = line.id ? line.id->value : std::string("?");
    fire(c, inv, {fmt::format("Ligne {}", id), fmt::format("Line {}", id)}, "BT-152", line.vat_rate,
         line.vat_rate ? line.vat_rate->source : category_at(line.vat_category, line.source),
         report);
  }
}

template <bool kCharge>
void check_allowances_charges(const Category& c, const Invoice& inv, const Context& /*ctx*/,
                              Reporter& report) {
  for (const auto& ac : inv.allowances_charges) {
    if (!is_kind(ac, kCharge) || !allowance_charge_in(c, inv, ac)) continue;
    if (rate_ok(c, inv, ac.vat_rate)) continue;
    Message where = kCharge ? Message{"Charge au niveau du document", "Document level charge"}
                            : Message{"Remise au niveau du document", "Document level allowance"};
    fire(c, inv, where, kCharge ? "BT-103" : "BT-96", ac.vat_rate,
         ac.vat_rate ? ac.vat_rate->source : category_at(ac.vat_category, ac.source), report);
  }
}

Message title(const Category& c, const Message& what, std::string_view term) {
  Message want = requirement(c, Invoice{});
  return {fmt::format("Le taux de TVA ({}) d'{} de catégorie {} est {}.", term, what.fr, name_fr(c),
                      want.fr),
          fmt::format("The VAT rate ({}) of {} with VAT category {} is {}.", term, what.en,
                      name_en(c), want.en)};
}

}  // namespace

void register_rate_rules(Registry& registry) {
  for (std::size_t i = 0; i < kCategories.size(); ++i) {
    const Category& c = kCategories[i];
    registry.add(fatal_rule(rule_id(c, 5), title(c, {"une ligne", "an invoice line"}, "BT-152"),
                            {"BT-151", "BT-152"}, for_category<check_lines>(i)));
    registry.add(fatal_rule(
        rule_id(c, 6),
        title(c, {"une remise au niveau du document", "a document level allowance"}, "BT-96"),
        {"BT-95", "BT-96"}, for_category<check_allowances_charges<false>>(i)));
    registry.add(fatal_rule(
        rule_id(c, 7),
        title(c, {"une charge au niveau du document", "a document level charge"}, "BT-103"),
        {"BT-102", "BT-103"}, for_category<check_allowances_charges<true>>(i)));
  }
}

}  // namespace cprokit::en16931::vat
