#include "mock-chorus/scenario/scenario.hpp"

#include "mock-chorus/scenario/glob.hpp"

namespace cprokit::mock::scenario {

DepositedInvoice deposited_invoice(const InvoiceRecord& record,
                                   std::optional<std::string> syntaxe_flux) {
  return {record.code_fournisseur, record.code_destinataire, record.numero_facture,
          std::move(syntaxe_flux)};
}

std::optional<PlannedMove> planned_move(const Outcome& outcome) {
  const auto* status = std::get_if<StatusOutcome>(&outcome);
  if (status == nullptr) return std::nullopt;
  return PlannedMove{status->statut, status->motive, status->after};
}

bool matches(const Match& match, const DepositedInvoice& invoice) {
  auto without_spaces = [](std::string text) {
    std::erase(text, ' ');
    return text;
  };
  if (match.supplier_siret && *match.supplier_siret != without_spaces(invoice.supplier_siret)) {
    return false;
  }
  if (match.buyer_siret && *match.buyer_siret != without_spaces(invoice.buyer_siret)) return false;
  if (match.invoice_number && !glob_matches(*match.invoice_number, invoice.invoice_number)) {
    return false;
  }
  return !match.syntaxe_flux || match.syntaxe_flux == invoice.syntaxe_flux;
}

std::string_view kind_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::Latency:
      return "latency";
    case FaultKind::Status:
      return "status";
    case FaultKind::Drop:
      return "drop";
    case FaultKind::Truncate:
      return "truncate";
    case FaultKind::TokenExpiry:
      break;
  }
  return "tokenExpiry";
}

}  // namespace cprokit::mock::scenario
