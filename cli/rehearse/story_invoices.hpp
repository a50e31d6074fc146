// The invoices a rehearsal deposits, made for its own supplier (a structure
// created on the portal for the run) from the embedded template, so that a
// rehearsal can run again and again on the same mock: each run has its own
// SIRET and invoice numbers, and the supplier's duplicate check never fires.
#pragma once

#include <string>
#include <string_view>

namespace cprokit::cli::rehearse {

struct Supplier {
  std::string siret;           // 14 digits, Luhn-valid
  std::string raison_sociale;  // as typed on the portal
};

// A supplier no directory knows: a random SIREN (Luhn) and its first
// establishment, named after `run`.
Supplier fresh_supplier(std::string_view run);

struct StoryInvoice {
  std::string number;
  std::string xml;
};

// To the main budget (20004065700013) with its own engagement: integrated.
StoryInvoice valid_invoice(const Supplier& supplier, std::string_view run);
// To the transport budget (20004065700054) with the main budget's
// engagement BC2026-000123: rejected (CPRO-ENG-03).
StoryInvoice other_budget_invoice(const Supplier& supplier, std::string_view run);

}  // namespace cprokit::cli::rehearse
