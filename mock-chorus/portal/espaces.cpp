#include "mock-chorus/portal/espaces.hpp"

#include <array>

#include <nlohmann/json.hpp>

namespace cprokit::mock::portal {
namespace {

// From the real portal's public documentation (communaute.chorus-pro.gouv.fr
// and ../shared/chorus-pro/API.md §7): the spaces a supplier's structure
// can open.
constexpr std::array<Espace, 8> kEspaces{{
    {"factures_emises", "espace_factures_emises", true},
    {"sollicitations_emises", "espace_sollicitations_emises", true},
    {"sollicitations_recues", "espace_sollicitations_recues"},
    {"factures_travaux", "espace_factures_travaux"},
    {"memoires_frais_justice", "espace_memoires_frais_justice"},
    {"remboursement_tic", "espace_remboursement_tic"},
    {"suivi_flux", "espace_suivi_flux"},
    {"activites_gestionnaire", "espace_activites_gestionnaire"},
}};

}  // namespace

std::span<const Espace> espaces() {
  return kEspaces;
}

Data default_espaces() {
  Data out = Data::object();
  for (const Espace& e : kEspaces)
    out[std::string(e.id)] = e.on_by_default;
  return out;
}

Data espaces_typed(const PortalCall& call, const Data& current) {
  Data out = default_espaces();
  for (const Espace& e : kEspaces) {
    const std::string id(e.id);
    const std::string& answer = call.request.field(id);
    if (answer == "oui" || answer == "non") {
      out[id] = answer == "oui";
    } else if (current.contains(id) && current[id].is_boolean()) {
      out[id] = current[id];
    }
  }
  return out;
}

Data espaces_fieldsets(const PortalCall& call, const Data& chosen, const Data& form) {
  Data list = Data::array();
  for (const Espace& e : kEspaces) {
    const std::string id(e.id);
    Data item = {{"id", id},
                 {"label", call.text(e.text_key)},
                 {"on", chosen.contains(id) && chosen[id].is_boolean() && chosen[id].get<bool>()}};
    const Data& f = form["f"];
    if (f.contains(id) && f[id].contains("error")) {
      item["error"] = f[id]["error"];
      if (f[id].contains("rule")) item["rule"] = f[id]["rule"];
    }
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace cprokit::mock::portal
