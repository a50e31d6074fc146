// EN 16931 business rules, with their official IDs and the semantics of the
// official validation artefacts (v1.3.16), UBL and CII each as theirs.
#pragma once

#include "rules/engine/registry.hpp"

namespace cprokit::en16931 {

// The families (BR, BR-CL), then every rule.
void register_rules(Registry& registry);
// The families alone: a test registers them before one file's rules.
void register_families(Registry& registry);

// One family of rules per file; register_rules() calls each.
void register_totals_rules(Registry& registry);
void register_unchecked_rules(Registry& registry);
void register_vat_category_rules(Registry& registry);
void register_allowance_total_rules(Registry& registry);  // BR-CO-11, -12
void register_vat_total_rules(Registry& registry);        // BR-CO-14, -17
void register_condition_rules(Registry& registry);        // BR-CO-03, -04, -18..-24, -26
void register_vat_identifier_rules(Registry& registry);   // BR-CO-09
void register_decimal_rules(Registry& registry);          // BR-DEC-*
void register_code_list_rules(Registry& registry);        // BR-CL-*
// The core rules BR-01 … BR-65, in four families (core_rules.hpp).
void register_core_rules(Registry& registry);

}  // namespace cprokit::en16931
