// Fill the semantic invoice model from a loaded UBL or CII document.
// Values that do not parse become XML-07 findings appended to `findings`.
#pragma once

#include <vector>

#include "rules/finding.hpp"
#include "rules/model/invoice.hpp"
#include "validators/xml/safe_xml.hpp"

namespace cprokit::readers {

// `kind`: Invoice or CreditNote, as detected from the root element.
Invoice read_ubl(const xml::LoadedXml& xml, DocumentKind kind, std::vector<Finding>& findings);

// `kind`: Invoice or CreditNote, as detected from the type code.
Invoice read_cii(const xml::LoadedXml& xml, DocumentKind kind, std::vector<Finding>& findings);

}  // namespace cprokit::readers
