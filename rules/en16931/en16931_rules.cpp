#include "rules/en16931/en16931_rules.hpp"

namespace cprokit::en16931 {

void register_rules(Registry& registry) {
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
