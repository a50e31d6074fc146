#include "rules/chorus/parties.hpp"

#include <algorithm>

namespace cprokit::chorus {

const Identifier* siret_of(const Party& party) {
  if (party.legal_id && (party.legal_id->scheme.empty() || party.legal_id->scheme == kSiretScheme))
    return &*party.legal_id;
  auto id = std::ranges::find_if(party.identifiers,
                                 [](const Identifier& i) { return i.scheme == kSiretScheme; });
  return id != party.identifiers.end() ? &*id : nullptr;
}

bool is_french(const Party& party) {
  if (party.address && party.address->country) return party.address->country->value == "FR";
  return party.vat_id && party.vat_id->value.starts_with("FR");
}

}  // namespace cprokit::chorus
