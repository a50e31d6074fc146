#include "rules/chorus/chorus_rules.hpp"

#include <utility>

#include "rules/chorus/duplicates.hpp"

namespace cprokit::chorus {

Rule chorus_rule(std::string id, Severity severity, Message title, std::vector<std::string> terms,
                 InvoiceCheck check) {
  return chorus_rule(std::move(id), severity, std::move(title), std::move(terms),
                     Checks{.invoice = check}, kInvoicesAndCreditNotes);
}

Rule chorus_rule(std::string id, Severity severity, Message title, std::vector<std::string> terms,
                 Checks checks, KindSet applies_to) {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = severity;
  rule.applies_to = applies_to;
  rule.title = std::move(title);
  rule.terms = std::move(terms);
  rule.source = "Chorus Pro";
  rule.checks = checks;
  return rule;
}

void register_rules(Registry& registry) {
  register_identity_rules(registry);
  register_routing_rules(registry);
  register_document_rules(registry);
  register_duplicate_rule(registry);
  register_deposit_rules(registry);
  register_account_rules(registry);
}

}  // namespace cprokit::chorus
