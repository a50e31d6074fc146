// What the BR-FR rule files share: the family, where its rules come from,
// and how a rule of it is made.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/engine/rule.hpp"

namespace cprokit::fr {

inline constexpr std::string_view kFamily = "BR-FR";
inline constexpr std::string_view kSource = "FNFE-MPE BR-FR 1.4.0.02 (XP Z12-012)";

// A BR-FR rule: fatal, as the FNFE-MPE plain file has every rule, and a
// warning in the transition file (--fr-mode transition), as 145 of its 171
// CII asserts are; the multi-vendor and bi-directional ones (BR-FR-MV-*,
// BR-FR-BD-*) stay fatal there and pass `transition` = Fatal.
inline Rule fr_rule(std::string id, Message title, std::vector<std::string> terms,
                    InvoiceCheck check, Severity transition = Severity::Warning) {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = Severity::Fatal;
  rule.transition_severity = transition;
  rule.applies_to = kInvoicesAndCreditNotes;
  rule.title = std::move(title);
  rule.terms = std::move(terms);
  rule.source = std::string(kSource);
  rule.checks.invoice = check;
  return rule;
}

// A check under one syntax's id (CII BR-FR-05_BT-22_PMT, UBL
// BR-FR-05_BT-22-1): on a document of the other syntax, silent.
template <Syntax kSyntax, InvoiceCheck kCheck>
void only_in(const Invoice& inv, const Context& ctx, Reporter& report) {
  if (inv.syntax == kSyntax) kCheck(inv, ctx, report);
}

}  // namespace cprokit::fr
