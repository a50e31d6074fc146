// An invoice as the portal's lists show it (the supplier's "Factures
// émises" and the buyer's view): one row's values for the templates.
#pragma once

#include "mock-chorus/portal/portal.hpp"
#include "mock-chorus/store/records.hpp"

namespace cprokit::mock::portal {

// id, numero, fournisseur, destinataire, siret, ttc, devise, statut (the
// API's code), statut_label (in words) and date (of the deposit).
Data invoice_row(const PortalCall& call, const InvoiceRecord& invoice);

}  // namespace cprokit::mock::portal
