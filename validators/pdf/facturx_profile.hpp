// The Factur-X profiles, told by the XML's guideline (BT-24) or by the
// level the XMP declares (fx:ConformanceLevel).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace cprokit::pdf {

enum class FacturXProfile { Minimum, BasicWl, Basic, En16931, Extended, ExtendedCtcFr };

// The profile whose guideline id BT-24 is; nullopt for any other id (an
// XRechnung, a typo).
std::optional<FacturXProfile> profile_of_guideline(std::string_view bt24);

// The profile an fx:ConformanceLevel names; nullopt for an unknown level.
std::optional<FacturXProfile> profile_of_level(std::string_view level);

// The fx:ConformanceLevel a profile is declared with (EXTENDED-CTC-FR:
// EXTENDED, its Factur-X base).
std::string_view level_of(FacturXProfile profile);

// The guideline id (BT-24) Factur-X 1.0 gives a profile.
std::string_view guideline_id(FacturXProfile profile);

// MINIMUM and BASIC WL carry no invoice lines: not EN 16931 invoices.
bool is_en16931_invoice(FacturXProfile profile);

// EXTENDED (and EXTENDED-CTC-FR) add to EN 16931 elements its CIUS leaves out.
bool is_extension(FacturXProfile profile);

// What a profile that is not an EN 16931 invoice lacks, in French and English.
std::string_view lacks_fr(FacturXProfile profile);
std::string_view lacks_en(FacturXProfile profile);

// The BT-24 text of a loaded CII, read without the readers (it is needed
// before them, to know whether to read the XML as an EN 16931 invoice);
// nullopt when it has none.
std::optional<std::string> guideline_in(pugi::xml_node root);

}  // namespace cprokit::pdf
