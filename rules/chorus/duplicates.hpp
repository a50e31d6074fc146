// CPRO-DUP-01: the same invoice number for the same supplier twice in one run.
// It looks across documents, so it is no per-document check: the run gives
// each invoice's identity in input order (validators' LintRun) and the second
// of two equal invoices is the one reported.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

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

class DuplicateInvoices {
 public:
  // The CPRO-DUP-01 finding when an earlier document of the run, named in the
  // message, had the same identity; otherwise remembers this one as `path`.
  std::optional<Finding> check(const InvoiceIdentity& identity, const std::string& path);

 private:
  std::map<std::pair<std::string, std::string>, std::string> first_path_;
};

void register_duplicate_rule(Registry& registry);

}  // namespace cprokit::chorus
