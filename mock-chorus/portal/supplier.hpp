// Who may use the pages of the "Factures émises" workspace: a signed-in,
// active user whose account has that workspace on. The invoices they
// deposit and see are their structure's, deposited as the portal user
// (the login recorded on the invoice, to which its notification mails go).
#pragma once

#include <optional>

#include "mock-chorus/portal/portal.hpp"

namespace cprokit::mock::portal {

// The answer for a visitor who may not use the workspace (the sign-in page,
// or a page saying why), or nullopt when call.user may.
std::optional<PortalReply> refuse_unless_supplier(const PortalCall& call);

// The user as the depositing account of the deposit rules (CPRO-DEP-03: the
// supplier is the user's structure).
AccountRecord depositor_of(const PortalUser& user);

}  // namespace cprokit::mock::portal
