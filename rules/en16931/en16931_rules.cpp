#include "rules/en16931/en16931_rules.hpp"

#include <utility>

namespace cprokit::en16931 {

void register_families(Registry& registry) {
  registry.add_family({"BR", {"EN 16931 : règles métier", "EN 16931: business rules"}});
  Family code_lists("BR-CL", {"EN 16931 : listes de codes des règles métier",
                              "EN 16931: code lists of the business rules"});
  code_lists.parent = "BR";
  code_lists.needs.code_lists = true;
  registry.add_family(std::move(code_lists));
}

void register_rules(Registry& registry) {
  register_families(registry);
  register_core_rules(registry);
  register_condition_rules(registry);
  register_vat_identifier_rules(registry);
  register_unchecked_rules(registry);
  register_totals_rules(registry);
  register_allowance_total_rules(registry);
  register_vat_total_rules(registry);
  register_decimal_rules(registry);
  register_vat_category_rules(registry);
  register_code_list_rules(registry);
}

}  // namespace cprokit::en16931
