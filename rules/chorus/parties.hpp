// Where Chorus Pro's identifiers sit in the EN 16931 model
// (../shared/chorus-pro/fr-mapping.md §1).
#pragma once

#include <optional>
#include <string>

#include "rules/model/invoice.hpp"

namespace cprokit::chorus {

// SIRET scheme of the ISO 6523 list; a legal id without scheme is taken as
// a SIRET too (many French invoices omit it).
inline constexpr const char* kSiretScheme = "0009";

// The party's SIRET: its legal registration id (BT-30 / BT-47) with scheme
// 0009 or none, else a party identifier (BT-29 / BT-46) with scheme 0009;
// null when it has none.
const Identifier* siret_of(const Party& party);

// Whether the seller is French: its country (BT-40) is FR or, without a
// country, its VAT number (BT-31) starts with FR.
bool is_french(const Party& party);

}  // namespace cprokit::chorus
