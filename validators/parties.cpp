#include "validators/parties.hpp"

namespace cprokit {

PartyKey party_key(const Party& party) {
  PartyKey key;
  if (party.name && !party.name->value.empty()) {
    key.name = party.name->value;
  } else if (party.trading_name) {
    key.name = party.trading_name->value;
  }
  if (party.legal_id && !party.legal_id->value.empty()) {
    key.id = party.legal_id->value;
    key.scheme = party.legal_id->scheme;
  } else if (party.vat_id && !party.vat_id->value.empty()) {
    key.id = party.vat_id->value;
    key.scheme = "VAT";
  } else if (!party.identifiers.empty()) {
    key.id = party.identifiers.front().value;
    key.scheme = party.identifiers.front().scheme;
  }
  return key;
}

}  // namespace cprokit
