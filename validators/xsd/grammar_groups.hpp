// The grammars of the XSD layer, as both of its sides see them: the
// program's (schema_set.cpp, the fast path's models from the grammar cache)
// and Xerces-C's (xerces_schema_set.cpp, see xerces_backend.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/model/document_type.hpp"

namespace cprokit::xsd {

// The grammars compiled on demand, each in its own pool: the UBL invoice and
// credit note together (they share most of their types, and a credit note
// validated as an invoice is told about its root only, not every element),
// and CII.
struct GrammarGroup {
  std::string_view name;             // of Xerces' grammar in the grammar cache
  std::string_view fast_name;        // of the fast path's model in the grammar cache
  std::vector<std::size_t> entries;  // indices in SchemaEntryPoints::files
  std::vector<std::pair<DocumentKind, Syntax>> documents;  // the roots of the fast model
};
extern const std::array<GrammarGroup, 2> kGroups;

// The index in kGroups of the grammar of `syntax`.
std::size_t group_of(Syntax syntax);

struct RootName {
  std::string_view ns;
  std::string_view local;
};

// The root element a document of this kind and syntax must have; none for
// the kinds without a schema.
std::optional<RootName> expected_root(DocumentKind kind, Syntax syntax);

}  // namespace cprokit::xsd
