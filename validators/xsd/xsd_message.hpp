// The message of an XSD-01 finding: a sentence in French and one in English
// saying what is wrong, with Xerces' own text (English) kept as the detail.
#pragma once

#include <filesystem>
#include <string_view>

#include "rules/finding.hpp"
#include "validators/xsd/grammar_groups.hpp"
#include "validators/xsd/schema_set.hpp"

namespace cprokit::xsd {

// The most common shapes of Xerces' schema errors (an element not allowed
// here, one missing, an attribute missing or not declared, a value of the
// wrong type…) are put in words; any other text is given as it is. `schema`
// names the schema that judged, when it is not the syntax's own (UBL 2.1,
// CII D16B): a Factur-X profile's, CII D22B (GrammarGroup::label).
Message error_message(const XsdError& error, std::string_view schema = {});

// XSD-02's explanation when the schemas found through `found_by` (an option,
// a variable, "installed data"…) cannot be used: `what` says why (SchemaError).
Message unusable_schemas(std::string_view found_by, std::string_view what);

// XSD-02's explanation when the schema folder `folder` (found through
// `found_by`) lacks the optional schema `group` needs: which one, and where
// to get it.
Message missing_schema(std::string_view found_by, const std::filesystem::path& folder,
                       const GrammarGroup& group);

}  // namespace cprokit::xsd
