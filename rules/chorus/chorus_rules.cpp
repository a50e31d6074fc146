#include "rules/chorus/chorus_rules.hpp"

#include <cctype>
#include <cstddef>
#include <utility>

#include "rules/chorus/depositor.hpp"
#include "rules/chorus/duplicates.hpp"

namespace cprokit::chorus {

Message explained(std::string_view fr, std::string_view en, const Message& problem) {
  std::string fr_problem = problem.fr;
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(fr_problem[i]); };
  // "Le SIREN…" and "L'IBAN…" start with a word; "FR1X…" or "FR76 3000…"
  // with the value, whose case is kept.
  if (fr_problem.size() > 1 && std::isupper(at(0)) &&
      (std::islower(at(1)) || fr_problem[1] == '\'')) {
    fr_problem[0] = static_cast<char>(std::tolower(at(0)));
  }
  return {std::string(fr) + fr_problem, std::string(en) + problem.en};
}

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
  registry.add_family({"CPRO",
                       {"Chorus Pro : factures et demandes de dépôt",
                        "Chorus Pro: invoices and deposit requests"}});
  registry.add_family({"ACCT", {"Chorus Pro : comptes du portail", "Chorus Pro: portal accounts"}});
  register_identity_rules(registry);
  register_routing_rules(registry);
  register_document_rules(registry);
  register_duplicate_rule(registry);
  register_deposit_rules(registry);
  register_depositor_rule(registry);
  register_account_rules(registry);
}

}  // namespace cprokit::chorus
