// Who an invoice is from and to, in a few bytes: what a report totals by
// supplier and by buyer (the HTML summary) without keeping the invoice.
#pragma once

#include <string>

#include "rules/model/invoice.hpp"

namespace cprokit {

struct PartyKey {
  std::string name;  // BT-27 / BT-44, else the trading name (BT-28 / BT-45)
  // The party's identifier: its legal registration (BT-30 / BT-47: the SIRET
  // or SIREN in France), else its VAT id (BT-31 / BT-48), else its first
  // identifier (BT-29 / BT-46); empty when it has none.
  std::string id;
  // The id's scheme as written ("0009": SIRET, "0002": SIREN), "VAT" for a
  // VAT id; empty when not given.
  std::string scheme;

  bool operator==(const PartyKey&) const = default;
};

struct DocumentParties {
  PartyKey seller;  // BG-4
  PartyKey buyer;   // BG-7
};

PartyKey party_key(const Party& party);

}  // namespace cprokit
