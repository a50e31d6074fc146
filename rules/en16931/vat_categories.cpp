// Shared pieces of the VAT category rules, and their entry point.
#include "rules/en16931/vat_categories.hpp"

#include <fmt/core.h>

#include "rules/en16931/en16931_rules.hpp"

namespace cprokit::en16931 {
namespace vat {

std::string rule_id(const Category& c, int number) {
  return fmt::format("{}-{:02}", c.prefix, number);
}

std::string name_fr(const Category& c) {
  return fmt::format("« {} » ({})", c.fr, c.code);
}

std::string name_en(const Category& c) {
  return fmt::format("“{}” ({})", c.en, c.code);
}

bool is_code(const Invoice& inv, const std::optional<Text>& category, std::string_view code) {
  if (!category) return false;
  if (inv.syntax == Syntax::Cii) return as_written(inv, category->value, category->source) == code;
  return category->value == code;
}

SourceRef category_at(const std::optional<Text>& category, const SourceRef& element) {
  return category ? category->source : element;
}

bool line_in(const Category& c, const Invoice& inv, const InvoiceLine& line) {
  return is_code(inv, line.vat_category, c.code) && is_vat_scheme(line.vat_tax_scheme);
}

bool allowance_charge_in(const Category& c, const Invoice& inv, const AllowanceCharge& ac) {
  return is_code(inv, ac.vat_category, c.code) && is_vat_scheme(ac.tax_scheme);
}

bool breakdown_in(const Category& c, const Invoice& inv, const VatBreakdown& b) {
  if (!is_code(inv, b.category, c.code)) return false;
  // The CII contexts of BR-S-08..10 and BR-Z-08..10 do not look at the
  // TypeCode; every other breakdown context, and every UBL one, asks for VAT.
  if (inv.syntax == Syntax::Cii && (c.code == "S" || c.code == "Z")) return true;
  return is_vat_scheme(b.tax_scheme);
}

}  // namespace vat

void register_vat_category_rules(Registry& registry) {
  vat::register_presence_rules(registry);
  vat::register_seller_id_rules(registry);
  vat::register_rate_rules(registry);
  vat::register_amount_rules(registry);
  vat::register_exemption_rules(registry);
}

}  // namespace cprokit::en16931
