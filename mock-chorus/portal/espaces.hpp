// The workspaces ("espaces") a supplier's account opens, each on or off:
// the tabs of the real portal's supplier side. PortalUser::espaces_json
// holds {id: true|false} for each of them.
#pragma once

#include <span>
#include <string_view>

#include "mock-chorus/portal/fields.hpp"

namespace cprokit::mock::portal {

struct Espace {
  std::string_view id;        // the key in espaces_json and the form
  std::string_view text_key;  // its name on the page
  bool on_by_default = false;
};

// The eight, in the portal's order; "factures_emises" and
// "sollicitations_emises" are on by default (the buyer's notice).
std::span<const Espace> espaces();

// {id: default} for each of them.
Data default_espaces();
// {id: true|false} from the form's radio groups (oui/non); an espace not
// answered keeps its value in `current`.
Data espaces_typed(const PortalCall& call, const Data& current);
// The data of partial-espaces.mustache: one fieldset per espace, with the
// error of its field.
Data espaces_fieldsets(const PortalCall& call, const Data& chosen, const Data& form);

}  // namespace cprokit::mock::portal
