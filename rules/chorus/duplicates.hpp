// CPRO-DUP-01: the same invoice number for the same supplier twice in one run.
// A run-level rule (rule.hpp, RunCheck): each invoice gives its supplier and
// number as its key, and the run's store reports the second of two equal
// invoices, naming the first.
#pragma once

#include "rules/engine/registry.hpp"

namespace cprokit::chorus {

void register_duplicate_rule(Registry& registry);

}  // namespace cprokit::chorus
