// Runs the rules of a profile on an invoice.
#pragma once

#include <vector>

#include "rules/engine/context.hpp"
#include "rules/engine/registry.hpp"
#include "rules/finding.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit {

// Appends to `out` the findings of every rule of `profile` that applies to
// the invoice's kind, in catalogue order.
void run_rules(const Registry& registry, const Profile& profile, const Invoice& invoice,
               const Context& context, std::vector<Finding>& out);

}  // namespace cprokit
