// What the EN 16931 rule families share: where the rules come from, how a
// fatal rule is described, and how an amount is shown and located in a
// finding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/engine/rule.hpp"

namespace cprokit::en16931 {

inline constexpr std::string_view kSource =
    "EN 16931-1:2017 (business rules), official validation artefacts v1.3.16";

// A fatal rule on invoices and credit notes, as every BR-CO and BR-DEC rule is.
inline Rule fatal_rule(std::string id, Message title, std::vector<std::string> terms,
                       InvoiceCheck check) {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = Severity::Fatal;
  rule.applies_to = kInvoicesAndCreditNotes;
  rule.title = std::move(title);
  rule.terms = std::move(terms);
  rule.source = std::string(kSource);
  rule.checks.invoice = check;
  return rule;
}

// Whether `ac` is a charge (else an allowance) to the official tests, which
// match an allowance or charge by its indicator: without one it is neither.
inline bool is_kind(const AllowanceCharge& ac, bool charge) {
  return ac.charge_indicator && ac.is_charge == charge;
}

// An amount as written, or a dash when the document has none.
inline std::string show(const std::optional<Amount>& a) {
  return a ? a->value.to_string() : std::string("—");
}

// Where to point a finding about `a`: the amount itself, else its group.
inline SourceRef at(const std::optional<Amount>& a, const SourceRef& group) {
  return a ? a->source : group;
}

}  // namespace cprokit::en16931
