// The PDF-level rules of a Factur-X (PDF-06…PDF-15): what its XMP and the
// invoice's file specification say, and whether they agree with the XML.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/finding.hpp"
#include "validators/pdf/facturx_extractor.hpp"
#include "validators/pdf/facturx_profile.hpp"

namespace cprokit::pdf {

// The findings on the container of `facturx`, whose XML declares `profile`
// in BT-24 (nullopt: none we know, the XMP level is then judged alone).
std::vector<Finding> container_findings(const FacturX& facturx,
                                        std::optional<FacturXProfile> profile);

}  // namespace cprokit::pdf
