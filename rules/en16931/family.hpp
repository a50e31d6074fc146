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

// Whether `ac` is an allowance (charge = false) or a charge (true) to the
// official tests that read its indicator as an xs:boolean (every UBL test; in
// CII the sums and the VAT category tests): "false" or "0", "true" or "1".
// Without an indicator it is neither; with an empty or other one too (the
// official tests then stop on a cast error).
inline bool is_kind(const AllowanceCharge& ac, bool charge) {
  if (!ac.charge_indicator) return false;
  const std::string& v = ac.charge_indicator->value;
  return charge ? (v == "true" || v == "1") : (v == "false" || v == "0");
}

// Whether `ac` is a context of the official tests on each allowance or
// charge (BR-31..33, BR-36..38, BR-41..44, BR-CO-21..24 and their BR-DEC):
// UBL reads the indicator as an xs:boolean, CII compares its text with
// "false" or "true", so that an empty udt:Indicator is neither.
inline bool in_context(const Invoice& inv, const AllowanceCharge& ac, bool charge) {
  if (inv.syntax != Syntax::Cii) return is_kind(ac, charge);
  return ac.charge_indicator && ac.charge_indicator->value == (charge ? "true" : "false");
}

// Whether an amount is in the currency `code` (BT-5 or BT-6), as the official
// tests ask it (@currencyID = code): an amount without currencyID is in none.
// The model keeps an empty currencyID as none too; that differs from the tests
// only when the code itself is empty, which BR-05 or BR-CL-05 report.
inline bool in_currency(const Amount& a, const Text& code) {
  return !a.currency.empty() && a.currency == code.value;
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
