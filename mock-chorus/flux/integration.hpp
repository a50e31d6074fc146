// What Chorus Pro does with a deposited flux, the mock's way: the file (or
// each file of a .tar.gz lot) goes through the linter with the mock's
// directory — the same rules as `cprokit lint --profile chorus` — and the
// invoices without a fatal finding are the ones to integrate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock-chorus/mock.hpp"
#include "mock-chorus/store/records.hpp"

namespace cprokit::mock {

struct TechnicalError {  // listeErreurTechnique: the file is not receivable
  std::string code_erreur;
  std::string libelle_erreur;
  std::string nature_erreur;
};

struct DpError {  // listeErreurDP: one invoice (demande de paiement) rejected
  std::string identifiant_fournisseur;
  std::string identifiant_destinataire;
  std::string numero_dp;
  std::string libelle_erreur_dp;
};

struct FluxExamination {
  std::vector<TechnicalError> technical;
  std::vector<DpError> dp;
  std::vector<InvoiceRecord> accepted;  // without id, status DEPOSEE
  // The move a scenario planned for each accepted invoice, at its place
  // (scenario_outcomes.hpp); empty when none did.
  std::vector<std::optional<PlannedMove>> planned;
  std::size_t rejected = 0;  // files or invoices not integrated
  bool incident = false;     // a scenario made the flux IN_INCIDENTE: nothing is integrated
};

// Examines the flux deposited by `account`, whose structure must be the
// invoices' supplier (CPRO-DEP-03, one of the rules).
FluxExamination examine_flux(const FluxRecord& flux, std::string_view file,
                             const AccountRecord& account, const Catalogue& catalogue, Millis now);

// The flux's final state from what was integrated and what was not.
std::string final_state(std::size_t integrated, std::size_t rejected);

}  // namespace cprokit::mock
