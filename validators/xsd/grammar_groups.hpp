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
#include "validators/pdf/facturx_profile.hpp"

namespace cprokit::xsd {

// The grammars compiled on demand, each in its own pool: the UBL invoice and
// credit note together (they share most of their types, and a credit note
// validated as an invoice is told about its root only, not every element),
// CII D16B, and the CII schemas a document's guideline (BT-24) calls for: a
// Factur-X profile's (a restriction of D16B, or EXTENDED's extension of it)
// or the French reform's D22B. These share D16B's namespaces: one pool each.
struct GrammarGroup {
  std::string_view name;                  // of Xerces' grammar in the grammar cache
  std::string_view fast_name;             // of the fast path's model in the grammar cache
  std::vector<std::string_view> entries;  // relative to the schema folder
  std::vector<std::pair<DocumentKind, Syntax>> documents;  // the roots of the fast model
  std::string_view label;  // the schema, as XSD-01 names it; empty for UBL and CII D16B
  // Not part of the EN 16931 material: a schema folder may lack it, which
  // only the documents that need it are told (the folder loads).
  bool optional = false;
};

// The indices in kGroups.
enum GroupIndex : std::size_t {
  kUblGroup,
  kCiiGroup,
  kFacturXMinimumGroup,
  kFacturXBasicWlGroup,
  kFacturXBasicGroup,
  kFacturXExtendedGroup,
  kCiiD22bGroup,
  kGroupCount
};
extern const std::array<GrammarGroup, kGroupCount> kGroups;

// The index in kGroups of the grammar of `syntax` (UBL 2.1, CII D16B).
std::size_t group_of(Syntax syntax);

// The schema of a CII whose guideline names none of its own (EN 16931, any
// other id): D16B, on which the EN 16931 binding is defined, or the French
// reform's D22B when the user asks for it (lint --cii-schema d22b). The
// document cannot tell: both versions share their namespaces.
enum class CiiSchema { D16b, D22b };

// The index in kGroups of the grammar that judges a document of `syntax`
// whose guideline (BT-24) names `profile`: a CII of Factur-X profile MINIMUM,
// BASIC WL, BASIC or EXTENDED, that profile's Factur-X 1.09 schema;
// EXTENDED-CTC-FR, CII D22B; EN 16931 and any other, `base`; a UBL document,
// UBL's.
std::size_t group_for(Syntax syntax, std::optional<pdf::FacturXProfile> profile,
                      CiiSchema base = CiiSchema::D16b);

struct RootName {
  std::string_view ns;
  std::string_view local;
};

// The root element a document of this kind and syntax must have; none for
// the kinds without a schema.
std::optional<RootName> expected_root(DocumentKind kind, Syntax syntax);

}  // namespace cprokit::xsd
