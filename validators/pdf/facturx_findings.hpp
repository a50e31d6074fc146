// The findings of reading a Factur-X PDF (PDF-*, and XML-03 for an embedded
// XML over the size limit), and the place of a finding inside its XML.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "rules/finding.hpp"
#include "validators/pdf/facturx_extractor.hpp"
#include "validators/pdf/facturx_profile.hpp"

namespace cprokit::pdf {

// Why no XML could be taken out of the PDF; `max_bytes` is the XML limit.
Finding finding_for(const ExtractError& error, std::size_t max_bytes);

// PDF-04 for MINIMUM and BASIC WL, profiles that lack the lines (and for
// MINIMUM most terms) of an EN 16931 invoice; `from_bt24` says whether the
// XML's BT-24 told the profile, else the XMP's level.
std::optional<Finding> level_finding(FacturXProfile profile, bool from_bt24);

// DOC-01 for a UBL embedded where a Factur-X has its CII; placed already.
Finding ubl_inside(std::string_view name);

// `where` seen from the PDF: inside the embedded file `name`
// ("factur-x.xml:/rsm:CrossIndustryInvoice/…", or "factur-x.xml" for the
// whole file). Lines stay those of the XML.
void place_inside(std::string_view name, Location& where);

}  // namespace cprokit::pdf
