// What the account pages share (account_creation.cpp, account_activation.cpp,
// account_page.cpp, sign_in.cpp).
#pragma once

#include "mock-chorus/portal/portal.hpp"

namespace cprokit::mock::portal {

// Account statuses beyond those of PortalUser's comment: refused by the
// structure's gestionnaire principal.
inline constexpr std::string_view kAttachmentRefused = "RATTACHEMENT_REFUSE";

// The step indicator of account creation, step `current` (1–4) current.
Data creation_steps(const PortalCall& call, int current);

// Creates the account of a finished creation draft, waiting for activation,
// attached to its structure (one of the directory's, or a new private one),
// and mails the activation link. When the email already has an account,
// mails that account's owner instead: the page says the same either way,
// so it never tells whether an address has an account.
void create_account(PortalCall& call, const Data& draft);

// The password and its confirmation, as activation and reset ask them
// (partial-field.mustache data, from `form`: form_data()).
Data new_password_fields(const PortalCall& call, const Data& form);

// The user's structure as the pages name it: "RAISON SOCIALE (SIRET …)".
std::string structure_name(const PortalCall& call, std::int64_t id_structure);

}  // namespace cprokit::mock::portal
