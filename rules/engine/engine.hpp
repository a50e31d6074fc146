// Runs the rules of a profile on a document model.
#pragma once

#include <vector>

#include "rules/engine/context.hpp"
#include "rules/engine/registry.hpp"
#include "rules/finding.hpp"
#include "rules/model/account_form.hpp"
#include "rules/model/deposit_request.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit {

// Append to `out` the findings of every rule of `profile` that applies to
// the document's kind and has a check for its model, in catalogue order.
void run_rules(const Registry& registry, const Profile& profile, const Invoice& invoice,
               const Context& context, std::vector<Finding>& out);
void run_rules(const Registry& registry, const Profile& profile, const DepositRequest& request,
               const Context& context, std::vector<Finding>& out);
void run_rules(const Registry& registry, const Profile& profile, const AccountForm& form,
               const Context& context, std::vector<Finding>& out);

}  // namespace cprokit
