// The Chorus Pro rule pack: what Chorus Pro refuses beyond EN 16931, from the
// buyer's notice and the API's documented checks (../shared/chorus-pro).
// Rule ids CPRO-* are a contract.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/registry.hpp"

namespace cprokit::chorus {

void register_rules(Registry& registry);

// One family of rules per file; register_rules() calls each.
void register_identity_rules(Registry& registry);  // SIRET and VAT numbers
void register_routing_rules(Registry& registry);   // engagement and service code
void register_document_rules(Registry& registry);  // name, number, payment, size
void register_deposit_rules(Registry& registry);   // deposit requests: fields and amounts
void register_account_rules(Registry& registry);   // account forms

// "SIRET de l'acheteur invalide : " + the explanation (identifiers.hpp), its
// first word in lower case as French wants after a colon; a value the
// explanation starts with keeps its case.
Message explained(std::string_view fr, std::string_view en, const Message& problem);

// A Chorus Pro rule on invoices and credit notes.
Rule chorus_rule(std::string id, Severity severity, Message title, std::vector<std::string> terms,
                 InvoiceCheck check);
// A Chorus Pro rule on the documents of `applies_to`, with a check for each model.
Rule chorus_rule(std::string id, Severity severity, Message title, std::vector<std::string> terms,
                 Checks checks, KindSet applies_to);

}  // namespace cprokit::chorus
