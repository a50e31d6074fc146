#include "mock-chorus/portal/supplier.hpp"

#include <nlohmann/json.hpp>

namespace cprokit::mock::portal {

std::optional<PortalReply> refuse_unless_supplier(const PortalCall& call) {
  if (!call.user) return call.sign_in_first();
  const Data espaces = Data::parse(call.user->espaces_json, nullptr, false);
  const bool opened = espaces.is_object() && espaces.value("factures_emises", false);
  if (call.user->statut != "ACTIF" || !opened) {
    return call.page("error", {{"message", call.text("supplier_no_workspace")}, {"back", "/"}},
                     "error_title", 403);
  }
  return std::nullopt;
}

AccountRecord depositor_of(const PortalUser& user) {
  return {user.email, {}, user.id_structure, user.id};
}

}  // namespace cprokit::mock::portal
