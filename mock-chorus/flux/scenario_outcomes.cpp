#include "mock-chorus/flux/scenario_outcomes.hpp"

namespace cprokit::mock {

void apply_scenarios(FluxExamination& exam, const FluxRecord& flux,
                     const scenario::Scenarios& scenarios) {
  std::vector<InvoiceRecord> accepted;
  std::vector<std::optional<PlannedMove>> planned;
  for (auto& invoice : exam.accepted) {
    const auto outcome = scenarios.outcome_for(
        scenario::deposited_invoice(invoice, flux.syntaxe_flux), flux.date_depot);
    const auto* flux_outcome = outcome ? std::get_if<scenario::FluxOutcome>(&*outcome) : nullptr;
    if (flux_outcome == nullptr) {
      planned.push_back(outcome ? scenario::planned_move(*outcome) : std::nullopt);
      accepted.push_back(std::move(invoice));
    } else if (flux_outcome->etat == "IN_INCIDENTE") {
      exam.incident = true;
    } else {
      for (const auto& libelle : flux_outcome->errors) {
        exam.dp.push_back(
            {invoice.code_fournisseur, invoice.code_destinataire, invoice.numero_facture, libelle});
      }
      ++exam.rejected;
    }
  }
  exam.accepted = std::move(accepted);
  exam.planned = std::move(planned);
}

}  // namespace cprokit::mock
