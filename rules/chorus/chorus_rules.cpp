#include "rules/chorus/chorus_rules.hpp"

#include <utility>

#include "rules/chorus/duplicates.hpp"

namespace cprokit::chorus {

Rule chorus_rule(std::string id, Severity severity, Message title, std::vector<std::string> terms,
                 Check check) {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = severity;
  rule.applies_to = kInvoicesAndCreditNotes;
  rule.title = std::move(title);
  rule.terms = std::move(terms);
  rule.source = "Chorus Pro";
  rule.check = check;
  return rule;
}

void register_rules(Registry& registry) {
  register_identity_rules(registry);
  register_routing_rules(registry);
  register_document_rules(registry);
  register_duplicate_rule(registry);
}

}  // namespace cprokit::chorus
