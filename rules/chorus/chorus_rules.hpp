// The Chorus Pro rule pack: what Chorus Pro refuses beyond EN 16931, from the
// buyer's notice and the API's documented checks (../shared/chorus-pro).
// Rule ids CPRO-* are a contract.
#pragma once

#include <string>
#include <vector>

#include "rules/engine/registry.hpp"

namespace cprokit::chorus {

void register_rules(Registry& registry);

// One family of rules per file; register_rules() calls each.
void register_identity_rules(Registry& registry);  // SIRET and VAT numbers
void register_routing_rules(Registry& registry);   // engagement and service code
void register_document_rules(Registry& registry);  // name, number, payment, size

// A Chorus Pro rule on invoices and credit notes.
Rule chorus_rule(std::string id, Severity severity, Message title, std::vector<std::string> terms,
                 Check check);

}  // namespace cprokit::chorus
