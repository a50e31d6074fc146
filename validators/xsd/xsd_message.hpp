// The message of an XSD-01 finding: a sentence in French and one in English
// saying what is wrong, with Xerces' own text (English) kept as the detail.
#pragma once

#include <string_view>

#include "rules/finding.hpp"
#include "validators/xsd/schema_set.hpp"

namespace cprokit::xsd {

// The most common shapes of Xerces' schema errors (an element not allowed
// here, one missing, an attribute missing or not declared, a value of the
// wrong type…) are put in words; any other text is given as it is.
Message error_message(const XsdError& error);

// XSD-02's explanation when the schemas found through `found_by` (an option,
// a variable, "installed data"…) cannot be used: `what` says why (SchemaError).
Message unusable_schemas(std::string_view found_by, std::string_view what);

}  // namespace cprokit::xsd
