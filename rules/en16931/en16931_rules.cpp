#include "rules/en16931/en16931_rules.hpp"

namespace cprokit::en16931 {

void register_rules(Registry& registry) {
  register_core_rules(registry);
  register_totals_rules(registry);
}

}  // namespace cprokit::en16931
