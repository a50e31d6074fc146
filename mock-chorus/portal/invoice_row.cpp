#include "mock-chorus/portal/invoice_row.hpp"

#include <nlohmann/json.hpp>

#include "mock-chorus/wire/dates.hpp"

namespace cprokit::mock::portal {

Data invoice_row(const PortalCall& call, const InvoiceRecord& invoice) {
  return {{"id", invoice.identifiant_facture_cpp},
          {"numero", invoice.numero_facture},
          {"fournisseur", invoice.designation_fournisseur},
          {"destinataire", invoice.designation_destinataire},
          {"siret", invoice.code_destinataire},
          {"ttc", invoice.montant_ttc},
          {"devise", invoice.devise},
          {"statut", invoice.statut},
          {"statut_label", call.status_label(invoice.statut)},
          {"date", iso_day(invoice.date_depot)}};
}

}  // namespace cprokit::mock::portal
