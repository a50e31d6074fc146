// CPRO-DUP-01: the same invoice number for the same supplier twice in one run.
// It looks across documents, so it is no per-document check: the run
// (validators' LintRun) remembers each invoice's identity in input order and
// reports the second of two equal invoices with duplicate_finding().
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/engine/registry.hpp"
#include "rules/finding.hpp"
#include "rules/model/invoice.hpp"

namespace cprokit::chorus {

inline constexpr const char* kDuplicateRule = "CPRO-DUP-01";

// Who issued an invoice, and its number: what Chorus Pro keeps unique.
struct InvoiceIdentity {
  std::string supplier;  // SIRET, else VAT number, else name
  std::string number;    // BT-1 as written
  Location where;        // of BT-1
};

// nullopt when the invoice has no number or no identifiable supplier.
std::optional<InvoiceIdentity> identity_of(const Invoice& invoice);

// The CPRO-DUP-01 finding of an invoice whose identity an earlier document of
// the run, named in the message, already had.
Finding duplicate_finding(const InvoiceIdentity& identity, std::string_view first_path);

void register_duplicate_rule(Registry& registry);

}  // namespace cprokit::chorus
